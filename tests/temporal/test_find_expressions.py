"""find_time_expressions on sentences: date formats, spans, tense, what must not be read as a date."""

import datetime as dt

import pytest

from tracker.domain.model import Precision
from tracker.temporal import find_time_expressions, first_full_date, resolve_window

D = dt.date.fromisoformat


def windows(text, anchor="2016-10-06", tense="future"):
    """[(span text, start, end, precision)] of a text, dates as ISO strings."""
    return [
        (
            e.text,
            e.window.start and e.window.start.isoformat(),
            e.window.end and e.window.end.isoformat(),
            str(e.window.precision),
        )
        for e in find_time_expressions(text, D(anchor) if anchor else None, tense)
    ]


FORMATS = [
    ("6 October 2016", "2016-10-06"),
    ("October 6, 2016", "2016-10-06"),
    ("Oct. 6, 2016", "2016-10-06"),
    ("Oct 6 2016", "2016-10-06"),
    ("6th of October 2016", "2016-10-06"),
    ("the 6th of October, 2016", "2016-10-06"),
    ("06.10.2016", "2016-10-06"),
    ("06.10.16", "2016-10-06"),
    ("2016-10-06", "2016-10-06"),
    ("Thursday, 6 October 2016", "2016-10-06"),
    ("Thu 6th October 2016", "2016-10-06"),
    ("Thursday October 6 2016", "2016-10-06"),
    ("OCTOBER 6, 2016", "2016-10-06"),
    ("6 October '16", "2016-10-06"),
    ("February 16th, 2016", "2016-02-16"),
    ("26th December, 2019", "2019-12-26"),
    ("7/2/2017", "2017-07-02"),
    ("29 February 2016", "2016-02-29"),
    ("29.02.2000", "2000-02-29"),
]


@pytest.mark.parametrize("text, day", FORMATS, ids=[f[0] for f in FORMATS])
def test_real_world_date_formats(text, day):
    # The whole format is one expression: a span cut short would lose the evidence's date.
    assert windows(f"Talks were held {text}, the ministry said.") == [(text, day, day, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2017",
        "30.02.2017",
        "2017-02-29",
        "29 February 2017",
        "2017-13-01",
        "31 April 2018",
        "32 May 2018",
    ],
)
def test_impossible_dates_are_skipped(text):
    assert windows(f"It was signed on {text}.") == []


