"""Benchmark (not a test): time to extract from large texts, to show the cost grows linearly.

    .venv/bin/python bench/extract_large.py [--megabytes 1 2 5]     # add 20 for the issue's 20 MB (about 40 s)

Builds a text by repeating press-release paragraphs (with runs of digits, dashes and
capitalised words mixed in) up to each size and prints seconds and MB/s; a linear
extractor keeps MB/s about constant. Target: 20 MB in well under a minute on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

UNIT = (
    "VIENNA, 3 May 2021 - The ministers of Austria and Jordan held talks in Vienna on Monday. "
    "They agreed to hold the next round of consultations in Amman in the first half of 2022. "
    "1234567890123456789 ---------- The Foreign Minister Of The Republic Of Somewhere Said. "
    "Mr. H.E. Amb. U.S. No. 5 was signed by the end of the year.\n\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--megabytes", type=float, nargs="+", default=[1, 2, 5])
    args = parser.parse_args()
    from tracker.extraction import extract

    extract(UNIT, dt.date(2021, 5, 3))
    for size in args.megabytes:
        text = UNIT * max(1, int(size * 1024 * 1024 / len(UNIT)))
        start = time.process_time()
        result = extract(text, dt.date(2021, 5, 3))
        seconds = time.process_time() - start
        print(
            f"{len(text) / 1e6:6.1f} MB: {seconds:7.2f} s CPU, {len(text) / 1e6 / seconds:5.2f} MB/s, "
            f"{len(result.meetings)} meetings, {len(result.commitments)} commitments"
        )


if __name__ == "__main__":
    main()
