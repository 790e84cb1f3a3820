"""Places and parties from data packages: names, adjectives, capitals, organisations, ambiguity."""

import pytest

from tracker.gazetteer import capital_of, find_mentions, lookup_party, lookup_place, party_name


def _codes(text):
    return [(m.text, m.code) for m in find_mentions(text)]


@pytest.mark.parametrize(
    "name, code",
    [
        ("Serbia", "RS"),
        ("Republic of Belarus", "BY"),
        ("the Russian Federation", "RU"),
        ("Serbian", "RS"),
        ("Belarusian", "BY"),
        ("Azerbaijani", "AZ"),
        ("Uzbek", "UZ"),
        ("Argentine", "AR"),
        ("Cypriot", "CY"),
        ("Kosovo", "XK"),
        ("North Macedonia", "MK"),
        ("Türkiye", "TR"),
        ("OSCE", "OSCE"),
        ("Organization of Turkic States", "OTS"),
        ("European Union", "EU"),
        ("UAE", "AE"),
        ("Britain", "GB"),
        # Adjectives the data packages lack (curated adjective_forms).
        ("Maldivian", "MV"),
        ("Saudi", "SA"),
        ("Ecuadorian", "EC"),
        ("Azeri", "AZ"),
        ("Lao", "LA"),
        ("Surinamese", "SR"),
        ("Cape Verdean", "CV"),
    ],
)
def test_party_names(name, code):
    assert lookup_party(name) == code


def test_acronyms_only_in_capitals():
    assert lookup_party("us") is None
    assert _codes("the US and the EU") == [("US", "US"), ("EU", "EU")]


@pytest.mark.parametrize(
    "text, code",
    [
        ("a summit of the GUAM Organization for Democracy and Economic Development", "GUAM"),
        ("the prime ministers of GUAM", "GUAM"),
        ("the Caribbean Community heads of government", "CARICOM"),
        ("the CARICOM summit", "CARICOM"),
        ("the Pacific Islands Forum leaders", "PIF"),
        ("the Non-Aligned Movement summit", "NAM"),
        ("the APEC leaders' week", "APEC"),
        ("the Southern African Development Community", "SADC"),
        ("the East African Community", "EAC"),
        ("the International Fund for Saving the Aral Sea", "IFAS"),
    ],
)
def test_regional_organisations(text, code):
    assert code in [m.code for m in find_mentions(text)]


def test_a_regional_acronym_in_lower_case_is_a_place_or_a_word():
    assert "GUAM" not in [m.code for m in find_mentions("the US territory of Guam")]
    assert [m.code for m in find_mentions("the name of the game")] == []


def test_cities_have_country_and_zone():
    place = lookup_place("Minsk")
    assert (place.name, place.country, place.timezone, place.capital) == ("Minsk", "BY", "Europe/Minsk", True)


def test_exonyms_and_landmarks():
    assert lookup_place("Kiev").name == "Kyiv"
    assert lookup_place("Washington D.C.").name == "Washington"
    [mention] = [m for m in find_mentions("a meeting at the White House") if m.kind == "landmark"]
    assert (mention.place.name, mention.code) == ("Washington", "US")


@pytest.mark.parametrize(
    "landmark, city",
    [
        ("Miraflores Palace", "Caracas"),
        ("Casa de Nariño", "Bogotá"),
        ("Malacañang Palace", "Manila"),
        ("Union Buildings", "Pretoria"),
        ("Akorda", "Astana"),
        ("Akasaka Palace", "Tokyo"),
    ],
)
def test_a_seat_of_government_names_its_city(landmark, city):
    [mention] = [m for m in find_mentions(f"The talks took place at the {landmark}.") if m.kind == "landmark"]
    assert mention.place.name == city


@pytest.mark.parametrize(
    "written, english, country",
    [
        ("Naypyidaw", "Nay Pyi Taw", "MM"),
        ("Nuku'alofa", "Nuku'alofa", "TO"),
        ("Port Vila", "Port Vila", "VU"),
        ("Turkmenbashi", "Turkmenbashi", "TM"),
        ("Khiva", "Khiva", "UZ"),
        ("Cebu", "Cebu City", "PH"),
        ("Shkodra", "Shkodër", "AL"),
        ("Kerkyra", "Corfu", "GR"),
        ("Pusan", "Busan", "KR"),
    ],
)
def test_the_english_form_of_a_venue_is_read_and_written(written, english, country):
    place = lookup_place(written)
    assert (place.name, place.country) == (english, country)


@pytest.mark.parametrize(
    "written, country",
    [("St. George's", "GD"), ("St George's", "GD"), ("St. Denis", "RE"), ("St. Paul", "US")],
)
def test_saint_is_read_when_written_short(written, country):
    assert lookup_place(written).country == country


