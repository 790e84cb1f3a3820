"""Benchmark of `tracker remind` and `tracker items list --overdue` (issue #4). Not a test.

Run: .venv/bin/python bench/remind.py [--runs 5] [--scale 1.0] [--scale-b S] [--skip-a] [--skip-b] [--keep DIR]

(a) 1,000,000 items in SQLite, 10,000 of them open (the rest fulfilled or
    cancelled), windows spread over 2015-2030: `tracker remind` as a whole process
    (median of --runs runs, peak RSS of the process), `tracker remind --json`, and
    `tracker items list --overdue --json` (time to first byte, total, peak RSS),
    plus `tracker items list --json` over all 1,000,000 to show the list streams.
    Targets: remind <= 1 s and <= 200 MB.
(b) 100,000 open items with windows spread over 2015-2030 and, when Taskwarrior
    (`task`) is installed, the same 100,000 as Taskwarrior tasks (due = the day
    after the window ends, so "overdue" means the same in both):
    `tracker remind --json > /dev/null` beside `task +OVERDUE list`, in the same run,
    and the text `tracker remind` (streamed: target <= 200 MB peak, issue #16).
    Target: at most 0.4 of Taskwarrior's time (issue #16; #4 asked for half), at 100,000
    items (smaller runs print the ratio without a verdict: there the start-up of a Python
    process weighs more).

Each command is its own process, measured with os.wait4 (wall time, peak RSS).
Both sides act on the real date of the run (Taskwarrior cannot be told another),
which tracker is given with --today.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TRACKER = [sys.executable, "-m", "tracker"]
PARTIES = ["BY", "RS", "RU", "CN", "DE", "FR", "IT", "HU", "TR", "AZ", "KZ", "UZ", "AM", "GE", "MD", "UA"]
CITIES = ["Minsk", "Belgrade", "Moscow", "Beijing", "Berlin", "Paris", "Rome", "Budapest", "Ankara", "Baku"]
KINDS = ["consultations", "visit", "meeting", "talks", "summit", "commission", "signing"]
STAMP = "2020-01-02 03:04:05.000000"


def _window(rng: random.Random) -> tuple[str, str, str, str]:
    """A month, quarter or year window starting between 2015 and 2030."""
    year = rng.randint(2015, 2030)
    shape = rng.random()
    if shape < 0.6:
        month = rng.randint(1, 12)
        start = dt.date(year, month, 1)
        end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        return start.isoformat(), end.isoformat(), "month", f"in {start:%B %Y}"
    if shape < 0.85:
        quarter = rng.randint(0, 3)
        start = dt.date(year, quarter * 3 + 1, 1)
        end = dt.date(year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1) - dt.timedelta(days=1)
        return start.isoformat(), end.isoformat(), "quarter", f"in Q{quarter + 1} {year}"
    return f"{year}-01-01", f"{year}-12-31", "year", f"in {year}"


def build_database(path: Path, total: int, open_count: int, seed: int = 4) -> None:
    """`total` items of which `open_count` are open (spread through the table), schema made by Alembic."""
    from tracker.storage.db import make_engine, upgrade

    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    rng = random.Random(seed)
    open_ids = set(rng.sample(range(1, total + 1), open_count))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA journal_mode = OFF")
    columns = (
        "id, uid, kind, title, firmness, city, country, timezone, window_start, window_end, window_precision, "
        "window_text, status, review, made_on, fulfilled_on, evidence_text, evidence_start, evidence_end, "
        "sequence, created_at, updated_at"
    )
    sql_items = f"INSERT INTO commitments ({columns}) VALUES ({', '.join('?' * 22)})"
    sql_parties = "INSERT INTO commitment_parties (commitment_id, code) VALUES (?, ?)"
    batch_items, batch_parties = [], []
    for item_id in range(1, total + 1):
        start, end, precision, text = _window(rng)
        if item_id in open_ids:
            status, fulfilled_on = "open", None
        elif rng.random() < 0.8:
            status, fulfilled_on = "fulfilled", end
        else:
            status, fulfilled_on = "cancelled", None
        city = rng.choice(CITIES)
        kind = rng.choice(KINDS)
        review = "unreviewed" if rng.random() < 0.3 else "confirmed"
        evidence = f"It was agreed to hold the next {kind} in {city} {text}."
        made_on = (dt.date.fromisoformat(start) - dt.timedelta(days=rng.randint(30, 400))).isoformat()
        batch_items.append(
            (
                item_id,
                f"bench-{item_id}@tracker",
                kind,
                f"Next {kind} in {city}",
                "agreed",
                city,
                None,
                None,
                start,
                end,
                precision,
                text,
                status,
                review,
                made_on,
                fulfilled_on,
                evidence,
                0,
                len(evidence),
                0,
                STAMP,
                STAMP,
            )
        )
        for code in rng.sample(PARTIES, 2):
            batch_parties.append((item_id, code))
        if len(batch_items) >= 50_000:
            connection.executemany(sql_items, batch_items)
            connection.executemany(sql_parties, batch_parties)
            batch_items, batch_parties = [], []
    connection.executemany(sql_items, batch_items)
    connection.executemany(sql_parties, batch_parties)
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()


def measure(command: list[str], env: dict | None = None, *, first_byte: bool = False) -> dict:
    """Run `command` with stdout read and discarded; wall seconds, peak RSS (MB), bytes, time to first byte."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    first = None
    size = 0
    while True:
        chunk = process.stdout.read1(1 << 16) if first_byte else process.stdout.read(1 << 20)
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - started
        size += len(chunk)
    stderr = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({code}): {stderr.decode()[-2000:]}")
    return {
        "seconds": wall,
        "peak_mb": usage.ru_maxrss / 1024,
        "bytes": size,
        "first_byte": first,
        "cpu": usage.ru_utime + usage.ru_stime,
    }


