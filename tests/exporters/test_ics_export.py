"""Domain objects -> .ics bytes (issue #5): dates, zones, items as events or to-dos, escaping, determinism."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from exporters.conftest import NASTY, PINNED_PRODID
from exporters.ics_checks import assert_strict, content_lines, strict_problems
from tracker.domain.model import Evidence, Firmness, Precision, ReviewState, Status, Window
from tracker.exporters.ics import (
    TodoMode,
    clean_text,
    due_date,
    exclusive_end,
    export_calendar,
    fold_line,
    todo_uid,
)

UTC = dt.UTC


def _lines(data: bytes) -> list[str]:
    """Logical content lines as 'NAME;PARAMS:VALUE' strings."""
    return [
        f"{line.name}{''.join(f';{k}={v}' for k, v in line.params.items())}:{line.value}"
        for line in content_lines(data)
    ]


def _components(data: bytes, name: str) -> list[icalendar.Component]:
    return icalendar.Calendar.from_ical(data).walk(name)


@pytest.mark.parametrize(
    "last_day, expected",
    [
        (dt.date(2016, 10, 6), dt.date(2016, 10, 7)),
        (dt.date(2017, 12, 31), dt.date(2018, 1, 1)),
        (dt.date(2016, 2, 28), dt.date(2016, 2, 29)),
        (dt.date(2016, 2, 29), dt.date(2016, 3, 1)),
        (dt.date(2017, 2, 28), dt.date(2017, 3, 1)),
    ],
)
def test_exclusive_end_is_the_day_after_the_inclusive_last_day(last_day, expected):
    assert exclusive_end(last_day) == expected


@pytest.mark.parametrize(
    "window_end, expected",
    [
        (dt.date(2017, 12, 31), dt.date(2018, 1, 1)),  # RFC 5545 §3.6.2's own example
        (dt.date(2017, 6, 30), dt.date(2017, 7, 1)),
        (dt.date(2020, 2, 29), dt.date(2020, 3, 1)),
    ],
)
def test_due_date_is_the_day_after_the_window(window_end, expected):
    assert due_date(window_end) == expected


def test_due_in_2017_reads_like_the_rfc_example(make_item, options):
    data = export_calendar([], [make_item()], options(todos=TodoMode.AS_TODOS))
    assert "DUE;VALUE=DATE:20180101" in _lines(data)
    assert "DTSTART;VALUE=DATE:20170101" in _lines(data)


def test_all_day_meeting_has_exclusive_date_end(make_meeting, options):
    one_day = make_meeting()
    three_days = make_meeting(start=dt.date(2016, 10, 6), end=dt.date(2016, 10, 8))
    data = export_calendar([one_day, three_days], [], options())
    assert_strict(data)
    first, second = _components(data, "VEVENT")
    assert (first["DTSTART"].dt, first["DTEND"].dt) == (dt.date(2016, 10, 6), dt.date(2016, 10, 7))
    assert (second["DTSTART"].dt, second["DTEND"].dt) == (dt.date(2016, 10, 6), dt.date(2016, 10, 9))
    assert "DTSTART;VALUE=DATE:20161006" in _lines(data)


def test_timed_meeting_uses_the_city_zone_and_one_vtimezone(make_meeting, options):
    morning = make_meeting(
        start=dt.date(2017, 3, 1),
        end=dt.date(2017, 3, 1),
        start_time=dt.time(10, 30),
        end_time=dt.time(12, 0),
        timezone="Europe/Minsk",
        city="Minsk",
    )
    afternoon = make_meeting(
        start=dt.date(2017, 7, 1),
        end=dt.date(2017, 7, 1),
        start_time=dt.time(15, 0),
        end_time=dt.time(16, 0),
        timezone="Europe/Minsk",
        city="Minsk",
    )
    berlin = make_meeting(
        start=dt.date(2017, 7, 1),
        end=dt.date(2017, 7, 1),
        start_time=dt.time(9, 0),
        end_time=dt.time(10, 0),
        timezone="Europe/Berlin",
        city="Berlin",
    )
    data = export_calendar([morning, afternoon, berlin], [], options())
    assert_strict(data)
    lines = _lines(data)
    assert "DTSTART;TZID=Europe/Minsk:20170301T103000" in lines
    assert "DTEND;TZID=Europe/Minsk:20170301T120000" in lines
    assert [line for line in lines if line.startswith("TZID:")] == ["TZID:Europe/Berlin", "TZID:Europe/Minsk"]
    event = _components(data, "VEVENT")[2]
    assert event["DTSTART"].dt.utcoffset() == dt.timedelta(hours=2)  # Berlin summer time


def test_times_without_a_usable_end_or_zone(make_meeting, options):
    no_end = make_meeting(start_time=dt.time(10, 0), timezone="Europe/Belgrade")
    multi_day_no_end = make_meeting(end=dt.date(2016, 10, 8), start_time=dt.time(10, 0))
    unknown_zone = make_meeting(
        start_time=dt.time(10, 0), end_time=dt.time(11, 0), timezone="Mars/Olympus_Mons"
    )
    no_zone = make_meeting(start_time=dt.time(10, 0), end_time=dt.time(11, 0), timezone=None)
    data = export_calendar([no_end, multi_day_no_end, unknown_zone, no_zone], [], options())
    assert_strict(data)
    events = _components(data, "VEVENT")
    assert isinstance(events[0]["DTSTART"].dt, dt.datetime) and "DTEND" not in events[0]
    for event in events[1:]:
        assert not isinstance(event["DTSTART"].dt, dt.datetime), "falls back to all-day"
    assert "Mars" not in data.decode()


def test_meeting_text_location_url_and_delegations(make_meeting, options):
    data = export_calendar([make_meeting(review=ReviewState.CONFIRMED)], [], options())
    [event] = _components(data, "VEVENT")
    assert event["SUMMARY"] == "Political consultations"
    assert event["LOCATION"] == "Belgrade, RS"
    assert event["URL"] == "https://www.mfa.gov.rs/en/press-service/statements/16112"
    assert "Parties: BY, RS" in event["DESCRIPTION"]
    assert (
        "Heads of delegation: Dragan Momcilovic (Acting Assistant Minister, RS); "
        "Elena Kupchina (Deputy Foreign Minister, BY)"
    ) in event["DESCRIPTION"]
    assert "\u201cRegular political consultations were held in Belgrade.\u201d" in event["DESCRIPTION"]
    assert event["TRANSP"] == "TRANSPARENT" and "CATEGORIES" not in event


def test_a_file_path_source_is_no_url(make_meeting, options):
    data = export_calendar([make_meeting(source="seeds/a file, with; odd name.txt")], [], options())
    assert_strict(data)
    [event] = _components(data, "VEVENT")
    assert "URL" not in event
    # Issue 13: a local path never leaves the machine (a subscriber saw /home/...); only URLs are published.
    assert "Source:" not in event["DESCRIPTION"] and b"odd name" not in data


def test_active_item_as_due_event_on_its_last_day(make_item, options):
    item = make_item()
    data = export_calendar([], [item], options())
    assert_strict(data)
    [event] = _components(data, "VEVENT")
    assert event["UID"] == item.uid
    assert event["SUMMARY"] == "Due: Next round of political consultations"
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (dt.date(2017, 12, 31), dt.date(2018, 1, 1))
    description = event["DESCRIPTION"]
    assert "Window: \u201cin 2017\u201d, 2017-01-01 to 2017-12-31 (inclusive, precision year)" in description
    assert (
        "Source sentence: \u201cIt was agreed in principle to hold the next round of political consultations "
        "in Minsk in 2017.\u201d"
    ) in description
    assert event["STATUS"] == "TENTATIVE"  # agreed only in principle
    assert [str(c) for c in event["CATEGORIES"].cats] == ["unreviewed"]
    assert event["RELATED-TO"] == "meeting-1@tracker" and event["RELATED-TO"].params["RELTYPE"] == "PARENT"
    assert _components(data, "VTODO") == []


def test_overdue_and_agreed_item_is_the_same_component_every_day(make_item, options):
    """Issue 13: date-derived state stays out of the component; a one-off import would never see it change."""
    item = make_item(firmness=Firmness.AGREED, review=ReviewState.CONFIRMED)
    overdue = export_calendar([], [item], options(today=dt.date(2018, 1, 1)))
    [event] = _components(overdue, "VEVENT")
    assert "CATEGORIES" not in event and "overdue" not in event["DESCRIPTION"]
    assert event["STATUS"] == "CONFIRMED"
    assert export_calendar([], [item], options(today=dt.date(2017, 12, 31))) == overdue


def test_open_ended_item_is_a_todo_without_due_and_a_line_of_the_weekly_digest(make_item, options):
    item = make_item(window=Window.open("at a mutually convenient time"))
    [digest] = _components(export_calendar([], [item], options()), "VEVENT")
    assert str(digest["UID"]) == "open-follow-ups@tracker"
    data = export_calendar([], [item], options(todos=TodoMode.AS_TODOS))
    assert_strict(data)
    [todo] = _components(data, "VTODO")
    assert "DUE" not in todo and "DTSTART" not in todo
    assert todo["STATUS"] == "NEEDS-ACTION"
    assert "Window: open-ended (at a mutually convenient time)" in todo["DESCRIPTION"]


def test_fulfilled_late_item_links_both_meetings(make_item, options):
    item = make_item(
        status=Status.FULFILLED, fulfilled_on=dt.date(2018, 2, 1), fulfilled_meeting_uid="meeting-9@tracker"
    )
    assert _components(export_calendar([], [item], options()), "VEVENT") == [], "done items leave the events"
    data = export_calendar([], [item], options(todos=TodoMode.AS_TODOS, today=dt.date(2018, 3, 1)))
    assert_strict(data)
    [todo] = _components(data, "VTODO")
    assert todo["STATUS"] == "COMPLETED" and todo["PERCENT-COMPLETE"] == 100
    assert todo["COMPLETED"].dt == dt.datetime(2018, 2, 1, 12, tzinfo=UTC)
    assert [str(c) for c in todo["CATEGORIES"].cats] == ["fulfilled-late", "unreviewed"]
    related = {(str(r), r.params["RELTYPE"]) for r in todo["RELATED-TO"]}
    assert related == {("meeting-1@tracker", "PARENT"), ("meeting-9@tracker", "CHILD")}


def test_cancelled_item_is_a_cancelled_todo(make_item, options):
    data = export_calendar([], [make_item(status=Status.CANCELLED)], options(todos=TodoMode.BOTH))
    assert _components(data, "VEVENT") == []
    [todo] = _components(data, "VTODO")
    assert todo["STATUS"] == "CANCELLED"


def test_both_modes_give_distinct_stable_uids(make_item, options):
    item = make_item()
    data = export_calendar([], [item], options(todos=TodoMode.BOTH))
    assert_strict(data)
    [event], [todo] = _components(data, "VEVENT"), _components(data, "VTODO")
    assert (event["UID"], todo["UID"]) == (item.uid, todo_uid(item.uid)) == (item.uid, f"todo-{item.uid}")
    assert todo["SUMMARY"] == item.title and event["SUMMARY"] == f"Due: {item.title}"


def test_alarm_fires_the_same_time_before_the_last_day(make_item, options):
    data = export_calendar(
        [],
        [make_item(), make_item(status=Status.FULFILLED)],
        options(todos=TodoMode.BOTH, alarm=dt.timedelta(days=7)),
    )
    assert_strict(data)
    lines = _lines(data)
    assert "TRIGGER:-P7D" in lines  # VEVENT: 7 days before DTSTART (the last day)
    assert "TRIGGER;RELATED=END:-P8D" in lines  # VTODO: DUE is the day after the last day
    assert data.count(b"BEGIN:VALARM") == 2, "no alarm on a fulfilled to-do"
    [event] = _components(data, "VEVENT")
    alarm = event.walk("VALARM")[0]
    assert event["DTSTART"].dt + alarm["TRIGGER"].dt == dt.date(2017, 12, 24)


def test_calendar_properties(options):
    data = export_calendar([], [], options(name="Tracker: BY, RS; talks", refresh=dt.timedelta(hours=6)))
    assert_strict(data)
    lines = _lines(data)
    assert f"PRODID:{PINNED_PRODID}" in lines
    assert "NAME:Tracker: BY\\, RS\\; talks" in lines and "X-WR-CALNAME:Tracker: BY\\, RS\\; talks" in lines
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in lines and "X-PUBLISHED-TTL:PT6H" in lines
    assert "VERSION:2.0" in lines and "CALSCALE:GREGORIAN" in lines


def test_stamps_come_from_change_times_and_output_is_deterministic(make_meeting, make_item, options):
    changed = dt.datetime(2017, 2, 3, 4, 5, 6, 789, tzinfo=UTC)
    meeting = make_meeting(sequence=3, updated_at=changed)
    item = make_item(sequence=5, updated_at=changed.replace(tzinfo=None))  # SQLite hands back naive UTC
    first = export_calendar([meeting], [item], options(todos=TodoMode.BOTH))
    assert first == export_calendar([meeting], [item], options(todos=TodoMode.BOTH))
    for component in [*_components(first, "VEVENT"), *_components(first, "VTODO")]:
        assert component["DTSTAMP"].dt == dt.datetime(2017, 2, 3, 4, 5, 6, tzinfo=UTC)
        assert component["LAST-MODIFIED"].dt == dt.datetime(2017, 2, 3, 4, 5, 6, tzinfo=UTC)
        assert component["CREATED"].dt == dt.datetime(2016, 10, 7, 9, 0, tzinfo=UTC)
    assert [c["SEQUENCE"] for c in _components(first, "VEVENT")] == [3, 5]


def test_rejected_meetings_and_items_are_left_out(make_meeting, make_item, options):
    data = export_calendar(
        [make_meeting(review=ReviewState.REJECTED)],
        [make_item(review=ReviewState.REJECTED)],
        options(todos=TodoMode.BOTH),
    )
    assert b"BEGIN:VEVENT" not in data and b"BEGIN:VTODO" not in data


def test_export_refuses_an_object_without_uid(make_item, options):
    with pytest.raises(ValueError, match="without a UID"):
        export_calendar([], [make_item(uid=None)], options())


def test_clean_text_normalises_breaks_and_drops_controls():
    assert clean_text("a\r\nb\rc\u2028d\x85e") == "a\nb\nc\nd\ne"
    assert (
        clean_text("bell\x07 esc\x1b del\x7f nul\x00 tab\t")
        == "bell\ufffd esc\ufffd del\ufffd nul\ufffd tab\t"
    )
    assert clean_text("lone \udc80 surrogate") == "lone \ufffd surrogate"
    assert clean_text(None) == ""


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_hostile_text_everywhere_passes_the_strict_check(text, make_meeting, make_item, options):
    meeting = make_meeting(
        title=text,
        city=text,
        evidence=Evidence(text, 0, len(text)),
        source=text,
        participants=[],
        parties=["BY"],
    )
    item = make_item(
        title=text,
        city=text,
        window=Window(dt.date(2017, 1, 1), dt.date(2017, 12, 31), Precision.YEAR, text),
        evidence=Evidence(text, 0, len(text)),
    )
    data = export_calendar(
        [meeting], [item], options(todos=TodoMode.BOTH, alarm=dt.timedelta(days=3), name=text)
    )
    assert_strict(data)
    assert data.count(b"\r\nBEGIN:VEVENT\r\n") == 2 and data.count(b"\r\nBEGIN:VTODO\r\n") == 1


def test_refolding_keeps_backslash_escapes_whole(make_item, options):
    """Regression: icalendar 7.3 folds inside a run of backslashes (its issue #1501); Google drops such events."""
    for count in range(55, 80):
        title = "x" + "\\" * count
        data = export_calendar([], [make_item(title=title)], options())
        assert strict_problems(data) == [], count
        [event] = _components(data, "VEVENT")
        assert event["SUMMARY"] == f"Due: {title}"


@pytest.mark.parametrize(
    "line",
    [
        "SUMMARY:" + "\\\\" * 60,
        "SUMMARY:x" + "\\\\" * 60,
        "SUMMARY:" + "\\n" * 50,
        "SUMMARY:" + "é" * 80,
        "SUMMARY:" + "🇷🇸" * 40,
        "SUMMARY:" + "a\\," * 40,
        "SUMMARY:" + "x" * 67,
        "SUMMARY:" + "x" * 68,
        "SUMMARY:" + "€\\;" * 30,
        "SUMMARY:short",
    ],
)
def test_fold_line(line):
    folded = fold_line(line)
    pieces = folded.split(b"\r\n")
    assert b"".join([pieces[0], *(p[1:] for p in pieces[1:])]).decode("utf-8") == line
    assert all(len(p) <= 75 for p in pieces) and all(p.startswith(b" ") for p in pieces[1:])
    for piece in pieces:
        piece.decode("utf-8")  # no character split
    assert (
        strict_problems(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + folded + b"\r\nEND:VCALENDAR\r\n")
        == []
    )


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
@example("\\N")  # a literal backslash-N: icalendar's own escaping turns it into a line break
def test_any_title_survives_export(title):
    from exporters.conftest import CREATED
    from tracker.domain.model import Commitment, Kind
    from tracker.exporters.ics import ExportOptions

    item = Commitment(
        kind=Kind.VISIT,
        firmness=Firmness.AGREED,
        window=Window(dt.date(2017, 1, 1), dt.date(2017, 1, 31), Precision.MONTH, title),
        title=title,
        evidence=Evidence(title, 0, 1),
        city=title,
        uid="item@tracker",
        created_at=CREATED,
    )
    data = export_calendar(
        [], [item], ExportOptions(today=dt.date(2017, 1, 1), todos=TodoMode.BOTH, prodid=PINNED_PRODID)
    )
    assert strict_problems(data) == []
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    expected = title if title.strip() else ""
    assert str(event["SUMMARY"]) == (f"Due: {clean_text(expected)}" if expected else "Due: Visit")


def test_exporter_needs_no_database_or_cli():
    """Exporters take domain objects (STYLE.md section 2): importing ics.py pulls in neither SQLAlchemy nor Typer."""
    import subprocess
    import sys

    code = (
        "import sys, tracker.exporters.ics; "
        "print(','.join(m for m in ('sqlalchemy', 'typer') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_open_ended_items_show_in_a_weekly_digest_event(make_item, options):
    """Issue 13: open-ended items never showed in the default export, nor in Google or Outlook."""
    first = make_item(
        title="Visit of the minister",
        window=Window.open("at a convenient time"),
        made_on=dt.date(2016, 10, 6),
    )
    second = make_item(
        title="Joint commission", window=Window.open(""), made_on=dt.date(2016, 11, 2), parties=["BY"]
    )
    dated, done = (
        make_item(),
        make_item(window=Window.open("soon"), status=Status.FULFILLED, fulfilled_on=dt.date(2017, 1, 1)),
    )
    data = export_calendar([], [first, second, dated, done], options())
    assert_strict(data)
    digest = next(e for e in _components(data, "VEVENT") if str(e["UID"]) == "open-follow-ups@tracker")
    assert str(digest["SUMMARY"]) == "Open follow-ups (2)"
    assert digest["DTSTART"].dt == dt.date(2016, 10, 3)  # the Monday of the oldest one's week
    assert digest["RRULE"]["FREQ"] == ["WEEKLY"]
    assert str(digest["DESCRIPTION"]) == (
        "Follow-ups agreed without a date, still to be done:\n"
        "- Visit of the minister (BY, RS), agreed 2016-10-06: \u201cat a convenient time\u201d\n"
        "- Joint commission (BY), agreed 2016-11-02"
    )
    # SEQUENCE: the open-ended items' SEQUENCEs (all 0) plus their number, the fulfilled one included,
    # so that leaving the digest moves it forward
    assert digest["SEQUENCE"] == 0 + 3
    bumped = export_calendar([], [first, second, dated, _replace(done, sequence=1)], options())
    assert (
        next(e for e in _components(bumped, "VEVENT") if str(e["UID"]) == "open-follow-ups@tracker")[
            "SEQUENCE"
        ]
        == 1 + 3
    )
    assert b"open-follow-ups" not in export_calendar([], [first], options(todos=TodoMode.AS_TODOS))


def _replace(item, **changes):
    import dataclasses

    return dataclasses.replace(item, **changes)
