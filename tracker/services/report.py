"""The weekly status report and each partner's compliance record, as data.

`build_weekly_report` reads the database once and returns plain dataclasses:
what happened in an ISO week (meetings, commitments made, items fulfilled,
rescheduled or cancelled) and where things stand on `today` (due, overdue,
stale, late cadences, open items and record per partner). Renderers in
`tracker.exporters.report` turn it into Markdown, HTML or JSON; nothing here
formats text or reads the clock.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session

from tracker.clock import utc_date
from tracker.domain.model import Commitment, Firmness, Kind, Precision, ReviewState, Status, Window
from tracker.domain.report import (
    CadenceLine,
    ChangeLine,
    ComplianceRecord,
    IsoWeek,
    ItemLine,
    Listing,
    MeetingLine,
    PartySection,
    SourceRef,
    Summary,
    Timeline,
    WeeklyReport,
)
from tracker.domain.status import ACTIVE_STATUSES, State, derive_state
from tracker.errors import InputError
from tracker.gazetteer import party_name
from tracker.services.fulfilment import list_possible_matches
from tracker.storage import reporting
from tracker.storage.reporting import ItemDetail, ItemFact

__all__ = [
    "parse_week",
    "build_weekly_report",
    "build_compliance",
    "DUE_HORIZON_DAYS",
    "DEFAULT_LIMIT",
]

DUE_HORIZON_DAYS = 28  # "due in the next four weeks": today through today + 27 days
DEFAULT_LIMIT = 50  # items listed per section; the counts always cover everything
TIMELINE_BEFORE_DAYS = 42
TIMELINE_AFTER_DAYS = 84
TIMELINE_ROWS = 30


def parse_week(text: str) -> IsoWeek:
    """The ISO week named by `--week` (2016-W40); InputError when it is not one."""
    try:
        return IsoWeek.parse(text)
    except ValueError as err:
        raise InputError(str(err)) from err


# Building


def _made_on(fact: ItemFact) -> dt.date | None:
    """The day an item was made: its `made_on`, else the day it was stored."""
    return fact.made_on


_STATUS = {status.value: status for status in Status}


@lru_cache(maxsize=65536)
def _window(start: dt.date | None, end: dt.date | None, precision: str) -> Window:
    """Windows repeat a lot (years, quarters, months): build each one once per process."""
    if start is None or end is None:
        return Window.open()
    return Window(start, end, Precision(precision))


def _state(
    status: str,
    start: dt.date | None,
    end: dt.date | None,
    precision: str,
    fulfilled_on: dt.date | None,
    today: dt.date,
    horizon_days: int,
) -> State:
    """The item's state by the rules of tracker.domain.status, on just enough of a Commitment."""
    item = Commitment(
        kind=Kind.OTHER,
        firmness=Firmness.AGREED,
        window=_window(start, end, precision),
        status=_STATUS[status],
        review=ReviewState.CONFIRMED,
        fulfilled_on=fulfilled_on,
    )
    return derive_state(item, today, horizon_days)


class _Classified:
    """Every item of the report's scope with its state on `today`, computed once.

    Items that share status, window and fulfilment day share their state, so the
    rule runs once per distinct combination (a few thousand for 100,000 items).
    """

    def __init__(self, facts: list[ItemFact], today: dt.date):
        self.today = today
        self.facts = {fact.id: fact for fact in facts}
        states: dict[tuple, State] = {}
        self.state: dict[int, State] = {}
        for fact in facts:
            key = (fact.status, fact.window_start, fact.window_end, fact.window_precision, fact.fulfilled_on)
            state = states.get(key)
            if state is None:
                state = states[key] = _state(*key, today, DUE_HORIZON_DAYS - 1)
            self.state[fact.id] = state

    def active(self) -> list[ItemFact]:
        return [f for f in self.facts.values() if f.status in ACTIVE_STATUSES]


def _end_key(fact: ItemFact) -> tuple:
    """Soonest window end first, open-ended last, then by id."""
    return (fact.window_end is None, fact.window_end or dt.date.min, fact.id)


