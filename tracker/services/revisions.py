"""Revisions: another text at the web address of a stored release is a new revision of it, not a new release.

A ministry edits a release in place (corrects a date, adds a paragraph). What the
new text gives is compared with what was read from the earlier revisions at that
address: a meeting or item it still gives is kept as it is (same id, no history);
only what is new is stored; one it no longer gives is withdrawn (rejected in
review, with a history row naming the revision) when nothing has changed it since
it was read. One that a person confirmed or edited, or that fulfilment or a
CalDAV app changed, is never withdrawn: it is kept and put back for review. A text
from which nothing at all is read (another language, an error page served in its
place) withdraws nothing: it says more about the page than about the release.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.orm import Session

from tracker.domain.identity import normalise_text
from tracker.domain.model import Commitment, Extraction, LinkState, Meeting, ReviewState
from tracker.services import fulfilment
from tracker.storage import models as m
from tracker.storage.documents import (
    find_last_revision,
    list_commitments_of_address,
    list_meetings_of_address,
)
from tracker.storage.history import add_history, record_changes
from tracker.storage.matching import MeetingCandidate, list_links

__all__ = ["Revision", "plan_revision", "withdraw_missing"]

_Named = tuple[str, int]  # ("meeting" | "item", id)


@dataclass
class Revision:
    """A new text at a known address: its number, and how what it gives compares with what is stored."""

    url_sha256: str
    number: int
    read_nothing: bool = False  # no meeting nor item read from the new text: nothing is withdrawn
    one_meeting: bool = False  # the new text gives one meeting: the items it gives were agreed there
    kept_meeting_id: int | None = None  # that meeting, when it was stored before
    missing_meetings: list[m.Meeting] = field(default_factory=list)
    missing_items: list[m.Commitment] = field(default_factory=list)

    def agreed_meeting(
        self, session: Session, new_meetings: Sequence[MeetingCandidate]
    ) -> MeetingCandidate | None:
        """The meeting the new text's items were agreed at: its one meeting, kept or just stored."""
        if not self.one_meeting:
            return None
        if self.kept_meeting_id is not None:
            return fulfilment.stored_meeting(session, self.kept_meeting_id)
        return new_meetings[0] if new_meetings else None

    def sort_missing(self, session: Session) -> tuple[list[_Named], list[_Named]]:
        """What the new text no longer gives, as ("meeting" | "item", id): to withdraw, and to keep for
        review (changed since it was read, or a meeting a person confirmed as fulfilling an item)."""
        withdraw: list[_Named] = []
        keep: list[_Named] = []
        for meeting in self.missing_meetings:
            confirmed = list_links(session, meeting_id=meeting.id, states=(LinkState.CONFIRMED,))
            (keep if _changed(meeting) or confirmed else withdraw).append(("meeting", meeting.id))
        for item in self.missing_items:
            (keep if _changed(item) else withdraw).append(("item", item.id))
        return withdraw, keep


def plan_revision(session: Session, url_sha256: str, extraction: Extraction) -> Revision | None:
    """Compare `extraction` with what earlier revisions at the address gave; None when none is stored.

    The meetings and items of `extraction` already stored are taken out of it, so that
    only the new ones are stored. Reads only (a dry run plans too).
    """
    last = find_last_revision(session, url_sha256)
    if last is None:
        return None
    plan = Revision(url_sha256, last + 1)
    if not extraction.meetings and not extraction.commitments:
        plan.read_nothing = True
        return plan
    single = len(extraction.meetings) == 1
    kept_meetings, plan.missing_meetings = _pair(
        extraction.meetings, list_meetings_of_address(session, url_sha256), _same_meeting
    )
    plan.one_meeting = single
    if single and kept_meetings:
        plan.kept_meeting_id = kept_meetings[0].id
    # An item put off ("postponed to June") moves the item it names and is never stored itself.
    postponements = [item for item in extraction.commitments if item.postponed]
    items = [item for item in extraction.commitments if not item.postponed]
    kept_items, plan.missing_items = _pair(
        items, list_commitments_of_address(session, url_sha256), _same_item
    )
    extraction.meetings = [meeting for i, meeting in enumerate(extraction.meetings) if i not in kept_meetings]
    extraction.commitments = [item for i, item in enumerate(items) if i not in kept_items] + postponements
    return plan


