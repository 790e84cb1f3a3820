"""libical reads our calendars (issue 13): no COMMENT in VTIMEZONE, and every zone change at the right instant.

Evolution and GNOME Calendar refused a whole calendar with one timed meeting: the
VTIMEZONE carried a COMMENT, and its DAYLIGHT DTSTART was the wall time after the
change (03:00 in Belgrade) instead of the one before it (02:00), which moved every
spring change an hour late.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from exporters.ics_checks import assert_strict, content_lines
from exporters.libical import libical_offset, libical_problems
from tracker.exporters.ics import _vtimezone, export_calendar, zone_transitions

# Zones with plain DST, a permanent change (Minsk 2011), half-hour DST (Lord Howe), a skipped day (Apia 2011),
# DST abolished (Tehran 2022, São Paulo 2019), southern summers, and none at all.
ZONES = [
    ("Europe/Belgrade", 2016, 2017),
    ("Europe/Minsk", 2010, 2012),
    ("America/New_York", 2006, 2008),
    ("Australia/Lord_Howe", 2017, 2018),
    ("Pacific/Apia", 2011, 2012),
    ("Asia/Tehran", 2021, 2023),
    ("America/Sao_Paulo", 2018, 2020),
    ("Asia/Kolkata", 2017, 2017),
    ("UTC", 2017, 2017),
]


def _calendar_with_zone(tzid: str, first: int, last: int) -> bytes:
    zone = _vtimezone(tzid, first, last)
    assert zone is not None
    return (
        b"BEGIN:VCALENDAR\r\nPRODID:-//tracker tests//EN\r\nVERSION:2.0\r\n"
        + zone
        + b"BEGIN:VEVENT\r\nUID:u@tracker\r\nDTSTAMP:20160101T000000Z\r\n"
        + f"DTSTART;TZID={tzid}:{first}0615T103000\r\n".encode()
        + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def test_belgrade_changes_at_the_wall_time_before_the_change():
    lines = content_lines(_calendar_with_zone("Europe/Belgrade", 2016, 2017))
    names = [line.name for line in lines]
    assert "COMMENT" not in names
    starts = {}
    kind = None
    for line in lines:
        if line.name == "BEGIN":
            kind = line.value
        elif line.name in {"DTSTART", "RDATE"} and kind in {"DAYLIGHT", "STANDARD"}:
            starts.setdefault(kind, []).append(line.value)
    assert starts["DAYLIGHT"] == ["20160327T020000", "20170326T020000"]  # 02:00 CET, 01:00 UTC
    assert starts["STANDARD"] == ["20160101T000000", "20161030T030000", "20171029T030000"]  # 03:00 CEST


@pytest.mark.parametrize(("tzid", "first", "last"), ZONES, ids=[z[0] for z in ZONES])
def test_libical_reads_the_zone_as_zoneinfo_does(tzid, first, last):
    data = _calendar_with_zone(tzid, first, last)
    assert_strict(data)
    assert libical_problems(data) == []
    zone = zoneinfo.ZoneInfo(tzid)
    utc = dt.UTC
    begin, end = dt.datetime(first, 1, 2, tzinfo=utc), dt.datetime(last, 12, 30, tzinfo=utc)
    moments = [begin, end]
    for instant, _, _ in zone_transitions(zone, begin, end):
        moments += [instant - dt.timedelta(seconds=1), instant, instant + dt.timedelta(hours=12)]
    for moment in moments:
        assert libical_offset(data, tzid, moment) == moment.astimezone(zone).utcoffset(), (tzid, moment)


def test_libical_accepts_a_whole_export_with_timed_meetings(make_meeting, make_item, options):
    meetings = [
        make_meeting(
            start=dt.date(2017, 3, 26),
            end=dt.date(2017, 3, 26),
            start_time=dt.time(10, 30),
            end_time=dt.time(12, 0),
        ),
        make_meeting(
            start=dt.date(2017, 10, 29),
            end=dt.date(2017, 10, 29),
            start_time=dt.time(2, 30),
            timezone="Europe/Minsk",
        ),
    ]
    data = export_calendar(meetings, [make_item()], options())
    assert libical_problems(data) == []
    assert b"COMMENT" not in data


def test_libical_refuses_a_comment_in_a_vtimezone():
    """The checker itself: what icalendar's Timezone.from_tzid wrote is refused."""
    data = _calendar_with_zone("Europe/Belgrade", 2016, 2017).replace(
        b"TZID:Europe/Belgrade\r\n", b"TZID:Europe/Belgrade\r\nCOMMENT:only from 2016\r\n", 1
    )
    assert any("COMMENT" in problem for problem in libical_problems(data))
