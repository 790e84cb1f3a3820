"""Commitments: forward-looking items the parties agreed, planned, proposed or were invited to do.

A sentence yields one when a future cue ("will be held", "agreed to hold", "is
planned", "invited") governs an event word (visit, consultations, session,
signing, opening an embassy ...). Its window is the time expression closest to
that event (reporting dates excluded), its firmness comes from the main verb's
cue, its city from the sentence ("here" is the dateline city). Mentions of the
same item across the text merge; the most specific window wins.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from tracker.domain.model import Commitment, Evidence, Firmness, Kind, Meeting, Precision, Window
from tracker.extraction import lexicon
from tracker.extraction.context import DocumentContext
from tracker.extraction.events import KIND_PRIORITY, phrase_kind
from tracker.extraction.parties import previous_partner
from tracker.extraction.reading import (
    city_of_the_stay,
    complete_parties,
    days_named_after,
    days_named_before,
    days_of_contact,
    destination,
    item_hosts,
    item_parties,
    joined_parties,
    names_its_first_day,
    parties_of,
    possessive_day,
    venue,
)
from tracker.gazetteer import Place, lookup_party
from tracker.speed.prefilter import Gated, Prefiltered, guarded
from tracker.temporal.periods import bounds

__all__ = ["extract_commitments", "merge_commitments", "PRECISION_RANK"]

_FUTURE = Prefiltered(lexicon.compile_alternatives(lexicon.FUTURE_CUES, lower_only=True))
_PAST = Prefiltered(lexicon.compile_alternatives(lexicon.PAST_CUES, lower_only=True))
# After a future cue that follows its event word, the verb must make the event happen
# ("the visit will be held", "will finally take place"), not something else ("the dialogue would help
# strengthen ties").
_EVENT_VERB = re.compile(
    r"\s+(?:(?:also|not|then|now|still|soon|first|again|\w{3,}ly)\s+){0,2}(?:to\s+)?(?:be\s+)?(?:held|take place|taking place|happen|go ahead|hosted|"
    r"signed|opened|re-?opened|be the|convene|meet|start|begin|open|re-?open|come|"
    r"postponed|put off|fixed|organi[sz]ed|arranged|take part|made|paid|in a position|"
    r"resume|be resumed|re-?convened?|convened|meet again|set up|established|created|launched|dispatched|sent|"
    r"follow(?!\s+(?:up|through)\b))\b",
    re.IGNORECASE,
)
_STRONG_FUTURE = re.compile(r"\b(?:will|shall|is to|are to|to be held|to take place)\b", re.IGNORECASE)
_FIRMNESS = [
    (lexicon.compile_alternatives([pattern], lower_only=True), firmness)
    for pattern, firmness in lexicon.FIRMNESS_CUES
]
_ABANDONED = Prefiltered(lexicon.compile_alternatives([lexicon.ABANDONED]))
_SPECULATION = lexicon.compile_alternatives([lexicon.SPECULATION], lower_only=True)
_GENERIC = Prefiltered(
    re.compile(
        r"\b(?:such|regular|more|further|frequent|periodic|other|all|any|every|many|"
        r"several|various)\s+(?:[\w-]+\s+){0,3}$|"
        # "agreed to continue close consultations", "to maintain dialogue": keeping up a practice.
        r"\b(?:continu(?:e|ed|ing)|maintain(?:ed|ing)?|keep(?:ing)? up|step(?:ping)? up|intensify(?:ing)?|"
        r"deepen(?:ing)?)\s+(?:to\s+hold\s+|holding\s+)?(?:their\s+|its\s+|an?\s+)?(?:[\w-]+\s+){0,2}$|"
        # "The body used to meet once a year": a habit of the past.
        r"\bused\s+to\s+(?:[\w-]+\s+){0,3}$",
        re.IGNORECASE,
    )
)
_SPED_UP = re.compile(
    r"\b(?:speed(?:ing)? up|accelerat(?:e|ing)|expedit(?:e|ing))\s+(?:their\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_CONCRETE = guarded(
    re.compile(
        r"\b(?:next|upcoming|forthcoming|planned|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|"
        r"the|a|an|its|their|his|her|official|state|working)\s+(?:[\w'\u2019-]+\s+){0,6}$",
        re.IGNORECASE,
    )
)
_SCHEDULE = lexicon.compile_alternatives([lexicon.SCHEDULE_CUES], lower_only=True)
_PAST_EVENT_VERB = lexicon.compile_alternatives([lexicon.PAST_EVENT_VERBS], lower_only=True)
_NOT_THE_EVENT = re.compile(r"\b(?:" + lexicon.NOT_THE_EVENT + r")\s+of\b", re.IGNORECASE)
_MODAL_BEFORE = re.compile(lexicon.MODAL_BEFORE, re.IGNORECASE)
_ANAPHORIC = re.compile(
    r"\b(?:the|that|these|this|those|such a)\s+(?:upcoming\s+|forthcoming\s+|planned\s+)?"
    r"meetings?\b(?!\s+(?:of|between|with)\b)",
    re.IGNORECASE,
)
_DURING_WHICH = re.compile(r"during which|in the course of which|during the visit", re.IGNORECASE)
_POSSESSIVE_OF_CONTACT = re.compile(
    r"(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}?(?:call|conversation|talks|meeting|summit|session|visit|consultations)\b",
    re.IGNORECASE,
)


# "agreed during a lengthy telephone conversation on Thursday to hold a summit": the day of that contact.
_DURING_A_PAST_CONTACT = guarded(
    re.compile(
        r"\b(?:agreed|decided|said|discussed|announced|confirmed|stressed|noted)\s+(?:during|in|at)\s+"
        r"(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:conversation|call|talks|meeting|consultations)\s+$",
        re.IGNORECASE,
    )
)


# "the cooperation program between the two ministries for 2025-2026": the term of a document, no act's time.
_A_DOCUMENTS_TERM = Prefiltered(
    guarded(
        re.compile(
            r"\b(?:program(?:me)?|plan|roadmap|road map|strategy|agreement|memorandum|treaty)s?\b"
            r"(?:(?!\b(?:to|will|would|agreed|decided|hold|held|said|scheduled|set|planned|due)\b)[^.;:,]){0,120}?"
            r"\b(?:for|covering)\s+(?:the\s+(?:years?|period)\s+)?$",
            re.IGNORECASE,
        )
    )
)
_TERM_LEAD = re.compile(r"(?:for|covering)\s+", re.IGNORECASE)


def _term_of_a_document(text: str, expression, floor: int) -> bool:
    """The expression is the term of a programme or plan named before it, whose "for" it may include."""
    lead = _TERM_LEAD.match(expression.text)
    end = expression.start + (lead.end() if lead else 0)
    return bool(_A_DOCUMENTS_TERM.search(text, max(floor, end - 160), end))


def _dates_a_named_contact(text: str, expression) -> bool:
    """ "the readout of Monday's call": a possessive day dates that contact, not the item."""
    return possessive_day(text, expression) and bool(_POSSESSIVE_OF_CONTACT.match(text, expression.end))


_RATIFICATION = re.compile(r"\bratif(?:y|ying|ied|ication)\b", re.IGNORECASE)
_RESPECTIVELY = Prefiltered(guarded(re.compile(r"\brespectively\b", re.IGNORECASE)))
# "put off until March 18" names the new day; "until the end of May" a deadline, no day.
_UNTIL = re.compile(r"^(?:until|till|to)\b(?!\s+(?:the\s+)?(?:end|year[-\s]end)\b)", re.IGNORECASE)
# A date after these is the item's new date ("shifted from 12 to 18 March"), earlier or later.
_POSTPONED = Prefiltered(guarded(re.compile(lexicon.POSTPONEMENTS + "|" + lexicon.MOVES, re.IGNORECASE)))
_RECURRING = re.compile(
    r"\b(?:next|following|regular|annual)\s+(?:round|session|meeting|sitting)\b|"
    r"\b(?:round|session|meeting|sitting)s?\s+of\s+the\s+(?:[\w-]+\s+){0,3}(?-i:[A-Z])",
    re.IGNORECASE,
)
# "At the invitation of X": who invited, not a cue for what follows.
_INVITATION_PHRASE = re.compile(r"(?:at|upon|on) the invitation of", re.IGNORECASE)
# A past or present verb right after the event: "the talks had been frank", "the meeting was useful".
_EVALUATION = re.compile(
    r"[^.;,]{0,40}?\b(?:(?:had been|has been|have been|was|were)\s+(?!(?:to|due|set|scheduled|"
    r"planned|expected|postponed|put off|moved|rescheduled)\b)(?:very\s+|highly\s+|most\s+|an?\s+)?"
    r"[a-z]+(?:,|\s+and\b|\s*\.)|"
    # "agreed that the visit had been held in a warm atmosphere", "that the talks took place in ...".
    r"(?:had been|has been|have been|was|were)\s+(?:held|conducted|organi[sz]ed|hosted)\b|"
    r"(?:took place|went well|passed off)\b|"
    # "agreed that the coming summits are a crucial opportunity": what the event means, not a plan for it.
    r"(?:is|are|will be|would be)\s+(?:an?\s+|the\s+)(?:[\w-]+\s+){0,2}?(?:opportunity|chance|occasion|"
    r"milestone|step|sign|signal|platform|test|moment|boost|testament)\b)",
    re.IGNORECASE,
)
# A clause that lists what was discussed: upcoming events in it are topics.
# "briefed his host on the upcoming summit": news of an event given to someone, not a pledge to it.
_NEWS_GIVEN = r"(?:briefed|updated|informed|apprised|told)\s+(?:[\w-]+\s+){0,3}?(?:on|about|of)"
_NEWS_GIVEN_BEFORE = re.compile(r"\b" + _NEWS_GIVEN + r"\b", re.IGNORECASE)
_TOPIC_LIST = re.compile(
    r"\b(?:focus(?:ed|sed)? on|cent(?:red|ered) (?:on|around)|discussed|discussions? (?:of|on|about)|"
    r"exchanged views on|touched (?:on|upon)|reviewed|talked about|covered|dealt with|addressed|"
    r"agenda (?:included|covered)|went through|took stock of|assessed|" + _NEWS_GIVEN + r")\b",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r"[^.;]{0,80}?,\s+(?:which|that)\s+", re.IGNORECASE)
# "..., which is scheduled for the first half of April", "slated for July": the plan's own time.
_SCHEDULED_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:scheduled|planned|slated|set|due)\s+(?:for|to take place|to be held)\b", re.IGNORECASE
)
# "visit of the President of Tajikistan to Uzbekistan", "trip by the Prime Minister to Bangladesh".
_VISIT_OF_TO = re.compile(r"\s+(?:of|by)\s+[^.;,]{3,60}?\s+to\s+(?:the\s+)?[A-Z]")
# "the Kazakh president's (Nov. 12 | official | scheduled) visit": the visit named by its visitor.
_VISITOR_BEFORE = re.compile(
    r"\b(?-i:[A-Z])[\w-]+(?:'s|\u2019s)\s+(?:[\w.-]+\s+){0,3}$|"
    r"\b" + lexicon.PEOPLE + r"(?:'s|\u2019s)\s+(?:[\w.-]+\s+){0,3}$",
    re.IGNORECASE,
)
_TOPIC_CUE = re.compile(r"upcoming|forthcoming|planned|next \w+|preparations? for", re.IGNORECASE)
# "preparations for the summit will be the subject of their talks": a topic of a discussion to come.
_TOPIC_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:will|would|is to|are to)\s+be\s+(?:the\s+|a\s+|among\s+the\s+)?(?:main\s+)?"
    r"(?:subject|topic|focus|theme|discussed|on the agenda|high on the agenda)",
    re.IGNORECASE,
)
# Where a sentence goes on to a further pledge: "; ", ", and that", ", and they would".
_NEXT_CLAUSE = guarded(
    re.compile(
        r";\s|,?\s+and\s+(?:that|(?:they|the two sides|both sides|the sides|it was)\s+(?:also\s+)?"
        r"(?=(?:would|will|agreed|decided|should)\b))|"
        r",\s+and\s+(?=(?-i:[A-Z][\w'-]*\s+){1,3}(?:also\s+)?(?:invited|agreed|proposed|decided|will|would)\b)|"
        # "Kim invited Trump to visit Pyongyang and Trump invited Kim to visit the United States".
        r"\s+and\s+(?=(?-i:[A-Z][\w'-]*\s+){1,3}(?:also\s+)?(?:invited|proposed)\b)|"
        # ", and a meeting of the ministers would follow in August": a second act with its own verb.
        r",\s+and\s+(?=(?:a|an|another)\s+[^.;]{0,80}?\b(?:would|will|is to|are to|is due|are due)\b)",
        re.IGNORECASE,
    )
)
# An event given as the reason or timing of a pledge ("As for timing, APEC will be held in November,
# so the side suggests ...", "Since the G20 summit takes place in June, they agreed ..."): merely mentioned.
_REASON_LEAD = re.compile(
    r"\W*(?:as (?:for|regards) (?:the )?(?:timing|dates?|schedule)\b|since\b|because\b|given\b|considering\b|"
    r"in view of\b|with\b(?=[^,;]{0,120}\b(?:will|to be|is to|are to|scheduled|set to|due to)\b))",
    re.IGNORECASE,
)
_CONSEQUENCE = re.compile(
    r",\s+(?:and\s+)?(?:so(?!\s+that)|therefore|hence|thus|which is why|that is why)\b,?", re.IGNORECASE
)
# "during his stay", "in the course of the visit": an act of the programme of a stay.
_STAY_PART = Prefiltered(lexicon.compile_alternatives([lexicon.STAY_PARTS]))
_PLEDGE_CUE = lexicon.compile_alternatives([lexicon.PLEDGE_CUES])
_FORMAT_SIZE = lexicon.compile_alternatives(list(lexicon.FORMAT_SIZES))
_HERE = lexicon.compile_alternatives([lexicon.HERE_WORDS])
# "A ministerial session follows tomorrow": a present-tense schedule verb is the cue and the event's verb.
_PRESENT_SCHEDULE_CUE = re.compile("|".join(lexicon.PRESENT_SCHEDULE + lexicon.PRESENT_MOVES), re.IGNORECASE)
# "visit Keio University", "tour a car factory", "visit the National Museum": a stop of a programme.
_A_PLACE_OF_THE_PROGRAMME = re.compile(
    r"\s+(?:to\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:university|college|school|factory|plant|"
    r"museum|memorial|monument|company|exhibition|hospital|temple|shrine|cemetery|mosque|cathedral|campus|"
    r"institute|farm)\b",
    re.IGNORECASE,
)
# "The next round of consultations took place in Ashgabat": the event word's own verb is past.
_HAPPENED_AFTER = re.compile(
    r"(?:\s+(?:of|between|on)\s+[^.;,]{0,60}?)?\s+(?:took place|(?:was|were) held|(?:was|were) convened|"
    r"(?:was|were) opened)\b",
    re.IGNORECASE,
)
# "Trade and visas are among the main topics expected to come up": what an item will treat, no item.
_AGENDA_SENTENCE = Prefiltered(
    guarded(
        re.compile(
            r"\b(?:topics|issues|subjects|items|questions)\b[^.;]{0,40}?\b(?:expected|likely|set|due)\s+to\s+"
            r"(?:come up|be (?:discussed|raised|addressed|covered|taken up|on the agenda))",
            re.IGNORECASE,
        )
    )
)
# "the meeting will not take place in September": the time it will not be, no window.
_NOT_THEN = re.compile(
    r"\b(?:not|never)\s+(?:take\s+place|be\s+held|happen|be)\s+(?:in|on|during|before|until)?\s*$",
    re.IGNORECASE,
)
# "after their meeting", "ahead of the summit": a contact named to time another act.
_TIMED_BY = guarded(
    re.compile(
        r"\b(?:after|before|following|ahead of) (?:the|their|his|her|its|this|that) (?:[\w-]+ ){0,2}$",
        re.IGNORECASE,
    )
)
_UNDER_WAY = re.compile(r"\b" + lexicon.UNDER_WAY + r"$", re.IGNORECASE)
# "is on a state visit to Ghana, where the two sides are to sign a deal": an act of the stay it reports.
_STAY_UNDER_WAY = Gated(re.compile(r"\b" + lexicon.STAY_UNDER_WAY + r"\b", re.IGNORECASE))
# How long after the publication day a stay reported as under way may still last.
_STAY_DAYS = 3
# The text reports an item as put off: "has been postponed to June", "was pushed back until 2025".
_PUT_OFF = Prefiltered(lexicon.compile_alternatives([lexicon.POSTPONEMENTS]))
_MONTH_OR_NAME = re.compile(r"(?:May|Will)\b")
_BEING_READIED = re.compile("|".join(lexicon.BEING_READIED + [r"being prepared"]), re.IGNORECASE)
_ATTRIBUTIVE_CUE = re.compile(r"upcoming|forthcoming|planned|next \w+", re.IGNORECASE)
# Cues that only qualify the noun right after them: "the forthcoming election" names no contact.
_PRENOMINAL_CUE = re.compile(r"upcoming|forthcoming|next \w+", re.IGNORECASE)
_PLEDGE_VERB = re.compile(
    r"\b(?:agreed|decided|will|would|shall|plan\w*|to (?:hold|attend|organi[sz]e|host))\b", re.IGNORECASE
)

PRECISION_RANK = {
    p: i
    for i, p in enumerate(
        [
            Precision.DAY,
            Precision.DAYS,
            Precision.PART_OF_MONTH,
            Precision.MONTH,
            Precision.QUARTER,
            Precision.SEASON,
            Precision.HALF,
            Precision.PART_OF_YEAR,
            Precision.YEAR,
            Precision.DEADLINE,
            Precision.VAGUE,
            Precision.OPEN,
        ]
    )
}


def _governed_events(ctx: DocumentContext, sentence, events):
    """(event, cue start, cue end) for each future cue of the sentence that governs an event word.

    Cues are tried left to right: "At the invitation of X, chairman of the Y Commission, Z will pay a
    visit" is governed by "will", not by the invitation phrase.
    """
    text = ctx.text
    for future in _FUTURE.finditer(_opening_lowered(sentence.text)):
        cue_at = sentence.start + future.start()
        cue_end = sentence.start + future.end()
        if _INVITATION_PHRASE.match(text, cue_at - 7, cue_end + 4):
            continue
        if _ATTRIBUTIVE_CUE.fullmatch(text, cue_at, cue_end) and _PAST_EVENT_VERB.search(
            text, max(sentence.start, cue_at - 12), cue_at
        ):
            continue  # "held the next round of consultations": that round took place
        infinitive = text.startswith("to ", cue_at) or text.endswith("to ", 0, cue_at)
        if infinitive and _past_purpose(text, max(sentence.start, cue_at - 100), cue_at):
            continue  # "travelled to Manila to meet the Secretary": the purpose of a past journey
        if infinitive and _PRESENT_FEELING.search(text, max(sentence.start, cue_at - 40), cue_at):
            continue  # "was delighted to visit India again": the stay under way
        after = [e for e in events if e.start >= cue_at and e.start - cue_end <= 120]
        subject = next(
            (
                e
                for e in reversed(events)
                if e.end <= cue_at and _subject_of(text[e.end : cue_at], future.group())
            ),
            None,
        )
        if (
            subject is not None
            and (
                _EVENT_VERB.match(text, cue_end)
                or _PRESENT_SCHEDULE_CUE.fullmatch(future.group())
                or _BEING_READIED.fullmatch(future.group())  # "the visit ... is being arranged for May"
            )
            and not _NOT_THE_EVENT.search(text, subject.start - 20, subject.start)
        ):
            yield subject, cue_at, cue_end  # "a business forum will take place ...": the subject is the event
            continue
        if after:
            event = after[0]
            if _NOT_THE_EVENT.search(text, cue_end, event.start):
                continue  # "voicing hope that the outcomes of the session would be seen"
            if _EVALUATION.match(text, event.end):
                continue  # "agreed that the talks had been frank": a verdict on the past
            yield event, cue_at, cue_end
            continue
        if _PRENOMINAL_CUE.fullmatch(future.group()):
            continue  # "the talks covered the forthcoming election": the cue's noun is no event
        event = events[-1] if events[-1].end <= cue_at else events[0]
        if event.end <= cue_at and _SETTING_BEFORE_CUE.search(text[event.end : cue_at]):
            continue  # "At the annual session ..., held on July 11, the sides agreed to set up ...": its setting
        if _SCHEDULE.fullmatch(future.group()) or _EVENT_VERB.match(text, cue_end):
            yield event, cue_at, cue_end


def _subject_of(between: str, cue: str) -> bool:
    """Whether an event word `between` before a cue is its subject: "a business forum will take place".
    A schedule verb's subject may carry its visitor and destination, a name set off by commas included
    ("The official visit to Iceland of Canada's Minister, Lloyd Axworthy, begins tomorrow")."""
    if _PRESENT_SCHEDULE_CUE.fullmatch(cue):
        return len(between) <= 80 and not re.search(r"[;:]", between) and between.count(",") % 2 == 0
    return len(between) <= 40 and not re.search(r"[,;:]", between)


_PAST_MOTION = lexicon.compile_alternatives([lexicon.PAST_MOTION], lower_only=True)
_PRESENT_FEELING = re.compile(r"\b(?:" + lexicon.PRESENT_FEELINGS + r")\s+(?:to\s+)?$", re.IGNORECASE)


# Between an event and a later cue: the event was the setting of a past act ("..., held on July 11, the
# two sides agreed to ...").
_SETTING_BEFORE_CUE = re.compile(r",\s+(?:which was\s+|that was\s+)?(?:held|convened|organi[sz]ed)\b[^;]*,")


def _past_purpose(text: str, start: int, cue_at: int) -> bool:
    """A past journey in the same clause before an infinitive cue, with no future word between."""
    journeys = [
        m
        for m in _PAST_MOTION.finditer(text, start, cue_at)
        if not re.search(r"[;:]", text[m.end() : cue_at])
    ]
    if not journeys:
        return False
    between = text[journeys[-1].end() : cue_at]
    return not _FUTURE.search(between) and not _MODAL_BEFORE.search(
        text[max(start, journeys[-1].start() - 20) : journeys[-1].start()]
    )


def _opening_lowered(sentence_text: str) -> str:
    """The sentence with its first letter in lower case, so that a cue may open it ("Preparations for
    ..."); "May" and "Will" opening a sentence stay a month and a name."""
    first = sentence_text[:1]
    if not first.isupper() or _MONTH_OR_NAME.match(sentence_text):
        return sentence_text
    return first.lower() + sentence_text[1:]


_FIXED_DATE = {Precision.DAY, Precision.DAYS, Precision.PART_OF_MONTH, Precision.MONTH}


def _firmness(sentence_text: str, window: Window) -> Firmness:
    sentence_text = _opening_lowered(sentence_text)  # "Fresh dates will be set": a cue may open it
    for pattern, firmness in _FIRMNESS:
        if pattern.search(sentence_text):
            if firmness is Firmness.INVITED and window.precision in _FIXED_DATE:
                # an accepted invitation with a date is a fixed visit ("at an early date" is none)
                return Firmness.AGREED
            return firmness
    return Firmness.AGREED


# "August 11, 2024_ The Government of Laos will host ...": the publication date opening a line, set off
# by a dash or an underscore, dates the dispatch, not what it reports.
_DISPATCH_DATE = re.compile(r"\s*[_\u2013\u2014-]")


def _dispatch_date(ctx: DocumentContext, expression) -> bool:
    text = ctx.text
    line_start = text.rfind("\n", 0, expression.start) + 1
    return (
        expression.window.start == ctx.published
        and not text[line_start : expression.start].strip()
        and _YEAR.search(expression.text) is not None
        and _DISPATCH_DATE.match(text, expression.end) is not None
    )


_A_DATE_BEFORE = re.compile(
    r"\b(?:suitable |convenient |new |fresh )?date\s+(?:either\s+)?(?:in|on|for)?\s*$", re.I
)


# "after the parliamentary elections in Sri Lanka, which are set to take place on 14 November": the
# day of a vote the item waits for, not the item's.
_DATES_A_VOTE = re.compile(
    r"\b(?:elections?|polls|vote|referendum|ballot)\b(?:\s+in\s+[A-Z][\w ]{0,25})?"
    r"(?:,?\s+(?:which|that)\s+(?:is|are|was|were|will\s+be)\s+(?:set|scheduled|due|expected|slated)\s+"
    r"(?:to\s+(?:take\s+place|be\s+held)\s+)?|\s+(?:set|scheduled|due|slated)\s+(?:for\s+)?|\s+)"
    r"(?:on|in|for)?\s*$",
    re.IGNORECASE,
)
_HEDGE_BEFORE = re.compile(
    r",\s*(?:and\s+)?(?:possibly|probably|likely|most\s+likely|perhaps|tentatively)\s+$", re.IGNORECASE
)
# "the directives the two prime ministers issued during Modi's visit": the contact of a past act.
_DONE_DURING = re.compile(
    r"\b(?:issued|reached|made|signed|adopted|taken|given|announced|struck|concluded)\s+"
    r"(?:at|during|in\s+the\s+course\s+of|on\s+the\s+sidelines\s+of)\s+(?:[\w'\u2019.-]+\s+){0,6}$",
    re.IGNORECASE,
)
# "the meeting that had first been planned for the end of September": a plan the text tells as overtaken
# (CONTRACT.md: not a commitment); its time is no window.
_EARLIER_PLAN = guarded(
    re.compile(
        r"\bhad\s+(?:(?:first|earlier|originally|initially|at\s+first)\s+)?been\s+"
        r"(?:scheduled|planned|expected|set|slated|due)\b[^.;,]{0,30}$",
        re.IGNORECASE,
    )
)


def _pick_window(ctx: DocumentContext, sentence, anchor_at: int, floor: int = 0):
    """The future time expression closest to the event, or None; 'past' when all of them lie before publication."""
    expressions = [
        e
        for e in ctx.times(sentence, "future")
        if e.start >= floor
        and not ctx.reported(e.start, e.end)
        and not ctx.in_dateline_date(e.start)
        and not _dispatch_date(ctx, e)
        and (e.window.precision in _NO_DAY or not _dates_past_contact(ctx.text, e.start, sentence.start))
        and not _dates_a_named_contact(ctx.text, e)
        and not _term_of_a_document(ctx.text, e, sentence.start)
        and not _past_day_read_forward(e, ctx.published)
        and not (
            (
                _dates_the_past_act_after_it(ctx.text, e.end, sentence.end)
                or (
                    e.window.precision in _DAY_LEVEL
                    and _dates_the_agreement_after_it(ctx.text, e.end, sentence.end)
                )
            )
            and not _wholly_ahead(e, ctx.published)
        )
        and not _NOT_THEN.search(ctx.text, max(sentence.start, e.start - 40), e.start)
        and not _dates_a_past_act_beside_it(ctx.text, e, sentence.start, sentence.end)
        and not _WHEN_THE_DATE_IS_SET.search(ctx.text, max(sentence.start, e.start - 60), e.start)
        and not _EARLIER_PLAN.search(ctx.text, max(sentence.start, e.start - 70), e.start)
        and not _DATES_A_VOTE.search(ctx.text, max(sentence.start, e.start - 90), e.start)
    ]
    if not expressions:
        return None, False
    published = ctx.published
    upcoming = [
        e
        for e in expressions
        if e.window.is_open or published is None or e.window.end is None or e.window.end >= published
    ]
    if not upcoming:
        return None, True
    put_off = _POSTPONED.search(ctx.text, sentence.start, sentence.end)
    if put_off is not None:
        # "originally planned for March, has been postponed to June": the date after the verb is the new one;
        # "put off the visit she was to make on March 28": a date of the overtaken plan is no window at all.
        fresh = [e for e in upcoming if not _old_date(ctx.text, sentence.start, e.start)]
        upcoming = [e for e in fresh if e.start >= put_off.end()] or fresh
        if not upcoming:
            return None, False
    best = min(upcoming, key=lambda e: (abs(e.start - anchor_at), PRECISION_RANK[e.window.precision]))
    # "asked him to set a suitable date either in February or March 2009": the date the act is set for.
    named_date = [
        e for e in upcoming if _A_DATE_BEFORE.search(ctx.text, max(sentence.start, e.start - 30), e.start)
    ]
    if named_date and not best.window.is_open:
        best = named_date[0]
    if best.window.is_open and (dated := _dating_beside(ctx.text, best, upcoming)):
        best = dated  # "at a mutually convenient time this year": the time expression wins (CONTRACT.md)
    inside = [
        e
        for e in upcoming
        if not best.window.is_open
        and not e.window.is_open
        and e.window.precision in _DAY_LEVEL
        and (best.window.precision not in _DAY_LEVEL or not names_its_first_day(best.window))
        and e is not best
        # only a later day: "Meeting in Belgrade on Monday, ... agreed to begin ... by the end of this month"
        and e.start > best.start
        and not possessive_day(ctx.text, e)  # "another meeting such as today's": the day of another contact
        and _contains(best.window, e.window)
    ]
    if inside:
        # "this month ... on 10 November", "next week; he will arrive on 12 March": the day.
        best = min(inside, key=lambda e: abs(e.start - anchor_at))
    narrowed = [
        e
        for e in upcoming
        if e is not best
        and not best.window.is_open
        and not e.window.is_open
        and _contains(best.window, e.window)
        and _HEDGE_BEFORE.search(ctx.text, max(sentence.start, e.start - 25), e.start)
    ]
    if narrowed:
        best = narrowed[0]  # "in the second half of the year, possibly in August": the time it narrows to
    window = best.window
    rescheduled = re.match(r"from\s+.+?\s+(?:to|until)\s+(.+)$", best.text, re.IGNORECASE)
    if rescheduled and _POSTPONED.search(ctx.text, max(0, best.start - 60), best.start) and window.end:
        return Window(
            window.end, window.end, Precision.DAY, window.text
        ), False  # "shifted from 12 to 18 March"
    if (
        window.precision is Precision.DEADLINE
        and _UNTIL.match(best.text)
        and _POSTPONED.search(ctx.text, max(0, best.start - 60), best.start)
    ):
        window = Window(window.end, window.end, Precision.DAY, window.text)  # "put off until March 18"
    return window, False


_ORIGINAL_PLAN = lexicon.compile_alternatives([lexicon.ORIGINAL_PLAN], lower_only=True)
_NEW_DATES = lexicon.compile_alternatives([lexicon.NEW_DATES])
# Between an overtaken plan and a date, these make the date the new one: "... and will now take place in".
_NEW_PLAN = re.compile(r"\b(?:will|now|new|instead|moved|shifted)\b|" + lexicon.POSTPONEMENTS, re.IGNORECASE)


def _dating_beside(text: str, open_phrase, expressions):
    """A dated expression that qualifies an open phrase, standing right beside it with no clause between."""
    for e in expressions:
        if e.window.is_open:
            continue
        gap = (
            text[open_phrase.end : e.start] if e.start >= open_phrase.end else text[e.end : open_phrase.start]
        )
        if len(gap) <= 12 and not re.search(r"[.;:,]|\band\b|\bor\b", gap):
            return e
    return None


def _old_date(text: str, floor: int, start: int) -> bool:
    """A date that an overtaken plan governs: "the visit he was due to make later this month"."""
    plans = list(_ORIGINAL_PLAN.finditer(text, max(floor, start - 80), start))
    return bool(plans) and not _NEW_PLAN.search(text, plans[-1].end(), start)


# A day named without its year lies within about ten months of the publication day when it is upcoming.
_YEARLESS_DAY_AHEAD = 300
_YEAR = re.compile(r"\b\d{4}\b")


def _past_day_read_forward(expression, published) -> bool:
    """ "After their talks in Thimphu April 29", said on 10 May: a yearless day eleven months ahead is
    one just past, read forward; news names the days of next year with their year."""
    window = expression.window
    if published is None or window.start is None or window.precision not in _DAY_LEVEL:
        return False
    if _YEAR.search(expression.text):
        return False
    return (window.start - published).days > _YEARLESS_DAY_AHEAD


_PAST_ACT_AFTER = re.compile(
    r",?\s+(?:(?!(?:said|says|told|added|noted|after|when|before|since|while|as)\b)(?:the\s+)?[\w'\u2019.-]+\s+){0,4}?"
    r"(?:" + lexicon.PAST_EVENT_VERBS + r"|received)\b"
)


def _dates_the_past_act_after_it(text: str, end: int, sentence_end: int) -> bool:
    """ "On Wednesday, the Minister received the Ambassador to discuss the visit": the day of a past act."""
    match = _PAST_ACT_AFTER.match(text, end, sentence_end)
    if (
        match is not None
        and text[end : match.end()].lstrip(", ").count(" ") == 0
        and _BY.match(text, match.end())
    ):
        return False  # "will take place in Lome on Monday, hosted by the President": the act's own participle
    return match is not None and not _FUTURE.search(text, end, match.start() + len(match.group()))


_BY = re.compile(r"\s+by\b")


# "On Saturday the foreign ministers of Fiji and New Zealand agreed that the talks will ...": a pledge verb
# in the past after the time, in the same clause, says when the pledge was made.
_AGREEMENT_AFTER = re.compile(
    r"[^.;:]{0,150}?\b(?:agreed|decided|undertook|pledged|resolved|vowed|invited)\b(?!\s+(?:on|in|at)\b)"
)


def _dates_the_agreement_after_it(text: str, end: int, sentence_end: int) -> bool:
    match = _AGREEMENT_AFTER.match(text, end, sentence_end)
    return match is not None and not _FUTURE.search(text, end, match.end() - len(match.group().split()[-1]))


# "the date of the visit is to be agreed upon soon": the time of fixing the date, not of the act.
_WHEN_THE_DATE_IS_SET = re.compile(
    r"\bdates?\b[^.;]{0,40}?\b(?:" + lexicon.DATE_FIXING + r")(?: upon| on)?\s+$",
    re.IGNORECASE,
)


def _wholly_ahead(expression, published: dt.date | None) -> bool:
    """ "a visit to Türkiye in early 2023 was discussed", said in 2022: a time no past act can have. Only a
    stated year or "next" tells: "on Wednesday" may be the day gone."""
    start = expression.window.start
    return (
        published is not None
        and start is not None
        and start > published
        and bool(_YEAR.search(expression.text) or _AHEAD_WORD.search(expression.text))
    )


_AHEAD_WORD = re.compile(r"\b(?:next|coming|upcoming)\b", re.IGNORECASE)


# "the matters President Obama took up in February, when he travelled to Mexico": a time set right after a
# past verb, or followed by a "when" clause in the past, dates that past act.
_PAST_VERB_JUST_BEFORE = re.compile(
    r"\b(?:"
    + lexicon.PAST_EVENT_VERBS
    + r"|took up|raised|discussed|launched|began|started|signed|travell?ed)"
    r"\s+(?:(?:in|on|during|at the end of|at the start of)\s+)?$",
    re.IGNORECASE,
)
_WHEN_IN_THE_PAST_AFTER = re.compile(
    r",?\s+when\s+(?:[\w'\u2019-]+\s+){1,5}?(?:\w+ed|took|met|held|went|came|flew|was|were|paid|made|led)\b",
    re.IGNORECASE,
)


def _dates_a_past_act_beside_it(text: str, expression, sentence_start: int, sentence_end: int) -> bool:
    verb = _PAST_VERB_JUST_BEFORE.search(text, max(sentence_start, expression.start - 40), expression.start)
    if verb is not None:
        # "will be held next year", "to be signed by the end of July": no past act
        return not _MODAL_BEFORE.search(text, max(sentence_start, verb.start() - 40), verb.start())
    return _WHEN_IN_THE_PAST_AFTER.match(text, expression.end, sentence_end) is not None


def _dates_past_contact(text: str, start: int, floor: int) -> bool:
    """ "described the meetings on Wednesday as productive", "agreed during a telephone conversation on
    Thursday to hold a summit": the day of a past contact."""
    before = text[max(floor, start - 80) : start]
    if _DURING_A_PAST_CONTACT.search(before):
        return True
    verbs = [v for v in _PAST_EVENT_VERB.finditer(before) if not _MODAL_BEFORE.search(before, 0, v.start())]
    if not verbs:
        return False
    return not _FUTURE.search(before, verbs[-1].end())


_NEXT_TITLES = {
    Kind.COMMISSION: "Next session of the joint commission",
    Kind.CONSULTATIONS: "Next round of political consultations",
    Kind.TALKS: "Next round of talks",
    Kind.MEETING: "Next meeting",
    Kind.SUMMIT: "Next summit",
    Kind.VISIT: "Next visit",
}
_DESTINATION = re.compile(
    r"\b(?:visit|trip|travel|come)\b(?:[^.;]{0,60}?\bto)?\s+((?:the\s+)?[A-Z][\w'\u2019-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\u2019-]*){0,3})"
)


def _title(
    kind: Kind, sentence_text: str, event_text: str, city: str | None, parties: list[str], event_at: int = 0
) -> str:
    """A short human title: "Next round of political consultations in Minsk", "Visit to Sri Lanka".

    `event_at` is where the event word sits in the sentence: the destination is the one after it.
    """
    label = lexicon.KIND_LABELS[kind]
    where = f" in {city}" if city else ""
    if (
        re.search(r"\bnext (?:round|session|meeting|visit)\b", sentence_text, re.IGNORECASE)
        and kind in _NEXT_TITLES
    ):
        return _NEXT_TITLES[kind] + where
    if kind is Kind.OTHER:
        return (event_text[0].upper() + event_text[1:]).split(" in ")[0] + where
    if kind is Kind.VISIT:
        if city:
            return f"Visit to {city}"
        if event_text.startswith("Visit to "):
            return event_text  # titled when read; merging keeps it
        destination = _DESTINATION.search(sentence_text, max(0, event_at - 20)) or _DESTINATION.search(
            sentence_text
        )
        return f"Visit to {destination[1]}" if destination else "Visit"
    return label[0].upper() + label[1:] + where


def _split_respectively(text: str, sentence, events) -> list[str]:
    """ "meetings of the 9th JTC and 21st JEC will be held in August and September, respectively"."""
    match = re.search(
        r"((?:\d+(?:st|nd|rd|th)\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+and\s+"
        r"(?:the\s+)?((?:\d+(?:st|nd|rd|th)\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})",
        sentence.text,
    )
    return [match[1], match[2]] if match else []


# "no date has been fixed yet", "named no new dates", "the dates have not been set".
_NO_DATE_YET = Gated(
    guarded(
        re.compile(
            r"\bno\s+(?:new\s+|fresh\s+|firm\s+)?dates?\b(?:\s+(?:has|have|had|was|were)\b|\s+(?:yet\s+)?for\b)|"
            r"\bnamed\s+no\s+(?:new\s+)?dates?\b|"
            r"\bdates?\b[^.;]{0,80}?\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:"
            + lexicon.DATE_FIXING
            + r")\b",
            re.IGNORECASE,
        )
    )
)
_INVITED = re.compile(r"\binvit\w*|\baccept\w*|\btaken up\b", re.IGNORECASE)
_PLEDGE_OR_INVITATION = re.compile(_PLEDGE_VERB.pattern + "|" + _INVITED.pattern, re.IGNORECASE)


def extract_commitments(ctx: DocumentContext, meetings: list[Meeting]) -> list[Commitment]:
    """Every commitment mention in `ctx`, merged into one item per future act."""
    raw: list[Commitment] = []
    headlines: set[int] = set()  # ids of items read from a headline: they repeat the body
    hosts: dict[int, frozenset[str]] = {}  # id of an item -> the states its wording makes its host
    sentence_of: dict[int, int] = {}  # id of an item -> where its sentence starts
    inherited = sorted({p for m in meetings for p in m.parties}) or ctx.main_parties
    for clause in ctx.clauses:
        sentence = clause.sentence
        if not ctx.events(sentence) and not (raw and (raw[-1].postponed or _IT_HAPPENS.match(sentence.text))):
            continue  # no event word, and nothing that could date the item just read again
        if _no_pledge_in(ctx, sentence):
            continue
        # "will speak to the media after their meeting": a meeting named to time another act is no item.
        events = [
            e
            for e in ctx.events(sentence)
            if not _TIMED_BY.search(ctx.text, max(sentence.start, e.start - 50), e.start)
        ]
        headline = False
        items = []
        if events:
            headline = ctx.is_title_line(sentence)
            items = _read_sentence(ctx, clause, events, meetings, inherited, headline, hosts)
        pronoun = not items and raw and _IT_HAPPENS.match(sentence.text)
        if not items and raw and (raw[-1].postponed or pronoun) and not ctx.is_title_line(sentence):
            # A sentence that names the act just read without an event word: its new dates, or its time.
            if raw[-1].postponed:
                items = _new_dates_of(ctx, sentence, raw[-1])
            if not items and pronoun:
                items = _dated_again(ctx, sentence, raw[-1])
        if items and _SPECULATION.search(_opening_lowered(sentence.text)):
            continue  # "Q: Some media reports say ...": speculation, not a pledge
        raw.extend(items)
        sentence_of.update((id(item), sentence.start) for item in items)
        if headline:
            headlines.update(id(item) for item in items)
    if _stay_under_way(ctx, meetings):
        raw = [item for item in raw if not _part_of_the_stay(ctx, item)]
    elif any(not _a_stay_part(item) for item in raw):
        # "During his visit to Manila, Sun is to pay a courtesy call": part of the visit the text announces.
        raw = [item for item in raw if not (_a_stay_part(item) and item.window.is_open)]
    body = [item for item in raw if id(item) not in headlines]
    raw = [item for item in raw if not _programme_of(item, body, sentence_of)]
    return [
        _in_the_city_of_the_stay(ctx, item, meetings)
        for item in merge_commitments(raw, headlines, hosts)
        # "Kevin Rudd to meet Indonesian foreign minister" over "Today Rudd will meet Wirajuda": a headline
        # no body item takes in announces the contact of the day, a meeting.
        if not (id(item) in headlines and _the_days_contact(ctx, item, meetings))
        and not _the_days_contact_told_ahead(ctx, item, meetings)
    ]


def _the_days_contact_told_ahead(ctx: DocumentContext, item: Commitment, meetings: list[Meeting]) -> bool:
    """ "Three ministers are expected to begin an official visit to Guyana today": the contact of the day,
    read as a meeting too, told in the future."""
    if item.evidence is None or item.firmness is Firmness.INVITED:
        return False  # "accepted an invitation to visit, he was told today": a visit to come
    today = _TODAY.search(item.evidence.text)
    if today is None or _PLEDGED_JUST_BEFORE.search(item.evidence.text, 0, today.start()):
        return False  # "agreed today in Accra to hold the next session": today's is the pledge
    same_kind = [meeting for meeting in meetings if meeting.kind is item.kind]
    return _the_days_contact(ctx, item, same_kind)


def _visitor(ctx: DocumentContext, destination: str) -> str | None:
    """The state a text about several destinations is mostly about: the one that travels."""
    others = [code for code in ctx.main_parties if code != destination and len(code) == 2]
    return others[0] if len(ctx.main_parties) > 2 and others else None


_TODAY = re.compile(r"\b(?:" + lexicon.TODAY + r")\b", re.IGNORECASE)
_PLEDGED_JUST_BEFORE = re.compile(r"\b(?:" + lexicon.PAST_PLEDGES + r")\s+$", re.IGNORECASE)


def _the_days_contact(ctx: DocumentContext, item: Commitment, meetings: list[Meeting]) -> bool:
    if not item.window.is_open or ctx.published is None or not item.parties:
        return False
    return any(
        meeting.start <= ctx.published <= meeting.end and set(item.parties) <= set(meeting.parties)
        for meeting in meetings
    )


def _in_the_city_of_the_stay(ctx: DocumentContext, item: Commitment, meetings: list[Meeting]) -> Commitment:
    """ "Tomorrow Kono will meet his counterpart", "a ministerial session follows tomorrow": an act of
    the next few days, placed nowhere, takes place where the parties met on the publication day."""
    if (
        item.city
        or item.window.precision not in _DAY_LEVEL
        or ctx.published is None
        or item.kind is Kind.VISIT
    ):
        return item
    start, end = bounds(item.window)
    if (end - start).days >= _STAY_DAYS:
        return item  # "next week": no days of the stay
    if item.evidence and _HERE.search(item.evidence.text):
        return item  # "in the capital" with no host named: a place the sentence gives, unknown
    if not 0 < (start - ctx.published).days <= _STAY_DAYS:
        return item
    for meeting in meetings:
        if (
            meeting.city
            and meeting.end >= ctx.published - dt.timedelta(days=1)
            and set(meeting.parties) & set(item.parties)
        ):
            return dataclasses.replace(
                item, city=meeting.city, country=meeting.country, timezone=meeting.timezone
            )
    return item


def _programme_of(item: Commitment, body: list[Commitment], sentence_of: dict[int, int]) -> bool:
    """ "Sargsyan will also meet representatives of the community", "his schedule includes a session":
    after an item the body announced in an earlier sentence, an undated act no one pledges is part of
    its programme, unless it names that item again ("will be followed by the visit to Minsk"). A visit
    ("he will also travel to Benin") and a ratification are acts of their own."""
    if not item.window.is_open or item.evidence is None or item.kind is Kind.VISIT:
        return False
    if _PLEDGE_CUE.search(item.evidence.text) or _RATIFICATION.search(item.evidence.text):
        return False
    earlier = [other for other in body if sentence_of[id(other)] < sentence_of[id(item)]]
    if any(_more_states(item, other) for other in earlier):
        return False  # a trilateral meeting beside a bilateral visit: an act of its own
    if item.country and all(other.country not in (None, item.country) for other in earlier):
        return False  # "While in Suva ..." then "In Nuku'alofa, they will meet ...": the next leg of a tour
    return bool(earlier) and not any(_mergeable(other, item) for other in earlier)


_CLOSING_QUOTES = " \t\n\"'\u201d\u2019\u00bb"


def _no_pledge_in(ctx: DocumentContext, sentence) -> bool:
    """A sentence that reports no pledge whatever its event words: an abandoned plan, an agenda, news
    that no date is set, a past plan, a question."""
    text = sentence.text
    if _ABANDONED.search(text) or _AGENDA_SENTENCE.search(text):
        return True
    if text.rstrip(_CLOSING_QUOTES).endswith("?"):
        return True  # "Korean and Chinese ministers may meet next week?": a question asks, it pledges nothing
    if (
        _NO_DATE_YET.search(text)
        and not _PLEDGE_OR_INVITATION.search(text)
        and not ctx.times(sentence, "future")
    ):
        # "No date has been fixed yet for the next round": news of no plan, no pledge; but "is to take
        # place in the next months, though no dates have been fixed yet" has its time.
        return True
    # "had been scheduled for May, has been postponed" is a put-off, not a past plan.
    return bool(_PAST.search(text) and not _STRONG_FUTURE.search(text) and not _PUT_OFF.search(text))


def _new_dates_of(ctx: DocumentContext, sentence, put_off: Commitment) -> list[Commitment]:
    """ "New dates for it will be worked out through diplomatic channels": the item just put off, again."""
    if not _NEW_DATES.search(sentence.text):
        return []
    window, past_only = _pick_window(ctx, sentence, sentence.start)
    if past_only:
        return []
    evidence = Evidence(sentence.text, sentence.start, sentence.end)
    firmness = _firmness(sentence.text, window or Window.open())
    return [
        dataclasses.replace(put_off, window=window or Window.open(), evidence=evidence, firmness=firmness)
    ]


# "It could happen towards the end of the month": a pronoun for the act just read, and its time.
_IT_HAPPENS = re.compile(
    r"\W*(?:It|This|That)\s+(?:[a-z]+\s+){0,2}?(?:will|would|could|may|might|should|is to|"
    r"is (?:expected|likely|due|set|scheduled|planned) to)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:happen|take place|be held|go ahead|materiali[sz]e)\b"
)


def _dated_again(ctx: DocumentContext, sentence, item: Commitment) -> list[Commitment]:
    """The act just read, dated by a sentence that names it by a pronoun only."""
    window, past_only = _pick_window(ctx, sentence, sentence.start)
    if window is None or past_only or window.is_open:
        return []
    evidence = Evidence(sentence.text, sentence.start, sentence.end)
    return [
        dataclasses.replace(
            item, window=window, evidence=evidence, firmness=_firmness(sentence.text, window), postponed=False
        )
    ]


def _stay_under_way(ctx: DocumentContext, meetings: list[Meeting]) -> bool:
    """The text reports a contact of the publication day (or the day before), or one that began and goes
    on: a visitor is there."""
    if ctx.published is None:
        return False
    return any(
        meeting.start <= ctx.published and (ctx.published - meeting.end).days <= 1 for meeting in meetings
    )


def _a_stay_part(item: Commitment, under_way: bool = False) -> bool:
    """An act the text ties to the programme of a stay ("during his visit", "in the course of the visit"),
    or, `under_way`, to the stay its own sentence reports ("is on a state visit to Ghana, where ...").
    "Before returning home, he invited his host" is a visit of its own, later."""
    if item.firmness is Firmness.INVITED or item.evidence is None:
        return False
    text = item.evidence.text
    return bool(_STAY_PART.search(text) or (under_way and _STAY_UNDER_WAY.search(text)))


def _part_of_the_stay(ctx: DocumentContext, item: Commitment) -> bool:
    """ "During his stay, the president is scheduled to meet ...": the programme of the visit under
    way, in the next few days or undated, is no commitment of its own."""
    if not _a_stay_part(item, under_way=True):
        return False
    if item.window.is_open:
        return True
    assert ctx.published is not None
    start, end = bounds(item.window)
    return start >= ctx.published and (end - ctx.published).days <= _STAY_DAYS


def _read_sentence(
    ctx: DocumentContext, clause, events, meetings, inherited, headline: bool, hosts: dict
) -> list[Commitment]:
    """The items one sentence states: the first governed event, and one more per coordinated clause
    ("agreed that the JTC would meet at an early date, and that they would work towards the next JCM")."""
    text = ctx.text
    sentence = clause.sentence
    items: list[Commitment] = []
    floor = sentence.start  # a further item must sit in a later clause than the last one read
    for event, cue_at, cue_end in _governed_events(ctx, sentence, events):
        if cue_at < floor or headline and cue_at == sentence.start:
            continue  # a headline opening "Next round in Riga" names what happened
        if event.start < floor:
            continue  # "..., and a decision on its agenda will follow": the act of an earlier clause, read
        main_clause = _after_reason(ctx, sentence, floor, cue_end, event, events)
        if main_clause is not None:
            floor = main_clause  # the event dates or motivates the pledge that follows; it is not one
            continue
        item = _read_item(ctx, clause, events, meetings, inherited, event, cue_at, cue_end, floor, hosts)
        if item is None:
            continue
        items.extend(item)
        items.extend(_coordinated_acts(text, events, event, item[-1]))
        items.extend(_dated_coordinates(ctx, clause, events, event, item[-1]))
        boundary = _NEXT_CLAUSE.search(text, max(cue_end, event.end), sentence.end)
        if boundary is None:
            break
        floor = boundary.end()
    return items


# "a joint ministerial council as well as bilateral political consultations": two acts in one object.
_AS_WELL_AS = re.compile(r"[^.;,]{0,60}?\sas well as\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$")


def _coordinated_acts(text: str, events, event, item: Commitment) -> list[Commitment]:
    """An act of another kind joined to the one just read by "as well as", with no verb of its own: the
    same pledge, a second item. (Plain "and" joins two names of one act too often.)"""
    acts = []
    for other in events:
        if other.start <= event.end:
            continue
        kind = phrase_kind(text, events, other)
        if kind is item.kind or kind is Kind.VISIT:
            continue
        if item.evidence is None or other.end > item.evidence.end:
            break
        if not _AS_WELL_AS.fullmatch(text, event.end, other.start):
            break
        acts.append(dataclasses.replace(item, kind=kind, title=other.text))
        break
    return acts


# "..., and to the EU-AU Summit, in October 2020 in Brussels": a second act joined by "and", then its own time.
_AND_BEFORE = re.compile(r",\s+and\s+(?:to\s+|for\s+|at\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'\u2019-]+\s+){0,4}$")
_ITS_OWN_TIME = re.compile(r"[^.;:]{0,30}?,\s+(?:to\s+be\s+held\s+)?$")


def _dated_coordinates(ctx: DocumentContext, clause, events, event, item: Commitment) -> list[Commitment]:
    """Acts joined to the one just read by ", and (to) the ...", each followed by a time of its own ("the
    Ministerial Meeting, to be held in May 2020 in Kigali, and to the EU-AU Summit, in October 2020 in
    Brussels"): the same pledge, one item each, with that time and the city after it."""
    text, sentence = ctx.text, clause.sentence
    found = []
    times = [e for e in ctx.times(sentence, "future") if not e.window.is_open]
    for other in events:
        if other.start <= event.end or not _AND_BEFORE.search(
            text, max(sentence.start, other.start - 60), other.start
        ):
            continue
        own = next(
            (e for e in times if other.end <= e.start and _ITS_OWN_TIME.fullmatch(text, other.end, e.start)),
            None,
        )
        if own is None or (own.window.start, own.window.end) == (item.window.start, item.window.end):
            continue
        end = _NEXT_CLAUSE.search(text, own.end, sentence.end)
        place = venue(
            ctx, clause.mentions, own.end, end.start() if end else sentence.end, own.end, future=True
        )
        found.append(
            dataclasses.replace(
                item,
                kind=phrase_kind(text, events, other),
                title=other.text,
                window=own.window,
                city=place.name if place else None,
                country=place.country if place else None,
                timezone=place.timezone if place else None,
            )
        )
    return found


def _after_reason(ctx: DocumentContext, sentence, floor: int, cue_end: int, event, events) -> int | None:
    """Where the main clause starts when the cue and its event sit in a reason or timing clause, else None.

    The main clause must name an act of its own ("so the side suggests holding the session"), else the
    clause is the pledge itself ("Since they agreed, the visit will take place in May").
    """
    text = ctx.text
    consequence = _CONSEQUENCE.search(text, cue_end, sentence.end)
    if consequence is not None:
        boundary = consequence.end()
    elif _REASON_LEAD.match(text, max(floor, sentence.start)):
        comma = text.find(",", cue_end, sentence.end)
        if comma < 0:
            return None
        boundary = comma + 1
    else:
        return None
    if event.start >= boundary:
        return boundary  # the cue is the reason's, the event it seemed to govern the main clause's
    return boundary if any(e.start >= boundary for e in events) else None


def _actors(named: list[str], met: list[str], main: list[str], joined: set[str]) -> list[str]:
    """The named parties that act in the document; a third state named as a topic ("peace efforts with
    North Korea", "the situation in Syria") is left out. Parties of a named format ("the China-Pakistan-
    Afghanistan Dialogue") always act."""
    actors = set(met or main)  # the parties of the reported contacts, else those the text is mostly about
    if not actors:
        return named
    return [code for code in named if code in actors or code in joined]


# "the third session", "the 8th meeting": one act of a series, named by its number. ("the next session
# of the UN Human Rights Council" stays a topic: the series may be anyone's.)
_NUMBERED = re.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"(?:\s+[\w-]+){0,6})\s+$",
    re.IGNORECASE,
)


