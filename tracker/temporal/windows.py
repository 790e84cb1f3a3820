"""Find time expressions in a text and resolve them to closed date windows.

The grammar (patterns.py) proposes atoms; here the longest non-overlapping ones are kept,
neighbours are joined ("late March–early April", "8 or 9 May", "August and September
2020" lends its year to August), and each is resolved against the anchor (the publication
date) in the direction of the tense. Without an anchor, relative expressions stay open.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Literal

from tracker.domain.model import Precision, Window
from tracker.temporal import lexicon as lx
from tracker.temporal import periods as pd
from tracker.temporal.patterns import Atom, scan_atoms

__all__ = ["TimeExpression", "find_time_expressions", "resolve_window", "first_full_date", "Tense"]

Tense = Literal["past", "future"]

# What may stand between two expressions that form a range, an alternative or a list
# ("late March–early April", "in May or in the summer", "June, July and August 2017").
_THEN = r"(?:\s{1,3}(?:in|on|during|at|by))?\s{0,3}"
# "from April 28 (Sat) to May 6 (Sun)": a weekday in brackets repeats the date before it;
# "from Sunday, July 3, to Tuesday, July 5": a comma may close the first date.
_WEEKDAY_IN_BRACKETS = r"\((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?|\d{1,2})\)"
_BRACKETED_WEEKDAY = re.compile(_WEEKDAY_IN_BRACKETS, re.IGNORECASE)
_RANGE = re.compile(
    r"(?:\s{0,2}"
    + _WEEKDAY_IN_BRACKETS
    + r")?\s{0,3},?\s{0,3}(?:[-\u2010-\u2015]|to|until|till|through|&)"
    + _THEN,
    re.IGNORECASE,
)
# "in May or perhaps the beginning of June": a hedge after "or" keeps the alternative.
_OR = re.compile(
    r",?\s{1,3}or(?:\s{1,3}(?:perhaps|possibly|maybe|probably|even|at the latest))?" + _THEN, re.IGNORECASE
)
_AND = re.compile(r",?\s{1,3}and" + _THEN, re.IGNORECASE)
_LIST = re.compile(r"\s{0,3}(?:,|and|or|,\s{0,3}and|,\s{0,3}or)" + _THEN, re.IGNORECASE)
_CALENDAR_PRECISIONS = set(pd.WIDTH)
_ANY_DAY = dt.date(2000, 1, 3)  # a Monday: any anchor tells a relative day from a longer period
# "to sign them in 2008 at the latest": no later than that period, a deadline like "by".
_AT_THE_LATEST = re.compile(r",?\s{1,3}at\s{1,3}the\s{1,3}latest\b", re.IGNORECASE)
# "will be held till the end of the year", "until year-end": up to that end, a deadline like "by".
_AN_END = re.compile(r"(?:the\s{1,3})?(?:end\b|year[-\s]end\b)", re.IGNORECASE)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text: its character span and the window it denotes."""

    start: int
    end: int
    text: str
    window: Window


def find_time_expressions(text: str, anchor: dt.date | None, tense: Tense = "future") -> list[TimeExpression]:
    """Every time expression in `text`, left to right, without overlaps, resolved against `anchor`.

    Resolution rules beyond the contract's table:
    - a year-less date, month or season is, in the future tense, the first one that does not
      end before the anchor ("in December", "8-9 August"); in the past tense the last one
      that starts on or before it (a meeting on the publication day counts as past);
    - "by/before/no later than X" and "X at the latest" are a deadline from the anchor to the
      end of X, unless X ended before the anchor (then X itself); without an anchor it stays open;
    - two days in a row joined by "and" ("on Monday and Tuesday") are one span of days;
    - two-digit years: 00-69 are 20xx, 70-99 are 19xx; 06.10.2016 is day first,
      7/2/2017 month first (as US sites print them), unless a number cannot be a month;
    - impossible dates ("31 February 2017") are skipped, never raised.
    An open phrase ("at a mutually convenient time") and a dated expression may both be
    returned for one sentence: callers should prefer the most specific (non-open) window,
    as resolve_window does.

    :param text: any text; odd input never raises, and time grows linearly with its length.
    :param anchor: the publication date; None leaves relative and year-less expressions open.
    :param tense: "future" for commitments ("on Friday" = the first Friday on or after the
        anchor), "past" for meetings that took place (the latest Friday on or before it).
    :returns: TimeExpressions whose start/end index `text` and whose window.text is the span.
    """
    found: list[TimeExpression] = []
    for atom in _atoms_of(text):
        window = _resolve(
            atom,
            anchor,
            tense,
            up_to_an_end=bool(_AN_END.match(text, atom.core, atom.end)),
            at_the_latest=bool(_AT_THE_LATEST.match(text, atom.end)),
        )
        if window is None:
            continue
        span = text[atom.start : atom.end]
        # The window with its text, as replace(window, text=span) builds it, without its field lookups.
        expression = TimeExpression(
            atom.start, atom.end, span, Window(window.start, window.end, window.precision, span)
        )
        if found and _next_day_joined(text, found[-1], expression):
            expression = _days(text, found.pop(), expression)
        found.append(expression)
    return found


