"""The grammar: regular expressions that find time expressions, and the atoms they become.

An atom is one expression found in the text, not yet resolved: a calendar period that
may lack its year ("8-9 August"), a period relative to the anchor ("next month"), or an
open phrase ("in due course"). windows.py joins atoms into ranges and resolves them.
Every quantifier is bounded (whitespace runs of at most 3, fixed digit counts), so each
match attempt has bounded length and a scan is linear in the size of the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from tracker.domain.model import Precision, Window
from tracker.speed.prefilter import Gated, guarded, one_of
from tracker.temporal import lexicon as lx
from tracker.temporal import periods as pd

__all__ = ["Atom", "scan_atoms", "lead_before"]

Build = Callable[[int], Window]
Relative = Callable[[dt.date, str], Window | None]


@dataclass(frozen=True, slots=True)
class Atom:
    """One expression found in a text; `start` includes a leading preposition, `core` does not."""

    start: int
    core: int
    end: int
    lead: str = ""
    build: Build | None = None  # calendar period: its window for a given year
    year: int | None = None  # explicit year; None: from a neighbour or the anchor
    year_offset: int | None = None  # "next year": anchor's year + offset
    relative: Relative | None = None  # needs the anchor ("tomorrow", "next week")
    open_phrase: bool = False  # "in due course"
    weak: bool = False  # kept only when joined to a neighbour ("March" in "March to May")
    full_date: bool = False  # a day with its year, for first_full_date
    winter: bool = False  # "winter Y" said in the second half of Y is Y's own winter
    parts: tuple[Atom, ...] = field(default=(), repr=False)  # a range or alternative: its two ends

    def window_in(self, year: int) -> Window:
        """The calendar period's window in `year`; ValueError when it has none there or is no period."""
        if self.build is None:
            raise ValueError("not a calendar period")
        return self.build(year)


# Bounded whitespace keeps every match attempt short.
_S = r"\s{1,3}"
_O = r"\s{0,3}"
_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015]"
# Between two days of one month: "14-15 June", "14 to 15 June", "14/15 June" (a slash only here, where a
# month's name must follow or precede: "14/06/2019" is one day).
_CONNECT = rf"(?:{_O}{_DASH}{_O}|{_S}(?i:to|until|till|through|and|or){_S}|{_O}&{_O}|{_O}/{_O})"


def _cases(words: Iterable[str]) -> str:
    """Title and upper case forms: month and weekday names are capitalised in English ("may" is a verb)."""
    forms = []
    for word in sorted(words, key=len, reverse=True):
        forms += [word.title(), word.upper()]
    return "|".join(forms)


def _any_case(words: Iterable[str]) -> str:
    return (
        "(?i:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(words, key=len, reverse=True))
        + ")"
    )


_MONTH_ALL = _cases(list(lx.MONTHS) + list(lx.MONTH_ABBREVIATIONS))


def _month(name: str) -> str:
    return rf"(?P<{name}>(?:{_MONTH_ALL})\.?)(?![A-Za-z])"


def _day(name: str) -> str:
    # Any one or two digits: an impossible day ("32 May") must still hide its month, then resolve to nothing.
    return rf"(?<![\w.,/:])(?P<{name}>\d\d?)(?:st|nd|rd|th)?(?![\w:])"


def _second_day(name: str) -> str:
    """The second day of a range: after a slash too ("14/15 June"), never before one ("14/06/2019")."""
    return rf"(?<![\w.,:])(?P<{name}>\d\d?)(?:st|nd|rd|th)?(?![\w:/])"


def _first_day(name: str) -> str:
    """A day that starts a pattern: a digit first (a fast start), the guard against "123" after it."""
    return rf"(?P<{name}>[0-9](?<![\w.,/:][0-9])[0-9]?)(?:st|nd|rd|th)?(?![\w:])"


def _year(name: str) -> str:
    return rf"(?<![\w.,'’‘])(?P<{name}>(?:19|20)\d\d|['’‘]\d\d)(?!\d|[.,]\d)"


_YEAR_RELATIVE = _any_case(k for k in lx.YEAR_OFFSETS if k != "the")
# A year after a date or month: ", 2016", " 2016", " of 2016", " of the year 2016", " next year", " of last year".
_YEAR_SUFFIX = (
    rf"(?:(?:,{_O}|{_S}(?:of{_S}(?:(?i:the){_S}(?i:year){_S})?)?){_year('y')}"
    rf"|{_S}(?:of{_S})?(?P<yrel>{_YEAR_RELATIVE}){_S}(?i:year)\b)?"
)
_THE = rf"(?:[Tt]he{_S})?"

