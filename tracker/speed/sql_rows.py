"""Speed: items' JSON records written by the database itself, read straight from the driver's cursor.

`select_item_records` reads, for each item, the text of a JSON object holding its
stored fields (`COMMITMENT_RECORD_FIELDS`, the keys and order of
`tracker.exporters.records.commitment_record`, which adds the fields derived on
the day after them). SQLite's json_object and PostgreSQL's json_build_object
write it in C: reading and encoding the same fields in Python takes three times
as long, which is most of `tracker remind --json` on 100,000 items (bench/remind.py).
tests/speed/test_sql_rows.py checks that both engines encode the values as Python does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, Text, cast, func, literal_column, select

from tracker.domain.model import COMMITMENT_RECORD_FIELDS
from tracker.speed.json_text import object_tail
from tracker.storage import tables as t
from tracker.storage.db import core_connection
from tracker.storage.item_fields import ItemColumns

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "select_item_records",
    "fetch_item_records",
    "fetch_batches",
    "as_date",
    "iter_item_records",
    "list_item_records",
    "list_item_records_by_id",
]


_IN_CHUNKS = 500  # ids per IN (...) clause: well below SQLite's bound-parameter limit


def _json_object(dialect: str, pairs: list[tuple[str, object]]) -> Any:
    # Keys are constants of this module, written into the SQL (PostgreSQL cannot type a bound key).
    arguments = [part for key, value in pairs for part in (literal_column(f"'{key}'"), value)]
    if dialect == "postgresql":
        return func.json_build_object(*arguments)
    return func.json_object(*arguments)


def _party_codes(dialect: str) -> Any:
    """The item's party codes as a JSON array, sorted ([] when none)."""
    parties, items = t.commitment_parties.c, t.commitments
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import aggregate_order_by

        return (
            select(
                func.coalesce(
                    func.json_agg(aggregate_order_by(parties.code, parties.code)),
                    literal_column("'[]'::json"),
                )
            )
            .where(parties.commitment_id == items.c.id)
            .scalar_subquery()
        )
    # SQLite before 3.44 has no ORDER BY inside an aggregate: the codes are sorted in a subquery.
    codes = (
        select(parties.code)
        .where(parties.commitment_id == items.c.id)
        .order_by(parties.code)
        .correlate(items)
        .subquery()
    )
    return select(func.json_group_array(codes.c.code)).scalar_subquery()


def select_item_records(db: Session | Connection, *leading: Any) -> Select[Any]:
    """SELECT of (id, window_start, window_end, review, record) for every item; add WHERE clauses to narrow it.

    `record` is the JSON text described in the module docstring: the fields of
    `COMMITMENT_RECORD_FIELDS`, in order, each from its column in `ItemColumns`.
    :param leading: columns of the items table to select instead of id, window_start,
        window_end and review.
    """
    dialect = core_connection(db).dialect.name
    columns = ItemColumns()
    window = _json_object(
        dialect,
        [
            ("start", columns["window_start"]),
            ("end", columns["window_end"]),
            ("precision", columns["window_precision"]),
            ("text", columns["window_text"]),
        ],
    )
    special = {"window": window, "parties": _party_codes(dialect)}
    record = _json_object(
        dialect, [(key, special[key] if key in special else columns[key]) for key in COMMITMENT_RECORD_FIELDS]
    )
    c = t.commitments.c
    leading = leading or (c.id, c.window_start, c.window_end, c.review)
    query: Any = select(*leading, cast(record, Text).label("record")).select_from(t.commitments)
    return columns.joined(query, COMMITMENT_RECORD_FIELDS)


