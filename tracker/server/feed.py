"""The subscription server: a read-only WSGI app serving each feed's calendar at /feeds/<token>.ics.

One database session per request. The calendar is rebuilt only when the data
changed (a cheap fingerprint: counts, max ids, change times, sequence sums,
taken at most every `check_interval` seconds) or the day changed (overdue is
derived from the date); otherwise the cached bytes, their gzip form and their
ETag are served, and conditional requests get 304.
Unknown and revoked tokens get the same 404. Tokens never reach a log line:
feed paths are logged as /feeds/<redacted>.ics with the feed's name.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qs

from sqlalchemy import Engine, text

from tracker.domain.status import DUE_SOON_DAYS
from tracker.exporters.ics import ExportOptions, TodoMode
from tracker.services import feeds
from tracker.storage.db import session_scope

__all__ = ["FeedApp", "FEED_PREFIX", "HEALTH_PATH", "redact_path"]

FEED_PREFIX = "/feeds/"
FEED_SUFFIX = ".ics"
HEALTH_PATH = "/healthz"
NOT_FOUND_BODY = b"not found\n"
CACHE_CONTROL = "private, max-age=300"

_log = logging.getLogger("tracker.server")


# Anything that could be a token, wherever it sits in a mistyped path ("/feed/<token>.ics", "/<token>").
_TOKEN_LIKE = re.compile(r"[A-Za-z0-9_-]{20,}")


def redact_path(path: str) -> str:
    """The request path fit for a log: no token-like run survives, and the result is at most 80 characters."""
    if path.startswith(FEED_PREFIX):
        return f"{FEED_PREFIX}<redacted>{FEED_SUFFIX}"
    return _TOKEN_LIKE.sub("<redacted>", path[:200])[:80]


@dataclass(frozen=True)
class _Rendered:
    key: tuple
    body: bytes
    gzipped: bytes
    etag: str
    last_modified: dt.datetime


@dataclass
class _Response:
    status: str
    headers: list[tuple[str, str]]
    body: bytes = b""
    feed_name: str = "-"


def _http_date(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.astimezone(dt.UTC), usegmt=True)


def _accepts_gzip(header: str) -> bool:
    """True when Accept-Encoding allows gzip (explicitly or through *) with a non-zero q."""
    allowed: dict[str, float] = {}
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding.strip():
            allowed[coding.strip().lower()] = quality
    for coding in ("gzip", "x-gzip"):
        if coding in allowed:
            return allowed[coding] > 0
    return allowed.get("*", 0) > 0


def _etag_matches(header: str, etags: set[str]) -> bool:
    """If-None-Match with weak comparison (RFC 9110 §13.1.2): any listed tag, W/ or not, or *."""
    if header.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return bool(candidates & etags)


def _not_modified_since(header: str, last_modified: dt.datetime) -> bool:
    try:
        since = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return False
    if since is None:
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    return last_modified.replace(microsecond=0) <= since


class FeedApp:
    """The WSGI application. `today` gives the day derived states are computed for (the CLI passes its own).

    :param engine: database engine; one session is opened per request.
    :param today: callable returning the date to act on (AppContext.today; tests pin it).
    :param due_soon_days: horizon of "due soon" in item descriptions.
    :param refresh: polling interval suggested to clients inside the calendar.
    :param cache_size: renderings kept (one per feed and --todos mode); each holds the body and its gzip.
    :param check_interval: seconds during which the last change check is trusted. The check scans both
        tables (counts, sums), so under many requests it runs at most this often; a change shows in the
        feed within this time. The token is still checked on every request.
    :param monotonic: the interval clock (seconds); tests pass a fake one.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        today: Callable[[], dt.date],
        due_soon_days: int = DUE_SOON_DAYS,
        refresh: dt.timedelta = dt.timedelta(hours=1),
        logger: logging.Logger | None = None,
        cache_size: int = 16,
        check_interval: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.today = today
        self.due_soon_days = due_soon_days
        self.refresh = refresh
        self.log = logger or _log
        self._cache: dict[tuple, _Rendered] = {}  # (feed id, todos mode) -> last rendering, oldest first
        self.cache_size = cache_size
        self.check_interval = check_interval
        self.monotonic = monotonic
        self._fingerprint: tuple | None = None
        self._fingerprint_at = 0.0
        self._lock = threading.Lock()
        self.renders = 0  # how many times a calendar was built (tests and the benchmark read it)

    # WSGI entry point

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        started = time.perf_counter()
        method = environ.get("REQUEST_METHOD", "GET").upper()
        path = environ.get("PATH_INFO", "") or "/"
        try:
            response = self._dispatch(method, path, environ)
        except (
            Exception
        ):  # a bug: answer 500 and log it without the path's token (waitress would log the path)
            self.log.exception("error while serving %s %s", method, redact_path(path))
            response = _Response(
                "500 Internal Server Error",
                [("Content-Type", "text/plain; charset=utf-8")],
                b"internal error\n",
            )
        headers = list(response.headers)
        if not response.status.startswith("304"):
            headers.append(("Content-Length", str(len(response.body))))
        headers.append(("X-Content-Type-Options", "nosniff"))
        headers.append(("Referrer-Policy", "no-referrer"))
        start_response(response.status, headers)
        self.log.info(
            "%s %s %s %s %d feed=%s %.1fms",
            environ.get("REMOTE_ADDR", "-"),
            method,
            redact_path(path),
            response.status.split(" ", 1)[0],
            len(response.body),
            response.feed_name,
            (time.perf_counter() - started) * 1000,
        )
        return [] if method == "HEAD" else [response.body]

    def _dispatch(self, method: str, path: str, environ: dict) -> _Response:
        if method not in {"GET", "HEAD"}:
            return _Response(
                "405 Method Not Allowed",
                [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                b"method not allowed\n",
            )
        if path == HEALTH_PATH:
            return self._health()
        if path.startswith(FEED_PREFIX) and path.endswith(FEED_SUFFIX):
            return self._feed(path[len(FEED_PREFIX) : -len(FEED_SUFFIX)], environ)
        return self._not_found()

    @staticmethod
    def _not_found() -> _Response:
        return _Response(
            "404 Not Found",
            [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
            NOT_FOUND_BODY,
        )

    def _health(self) -> _Response:
        try:
            with session_scope(self.engine, read_only=True) as session:
                session.execute(text("SELECT 1"))
        except Exception as err:  # the operator wants "down", not a traceback
            self.log.warning("health check failed: %s", type(err).__name__)
            return _Response(
                "503 Service Unavailable",
                [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
                b"database unavailable\n",
            )
        return _Response(
            "200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")], b"ok\n"
        )

    # Feeds

    def _options(self, environ: dict, name: str, today: dt.date) -> ExportOptions | None:
        query = parse_qs(environ.get("QUERY_STRING", ""))
        try:
            mode = TodoMode(query.get("todos", ["as-events"])[-1])
        except ValueError:
            return None
        return ExportOptions(
            today=today,
            todos=mode,
            name=f"Tracker: {name}",
            refresh=self.refresh,
            due_soon_days=self.due_soon_days,
        )

    def _feed(self, token: str, environ: dict) -> _Response:
        if not feeds.is_token_shaped(token):
            return self._not_found()
        with session_scope(self.engine, read_only=True, snapshot=True) as session:
            feed = feeds.find_feed(session, token)
            if feed is None:
                return self._not_found()
            today = self.today()
            options = self._options(environ, feed.name, today)
            if options is None:
                return _Response(
                    "400 Bad Request",
                    [("Content-Type", "text/plain; charset=utf-8")],
                    b"todos must be as-events, as-todos or both\n",
                    feed.name,
                )
            fingerprint = self._current_fingerprint(session)
            key = (feed.id, feed.parties, feed.kinds, options.todos, today, fingerprint)
            with self._lock:
                rendered = self._cache.get((feed.id, options.todos))
            if rendered is None or rendered.key != key:
                # Written as its rows are read, in this read transaction (under SQLite's WAL no
                # writer waits for it), from the same stream as `export ics`.
                chunks = feeds.build_calendar(session, feed.filter, options)
                rendered = self._render(chunks, feed, key, fingerprint, today)
                with self._lock:
                    self._cache.pop((feed.id, options.todos), None)
                    self._cache[(feed.id, options.todos)] = rendered
                    while len(self._cache) > self.cache_size:
                        self._cache.pop(next(iter(self._cache)))  # the oldest rendering goes first
        return self._calendar_response(rendered, environ, feed.name)

    def _current_fingerprint(self, session) -> tuple:
        now = self.monotonic()
        with self._lock:
            if self._fingerprint is not None and now - self._fingerprint_at < self.check_interval:
                return self._fingerprint
        fingerprint = feeds.calendar_fingerprint(session)
        with self._lock:
            self._fingerprint, self._fingerprint_at = fingerprint, now
        return fingerprint

    def _render(
        self, chunks, feed: feeds.FeedInfo, key: tuple, fingerprint: tuple, today: dt.date
    ) -> _Rendered:
        body = b"".join(chunks)
        self.renders += 1
        digest = hashlib.sha256(body).hexdigest()[:32]
        # The body depends on the data and on the day (derived states), so it was last modified at the
        # later of the newest change and the start of that day.
        start_of_day = dt.datetime.combine(today, dt.time(0), tzinfo=dt.UTC)
        changed = feeds.latest_change(fingerprint)
        created = feed.created_at if feed.created_at.tzinfo else feed.created_at.replace(tzinfo=dt.UTC)
        last_modified = max(t for t in (changed, created, start_of_day) if t is not None).replace(
            microsecond=0
        )
        return _Rendered(
            key, body, gzip.compress(body, compresslevel=6, mtime=0), f'"{digest}"', last_modified
        )

    def _calendar_response(self, rendered: _Rendered, environ: dict, name: str) -> _Response:
        use_gzip = _accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", ""))
        etag = f'"{rendered.etag.strip(chr(34))}-gzip"' if use_gzip else rendered.etag
        headers = [
            ("ETag", etag),
            ("Last-Modified", _http_date(rendered.last_modified)),
            ("Cache-Control", CACHE_CONTROL),
            ("Vary", "Accept-Encoding"),
        ]
        both_etags = {rendered.etag, f'"{rendered.etag.strip(chr(34))}-gzip"'}
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            not_modified = _etag_matches(if_none_match, both_etags)
        else:
            since = environ.get("HTTP_IF_MODIFIED_SINCE")
            not_modified = since is not None and _not_modified_since(since, rendered.last_modified)
        if not_modified:
            return _Response("304 Not Modified", headers, b"", name)
        headers.append(("Content-Type", "text/calendar; charset=utf-8"))
        headers.append(("Content-Disposition", 'inline; filename="tracker.ics"'))
        if use_gzip:
            headers.append(("Content-Encoding", "gzip"))
            return _Response("200 OK", headers, rendered.gzipped, name)
        return _Response("200 OK", headers, rendered.body, name)
