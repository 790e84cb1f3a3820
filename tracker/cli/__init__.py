"""Command line: a thin Typer layer over the services, one module per command group.

`main` imports only the module of the command it runs (`tracker remind` loads
neither the extractor nor the calendar and report exporters): start-up time
counts for cron jobs and for scripts that call the tool in a loop. Help and
unknown names load every command, so that Typer can list them or say which
exist. Code that drives `app` itself (the tests) calls `load_commands()` first.
"""

from __future__ import annotations

import importlib
import sys

from tracker.cli.app import app
from tracker.speed.collector import tune_for_a_command

__all__ = ["app", "main", "load_commands", "COMMAND_MODULES"]

# Each top-level command -> the module under tracker/cli that registers it.
COMMAND_MODULES = {
    "calendars": "feeds",
    "cadence": "cadence",
    "caldav": "caldav_cmd",
    "config": "config_cmd",
    "db": "db",
    "documents": "stored_documents",
    "dump": "dump",
    "export": "export",
    "extract": "documents",
    "feeds": "feeds",
    "ingest": "documents",
    "items": "items",
    "load": "dump",
    "meetings": "meetings",
    "remind": "remind",
    "report": "report",
    "review": "review",
    "search": "search",
    "serve": "serve",
    "sources": "sources",
    "sync": "caldav_cmd",
}
# Global options that take a value (see tracker.cli.app): their value is not a command name.
_OPTIONS_WITH_VALUE = {"--db", "--today"}


def load_commands(names: list[str] | None = None) -> None:
    """Register the commands `names` (all of them when None) on `app`."""
    modules = {COMMAND_MODULES[name] for name in names} if names else set(COMMAND_MODULES.values())
    for module in sorted(modules):
        importlib.import_module(f"tracker.cli.{module}")


def called_command(args: list[str]) -> str | None:
    """The command that `args` (the arguments after the program name) runs, None for help or an unknown one."""
    words = iter(args)
    for word in words:
        if word in _OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMAND_MODULES else None
    return None


def main() -> None:
    command = called_command(sys.argv[1:])
    load_commands([command] if command else None)
    tune_for_a_command()
    app(prog_name="tracker")
