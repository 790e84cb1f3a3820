"""Two-way sync with CalDAV calendar collections: meetings as VEVENT, items as VTODO, and back.

Push: every meeting and item goes to the collection as its own resource, with the
same UID and bytes as in the .ics export (`iter_objects`, items as to-dos). A new
one is created with `If-None-Match: *`, a changed one updated with `If-Match` on
the ETag stored at the last sync, one that left the calendar (rejected, removed)
deleted. Bytes are hashed, so what did not change is not sent.

Pull: a sync-collection REPORT (RFC 6578) from the stored sync token lists what
changed on the server; only resources whose ETag differs from ours are fetched.
A VTODO an app marked COMPLETED makes the item done ("completed in <calendar> on
<date>"), CANCELLED cancels it, a moved DUE reschedules it. A to-do deleted in an
app is what a desk officer does with a follow-up that will not happen: an active
item is cancelled ("deleted in <calendar> on <date>"), and the to-do is not put
back unless the item is reopened. A meeting deleted in an app is put back (the
tracker keeps the record of contacts). Anything else an app changed (a meeting's
time, a to-do's text) is overwritten by the tracker's version, and each such
change is named in the report's notices. The conflict rule, when both sides changed: the status
(done, cancelled, due date) comes from the app, the text from the tracker; each
conflict is reported. A sync with nothing new is one REPORT: after writing, a
second REPORT moves the token past our own writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.domain.model import Precision, Status, Window
from tracker.domain.status import is_active
from tracker.errors import ConflictError, InputError, NotFoundError, SyncServerError
from tracker.exporters.ics import ExportOptions, TodoMode, iter_objects
from tracker.exporters.vdir import file_name
from tracker.services import tracking
from tracker.services.feeds import CalendarFilter, calendar_fingerprint, load_calendar
from tracker.storage import caldav as caldav_store
from tracker.storage import models as m
from tracker.storage import repo

if TYPE_CHECKING:
    from caldav.davclient import DAVClient

__all__ = [
    "AccountInfo",
    "SyncReport",
    "add_account",
    "list_accounts",
    "remove_account",
    "get_account",
    "sync_account",
    "describe",
]

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# pushed_status of a to-do deleted in an app: the record stays so that the push does not put it back.
_DELETED_IN_APP = "DELETED"
# Properties an app may change that the tracker does not take back (it puts its own version back):
# a change to any of them is named in the report. STATUS, DUE and COMPLETED are pulled; stamps,
# SEQUENCE and X- properties are the app's bookkeeping.
_TRACKER_OWNED = ("SUMMARY", "DESCRIPTION", "LOCATION", "DTSTART", "DTEND", "URL", "CATEGORIES", "RRULE")
_TIMEOUT = 30  # seconds per request: a cron job must end


@dataclass(frozen=True)
class AccountInfo:
    """An account as shown to the user: where the password comes from, never the password."""

    name: str
    url: str
    username: str | None
    password_from: str  # "env VAR", "command" or "none"
    synced_at: dt.datetime | None

    def record(self) -> dict:
        return {
            "name": self.name,
            "url": self.url,
            "user": self.username,
            "password_from": self.password_from,
            "synced_at": self.synced_at.isoformat() if self.synced_at else None,
        }


@dataclass
class SyncReport:
    """What one sync of one account did; `requests` counts every HTTP request sent."""

    account: str
    created: int = 0
    updated: int = 0
    deleted: int = 0
    completed: int = 0
    cancelled: int = 0
    rescheduled: int = 0
    overwritten: int = 0
    requests: int = 0
    conflicts: list[str] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # app changes the tracker did not take, and deletions

    @property
    def writes(self) -> int:
        return self.created + self.updated + self.deleted

    def record(self) -> dict:
        return {
            "account": self.account,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "completed": self.completed,
            "cancelled": self.cancelled,
            "rescheduled": self.rescheduled,
            "overwritten": self.overwritten,
            "requests": self.requests,
            "conflicts": self.conflicts,
            "deferred": self.deferred,
            "notices": self.notices,
        }


def _info(row: m.CaldavAccount) -> AccountInfo:
    source = f"env {row.auth_env}" if row.auth_env else "command" if row.auth_cmd else "none"
    return AccountInfo(row.name, row.url, row.username, source, row.synced_at)


def add_account(
    session: Session,
    name: str,
    url: str,
    *,
    username: str | None,
    password_env: str | None,
    password_cmd: str | None,
    at: dt.datetime,
) -> AccountInfo:
    """Store an account; InputError for a bad URL or source, ConflictError when the name is taken.

    A URL with a password in it is refused: the password would be stored in clear.
    """
    name = name.strip()
    if not name or len(name) > 200 or any(ord(ch) < 0x20 for ch in name):
        raise InputError("an account name needs 1 to 200 printable characters")
    try:
        parts = urlsplit(url)
    except ValueError as err:
        raise InputError(f"cannot read the URL {url!r}") from err
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise InputError(f"the URL must be http(s)://host/path-of-the-calendar/, got {url!r}")
    if parts.password is not None or parts.username is not None:
        raise InputError(
            "put no user or password in the URL; use --user and --password-env or --password-cmd"
        )
    if password_env is not None and password_cmd is not None:
        raise InputError("give --password-env or --password-cmd, not both")
    if password_env is not None and not _ENV_NAME.fullmatch(password_env):
        raise InputError(f"--password-env takes the NAME of an environment variable, got {password_env!r}")
    if password_cmd is not None and not password_cmd.strip():
        raise InputError("--password-cmd needs a command, e.g. 'pass show caldav/home'")
    if caldav_store.find_account(session, name) is not None:
        raise ConflictError(
            f"a CalDAV account named {name!r} exists already; remove it first or choose another name"
        )
    row = m.CaldavAccount(
        name=name,
        url=url if url.endswith("/") else url + "/",
        username=username,
        auth_env=password_env,
        auth_cmd=password_cmd,
        created_at=at,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as err:
        raise ConflictError(f"a CalDAV account named {name!r} exists already") from err
    return _info(row)


def list_accounts(session: Session) -> list[m.CaldavAccount]:
    return caldav_store.list_accounts(session)


def get_account(session: Session, name: str) -> m.CaldavAccount:
    row = caldav_store.find_account(session, name)
    if row is None:
        raise NotFoundError(f"no CalDAV account named {name!r}; `tracker caldav list` shows them")
    return row


def remove_account(session: Session, name: str) -> AccountInfo:
    """Forget an account and what was pushed to it (the server keeps its copies)."""
    row = get_account(session, name)
    info = _info(row)
    caldav_store.delete_account(session, row)
    session.flush()
    return info


def describe(row: m.CaldavAccount) -> AccountInfo:
    return _info(row)


# The HTTP side, through the caldav library.


def _client(row: m.CaldavAccount, password: str | None, report: SyncReport) -> DAVClient:
    from caldav.davclient import DAVClient

    class _CountingClient(DAVClient):
        """Counts every request: a sync with nothing new must stay at one or two."""

        def request(self, *args, **kwargs):
            report.requests += 1
            return super().request(*args, **kwargs)

    return _CountingClient(url=row.url, username=row.username, password=password, timeout=_TIMEOUT)


def _failure(row: m.CaldavAccount, err: Exception) -> SyncServerError:
    reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return SyncServerError(f"sync {row.name!r} failed at {row.url}: {reason[:200]}; nothing of it was saved")


def _etag_of(response) -> str | None:
    return response.headers.get("ETag") or response.headers.get("etag")


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse_todo(body: bytes | str):
    import icalendar

    calendar = icalendar.Calendar.from_ical(body)
    for component in calendar.walk():
        if component.name in {"VTODO", "VEVENT"}:
            return component
    return None


def _server_end(todo) -> dt.date | None:
    """The inclusive last day a server VTODO's DUE means (a DATE DUE is exclusive, a DATE-TIME its own day)."""
    due = todo.get("DUE")
    if due is None:
        return None
    value = due.dt
    if isinstance(value, dt.datetime):
        return value.date()
    return value - dt.timedelta(days=1)


