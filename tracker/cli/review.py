"""`tracker review`: walk through what the machine read and linked; confirm, reject or correct it.

Without a subcommand the walk is interactive, one decision per prompt, and each
decision is committed at once (quitting keeps what was decided). The
subcommands do the same for scripts.
"""

from __future__ import annotations

import datetime as dt

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.items import format_item, format_item_details
from tracker.cli.options import parse_parties, parse_window
from tracker.clock import parse_iso_date
from tracker.domain.model import Window
from tracker.errors import InputError, TrackerError
from tracker.exporters.records import commitment_record, meeting_record
from tracker.services import review as review_service
from tracker.services import tracking
from tracker.services.review import PendingLink, ReviewQueue
from tracker.storage import repo

review_app = typer.Typer(
    help=(
        "Confirm or reject items and fulfilment links read from texts.\n\n"
        "Bare `tracker review` is interactive: it walks through unreviewed items, then pending "
        "fulfilment links, one prompt each (confirm, reject, edit the window or the place and parties, "
        "skip, quit), and saves every decision at once. The commands below do the same by id, for scripts.\n\n"
        "Example: tracker review"
    )
)
app.add_typer(review_app, name="review")

ITEM_CHOICES = "[c]onfirm, [r]eject, edit [w]indow, edit [p]lace/parties, [s]kip, [q]uit"
LINK_CHOICES = "[c]onfirm, [r]eject, [s]kip, [q]uit"


def _item_record(item, app_ctx) -> dict:
    return commitment_record(item, app_ctx.today, app_ctx.settings.due_soon_days)


def _link_record(link: PendingLink, app_ctx) -> dict:
    return {
        "id": link.id,
        "state": link.state,
        "reason": link.reason,
        "item": _item_record(link.item, app_ctx),
        "meeting": meeting_record(link.meeting),
    }


def _meeting_line(record: dict) -> str:
    when = record["start"] if record["start"] == record["end"] else f"{record['start']}..{record['end']}"
    return (
        f"meeting #{record['id']} {when} {record['kind']} {record['city'] or '-'} "
        f"{','.join(record['parties'])} {record['title']}".rstrip()
    )


def _queue_json(queue: ReviewQueue, app_ctx) -> dict:
    return {
        "items": [_item_record(item, app_ctx) for item in queue.items],
        "links": [_link_record(link, app_ctx) for link in queue.links],
    }


def _echo_item(record: dict) -> None:
    for line in format_item_details(record):
        typer.echo(line)


def _echo_link(record: dict) -> None:
    verb = "fulfilled (automatically)" if record["state"] == "auto" else "may be fulfilled"
    typer.echo(f"link #{record['id']} [{record['state']}]: item {verb} by")
    typer.echo(f"  {_meeting_line(record['meeting'])}")
    if record["meeting"]["evidence"]:
        typer.echo(f"      meeting evidence: \u201c{record['meeting']['evidence']}\u201d")
    typer.echo("  item:")
    typer.echo(f"  {format_item(record['item'])}")
    if record["item"]["evidence"]:
        typer.echo(f"      item evidence: \u201c{record['item']['evidence']}\u201d")
    typer.echo(f"  why: {record['reason']}")


WINDOW_PROMPT = "new window ('in 2018', 2018-03-01..2018-03-31, 2018-03-01 or open)"


def _parse_window_answer(answer: str, anchor: dt.date) -> Window:
    """A window from "in 2018", "2018-03-01..2018-03-31", "2018-03-01" or "open".

    Raises InputError that names the answers the prompt takes (not the command's options).
    """
    try:
        return _read_window_answer(answer, anchor)
    except InputError as err:
        raise InputError(
            f"cannot read a window from {answer.strip()!r}; answer like 'in 2018', "
            "2018-03-01..2018-03-31, 2018-03-01 or open"
        ) from err


def _read_window_answer(answer: str, anchor: dt.date) -> Window:
    answer = answer.strip()
    if answer.lower() in {"open", "none", "-"}:
        return Window.open("open-ended")
    if ".." in answer:
        start, end = answer.split("..", 1)
        return _given(parse_window(None, start.strip(), end.strip(), anchor))
    try:
        parse_iso_date(answer)
    except InputError:
        return _given(parse_window(answer, None, None, anchor))
    return _given(parse_window(None, answer, answer, anchor))