@pytest.mark.parametrize("town", ["Corfu", "Ohrid", "Shusha", "Sharm el-Sheikh", "Bodø"])
def test_small_towns_that_host_talks_are_venues(town):
    assert lookup_place(town).name == town


@pytest.mark.parametrize(
    "resort, country",
    [
        ("Davos", "CH"),
        ("Bled", "SI"),
        ("Tsinandali", "GE"),
        ("Borovoe", "KZ"),
        ("Avaza", "TM"),
        ("Bavet", "KH"),
        ("Viljandi", "EE"),
        ("Valmiermuiza", "LV"),
        ("Al-Ula", "SA"),
    ],
)
def test_resorts_too_small_for_the_data_packages_are_venues(resort, country):
    place = lookup_place(resort)
    assert place.country == country and place.timezone


def test_an_island_is_no_town_of_its_name_elsewhere():
    assert lookup_place("Bali") is None


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
    found = find_mentions("Central Asia and the Middle East")
    assert [m for m in found if m.code or m.place or m.is_party] == []
    # A region stands for its states only inside a format ("China-Central Asia"): it carries them.
    assert [(m.text, m.kind, m.members) for m in found] == [
        ("Central Asia", "region", ("KG", "KZ", "TJ", "TM", "UZ"))
    ]


def test_a_format_carries_its_states():
    found = find_mentions("the Quad and the C5+1 and the Baltic states")
    assert [(m.text, m.kind, m.code, m.members) for m in found] == [
        ("Quad", "format", None, ("AU", "IN", "JP", "US")),
        ("C5+1", "format", None, ("KG", "KZ", "TJ", "TM", "US", "UZ")),
        ("Baltic states", "format", None, ("EE", "LT", "LV")),
    ]
    assert [m for m in find_mentions("Foreign Minister Vladimir Makei spoke") if m.kind == "city"] == []


def test_capital_and_names():
    assert capital_of("IR").name == "Tehran"
    assert party_name("RS") == "Serbia"


def test_index_cache_round_trip(tmp_path):
    from tracker.gazetteer.index import build_index, load_index

    first = load_index(tmp_path)
    files = list(tmp_path.iterdir())
    assert [f.suffix for f in files] == [".json"]  # JSON, never a pickle; no temporary file left behind
    second = load_index(tmp_path)
    assert second.names == first.names and second.cities == first.cities and second.prefixes == first.prefixes
    assert build_index().capitals["RS"].name == "Belgrade"


def test_cache_is_keyed_by_the_inputs_and_rebuilt_when_corrupt(tmp_path):
    import json

    from tracker.gazetteer.index import cache_path, load_index

    load_index(tmp_path)
    path = cache_path(tmp_path)
    assert path.name.startswith("gazetteer-") and len(path.stem) == len("gazetteer-") + 16
    path.write_text("{not json", encoding="utf-8")
    assert load_index(tmp_path).capitals["RS"].name == "Belgrade"
    assert json.loads(path.read_text(encoding="utf-8"))["fingerprint"] in path.name  # rewritten whole


def test_a_cache_of_another_version_is_ignored(tmp_path):
    import json

    from tracker.gazetteer.index import cache_path, load_index

    load_index(tmp_path)
    path = cache_path(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["fingerprint"] = "0" * 16
    data["capitals"] = {}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_index(tmp_path).capitals["RS"].name == "Belgrade"


def test_a_read_only_cache_folder_only_costs_speed(tmp_path):
    from tracker.gazetteer.index import load_index

    blocked = tmp_path / "file"
    blocked.write_text("")
    assert load_index(blocked / "sub").capitals["RS"].name == "Belgrade"  # cannot mkdir under a file


def test_library_default_never_writes_to_home(tmp_path, monkeypatch):
    from tracker.gazetteer import index

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.setattr(index, "_cache_dir", None)
    monkeypatch.setattr(index, "_index", None)
    assert index.get_index().capitals["RS"].name == "Belgrade"
    assert list(tmp_path.iterdir()) == []


def test_cli_caches_in_the_configured_folder(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from tracker.cli.app import app
    from tracker.gazetteer import index

    monkeypatch.setattr(index, "_cache_dir", None)
    monkeypatch.setattr(index, "_index", None)
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))
    text = tmp_path / "note.txt"
    text.write_text(
        "Belgrade, 6 October 2016. The ministers of Serbia and Belarus met today.", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["extract", str(text), "--json"])
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".json"]


def test_party_names_are_read_from_their_own_cache_without_the_index(tmp_path, monkeypatch):
    """Issue #16: a report names a few dozen parties; loading the whole index for them was most of its work."""
    from tracker.gazetteer import index

    monkeypatch.setattr(index, "_index", None)
    monkeypatch.setattr(index, "_country_names", None)
    assert party_name("RS", tmp_path) == "Serbia"  # the index is built once, and its names cached alone
    names_file = index._names_path(tmp_path)
    assert names_file.is_file() and names_file.stat().st_size < 20_000

    def no_index(_cache_dir):
        raise AssertionError("the whole index was loaded")

    index.clear_index()
    monkeypatch.setattr(index, "load_index", no_index)
    assert party_name("BY", tmp_path) == "Belarus"
    assert party_name("XX", tmp_path) == "XX"


