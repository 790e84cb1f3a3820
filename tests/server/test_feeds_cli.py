"""`tracker calendars add|list|revoke` (called `feeds` before issue #12) and `tracker serve` end to end on 127.0.0.1 (issue #5)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import httpx
import pytest
from exporters.ics_checks import assert_strict, read_everywhere
from local_servers import free_port


def test_add_prints_the_secret_url_once(cli, monkeypatch):
    monkeypatch.setenv("TRACKER_FEED_BASE_URL", "https://cal.example.org/tracker/")
    result = cli("calendars", "add", "belarus-desk", "--party", "by,rs", "--kind", "consultations")
    assert result.exit_code == 0, result.stderr
    url = result.stdout.strip()
    assert url.startswith("https://cal.example.org/tracker/feeds/") and url.endswith(".ics")
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) == 43
    assert "shown only now" in result.stderr
    listed = cli("calendars", "list", "--json")
    [record] = json.loads(listed.stdout)
    assert record == {
        "name": "belarus-desk",
        "parties": ["BY", "RS"],
        "kinds": ["consultations"],
        "created_at": record["created_at"],
        "revoked_at": None,
        "active": True,
    }
    assert token not in listed.stdout and token not in cli("calendars", "list").stdout


def test_add_json_and_duplicate_name(cli):
    created = json.loads(cli("calendars", "add", "desk", "--json").stdout)
    assert created["name"] == "desk" and created["url"].startswith("http://127.0.0.1:8080/feeds/")
    again = cli("calendars", "add", "desk")
    assert again.exit_code == 4 and again.stderr.startswith("tracker: a feed named 'desk' exists already")


def test_revoke(cli):
    cli("calendars", "add", "desk")
    assert cli("calendars", "revoke", "desk").stdout == "revoked feed 'desk'\n"
    assert "revoked" in cli("calendars", "list").stdout
    twice = cli("calendars", "revoke", "desk")
    assert twice.exit_code == 4 and twice.stderr == "tracker: feed 'desk' was revoked already\n"
    unknown = cli("calendars", "revoke", "nobody")
    assert (
        unknown.exit_code == 3
        and unknown.stderr == "tracker: no feed named 'nobody'; `tracker calendars list` shows them\n"
    )


def test_list_when_empty_and_bad_kind(cli):
    assert cli("calendars", "list").stdout == "no feeds\n"
    assert cli("calendars", "list", "--json").stdout == "[]\n"
    bad = cli("calendars", "add", "x", "--kind", "party")
    assert bad.exit_code == 2 and bad.stderr.startswith("tracker: unknown kind 'party'")


def _sigint_as_from_a_terminal() -> None:
    """Run in the child before exec: SIGINT delivered, even where pytest itself runs with it ignored.

    A script's background job starts with SIGINT ignored, the ignoring is inherited, and Python
    then installs no KeyboardInterrupt: a server stopped with SIGINT ran on until the test's
    timeout. The child gets the disposition a terminal's Ctrl-C meets.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_serve(db_url: str, tmp_path, env: dict[str, str], *args: str, output=subprocess.DEVNULL):
    """`tracker --db DB_URL serve ARGS` in a subprocess with no TRACKER_* setting but `env`'s."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    clean.update({"TRACKER_CONFIG": str(tmp_path / "no-config.toml"), **env})
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "--db", db_url, "serve", *args],
        stdout=output,
        stderr=subprocess.STDOUT,
        env=clean,
        preexec_fn=_sigint_as_from_a_terminal,
    )


def _wait_until_healthy(process: subprocess.Popen, base: str, log_path=None) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert process.poll() is None, log_path.read_text() if log_path else process.returncode
        assert time.monotonic() < deadline, "server did not come up"
        time.sleep(0.05)


def _stop(process: subprocess.Popen, signum: int) -> int | None:
    """Send `signum` and wait up to 10 s; the exit code, or None when it had to be killed."""
    process.send_signal(signum)
    try:
        return process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None


@pytest.fixture
def running_server(db_url, tmp_path):
    """`tracker serve` in a subprocess on a free loopback port; yields (base URL, log file, process)."""
    port = free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        process = _start_serve(
            db_url, tmp_path, {"TRACKER_TODAY": "2017-06-01"}, "--port", str(port), output=log
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(process, base, log_path)
        yield base, log_path, process
    finally:
        if process.poll() is None:
            _stop(process, signal.SIGTERM)


@pytest.mark.slow
def test_real_server_on_loopback(cli, running_server, monkeypatch, tmp_path):
    base, log_path, process = running_server
    cli(
        "meetings",
        "add",
        "--start",
        "2016-10-06",
        "--kind",
        "consultations",
        "--city",
        "Belgrade",
        "--party",
        "BY,RS",
    )
    cli(
        "items",
        "add",
        "Next round of consultations",
        "--start",
        "2017-01-01",
        "--end",
        "2017-12-31",
        "--party",
        "BY,RS",
    )
    monkeypatch.setenv("TRACKER_FEED_BASE_URL", base)
    url = cli("calendars", "add", "belarus-desk", "--party", "BY").stdout.strip()
    token = url.rsplit("/", 1)[1].removesuffix(".ics")

    with httpx.Client(timeout=10, headers={"Accept-Encoding": "identity"}) as client:
        first = client.get(url)
        assert first.status_code == 200
        assert first.headers["content-type"] == "text/calendar; charset=utf-8"
        assert first.headers["etag"] and first.headers["last-modified"]
        assert_strict(first.content)
        assert b"SUMMARY:Due: Next round of consultations" in first.content
        readings = read_everywhere(first.content, tmp_path / "khal")
        assert all(r.events == readings["icalendar"].events for r in readings.values())

        zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert (
            zipped.headers["content-encoding"] == "gzip" and zipped.content == first.content
        )  # httpx inflates
        assert "content-encoding" not in first.headers

        again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
        assert (
            client.get(url, headers={"If-Modified-Since": first.headers["last-modified"]}).status_code == 304
        )
        head = client.head(url)
        assert head.status_code == 200 and head.headers["content-length"] == str(len(first.content))

        assert cli("calendars", "revoke", "belarus-desk").exit_code == 0
        revoked = client.get(url)
        assert revoked.status_code == 404 and revoked.content == b"not found\n"
        assert client.get(f"{base}/feeds/{'A' * 43}.ics").content == revoked.content

    # SIGTERM, as systemd and `kill` send it, stops it cleanly (it used to die by the signal, exit -15).
    assert _stop(process, signal.SIGTERM) == 0
    log = log_path.read_text()
    assert token not in log and token[:10] not in log
    assert "feed=belarus-desk" in log and "/feeds/<redacted>.ics" in log
    assert " 304 " in log and " 404 " in log


def test_too_many_parties_is_bad_input(cli):
    import pycountry

    # Real codes: an unknown one is refused before the count is checked (issue #14).
    codes = sorted(country.alpha_2 for country in pycountry.countries)[:80]
    result = cli("calendars", "add", "everyone", "--party", ",".join(codes))
    # The limit is 200 characters of codes (worded by the feed service, or earlier by the option's own check).
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "200" in result.stderr


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_loopback_detection(host, loopback):
    from tracker.cli.serve import _is_loopback

    assert _is_loopback(host) is loopback


def test_add_prints_the_webcal_form_too(cli, monkeypatch):
    """Issue 13: calendar apps open webcal:// links as subscriptions."""
    monkeypatch.setenv("TRACKER_FEED_BASE_URL", "http://127.0.0.1:9123")
    result = cli("feeds", "add", "desk")
    url = result.stdout.strip()
    assert url.startswith("http://127.0.0.1:9123/feeds/")
    assert f"to subscribe from a calendar app: webcal://{url.removeprefix('http://')}\n" in result.stderr
    assert json.loads(cli("feeds", "add", "desk2", "--json").stdout)["webcal_url"].startswith(
        "webcal://127.0.0.1:9123/"
    )


