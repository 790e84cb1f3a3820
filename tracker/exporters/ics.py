"""Domain objects -> an iCalendar document (RFC 5545, with RFC 7986 calendar properties).

Meetings become VEVENTs; follow-up items become all-day "Due: ..." VEVENTs on
the last day of their window (clients that ignore VTODO in subscriptions still
show them), VTODOs with DUE, or both. Inclusive domain dates become iCalendar's
exclusive ends in exactly two tested functions: `exclusive_end` and `due_date`.
Output is deterministic: UIDs are the stored ones, DTSTAMP/LAST-MODIFIED are
the rows' change times, and PRODID/fallback DTSTAMP come from `ExportOptions`.
A component holds stored facts only, never state derived from the date (no
"overdue" category): content that changed while SEQUENCE and LAST-MODIFIED stood
still would never reach a client that imported the file once (issue 13).
Components are serialized one at a time as the meetings and items come
(`stream_calendar`, `stream_objects`), so that a calendar read from the database
in batches never holds its 100,000 items at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from icalendar import Calendar, vDuration, vText

from tracker.domain.model import Commitment, Firmness, Meeting, ReviewState, Status
from tracker.domain.status import DUE_SOON_DAYS, is_active, is_fulfilled_late
from tracker.speed.ical import Component

__all__ = [
    "TodoMode",
    "ExportOptions",
    "PRODID",
    "export_calendar",
    "iter_calendar",
    "stream_calendar",
    "stream_objects",
    "zones_used",
    "OpenDigest",
    "exclusive_end",
    "due_date",
    "clean_text",
    "fold_line",
    "serialize",
    "todo_uid",
    "Category",
    "zone_transitions",
    "open_digest_event",
    "OPEN_DIGEST_UID",
    "open_digest_uid",
    "CalendarObject",
    "iter_objects",
]

PRODID = "-//tracker//tracker diplomatic follow-up calendar//EN"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class TodoMode(StrEnum):
    """How follow-up items appear: the --todos option."""

    AS_EVENTS = "as-events"
    AS_TODOS = "as-todos"
    BOTH = "both"


class Category(StrEnum):
    """CATEGORIES values a client can filter or colour by."""

    UNREVIEWED = "unreviewed"
    FULFILLED_LATE = "fulfilled-late"


@dataclass(frozen=True)
class ExportOptions:
    """Everything an export depends on besides the data, so that the same input gives the same bytes.

    :param today: the day of the export; components do not depend on it (no date-derived state, issue 13).
    :param todos: how items appear (TodoMode).
    :param alarm: lead time of a VALARM on active items, before their last day begins; None for none.
    :param name: calendar name (NAME and X-WR-CALNAME).
    :param refresh: suggested polling interval (REFRESH-INTERVAL and X-PUBLISHED-TTL).
    :param prodid: PRODID of the calendar; tests pin it.
    :param dtstamp: DTSTAMP for a component whose object has no change time (never the case for stored rows).
    :param scope: which meetings and items the calendar holds (its filter), "" for all; the open follow-ups
        digest's UID depends on it (`open_digest_uid`).
    """

    today: dt.date
    todos: TodoMode = TodoMode.AS_EVENTS
    alarm: dt.timedelta | None = None
    name: str = "Tracker"
    refresh: dt.timedelta = dt.timedelta(hours=6)
    prodid: str = PRODID
    dtstamp: dt.datetime = _EPOCH
    due_soon_days: int = DUE_SOON_DAYS
    description: str = field(default="Diplomatic meetings and the follow-up items agreed at them")
    scope: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "todos", TodoMode(self.todos))
        if self.alarm is not None and self.alarm < dt.timedelta(0):
            raise ValueError("the alarm lead time must not be negative")
        if self.refresh <= dt.timedelta(0):
            raise ValueError("the refresh interval must be positive")


# The two conversions from inclusive domain ends to iCalendar's exclusive ends.


def exclusive_end(last_day: dt.date) -> dt.date:
    """DTEND;VALUE=DATE of an all-day event whose inclusive last day is `last_day` (RFC 5545 §3.6.1)."""
    return last_day + dt.timedelta(days=1)


def due_date(window_end: dt.date) -> dt.date:
    """DUE;VALUE=DATE of a to-do to be done by the end of `window_end` (inclusive).

    RFC 5545 §3.6.2's own example: a to-do due by the end of 31 December 2017
    has DUE;VALUE=DATE:20180101.
    """
    return window_end + dt.timedelta(days=1)


# Text hygiene: icalendar escapes , ; \ and newlines, but passes control characters through.

_LINE_BREAKS = re.compile(r"\r\n|[\r\u0085\u2028\u2029]")
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def clean_text(value: str | None) -> str:
    """Text fit for an iCalendar TEXT value: one kind of line break (LF), no control characters.

    RFC 5545 TEXT excludes control characters other than HTAB; a lone surrogate
    (from undecodable input) cannot be written as UTF-8 at all.
    """
    if not value:
        return ""
    value = _LINE_BREAKS.sub("\n", value)
    return _FORBIDDEN.sub("\ufffd", value) if _FORBIDDEN.search(value) else value


# Folding is done here rather than by icalendar's Contentline.to_ical: that one walks the line one character
# at a time (most of the export's time for 100,000 items), and in 7.x it can put a fold inside a "\\\\"
# escape when a run of backslashes meets the boundary, which makes Google Calendar drop the event
# (icalendar issue #1501). icalendar still builds and escapes every content line.

_FOLD_LIMIT = 75
_BACKSLASH = 0x5C


def fold_line(line: str) -> bytes:
    """One content line as UTF-8, folded at 75 octets: never inside a character or a backslash escape."""
    data = line.encode("utf-8")
    if len(data) <= _FOLD_LIMIT:
        return data
    pieces = []
    start, limit, size = 0, _FOLD_LIMIT, len(data)
    while size - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: step back to the character's start
            cut -= 1
        run = 0  # pieces start on escape boundaries, so the parity of the run before the cut decides
        while cut - run - 1 >= start and data[cut - run - 1] == _BACKSLASH:
            run += 1
        if run % 2:
            cut -= 1
        pieces.append(data[start:cut])
        start, limit = cut, _FOLD_LIMIT - 1  # a continuation line starts with one space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def serialize(component) -> bytes:
    """A component (with its subcomponents) as folded content lines, CRLF-terminated."""
    return b"".join(fold_line(line) + b"\r\n" for line in component.content_lines() if line)


def _text(value: str | None) -> str:
    return clean_text(value)


def _utc(value: dt.datetime | None, fallback: dt.datetime) -> dt.datetime:
    """A UTC instant without microseconds; naive values (SQLite) are UTC already."""
    value = value or fallback
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0)


def _web_url(source: str | None) -> str | None:
    """The source when it is an http(s) URL usable as a URI value; None for file paths and junk."""
    if not source or any(ch.isspace() or ord(ch) < 0x21 or ch in '"<>\\^`{|}' for ch in source):
        return None
    try:
        parts = urlsplit(source)
    except ValueError:
        return None
    return source if parts.scheme in {"http", "https"} and parts.netloc and source.isascii() else None


def todo_uid(item_uid: str) -> str:
    """UID of an item's VTODO: derived from the stored UID, distinct from its "Due" VEVENT's.

    With --todos both one calendar holds both components, and a UID must name one
    component only, so the VEVENT keeps the stored UID and the VTODO gets this one.
    """
    return f"todo-{item_uid}"


# VTIMEZONEs are written here from zoneinfo's own transitions rather than by icalendar's Timezone.from_tzid:
# that one adds a COMMENT (RFC 5545 \u00a73.6.5 allows none in VTIMEZONE, and libical, so Evolution and GNOME
# Calendar, rejects the whole calendar) and writes a DAYLIGHT DTSTART in the wall time *after* the change
# (03:00 for Europe/Belgrade), where the RFC wants the local time before it, in TZOFFSETFROM (02:00).


def _offset(delta: dt.timedelta) -> str:
    """A UTC offset as \u00b1HHMM, or \u00b1HHMMSS when it has seconds (local mean times)."""
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _wall(instant: dt.datetime) -> str:
    return instant.strftime("%Y%m%dT%H%M%S")


def zone_transitions(
    zone: zoneinfo.ZoneInfo, first: dt.datetime, last: dt.datetime
) -> list[tuple[dt.datetime, dt.timedelta, dt.timedelta]]:
    """(UTC instant, offset before, offset after) of each change of UTC offset or DST flag in [first, last).

    Found a day at a time, then narrowed to the second by bisection (zones change on whole seconds).
    """

    def state(instant: dt.datetime):
        local = instant.astimezone(zone)
        return local.utcoffset(), bool(local.dst()), local.tzname()

    found, step = [], dt.timedelta(days=1)
    here, here_state = first, state(first)
    while here < last:
        there = min(here + step, last)
        there_state = state(there)
        if there_state != here_state:
            low, high = here, there  # state(low) == here_state != state(high)
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) // 2
                middle = middle.replace(microsecond=0)
                if state(middle) == here_state:
                    low = middle
                else:
                    high = middle
            after = state(high)
            found.append((high, here_state[0], after[0]))
            here, here_state = high, after
            continue
        here, here_state = there, there_state
    return found


@functools.lru_cache(maxsize=64)
def _vtimezone(tzid: str, first_year: int, last_year: int) -> bytes | None:
    """The VTIMEZONE of an IANA zone for the years used, or None when the zone is unknown (cached).

    One observance covers the start of the range (the offset then in force), then one per kind of change
    (DAYLIGHT or STANDARD, offsets, name) with its first DTSTART and an RDATE for each later one; every
    DTSTART and RDATE is the local wall time just before the change, as RFC 5545 \u00a73.6.5 asks.
    """
    try:
        zone = zoneinfo.ZoneInfo(tzid)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError):
        return None
    utc = dt.UTC
    begin = dt.datetime(first_year, 1, 1, tzinfo=zone).astimezone(utc)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(utc)
    initial = begin.astimezone(zone)
    observances: dict[tuple, list[str]] = {
        (
            "DAYLIGHT" if initial.dst() else "STANDARD",
            initial.utcoffset(),
            initial.utcoffset(),
            initial.tzname(),
        ): [_wall(initial.replace(tzinfo=None))]
    }
    for instant, before, after in zone_transitions(zone, begin, end):
        local = instant.astimezone(zone)
        key = ("DAYLIGHT" if local.dst() else "STANDARD", before, after, local.tzname())
        observances.setdefault(key, []).append(_wall((instant + before).replace(tzinfo=None)))
    lines = ["BEGIN:VTIMEZONE", f"TZID:{vText(tzid).to_ical().decode()}"]
    for (kind, before, after, name), starts in observances.items():
        lines += [f"BEGIN:{kind}", f"DTSTART:{starts[0]}", *(f"RDATE:{start}" for start in starts[1:])]
        if name:
            lines.append(f"TZNAME:{vText(name).to_ical().decode()}")
        lines += [f"TZOFFSETFROM:{_offset(before)}", f"TZOFFSETTO:{_offset(after)}", f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return b"".join(fold_line(line) + b"\r\n" for line in lines)


@functools.lru_cache(maxsize=64)
def _zone(tzid: str) -> zoneinfo.ZoneInfo | None:
    """The IANA zone named `tzid`, or None when zoneinfo does not know it."""
    try:
        return zoneinfo.ZoneInfo(tzid)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError):
        return None


def _timed_span(meeting: Meeting) -> tuple[dt.datetime, dt.datetime | None] | None:
    """Start and end instants in the meeting's zone when its times are known, else None (all-day).

    Without an end time a one-day meeting has no DTEND (it ends when it starts,
    RFC 5545 §3.6.1); a longer one stays all-day rather than guess an end.
    """
    if meeting.start_time is None or not meeting.timezone:
        return None
    zone = _zone(meeting.timezone)
    if zone is None:
        return None
    start = dt.datetime.combine(meeting.start, meeting.start_time, tzinfo=zone)
    if meeting.end_time is None:
        return (start, None) if meeting.end == meeting.start else None
    end = dt.datetime.combine(meeting.end, meeting.end_time, tzinfo=zone)
    return (start, end) if end > start else (start, None)


def _add(component: Component, name: str, value: object) -> None:
    component.add(name, value)


def _stamp(
    component, created: dt.datetime | None, updated: dt.datetime | None, options: ExportOptions
) -> None:
    changed = _utc(updated or created, options.dtstamp)
    _add(component, "dtstamp", changed)
    _add(component, "last-modified", changed)
    if created is not None:
        _add(component, "created", _utc(created, options.dtstamp))


def _place(city: str | None, country: str | None) -> str:
    return ", ".join(part for part in (city, country) if part)


def _quote(evidence_text: str) -> str:
    return f"\u201c{evidence_text.strip()}\u201d"


def _title(entry: Meeting | Commitment) -> str:
    """A meeting's or an item's title, else its kind and parties ("Consultations BY\u2013RS")."""
    if entry.title.strip():
        return entry.title
    parties = "\u2013".join(sorted(entry.parties))
    return f"{entry.kind.value.capitalize()} {parties}".strip()


def _provenance_lines(entry: Meeting | Commitment) -> list[str]:
    """Where a meeting or item was read from, last in its description: review mark, sentence, source."""
    lines = []
    if entry.review is ReviewState.UNREVIEWED:
        lines.append("Not reviewed yet: read by the extractor, not checked by a person.")
    if entry.evidence is not None and entry.evidence.text.strip():
        lines.append(f"Source sentence: {_quote(entry.evidence.text)}")
    # Only a web address is published: a local file path (the reader's home folder) never leaves the machine.
    url = _web_url(entry.source)
    if url:
        lines.append(f"Source: {url}")
    return lines


def _meeting_description(meeting: Meeting) -> str:
    lines = [f"Kind: {meeting.kind.value}"]
    if meeting.parties:
        lines.append(f"Parties: {', '.join(sorted(meeting.parties))}")
    if meeting.participants:
        heads = []
        for person in meeting.participants:
            about = ", ".join(part for part in (person.role, person.country) if part)
            heads.append(f"{person.name} ({about})" if about else person.name)
        lines.append(f"Heads of delegation: {'; '.join(heads)}")
    lines.extend(_provenance_lines(meeting))
    return "\n".join(lines)


def meeting_event(meeting: Meeting, options: ExportOptions) -> Component:
    """One meeting as a VEVENT: all-day unless its times and zone are known."""
    event = Component("VEVENT")
    event.add("uid", meeting.uid)
    _stamp(event, meeting.created_at, meeting.updated_at, options)
    span = _timed_span(meeting)
    if span is None:
        _add(event, "dtstart", meeting.start)
        _add(event, "dtend", exclusive_end(meeting.end))
    else:
        event.add("dtstart", span[0])
        if span[1] is not None:
            event.add("dtend", span[1])
    _add(event, "sequence", meeting.sequence)
    event.add("summary", _text(_title(meeting)))
    event.add("description", _text(_meeting_description(meeting)))
    place = _place(meeting.city, meeting.country)
    if place:
        event.add("location", _text(place))
    url = _web_url(meeting.source)
    if url:
        event.add("url", url)
    _add(event, "status", "CONFIRMED")
    _add(event, "transp", "TRANSPARENT")
    if meeting.review is ReviewState.UNREVIEWED:
        _add(event, "categories", (Category.UNREVIEWED.value,))
    return event


def _item_categories(item: Commitment) -> list[str]:
    categories = []
    if is_fulfilled_late(item):
        categories.append(Category.FULFILLED_LATE.value)
    if item.review is ReviewState.UNREVIEWED:
        categories.append(Category.UNREVIEWED.value)
    return categories


def _window_line(item: Commitment) -> str:
    window = item.window
    if window.is_open:
        return f"Window: open-ended{f' ({window.text})' if window.text else ''}"
    span = f"{window.start}" if window.start == window.end else f"{window.start} to {window.end}"
    said = f"\u201c{window.text}\u201d, " if window.text else ""
    return f"Window: {said}{span} (inclusive, precision {window.precision.value})"


def _item_description(item: Commitment) -> str:
    late = " (fulfilled late)" if is_fulfilled_late(item) else ""
    lines = [
        _window_line(item),
        f"Firmness: {item.firmness.value.replace('_', ' ')}",
        f"Status: {item.status.value}{late}",
    ]
    if item.parties:
        lines.append(f"Parties: {', '.join(sorted(item.parties))}")
    place = _place(item.city, item.country)
    if place:
        lines.append(f"Place: {place}")
    if item.fulfilled_on is not None:
        lines.append(f"Fulfilled on: {item.fulfilled_on.isoformat()}")
    lines.extend(_provenance_lines(item))
    return "\n".join(lines)


def _add_item_common(component, item: Commitment, options: ExportOptions) -> None:
    _stamp(component, item.created_at, item.updated_at, options)
    _add(component, "sequence", item.sequence)
    component.add("description", _text(_item_description(item)))
    place = _place(item.city, item.country)
    if place:
        component.add("location", _text(place))
    url = _web_url(item.source)
    if url:
        component.add("url", url)
    categories = _item_categories(item)
    if categories:
        _add(component, "categories", tuple(categories))
    # The meeting where it was agreed is the item's parent; the one that fulfilled it, its child.
    # (PARENT and CHILD are the RELTYPEs every parser knows; RFC 9253's newer ones are not.)
    if item.agreed_meeting_uid:
        component.add("related-to", item.agreed_meeting_uid, parameters={"RELTYPE": "PARENT"})
    if item.fulfilled_meeting_uid:
        component.add("related-to", item.fulfilled_meeting_uid, parameters={"RELTYPE": "CHILD"})


def _alarm(summary: str, trigger: dt.timedelta, related_end: bool) -> Component:
    alarm = Component("VALARM")
    alarm.add("action", "DISPLAY")
    alarm.add("description", _text(summary))
    alarm.add("trigger", trigger, parameters={"RELATED": "END"} if related_end else {})
    return alarm


def item_event(item: Commitment, options: ExportOptions) -> Component | None:
    """An active item with a window as an all-day "Due: ..." VEVENT on its last day; None otherwise.

    Open-ended items have no day to show on, and fulfilled or cancelled items
    simply leave the calendar: a subscribed client drops them on its next refresh.
    """
    if not is_active(item) or item.window.end is None:
        return None
    event = Component("VEVENT")
    event.add("uid", item.uid)
    _add(event, "dtstart", item.window.end)
    _add(event, "dtend", exclusive_end(item.window.end))
    summary = f"Due: {_title(item)}"
    event.add("summary", _text(summary))
    _add_item_common(event, item, options)
    _add(event, "status", "CONFIRMED" if item.firmness is Firmness.AGREED else "TENTATIVE")
    _add(event, "transp", "TRANSPARENT")
    if options.alarm is not None:
        event.add_component(_alarm(summary, -options.alarm, related_end=False))
    return event


OPEN_DIGEST_UID = "open-follow-ups@tracker"


def open_digest_uid(scope: str) -> str:
    """UID of the open follow-ups digest of a calendar holding `scope` ("" for everything).

    Two filtered feeds list different items in their digests: with one UID, a client subscribed to
    both (Google, Apple) would keep one digest and hide the other, or flip between them (issue 13).
    """
    if not scope:
        return OPEN_DIGEST_UID
    return f"open-follow-ups-{hashlib.sha256(scope.encode('utf-8')).hexdigest()[:16]}@tracker"


def open_digest_event(commitments: Iterable[Commitment], options: ExportOptions) -> Component | None:
    """One weekly all-day "Open follow-ups (N)" event listing the active open-ended items; None when there are none.

    Open-ended items have no day of their own, and Google Calendar and Outlook ignore VTODO in subscriptions,
    so they show on Mondays from the week the oldest was agreed. `commitments` are all the calendar's items
    (any status): SEQUENCE is the sum of their SEQUENCEs plus their number, and LAST-MODIFIED their latest
    change, so both move forward when an item joins, changes or leaves the digest.
    """
    digest = OpenDigest(options)
    for item in commitments:
        digest.add(item)
    return digest.event()


class OpenDigest:
    """`open_digest_event` gathered one item at a time, during the pass that writes the items as events:
    it keeps counts, sums and the latest change, and one line per active open-ended item."""

    def __init__(self, options: ExportOptions) -> None:
        self.options = options
        self.open_ended = 0
        self.sequences = 0
        self.latest: dt.datetime | None = None
        self.first: dt.date | None = None
        self.lines: list[tuple[tuple[dt.date, str | None], str]] = []  # (sort key, line) of the active ones

    def add(self, item: Commitment) -> None:
        if not item.window.is_open:
            return
        self.open_ended += 1
        self.sequences += item.sequence
        changed = item.updated_at or item.created_at
        if changed:
            changed_utc = _utc(changed, self.options.dtstamp)
            self.latest = changed_utc if self.latest is None else max(self.latest, changed_utc)
        if not is_active(item):
            return
        made = item.made_on or _utc(item.created_at, self.options.dtstamp).date()
        self.first = made if self.first is None else min(self.first, made)
        parties = f" ({', '.join(sorted(item.parties))})" if item.parties else ""
        agreed = f", agreed {item.made_on.isoformat()}" if item.made_on else ""
        said = f": {_quote(item.window.text)}" if item.window.text else ""
        self.lines.append(
            ((item.made_on or dt.date.min, item.uid), f"- {_title(item)}{parties}{agreed}{said}")
        )

    def event(self) -> Component | None:
        """The digest's VEVENT, or None when no active open-ended item was added."""
        if self.first is None:
            return None
        options = self.options
        monday = self.first - dt.timedelta(days=self.first.weekday())
        self.lines.sort(key=lambda entry: entry[0])
        lines = ["Follow-ups agreed without a date, still to be done:", *(line for _key, line in self.lines)]
        event = Component("VEVENT")
        event.add("uid", open_digest_uid(options.scope))
        _stamp(event, None, self.latest, options)
        _add(event, "dtstart", monday)
        _add(event, "dtend", exclusive_end(monday))
        event.add("rrule", {"FREQ": "WEEKLY"})
        _add(event, "sequence", self.sequences + self.open_ended)
        event.add("summary", _text(f"Open follow-ups ({len(self.lines)})"))
        event.add("description", _text("\n".join(lines)))
        _add(event, "status", "CONFIRMED")
        _add(event, "transp", "TRANSPARENT")
        return event


