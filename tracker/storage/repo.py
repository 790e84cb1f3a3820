"""Query and persist functions: the only code that knows the table layout.

Every function takes the Session first and never commits: the caller (one
command, one HTTP request) owns the transaction. Rows are turned into domain
objects here, so exporters and reports never see a Session.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVarTuple

from sqlalchemy import Row, Select, bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from tracker.domain import model as domain
from tracker.domain.identity import normalised_sha256
from tracker.errors import NotFoundError
from tracker.limits import MAX_ID
from tracker.storage import models as m
from tracker.storage.item_fields import item_from_row, row_of
from tracker.storage.items import active_condition
from tracker.storage.meetings import meeting_from_row
from tracker.storage.new_rows import item_values, meeting_values, party_codes
from tracker.storage.writers import lock_for_ingest, new_uid

__all__ = [
    "lock_for_ingest",
    "find_document",
    "find_documents",
    "add_document",
    "get_document",
    "list_documents",
    "list_document_summaries",
    "list_meetings_of_document",
    "list_commitments_of_document",
    "add_meeting",
    "get_meeting",
    "find_meeting_by_uid",
    "list_meetings",
    "set_meeting_parties",
    "add_commitment",
    "get_commitment",
    "find_commitment_by_uid",
    "list_commitments",
    "set_commitment_parties",
    "list_history",
    "new_uid",
    "meeting_to_domain",
    "commitment_to_domain",
    "lock_rows",
]

# Documents

# What lists and exports need of a source document; its full text stays in the database.
_DOCUMENT_HEADER = (m.Document.source, m.Document.title, m.Document.published)


_documents_table = m.Document.__table__
_DOCUMENT_BY_IDENTITY = (
    select(_documents_table.c.id, _documents_table.c.source)
    .where(_documents_table.c.normalised_sha256 == bindparam("key"))
    .order_by(_documents_table.c.id)
    .limit(1)
)
_DOCUMENTS_BY_IDENTITY = (
    select(_documents_table.c.normalised_sha256, _documents_table.c.id, _documents_table.c.source)
    .where(_documents_table.c.normalised_sha256.in_(bindparam("keys", expanding=True)))
    .order_by(_documents_table.c.id.desc())
)


def find_document(session: Session, text: str, *, key: str | None = None) -> Row[int, str] | None:
    """The id and source of the stored document with the same identity as `text` (the same release in
    any form), if any: one lookup on the indexed identity key, the text itself not read (issue #16).
    `key`, when given, is `normalised_sha256(text)` computed before."""
    return session.execute(_DOCUMENT_BY_IDENTITY, {"key": key or normalised_sha256(text)}).first()


def find_documents(session: Session, keys: list[str]) -> dict[str, Row[str, int, str]]:
    """Identity key -> (key, id, source) of the first stored document with it, for those of `keys` stored."""
    if not keys:
        return {}
    return {row[0]: row for row in session.execute(_DOCUMENTS_BY_IDENTITY, {"keys": keys})}


def _within_ids(value: int) -> bool:
    """Whether `value` can be an id at all: a larger one names nothing and would overflow the driver."""
    return 0 < value <= MAX_ID


def get_document(session: Session, document_id: int) -> m.Document:
    row = session.get(m.Document, document_id) if _within_ids(document_id) else None
    if row is None:
        raise NotFoundError(f"no document with id {document_id}; `tracker documents list` shows them")
    return row


def list_documents(session: Session) -> list[m.Document]:
    return list(session.scalars(select(m.Document).order_by(m.Document.id)))


def list_document_summaries(session: Session) -> list[dict[str, object]]:
    """Every document's header (not its text) with the number of meetings and items read from it, by id."""
    meetings = (
        select(m.Meeting.document_id, func.count().label("n")).group_by(m.Meeting.document_id).subquery()
    )
    items = (
        select(m.Commitment.document_id, func.count().label("n"))
        .group_by(m.Commitment.document_id)
        .subquery()
    )
    query = (
        select(
            m.Document.id,
            m.Document.sha256,
            m.Document.source,
            m.Document.title,
            m.Document.published,
            m.Document.ingested_at,
            m.Document.revision,
            func.coalesce(meetings.c.n, 0),
            func.coalesce(items.c.n, 0),
        )
        .outerjoin(meetings, meetings.c.document_id == m.Document.id)
        .outerjoin(items, items.c.document_id == m.Document.id)
        .order_by(m.Document.id)
    )
    keys = (
        "id",
        "sha256",
        "source",
        "title",
        "published",
        "ingested_at",
        "revision",
        "meetings",
        "commitments",
    )
    return [dict(zip(keys, row)) for row in session.execute(query)]


def list_meetings_of_document(session: Session, document_id: int) -> list[m.Meeting]:
    return list(
        session.scalars(
            _meeting_query()
            .where(m.Meeting.document_id == document_id)
            .order_by(m.Meeting.start_date, m.Meeting.id)
        )
    )


def list_commitments_of_document(session: Session, document_id: int) -> list[m.Commitment]:
    return list(
        session.scalars(
            _commitment_query().where(m.Commitment.document_id == document_id).order_by(m.Commitment.id)
        )
    )


def add_document(
    session: Session,
    *,
    sha256: str,
    source: str,
    text: str,
    title: str | None,
    published: dt.date | None,
    at: dt.datetime,
    key: str | None = None,
    url_sha256: str | None = None,
    revision: int = 1,
) -> m.Document:
    """A new document row; `key`, when given, is `normalised_sha256(text)` computed before.

    `url_sha256` is the `url_key` of its web address, `revision` which text read there it is.
    """
    row = m.Document(
        sha256=sha256,
        normalised_sha256=key or normalised_sha256(text),
        url_sha256=url_sha256,
        revision=revision,
        source=source,
        text=text,
        title=title,
        published=published,
        ingested_at=at,
    )
    session.add(row)
    session.flush()
    return row


# Meetings


_Columns = TypeVarTuple("_Columns")


def _meeting_query() -> Select[m.Meeting]:
    return select(m.Meeting).options(
        selectinload(m.Meeting.party_rows),
        selectinload(m.Meeting.participants),
        selectinload(m.Meeting.document).load_only(*_DOCUMENT_HEADER),
    )


def lock_rows(query: Select[*_Columns]) -> Select[*_Columns]:
    """`query` that locks its rows until the transaction ends and reads their newest committed values.

    A read-modify-write of a meeting or an item uses it (issue #17): on PostgreSQL
    a concurrent writer then waits for the row instead of overwriting it with
    values read before the other commit (SQLite's BEGIN IMMEDIATE already
    serialises writers and renders no FOR UPDATE). `populate_existing` makes a
    row already in the session take the values read under the lock.
    """
    return query.with_for_update().execution_options(populate_existing=True)


def get_meeting(session: Session, meeting_id: int, *, for_update: bool = False) -> m.Meeting:
    """The meeting `meeting_id`; `for_update` takes the writers' turn and locks it (see `lock_rows`)."""
    query = _meeting_query().where(m.Meeting.id == meeting_id)
    if for_update:
        lock_for_ingest(session)
    row = session.scalar(lock_rows(query) if for_update else query) if _within_ids(meeting_id) else None
    if row is None:
        raise NotFoundError(f"no meeting with id {meeting_id}; `tracker meetings list` shows them")
    return row


def find_meeting_by_uid(session: Session, uid: str) -> m.Meeting | None:
    return session.scalar(_meeting_query().where(m.Meeting.uid == uid))


def list_meetings(
    session: Session,
    *,
    party: str | None = None,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    include_rejected: bool = True,
) -> list[m.Meeting]:
    """Meetings by start date; `since`/`until` are inclusive bounds on the start date.

    `include_rejected=False` leaves out those rejected in review (withdrawn by a later revision of their release).
    """
    query = _meeting_query().order_by(m.Meeting.start_date, m.Meeting.id)
    if not include_rejected:
        query = query.where(m.Meeting.review != str(domain.ReviewState.REJECTED))
    if party:
        query = query.where(m.Meeting.party_rows.any(m.MeetingParty.code == party.upper()))
    if kind:
        query = query.where(m.Meeting.kind == kind)
    if since:
        query = query.where(m.Meeting.start_date >= since)
    if until:
        query = query.where(m.Meeting.start_date <= until)
    return list(session.scalars(query))


def set_meeting_parties(row: m.Meeting, codes: list[str]) -> None:
    row.party_rows = [m.MeetingParty(code=code) for code in party_codes(codes)]


def add_meeting(
    session: Session,
    meeting: domain.Meeting,
    *,
    at: dt.datetime,
    document_id: int | None = None,
    uid: str | None = None,
) -> m.Meeting:
    row = m.Meeting(
        **meeting_values(meeting, uid=uid or meeting.uid or new_uid(), document_id=document_id, at=at)
    )
    set_meeting_parties(row, meeting.parties)
    row.participants = [
        m.Participant(position=i, name=p.name, role=p.role, country=p.country)
        for i, p in enumerate(meeting.participants)
    ]
    session.add(row)
    session.flush()
    return row


def meeting_to_domain(row: m.Meeting) -> domain.Meeting:
    return meeting_from_row(
        row,
        parties=row.parties,
        participants=[domain.Participant(p.name, p.role, p.country) for p in row.participants],
        source=row.document.source if row.document else None,
    )


# Commitments


def _commitment_query() -> Select[m.Commitment]:
    return select(m.Commitment).options(
        selectinload(m.Commitment.party_rows),
        selectinload(m.Commitment.document).load_only(*_DOCUMENT_HEADER),
        selectinload(m.Commitment.agreed_meeting),
        selectinload(m.Commitment.fulfilled_meeting),
    )


def get_commitment(session: Session, commitment_id: int, *, for_update: bool = False) -> m.Commitment:
    """The item `commitment_id`; `for_update` takes the writers' turn and locks it (see `lock_rows`)."""
    query = _commitment_query().where(m.Commitment.id == commitment_id)
    if for_update:
        lock_for_ingest(session)
    row = session.scalar(lock_rows(query) if for_update else query) if _within_ids(commitment_id) else None
    if row is None:
        raise NotFoundError(f"no item with id {commitment_id}; `tracker items list` shows them")
    return row


def find_commitment_by_uid(session: Session, uid: str) -> m.Commitment | None:
    return session.scalar(_commitment_query().where(m.Commitment.uid == uid))


def list_commitments(
    session: Session, *, party: str | None = None, kind: str | None = None, status: str | None = None
) -> list[m.Commitment]:
    """Items ordered by the end of their window (open-ended last), then by id."""
    query = _commitment_query().order_by(
        m.Commitment.window_end.is_(None), m.Commitment.window_end, m.Commitment.id
    )
    if party:
        query = query.where(m.Commitment.party_rows.any(m.CommitmentParty.code == party.upper()))
    if kind:
        query = query.where(m.Commitment.kind == kind)
    if status:
        query = query.where(m.Commitment.status == status)
    return list(session.scalars(query))


def list_active_commitments_sharing(session: Session, parties: list[str]) -> list[m.Commitment]:
    """Open or rescheduled items, not rejected in review, that have one of `parties`."""
    query = _commitment_query().where(
        active_condition(),
        m.Commitment.party_rows.any(m.CommitmentParty.code.in_([code.upper() for code in parties])),
    )
    return list(session.scalars(query.order_by(m.Commitment.id)))


def set_commitment_parties(row: m.Commitment, codes: list[str]) -> None:
    row.party_rows = [m.CommitmentParty(code=code) for code in party_codes(codes)]


def add_commitment(
    session: Session,
    item: domain.Commitment,
    *,
    at: dt.datetime,
    document_id: int | None = None,
    agreed_meeting_id: int | None = None,
    uid: str | None = None,
) -> m.Commitment:
    values = item_values(
        item,
        uid=uid or item.uid or new_uid(),
        document_id=document_id,
        agreed_meeting_id=agreed_meeting_id,
        at=at,
    )
    row = m.Commitment(**values)
    set_commitment_parties(row, item.parties)
    session.add(row)
    session.flush()
    return row


def commitment_to_domain(row: m.Commitment) -> domain.Commitment:
    return item_from_row(row_of(row))


# History


def list_history(
    session: Session,
    entity: str | None = None,
    entity_id: int | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> list[m.History]:
    query = select(m.History).order_by(m.History.changed_at, m.History.id)
    if entity:
        query = query.where(m.History.entity == entity)
    if entity_id is not None:
        query = query.where(m.History.entity_id == entity_id)
    if since:
        query = query.where(m.History.changed_at >= since)
    if until:
        query = query.where(m.History.changed_at < until)
    return list(session.scalars(query))
