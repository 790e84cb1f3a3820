"""Risks of `tracker sources poll` found after issue #12: overlapping cron runs, overlong URLs, a source's
own party. On both engines: the first two are about what the database accepts and how writers meet."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from sources.conftest import NOW
from sources.fake_ministry import publish, set_feed
from tracker import limits
from tracker.cli.sources import _report_line
from tracker.domain.model import Extraction, Kind, Meeting
from tracker.errors import InputError
from tracker.services import watch
from tracker.storage import models as m
from tracker.storage import sources as store

DAY = "Tue, 03 Oct 2017 10:00:00 GMT"
WITH_CHILE = (
    "Political consultations with Chile were held on 3 October 2017. "
    "It was agreed to hold the next round of consultations in 2018."
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, make_db_url):
    return make_db_url(request.param, at_head=True)


def _one_article(site, slug: str = "2001", text: str = WITH_CHILE) -> str:
    path = publish(site, slug, "Consultations with Chile", text)
    set_feed(site, "/press/rss.xml", [(path, "Consultations with Chile", DAY)])
    return path


def test_a_source_another_poll_is_reading_is_skipped_with_a_line(ministry, add_source, poll, open_session):
    _one_article(ministry)
    info = add_source(ministry.url("/press/rss.xml"), "mfa")
    until = NOW + dt.timedelta(minutes=30)
    with open_session() as session:  # another `sources poll` (cron) holds it
        assert store.claim_sources(session, [info.id], holder="cron", now=NOW, until=until) == {info.id: None}
    [report] = poll("mfa").sources
    assert report.status == "busy" and report.stored == 0
    assert _report_line(report) == (
        "mfa: skipped: another `tracker sources poll` is reading it (until 2017-10-06 08:30 UTC at the "
        "latest); skipped"
    )
    assert ministry.requests_to("/press/rss.xml") == []
    # The other run was killed: once its lease has run out, the next poll reads the source.
    [later] = poll("mfa", now=until + dt.timedelta(seconds=1)).sources
    assert (later.status, later.stored) == ("ok", 1)
    with open_session() as session:  # and a finished poll leaves no lease behind
        row = session.scalar(select(m.Source).where(m.Source.id == info.id))
        assert (row.poll_holder, row.poll_until) == (None, None)


def test_an_overlong_source_url_is_refused_in_one_line(ministry, add_source):
    url = ministry.url("/press/" + "x" * limits.SOURCE_CHARS)
    with pytest.raises(InputError, match=r"^a source URL has at most 2000 characters, this one \d+$"):
        add_source(url, "long")


def test_an_article_link_longer_than_the_column_is_stored_once(ministry, add_source, poll, open_session):
    path = _one_article(ministry, slug="y" * (limits.SOURCE_CHARS + 100))
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources  # before: a DataError traceback on PostgreSQL
    assert (report.status, report.stored) == ("ok", 1)
    with open_session() as session:
        [entry] = session.scalars(select(m.SourceEntry))
        [document] = session.scalars(select(m.Document))
    assert len(entry.url) == len(document.source) == limits.SOURCE_CHARS
    ministry.set("/press/rss.xml", ministry.pages["/press/rss.xml"].body + b" ", "application/rss+xml")
    ministry.log.clear()
    [again] = poll("mfa").sources  # the feed changed, the article is known by its whole URL
    assert (again.new, again.stored) == (0, 0) and path not in ministry.paths()


def test_the_party_a_source_speaks_for_joins_what_its_releases_report(
    ministry, add_source, poll, open_session
):
    _one_article(ministry)
    add_source(ministry.url("/press/rss.xml"), "mfa-at", parties=["AT"])
    [report] = poll("mfa-at").sources
    assert (report.meetings, report.commitments) == (1, 1)
    with open_session() as session:
        [meeting] = session.scalars(select(m.Meeting))
        [item] = session.scalars(select(m.Commitment))
        assert (meeting.parties, item.parties) == (["AT", "CL"], ["AT", "CL"])
        assert meeting.title == "Political consultations between Austria and Chile"


def test_the_speaker_is_added_only_where_one_other_party_is_named():
    def meeting(*parties: str) -> Meeting:
        return Meeting(Kind.TALKS, dt.date(2017, 10, 3), dt.date(2017, 10, 3), parties=list(parties))

    read = Extraction(None, meetings=[meeting("CL"), meeting("AT"), meeting("CL", "PE"), meeting()])
    watch.add_speaker(read, ["AT"])
    assert [x.parties for x in read.meetings] == [["AT", "CL"], ["AT"], ["CL", "PE"], []]