def _given(window: Window | None) -> Window:
    if window is None:  # an empty answer, or ".." alone
        raise InputError("no window given")
    return window


@review_app.callback(invoke_without_command=True)
def walk(ctx: typer.Context) -> None:
    """Walk through unreviewed items, then pending fulfilment links, one prompt each.

    Items: confirm, reject, edit the window, edit city and parties, skip, quit.
    Links: confirm (a proposed link then fulfils its item), reject (an automatic
    link is undone), skip, quit. Every decision is saved at once.
    Example: tracker review
    """
    if ctx.invoked_subcommand is not None:
        return
    app_ctx = get_context(ctx)
    with app_ctx.session() as session:
        queue = review_service.list_pending(session)
        if not len(queue):
            typer.echo("nothing to review")
            return
        total = len(queue)
        counts = {"saved": 0, "skipped": 0}
        steps = [("item", item.stored_id, _review_item) for item in queue.items] + [
            ("fulfilment link", link.id, _review_link) for link in queue.links
        ]
        for position, (what, target_id, review_one) in enumerate(steps, 1):
            typer.echo(f"\n[{position}/{total}] {what}")
            outcome, saved = review_one(session, app_ctx, target_id)
            counts["saved"] += saved
            if outcome == "quit":
                typer.echo(f"stopped; {_decisions(counts)}")
                return
            counts["skipped"] += outcome == "skipped"
        typer.echo(f"\nreview done; {_decisions(counts)}")


def _decisions(counts: dict[str, int]) -> str:
    # Only what was written counts as saved (issue #14: "skip then quit" said "1 decision(s) saved").
    return f"{counts['saved']} decision(s) saved, {counts['skipped']} skipped"


def _review_item(session, app_ctx, item_id: int) -> tuple[str, int]:
    """Prompt for one item until a decision: ("decided" | "skipped" | "quit", changes saved)."""
    saved = 0
    while True:
        row = repo.get_commitment(session, item_id)
        record = _item_record(repo.commitment_to_domain(row), app_ctx)
        _echo_item(record)
        choice = typer.prompt(ITEM_CHOICES, default="s").strip().lower()[:1]
        try:
            if choice == "q":
                return "quit", saved
            if choice == "s":
                return "skipped", saved
            if choice == "c":
                review_service.confirm_item(session, item_id, at=app_ctx.now())
                session.commit()
                typer.echo(f"confirmed #{item_id}")
                return "decided", saved + 1
            if choice == "r":
                review_service.reject_item(session, item_id, at=app_ctx.now())
                session.commit()
                typer.echo(f"rejected #{item_id}")
                return "decided", saved + 1
            if choice == "w":
                answer = typer.prompt(WINDOW_PROMPT)
                window = _parse_window_answer(answer, row.made_on or app_ctx.today)
                tracking.edit_item(
                    session,
                    item_id,
                    {"window": window},
                    at=app_ctx.now(),
                    reason="window corrected in review",
                )
                session.commit()
                saved += 1
            elif choice == "p":
                city = typer.prompt("city ('-' for none)", default=row.city or "-").strip()
                parties = typer.prompt(
                    "parties (codes or names, comma-separated)", default=",".join(row.parties) or "-"
                ).strip()
                changes = {
                    "city": None if city in {"", "-"} else city,
                    "parties": []
                    if parties in {"", "-"}
                    else parse_parties([parties], app_ctx.settings.cache_dir),
                }
                tracking.edit_item(session, item_id, changes, at=app_ctx.now(), reason="corrected in review")
                session.commit()
                saved += 1
            else:
                typer.echo(f"please answer one of: {ITEM_CHOICES}")
        except TrackerError as err:
            session.rollback()
            typer.echo(f"tracker: {err}", err=True)