def _completed_on(todo, today: dt.date) -> dt.date:
    completed = todo.get("COMPLETED")
    if completed is None:
        return today
    value = completed.dt
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.date()
    return value


@dataclass
class _Context:
    session: Session
    row: m.CaldavAccount
    client: DAVClient
    report: SyncReport
    at: dt.datetime
    today: dt.date


def _changed_properties(server_component, local: bytes | None) -> list[str]:
    """The tracker-owned properties whose values differ between the server's component and ours."""
    ours = _parse_todo(local) if local is not None else None
    if ours is None:
        return []

    def value(component, name: str) -> list[bytes]:
        found = component.get(name)
        found = found if isinstance(found, list) else [] if found is None else [found]
        return [v.to_ical() if hasattr(v, "to_ical") else str(v).encode() for v in found]

    return [name for name in _TRACKER_OWNED if value(server_component, name) != value(ours, name)]


def _apply_app_changes(
    ctx: _Context, record: m.CaldavObject, body: bytes, changed_here: bool, local: bytes | None
) -> None:
    """Bring what an app changed in a VTODO into the item: done, cancelled, due moved.

    `local` is the tracker's current bytes of the component: what the app changed beyond what is
    pulled is overwritten, and named in the report's notices (unless the tracker changed it too).
    """
    component = _parse_todo(body)
    overwritten = [] if component is None or changed_here else _changed_properties(component, local)
    todo = component
    if todo is None or todo.name != "VTODO" or record.commitment_id is None:
        ctx.report.overwritten += 1
        if overwritten:
            ctx.report.notices.append(
                f"{record.uid} ({str(todo.get('SUMMARY', ''))[:80]}) changed in {ctx.row.name} "
                f"({', '.join(overwritten)}): the tracker's version was put back; change meetings "
                "with `tracker meetings edit`"
            )
        return
    item_row = ctx.session.get(m.Commitment, record.commitment_id)
    if item_row is None:
        return
    item = repo.commitment_to_domain(item_row)
    status = str(todo.get("STATUS", "NEEDS-ACTION")).upper()
    calendar_name = ctx.row.name
    took = []
    if status == "COMPLETED" and record.pushed_status != "COMPLETED" and is_active(item):
        on = _completed_on(todo, ctx.today)
        tracking.complete_item(
            ctx.session,
            item_row.id,
            at=ctx.at,
            on=on,
            reason=f"completed in {calendar_name} on {on.isoformat()}",
        )
        ctx.report.completed += 1
        took.append("done")
    elif status == "CANCELLED" and record.pushed_status != "CANCELLED" and is_active(item):
        tracking.cancel_item(
            ctx.session,
            item_row.id,
            at=ctx.at,
            reason=f"cancelled in {calendar_name} on {ctx.today.isoformat()}",
        )
        ctx.report.cancelled += 1
        took.append("cancelled")
    else:
        end = _server_end(todo)
        if end is not None and end != record.pushed_end and is_active(item):
            start = item.window.start if item.window.start and item.window.start <= end else end
            window = Window(
                start,
                end,
                Precision.DAY if start == end else Precision.DAYS,
                f"due date moved in {calendar_name}",
            )
            tracking.reschedule_item(
                ctx.session,
                item_row.id,
                window,
                at=ctx.at,
                reason=f"due date moved in {calendar_name} on {ctx.today.isoformat()}",
            )
            ctx.report.rescheduled += 1
            took.append(f"due {end.isoformat()}")
    if not took:
        ctx.report.overwritten += 1
    overwritten = [
        name for name in overwritten if name != "DTSTART" or not took
    ]  # a moved DUE moves DTSTART too
    if overwritten:
        ctx.report.notices.append(
            f"item #{item_row.id} changed in {calendar_name} ({', '.join(overwritten)}): the tracker's "
            f"text was put back; change it with `tracker items edit {item_row.id}`"
        )
    if changed_here:
        ctx.report.conflicts.append(
            f"item #{item_row.id} changed in the tracker and in {calendar_name}: "
            f"{'status from ' + calendar_name + ' (' + ', '.join(took) + ')' if took else 'no status change there'}, "
            "text from the tracker"
        )


