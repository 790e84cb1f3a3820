"""Meetings a text reports: contacts that took place on a day the text lets us date.

A meeting is read where a clause pairs an event word (consultations, talks, visit,
call, session of a commission ...) with a day: either a past verb ("were held",
"met", "took place") governs the clause, or the day sits right next to the event
word ("Wednesday's talks", "1st Consultation — May 19, 2007"). A date that only
dates a report ("the ministry said on Wednesday") dates nothing. Contacts fixed for
the publication day count as meetings. Mentions of one contact are merged.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from functools import cached_property

from tracker.domain.model import Evidence, Kind, Meeting, Participant, Precision, Window
from tracker.extraction import lexicon
from tracker.extraction.context import DocumentContext
from tracker.extraction.events import KIND_PRIORITY, EventWord, refine_kind
from tracker.extraction.parties import meeting_parties, separate_counterparts
from tracker.extraction.reading import (
    city_of_the_stay,
    days_named_after,
    days_named_before,
    days_of_contact,
    destination,
    names_its_first_day,
    no_city,
    possessive_day,
    segments,
    venue,
)
from tracker.gazetteer import Place, lookup_party, party_name
from tracker.speed.prefilter import Gated, Prefiltered, guarded
from tracker.temporal.periods import bounds

__all__ = ["extract_meetings", "meeting_title"]

_PAST = Prefiltered(
    lexicon.compile_alternatives(lexicon.PAST_TRIGGERS + lexicon.PAST_GATHERINGS, lower_only=True)
)
_FUTURE = lexicon.compile_alternatives(lexicon.FUTURE_CUES, lower_only=True)
_PRESENT_SCHEDULE = lexicon.compile_alternatives(lexicon.PRESENT_SCHEDULE, lower_only=True)
_MODAL_BEFORE = re.compile(lexicon.MODAL_BEFORE, re.IGNORECASE)
_SAME_DAY = re.compile(r"^(?:" + lexicon.SAME_DAY + r")\b", re.IGNORECASE)
_SAME_DAY_ANYWHERE = Prefiltered(re.compile(r"\b(?:" + lexicon.SAME_DAY + r")\b", re.IGNORECASE))
_ANOTHER = re.compile(r"\b(?:another|the other|a second|a further)\b[^.;]{0,30}$", re.IGNORECASE)
# "On Sunday afternoon, at their meeting in Baghdad, ...": a day set before the meeting it dates.
_AT_THE_EVENT_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening))?,\s+(?:at|during)\s+(?:the|their|a|an|his|her)\s+"
    r"(?:(?!next\b|upcoming\b|coming\b|forthcoming\b)[\w-]+\s+){0,2}",
    re.IGNORECASE,
)
_WILL = re.compile(r"\b(?:will|shall|(?:is|are) (?:to|due|set to))\b", re.IGNORECASE)
# "met ahead of the planned summit": an event word the contact discussed or prepared, not the contact.
_A_PLAN_BEFORE = re.compile(
    r"\b(?:scheduled|planned|upcoming|forthcoming|preparations?\s+(?:for|ahead\s+of)|ahead\s+of|"
    r"(?:to\s+)?(?:prepare|organi[sz]e))\b[^.;,]{0,30}$",
    re.IGNORECASE,
)
_PLEDGED_BEFORE = re.compile(r"\b(?:" + lexicon.PAST_PLEDGES + r")\s+(?:that|to|on)\b", re.IGNORECASE)
_MEDIA = re.compile(r"(?:press|news) conference|briefing|interview|statement", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_BEGINNING = re.compile(
    r"\b(?:arrived|arrives|began|begins|started|starts|kicked off|kicks off|opened|opens)\b"
    r"|\bfrom (?:today|this morning)\b"
    # "will travel to Batumi on Friday for a two-day working visit", said on that Friday.
    r"|\b(?:will|to) (?:travel|arrive|leave|fly|head)\b",
    re.IGNORECASE,
)
_ENDING = re.compile(
    r"\b(?:concluded|ended|wound up|wrapped up|closed|closing|came to an end)\b", re.IGNORECASE
)
# "had been shifted from March 12 to March 18": the days a contact was moved between, not its span.
_MOVED = re.compile(
    r"\b(?:changed|brought forward|" + lexicon.MOVES + "|" + lexicon.POSTPONEMENTS + r")\s+$", re.IGNORECASE
)
# "his visit had been scheduled for June 6-7": the plan that was, not the contact of the day.
_ORIGINAL_PLAN = guarded(re.compile(r"\b(?:" + lexicon.ORIGINAL_PLAN + r")\b", re.IGNORECASE))
_WHERE_CLAUSE = re.compile(r",\s+where\b", re.IGNORECASE)
# Contacts that last one sitting; a length in their sentence is the stay's, unless said of them.
_ONE_SITTING = {Kind.TALKS, Kind.CALL, Kind.SIGNING}
_SIDELINES = re.compile(r"on the (?:sidelines|margins?) of", re.IGNORECASE)
_ON_A_VISIT = Gated(
    guarded(
        re.compile(
            r"\b(?:arrived|arrives|arriving|came|comes|was|is|paid|pays|paying|began|begins|started|"
            r"starts|made|makes|wrapped up|concluded)\s+(?:on\s+|here\s+on\s+)?(?:an?|his|her|their)\s+"
            r"(?:\w+[ -]day\s+)?(?:state|official|working|friendly|official friendly|bilateral)?\s*visit\b",
            re.IGNORECASE,
        )
    )
)
# "that same day", "later that day": a day reference that moves on to another contact of the day named.
_SAME_DAY_REF = re.compile(
    r"(?:on\s+|later\s+)?(?:that|the)\s+(?:very\s+)?same\s+day|later\s+(?:on\s+)?that\s+day", re.I
)
_YEAR_BACK_DAYS = 300  # a release dates a contact of the year before with its year
# "Tuesday night - Wednesday morning Beijing time": the same moment told in another place's clock.
_LOCAL_TIME_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:[A-Z][\w.-]+\s+){1,2}time\b"
)
# "on Friday called off his planned trip", "on Sunday put off his coming visits": no contact that day.
_CALLED_OFF = Prefiltered(
    guarded(re.compile(r"\b(?:" + lexicon.CANCELS + "|" + lexicon.POSTPONEMENTS + r")\b", re.IGNORECASE))
)
# "the meetings of the committee, which begin on Thursday": a day to come.
_WHICH_BEGIN = re.compile(r"\b(?:which|that)\s+(?:begin|open|start|convene|take place|run)\b", re.IGNORECASE)
# The future cues a headline writes in title case ("To Meet", "Will Visit"), from the one list of them.
_TITLE_FUTURE = re.compile(
    r"\b(?:"
    + "|".join(
        cue.split("(?!")[0].title() for cue in lexicon.FUTURE_CUES if cue == "will" or cue.startswith("to ")
    )
    + r")\b"
)
_LAST_AFTER = re.compile(r"\s+last\b")
_LEAD_SENTENCES = 6
_INVITATION_OF = re.compile(r".*\b(?:at|upon|on) the invitation of\b", re.IGNORECASE)
# "is on a two-day official visit to Norway": a stay the present tense places on the publication day.
_UNDER_WAY = re.compile(
    r"\b(?:" + lexicon.STAY_UNDER_WAY + "|" + lexicon.HAPPENING_NOW + r")\b", re.IGNORECASE
)
_HEADLINE_SENTENCES = 4  # a headline sits above the lead, under at most a line or two of page furniture
# "The Monday meeting": a day used as a name for a contact the text has reported.
_THE_DAYS = re.compile(r"\bthe\s+$", re.IGNORECASE)
_ON_THE_SCHEDULE = re.compile(r"\b(?:is|are) " + lexicon.ON_THE_SCHEDULE + r"\b", re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
# "agreed during a telephone conversation on Thursday", "invited him during talks the same day": a past
# verb frames the contact, whatever the future it agreed on.
_PAST_DURING = re.compile(
    r"\b[a-z]+ed(?:\s+(?:him|her|them|it|(?:his|her|their)\s+(?:[\w-]+\s+)?counterparts?))?\s+during\s+"
    r"(?:an?|the|their|his|her)\s+(?:[\w-]+\s+){0,2}$"
)
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
_FOLLOW_UP_SENTENCES = 2  # how far after a contact a sentence still tells how it was held  # a release's lead: its first sentences, headline and date line included
_TOP_CHARS = 400
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
_HEADED = Gated(
    guarded(
        re.compile(
            r"(?:(?:[Tt]he\s+)?(?P<side>[A-Z][\w-]+)\s+(?:delegation|side|one|team)\s+(?:was\s+)?"
            r"(?:(?:headed|led|represented|chaired)\s+)?by|(?:headed|led|represented|chaired)\s+by)\s+"
            r"(?P<who>(?:[A-Z][\w.'\u2019-]*\s+){1,8}[A-Z][\w.'\u2019-]+)"
        )
    )
)
_TITLE_WORDS = set(
    """acting deputy first second assistant vice foreign prime state permanent chief senior minister
