"""The contract's due-window table (CONTRACT.md section 4), one row per example.

Each case: expression, anchor, tense -> start, end, precision (None, None for open).
"""

import datetime as dt

import pytest

from tracker.domain.model import Precision
from tracker.temporal import resolve_window

D = dt.date.fromisoformat
F, P = "future", "past"

CASES = [
    # day, days
    ("on 6 October 2016", "2016-09-01", F, "2016-10-06", "2016-10-06", "day"),
    ("on 8-9 August 2016", "2016-07-01", F, "2016-08-08", "2016-08-09", "days"),
    ("on 8–9 August 2016", "2016-07-01", F, "2016-08-08", "2016-08-09", "days"),
    ("from 8 to 10 May", "2016-04-01", F, "2016-05-08", "2016-05-10", "days"),
    ("30 September – 2 October 2016", "2016-07-01", F, "2016-09-30", "2016-10-02", "days"),
    ("30 December 2016 - 2 January 2017", "2016-07-01", F, "2016-12-30", "2017-01-02", "days"),
    # month
    ("in May 2018", "2018-01-10", F, "2018-05-01", "2018-05-31", "month"),
    ("in December", "2016-10-06", F, "2016-12-01", "2016-12-31", "month"),
    ("in October", "2016-10-06", F, "2016-10-01", "2016-10-31", "month"),
    ("in September", "2016-10-06", F, "2017-09-01", "2017-09-30", "month"),
    ("in September", "2016-10-06", P, "2016-09-01", "2016-09-30", "month"),
    # part_of_month
    ("early May 2018", "2018-01-10", F, "2018-05-01", "2018-05-10", "part_of_month"),
    ("the beginning of May 2018", "2018-01-10", F, "2018-05-01", "2018-05-10", "part_of_month"),
    ("mid-May 2018", "2018-01-10", F, "2018-05-11", "2018-05-20", "part_of_month"),
    ("the middle of May 2018", "2018-01-10", F, "2018-05-11", "2018-05-20", "part_of_month"),
    ("late February 2016", "2016-01-10", F, "2016-02-21", "2016-02-29", "part_of_month"),
    ("the end of February 2017", "2016-01-10", F, "2017-02-21", "2017-02-28", "part_of_month"),
    ("At the end of September", "2011-06-23", F, "2011-09-21", "2011-09-30", "part_of_month"),
    ("the first half of March 2018", "2018-01-10", F, "2018-03-01", "2018-03-15", "part_of_month"),
    ("the second half of April 2018", "2018-01-10", F, "2018-04-16", "2018-04-30", "part_of_month"),
    ("in the middle of next April", "2012-03-15", F, "2012-04-11", "2012-04-20", "part_of_month"),
    ("in the first week of September", "2018-07-21", F, "2018-09-01", "2018-09-07", "part_of_month"),
    ("the second week of March 2019", "2018-07-21", F, "2019-03-08", "2019-03-14", "part_of_month"),
    ("the third week of next month", "2018-07-21", F, "2018-08-15", "2018-08-21", "part_of_month"),
    ("the fourth week of June 2020", "2018-07-21", F, "2020-06-22", "2020-06-28", "part_of_month"),
    ("the last week of February 2024", "2018-07-21", F, "2024-02-23", "2024-02-29", "part_of_month"),
    ("the final week of April 2019", "2018-07-21", F, "2019-04-24", "2019-04-30", "part_of_month"),
    ("last week", "2018-07-21", P, "2018-07-09", "2018-07-15", "days"),
    ("early next May", "2012-06-15", F, "2013-05-01", "2013-05-10", "part_of_month"),
    ("at the end of last June", "2012-03-15", P, "2011-06-21", "2011-06-30", "part_of_month"),
    ("the beginning of this July", "2012-03-15", F, "2012-07-01", "2012-07-10", "part_of_month"),
    ("the second half of next April", "2012-03-15", F, "2012-04-16", "2012-04-30", "part_of_month"),
    # year
    ("in 2017", "2016-10-06", F, "2017-01-01", "2017-12-31", "year"),
    ("during 2017", "2016-10-06", F, "2017-01-01", "2017-12-31", "year"),
    ("next year", "2016-10-06", F, "2017-01-01", "2017-12-31", "year"),
    ("the following year", "2016-10-06", F, "2017-01-01", "2017-12-31", "year"),
    ("this year", "2016-10-06", F, "2016-01-01", "2016-12-31", "year"),
    # half
    ("first half of 2018", "2017-05-01", F, "2018-01-01", "2018-06-30", "half"),
    ("H1 2018", "2017-05-01", F, "2018-01-01", "2018-06-30", "half"),
    ("in the second half of 2020", "2019-12-17", F, "2020-07-01", "2020-12-31", "half"),
    ("H2 2018", "2017-05-01", F, "2018-07-01", "2018-12-31", "half"),
    # quarter
    ("Q3 2018", "2017-05-01", F, "2018-07-01", "2018-09-30", "quarter"),
    ("the third quarter of 2018", "2017-05-01", F, "2018-07-01", "2018-09-30", "quarter"),
    ("the first quarter", "2017-05-01", F, "2018-01-01", "2018-03-31", "quarter"),
    ("the fourth quarter", "2017-05-01", F, "2017-10-01", "2017-12-31", "quarter"),
    # part_of_year
    ("early 2018", "2017-05-01", F, "2018-01-01", "2018-03-31", "part_of_year"),
    ("the beginning of 2018", "2017-05-01", F, "2018-01-01", "2018-03-31", "part_of_year"),
    ("the start of 2018", "2017-05-01", F, "2018-01-01", "2018-03-31", "part_of_year"),
    ("early next year", "2019-12-17", F, "2020-01-01", "2020-03-31", "part_of_year"),
    ("mid-2017", "2016-05-01", F, "2017-05-01", "2017-08-31", "part_of_year"),
    ("the middle of 2017", "2016-05-01", F, "2017-05-01", "2017-08-31", "part_of_year"),
    ("late 2017", "2016-05-01", F, "2017-10-01", "2017-12-31", "part_of_year"),
    ("the end of 2017", "2016-05-01", F, "2017-10-01", "2017-12-31", "part_of_year"),
    ("end-2017", "2016-05-01", F, "2017-10-01", "2017-12-31", "part_of_year"),
    ("at the end of the year", "2016-05-01", F, "2016-10-01", "2016-12-31", "part_of_year"),
    # season
    ("spring 2018", "2017-05-01", F, "2018-03-01", "2018-05-31", "season"),
    ("summer 2018", "2017-05-01", F, "2018-06-01", "2018-08-31", "season"),
    ("autumn 2018", "2017-05-01", F, "2018-09-01", "2018-11-30", "season"),
    ("fall 2018", "2017-05-01", F, "2018-09-01", "2018-11-30", "season"),
    ("winter 2018", "2018-03-01", F, "2017-12-01", "2018-02-28", "season"),
    ("winter 2018", "2017-09-01", F, "2017-12-01", "2018-02-28", "season"),
    ("winter 2018", "2018-09-01", F, "2018-12-01", "2019-02-28", "season"),
    ("winter 2020", "2020-08-01", F, "2020-12-01", "2021-02-28", "season"),
    ("winter 2020", "2020-01-15", F, "2019-12-01", "2020-02-29", "season"),
    ("in the fall", "2016-10-06", F, "2016-09-01", "2016-11-30", "season"),
    ("in the spring", "2016-10-06", F, "2017-03-01", "2017-05-31", "season"),
    ("early spring 2018", "2017-05-01", F, "2018-03-01", "2018-03-31", "season"),
    ("mid-summer 2018", "2017-05-01", F, "2018-07-01", "2018-07-31", "season"),
    ("late autumn 2018", "2017-05-01", F, "2018-11-01", "2018-11-30", "season"),
    ("late winter 2018", "2017-05-01", F, "2018-02-01", "2018-02-28", "season"),
    # deadline
    ("by the end of the year", "2019-10-17", F, "2019-10-17", "2019-12-31", "deadline"),
    ("before the end of the year", "2015-07-15", F, "2015-07-15", "2015-12-31", "deadline"),
    ("no later than March 2018", "2017-10-06", F, "2017-10-06", "2018-03-31", "deadline"),
    ("by 2020", "2017-10-06", F, "2017-10-06", "2020-12-31", "deadline"),
    # vague
    ("in the near future", "2018-08-29", F, "2018-08-29", "2019-02-27", "vague"),
    ("soon", "2016-10-06", F, "2016-10-06", "2017-04-05", "vague"),
    ("shortly", "2016-10-06", F, "2016-10-06", "2017-04-05", "vague"),
    ("at an early date", "2016-10-06", F, "2016-10-06", "2017-04-05", "vague"),
    ("in the coming months", "2023-09-27", F, "2023-09-27", "2024-03-26", "vague"),
    ("in the coming weeks", "2016-10-06", F, "2016-10-06", "2016-12-05", "vague"),
    ("in the coming days", "2016-10-06", F, "2016-10-06", "2016-10-19", "vague"),
    # relative
    ("next month", "2017-08-10", F, "2017-09-01", "2017-09-30", "month"),
    ("next month", "2017-12-10", F, "2018-01-01", "2018-01-31", "month"),
    ("next week", "2015-07-15", F, "2015-07-20", "2015-07-26", "days"),
    ("this week", "2015-07-15", F, "2015-07-15", "2015-07-19", "days"),
    ("later this month", "2016-10-06", F, "2016-10-07", "2016-10-31", "part_of_month"),
    ("later this year", "2016-10-06", F, "2016-10-07", "2016-12-31", "part_of_year"),
    ("tomorrow", "2016-12-31", F, "2017-01-01", "2017-01-01", "day"),
    ("on Friday", "2016-10-06", F, "2016-10-07", "2016-10-07", "day"),
    ("on Thursday", "2016-10-06", F, "2016-10-06", "2016-10-06", "day"),
    ("on Sunday", "2016-10-06", P, "2016-10-02", "2016-10-02", "day"),
    ("on Thursday", "2016-10-06", P, "2016-10-06", "2016-10-06", "day"),
    ("next Tuesday", "2016-10-06", F, "2016-10-11", "2016-10-11", "day"),
    ("next Tuesday", "2016-10-10", F, "2016-10-18", "2016-10-18", "day"),
    ("yesterday", "2017-01-01", P, "2016-12-31", "2016-12-31", "day"),
    ("last week", "2017-01-04", P, "2016-12-26", "2017-01-01", "days"),
    # ranges and alternatives
    ("late March–early April", "2018-01-10", F, "2018-03-21", "2018-04-10", "part_of_month"),
    ("from March to May 2018", "2018-01-10", F, "2018-03-01", "2018-05-31", "month"),
    ("in August or September", "2018-01-10", F, "2018-08-01", "2018-09-30", "month"),
    ("in May or in the summer", "2018-01-10", F, "2018-05-01", "2018-08-31", "season"),
    # "between" two days
    ("between April 9 and the 13th", "2018-04-01", F, "2018-04-09", "2018-04-13", "days"),
    ("between Monday and Wednesday", "2018-04-01", F, "2018-04-02", "2018-04-04", "days"),
    # "of the year" before the year
    ("in March of the year 2018", "2017-12-24", F, "2018-03-01", "2018-03-31", "month"),
    ("on 5 May of the year 2019", "2017-12-24", F, "2019-05-05", "2019-05-05", "day"),
    # a date in brackets restates the weekday before it; the range still joins
    ("from Monday (Jan 6) to Tuesday", "2025-01-05", F, "2025-01-06", "2025-01-07", "days"),
    ("from Monday (6 January) to Tuesday (7 January)", "2025-01-05", F, "2025-01-06", "2025-01-07", "days"),
    ("on Monday (Jan 13)", "2025-01-05", F, "2025-01-13", "2025-01-13", "day"),
    ("from Friday (March 8) to Saturday", "2024-03-06", F, "2024-03-08", "2024-03-09", "days"),
    # a hedge after "or" keeps the alternative
    ("in May or perhaps the beginning of June 2018", "2018-01-10", F, "2018-05-01", "2018-06-10", "month"),
    ("in August, or possibly September", "2018-01-10", F, "2018-08-01", "2018-09-30", "month"),
    ("in March or maybe in April", "2018-01-10", F, "2018-03-01", "2018-04-30", "month"),
    ("late March or probably early April", "2018-01-10", F, "2018-03-21", "2018-04-10", "part_of_month"),
    ("in the spring or even the summer", "2018-01-10", F, "2018-03-01", "2018-08-31", "season"),
    # open
    ("at a mutually convenient time", "2016-10-06", F, None, None, "open"),
    ("in due course", "2016-10-06", F, None, None, "open"),
    ("dates to be agreed through diplomatic channels", "2016-10-06", F, None, None, "open"),
    # qualifiers do not change the window; the time expression beats the open phrase
    ("in 2017 at the earliest", "2016-10-06", F, "2017-01-01", "2017-12-31", "year"),
    ("next month as soon as possible", "2017-08-10", F, "2017-09-01", "2017-09-30", "month"),
    (
        "at a mutually convenient date in the near future",
        "2018-08-29",
        F,
        "2018-08-29",
        "2019-02-27",
        "vague",
    ),
]

