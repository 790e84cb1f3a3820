"""Benchmark: ingest throughput (documents per second) of generated press releases.

One process ingesting N documents into a fresh SQLite file; four processes
ingesting four disjoint quarters of them into one SQLite file at once (what
the concurrency test of issue #7 does, for speed); and one process into
PostgreSQL when it answers on 127.0.0.1:5432. No peer: no other tool reads
press releases into meetings and follow-ups.

    .venv/bin/python bench/bench_ingest.py [--documents 600] [--stored 30000]

`--stored N` adds a run of one process on top of N items already stored (issue #16:
ingest must cost the same however many items there are). `--cpu` adds, for each engine, the CPU
seconds of the ingest process and of its extraction process, extracting ahead and in turn: on a
shared machine wall times say little, and on an idle one the rate is bounded by the busier of the two.
`--statements` adds the statements an ingest sends per document, on each engine (on PostgreSQL each is
a round trip).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _common import ROOT, emit, fill_items, run_tracker, tracker_env, write_corpus

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def _postgres_url() -> tuple[str, callable] | None:
    try:
        import psycopg

        name = f"tracker_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except Exception:  # unreachable: no PostgreSQL figure
        return None

    def drop() -> None:
        with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", drop


def _ingest_rate(url: str, folders: list[Path], documents: int) -> float:
    run_tracker(url, "db", "upgrade")  # schema first: time the ingest alone
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", url, "ingest", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=tracker_env(),
            cwd=ROOT,
        )
        for folder in folders
    ]
    for process in processes:
        _, stderr = process.communicate()
        if process.returncode:
            raise SystemExit(f"ingest failed: {stderr.strip()[-500:]}")
    return documents / (time.perf_counter() - started)


# One `tracker ingest` reporting its own CPU and its children's (the extraction process) on stderr;
# argv[3] == "0" keeps extraction in turn, whatever the number of files.
_CPU_RUN = """
import atexit, resource, sys
url, folder, ahead = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
sys.argv = ["tracker", "--db", url, "ingest", folder]
import tracker.cli.documents as documents
if not ahead:
    documents.EXTRACT_AHEAD_THRESHOLD = float("inf")
def report():
    own, child = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print("CPU", own.ru_utime + own.ru_stime, child.ru_utime + child.ru_stime, file=sys.stderr)
atexit.register(report)
from tracker.cli import main
main()
"""


def _ingest_cpu(url: str, folder: Path, ahead: bool) -> tuple[float, float]:
    """(CPU seconds of the ingest process, of its extraction process) for one ingest of `folder`."""
    _, own, child = _last_line_of(_CPU_RUN, url, folder, "1" if ahead else "0").split()
    return float(own), float(child)


def _last_line_of(script: str, url: str, folder: Path, *more: str) -> str:
    """The last line `script` (an ingest into the upgraded database `url`) writes on stderr."""
    run_tracker(url, "db", "upgrade")
    done = subprocess.run(
        [sys.executable, "-c", script, url, str(folder), *more],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=tracker_env(),
        cwd=ROOT,
        check=True,
    )
    return done.stderr.strip().splitlines()[-1]


# One `tracker ingest` counting the statements it sends (every engine's, through SQLAlchemy's event), on
# stderr: issue #16's PostgreSQL figure is round trips, not work.
_STATEMENTS_RUN = """
import atexit, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
url, folder = sys.argv[1], sys.argv[2]
sent = []
event.listen(Engine, "before_cursor_execute", lambda *_: sent.append(1))
atexit.register(lambda: print("STATEMENTS", len(sent), file=sys.stderr))
sys.argv = ["tracker", "--db", url, "ingest", folder]
from tracker.cli import main
main()
"""


def _statements_per_document(url: str, folder: Path, documents: int) -> float:
    return int(_last_line_of(_STATEMENTS_RUN, url, folder).split()[1]) / documents


def _emit_cpu(engine: str, url_of, folder: Path, n: int) -> None:
    for ahead in (True, False):
        own, child = _ingest_cpu(url_of(), folder, ahead)
        how = "extraction ahead" if ahead else "extraction in turn"
        emit(f"ingest {n} documents, {engine}, {how}: ingest process CPU (s)", own, better="lower")
        emit(f"ingest {n} documents, {engine}, {how}: extraction process CPU (s)", child, better="lower")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--stored", type=int, default=0, help="also ingest on top of this many stored items")
    parser.add_argument("--cpu", action="store_true", help="also CPU seconds, extraction ahead and in turn")
    parser.add_argument("--statements", action="store_true", help="also statements sent per document")
    args = parser.parse_args()
    n = args.documents
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as name:
        folder = Path(name)
        write_corpus(folder / "all", range(n))
        for part in range(4):
            write_corpus(folder / f"part-{part}", range(part, n, 4))
        one = _ingest_rate(f"sqlite:///{folder / 'one.db'}", [folder / "all"], n)
        emit(f"ingest {n} documents, SQLite, 1 process (docs/s)", one, note="incl. process start")
        if args.stored:
            stored = f"sqlite:///{folder / 'stored.db'}"
            fill_items(stored, args.stored)
            emit(
                f"ingest {n} documents on top of {args.stored} items, SQLite, 1 process (docs/s)",
                _ingest_rate(stored, [folder / "all"], n),
                note="incl. process start",
            )
        four = _ingest_rate(f"sqlite:///{folder / 'four.db'}", [folder / f"part-{p}" for p in range(4)], n)
        emit(f"ingest {n} documents, SQLite, 4 processes at once (docs/s)", four, note="disjoint quarters")
        if args.statements:
            emit(
                f"ingest {n} documents, SQLite: statements per document",
                _statements_per_document(f"sqlite:///{folder / 'count.db'}", folder / "all", n),
                better="lower",
            )
        if args.cpu:
            runs = iter(range(2))
            _emit_cpu("SQLite", lambda: f"sqlite:///{folder / f'cpu-{next(runs)}.db'}", folder / "all", n)
        postgres = _postgres_url()
        if postgres is None:
            emit(f"ingest {n} documents, PostgreSQL, 1 process (docs/s)", None, note="PostgreSQL unreachable")
            return
        url, drop = postgres
        try:
            emit(
                f"ingest {n} documents, PostgreSQL, 1 process (docs/s)",
                _ingest_rate(url, [folder / "all"], n),
                note="127.0.0.1:5432",
            )
        finally:
            drop()
        if args.statements and (counted := _postgres_url()) is not None:
            url, drop = counted
            try:
                emit(
                    f"ingest {n} documents, PostgreSQL: statements per document",
                    _statements_per_document(url, folder / "all", n),
                    better="lower",
                )
            finally:
                drop()
        if args.cpu:
            made = []

            def fresh_postgres() -> str:
                made.append(_postgres_url())
                return made[-1][0]

            try:
                _emit_cpu("PostgreSQL", fresh_postgres, folder / "all", n)
            finally:
                for _, drop_one in made:
                    drop_one()


if __name__ == "__main__":
    main()
