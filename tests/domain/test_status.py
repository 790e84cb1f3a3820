"""Pure status rules of issue #4: derived states, staleness, and the meeting-to-item match table."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain.model import Commitment, Firmness, Kind, Meeting, Precision, ReviewState, Status, Window
from tracker.domain.status import (
    State,
    Verdict,
    add_months,
    assess_match,
    days_overdue,
    derive_state,
    is_stale,
    kind_compatibility,
    last_news,
)

D = dt.date
YEAR_2017 = Window(D(2017, 1, 1), D(2017, 12, 31), Precision.YEAR, "in 2017")


def item(**changes) -> Commitment:
    values = dict(
        kind=Kind.CONSULTATIONS,
        firmness=Firmness.IN_PRINCIPLE,
        window=YEAR_2017,
        parties=["BY", "RS"],
        city="Minsk",
        made_on=D(2016, 10, 6),
    )
    values.update(changes)
    return Commitment(**values)


def meeting(start: dt.date, **changes) -> Meeting:
    values = dict(kind=Kind.CONSULTATIONS, start=start, end=start, city="Minsk", parties=["BY", "RS"])
    values.update(changes)
    return Meeting(**values)


@pytest.mark.parametrize(
    "today, state, overdue",
    [
        (D(2017, 6, 1), State.UPCOMING, 0),
        (D(2017, 12, 1), State.DUE_SOON, 0),
        (D(2017, 12, 31), State.DUE_SOON, 0),  # the end day is still in the window
        (D(2018, 1, 1), State.OVERDUE, 1),
        (D(2018, 1, 2), State.OVERDUE, 2),
    ],
)
def test_derived_states_from_the_window(today, state, overdue):
    assert derive_state(item(), today) is state
    assert days_overdue(item(), today) == overdue


def test_fulfilled_late_is_derived_from_the_fulfilment_date():
    on_time = item(status=Status.FULFILLED, fulfilled_on=D(2017, 12, 31))
    late = item(status=Status.FULFILLED, fulfilled_on=D(2018, 1, 1))
    assert derive_state(on_time, D(2019, 1, 1)) is State.FULFILLED
    assert derive_state(late, D(2019, 1, 1)) is State.FULFILLED_LATE


def test_rejected_items_are_never_overdue():
    assert days_overdue(item(review=ReviewState.REJECTED), D(2018, 1, 2)) == 0


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (D(2016, 10, 6), 12, D(2017, 10, 6)),
        (D(2016, 1, 31), 1, D(2016, 2, 29)),  # leap year, clamped
        (D(2017, 1, 31), 1, D(2017, 2, 28)),
        (D(2016, 12, 15), 1, D(2017, 1, 15)),
        (D(2016, 2, 29), 12, D(2017, 2, 28)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_stale_only_for_active_open_ended_items_without_news():
    open_ended = item(window=Window.open("at an early date"))
    assert not is_stale(open_ended, D(2017, 10, 5))
    assert is_stale(open_ended, D(2017, 10, 6))
    assert not is_stale(open_ended, D(2018, 1, 1), news=D(2017, 6, 1))
    assert is_stale(open_ended, D(2018, 6, 1), news=D(2017, 6, 1))
    assert not is_stale(item(), D(2030, 1, 1)), "an item with a window becomes overdue, not stale"
    assert not is_stale(item(window=Window.open(), status=Status.CANCELLED), D(2030, 1, 1))
    assert not is_stale(open_ended, D(2018, 1, 1), stale_months=24)


def test_last_news_ignores_the_future_and_takes_the_latest():
    open_ended = item(window=Window.open())
    assert last_news(open_ended) == D(2016, 10, 6)
    assert last_news(open_ended, history=D(2017, 3, 1), meeting=D(2017, 2, 1)) == D(2017, 3, 1)
    assert last_news(open_ended, history=D(2019, 3, 1), meeting=D(2017, 2, 1), today=D(2018, 1, 1)) == D(
        2017, 2, 1
    )


@pytest.mark.parametrize(
    "item_kind, meeting_kind, verdict",
    [
        (Kind.CONSULTATIONS, Kind.CONSULTATIONS, Verdict.CLEAR),
        (Kind.CONSULTATIONS, Kind.TALKS, Verdict.DOUBTFUL),
        (Kind.CONSULTATIONS, Kind.CALL, Verdict.NONE),
        (Kind.VISIT, Kind.VISIT, Verdict.CLEAR),
        (Kind.VISIT, Kind.SUMMIT, Verdict.DOUBTFUL),
        (Kind.COMMISSION, Kind.COMMISSION, Verdict.CLEAR),
        (Kind.COMMISSION, Kind.CONSULTATIONS, Verdict.NONE),
        (Kind.CALL, Kind.VISIT, Verdict.NONE),
        (Kind.OTHER, Kind.SIGNING, Verdict.DOUBTFUL),
    ],
)
def test_kind_compatibility_table(item_kind, meeting_kind, verdict):
    assert kind_compatibility(item_kind, meeting_kind) is verdict


def test_every_kind_has_a_compatibility_row():
    for kind in Kind:
        kind_compatibility(kind, Kind.MEETING)


@pytest.mark.parametrize(
    "held, changes, verdict, late",
    [
        (meeting(D(2017, 5, 15)), {}, Verdict.CLEAR, False),
        (meeting(D(2018, 3, 20)), {}, Verdict.CLEAR, True),  # after the window: late
        (meeting(D(2017, 5, 15), city="Belgrade"), {}, Verdict.NONE, False),  # another city
        (meeting(D(2017, 5, 15), city="minsk "), {}, Verdict.CLEAR, False),  # city spelling
        (meeting(D(2016, 10, 5)), {}, Verdict.NONE, False),  # before it was made
        (meeting(D(2016, 10, 6)), {}, Verdict.DOUBTFUL, False),  # the day it was made
        (meeting(D(2016, 12, 1)), {}, Verdict.DOUBTFUL, False),  # before the window opened
        (meeting(D(2017, 5, 15), parties=["RS"]), {}, Verdict.NONE, False),  # a party missing
        (meeting(D(2017, 5, 15), parties=["BY", "RS", "RU"]), {}, Verdict.CLEAR, False),
        (meeting(D(2017, 5, 15), kind=Kind.TALKS), {}, Verdict.DOUBTFUL, False),
        (meeting(D(2017, 5, 15), kind=Kind.CALL), {}, Verdict.NONE, False),
        (meeting(D(2017, 5, 15)), {"window": Window.open()}, Verdict.DOUBTFUL, False),
        (meeting(D(2017, 5, 15)), {"status": Status.FULFILLED}, Verdict.NONE, False),
        (meeting(D(2017, 5, 15)), {"status": Status.RESCHEDULED}, Verdict.CLEAR, False),
        (meeting(D(2017, 5, 15)), {"review": ReviewState.REJECTED}, Verdict.NONE, False),
        (meeting(D(2017, 5, 15), city="Belgrade"), {"city": None}, Verdict.CLEAR, False),
        (meeting(D(2017, 5, 15)), {"city": None, "parties": []}, Verdict.DOUBTFUL, False),
    ],
)
def test_assess_match(held, changes, verdict, late):
    promised = item(**changes)
    result = assess_match(promised, held, made_on=promised.made_on)
    assert (result.verdict, result.late) == (verdict, late), result.explanation


def test_match_explanation_says_why():
    result = assess_match(item(), meeting(D(2018, 3, 20)), made_on=D(2016, 10, 6))
    assert "parties BY,RS present" in result.explanation
    assert "79 day(s) after the window ended on 2017-12-31 (late)" in result.explanation
