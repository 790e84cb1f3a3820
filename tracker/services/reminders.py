"""Reminders: what needs attention on a given day, as data (the CLI renders and mails it).

Five groups, in this order: overdue items (window ended, oldest first), items due
within the horizon (window ends within it), windows opening within the horizon,
stale open-ended items, and late cadences. Only active items count (open or
rescheduled, not rejected in review); unreviewed items are included and carry
their review state so that every rendering can mark them. Everything is a pure
function of the stored data and `today`.

Each reminder carries its item's record as JSON text written by the database
(tracker.storage.item_json), not a domain object: building and encoding domain
objects was most of the time of `remind --json` on 100,000 items (bench/remind.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain import model as domain
from tracker.domain.status import ACTIVE_STATUSES, is_stale, last_news
from tracker.services.cadence import Cadence, list_cadences
from tracker.services.fulfilment import list_possible_matches
from tracker.storage import models as m
from tracker.storage.item_fields import ItemColumns, ItemRow, item_from_row
from tracker.storage.item_json import fetch_item_records, select_item_records
from tracker.storage.items import not_rejected

__all__ = [
    "Reminder",
    "Reminders",
    "StaleItem",
    "build_reminders",
    "list_stale",
    "load_items",
    "iter_items",
    "overdue_condition",
]

# History fields that are not news about an item: its storing (the day it was made
# counts instead) and links proposed by the machine (the meeting's own date counts).
_NOT_NEWS = ("created", "fulfilment_link")


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


def _unindexed(column):
    """`column` wrapped so that the database does not pick its index.

    Active items are few and old ones many, but SQLite's statistics only know
    averages: offered an index on the window end, it walks every item that ever
    fell due (750,000 of 1,000,000 in bench/remind.py: 4 s) instead of the
    10,000 active ones through the status index (0.1 s). NULL stays NULL.
    """
    return func.coalesce(column, None)


def overdue_condition(today: dt.date):
    """SQL condition: the window ended before `today` (combine with the active filter of `iter_items`)."""
    return _unindexed(m.Commitment.window_end) < today


def _filters(
    active_only: bool = True,
    include_rejected: bool = False,
    party: str | None = None,
    kind: str | None = None,
) -> list:
    c = m.Commitment
    conditions = []
    if active_only:
        conditions.append(c.status.in_(sorted(ACTIVE_STATUSES)))
    if not include_rejected:
        conditions.append(not_rejected(c))
    if party:
        conditions.append(c.party_rows.any(m.CommitmentParty.code == party.upper()))
    if kind:
        conditions.append(c.kind == kind)
    return conditions


def iter_items(
    session: Session,
    *conditions,
    party: str | None = None,
    kind: str | None = None,
    active_only: bool = True,
    include_rejected: bool = False,
    batch: int = 1000,
) -> Iterator[domain.Commitment]:
    """Items meeting `conditions`, soonest window end first (open-ended last), streamed in batches.

    Built straight from columns, not ORM rows, and `batch` rows at a time, so that
    a list of 100,000s of items neither waits for nor holds all of them.
    """
    c = m.Commitment
    query = (
        ItemColumns()
        .select()
        .where(*conditions, *_filters(active_only, include_rejected, party, kind))
        .order_by(c.window_end.is_(None), c.window_end, c.id)
    )
    # Core rows through the session's connection (same transaction): no ORM result machinery per row.
    result = session.connection().execute(query.execution_options(yield_per=batch))
    windows: dict[tuple, domain.Window] = {}
    make = ItemRow._make
    for rows in result.partitions():
        for row in rows:
            yield item_from_row(make(row), windows)


def load_items(
    session: Session, *conditions, party: str | None = None, kind: str | None = None
) -> list[domain.Commitment]:
    """Active, not rejected items meeting `conditions` (see `iter_items`)."""
    return list(iter_items(session, *conditions, party=party, kind=kind))


def _last_changes(session: Session, item_ids: list[int], today: dt.date) -> dict[int, dt.date]:
    """Item id -> day of its last recorded change (on or before `today`), creation and proposals aside."""
    if not item_ids:
        return {}
    until = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    latest: dict[int, dt.date] = {}
    for start in range(0, len(item_ids), 500):
        chunk = item_ids[start : start + 500]
        rows = session.execute(
            select(m.History.entity_id, m.History.changed_at).where(
                m.History.entity == "commitment",
                m.History.entity_id.in_(chunk),
                m.History.field.not_in(_NOT_NEWS),
                m.History.changed_at < until,
            )
        )
        for item_id, changed_at in rows:
            day = changed_at.date()
            if item_id not in latest or day > latest[item_id]:
                latest[item_id] = day
    return latest


def _last_meetings(session: Session, items: list[domain.Commitment], today: dt.date) -> dict[int, dt.date]:
    """Item id -> start of the last meeting (on or before `today`) at which all its parties were present."""
    codes = sorted({code for item in items for code in item.parties})
    if not codes:
        return {}
    held = select(m.Meeting.id).where(
        m.Meeting.start_date <= today,
        not_rejected(m.Meeting),
        m.Meeting.party_rows.any(m.MeetingParty.code.in_(codes)),
    )
    starts = dict(
        session.execute(
            select(m.Meeting.id, m.Meeting.start_date).where(m.Meeting.id.in_(held.scalar_subquery()))
        ).all()
    )
    by_code: dict[str, set[int]] = defaultdict(set)
    for meeting_id, code in session.execute(
        select(m.MeetingParty.meeting_id, m.MeetingParty.code).where(
            m.MeetingParty.meeting_id.in_(held.scalar_subquery())
        )
    ):
        by_code[code].add(meeting_id)
    latest = {}
    for item in items:
        if not item.parties:
            continue
        common = set.intersection(*(by_code.get(code, set()) for code in item.parties))
        if common:
            latest[item.id] = max(starts[meeting_id] for meeting_id in common)
    return latest


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
    items = load_items(session, m.Commitment.window_end.is_(None), party=party, kind=kind)
    changes = _last_changes(session, [item.id for item in items], today)
    meetings = _last_meetings(session, items, today)
    stale = []
    for item in items:
        news = last_news(item, history=changes.get(item.id), meeting=meetings.get(item.id), today=today)
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
    end, start = _unindexed(m.Commitment.window_end), _unindexed(m.Commitment.window_start)
    query = select_item_records(session).where(
        or_(end <= horizon, and_(start > today, start <= horizon)), *_filters(party=party, kind=kind)
    )
    result = Reminders(today=today, within_days=within_days, stale_months=stale_months)
    for item_id, window_start, window_end, review, record in fetch_item_records(session, query):
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


def _stale_reminders(session: Session, stale: list[StaleItem]) -> list[Reminder]:
    records = {}
    for start in range(0, len(stale), 500):
        ids = [s.item.id for s in stale[start : start + 500]]
        query = select_item_records(session).where(m.Commitment.id.in_(ids))
        records.update(
            (item_id, record) for item_id, _start, _end, _review, record in fetch_item_records(session, query)
        )
    return [
        Reminder(
            s.item.id,
            records[s.item.id],
            None,
            s.item.review is domain.ReviewState.UNREVIEWED,
            last_news=s.last_news,
        )
        for s in stale
    ]
