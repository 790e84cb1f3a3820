"""The everyday commands run without SQLAlchemy on a database at schema head (tracker/speed/dbapi.py, issue #16).

Each command runs in a fresh interpreter, as a user runs it, on a copy of a small database (the
seeds), and must not load SQLAlchemy; where the driver's path does not serve (a database to
create or refuse, an item a stored meeting could fulfil) the command still does what it did.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds"
_REPORT = (
    "import sys; from tracker.cli import main; sys.argv = ['tracker', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
)


def _run(args: list[str], env: dict) -> tuple[subprocess.CompletedProcess, set[str]]:
    """`tracker args` in a fresh interpreter; its outcome and the modules it loaded."""
    done = subprocess.run(
        [sys.executable, "-c", _REPORT, *args], capture_output=True, text=True, env=env, timeout=120
    )
    return done, set(done.stderr.splitlines()[-1].split())


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("startup-dbapi")
    env = _environment(folder / "small.db", folder)
    subprocess.run([sys.executable, "-m", "tracker", "ingest", str(SEED)], env=env, check=True, timeout=300)
    return folder / "small.db"


def _environment(database: Path, folder: Path) -> dict:
    return {
        **os.environ,
        "TRACKER_CONFIG": os.devnull,
        "TRACKER_DB_URL": f"sqlite:///{database}",
        "TRACKER_CACHE_DIR": str(folder / "cache"),
        "TRACKER_TODAY": "2017-06-01",
    }


@pytest.fixture
def small_db(seeded, tmp_path) -> dict:
    """An environment on a copy of the seeded database, with the seeded gazetteer cache."""
    shutil.copyfile(seeded, tmp_path / "small.db")
    shutil.copytree(seeded.parent / "cache", tmp_path / "cache")
    return _environment(tmp_path / "small.db", tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["items", "list"],
        ["items", "list", "--all", "--party", "BY", "--status", "open", "--kind", "consultations"],
        ["items", "list", "--overdue"],
        ["items", "show", "1"],
        ["meetings", "list"],
        ["meetings", "list", "--party", "RS", "--since", "2016-01-01", "--all"],
        ["meetings", "show", "1"],
        [
            "items",
            "add",
            "Visit of the working group",
            "--kind",
            "visit",
            "--party",
            "HU",
            "--due",
            "in 2018",
        ],
    ],
    ids=" ".join,
)
def test_the_everyday_commands_load_no_sqlalchemy(args, small_db):
    done, loaded = _run(args, small_db)
    assert "Traceback" not in done.stderr and done.stdout, done.stderr
    assert not {m for m in loaded if m.split(".")[0] == "sqlalchemy"}
    assert "tracker.speed.dbapi" in loaded


def test_an_item_a_meeting_could_fulfil_is_added_through_matching(small_db):
    # The seeds' meeting (2016-10-06, BY and RS, Belgrade) fulfils a visit to Belgrade agreed before it.
    args = ["--today", "2016-09-01", "items", "add", "Visit", "--kind", "consultations", "--party", "BY,RS"]
    done, loaded = _run([*args, "--city", "Belgrade", "--due", "in 2016", "--json"], small_db)
    assert '"status": "fulfilled"' in done.stdout, done.stderr
    assert "sqlalchemy.orm" in loaded


def test_a_missing_database_is_refused_as_before(tmp_path):
    env = _environment(tmp_path / "missing.db", tmp_path)
    for args in (["items", "list"], ["items", "show", "1"], ["meetings", "list"]):
        done = subprocess.run(
            [sys.executable, "-m", "tracker", *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 5
        assert done.stderr.startswith(f"tracker: no database at {tmp_path / 'missing.db'}")
    assert not (tmp_path / "missing.db").exists()


def test_another_programs_database_is_refused_as_before(tmp_path):
    foreign = tmp_path / "places.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER)")
    before = foreign.read_bytes()
    env = _environment(foreign, tmp_path)
    for args in (["items", "list"], ["items", "add", "A visit"]):
        done = subprocess.run(
            [sys.executable, "-m", "tracker", *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 5 and "holds tables of another program (moz_places)" in done.stderr
    assert foreign.read_bytes() == before


def test_items_add_creates_a_new_database_as_before(tmp_path):
    env = _environment(tmp_path / "new" / "desk.db", tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "items", "add", "A visit"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.startswith("added #1"), done.stderr
    done, loaded = _run(["items", "list"], env)
    assert "A visit" in done.stdout and "tracker.speed.dbapi" in loaded
    assert not {m for m in loaded if m.split(".")[0] == "sqlalchemy"}
