"""Writing what an ingest read from one document: its row, its meetings and items, their parties and
participants, in a few Core statements; and the revisions of a document (the texts read at one web address).

The ORM's unit of work took about half of an ingest's time (issue #16), for rows that are written once
and never touched again in the transaction. Each table gets one statement here (several rows in one
executemany, the rows of several documents together), built once at import, and the stored meetings
and items come back as the plain candidates fulfilment compares (`tracker.storage.matching`), with the
ids the database gave them.

A release published at an address may be edited there (a corrected date, an added paragraph). Each
text is its own document row, numbered by `revision` under the address key `url_sha256`; the meetings
and items read from earlier revisions stay attached to the text they were read from. Nothing here
commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, ScalarSelect, func, insert, select
from sqlalchemy.orm import Session

from tracker.domain import model as domain
from tracker.storage import models as m
from tracker.storage import tables
from tracker.storage.items import not_rejected
from tracker.storage.matching import ItemCandidate, MeetingCandidate
from tracker.storage.new_rows import item_values, meeting_values, party_codes

__all__ = [
    "NewDocument",
    "StoredDocument",
    "add_documents",
    "add_document_row",
    "add_meeting_rows",
    "add_item_rows",
    "find_last_revision",
    "list_meetings_of_address",
    "list_commitments_of_address",
]

_documents = tables.documents
_meetings = tables.meetings
_meeting_parties = tables.meeting_parties
_participants = tables.participants
_items = tables.commitments
_item_parties = tables.commitment_parties

# Several rows in one statement, their ids in the order of the rows given.
_ADD_DOCUMENTS = insert(_documents).returning(_documents.c.id, sort_by_parameter_order=True)
_ADD_MEETINGS = insert(_meetings).returning(_meetings.c.id, sort_by_parameter_order=True)
_ADD_ITEMS = insert(_items).returning(_items.c.id, sort_by_parameter_order=True)
_ADD_MEETING_PARTIES = insert(_meeting_parties)
_ADD_PARTICIPANTS = insert(_participants)
_ADD_ITEM_PARTIES = insert(_item_parties)


@dataclass(frozen=True)
class NewDocument:
    """One document an ingest stores: its row's values (`new_rows.document_values`) and what was read from
    it, each meeting and item under the UID of the same position."""

    values: dict[str, Any]
    meetings: Sequence[domain.Meeting]
    meeting_uids: Sequence[str]
    items: Sequence[domain.Commitment]
    item_uids: Sequence[str]


@dataclass(frozen=True)
class StoredDocument:
    """A document just stored: its id, and its meetings and items as matching sees stored ones."""

    id: int
    meetings: list[MeetingCandidate]
    items: list[ItemCandidate]


def add_documents(session: Session, new: Sequence[NewDocument]) -> list[StoredDocument]:
    """Store `new` documents with their meetings, items, parties and participants, in order; the items
    of a document with one meeting were agreed at that meeting.

    The same statements whatever the number of documents (issue #16: a round trip to PostgreSQL
    costs more than the row), so the ingest writes a batch of documents together.
    """
    if not new:
        return []
    connection = session.connection()
    document_ids = connection.execute(_ADD_DOCUMENTS, [document.values for document in new]).scalars().all()
    meetings = _add_meetings(
        connection,
        [
            (meeting, uid, document_id, document.values["ingested_at"])
            for document, document_id in zip(new, document_ids)
            for meeting, uid in zip(document.meetings, document.meeting_uids, strict=True)
        ],
    )
    meetings_of: dict[int, list[MeetingCandidate]] = {document_id: [] for document_id in document_ids}
    for meeting in meetings:
        meetings_of[meeting.document_id or 0].append(meeting)
    items = _add_items(
        connection,
        [
            (
                item,
                uid,
                document_id,
                document.values["published"],
                # A commitment read from a report of a meeting was agreed at that meeting.
                meetings_of[document_id][0] if len(meetings_of[document_id]) == 1 else None,
                document.values["ingested_at"],
            )
            for document, document_id in zip(new, document_ids)
            for item, uid in zip(document.items, document.item_uids, strict=True)
        ],
    )
    items_of: dict[int, list[ItemCandidate]] = {document_id: [] for document_id in document_ids}
    for item in items:
        items_of[item.document_id or 0].append(item)
    return [
        StoredDocument(document_id, meetings_of[document_id], items_of[document_id])
        for document_id in document_ids
    ]


def add_document_row(session: Session, values: dict[str, Any]) -> int:
    """A new document row (`values`: `new_rows.document_values`); its id."""
    document_id: int = session.connection().execute(_ADD_DOCUMENTS, [values]).scalar_one()
    return document_id


def add_meeting_rows(
    session: Session,
    meetings: Sequence[domain.Meeting],
    *,
    uids: Sequence[str],
    document_id: int,
    at: dt.datetime,
) -> list[MeetingCandidate]:
    """Store `meetings` (read from document `document_id`) under `uids`, with their parties and participants.

    Returns them as matching sees stored meetings, in the order given.
    """
    return _add_meetings(
        session.connection(),
        [(meeting, uid, document_id, at) for meeting, uid in zip(meetings, uids, strict=True)],
    )


# A meeting to store: the meeting, its UID, the id of the document it was read from, when it is stored.
_NewMeeting = tuple[domain.Meeting, str, int, dt.datetime]


def _add_meetings(connection: Connection, meetings: Sequence[_NewMeeting]) -> list[MeetingCandidate]:
    if not meetings:
        return []
    values = [
        meeting_values(meeting, uid=uid, document_id=document_id, at=at)
        for meeting, uid, document_id, at in meetings
    ]
    ids = connection.execute(_ADD_MEETINGS, values).scalars().all()
    codes = [party_codes(meeting.parties) for meeting, *_ in meetings]
    party_rows = [{"meeting_id": number, "code": code} for number, found in zip(ids, codes) for code in found]
    if party_rows:
        connection.execute(_ADD_MEETING_PARTIES, party_rows)
    participant_rows = [
        {"meeting_id": number, "position": i, "name": p.name, "role": p.role, "country": p.country}
        for number, (meeting, *_) in zip(ids, meetings)
        for i, p in enumerate(meeting.participants)
    ]
    if participant_rows:
        connection.execute(_ADD_PARTICIPANTS, participant_rows)
    return [
        MeetingCandidate(
            id=number,
            meeting=domain.Meeting(
                kind=domain.Kind(meeting.kind),
                start=meeting.start,
                end=meeting.end,
                city=meeting.city,
                parties=found,
                review=domain.ReviewState(meeting.review),
                id=number,
            ),
            document_id=document_id,
        )
        for number, (meeting, _, document_id, _), found in zip(ids, meetings, codes)
    ]


def add_item_rows(
    session: Session,
    items: Sequence[domain.Commitment],
    *,
    uids: Sequence[str],
    document_id: int,
    published: dt.date | None,
    agreed_at: MeetingCandidate | None,
    at: dt.datetime,
) -> list[ItemCandidate]:
    """Store `items` (read from document `document_id`, published on `published`) under `uids`, with
    their parties; `agreed_at`, the meeting they were agreed at, if known.

    Returns them as matching sees stored items, in the order given: made on the day they say,
    else the day of that meeting, else `published` (`fulfilment.item_made_on`).
    """
    return _add_items(
        session.connection(),
        [(item, uid, document_id, published, agreed_at, at) for item, uid in zip(items, uids, strict=True)],
    )


# An item to store: the item, its UID, the id and publication day of the document it was read from, the
# meeting it was agreed at if known, when it is stored.
_NewItem = tuple[domain.Commitment, str, int, dt.date | None, MeetingCandidate | None, dt.datetime]


def _add_items(connection: Connection, items: Sequence[_NewItem]) -> list[ItemCandidate]:
    if not items:
        return []
    values = [
        item_values(
            item,
            uid=uid,
            document_id=document_id,
            agreed_meeting_id=agreed_at.id if agreed_at is not None else None,
            at=at,
        )
        for item, uid, document_id, _, agreed_at, at in items
    ]
    ids = connection.execute(_ADD_ITEMS, values).scalars().all()
    codes = [party_codes(item.parties) for item, *_ in items]
    party_rows = [
        {"commitment_id": number, "code": code} for number, found in zip(ids, codes) for code in found
    ]
    if party_rows:
        connection.execute(_ADD_ITEM_PARTIES, party_rows)
    candidates = []
    for number, (item, _, document_id, published, agreed_at, _), found in zip(ids, items, codes):
        made_on = item.made_on
        if made_on is None:
            made_on = agreed_at.meeting.start if agreed_at is not None else published
        window = item.window
        candidates.append(
            ItemCandidate(
                id=number,
                item=domain.Commitment(
                    kind=domain.Kind(item.kind),
                    firmness=domain.Firmness(item.firmness),
                    window=domain.Window(
                        window.start, window.end, domain.Precision(window.precision), window.text or ""
                    ),
                    parties=found,
                    city=item.city,
                    status=domain.Status(item.status),
                    review=domain.ReviewState(item.review),
                    id=number,
                ),
                made_on=made_on,
                agreed_meeting_id=agreed_at.id if agreed_at is not None else None,
                document_id=document_id,
            )
        )
    return candidates


def find_last_revision(session: Session, url_sha256: str) -> int | None:
    """The highest revision stored at the address with this key, None when none is."""
    return session.scalar(select(func.max(m.Document.revision)).where(m.Document.url_sha256 == url_sha256))


def _of_address(url_sha256: str) -> ScalarSelect[int]:
    return select(m.Document.id).where(m.Document.url_sha256 == url_sha256).scalar_subquery()


def list_meetings_of_address(session: Session, url_sha256: str) -> list[m.Meeting]:
    """The meetings read from any revision at the address, not rejected in review, by id."""
    query = (
        select(m.Meeting)
        .where(m.Meeting.document_id.in_(_of_address(url_sha256)), not_rejected(m.Meeting))
        .order_by(m.Meeting.id)
    )
    return list(session.scalars(query))


def list_commitments_of_address(session: Session, url_sha256: str) -> list[m.Commitment]:
    """The items read from any revision at the address, not rejected in review, by id."""
    query = (
        select(m.Commitment)
        .where(m.Commitment.document_id.in_(_of_address(url_sha256)), not_rejected(m.Commitment))
        .order_by(m.Commitment.id)
    )
    return list(session.scalars(query))
