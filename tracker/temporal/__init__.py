"""Time expressions -> due windows (closed date intervals), given an anchor date.

Pure: the anchor (publication date or today) is always a parameter; nothing reads the
clock. The grammar lives in patterns.py (words in lexicon.py), period arithmetic in
periods.py, selection, joining and resolution in windows.py.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.temporal.periods import bounds
    from tracker.temporal.windows import (
        Tense,
        TimeExpression,
        find_time_expressions,
        first_full_date,
        resolve_window,
    )

__all__ = ["TimeExpression", "Tense", "find_time_expressions", "resolve_window", "first_full_date", "bounds"]

_HOMES = {
    "bounds": "periods",
    **dict.fromkeys(
        ["TimeExpression", "Tense", "find_time_expressions", "resolve_window", "first_full_date"], "windows"
    ),
}


def __getattr__(name: str) -> Any:
    # Compiling the grammar costs most of a second: it is loaded on first use, so that a rule that
    # only needs period arithmetic (tracker.temporal.periods) does not pay for it.
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value  # later lookups find it at once (extraction asks some 40 times per document)
    return value