# Cores start with a digit or a month name, so the engine can skip other text quickly; what may
# stand before them (a weekday, "the", "early", "the end of") is looked up backwards (*_PREFIX).
_DMY = re.compile(rf"{_first_day('d')}{_S}(?:of{_S})?{_month('m')}{_YEAR_SUFFIX}")
_MDY = re.compile(rf"{_month('m')}{_S}{_THE}{_day('d')}{_YEAR_SUFFIX}")
# "the eighteenth of November", "November the first, 2019": a spelled day, never followed by a noun
# ("in March the first round").
_SPELLED_WORDS = "|".join(w.replace("-", r"[\s-]") for w in sorted(lx.DAY_ORDINALS, key=len, reverse=True))
_SPELLED_DAY = rf"(?P<dw>(?i:{_SPELLED_WORDS}))"
# Spelled days are rare: their patterns run only where a region holds one of the words.
_ORDINAL_WORD = one_of(w.split("-")[-1] for w in lx.DAY_ORDINALS)
_SPELLED_TRIGGER = re.compile(
    rf"\b(?:{_ORDINAL_WORD})(?:\s{{1,3}}day)?\s{{1,3}}of\s"
    rf"|\b(?:{one_of(list(lx.MONTHS) + list(lx.MONTH_ABBREVIATIONS))})\.?\s{{1,3}}(?:the\s{{1,3}})?(?:{_ORDINAL_WORD})\b"
)
_DMY_SPELLED = re.compile(rf"{_SPELLED_DAY}(?:{_S}(?i:day))?{_S}of{_S}{_month('m')}{_YEAR_SUFFIX}")
_MDY_SPELLED = re.compile(
    rf"{_month('m')}{_S}{_THE}{_SPELLED_DAY}\b{_YEAR_SUFFIX}(?!{_S}(?!(?:in|at|on|and|to|for|with)\b)[A-Za-z])"
)
_DDMY = re.compile(
    rf"{_first_day('d')}{_CONNECT}{_second_day('d2')},?{_S}(?:of{_S})?{_month('m')}{_YEAR_SUFFIX}"
)
_MDDY = re.compile(rf"{_month('m')}{_S}{_day('d')}{_CONNECT}{_second_day('d2')}{_YEAR_SUFFIX}")
_DAY_PREFIX = re.compile(
    rf"\b(?:(?:(?i:next|this|coming){_S})?(?P<wd>{_cases(list(lx.WEEKDAYS) + list(lx.WEEKDAY_ABBREVIATIONS))})\.?,?{_S}{_THE}"
    rf"|[Tt]he{_S}|(?i:last){_S})\Z"
)
_ISO = re.compile(
    r"(?<![\w.\-/])(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d\-/]|\.\d)"
)
_NUMERIC = re.compile(
    r"(?<![\w.\-/])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)"
    r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d./]|-\d)"
)

# "On 17.01. the minister met ...": a German-style day and month with closing dots and no year, read only
# after "on" (a section "1.2." or a score "3.1." has none).
_DAY_MONTH_DOTTED = re.compile(r"(?<=\b[Oo]n )(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\.(?![\d.])")

_PART_ADJ = _any_case(["early", "mid", "late", "end", "later", "earlier"])
_PART_OF = _any_case(
    ["beginning", "start", "middle", "end", "first half", "second half", "latter half"]
    + ["first week", "second week", "third week", "fourth week", "last week", "final week"]
)
_MONTH_PERIOD = re.compile(rf"{_month('m')}{_YEAR_SUFFIX}")
_MONTH_REF = Gated(
    re.compile(rf"\b(?P<mref>{'|'.join(k.replace(' ', _S) for k in lx.MONTH_OFFSETS)}){_S}month\b")
)
# "mid-May", "the end of May", "next May", and both: "in the middle of next April".
_MONTH_PREFIX = re.compile(
    rf"\b(?:(?P<adj>{_PART_ADJ})(?:{_DASH}|{_S}(?:(?i:in){_S})?){_THE}|{_THE}(?P<of>{_PART_OF}){_S}of{_S}{_THE})?"
    rf"(?:(?P<mrel>(?i:next|last|this|coming)){_S})?\Z"
)

