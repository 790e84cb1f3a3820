"""`tracker calendars add|list|revoke|rotate`: secret calendar subscription links (what goes out).

Named `feeds` before issue #12; that name stays as a hidden alias so scripts keep
working, while `tracker sources` is what comes in.
"""

from __future__ import annotations

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.options import parse_kind, parse_parties
from tracker.services import feeds

__all__ = ["feeds_app"]

feeds_app = typer.Typer(help="Secret calendar subscription links for `tracker serve`.", no_args_is_help=True)
app.add_typer(feeds_app, name="calendars")
app.add_typer(feeds_app, name="feeds", hidden=True)  # the name before issue #12


def _kinds(values: list[str] | None) -> list[str]:
    return sorted(
        {parse_kind(k.strip()).value for value in values or [] for k in value.split(",") if k.strip()}
    )


@feeds_app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name for the feed (who or what it is for)."),
    party: list[str] | None = typer.Option(
        None, "--party", help="Only this party (ISO code); repeat or comma-separate."
    ),
    kind: list[str] | None = typer.Option(None, "--kind", help="Only this kind; repeat or comma-separate."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Create a feed and print its secret URL (and, on stderr, its webcal:// form) once: only a hash is kept.

    The URL starts with the feed_base_url setting (TRACKER_FEED_BASE_URL), whose port
    `tracker serve` also listens on by default. Append ?todos=as-todos (or both) to
    the URL for clients that list tasks. A revoked feed's name can be used again.

    Example: tracker calendars add belarus-desk --party BY
    """
    app_ctx = get_context(ctx)
    with app_ctx.session() as session:
        created = feeds.add_feed(
            session, name, parties=parse_parties(party), kinds=_kinds(kind), at=app_ctx.now()
        )
    _print_secret(app_ctx, created, "created", json_)


def _print_secret(app_ctx, created: feeds.NewFeed, done: str, json_: bool) -> None:
    url = feeds.feed_url(app_ctx.settings.feed_base_url, created.token)
    if json_:
        print_json({**created.info.record(), "url": url, "webcal_url": feeds.webcal_url(url)})
        return
    typer.echo(f"feed {created.info.name!r} {done}; its secret URL is shown only now:", err=True)
    typer.echo(url)  # alone on stdout, for scripts; the webcal:// form is for people
    typer.echo(f"to subscribe from a calendar app: {feeds.webcal_url(url)}", err=True)


@feeds_app.command("list")
def list_(ctx: typer.Context, json_: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List feeds with their filters and whether they are revoked (tokens are never shown: they are not kept).

    Example: tracker calendars list --json
    """
    with get_context(ctx).session() as session:
        records = [info.record() for info in feeds.list_feeds(session)]
    if json_:
        print_json(records)
        return
    if not records:
        typer.echo("no feeds")
    for record in records:
        state = f"revoked {record['revoked_at'][:10]}" if record["revoked_at"] else "active"
        typer.echo(
            f"{record['name']:<24} {','.join(record['parties']) or 'all parties':<14} "
            f"{','.join(record['kinds']) or 'all kinds':<18} created {record['created_at'][:10]}  {state}"
        )


@feeds_app.command("revoke")
def revoke(ctx: typer.Context, name: str = typer.Argument(..., help="Name of the feed.")) -> None:
    """Revoke a feed: its URL answers 404 from now on, like any unknown URL.

    Example: tracker calendars revoke belarus-desk
    """
    app_ctx = get_context(ctx)
    with app_ctx.session() as session:
        info = feeds.revoke_feed(session, name, at=app_ctx.now())
    typer.echo(f"revoked feed {info.name!r}")


@feeds_app.command("rotate")
def rotate(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Name of the feed."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Give a feed a new secret URL (printed once); the old one answers 404 from now on. The filters stay.

    Example: tracker calendars rotate belarus-desk
    """
    app_ctx = get_context(ctx)
    with app_ctx.session() as session:
        created = feeds.rotate_feed(session, name)
    _print_secret(app_ctx, created, "has a new URL", json_)