def item_todo(item: Commitment, options: ExportOptions) -> Component:
    """Any item as a VTODO: DTSTART and DUE from its window (none when open-ended), STATUS from its status."""
    todo = Component("VTODO")
    todo.add("uid", todo_uid(_stored_uid(item)))
    if item.window.start is not None and item.window.end is not None:
        _add(todo, "dtstart", item.window.start)
        _add(todo, "due", due_date(item.window.end))
    title = _title(item)
    todo.add("summary", _text(title))
    _add_item_common(todo, item, options)
    if item.status is Status.FULFILLED:
        _add(todo, "status", "COMPLETED")
        todo.add("percent-complete", 100)
        if item.fulfilled_on is not None:
            # COMPLETED is an instant in UTC; noon keeps the same calendar day in zones from -11 to +11.
            todo.add("completed", dt.datetime.combine(item.fulfilled_on, dt.time(12), tzinfo=dt.UTC))
    elif item.status is Status.CANCELLED:
        _add(todo, "status", "CANCELLED")
    else:
        _add(todo, "status", "NEEDS-ACTION")
        if options.alarm is not None and not item.window.is_open:
            # DUE is the day after the window, so the trigger adds that day back: the alarm fires
            # `alarm` before the last day begins, like the VEVENT's.
            todo.add_component(_alarm(title, -(options.alarm + dt.timedelta(days=1)), related_end=True))
    return todo


