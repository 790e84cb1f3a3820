"""Cadence (issue #4): series of meetings between the same parties, and when the next round is late."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain.model import Kind, Status, Window
from tracker.services.cadence import list_cadences
from tracker.services.report import build_weekly_report

D = dt.date


def test_series_interval_last_and_expected_next(session, add_meeting):
    for day in (D(2014, 10, 1), D(2015, 10, 1), D(2016, 10, 6)):
        add_meeting(day, city="Belgrade")
    add_meeting(D(2016, 10, 6), city="Belgrade")  # the same round reported twice counts once
    add_meeting(D(2016, 5, 1), kind=Kind.VISIT, parties=["BY"])  # a single meeting is no series
    [series] = list_cadences(session, D(2017, 1, 1))
    assert (series.parties, series.kind, series.meetings) == (["BY", "RS"], "consultations", 3)
    assert series.median_interval_days == 368  # median of 365 and 371
    assert (series.last, series.expected_next) == (D(2016, 10, 6), D(2017, 10, 9))
    assert series.late_after == D(2018, 4, 11) and not series.late


def test_series_is_late_after_one_and_a_half_intervals_without_a_promise(session, add_meeting, add_item):
    add_meeting(D(2015, 10, 1))
    add_meeting(D(2016, 10, 1))  # every 366 days; late after 549 days
    assert not list_cadences(session, D(2018, 4, 3))[0].late  # late AFTER late_after
    late = list_cadences(session, D(2018, 4, 4))[0]
    assert late.late and late.days_late == 1
    add_item(window=Window.open(), made_on=D(2016, 10, 1), city=None)  # a promised round: not late, tracked
    promised = list_cadences(session, D(2018, 4, 4))[0]
    assert not promised.late and promised.active_items == 1


def test_meetings_after_today_are_ignored(session, add_meeting):
    add_meeting(D(2015, 10, 1))
    add_meeting(D(2016, 10, 1))
    assert list_cadences(session, D(2016, 1, 1)) == []


def test_filters(session, add_meeting):
    for day in (D(2015, 1, 1), D(2016, 1, 1)):
        add_meeting(day)
        add_meeting(day, parties=["FR", "DE"], kind=Kind.TALKS, city="Paris")
    assert [c.parties for c in list_cadences(session, D(2017, 1, 1), party="de")] == [["DE", "FR"]]
    assert [c.kind for c in list_cadences(session, D(2017, 1, 1), kind="consultations")] == ["consultations"]
    assert len(list_cadences(session, D(2017, 1, 1))) == 2


def test_active_items_counts_each_active_item_of_a_kind_such_a_meeting_fulfils(
    session, add_meeting, add_item
):
    """Issue #16: items are counted per party set and kind in the database; the count must stay per item."""
    add_meeting(D(2015, 10, 1))
    add_meeting(D(2016, 10, 1))
    promise = dict(window=Window.open(), made_on=D(2016, 10, 1), city=None)
    add_item(**promise)
    add_item(**promise, title="Another round")  # the same kind and parties: counted again
    add_item(**promise, kind=Kind.TALKS, title="Talks")  # a consultations round might fulfil talks
    add_item(**promise, kind=Kind.VISIT, title="A visit")  # no consultations round fulfils a visit
    add_item(**promise, parties=["FR", "RS"], title="Other parties")
    add_item(**promise, parties=["BY", "RS", "FR"], title="More parties")
    add_item(**promise, status=Status.CANCELLED, title="Cancelled")
    [series] = list_cadences(session, D(2018, 4, 4))
    assert series.active_items == 3 and not series.late


@pytest.mark.parametrize("party", [None, "BY", "FR", "HU"])
def test_the_weekly_report_lists_the_late_cadences_with_its_own_counts(session, add_meeting, add_item, party):
    """Issue #16: the report counts each party set's active items of each kind in its one grouped pass
    and hands them to list_cadences; its late cadences are list_cadences' own."""
    for day in (D(2015, 10, 1), D(2016, 10, 1)):
        add_meeting(day)
        add_meeting(day, parties=["DE", "FR"], kind=Kind.TALKS, city="Paris")
        add_meeting(day, parties=["HU", "RS"], kind=Kind.VISIT, city="Budapest")
    promise = dict(window=Window.open(), made_on=D(2016, 10, 1), city=None)
    add_item(**promise, parties=["DE", "FR"], kind=Kind.TALKS)  # the DE+FR round is promised: not late
    add_item(**promise, kind=Kind.VISIT)  # no consultations round fulfils a visit: BY+RS stays late
    add_item(**promise, parties=["HU", "RS"], kind=Kind.VISIT, status=Status.CANCELLED)
    today = D(2018, 4, 10)
    expected = [
        (tuple(c.parties), c.kind, c.days_late)
        for c in list_cadences(session, today)
        if c.late and (party is None or party in c.parties)
    ]
    report = build_weekly_report(session, today=today, party=party)
    assert report.cadences is not None
    assert [(c.parties, c.kind, c.days_late) for c in report.cadences.items] == expected
    assert len(expected) == {None: 2, "BY": 1, "FR": 0, "HU": 1}[party]
