"""The export writes its components without icalendar's per-property objects (issue 16): same bytes, same values.

Every component the exporter builds is written twice, by tracker's own writer and by
icalendar from the same properties (`to_icalendar()`); the bytes must be equal, and
icalendar must read each property of tracker's bytes back to the value that was added.
"""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from exporters.conftest import NASTY
from tracker.domain.model import Firmness, ReviewState, Status, Window
from tracker.exporters.ics import (
    TodoMode,
    item_event,
    item_todo,
    meeting_event,
    open_digest_event,
    serialize,
)


def _cases(make_meeting, make_item, options):
    """(name, component) for every kind of component, with awkward text in every TEXT property."""
    plain, alarmed = options(), options(alarm=dt.timedelta(days=7, hours=3), todos=TodoMode.BOTH)
    cases = []
    for number, text in enumerate(NASTY):
        meeting = make_meeting(
            title=text, city=text, evidence=None, source=f"https://example.org/{number}?a=1,2;b"
        )
        timed = make_meeting(
            title=text, start_time=dt.time(10, 30), end_time=dt.time(12, 0), review=ReviewState.UNREVIEWED
        )
        item = make_item(title=text, city=text, country="BY", review=ReviewState.UNREVIEWED)
        done = make_item(
            title=text,
            status=Status.FULFILLED,
            fulfilled_on=dt.date(2018, 1, 3),
            fulfilled_meeting_uid=f"meeting-{number},x;y@tracker",
        )
        cancelled = make_item(title=text, status=Status.CANCELLED, source="/home/desk/release.txt")
        open_ended = make_item(title=text, window=Window.open(text), firmness=Firmness.AGREED)
        cases += [
            (f"meeting-{number}", meeting_event(meeting, plain)),
            (f"timed-meeting-{number}", meeting_event(timed, plain)),
            (f"event-{number}", item_event(item, alarmed)),
            (f"todo-{number}", item_todo(item, alarmed)),
            (f"done-todo-{number}", item_todo(done, plain)),
            (f"cancelled-todo-{number}", item_todo(cancelled, plain)),
            (f"open-todo-{number}", item_todo(open_ended, alarmed)),
            (f"digest-{number}", open_digest_event([open_ended, item], plain)),
        ]
    return cases


def _values(component: icalendar.Component) -> list[tuple[str, str]]:
    """Every property of a component and its subcomponents, as (name, canonical bytes of the value)."""
    return [
        (name, value.to_ical().decode() if hasattr(value, "to_ical") else str(value))
        for name, value in component.property_items(sorted=True)
    ]


def test_every_component_is_written_as_icalendar_writes_it(make_meeting, make_item, options):
    for name, component in _cases(make_meeting, make_item, options):
        assert serialize(component) == serialize(component.to_icalendar()), name


def test_icalendar_reads_every_property_back_to_the_value_added(make_meeting, make_item, options):
    for name, component in _cases(make_meeting, make_item, options):
        data = serialize(component)
        [parsed] = icalendar.Calendar.from_ical(
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" + data + b"END:VCALENDAR\r\n"
        ).subcomponents
        assert _values(parsed) == _values(component.to_icalendar()), name
        seen: dict[str, int] = {}
        for added_name, added, _ in component.properties:
            values = parsed[added_name] if isinstance(parsed[added_name], list) else [parsed[added_name]]
            read = values[seen.get(added_name, 0)]
            seen[added_name] = seen.get(added_name, 0) + 1
            if isinstance(added, str):
                assert str(read) == added, (name, added_name)  # TEXT unescaped back to the same string
            elif isinstance(added, (dt.date, dt.timedelta)):
                assert read.dt == added, (name, added_name)
            elif isinstance(added, int):
                assert int(read) == added, (name, added_name)
            elif isinstance(added, tuple):
                assert [str(c) for c in read.cats] == list(added), (name, added_name)


@pytest.mark.parametrize("text", NASTY)
def test_text_is_escaped_like_icalendar(make_item, options, text):
    todo = item_todo(make_item(title=text), options())
    summary = next(line for line in todo.content_lines() if line.startswith("SUMMARY"))
    assert summary == f"SUMMARY:{icalendar.vText(text).to_ical().decode()}"
