"""Engines, sessions and schema upgrades for SQLite and PostgreSQL.

SQLite files get WAL mode and a busy timeout so that several processes can
ingest at once. The schema is only ever made by Alembic (`alembic/`);
`ensure_schema` upgrades an empty or older database before any command runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import StorageError

__all__ = ["make_engine", "session_scope", "ensure_schema", "upgrade", "downgrade", "current_revision",
           "head_revision", "masked_url"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _migrations_folder() -> str:
    """alembic/ of a source checkout, else the copy installed as tracker._migrations."""
    source = PROJECT_ROOT / "alembic"
    if (source / "env.py").exists():
        return str(source)
    return str(Path(__file__).resolve().parents[1] / "_migrations")
SQLITE_BUSY_TIMEOUT_MS = 30_000
READ_ONLY_OPTION = "tracker_read_only"


def masked_url(url: str) -> str:
    """The URL with any password hidden (also one passed as a query parameter), fit for messages and logs."""
    try:
        parsed = make_url(url)
        secret = {key: "***" for key in parsed.query if _SECRET_QUERY_KEY.search(key.lower())}
        return parsed.update_query_dict(secret).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # ValueError: e.g. a port that is not a number
        return "<unparseable database URL>"


_SECRET_QUERY_KEY = re.compile(r"password|secret|token|key")


def make_engine(url: str) -> Engine:
    """Create an engine for `url`; SQLite gets WAL, foreign keys and a busy timeout."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as err:
        raise StorageError(f"not a database URL: {masked_url(url)}") from err
    if parsed.drivername.startswith("postgresql") and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite"):
        # A `file:` URI (uri=true) names its file itself; no folder to make.
        if parsed.database and parsed.database != ":memory:" and parsed.query.get("uri") != "true":
            folder = Path(parsed.database).expanduser().resolve().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StorageError(f"cannot create the database folder {folder}: {err.strerror}") from err
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError) as err:
        raise StorageError(f"cannot use database {masked_url(url)}: {err}") from err


def _sqlite_begin(connection) -> None:
    # pysqlite's own transaction handling defers BEGIN; take it over so that
    # a write transaction starts with BEGIN IMMEDIATE and waits for the lock
    # instead of failing with "database is locked" half-way through. Read-only
    # sessions keep a deferred BEGIN: under WAL they never wait for a writer.
    read_only = connection.get_execution_options().get(READ_ONLY_OPTION, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


@contextmanager
def session_scope(engine: Engine, read_only: bool = False) -> Iterator[Session]:
    """One session, committed when the block ends normally, rolled back otherwise.

    `read_only` sessions (lists, exports, the feed server) do not take SQLite's
    write lock, so they never queue behind an ingest.
    """
    factory = sessionmaker(engine, expire_on_commit=False)
    session = factory()
    if read_only:
        session.connection(execution_options={READ_ONLY_OPTION: True})
    try:
        yield session
        session.commit()
    except OperationalError as err:
        session.rollback()
        raise StorageError(f"database error: {_first_line(err)}") from err
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _first_line(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__


def _alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _migrations_folder())
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to `revision` (each revision in its own transaction)."""
    from alembic import command

    _run_migration(lambda: command.upgrade(_alembic_config(engine), revision), engine)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _run_migration(lambda: command.downgrade(_alembic_config(engine), revision), engine)


def _run_migration(action, engine: Engine) -> None:
    try:
        action()
    except OperationalError as err:
        raise StorageError(f"cannot migrate {masked_url(str(engine.url))}: {_first_line(err)}") from err


def current_revision(engine: Engine) -> str | None:
    from alembic.migration import MigrationContext

    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except DBAPIError as err:  # OperationalError, or e.g. "file is not a database"
        raise StorageError(f"cannot open database {masked_url(str(engine.url))}: {_first_line(err)}") from err


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _migrations_folder())
    return ScriptDirectory.from_config(config).get_current_head()


# The newest revision in alembic/versions (tests/storage/test_migrations.py keeps
# this true): a database already there is recognised without importing Alembic,
# which saves every command a sixth of a second.
SCHEMA_HEAD = "c4ldav01"


def _stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None when it cannot be read cheaply."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database to head when it is empty or behind; refuse one that is ahead."""
    if _stored_revision(engine) == SCHEMA_HEAD:
        return
    head = head_revision()
    if current_revision(engine) == head:
        return
    # Several processes may meet an empty database at once (issue #7): on
    # PostgreSQL the second CREATE TABLE fails, so upgrades take turns and
    # each one looks again at the revision once it has the lock.
    with _schema_lock(engine):
        current = current_revision(engine)
        if current == head:
            return
        if current is not None and current not in _known_revisions():
            raise StorageError(
                f"database is at revision {current}, unknown to this version of tracker; upgrade tracker")
        upgrade(engine)


# Any constant works; it only has to be the same in every tracker process.
_SCHEMA_LOCK_KEY = 7_420_031


@contextmanager
def _schema_lock(engine: Engine) -> Iterator[None]:
    """Hold a PostgreSQL advisory lock for the block; SQLite's BEGIN IMMEDIATE already serialises writers."""
    if engine.dialect.name != "postgresql":
        yield
        return
    try:
        connection = engine.connect()
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
    except OperationalError as err:
        raise StorageError(f"cannot open database {masked_url(str(engine.url))}: {_first_line(err)}") from err
    try:
        yield
    finally:
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK_KEY})
        connection.close()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _migrations_folder())
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def table_names(engine: Engine) -> list[str]:
    try:
        return inspect(engine).get_table_names()
    except SQLAlchemyError as err:
        raise StorageError(f"cannot inspect {masked_url(str(engine.url))}: {_first_line(err)}") from err