def _calendar_head(options: ExportOptions, tzids: dict[str, tuple[int, int]]) -> tuple[bytes, bytes]:
    """The VCALENDAR lines before the first and after the last component, VTIMEZONEs included."""
    calendar = Calendar()
    calendar.add("prodid", options.prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", vText(clean_text(options.name)))
    calendar.add("x-wr-calname", vText(clean_text(options.name)))
    calendar.add("x-wr-caldesc", vText(clean_text(options.description)))
    calendar.add("refresh-interval", options.refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(options.refresh))
    return _with_zones(serialize(calendar), tzids)


def _with_zones(calendar_text: bytes, tzids: dict[str, tuple[int, int]]) -> tuple[bytes, bytes]:
    footer = b"END:VCALENDAR\r\n"
    assert calendar_text.endswith(footer)
    head = [calendar_text[: -len(footer)]]
    for tzid in sorted(tzids):
        first, last = tzids[tzid]
        vtimezone = _vtimezone(tzid, first, last)
        if vtimezone is not None:
            head.append(vtimezone)
    return b"".join(head), footer


def zones_used(meetings: Iterable[Meeting]) -> dict[str, tuple[int, int]]:
    """IANA zone -> (first, last) year of the timed meetings in it: the VTIMEZONEs a calendar holds."""
    years: dict[str, tuple[int, int]] = {}
    for meeting in meetings:
        if meeting.timezone and _timed_span(meeting) is not None:
            first, last = years.get(meeting.timezone, (meeting.start.year, meeting.end.year))
            years[meeting.timezone] = (min(first, meeting.start.year), max(last, meeting.end.year))
    return years


def _stored_uid(thing: Meeting | Commitment) -> str:
    if not thing.uid:
        raise ValueError(f"cannot export {thing!r} without a UID; stored rows always have one")
    return thing.uid


def _exportable(review: ReviewState) -> bool:
    # A rejected meeting or item is an extraction mistake a person threw out: never show it.
    return review is not ReviewState.REJECTED


@dataclass(frozen=True)
class CalendarObject:
    """One component of the calendar, on its own: what a vdir file or a CalDAV resource holds.

    `zones` names the VTIMEZONE it needs (with the years it spans); `data` is the serialized component.
    """

    uid: str
    component: str  # VEVENT or VTODO
    data: bytes
    zones: dict[str, tuple[int, int]] = field(default_factory=dict)

    def calendar(self, prodid: str = PRODID) -> bytes:
        """A whole VCALENDAR holding this component alone (RFC 4791 §4.1: one UID per resource)."""
        calendar = Calendar()
        calendar.add("prodid", prodid)
        calendar.add("version", "2.0")
        head, footer = _with_zones(serialize(calendar), self.zones)
        return head + self.data + footer


def _check_uids(things: Iterable[Meeting | Commitment]) -> None:
    for thing in things:
        if _exportable(thing.review):
            _stored_uid(thing)


def iter_objects(
    meetings: Iterable[Meeting], commitments: Iterable[Commitment], options: ExportOptions
) -> Iterator[CalendarObject]:
    """The calendar's components one by one, in the order of `iter_calendar`; ValueError before the first
    when a meeting or item has no UID. Rejected meetings and items are left out."""
    meetings, commitments = list(meetings), list(commitments)
    _check_uids([*meetings, *commitments])
    return stream_objects(meetings, lambda: commitments, options)


def stream_objects(
    meetings: Iterable[Meeting], items: Callable[[], Iterable[Commitment]], options: ExportOptions
) -> Iterator[CalendarObject]:
    """The calendar's components one by one, made as the meetings and items come.

    Meetings keep their order, then items as events and the weekly digest of open-ended items, then items
    as to-dos. `items()` gives the items afresh, in their order, for each pass that needs them: once, or
    twice with `TodoMode.BOTH` (events, then to-dos), so that no pass keeps them; the digest is gathered
    during the events pass. Rejected meetings and items are left out.
    """
    for meeting in meetings:
        if _exportable(meeting.review):
            yield CalendarObject(
                _stored_uid(meeting),
                "VEVENT",
                serialize(meeting_event(meeting, options)),
                zones_used([meeting]),
            )
    if options.todos in (TodoMode.AS_EVENTS, TodoMode.BOTH):
        digest = OpenDigest(options)
        for item in items():
            if not _exportable(item.review):
                continue
            uid = _stored_uid(item)
            digest.add(item)
            event = item_event(item, options)
            if event is not None:
                yield CalendarObject(uid, "VEVENT", serialize(event))
        digest_event = digest.event()
        if digest_event is not None:
            yield CalendarObject(open_digest_uid(options.scope), "VEVENT", serialize(digest_event))
    if options.todos in (TodoMode.AS_TODOS, TodoMode.BOTH):
        for item in items():
            if _exportable(item.review):
                yield CalendarObject(
                    todo_uid(_stored_uid(item)), "VTODO", serialize(item_todo(item, options))
                )


def iter_calendar(
    meetings: Iterable[Meeting], commitments: Iterable[Commitment], options: ExportOptions
) -> Iterator[bytes]:
    """The calendar as chunks of bytes (header, one chunk per component, footer); join them for the file.

    The components are those of `iter_objects`, in its order; ValueError before the header when a
    meeting or item has no UID.
    """
    meetings = [m for m in meetings if _exportable(m.review)]
    commitments = list(commitments)
    _check_uids([*meetings, *commitments])
    return stream_calendar(meetings, lambda: commitments, zones_used(meetings), options)


def stream_calendar(
    meetings: Iterable[Meeting],
    items: Callable[[], Iterable[Commitment]],
    zones: dict[str, tuple[int, int]],
    options: ExportOptions,
) -> Iterator[bytes]:
    """`iter_calendar` made as the meetings and items come (see `stream_objects`): `zones` are the
    VTIMEZONEs the header holds, `zones_used` of the meetings, known before the first of them."""
    head, footer = _calendar_head(options, zones)
    yield head
    for calendar_object in stream_objects(meetings, items, options):
        yield calendar_object.data
    yield footer


def export_calendar(
    meetings: Iterable[Meeting], commitments: Iterable[Commitment], options: ExportOptions
) -> bytes:
    """The whole calendar as bytes (UTF-8, CRLF line ends, folded at 75 octets)."""
    return b"".join(iter_calendar(meetings, commitments, options))
