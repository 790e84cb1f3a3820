"""A fake foreign ministry on 127.0.0.x for the sources tests and bench/sources.py (issue #12).

Pages are set per path: a body with its content type, or a misbehaviour (a status
sequence such as 429 then 200, a redirect, a delay past the client's timeout). Feeds
answer 304 to a matching If-None-Match / If-Modified-Since. Every request is logged
with its headers so tests can say exactly what a poll asked for.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import http.server
import threading
import time
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

__all__ = [
    "FakeMinistry",
    "Page",
    "article_html",
    "rss",
    "publish",
    "set_feed",
    "CONSULTATIONS",
    "NEXT_ROUND",
    "VISIT",
]

LAST_MODIFIED = "Thu, 05 Oct 2017 10:00:00 GMT"
# How often serve_forever looks for a shutdown: its default (0.5 s) was the time every test using the site
# waited at its end (half a second of a test of some 50 ms); a select() a hundred times a second costs nothing.
POLL_S = 0.01

# Releases: consultations with a follow-up, the round that fulfils it, and a meeting with none.
CONSULTATIONS = (
    "BAKU, 5 October 2017 - Azerbaijan and Latvia held political consultations on Thursday.\n\n"
    "It was agreed to hold the next round of consultations in Riga in 2018."
)
NEXT_ROUND = (
    "RIGA, 12 March 2018 - Latvia and Azerbaijan held the next round of political consultations "
    "in Riga on Monday. The delegations discussed bilateral cooperation."
)
VISIT = (
    "VIENNA, 3 October 2017 - The Foreign Ministers of Austria and Serbia held talks in Vienna on Tuesday. "
    "The ministers discussed bilateral relations."
)


@dataclass
class Page:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    statuses: list[int] = field(default_factory=list)  # consumed one per request; then `status`
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    conditional: bool = True  # ETag (sha of the body) and Last-Modified, 304 when they match


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int


class FakeMinistry:
    def __init__(self, host: str = "127.0.0.1"):
        self.pages: dict[str, Page] = {}
        self.log: list[Request] = []
        self._lock = threading.Lock()
        ministry = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server's name)
                ministry._answer(self)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://{host}:{self.server.server_address[1]}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": POLL_S}, daemon=True
        )

    def __enter__(self) -> FakeMinistry:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def set(
        self, path: str, body: bytes | str = b"", content_type: str = "text/html; charset=utf-8", **options
    ) -> Page:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        page = self.pages[path] = Page(raw, content_type, **options)
        return page

    def requests_to(self, path: str) -> list[Request]:
        return [r for r in self.log if r.path == path]

    def paths(self) -> list[str]:
        return [r.path for r in self.log]

    def _answer(self, handler) -> None:
        path = handler.path
        with self._lock:
            page = self.pages.get(path)
            status = (page.statuses.pop(0) if page and page.statuses else page.status) if page else 404
            self.log.append(Request(path, dict(handler.headers.items()), status))
        if page is not None and page.delay:
            time.sleep(page.delay)
        headers = dict(page.headers) if page else {}
        body = page.body if page and status == 200 else b""
        if page is not None and status == 200 and page.conditional:
            etag = '"' + hashlib.sha256(page.body).hexdigest()[:16] + '"'
            headers.update({"ETag": etag, "Last-Modified": LAST_MODIFIED})
            asked = handler.headers
            if asked.get("If-None-Match") == etag or (
                asked.get("If-Modified-Since") == LAST_MODIFIED and "If-None-Match" not in asked
            ):
                status, body = 304, b""
                self.log[-1].status = 304
        if status == 404 and page is None:
            body = b"<html><body><h1>Not found</h1></body></html>"
        if body and "gzip" in handler.headers.get("Accept-Encoding", "") and len(body) > 200:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        handler.send_response(status)
        if page is not None and body:
            handler.send_header("Content-Type", page.content_type)
        handler.send_header("Date", email.utils.formatdate(usegmt=True))
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)


def article_html(title: str, text: str, date: str | None = None, charset: str = "utf-8") -> str:
    """A ministry's press-release page: navigation around an <article> with the text."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{escape(title)}</title>{meta}</head>'
        f'<body><nav><a href="/">Home</a> | <a href="/press/">Press</a></nav>'
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        f"<footer>Ministry of Foreign Affairs. All rights reserved.</footer></body></html>"
    )


def rss(base: str, entries: list[tuple[str, str, str]], next_page: str | None = None) -> str:
    """An RSS 2.0 feed; entries are (path, title, RFC 822 date)."""
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{base}{path}</link>"
        f"<guid>{base}{path}</guid><pubDate>{date}</pubDate><description>{escape(title)}</description>"
        f"</item>"
        for path, title, date in entries
    )
    paging = (
        f'<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="next" href="{base}{next_page}"/>'
        if next_page
        else ""
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Press releases</title>'
        f"<link>{base}/press/</link>{paging}{items}</channel></rss>"
    )


def publish(
    site: FakeMinistry,
    slug: str,
    title: str,
    text: str,
    date: str | None = None,
    charset: str = "utf-8",
    content_type: str | None = None,
) -> str:
    """Put an article on the site; returns its path."""
    path = f"/press/{slug}"
    body = article_html(title, text, date, charset).encode(charset)
    site.set(path, body, content_type or f"text/html; charset={charset}")
    return path


def set_feed(
    site: FakeMinistry, path: str, entries: list[tuple[str, str, str]], next_page: str | None = None
):
    return site.set(path, rss(site.base, entries, next_page), "application/rss+xml")
