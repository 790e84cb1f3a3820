"""Domain objects -> plain JSON-ready dicts, the shape of every `--json` list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tracker.domain.model import COMMITMENT_RECORD_FIELDS, Commitment, Meeting
from tracker.domain.status import DUE_SOON_DAYS, days_overdue, derive_state

__all__ = ["meeting_record", "commitment_record", "meeting_place_and_people", "iso"]


def iso(value: dt.date | dt.time | dt.datetime | None) -> str | None:
    """ISO 8601 text of a date, time or instant; None stays None."""
    return value.isoformat() if value is not None else None


def meeting_place_and_people(meeting: Meeting) -> dict:
    """Where a meeting was and who took part, as every JSON shape of a meeting writes it."""
    return {
        "city": meeting.city,
        "country": meeting.country,
        "timezone": meeting.timezone,
        "parties": sorted(meeting.parties),
        "participants": [
            {"name": p.name, "role": p.role, "country": p.country} for p in meeting.participants
        ],
    }


def meeting_record(meeting: Meeting) -> dict:
    return {
        "id": meeting.id,
        "uid": meeting.uid,
        "kind": str(meeting.kind),
        "title": meeting.title,
        "start": iso(meeting.start),
        "end": iso(meeting.end),
        "start_time": iso(meeting.start_time),
        "end_time": iso(meeting.end_time),
        **meeting_place_and_people(meeting),
        "review": str(meeting.review),
        "source": meeting.source,
        "evidence": meeting.evidence.text if meeting.evidence else None,
    }


# How each field of COMMITMENT_RECORD_FIELDS reads off a domain item.
_ITEM_FIELDS: dict[str, Callable[[Commitment], object]] = {
    "id": lambda item: item.id,
    "uid": lambda item: item.uid,
    "kind": lambda item: str(item.kind),
    "title": lambda item: item.title,
    "firmness": lambda item: str(item.firmness),
    "parties": lambda item: sorted(item.parties),
    "city": lambda item: item.city,
    "country": lambda item: item.country,
    "status": lambda item: str(item.status),
    "review": lambda item: str(item.review),
    "window": lambda item: {
        "start": iso(item.window.start),
        "end": iso(item.window.end),
        "precision": str(item.window.precision),
        "text": item.window.text,
    },
    "made_on": lambda item: iso(item.made_on),
    "agreed_meeting": lambda item: item.agreed_meeting_uid,
    "fulfilled_meeting": lambda item: item.fulfilled_meeting_uid,
    "fulfilled_on": lambda item: iso(item.fulfilled_on),
    "source": lambda item: item.source,
    "evidence": lambda item: item.evidence.text if item.evidence else None,
}
_ITEM_READERS = tuple((key, _ITEM_FIELDS[key]) for key in COMMITMENT_RECORD_FIELDS)


def commitment_record(item: Commitment, today: dt.date, due_soon_days: int = DUE_SOON_DAYS) -> dict:
    """The item's stored fields (COMMITMENT_RECORD_FIELDS, in order), then those derived on `today`."""
    record = {key: read(item) for key, read in _ITEM_READERS}
    record["state"] = str(derive_state(item, today, due_soon_days))
    record["days_overdue"] = days_overdue(item, today)
    return record
