"""The Typer application: global options, the shared context, error mapping, and lazy commands.

Errors are translated in exactly one place (`TrackerGroup.invoke`): a
TrackerError becomes `tracker: <message>` on stderr and its exit status.

Commands load lazily, here and nowhere else (issue #16): `COMMANDS` names each
top-level command, the module under tracker/cli that registers it, and the one
line `tracker --help` shows, so that the help lists every command without
importing any, and a command imports only its own module (`tracker remind`
loads neither the extractor nor SQLAlchemy's ORM for `items`). Start-up time
counts for cron jobs and for scripts that call the tool in a loop.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.main import get_group

from tracker.cli.output import print_json
from tracker.errors import EXIT_CODES, TrackerError
from tracker.speed.typer_values import read_plainly

if TYPE_CHECKING:
    from tracker.config import Settings

__all__ = ["app", "AppContext", "COMMANDS", "get_context", "load_commands", "print_json", "fail"]


class Entry(NamedTuple):
    module: str  # under tracker.cli
    summary: str  # the first line of the command's help, as `tracker --help` lists it
    hidden: bool = False


# Every top-level command, in the order `tracker --help` lists them (the order of a day's work).
# tests/cli/test_startup.py checks each summary against the command's own help.
COMMANDS: dict[str, Entry] = {
    "ingest": Entry("documents", "Read press releases and store their meetings and follow-up items."),
    "extract": Entry("documents", "Print what the extractor reads from one document; writes nothing."),
    "sources": Entry("sources", "Feeds and news pages to watch; `poll` ingests what is new."),
    "review": Entry("review", "Confirm or reject items and fulfilment links read from texts."),
    "items": Entry("items", "Follow-up items (commitments) and their status."),
    "meetings": Entry("meetings", "Meetings that took place."),
    "documents": Entry("stored_documents", "The documents read so far, and what was read from each."),
    "search": Entry(
        "search",
        "Find items, meetings and documents holding every word given; a country's name also finds its parties.",
    ),
    "remind": Entry("remind", "Print what is overdue, due soon, opening soon or stale, and late cadences."),
    "cadence": Entry(
        "cadence", "List every series of two or more meetings between the same parties, of the same kind."
    ),
    "report": Entry("report", "The weekly status report and each partner's compliance record."),
    "export": Entry("export", "Export meetings and items for other programs."),
    "calendars": Entry("feeds", "Secret calendar subscription links for `tracker serve`."),
    "feeds": Entry("feeds", "Secret calendar subscription links for `tracker serve`.", hidden=True),
    "serve": Entry(
        "serve",
        "Serve the calendar feeds made with `tracker calendars add` until stopped (Ctrl-C or SIGTERM).",
    ),
    "caldav": Entry("caldav_cmd", "CalDAV calendars that `tracker sync` keeps in step."),
    "sync": Entry("caldav_cmd", "Sync meetings (VEVENT) and items (VTODO) with CalDAV calendars, both ways."),
    "config": Entry("config_cmd", "Settings (TOML file, environment, options)."),
    "db": Entry("db", "Database schema (Alembic migrations)."),
    "dump": Entry(
        "dump",
        "Write every row (documents, meetings, items, links, feeds' token hashes, history) to one JSON file.",
    ),
    "load": Entry(
        "dump",
        "Restore a dump into an empty database (refused, exit 4, when it holds any row), in one transaction.",
    ),
}


def load_commands(names: list[str] | None = None) -> None:
    """Import the modules that register the commands `names` (all when None) on `app`.

    Code that builds `app` itself instead of running it (the tests, `typer.main.get_command`)
    calls this first; `tracker` itself never needs to.
    """
    for module in sorted({COMMANDS[name].module for name in names or COMMANDS}):
        importlib.import_module(f"tracker.cli.{module}")


class TrackerGroup(TyperGroup):
    """The root command: loads a command's module when it runs, maps errors to exit codes, and
    takes global options wherever they are typed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._listing = False  # while help or completion lists the commands: summaries, no imports
        _label_values(self)

    def list_commands(self, ctx):
        return [*COMMANDS, *(name for name in self.commands if name not in COMMANDS)]

    def get_command(self, ctx, cmd_name):
        entry = COMMANDS.get(cmd_name)
        if cmd_name in self.commands or entry is None:
            return self.commands.get(cmd_name)
        if self._listing:
            return TyperCommand(
                name=cmd_name, help=entry.summary, short_help=entry.summary, hidden=entry.hidden
            )
        importlib.import_module(f"tracker.cli.{entry.module}")
        # The module registered its commands on `app`; Typer builds them (with their labels).
        for name, command in get_group(app).commands.items():
            self.commands.setdefault(name, command)
        return self.commands.get(cmd_name)

    def format_help(self, ctx, formatter):
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def format_epilog(self, ctx, formatter):
        with formatter.section("Exit codes"):
            formatter.write_dl([(str(code), meaning) for code, meaning in EXIT_CODES])

    def shell_complete(self, ctx, incomplete):
        self._listing = True
        try:
            return super().shell_complete(ctx, incomplete)
        finally:
            self._listing = False

    def resolve_command(self, ctx, args):
        # Typer suggests names from the commands built so far, which here are none yet.
        name = args[0] if args else ""
        known = [n for n in self.list_commands(ctx) if n not in COMMANDS or not COMMANDS[n].hidden]
        if (
            name
            and name not in known
            and name not in COMMANDS
            and not name.startswith("-")
            and not ctx.resilient_parsing
        ):
            close = get_close_matches(name, known)
            hint = f" Did you mean {' or '.join(repr(n) for n in close)}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx, args):
        _label_params(self)  # again: Typer adds the completion options after making the group
        return super().parse_args(ctx, _place_global_options(self, ctx, list(args)))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TrackerError as err:
            typer.echo(f"tracker: {err}", err=True)
            raise typer.Exit(err.exit_code) from None


