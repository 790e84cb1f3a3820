"""The ORM classes of the schema: documents, meetings, commitments, feeds and their history.

Each class is mapped onto its Core table in `tracker.storage.tables`, where the
columns, indexes and constraints are declared once (one MetaData, which Alembic
compares against); this module adds the relationships and the unit of work
that writers use. Readers that need neither query the tables directly, without
importing `sqlalchemy.orm` (issue #16).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from tracker.storage import tables

__all__ = [
    "Base",
    "Document",
    "Meeting",
    "MeetingParty",
    "Participant",
    "Commitment",
    "CommitmentParty",
    "FulfilmentLink",
    "Feed",
    "History",
    "Source",
    "SourceEntry",
    "RobotsFile",
    "CaldavAccount",
    "CaldavObject",
]


class Base(DeclarativeBase):
    metadata = tables.metadata


class Document(Base):
    """One ingested text, unique by the sha256 of its extracted text.

    `normalised_sha256` is its identity (`tracker.domain.identity`): the same
    release in another form (more blank lines, HTML instead of text) has the same
    key and is not stored again. Null only before the data migration fills it.
    `url_sha256` is the `url_key` of the web address it was read from (null for a
    file): another text at that address is stored as the next `revision` of it.
    """

    __table__ = tables.documents

    id: Mapped[int]
    sha256: Mapped[str]
    normalised_sha256: Mapped[str | None]
    url_sha256: Mapped[str | None]
    revision: Mapped[int]
    source: Mapped[str]
    title: Mapped[str | None]
    published: Mapped[dt.date | None]
    text: Mapped[str]
    ingested_at: Mapped[dt.datetime]


class Meeting(Base):
    __table__ = tables.meetings

    id: Mapped[int]
    uid: Mapped[str]
    kind: Mapped[str]
    title: Mapped[str]
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    start_time: Mapped[dt.time | None]
    end_time: Mapped[dt.time | None]
    city: Mapped[str | None]
    country: Mapped[str | None]
    timezone: Mapped[str | None]
    document_id: Mapped[int | None]
    evidence_text: Mapped[str | None]
    evidence_start: Mapped[int | None]
    evidence_end: Mapped[int | None]
    review: Mapped[str]
    sequence: Mapped[int]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    document: Mapped[Document | None] = relationship()
    party_rows: Mapped[list[MeetingParty]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingParty.code"
    )
    participants: Mapped[list[Participant]] = relationship(
        cascade="all, delete-orphan", order_by="Participant.position"
    )

    @property
    def parties(self) -> list[str]:
        return sorted(row.code for row in self.party_rows)


class MeetingParty(Base):
    __table__ = tables.meeting_parties

    meeting_id: Mapped[int]
    code: Mapped[str]


class Participant(Base):
    """A head of delegation or other named participant of a meeting."""

    __table__ = tables.participants

    id: Mapped[int]
    meeting_id: Mapped[int]
    position: Mapped[int]
    name: Mapped[str]
    role: Mapped[str | None]
    country: Mapped[str | None]


class Commitment(Base):
    """A tracked follow-up item. Overdue and due-soon are derived from the window, never stored."""

    __table__ = tables.commitments

    id: Mapped[int]
    uid: Mapped[str]
    kind: Mapped[str]
    title: Mapped[str]
    firmness: Mapped[str]
    city: Mapped[str | None]
    country: Mapped[str | None]
    timezone: Mapped[str | None]
    window_start: Mapped[dt.date | None]
    window_end: Mapped[dt.date | None]
    window_precision: Mapped[str]
    window_text: Mapped[str]
    status: Mapped[str]
    review: Mapped[str]
    made_on: Mapped[dt.date | None]
    agreed_meeting_id: Mapped[int | None]
    fulfilled_meeting_id: Mapped[int | None]
    fulfilled_on: Mapped[dt.date | None]
    document_id: Mapped[int | None]
    evidence_text: Mapped[str | None]
    evidence_start: Mapped[int | None]
    evidence_end: Mapped[int | None]
    sequence: Mapped[int]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    document: Mapped[Document | None] = relationship()
    agreed_meeting: Mapped[Meeting | None] = relationship(
        foreign_keys=[tables.commitments.c.agreed_meeting_id]
    )
    fulfilled_meeting: Mapped[Meeting | None] = relationship(
        foreign_keys=[tables.commitments.c.fulfilled_meeting_id]
    )
    party_rows: Mapped[list[CommitmentParty]] = relationship(
        cascade="all, delete-orphan", order_by="CommitmentParty.code"
    )

    @property
    def parties(self) -> list[str]:
        return sorted(row.code for row in self.party_rows)


class CommitmentParty(Base):
    __table__ = tables.commitment_parties

    commitment_id: Mapped[int]
    code: Mapped[str]


class FulfilmentLink(Base):
    """A meeting proposed (or confirmed) as fulfilling a commitment, with the reason."""

    __table__ = tables.fulfilment_links

    id: Mapped[int]
    commitment_id: Mapped[int]
    meeting_id: Mapped[int]
    state: Mapped[str]
    reason: Mapped[str]
    created_at: Mapped[dt.datetime]


class Feed(Base):
    """A calendar subscription: only the sha256 of its secret token is stored."""

    __table__ = tables.feeds

    id: Mapped[int]
    name: Mapped[str]
    token_hash: Mapped[str]
    party: Mapped[str | None]
    kind: Mapped[str | None]
    created_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]


class Source(Base):
    """A watched feed or listing page (`tracker sources`): where to poll, how often, what the last poll saw.

    `fetch_url` is where the next poll goes: the URL given, a feed discovered on a
    listing page, or the target of a permanent redirect. `etag`/`last_modified`
    make the next request conditional. Instants are UTC.
    """

    __table__ = tables.sources

    id: Mapped[int]
    name: Mapped[str]
    url: Mapped[str]
    fetch_url: Mapped[str]
    kind: Mapped[str]
    parties: Mapped[str]
    links_pattern: Mapped[str | None]
    every_seconds: Mapped[int]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    last_polled_at: Mapped[dt.datetime | None]
    last_status: Mapped[str]
    last_error: Mapped[str | None]
    last_new: Mapped[int]
    failures: Mapped[int]
    redirects: Mapped[str | None]
    poll_holder: Mapped[str | None]
    poll_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]


class SourceEntry(Base):
    """An article URL a poll has handled, so it is never fetched again (once stored, or after repeated failures).

    Unique by URL across sources (the same release in two feeds is fetched once); the
    key is the URL's sha256, since PostgreSQL cannot index a long URL itself.
    """

    __table__ = tables.source_entries

    id: Mapped[int]
    url_sha256: Mapped[str]
    url: Mapped[str]
    source_id: Mapped[int | None]
    document_id: Mapped[int | None]
    state: Mapped[str]
    attempts: Mapped[int]
    error: Mapped[str | None]
    seen_at: Mapped[dt.datetime]


class RobotsFile(Base):
    """A host's robots.txt as a poll last read it: reused for 24 hours, as RFC 9309 allows.

    `status` is the HTTP status of the answer (a 404 means "no rules"); `host` is
    scheme://host[:port], lower case.
    """

    __table__ = tables.robots_files

    id: Mapped[int]
    host: Mapped[str]
    status: Mapped[int]
    body: Mapped[str]
    fetched_at: Mapped[dt.datetime]


class CaldavAccount(Base):
    """A CalDAV calendar collection `tracker sync` keeps in step; where its password comes from, never the password."""

    __table__ = tables.caldav_accounts

    id: Mapped[int]
    name: Mapped[str]
    url: Mapped[str]
    username: Mapped[str | None]
    auth_env: Mapped[str | None]
    auth_cmd: Mapped[str | None]
    sync_token: Mapped[str | None]
    fingerprint: Mapped[str | None]
    created_at: Mapped[dt.datetime]
    synced_at: Mapped[dt.datetime | None]


class CaldavObject(Base):
    """One component pushed to an account: its href, the server's ETag, the sha256 of the bytes pushed."""

    __table__ = tables.caldav_objects

    id: Mapped[int]
    account_id: Mapped[int]
    uid: Mapped[str]
    href: Mapped[str]
    etag: Mapped[str | None]
    pushed_hash: Mapped[str]
    commitment_id: Mapped[int | None]
    pushed_status: Mapped[str | None]
    pushed_end: Mapped[dt.date | None]


class History(Base):
    """Append-only record of every change to a meeting or an item."""

    __table__ = tables.history

    id: Mapped[int]
    entity: Mapped[str]
    entity_id: Mapped[int]
    field: Mapped[str]
    old_value: Mapped[str | None]
    new_value: Mapped[str | None]
    changed_at: Mapped[dt.datetime]
    reason: Mapped[str]