def _a_named_plan(text: str, event, end: int) -> bool:
    """ "discussed the forthcoming visit of the President of Tajikistan to Uzbekistan", "preparing the state
    visit ..., scheduled for April": a plan of the parties' own, whatever verb brings it up."""
    if _SCHEDULED_AFTER.match(text, event.end, end):
        return True
    if _NUMBERED.search(text, max(0, event.start - 60), event.start):
        return True  # "the question of holding the third session of the subcommittee was discussed"
    if event.kind is not Kind.VISIT:
        return False
    if _VISITOR_BEFORE.search(text, max(0, event.start - 60), event.start):
        return True  # "President Tokayev's visit to Russia", "the Kazakh president's Nov. 12 visit"
    return bool(_VISIT_OF_TO.match(text, event.end, end))


def _is_topic(text: str, start: int, cue_at: int, cue_end: int, event_end: int, end: int) -> bool:
    """An upcoming event (or preparations for it) in the object of a discussion verb, with no pledge
    verb in between, or as the subject of a discussion to come ("... will be on the agenda")."""
    if _TOPIC_AFTER.match(text, event_end, end):
        return True
    if cue_at >= event_end and _RELATIVE_CLAUSE.fullmatch(text, event_end, cue_at):
        # "briefed him on the upcoming summit, which will be held in Kampala": the clause describes the topic
        topics = list(_NEWS_GIVEN_BEFORE.finditer(text, start, event_end))
        return bool(topics) and not _PLEDGE_VERB.search(text, topics[-1].end(), event_end)
    if not _TOPIC_CUE.fullmatch(text, cue_at, cue_end):
        return False
    topics = list(_TOPIC_LIST.finditer(text, start, cue_at))
    return bool(topics) and not _PLEDGE_VERB.search(text, topics[-1].end(), cue_at)


