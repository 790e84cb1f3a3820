"""Automatic fulfilment: a meeting that took place closes the commitment it was promised as.

When a meeting is stored (ingested or added by hand) it is compared with the
active items that could fit it (`tracker.storage.matching` finds them in one
query; the rules are `tracker.domain.status.assess_match`). One clear match is
linked at once: the item becomes fulfilled, a fulfilment link in state `auto` and
a history row say why. Several clear matches, or a doubtful one, give `proposed`
links that change nothing until a desk officer confirms them (`tracker review`).
Items are also compared with the meetings already stored when they are added or
corrected, because press releases do not arrive in order.

Link states: proposed -> confirmed | rejected; auto -> confirmed | rejected. A
pair (item, meeting) is linked at most once, so a rejected link is never proposed
again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from tracker.domain.model import Kind, LinkState, Meeting, ReviewState, Status
from tracker.domain.status import (
    ACTIVE_STATUSES,
    KIND_COMPATIBILITY,
    MatchAssessment,
    Verdict,
    assess_match,
    fulfilment_mismatches,
    is_active_state,
)
from tracker.errors import ConflictError, NotFoundError
from tracker.limits import MAX_ID
from tracker.storage import matching, repo
from tracker.storage import models as m
from tracker.storage.documents import StoredDocument
from tracker.storage.history import add_history, record_changes
from tracker.storage.items import list_possible_matches
from tracker.storage.matching import ItemCandidate, MeetingCandidate, list_links

__all__ = [
    "LinkState",
    "LinkOutcome",
    "match_fulfilments",
    "match_item",
    "match_documents",
    "list_links",
    "get_link",
    "confirm_link",
    "reject_link",
    "link_confirmed",
    "item_made_on",
    "list_possible_matches",
    "reassess_meeting_links",
]


@dataclass(frozen=True)
class LinkOutcome:
    """What matching did for one (item, meeting) pair."""

    link_id: int
    commitment_id: int
    meeting_id: int
    state: str
    reason: str
    late: bool = False

    @property
    def fulfilled(self) -> bool:
        return self.state == LinkState.AUTO


def _meeting_summary(meeting: Meeting) -> str:
    return f"meeting #{meeting.id} ({meeting.kind}, {meeting.city or 'no city'}, {meeting.start})"


def item_made_on(item: m.Commitment) -> dt.date | None:
    """The day an item was made: stated, else the day of the meeting it was agreed at, else its text's date."""
    if item.made_on is not None:
        return item.made_on
    if item.agreed_meeting is not None:
        return item.agreed_meeting.start_date
    return item.document.published if item.document is not None else None


def _item_kinds_for(meeting_kind: str) -> list[str]:
    """Item kinds a meeting of `meeting_kind` may fulfil (the compatibility table read backwards)."""
    kind = Kind(meeting_kind)
    return [
        str(item_kind)
        for item_kind, (strict, loose) in KIND_COMPATIBILITY.items()
        if kind in strict or kind in loose
    ]


def _meeting_kinds_for(item_kind: str) -> list[str]:
    """Meeting kinds that may fulfil an item of `item_kind`."""
    strict, loose = KIND_COMPATIBILITY[Kind(item_kind)]
    return sorted(str(kind) for kind in strict | loose)


def _add_link(
    session: Session, item_id: int, meeting_id: int, state: str, reason: str, at: dt.datetime
) -> m.FulfilmentLink:
    link = m.FulfilmentLink(
        commitment_id=item_id, meeting_id=meeting_id, state=state, reason=reason, created_at=at
    )
    session.add(link)
    session.flush()
    return link


def _fulfil(
    session: Session, item: m.Commitment, meeting_id: int, held_on: dt.date, *, at: dt.datetime, reason: str
) -> None:
    record_changes(
        session,
        item,
        {
            "status": str(Status.FULFILLED),
            "fulfilled_meeting_id": meeting_id,
            "fulfilled_on": held_on,
        },
        at=at,
        reason=reason,
    )


