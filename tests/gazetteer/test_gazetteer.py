"""Places and parties from data packages: names, adjectives, capitals, organisations, ambiguity."""

import pytest

from tracker.gazetteer import capital_of, find_mentions, lookup_party, lookup_place, party_name


def _codes(text):
    return [(m.text, m.code) for m in find_mentions(text)]


@pytest.mark.parametrize("name, code", [
    ("Serbia", "RS"), ("Republic of Belarus", "BY"), ("the Russian Federation", "RU"), ("Serbian", "RS"),
    ("Belarusian", "BY"), ("Azerbaijani", "AZ"), ("Uzbek", "UZ"), ("Argentine", "AR"), ("Cypriot", "CY"),
    ("Kosovo", "XK"), ("North Macedonia", "MK"), ("Türkiye", "TR"), ("OSCE", "OSCE"),
    ("Organization of Turkic States", "OTS"), ("European Union", "EU"), ("UAE", "AE"), ("Britain", "GB"),
])
def test_party_names(name, code):
    assert lookup_party(name) == code


def test_acronyms_only_in_capitals():
    assert lookup_party("us") is None
    assert _codes("the US and the EU") == [("US", "US"), ("EU", "EU")]


def test_cities_have_country_and_zone():
    place = lookup_place("Minsk")
    assert (place.name, place.country, place.timezone, place.capital) == ("Minsk", "BY", "Europe/Minsk", True)


def test_exonyms_and_landmarks():
    assert lookup_place("Kiev").name == "Kyiv"
    assert lookup_place("Washington D.C.").name == "Washington"
    [mention] = [m for m in find_mentions("a meeting at the White House") if m.kind == "landmark"]
    assert (mention.place.name, mention.code) == ("Washington", "US")


def test_most_populous_or_named_country_wins():
    assert lookup_place("Moscow").country == "RU"
    assert lookup_place("Santiago").country == "CL"


def test_capital_stands_for_its_government():
    mentions = find_mentions("Belgrade and Minsk agreed.")
    assert [(m.code, m.place.capital) for m in mentions] == [("RS", True), ("BY", True)]


def test_georgia_country_or_us_state_by_context():
    assert _codes("Tbilisi, Georgia hosted the talks") == [("Tbilisi", "GE"), ("Georgia", "GE")]
    assert [m for m in find_mentions("the Governor of Georgia in Atlanta") if m.code == "GE"] == []


def test_congo_by_context():
    assert [m.code for m in find_mentions("Congo and Gabon") if m.text == "Congo"] == ["CG"]
    assert [m.code for m in find_mentions("Kinshasa said Congo") if m.text == "Congo"] == ["CD"]


def test_regions_and_person_names_are_not_places():
    assert _codes("Central Asia and the Middle East") == []
    assert [m for m in find_mentions("Foreign Minister Vladimir Makei spoke") if m.kind == "city"] == []


def test_capital_and_names():
    assert capital_of("IR").name == "Tehran"
    assert party_name("RS") == "Serbia"


def test_index_cache_round_trip(tmp_path):
    from tracker.gazetteer.index import build_index, get_index

    first = get_index(tmp_path)
    assert list(tmp_path.glob("gazetteer-*.pickle"))
    get_index.cache_clear()
    second = get_index(tmp_path)
    assert second.names.keys() == first.names.keys()
    assert build_index().capitals["RS"].name == "Belgrade"
