"""The report's SQL states (storage.reporting.state_expression) agree with domain.status.derive_state (issue #16).

The weekly report counts items per state in the database; the reminders, item
lists and JSON records derive states in Python. Items of every status, around
every boundary of every state, get the same state both ways on every engine.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest
from sqlalchemy import event, insert, select, update

from tracker.domain.model import Commitment, Firmness, Kind, Precision, ReviewState, Status, Window
from tracker.domain.status import State, derive_state
from tracker.storage import models as m
from tracker.storage.reporting import (
    ItemScope,
    count_item_kinds,
    count_item_states,
    list_item_facts,
    list_items_fulfilled_between,
    list_items_in_state,
    list_items_made_between,
    list_nearest_dated,
    list_open_items_of,
    made_between,
)

TODAY = dt.date(2017, 3, 13)
AT = dt.datetime(2017, 1, 10, 12, 0, tzinfo=dt.UTC)


def _cases() -> list[tuple[Status, dt.date | None, dt.date | None, dt.date | None]]:
    """(status, window start, window end, fulfilled on) around every edge of every state."""
    ends = [TODAY + dt.timedelta(days=offset) for offset in (-400, -1, 0, 1, 6, 7, 8, 26, 27, 28, 29, 365)]
    windows: list[tuple[dt.date | None, dt.date | None]] = [(None, None)]
    windows += [(end - dt.timedelta(days=30), end) for end in ends] + [(end, end) for end in ends[:4]]
    cases = []
    for status, (start, end) in itertools.product(Status, windows):
        days = (
            [None, TODAY]
            if end is None
            else [None, end - dt.timedelta(days=1), end, end + dt.timedelta(days=1)]
        )
        cases += [(status, start, end, day) for day in days]
    return cases


def _store(session, cases) -> list[int]:
    rows = []
    for number, (status, start, end, fulfilled_on) in enumerate(cases, 1):
        rows.append(
            {
                "id": number,
                "uid": f"state-{number}@test",
                "kind": "consultations",
                "title": f"Case {number}",
                "firmness": "agreed",
                "window_start": start,
                "window_end": end,
                "window_precision": "open" if end is None else "days",
                "window_text": "",
                "status": str(status),
                "review": "confirmed",
                "made_on": TODAY - dt.timedelta(days=number % 40),
                "fulfilled_on": fulfilled_on,
                "sequence": 0,
                "created_at": AT,
                "updated_at": AT,
            }
        )
    session.execute(insert(m.Commitment), rows)
    session.execute(
        insert(m.CommitmentParty),
        [
            {"commitment_id": row["id"], "code": code}
            for row in rows
            for code in ("RS", "BY" if row["id"] % 2 else "HU")
        ],
    )
    session.flush()
    return [row["id"] for row in rows]


def _python_state(status, start, end, fulfilled_on, today, due_soon_days) -> State:
    window = Window.open() if end is None else Window(start, end, Precision.DAYS)
    item = Commitment(
        kind=Kind.CONSULTATIONS,
        firmness=Firmness.AGREED,
        window=window,
        status=status,
        review=ReviewState.CONFIRMED,
        fulfilled_on=fulfilled_on,
    )
    return derive_state(item, today, due_soon_days)


@pytest.mark.parametrize("due_soon_days", [27, 7, 0])
def test_sql_states_are_the_domain_states(session, due_soon_days):
    cases = _cases()
    ids = _store(session, cases)
    scope = ItemScope(TODAY, due_soon_days)
    query = select(m.Commitment.id, scope.state()).where(m.Commitment.id.in_(ids))
    in_sql = dict(session.execute(query).all())
    in_python = {
        i: str(_python_state(*case, TODAY, due_soon_days)) for i, case in zip(ids, cases, strict=True)
    }
    assert in_sql == in_python
    assert set(in_python.values()) == set(State), "every state is covered"
    facts = {fact.id: fact for fact in list_item_facts(session, scope)}
    assert {i: str(fact.state) for i, fact in facts.items()} == in_python
    counted = count_item_states(session, scope)
    assert sum(counted.values()) == len(cases)
    for state in State:
        assert sum(n for (_set, s), n in counted.items() if s is state) == list(in_python.values()).count(
            state
        )
    assert {parties for parties, _state in counted} == {("BY", "RS"), ("HU", "RS")}


def test_made_between_falls_back_on_the_day_an_item_was_stored(session):
    _store(session, [(Status.OPEN, None, None, None)] * 3)
    session.execute(m.Commitment.__table__.update().where(m.Commitment.id == 2).values(made_on=None))
    scope = ItemScope(TODAY, 27)
    week = [f.id for f in list_item_facts(session, scope, where=[made_between(AT.date(), AT.date())])]
    assert week == [2]
    later = [
        f.id for f in list_item_facts(session, scope, where=[made_between(TODAY - dt.timedelta(days=1))])
    ]
    assert later == [1]
    assert [f.made_on for f in list_item_facts(session, scope, where=[m.Commitment.id == 2])] == [AT.date()]


@pytest.mark.parametrize("batch", [3, 500])
def test_open_items_of_each_party_are_its_first_active_items(session, batch):
    """Issue #16: one ordered read, stopped once every party has its items, gives each party's first ones."""
    cases = _cases()
    ids = _store(session, cases)
    scope = ItemScope(TODAY, 27)
    facts = list_item_facts(session, scope, where=[m.Commitment.id.in_(ids)])
    active = sorted(
        (f for f in facts if f.status in ("open", "rescheduled")),
        key=lambda f: (f.window_end is None, f.window_end or dt.date.min, f.id),
    )
    for wanted in ({"RS": 2, "BY": 2, "HU": 2}, {"HU": 5}, {"BY": 1000}, {"RS": 0}):
        expected = {code: [f.id for f in active if code in f.parties] for code in wanted}
        wanted = {code: min(number, len(expected[code])) for code, number in wanted.items()}
        found = list_open_items_of(session, scope, wanted, batch=batch)
        assert {code: [f.id for f in listed] for code, listed in found.items()} == {
            code: expected[code][:number] for code, number in wanted.items()
        }


