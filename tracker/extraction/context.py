"""What the extractor knows about a whole document before it reads single sentences.

Its sentences, the places and parties it names (gazetteer mentions), its dateline
("BAKU, 5 October —", "MOSCOW (Agency) -", "(June 11, Colombo, Agency)"), the
parties it is mainly about, and the time expressions of each sentence, found once
per tense. The rules in meetings.py and commitments.py read from this object.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from tracker.domain.model import Precision, Window
from tracker.extraction import lexicon
from tracker.extraction.events import EventWord, find_events, refine_kind
from tracker.extraction.sentences import Sentence, split_sentences
from tracker.gazetteer import Mention, Place, find_mentions
from tracker.speed.prefilter import Gated, Prefiltered, folded, guarded, one_of

if TYPE_CHECKING:
    from tracker.temporal import Tense

__all__ = ["DocumentContext", "Clause", "times_in"]

_REPORTING = lexicon.compile_alternatives(lexicon.REPORTING_VERBS)
# Words between a reporting verb and its date: "said on Tuesday", "announced Thursday", "said in Beijing on Friday".
_REPORT_BEFORE = Prefiltered(
    guarded(
        re.compile(
            r"(?:"
            + _REPORTING.pattern
            + "|"
            + "|".join(lexicon.REPORT_DOCUMENTS)
            + r")(?:\s+(?:on|in|at|late|early|last|this|"
            + "|".join(lexicon.REPORT_FILLERS)
            + r"|(?-i:[A-Z][\w.'\u2019-]{0,25}))){0,4}\s*$"
            # "according to the official daily Granma today": the day of the source's report
            + r"|\baccording\s+to\s+(?:[\w.'\u2019-]+\s+){1,5}$",
            re.IGNORECASE,
        )
    )
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\u201c\"])|\n")
_MONTH_START = r"(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# After a dateline city: a bracket, a colon or dash, an agency between slashes ("Ulaanbaatar/MONTSAME/"),
# its country in square brackets ("New Delhi [India], Dec 12 (ANI):"), or a comma and a date ("BAKU,
# 5 October", "Tashkent, Uzbekistan, April 23", "Washington, DC March 24"), or a line that opens with a
# date ("Washington, DC\nMarch 24, 2006").
_DATELINE_AFTER = re.compile(
    r"\s*(?:\(|:|--|\u2014|\u2013|-\s|-[A-Z]|\||\[[A-Z][\w ]{2,25}\])|\s?/[A-Z]{3,}/|"
    r"[ \t]*\n[ \t]*(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
    r",\s*(?:[A-Z][\w ]{2,25},\s*|D\.?C\.?,?\s+)?"
    + _MONTH_START
    + r"|\s+\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTH_START
)


# "ASTANA. KAZINFORM", "ANKARA, (APP": a capitalised dateline city, then the agency.
_AGENCY_AFTER = re.compile(r"\.\s+[A-Z]{3,}\b|,\s*\(")
# "Addis Ababa, Ethiopia – 18 February 2024:": a city, its country, a dash and the date.
# "Tashkent, Uzbekistan (UzDaily.com) --": a city, its country, the outlet in brackets and a dash.
_COUNTRY_DASH_DATE = re.compile(
    r",\s*[A-Z][\w ]{2,25}\s*(?:[-\u2013\u2014]+\s*"
    + _MONTH_START
    + r"|\([^()\n]{2,40}\)\s*(?:--|[-\u2013\u2014:]))"
)

# "Foreign Office Consultations (FOC)": up to six capitalised words, then the acronym in brackets (a plural
# "FOCs" too).
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z]{2,6})s?\)")
_LONG_NAME_BEFORE = guarded(
    re.compile(r"((?:[A-Z][\w&-]*\s+(?:(?:of|for|on|and|&)\s+)?){0,5}[A-Z][\w-]*)\s*$")
)


# "On Tuesday, the Chinese foreign ministry announced that ...": a date fronting a report of what will be.
_REPORT_AFTER = re.compile(
    r",?\s+(?:(?:[\w'\u2019-]+|(?:\w\.){2,})\s+){1,6}?(?:said|says|announced|stated|confirmed|told\s+(?:reporters|journalists|the\s+press|media))"
    r"\s+(?:that\b|:)",
    re.IGNORECASE,
)


# What may stand before a sentence's fronted date: nothing, or a dateline ending in a dash or a colon.
_FRONT = re.compile(r"(?:[^\n]{0,60}?(?:--|[-\u2013\u2014:]))?\s*$")


def fronts_a_report(text: str, start: int, end: int) -> bool:
    """True when the expression at start..end opens its sentence and the subject and verb of a report
    follow it ("On Tuesday, the ministry announced that ...")."""
    before = _sentence_before(text, start, 80)
    return (
        before is not None
        and bool(_FRONT.fullmatch(before))
        and bool(_REPORT_AFTER.match(text, end, min(len(text), end + 90)))
    )


def _sentence_before(text: str, start: int, reach: int) -> str | None:
    """What of its sentence stands before `start`, within `reach` characters; None when the sentence
    starts further back. A sentence end is sought up to the first letter at `start`, which its lookahead needs."""
    before = text[max(0, start - reach) : start + 1]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        return before[ends[-1].end() : -1]
    return before[:-1] if start <= reach else None


@dataclass(frozen=True)
class Clause:
    """A sentence with the mentions and time expressions inside it (offsets into the document)."""

    sentence: Sentence
    mentions: tuple[Mention, ...]


# A sentence with none of these words or digits has no time expression: skip the temporal scan.
# In lower case and read in the folded sentence (tracker.speed.prefilter.fold), it finds what it
# would with IGNORECASE, three times faster; the words as one trie (one_of), faster again.
_TIME_WORDS = [
    *"jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split(),
    *"today tonight yesterday tomorrow next last this coming year month week day soon shortly".split(),
    *"spring summer autumn fall winter early mid late end beginning half quarter q1 q2 q3 q4 h1 h2".split(),
    *"near future convenient later date time until till by before within ago earliest possible".split(),
    *"agreed decided".split(),
    "due course",
    "diplomatic channels",
]
_TIME_WORD = re.compile(r"\d|\b" + one_of(_TIME_WORDS))

# "That same day", "on the same day", "the following day", "the day before": a day named earlier in the
# text ("the day before the summit" is the summit's, and not read here).
_DAY_REFERENCE = Gated(
    guarded(
        re.compile(
            r"\b(?:(?:on|later)\s+)?(?:that|the)\s+(?:very\s+)?same\s+day\b|\blater\s+(?:on\s+)?that\s+day\b|"
            r"\b(?:on\s+)?the\s+(?:following|next)\s+day\b|"
            r"\b(?:on\s+)?the\s+(?:day\s+before|previous\s+day)\b"
            r"(?!\s+(?:the|a|an|his|her|its|their|this|that|yesterday)\b|\s+(?-i:[A-Z\d]))",
            re.IGNORECASE,
        )
    )
)
_DAY_AFTER = re.compile(r"following|next", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"before|previous", re.IGNORECASE)


_FUTURE_BEFORE = lexicon.compile_alternatives(lexicon.FUTURE_CUES, lower_only=True)

# Words a dispatch dates from the day it was filed: "today", "yesterday evening", "tomorrow".
_DISPATCH_RELATIVE = re.compile(
    r"(?:(?:on|from|until|by)\s+)?(?:today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"\d")
_DATELINE_SENTENCES = 6  # a dateline stands at the top of a dispatch, under a headline or two
_DISPATCH_DELAY = 3  # days between filing and publication a dateline date may account for

# How many sentences back "that same day" may look for the day it repeats: a release's paragraph.
_LOOK_BACK = 10


def times_in(sentence: Sentence, anchor: dt.date | None, tense: Tense) -> list:
    """Time expressions of one sentence with document offsets; never raises."""
    return _scan_times(sentence, anchor, tense) if has_time_word(sentence) else []


def has_time_word(sentence: Sentence) -> bool:
    """False when the sentence can have no time expression (no digit, no word of _TIME_WORDS)."""
    return _TIME_WORD.search(folded(sentence.text)) is not None


def _scan_times(sentence: Sentence, anchor: dt.date | None, tense: Tense) -> list:
    """times_in without the time-word test."""
    windows = _windows()
    try:
        found = windows.find_time_expressions(sentence.text, anchor, tense)
    except Exception:  # a temporal bug must not lose the whole document
        return []
    expression = windows.TimeExpression
    return [expression(e.start + sentence.start, e.end + sentence.start, e.text, e.window) for e in found]


@functools.cache
def _windows():
    """tracker.temporal.windows, loaded on first use (tracker.temporal says why) and then at once: an
    import statement in a function costs a microsecond at each call, some 60 times per document."""
    from tracker.temporal import windows

    return windows


def is_reported_date(text: str, start: int) -> bool:
    """True when the expression at `start` dates a report ("said on Wednesday"), not an event.

    "... said Thursday.\n\nOn Friday": the report is another sentence's."""
    before = _sentence_before(text, start, 60)
    return bool(_REPORT_BEFORE.search(text[max(0, start - 60) : start] if before is None else before))


