"""`tracker remind` (issue #4): groups, horizon, filters, quiet cron use and exit codes, on every engine."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from tracker.cli.remind import parse_horizon
from tracker.errors import InputError


def test_seed_item_due_soon_then_overdue(cli, seed_path):
    """The must-show of issue #4: due soon on 2017-12-15, overdue by 2 days on 2018-01-02, exit 1."""
    cli("ingest", seed_path)
    soon = json.loads(cli("remind", "--json", today="2017-12-15").stdout)
    assert [(i["city"], i["days_left"], i["unreviewed"]) for i in soon["due_soon"]] == [("Minsk", 16, True)]
    assert soon["overdue"] == [] and soon["counts"]["due_soon"] == 1
    late = cli("remind", "--json", "--fail-on-overdue", today="2018-01-02")
    assert late.exit_code == 1
    overdue = json.loads(late.stdout)["overdue"]
    assert [(i["city"], i["days_overdue"], i["state"]) for i in overdue] == [("Minsk", 2, "overdue")]


def test_json_document_has_every_group(cli, seed_path):
    cli("ingest", seed_path)
    document = json.loads(cli("remind", "--json", "--within", "3w", today="2016-12-20").stdout)
    assert list(document) == [
        "today",
        "within_days",
        "stale_months",
        "counts",
        "overdue",
        "due_soon",
        "opening_soon",
        "stale",
        "late_cadences",
    ]
    assert document["within_days"] == 21
    assert [(i["city"], i["opens_in_days"]) for i in document["opening_soon"]] == [("Minsk", 12)]


def test_text_output_marks_unreviewed_items(cli, seed_path):
    cli("ingest", seed_path)
    result = cli("remind", today="2018-01-02")
    lines = result.stdout.splitlines()
    assert lines[0] == "Overdue (1):"
    assert lines[1].startswith("  #1   ? 2017-01-01..2017-12-31 overdue 2d") and lines[1].endswith(
        "[2 day(s) overdue]"
    )
    assert lines[-1].startswith("? = read from a text, not reviewed yet")
    assert result.exit_code == 0, "without --fail-on-overdue the exit status is 0"


def test_quiet_prints_nothing_when_nothing_is_due(cli, seed_path):
    cli("ingest", seed_path)
    quiet = cli("remind", "--quiet", "--fail-on-overdue", today="2017-03-01")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    assert cli("remind", today="2017-03-01").stdout == "Nothing due within 30 days on 2017-03-01.\n"
    assert cli("remind", "-q", "--json", today="2017-03-01").stdout == ""
    assert cli("remind", "--quiet", today="2018-01-02").stdout.startswith("Overdue (1):")


def test_rejected_item_is_not_reminded(cli, seed_path):
    cli("ingest", seed_path)
    assert cli("review", "reject", "1").exit_code == 0
    result = cli("remind", "--json", "--fail-on-overdue", today="2018-01-02")
    assert result.exit_code == 0 and json.loads(result.stdout)["counts"]["overdue"] == 0


def test_party_and_kind_filters(cli, seed_path):
    cli("ingest", seed_path)
    cli(
        "items",
        "add",
        "Visit of the minister",
        "--kind",
        "visit",
        "--start",
        "2017-11-01",
        "--end",
        "2017-12-31",
        "--party",
        "FR,RS",
        today="2017-06-01",
    )
    both = json.loads(cli("remind", "--json", today="2018-01-02").stdout)["overdue"]
    assert sorted(i["kind"] for i in both) == ["consultations", "visit"]
    assert [
        i["kind"]
        for i in json.loads(cli("remind", "--json", "--party", "fr", today="2018-01-02").stdout)["overdue"]
    ] == ["visit"]
    assert [
        i["kind"]
        for i in json.loads(cli("remind", "--json", "--kind", "consultations", today="2018-01-02").stdout)[
            "overdue"
        ]
    ] == ["consultations"]


def test_late_cadence_and_stale_item_are_reminded(cli):
    for day in ("2014-10-01", "2015-10-01"):
        cli(
            "meetings",
            "add",
            "--start",
            day,
            "--kind",
            "consultations",
            "--party",
            "BY,RS",
            "--city",
            "Belgrade",
        )
    cli(
        "items",
        "add",
        "Opening of an honorary consulate",
        "--kind",
        "other",
        "--party",
        "RS,AT",
        today="2016-01-05",
    )
    document = json.loads(cli("remind", "--json", today="2017-06-01").stdout)
    assert [(c["parties"], c["late"]) for c in document["late_cadences"]] == [(["BY", "RS"], True)]
    assert [(i["title"], i["last_news"]) for i in document["stale"]] == [
        ("Opening of an honorary consulate", "2016-01-05")
    ]
    text = cli("remind", today="2017-06-01").stdout
    assert "Stale (no news for 12 months) (1):" in text and "Late cadences" in text


@pytest.mark.parametrize("value, days", [("30d", 30), ("6w", 42), ("30", 30), (" 2W ", 14), (None, 30)])
def test_parse_horizon(value, days):
    assert parse_horizon(value, 30) == days


