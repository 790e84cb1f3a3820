"""Every exported calendar read by icalendar, ical (strict), vobject and khal: same components, same text.

khal imports VEVENTs only (it is an events calendar), so it is compared on events.
"""

from __future__ import annotations

import datetime as dt

import pytest

from exporters.conftest import NASTY
from exporters.ics_checks import assert_strict, read_everywhere, strict_problems
from tracker.domain.model import Evidence, Firmness, Participant, Precision, ReviewState, Status, Window
from tracker.exporters.ics import TodoMode, export_calendar, todo_uid


def _calendars(make_meeting, make_item, options) -> dict[str, tuple[bytes, int, int]]:
    """name -> (calendar, expected VEVENTs, expected VTODOs)."""
    meetings = [
        make_meeting(),
        make_meeting(
            start=dt.date(2017, 3, 1),
            end=dt.date(2017, 3, 1),
            start_time=dt.time(10, 30),
            end_time=dt.time(12, 0),
            timezone="Europe/Minsk",
            city="Minsk",
            country="BY",
            title="Talks in Minsk",
        ),
        make_meeting(
            start=dt.date(2017, 10, 29),
            end=dt.date(2017, 10, 29),
            start_time=dt.time(2, 30),
            timezone="Europe/Berlin",
            city="Berlin",
            country="DE",
            title="Night of the clock change",
        ),
        make_meeting(
            start=dt.date(2017, 5, 2),
            end=dt.date(2017, 5, 4),
            title="Three-day commission",
            review=ReviewState.CONFIRMED,
        ),
    ]
    items = [
        make_item(),
        make_item(
            title="Overdue visit",
            firmness=Firmness.AGREED,
            review=ReviewState.CONFIRMED,
            window=Window(dt.date(2017, 1, 1), dt.date(2017, 3, 31), Precision.QUARTER, "in Q1 2017"),
        ),
        make_item(
            title="Open-ended invitation",
            firmness=Firmness.INVITED,
            window=Window.open("at a convenient time"),
        ),
        make_item(
            title="Fulfilled late",
            status=Status.FULFILLED,
            fulfilled_on=dt.date(2018, 1, 20),
            fulfilled_meeting_uid="meeting-4@tracker",
        ),
        make_item(title="Cancelled signing", status=Status.CANCELLED),
        make_item(
            title="Rescheduled talks",
            status=Status.RESCHEDULED,
            window=Window(dt.date(2018, 3, 1), dt.date(2018, 3, 31), Precision.MONTH, "in March 2018"),
        ),
    ]
    today = dt.date(2017, 6, 1)
    return {
        "as-events": (export_calendar(meetings, items, options(today=today)), 4 + 3 + 1, 0),  # + open digest
        "as-todos": (export_calendar(meetings, items, options(today=today, todos=TodoMode.AS_TODOS)), 4, 6),
        "both-with-alarm": (
            export_calendar(
                meetings, items, options(today=today, todos=TodoMode.BOTH, alarm=dt.timedelta(days=7))
            ),
            8,
            6,
        ),
        "empty": (export_calendar([], [], options(today=today)), 0, 0),
    }


@pytest.mark.parametrize("name", ["as-events", "as-todos", "both-with-alarm", "empty"])
def test_every_reader_sees_the_same_calendar(name, make_meeting, make_item, options, tmp_path):
    data, events, todos = _calendars(make_meeting, make_item, options)[name]
    assert_strict(data)
    readings = read_everywhere(data, tmp_path / "khal")
    reference = readings["icalendar"]
    assert (len(reference.events), len(reference.todos)) == (events, todos)
    for reader, reading in readings.items():
        assert reading.events == reference.events, reader
        if reader != "khal":
            assert reading.todos == reference.todos, reader
            assert reading.texts == reference.texts, reader


def _hostile(text: str, number: int, make_meeting, make_item):
    meeting = make_meeting(
        title=text,
        city=text,
        country=None,
        evidence=Evidence(text, 0, len(text)),
        participants=[Participant(text, text, "BY")],
        uid=f"hostile-meeting-{number}@tracker",
    )
    item = make_item(
        title=text,
        city=text,
        country=None,
        evidence=Evidence(text, 0, len(text)),
        window=Window(dt.date(2017, 1, 1), dt.date(2017, 12, 31), Precision.YEAR, text),
        uid=f"hostile-item-{number}@tracker",
    )
    return meeting, item


@pytest.mark.parametrize("number", range(len(NASTY)), ids=[f"nasty{n}" for n in range(len(NASTY))])
def test_hostile_text_comes_back_identical_from_all_parsers(number, make_meeting, make_item, options):
    from exporters.ics_checks import read_with_parsers

    text = NASTY[number]
    meeting, item = _hostile(text, number, make_meeting, make_item)
    data = export_calendar([meeting], [item], options(todos=TodoMode.BOTH, name=text))
    assert_strict(data)
    readings = read_with_parsers(data)
    for reader, reading in readings.items():
        assert [uid for uid, _ in reading.events] == sorted([meeting.uid, item.uid]), reader
        assert [uid for uid, _ in reading.todos] == [todo_uid(item.uid)], reader
        summary, description, location = reading.texts[item.uid]
        assert summary == f"Due: {text}", reader
        assert location == text, reader
        assert f"Source sentence: \u201c{text.strip()}\u201d" in description, reader
        assert f"Window: \u201c{text}\u201d, 2017-01-01 to 2017-12-31" in description, reader
        assert reading.texts[todo_uid(item.uid)][0] == text, reader
        meeting_summary, meeting_description, meeting_location = reading.texts[meeting.uid]
        assert (meeting_summary, meeting_location) == (text, text), reader
        assert f"Heads of delegation: {text} ({text}, BY)" in meeting_description, reader


def test_hostile_calendar_imports_into_khal_unchanged(make_meeting, make_item, options, tmp_path):
    pairs = [_hostile(text, number, make_meeting, make_item) for number, text in enumerate(NASTY)]
    data = export_calendar([m for m, _ in pairs], [i for _, i in pairs], options(todos=TodoMode.BOTH))
    assert strict_problems(data) == []
    readings = read_everywhere(data, tmp_path / "khal")
    assert len(readings["khal"].events) == 2 * len(NASTY)
    assert readings["khal"].events == readings["icalendar"].events == readings["vobject"].events
    assert sorted(title for _, title in readings["khal"].events) == sorted(
        [text for text in NASTY] + [f"Due: {text}" for text in NASTY]
    )
