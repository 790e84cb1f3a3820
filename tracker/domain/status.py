"""Derived state of a commitment on a given day: overdue, due soon, fulfilled late...

Pure functions of (commitment, today): nothing here is stored, so a state can
never go stale. Windows are inclusive: an item due by 31 December is overdue
from 1 January.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from tracker.domain.model import Commitment, Status

__all__ = ["State", "derive_state", "days_overdue", "is_active"]

ACTIVE = {Status.OPEN, Status.RESCHEDULED}


class State(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"
    OPEN_ENDED = "open_ended"
    FULFILLED = "fulfilled"
    FULFILLED_LATE = "fulfilled_late"
    CANCELLED = "cancelled"


def is_active(item: Commitment) -> bool:
    """Still to be done: open, or rescheduled to a new window."""
    return item.status in ACTIVE


def days_overdue(item: Commitment, today: dt.date) -> int:
    """Days since the window ended (0 when not overdue)."""
    if not is_active(item) or item.window.end is None or today <= item.window.end:
        return 0
    return (today - item.window.end).days


def derive_state(item: Commitment, today: dt.date, due_soon_days: int = 30) -> State:
    """The item's state on `today`; `due_soon_days` is the reminder horizon."""
    if item.status is Status.CANCELLED:
        return State.CANCELLED
    if item.status is Status.FULFILLED:
        late = item.window.end is not None and item.fulfilled_on is not None and item.fulfilled_on > item.window.end
        return State.FULFILLED_LATE if late else State.FULFILLED
    if item.window.end is None:
        return State.OPEN_ENDED
    if today > item.window.end:
        return State.OVERDUE
    if (item.window.end - today).days <= due_soon_days:
        return State.DUE_SOON
    return State.UPCOMING
