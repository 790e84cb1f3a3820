"""An edited release at the same web address is the next revision of one document (issue #17, point 2).

Before, a ministry correcting a date in a release it had published (or adding a
paragraph) gave a second document at the same address, and its meetings and
items were all counted twice. Now only what changed is stored or withdrawn, and
what a person confirmed or edited is kept for review, never withdrawn.
"""

from __future__ import annotations

import http.server
import json
import threading

import pytest

HEAD = "BAKU, 5 October 2017 - Azerbaijan and Latvia held political consultations on Thursday.\n\n"
NEXT_ROUND = "It was agreed to hold the next round of consultations in Riga in 2018.\n"
FIRST = HEAD + NEXT_ROUND
# The ministry corrects the date of the next round and adds a paragraph.
CORRECTED = (
    HEAD
    + "The ministers also discussed trade and transit.\n\n"
    + "It was agreed to hold the next round of consultations in Riga in the first half of 2019.\n"
)
# Only a paragraph added: everything read from the release stays as it was.
LONGER = HEAD + "The ministers also discussed trade and transit.\n\n" + NEXT_ROUND
WITHDRAWN = "withdrawn: not in revision 2 of {url}"


@pytest.fixture
def site(tmp_path):
    """A local web server; `site.publish(text)` puts `text` at `site.url`, as a ministry edits a page."""
    folder = tmp_path / "site"
    folder.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # poll_interval: shutdown() waits for it (the default 0.5 s was most of each test)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()

    class Site:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/press/release-1.txt"

        @staticmethod
        def publish(text: str) -> None:
            (folder / "press").mkdir(exist_ok=True)
            (folder / "press" / "release-1.txt").write_text(text, encoding="utf-8")

    yield Site
    httpd.shutdown()
    httpd.server_close()


def _listed(cli, *what):
    return json.loads(cli(*what, "--json").stdout)


def _everything(cli):
    """Every meeting and item as stored, rejected ones too, with their histories."""
    items = _listed(cli, "items", "list", "--all")
    return (
        _listed(cli, "meetings", "list", "--all"),
        [_listed(cli, "items", "show", item["id"]) for item in items],
    )


def test_a_corrected_release_replaces_what_changed_and_keeps_the_rest(cli, site):
    site.publish(FIRST)
    assert cli("ingest", site.url).exit_code == 0
    [meeting] = _listed(cli, "meetings", "list")
    [old_item] = _listed(cli, "items", "list")

    site.publish(CORRECTED)
    result = cli("ingest", site.url)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"updated: {site.url} (revision 2): 1 item added, 1 withdrawn"
    assert "0 new, 1 updated, 0 already stored" in result.stdout

    # The meeting is the same row, untouched; the item read from the old date is withdrawn, with why.
    assert _listed(cli, "meetings", "list") == [meeting]
    [new_item] = _listed(cli, "items", "list")
    assert new_item["id"] != old_item["id"]
    assert new_item["window"]["start"] == "2019-01-01" and new_item["agreed_meeting"] == meeting["uid"]
    withdrawn = _listed(cli, "items", "show", old_item["id"])
    assert withdrawn["review"] == "rejected"
    assert [(h["field"], h["old"], h["new"], h["reason"]) for h in withdrawn["history"]] == [
        ("review", "unreviewed", "rejected", WITHDRAWN.format(url=site.url))
    ]
    documents = _listed(cli, "documents", "list")
    assert [(d["source"], d["revision"]) for d in documents] == [(site.url, 1), (site.url, 2)]
    assert cli("documents", "list").stdout.splitlines()[1].endswith(f"({site.url}, revision 2)")

    # Either text again, from the same address, changes nothing further.
    stored = _everything(cli)
    for text in (CORRECTED, FIRST, CORRECTED + "\n\n"):
        site.publish(text)
        again = cli("ingest", site.url, "--json")
        assert json.loads(again.stdout)["added"] == 0
        assert _everything(cli) == stored


def test_an_added_paragraph_keeps_every_id_and_writes_no_history(cli, site):
    site.publish(FIRST)
    cli("ingest", site.url)
    before = _everything(cli)
    site.publish(LONGER)
    result = cli("ingest", site.url)
    assert result.stdout.splitlines()[0] == (
        f"updated: {site.url} (revision 2): nothing read from it changed"
    )
    assert _everything(cli) == before


@pytest.mark.parametrize(
    "page",
    [
        "Страница временно недоступна. Пожалуйста, зайдите позже.\n",
        "Page not found. The page you are looking for may have been moved or removed.\n",
    ],
    ids=["another language", "an error page"],
)
def test_a_text_from_which_nothing_is_read_withdraws_nothing(cli, site, page):
    site.publish(FIRST)
    cli("ingest", site.url)
    before = _everything(cli)
    site.publish(page)
    result = cli("ingest", site.url)
    assert result.stdout.splitlines()[0] == (
        f"updated: {site.url} (revision 2): nothing read from it; what earlier revisions gave is kept"
    )
    assert _everything(cli) == before


def test_the_same_release_with_only_whitespace_changed_adds_nothing(cli, site):
    site.publish(FIRST)
    cli("ingest", site.url)
    site.publish("\n" + FIRST.replace("\n\n", "\n\n\n") + "  \n")
    result = cli("ingest", site.url, "--json")
    assert json.loads(result.stdout)["added"] == 0
    assert len(_listed(cli, "documents", "list")) == 1


