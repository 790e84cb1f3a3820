"""Benchmark of the .ics export and the feed server (issue #5).

Run: .venv/bin/python bench/feed.py [--items 100000] [--requests 2000] [--concurrency 4]

Each phase runs in its own subprocess, so "peak RSS" is that phase's whole
process (inputs included), not a share of a long-lived interpreter:

  floor     icalendar alone: to_ical() of the same components, built beforehand
  export    tracker's exporter: domain objects -> bytes (streamed, one component at a time)
  database  `tracker export ics` path: SQLite with the items -> domain objects -> bytes
  server    conditional requests (If-None-Match -> 304) against waitress on 127.0.0.1

Targets from the issue: export under 20 s and 500 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARTIES = [
    "BY",
    "RS",
    "RU",
    "CN",
    "DE",
    "FR",
    "IT",
    "HU",
    "TR",
    "AZ",
    "KZ",
    "UZ",
    "AM",
    "GE",
    "MD",
    "UA",
    "PL",
    "AT",
    "GR",
    "EG",
]
CITIES = ["Minsk", "Belgrade", "Moscow", "Beijing", "Berlin", "Paris", "Rome", "Budapest", "Ankara", "Baku"]
TODAY = dt.date(2020, 6, 1)
AT = dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def make_items(count: int, seed: int = 5):
    """`count` varied items (windows, statuses, texts with commas and non-ASCII), deterministic."""
    from tracker.domain.model import Commitment, Evidence, Firmness, Kind, Precision, Status, Window

    rng = random.Random(seed)
    kinds, firmness = list(Kind), list(Firmness)
    statuses = [Status.OPEN] * 16 + [Status.FULFILLED] * 2 + [Status.CANCELLED, Status.RESCHEDULED]
    items = []
    for number in range(count):
        year = rng.randint(2015, 2025)
        if number % 10 == 0:
            window = Window.open("at a mutually convenient time")
        else:
            month = rng.randint(1, 12)
            start = dt.date(year, month, 1)
            end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            window = Window(start, end, Precision.MONTH, f"in {start:%B %Y}")
        city = rng.choice(CITIES)
        parties = sorted(rng.sample(PARTIES, 2))
        status = rng.choice(statuses)
        sentence = (
            f"It was agreed to hold the next round of consultations, on trade; energy and culture, "
            f"in {city} ({'Минск' if city == 'Minsk' else city}) {window.text or 'later'}."
        )
        items.append(
            Commitment(
                kind=rng.choice(kinds),
                firmness=rng.choice(firmness),
                window=window,
                title=f"Next round of consultations #{number}, {city}",
                parties=parties,
                city=city,
                country=parties[0],
                evidence=Evidence(sentence, 0, len(sentence)),
                status=status,
                fulfilled_on=window.end + dt.timedelta(days=3)
                if status is Status.FULFILLED and window.end
                else None,
                agreed_meeting_uid=f"meeting-{number // 3}@tracker",
                source=f"https://mfa.example/press/{number}",
                uid=f"item-{number:06d}@tracker",
                sequence=number % 4,
                created_at=AT,
                updated_at=AT,
            )
        )
    return items


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _options():
    from tracker.exporters.ics import ExportOptions

    return ExportOptions(today=TODAY, prodid="-//tracker bench//EN")


def _timed(action):
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def phase_floor(count: int) -> dict:
    """icalendar's own serialization of the same components, built (untimed) by tracker's component functions."""
    from tracker.exporters.ics import item_event, item_todo

    items = make_items(count)
    options = _options()
    # tracker writes its components itself (tracker.speed.ical); the floor is icalendar's writer on the same ones
    components = [(item_event(item, options) or item_todo(item, options)).to_icalendar() for item in items]
    size, wall, cpu = _timed(lambda: sum(len(component.to_ical()) for component in components))
    return {"seconds": wall, "cpu": cpu, "bytes": size, "components": len(components), "peak_mb": _peak_mb()}


def phase_export(count: int, todos: str) -> dict:
    """The exporter streaming to a file, as `tracker export ics -o` does."""
    from tracker.cli.export import write_atomically
    from tracker.exporters.ics import ExportOptions, TodoMode, iter_calendar

    items = make_items(count)
    inputs_mb = _peak_mb()
    options = ExportOptions(today=TODAY, prodid="-//tracker bench//EN", todos=TodoMode(todos))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.ics"
        size, wall, cpu = _timed(lambda: write_atomically(target, iter_calendar([], items, options)))
        data = target.read_bytes()
    return {
        "seconds": wall,
        "cpu": cpu,
        "bytes": size,
        "components": data.count(b"\r\nBEGIN:VEVENT\r\n") + data.count(b"\r\nBEGIN:VTODO\r\n"),
        "inputs_mb": inputs_mb,
        "peak_mb": _peak_mb(),
    }


def _fill_database(url: str, count: int) -> None:
    from sqlalchemy import insert

    from tracker.storage import models as m
    from tracker.storage.db import make_engine, session_scope, upgrade

    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as session:
        rows, parties = [], []
        for number, item in enumerate(make_items(count), start=1):
            rows.append(
                dict(
                    id=number,
                    uid=item.uid,
                    kind=item.kind.value,
                    title=item.title,
                    firmness=item.firmness.value,
                    city=item.city,
                    country=item.country,
                    window_start=item.window.start,
                    window_end=item.window.end,
                    window_precision=item.window.precision.value,
                    window_text=item.window.text,
                    status=item.status.value,
                    review="unreviewed",
                    fulfilled_on=item.fulfilled_on,
                    evidence_text=item.evidence.text,
                    evidence_start=0,
                    evidence_end=len(item.evidence.text),
                    sequence=item.sequence,
                    created_at=AT,
                    updated_at=AT,
                )
            )
            parties.extend({"commitment_id": number, "code": code} for code in item.parties)
        session.execute(insert(m.Commitment), rows)
        session.execute(insert(m.CommitmentParty), parties)
    engine.dispose()


def phase_database(count: int, url: str) -> dict:
    from tracker.services import feeds
    from tracker.storage.db import make_engine, session_scope

    engine = make_engine(url)
    started, cpu = time.perf_counter(), time.process_time()
    with session_scope(engine, read_only=True, snapshot=True) as session:  # read as written, like the feed
        size = sum(len(chunk) for chunk in feeds.build_calendar(session, feeds.CalendarFilter(), _options()))
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "bytes": size,
        "peak_mb": _peak_mb(),
    }


def phase_server(url: str, requests: int, concurrency: int) -> dict:
    import httpx
    import waitress

    from tracker.server.feed import FeedApp
    from tracker.services import feeds
    from tracker.storage.db import make_engine, session_scope

    engine = make_engine(url)
    with session_scope(engine) as session:
        token = feeds.add_feed(session, f"bench-{time.time_ns()}", parties=[], kinds=[], at=AT).token
    app = FeedApp(engine, today=lambda: TODAY)
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=max(4, concurrency))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    feed_url = f"http://127.0.0.1:{server.effective_port}/feeds/{token}.ics"
    try:
        with httpx.Client(timeout=120) as client:
            started = time.perf_counter()
            first = client.get(feed_url, headers={"Accept-Encoding": "gzip"})
            first_seconds = time.perf_counter() - started
            etag = first.headers["etag"]
        latencies: list[float] = []
        lock = threading.Lock()
        per_worker = requests // concurrency

        def worker() -> None:
            mine = []
            with httpx.Client(timeout=30) as client:
                for _ in range(per_worker):
                    begun = time.perf_counter()
                    reply = client.get(feed_url, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
                    assert reply.status_code == 304, reply.status_code
                    mine.append(time.perf_counter() - begun)
            with lock:
                latencies.extend(mine)

        workers = [threading.Thread(target=worker) for _ in range(concurrency)]
        started = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        elapsed = time.perf_counter() - started
    finally:
        server.close()
    latencies.sort()
    return {
        "first_get_seconds": first_seconds,
        "first_get_gzip_bytes": len(first.content),
        "requests": len(latencies),
        "seconds": elapsed,
        "per_second": len(latencies) / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "renders": app.renders,
        "peak_mb": _peak_mb(),
    }


def _run_phase(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000, help="conditional requests sent to the server")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--phase", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, *rest = args.phase
        result = {
            "floor": lambda: phase_floor(int(rest[0])),
            "export": lambda: phase_export(int(rest[0]), rest[1]),
            "database": lambda: phase_database(int(rest[0]), rest[1]),
            "server": lambda: phase_server(rest[0], int(rest[1]), int(rest[2])),
        }[name]()
        print(json.dumps(result))
        return
    print(f"items: {args.items:,}; python {sys.version.split()[0]}")
    floor = _run_phase("floor", str(args.items))
    print(
        f"floor    icalendar alone, to_ical() of {floor['components']:,} prebuilt components: "
        f"{floor['seconds']:.1f} s wall, {floor['cpu']:.1f} s CPU ({floor['cpu'] / floor['components'] * 1e6:.0f} "
        f"us/component), {floor['bytes'] / 1e6:.0f} MB; peak RSS {floor['peak_mb']:.0f} MB (components in memory)"
    )
    export = _run_phase("export", str(args.items), "as-events")
    print(
        f"export   tracker export (as-events, streamed to a file), {export['components']:,} components: "
        f"{export['seconds']:.1f} s wall, {export['cpu']:.1f} s CPU "
        f"({export['cpu'] / export['components'] * 1e6:.0f} us/component, building included), "
        f"{export['bytes'] / 1e6:.0f} MB; peak RSS {export['peak_mb']:.0f} MB "
        f"(RSS before exporting, inputs built: {export['inputs_mb']:.0f} MB)"
    )
    both = _run_phase("export", str(args.items), "both")
    print(
        f"export   --todos both, {both['components']:,} components: {both['seconds']:.1f} s wall, "
        f"{both['cpu']:.1f} s CPU, {both['bytes'] / 1e6:.0f} MB; peak RSS {both['peak_mb']:.0f} MB"
    )
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        started = time.perf_counter()
        _fill_database(url, args.items)
        print(
            f"database filled with {args.items:,} items in {time.perf_counter() - started:.1f} s (bulk insert)"
        )
        database = _run_phase("database", str(args.items), url)
        print(
            f"database SQLite -> domain -> .ics: {database['seconds']:.1f} s wall, {database['cpu']:.1f} s CPU "
            f"(rows read as the calendar is written), {database['bytes'] / 1e6:.0f} MB, "
            f"peak RSS {database['peak_mb']:.0f} MB"
        )
        server = _run_phase("server", url, str(args.requests), str(args.concurrency))
        print(
            f"server   first GET (builds the feed, gzip): {server['first_get_seconds']:.1f} s, "
            f"{server['first_get_gzip_bytes'] / 1e6:.1f} MB gzipped; then {server['requests']:,} conditional "
            f"requests ({args.concurrency} clients): {server['per_second']:.0f} req/s, p50 {server['p50_ms']:.1f} ms, "
            f"p99 {server['p99_ms']:.1f} ms; calendar built {server['renders']} time(s); "
            f"peak RSS {server['peak_mb']:.0f} MB"
        )
    verdict = "meets" if export["seconds"] < 20 and export["peak_mb"] < 500 else "MISSES"
    print(
        f"target (export < 20 s and < 500 MB, wall time): {verdict}; load average now "
        f"{', '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    main()
