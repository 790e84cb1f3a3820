"""`tracker sources add|list|show|remove|poll` end to end, on SQLite and PostgreSQL (issue #12).

The fake ministry (tests/sources/fake_ministry.py) serves the site on 127.0.0.1; the
poll is the real command with politeness delays set to 0 through the environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sources.fake_ministry import CONSULTATIONS, NEXT_ROUND, VISIT, FakeMinistry, publish, set_feed

D1 = "Thu, 05 Oct 2017 10:00:00 GMT"


@pytest.fixture
def ministry(monkeypatch):
    monkeypatch.setenv("TRACKER_POLL_DELAY", "0")
    monkeypatch.setenv("TRACKER_POLL_TIMEOUT", "2")
    monkeypatch.setenv("TRACKER_POLL_RETRIES", "0")
    with FakeMinistry() as site:
        site.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
        yield site


def test_a_watched_ministry_fulfils_an_item_by_itself(cli, ministry):
    """The issue's story: add, poll (ingested), poll (nothing changed: one 304), publish, poll (item fulfilled)."""
    first = publish(ministry, "1001", "Consultations with Latvia", CONSULTATIONS)
    set_feed(ministry, "/press/rss.xml", [(first, "Consultations with Latvia", D1)])
    added = cli(
        "sources", "add", ministry.url("/press/rss.xml"), "--name", "mfa-az", "--party", "az", "--every", "2h"
    )
    assert (
        added.exit_code == 0
        and added.stdout == f"watching 'mfa-az': {ministry.url('/press/rss.xml')} every 2h\n"
    )

    polled = cli("sources", "poll", "--json", today="2017-10-06")
    assert polled.exit_code == 0, polled.stderr
    summary = json.loads(polled.stdout)
    assert (summary["documents"], summary["meetings"], summary["commitments"], summary["failed"]) == (
        1,
        1,
        1,
        0,
    )
    [item] = json.loads(cli("items", "list", "--json", today="2017-10-06").stdout)
    assert (item["status"], item["window"]["start"]) == ("open", "2018-01-01")

    ministry.log.clear()
    again = cli("sources", "poll", "mfa-az", today="2017-10-06")
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0] == "mfa-az: not modified"
    assert [(r.path, r.status) for r in ministry.log] == [("/press/rss.xml", 304)]  # robots.txt is kept a day
    assert "If-None-Match" in ministry.log[0].headers
    assert len(json.loads(cli("meetings", "list", "--json").stdout)) == 1

    later = publish(ministry, "1002", "Next round in Riga", NEXT_ROUND)
    set_feed(
        ministry,
        "/press/rss.xml",
        [
            (later, "Next round in Riga", "Mon, 12 Mar 2018 10:00:00 GMT"),
            (first, "Consultations with Latvia", D1),
        ],
    )
    third = cli("sources", "poll", "mfa-az", today="2018-03-13")
    assert third.exit_code == 0, third.stderr
    assert third.stdout.splitlines()[0] == (
        "mfa-az: 2 entries, 1 new: 1 stored, 0 already stored; 1 meeting(s), 0 item(s), fulfilled item(s) 1"
    )
    assert [p for p in ministry.paths() if p.startswith("/press/1")] == [later]
    [item] = json.loads(cli("items", "list", "--all", "--json", today="2018-03-13").stdout)
    assert item["status"] == "fulfilled"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no database behaviour in it
def test_add_list_show_remove(cli, ministry):
    url = ministry.url("/press/")
    assert cli("sources", "list").stdout == "no sources; `tracker sources add URL` watches one\n"
    assert cli("sources", "add", url, "--links", r"/press/\d+", "--party", "BY,RS").exit_code == 0
    [record] = json.loads(cli("sources", "list", "--json").stdout)
    assert record == {
        "name": "127.0.0.1",
        "url": url,
        "fetch_url": url,
        "kind": "auto",
        "parties": ["BY", "RS"],
        "links": r"/press/\d+",
        "every": "6h",
        "last_polled_at": None,
        "last_status": "never",
        "last_error": None,
        "last_new": 0,
        "failures": 0,
        "documents": 0,
        "redirects": [],
        "next_due": None,
        "created_at": record["created_at"],
    }
    shown = cli("sources", "show", "127.0.0.1")
    assert shown.exit_code == 0 and f"fetch_url:      {url}" in shown.stdout
    assert cli("sources", "remove", "127.0.0.1").stdout == "removed source '127.0.0.1'\n"
    assert cli("sources", "list", "--json").stdout == "[]\n"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no database behaviour in it