# "will attend the APEC leaders' meeting", "take part in the UN Ocean Conference": going to others' event.
_ATTEND_BEFORE = guarded(
    re.compile(
        r"\b(?:attend|attends|attending|take part in|takes part in|taking part in|participate in|participates in|"
        r"participating in)\s+(?:the\s+)?[^.;,]{0,60}$",
        re.IGNORECASE,
    )
)
# "will travel on to New York to attend the general debate": the trip is for the gathering.
_TO_ATTEND = re.compile(r"[^.;]{0,60}?\bto\s+(?:attend|take part in|participate in)\b", re.IGNORECASE)
_OWN_FORMAT = re.compile(r"\b(?:next|joint|bilateral)\b|\w-\w+\s+(?:business\s+)?forum", re.IGNORECASE)
_GATHERING = re.compile(r"\b(?:conference|forum|general debate|general assembly)\b", re.IGNORECASE)
_HOSTS = re.compile(r"\bhost(?:s|ed|ing)?\b", re.IGNORECASE)


def _attends_a_gathering_of_others(ctx: DocumentContext, clause, event, own: list[str]) -> bool:
    """Attending a conference, forum or General Assembly that is not the parties' own (`own`: the parties
    of the contacts the text reports): no commitment of theirs; an invitation to it is one. A summit of an
    organisation stays an item: without its members the text cannot tell whether it is the parties' own."""
    text, sentence = ctx.text, clause.sentence
    attend = _ATTEND_BEFORE.search(
        text, max(sentence.start, event.start - 80), event.start
    ) or _TO_ATTEND.match(text, event.end, sentence.end)
    if attend is None or _INVITED.search(sentence.text):
        return False
    if _HOSTS.search(sentence.text) and any(m.code in own for m in clause.mentions if m.is_party):
        return False  # "the CSTO session, which Kazakhstan is hosting": a party's own gathering
    phrase_end = min(sentence.end, max(event.end, attend.end()) + 40)
    if _OWN_FORMAT.search(text, attend.start(), phrase_end):
        return False  # "the next Ghana-Nigeria business forum": the parties' own
    return _GATHERING.search(text, attend.start(), phrase_end) is not None


