"""The Core read and write paths of `items list/show/add` and `meetings list/show` (issue #16).

They skip SQLAlchemy's ORM for start-up's sake; these tests hold them to what the
ORM paths store and return, on both engines.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from minsk import minsk_item, minsk_meeting

from tracker.domain.model import Kind, ReviewState, Window
from tracker.services import adding, tracking
from tracker.storage import items, meetings, repo
from tracker.storage.db import connection_scope

AT = dt.datetime(2017, 1, 10, 12, 0, tzinfo=dt.UTC)
D = dt.date


def _stored(session, item_id: int) -> tuple:
    """What an item's rows hold, its id, UID, instants and link numbers aside."""
    from tracker.services.fulfilment import list_links

    row = repo.get_commitment(session, item_id)
    item = repo.commitment_to_domain(row)
    history = [
        (
            h.field,
            h.old_value,
            "UID" if h.new_value == row.uid else h.new_value,
            re.sub(r"#\d+\)", "#N)", h.reason),
        )
        for h in repo.list_history(session, "commitment", item_id)
    ]
    links = [
        (link.meeting_id, link.state, link.reason) for link in list_links(session, commitment_id=item_id)
    ]
    return (
        item.kind,
        item.firmness,
        item.window,
        item.title,
        item.parties,
        item.city,
        item.status,
        item.review,
        item.made_on,
        item.fulfilled_on,
        row.fulfilled_meeting_id,
        row.sequence,
        history,
        links,
    )


@pytest.mark.parametrize(
    "held", [None, D(2017, 5, 15), D(2016, 1, 5)], ids=["no-meeting", "fulfils", "before"]
)
def test_adding_with_core_stores_what_the_orm_path_stores(engine, held):
    from sqlalchemy.orm import Session

    if held is not None:
        with Session(engine) as session:
            tracking.add_meeting(session, minsk_meeting(held), at=AT)
            session.commit()
    with Session(engine) as session:
        by_orm = tracking.add_item(session, minsk_item(), at=AT).id
        session.commit()
    with connection_scope(engine) as connection:
        by_core = adding.add_item(connection, minsk_item(), at=AT)
    with Session(engine) as session:
        assert _stored(session, by_core) == _stored(session, by_orm)
        assert repo.get_commitment(session, by_core).uid != repo.get_commitment(session, by_orm).uid
        fulfilled = repo.get_commitment(session, by_core).status == "fulfilled"
    assert fulfilled is (held == D(2017, 5, 15))


def test_a_meeting_that_could_fulfil_an_item_is_always_seen(engine):
    # `any_meeting_could_fulfil` decides whether `items add` runs matching at all: it may say yes
    # too often (it leaves kind and city out), never no when matching has a candidate.
    from sqlalchemy.orm import Session

    from tracker.services.fulfilment import _meeting_kinds_for
    from tracker.storage import matching

    stored = [
        minsk_meeting(D(2017, 5, 15)),
        minsk_meeting(D(2017, 2, 1), parties=["BY", "RS", "HU"], city="Belgrade"),
        minsk_meeting(D(2016, 3, 1), parties=["BY"], kind=Kind.VISIT),
        minsk_meeting(D(2018, 1, 1), parties=["RU", "BY"], review=ReviewState.REJECTED),
    ]
    with Session(engine) as session:
        for meeting in stored:
            tracking.add_meeting(session, meeting, at=AT, match=False)
        session.flush()
        for parties in ([], ["BY"], ["RS", "BY"], ["HU"], ["RU"], ["CN"], ["BY", "RU"]):
            for since in (None, D(2016, 1, 1), D(2017, 3, 1), D(2018, 6, 1)):
                for kind in (Kind.CONSULTATIONS, Kind.VISIT):
                    for city in (None, "Minsk", "Belgrade"):
                        candidates = matching.list_meeting_candidates(
                            session, kinds=_meeting_kinds_for(kind), parties=parties, city=city, since=since
                        )
                        could = items.any_meeting_could_fulfil(session, parties=parties, since=since)
                        assert could or not candidates, (parties, since, kind, city)


