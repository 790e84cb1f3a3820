"""Queries over stored items (commitments), with plain keyword filters.

"Active" here is `tracker.domain.status.is_active` as SQL: the status is one of
ACTIVE_STATUSES and the item is not rejected in review. Lists are streamed from
plain column rows (`tracker.storage.item_fields`), never ORM objects, so that
100,000s of items neither wait for nor sit in memory whole. Everything here is
Core (`tracker.storage.tables`) and takes a Session or a plain Connection, so
that a reading command never imports the ORM (issue #16).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Row, Select, Table, and_, exists, func, insert, or_, select

from tracker.domain import model as domain
from tracker.domain.model import LinkState, ReviewState
from tracker.domain.status import ACTIVE_STATUSES
from tracker.limits import MAX_ID
from tracker.storage import tables as t
from tracker.storage.db import core_connection
from tracker.storage.item_fields import ItemColumns, ItemRow, item_from_row
from tracker.storage.new_rows import created_history_values, item_values, party_codes
from tracker.storage.stored_rows import group_possible_matches, no_item_error
from tracker.storage.writers import new_uid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.storage import models as m

__all__ = [
    "active_condition",
    "item_conditions",
    "not_rejected",
    "iter_items",
    "iter_items_where",
    "list_items",
    "get_item",
    "get_fulfilling_meeting_id",
    "list_item_history",
    "list_item_links",
    "add_item",
    "any_meeting_could_fulfil",
    "count_active_kinds_by_parties",
    "list_last_change_days",
    "list_unreviewed_item_ids",
    "list_possible_matches",
    "reminder_condition",
    "unindexed",
]

_ACTIVE_VALUES = sorted(str(status) for status in ACTIVE_STATUSES)
_IN_CHUNKS = 500  # ids per IN (...) clause: well below SQLite's bound-parameter limit


def not_rejected(table: Table | type[m.Commitment] | type[m.Meeting]) -> Any:
    """SQL condition: the item or meeting (a table or its ORM class) was not rejected in review."""
    review = table.c.review if isinstance(table, Table) else table.review
    return review != str(ReviewState.REJECTED)


def active_condition() -> Any:
    """SQL condition: the item is active (see the module docstring)."""
    return and_(t.commitments.c.status.in_(_ACTIVE_VALUES), not_rejected(t.commitments))


def unindexed(column: Any) -> Any:
    """`column` wrapped so that the database does not pick its index.

    Active items are few and old ones many, but SQLite's statistics only know
    averages: offered an index on the window end, it walks every item that ever
    fell due (750,000 of 1,000,000 in bench/remind.py: 4 s) instead of the
    10,000 active ones through the status index (0.1 s). NULL stays NULL.
    """
    return func.coalesce(column, None)


def item_conditions(
    *,
    status: str | None = None,
    overdue_on: dt.date | None = None,
    open_ended: bool = False,
    party: str | None = None,
    kind: str | None = None,
    active_only: bool = True,
    include_rejected: bool = False,
) -> list[Any]:
    """The SQL conditions of `iter_items`' filters (see there), for other readers of the same list.

    A value may also be a bind parameter: `tracker.speed.dbapi_render` renders each condition so.
    """
    c = t.commitments.c
    conditions: list[Any] = []
    if active_only:
        conditions.append(c.status.in_(_ACTIVE_VALUES))
    if not include_rejected:
        conditions.append(not_rejected(t.commitments))
    if _given(status):
        conditions.append(c.status == status)
    if overdue_on is not None:
        conditions.append(unindexed(c.window_end) < overdue_on)
    if open_ended:
        conditions.append(c.window_end.is_(None))
    if _given(party):
        parties = t.commitment_parties.c
        code = party.upper() if isinstance(party, str) else party
        conditions.append(exists().where(parties.commitment_id == c.id, parties.code == code))
    if _given(kind):
        conditions.append(c.kind == kind)
    return conditions


def _given(value: object) -> bool:
    """Whether a filter was given: a value other than None and empty text, or a bind parameter."""
    return value is not None and value != "" if isinstance(value, str) else value is not None


def items_statement(conditions: list[Any]) -> Select[Any]:
    """SELECT of every item field (`ItemColumns`) where `conditions`, soonest window end first
    (open-ended last), then by id."""
    c = t.commitments.c
    return ItemColumns().select().where(*conditions).order_by(c.window_end.is_(None), c.window_end, c.id)


def iter_items(db: Session | Connection, *, batch: int = 1000, **filters: Any) -> Iterator[domain.Commitment]:
    """Items, soonest window end first (open-ended last), then by id, streamed `batch` rows at a time.

    :param filters: those of `item_conditions`: `status=` (stored status), `overdue_on=` (the
        window ended before this day), `open_ended=True` (no window), `party=`, `kind=`,
        `active_only=` (default True: open or rescheduled) and `include_rejected=` (default
        False: items rejected in review are left out).
    """
    return iter_items_where(db, item_conditions(**filters), batch=batch)


def iter_items_where(
    db: Session | Connection, conditions: list[Any], *, batch: int = 1000, limit: int | None = None
) -> Iterator[domain.Commitment]:
    """The items meeting `conditions` (SQL), in the order of `iter_items`, streamed `batch` rows at a
    time; the first `limit` of them only, when given."""
    query = items_statement(conditions).limit(limit)
    # Core rows (through a session's connection, in its transaction): no ORM result machinery per row.
    result = core_connection(db).execute(query.execution_options(yield_per=batch))
    windows: dict[tuple[Any, ...], domain.Window] = {}
    make = ItemRow._make
    for rows in result.partitions():
        for row in rows:
            yield item_from_row(make(row), windows)


def list_items(db: Session | Connection, **filters: Any) -> list[domain.Commitment]:
    """`iter_items` as a list."""
    return list(iter_items(db, **filters))


# The statements below take an item id, or a bind parameter in its place (`tracker.speed.dbapi_render`).


def item_statement(item_id: Any) -> Select[Any]:
    """SELECT of every field of the item `item_id`."""
    return ItemColumns().select().where(t.commitments.c.id == item_id)


def get_item(db: Session | Connection, item_id: int) -> domain.Commitment:
    """The item `item_id` as a domain object, read from Core rows; NotFoundError when there is none."""
    row = core_connection(db).execute(item_statement(item_id)).first() if 1 <= item_id <= MAX_ID else None
    if row is None:
        raise no_item_error(item_id)
    return item_from_row(ItemRow._make(row))


def fulfilling_meeting_statement(item_id: Any) -> Select[Any]:
    return select(t.commitments.c.fulfilled_meeting_id).where(t.commitments.c.id == item_id)


def get_fulfilling_meeting_id(db: Session | Connection, item_id: int) -> int | None:
    """The id of the meeting that fulfilled the item `item_id`, if one did."""
    return core_connection(db).execute(fulfilling_meeting_statement(item_id)).scalar()


def item_history_statement(item_id: Any) -> Select[Any]:
    history = t.history.c
    return (
        select(history.changed_at, history.field, history.old_value, history.new_value, history.reason)
        .where(history.entity == "commitment", history.entity_id == item_id)
        .order_by(history.changed_at, history.id)
    )


def list_item_history(db: Session | Connection, item_id: int) -> list[Row[Any]]:
    """The history rows of the item `item_id` (changed_at, field, old_value, new_value, reason), oldest first."""
    return list(core_connection(db).execute(item_history_statement(item_id)))


def item_links_statement(item_id: Any) -> Select[Any]:
    links = t.fulfilment_links.c
    return (
        select(links.id, links.meeting_id, links.state, links.reason)
        .where(links.commitment_id == item_id)
        .order_by(links.id)
    )


def list_item_links(db: Session | Connection, item_id: int) -> list[Row[Any]]:
    """The fulfilment links of the item `item_id` (id, meeting_id, state, reason), in the order they were made."""
    return list(core_connection(db).execute(item_links_statement(item_id)))


def add_item(connection: Connection, item: domain.Commitment, *, at: dt.datetime, reason: str) -> int:
    """Store a new item (a new UID), its parties and its "created" history row with Core inserts; its id.

    The rows are those `repo.add_commitment` and `history.add_created` write through the ORM.
    """
    uid = item.uid or new_uid()
    values = item_values(item, uid=uid, document_id=None, agreed_meeting_id=None, at=at)
    key = connection.execute(insert(t.commitments), values).inserted_primary_key
    assert key is not None  # an INSERT of one row into a table with a primary key
    item_id: int = key[0]
    codes = party_codes(item.parties)
    if codes:
        connection.execute(
            insert(t.commitment_parties), [{"commitment_id": item_id, "code": code} for code in codes]
        )
    connection.execute(
        insert(t.history), created_history_values("commitment", item_id, uid=uid, at=at, reason=reason)
    )
    return item_id


def could_fulfil_conditions(codes: Sequence[Any], since: Any) -> list[Any]:
    """SQL conditions: a stored meeting, not rejected, holds every party of `codes` (as stored: see
    `new_rows.party_codes`) and started on or after `since` (None: any day)."""
    meetings, meeting_parties = t.meetings.c, t.meeting_parties.c
    conditions = [not_rejected(t.meetings)]
    if since is not None:
        conditions.append(meetings.start_date >= since)
    conditions.extend(
        exists().where(meeting_parties.meeting_id == meetings.id, meeting_parties.code == code)
        for code in codes
    )
    return conditions


def could_fulfil_statement(conditions: list[Any]) -> Select[Any]:
    """SELECT whether a meeting meets `conditions` (`could_fulfil_conditions`)."""
    return select(exists().select_from(t.meetings).where(*conditions))


def any_meeting_could_fulfil(db: Session | Connection, *, parties: list[str], since: dt.date | None) -> bool:
    """Whether a stored meeting, not rejected, holds every one of `parties` and started on or after `since`.

    Every meeting that fulfilment matching (`storage.matching.list_meeting_candidates`)
    considers for such an item passes this test, which leaves out its kind and city:
    when none does, there is nothing to match.
    """
    statement = could_fulfil_statement(could_fulfil_conditions(party_codes(parties), since))
    return bool(core_connection(db).execute(statement).scalar())


def reminder_condition(today: dt.date, horizon: dt.date, *, party: str | None, kind: str | None) -> Any:
    """SQL condition: active items whose window ended before `horizon`, or opens after `today` by it."""
    end, start = unindexed(t.commitments.c.window_end), unindexed(t.commitments.c.window_start)
    return and_(
        or_(end <= horizon, and_(start > today, start <= horizon)), *item_conditions(party=party, kind=kind)
    )


def count_active_kinds_by_parties(session: Session | Connection) -> dict[tuple[str, ...], Counter[str]]:
    """Party set -> how many active items of each kind are between exactly those parties.

    Counted in the database (one row per party set and kind), so that 100,000 items
    cost one grouped query rather than 100,000 rows (issue #16).
    """
    # Each item's codes as one string ("BY,RS"); the database may join them in any order.
    parties, items = t.commitment_parties.c, t.commitments.c
    codes = (
        select(parties.commitment_id, func.aggregate_strings(parties.code, ",").label("codes"))
        .group_by(parties.commitment_id)
        .subquery()
    )
    query = (
        select(codes.c.codes, items.kind, func.count())
        .join(codes, codes.c.commitment_id == items.id)
        .where(active_condition())
        .group_by(codes.c.codes, items.kind)
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
        history = t.history.c
        rows = session.execute(
            select(history.entity_id, history.changed_at).where(
                history.entity == "commitment",
                history.entity_id.in_(chunk),
                history.field.not_in(list(except_fields)),
                history.changed_at < before,
            )
        )
        for item_id, changed_at in rows:
            day = changed_at.date()
            if item_id not in latest or day > latest[item_id]:
                latest[item_id] = day
    return latest


def list_unreviewed_item_ids(session: Session) -> list[int]:
    """Ids of the items nobody has reviewed yet, in order."""
    items = t.commitments.c
    query = select(items.id).where(items.review == str(ReviewState.UNREVIEWED)).order_by(items.id)
    return list(session.scalars(query))


def possible_matches_statement() -> Select[Any]:
    links = t.fulfilment_links.c
    return (
        select(links.commitment_id, links.meeting_id)
        .where(links.state == str(LinkState.PROPOSED))
        .order_by(links.id)
    )


def list_possible_matches(db: Session | Connection) -> dict[int, list[int]]:
    """Item id -> ids of the meetings proposed as its fulfilment and awaiting review, in link order.

    Lists and reminders show them beside an overdue item, which may well be done (issue #14).
    """
    return group_possible_matches(db.execute(possible_matches_statement()))
