"""Queries for watched sources and the article URLs their polls have handled (issue #12).

Session first, never commit: `tracker.services.watch` owns the transactions
(one per source update, one per article).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import Table, func, or_, select, update
from sqlalchemy.orm import Session

from tracker.errors import NotFoundError
from tracker.limits import SOURCE_CHARS
from tracker.storage import models as m

__all__ = [
    "add_source",
    "find_source",
    "get_source",
    "list_sources",
    "delete_source",
    "find_source_by_url",
    "find_entries",
    "stored_sources",
    "record_entry",
    "count_entries",
    "url_sha256",
    "document_ids_by_source",
    "find_robots",
    "save_robots",
    "claim_sources",
    "release_sources",
]


def url_sha256(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def add_source(session: Session, **values: object) -> m.Source:
    row = m.Source(**values)
    session.add(row)
    session.flush()
    return row


def find_source(session: Session, name: str) -> m.Source | None:
    return session.scalar(select(m.Source).where(m.Source.name == name))


def find_source_by_url(session: Session, url: str) -> m.Source | None:
    return session.scalar(select(m.Source).where(m.Source.url == url).limit(1))


def get_source(session: Session, name: str) -> m.Source:
    row = find_source(session, name)
    if row is None:
        raise NotFoundError(f"no source named {name!r}; `tracker sources list` shows them")
    return row


def list_sources(session: Session, names: list[str] | None = None) -> list[m.Source]:
    query = select(m.Source).order_by(m.Source.name)
    if names:
        query = query.where(m.Source.name.in_(names))
    return list(session.scalars(query))


def delete_source(session: Session, row: m.Source) -> None:
    session.delete(row)


def find_entries(session: Session, urls: list[str]) -> dict[str, m.SourceEntry]:
    """The handled entries among `urls`, by URL."""
    if not urls:
        return {}
    by_hash = {url_sha256(url): url for url in urls}
    rows = session.scalars(select(m.SourceEntry).where(m.SourceEntry.url_sha256.in_(list(by_hash))))
    return {by_hash[row.url_sha256]: row for row in rows}


def stored_sources(session: Session, urls: list[str]) -> set[str]:
    """Those of `urls` that `tracker ingest URL` stored as documents already."""
    if not urls:
        return set()
    return set(session.scalars(select(m.Document.source).where(m.Document.source.in_(urls))))


def record_entry(
    session: Session,
    *,
    url: str,
    source_id: int | None,
    state: str,
    at: dt.datetime,
    document_id: int | None = None,
    error: str | None = None,
) -> m.SourceEntry:
    """Insert or update the entry of `url`; a failure again counts one more attempt."""
    row = session.scalar(select(m.SourceEntry).where(m.SourceEntry.url_sha256 == url_sha256(url)))
    if row is None:
        # Keyed by the whole URL's hash; a link longer than the column is kept cut, not refused (#12).
        shown = url if len(url) <= SOURCE_CHARS else url[: SOURCE_CHARS - 1] + "\u2026"
        row = m.SourceEntry(url_sha256=url_sha256(url), url=shown, source_id=source_id, attempts=0)
        session.add(row)
    row.state, row.document_id, row.error, row.seen_at = state, document_id, error, at
    row.attempts = (row.attempts or 0) + 1
    return row


def count_entries(session: Session, source_id: int) -> dict[str, int]:
    """How many entries of each state a source has."""
    rows = session.execute(
        select(m.SourceEntry.state, func.count())
        .where(m.SourceEntry.source_id == source_id)
        .group_by(m.SourceEntry.state)
    )
    return {state: count for state, count in rows}


def recent_entries(session: Session, source_id: int, *, limit: int) -> list[m.SourceEntry]:
    """A source's last `limit` entries, newest first."""
    return list(
        session.scalars(
            select(m.SourceEntry)
            .where(m.SourceEntry.source_id == source_id)
            .order_by(m.SourceEntry.id.desc())
            .limit(limit)
        )
    )


def document_ids_by_source(session: Session, source_id: int) -> list[int]:
    return [
        i
        for i in session.scalars(
            select(m.SourceEntry.document_id)
            .where(m.SourceEntry.source_id == source_id, m.SourceEntry.document_id.is_not(None))
            .order_by(m.SourceEntry.id)
        )
        if i is not None
    ]


def find_robots(session: Session, *, fresh_since: dt.datetime) -> dict[str, tuple[int, str]]:
    """Every robots.txt read at or after `fresh_since` (one row per host polled): host -> (status, body)."""
    rows = session.scalars(select(m.RobotsFile).where(m.RobotsFile.fetched_at >= fresh_since))
    return {row.host: (row.status, row.body) for row in rows}


def save_robots(session: Session, host: str, status: int, body: str, at: dt.datetime) -> None:
    row = session.scalar(select(m.RobotsFile).where(m.RobotsFile.host == host))
    if row is None:
        row = m.RobotsFile(host=host)
        session.add(row)
    row.status, row.body, row.fetched_at = status, body, at


_sources: Table = m.Source.__table__


def claim_sources(
    session: Session, ids: list[int], *, holder: str, now: dt.datetime, until: dt.datetime
) -> dict[int, dt.datetime | None]:
    """Claim the sources `ids` for the poll `holder` until `until`, each one that no other poll holds
    (or whose holder's lease ran out by `now`: a killed poll). Returns every id with None when
    claimed, else the instant the other poll's lease runs out.

    On PostgreSQL a second poll claiming at the same moment waits for this transaction and then
    finds the lease taken; SQLite's writers take turns anyway.
    """
    outcome: dict[int, dt.datetime | None] = {}
    for source_id in ids:
        claimed = session.execute(
            update(_sources)
            .where(
                _sources.c.id == source_id,
                or_(
                    _sources.c.poll_until.is_(None),
                    _sources.c.poll_until <= now,
                    _sources.c.poll_holder == holder,
                ),
            )
            .values(poll_holder=holder, poll_until=until)
        )
        if claimed.rowcount:  # type: ignore[attr-defined]
            outcome[source_id] = None
        else:
            outcome[source_id] = session.scalar(
                select(_sources.c.poll_until).where(_sources.c.id == source_id)
            )
    return outcome


def release_sources(session: Session, holder: str) -> None:
    """End the leases of the poll `holder`."""
    session.execute(
        update(_sources).where(_sources.c.poll_holder == holder).values(poll_holder=None, poll_until=None)
    )
