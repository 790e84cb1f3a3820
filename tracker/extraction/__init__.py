"""Text -> meeting and commitment candidates. Pure: no database, network or clock."""

from tracker.extraction.document import TextDocument, decode_document
from tracker.extraction.pipeline import extract

__all__ = ["extract", "decode_document", "TextDocument"]