_YEAR_REF = (
    rf"(?:{_year('y')}(?:{_O}[-\u2013\u2014/]{_O}(?P<y2>(?:19|20)\d\d|\d\d)(?!\d))?"
    rf"|(?P<yrel>{_any_case(lx.YEAR_OFFSETS)}){_S}(?i:year)\b)"
)
_QUARTER_WORD = _any_case(["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "last", "final"])
_HALF_WORD = _any_case(["first", "second", "latter", "1st", "2nd"])
_NOT_A_YEAR = "|".join(lx.NOT_AFTER_A_YEAR)
# A year (a number, or "next year") is the core; what stands before it says which period of
# it is meant ("Q3 ", "the first half of ", "mid-"). Quarters also stand without a year.
_YEAR_NUMBER = re.compile(
    r"(?P<y>(?:1(?<![\w.,'’‘]1)9|2(?<![\w.,'’‘]2)0)[0-9][0-9]|['’‘](?<![\w.,'’‘]['’‘])[0-9][0-9])(?!\d|[.,]\d)"
    rf"(?:{_O}[-\u2013\u2014/]{_O}(?P<y2>(?:19|20)\d\d|\d\d)(?!\d))?(?!{_S}(?:{_NOT_A_YEAR})\b)"
)
_YEAR_WORD = Gated(
    re.compile(rf"\b(?P<yrel>{'|'.join(k.replace(' ', _S) for k in lx.YEAR_OFFSETS)}){_S}year\b")
)
# "by the end of the first quarter of 2020": the quarter's end is the quarter's, for a deadline to it.
_END_OF = rf"(?:{_THE}(?i:end){_S}of{_S})?"
_YEAR_PREFIX = guarded(
    re.compile(
        rf"\b(?:{_END_OF}{_THE}(?P<qo>{_QUARTER_WORD}){_S}(?i:quarter)(?:{_S}of{_S}{_THE}|,?{_S})|[Qq](?P<q>[1-4])(?:{_O}[-/,]{_O}|{_S})"
        rf"|{_END_OF}{_THE}(?P<ho>{_HALF_WORD}){_S}(?i:half){_S}of{_S}{_THE}|(?:H(?P<h>[12])|(?P<h_>[12])H){_O}"
        rf"|{_THE}(?P<of>(?i:beginning|start|middle|end)){_S}of{_S}{_THE}|(?P<adj>{_PART_ADJ})(?:{_DASH}|{_S}(?:(?i:in){_S})?))\Z"
    )
)
_QUARTER_ALONE = guarded(
    re.compile(
        rf"\b(?:(?:the{_S})?end{_S}of{_S})?(?:the{_S})?(?P<qo>{_QUARTER_WORD.replace('(?i:', '(?:')}){_S}quarter\b"
        rf"|\bq(?P<q>[1-4])\b"
    )
)
_SEASON_PERIOD = re.compile(
    rf"\b(?P<season>spring|summer|autumn|fall|winter)\b(?:{_S}(?:of{_S})?{_YEAR_REF})?"
)
_SEASON_PREFIX = re.compile(
    rf"\b(?:(?P<sadj>early|mid|late)(?:{_DASH}{_O}|{_S})(?:in{_S})?(?:the{_S})?|(?:the{_S})?(?P<sof>beginning|start|middle|end)"
    rf"{_S}of{_S}(?:the{_S})?|(?P<srel>this|next|last|coming){_S}|the{_S})\Z"
)

_WEEKDAY = Gated(
    guarded(
        re.compile(
            rf"(?:(?P<rel>(?i:this{_S}coming|next|last|this|coming|past)){_S})?(?P<wd>{_cases(lx.WEEKDAYS)})(?:['’]s)?\b"
        )
    )
)
# Prepositions after which a bare number is a year ("in 2017", not "No. 2017" or "to 2017 people").
YEAR_LEADS = lx.SPAN_LEADS - {"on", "at", "after"}
# Prepositions after which a bare month name is a month ("in May", "by May"); after "to", "and",
# "or" it is one only when it joins another expression ("from March to May"), else "talked to May".
MONTH_LEADS = set(lx.LEADS) - {"to", "and", "or", "on", "at", "after"}
_LEAD = guarded(re.compile(rf"(?:^|(?<=[^\w]))(?P<lead>{_any_case(lx.LEADS)}){_S}\Z"))


def _clamp(start: dt.date, end: dt.date, precision: Precision) -> Window:
    """A window that stays valid at the edges ("later this month" said on its last day)."""
    return Window(min(start, end), end, precision)


def _this_week(anchor: dt.date, tense: str) -> Window:
    return Window(anchor, pd.bounds(pd.iso_week_window(anchor))[1], Precision.DAYS)


def _weekend(anchor: dt.date, weeks: int) -> Window:
    saturday = pd.bounds(pd.iso_week_window(anchor, weeks))[0] + dt.timedelta(days=5)
    return Window(saturday, saturday + dt.timedelta(days=1), Precision.DAYS)


def _the_weekend(anchor: dt.date, tense: str) -> Window:
    """ "at the weekend": this week's (future), or the last one that has begun (past)."""
    if tense == "future":
        return _weekend(anchor, 0)
    return _weekend(anchor, 0 if anchor.weekday() >= 5 else -1)


def _day_offset(days: int) -> Relative:
    def resolve(anchor: dt.date, tense: str) -> Window:
        day = anchor + dt.timedelta(days=days)
        return Window(day, day, Precision.DAY)

    return resolve


def _vague(months: int, days: int) -> Relative:
    """anchor .. anchor + months + days - 1 day ("in the coming months": 6 calendar months)."""
    return lambda anchor, tense: Window(anchor, pd.after_months(anchor, months, days), Precision.VAGUE)


def _month_offset(months: int) -> Relative:
    def resolve(anchor: dt.date, tense: str) -> Window:
        month = dt.date(anchor.year, anchor.month, 1) + pd.relativedelta(months=months)
        return pd.month_window(month.year, month.month)

    return resolve


def _counted(phrase: str) -> Relative:
    """ "three days ago": that day; "within two months": a deadline from the anchor to the day before anchor + 2 months."""
    words = phrase.split()
    if words[-1] == "ago":
        count = words[0]
        return _day_offset(-(int(count) if count.isdigit() else _NUMBER_WORDS[count]))
    count_word, unit = words[-2], words[-1].rstrip("s")
    number = int(count_word) if count_word.isdigit() else _NUMBER_WORDS[count_word]
    span = pd.relativedelta(**{unit + "s": number})  # type: ignore[arg-type]  # unit is days/weeks/months/years
    return lambda anchor, tense: Window(
        anchor, max(anchor, anchor + span - dt.timedelta(days=1)), Precision.DEADLINE
    )


def _day_of_month(phrase: str) -> Relative:
    """ "the 25th of this month", "the first day of next month": that day (the month's last day if it has
    fewer, or for "the last day")."""
    match = re.search(
        r"(\d{1,2}|first|last)(?:st|nd|rd|th)?(?:\s{1,3}day)?\s{1,3}of\s{1,3}(.+?)\s{1,3}month", phrase
    )
    if match is None:
        raise ValueError(f"not a day of a month: {phrase!r}")
    day = {"first": 1, "last": 31}.get(match[1]) or int(match[1])
    which = match[2].split()[-1]
    months = 1 if which in {"next", "following"} else 0

    def resolve(anchor: dt.date, tense: str) -> Window:
        month = dt.date(anchor.year, anchor.month, 1) + pd.relativedelta(months=months)
        on = dt.date(month.year, month.month, max(1, min(day, pd.last_day(month.year, month.month))))
        return Window(on, on, Precision.DAY)

    return resolve


def _bare_day_of_month(phrase: str) -> Relative:
    """ "on the 26th", "a visit scheduled for the 10th": the nearest such day ahead (behind, in the past)."""
    day = int(re.search(r"\d{1,2}", phrase)[0])  # type: ignore[index]  # the row's pattern has digits

    def resolve(anchor: dt.date, tense: str) -> Window | None:
        step = 1 if tense == "future" else -1
        month = dt.date(anchor.year, anchor.month, 1)
        for _ in range(3):
            if day <= pd.last_day(month.year, month.month):
                on = dt.date(month.year, month.month, day)
                if (on >= anchor) if step == 1 else (on <= anchor):
                    return Window(on, on, Precision.DAY)
            month = month + pd.relativedelta(months=step)
        return None

    return resolve


def _in_count(phrase: str) -> Relative:
    """ "in ten days": that day; "in two weeks('s time)": the ISO week of anchor + 2 weeks; "in three months": that month.

    Each unit keeps the grain of its "next" form ("next week" is an ISO week, "next month" a month).
    """
    words = re.sub(r"['\u2019]", " ", phrase).split()
    unit_at = next(i for i, w in enumerate(words) if w.rstrip("s") in {"day", "week", "month"})
    count_word, unit = words[unit_at - 1], words[unit_at].rstrip("s")
    count = int(count_word) if count_word.isdigit() else _NUMBER_WORDS[count_word]
    if unit == "day":
        return _day_offset(count)
    if unit == "week":
        return lambda anchor, tense: pd.iso_week_window(anchor, count)
    return _month_offset(count)


_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT = r"\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

# Phrases relative to the anchor: (pattern, resolver(anchor, tense)); "ago" and "within" rows
# build their resolver from the words matched (_counted).
_RELATIVE_TABLE: list[tuple[str, Relative | str]] = [
    (
        r"(?:today(?<!as of today)(?<!as from today)|tonight|this\s{1,3}(?:morning|afternoon|evening))\b",
        _day_offset(0),
    ),
    # "earlier in the afternoon", "later in the day": the publication day itself ("later that day" is
    # the day the text last named, not this one).
    (
        r"(?:earlier|later)\s{1,3}(?:in\s{1,3}the|this)\s{1,3}(?:morning|afternoon|evening|day)\b",
        _day_offset(0),
    ),
    (r"the\s{1,3}day\s{1,3}after\s{1,3}tomorrow\b", _day_offset(2)),
    (r"tomorrow\b", _day_offset(1)),
    (r"the\s{1,3}day\s{1,3}before\s{1,3}yesterday\b", _day_offset(-2)),
    (r"yesterday\b", _day_offset(-1)),
    (r"last\s{1,3}night\b", _day_offset(-1)),  # the evening before the publication day
    (
        r"later\s{1,3}this\s{1,3}week\b",
        lambda a, t: _clamp(a + dt.timedelta(days=1), pd.bounds(pd.iso_week_window(a))[1], Precision.DAYS),
    ),
    (
        r"earlier\s{1,3}this\s{1,3}week\b",
        lambda a, t: _clamp(pd.bounds(pd.iso_week_window(a))[0], a - dt.timedelta(days=1), Precision.DAYS),
    ),
    (r"(?:this|the\s{1,3}current)\s{1,3}week\b", _this_week),
    (r"(?:next|the\s{1,3}following|the\s{1,3}coming)\s{1,3}week\b", lambda a, t: pd.iso_week_window(a, 1)),
    (r"(?:last|the\s{1,3}previous|the\s{1,3}past)\s{1,3}week\b", lambda a, t: pd.iso_week_window(a, -1)),
    (r"this\s{1,3}weekend\b", lambda a, t: _weekend(a, 0)),
    (r"next\s{1,3}weekend\b", lambda a, t: _weekend(a, 1)),
    (r"last\s{1,3}weekend\b", lambda a, t: _weekend(a, -1)),
    (r"(?:at|over|during)\s{1,3}the\s{1,3}weekend\b", _the_weekend),
    (
        r"later\s{1,3}(?:this|in\s{1,3}the)\s{1,3}month\b",
        lambda a, t: _clamp(
            a + dt.timedelta(days=1),
            dt.date(a.year, a.month, pd.last_day(a.year, a.month)),
            Precision.PART_OF_MONTH,
        ),
    ),
    (
        r"earlier\s{1,3}(?:this|in\s{1,3}the)\s{1,3}month\b",
        lambda a, t: _clamp(dt.date(a.year, a.month, 1), a - dt.timedelta(days=1), Precision.PART_OF_MONTH),
    ),
    (
        r"later\s{1,3}(?:this|in\s{1,3}the)\s{1,3}year\b",
        lambda a, t: _clamp(a + dt.timedelta(days=1), dt.date(a.year, 12, 31), Precision.PART_OF_YEAR),
    ),
    (  # "by year-end", "till the year end": the end of the current year
        r"(?:the\s{1,3}|this\s{1,3})?year[-\s]end\b",
        lambda a, t: pd.year_part_window(a.year, first_month=10, last_month=12),
    ),
    (
        r"earlier\s{1,3}(?:this|in\s{1,3}the)\s{1,3}year\b",
        lambda a, t: _clamp(dt.date(a.year, 1, 1), a - dt.timedelta(days=1), Precision.PART_OF_YEAR),
    ),
    (rf"(?:{_COUNT})\s{{1,3}}days?\s{{1,3}}ago\b", "ago"),
    (
        r"the\s{1,3}(?:\d{1,2}(?:st|nd|rd|th)?|first|last)(?:\s{1,3}day)?\s{1,3}of\s{1,3}"
        r"(?:this|next|the\s{1,3}(?:current|following))\s{1,3}month\b",
        "day of month",
    ),
    # "on the 26th", "for the 10th, and then on the 16th": a day of the month, no noun after it.
    (
        r"the\s{1,3}(?:[12]?\d|3[01])(?:st|nd|rd|th)(?=\s{0,3}(?:[,.;:)]|$)|\s{1,3}(?:and|or|to)\s)",
        "bare day",
    ),
    (
        rf"in\s{{1,3}}(?:about\s{{1,3}}|some\s{{1,3}})?(?:{_COUNT})\s{{1,3}}(?:days?|weeks?|months?)"
        rf"(?:(?:['\u2019]s?)?\s{{1,3}}time)?\b",
        "in",
    ),
    (
        rf"within\s{{1,3}}(?:the\s{{1,3}}(?:next|coming)\s{{1,3}})?(?:{_COUNT})\s{{1,3}}(?:days?|weeks?|months?|years?)\b",
        "within",
    ),
    *[(rf"{pattern}\b", _vague(months, days)) for pattern, months, days in lx.VAGUE_PHRASES],
]
# One pattern finds any row (no capturing groups, so every alternative starts with a literal the
# engine can test at once); the row is then told by _ROW_OF. It runs on the ASCII-lower-cased text.
_ROWS = [pattern for pattern, _ in _RELATIVE_TABLE] + ["|".join(lx.OPEN_PHRASES)]
# Every row in a group of its own, in order: over a match of _RELATIVE, fullmatch takes the first row
# that matches it whole (the last row: an open phrase), as trying each row's own pattern in turn does.
_ROW_OF = re.compile("|".join(f"(?P<row{number}>{pattern})" for number, pattern in enumerate(_ROWS)))
_RELATIVE = guarded(
    re.compile(
        r"\b(?:"
        + "|".join(f"(?:{pattern})" for pattern, _ in _RELATIVE_TABLE)
        + "|"
        + "|".join(f"(?:{pattern})" for pattern in lx.OPEN_PHRASES)
        + r")\b"
    )
)


class _Found:
    """A core match extended backwards by its prefix; offers the parts of re.Match used here."""

    __slots__ = ("_start", "_end", "_groups")

    def __init__(self, core: re.Match[str], prefix: re.Match[str] | None):
        self._start = prefix.start() if prefix else core.start()
        self._end = core.end()
        self._groups = {**prefix.groupdict(), **core.groupdict()} if prefix else core.groupdict()

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def groupdict(self) -> dict[str, Any]:
        return self._groups

    def __getitem__(self, name: str) -> Any:  # str | None, typed as re.Match types its groups
        return self._groups.get(name)


_Match = re.Match[str] | _Found


def _prefixed(prefix: re.Pattern[str], text: str, core: re.Match[str], back: int = 40) -> _Found:
    """The core match with what the prefix pattern finds just before it (nothing if none)."""
    return _Found(core, prefix.search(text, max(0, core.start() - back), core.start()))


def _g(match: _Match, name: str) -> str | None:
    """A group's text, or None when the pattern has no such group or it did not take part."""
    return match.groupdict().get(name)


def _month_number(token: str) -> tuple[int, bool]:
    """(month, is_abbreviation) of a month token such as "Oct." or "MAY"."""
    word = token.rstrip(".").lower()
    if word in lx.MONTHS:
        return lx.MONTHS[word], False
    return lx.MONTH_ABBREVIATIONS[word], True


def _year_number(token: str) -> int:
    """A year from "2016" or "'16" (two digits: this century below 70, else the last)."""
    digits = token.lstrip("'’‘")
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _explicit_year(match: _Match, group: str = "y") -> tuple[int | None, int | None]:
    """(explicit year, year offset) from a match's year suffix."""
    if match.groupdict().get(group):
        return _year_number(match[group]), None
    if match.groupdict().get("yrel"):
        return None, lx.YEAR_OFFSETS[" ".join(match["yrel"].lower().split())]
    return None, None


_RESCHEDULED = re.compile(rf"\b(?:{_any_case(lx.RESCHEDULE_VERBS)}){_S}\Z")


def lead_before(text: str, position: int) -> tuple[str, int]:
    """The preposition just before `position` ("in", "no later than"), and where it starts."""
    found = _LEAD.search(text, max(0, position - 20), position)
    if not found:
        return "", position
    return " ".join(found["lead"].lower().split()), found.start()


def _atom(text: str, match: _Match, unless_lead: set[str] | None = None, **fields: Any) -> Atom:
    """The atom of a match, with the preposition before it; weak if `unless_lead` lacks that preposition."""
    lead, lead_start = lead_before(text, match.start())
    start = lead_start if lead in lx.SPAN_LEADS else match.start()
    if unless_lead is not None:
        fields["weak"] = lead not in unless_lead and not (
            lead == "to" and _RESCHEDULED.search(text, max(0, lead_start - 30), lead_start)
        )
    return Atom(start=start, core=match.start(), end=match.end(), lead=lead, **fields)


def _check(build: Build, year: int | None) -> bool:
    """False when the period cannot exist in the stated year ("31 February 2017")."""
    if year is None:
        return True
    try:
        build(year)
    except ValueError:
        return False
    return True


def _scan_days(text: str, lower: str, start: int, end: int) -> Iterator[Atom]:
    spelled_here = _SPELLED_TRIGGER.search(lower, start, end) is not None
    for pattern in (_DMY, _MDY, _DMY_SPELLED, _MDY_SPELLED) if spelled_here else (_DMY, _MDY):
        for core in pattern.finditer(text, start, end):
            match: _Match = _prefixed(_DAY_PREFIX, text, core)
            month, _ = _month_number(match["m"])
            spelled = match.groupdict().get("dw")
            day = lx.DAY_ORDINALS[re.sub(r"[\s-]+", "-", lx.key(spelled))] if spelled else int(match["d"])
            year, offset = _explicit_year(match)
            # An impossible date ("31 February 2017") is still an atom, so that its month is not read
            # alone; it resolves to nothing.
            yield _atom(
                text,
                match,
                build=lambda y, m=month, d=day: pd.day_window(y, m, d),
                year=year,
                year_offset=offset,
                full_date=bool(match["y"]),
            )
    for pattern in (_DDMY, _MDDY):
        for match in pattern.finditer(text, start, end):
            month, _ = _month_number(match["m"])
            first, last = int(match["d"]), int(match["d2"])
            if first >= last:
                continue
            year, offset = _explicit_year(match)
            build = lambda y, m=month, f=first, la=last: pd.days_window(dt.date(y, m, f), dt.date(y, m, la))
            yield _atom(text, match, build=build, year=year, year_offset=offset)


def _scan_numeric_dates(text: str, lower: str, start: int, end: int) -> Iterator[Atom]:
    for match in _ISO.finditer(text, start, end):
        build = lambda y, m=int(match["m"]), d=int(match["d"]): pd.day_window(y, m, d)
        yield _atom(text, match, build=build, year=int(match["y"]), full_date=True)
    for match in _DAY_MONTH_DOTTED.finditer(text, start, end):
        day, month = int(match["a"]), int(match["b"])
        if 1 <= day <= 31 and 1 <= month <= 12:
            yield _atom(text, match, build=lambda y, m=month, d=day: pd.day_window(y, m, d))
    for match in _NUMERIC.finditer(text, start, end):
        first, second, year_text = int(match["a"]), int(match["b"]), match["y"]
        if len(year_text) == 2 and (len(match["a"]) != 2 or len(match["b"]) != 2):
            continue  # "1.2.34" is a version or section number, not a date
        # Dots are day first (06.10.2016, European usage); slashes month first (7/2/2017, as US
        # sites print them); either way the other order when the first number cannot be a month.
        day_first = match["sep"] == "." if first <= 12 and second <= 12 else first > 12
        day, month = (first, second) if day_first else (second, first)
        build = lambda y, m=month, d=day: pd.day_window(y, m, d)
        yield _atom(text, match, build=build, year=_year_number(year_text), full_date=True)


def _scan_months(text: str, lower: str, start: int, end: int) -> Iterator[Atom]:
    for core in _MONTH_REF.finditer(lower, start, end):
        match = _prefixed(_MONTH_PREFIX, text, core)
        part = match["adj"] or match["of"]
        part = " ".join(part.lower().split()) if part else None
        offset = lx.MONTH_OFFSETS[" ".join(match["mref"].split())]
        if part is None:
            if match["mrel"] or match["mref"] == "the":
                continue  # "the month" alone names no month
            yield _atom(text, match, relative=_month_offset(offset))
        elif part not in ("later", "earlier"):  # "later this month" is in the relative table
            yield _atom(text, match, relative=_month_part_offset(offset, part))
    for core in _MONTH_PERIOD.finditer(text, start, end):
        match = _prefixed(_MONTH_PREFIX, text, core)
        part = match["adj"] or match["of"]
        part = " ".join(part.lower().split()) if part else None
        month, abbreviated = _month_number(match["m"])
        year, year_offset = _explicit_year(match)
        has_year = year is not None or year_offset is not None
        if abbreviated and not has_year:
            continue  # "Mar", "Dec" alone are too often not months
        if part in ("later", "earlier"):
            part = "late" if part == "later" else "early"
        build = _month_builder(month, part)
        if match["mrel"] and not has_year:
            yield _atom(text, match, relative=_named_month(match["mrel"].lower(), build, month))
            continue
        # A bare month ("May") needs a preposition before it; "May" alone is mostly the verb.
        yield _atom(
            text,
            match,
            None if part or has_year else MONTH_LEADS,
            build=build,
            year=year,
            year_offset=year_offset,
        )


def _month_builder(month: int, part: str | None) -> Build:
    if part is None:
        return lambda y: pd.month_window(y, month)
    first, last = lx.MONTH_PARTS[part]
    return lambda y: pd.month_part_window(y, month, first, last)


def _month_part_offset(offset: int, part: str) -> Relative:
    first, last = lx.MONTH_PARTS[part]

    def resolve(anchor: dt.date, tense: str) -> Window:
        month = dt.date(anchor.year, anchor.month, 1) + pd.relativedelta(months=offset)
        return pd.month_part_window(month.year, month.month, first, last)

    return resolve


def _named_month(modifier: str, build: Build, month: int) -> Relative:
    """ "next May": the first May after the anchor's month; "last May" the one before; "this May" this year's."""

    def resolve(anchor: dt.date, tense: str) -> Window:
        if modifier in ("next", "coming"):
            return build(anchor.year if month > anchor.month else anchor.year + 1)
        if modifier == "last":
            return build(anchor.year if month < anchor.month else anchor.year - 1)
        return build(anchor.year)

    return resolve


def _year_of(match: _Match) -> tuple[int | None, int | None, int | None]:
    """(year, offset, end year of a span "2017-18") from a year reference."""
    year, offset = _explicit_year(match)
    second = None
    digits = _g(match, "y2")
    if year is not None and digits:
        second = int(digits) if len(digits) == 4 else year // 100 * 100 + int(digits)
        if second <= year or second > year + 10:
            second = None
    return year, offset, second


def _year_period_atom(
    text: str, match: _Match, build: Build, weak: bool = False, winter: bool = False
) -> Atom | None:
    """The atom of a year-level period; a span "2017-18" becomes a range of two atoms."""
    year, offset, year_end = _year_of(match)
    if _g(match, "y2") and year_end is None:
        return None  # "2018-03", "2017-2012": not a span of years
    if not _check(build, year):
        return None
    if year_end is not None:  # spans of years ("2016-2017") are years, whatever comes before
        atom = _atom(text, match, build=build, year=year)
        second = Atom(start=match.end(), core=match.end(), end=match.end(), build=build, year=year_end)
        return replace(atom, parts=(atom, second))
    # "in 2017" is a year; a bare number ("No. 2017") is not, unless a neighbour makes it one.
    return _atom(
        text, match, YEAR_LEADS if weak else None, build=build, year=year, year_offset=offset, winter=winter
    )


def _scan_year_periods(text: str, lower: str, start: int, end: int) -> Iterator[Atom]:
    match: _Match
    for match in _QUARTER_ALONE.finditer(lower, start, end):
        if match["q"] and not lead_before(text, match.start())[0]:
            continue  # "Q3" alone may be a heading or a code
        quarter = int(match["q"]) if match["q"] else lx.ORDINALS[match["qo"]]
        yield _atom(text, match, build=lambda y, q=4 if quarter == -1 else quarter: pd.quarter_window(y, q))
    for core in _YEAR_NUMBER.finditer(text, start, end):
        atom = _year_atom(text, _prefixed(_YEAR_PREFIX, text, core))
        if atom:
            yield atom
    for core in _YEAR_WORD.finditer(lower, start, end):
        atom = _year_atom(text, _prefixed(_YEAR_PREFIX, text, core))
        if atom:
            yield atom
    for core in _SEASON_PERIOD.finditer(lower, start, end):
        match = _prefixed(_SEASON_PREFIX, lower, core)
        first_month = lx.SEASONS[lx.key(match["season"])]
        part = (_g(match, "sadj") or _g(match, "sof") or "").lower()
        if part:
            build: Build = functools.partial(
                pd.season_part_window, first_month=first_month, index=lx.SEASON_PARTS[part]
            )
        else:
            build = functools.partial(pd.season_window, first_month=first_month)
        if match["srel"] and not _has_year(match):
            yield _atom(text, match, relative=_named_season(match["srel"].lower(), build))
            continue
        year, _, year_end = _year_of(match)
        if first_month == 12 and year_end is not None:
            # "winter 2018/19" is the one that ends in 2019
            atom = _atom(text, match, build=build, year=year_end)
        else:
            atom = _year_period_atom(
                text,
                match,
                build,
                weak=not (part or _has_year(match)),
                winter=first_month == 12 and year is not None,
            )
        if atom:
            yield atom


def _year_atom(text: str, match: _Found) -> Atom | None:
    """A year with what stands before it: a quarter, a half, a part of it, or the year itself."""
    if match["q"] or match["qo"]:
        quarter = int(match["q"]) if match["q"] else lx.ORDINALS[lx.key(match["qo"])]
        build: Build = functools.partial(pd.quarter_window, quarter=4 if quarter == -1 else quarter)
    elif match["ho"] or match["h"] or match["h_"]:
        half = lx.ORDINALS[lx.key(match["ho"])] if match["ho"] else int(match["h"] or match["h_"])
        build = functools.partial(pd.half_window, half=half)
    elif match["of"] or match["adj"]:
        part = (match["of"] or match["adj"]).lower()
        if part in ("later", "earlier"):
            if match["yrel"] in ("this", "the"):
                return None  # "later this year" is in the relative table
            part = "late" if part == "later" else "early"
        first, last = lx.YEAR_PARTS[part]
        build = functools.partial(pd.year_part_window, first_month=first, last_month=last)
    else:
        if match["yrel"] == "the":
            return None  # "the year" alone names no year
        return _year_period_atom(text, match, pd.year_window, weak=match["yrel"] is None)
    return _year_period_atom(text, match, build)


def _has_year(match: _Match) -> bool:
    return bool(match.groupdict().get("y") or match.groupdict().get("yrel"))


def _named_season(modifier: str, build: Build) -> Relative:
    """ "next summer": the first one starting after the anchor; "last summer": the last one ended before it."""

    def resolve(anchor: dt.date, tense: str) -> Window | None:
        if modifier in ("next", "coming"):
            return _first_after(build, anchor)
        if modifier == "last":
            return _last_before(build, anchor)
        return pd.pick_year(build, anchor, tense)

    return resolve


def _first_after(build: Build, anchor: dt.date) -> Window | None:
    for year in range(anchor.year - 1, anchor.year + 3):
        window = build(year)
        if pd.bounds(window)[0] > anchor:
            return window
    return None


def _last_before(build: Build, anchor: dt.date) -> Window | None:
    for year in range(anchor.year + 1, anchor.year - 3, -1):
        window = build(year)
        if pd.bounds(window)[1] < anchor:
            return window
    return None


def _weekday_resolver(modifier: str, weekday: int) -> Relative:
    def resolve(anchor: dt.date, tense: str) -> Window:
        if modifier == "next":
            day = pd.bounds(pd.iso_week_window(anchor, 1))[0] + dt.timedelta(days=weekday)
        elif modifier in ("last", "past"):
            day = pd.weekday_on_or_before(anchor - dt.timedelta(days=1), weekday)
        elif tense == "future":
            day = pd.weekday_on_or_after(anchor, weekday)
        else:
            day = pd.weekday_on_or_before(anchor, weekday)
        return Window(day, day, Precision.DAY)

    return resolve


def _scan_relative(text: str, lower: str, start: int, end: int) -> Iterator[Atom]:
    for match in _WEEKDAY.finditer(text, start, end):
        modifier = (match["rel"] or "").lower().split()[-1] if match["rel"] else ""
        yield _atom(text, match, relative=_weekday_resolver(modifier, lx.WEEKDAYS[lx.key(match["wd"])]))
    for match in _RELATIVE.finditer(lower, start, end):
        row_of = _ROW_OF.fullmatch(lower, match.start(), match.end())
        assert row_of is not None and row_of.lastgroup is not None  # _RELATIVE is the rows' alternation
        row = int(row_of.lastgroup.removeprefix("row"))
        if row == len(_RELATIVE_TABLE):
            yield _atom(text, match, open_phrase=True)
            continue
        resolve = _RELATIVE_TABLE[row][1]
        if resolve == "day of month":
            resolve = _day_of_month(match.group())
        elif resolve == "bare day":  # "on the 26th"
            resolve = _bare_day_of_month(match.group())
        elif resolve == "in":  # "in two weeks", "in ten days' time"
            resolve = _in_count(match.group())
        elif isinstance(resolve, str):  # "three days ago", "within two months"
            resolve = _counted(match.group())
        yield _atom(text, match, relative=resolve)


# Scanning only near trigger words keeps a long text fast: each family of patterns runs in
# the regions (trigger - back .. trigger + ahead) of its triggers, found by cheap patterns.
# Word lists are tries (speed.prefilter.one_of): the same matches as the words longest first.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MONTH_TRIGGER = re.compile(one_of(_MONTH_ALL.split("|")))
_MONTH_WORD = re.compile("month")
_NUMERIC_TRIGGER = re.compile(r"[0-9][./\-][0-9]")
_YEAR_TRIGGER = guarded(re.compile(r"(?:19|20)[0-9][0-9]|['’‘][0-9][0-9]|[Qq][1-4]|H[12]|[12]H"))
_YEAR_WORDS = re.compile(r"year|quarter|half|spring|summer|autumn|fall|winter")
_WEEKDAY_TRIGGER = re.compile(_cases(lx.WEEKDAYS))
_RELATIVE_WORDS = re.compile(
    one_of(
        "today tonight tomorrow yesterday week month year soon shortly future term ahead come long date course "
        "channel ago morning afternoon evening night time stage point days early later".split()
    )
)
_ORDINAL_DAY_TRIGGER = re.compile(r"[0-9](?:st|nd|rd|th)\b")
_WORD_TAIL = re.compile(r"\w*\W{0,5}\w*")


def _regions(
    triggers: list[Iterable[re.Match[str]]], text: str, back: int, ahead: int
) -> list[tuple[int, int]]:
    """Merged windows around trigger matches; each ends after a whole word so no match is cut short."""
    spans = sorted((max(0, m.start() - back), m.end() + ahead) for found in triggers for m in found)
    regions: list[tuple[int, int]] = []
    for start, end in spans:
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], end))
        else:
            regions.append((start, end))
    return [(start, _word_end(text, min(end, len(text)))) for start, end in regions]