# "on Thursday and Friday", "on 30 November and 1 December": two days in a row are one span of days.
_DAY_AFTER_DAY = re.compile(r"\s{0,3}(?:and|to|-|\u2013)\s{0,3}", re.IGNORECASE)


def _next_day_joined(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    one, two = first.window, second.window
    return (
        one.precision is Precision.DAY
        and two.precision is Precision.DAY
        and one.end is not None
        and two.start == one.end + dt.timedelta(days=1)
        and _DAY_AFTER_DAY.fullmatch(text, first.end, second.start) is not None
    )


def _days(text: str, first: TimeExpression, second: TimeExpression) -> TimeExpression:
    span = text[first.start : second.end]
    return TimeExpression(
        first.start, second.end, span, Window(first.window.start, second.window.end, Precision.DAYS, span)
    )


def resolve_window(expression: str, anchor: dt.date | None, tense: Tense = "future") -> Window | None:
    """The window of a whole expression ("first half of 2018", "2018-03-01"), or None when it is none.

    Meant for user input such as `--due`: month and weekday names may be lower case, and
    a bare year, month or season ("2018", "march") reads as "in 2018", "in March".
    """
    cleaned = " ".join(expression.split())
    if not cleaned:
        return None
    window = _resolve_iso(cleaned)
    if window is not None:
        return replace(window, text=expression.strip())
    cleaned = _capitalise_names(cleaned)
    for candidate, offset in ((cleaned, 0), ("in " + cleaned, 3)):
        found = [item for item in find_time_expressions(candidate, anchor, tense) if item.end > offset]
        leftover = candidate[offset:]
        for item in found:
            leftover = leftover.replace(item.text if item.start >= offset else item.text[offset:], " ", 1)
        if found and _is_filler(leftover):
            best = min(found, key=_specificity)
            return replace(best.window, text=expression.strip())
    return None


_ISO_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})")
_ISO_QUARTER = re.compile(r"(?P<y>\d{4})-?[Qq](?P<q>[1-4])")


def _resolve_iso(expression: str) -> Window | None:
    """ISO forms a user may type: 2018-03-01, 20180301, 2018-03-01T10:00, 2018-03 (month), 2018-Q1."""
    try:
        day = dt.datetime.fromisoformat(expression).date()
        return Window(day, day, Precision.DAY)
    except ValueError:
        pass
    try:
        if match := _ISO_MONTH.fullmatch(expression):
            return pd.month_window(int(match["y"]), int(match["m"]))
        if match := _ISO_QUARTER.fullmatch(expression):
            return pd.quarter_window(int(match["y"]), int(match["q"]))
    except ValueError:
        return None
    return None


def first_full_date(text: str) -> dt.date | None:
    """The first complete date (day, month and year) the text states, e.g. a dateline; None if none."""
    for atom in _select(scan_atoms(text)):
        if atom.full_date and atom.year is not None:
            try:
                return pd.bounds(atom.window_in(atom.year))[0]
            except ValueError:
                continue
    return None


@functools.lru_cache(maxsize=16)
def _atoms_of(text: str) -> tuple[Atom, ...]:
    """The joined atoms of a text; cached because callers often ask for both tenses of one text (the
    extractor asks again for a sentence up to a dozen sentences later: on the dev corpus, 292 scans of
    282 texts with 4 kept, 282 with 16)."""
    atoms: list[Atom] = []
    for atom in _select(scan_atoms(text)):
        if atoms and _repeats_weekday(text, atoms[-1], atom):
            continue
        atoms.append(atom)
    return tuple(_join(text, atoms))


def _repeats_weekday(text: str, date: Atom, atom: Atom) -> bool:
    """ "April 28 (Saturday)": the weekday in brackets is the date's own, no second expression."""
    bracket = _BRACKETED_WEEKDAY.match(text, atom.start - 1, atom.end + 1)
    return bool(bracket) and atom.start - 1 - date.end <= 2 and not text[date.end : atom.start - 1].strip()


