"""Placeholder resolver (issue #3 replaces it with the contract's full window table)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from tracker.domain.model import Precision, Window

__all__ = ["TimeExpression", "find_time_expressions", "resolve_window"]

Tense = Literal["past", "future"]


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text: its character span and the window it denotes."""

    start: int
    end: int
    text: str
    window: Window


def find_time_expressions(text: str, anchor: dt.date | None, tense: Tense = "future") -> list[TimeExpression]:
    """Every time expression in `text`, left to right, resolved against `anchor`."""
    found = []
    for match in re.finditer(r"\b(?:in|during) (\d{4})\b", text):
        year = int(match[1])
        found.append(TimeExpression(match.start(), match.end(), match.group(),
                                    Window(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, match.group())))
    return found


def resolve_window(expression: str, anchor: dt.date | None, tense: Tense = "future") -> Window | None:
    """The window of a whole expression ("in 2017", "2017-03-01"), or None when it is not one."""
    expression = expression.strip()
    try:
        day = dt.date.fromisoformat(expression)
        return Window(day, day, Precision.DAY, expression)
    except ValueError:
        pass
    found = find_time_expressions(expression, anchor, tense)
    return found[0].window if found else None