secretary ambassador director general adviser advisor president chairman head special envoy representative
of for affairs political the ministry external international legal consular under undersecretary
director-general minister-counsellor counsellor vice-minister vice-president deputy-minister spokesperson spokesman his her excellency h.e. mr mrs ms dr""".split()
)


def _with_year_of_sentence(ctx, sentence, expression, expressions):
    """ "resumed in 2014, when they met on Jan 27": a yearless day takes the year the sentence gives."""
    if _YEAR.search(expression.text) or not re.search(r"\d", expression.text):
        return expression.window  # a stated year, or a weekday or "yesterday": dated from publication
    years = [
        e
        for e in expressions
        if e.window.precision is Precision.YEAR
        and e.start < expression.start
        and e.window.start is not None
        and e.window.end is not None
        and e.window.start.year == e.window.end.year  # "the Plan of Action (2016-2020)" is a term, no year
    ]
    if not years:
        return expression.window
    year = years[-1].window.start.year
    try:
        start = expression.window.start.replace(year=year)
        end = expression.window.end.replace(
            year=year + (expression.window.end.year - expression.window.start.year)
        )
    except ValueError:
        return expression.window
    return type(expression.window)(start, end, expression.window.precision, expression.window.text)


def _in_dateline_brackets(text: str, start: int) -> bool:
    """ "MOSCOW (Agency / Sputnik - 26th October, 2019)": the date of the dispatch, not of an event."""
    head = text[max(0, start - 80) : start]
    opening = head.rfind("(")
    if opening < 0 or ")" in head[opening:]:
        return False
    line_start = head.rfind("\n", 0, opening)
    return opening - (line_start + 1) <= 40 if line_start >= 0 else start - 80 + opening <= 40


_AGREED_ON_A_DAY = re.compile(r"agreed$", re.IGNORECASE)
_PARTIES_BETWEEN = re.compile(
    r"\s+between\s+(?:[^.;,:()]|(?<=[A-Z])\.){1,70}?\s+and\s+(?:[^.;,:()]|(?<=[A-Z])\.){1,60}?\s+(?:on\s+)?"
)
_PLACE_BETWEEN = re.compile(
    r"\s+(?:in|at)\s+(?:(?!\b(?:on|and|or|from|to|until|between)\b)[^.;,:()]){1,60}?(?:\s+on)?\s+"
)


# "their 20 June meeting in Johannesburg", "the March 4 talks": a past date set before the contact's noun.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|their|his|her|its|last)\s+$", re.IGNORECASE)


def _attributive_past_date(text: str, expression, window: Window, published: dt.date | None) -> bool:
    return (
        published is not None
        and window.precision is Precision.DAY
        and window.end is not None
        and window.end < published
        and (
            _DETERMINER_BEFORE.search(text, max(0, expression.start - 8), expression.start) is not None
            or expression.text.lower().startswith("the ")
        )
        and bool(re.match(r" (?-i:[a-z])", text[expression.end : expression.end + 2]))
    )


def _adjacent_event(text: str, events, start: int, end: int):
    """An event word within a few words of the date ("Wednesday's talks", "talks on Wednesday")."""
    for event in events:
        if 0 <= start - event.end <= 25 and not re.search(r"[.;]", text[event.end : start]):
            return event
        if 0 <= start - event.end <= 80 and _PLACE_BETWEEN.fullmatch(text, event.end, start):
            return event  # "at their meeting in Russia's Black Sea resort of Sochi on March 6-7"
        if 0 <= start - event.end <= 120 and _PARTIES_BETWEEN.fullmatch(text, event.end, start):
            return event  # "the phone call between President Xi and President Trump on Thursday"
        if 0 <= event.start - end <= 12 and not re.search(r"[.;,]", text[end : event.start]):
            return event
        if (
            0 <= event.start - end <= 40
            and _AT_THE_EVENT_AFTER.fullmatch(text, end, event.start)
            and not _WILL.search(text, event.end, _sentence_end(text, event.end))
        ):
            return event  # "On Sunday afternoon, at their meeting in Baghdad, the ministers called for ..."
    return None


def _sentence_end(text: str, at: int) -> int:
    end = text.find(".", at)
    return len(text) if end < 0 else end


def _participants(ctx: DocumentContext, sentence) -> list[Participant]:
    found = []
    for match in _HEADED.finditer(sentence.text):
        words = match["who"].split()
        name_words: list[str] = []
        for word in reversed(words):
            if word.lower().strip(",") in _TITLE_WORDS:
                break
            name_words.insert(0, word)
        if not name_words or len(name_words) == len(words) and len(words) > 4:
            continue
        role = " ".join(words[: len(words) - len(name_words)]) or None
        country = lookup_party(match["side"]) if match["side"] else None
        found.append(Participant(" ".join(name_words).rstrip(",."), role, country))
    return found


def meeting_title(kind: Kind, parties: list[str], city: str | None) -> str:
    label = lexicon.KIND_LABELS[kind].capitalize() if kind is not Kind.CALL else "Call"
    names = [party_name(code) for code in sorted(parties)]
    title = label
    if len(names) >= 2:
        title += " between " + (", ".join(names[:-1]) + " and " + names[-1])
    elif names:
        title += " with " + names[0]
    if city:
        title += f" in {city}"
    return title


@dataclass(frozen=True)
class _Segment:
    """One clause of a sentence (offsets into the document) and the cues read from it once."""

    text: str = field(repr=False)  # the document's
    start: int
    end: int
    events: list  # its event words, or the sentence's when it has none of its own
    triggers: list[re.Match]  # past verbs not governed by a modal ("were held", not "will be held")

    # The two cues below are read when first asked for: few segments are asked (on the dev corpus, one
    # in twelve for the future cue, one in five for the sidelines), and the future cue's search was
    # about 2% of the extractor's time when every segment read it.
    @cached_property
    def has_future(self) -> bool:
        return bool(_FUTURE.search(self.text, self.start, self.end))

    @cached_property
    def sidelines(self) -> re.Match | None:
        """ "on the sidelines of": where a second contact is named."""
        return _SIDELINES.search(self.text, self.start, self.end)


def extract_meetings(ctx: DocumentContext) -> list[Meeting]:
    """The meetings `ctx` reports, in text order, one per contact."""
    found: list[Meeting] = []
    met: dict[int, set[str]] = {}  # id of a meeting -> surnames of the persons its mentions say were met
    lead_dated: bool | None = None  # whether the release states its date at the top, looked at once
    for number, clause in enumerate(ctx.clauses):
        sentence = clause.sentence
        events = _contact_events(ctx, sentence)
        agreement = not events
        events = events or _agreement_of_two_states(clause)
        if not events:
            continue
        all_past = ctx.times(sentence, "past")
        same_day = _same_day_expressions(ctx, sentence)
        for seg_start, seg_end in segments(ctx.text, sentence.start, sentence.end):
            segment = _read_segment(ctx, seg_start, seg_end, events)
            if agreement:  # the verb of the agreement is its past verb too
                segment.triggers.extend(_AGREED.finditer(ctx.text, seg_start, seg_end))
            candidates = _dated_contacts(ctx, sentence, segment, all_past)
            if (
                not found
                and not candidates
                and number < _LEAD_SENTENCES
                and _is_lead_contact(ctx, sentence, segment, all_past)
            ):
                if lead_dated is None:
                    lead_dated = _dated_at_the_top(ctx)
                under_way = _UNDER_WAY.search(ctx.text, seg_start, seg_end) is not None
                if (lead_dated or under_way) and ctx.published is not None:
                    candidates.append(_publication_day(ctx.published, seg_start))
            if not candidates:
                candidates = _of_the_publication_day(ctx, sentence, segment)
            if not candidates:
                candidates = _of_the_day_of_the_stay(ctx, found, segment, all_past)
            for expression in same_day:
                if (
                    seg_start <= expression.start < seg_end
                    and segment.has_future
                    and not ctx.reported(expression.start, expression.end)
                    and not _CALLED_OFF.search(ctx.text, seg_start, seg_end)
                ):
                    candidates.append((expression, expression.window))
            for expression, window in candidates:
                _add_contacts(found, met, ctx, number, segment, expression, window)
    participants_from_document(ctx, found)
    _virtual_follow_ups(ctx, found)
    for meeting in found:
        meeting.title = meeting_title(meeting.kind, meeting.parties, meeting.city)
    return found


# "The foreign ministers of Ghana and Nigeria agreed on Wednesday to ...": an agreement of two states'
# office holders on a day is a contact of theirs that day, though no word names it.
_AGREED = guarded(re.compile(r"\b(?:agreed|pledged|vowed)\b"))


def _agreement_of_two_states(clause) -> list:
    """The verb of an agreement its sentence gives two states or more, as the word of their contact."""
    agreed = _AGREED.search(clause.sentence.text)
    states = {m.code for m in clause.mentions if m.is_party and m.code and len(m.code) == 2}
    if agreed is None or len(states) < 2:
        return []
    start = clause.sentence.start + agreed.start()
    return [EventWord(start, start + len(agreed.group()), agreed.group(), Kind.MEETING)]


def _contact_events(ctx: DocumentContext, sentence) -> list:
    """Event words of a sentence that can name a contact; a signing only as a ceremony or "signed today"."""
    return [
        e
        for e in ctx.events(sentence)
        if e.kind is not Kind.SIGNING or "ceremony" in e.text.lower() or _names_a_day(sentence.text)
    ]


def _may_name_the_publication_day(published: dt.date, sentence) -> bool:
    """Whether the sentence has the day's number or a word for a day ("today", "on Monday"): the cheap
    test before its times are read."""
    return str(published.day) in sentence.text or _names_a_day(sentence.text)


@functools.lru_cache(maxsize=16)
def _names_a_day(sentence_text: str) -> bool:
    """Whether a sentence has a word for a day ("today", "on Monday"); asked of a sentence once per
    clause and event word, found once."""
    return _SAME_DAY_ANYWHERE.search(sentence_text) is not None


def _same_day_expressions(ctx: DocumentContext, sentence) -> list:
    """A contact that begins on the publication day ("will chair ... today", "On April 19" said on April
    19, "will pay a state visit on Sept. 5-6" said on Sept. 5)."""
    published = ctx.published
    if published is None or not _may_name_the_publication_day(published, sentence):
        return []
    return [
        e
        for e in ctx.times(sentence, "future")
        if e.window.precision in {Precision.DAY, Precision.DAYS}
        and e.window.start == published
        and (
            (e.window.precision is Precision.DAYS and names_its_first_day(e.window))
            or _SAME_DAY.match(e.text.strip())
            or e.text.lower().startswith(("on ", "for "))
        )
        and not _MOVED.search(ctx.text, max(0, e.start - 30), e.start)
        and not _ORIGINAL_PLAN.search(ctx.text, sentence.start, e.start)
        and not ctx.in_dateline_date(e.start)
        and not ctx.reported(e.start, e.end)
        and not _LOCAL_TIME_AFTER.match(ctx.text, e.end)
    ]


_NEXT = re.compile(r"\bnext\b", re.IGNORECASE)
_NEAR = 70  # how far from its event word a day of the publication still dates it
# "On Friday, the leaders announced a mechanism for meetings", "the readout was released on Wednesday",
# "said so on the margins of a meeting with parliament on Tuesday": the day dates the report.
_REPORT_BETWEEN = re.compile(
    r"\b(?:" + "|".join(lexicon.REPORTING_VERBS) + r"|announce\w*|released|issued|published|adopted|"
    r"readout|spokes\w+)\b",
    re.IGNORECASE,
)


def _of_the_publication_day(ctx: DocumentContext, sentence, segment: _Segment) -> list:
    """ "Ankara is hosting the consultations on Wednesday (July 5)", "talks opened in Tashkent this
    morning", "after a meeting with Rabuka in Suva this morning": a contact the segment dates to the
    publication day, whatever its tense, when no other time of the segment lies ahead."""
    published = ctx.published
    if published is None or not _may_name_the_publication_day(published, sentence):
        return []
    inside = [
        e
        for tense in ("past", "future")
        for e in ctx.times(sentence, tense)
        if segment.start <= e.start < segment.end
    ]
    today = [
        e
        for e in inside
        if e.window.precision is Precision.DAY
        and e.window.start == published
        and not ctx.reported(e.start, e.end)
        and not ctx.in_dateline_date(e.start)
        and not _in_dateline_brackets(ctx.text, e.start)
        and not _LOCAL_TIME_AFTER.match(ctx.text, e.end)
    ]
    if not today or any(bounds(e.window)[1] > published for e in inside) or segment.has_future:
        return []
    if _NEXT.search(ctx.text, segment.start, segment.end) or _CALLED_OFF.search(
        ctx.text, segment.start, segment.end
    ):
        return []  # "his schedule for today and the next few days", "the visit was scrapped today"
    if ctx.is_title_line(sentence):
        return []
    for expression in today:
        for event in segment.events:
            left, right = (
                sorted((expression.end, event.start))
                if event.start >= expression.end
                else sorted((event.end, expression.start))
            )
            if right - left > _NEAR or _REPORT_BETWEEN.search(ctx.text, left, right):
                continue
            if not _REPORT_BETWEEN.search(ctx.text, max(segment.start, event.start - 40), event.start):
                return [(expression, expression.window)]
    return []


def _of_the_day_of_the_stay(
    ctx: DocumentContext, found: list[Meeting], segment: _Segment, all_past: list
) -> list:
    """ "During his visit to Kiev he also met the President of Macedonia", "After the meeting with
    Yanukovych, he talked with the President of Lithuania": an undated contact the text ties to a one-day
    stay it has dated is of that day."""
    if not found or not segment.triggers or all_past or segment.has_future:
        return []
    if not _TIED_TO_THE_STAY.search(ctx.text, segment.start, segment.end):
        return []
    stay = found[0]
    if stay.start != stay.end or ctx.published is None or stay.start != ctx.published:
        return []
    return [_publication_day(ctx.published, segment.start)]


# "during his visit to Kiev", "after the meeting with Yanukovych", "the last stop of the visit".
_TIED_TO_THE_STAY = re.compile(
    r"\b(?:" + lexicon.STAY_PARTS + r"|after the (?:meeting|talks) with|(?:last|next|first) stop of)\b",
    re.IGNORECASE,
)


def _read_segment(ctx: DocumentContext, start: int, end: int, events: list) -> _Segment:
    text = ctx.text
    return _Segment(
        text,
        start,
        end,
        [e for e in events if start <= e.start < end] or events,
        [
            m
            for m in _PAST.finditer(text, start, end)
            if not _MODAL_BEFORE.search(text, max(0, m.start() - 20), m.start())
            and not (
                m.group().endswith(("ed", "held"))  # a participle; "spoke by phone" is a past contact
                and _BY_AFTER.match(text, m.end())
                and text[max(start, m.start() - 2) : m.start()].strip() == ","
                and _FUTURE.search(text, start, m.start())
            )
        ],
    )


# "will be held in Tunis on Thursday, chaired by the Head of Government": a participle of the future act
# ("the BNC that was co-chaired by ... on 3 December" is a past one).
_BY_AFTER = re.compile(r"\s+by\b")


def _past_days(ctx: DocumentContext, sentence, segment: _Segment, all_past: list) -> list:
    """(expression, window) of the days and day ranges in the segment on or before publication."""
    days = []
    for expression in all_past:
        if not (segment.start <= expression.start < segment.end):
            continue
        if expression.window.precision not in {Precision.DAY, Precision.DAYS}:
            continue
        window = _with_year_of_sentence(ctx, sentence, expression, all_past)
        if ctx.published and window.end > ctx.published:
            continue
        if _ORIGINAL_PLAN.search(ctx.text, max(segment.start, expression.start - 40), expression.start):
            continue  # "The JBC had been scheduled to meet on 27-28 August, but ...": the plan that was
        if not _in_dateline_brackets(ctx.text, expression.start) and not _LOCAL_TIME_AFTER.match(
            ctx.text, expression.end
        ):
            days.append((expression, window))
    return days


def _dated_contacts(ctx: DocumentContext, sentence, segment: _Segment, all_past: list) -> list:
    """The days of a segment that date a contact, in text order.

    A past verb claims its nearest day that does not date a report; a day right next to an
    event word ("Wednesday's talks") is claimed by that word, unless the future is near it.
    """
    text = ctx.text
    if _CALLED_OFF.search(text, segment.start, segment.end) and not segment.triggers:
        return []  # "the visit was scrapped today": no contact took place
    days = [d for d in _past_days(ctx, sentence, segment, all_past) if not _a_year_back(ctx, *d)]
    claimed = {}
    for trigger in segment.triggers:
        if trigger.group().lower().startswith("signed"):
            continue
        near = [
            d
            for d in days
            if not (ctx.reported(d[0].start, d[0].end) and not _WHEN_AFTER.match(text, d[0].end))
            and not _owned_by_another_thing(text, segment, d[0])
            and not _in_a_travel_clause(text, trigger.end(), d[0].start)
        ]
        if near:
            best = min(near, key=lambda d: (d[0].start < trigger.start(), abs(d[0].start - trigger.end())))
            claimed[best[0].start] = best
    for expression, window in days:
        # "MINSK, March 1 - The session of ... is expected to be held in the coming weeks": the dateline's
        # date stands next to the first word only on the page; a past verb may claim it, nearness may not.
        if (
            expression.start not in claimed
            and not ctx.in_dateline_date(expression.start)
            and _dates_an_adjacent_event(ctx, sentence, segment, expression, window)
        ):
            claimed[expression.start] = (expression, window)
    return sorted(claimed.values(), key=lambda d: d[0].start)


# "was co-chaired by ... Zoellick, who flew into Beijing on Sunday": the day of a guest's journey, told in
# a clause of its own after the contact, is not the contact's.
_TRAVEL_CLAUSE = re.compile(r",\s+who\s+(?:had\s+)?(?:" + lexicon.PAST_MOTION + r"|landed)\b")


def _in_a_travel_clause(text: str, after: int, day_at: int) -> bool:
    clause = _TRAVEL_CLAUSE.search(text, after, day_at)
    return clause is not None and "," not in text[clause.end() : day_at]


def _owned_by_another_thing(text: str, segment: _Segment, expression) -> bool:
    """ "spoken by phone since ... Monday's Cabinet reshuffle": a possessive day is the day of what it
    owns; it dates a contact only when that is an event word."""
    return possessive_day(text, expression) and not any(
        0 <= e.start - expression.end <= 30 for e in segment.events
    )


def _a_year_back(ctx: DocumentContext, expression, window: Window) -> bool:
    """A yearless day that falls most of a year before publication: a coming date read backwards
    ("the summit in Kuwait City on December 5th", said on December 4th)."""
    published = ctx.published
    return (
        published is not None
        and bool(re.search(r"\d", expression.text))
        and not _YEAR.search(expression.text)
        and "year" not in expression.text.lower()  # "on Jan 13 last year"
        and window == expression.window  # no year from the sentence either ("in 2014, when ... on Jan 27")
        and (published - bounds(window)[1]).days > _YEAR_BACK_DAYS
    )


def _dates_an_adjacent_event(
    ctx: DocumentContext, sentence, segment: _Segment, expression, window: Window
) -> bool:
    text, published = ctx.text, ctx.published
    adjacent = _adjacent_event(text, segment.events, expression.start, expression.end)
    if adjacent is None and _ANOTHER.search(
        text, max(segment.start, expression.start - 40), expression.start
    ):
        adjacent = next((e for e in reversed(segment.events) if e.end <= expression.start), None)
    possessive = possessive_day(text, expression) or _attributive_past_date(
        text, expression, window, published
    )
    owned = next(
        (
            e
            for e in segment.events
            if 0 <= e.start - expression.end <= 30 and not re.search(r"[.;,]", text[expression.end : e.start])
        ),
        None,
    )
    if possessive and owned is None:
        return False  # "spoke by phone about Monday's floods": the day of what it owns
    if possessive and owned is not None:
        adjacent = owned
        # "it was announced at Tuesday's meeting": the day names that contact, whatever the pledge around it.
        local_future = _FUTURE.search(text, adjacent.end, min(segment.end, adjacent.end + 15))
    else:
        local_future = _FUTURE.search(
            text, max(segment.start, expression.start - 80), min(segment.end, expression.end + 40)
        )
        if (
            local_future
            and local_future.start() >= expression.end
            and _AGREED.match(text, local_future.start())
        ):
            local_future = None  # "At a meeting on March 4, the presidents agreed to ...": a past pledge
        if local_future is None and not segment.triggers and not re.search(r"\d", expression.text):
            # "A working visit on Thursday, at which ..., is on the schedule of the President": a bare
            # weekday of a programme is a day to come.
            local_future = _ON_THE_SCHEDULE.search(text, segment.start, segment.end)
    if (
        local_future
        and adjacent is not None
        and _AGREED_ON_A_DAY.match(adjacent.text)
        and local_future.start() >= expression.end
    ):
        local_future = None  # "Ghana and Togo agreed on Tuesday to reopen the border": what they agreed on
    if local_future is None and ctx.is_title_line(sentence):
        # A headline in title case tells the future with capitals: "Guterres To Meet With Erdogan On Monday".
        local_future = _TITLE_FUTURE.search(text, segment.start, segment.end)
    if adjacent is not None and _PAST_DURING.search(
        text, max(segment.start, adjacent.start - 60), adjacent.start
    ):
        local_future = None  # "agreed during a telephone conversation on Thursday to hold a summit"
    if adjacent is None or local_future or _MEDIA.search(adjacent.text):
        return False
    if (
        published
        and bounds(window)[1] < published
        and (
            _PRESENT_SCHEDULE.search(text, max(segment.start, expression.start - 30), expression.start)
            or _WHICH_BEGIN.search(text, max(segment.start, expression.start - 30), expression.start)
        )
    ):
        return False  # "the summit opens on Wednesday", "the meetings, which begin on Thursday": to come
    # A yearless day with no past verb long before publication is a future date read backwards, unless
    # "last" follows it ("during Macri's visit to Brasília on 16 January last"), or a pledge was made at it
    # ("At a meeting in Havana on September 10, the leaders agreed ...").
    return not (
        not segment.triggers
        and not _AGREED.search(text, expression.end, segment.end)
        and published
        and not _YEAR.search(expression.text)
        and not _LAST_AFTER.match(text, expression.end)
        and (published - bounds(window)[1]).days > 31
    )


def _is_lead_contact(ctx: DocumentContext, sentence, segment: _Segment, all_past: list) -> bool:
    """ "Tokayev held talks with Putin, who has arrived in Astana" under "Akorda 27 November 2024":
    the release's lead contact, a past verb with no time of its own, dated by the release's date."""
    # "is paying an official visit to North Macedonia, where the Cyprus issue is expected to be on the
    # agenda": the future of a relative clause is the agenda's, not the contact's.
    relative = _WHERE_CLAUSE.search(ctx.text, segment.start, segment.end)
    main_end = relative.start() if relative else segment.end
    futures = (
        cue
        for cue in _FUTURE.finditer(ctx.text, segment.start, main_end)
        if not _INVITATION_OF.match(ctx.text, max(0, cue.start() - 10), cue.end() + 3)
    )  # "is on a visit at the invitation of ...": no future
    return (
        bool(segment.triggers)
        and next(futures, None) is None
        and not all_past
        and not ctx.times(sentence, "future")
        and not ctx.is_title_line(sentence)
    )


def _publication_day(published: dt.date, at: int) -> tuple:
    from tracker.temporal import TimeExpression

    day = Window(published, published, Precision.DAY, "")
    return TimeExpression(at, at, "", day), day


def _contact_kind(text: str, segment: _Segment, event) -> Kind:
    """The most specific kind the segment names; before "on the sidelines of", the contact's own."""
    if segment.sidelines:
        before = [e for e in segment.events if e.end <= segment.sidelines.start()]
        return refine_kind(text, before[-1] if before else event)
    if _ON_A_VISIT.search(text, segment.start, segment.end):
        return Kind.VISIT  # "arrived on an official visit ... and held talks": the visit is the contact
    # "Preparations for the president's scheduled visit were discussed on Monday": the visit is the topic.
    own = [
        e
        for e in segment.events
        if not _A_PLAN_BEFORE.search(text, max(segment.start, e.start - 40), e.start)
        or any(0 <= t.start() - e.end <= 30 for t in segment.triggers)  # "the planned talks took place"
    ]
    # "At their meeting in Sochi, the presidents agreed that a joint commission will be set up": what they
    # agreed on is not the contact.
    own = [e for e in own if not _PLEDGED_BEFORE.search(text, segment.start, e.start)]
    if not own:
        return Kind.MEETING  # a contact whose only event word is the plan it discussed
    return min((refine_kind(text, e) for e in own), key=KIND_PRIORITY.__getitem__)


