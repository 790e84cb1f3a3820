"""Speed: renders the SQL of `tracker.speed.dbapi` from the Core statements of `tracker.storage`, once.

`python -m tracker.speed.dbapi_render` writes `tracker/speed/dbapi_sql.py`; the
short everyday commands then run that SQL on the driver's own connection without
importing SQLAlchemy (issue #16). The statements are storage's own builders
(`storage.items.items_statement`, `storage.meetings.meeting_statements`, ...), so
the Core tables stay the one source of truth; tests/speed/test_dbapi.py renders
them again and fails when the module differs.

What a statement's WHERE holds depends on the filters given, so each filter's
condition is rendered alone (a fragment) and the statement once with a marker
(`CONDITIONS_MARK`) where its conditions go; `dbapi.Database.sql` puts them
together, and the test holds every combination equal to Core's own rendering.
Constants are written into the SQL; values given at run time are named parameters.
"""

from __future__ import annotations

import datetime as dt
import pprint
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Time, bindparam, insert, literal_column, select
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement

from tracker.domain.model import Commitment, Firmness, Kind, Window
from tracker.storage import items, meetings
from tracker.storage import tables as t
from tracker.storage.new_rows import created_history_values, item_values
from tracker.storage.opening import SCHEMA_HEAD

__all__ = ["CONDITIONS_MARK", "PARTY_SLOTS", "dialects", "render", "render_all", "main"]

CONDITIONS_MARK = "__CONDITIONS__"
# `items add` checks for a meeting holding each of the item's parties, one condition a party: rendered
# for up to this many (an item with more takes the Core path).
PARTY_SLOTS = 8
TARGET = Path(__file__).with_name("dbapi_sql.py")


def dialects() -> dict[str, Dialect]:
    """The dialects rendered for, by the name `DatabaseUrl.dialect` gives; parameters named for both drivers."""
    from sqlalchemy.dialects import postgresql, sqlite

    return {"sqlite": sqlite.dialect(paramstyle="named"), "postgresql": postgresql.psycopg.dialect()}


def render(statement: ClauseElement, dialect: Dialect) -> str:
    """`statement` as `dialect` writes it, constants inline and each value-less bind parameter named."""

    class _Compiler(dialect.statement_compiler):  # type: ignore[name-defined]
        def render_literal_bindparam(self, bindparam: Any, *args: Any, **kw: Any) -> str:
            if bindparam.required:
                return str(self.bindparam_string(bindparam.key))
            return str(super().render_literal_bindparam(bindparam, *args, **kw))

    return str(_Compiler(dialect, statement, compile_kwargs={"literal_binds": True}))


def _mark() -> Any:
    return literal_column(CONDITIONS_MARK)


def _where(condition: Any, dialect: Dialect, table: Any) -> tuple[str, str]:
    """One condition as it reads in a WHERE clause over `table`: alone, and ANDed with others
    (where SQLAlchemy puts some, EXISTS among them, in parentheses)."""
    query: Any = select(literal_column("1")).select_from(table)
    alone = render(query.where(condition), dialect).partition("\nWHERE ")[2]
    anded = render(query.where(_mark(), condition), dialect).partition(f"\nWHERE {CONDITIONS_MARK} AND ")[2]
    assert alone and anded, condition
    return alone, anded


def item_filters() -> dict[str, dict[str, Any]]:
    """`storage.items.item_conditions` arguments giving each condition alone, by name."""
    alone = {"active_only": False, "include_rejected": True}
    return {
        "active_only": {"active_only": True, "include_rejected": True},
        "not_rejected": {"active_only": False, "include_rejected": False},
        "status": {**alone, "status": bindparam("status")},
        "overdue_on": {**alone, "overdue_on": bindparam("overdue_on", type_=Date)},
        "party": {**alone, "party": bindparam("party")},
        "kind": {**alone, "kind": bindparam("kind")},
    }


def meeting_filters() -> dict[str, dict[str, Any]]:
    """`storage.meetings.meeting_conditions` arguments giving each condition alone, by name."""
    return {
        "not_rejected": {"include_rejected": False},
        "party": {"party": bindparam("party")},
        "kind": {"kind": bindparam("kind")},
        "since": {"since": bindparam("since", type_=Date)},
        "until": {"until": bindparam("until", type_=Date)},
        "meeting_id": {"meeting_id": bindparam("meeting_id")},
    }


def could_fulfil_conditions() -> dict[str, Any]:
    """`storage.items.could_fulfil_conditions`, each condition alone, by name."""
    found = {"not_rejected": items.could_fulfil_conditions([], None)[0]}
    found["since"] = items.could_fulfil_conditions([], bindparam("since", type_=Date))[1]
    for slot in range(PARTY_SLOTS):
        found[f"party_{slot}"] = items.could_fulfil_conditions([bindparam(f"code_{slot}")], None)[1]
    return found