def test_a_revoked_name_can_be_used_again_and_rotate_gives_a_new_url(cli):
    """Issue 13: a revoked name could not be reused, and there was no rotate."""
    first = json.loads(cli("feeds", "add", "desk", "--party", "BY", "--json").stdout)
    cli("feeds", "revoke", "desk")
    again = cli("feeds", "add", "desk", "--json")
    assert again.exit_code == 0, again.stderr
    second = json.loads(again.stdout)
    assert second["url"] != first["url"]
    names = sorted(record["name"] for record in json.loads(cli("feeds", "list", "--json").stdout))
    assert names[0] == "desk" and names[1].startswith("desk (revoked ")
    rotated = cli("feeds", "rotate", "desk", "--json")
    assert rotated.exit_code == 0, rotated.stderr
    third = json.loads(rotated.stdout)
    assert third["url"] not in (first["url"], second["url"]) and third["name"] == "desk"
    gone = cli("feeds", "rotate", names[1])
    assert (gone.exit_code, gone.stderr) == (
        3,
        f"tracker: no active feed named {names[1]!r}; `tracker feeds list` shows them\n",
    )


def test_serve_listens_on_the_port_of_the_feed_urls(db_url, tmp_path):
    """Issue 13: `feeds add` printed the default port whatever `serve` used; now both read feed_base_url."""
    port = free_port()
    process = _start_serve(db_url, tmp_path, {"TRACKER_FEED_BASE_URL": f"http://127.0.0.1:{port}"})
    try:
        _wait_until_healthy(process, f"http://127.0.0.1:{port}")
        assert _stop(process, signal.SIGINT) == 0, "Ctrl-C stops it cleanly"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
