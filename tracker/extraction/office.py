"""Text out of the office formats a desk receives releases in: PDF and Word (.docx).

Pure: bytes in, plain text out (paragraphs separated by blank lines), InputError for a
file that cannot be read. PDF goes through pypdf (pure Python); a .docx is a zip of XML
read with the standard library's zipfile and lxml, with entities and network access off
and its size capped (issue #14: a folder of PDFs used to be skipped without a word).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

from tracker.errors import InputError

__all__ = ["PDF_SUFFIXES", "DOCX_SUFFIXES", "pdf_text", "docx_text", "MAX_DOCX_XML_BYTES"]

PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
MAX_DOCX_XML_BYTES = 50 * 1024 * 1024  # uncompressed document.xml; a zip bomb stops here
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tidy(paragraphs: list[str]) -> str:
    lines = (re.sub(r"[ \t\u00a0]+", " ", paragraph).strip() for paragraph in paragraphs)
    return "\n\n".join(line for line in lines if line)


def pdf_text(raw: bytes, source: str) -> str:
    """The text of every page of a PDF, in page order; InputError when it has none (a scan) or is broken."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs each repair it makes ("EOF marker not found") to stderr; the error below says it once.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise InputError(f"{source}: the PDF is encrypted; save it unprotected or as text")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise InputError(f"{source}: cannot read this PDF; save it as text") from err
    text = _tidy([block for page in pages for block in re.split(r"\n\s*\n", page)])
    if not text:
        raise InputError(f"{source}: no text in this PDF (a scanned image?); save it as text")
    return text


def docx_text(raw: bytes, source: str) -> str:
    """The paragraphs of a Word .docx body, in order; InputError when it is not one."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise InputError(f"{source}: the document is too large to read")
            xml = archive.read(info)
    except (zipfile.BadZipFile, KeyError) as err:
        raise InputError(f"{source}: not a Word .docx file") from err
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(f"{source}: cannot read this .docx ({err})") from err
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
            parts.append(node.text or "" if node.tag == f"{_W}t" else " ")
        paragraphs.append("".join(parts))
    text = _tidy(paragraphs)
    if not text:
        raise InputError(f"{source}: no text in this .docx")
    return text
