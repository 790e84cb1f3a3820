"""Benchmark: time-expression resolution, tracker.temporal against dateparser, on the same phrases.

Two figures: whole phrases resolved per second (`resolve_window` vs
`dateparser.parse` with the same anchor, future preferred), and sentences
searched per second (`find_time_expressions` vs `dateparser.search.search_dates`).
dateparser answers a single instant where tracker answers a window, so the
figures compare the cost of reading the text, not the same output.

    .venv/bin/python bench/bench_temporal.py [--seconds 8]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import warnings

from _common import emit

ANCHOR = dt.date(2017, 3, 1)
PHRASES = [
    "in 2017",
    "by the end of March 2018",
    "next week",
    "in the first half of 2019",
    "on 14 May 2018",
    "early next year",
    "in the autumn of 2018",
    "the third quarter of 2018",
    "before the end of the year",
    "in May",
    "on 3 June",
    "by 2020",
    "in late September 2018",
    "next month",
    "in the second half of 2018",
    "in mid-2019",
    "on 1 December 2017",
    "in early 2018",
    "by the end of the year",
    "in 2019",
]
SENTENCE = (
    "It was agreed to hold the next round of political consultations in Minsk {phrase}, the ministry said."
)


def _rate(count: int, action, budget_s: float) -> float:
    """Items per second of `action()` (which handles `count` items), repeated until `budget_s` is spent."""
    done, started = 0, time.perf_counter()
    while True:
        action()
        done += count
        elapsed = time.perf_counter() - started
        if elapsed >= budget_s:
            return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="time spent on each measurement")
    args = parser.parse_args()

    from tracker.temporal import find_time_expressions, resolve_window

    sentences = [SENTENCE.format(phrase=p) for p in PHRASES]
    resolved = sum(resolve_window(p, ANCHOR) is not None for p in PHRASES)
    ours_phrases = _rate(len(PHRASES), lambda: [resolve_window(p, ANCHOR) for p in PHRASES], args.seconds)
    ours_sentences = _rate(
        len(sentences), lambda: [find_time_expressions(s, ANCHOR) for s in sentences], args.seconds
    )
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        emit("time phrases resolved/s", ours_phrases, note="dateparser not installed")
        emit("sentences searched for time expressions/s", ours_sentences, note="dateparser not installed")
        return
    base = dt.datetime.combine(ANCHOR, dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"}
    warnings.simplefilter("ignore")
    theirs_found = sum(dateparser.parse(p, languages=["en"], settings=settings) is not None for p in PHRASES)
    theirs_phrases = _rate(
        len(PHRASES),
        lambda: [dateparser.parse(p, languages=["en"], settings=settings) for p in PHRASES],
        args.seconds,
    )
    theirs_sentences = _rate(
        len(sentences),
        lambda: [search_dates(s, languages=["en"], settings=settings) for s in sentences],
        args.seconds,
    )
    emit(
        "time phrases resolved/s",
        ours_phrases,
        theirs_phrases,
        peer_name="dateparser.parse",
        note=f"{len(PHRASES)} phrases; read: tracker {resolved}, dateparser {theirs_found}",
    )
    emit(
        "sentences searched for time expressions/s",
        ours_sentences,
        theirs_sentences,
        peer_name="dateparser search_dates",
        note=f"{len(sentences)} sentences",
    )


if __name__ == "__main__":
    main()