class _Lines:
    """Turns facts into ItemLines, loading the texts of only the items actually listed."""

    def __init__(self, session: Session, classified: _Classified):
        self.session = session
        self.classified = classified
        self.wanted: set[int] = set()
        self.details: dict[int, ItemDetail] = {}
        self.possible: dict[int, list[int]] = {}

    def want(self, facts: Iterable[ItemFact]) -> None:
        self.wanted.update(fact.id for fact in facts)

    def load(self) -> None:
        missing = self.wanted - self.details.keys()
        if missing:
            self.details.update(reporting.list_item_details(self.session, missing))
        self.possible = list_possible_matches(self.session)

    def line(self, fact: ItemFact) -> ItemLine:
        detail = self.details[fact.id]
        state = self.classified.state[fact.id]
        end = fact.window_end
        days = (self.classified.today - end).days if state is State.OVERDUE and end is not None else 0
        return ItemLine(
            id=fact.id,
            kind=detail.kind,
            title=detail.title,
            firmness=detail.firmness,
            parties=fact.parties,
            city=detail.city,
            window_start=fact.window_start,
            window_end=fact.window_end,
            window_text=detail.window_text,
            precision=fact.window_precision,
            status=fact.status,
            state=str(state),
            days_overdue=days,
            made_on=_made_on(fact),
            fulfilled_on=fact.fulfilled_on,
            review=detail.review,
            evidence=detail.evidence,
            source=detail.document,
            possible_matches=tuple(self.possible.get(fact.id, ())),
        )


def _week_bounds(week: IsoWeek) -> tuple[dt.datetime, dt.datetime]:
    """The week as UTC instants [Monday 00:00, next Monday 00:00)."""
    utc = dt.UTC
    return (
        dt.datetime.combine(week.start, dt.time(), utc),
        dt.datetime.combine(week.end + dt.timedelta(days=1), dt.time(), utc),
    )


@dataclass
class _PendingChange:
    change: str
    fact: ItemFact
    on: dt.date
    recorded_on: dt.date | None
    reason: str = ""
    old_window: tuple[dt.date | None, dt.date | None] | None = None


def _changed_on(row: reporting.HistoryFact) -> dt.date:
    """The UTC day of a recorded change (`changed_at` is never NULL)."""
    day = utc_date(row.changed_at)
    assert day is not None
    return day


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _week_changes(session: Session, week: IsoWeek, classified: _Classified) -> list[_PendingChange]:
    """Items fulfilled, rescheduled or cancelled in the week, as the item stands now.

    A status change undone later (a fulfilment whose link was rejected) does not
    count: fulfilled and cancelled items are reported only when that is still
    their status. An item fulfilled on a day of the week counts even when the
    tracker learnt it later, and one recorded in the week counts even when it was
    fulfilled earlier (so that no fulfilment falls between two reports).
    """
    since, until = _week_bounds(week)
    rows = reporting.list_history_between(
        session, since, until, fields=("status", "window_start", "window_end")
    )
    by_item: dict[int, list[reporting.HistoryFact]] = defaultdict(list)
    for row in rows:
        if row.entity_id in classified.facts:
            by_item[row.entity_id].append(row)
    changes: list[_PendingChange] = []
    fulfilled_seen: set[int] = set()
    for item_id, item_rows in by_item.items():
        fact = classified.facts[item_id]
        status_rows = [r for r in item_rows if r.field == "status"]
        recorded = {r.new_value: _changed_on(r) for r in status_rows}
        reasons = {r.new_value: r.reason for r in status_rows}
        if fact.status == Status.FULFILLED and Status.FULFILLED in recorded:
            changes.append(
                _PendingChange(
                    "fulfilled",
                    fact,
                    fact.fulfilled_on or recorded[Status.FULFILLED],
                    recorded[Status.FULFILLED],
                    reasons[Status.FULFILLED],
                )
            )
            fulfilled_seen.add(item_id)
        if fact.status == Status.CANCELLED and Status.CANCELLED in recorded:
            changes.append(
                _PendingChange(
                    "cancelled",
                    fact,
                    recorded[Status.CANCELLED],
                    recorded[Status.CANCELLED],
                    reasons[Status.CANCELLED],
                )
            )
        rescheduled = [
            r for r in status_rows if r.new_value == Status.RESCHEDULED and r.old_value != Status.FULFILLED
        ]
        moved = [r for r in item_rows if r.field in ("window_start", "window_end")]
        if rescheduled or (moved and fact.status == Status.RESCHEDULED):
            first: dict[str, str | None] = {}
            for row in moved:
                first.setdefault(row.field, row.old_value)
            anchor = (rescheduled or moved)[-1]
            old = (
                _parse_date(first.get("window_start")) if "window_start" in first else fact.window_start,
                _parse_date(first.get("window_end")) if "window_end" in first else fact.window_end,
            )
            changes.append(
                _PendingChange(
                    "rescheduled",
                    fact,
                    _changed_on(anchor),
                    _changed_on(anchor),
                    anchor.reason,
                    old,
                )
            )
    for fact in classified.facts.values():
        fulfilled_on = fact.fulfilled_on
        if (
            fact.status == Status.FULFILLED
            and fulfilled_on is not None
            and fulfilled_on in week
            and fact.id not in fulfilled_seen
        ):
            changes.append(_PendingChange("fulfilled", fact, fulfilled_on, None))
    for change in changes:
        if change.change == "fulfilled" and classified.state[change.fact.id] is State.FULFILLED_LATE:
            change.change = "fulfilled_late"
    order = {"fulfilled": 0, "fulfilled_late": 0, "rescheduled": 1, "cancelled": 2}
    changes.sort(key=lambda c: (c.on, order[c.change], c.fact.id))
    return changes


