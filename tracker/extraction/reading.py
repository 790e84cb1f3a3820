"""Small readings shared by the meeting and commitment rules: clauses, places, parties.

Every function takes a sentence (with document offsets) and the DocumentContext and
answers one question: where its clauses split, which city is the venue, which parties
it names. Event words and their kinds live in events.py.
"""

from __future__ import annotations

import bisect
import re

from tracker.domain.model import Kind, Precision, Window
from tracker.extraction import lexicon
from tracker.extraction.context import Clause, DocumentContext
from tracker.gazetteer import Mention, Place, capital_of, seat_of
from tracker.speed.prefilter import Gated, Prefiltered, guarded
from tracker.temporal.lexicon import MONTHS, key

__all__ = [
    "days_of_contact",
    "city_of_the_stay",
    "days_named_after",
    "days_named_before",
    "destination",
    "joined_parties",
    "item_parties",
    "item_hosts",
    "segments",
    "no_city",
    "venue",
    "parties_of",
    "complete_parties",
]

_SEGMENT = re.compile(r";|,\s+(?:whereas|while|but)\s|\s+whereas\s", re.IGNORECASE)
_NO_CITY = Prefiltered(lexicon.compile_alternatives([lexicon.NO_CITY_WORDS]))
_HERE = Prefiltered(lexicon.compile_alternatives([lexicon.HERE_WORDS]))
_CAPITAL = re.compile(r"in the capital\b", re.IGNORECASE)
_HOSTING = re.compile(r"\s+(?:is |was |will be )?(?:hosting|hosts|hosted|will host)\b", re.IGNORECASE)
_REPORTING = lexicon.compile_alternatives(lexicon.REPORTING_VERBS)
_SAID_IN = Prefiltered(
    re.compile(r"(?:" + _REPORTING.pattern + r")(?:\s+\w+)?\s+(?:in|from)\s+$", re.IGNORECASE)
)
_EMBASSY_IN = Prefiltered(
    re.compile(r"(?:embassy|embassies|consulate|mission|representation)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
)
# "in the capital of the Solomon Islands", "in the Kenyan capital": the state's capital.
_CAPITAL_OF_BEFORE = re.compile(
    r"\b(?:in|to|at)\s+the\s+capital\s+(?:city\s+)?of\s+(?:the\s+)?$", re.IGNORECASE
)
_IN_THE_BEFORE = re.compile(r"\b(?:in|to|at)\s+the\s+$", re.IGNORECASE)
_CAPITAL_AFTER = re.compile(r"\s+capital\b(?!\s+(?:of|region|district|territory)\b)", re.IGNORECASE)
# "in the Amazon city of Iquitos", "to the port city of Gwadar": the city named after it.
_CITY_OF_BEFORE = re.compile(
    r"\b(?:in|to|at)\s+the\s+(?:[\w'\u2019-]+\s+){0,3}?(?:city|town|port|resort|capital)\s+of\s+$",
    re.IGNORECASE,
)
# "will meet at the United Nations next week": at the organisation's seat; not "at the UN Security Council".
_AT_THE_BEFORE = re.compile(r"\bat\s+(?:the\s+)?$", re.IGNORECASE)
_SEAT_AFTER = re.compile(r"(?:\s+(?:headquarters|HQ))?(?![\w'\u2019-]|\s+[A-Z]|\s+office\b)")
_IN_A_CITY = re.compile(
    r"(?:\s+(?:headquarters|HQ))?\s+in\s+(?!(?:" + "|".join(MONTHS).title() + r")\b)[A-Z]"
)
_LOCATIVE = guarded(
    re.compile(
        # "in a European capital, most likely Geneva", "in the capital Muscat", "to the southern city Aqaba".
        r"(?:\bin|\bto|\bat|\bvisit|\bvisited|\bvisiting|\bhosted by|"
        r"\bcapital,(?:\s+(?:most likely|probably|possibly|presumably))?|\bvenue of|"
        r"\bvenue|\d,|\b(?:scheduled|planned|set|slated)\s+for)(?:\s+the\s+(?:[\w-]+\s+){0,2}?(?:capital|city|town|port),?)?\s+(?:the\s+)?"
        r"[\"\u201c]?$"  # 'in the "Avaza" tourist zone': a name in quotes
        # "at the Ministry of Foreign Affairs of Sri Lanka, Colombo": the city after the building
        r"|\b(?:at|in)\s+the\s+(?-i:[A-Z])[^,.;()]{2,60},\s+$",
        re.IGNORECASE,
    )
)
# "will hold the next meeting in Kazakhstan's Burabay": a future act's city with its state before it.
_IN_STATES_CITY = re.compile(r"\bin\s+(?-i:[A-Z])[\w-]+(?:'s|\u2019s)\s+$", re.IGNORECASE)
# "will leave on Sunday for Ulaanbaatar", "left for Minsk": where the journey goes.
_BOUND_FOR = re.compile(
    r"\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|head(?:s|ed|ing)?|bound|fl(?:y|ies|ying|ew)|"
    r"set(?:s|ting)? (?:off|out))(?:\s+[\w,-]+){0,3}?\s+for\s+$",
    re.IGNORECASE,
)
# What may stand between an event word and the state it is held with: "talks with Somalia", "a
# summit with the leaders of Somalia".
# "Senegal's foreign minister will visit", "the President of Senegal is to travel": the state of the
# office holder an item's sentence opens with acts in it, even when the text is about two others.
_HOLDER_AFTER = re.compile(r"(?:'s|\u2019s)?\s+(?:[\w-]+\s+){0,2}?" + lexicon.PEOPLE + r"\b", re.IGNORECASE)
_HOLDER_BEFORE = re.compile(lexicon.PEOPLE + r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_WITH_BEFORE = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?with\s+(?:the\s+)?(?:(?:leaders?|heads?|government|president|"
    r"prime minister|delegations?)\s+of\s+(?:the\s+)?)?"
)
_SOURCE_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:readout|statement|spokes\w*|press\b|said|says|announced|official|source|"
    r"website|communiqu\w*)",
    re.IGNORECASE,
)
_HOST_AFTER = re.compile(
    r"[^.;]{0,60}?\bhost(?:s|ed|ing)?\b|\s*,?\s*(?:[^,.;]{1,40},\s+)?(?:was|will be|is to be|would be) the venue|"
    # "Brasilia, Brazil, is where the ministers are scheduled to meet".
    r"\s*,?\s*(?:[^,.;]{1,40},\s+)?(?:is|was|will be) (?:the (?:city|place) )?where\b|"
    # "the Moscow talks", "during his Cairo visit": the city names where the contact is.
    r"\s+(?:meeting|talks|summit|consultations|session|visit|trip|stay|stopover)\b",
    re.IGNORECASE,
)

_JOINED = re.compile(r"\s?[-\u2010-\u2015/]\s?")
_ENVOY_TO = guarded(
    re.compile(
        r"\b(?:ambassador|envoy|representative|consul(?:-general)?)\s+(?:to|in)\s+(?:the\s+)?$", re.IGNORECASE
    )
)
_REPORT_CLAUSE = re.compile(
    r",\s+(?:it was (?:announced|said|reported|stated|agreed)|(?:he|she|they|the \w+) "
    r"(?:said|told|announced|added)"
    # ", a press release issued in Podgorica said": where the report was issued
    r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(lexicon.REPORT_DOCUMENTS) + r"|statement)\s+"
    r"(?:issued|released|published)\s+in)\b",
    re.IGNORECASE,
)
_DEPARTURE = guarded(
    re.compile(r"(?:^|[.;:\n]\s*|\b(?:leav|depart|fl[yi]|travel)\w*\s+)from\s+$", re.IGNORECASE)
)
_DONE_IN = guarded(
    re.compile(
        r"(?<!be )(?<!been )(?<!being )\b(?:signed|held|adopted|concluded|reached|launched|founded|"
        r"established|hosted|met|gathered|convened|agreed|decided)\s+"
        r"(?:last\s+\w+\s+|on\s+\w+\s+|yesterday\s+|today\s+)?(?:in|at)\s+(?:the\s+)?$",
        re.IGNORECASE,
    )
)
_PLEDGED = re.compile(r"\b(?:" + lexicon.PAST_PLEDGES + r")\b", re.IGNORECASE)
# "a proposal which the leadership sent to Belgrade": where a paper went, not where anyone meets.
_SENT_TO = re.compile(
    r"\b(?:sent|delivered|forwarded|handed|submitted|conveyed|addressed)\s+to\s+$", re.IGNORECASE
)
# A city that opens an event's name: "the AlUla summit", "the Antalya Diplomacy Forum", "the Brdo-Brioni
# process".
_NAMES_AN_EVENT = re.compile(
    r"(?:\s+(?-i:[A-Z][\w-]+)){0,2}\s+(?:summit|forum|process|format|declaration|accords?|agreement|conference)\b",
    re.IGNORECASE,
)
# "will meet at the AU Kigali Summit": the contact takes place at the event the city names.
_AT_THE_EVENT = re.compile(
    r"\b(?:at|during|on the (?:sidelines|margins) of)\s+(?:the\s+)?(?:(?-i:[A-Z][\w-]*)\s+){0,2}$",
    re.IGNORECASE,
)
# "to be held in Tbilisi in April": the city the future act itself is placed in, before any nearer one
# ("the negotiations in Baku: preparations for the commission, to be held in Tbilisi").
_PLACED_AHEAD_IN = re.compile(
    r"\b(?:(?:to|will|shall|would)\s+(?:be\s+(?:held|hosted|convened|organi[sz]ed)|take\s+place)|"
    r"(?:(?:is|are)\s+)?(?:scheduled|planned|set)\s+(?:to\s+(?:be\s+held|take\s+place)\s+)?)\s+in\s+$",
    re.IGNORECASE,
)
_HOSTED_BY = guarded(
    re.compile(
        r"\b(?:hosted by|host country,?|chaired by|under the chairmanship of)\s+(?:the\s+)?$", re.IGNORECASE
    )
)
_HOSTS = re.compile(
    r"(?:,[^,]{1,40},)?\s+(?:will\s+|would\s+|is\s+to\s+|to\s+|offered\s+to\s+|agreed\s+to\s+)?"
    r"(?:host|hosts|be hosting|is hosting)\b",
    re.IGNORECASE,
)
_IN_COUNTRY = re.compile(r"\bin\s+(?:the\s+)?(?:Republic\s+of\s+)?$")
_HEADS_OF = guarded(
    re.compile(
        r"\b(?:presidents|leaders|heads of (?:state|government)|prime ministers|(?:foreign )?ministers|"
        r"delegations|representatives|governments)\s+of\s+(?:the\s+)?$",
        re.IGNORECASE,
    )
)
_LISTED = re.compile(r",\s*|\s+and\s+|,\s+and\s+")
# "China's growing assertiveness", "Iran's nuclear programme": a state's deeds or things are a topic;
# its people and offices ("China's President", "Iran's side") and its voice ("India's consistent
# position", "Japan's invitation") are not.
_THING_AFTER = re.compile(
    r"['\u2019]s\s+(?!(?:[a-z]+\s+){0,2}(?:president|prime|premier|minister|ministry|leader|head|chief|"
    r"ambassador|envoy|delegation|side|government|counterpart|representative|king|emir|chancellor|"
    r"spokes\w*|secretary|foreign|top|deputy|vice|special|permanent|state|official|authorities|"
    r"parliament|embassy|mission|position|stance|support|commitment|readiness|interest|desire|intention|"
    r"view|proposal|invitation|initiative|request|offer|decision|efforts?|call|hosting|turn)\w*\b)"
    r"(?!(?:and|or)\s)[a-z]"  # "Togo's and Benin's envoys": a list of owners, not a thing
)
# "on the sidelines of the 78th session of the UN General Assembly": the setting, not a party.
_SETTING_BEFORE = guarded(
    re.compile(
        r"\bon the (?:sidelines|margins?) of (?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:session|meeting|summit) of (?:the\s+)?)?$",
        re.IGNORECASE,
    )
)
_TOPIC_BEFORE = guarded(
    re.compile(
        r"\b(?:situation|crisis|conflict|war|developments|events|settlement|peace process|"
        r"issue|question|problem|elections|reconstruction)\s+(?:in|of|around|on)\s+(?:the\s+)?$",
        re.IGNORECASE,
    )
)


# "a two-day visit", "after two days of talks": how long a contact lasted.
_LENGTHS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_COUNT = "(" + "|".join(_LENGTHS) + ")"
_LENGTH = guarded(
    re.compile(rf"\b{_COUNT}(?:[-\s]day\b|\s+days\s+of\b)|\bafter\s+{_COUNT}\s+days\b", re.IGNORECASE)
)
# "will visit China for three days from Sunday": a length right after it.
_LENGTH_AFTER = re.compile(
    rf"(?:\s+[\w-]+){{0,3}}?\s+for\s+(?:the\s+next\s+)?{_COUNT}\s+days\b", re.IGNORECASE
)
# "a two-day official visit", "the three-day session of the": a length right before the event word.
_LENGTH_BEFORE = Gated(re.compile(rf"\b{_COUNT}[-\s]day\s+(?:[\w-]+\s+){{0,6}}$", re.IGNORECASE))


def days_of_contact(text: str, start: int, end: int) -> int | None:
    """How many days a contact named between start and end lasts ("a two-day visit": 2), or None."""
    length = _LENGTH.search(text, start, end)
    return _LENGTHS[key(length.group(1) or length.group(2))] if length else None


def days_named_before(text: str, floor: int, at: int) -> int | None:
    """The length an event's own noun phrase, ending at `at`, gives it ("a two-day official visit": 2)."""
    length = _LENGTH_BEFORE.search(text, max(floor, at - 60), at)
    return _LENGTHS[key(length.group(1))] if length else None


def days_named_after(text: str, at: int, end: int) -> int | None:
    """The length said right after an event word ("will visit for three days from Sunday": 3), or None."""
    length = _LENGTH_AFTER.match(text, at, min(end, at + 60))
    return _LENGTHS[key(length.group(1))] if length else None


def possessive_day(text: str, expression) -> bool:
    """ "Monday's talks", "Monday's Cabinet reshuffle": a day that owns the noun after it (either apostrophe)."""
    return expression.text.endswith(("'s", "\u2019s")) or text.startswith(("'s", "\u2019s"), expression.end)


def names_its_first_day(window: Window) -> bool:
    """A window that names the day a contact begins ("on 5-6 September", "today"), not a week from it."""
    if window.precision is Precision.DAY:
        return True
    return window.precision is Precision.DAYS and "week" not in window.text.lower()


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a sentence split at ';' and ', whereas / while / but'."""
    bounds, last = [], start
    for match in _SEGMENT.finditer(text, start, end):
        bounds.append((last, match.start()))
        last = match.end()
    bounds.append((last, end))
    return bounds


def no_city(text: str, start: int, end: int) -> bool:
    return bool(_NO_CITY.search(text, start, end))


def _usable_city(ctx: DocumentContext, mention: Mention) -> Place | None:
    text = ctx.text
    if ctx.in_dateline(mention):
        return None
    after = text[mention.end : mention.end + 3]
    if after.startswith(("'s", "\u2019s", "-based", "-born")):
        return None  # "Tehran's nuclear programme": the government, not the venue
    before = text[max(0, mention.start - 80) : mention.start]
    if _SAID_IN.search(before):
        return None  # "said in Beijing": where it was said
    if _ENVOY_TO.search(before):
        return None  # "Iran's ambassador to Vienna": where the envoy serves
    if mention.kind in {"city", "landmark"}:
        if mention.kind == "landmark" and _SOURCE_AFTER.match(text, mention.end):
            return None  # "the White House readout", "the Kremlin said": who speaks, not where
        if (
            mention.kind == "landmark"
            or _LOCATIVE.search(before)
            or _BOUND_FOR.search(before)
            or _CITY_OF_BEFORE.search(before)
            or _HOST_AFTER.match(text, mention.end)
        ):
            return mention.place
        return None
    if mention.kind == "org" and mention.code:
        return (
            seat_of(mention.code)
            if _at_the_seat(text, mention) and not _IN_A_CITY.match(text, mention.end)
            else None
        )
    if mention.code and (
        (mention.kind == "country" and _CAPITAL_OF_BEFORE.search(before))
        or (
            mention.kind in {"adjective", "country"}  # "the Togolese capital": some demonyms index as names
            and _IN_THE_BEFORE.search(before)
            and _CAPITAL_AFTER.match(text, mention.end)
        )
    ):
        return capital_of(mention.code)
    if mention.kind == "country":
        if _EMBASSY_IN.search(before):
            return capital_of(mention.code) if mention.code else None  # embassies sit in capitals
        if mention.place is not None and _LOCATIVE.search(before):
            return mention.place  # "in Singapore"
    return None


def _at_the_seat(text: str, mention: Mention) -> bool:
    """ "meet at the United Nations", "talks at NATO headquarters": the organisation as a place, not a party."""
    return (
        mention.kind == "org"
        and _AT_THE_BEFORE.search(text, max(0, mention.start - 10), mention.start) is not None
        and _SEAT_AFTER.match(text, mention.end) is not None
    )


def venue(
    ctx: DocumentContext, mentions, start: int, end: int, near: int, future: bool = False
) -> Place | None:
    """The city between start and end closest to offset `near`; "here" is the dateline city.

    With `future` (a commitment's venue), a city where something was done ("signed in Beijing
    last October") is not where the future act takes place.
    """
    best, distance = None, None
    for mention in mentions:
        if mention.start < start or mention.end > end:
            continue
        if mention.start > near and _REPORT_CLAUSE.search(ctx.text, near, mention.start):
            continue  # "will hold a session, it was announced at Tuesday's meeting in Belgrade"
        if future and _DONE_IN.search(ctx.text, max(0, mention.start - 30), mention.start):
            continue
        if _SENT_TO.search(ctx.text, max(0, mention.start - 20), mention.start):
            continue
        if future and mention.end < near and _PLEDGED.search(ctx.text, mention.end, near):
            continue  # "At their meeting in Sochi, the presidents agreed that a commission will be set up"
        if future and _DEPARTURE.search(ctx.text, max(0, mention.start - 20), mention.start):
            continue  # "From Moscow, the Prime Minister will travel to Austria": where the trip starts
        named = _NAMES_AN_EVENT.match(ctx.text, mention.end)
        if (
            named
            and not mention.end <= near < named.end()
            and not _AT_THE_EVENT.search(ctx.text, max(0, mention.start - 50), mention.start)
        ):
            continue  # "in light of the AlUla summit": the city names another event, not this one's venue
        place = _usable_city(ctx, mention)
        if place is None and future and mention.kind == "city":
            if _IN_STATES_CITY.search(ctx.text, max(0, mention.start - 40), mention.start):
                place = mention.place
        if place is None:
            continue
        gap = abs(mention.start - near)
        if future and _PLACED_AHEAD_IN.search(ctx.text, max(0, mention.start - 40), mention.start):
            gap -= len(ctx.text)
        if distance is None or gap < distance:
            best, distance = place, gap
    if best is None and (here := _HERE.search(ctx.text, start, end)):
        if ctx.dateline is not None:
            return ctx.dateline
        return _capital_of_host(ctx, mentions, start, here.start())
    return best


def _capital_of_host(ctx: DocumentContext, mentions, start: int, at: int) -> Place | None:
    """ "which Kazakhstan is hosting in the capital": with no dateline, the capital of the state named
    as host just before."""
    if not _CAPITAL.match(ctx.text, at):
        return None
    for mention in reversed(mentions):
        if start <= mention.start and mention.end <= at and mention.kind == "country" and mention.code:
            if _HOSTING.match(ctx.text, mention.end, at):
                return capital_of(mention.code)
            return None
    return None


def parties_of(
    ctx: DocumentContext, clause: Clause, start: int | None = None, end: int | None = None
) -> list[str]:
    """Party codes a sentence names: countries, adjectives, organisations (not a dateline or "City, Country")."""
    start = clause.sentence.start if start is None else start
    end = clause.sentence.end if end is None else end
    found: list[str] = []
    previous = None
    for mention in clause.mentions:
        if mention.start < start or mention.end > end or ctx.in_dateline(mention):
            previous = mention
            continue
        code = None
        if (mention.is_party or mention.kind == "format") and _TOPIC_BEFORE.search(
            ctx.text, max(0, mention.start - 30), mention.start
        ):
            previous = mention
            continue  # "the situation in Ukraine": a topic, not a party
        if mention.is_party and (
            _THING_AFTER.match(ctx.text, mention.end)
            or _SETTING_BEFORE.search(ctx.text, max(0, mention.start - 80), mention.start)
            or _at_the_seat(ctx.text, mention)
        ):
            previous = mention
            continue
        if mention.kind == "format":
            found.extend(member for member in mention.members if member not in found)  # "the Quad"
        elif mention.is_party:
            appositive = (
                previous is not None
                and previous.kind == "city"
                and previous.code == mention.code
                and re.fullmatch(r",\s*", ctx.text[previous.end : mention.start])
            )
            if not appositive:
                code = mention.code
        elif (
            mention.kind == "city"
            and mention.place
            and mention.place.capital
            and not _LOCATIVE.search(ctx.text, max(0, mention.start - 40), mention.start)
        ):
            # "Belgrade and Minsk agreed", "Seoul will host": a capital stands for its government;
            # "in Brussels" is only where.
            code = mention.code
        elif mention.kind == "landmark":
            code = mention.code
        if code and code not in found:
            found.append(code)
        previous = mention
    return found


def item_parties(
    ctx: DocumentContext, clause: Clause, event_start: int, event_end: int, place: Place | None
) -> set[str]:
    """Parties a future item's own wording names: its hosts (item_hosts), an organisation in its
    name ("a session of the CSTO Council") and a state it is held with ("a trilateral summit with Somalia")."""
    text = ctx.text
    found = item_hosts(ctx, clause, event_end, None)
    seat = any(_at_the_seat(text, m) and seat_of(m.code or "") == place for m in clause.mentions)
    if place is not None and place.country and not seat and _venue_state_acts(ctx, clause, place.country):
        found.add(place.country)  # not for "at the United Nations": New York's state is no party to it
    holder = _office_holder(ctx, clause, event_start)
    if holder:
        found.add(holder)
    for mention in clause.mentions:
        if not mention.is_party or not mention.code or ctx.in_dateline(mention):
            continue
        if 0 <= mention.start - event_end <= 40 and _WITH_BEFORE.fullmatch(text, event_end, mention.start):
            found.add(mention.code)
        elif (
            mention.kind == "org"
            and not _at_the_seat(text, mention)
            and (0 <= event_start - mention.end <= 30 or 0 <= mention.start - event_end <= 12)
            and not re.search(r"[,;:.]", text[min(mention.end, event_end) : max(mention.start, event_start)])
        ):
            found.add(mention.code)
    return found


def _office_holder(ctx: DocumentContext, clause: Clause, event_start: int) -> str | None:
    """The state of the office holder the item's sentence opens with, before its event word."""
    text = ctx.text
    for mention in clause.mentions:
        if mention.start >= event_start:
            return None
        if not mention.is_party or not mention.code or mention.kind == "org" or ctx.in_dateline(mention):
            continue
        if _HOLDER_AFTER.match(text, mention.end, event_start) or _HOLDER_BEFORE.search(
            text, max(clause.sentence.start, mention.start - 40), mention.start
        ):
            return mention.code
        return None  # the first state named is another's
    return None


def _venue_state_acts(ctx: DocumentContext, clause: Clause, code: str) -> bool:
    """The state of a future item's venue is a party when the text is about it, or when the sentence
    names too few others ("the next round in Minsk"); not for talks of two others "in London"."""
    return code in ctx.main_parties or len(set(parties_of(ctx, clause)) - {code}) < 2


def item_hosts(ctx: DocumentContext, clause: Clause, event_end: int, place: Place | None) -> set[str]:
    """The states a future item's wording makes its host: "Laos will host", "hosted by Laos", "the next
    summit ... in Malaysia", the country of its venue."""
    text = ctx.text
    found = {place.country} if place is not None and place.country else set()
    for mention in clause.mentions:
        if not mention.is_party or not mention.code or ctx.in_dateline(mention):
            continue
        before = text[max(0, mention.start - 25) : mention.start]
        venue_country = (
            mention.kind == "country"
            and 0 <= mention.start - event_end <= 60
            and _IN_COUNTRY.search(before)
            and not re.search(r"[,;:]", text[event_end : mention.start])
        )
        if _HOSTED_BY.search(before) or _HOSTS.match(text, mention.end) or venue_country:
            found.add(mention.code)
    return found


def joined_parties(ctx: DocumentContext, clause: Clause) -> set[str]:
    """Parties named in a hyphenated format: "China-Pakistan-Afghanistan", "India- Bangladesh", and the
    states of a region joined in one ("China-Central Asia": China and the five Central Asian states)."""
    found: set[str] = set()
    joinable = [m for m in clause.mentions if (m.is_party and m.code) or m.members]
    for left, right in zip(joinable, joinable[1:]):
        if _JOINED.fullmatch(ctx.text, left.end, right.start) and (left.code or right.code):
            for mention in (left, right):
                found.update(mention.members or ([mention.code] if mention.code else []))
    mentions = [m for m in clause.mentions if m.is_party and m.code]
    # "the presidents of Kyrgyzstan, Tajikistan and Uzbekistan": the states of a list of heads.
    for number, first in enumerate(mentions):
        if not _HEADS_OF.search(ctx.text, max(0, first.start - 40), first.start):
            continue
        found.add(first.code or "")
        for left, right in zip(mentions[number:], mentions[number + 1 :]):
            if not _LISTED.fullmatch(ctx.text, left.end, right.start):
                break
            found.add(right.code or "")
    # "the BRICS countries (Brazil, Russia, India, China and South Africa)": the members an organisation names.
    for organisation in (m for m in clause.mentions if m.kind == "org"):
        members = _MEMBERS_IN_BRACKETS.match(ctx.text, organisation.end)
        if members is not None:
            found.update(
                m.code or ""
                for m in mentions
                if members.start("list") <= m.start and m.end <= members.end("list")
            )
    return found


_MEMBERS_IN_BRACKETS = re.compile(
    r"(?:\s+(?:countries|states|member states|members|nations))?\s*\((?P<list>[^()]{3,120})\)", re.IGNORECASE
)


def pair_partner(ctx: DocumentContext, code: str) -> str | None:
    """The state a document names as `code`'s counterpart: "The United States and Kenya plan to ..."."""
    for clause in ctx.clauses:
        if code not in (m.code for m in clause.mentions):
            continue
        named = parties_of(ctx, clause)
        if len(named) == 2 and code in named:
            return next(p for p in named if p != code)
    return None


def complete_parties(ctx: DocumentContext, parties: list[str], place: Place | None = None) -> list[str]:
    """A bilateral contact with one named party takes its counterpart from the document.

    First a sentence that names the pair ("The United States and Kenya", "Spain-Chile"), then the host:
    the dateline's country, or the country of a capital the contact took place in.
    """
    if len(parties) != 1:
        return parties
    partner = pair_partner(ctx, parties[0])
    if partner is None:
        host = ctx.dateline or (place if place is not None and place.capital else None)
        if host is not None and host.country != parties[0]:
            partner = host.country
    if partner is None:
        partner = _other_state(ctx, parties[0])
    return parties + [partner] if partner else parties


def _other_state(ctx: DocumentContext, code: str) -> str | None:
    """The state the document names most often besides `code` ("Czech citizens" in a call's report)."""
    counts: dict[str, int] = {}
    for clause in ctx.clauses:
        for other in parties_of(ctx, clause):
            if other != code and len(other) == 2:  # states only: organisations are not a counterpart
                counts[other] = counts.get(other, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


# "a visit to Canada", "invited Kim to visit the United States": the state a visit goes to hosts it.
_TO_DESTINATION = re.compile(r"(?:\s+(?:to|in))?\s+(?:the\s+)?$")


def destination(ctx: DocumentContext, clause, event) -> frozenset[str]:
    """The state or city a visit named by `event` goes to ("a visit to Estonia": EE), if the clause says."""
    if event.kind is not Kind.VISIT:
        return frozenset()
    for mention in clause.mentions:
        if mention.start < event.end or mention.start - event.end > 30:
            continue
        if (
            mention.kind in {"country", "city"}
            and mention.code
            and _TO_DESTINATION.fullmatch(ctx.text, event.end, mention.start)
        ):
            return frozenset({mention.code})
    return frozenset()


# "In Vienna, the Prime Minister will call on the President": the next sentence opens in the visit's city.
_IN_CITY_OPENING = re.compile(r"\s*(?:In|At)\s+$")
_STAY_SENTENCES = 2  # the programme of a visit follows its announcement closely


def city_of_the_stay(ctx: DocumentContext, clause, hosts: frozenset[str]) -> Place | None:
    """The city a visit to a country goes to, from the sentence after it when that one opens with it."""
    number = bisect.bisect_left(ctx.clause_starts, clause.sentence.start) + 1
    if not hosts:
        return None
    for following in ctx.clauses[number : number + _STAY_SENTENCES]:
        for mention in following.mentions:
            if mention.start - following.sentence.start > 12:
                break
            if (
                mention.kind == "city"
                and mention.place is not None
                and mention.code in hosts
                and _IN_CITY_OPENING.fullmatch(ctx.text, following.sentence.start, mention.start)
            ):
                return mention.place
    return None
