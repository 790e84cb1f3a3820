"""Command line: a thin Typer layer over the services, one module per command group.

`main` runs `app`, whose root group (tracker.cli.app) imports a command's
module only when that command runs: `tracker --help` and `tracker --version`
import none of them.
"""

from __future__ import annotations

import gc

from tracker.cli.app import COMMANDS, app, load_commands

__all__ = ["app", "main", "load_commands", "COMMANDS"]


def main() -> None:
    # A command is a short process that may build 100,000s of objects for a long list and
    # makes next to no reference cycles: at the default pace the collector rescans them
    # all again and again (a third of `remind --json` over 100,000 items). So the objects
    # made by the imports are frozen and young ones collected less often, as mypy does.
    gc.freeze()
    gc.set_threshold(200_000, 30, 30)
    app(prog_name="tracker")
