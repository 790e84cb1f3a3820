"""Domain objects -> plain JSON-ready dicts, the shape of every `--json` list."""

from __future__ import annotations

import datetime as dt

from tracker.domain.model import Commitment, Meeting
from tracker.domain.status import days_overdue, derive_state

__all__ = ["meeting_record", "commitment_record"]


def _iso(value: dt.date | dt.time | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def meeting_record(meeting: Meeting) -> dict:
    return {
        "id": meeting.id, "uid": meeting.uid, "kind": str(meeting.kind), "title": meeting.title,
        "start": _iso(meeting.start), "end": _iso(meeting.end),
        "start_time": _iso(meeting.start_time), "end_time": _iso(meeting.end_time),
        "city": meeting.city, "country": meeting.country, "timezone": meeting.timezone,
        "parties": sorted(meeting.parties),
        "participants": [{"name": p.name, "role": p.role, "country": p.country} for p in meeting.participants],
        "review": str(meeting.review), "source": meeting.source,
        "evidence": meeting.evidence.text if meeting.evidence else None,
    }


def commitment_record(item: Commitment, today: dt.date, due_soon_days: int = 30) -> dict:
    window = item.window
    return {
        "id": item.id, "uid": item.uid, "kind": str(item.kind), "title": item.title,
        "firmness": str(item.firmness), "parties": sorted(item.parties), "city": item.city,
        "country": item.country, "status": str(item.status), "review": str(item.review),
        "state": str(derive_state(item, today, due_soon_days)), "days_overdue": days_overdue(item, today),
        "window": {"start": _iso(window.start), "end": _iso(window.end), "precision": str(window.precision),
                   "text": window.text},
        "made_on": _iso(item.made_on), "agreed_meeting": item.agreed_meeting_uid,
        "fulfilled_meeting": item.fulfilled_meeting_uid, "fulfilled_on": _iso(item.fulfilled_on),
        "source": item.source, "evidence": item.evidence.text if item.evidence else None,
    }
