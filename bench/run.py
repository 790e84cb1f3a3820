"""Run every benchmark under bench/ and print ONE table: figure, this project, peer, ratio (issue #7).

Each script runs in its own process with a time limit (about two minutes; the
report benchmark, which first builds 100,000 items, gets more). Scripts of this
issue print `BENCH {json}` lines; the other engineers' scripts are read through
the few patterns below, and a script whose output cannot be read shows up as a
row saying so rather than being left out. With --results FILE the table and the
machine it ran on are also written to FILE (bench/RESULTS.md).

    .venv/bin/python bench/run.py [--results bench/RESULTS.md] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass
class Script:
    name: str
    args: list[str]
    quick_args: list[str]
    timeout_s: int


SCRIPTS = [
    # Whole-process start-up beside `python -c pass` (issue #16): help, version, items list/add, remind.
    Script("startup.py", ["--runs", "10"], ["--runs", "3"], 150),
    Script("bench_temporal.py", ["--seconds", "8"], ["--seconds", "2"], 120),
    # At the sizes (#16): 3,000 documents, and again on top of 30,000 stored items.
    Script("bench_ingest.py", ["--documents", "3000", "--stored", "30000"], ["--documents", "100"], 300),
    Script("bench_tasks.py", ["--adds", "20", "--items", "2000"], ["--adds", "5", "--items", "500"], 150),
    # At the size (#16: 100,000 items, >= 1.0x the floor, <= 250 MB; about 50 s).
    Script("bench_ics.py", ["--items", "100000"], ["--items", "2000"], 180),
    # Written by the other engineers; run as they are, read through _FOREIGN below.
    Script("bench_report.py", [], ["--items", "10000"], 300),
    Script("extract.py", ["--runs", "3"], ["--runs", "1"], 150),
    Script(
        "feed.py", ["--items", "20000", "--requests", "500"], ["--items", "2000", "--requests", "100"], 150
    ),
    # Both at the sizes (#16): (a) 1,000,000 items for `items list --json` (about 60 s on an idle
    # machine), (b) 100,000 open items beside Taskwarrior (about 40 s).
    Script(
        "remind.py",
        ["--scale", "1", "--scale-b", "1", "--runs", "3"],
        ["--scale", "0.01", "--runs", "1"],
        300,
    ),
]
_OWN_FILES = {"run.py", "_common.py"}

_NUMBER = r"([0-9][0-9,]*\.?[0-9]*)"


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _foreign_report(output: str) -> list[dict]:
    rows = []
    for match in re.finditer(r"^report_(html|json)_(\S+)_items_seconds " + _NUMBER, output, re.MULTILINE):
        rows.append(
            {
                "figure": f"weekly {match[1].upper()} report, {match[2]} items (s)",
                "ours": _number(match[3]),
                "better": "lower",
                "note": "bench/bench_report.py (#6, #16: < 1 s), fresh process, median",
            }
        )
    return rows


def _foreign_extract(output: str) -> list[dict]:
    ours = re.search(r"tracker extract:\s*" + _NUMBER + r" documents/s", output)
    theirs = re.search(r"dateparser\.search\.search_dates:\s*" + _NUMBER + r" documents/s", output)
    if not ours:
        return []
    return [
        {
            "figure": "extract dev corpus (docs/s)",
            "ours": _number(ours[1]),
            "peer": _number(theirs[1]) if theirs else None,
            "peer_name": "dateparser search_dates (dates only)" if theirs else "",
            "better": "higher",
            "note": "bench/extract.py (#3)",
        }
    ]


def _foreign_feed(output: str) -> list[dict]:
    floor = re.search(r"^floor .*?: " + _NUMBER + r" s", output, re.MULTILINE)
    export = re.search(
        r"^export   tracker export .*?(\d[\d,]*) components: " + _NUMBER + r" s", output, re.MULTILINE
    )
    if not export:
        return []
    return [
        {
            "figure": f"export {export[1]} components, in-process (s)",
            "ours": _number(export[2]),
            "peer": _number(floor[1]) if floor else None,
            "peer_name": "icalendar to_ical (prebuilt)" if floor else "",
            "better": "lower",
            "note": "bench/feed.py (#5)",
        }
    ]


def _foreign_remind(output: str) -> list[dict]:
    rows = []
    sections = re.split(r"^\((?=[ab]\) )", output, flags=re.MULTILINE)
    for section in sections:
        size = re.search(r"building ([\d,]+) (?:open )?items(?: \(([\d,]+) open\))?", section)
        ours = re.search(r"^\s+tracker remind --json\s+median\s+" + _NUMBER + " s", section, re.MULTILINE)
        theirs = re.search(r"^\s+task \+OVERDUE list\s+median\s+" + _NUMBER + " s", section, re.MULTILINE)
        if not (size and ours):
            continue
        what = f"{size[1]} items, {size[2]} open" if size[2] else f"{size[1]} open items"
        text = re.search(r"^\s+tracker remind\s+median\s+.*?peak\s+" + _NUMBER + " MB", section, re.MULTILINE)
        if text:
            rows.append(
                {
                    "figure": f"remind (text), {what}: peak memory (MB)",
                    "ours": _number(text[1]),
                    "better": "lower",
                    "note": "bench/remind.py (#16: <= 200 MB), whole process",
                }
            )
        listed = re.search(
            r"^\s+tracker items list --json \(all ([\d,]+)\)\s+median\s+"
            + _NUMBER
            + r" s.*?peak\s+"
            + _NUMBER,
            section,
            re.MULTILINE,
        )
        if listed:  # issue #16: <= 10 s at 1,000,000 items, streamed (constant memory)
            rows.append(
                {
                    "figure": f"items list --json, all {listed[1]} items (s)",
                    "ours": _number(listed[2]),
                    "better": "lower",
                    "note": f"bench/remind.py (#16), whole process, peak {listed[3]} MB; target <= 10 s at 1,000,000",
                }
            )
        rows.append(
            {
                "figure": f"remind --json, {what} (s)",
                "ours": _number(ours[1]),
                "peer": _number(theirs[1]) if theirs else None,
                "peer_name": "task +OVERDUE list" if theirs else "",
                "better": "lower",
                "note": "bench/remind.py (#4), whole process",
            }
        )
    return rows


_FOREIGN = {
    "bench_report.py": _foreign_report,
    "extract.py": _foreign_extract,
    "feed.py": _foreign_feed,
    "remind.py": _foreign_remind,
}


def _all_scripts() -> list[Script]:
    """The known scripts, then any other bench/*.py (run with its defaults, so that none is left out)."""
    known = {script.name for script in SCRIPTS}
    others = [
        Script(path.name, [], [], 150)
        for path in sorted(BENCH.glob("*.py"))
        if path.name not in known | _OWN_FILES and not path.name.startswith("_")
    ]
    return SCRIPTS + others


def run_script(script: Script, quick: bool) -> tuple[list[dict], str]:
    """The figures of one script, and its log."""
    path = BENCH / script.name
    if not path.exists():
        return [], f"{script.name}: not present\n"
    command = [sys.executable, str(path), *(script.quick_args if quick else script.args)]
    # The user's tracker settings stay out; the team's shared folder (the extraction corpus) is no setting.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_") or k == "TRACKER_SHARED"}
    env["PYTHONPATH"] = str(BENCH)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=script.timeout_s, cwd=ROOT, env=env
        )
    except subprocess.TimeoutExpired as err:
        log = (err.stdout or b"").decode() if isinstance(err.stdout, bytes) else (err.stdout or "")
        rows = _parse(script, log)
        return rows + [_failed(script, f"stopped after {script.timeout_s} s")], log
    log = done.stdout + done.stderr
    rows = _parse(script, done.stdout)
    if done.returncode != 0 and rows:  # e.g. extract.py exits 1 when it misses its own target
        for row in rows:
            row["note"] = f"{row.get('note', '')} (script exit {done.returncode})".strip()
    elif done.returncode != 0:
        rows.append(
            _failed(script, f"exit {done.returncode}: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
        )
    elif not rows:
        last = (done.stdout.strip().splitlines() or ["no output"])[-1]
        rows.append(_failed(script, f"no figure this runner reads; last line: {last}"))
    print(f"# {script.name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return rows, log


def _parse(script: Script, output: str) -> list[dict]:
    rows = [json.loads(line[len("BENCH ") :]) for line in output.splitlines() if line.startswith("BENCH {")]
    if script.name in _FOREIGN:
        rows += _FOREIGN[script.name](output)
    return rows


def _failed(script: Script, why: str) -> dict:
    return {"figure": f"{script.name}", "ours": None, "note": why[:120]}


def _format(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _ratio(row: dict) -> str:
    """How many times better this project is than the peer (> 1: better), whatever the unit's direction."""
    ours, peer = row.get("ours"), row.get("peer")
    if not ours or not peer:
        return "—"
    ratio = ours / peer if row.get("better", "higher") == "higher" else peer / ours
    return f"{ratio:.2f}×" if ratio >= 0.1 else f"{ratio:.3f}× (1/{1 / ratio:.0f})"


def render_table(rows: list[dict]) -> str:
    lines = [
        "| figure | this project | peer (same run) | ratio (>1: we are better) | note |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        peer = row.get("peer")
        peer_text = (
            f"{_format(peer)} ({row.get('peer_name')})" if peer is not None else (row.get("peer_name") or "—")
        )
        lines.append(
            f"| {row['figure']} | {_format(row.get('ours'))} | {peer_text} | {_ratio(row)} | "
            f"{row.get('note', '')} |"
        )
    return "\n".join(lines)


def machine() -> dict[str, str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, TypeError):
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": memory,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load": load,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--results", type=Path, help="also write the table and the machine to this Markdown file"
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, to check that the scripts run")
    parser.add_argument("--only", nargs="*", help="run only these scripts (file names)")
    args = parser.parse_args()
    before = machine()
    rows, logs = [], []
    for script in _all_scripts():
        if args.only and script.name not in args.only:
            continue
        script_rows, log = run_script(script, args.quick)
        rows += script_rows
        logs.append(f"## {script.name}\n{log}")
    after = machine()
    header = (
        f"Ran {before['date']} on {before['cpu']}, {before['cores']} cores, {before['ram']} RAM, "
        f"Python {before['python']}, {before['system']}; load average before {before['load']}, "
        f"after {after['load']}{' (--quick sizes)' if args.quick else ''}."
    )
    table = render_table(rows)
    print(header)
    print()
    print(table)
    if args.results:
        log_path = ROOT / "build" / "bench-last-run.log"
        log_path.parent.mkdir(exist_ok=True)
        log_path.write_text("\n".join(logs), encoding="utf-8")
        args.results.write_text(_results_page(header, table), encoding="utf-8")
        print(f"\n# written to {args.results} (script logs in {log_path.relative_to(ROOT)})", file=sys.stderr)


def _results_page(header: str, table: str) -> str:
    return f"""# Benchmark results

Written by `make bench` (`bench/run.py --results bench/RESULTS.md`); each script runs
in its own process, bounded to about two minutes. Wall-clock figures: on a shared
or loaded machine (see the load average) they vary from run to run; compare the
ratios, which come from the same run.

{header}

{table}

How to read it:
- ratio: how many times better this project does than the peer on that line
  (for times, peer / ours; for rates, ours / peer). A ratio below 1 means the peer is faster.
- Peers: dateparser (time expressions), Taskwarrior `task` (Debian package
  `taskwarrior`, data in a temporary folder), and the `icalendar` package alone
  (bare events: the floor of any Python .ics export), and `python -c pass` for the
  start-up rows (the floor of any Python program). The ingest rows have no peer.
- "incl. process start": one `tracker` process per command, as a user or cron runs it.
"""


if __name__ == "__main__":
    main()
