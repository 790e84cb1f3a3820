"""Read-only queries behind the weekly report: counts made by the database, and the few items listed.

A report over 100,000 items shows counts of all of them but the lines of only a
few per section. The state of an item on a day (`tracker.domain.status.derive_state`)
is written once here as SQL (`state_expression`), so that the database counts items
per party set and state, and each listed section is one query with a LIMIT; the
texts of the items listed are then read by id. Rejected items and meetings
(extraction false positives) are never returned.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from tracker.clock import utc_date
from tracker.domain.model import Status
from tracker.domain.report import MeetingLine, SourceRef
from tracker.domain.status import State
from tracker.storage import models as m
from tracker.storage.item_fields import ItemColumns
from tracker.storage.items import active_condition, not_rejected

__all__ = [
    "ItemFact",
    "ItemDetail",
    "HistoryFact",
    "ItemScope",
    "state_expression",
    "count_item_states",
    "list_item_facts",
    "list_item_facts_by_id",
    "list_open_items_of",
    "list_items_in_state",
    "list_items_made_between",
    "list_items_fulfilled_between",
    "list_nearest_dated",
    "made_between",
    "list_item_details",
    "list_meetings_overlapping",
    "list_history_between",
]

_IN_CHUNKS = 500  # ids per IN (...) clause: well below SQLite's bound-parameter limit


def state_expression(today: dt.date, due_soon_days: int) -> Any:
    """SQL: the item's State on `today`, as `tracker.domain.status.derive_state` gives it.

    Cancelled and fulfilled items by their status (fulfilled late: after the
    inclusive window end); any other status by its window: open-ended, overdue
    (ended before today), due soon (ends within `due_soon_days` days of today),
    else upcoming. tests/storage/test_report_states.py holds the two to the same answers.
    """
    c = m.Commitment
    late = and_(c.window_end.is_not(None), c.fulfilled_on.is_not(None), c.fulfilled_on > c.window_end)
    return case(
        (c.status == str(Status.CANCELLED), str(State.CANCELLED)),
        (
            c.status == str(Status.FULFILLED),
            case((late, str(State.FULFILLED_LATE)), else_=str(State.FULFILLED)),
        ),
        (c.window_end.is_(None), str(State.OPEN_ENDED)),
        (c.window_end < today, str(State.OVERDUE)),
        (c.window_end <= today + dt.timedelta(days=due_soon_days), str(State.DUE_SOON)),
        else_=str(State.UPCOMING),
    )


@dataclass(frozen=True, slots=True)
class ItemScope:
    """The items a report is about on a day: not rejected, with `party` among their parties when given.

    `due_soon_days` is the horizon of "due soon" in `state_expression`.
    """

    today: dt.date
    due_soon_days: int
    party: str | None = None

    def state(self) -> Any:
        return state_expression(self.today, self.due_soon_days)

    def conditions(self) -> list[Any]:
        found = [not_rejected(m.Commitment)]
        if self.party:
            found.append(_party_filter(self.party))
        return found


def made_between(first: dt.date, last: dt.date | None = None) -> Any:
    """SQL: the item was made in [first, last] (inclusive; no end when `last` is None).

    The day it was made is `made_on`, else the UTC day it was stored.
    """
    c = m.Commitment
    made = [c.made_on >= first]
    stored = [c.created_at >= dt.datetime.combine(first, dt.time(), dt.UTC)]
    if last is not None:
        made.append(c.made_on <= last)
        stored.append(c.created_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC))
    return or_(and_(*made), and_(c.made_on.is_(None), *stored))


@dataclass(frozen=True, slots=True)
class ItemFact:
    """What the report needs of an item it lists, its state on the report's day included.

    `made_on` is the stored day the item was made, else the UTC day it was stored.
    """

    id: int
    status: str
    window_start: dt.date | None
    window_end: dt.date | None
    window_precision: str
    fulfilled_on: dt.date | None
    made_on: dt.date | None
    parties: tuple[str, ...]
    state: State


@dataclass(frozen=True, slots=True)
class ItemDetail:
    """The texts of one item that the report shows."""

    id: int
    uid: str
    kind: str
    title: str
    firmness: str
    city: str | None
    country: str | None
    window_text: str
    review: str
    evidence: str | None
    document: SourceRef | None


# The item fields (tracker.storage.item_fields) that each of them holds, in order.
_FACT_FIELDS = tuple(f.name for f in fields(ItemFact) if f.name not in ("parties", "state"))
_DETAIL_FIELDS = tuple(f.name for f in fields(ItemDetail) if f.name != "document")


@dataclass(frozen=True, slots=True)
class HistoryFact:
    entity_id: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: dt.datetime
    reason: str


def _party_filter(party: str) -> ColumnElement[bool]:
    return m.Commitment.party_rows.any(m.CommitmentParty.code == party.upper())


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(sorted(text.split(","))) if text else ()


def count_item_states(
    session: Session, scope: ItemScope, *, made_since: dt.date | None = None
) -> Counter[tuple[tuple[str, ...], State]]:
    """(party set, state) -> how many items of `scope` (made on or after `made_since`) are in that state.

    Counted by the database: one row per party set and state, whatever the number of items.
    """
    where = [made_between(made_since)] if made_since is not None else []
    # Each item's codes joined in a subquery per item ("BY,RS", in any order): on SQLite a third
    # cheaper than grouping the whole parties table first and joining it.
    codes = ItemColumns()["parties"].label("codes")
    state = scope.state().label("state")
    query = (
        select(codes, state, func.count())
        .select_from(m.Commitment)
        .where(*scope.conditions(), *where)
        .group_by(codes, state)
    )
    counts: Counter[tuple[tuple[str, ...], State]] = Counter()
    for text, name, number in session.execute(query):
        counts[(_split(text), State(name))] += number
    return counts


def list_item_facts(
    session: Session,
    scope: ItemScope,
    *,
    where: Iterable[Any] = (),
    order_by: Sequence[Any] = (),
    limit: int | None = None,
) -> list[ItemFact]:
    """The items of `scope` meeting `where`, in `order_by` order (then by id), at most `limit` of them.

    Reads plain columns only (no ORM objects). `active=True`-like filters are SQL
    conditions in `where`: see `active_condition` and `ItemScope.state`.
    """
    columns = ItemColumns()
    query = (
        select(*(columns[name] for name in _FACT_FIELDS), scope.state())
        .where(*scope.conditions(), *where)
        .order_by(*order_by, m.Commitment.id)
    )
    if limit:
        query = query.limit(limit)
    # Columns chosen by name (ItemColumns) give untyped rows; their order is the select's.
    rows: Sequence[Any] = session.execute(query).all()
    ids = [row[0] for row in rows]
    # Parties and the day an item was stored are read for the rows found only, by id.
    codes: dict[int, list[str]] = defaultdict(list)
    stored_on = {}
    missing = {row[0] for row in rows if row[6] is None}
    for chunk in _chunks(ids):
        for item_id, code in session.execute(
            select(m.CommitmentParty.commitment_id, m.CommitmentParty.code).where(
                m.CommitmentParty.commitment_id.in_(chunk)
            )
        ):
            codes[item_id].append(code)
        if missing:
            for item_id, created_at in session.execute(
                select(m.Commitment.id, m.Commitment.created_at).where(
                    m.Commitment.id.in_([i for i in chunk if i in missing])
                )
            ):
                stored_on[item_id] = utc_date(created_at)
    return [
        ItemFact(
            item_id,
            status,
            start,
            end,
            precision,
            fulfilled_on,
            made_on or stored_on.get(item_id),
            tuple(sorted(codes.get(item_id, ()))),
            State(state),
        )
        for item_id, status, start, end, precision, fulfilled_on, made_on, state in rows
    ]


def _soonest_end() -> list[Any]:
    """Soonest window end first, open-ended last (then by id, which list_item_facts adds)."""
    c = m.Commitment
    return [c.window_end.is_(None), c.window_end]


def list_items_in_state(
    session: Session, scope: ItemScope, state: State, *, limit: int | None
) -> list[ItemFact]:
    """The first `limit` items of `scope` in `state` on its day, soonest window end first."""
    return list_item_facts(
        session, scope, where=[scope.state() == str(state)], order_by=_soonest_end(), limit=limit
    )


def list_items_made_between(
    session: Session, scope: ItemScope, first: dt.date, last: dt.date
) -> list[ItemFact]:
    """The items of `scope` made in [first, last] (see `made_between`), by the day they were made, then id."""
    found = list_item_facts(session, scope, where=[made_between(first, last)])
    return sorted(found, key=lambda fact: (fact.made_on or dt.date.min, fact.id))


def list_items_fulfilled_between(
    session: Session, scope: ItemScope, first: dt.date, last: dt.date
) -> list[ItemFact]:
    """The items of `scope` whose status is fulfilled and whose fulfilment day is in [first, last], by id."""
    c = m.Commitment
    return list_item_facts(
        session,
        scope,
        where=[c.status == str(Status.FULFILLED), c.fulfilled_on >= first, c.fulfilled_on <= last],
    )


def list_nearest_dated(
    session: Session, scope: ItemScope, *, opened_by: dt.date, limit: int
) -> tuple[list[ItemFact], int]:
    """The `limit` active items of `scope` with a window opening by `opened_by` whose end is nearest its day.

    Nearest: fewest days between the window end and the day, either way, then by id. Returns
    them (in no particular order) and how many such items there are in all.
    """
    c = m.Commitment
    dated = [
        active_condition(),
        c.window_start.is_not(None),
        c.window_end.is_not(None),
        c.window_start <= opened_by,
    ]
    today = scope.today
    # The nearest ones are among the `limit` nearest on each side of the day, each one an indexed LIMIT query.
    after = list_item_facts(
        session, scope, where=[*dated, c.window_end >= today], order_by=[c.window_end], limit=limit
    )
    before = list_item_facts(
        session, scope, where=[*dated, c.window_end < today], order_by=[c.window_end.desc()], limit=limit
    )
    nearest = sorted(
        after + before,
        key=lambda fact: (abs((fact.window_end - today).days) if fact.window_end else 0, fact.id),
    )
    total = session.execute(
        select(func.count()).select_from(m.Commitment).where(*scope.conditions(), *dated)
    ).scalar_one()
    return nearest[:limit], total


def list_open_items_of(
    session: Session, scope: ItemScope, wanted: dict[str, int], *, batch: int = 500
) -> dict[str, list[ItemFact]]:
    """Party code -> its first `wanted[code]` active items of `scope`, soonest window end first (open-ended last).

    One read of the active items' ids in that order, `batch` at a time, that stops as soon as
    every party has its number: each party's first items come early in the order, so 30
    partners' first 50 cost a few thousand rows, not one scan per partner. Ask for no more
    than a party has (its count from `count_item_states`), or the read goes to the end.
    """
    need = {code: number for code, number in wanted.items() if number > 0}
    found: dict[str, list[ItemFact]] = {code: [] for code in wanted}
    if not need:
        return found
    c = m.Commitment
    query = select(c.id).where(*scope.conditions(), active_condition()).order_by(*_soonest_end(), c.id)
    result = session.execute(query.execution_options(yield_per=batch))
    try:
        for rows in result.partitions():
            ids = [row[0] for row in rows]
            codes: dict[int, list[str]] = defaultdict(list)
            for item_id, code in session.execute(
                select(m.CommitmentParty.commitment_id, m.CommitmentParty.code).where(
                    m.CommitmentParty.commitment_id.in_(ids), m.CommitmentParty.code.in_(list(need))
                )
            ):
                codes[item_id].append(code)
            facts = list_item_facts_by_id(session, scope, codes)
            for item_id in ids:
                for code in sorted(codes.get(item_id, ())):
                    if code in need:
                        found[code].append(facts[item_id])
                        need[code] -= 1
                        if not need[code]:
                            del need[code]
            if not need:
                break
    finally:
        result.close()
    return found


def _document_columns() -> tuple[Any, ...]:
    return (m.Document.id, m.Document.source, m.Document.title, m.Document.published)


def _document(
    row_id: int | None, source: str | None, title: str | None, published: dt.date | None
) -> SourceRef | None:
    return None if row_id is None or source is None else SourceRef.of(row_id, source, title, published)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for first in range(0, len(ids), _IN_CHUNKS):
        yield ids[first : first + _IN_CHUNKS]


def list_item_details(session: Session, ids: Iterable[int]) -> dict[int, ItemDetail]:
    """Texts and source document of the items with these ids (the document text itself is not read)."""
    wanted = sorted(set(ids))
    found: dict[int, ItemDetail] = {}
    columns = ItemColumns()
    for chunk in _chunks(wanted):
        query = (
            select(*(columns[name] for name in _DETAIL_FIELDS), *_document_columns())
            .outerjoin(m.Document, m.Document.id == m.Commitment.document_id)
            .where(m.Commitment.id.in_(chunk))
        )
        for row in session.execute(query):
            values = dict(zip(_DETAIL_FIELDS, row[:-4], strict=True))
            found[row[0]] = ItemDetail(**values, document=_document(*row[-4:]))
    return found


def list_item_facts_by_id(session: Session, scope: ItemScope, ids: Iterable[int]) -> dict[int, ItemFact]:
    """The items of `scope` among these ids (others are left out), by id."""
    found: dict[int, ItemFact] = {}
    for chunk in _chunks(sorted(set(ids))):
        found.update((f.id, f) for f in list_item_facts(session, scope, where=[m.Commitment.id.in_(chunk)]))
    return found


def list_meetings_overlapping(
    session: Session, first: dt.date, last: dt.date, *, party: str | None = None
) -> list[MeetingLine]:
    """Meetings that were on at least one day of [first, last] (inclusive), by start date then id."""
    query = (
        select(
            m.Meeting.id,
            m.Meeting.kind,
            m.Meeting.title,
            m.Meeting.start_date,
            m.Meeting.end_date,
            m.Meeting.city,
            m.Meeting.country,
            m.Meeting.review,
            m.Meeting.evidence_text,
            *_document_columns(),
        )
        .outerjoin(m.Document, m.Document.id == m.Meeting.document_id)
        .where(not_rejected(m.Meeting), m.Meeting.start_date <= last, m.Meeting.end_date >= first)
        .order_by(m.Meeting.start_date, m.Meeting.id)
    )
    if party:
        query = query.where(m.Meeting.party_rows.any(m.MeetingParty.code == party.upper()))
    rows = list(session.execute(query))
    parties: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks([row[0] for row in rows]):
        for meeting_id, code in session.execute(
            select(m.MeetingParty.meeting_id, m.MeetingParty.code).where(m.MeetingParty.meeting_id.in_(chunk))
        ):
            parties[meeting_id].append(code)
    return [
        MeetingLine(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            parties=tuple(sorted(parties.get(row[0], ()))),
            review=row[7],
            evidence=row[8],
            source=_document(*row[9:]),
        )
        for row in rows
    ]


def list_history_between(
    session: Session, since: dt.datetime, until: dt.datetime, *, fields: Iterable[str]
) -> list[HistoryFact]:
    """Changes to items in [since, until) touching one of `fields`, oldest first."""
    query = (
        select(
            m.History.entity_id,
            m.History.field,
            m.History.old_value,
            m.History.new_value,
            m.History.changed_at,
            m.History.reason,
        )
        .where(
            m.History.entity == "commitment",
            m.History.field.in_(list(fields)),
            m.History.changed_at >= since,
            m.History.changed_at < until,
        )
        .order_by(m.History.changed_at, m.History.id)
    )
    return [HistoryFact(*row) for row in session.execute(query)]
