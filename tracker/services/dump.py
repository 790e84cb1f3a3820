"""Dump and load: the whole database as one JSON document, portable between engines.

A dump holds every row of every table of the schema (documents, meetings,
participants, parties, commitments, fulfilment links, feeds with token hashes
only, history) with its ids and UIDs, plus the schema revision it was made at.
Instants are written in UTC with an explicit offset, dates and times in ISO
form, rows in primary-key order, so the same data always gives the same bytes.
Loading refuses a database that holds any row; on PostgreSQL it resets the id
sequences afterwards so that new rows continue after the loaded ones.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, func, select, text
from sqlalchemy import types as sqltypes
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from tracker.errors import ConflictError, InputError, StorageError
from tracker.limits import check_date, check_text

__all__ = [
    "DUMP_FORMAT",
    "dump_database",
    "dump_to_bytes",
    "load_database",
    "parse_dump",
    "count_rows",
    "reset_sequences",
]

DUMP_FORMAT = "tracker.dump/1"

# A column that could hold a secret in clear is never written (feeds keep only
# `token_hash`; this guards against a later column such as `token`).
_SECRET_COLUMN = re.compile(r"(password|secret|token)(?!_hash$)")


def _reflect(connection: Connection) -> MetaData:
    """The tables as they are in this database (which may be at an older revision than head)."""
    metadata = MetaData()
    with warnings.catch_warnings():
        # SQLite cannot reflect an index on an expression (ix_commitments_city_key); a dump reads
        # rows, not indexes, and the user must not see the warning.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        metadata.reflect(connection, only=lambda name, _metadata: name != "alembic_version")
    return metadata


def _revision(connection: Connection) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _dumped_columns(table: Table) -> list:
    return [c for c in table.columns if not _SECRET_COLUMN.search(c.name.lower())]


def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        # SQLite hands back naive UTC, PostgreSQL aware instants: write both the same way.
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _from_json(column, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, sqltypes.DateTime):
            return dt.datetime.fromisoformat(value).astimezone(dt.UTC)
        if isinstance(kind, sqltypes.Date):
            return dt.date.fromisoformat(value)
        if isinstance(kind, sqltypes.Time):
            return dt.time.fromisoformat(value)
    except (TypeError, ValueError) as err:
        raise InputError(f"dump: bad value {value!r} for {column.table.name}.{column.name}") from err
    return value


def dump_database(engine: Engine) -> dict:
    """Every row of every table, read in one consistent snapshot."""
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                metadata = _reflect(connection)
                tables = {}
                for table in metadata.sorted_tables:
                    columns = _dumped_columns(table)
                    order = list(table.primary_key.columns) or columns
                    rows = connection.execute(select(*columns).order_by(*order))
                    tables[table.name] = {
                        "columns": [c.name for c in columns],
                        "rows": [[_to_json(v) for v in row] for row in rows],
                    }
                return {"format": DUMP_FORMAT, "revision": _revision(connection), "tables": tables}
    except (DBAPIError, SQLAlchemyError) as err:
        raise StorageError(f"cannot read the database: {_first_line(err)}") from err


def dump_to_bytes(dump: dict) -> bytes:
    """The dump as canonical JSON bytes (sorted keys, one row per line)."""
    lines = [
        "{",
        f'"format": {json.dumps(dump["format"])},',
        f'"revision": {json.dumps(dump["revision"])},',
        '"tables": {',
    ]
    names = list(dump["tables"])
    for position, name in enumerate(names):
        table = dump["tables"][name]
        lines.append(
            f'{json.dumps(name)}: {{"columns": {json.dumps(table["columns"], ensure_ascii=False)}, "rows": ['
        )
        rows = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in table["rows"]]
        lines.append(",\n".join(rows))
        lines.append("]}" + ("," if position < len(names) - 1 else ""))
    lines.append("}}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def parse_dump(raw: bytes, source: str) -> dict:
    """Read and check a dump file's bytes; raise InputError when it is not a tracker dump."""
    try:
        dump = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{source}: not a tracker dump (invalid JSON: {err})") from err
    if not isinstance(dump, dict) or dump.get("format") != DUMP_FORMAT:
        raise InputError(f"{source}: not a tracker dump (expected format {DUMP_FORMAT})")
    tables = dump.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(t, dict) and isinstance(t.get("columns"), list) and isinstance(t.get("rows"), list)
        for t in tables.values()
    ):
        raise InputError(f"{source}: not a tracker dump (no tables)")
    return dump


