"""`tracker remind`: what is overdue and what falls due soon (cron-friendly)."""

from __future__ import annotations

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.items import format_item
from tracker.exporters.records import commitment_record
from tracker.storage import repo


@app.command()
def remind(
    ctx: typer.Context,
    within: int | None = typer.Option(None, "--within", help="Horizon of 'due soon' in days."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
    fail_on_overdue: bool = typer.Option(False, "--fail-on-overdue", help="Exit 1 when something is overdue."),
) -> None:
    """Print overdue items (oldest first), then items due soon.

    Example: tracker remind --within 30
    """
    app_ctx = get_context(ctx)
    horizon = within if within is not None else app_ctx.settings.due_soon_days
    with app_ctx.session() as session:
        records = [commitment_record(repo.commitment_to_domain(row), app_ctx.today, horizon)
                   for row in repo.list_commitments(session)]
    overdue = sorted((r for r in records if r["state"] == "overdue"), key=lambda r: -r["days_overdue"])
    due_soon = [r for r in records if r["state"] == "due_soon"]
    if json_:
        print_json({"today": app_ctx.today.isoformat(), "overdue": overdue, "due_soon": due_soon})
    else:
        for title, group in (("Overdue", overdue), (f"Due within {horizon} days", due_soon)):
            if group:
                typer.echo(f"{title}:")
                for record in group:
                    typer.echo("  " + format_item(record))
    if fail_on_overdue and overdue:
        raise typer.Exit(1)
