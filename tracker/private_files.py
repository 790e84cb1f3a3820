"""Files and folders the tracker creates are private to the user (issue #17).

The database (with its -wal and -shm files, which SQLite creates with the
database's mode), its folder and written reports hold the desk's data: folders
are made 0700 and files 0600, whatever the umask. What exists already keeps
its mode; a calendar written for a web server (`export ics -o`) is public on
purpose and does not use this.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["make_private_folder", "create_private_file", "write_private_text"]


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents with mode 0700 (existing ones are left as they are)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:  # made meanwhile by another process
            continue
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask


def create_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 unless something by that name exists."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.fchmod(descriptor, 0o600)
    os.close(descriptor)


def write_private_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path`; a new file is 0600, its missing folders 0700."""
    make_private_folder(path.parent)
    create_private_file(path)
    path.write_text(text, encoding="utf-8")
