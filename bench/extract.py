"""Benchmark (not a test): documents per second of the extractor over the dev corpus, on one core.

Runs `extract()` and `dateparser.search.search_dates(text, languages=["en"])` over every text of the
corpus, one pass of each in turn, several times, and reports each one's median rate in CPU time (run it
pinned to one core: `taskset -c 0`). Taking the passes in turn keeps a machine whose speed drifts during
the run from favouring either side. Targets (issue #3): >= 500 documents/s, and >= 5x dateparser's rate.

    .venv/bin/python bench/extract.py [--corpus ../shared/corpus/dev] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import time
from pathlib import Path

TARGET_RATE = 500
TARGET_RATIO = 5


def _load(corpus: Path) -> list[tuple[str, dt.date | None]]:
    docs = []
    for path in sorted(corpus.glob("*.txt")):
        gold = path.with_suffix(".gold.json")
        published = json.loads(gold.read_text("utf-8")).get("published") if gold.exists() else None
        docs.append((path.read_text("utf-8"), dt.date.fromisoformat(published) if published else None))
    return docs


def _rates(functions, docs, runs: int) -> list[float]:
    """Median documents per CPU second of this process for each function (robust to other load on the
    machine), their passes taken in turn."""
    rates: list[list[float]] = [[] for _ in functions]
    for _ in range(runs):
        for number, function in enumerate(functions):
            start = time.process_time()
            for text, published in docs:
                function(text, published)
            rates[number].append(len(docs) / max(time.process_time() - start, 1e-9))
    return [statistics.median(rate) for rate in rates]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    # The team's shared folder, found as tests/extraction/test_dev_corpus.py finds it.
    shared = Path(os.environ.get("TRACKER_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus/dev")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    docs = _load(args.corpus)
    if not docs:
        parser.error(f"no documents (*.txt) in {args.corpus}: give --corpus or set TRACKER_SHARED")
    from tracker.extraction import extract

    extract(*docs[0])  # load the gazetteer index and compile patterns once, as a long-running ingest would
    try:
        from dateparser.search import search_dates
    except ImportError:
        [ours] = _rates([extract], docs, args.runs)
        print(f"tracker extract: {ours:8.1f} documents/s (median of {args.runs} runs, {len(docs)} documents)")
        print("dateparser not installed: no comparison")
        return 0 if ours >= TARGET_RATE else 1
    search_dates(docs[0][0], languages=["en"])
    ours, theirs = _rates(
        [extract, lambda text, _published: search_dates(text, languages=["en"])], docs, args.runs
    )
    print(f"tracker extract: {ours:8.1f} documents/s (median of {args.runs} runs, {len(docs)} documents)")
    ratio = ours / theirs if theirs else float("inf")
    print(f"dateparser.search.search_dates: {theirs:8.1f} documents/s")
    print(
        f"ratio {ratio:.1f}x (target >= {TARGET_RATIO}x); rate target >= {TARGET_RATE}/s: "
        f"{'met' if ours >= TARGET_RATE and ratio >= TARGET_RATIO else 'NOT met'}"
    )
    return 0 if ours >= TARGET_RATE and ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
