"""Where documents come from: files, folders (and, later, URLs) -> raw bytes with a name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import InputError

__all__ = ["RawSource", "iter_sources", "read_source", "DOCUMENT_SUFFIXES"]

DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom"}


@dataclass(frozen=True)
class RawSource:
    name: str
    raw: bytes


def read_source(path: str) -> RawSource:
    """Read one file; raise InputError when it is missing or unreadable."""
    file = Path(path)
    try:
        return RawSource(str(file), file.read_bytes())
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file") from err
    except IsADirectoryError as err:
        raise InputError(f"{path}: is a folder; `tracker ingest` reads folders") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err


def list_paths(paths: list[str]) -> list[str]:
    """Expand folders into their document files (sorted), keep files as given."""
    found: list[str] = []
    for path in paths:
        entry = Path(path)
        if entry.is_dir():
            found.extend(str(p) for p in sorted(entry.rglob("*"))
                         if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        else:
            found.append(path)
    return found


def iter_sources(paths: list[str]) -> Iterator[RawSource]:
    for path in list_paths(paths):
        yield read_source(path)
