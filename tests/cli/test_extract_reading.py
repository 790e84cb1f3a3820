"""What `extract` and `ingest` say about what they read (issue #11): the language guard and kinds."""

import json

SERBIAN = (
    "БЕОГРАД, 6. октобар 2016. године\n\n"
    "У Министарству спољних послова Републике Србије одржане су редовне политичке консултације "
    "између министарстава спољних послова Србије и Белорусије. Делегације су водили вршилац дужности "
    "помоћника министра Драган Момчиловић и заменица министра Јелена Купчина.\n\n"
    "Начелно је договорено да се наредна рунда политичких консултација одржи у Минску 2017. године.\n"
)
FRENCH = (
    "Paris, le 12 mars 2024\n\n"
    "La ministre de l'Europe et des Affaires étrangères s'est entretenue avec son homologue de la "
    "Moldavie. Les deux ministres sont convenus de tenir la prochaine session de la commission mixte "
    "à Chisinau au cours du second semestre 2024, et ont évoqué la situation en Ukraine.\n"
)
VISIT = (
    "ASTANA, 12 March 2024 - President Sadyr Japarov of Kyrgyzstan arrived on an official visit to "
    "Kazakhstan on Tuesday, 12 March 2024, and held talks with President Kassym-Jomart Tokayev.\n"
)


def test_a_release_not_in_english_is_reported_not_read(cli, tmp_path):
    path = tmp_path / "rs.txt"
    path.write_text(SERBIAN, encoding="utf-8")
    shown = cli("extract", path)
    assert shown.exit_code == 0
    assert "language sr: not read yet, 0 items" in shown.stdout
    record = json.loads(cli("extract", path, "--json").stdout)
    assert record["document"]["language"] == "sr"
    assert record["meetings"] == record["commitments"] == []


def test_ingest_stores_a_french_release_and_says_it_was_not_read(cli, tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    stored = cli("ingest", path)
    assert stored.exit_code == 0, stored.stdout
    assert "language fr: not read yet, 0 items" in stored.stdout
    again = json.loads(cli("ingest", path, "--json").stdout)
    assert again["added"] == 0  # stored the first time: the same text adds nothing
    assert json.loads(cli("items", "list", "--json").stdout) == []


def test_an_english_release_is_read_and_says_so(cli, tmp_path):
    path = tmp_path / "kz.txt"
    path.write_text(VISIT, encoding="utf-8")
    record = json.loads(cli("extract", path, "--json").stdout)
    assert record["document"]["language"] == "en"
    [meeting] = record["meetings"]
    # "arrived on an official visit ... and held talks": a visit, so a visit item can be fulfilled by it.
    assert (meeting["kind"], meeting["start"], meeting["parties"]) == ("visit", "2024-03-12", ["KG", "KZ"])
