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

from sqlalchemy import Connection, Select, exists, func, select

from tracker.domain import model as domain
from tracker.limits import MAX_ID
from tracker.storage import tables as t
from tracker.storage.items import not_rejected
from tracker.storage.stored_rows import meeting_from_row, meetings_from_rows, no_meeting_error

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


def _with_party(code: Any) -> Any:
    """SQL condition: the meeting has the party `code` (upper case, as stored)."""
    return exists().where(_parties.meeting_id == _meetings.id, _parties.code == code)


def meeting_conditions(
    *,
    party: Any = None,
    kind: Any = None,
    since: Any = None,
    until: Any = None,
    meeting_id: Any = None,
    include_rejected: bool = True,
) -> list[Any]:
    """The SQL conditions of `list_meetings`' filters (see there); a value may be a bind parameter
    (`tracker.speed.dbapi_render` renders each condition so)."""
    conditions = []
    if not include_rejected:
        conditions.append(not_rejected(t.meetings))
    if party is not None:
        conditions.append(_with_party(party.upper() if isinstance(party, str) else party))
    if kind is not None:
        conditions.append(_meetings.kind == kind)
    if since is not None:
        conditions.append(_meetings.start_date >= since)
    if until is not None:
        conditions.append(_meetings.start_date <= until)
    if meeting_id is not None:
        conditions.append(_meetings.id == meeting_id)
    return conditions


def meeting_statements(conditions: list[Any]) -> tuple[Select[Any], Select[Any], Select[Any]]:
    """The three SELECTs of the meetings where `conditions`: the meetings (with their document's source)
    by start date then id; their (meeting id, party code) by code; their participants in order."""
    query = (
        select(t.meetings, t.documents.c.source)
        .outerjoin(t.documents, t.documents.c.id == _meetings.document_id)
        .where(*conditions)
        .order_by(_meetings.start_date, _meetings.id)
    )
    chosen = query.with_only_columns(_meetings.id).order_by(None).scalar_subquery()
    parties = (
        select(_parties.meeting_id, _parties.code)
        .where(_parties.meeting_id.in_(chosen))
        .order_by(_parties.code)
    )
    participants = t.participants.c
    people = (
        select(participants.meeting_id, participants.name, participants.role, participants.country)
        .where(participants.meeting_id.in_(chosen))
        .order_by(participants.position, participants.id)
    )
    return query, parties, people


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
    conditions = meeting_conditions(
        party=party or None,
        kind=kind or None,
        since=since,
        until=until,
        meeting_id=meeting_id,
        include_rejected=include_rejected,
    )
    query, parties, people = meeting_statements(conditions)
    return meetings_from_rows(db.execute(query).all(), db.execute(parties), db.execute(people))


def get_meeting(db: Session | Connection, meeting_id: int) -> domain.Meeting:
    """The meeting `meeting_id` as a domain object; NotFoundError when there is none."""
    found = list_meetings(db, meeting_id=meeting_id) if 0 < meeting_id <= MAX_ID else []
    if not found:
        raise no_meeting_error(meeting_id)
    return found[0]


def list_held_meeting_days(
    session: Session | Connection, *, held_by: dt.date, party: str | None = None, kind: str | None = None
) -> dict[tuple[tuple[str, ...], str], list[dt.date]]:
    """(sorted party codes, kind) -> sorted distinct start days of the meetings held on or before `held_by`.

    :param party: only meetings with this party code; `kind`: only this kind.
    """
    # Each meeting's codes joined in a subquery per meeting ("BY,RS", in any order), each distinct
    # (codes, kind, day) once: one row per round rather than a row per meeting and one per party.
    codes = (
        select(func.aggregate_strings(_parties.code, ","))
        .where(_parties.meeting_id == _meetings.id)
        .scalar_subquery()
    )
    query = (
        select(codes, _meetings.kind, _meetings.start_date)
        .where(_meetings.start_date <= held_by, not_rejected(t.meetings))
        .distinct()
    )
    if kind:
        query = query.where(_meetings.kind == kind)
    if party:
        query = query.where(_with_party(party.upper()))
    groups: dict[tuple[tuple[str, ...], str], set[dt.date]] = defaultdict(set)
    for text, kind_, start in session.execute(query):
        if text:
            groups[(tuple(sorted(set(text.split(",")))), kind_)].add(start)
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