@dataclass
class DocumentContext:
    text: str
    published: dt.date | None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @classmethod
    def read(cls, text: str, published: dt.date | None) -> DocumentContext:
        return cls(text, published, split_sentences(text), find_mentions(text))

    @cached_property
    def clauses(self) -> list[Clause]:
        out, index = [], 0
        mentions = self.mentions
        for sentence in self.sentences:
            while index < len(mentions) and mentions[index].end <= sentence.start:
                index += 1
            inside = []
            j = index
            while j < len(mentions) and mentions[j].start < sentence.end:
                inside.append(mentions[j])
                j += 1
            out.append(Clause(sentence, tuple(inside)))
        return out

    @cached_property
    def clause_starts(self) -> list[int]:
        """Where each of `clauses` begins, for bisection."""
        return [clause.sentence.start for clause in self.clauses]

    @cached_property
    def datelines(self) -> list[tuple[int, int, Place]]:
        """Cities that open a paragraph as a dateline, with their spans."""
        found = []
        for clause in self.clauses:
            start = clause.sentence.start
            if start > 0 and "\n" not in self.text[max(0, start - 3) : start]:
                continue  # a dateline opens a paragraph
            for mention in clause.mentions:
                if mention.place is None or mention.kind not in {"city", "country"}:
                    continue
                if mention.start - start > 40:
                    break
                lead = self.text[start : mention.start]
                if not _dateline_lead(lead):
                    continue
                dated_lead = bool(re.search(r"\d", lead))
                alone = (
                    mention.text.isupper()
                    and self.text[mention.end : mention.end + 1] in {"\n", ""}
                    and not self.text[start : mention.start].strip()
                )  # "TOKYO" alone on the first line
                agency_after = (
                    mention.text.isupper() and _AGENCY_AFTER.match(self.text, mention.end)
                ) or _COUNTRY_DASH_DATE.match(self.text, mention.end)
                if (
                    not alone
                    and not agency_after
                    and not _DATELINE_AFTER.match(self.text, mention.end)
                    and not (dated_lead and self.text[mention.end : mention.end + 1] in {",", "\n", ""})
                ):
                    continue
                found.append((mention.start, mention.end, mention.place))
                break
        return found

    @cached_property
    def dateline(self) -> Place | None:
        """The first dateline city, the place of what the text reports when it names no other."""
        return self.datelines[0][2] if self.datelines else None

    @cached_property
    def _dateline_spans(self) -> set[tuple[int, int]]:
        return {(a, b) for a, b, _ in self.datelines}

    def in_dateline(self, mention: Mention) -> bool:
        """The dateline city itself, or a name in the credit after it ("NEW DELHI (Pakistan Point News) ...")."""
        if (mention.start, mention.end) in self._dateline_spans:
            return True
        credits = self._dateline_credits
        number = bisect.bisect_right(credits, (mention.start,)) - 1
        return number >= 0 and credits[number][0] < mention.start and mention.end <= credits[number][1]

    @cached_property
    def _dateline_credits(self) -> list[tuple[int, int]]:
        """Spans of the brackets right after dateline cities, in text order."""
        found = []
        for _, city_end, _ in self.datelines:
            opening = self.text.find("(", city_end, city_end + 3)
            closing = self.text.find(")", opening, opening + 120) if opening >= 0 else -1
            if closing > opening >= 0:
                found.append((opening, closing))
        return found

    @cached_property
    def main_parties(self) -> list[str]:
        """The parties the document is mostly about, most named first."""
        counts: Counter[str] = Counter()
        for number, clause in enumerate(self.clauses):
            weight = 2 if number < 3 else 1
            for mention in clause.mentions:
                if mention.is_party and mention.code:
                    counts[mention.code] += weight
                elif mention.kind == "format":
                    counts.update(dict.fromkeys(mention.members, weight))  # "the Quad": its states
        if not counts:
            return []
        top = counts.most_common(1)[0][1]
        return [code for code, count in counts.most_common() if count >= max(2, top / 3)]

    def times(self, sentence: Sentence, tense: Tense) -> list:
        """times_in, computed once per sentence and tense; in the past tense "that same day" and "the
        following day" too, dated from the last day the text named before them."""
        key = (sentence.start, tense)
        cache = self.__dict__.setdefault("_times", {})
        if key not in cache:
            found = self._times_in(sentence, tense)
            if self.dispatch_day is not None:
                found = [self._from_dispatch_day(e, tense) for e in found]
            if _DAY_REFERENCE.search(sentence.text):
                found = sorted(found + self._day_references(sentence, found, tense), key=lambda e: e.start)
            cache[key] = found
        return cache[key]

    def _times_in(self, sentence: Sentence, tense: Tense) -> list:
        """times_in against the publication date, kept per sentence and tense (dispatch_day reads the
        dateline's sentence first, `times` again), the time-word test once per sentence."""
        key = (sentence.start, tense)
        cache = self.__dict__.setdefault("_raw_times", {})
        if key not in cache:
            timed = self.__dict__.setdefault("_has_time_word", {})
            if sentence.start not in timed:
                timed[sentence.start] = has_time_word(sentence)
            cache[key] = _scan_times(sentence, self.published, tense) if timed[sentence.start] else []
        return cache[key]

    @cached_property
    def dispatch_day(self) -> dt.date | None:
        """The day a dateline gives a dispatch filed before publication ("DURBAN, Aug 30 (PTI)",
        published on the 31st): its "today" and "yesterday" are that day's."""
        if self.published is None or not self.datelines:
            return None
        for _, city_end, _ in self.datelines:
            number = bisect.bisect_right(self.clause_starts, city_end) - 1
            if number >= _DATELINE_SENTENCES:
                break
            for expression in self._times_in(self.clauses[number].sentence, "past"):
                window = expression.window
                if (
                    self.in_dateline_date(expression.start)
                    and _NUMBERED.search(expression.text)  # a date, not the dispatch's own "yesterday"
                    and window.precision is Precision.DAY
                    and window.start is not None
                    and 0 < (self.published - window.start).days <= _DISPATCH_DELAY
                ):
                    return window.start
        return None

    def _from_dispatch_day(self, expression, tense: Tense):
        if not _DISPATCH_RELATIVE.fullmatch(expression.text):
            return expression
        window = _windows().resolve_window(expression.text, self.dispatch_day, tense)
        if window is None:
            return expression
        return _windows().TimeExpression(expression.start, expression.end, expression.text, window)

    def _day_references(self, sentence: Sentence, found: list, tense: Tense) -> list:
        TimeExpression = _windows().TimeExpression  # noqa: N806  # the class, loaded on first use
        out = []
        for match in _DAY_REFERENCE.finditer(self.text, sentence.start, sentence.end):
            if any(e.start < match.end() and match.start() < e.end for e in found):
                continue
            day = self._last_day_before(sentence, match.start(), found, tense)
            if day is None:
                continue
            if _DAY_AFTER.search(match.group()):
                day += dt.timedelta(days=1)
            elif _DAY_BEFORE.search(match.group()):
                day -= dt.timedelta(days=1)
            if self.published is not None and (day > self.published) != (tense == "future"):
                continue  # a past day for the past tense, a day to come for the future
            window = Window(day, day, Precision.DAY, match.group())
            out.append(TimeExpression(match.start(), match.end(), match.group(), window))
        return out

    def _last_day_before(
        self, sentence: Sentence, position: int, found: list, tense: Tense = "past"
    ) -> dt.date | None:
        """The day the text last named before `position` (a dispatch's dateline date aside), in `tense`."""
        number = bisect.bisect_right([s.start for s in self.sentences], sentence.start) - 1
        previous = reversed(self.sentences[max(0, number - _LOOK_BACK) : max(0, number)])
        # The nearest day named, looking back past sentences that name only a year or a month
        # ("... Sports Capital in 2026. The same day, ...").
        for earlier in ([e for e in found if e.end <= position], *(self.times(s, tense) for s in previous)):
            for expression in reversed(earlier):
                window = expression.window
                if (
                    window.precision is Precision.DAY
                    and not self.in_dateline_date(expression.start)
                    and not (tense == "past" and self._read_backwards(expression))
                ):
                    return window.start
        return None

    def _read_backwards(self, expression) -> bool:
        """ "he will travel to Islamabad on July 15": a day to come, whatever its past-tense reading."""
        return bool(_FUTURE_BEFORE.search(self.text, max(0, expression.start - 50), expression.start))

    def events(self, sentence: Sentence) -> list:
        """Event words of a sentence, computed once; acronyms the document defines count too."""
        cache = self.__dict__.setdefault("_events", {})
        if sentence.start not in cache:
            found = find_events(self.text, sentence.start, sentence.end)
            if self.acronyms:
                taken = {(e.start, e.end) for e in found}
                for match in self._acronym_pattern.finditer(self.text, sentence.start, sentence.end):
                    if (match.start(), match.end()) not in taken:
                        found.append(
                            EventWord(
                                match.start(),
                                match.end(),
                                match.group(),
                                self.acronyms[match.group().rstrip("s")],
                            )
                        )
                found.sort(key=lambda e: e.start)
            cache[sentence.start] = found
        return cache[sentence.start]

    @cached_property
    def acronyms(self) -> dict:
        """Acronyms the text defines for an event: "Foreign Office Consultations (FOC)" -> FOC is consultations."""
        found = {}
        for bracket in _ACRONYM_IN_BRACKETS.finditer(self.text):
            match = _LONG_NAME_BEFORE.search(self.text, max(0, bracket.start() - 120), bracket.start())
            if match is None:
                continue
            events = find_events(self.text, match.start(1), match.end(1))
            if events and events[-1].end >= match.end(1) - 2:
                found[bracket[1]] = refine_kind(self.text, events[-1])
        return found

    @cached_property
    def _acronym_pattern(self) -> re.Pattern:
        return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, self.acronyms)) + r")s?(?![\w-])")

    def reported(self, start: int, end: int) -> bool:
        """The expression at start..end dates a report ("said on Tuesday", "On Tuesday, the ministry said that")."""
        return is_reported_date(self.text, start) or fronts_a_report(self.text, start, end)

    def is_title_line(self, sentence: Sentence) -> bool:
        """A headline or caption: one short line with no closing full stop ("Xi Jinping to visit DPRK")."""
        body = sentence.text.strip()
        if not body or len(body) > 160 or "\n" in body or body[-1] in '.!?"\u201d':
            return False
        after = self.text[sentence.end : sentence.end + 2]
        return not after or "\n" in after or sentence.end >= len(self.text.rstrip())

    def in_dateline_date(self, start: int) -> bool:
        """ "BEIJING, June 17 (Xinhua) --", "MOSCOW (Sputnik - 06th June, 2022)": a date right after a
        dateline city, or in the credit after it, dates the dispatch."""
        ends = self._dateline_ends
        if any(line_start <= start < city_start for line_start, city_start in self._dateline_leads):
            return True  # "November 19, 2021 – Ottawa": a date before the city
        if any(opening < start < closing for opening, closing in self._dateline_credits):
            return True
        number = bisect.bisect_right(ends, start) - 1
        # Only a comma or a space may stand between: "TALLINN - On Monday, May 8, ... will meet" dates the event.
        return (
            number >= 0
            and start - ends[number] <= 12
            and not self.text[ends[number] : start].strip(" ,\u00a0")
        )

    @cached_property
    def _dateline_leads(self) -> list[tuple[int, int]]:
        """(line start, city start) of datelines with a date before their city."""
        found = []
        for city_start, _, _ in self.datelines:
            line_start = self.text.rfind("\n", 0, city_start) + 1
            if re.search(r"\d{4}", self.text[line_start:city_start]):
                found.append((line_start, city_start))
        return found

    @cached_property
    def _dateline_ends(self) -> list[int]:
        return [city_end for _, city_end, _ in self.datelines]


def _dateline_lead(lead: str) -> bool:
    """What may precede a dateline city at a sentence start: nothing, a bracket, a time or a bar."""
    stripped = lead.strip()
    if not stripped:
        return True
    return bool(
        re.fullmatch(
            # "(MENAFN- Nam News Network) VIENTIANE, May 31": a wire's credit before the dateline.
            r"[(\[]|\([^()]{1,40}\)|[\d:]{3,5}\s*\||\(?[A-Z][a-z]{2,8}\.? \d{1,2},|[A-Za-z]{3,9}\.? \d{1,2},"
            # "November 19, 2021 – Ottawa, Ontario – Global Affairs Canada": the date first.
            r"|(?:[A-Z][a-z]{2,8}\.? \d{1,2},? |\d{1,2} [A-Z][a-z]{2,8} )\d{4}\s*[-\u2013\u2014]",
            stripped,
        )
    )