def _link(
    session: Session,
    item: m.Commitment,
    stored: MeetingCandidate,
    assessment: MatchAssessment,
    *,
    at: dt.datetime,
    propose: bool,
    extra_doubt: str | None = None,
) -> LinkOutcome:
    meeting = stored.meeting
    explanation = assessment.explanation
    if extra_doubt:
        explanation += ("; " if assessment.doubts else "; doubtful: ") + extra_doubt
    if propose:
        link = _add_link(session, item.id, stored.id, LinkState.PROPOSED, explanation, at)
        add_history(
            session,
            entity="commitment",
            entity_id=item.id,
            field="fulfilment_link",
            old=None,
            new=f"link #{link.id} proposed: meeting #{stored.id}",
            at=at,
            reason=f"{_meeting_summary(meeting)} may fulfil it: {explanation}",
        )
        item.updated_at = at
    else:
        link = _add_link(session, item.id, stored.id, LinkState.AUTO, explanation, at)
        _fulfil(
            session,
            item,
            stored.id,
            meeting.start,
            at=at,
            reason=f"fulfilled automatically by {_meeting_summary(meeting)} (link #{link.id}): {explanation}",
        )
    return LinkOutcome(link.id, item.id, stored.id, link.state, explanation, assessment.late)


def _never_fulfils(item: ItemCandidate, meeting: MeetingCandidate) -> bool:
    """The meeting an item was agreed at, or one read from the same text, never fulfils it."""
    return item.agreed_meeting_id == meeting.id or (
        item.document_id is not None and item.document_id == meeting.document_id
    )


def stored_meeting(session: Session, meeting_id: int) -> MeetingCandidate:
    row = repo.get_meeting(session, meeting_id)
    return MeetingCandidate(row.id, repo.meeting_to_domain(row), row.document_id)


def match_fulfilments(session: Session, meeting_row: m.Meeting, *, at: dt.datetime) -> list[LinkOutcome]:
    """Compare a stored meeting with every active item; link a single clear match, propose the rest.

    :param meeting_row: the meeting, already flushed (it has an id).
    :param at: the instant written to links and history.
    :returns: one outcome per new link, auto (fulfilled) or proposed.
    """
    repo.lock_for_ingest(session)  # a meeting added by hand sees an item being ingested (#17)
    stored = MeetingCandidate(meeting_row.id, repo.meeting_to_domain(meeting_row), meeting_row.document_id)
    return _match_meeting(session, stored, at=at)


def _match_meeting(
    session: Session, stored: MeetingCandidate, *, at: dt.datetime, unseen: frozenset[int] = frozenset()
) -> list[LinkOutcome]:
    """Match a stored meeting with the stored items, those read from the documents `unseen` left out."""
    meeting_view = stored.meeting
    if meeting_view.review == ReviewState.REJECTED:
        return []
    # Locked, in id order, and read afresh: an item being rescheduled or edited at this
    # moment is decided on with its new window, and its change is never overwritten (#17).
    query = _item_query(meeting_view)
    candidates = matching.list_item_candidates(
        session, kinds=query.kinds, parties=query.parties, city=query.city, held_on=query.held_on
    )
    known = matching.list_linked_pairs(
        session, commitment_ids=[c.id for c in candidates], meeting_ids=[stored.id]
    )
    assessed = []
    for candidate in candidates:
        if (candidate.id, stored.id) in known or candidate.document_id in unseen:
            continue
        if _never_fulfils(candidate, stored):
            continue
        assessment = assess_match(candidate.item, meeting_view, made_on=candidate.made_on)
        if assessment.verdict is not Verdict.NONE:
            assessed.append((candidate.id, assessment))
    clear = [(i, a) for i, a in assessed if a.verdict is Verdict.CLEAR]
    doubtful = [(i, a) for i, a in assessed if a.verdict is Verdict.DOUBTFUL]
    outcomes = []
    several = f"this meeting clearly fits {len(clear)} open items" if len(clear) > 1 else None
    for item_id, assessment in clear + doubtful:
        item = repo.get_commitment(session, item_id, for_update=True)
        propose = bool(several) or assessment.verdict is Verdict.DOUBTFUL
        extra = several if assessment.verdict is Verdict.CLEAR else None
        outcomes.append(_link(session, item, stored, assessment, at=at, propose=propose, extra_doubt=extra))
    return outcomes


