"""Reminders (issue #4) as data: groups, order, filters, staleness, review states."""

from __future__ import annotations

import datetime as dt

from tracker.domain.model import Kind, Precision, ReviewState, Window
from tracker.services import review, tracking
from tracker.services.reminders import build_reminders, list_stale, stream_reminders

D = dt.date
AT = dt.datetime(2017, 1, 10, 12, 0, tzinfo=dt.UTC)


def days(first: dt.date, last: dt.date) -> Window:
    return Window(first, last, Precision.DAYS, f"{first}..{last}")


def _ids(group):
    """Item ids of reminders (build_reminders) or of stale items (list_stale)."""
    return [getattr(entry, "item", entry).id for entry in group]


def test_groups_and_their_order(session, add_item):
    older = add_item(window=days(D(2017, 3, 1), D(2017, 3, 31)), city="Belgrade")
    old = add_item(window=days(D(2017, 5, 1), D(2017, 5, 31)), city="Belgrade")
    due = add_item(window=days(D(2017, 6, 1), D(2017, 6, 20)), city="Belgrade")
    opening = add_item(window=days(D(2017, 6, 25), D(2017, 12, 31)), city="Belgrade")
    add_item(window=days(D(2017, 9, 1), D(2017, 9, 30)), city="Belgrade")  # later: not reminded
    add_item(window=days(D(2017, 1, 1), D(2017, 12, 31)), city="Belgrade")  # running: not reminded
    result = build_reminders(session, D(2017, 6, 10), 30)
    assert _ids(result.overdue) == [older.id, old.id]  # oldest first
    assert [r.days_overdue for r in result.overdue] == [71, 10]
    assert _ids(result.due_soon) == [due.id] and result.due_soon[0].days_left == 10
    assert _ids(result.opening_soon) == [opening.id] and result.opening_soon[0].opens_in_days == 15
    assert result.counts == {"overdue": 2, "due_soon": 1, "opening_soon": 1, "stale": 0, "late_cadences": 0}


def test_inactive_and_rejected_items_are_left_out_unreviewed_kept(session, add_item):
    done = add_item(city="Belgrade")
    tracking.complete_item(session, done.id, on=D(2017, 5, 1), at=AT)
    cancelled = add_item(city="Belgrade")
    tracking.cancel_item(session, cancelled.id, at=AT)
    rejected = add_item(city="Belgrade")
    review.reject_item(session, rejected.id, at=AT)
    unreviewed = add_item(city="Belgrade")
    result = build_reminders(session, D(2018, 1, 2), 30)
    assert _ids(result.overdue) == [unreviewed.id] and result.overdue[0].unreviewed


def test_party_and_kind_filters(session, add_item):
    by = add_item()
    fr = add_item(parties=["FR", "RS"], kind=Kind.VISIT, city="Paris")
    assert _ids(build_reminders(session, D(2018, 1, 2), 30, party="fr").overdue) == [fr.id]
    assert _ids(build_reminders(session, D(2018, 1, 2), 30, kind="consultations").overdue) == [by.id]


def test_stale_open_ended_items_and_what_counts_as_news(session, add_item, add_meeting):
    quiet = add_item(window=Window.open("soon"), parties=["FR", "RS"], city=None, made_on=D(2016, 1, 10))
    edited = add_item(window=Window.open("soon"), parties=["DE", "RS"], city=None, made_on=D(2016, 1, 10))
    met = add_item(
        window=Window.open("soon"), parties=["AT", "RS"], city=None, made_on=D(2016, 1, 10), kind=Kind.SIGNING
    )
    tracking.edit_item(
        session,
        edited.id,
        {"title": "Opening of an embassy"},
        at=dt.datetime(2016, 9, 1, tzinfo=dt.UTC),
    )
    add_meeting(D(2016, 8, 1), parties=["AT", "RS", "HU"], kind=Kind.SUMMIT, city="Vienna")  # news for `met`
    stale = list_stale(session, D(2017, 2, 1), 12)
    assert _ids(stale) == [quiet.id] and stale[0].last_news == D(2016, 1, 10)
    assert _ids(list_stale(session, D(2017, 9, 1), 12)) == [quiet.id, met.id, edited.id]
    assert _ids(list_stale(session, D(2017, 2, 1), 24)) == []
    assert _ids(build_reminders(session, D(2017, 2, 1), 30, stale_months=12).stale) == [quiet.id]


def test_late_cadence_is_reminded(session, add_meeting):
    add_meeting(D(2015, 10, 1))
    add_meeting(D(2016, 10, 1))
    result = build_reminders(session, D(2018, 6, 1), 30)
    assert [(c.parties, c.late) for c in result.late_cadences] == [(["BY", "RS"], True)]
    assert not result.empty


def test_nothing_due(session, add_item):
    add_item()
    assert build_reminders(session, D(2017, 3, 1), 30).empty


def _reminder_fields(reminder):
    return (
        reminder.id,
        reminder.record,
        reminder.window_end,
        reminder.unreviewed,
        reminder.days_overdue,
        reminder.days_left,
        reminder.opens_in_days,
    )


def test_streamed_reminders_are_the_built_ones_in_the_same_order(session, add_item, add_meeting):
    """Issue #16: text `remind` streams its items; the database sorts them as build_reminders does."""
    for end in (D(2017, 5, 31), D(2017, 3, 31), D(2017, 5, 31)):  # ties on the window end go by id
        add_item(window=days(D(2017, 3, 1), end), city="Belgrade")
    add_item(window=days(D(2017, 3, 1), D(2017, 3, 31)), city="Belgrade", review=ReviewState.CONFIRMED)
    for end in (D(2017, 7, 10), D(2017, 6, 20), D(2017, 6, 10)):  # due today counts as due soon
        add_item(window=days(D(2017, 6, 1), end), parties=["FR", "RS"], kind=Kind.VISIT)
    for start in (D(2017, 7, 5), D(2017, 6, 25), D(2017, 7, 5)):
        add_item(window=days(start, D(2017, 12, 31)), city="Paris", parties=["FR"])
    add_item(window=Window.open("soon"), parties=["DE", "RS"], city=None, made_on=D(2015, 1, 10))
    add_meeting(D(2017, 5, 2), kind=Kind.TALKS, city="Belgrade")  # a possible match, awaiting review
    for party, kind in ((None, None), ("FR", None), (None, "consultations")):
        built = build_reminders(session, D(2017, 6, 10), 30, party=party, kind=kind)
        stream = stream_reminders(session, D(2017, 6, 10), 30, party=party, kind=kind)
        assert stream.counts == built.counts and stream.empty == built.empty
        dated = list(stream.iter_dated())
        assert [(group, _reminder_fields(r)) for group, r in dated] == [
            (group, _reminder_fields(r))
            for group in ("overdue", "due_soon", "opening_soon")
            for r in getattr(built, group)
        ]
        assert [(r.id, r.last_news) for r in stream.stale] == [(r.id, r.last_news) for r in built.stale]
        assert stream.possible_matches == built.possible_matches
    assert built.counts["overdue"] == 4 and stream.possible_matches
