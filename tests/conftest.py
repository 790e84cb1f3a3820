"""Shared fixtures: real databases (a SQLite file always, PostgreSQL when reachable), a CLI runner.

PostgreSQL: each test gets a fresh, empty schema on 127.0.0.1:5432 (user postgres), in a database
of its test process. Locally an unreachable server skips those tests with one line; in CI
(`CI=true`) it fails them.
"""

from __future__ import annotations

import os
import uuid

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy.engine import URL, make_url
from typer.testing import CliRunner

from tracker.cli import load_commands
from tracker.storage.db import make_engine, upgrade

# The tests drive `app` themselves (not through `main`), so every command is registered up front.
load_commands()

PG_ADMIN_URL = os.environ.get("TRACKER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

hypothesis_settings.register_profile("ci", max_examples=300, derandomize=True, deadline=None)
hypothesis_settings.register_profile("dev", max_examples=60, deadline=None)
hypothesis_settings.load_profile("ci" if IN_CI else "dev")


def _pg_reachable() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), connect_timeout=3):
            return None
    except Exception as err:  # any failure means "not reachable" here
        return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


_PG_PROBLEM = _pg_reachable()


def pytest_collection_modifyitems(config, items):
    """Slow tests first (a stable sort): the workers start on them, so the run never ends waiting on one."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_report_header(config):
    if _PG_PROBLEM:
        return f"PostgreSQL at 127.0.0.1:5432 unreachable ({_PG_PROBLEM}): PostgreSQL tests skipped"
    return "PostgreSQL at 127.0.0.1:5432: reachable, tests run on SQLite and PostgreSQL"


def _require_postgres() -> None:
    if _PG_PROBLEM is None:
        return
    if IN_CI:
        pytest.fail(f"PostgreSQL unreachable in CI: {_PG_PROBLEM}")
    pytest.skip("PostgreSQL unreachable")


@pytest.fixture(scope="session")
def _session_cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path, _session_cache_dir):
    """No test sees the developer's settings, database or real date overrides, nor writes to the real ~/.cache."""
    for name in list(os.environ):
        if name.startswith("TRACKER_") and name != "TRACKER_TEST_PG":
            monkeypatch.delenv(name)
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(_session_cache_dir))


@pytest.fixture(scope="session")
def _pg_worker_database():
    """One PostgreSQL database per test process, dropped at its end; each test gets a schema in it.

    CREATE and DROP DATABASE each force a checkpoint (about a second apiece, for some 230 tests); a
    schema costs milliseconds. Tests then run the tracker in a schema of its own through search_path,
    which also keeps code honest about never naming `public`.
    """
    import psycopg

    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    admin = PG_ADMIN_URL.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield make_url(PG_ADMIN_URL).set(database=name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _create_pg_schema(database: URL) -> str:
    """A fresh, empty schema in `database`; the URL of it (as the only schema on the search path)."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = database.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return database.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@pytest.fixture
def make_db_url(tmp_path, request):
    """Factory: a fresh, empty database URL of the given engine ('sqlite' or 'postgres').

    On PostgreSQL the database is a schema of its own (see `_pg_worker_database`)."""

    def make(engine: str = "sqlite") -> str:
        if engine == "sqlite":
            # An existing empty file: reading commands refuse a missing one (issue #14).
            path = tmp_path / f"tracker-{uuid.uuid4().hex[:8]}.db"
            path.touch()
            return f"sqlite:///{path}"
        _require_postgres()
        return _create_pg_schema(request.getfixturevalue("_pg_worker_database"))

    return make


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, make_db_url) -> str:
    """An empty database on each engine (the test runs once per engine)."""
    return make_db_url(request.param)


@pytest.fixture
def engine(db_url):
    """An engine on a database already at schema head."""
    eng = make_engine(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):
    from sqlalchemy.orm import Session

    with Session(engine, expire_on_commit=False) as sess:
        yield sess
        sess.rollback()


@pytest.fixture
def cli(db_url):
    """Run `tracker --db <db_url> ARGS...`; returns the Click result (stdout, stderr, exit_code)."""
    from tracker.cli import app

    runner = CliRunner()

    def run(*args: str, today: str | None = None, input: str | None = None):
        prefix = ["--db", db_url] + (["--today", today] if today else [])
        return runner.invoke(app, prefix + [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def seed_path():
    from pathlib import Path

    return Path(__file__).resolve().parents[1] / "seeds"
