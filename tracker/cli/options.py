"""Option parsing shared by the command groups: dates, windows, party codes."""

from __future__ import annotations

import datetime as dt

from tracker.clock import parse_iso_date
from tracker.domain.model import Kind, Precision, Window
from tracker.errors import InputError
from tracker.limits import check_date

__all__ = ["parse_kind", "parse_parties", "parse_window", "parse_optional_date"]


def parse_kind(value: str | None) -> Kind | None:
    if value is None:
        return None
    try:
        return Kind(value.lower())
    except ValueError as err:
        raise InputError(f"unknown kind {value!r}; use one of: {', '.join(k.value for k in Kind)}") from err


def parse_parties(values: list[str] | None) -> list[str]:
    """Party codes from repeated or comma-separated options, upper-cased."""
    codes = []
    for value in values or []:
        codes.extend(code.strip().upper() for code in value.split(",") if code.strip())
    return sorted(set(codes))


def parse_optional_date(value: str | None, what: str) -> dt.date | None:
    return parse_iso_date(value, what) if value else None


def parse_window(due: str | None, start: str | None, end: str | None, anchor: dt.date) -> Window | None:
    """A window from `--due "in 2017"` (read like a press release) or `--start/--end` dates."""
    if due:
        from tracker.temporal import resolve_window  # here: its patterns take a tenth of a second to load

        window = resolve_window(due, anchor)
        if window is None:
            raise InputError(f"cannot read a due window from {due!r}; try --start/--end YYYY-MM-DD")
        if not window.is_open:
            check_date(window.start, f"the window {due!r} starts on")
            check_date(window.end, f"the window {due!r} ends on")
        return window
    if start or end:
        first = parse_iso_date(start or end, "--start")
        last = parse_iso_date(end or start, "--end")
        if last < first:
            raise InputError(f"--end {last} is before --start {first}")
        precision = Precision.DAY if first == last else Precision.DAYS
        return Window(first, last, precision, f"{first}..{last}")
    return None
