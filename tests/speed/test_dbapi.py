"""The driver's own path of the everyday commands (tracker/speed/dbapi.py, issue #16) equals the Core path.

Its SQL is rendered once from storage's Core statements into tracker/speed/dbapi_sql.py: the first
tests render it again and compose every combination of filters as Core writes it; the others run
both paths on the same database, on both engines, and compare what they read and store.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3

import pytest
from minsk import minsk_item, minsk_meeting
from sqlalchemy import Date, bindparam
from sqlalchemy.engine import make_url

from tracker.domain.model import Commitment, Kind, Meeting, Participant, ReviewState, Window
from tracker.services import adding, tracking
from tracker.speed import dbapi, dbapi_render, dbapi_sql
from tracker.storage import items, meetings
from tracker.storage.db import connection_scope
from tracker.storage.opening import SCHEMA_HEAD, parse_database_url

AT = dt.datetime(2017, 1, 10, 12, 0, 5, 123456, tzinfo=dt.UTC)
D = dt.date


def test_the_generated_module_is_what_the_core_statements_render():
    # Stale after a change to tables.py or to a statement: run `python -m tracker.speed.dbapi_render`.
    rendered = dbapi_render.render_all()
    assert {name: getattr(dbapi_sql, name) for name in rendered} == rendered
    assert dbapi_sql.SCHEMA_HEAD == SCHEMA_HEAD


def _subsets(names):
    return itertools.chain.from_iterable(
        itertools.combinations(names, size) for size in range(len(names) + 1)
    )


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_every_combination_of_conditions_composes_to_what_core_renders(dialect):
    compiler = dbapi_render.dialects()[dialect]
    database = dbapi.Database(None, dialect)
    item_filters = dbapi_render.item_filters()
    for chosen in _subsets(list(item_filters)):
        filters = {"active_only": "active_only" in chosen, "include_rejected": "not_rejected" not in chosen}
        for name in chosen:
            filters.update({k: v for k, v in item_filters[name].items() if k not in filters})
        expected = dbapi_render.render(items.items_statement(items.item_conditions(**filters)), compiler)
        assert database.sql("items", [f"items.{name}" for name in chosen]) == expected, chosen
    meeting_filters = dbapi_render.meeting_filters()
    for chosen in _subsets(list(meeting_filters)):
        filters = {"include_rejected": "not_rejected" not in chosen}
        for name in chosen:
            filters.update({k: v for k, v in meeting_filters[name].items() if k != "include_rejected"})
        statements = meetings.meeting_statements(meetings.meeting_conditions(**filters))
        names = [f"meetings.{name}" for name in chosen]
        for key, statement in zip(("meetings", "meeting_parties", "meeting_participants"), statements):
            assert database.sql(key, names) == dbapi_render.render(statement, compiler), (key, chosen)
    for since in (None, bindparam("since", type_=Date)):
        for count in range(dbapi_render.PARTY_SLOTS + 1):
            codes = [bindparam(f"code_{slot}") for slot in range(count)]
            statement = items.could_fulfil_statement(items.could_fulfil_conditions(codes, since))
            names = ["could_fulfil.not_rejected", *(["could_fulfil.since"] if since is not None else [])]
            names += [f"could_fulfil.party_{slot}" for slot in range(count)]
            assert database.sql("could_fulfil", names) == dbapi_render.render(statement, compiler)


URLS = [
    "sqlite:////tmp/desk.db",
    "sqlite:////tmp/a%20folder/desk.db",
    "sqlite:///relative.db",
    "postgresql+psycopg://postgres@127.0.0.1:5432/test",
    "postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3Dt_0123",
    "postgresql+psycopg://us%40er:p%3Ass%2Fw@db.example/desk?sslmode=require&application_name=tracker",
    "postgresql+psycopg://user:@host/db",
    "postgresql+psycopg://:secret@host/db",
    "postgresql+psycopg://host",
    "postgresql+psycopg:///db?host=/run/postgresql",
    "postgresql+psycopg://user@host:6543/",
    "postgresql://user@host/db?a=1+2&b=%2B&blank=",
]
# Left to make_url (None): IPv6 hosts, several hosts, a key given twice, other databases, a bad port.
NOT_READ = [
    "postgresql+psycopg://user@[::1]:5432/db",
    "postgresql+psycopg://user@h1,h2/db",
    "postgresql+psycopg://host/db?options=a&options=b",
    "mysql://user@host/db",
    "postgresql+psycopg://host:port/db",
    "not a url",
]


@pytest.mark.parametrize("url", URLS)
def test_urls_are_read_as_sqlalchemy_reads_them(url):
    ours, theirs = parse_database_url(url), make_url(url)
    assert ours is not None
    assert (ours.drivername, ours.username, ours.password, ours.host, ours.port, ours.database) == (
        theirs.drivername,
        theirs.username,
        theirs.password,
        theirs.host,
        theirs.port,
        theirs.database,
    )
    assert ours.query == dict(theirs.query)
    if ours.dialect == "postgresql":
        from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

        _args, arguments = PGDialect_psycopg().create_connect_args(theirs)
        assert ours.connect_arguments() == arguments


@pytest.mark.parametrize("url", NOT_READ)
def test_unusual_urls_are_left_to_sqlalchemy(url):
    assert parse_database_url(url) is None


def _item(**changes) -> Commitment:
    return minsk_item(**{"title": "Next round \u201cquoted\u201d", **changes})


def _meeting(start: dt.date, **changes) -> Meeting:
    values = {
        "participants": [
            Participant("A. Person", "deputy minister", "BY"),
            Participant("B. Person", None, None),
        ],
        "start_time": dt.time(10, 30),
        "timezone": "Europe/Minsk",
    }
    return minsk_meeting(start, **{**values, **changes})


def _fill(engine) -> tuple[int, int]:
    """A few meetings and items of every sort; (a meeting's id, an item's id with history and links)."""
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        held = tracking.add_meeting(session, _meeting(D(2017, 5, 15)), at=AT).id
        tracking.add_meeting(session, _meeting(D(2017, 6, 1), parties=["HU"], participants=[]), at=AT)
        tracking.add_meeting(
            session, _meeting(D(2016, 7, 1), review=ReviewState.REJECTED), at=AT, match=False
        )
        fulfilled = tracking.add_item(session, _item(), at=AT).id
        tracking.add_item(session, _item(title="Open-ended", window=Window.open(), parties=["HU"]), at=AT)
        tracking.add_item(
            session,
            _item(title="Overdue", window=Window(D(2016, 1, 1), D(2016, 2, 1), "month", "y"), parties=["RU"]),
            at=AT,
        )
        tracking.add_item(session, _item(title="Rejected", review=ReviewState.REJECTED, parties=[]), at=AT)
        tracking.add_item(session, _item(title="Visit", kind=Kind.VISIT, window=Window.open()), at=AT)
        session.commit()
    return held, fulfilled


def test_the_driver_reads_what_core_reads(engine, db_url):
    held, item_id = _fill(engine)
    today = D(2017, 6, 1)
    item_filters = [
        {},
        {"include_rejected": True, "active_only": False},
        {"overdue_on": today, "active_only": True},
        {"party": "ru", "active_only": False},
        {"status": "fulfilled", "active_only": False},
        {"kind": "visit", "active_only": False, "include_rejected": True},
        {"status": "open", "party": "HU", "kind": "consultations"},
        {"status": "open", "party": "RU", "kind": "consultations", "overdue_on": D(2030, 1, 1)},
    ]
    meeting_filters = [
        {},
        {"include_rejected": False},
        {"party": "hu"},
        {"kind": "consultations", "party": "by"},
        {"since": D(2017, 5, 15), "until": D(2017, 5, 31), "include_rejected": False},
        {"meeting_id": held},
    ]
    with connection_scope(engine, read_only=True) as connection:
        expected = (
            [items.list_items(connection, **filters) for filters in item_filters],
            [meetings.list_meetings(connection, **filters) for filters in meeting_filters],
            items.get_item(connection, item_id),
            [tuple(row) for row in items.list_item_history(connection, item_id)],
            [tuple(row) for row in items.list_item_links(connection, item_id)],
            items.get_fulfilling_meeting_id(connection, item_id),
            items.list_possible_matches(connection),
            meetings.get_meeting(connection, held),
        )
    with dbapi.transaction(db_url, read_only=True) as database:
        assert database is not None
        read = (
            [list(dbapi.iter_items(database, **filters)) for filters in item_filters],
            [dbapi.list_meetings(database, **filters) for filters in meeting_filters],
            dbapi.get_item(database, item_id),
            [tuple(row) for row in dbapi.list_item_history(database, item_id)],
            [tuple(row) for row in dbapi.list_item_links(database, item_id)],
            dbapi.get_fulfilling_meeting_id(database, item_id),
            dbapi.list_possible_matches(database),
            dbapi.get_meeting(database, held),
        )
        for missing in (0, 999, 10**12):
            with pytest.raises(Exception, match="no item with id"):
                dbapi.get_item(database, missing)
            with pytest.raises(Exception, match="no meeting with id"):
                dbapi.get_meeting(database, missing)
    assert read == expected
    assert all(expected[0]) and all(expected[1]) and expected[3] and expected[4], [
        len(f) for f in expected[1]
    ]


def _stored_rows(engine, item_id: int) -> tuple:
    """The item's rows as stored (raw: SQLite's text as written), its id and UID aside."""
    from sqlalchemy import text

    with engine.connect() as connection:
        item = (
            connection.execute(text("SELECT * FROM commitments WHERE id = :id"), {"id": item_id})
            .mappings()
            .one()
        )
        uid = item["uid"]
        parties = connection.execute(
            text("SELECT code FROM commitment_parties WHERE commitment_id = :id ORDER BY code"),
            {"id": item_id},
        ).all()
        history = connection.execute(
            text(
                "SELECT entity, field, old_value, new_value, changed_at, reason FROM history WHERE entity = 'commitment' AND entity_id = :id"
            ),
            {"id": item_id},
        ).all()
        raw_instant = None
        if engine.dialect.name == "sqlite":
            raw_instant = connection.exec_driver_sql(
                f"SELECT created_at, updated_at, window_end FROM commitments WHERE id = {item_id}"
            ).one()
    row = {k: v for k, v in item.items() if k not in ("id", "uid")}
    history = [tuple("UID" if value == uid else value for value in entry) for entry in history]
    return row, [tuple(p) for p in parties], history, raw_instant and tuple(raw_instant)


@pytest.mark.parametrize("held", [None, D(2016, 1, 5)], ids=["no-meeting", "meeting-before"])
def test_the_driver_stores_an_item_as_core_stores_it(engine, db_url, held):
    from sqlalchemy.orm import Session

    if held is not None:
        with Session(engine) as session:
            tracking.add_meeting(session, _meeting(held), at=AT)
            session.commit()
    with connection_scope(engine) as connection:
        by_core = adding.add_item(connection, _item(), at=AT)
    with dbapi.transaction(db_url, read_only=False) as database:
        assert database is not None
        by_driver = dbapi.add_item(database, _item(), at=AT)
    assert by_driver is not None and by_driver != by_core
    assert _stored_rows(engine, by_driver) == _stored_rows(engine, by_core)


@pytest.mark.parametrize(
    "item",
    [
        _item(),  # the meeting of 2017-05-15 holds BY and RS, after the day the item was made
        _item(parties=["BY"], city=None, kind=Kind.VISIT, made_on=None),
        _item(parties=[f"P{n}" for n in range(dbapi_render.PARTY_SLOTS + 1)]),  # more parties than rendered
    ],
    ids=["could-fulfil", "could-fulfil-any-kind", "many-parties"],
)
def test_the_driver_writes_nothing_when_matching_has_work(engine, db_url, item):
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        tracking.add_meeting(session, _meeting(D(2017, 5, 15)), at=AT)
        session.commit()
    with dbapi.transaction(db_url, read_only=False) as database:
        assert database is not None
        assert dbapi.add_item(database, item, at=AT) is None
    with connection_scope(engine, read_only=True) as connection:
        assert items.list_items(connection, include_rejected=True, active_only=False) == []


def test_the_driver_does_not_serve_what_core_must_refuse_create_or_upgrade(tmp_path, db_url):
    missing = tmp_path / "missing.db"
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER)")
    older = tmp_path / "older.db"
    with sqlite3.connect(older) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('0001_initial')")
    empty = tmp_path / "empty.db"
    empty.touch()
    for file in (missing, foreign, older, empty):
        for read_only in (True, False):
            with dbapi.transaction(f"sqlite:///{file}", read_only=read_only) as database:
                assert database is None, (file, read_only)
    assert not missing.exists()
    for url in (
        f"sqlite:///{tmp_path}/x.db?mode=ro",
        "sqlite://",
        "postgresql+psycopg://nobody@127.0.0.1:1/none",
    ):
        with dbapi.transaction(url, read_only=True) as database:
            assert database is None, url
    with dbapi.transaction(db_url, read_only=True) as database:
        assert database is not None
