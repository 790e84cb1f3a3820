"""Derived state of a commitment on a given day, and the rules that match a meeting to it.

Pure functions of (commitment, today, matches): nothing here is stored, so a state can
never go stale. Windows are inclusive: an item due by 31 December is overdue
from 1 January. Overdue, due soon, fulfilled late and stale are all derived here;
the stored status is only open, fulfilled, cancelled or rescheduled.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from tracker.domain.model import Commitment, Kind, Meeting, ReviewState, Status

__all__ = [
    "State",
    "Verdict",
    "MatchAssessment",
    "ACTIVE_STATUSES",
    "DUE_SOON_DAYS",
    "KIND_COMPATIBILITY",
    "derive_state",
    "window_state",
    "days_overdue",
    "is_active",
    "is_active_state",
    "is_fulfilled_late",
    "is_stale",
    "last_news",
    "NOT_NEWS_FIELDS",
    "add_months",
    "kind_compatibility",
    "assess_match",
    "fulfilment_mismatches",
    "find_postponed",
]

# Stored statuses of an item still to be done. An active item is one of these and not rejected in
# review (`is_active`); storage derives its SQL condition from the two.
ACTIVE_STATUSES = frozenset({Status.OPEN, Status.RESCHEDULED})
# The default horizon of "due soon", in days (the due_soon_days setting).
DUE_SOON_DAYS = 30


class State(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"
    OPEN_ENDED = "open_ended"
    FULFILLED = "fulfilled"
    FULFILLED_LATE = "fulfilled_late"
    CANCELLED = "cancelled"


def is_active(item: Commitment) -> bool:
    """Still to be done: open, or rescheduled to a new window (and not rejected in review)."""
    return is_active_state(item.status, item.review)


def is_active_state(status: str, review: str) -> bool:
    """`is_active` on a stored status and review state (enum members or their values)."""
    return status in ACTIVE_STATUSES and review != ReviewState.REJECTED


def days_overdue(item: Commitment, today: dt.date) -> int:
    """Days since the window ended (0 when not overdue)."""
    if not is_active(item) or item.window.end is None or today <= item.window.end:
        return 0
    return (today - item.window.end).days


def is_fulfilled_late(item: Commitment) -> bool:
    """Fulfilled after its window ended (the window end is inclusive)."""
    return (
        item.status is Status.FULFILLED
        and item.window.end is not None
        and item.fulfilled_on is not None
        and item.fulfilled_on > item.window.end
    )


def derive_state(item: Commitment, today: dt.date, due_soon_days: int = DUE_SOON_DAYS) -> State:
    """The item's state on `today`; `due_soon_days` is the reminder horizon."""
    if item.status is Status.CANCELLED:
        return State.CANCELLED
    if item.status is Status.FULFILLED:
        return State.FULFILLED_LATE if is_fulfilled_late(item) else State.FULFILLED
    return window_state(item.window.end, today, due_soon_days)


def window_state(window_end: dt.date | None, today: dt.date, due_soon_days: int = DUE_SOON_DAYS) -> State:
    """The state of an item still to be done, from its window's (inclusive) end alone."""
    if window_end is None:
        return State.OPEN_ENDED
    if today > window_end:
        return State.OVERDUE
    if (window_end - today).days <= due_soon_days:
        return State.DUE_SOON
    return State.UPCOMING


# Stale open-ended items


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


# History fields that are no news about an item (for `last_news`'s `history`): its storing (the day it
# was made counts instead) and links the machine proposed (the meeting's own date counts).
NOT_NEWS_FIELDS = ("created", "fulfilment_link")


def last_news(
    item: Commitment,
    *,
    history: dt.date | None = None,
    meeting: dt.date | None = None,
    today: dt.date | None = None,
) -> dt.date | None:
    """The latest "news" about an item, which is the latest of:

    - its creation: the day it was made (`made_on`, the publication date of its
      text), else the day it was stored;
    - `history`: the day of its last recorded change (an edit, a review, a
      reschedule, a proposed link);
    - `meeting`: the start of the last meeting held among all of its parties
      (whatever the kind: any contact between them is news for the item).

    Dates after `today` are ignored, so a run with `--today` in the past does not
    see the future.
    """
    created = item.made_on or (item.created_at.date() if item.created_at else None)
    dates = [d for d in (created, history, meeting) if d is not None and (today is None or d <= today)]
    return max(dates) if dates else None


