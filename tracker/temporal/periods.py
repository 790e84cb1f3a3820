"""Calendar periods as closed date windows: days, months, quarters, halves, seasons, ISO weeks.

Each function builds one Window from numbers; none reads the clock or parses text.
Impossible dates raise ValueError, which the grammar catches to skip the expression.
Month arithmetic uses python-dateutil's relativedelta (clips to the month's last day).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from tracker.domain.model import Precision, Window

__all__ = [
    "last_day",
    "day_window",
    "days_window",
    "month_window",
    "month_part_window",
    "quarter_window",
    "half_window",
    "year_part_window",
    "season_window",
    "season_part_window",
    "year_window",
    "iso_week_window",
    "after_months",
    "weekday_on_or_after",
    "weekday_on_or_before",
    "pick_year",
    "join_windows",
    "bounds",
    "relativedelta",
    "WIDTH",
]

# How wide each precision is, for "the precision of the wider" in ranges and alternatives.
WIDTH = {
    Precision.DAY: 0,
    Precision.DAYS: 1,
    Precision.PART_OF_MONTH: 2,
    Precision.MONTH: 3,
    Precision.SEASON: 4,
    Precision.QUARTER: 4,
    Precision.PART_OF_YEAR: 5,
    Precision.HALF: 6,
    Precision.YEAR: 7,
}


def last_day(year: int, month: int) -> int:
    """The number of the last day of a month (29 for February 2016)."""
    return calendar.monthrange(year, month)[1]


def day_window(year: int, month: int, day: int) -> Window:
    date = dt.date(year, month, day)
    return Window(date, date, Precision.DAY)


def days_window(start: dt.date, end: dt.date) -> Window:
    return Window(start, end, Precision.DAYS if start != end else Precision.DAY)


def month_window(year: int, month: int) -> Window:
    return Window(dt.date(year, month, 1), dt.date(year, month, last_day(year, month)), Precision.MONTH)


def month_part_window(year: int, month: int, first: int, last: int | None) -> Window:
    """Days first..last of a month (last None: its last day; a negative first counts back from it: -7 is
    the last seven days), precision part_of_month."""
    end = last_day(year, month) if last is None else last
    if first < 0:
        first = last_day(year, month) + first + 1
    return Window(dt.date(year, month, first), dt.date(year, month, end), Precision.PART_OF_MONTH)


def quarter_window(year: int, quarter: int) -> Window:
    first_month = 3 * (quarter - 1) + 1
    return Window(
        dt.date(year, first_month, 1),
        dt.date(year, first_month + 2, last_day(year, first_month + 2)),
        Precision.QUARTER,
    )


def half_window(year: int, half: int) -> Window:
    if half == 1:
        return Window(dt.date(year, 1, 1), dt.date(year, 6, 30), Precision.HALF)
    return Window(dt.date(year, 7, 1), dt.date(year, 12, 31), Precision.HALF)


def year_part_window(year: int, first_month: int, last_month: int) -> Window:
    return Window(
        dt.date(year, first_month, 1),
        dt.date(year, last_month, last_day(year, last_month)),
        Precision.PART_OF_YEAR,
    )


def season_window(year: int, first_month: int) -> Window:
    """A three-month season. Winter `year` is the one that ends in February of `year`."""
    start = dt.date(year - 1 if first_month == 12 else year, first_month, 1)
    end = start + relativedelta(months=3, days=-1)
    return Window(start, end, Precision.SEASON)


def season_part_window(year: int, first_month: int, index: int) -> Window:
    """The first (0), second (1) or third (2) month of a season, precision season."""
    start = bounds(season_window(year, first_month))[0] + relativedelta(months=index)
    return Window(start, start + relativedelta(months=1, days=-1), Precision.SEASON)


def bounds(window: Window) -> tuple[dt.date, dt.date]:
    """(start, end) of a dated window; an open one has none, a ValueError as for an impossible date."""
    if window.start is None or window.end is None:
        raise ValueError("an open window has no dates")
    return window.start, window.end


def _length(window: Window) -> dt.timedelta:
    start, end = bounds(window)
    return end - start


def year_window(year: int) -> Window:
    return Window(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR)


def iso_week_window(day: dt.date, weeks: int = 0) -> Window:
    """Monday..Sunday of the ISO week `weeks` after the one holding `day`, precision days."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return Window(monday, monday + dt.timedelta(days=6), Precision.DAYS)


def after_months(anchor: dt.date, months: int, days: int) -> dt.date:
    """The last day of a vague window: anchor + months + days - 1 day (calendar months, clipped)."""
    last: dt.date = anchor + relativedelta(months=months, days=days) - dt.timedelta(days=1)
    return last


def weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def pick_year(build: Callable[[int], Window], anchor: dt.date, tense: str) -> Window | None:
    """The window of a year-less expression nearest the anchor in the direction of the tense.

    Future: the first year whose window does not end before the anchor (the current month
    when the anchor is inside it). Past: the last year whose window starts on or before the
    anchor. Years where the date does not exist (29 February) are skipped.
    """
    years = (
        range(anchor.year - 1, anchor.year + 9)
        if tense == "future"
        else range(anchor.year + 1, anchor.year - 9, -1)
    )
    for year in years:
        try:
            window = build(year)
        except ValueError:
            continue
        start, end = bounds(window)
        if (tense == "future" and end >= anchor) or (tense != "future" and start <= anchor):
            return window
    return None


def join_windows(first: Window, second: Window) -> Window:
    """From the start of the earlier to the end of the later, with the precision of the wider."""
    (first_start, first_end), (second_start, second_end) = bounds(first), bounds(second)
    start, end = min(first_start, second_start), max(first_end, second_end)
    if first.precision in (Precision.DAY, Precision.DAYS) and second.precision in (
        Precision.DAY,
        Precision.DAYS,
    ):
        return days_window(start, end)
    wider = max((first, second), key=lambda window: (WIDTH.get(window.precision, 8), _length(window)))
    return Window(start, end, wider.precision)
