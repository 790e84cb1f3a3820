"""The database schema as SQLAlchemy Core tables: documents, meetings, items, feeds and their history.

Declared once, here, on one MetaData with a naming convention so that Alembic
migrations name every constraint the same way on SQLite and PostgreSQL. The ORM
classes of `tracker.storage.models` are mapped onto these same Table objects;
read paths that need no unit of work query the tables directly and never import
`sqlalchemy.orm`, whose import and mapper set-up cost a command a large share of
its start-up (issue #16). Dates are `Date` (inclusive ends), instants
`DateTime(timezone=True)` in UTC; text sizes come from `tracker.limits`.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    func,
    text,
)

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
    "metadata",
    "documents",
    "meetings",
    "meeting_parties",
    "participants",
    "commitments",
    "commitment_parties",
    "fulfilment_links",
    "feeds",
    "sources",
    "source_entries",
    "robots_files",
    "caldav_accounts",
    "caldav_objects",
    "history",
]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _utc() -> DateTime:
    return DateTime(timezone=True)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


# One ingested text, unique by the sha256 of its extracted text. `normalised_sha256` is its identity
# (`tracker.domain.identity`): the same release in another form has the same key and is not stored
# again. Null only before the data migration fills it.
documents = Table(
    "documents",
    metadata,
    _id(),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("normalised_sha256", String(64), index=True),
    Column("url_sha256", String(64)),
    Column("revision", Integer, nullable=False, default=1, server_default="1"),
    Column("source", String(SOURCE_CHARS), nullable=False),
    Column("title", String(TITLE_CHARS)),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("ingested_at", _utc(), nullable=False),
    Index("ix_documents_url_revision", "url_sha256", "revision", unique=True),
)

meetings = Table(
    "meetings",
    metadata,
    _id(),
    Column("uid", String(UID_CHARS), nullable=False, unique=True),
    Column("kind", String(KIND_CHARS), nullable=False),
    Column("title", String(TITLE_CHARS), nullable=False, default=""),
    Column("start_date", Date, nullable=False, index=True),
    Column("end_date", Date, nullable=False),
    Column("start_time", Time),
    Column("end_time", Time),
    Column("city", String(LABEL_CHARS)),
    Column("country", String(CODE_CHARS)),
    Column("timezone", String(ZONE_CHARS)),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL"), index=True),
    Column("evidence_text", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("review", String(KIND_CHARS), nullable=False, default="unreviewed"),
    Column("sequence", Integer, nullable=False, default=0),
    Column("created_at", _utc(), nullable=False),
    Column("updated_at", _utc(), nullable=False),
)

meeting_parties = Table(
    "meeting_parties",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("code", String(CODE_CHARS), primary_key=True, index=True),
)

# A head of delegation or other named participant of a meeting.
participants = Table(
    "participants",
    metadata,
    _id(),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False, default=0),
    Column("name", String(NAME_CHARS), nullable=False),
    Column("role", String(NAME_CHARS)),
    Column("country", String(CODE_CHARS)),
)

# A tracked follow-up item. Overdue and due-soon are derived from the window, never stored.
commitments = Table(
    "commitments",
    metadata,
    _id(),
    Column("uid", String(UID_CHARS), nullable=False, unique=True),
    Column("kind", String(KIND_CHARS), nullable=False),
    Column("title", String(TITLE_CHARS), nullable=False, default=""),
    Column("firmness", String(KIND_CHARS), nullable=False),
    Column("city", String(LABEL_CHARS)),
    Column("country", String(CODE_CHARS)),
    Column("timezone", String(ZONE_CHARS)),
    Column("window_start", Date, index=True),
    Column("window_end", Date, index=True),
    Column("window_precision", String(KIND_CHARS), nullable=False, default="open"),
    Column("window_text", String(TITLE_CHARS), nullable=False, default=""),
    Column("status", String(KIND_CHARS), nullable=False, default="open", index=True),
    Column("review", String(KIND_CHARS), nullable=False, default="unreviewed"),
    Column("made_on", Date),
    Column("agreed_meeting_id", Integer, ForeignKey("meetings.id", ondelete="SET NULL")),
    Column("fulfilled_meeting_id", Integer, ForeignKey("meetings.id", ondelete="SET NULL")),
    Column("fulfilled_on", Date),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL"), index=True),
    Column("evidence_text", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("sequence", Integer, nullable=False, default=0),
    Column("created_at", _utc(), nullable=False),
    Column("updated_at", _utc(), nullable=False),
    # Fulfilment asks for the items of a meeting's city or of none (`storage.matching`): one indexed
    # lookup on the city as compared, lower case, '' for none (issue #16).
    Index("ix_commitments_city_key", func.coalesce(func.lower(text("city")), text("''"))),
    # Active items in window end order, a status at a time (`storage.reporting.list_open_items_of`).
    Index("ix_commitments_status_window_end", "status", "window_end"),
    # The weekly report's items made and fulfilled in its week (`storage.reporting.made_between`,
    # `list_items_fulfilled_between`): the week's rows, not a pass over every item.
    Index("ix_commitments_made_on", "made_on"),
    Index("ix_commitments_status_fulfilled_on", "status", "fulfilled_on"),
)

commitment_parties = Table(
    "commitment_parties",
    metadata,
    Column("commitment_id", Integer, ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("code", String(CODE_CHARS), primary_key=True, index=True),
)

# A meeting proposed (or confirmed) as fulfilling a commitment, with the reason.
fulfilment_links = Table(
    "fulfilment_links",
    metadata,
    _id(),
    Column(
        "commitment_id", Integer, ForeignKey("commitments.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("state", String(KIND_CHARS), nullable=False, default="proposed"),
    Column("reason", Text, nullable=False, default=""),
    Column("created_at", _utc(), nullable=False),
    UniqueConstraint("commitment_id", "meeting_id", name="commitment_meeting"),
)

# A calendar subscription: only the sha256 of its secret token is stored.
feeds = Table(
    "feeds",
    metadata,
    _id(),
    Column("name", String(LABEL_CHARS), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("party", String(LABEL_CHARS)),
    Column("kind", String(LABEL_CHARS)),
    Column("created_at", _utc(), nullable=False),
    Column("revoked_at", _utc()),
)

# A watched feed or listing page (`tracker sources`): where to poll, how often, what the last poll
# saw. `fetch_url` is where the next poll goes: the URL given, a feed discovered on a listing page,
# or the target of a permanent redirect. `etag`/`last_modified` make the next request conditional.
sources = Table(
    "sources",
    metadata,
    _id(),
    Column("name", String(200), nullable=False, unique=True),
    Column("url", String(2000), nullable=False),
    Column("fetch_url", String(2000), nullable=False),
    Column("kind", String(20), nullable=False, default="auto"),  # auto, feed or page
    Column("parties", String(200), nullable=False, default=""),  # comma-separated codes
    Column("links_pattern", String(500)),
    Column("every_seconds", Integer, nullable=False, default=6 * 3600),
    Column("etag", String(500)),
    Column("last_modified", String(100)),
    Column("last_polled_at", _utc()),
    # never, ok, not-modified, partial, failing
    Column("last_status", String(20), nullable=False, default="never"),
    Column("last_error", Text),
    Column("last_new", Integer, nullable=False, default=0),
    Column("failures", Integer, nullable=False, default=0),  # consecutive failed polls
    Column("redirects", Text),  # the last poll's redirect chain, "301 a -> b"
    # The poll reading the source now and until when it may (a lease): an overlapping poll skips it.
    Column("poll_holder", String(32)),
    Column("poll_until", _utc()),
    Column("created_at", _utc(), nullable=False),
)

# An article URL a poll has handled, so it is never fetched again (once stored, or after repeated
# failures). Unique by URL across sources (the same release in two feeds is fetched once); the key
# is the URL's sha256, since PostgreSQL cannot index a long URL itself.
source_entries = Table(
    "source_entries",
    metadata,
    _id(),
    Column("url_sha256", String(64), nullable=False, unique=True),
    Column("url", String(2000), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="SET NULL"), index=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("state", String(20), nullable=False),  # stored, duplicate, empty, failed
    Column("attempts", Integer, nullable=False, default=1),
    Column("error", Text),
    Column("seen_at", _utc(), nullable=False),
)

# A host's robots.txt as a poll last read it: reused for 24 hours, as RFC 9309 allows. `status` is
# the HTTP status of the answer (a 404 means "no rules"); `host` is scheme://host[:port], lower case.
robots_files = Table(
    "robots_files",
    metadata,
    _id(),
    Column("host", String(300), nullable=False, unique=True),
    Column("status", Integer, nullable=False),
    Column("body", Text, nullable=False, default=""),
    Column("fetched_at", _utc(), nullable=False),
)

# A CalDAV calendar collection `tracker sync` keeps in step; where its password comes from, never
# the password.
caldav_accounts = Table(
    "caldav_accounts",
    metadata,
    _id(),
    Column("name", String(200), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("username", String(200)),
    # The name of the environment variable holding the password, or the command printing it.
    Column("auth_env", String(200)),
    Column("auth_cmd", Text),
    # Not a secret, but `tracker dump` leaves out any *token column: a reloaded database syncs in full once.
    Column("sync_token", Text),
    # The database's calendar_fingerprint at the last sync: unchanged, and nothing new on the server,
    # means there is nothing to build or push.
    Column("fingerprint", String(200)),
    Column("created_at", _utc(), nullable=False),
    Column("synced_at", _utc()),
)

# One component pushed to an account: its href, the server's ETag, the sha256 of the bytes pushed.
caldav_objects = Table(
    "caldav_objects",
    metadata,
    _id(),
    Column("account_id", Integer, ForeignKey("caldav_accounts.id", ondelete="CASCADE"), nullable=False),
    Column("uid", String(200), nullable=False),
    Column("href", Text, nullable=False),
    Column("etag", String(200)),
    Column("pushed_hash", String(64), nullable=False),
    # For a VTODO: the item, and the STATUS and (inclusive) window end pushed, to tell what an app changed.
    Column("commitment_id", Integer),
    Column("pushed_status", String(20)),
    Column("pushed_end", Date),
    UniqueConstraint("account_id", "uid", name="uq_caldav_objects_account_uid"),
)

# Append-only record of every change to a meeting or an item.
history = Table(
    "history",
    metadata,
    _id(),
    Column("entity", String(KIND_CHARS), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Column("field", String(50), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("changed_at", _utc(), nullable=False, index=True),
    Column("reason", Text, nullable=False, default=""),
    Index("ix_history_entity", "entity", "entity_id"),
)
