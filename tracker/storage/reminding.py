"""The reminder groups of `tracker remind` as SQL: counted, then streamed in the order they are shown.

An item found by `storage.items.reminder_condition` is overdue when its window
ended before `today`, due soon when it ends by `horizon` (inclusive), else its
window opens by the horizon. `services.reminders.build_reminders` sorts the same
groups in Python; here the database sorts them, so that a long list is written
as it is read and never sits in memory whole (issue #16).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select

from tracker.speed.sql_rows import fetch_batches, select_item_records
from tracker.storage import tables as t
from tracker.storage.db import core_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["REMINDER_GROUPS", "count_reminder_groups", "iter_reminder_batches"]

# In the order they are shown; the SQL below numbers them by their place here.
REMINDER_GROUPS = ("overdue", "due_soon", "opening_soon")


def _group(today: dt.date, horizon: dt.date) -> Any:
    end = t.commitments.c.window_end
    return case((end < today, 0), (end <= horizon, 1), else_=2)


def count_reminder_groups(
    session: Session, condition: Any, today: dt.date, horizon: dt.date
) -> dict[str, int]:
    """Group name -> how many items meeting `condition` fall in it (every group named, 0 when empty)."""
    group = _group(today, horizon).label("reminder_group")
    query = select(group, func.count()).select_from(t.commitments).where(condition).group_by(group)
    counts = dict.fromkeys(REMINDER_GROUPS, 0)
    for number, count in session.execute(query):
        counts[REMINDER_GROUPS[number]] = count
    return counts


def iter_reminder_batches(
    session: Session, condition: Any, today: dt.date, horizon: dt.date, *, batch: int = 1000
) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(group, rows) for the items meeting `condition`, up to `batch` rows at a time, each batch of one group.

    A row is (group number, window_start, window_end, review, id, record), dates as
    `tracker.speed.sql_rows.fetch_batches` reads them (`as_date` makes dates of them).
    Groups come in the order of REMINDER_GROUPS; overdue and due soon items by window
    end, windows opening soon by window start, then by id (as `build_reminders` sorts
    them). `record` is the JSON text of `tracker.speed.sql_rows`.
    """
    c = t.commitments.c
    group = _group(today, horizon)
    query = (
        select_item_records(session, group, c.window_start, c.window_end, c.review, c.id)
        .where(condition)
        .order_by(group, case((group == 2, c.window_start), else_=c.window_end), c.id)
    )
    # Through the session's connection: the same transaction.
    for rows in fetch_batches(core_connection(session), query, batch):
        for number, same_group in groupby(rows, key=itemgetter(0)):
            yield REMINDER_GROUPS[number], list(same_group)
