"""The Typer application: global options, the shared context, and error mapping.

Errors are translated in exactly one place (`TrackerGroup.invoke`): a
TrackerError becomes `tracker: <message>` on stderr and its exit status.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from tracker.cli.output import print_json
from tracker.config import Settings, resolve_settings
from tracker.errors import TrackerError, exit_codes_text

__all__ = ["app", "AppContext", "get_context", "print_json", "fail"]


class TrackerGroup(TyperGroup):
    """The root command: maps errors to exit codes and takes global options wherever they are typed."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, _place_global_options(self, list(args)))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TrackerError as err:
            typer.echo(f"tracker: {err}", err=True)
            raise typer.Exit(err.exit_code) from None


def _options(command) -> dict[str, Any]:
    """Every option of `command` by each of its spellings (`--db`, `--no-x`, ...)."""
    return {
        name: param
        for param in command.params
        if getattr(param, "param_type_name", "") == "option"
        for name in (*param.opts, *param.secondary_opts)
    }


def _takes_value(option) -> bool:
    return not (option.is_flag or option.count)


def _place_global_options(root, args: list[str]) -> list[str]:
    """`args` with the root's options typed after the command moved before it (issue #14).

    `tracker remind --today 2026-08-20` reads as `tracker --today 2026-08-20 remind`, and
    `tracker --json items list` as `tracker items list --json`. The root's options and the
    command tree are read from Click, so a command group added later needs nothing here. An
    option the command itself declares stays with the command; `--` ends the search.
    """
    global_options = _options(root)
    before, stray, command_path = [], [], []
    command, index = root, 0
    # Walk the global options and the command path (`items list`) up to the command that runs.
    while index < len(args):
        word = args[index]
        index += 1
        name = word.split("=", 1)[0]
        if name in global_options:
            before.append(word)
            if "=" not in word and _takes_value(global_options[name]) and index < len(args):
                before.append(args[index])
                index += 1
        elif word.startswith("-"):
            stray.append(word)  # `--json` typed before the command
        else:
            command = getattr(command, "commands", {}).get(word)
            if command is None:
                return args  # an unknown command: Click says so
            command_path.append(word)
            if not hasattr(command, "commands"):
                break
    if not command_path:
        return args
    if hasattr(command, "commands"):  # a group run as a command (bare `tracker review`)
        return [*before, *command_path, *stray] if index >= len(args) else args
    own = _options(command)
    if any(word not in own or _takes_value(own[word]) for word in stray):
        return args  # not a flag of this command: Click's own message says what is wrong
    kept, moved = [], []
    while index < len(args):
        word = args[index]
        index += 1
        if word == "--":
            kept.extend(args[index - 1 :])
            break
        name = word.split("=", 1)[0]
        target = moved if name in global_options and name not in own else kept
        target.append(word)
        option = global_options.get(name) if target is moved else own.get(name)
        # An option's value goes with it: never read as a global option or moved away from it.
        if option is not None and "=" not in word and _takes_value(option) and index < len(args):
            target.append(args[index])
            index += 1
    return [*before, *moved, *command_path, *kept, *stray]


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
        """The real instant, for history and change times: `--today` sets the date read, not the one recorded."""
        from tracker import clock

        return clock.utc_now()


app = typer.Typer(
    cls=TrackerGroup,
    no_args_is_help=True,
    add_completion=True,
    help="Turn diplomatic press releases into a calendar of meetings and follow-ups nobody forgets.",
    epilog="Exit codes:\n" + exit_codes_text(),
)


def _print_version(value: bool) -> None:
    if value:
        from tracker import __version__

        typer.echo(f"tracker {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        help="Database: an SQLite file path or a URL, e.g. postgresql://user@host/db (env TRACKER_DB_URL).",
        show_default=False,
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        help="Read as of YYYY-MM-DD instead of the real date (env TRACKER_TODAY); history records the real time.",
    ),
    _version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_print_version, help="Print the version and exit."
    ),
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


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"tracker: {message}", err=True)
    return typer.Exit(code)
