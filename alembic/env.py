"""Alembic environment: the engine comes from the tracker (config attribute or settings)."""

from alembic import context
from tracker.storage.models import Base

target_metadata = Base.metadata


def _engine():
    engine = context.config.attributes.get("engine")
    if engine is None:
        from tracker.config import resolve_settings
        from tracker.storage.db import make_engine

        engine = make_engine(resolve_settings().db_url)
    return engine


def run_migrations_offline() -> None:
    from tracker.config import resolve_settings

    context.configure(
        url=resolve_settings().db_url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = _engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
