"""Option parsing shared by the command groups: dates, windows, party codes."""

from __future__ import annotations

import datetime as dt

from tracker.clock import parse_iso_date
from tracker.domain.model import Kind, Precision, Window
from tracker.errors import InputError

__all__ = ["parse_kind", "parse_parties", "parse_window", "parse_optional_date", "parse_time", "parse_timezone"]


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


def parse_time(value: str | None, what: str) -> dt.time | None:
    """A wall-clock time HH:MM (24-hour) or None; InputError otherwise."""
    if value is None:
        return None
    try:
        parsed = dt.time.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(f"{what} must be a time HH:MM (24-hour), got {value!r}") from err
    if parsed.tzinfo is not None:
        raise InputError(f"{what} takes a wall-clock time; give the zone with --timezone, got {value!r}")
    return parsed.replace(microsecond=0)


def parse_timezone(value: str | None) -> str | None:
    """An IANA time zone name zoneinfo knows (Europe/Minsk), or None; InputError for Mars/Olympus and the like."""
    if value is None:
        return None
    import zoneinfo

    name = value.strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError) as err:
        raise InputError(f"unknown time zone {value!r}; give an IANA name such as Europe/Minsk") from err
    return name


def parse_window(due: str | None, start: str | None, end: str | None, anchor: dt.date) -> Window | None:
    """A window from `--due "in 2017"` (read like a press release) or `--start/--end` dates."""
    if due:
        from tracker.temporal import resolve_window  # here: its patterns take a tenth of a second to load

        window = resolve_window(due, anchor)
        if window is None:
            raise InputError(f"cannot read a due window from {due!r}; try --start/--end YYYY-MM-DD")
        return window
    if start or end:
        first = parse_iso_date(start or end, "--start")
        last = parse_iso_date(end or start, "--end")
        if last < first:
            raise InputError(f"--end {last} is before --start {first}")
        precision = Precision.DAY if first == last else Precision.DAYS
        return Window(first, last, precision, f"{first}..{last}")
    return None
