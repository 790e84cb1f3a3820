"""The column values of a new meeting's or item's row, declared once for every writer: the ingest's
Core inserts (`storage.documents`), `items add` (`storage.items.add_item`) and the ORM (`storage.repo`);
and of a new document's row, which only the ingest writes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from tracker.domain import model as domain

__all__ = [
    "UID_DOMAIN",
    "new_uid",
    "party_codes",
    "document_values",
    "meeting_values",
    "item_values",
    "created_history_values",
]


UID_DOMAIN = "tracker"
_UID_NAMESPACE = uuid.UUID("6f1c1c59-5a8e-4b43-9d55-3c1f6a0d3e10")


def new_uid(*parts: object) -> str:
    """A UID for a new meeting or item: derived from `parts` when given (stable on re-ingest), else random."""
    if parts:
        value = uuid.uuid5(_UID_NAMESPACE, "/".join(str(p) for p in parts))
    else:
        value = uuid.uuid4()
    return f"{value}@{UID_DOMAIN}"


def party_codes(codes: Iterable[str]) -> list[str]:
    """Party codes as they are stored: upper case, each once, sorted."""
    return sorted({code.upper() for code in codes if code})


def document_values(
    *,
    sha256: str,
    key: str,
    source: str,
    text: str,
    title: str | None,
    published: dt.date | None,
    at: dt.datetime,
    url_sha256: str | None = None,
    revision: int = 1,
) -> dict[str, Any]:
    """The column values of a new document's row (`key`: the identity of its text, `normalised_sha256`;
    `url_sha256`: the key of the web address it was read from, where it is that address's `revision`)."""
    return {
        "sha256": sha256,
        "normalised_sha256": key,
        "url_sha256": url_sha256,
        "revision": revision,
        "source": source,
        "text": text,
        "title": title,
        "published": published,
        "ingested_at": at,
    }


def _evidence(found: domain.Evidence | None) -> dict[str, object]:
    return {
        "evidence_text": found.text if found else None,
        "evidence_start": found.start if found else None,
        "evidence_end": found.end if found else None,
    }


def meeting_values(
    meeting: domain.Meeting, *, uid: str, document_id: int | None, at: dt.datetime
) -> dict[str, Any]:
    """The column values of a new meeting's row (its parties and participants are rows of their own)."""
    return {
        "uid": uid,
        "kind": str(meeting.kind),
        "title": meeting.title or "",
        "start_date": meeting.start,
        "end_date": meeting.end,
        "start_time": meeting.start_time,
        "end_time": meeting.end_time,
        "city": meeting.city,
        "country": meeting.country,
        "timezone": meeting.timezone,
        "document_id": document_id,
        **_evidence(meeting.evidence),
        "review": str(meeting.review),
        "sequence": 0,
        "created_at": at,
        "updated_at": at,
    }


def item_values(
    item: domain.Commitment,
    *,
    uid: str,
    document_id: int | None,
    agreed_meeting_id: int | None,
    at: dt.datetime,
) -> dict[str, Any]:
    """The column values of a new item's row (its parties are rows of their own)."""
    return {
        "uid": uid,
        "kind": str(item.kind),
        "title": item.title or "",
        "firmness": str(item.firmness),
        "city": item.city,
        "country": item.country,
        "timezone": item.timezone,
        "window_start": item.window.start,
        "window_end": item.window.end,
        "window_precision": str(item.window.precision),
        "window_text": item.window.text or "",
        "status": str(item.status),
        "review": str(item.review),
        "made_on": item.made_on,
        "agreed_meeting_id": agreed_meeting_id,
        "document_id": document_id,
        **_evidence(item.evidence),
        "sequence": 0,
        "created_at": at,
        "updated_at": at,
    }


def created_history_values(
    entity: str, entity_id: int, *, uid: str, at: dt.datetime, reason: str
) -> dict[str, Any]:
    """The column values of the first history row of a new meeting or item ("created", with its UID)."""
    return {
        "entity": entity,
        "entity_id": entity_id,
        "field": "created",
        "old_value": None,
        "new_value": uid,
        "changed_at": at,
        "reason": reason,
    }
