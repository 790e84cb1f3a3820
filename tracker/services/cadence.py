"""Cadence: how often the same parties meet in the same format, and whether the next round is late.

A cadence is a set of parties and a meeting kind with two or more held meetings
(e.g. BY+RS consultations). Its interval is the median of the gaps between
consecutive meetings; the next round is expected one interval after the last. It
is late once 1.5 intervals have passed with no meeting and no active item for the
same parties that such a meeting would fulfil (a promised round is tracked as an
item instead). Meetings rejected in review do not count; meetings on the same day
(one round reported twice) count once.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.domain.model import Kind
from tracker.domain.status import Verdict, kind_compatibility
from tracker.storage.items import count_active_kinds_by_parties
from tracker.storage.meetings import list_held_meeting_days

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

__all__ = ["Cadence", "LATE_FACTOR", "list_cadences"]

LATE_FACTOR = 1.5


@dataclass(frozen=True)
class Cadence:
    """One series of meetings between the same parties in the same kind; dates are meeting start days."""

    parties: list[str]
    kind: str
    meetings: int
    median_interval_days: int
    last: dt.date
    expected_next: dt.date
    late_after: dt.date
    late: bool
    days_late: int = 0
    active_items: int = 0

    def to_json(self) -> dict:
        return {
            "parties": self.parties,
            "kind": self.kind,
            "meetings": self.meetings,
            "median_interval_days": self.median_interval_days,
            "last": self.last.isoformat(),
            "expected_next": self.expected_next.isoformat(),
            "late_after": self.late_after.isoformat(),
            "late": self.late,
            "days_late": self.days_late,
            "active_items": self.active_items,
        }


def list_cadences(
    session: Session | Connection,
    today: dt.date,
    *,
    party: str | None = None,
    kind: str | None = None,
    active_kinds: dict[tuple[str, ...], Counter[str]] | None = None,
) -> list[Cadence]:
    """Every cadence on `today` (meetings after `today` are ignored), late ones first, then by parties.

    :param party: only cadences that include this party code.
    :param kind: only this meeting kind.
    :param active_kinds: party set -> active items of each kind between exactly those parties, as
        `count_active_kinds_by_parties` counts them, when the caller has counted them already (at
        least for every party set that includes `party`).
    """
    series = {
        key: dates
        for key, dates in list_held_meeting_days(session, held_by=today, party=party, kind=kind).items()
        if len(dates) >= 2
    }
    if not series:
        return []
    # Active items are counted per party set and kind: the kind rule runs per distinct kind, not per
    # item (issue #16: 100,000 items made this loop the weekly report's main cost).
    items = count_active_kinds_by_parties(session) if active_kinds is None else active_kinds
    cadences = []
    for (parties, kind_), dates in series.items():
        gaps = [(later - earlier).days for earlier, later in zip(dates, dates[1:])]
        interval = max(1, round(statistics.median(gaps)))
        last = dates[-1]
        late_after = last + dt.timedelta(days=int(interval * LATE_FACTOR))
        pending = sum(
            count
            for item_kind, count in items.get(parties, Counter()).items()
            if kind_compatibility(Kind(item_kind), Kind(kind_)) is not Verdict.NONE
        )
        late = today > late_after and pending == 0
        cadences.append(
            Cadence(
                parties=list(parties),
                kind=kind_,
                meetings=len(dates),
                median_interval_days=interval,
                last=last,
                expected_next=last + dt.timedelta(days=interval),
                late_after=late_after,
                late=late,
                days_late=(today - late_after).days if late else 0,
                active_items=pending,
            )
        )
    cadences.sort(key=lambda c: (not c.late, -c.days_late, c.parties, c.kind))
    return cadences
