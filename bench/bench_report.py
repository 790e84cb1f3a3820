"""Benchmark: `tracker report weekly`, HTML and JSON, on a database of 100,000 items (issue #16: under 1 s).

Builds a temporary SQLite database with bulk inserts through the models (seeded
random data: 1,000 documents, 10,000 meetings, 100,000 items with two parties
each, their history), then times the command end to end in fresh processes, as a
user would run it, the two formats taking turns. Prints the medians as
`report_html_100k_items_seconds <seconds>` and `report_json_100k_items_seconds <seconds>`,
and CPU time and peak memory on stderr.

    .venv/bin/python bench/bench_report.py [--items 100000] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from tracker.storage import models as m
from tracker.storage.db import make_engine, upgrade

TODAY = dt.date(2017, 3, 13)
PARTNERS = [
    "AT",
    "BA",
    "BE",
    "BG",
    "BY",
    "CN",
    "CZ",
    "DE",
    "EG",
    "ES",
    "FR",
    "GR",
    "HR",
    "HU",
    "IN",
    "IT",
    "JP",
    "KZ",
    "ME",
    "MK",
    "PL",
    "RO",
    "RU",
    "SI",
    "SK",
    "TR",
    "UA",
    "US",
    "AZ",
    "GB",
]
KINDS = ["consultations", "visit", "meeting", "talks", "summit", "commission", "call", "signing"]
CHUNK = 10_000


def _rows(count: int, make):
    return [make(i) for i in range(count)]


def build(url: str, items: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    engine = make_engine(url)
    upgrade(engine)
    at = dt.datetime(2017, 3, 1, 12, tzinfo=dt.UTC)
    documents = max(1, items // 100)
    meetings = max(1, items // 10)
    with Session(engine) as session:
        session.execute(
            insert(m.Document),
            _rows(
                documents,
                lambda i: {
                    "id": i + 1,
                    "sha256": f"{i:064x}",
                    "source": f"https://example.org/press/{i}",
                    "title": f"Press release {i}",
                    "published": TODAY - dt.timedelta(days=rng.randrange(1000)),
                    "text": "Lorem ipsum. " * 40,
                    "ingested_at": at,
                },
            ),
        )
        for first in range(0, meetings, CHUNK):
            count = min(CHUNK, meetings - first)
            rows, parties = [], []
            for i in range(first, first + count):
                start = TODAY - dt.timedelta(days=rng.randrange(-60, 1000))
                rows.append(
                    {
                        "id": i + 1,
                        "uid": f"m{i}@bench",
                        "kind": rng.choice(KINDS),
                        "title": f"Meeting {i}",
                        "start_date": start,
                        "end_date": start,
                        "city": "Belgrade",
                        "country": "RS",
                        "document_id": rng.randrange(documents) + 1,
                        "evidence_text": f"They met ({i}).",
                        "review": "confirmed",
                        "sequence": 0,
                        "created_at": at,
                        "updated_at": at,
                    }
                )
                parties += [
                    {"meeting_id": i + 1, "code": "RS"},
                    {"meeting_id": i + 1, "code": rng.choice(PARTNERS)},
                ]
            session.execute(insert(m.Meeting), rows)
            session.execute(insert(m.MeetingParty), parties)
        for first in range(0, items, CHUNK):
            count = min(CHUNK, items - first)
            rows, parties, history = [], [], []
            for i in range(first, first + count):
                made = TODAY - dt.timedelta(days=rng.randrange(0, 1100))
                roll = rng.random()
                start = end = None
                precision = "open"
                if roll > 0.1:
                    start = made + dt.timedelta(days=rng.randrange(0, 400))
                    end = start + dt.timedelta(days=rng.choice([0, 6, 30, 90, 180, 364]))
                    precision = "days"
                status = rng.choices(["open", "fulfilled", "cancelled", "rescheduled"], [60, 25, 5, 10])[0]
                fulfilled = None
                if status == "fulfilled":
                    fulfilled = min(TODAY, (end or made) + dt.timedelta(days=rng.randrange(-30, 60)))
                rows.append(
                    {
                        "id": i + 1,
                        "uid": f"c{i}@bench",
                        "kind": rng.choice(KINDS),
                        "title": f"Follow-up {i}",
                        "firmness": "agreed",
                        "city": "Minsk",
                        "country": "BY",
                        "window_start": start,
                        "window_end": end,
                        "window_precision": precision,
                        "window_text": "in due course",
                        "status": status,
                        "review": "rejected" if rng.random() < 0.03 else "confirmed",
                        "made_on": made,
                        "fulfilled_on": fulfilled,
                        "document_id": rng.randrange(documents) + 1,
                        "evidence_text": f"The sides agreed to hold follow-up number {i} <soon> & *then*.",
                        "sequence": 0,
                        "created_at": at,
                        "updated_at": at,
                    }
                )
                parties += [
                    {"commitment_id": i + 1, "code": "RS"},
                    {"commitment_id": i + 1, "code": rng.choice(PARTNERS)},
                ]
                if status != "open" and rng.random() < 0.2:
                    history.append(
                        {
                            "entity": "commitment",
                            "entity_id": i + 1,
                            "field": "status",
                            "old_value": "open",
                            "new_value": status,
                            "reason": "bench",
                            "changed_at": dt.datetime.combine(
                                TODAY - dt.timedelta(days=rng.randrange(60)), dt.time(9), dt.UTC
                            ),
                        }
                    )
            session.execute(insert(m.Commitment), rows)
            session.execute(insert(m.CommitmentParty), parties)
            if history:
                session.execute(insert(m.History), history)
        session.commit()
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each format, taking turns (median)")
    parser.add_argument(
        "--keep", type=Path, help="build the database and report in this folder and keep them"
    )
    args = parser.parse_args()
    if args.keep is None:
        with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
            run(Path(folder), args.items, args.runs)
    else:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep, args.items, args.runs)


def _measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run(folder: Path, items: int, runs: int = 3) -> None:
    database = folder / "bench.db"
    database.unlink(missing_ok=True)
    url = f"sqlite:///{database}"
    started = time.perf_counter()
    build(url, items)
    print(f"# built {items} items in {time.perf_counter() - started:.1f} s at {database}", file=sys.stderr)
    base = [sys.executable, "-m", "tracker", "--db", url, "--today", TODAY.isoformat(), "report", "weekly"]
    commands = {
        name: [*base, "--format", name, "-o", str(folder / f"report.{name}")] for name in ("html", "json")
    }
    _measure(commands["html"])  # warm the page cache once
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(runs):  # the two formats take turns, so that a busy spell hits both
        for name, command in commands.items():
            figures[name].append(_measure(command))
    label = f"{items // 1000}k" if items % 1000 == 0 else str(items)
    for name, measured in figures.items():
        seconds = statistics.median(m[0] for m in measured)
        cpu = statistics.median(m[1] for m in measured)
        # On a shared machine the wall time includes waiting for a core; the CPU time does not.
        print(
            f"# {name}: median of {runs}: {seconds:.2f} s wall, CPU {cpu:.2f} s, peak "
            f"{max(m[2] for m in measured):.0f} MB; load average {os.getloadavg()[0]:.1f}",
            file=sys.stderr,
        )
        print(f"report_{name}_{label}_items_seconds {seconds:.2f}")


if __name__ == "__main__":
    main()
