"""The calendar as a vdir: a folder with one .ics file per UID (the storage format of vdirsyncer, khal, todoman).

Each file is a VCALENDAR holding one component (and the VTIMEZONE it needs), with
the same UID and content as in the .ics export. Files are written atomically and
only when their bytes change, so a syncing tool sees unchanged files as unchanged;
the files of components that left the calendar are removed (only files with our
PRODID: what other tools put in the folder stays). The file name is the
UID when it is safe as one, else the UID's sha256.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tracker.exporters.ics import PRODID, CalendarObject

__all__ = ["VdirResult", "file_name", "write_vdir"]

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9@._+-]{0,150}")


@dataclass(frozen=True)
class VdirResult:
    """What `write_vdir` did: file counts."""

    written: int
    unchanged: int
    removed: int


def file_name(uid: str) -> str:
    """The vdir file name of a UID: the UID itself when it is a safe file name, else its sha256."""
    if _SAFE_NAME.fullmatch(uid) and not uid.endswith("."):
        return f"{uid}.ics"
    return f"{hashlib.sha256(uid.encode('utf-8')).hexdigest()}.ics"


def _write_file(path: Path, data: bytes, mode: int) -> None:
    handle = tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _ours(path: Path, prodid_line: bytes) -> bool:
    """True when the file's head (VCALENDAR, VERSION, PRODID) carries our PRODID line."""
    with path.open("rb") as handle:
        head = handle.read(len(prodid_line) + 64)
    return head.startswith(b"BEGIN:VCALENDAR\r\n") and prodid_line in head


def write_vdir(folder: Path, objects: Iterable[CalendarObject], prodid: str = PRODID) -> VdirResult:
    """Write one file per calendar object in `folder` (created if missing); remove the stale files it wrote before.

    Only .ics files with this PRODID are ever removed: files another tool put there stay.

    Raises OSError when the folder cannot be written; the caller says so to the user.
    """
    folder.mkdir(parents=True, exist_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    mode = 0o666 & ~umask
    keep: set[str] = set()
    written = unchanged = 0
    for calendar_object in objects:
        name = file_name(calendar_object.uid)
        if name in keep:
            raise ValueError(f"two components would share the file {name} (UID {calendar_object.uid})")
        keep.add(name)
        path = folder / name
        data = calendar_object.calendar(prodid)
        try:
            if path.read_bytes() == data:
                unchanged += 1
                continue
        except FileNotFoundError:
            pass
        _write_file(path, data, mode)
        written += 1
    removed = 0
    ours = b"\r\nPRODID:" + prodid.encode("utf-8") + b"\r\n"
    for stale in sorted(folder.glob("*.ics")):
        if stale.name not in keep and stale.is_file() and _ours(stale, ours):
            stale.unlink()
            removed += 1
    if written or removed:
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)  # the renames and removals themselves survive a crash
        finally:
            os.close(descriptor)
    return VdirResult(written, unchanged, removed)
