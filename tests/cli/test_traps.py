"""Issue #14: the traps a new user fell into and the outcomes the tool kept silent about.

Each test failed on main before its fix.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from failing_extractor import fail_extraction_on
from minsk import add_minsk_meeting
from typer.testing import CliRunner

from tracker.cli import app


@pytest.fixture
def run():
    """Run `tracker ARGS...` with no --db added (the tests here choose it)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


# 1. A mistyped database creates a new empty one.


def test_reading_a_missing_sqlite_file_is_exit_5_and_creates_nothing(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--db", "sqlite:///nonexistent/dir/x.db", "items", "list")
    assert result.exit_code == 5
    assert result.stdout == ""
    assert result.stderr == (
        f"tracker: no database at {tmp_path}/nonexistent/dir/x.db "
        "(run `tracker db upgrade` or ingest something to create it)\n"
    )
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["meetings", "list"],
        ["remind"],
        ["report", "weekly"],
        ["review", "list"],
        ["export", "ics", "-o", "-"],
        ["dump", "-o", "-"],
        ["db", "current"],
    ],
)
def test_no_reading_command_creates_the_database(run, tmp_path, command):
    result = run("--db", tmp_path / "typo.db", *command)
    assert result.exit_code == 5, result.output
    assert result.stderr.startswith(f"tracker: no database at {tmp_path / 'typo.db'} ")
    assert not (tmp_path / "typo.db").exists()


