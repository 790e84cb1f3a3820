"""The weekly status report and each partner's compliance record, as data.

`build_weekly_report` returns plain dataclasses: what happened in an ISO week
(meetings, commitments made, items fulfilled, rescheduled or cancelled) and where
things stand on `today` (due, overdue, stale, late cadences, open items and record
per partner). The database counts the items per party set and state and hands
over only the items listed (`tracker.storage.reporting`), so the report's cost
does not grow with every stored item (issue #16). Renderers in
`tracker.exporters.report` turn it into Markdown, HTML or JSON; nothing here
formats text or reads the clock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.clock import utc_date
from tracker.domain.model import Status
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
from tracker.domain.status import State
from tracker.errors import InputError
from tracker.gazetteer import party_name as gazetteer_party_name
from tracker.storage import reporting
from tracker.storage.items import list_possible_matches
from tracker.storage.reporting import ItemDetail, ItemFact, ItemScope

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

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


# What `window_state` gives: the states of an item still to be done (open or rescheduled).
_ACTIVE_STATES = frozenset({State.OVERDUE, State.DUE_SOON, State.UPCOMING, State.OPEN_ENDED})


def _namer(cache_dir: Path | None) -> Callable[[str], str]:
    """Party code -> name, from the gazetteer's cached index when `cache_dir` is given.

    Building the index afresh costs more than the rest of a report's Python work.
    """
    return lambda code: gazetteer_party_name(code, cache_dir)


def _scope(today: dt.date, party: str | None) -> ItemScope:
    """The report's items (not rejected, with `party`), "due soon" meaning due within DUE_HORIZON_DAYS."""
    return ItemScope(today, DUE_HORIZON_DAYS - 1, party)


def _end_key(fact: ItemFact) -> tuple:
    """Soonest window end first, open-ended last, then by id."""
    return (fact.window_end is None, fact.window_end or dt.date.min, fact.id)


class _Lines:
    """Turns facts into ItemLines, loading the texts of only the items actually listed."""

    def __init__(self, session: Session | Connection, today: dt.date):
        self.session = session
        self.today = today
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
        state = fact.state
        end = fact.window_end
        days = (self.today - end).days if state is State.OVERDUE and end is not None else 0
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


def _week_changes(session: Session | Connection, week: IsoWeek, scope: ItemScope) -> list[_PendingChange]:
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
    facts = reporting.list_item_facts_by_id(session, scope, {row.entity_id for row in rows})
    by_item: dict[int, list[reporting.HistoryFact]] = defaultdict(list)
    for row in rows:
        if row.entity_id in facts:
            by_item[row.entity_id].append(row)
    changes: list[_PendingChange] = []
    fulfilled_seen: set[int] = set()
    for item_id, item_rows in by_item.items():
        fact = facts[item_id]
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
    for fact in reporting.list_items_fulfilled_between(session, scope, week.start, week.end):
        if fact.id not in fulfilled_seen and fact.fulfilled_on is not None:
            changes.append(_PendingChange("fulfilled", fact, fact.fulfilled_on, None))
    for change in changes:
        if change.change == "fulfilled" and change.fact.state is State.FULFILLED_LATE:
            change.change = "fulfilled_late"
    order = {"fulfilled": 0, "fulfilled_late": 0, "rescheduled": 1, "cancelled": 2}
    changes.sort(key=lambda c: (c.on, order[c.change], c.fact.id))
    return changes


def _compliance(
    counts: Counter[tuple[tuple[str, ...], State]],
    party_name: Callable[[str], str],
    *,
    only: str | None = None,
    home: str | None = None,
) -> dict[str, ComplianceRecord]:
    """Records per party (every party of each item gets the item, `home` aside) plus `*` for all items once.

    :param counts: (party set, state) -> items, as `reporting.count_item_states` counts them.
    """
    column = {
        State.FULFILLED: "fulfilled_on_time",
        State.FULFILLED_LATE: "fulfilled_late",
        State.OVERDUE: "overdue",
        State.CANCELLED: "cancelled",
    }
    by_set: Counter[tuple[tuple[str, ...], str]] = Counter()
    for (parties, state), number in counts.items():
        by_set[(parties, column.get(state, "pending"))] += number
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
    records: dict[str, dict[str, int]] = defaultdict(dict)
    for (code, name), number in pairs.items():
        records[code][name] = number
        records[code]["made"] = records[code].get("made", 0) + number
    return {
        code: ComplianceRecord(code, "All parties" if code == "*" else party_name(code), **numbers)
        for code, numbers in records.items()
    }


