"""Secrets stay secret and hostile texts stay text (issue #7).

Secrets (database password, SMTP password, feed tokens) never show in output,
`--json`, dumps, error messages or the server's log. Hostile document texts and
hand-typed titles reach the HTML report escaped and the calendar as values,
never as markup or extra iCalendar properties.
"""

from __future__ import annotations

import json
import re
import select
import signal
import socket
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser

import icalendar
import pytest
from typer.testing import CliRunner

from tracker.cli import app

from .helpers import start_tracker

SECRET = "Zq9-s3cret-Pa55"
TODAY = "2017-05-15"
HOSTILE_TITLE = (
    'Evil <script>alert(1)</script> "><img src=x onerror=alert(2)> '
    "<a href='javascript:alert(3)'>x</a> & ;semi,comma\\back"
)
HOSTILE_CITY = "Minsk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nX-INJECTED:1"
HOSTILE_DOCUMENT = (
    "On 9 May 2017, political consultations between Serbia and Belarus were held in Belgrade "
    "<script>alert('doc')</script>.\n\n"
    "It was agreed to hold the next round of political consultations in Minsk "
    "<img src=x onerror=alert(4)> in 2018.\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nEND:VALARM\n"
)


def _run(db_url: str, *args: object, env: dict | None = None):
    return CliRunner().invoke(
        app, ["--db", db_url, "--today", TODAY, *[str(a) for a in args]], env=env, catch_exceptions=False
    )


