"""What every writer shares, without the ORM: new UIDs (declared in `tracker.storage.new_rows`), and the
writers' turn on PostgreSQL.

Kept apart from `tracker.storage.repo` so that Core writers (`tracker items add`,
issue #16) use them without importing SQLAlchemy's ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from tracker.storage.new_rows import UID_DOMAIN, new_uid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["UID_DOMAIN", "new_uid", "lock_for_ingest"]

_INGEST_LOCK_KEY = 7_420_032


def lock_for_ingest(db: Session | Connection) -> None:
    """Make ingests, and every change that runs matching, take turns until the transaction ends.

    SQLite already does (BEGIN IMMEDIATE). On PostgreSQL two concurrent writers
    would not see each other's uncommitted meetings and items, so a meeting could
    miss the item it fulfils; a transaction-scoped advisory lock prevents that.
    Hand changes take it too, before any row lock (`get_meeting`/`get_commitment`
    with `for_update`, matching): a meeting typed in while its item is being
    ingested still fulfils it, and writers that lock several items in turn
    never deadlock (issue #17). Taking it again in the same transaction is free.
    """
    dialect = db.dialect if isinstance(db, Connection) else db.get_bind().dialect
    if dialect.name == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INGEST_LOCK_KEY})