def fetch_item_records(
    session: Session | Connection, query: Select[Any]
) -> list[tuple[int, dt.date | None, dt.date | None, str, str]]:
    """The rows of a `select_item_records` query, as tuples read straight from the driver's cursor.

    SQLAlchemy's processing of each row is a quarter of the time of 100,000 of
    them, and these columns need none but the window dates, which SQLite returns
    as ISO text: they are turned into dates here.
    """
    connection = core_connection(session)
    result = connection.execute(query)
    try:
        rows = result.cursor.fetchall()
    finally:
        result.close()
    if connection.dialect.name != "sqlite":
        return list(rows)
    day = dt.date.fromisoformat
    return [
        (item_id, start and day(start), end and day(end), review, record)
        for item_id, start, end, review, record in rows
    ]


def fetch_batches(
    connection: Connection, query: Select[Any], batch: int = 1000
) -> Iterator[Sequence[tuple[Any, ...]]]:
    """The rows of `query` as plain tuples, in lists of up to `batch`, read as the database sends them.

    On SQLite straight from the driver's cursor, which streams by itself, and with the
    driver's values: dates are ISO text there (`as_date` reads them). Elsewhere through
    a server-side cursor (constant memory), dates as dates.
    """
    if connection.dialect.name != "sqlite":
        # Through SQLAlchemy, which has already fetched the first rows: the driver's cursor alone would miss them.
        for partition in connection.execute(query.execution_options(yield_per=batch)).partitions():
            yield [tuple(row) for row in partition]
        return
    result = connection.execute(query)
    try:
        while rows := result.cursor.fetchmany(batch):
            yield rows
    finally:
        result.close()


def as_date(value: str | dt.date | None) -> dt.date | None:
    """A date column's value as `fetch_batches` reads it, as a date (None stays None)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def iter_item_records(
    db: Session | Connection,
    conditions: list[Any],
    derived_fields: Callable[[str, str, dt.date | None, dt.date | None], str],
    *,
    batch: int = 1000,
) -> Iterator[list[str]]:
    """Batches of the JSON texts of the items meeting the SQL `conditions`, soonest window end first
    (open-ended last), then by id: each item's record, then the keys of the JSON object text
    `derived_fields(status, review, window_end, fulfilled_on)` returns.

    The order of `tracker.storage.items.iter_items`, for `items list --json` (1,000,000 items
    in bench/remind.py). Items with a window end come first, read through its index in
    that order; the open-ended ones follow, by id: one sort of every item, each with its
    record, would be most of the time. `derived_fields` is called once for each distinct
    (status, review, window_end, fulfilled_on): items share few, and a million calls
    would cost more than the rest of the Python side.
    """
    connection = core_connection(db)
    c = t.commitments.c
    select_ = select_item_records(connection, c.status, c.review, c.window_end, c.fulfilled_on)
    parts = [
        select_.where(*conditions, c.window_end.is_not(None)).order_by(c.window_end, c.id),
        select_.where(*conditions, c.window_end.is_(None)).order_by(c.id),
    ]
    tails: dict[tuple[Any, ...], str] = {}

    def tail(key: tuple[Any, ...]) -> str:
        status, review, end, fulfilled_on = key
        tails[key] = object_tail(derived_fields(status, review, as_date(end), as_date(fulfilled_on)))
        return tails[key]

    for query in parts:
        for rows in fetch_batches(connection, query, batch):
            # The record as the database wrote it, its closing brace replaced by the derived keys.
            yield [row[4][:-1] + (tails.get(key := row[:4]) or tail(key)) for row in rows]


def list_item_records(
    session: Session | Connection, condition: Any
) -> list[tuple[int, dt.date | None, dt.date | None, str, str]]:
    """(id, window_start, window_end, review, record) of the items meeting the SQL `condition`."""
    return fetch_item_records(session, select_item_records(session).where(condition))


def list_item_records_by_id(session: Session, ids: list[int]) -> dict[int, str]:
    """Item id -> its record, for the items with these ids."""
    records: dict[int, str] = {}
    for start in range(0, len(ids), _IN_CHUNKS):
        query = select_item_records(session).where(t.commitments.c.id.in_(ids[start : start + _IN_CHUNKS]))
        records.update((item_id, record) for item_id, *_rest, record in fetch_item_records(session, query))
    return records
