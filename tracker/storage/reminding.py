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
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tracker.speed.sql_rows import select_item_records
from tracker.storage import models as m

__all__ = ["REMINDER_GROUPS", "count_reminder_groups", "iter_reminder_records"]

# In the order they are shown; the SQL below numbers them by their place here.
REMINDER_GROUPS = ("overdue", "due_soon", "opening_soon")


def _group(today: dt.date, horizon: dt.date) -> Any:
    end = m.Commitment.window_end
    return case((end < today, 0), (end <= horizon, 1), else_=2)


def count_reminder_groups(
    session: Session, condition: Any, today: dt.date, horizon: dt.date
) -> dict[str, int]:
    """Group name -> how many items meeting `condition` fall in it (every group named, 0 when empty)."""
    group = _group(today, horizon).label("reminder_group")
    query = select(group, func.count()).select_from(m.Commitment).where(condition).group_by(group)
    counts = dict.fromkeys(REMINDER_GROUPS, 0)
    for number, count in session.execute(query):
        counts[REMINDER_GROUPS[number]] = count
    return counts


def iter_reminder_records(
    session: Session, condition: Any, today: dt.date, horizon: dt.date, *, batch: int = 1000
) -> Iterator[tuple[str, int, dt.date, dt.date, str, str]]:
    """(group, id, window_start, window_end, review, record) of the items meeting `condition`, `batch` at a time.

    Groups come in the order of REMINDER_GROUPS; overdue and due soon items by window
    end, windows opening soon by window start, then by id (as `build_reminders` sorts
    them). `record` is the JSON text of `tracker.speed.sql_rows`.
    """
    c = m.Commitment
    group = _group(today, horizon)
    query = (
        select_item_records(session)
        .add_columns(group.label("reminder_group"))
        .where(condition)
        .order_by(group, case((group == 2, c.window_start), else_=c.window_end), c.id)
    )
    # Through the session's connection (same transaction); on PostgreSQL yield_per reads a server-side cursor.
    result = session.connection().execute(query.execution_options(yield_per=batch))
    for rows in result.partitions():
        for item_id, start, end, review, record, number in rows:
            yield REMINDER_GROUPS[number], item_id, start, end, review, record
