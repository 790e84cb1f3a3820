"""Speed: the garbage collector tuned for a command's short life.

A command is a short process that may build 100,000s of objects for a long list
and makes next to no reference cycles: at the default pace the collector rescans
them all again and again (a third of `remind --json` over 100,000 items,
bench/remind.py). So the objects made by the imports are frozen and young ones
collected less often, as mypy does.
"""

from __future__ import annotations

import gc

__all__ = ["tune_for_a_command"]


def tune_for_a_command() -> None:
    """Freeze what the imports made and collect young objects every 200,000 allocations."""
    gc.freeze()
    gc.set_threshold(200_000, 30, 30)
