"""Command line: a thin Typer layer over the services, one module per command group."""

from tracker.cli import db, documents, items, meetings, remind  # noqa: F401  (registers the commands)
from tracker.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="tracker")
