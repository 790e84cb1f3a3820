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
import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Select,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    type_coerce,
)

from tracker.clock import utc_date
from tracker.domain.model import Status
from tracker.domain.report import MeetingLine, SourceRef
from tracker.domain.status import ACTIVE_STATUSES, NOT_NEWS_FIELDS, State, add_months
from tracker.storage import tables as t
from tracker.storage.item_fields import ItemColumns
from tracker.storage.items import active_condition, not_rejected, unindexed

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "ItemFact",
    "ItemDetail",
    "HistoryFact",
    "ItemScope",
    "state_expression",
    "count_item_states",
    "count_item_kinds",
    "list_item_facts",
    "list_item_facts_by_id",
    "list_open_items_of",
    "list_items_in_state",
    "list_items_made_between",
    "list_items_fulfilled_between",
    "list_nearest_dated",
    "list_stale_ids",
    "made_between",
    "list_item_details",
    "list_meetings_overlapping",
    "list_history_between",
]

_IN_CHUNKS = 500  # ids per IN (...) clause: well below SQLite's bound-parameter limit
_COLUMNS = ItemColumns()  # built once: the fields read here need none of its joins
_ACTIVE_VALUES = sorted(str(status) for status in ACTIVE_STATUSES)


def state_expression(today: dt.date, due_soon_days: int) -> Any:
    """SQL: the item's State on `today`, as `tracker.domain.status.derive_state` gives it.

    Cancelled and fulfilled items by their status (fulfilled late: after the
    inclusive window end); any other status by its window: open-ended, overdue
    (ended before today), due soon (ends within `due_soon_days` days of today),
    else upcoming. tests/storage/test_report_states.py holds the two to the same answers.
    """
    c = t.commitments.c
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
        found = [not_rejected(t.commitments)]
        if self.party:
            found.append(_party_filter(self.party))
        return found


def made_between(first: dt.date, last: dt.date | None = None) -> Any:
    """SQL: the item was made in [first, last] (inclusive; no end when `last` is None).

    The day it was made is `made_on`, else the UTC day it was stored.
    """
    c = t.commitments.c
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
    parties = t.commitment_parties.c
    return exists().where(parties.commitment_id == t.commitments.c.id, parties.code == party.upper())


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(sorted(text.split(","))) if text else ()


def _grouped_counts(
    db: Session | Connection, scope: ItemScope, made_since: dt.date | None, *more: Any
) -> Iterable[Any]:
    """Rows (codes, state, *more, count) of the items of `scope` made on or after `made_since`, grouped so."""
    where = [made_between(made_since)] if made_since is not None else []
    # Each item's codes joined in a subquery per item ("BY,RS", in any order): on SQLite a third
    # cheaper than grouping the whole parties table first and joining it.
    codes = _COLUMNS["parties"].label("codes")
    state = scope.state().label("state")
    query = (
        select(codes, state, *more, func.count())
        .select_from(t.commitments)
        .where(*scope.conditions(), *where)
        .group_by(codes, state, *more)
    )
    return db.execute(query)


def count_item_states(
    db: Session | Connection, scope: ItemScope, *, made_since: dt.date | None = None
) -> Counter[tuple[tuple[str, ...], State]]:
    """(party set, state) -> how many items of `scope` (made on or after `made_since`) are in that state.

    Counted by the database: one row per party set and state, whatever the number of items.
    """
    counts: Counter[tuple[tuple[str, ...], State]] = Counter()
    for text, name, number in _grouped_counts(db, scope, made_since):
        counts[(_split(text), State(name))] += number
    return counts


def count_item_kinds(
    db: Session | Connection, scope: ItemScope
) -> Counter[tuple[tuple[str, ...], str, State]]:
    """(party set, kind, state) -> how many items of `scope` are of that kind in that state.

    `count_item_states` split by kind, in the same one pass: the weekly report's cadences need the
    active items of each party set and kind, which a pass of their own would count again.
    """
    counts: Counter[tuple[tuple[str, ...], str, State]] = Counter()
    for text, name, kind, number in _grouped_counts(db, scope, None, t.commitments.c.kind):
        counts[(_split(text), kind, State(name))] += number
    return counts


