"""Documents written together (issue #16: a batch's rows in a few statements, its matching asked in two)
store and link exactly what writing them one to a transaction does: each sees the documents before it,
never those after, even when a later one in the same batch holds the meeting that fulfils its item."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import event, select

from tracker.extraction import TextDocument
from tracker.services.ingest import WRITE_BATCH, IngestResult, ingest_documents, ingest_in_own_transaction
from tracker.storage import tables
from tracker.storage.db import make_engine, session_scope, upgrade

AT = dt.datetime(2019, 6, 1, 12, 0, tzinfo=dt.UTC)


def _release(held: str, home: str, guest: str, city: str, next_city: str, next_year: int) -> str:
    return (
        f"On {held}, political consultations between the foreign ministries of {home} and {guest} at the "
        f"level of Deputy Ministers were held in {city}.\n\n"
        f"It was agreed to hold the next round of political consultations in {next_city} in {next_year}.\n"
    )


def _corpus() -> list[TextDocument]:
    texts = [
        _release("6 October 2016", "Serbia", "Belarus", "Belgrade", "Minsk", 2017),
        # Fulfils the item just before it, in the same batch.
        _release("12 March 2017", "Belarus", "Serbia", "Minsk", "Belgrade", 2018),
        # A report of a meeting that happened before the item it fulfils was read (out of order).
        _release("20 May 2018", "Serbia", "Belarus", "Belgrade", "Minsk", 2019),
        _release("3 April 2018", "Austria", "Chile", "Vienna", "Santiago", 2019),
        _release("9 November 2017", "Chile", "Austria", "Santiago", "Vienna", 2018),
        # A meeting that clearly fits two items: both proposed, neither fulfilled.
        _release("15 June 2016", "Portugal", "Ghana", "Lisbon", "Accra", 2017),
        _release("20 June 2016", "Portugal", "Ghana", "Lisbon", "Accra", 2017),
        _release("2 February 2017", "Ghana", "Portugal", "Accra", "Lisbon", 2018),
    ]
    documents = [TextDocument(text, f"release-{n}.txt") for n, text in enumerate(texts)]
    documents.insert(3, TextDocument(texts[1], "again.txt"))  # the same text twice in one batch
    return documents


def _stored(engine) -> dict[str, list[tuple]]:
    links, items, meetings = tables.fulfilment_links, tables.commitments, tables.meetings
    with engine.connect() as connection:
        return {
            "links": sorted(
                connection.execute(
                    select(items.c.uid, meetings.c.uid, links.c.state, links.c.reason)
                    .join(items, items.c.id == links.c.commitment_id)
                    .join(meetings, meetings.c.id == links.c.meeting_id)
                ).all()
            ),
            "items": sorted(
                connection.execute(
                    select(items.c.uid, items.c.status, items.c.fulfilled_on, items.c.agreed_meeting_id)
                ).all()
            ),
        }


def _result(result: IngestResult) -> dict:
    """`result` but what was read from a text stored already (alone, it is not read again)."""
    return dataclasses.asdict(result) | ({} if result.added else {"extraction": None})


def test_a_batch_stores_and_links_what_one_document_to_a_transaction_does(engine, make_db_url):
    alone = make_engine(make_db_url("sqlite"))
    upgrade(alone)
    try:
        expected = [
            _result(ingest_in_own_transaction(lambda: session_scope(alone), document, at=AT))
            for document in _corpus()
        ]
        expected_rows = _stored(alone)
    finally:
        alone.dispose()
    assert len(_corpus()) <= WRITE_BATCH  # one transaction below
    got = [
        _result(result)
        for result in ingest_documents(lambda: session_scope(engine), _corpus(), now=lambda: AT)
    ]
    assert got == expected
    rows = _stored(engine)
    assert rows == expected_rows
    states = [state for _, _, state, _ in rows["links"]]
    assert "auto" in states and "proposed" in states  # the corpus exercises both outcomes


def test_a_batch_of_new_documents_costs_the_statements_of_one(engine):
    def statements(documents: list[TextDocument]) -> int:
        sent: list[str] = []
        listener = lambda _conn, _cursor, statement, *_: sent.append(statement)  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            results = list(ingest_documents(lambda: session_scope(engine), documents, now=lambda: AT))
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        assert all(result.added for result in results)
        if engine.dialect.name == "sqlite":
            # SQLAlchemy inserts a row at a time where SQLite cannot give ids back in order: no round
            # trip there, the database is in the process.
            sent = [statement for statement in sent if not statement.startswith("INSERT")]
        return len(sent)

    def years_apart(first: int, count: int) -> list[TextDocument]:
        # Nothing to match: each pair of countries once, far from the others in time.
        return [
            TextDocument(
                _release(f"1 March {year}", f"Country{year}", "Peru", "Lima", "Athens", year + 1),
                f"far-{year}.txt",
            )
            for year in range(first, first + count)
        ]

    statements(years_apart(1900, 1))  # first use: connection set-up is not counted below
    assert statements(years_apart(1950, WRITE_BATCH)) == statements(years_apart(2000, 1))