def test_a_plain_file_path_is_an_sqlite_database(run, tmp_path, monkeypatch, seed_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert run("--db", "~/desk.db", "ingest", seed_path).exit_code == 0
    assert (tmp_path / "desk.db").exists()
    listed = run("--db", str(tmp_path / "desk.db"), "items", "list", "--json")
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1


@pytest.mark.parametrize(
    "given, opened",
    [
        ("postgres://me@db.example/tracker", "postgresql+psycopg://me@db.example/tracker"),
        ("postgresql://me@db.example/tracker", "postgresql+psycopg://me@db.example/tracker"),
        ("postgres+psycopg://me@db.example/tracker", "postgresql+psycopg://me@db.example/tracker"),
    ],
)
def test_postgres_urls_are_read_as_postgresql(run, given, opened):
    shown = json.loads(run("--db", given, "config", "show", "--json").stdout)
    assert shown["database"] == opened


def test_config_show_names_the_database_opened(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--db", "sqlite:///x.db", "config", "show")
    assert f"# database: sqlite:///{tmp_path}/x.db [option]" in result.stdout.splitlines()


@pytest.mark.parametrize("url", ["postgresql:/db.example/tracker", "sqlite:x.db", "tracker database"])
def test_an_unparseable_url_is_exit_5_with_both_forms(run, url):
    # Exit 5, as every unusable database is (tests/reliability/test_bad_input.py).
    result = run("--db", url, "items", "list")
    assert result.exit_code == 5
    assert result.stderr.count("\n") == 1
    assert "a file path (--db ~/desk.db) or a URL (--db postgresql://user@host/db)" in result.stderr


def test_an_unknown_dialect_is_exit_5_with_both_forms(run):
    result = run("--db", "mysqlx://me@host/db", "items", "list")
    assert result.exit_code == 5
    assert result.stderr.count("\n") == 1 and "--db ~/desk.db" in result.stderr


# 2. Global options only worked before the command.


def test_global_options_after_the_command(run, tmp_path, seed_path):
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert run("ingest", seed_path, "--db", db).exit_code == 0
    before = run("--db", db, "--today", "2017-12-15", "remind", "--json")
    after = run("remind", "--today", "2017-12-15", "--json", f"--db={db}")
    assert after.exit_code == 0, after.stderr
    assert after.stdout == before.stdout and json.loads(after.stdout)["due_soon"]
    listed = run("--json", "items", "list", "--db", db)  # --json before the command goes to it
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1


def test_a_later_global_option_wins_and_values_stay_with_their_option(run, tmp_path, seed_path):
    db = f"sqlite:///{tmp_path / 't.db'}"
    run("--db", db, "ingest", seed_path)
    # The first "--today" is the value of --city, not the global option.
    added = run("items", "add", "Visit", "--city", "--today", "--db", db, "--json", "--today", "2017-01-02")
    assert added.exit_code == 0, added.stderr
    assert json.loads(added.stdout)["city"] == "--today"
    late = run("--today", "2017-06-01", "remind", "--json", "--db", db, "--today", "2018-01-02")
    assert json.loads(late.stdout)["overdue"]


def test_any_command_group_takes_the_global_options_after_it():
    import typer

    from tracker.cli.app import TrackerGroup

    root = typer.Typer(cls=TrackerGroup)
    seen = {}

    @root.callback()
    def _options(
        today: str = typer.Option(None, "--today"), verbose: bool = typer.Option(False, "--verbose")
    ):
        seen.update(today=today, verbose=verbose)

    group = typer.Typer()
    root.add_typer(group, name="later")

    @group.command("added")
    def _added(name: str = typer.Argument(...), quiet: bool = typer.Option(False, "--quiet")):
        seen.update(name=name, quiet=quiet)

    result = CliRunner().invoke(
        root, ["later", "added", "x", "--today", "2020-01-01", "--verbose", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert seen == {"today": "2020-01-01", "verbose": True, "name": "x", "quiet": True}


def test_an_option_no_command_has_is_still_refused(run, tmp_path):
    result = run("remind", "--tody", "2017-01-01", "--db", tmp_path / "x.db")
    assert result.exit_code == 2 and "No such option: --tody" in result.stderr


# 3. The date override leaked into history.

REAL_NOW = dt.datetime(2026, 8, 20, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def real_now(monkeypatch):
    """The real instant, pinned at the one function that reads it (no test reads the wall clock)."""
    from tracker import clock

    monkeypatch.setattr(clock, "utc_now", lambda: REAL_NOW, raising=False)
    return REAL_NOW


def test_history_records_the_real_time_under_a_fixed_today(cli, seed_path, real_now, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", "2017-06-01")
    cli("ingest", seed_path)
    assert cli("items", "edit", "1", "--city", "Vitebsk", "--reason", "typo").exit_code == 0
    item = json.loads(cli("items", "show", "1", "--json").stdout)
    # [:19]: SQLite gives the instant back without its "+00:00", PostgreSQL with it.
    assert [h["at"][:19] for h in item["history"] if h["field"] == "city"] == ["2026-08-20T09:30:00"]
    # --today still sets the date everything is read as of.
    assert item["days_overdue"] == 0 and item["status"] == "open"


def test_done_without_a_meeting_is_fulfilled_on_the_as_of_date(cli, seed_path, real_now):
    cli("ingest", seed_path)
    assert cli("items", "done", "1", today="2017-11-30").exit_code == 0
    item = json.loads(cli("items", "show", "1", "--json", today="2017-12-01").stdout)
    assert item["fulfilled_on"] == "2017-11-30"
    assert {h["at"][:10] for h in item["history"] if h["field"] == "status"} == {"2026-08-20"}


# 4. Edits that lost data silently.


def _item(cli, parties="HU,RS", city="Belgrade", window=("2017-01-01", "2017-12-31")):
    added = cli(
        "items",
        "add",
        "Next round of consultations",
        "--kind",
        "consultations",
        "--party",
        parties,
        "--city",
        city,
        "--start",
        window[0],
        "--end",
        window[1],
        "--json",
        today="2016-10-07",
    )
    assert added.exit_code == 0, added.stderr
    return json.loads(added.stdout)


def test_an_unknown_party_code_is_refused_and_nothing_changes(cli):
    item = _item(cli)
    result = cli("items", "edit", item["id"], "--party", "XX")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("tracker: unknown party 'XX'; ") and result.stderr.count("\n") == 1
    shown = json.loads(cli("items", "show", item["id"], "--json").stdout)
    assert shown["parties"] == ["HU", "RS"] and [h["field"] for h in shown["history"]] == ["created"]


def test_a_misspelt_party_name_gets_did_you_mean(cli):
    item = _item(cli)
    result = cli("items", "edit", item["id"], "--party", "Belarussia")
    assert result.exit_code == 2
    assert result.stderr == "tracker: unknown party 'Belarussia'; did you mean Belarus (BY) or Russia (RU)?\n"


def test_party_names_are_read_as_codes(cli):
    item = _item(cli, parties="Hungary,serbia")
    assert item["parties"] == ["HU", "RS"]
    listed = cli("items", "list", "--party", "Serbia", "--json")
    assert [i["id"] for i in json.loads(listed.stdout)] == [item["id"]]
    assert json.loads(cli("meetings", "list", "--party", "Hungary", "--json").stdout) == []


def test_add_and_remove_one_party_keep_the_others(cli):
    item = _item(cli)
    assert cli("items", "edit", item["id"], "--add-party", "Belarus").exit_code == 0
    assert json.loads(cli("items", "show", item["id"], "--json").stdout)["parties"] == ["BY", "HU", "RS"]
    assert cli("items", "edit", item["id"], "--remove-party", "HU").exit_code == 0
    assert json.loads(cli("items", "show", item["id"], "--json").stdout)["parties"] == ["BY", "RS"]
    missing = cli("items", "edit", item["id"], "--remove-party", "FR")
    assert missing.exit_code == 2
    assert missing.stderr == f"tracker: item #{item['id']} has no party FR (its parties: BY,RS)\n"
    both = cli("items", "edit", item["id"], "--party", "FR", "--add-party", "DE")
    assert both.exit_code == 2 and both.stderr.count("\n") == 1


def test_a_vague_window_is_not_taken_silently(cli):
    item = _item(cli)
    result = cli("items", "reschedule", item["id"], "--window", "sometime soon", today="2017-06-01")
    assert result.exit_code == 2
    assert result.stderr == (
        "tracker: read 'sometime soon' as 2017-06-01..2017-11-30 (vague), a guess; "
        "add --yes to accept it or give --start/--end\n"
    )
    assert json.loads(cli("items", "show", item["id"], "--json").stdout)["status"] == "open"
    accepted = cli(
        "items", "reschedule", item["id"], "--window", "sometime soon", "--yes", today="2017-06-01"
    )
    assert accepted.exit_code == 0, accepted.stderr
    precise = cli("items", "reschedule", item["id"], "--window", "first half of 2018", today="2017-06-01")
    assert precise.exit_code == 0 and "2018-01-01..2018-06-30" in precise.stdout


def test_on_a_terminal_the_reading_is_confirmed(cli, monkeypatch):
    from tracker.cli import items

    monkeypatch.setattr(items, "_is_terminal", lambda: True)
    item = _item(cli)
    declined = cli("items", "reschedule", item["id"], "--window", "first half of 2018", input="n\n")
    assert declined.exit_code == 1
    assert "read 'first half of 2018' as 2018-01-01..2018-06-30 (half); reschedule to it?" in declined.stderr
    assert json.loads(cli("items", "show", item["id"], "--json").stdout)["status"] == "open"
    accepted = cli("items", "reschedule", item["id"], "--window", "first half of 2018", input="y\n")
    assert accepted.exit_code == 0 and "2018-01-01..2018-06-30" in accepted.stdout


def test_done_by_an_unrelated_meeting_needs_force(cli):
    item = _item(cli)
    other = json.loads(
        cli(
            "meetings",
            "add",
            "--start",
            "2016-05-03",
            "--kind",
            "talks",
            "--city",
            "Paris",
            "--party",
            "FR,DE",
            "--json",
        ).stdout
    )
    refused = cli("items", "done", item["id"], "--by", other["id"])
    assert refused.exit_code == 4
    assert refused.stderr == (
        f"tracker: meeting #{other['id']} does not look like the one item #{item['id']} promised: "
        "HU,RS not among its parties (DE,FR); held in Paris, not Belgrade; check the ids, or add --force to "
        "record it anyway\n"
    )
    assert json.loads(cli("items", "show", item["id"], "--json").stdout)["status"] == "open"
    forced = cli("items", "done", item["id"], "--by", other["id"], "--force")
    assert forced.exit_code == 0, forced.stderr
    assert forced.stderr == (
        f"tracker: warning: meeting #{other['id']} was held on 2016-05-03, before the item "
        "was made on 2016-10-07\n"
    )
    assert json.loads(cli("items", "show", item["id"], "--json").stdout)["status"] == "fulfilled"


# 5. Files skipped without a word; 6. a partial failure that exited 0.

RELEASE = (
    "Minsk, 6 October 2016. Political consultations between the foreign ministries of Belarus and "
    "Serbia were held in Minsk. The parties agreed to hold the next round in Belgrade in 2017.\n"
)


def _pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF showing `lines` in Helvetica (written by hand: no PDF writer needed)."""
    text = " ".join(f"({line}) Tj T*" for line in lines)
    content = f"BT /F1 10 Tf 14 TL 40 800 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _docx(paragraphs: list[str]) -> bytes:
    """A minimal Word .docx holding `paragraphs`."""
    import io
    import zipfile

    body = "".join(f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>" for paragraph in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )
    return buffer.getvalue()


def test_pdf_and_docx_releases_are_read(cli, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "belgrade.pdf").write_bytes(
        _pdf(
            [
                "On 6 October 2016, political consultations between the foreign ministries",
                "of Serbia and Belarus were held in Belgrade.",
            ]
        )
    )
    (folder / "budapest.docx").write_bytes(
        _docx(
            [
                "On 3 March 2017, political consultations between the foreign ministries of Hungary and Serbia were "
                "held in Budapest.",
                "It was agreed to hold the next round of political consultations in Belgrade in 2018.",
            ]
        )
    )
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    meetings = json.loads(cli("meetings", "list", "--json").stdout)
    assert [(m["city"], m["parties"]) for m in meetings] == [
        ("Belgrade", ["BY", "RS"]),
        ("Budapest", ["HU", "RS"]),
    ]
    assert [i["city"] for i in json.loads(cli("items", "list", "--json").stdout)] == ["Belgrade"]


def test_a_folder_of_files_it_cannot_read_names_them(cli, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "b.odt").write_bytes(b"PK")
    result = cli("ingest", folder)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"tracker: no documents found in {folder}; skipped {folder}/a.doc (old Word files (.doc) are not read; "
        f"save it as .docx, text (.txt) or a web page (.html)); {folder}/b.odt (OpenDocument files are not read "
        "yet; save it as text (.txt) or a web page (.html))\n"
    )


def test_a_mixed_folder_names_what_it_skips_and_exits_1(cli, tmp_path):
    folder = tmp_path / "releases"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "config").write_text("hidden: never named")
    (folder / "good.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    result = cli("ingest", folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"tracker: warning: skipped {folder}/old.doc: old Word files (.doc) are not read; save it as .docx, "
        "text (.txt) or a web page (.html)",
        f"tracker: warning: {folder}/scan.pdf: cannot read this PDF; save it as text",
    ]
    assert result.stdout.splitlines()[-1].endswith("; 2 file(s) not read (see above)")
    summary = json.loads(cli("ingest", folder, "--json").stdout)
    assert [entry["source"] for entry in summary["not_read"]] == [f"{folder}/old.doc", f"{folder}/scan.pdf"]


def test_an_unreachable_url_among_good_files_exits_1_after_the_summary(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(RELEASE, encoding="utf-8")
    result = cli("ingest", good, "http://127.0.0.1:9/release")  # port 9: nothing listens
    assert result.exit_code == 1
    assert result.stderr.startswith("tracker: warning: http://127.0.0.1:9/release: cannot fetch")
    assert f"{good}: added" in result.stdout and "1 file(s) not read" in result.stdout


# 7. A proposed fulfilment waited in review while lists said "overdue" with no hint.


def test_an_overdue_item_with_a_proposed_fulfilment_names_the_meeting(cli, seed_path):
    cli("ingest", seed_path)
    talks = add_minsk_meeting(cli, "--json", start="2017-05-15", kind="talks", today="2017-05-16")
    meeting_id = json.loads(talks.stdout)["id"]
    hint = f"possible match: meeting #{meeting_id} (`tracker review`)"
    listed = cli("items", "list", today="2018-12-03").stdout.splitlines()
    assert "overdue 337d" in listed[0] and listed[2] == f"      {hint}"
    reminded = cli("remind", today="2018-12-03").stdout.splitlines()
    assert f"        {hint}" in reminded
    report = cli("report", "weekly", today="2018-12-03").stdout
    assert f"(possible match: meeting #{meeting_id}, see `tracker review`)" in report
    html = cli("report", "weekly", "--format", "html", today="2018-12-03").stdout
    assert f"possible match: meeting #{meeting_id} (tracker review)" in html


# 8. Every exit code documented (README and --help) and produced.


def test_every_exit_code_is_in_the_readme_and_the_help(run):
    from pathlib import Path

    from tracker.errors import EXIT_CODES, exit_codes_text

    assert [code for code, _ in EXIT_CODES] == list(range(8))
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "\n".join(f"    {line}" for line in exit_codes_text().splitlines()) in readme
    shown = " ".join(run("--help").stdout.split())
    for code, meaning in EXIT_CODES:
        assert f"{code} {' '.join(meaning.split())}" in shown


def test_each_exit_code_is_what_the_table_says(cli, seed_path, tmp_path, monkeypatch, run):
    assert cli("ingest", seed_path).exit_code == 0
    assert cli("remind", "--fail-on-overdue", today="2018-01-02").exit_code == 1
    assert cli("items", "list", "--status", "late").exit_code == 2
    assert cli("items", "show", "42").exit_code == 3
    cli("items", "cancel", "1")
    assert cli("items", "done", "1").exit_code == 4
    assert run("--db", tmp_path / "missing.db", "items", "list").exit_code == 5
    bad_settings = tmp_path / "config.toml"
    bad_settings.write_text("due_soon_days = 'soon'\n")
    monkeypatch.setenv("TRACKER_CONFIG", str(bad_settings))
    assert cli("items", "list").exit_code == 6
    monkeypatch.delenv("TRACKER_CONFIG")
    monkeypatch.setenv("TRACKER_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("TRACKER_SMTP_PORT", "9")  # nothing listens
    mailed = cli("remind", "--mail-to", "desk@example.org", today="2018-01-02")
    assert mailed.exit_code == 7 and mailed.stderr.startswith("tracker: ") and mailed.stderr.count("\n") == 1


# 9. review: "skip then quit" said "1 decision(s) saved"; the window prompt pointed at options.


def test_review_skip_then_quit_saves_nothing_and_says_so(cli, seed_path):
    cli("ingest", seed_path)
    cli("meetings", "add", "--start", "2017-05-15", "--kind", "talks", "--city", "Minsk", "--party", "BY,RS")
    result = cli("review", input="s\nq\n")
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith("stopped; 0 decision(s) saved, 1 skipped")


def test_review_window_prompt_names_the_answers_it_takes(cli, seed_path):
    cli("ingest", seed_path)
    result = cli("review", input="w\nwhenever convenient\nq\n")
    assert result.stderr == (
        "tracker: cannot read a window from 'whenever convenient'; answer like 'in 2018', "
        "2018-03-01..2018-03-31, 2018-03-01 or open\n"
    )
    assert "--start" not in result.stdout + result.stderr


# 10. report weekly -o x.pdf wrote Markdown into a .pdf.


def test_report_format_comes_from_the_file_name_or_is_refused(cli, seed_path, tmp_path):
    cli("ingest", seed_path)
    pdf = cli("report", "weekly", "-o", tmp_path / "week.pdf", today="2016-10-10")
    assert pdf.exit_code == 2 and not (tmp_path / "week.pdf").exists()
    assert pdf.stderr == (
        f"tracker: cannot write PDF ({tmp_path}/week.pdf); write HTML (-o {tmp_path}/week.html) "
        "and print it to PDF from a browser\n"
    )
    assert cli("report", "weekly", "-o", tmp_path / "week.html", today="2016-10-10").exit_code == 0
    assert (tmp_path / "week.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert cli("report", "weekly", "-o", tmp_path / "week.json", today="2016-10-10").exit_code == 0
    assert json.loads((tmp_path / "week.json").read_text(encoding="utf-8"))
    unknown = cli("report", "weekly", "-o", tmp_path / "week.docx", today="2016-10-10")
    assert unknown.exit_code == 2 and "use .md, .html or .json, or give --format" in unknown.stderr
    clash = cli("report", "weekly", "--format", "md", "-o", tmp_path / "w.html", today="2016-10-10")
    assert clash.exit_code == 2 and "does not match" in clash.stderr
    assert (
        cli("report", "weekly", "--format", "md", "-o", tmp_path / "week.txt", today="2016-10-10").exit_code
        == 0
    )


# 11. A home country: the report and compliance stop listing the user's own country as a partner.


def test_home_country_is_no_partner(cli, seed_path, monkeypatch):
    cli("ingest", seed_path)

    def partners(*args: str) -> list[str]:
        weekly = json.loads(cli("report", "weekly", "--format", "json", *args, today="2018-01-01").stdout)
        return [section["party"] for section in weekly["parties"]]

    def records(*args: str) -> list[str]:
        document = json.loads(cli("report", "compliance", "--json", *args, today="2018-01-01").stdout)
        return [record["party"] for record in document["records"]]

    assert partners() == ["BY", "RS"] and records() == ["BY", "RS", "*"]
    assert partners("--home", "Serbia") == ["BY"] and records("--home", "RS") == ["BY", "*"]
    monkeypatch.setenv("TRACKER_HOME_COUNTRY", "RS")
    assert partners() == ["BY"] and records() == ["BY", "*"]
    assert records("--home", "BY") == ["RS", "*"]  # the option wins over the setting
    bad = cli("report", "compliance", "--home", "Serbja", today="2018-01-01")
    assert bad.exit_code == 2 and bad.stderr == "tracker: unknown party 'Serbja'; did you mean Serbia (RS)?\n"


# 12 (in part). --version; items show names the fulfilling meeting by id and its history in sentences.


def test_version(run):
    from tracker import __version__

    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"tracker {__version__}\n")


def test_items_show_reads_as_sentences_with_the_meeting_id(cli, seed_path, real_now):
    cli("ingest", seed_path)
    added = json.loads(add_minsk_meeting(cli, "--json").stdout)
    lines = cli("items", "show", "1", today="2018-01-01").stdout.splitlines()
    assert f"      fulfilled on 2017-05-10 by meeting #{added['id']}" in lines
    history = [line.strip() for line in lines if line.startswith("      2026-08-20 09:30")]
    assert [line.split(" \u2014 ")[0] for line in history] == [
        "2026-08-20 09:30  Status changed from open to fulfilled",
        f"2026-08-20 09:30  Fulfilling meeting set to meeting #{added['id']}",
        "2026-08-20 09:30  Fulfilment date set to 2017-05-10",
    ]
    assert all(" -> " not in line and "None" not in line for line in lines)


# 13 (in part). Help: no sentence broken mid-line in the command list; bare review is interactive; completion.


def _commands():
    from typer.main import get_command

    def walk(group, prefix=()):
        for name, command in group.commands.items():
            yield prefix + (name,), command
            if hasattr(command, "commands"):
                yield from walk(command, prefix + (name,))

    return list(walk(get_command(app)))


@pytest.mark.parametrize(
    "path, command", _commands(), ids=lambda value: " ".join(value) if isinstance(value, tuple) else ""
)
def test_the_first_help_paragraph_is_one_line(path, command):
    # The command list shows the first paragraph with its line breaks (issue #14: cadence, report weekly).
    first = (command.help or "").strip().split("\n\n")[0]
    assert "\n" not in first.strip(), path


@pytest.mark.parametrize(
    "path, command", _commands(), ids=lambda value: " ".join(value) if isinstance(value, tuple) else ""
)
def test_help_names_values_in_words_not_python_types(path, command):
    # Issue #14: `--help <bool>`, `paths <list[str]>`, `--db <str>` were Python's words for them.
    shown = CliRunner().invoke(app, [*path, "--help"], terminal_width=120).stdout
    assert not re.search(r"<(bool|str|int|path|file|list\[[a-z]+\])( range)?>", shown), shown


@pytest.mark.parametrize("path", [["cadence"], ["report", "weekly"], ["remind"], ["ingest"]], ids=" ".join)
def test_help_paragraphs_are_reflowed_not_broken_mid_sentence(path):
    # Issue #14: the docstring's own line breaks showed up mid-sentence. Wide enough, a paragraph is one line.
    shown = CliRunner().invoke(app, [*path, "--help"], terminal_width=400).stdout
    description = shown.split("\n\n", 1)[1].split("\nOptions:")[0].split("\nArguments:")[0]
    paragraphs = [p for p in description.strip().split("\n\n") if p.strip()]
    assert len(paragraphs) >= 3 and all("\n" not in p.strip() for p in paragraphs), description
    assert paragraphs[-1].strip().startswith("Example")


def test_review_help_says_bare_review_is_interactive_and_completion_is_offered(run):
    assert "Bare `tracker review` is interactive" in " ".join(run("review", "--help").stdout.split())
    assert "--install-completion" in run("--help").stdout


def test_documents_list_and_show(cli, seed_path):
    cli("ingest", seed_path)
    [document] = json.loads(cli("documents", "list", "--json").stdout)
    assert (document["id"], document["meetings"], document["commitments"]) == (1, 1, 1)
    assert document["source"].endswith("serbia-belarus-consultations-2016-10-06.txt")
    shown = json.loads(cli("documents", "show", "1", "--json").stdout)
    assert (shown["meeting_ids"], shown["commitment_ids"]) == ([1], [1]) and "Minsk" in shown["text"]
    text = cli("documents", "show", "1").stdout.splitlines()
    assert text[2:] == [
        "      meetings: #1 (`tracker meetings show`)",
        "      items: #1 (`tracker items show`)",
    ]
    missing = cli("documents", "show", "9")
    assert missing.exit_code == 3
    assert missing.stderr == "tracker: no document with id 9; `tracker documents list` shows them\n"


def test_search_finds_items_meetings_and_documents_by_words_and_party_names(cli, seed_path):
    cli("ingest", seed_path)
    cli("items", "add", "Visit of the working group", "--kind", "visit", "--party", "HU", "--due", "in 2018")

    def found(*words: str) -> list[tuple[str, int]]:
        result = cli("search", *words, "--json")
        assert result.exit_code == 0, result.stderr
        return [(hit["kind"], hit["id"]) for hit in json.loads(result.stdout)]

    assert found("minsk", "CONSULT") == [("item", 1), ("document", 1)]
    assert found("Hungary") == [("item", 2)]  # a country's name finds its party code
    assert found("Belgrade", "Serbia") == [("meeting", 1), ("document", 1)]
    assert found("100%_") == []  # LIKE wildcards are taken literally
    assert cli("search", "nothingness").stdout == "nothing found for 'nothingness'\n"


def test_editing_a_meeting_reassesses_its_links(cli, seed_path):
    cli("ingest", seed_path)
    talks = json.loads(add_minsk_meeting(cli, "--json", start="2017-05-15", kind="talks").stdout)

    def reason() -> str:
        [link] = json.loads(cli("review", "list", "--json").stdout)["links"]
        return link["reason"]

    assert "only loosely fits" in reason()
    assert cli("meetings", "edit", talks["id"], "--kind", "consultations").exit_code == 0
    assert "only loosely fits" not in reason() and "kind consultations fits consultations" in reason()
    assert cli("meetings", "edit", talks["id"], "--city", "Vitebsk").exit_code == 0
    assert reason() == "no longer fits since the meeting was edited: held in Vitebsk, not Minsk"
    history = json.loads(cli("items", "show", "1", "--json").stdout)["history"]
    assert [h["reason"] for h in history if h["field"] == "fulfilment_link"][-1] == (
        f"meeting #{talks['id']} (consultations, Vitebsk, 2017-05-15) was edited"
    )


def test_global_options_after_a_group_run_as_a_command(cli, seed_path):
    cli("ingest", seed_path)
    result = cli("review", "--today", "2017-06-01", input="q\n")
    assert result.exit_code == 0, result.stderr
    assert "stopped; 0 decision(s) saved, 0 skipped" in result.stdout


def test_every_party_filter_reads_names(cli, seed_path):
    cli("ingest", seed_path)
    reminded = json.loads(cli("remind", "--party", "Belarus", "--json", today="2018-01-02").stdout)
    assert [item["id"] for item in reminded["overdue"]] == [1]
    [record] = json.loads(
        cli("report", "compliance", "--party", "Belarus", "--json", today="2018-01-02").stdout
    )["records"]
    assert record["party"] == "BY" and record["made"] == 1
    weekly = json.loads(
        cli("report", "weekly", "--party", "serbia", "--format", "json", today="2018-01-02").stdout
    )
    assert weekly["party"] == "RS"
    assert cli("cadence", "--party", "Belarus").exit_code == 0
    refused = cli("remind", "--party", "Belaruss")
    assert refused.exit_code == 2 and "did you mean Belarus (BY)" in refused.stderr


# 14. A fresh `make demo` printed setuptools' "Editable installation ... be careful" box.


def test_the_editable_install_hides_setuptools_notice_and_nothing_else(tmp_path):
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if re.search(r"pip install .*-e ", line)]
    assert installs and all(line.strip().startswith("$(QUIET_EDITABLE) ") for line in installs)
    setting = re.search(r"^QUIET_EDITABLE := PYTHONWARNINGS='([^']+)'$", makefile, re.MULTILINE)[1]
    # What setuptools does inside pip's build process, and a warning that must still show.
    backend = (
        "import warnings\n"
        "warnings.warn('Editable installation.\\n!!\\n  Please be careful with folders', UserWarning)\n"
        "warnings.warn('Package would be ignored', UserWarning)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", backend],
        env={**os.environ, "PYTHONWARNINGS": setting},
        capture_output=True,
        text=True,
        timeout=60,
    ).stderr
    assert "Editable installation" not in shown and "Package would be ignored" in shown


def test_spaces_around_a_typed_city_are_dropped_so_the_meeting_still_fulfils_the_item(cli):
    """`--city " MINSK "` was stored as typed, and matching (which trims) then missed the meeting."""
    added = cli(
        "items", "add", "Next round", "--kind", "consultations", "--city", " Minsk  ", "--party", "BY,RS",
        "--due", "in 2017", "--json", today="2017-01-15",
    )  # fmt: skip
    item = json.loads(added.stdout)
    assert item["city"] == "Minsk"
    meeting = cli(
        "meetings", "add", "--start", "2017-05-12", "--kind", "consultations", "--city", "  MINSK ",
        "--party", "BY,RS", "--json", today="2017-05-13",
    )  # fmt: skip
    assert meeting.exit_code == 0, meeting.stderr
    assert json.loads(meeting.stdout)["city"] == "MINSK"
    shown = json.loads(cli("items", "show", str(item["id"]), "--json", today="2017-05-13").stdout)
    assert shown["status"] == "fulfilled", shown
    meeting_id = str(json.loads(meeting.stdout)["id"])
    edited = cli("meetings", "edit", meeting_id, "--city", " ")
    assert edited.exit_code == 0, edited.stderr
    assert json.loads(cli("meetings", "show", meeting_id, "--json").stdout)["city"] is None, (
        "only spaces: none"
    )


def test_a_text_the_extractor_fails_on_is_named_and_the_others_are_stored(cli, tmp_path, monkeypatch):
    """A bug met on one release must not stop the morning's ingest (nor store that release half-read)."""
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "b.txt").write_text("Mongolia and Japan held talks in Ulaanbaatar on 3 May 2017.\n", "utf-8")
    fail_extraction_on(monkeypatch, "Ulaanbaatar")
    result = cli("ingest", folder)
    assert result.exit_code == 1
    assert result.stderr == (
        f"tracker: warning: {folder}/b.txt: the extractor failed on this text (KeyError: 'a bug'); "
        "not stored; please report it with the file\n"
    )
    assert result.stdout.splitlines() == [
        f"{folder}/a.txt: added 1 meeting(s), 1 item(s)",
        "1 document(s): 1 new, 0 already stored; added 1 meeting(s) and 1 item(s); 1 file(s) not read (see above)",
    ]
    monkeypatch.undo()  # the tracker fixed: the release is read on the next run
    again = cli("ingest", folder)
    assert again.exit_code == 0 and again.stdout.splitlines()[-1].startswith(
        "2 document(s): 1 new, 1 already"
    )
