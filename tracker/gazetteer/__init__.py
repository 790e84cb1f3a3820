"""Places and parties: names in a text -> ISO country codes, organisation acronyms and cities.

`find_mentions(text)` reads every country ("Serbia", "the Russian Federation"),
adjective or demonym ("the Belarusian one", "Azerbaijani side"), organisation
("OSCE", "European Union"), city (with its country and IANA zone) and landmark
("the White House" -> Washington) a text names, and resolves ambiguous names
(Georgia, Congo) from the rest of the text. Pure: reads only packaged data.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from tracker.gazetteer.index import (
    Entry,
    NameIndex,
    Place,
    _curated,
    configure_cache,
    get_country_names,
    get_index,
    name_key,
)
from tracker.speed.prefilter import guarded

__all__ = [
    "Place",
    "Mention",
    "seat_of",
    "find_mentions",
    "lookup_place",
    "lookup_party",
    "capital_of",
    "party_name",
    "get_index",
    "configure_cache",
    "resolve_party",
    "suggest_parties",
]

# A capitalised word (Latin script); the first word of any name in the index. The capital comes
# first and the word-start test after it ("not a letter or digit before"), so that the engine skips
# ahead to capitals on its own: the same matches as r"(?<![^\W_])[A-Z\u00C0-\u00DE][^\W_]*", faster.
_CAPITALISED = re.compile(r"[A-Z\u00C0-\u00DE](?<![^\W_][A-Z\u00C0-\u00DE])[^\W_]*")
_WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one name: "Washington, D.C.", "Guinea-Bissau", "People’s", "C5+1".
_GAP = guarded(re.compile(r"[ \t.,'\u2019\-+]{1,3}"))


@dataclass(frozen=True)
class Mention:
    """One name found in a text: its span, what it names, and the party code it stands for."""

    start: int
    end: int
    text: str
    kind: str  # "country" | "adjective" | "city" | "org" | "landmark" | "format" | "region"
    code: str | None  # ISO alpha-2 or organisation acronym; a city's country
    place: Place | None = None
    members: tuple[str, ...] = ()  # a format's states ("the Quad"); a region's, inside a format only

    @property
    def is_party(self) -> bool:
        return self.kind in {"country", "adjective", "org"}


def _usable(entry: Entry, span: str) -> bool:
    if entry.upper_only:
        letters = [c for c in span if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)
    return True


def _scan(text: str, index: NameIndex):
    """Longest names first, left to right; yields (start, end, entries)."""
    names, prefixes, limit = index.names, index.prefixes, index.max_tokens
    position = 0
    for match in _CAPITALISED.finditer(text):
        if match.start() < position:
            continue
        first = match.group()
        # name_key of letters and digits, without the call for an ASCII word (most of some 90 a document).
        key = first.lower() if first.isascii() else name_key(first)
        if key not in prefixes:
            continue
        best = None
        end = match.end()
        if key in names:
            best = (end, names[key])
        for _ in range(limit - 1):
            gap = _GAP.match(text, end)
            if not gap:
                break
            word = _WORD.match(text, gap.end())
            if not word:
                break
            key = f"{key} {name_key(word.group())}"
            if key not in prefixes:
                break
            end = word.end()
            if key in names:
                best = (end, names[key])
        if best is None:
            continue
        span = text[match.start() : best[0]]
        entries = [e for e in best[1] if _usable(e, span)]
        if entries:
            position = best[0]
            yield match.start(), best[0], entries


_NAME_BEFORE = re.compile(r"[A-Z][^\W_]+[ \t]$")
_NAME_AFTER = re.compile(r"[ \t][A-Z][a-z]")
_SOURCE_BEFORE = re.compile(r"\b[Aa]ccording[ \t]+to[ \t]+$")
_SPEAKS_AFTER = re.compile(r",?[ \t]+(?:said|says|told|added|stressed|noted)\b")
# "the Hiroshima Summit", "the Astana Process": a place names the event, not a person's first name.
_PLACE_NAMES_EVENT = re.compile(
    r"[ \t](?:Summit|Meeting|Forum|Conference|Talks|Process|Declaration|Agreement|"
    r"Round|Dialogue|Session|Format|Initiative|Ministerial|Consultations)\b"
)


def _looks_like_a_person(text: str, start: int, end: int) -> bool:
    """ "Wu Dawei", "Vladimir Makei": a town's name glued to another capitalised word is a person's."""
    if _PLACE_NAMES_EVENT.match(text, end) or _AREA_AFTER.match(text, end):
        return False  # "the G7 Hiroshima Summit", "in Pakse District"
    before = text[max(0, start - 30) : start]
    if _NAME_BEFORE.search(before) and not before.rstrip().endswith(("In", "To", "From", "At")):
        return True
    if _SOURCE_BEFORE.search(before) or _SPEAKS_AFTER.match(text, end):
        return True  # "According to Hassan, ...", "Hassan said": a town's name as a speaker is a person's
    return bool(_NAME_AFTER.match(text, end))


_AREA_AFTER = re.compile(
    r"[ \t](?:District|Province|Region|County|Oblast|Governorate|Prefecture|Municipality|Island)\b"
)
_TITLE_BEFORE = re.compile(
    r"\b(?:Secretary|Minister|President|Ambassador|Envoy|Chairman|Governor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)[ \t]+$"
)
_FIRST_NAME = re.compile(r"[ \t][A-Z][a-z]+\b(?![ \t]+(?:Summit|Forum|Process|Format|Dialogue)\b)")
# "the summit in Nice", "arrived in Male", "flew to Split": a word that is also a city names the city here.
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|to|at|from|near|capital,?)\s+$")


def _georgia_is_us_state(text: str, start: int, end: int, rule: dict) -> bool:
    window = text[max(0, start - 60) : end + 60]
    return any(word in window for word in rule.get("us_state_context", []))


def find_mentions(text: str, cache_dir: Path | None = None) -> list[Mention]:
    """Every place, party and organisation named in `text`, left to right."""
    index = get_index(cache_dir)
    raw = list(_scan(text, index))
    named_codes = {e.code for _, _, entries in raw for e in entries[:1] if e.kind != "city"}
    found = []
    for start, end, entries in raw:
        span = text[start:end]
        key = name_key(span)
        rule = index.ambiguous.get(key)
        entry = entries[0]
        if entry.kind == "region" and not entry.members:
            continue
        if rule and "city_after_preposition" in rule:
            if not _PREPOSITION_BEFORE.search(text, max(0, start - 8), start):
                continue  # "Nice to see", "Male and female": the word, not the city
        elif rule and "us_state_context" in rule:
            if _georgia_is_us_state(text, start, end, rule):
                continue
        elif rule and "alternatives" in rule:
            everything = {es[0].code for s_, e_, es in raw if name_key(text[s_:e_]) not in index.ambiguous}
            chosen = next((c for c in rule["alternatives"] if c in everything), rule["default"])
            entry = Entry(entry.kind, chosen, None, entry.weight)
        elif entry.kind == "city":
            if not entry.place.capital and _looks_like_a_person(text, start, end):
                continue
            # Among same-named cities prefer one in a country the text names ("Tbilisi, Georgia").
            entry = next((e for e in entries if e.code in named_codes), entry)
        if (
            entry.kind == "country"
            and _FIRST_NAME.match(text, end)
            and _TITLE_BEFORE.search(text, max(0, start - 20), start)
        ):
            continue  # "Foreign Secretary Bharat Raj Paudyal": a person's first name, not India
        place = entry.place
        if entry.kind == "country":
            # "Singapore", "Djibouti": the country's name is also its capital's.
            place = next(
                (
                    e.place
                    for e in entries
                    if e.kind == "city" and e.code == entry.code and e.place and e.place.capital
                ),
                None,
            )
        found.append(Mention(start, end, span, entry.kind, entry.code, place, entry.members))
    return found


def lookup_place(
    name: str, countries: set[str] | frozenset[str] = frozenset(), cache_dir: Path | None = None
) -> Place | None:
    """The city called `name` (exonyms and landmarks too), preferring one in `countries`."""
    index = get_index(cache_dir)
    entries = [e for e in index.names.get(name_key(name), ()) if e.place is not None]
    if not entries:
        return None
    for entry in entries:
        if entry.code in countries:
            return entry.place
    return entries[0].place


def lookup_party(name: str, cache_dir: Path | None = None) -> str | None:
    """The party code a name stands for ("Belarusian" -> "BY", "OSCE" -> "OSCE"), or None."""
    index = get_index(cache_dir)
    key = name_key(name)
    key = key[4:] if key.startswith("the ") else key
    for entry in index.names.get(key, ()):
        if entry.kind in {"country", "adjective", "org"} and _usable(entry, name):
            return entry.code
    return None


def resolve_party(text: str, cache_dir: Path | None = None) -> str | None:
    """The party code `text` stands for, typed as a code ("by", "OSCE") or a name ("Belarus"); None if unknown."""
    code = text.strip().upper()
    if len(code) == 2 and code.isalpha():
        # A country code is checked with pycountry alone: loading the whole index costs a
        # third of a second, too much for `remind --party BY` in a cron job.
        import pycountry

        if pycountry.countries.get(alpha_2=code) is not None:
            return code
    index = get_index(cache_dir)
    if code in index.country_names:
        return code
    return lookup_party(text.strip(), cache_dir)


def suggest_parties(text: str, cache_dir: Path | None = None, limit: int = 3) -> list[str]:
    """Up to `limit` parties whose name or code is spelled like `text`, as "Belarus (BY)", best first."""
    index = get_index(cache_dir)
    names = {
        key: entry.code
        for key, entries in index.names.items()
        for entry in entries
        if entry.kind in {"country", "org"} and entry.code
    }
    names.update({code.lower(): code for code in index.country_names})
    found: list[str] = []
    for key in difflib.get_close_matches(name_key(text), list(names), n=limit * 3, cutoff=0.75):
        label = f"{index.country_names.get(names[key], names[key])} ({names[key]})"
        if label not in found:
            found.append(label)
    return found[:limit]


def capital_of(code: str, cache_dir: Path | None = None) -> Place | None:
    return get_index(cache_dir).capitals.get(code)


@functools.cache
def _curated_seats() -> dict[str, str]:
    return _curated()["seats"]


def seat_of(code: str, cache_dir: Path | None = None) -> Place | None:
    """The city where an organisation sits ("UN" -> New York), from the curated table; None when unknown."""
    seat = _curated_seats().get(code)
    if seat is None:
        return None
    city, country = seat.split("|")
    return lookup_place(city, {country}, cache_dir)


def party_name(code: str, cache_dir: Path | None = None) -> str:
    """A short English name for a party code ("RS" -> "Serbia"); the code itself when unknown."""
    return get_country_names(cache_dir).get(code, code)
