"""What a weekly report shows, as plain data: the ISO week, sections, lines and records.

Built by `services/report.py` from the database and rendered by
`exporters/report.py` into Markdown, HTML or JSON; neither side needs the other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from urllib.parse import urlsplit

__all__ = [
    "IsoWeek",
    "Listing",
    "SourceRef",
    "MeetingLine",
    "ItemLine",
    "ChangeLine",
    "CadenceLine",
    "ComplianceRecord",
    "PartySection",
    "Summary",
    "Timeline",
    "WeeklyReport",
]

T = TypeVar("T")


# The week

_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week: Monday to Sunday, numbered within its ISO year (2016-W40)."""

    year: int
    week: int

    def __post_init__(self) -> None:
        dt.date.fromisocalendar(self.year, self.week, 1)  # raises ValueError for a week that does not exist

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Read `2016-W40` (also `2016W40`, `2016-w40`); raise ValueError with a message for a user otherwise."""
        match = _WEEK.match(text or "")
        if not match:
            raise ValueError(f"--week must look like 2016-W40, got {text!r}")
        try:
            return cls(int(match[1]), int(match[2]))
        except ValueError as err:
            raise ValueError(f"{match[1]} has no ISO week {int(match[2])}") from err

    @classmethod
    def containing(cls, day: dt.date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def before(cls, today: dt.date) -> IsoWeek:
        """The last whole week before `today`'s: the default week of the report."""
        return cls.containing(today - dt.timedelta(days=7))

    @property
    def start(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def end(self) -> dt.date:
        """Sunday, inclusive."""
        return dt.date.fromisocalendar(self.year, self.week, 7)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


# Report data


@dataclass(frozen=True)
class Listing(Generic[T]):
    """The first `len(items)` of `total` entries of a section (`total` always counts all of them)."""

    items: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    @classmethod
    def of(cls, entries: Sequence[T], limit: int | None) -> Listing[T]:
        shown = entries if not limit else entries[:limit]
        return cls(tuple(shown), len(entries))


@dataclass(frozen=True)
class SourceRef:
    """The document an item or meeting was read from; `url` is set only for an http(s) source."""

    document_id: int
    title: str | None
    source: str
    published: dt.date | None
    url: str | None

    @classmethod
    def of(cls, document_id: int, source: str, title: str | None, published: dt.date | None) -> SourceRef:
        """The reference to a stored document; its source is its URL when it is an http(s) one."""
        url = source if urlsplit(source).scheme in {"http", "https"} else None
        return cls(document_id, title, source, published, url)


@dataclass(frozen=True)
class MeetingLine:
    id: int
    kind: str
    title: str
    start: dt.date
    end: dt.date
    city: str | None
    country: str | None
    parties: tuple[str, ...]
    review: str
    evidence: str | None
    source: SourceRef | None


@dataclass(frozen=True)
class ItemLine:
    """One item as the report lists it; `state` and `days_overdue` are derived on the report's `today`."""

    id: int
    kind: str
    title: str
    firmness: str
    parties: tuple[str, ...]
    city: str | None
    window_start: dt.date | None
    window_end: dt.date | None
    window_text: str
    precision: str
    status: str
    state: str
    days_overdue: int
    made_on: dt.date | None
    fulfilled_on: dt.date | None
    review: str
    evidence: str | None
    source: SourceRef | None
    possible_matches: tuple[int, ...] = ()  # meetings proposed as its fulfilment, awaiting review


@dataclass(frozen=True)
class ChangeLine:
    """An item fulfilled, rescheduled or cancelled in the week.

    `on` is the day it happened (the fulfilment date, else the day the change was
    recorded); `recorded_on` is the day the tracker learnt it. A reschedule keeps
    the window it had before the week in `old_window_start`/`old_window_end`.
    """

    change: str  # fulfilled | fulfilled_late | rescheduled | cancelled
    on: dt.date
    recorded_on: dt.date | None
    reason: str
    item: ItemLine
    old_window_start: dt.date | None = None
    old_window_end: dt.date | None = None


@dataclass(frozen=True)
class CadenceLine:
    """A pair or group of parties that meets regularly, and how late its next meeting is."""

    parties: tuple[str, ...]
    kind: str
    median_interval_days: int | None
    last: dt.date | None
    expected_next: dt.date | None
    late: bool
    days_late: int


@dataclass(frozen=True)
class ComplianceRecord:
    """A party's record over the commitments it made (all time, or since a date).

    Every commitment falls in exactly one column: made = fulfilled_on_time +
    fulfilled_late + overdue + cancelled + pending. "On time" means fulfilled on or
    before the last day of its (current) window; an item without a window that was
    fulfilled counts as on time. Pending items are open and not yet due (or open
    ended): they cannot be judged yet.

    The on-time rate follows the G7/G20 Research Group, which scores each member on
    the commitments whose compliance period has ended: its denominator is the
    *assessed* commitments, fulfilled_on_time + fulfilled_late + overdue (cancelled
    and pending ones are left out, as the Research Group leaves out commitments
    that were withdrawn or are not yet due), and its numerator is those fulfilled
    on time. `score` is the Research Group's own scale: +1 full compliance (on
    time), 0 partial (late), -1 non-compliance (overdue), averaged over the same
    denominator, from -1 to +1. Both are None when nothing can be assessed yet.
    """

    party: str
    name: str
    made: int = 0
    fulfilled_on_time: int = 0
    fulfilled_late: int = 0
    overdue: int = 0
    cancelled: int = 0
    pending: int = 0

    @property
    def assessed(self) -> int:
        return self.fulfilled_on_time + self.fulfilled_late + self.overdue

    @property
    def on_time_rate(self) -> float | None:
        return self.fulfilled_on_time / self.assessed if self.assessed else None

    @property
    def score(self) -> float | None:
        return (self.fulfilled_on_time - self.overdue) / self.assessed if self.assessed else None


@dataclass(frozen=True)
class PartySection:
    party: str
    name: str
    record: ComplianceRecord
    open_items: Listing[ItemLine]


@dataclass(frozen=True)
class Summary:
    meetings: int
    made: int
    fulfilled: int
    rescheduled: int
    cancelled: int
    due: int
    overdue: int
    stale: int | None
    late_cadences: int | None


@dataclass(frozen=True)
class Timeline:
    """Open items with a window around `today`, for the HTML chart: from `start` to `end` inclusive."""

    start: dt.date
    end: dt.date
    items: Listing[ItemLine]


@dataclass(frozen=True)
class WeeklyReport:
    """Everything the weekly report shows. `stale` and `cadences` are None when the tracker cannot tell."""

    week: IsoWeek
    today: dt.date
    party: str | None
    party_name: str | None
    due_until: dt.date
    summary: Summary
    meetings: Listing[MeetingLine]
    made: Listing[ItemLine]
    changes: Listing[ChangeLine]
    due: Listing[ItemLine]
    overdue: Listing[ItemLine]
    stale: Listing[ItemLine] | None
    cadences: Listing[CadenceLine] | None
    parties: tuple[PartySection, ...]
    timeline: Timeline
    sources: tuple[SourceRef, ...] = field(default=())