def _review_link(session, app_ctx, link_id: int) -> tuple[str, int]:
    """Prompt for one link until a decision: ("decided" | "skipped" | "quit", changes saved)."""
    queue = review_service.list_pending(session)
    pending = next((link for link in queue.links if link.id == link_id), None)
    if pending is None:  # settled by an earlier decision in this walk
        return "decided", 0
    while True:
        _echo_link(_link_record(pending, app_ctx))
        choice = typer.prompt(LINK_CHOICES, default="s").strip().lower()[:1]
        try:
            if choice == "q":
                return "quit", 0
            if choice == "s":
                return "skipped", 0
            if choice in {"c", "r"}:
                action = review_service.confirm_link if choice == "c" else review_service.reject_link
                action(session, link_id, at=app_ctx.now())
                session.commit()
                typer.echo(f"{'confirmed' if choice == 'c' else 'rejected'} link #{link_id}")
                return "decided", 1
            typer.echo(f"please answer one of: {LINK_CHOICES}")
        except TrackerError as err:
            session.rollback()
            typer.echo(f"tracker: {err}", err=True)
            return "skipped", 0


@review_app.command("list")
def list_(ctx: typer.Context, json_: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List what awaits review: unreviewed items, then pending fulfilment links (proposed or automatic).

    Example: tracker review list --json
    """
    app_ctx = get_context(ctx)
    with app_ctx.session(read_only=True) as session:
        document = _queue_json(review_service.list_pending(session), app_ctx)
    if json_:
        print_json(document)
        return
    if not document["items"] and not document["links"]:
        typer.echo("nothing to review")
    for record in document["items"]:
        typer.echo(f"item {format_item(record)}")
    for link in document["links"]:
        typer.echo(
            f"link #{link['id']:<4} {link['state']:<8} item #{link['item']['id']} <- "
            f"{_meeting_line(link['meeting'])}"
        )


def _decide(ctx: typer.Context, action, target_id: int, reason: str, what: str) -> None:
    app_ctx = get_context(ctx)
    with app_ctx.session() as session:
        action(session, target_id, at=app_ctx.now(), reason=reason)
        if what == "item":
            record = _item_record(repo.commitment_to_domain(repo.get_commitment(session, target_id)), app_ctx)
            line = format_item(record)
        else:
            link = review_service.fulfilment.get_link(session, target_id)
            line = f"link #{link.id} {link.state}: item #{link.commitment_id} <- meeting #{link.meeting_id}"
    typer.echo(line)


@review_app.command("confirm")
def confirm(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Item id."),
    reason: str = typer.Option("confirmed in review", "--reason", help="Why (kept in the history)."),
) -> None:
    """Confirm that an item was read correctly.

    Example: tracker review confirm 1
    """
    _decide(ctx, review_service.confirm_item, item_id, reason, "item")


@review_app.command("reject")
def reject(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Item id."),
    reason: str = typer.Option("rejected in review", "--reason", help="Why (kept in the history)."),
) -> None:
    """Reject a misread item: it leaves reminders and lists (`items list --all` still shows it).

    Example: tracker review reject 2 --reason "a general intention, not a meeting"
    """
    _decide(ctx, review_service.reject_item, item_id, reason, "item")


@review_app.command("confirm-link")
def confirm_link(
    ctx: typer.Context,
    link_id: int = typer.Argument(..., help="Link id (`tracker review list`)."),
    reason: str = typer.Option("confirmed in review", "--reason", help="Why (kept in the history)."),
) -> None:
    """Confirm a fulfilment link; a proposed one then marks its item fulfilled.

    Example: tracker review confirm-link 3
    """
    _decide(ctx, review_service.confirm_link, link_id, reason, "link")


@review_app.command("reject-link")
def reject_link(
    ctx: typer.Context,
    link_id: int = typer.Argument(..., help="Link id (`tracker review list`)."),
    reason: str = typer.Option("rejected in review", "--reason", help="Why (kept in the history)."),
) -> None:
    """Reject a fulfilment link; if it had fulfilled its item, the item is open again.

    Example: tracker review reject-link 3 --reason "a different format of talks"
    """
    _decide(ctx, review_service.reject_link, link_id, reason, "link")
