"""Engines, sessions and schema upgrades for SQLite and PostgreSQL.

SQLite files get WAL mode and a busy timeout so that several processes can
ingest at once. The schema is only ever made by Alembic (`alembic/`);
`ensure_schema` upgrades an empty or older database before any command runs.
Readers that need no unit of work take a plain connection (`connection_scope`):
this module imports `sqlalchemy.orm` only when a session is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from tracker.config import mask_url_password
from tracker.errors import InputError, StorageError
from tracker.private_files import create_private_file, make_private_folder
from tracker.storage.opening import (
    SCHEMA_HEAD,
    SQLITE_BUSY_TIMEOUT_MS,
    STORED_REVISION_SQL,
    URL_HINT,
    first_line,
    no_database_error,
    set_sqlite_pragmas,
    sqlite_begin,
)

if TYPE_CHECKING:  # these load lazily, at run time only where used
    import sqlite3

    from alembic.config import Config
    from sqlalchemy.orm import Session

__all__ = [
    "make_engine",
    "session_scope",
    "connection_scope",
    "session_on",
    "ensure_schema",
    "upgrade",
    "downgrade",
    "current_revision",
    "head_revision",
    "known_revisions",
    "SCHEMA_HEAD",
]

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _migrations_folder() -> str:
    """alembic/ of a source checkout, else the copy installed as tracker._migrations."""
    source = PROJECT_ROOT / "alembic"
    if (source / "env.py").exists():
        return str(source)
    return str(Path(__file__).resolve().parents[1] / "_migrations")


READ_ONLY_OPTION = "tracker_read_only"


def make_engine(url: str, create: bool = True) -> Engine:
    """Create an engine for `url`; SQLite gets WAL, foreign keys and a busy timeout.

    :param create: make a missing SQLite file (and its folder) on first use; when False, a
        missing file raises StorageError, so that reading never creates an empty database.
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as err:
        # Not echoed, even masked: text that is no URL may be anything, a password among it.
        raise StorageError(f"not a database URL: <unparseable database URL>; {URL_HINT}") from err
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite"):
        # A `file:` URI (uri=true) names its file itself; no folder to make.
        if parsed.database and parsed.database != ":memory:" and parsed.query.get("uri") != "true":
            file = Path(parsed.database).expanduser().resolve()
            if not create and not file.exists():
                raise no_database_error(file)
            try:
                make_private_folder(file.parent)
            except OSError as err:
                raise StorageError(
                    f"cannot create the database folder {file.parent}: {err.strerror}"
                ) from err
            try:
                create_private_file(file)  # before SQLite makes it with the umask's mode (0644)
            except OSError as err:
                raise StorageError(f"cannot create the database {file}: {err.strerror}") from err
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError) as err:
        raise StorageError(f"cannot use database {mask_url_password(url)}: {err}; {URL_HINT}") from err


def _sqlite_begin(connection: Connection) -> None:
    read_only = connection.get_execution_options().get(READ_ONLY_OPTION, False)
    connection.exec_driver_sql(sqlite_begin(read_only))


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    set_sqlite_pragmas(dbapi_connection)


def _snapshot_options(engine: Engine) -> dict[str, str]:
    """Execution options giving a transaction one snapshot of the database for all its statements.

    SQLite's transactions have one already (under WAL a reader keeps the snapshot of its first
    read, and neither blocks nor waits for writers); PostgreSQL's default, READ COMMITTED, takes a
    new one for each statement, REPEATABLE READ keeps the first (and a transaction that only reads
    never fails for it).
    """
    return {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}


@contextmanager
def session_scope(engine: Engine, read_only: bool = False, snapshot: bool = False) -> Iterator[Session]:
    """One session, committed when the block ends normally, rolled back otherwise.

    `read_only` sessions (lists, exports, the feed server) do not take SQLite's
    write lock, so they never queue behind an ingest. `snapshot` (with `read_only`): every
    statement sees the database as the first one did (a calendar read in several passes).
    """
    from sqlalchemy.orm import sessionmaker

    factory = sessionmaker(engine, expire_on_commit=False)
    session = factory()
    if read_only:
        options = {READ_ONLY_OPTION: True, **(_snapshot_options(engine) if snapshot else {})}
        session.connection(execution_options=options)
    try:
        yield session
        session.commit()
    except OperationalError as err:
        session.rollback()
        raise StorageError(f"database error: {first_line(err)}") from err
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def connection_scope(engine: Engine, read_only: bool = False, snapshot: bool = False) -> Iterator[Connection]:
    """One Core connection in one transaction, committed when the block ends normally.

    For commands that read (or insert) rows without ORM objects; `read_only` and `snapshot` as in
    `session_scope`.
    """
    connection = engine.connect()
    if read_only:
        options = {READ_ONLY_OPTION: True, **(_snapshot_options(engine) if snapshot else {})}
        connection = connection.execution_options(**options)
    try:
        with connection.begin():
            yield connection
    except OperationalError as err:
        raise StorageError(f"database error: {first_line(err)}") from err
    finally:
        connection.close()


