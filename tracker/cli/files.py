"""Writing a command's output file whole: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from tracker.errors import InputError, StorageError

__all__ = ["write_atomically", "write_whole"]

# A full disk is a storage problem (exit 5, issue #17); anything else, e.g. permissions, bad input.
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}

# Up to this size an output for a stream is held in memory, beyond it in a temporary file.
_SPOOL_IN_MEMORY = 16 * 1024 * 1024


def write_atomically(path: Path, chunks: Iterable[bytes]) -> int:
    """Write `chunks` to `path` through a temporary file in the same folder and os.replace; return the size.

    A reader (a static web server) sees the old file or the new one, never half of one. A path
    that is a device or a pipe (`-o /dev/null`, `-o /dev/stdout`) is written in place, whole:
    renaming onto it would replace the device itself with a file.
    """
    if _is_special(path):
        return _write_to_special(path, chunks)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    except OSError as err:
        raise InputError(f"cannot write in {folder}: {err.strerror}") from err
    size = 0
    try:
        with handle:
            for chunk in chunks:
                handle.write(chunk)
                size += len(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)  # NamedTemporaryFile makes 0600; a web server must read the file
        os.replace(handle.name, path)
    except OSError as err:
        Path(handle.name).unlink(missing_ok=True)
        error = StorageError if err.errno in _DISK_FULL else InputError
        raise error(
            f"cannot write {path}: {err.strerror or err}; the old file, if any, is unchanged"
        ) from err
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return size


def write_whole(stream: BinaryIO, chunks: Iterable[bytes], *, name: str = "stdout") -> int:
    """Write `chunks` to `stream` only once all of them were made; return the size.

    An output that fails half-way (issue #17) then leaves nothing on the stream instead of
    the first half of a VCALENDAR, as `write_atomically` does for files.
    """
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as spool:
        for chunk in chunks:
            spool.write(chunk)
        size = spool.tell()
        spool.seek(0)
        try:
            shutil.copyfileobj(spool, stream)
            stream.flush()
        except OSError as err:
            if err.errno not in _DISK_FULL:
                raise
            raise StorageError(f"cannot write the calendar to {name}: {err.strerror or err}") from err
    return size


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode)


def _write_to_special(path: Path, chunks: Iterable[bytes]) -> int:
    try:
        stream = path.open("ab")  # appending never truncates a device
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror or err}") from err
    with stream:
        return write_whole(stream, chunks, name=str(path))
