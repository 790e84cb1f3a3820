"""`tracker items list|show|add|edit|done|cancel|reschedule`: the follow-up items.

Listing reads Core rows through a plain connection; the commands that change an
item import the services (and with them SQLAlchemy's ORM) when they run, so that
`items list` and `remind` never load them (issue #16).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.options import (
    parse_city,
    parse_kind,
    parse_optional_date,
    parse_parties,
    parse_party,
    parse_status,
    parse_window,
)
from tracker.cli.output import write_json
from tracker.domain.model import Commitment, Firmness, Kind, Precision, ReviewState, Window
from tracker.errors import InputError
from tracker.exporters.records import commitment_record

items_app = typer.Typer(help="Follow-up items (commitments) and their status.", no_args_is_help=True)
app.add_typer(items_app, name="items")


def _window_text(window: dict) -> str:
    if window["start"] is None:
        return "open-ended"
    return window["start"] if window["start"] == window["end"] else f"{window['start']}..{window['end']}"


def format_item(record: dict) -> str:
    """One line for an item: id, window, state, kind, city, parties, title (marked when unreviewed)."""
    mark = {ReviewState.UNREVIEWED: "?", ReviewState.REJECTED: "x"}.get(record["review"], " ")
    state = record["state"] + (f" {record['days_overdue']}d" if record["days_overdue"] else "")
    return (
        f"#{record['id']:<4}{mark} {_window_text(record['window']):<22} {state:<15} {record['kind']:<13} "
        f"{record['city'] or '-':<12} {','.join(record['parties']):<8} {record['title']}"
    )


def format_source(record: dict) -> str | None:
    """The sentence an item was read from, quoted on its own indented line (None for items added by hand)."""
    if not record.get("evidence"):
        return None
    return f"      \u201c{' '.join(record['evidence'].split())}\u201d"


def format_item_details(record: dict) -> list[str]:
    """An item's line, then its firmness and window as read, its sentence and its source document."""
    lines = [
        format_item(record),
        f"      firmness {record['firmness']}; window \u201c{record['window']['text']}\u201d "
        f"({record['window']['precision']})",
    ]
    if record["evidence"]:
        lines.append(f"      source: \u201c{record['evidence']}\u201d")
    if record["source"]:
        lines.append(f"      from {record['source']}")
    return lines


def format_possible_matches(meeting_ids: list[int] | None) -> str | None:
    """The hint printed under an item with proposed fulfilments, None when it has none."""
    if not meeting_ids:
        return None
    meetings = " or ".join(f"#{meeting_id}" for meeting_id in meeting_ids)
    return f"possible match: meeting {meetings} (`tracker review`)"


def _record(session, item_id: int, app_ctx) -> dict:
    """An item's record, read through the ORM session that has just changed it."""
    from tracker.storage import repo

    row = repo.get_commitment(session, item_id)
    return commitment_record(repo.commitment_to_domain(row), app_ctx.today, app_ctx.settings.due_soon_days)


def _read_record(queries, connection, item_id: int, app_ctx) -> dict:
    """An item's record, read with `queries` (`AppContext.rows`)."""
    item = queries.get_item(connection, item_id)
    return commitment_record(item, app_ctx.today, app_ctx.settings.due_soon_days)


@items_app.command("list")
def list_(
    ctx: typer.Context,
    party: str | None = typer.Option(
        None, "--party", help="Only items with this party (code or name: Belarus)."
    ),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind."),
    status: str | None = typer.Option(None, "--status", help="open, fulfilled, cancelled or rescheduled."),
    overdue: bool = typer.Option(False, "--overdue", help="Only active items whose window has ended."),
    all_: bool = typer.Option(False, "--all", help="Include items rejected in review."),
    json_: bool = typer.Option(False, "--json", help="Print JSON (a list, written as it is read)."),
) -> None:
    """List follow-up items, soonest due first; '?' marks items nobody has reviewed yet, 'x' rejected ones.

    Items rejected in review are left out unless --all is given. The list is
    streamed: long lists start at once and never sit in memory whole.
    Example: tracker items list --party BY --status open
    """
    app_ctx = get_context(ctx)
    parse_status(status)
    kind_ = parse_kind(kind)
    if party:
        party = parse_party(party, app_ctx.settings.cache_dir)
    today, horizon = app_ctx.today, app_ctx.settings.due_soon_days
    filters: dict[str, Any] = {
        "status": status,
        "overdue_on": today if overdue else None,
        "party": party,
        "kind": kind_.value if kind_ else None,
        "active_only": overdue,
        "include_rejected": all_,
    }
    if json_:
        from tracker.storage.items import item_conditions

        with app_ctx.connection(read_only=True) as connection:
            write_json(_json_records(connection, item_conditions(**filters), today, horizon))
        return
    with app_ctx.rows(read_only=True) as (queries, connection):
        items = queries.iter_items(connection, **filters)
        records = (commitment_record(item, today, horizon) for item in items)
        possible = queries.list_possible_matches(connection)
        empty = True
        for record in records:
            empty = False
            typer.echo(format_item(record))
            if (source := format_source(record)) is not None:
                typer.echo(source)
            if (hint := format_possible_matches(possible.get(record["id"]))) is not None:
                typer.echo(f"      {hint}")
        if empty:
            typer.echo("no items")


