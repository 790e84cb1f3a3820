"""What a calendar (an export, a feed, a vdir) reads: its meetings and items, streamed in batches.

A calendar of 100,000 items is written while its rows are read (issue #16): nothing here returns a
list of them. Each reader is one query whose rows come `batch` at a time (`yield_per`), and a calendar
that needs its items twice (events, then to-dos) asks twice. The readers share the caller's
transaction, so every pass sees the same rows (one snapshot: SQLite's read transaction; PostgreSQL's
under REPEATABLE READ, `storage.db.connection_scope(snapshot=True)`). Rejected meetings and items are
left out: a calendar never shows them. Core only, like `tracker.storage.items`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, exists, or_, select

from tracker.domain import model as domain
from tracker.storage import tables as t
from tracker.storage.db import core_connection
from tracker.storage.items import iter_items_where, not_rejected
from tracker.storage.meetings import meeting_statements
from tracker.storage.stored_rows import meeting_from_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["CalendarRows"]

_MEETING_BATCH = 500  # meetings per batch; their parties and participants are read for a batch at once


@dataclass(frozen=True)
class CalendarRows:
    """The meetings and items of one calendar: those of any of `parties` (all when empty), of one of
    `kinds` (all when empty) and, for items, of the stored `status` (any when None)."""

    parties: Sequence[str] = ()
    kinds: Sequence[str] = ()
    status: str | None = None

    def _meeting_conditions(self) -> list[Any]:
        meetings, codes = t.meetings.c, t.meeting_parties.c
        conditions = [not_rejected(t.meetings)]
        if self.parties:
            wanted = sorted({party.upper() for party in self.parties})
            conditions.append(exists().where(codes.meeting_id == meetings.id, codes.code.in_(wanted)))
        if self.kinds:
            conditions.append(meetings.kind.in_(list(self.kinds)))
        return conditions

    def _item_conditions(self) -> list[Any]:
        items, codes = t.commitments.c, t.commitment_parties.c
        conditions = [not_rejected(t.commitments)]
        if self.parties:
            wanted = sorted({party.upper() for party in self.parties})
            conditions.append(exists().where(codes.commitment_id == items.id, codes.code.in_(wanted)))
        if self.kinds:
            conditions.append(items.kind.in_(list(self.kinds)))
        if self.status:
            conditions.append(items.status == self.status)
        return conditions

    def meetings(self, db: Session | Connection, *, timed_only: bool = False) -> Iterator[domain.Meeting]:
        """The meetings by start date, then id; `timed_only`: only those with a start time and a zone
        (the few a calendar writes VTIMEZONEs for, before its first component)."""
        conditions = self._meeting_conditions()
        if timed_only:
            meetings = t.meetings.c
            conditions += [meetings.start_time.is_not(None), meetings.timezone.is_not(None)]
        query, _parties, _people = meeting_statements(conditions)
        connection = core_connection(db)
        result = connection.execute(query.execution_options(yield_per=_MEETING_BATCH))
        for rows in result.partitions():
            yield from _meetings_of(connection, rows)

    def items(self, db: Session | Connection) -> Iterator[domain.Commitment]:
        """The items, soonest window end first (open-ended last), then by id."""
        return iter_items_where(db, self._item_conditions())

    def first_beyond(
        self, db: Session | Connection, earliest: dt.date, latest: dt.date
    ) -> domain.Meeting | domain.Commitment | None:
        """The first meeting, else the first item (in calendar order) with a date outside
        `earliest`..`latest`: one query each, through the rows' dates only."""

        def outside(*columns: Any) -> Any:
            return or_(*(or_(column < earliest, column > latest) for column in columns))

        meetings = t.meetings.c
        meeting_query, _parties, _people = meeting_statements(
            [*self._meeting_conditions(), outside(meetings.start_date, meetings.end_date)]
        )
        connection = core_connection(db)
        first_meetings = list(_meetings_of(connection, connection.execute(meeting_query.limit(1)).all()))
        if first_meetings:
            return first_meetings[0]
        items = t.commitments.c
        conditions = [*self._item_conditions(), outside(items.window_start, items.window_end)]
        return next(iter_items_where(db, conditions, limit=1), None)


def _meetings_of(connection: Connection, rows: Sequence[Any]) -> Iterator[domain.Meeting]:
    """The domain meetings of a batch of meeting rows (each with its document's `source`), their
    parties and participants read with one query each."""
    if not rows:
        return
    ids = [row.id for row in rows]
    codes, people = t.meeting_parties.c, t.participants.c
    parties: dict[int, list[str]] = {}
    for meeting_id, code in connection.execute(
        select(codes.meeting_id, codes.code).where(codes.meeting_id.in_(ids))
    ):
        parties.setdefault(meeting_id, []).append(code)
    participants: dict[int, list[domain.Participant]] = {}
    for meeting_id, name, role, country in connection.execute(
        select(people.meeting_id, people.name, people.role, people.country)
        .where(people.meeting_id.in_(ids))
        .order_by(people.position, people.id)
    ):
        participants.setdefault(meeting_id, []).append(domain.Participant(name, role, country))
    for row in rows:
        yield meeting_from_row(
            row,
            parties=sorted(parties.get(row.id, [])),
            participants=participants.get(row.id, []),
            source=row.source,
        )
