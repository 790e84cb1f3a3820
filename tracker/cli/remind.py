"""`tracker remind`: what is overdue, due or opening soon, stale, or late (cron-friendly, optionally by mail)."""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import IO

import typer

from tracker.cli.app import app, get_context
from tracker.cli.items import format_item, format_possible_matches, format_source
from tracker.cli.options import parse_kind, parse_party
from tracker.cli.output import JsonText, JsonTextBatches, JsonTexts
from tracker.cli.output import write_json as write_json_document
from tracker.domain.status import window_state
from tracker.errors import InputError
from tracker.limits import check_days
from tracker.services.reminders import Reminder, Reminders, ReminderStream, build_reminders, stream_reminders
from tracker.speed.json_text import dumps_compact, join_json_objects, loads

__all__ = [
    "parse_horizon",
    "reminders_json",
    "parse_items",
    "render_text",
    "write_text_stream",
    "render_html",
    "mail_subject",
    "write_json",
    "write_json_stream",
]

_HORIZON = re.compile(r"^\s*(\d+)\s*([dw]?)\s*$", re.IGNORECASE)
_SECTIONS = ("overdue", "due_soon", "opening_soon", "stale")


def parse_horizon(value: str | None, default_days: int) -> int:
    """Days from "30d", "6w" or "30" (None: the default)."""
    if value is None:
        return default_days
    match = _HORIZON.match(value)
    if not match:
        raise InputError(f"--within must be days or weeks like 30d, 6w or 30, got {value!r}")
    days = int(match[1]) * (7 if match[2].lower() == "w" else 1)
    check_days(days, f"--within {value}")
    return days


def _item_json(reminder: Reminder, reminders: Reminders | ReminderStream) -> str:
    """The reminder's item as one line of JSON: commitment_record's fields, then the reminder's numbers."""
    return join_json_objects(reminder.record, _item_fields(reminder, reminders))


def _item_fields(reminder: Reminder, reminders: Reminders | ReminderStream) -> str:
    """The reminder's numbers as the text of a JSON object (what `_item_json` adds to the item's record)."""
    state = window_state(reminder.window_end, reminders.today, reminders.within_days)
    return _reminder_fields(
        state,
        reminder.days_overdue,
        reminder.unreviewed,
        reminder.days_left,
        reminder.opens_in_days,
        reminder.last_news,
    )


@lru_cache(maxsize=65536, typed=True)
def _reminder_fields(
    state: str,
    days_overdue: int,
    unreviewed: bool,
    days_left: int | None,
    opens_in_days: int | None,
    last_news: dt.date | None,
) -> str:
    # Cached: items that share a window (most do) share these fields, and encoding them anew
    # for each of 70,000 items would cost more than the rest of the command.
    return dumps_compact(
        {
            "state": state,
            "days_overdue": days_overdue,
            "unreviewed": unreviewed,
            "days_left": days_left,
            "opens_in_days": opens_in_days,
            "last_news": last_news,
        }
    )


def reminders_json(reminders: Reminders) -> dict:
    """The `--json` document: one list per group, in reminder order, each item as the text of its JSON object."""
    document: dict = {
        "today": reminders.today.isoformat(),
        "within_days": reminders.within_days,
        "stale_months": reminders.stale_months,
        "counts": reminders.counts,
    }
    for name in _SECTIONS:
        document[name] = [_item_json(r, reminders) for r in getattr(reminders, name)]
    document["late_cadences"] = [cadence.to_json() for cadence in reminders.late_cadences]
    return document


def parse_items(document: dict) -> dict:
    """The document of `reminders_json` with its items as dicts (for the text, HTML and mail renderings)."""
    return {**document, **{name: [loads(text) for text in document[name]] for name in _SECTIONS}}


def write_json(document: dict, out=None) -> None:
    """Print the document of `reminders_json`: keys indented like every --json, each entry on one line.

    One line per item suits grep; the items are already JSON texts (written by the
    database), so 70,000 overdue items cost no encoding here. A section may also be
    given as `JsonTextBatches` (`write_json_stream`).
    """
    write_json_document({key: _one_line_entries(key, value) for key, value in document.items()}, out)


def _one_line_entries(key: str, value):
    if isinstance(value, list):
        return JsonTexts(value if key in _SECTIONS else [dumps_compact(entry) for entry in value])
    if isinstance(value, dict):
        return JsonText(dumps_compact(value))
    return value