@pytest.mark.parametrize("value", ["thirty", "3m", "-5", "1.5w"])
def test_bad_horizon_is_exit_2_with_one_line(cli, value):
    with pytest.raises(InputError):
        parse_horizon(value, 30)
    result = cli("remind", "--within", value)
    assert (
        result.exit_code == 2
        and result.stderr.startswith("tracker: --within must be")
        and result.stderr.count("\n") == 1
    )


def test_items_list_overdue_streams_the_same_json(cli, seed_path):
    cli("ingest", seed_path)
    cli(
        "items",
        "add",
        "Visit",
        "--kind",
        "visit",
        "--start",
        "2018-06-01",
        "--end",
        "2018-06-30",
        "--party",
        "FR",
    )
    overdue = cli("items", "list", "--overdue", "--json", today="2018-01-02")
    assert [(i["city"], i["days_overdue"]) for i in json.loads(overdue.stdout)] == [("Minsk", 2)]
    everything = cli("items", "list", "--json", today="2018-01-02").stdout
    assert [i["kind"] for i in json.loads(everything)] == ["consultations", "visit"]
    # Issue #16: each record is written as the database wrote it, on its own line (as remind --json
    # does), not laid out again: the values and key order are pinned (test_core_paths), not the spaces.
    lines = everything.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]] == json.loads(everything)
    assert cli("items", "list", "--overdue", "--json", today="2017-06-01").stdout == "[]\n"


def test_streamed_json_is_the_document_built_in_memory(cli, db_url, seed_path):
    """Issue #16: `remind --json` is written as its items are read, byte for byte the document
    built whole (`build_reminders`, `reminders_json`), which `--mail-to` still uses."""
    from sqlalchemy.orm import Session

    from tracker.cli.remind import reminders_json, write_json
    from tracker.services.reminders import build_reminders
    from tracker.storage.db import make_engine

    cli("ingest", seed_path)
    for start, end, party, review in (
        ("2017-11-01", "2017-12-31", "FR,RS", "confirmed"),
        ("2017-12-01", "2017-12-31", "BY", "unreviewed"),
        ("2017-12-01", "2017-12-31", "BY", "confirmed"),
        ("2018-01-01", "2018-01-20", "RS", "unreviewed"),
        ("2018-01-10", "2018-06-30", "DE,RS", "unreviewed"),
    ):
        args = ("Visit", "--kind", "visit", "--start", start, "--end", end, "--party", party)
        added = json.loads(cli("items", "add", *args, "--json", today="2017-06-01").stdout)
        if review == "confirmed":
            cli("review", "confirm", str(added["id"]))
    engine = make_engine(db_url)
    try:
        for args, filters in (
            ((), {}),
            (("--party", "RS"), {"party": "RS"}),
            (("--within", "2w"), {}),
            (("--kind", "visit"), {"kind": "visit"}),
        ):
            streamed = cli("remind", "--json", *args, today="2018-01-02").stdout
            within = 14 if args == ("--within", "2w") else 30
            with Session(engine) as session:
                built = build_reminders(session, dt.date(2018, 1, 2), within, **filters)
            buffer = io.StringIO()
            write_json(reminders_json(built), buffer)
            assert streamed == buffer.getvalue(), args
    finally:
        engine.dispose()
    document = json.loads(cli("remind", "--json", today="2018-01-02").stdout)
    assert document["counts"]["overdue"] == len(document["overdue"]) >= 3
    assert {item["unreviewed"] for item in document["overdue"]} == {True, False}


def test_streamed_text_is_the_rendering_of_the_json_document(cli, db_url, seed_path):
    """Issue #16: text `remind` is written as its items are read; it says what `--json` says, line for line."""
    from sqlalchemy.orm import Session

    from tracker.cli.remind import render_text
    from tracker.services.fulfilment import list_possible_matches
    from tracker.storage.db import make_engine

    cli("ingest", seed_path)
    for start, end, party in (
        ("2017-11-01", "2017-12-31", "FR,RS"),
        ("2017-12-01", "2017-12-31", "BY"),
        ("2018-01-01", "2018-01-20", "RS"),
        ("2018-01-10", "2018-06-30", "DE,RS"),
    ):
        cli(
            "items",
            "add",
            "Visit",
            "--kind",
            "visit",
            "--start",
            start,
            "--end",
            end,
            "--party",
            party,
            today="2017-06-01",
        )
    cli("items", "add", "Consulate", "--kind", "other", "--party", "RS,AT", today="2016-01-05")
    cli(
        "meetings", "add", "--start", "2017-12-20", "--kind", "meeting", "--party", "FR,RS", "--city", "Paris"
    )
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            possible = list_possible_matches(session)
    finally:
        engine.dispose()
    texts = []
    for args in ((), ("--party", "RS"), ("--within", "2w"), ("--kind", "visit")):
        texts.append(cli("remind", *args, today="2018-01-02").stdout)
        document = json.loads(cli("remind", "--json", *args, today="2018-01-02").stdout)
        assert texts[-1] == render_text(document, possible)
    for part in (
        "Overdue (3):",
        "Due within 30 days (1):",
        "opening within 30 days (1):",
        "Stale",
        "possible match",
    ):
        assert part in texts[0]
