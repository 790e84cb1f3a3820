"""Queries over calendar feeds, and the cheap summary that tells whether a calendar changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.storage import models as m

__all__ = [
    "find_feed_by_name",
    "list_feed_rows",
    "list_feed_hashes",
    "get_feed",
    "add_feed_row",
    "count_changes",
]


def find_feed_by_name(session: Session, name: str) -> m.Feed | None:
    return session.scalar(select(m.Feed).where(m.Feed.name == name))


def get_feed(session: Session, feed_id: int) -> m.Feed | None:
    return session.get(m.Feed, feed_id)


def list_feed_rows(session: Session) -> list[m.Feed]:
    """Every feed, revoked ones too, by name."""
    return list(session.scalars(select(m.Feed).order_by(m.Feed.name)))


def list_feed_hashes(session: Session) -> list[tuple[int, str, dt.datetime | None]]:
    """(id, token hash, revoked at) of every feed."""
    query = select(m.Feed.id, m.Feed.token_hash, m.Feed.revoked_at)
    return [(feed_id, token_hash, revoked_at) for feed_id, token_hash, revoked_at in session.execute(query)]


def add_feed_row(
    session: Session, *, name: str, token_hash: str, party: str | None, kind: str | None, at: dt.datetime
) -> m.Feed:
    """A new active feed, flushed (IntegrityError when the name is taken meanwhile)."""
    row = m.Feed(name=name, token_hash=token_hash, party=party, kind=kind, created_at=at, revoked_at=None)
    session.add(row)
    session.flush()
    return row


def count_changes(session: Session) -> tuple[Any, ...]:
    """For meetings, then items: count, max(id), max(updated_at) and sum(sequence)."""
    result: list[Any] = []
    for table in (m.Meeting, m.Commitment):
        row = session.execute(
            select(
                func.count(table.id),
                func.max(table.id),
                func.max(table.updated_at),
                func.coalesce(func.sum(table.sequence), 0),
            )
        ).one()
        result.extend(row)
    return tuple(result)