@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ["add", "ftp://mfa.example/rss"],
            2,
            "'ftp://mfa.example/rss' is not an http(s) URL of a feed or a listing page",
        ),
        (["add", "http://[::1/rss"], 2, "'http://[::1/rss' is not a valid URL (Invalid IPv6 URL)"),
        (
            ["add", "https://mfa.example/rss", "--every", "often"],
            2,
            "--every must look like 30m, 6h or 1d, got 'often'",
        ),
        (["add", "https://mfa.example/rss", "--every", "30s"], 2, "--every must be at least 1m, got '30s'"),
        (["add", "https://mfa.example/", "--links", "("], 2, "--links '(' is not a regular expression"),
        (["poll", "--since", "yesterday"], 2, "--since must be YYYY-MM-DD, got 'yesterday'"),
        (["poll", "x", "--all"], 2, "give source names or --all, not both"),
        (["poll", "nobody"], 3, "no source named 'nobody'; `tracker sources list` shows them"),
        (["show", "nobody"], 3, "no source named 'nobody'; `tracker sources list` shows them"),
        (["remove", "nobody"], 3, "no source named 'nobody'; `tracker sources list` shows them"),
    ],
)
def test_bad_arguments_are_one_line_on_stderr(cli, args, code, message):
    result = cli("sources", *args)
    assert result.exit_code == code
    [line] = result.stderr.splitlines()
    assert line.startswith(f"tracker: {message}"), line
    assert result.stdout == ""


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no database behaviour in it
def test_a_name_or_url_watched_twice_is_refused(cli):
    assert cli("sources", "add", "https://mfa.example/rss", "--name", "mfa").exit_code == 0
    twice = cli("sources", "add", "https://mfa.example/other", "--name", "mfa")
    assert twice.exit_code == 4 and twice.stderr == (
        "tracker: a source named 'mfa' exists already; choose another with --name\n"
    )
    same_url = cli("sources", "add", "https://mfa.example/rss", "--name", "other")
    assert same_url.exit_code == 4
    assert same_url.stderr == "tracker: https://mfa.example/rss is watched already as 'mfa'\n"


def test_one_failing_source_exits_1_names_itself_and_leaves_the_others_done(cli, ministry):
    good = publish(ministry, "1001", "Talks in Vienna", VISIT)
    set_feed(ministry, "/press/rss.xml", [(good, "Talks in Vienna", D1)])
    ministry.set("/broken.xml", '<?xml version="1.0"?><rss><channel><item><title>Cut', "application/rss+xml")
    ministry.set("/down.xml", status=500)
    cli("sources", "add", ministry.url("/press/rss.xml"), "--name", "good")
    cli("sources", "add", ministry.url("/broken.xml"), "--name", "broken")
    cli("sources", "add", ministry.url("/down.xml"), "--name", "down")
    result = cli("sources", "poll", "--all", "--json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"tracker: source 'broken' failing: {ministry.url('/broken.xml')}: not a readable RSS or Atom feed "
        + result.stderr.splitlines()[0].split("feed ", 1)[1],
        f"tracker: source 'down' failing: {ministry.url('/down.xml')}: HTTP 500 Internal Server Error",
    ]
    summary = json.loads(result.stdout)
    assert [(s["name"], s["status"], s["stored"]) for s in summary["sources"]] == [
        ("broken", "failing", 0),
        ("down", "failing", 0),
        ("good", "ok", 1),
    ]
    listed = {r["name"]: r for r in json.loads(cli("sources", "list", "--json").stdout)}
    assert (listed["down"]["last_status"], listed["down"]["failures"]) == ("failing", 1)
    assert listed["good"]["failures"] == 0 and listed["good"]["documents"] == 1
    text = cli("sources", "poll", "good", "down")
    assert text.exit_code == 1
    assert text.stdout.splitlines()[-1].startswith(
        "2 source(s) polled: 1 failed, 1 unchanged; 0 new document(s)"
    )


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no database behaviour in it
def test_a_plain_poll_reads_only_the_sources_that_are_due(cli, ministry):
    set_feed(ministry, "/press/rss.xml", [])
    cli("sources", "add", ministry.url("/press/rss.xml"), "--name", "mfa", "--every", "1d")
    assert json.loads(cli("sources", "poll", "--json").stdout)["polled"] == 1
    assert json.loads(cli("sources", "poll", "--json").stdout)["polled"] == 0  # polled a moment ago
    assert json.loads(cli("sources", "poll", "--all", "--json").stdout)["polled"] == 1


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no database behaviour in it
def test_calendars_is_the_new_name_of_feeds_which_stays_a_hidden_alias(cli):
    from typer.testing import CliRunner

    from tracker.cli import app

    assert cli("calendars", "add", "desk").exit_code == 0
    assert cli("feeds", "list", "--json").stdout == cli("calendars", "list", "--json").stdout
    top_help = CliRunner().invoke(app, ["--help"]).stdout
    assert "\n  calendars  " in top_help and "\n  feeds " not in top_help


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_poll_process_reads_articles_with_the_gazetteers_cache(cli, ministry, db_url, tmp_path):
    """As cron runs it (`main` loads only the sources module): the gazetteer index is cached, not rebuilt each poll."""
    first = publish(ministry, "1001", "Consultations with Latvia", CONSULTATIONS)
    set_feed(ministry, "/press/rss.xml", [(first, "Consultations with Latvia", D1)])
    cli("sources", "add", ministry.url("/press/rss.xml"), "--name", "mfa")
    cache = tmp_path / "cache"
    env = {**os.environ, "TRACKER_CACHE_DIR": str(cache)}
    code = "import sys; from tracker.cli import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", db_url, "sources", "poll", "mfa"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "1 new document(s)" in done.stdout
    assert [p.name.startswith("gazetteer-") for p in cache.iterdir()] == [True]
