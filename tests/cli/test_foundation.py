"""End-to-end CLI behaviour of the walking skeleton (issue #2), on every engine."""

from __future__ import annotations

import json

from minsk import add_minsk_meeting


def test_ingest_is_idempotent_by_content(cli, seed_path):
    first = cli("ingest", seed_path, "--json")
    assert first.exit_code == 0, first.stderr
    summary = json.loads(first.stdout)
    assert (summary["added"], summary["meetings"], summary["commitments"]) == (1, 1, 1)

    again = json.loads(cli("ingest", seed_path, "--json").stdout)
    assert (again["added"], again["meetings"], again["commitments"]) == (0, 0, 0)
    assert len(json.loads(cli("items", "list", "--json").stdout)) == 1
    assert len(json.loads(cli("meetings", "list", "--json").stdout)) == 1


def test_seed_item_reads_with_its_window_and_sentence(cli, seed_path):
    cli("ingest", seed_path)
    [item] = json.loads(cli("items", "list", "--json", today="2017-06-01").stdout)
    assert item["window"]["start"] == "2017-01-01" and item["window"]["end"] == "2017-12-31"
    assert item["city"] == "Minsk"
    assert "It was agreed in principle to hold the next round" in item["evidence"]
    assert item["status"] == "open" and item["review"] == "unreviewed"


def test_party_filter_on_both_engines(cli, seed_path):
    cli("ingest", seed_path)
    cli("meetings", "add", "--start", "2017-03-01", "--kind", "talks", "--party", "FR,DE", "--city", "Paris")
    assert [m["city"] for m in json.loads(cli("meetings", "list", "--party", "by", "--json").stdout)] == [
        "Belgrade"
    ]
    assert [m["city"] for m in json.loads(cli("meetings", "list", "--party", "DE", "--json").stdout)] == [
        "Paris"
    ]


def test_done_records_meeting_and_history(cli, seed_path):
    cli("ingest", seed_path)
    added = json.loads(add_minsk_meeting(cli, "--json").stdout)
    result = cli("items", "done", "1", "--meeting", added["id"])
    assert result.exit_code == 0, result.stderr
    item = json.loads(cli("items", "show", "1", "--json", today="2018-01-02").stdout)
    assert item["status"] == "fulfilled" and item["state"] == "fulfilled"
    assert item["fulfilled_on"] == "2017-05-10" and item["fulfilled_meeting"] == added["uid"]
    assert {h["field"] for h in item["history"]} >= {"status", "fulfilled_meeting_id", "fulfilled_on"}


def test_reschedule_keeps_old_window_in_history(cli, seed_path):
    cli("ingest", seed_path)
    assert cli("items", "reschedule", "1", "--start", "2018-03-01", "--end", "2018-03-31").exit_code == 0
    item = json.loads(cli("items", "show", "1", "--json", today="2018-01-02").stdout)
    assert item["status"] == "rescheduled" and item["window"]["end"] == "2018-03-31"
    ends = [(h["old"], h["new"]) for h in item["history"] if h["field"] == "window_end"]
    assert ends == [("2017-12-31", "2018-03-31")]


def test_cancelled_item_cannot_be_done(cli, seed_path):
    cli("ingest", seed_path)
    assert cli("items", "cancel", "1").exit_code == 0
    refused = cli("items", "done", "1")
    assert refused.exit_code == 4
    assert refused.stderr.strip().count("\n") == 0 and refused.stderr.startswith("tracker: ")


def test_unknown_item_is_exit_3_with_one_line(cli):
    result = cli("items", "show", "42")
    assert result.exit_code == 3
    assert result.stderr == "tracker: no item with id 42; `tracker items list` shows them\n"


def test_missing_file_is_exit_2(cli, tmp_path):
    result = cli("extract", tmp_path / "nope.txt", "--json")
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.startswith("tracker: ")


def test_remind_with_fixed_today(cli, seed_path):
    cli("ingest", seed_path)
    soon = json.loads(cli("remind", "--json", today="2017-12-15").stdout)
    assert [i["city"] for i in soon["due_soon"]] == ["Minsk"] and soon["overdue"] == []
    late = cli("remind", "--json", "--fail-on-overdue", today="2018-01-02")
    assert late.exit_code == 1
    assert json.loads(late.stdout)["overdue"][0]["days_overdue"] == 2


def test_manual_item_with_due_text(cli):
    result = cli(
        "items",
        "add",
        "Next round",
        "--kind",
        "consultations",
        "--due",
        "in 2019",
        "--party",
        "BY,RS",
        "--json",
        today="2018-05-01",
    )
    assert result.exit_code == 0, result.stderr
    item = json.loads(result.stdout)
    assert (item["window"]["start"], item["window"]["end"], item["review"]) == (
        "2019-01-01",
        "2019-12-31",
        "confirmed",
    )


def test_issue_spellings_done_by_and_reschedule_window(cli, seed_path):
    """Issue #2 names `items done ID --by MEETING_ID` and `reschedule --window 2018`."""
    cli("ingest", seed_path)
    meeting = json.loads(add_minsk_meeting(cli, "--json", start="2018-02-01", kind="talks").stdout)
    assert cli("items", "reschedule", "1", "--window", "2018").exit_code == 0
    moved = json.loads(cli("items", "show", "1", "--json", today="2018-01-15").stdout)
    assert (moved["window"]["start"], moved["window"]["end"]) == ("2018-01-01", "2018-12-31")
    done = cli("items", "done", "1", "--by", meeting["id"])
    assert done.exit_code == 0, done.stderr
    item = json.loads(cli("items", "show", "1", "--json", today="2018-03-01").stdout)
    assert item["status"] == "fulfilled" and item["fulfilled_meeting"] == meeting["uid"]
    assert [h["field"] for h in item["history"]].count("status") >= 2