def _ok(db_url: str, *args: object):
    result = _run(db_url, *args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


@pytest.fixture
def hostile_db(db_url, tmp_path) -> str:
    """A database holding hostile titles, cities, participants and document texts."""
    document = tmp_path / "hostile.txt"
    document.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    html_document = tmp_path / "hostile.html"
    html_document.write_text(
        f"<html><body><p>{HOSTILE_DOCUMENT}</p><script>steal()</script></body></html>", encoding="utf-8"
    )
    _ok(db_url, "ingest", document, html_document)
    _ok(
        db_url,
        "meetings",
        "add",
        "--start",
        "2017-05-10",
        "--kind",
        "consultations",
        "--city",
        HOSTILE_CITY,
        "--party",
        "BY,RS",
        "--title",
        HOSTILE_TITLE,
        "--participant",
        f"{HOSTILE_TITLE}|<b>role</b>|BY",
    )
    _ok(db_url, "items", "add", HOSTILE_TITLE, "--kind", "visit", "--due", "in 2017", "--party", "BY")
    _ok(db_url, "items", "add", HOSTILE_TITLE + " (open-ended)", "--kind", "call", "--party", "BY")
    return db_url


# Secrets


def test_config_show_never_prints_a_secret(tmp_path):
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text(f'smtp_password = "{SECRET}"\nsmtp_user = "me"\n', encoding="utf-8")
    url = f"postgresql+psycopg://postgres:{SECRET}@127.0.0.1:5433/x?sslpassword={SECRET}"
    for env in (
        {"TRACKER_CONFIG": str(settings_file)},
        {"TRACKER_SMTP_PASSWORD": SECRET, "TRACKER_DB_URL": url},
    ):
        for args in (["config", "show"], ["config", "show", "--json"]):
            result = CliRunner().invoke(
                app,
                (["--db", url] if "TRACKER_DB_URL" not in env else []) + args,
                env=env,
                catch_exceptions=False,
            )
            assert result.exit_code == 0, result.stderr
            assert SECRET not in result.stdout + result.stderr
            if "--json" in args:
                json.loads(result.stdout)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_mail_failure_never_prints_the_smtp_password(make_db_url, seed_path):
    db_url = make_db_url("sqlite")
    _ok(db_url, "ingest", seed_path)
    env = {
        "TRACKER_SMTP_HOST": "127.0.0.1",
        "TRACKER_SMTP_PORT": str(_closed_port()),
        "TRACKER_SMTP_USER": "me",
        "TRACKER_SMTP_PASSWORD": SECRET,
    }
    result = _run(db_url, "report", "weekly", "--week", "2016-W40", "--mail-to", "desk@example.org", env=env)
    assert result.exit_code not in (0, 1)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("tracker: ")
    assert SECRET not in result.stdout + result.stderr


def test_feed_tokens_show_once_and_never_again(db_url, tmp_path):
    added = json.loads(_ok(db_url, "feeds", "add", "belarus-desk", "--party", "BY", "--json").stdout)
    token = re.search(r"/feeds/([^/.?]+)\.ics", added["url"])[1]
    outputs = [
        _ok(db_url, "feeds", "list").stdout,
        _ok(db_url, "feeds", "list", "--json").stdout,
        _ok(db_url, "dump", "-o", "-").stdout,
    ]
    _ok(db_url, "dump", "-o", tmp_path / "dump.json")
    outputs.append((tmp_path / "dump.json").read_text(encoding="utf-8"))
    for output in outputs:
        assert token not in output
    assert "belarus-desk" in outputs[0]


def _read_port(process, deadline_s: float = 60) -> int:
    """Wait for the server's 'serving feeds on http://host:port/' line on stderr."""
    end = time.monotonic() + deadline_s
    seen = ""
    while time.monotonic() < end:
        ready, _, _ = select.select([process.stderr], [], [], 0.5)
        if ready:
            line = process.stderr.readline()
            seen += line
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if match:
                return int(match[1])
        if process.poll() is not None:
            break
    raise AssertionError(f"the server did not start: {seen}")


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_served_feed_keeps_tokens_out_of_the_log_and_hostile_text_out_of_the_structure(make_db_url, tmp_path):
    db_url = make_db_url("sqlite")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    _ok(db_url, "ingest", hostile)
    _ok(db_url, "items", "add", HOSTILE_TITLE, "--kind", "visit", "--due", "in 2017", "--party", "BY")
    added = json.loads(_ok(db_url, "feeds", "add", "belarus-desk", "--json").stdout)
    token = re.search(r"/feeds/([^/.?]+)\.ics", added["url"])[1]
    wrong = token[::-1]

    server = start_tracker(db_url, "serve", "--host", "127.0.0.1", "--port", "0", "--threads", "1")
    try:
        port = _read_port(server)
        base = f"http://127.0.0.1:{port}"
        status, body = _get(f"{base}/feeds/{token}.ics")
        assert status == 200
        assert _get(f"{base}/feeds/{wrong}.ics")[0] == 404
        assert _get(f"{base}/feeds/{token}.ics?todos=both&x={token}")[0] == 200
    finally:
        # SIGTERM: a SIGINT would be ignored when the test run itself was started with it ignored
        # (a script's background job), and the test then waited out the timeout below.
        server.send_signal(signal.SIGTERM)
        try:
            _, log = server.communicate(timeout=30)
        except Exception:
            server.kill()
            _, log = server.communicate()
    assert token not in log and wrong not in log
    assert "belarus-desk" in log  # requests are logged, by the feed's name

    _assert_calendar_structure(body, items=1)


# Injection


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data


def test_html_report_escapes_hostile_texts(hostile_db, tmp_path):
    output = tmp_path / "report.html"
    _ok(hostile_db, "report", "weekly", "--week", "2017-W19", "--format", "html", "-o", output)
    page = output.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(page)
    assert "alert" not in parser.script_text and "steal" not in parser.script_text
    for tag, attributes in parser.tags:
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        assert not any("javascript:" in (value or "").lower() for value in attributes.values()), (
            tag,
            attributes,
        )
        assert not (tag == "img" and attributes.get("src") == "x")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text


def _assert_calendar_structure(raw: bytes, items: int) -> None:
    lines = raw.decode("utf-8").split("\r\n")
    # No alarm was asked for, so any VALARM line comes from the hostile text.
    assert not [line for line in lines if line.startswith(("X-INJECTED", "BEGIN:VALARM", "SUMMARY:injected"))]
    calendar = icalendar.Calendar.from_ical(raw)
    summaries = [str(c.get("SUMMARY")) for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]
    assert not any(s == "injected" for s in summaries)
    assert sum(HOSTILE_TITLE in s for s in summaries) >= items  # the title survives, as one value
    for component in calendar.walk():
        assert not any(name.startswith("X-INJECTED") for name in component)


def test_calendar_export_keeps_hostile_texts_as_values(hostile_db, tmp_path):
    for todos in ("as-events", "both"):
        output = tmp_path / f"{todos}.ics"
        _ok(hostile_db, "export", "ics", "--todos", todos, "-o", output)
        raw = output.read_bytes()
        _assert_calendar_structure(raw, items=1)
        calendar = icalendar.Calendar.from_ical(raw)
        locations = [str(c.get("LOCATION")) for c in calendar.walk() if c.get("LOCATION")]
        assert any("END:VEVENT" in location for location in locations)  # the city stayed one value
        meetings = json.loads(_ok(hostile_db, "meetings", "list", "--json").stdout)
        events = [c for c in calendar.walk() if c.name == "VEVENT"]
        assert len(events) >= len(meetings)
        assert not any(str(c.get("SUMMARY")) == "injected" for c in events)


def test_a_token_in_a_mistyped_path_is_not_logged_either():
    """Found by the issue #7 security review: only /feeds/... paths were redacted."""
    from tracker.server.feed import redact_path

    token = "NJwtCC7_iS2TiuywbrTt1IM08OVxxzPRxUcxnP6kDnI"
    for path in (f"/feed/{token}.ics", f"/{token}", f"/calendar/{token}"):
        assert token not in redact_path(path)
