"""Shared by the benchmark scripts of issue #7: timing, result lines, generated data.

Every script prints its figures as lines `BENCH {json}` (one figure each) that
bench/run.py collects into the single table; anything else it prints is for a
human reading the log. Benchmarks read the wall clock; tests never do.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))  # docgen: the generated press releases

from docgen import press_release, write_corpus  # noqa: E402

__all__ = ["ROOT", "emit", "best_of", "run_tracker", "press_release", "write_corpus", "tracker_env"]


def emit(
    figure: str,
    ours: float | None,
    peer: float | None = None,
    *,
    peer_name: str = "",
    unit: str = "",
    better: str = "higher",
    note: str = "",
) -> None:
    """Print one figure for the table; `better` says whether higher or lower values are better."""
    print(
        "BENCH "
        + json.dumps(
            {
                "figure": figure,
                "ours": ours,
                "peer": peer,
                "peer_name": peer_name,
                "unit": unit,
                "better": better,
                "note": note,
            }
        ),
        flush=True,
    )


def best_of(runs: int, action) -> float:
    """Median wall time in seconds of `runs` calls of `action()`."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def tracker_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_CONFIG"] = os.devnull
    return env


def run_tracker(db_url: str, *args: object, check: bool = True) -> subprocess.CompletedProcess:
    """One `tracker` process, as a user runs it (start-up included)."""
    command = [
        sys.executable,
        "-m",
        "tracker",
        "--db",
        db_url,
        "--today",
        "2017-06-01",
        *[str(a) for a in args],
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=tracker_env(), cwd=ROOT)
    if check and result.returncode != 0:
        raise SystemExit(f"tracker {' '.join(map(str, args))} failed: {result.stderr.strip()[-500:]}")
    return result


def fill_items(db_url: str, items: int, *, seed: int = 7) -> None:
    """A database at head with `items` open items (two parties each) and a meeting per ten items, bulk inserted."""
    import datetime as dt
    import random

    from sqlalchemy import insert
    from sqlalchemy.orm import Session

    from tracker.storage import models as m
    from tracker.storage.db import make_engine, upgrade

    rng = random.Random(seed)
    parties = ["AT", "BY", "CN", "DE", "FR", "IN", "JP", "RS", "TR", "US"]
    kinds = ["consultations", "visit", "meeting", "talks", "commission"]
    at = dt.datetime(2017, 3, 1, 12, tzinfo=dt.UTC)
    engine = make_engine(db_url)
    upgrade(engine)
    with Session(engine) as session:
        meetings = max(1, items // 10)
        session.execute(
            insert(m.Meeting),
            [
                {
                    "id": i + 1,
                    "uid": f"bench-meeting-{i}@tracker",
                    "kind": rng.choice(kinds),
                    "title": f"Meeting {i}",
                    "start_date": dt.date(2016, 1, 1) + dt.timedelta(days=i % 700),
                    "end_date": dt.date(2016, 1, 1) + dt.timedelta(days=i % 700),
                    "city": "Minsk",
                    "country": "BY",
                    "review": "confirmed",
                    "sequence": 0,
                    "created_at": at,
                    "updated_at": at,
                }
                for i in range(meetings)
            ],
        )
        rows = []
        for i in range(items):
            year = 2016 + i % 4
            rows.append(
                {
                    "id": i + 1,
                    "uid": f"bench-item-{i}@tracker",
                    "kind": rng.choice(kinds),
                    "title": f"Next round of consultations no. {i}",
                    "firmness": "agreed",
                    "city": "Minsk",
                    "country": "BY",
                    "window_start": dt.date(year, 1, 1),
                    "window_end": dt.date(year, 12, 31),
                    "window_precision": "year",
                    "window_text": f"in {year}",
                    "status": "open",
                    "review": "confirmed",
                    "made_on": dt.date(year - 1, 6, 1),
                    "evidence_text": f"They agreed to meet again in {year}.",
                    "evidence_start": 0,
                    "evidence_end": 30,
                    "sequence": 0,
                    "created_at": at,
                    "updated_at": at,
                }
            )
        for start in range(0, len(rows), 5000):
            session.execute(insert(m.Commitment), rows[start : start + 5000])
        session.execute(
            insert(m.CommitmentParty),
            [{"commitment_id": i + 1, "code": code} for i in range(items) for code in rng.sample(parties, 2)],
        )
        session.commit()
    engine.dispose()
