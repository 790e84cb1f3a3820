"""Event words: the nouns and verbs that name a diplomatic contact, and the kind each stands for.

`find_events` reads them from a span of text ("consultations", "the session of the Joint Commission",
"met"); `refine_kind` and `phrase_kind` narrow a word's kind from the words around it ("a meeting of
the Cooperation Council" is a commission session). The document context and the rules read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.model import Kind
from tracker.extraction import lexicon
from tracker.speed.prefilter import Prefiltered

__all__ = ["EventWord", "find_events", "refine_kind", "phrase_kind", "KIND_PRIORITY"]

_COMMISSION = lexicon.compile_alternatives([lexicon.COMMISSION_WORDS])
_CONSULT = Prefiltered(re.compile(r"consultations?|talks|negotiations|dialogue", re.IGNORECASE))
KIND_PRIORITY = {
    Kind.CALL: 0,
    Kind.COMMISSION: 1,
    Kind.CONSULTATIONS: 2,
    Kind.SUMMIT: 3,
    Kind.SIGNING: 4,
    Kind.TALKS: 5,
    Kind.VISIT: 6,
    Kind.OTHER: 7,
    Kind.MEETING: 8,
}


@dataclass(frozen=True)
class EventWord:
    start: int  # document offsets
    end: int
    text: str
    kind: Kind


# One pass: every event word as a named alternative; at each position the first listed (most specific) wins.
_EVENT_KINDS = list(lexicon.EVENT_WORDS.values())
# The word-start test stands once before the alternatives, so a position inside a word fails at once;
# the pattern is tried only where an event word may begin (tracker.speed.prefilter).
_ANY_EVENT = Prefiltered(
    re.compile(
        "(?<!\\w)(?<!\\w-)(?:"
        + "|".join(f"(?P<k{i}>{pattern})(?![\\w-])" for i, pattern in enumerate(lexicon.EVENT_WORDS))
        + ")",
        re.IGNORECASE,
    )
)


# "European Commission President Juncker", "Committee Chairman": a body named in a title after it.
_TITLE_AFTER = re.compile(
    r"\s+(?:President|Vice[- ]President|Chair(?:man|woman|person)?|Secretary|Spokes(?:person|man|woman)|"
    r"Director|Head|Member|Commissioner)\b"
)
# "chairman of the State Affairs Commission", "head of the ... Central Committee": a body in a title.
_TITLE_OF = re.compile(
    r"\b(?:chair(?:man|woman|person)?|head|member|secretary|director|president|"
    r"vice[- ](?:chair(?:man|woman)?|president)|deputy|spokes(?:person|man|woman)|"
    r"minister|official|department|office)s?\s+(?:of|at|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'\u2019()-]*\s+){0,6}$"
)


# "to meet the challenges", "meets the needs": meeting a demand, not a contact.
_MEET_A_DEMAND = re.compile(
    r"\s+(?:the\s+|its\s+|their\s+|our\s+|these\s+|such\s+|all\s+)?[\"'\u201c]?(?:[\w-]+\s+){0,2}?"
    r"(?:challenges?|needs?|demands?|requirements?|goals?|targets?|expectations?|standards?|criteria|"
    r"deadlines?|obligations?|conditions?|interests?|aspirations?)\b",
    re.IGNORECASE,
)


def find_events(text: str, start: int, end: int) -> list[EventWord]:
    """Event words between start and end, left to right; bodies named in a person's title are not events."""
    found: list[EventWord] = []
    for match in _ANY_EVENT.finditer(text, start, end):
        kind = _EVENT_KINDS[int((match.lastgroup or "")[1:])]  # every alternative is a group "k<row>"
        if (
            kind is Kind.COMMISSION
            and match.group()[:1].isupper()
            and (
                _TITLE_OF.search(text, max(start, match.start() - 80), match.start())
                or text.startswith(("'s ", "\u2019s "), match.end())
                or _TITLE_AFTER.match(text, match.end())
            )
        ):
            continue  # "the Committee's headquarters", "European Commission President": the body, no session
        if match.group().lower() in {"meet", "meets"} and _MEET_A_DEMAND.match(text, match.end()):
            continue
        found.append(EventWord(match.start(), match.end(), match.group(), kind))
    if len(found) > 1:
        # "will be in Suzdal ... at the session of the Committee": presence stands for the act only alone.
        found = [e for e in found if e.text.lower() != "be in"] or found
    return found


def refine_kind(text: str, event: EventWord) -> Kind:
    """ "a meeting of the Cooperation Council" is a commission; "the next round of consultations" consultations."""
    if event.kind in {Kind.MEETING, Kind.SUMMIT} or event.text.lower().startswith(("session", "round")):
        tail = text[event.end : event.end + 70]
        commission = _COMMISSION.search(tail)
        consult = _CONSULT.search(tail)
        if commission and (not consult or commission.start() < consult.start()):
            return Kind.COMMISSION
        if consult and event.text.lower().startswith(("round", "session", "meeting")):
            word = consult.group().lower()
            return Kind.CONSULTATIONS if word.startswith("consultation") else Kind.TALKS
    return event.kind


def phrase_kind(text: str, events: list[EventWord], event: EventWord) -> Kind:
    """The kind of the noun phrase around `event`: "the JEC meeting" is a commission session."""
    kinds = [refine_kind(text, event)]
    if event.text.lower() in {"meet", "meets", "met", "get together"}:
        # "the joint commission will meet": the verb's subject says what meets.
        subjects = [
            e
            for e in events
            if e.end <= event.start
            and event.start - e.end <= 60
            and not re.search(r"[.;]", text[e.end : event.start])
        ]
        if subjects:
            kinds.append(refine_kind(text, subjects[-1]))
    for other in events:
        if other is event:
            continue
        gap = text[min(other.end, event.end) : max(other.start, event.start)]
        if len(gap) <= 2 and not re.search(r"[,.;]", gap):
            kinds.append(refine_kind(text, other))
    return min(kinds, key=KIND_PRIORITY.__getitem__)
