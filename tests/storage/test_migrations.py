"""The schema is made by Alembic only, and migrations go down and up on a populated database."""

from __future__ import annotations

from sqlalchemy import func, select

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


def test_any_command_upgrades_an_empty_database(cli, db_url):
    assert cli("items", "list").exit_code == 0
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()
