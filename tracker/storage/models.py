"""The database schema: documents, meetings, commitments, feeds and their history.

One MetaData with a naming convention so that Alembic migrations name every
constraint the same way on SQLite and PostgreSQL. Dates are `Date` (inclusive
ends), instants `DateTime(timezone=True)` in UTC. Text sizes come from
`tracker.limits`, which the input checks read too. Parties live in their own
tables so that "everything with Belarus" is one indexed query on both engines.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.limits import (
    CODE_CHARS,
    KIND_CHARS,
    LABEL_CHARS,
    NAME_CHARS,
    SOURCE_CHARS,
    TITLE_CHARS,
    UID_CHARS,
    ZONE_CHARS,
)

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

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


UTCDateTime = DateTime(timezone=True)


class Document(Base):
    """One ingested text, unique by the sha256 of its extracted text.

    `normalised_sha256` is its identity (`tracker.domain.identity`): the same
    release in another form (more blank lines, HTML instead of text) has the same
    key and is not stored again. Null only before the data migration fills it.
    `url_sha256` is the `url_key` of the web address it was read from (null for a
    file): another text at that address is stored as the next `revision` of it.
    """

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_url_revision", "url_sha256", "revision", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    normalised_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    url_sha256: Mapped[str | None] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    source: Mapped[str] = mapped_column(String(SOURCE_CHARS))
    title: Mapped[str | None] = mapped_column(String(TITLE_CHARS))
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_CHARS), unique=True)
    kind: Mapped[str] = mapped_column(String(KIND_CHARS))
    title: Mapped[str] = mapped_column(String(TITLE_CHARS), default="")
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    city: Mapped[str | None] = mapped_column(String(LABEL_CHARS))
    country: Mapped[str | None] = mapped_column(String(CODE_CHARS))
    timezone: Mapped[str | None] = mapped_column(String(ZONE_CHARS))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    evidence_text: Mapped[str | None] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    review: Mapped[str] = mapped_column(String(KIND_CHARS), default="unreviewed")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

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
    __tablename__ = "meeting_parties"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE_CHARS), primary_key=True, index=True)


class Participant(Base):
    """A head of delegation or other named participant of a meeting."""

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(NAME_CHARS))
    role: Mapped[str | None] = mapped_column(String(NAME_CHARS))
    country: Mapped[str | None] = mapped_column(String(CODE_CHARS))


class Commitment(Base):
    """A tracked follow-up item. Overdue and due-soon are derived from the window, never stored."""

    __tablename__ = "commitments"
    # Fulfilment asks for the items of a meeting's city or of none (`storage.matching`): one indexed
    # lookup on the city as compared, lower case, '' for none (issue #16).
    __table_args__ = (Index("ix_commitments_city_key", func.coalesce(func.lower(text("city")), text("''"))),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_CHARS), unique=True)
    kind: Mapped[str] = mapped_column(String(KIND_CHARS))
    title: Mapped[str] = mapped_column(String(TITLE_CHARS), default="")
    firmness: Mapped[str] = mapped_column(String(KIND_CHARS))
    city: Mapped[str | None] = mapped_column(String(LABEL_CHARS))
    country: Mapped[str | None] = mapped_column(String(CODE_CHARS))
    timezone: Mapped[str | None] = mapped_column(String(ZONE_CHARS))
    window_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    window_end: Mapped[dt.date | None] = mapped_column(Date, index=True)
    window_precision: Mapped[str] = mapped_column(String(KIND_CHARS), default="open")
    window_text: Mapped[str] = mapped_column(String(TITLE_CHARS), default="")
    status: Mapped[str] = mapped_column(String(KIND_CHARS), default="open", index=True)
    review: Mapped[str] = mapped_column(String(KIND_CHARS), default="unreviewed")
    made_on: Mapped[dt.date | None] = mapped_column(Date)
    agreed_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"))
    fulfilled_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"))
    fulfilled_on: Mapped[dt.date | None] = mapped_column(Date)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    evidence_text: Mapped[str | None] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    document: Mapped[Document | None] = relationship()
    agreed_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[agreed_meeting_id])
    fulfilled_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[fulfilled_meeting_id])
    party_rows: Mapped[list[CommitmentParty]] = relationship(
        cascade="all, delete-orphan", order_by="CommitmentParty.code"
    )

    @property
    def parties(self) -> list[str]:
        return sorted(row.code for row in self.party_rows)


class CommitmentParty(Base):
    __tablename__ = "commitment_parties"

    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(CODE_CHARS), primary_key=True, index=True)


class FulfilmentLink(Base):
    """A meeting proposed (or confirmed) as fulfilling a commitment, with the reason."""

    __tablename__ = "fulfilment_links"
    __table_args__ = (UniqueConstraint("commitment_id", "meeting_id", name="commitment_meeting"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(KIND_CHARS), default="proposed")
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Feed(Base):
    """A calendar subscription: only the sha256 of its secret token is stored."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(LABEL_CHARS), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    party: Mapped[str | None] = mapped_column(String(LABEL_CHARS))
    kind: Mapped[str | None] = mapped_column(String(LABEL_CHARS))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Source(Base):
    """A watched feed or listing page (`tracker sources`): where to poll, how often, what the last poll saw.

    `fetch_url` is where the next poll goes: the URL given, a feed discovered on a
    listing page, or the target of a permanent redirect. `etag`/`last_modified`
    make the next request conditional. Instants are UTC.
    """

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    fetch_url: Mapped[str] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(20), default="auto")  # auto, feed or page
    parties: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes
    links_pattern: Mapped[str | None] = mapped_column(String(500))
    every_seconds: Mapped[int] = mapped_column(Integer, default=6 * 3600)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_status: Mapped[str] = mapped_column(
        String(20), default="never"
    )  # never, ok, not-modified, partial, failing
    last_error: Mapped[str | None] = mapped_column(Text)
    last_new: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed polls
    redirects: Mapped[str | None] = mapped_column(Text)  # the last poll's redirect chain, "301 a -> b"
    # The poll reading the source now and until when it may (a lease): an overlapping poll skips it.
    poll_holder: Mapped[str | None] = mapped_column(String(32))
    poll_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SourceEntry(Base):
    """An article URL a poll has handled, so it is never fetched again (once stored, or after repeated failures).

    Unique by URL across sources (the same release in two feeds is fetched once); the
    key is the URL's sha256, since PostgreSQL cannot index a long URL itself.
    """

    __tablename__ = "source_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    url_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(20))  # stored, duplicate, empty, failed
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RobotsFile(Base):
    """A host's robots.txt as a poll last read it: reused for 24 hours, as RFC 9309 allows.

    `status` is the HTTP status of the answer (a 404 means "no rules"); `host` is
    scheme://host[:port], lower case.
    """

    __tablename__ = "robots_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(300), unique=True)
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="")
    fetched_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CaldavAccount(Base):
    """A CalDAV calendar collection `tracker sync` keeps in step; where its password comes from, never the password."""

    __tablename__ = "caldav_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(Text)
    username: Mapped[str | None] = mapped_column(String(200))
    # The name of the environment variable holding the password, or the command printing it (not the password).
    auth_env: Mapped[str | None] = mapped_column(String(200))
    auth_cmd: Mapped[str | None] = mapped_column(Text)
    # Not a secret, but `tracker dump` leaves out any *token column: a reloaded database syncs in full once.
    sync_token: Mapped[str | None] = mapped_column(Text)
    # The database's calendar_fingerprint at the last sync: unchanged, and nothing new on the server, means
    # there is nothing to build or push.
    fingerprint: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    synced_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class CaldavObject(Base):
    """One component pushed to an account: its href, the server's ETag, the sha256 of the bytes pushed."""

    __tablename__ = "caldav_objects"
    __table_args__ = (UniqueConstraint("account_id", "uid", name="uq_caldav_objects_account_uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("caldav_accounts.id", ondelete="CASCADE"))
    uid: Mapped[str] = mapped_column(String(200))
    href: Mapped[str] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(200))
    pushed_hash: Mapped[str] = mapped_column(String(64))
    # For a VTODO: the item, and the STATUS and (inclusive) window end pushed, to tell what an app changed.
    commitment_id: Mapped[int | None] = mapped_column(Integer)
    pushed_status: Mapped[str | None] = mapped_column(String(20))
    pushed_end: Mapped[dt.date | None] = mapped_column(Date)


class History(Base):
    """Append-only record of every change to a meeting or an item."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(KIND_CHARS))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
