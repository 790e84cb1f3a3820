"""Everything the tracker creates for the desk is private: folders 0700, files 0600 (issue #17, point 11).

Before: the database and its folder were 0644/0755 under the usual umask while
the dump was already 0600.
"""

from __future__ import annotations

import os
import stat

import pytest
from typer.testing import CliRunner

from tracker.cli import app


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _run(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_database_its_folders_and_its_side_files_are_private(tmp_path, seed_path, usual_umask):
    database = tmp_path / "data" / "tracker" / "tracker.db"
    assert _run("--db", f"sqlite:///{database}", "ingest", seed_path).exit_code == 0
    assert (_mode(tmp_path / "data"), _mode(database.parent)) == (0o700, 0o700)
    side_files = [database] + [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]
    modes = {path.name: _mode(path) for path in side_files if path.exists()}
    assert modes and set(modes.values()) == {0o600}, modes


def test_an_existing_database_keeps_its_mode(tmp_path, usual_umask):
    database = tmp_path / "shared.db"
    database.touch(mode=0o640)
    os.chmod(database, 0o640)
    assert _run("--db", f"sqlite:///{database}", "items", "list").exit_code == 0
    assert _mode(database) == 0o640


def test_a_written_report_is_private(tmp_path, seed_path, usual_umask):
    db_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _run("--db", db_url, "ingest", seed_path)
    report = tmp_path / "reports" / "week.html"
    result = _run(
        "--db", db_url, "--today", "2016-10-10", "report", "weekly", "--format", "html", "-o", report
    )
    assert result.exit_code == 0, result.stderr
    assert (_mode(report.parent), _mode(report)) == (0o700, 0o600)
