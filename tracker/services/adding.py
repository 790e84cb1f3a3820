"""Adding an item by hand without the ORM unless fulfilment matching has work to do.

`tracker items add` is a short process that scripts call in loops (issue #16).
The item, its parties and its "created" history row are written with Core
inserts; SQLAlchemy's ORM, which fulfilment matching uses, is loaded only when a
stored meeting could fulfil the new item. The outcome is that of
`tracker.services.tracking.add_item`, which writes through the ORM. `check_item`
imports no database code: `tracker.speed.dbapi` checks with it too.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tracker import limits
from tracker.domain.model import Commitment
from tracker.domain.status import is_active_state

if TYPE_CHECKING:
    from sqlalchemy import Connection

__all__ = ["ADDED_BY_HAND", "check_item", "add_item"]

ADDED_BY_HAND = "added by hand"  # the reason of the "created" history row


def check_item(item: Commitment) -> None:
    """Refuse an item with a value beyond `tracker.limits` (InputError) before anything is stored."""
    limits.check_fields(
        {
            "title": item.title,
            "city": item.city,
            "country": item.country,
            "timezone": item.timezone,
            "parties": item.parties,
            "window_start": item.window.start,
            "window_end": item.window.end,
            "window_text": item.window.text,
            "made_on": item.made_on,
        },
        entity="item",
    )


def add_item(
    connection: Connection, item: Commitment, *, at: dt.datetime, reason: str = ADDED_BY_HAND
) -> int:
    """Store an item made by hand and compare it with the meetings already stored; its id."""
    from tracker.storage import items
    from tracker.storage.writers import lock_for_ingest

    check_item(item)
    # The writers' turn first, as matching takes it: a meeting being ingested meanwhile sees this item (#17).
    lock_for_ingest(connection)
    item_id = items.add_item(connection, item, at=at, reason=reason)
    if is_active_state(item.status, item.review) and items.any_meeting_could_fulfil(
        connection, parties=item.parties, since=item.made_on
    ):
        from tracker.services.fulfilment import match_item
        from tracker.storage import repo
        from tracker.storage.db import session_on

        with session_on(connection) as session:
            match_item(session, repo.get_commitment(session, item_id), at=at)
    return item_id