def _select(atoms: list[Atom]) -> list[Atom]:
    """The leftmost-longest atoms that do not overlap; weak atoms only fill the gaps left."""
    chosen: list[Atom] = []
    for atom in sorted((a for a in atoms if not a.weak), key=lambda a: (a.start, -a.end)):
        if not chosen or atom.start >= chosen[-1].end:
            chosen.append(atom)
    starts = [atom.start for atom in chosen]
    gaps_filled: list[Atom] = []
    for atom in sorted((a for a in atoms if a.weak), key=lambda a: (a.start, -a.end)):
        index = bisect.bisect_left(starts, atom.end)  # chosen atoms starting before this one ends
        if index and chosen[index - 1].end > atom.start:
            continue
        if gaps_filled and gaps_filled[-1].end > atom.start:
            continue
        gaps_filled.append(atom)
    return sorted(chosen + gaps_filled, key=lambda atom: atom.start)


_WEEKDAY_BEFORE = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)
_OPENING_BRACKET = re.compile(r"\s{0,2}\(\s{0,2}")
_CLOSING_BRACKET = re.compile(r"\s{0,2}\)")


def _without_restatements(text: str, atoms: list[Atom]) -> list[Atom]:
    """ "From Monday (Jan 6) to Tuesday": a date in brackets restates the day before it; the two are one
    expression, dated by the brackets, so that the range still joins."""
    kept: list[Atom] = []
    for atom in atoms:
        closing = _CLOSING_BRACKET.match(text, atom.end)
        if (
            kept
            and closing is not None
            and _OPENING_BRACKET.fullmatch(text, kept[-1].end, atom.start)
            and _WEEKDAY_BEFORE.search(text, kept[-1].start, kept[-1].end) is not None
            and _is_a_day(atom)
        ):
            kept[-1] = replace(
                atom, start=kept[-1].start, core=kept[-1].core, lead=kept[-1].lead, end=closing.end()
            )
            continue
        kept.append(atom)
    return kept


def _join(text: str, atoms: list[Atom]) -> list[Atom]:
    """Lend years along lists, join ranges and alternatives, drop weak atoms left alone."""
    atoms = _without_restatements(text, list(atoms))
    # Right to left, so "June, July and August 2017" passes 2017 back to June.
    for index in range(len(atoms) - 2, -1, -1):
        first, second = atoms[index], atoms[index + 1]
        gap = text[first.end : second.core]
        if not _LIST.fullmatch(gap) and not _RANGE.fullmatch(gap):
            continue
        if (
            second.weak
            and not first.weak
            and _is_calendar(first)
            and _is_calendar(second)
            and _LIST.fullmatch(gap)
        ):
            atoms[index + 1] = second = replace(second, weak=False)
        if _is_yearless(first) and second.year is not None and not second.parts and _alike(first, second):
            atoms[index] = replace(first, year=_borrowed_year(first, second, second.year), weak=False)
    joined: list[Atom] = []
    for atom in atoms:
        if joined and _joins(text, joined[-1], atom):
            previous = joined.pop()
            atom = Atom(
                start=previous.start,
                core=previous.core,
                end=atom.end,
                lead=previous.lead,
                parts=(previous, atom),
            )
        joined.append(atom)
    return [atom for atom in joined if not atom.weak]


def _joins(text: str, first: Atom, second: Atom) -> bool:
    """True when `second` continues `first` as a range ("to", "–") or an alternative ("or")."""
    gap = text[first.end : second.core]
    if first.lead == "from" and _is_a_day(first) and _is_a_day(second):
        return bool(_RANGE.fullmatch(gap))  # "from tomorrow (05) to Thursday (07)"
    if first.lead == "between" and _is_a_day(first) and _is_a_day(second) and _AND.fullmatch(gap):
        return True  # "between April 9 and the 13th"
    if not (_is_calendar(first) and _is_calendar(second)):
        return False
    if _RANGE.fullmatch(gap) or _OR.fullmatch(gap):
        return True
    return first.lead == "between" and bool(_AND.fullmatch(gap))


def _is_a_day(atom: Atom) -> bool:
    """A single day, named or relative ("tomorrow", "Thursday", "5 May")."""
    try:
        if atom.relative is not None:
            window = atom.relative(_ANY_DAY, "future")
            return window is not None and window.precision is Precision.DAY
        return atom.build is not None and atom.window_in(2000).precision is Precision.DAY
    except ValueError:
        return False


def _is_calendar(atom: Atom) -> bool:
    return atom.build is not None or bool(atom.parts)


def _is_yearless(atom: Atom) -> bool:
    return atom.build is not None and atom.year is None and atom.year_offset is None


def _alike(first: Atom, second: Atom) -> bool:
    """True when both name the same kind of period (two months, two days), so a year may pass between them."""
    try:
        return first.window_in(2000).precision == second.window_in(2000).precision
    except ValueError:
        return False