def _meeting_place(ctx: DocumentContext, number: int, segment: _Segment, event, kind: Kind) -> Place | None:
    """The venue in the segment, else in the sentence, else glued to an event nearby, else the dateline."""
    if kind is Kind.CALL or no_city(ctx.text, segment.start, segment.end):
        return None
    clause = ctx.clauses[number]
    sentence = clause.sentence
    return (
        venue(ctx, clause.mentions, segment.start, segment.end, event.start)
        or venue(ctx, clause.mentions, sentence.start, sentence.end, event.start)
        or _nearby_venue(ctx, number, kind)
        # "paid a working visit to Estonia on 6 May. In Tallinn the Minister met ...": the programme's city.
        or (city_of_the_stay(ctx, clause, destination(ctx, clause, event)) if kind is Kind.VISIT else None)
        or (
            None
            if _in_another_country(ctx, clause, segment) or _visit_abroad(ctx, clause, event)
            else ctx.dateline
        )
        or (_headline_venue(ctx) if number < _LEAD_SENTENCES else None)
    )


def _headline_venue(ctx: DocumentContext) -> Place | None:
    """ "Directors of Chile and Colombia meet in Santiago" over a lead that names no city: the headline's."""
    for clause in ctx.clauses[:_HEADLINE_SENTENCES]:
        sentence = clause.sentence
        if ctx.is_title_line(sentence) and ctx.events(sentence):
            place = venue(ctx, clause.mentions, sentence.start, sentence.end, sentence.start)
            if place is not None:
                return place
    return None