def is_stale(
    item: Commitment, today: dt.date, *, news: dt.date | None = None, stale_months: int = 12
) -> bool:
    """True for an active, open-ended item with no news for `stale_months` months.

    `news` is the latest news known from outside the item (see `last_news`; pass
    its result). Without it, the item's own creation counts. An item with a window
    is never stale: it becomes overdue instead.
    """
    if not is_active(item) or not item.window.is_open:
        return False
    known = [d for d in (news, last_news(item, today=today)) if d is not None and d <= today]
    if not known:
        return False
    latest = max(known)
    return today >= add_months(latest, stale_months)


# Matching a meeting to a commitment


class Verdict(StrEnum):
    """How well a meeting fits an item: clear (link it), doubtful (propose it) or none."""

    CLEAR = "clear"
    DOUBTFUL = "doubtful"
    NONE = "none"


# Kinds a meeting may have to fulfil an item of a given kind. "strict" kinds make a
# clear match; "loose" ones only a proposed link (a desk officer decides).
KIND_COMPATIBILITY: dict[Kind, tuple[frozenset[Kind], frozenset[Kind]]] = {
    Kind.CONSULTATIONS: (frozenset({Kind.CONSULTATIONS}), frozenset({Kind.TALKS, Kind.MEETING})),
    Kind.VISIT: (frozenset({Kind.VISIT}), frozenset({Kind.MEETING, Kind.TALKS, Kind.SUMMIT})),
    Kind.MEETING: (
        frozenset({Kind.MEETING, Kind.TALKS}),
        frozenset({Kind.CONSULTATIONS, Kind.VISIT, Kind.SUMMIT, Kind.COMMISSION}),
    ),
    Kind.TALKS: (
        frozenset({Kind.TALKS, Kind.MEETING}),
        frozenset({Kind.CONSULTATIONS, Kind.VISIT, Kind.SUMMIT}),
    ),
    Kind.SUMMIT: (frozenset({Kind.SUMMIT}), frozenset({Kind.MEETING, Kind.VISIT})),
    Kind.COMMISSION: (frozenset({Kind.COMMISSION}), frozenset({Kind.MEETING})),
    Kind.CALL: (frozenset({Kind.CALL}), frozenset()),
    Kind.SIGNING: (frozenset({Kind.SIGNING}), frozenset({Kind.VISIT, Kind.MEETING, Kind.SUMMIT})),
    Kind.OTHER: (frozenset(), frozenset(set(Kind) - {Kind.OTHER})),
}


def find_postponed(item: Commitment, stored: list[Commitment]) -> Commitment | None:
    """The stored active item that `item` (read as put off) reschedules, or None.

    The same act: a kind a meeting of `item`'s kind would fulfil, the same parties (all of the
    stored item's, up to two), no other city, made before; the latest such item when several are.
    """
    for candidate in sorted(stored, key=lambda c: (c.made_on or dt.date.min, c.id or 0), reverse=True):
        if not is_active(candidate) or kind_compatibility(candidate.kind, item.kind) is not Verdict.CLEAR:
            continue
        if len(set(candidate.parties) & set(item.parties)) < min(2, len(candidate.parties)):
            continue
        if candidate.city and item.city and candidate.city != item.city:
            continue
        if candidate.made_on and item.made_on and candidate.made_on > item.made_on:
            continue
        return candidate
    return None


def kind_compatibility(item_kind: Kind, meeting_kind: Kind) -> Verdict:
    """CLEAR when a meeting of `meeting_kind` fulfils an item of `item_kind`, DOUBTFUL when it might."""
    strict, loose = KIND_COMPATIBILITY[Kind(item_kind)]
    if Kind(meeting_kind) in strict:
        return Verdict.CLEAR
    if Kind(meeting_kind) in loose:
        return Verdict.DOUBTFUL
    return Verdict.NONE


