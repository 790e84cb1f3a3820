"""Concurrent ingests on PostgreSQL take turns, so a meeting still finds the item it fulfils."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy.orm import Session

from tracker.extraction import TextDocument
from tracker.services.ingest import ingest_document
from tracker.storage import repo
from tracker.storage.db import make_engine, upgrade

AT = dt.datetime(2017, 6, 1, 9, tzinfo=dt.UTC)
MEETING_TEXT = (
    "On 15 May 2017, regular political consultations between the Ministry of Foreign Affairs of the "
    "Republic of Serbia and the Ministry of Foreign Affairs of the Republic of Belarus were held in Minsk."
)


@pytest.mark.postgres
def test_meeting_ingested_while_item_uncommitted_still_fulfils_it(make_db_url, seed_path):
    url = make_db_url("postgres")
    engine = make_engine(url)
    upgrade(engine)
    seed = next(seed_path.glob("*.txt"))
    item_doc = TextDocument(seed.read_text(encoding="utf-8"), str(seed))
    meeting_doc = TextDocument(MEETING_TEXT, "minsk-2017.txt", published=dt.date(2017, 5, 15))

    first = Session(engine)
    ingest_document(first, item_doc, at=AT)  # holds the ingest lock until it commits
    _second_writer_waits_then_fulfils(
        engine,
        first,
        lambda second: ingest_document(second, meeting_doc, at=AT),
        wait=1.0,
        what="the second ingest",
    )


@pytest.mark.postgres
def test_meeting_added_by_hand_while_item_uncommitted_still_fulfils_it(make_db_url, seed_path):
    """Issue #17: hand changes take the writers' turn too; before, the meeting missed the uncommitted item."""
    from tracker.domain.model import Kind, Meeting, ReviewState
    from tracker.services import tracking

    url = make_db_url("postgres")
    engine = make_engine(url)
    upgrade(engine)
    seed = next(seed_path.glob("*.txt"))
    first = Session(engine)
    ingest_document(first, TextDocument(seed.read_text(encoding="utf-8"), str(seed)), at=AT)
    meeting = Meeting(
        kind=Kind.CONSULTATIONS,
        start=dt.date(2017, 5, 15),
        end=dt.date(2017, 5, 15),
        city="Minsk",
        parties=["BY", "RS"],
        review=ReviewState.CONFIRMED,
    )
    _second_writer_waits_then_fulfils(
        engine,
        first,
        lambda second: tracking.add_meeting(second, meeting, at=AT),
        wait=0.2,
        what="the hand-added meeting",
    )


def _second_writer_waits_then_fulfils(engine, first: Session, write, *, wait: float, what: str) -> None:
    """`write` in a second session must wait for `first` (holding the writers' turn) to commit, then the
    meeting it stores fulfils the item `first` stored."""
    done = threading.Event()

    def second_writer():
        with Session(engine) as second:
            write(second)
            second.commit()
        done.set()

    worker = threading.Thread(target=second_writer)
    worker.start()
    assert not done.wait(wait), f"{what} should wait for the first transaction"
    first.commit()
    first.close()
    worker.join(30)
    assert done.is_set()
    with Session(engine) as check:
        [item] = repo.list_commitments(check)
        assert item.status == "fulfilled" and item.fulfilled_on == dt.date(2017, 5, 15)
    engine.dispose()