def _word_end(text: str, position: int) -> int:
    tail = _WORD_TAIL.match(text, position)  # matches always, if only the empty string
    return tail.end() if tail else position


def scan_atoms(text: str) -> list[Atom]:
    """Every candidate atom in the text, overlapping ones included."""
    # Lower-case ASCII only, so that offsets agree (str.lower may lengthen "İ").
    lower = text.lower() if text.isascii() else text.translate(_ASCII_LOWER)
    months = list(_MONTH_TRIGGER.finditer(text))  # triggers of two families
    families = [
        (_scan_days, _regions([months], text, 45, 45)),
        (_scan_numeric_dates, _regions([_NUMERIC_TRIGGER.finditer(text)], text, 12, 12)),
        (_scan_months, _regions([months, _MONTH_WORD.finditer(lower)], text, 20, 45)),
        (
            _scan_year_periods,
            _regions([_YEAR_TRIGGER.finditer(text), _YEAR_WORDS.finditer(lower)], text, 50, 40),
        ),
        (
            _scan_relative,
            _regions(
                [
                    _WEEKDAY_TRIGGER.finditer(text),
                    _RELATIVE_WORDS.finditer(lower),
                    _ORDINAL_DAY_TRIGGER.finditer(lower),
                ],
                text,
                40,
                40,
            ),
        ),
    ]
    atoms: list[Atom] = []
    for scan, regions in families:
        for start, end in regions:
            atoms.extend(scan(text, lower, start, end))
    return atoms
