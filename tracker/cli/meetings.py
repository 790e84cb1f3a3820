"""`tracker meetings list|show|add|edit`.

Listing and showing read Core rows through a plain connection; adding and editing
import the services (and SQLAlchemy's ORM) when they run (issue #16).
"""

from __future__ import annotations

import datetime as dt

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.options import (
    parse_city,
    parse_kind,
    parse_optional_date,
    parse_parties,
    parse_party,
    parse_time,
    parse_timezone,
)
from tracker.clock import parse_iso_date
from tracker.domain.model import Kind, Meeting, Participant, ReviewState
from tracker.errors import InputError
from tracker.exporters.records import meeting_record

meetings_app = typer.Typer(help="Meetings that took place.", no_args_is_help=True)
app.add_typer(meetings_app, name="meetings")


def _line(record: dict) -> str:
    when = record["start"] if record["start"] == record["end"] else f"{record['start']}..{record['end']}"
    return (
        f"#{record['id']:<4} {when:<22} {record['kind']:<13} {record['city'] or '-':<14} "
        f"{','.join(record['parties']):<10} {record['title']}"
    )


def _links(session, meeting_id: int) -> list[dict]:
    from tracker.services.fulfilment import list_links

    return [
        {"id": link.id, "item_id": link.commitment_id, "state": link.state, "reason": link.reason}
        for link in list_links(session, meeting_id=meeting_id)
    ]


def _echo_links(links: list[dict]) -> None:
    for link in links:
        verb = {
            "auto": "fulfils",
            "proposed": "may fulfil (see `tracker review`)",
            "confirmed": "fulfils",
            "rejected": "does not fulfil",
        }[link["state"]]
        typer.echo(f"  {verb} item #{link['item_id']} (link #{link['id']}): {link['reason']}")


def _check_times(
    start_time: dt.time | None, end_time: dt.time | None, zone: str | None, first: dt.date, last: dt.date
) -> None:
    """A time needs a zone, an end time needs a start time, and a one-day meeting ends after it starts."""
    if start_time is not None and not zone:
        raise InputError(
            "--time needs --timezone (an IANA name such as Europe/Minsk): a time means nothing without it"
        )
    if end_time is not None and start_time is None:
        raise InputError("--end-time needs --time")
    if end_time is not None and start_time is not None and first == last and end_time <= start_time:
        raise InputError(f"--end-time {end_time:%H:%M} is not after --time {start_time:%H:%M}")


