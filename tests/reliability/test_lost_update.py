"""A hand edit racing the matching of an ingest never loses either change (issue #17, point 1).

Each round forces the race deterministically: one session changes the item and
keeps its transaction open (on PostgreSQL it holds the row, on SQLite the write
lock), a second one runs the matching an ingest runs (`match_fulfilments`, via
`add_meeting`) in a thread; once that thread waits for the lock, the first
session commits. Whatever the order, the item must end in a state one of the
two serial orders would give: never fulfilled outside the window it has, never
with one SEQUENCE increment lost.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from tracker.domain.model import Commitment, Firmness, Kind, Meeting, Precision, ReviewState, Window
from tracker.errors import ConflictError
from tracker.services import fulfilment, tracking
from tracker.storage import repo
from tracker.storage.db import make_engine, session_scope, upgrade

ROUNDS = 20
AT = dt.datetime(2017, 6, 1, 12, 0, tzinfo=dt.UTC)
HELD = dt.date(2017, 5, 12)
SECOND_HALF = Window(dt.date(2017, 7, 1), dt.date(2017, 12, 31), Precision.HALF, "second half of 2017")


@pytest.fixture
def engines(make_db_url, engine_name):
    """Two engines on one database at head: the editor's and the ingest's (separate connections)."""
    url = make_db_url(engine_name)
    editor, ingest = make_engine(url), make_engine(url)
    upgrade(editor)
    yield editor, ingest
    editor.dispose()
    ingest.dispose()


def _add_item(engine, city: str) -> int:
    item = Commitment(
        kind=Kind.CONSULTATIONS,
        firmness=Firmness.AGREED,
        window=Window(dt.date(2017, 1, 1), dt.date(2017, 12, 31), Precision.YEAR, "in 2017"),
        parties=["BY", "RS"],
        city=city,
        made_on=dt.date(2016, 10, 6),
        title="Next round",
        review=ReviewState.CONFIRMED,
    )
    with session_scope(engine) as session:
        return tracking.add_item(session, item, at=AT).id


def _meeting(city: str) -> Meeting:
    return Meeting(
        kind=Kind.CONSULTATIONS,
        start=HELD,
        end=HELD,
        city=city,
        parties=["BY", "RS"],
        review=ReviewState.CONFIRMED,
    )


def _waiting_for_a_lock(engine, worker: threading.Thread) -> None:
    """Return once `worker` waits for the lock the open session holds (or has finished without waiting)."""
    if engine.dialect.name != "postgresql":
        # SQLite: the worker's BEGIN IMMEDIATE waits in the driver; a few ms let it get there.
        time.sleep(0.005)
        return
    with engine.connect() as probe:
        for _ in range(5000):
            if not worker.is_alive():
                return
            if probe.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted")).scalar():
                return
            probe.rollback()
            time.sleep(0.002)
    raise AssertionError("the racing session neither waited for the lock nor finished")


def _race(holder: Session, engine, work) -> list[BaseException]:
    """Run `work(session)` in a thread while `holder` keeps its transaction open, then commit `holder`."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with session_scope(engine) as session:
                work(session)
        except BaseException as err:  # handed to the test
            errors.append(err)

    worker = threading.Thread(target=run)
    worker.start()
    _waiting_for_a_lock(holder.get_bind(), worker)
    holder.commit()
    worker.join(timeout=60)
    assert not worker.is_alive()
    return errors


def _state(engine, item_id: int):
    with session_scope(engine, read_only=True) as session:
        row = repo.get_commitment(session, item_id)
        history = [
            (h.field, h.old_value, h.new_value) for h in repo.list_history(session, "commitment", item_id)
        ]
        links = [(link.state, link.reason) for link in fulfilment.list_links(session, commitment_id=item_id)]
        return row, history, links


def test_reschedule_then_matching_decides_on_the_new_window(engines):
    """The issue's race: the reschedule holds the item; the ingest's matching must see its new window."""
    editor, ingest = engines
    for round_ in range(ROUNDS):
        city = f"Minsk-{round_}"
        item_id = _add_item(editor, city)
        with Session(editor, expire_on_commit=False) as holder:
            tracking.reschedule_item(holder, item_id, SECOND_HALF, at=AT)
            holder.flush()
            errors = _race(
                holder, ingest, lambda s, city=city: tracking.add_meeting(s, _meeting(city), at=AT)
            )
        assert errors == []
        row, history, links = _state(editor, item_id)
        # Held before the new window opened: proposed for review, not fulfilled.
        assert (row.status, row.fulfilled_meeting_id, row.window_start) == (
            "rescheduled",
            None,
            SECOND_HALF.start,
        )
        assert ("status", "open", "fulfilled") not in history
        assert [state for state, _ in links] == ["proposed"]
        assert "2017-07-01" in links[0][1]  # the reason quotes the window the decision was made on
        assert row.sequence == 1


def test_matching_then_reschedule_refuses_a_fulfilled_item(engines):
    """The other order: the ingest has fulfilled the item and not committed yet; the reschedule must see it."""
    editor, ingest = engines
    for round_ in range(ROUNDS):
        city = f"Minsk-{round_}"
        item_id = _add_item(editor, city)
        with Session(ingest, expire_on_commit=False) as holder:
            tracking.add_meeting(holder, _meeting(city), at=AT)
            holder.flush()
            errors = _race(
                holder,
                editor,
                lambda s, item_id=item_id: tracking.reschedule_item(s, item_id, SECOND_HALF, at=AT),
            )
        assert len(errors) == 1 and isinstance(errors[0], ConflictError), errors
        row, history, _ = _state(editor, item_id)
        assert (row.status, row.window_start, row.fulfilled_on) == ("fulfilled", dt.date(2017, 1, 1), HELD)
        assert ("status", "open", "rescheduled") not in history
        assert row.sequence == 1


def test_edit_racing_matching_keeps_every_sequence_increment(engines):
    """`items edit` holds the item while the ingest's matching fulfils it: both changes bump SEQUENCE."""
    editor, ingest = engines
    for round_ in range(ROUNDS):
        city = f"Minsk-{round_}"
        item_id = _add_item(editor, city)
        with Session(editor, expire_on_commit=False) as holder:
            tracking.edit_item(holder, item_id, {"title": "Next round, corrected"}, at=AT)
            holder.flush()
            errors = _race(
                holder, ingest, lambda s, city=city: tracking.add_meeting(s, _meeting(city), at=AT)
            )
        assert errors == []
        row, _, _ = _state(editor, item_id)
        assert (row.status, row.title) == ("fulfilled", "Next round, corrected")
        assert row.sequence == 2
