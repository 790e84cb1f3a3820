"""Calendars out of the database: what an export or a feed holds, and the secret links that serve it.

A feed is a named filter (parties, kinds) behind a secret token of 256 random
bits. Only the token's sha256 is stored; a lookup hashes the presented token and
compares it with every stored hash in constant time, so neither a wrong token nor
a revoked one can be told apart by timing. `calendar_fingerprint` is the cheap
change check a server uses to decide whether to build the calendar again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker import limits
from tracker.domain.model import Commitment, Meeting
from tracker.errors import ConflictError, InputError, NotFoundError, StorageError
from tracker.exporters.ics import CalendarObject, ExportOptions, stream_calendar, stream_objects, zones_used
from tracker.storage import feeds as feed_store
from tracker.storage.calendar import CalendarRows

if TYPE_CHECKING:
    from tracker.storage.models import Feed

__all__ = [
    "CalendarFilter",
    "FeedInfo",
    "NewFeed",
    "TOKEN_BYTES",
    "load_calendar",
    "build_calendar",
    "build_objects",
    "calendar_fingerprint",
    "latest_change",
    "add_feed",
    "list_feeds",
    "revoke_feed",
    "rotate_feed",
    "find_feed",
    "hash_token",
    "feed_url",
    "webcal_url",
    "is_token_shaped",
]

TOKEN_BYTES = 32  # 256 bits from secrets.token_urlsafe: 43 characters of [A-Za-z0-9_-]
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


@dataclass(frozen=True)
class CalendarFilter:
    """Which meetings and items a calendar holds; empty tuples mean "all"."""

    parties: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    status: str | None = None

    def describe(self) -> str:
        parts = [", ".join(self.parties), ", ".join(self.kinds), self.status or ""]
        return "; ".join(part for part in parts if part)


def _rows(filter_: CalendarFilter) -> CalendarRows:
    return CalendarRows(filter_.parties, filter_.kinds, filter_.status)


def _refuse_dates_beyond_limits(db: Session | Connection, rows: CalendarRows) -> None:
    """Raise StorageError naming the first meeting, else item, whose dates lie beyond `tracker.limits`.

    Such a row was stored before the limits were checked (issue #17); iCalendar cannot hold it
    (DTEND would overflow), so the calendar says which row to correct before its first byte
    instead of failing half-way. Asked of the database: the rows are not read for it.
    """
    entry = rows.first_beyond(db, limits.EARLIEST_DATE, limits.LATEST_DATE)
    if entry is None:
        return
    dates: tuple[dt.date | None, ...]
    if isinstance(entry, Meeting):
        kind, command, dates = "meeting", "meetings", (entry.start, entry.end)
    else:
        kind, command, dates = "item", "items", (entry.window.start, entry.window.end)
    day = next(d for d in dates if d is not None and not limits.EARLIEST_DATE <= d <= limits.LATEST_DATE)
    raise StorageError(
        f"{kind} #{entry.id} has the date {day}, beyond {limits.EARLIEST_DATE}.."
        f"{limits.LATEST_DATE} (stored before tracker checked dates); correct it with "
        f"`tracker {command} edit {entry.id} --start YYYY-MM-DD --end YYYY-MM-DD`"
    )


def load_calendar(
    db: Session | Connection, filter_: CalendarFilter
) -> tuple[list[Meeting], list[Commitment]]:
    """Meetings (by start) and items (by window end, open-ended last) matching `filter_`, as lists of domain
    objects (CalDAV sync compares them all); rejected ones are left out. `status` filters items only.

    Exports and feeds stream the same rows instead (`build_calendar`).
    """
    rows = _rows(filter_)
    _refuse_dates_beyond_limits(db, rows)
    return list(rows.meetings(db)), list(rows.items(db))


def build_calendar(
    db: Session | Connection, filter_: CalendarFilter, options: ExportOptions
) -> Iterator[bytes]:
    """The calendar's bytes in chunks (see tracker.exporters.ics.stream_calendar), read from the database
    in batches as they are made: consume them before `db`'s transaction ends.

    A row dated beyond the limits raises StorageError now, before the first chunk; the few timed
    meetings whose zones the header's VTIMEZONEs cover are read now too. With `snapshot=True` on PostgreSQL
    (`storage.db.connection_scope`) every pass reads the same rows, as SQLite's read transaction does.
    """
    rows = _rows(filter_)
    _refuse_dates_beyond_limits(db, rows)
    zones = zones_used(rows.meetings(db, timed_only=True))
    scoped = dataclasses.replace(options, scope=filter_.describe())
    return stream_calendar(rows.meetings(db), lambda: rows.items(db), zones, scoped)


def build_objects(
    db: Session | Connection, filter_: CalendarFilter, options: ExportOptions
) -> Iterator[CalendarObject]:
    """The calendar's components one by one (see tracker.exporters.ics.stream_objects), read as they are
    made, like `build_calendar`'s chunks; a row dated beyond the limits raises StorageError now."""
    rows = _rows(filter_)
    _refuse_dates_beyond_limits(db, rows)
    scoped = dataclasses.replace(options, scope=filter_.describe())
    return stream_objects(rows.meetings(db), lambda: rows.items(db), scoped)


def calendar_fingerprint(session: Session) -> tuple:
    """A cheap summary that changes whenever a meeting or an item is added, edited or deleted.

    Counts and max(id) catch additions and deletions; max(updated_at) and
    sum(sequence) catch edits, the sum even when an edit made under an earlier
    `--today` carries an older change time.
    """
    return feed_store.count_changes(session)


def latest_change(fingerprint: tuple) -> dt.datetime | None:
    """The newest change time in a fingerprint (UTC), or None for an empty database."""
    times = [value for value in (fingerprint[2], fingerprint[6]) if value is not None]
    if not times:
        return None
    return max(t if t.tzinfo else t.replace(tzinfo=dt.UTC) for t in times)


# Feeds


@dataclass(frozen=True)
class FeedInfo:
    """A feed as users see it: never its token."""

    id: int
    name: str
    parties: tuple[str, ...]
    kinds: tuple[str, ...]
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def filter(self) -> CalendarFilter:
        return CalendarFilter(self.parties, self.kinds)

    def record(self) -> dict:
        return {
            "name": self.name,
            "parties": list(self.parties),
            "kinds": list(self.kinds),
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "active": self.revoked_at is None,
        }


@dataclass(frozen=True)
class NewFeed:
    """A feed just made, with the token that is shown this once and never stored."""

    info: FeedInfo
    token: str


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part for part in (value or "").split(",") if part)


