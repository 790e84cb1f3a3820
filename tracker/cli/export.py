"""`tracker export ics|vdir`: the calendar as an .ics file, or as a vdir folder (one file per UID)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import typer

from tracker.cli.app import app, get_context
from tracker.cli.files import write_atomically, write_whole
from tracker.cli.options import parse_kinds, parse_parties, parse_status
from tracker.errors import InputError
from tracker.exporters.ics import ExportOptions, TodoMode
from tracker.limits import check_days
from tracker.services import feeds

__all__ = ["export_app", "parse_lead_time", "write_atomically", "write_whole"]

export_app = typer.Typer(help="Export meetings and items for other programs.", no_args_is_help=True)
app.add_typer(export_app, name="export")

_SHORT_DURATION = re.compile(r"(\d+)\s*([wdhm])", re.IGNORECASE)
_ISO_DURATION = re.compile(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?", re.IGNORECASE)
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


def parse_lead_time(value: str) -> dt.timedelta:
    """A lead time such as 7d, 2w, 12h, 1d12h or ISO 8601 P7D / PT12H, at most `limits.MAX_DAYS` days;
    InputError otherwise."""
    text = value.strip()
    iso = _ISO_DURATION.fullmatch(text)
    if iso and text.upper() not in {"P", "PT"} and any(iso.groups()):
        weeks, days, hours, minutes = (int(part or 0) for part in iso.groups())
        amounts = {"weeks": weeks, "days": days, "hours": hours, "minutes": minutes}
    else:
        parts = _SHORT_DURATION.findall(text)
        if not parts or _SHORT_DURATION.sub("", text).strip() != "":
            raise InputError(f"cannot read the lead time {value!r}; write it like 7d, 2w, 12h or P7D")
        amounts = {name: 0 for name in _UNITS.values()}
        for amount, unit in parts:
            amounts[_UNITS[unit.lower()]] += int(amount)
    # In days before building the timedelta, which overflows past 999,999,999 days.
    total_days = amounts["weeks"] * 7 + amounts["days"] + amounts["hours"] / 24 + amounts["minutes"] / 1440
    check_days(total_days, f"--alarm {value}")
    return dt.timedelta(**amounts)


def _todo_mode(todos: str) -> TodoMode:
    try:
        return TodoMode(todos)
    except ValueError as err:
        raise InputError(f"unknown --todos {todos!r}; use as-events, as-todos or both") from err


def _calendar_name(filter_: feeds.CalendarFilter) -> str:
    described = filter_.describe()
    return f"Tracker: {described}" if described else "Tracker"


@export_app.command("ics")
def ics(
    ctx: typer.Context,
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write this file (atomically); default stdout.", dir_okay=False
    ),
    party: list[str] | None = typer.Option(
        None, "--party", help="Only this party (ISO code); repeat or comma-separate."
    ),
    kind: list[str] | None = typer.Option(
        None, "--kind", help="Only this kind of meeting or item; repeatable."
    ),
    status: str | None = typer.Option(
        None, "--status", help="Only items with this status (meetings are kept)."
    ),
    todos: str = typer.Option(
        "as-events",
        "--todos",
        help="Items as all-day 'Due:' events (as-events), as VTODO (as-todos), or both.",
    ),
    alarm: str | None = typer.Option(
        None, "--alarm", help="Add a reminder this long before an item's last day, e.g. 7d."
    ),
) -> None:
    """Export meetings and follow-up items as an iCalendar (.ics) file.

    Items show as all-day "Due: ..." events on the last day of their window by
    default, since Google Calendar and Outlook ignore to-dos in subscribed
    calendars; open-ended items only appear with --todos as-todos or both.
    UIDs never change and SEQUENCE grows with every edit, so re-importing
    updates events instead of duplicating them.

    Example: tracker export ics -o tracker.ics --party BY --alarm 7d
    """
    app_ctx = get_context(ctx)
    parse_status(status)
    mode = _todo_mode(todos)
    kinds = parse_kinds(kind)
    filter_ = feeds.CalendarFilter(tuple(parse_parties(party, app_ctx.settings.cache_dir)), kinds, status)
    options = ExportOptions(
        today=app_ctx.today,
        todos=mode,
        alarm=parse_lead_time(alarm) if alarm else None,
        name=_calendar_name(filter_),
        dtstamp=app_ctx.now(),
        due_soon_days=app_ctx.settings.due_soon_days,
    )
    # The rows are read in batches while the calendar is written, in one read transaction: SQLite
    # runs in WAL mode, where a reader neither blocks writers nor waits for them, so an ingest or an
    # `items add` commits meanwhile (and PostgreSQL's readers never block writers).
    with app_ctx.connection(read_only=True, snapshot=True) as connection:
        chunks = feeds.build_calendar(connection, filter_, options)
        if output is None:
            write_whole(sys.stdout.buffer, chunks)
            return
        size = write_atomically(output, chunks)
    typer.echo(f"wrote {output} ({size} bytes)", err=True)


@export_app.command("vdir")
def vdir(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., help="The vdir folder (created when missing)."),
    party: list[str] | None = typer.Option(
        None, "--party", help="Only this party (ISO code); repeat or comma-separate."
    ),
    kind: list[str] | None = typer.Option(
        None, "--kind", help="Only this kind of meeting or item; repeatable."
    ),
    todos: str = typer.Option(
        "as-events",
        "--todos",
        help="Items as all-day 'Due:' events (as-events), as VTODO (as-todos), or both.",
    ),
) -> None:
    """Export meetings and items as a vdir: one .ics file per UID, for vdirsyncer, khal and todoman.

    Files hold the same UIDs and content as `export ics`; each is written
    atomically and only when it changed, and the files of meetings and items
    no longer in the calendar are removed (files of other tools stay). todoman wants --todos as-todos
    (or both); khal reads the events.

    Example: tracker export vdir ~/.local/share/vdirsyncer/tracker --todos both
    """
    from tracker.exporters.vdir import write_vdir

    app_ctx = get_context(ctx)
    mode = _todo_mode(todos)
    kinds = parse_kinds(kind)
    filter_ = feeds.CalendarFilter(tuple(parse_parties(party)), kinds, None)
    options = ExportOptions(
        today=app_ctx.today,
        todos=mode,
        name=_calendar_name(filter_),
        dtstamp=app_ctx.now(),
        due_soon_days=app_ctx.settings.due_soon_days,
    )
    with app_ctx.connection(read_only=True, snapshot=True) as connection:  # read while written, as `ics`
        objects = feeds.build_objects(connection, filter_, options)
        try:
            result = write_vdir(folder, objects)
        except OSError as err:
            raise InputError(f"cannot write the vdir {folder}: {err.strerror or err}") from err
    typer.echo(
        f"{folder}: {result.written} written, {result.unchanged} unchanged, {result.removed} removed",
        err=True,
    )
