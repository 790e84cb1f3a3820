"""Issue #14: the traps a new user fell into and the outcomes the tool kept silent about.

Each test failed on main before its fix.
"""

from __future__ import annotations

import json

import pytest
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
    assert result.stderr == (f"tracker: no database at {tmp_path}/nonexistent/dir/x.db "
                             "(run `tracker db upgrade` or ingest something to create it)\n")
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize("command", [["meetings", "list"], ["remind"], ["report", "weekly"], ["review", "list"],
                                     ["export", "ics", "-o", "-"], ["dump", "-o", "-"], ["db", "current"]])
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


@pytest.mark.parametrize("given, opened", [
    ("postgres://me@db.example/tracker", "postgresql+psycopg://me@db.example/tracker"),
    ("postgresql://me@db.example/tracker", "postgresql+psycopg://me@db.example/tracker"),
    ("postgres+psycopg://me@db.example/tracker", "postgresql+psycopg://me@db.example/tracker"),
])
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