def _compliance(
    classified: _Classified, facts: Iterable[ItemFact], *, only: str | None = None, home: str | None = None
) -> dict[str, ComplianceRecord]:
    """Records per party (every party of each item gets the item, `home` aside) plus `*` for all items once."""
    column = {
        State.FULFILLED: "fulfilled_on_time",
        State.FULFILLED_LATE: "fulfilled_late",
        State.OVERDUE: "overdue",
        State.CANCELLED: "cancelled",
    }
    state = classified.state
    # Items share a few party sets: count per (party set, column) first, then spread over the parties.
    by_set = Counter((fact.parties, column.get(state[fact.id], "pending")) for fact in facts)
    pairs: Counter[tuple[str, str]] = Counter()
    for (parties, name), number in by_set.items():
        if only:
            pairs[(only, name)] += number
            pairs[("*", name)] += number
            continue
        for code in parties:
            if code != home:
                pairs[(code, name)] += number
        pairs[("*", name)] += number
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for (code, name), number in pairs.items():
        counts[code][name] = number
        counts[code]["made"] = counts[code].get("made", 0) + number
    records = {}
    for code, numbers in counts.items():
        label = "All parties" if code == "*" else party_name(code)
        records[code] = ComplianceRecord(code, label, **numbers)
    return records


def _stale(
    session: Session, classified: _Classified, today: dt.date, stale_months: int, party: str | None
) -> list[ItemFact] | None:
    """Stale open-ended items as `tracker remind` finds them (issue #4), least recent news first.

    None when this tracker has no such rule, so that the report says it cannot tell.
    """
    try:
        from tracker.services.reminders import list_stale
    except ImportError:
        return None
    found = list_stale(session, today, stale_months, party=party)
    return [classified.facts[r.item.id] for r in found if r.item.id in classified.facts]


def _cadences(session: Session, today: dt.date, party: str | None) -> list[CadenceLine] | None:
    """Late cadences from issue #4's `list_cadences`, or None when this tracker has none."""
    try:
        from tracker.services.cadence import list_cadences
    except ImportError:
        return None
    lines = []
    for cadence in list_cadences(session, today):
        parties = tuple(sorted(getattr(cadence, "parties", ()) or ()))
        if not getattr(cadence, "late", False) or (party and party not in parties):
            continue
        expected = getattr(cadence, "expected_next", None)
        median = getattr(cadence, "median_interval_days", None)
        days_late = getattr(cadence, "days_late", None)
        if days_late is None:
            days_late = (today - expected).days if expected and today > expected else 0
        lines.append(
            CadenceLine(
                parties=parties,
                kind=str(getattr(cadence, "kind", "") or ""),
                median_interval_days=round(median) if median is not None else None,
                last=getattr(cadence, "last", None),
                expected_next=expected,
                late=True,
                days_late=days_late,
            )
        )
    lines.sort(key=lambda c: (-c.days_late, c.parties, c.kind))
    return lines


