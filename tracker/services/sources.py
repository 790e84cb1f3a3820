"""Where documents come from: files, folders and http(s) URLs -> raw bytes with a name.

URLs of pages and feeds are fetched with httpx (timeouts, redirects followed, size
capped, and a deadline for the whole fetch, so a server sending one byte a second
is cut off); files are read only when they are regular files (a FIFO or a device
would block or never end) and under the same size cap (`tracker.limits`).
Anything that goes wrong becomes an InputError that names the source.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from tracker import limits
from tracker.errors import InputError

__all__ = [
    "RawSource",
    "read_source",
    "fetch_url",
    "list_paths",
    "DOCUMENT_SUFFIXES",
    "FETCH_TIMEOUT",
    "MAX_BYTES",
    "list_skipped",
]

DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".pdf", ".docx"}
FETCH_TIMEOUT = 15.0  # seconds, for connecting and for each read
MAX_BYTES = limits.MAX_DOCUMENT_BYTES


@dataclass(frozen=True)
class RawSource:
    name: str
    raw: bytes


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def _too_large(name: str, max_bytes: int) -> InputError:
    return InputError(f"{name}: larger than {max_bytes / (1024 * 1024):g} MB; save and trim it")


def fetch_url(
    url: str,
    timeout: float = FETCH_TIMEOUT,
    *,
    deadline: float = limits.FETCH_DEADLINE_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> RawSource:
    """GET a page or feed; raise InputError on a network error, an HTTP error, an oversized body,
    or when the whole fetch takes longer than `deadline` seconds (`timeout` bounds each read)."""
    import httpx

    started = time.monotonic()

    headers = {
        "User-Agent": "tracker/0.1 (+press-release reader)",
        "Accept": "text/html, application/rss+xml, application/atom+xml, application/xml, text/plain;q=0.9",
    }
    try:
        with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise _too_large(url, max_bytes)
                    if time.monotonic() - started > deadline:
                        raise InputError(f"{url}: still sending after {deadline:g}s; cut off")
                    chunks.append(chunk)
    except httpx.TimeoutException as err:
        raise InputError(f"{url}: timed out after {timeout:g}s") from err
    except httpx.HTTPError as err:
        raise InputError(f"{url}: cannot fetch ({type(err).__name__}: {err})") from err
    return RawSource(url, b"".join(chunks))


def read_source(path: str, max_bytes: int | None = MAX_BYTES) -> RawSource:
    """Read one file or URL of at most `max_bytes` (None: no cap, for a dump); raise InputError when it
    is missing, unreadable, too large or not a regular file. An HTML page with a great many tags is
    read, in time linear in its size (`tracker.extraction.document`), so it is not refused here."""
    if is_url(path):
        return fetch_url(path) if max_bytes is None else fetch_url(path, max_bytes=max_bytes)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file") from err
    except IsADirectoryError as err:
        raise InputError(f"{path}: is a folder; `tracker ingest` reads folders") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err
    with os.fdopen(descriptor, "rb") as handle:
        try:
            mode = os.fstat(descriptor).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(f"{path}: is a folder; `tracker ingest` reads folders")
            if not stat.S_ISREG(mode):
                raise InputError(f"{path}: not a regular file (a pipe or a device); save it to a file first")
            os.set_blocking(descriptor, True)
            raw = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        except OSError as err:
            raise InputError(f"{path}: cannot read ({err.strerror})") from err
    if max_bytes is not None and len(raw) > max_bytes:
        raise _too_large(path, max_bytes)
    return RawSource(str(Path(path)), raw)


def list_paths(paths: list[str]) -> list[str]:
    """Expand folders into their document files (sorted), keep files as given."""
    found: list[str] = []
    for path in paths:
        if is_url(path):
            found.append(path)
            continue
        entry = Path(path)
        if entry.is_dir():
            found.extend(
                str(p)
                for p in sorted(entry.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            found.append(path)
    return found


_NOT_READ = {
    ".doc": "old Word files (.doc) are not read; save it as .docx, text (.txt) or a web page (.html)",
    ".odt": "OpenDocument files are not read yet; save it as text (.txt) or a web page (.html)",
    ".rtf": "RTF is not read yet; save it as text (.txt) or a web page (.html)",
}


def list_skipped(paths: list[str]) -> list[tuple[str, str]]:
    """The files inside the folders of `paths` that `list_paths` leaves out, each with the reason.

    Hidden files and folders (`.git`, `.DS_Store`) are left out silently (issue #14: a PDF in
    a folder used to be skipped without a word).
    """
    skipped: list[tuple[str, str]] = []
    for path in paths:
        folder = Path(path)
        if is_url(path) or not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            if not file.is_file() or file.suffix.lower() in DOCUMENT_SUFFIXES:
                continue
            if any(part.startswith(".") for part in file.relative_to(folder).parts):
                continue
            suffix = file.suffix.lower()
            skipped.append(
                (
                    str(file),
                    _NOT_READ.get(
                        suffix,
                        f"{suffix or 'no suffix'} is not a document type tracker reads "
                        "(.txt, .md, .html, .pdf, .docx or a feed: .xml, .rss, .atom)",
                    ),
                )
            )
    return skipped
