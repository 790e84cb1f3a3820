"""Raw bytes -> text documents: decoding, main text of HTML, feed entries, title and publication date.

Pure: takes bytes and a source name, returns TextDocument objects (a feed gives one
per entry). Plain text and Markdown are decoded (UTF-8, else the encoding
charset-normalizer detects); HTML keeps its main text only (trafilatura drops the
page furniture) with title and date from its metadata; RSS/Atom feeds give one
document per entry, dated by the entry. Offsets of evidence refer to `TextDocument.text`.
PDF and Word .docx files give their text (extraction/office.py).
Publication date: the caller's `published`, else the feed entry / HTML metadata
(the first full date in the text is the extractor's own fallback).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from tracker import limits
from tracker.errors import InputError
from tracker.extraction.office import DOCX_SUFFIXES, PDF_SUFFIXES, docx_text, pdf_text

__all__ = [
    "TextDocument",
    "decode_document",
    "document_kind",
    "strip_tags",
    "sha256_text",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "FEED_SUFFIXES",
]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".feed"}
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL | re.IGNORECASE
)
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)


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


def _suffix(source: str) -> str:
    name = source.split("?", 1)[0].split("#", 1)[0]
    return PurePosixPath(name).suffix.lower()


def _is_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls > max(8, len(head) // 20)


def decode_text(raw: bytes, source: str) -> str:
    """Bytes -> str: UTF-8 (with or without BOM), else the detected encoding; InputError when not text."""
    if _is_binary(raw):
        raise InputError(f"{source}: not a text document (binary content)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{source}: cannot tell the text encoding; save it as UTF-8")
    return str(best)


def _kind(raw: bytes, source: str) -> str:
    suffix = _suffix(source)
    if suffix in PDF_SUFFIXES or raw.startswith(b"%PDF-"):
        return "pdf"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in FEED_SUFFIXES or _FEED_START.match(raw[:2048]):
        return "feed"
    if suffix in HTML_SUFFIXES or _HTML_START.match(raw[:2048]):
        return "html"
    if suffix in TEXT_SUFFIXES or suffix == "" or source.startswith(("http://", "https://")):
        return "text"
    raise InputError(
        f"{source}: unknown document type {suffix!r}; use .txt, .md, .html, .pdf, .docx or a feed "
        "(.xml, .rss, .atom)"
    )


def document_kind(raw: bytes, source: str) -> str:
    """'feed', 'html' or 'text': how `decode_document` would read these bytes (InputError when none fits)."""
    return _kind(raw, source)


def _parse_date(value) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


_TAG = re.compile(r"<[A-Za-z!/]")
# Left out of a large page's text: code, styling and the page's furniture.
_FURNITURE = "//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form|//svg"
_BLOCKS = ("p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table")


def _large_html_document(html: str, source: str, published: dt.date | None) -> TextDocument:
    """A page with more than `limits.MAX_HTML_TAGS` tags, read in time and memory linear in its size.

    trafilatura's time grows faster than the number of tags (issue 17: a 14 MB page with a million
    tags took 86 s and 1.47 GB); libxml2 parses such a page in seconds. Only the furniture is
    dropped here (no scoring of the main text), and paragraphs are kept apart.
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception as err:  # libxml2 refuses only truly broken input (e.g. nothing but NUL bytes)
        raise InputError(f"{source}: not a readable HTML page") from err
    title = root.findtext(".//title")
    for element in root.xpath(_FURNITURE):
        element.drop_tree()
    body = root.find("body")
    for block in (body if body is not None else root).iter(*_BLOCKS):
        block.tail = "\n\n" + (block.tail or "")
    text = (body if body is not None else root).text_content()
    text = re.sub(r"\n\s*\n\s*", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()
    if not text:
        raise InputError(f"{source}: no readable text in this HTML page")
    return TextDocument(text=text, source=source, title=(title or "").strip() or None, published=published)


def _html_document(raw: bytes, source: str, published: dt.date | None) -> TextDocument:
    html = decode_text(raw, source)
    if sum(1 for _ in zip(_TAG.finditer(html), range(limits.MAX_HTML_TAGS + 1))) > limits.MAX_HTML_TAGS:
        return _large_html_document(html, source, published)
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True) or ""
    if not text.strip():
        # Very short pages fall below trafilatura's thresholds: take every paragraph instead.
        text = trafilatura.extract(html, include_comments=False, no_fallback=False, favor_recall=True) or ""
    if not text.strip():
        raise InputError(f"{source}: no readable text in this HTML page")
    title, date = None, None
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus; a page without it is still read
        meta = None
    if meta is not None:
        title = meta.title or None
        date = _parse_date(meta.date)
    return TextDocument(text=text, source=source, title=title, published=published or date)


def _feed_documents(raw: bytes, source: str, published: dt.date | None) -> list[TextDocument]:
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            raise InputError(f"{source}: not a readable RSS or Atom feed")
        return []
    documents = []
    for number, entry in enumerate(parsed.entries):
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "") or entry.get("description", "")
        text = _strip_tags(body)
        title = entry.get("title") or None
        if title and text and not text.startswith(title):
            text = f"{title}\n\n{text}"
        if not text.strip():
            continue
        date = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            if entry.get(key):
                date = dt.date(*entry[key][:3])
                break
        link = entry.get("link") or f"{source}#entry-{number + 1}"
        documents.append(TextDocument(text=text, source=link, title=title, published=published or date))
    return documents


def strip_tags(markup: str) -> str:
    """The text of an HTML fragment (a feed entry's summary), paragraphs kept apart."""
    return _strip_tags(markup)


def _strip_tags(markup: str) -> str:
    if "<" not in markup:
        return markup.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{markup}</div>")
    except Exception:
        return re.sub(r"<[^>]{0,500}>", " ", markup).strip()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def decode_document(raw: bytes, source: str, published: dt.date | None = None) -> list[TextDocument]:
    """Decode one file's (or URL's) bytes into its text documents; raise InputError when it is not text.

    :param raw: the bytes as read or fetched.
    :param source: a path or URL; its suffix picks the reader (content sniffing decides for URLs).
    :param published: publication date given by the user; wins over feed and HTML metadata.
    """
    if not raw or not raw.strip():
        raise InputError(f"{source}: empty document")
    kind = _kind(raw, source)
    if kind == "feed":
        return _feed_documents(raw, source, published)
    if kind == "html":
        return [_html_document(raw, source, published)]
    if kind in {"pdf", "docx"}:
        text = pdf_text(raw, source) if kind == "pdf" else docx_text(raw, source)
        return [TextDocument(text=text, source=source, published=published)]
    text = decode_text(raw, source)
    if not text.strip():
        raise InputError(f"{source}: empty document")
    return [TextDocument(text=text, source=source, published=published)]
