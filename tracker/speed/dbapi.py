"""Speed: the everyday reading commands and `items add` on the driver's own connection, without SQLAlchemy.

Importing SQLAlchemy Core alone takes about 200 ms, more than `tracker items list`
may take in all (issue #16). `items list` (text), `items show`, `meetings list`
and `meetings show` read, and `items add` writes an item no stored meeting could
fulfil, through sqlite3 or psycopg directly, with the SQL that `python -m tracker.speed.dbapi_render`
rendered from storage's Core statements (`tracker.speed.dbapi_sql`). The rows
become domain objects through `tracker.storage.stored_rows`, as Core's do.

This path serves only what it surely reads as Core would: an SQLite file that
exists or a PostgreSQL URL, at the schema head the SQL was rendered for. Anything
else (a missing file, another program's database, an older schema, an unusual URL,
an error while opening) makes `transaction` yield None, and the command takes the
Core path, which upgrades, creates or refuses as it always has.
tests/speed/test_dbapi.py holds the results equal to the Core path's on both engines.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tracker.domain import model as domain
from tracker.domain.status import is_active_state
from tracker.errors import StorageError
from tracker.limits import MAX_ID
from tracker.speed import dbapi_sql
from tracker.storage.new_rows import created_history_values, item_values, new_uid, party_codes
from tracker.storage.opening import (
    SQLITE_BUSY_TIMEOUT_MS,
    STORED_REVISION_SQL,
    first_line,
    parse_database_url,
    set_sqlite_pragmas,
    sqlite_begin,
)
from tracker.storage.stored_rows import (
    group_possible_matches,
    item_from_row,
    meetings_from_rows,
    no_item_error,
    no_meeting_error,
)

__all__ = [
    "Database",
    "transaction",
    "iter_items",
    "list_possible_matches",
    "get_item",
    "get_fulfilling_meeting_id",
    "list_item_history",
    "list_item_links",
    "list_meetings",
    "get_meeting",
    "add_item",
]

_READ_TEXT: dict[str | None, Callable[[str], Any]] = {
    "date": dt.date.fromisoformat,
    "datetime": dt.datetime.fromisoformat,
    "time": dt.time.fromisoformat,
}


class Database:
    """A driver connection in one transaction, and how to run the rendered statements on it."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self._row_types: dict[str, Any] = {}

    def sql(self, name: str, conditions: list[str] | None = None) -> str:
        """The statement `name`, its WHERE holding the `conditions` named ("items.kind"), ANDed in the
        order given (none: no WHERE)."""
        statement = dbapi_sql.STATEMENTS[self.dialect][name]
        if conditions is None:
            return statement
        mark = dbapi_sql.CONDITIONS_MARK
        if not conditions:
            return statement.replace(f" \nWHERE {mark}", "")
        found = dbapi_sql.CONDITIONS[self.dialect]  # name -> (alone, ANDed with others)
        if len(conditions) == 1:
            return statement.replace(mark, found[conditions[0]][0])
        return statement.replace(mark, " AND ".join(found[name][1] for name in conditions))

    def execute(self, sql: str, parameters: dict[str, Any] | None = None, *, stream: bool = False) -> Any:
        """A cursor over the results; `stream`: a server-side cursor on PostgreSQL (psycopg reads it 100
        rows at a time), so that a long list never sits in memory whole, as with Core's `yield_per`."""
        streamed = stream and self.dialect != "sqlite"
        cursor = self.connection.cursor(name="tracker_rows") if streamed else self.connection.cursor()
        cursor.execute(sql, self._values(parameters or {}))
        return cursor

    def rows(
        self, name: str, parameters: dict[str, Any] | None = None, conditions: list[str] | None = None
    ) -> list[Any]:
        """The rows of statement `name` as named tuples holding what Core's rows hold (dates as dates)."""
        return list(self.iter_rows(name, parameters, conditions, stream=False))

    def iter_rows(
        self,
        name: str,
        parameters: dict[str, Any] | None = None,
        conditions: list[str] | None = None,
        *,
        stream: bool = True,
    ) -> Iterator[Any]:
        """`rows`, read from the cursor as they are wanted (`stream`: see `execute`)."""
        columns = dbapi_sql.RESULT_COLUMNS[name]
        row_type: Any = self._row_types.get(name)
        if row_type is None:
            row_type = self._row_types[name] = namedtuple(
                f"{name}_row", [str(c) for c, _ in columns], rename=True
            )
        cursor = self.execute(self.sql(name, conditions), parameters, stream=stream)
        try:
            if self.dialect != "sqlite":
                yield from map(row_type._make, cursor)
                return
            readers = [(index, _READ_TEXT[kind]) for index, (_, kind) in enumerate(columns) if kind]
            for row in cursor:
                values = list(row)
                for index, read in readers:
                    if values[index] is not None:
                        values[index] = read(values[index])
                yield row_type._make(values)
        finally:
            cursor.close()

    def _values(self, parameters: dict[str, Any]) -> dict[str, Any]:
        """`parameters` as the driver takes them: SQLite's dates and instants as the text SQLAlchemy stores."""
        if self.dialect != "sqlite":
            return parameters
        return {name: _sqlite_text(value) for name, value in parameters.items()}


