"""The small rules behind polling (issue #12): --every, due times, Retry-After, permanent redirects."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tracker.errors import InputError
from tracker.services.fetching import Fetched, retry_after_seconds
from tracker.services.watch import SourceInfo, format_every, is_due, parse_every

UTC = dt.UTC


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("30m", 1800),
        ("6h", 21600),
        ("1d", 86400),
        ("1h30m", 5400),
        ("2w", 1209600),
        ("90S", 90),
        ("1 h", 3600),
    ],
)
def test_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "6", "h", "6x", "-1h", "1.5h", "30s", "6h and more"])
def test_every_refuses(text):
    with pytest.raises(InputError):
        parse_every(text)


@pytest.mark.parametrize(
    "seconds, text", [(1800, "30m"), (21600, "6h"), (86400, "1d"), (5400, "90m"), (61, "61s")]
)
def test_format_every(seconds, text):
    assert format_every(seconds) == text


def _source(last: dt.datetime | None, every: int = 3600) -> SourceInfo:
    return SourceInfo(
        "mfa",
        "http://x/",
        "http://x/",
        "feed",
        [],
        None,
        every,
        last,
        "ok",
        None,
        0,
        0,
        None,
        dt.datetime(2017, 1, 1, tzinfo=UTC),
    )


def test_due_after_its_interval_and_at_once_when_never_polled():
    polled = dt.datetime(2017, 10, 6, 8, 0, tzinfo=UTC)
    assert is_due(_source(None), polled)
    assert not is_due(_source(polled), polled + dt.timedelta(minutes=59))
    assert is_due(_source(polled), polled + dt.timedelta(hours=1))
    # An instant read back from SQLite without its zone is UTC.
    assert is_due(_source(polled.replace(tzinfo=None)), polled + dt.timedelta(hours=1))
    assert _source(polled).record()["next_due"] == "2017-10-06T09:00:00+00:00"


def test_retry_after_seconds_or_date_measured_from_the_answers_own_date():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Thu, 05 Oct 2017 10:02:00 GMT", "Thu, 05 Oct 2017 10:00:00 GMT") == 120.0
    assert retry_after_seconds("Thu, 05 Oct 2017 09:00:00 GMT", "Thu, 05 Oct 2017 10:00:00 GMT") == 0.0
    now = lambda: dt.datetime(2017, 10, 5, 10, 0, 30, tzinfo=UTC)  # noqa: E731
    assert retry_after_seconds("Thu, 05 Oct 2017 10:01:00 GMT", None, now) == 30.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_only_a_chain_of_permanent_redirects_moves_a_source():
    def fetched(*codes):
        return Fetched(
            "http://a/",
            "http://c/",
            200,
            httpx.Headers(),
            b"",
            [(code, f"http://{n}/", "http://c/") for n, code in zip("ab", codes)],
        )

    assert fetched(301).permanent_redirect == "http://c/"
    assert fetched(301, 308).permanent_redirect == "http://c/"
    assert fetched(301, 302).permanent_redirect is None
    assert fetched().permanent_redirect is None


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("text/html; charset=windows-1251", "<html><body>\u0414\u0440\u0443\u0433</body></html>"),
        (
            "text/html",
            '<html><head><meta charset="windows-1251"></head><body>\u0414\u0440\u0443\u0433</body></html>',
        ),
        (
            "text/html",
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "</head><body>\u0414\u0440\u0443\u0433</body></html>",
        ),
    ],
)
def test_text_bytes_are_utf8_when_the_header_or_the_page_names_another_charset(content_type, body):
    fetched = Fetched(
        "http://a/",
        "http://a/",
        200,
        httpx.Headers({"content-type": content_type}),
        body.encode("windows-1251"),
    )
    assert fetched.text_bytes().decode("utf-8") == body


def test_text_bytes_leave_undeclared_or_unknown_charsets_to_the_reader():
    raw = "caf\u00e9".encode("latin-1")
    assert Fetched("u", "u", 200, httpx.Headers({"content-type": "text/html"}), raw).text_bytes() == raw
    unknown = httpx.Headers({"content-type": "text/html; charset=x-klingon"})
    assert Fetched("u", "u", 200, unknown, raw).text_bytes() == raw


def test_a_hold_off_delays_every_next_request_to_the_host():
    """A 429 or 503 on one thread's request makes the others wait too (they share the host's gate)."""
    from tracker.services.fetching import _HostGate

    clock, sleeps = [0.0], []

    def sleep(seconds):
        sleeps.append(seconds)
        clock[0] += seconds

    gate = _HostGate(2, 1.0, sleep, lambda: clock[0])
    with gate.turn():
        pass
    gate.hold_off(30.0)
    with gate.turn():
        pass
    with gate.turn():
        pass
    assert sleeps == [30.0, 1.0]
