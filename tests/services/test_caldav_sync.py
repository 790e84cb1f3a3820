"""`tracker caldav` and `tracker sync` against real CalDAV servers on 127.0.0.1 (issue 13).

Each test runs against Radicale (htpasswd with a plain password) and Xandikos (no
authentication: it only does Basic auth over TLS), each in a subprocess for the
module with its storage in a temporary folder; each test gets its own calendar
collection. An
"app" is a second caldav client that GETs a to-do, changes it and PUTs it back
with If-Match on its own ETag, as Thunderbird or DAVx5 would.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import uuid
from urllib.parse import urlsplit

import httpx
import icalendar
import pytest
from exporters.desk_data import add_item, add_meeting, add_open_ended
from exporters.ics_checks import assert_strict, khal_import, read_with_parsers
from local_servers import RADICALE_FAST, free_port, start_radicale, start_xandikos

PASSWORD = "s3cret-Radicale"
USER = "alice"
_COMPONENT = re.compile(rb"BEGIN:(VEVENT|VTODO)\r\n.*?END:\1\r\n", re.S)
# One worker runs the module, so one Radicale server serves it (`make test` uses --dist loadgroup).
pytestmark = pytest.mark.xdist_group("radicale")
# Radicale sleeps `[auth] delay` (1 s) on every 401, and the caldav library's first request of each client goes
# without credentials to learn the scheme: a second of sleep per `tracker sync`, most of this module's time.
# No test here is about that brute-force delay; the 401 and the negotiation after it still happen, unslept.
RADICALE_SETTINGS = {**RADICALE_FAST, "auth": {**RADICALE_FAST["auth"], "delay": "0"}}


@pytest.fixture
def db_url(request, make_db_url) -> str:
    """SQLite for these tests (they are about HTTP), PostgreSQL too where a test asks (indirect parametrize)."""
    return make_db_url(getattr(request, "param", "sqlite"), at_head=True)


@pytest.fixture(scope="module", params=["radicale", "xandikos"])
def dav_server(request, tmp_path_factory):
    """A CalDAV server for the module; yields the URL under which its calendars are made."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "radicale":
        process, base = start_radicale(folder, USER, PASSWORD, settings=RADICALE_SETTINGS)
        home = f"{base}/{USER}/"
        _app_client(home).propfind(home, depth=0)  # Radicale makes the user's home on first sight
    else:
        process, base = start_xandikos(folder)
        home = f"{base}/user/calendars/"
    try:
        yield home
    finally:
        process.terminate()
        process.wait(timeout=30)


def _app_client(url: str):
    """The app's CalDAV client for the server of `url` (one per server: each costs an SSL context)."""
    parts = urlsplit(url)
    return _app_client_of(f"{parts.scheme}://{parts.netloc}/")


@functools.cache
def _app_client_of(origin: str):
    import caldav

    return caldav.DAVClient(url=origin, username=USER, password=PASSWORD, timeout=30)


@functools.cache
def _http() -> httpx.Client:
    """Plain GETs of what the server holds, as bytes (one client for the module: see _app_client)."""
    return httpx.Client(auth=(USER, PASSWORD), timeout=30)


@pytest.fixture
def calendar_url(dav_server) -> str:
    """A fresh, empty calendar collection on the server."""
    url = f"{dav_server}tracker-{uuid.uuid4().hex[:8]}/"
    assert _app_client(url).mkcalendar(url).status == 201
    return url


@pytest.fixture
def account(cli, calendar_url, monkeypatch):
    monkeypatch.setenv("DESK_PW", PASSWORD)
    added = cli("caldav", "add", "desk", calendar_url, "--user", USER, "--password-env", "DESK_PW")
    assert added.exit_code == 0, added.stderr
    return calendar_url


def _add_data(cli) -> tuple[dict, dict, dict]:
    return (
        add_meeting(cli, start="2017-03-26", time="10:30"),
        add_item(cli, "Next round of consultations"),
        add_open_ended(cli),
    )


def _sync(cli, *args, today="2017-06-01") -> dict:
    result = cli("sync", *args, "--json", today=today)
    assert result.exit_code == 0, result.stderr
    [report] = json.loads(result.stdout)["accounts"]
    return report


def _server_objects(url: str) -> dict[str, tuple[bytes, str]]:
    """UID -> (resource bytes, ETag) of every resource in the collection, read by a separate client."""
    client = _app_client(url)
    calendar = client.calendar(url=url)
    found = {}
    for resource in calendar.objects_by_sync_token(load_objects=False).objects:
        response = _http().get(str(resource.url))  # the bytes as served
        if response.status_code == 404:
            continue  # listed as deleted
        data = response.content
        uid = re.search(rb"\r\nUID:(.*?)\r\n", data).group(1).decode()
        found[uid] = (data, response.headers["ETag"])
    return found


