"""Every schema revision, filled with data, upgrades to head without losing a value (issue #7).

The rows are written with SQL core against the tables as they are at that
revision (reflected), never through the ORM models of head. A revision without
its own entry in ROWS_AT gets the rows of its nearest ancestor that has one;
when that no longer fits (a new NOT NULL column without a default), the test
says which revision needs its own rows.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import MetaData, select
from typer.testing import CliRunner

from tracker.cli import app
from tracker.services.dump import reset_sequences
from tracker.storage.db import _migrations_folder, current_revision, head_revision, make_engine, upgrade

AT = dt.datetime(2016, 10, 7, 9, 30, tzinfo=dt.UTC)

ROWS_AT: dict[str, dict[str, list[dict]]] = {
    "0001": {
        "documents": [
            {
                "id": 1,
                "sha256": "a" * 64,
                "source": "seeds/belgrade.txt",
                "title": "Consultations in Belgrade",
                "published": dt.date(2016, 10, 6),
                "text": "On 6 October 2016 consultations were held in Belgrade.",
                "ingested_at": AT,
            },
            {
                "id": 2,
                "sha256": "b" * 64,
                "source": "https://example.org/ünïcode",
                "title": None,
                "published": None,
                "text": "Texte en français — « guillemets ».",
                "ingested_at": AT,
            },
        ],
        "meetings": [
            {
                "id": 1,
                "uid": "m-1@tracker",
                "kind": "consultations",
                "title": "Political consultations",
                "start_date": dt.date(2016, 10, 6),
                "end_date": dt.date(2016, 10, 6),
                "start_time": dt.time(10, 0),
                "end_time": None,
                "city": "Belgrade",
                "country": "RS",
                "timezone": "Europe/Belgrade",
                "document_id": 1,
                "evidence_text": "consultations were held in Belgrade",
                "evidence_start": 19,
                "evidence_end": 54,
                "review": "unreviewed",
                "sequence": 0,
                "created_at": AT,
                "updated_at": AT,
            },
            {
                "id": 2,
                "uid": "m-2@tracker",
                "kind": "consultations",
                "title": "",
                "start_date": dt.date(2017, 5, 10),
                "end_date": dt.date(2017, 5, 11),
                "start_time": None,
                "end_time": None,
                "city": "Minsk",
                "country": "BY",
                "timezone": None,
                "document_id": None,
                "evidence_text": None,
                "evidence_start": None,
                "evidence_end": None,
                "review": "confirmed",
                "sequence": 2,
                "created_at": AT,
                "updated_at": AT,
            },
        ],
        "meeting_parties": [
            {"meeting_id": 1, "code": "BY"},
            {"meeting_id": 1, "code": "RS"},
            {"meeting_id": 2, "code": "BY"},
        ],
        "participants": [
            {
                "id": 1,
                "meeting_id": 1,
                "position": 0,
                "name": "Dragan Momčilović",
                "role": "Acting Assistant Minister",
                "country": "RS",
            }
        ],
        "commitments": [
            {
                "id": 1,
                "uid": "c-1@tracker",
                "kind": "consultations",
                "title": "Next round in Minsk",
                "firmness": "in_principle",
                "city": "Minsk",
                "country": "BY",
                "timezone": "Europe/Minsk",
                "window_start": dt.date(2017, 1, 1),
                "window_end": dt.date(2017, 12, 31),
                "window_precision": "year",
                "window_text": "in 2017",
                "status": "fulfilled",
                "review": "unreviewed",
                "made_on": dt.date(2016, 10, 6),
                "agreed_meeting_id": 1,
                "fulfilled_meeting_id": 2,
                "fulfilled_on": dt.date(2017, 5, 10),
                "document_id": 1,
                "evidence_text": "next round in Minsk in 2017",
                "evidence_start": 60,
                "evidence_end": 87,
                "sequence": 1,
                "created_at": AT,
                "updated_at": AT,
            },
            {
                "id": 2,
                "uid": "c-2@tracker",
                "kind": "visit",
                "title": "Open-ended visit",
                "firmness": "proposed",
                "city": None,
                "country": None,
                "timezone": None,
                "window_start": None,
                "window_end": None,
                "window_precision": "open",
                "window_text": "",
                "status": "open",
                "review": "confirmed",
                "made_on": None,
                "agreed_meeting_id": None,
                "fulfilled_meeting_id": None,
                "fulfilled_on": None,
                "document_id": None,
                "evidence_text": None,
                "evidence_start": None,
                "evidence_end": None,
                "sequence": 0,
                "created_at": AT,
                "updated_at": AT,
            },
        ],
        "commitment_parties": [{"commitment_id": 1, "code": "BY"}, {"commitment_id": 1, "code": "RS"}],
        "fulfilment_links": [
            {
                "id": 1,
                "commitment_id": 1,
                "meeting_id": 2,
                "state": "confirmed",
                "reason": "same parties, kind and city, within the window",
                "created_at": AT,
            }
        ],
        "feeds": [
            {
                "id": 1,
                "name": "belarus-desk",
                "token_hash": "c" * 64,
                "party": "BY",
                "kind": None,
                "created_at": AT,
                "revoked_at": None,
            }
        ],
        "history": [
            {
                "id": 1,
                "entity": "commitment",
                "entity_id": 1,
                "field": "status",
                "old_value": "open",
                "new_value": "fulfilled",
                "changed_at": AT,
                "reason": "marked done by hand",
            },
            {
                "id": 2,
                "entity": "meeting",
                "entity_id": 2,
                "field": "created",
                "old_value": None,
                "new_value": "m-2@tracker",
                "changed_at": AT,
                "reason": "added by hand",
            },
        ],
    },
}

# Issue #12: watched sources and the article URLs their polls handled; then hosts' robots.txt.
ROWS_AT["s0urces01"] = {
    **ROWS_AT["0001"],
    "sources": [
        {
            "id": 1,
            "name": "mfa-by",
            "url": "https://mfa.example/rss.php",
            "fetch_url": "https://mfa.example/rss.xml",
            "kind": "feed",
            "parties": "BY",
            "links_pattern": None,
            "every_seconds": 7200,
            "etag": '"abc"',
            "last_modified": "Thu, 05 Oct 2017 10:00:00 GMT",
            "last_polled_at": AT,
            "last_status": "ok",
            "last_error": None,
            "last_new": 1,
            "failures": 0,
            "redirects": "301 https://mfa.example/rss.php -> https://mfa.example/rss.xml",
            "created_at": AT,
        }
    ],
    "source_entries": [
        {
            "id": 1,
            "url_sha256": "d" * 64,
            "url": "https://mfa.example/press/1",
            "source_id": 1,
            "document_id": 1,
            "state": "stored",
            "attempts": 1,
            "error": None,
            "seen_at": AT,
        }
    ],
}
ROWS_AT["s0urces02"] = {
    **ROWS_AT["s0urces01"],
    "robots_files": [
        {
            "id": 1,
            "host": "https://mfa.example",
            "status": 200,
            "body": "User-agent: *\nDisallow:",
            "fetched_at": AT,
        }
    ],
}


def _script():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", _migrations_folder())
    return ScriptDirectory.from_config(config)


def _revisions() -> list[str]:
    """Every revision, oldest first (the history is linear). Head is included: upgrading a
    populated database at head must be a no-op that loses nothing either."""
    return list(reversed([script.revision for script in _script().walk_revisions()]))


def _rows_for(revision: str) -> tuple[str, dict[str, list[dict]]]:
    for script in _script().iterate_revisions(revision, "base"):
        if script.revision in ROWS_AT:
            return script.revision, ROWS_AT[script.revision]
    raise AssertionError(f"no rows for revision {revision} or any ancestor")


def _comparable(value):
    if isinstance(value, dt.datetime):
        value = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)
    return value


def test_there_is_data_for_the_first_revision():
    assert _revisions()[0] in ROWS_AT


@pytest.mark.empty_db
@pytest.mark.parametrize("revision", _revisions())
def test_populated_database_at_each_earlier_revision_upgrades_to_head(db_url, revision):
    engine = make_engine(db_url)
    upgrade(engine, revision)
    assert current_revision(engine) == revision
    source, data = _rows_for(revision)

    old = MetaData()
    old.reflect(engine)
    with engine.begin() as connection:
        for table in old.sorted_tables:
            rows = data.get(table.name, [])
            if not rows:
                continue
            needed = {c.name for c in table.columns if not c.nullable and c.server_default is None}
            missing = needed - set(rows[0])
            assert not missing, (
                f"table {table.name} at revision {revision} needs {sorted(missing)}: "
                f"add ROWS_AT[{revision!r}] (rows of {source} no longer fit)"
            )
            connection.execute(
                table.insert(), [{k: v for k, v in row.items() if k in table.columns} for row in rows]
            )
        if engine.dialect.name == "postgresql":
            reset_sequences(connection, old)  # the rows came with their ids

    upgrade(engine)
    assert current_revision(engine) == head_revision()

    new = MetaData()
    new.reflect(engine)
    with engine.connect() as connection:
        for table_name, rows in data.items():
            if table_name not in old.tables:
                continue
            assert table_name in new.tables, f"table {table_name} was dropped with its rows"
            table = new.tables[table_name]
            key = [c.name for c in table.primary_key.columns]
            for row in rows:
                where = [table.c[name] == row[name] for name in key]
                stored = connection.execute(select(table).where(*where)).mappings().one_or_none()
                assert stored is not None, f"{table_name} row {[row[k] for k in key]} lost"
                for column, value in row.items():
                    if column not in old.tables[table_name].columns:
                        continue
                    assert column in table.columns, f"column {table_name}.{column} was dropped with its data"
                    assert _comparable(stored[column]) == _comparable(value), f"{table_name}.{column} changed"
    engine.dispose()

    # The upgraded database is usable: the old rows read back through the CLI, new rows go in.
    runner = CliRunner()
    listed = runner.invoke(
        app, ["--db", db_url, "--today", "2017-06-01", "items", "list", "--json"], catch_exceptions=False
    )
    assert listed.exit_code == 0, listed.stderr
    assert {"c-1@tracker", "c-2@tracker"} <= {item["uid"] for item in json.loads(listed.stdout)}
    added = runner.invoke(
        app,
        [
            "--db",
            db_url,
            "--today",
            "2017-06-01",
            "items",
            "add",
            "After the upgrade",
            "--kind",
            "call",
            "--due",
            "in 2018",
            "--json",
        ],
        catch_exceptions=False,
    )
    assert added.exit_code == 0, added.stderr
