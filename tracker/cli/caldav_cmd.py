"""`tracker caldav add|list|remove` and `tracker sync`: two-way sync with CalDAV calendars (issue 13).

Passwords are read here, at sync time, from the environment variable or the
command named when the account was added; they are never stored nor printed.
"""

from __future__ import annotations

import os
import shlex
import subprocess

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.errors import ConfigError, SyncServerError

__all__ = ["caldav_app", "sync"]

caldav_app = typer.Typer(help="CalDAV calendars that `tracker sync` keeps in step.", no_args_is_help=True)
app.add_typer(caldav_app, name="caldav")


@caldav_app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name for the account."),
    url: str = typer.Argument(
        ..., help="URL of the calendar collection (https://host/dav/calendars/me/tracker/)."
    ),
    user: str | None = typer.Option(None, "--user", help="User name on the server."),
    password_env: str | None = typer.Option(
        None, "--password-env", help="Read the password from this variable."
    ),
    password_cmd: str | None = typer.Option(
        None, "--password-cmd", help="Run this command and read the password from its first line."
    ),
) -> None:
    """Add a CalDAV calendar to sync with. Only where the password comes from is stored, never the password.

    Example: tracker caldav add desk https://dav.example.org/cal/desk/tracker/ --user desk --password-env DESK_PW
    """
    from tracker.services import caldav_sync

    app_ctx = get_context(ctx)
    with app_ctx.session() as session:
        info = caldav_sync.add_account(
            session,
            name,
            url,
            username=user,
            password_env=password_env,
            password_cmd=password_cmd,
            at=app_ctx.now(),
        )
    typer.echo(f"added CalDAV account {info.name!r} ({info.url}); `tracker sync {info.name}` syncs it")


@caldav_app.command("list")
def list_(ctx: typer.Context, json_: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List CalDAV accounts: URL, user, where the password comes from, last sync.

    Example: tracker caldav list --json
    """
    from tracker.services import caldav_sync

    with get_context(ctx).session(read_only=True) as session:
        records = [caldav_sync.describe(row).record() for row in caldav_sync.list_accounts(session)]
    if json_:
        print_json(records)
        return
    if not records:
        typer.echo("no CalDAV accounts")
    for record in records:
        synced = record["synced_at"][:16].replace("T", " ") if record["synced_at"] else "never"
        typer.echo(
            f"{record['name']:<16} {record['url']:<48} user {record['user'] or '-':<12} "
            f"password from {record['password_from']:<16} synced {synced}"
        )


@caldav_app.command("remove")
def remove(ctx: typer.Context, name: str = typer.Argument(..., help="Name of the account.")) -> None:
    """Forget a CalDAV account and what was pushed to it; the server keeps its copies.

    Example: tracker caldav remove desk
    """
    from tracker.services import caldav_sync

    with get_context(ctx).session() as session:
        info = caldav_sync.remove_account(session, name)
    typer.echo(f"removed CalDAV account {info.name!r} (the server keeps what was pushed)")


def _password(row) -> str | None:
    """The account's password from its variable or command; ConfigError when neither gives one."""
    if row.auth_env:
        value = os.environ.get(row.auth_env)
        if value is None:
            raise ConfigError(f"the password of {row.name!r} comes from ${row.auth_env}, which is not set")
        return value
    if row.auth_cmd:
        try:
            done = subprocess.run(shlex.split(row.auth_cmd), capture_output=True, timeout=60, check=False)
        except (OSError, ValueError, subprocess.TimeoutExpired) as err:
            raise ConfigError(
                f"the password command of {row.name!r} could not run: {type(err).__name__}"
            ) from None
        if done.returncode != 0:
            raise ConfigError(f"the password command of {row.name!r} failed (exit {done.returncode})")
        lines = done.stdout.decode("utf-8", "replace").splitlines()
        return lines[0] if lines else ""
    return None


def _summary(report) -> str:
    line = (
        f"{report.account}: pushed {report.created} new, {report.updated} changed, {report.deleted} deleted; "
        f"from the app {report.completed} completed, {report.cancelled} cancelled, "
        f"{report.rescheduled} rescheduled; {report.requests} requests"
    )
    return line


@app.command("sync")
def sync(
    ctx: typer.Context,
    name: str | None = typer.Argument(None, help="Only this account (default: all)."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Sync meetings (VEVENT) and items (VTODO) with CalDAV calendars, both ways.

    Pushes what changed in the tracker (same UIDs and content as `export ics
    --todos as-todos`); pulls what changed in apps: a to-do ticked off makes the
    item done, cancelled cancels it, a moved due date reschedules it, a deleted
    to-do cancels its item (and stays deleted). Other edits made in an app (a
    meeting's time, a to-do's text) are overwritten and listed as notices. When both
    sides changed, the status comes from the app and the text from the tracker;
    such conflicts are listed. Exits 1 when a server failed (named on stderr);
    that account's sync is not saved and the next run retries it.

    Example: tracker sync desk
    """
    from tracker.services import caldav_sync

    app_ctx = get_context(ctx)
    with app_ctx.session(read_only=True) as session:
        rows = [caldav_sync.get_account(session, name)] if name else caldav_sync.list_accounts(session)
        names = [row.name for row in rows]
    if not names:
        typer.echo("no CalDAV accounts; `tracker caldav add` adds one", err=True)
        return
    reports, failures = [], []
    for account in names:
        try:
            with app_ctx.session() as session:
                row = caldav_sync.get_account(session, account)
                reports.append(
                    caldav_sync.sync_account(
                        session, row, _password(row), at=app_ctx.now(), today=app_ctx.today
                    )
                )
        except SyncServerError as err:
            typer.echo(f"tracker: {err}", err=True)
            failures.append(account)
    if json_:
        print_json({"accounts": [report.record() for report in reports], "failed": failures})
    else:
        for report in reports:
            typer.echo(_summary(report))
            for conflict in report.conflicts:
                typer.echo(f"  conflict: {conflict}")
            for deferred in report.deferred:
                typer.echo(f"  deferred: {deferred}")
            for notice in report.notices:
                typer.echo(f"  notice: {notice}")
    if failures:
        raise typer.Exit(SyncServerError.exit_code)
