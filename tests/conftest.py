"""Shared fixtures: real databases (a SQLite file always, PostgreSQL when reachable), a CLI runner.

A test's database starts at schema head, made by copying (SQLite) or replaying (PostgreSQL) what the
migrations wrote once per test process; `make_db_url()` and tests marked `empty_db` start empty, so
the migrations and the first command's schema creation are still tested as users meet them.
PostgreSQL: each test gets a fresh schema on 127.0.0.1:5432 (user postgres), in a database of its
test process. Locally an unreachable server skips those tests with one line; in CI
(`CI=true`) it fails them.
"""

from __future__ import annotations

import functools
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import bytecode_cache  # noqa: F401  (first: the imports below and every process started are compiled once)

# isort: split
import pytest
import typer.main
import typer.testing
from hypothesis import settings as hypothesis_settings
from sqlalchemy import MetaData, event
from sqlalchemy.engine import URL, make_url
from typer.testing import CliRunner

from tracker.cli import load_commands
from tracker.storage.db import make_engine, upgrade

# The tests drive `app` themselves (not through `main`), so every command is registered up front.
load_commands()
# Typer's CliRunner builds the whole click command tree from `app` on every invoke (40-60 ms of CPU, most of
# a short command's test); `app` does not change once loaded, so the tree is built once per test process.
typer.testing._get_command = functools.cache(typer.main.get_command)

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
    with psycopg.connect(_plain(database), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return _schema_url(database, schema)


def _plain(database: URL) -> str:
    return database.set(drivername="postgresql").render_as_string(hide_password=False)


def _schema_url(database: URL, schema: str) -> str:
    return database.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


# What makes a schema the one at head: its relations, columns, defaults, constraints, indexes,
# triggers, functions and recorded revision (read with the schema first on the search path).
_SCHEMA_FINGERPRINT = """
SELECT md5(string_agg(part, ',' ORDER BY part)) FROM (
  SELECT c.relname || ':' || c.relkind::text || ':' || coalesce(a.attname || ' '
      || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' '
      || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), '') AS part
    FROM pg_class c
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE c.relnamespace = current_schema()::regnamespace
  UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE connamespace = current_schema()::regnamespace
  UNION ALL SELECT replace(indexdef, current_schema() || '.', '') FROM pg_indexes
    WHERE schemaname = current_schema()
  UNION ALL SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
  UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace
  UNION ALL SELECT 'revision ' || version_num FROM alembic_version
) parts
"""


class _PgSchemasAtHead:
    """PostgreSQL schemas at head for one test process, made by replaying what the migrations wrote.

    Making one costs about 0.4 s of file creation in the server (some 40 tables, indexes and
    sequences), and as much again to drop; emptying one costs a tenth of that. So a schema a test
    is done with is emptied and handed to a later test, but only when it is still exactly the
    schema at head (same fingerprint) and nothing holds a lock on it; otherwise it is left alone.
    """

    def __init__(self, database: URL):
        import psycopg

        self.database = database
        self.connection = psycopg.connect(_plain(database))
        template = _create_pg_schema(database)
        engine = make_engine(template)
        self.statements: list[tuple[str, Any]] = []
        event.listen(engine, "before_cursor_execute", self._record)
        upgrade(engine)
        event.remove(engine, "before_cursor_execute", self._record)
        tables = MetaData()
        tables.reflect(engine)
        engine.dispose()
        # Children before parents, so that no foreign key stops a DELETE.
        self.empty_all = "; ".join(
            f'DELETE FROM "{t.name}"' for t in reversed(tables.sorted_tables) if t.name != "alembic_version"
        )
        self.free: list[str] = []
        schema = make_url(template).query["options"].removeprefix("-csearch_path=")
        self.fingerprint = self._in_schema(
            schema, lambda conn: conn.execute(_SCHEMA_FINGERPRINT).fetchone()[0]
        )
        self.sequences = self._in_schema(
            schema,
            lambda conn: [
                row[0]
                for row in conn.execute(
                    "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"
                )
            ],
        )

    def _record(self, _conn, _cursor, statement, parameters, _context, _executemany):
        if not statement.lstrip().upper().startswith("SELECT"):  # reads change nothing
            self.statements.append((statement, parameters or None))

    def _in_schema(self, schema: str, work):
        with self.connection.transaction():
            self.connection.execute(f'SET LOCAL search_path TO "{schema}"')
            return work(self.connection)

    def take(self) -> tuple[str, str]:
        """(schema name, URL) of an empty schema at head."""
        if self.free:
            schema = self.free.pop()
        else:
            schema = f"t_{uuid.uuid4().hex[:12]}"
            with self.connection.transaction():
                self.connection.execute(f'CREATE SCHEMA "{schema}"')
                self.connection.execute(f'SET LOCAL search_path TO "{schema}"')
                for statement, parameters in self.statements:
                    self.connection.execute(statement, parameters)
        return schema, _schema_url(self.database, schema)

    def give_back(self, schema: str) -> None:
        import psycopg

        def empty(conn) -> bool:
            conn.execute("SET LOCAL lock_timeout = '2s'")
            if conn.execute(_SCHEMA_FINGERPRINT).fetchone()[0] != self.fingerprint:
                return False
            conn.execute(self.empty_all)
            conn.execute("SELECT setval(name, 1, false) FROM unnest(%s::text[]) AS name", [self.sequences])
            return True

        try:
            if self._in_schema(schema, empty):
                self.free.append(schema)
        except psycopg.Error:  # a lock still held, or a schema a test dropped: leave it
            pass

    def close(self) -> None:
        self.connection.close()


@pytest.fixture(scope="session")
def _sqlite_at_head(tmp_path_factory) -> Path:
    """One SQLite file brought to head by the migrations, copied for each test that starts there."""
    path = tmp_path_factory.mktemp("head") / "head.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _pg_at_head(_pg_worker_database):
    schemas = _PgSchemasAtHead(_pg_worker_database)
    yield schemas
    schemas.close()


@pytest.fixture
def make_db_url(tmp_path, request):
    """Factory: a fresh database URL of the given engine ('sqlite' or 'postgres'), empty, or at schema
    head with `at_head=True` (a copy of a migrated file, or a schema made as the migrations make it).

    On PostgreSQL the database is a schema of its own (see `_pg_worker_database`)."""

    def make(engine: str = "sqlite", at_head: bool = False) -> str:
        if engine == "sqlite":
            path = tmp_path / f"tracker-{uuid.uuid4().hex[:8]}.db"
            if at_head:
                shutil.copyfile(request.getfixturevalue("_sqlite_at_head"), path)
            else:
                # An existing empty file: reading commands refuse a missing one (issue #14).
                path.touch()
            return f"sqlite:///{path}"
        _require_postgres()
        if not at_head:
            return _create_pg_schema(request.getfixturevalue("_pg_worker_database"))
        schemas = request.getfixturevalue("_pg_at_head")
        schema, url = schemas.take()
        request.addfinalizer(lambda: schemas.give_back(schema))
        return url

    return make


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, make_db_url) -> str:
    """A database at schema head on each engine (the test runs once per engine); an empty one for a
    test marked `empty_db` (tests of what the first command does to a new database)."""
    return make_db_url(request.param, at_head=request.node.get_closest_marker("empty_db") is None)


@pytest.fixture
def engine(db_url):
    """An engine on the `db_url` database (at schema head unless the test is marked `empty_db`)."""
    eng = make_engine(db_url)
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
