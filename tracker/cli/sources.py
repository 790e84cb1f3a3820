"""`tracker sources add|list|show|remove|poll`: the feeds and news pages the tracker watches (issue #12).

"Sources" are what comes in; the calendars served out are `tracker calendars`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.options import parse_optional_date, parse_parties
from tracker.errors import InputError
from tracker.services import watch
from tracker.services.fetching import USER_AGENT, Politeness

__all__ = ["sources_app"]

sources_app = typer.Typer(
    help="Feeds and news pages to watch; `poll` ingests what is new.", no_args_is_help=True
)
app.add_typer(sources_app, name="sources")


@sources_app.command("add")
def add(
    ctx: typer.Context,
    url: str = typer.Argument(..., help="An RSS/Atom feed, or a listing page (a press-release index)."),
    name: str | None = typer.Option(None, "--name", help="A short name (default: the host name)."),
    party: list[str] | None = typer.Option(
        None, "--party", help="Party this source speaks for (ISO code); repeat."
    ),
    every: str = typer.Option("6h", "--every", help="How often a plain `poll` reads it: 30m, 6h, 1d ..."),
    links: str | None = typer.Option(
        None, "--links", help="Regular expression of article links on a listing page without a feed."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Watch a feed or a listing page. Nothing is fetched until the first poll.

    A listing page is read through its own feed link (<link rel="alternate">) when it
    has one, else through the links matching --links.

    Example: tracker sources add https://mfa.example/press/rss.xml --name mfa-by --party BY --every 2h
    """
    app_ctx = get_context(ctx)
    seconds = watch.parse_every(every)
    with app_ctx.session() as session:
        info = watch.add_source(
            session,
            url,
            name=name,
            parties=parse_parties(party),
            every_seconds=seconds,
            links=links,
            at=app_ctx.now(),
        )
    if json_:
        print_json(info.record())
        return
    typer.echo(f"watching {info.name!r}: {info.url} every {watch.format_every(info.every_seconds)}")


