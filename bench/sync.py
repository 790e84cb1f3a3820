"""Benchmark of `tracker sync` against a local Radicale (issue 13): a first sync, then one with nothing new.

Run: .venv/bin/python bench/sync.py [--items 10000]

The items are those of bench/feed.py, in a SQLite file; Radicale (the dev extra)
runs in a subprocess on 127.0.0.1 with its collections on tmpfs (/dev/shm where
there is one) and the speed settings of tests/local_servers.py RADICALE_FAST
(no fsync, item cache checked by mtime and size), printed with the figures.
"client CPU" is the CPU time of this process only (the sync), not the server's.
The issue's target: a sync with nothing new costs well under a second of client time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))  # local_servers: Radicale as the tests start it

from local_servers import RADICALE_FAST, start_radicale  # noqa: E402

USER, PASSWORD = "bench", "bench-password"


def _sync_once(engine, name: str, at: dt.datetime) -> dict:
    from tracker.services import caldav_sync
    from tracker.storage.db import session_scope

    wall, cpu = time.perf_counter(), time.process_time()
    with session_scope(engine) as session:
        report = caldav_sync.sync_account(
            session, caldav_sync.get_account(session, name), PASSWORD, at=at, today=at.date()
        )
    return {
        "wall_s": round(time.perf_counter() - wall, 3),
        "client_cpu_s": round(time.process_time() - cpu, 3),
        "requests": report.requests,
        "writes": report.writes,
    }


def main() -> None:
    import caldav
    from feed import AT, _fill_database

    from tracker.services import caldav_sync
    from tracker.storage.db import make_engine, session_scope

    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument(
        "--stock-storage",
        action="store_true",
        help="Radicale's own multifilesystem (O(items) per new resource) instead of _radicale_uid_index",
    )
    args = parser.parse_args()
    settings = {
        **RADICALE_FAST,
        "storage": {
            **RADICALE_FAST["storage"],
            "type": "multifilesystem" if args.stock_storage else "_radicale_uid_index",
        },
    }
    shm = Path("/dev/shm")
    with (
        tempfile.TemporaryDirectory() as folder_name,
        tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as storage_name,
    ):
        folder = Path(folder_name)
        url = f"sqlite:///{folder / 'bench.db'}"
        _fill_database(url, args.items)
        process, base = start_radicale(
            folder,
            USER,
            PASSWORD,
            wait=60,
            storage=Path(storage_name),
            settings=settings,
            python_path=(str(ROOT / "bench"),),
        )
        try:
            calendar_url = f"{base}/{USER}/tracker/"
            client = caldav.DAVClient(url=calendar_url, username=USER, password=PASSWORD)
            client.propfind(f"{base}/{USER}/", depth=0)
            client.mkcalendar(calendar_url)
            engine = make_engine(url)
            with session_scope(engine) as session:
                caldav_sync.add_account(
                    session,
                    "bench",
                    calendar_url,
                    username=USER,
                    password_env="BENCH_PW",
                    password_cmd=None,
                    at=AT,
                )
            first = _sync_once(engine, "bench", AT)
            again = _sync_once(engine, "bench", AT + dt.timedelta(days=1))
            engine.dispose()
        finally:
            process.terminate()
            process.wait(timeout=60)
    server = {"folder": storage_name, **{f"{s}.{k}": v for s, kv in settings.items() for k, v in kv.items()}}
    print(
        json.dumps(
            {"items": args.items, "radicale": server, "first_sync": first, "no_change_sync": again}, indent=2
        )
    )


if __name__ == "__main__":
    main()