def _visit_abroad(ctx: DocumentContext, clause, event) -> bool:
    """ "ISLAMABAD: He begins his two-day official visit to Sri Lanka on Monday": a visit to a state other
    than the dateline's is not where the dateline city is."""
    dateline = ctx.dateline
    return dateline is not None and any(code != dateline.country for code in destination(ctx, clause, event))


def _in_another_country(ctx: DocumentContext, clause, segment: _Segment) -> bool:
    """ "When the two prime ministers met in Bhutan": a venue country other than the dateline's, so the
    dateline city is not where they met (and the text names no city)."""
    dateline = ctx.dateline
    return any(
        mention.kind == "country"
        and segment.start <= mention.start < segment.end
        and _IN_BEFORE.search(ctx.text, max(0, mention.start - 10), mention.start)
        and not ctx.text.startswith(("'s", "\u2019s"), mention.end)  # "in Turkey's Istanbul"
        and (dateline is None or mention.code != dateline.country)
        for mention in clause.mentions
    )


def _add_contacts(
    found: list[Meeting],
    met: dict[int, set[str]],
    ctx: DocumentContext,
    number: int,
    segment: _Segment,
    expression,
    window: Window,
) -> None:
    """The meeting a dated segment reports, and the second contact named after "on the sidelines of"."""
    text = ctx.text
    clause = ctx.clauses[number]
    sentence = clause.sentence
    event = min(segment.events, key=lambda e: abs(e.start - expression.start))
    kind = _contact_kind(text, segment, event)
    start, end = bounds(window)
    # The length the sentence and what follows it give is read only for a segment that says the
    # contact ended: most do not, and that search runs over 600 characters more.
    if (
        start == end
        and _ENDING.search(text, segment.start, segment.end)
        and (length := days_of_contact(text, sentence.start, min(len(text), sentence.end + 600)))
    ):
        start = end - dt.timedelta(days=length - 1)
    elif (
        start == end
        and (length := days_of_contact(text, segment.start, segment.end))
        and _BEGINNING.search(text, segment.start, segment.end)
    ):
        # "arrived on Monday for a two-day visit": it ran from that day, past the publication day too,
        # unless the contact is one talk of the stay ("held talks with Xi, who arrived for a two-day visit").
        end = start + dt.timedelta(days=length - 1)
        if ctx.published and kind in _ONE_SITTING and not _length_of(text, segment, event):
            end = min(end, ctx.published)
    place = _meeting_place(ctx, number, segment, event, kind)
    parties = meeting_parties(ctx, clause, place)
    if len(parties) < 2 and all(_AGREED_ON_A_DAY.match(e.text) for e in segment.events):
        return  # "Ghana's cabinet agreed on Tuesday to raise taxes": one side agreeing met no one
    meeting = Meeting(
        kind=kind,
        start=start,
        end=end,
        city=place.name if place else None,
        country=place.country if place else None,
        timezone=place.timezone if place else None,
        parties=sorted(parties),
        participants=_participants(ctx, sentence),
        evidence=Evidence(sentence.text, sentence.start, sentence.end),
    )
    pairs = separate_counterparts(ctx, clause, segment.start, segment.end, parties)
    for pair in pairs:  # "met his Argentine and Brazilian peers": a meeting with each
        _add(found, met, dataclasses.replace(meeting, parties=pair, participants=[]), distinct=True)
    if pairs:
        return
    # "That same day, he also met the President": the text moves on to another contact of that day.
    _add(
        found,
        met,
        meeting,
        sidelines=segment.sidelines is not None,
        distinct=bool(_SAME_DAY_REF.match(expression.text)),
        virtual=no_city(text, segment.start, segment.end),
        named_before=bool(_THE_DAYS.search(text, max(0, expression.start - 5), expression.start))
        and _WEEKDAY_ONLY.fullmatch(expression.text) is not None,
    )
    if segment.sidelines:
        # "talks on the sidelines of the Trilateral Meeting": two contacts on one day.
        after = [e for e in segment.events if e.start > segment.sidelines.end()]
        if after and _states_meet_in_the_setting(clause, segment.sidelines.end(), segment.end):
            other = dataclasses.replace(meeting, kind=refine_kind(text, after[0]), participants=[])
            _add(found, met, other, sidelines=True)


