"""'the 25th of this month' and 'in two weeks': relative phrases asked for by the extractor (.handoff/temporal-requests.md)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.temporal import find_time_expressions

D = dt.date.fromisoformat

CASES = [
    # (sentence, anchor, expression text, start, end, precision)
    (
        "They will meet on the 25th of this month.",
        "2019-12-17",
        "on the 25th of this month",
        "2019-12-25",
        "2019-12-25",
        "day",
    ),
    (
        "The talks resume on the 5th of next month.",
        "2019-12-17",
        "on the 5th of next month",
        "2020-01-05",
        "2020-01-05",
        "day",
    ),
    (
        "The session opens on the 31st of next month.",
        "2019-01-20",
        "on the 31st of next month",
        "2019-02-28",
        "2019-02-28",
        "day",
    ),  # February has no 31st: its last day
    (
        "They meet again on the 3rd of the following month.",
        "2020-12-10",
        "on the 3rd of the following month",
        "2021-01-03",
        "2021-01-03",
        "day",
    ),
    ("They will meet in two weeks.", "2019-12-17", "in two weeks", "2019-12-30", "2020-01-05", "days"),
    (
        "They will meet in two weeks' time.",
        "2019-12-17",
        "in two weeks' time",
        "2019-12-30",
        "2020-01-05",
        "days",
    ),
    (
        "They will meet in two weeks\u2019 time.",
        "2019-12-17",
        "in two weeks\u2019 time",
        "2019-12-30",
        "2020-01-05",
        "days",
    ),
    ("The envoys return in a week.", "2021-03-03", "in a week", "2021-03-08", "2021-03-14", "days"),
    ("A reply is due in ten days.", "2019-12-17", "in ten days", "2019-12-27", "2019-12-27", "day"),
    ("The commission meets in 3 months.", "2019-12-17", "in 3 months", "2020-03-01", "2020-03-31", "month"),
    (
        "The roadmap is to be ready within three weeks.",
        "2019-12-17",
        "within three weeks",
        "2019-12-17",
        "2020-01-06",
        "deadline",
    ),
]


@pytest.mark.parametrize("sentence, anchor, text, start, end, precision", CASES, ids=[c[2] for c in CASES])
def test_relative_counts(sentence, anchor, text, start, end, precision):
    found = find_time_expressions(sentence, D(anchor), "future")
    assert [
        (e.text, e.window.start.isoformat(), e.window.end.isoformat(), e.window.precision.value)
        for e in found
    ] == [(text, start, end, precision)]


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(min_value=1, max_value=31),
    st.sampled_from(["this", "next"]),
)
def test_day_of_month_stays_in_that_month(anchor, day, which):
    found = find_time_expressions(f"They meet on the {day}th of {which} month.", anchor, "future")
    assert len(found) == 1
    window = found[0].window
    assert window.start == window.end
    months = (window.start.year - anchor.year) * 12 + window.start.month - anchor.month
    assert months == (1 if which == "next" else 0)


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(min_value=1, max_value=12),
)
def test_in_weeks_is_the_iso_week_after_that_many_weeks(anchor, weeks):
    window = find_time_expressions(f"They meet in {weeks} weeks.", anchor, "future")[0].window
    target = anchor + dt.timedelta(weeks=weeks)
    assert window.start <= target <= window.end
    assert window.start.weekday() == 0 and (window.end - window.start).days == 6