def _timeline(classified: _Classified, today: dt.date) -> tuple[dt.date, dt.date, list[ItemFact], int]:
    """The open items whose window ends nearest to today (overdue ones included), by window end."""
    start = today - dt.timedelta(days=TIMELINE_BEFORE_DAYS)
    end = today + dt.timedelta(days=TIMELINE_AFTER_DAYS)
    dated = [
        (f, f.window_end)
        for f in classified.active()
        if f.window_end is not None and f.window_start is not None and f.window_start <= end
    ]
    nearest = heapq.nsmallest(
        TIMELINE_ROWS, dated, key=lambda pair: (abs((pair[1] - today).days), pair[0].id)
    )
    return start, end, sorted((f for f, _end in nearest), key=_end_key), len(dated)


def build_weekly_report(
    session: Session,
    *,
    today: dt.date,
    week: IsoWeek | None = None,
    party: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    stale_months: int = 12,
    home: str | None = None,
) -> WeeklyReport:
    """Build the weekly report: the events of `week`, and the state of things on `today`.

    :param today: the day the report is made; due, overdue, stale and open items
        are as of this day (the stored statuses are the current ones).
    :param week: the ISO week whose events are reported; default the week before today's.
    :param party: only meetings and items with this party, and only its section.
    :param limit: items listed per section (None or 0: all); counts always cover all.
    :param stale_months: an open-ended item with no news for this long is stale.
    :param home: the user's own country: no partner section of its own (issue #14), though
        its items are counted with each partner.
    """
    week = week or IsoWeek.before(today)
    party = party.strip().upper() if party else None
    facts = reporting.list_item_facts(session, party=party)
    classified = _Classified(facts, today)
    limit = limit or None
    chosen = _choose(
        session, facts, classified, week=week, today=today, stale_months=stale_months, party=party
    )
    records = _compliance(classified, facts, only=party, home=home)
    open_by_party = _open_by_party(chosen.active, home)
    codes = [party] if party else sorted((c for c in records if c != "*"), key=lambda c: (party_name(c), c))

    lines = _Lines(session, classified)
    for group in (chosen.made, chosen.due, chosen.overdue, chosen.stale or []):
        lines.want(group[:limit])
    lines.want(chosen.timeline)
    lines.want(c.fact for c in chosen.changes[:limit])
    for code in codes:
        lines.want(open_by_party.get(code, [])[:limit])
    lines.load()

    def listing(entries: list[ItemFact]) -> Listing[ItemLine]:
        return Listing(tuple(lines.line(f) for f in entries[:limit]), len(entries))

    change_lines = Listing(
        tuple(
            ChangeLine(
                c.change, c.on, c.recorded_on, c.reason, lines.line(c.fact), *(c.old_window or (None, None))
            )
            for c in chosen.changes[:limit]
        ),
        len(chosen.changes),
    )
    meeting_lines = reporting.list_meetings_overlapping(session, week.start, week.end, party=party)
    party_sections = tuple(
        PartySection(
            code,
            party_name(code),
            records.get(code, ComplianceRecord(code, party_name(code))),
            listing(open_by_party.get(code, [])),
        )
        for code in codes
    )
    report = WeeklyReport(
        week=week,
        today=today,
        party=party,
        party_name=party_name(party) if party else None,
        due_until=today + dt.timedelta(days=DUE_HORIZON_DAYS - 1),
        summary=_summary(meeting_lines, chosen),
        meetings=Listing.of(meeting_lines, limit),
        made=listing(chosen.made),
        changes=change_lines,
        due=listing(chosen.due),
        overdue=listing(chosen.overdue),
        stale=listing(chosen.stale) if chosen.stale is not None else None,
        cadences=Listing.of(chosen.cadences, limit) if chosen.cadences is not None else None,
        parties=party_sections,
        timeline=Timeline(
            chosen.timeline_start,
            chosen.timeline_end,
            Listing(tuple(lines.line(f) for f in chosen.timeline), chosen.timeline_total),
        ),
    )
    return _with_sources(report)


