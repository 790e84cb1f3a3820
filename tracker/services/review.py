"""Review: a desk officer confirms or rejects what the machine read and linked.

Items read from texts start `unreviewed` (items typed in by hand start
`confirmed`). Fulfilment links start `auto` (applied: the item is fulfilled) or
`proposed` (not applied). The queue holds unreviewed items and pending links;
a proposed link whose item is no longer active (fulfilled otherwise, cancelled,
rejected) leaves the queue. Rejected items drop out of reminders and default
lists; unreviewed ones stay everywhere, marked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from tracker.domain import model as domain
from tracker.domain.model import ReviewState
from tracker.domain.status import ACTIVE_STATUSES, is_active_state
from tracker.errors import ConflictError
from tracker.services import fulfilment
from tracker.services.fulfilment import LinkState
from tracker.services.tracking import record_changes
from tracker.storage import models as m
from tracker.storage import repo
from tracker.storage.items import list_unreviewed_item_ids

__all__ = [
    "PendingLink",
    "ReviewQueue",
    "list_pending",
    "confirm_item",
    "reject_item",
    "confirm_link",
    "reject_link",
]


@dataclass(frozen=True)
class PendingLink:
    """A fulfilment link awaiting review, with its item and meeting."""

    id: int
    state: str
    reason: str
    item: domain.Commitment
    meeting: domain.Meeting


@dataclass
class ReviewQueue:
    items: list[domain.Commitment] = field(default_factory=list)
    links: list[PendingLink] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.items) + len(self.links)


def list_pending(session: Session) -> ReviewQueue:
    """Unreviewed items (by id), then links awaiting review (by id)."""
    queue = ReviewQueue(
        items=[
            repo.commitment_to_domain(repo.get_commitment(session, item_id))
            for item_id in list_unreviewed_item_ids(session)
        ]
    )
    for link in fulfilment.list_links(session, states=LinkState.PENDING):
        item = repo.get_commitment(session, link.commitment_id)
        if link.state == LinkState.PROPOSED and not is_active_state(item.status, item.review):
            continue
        meeting = repo.get_meeting(session, link.meeting_id)
        queue.links.append(
            PendingLink(
                link.id,
                link.state,
                link.reason,
                repo.commitment_to_domain(item),
                repo.meeting_to_domain(meeting),
            )
        )
    return queue


def _set_review(
    session: Session, item_id: int, state: ReviewState, *, at: dt.datetime, reason: str
) -> m.Commitment:
    row = repo.get_commitment(session, item_id, for_update=True)
    record_changes(session, row, {"review": state.value}, at=at, reason=reason)
    return row


def confirm_item(
    session: Session, item_id: int, *, at: dt.datetime, reason: str = "confirmed in review"
) -> m.Commitment:
    """Mark an item as read correctly (a rejected one comes back)."""
    row = _set_review(session, item_id, ReviewState.CONFIRMED, at=at, reason=reason)
    if row.status in ACTIVE_STATUSES:
        fulfilment.match_item(session, row, at=at)
    return row


def reject_item(
    session: Session, item_id: int, *, at: dt.datetime, reason: str = "rejected in review"
) -> m.Commitment:
    """Mark an item as misread: it leaves reminders, lists (unless asked) and matching.

    Its status is kept, so confirming it later brings it back as it was.
    """
    return _set_review(session, item_id, ReviewState.REJECTED, at=at, reason=reason)


def confirm_link(
    session: Session, link_id: int, *, at: dt.datetime, reason: str = "confirmed in review"
) -> m.FulfilmentLink:
    """Confirm a link; a proposed link then fulfils its item. See `fulfilment.confirm_link`."""
    link = fulfilment.get_link(session, link_id)
    item = repo.get_commitment(session, link.commitment_id, for_update=True)
    if item.review == ReviewState.REJECTED.value:
        raise ConflictError(
            f"item {item.id} was rejected in review; confirm it first (`tracker review confirm {item.id}`)"
        )
    return fulfilment.confirm_link(session, link_id, at=at, reason=reason)


def reject_link(
    session: Session, link_id: int, *, at: dt.datetime, reason: str = "rejected in review"
) -> m.FulfilmentLink:
    """Reject a link; an item it had fulfilled is active again. See `fulfilment.reject_link`."""
    return fulfilment.reject_link(session, link_id, at=at, reason=reason)