@pytest.mark.parametrize("due_soon_days", [27, 0])
def test_items_in_a_dated_state_come_soonest_end_first(session, due_soon_days):
    """Issue #16: due soon, overdue and upcoming are read a status at a time through the (status, end) index
    and merged; they are the items in that state, soonest window end first, then by id."""
    _store(session, _cases())
    scope = ItemScope(TODAY, due_soon_days)
    facts = list_item_facts(session, scope)
    for state in (State.OVERDUE, State.DUE_SOON, State.UPCOMING):
        expected = [
            f.id for f in sorted(facts, key=lambda f: (f.window_end or dt.date.min, f.id)) if f.state is state
        ]
        assert len(expected) > 3
        for limit in (None, 1, 3, len(expected) + 1):
            listed = list_items_in_state(session, scope, state, limit=limit)
            assert [f.id for f in listed] == expected[:limit]
    with pytest.raises(ValueError):
        list_items_in_state(session, scope, State.OPEN_ENDED, limit=3)


@pytest.mark.parametrize("opened_by_days", [0, 30, 400])
def test_nearest_dated_items_are_the_active_ones_ending_nearest_the_day(session, opened_by_days):
    _store(session, _cases())
    scope = ItemScope(TODAY, 27)
    opened_by = TODAY + dt.timedelta(days=opened_by_days)
    dated = [
        f
        for f in list_item_facts(session, scope)
        if f.status in ("open", "rescheduled")
        and f.window_start is not None
        and f.window_end is not None
        and f.window_start <= opened_by
    ]
    nearest = [f.id for f in sorted(dated, key=lambda f: (abs((f.window_end - TODAY).days), f.id))]
    for limit in (1, 5, len(nearest) + 1):
        found, total = list_nearest_dated(session, scope, opened_by=opened_by, limit=limit)
        assert sorted(f.id for f in found) == sorted(nearest[:limit])
        assert total == len(nearest)


def test_item_kinds_are_counted_with_their_party_set_and_state(session):
    ids = _store(session, _cases())
    kinds = ["consultations", "visit", "talks"]
    for item_id in ids:
        session.execute(
            update(m.Commitment).where(m.Commitment.id == item_id).values(kind=kinds[item_id % 3])
        )
    scope = ItemScope(TODAY, 27)
    by_kind = count_item_kinds(session, scope)
    facts = {f.id: f for f in list_item_facts(session, scope)}
    assert by_kind == Counter((facts[i].parties, kinds[i % 3], facts[i].state) for i in ids)
    summed: Counter = Counter()
    for (parties, _kind, state), number in by_kind.items():
        summed[(parties, state)] += number
    assert summed == count_item_states(session, scope)


def _query_plans(session, read) -> list[str]:
    """SQLite's plan of each statement that `read()` runs, its steps joined by " / "."""
    connection = session.connection()
    statements = []

    def remember(_conn, _cursor, statement, parameters, _context, _executemany):
        statements.append((statement, parameters))

    event.listen(connection, "before_cursor_execute", remember)
    try:
        read()
    finally:
        event.remove(connection, "before_cursor_execute", remember)
    raw = connection.connection.driver_connection
    return [" / ".join(row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + s, p)) for s, p in statements]


def test_the_reports_reads_of_a_week_and_of_a_state_go_through_their_indexes(session):
    """Issue #16 (docs/performance.md): made and fulfilled in the week read the week's rows; due soon and
    overdue read each active status in window end order and stop at their LIMIT, with no sort."""
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("SQLite's query plans")
    _store(session, _cases())
    scope = ItemScope(TODAY, 27)
    week = (TODAY - dt.timedelta(days=7), TODAY)
    made = _query_plans(session, lambda: list_items_made_between(session, scope, *week))
    assert "ix_commitments_made_on" in made[0] and "SCAN commitments" not in made[0]
    fulfilled = _query_plans(session, lambda: list_items_fulfilled_between(session, scope, *week))
    assert "ix_commitments_status_fulfilled_on" in fulfilled[0]
    for state in (State.OVERDUE, State.DUE_SOON):
        plans = _query_plans(session, lambda state=state: list_items_in_state(session, scope, state, limit=3))
        ordered = [plan for plan in plans if "ix_commitments_status_window_end" in plan]
        assert len(ordered) == 2 and not any("TEMP B-TREE" in plan for plan in ordered), plans
