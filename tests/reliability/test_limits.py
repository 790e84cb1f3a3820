"""One set of limits, checked where values enter, on both engines (issue #17, points 3, 4 and 7).

Before: `items add --end 9999-12-31` was accepted and then broke every export
and feed (OverflowError), `export ics --todos both` wrote part of a calendar
before crashing, a 600-character title was kept by SQLite and refused by
PostgreSQL with a traceback (so a SQLite dump would not load into PostgreSQL),
and far dates or durations given as options were tracebacks.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from tracker import limits
from tracker.cli import app
from tracker.storage.db import make_engine

LONG_TITLE = "Next round of consultations " + "x" * 600

# name -> (arguments after `tracker --db URL`, what the one stderr line says); every row exits 2.
# Refused while the options are read, before any database is touched: run on SQLite only.
PARSED = {
    "window end 9999-12-31": (
        ["items", "add", "Round", "--start", "2030-01-01", "--end", "9999-12-31"],
        "--end 9999-12-31 is out of range",
    ),
    "window start 1066-10-14": (["items", "add", "Round", "--start", "1066-10-14"], "out of range"),
    "meeting in year 9999": (["meetings", "add", "--start", "9999-12-31"], "out of range"),
    "--today 9999-12-31 remind": (["--today", "9999-12-31", "remind"], "out of range"),
    "--today 0001-01-01 report weekly": (["--today", "0001-01-01", "report", "weekly"], "out of range"),
    "remind --within 99999999999d": (
        ["remind", "--within", "99999999999d"],
        "--within 99999999999d is out of range",
    ),
    "export ics --alarm 99999999d": (
        ["export", "ics", "--alarm", "99999999d"],
        "--alarm 99999999d is out of range",
    ),
    "export ics --alarm P99999999W": (["export", "ics", "--alarm", "P99999999W"], "out of range"),
}
# Refused by the services that store them (where SQLite used to keep what PostgreSQL refused): both engines.
STORED = {
    "title of 628 characters": (
        ["items", "add", LONG_TITLE],
        "item title is 628 characters long; at most 500",
    ),
    "country code of 16 characters": (
        ["items", "add", "Round", "--country", "ABCDEFGHIJKLMNOP"],
        "item country is 16 characters long; at most 10",
    ),
    # Party codes are checked against the gazetteer (issue #14), which knows no code this long.
    "party code of 11 characters": (["items", "add", "Round", "--party", "ABCDEFGHIJK"], "unknown party"),
    "meeting city of 201 characters": (
        ["meetings", "add", "--start", "2017-05-12", "--city", "M" * 201],
        "meeting city is 201 characters long; at most 200",
    ),
    "participant name of 301 characters": (
        ["meetings", "add", "--start", "2017-05-12", "--participant", "N" * 301 + "|Minister|BY"],
        "participant name",
    ),
}


def _invoke(db_url: str, *args: str):
    return CliRunner().invoke(app, ["--db", db_url, *args], catch_exceptions=False)


def _one_line(result) -> str:
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("tracker: "), result.stderr
    return result.stderr


@pytest.mark.parametrize("case", list(PARSED))
def test_an_option_beyond_the_limits_is_refused(make_db_url, case):
    _refused(make_db_url("sqlite"), *PARSED[case])


@pytest.mark.parametrize("case", list(STORED))
def test_a_value_beyond_the_limits_is_refused_before_it_is_stored(db_url, case):
    _refused(db_url, *STORED[case])


def _refused(db_url: str, args: list[str], message: str) -> None:
    result = _invoke(db_url, *args)
    assert result.exit_code == 2, result.stderr
    assert message in _one_line(result)
    assert result.stdout == ""
    listed = _invoke(db_url, "--today", "2017-06-01", "items", "list", "--json")
    assert json.loads(listed.stdout) == []


def test_edits_are_bounded_too(db_url):
    added = json.loads(
        _invoke(
            db_url, "items", "add", "Round", "--start", "2017-01-01", "--end", "2017-12-31", "--json"
        ).stdout
    )
    for args, message in [
        (["--title", LONG_TITLE], "item title is 628"),
        (["--end", "9999-12-31", "--start", "2017-01-01"], "out of range"),
        (["--country", "ABCDEFGHIJKLMNOP"], "item country is 16"),
    ]:
        result = _invoke(db_url, "items", "edit", str(added["id"]), *args)
        assert result.exit_code == 2 and message in _one_line(result)
    result = _invoke(db_url, "items", "reschedule", str(added["id"]), "--end", "9999-12-31")
    assert result.exit_code == 2 and "out of range" in _one_line(result)
    shown = json.loads(_invoke(db_url, "items", "show", str(added["id"]), "--json").stdout)
    assert (shown["title"], shown["window"]["end"], shown["history"][1:]) == ("Round", "2017-12-31", [])


def test_the_limits_are_the_edges():
    """Dates from EARLIEST_DATE to LATEST_DATE are in; a window ending on the last one still exports."""
    from tracker.clock import parse_iso_date
    from tracker.exporters.ics import due_date, exclusive_end

    assert parse_iso_date(limits.EARLIEST_DATE.isoformat()) == limits.EARLIEST_DATE
    assert exclusive_end(limits.LATEST_DATE) == due_date(limits.LATEST_DATE) == dt.date(2201, 1, 1)
    assert limits.MAX_DAYS == (limits.LATEST_DATE - limits.EARLIEST_DATE).days


@pytest.mark.parametrize(
    "setting,value", [("TRACKER_DUE_SOON_DAYS", "99999999"), ("TRACKER_STALE_MONTHS", "99999999")]
)
def test_settings_beyond_the_limits_are_exit_6(db_url, monkeypatch, setting, value):
    monkeypatch.setenv(setting, value)
    result = _invoke(db_url, "remind")
    assert result.exit_code == 6 and "must be at most" in _one_line(result)


def _longest_party_code() -> str:
    """The longest code `--party` accepts: codes are checked against the gazetteer (issue #14)."""
    from tracker.gazetteer import get_index

    codes = {
        entry.code
        for entries in get_index().names.values()
        for entry in entries
        if entry.kind in {"country", "org"} and entry.code
    }
    longest = max(codes, key=len)
    assert len(longest) <= limits.CODE_CHARS
    return longest


def test_extreme_values_within_the_limits_export_and_load_into_either_engine(make_db_url, tmp_path):
    """A database filled to every limit on SQLite dumps and loads into PostgreSQL (and back)."""
    source = make_db_url("sqlite")
    title = "T" * limits.TITLE_CHARS
    assert (
        _invoke(
            source,
            "items",
            "add",
            title,
            "--start",
            limits.EARLIEST_DATE.isoformat(),
            "--end",
            limits.LATEST_DATE.isoformat(),
            "--country",
            "C" * limits.CODE_CHARS,
            "--party",
            _longest_party_code(),
            "--city",
            "M" * limits.LABEL_CHARS,
        ).exit_code
        == 0
    )
    assert (
        _invoke(
            source,
            "meetings",
            "add",
            "--start",
            limits.LATEST_DATE.isoformat(),
            "--title",
            title,
            "--participant",
            "N" * limits.NAME_CHARS + "|" + "R" * limits.NAME_CHARS + "|BY",
        ).exit_code
        == 0
    )
    exported = _invoke(source, "--today", "2017-06-01", "export", "ics", "--todos", "both", "--alarm", "7d")
    assert exported.exit_code == 0 and exported.stdout.rstrip().endswith("END:VCALENDAR")
    dump = tmp_path / "backup.json"
    assert _invoke(source, "dump", "-o", str(dump)).exit_code == 0
    for engine in ("postgres", "sqlite"):
        target = make_db_url(engine)
        loaded = _invoke(target, "load", str(dump))
        assert loaded.exit_code == 0, loaded.stderr
        [item] = json.loads(_invoke(target, "--today", "2017-06-01", "items", "list", "--json").stdout)
        assert item["title"] == title


def _store_legacy_item(db_url: str, **values) -> None:
    """An item as a tracker without limits could store it (SQLite keeps any length and any date)."""
    assert (
        _invoke(db_url, "items", "add", "Round", "--start", "2030-01-01", "--end", "2030-12-31").exit_code
        == 0
    )
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE commitments SET " + ", ".join(f"{k} = :{k}" for k in values)), values)
    engine.dispose()


@pytest.mark.parametrize(
    "values,message",
    [
        ({"title": LONG_TITLE}, "commitments row 1: title is 628 characters long; at most 500 fit"),
        ({"window_end": dt.date(9999, 12, 31)}, "commitments row 1: window_end 9999-12-31 is out of range"),
    ],
    ids=["long title", "far date"],
)
def test_load_refuses_a_dump_one_engine_could_not_hold(make_db_url, tmp_path, values, message):
    source = make_db_url("sqlite")
    _store_legacy_item(source, **values)
    dump = tmp_path / "backup.json"
    assert _invoke(source, "dump", "-o", str(dump)).exit_code == 0
    for engine in ("postgres", "sqlite"):
        target = make_db_url(engine)
        result = _invoke(target, "load", str(dump))
        assert result.exit_code == 2, result.stderr
        assert message in _one_line(result)
        assert json.loads(_invoke(target, "items", "list", "--json").stdout) == []


def test_a_row_stored_before_the_limits_is_named_and_no_calendar_is_written(make_db_url):
    """A row stored before the limits (9999-12-31) cannot be exported: before, `export ics --todos both`
    wrote part of the calendar, then an OverflowError traceback. Now one line names the row and how to
    correct it, and not one line of the calendar reaches stdout."""
    db_url = make_db_url("sqlite")
    _store_legacy_item(db_url, window_end=dt.date(9999, 12, 31))
    assert _invoke(db_url, "meetings", "add", "--start", "2017-05-12").exit_code == 0
    result = CliRunner().invoke(
        app, ["--db", db_url, "--today", "2017-06-01", "export", "ics", "--todos", "both"]
    )
    assert result.exit_code == 5 and result.stdout == ""
    assert "item #1 has the date 9999-12-31, beyond 1900-01-01..2200-12-31" in _one_line(result)
    assert "`tracker items edit 1 --start YYYY-MM-DD --end YYYY-MM-DD`" in result.stderr
    assert (
        _invoke(db_url, "items", "edit", "1", "--start", "2030-01-01", "--end", "2030-12-31").exit_code == 0
    )
    fixed = _invoke(db_url, "--today", "2017-06-01", "export", "ics", "--todos", "both")
    assert fixed.exit_code == 0 and fixed.stdout.rstrip().endswith("END:VCALENDAR")


def test_a_meeting_beyond_the_limits_is_named_unless_rejected(make_db_url):
    """A meeting stored with the date 9999-12-31 is named like an item, before any byte of the calendar;
    once rejected in review it is never written, so it stops no export."""
    db_url = make_db_url("sqlite")
    assert _invoke(db_url, "meetings", "add", "--start", "2017-05-12").exit_code == 0
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE meetings SET end_date = :end"), {"end": dt.date(9999, 12, 31)})
    refused = CliRunner().invoke(app, ["--db", db_url, "--today", "2017-06-01", "export", "ics"])
    assert refused.exit_code == 5 and refused.stdout == ""
    assert "meeting #1 has the date 9999-12-31" in _one_line(refused)
    with engine.begin() as connection:
        connection.execute(text("UPDATE meetings SET review = 'rejected'"))
    engine.dispose()
    exported = _invoke(db_url, "--today", "2017-06-01", "export", "ics")
    assert exported.exit_code == 0 and "BEGIN:VEVENT" not in exported.stdout


def test_write_whole_writes_nothing_when_the_calendar_fails_half_way():
    import io

    from tracker.cli.export import write_whole

    def chunks():
        yield b"BEGIN:VCALENDAR\r\n"
        raise OverflowError("date value out of range")

    stream = io.BytesIO()
    with pytest.raises(OverflowError):
        write_whole(stream, chunks())
    assert stream.getvalue() == b""


def test_a_source_dated_beyond_the_limits_is_stored_undated(engine):
    """A feed entry or page dated 9999 (its metadata, not the user) is read and stored without that date,
    so the database never holds a date that `load` or an export would refuse."""
    from sqlalchemy.orm import Session

    from tracker.extraction import TextDocument
    from tracker.services.ingest import ingest_document

    release = (
        "On 6 October 2016, political consultations between the foreign ministries of Serbia and Belarus "
        "were held in Belgrade. It was agreed to hold the next round of political consultations in Minsk "
        "in 2017.\n"
    )
    with Session(engine) as session:
        result = ingest_document(
            session,
            TextDocument(release, "entry.xml#1", published=dt.date(9999, 1, 1)),
            at=dt.datetime(2017, 1, 1, tzinfo=dt.UTC),
        )
        session.commit()
        assert result.added
        dates = (
            session.execute(
                text(
                    "SELECT published FROM documents UNION ALL SELECT made_on FROM commitments"
                    " UNION ALL SELECT start_date FROM meetings"
                )
            )
            .scalars()
            .all()
        )
    assert len(dates) == 3  # the document, its item and its meeting
    assert all(day is None or str(day) <= limits.LATEST_DATE.isoformat() for day in dates)
