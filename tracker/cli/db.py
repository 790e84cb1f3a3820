"""`tracker db upgrade|current`: the schema, made only by Alembic migrations."""

from __future__ import annotations

import typer

from tracker.cli.app import app, get_context
from tracker.config import mask_url_password
from tracker.storage.db import current_revision, head_revision, known_revisions, upgrade

db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade_cmd(ctx: typer.Context, revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Upgrade the schema; each migration runs in its own transaction.

    Example: tracker db upgrade
    """
    engine = get_context(ctx).engine(upgrade=False)
    upgrade(engine, revision)
    typer.echo(f"{mask_url_password(str(engine.url))}: at revision {current_revision(engine)}")


@db_app.command("current")
def current_cmd(ctx: typer.Context) -> None:
    """Show the schema revision of the database (read-only) and the newest one this version knows.

    Example: tracker db current
    """
    engine = get_context(ctx).engine(upgrade=False, create=False)
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        state = "up to date"
    elif current is not None and current not in known_revisions():
        state = "unknown to this version of tracker: upgrade tracker, not the database"
    else:
        state = "needs `tracker db upgrade`"
    typer.echo(
        f"{mask_url_password(str(engine.url))}: revision {current or 'none (empty)'}, head {head} ({state})"
    )
