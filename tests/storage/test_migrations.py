"""The schema is made by Alembic only, and migrations go down and up on a populated database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from tracker.storage import models as m
from tracker.storage.db import (
    SCHEMA_HEAD,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    session_scope,
    upgrade,
)


def test_schema_head_constant_names_the_newest_migration():
    assert SCHEMA_HEAD == head_revision(), "set tracker.storage.db.SCHEMA_HEAD to the new revision"


def test_models_and_migrations_agree(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), m.Base.metadata)
    assert diff == []


def test_downgrade_base_then_upgrade_head_on_populated_db(cli, db_url, seed_path):
    assert cli("ingest", seed_path).exit_code == 0
    engine = make_engine(db_url)
    downgrade(engine, "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(m.Commitment)) == 0
    assert cli("ingest", seed_path).exit_code == 0
    engine.dispose()


@pytest.mark.empty_db
def test_any_command_upgrades_an_empty_database(cli, db_url):
    assert cli("items", "list").exit_code == 0
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def _schema_text(url: str) -> list[str]:
    """Every table, column, index and constraint of the database, as the engine describes them."""
    engine = make_engine(url)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").all()
        else:
            rows = connection.exec_driver_sql(
                "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, "
                "column_default FROM information_schema.columns WHERE table_schema = current_schema() "
                "UNION ALL SELECT tablename, indexname, indexdef, NULL, NULL, NULL FROM pg_indexes "
                "WHERE schemaname = current_schema() UNION ALL SELECT conrelid::regclass::text, conname, "
                "pg_get_constraintdef(oid), NULL, NULL, NULL FROM pg_constraint "
                "WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2, 3"
            ).all()
        rows += connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    engine.dispose()
    schema = make_url(url).query.get("options", "").removeprefix("-csearch_path=")
    return [repr(tuple(row)).replace(f"{schema}.", "") for row in rows]


@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_tests_database_at_head_is_what_the_migrations_make(make_db_url, engine_name):
    """tests/conftest.py copies or replays one migrated database for speed: it must be the same schema."""
    migrated = make_db_url(engine_name)
    engine = make_engine(migrated)
    upgrade(engine)
    engine.dispose()
    assert _schema_text(make_db_url(engine_name, at_head=True)) == _schema_text(migrated)
