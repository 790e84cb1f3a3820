"""The only place the tracker reads the wall clock, through two functions.

`today()` is the "as of" date every status, reminder and report reads: an
explicit override (the `--today` option, the `TRACKER_TODAY` variable, resolved
by the CLI) wins over the real date. `utc_now()` is the real instant recorded in
history rows and change times; it never follows `--today` (issue #14: a date set
for reading must not be written into the history as when an edit was made).
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["today", "utc_now", "parse_iso_date", "utc_date"]


def parse_iso_date(value: str, what: str = "date") -> _dt.date:
    """Parse YYYY-MM-DD within the tracker's date range (`tracker.limits`); raise InputError otherwise."""
    from tracker.errors import InputError
    from tracker.limits import check_date

    try:
        day = _dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError) as err:
        raise InputError(f"{what} must be YYYY-MM-DD, got {value!r}") from err
    return check_date(day, what)


def today(override: str | _dt.date | None = None) -> _dt.date:
    """The date to act on: the override when given, else the real local date."""
    if isinstance(override, _dt.date):
        return override
    if override:
        return parse_iso_date(override, "--today / TRACKER_TODAY")
    return _dt.date.today()


def utc_now() -> _dt.datetime:
    """The real current instant in UTC, for history rows and change times (never the `--today` date)."""
    return _dt.datetime.now(_dt.UTC)


def utc_date(instant: _dt.datetime | None) -> _dt.date | None:
    """The UTC calendar day of a stored instant (naive instants are taken as UTC)."""
    if instant is None:
        return None
    if instant.tzinfo is not None:
        instant = instant.astimezone(_dt.UTC)
    return instant.date()
