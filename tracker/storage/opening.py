"""Opening a database, as far as it needs no SQLAlchemy: the URL's parts, the SQLite file's checks and
settings, the schema head and how a failure reads.

Two openers share these: `tracker.storage.db` (SQLAlchemy engines, every command) and
`tracker.speed.dbapi` (the driver's own connection, for the short everyday commands that cannot
afford SQLAlchemy's import, issue #16). Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

from tracker.errors import StorageError

__all__ = [
    "SQLITE_BUSY_TIMEOUT_MS",
    "SCHEMA_HEAD",
    "STORED_REVISION_SQL",
    "URL_HINT",
    "DatabaseUrl",
    "parse_database_url",
    "no_database_error",
    "set_sqlite_pragmas",
    "sqlite_begin",
    "first_line",
]

SQLITE_BUSY_TIMEOUT_MS = 30_000

# The newest revision in alembic/versions (tests/storage/test_migrations.py keeps
# this true): a database already there is recognised without importing Alembic,
# which saves every command a sixth of a second.
SCHEMA_HEAD = "report02_made_and_fulfilled_days"
STORED_REVISION_SQL = "SELECT version_num FROM alembic_version"

URL_HINT = "give a file path (--db ~/desk.db) or a URL (--db postgresql://user@host/db)"


@dataclass(frozen=True)
class DatabaseUrl:
    """A database URL's parts, as SQLAlchemy's `make_url` reads them (names, unquoting, int port)."""

    drivername: str
    username: str | None = None
    password: str | None = None
    host: str | None = None
    port: int | None = None
    database: str | None = None
    query: dict[str, str] = field(default_factory=dict)

    @property
    def dialect(self) -> str:
        return self.drivername.partition("+")[0]

    def connect_arguments(self) -> dict[str, Any]:
        """psycopg's keyword arguments for this URL, as SQLAlchemy's psycopg dialect passes them."""
        named = {
            "user": self.username,
            "password": self.password,
            "host": self.host,
            "port": self.port,
            "dbname": self.database,
        }
        # Empty parts are left out, as SQLAlchemy's `URL.translate_connect_args` leaves them.
        return {**{name: value for name, value in named.items() if value}, **self.query}


# SQLAlchemy's own pattern (sqlalchemy/engine/url.py), without its IPv6 hosts: `make_url` reads those.
_URL = re.compile(
    r"""^(?P<drivername>[\w+]+)://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?P<host>[^/:?\[]+)?(?::(?P<port>[^/?]*))?)?
    (?:/(?P<database>[^?]*))?
    (?:\?(?P<query>.*))?$""",
    re.VERBOSE,
)


def parse_database_url(url: str) -> DatabaseUrl | None:
    """The parts of an SQLite or PostgreSQL URL, None for any other or unusual form.

    None leaves the URL to SQLAlchemy's `make_url` (`tracker.storage.db.make_engine`), which
    reads every form and refuses a bad one with a message: IPv6 hosts, several hosts or a
    query key given twice, other databases. tests/speed/test_dbapi.py holds the two readers equal.
    """
    match = _URL.match(url)
    if match is None:
        return None
    parts = match.groupdict()
    dialect = parts["drivername"].partition("+")[0]
    if dialect not in ("sqlite", "postgresql"):
        return None
    pairs = parse_qsl(parts["query"] or "")
    query = dict(pairs)
    port = parts["port"]
    if len(query) != len(pairs) or (port and not port.isdigit()) or "," in (parts["host"] or ""):
        return None
    username, password, database = (
        unquote(parts[name]) if parts[name] is not None else None
        for name in ("username", "password", "database")
    )
    return DatabaseUrl(
        drivername=parts["drivername"],
        username=username,
        password=password,
        host=parts["host"],
        port=int(port) if port else None,
        database=database,
        query=query,
    )


def no_database_error(file: Path) -> StorageError:
    """What a reading command says when its SQLite file does not exist (it never creates one)."""
    return StorageError(f"no database at {file} (run `tracker db upgrade` or ingest something to create it)")


def set_sqlite_pragmas(dbapi_connection: Any) -> None:
    """Settings of every new SQLite connection: transactions begun by tracker, WAL, foreign keys, waits."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    # WAL is a property of the file: set it on a new file or the tracker's own, never on another
    # program's database, which the tracker refuses without changing a byte of it (issue #17).
    cursor.execute("SELECT count(*), sum(name = 'alembic_version') FROM sqlite_master WHERE type = 'table'")
    tables, ours = cursor.fetchone()
    if not tables or ours:
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def sqlite_begin(read_only: bool) -> str:
    """The statement that begins an SQLite transaction.

    pysqlite's own transaction handling defers BEGIN; tracker takes it over so that
    a write transaction starts with BEGIN IMMEDIATE and waits for the lock
    instead of failing with "database is locked" half-way through. Read-only
    transactions keep a deferred BEGIN: under WAL they never wait for a writer.
    """
    return "BEGIN" if read_only else "BEGIN IMMEDIATE"


def first_line(err: Exception) -> str:
    """The first line of a database error (the driver's own, under SQLAlchemy's wrapper)."""
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__
