"""`tracker cadence`: how often the same parties meet, and which series are late."""

from __future__ import annotations

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.options import parse_kind, parse_party
from tracker.services.cadence import list_cadences


@app.command()
def cadence(
    ctx: typer.Context,
    party: str | None = typer.Option(None, "--party", help="Only series with this party (code or name)."),
    kind: str | None = typer.Option(None, "--kind", help="Only this meeting kind."),
    late: bool = typer.Option(False, "--late", help="Only late series."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List every series of two or more meetings between the same parties, of the same kind.

    Each series shows the median interval, the last meeting, the expected next one, and LATE
    when 1.5 intervals have passed with no meeting and no active item for them.

    Example: tracker cadence --party BY
    """
    app_ctx = get_context(ctx)
    kind_ = parse_kind(kind)
    with app_ctx.session(read_only=True) as session:
        cadences = list_cadences(
            session,
            app_ctx.today,
            party=parse_party(party, app_ctx.settings.cache_dir) if party else None,
            kind=kind_.value if kind_ else None,
        )
    if late:
        cadences = [c for c in cadences if c.late]
    if json_:
        print_json([c.to_json() for c in cadences])
        return
    if not cadences:
        typer.echo("no series of two or more meetings")
    for c in cadences:
        flag = f"LATE {c.days_late}d" if c.late else ("promised" if c.active_items else "")
        typer.echo(
            f"{','.join(c.parties):<12} {c.kind:<13} {c.meetings:>3} meetings  every ~"
            f"{c.median_interval_days:>4} days  last {c.last}  next ~{c.expected_next}  {flag}".rstrip()
        )