# How the help names an option's value (issue #14: it said `<str>`, `<list[str]>` and `<bool>`).
# By option name here; otherwise numbers are N, paths PATH, choices their values, and anything
# else the option's name in capitals (`--city CITY`).
_VALUE_LABELS = {
    "--db": "PATH|URL",
    "--today": "DATE",
    "--start": "DATE",
    "--end": "DATE",
    "--since": "DATE",
    "--until": "DATE",
    "--on": "DATE",
    "--published": "DATE",
    "--time": "HH:MM",
    "--end-time": "HH:MM",
    "--timezone": "ZONE",
    "--week": "YYYY-Www",
    "--mail-to": "ADDR",
    "--meeting": "ID",
    "--home": "PARTY",
    "--within": "PERIOD",
    "--every": "INTERVAL",
    "--alarm": "BEFORE",
    "--links": "REGEX",
    "--password-cmd": "COMMAND",
    "--password-env": "VARIABLE",
    "--window": "TEXT",
    "--reason": "TEXT",
}


class _Argument(TyperArgument):
    """An argument whose help shows its name only: Typer adds the Python type whatever the metavar."""

    def display_type_rich(self, ctx):
        return None


def _label_values(command) -> None:
    """Name the value of each option and argument of `command` and its subcommands for the help.

    Each command also gets its first paragraph as its line in its group's list, which Click
    would otherwise cut at 45 characters or so, and its example a paragraph of its own, which
    Click would otherwise run into the sentence before.
    """
    _label_params(command)
    if command.help:
        command.help = re.sub(r"(?:(?<=\.) +|(?<!\n)\n)(?=Example\b)", "\n\n", command.help)
    if command.short_help is None and command.help:
        command.short_help = " ".join(command.help.split("\n\n")[0].split())
    for subcommand in getattr(command, "commands", {}).values():
        _label_values(subcommand)


def _label_params(command) -> None:
    context = typer.Context(command)
    help_option = command.get_help_option(context)  # made once and kept by the command
    for param in [*command.params, *([help_option] if help_option else [])]:
        if isinstance(param, TyperArgument):
            param.metavar = param.metavar or param.name.upper()
            param.__class__ = _Argument
        elif isinstance(param, TyperOption) and param.metavar is None:
            param.metavar = "" if param.is_flag or param.count else _value_label(param, context)
        read_plainly(param)


def _value_label(option, context) -> str:
    name = max(option.opts, key=len)
    if name in _VALUE_LABELS:
        return _VALUE_LABELS[name]
    shown = option.display_type(context).strip("<>")  # int, int range, path, file, a|b|c, str, list[str]
    if "|" in shown:
        return f"[{shown}]"
    if shown.startswith("int"):
        return "N"
    if shown in ("path", "file"):
        return "PATH"
    return name.lstrip("-").upper()


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


def _place_global_options(root, ctx, args: list[str]) -> list[str]:
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
            command = command.get_command(ctx, word) if hasattr(command, "commands") else None
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
    kept: list[str] = []
    moved: list[str] = []
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

    def connection(self, read_only: bool = False, snapshot: bool = False):
        """One Core connection in one transaction, for commands that need no ORM objects (issue #16).

        Read-only, like `session(read_only=True)`, it never creates the database; `snapshot`: every
        query sees the rows the first one saw (see `storage.db.session_scope`).
        """
        from tracker.storage.db import connection_scope

        return connection_scope(self.engine(create=not read_only), read_only=read_only, snapshot=snapshot)

    @contextmanager
    def rows(self, read_only: bool = True) -> Iterator[tuple[Any, Any]]:
        """(queries, connection) in one transaction, for the everyday commands: `items list/show/add`,
        `meetings list/show`.

        `tracker.speed.dbapi` on the driver's own connection when it serves the database (no
        SQLAlchemy import, issue #16), else the same queries of `tracker.storage` on a Core
        connection (`connection`), which also upgrades, creates or refuses the database.
        """
        from tracker.speed import dbapi

        with dbapi.transaction(self.settings.db_url, read_only=read_only) as database:
            if database is not None:
                yield dbapi, database
                return
        with self.connection(read_only=read_only) as connection:
            yield _core_queries(), connection

    def now(self):
        """The real instant, for history and change times: `--today` sets the date read, not the one recorded."""
        from tracker import clock

        return clock.utc_now()


def _core_queries() -> SimpleNamespace:
    """Storage's Core queries under the names `tracker.speed.dbapi` gives its own."""
    from tracker.services.adding import add_item
    from tracker.storage import items, meetings

    return SimpleNamespace(
        iter_items=items.iter_items,
        list_possible_matches=items.list_possible_matches,
        get_item=items.get_item,
        get_fulfilling_meeting_id=items.get_fulfilling_meeting_id,
        list_item_history=items.list_item_history,
        list_item_links=items.list_item_links,
        list_meetings=meetings.list_meetings,
        get_meeting=meetings.get_meeting,
        add_item=add_item,
    )


app = typer.Typer(
    cls=TrackerGroup,
    no_args_is_help=True,
    add_completion=True,
    help="Turn diplomatic press releases into a calendar of meetings and follow-ups nobody forgets.",
    # Click's plain help, not Rich's: it reflows each paragraph of a docstring (Rich kept its line
    # breaks mid-sentence, issue #14), and importing Rich took longer than the rest of `--help`.
    rich_markup_mode=None,
    context_settings={"max_content_width": 100},
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
        # Imported here: `--help` and `--version` end before this runs and need no settings.
        from tracker.config import resolve_settings

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
