"""Command line: a thin Typer layer over the services, one module per command group.

`main` runs `app`, whose root group (tracker.cli.app) imports a command's
module only when that command runs: `tracker --help` and `tracker --version`
import none of them.
"""

from __future__ import annotations

from tracker.cli.app import COMMANDS, app, load_commands
from tracker.speed.collector import tune_for_a_command

__all__ = ["app", "main", "load_commands", "COMMANDS"]


def main() -> None:
    tune_for_a_command()
    app(prog_name="tracker")
