"""Extraction -> the `tracker.extract/1` JSON shape of the extraction contract."""

from __future__ import annotations

from tracker.domain.model import Commitment, Evidence, Extraction, Meeting
from tracker.exporters.records import iso, meeting_place_and_people

__all__ = ["extraction_to_json", "SCHEMA"]

SCHEMA = "tracker.extract/1"


def _evidence(evidence: Evidence | None) -> dict | None:
    if evidence is None:
        return None
    return {"text": evidence.text, "start": evidence.start, "end": evidence.end}


def _meeting(meeting: Meeting) -> dict:
    return {
        "kind": str(meeting.kind),
        "title": meeting.title,
        "start": iso(meeting.start),
        "end": iso(meeting.end),
        **meeting_place_and_people(meeting),
        "evidence": _evidence(meeting.evidence),
    }


def _commitment(item: Commitment) -> dict:
    window = item.window
    return {
        "kind": str(item.kind),
        "title": item.title,
        "firmness": str(item.firmness),
        "parties": sorted(item.parties),
        "city": item.city,
        "country": item.country,
        "window": {
            "start": iso(window.start),
            "end": iso(window.end),
            "precision": str(window.precision),
            "text": window.text,
        },
        "evidence": _evidence(item.evidence),
        "postponed": item.postponed,
    }


def extraction_to_json(extraction: Extraction, sha256: str) -> dict:
    """The contract's JSON object for one document."""
    return {
        "schema": SCHEMA,
        "document": {
            "sha256": sha256,
            "published": iso(extraction.published),
            "title": extraction.title,
            "language": extraction.language,
        },
        "meetings": [_meeting(m) for m in extraction.meetings],
        "commitments": [_commitment(c) for c in extraction.commitments],
    }