def test_cached_party_names_of_another_version_or_corrupt_are_ignored(tmp_path, monkeypatch):
    import json

    from tracker.gazetteer import index

    monkeypatch.setattr(index, "_index", None)
    monkeypatch.setattr(index, "_country_names", None)
    index._names_path(tmp_path).write_text(
        json.dumps({"fingerprint": "0" * 16, "country_names": {"RS": "Old Serbia"}}), encoding="utf-8"
    )
    assert party_name("RS", tmp_path) == "Serbia"
    index._names_path(tmp_path).write_text("{not json", encoding="utf-8")
    index.clear_index()
    assert party_name("RS", tmp_path) == "Serbia"


@pytest.mark.parametrize(
    "text, city, country",
    [
        ("The Prime Minister is due to arrive in Malé on September 2.", "Male", "MV"),
        ("He flew to Male for talks with President Solih.", "Male", "MV"),
        ("The EU-Russia summit in Nice opened on Friday.", "Nice", "FR"),
        ("The ministers will meet in Split next week.", "Split", "HR"),
        ("Albanese will host the ASEAN leaders in Darwin in March.", "Darwin", "AU"),
    ],
)
def test_a_city_whose_name_is_a_word_is_read_after_a_preposition(text, city, country):
    cities = [m for m in find_mentions(text) if m.kind == "city"]
    assert [(m.place.country, m.place.name.replace("é", "e")) for m in cities] == [(country, city)]


@pytest.mark.parametrize(
    "text",
    [
        "Male and female delegates attended the talks.",
        "Nice words were exchanged between the ministers.",
        "Split decisions marked the summit.",
        "Victoria Nuland met the minister.",
        "Florence Parly, the French defence minister, met him.",
    ],
)
def test_the_word_is_no_city_elsewhere(text):
    assert [m for m in find_mentions(text) if m.kind == "city"] == []


@pytest.mark.parametrize(
    "text, code",
    [
        ("External Affairs Minister S. Jaishankar met his counterpart.", "IN"),
        ("The Taoiseach will travel to Washington.", "IE"),
        ("The Tánaiste met the Foreign Minister of Ghana.", "IE"),
    ],
)
def test_an_office_only_one_state_has_names_that_state(text, code):
    assert code in {m.code for m in find_mentions(text) if m.is_party}


def test_external_affairs_alone_names_no_state():
    # Sri Lanka had a Minister of External Affairs, Saint Lucia has a Department of External Affairs.
    text = "Minister of External Affairs G.L. Peiris met the Department of External Affairs."
    assert {m.code for m in find_mentions(text) if m.is_party} == set()


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Secretary Bharat Raj Paudyal called on the minister.",
        "President Georgia Meloni spoke.",
        "Ambassador Jordan Peterson arrived.",
    ],
)
def test_a_country_name_that_is_a_titled_persons_first_name_is_no_party(text):
    assert [m.code for m in find_mentions(text) if m.kind == "country"] == []


def test_a_country_after_a_title_and_a_preposition_is_a_party():
    assert [m.code for m in find_mentions("the Ambassador of Kenya met the Minister for Nepal Affairs")] == [
        "KE",
        "NP",
    ]


@pytest.mark.parametrize(
    "name, country",
    [("Hanaholmen", "FI"), ("Boracay", "PH")],
)
def test_resorts_that_host_talks(name, country):
    assert lookup_place(name).country == country


@pytest.mark.parametrize(
    "text",
    [
        "According to Hassan, the commission will meet soon.",
        "according to Dewas, the talks went well.",
        "Hassan said the commission would meet soon.",
        "The talks, Kota told reporters, went well.",
        "Hassan, said the minister, was present.",
    ],
)
def test_a_towns_name_as_a_speaker_is_a_persons(text):
    assert [m for m in find_mentions(text) if m.kind == "city"] == []


@pytest.mark.parametrize(
    "text", ["According to Moscow, the talks went well.", "The talks will be held in Hassan next year."]
)
def test_a_capital_as_a_speaker_or_a_town_after_in_is_still_a_place(text):
    assert [m.kind for m in find_mentions(text) if m.kind == "city"] == ["city"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The session will be held in Pakse District, Champasak Province.", "Pakse"),
        ("The talks took place in Kisumu County.", "Kisumu"),
        ("They met in Batumi, Adjara, and then in Kutaisi Municipality.", "Kutaisi"),
    ],
)
def test_a_town_before_the_word_for_its_area_is_a_place(text, city):
    assert city in [m.place.name for m in find_mentions(text) if m.kind == "city"]