def _read_item(
    ctx: DocumentContext, clause, events, meetings, inherited, event, cue_at, cue_end, floor, hosts: dict
):
    text = ctx.text
    sentence = clause.sentence
    if _is_topic(text, sentence.start, cue_at, cue_end, event.end, sentence.end) and not _a_named_plan(
        text, event, sentence.end
    ):
        return None  # "the discussions focused on ... the forthcoming summit": a topic, not a pledge
    if _attends_a_gathering_of_others(ctx, clause, event, inherited):
        return None  # "will attend the G20 summit in Rio": an event merely mentioned (CONTRACT.md)
    visits = [
        e
        for e in events
        if e.kind is Kind.VISIT and e.end <= cue_at and _DURING_WHICH.search(text, e.end, cue_at)
    ]
    if visits:
        event = visits[-1]  # "his visit, during which he is to take part in a session": the visit
    # "will take up the directives the prime ministers issued during Modi's visit": a past act's contact
    if cue_end <= event.start and _DONE_DURING.search(text, cue_end, event.start):
        return None
    if _GENERIC_AFTER.match(text, event.end):
        return None  # "is due to travel abroad several times before the end of the year": no one act
    window, past_only = _pick_window(ctx, sentence, cue_end, floor)
    if past_only:
        return None  # "officials decided it would take place in June 2017", said in July 2017
    if window is None:
        window = Window.open()
    if window.is_open and not _concrete(text, event):
        return None
    if _NEGATED.search(text, max(sentence.start, event.start - 60), event.start):
        return None  # "he would not attend the General Assembly himself": no act is pledged
    if event.kind is Kind.VISIT and _A_PLACE_OF_THE_PROGRAMME.match(text, event.end, sentence.end):
        return None  # "is set to visit Keio University on Friday": a stop of the programme, no diplomatic act
    if _HAPPENED_AFTER.match(text, event.end, sentence.end):
        return None  # "the next round of consultations took place in Ashgabat on March 1": a past contact
    if _UNDER_WAY.search(text, max(sentence.start, event.start - 60), event.start):
        return None  # "is paying an official visit to North Macedonia": the contact of the day, a meeting
    if window.is_open and _agenda_of_an_item(text, sentence, events):
        return (
            None  # "the preparatory meeting would focus on ...": what an item will treat, no item of its own
        )
    if ctx.published and window.start == ctx.published and names_its_first_day(window):
        return None  # a contact that begins on the publication day is a meeting
    window = _lasting(window, _days_named(text, sentence, events, event))
    kind = phrase_kind(text, events, event)
    if kind is Kind.MEETING and re.match(r"(?:round|session)s?$", event.text, re.IGNORECASE) and meetings:
        kind = meetings[0].kind  # "the next round will be held": a round of what the text reports
    place = venue(ctx, clause.mentions, max(floor, sentence.start), sentence.end, event.start, future=True)
    goes_to = destination(ctx, clause, event)
    if place is not None and goes_to and place.country not in goes_to | _states_named(clause, event.start):
        place = None  # "will visit the UK ..., agreed at the World Economic Forum in Davos": not in the UK
    anchored = joined_parties(ctx, clause) | item_parties(ctx, clause, event.start, event.end, place)
    named = parties_of(ctx, clause)
    parties = _actors(named, inherited, ctx.main_parties, anchored)
    parties += sorted(code for code in anchored if code not in parties)
    # A body of an organisation has it and the states named; a bilateral item takes its counterpart.
    if len(parties) == 1 and (partner := previous_partner(ctx, clause, parties[0])):
        parties = parties + [
            partner
        ]  # "... Lao minister will visit Moscow. Talks with the Russian minister ..."
    elif len(parties) == 1 and parties[0] in goes_to and (visitor := _visitor(ctx, parties[0])):
        # "Later on Monday Lavrov is to leave for Tajikistan": one leg of a tour
        parties = parties + [visitor]
    elif not any(len(code) > 2 for code in parties) and len(parties) < 2:
        parties = parties + [p for p in inherited if p not in parties]
    parties = complete_parties(ctx, parties)
    if inherited and parties and not set(parties) & set(inherited):
        return None  # "the G20 summit will take place in Rio in November": others' event, merely mentioned
    parties += sorted(goes_to - set(parties))  # "he will visit Ireland": where a visit goes takes part in it
    firmness = _firmness(sentence.text, window)
    evidence = Evidence(sentence.text, sentence.start, sentence.end)
    names = _split_respectively(text, sentence, events) if _RESPECTIVELY.search(sentence.text) else []
    windows = _respective_windows(ctx, sentence) if names else []
    if names and len(windows) == len(names):
        return [
            _commitment(kind, firmness, part, parties, place, evidence, name)
            for name, part in zip(names, windows)
        ]
    item = _commitment(
        kind, firmness, window, parties, place, evidence, event.text, event.start - sentence.start
    )
    item.postponed = bool(_PUT_OFF.search(text, sentence.start, sentence.end))
    hosts[id(item)] = frozenset(item_hosts(ctx, clause, event.end, place)) | destination(ctx, clause, event)
    if place is None and kind is Kind.VISIT and (stay := city_of_the_stay(ctx, clause, hosts[id(item)])):
        item.city, item.country, item.timezone = stay.name, stay.country, stay.timezone
    return [item]