@meetings_app.command("list")
def list_(
    ctx: typer.Context,
    party: str | None = typer.Option(
        None, "--party", help="Only meetings with this party (code or name: BY, Belarus)."
    ),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    all_: bool = typer.Option(False, "--all", help="Include meetings rejected in review (withdrawn)."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List meetings by date.

    Example: tracker meetings list --party BY
    """
    app_ctx = get_context(ctx)
    kind_ = parse_kind(kind)
    party = parse_party(party, app_ctx.settings.cache_dir) if party else None
    with app_ctx.rows(read_only=True) as (queries, connection):
        meetings = queries.list_meetings(
            connection,
            party=party,
            kind=kind_.value if kind_ else None,
            since=parse_optional_date(since, "--since"),
            until=parse_optional_date(until, "--until"),
            include_rejected=all_,
        )
    records = [meeting_record(meeting) for meeting in meetings]
    if json_:
        print_json(records)
        return
    if not records:
        typer.echo("no meetings")
    for record in records:
        typer.echo(_line(record))


@meetings_app.command("show")
def show(
    ctx: typer.Context,
    meeting_id: int = typer.Argument(..., help="Meeting id."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one meeting with its participants and source sentence.

    Example: tracker meetings show 1
    """
    with get_context(ctx).rows(read_only=True) as (queries, connection):
        record = meeting_record(queries.get_meeting(connection, meeting_id))
    if json_:
        print_json(record)
        return
    typer.echo(_line(record))
    for person in record["participants"]:
        typer.echo(f"      {person['name']} ({person['role'] or '?'}, {person['country'] or '?'})")
    if record["evidence"]:
        typer.echo(f"      source: \u201c{record['evidence']}\u201d")
    if record["source"]:
        typer.echo(f"      from {record['source']}")


@meetings_app.command("add")
def add(
    ctx: typer.Context,
    start: str = typer.Option(..., "--start", help="First day (YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--end", help="Last day, inclusive (default: the first)."),
    kind: str = typer.Option("meeting", "--kind", help=f"One of: {', '.join(k.value for k in Kind)}."),
    title: str = typer.Option("", "--title", help="Title."),
    city: str | None = typer.Option(None, "--city", help="City."),
    country: str | None = typer.Option(None, "--country", help="ISO code of the city's country."),
    timezone: str | None = typer.Option(
        None, "--timezone", help="IANA time zone of the city (Europe/Minsk)."
    ),
    time: str | None = typer.Option(
        None, "--time", help="Start time HH:MM, local to --timezone (needs a zone)."
    ),
    end_time: str | None = typer.Option(
        None, "--end-time", help="End time HH:MM on the last day (needs --time)."
    ),
    party: list[str] | None = typer.Option(None, "--party", help="Party code; repeat or comma-separate."),
    participant: list[str] | None = typer.Option(None, "--participant", help="'Name|Role|CC'; repeatable."),
    json_: bool = typer.Option(False, "--json", help="Print the new meeting as JSON."),
) -> None:
    """Add a meeting by hand (it counts as reviewed); it fulfils the open item it clearly matches.

    Without --time the meeting is an all-day event in calendars; with --time
    (and --timezone, validated) it starts at that local time.

    Example: tracker meetings add --start 2017-05-10 --time 10:30 --timezone Europe/Minsk --party BY,RS
    """
    from tracker.services import tracking
    from tracker.storage import repo

    app_ctx = get_context(ctx)
    first = parse_iso_date(start, "--start")
    last = parse_optional_date(end, "--end") or first
    if last < first:
        raise InputError(f"--end {last} is before --start {first}")
    zone = parse_timezone(timezone)
    start_time, finish_time = parse_time(time, "--time"), parse_time(end_time, "--end-time")
    _check_times(start_time, finish_time, zone, first, last)
    people = []
    for value in participant or []:
        name, role, cc = (value.split("|") + ["", ""])[:3]
        people.append(Participant(name.strip(), role or None, (cc or "").upper() or None))
    meeting = Meeting(
        kind=parse_kind(kind),
        start=first,
        end=last,
        title=title,
        city=parse_city(city),
        country=country.upper() if country else None,
        timezone=zone,
        start_time=start_time,
        end_time=finish_time,
        parties=parse_parties(party, app_ctx.settings.cache_dir),
        participants=people,
        review=ReviewState.CONFIRMED,
    )
    with app_ctx.session() as session:
        row = tracking.add_meeting(session, meeting, at=app_ctx.now())
        record = meeting_record(repo.meeting_to_domain(repo.get_meeting(session, row.id)))
        record["links"] = _links(session, row.id)
    if json_:
        print_json(record)
    else:
        typer.echo(f"added {_line(record)}")
        _echo_links(record["links"])


@meetings_app.command("edit")
def edit(
    ctx: typer.Context,
    meeting_id: int = typer.Argument(..., help="Meeting id."),
    start: str | None = typer.Option(None, "--start", help="New first day."),
    end: str | None = typer.Option(None, "--end", help="New last day."),
    kind: str | None = typer.Option(None, "--kind", help="New kind."),
    title: str | None = typer.Option(None, "--title", help="New title."),
    city: str | None = typer.Option(None, "--city", help="New city."),
    country: str | None = typer.Option(None, "--country", help="New country code."),
    timezone: str | None = typer.Option(None, "--timezone", help="New IANA time zone (validated)."),
    time: str | None = typer.Option(
        None, "--time", help="New start time HH:MM, local; 'none' makes it all-day."
    ),
    end_time: str | None = typer.Option(None, "--end-time", help="New end time HH:MM; 'none' removes it."),
    party: list[str] | None = typer.Option(None, "--party", help="Replace the parties."),
    reason: str = typer.Option("edited by hand", "--reason", help="Why (kept in the history)."),
) -> None:
    """Change a meeting; every change is kept in the history.

    Example: tracker meetings edit 3 --time 10:30 --timezone Europe/Minsk --reason "time from the agenda"
    """
    from tracker.services import tracking
    from tracker.storage import repo

    app_ctx = get_context(ctx)
    changes: dict[str, object] = {}
    # The new dates, zone and times, typed, for the check below (changes holds every field).
    days: dict[str, dt.date] = {}
    if start:
        days["start_date"] = parse_iso_date(start, "--start")
    if end:
        days["end_date"] = parse_iso_date(end, "--end")
    changes.update(days)
    if kind:
        changes["kind"] = parse_kind(kind).value
    if title is not None:
        changes["title"] = title
    if city is not None:
        changes["city"] = parse_city(city)
    zone: dict[str, str | None] = {}
    if timezone is not None:
        zone["timezone"] = parse_timezone(timezone)
    changes.update(zone)
    times: dict[str, dt.time | None] = {}
    for name, value, option in (("start_time", time, "--time"), ("end_time", end_time, "--end-time")):
        if value is not None:
            times[name] = None if value.strip().lower() == "none" else parse_time(value, option)
    changes.update(times)
    if country is not None:
        changes["country"] = country.upper()
    if party:
        changes["parties"] = parse_parties(party, app_ctx.settings.cache_dir)
    with app_ctx.session() as session:
        if {"start_time", "end_time", "timezone", "start_date", "end_date"} & set(changes):
            row = repo.get_meeting(session, meeting_id)
            _check_times(
                times.get("start_time", row.start_time),
                times.get("end_time", row.end_time),
                zone.get("timezone", row.timezone),
                days.get("start_date", row.start_date),
                days.get("end_date", row.end_date),
            )
        row = tracking.edit_meeting(session, meeting_id, changes, at=app_ctx.now(), reason=reason)
        record = meeting_record(repo.meeting_to_domain(repo.get_meeting(session, row.id)))
        links = _links(session, row.id)
    typer.echo(f"updated {_line(record)}")
    _echo_links(links)