@dataclass
class _Chosen:
    """The items (as facts) each section of the report is about, in the order they are shown."""

    made: list[ItemFact]
    changes: list[_PendingChange]
    active: list[ItemFact]
    due: list[ItemFact]
    overdue: list[ItemFact]
    stale: list[ItemFact] | None
    cadences: list[CadenceLine] | None
    timeline_start: dt.date
    timeline_end: dt.date
    timeline: list[ItemFact]
    timeline_total: int


def _choose(
    session: Session,
    facts: list[ItemFact],
    classified: _Classified,
    *,
    week: IsoWeek,
    today: dt.date,
    stale_months: int,
    party: str | None,
) -> _Chosen:
    """What goes in each section: made and changed in `week`; due, overdue, stale and late on `today`."""
    made = sorted(
        (f for f in facts if f.made_on is not None and week.start <= f.made_on <= week.end),
        key=lambda f: (f.made_on, f.id),
    )
    active = sorted(classified.active(), key=_end_key)  # sorted once; every list below keeps this order
    timeline_start, timeline_end, timeline, timeline_total = _timeline(classified, today)
    return _Chosen(
        made=made,
        changes=_week_changes(session, week, classified),
        active=active,
        due=[f for f in active if classified.state[f.id] is State.DUE_SOON],
        overdue=[f for f in active if classified.state[f.id] is State.OVERDUE],
        stale=_stale(session, classified, today, stale_months, party),
        cadences=_cadences(session, today, party),
        timeline_start=timeline_start,
        timeline_end=timeline_end,
        timeline=timeline,
        timeline_total=timeline_total,
    )


def _open_by_party(active: list[ItemFact], home: str | None) -> dict[str, list[ItemFact]]:
    """Party code -> its active items, in the order of `active`; the user's own country has none."""
    open_by_party: dict[str, list[ItemFact]] = defaultdict(list)
    for fact in active:
        for code in fact.parties:
            if code != home:
                open_by_party[code].append(fact)
    return open_by_party


def _summary(meeting_lines: list[MeetingLine], chosen: _Chosen) -> Summary:
    """The counts at the top of the report (stale and late cadences: None when the tracker cannot tell)."""
    counts = {
        kind: sum(1 for c in chosen.changes if c.change.startswith(kind))
        for kind in ("fulfilled", "rescheduled", "cancelled")
    }
    return Summary(
        meetings=len(meeting_lines),
        made=len(chosen.made),
        due=len(chosen.due),
        overdue=len(chosen.overdue),
        stale=len(chosen.stale) if chosen.stale is not None else None,
        late_cadences=len(chosen.cadences) if chosen.cadences is not None else None,
        **counts,
    )


def _with_sources(report: WeeklyReport) -> WeeklyReport:
    """The report with the distinct documents it cites, by document id."""
    seen: dict[int, SourceRef] = {}
    for entry in _cited(report):
        if entry.source is not None:
            seen.setdefault(entry.source.document_id, entry.source)
    return WeeklyReport(**{**report.__dict__, "sources": tuple(seen[k] for k in sorted(seen))})


def _cited(report: WeeklyReport) -> Iterable[MeetingLine | ItemLine]:
    yield from report.meetings.items
    yield from report.made.items
    yield from (change.item for change in report.changes.items)
    yield from report.due.items
    yield from report.overdue.items
    if report.stale is not None:
        yield from report.stale.items
    for section in report.parties:
        yield from section.open_items.items


def build_compliance(
    session: Session,
    *,
    today: dt.date,
    party: str | None = None,
    since: dt.date | None = None,
    home: str | None = None,
) -> list[ComplianceRecord]:
    """Each party's record (see ComplianceRecord) over the items made on or after `since`, by name.

    Without `party`, a last record (party `*`) counts every item once. An unknown
    `party` gets an empty record. `home`, the user's own country, gets no record.
    """
    party = party.strip().upper() if party else None
    facts = reporting.list_item_facts(session, party=party)
    if since is not None:
        facts = [f for f in facts if (_made_on(f) or dt.date.min) >= since]
    records = _compliance(_Classified(facts, today), facts, only=party, home=home)
    if party:  # every item counted has the party: a total would repeat its record
        return [records.get(party, ComplianceRecord(party, party_name(party)))]
    parties = sorted((r for code, r in records.items() if code != "*"), key=lambda r: (r.name, r.party))
    return [*parties, records.get("*", ComplianceRecord("*", "All parties"))]