def write_json_stream(stream: ReminderStream, out: IO[str] | None = None) -> None:
    """Write the document of `reminders_json` for these reminders as their items are read (issue #16)."""
    batches = stream.iter_dated_texts(lambda reminder: _item_fields(reminder, stream))
    pending = next(batches, None)

    def section(name: str) -> Iterator[list[str]]:
        # The sections are written in the order the database sends their items: each takes its own.
        nonlocal pending
        while pending is not None and pending[0] == name:
            yield pending[1]
            pending = next(batches, None)

    document = {
        "today": stream.today.isoformat(),
        "within_days": stream.within_days,
        "stale_months": stream.stale_months,
        "counts": stream.counts,
        **{name: JsonTextBatches(section(name)) for name in _SECTIONS[:-1]},
        "stale": [_item_json(r, stream) for r in stream.stale],
        "late_cadences": [cadence.to_json() for cadence in stream.late_cadences],
    }
    write_json(document, out)


def _note(name: str, record: dict) -> str:
    if name == "due_soon":
        return f"due in {record['days_left']} day(s)"
    if name == "opening_soon":
        return f"opens in {record['opens_in_days']} day(s)"
    if name == "stale":
        return f"last news {record['last_news'] or 'never'}"
    return f"{record['days_overdue']} day(s) overdue"


def render_text(document: dict, possible_matches: dict[int, list[int]] | None = None) -> str:
    """Plain text of a reminders document; '?' marks unreviewed items.

    :param possible_matches: item id -> meetings proposed as its fulfilment, named under the item.
    """
    sections = ((name, len(document[name]), document[name]) for name in _SECTIONS)
    lines = _text_lines(document, sections, document["late_cadences"], possible_matches or {})
    return "".join(line + "\n" for line in lines)


def _text_lines(
    head: dict,
    sections: Iterable[tuple[str, int, Iterable[dict]]],
    late_cadences: list[dict],
    possible_matches: dict[int, list[int]],
) -> Iterator[str]:
    """The lines of `render_text`, made one at a time: (name, count, records) for each section in order."""

    titles = _titles_from(head)
    wrote = unreviewed = False
    for name, count, records in sections:
        if not count:
            continue
        wrote = True
        yield f"{titles[name]} ({count}):"
        for record in records:
            unreviewed = unreviewed or record["unreviewed"]
            yield f"  {format_item(record)}  [{_note(name, record)}]"
            if (source := format_source(record)) is not None:
                yield f"  {source}"
            if (hint := format_possible_matches(possible_matches.get(record["id"]))) is not None:
                yield f"        {hint}"
    if late_cadences:
        wrote = True
        yield f"{titles['late_cadences']} ({len(late_cadences)}):"
        yield from (f"  {_cadence_text(c)}" for c in late_cadences)
    if not wrote:
        yield f"Nothing due within {head['within_days']} days on {head['today']}."
    elif unreviewed:
        yield "? = read from a text, not reviewed yet (`tracker review`)"


def write_text_stream(stream: ReminderStream, out: IO[str] | None = None) -> None:
    """Write `render_text` of the reminders as their items are read (a long list never sits in memory)."""
    head = {
        "today": stream.today.isoformat(),
        "within_days": stream.within_days,
        "stale_months": stream.stale_months,
    }
    rows = stream.iter_dated()
    pending = next(rows, None)

    def take(name: str) -> Iterator[dict]:
        nonlocal pending
        while pending is not None and pending[0] == name:
            yield loads(_item_json(pending[1], stream))
            pending = next(rows, None)

    sections: list[tuple[str, int, Iterable[dict]]] = [
        (name, stream.counts[name], take(name)) for name in _SECTIONS[:-1]
    ]
    stale = [loads(_item_json(r, stream)) for r in stream.stale]
    sections.append(("stale", len(stale), stale))
    cadences = [cadence.to_json() for cadence in stream.late_cadences]
    out = out or sys.stdout
    buffer: list[str] = []
    for line in _text_lines(head, sections, cadences, stream.possible_matches):
        buffer.append(line)
        if len(buffer) >= 1000:
            out.write("\n".join(buffer) + "\n")
            buffer.clear()
    if buffer:
        out.write("\n".join(buffer) + "\n")


def _cadence_text(c: dict) -> str:
    return (
        f"{','.join(c['parties'])} {c['kind']}: {c['meetings']} meetings, every ~{c['median_interval_days']} "
        f"days, last {c['last']}, expected {c['expected_next']}, late since {c['late_after']} "
        f"({c['days_late']} days)"
    )


def _titles_from(document: dict) -> dict[str, str]:
    within, months = document["within_days"], document["stale_months"]
    return {
        "overdue": "Overdue",
        "due_soon": f"Due within {within} days",
        "opening_soon": f"Windows opening within {within} days",
        "stale": f"Stale (no news for {months} months)",
        "late_cadences": "Late cadences (no meeting and nothing promised)",
    }


