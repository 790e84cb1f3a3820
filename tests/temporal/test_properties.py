"""Hypothesis properties: windows are well formed, the future is not the past, nothing raises.

Profiles "dev" (fast) and "ci" (thorough, derandomized) come from tests/conftest.py.
"""

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from tracker.domain.model import Precision
from tracker.temporal import find_time_expressions, first_full_date, resolve_window

ANCHORS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))
TENSES = st.sampled_from(["past", "future"])

# Words the grammar knows, so random sentences hit its corners and not only plain text.
WORDS = [
    "in",
    "on",
    "by",
    "before",
    "no later than",
    "from",
    "to",
    "between",
    "and",
    "or",
    "the",
    "of",
    "at",
    "early",
    "mid-",
    "late",
    "end",
    "beginning",
    "middle",
    "first half",
    "second half",
    "third quarter",
    "Q1",
    "Q4",
    "H2",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "this",
    "next",
    "last",
    "following",
    "year",
    "month",
    "week",
    "weekend",
    "today",
    "tomorrow",
    "yesterday",
    "soon",
    "shortly",
    "ago",
    "January",
    "February",
    "May",
    "Feb.",
    "Sept",
    "December",
    "Monday",
    "Friday",
    "Sunday",
    "Thu",
    "1",
    "8",
    "9",
    "29",
    "30",
    "31",
    "2016",
    "2017",
    "2020",
    "'17",
    "06.10.2016",
    "2016-02-29",
    "7/2/2017",
    "-",
    "–",
    "—",
    ",",
    ".",
    "/",
    "in the coming weeks",
    "in due course",
    "at a mutually convenient time",
    "later this year",
    "earlier this month",
    "the day after tomorrow",
    "three days ago",
    "1st",
    "6th",
]
SENTENCES = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)

# Expressions that speak of the future: none may end before the anchor.
FUTURE_EXPRESSIONS = [
    "on Friday",
    "on Sunday",
    "next Tuesday",
    "tomorrow",
    "this week",
    "next week",
    "next month",
    "later this month",
    "later this year",
    "this year",
    "next year",
    "the following year",
    "in December",
    "in January",
    "in the fall",
    "in the winter",
    "in the spring",
    "early spring",
    "late autumn",
    "the third quarter",
    "the first quarter",
    "the second half of the year",
    "early next year",
    "soon",
    "in the near future",
    "in the coming weeks",
    "in the coming days",
    "in the coming months",
    "by the end of the year",
    "by the end of the month",
    "late March",
    "on 8-9 August",
    "from 8 to 10 May",
    "on 29 February",
    "on 31 December",
    "on 1 January",
    "late March–early April",
    "in August or September",
    "this weekend",
    "next weekend",
    "at the weekend",
    "next summer",
    "this spring",
    "next May",
    "the end of the month",
]


def check(window):
    if window.precision is Precision.OPEN:
        assert window.start is None and window.end is None
    else:
        assert window.start <= window.end


@given(st.text(max_size=300), st.one_of(st.none(), ANCHORS), TENSES)
def test_random_unicode_never_raises(text, anchor, tense):
    for item in find_time_expressions(text, anchor, tense):
        check(item.window)
        assert text[item.start : item.end] == item.text
    first_full_date(text)
    window = resolve_window(text, anchor, tense)
    if window is not None:
        check(window)


@given(SENTENCES, st.one_of(st.none(), ANCHORS), TENSES)
def test_windows_are_well_formed_and_spans_do_not_overlap(text, anchor, tense):
    found = find_time_expressions(text, anchor, tense)
    for item in found:
        check(item.window)
        assert text[item.start : item.end] == item.text == item.window.text
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


@given(st.sampled_from(FUTURE_EXPRESSIONS), ANCHORS)
def test_future_expressions_never_end_before_the_anchor(expression, anchor):
    window = resolve_window(expression, anchor, "future")
    assert window is not None, expression
    check(window)
    assert window.end >= anchor, (expression, anchor, window)


@given(
    st.sampled_from(
        [
            "on Friday",
            "on Sunday",
            "yesterday",
            "last week",
            "on 8-9 August",
            "in November",
            "last month",
            "last year",
            "three days ago",
            "in the spring",
            "last Friday",
        ]
    ),
    ANCHORS,
)
def test_past_expressions_never_start_after_the_anchor(expression, anchor):
    window = resolve_window(expression, anchor, "past")
    assert window is not None, expression
    check(window)
    assert window.start <= anchor, (expression, anchor, window)


@given(ANCHORS, TENSES)
def test_relative_day_names_land_within_a_week(anchor, tense):
    window = resolve_window("on Wednesday", anchor, tense)
    assert window.start.weekday() == 2
    assert abs((window.start - anchor).days) <= 6


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 12, 31)))
def test_iso_dates_round_trip(day):
    window = resolve_window(day.isoformat(), None)
    assert (window.start, window.end, window.precision) == (day, day, Precision.DAY)
    text = f"Talks were held on {day.day} {day.strftime('%B')} {day.year}."
    assert first_full_date(text) == day


@given(st.integers(1, 31), st.integers(1, 12), st.integers(1990, 2060))
def test_numeric_dates_exist_or_are_skipped(day, month, year):
    try:
        expected = dt.date(year, month, day)
    except ValueError:
        expected = None
    found = find_time_expressions(f"on {day:02d}.{month:02d}.{year}", None)
    if expected is None:
        assert found == []
    else:
        assert [(item.window.start, item.window.precision) for item in found] == [(expected, Precision.DAY)]


@given(ANCHORS)
def test_vague_windows_use_calendar_months(anchor):
    window = resolve_window("in the near future", anchor)
    assume(window is not None)
    assert window.start == anchor
    assert window.end < anchor.replace(day=1) + dt.timedelta(days=7 * 31)
