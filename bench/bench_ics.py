"""Benchmark: the `icalendar` floor against tracker's full export, for N items.

Floor: build N bare VEVENTs (SUMMARY, DTSTART, DTEND, UID, DTSTAMP) with the
icalendar package alone and serialize them with to_ical(). Tracker: `tracker
export ics -o FILE` on a database holding N items, as a user runs it: process
start, database read, full events (description, categories, location,
sequence), file write. The ratio is what everything tracker adds costs.
It also prints tracker's peak memory (the largest resident set of its processes), and the same
on a database of `--small` items (a fifth: 20,000 of 100,000): the calendar is streamed from the database, so the
two should be about the same (issue #16: constant memory).
Both runs alternate, twice each; the best of each is kept.

    .venv/bin/python bench/bench_ics.py [--items 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, emit, fill_items, run_tracker, tracker_env

# The export once more, reporting its own peak resident set (VmHWM, which exec resets; a child's
# ru_maxrss would count the pages of this process, large after the floor, copied at fork).
_PEAK = (
    "import atexit, re, runpy, sys\n"
    "def _peak():\n"
    "    status = open('/proc/self/status').read()\n"
    "    sys.stderr.write('PEAK_KB ' + re.search(r'VmHWM:\\s+(\\d+)', status).group(1) + '\\n')\n"
    "atexit.register(_peak)\n"
    "sys.argv = ['tracker', *sys.argv[1:]]\n"
    "runpy.run_module('tracker', run_name='__main__')\n"
)


def peak_memory_mb(db_url: str, output: Path) -> float:
    """Peak resident memory of one `tracker export ics -o output` process, in MB."""
    command = [sys.executable, "-c", _PEAK, "--db", db_url, "--today", "2017-06-01", "export", "ics", "-o"]
    done = subprocess.run(
        [*command, str(output)], capture_output=True, text=True, env=tracker_env(), cwd=ROOT, check=True
    )
    return int(re.search(r"PEAK_KB (\d+)", done.stderr).group(1)) / 1024


def icalendar_floor(items: int) -> float:
    import icalendar

    started = time.perf_counter()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//bench//floor//EN")
    calendar.add("version", "2.0")
    stamp = dt.datetime(2017, 6, 1, tzinfo=dt.UTC)
    for i in range(items):
        event = icalendar.Event()
        event.add("summary", f"Due: Next round of consultations no. {i}")
        event.add("dtstart", dt.date(2017, 12, 31))
        event.add("dtend", dt.date(2018, 1, 1))
        event.add("uid", f"bench-item-{i}@tracker")
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    data = calendar.to_ical()
    assert data.count(b"BEGIN:VEVENT") == items
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--small", type=int, help="also the peak memory at this size (default: a fifth)")
    args = parser.parse_args()
    args.small = args.small or max(1, args.items // 5)
    with tempfile.TemporaryDirectory(prefix="bench-ics-") as folder:
        small_url = f"sqlite:///{Path(folder) / 'small.db'}"
        fill_items(small_url, args.small)
        small_peak_mb = peak_memory_mb(small_url, Path(folder) / "small.ics")
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        fill_items(url, args.items)
        output = Path(folder) / "tracker.ics"
        timings, floors = [], []
        for _ in range(2):
            floors.append(icalendar_floor(args.items))
            started = time.perf_counter()
            run_tracker(url, "export", "ics", "-o", output)
            timings.append(time.perf_counter() - started)
        events = output.read_bytes().count(b"BEGIN:VEVENT")
        peak_mb = peak_memory_mb(url, output)
    floor = min(floors)
    print(
        f"export ics, {args.items:,} items: tracker {min(timings):.1f} s (whole process), "
        f"icalendar floor {floor:.1f} s: {floor / min(timings):.2f}x the floor; "
        f"tracker peak {peak_mb:.0f} MB ({small_peak_mb:.0f} MB at {args.small:,} items)"
    )
    emit(
        f"export {args.items:,} items to .ics (s)",
        min(timings),
        floor,
        peer_name="icalendar alone (bare events)",
        better="lower",
        note=f"tracker: {events:,} full events incl. process start",
    )
    emit(
        f"export {args.items:,} items to .ics, peak memory",
        peak_mb,
        small_peak_mb,
        peer_name=f"the same at {args.small:,} items",
        unit="MB",
        better="lower",
    )


if __name__ == "__main__":
    main()
