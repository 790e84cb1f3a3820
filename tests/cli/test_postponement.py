"""A release that puts an item off reschedules the stored item, with history (issue #11)."""

import json

AGREED = (
    "BAKU, 5 October 2017 - Azerbaijan and Latvia held political consultations in Baku on Thursday.\n\n"
    "The sides agreed that the Foreign Minister of Latvia will pay an official visit to Azerbaijan in "
    "March 2018.\n"
)
POSTPONED = (
    "RIGA, 20 February 2018 - The planned official visit of the Foreign Minister of Latvia to Azerbaijan "
    "has been postponed to June 2018, the ministry said on Tuesday.\n"
)
OTHER_PAIR = (
    "VILNIUS, 20 February 2018 - The planned official visit of the Foreign Minister of Lithuania to "
    "Georgia has been postponed to June 2018, the ministry said on Tuesday.\n"
)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_postponed_visit_reschedules_the_stored_item(cli, tmp_path):
    assert cli("ingest", _write(tmp_path, "agreed.txt", AGREED)).exit_code == 0
    result = cli("ingest", _write(tmp_path, "postponed.txt", POSTPONED), "--json")
    summary = json.loads(result.stdout)
    assert summary["commitments"] == 0 and summary["results"][0]["rescheduled"] == [1]
    [item] = json.loads(cli("items", "list", "--all", "--json").stdout)
    assert (item["id"], item["status"]) == (1, "rescheduled")
    assert (item["window"]["start"], item["window"]["end"]) == ("2018-06-01", "2018-06-30")
    shown = cli("items", "show", "1").stdout
    assert "open to rescheduled" in shown and "postponed, as" in shown and "postponed.txt" in shown


def test_the_summary_names_the_rescheduled_item(cli, tmp_path):
    cli("ingest", _write(tmp_path, "agreed.txt", AGREED))
    shown = cli("ingest", _write(tmp_path, "postponed.txt", POSTPONED))
    assert "rescheduled item #1" in shown.stdout


def test_a_postponement_of_another_pair_is_an_item_of_its_own(cli, tmp_path):
    cli("ingest", _write(tmp_path, "agreed.txt", AGREED))
    summary = json.loads(cli("ingest", _write(tmp_path, "other.txt", OTHER_PAIR), "--json").stdout)
    assert summary["results"][0]["rescheduled"] == []
    items = json.loads(cli("items", "list", "--all", "--json").stdout)
    assert [(i["id"], i["status"]) for i in items] == [(1, "open"), (2, "open")]
