"""Writing what an ingest read from one document: its row, its meetings and items, their parties and
participants, in a few Core statements; and the revisions of a document (the texts read at one web address).

The ORM's unit of work took about half of an ingest's time (issue #16), for rows that are written once
and never touched again in the transaction. Each table gets one statement here (several rows in one
executemany), built once at import, and the stored meetings and items come back as the plain
candidates fulfilment compares (`tracker.storage.matching`), with the ids the database gave them.

A release published at an address may be edited there (a corrected date, an added paragraph). Each
text is its own document row, numbered by `revision` under the address key `url_sha256`; the meetings
and items read from earlier revisions stay attached to the text they were read from. Nothing here
commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ScalarSelect, func, insert, select
from sqlalchemy.orm import Session

from tracker.domain import model as domain
from tracker.storage import models as m
from tracker.storage import tables
from tracker.storage.items import not_rejected
from tracker.storage.matching import ItemCandidate, MeetingCandidate
from tracker.storage.new_rows import item_values, meeting_values, party_codes

__all__ = [
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

_ADD_DOCUMENT = insert(_documents).returning(_documents.c.id)
# Several rows in one statement, their ids in the order of the rows given.
_ADD_MEETINGS = insert(_meetings).returning(_meetings.c.id, sort_by_parameter_order=True)
_ADD_ITEMS = insert(_items).returning(_items.c.id, sort_by_parameter_order=True)
_ADD_MEETING_PARTIES = insert(_meeting_parties)
_ADD_PARTICIPANTS = insert(_participants)
_ADD_ITEM_PARTIES = insert(_item_parties)


def add_document_row(
    session: Session,
    *,
    sha256: str,
    key: str,
    source: str,
    text: str,
    title: str | None,
    published: dt.date | None,
    at: dt.datetime,
    url_sha256: str | None = None,
    revision: int = 1,
) -> int:
    """A new document row (`key`: the identity of its text, `normalised_sha256`; `url_sha256`: the key
    of the web address it was read from, where it is that address's `revision`); its id."""
    values = {
        "sha256": sha256,
        "normalised_sha256": key,
        "url_sha256": url_sha256,
        "revision": revision,
        "source": source,
        "text": text,
        "title": title,
        "published": published,
        "ingested_at": at,
    }
    document_id: int = session.connection().execute(_ADD_DOCUMENT, values).scalar_one()
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
    if not meetings:
        return []
    connection = session.connection()
    values = [
        meeting_values(meeting, uid=uid, document_id=document_id, at=at)
        for meeting, uid in zip(meetings, uids, strict=True)
    ]
    ids = connection.execute(_ADD_MEETINGS, values).scalars().all()
    codes = [party_codes(meeting.parties) for meeting in meetings]
    party_rows = [{"meeting_id": number, "code": code} for number, found in zip(ids, codes) for code in found]
    if party_rows:
        connection.execute(_ADD_MEETING_PARTIES, party_rows)
    participant_rows = [
        {"meeting_id": number, "position": i, "name": p.name, "role": p.role, "country": p.country}
        for number, meeting in zip(ids, meetings)
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
        for number, meeting, found in zip(ids, meetings, codes)
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
    if not items:
        return []
    agreed_id = agreed_at.id if agreed_at is not None else None
    values = [
        item_values(item, uid=uid, document_id=document_id, agreed_meeting_id=agreed_id, at=at)
        for item, uid in zip(items, uids, strict=True)
    ]
    ids = session.connection().execute(_ADD_ITEMS, values).scalars().all()
    codes = [party_codes(item.parties) for item in items]
    party_rows = [
        {"commitment_id": number, "code": code} for number, found in zip(ids, codes) for code in found
    ]
    if party_rows:
        session.connection().execute(_ADD_ITEM_PARTIES, party_rows)
    agreed_on = agreed_at.meeting.start if agreed_at is not None else None
    candidates = []
    for number, item, found in zip(ids, items, codes):
        made_on = item.made_on
        if made_on is None:
            made_on = agreed_on if agreed_on is not None else published
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
                agreed_meeting_id=agreed_id,
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
