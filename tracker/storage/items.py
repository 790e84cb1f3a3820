"""Queries over stored items (commitments), with plain keyword filters.

"Active" here is `tracker.domain.status.is_active` as SQL: the status is one of
ACTIVE_STATUSES and the item is not rejected in review. Lists are streamed from
plain column rows (`tracker.storage.item_fields`), never ORM objects, so that
100,000s of items neither wait for nor sit in memory whole.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain import model as domain
from tracker.domain.model import ReviewState
from tracker.domain.status import ACTIVE_STATUSES
from tracker.storage import models as m
from tracker.storage.item_fields import ItemColumns, ItemRow, item_from_row

__all__ = [
    "active_condition",
    "not_rejected",
    "iter_items",
    "list_items",
    "count_active_kinds_by_parties",
    "list_last_change_days",
    "list_unreviewed_item_ids",
    "reminder_condition",
]

_ACTIVE_VALUES = sorted(str(status) for status in ACTIVE_STATUSES)
_IN_CHUNKS = 500  # ids per IN (...) clause: well below SQLite's bound-parameter limit


def not_rejected(table: type[m.Commitment] | type[m.Meeting]) -> Any:
    """SQL condition: the item or meeting was not rejected in review."""
    return table.review != str(ReviewState.REJECTED)


def active_condition() -> Any:
    """SQL condition: the item is active (see the module docstring)."""
    return and_(m.Commitment.status.in_(_ACTIVE_VALUES), not_rejected(m.Commitment))


def _unindexed(column: Any) -> Any:
    """`column` wrapped so that the database does not pick its index.

    Active items are few and old ones many, but SQLite's statistics only know
    averages: offered an index on the window end, it walks every item that ever
    fell due (750,000 of 1,000,000 in bench/remind.py: 4 s) instead of the
    10,000 active ones through the status index (0.1 s). NULL stays NULL.
    """
    return func.coalesce(column, None)


def _conditions(
    *,
    status: str | None = None,
    overdue_on: dt.date | None = None,
    open_ended: bool = False,
    party: str | None = None,
    kind: str | None = None,
    active_only: bool = True,
    include_rejected: bool = False,
) -> list[Any]:
    """The SQL conditions of `iter_items`' filters (see there)."""
    c = m.Commitment
    conditions: list[Any] = []
    if active_only:
        conditions.append(c.status.in_(_ACTIVE_VALUES))
    if not include_rejected:
        conditions.append(not_rejected(c))
    if status:
        conditions.append(c.status == status)
    if overdue_on is not None:
        conditions.append(_unindexed(c.window_end) < overdue_on)
    if open_ended:
        conditions.append(c.window_end.is_(None))
    if party:
        conditions.append(c.party_rows.any(m.CommitmentParty.code == party.upper()))
    if kind:
        conditions.append(c.kind == kind)
    return conditions


def iter_items(session: Session, *, batch: int = 1000, **filters: Any) -> Iterator[domain.Commitment]:
    """Items, soonest window end first (open-ended last), then by id, streamed `batch` rows at a time.

    :param filters: those of `_conditions`: `status=` (stored status), `overdue_on=` (the
        window ended before this day), `open_ended=True` (no window), `party=`, `kind=`,
        `active_only=` (default True: open or rescheduled) and `include_rejected=` (default
        False: items rejected in review are left out).
    """
    c = m.Commitment
    query = (
        ItemColumns()
        .select()
        .where(*_conditions(**filters))
        .order_by(c.window_end.is_(None), c.window_end, c.id)
    )
    # Core rows through the session's connection (same transaction): no ORM result machinery per row.
    result = session.connection().execute(query.execution_options(yield_per=batch))
    windows: dict[tuple[Any, ...], domain.Window] = {}
    make = ItemRow._make
    for rows in result.partitions():
        for row in rows:
            yield item_from_row(make(row), windows)


def list_items(session: Session, **filters: Any) -> list[domain.Commitment]:
    """`iter_items` as a list."""
    return list(iter_items(session, **filters))


def reminder_condition(today: dt.date, horizon: dt.date, *, party: str | None, kind: str | None) -> Any:
    """SQL condition: active items whose window ended before `horizon`, or opens after `today` by it."""
    end, start = _unindexed(m.Commitment.window_end), _unindexed(m.Commitment.window_start)
    return and_(
        or_(end <= horizon, and_(start > today, start <= horizon)), *_conditions(party=party, kind=kind)
    )


def count_active_kinds_by_parties(session: Session) -> dict[tuple[str, ...], Counter[str]]:
    """Party set -> how many active items of each kind are between exactly those parties.

    Counted in the database (one row per party set and kind), so that 100,000 items
    cost one grouped query rather than 100,000 rows (issue #16).
    """
    # Each item's codes as one string ("BY,RS"); the database may join them in any order.
    codes = (
        select(
            m.CommitmentParty.commitment_id,
            func.aggregate_strings(m.CommitmentParty.code, ",").label("codes"),
        )
        .group_by(m.CommitmentParty.commitment_id)
        .subquery()
    )
    query = (
        select(codes.c.codes, m.Commitment.kind, func.count())
        .join(codes, codes.c.commitment_id == m.Commitment.id)
        .where(active_condition())
        .group_by(codes.c.codes, m.Commitment.kind)
    )
    by_parties: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for text, kind, number in session.execute(query):
        by_parties[tuple(sorted(set(text.split(","))))][kind] += number
    return by_parties


def list_last_change_days(
    session: Session, item_ids: list[int], until: dt.date, *, except_fields: Iterable[str] = ()
) -> dict[int, dt.date]:
    """Item id -> UTC day of its last recorded change on or before `until`, changes to `except_fields` aside."""
    if not item_ids:
        return {}
    before = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    latest: dict[int, dt.date] = {}
    for start in range(0, len(item_ids), _IN_CHUNKS):
        chunk = item_ids[start : start + _IN_CHUNKS]
        rows = session.execute(
            select(m.History.entity_id, m.History.changed_at).where(
                m.History.entity == "commitment",
                m.History.entity_id.in_(chunk),
                m.History.field.not_in(list(except_fields)),
                m.History.changed_at < before,
            )
        )
        for item_id, changed_at in rows:
            day = changed_at.date()
            if item_id not in latest or day > latest[item_id]:
                latest[item_id] = day
    return latest


def list_unreviewed_item_ids(session: Session) -> list[int]:
    """Ids of the items nobody has reviewed yet, in order."""
    query = (
        select(m.Commitment.id)
        .where(m.Commitment.review == str(ReviewState.UNREVIEWED))
        .order_by(m.Commitment.id)
    )
    return list(session.scalars(query))
