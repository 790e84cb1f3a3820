"""`meetings add|edit --time --end-time --timezone` (issue 13): timed meetings from the CLI, zones validated."""

from __future__ import annotations

import json

import pytest
from minsk import add_minsk_meeting


def _add(cli, *extra):
    return add_minsk_meeting(cli, "--json", *extra)


def test_a_timed_meeting_exports_with_its_zone(cli):
    added = _add(cli, "--time", "10:30", "--end-time", "12:00", "--timezone", "Europe/Minsk")
    assert added.exit_code == 0, added.stderr
    record = json.loads(added.stdout)
    assert (record["start_time"], record["end_time"], record["timezone"]) == (
        "10:30:00",
        "12:00:00",
        "Europe/Minsk",
    )
    exported = cli("export", "ics")
    assert exported.exit_code == 0
    assert "DTSTART;TZID=Europe/Minsk:20170510T103000" in exported.stdout
    assert "DTEND;TZID=Europe/Minsk:20170510T120000" in exported.stdout
    assert "BEGIN:VTIMEZONE" in exported.stdout and "COMMENT" not in exported.stdout


def test_edit_sets_and_removes_the_time(cli):
    record = json.loads(_add(cli).stdout)
    edited = cli("meetings", "edit", str(record["id"]), "--time", "09:00", "--timezone", "Europe/Belgrade")
    assert edited.exit_code == 0, edited.stderr
    assert "DTSTART;TZID=Europe/Belgrade:20170510T090000" in cli("export", "ics").stdout
    assert cli("meetings", "edit", str(record["id"]), "--time", "none").exit_code == 0
    assert "DTSTART;VALUE=DATE:20170510" in cli("export", "ics").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--time", "10:30", "--timezone", "Mars/Olympus"),
            "tracker: unknown time zone 'Mars/Olympus'; give an IANA name such as Europe/Minsk\n",
        ),
        (
            ("--time", "10:30"),
            "tracker: --time needs --timezone (an IANA name such as Europe/Minsk): a time means "
            "nothing without it\n",
        ),
        (
            ("--time", "25:00", "--timezone", "Europe/Minsk"),
            "tracker: --time must be a time HH:MM (24-hour), got '25:00'\n",
        ),
        (
            ("--time", "10:30", "--end-time", "09:00", "--timezone", "Europe/Minsk"),
            "tracker: --end-time 09:00 is not after --time 10:30\n",
        ),
        (("--end-time", "09:00", "--timezone", "Europe/Minsk"), "tracker: --end-time needs --time\n"),
    ],
    ids=["mars", "no-zone", "bad-time", "end-before-start", "end-without-start"],
)
def test_bad_times_and_zones_are_refused(cli, args, message):
    result = _add(cli, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_edit_refuses_an_unknown_zone(cli):
    record = json.loads(_add(cli).stdout)
    result = cli("meetings", "edit", str(record["id"]), "--timezone", "Mars/Olympus")
    assert (result.exit_code, result.stderr) == (
        2,
        "tracker: unknown time zone 'Mars/Olympus'; give an IANA name such as Europe/Minsk\n",
    )


def test_an_empty_start_is_refused(cli):
    result = cli("meetings", "add", "--start", "", "--kind", "talks")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "tracker: --start must be YYYY-MM-DD, got ''\n",
    )