def _info(row: Feed) -> FeedInfo:
    return FeedInfo(row.id, row.name, _split(row.party), _split(row.kind), row.created_at, row.revoked_at)


def hash_token(token: str) -> str:
    """The stored form of a token: hex sha256 of its UTF-8 bytes."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def is_token_shaped(token: str) -> bool:
    """True when `token` could have come from `add_feed` (a shape check only, public knowledge)."""
    return bool(_TOKEN_SHAPE.fullmatch(token))


def feed_url(base_url: str, token: str) -> str:
    """The subscription URL of a token under `base_url` (the feed_base_url setting)."""
    return f"{base_url.rstrip('/')}/feeds/{token}.ics"


def webcal_url(url: str) -> str:
    """The webcal:// form of a feed URL, which calendar apps open as a subscription (Apple, Outlook)."""
    return "webcal://" + url.split("://", 1)[1]


def _retire_revoked_name(session: Session, row: Feed) -> None:
    """Free a revoked feed's name for a new feed: the old row stays (and stays revoked) under a dated name."""
    suffix = f" (revoked {row.revoked_at:%Y-%m-%d %H:%M:%S})"
    row.name = row.name[: 200 - len(suffix)] + suffix
    session.flush()


def add_feed(
    session: Session, name: str, *, parties: list[str], kinds: list[str], at: dt.datetime
) -> NewFeed:
    """Create a feed; raises ConflictError when an active feed has the name (a revoked one gives it up)."""
    name = name.strip()
    if not name or len(name) > limits.LABEL_CHARS or any(ord(ch) < 0x20 for ch in name):
        raise InputError(f"a feed name needs 1 to {limits.LABEL_CHARS} printable characters")
    limits.check_text(",".join(parties), limits.LABEL_CHARS, "the feed's --party list")
    limits.check_text(",".join(kinds), limits.LABEL_CHARS, "the feed's --kind list")
    existing = feed_store.find_feed_by_name(session, name)
    if existing is not None and existing.revoked_at is None:
        raise ConflictError(
            f"a feed named {name!r} exists already; choose another name, "
            "or `tracker calendars rotate` it for a new URL"
        )
    if existing is not None:
        _retire_revoked_name(session, existing)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    try:
        row = feed_store.add_feed_row(
            session,
            name=name,
            token_hash=hash_token(token),
            party=",".join(parties) or None,
            kind=",".join(kinds) or None,
            at=at,
        )
    except IntegrityError as err:  # a concurrent add of the same name
        raise ConflictError(f"a feed named {name!r} exists already; choose another name") from err
    return NewFeed(_info(row), token)


def list_feeds(session: Session) -> list[FeedInfo]:
    return [_info(row) for row in feed_store.list_feed_rows(session)]


def revoke_feed(session: Session, name: str, *, at: dt.datetime) -> FeedInfo:
    """Revoke a feed for good: its URL answers 404 from now on. NotFoundError / ConflictError otherwise."""
    row = feed_store.find_feed_by_name(session, name)
    if row is None:
        raise NotFoundError(f"no feed named {name!r}; `tracker calendars list` shows them")
    if row.revoked_at is not None:
        raise ConflictError(f"feed {name!r} was revoked already")
    row.revoked_at = at
    session.flush()
    return _info(row)


def rotate_feed(session: Session, name: str) -> NewFeed:
    """Give an active feed a new secret token (the old URL answers 404 from now on); NotFoundError otherwise."""
    row = feed_store.find_feed_by_name(session, name)
    if row is None or row.revoked_at is not None:
        raise NotFoundError(f"no active feed named {name!r}; `tracker feeds list` shows them")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row.token_hash = hash_token(token)
    session.flush()
    return NewFeed(_info(row), token)


def find_feed(session: Session, token: str) -> FeedInfo | None:
    """The active feed whose token is `token`, else None (unknown and revoked look the same).

    Every stored hash is compared with hmac.compare_digest and the loop never
    stops early, so the time taken does not depend on how much of a token is right.
    """
    presented = hash_token(token).encode("ascii")
    found = None
    for feed_id, token_hash, revoked_at in feed_store.list_feed_hashes(session):
        if hmac.compare_digest(presented, token_hash.encode("ascii")) and revoked_at is None:
            found = feed_id
    # Revoked and unknown tokens take the same path: no further query for either.
    row = None if found is None else feed_store.get_feed(session, found)
    return None if row is None else _info(row)