def _stale(
    session: Session | Connection, scope: ItemScope, stale_months: int, limit: int | None
) -> tuple[list[ItemFact], int]:
    """The first `limit` stale open-ended items as `tracker remind` finds them (issue #4), and how many.

    Least recent news first; the rule runs in the database (`reporting.list_stale_ids`).
    """
    shown, total = reporting.list_stale_ids(session, scope, stale_months, limit=limit)
    facts = reporting.list_item_facts_by_id(session, scope, shown)
    return [facts[i] for i in shown if i in facts], total


def _cadences(
    session: Session | Connection,
    today: dt.date,
    party: str | None,
    active_kinds: dict[tuple[str, ...], Counter[str]],
) -> list[CadenceLine] | None:
    """Late cadences from issue #4's `list_cadences`, or None when this tracker has none.

    :param active_kinds: the active items of each party set and kind, counted with the report's other counts.
    """
    try:
        from tracker.services.cadence import list_cadences
    except ImportError:
        return None
    lines = []
    for cadence in list_cadences(session, today, party=party, active_kinds=active_kinds):
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


def _timeline(
    session: Session | Connection, scope: ItemScope
) -> tuple[dt.date, dt.date, list[ItemFact], int]:
    """The open items whose window ends nearest to today (overdue ones included), by window end."""
    today = scope.today
    start = today - dt.timedelta(days=TIMELINE_BEFORE_DAYS)
    end = today + dt.timedelta(days=TIMELINE_AFTER_DAYS)
    nearest, total = reporting.list_nearest_dated(session, scope, opened_by=end, limit=TIMELINE_ROWS)
    return start, end, sorted(nearest, key=_end_key), total


