"""Queries over stored meetings, with plain keyword filters.

Meetings rejected in review (extraction false positives) are never returned here:
they are not news, nor rounds of a cadence.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.storage import models as m
from tracker.storage.items import not_rejected

__all__ = ["list_held_meeting_days", "list_last_meeting_days"]


def list_held_meeting_days(
    session: Session, *, held_by: dt.date, party: str | None = None, kind: str | None = None
) -> dict[tuple[tuple[str, ...], str], list[dt.date]]:
    """(sorted party codes, kind) -> sorted distinct start days of the meetings held on or before `held_by`.

    :param party: only meetings with this party code; `kind`: only this kind.
    """
    query = select(m.Meeting.id, m.Meeting.kind, m.Meeting.start_date).where(
        m.Meeting.start_date <= held_by, not_rejected(m.Meeting)
    )
    if kind:
        query = query.where(m.Meeting.kind == kind)
    if party:
        query = query.where(m.Meeting.party_rows.any(m.MeetingParty.code == party.upper()))
    meetings = {row.id: (row.kind, row.start_date) for row in session.execute(query)}
    parties: dict[int, set[str]] = defaultdict(set)
    codes = select(m.MeetingParty.meeting_id, m.MeetingParty.code).where(
        m.MeetingParty.meeting_id.in_(query.with_only_columns(m.Meeting.id).scalar_subquery())
    )
    for meeting_id, code in session.execute(codes):
        parties[meeting_id].add(code)
    groups: dict[tuple[tuple[str, ...], str], set[dt.date]] = defaultdict(set)
    for meeting_id, (kind_, start) in meetings.items():
        if parties.get(meeting_id):
            groups[(tuple(sorted(parties[meeting_id])), kind_)].add(start)
    return {key: sorted(dates) for key, dates in groups.items()}


def list_last_meeting_days(
    session: Session, party_sets: Iterable[tuple[int, list[str]]], *, held_by: dt.date
) -> dict[int, dt.date]:
    """Key -> start of the last meeting held on or before `held_by` at which all the key's parties were.

    :param party_sets: (key, party codes) pairs, e.g. (item id, the item's parties); a key
        with no parties is left out.
    """
    wanted = [(key, codes) for key, codes in party_sets if codes]
    all_codes = sorted({code for _key, codes in wanted for code in codes})
    if not all_codes:
        return {}
    held = select(m.Meeting.id).where(
        m.Meeting.start_date <= held_by,
        not_rejected(m.Meeting),
        m.Meeting.party_rows.any(m.MeetingParty.code.in_(all_codes)),
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
    # Many keys share a party set (100,000 items, a few hundred sets): intersect each set once.
    last_by_set: dict[frozenset[str], dt.date | None] = {}
    latest = {}
    for key, codes in wanted:
        party_set = frozenset(codes)
        if party_set not in last_by_set:
            common = set.intersection(*(by_code.get(code, set()) for code in party_set))
            last_by_set[party_set] = max((starts[meeting_id] for meeting_id in common), default=None)
        last = last_by_set[party_set]
        if last is not None:
            latest[key] = last
    return latest
