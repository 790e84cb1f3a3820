"""Polite HTTP for watched sources: one User-Agent, robots.txt, per-host limits, retries, a size cap.

A `Fetcher` is shared by every thread of one poll. Per host it lets at most
`per_host` requests run at once and starts them `delay` seconds apart (longer when
robots.txt asks for a Crawl-delay); it reads robots.txt once per host with the
standard library's parser; it retries 429 and 5xx answers, waiting as `Retry-After`
says (else backing off exponentially) through an injectable `sleep`. Redirects are
followed and returned, so a poll can record them. Anything that fails is a FetchError
whose message names the URL.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from tracker import __version__
from tracker.errors import FetchError

__all__ = ["Politeness", "Fetched", "Fetcher", "RobotsForbiddenError", "USER_AGENT", "retry_after_seconds"]

USER_AGENT = f"tracker/{__version__} (diplomatic press-release reader; polls feeds politely)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Politeness:
    """How a poll treats the sites it reads (settings `poll_*`; see tracker.config)."""

    user_agent: str = USER_AGENT
    per_host: int = 2  # requests at once to one host
    delay: float = 1.0  # seconds between the starts of two requests to one host
    timeout: float = 15.0  # seconds to connect, and for the whole body
    max_bytes: int = 5 * 1024 * 1024  # after decompression
    retries: int = 2  # further attempts after a 429 or 5xx
    backoff: float = 2.0  # first wait when the answer has no Retry-After; doubles each time
    max_wait: float = 120.0  # a longer Retry-After fails the URL instead of stalling the poll


@dataclass
class Fetched:
    """One answer: final URL after redirects, status (200 or 304), headers and the decoded body."""

    url: str
    final_url: str
    status: int
    headers: httpx.Headers
    body: bytes
    redirects: list[tuple[int, str, str]] = field(default_factory=list)  # (status, from, to)

    @property
    def permanent_redirect(self) -> str | None:
        """Where the URL moved when every hop was permanent (301/308), else None."""
        if self.redirects and all(code in {301, 308} for code, _, _ in self.redirects):
            return self.final_url
        return None

    def text_bytes(self) -> bytes:
        """The body as UTF-8 when the server (or else the page's <meta charset>) names another charset.

        Otherwise as received: the reader tries UTF-8, then guesses.
        """
        charset = _charset(self.headers.get("content-type", "")) or _meta_charset(self.body)
        if charset and charset not in {"utf-8", "utf8", "us-ascii", "ascii"}:
            try:
                return self.body.decode(charset, errors="replace").encode("utf-8")
            except LookupError:  # an unknown charset name: let the reader guess
                return self.body
        return self.body


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def _meta_charset(body: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (<meta charset> or http-equiv), lower case."""
    match = _META_CHARSET.search(body[:2048])
    return match.group(1).decode("ascii").lower() if match else None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


class RobotsForbiddenError(FetchError):
    """Raised when robots.txt does not let tracker's User-Agent read a URL."""


def retry_after_seconds(
    value: str | None, date_header: str | None = None, now: Callable[[], dt.datetime] | None = None
) -> float | None:
    """Seconds a `Retry-After` value asks to wait (delta-seconds or an HTTP date), None when absent or unreadable.

    An HTTP date is measured from the answer's own `Date` header when it has one,
    else from `now()` (the tracker's clock).
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
        base = parsedate_to_datetime(date_header) if date_header else None
    except (TypeError, ValueError, IndexError):
        return None
    if base is None:
        from tracker.clock import utc_now as clock_now

        base = (now or clock_now)()
    return max(0.0, (when - base).total_seconds())


class _HostGate:
    """At most `slots` requests at once to one host, their starts `delay` seconds apart."""

    def __init__(
        self, slots: int, delay: float, sleep: Callable[[float], None], monotonic: Callable[[], float]
    ):
        self._slots = threading.BoundedSemaphore(max(1, slots))
        self._lock = threading.Lock()
        self._next_start = 0.0
        self.delay = delay
        self._sleep, self._monotonic = sleep, monotonic

    def hold_off(self, seconds: float) -> None:
        """No request starts for `seconds` from now (a 429 or 503 asked to wait)."""
        with self._lock:
            self._next_start = max(self._next_start, self._monotonic() + seconds)

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                current = self._monotonic()
                start = max(current, self._next_start)
                self._next_start = start + self.delay
            if start > current:
                self._sleep(start - current)
            yield


class Fetcher:
    """GET with the politeness rules; thread-safe; close() when the poll ends.

    :param politeness: limits and identity.
    :param transport: an httpx transport (tests may pass httpx.MockTransport); default: the network.
    :param sleep: how to wait (tests pass a recorder, so nothing sleeps).
    :param monotonic: the clock that spaces requests to one host.
    """

    def __init__(
        self,
        politeness: Politeness = Politeness(),
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        self.politeness = politeness
        self._client = httpx.Client(
            timeout=httpx.Timeout(politeness.timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": politeness.user_agent},
            transport=transport,
        )
        self._sleep, self._monotonic = sleep, monotonic
        self._lock = threading.Lock()
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotFileParser | str] = {}  # the rules, or why the host is not read
        self._robots_locks: dict[str, threading.Lock] = {}
        self._known_robots: dict[str, tuple[int, str]] = {}
        self.read_robots: dict[str, tuple[int, str]] = {}  # host -> (status, body) asked for by this fetcher
        self.requests = 0  # HTTP requests sent, robots.txt and retries included

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, *, headers: dict[str, str] | None = None, accept: str | None = None) -> Fetched:
        """GET `url` (robots.txt permitting); 200 or 304 come back, anything else raises FetchError."""
        self._check_robots(url)
        answer = self._get_with_retries(url, headers, accept)
        if answer.status >= 400:
            reason = httpx.codes.get_reason_phrase(answer.status)
            raise FetchError(f"{url}: HTTP {answer.status} {reason}".rstrip())
        return answer

    # Politeness

    def _host_key(self, url: str) -> str:
        try:
            parts = urlsplit(url)
            hostname = parts.hostname
        except ValueError as err:  # e.g. "Invalid IPv6 URL" in a link a feed gave
            raise FetchError(f"{url}: not a valid URL ({err})") from err
        if parts.scheme not in {"http", "https"} or not hostname:
            raise FetchError(f"{url}: not an http(s) URL")
        return f"{parts.scheme}://{parts.netloc.lower()}"

    def _gate(self, host: str) -> _HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(
                    self.politeness.per_host, self.politeness.delay, self._sleep, self._monotonic
                )
            return gate

    def _check_robots(self, url: str) -> None:
        host = self._host_key(url)
        with self._lock:
            host_lock = self._robots_locks.setdefault(host, threading.Lock())
        with host_lock:  # one robots.txt request per host, however many threads ask
            rules = self._robots.get(host)
            if rules is None:
                rules = self._robots[host] = self._read_robots(host)
        if isinstance(rules, str):
            raise FetchError(f"{url}: {rules}")
        if not rules.can_fetch(self.politeness.user_agent, url):
            raise RobotsForbiddenError(
                f"{url}: robots.txt forbids it to {self.politeness.user_agent.split('/')[0]}"
            )

    def known_robots(self, files: dict[str, tuple[int, str]]) -> None:
        """Use these robots.txt answers (host -> (status, body)), read by an earlier poll, instead of asking again."""
        with self._lock:
            self._known_robots.update(files)

    def _read_robots(self, host: str) -> RobotFileParser | str:
        """Rules of `host` as RFC 9309 says: 4xx = no rules (401/403: all forbidden); 5xx or no answer = all forbidden.

        When the host cannot be read, the reason (a string) stands for the rules. A
        robots.txt read now (not a failure) is kept in `read_robots` for the caller to store.
        """
        with self._lock:
            known = self._known_robots.get(host)
        if known is not None:
            return self._rules(host, *known)
        try:
            answer = self._get_with_retries(f"{host}/robots.txt", None, "text/plain")
        except FetchError as err:
            return str(err).split(": ", 1)[-1]  # the host's problem (DNS, refused, timeout), said once
        body = answer.body.decode("utf-8", errors="replace") if answer.status < 300 else ""
        if answer.status < 500:
            with self._lock:
                self.read_robots[host] = (answer.status, body)
        return self._rules(host, answer.status, body)

    def _rules(self, host: str, status: int, body: str) -> RobotFileParser | str:
        rules = RobotFileParser(f"{host}/robots.txt")
        if status in {401, 403}:
            rules.disallow_all = True  # type: ignore[attr-defined]  # RobotFileParser's own flag, untyped in typeshed
        elif 400 <= status < 500:
            rules.allow_all = True  # type: ignore[attr-defined]
        elif status >= 500:
            return f"not read: robots.txt answers HTTP {status}, and RFC 9309 then forbids everything"
        else:
            rules.parse(body.splitlines())
            crawl_delay = rules.crawl_delay(self.politeness.user_agent)
            if crawl_delay:
                gate = self._gate(host)
                gate.delay = max(gate.delay, min(float(crawl_delay), self.politeness.max_wait))
        return rules

    # Transport

    def _get_with_retries(self, url: str, headers: dict[str, str] | None, accept: str | None) -> Fetched:
        politeness = self.politeness
        gate = self._gate(self._host_key(url))
        request_headers = dict(headers or {})
        if accept:
            request_headers["Accept"] = accept
        for attempt in range(politeness.retries + 1):
            with gate.turn():
                answer = self._get_once(url, request_headers)
            if answer.status not in RETRY_STATUSES:
                return answer
            wait = retry_after_seconds(answer.headers.get("retry-after"), answer.headers.get("date"))
            if wait is None:
                wait = politeness.backoff * 2**attempt
            if attempt == politeness.retries:
                break
            if wait > politeness.max_wait:
                raise FetchError(
                    f"{url}: HTTP {answer.status}; the site asks to wait {wait:g} s, "
                    f"more than {politeness.max_wait:g} s"
                )
            gate.hold_off(wait)  # every request to this host waits, not only this retry
        return answer

    def _get_once(self, url: str, headers: dict[str, str]) -> Fetched:
        politeness = self.politeness
        with self._lock:
            self.requests += 1
        started = time.monotonic()  # the real clock: `_monotonic` may be a test's, moved by its sleeps
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                length = response.headers.get("content-length", "")
                if response.status_code == 200 and length.isdigit() and int(length) > politeness.max_bytes:
                    raise FetchError(
                        f"{url}: {int(length):,} bytes, more than the cap of {politeness.max_bytes:,}"
                    )
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > politeness.max_bytes:
                        raise FetchError(f"{url}: more than the cap of {politeness.max_bytes:,} bytes")
                    if time.monotonic() - started > politeness.timeout:
                        raise FetchError(f"{url}: timed out after {politeness.timeout:g} s (body too slow)")
                    chunks.append(chunk)
                hops = list(response.history)
                targets = [str(hop.url) for hop in hops[1:]] + [str(response.url)]
                redirects = [(hop.status_code, str(hop.url), target) for hop, target in zip(hops, targets)]
                return Fetched(
                    url,
                    str(response.url),
                    response.status_code,
                    response.headers,
                    b"".join(chunks),
                    redirects,
                )
        except httpx.TimeoutException as err:
            raise FetchError(f"{url}: timed out after {politeness.timeout:g} s") from err
        except httpx.TooManyRedirects as err:
            raise FetchError(f"{url}: more than 5 redirects") from err
        except httpx.DecodingError as err:
            raise FetchError(f"{url}: body cannot be decompressed ({err})") from err
        except httpx.HTTPError as err:
            raise FetchError(f"{url}: cannot connect ({type(err).__name__}: {err})") from err
        except httpx.InvalidURL as err:  # not an HTTPError: a malformed link in someone's feed
            raise FetchError(f"{url}: not a valid URL ({err})") from err
