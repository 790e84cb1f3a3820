"""Fixtures for watched sources: a fake ministry on 127.0.0.1, a fetcher that never sleeps, a poll helper."""

from __future__ import annotations

import datetime as dt

import pytest

from sources.fake_ministry import FakeMinistry
from tracker.services import watch
from tracker.services.fetching import Fetcher, Politeness
from tracker.storage.db import make_engine, session_scope

NOW = dt.datetime(2017, 10, 6, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def ministry():
    with FakeMinistry() as site:
        site.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
        yield site


@pytest.fixture
def db_url(make_db_url) -> str:
    """SQLite only: these tests are about HTTP behaviour. The poll's database work runs on
    both engines in tests/cli/test_sources_cli.py."""
    return make_db_url("sqlite", at_head=True)


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def open_session(engine):
    return lambda: session_scope(engine)


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def politeness() -> Politeness:
    return Politeness(delay=0, timeout=1.0, max_bytes=100_000, retries=2, backoff=1.0, max_wait=60)


@pytest.fixture
def poll(open_session, sleeps, politeness):
    """poll(*names, since=None, now=NOW) with a fresh Fetcher whose waits go to `sleeps`.

    Its clock only moves when it "sleeps", so the waits it records are exact.
    """
    clock = [0.0]

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock[0] += seconds

    def run(
        *names: str,
        since: dt.date | None = None,
        now: dt.datetime = NOW,
        all_: bool = False,
        policy: Politeness | None = None,
    ):
        with Fetcher(policy or politeness, sleep=sleep, monotonic=lambda: clock[0]) as fetcher:
            return watch.poll_sources(
                open_session,
                names=list(names) or None,
                all_=all_,
                now=now,
                options=watch.PollOptions(since=since, workers=4),
                fetcher=fetcher,
            )

    return run


@pytest.fixture
def add_source(open_session):
    def add(url: str, name: str, **options) -> watch.SourceInfo:
        with open_session() as session:
            return watch.add_source(session, url, name=name, at=NOW - dt.timedelta(days=1), **options)

    return add


@pytest.fixture
def source_info(open_session):
    def get(name: str) -> tuple[watch.SourceInfo, list[watch.EntryInfo]]:
        with open_session() as session:
            return watch.show_source(session, name)

    return get
