"""Hand-made changes to meetings and items, each one written to the history.

Every change bumps the row's `sequence` (calendar clients use it to see an
update) and `updated_at`, and appends one history row per changed field.
Status rules: only an open item can be done, cancelled or rescheduled.
Adding or correcting a meeting or an item runs automatic fulfilment
(`tracker.services.fulfilment`) so that a meeting typed in by hand closes the
item it was promised as, like an ingested one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from tracker import limits
from tracker.domain.model import Commitment, Meeting, Status, Window
from tracker.domain.status import ACTIVE_STATUSES, fulfilment_mismatches
from tracker.errors import ConflictError
from tracker.services.adding import check_item
from tracker.services.fulfilment import (
    item_made_on,
    link_confirmed,
    match_fulfilments,
    match_item,
    reassess_meeting_links,
)
from tracker.storage import models as m
from tracker.storage import repo
from tracker.storage.history import add_created, record_changes

__all__ = [
    "add_meeting",
    "edit_meeting",
    "add_item",
    "edit_item",
    "complete_item",
    "cancel_item",
    "reschedule_item",
    "record_changes",
    "check_fulfilment",
    "ACTIVE_STATUSES",
]

# Fields whose change can make a meeting fulfil an item (or an item be fulfilled by a meeting).
_MATCH_FIELDS = {"kind", "start_date", "city", "parties", "window_start", "window_end", "status", "review"}


def _check_meeting(meeting: Meeting) -> None:
    """Refuse a meeting with a value beyond `tracker.limits` (InputError) before anything is stored."""
    limits.check_fields(
        {
            "title": meeting.title,
            "city": meeting.city,
            "country": meeting.country,
            "timezone": meeting.timezone,
            "parties": meeting.parties,
            "start_date": meeting.start,
            "end_date": meeting.end,
        },
        entity="meeting",
    )
    for person in meeting.participants:
        limits.check_text(person.name, limits.NAME_CHARS, "participant name")
        limits.check_text(person.role, limits.NAME_CHARS, "participant role")
        limits.check_text(person.country, limits.CODE_CHARS, "participant country")


def add_meeting(
    session: Session, meeting: Meeting, *, at: dt.datetime, reason: str = "added by hand", match: bool = True
) -> m.Meeting:
    """Store a meeting and (unless `match` is false) let it fulfil the items it matches."""
    _check_meeting(meeting)
    row = repo.add_meeting(session, meeting, at=at)
    add_created(session, row, at=at, reason=reason)
    if match:
        match_fulfilments(session, row, at=at)
    return row


def edit_meeting(
    session: Session,
    meeting_id: int,
    changes: dict[str, object],
    *,
    at: dt.datetime,
    reason: str = "edited by hand",
) -> m.Meeting:
    row = repo.get_meeting(session, meeting_id, for_update=True)
    start, end = _day(changes, "start_date", row.start_date), _day(changes, "end_date", row.end_date)
    if end < start:
        raise ConflictError(f"meeting end {end} is before its start {start}")
    changed = record_changes(session, row, changes, at=at, reason=reason)
    if _MATCH_FIELDS & set(changed):
        reassess_meeting_links(session, row, at=at)
        match_fulfilments(session, row, at=at)
    return row


def add_item(
    session: Session, item: Commitment, *, at: dt.datetime, reason: str = "added by hand", match: bool = True
) -> m.Commitment:
    """Store an item and (unless `match` is false) compare it with the meetings already stored.

    `tracker items add` writes through `tracker.services.adding.add_item` instead, without the ORM.
    """
    check_item(item)
    row = repo.add_commitment(session, item, at=at)
    add_created(session, row, at=at, reason=reason)
    if match:
        match_item(session, row, at=at)
    return row


def _require_open(row: m.Commitment, action: str) -> None:
    if row.status not in ACTIVE_STATUSES:
        raise ConflictError(
            f"item {row.id} is {row.status}; only an open or rescheduled item can be {action}"
        )


def _day(changes: dict[str, object], name: str, current: dt.date) -> dt.date:
    value = changes.get(name, current)
    if not isinstance(value, dt.date):  # a caller's bug, not a user's input
        raise TypeError(f"{name} must be a date, got {value!r}")
    return value


def _window_changes(window: object) -> dict[str, object]:
    if not isinstance(window, Window):  # a caller's bug, not a user's input
        raise TypeError(f"window must be a Window, got {window!r}")
    return {
        "window_start": window.start,
        "window_end": window.end,
        "window_precision": str(window.precision),
        "window_text": window.text,
    }


def edit_item(
    session: Session,
    item_id: int,
    changes: dict[str, object],
    *,
    at: dt.datetime,
    reason: str = "edited by hand",
) -> m.Commitment:
    """Change fields of an item; a `window` value is spread over the window columns."""
    row = repo.get_commitment(session, item_id, for_update=True)
    if "window" in changes:
        changes = {
            **{k: v for k, v in changes.items() if k != "window"},
            **_window_changes(changes["window"]),
        }
    changed = record_changes(session, row, changes, at=at, reason=reason)
    if _MATCH_FIELDS & set(changed):
        match_item(session, row, at=at)
    return row


def complete_item(
    session: Session,
    item_id: int,
    *,
    at: dt.datetime,
    meeting_id: int | None = None,
    on: dt.date | None = None,
    reason: str = "marked done by hand",
    force: bool = False,
) -> m.Commitment:
    """Mark an item fulfilled, by a meeting (its start date is the fulfilment date) or on a date.

    Raises ConflictError when the meeting lacks a party of the item or is in another city (a
    mistyped id, issue #14), unless `force`.
    """
    row = repo.get_commitment(session, item_id, for_update=True)
    if (
        meeting_id is not None
        and row.status == Status.FULFILLED.value
        and row.fulfilled_meeting_id == meeting_id
    ):
        # Already fulfilled automatically by this very meeting: saying so by hand confirms the link.
        link_confirmed(session, row, repo.get_meeting(session, meeting_id), at=at, reason=reason)
        return row
    _require_open(row, "marked done")
    changes: dict[str, object] = {"status": str(Status.FULFILLED)}
    if meeting_id is not None:
        meeting = repo.get_meeting(session, meeting_id)
        if not force:
            _require_plausible(session, row, meeting)
        changes["fulfilled_meeting_id"] = meeting.id
        on = on or meeting.start_date
    changes["fulfilled_on"] = on or at.date()
    record_changes(session, row, changes, at=at, reason=reason)
    if meeting_id is not None:
        link_confirmed(session, row, meeting, at=at, reason=reason)
    return row


def check_fulfilment(session: Session, item_id: int, meeting_id: int) -> tuple[list[str], list[str]]:
    """(conflicts, doubts) of saying that meeting `meeting_id` fulfilled item `item_id`, in words."""
    item = repo.get_commitment(session, item_id)
    return fulfilment_mismatches(
        repo.commitment_to_domain(item),
        repo.meeting_to_domain(repo.get_meeting(session, meeting_id)),
        made_on=item_made_on(item),
    )


def _require_plausible(session: Session, item: m.Commitment, meeting: m.Meeting) -> None:
    conflicts, _doubts = check_fulfilment(session, item.id, meeting.id)
    if conflicts:
        raise ConflictError(
            f"meeting #{meeting.id} does not look like the one item #{item.id} promised: "
            f"{'; '.join(conflicts)}; check the ids, or add --force to record it anyway"
        )


def cancel_item(
    session: Session, item_id: int, *, at: dt.datetime, reason: str = "cancelled by hand"
) -> m.Commitment:
    row = repo.get_commitment(session, item_id, for_update=True)
    _require_open(row, "cancelled")
    record_changes(session, row, {"status": str(Status.CANCELLED)}, at=at, reason=reason)
    return row


def reschedule_item(
    session: Session, item_id: int, window: Window, *, at: dt.datetime, reason: str = "rescheduled by hand"
) -> m.Commitment:
    """Give an open item a new window; the old window stays in the history.

    The item keeps its identity (and calendar UID), so the calendar entry moves
    instead of doubling; status `rescheduled` is still due, at the new window.
    """
    row = repo.get_commitment(session, item_id, for_update=True)
    _require_open(row, "rescheduled")
    record_changes(
        session, row, {**_window_changes(window), "status": str(Status.RESCHEDULED)}, at=at, reason=reason
    )
    return row