def match_item(session: Session, item_row: m.Commitment, *, at: dt.datetime) -> list[LinkOutcome]:
    """Compare an item with the meetings already stored (a later report may have arrived first).

    Among several clear matches the only one within the window wins; otherwise all
    are proposed.
    """
    if not is_active_state(item_row.status, item_row.review):
        return []
    repo.lock_for_ingest(session)  # an item added by hand sees a meeting being ingested (#17)
    stored = ItemCandidate(
        item_row.id,
        repo.commitment_to_domain(item_row),
        item_made_on(item_row),
        item_row.agreed_meeting_id,
        item_row.document_id,
    )
    return _match_item(session, stored, at=at, item_row=item_row)


def _match_item(
    session: Session,
    stored: ItemCandidate,
    *,
    at: dt.datetime,
    item_row: m.Commitment | None = None,
    unseen: frozenset[int] = frozenset(),
) -> list[LinkOutcome]:
    """Match a stored item with the meetings already stored, those read from the documents `unseen` left
    out; `item_row`, its ORM row if loaded (else it is loaded only to be linked, which is rare)."""
    item_view, made_on = stored.item, stored.made_on
    query = _meeting_query(stored)
    candidates = matching.list_meeting_candidates(
        session, kinds=query.kinds, parties=query.parties, city=query.city, since=query.since
    )
    known = matching.list_linked_pairs(
        session, commitment_ids=[stored.id], meeting_ids=[c.id for c in candidates]
    )
    assessed = []
    for candidate in candidates:
        if (stored.id, candidate.id) in known or candidate.document_id in unseen:
            continue
        if _never_fulfils(stored, candidate):
            continue
        assessment = assess_match(item_view, candidate.meeting, made_on=made_on)
        if assessment.verdict is not Verdict.NONE:
            assessed.append((candidate.id, assessment))
    if assessed and item_row is None:
        item_row = repo.get_commitment(session, stored.id)
    clear = [(i, a) for i, a in assessed if a.verdict is Verdict.CLEAR]
    doubtful = [(i, a) for i, a in assessed if a.verdict is Verdict.DOUBTFUL]
    winner = None
    if len(clear) == 1:
        winner = clear[0][0]
    elif len(clear) > 1:
        in_window = [meeting_id for meeting_id, a in clear if not a.late]
        winner = in_window[0] if len(in_window) == 1 else None
    outcomes: list[LinkOutcome] = []
    if item_row is None:
        return outcomes
    several = f"{len(clear)} stored meetings clearly fit this item" if len(clear) > 1 else None
    for meeting_id, assessment in clear:
        is_winner = meeting_id == winner
        outcomes.append(
            _link(
                session,
                item_row,
                stored_meeting(session, meeting_id),
                assessment,
                at=at,
                propose=not is_winner,
                extra_doubt=None if is_winner else several,
            )
        )
    for meeting_id, assessment in doubtful:
        outcomes.append(
            _link(
                session,
                item_row,
                stored_meeting(session, meeting_id),
                assessment,
                at=at,
                propose=True,
            )
        )
    return outcomes


