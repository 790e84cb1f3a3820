"""Generated press releases for the reliability tests and the benchmarks.

Each text has a date, a meeting ("consultations ... were held in <city>") and a
commitment ("the next round ... in <city> in <year>"), worded in a few ways and
numbered so that no two texts share a sha256. Deterministic: same index, same text.
Dates grow with the index and host cities never name the next round's city, so
that fulfilment matching (issue #4) has little to compare when a corpus is
ingested in file order.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

__all__ = ["press_release", "write_corpus"]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_PAIRS = [
    ("Serbia", "Belarus", "Belgrade", "Minsk"),
    ("Austria", "Chile", "Vienna", "Santiago"),
    ("Portugal", "Ghana", "Lisbon", "Accra"),
    ("Norway", "Vietnam", "Oslo", "Hanoi"),
    ("Kenya", "Finland", "Nairobi", "Helsinki"),
    ("Peru", "Greece", "Lima", "Athens"),
    ("Mongolia", "Jordan", "Ulaanbaatar", "Amman"),
    ("Tunisia", "Poland", "Tunis", "Warsaw"),
]
_FIRST_DAY = dt.date(2010, 1, 4)
_LEVELS = ["Assistant Ministers", "Deputy Ministers", "State Secretaries", "political directors"]
_TOPICS = [
    "trade and investment",
    "consular affairs",
    "cooperation in education",
    "energy and transport links",
    "coordination in international organizations",
]
_FIRMNESS = ["It was agreed to hold", "It was agreed in principle to hold", "The two sides agreed to hold"]


def press_release(index: int) -> str:
    """The text of generated press release number `index` (stable across runs)."""
    rng = random.Random(index)
    home, guest, home_city, guest_city = _PAIRS[index % len(_PAIRS)]
    held = _FIRST_DAY + dt.timedelta(days=2 * index)
    day, month, year = held.day, _MONTHS[held.month - 1], held.year
    level = rng.choice(_LEVELS)
    topic = rng.choice(_TOPICS)
    firmness = rng.choice(_FIRMNESS)
    return (
        f"Release no. {index}\n\n"
        f"On {day} {month} {year}, political consultations between the foreign ministries of {home} and "
        f"{guest} at the level of {level} were held in {home_city}.\n\n"
        f"The delegations reviewed {topic} and noted the steady growth of contacts between the two "
        f"countries over the past years.\n\n"
        f"{firmness} the next round of political consultations in {guest_city} in {year + 1}.\n"
    )


def write_corpus(folder: Path, indexes, suffix: str = ".txt") -> list[Path]:
    """Write the press releases numbered `indexes` into `folder` (created); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in indexes:
        path = folder / f"release-{index:05d}{suffix}"
        path.write_text(press_release(index), encoding="utf-8")
        paths.append(path)
    return paths