def _properties(data: bytes, uid: str) -> list[tuple[str, bytes]]:
    calendar = icalendar.Calendar.from_ical(data)
    [component] = [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"} and str(c["UID"]) == uid]
    return sorted(
        (name, value.to_ical() if hasattr(value, "to_ical") else str(value).encode())
        for name, value in component.property_items(recursive=False)
        if name not in {"BEGIN", "END"}
    )


def _app_edit(url: str, uid: str, change) -> None:
    """Change a resource as an app would: GET, edit, PUT with If-Match on the ETag it got."""
    client = _app_client(url)
    href = f"{url}{uid}.ics"
    got = _http().get(href)
    calendar = icalendar.Calendar.from_ical(got.content)
    [todo] = calendar.walk("VTODO")
    change(todo)
    put = client.put(
        href,
        calendar.to_ical().decode(),
        {"If-Match": got.headers["ETag"], "Content-Type": "text/calendar; charset=utf-8"},
    )
    assert put.status in (200, 201, 204), put.status


@pytest.mark.parametrize(
    "db_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
def test_first_sync_creates_everything_and_a_second_sends_nothing(cli, account, tmp_path):
    meeting, item, open_ended = _add_data(cli)
    first = _sync(cli)
    assert (first["created"], first["updated"], first["deleted"]) == (3, 0, 0)
    on_server = _server_objects(account)
    export = cli("export", "ics", "--todos", "as-todos", today="2017-06-01").stdout_bytes
    exported = {
        re.search(rb"\r\nUID:(.*?)\r\n", c.group(0)).group(1).decode(): c.group(0)
        for c in _COMPONENT.finditer(export)
    }
    assert (
        set(on_server)
        == set(exported)
        == {meeting["uid"], f"todo-{item['uid']}", f"todo-{open_ended['uid']}"}
    )
    for uid, (data, _) in on_server.items():
        assert_strict(data)
        read_with_parsers(data)  # icalendar, ical, vobject and libical, all silent
        # Radicale orders the properties its own way: the same properties and values as in the .ics export
        assert _properties(data, uid) == _properties(
            b"BEGIN:VCALENDAR\r\n" + exported[uid] + b"END:VCALENDAR\r\n", uid
        )
    meeting_data = on_server[meeting["uid"]][0]
    assert khal_import(meeting_data, tmp_path / "khal", dt.date(2017, 3, 26), dt.date(2017, 3, 26)) == [
        (meeting["uid"], "Consultations BY\u2013RS")
    ]  # khal reads events only
    again = _sync(cli, "desk", today="2017-06-02")
    assert (again["created"], again["updated"], again["deleted"]) == (0, 0, 0)
    assert again["requests"] == 1, again  # one sync-collection REPORT, answered with nothing
    assert {uid: etag for uid, (_, etag) in _server_objects(account).items()} == {
        uid: etag for uid, (_, etag) in on_server.items()
    }


def test_an_item_completed_in_an_app_becomes_done_with_history(cli, account):
    _, item, _ = _add_data(cli)
    _sync(cli)
    _app_edit(
        account,
        f"todo-{item['uid']}",
        lambda todo: (
            todo.pop("STATUS"),
            todo.add("status", "COMPLETED"),
            todo.add("completed", dt.datetime(2017, 6, 5, 9, 0, tzinfo=dt.UTC)),
        ),
    )
    report = _sync(cli, today="2017-06-06")
    assert (report["completed"], report["conflicts"]) == (1, [])
    shown = json.loads(cli("items", "show", str(item["id"]), "--json").stdout)
    assert shown["status"] == "fulfilled" and shown["fulfilled_on"] == "2017-06-05"
    assert "completed in desk on 2017-06-05" in json.dumps(shown["history"])
    data, _ = _server_objects(account)[f"todo-{item['uid']}"]
    todo = icalendar.Calendar.from_ical(data).walk("VTODO")[0]
    assert str(todo["STATUS"]) == "COMPLETED" and todo["SEQUENCE"] == 1  # the tracker's version, pushed back
    assert _sync(cli, today="2017-06-07")["requests"] <= 2


def test_cancelled_in_an_app_cancels(cli, account):
    _, item, _ = _add_data(cli)
    _sync(cli)
    _app_edit(
        account, f"todo-{item['uid']}", lambda todo: (todo.pop("STATUS"), todo.add("status", "CANCELLED"))
    )
    assert _sync(cli, today="2017-06-06")["cancelled"] == 1
    assert json.loads(cli("items", "show", str(item["id"]), "--json").stdout)["status"] == "cancelled"


def test_rescheduled_in_the_tracker_updates_the_server_with_sequence_plus_one(cli, account):
    _, item, _ = _add_data(cli)
    _sync(cli)
    assert (
        cli(
            "items",
            "reschedule",
            str(item["id"]),
            "--start",
            "2018-03-01",
            "--end",
            "2018-03-31",
            today="2017-06-02",
        ).exit_code
        == 0
    )
    report = _sync(cli, today="2017-06-02")
    assert (report["created"], report["updated"], report["deleted"]) == (0, 1, 0)
    todo = icalendar.Calendar.from_ical(_server_objects(account)[f"todo-{item['uid']}"][0]).walk("VTODO")[0]
    assert todo["SEQUENCE"] == 1 and todo["DUE"].dt == dt.date(2018, 4, 1)


def test_a_conflict_takes_the_status_from_the_app_and_the_text_from_the_tracker(cli, account):
    _, item, _ = _add_data(cli)
    _sync(cli)
    assert cli("items", "edit", str(item["id"]), "--city", "Vitebsk", today="2017-06-02").exit_code == 0
    _app_edit(
        account,
        f"todo-{item['uid']}",
        lambda todo: (
            todo.pop("DUE"),
            todo.add("due", dt.date(2017, 9, 1)),
            todo.pop("LOCATION"),
            todo.add("location", "Paris"),
        ),
    )
    report = _sync(cli, today="2017-06-03")
    assert report["rescheduled"] == 1
    assert report["conflicts"] == [
        f"item #{item['id']} changed in the tracker and in desk: status from desk "
        "(due 2017-08-31), text from the tracker"
    ]
    shown = json.loads(cli("items", "show", str(item["id"]), "--json").stdout)
    assert shown["window"]["end"] == "2017-08-31" and shown["city"] == "Vitebsk"
    todo = icalendar.Calendar.from_ical(_server_objects(account)[f"todo-{item['uid']}"][0]).walk("VTODO")[0]
    assert str(todo["LOCATION"]).startswith("Vitebsk") and todo["DUE"].dt == dt.date(2017, 9, 1)
    human = cli("sync", today="2017-06-04")
    assert human.exit_code == 0 and "conflict" not in human.stdout


def test_a_server_that_is_down_gives_exit_1_and_loses_nothing(cli, monkeypatch):
    _add_data(cli)
    monkeypatch.setenv("DESK_PW", PASSWORD)
    down = f"http://127.0.0.1:{free_port()}/alice/tracker/"
    assert cli("caldav", "add", "down", down, "--user", USER, "--password-env", "DESK_PW").exit_code == 0
    result = cli("sync", today="2017-06-01")
    assert result.exit_code == 1 and result.stdout == ""
    assert (
        result.stderr.startswith(f"tracker: sync 'down' failed at {down}: ")
        and result.stderr.count("\n") == 1
    )
    assert PASSWORD not in result.stderr
    [listed] = json.loads(cli("caldav", "list", "--json").stdout)
    assert listed["synced_at"] is None


def test_accounts_keep_no_secret(cli, calendar_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_PW", PASSWORD)
    with_password = calendar_url.replace("http://", f"http://{USER}:{PASSWORD}@")
    refused = cli("caldav", "add", "x", with_password)
    assert (refused.exit_code, refused.stderr) == (
        2,
        "tracker: put no user or password in the URL; use --user and --password-env or --password-cmd\n",
    )
    (tmp_path / "pw").write_text(PASSWORD + "\n")
    command = f"cat {tmp_path / 'pw'}"
    assert cli("caldav", "add", "cmd", calendar_url, "--user", USER, "--password-cmd", command).exit_code == 0
    _add_data(cli)
    assert _sync(cli, "cmd")["created"] == 3
    listed = cli("caldav", "list")
    assert "password from command" in listed.stdout and PASSWORD not in listed.stdout
    dump = tmp_path / "dump.json"
    assert cli("dump", "-o", str(dump)).exit_code == 0
    assert PASSWORD not in dump.read_text()
    assert (
        cli("caldav", "remove", "cmd").stdout
        == "removed CalDAV account 'cmd' (the server keeps what was pushed)\n"
    )
    missing = cli("sync", "cmd")
    assert (missing.exit_code, missing.stderr) == (
        3,
        "tracker: no CalDAV account named 'cmd'; `tracker caldav list` shows them\n",
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("x", "ftp://host/cal/"),
            2,
            "tracker: the URL must be http(s)://host/path-of-the-calendar/, got 'ftp://host/cal/'\n",
        ),
        (
            ("x", "https://h/c/", "--password-env", "NOT A NAME"),
            2,
            "tracker: --password-env takes the NAME of an environment variable, got 'NOT A NAME'\n",
        ),
        (
            ("x", "https://h/c/", "--password-env", "A", "--password-cmd", "cat f"),
            2,
            "tracker: give --password-env or --password-cmd, not both\n",
        ),
    ],
    ids=["scheme", "env-name", "both"],
)
def test_add_refuses_bad_input(cli, args, code, message):
    result = cli("caldav", "add", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


def test_no_accounts_and_a_missing_password(cli, monkeypatch):
    assert cli("caldav", "list").stdout == "no CalDAV accounts\n"
    assert cli("caldav", "list", "--json").stdout == "[]\n"
    none = cli("sync")
    assert (none.exit_code, none.stderr) == (0, "no CalDAV accounts; `tracker caldav add` adds one\n")
    monkeypatch.delenv("NO_SUCH_PW", raising=False)
    assert (
        cli("caldav", "add", "x", "https://dav.example.org/c/", "--password-env", "NO_SUCH_PW").exit_code == 0
    )
    assert cli("caldav", "add", "x", "https://dav.example.org/c/").exit_code == 4
    unset = cli("sync", "x")
    assert (unset.exit_code, unset.stderr) == (
        6,
        "tracker: the password of 'x' comes from $NO_SUCH_PW, which is not set\n",
    )


def _app_delete(url: str, uid: str) -> None:
    """Delete a resource as an app would (If-Match on the ETag it last saw)."""
    href = f"{url}{uid}.ics"
    got = _http().get(href)
    response = _app_client(url).delete(href, {"If-Match": got.headers["ETag"]})
    assert response.status in (200, 204), response.status


def test_a_todo_deleted_in_an_app_cancels_the_item_and_stays_deleted(cli, account):
    """Issue 13: a to-do deleted in an app came back at the next sync and the item stayed open."""
    _, item, _ = _add_data(cli)
    _sync(cli)
    _app_delete(account, f"todo-{item['uid']}")
    report = _sync(cli, today="2017-06-06")
    assert (report["cancelled"], report["created"]) == (1, 0)
    assert report["notices"] == [f"item #{item['id']} was deleted in desk: cancelled in the tracker"]
    shown = json.loads(cli("items", "show", str(item["id"]), "--json").stdout)
    assert shown["status"] == "cancelled"
    assert "deleted in desk on 2017-06-06" in json.dumps(shown["history"])
    assert f"todo-{item['uid']}" not in _server_objects(account)
    again = _sync(cli, today="2017-06-07")
    assert (again["created"], again["updated"], again["notices"]) == (0, 0, [])
    assert again["requests"] <= 2
    assert f"todo-{item['uid']}" not in _server_objects(account)


def test_a_meeting_deleted_or_edited_in_an_app_is_put_back_and_said(cli, account):
    """Issue 13: meeting edits made in an app were overwritten without a word."""
    meeting, item, _ = _add_data(cli)
    _sync(cli)
    href = f"{account}{meeting['uid']}.ics"
    got = _http().get(href)
    calendar = icalendar.Calendar.from_ical(got.content)
    [event] = calendar.walk("VEVENT")
    event.pop("LOCATION")
    event.add("location", "Paris")
    put = _app_client(account).put(
        href,
        calendar.to_ical().decode(),
        {"If-Match": got.headers["ETag"], "Content-Type": "text/calendar; charset=utf-8"},
    )
    assert put.status in (200, 201, 204)
    _app_edit(account, f"todo-{item['uid']}", lambda todo: (todo.pop("SUMMARY"), todo.add("summary", "Mine")))
    report = _sync(cli, today="2017-06-06")
    assert sorted(report["notices"]) == sorted(
        [
            f"{meeting['uid']} (Consultations BY\u2013RS) changed in desk (LOCATION): the tracker's version "
            "was put back; change meetings with `tracker meetings edit`",
            f"item #{item['id']} changed in desk (SUMMARY): the tracker's text was put back; "
            f"change it with `tracker items edit {item['id']}`",
        ]
    )
    human = cli("sync", today="2017-06-06")
    assert human.exit_code == 0 and "notice:" not in human.stdout  # said once, at the sync that saw it
    on_server = _server_objects(account)
    assert b"LOCATION:Belgrade" in on_server[meeting["uid"]][0]
    _app_delete(account, meeting["uid"])
    report = _sync(cli, today="2017-06-07")
    assert report["created"] == 1
    assert report["notices"] == [f"{meeting['uid']} was deleted in desk: put back (the tracker keeps it)"]
    assert meeting["uid"] in _server_objects(account)
