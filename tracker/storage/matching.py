"""Candidates for automatic fulfilment: the stored items a meeting may fulfil, the stored meetings an item
may have been fulfilled by.

Each side is one Core query on indexed columns (kind, parties, city, dates) that leaves out only what
the rules of `tracker.domain.status.assess_match` would refuse anyway, plus one query for the few
candidates' parties. Rows come back as plain domain values, not ORM objects with eager loads, so that
matching an ingested document costs about the same with 300 or 30,000 items stored (issue #16).
The same conditions, asked for many meetings or items in one UNION ALL, tell an ingest which of a
batch's may find any candidate at all (`list_item_candidate_documents`, `list_meeting_candidate_documents`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from tracker.domain import model as domain
from tracker.domain.status import ACTIVE_STATUSES
from tracker.storage import models as m

__all__ = [
    "ItemCandidate",
    "MeetingCandidate",
    "list_item_candidates",
    "list_meeting_candidates",
    "list_linked_pairs",
]

_items: Table = m.Commitment.__table__
_item_parties: Table = m.CommitmentParty.__table__
_meetings: Table = m.Meeting.__table__
_meeting_parties: Table = m.MeetingParty.__table__
_documents: Table = m.Document.__table__
_links: Table = m.FulfilmentLink.__table__

_ACTIVE = sorted(str(status) for status in ACTIVE_STATUSES)
_REJECTED = str(domain.ReviewState.REJECTED)


@dataclass(frozen=True)
class ItemCandidate:
    """A stored active item as matching sees it: its rule-relevant fields and the day it was made."""

    id: int
    item: domain.Commitment
    made_on: dt.date | None
    agreed_meeting_id: int | None
    document_id: int | None


@dataclass(frozen=True)
class MeetingCandidate:
    """A stored meeting as matching sees it."""

    id: int
    meeting: domain.Meeting
    document_id: int | None


def _city_key(city: str) -> str:
    return city.strip().lower()


# The statements are built once: building a Core statement costs more than SQLite takes to run it.
_PARTIES_OF = {
    name: select(table.c[owner], table.c.code)
    .where(table.c[owner].in_(bindparam("ids", expanding=True)))
    .order_by(table.c[owner], table.c.code)
    for name, table, owner in (
        ("item", _item_parties, "commitment_id"),
        ("meeting", _meeting_parties, "meeting_id"),
    )
}


def _parties_of(session: Session, owner: str, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {number: [] for number in ids}
    if ids:
        for owner_id, code in session.execute(_PARTIES_OF[owner], {"ids": ids}):
            found[owner_id].append(code)
    return found


_agreed = _meetings.alias("agreed")
_made_on = func.coalesce(_items.c.made_on, _agreed.c.start_date, _documents.c.published)
_items_made_on = _items.outerjoin(_agreed, _agreed.c.id == _items.c.agreed_meeting_id).outerjoin(
    _documents, _documents.c.id == _items.c.document_id
)


def _items_fit(suffix: str = "") -> tuple[ColumnElement[bool], ...]:
    """What an item a meeting may fulfil is, up to the city: the meeting's values are bound under names
    ending in `suffix`."""
    return (
        _items.c.status.in_(_ACTIVE),
        _items.c.review != _REJECTED,
        _items.c.kind.in_(bindparam(f"kinds{suffix}", expanding=True)),
        or_(_made_on.is_(None), _made_on <= bindparam(f"held_on{suffix}")),
        ~exists().where(
            _item_parties.c.commitment_id == _items.c.id,
            _item_parties.c.code.not_in(bindparam(f"parties{suffix}", expanding=True)),
        ),
    )


# The city as ix_commitments_city_key has it: the same expression, or the index is not used.
_city_as_indexed = func.coalesce(func.lower(_items.c.city), literal_column("''"))


def _items_in_city(suffix: str = "") -> ColumnElement[bool]:
    return _city_as_indexed.in_([literal_column("''"), bindparam(f"city{suffix}")])


_ITEMS = (
    select(
        _items.c.id,
        _items.c.kind,
        _items.c.firmness,
        _items.c.city,
        _items.c.window_start,
        _items.c.window_end,
        _items.c.window_precision,
        _items.c.window_text,
        _items.c.status,
        _items.c.review,
        _items.c.agreed_meeting_id,
        _items.c.document_id,
        _made_on,
    )
    .select_from(_items_made_on)
    .where(*_items_fit())
    .order_by(_items.c.id)
)
# Locked: see `list_item_candidates`. FOR UPDATE OF the items only (PostgreSQL refuses to lock the
# nullable side of an outer join).
_ITEMS_IN_CITY = _ITEMS.where(_items_in_city()).with_for_update(of=_items)
_ITEMS_WITHOUT_CITY = _ITEMS.where(_city_as_indexed == literal_column("''")).with_for_update(of=_items)


def list_item_candidates(
    session: Session,
    *,
    kinds: Sequence[str],
    parties: Iterable[str],
    city: str | None,
    held_on: dt.date,
) -> list[ItemCandidate]:
    """Active items, not rejected, that a meeting held on `held_on` in `city` with `parties` may fulfil:
    an item kind in `kinds` (those the meeting's kind may fulfil), no party outside `parties`, the same
    city or none, made on or before `held_on` (or on no known day). In id order.

    The items' rows stay locked until the transaction ends (see `repo.lock_rows`): a reschedule in
    progress is decided on with its new window and never overwritten (issue #17).
    """
    values = {"kinds": list(kinds), "parties": sorted(set(parties)), "held_on": held_on}
    if city:
        rows = session.execute(_ITEMS_IN_CITY, {**values, "city": _city_key(city)}).all()
    else:
        rows = session.execute(_ITEMS_WITHOUT_CITY, values).all()
    party_codes = _parties_of(session, "item", [row[0] for row in rows])
    return [
        ItemCandidate(
            id=number,
            item=domain.Commitment(
                kind=domain.Kind(kind),
                firmness=domain.Firmness(firmness),
                window=domain.Window(start, end, domain.Precision(precision), text),
                parties=party_codes[number],
                city=item_city,
                status=domain.Status(status),
                review=domain.ReviewState(review),
                id=number,
            ),
            made_on=made,
            agreed_meeting_id=agreed_id,
            document_id=document_id,
        )
        for (
            number,
            kind,
            firmness,
            item_city,
            start,
            end,
            precision,
            text,
            status,
            review,
            agreed_id,
            document_id,
            made,
        ) in rows
    ]


# Meetings with every one of the item's parties, found through the index on the party code.
def _with_all_parties(suffix: str) -> ColumnElement[bool]:
    return _meetings.c.id.in_(
        select(_meeting_parties.c.meeting_id)
        .where(_meeting_parties.c.code.in_(bindparam(f"parties{suffix}", expanding=True)))
        .group_by(_meeting_parties.c.meeting_id)
        .having(func.count() == bindparam(f"party_count{suffix}"))
    )


# The same, checked meeting by meeting through the primary key: for the few meetings since a day.
def _has_all_parties(suffix: str) -> ColumnElement[bool]:
    return select(func.count()).where(
        _meeting_parties.c.meeting_id == _meetings.c.id,
        _meeting_parties.c.code.in_(bindparam(f"parties{suffix}", expanding=True)),
    ).scalar_subquery() == bindparam(f"party_count{suffix}")


# Which of the conditions a meeting query has, and how it finds the parties: (with_parties, in_city,
# since, by_date).
_MeetingShape = tuple[bool, bool, bool, bool]
_MEETING_SHAPES: list[_MeetingShape] = [
    (with_parties, in_city, since, by_date)
    for with_parties in (False, True)
    for in_city in (False, True)
    for since in (False, True)
    for by_date in (False, True)
    if since or not by_date
]


def _meetings_fit(shape: _MeetingShape, suffix: str = "") -> tuple[ColumnElement[bool], ...]:
    """What a meeting that may fulfil an item is: the item's values are bound under names ending in `suffix`."""
    with_parties, in_city, since, by_date = shape
    return (
        _meetings.c.kind.in_(bindparam(f"kinds{suffix}", expanding=True)),
        _meetings.c.review != _REJECTED,
        *([_has_all_parties(suffix) if by_date else _with_all_parties(suffix)] if with_parties else []),
        *([func.lower(_meetings.c.city) == bindparam(f"city{suffix}")] if in_city else []),
        *([_meetings.c.start_date >= bindparam(f"since{suffix}")] if since else []),
    )


_MEETINGS = select(
    _meetings.c.id,
    _meetings.c.kind,
    _meetings.c.start_date,
    _meetings.c.end_date,
    _meetings.c.city,
    _meetings.c.review,
    _meetings.c.document_id,
).order_by(_meetings.c.start_date, _meetings.c.id)
_MEETINGS_BY = {shape: _MEETINGS.where(*_meetings_fit(shape)) for shape in _MEETING_SHAPES}
# Few meetings since a day: at most this many are read through the start-date index.
FEW_SINCE = 200
_COUNT_SINCE = select(func.count()).select_from(
    select(_meetings.c.id).where(_meetings.c.start_date >= bindparam("since")).limit(FEW_SINCE).subquery()
)


def _few_since(session: Session, since: dt.date) -> bool:
    """Whether fewer than FEW_SINCE meetings started on or after `since`.

    Which index leads: the party codes' grows with every meeting of those parties, the start
    date's with every meeting since `since`, usually a few for an item just made (an ingest
    reads releases as they come). SQLite cannot tell without statistics; one bounded count can.
    """
    return session.execute(_COUNT_SINCE, {"since": since}).scalar_one() < FEW_SINCE


def list_meeting_candidates(
    session: Session,
    *,
    kinds: Sequence[str],
    parties: Iterable[str],
    city: str | None,
    since: dt.date | None,
) -> list[MeetingCandidate]:
    """Meetings, not rejected, that may fulfil an item: a kind in `kinds`, every one of `parties`
    present, in `city` when one is given, started on or after `since` when given.
    By start date, then id."""
    codes = sorted(set(parties))
    values: dict[str, object] = {"kinds": list(kinds), "parties": codes, "party_count": len(codes)}
    if city:
        values["city"] = _city_key(city)
    if since is not None:
        values["since"] = since
    by_date = bool(codes) and since is not None and _few_since(session, since)
    key = (bool(codes), bool(city), since is not None, by_date)
    rows = session.execute(_MEETINGS_BY[key], values).all()
    party_codes = _parties_of(session, "meeting", [row[0] for row in rows])
    return [
        MeetingCandidate(
            id=number,
            meeting=domain.Meeting(
                kind=domain.Kind(kind),
                start=start,
                end=end,
                city=meeting_city,
                parties=party_codes[number],
                review=domain.ReviewState(review),
                id=number,
            ),
            document_id=document_id,
        )
        for number, kind, start, end, meeting_city, review, document_id in rows
    ]


_LINKED = select(_links.c.commitment_id, _links.c.meeting_id).where(
    _links.c.commitment_id.in_(bindparam("items", expanding=True)),
    _links.c.meeting_id.in_(bindparam("meetings", expanding=True)),
)


def list_linked_pairs(
    session: Session, *, commitment_ids: Sequence[int], meeting_ids: Sequence[int]
) -> set[tuple[int, int]]:
    """The (item, meeting) pairs among these ids that already have a fulfilment link, in any state."""
    if not commitment_ids or not meeting_ids:
        return set()
    rows = session.execute(_LINKED, {"items": list(commitment_ids), "meetings": list(meeting_ids)})
    return {(item_id, meeting_id) for item_id, meeting_id in rows}


def list_links(
    session: Session,
    *,
    commitment_id: int | None = None,
    meeting_id: int | None = None,
    states: tuple[str, ...] | None = None,
) -> list[m.FulfilmentLink]:
    query = select(m.FulfilmentLink).order_by(m.FulfilmentLink.id)
    if commitment_id is not None:
        query = query.where(m.FulfilmentLink.commitment_id == commitment_id)
    if meeting_id is not None:
        query = query.where(m.FulfilmentLink.meeting_id == meeting_id)
    if states:
        query = query.where(m.FulfilmentLink.state.in_(states))
    return list(session.scalars(query))


@dataclass(frozen=True)
class ItemQuery:
    """The items a meeting may fulfil, as `list_item_candidates` takes them."""

    kinds: Sequence[str]
    parties: Sequence[str]
    city: str | None
    held_on: dt.date


@dataclass(frozen=True)
class MeetingQuery:
    """The meetings that may fulfil an item, as `list_meeting_candidates` takes them."""

    kinds: Sequence[str]
    parties: Sequence[str]
    city: str | None
    since: dt.date | None


_ASKED_TOGETHER = 100  # queries in one statement: SQLite joins at most 500 selects


def _documents_found(
    session: Session, branches: list[tuple[Select[Any], dict[str, object]]]
) -> list[set[int | None]]:
    """For each branch (a select of its own number and of document ids, and its values), the ids it
    finds; `_ASKED_TOGETHER` branches to a statement, as one UNION ALL."""
    found: list[set[int | None]] = [set() for _ in branches]
    for first in range(0, len(branches), _ASKED_TOGETHER):
        part = branches[first : first + _ASKED_TOGETHER]
        values = {name: value for _, named in part for name, value in named.items()}
        for number, document_id in session.execute(union_all(*(query for query, _ in part)), values):
            found[number].add(document_id)
    return found


def _numbered(n: int) -> ColumnElement[Any]:
    return literal_column(str(n)).label("query")


def list_item_candidate_documents(session: Session, queries: Sequence[ItemQuery]) -> list[set[int | None]]:
    """For each query, the documents of the items `list_item_candidates` finds for it (None: items typed
    in by hand), in one statement for up to `_ASKED_TOGETHER` queries; the rows are not locked.

    An ingest asks this for a batch's meetings at once: most find nothing, and are matched no further.
    """
    branches = []
    for n, query in enumerate(queries):
        in_city = _items_in_city(f"_{n}") if query.city else _city_as_indexed == literal_column("''")
        values: dict[str, object] = {
            f"kinds_{n}": list(query.kinds),
            f"parties_{n}": sorted(set(query.parties)),
            f"held_on_{n}": query.held_on,
        }
        if query.city:
            values[f"city_{n}"] = _city_key(query.city)
        found = select(_numbered(n), _items.c.document_id).select_from(_items_made_on)
        branches.append((found.where(*_items_fit(f"_{n}"), in_city), values))
    return _documents_found(session, branches)


def list_meeting_candidate_documents(
    session: Session, queries: Sequence[MeetingQuery]
) -> list[set[int | None]]:
    """For each query, the documents of the meetings `list_meeting_candidates` finds for it, in one
    statement for up to `_ASKED_TOGETHER` queries (and one bounded count).

    An ingest asks this for a batch's items at once: most find nothing, and are matched no further.
    """
    days = [query.since for query in queries if query.since is not None and query.parties]
    by_date = bool(days) and _few_since(session, min(days))  # then so are the meetings since a later day
    branches = []
    for n, query in enumerate(queries):
        codes = sorted(set(query.parties))
        shape = (bool(codes), bool(query.city), query.since is not None, by_date and query.since is not None)
        values: dict[str, object] = {f"kinds_{n}": list(query.kinds)}
        if codes:
            values |= {f"parties_{n}": codes, f"party_count_{n}": len(codes)}
        if query.city:
            values[f"city_{n}"] = _city_key(query.city)
        if query.since is not None:
            values[f"since_{n}"] = query.since
        found = select(_numbered(n), _meetings.c.document_id).where(*_meetings_fit(shape, f"_{n}"))
        branches.append((found, values))
    return _documents_found(session, branches)
