"""The extractor's entry point: one text and its publication date -> an Extraction.

Reads the document once (sentences, gazetteer mentions, dateline), then the
meeting rules, then the commitment rules, which inherit parties from the meetings.
Without a publication date the first full date the text states anchors relative
expressions; with neither they stay unresolved. A text not in English yields no
items, only its language. Never raises on odd text.
"""

from __future__ import annotations

import datetime as dt

from tracker.domain.model import Extraction
from tracker.extraction.commitments import extract_commitments
from tracker.extraction.context import DocumentContext
from tracker.extraction.meetings import extract_meetings

__all__ = ["extract"]


def extract(text: str, published: dt.date | None = None) -> Extraction:
    """Read meetings and commitments from `text`; `published` anchors relative dates.

    :param text: the document's text; evidence offsets index into it.
    :param published: publication date; None means the first full date in the text, if any.
    """
    from tracker.extraction.language import READ_LANGUAGES, detect_language
    from tracker.temporal import first_full_date

    language = detect_language(text)
    if published is None:
        try:
            published = first_full_date(text)
        except Exception:  # a temporal bug must not lose the document
            published = None
    if language not in READ_LANGUAGES:
        return Extraction(published=published, language=language)  # stored, reported, not read
    ctx = DocumentContext.read(text, published)
    meetings = extract_meetings(ctx)
    commitments = extract_commitments(ctx, meetings)
    return Extraction(published=published, meetings=meetings, commitments=commitments)