def _sqlite_text(value: Any) -> Any:
    # SQLAlchemy's SQLite DATETIME and DATE storage formats (no time zone: instants are UTC).
    if isinstance(value, dt.datetime):
        return (
            f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
            f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
        )
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return value


def _open(url: str, read_only: bool) -> tuple[Any, str, type[Exception]] | None:
    """(driver connection, dialect, its operational error) for `url` with a transaction begun, or None."""
    parsed = parse_database_url(url)
    if parsed is None:
        return None
    if parsed.drivername == "sqlite":
        if parsed.query or not parsed.database or parsed.database == ":memory:":
            return None
        file = Path(parsed.database).expanduser().resolve()
        if not file.is_file():
            return None  # Core refuses it (reading) or creates it (writing)
        try:
            connection: Any = sqlite3.connect(file, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error:
            return None
        begin = sqlite_begin(read_only)
        try:
            set_sqlite_pragmas(connection)
            connection.execute(begin)
            stored = connection.execute(STORED_REVISION_SQL).fetchone()
        except sqlite3.Error:
            connection.close()
            return None
        return _at_head(connection, stored), "sqlite", sqlite3.OperationalError
    if parsed.drivername not in ("postgresql", "postgresql+psycopg"):
        return None
    import psycopg

    try:
        connection = psycopg.connect(**parsed.connect_arguments())
    except psycopg.Error:
        return None
    try:
        stored = connection.execute(STORED_REVISION_SQL).fetchone()
    except psycopg.Error:
        connection.close()
        return None
    return _at_head(connection, stored), "postgresql", psycopg.OperationalError


def _at_head(connection: Any, stored: tuple[str] | None) -> Any:
    if stored is None or stored[0] != dbapi_sql.SCHEMA_HEAD:
        connection.rollback()
        connection.close()
        return None
    return connection


@contextmanager
def transaction(url: str, *, read_only: bool) -> Iterator[Database | None]:
    """The database at `url` in one transaction, committed when the block ends normally; None when
    this path does not serve it (see the module docstring): the caller then takes the Core path.

    `read_only` as in `tracker.storage.db.connection_scope`: never creates the database, and
    on SQLite a deferred BEGIN; otherwise BEGIN IMMEDIATE. A driver's operational error becomes
    a StorageError, as on the Core path.
    """
    opened = _open(url, read_only)
    if opened is None or opened[0] is None:
        yield None
        return
    connection, dialect, operational_error = opened
    try:
        yield Database(connection, dialect)
        connection.commit()
    except operational_error as err:
        connection.rollback()
        raise StorageError(f"database error: {first_line(err)}") from err
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.close()


def iter_items(
    database: Database,
    *,
    status: str | None = None,
    overdue_on: dt.date | None = None,
    party: str | None = None,
    kind: str | None = None,
    active_only: bool = True,
    include_rejected: bool = False,
) -> Iterator[domain.Commitment]:
    """`tracker.storage.items.iter_items` with the filters `tracker items list` gives."""
    given = {
        "status": status,
        "overdue_on": overdue_on,
        "party": party.upper() if party else None,
        "kind": kind,
    }
    # In the order of `storage.items.item_conditions`, as Core writes them.
    conditions = ["items.active_only"] if active_only else []
    conditions += [] if include_rejected else ["items.not_rejected"]
    conditions += [f"items.{name}" for name, value in given.items() if value]
    parameters = {name: value for name, value in given.items() if value}
    windows: dict[tuple[Any, ...], domain.Window] = {}
    for row in database.iter_rows("items", parameters, conditions):
        yield item_from_row(row, windows)


def list_possible_matches(database: Database) -> dict[int, list[int]]:
    return group_possible_matches(database.rows("possible_matches"))


def get_item(database: Database, item_id: int) -> domain.Commitment:
    rows = database.rows("item", {"item_id": item_id}) if 1 <= item_id <= MAX_ID else []
    if not rows:
        raise no_item_error(item_id)
    return item_from_row(rows[0])


def get_fulfilling_meeting_id(database: Database, item_id: int) -> int | None:
    rows = database.rows("fulfilling_meeting", {"item_id": item_id})
    return rows[0][0] if rows else None


def list_item_history(database: Database, item_id: int) -> list[Any]:
    return database.rows("item_history", {"item_id": item_id})


def list_item_links(database: Database, item_id: int) -> list[Any]:
    return database.rows("item_links", {"item_id": item_id})


def list_meetings(
    database: Database,
    *,
    party: str | None = None,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    meeting_id: int | None = None,
    include_rejected: bool = True,
) -> list[domain.Meeting]:
    """`tracker.storage.meetings.list_meetings`."""
    given = {
        "party": party.upper() if party else None,
        "kind": kind,
        "since": since,
        "until": until,
        "meeting_id": meeting_id,
    }
    # In the order of `storage.meetings.meeting_conditions`, as Core writes them.
    conditions = [] if include_rejected else ["meetings.not_rejected"]
    conditions += [f"meetings.{name}" for name, value in given.items() if value is not None]
    parameters = {name: value for name, value in given.items() if value is not None}
    rows = database.rows("meetings", parameters, conditions)
    parties = database.rows("meeting_parties", parameters, conditions)
    people = database.rows("meeting_participants", parameters, conditions)
    return meetings_from_rows(rows, parties, people)


def get_meeting(database: Database, meeting_id: int) -> domain.Meeting:
    found = list_meetings(database, meeting_id=meeting_id) if 0 < meeting_id <= MAX_ID else []
    if not found:
        raise no_meeting_error(meeting_id)
    return found[0]


def add_item(
    database: Database, item: domain.Commitment, *, at: dt.datetime, reason: str | None = None
) -> int | None:
    """Store an item no stored meeting could fulfil, as `tracker.services.adding.add_item` stores it; its id.

    None, with nothing written, when a meeting could (`storage.items.any_meeting_could_fulfil`)
    or the item has more parties than the rendered check holds: fulfilment matching, on the ORM,
    must then see it, so the caller rolls back and takes the Core path.
    """
    from tracker.services.adding import ADDED_BY_HAND, check_item  # here: reading commands load no service

    check_item(item)
    codes = party_codes(item.parties)
    lock = dbapi_sql.STATEMENTS[database.dialect].get("lock_for_ingest")
    if lock is not None:  # the writers' turn (`storage.writers.lock_for_ingest`), before any check
        database.execute(lock)
    if is_active_state(item.status, item.review):
        if len(codes) > dbapi_sql.PARTY_SLOTS:
            return None
        # In the order of `storage.items.could_fulfil_conditions`, as Core writes them.
        conditions = ["could_fulfil.not_rejected"] + (
            ["could_fulfil.since"] if item.made_on is not None else []
        )
        conditions += [f"could_fulfil.party_{slot}" for slot in range(len(codes))]
        parameters: dict[str, Any] = {f"code_{slot}": code for slot, code in enumerate(codes)}
        if item.made_on is not None:
            parameters["since"] = item.made_on
        if database.rows("could_fulfil", parameters, conditions)[0][0]:
            return None
    uid = item.uid or new_uid()
    values = item_values(item, uid=uid, document_id=None, agreed_meeting_id=None, at=at)
    item_id: int = database.execute(database.sql("insert_item"), values).fetchone()[0]
    for code in codes:
        database.execute(database.sql("insert_item_party"), {"commitment_id": item_id, "code": code})
    history = created_history_values("commitment", item_id, uid=uid, at=at, reason=reason or ADDED_BY_HAND)
    database.execute(database.sql("insert_history"), history)
    return item_id