def _json_records(connection, conditions: list, today, horizon: int):
    """The records of `items list --json`, in batches of JSON texts: each record as the database wrote
    it, with the fields derived on `today` after its own, one a line (`tracker.speed.sql_rows`)."""
    from tracker.cli.output import JsonTextBatches
    from tracker.domain.model import Firmness, Kind, Precision, Status
    from tracker.speed.sql_rows import iter_item_records

    def derived_fields(status: str, review: str, end, fulfilled_on) -> str:
        # The rules read these four fields only: a probe item with them gets the records' derived fields.
        window = Window(end, end, Precision.DAY) if end is not None else Window.open()
        probe = Commitment(
            kind=Kind.MEETING,
            firmness=Firmness.AGREED,
            window=window,
            status=Status(status),
            review=ReviewState(review),
            fulfilled_on=fulfilled_on,
        )
        record = commitment_record(probe, today, horizon)
        return json.dumps(
            {"state": record["state"], "days_overdue": record["days_overdue"]}, separators=(",", ":")
        )

    return JsonTextBatches(iter_item_records(connection, conditions, derived_fields))


@items_app.command("show")
def show(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Item id."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one item with the sentence it was read from and its history.

    Example: tracker items show 1
    """
    app_ctx = get_context(ctx)
    with app_ctx.rows(read_only=True) as (queries, connection):
        record = _read_record(queries, connection, item_id, app_ctx)
        record["history"] = [
            {
                "at": h.changed_at.isoformat(),
                "field": h.field,
                "old": h.old_value,
                "new": h.new_value,
                "reason": h.reason,
            }
            for h in queries.list_item_history(connection, item_id)
        ]
        record["links"] = [
            {"id": link.id, "meeting_id": link.meeting_id, "state": link.state, "reason": link.reason}
            for link in queries.list_item_links(connection, item_id)
        ]
        fulfilling_meeting_id = queries.get_fulfilling_meeting_id(connection, item_id)
    if json_:
        print_json(record)
        return
    for line in format_item_details(record):
        typer.echo(line)
    if record["fulfilled_on"]:
        by = f" by meeting #{fulfilling_meeting_id}" if fulfilling_meeting_id is not None else ""
        typer.echo(f"      fulfilled on {record['fulfilled_on']}{by}")
    for link in record["links"]:
        typer.echo(
            f"      link #{link['id']} [{link['state']}] meeting #{link['meeting_id']}: {link['reason']}"
        )
    for change in record["history"]:
        typer.echo(f"      {change['at'][:16].replace('T', ' ')}  {history_sentence(change)}")


# How a stored field reads in a sentence; the others read as their name with spaces.
_FIELD_WORDS = {
    "fulfilled_meeting_id": "fulfilling meeting",
    "fulfilled_on": "fulfilment date",
    "window_start": "window start",
    "window_end": "window end",
    "fulfilment_link": "fulfilment link",
}


def history_sentence(change: dict) -> str:
    """One history row as a sentence (issue #14: not `fulfilment_link: None -> ...`), its reason after a dash."""
    field, old, new = change["field"], change["old"], change["new"]
    if field == "fulfilled_meeting_id":
        old, new = (f"meeting #{value}" if value not in (None, "") else value for value in (old, new))
    words = _FIELD_WORDS.get(field, field.replace("_", " "))
    if field == "created":
        sentence = "Created"
    elif field == "fulfilment_link" and old in (None, ""):
        sentence = f"Fulfilment {new}"
    elif old in (None, ""):
        sentence = f"{words.capitalize()} set to {new}"
    elif new in (None, ""):
        sentence = f"{words.capitalize()} cleared (was {old})"
    else:
        sentence = f"{words.capitalize()} changed from {old} to {new}"
    return f"{sentence} \u2014 {change['reason']}" if change["reason"] else sentence


@items_app.command("add")
def add(
    ctx: typer.Context,
    title: str = typer.Argument(..., help="What is to happen."),
    kind: str = typer.Option("meeting", "--kind", help=f"One of: {', '.join(k.value for k in Kind)}."),
    firmness: str = typer.Option(
        "agreed", "--firmness", help=f"One of: {', '.join(f.value for f in Firmness)}."
    ),
    due: str | None = typer.Option(
        None, "--window", "--due", help="Due window as a text would say it: 'in 2017', 'by March 2018'."
    ),
    start: str | None = typer.Option(None, "--start", help="Window start (YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--end", help="Window end, inclusive (YYYY-MM-DD)."),
    city: str | None = typer.Option(None, "--city", help="City where it is to happen."),
    country: str | None = typer.Option(None, "--country", help="ISO code of the city's country."),
    party: list[str] | None = typer.Option(None, "--party", help="Party code; repeat or comma-separate."),
    json_: bool = typer.Option(False, "--json", help="Print the new item as JSON."),
) -> None:
    """Add an item by hand (it counts as reviewed).

    Example: tracker items add "Next round of consultations" --kind consultations --due "in 2017" --party BY,RS
    """
    app_ctx = get_context(ctx)
    try:
        firmness_ = Firmness(firmness)
    except ValueError as err:
        raise InputError(f"unknown firmness {firmness!r}") from err
    window = parse_window(due, start, end, app_ctx.today) or Window.open()
    item = Commitment(
        kind=parse_kind(kind),
        firmness=firmness_,
        window=window,
        title=title,
        parties=parse_parties(party, app_ctx.settings.cache_dir),
        city=parse_city(city),
        country=country.upper() if country else None,
        review=ReviewState.CONFIRMED,
        made_on=app_ctx.today,
    )
    at = app_ctx.now()
    with app_ctx.rows(read_only=False) as (queries, connection):
        # None from `tracker.speed.dbapi`: a stored meeting could fulfil the item, which matching
        # (the ORM) must see; nothing was written.
        item_id = queries.add_item(connection, item, at=at)
        record = _read_record(queries, connection, item_id, app_ctx) if item_id is not None else None
    if record is None:
        from tracker.services import adding
        from tracker.storage.items import get_item

        with app_ctx.connection() as connection:
            item_id = adding.add_item(connection, item, at=at)
            added = get_item(connection, item_id)
        record = commitment_record(added, app_ctx.today, app_ctx.settings.due_soon_days)
    if json_:
        print_json(record)
    else:
        typer.echo(f"added {format_item(record)}")


@items_app.command("edit")
def edit(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Item id."),
    title: str | None = typer.Option(None, "--title", help="New title."),
    kind: str | None = typer.Option(None, "--kind", help="New kind."),
    firmness: str | None = typer.Option(None, "--firmness", help="New firmness."),
    due: str | None = typer.Option(None, "--window", "--due", help="New window, as a text would say it."),
    start: str | None = typer.Option(None, "--start", help="New window start."),
    end: str | None = typer.Option(None, "--end", help="New window end (inclusive)."),
    city: str | None = typer.Option(None, "--city", help="New city."),
    country: str | None = typer.Option(None, "--country", help="New country code."),
    party: list[str] | None = typer.Option(None, "--party", help="Replace all the parties (codes or names)."),
    add_party: list[str] | None = typer.Option(None, "--add-party", help="Add a party, keeping the others."),
    remove_party: list[str] | None = typer.Option(None, "--remove-party", help="Remove one party."),
    reason: str = typer.Option("edited by hand", "--reason", help="Why (kept in the history)."),
) -> None:
    """Correct an item (a misread window, city or party); every change is kept in the history.

    Party codes and names are checked (`--party Belarus` is BY). --party replaces all the
    parties; --add-party and --remove-party change one and keep the rest.
    Example: tracker items edit 1 --city Minsk --add-party HU
    """
    from tracker.services import tracking
    from tracker.storage import repo

    app_ctx = get_context(ctx)
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title
    if kind:
        changes["kind"] = parse_kind(kind).value
    if firmness:
        if firmness not in {f.value for f in Firmness}:
            raise InputError(f"unknown firmness {firmness!r}")
        changes["firmness"] = firmness
    window = parse_window(due, start, end, app_ctx.today)
    if window is not None:
        changes["window"] = window
    if city is not None:
        changes["city"] = parse_city(city)
    if country is not None:
        changes["country"] = country.upper()
    cache_dir = app_ctx.settings.cache_dir
    if party and (add_party or remove_party):
        raise InputError("--party replaces all the parties; use it alone, or --add-party/--remove-party")
    replaced = parse_parties(party, cache_dir) if party else None
    added, removed = parse_parties(add_party, cache_dir), parse_parties(remove_party, cache_dir)
    with app_ctx.session() as session:
        if replaced is not None:
            changes["parties"] = replaced
        elif added or removed:
            current = set(repo.get_commitment(session, item_id).parties)
            if not_there := sorted(set(removed) - current):
                raise InputError(
                    f"item #{item_id} has no party {','.join(not_there)} "
                    f"(its parties: {','.join(sorted(current)) or 'none'})"
                )
            changes["parties"] = sorted((current | set(added)) - set(removed))
        tracking.edit_item(session, item_id, changes, at=app_ctx.now(), reason=reason)
        record = _record(session, item_id, app_ctx)
    typer.echo(f"updated {format_item(record)}")


@items_app.command("done")
def done(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Item id."),
    meeting: int | None = typer.Option(
        None, "--by", "--meeting", help="Id of the meeting that fulfilled it."
    ),
    on: str | None = typer.Option(
        None, "--on", help="Date it was fulfilled (default: the meeting's, else today)."
    ),
    reason: str = typer.Option("marked done by hand", "--reason", help="Why (kept in the history)."),
    force: bool = typer.Option(False, "--force", help="Link the meeting even if its parties or city differ."),
) -> None:
    """Mark an item fulfilled, by a meeting or on a date.

    A meeting that lacks a party of the item or is in another city is refused (exit 4) unless
    --force; one held before the item was made or its window opened is done with a warning.
    Example: tracker items done 1 --by 4
    """
    from tracker.services import tracking

    app_ctx = get_context(ctx)
    # Without a meeting or --on it is done "today", the as-of date: history keeps the real instant.
    on_ = parse_optional_date(on, "--on") or (app_ctx.today if meeting is None else None)
    doubts: list[str] = []
    with app_ctx.session() as session:
        if meeting is not None:
            _conflicts, doubts = tracking.check_fulfilment(session, item_id, meeting)
        tracking.complete_item(
            session, item_id, meeting_id=meeting, on=on_, at=app_ctx.now(), reason=reason, force=force
        )
        record = _record(session, item_id, app_ctx)
    typer.echo(f"fulfilled {format_item(record)}")
    for doubt in doubts:
        typer.echo(f"tracker: warning: meeting #{meeting} was {doubt}", err=True)


@items_app.command("cancel")
def cancel(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Item id."),
    reason: str = typer.Option("cancelled by hand", "--reason", help="Why (kept in the history)."),
) -> None:
    """Cancel an item that will not happen.

    Example: tracker items cancel 2 --reason "visit called off"
    """
    from tracker.services import tracking

    app_ctx = get_context(ctx)
    with app_ctx.session() as session:
        tracking.cancel_item(session, item_id, at=app_ctx.now(), reason=reason)
        record = _record(session, item_id, app_ctx)
    typer.echo(f"cancelled {format_item(record)}")


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _confirm_reading(text: str, window: Window) -> None:
    """Ask whether `text` was read right (issue #14: 'sometime soon' silently became six months)."""
    reading = f"read {text!r} as {window.start}..{window.end} ({window.precision})"
    if _is_terminal():
        if not typer.confirm(f"{reading}; reschedule to it?", default=True, err=True):
            typer.echo("tracker: nothing changed", err=True)
            raise typer.Exit(1)
    elif window.precision is Precision.VAGUE:
        raise InputError(f"{reading}, a guess; add --yes to accept it or give --start/--end")


@items_app.command("reschedule")
def reschedule(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Item id."),
    due: str | None = typer.Option(None, "--window", "--due", help="New window, as a text would say it."),
    start: str | None = typer.Option(None, "--start", help="New window start."),
    end: str | None = typer.Option(None, "--end", help="New window end (inclusive)."),
    reason: str = typer.Option("rescheduled by hand", "--reason", help="Why (kept in the history)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Accept how --window was read without asking."),
) -> None:
    """Move an item to a new window; the old window stays in the history.

    A --window text is read as dates first: on a terminal you are asked to confirm them;
    elsewhere a vague text ('soon') is refused unless --yes.
    Example: tracker items reschedule 1 --window "first half of 2018"
    """
    from tracker.services import tracking

    app_ctx = get_context(ctx)
    window = parse_window(due, start, end, app_ctx.today)
    if window is None:
        raise InputError("give the new window with --window or --start/--end")
    if due and not yes:
        _confirm_reading(due, window)
    with app_ctx.session() as session:
        tracking.reschedule_item(session, item_id, window, at=app_ctx.now(), reason=reason)
        record = _record(session, item_id, app_ctx)
    typer.echo(f"rescheduled {format_item(record)}")