@pytest.mark.parametrize(
    "text",
    [
        "22 cities took part",
        "about 2,000 people",
        "Resolution No. 2017 was adopted",
        "in 2000 cities",
        "Supreme Resolution 132-2017-RE",
        "a 2017 tonnes shipment",
        "version 1.2.3",
        "call 555-2017",
        "Bolsonaro May First Meet",
        "the Arab Spring",
        "prices may fall",
        "we may march",
        "Dec said",
        "Q7 results",
        "in 1,999 cases",
        "10:38 | Lima",
        "the 2017 Annual Report",
        "Johnson talked to May and Merkel",
        "Theresa May said",
        "as soon as possible",
        "as of today",
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert windows(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "the 9th JTC and 21st JEC will be held in August and September 2020, respectively",
            [
                ("in August", "2020-08-01", "2020-08-31", "month"),
                ("September 2020", "2020-09-01", "2020-09-30", "month"),
            ],
        ),
        (
            "from 30 September to 2 October 2016",
            [("from 30 September to 2 October 2016", "2016-09-30", "2016-10-02", "days")],
        ),
        ("on 8-9 August 2016 in Minsk", [("on 8-9 August 2016", "2016-08-08", "2016-08-09", "days")]),
        ("the May 2018 session", [("May 2018", "2018-05-01", "2018-05-31", "month")]),
        (
            "at a mutually convenient date in the near future",
            [
                ("at a mutually convenient date", None, None, "open"),
                ("in the near future", "2016-10-06", "2017-04-05", "vague"),
            ],
        ),
        (
            "Mexican leaders will travel to Washington in January",
            [("in January", "2017-01-01", "2017-01-31", "month")],
        ),
        ("The 2016-2017 work plan", [("2016-2017", "2016-01-01", "2017-12-31", "year")]),
        ("in 2017-18", [("in 2017-18", "2017-01-01", "2018-12-31", "year")]),
        ("winter 2018/19", [("winter 2018/19", "2018-12-01", "2019-02-28", "season")]),
        ("between 2017 and 2019", [("between 2017 and 2019", "2017-01-01", "2019-12-31", "year")]),
        (
            "in June, July and August 2017",
            [
                ("in June", "2017-06-01", "2017-06-30", "month"),
                ("July", "2017-07-01", "2017-07-31", "month"),
                ("August 2017", "2017-08-01", "2017-08-31", "month"),
            ],
        ),
        (
            "will pay a visit to Islamabad from May 5 to 8",
            [("from May 5 to 8", "2017-05-05", "2017-05-08", "days")],
        ),
        (
            "took place in Muscat on March 11-12, 2023",
            [("on March 11-12, 2023", "2023-03-11", "2023-03-12", "days")],
        ),
        (
            "in December 2016 - January 2017",
            [("in December 2016 - January 2017", "2016-12-01", "2017-01-31", "month")],
        ),
        ("December to February 2017", [("December to February 2017", "2016-12-01", "2017-02-28", "month")]),
        (
            "the visit will be held in early February",
            [("in early February", "2017-02-01", "2017-02-10", "part_of_month")],
        ),
        (
            "The second is scheduled for early next year in Turkey's Ankara",
            [("for early next year", "2017-01-01", "2017-03-31", "part_of_year")],
        ),
        (
            "will be held in Santiago next Thursday, October 13",
            [("next Thursday, October 13", "2016-10-13", "2016-10-13", "day")],
        ),
        (
            "the next round will take place from 8-9, November 2016",
            [("from 8-9, November 2016", "2016-11-08", "2016-11-09", "days")],
        ),
        (
            "the first meeting was held last May 19, 2016",
            [("last May 19, 2016", "2016-05-19", "2016-05-19", "day")],
        ),
        (
            "will co-host a conference in the new year",
            [("in the new year", "2017-01-01", "2017-12-31", "year")],
        ),
        (
            "hopes to sign it by the end of the year",
            [("by the end of the year", "2016-10-06", "2016-12-31", "deadline")],
        ),
        (
            "will hold the talks on Monday, October 10",
            [("on Monday, October 10", "2016-10-10", "2016-10-10", "day")],
        ),
        (
            "the session, held on Jan 13 last year",
            [("on Jan 13 last year", "2015-01-13", "2015-01-13", "day")],
        ),
        ("in May 2004 or in June", [("in May 2004 or in June", "2004-05-01", "2004-06-30", "month")]),
    ],
)
def test_spans_and_joins(text, expected):
    assert windows(text) == expected


# "X at the latest" is no later than X: a deadline from the anchor (2016-10-06) to X's end, as "by X".
@pytest.mark.parametrize(
    "text, expected",
    [
        ("to sign the documents in 2018 at the latest", ("in 2018", "2016-10-06", "2018-12-31", "deadline")),
        (
            "the talks will resume in March, at the latest.",
            ("in March", "2016-10-06", "2017-03-31", "deadline"),
        ),
        (
            "a decision is due on 5 November at the latest",
            ("on 5 November", "2016-10-06", "2016-11-05", "deadline"),
        ),
        ("to meet next month at the latest", ("next month", "2016-10-06", "2016-11-30", "deadline")),
        (
            "will be ratified in the spring at the latest",
            ("in the spring", "2016-10-06", "2017-05-31", "deadline"),
        ),
    ],
)
def test_at_the_latest_is_a_deadline(text, expected):
    assert windows(text) == [expected]


@pytest.mark.parametrize(
    "text, precision",
    [
        ("will meet in March at the earliest", "month"),
        ("the latest meetings of the commission in March", "month"),
        ("the latest round, held in March", "month"),
    ],
)
def test_other_latest_and_earliest_leave_the_window(text, precision):
    assert [p for *_, p in windows(text)] == [precision]


