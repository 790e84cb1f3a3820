"""Helpers of the reliability tests (issue #7): real `tracker` processes, canonical states, integrity checks.

The tests start `python -m tracker` as separate processes (concurrency and
crashes need real processes), and compare databases through a canonical state:
the dump with ids replaced by natural keys (sha256, UIDs) and instants left out,
so that two databases holding the same data compare equal whatever their
engine, ids or time of ingest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import text

from tracker.services.dump import dump_database
from tracker.storage.db import make_engine

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROCESS_TIMEOUT_S = 240


def tracker_command(db_url: str, *args: object) -> list[str]:
    return [sys.executable, "-m", "tracker", "--db", db_url, *[str(a) for a in args]]


def run_tracker(
    db_url: str, *args: object, timeout: float = PROCESS_TIMEOUT_S
) -> subprocess.CompletedProcess:
    """Run one tracker process to its end; the environment is the test's (no TRACKER_* leaks in)."""
    return subprocess.run(
        tracker_command(db_url, *args),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=PROJECT_ROOT,
        env=dict(os.environ),
    )


def start_tracker(db_url: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen(
        tracker_command(db_url, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
        env=dict(os.environ),
    )


def _rows(dump: dict, table: str) -> list[dict]:
    data = dump["tables"].get(table, {"columns": [], "rows": []})
    return [dict(zip(data["columns"], row)) for row in data["rows"]]


def _without_instants(row: dict, *drop: str) -> dict:
    return {k: v for k, v in row.items() if not k.endswith("_at") and k not in drop}


def canonical_state(db_url: str) -> dict:
    """The database's content keyed by sha256 and UIDs, without ids and instants."""
    engine = make_engine(db_url)
    try:
        dump = dump_database(engine)
    finally:
        engine.dispose()
    documents = {row["id"]: row["sha256"] for row in _rows(dump, "documents")}
    meetings = {row["id"]: row["uid"] for row in _rows(dump, "meetings")}
    items = {row["id"]: row["uid"] for row in _rows(dump, "commitments")}
    meeting_parties, item_parties, participants = {}, {}, {}
    for row in _rows(dump, "meeting_parties"):
        meeting_parties.setdefault(meetings[row["meeting_id"]], []).append(row["code"])
    for row in _rows(dump, "commitment_parties"):
        item_parties.setdefault(items[row["commitment_id"]], []).append(row["code"])
    for row in _rows(dump, "participants"):
        participants.setdefault(meetings[row["meeting_id"]], []).append(
            _without_instants(row, "id", "meeting_id")
        )
    state = {
        "documents": {row["sha256"]: _without_instants(row, "id") for row in _rows(dump, "documents")},
        "meetings": {
            row["uid"]: {
                **_without_instants(row, "id", "document_id"),
                "document": documents.get(row["document_id"]),
                "parties": sorted(meeting_parties.get(row["uid"], [])),
                "participants": sorted(participants.get(row["uid"], []), key=lambda p: p["position"]),
            }
            for row in _rows(dump, "meetings")
        },
        "commitments": {
            row["uid"]: {
                **_without_instants(row, "id", "document_id", "agreed_meeting_id", "fulfilled_meeting_id"),
                "document": documents.get(row["document_id"]),
                "agreed_meeting": meetings.get(row["agreed_meeting_id"]),
                "fulfilled_meeting": meetings.get(row["fulfilled_meeting_id"]),
                "parties": sorted(item_parties.get(row["uid"], [])),
            }
            for row in _rows(dump, "commitments")
        },
        "fulfilment_links": sorted(
            (items[row["commitment_id"]], meetings[row["meeting_id"]], row["state"], row["reason"])
            for row in _rows(dump, "fulfilment_links")
        ),
        "feeds": sorted((row["name"], row["token_hash"]) for row in _rows(dump, "feeds")),
        "history": sorted(
            Counter(
                (
                    row["entity"],
                    (meetings if row["entity"] == "meeting" else items).get(row["entity_id"]),
                    row["field"],
                    row["old_value"],
                    row["new_value"],
                    row["reason"],
                )
                for row in _rows(dump, "history")
            ).items(),
            key=repr,
        ),
    }
    return state


def count_entities(db_url: str) -> dict[str, int]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            return {
                table: connection.scalar(text(f"SELECT count(*) FROM {table}"))
                for table in (
                    "documents",
                    "meetings",
                    "commitments",
                    "meeting_parties",
                    "participants",
                    "commitment_parties",
                )
            }
    finally:
        engine.dispose()


# Each query lists rows that break a rule the schema or ingest promises.
_SANITY_QUERIES = {
    "duplicate document": "SELECT sha256 FROM documents GROUP BY sha256 HAVING count(*) > 1",
    "duplicate meeting": "SELECT uid FROM meetings GROUP BY uid HAVING count(*) > 1",
    "duplicate item": "SELECT uid FROM commitments GROUP BY uid HAVING count(*) > 1",
    "meeting of a missing document": "SELECT m.id FROM meetings m LEFT JOIN documents d ON d.id = m.document_id "
    "WHERE m.document_id IS NOT NULL AND d.id IS NULL",
    "item of a missing document": "SELECT c.id FROM commitments c LEFT JOIN documents d ON d.id = c.document_id "
    "WHERE c.document_id IS NOT NULL AND d.id IS NULL",
    "party of a missing meeting": "SELECT p.meeting_id FROM meeting_parties p LEFT JOIN meetings m "
    "ON m.id = p.meeting_id WHERE m.id IS NULL",
    "party of a missing item": "SELECT p.commitment_id FROM commitment_parties p LEFT JOIN commitments c "
    "ON c.id = p.commitment_id WHERE c.id IS NULL",
    "link to a missing item": "SELECT l.id FROM fulfilment_links l LEFT JOIN commitments c "
    "ON c.id = l.commitment_id WHERE c.id IS NULL",
}


def integrity_problems(db_url: str) -> list[str]:
    """What the engine's own check and the sanity queries find wrong (empty when all is well)."""
    problems = []
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                verdict = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
                if verdict != ["ok"]:
                    problems.append(f"integrity_check: {verdict}")
                problems += [
                    f"foreign_key_check: {tuple(row)}"
                    for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
                ]
            else:
                # PostgreSQL: every index must still be valid and every table readable.
                invalid = connection.scalar(text("SELECT count(*) FROM pg_index WHERE NOT indisvalid"))
                if invalid:
                    problems.append(f"{invalid} invalid index(es)")
            for rule, query in _SANITY_QUERIES.items():
                problems += [f"{rule}: {tuple(row)}" for row in connection.execute(text(query))]
    finally:
        engine.dispose()
    return problems
