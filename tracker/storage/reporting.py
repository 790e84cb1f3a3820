"""Read-only queries behind the weekly report: light column tuples instead of full rows.

A report over 100,000 items needs the status, window and parties of every
item but the sentence and source of only the few it lists. So the queries here
fetch plain tuples for the whole table and full details by id for the rest.
Rejected items and meetings (extraction false positives) are never returned.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from tracker.clock import utc_date
from tracker.domain.report import MeetingLine, SourceRef
from tracker.storage import models as m
from tracker.storage.item_fields import ItemColumns
from tracker.storage.items import not_rejected

__all__ = [
    "ItemFact",
    "ItemDetail",
    "HistoryFact",
    "list_item_facts",
    "list_item_details",
    "list_meetings_overlapping",
    "list_history_between",
]

_IN_CHUNKS = 500  # ids per IN (...) clause: well below SQLite's bound-parameter limit


@dataclass(frozen=True, slots=True)
class ItemFact:
    """What the report needs of every item to count and classify it.

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
_FACT_FIELDS = tuple(f.name for f in fields(ItemFact) if f.name != "parties")
_DETAIL_FIELDS = tuple(f.name for f in fields(ItemDetail) if f.name != "document")


@dataclass(frozen=True, slots=True)
class HistoryFact:
    entity_id: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: dt.datetime
    reason: str


def _party_filter(party: str | None) -> ColumnElement[bool] | None:
    return m.Commitment.party_rows.any(m.CommitmentParty.code == party.upper()) if party else None


def list_item_facts(session: Session, *, party: str | None = None) -> list[ItemFact]:
    """Every item that is not rejected (with `party` among its parties, when given), by id.

    Reads plain columns only (no ORM objects): this runs over the whole table.
    """
    # Parties come aggregated ("BY,RS"), one row per item: half the rows of a join.
    codes = (
        select(
            m.CommitmentParty.commitment_id,
            func.aggregate_strings(m.CommitmentParty.code, ",").label("codes"),
        )
        .group_by(m.CommitmentParty.commitment_id)
        .subquery()
    )
    columns = ItemColumns()
    query = (
        select(*(columns[name] for name in _FACT_FIELDS), codes.c.codes)
        .outerjoin(codes, codes.c.commitment_id == m.Commitment.id)
        .where(not_rejected(m.Commitment))
        .order_by(m.Commitment.id)
    )
    condition = _party_filter(party)
    if condition is not None:
        query = query.where(condition)
    # Columns chosen by name (ItemColumns) give untyped rows; their order is the select's.
    rows: Sequence[Any] = session.execute(query).all()
    stored_on = {}
    if any(row[6] is None for row in rows):
        for item_id, created_at in session.execute(
            select(m.Commitment.id, m.Commitment.created_at).where(m.Commitment.made_on.is_(None))
        ):
            stored_on[item_id] = utc_date(created_at)
    split: dict[str, tuple[str, ...]] = {}  # few distinct party sets: split and sort each once
    for text in {row[7] for row in rows}:
        split[text] = tuple(sorted(text.split(","))) if text else ()
    return [
        ItemFact(
            item_id,
            status,
            start,
            end,
            precision,
            fulfilled_on,
            made_on or stored_on.get(item_id),
            split[text],
        )
        for item_id, status, start, end, precision, fulfilled_on, made_on, text in rows
    ]


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