def withdraw_missing(
    session: Session, plan: Revision, *, source: str, at: dt.datetime
) -> tuple[list[_Named], list[_Named]]:
    """Withdraw what the new revision no longer gives, or put it back for review (`Revision.sort_missing`);
    each with a history row naming the revision. Returns what was withdrawn and what was kept for review."""
    why = f"not in revision {plan.number} of {source}"
    withdraw, keep = plan.sort_missing(session)
    rows: dict[_Named, m.Meeting | m.Commitment] = {("meeting", row.id): row for row in plan.missing_meetings}
    rows.update({("item", row.id): row for row in plan.missing_items})
    for named in withdraw:
        row = rows[named]
        if isinstance(row, m.Meeting):
            # An item it fulfilled, or may fulfil, is open again; its history says why.
            for link in list_links(session, meeting_id=row.id, states=LinkState.PENDING):
                fulfilment.reject_link(session, link.id, at=at, reason=f"meeting #{row.id} withdrawn: {why}")
        record_changes(session, row, {"review": str(ReviewState.REJECTED)}, at=at, reason=f"withdrawn: {why}")
    for named in keep:
        _flag(session, rows[named], why, at)
    return withdraw, keep


def _flag(session: Session, row: m.Meeting | m.Commitment, why: str, at: dt.datetime) -> None:
    """Put `row` back among what awaits review, saying why; it is kept as it is."""
    reason = f"{why}; kept, as it was changed after it was read: review it"
    if row.review == str(ReviewState.UNREVIEWED):
        add_history(
            session,
            entity="meeting" if isinstance(row, m.Meeting) else "commitment",
            entity_id=row.id,
            field="review",
            old=row.review,
            new=row.review,
            at=at,
            reason=reason,
        )
    else:
        record_changes(session, row, {"review": str(ReviewState.UNREVIEWED)}, at=at, reason=reason)


def _changed(row: m.Meeting | m.Commitment) -> bool:
    """Whether anyone or anything changed `row` since it was read: reviewed, edited, fulfilled, moved."""
    return row.review != str(ReviewState.UNREVIEWED) or row.sequence > 0


def _said(text: str | None) -> str:
    return normalise_text(text or "")


def _same_meeting(meeting: Meeting, row: m.Meeting) -> bool:
    """`meeting`, read from the new text, is `row`: the same kind from the same sentence, and on the
    same days unless `row` was changed since (its days may have been corrected by hand)."""
    said = meeting.evidence.text if meeting.evidence else None
    return (
        str(meeting.kind) == row.kind
        and _said(said) == _said(row.evidence_text)
        and (_changed(row) or (meeting.start, meeting.end) == (row.start_date, row.end_date))
    )


def _same_item(item: Commitment, row: m.Commitment) -> bool:
    """As `_same_meeting`, for an item and its window."""
    said = item.evidence.text if item.evidence else None
    return (
        str(item.kind) == row.kind
        and _said(said) == _said(row.evidence_text)
        and (_changed(row) or (item.window.start, item.window.end) == (row.window_start, row.window_end))
    )


_Read = TypeVar("_Read", Meeting, Commitment)
_Row = TypeVar("_Row", m.Meeting, m.Commitment)


def _pair(
    candidates: Sequence[_Read], rows: list[_Row], same: Callable[[_Read, _Row], bool]
) -> tuple[dict[int, _Row], list[_Row]]:
    """Index in `candidates` -> the stored row it is, and the rows none of them is.

    Rows changed since they were read are paired first, so that of two stored copies of one
    meeting (a release stored twice before revisions existed) the one a person worked on is kept.
    """
    free = dict(enumerate(candidates))
    pairs: dict[int, _Row] = {}
    missing: list[_Row] = []
    for row in sorted(rows, key=lambda row: (not _changed(row), row.id)):
        index = next((i for i, candidate in free.items() if same(candidate, row)), None)
        if index is None:
            missing.append(row)
        else:
            pairs[index] = row
            del free[index]
    missing.sort(key=lambda row: row.id)
    return pairs, missing
