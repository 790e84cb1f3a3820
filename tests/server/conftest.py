"""Fixtures for the feed server: data on a real database, a feed, the WSGI app called in-process."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass

import pytest

from tracker.domain.model import Commitment, Firmness, Kind, Meeting, Precision, Window
from tracker.server.feed import FeedApp
from tracker.services import feeds, tracking
from tracker.storage.db import session_scope

AT = dt.datetime(2016, 10, 7, 9, 0, tzinfo=dt.UTC)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


@pytest.fixture
def add_data(engine):
    """Factory: add a meeting and an item for `party`; returns their ids."""

    def add(
        party: str = "BY", title: str = "Next round of consultations", at: dt.datetime = AT
    ) -> tuple[int, int]:
        with session_scope(engine) as session:
            meeting = tracking.add_meeting(
                session,
                Meeting(
                    kind=Kind.CONSULTATIONS,
                    start=dt.date(2016, 10, 6),
                    end=dt.date(2016, 10, 6),
                    city="Belgrade",
                    parties=[party, "RS"],
                ),
                at=at,
            )
            item = tracking.add_item(
                session,
                Commitment(
                    kind=Kind.CONSULTATIONS,
                    firmness=Firmness.AGREED,
                    title=title,
                    parties=[party, "RS"],
                    window=Window(dt.date(2017, 1, 1), dt.date(2017, 12, 31), Precision.YEAR, "in 2017"),
                ),
                at=at,
            )
            return meeting.id, item.id

    return add


@pytest.fixture
def make_feed(engine):
    """Factory: create a feed; returns its secret token."""

    def make(name: str = "desk", parties: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> str:
        with session_scope(engine) as session:
            return feeds.add_feed(session, name, parties=list(parties), kinds=list(kinds), at=AT).token

    return make


@pytest.fixture
def day():
    """The server's `today`, changeable by the test."""
    return {"today": dt.date(2017, 6, 1)}


@pytest.fixture
def server_log():
    """The server's log records, as one string per record."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("tracker.server.test")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield logger, stream
    logger.removeHandler(handler)


@pytest.fixture
def feed_app(engine, day, server_log):
    return FeedApp(engine, today=lambda: day["today"], logger=server_log[0], check_interval=0)


@pytest.fixture
def call(feed_app):
    """Call the WSGI app in-process: call(path, method="GET", **headers) -> Reply."""
    from wsgiref.util import setup_testing_defaults

    def request(path: str, method: str = "GET", query: str = "", **headers: str) -> Reply:
        environ: dict = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
        setup_testing_defaults(environ)
        for name, value in headers.items():
            environ[f"HTTP_{name.upper()}"] = value
        captured = {}

        def start_response(status, response_headers, exc_info=None):
            captured["status"], captured["headers"] = status, response_headers

        body = b"".join(feed_app(environ, start_response))
        return Reply(int(captured["status"].split()[0]), {k.lower(): v for k, v in captured["headers"]}, body)

    return request