def _borrowed_year(atom: Atom, lender: Atom, year: int) -> int:
    """The lender's `year`, or the one before when that would put `atom` after it ("December and January 2018")."""
    try:
        if pd.bounds(atom.window_in(year))[0] > pd.bounds(lender.window_in(year))[0]:
            return year - 1
    except ValueError:
        pass
    return year


def _resolve(
    atom: Atom, anchor: dt.date | None, tense: Tense, up_to_an_end: bool = False, at_the_latest: bool = False
) -> Window | None:
    """The atom's window, a deadline when it follows "by"/"before" (or "until" an end: `up_to_an_end`) or
    comes before "at the latest", or None when it cannot exist."""
    window = _resolve_period(atom, anchor, tense)
    deadline = (
        atom.lead in lx.DEADLINE_LEADS
        or (up_to_an_end and atom.lead in ("until", "till"))
        or (at_the_latest and tense == "future")
    )
    if window is None or not deadline or window.precision not in _CALENDAR_PRECISIONS:
        return window
    if anchor is None:
        return Window.open()
    _, end = pd.bounds(window)
    if end < anchor:
        return window  # "before 2010" in a text of 2016 is no deadline
    return Window(anchor, end, Precision.DEADLINE)


def _resolve_period(atom: Atom, anchor: dt.date | None, tense: Tense) -> Window | None:
    try:
        if atom.open_phrase:
            return Window.open()
        if atom.parts:
            return _resolve_pair(atom.parts[0], atom.parts[1], anchor, tense)
        if atom.relative is not None:
            return atom.relative(anchor, tense) if anchor else Window.open()
        if atom.year_offset is not None:
            return atom.window_in(anchor.year + atom.year_offset) if anchor else Window.open()
        if atom.year is not None:
            return _resolve_year(atom, atom.year, anchor)
        return pd.pick_year(atom.window_in, anchor, tense) if anchor else Window.open()
    except (ValueError, OverflowError):
        return None  # an impossible date ("31 February 2017")


def _resolve_year(atom: Atom, year: int, anchor: dt.date | None) -> Window:
    # "winter 2018" said in the second half of 2018 is the one that starts in December 2018.
    if atom.winter and anchor and anchor.year == year and anchor.month >= 7:
        return atom.window_in(year + 1)
    return atom.window_in(year)


def _resolve_pair(first: Atom, second: Atom, anchor: dt.date | None, tense: Tense) -> Window | None:
    """A range or alternative: a year-less end takes its year from the other end."""
    start: Window | None
    end: Window | None
    if _is_yearless(first) and not _is_yearless(second):
        end = _resolve_period(second, anchor, tense)
        if end is None or end.is_open:
            return end
        end_start = pd.bounds(end)[0]
        start = first.window_in(
            end_start.year
            if pd.bounds(first.window_in(end_start.year))[0] <= end_start
            else end_start.year - 1
        )
    else:
        start = _resolve_period(first, anchor, tense)
        if start is None or start.is_open:
            return start
        if _is_yearless(second):
            start_start, start_end = pd.bounds(start)
            end = second.window_in(start_end.year)
            if pd.bounds(end)[1] < start_start:
                end = second.window_in(start_end.year + 1)
        else:
            end = _resolve_period(second, anchor, tense)
            if end is None or end.is_open:
                return end
            if pd.bounds(end)[1] < pd.bounds(start)[0]:
                return start  # "from Monday to Wednesday" said on a Tuesday: no range read forward
    return pd.join_windows(start, end)


def _specificity(item: TimeExpression) -> tuple[int, int]:
    """Sort key: dated windows before open ones, narrower before wider."""
    window = item.window
    if window.is_open:
        return (2, 0)
    start, end = pd.bounds(window)
    return (0 if window.precision in _CALENDAR_PRECISIONS else 1, (end - start).days)


_NAMES = re.compile(
    r"\b(" + "|".join(list(lx.MONTHS) + list(lx.MONTH_ABBREVIATIONS) + list(lx.WEEKDAYS)) + r")\b",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"(?:[\s,.;:()]|\b(?:in|on|the|at|of|during|at\s+the\s+earliest|as\s+soon\s+as\s+possible|"
    r"asap|approximately|around|about|circa|some\s+time|sometime)\b)*",
    re.IGNORECASE,
)


_CODES = re.compile(r"\b[hq][1-4]\b")


def _capitalise_names(expression: str) -> str:
    """ "march" -> "March", "h2" -> "H2": user input is often lower case, text rarely is."""
    return _CODES.sub(
        lambda match: match.group().upper(), _NAMES.sub(lambda match: match.group().title(), expression)
    )


def _is_filler(leftover: str) -> bool:
    """True when what is left of an expression only qualifies it ("at the earliest", "as soon as possible")."""
    return _FILLER.fullmatch(leftover) is not None