def count_rows(engine: Engine) -> dict[str, int]:
    """Rows per table (alembic_version left out)."""
    with engine.connect() as connection:
        metadata = _reflect(connection)
        return {
            t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
            for t in metadata.sorted_tables
        }


def load_database(engine: Engine, dump: dict) -> dict[str, int]:
    """Load `dump` into an empty database, then upgrade it to head; return rows loaded per table.

    The schema is first brought to the dump's revision (the database is empty, so
    this loses nothing), the rows go in in one transaction, then later
    migrations run as they would on any database. Raises ConflictError when the
    database holds a row, InputError when the dump does not fit the schema.
    """
    from tracker.storage.db import current_revision, downgrade, known_revisions, upgrade

    revision = dump.get("revision")
    if revision is not None and revision not in known_revisions():
        raise InputError(
            f"the dump was made at schema revision {revision}, unknown to this version of tracker; "
            "upgrade tracker"
        )
    if any(count_rows(engine).values()):
        raise ConflictError("the database is not empty; load a dump only into a new, empty database")
    current = current_revision(engine)
    if current != revision:
        if current is not None:
            downgrade(engine, revision or "base")
        if revision is not None:
            upgrade(engine, revision)
    loaded: dict[str, int] = {}
    try:
        with engine.begin() as connection:
            metadata = _reflect(connection)
            unknown = set(dump["tables"]) - set(metadata.tables)
            if unknown:
                raise InputError(f"the dump has tables this schema lacks: {', '.join(sorted(unknown))}")
            for table in metadata.sorted_tables:
                loaded[table.name] = _insert_rows(connection, table, dump["tables"].get(table.name))
            if engine.dialect.name == "postgresql":
                reset_sequences(connection, metadata)
    except (DBAPIError, SQLAlchemyError) as err:
        raise StorageError(f"cannot load the dump: {_first_line(err)}") from err
    upgrade(engine)
    return loaded


def _insert_rows(connection: Connection, table: Table, data: dict | None) -> int:
    if not data or not data["rows"]:
        return 0
    names = data["columns"]
    missing = [name for name in names if name not in table.columns]
    if missing:
        raise InputError(f"the dump has columns the table {table.name} lacks: {', '.join(missing)}")
    columns = [table.columns[name] for name in names]
    records = []
    for row in data["rows"]:
        if len(row) != len(columns):
            raise InputError(
                f"the dump has a row of {table.name} with {len(row)} values for {len(columns)} columns"
            )
        record = {c.name: _from_json(c, v) for c, v in zip(columns, row)}
        _check_limits(table, columns, record)
        records.append(record)
    for start in range(0, len(records), 1000):
        connection.execute(table.insert(), records[start : start + 1000])
    return len(records)


def _check_limits(table: Table, columns: list, record: dict) -> None:
    """Refuse a row that one of the engines would not store or export: a text longer than its column
    (SQLite keeps it, PostgreSQL refuses it) or a date beyond `tracker.limits` (issue #17)."""
    where = f"dump: {table.name} row {record.get('id', '')}".rstrip()
    for column in columns:
        value = record[column.name]
        if isinstance(value, str) and isinstance(column.type, sqltypes.String) and column.type.length:
            check_text(value, column.type.length, f"{where}: {column.name}")
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            check_date(value, f"{where}: {column.name}")


def reset_sequences(connection: Connection, metadata: MetaData) -> None:
    """Make each serial id continue after the largest loaded one (rows were inserted with their ids)."""
    for table in metadata.sorted_tables:
        for column in table.primary_key.columns:
            sequence = connection.scalar(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            )
            if sequence is None:
                continue
            largest = connection.scalar(select(func.max(column)))
            connection.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": largest or 1, "called": largest is not None},
            )


def _first_line(err: Exception) -> str:
    message = str(getattr(err, "orig", None) or err).strip()
    return message.splitlines()[0] if message else type(err).__name__
