"""The JSON the database writes for an item encodes each value as Python does, on every engine.

Both sides read the one declaration of an item's fields (COMMITMENT_RECORD_FIELDS); what
this checks is the encoding: dates, nulls, nested windows, sorted parties, quotes,
backslashes, control characters and text beyond ASCII, as SQLite and PostgreSQL write them.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tracker.domain.model import (
    Commitment,
    Evidence,
    Firmness,
    Kind,
    Meeting,
    Precision,
    ReviewState,
    Status,
    Window,
)
from tracker.exporters.records import commitment_record
from tracker.speed.json_text import join_json_objects, object_tail
from tracker.speed.sql_rows import fetch_item_records, select_item_records
from tracker.storage import models as m
from tracker.storage import repo
from tracker.storage.items import iter_items

AT = dt.datetime(2017, 1, 10, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2018, 1, 2)
DERIVED = ("state", "days_overdue")


def _store_items(session) -> None:
    document = repo.add_document(
        session,
        sha256="a" * 64,
        source='https://mfa.example/news/1?a=1&b="2"',
        text="...",
        title=None,
        published=dt.date(2016, 10, 6),
        at=AT,
    )
    agreed = repo.add_meeting(
        session,
        Meeting(
            kind=Kind.CONSULTATIONS,
            start=dt.date(2016, 10, 6),
            end=dt.date(2016, 10, 6),
            parties=["BY", "RS"],
        ),
        at=AT,
    )
    held = repo.add_meeting(
        session,
        Meeting(
            kind=Kind.CONSULTATIONS, start=dt.date(2017, 5, 3), end=dt.date(2017, 5, 3), parties=["BY", "RS"]
        ),
        at=AT,
    )
    year = Window(dt.date(2017, 1, 1), dt.date(2017, 12, 31), Precision.YEAR, "in 2017")
    fulfilled = repo.add_commitment(
        session,
        Commitment(
            kind=Kind.CONSULTATIONS,
            firmness=Firmness.IN_PRINCIPLE,
            window=year,
            title="Next round in Minsk",
            parties=["RS", "BY"],
            city="Minsk",
            made_on=dt.date(2016, 10, 6),
            review=ReviewState.CONFIRMED,
            evidence=Evidence("It was agreed in principle to hold the next round in Minsk in 2017.", 5, 70),
        ),
        at=AT,
        document_id=document.id,
        agreed_meeting_id=agreed.id,
    )
    fulfilled.status, fulfilled.fulfilled_meeting_id, fulfilled.fulfilled_on = (
        "fulfilled",
        held.id,
        dt.date(2017, 5, 3),
    )
    repo.add_commitment(
        session,
        Commitment(
            kind=Kind.VISIT,
            firmness=Firmness.INVITED,
            window=Window.open("at a convenient time"),
            title='Visit to Zürich, "soon" \\ à bientôt\nnext line\ttab',
            parties=[],
            city=None,
            country="CH",
            evidence=Evidence("Ministr přijal pozvání — 訪問 🙂", 0, 30),
        ),
        at=AT,
    )
    repo.add_commitment(
        session,
        Commitment(
            kind=Kind.TALKS,
            firmness=Firmness.PLANNED,
            window=Window(dt.date(2017, 12, 1), dt.date(2017, 12, 31), Precision.MONTH, "in December"),
            parties=["UA", "EU", "DE"],
            status=Status.RESCHEDULED,
            review=ReviewState.REJECTED,
        ),
        at=AT,
    )
    session.flush()


def test_records_written_by_the_database_equal_commitment_record(session):
    _store_items(session)
    items = {item.id: item for item in iter_items(session, active_only=False, include_rejected=True)}
    rows = session.connection().execute(select_item_records(session).order_by(m.Commitment.id)).all()
    assert [row.id for row in rows] == sorted(items) and len(rows) == 3
    for row in rows:
        expected = commitment_record(items[row.id], TODAY)
        stored = {key: value for key, value in expected.items() if key not in DERIVED}
        assert list(json.loads(row.record).items()) == list(stored.items())
        # The derived fields go after the stored ones: extended, the text is the whole record, in order.
        whole = join_json_objects(row.record, json.dumps({key: expected[key] for key in DERIVED}))
        assert list(json.loads(whole).items()) == list(expected.items())
        assert (row.window_end, row.review) == (items[row.id].window.end, str(items[row.id].review))


def test_join_json_objects():
    assert join_json_objects('{"a":1}', '{"b":null,"c":"2017-01-02"}') == '{"a":1,"b":null,"c":"2017-01-02"}'
    assert join_json_objects('{"a" : 1}', '{"b":true}') == '{"a" : 1,"b":true}'
    assert join_json_objects("{}", '{"b":"é"}') == '{"b":"é"}'
    assert join_json_objects('{"a":1}', "{}") == '{"a":1}'
    with pytest.raises(ValueError):
        join_json_objects("[1]", '{"b":1}')


def test_object_tail_adds_the_keys_in_place_of_the_closing_brace():
    for record in ('{"a":1}', '{"a" : 1, "w" : {"s" : null}}'):
        for fields in ('{"b":null,"c":"2017-01-02"}', "{}"):
            assert record[:-1] + object_tail(fields) == join_json_objects(record, fields)
    with pytest.raises(ValueError):
        object_tail("[1]")


def test_fetched_rows_carry_dates_on_every_engine(session):
    _store_items(session)
    rows = fetch_item_records(session, select_item_records(session).order_by(m.Commitment.id))
    assert [(start, end) for _id, start, end, _review, _record in rows] == [
        (dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
        (None, None),
        (dt.date(2017, 12, 1), dt.date(2017, 12, 31)),
    ]
    assert [review for _id, _start, _end, review, _record in rows] == ["confirmed", "unreviewed", "rejected"]