def _length_of(text: str, segment: _Segment, event) -> int | None:
    """The length said of the event word itself ("a two-day official visit", "visit for three days")."""
    return days_named_before(text, segment.start, event.start) or days_named_after(
        text, event.end, segment.end
    )


def _states_meet_in_the_setting(clause, start: int, end: int) -> bool:
    """ "on the sidelines of the Trilateral Meeting of Turkey, Azerbaijan and Georgia": a contact of named
    states of its own; "of the BRICS Summit", "of the UN General Assembly": an organisation's event, the
    setting only."""
    named = [m for m in clause.mentions if start <= m.start < end and m.is_party]
    return bool(named) and all(m.kind != "org" for m in named)


def _dated_at_the_top(ctx: DocumentContext) -> bool:
    """The release states its publication date above or in its first lines (a dateline, a date line)."""
    if ctx.published is None:
        return False
    for clause in ctx.clauses[:_LEAD_SENTENCES]:
        if clause.sentence.start > _TOP_CHARS:
            break
        for expression in ctx.times(clause.sentence, "past"):
            window = expression.window
            if (
                expression.start <= _TOP_CHARS
                and window.precision is Precision.DAY
                and window.start == ctx.published
                and re.search(r"\d", expression.text)
            ):
                return True
    return False


def _virtual_follow_ups(ctx: DocumentContext, meetings: list[Meeting]) -> None:
    """ "Pakistan and Argentina held consultations yesterday. The consultations took place by video
    conference.": an undated sentence right after a contact that says it was virtual leaves it no city."""
    starts = [clause.sentence.start for clause in ctx.clauses]
    for meeting in meetings:
        if meeting.city is None or meeting.evidence is None:
            continue
        number = bisect.bisect_left(starts, meeting.evidence.start)
        for clause in ctx.clauses[number + 1 : number + 1 + _FOLLOW_UP_SENTENCES]:
            sentence = clause.sentence
            if (
                _contact_events(ctx, sentence)
                and no_city(ctx.text, sentence.start, sentence.end)
                and not ctx.times(sentence, "past")
            ):
                meeting.city, meeting.country, meeting.timezone = None, None, None
                break


