"""What an ingest asks the database (issue #16): the same few statements for every document, however many
documents come or are stored, and fulfilment in storage, not in a cycle of services (issue #15)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from reliability.docgen import press_release
from sqlalchemy import event

from tracker.extraction import TextDocument
from tracker.services.ingest import WRITE_BATCH, ingest_documents
from tracker.storage.db import session_scope

AT = dt.datetime(2017, 6, 1, 12, 0, tzinfo=dt.UTC)


def _statements(engine, indexes) -> int:
    """How many statements ingesting the generated releases `indexes` sends (each is new)."""
    sent = []

    def count(*_args) -> None:
        sent.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        documents = [TextDocument(press_release(i), f"release-{i}.txt") for i in indexes]
        results = list(ingest_documents(lambda: session_scope(engine), documents, now=lambda: AT))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert [r.added for r in results] == [True] * len(documents)
    return len(sent)


def test_each_document_costs_the_same_statements_at_every_size(engine):
    _statements(engine, range(100, 110))  # first use: connection set-up is not counted below
    # Whole write batches (WRITE_BATCH new documents to a transaction), all in one look-up chunk.
    one, two, four = (WRITE_BATCH * n for n in (1, 2, 4))
    once = _statements(engine, range(0, one))
    twice = _statements(engine, range(one, one + two))
    four_times = _statements(engine, range(one + two, one + two + four))  # on top of 3 batches stored
    # One look-up of the stored texts per chunk, then the same statements per batch and per
    # document: none per stored item (eager loads), none that grows with the documents stored.
    assert four_times - twice == 2 * (twice - once) > 0


def test_documents_already_stored_cost_one_look_up_together(engine):
    _statements(engine, range(0, 3))

    def again(indexes) -> list[str]:
        sent: list[str] = []
        listener = lambda _conn, _cursor, statement, *_: sent.append(statement.split()[0])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        documents = [TextDocument(press_release(i), f"copy-{i}.txt") for i in indexes]
        results = list(ingest_documents(lambda: session_scope(engine), documents, now=lambda: AT))
        event.remove(engine, "before_cursor_execute", listener)
        assert [r.added for r in results] == [False] * len(documents)
        return sent

    assert again(range(0, 3)) == again(range(0, 1))  # no extraction, no write: one batch, one query
    assert "INSERT" not in again(range(0, 3))


def test_fulfilment_does_not_import_the_hand_edit_service():
    # Issue #15: fulfilment and tracking imported each other (one inside functions); history
    # writing now lives in storage, and only tracking imports fulfilment.
    probe = "import sys, tracker.services.fulfilment; print('tracker.services.tracking' in sys.modules)"
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert answer.stdout.strip() == "False"
