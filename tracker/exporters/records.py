"""Domain objects -> plain JSON-ready dicts, the shape of every `--json` list."""

from __future__ import annotations

import datetime as dt

from tracker.domain.model import Commitment, Meeting
from tracker.domain.status import days_overdue, derive_state

__all__ = ["meeting_record", "commitment_record", "join_json_objects"]


def _iso(value: dt.date | dt.time | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def meeting_record(meeting: Meeting) -> dict:
    return {
        "id": meeting.id,
        "uid": meeting.uid,
        "kind": str(meeting.kind),
        "title": meeting.title,
        "start": _iso(meeting.start),
        "end": _iso(meeting.end),
        "start_time": _iso(meeting.start_time),
        "end_time": _iso(meeting.end_time),
        "city": meeting.city,
        "country": meeting.country,
        "timezone": meeting.timezone,
        "parties": sorted(meeting.parties),
        "participants": [
            {"name": p.name, "role": p.role, "country": p.country} for p in meeting.participants
        ],
        "review": str(meeting.review),
        "source": meeting.source,
        "evidence": meeting.evidence.text if meeting.evidence else None,
    }


def commitment_record(item: Commitment, today: dt.date, due_soon_days: int = 30) -> dict:
    """The item's stored fields, then those derived on `today` (the order of tracker.storage.item_json)."""
    window = item.window
    return {
        "id": item.id,
        "uid": item.uid,
        "kind": str(item.kind),
        "title": item.title,
        "firmness": str(item.firmness),
        "parties": sorted(item.parties),
        "city": item.city,
        "country": item.country,
        "status": str(item.status),
        "review": str(item.review),
        "window": {
            "start": _iso(window.start),
            "end": _iso(window.end),
            "precision": str(window.precision),
            "text": window.text,
        },
        "made_on": _iso(item.made_on),
        "agreed_meeting": item.agreed_meeting_uid,
        "fulfilled_meeting": item.fulfilled_meeting_uid,
        "fulfilled_on": _iso(item.fulfilled_on),
        "source": item.source,
        "evidence": item.evidence.text if item.evidence else None,
        "state": str(derive_state(item, today, due_soon_days)),
        "days_overdue": days_overdue(item, today),
    }


def join_json_objects(first: str, second: str) -> str:
    """One JSON object text with the keys of the object texts `first`, then `second`.

    Both as the database or orjson write them: nothing after the closing brace.
    """
    if first[-1] != "}" or second[0] != "{":
        raise ValueError(f"not JSON objects: {first[-20:]!r}, {second[:20]!r}")
    if second == "{}":
        return first
    return f"{first[:-1]}{'' if first[-2] == '{' else ','}{second[1:]}"