def build_weekly_report(
    session: Session | Connection,
    *,
    today: dt.date,
    week: IsoWeek | None = None,
    party: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    stale_months: int = 12,
    home: str | None = None,
    cache_dir: Path | None = None,
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
    :param cache_dir: where the gazetteer's index is cached (party names).
    """
    party_name = _namer(cache_dir)
    week = week or IsoWeek.before(today)
    party = party.strip().upper() if party else None
    scope = _scope(today, party)
    limit = limit or None
    counts, active_kinds = _by_state_and_active_kinds(reporting.count_item_kinds(session, scope))
    chosen = _choose(session, scope, counts, active_kinds, week=week, stale_months=stale_months, limit=limit)
    records = _compliance(counts, party_name, only=party, home=home)
    codes = [party] if party else sorted((c for c in records if c != "*"), key=lambda c: (party_name(c), c))
    open_totals = _open_totals(counts, home)
    open_by_party = reporting.list_open_items_of(
        session, scope, {c: min(limit or open_totals[c], open_totals[c]) for c in codes if c != home}
    )

    lines = _Lines(session, today)
    for group in (chosen.made, chosen.due, chosen.overdue, chosen.stale or []):
        lines.want(group[:limit])
    lines.want(chosen.timeline)
    lines.want(c.fact for c in chosen.changes[:limit])
    for code in codes:
        lines.want(open_by_party.get(code, []))
    lines.load()

    def listing(entries: list[ItemFact], total: int | None = None) -> Listing[ItemLine]:
        return Listing(
            tuple(lines.line(f) for f in entries[:limit]), len(entries) if total is None else total
        )

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
            listing(open_by_party.get(code, []), open_totals.get(code, 0)),
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
        due=listing(chosen.due, chosen.due_total),
        overdue=listing(chosen.overdue, chosen.overdue_total),
        stale=listing(chosen.stale, chosen.stale_total) if chosen.stale is not None else None,
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
    """The items (as facts) each section of the report lists, in the order they are shown, and their totals.

    `made` and `changes` hold all of the week's; `due`, `overdue` and `stale` the first
    `limit` only, their totals beside them.
    """

    made: list[ItemFact]
    changes: list[_PendingChange]
    due: list[ItemFact]
    due_total: int
    overdue: list[ItemFact]
    overdue_total: int
    stale: list[ItemFact] | None
    stale_total: int
    cadences: list[CadenceLine] | None
    timeline_start: dt.date
    timeline_end: dt.date
    timeline: list[ItemFact]
    timeline_total: int


def _choose(
    session: Session | Connection,
    scope: ItemScope,
    counts: Counter[tuple[tuple[str, ...], State]],
    active_kinds: dict[tuple[str, ...], Counter[str]],
    *,
    week: IsoWeek,
    stale_months: int,
    limit: int | None,
) -> _Chosen:
    """What goes in each section: made and changed in `week`; due, overdue, stale and late on `today`."""
    totals: Counter[State] = Counter()
    for (_parties, state), number in counts.items():
        totals[state] += number
    timeline_start, timeline_end, timeline, timeline_total = _timeline(session, scope)
    stale = _stale(session, scope, stale_months, limit)
    return _Chosen(
        made=reporting.list_items_made_between(session, scope, week.start, week.end),
        changes=_week_changes(session, week, scope),
        due=reporting.list_items_in_state(session, scope, State.DUE_SOON, limit=limit),
        due_total=totals[State.DUE_SOON],
        overdue=reporting.list_items_in_state(session, scope, State.OVERDUE, limit=limit),
        overdue_total=totals[State.OVERDUE],
        stale=stale[0],
        stale_total=stale[1],
        cadences=_cadences(session, scope.today, scope.party, active_kinds),
        timeline_start=timeline_start,
        timeline_end=timeline_end,
        timeline=timeline,
        timeline_total=timeline_total,
    )


def _by_state_and_active_kinds(
    kinds: Counter[tuple[tuple[str, ...], str, State]],
) -> tuple[Counter[tuple[tuple[str, ...], State]], dict[tuple[str, ...], Counter[str]]]:
    """(party set, state) -> items, and party set -> active items of each kind, from counts by party set, kind and state."""
    counts: Counter[tuple[tuple[str, ...], State]] = Counter()
    active_kinds: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for (parties, kind, state), number in kinds.items():
        counts[(parties, state)] += number
        if state in _ACTIVE_STATES:
            active_kinds[parties][kind] += number
    return counts, active_kinds


def _open_totals(counts: Counter[tuple[tuple[str, ...], State]], home: str | None) -> Counter[str]:
    """Party code -> how many active items it has; the user's own country has none."""
    totals: Counter[str] = Counter()
    for (parties, state), number in counts.items():
        if state in _ACTIVE_STATES:
            for code in parties:
                if code != home:
                    totals[code] += number
    return totals


def _summary(meeting_lines: list[MeetingLine], chosen: _Chosen) -> Summary:
    """The counts at the top of the report (stale and late cadences: None when the tracker cannot tell)."""
    counts = {
        kind: sum(1 for c in chosen.changes if c.change.startswith(kind))
        for kind in ("fulfilled", "rescheduled", "cancelled")
    }
    return Summary(
        meetings=len(meeting_lines),
        made=len(chosen.made),
        due=chosen.due_total,
        overdue=chosen.overdue_total,
        stale=chosen.stale_total if chosen.stale is not None else None,
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
    session: Session | Connection,
    *,
    today: dt.date,
    party: str | None = None,
    since: dt.date | None = None,
    home: str | None = None,
    cache_dir: Path | None = None,
) -> list[ComplianceRecord]:
    """Each party's record (see ComplianceRecord) over the items made on or after `since`, by name.

    Without `party`, a last record (party `*`) counts every item once. An unknown
    `party` gets an empty record. `home`, the user's own country, gets no record.
    """
    party = party.strip().upper() if party else None
    party_name = _namer(cache_dir)
    counts = reporting.count_item_states(session, _scope(today, party), made_since=since)
    records = _compliance(counts, party_name, only=party, home=home)
    if party:  # every item counted has the party: a total would repeat its record
        return [records.get(party, ComplianceRecord(party, party_name(party)))]
    parties = sorted((r for code, r in records.items() if code != "*"), key=lambda r: (r.name, r.party))
    return [*parties, records.get("*", ComplianceRecord("*", "All parties"))]