def test_core_readers_return_what_the_orm_readers_return(engine):
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        held = tracking.add_meeting(session, minsk_meeting(D(2017, 5, 15)), at=AT).id
        tracking.add_meeting(session, minsk_meeting(D(2017, 6, 1), parties=["HU"], participants=[]), at=AT)
        tracking.add_meeting(
            session, minsk_meeting(D(2017, 7, 1), review=ReviewState.REJECTED), at=AT, match=False
        )
        item_id = tracking.add_item(session, minsk_item(), at=AT).id
        session.commit()
        by_orm_meetings = [repo.meeting_to_domain(row) for row in repo.list_meetings(session)]
        by_orm_item = repo.commitment_to_domain(repo.get_commitment(session, item_id))
        history = [
            (h.changed_at, h.field, h.old_value, h.new_value, h.reason)
            for h in repo.list_history(session, "commitment", item_id)
        ]
    with connection_scope(engine, read_only=True) as connection:
        assert meetings.list_meetings(connection) == by_orm_meetings
        assert meetings.list_meetings(connection, party="hu") == by_orm_meetings[1:2]
        assert meetings.list_meetings(connection, include_rejected=False) == by_orm_meetings[:2]
        assert meetings.get_meeting(connection, held) == by_orm_meetings[0]
        assert items.get_item(connection, item_id) == by_orm_item
        assert [tuple(row) for row in items.list_item_history(connection, item_id)] == history
        assert [row.meeting_id for row in items.list_item_links(connection, item_id)] == [held]
        assert items.get_fulfilling_meeting_id(connection, item_id) == held


def test_items_list_json_written_by_the_database_equals_the_records_built_in_python(engine, db_url, cli):
    # `items list --json` joins the database's JSON text of each item to the fields derived on the
    # day (tracker/speed/sql_rows.py iter_item_records); the text list builds the same records in Python.
    from sqlalchemy.orm import Session

    from tracker.exporters.records import commitment_record

    today = D(2017, 6, 1)
    with Session(engine) as session:
        held = tracking.add_meeting(session, minsk_meeting(D(2018, 2, 1)), at=AT)
        tracking.add_item(session, minsk_item(), at=AT)  # fulfilled late by the meeting of 2018
        tracking.add_item(
            session, minsk_item(title="Open-ended", window=Window.open(), parties=["HU"]), at=AT
        )
        tracking.add_item(
            session,
            minsk_item(title="Due soon", window=Window(D(2017, 6, 1), D(2017, 6, 10), "day", "x")),
            at=AT,
        )
        tracking.add_item(
            session,
            minsk_item(
                title="Overdue \u201cquoted\u201d",
                window=Window(D(2016, 1, 1), D(2016, 2, 1), "month", "y"),
                parties=["RU"],
            ),
            at=AT,
        )
        rejected = tracking.add_item(
            session, minsk_item(title="Rejected", review=ReviewState.REJECTED, parties=[]), at=AT
        )
        session.commit()
        assert repo.get_commitment(session, rejected.id).review == "rejected" and held.id
    for options in (
        [],
        ["--all"],
        ["--overdue"],
        ["--party", "RU"],
        ["--status", "fulfilled"],
        ["--kind", "visit"],
    ):
        filters = {
            "all": {"include_rejected": True},
            "overdue": {"overdue_on": today, "active_only": True},
        }
        expected_filters = {"active_only": False, "include_rejected": False}
        if options:
            name = options[0].lstrip("-")
            expected_filters.update(filters.get(name, {}))
            if name in ("party", "status", "kind"):
                expected_filters[name] = options[1]
        with connection_scope(engine, read_only=True) as connection:
            expected = [
                commitment_record(item, today) for item in items.iter_items(connection, **expected_filters)
            ]
        shown = cli("items", "list", "--json", *options, today="2017-06-01")
        assert shown.exit_code == 0, shown.stderr
        assert json.loads(shown.stdout) == expected, options
        assert [list(record) for record in json.loads(shown.stdout)] == [list(record) for record in expected]