def _deleted_in_app(ctx: _Context, records: dict[str, m.CaldavObject], record: m.CaldavObject) -> None:
    """A resource of ours that an app deleted: cancel an active item, put a meeting back."""
    name = ctx.row.name
    if record.commitment_id is None:
        records.pop(record.uid, None)
        ctx.session.delete(record)  # the push creates it again
        ctx.report.notices.append(f"{record.uid} was deleted in {name}: put back (the tracker keeps it)")
        return
    item_row = ctx.session.get(m.Commitment, record.commitment_id)
    if item_row is not None and is_active(repo.commitment_to_domain(item_row)):
        tracking.cancel_item(
            ctx.session, item_row.id, at=ctx.at, reason=f"deleted in {name} on {ctx.today.isoformat()}"
        )
        ctx.report.cancelled += 1
        ctx.report.notices.append(f"item #{item_row.id} was deleted in {name}: cancelled in the tracker")
    record.pushed_status = _DELETED_IN_APP
    record.etag = None
    record.pushed_hash = ""


def _pull(ctx: _Context, records: dict[str, m.CaldavObject], local_objects) -> tuple[str | None, bool]:
    """Fetch what changed on the server since the stored token; return the new token and whether any did.

    `local_objects()` gives UID -> the tracker's current bytes (built only when something changed).
    """
    from caldav.elements import dav

    calendar = ctx.client.calendar(url=ctx.row.url)
    result = calendar.objects_by_sync_token(sync_token=ctx.row.sync_token or None, load_objects=False)
    # Servers answer hrefs percent-encoded their own way ("@" as %40 or not): compare them decoded.
    by_href = {
        unquote(record.href): record for record in records.values() if record.pushed_status != _DELETED_IN_APP
    }
    deleted = {unquote(str(url)) for url in getattr(result, "deleted_urls", set()) or set()}
    pulled = False
    for href in deleted:
        record = by_href.get(href)
        if record is not None:
            pulled = True
            _deleted_in_app(ctx, records, record)
    for server_object in result.objects:
        href = unquote(str(server_object.url))
        record = by_href.get(href)
        if record is None or href in deleted:
            continue  # not ours (made by an app in the same calendar): left alone
        etag = (getattr(server_object, "props", {}) or {}).get(dav.GetEtag.tag)
        if etag is not None and etag == record.etag:
            continue  # our own write, seen again
        if record.etag is None and not record.pushed_hash == "":
            # The server gave no ETag for our write (RFC 4791 allows that when it alters the data):
            # take the listed one as ours rather than fetch and push it again at every sync.
            record.etag = etag
            continue
        response = ctx.client.request(record.href, "GET")
        if response.status == 404:
            continue
        pulled = True
        local = local_objects().get(record.uid)
        changed_here = local is not None and _hash(local) != record.pushed_hash
        _apply_app_changes(ctx, record, _body(response), changed_here, local)
        record.etag = _etag_of(response) or etag
        record.pushed_hash = ""  # the server holds the app's version now: push ours over it
    return result.sync_token, pulled


