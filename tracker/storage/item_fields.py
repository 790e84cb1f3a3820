"""A stored item's fields, declared once: the column behind each, and the domain object built from them.

`ItemColumns` is the one ordered declaration every reader of items goes through:
`repo.commitment_to_domain` (an ORM row), the long lists of `tracker.storage.items`
(plain column rows, Core only: no ORM import), the JSON records the database writes
(`tracker.speed.sql_rows`, keyed and ordered by `domain.model.COMMITMENT_RECORD_FIELDS`)
and the weekly report's light rows (`tracker.storage.reporting`, which name their
columns from here).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select

from tracker.storage import tables as t
from tracker.storage.stored_rows import item_from_row

if TYPE_CHECKING:
    from tracker.storage import models as m

__all__ = ["ITEM_FIELDS", "ItemRow", "ItemColumns", "item_from_row", "row_of"]


class ItemColumns:
    """Field name -> SQL expression for a stored item, in their one order, and the joins they need.

    `parties` is the item's party codes joined by commas (codes never hold one);
    `agreed_meeting`/`fulfilled_meeting` are meeting uids; `source` is the source
    of the item's document; `evidence` is the sentence's text. Each instance has
    its own aliases of the meetings table, so two can sit in one statement.
    """

    def __init__(self) -> None:
        c = t.commitments.c
        self.agreed, self.fulfilled = t.meetings.alias(), t.meetings.alias()
        parties = (
            select(func.aggregate_strings(t.commitment_parties.c.code, ","))
            .where(t.commitment_parties.c.commitment_id == c.id)
            .scalar_subquery()
        )
        self.by_name: dict[str, Any] = {
            "id": c.id,
            "uid": c.uid,
            "kind": c.kind,
            "title": c.title,
            "firmness": c.firmness,
            "parties": parties,
            "city": c.city,
            "country": c.country,
            "timezone": c.timezone,
            "status": c.status,
            "review": c.review,
            "window_start": c.window_start,
            "window_end": c.window_end,
            "window_precision": c.window_precision,
            "window_text": c.window_text,
            "made_on": c.made_on,
            "agreed_meeting": self.agreed.c.uid,
            "fulfilled_meeting": self.fulfilled.c.uid,
            "fulfilled_on": c.fulfilled_on,
            "source": t.documents.c.source,
            "evidence": c.evidence_text,
            "evidence_start": c.evidence_start,
            "evidence_end": c.evidence_end,
            "sequence": c.sequence,
            "created_at": c.created_at,
            "updated_at": c.updated_at,
        }

    def __getitem__(self, name: str) -> Any:
        return self.by_name[name]

    def joined(self, query: Select[Any], names: tuple[str, ...] | list[str]) -> Select[Any]:
        """`query` (over items) joined to the tables that the fields `names` come from."""
        c = t.commitments.c
        if "source" in names:
            query = query.outerjoin(t.documents, t.documents.c.id == c.document_id)
        if "agreed_meeting" in names:
            query = query.outerjoin(self.agreed, self.agreed.c.id == c.agreed_meeting_id)
        if "fulfilled_meeting" in names:
            query = query.outerjoin(self.fulfilled, self.fulfilled.c.id == c.fulfilled_meeting_id)
        return query

    def select(self, *names: str) -> Select[Any]:
        """SELECT of the fields `names` (all of ITEM_FIELDS, in order, when none) of every item."""
        wanted = names or ITEM_FIELDS
        query = select(*(self.by_name[name].label(name) for name in wanted)).select_from(t.commitments)
        return self.joined(query, wanted)


ITEM_FIELDS: tuple[str, ...] = tuple(ItemColumns().by_name)
# One item's fields by name; a plain tuple underneath, so rows of 100,000s of items cost little to read.
# (Made from ITEM_FIELDS at import, so a type checker cannot see its attributes: typed Any.)
ItemRow: Any = namedtuple("ItemRow", ITEM_FIELDS)  # type: ignore[misc]

# Attributes of an ORM item that are not the field of the same name.
_ORM_FIELDS: dict[str, Callable[[m.Commitment], Any]] = {
    "parties": lambda row: ",".join(row.parties),
    "agreed_meeting": lambda row: row.agreed_meeting.uid if row.agreed_meeting else None,
    "fulfilled_meeting": lambda row: row.fulfilled_meeting.uid if row.fulfilled_meeting else None,
    "source": lambda row: row.document.source if row.document else None,
    "evidence": lambda row: row.evidence_text,
}


def row_of(item: m.Commitment) -> Any:
    """The fields of an ORM item, as a column row would carry them."""
    return ItemRow._make(
        _ORM_FIELDS[name](item) if name in _ORM_FIELDS else getattr(item, name) for name in ITEM_FIELDS
    )
