"""Raw bytes -> text documents: decoding, sha256 of the text, title and publication date.

Pure: takes bytes and a source name, returns TextDocument objects (a feed gives
one per entry). Offsets of evidence refer to `TextDocument.text`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from tracker.errors import InputError

__all__ = ["TextDocument", "decode_document", "sha256_text"]


@dataclass(frozen=True)
class TextDocument:
    text: str
    source: str
    title: str | None = None
    published: dt.date | None = None

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_document(raw: bytes, source: str, published: dt.date | None = None) -> list[TextDocument]:
    """Decode one file's bytes into its text documents; raise InputError when it is not text."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: not a text document (binary content)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{source}: not valid UTF-8 text") from err
    return [TextDocument(text=text, source=source, published=published)]
