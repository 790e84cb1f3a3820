"""The Typer application: global options, the shared context, and error mapping.

Errors are translated in exactly one place (`TrackerGroup.invoke`): a
TrackerError becomes `tracker: <message>` on stderr and its exit status.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from tracker.config import Settings, resolve_settings
from tracker.errors import TrackerError

__all__ = ["app", "AppContext", "get_context", "print_json", "fail"]


class TrackerGroup(TyperGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TrackerError as err:
            typer.echo(f"tracker: {err}", err=True)
            raise typer.Exit(err.exit_code) from None


@dataclass
class AppContext:
    """What every command needs: the resolved settings and, on first use, an engine at schema head."""

    settings: Settings
    _engine: Any = field(default=None, repr=False)

    @property
    def today(self):
        return self.settings.effective_today()

    def engine(self, upgrade: bool = True, create: bool = True):
        """The engine, made on first use; `create=False` (reading commands) refuses a missing SQLite file."""
        if self._engine is None:
            from tracker.storage.db import ensure_schema, make_engine

            self._engine = make_engine(self.settings.db_url, create=create)
            if upgrade:
                ensure_schema(self._engine)
        return self._engine

    def close(self) -> None:
        """Return the engine's connections when the command ends (no leaked connections under tests)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def session(self, read_only: bool = False):
        """One session for one command, committed at the end of the block.

        A read-only session never creates the database: a mistyped `--db` is an error, not an empty list.
        """
        from tracker.storage.db import session_scope

        return session_scope(self.engine(create=not read_only), read_only=read_only)

    def now(self):
        from tracker.clock import now

        return now(self.settings.today)


app = typer.Typer(
    cls=TrackerGroup, no_args_is_help=True, add_completion=False,
    help="Turn diplomatic press releases into a calendar of meetings and follow-ups nobody forgets.",
)


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: str | None = typer.Option(None, "--db", help="Database: an SQLite file path or a URL, e.g. postgresql://user@host/db (env TRACKER_DB_URL).",
        show_default=False),
    today: str | None = typer.Option(None, "--today", help="Act as if today were YYYY-MM-DD (env TRACKER_TODAY)."),
) -> None:
    """Diplomatic calendar and follow-up tracker."""
    try:
        settings = resolve_settings({"db_url": db, "today": today})
    except TrackerError as err:
        typer.echo(f"tracker: {err}", err=True)
        raise typer.Exit(err.exit_code) from None
    # The gazetteer caches its index there, never elsewhere. Only the commands that read
    # places load it (with their module, before this runs); the others skip its import.
    gazetteer = sys.modules.get("tracker.gazetteer")
    if gazetteer is not None:
        gazetteer.configure_cache(Path(settings.cache_dir))
    ctx.obj = AppContext(settings)
    ctx.call_on_close(ctx.obj.close)


def get_context(ctx: typer.Context) -> AppContext:
    return ctx.find_root().obj


def print_json(value: object) -> None:
    """Print exactly one JSON document on stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"tracker: {message}", err=True)
    return typer.Exit(code)
