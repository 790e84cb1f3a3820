"""`tracker dump` / `tracker load`: exact round trips, and the move from SQLite to PostgreSQL (issue #7)."""

from __future__ import annotations

import json
import re

import pytest
from minsk import add_minsk_meeting
from typer.testing import CliRunner

from tracker.cli import app

from .docgen import write_corpus
from .helpers import canonical_state

TODAY = "2017-06-01"


def invoke(db_url: str, *args: object):
    result = CliRunner().invoke(
        app, ["--db", db_url, "--today", TODAY, *[str(a) for a in args]], catch_exceptions=False
    )
    return result


def _ok(db_url: str, *args: object):
    result = invoke(db_url, *args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


def populate(db_url: str, tmp_path, seed_path) -> dict:
    """A database touching every table: documents, meetings with participants, items, links, feeds, history."""
    write_corpus(tmp_path / "corpus", range(25))
    _ok(db_url, "ingest", seed_path, tmp_path / "corpus")
    meeting = json.loads(
        add_minsk_meeting(
            lambda *args: _ok(db_url, *args),
            "--participant",
            "Ana Petrović|Deputy Minister|RS",
            "--participant",
            "Élena Kupchina|Deputy Foreign Minister|BY",
            "--json",
        ).stdout
    )
    item = json.loads(
        _ok(
            db_url,
            "items",
            "add",
            "Visit of the working group",
            "--kind",
            "visit",
            "--due",
            "in 2018",
            "--party",
            "BY",
            "--json",
        ).stdout
    )
    _ok(db_url, "items", "reschedule", item["id"], "--start", "2018-03-01", "--end", "2018-03-31")
    _ok(
        db_url,
        "items",
        "done",
        item["id"],
        "--meeting",
        meeting["id"],
        "--reason",
        "held in Minsk, « à temps »",
    )
    _ok(db_url, "items", "cancel", 3)
    feed = json.loads(_ok(db_url, "feeds", "add", "belarus-desk", "--party", "BY", "--json").stdout)
    return {"meeting": meeting, "item": item, "feed_url": feed["url"]}


def test_dump_load_dump_is_byte_identical(db_url, make_db_url, tmp_path, seed_path):
    populate(db_url, tmp_path, seed_path)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _ok(db_url, "dump", "-o", first)
    target = make_db_url("sqlite" if db_url.startswith("sqlite") else "postgres")
    loaded = _ok(target, "load", first, "--json")
    assert sum(json.loads(loaded.stdout)["rows"].values()) > 100
    _ok(target, "dump", "-o", second)
    assert second.read_bytes() == first.read_bytes()


def test_dump_holds_every_entity_with_uids_and_no_feed_token(db_url, tmp_path, seed_path):
    made = populate(db_url, tmp_path, seed_path)
    _ok(db_url, "dump", "-o", tmp_path / "dump.json")
    raw = (tmp_path / "dump.json").read_text(encoding="utf-8")
    dump = json.loads(raw)
    assert dump["format"] == "tracker.dump/1" and dump["revision"]
    for table in (
        "documents",
        "meetings",
        "participants",
        "meeting_parties",
        "commitments",
        "commitment_parties",
        "fulfilment_links",
        "feeds",
        "history",
    ):
        assert dump["tables"][table]["rows"], table
    assert made["item"]["uid"] in raw and made["meeting"]["uid"] in raw
    token = re.search(r"/feeds/([^/.]+)\.ics", made["feed_url"])[1]
    assert token not in raw
    assert "token_hash" in dump["tables"]["feeds"]["columns"]


def test_load_refuses_a_database_that_is_not_empty(cli, db_url, tmp_path, seed_path):
    _ok(db_url, "ingest", seed_path)
    _ok(db_url, "dump", "-o", tmp_path / "dump.json")
    before = (tmp_path / "dump.json").read_bytes()
    refused = cli("load", tmp_path / "dump.json")
    assert refused.exit_code == 4
    assert refused.stderr.startswith("tracker: ") and refused.stderr.count("\n") == 1
    _ok(db_url, "dump", "-o", tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == before  # nothing half-loaded


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not a tracker dump"),
        (b'{"format": "something/else"}', "not a tracker dump"),
        (b"\xff\xfe\x00garbage", "not a tracker dump"),
    ],
)
def test_load_of_something_else_is_exit_2(make_db_url, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = invoke(make_db_url("sqlite"), "load", path)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_load_of_a_missing_file_is_exit_2(make_db_url, tmp_path):
    result = invoke(make_db_url("sqlite"), "load", tmp_path / "nope.json")
    assert result.exit_code == 2 and result.stderr.startswith("tracker: ")


def _without_dtstamp(ics: bytes) -> bytes:
    return re.sub(rb"^DTSTAMP:[^\r\n]*\r?\n", b"", ics, flags=re.MULTILINE)


@pytest.mark.postgres
def test_move_from_sqlite_to_postgresql_keeps_data_and_calendar(make_db_url, tmp_path, seed_path):
    sqlite_url, pg_url = make_db_url("sqlite"), make_db_url("postgres")
    populate(sqlite_url, tmp_path, seed_path)
    _ok(sqlite_url, "dump", "-o", tmp_path / "sqlite.json")
    _ok(pg_url, "load", tmp_path / "sqlite.json")

    _ok(pg_url, "dump", "-o", tmp_path / "pg.json")
    assert (tmp_path / "pg.json").read_bytes() == (tmp_path / "sqlite.json").read_bytes()
    assert canonical_state(pg_url) == canonical_state(sqlite_url)

    for todos in ("as-events", "both"):
        _ok(sqlite_url, "export", "ics", "--todos", todos, "-o", tmp_path / "sqlite.ics")
        _ok(pg_url, "export", "ics", "--todos", todos, "-o", tmp_path / "pg.ics")
        from_sqlite, from_pg = (tmp_path / "sqlite.ics").read_bytes(), (tmp_path / "pg.ics").read_bytes()
        assert b"DTSTAMP:" in from_pg
        assert _without_dtstamp(from_pg) == _without_dtstamp(from_sqlite)


@pytest.mark.postgres
def test_new_rows_after_a_load_on_postgresql_continue_the_ids(make_db_url, tmp_path, seed_path):
    """The load inserts ids as they were, so PostgreSQL's sequences must be moved past them."""
    sqlite_url, pg_url = make_db_url("sqlite"), make_db_url("postgres")
    populate(sqlite_url, tmp_path, seed_path)
    _ok(sqlite_url, "dump", "-o", tmp_path / "dump.json")
    _ok(pg_url, "load", tmp_path / "dump.json")
    dump = json.loads((tmp_path / "dump.json").read_text(encoding="utf-8"))
    largest = {
        table: max(row[0] for row in dump["tables"][table]["rows"])
        for table in ("documents", "meetings", "commitments", "history")
    }

    item = json.loads(
        _ok(pg_url, "items", "add", "Follow-up call", "--kind", "call", "--due", "in 2018", "--json").stdout
    )
    assert item["id"] == largest["commitments"] + 1
    meeting = json.loads(
        _ok(pg_url, "meetings", "add", "--start", "2017-07-01", "--kind", "talks", "--json").stdout
    )
    assert meeting["id"] == largest["meetings"] + 1
    write_corpus(tmp_path / "more", range(900, 903))
    assert json.loads(_ok(pg_url, "ingest", tmp_path / "more", "--json").stdout)["added"] == 3
    _ok(pg_url, "feeds", "add", "second-desk")


def test_dump_to_a_folder_that_does_not_exist_is_exit_2_and_writes_nothing(make_db_url, tmp_path, seed_path):
    db_url = make_db_url("sqlite")
    _ok(db_url, "ingest", seed_path)
    result = invoke(db_url, "dump", "-o", tmp_path / "missing" / "dump.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("tracker: ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "missing").exists()


def test_dump_replaces_an_older_file_whole(make_db_url, tmp_path, seed_path):
    db_url = make_db_url("sqlite")
    _ok(db_url, "ingest", seed_path)
    target = tmp_path / "dump.json"
    target.write_text("an older, longer file " * 10_000)
    _ok(db_url, "dump", "-o", target)
    json.loads(target.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dump.json.")] == []
