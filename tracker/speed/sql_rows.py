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
from typing import Any

from sqlalchemy import Select, Text, cast, func, literal_column, select
from sqlalchemy.orm import Session

from tracker.domain.model import COMMITMENT_RECORD_FIELDS
from tracker.storage import models as m
from tracker.storage.item_fields import ItemColumns

__all__ = ["select_item_records", "fetch_item_records", "list_item_records", "list_item_records_by_id"]


_IN_CHUNKS = 500  # ids per IN (...) clause: well below SQLite's bound-parameter limit


def _json_object(dialect: str, pairs: list[tuple[str, object]]) -> Any:
    # Keys are constants of this module, written into the SQL (PostgreSQL cannot type a bound key).
    arguments = [part for key, value in pairs for part in (literal_column(f"'{key}'"), value)]
    if dialect == "postgresql":
        return func.json_build_object(*arguments)
    return func.json_object(*arguments)


def _party_codes(dialect: str) -> Any:
    """The item's party codes as a JSON array, sorted ([] when none)."""
    parties = m.CommitmentParty
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import aggregate_order_by

        return (
            select(
                func.coalesce(
                    func.json_agg(aggregate_order_by(parties.code, parties.code)),
                    literal_column("'[]'::json"),
                )
            )
            .where(parties.commitment_id == m.Commitment.id)
            .scalar_subquery()
        )
    # SQLite before 3.44 has no ORDER BY inside an aggregate: the codes are sorted in a subquery.
    codes = (
        select(parties.code)
        .where(parties.commitment_id == m.Commitment.id)
        .order_by(parties.code)
        .correlate(m.Commitment)
        .subquery()
    )
    return select(func.json_group_array(codes.c.code)).scalar_subquery()


def select_item_records(session: Session) -> Select[Any]:
    """SELECT of (id, window_start, window_end, review, record) for every item; add WHERE clauses to narrow it.

    `record` is the JSON text described in the module docstring: the fields of
    `COMMITMENT_RECORD_FIELDS`, in order, each from its column in `ItemColumns`.
    """
    dialect = session.get_bind().dialect.name
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
    c = m.Commitment
    query: Any = select(c.id, c.window_start, c.window_end, c.review, cast(record, Text).label("record"))
    return columns.joined(query, COMMITMENT_RECORD_FIELDS)


def fetch_item_records(
    session: Session, query: Select[Any]
) -> list[tuple[int, dt.date | None, dt.date | None, str, str]]:
    """The rows of a `select_item_records` query, as tuples read straight from the driver's cursor.

    SQLAlchemy's processing of each row is a quarter of the time of 100,000 of
    them, and these columns need none but the window dates, which SQLite returns
    as ISO text: they are turned into dates here.
    """
    result = session.connection().execute(query)
    try:
        rows = result.cursor.fetchall()
    finally:
        result.close()
    if session.get_bind().dialect.name != "sqlite":
        return list(rows)
    day = dt.date.fromisoformat
    return [
        (item_id, start and day(start), end and day(end), review, record)
        for item_id, start, end, review, record in rows
    ]


def list_item_records(
    session: Session, condition: Any
) -> list[tuple[int, dt.date | None, dt.date | None, str, str]]:
    """(id, window_start, window_end, review, record) of the items meeting the SQL `condition`."""
    return fetch_item_records(session, select_item_records(session).where(condition))


def list_item_records_by_id(session: Session, ids: list[int]) -> dict[int, str]:
    """Item id -> its record, for the items with these ids."""
    records: dict[int, str] = {}
    for start in range(0, len(ids), _IN_CHUNKS):
        query = select_item_records(session).where(m.Commitment.id.in_(ids[start : start + _IN_CHUNKS]))
        records.update((item_id, record) for item_id, *_rest, record in fetch_item_records(session, query))
    return records