# Edges: leap years, anchors near New Year, month/quarter/half/season boundaries.
EDGES = [
    # Two days of one month joined by a slash; a numeric date keeps its slashes
    ("on 14/15 June 2019", "2018-10-01", F, "2019-06-14", "2019-06-15", "days"),
    ("on June 14/15, 2019", "2018-10-01", F, "2019-06-14", "2019-06-15", "days"),
    ("on 6/7 May", "2018-10-01", F, "2019-05-06", "2019-05-07", "days"),
    ("the 23rd/24th of March", "2018-10-01", F, "2019-03-23", "2019-03-24", "days"),
    ("on 14/06/2019", "2018-10-01", F, "2019-06-14", "2019-06-14", "day"),
    ("on 29 February", "2016-01-15", F, "2016-02-29", "2016-02-29", "day"),
    ("on 29 February", "2016-03-01", F, "2020-02-29", "2020-02-29", "day"),
    ("on 29 February", "2019-06-01", P, "2016-02-29", "2016-02-29", "day"),
    ("on 29 February 2100", "2016-01-15", F, None, None, None),  # 2100 is no leap year
    ("on 29 February 2000", "2016-01-15", P, "2000-02-29", "2000-02-29", "day"),
    ("late February", "2024-01-15", F, "2024-02-21", "2024-02-29", "part_of_month"),
    ("the second half of February 2023", "2022-01-15", F, "2023-02-16", "2023-02-28", "part_of_month"),
    ("winter 2024", "2024-01-15", F, "2023-12-01", "2024-02-29", "season"),
    ("in the winter", "2016-12-31", F, "2016-12-01", "2017-02-28", "season"),
    ("in the winter", "2017-01-01", F, "2016-12-01", "2017-02-28", "season"),
    ("in the winter", "2017-03-01", F, "2017-12-01", "2018-02-28", "season"),
    ("in the winter", "2017-03-01", P, "2016-12-01", "2017-02-28", "season"),
    ("late winter", "2019-12-20", F, "2020-02-01", "2020-02-29", "season"),
    ("early winter", "2019-12-20", F, "2019-12-01", "2019-12-31", "season"),
    ("next month", "2016-12-31", F, "2017-01-01", "2017-01-31", "month"),
    ("next month", "2016-01-31", F, "2016-02-01", "2016-02-29", "month"),
    ("next week", "2016-12-29", F, "2017-01-02", "2017-01-08", "days"),
    ("this week", "2017-01-01", F, "2017-01-01", "2017-01-01", "days"),
    ("next year", "2016-12-31", F, "2017-01-01", "2017-12-31", "year"),
    ("in January", "2016-12-31", F, "2017-01-01", "2017-01-31", "month"),
    ("in December", "2017-01-01", P, "2016-12-01", "2016-12-31", "month"),
    ("on 31 December", "2017-01-02", P, "2016-12-31", "2016-12-31", "day"),
    ("on 2 January", "2016-12-30", F, "2017-01-02", "2017-01-02", "day"),
    ("later this month", "2016-10-31", F, "2016-10-31", "2016-10-31", "part_of_month"),
    ("later this year", "2016-12-31", F, "2016-12-31", "2016-12-31", "part_of_year"),
    ("the first quarter", "2016-12-31", F, "2017-01-01", "2017-03-31", "quarter"),
    ("the fourth quarter", "2016-12-31", F, "2016-10-01", "2016-12-31", "quarter"),
    ("Q4 2016", "2016-12-31", F, "2016-10-01", "2016-12-31", "quarter"),
    ("the second half of the year", "2016-07-01", F, "2016-07-01", "2016-12-31", "half"),
    ("the first half of next year", "2016-12-31", F, "2017-01-01", "2017-06-30", "half"),
    ("in the coming months", "2018-08-31", F, "2018-08-31", "2019-02-27", "vague"),
    ("in the near future", "2019-08-31", F, "2019-08-31", "2020-02-28", "vague"),
    ("in the coming weeks", "2016-12-31", F, "2016-12-31", "2017-02-27", "vague"),
    ("in the coming days", "2016-12-25", F, "2016-12-25", "2017-01-07", "vague"),
    ("on Saturday", "2016-12-31", F, "2016-12-31", "2016-12-31", "day"),
    ("on Monday", "2016-12-31", F, "2017-01-02", "2017-01-02", "day"),
    ("on Monday", "2017-01-01", P, "2016-12-26", "2016-12-26", "day"),
    ("next Sunday", "2016-12-31", F, "2017-01-08", "2017-01-08", "day"),
    ("next Monday", "2017-01-01", F, "2017-01-02", "2017-01-02", "day"),
    ("yesterday", "2016-03-01", P, "2016-02-29", "2016-02-29", "day"),
    ("tomorrow", "2016-02-28", F, "2016-02-29", "2016-02-29", "day"),
    ("late December–early January", "2016-10-06", F, "2016-12-21", "2017-01-10", "part_of_month"),
    ("from 30 December to 2 January", "2016-10-06", F, "2016-12-30", "2017-01-02", "days"),
    ("December 2016 or January 2017", "2016-10-06", F, "2016-12-01", "2017-01-31", "month"),
    ("by mid-2017", "2016-10-06", F, "2016-10-06", "2017-08-31", "deadline"),
    ("by the end of the month", "2016-02-10", F, "2016-02-10", "2016-02-29", "deadline"),
    ("no later than 30 June 2017", "2016-10-06", F, "2016-10-06", "2017-06-30", "deadline"),
    ("before 2010", "2016-10-06", P, "2010-01-01", "2010-12-31", "year"),  # no deadline in the past
    ("within two months", "2016-12-31", F, "2016-12-31", "2017-02-27", "deadline"),
    ("within the next 3 weeks", "2016-10-06", F, "2016-10-06", "2016-10-26", "deadline"),
    ("within a year", "2016-02-29", F, "2016-02-29", "2017-02-27", "deadline"),
    ("two days ago", "2016-03-01", P, "2016-02-28", "2016-02-28", "day"),
]


@pytest.mark.parametrize(
    "expression, anchor, tense, start, end, precision", EDGES, ids=[f"{c[0]}@{c[1]}/{c[2]}" for c in EDGES]
)
def test_edges(expression, anchor, tense, start, end, precision):
    window = resolve_window(expression, D(anchor), tense)
    if precision is None:
        assert window is None
        return
    assert window is not None, expression
    assert (window.start, window.end, window.precision) == (D(start), D(end), Precision(precision))


@pytest.mark.parametrize(
    "expression, anchor, tense, start, end, precision", CASES, ids=[f"{c[0]}@{c[1]}/{c[2]}" for c in CASES]
)
def test_window_table(expression, anchor, tense, start, end, precision):
    window = resolve_window(expression, D(anchor), tense)
    assert window is not None, expression
    assert (window.start, window.end, window.precision) == (
        D(start) if start else None,
        D(end) if end else None,
        Precision(precision),
    )
