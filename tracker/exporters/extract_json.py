"""Extraction -> the `tracker.extract/1` JSON shape of the extraction contract."""

from __future__ import annotations

from tracker.domain.model import Commitment, Evidence, Extraction, Meeting

__all__ = ["extraction_to_json", "SCHEMA"]

SCHEMA = "tracker.extract/1"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _evidence(evidence: Evidence | None) -> dict | None:
    if evidence is None:
        return None
    return {"text": evidence.text, "start": evidence.start, "end": evidence.end}


def _meeting(meeting: Meeting) -> dict:
    return {
        "kind": str(meeting.kind),
        "title": meeting.title,
        "start": _iso(meeting.start),
        "end": _iso(meeting.end),
        "city": meeting.city,
        "country": meeting.country,
        "timezone": meeting.timezone,
        "parties": sorted(meeting.parties),
        "participants": [
            {"name": p.name, "role": p.role, "country": p.country} for p in meeting.participants
        ],
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
            "start": _iso(window.start),
            "end": _iso(window.end),
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
            "published": _iso(extraction.published),
            "title": extraction.title,
            "language": extraction.language,
        },
        "meetings": [_meeting(m) for m in extraction.meetings],
        "commitments": [_commitment(c) for c in extraction.commitments],
    }
