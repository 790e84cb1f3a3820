"""Benchmark: tracker's items against Taskwarrior (`task`), as users run them from a shell.

Three figures, each a whole process per command, as in a script or cron job:
adding one item (`tracker items add` vs `task add`, median of N), importing
N items (`tracker load` of a dump vs `task import` of a JSON export), and listing
N open items (`tracker items list` vs `task list`). Taskwarrior keeps its data in
a temporary folder (TASKDATA, an empty TASKRC); it is the Debian package
`taskwarrior`, which `make bench` installs when it is missing.

    .venv/bin/python bench/bench_tasks.py [--adds 20] [--items 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _common import emit, fill_items, run_tracker


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


class Taskwarrior:
    def __init__(self, folder: Path):
        (folder / "data").mkdir()
        (folder / "taskrc").write_text("")
        self.env = {**os.environ, "TASKDATA": str(folder / "data"), "TASKRC": str(folder / "taskrc")}

    def __call__(self, *args: str, stdin: str | None = None) -> str:
        command = [
            "task",
            "rc.confirmation=off",
            "rc.verbose=nothing",
            "rc.hooks=off",
            "rc.gc=off",
            "rc.recurrence=off",
            *args,
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=self.env, input=stdin)
        if result.returncode not in (0, 1):  # 1: "no matches"
            raise SystemExit(f"task {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout


def _tasks_json(items: int) -> str:
    return json.dumps(
        [
            {
                "description": f"Next round of consultations no. {i}",
                "status": "pending",
                "entry": "20170301T120000Z",
                "due": f"{2016 + i % 4}1231T000000Z",
                "project": "BY",
                "tags": ["consultations"],
                "uuid": f"00000000-0000-4000-8000-{i:012d}",
            }
            for i in range(items)
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adds", type=int, default=20)
    parser.add_argument("--items", type=int, default=2000)
    args = parser.parse_args()
    if shutil.which("task") is None:
        emit(
            "add one item (ms, one process)",
            None,
            note="taskwarrior not installed (apt-get install taskwarrior)",
        )
        return
    with tempfile.TemporaryDirectory(prefix="bench-tasks-") as name:
        folder = Path(name)
        (folder / "tw-add").mkdir()
        task = Taskwarrior(folder / "tw-add")
        url = f"sqlite:///{folder / 'add.db'}"
        run_tracker(url, "db", "upgrade")
        ours = [
            _timed(
                lambda i=i: run_tracker(
                    url,
                    "items",
                    "add",
                    f"Visit no. {i}",
                    "--kind",
                    "visit",
                    "--due",
                    "in 2017",
                    "--party",
                    "BY",
                )
            )
            for i in range(args.adds)
        ]
        theirs = [
            _timed(lambda i=i: task("add", f"Visit no. {i}", "due:2017-12-31", "project:BY"))
            for i in range(args.adds)
        ]
        emit(
            "add one item (ms, one process)",
            statistics.median(ours) * 1000,
            statistics.median(theirs) * 1000,
            peer_name="task add",
            better="lower",
            note=f"median of {args.adds}",
        )

        # Import: a dump of N items into an empty database vs `task import` of N tasks.
        source = f"sqlite:///{folder / 'source.db'}"
        fill_items(source, args.items)
        run_tracker(source, "dump", "-o", folder / "items.json")
        target = f"sqlite:///{folder / 'target.db'}"
        ours_import = _timed(lambda: run_tracker(target, "load", folder / "items.json"))
        (folder / "tw-import").mkdir()
        task = Taskwarrior(folder / "tw-import")
        (folder / "tasks.json").write_text(_tasks_json(args.items))
        theirs_import = _timed(lambda: task("import", str(folder / "tasks.json")))
        emit(
            f"import {args.items:,} items (items/s)",
            args.items / ours_import,
            args.items / theirs_import,
            peer_name="task import",
            note="tracker load of a dump",
        )

        listed = []
        ours_list = min(
            _timed(lambda: listed.append(run_tracker(target, "items", "list").stdout)) for _ in range(3)
        )
        theirs_output = []
        theirs_list = min(_timed(lambda: theirs_output.append(task("list"))) for _ in range(3))
        emit(
            f"list {args.items:,} open items (s)",
            ours_list,
            theirs_list,
            peer_name="task list",
            better="lower",
            note=f"lines: tracker {listed[-1].count(chr(10))}, task {theirs_output[-1].count(chr(10))}",
        )


if __name__ == "__main__":
    main()