@sources_app.command("list")
def list_(ctx: typer.Context, json_: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List sources: name, URL, last poll and status, new documents, consecutive failures, next due.

    Example: tracker sources list --json
    """
    with get_context(ctx).session(read_only=True) as session:
        records = [info.record() for info in watch.list_sources(session)]
    if json_:
        print_json(records)
        return
    if not records:
        typer.echo("no sources; `tracker sources add URL` watches one")
    for r in records:
        last = (r["last_polled_at"] or "never")[:16].replace("T", " ")
        due = (r["next_due"] or "now")[:16].replace("T", " ")
        typer.echo(
            f"{r['name']:<20} {r['last_status']:<12} last {last:<16} new {r['last_new']:>3}  "
            f"failures {r['failures']}  due {due}  {r['url']}"
        )


@sources_app.command("show")
def show(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Name of the source."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a source: where it is read now, its last poll and error, redirects, and its latest articles.

    Example: tracker sources show mfa-by
    """
    with get_context(ctx).session(read_only=True) as session:
        info, entries = watch.show_source(session, name)
    record = info.record()
    if json_:
        print_json({**record, "entries": [e.record() for e in entries]})
        return
    for key in (
        "name",
        "url",
        "fetch_url",
        "kind",
        "parties",
        "links",
        "every",
        "last_polled_at",
        "last_status",
        "last_error",
        "last_new",
        "failures",
        "documents",
        "next_due",
    ):
        value = record[key]
        if isinstance(value, list):
            value = ",".join(value)
        typer.echo(f"{key + ':':<16}{'' if value is None else value}")
    for line in record["redirects"]:
        typer.echo(f"{'redirect:':<16}{line}")
    for entry in entries:
        detail = f"document {entry.document_id}" if entry.document_id else (entry.error or "")
        typer.echo(f"  {entry.state:<10} {entry.url}  {detail}")


@sources_app.command("remove")
def remove(ctx: typer.Context, name: str = typer.Argument(..., help="Name of the source.")) -> None:
    """Stop watching a source; the documents it brought stay.

    Example: tracker sources remove mfa-by
    """
    with get_context(ctx).session() as session:
        info = watch.remove_source(session, name)
    typer.echo(f"removed source {info.name!r}")


@sources_app.command("poll")
def poll(
    ctx: typer.Context,
    names: list[str] | None = typer.Argument(None, help="Sources to poll now (default: those due)."),
    all_: bool = typer.Option(False, "--all", help="Poll every source, due or not."),
    since: str | None = typer.Option(
        None, "--since", help="Backfill: also entries since YYYY-MM-DD on older feed or listing pages."
    ),
    json_: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read the sources, fetch each new entry's full article and ingest it (one transaction per article).

    Made for cron: exits 0 when every source was read, 1 when one failed (it is marked
    failing with its reason; the others go on), 2 for bad arguments.

    Example: tracker sources poll --json
    """
    app_ctx = get_context(ctx)
    if names and all_:
        raise InputError("give source names or --all, not both")
    options = watch.PollOptions(
        politeness=politeness_of(app_ctx.settings),
        since=parse_optional_date(since, "--since"),
        workers=app_ctx.settings.poll_workers,
    )
    with _progress(enabled=sys.stderr.isatty() and not json_) as progress:
        summary = watch.poll_sources(
            app_ctx.session,
            names=names or None,
            all_=all_,
            now=app_ctx.now(),
            options=options,
            progress=progress,
            before_reading=lambda: _configure_gazetteer(app_ctx.settings),
        )
    if json_:
        print_json(summary.record())
    else:
        for report in summary.sources:
            typer.echo(_report_line(report))
        typer.echo(summary.line())
    for report in summary.failed:
        typer.echo(f"tracker: source {report.name!r} {report.status}: {report.error}", err=True)
    if summary.failed:
        raise typer.Exit(1)


def _configure_gazetteer(settings) -> None:
    """Point the gazetteer at its cache folder (the global options do it only for commands that import it)."""
    from tracker.gazetteer import configure_cache

    configure_cache(Path(settings.cache_dir))


def politeness_of(settings) -> Politeness:
    """The Politeness the settings ask for (poll_* settings)."""
    return Politeness(
        user_agent=settings.poll_user_agent or USER_AGENT,
        per_host=settings.poll_per_host,
        delay=settings.poll_delay,
        timeout=settings.poll_timeout,
        max_bytes=settings.poll_max_bytes,
        retries=settings.poll_retries,
    )


def _report_line(report: watch.SourceReport) -> str:
    if report.status == "failing":
        return f"{report.name}: failing: {report.error}"
    if report.status == "not-modified":
        return f"{report.name}: not modified"
    if report.status == "busy":
        return f"{report.name}: skipped: {report.error}"
    line = (
        f"{report.name}: {report.entries} entries, {report.new} new: {report.stored} stored, "
        f"{report.duplicates} already stored; {report.meetings} meeting(s), {report.commitments} item(s)"
    )
    if report.fulfilled:
        line += f", fulfilled item(s) {', '.join(map(str, sorted(report.fulfilled)))}"
    if report.forbidden:
        line += f"; {report.forbidden} forbidden by robots.txt"
    if report.article_errors:
        line += f"; {len(report.article_errors)} article(s) failed"
    return line


class _progress:
    """A progress bar on stderr when it is a terminal; nothing otherwise (the summary line says the rest)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar: Any = None  # a rich Progress once started (rich loads only then)
        self._tasks: dict[str, int] = {}

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._bar.start()
        return self.update

    def update(self, what: str, done: int, total: int) -> None:
        if what not in self._tasks:
            self._tasks[what] = self._bar.add_task(f"Polling {what}", total=total)
        self._bar.update(self._tasks[what], completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
