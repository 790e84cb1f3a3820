"""A stored row as a domain object: an item's fields, a meeting's columns.

No SQLAlchemy here: the same functions build the domain objects of the Core
readers (`tracker.storage.items`, `tracker.storage.meetings`), of the ORM's rows
(`tracker.storage.repo`) and of the driver's own rows (`tracker.speed.dbapi`),
so that the short reading commands need not import SQLAlchemy (issue #16).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from tracker.domain import model as domain
from tracker.errors import NotFoundError

__all__ = [
    "item_from_row",
    "meeting_from_row",
    "meetings_from_rows",
    "group_possible_matches",
    "no_item_error",
    "no_meeting_error",
]

# Enum members by value: a dict lookup is several times cheaper than Enum(value) on 100,000s of rows.
_KINDS = {k.value: k for k in domain.Kind}
_FIRMNESS = {f.value: f for f in domain.Firmness}
_PRECISIONS = {p.value: p for p in domain.Precision}
_STATUSES = {s.value: s for s in domain.Status}
_REVIEWS = {r.value: r for r in domain.ReviewState}


def item_from_row(row: Any, windows: dict[tuple[Any, ...], domain.Window] | None = None) -> domain.Commitment:
    """The domain item of one row of fields.

    :param windows: a cache the caller keeps across rows: items share few windows
        ("in 2017", "in March 2018"), so each distinct one is built (and checked) once.
    """
    window_key = (row.window_start, row.window_end, row.window_precision, row.window_text)
    window = windows.get(window_key) if windows is not None else None
    if window is None:
        window = domain.Window(
            row.window_start, row.window_end, _PRECISIONS[row.window_precision], row.window_text
        )
        if windows is not None:
            windows[window_key] = window
    evidence = None
    if row.evidence is not None:
        evidence = domain.Evidence(row.evidence, row.evidence_start or 0, row.evidence_end or 0)
    return domain.Commitment(
        kind=_KINDS[row.kind],
        firmness=_FIRMNESS[row.firmness],
        window=window,
        title=row.title,
        parties=sorted(row.parties.split(",")) if row.parties else [],
        city=row.city,
        country=row.country,
        timezone=row.timezone,
        evidence=evidence,
        status=_STATUSES[row.status],
        review=_REVIEWS[row.review],
        made_on=row.made_on,
        agreed_meeting_uid=row.agreed_meeting,
        fulfilled_meeting_uid=row.fulfilled_meeting,
        fulfilled_on=row.fulfilled_on,
        source=row.source,
        id=row.id,
        uid=row.uid,
        sequence=row.sequence,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


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


def group_possible_matches(rows: Iterable[Any]) -> dict[int, list[int]]:
    """Item id -> ids of the meetings proposed as its fulfilment, from (item id, meeting id) rows in link order."""
    found: dict[int, list[int]] = {}
    for item_id, meeting_id in rows:
        found.setdefault(item_id, []).append(meeting_id)
    return found


def no_item_error(item_id: int) -> NotFoundError:
    return NotFoundError(f"no item with id {item_id}; `tracker items list` shows them")


def no_meeting_error(meeting_id: int) -> NotFoundError:
    return NotFoundError(f"no meeting with id {meeting_id}; `tracker meetings list` shows them")


def meetings_from_rows(
    rows: Iterable[Any], party_rows: Iterable[Any], participant_rows: Iterable[Any]
) -> list[domain.Meeting]:
    """The meetings of `rows` (each with its columns and its document's `source`), given the rows of
    their (meeting id, party code) and (meeting id, name, role, country) in order."""
    codes: dict[int, list[str]] = defaultdict(list)
    for meeting_id, code in party_rows:
        codes[meeting_id].append(code)
    people: dict[int, list[domain.Participant]] = defaultdict(list)
    for meeting_id, name, role, country in participant_rows:
        people[meeting_id].append(domain.Participant(name, role, country))
    return [
        meeting_from_row(row, parties=codes[row.id], participants=people[row.id], source=row.source)
        for row in rows
    ]
