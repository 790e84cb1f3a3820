"""Inputs built to expose catastrophic regex backtracking, and a check that work grows linearly.

Sizes are small enough to finish well within a second or two each; speed targets belong in
bench/, so the only clock here is a generous ratio between a text and four copies of it.
"""

import datetime as dt
import time
from pathlib import Path

import pytest

from tracker.temporal import find_time_expressions, first_full_date, resolve_window
from tracker.temporal import windows as temporal_windows

ANCHOR = dt.date(2016, 10, 6)
PATHOLOGICAL = {
    "digits": "1234567890" * 10_000,
    "digits and spaces": "12 " * 30_000,
    "digits and dots": "06.10.06.10." * 8_000,
    "digits and dashes": "8-9-10-11-12-" * 8_000,
    "dashes": "-–—" * 30_000,
    "capitalised words": "Foo Bar Baz Qux " * 6_000,
    "in in in": "in " * 30_000,
    "the end of the": "the end of the " * 6_000,
    "by by by": "by by by " * 10_000,
    "month names": "May June July " * 4_000,
    "month and year": "May 2017 " * 5_000,
    "day month": "8 May " * 8_000,
    "weekdays": "next Monday " * 5_000,
    "as soon as": "as soon as " * 8_000,
    "quarters": "Q1 Q2 H1 " * 6_000,
    "long whitespace": "in" + " " * 100_000 + "2017",
    "long word": "x" * 100_000 + " in 2017",
    "apostrophes": "'17 " * 20_000,
    "unicode": "é日本語\u200b\u00a0" * 20_000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_finishes(text):
    temporal_windows._atoms_of.cache_clear()
    started = time.process_time()
    found = find_time_expressions(text, ANCHOR, "past")
    first_full_date(text)
    resolve_window(text[:2000], ANCHOR)
    assert time.process_time() - started < 60  # a sanity bound: backtracking would take hours
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


def _cpu_time(text: str) -> float:
    temporal_windows._atoms_of.cache_clear()
    started = time.process_time()
    find_time_expressions(text, ANCHOR)
    return time.process_time() - started


@pytest.mark.parametrize(
    "unit",
    ["May 2017 and 8-9 August, next week; ", "1234567890-–", "in the in the coming "],
    ids=["dense expressions", "digits and dashes", "near misses"],
)
def test_work_grows_linearly(unit):
    small = unit * (40_000 // len(unit))
    large = small * 4
    _cpu_time(small)  # warm up
    ratio = _cpu_time(large) / max(_cpu_time(small), 1e-3)
    assert ratio < 12, f"4x the text took {ratio:.1f}x the time"


def test_two_megabytes_of_press_releases():
    corpus = Path(__file__).resolve().parent / "data" / "releases.txt"
    text = corpus.read_text(encoding="utf-8")
    copies = 2_000_000 // len(text) + 1
    found_once = len(find_time_expressions(text, ANCHOR))
    found = find_time_expressions(text * copies, ANCHOR)
    assert len(found) == found_once * copies