def _advance(ctx: _Context, records: dict[str, m.CaldavObject], token: str | None) -> str | None:
    """The token after our own writes, so that the next sync does not list them again (one more REPORT).

    Only when everything listed is our own write (its ETag is the one we stored): if an app changed
    something meanwhile, the old token stays and the next sync pulls it.
    """
    from caldav.elements import dav

    calendar = ctx.client.calendar(url=ctx.row.url)
    result = calendar.objects_by_sync_token(sync_token=token, load_objects=False)
    ours = {
        unquote(record.href): record.etag
        for record in records.values()
        if record.pushed_status != _DELETED_IN_APP
    }
    for server_object in result.objects:
        href = unquote(str(server_object.url))
        etag = (getattr(server_object, "props", {}) or {}).get(dav.GetEtag.tag)
        if href in ours and (etag is None or etag != ours[href]):
            return token
    deleted = {unquote(str(url)) for url in getattr(result, "deleted_urls", set()) or set()}
    if deleted & set(ours):
        return token
    return result.sync_token


def _body(response) -> bytes:
    raw = response.raw  # the caldav library's text of the body
    return raw if isinstance(raw, bytes) else raw.encode("utf-8")


def _local_objects(session: Session, options: ExportOptions):
    meetings, items = load_calendar(session, CalendarFilter())
    todo_items = {f"todo-{item.uid}": item for item in items}
    return list(iter_objects(meetings, items, options)), todo_items


def _put(ctx: _Context, href: str, data: bytes, headers: dict[str, str]):
    return ctx.client.put(
        href, data.decode("utf-8"), {"Content-Type": "text/calendar; charset=utf-8", **headers}
    )


