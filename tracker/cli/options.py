"""Option parsing shared by the command groups: dates, windows, party codes."""

from __future__ import annotations

import datetime as dt
from typing import overload

from tracker.clock import parse_iso_date
from tracker.domain.model import Kind, Precision, Status, Window
from tracker.errors import InputError
from tracker.limits import check_date

__all__ = [
    "parse_kind",
    "parse_kinds",
    "parse_status",
    "parse_parties",
    "parse_party",
    "parse_window",
    "parse_optional_date",
    "parse_time",
    "parse_timezone",
]


def parse_city(value: str | None) -> str | None:
    """A city as typed, without the spaces around it (matching compares cities as stored); '' is none."""
    if value is None:
        return None
    return value.strip() or None


@overload
def parse_kind(value: str) -> Kind: ...
@overload
def parse_kind(value: None) -> None: ...
def parse_kind(value: str | None) -> Kind | None:
    if value is None:
        return None
    try:
        return Kind(value.lower())
    except ValueError as err:
        raise InputError(f"unknown kind {value!r}; use one of: {', '.join(k.value for k in Kind)}") from err


def parse_kinds(values: list[str] | None) -> tuple[str, ...]:
    """The kinds of repeated or comma-separated --kind options, sorted, each once."""
    return tuple(
        sorted({parse_kind(k).value for value in values or [] for k in value.split(",") if k.strip()})
    )


def parse_status(value: str | None) -> str | None:
    """A stored status (--status); None stays None."""
    if value and value not in {s.value for s in Status}:
        raise InputError(f"unknown status {value!r}; use one of: {', '.join(s.value for s in Status)}")
    return value


def parse_parties(values: list[str] | None, cache_dir: str | None = None) -> list[str]:
    """Party codes from repeated or comma-separated options, each a code or a name (`Belarus` -> BY).

    Raises InputError for a party the gazetteer does not know, with the nearest names (issue #14:
    an unknown code used to replace an item's parties silently).
    """
    return sorted(
        {parse_party(word, cache_dir) for value in values or [] for word in value.split(",") if word.strip()}
    )


def parse_party(value: str, cache_dir: str | None = None) -> str:
    """One party code from a code or a name; InputError with "did you mean" when it names none."""
    from pathlib import Path

    from tracker import gazetteer  # here: only commands that take a party load the name index

    folder = Path(cache_dir) if cache_dir else None
    code = gazetteer.resolve_party(value, folder)
    if code is not None:
        return code
    suggestions = gazetteer.suggest_parties(value, folder)
    hint = (
        f"did you mean {' or '.join(suggestions)}?"
        if suggestions
        else "give an ISO 3166 code (BY), an organisation (OSCE) or a country name (Belarus)"
    )
    raise InputError(f"unknown party {value.strip()!r}; {hint}")


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
        if window.start is not None and window.end is not None:  # an open window has neither
            check_date(window.start, f"the window {due!r} starts on")
            check_date(window.end, f"the window {due!r} ends on")
        return window
    if start or end:
        first = parse_iso_date(start or end or "", "--start")
        last = parse_iso_date(end or start or "", "--end")
        if last < first:
            raise InputError(f"--end {last} is before --start {first}")
        precision = Precision.DAY if first == last else Precision.DAYS
        return Window(first, last, precision, f"{first}..{last}")
    return None
