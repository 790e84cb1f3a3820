"""Reminders: what needs attention on a given day, as data (the CLI renders and mails it).

Five groups, in this order: overdue items (window ended, oldest first), items due
within the horizon (window ends within it), windows opening within the horizon,
stale open-ended items, and late cadences. Only active items count (open or
rescheduled, not rejected in review); unreviewed items are included and carry
their review state so that every rendering can mark them. Everything is a pure
function of the stored data and `today`.

Each reminder carries its item's record as JSON text written by the database
(tracker.speed.sql_rows), not a domain object: building and encoding domain
objects was most of the time of `remind --json` on 100,000 items (bench/remind.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.domain import model as domain
from tracker.domain.status import NOT_NEWS_FIELDS, is_stale, last_news
from tracker.services.cadence import Cadence, list_cadences
from tracker.speed.json_text import object_tail
from tracker.speed.sql_rows import as_date, list_item_records, list_item_records_by_id
from tracker.storage import items as items_store
from tracker.storage.items import list_possible_matches
from tracker.storage.meetings import list_last_meeting_days
from tracker.storage.reminding import REMINDER_GROUPS, count_reminder_groups, iter_reminder_batches

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "Reminder",
    "Reminders",
    "ReminderStream",
    "StaleItem",
    "build_reminders",
    "stream_reminders",
    "list_stale",
]


@dataclass(slots=True)
class Reminder:
    """One item to remind of, with the numbers its group is about (days are whole days).

    `record` is the text of a JSON object with the item's stored fields, those of
    `tracker.exporters.records.commitment_record` before its derived ones.
    """

    id: int
    record: str
    window_end: dt.date | None
    unreviewed: bool
    days_overdue: int = 0
    days_left: int | None = None
    opens_in_days: int | None = None
    last_news: dt.date | None = None


@dataclass(frozen=True)
class StaleItem:
    """An open-ended item with no news for a long time, and the day of its last news (None: never)."""

    item: domain.Commitment
    last_news: dt.date | None


@dataclass
class Reminders:
    today: dt.date
    within_days: int
    stale_months: int
    overdue: list[Reminder] = field(default_factory=list)
    due_soon: list[Reminder] = field(default_factory=list)
    opening_soon: list[Reminder] = field(default_factory=list)
    stale: list[Reminder] = field(default_factory=list)  # least recent news first
    late_cadences: list[Cadence] = field(default_factory=list)
    # Item id -> meetings proposed as its fulfilment, awaiting review (shown beside the item).
    possible_matches: dict[int, list[int]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_soon or self.opening_soon or self.stale or self.late_cadences)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "overdue": len(self.overdue),
            "due_soon": len(self.due_soon),
            "opening_soon": len(self.opening_soon),
            "stale": len(self.stale),
            "late_cadences": len(self.late_cadences),
        }


def list_stale(
    session: Session,
    today: dt.date,
    stale_months: int = 12,
    *,
    party: str | None = None,
    kind: str | None = None,
) -> list[StaleItem]:
    """Active open-ended items with no news for `stale_months` months, least recent news first.

    News is defined in `tracker.domain.status.last_news`: the day the item was made,
    its last recorded change (by hand or in review), and the last meeting held
    among all its parties.
    """
    items = items_store.list_items(session, open_ended=True, party=party, kind=kind)
    changes = items_store.list_last_change_days(
        session, [item.stored_id for item in items], today, except_fields=NOT_NEWS_FIELDS
    )
    meetings = list_last_meeting_days(
        session, ((item.stored_id, item.parties) for item in items), held_by=today
    )
    stale = []
    for item in items:
        news = last_news(
            item, history=changes.get(item.stored_id), meeting=meetings.get(item.stored_id), today=today
        )
        if is_stale(item, today, news=news, stale_months=stale_months):
            stale.append(StaleItem(item, news))
    stale.sort(key=lambda s: (s.last_news or dt.date.min, s.item.id))
    return stale


def build_reminders(
    session: Session,
    today: dt.date,
    within_days: int,
    party: str | None = None,
    kind: str | None = None,
    *,
    stale_months: int = 12,
) -> Reminders:
    """Everything to remind of on `today`.

    :param within_days: the horizon: items whose window ends (due soon) or starts
        (opening soon) within this many days after `today`, inclusive.
    :param party: only items (and cadences) with this party code.
    :param kind: only items (and cadences) of this kind.
    :param stale_months: an open-ended item with no news for this long is stale.
    """
    horizon = today + dt.timedelta(days=within_days)
    condition = items_store.reminder_condition(today, horizon, party=party, kind=kind)
    result = Reminders(today=today, within_days=within_days, stale_months=stale_months)
    for item_id, window_start, window_end, review, record in list_item_records(session, condition):
        # reminder_condition compares both window dates, and SQL's NULL passes no comparison.
        assert window_start is not None and window_end is not None
        unreviewed = review == domain.ReviewState.UNREVIEWED
        if window_end < today:
            result.overdue.append(
                Reminder(item_id, record, window_end, unreviewed, days_overdue=(today - window_end).days)
            )
        elif window_end <= horizon:
            result.due_soon.append(
                Reminder(item_id, record, window_end, unreviewed, days_left=(window_end - today).days)
            )
        else:
            result.opening_soon.append(
                Reminder(item_id, record, window_end, unreviewed, opens_in_days=(window_start - today).days)
            )
    result.overdue.sort(key=lambda r: (r.window_end, r.id))
    result.due_soon.sort(key=lambda r: (r.window_end, r.id))
    result.opening_soon.sort(key=lambda r: (r.opens_in_days, r.id))
    result.stale = _stale_reminders(session, list_stale(session, today, stale_months, party=party, kind=kind))
    result.late_cadences = [
        cadence for cadence in list_cadences(session, today, party=party, kind=kind) if cadence.late
    ]
    result.possible_matches = list_possible_matches(session)
    return result


@dataclass
class ReminderStream:
    """The reminders of `build_reminders`, with the items of the first three groups read as they are used.

    `counts` and the small groups (stale items, late cadences) are known at once;
    `iter_dated` and `iter_dated_texts` give the overdue, due soon and opening soon
    items, in that order and sorted as `build_reminders` sorts them. Only one of them
    may be iterated, once, while the session is open.
    """

    today: dt.date
    within_days: int
    stale_months: int
    counts: dict[str, int]
    stale: list[Reminder]
    late_cadences: list[Cadence]
    possible_matches: dict[int, list[int]]
    _batches: Iterator[tuple[str, list[tuple[Any, ...]]]]

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())

    def _reminder(
        self, group: str, window_start: Any, window_end: Any, review: str, item_id: int, record: str
    ) -> Reminder:
        start, end = as_date(window_start), as_date(window_end)
        # reminder_condition compares both window dates, and SQL's NULL passes no comparison.
        assert start is not None and end is not None
        reminder = Reminder(item_id, record, end, review == domain.ReviewState.UNREVIEWED)
        if group == "overdue":
            reminder.days_overdue = (self.today - end).days
        elif group == "due_soon":
            reminder.days_left = (end - self.today).days
        else:
            reminder.opens_in_days = (start - self.today).days
        return reminder

    def iter_dated(self) -> Iterator[tuple[str, Reminder]]:
        """(group, Reminder) for each dated item."""
        for group, rows in self._batches:
            for _number, start, end, review, item_id, record in rows:
                yield group, self._reminder(group, start, end, review, item_id, record)

    def iter_dated_texts(self, fields: Callable[[Reminder], str]) -> Iterator[tuple[str, list[str]]]:
        """(group, texts) in batches, each text the item's record, then the keys of the JSON object text `fields(reminder)`.

        `fields` must read only what the group, the window and the review decide (not
        `id` or `record`): it is called once for each distinct (group, window, review),
        not once an item, which matters at 100,000 items (bench/remind.py).
        """
        tails: dict[tuple[Any, ...], str] = {}

        def tail(key: tuple[Any, ...]) -> str:
            number, start, end, review = key
            tails[key] = object_tail(
                fields(self._reminder(REMINDER_GROUPS[number], start, end, review, 0, "{}"))
            )
            return tails[key]

        for group, rows in self._batches:
            yield group, [row[5][:-1] + (tails.get(key := row[:4]) or tail(key)) for row in rows]


def stream_reminders(
    session: Session,
    today: dt.date,
    within_days: int,
    party: str | None = None,
    kind: str | None = None,
    *,
    stale_months: int = 12,
) -> ReminderStream:
    """`build_reminders`, with the dated items streamed (see ReminderStream); same parameters."""
    horizon = today + dt.timedelta(days=within_days)
    condition = items_store.reminder_condition(today, horizon, party=party, kind=kind)
    counts = count_reminder_groups(session, condition, today, horizon)
    stale = _stale_reminders(session, list_stale(session, today, stale_months, party=party, kind=kind))
    late = [cadence for cadence in list_cadences(session, today, party=party, kind=kind) if cadence.late]
    return ReminderStream(
        today=today,
        within_days=within_days,
        stale_months=stale_months,
        counts={**counts, "stale": len(stale), "late_cadences": len(late)},
        stale=stale,
        late_cadences=late,
        possible_matches=list_possible_matches(session),
        _batches=iter_reminder_batches(session, condition, today, horizon),
    )


def _stale_reminders(session: Session, stale: list[StaleItem]) -> list[Reminder]:
    records = list_item_records_by_id(session, [s.item.stored_id for s in stale])
    return [
        Reminder(
            s.item.stored_id,
            records[s.item.stored_id],
            None,
            s.item.review is domain.ReviewState.UNREVIEWED,
            last_news=s.last_news,
        )
        for s in stale
    ]