def render_html(document: dict) -> str:
    """The same content as `render_text`, as a small self-contained HTML page."""
    esc = html.escape
    titles = _titles_from(document)
    parts = [f"<html><body><h1>Reminders for {esc(document['today'])}</h1>"]
    for name in _SECTIONS:
        if not document[name]:
            continue
        parts.append(
            f"<h2>{esc(titles[name])} ({len(document[name])})</h2><table>"
            "<tr><th>#</th><th>window</th><th>kind</th><th>city</th><th>parties</th><th>title</th>"
            "<th></th></tr>"
        )
        for record in document[name]:
            window = record["window"]
            span = "open-ended" if window["start"] is None else f"{window['start']}..{window['end']}"
            mark = ' <b title="not reviewed yet">?</b>' if record["unreviewed"] else ""
            parts.append(
                f"<tr><td>{record['id']}{mark}</td><td>{esc(span)}</td><td>{esc(record['kind'])}</td>"
                f"<td>{esc(record['city'] or '-')}</td><td>{esc(','.join(record['parties']))}</td>"
                f"<td>{esc(record['title'])}</td><td>{esc(_note(name, record))}</td></tr>"
            )
        parts.append("</table>")
    if document["late_cadences"]:
        parts.append(f"<h2>{esc(titles['late_cadences'])}</h2><ul>")
        parts.extend(f"<li>{esc(_cadence_text(c))}</li>" for c in document["late_cadences"])
        parts.append("</ul>")
    if not any(document[name] for name in _SECTIONS) and not document["late_cadences"]:
        parts.append(f"<p>Nothing due within {document['within_days']} days.</p>")
    elif any(r["unreviewed"] for name in _SECTIONS for r in document[name]):
        parts.append("<p>? = read from a text, not reviewed yet (<code>tracker review</code>)</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def mail_subject(document: dict) -> str:
    counts = document["counts"]
    found = [
        f"{counts[key]} {label}"
        for key, label in (
            ("overdue", "overdue"),
            ("due_soon", "due soon"),
            ("opening_soon", "opening soon"),
            ("stale", "stale"),
            ("late_cadences", "late cadence(s)"),
        )
        if counts[key]
    ]
    return f"tracker reminders {document['today']}: " + (", ".join(found) if found else "nothing due")


@app.command()
def remind(
    ctx: typer.Context,
    within: str | None = typer.Option(
        None, "--within", help="Horizon: 30d, 6w or 30 (default: due_soon_days)."
    ),
    party: str | None = typer.Option(
        None, "--party", help="Only items and cadences with this party (code or name)."
    ),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
    fail_on_overdue: bool = typer.Option(
        False, "--fail-on-overdue", help="Exit 1 when something is overdue."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print (and mail) nothing when nothing is due."),
    mail_to: str | None = typer.Option(
        None,
        "--mail-to",
        help="Also send the reminders to this address (SMTP settings: `tracker config show`).",
    ),
) -> None:
    """Print what is overdue, due soon, opening soon or stale, and late cadences.

    Overdue items come first (oldest first), then items due soon, windows opening soon, stale
    items and late cadences. '?' marks items nobody has reviewed yet; rejected items are left out.

    With --mail-to the same content goes out as a plain-text and HTML mail, and
    stdout gets one confirmation line. Exit status 1 with --fail-on-overdue when
    anything is overdue. Example (crontab): tracker remind --within 6w --quiet --fail-on-overdue
    """
    app_ctx = get_context(ctx)
    settings = app_ctx.settings
    horizon = parse_horizon(within, settings.due_soon_days)
    kind_ = parse_kind(kind)
    code = parse_party(party, settings.cache_dir) if party else None
    kind_value = kind_.value if kind_ else None
    if not mail_to:
        # Text and JSON are written as the items are read: 100,000 of them never sit in memory (issue #16).
        with app_ctx.connection(read_only=True) as session:
            stream = stream_reminders(
                session,
                app_ctx.today,
                horizon,
                party=code,
                kind=kind_value,
                stale_months=settings.stale_months,
            )
            if not (quiet and stream.empty):
                (write_json_stream if json_ else write_text_stream)(stream)
        if fail_on_overdue and stream.counts["overdue"]:
            raise typer.Exit(1)
        return
    with app_ctx.connection(read_only=True) as session:
        reminders = build_reminders(
            session,
            app_ctx.today,
            horizon,
            party=code,
            kind=kind_value,
            stale_months=settings.stale_months,
        )
    document = reminders_json(reminders)
    silent = quiet and reminders.empty
    if mail_to and not silent:
        from tracker.services.mail import send_mail

        readable = parse_items(document)
        sent = send_mail(
            settings,
            mail_to,
            mail_subject(readable),
            render_text(readable, reminders.possible_matches),
            render_html(readable),
        )
        document["mailed_to"] = sent
    if silent:
        pass
    elif json_:
        write_json(document)
    elif mail_to:
        typer.echo(f"mailed to {', '.join(document['mailed_to'])}: {mail_subject(document)}")
    if fail_on_overdue and reminders.overdue:
        raise typer.Exit(1)