# Days spelled out, before "of" and the month or after the month; never a number word before a noun.
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "will visit Washington on the eighteenth of November",
            ("on the eighteenth of November", "2016-11-18"),
        ),
        (
            "the summit opens on the twenty-first of March 2017",
            ("on the twenty-first of March 2017", "2017-03-21"),
        ),
        ("talks are set for the Thirty First of October", ("for the Thirty First of October", "2016-10-31")),
        ("the session ends on the second day of December", ("on the second day of December", "2016-12-02")),
        ("the forum will open on November the fifth.", ("on November the fifth", "2016-11-05")),
        ("signed on January the ninth, 2017, in Minsk", ("on January the ninth, 2017", "2017-01-09")),
        ("they will meet on June the second in Geneva", ("on June the second", "2017-06-02")),
    ],
)
def test_spelled_days(text, expected):
    assert [(span, start) for span, start, _, _ in windows(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "in November the first round of talks will be held",
        "the first of the two sessions in December",
        "the second of three meetings",
        "a third visit of May",
        "December the fifth round",
    ],
)
def test_a_spelled_number_before_a_noun_is_no_day(text):
    assert all(precision != "day" for *_, precision in windows(text))


# "On 17.01.": a day and month with closing dots, after "on" only.
@pytest.mark.parametrize(
    "text, tense, expected",
    [
        ("On 17.01. the minister held talks in Berlin", "past", [("On 17.01.", "2016-01-17")]),
        ("on 3.10. the ministers met", "past", [("on 3.10.", "2016-10-03")]),
        ("The consultations open on 24.10. in Minsk", "future", [("on 24.10.", "2016-10-24")]),
        ("see section 1.2. of the report", "future", []),
        ("the team won 3.1. at home", "past", []),
        ("on 32.01. nothing", "past", []),
    ],
)
def test_a_dotted_day_and_month(text, tense, expected):
    assert [(span, start) for span, start, _, _ in windows(text, tense=tense)] == expected


# Two days in a row joined by "and" (or "to", a dash) are one span of days, in either tense; two days
# apart, or a day and a month, stay two expressions.
@pytest.mark.parametrize(
    "text, tense, expected",
    [
        (
            "the forum scheduled for Monday and Tuesday",
            "future",
            [("for Monday and Tuesday", "2016-10-10", "2016-10-11", "days")],
        ),
        (
            "the ministers will meet on Thursday and Friday",
            "future",
            [("on Thursday and Friday", "2016-10-06", "2016-10-07", "days")],
        ),
        (
            "talks possibly Saturday and Sunday in Geneva",
            "future",
            [("Saturday and Sunday", "2016-10-08", "2016-10-09", "days")],
        ),
        (
            "the visit on 31 October and 1 November",
            "future",
            [("on 31 October and 1 November", "2016-10-31", "2016-11-01", "days")],
        ),
        (
            "the talks held on Monday and Tuesday in Bucharest",
            "past",
            [("on Monday and Tuesday", "2016-10-03", "2016-10-04", "days")],
        ),
        (
            "they met on Sunday and Monday",
            "past",
            [("on Sunday and Monday", "2016-10-02", "2016-10-03", "days")],
        ),
    ],
)
def test_two_days_in_a_row_are_one_span(text, tense, expected):
    assert windows(text, tense=tense) == expected


@pytest.mark.parametrize(
    "text",
    [
        "will meet on Monday and Wednesday",
        "met on Saturday and Monday",
        "on 12 October and 14 October",
        "on Friday and in November",
        "on Monday and, after a break, Tuesday",
    ],
)
def test_days_not_in_a_row_stay_apart(text):
    assert all(precision != "days" for *_, precision in windows(text))


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("The talks took place on Sunday.", "2016-10-06", ("on Sunday", "2016-10-02")),
        ("They met on Thursday.", "2016-10-06", ("on Thursday", "2016-10-06")),
        ("The meeting was held yesterday.", "2016-10-06", ("yesterday", "2016-10-05")),
        ("held on 8-9 August", "2016-08-08", ("on 8-9 August", "2016-08-08")),
        ("held on 8-9 August", "2016-08-01", ("on 8-9 August", "2015-08-08")),
        ("met on 30 December", "2017-01-03", ("on 30 December", "2016-12-30")),
        ("the last round took place in Tashkent in November", "2014-04-23", ("in November", "2013-11-01")),
        ("the summit last Friday", "2016-10-07", ("last Friday", "2016-09-30")),
        ("three days ago", "2016-10-06", ("three days ago", "2016-10-03")),
    ],
)
def test_past_tense(text, anchor, expected):
    found = windows(text, anchor, "past")
    assert [(span, start) for span, start, _, _ in found] == [expected]


