"""The calendar streamed from the database (issue #16): read in batches while it is written, in one
read transaction that no writer waits for, each pass over the items a query of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from exporters.desk_data import add_item, add_meeting, add_open_ended
from tracker.domain.model import Status
from tracker.exporters.ics import ExportOptions, TodoMode, export_calendar, stream_objects
from tracker.services import feeds
from tracker.storage import opening
from tracker.storage.db import connection_scope, make_engine

TODAY = dt.date(2017, 6, 1)


def test_a_writer_commits_while_an_export_is_half_way(cli, db_url, seed_path, monkeypatch):
    """Half-way through a calendar, its read transaction still open, an `items add` and an `ingest`
    commit at once (SQLite in WAL mode: a reader blocks no writer), and the calendar goes on with
    the rows it began with, in both passes of --todos both (one snapshot; PostgreSQL under
    REPEATABLE READ). The next export holds the new rows."""
    monkeypatch.setattr(opening, "SQLITE_BUSY_TIMEOUT_MS", 300)  # a writer kept waiting fails at once
    meeting, item = add_meeting(cli), add_item(cli)
    engine = make_engine(db_url)
    try:
        with connection_scope(engine, read_only=True, snapshot=True) as connection:
            chunks = feeds.build_calendar(
                connection, feeds.CalendarFilter(), ExportOptions(today=TODAY, todos=TodoMode.BOTH)
            )
            written = [next(chunks), next(chunks)]  # the header, then the meeting, read from its query
            assert meeting["uid"].encode() in written[1]
            added = cli("items", "add", "Added meanwhile", "--start", "2017-03-01", "--end", "2017-03-31")
            assert added.exit_code == 0, added.stderr
            ingested = cli("ingest", str(seed_path))
            assert ingested.exit_code == 0, ingested.stderr
            written.extend(chunks)
    finally:
        engine.dispose()
    calendar = b"".join(written)
    assert calendar.endswith(b"END:VCALENDAR\r\n")
    assert calendar.count(b"BEGIN:VEVENT") == 2 and calendar.count(b"BEGIN:VTODO") == 1
    assert item["uid"].encode() in calendar and b"Added meanwhile" not in calendar
    later = cli("export", "ics", "--todos", "both", today="2017-06-01").stdout_bytes
    assert later.count(b"Added meanwhile") == 2  # its event and its to-do
    assert later.count(b"BEGIN:VEVENT") > 3  # and what the ingest stored


def test_the_streamed_calendar_is_the_one_built_from_lists(cli, db_url):
    """`build_calendar` (batches, a query per pass, the digest gathered on the way, zones and limits asked
    of the database) writes the bytes `export_calendar` writes from the same rows loaded as lists."""
    add_meeting(cli)
    add_meeting(cli, start="2017-03-26", time="10:30")  # a timed meeting: a VTIMEZONE in the header
    add_item(cli)
    add_item(cli, "Second round")
    add_open_ended(cli)
    assert cli("items", "add", "Another visit", "--kind", "visit", "--party", "RS").exit_code == 0
    assert cli("items", "done", "2", "--on", "2017-02-01").exit_code == 0
    assert cli("review", "reject", "4").exit_code == 0
    engine = make_engine(db_url)
    try:
        for filter_ in (
            feeds.CalendarFilter(),
            feeds.CalendarFilter(("by", "RS"), ("visit", "consultations")),
            feeds.CalendarFilter(("RS",), (), "open"),
        ):
            for todos in TodoMode:
                built = ExportOptions(today=TODAY, todos=todos, alarm=dt.timedelta(days=7))
                with connection_scope(engine, read_only=True, snapshot=True) as connection:
                    streamed = b"".join(feeds.build_calendar(connection, filter_, built))
                    meetings, items = feeds.load_calendar(connection, filter_)
                scoped = ExportOptions(
                    today=TODAY, todos=todos, alarm=dt.timedelta(days=7), scope=filter_.describe()
                )
                assert streamed == export_calendar(meetings, items, scoped), (filter_, todos)
                assert streamed.count(b"BEGIN:VTIMEZONE") == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize("todos", list(TodoMode))
def test_no_pass_keeps_the_items(todos, make_item, make_meeting, options):
    """Each pass asks for the items afresh and takes them one at a time: a component is written before the
    next item is read, and --todos both reads them twice rather than keeping them."""
    read: list[str] = []
    passes = 0

    def items():
        nonlocal passes
        passes += 1
        for number in range(3):
            read.append(f"item-{number}")
            yield make_item(uid=f"item-{number}@test", status=Status.OPEN)

    stream = stream_objects([make_meeting()], items, options(todos=todos))
    next(stream)  # the meeting
    assert read == [] and passes == 0
    first = next(stream)
    assert first.uid in {"item-0@test", "todo-item-0@test"} and read == ["item-0"]
    rest = list(stream)
    assert passes == (2 if todos is TodoMode.BOTH else 1)
    assert len(rest) == 3 * passes - 1
