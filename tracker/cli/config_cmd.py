"""`tracker config show|path`: the effective settings and where each one came from."""

from __future__ import annotations

import typer

from tracker.cli.app import app, print_json
from tracker.config import config_path, explain_settings

config_app = typer.Typer(help="Settings (TOML file, environment, options).", no_args_is_help=True)
app.add_typer(config_app, name="config")


def _root_options(ctx: typer.Context) -> dict[str, object]:
    params = ctx.find_root().params
    return {"db_url": params.get("db"), "today": params.get("today")}


@config_app.command("show")
def show(ctx: typer.Context, json_: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Print every setting, its effective value and its origin (option, env VAR, file PATH or default).

    Secrets are masked, including a password inside the database URL.
    Example: tracker config show --json
    """
    values = explain_settings(_root_options(ctx))
    database = next(v for v in values if v.name == "db_url")
    if json_:
        print_json(
            {
                "config_file": str(config_path()),
                "database": database.shown,
                "settings": {v.name: {"value": v.shown, "origin": v.origin} for v in values},
            }
        )
        return
    typer.echo(f"# settings file: {config_path()}")
    typer.echo(f"# database: {database.shown} [{database.origin}]")
    width = max(len(v.name) for v in values)
    for value in values:
        shown = "(unset)" if value.shown is None else value.shown
        typer.echo(f"{value.name:<{width}}  {shown}  [{value.origin}]")


@config_app.command("path")
def path() -> None:
    """Print where the settings file is read from (TRACKER_CONFIG overrides it).

    Example: tracker config path
    """
    typer.echo(str(config_path()))