def _sample_item_values() -> tuple[dict[str, Any], dict[str, Any]]:
    at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    item = Commitment(kind=Kind.MEETING, firmness=Firmness.AGREED, window=Window.open())
    values = item_values(item, uid="", document_id=None, agreed_meeting_id=None, at=at)
    return values, created_history_values("commitment", 0, uid="", at=at, reason="")


def statements() -> dict[str, Any]:
    """Every statement `tracker.speed.dbapi` runs, by name: storage's own, the conditions marked."""
    item_id: Any = bindparam("item_id")
    mark = [_mark()]
    meeting_rows, meeting_parties, meeting_people = meetings.meeting_statements(mark)
    values, history = _sample_item_values()
    commitments = t.commitments
    return {
        "items": items.items_statement(mark),
        "item": items.item_statement(item_id),
        "fulfilling_meeting": items.fulfilling_meeting_statement(item_id),
        "item_history": items.item_history_statement(item_id),
        "item_links": items.item_links_statement(item_id),
        "possible_matches": items.possible_matches_statement(),
        "meetings": meeting_rows,
        "meeting_parties": meeting_parties,
        "meeting_participants": meeting_people,
        "could_fulfil": items.could_fulfil_statement(mark),
        "insert_item": insert(commitments)
        .values({name: bindparam(name, type_=commitments.c[name].type) for name in values})
        .returning(commitments.c.id),
        "insert_item_party": insert(t.commitment_parties).values(
            commitment_id=bindparam("commitment_id"), code=bindparam("code")
        ),
        "insert_history": insert(t.history).values(
            {name: bindparam(name, type_=t.history.c[name].type) for name in history}
        ),
    }


def _result_columns(statement: Any) -> tuple[tuple[str, str | None], ...]:
    """Each result column's name, and its kind when SQLite returns it as text to be turned into a value."""
    columns = []
    for column in getattr(statement, "selected_columns", ()):
        type_ = column.type
        columns.append(
            (
                column.key,
                "datetime"
                if isinstance(type_, DateTime)
                else "date"
                if isinstance(type_, Date)
                else "time"
                if isinstance(type_, Time)
                else None,
            )
        )
    return tuple(columns)


def render_all() -> dict[str, Any]:
    """The contents of `dbapi_sql.py`: statements and conditions per dialect, result kinds per statement."""
    every = statements()
    conditions: dict[str, dict[str, tuple[str, str]]] = {}
    rendered: dict[str, dict[str, str]] = {}
    for name, dialect in dialects().items():
        rendered[name] = {key: render(statement, dialect) for key, statement in every.items()}
        found = {
            f"items.{key}": _where(items.item_conditions(**filters)[0], dialect, t.commitments)
            for key, filters in item_filters().items()
        }
        found.update(
            {
                f"meetings.{key}": _where(meetings.meeting_conditions(**filters)[0], dialect, t.meetings)
                for key, filters in meeting_filters().items()
            }
        )
        found.update(
            {
                f"could_fulfil.{key}": _where(condition, dialect, t.meetings)
                for key, condition in could_fulfil_conditions().items()
            }
        )
        conditions[name] = found
    from tracker.storage.writers import _INGEST_LOCK_KEY

    rendered["postgresql"]["lock_for_ingest"] = f"SELECT pg_advisory_xact_lock({_INGEST_LOCK_KEY})"
    return {
        "SCHEMA_HEAD": SCHEMA_HEAD,
        "CONDITIONS_MARK": CONDITIONS_MARK,
        "PARTY_SLOTS": PARTY_SLOTS,
        "STATEMENTS": rendered,
        "CONDITIONS": conditions,
        "RESULT_COLUMNS": {key: _result_columns(statement) for key, statement in every.items()},
    }


_HEADER = '''"""The SQL of `tracker.speed.dbapi`, GENERATED from the Core statements of `tracker.storage` by
`python -m tracker.speed.dbapi_render`: do not edit. tests/speed/test_dbapi.py renders it
again and fails when it differs."""

# ruff: noqa: E501
'''


def main() -> None:
    """Write `dbapi_sql.py` afresh, formatted as `make lint` formats it."""
    contents = render_all()
    lines = [_HEADER]
    for name, value in contents.items():
        lines.append(f"{name} = {pprint.pformat(value, width=100, sort_dicts=False)}\n")
    TARGET.write_text("\n".join(lines))
    ruff = Path(sys.executable).with_name("ruff")
    subprocess.run([str(ruff), "format", "-q", str(TARGET)], check=True)


if __name__ == "__main__":
    main()
