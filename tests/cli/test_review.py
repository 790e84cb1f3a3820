"""`tracker review` (issue #4): the queue, non-interactive decisions, and the interactive walk."""

from __future__ import annotations

import json


def _add_talks_in_minsk(cli):
    """A meeting that only loosely fits the seed item: a proposed link, nothing fulfilled."""
    result = cli(
        "meetings", "add", "--start", "2017-05-15", "--kind", "talks", "--city", "Minsk", "--party", "BY,RS"
    )
    assert "may fulfil" in result.stdout
    return result


def test_queue_lists_unreviewed_items_and_pending_links(cli, seed_path):
    cli("ingest", seed_path)
    _add_talks_in_minsk(cli)
    queue = json.loads(cli("review", "list", "--json").stdout)
    assert [(i["id"], i["review"]) for i in queue["items"]] == [(1, "unreviewed")]
    [link] = queue["links"]
    assert (link["id"], link["state"], link["item"]["id"], link["meeting"]["kind"]) == (
        1,
        "proposed",
        1,
        "talks",
    )
    assert "only loosely fits" in link["reason"]
    text = cli("review", "list").stdout.splitlines()
    assert text[0].startswith("item #1   ?") and text[1].startswith(
        "link #1    proposed item #1 <- meeting #"
    )


def test_confirm_and_reject_an_item(cli, seed_path):
    cli("ingest", seed_path)
    assert cli("review", "reject", "1", "--reason", "misread").exit_code == 0
    assert json.loads(cli("items", "list", "--json").stdout) == []
    [hidden] = json.loads(cli("items", "list", "--all", "--json").stdout)
    assert hidden["review"] == "rejected"
    confirmed = cli("review", "confirm", "1")
    assert confirmed.exit_code == 0 and confirmed.stdout.startswith("#1     ")
    shown = json.loads(cli("items", "show", "1", "--json").stdout)
    assert shown["review"] == "confirmed"
    assert [(h["old"], h["new"], h["reason"]) for h in shown["history"] if h["field"] == "review"] == [
        ("unreviewed", "rejected", "misread"),
        ("rejected", "confirmed", "confirmed in review"),
    ]
    assert json.loads(cli("review", "list", "--json").stdout) == {"items": [], "links": []}


def test_confirm_link_fulfils_and_reject_link_reopens(cli, seed_path):
    cli("ingest", seed_path)
    _add_talks_in_minsk(cli)
    assert cli("review", "confirm-link", "1").stdout.startswith("link #1 confirmed: item #1 <- meeting #")
    assert json.loads(cli("items", "show", "1", "--json").stdout)["status"] == "fulfilled"
    assert cli("review", "reject-link", "1").exit_code == 0
    item = json.loads(cli("items", "show", "1", "--json").stdout)
    assert (item["status"], item["fulfilled_on"], item["fulfilled_meeting"]) == ("open", None, None)


def test_unknown_ids_are_exit_3(cli):
    for command in ("confirm", "reject", "confirm-link", "reject-link"):
        result = cli("review", command, "42")
        assert (
            result.exit_code == 3
            and result.stderr.startswith("tracker: no ")
            and result.stderr.count("\n") == 1
        )


def test_rejected_link_cannot_be_confirmed(cli, seed_path):
    cli("ingest", seed_path)
    _add_talks_in_minsk(cli)
    cli("review", "reject-link", "1")
    refused = cli("review", "confirm-link", "1")
    assert refused.exit_code == 4 and "tracker items done 1 --meeting" in refused.stderr


def test_interactive_walk_edits_window_and_place_then_confirms(cli, seed_path):
    cli("ingest", seed_path)
    _add_talks_in_minsk(cli)
    answers = "\n".join(["w", "2018-03-01..2018-06-30", "p", "Vitebsk", "BY,RS", "c", "r"]) + "\n"
    result = cli("review", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "evidence: \u201cIt was agreed in principle" in result.stdout
    assert "confirmed #1" in result.stdout and "rejected link #1" in result.stdout
    assert result.stdout.rstrip().endswith("review done; 4 decision(s) saved, 0 skipped")  # edits count (#14)
    item = json.loads(cli("items", "show", "1", "--json").stdout)
    assert (item["window"]["start"], item["window"]["end"], item["city"], item["review"]) == (
        "2018-03-01",
        "2018-06-30",
        "Vitebsk",
        "confirmed",
    )
    assert {h["reason"] for h in item["history"]} >= {"window corrected in review", "corrected in review"}


def test_interactive_walk_quit_keeps_earlier_decisions(cli, seed_path):
    cli("ingest", seed_path)
    _add_talks_in_minsk(cli)
    result = cli("review", input="c\nq\n")
    assert "stopped; 1 decision(s) saved" in result.stdout
    queue = json.loads(cli("review", "list", "--json").stdout)
    assert queue["items"] == [] and len(queue["links"]) == 1


def test_nothing_to_review(cli):
    assert cli("review").stdout == "nothing to review\n"


def test_interactive_window_answer_naming_no_dates_is_asked_again(cli, seed_path):
    cli("ingest", seed_path)
    result = cli("review", input="w\n..\ns\n")
    assert result.exit_code == 0, result.stderr
    assert "cannot read a window from '..'" in result.stderr
    assert "0 decision(s) saved, 1 skipped" in result.stdout
    item = json.loads(cli("items", "show", "1", "--json").stdout)
    assert item["review"] == "unreviewed" and item["window"]["text"] != ".."