def match_documents(
    session: Session, written: Sequence[tuple[StoredDocument, dt.datetime]]
) -> list[list[LinkOutcome]]:
    """Match what each ingested document brought, as just stored (at the instant given with it): its
    meetings against stored items, then its items against stored meetings. Returns each one's new links.

    The documents were stored together, in this order, and each is matched as if it had been stored
    alone: it sees the documents before it, not those after. The meetings and items come as
    `storage.documents` returns them (nothing is read again); the caller holds the ingest lock
    (`repo.lock_for_ingest`). Which of them may find anything is asked for all at once, in two
    statements (issue #16: most find nothing, and a round trip costs more than the query); only
    those that may are matched, one at a time, as before. A link made meanwhile only ever takes an
    item out of the candidates, so one found with none has none when its turn comes.
    """
    work: list[tuple[int, MeetingCandidate | ItemCandidate, set[int | None]]] = []
    meetings = [
        (position, meeting)
        for position, (document, _) in enumerate(written)
        for meeting in sorted(document.meetings, key=lambda stored: (stored.meeting.start, stored.id))
        if meeting.meeting.review != ReviewState.REJECTED
    ]
    items = [
        (position, item)
        for position, (document, _) in enumerate(written)
        for item in sorted(document.items, key=lambda stored: stored.id)
        if is_active_state(item.item.status, item.item.review)
    ]
    found_for_meetings = matching.list_item_candidate_documents(
        session, [_item_query(meeting.meeting) for _, meeting in meetings]
    )
    found_for_items = matching.list_meeting_candidate_documents(
        session, [_meeting_query(item) for _, item in items]
    )
    work += [(position, meeting, found) for (position, meeting), found in zip(meetings, found_for_meetings)]
    work += [(position, item, found) for (position, item), found in zip(items, found_for_items)]
    outcomes: list[list[LinkOutcome]] = [[] for _ in written]
    # One document after the other (a stable sort): its meetings, then its items, as listed.
    for position, stored, found in sorted(work, key=lambda job: job[0]):
        # Documents after this one, and the candidates they hold, do not exist for it yet.
        unseen = {document.id for document, _ in written[position + 1 :]}
        if not found - unseen - {written[position][0].id}:
            continue  # nothing to compare with but its own document's rows, which never match
        at = written[position][1]
        if isinstance(stored, MeetingCandidate):
            outcomes[position] += _match_meeting(session, stored, at=at, unseen=frozenset(unseen))
        else:
            outcomes[position] += _match_item(session, stored, at=at, unseen=frozenset(unseen))
    return outcomes


def _item_query(meeting: Meeting) -> matching.ItemQuery:
    """The items `meeting` may fulfil."""
    return matching.ItemQuery(
        kinds=_item_kinds_for(meeting.kind), parties=meeting.parties, city=meeting.city, held_on=meeting.start
    )


def _meeting_query(stored: ItemCandidate) -> matching.MeetingQuery:
    """The meetings that may fulfil `stored`."""
    return matching.MeetingQuery(
        kinds=_meeting_kinds_for(stored.item.kind),
        parties=stored.item.parties,
        city=stored.item.city,
        since=stored.made_on,
    )


# Links


def get_link(session: Session, link_id: int) -> m.FulfilmentLink:
    link = session.get(m.FulfilmentLink, link_id) if 0 < link_id <= MAX_ID else None
    if link is None:
        raise NotFoundError(f"no fulfilment link with id {link_id}; `tracker review list` shows them")
    return link


def _lock_link(session: Session, link_id: int) -> m.FulfilmentLink:
    """A link and its item, both locked for a change and read afresh (the item first, as matching locks it)."""
    link = get_link(session, link_id)
    repo.get_commitment(session, link.commitment_id, for_update=True)
    session.refresh(link, with_for_update=True)
    return link


def _set_link_state(
    session: Session, link: m.FulfilmentLink, state: str, *, at: dt.datetime, reason: str
) -> None:
    old = link.state
    link.state = state
    add_history(
        session,
        entity="commitment",
        entity_id=link.commitment_id,
        field="fulfilment_link",
        old=f"link #{link.id} {old}",
        new=f"link #{link.id} {state}",
        at=at,
        reason=reason,
    )


def confirm_link(
    session: Session, link_id: int, *, at: dt.datetime, reason: str = "confirmed in review"
) -> m.FulfilmentLink:
    """Confirm a link; a proposed one then fulfils its item (which must still be active)."""
    link = _lock_link(session, link_id)
    if link.state == LinkState.CONFIRMED:
        return link
    if link.state == LinkState.REJECTED:
        raise ConflictError(
            f"link #{link.id} was rejected; fulfil the item with `tracker items done "
            f"{link.commitment_id} --meeting {link.meeting_id}` instead"
        )
    item = repo.get_commitment(session, link.commitment_id, for_update=True)
    meeting = repo.meeting_to_domain(repo.get_meeting(session, link.meeting_id))
    if link.state == LinkState.PROPOSED:
        if item.status not in ACTIVE_STATUSES:
            raise ConflictError(
                f"item {item.id} is already {item.status}"
                + (f" by meeting #{item.fulfilled_meeting_id}" if item.fulfilled_meeting_id else "")
                + f"; reject link #{link.id} or reopen the item first"
            )
        _fulfil(
            session,
            item,
            link.meeting_id,
            meeting.start,
            at=at,
            reason=f"{reason}: fulfilled by {_meeting_summary(meeting)} (link #{link.id})",
        )
    _set_link_state(session, link, LinkState.CONFIRMED, at=at, reason=reason)
    session.flush()
    return link


