"""Start-up of whole `tracker` processes beside Python's own (issue #16, point 1). Not a test.

Run: .venv/bin/python bench/startup.py [--runs 10] [--importtime] [--top 15]

Each command below is run --runs times as its own process, the commands taking
turns (so that a busy moment of the machine hits them all alike), after one
warm-up round; the table gives the median wall time and CPU time of each, and
`python -c pass` with the same interpreter is the floor no Python CLI goes
below. `items list` and `items add` act on a small database (the seeds). Targets:
`tracker --help` <= 150 ms, `items list` <= 200 ms, `items add` <= 250 ms.

--importtime also runs each command once under `python -X importtime` and prints
the packages that cost the most (self time summed per top-level package) and the
slowest imports with what they pulled in, as quoted in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from _common import emit  # noqa: E402

ITEM_ADD = [
    "items",
    "add",
    "Visit of the working group",
    "--kind",
    "visit",
    "--party",
    "HU",
    "--due",
    "in 2018",
]
# (name in the table, arguments after `tracker`, target in ms, needs the database)
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("tracker --version", ["--version"], None),
    ("tracker --help", ["--help"], 150),
    ("tracker items list (small db)", ["items", "list"], 200),
    ("tracker items add (small db)", ITEM_ADD, 250),
    ("tracker items show 1 (small db)", ["items", "show", "1"], None),
    ("tracker meetings list (small db)", ["meetings", "list"], None),
    ("tracker remind (small db)", ["remind"], None),
]
FLOOR = "python -c pass"


def _tracker_command() -> list[str]:
    """The console script a user runs, else `python -m tracker` with this interpreter."""
    script = Path(sys.executable).with_name("tracker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracker"]


def _environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(
        TRACKER_CONFIG=os.devnull,
        TRACKER_DB_URL=f"sqlite:///{folder / 'small.db'}",
        TRACKER_CACHE_DIR=str(folder / "cache"),
        TRACKER_TODAY="2017-06-01",
        COLUMNS="100",
    )
    return env


def _prepare(folder: Path, env: dict[str, str]) -> None:
    """A small database: the seeds, ingested once (this also warms the gazetteer cache)."""
    subprocess.run(
        [*_tracker_command(), "ingest", str(ROOT / "seeds")], env=env, check=True, capture_output=True
    )


def _time_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: exit {process.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


def measure(runs: int, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, the commands taking turns."""
    commands = {FLOOR: [sys.executable, "-c", "pass"]}
    commands.update({name: [*_tracker_command(), *args] for name, args, _ in COMMANDS})
    walls: dict[str, list[float]] = defaultdict(list)
    cpus: dict[str, list[float]] = defaultdict(list)
    for round_ in range(runs + 1):
        for name, command in commands.items():
            wall, cpu = _time_once(command, env)
            if round_:  # round 0 warms the file cache and the .pyc files
                walls[name].append(wall)
                cpus[name].append(cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in commands}


_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$")


def importtime(args: list[str], env: dict[str, str]) -> list[tuple[int, int, int, str]]:
    """(self µs, cumulative µs, depth, module) for each import of one run of `tracker args`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", *args],
        env=env,
        cwd=tempfile.gettempdir(),  # not a checkout: `-m tracker` would import the tracker/ found there
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            rows.append((int(match[1]), int(match[2]), len(match[3]) // 2, match[4]))
    return rows


def by_package(rows: list[tuple[int, int, int, str]]) -> list[tuple[str, int, int]]:
    """(top-level package, self µs summed, modules) ordered by cost."""
    cost: dict[str, int] = defaultdict(int)
    count: dict[str, int] = defaultdict(int)
    for self_us, _, _, module in rows:
        package = module.split(".")[0]
        cost[package] += self_us
        count[package] += 1
    return sorted(((p, cost[p], count[p]) for p in cost), key=lambda row: -row[1])


def print_importtime(env: dict[str, str], top: int) -> None:
    for name, args, _ in COMMANDS:
        rows = importtime(args, env)
        total = sum(row[0] for row in rows)
        print(
            f"\n## {name}: {len(rows)} modules imported, {total / 1000:.0f} ms of import (self times summed)"
        )
        for package, self_us, modules in by_package(rows)[:top]:
            print(f"  {self_us / 1000:7.1f} ms  {package} ({modules} modules)")
        tracker_rows = sorted((r for r in rows if r[3].startswith("tracker")), key=lambda r: -r[1])
        if tracker_rows:
            print("  project modules, cumulative:")
            for _, cumulative, _, module in tracker_rows[:5]:
                print(f"  {cumulative / 1000:7.1f} ms  {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each command (median)")
    parser.add_argument("--importtime", action="store_true", help="also print where import time goes")
    parser.add_argument("--top", type=int, default=12, help="packages listed per command with --importtime")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tracker-startup-"))
    try:
        env = _environment(folder)
        _prepare(folder, env)
        medians = measure(args.runs, env)
        floor, floor_cpu = medians[FLOOR]
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"median of {args.runs} whole-process runs each (load average now {load});")
        print("CPU = user + system time of the process, which a busy machine disturbs less than wall time\n")
        print("| command | wall ms | CPU ms | wall above the floor ms | target ms (wall) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        print(f"| {FLOOR} (floor) | {floor * 1000:.0f} | {floor_cpu * 1000:.0f} | 0 | |")
        for name, _, target in COMMANDS:
            wall, cpu = medians[name]
            verdict = (
                "" if target is None else f"{target:.0f} ({'met' if wall * 1000 <= target else 'missed'})"
            )
            print(
                f"| {name} | {wall * 1000:.0f} | {cpu * 1000:.0f} | {(wall - floor) * 1000:.0f} | {verdict} |"
            )
        for name, _, target in COMMANDS:
            emit(
                f"start-up: {name} (ms)",
                round(medians[name][0] * 1000, 1),
                round(floor * 1000, 1),
                peer_name=FLOOR,
                unit="ms",
                better="lower",
                note=f"bench/startup.py, median of {args.runs}, CPU {medians[name][1] * 1000:.0f} ms"
                + (f", target <= {target:.0f} ms" if target else ""),
            )
        if args.importtime:
            print_importtime(env, args.top)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