@pytest.mark.parametrize(
    "text",
    ["next year", "on Friday", "in December", "in the coming weeks", "by the end of the year", "8-9 August"],
)
def test_without_an_anchor_relative_expressions_stay_open(text):
    assert [precision for *_, precision in windows(text, anchor=None)] == ["open"]


def test_without_an_anchor_absolute_expressions_resolve():
    assert windows("in 2017 and on 6 October 2016", anchor=None) == [
        ("in 2017", "2017-01-01", "2017-12-31", "year"),
        ("on 6 October 2016", "2016-10-06", "2016-10-06", "day"),
    ]


def test_spans_point_into_the_text_and_do_not_overlap():
    text = (
        "BAKU, 5 October — On Thursday, 6 October 2016, consultations were held. The sides agreed to meet "
        "in 2017, in the first half of the year, or no later than 30 June 2017, at a convenient time."
    )
    found = find_time_expressions(text, D("2016-10-06"))
    assert found
    for item in found:
        assert text[item.start : item.end] == item.text == item.window.text
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MOSCOW, March 17, 2004 — Lavrov said", "2004-03-17"),
        ("Published: 15 July 2015 - 21:33", "2015-07-15"),
        ("Tue 17th December 2019 | 05:08 PM", "2019-12-17"),
        ("In 2017 we met. On 6 October 2016 we met again.", "2016-10-06"),
        ("Dated 31 February 2017, then 1 March 2017", "2017-03-01"),
        ("no date at all, only May and 2017", None),
        ("", None),
    ],
)
def test_first_full_date(text, expected):
    assert first_full_date(text) == (D(expected) if expected else None)


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("2018-03-01", ("2018-03-01", "2018-03-01", "day")),
        ("2018", ("2018-01-01", "2018-12-31", "year")),
        ("march 2018", ("2018-03-01", "2018-03-31", "month")),
        ("first half of 2018", ("2018-01-01", "2018-06-30", "half")),
        ("Q1 2019", ("2019-01-01", "2019-03-31", "quarter")),
        ("q1 2019", ("2019-01-01", "2019-03-31", "quarter")),
        ("spring", ("2017-03-01", "2017-05-31", "season")),
        ("next friday", ("2016-10-14", "2016-10-14", "day")),
        ("  in 2017  ", ("2017-01-01", "2017-12-31", "year")),
        ("2018-03", ("2018-03-01", "2018-03-31", "month")),
        ("2018-Q1", ("2018-01-01", "2018-03-31", "quarter")),
        ("h2 2018", ("2018-07-01", "2018-12-31", "half")),
        ("2016-10-06T10:00", ("2016-10-06", "2016-10-06", "day")),
        ("20161006", ("2016-10-06", "2016-10-06", "day")),
        ("by 2018-06-30", ("2016-10-06", "2018-06-30", "deadline")),
        ("Q3 2018 at the earliest", ("2018-07-01", "2018-09-30", "quarter")),
    ],
)
def test_resolve_window_reads_user_input(expression, expected):
    window = resolve_window(expression, D("2016-10-06"))
    assert (window.start.isoformat(), window.end.isoformat(), str(window.precision)) == expected
    assert window.text == expression.strip()


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "   ",
        "hello",
        "the meeting in 2017 with Serbia",
        "2,000",
        "No. 2017",
        "31 February 2017",
        "2018-13",
        "2017 2018",
        "as soon as possible",
    ],
)
def test_resolve_window_refuses_what_is_not_one_expression(expression):
    assert resolve_window(expression, D("2016-10-06")) is None


def test_resolve_window_prefers_the_dated_window_over_the_open_phrase():
    window = resolve_window("at a mutually convenient time in 2017", D("2016-10-06"))
    assert window.precision is Precision.YEAR
