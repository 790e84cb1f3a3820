"""SQLite sessions: writers take the lock up front, readers never wait for a writer."""

from __future__ import annotations

from sqlalchemy import text

from tracker.storage.db import make_engine, session_scope, upgrade


def test_reader_is_not_blocked_by_a_writer(make_db_url):
    engine = make_engine(make_db_url("sqlite"))
    upgrade(engine)
    with session_scope(engine) as writer:
        writer.execute(
            text(
                "INSERT INTO history (entity, entity_id, field, changed_at, reason) "
                "VALUES ('meeting', 1, 'created', '2017-01-01 00:00:00', '')"
            )
        )
        # The writer holds the write lock until it commits; a reader still answers at once.
        other = make_engine(str(engine.url))
        with session_scope(other, read_only=True) as reader:
            assert reader.execute(text("SELECT count(*) FROM history")).scalar_one() == 0
        other.dispose()
    engine.dispose()


def test_sqlite_files_use_wal(make_db_url):
    """WAL lets readers run beside the one writer (the concurrency tests rely on it)."""
    engine = make_engine(make_db_url("sqlite"))
    upgrade(engine)
    with engine.connect() as conn:
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    assert mode == "wal"
    engine.dispose()
