"""Who took part in a reported contact: the parties of a meeting, not every state its sentence names.

A sentence that reports a contact often names third states as topics ("discussed the Iran nuclear
talks"), as the venue ("met in Bhutan", "the Helsinki summit") or in a reporter's credit. A named
party stays when the document is mainly about it or the wording joins it to the contact (a
hyphenated format, a list of heads); others go when two actors remain. A contact whose sentence
names one state takes its counterpart, not every state the document is about.
"""

from __future__ import annotations

import bisect
import re

from tracker.extraction import lexicon
from tracker.extraction.context import Clause, DocumentContext
from tracker.extraction.reading import complete_parties, joined_parties, parties_of
from tracker.gazetteer import Place
from tracker.speed.prefilter import guarded
from tracker.temporal.lexicon import key

__all__ = ["meeting_parties", "separate_counterparts", "previous_partner"]

# "met his Argentine and Brazilian peers": one meeting with each.
_COUNTERPARTS = guarded(
    re.compile(
        r"\b(?:his|her|their)\s+((?:[A-Z][\w-]+,\s+)*[A-Z][\w-]+,?\s+and\s+[A-Z][\w-]+)\s+"
        r"(?:counterparts|peers|colleagues|opposite numbers)\b|"
        # "met his counterparts from the Maldives and Japan"
        r"\b(?:his|her|their)\s+(?:counterparts|peers|colleagues)\s+from\s+"
        r"((?:(?:the\s+)?[A-Z][\w-]+,\s+)*(?:the\s+)?[A-Z][\w-]+,?\s+and\s+(?:the\s+)?[A-Z][\w-]+)"
    )
)
_DISCUSSION = lexicon.compile_alternatives(lexicon.DISCUSSION_CUES, lower_only=True)
_FORMAT_SIZE = guarded(
    re.compile(r"\b(" + "|".join(map(re.escape, lexicon.FORMAT_SIZES)) + r")\b", re.IGNORECASE)
)
_LISTED = re.compile(r",\s*|\s+and\s+|,\s+and\s+|\s*&\s*")
_AT_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def meeting_parties(ctx: DocumentContext, clause: Clause, place: Place | None) -> list[str]:
    """The parties of the contact `clause` reports at `place`, unsorted."""
    joined = joined_parties(ctx, clause)
    named = parties_of(ctx, clause)
    named += sorted(code for code in joined if code not in named)
    topics = _topics(ctx, clause, joined)
    named = [code for code in named if code not in topics]
    main = ctx.main_parties
    listed = _listed_with(ctx, clause, set(main) | joined)
    actors = [code for code in named if code in main or code in joined or code in listed]
    if len(actors) >= 2:
        named = actors  # the third states beside the document's actors were topics or venues
    elif len(named) == 1 and named[0] not in main and _named_only_as_venue(ctx, clause, named[0]):
        named = []  # "the two leaders met in Singapore": the venue, not who met
    organisations = {mention.code for mention in clause.mentions if mention.kind == "org"}
    if not named or (len(named) == 1 and named[0] in organisations):
        named += [code for code in main if code not in named]  # the parties the document is about
    size = _format_size(ctx, clause)
    if size and len(named) < size:
        named += [code for code in main if code not in named][: size - len(named)]
    return complete_parties(ctx, named, place)


def _named_only_as_venue(ctx: DocumentContext, clause: Clause, code: str) -> bool:
    """ "met in Singapore": every mention of the state in the sentence says where, none who."""
    mentions = [m for m in clause.mentions if m.code == code and m.is_party]
    return bool(mentions) and all(_AT_VENUE.search(ctx.text, max(0, m.start - 12), m.start) for m in mentions)


def separate_counterparts(ctx: DocumentContext, clause: Clause, start: int, end: int, parties: list[str]):
    """ "The minister met his Argentine and Brazilian peers": the party lists of the separate bilateral
    meetings the clause between start and end reports, or [] when it reports one."""
    match = _COUNTERPARTS.search(ctx.text, start, end)
    if match is None:
        return []
    group = 1 if match.group(1) else 2
    counterparts = []
    for mention in clause.mentions:
        if match.start(group) <= mention.start < match.end(group) and mention.is_party and mention.code:
            if mention.code not in counterparts:
                counterparts.append(mention.code)
    if len(counterparts) < 2:
        return []
    hosts = [code for code in parties if code not in counterparts]
    if not hosts:
        hosts = [code for code in ctx.main_parties if code not in counterparts][:1]
    return [sorted(set(hosts + [code])) for code in counterparts]


def _topics(ctx: DocumentContext, clause: Clause, joined: set[str]) -> set[str]:
    """States and organisations named only after what the contact discussed ("met in Riga to discuss
    the informal meeting of NATO"): topics, unless the wording joins them to the contact."""
    sentence = clause.sentence
    cue = _DISCUSSION.search(ctx.text, sentence.start, sentence.end)
    if cue is None:
        return set()
    before = set(parties_of(ctx, clause, sentence.start, cue.start()))
    after = set(parties_of(ctx, clause, cue.end(), sentence.end))
    return after - before - joined


def _format_size(ctx: DocumentContext, clause: Clause) -> int:
    """How many states the sentence's format word says took part ("a trilateral meeting"), or 0."""
    match = _FORMAT_SIZE.search(ctx.text, clause.sentence.start, clause.sentence.end)
    return lexicon.FORMAT_SIZES[key(match.group(1))] if match else 0


def _listed_with(ctx: DocumentContext, clause: Clause, actors: set[str]) -> set[str]:
    """States listed together with an actor ("Ghana, Nigeria and Togo held talks"): actors as well."""
    mentions = [m for m in clause.mentions if m.is_party and m.code and not ctx.in_dateline(m)]
    found: set[str] = set()
    run: list[str] = []
    for left, right in zip(mentions, mentions[1:] + [None]):
        run.append(left.code or "")
        if right is not None and _LISTED.fullmatch(ctx.text, left.end, right.start):
            continue
        if len(run) > 1 and actors & set(run):
            found.update(run)
        run = []
    return found


def previous_partner(ctx: DocumentContext, clause: Clause, code: str) -> str | None:
    """The one other state the sentence before names, in the same paragraph: "The Lao minister will be in
    Moscow on a working visit. Talks with the Russian minister are scheduled for October 21." """
    clauses = ctx.clauses
    number = bisect.bisect_left(ctx.clause_starts, clause.sentence.start)
    if number == 0 or number >= len(clauses):
        return None
    previous = clauses[number - 1]
    if "\n" in ctx.text[previous.sentence.end : clause.sentence.start]:
        return None
    others = [other for other in parties_of(ctx, previous) if other != code and len(other) == 2]
    return others[0] if len(others) == 1 else None