def _push(ctx: _Context, records: dict[str, m.CaldavObject], objects, todo_items) -> None:
    base = ctx.row.url
    wanted = set()
    for calendar_object in objects:
        wanted.add(calendar_object.uid)
        data = calendar_object.calendar()
        digest = _hash(data)
        record = records.get(calendar_object.uid)
        item = todo_items.get(calendar_object.uid)
        if record is not None and record.pushed_hash == digest:
            continue
        gone = record is not None and record.pushed_status == _DELETED_IN_APP
        if gone and (item is None or not is_active(item)):
            continue  # deleted in the app and finished here: it stays deleted
        if record is None or gone:  # new, or deleted in the app and reopened in the tracker since
            href = base + quote(file_name(calendar_object.uid))
            response = _put(ctx, href, data, {"If-None-Match": "*"})
            if response.status == 412:  # there already (a sync that failed half-way): adopt it, then update
                current = ctx.client.request(href, "GET")
                response = _put(ctx, href, data, {"If-Match": _etag_of(current) or "*"})
            _check(ctx, response, href)
            if record is None:
                record = m.CaldavObject(
                    account_id=ctx.row.id, uid=calendar_object.uid, href=href, pushed_hash=""
                )
                ctx.session.add(record)
                records[calendar_object.uid] = record
            record.href = href
            ctx.report.created += 1
        else:
            response = _put(ctx, record.href, data, {"If-Match": record.etag} if record.etag else {})
            if response.status == 412:
                # Changed on the server after our REPORT: the next sync pulls it (its ETag differs from ours).
                ctx.report.deferred.append(
                    f"{calendar_object.uid}: changed on the server meanwhile; next sync"
                )
                continue
            _check(ctx, response, record.href)
            ctx.report.updated += 1
        record.etag = _etag_of(response)
        record.pushed_hash = digest
        record.commitment_id = item.id if item is not None else None
        record.pushed_status = None
        record.pushed_end = None
        if item is not None:
            record.pushed_status = {Status.FULFILLED: "COMPLETED", Status.CANCELLED: "CANCELLED"}.get(
                item.status, "NEEDS-ACTION"
            )
            record.pushed_end = item.window.end
    for uid, record in list(records.items()):
        if uid in wanted:
            continue
        if record.pushed_status == _DELETED_IN_APP:  # not on the server any more
            ctx.session.delete(record)
            records.pop(uid)
            continue
        response = ctx.client.delete(record.href, {"If-Match": record.etag} if record.etag else {})
        if response.status == 412:
            ctx.report.deferred.append(f"{uid}: changed on the server meanwhile; not deleted, next sync")
            continue
        if response.status not in (404, 410):
            _check(ctx, response, record.href)
        ctx.session.delete(record)
        records.pop(uid)
        ctx.report.deleted += 1


def _check(ctx: _Context, response, href: str) -> None:
    if not 200 <= response.status < 300:
        raise SyncServerError(
            f"sync {ctx.row.name!r} failed at {href}: the server answered {response.status}; "
            "nothing of it was saved"
        )


def sync_account(
    session: Session, row: m.CaldavAccount, password: str | None, *, at: dt.datetime, today: dt.date
) -> SyncReport:
    """Pull what apps changed, then push what the tracker changed; SyncServerError when the server fails.

    The caller commits the session only when this returns: a failure leaves the
    database as it was, and the next sync starts over from the stored token.
    """
    from caldav.lib import error as caldav_error

    report = SyncReport(row.name)
    records = {record.uid: record for record in caldav_store.pushed_objects(session, row.id)}
    options = ExportOptions(today=today, todos=TodoMode.AS_TODOS, name=row.name, dtstamp=at)
    ctx = _Context(session, row, _client(row, password, report), report, at, today)
    before = json.dumps(calendar_fingerprint(session), default=str)[:200]
    local: dict[str, bytes] = {}

    def local_objects() -> dict[str, bytes]:
        if not local:
            local.update((o.uid, o.calendar()) for o in _local_objects(session, options)[0])
        return local

    try:
        token, pulled = _pull(ctx, records, local_objects)
        session.flush()
        # Nothing new on the server and nothing changed here since the last sync: nothing to build or send.
        if pulled or row.fingerprint != before or row.sync_token is None:
            objects, todo_items = _local_objects(session, options)  # after the pull, which may change items
            _push(ctx, records, objects, todo_items)
            if report.writes:
                token = _advance(ctx, records, token)
    except SyncServerError:
        raise
    except (caldav_error.DAVError, OSError) as err:
        raise _failure(row, err) from err
    row.sync_token = token
    row.fingerprint = json.dumps(calendar_fingerprint(session), default=str)[:200]
    row.synced_at = at
    session.flush()
    return report