# "the consultations, which the two-day meeting prepared, ...": a later event word in a clause of its own.
_CLAUSE_BREAK = re.compile(r"\b(?:which|who|whom|whose|that)\b|[,;(]", re.IGNORECASE)


# What an item will treat: "the meeting would focus on", "those taking part in the summit are expected to
# address"; "It will be an expert-level meeting": a description of the item named before.
_AGENDA_VERB = guarded(
    re.compile(
        r"\b(?:will|would|shall|(?:is|are)\s+(?:expected|set|due)\s+to)\s+(?:also\s+)?"
        r"(?:focus|concentrate|centre|center)\s+on\b"
        r"|\b(?:will|would|(?:is|are)\s+expected\s+to)\s+(?:also\s+)?(?:address|discuss|cover|review|examine|take\s+up|resolve|settle|tackle)\b",
        re.IGNORECASE,
    )
)
# A negated act right before the event word: "will not travel to", "won't host the next round".
_NEGATED = guarded(
    re.compile(
        r"\b(?:(?:will|would|shall|could|can|is|are|was|were)\s+not(?!\s+only)|(?:won|wouldn|couldn|can|isn|aren|wasn|weren)['\u2019]t|cannot|never)"
        r"\s+(?:[\w-]+\s+){0,4}$",
        re.IGNORECASE,
    )
)
_OWN_FUTURE = re.compile(
    r"\b(?:will|would|shall|to\s+be\s+held|to\s+take\s+place|to\s+hold|to\s+visit)\b", re.IGNORECASE
)
_DESCRIBED = re.compile(r"\s*(?:It|This|That)\s+will\s+be\s+(?:an?|the)\b")