@contextmanager
def session_on(connection: Connection) -> Iterator[Session]:
    """A session inside `connection`'s transaction, flushed when the block ends; the connection's owner commits."""
    from sqlalchemy.orm import Session

    session = Session(bind=connection, expire_on_commit=False)
    try:
        yield session
        session.flush()
    finally:
        session.close()


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _migrations_folder())
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to `revision` (each revision in its own transaction).

    Raises StorageError for a file that is not a database, a database at a revision this
    version does not know, or one that holds another program's tables; InputError for an
    unknown `revision`.
    """
    from alembic import command

    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise StorageError(
            f"database is at revision {current}, unknown to this version of tracker; upgrade tracker"
        )
    if current is None:
        _refuse_foreign_tables(engine)
    _run_migration(lambda: command.upgrade(_alembic_config(engine), revision), engine, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _run_migration(lambda: command.downgrade(_alembic_config(engine), revision), engine, revision)


def _run_migration(action: Callable[[], None], engine: Engine, revision: str) -> None:
    from alembic.util.exc import CommandError

    try:
        action()
    except DBAPIError as err:  # OperationalError, or e.g. "file is not a database"
        raise StorageError(f"cannot migrate {mask_url_password(str(engine.url))}: {first_line(err)}") from err
    except CommandError as err:  # the database's revision was checked before: the target is unknown
        raise InputError(
            f"cannot migrate to revision {revision!r}: {first_line(err)}; the newest is {head_revision()}"
        ) from err


def _refuse_foreign_tables(engine: Engine) -> None:
    """Refuse a database without a tracker schema that holds tables: it belongs to another program (#17).

    Creating the tracker's tables there would write into, say, a browser's history file.
    """
    tables = [name for name in _table_names(engine) if name != "alembic_version"]
    if tables:
        shown = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
        raise StorageError(
            f"{mask_url_password(str(engine.url))} holds tables of another program ({shown}) and no "
            "tracker schema; name a new file or an empty database"
        )


def current_revision(engine: Engine) -> str | None:
    from alembic.migration import MigrationContext

    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except DBAPIError as err:  # OperationalError, or e.g. "file is not a database"
        raise StorageError(
            f"cannot open database {mask_url_password(str(engine.url))}: {first_line(err)}"
        ) from err


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", _migrations_folder())
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:  # only a broken install ships no revisions
        raise StorageError(f"no schema migrations found in {_migrations_folder()}; reinstall tracker")
    return head


def _stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None when it cannot be read cheaply."""
    try:
        with engine.connect() as connection:
            return connection.execute(text(STORED_REVISION_SQL)).scalar()
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
    # On SQLite each migration takes the write lock in turn, so two processes' upgrades can
    # interleave: the later one then meets a table the other has just made, or finds that Alembic's
    # version row has already moved on (a CommandError, reported as InputError). Its failed step rolled
    # back; when the revision moved meanwhile, it looks again instead of failing.
    for _ in range(len(known_revisions()) + 1):
        with _schema_lock(engine):
            current = current_revision(engine)
            if current == head:
                return
            try:
                upgrade(engine)  # refuses an unknown revision or another program's tables
                return
            except (StorageError, InputError):
                if current_revision(engine) == current:
                    raise
    raise StorageError("cannot bring the database schema up to date: other processes keep changing it")


def core_connection(db: Session | Connection) -> Connection:
    """The Core connection of `db`: itself, or a session's (in the session's transaction). Storage's readers
    take either, so a command that needs no ORM objects reads through `connection_scope` without loading it."""
    return db if isinstance(db, Connection) else db.connection()


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
        raise StorageError(
            f"cannot open database {mask_url_password(str(engine.url))}: {first_line(err)}"
        ) from err
    try:
        yield
    finally:
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK_KEY})
        connection.close()


def known_revisions() -> set[str]:
    """Every revision id in alembic/versions."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", _migrations_folder())
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def _table_names(engine: Engine) -> list[str]:
    try:
        return inspect(engine).get_table_names()
    except SQLAlchemyError as err:
        raise StorageError(f"cannot inspect {mask_url_password(str(engine.url))}: {first_line(err)}") from err
