"""Bad input gives one clear line and the exit status of STYLE.md section 4, never a traceback (issue #7).

A batch (a folder) warns about the documents it cannot read and goes on with
the others. A refused document leaves nothing behind: no document row, no
meeting, no item.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app

from .docgen import press_release

MEETING_TEXT = (
    "On 6 October 2016, political consultations between the foreign ministries of Serbia and Belarus "
    "were held in Belgrade. It was agreed to hold the next round of political consultations in Minsk "
    "in 2017.\n"
)
FILLER = "The delegations exchanged views on regional questions and on cooperation in international bodies. "
SECRET = "s3cret-Pa55word"


def _html_with_scripts() -> bytes:
    scripts = "".join(
        f"<script>document.write('<p>On {i} May 2016 talks were held in Oslo.</p>');</script>"
        for i in range(1, 200)
    )
    return (
        f"<!doctype html><html><head><title>Consultations</title><script>alert('x')</script>"
        f"<style>p {{color: red}}</style></head><body>{scripts}<article><p>{MEETING_TEXT}</p></article>"
        f"<script src='https://evil.example/x.js'></script><noscript>alert</noscript></body></html>"
    ).encode()


# name -> (file name, bytes, allowed exit codes, what stderr must say when the exit code is not 0)
DOCUMENTS = {
    "empty": ("empty.txt", b"", {2}, "empty"),
    "whitespace only": ("blank.txt", b"  \n\n\t \r\n", {0, 2}, "empty"),
    "binary": ("image.txt", bytes(range(256)) * 64, {2}, "not a text"),
    "invalid UTF-8": (
        "latin1.txt",
        MEETING_TEXT.replace("Belgrade", "Beograd – café").encode("cp1252") + b"\xff\xfe\x81",
        {0, 2},
        "UTF-8",
    ),
    "UTF-16 with BOM": (
        "utf16.txt",
        "\ufeff".encode("utf-16-le") + MEETING_TEXT.encode("utf-16-le"),
        {0},
        "",
    ),
    "UTF-16 big endian with BOM": (
        "utf16be.txt",
        "\ufeff".encode("utf-16-be") + MEETING_TEXT.encode("utf-16-be"),
        {0},
        "",
    ),
    "very large": ("large.txt", (MEETING_TEXT + FILLER * 21_000).encode(), {0, 2}, "large"),
    "HTML full of scripts": ("scripts.html", _html_with_scripts(), {0}, ""),
    "impossible dates": (
        "impossible.txt",
        b"On 31 February 2017, political consultations between Serbia and "
        b"Belarus were held in Belgrade. The next round of consultations will be held in Minsk on "
        b"30 February 2018 or on 0 March 2018, or in the 13th month of 2018.\n",
        {0},
        "",
    ),
    "unknown countries": (
        "unknown.txt",
        b"On 6 October 2016, political consultations between Freedonia and "
        b"Sylvania were held in Zembla City. The sides agreed to hold the next round in "
        b"Ruritania in 2017.\n",
        {0},
        "",
    ),
}


def _run(db_url: str, *args: object):
    return CliRunner().invoke(
        app, ["--db", db_url, "--today", "2017-06-01", *[str(a) for a in args]], catch_exceptions=False
    )


def _one_clear_line(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("tracker: "), stderr


def _documents(db_path) -> list[tuple[str, str]]:
    if not db_path.exists():
        return []
    with sqlite3.connect(db_path) as connection:
        try:
            return connection.execute("SELECT source, text FROM documents").fetchall()
        except sqlite3.OperationalError:
            return []


def _orphans(db_path) -> int:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT (SELECT count(*) FROM meetings WHERE document_id NOT IN (SELECT id FROM documents)) + "
            "(SELECT count(*) FROM commitments WHERE document_id NOT IN (SELECT id FROM documents))"
        ).fetchone()[0]


@pytest.mark.parametrize("case", list(DOCUMENTS))
def test_one_bad_document(case, tmp_path):
    name, content, allowed, message = DOCUMENTS[case]
    path = tmp_path / name
    path.write_bytes(content)
    db_path = tmp_path / "tracker.db"
    result = _run(f"sqlite:///{db_path}", "ingest", path, "--json")
    assert result.exit_code in allowed, result.stderr
    assert "Traceback" not in result.stderr
    if result.exit_code:
        _one_clear_line(result.stderr)
        assert message.lower() in result.stderr.lower()
        assert str(path) in result.stderr  # the line names the file
        assert result.stdout == ""
        assert _documents(db_path) == []  # nothing half-written
        return
    summary = json.loads(result.stdout)  # --json: exactly one JSON document on stdout
    stored = _documents(db_path)
    assert summary["added"] == len(stored) <= 1
    assert _orphans(db_path) == 0
    for _, text in stored:
        assert "\x00" not in text and "\ufffd" not in text or case == "invalid UTF-8"
    if case.startswith("UTF-16"):
        assert "Belgrade" in stored[0][1] and summary["meetings"] >= 1
    if case == "HTML full of scripts":
        text = stored[0][1]
        assert "alert" not in text and "<script" not in text and "document.write" not in text
        assert "Belgrade" in text
    if case == "very large":
        assert len(stored[0][1]) > 2_000_000  # stored whole, not cut


def test_impossible_dates_never_become_dates(tmp_path):
    path = tmp_path / "impossible.txt"
    path.write_bytes(DOCUMENTS["impossible dates"][1])
    db_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    assert _run(db_url, "ingest", path).exit_code == 0
    meetings = json.loads(_run(db_url, "meetings", "list", "--json").stdout)
    items = json.loads(_run(db_url, "items", "list", "--json").stdout)
    assert all(m["start"] != "2017-02-31" for m in meetings)
    for item in items:
        window = item["window"]
        assert (window["start"] is None) == (window["end"] is None)
        if window["start"]:
            assert window["start"] <= window["end"]


def test_a_batch_warns_and_goes_on(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, content, _, _ in DOCUMENTS.values():
        if name != "large.txt":
            (folder / name).write_bytes(content)
    (folder / "good-1.txt").write_text(press_release(1), encoding="utf-8")
    (folder / "good-2.txt").write_text(press_release(2), encoding="utf-8")
    db_path = tmp_path / "tracker.db"
    result = _run(f"sqlite:///{db_path}", "ingest", folder, "--json")
    assert result.exit_code == 1, result.stderr  # a partial failure (issue #14)
    assert "Traceback" not in result.stderr
    warnings = result.stderr.splitlines()
    assert warnings and all(line.startswith("tracker: warning: ") for line in warnings), warnings
    assert any("empty.txt" in line for line in warnings) and any("image.txt" in line for line in warnings)
    summary = json.loads(result.stdout)
    sources = {source for source, _ in _documents(db_path)}
    assert {str(folder / "good-1.txt"), str(folder / "good-2.txt")} <= sources
    assert summary["added"] == len(sources)
    assert _orphans(db_path) == 0


def test_missing_file_is_exit_2(tmp_path):
    result = _run(f"sqlite:///{tmp_path / 'tracker.db'}", "ingest", tmp_path / "nope.txt")
    assert result.exit_code == 2
    _one_clear_line(result.stderr)
    assert "nope.txt" in result.stderr


def test_missing_files_in_a_batch_of_files_warn(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(press_release(3), encoding="utf-8")
    result = _run(f"sqlite:///{tmp_path / 'tracker.db'}", "ingest", tmp_path / "nope.txt", good)
    assert result.exit_code == 1  # a partial failure (issue #14)
    assert result.stderr.startswith("tracker: warning: ") and "nope.txt" in result.stderr


def _storage_cases(tmp_path) -> dict[str, str]:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_bytes(b"These are notes, not an SQLite database. " * 200)
    cases = {
        "folder is a file": f"sqlite:///{a_file}/tracker.db",
        "database is a folder": f"sqlite:///{tmp_path}",
        "file is not a database": f"sqlite:///{not_a_database}",
        "port is not a number": f"postgresql+psycopg://postgres:{SECRET}@127.0.0.1:port/x",
        "unknown driver": f"oracle+nosuchdriver://scott:{SECRET}@127.0.0.1/x",
        "not a URL at all": f"{SECRET} is not a URL",
        # Nothing listens on 5433: the password is never checked, but it must not show.
        "wrong password": f"postgresql+psycopg://postgres:{SECRET}@127.0.0.1:5433/x",
        "password as a query parameter": f"postgresql+psycopg://postgres@127.0.0.1:5433/x?password={SECRET}",
    }
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        cases["read-only folder"] = f"sqlite:///{locked}/sub/tracker.db"
    return cases


STORAGE_CASES = [
    "folder is a file",
    "database is a folder",
    "file is not a database",
    "port is not a number",
    "unknown driver",
    "not a URL at all",
    "wrong password",
    "password as a query parameter",
    "read-only folder",
]


@pytest.mark.parametrize("case", STORAGE_CASES)
@pytest.mark.parametrize("command", [("items", "list", "--json"), ("ingest", "DOC")], ids=["list", "ingest"])
def test_unusable_database_is_exit_5(case, command, tmp_path):
    cases = _storage_cases(tmp_path)
    if case not in cases:
        pytest.skip("running as root: file modes do not stop writes")
    document = tmp_path / "doc.txt"
    document.write_text(MEETING_TEXT, encoding="utf-8")
    result = _run(cases[case], *[str(document) if part == "DOC" else part for part in command])
    assert result.exit_code == 5, result.stderr
    _one_clear_line(result.stderr)
    assert SECRET not in result.stderr and SECRET not in result.stdout
    assert result.stdout == ""


@pytest.mark.postgres
def test_postgresql_role_that_does_not_exist_is_exit_5_without_password(make_db_url):
    base = make_db_url("postgres")  # only to skip when PostgreSQL is down
    url = base.replace("postgres@", f"nosuchrole:{SECRET}@", 1)
    result = _run(url, "items", "list")
    assert result.exit_code == 5
    _one_clear_line(result.stderr)
    assert SECRET not in result.stderr and "nosuchrole" in result.stderr


def test_read_only_database_refuses_the_write_and_keeps_its_content(tmp_path, seed_path):
    db_path = tmp_path / "tracker.db"
    assert _run(f"sqlite:///{db_path}", "ingest", seed_path).exit_code == 0
    before = _documents(db_path)
    document = tmp_path / "doc.txt"
    document.write_text(press_release(4), encoding="utf-8")
    result = _run(f"sqlite:///file:{db_path}?mode=ro&uri=true", "ingest", document)
    assert result.exit_code == 5
    _one_clear_line(result.stderr)
    assert _documents(db_path) == before
    assert not (Path.cwd() / "file:").exists()  # no stray folder named after the URI


# Issue #17: rows added to the table of #7. name -> (arguments, exit code, what the one stderr line says).
# "DB" is replaced by the database's URL, "TRUNCATED"/"NOISE"/"FUTURE"/"FOREIGN" by a prepared SQLite file's.
HUGE_IDS = {"sqlite": "99999999999999999999", "postgres": "2147483648"}
COMMANDS_17 = {
    "items show, id beyond the driver": (["items", "show", "ID"], 3, "no item with id"),
    "items done --by, id beyond the driver": (["items", "done", "1", "--by", "ID"], 3, "no meeting with id"),
    "meetings show, id beyond the driver": (["meetings", "show", "ID"], 3, "no meeting with id"),
    "review confirm, id beyond the driver": (["review", "confirm", "ID"], 3, "no item with id"),
    "review confirm-link, id beyond the driver": (["review", "confirm-link", "ID"], 3, "no fulfilment link"),
    "db upgrade 0002": (["db", "upgrade", "0002"], 2, "cannot migrate to revision '0002'"),
}
FILES_17 = {
    "db upgrade on random bytes": ("NOISE", ["db", "upgrade"], 5, "not a database"),
    "db upgrade on a truncated database": ("TRUNCATED", ["db", "upgrade"], 5, ""),
    "db upgrade at an unknown future revision": ("FUTURE", ["db", "upgrade"], 5, "unknown to this version"),
    "items list at an unknown future revision": ("FUTURE", ["items", "list"], 5, "unknown to this version"),
    "another program's database, items list": ("FOREIGN", ["items", "list"], 5, "tables of another program"),
    "another program's database, db upgrade": ("FOREIGN", ["db", "upgrade"], 5, "tables of another program"),
}


@pytest.mark.parametrize("case", list(COMMANDS_17))
def test_bad_arguments_of_17(case, cli, db_url):
    args, code, message = COMMANDS_17[case]
    engine = "postgres" if db_url.startswith("postgresql") else "sqlite"
    assert cli("items", "add", "Round", "--start", "2017-01-01", "--end", "2017-12-31").exit_code == 0
    result = cli(*[HUGE_IDS[engine] if part == "ID" else part for part in args])
    assert result.exit_code == code, result.stderr
    _one_clear_line(result.stderr)
    assert message in result.stderr


def _prepared_file(kind: str, tmp_path) -> Path:
    path = tmp_path / f"{kind.lower()}.db"
    if kind == "NOISE":
        path.write_bytes(os.urandom(64 * 1024))
    elif kind == "FOREIGN":  # e.g. a browser's history
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
            connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    else:
        assert _run(f"sqlite:///{path}", "items", "add", "Round", "--start", "2017-01-01").exit_code == 0
        if kind == "FUTURE":
            with sqlite3.connect(path) as connection:
                connection.execute("UPDATE alembic_version SET version_num = 'zz99_from_the_future'")
        else:  # TRUNCATED: cut in the middle of its pages
            with sqlite3.connect(path) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.execute("PRAGMA journal_mode = DELETE")
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2 + 100])
    return path


@pytest.mark.parametrize("case", list(FILES_17))
def test_unusable_database_files_of_17(case, tmp_path):
    kind, args, code, message = FILES_17[case]
    path = _prepared_file(kind, tmp_path)
    before = path.read_bytes()
    result = _run(f"sqlite:///{path}", *args)
    assert result.exit_code == code, (result.stderr, result.stdout)
    _one_clear_line(result.stderr)
    assert message in result.stderr
    if kind == "FOREIGN":
        assert path.read_bytes() == before  # not one byte written into it (not even WAL mode)
    if kind == "FUTURE":
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
                ("zz99_from_the_future",)
            ]


def test_db_current_does_not_advise_an_upgrade_that_cannot_run(tmp_path):
    path = _prepared_file("FUTURE", tmp_path)
    result = _run(f"sqlite:///{path}", "db", "current")
    assert result.exit_code == 0
    assert "zz99_from_the_future" in result.stdout and "upgrade tracker" in result.stdout
    assert "needs `tracker db upgrade`" not in result.stdout


def test_an_empty_file_is_still_a_new_database(tmp_path):
    path = tmp_path / "touched.db"
    path.touch()
    assert _run(f"sqlite:///{path}", "items", "list").exit_code == 0