def list_item_facts(
    db: Session | Connection,
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
    query = _fact_query(scope).where(*scope.conditions(), *where).order_by(*order_by, t.commitments.c.id)
    if limit:
        query = query.limit(limit)
    return _facts(db, db.execute(query).all())


def _fact_query(scope: ItemScope) -> Select[Any]:
    """SELECT of the columns `_facts` turns into ItemFacts, the item's state on the scope's day last."""
    return select(*(_COLUMNS[name] for name in _FACT_FIELDS), scope.state())


def _facts(db: Session | Connection, rows: Sequence[Any]) -> list[ItemFact]:
    """ItemFacts of rows of `_fact_query`, in their order: their parties (and the day stored, where
    no day made is) read by id, for these rows only."""
    ids = [row[0] for row in rows]
    codes: dict[int, list[str]] = defaultdict(list)
    stored_on = {}
    missing = {row[0] for row in rows if row[6] is None}
    for chunk in _chunks(ids):
        for item_id, code in db.execute(
            select(t.commitment_parties.c.commitment_id, t.commitment_parties.c.code).where(
                t.commitment_parties.c.commitment_id.in_(chunk)
            )
        ):
            codes[item_id].append(code)
        if missing:
            for item_id, created_at in db.execute(
                select(t.commitments.c.id, t.commitments.c.created_at).where(
                    t.commitments.c.id.in_([i for i in chunk if i in missing])
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


def _first_active_by_end(
    db: Session | Connection,
    scope: ItemScope,
    where: Sequence[Any],
    *,
    limit: int | None,
    latest_first: bool = False,
) -> list[ItemFact]:
    """The first `limit` active items of `scope` with a window end meeting `where`, soonest end first
    (latest first when `latest_first`), then by id.

    One read per active status, in the order of ix_commitments_status_window_end, merged: with the
    status fixed the index gives the order, so the database stops after `limit` rows instead of
    sorting every item that matches (most active items are overdue).
    """
    c = t.commitments.c
    end = c.window_end.desc() if latest_first else c.window_end
    found: list[ItemFact] = []
    for status in _ACTIVE_VALUES:
        found += list_item_facts(
            db,
            scope,
            where=[c.status == status, c.window_end.is_not(None), *where],
            order_by=[end],
            limit=limit,
        )
    found.sort(key=lambda fact: fact.id)
    found.sort(
        key=lambda fact: fact.window_end or dt.date.min, reverse=latest_first
    )  # stable: ids stay in order
    return found[:limit]


def _window_ends_in(scope: ItemScope, state: State) -> list[Any]:
    """SQL: the window end of an active item is in the range that makes its state `state` (see state_expression)."""
    end = t.commitments.c.window_end
    horizon = scope.today + dt.timedelta(days=scope.due_soon_days)
    ranges = {
        State.OVERDUE: [end < scope.today],
        State.DUE_SOON: [end >= scope.today, end <= horizon],
        State.UPCOMING: [end > horizon],
    }
    if state not in ranges:
        raise ValueError(f"not a state of an item with a window end: {state}")
    return ranges[state]


def list_items_in_state(
    db: Session | Connection, scope: ItemScope, state: State, *, limit: int | None
) -> list[ItemFact]:
    """The first `limit` items of `scope` in `state` (overdue, due soon or upcoming) on its day, soonest
    window end first, then by id."""
    return _first_active_by_end(db, scope, _window_ends_in(scope, state), limit=limit)


def list_items_made_between(
    db: Session | Connection, scope: ItemScope, first: dt.date, last: dt.date
) -> list[ItemFact]:
    """The items of `scope` made in [first, last] (see `made_between`), by the day they were made, then id."""
    found = list_item_facts(db, scope, where=[made_between(first, last)])
    return sorted(found, key=lambda fact: (fact.made_on or dt.date.min, fact.id))


def list_items_fulfilled_between(
    db: Session | Connection, scope: ItemScope, first: dt.date, last: dt.date
) -> list[ItemFact]:
    """The items of `scope` whose status is fulfilled and whose fulfilment day is in [first, last], by id."""
    c = t.commitments.c
    return list_item_facts(
        db,
        scope,
        where=[c.status == str(Status.FULFILLED), c.fulfilled_on >= first, c.fulfilled_on <= last],
    )


def list_nearest_dated(
    db: Session | Connection, scope: ItemScope, *, opened_by: dt.date, limit: int
) -> tuple[list[ItemFact], int]:
    """The `limit` active items of `scope` with a window opening by `opened_by` whose end is nearest its day.

    Nearest: fewest days between the window end and the day, either way, then by id. Returns
    them (in no particular order) and how many such items there are in all.
    """
    c = t.commitments.c
    opened = [c.window_start.is_not(None), c.window_start <= opened_by]
    today = scope.today
    # The nearest ones are among the `limit` nearest on each side of the day.
    after = _first_active_by_end(db, scope, [*opened, c.window_end >= today], limit=limit)
    before = _first_active_by_end(db, scope, [*opened, c.window_end < today], limit=limit, latest_first=True)
    nearest = sorted(
        after + before,
        key=lambda fact: (abs((fact.window_end - today).days) if fact.window_end else 0, fact.id),
    )
    # Counted in one pass over the table: through an index, each of the many matching rows is a lookup.
    start, end = unindexed(c.window_start), unindexed(c.window_end)
    total = db.execute(
        select(func.count())
        .select_from(t.commitments)
        .where(
            *scope.conditions(),
            unindexed(c.status).in_(_ACTIVE_VALUES),
            start.is_not(None),
            end.is_not(None),
            start <= opened_by,
        )
    ).scalar_one()
    return nearest[:limit], total


def _iter_active_rows(db: Session | Connection, scope: ItemScope, batch: int) -> Generator[list[Any]]:
    """Rows of `_fact_query` of the active items of `scope`, soonest window end first, open-ended last,
    then by id; `batch` at a time.

    Each active status is read on its own in the order of its index (ix_commitments_status_window_end,
    whose entries end with the row id), and the reads are merged: no sort of every active item
    before the first row, so a reader that stops early reads little (issue #16).
    """
    c = t.commitments.c
    results = []
    try:
        for status in _ACTIVE_VALUES:
            query = (
                _fact_query(scope)
                .where(*scope.conditions(), c.status == status, c.window_end.is_not(None))
                .order_by(c.window_end, c.id)
            )
            results.append(db.execute(query.execution_options(yield_per=batch)))
        dated = heapq.merge(*(iter(result) for result in results), key=lambda row: (row[3], row[0]))
        open_ended = _fact_query(scope).where(*scope.conditions(), active_condition(), c.window_end.is_(None))
        results.append(db.execute(open_ended.order_by(c.id).execution_options(yield_per=batch)))
        rows = itertools.chain(dated, results[-1])
        while chunk := list(itertools.islice(rows, batch)):
            yield chunk
    finally:
        for result in results:
            result.close()


def list_open_items_of(
    db: Session | Connection, scope: ItemScope, wanted: dict[str, int], *, batch: int = 500
) -> dict[str, list[ItemFact]]:
    """Party code -> its first `wanted[code]` active items of `scope`, soonest window end first (open-ended last).

    One read of the active items in that order (`_iter_active_rows`), `batch` at a time, that
    stops as soon as every party has its number: each party's first items come early in the
    order, so 30 partners' first 50 cost a few thousand rows, not one scan per partner. Ask for
    no more than a party has (its count from `count_item_states`), or the read goes to the end.
    """
    need = {code: number for code, number in wanted.items() if number > 0}
    found: dict[str, list[ItemFact]] = {code: [] for code in wanted}
    if not need:
        return found
    batches = _iter_active_rows(db, scope, batch)
    try:
        for rows in batches:
            for fact in _facts(db, rows):
                for code in fact.parties:
                    if code in need:
                        found[code].append(fact)
                        need[code] -= 1
                        if not need[code]:
                            del need[code]
            if not need:
                break
    finally:
        batches.close()
    return found


def _document_columns() -> tuple[Any, ...]:
    documents = t.documents.c
    return (documents.id, documents.source, documents.title, documents.published)


def _document(
    row_id: int | None, source: str | None, title: str | None, published: dt.date | None
) -> SourceRef | None:
    return None if row_id is None or source is None else SourceRef.of(row_id, source, title, published)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for first in range(0, len(ids), _IN_CHUNKS):
        yield ids[first : first + _IN_CHUNKS]


def list_item_details(db: Session | Connection, ids: Iterable[int]) -> dict[int, ItemDetail]:
    """Texts and source document of the items with these ids (the document text itself is not read)."""
    wanted = sorted(set(ids))
    found: dict[int, ItemDetail] = {}
    for chunk in _chunks(wanted):
        query = (
            select(*(_COLUMNS[name] for name in _DETAIL_FIELDS), *_document_columns())
            .outerjoin(t.documents, t.documents.c.id == t.commitments.c.document_id)
            .where(t.commitments.c.id.in_(chunk))
        )
        for row in db.execute(query):
            values = dict(zip(_DETAIL_FIELDS, row[:-4], strict=True))
            found[row[0]] = ItemDetail(**values, document=_document(*row[-4:]))
    return found


def list_item_facts_by_id(
    db: Session | Connection, scope: ItemScope, ids: Iterable[int]
) -> dict[int, ItemFact]:
    """The items of `scope` among these ids (others are left out), by id."""
    found: dict[int, ItemFact] = {}
    for chunk in _chunks(sorted(set(ids))):
        found.update((f.id, f) for f in list_item_facts(db, scope, where=[t.commitments.c.id.in_(chunk)]))
    return found


def list_meetings_overlapping(
    db: Session | Connection, first: dt.date, last: dt.date, *, party: str | None = None
) -> list[MeetingLine]:
    """Meetings that were on at least one day of [first, last] (inclusive), by start date then id."""
    query = (
        select(
            t.meetings.c.id,
            t.meetings.c.kind,
            t.meetings.c.title,
            t.meetings.c.start_date,
            t.meetings.c.end_date,
            t.meetings.c.city,
            t.meetings.c.country,
            t.meetings.c.review,
            t.meetings.c.evidence_text,
            *_document_columns(),
        )
        .outerjoin(t.documents, t.documents.c.id == t.meetings.c.document_id)
        .where(not_rejected(t.meetings), t.meetings.c.start_date <= last, t.meetings.c.end_date >= first)
        .order_by(t.meetings.c.start_date, t.meetings.c.id)
    )
    if party:
        codes = t.meeting_parties.c
        query = query.where(exists().where(codes.meeting_id == t.meetings.c.id, codes.code == party.upper()))
    rows = list(db.execute(query))
    parties: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks([row[0] for row in rows]):
        for meeting_id, code in db.execute(
            select(t.meeting_parties.c.meeting_id, t.meeting_parties.c.code).where(
                t.meeting_parties.c.meeting_id.in_(chunk)
            )
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
    db: Session | Connection, since: dt.datetime, until: dt.datetime, *, fields: Iterable[str]
) -> list[HistoryFact]:
    """Changes to items in [since, until) touching one of `fields`, oldest first."""
    query = (
        select(
            t.history.c.entity_id,
            t.history.c.field,
            t.history.c.old_value,
            t.history.c.new_value,
            t.history.c.changed_at,
            t.history.c.reason,
        )
        .where(
            t.history.c.entity == "commitment",
            t.history.c.field.in_(list(fields)),
            t.history.c.changed_at >= since,
            t.history.c.changed_at < until,
        )
        .order_by(t.history.c.changed_at, t.history.c.id)
    )
    return [HistoryFact(*row) for row in db.execute(query)]


# Stale open-ended items: `tracker.domain.status.is_stale` and `last_news` as SQL (issue #16).

_NO_NEWS = dt.date(1, 1, 1)  # below any stored day: stands for "no news" in `_DayFunctions.latest`


class _DayFunctions:
    """The two SQL functions the stale rule needs, in the dialect of the database asked.

    `utc_day`: the UTC calendar day of a stored instant (`tracker.clock.utc_date`); SQLite stores
    instants as UTC text ("2017-03-01 12:00:00.000000"), whose date() is that day. `latest`: the
    latest of some days, none NULL (SQLite's max(a, b) is NULL on a NULL, PostgreSQL's greatest skips it).
    """

    def __init__(self, db: Session | Connection) -> None:
        bind = db if isinstance(db, Connection) else db.get_bind()
        self.postgresql = bind.dialect.name == "postgresql"

    def utc_day(self, instant: Any) -> Any:
        if self.postgresql:
            return cast(func.timezone("UTC", instant), Date)
        return type_coerce(func.date(instant), Date)

    def latest(self, *days: Any) -> Any:
        return type_coerce(func.greatest(*days) if self.postgresql else func.max(*days), Date)


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def last_news_cutoff(today: dt.date, stale_months: int) -> dt.date:
    """The last day whose news leaves an item stale on `today`: `is_stale`'s test as a bound on the day.

    Stale means today >= add_months(news, stale_months); add_months never goes back when the day
    goes forward, so the days that pass are exactly those up to one last day (31 January, when
    28 February is a month after 28, 29, 30 and 31 January).
    """
    cutoff = add_months(today, -stale_months)
    while add_months(cutoff + dt.timedelta(days=1), stale_months) <= today:
        cutoff += dt.timedelta(days=1)
    while cutoff > dt.date.min and add_months(cutoff, stale_months) > today:
        cutoff -= dt.timedelta(days=1)
    return cutoff


def _last_meeting_days(db: Session | Connection, scope: ItemScope, codes: Any) -> dict[str, dt.date]:
    """Party codes as `codes` writes them -> start of the last meeting on or before today with all of them.

    One LIMIT query per party set of the open-ended active items (a few dozen sets, not an item each).
    """
    meetings, parties = t.meetings.c, t.meeting_parties.c
    sets = db.execute(
        select(codes)
        .select_from(t.commitments)
        .where(*scope.conditions(), active_condition(), t.commitments.c.window_end.is_(None))
        .group_by(codes)
    ).scalars()
    found: dict[str, dt.date] = {}
    for text in sets:
        if not text:
            continue
        conditions = [
            exists().where(parties.meeting_id == meetings.id, parties.code == code) for code in _split(text)
        ]
        last = db.execute(
            select(meetings.start_date)
            .where(meetings.start_date <= scope.today, not_rejected(t.meetings), *conditions)
            .order_by(meetings.start_date.desc())
            .limit(1)
        ).scalar()
        if last is not None:
            found[text] = last
    return found


def _stale_conditions(db: Session | Connection, scope: ItemScope, stale_months: int) -> tuple[list[Any], Any]:
    """SQL conditions of the stale items of `scope` and the day of each one's last news.

    News (`tracker.domain.status.last_news`) is the latest, up to today, of the day the item was
    made (`made_on`, else the UTC day it was stored), its last recorded change (NOT_NEWS_FIELDS
    aside) and the last meeting held among all its parties.
    """
    c, history = t.commitments.c, t.history.c
    today = scope.today
    tomorrow = _start_of(today + dt.timedelta(days=1))
    sql = _DayFunctions(db)
    made = case(
        (c.made_on.is_not(None), case((c.made_on <= today, c.made_on))),
        (c.created_at < tomorrow, sql.utc_day(c.created_at)),
    )
    changed = sql.utc_day(
        select(func.max(history.changed_at))
        .where(
            history.entity == "commitment",
            history.entity_id == c.id,
            history.field.not_in(NOT_NEWS_FIELDS),
            history.changed_at < tomorrow,
        )
        .scalar_subquery()
    )
    codes = _COLUMNS["parties"]
    meeting_days = _last_meeting_days(db, scope, codes)
    met = case(meeting_days, value=codes) if meeting_days else null()
    no_news = literal(_NO_NEWS, Date)
    news = sql.latest(*(func.coalesce(day, no_news) for day in (made, changed, met)))
    conditions = [
        *scope.conditions(),
        active_condition(),
        c.window_end.is_(None),
        # One BETWEEN, not two comparisons: SQLite then works the news out once per item, not twice.
        news.between(_NO_NEWS + dt.timedelta(days=1), last_news_cutoff(today, stale_months)),
    ]
    return conditions, news


def list_stale_ids(
    db: Session | Connection, scope: ItemScope, stale_months: int, *, limit: int | None
) -> tuple[list[int], int]:
    """Ids of the first `limit` (None: all) active open-ended items of `scope` with no news for
    `stale_months` months on its day, least recent news first, then by id; and how many there are."""
    conditions, news = _stale_conditions(db, scope, stale_months)
    # The total beside each row (a window over every row found, before the LIMIT): the rule runs once.
    query = (
        select(t.commitments.c.id, func.count().over()).where(*conditions).order_by(news, t.commitments.c.id)
    )
    if limit:
        query = query.limit(limit)
    rows = db.execute(query).all()
    return [row[0] for row in rows], rows[0][1] if rows else 0
