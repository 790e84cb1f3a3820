"""Queries over stored meetings, with plain keyword filters.

Meetings rejected in review (extraction false positives) are never returned by
the cadence and staleness queries: they are not news, nor rounds of a cadence.
Everything here is Core (`tracker.storage.tables`) and takes a Session or a plain
Connection, so that reading commands never import the ORM (issue #16).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, exists, select

from tracker.domain import model as domain
from tracker.errors import NotFoundError
from tracker.limits import MAX_ID
from tracker.storage import tables as t
from tracker.storage.items import not_rejected

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "list_meetings",
    "get_meeting",
    "meeting_from_row",
    "list_held_meeting_days",
    "list_last_meeting_days",
]

_meetings, _parties = t.meetings.c, t.meeting_parties.c


def _with_party(code: str) -> Any:
    """SQL condition: the meeting has the party `code`."""
    return exists().where(_parties.meeting_id == _meetings.id, _parties.code == code.upper())


def list_meetings(
    db: Session | Connection,
    *,
    party: str | None = None,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    meeting_id: int | None = None,
    include_rejected: bool = True,
) -> list[domain.Meeting]:
    """Meetings by start date, then id, as domain objects.

    `since`/`until` are inclusive bounds on the start date; `include_rejected=False`
    leaves out those rejected in review. The rows of `repo.list_meetings`, read with
    three Core queries instead of ORM loading.
    """
    query = (
        select(t.meetings, t.documents.c.source)
        .outerjoin(t.documents, t.documents.c.id == _meetings.document_id)
        .order_by(_meetings.start_date, _meetings.id)
    )
    if not include_rejected:
        query = query.where(not_rejected(t.meetings))
    if party:
        query = query.where(_with_party(party))
    if kind:
        query = query.where(_meetings.kind == kind)
    if since:
        query = query.where(_meetings.start_date >= since)
    if until:
        query = query.where(_meetings.start_date <= until)
    if meeting_id is not None:
        query = query.where(_meetings.id == meeting_id)
    rows = db.execute(query).all()
    chosen = query.with_only_columns(_meetings.id).order_by(None).scalar_subquery()
    codes: dict[int, list[str]] = defaultdict(list)
    for meeting_id, code in db.execute(
        select(_parties.meeting_id, _parties.code)
        .where(_parties.meeting_id.in_(chosen))
        .order_by(_parties.code)
    ):
        codes[meeting_id].append(code)
    people: dict[int, list[domain.Participant]] = defaultdict(list)
    participants = t.participants.c
    for meeting_id, name, role, country in db.execute(
        select(participants.meeting_id, participants.name, participants.role, participants.country)
        .where(participants.meeting_id.in_(chosen))
        .order_by(participants.position, participants.id)
    ):
        people[meeting_id].append(domain.Participant(name, role, country))
    return [
        meeting_from_row(row, parties=codes[row.id], participants=people[row.id], source=row.source)
        for row in rows
    ]


def meeting_from_row(
    row: Any, *, parties: list[str], participants: list[domain.Participant], source: str | None
) -> domain.Meeting:
    """A stored meeting as a domain object, from its row (a Core row or an ORM object: the same
    column names), its party codes, its participants and the source of its document."""
    evidence = None
    if row.evidence_text is not None:
        evidence = domain.Evidence(row.evidence_text, row.evidence_start or 0, row.evidence_end or 0)
    return domain.Meeting(
        kind=domain.Kind(row.kind),
        start=row.start_date,
        end=row.end_date,
        title=row.title,
        city=row.city,
        country=row.country,
        timezone=row.timezone,
        parties=parties,
        participants=participants,
        evidence=evidence,
        start_time=row.start_time,
        end_time=row.end_time,
        review=domain.ReviewState(row.review),
        source=source,
        id=row.id,
        uid=row.uid,
        sequence=row.sequence,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def get_meeting(db: Session | Connection, meeting_id: int) -> domain.Meeting:
    """The meeting `meeting_id` as a domain object; NotFoundError when there is none."""
    found = list_meetings(db, meeting_id=meeting_id) if 0 < meeting_id <= MAX_ID else []
    if not found:
        raise NotFoundError(f"no meeting with id {meeting_id}; `tracker meetings list` shows them")
    return found[0]


def list_held_meeting_days(
    session: Session | Connection, *, held_by: dt.date, party: str | None = None, kind: str | None = None
) -> dict[tuple[tuple[str, ...], str], list[dt.date]]:
    """(sorted party codes, kind) -> sorted distinct start days of the meetings held on or before `held_by`.

    :param party: only meetings with this party code; `kind`: only this kind.
    """
    query = select(_meetings.id, _meetings.kind, _meetings.start_date).where(
        _meetings.start_date <= held_by, not_rejected(t.meetings)
    )
    if kind:
        query = query.where(_meetings.kind == kind)
    if party:
        query = query.where(_with_party(party))
    meetings = {row.id: (row.kind, row.start_date) for row in session.execute(query)}
    parties: dict[int, set[str]] = defaultdict(set)
    codes = select(_parties.meeting_id, _parties.code).where(
        _parties.meeting_id.in_(query.with_only_columns(_meetings.id).scalar_subquery())
    )
    for meeting_id, code in session.execute(codes):
        parties[meeting_id].add(code)
    groups: dict[tuple[tuple[str, ...], str], set[dt.date]] = defaultdict(set)
    for meeting_id, (kind_, start) in meetings.items():
        if parties.get(meeting_id):
            groups[(tuple(sorted(parties[meeting_id])), kind_)].add(start)
    return {key: sorted(dates) for key, dates in groups.items()}


def list_last_meeting_days(
    session: Session | Connection, party_sets: Iterable[tuple[int, list[str]]], *, held_by: dt.date
) -> dict[int, dt.date]:
    """Key -> start of the last meeting held on or before `held_by` at which all the key's parties were.

    :param party_sets: (key, party codes) pairs, e.g. (item id, the item's parties); a key
        with no parties is left out.
    """
    wanted = [(key, codes) for key, codes in party_sets if codes]
    all_codes = sorted({code for _key, codes in wanted for code in codes})
    if not all_codes:
        return {}
    held = select(_meetings.id).where(
        _meetings.start_date <= held_by,
        not_rejected(t.meetings),
        exists().where(_parties.meeting_id == _meetings.id, _parties.code.in_(all_codes)),
    )
    starts = dict(
        session.execute(
            select(_meetings.id, _meetings.start_date).where(_meetings.id.in_(held.scalar_subquery()))
        ).all()
    )
    by_code: dict[str, set[int]] = defaultdict(set)
    for meeting_id, code in session.execute(
        select(_parties.meeting_id, _parties.code).where(_parties.meeting_id.in_(held.scalar_subquery()))
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