def _agenda_of_an_item(text: str, sentence, events) -> bool:
    """The sentence says what an item named in its subject will treat, or describes the item named before."""
    if _DESCRIBED.match(text, sentence.start, sentence.end):
        return True
    agenda = _AGENDA_VERB.search(text, sentence.start, sentence.end)
    if not agenda or _OWN_FUTURE.search(text, sentence.start, agenda.start()):
        return False  # "the next session will be held in Accra and will discuss trade": an item that has an agenda
    return any(sentence.start <= e.start < agenda.start() for e in events)


def _days_named(text: str, sentence, events, event) -> int | None:
    """How many days the item lasts, said before its event word ("a two-day visit"), before a later one in
    the same clause ("will host EU leaders for the two day summit"), or right after it ("for three days")."""
    for other in events:
        if other.start == event.start or (
            event.start < other.start < sentence.end
            and not _CLAUSE_BREAK.search(text, event.end, other.start)
        ):
            if days := days_named_before(text, sentence.start, other.start):
                return days
    return days_named_after(text, event.end, sentence.end)


def _lasting(window: Window, days: int | None) -> Window:
    """ "a two-day visit from 23 February": the days from that day on."""
    if days is None or window.precision is not Precision.DAY or window.start is None:
        return window
    end = window.start + dt.timedelta(days=days - 1)
    return Window(window.start, end, Precision.DAYS, window.text)


def _respective_windows(ctx: DocumentContext, sentence) -> list[Window]:
    """ "in August and September 2020" -> the two months, each with the shared year."""
    from tracker.temporal import resolve_window

    match = re.search(r"in\s+([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)(\s+\d{4})?", sentence.text)
    if not match:
        return []
    year = match[3] or ""
    out = []
    for part in (match[1], match[2]):
        try:
            window = resolve_window(f"in {part}{year}", ctx.published, "future")
        except Exception:
            window = None
        if window is None or window.is_open:
            return []
        out.append(window)
    return out