@pytest.mark.parametrize(
    "touch",
    [
        ("review", "confirm", "{id}"),
        ("items", "edit", "{id}", "--title", "Next round in Riga (checked with the embassy)"),
    ],
    ids=["confirmed", "edited"],
)
def test_what_a_person_confirmed_or_edited_is_kept_for_review_not_withdrawn(cli, site, touch):
    site.publish(FIRST)
    cli("ingest", site.url)
    [item] = _listed(cli, "items", "list")
    assert cli(*(part.format(id=item["id"]) for part in touch)).exit_code == 0

    site.publish(CORRECTED)
    result = cli("ingest", site.url)
    assert result.stdout.splitlines()[0] == (
        f"updated: {site.url} (revision 2): 1 item added, 1 kept for review"
    )
    kept = _listed(cli, "items", "show", item["id"])
    assert kept["review"] == "unreviewed" and kept["status"] == "open"
    assert kept["history"][-1]["reason"].startswith(f"not in revision 2 of {site.url}; kept")
    assert item["id"] in [queued["id"] for queued in _listed(cli, "review", "list")["items"]]
    assert len(_listed(cli, "items", "list")) == 2


def test_dry_run_says_what_a_revision_would_change_and_changes_nothing(cli, site):
    site.publish(FIRST)
    cli("ingest", site.url)
    before = _everything(cli)
    site.publish(CORRECTED)
    result = cli("ingest", site.url, "--dry-run")
    assert result.stdout.splitlines()[0] == (
        f"would update: {site.url} (revision 2): 1 item added, 1 withdrawn"
    )
    assert _everything(cli) == before
    assert cli("ingest", site.url).stdout.splitlines()[0].startswith(f"updated: {site.url} (revision 2)")


def test_json_summary_of_a_revision(cli, site):
    site.publish(FIRST)
    cli("ingest", site.url)
    [item] = _listed(cli, "items", "list")
    site.publish(CORRECTED)
    summary = json.loads(cli("ingest", site.url, "--json").stdout)
    assert (summary["added"], summary["updated"]) == (1, 1)
    [entry] = summary["results"]
    assert (entry["revision"], entry["meetings"], entry["commitments"]) == (2, 0, 1)
    assert entry["withdrawn"] == [{"entity": "item", "id": item["id"]}]
    assert entry["kept_for_review"] == []


def test_a_withdrawn_meeting_gives_up_the_item_it_fulfilled(cli, site, tmp_path):
    """A report of a meeting fulfilled an item; the ministry then corrects the meeting's year: the old
    meeting is withdrawn, its link rejected, and the corrected meeting fulfils the item (late)."""
    agreed = tmp_path / "agreed.txt"
    agreed.write_text(
        "BELGRADE, 6 October 2016 - Serbia and Belarus held political consultations.\n\n"
        "It was agreed to hold the next round of political consultations in Minsk in 2017.\n",
        encoding="utf-8",
    )
    cli("ingest", agreed)
    [item] = _listed(cli, "items", "list")
    report = "On {day}, political consultations between Serbia and Belarus were held in Minsk.\n"
    site.publish(report.format(day="12 May 2017"))
    cli("ingest", site.url, "--published", "2017-05-12")
    assert _listed(cli, "items", "show", item["id"])["fulfilled_on"] == "2017-05-12"

    site.publish(report.format(day="12 May 2018"))
    result = cli("ingest", site.url, "--published", "2018-05-12")
    assert result.stdout.splitlines()[0] == f"updated: {site.url} (revision 2): 1 meeting added, 1 withdrawn"
    assert [m["start"] for m in _listed(cli, "meetings", "list")] == ["2016-10-06", "2018-05-12"]
    withdrawn = [m for m in _listed(cli, "meetings", "list", "--all") if m["review"] == "rejected"]
    assert [m["start"] for m in withdrawn] == ["2017-05-12"]
    shown = _listed(cli, "items", "show", item["id"])
    assert (shown["status"], shown["fulfilled_on"]) == ("fulfilled", "2018-05-12")
    assert [link["state"] for link in shown["links"]] == ["rejected", "auto"]
    assert any(f"withdrawn: not in revision 2 of {site.url}" in h["reason"] for h in shown["history"])


def test_upgrade_keeps_a_release_stored_twice_at_one_address_and_the_next_revision_reconciles_it(
    cli, site, db_url
):
    """A database from before revisions holds two texts of one release at one address, each with its
    meeting and item: `tracker db upgrade` keeps both, as revisions 1 and 2 (the unique index holds), and
    the next text read there keeps one copy of what it still gives and withdraws the rest."""
    from sqlalchemy import create_engine, text

    from tracker.storage.db import downgrade

    site.publish(FIRST)
    cli("ingest", site.url)
    site.publish(CORRECTED)
    cli("ingest", site.url + "?copy")
    # Without tracker's engine settings: SQLite then enforces no foreign keys, and the batch
    # downgrade, which copies the documents table, does not clear the rows' document ids.
    engine = create_engine(db_url)
    downgrade(engine, "ingestfast02")
    with engine.begin() as connection:
        connection.execute(text("UPDATE documents SET source = :url"), {"url": site.url})
    assert cli("db", "upgrade").exit_code == 0
    with engine.connect() as connection:
        revisions = connection.execute(text("SELECT revision FROM documents ORDER BY id")).scalars().all()
    engine.dispose()
    assert revisions == [1, 2]
    assert len(_listed(cli, "meetings", "list")) == 2 and len(_listed(cli, "items", "list")) == 2

    site.publish(CORRECTED + "\nThe talks took place in a friendly atmosphere.\n")
    result = cli("ingest", site.url)
    assert result.stdout.splitlines()[0] == (
        f"updated: {site.url} (revision 3): 1 meeting and 1 item withdrawn"
    )
    [meeting] = _listed(cli, "meetings", "list")
    [item] = _listed(cli, "items", "list")
    assert meeting["id"] == 1 and item["window"]["start"] == "2019-01-01"
