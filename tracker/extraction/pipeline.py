"""The extractor's entry point: one text and its publication date -> an Extraction.

First version: enough to read the seed press release (placeholder until the
rule-based extractor of issue #3 replaces it).
"""

from __future__ import annotations

import datetime as dt
import re

from tracker.domain.model import (
    Commitment, Evidence, Extraction, Firmness, Kind, Meeting, Participant, Precision, Window,
)

__all__ = ["extract"]

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_FULL_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b", re.IGNORECASE)


def _first_full_date(text: str) -> dt.date | None:
    match = _FULL_DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    except ValueError:
        return None


def extract(text: str, published: dt.date | None = None) -> Extraction:
    """Read meetings and commitments from `text`; `published` anchors relative dates."""
    published = published or _first_full_date(text)
    result = Extraction(published=published)
    for match in re.finditer(r"[^.!?\n]+[.!?]?", text):
        sentence = match.group().strip()
        start = match.start() + match.group().index(sentence) if sentence else match.start()
        evidence = Evidence(sentence, start, start + len(sentence))
        day = _first_full_date(sentence)
        if day and re.search(r"\bconsultations\b.*\bwere held in (\w+)", sentence):
            city = re.search(r"were held in (\w+)", sentence)[1]
            result.meetings.append(Meeting(Kind.CONSULTATIONS, day, day, city=city, evidence=evidence,
                                           parties=["BY", "RS"] if "Belarus" in sentence else []))
        year = re.search(r"next round of .*? in (\w+) in (\d{4})", sentence)
        if year:
            y = int(year[2])
            result.commitments.append(Commitment(
                Kind.CONSULTATIONS,
                Firmness.IN_PRINCIPLE if "in principle" in sentence else Firmness.AGREED,
                Window(dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR, f"in {y}"),
                title=f"Next round of consultations in {year[1]}", city=year[1], evidence=evidence))
    return result