_INSTRUMENT = re.compile(
    r"\b(?:agreement|treaty|memorandum|protocol|convention|accord|declaration|charter|MoU)s?\b", re.IGNORECASE
)
_GENERIC_AFTER = re.compile(
    r"\s+(?:abroad\b|(?:[\w-]+\s+){0,3}?(?:several|many|multiple|numerous|a few|a number of)\s+times\b)",
    re.IGNORECASE,
)
_RESUMED = re.compile(
    r"\b(?:resum(?:e|es|ed|ing|ption of)|restart(?:s|ed|ing)?|relaunch(?:es|ed|ing)?|reactivat(?:e|es|ed|ing|ion of)|"
    r"reviv(?:e|es|ed|ing|al of)|reconvene)\s+(?:the\s+|their\s+|its\s+)?(?:[\w'\u2019-]+\s+){0,4}$",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"\b(?:previous|past|recent|earlier|former)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _concrete(text: str, event) -> bool:
    """An open-ended item needs a concrete act: "the next round", "a visit", not "such meetings" nor
    "their previous meeting"."""
    before = text[max(0, event.start - 60) : event.start]
    if _RESUMED.search(before):
        return True  # "agreed to restart the regular bilateral meetings": a mechanism that lapsed, one act
    if _GENERIC.search(before) or _EARLIER.search(before):
        return False
    if event.kind is not Kind.OTHER and _SPED_UP.search(before):
        # "agreed to speed up the border talks": a process hurried, no act ("speed up the approval of the
        # action programme" is one).
        return False
    if (
        event.kind is Kind.OTHER
        or event.kind is Kind.SIGNING
        and _INSTRUMENT.search(text, max(0, event.start - 120), event.start)
    ):
        return True  # "the Agreement on Mutual Abolition of Visas would be signed": a named instrument
    if event.text.lower() == "meeting" and re.search(r"\bto\s+$", before):
        return True  # "looked forward to meeting in Delhi": the verb, one act
    return bool(_CONCRETE.search(before)) or event.text.lower() in {
        "meet",
        "visit",
        "come to",
        "travel",
        "ratify",
        "ratified",
        "pay a visit",
    }


def _commitment(
    kind, firmness, window, parties, place: Place | None, evidence, event_text, event_at: int = 0
) -> Commitment:
    city = place.name if place else None
    return Commitment(
        kind=kind,
        firmness=firmness,
        window=window,
        parties=sorted(set(parties)),
        city=city,
        country=place.country if place else None,
        timezone=place.timezone if place else None,
        evidence=evidence,
        title=_title(kind, evidence.text, event_text, city, sorted(set(parties)), event_at),
    )


def _contains(outer: Window, inner: Window) -> bool:
    (outer_start, outer_end), (inner_start, inner_end) = bounds(outer), bounds(inner)
    return outer_start <= inner_start and inner_end <= outer_end


def _overlap(a: Window, b: Window) -> bool:
    if a.is_open or b.is_open:
        return True
    (a_start, a_end), (b_start, b_end) = bounds(a), bounds(b)
    return a_start <= b_end and b_start <= a_end


def _a_rough_part_beside_the_days(a: Commitment, b: Commitment) -> bool:
    """ "will travel to Mexico in mid-May" and "will be in Mexico on May 21 and 22": a rough part of a month
    names the days just after (or before) it."""
    if a.kind is not b.kind:
        return False
    rough, days = (a, b) if a.window.precision is Precision.PART_OF_MONTH else (b, a)
    if rough.window.precision is not Precision.PART_OF_MONTH or days.window.precision not in _DAY_LEVEL:
        return False
    (rough_start, rough_end), (days_start, days_end) = bounds(rough.window), bounds(days.window)
    return (
        0 < (days_start - rough_end).days <= _ROUGH_DAYS or 0 < (rough_start - days_end).days <= _ROUGH_DAYS
    )


_ROUGH_DAYS = 3  # "mid-May" (11-20) still names a visit on May 21-22
_PARTS = {Kind.TALKS, Kind.MEETING, Kind.SIGNING, Kind.SUMMIT}
# Recurring formats with a body of their own: a session is named as such.
_FORMATS = {Kind.COMMISSION, Kind.CONSULTATIONS}
_NAMES_A_FORMAT = re.compile(
    r"\b(?:session|round|sitting|consultations|commission|committee|" + lexicon.COMMISSION_WORDS + r")s?\b",
    re.IGNORECASE,
)
# "which has not met since 2018, at an early date": a vague or open time never dates a past contact.
_NO_DAY = {Precision.VAGUE, Precision.OPEN}
# Kinds one contact may be called by in different sentences ("the talks on Friday", "via video link").
_CONTACTS = {Kind.MEETING, Kind.TALKS, Kind.CALL, Kind.CONSULTATIONS, Kind.SUMMIT, Kind.VISIT}
_DAY_LEVEL = {Precision.DAY, Precision.DAYS}
# Windows too loose for a part of a dated visit, which takes place on the visit's days.
_WIDE = {Precision.VAGUE, Precision.DEADLINE, Precision.YEAR, Precision.HALF, Precision.PART_OF_YEAR}


def _two_organisations(a: Commitment, b: Commitment) -> bool:
    """ "a meeting of the GUAM prime ministers" and "a meeting with the Council of Europe's secretary general":
    each names an organisation the other lacks, two gatherings."""
    orgs_a, orgs_b = ({p for p in item.parties if len(p) > 2} for item in (a, b))
    return bool(orgs_a - orgs_b) and bool(orgs_b - orgs_a)


def _another_guest_invited(a: Commitment, b: Commitment) -> bool:
    """ "invited Momen to visit India" beside "Deuba will travel to India": an invitation to another pair
    of states is another visit."""
    if Firmness.INVITED not in (a.firmness, b.firmness) or Kind.VISIT not in (a.kind, b.kind):
        return False
    states_a, states_b = ({p for p in item.parties if len(p) == 2} for item in (a, b))
    return (
        len(states_a) >= 2 and len(states_b) >= 2 and bool(states_a - states_b) and bool(states_b - states_a)
    )


_SEPARATE = re.compile(
    r"\bseparate\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|session|round|consultations|summit|visit|call)s?\b",
    re.IGNORECASE,
)


def _mergeable(a: Commitment, b: Commitment) -> bool:
    """Two mentions of one future act: compatible places, shared parties, overlapping windows.

    Items one sentence states in separate clauses are separate acts.
    """
    if a.evidence and b.evidence and a.evidence.start == b.evidence.start:
        return False
    # "Lim and Sugiyama are also to hold a separate meeting on Oct. 18": not the talks that day.
    if any(item.evidence and _SEPARATE.search(item.evidence.text) for item in (a, b)):
        return False
    if _to_two_states(a, b):
        return False  # a visit to Australia and one to Japan are two acts
    if a.city and b.city and a.city != b.city:
        return False
    if _another_guest_invited(a, b) or _two_organisations(a, b):
        return False
    if _part_of_a_session(a, b) or _part_of_a_session(b, a):
        return True
    shared = not (a.parties and b.parties and not set(a.parties) & set(b.parties))
    if a.window.is_open or b.window.is_open:
        open_ = a if a.window.is_open else b
        for visit, part in ((a, b), (b, a)):
            if (
                visit.kind is Kind.VISIT
                and part.kind in _PARTS
                and (part.window.is_open or visit.window.is_open)
                and not _standalone(part)
                and not _only_invited(visit, part)
                and not _FOLLOW_ON.search(part.evidence.text if part.evidence else "")
                and not _more_states(part, visit)
            ):
                return True  # talks, a dinner, a signing during a visit are parts of it; a gathering of more states is not
        if not shared:
            return False
        if open_.kind is Kind.MEETING and open_.evidence and _ANAPHORIC.search(open_.evidence.text):
            return True  # "the upcoming meetings", "that meeting": the item already named
        return a.kind is b.kind or bool(a.city and a.city == b.city)
    if not shared or not (_overlap(a.window, b.window) or _a_rough_part_beside_the_days(a, b)):
        return False
    same_time_and_place = (
        (a.window.start, a.window.end) == (b.window.start, b.window.end)
        and a.city is not None
        and a.city == b.city
    )
    # "the XII bilateral meeting ... in the Cuban capital in the last quarter" is the session named before
    if not same_time_and_place and (_another_act_beside_a_format(a, b) or _another_act_beside_a_format(b, a)):
        return False
    if (a.kind is Kind.VISIT) is not (b.kind is Kind.VISIT):
        visit, other = (a, b) if a.kind is Kind.VISIT else (b, a)
        if visit.window.precision in _DAY_LEVEL and other.window.precision in _WIDE:
            return False  # "relaunch the dialogue at an early date" is no part of next Friday's visit
        if _a_gathering_around(other, visit):
            return False
    if a.kind is not b.kind and Kind.MEETING not in (a.kind, b.kind) and not {a.kind, b.kind} <= _CONTACTS:
        return False  # a signing and a commission session in the same months are two acts
    if a.kind is not b.kind and Kind.SIGNING in (a.kind, b.kind) and Kind.VISIT not in (a.kind, b.kind):
        return False  # "to sign the documents in 2008 at the latest" is no part of "the meeting in February 2006"
    if (
        a.window.precision in _DAY_LEVEL
        and b.window.precision in _DAY_LEVEL
        and (a.window.start, a.window.end) != (b.window.start, b.window.end)
    ):
        if _contains(a.window, b.window) or _contains(b.window, a.window):
            if a.kind is b.kind or Kind.MEETING in (a.kind, b.kind):
                return (
                    True  # "will meet in Beijing next week" ... "will co-chair the meeting on May 24 and 25"
                )
        # Two dated acts: one visit, another meeting during it. A part with no other party joins the visit.
        visit, part = (a, b) if a.kind is Kind.VISIT else (b, a)
        return visit.kind is Kind.VISIT and part.kind in _PARTS and set(part.parties) <= set(visit.parties)
    return True


def _to_two_states(a: Commitment, b: Commitment) -> bool:
    """Two visits, placed in no city, whose titles name two states ("Visit to the State of Kuwait" and
    "Visit to Kuwait" go to one; "Visit to the Himalayan country" names none)."""
    if a.kind is not Kind.VISIT or b.kind is not Kind.VISIT or a.city or b.city:
        return False
    if not (a.title.startswith("Visit to ") and b.title.startswith("Visit to ")):
        return False
    going = {lookup_party(item.title.removeprefix("Visit to ")) for item in (a, b)}
    return None not in going and len(going) == 2


# "At the session, the two countries are expected to sign ...", "working groups will deliberate at the
# 11th session": an act that takes place at a session already named.
_AT_THE_SESSION = Prefiltered(
    guarded(
        re.compile(
            r"\b(?:at|during|in the course of|on the (?:sidelines|margins) of) the (?:[\w-]+ ){0,2}?(?:session|sitting)\b",
            re.IGNORECASE,
        )
    )
)


def _more_states(gathering: Commitment, visit: Commitment) -> bool:
    """ "the Turkmenistan-Azerbaijan-Türkiye trilateral meeting" beside a Turkmen visit to Türkiye: three
    states named for an act of two."""
    if gathering.evidence is None or not _FORMAT_SIZE.search(gathering.evidence.text):
        return False
    states = {code for code in gathering.parties if len(code) == 2}
    return len(states) >= 3 and len({code for code in visit.parties if len(code) == 2}) == 2


def _part_of_a_session(session: Commitment, part: Commitment) -> bool:
    """A signing or a meeting held at the session of a commission (or a round of consultations) is part of it."""
    if session.kind not in _FORMATS or part.kind is session.kind or part.evidence is None:
        return False
    if not _AT_THE_SESSION.search(part.evidence.text):
        return False
    if session.parties and part.parties and not set(session.parties) & set(part.parties):
        return False
    return part.window.is_open or session.window.is_open or _overlap(session.window, part.window)


def _a_gathering_around(other: Commitment, visit: Commitment) -> bool:
    """ "will pay an official visit to India from 18-20" ... "will host the India-Central Asia Dialogue
    from 18 to 20 with the ministers of five states": a dated gathering of more states, stated apart,
    is an act of its own beside the bilateral visit."""
    states = [code for code in other.parties if len(code) == 2]
    return (
        len(states) >= 3
        and set(visit.parties) < set(other.parties)
        and len(other.parties) - len(visit.parties) >= 2
        and names_its_first_day(visit.window)
        and names_its_first_day(other.window)
    )


def _another_act_beside_a_format(format_: Commitment, other: Commitment) -> bool:
    """ "the next session of the Joint Commission" ... "technical teams will meet in the coming weeks":
    a mention of another kind that does not name the format again is another act."""
    if format_.kind not in _FORMATS or other.kind is format_.kind or other.evidence is None:
        return False
    return not _NAMES_A_FORMAT.search(other.evidence.text)


def _only_invited(visit: Commitment, part: Commitment) -> bool:
    """ "X invited Y to visit" has no date yet: talks the parties fixed for a date are no part of it."""
    return (
        visit.firmness is Firmness.INVITED
        and part.firmness is not Firmness.INVITED
        and not part.window.is_open
    )


# "commit to hold follow-on negotiations", "further rounds of talks": a process of its own after the contact.
_FOLLOW_ON = re.compile(
    r"\b(?:follow-?on|follow-?up|further|subsequent|future)\s+(?:[\w-]+\s+){0,2}?(?:negotiations|talks|rounds?|meetings?)\b",
    re.IGNORECASE,
)


def _standalone(item: Commitment) -> bool:
    """ "the next meeting of the Strategic Partnership": an item of its own, not a part of a visit.

    A recurring format (a next round, a meeting of a named body) is only a part of a visit when its
    own sentence says so ("during the visit").
    """
    evidence = item.evidence.text if item.evidence else ""
    if _RATIFICATION.search(evidence):
        return True  # a ratification is its parliament's act, never a part of a visit
    if not _RECURRING.search(evidence):
        return False
    return not re.search(r"\bvisit", evidence, re.IGNORECASE)


def _states_named(clause, after: int) -> set[str]:
    """The states a clause names as such ("Tanzania and South Africa"), not through a city, from `after`
    on: "met in Harare ..., ahead of the state visit to Mozambique" names no Zimbabwean stop of the visit."""
    return {
        m.code for m in clause.mentions if m.kind in {"country", "adjective"} and m.code and m.start >= after
    }


def _a_day_of(part: Commitment, whole: Commitment) -> bool:
    """ "will co-chair the session on 7 June" after "is to be held from 6 to 7 June": one of the days
    of an item whose days are named, a part of it that does not replace its span."""
    span = whole.window
    if span.precision is not Precision.DAYS or not names_its_first_day(span) or part.window.is_open:
        return False
    start, end = bounds(part.window)
    return (start, end) != bounds(span) and bounds(span)[0] <= start and end <= bounds(span)[1]


def _specificity(item: Commitment) -> tuple[int, int]:
    window = item.window
    if window.is_open:
        return PRECISION_RANK[window.precision], 10**6
    start, end = bounds(window)
    length = (end - start).days
    if window.precision is Precision.DEADLINE and length < 365:
        # "before the end of this year" (from publication) says more than "this year".
        return PRECISION_RANK[Precision.PART_OF_YEAR], length
    return PRECISION_RANK[window.precision], length


# Mentions of one item sit within a few sentences of each other (headline, lead, body); comparing each
# mention with the latest groups only keeps merging linear on very long texts.
_MERGE_HORIZON = 64


def _headline_repeat(headline: Commitment, other: Commitment) -> bool:
    """A headline announces an item the body states: the same parties, no conflicting time or place."""
    if headline.city and other.city and headline.city != other.city:
        return False
    if headline.parties and other.parties and not set(headline.parties) & set(other.parties):
        return False
    return headline.window.is_open or other.window.is_open or _overlap(headline.window, other.window)


def _offset(item: Commitment) -> int:
    return item.evidence.start if item.evidence else 0


def merge_commitments(
    items: list[Commitment],
    headlines: set[int] | frozenset[int] = frozenset(),
    hosts: dict[int, frozenset[str]] | None = None,
) -> list[Commitment]:
    """One item per future act: the mention with the most specific window represents it.

    A headline's mention joins the body's first compatible item and never represents it. Two
    mentions whose wording names different hosts (`hosts`: id -> states) are two acts.
    """
    hosts = hosts or {}

    def hosts_of(item: Commitment) -> frozenset[str]:
        return hosts.get(id(item), frozenset())

    def other_host(theirs: frozenset[str], item: Commitment) -> bool:
        ours = hosts_of(item)
        return bool(theirs and ours and not theirs & ours)

    def rank(item: Commitment) -> tuple:
        return (id(item) in headlines, *_specificity(item))

    groups: list[list[Commitment]] = []
    bests: list[Commitment] = []  # each group's representative, kept up to date
    visits: list[bool] = []  # whether a group holds a visit
    group_hosts: list[frozenset[str]] = []  # the hosts its members name, kept so a long text stays linear

    def closeness(number: int, item: Commitment) -> tuple:
        """How well a group fits an item that could join several: a body's group before a headline's,
        then the same window, the same city, the same kind."""
        best = bests[number]
        body = any(id(member) not in headlines for member in groups[number])
        same_window = (best.window.start, best.window.end) == (item.window.start, item.window.end)
        return (not body, not same_window, best.city != item.city, best.kind is not item.kind)

    for item in items:
        fitting = []
        for number in range(max(0, len(groups) - _MERGE_HORIZON), len(groups)):
            best = bests[number]
            if best.kind is not Kind.VISIT and visits[number]:
                best = dataclasses.replace(best, kind=Kind.VISIT)
            if _mergeable(best, item) and not other_host(group_hosts[number], item):
                fitting.append(number)
        if fitting:
            number = min(fitting, key=lambda n: closeness(n, item))
            groups[number].append(item)
            visits[number] = visits[number] or item.kind is Kind.VISIT
            group_hosts[number] |= hosts_of(item)
            if _a_day_of(bests[number], item) or (
                rank(item) < rank(bests[number]) and not _a_day_of(item, bests[number])
            ):
                bests[number] = item
        else:
            groups.append([item])
            bests.append(item)
            visits.append(item.kind is Kind.VISIT)
            group_hosts.append(hosts_of(item))
    _attach_lone_headlines(groups, bests, headlines)
    for number, group in enumerate(groups):
        if any(item.postponed for item in group):
            bests[number] = min(group, key=lambda item: (_overtaken(item), *rank(item)))
        elif visit := _visit_holding(bests[number], group, headlines):
            bests[number] = visit
    merged = []
    merged_index = {id(best): number for number, best in enumerate(bests)}
    for group, best in zip(groups, bests):
        if best.city is None:
            other = next((m for m in group if m.city), None)
            if other is not None:
                best.city, best.country, best.timezone = other.city, other.country, other.timezone
        if best.kind in _PARTS and any(m.kind is Kind.VISIT for m in group):
            best.kind = Kind.VISIT  # "will hold talks at the White House" during the announced visit
        elif (
            best.evidence
            and _AT_THE_SESSION.search(best.evidence.text)
            and (session := next((m for m in group if m.kind in _FORMATS and m.kind is not best.kind), None))
        ):
            best.kind = session.kind  # "at the session, set for 28 June, they will sign ...": the session
        elif best.kind is Kind.MEETING:
            best.kind = min(
                (m.kind for m in group), key=KIND_PRIORITY.__getitem__
            )  # "the session" of the commission
        best.parties = _group_parties(best, group)
        best.postponed = any(item.postponed for item in group)
        best.window = _from_its_first_day(best, group)
        if (
            best.window.is_open
            and not best.postponed
            and (timed := [m for m in group if not m.window.is_open])
        ):
            # "agree to hold the meeting soon" in the headline only: the time a mention gives (a put-off item
            # keeps its open window: its old dates are overtaken)
            best.window = min(timed, key=_specificity).window
        merged.append(best)
    merged.sort(key=lambda item: min(_offset(m) for m in groups[merged_index[id(item)]]))
    _inherit_visit_city(merged)
    for item in merged:
        item.title = _title(
            item.kind, item.evidence.text if item.evidence else "", item.title, item.city, item.parties
        )
    return merged


def _from_its_first_day(best: Commitment, group: list[Commitment]) -> Window:
    """ "will set off on a three-day state visit to Nepal" ... "Beginning November 2, his visit ...": a
    visit whose first day one mention gives and whose length another gives lasts from that day."""
    window = best.window
    if best.kind is not Kind.VISIT or window.precision is not Precision.DAY or best.evidence is None:
        return window
    if not _BEGINNING.search(best.evidence.text):
        return window
    lengths = {
        days
        for item in group
        if item.evidence is not None
        and (days := days_of_contact(item.evidence.text, 0, len(item.evidence.text))) is not None
    }
    if len(lengths) != 1 or window.start is None:
        return window
    end = window.start + dt.timedelta(days=lengths.pop() - 1)
    return Window(window.start, end, Precision.DAYS, window.text)


# "Beginning November 2", "which starts Sunday", "will begin on 12 March": the first day of a longer stay.
_BEGINNING = re.compile(r"\b(?:beginning|starting|begins?|starts?|from)\b", re.IGNORECASE)


def _visit_holding(part: Commitment, group: list[Commitment], headlines) -> Commitment | None:
    """ "will visit Canada on August 22 and 23" ... "on Tuesday, August 22, he will meet the President":
    the visit is the item, not the meeting on one of its days (CONTRACT.md, parts of a visit)."""
    if part.kind is Kind.VISIT or part.window.precision not in _DAY_LEVEL:
        return None
    visits = [
        item
        for item in group
        if item.kind is Kind.VISIT
        and id(item) not in headlines
        and item.window.precision in _DAY_LEVEL
        and _contains(item.window, part.window)
    ]
    return min(visits, key=_specificity) if visits else None


def _overtaken(item: Commitment) -> tuple[bool, bool]:
    """How poorly a mention of a put-off item states its time now: a mention of the overtaken plan
    ("she was to be in Tanzania on March 28") last, one that looks for new dates first."""
    evidence = item.evidence.text if item.evidence else ""
    old_plan = not item.postponed and bool(_ORIGINAL_PLAN.search(evidence))
    return old_plan, not _NEW_DATES.search(evidence)


def _group_parties(best: Commitment, group: list[Commitment]) -> list[str]:
    """The representative's parties; other mentions add theirs only where it names fewer than two
    ("the visit" of a headline), since third states named beside a repeat are mostly topics."""
    parties = set(best.parties)
    if len(parties) < 2:
        for other in group:
            parties |= set(other.parties)
    return sorted(parties)


def _attach_lone_headlines(
    groups: list[list[Commitment]], bests: list[Commitment], headlines: set[int] | frozenset[int]
) -> None:
    """A group read only from a headline joins the body's item it announces, preferring the same kind."""
    for number in range(len(groups) - 1, -1, -1):
        if not all(id(item) in headlines for item in groups[number]):
            continue
        headline = bests[number]
        nearby = range(max(0, number - _MERGE_HORIZON), min(len(groups), number + _MERGE_HORIZON))
        others = [
            n
            for n in nearby
            if n != number
            and _headline_repeat(headline, bests[n])
            and not all(id(item) in headlines for item in groups[n])
        ]
        if not others:
            continue
        target = next((n for n in others if bests[n].kind is headline.kind), others[0])
        groups[target].extend(groups[number])
        del groups[number], bests[number]


def _inherit_visit_city(items: list[Commitment]) -> None:
    """A meeting held during a visit takes the visit's city when it names none.

    Only a visit dated to its days has a programme; "a visit later this year" contains other acts'
    windows without them being part of it."""
    visits = [c for c in items if c.kind is Kind.VISIT and c.city and c.window.precision in _DAY_LEVEL]
    for item in items:
        if item.city or item.window.is_open or item.kind is Kind.VISIT:
            continue
        for visit in visits:
            if _contains(visit.window, item.window):
                item.city, item.country, item.timezone = visit.city, visit.country, visit.timezone
                break
