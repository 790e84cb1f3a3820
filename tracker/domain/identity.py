"""What makes two texts the same press release: the identity key of a document.

The same release arrives in several forms: with one more blank line, as .txt and
as HTML (whose page furniture the HTML reader already drops), with typographic or
straight quotes, composed or decomposed accents. Its identity is the sha256 of
its text normalised for all of these, so a re-ingest in another form adds nothing
(issue #17). A release published at a web address is also known by that address:
a different text there is a new revision of the same release (`url_key`).
Pure: no I/O, imports nothing from the project.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

__all__ = ["normalise_text", "normalised_sha256", "url_key"]

# Characters that change how a text looks, never what it says.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)
_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """`text` in compatibility form (NFKC), without invisible characters, with plain quotes and dashes,
    and every run of whitespace (line breaks included) as one space."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_TYPOGRAPHY)
    return _WHITESPACE.sub(" ", text).strip()


def normalised_sha256(text: str) -> str:
    """The identity key of a document: the sha256 (hex) of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def url_key(source: str) -> str | None:
    """The sha256 (hex) of the web address a document was read from, None when `source` is no page address.

    http and https, and the case of the host, make no difference. An address with a fragment
    names a part of a page (a feed entry without a link of its own is `FEED#entry-3`, and its
    number moves as entries are added), so it is no release's address.
    """
    try:
        parts = urlsplit(source.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or parts.fragment:
        return None
    address = f"//{parts.netloc.lower()}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
    return hashlib.sha256(address.encode("utf-8")).hexdigest()