def participants_from_document(ctx: DocumentContext, meetings: list[Meeting]) -> None:
    """Heads of delegation named in other sentences go to the document's only meeting."""
    if len(meetings) != 1 or meetings[0].participants:
        return
    for clause in ctx.clauses:
        meetings[0].participants.extend(_participants(ctx, clause.sentence))


_GLUED_EVENT = re.compile(r"\s+(?P<word>meeting|talks|summit|consultations|session)")
# The contacts a glued word names; "meeting" and "session" may stand for any.
_GLUED_KINDS = {"summit": Kind.SUMMIT, "talks": Kind.TALKS, "consultations": Kind.CONSULTATIONS}


_TO_BE_HOSTED = re.compile(
    r"\b(?:will|would|shall|to)\s+be\s+(?:\w+\s+)?(?:hosted\s+by|held\s+in)\s+$", re.IGNORECASE
)


def _nearby_venue(ctx: DocumentContext, number: int, kind: Kind):
    """ "The Mexico City meeting": a city glued to an event word in the sentences around, if the word may
    name a contact of this kind ("the AlUla summit" places a summit, not consultations)."""
    for other in (number - 1, number + 1, number - 2, number + 2):
        if not 0 <= other < len(ctx.clauses):
            continue
        clause = ctx.clauses[other]
        for mention in clause.mentions:
            if mention.kind not in {"city", "landmark"} or ctx.in_dateline(mention):
                continue
            tail = ctx.text[mention.end : mention.end + 30]
            head = ctx.text[max(0, mention.start - 40) : mention.start]
            if _TO_BE_HOSTED.search(head):
                continue  # "a meeting that would be jointly hosted by Canberra": the venue of one to come
            glued = _GLUED_EVENT.match(tail)
            if glued and _GLUED_KINDS.get(glued["word"], kind) is not kind:
                continue  # "the AlUla summit" near consultations: the venue of another contact
            if (
                glued
                or re.search(r"(?:venue of|hosted by|held in|took place in)\s+$", head)
                or re.match(r",?\s+(?:\w+,\s+)?was the venue", tail)
            ):
                return mention.place
    return None