@dataclass(frozen=True)
class MatchAssessment:
    """The verdict on one (item, meeting) pair and the reasons, in words for the history."""

    verdict: Verdict
    reasons: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    late: bool = False

    @property
    def explanation(self) -> str:
        text = "; ".join(self.reasons)
        if self.doubts:
            text += "; doubtful: " + "; ".join(self.doubts)
        return text


def _same_city(a: str, b: str | None) -> bool:
    return b is not None and a.strip().casefold() == b.strip().casefold()


def assess_match(item: Commitment, meeting: Meeting, *, made_on: dt.date | None) -> MatchAssessment:
    """Whether `meeting` fulfils `item`.

    Hard rules (else NONE): the item is active; the kinds are compatible; every
    party of the item is a party of the meeting; the meeting is in the item's city
    when it names one; the meeting did not start before the item was made
    (`made_on`, the day it was agreed or published). A meeting after the window is
    a late fulfilment. DOUBTFUL instead of CLEAR when the kind is only loosely
    compatible, the window is open-ended, the meeting started before the window
    opened or on the very day the item was made, or the item names neither parties
    nor a city (nothing ties the meeting to it).
    """
    reasons: list[str] = []
    doubts: list[str] = []
    none = MatchAssessment(Verdict.NONE)
    if not is_active(item) or meeting.review is ReviewState.REJECTED:
        return none
    kind = kind_compatibility(item.kind, meeting.kind)
    if kind is Verdict.NONE:
        return none
    if kind is Verdict.CLEAR:
        reasons.append(f"kind {meeting.kind} fits {item.kind}")
    else:
        doubts.append(f"kind {meeting.kind} only loosely fits {item.kind}")
    missing = set(item.parties) - set(meeting.parties)
    if missing:
        return none
    if item.parties:
        reasons.append(f"parties {','.join(sorted(item.parties))} present")
    if item.city:
        if not _same_city(item.city, meeting.city):
            return none
        reasons.append(f"held in {meeting.city}")
    if not item.parties and not item.city:
        doubts.append("the item names neither parties nor a city")
    if made_on is not None:
        if meeting.start < made_on:
            return none
        if meeting.start == made_on:
            doubts.append(f"held on {made_on}, the day the item was made")
    # Only an open window lacks dates (Window's invariant); testing the dates lets mypy see it.
    opens, closes = item.window.start, item.window.end
    late = False
    if opens is None or closes is None:
        doubts.append("the item has no window")
    elif meeting.start < opens:
        doubts.append(f"held on {meeting.start}, before the window opened on {opens}")
    elif meeting.start > closes:
        late = True
        reasons.append(
            f"held on {meeting.start}, {(meeting.start - closes).days} day(s) after the window "
            f"ended on {closes} (late)"
        )
    else:
        reasons.append(f"held on {meeting.start}, within the window {opens}..{closes}")
    verdict = Verdict.DOUBTFUL if doubts else Verdict.CLEAR
    return MatchAssessment(verdict, reasons, doubts, late)


def fulfilment_mismatches(
    item: Commitment, meeting: Meeting, *, made_on: dt.date | None
) -> tuple[list[str], list[str]]:
    """What speaks against `meeting` fulfilling `item`, in words: (conflicts, doubts).

    For a link made by hand (`items done --by`). Conflicts: parties of the item missing from
    the meeting, another city. Doubts: a meeting held before the item was made or before its
    window opened (an item typed in by hand is "made" the day it was typed, so a date is no
    proof of a wrong id). A meeting after the window is a late fulfilment, neither.
    """
    conflicts: list[str] = []
    doubts: list[str] = []
    missing = sorted(set(item.parties) - set(meeting.parties))
    if missing:
        conflicts.append(
            f"{','.join(missing)} not among its parties ({','.join(sorted(meeting.parties)) or 'none'})"
        )
    if item.city and meeting.city and not _same_city(item.city, meeting.city):
        conflicts.append(f"held in {meeting.city}, not {item.city}")
    if made_on is not None and meeting.start < made_on:
        doubts.append(f"held on {meeting.start}, before the item was made on {made_on}")
    elif item.window.start is not None and meeting.start < item.window.start:
        doubts.append(f"held on {meeting.start}, before the window opened on {item.window.start}")
    return conflicts, doubts