def reassess_meeting_links(
    session: Session, meeting_row: m.Meeting, *, at: dt.datetime
) -> list[m.FulfilmentLink]:
    """Read again the pending links of a meeting that was edited, and update each reason that changed.

    An automatic link is judged as if its item were still open. A link that no longer fits
    keeps its state (review decides) and says why it no longer fits; every change is in the
    item's history (issue #14: an edited meeting kept its links' old reasons).
    """
    meeting_view = repo.meeting_to_domain(meeting_row)
    updated = []
    for link in list_links(session, meeting_id=meeting_row.id, states=LinkState.PENDING):
        item = repo.get_commitment(session, link.commitment_id)
        view = repo.commitment_to_domain(item)
        if item.status == str(Status.FULFILLED) and item.fulfilled_meeting_id == meeting_row.id:
            view = dataclasses.replace(view, status=Status(_status_before_fulfilment(session, item)))
        made_on = item_made_on(item)
        assessment = assess_match(view, meeting_view, made_on=made_on)
        if assessment.verdict is Verdict.NONE:
            conflicts, doubts = fulfilment_mismatches(view, meeting_view, made_on=made_on)
            why = "; ".join(conflicts + doubts) or "the kind or the dates no longer match"
            reason = f"no longer fits since the meeting was edited: {why}"
        else:
            reason = assessment.explanation
        if reason == link.reason:
            continue
        add_history(
            session,
            entity="commitment",
            entity_id=item.id,
            field="fulfilment_link",
            old=f"link #{link.id}: {link.reason}",
            new=f"link #{link.id}: {reason}",
            at=at,
            reason=f"{_meeting_summary(meeting_view)} was edited",
        )
        link.reason = reason
        updated.append(link)
    session.flush()
    return updated


def _status_before_fulfilment(session: Session, item: m.Commitment) -> str:
    """The status an item had before it was marked fulfilled (open when the history does not say)."""
    for change in reversed(repo.list_history(session, "commitment", item.id)):
        if change.field == "status" and change.new_value == str(Status.FULFILLED):
            return change.old_value or str(Status.OPEN)
    return str(Status.OPEN)


def reject_link(
    session: Session, link_id: int, *, at: dt.datetime, reason: str = "rejected in review"
) -> m.FulfilmentLink:
    """Reject a link; when it had fulfilled its item, the item is active again (its old status back)."""
    link = _lock_link(session, link_id)
    if link.state == LinkState.REJECTED:
        return link
    item = repo.get_commitment(session, link.commitment_id, for_update=True)
    if item.status == str(Status.FULFILLED) and item.fulfilled_meeting_id == link.meeting_id:
        record_changes(
            session,
            item,
            {
                "status": _status_before_fulfilment(session, item),
                "fulfilled_meeting_id": None,
                "fulfilled_on": None,
            },
            at=at,
            reason=f"{reason}: meeting #{link.meeting_id} did not fulfil it (link #{link.id})",
        )
    _set_link_state(session, link, LinkState.REJECTED, at=at, reason=reason)
    session.flush()
    return link


def link_confirmed(
    session: Session, item: m.Commitment, meeting: m.Meeting, *, at: dt.datetime, reason: str
) -> m.FulfilmentLink:
    """Record that a desk officer fulfilled `item` by `meeting` by hand: a confirmed link."""
    existing = list_links(session, commitment_id=item.id, meeting_id=meeting.id)
    if existing:
        link = existing[0]
        if link.state != LinkState.CONFIRMED:
            _set_link_state(session, link, LinkState.CONFIRMED, at=at, reason=reason)
        return link
    return _add_link(session, item.id, meeting.id, LinkState.CONFIRMED, reason, at)