def _a_day_of(day: Meeting, span: Meeting) -> bool:
    """ "The meetings, which started on Monday" after "concluded on Tuesday, after two days": a day of
    a contact that lasted several, not a contact of its own."""
    return (
        span.start < span.end
        and span.start <= day.start
        and day.end <= span.end
        # the same contact named again, not the talks with a third party on a summit's day
        and (day.kind is span.kind or set(day.parties) <= set(span.parties))
    )


def _add(
    found: list[Meeting],
    met: dict[int, set[str]],
    meeting: Meeting,
    sidelines: bool = False,
    distinct: bool = False,
    virtual: bool = False,
    named_before: bool = False,
) -> None:
    """Merge `meeting` into an earlier mention of the same contact, else add it; a `distinct` contact is
    always added (later mentions of it find it first). A `virtual` mention ("met virtually on
    Wednesday") takes the city a dateline lent an earlier mention. A contact `named_before` ("The Monday
    meeting, which the ministers of Kuwait and Oman also attended") is the one of that day already
    found, whoever it names. A contact with other persons than those an earlier one met ("met FM Asim"
    ... "paid a courtesy call on President Yameen") is another contact of that day."""
    names = _met_names(meeting)
    if distinct:
        same_day = next(
            (m for m in reversed(found) if (m.start, m.end) == (meeting.start, meeting.end)), None
        )
        if meeting.city is None and meeting.kind is not Kind.CALL and same_day is not None:
            meeting.city, meeting.country, meeting.timezone = (
                same_day.city,
                same_day.country,
                same_day.timezone,
            )
        found.append(meeting)
        met[id(meeting)] = names
        return
    for other in reversed(
        found[-200:]
    ):  # mentions of one contact are near each other; keeps long texts linear
        if (other.start, other.end) != (meeting.start, meeting.end) and not _a_day_of(meeting, other):
            continue
        if (
            other.parties
            and meeting.parties
            and not set(other.parties) & set(meeting.parties)
            and not named_before
        ):
            continue
        if sidelines and other.kind is not meeting.kind:
            continue
        earlier = met.get(id(other), set())
        if names and earlier and not names & earlier and not named_before:
            continue
        if names and (other.start, other.end) != (meeting.start, meeting.end):
            continue  # a talk with someone on one day of a longer stay: a contact of its own
        met[id(other)] = earlier | names
        if named_before:
            other.parties = sorted(set(other.parties) | set(meeting.parties))
        if virtual:
            other.city, other.country, other.timezone = None, None, None
        elif other.city is None and meeting.city is not None:
            other.city, other.country, other.timezone = meeting.city, meeting.country, meeting.timezone
        if not other.participants:
            other.participants = meeting.participants
        return
    found.append(meeting)
    met[id(meeting)] = names


# The person a contact verb names as met: "met FM Asim", "paid a courtesy call on President Abdulla
# Yameen", "held talks with Prime Minister Gilauri".
_MET_PERSON = re.compile(
    r"\b(?:met(?: with)?|called on|paid (?:a )?courtesy calls? on|received(?: by)?|telephoned|conferred with|talked with|"
    r"(?:held|had) (?:an? )?(?:[\w-]+ ){0,3}(?:talks|meeting|conversation|exchange of views) with)\s+"
    r"(?:(?:his|her|the)\s+)?(?P<who>(?:[A-Z][\w.'\u2019-]*\s+){0,5}[A-Z][\w'\u2019-]+)"
)


def _met_names(meeting: Meeting) -> set[str]:
    """The surnames of the persons its sentence says were met (their last capitalised word)."""
    if meeting.evidence is None:
        return set()
    return {match["who"].split()[-1] for match in _MET_PERSON.finditer(meeting.evidence.text)}