def _load() -> float:
    return os.getloadavg()[0]


def runs(command: list[str], count: int, env: dict | None = None, **kwargs) -> dict:
    results = [measure(command, env, **kwargs) for _ in range(count)]
    return {
        "median_s": statistics.median(r["seconds"] for r in results),
        "min_s": min(r["seconds"] for r in results),
        "peak_mb": max(r["peak_mb"] for r in results),
        "bytes": results[0]["bytes"],
        "first_byte_s": statistics.median(r["first_byte"] or 0 for r in results),
        "cpu_s": statistics.median(r["cpu"] for r in results),
    }


def _show(label: str, result: dict) -> None:
    print(
        f"  {label:<44} median {result['median_s']:6.3f} s  (min {result['min_s']:.3f})  "
        f"peak {result['peak_mb']:6.1f} MB  out {result['bytes'] / 1e6:7.2f} MB  "
        f"first byte {result['first_byte_s']:.3f} s  cpu {result['cpu_s']:.3f} s"
    )


def bench_a(folder: Path, count: int, open_count: int, repeat: int, today: str) -> dict:
    db = folder / "a.db"
    if db.exists():
        print(f"(a) reusing {db}", flush=True)
    else:
        print(f"(a) building {count:,} items ({open_count:,} open) in {db} ...", flush=True)
        started = time.perf_counter()
        build_database(db, count, open_count)
        print(f"    built in {time.perf_counter() - started:.1f} s", flush=True)
    base = TRACKER + ["--db", f"sqlite:///{db}", "--today", today]
    measure(base + ["remind"])  # warm the page cache once
    results = {
        "remind": runs(base + ["remind"], repeat),
        "remind --json": runs(base + ["remind", "--json"], repeat),
        "items list --overdue --json": runs(
            base + ["items", "list", "--overdue", "--json"], repeat, first_byte=True
        ),
    }
    for label, result in results.items():
        _show(f"tracker {label}", result)
    everything = runs(base + ["items", "list", "--json"], 1, first_byte=True)
    _show(f"tracker items list --json (all {count:,})", everything)
    results["items list --json (all)"] = everything
    ok = results["remind"]["median_s"] <= 1.0 and results["remind"]["peak_mb"] <= 200
    print(f"    target remind <= 1 s and <= 200 MB: {'met' if ok else 'NOT met'}")
    return results


def _taskwarrior_env(folder: Path) -> dict:
    data = folder / "taskdata"
    data.mkdir(exist_ok=True)
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\ngc=off\nhooks=off\n"
        "recurrence=off\nnews.version=2.6.2\n"
    )
    return {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}


