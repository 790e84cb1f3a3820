"""Command line: a thin Typer layer over the services, one module per command group."""

from tracker.cli import (  # noqa: F401  (importing a module registers its commands)
    cadence, config_cmd, db, documents, dump, export, feeds, items, meetings, remind, report, review, serve,
)
from tracker.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="tracker")
