"""History writing: every change to a meeting or an item, one append-only row per changed field.

`record_changes` applies changes to a stored row and writes why; hand edits
(`tracker.services.tracking`) and automatic fulfilment (`tracker.services.fulfilment`)
both write through it, so neither needs the other to keep the history. Like the
rest of storage, nothing here commits.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from tracker import limits
from tracker.storage import models as m
from tracker.storage.repo import set_commitment_parties, set_meeting_parties

__all__ = ["add_history", "add_created", "record_changes"]


def add_history(
    session: Session,
    *,
    entity: str,
    entity_id: int,
    field: str,
    old: object,
    new: object,
    at: dt.datetime,
    reason: str = "",
) -> m.History:
    """Append one history row (`entity` is "meeting" or "commitment"; values are stored as text)."""
    row = m.History(
        entity=entity,
        entity_id=entity_id,
        field=field,
        old_value=None if old is None else str(old),
        new_value=None if new is None else str(new),
        changed_at=at,
        reason=reason,
    )
    session.add(row)
    return row


def add_created(
    session: Session, row: m.Meeting | m.Commitment, *, at: dt.datetime, reason: str
) -> m.History:
    """The first history row of a stored meeting or item: created, with its UID."""
    entity = "meeting" if isinstance(row, m.Meeting) else "commitment"
    return add_history(
        session, entity=entity, entity_id=row.id, field="created", old=None, new=row.uid, at=at, reason=reason
    )


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return value


def record_changes(
    session: Session,
    row: m.Meeting | m.Commitment,
    changes: dict[str, object],
    *,
    at: dt.datetime,
    reason: str,
) -> list[str]:
    """Apply `changes` (attribute -> new value) to `row`, writing history; return the fields that changed.

    Every change bumps the row's `sequence` (calendar clients see an update) and `updated_at`.
    Raises InputError for a value beyond `tracker.limits` (a date out of range, a text too long).
    """
    entity = "meeting" if isinstance(row, m.Meeting) else "commitment"
    limits.check_fields(changes, entity="meeting" if entity == "meeting" else "item")
    changed = []
    for name, new in changes.items():
        old = row.parties if name == "parties" else getattr(row, name)
        if _plain(old) == _plain(new):
            continue
        if name == "parties":
            if isinstance(row, m.Meeting):
                set_meeting_parties(row, list(new))  # type: ignore[call-overload]
            else:
                set_commitment_parties(row, list(new))  # type: ignore[call-overload]
        else:
            setattr(row, name, new)
        add_history(
            session,
            entity=entity,
            entity_id=row.id,
            field=name,
            old=_plain(old),
            new=_plain(new),
            at=at,
            reason=reason,
        )
        changed.append(name)
    if changed:
        row.sequence += 1
        row.updated_at = at
    session.flush()
    return changed