def bench_b(folder: Path, count: int, repeat: int, today: str) -> dict:
    db = folder / "b.db"
    if db.exists():
        print(f"(b) reusing {db}", flush=True)
    else:
        print(f"(b) building {count:,} open items in {db} ...", flush=True)
        build_database(db, count, count, seed=7)
    base = TRACKER + ["--db", f"sqlite:///{db}", "--today", today]
    measure(base + ["remind", "--json"])
    results = {
        "tracker remind --json": runs(base + ["remind", "--json"], repeat),
        "tracker remind": runs(base + ["remind"], repeat),
    }
    _show("tracker remind --json", results["tracker remind --json"])
    _show("tracker remind", results["tracker remind"])
    if count == 100_000:
        met = "met" if results["tracker remind"]["peak_mb"] <= 200 else "NOT met"
        print(f"    target text remind <= 200 MB peak: {met}")
    overdue = json.loads(subprocess.run(base + ["remind", "--json"], capture_output=True, cwd=ROOT).stdout)
    print(f"    tracker: {overdue['counts']['overdue']:,} overdue")
    task = shutil.which("task")
    if task is None:
        print("    Taskwarrior (`task`) is not installed: no comparison (apt-get install taskwarrior)")
        return results
    env = _taskwarrior_env(folder)
    if (folder / "taskdata" / "pending.data").exists():
        (folder / "taskdata" / "pending.data").unlink()
    connection = sqlite3.connect(db)
    tasks = []
    for item_id, title, end in connection.execute(
        "SELECT id, title, window_end FROM commitments ORDER BY id"
    ):
        due = dt.date.fromisoformat(end) + dt.timedelta(days=1)
        tasks.append(
            {
                "uuid": f"00000000-0000-4000-8000-{item_id:012d}",
                "description": title,
                "status": "pending",
                "entry": "20200102T030405Z",
                "due": f"{due:%Y%m%d}T000000Z",
            }
        )
    connection.close()
    export = folder / "tasks.json"
    export.write_text(json.dumps(tasks))
    started = time.perf_counter()
    subprocess.run([task, "import", str(export)], env=env, check=True, capture_output=True)
    print(f"    imported {count:,} Taskwarrior tasks in {time.perf_counter() - started:.1f} s", flush=True)
    task_command = [task, "rc.detection=off", "rc.defaultwidth=160", "+OVERDUE", "list"]
    measure(task_command, env)
    results["task +OVERDUE list"] = runs(task_command, repeat, env)
    _show("task +OVERDUE list", results["task +OVERDUE list"])
    counted = subprocess.run(
        [task, "+OVERDUE", "count"], env=env, capture_output=True, text=True
    ).stdout.strip()
    print(f"    Taskwarrior: {counted} overdue")
    ratio = results["tracker remind --json"]["median_s"] / results["task +OVERDUE list"]["median_s"]
    results["ratio"] = ratio
    # On a shared machine the wall times depend on the other processes; CPU time much less so.
    cpu_ratio = results["tracker remind --json"]["cpu_s"] / results["task +OVERDUE list"]["cpu_s"]
    print(f"    CPU time ratio tracker/Taskwarrior: {cpu_ratio:.2f}")
    if count == 100_000:
        print(
            f"    ratio tracker/Taskwarrior: {ratio:.2f} (target <= 0.4: {'met' if ratio <= 0.4 else 'NOT met'})"
        )
    else:
        print(f"    ratio tracker/Taskwarrior: {ratio:.2f} (the target is set for 100,000 items)")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply the item counts (0.01 for a smoke run)"
    )
    parser.add_argument("--scale-b", type=float, help="scale of (b) alone (default: --scale)")
    parser.add_argument("--skip-a", action="store_true")
    parser.add_argument("--skip-b", action="store_true")
    parser.add_argument(
        "--keep", type=Path, help="build the databases in this folder and keep them (a later run reuses them)"
    )
    args = parser.parse_args()
    today = dt.date.today().isoformat()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"today {today}; {os.cpu_count()} CPUs; load average {_load():.1f} (wall times need an idle machine; "
        f"CPU time is the process's user+system time); python {sys.version.split()[0]}"
    )
    try:
        if not args.skip_a:
            bench_a(folder, int(1_000_000 * args.scale), int(10_000 * args.scale), args.runs, today)
        if not args.skip_b:
            scale_b = args.scale if args.scale_b is None else args.scale_b
            bench_b(folder, int(100_000 * scale_b), args.runs, today)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
