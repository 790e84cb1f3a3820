"""`tracker sources poll` against the fake ministry (issue #12): new entries, full articles, failures, politeness."""

from __future__ import annotations

import datetime as dt

import pytest
from failing_extractor import fail_extraction_on
from sqlalchemy import func, select

from sources.conftest import NOW
from sources.fake_ministry import CONSULTATIONS, NEXT_ROUND, VISIT, publish, rss, set_feed
from tracker.services.fetching import USER_AGENT, Politeness
from tracker.services.watch import MAX_ATTEMPTS
from tracker.storage import models as m

D1 = "Thu, 05 Oct 2017 10:00:00 GMT"
D2 = "Tue, 03 Oct 2017 10:00:00 GMT"


def _count(open_session, model) -> int:
    with open_session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _two_articles(site):
    a = publish(site, "1001", "Consultations with Latvia", CONSULTATIONS)
    b = publish(site, "1002", "Ministers met in Vienna", VISIT, date="2017-10-03")
    set_feed(
        site, "/press/rss.xml", [(a, "Consultations with Latvia", D1), (b, "Ministers met in Vienna", D2)]
    )
    return a, b


def test_new_entries_are_fetched_as_full_articles_once(ministry, add_source, poll, open_session, source_info):
    a, b = _two_articles(ministry)
    add_source(ministry.url("/press/rss.xml"), "mfa")
    first = poll("mfa")
    [report] = first.sources
    assert (report.status, report.entries, report.new, report.stored) == ("ok", 2, 2, 2)
    assert (report.meetings, report.commitments) == (2, 1)
    with open_session() as session:
        documents = {d.source: d for d in session.scalars(select(m.Document))}
    # The full article's main text, without the page furniture, dated by the feed entry.
    article = documents[ministry.url(a)]
    assert (
        "It was agreed to hold the next round" in article.text and "All rights reserved" not in article.text
    )
    assert article.published == dt.date(2017, 10, 5)
    # Every request identifies the tracker; articles and feed both gzip-compressed by the site.
    assert {r.headers["User-Agent"] for r in ministry.log} == {USER_AGENT}
    assert all("gzip" in r.headers["Accept-Encoding"] for r in ministry.log)
    info, entries = source_info("mfa")
    assert (info.last_status, info.last_new, info.documents, info.etag is not None) == ("ok", 2, 2, True)
    assert sorted(e.state for e in entries) == ["stored", "stored"]

    ministry.log.clear()
    second = poll("mfa")
    assert (
        second.sources[0].status == "not-modified" and second.requests == 1
    )  # one 304 (robots.txt kept a day)
    [feed_request] = ministry.requests_to("/press/rss.xml")
    assert feed_request.status == 304 and feed_request.headers["If-None-Match"] == info.etag
    assert feed_request.headers["If-Modified-Since"] == info.last_modified
    assert _count(open_session, m.Document) == 2


def test_a_changed_feed_fetches_only_the_new_entry(ministry, add_source, poll):
    a, b = _two_articles(ministry)
    add_source(ministry.url("/press/rss.xml"), "mfa")
    poll("mfa")
    c = publish(ministry, "1003", "Next round in Riga", NEXT_ROUND)
    set_feed(
        ministry,
        "/press/rss.xml",
        [
            (c, "Next round in Riga", "Mon, 12 Mar 2018 10:00:00 GMT"),
            (a, "Consultations with Latvia", D1),
            (b, "Ministers met", D2),
        ],
    )
    ministry.log.clear()
    [report] = poll("mfa", now=NOW + dt.timedelta(days=200)).sources
    assert (report.entries, report.new, report.stored, report.meetings) == (3, 1, 1, 1)
    assert report.fulfilled == [1]
    assert [p for p in ministry.paths() if p.startswith("/press/1")] == [c]


def test_the_same_release_in_two_feeds_is_fetched_once_and_the_same_text_stored_once(
    ministry, add_source, poll, open_session
):
    a, b = _two_articles(ministry)
    copy = publish(ministry, "copy-of-1001", "Consultations with Latvia", CONSULTATIONS)
    set_feed(ministry, "/en/rss.xml", [(a, "Consultations with Latvia", D1), (copy, "Copy", D1)])
    add_source(ministry.url("/press/rss.xml"), "press")
    add_source(ministry.url("/en/rss.xml"), "english")
    summary = poll("press", "english")
    assert len(ministry.requests_to(a)) == 1
    by_name = {r.name: r for r in summary.sources}
    assert by_name["press"].stored + by_name["english"].stored == 2
    assert by_name["press"].duplicates + by_name["english"].duplicates == 1  # the copy: same text, other URL
    assert _count(open_session, m.Document) == 2


def test_an_article_ingested_before_by_its_url_is_not_fetched_again(ministry, add_source, poll, open_session):
    from tracker.extraction import decode_document
    from tracker.services.ingest import ingest_in_own_transaction

    a, b = _two_articles(ministry)
    [document] = decode_document(ministry.pages[a].body, ministry.url(a))  # as `tracker ingest URL` stores it
    ingest_in_own_transaction(open_session, document, at=NOW)
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert (report.entries, report.new, report.stored) == (2, 1, 1)
    assert a not in ministry.paths()


def test_non_utf8_articles_are_read_in_their_charset(ministry, add_source, poll, open_session):
    proverb = "\u0414\u0440\u0443\u0433 \u043f\u043e\u0437\u043d\u0430\u0435\u0442\u0441\u044f"  # Cyrillic: "a friend in need"
    text = VISIT + f"\n\nThe minister quoted the proverb \u00ab{proverb}\u00bb."
    cyrillic = publish(ministry, "2001", "Vienna visit", text, charset="windows-1251")
    cafe = "\n\nThe delegations lunched at Caf\u00e9 M\u00fcller."
    latin = publish(ministry, "2002", "Consultations", CONSULTATIONS + cafe, charset="iso-8859-1")
    # Only the page's <meta charset> names this one's encoding.
    meta_only = publish(
        ministry,
        "2003",
        "Vienna again",
        text.replace("Tuesday", "Wednesday"),
        charset="windows-1251",
        content_type="text/html",
    )
    set_feed(
        ministry,
        "/press/rss.xml",
        [(cyrillic, "Vienna", D2), (latin, "Consultations", D1), (meta_only, "Vienna again", D2)],
    )
    add_source(ministry.url("/press/rss.xml"), "mfa")
    assert poll("mfa").sources[0].stored == 3
    with open_session() as session:
        texts = {d.source: d.text for d in session.scalars(select(m.Document))}
    assert proverb in texts[ministry.url(cyrillic)] and proverb in texts[ministry.url(meta_only)]
    assert "Caf\u00e9 M\u00fcller" in texts[ministry.url(latin)]


def test_a_listing_page_is_read_through_its_own_feed_link(ministry, add_source, poll, source_info):
    _two_articles(ministry)
    ministry.set(
        "/press/",
        '<html><head><link rel="alternate" type="application/rss+xml" href="rss.xml">'
        '</head><body><a href="1001">Consultations</a></body></html>',
    )
    add_source(ministry.url("/press/"), "mfa")
    assert poll("mfa").sources[0].stored == 2
    info, _ = source_info("mfa")
    assert (info.kind, info.fetch_url) == ("feed", ministry.url("/press/rss.xml"))
    ministry.log.clear()
    poll("mfa")
    assert ministry.paths() == ["/press/rss.xml"]  # straight to the feed, answered 304


def test_a_listing_page_without_feed_follows_links_matching_the_pattern(
    ministry, add_source, poll, source_info, open_session
):
    a, b = _two_articles(ministry)
    ministry.set(
        "/press/",
        f'<html><body><nav><a href="/">Home</a><a href="/press/archive">Archive</a></nav>'
        f'<a href="{a}">One</a> <a href="{b}#top">Two</a> <a href="{a}">One again</a>'
        f"</body></html>",
    )
    add_source(ministry.url("/press/"), "mfa", links=r"/press/\d+$")
    [report] = poll("mfa").sources
    assert (report.status, report.entries, report.stored) == ("ok", 2, 2)
    assert "/press/archive" not in ministry.paths() and "/" not in ministry.paths()
    # No feed entry to date them: the page's metadata, else the text's dateline.
    with open_session() as session:
        published = {d.source: d.published for d in session.scalars(select(m.Document))}
    assert published == {ministry.url(a): dt.date(2017, 10, 5), ministry.url(b): dt.date(2017, 10, 3)}
    info, _ = source_info("mfa")
    assert info.kind == "page"


def test_since_backfills_older_pages_of_a_paged_feed(ministry, add_source, poll):
    a, b = _two_articles(ministry)
    old = publish(ministry, "0900", "Older visit", VISIT.replace("3 October", "3 March"))
    older = publish(ministry, "0800", "Much older", CONSULTATIONS.replace("2017", "2015"))
    set_feed(ministry, "/press/rss.xml", [(a, "One", D1)], next_page="/press/rss.xml?page=2")
    set_feed(
        ministry,
        "/press/rss.xml?page=2",
        [(b, "Two", D2), (old, "Old", "Fri, 03 Mar 2017 10:00:00 GMT")],
        next_page="/press/rss.xml?page=3",
    )
    set_feed(
        ministry,
        "/press/rss.xml?page=3",
        [(older, "Older", "Mon, 05 Jan 2015 10:00:00 GMT")],
        next_page="/press/rss.xml?page=4",
    )
    add_source(ministry.url("/press/rss.xml"), "mfa")
    plain = poll("mfa").sources[0]
    assert (plain.entries, plain.stored) == (1, 1) and "/press/rss.xml?page=2" not in ministry.paths()
    backfill = poll("mfa", since=dt.date(2017, 1, 1)).sources[0]
    assert (backfill.entries, backfill.stored) == (3, 2)  # page 3 read, its 2015 entry left out
    assert "/press/rss.xml?page=4" not in ministry.paths() and older not in ministry.paths()


@pytest.mark.parametrize(
    "case",
    [
        "server-error",
        "broken-xml",
        "html-error-page",
        "no-feed-found",
        "slow",
        "too-large",
        "robots",
        "unknown-host",
        "refused",
    ],
)
def test_a_failing_source_is_marked_with_its_reason_and_the_others_go_on(
    case, ministry, add_source, poll, open_session, source_info, sleeps
):
    _two_articles(ministry)
    add_source(ministry.url("/press/rss.xml"), "good")
    bad_url, expected = _misbehave(ministry, case)
    add_source(bad_url, "bad")
    if case == "html-error-page":  # a feed that turns into the site's error page
        poll("bad")
        ministry.set("/bad/rss.xml", "<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>")
    documents_before = _count(open_session, m.Document)
    summary = poll("good", "bad")
    by_name = {r.name: r for r in summary.sources}
    assert by_name["good"].status == "ok" and by_name["good"].stored == 2, by_name["good"].error
    assert by_name["bad"].status == "failing"
    assert by_name["bad"].error.startswith(bad_url) and expected in by_name["bad"].error, by_name["bad"].error
    assert [r.name for r in summary.failed] == ["bad"]
    info, entries = source_info("bad")
    assert (info.last_status, info.failures, info.last_error) == ("failing", 1, by_name["bad"].error)
    assert entries == [] and _count(open_session, m.Document) == documents_before + 2  # nothing half-stored
    if case == "server-error":
        assert sleeps[:2] == [1.0, 2.0]  # backed off twice, then gave up
        poll("bad")
        assert source_info("bad")[0].failures == 2  # consecutive failures


def _misbehave(site, case: str) -> tuple[str, str]:
    path = "/bad/rss.xml"
    if case == "server-error":
        site.set(path, status=500)
        return site.url(path), "HTTP 500 Internal Server Error"
    if case == "broken-xml":
        site.set(
            path,
            '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut off',
            "application/rss+xml",
        )
        return site.url(path), "not a readable RSS or Atom feed"
    if case == "html-error-page":
        set_feed(site, path, [])
        return site.url(path), "an HTML page where a feed was expected"
    if case == "no-feed-found":
        site.set(path, "<!DOCTYPE html><html><body><h1>Oops, something went wrong</h1></body></html>")
        return site.url(path), "neither a feed nor a page with a feed link; give --links REGEX"
    if case == "slow":
        set_feed(site, path, [])
        site.pages[path].delay = 2.0
        return site.url(path), "timed out after 1 s"
    if case == "too-large":
        site.set(path, "<rss>" + "x" * 150_000 + "</rss>", "application/rss+xml")
        return site.url(path), "more than the cap of 100,000"
    if case == "robots":
        set_feed(site, "/private/rss.xml", [])
        return site.url("/private/rss.xml"), "robots.txt forbids it to tracker"
    if case == "unknown-host":
        return "http://no-such-ministry.invalid/rss.xml", "cannot connect"
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/rss.xml", "cannot connect"


def test_429_waits_as_retry_after_says(ministry, add_source, poll, sleeps):
    _two_articles(ministry)
    ministry.pages["/press/rss.xml"].statuses = [429, 503]
    ministry.pages["/press/rss.xml"].headers = {"Retry-After": "7"}
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert report.status == "ok" and report.stored == 2
    assert sleeps == [7.0, 7.0]
    assert [r.status for r in ministry.requests_to("/press/rss.xml")] == [429, 503, 200]


def test_a_retry_after_longer_than_the_limit_fails_the_source_at_once(ministry, add_source, poll, sleeps):
    set_feed(ministry, "/press/rss.xml", [])
    ministry.pages["/press/rss.xml"].status = 429
    ministry.pages["/press/rss.xml"].headers = {"Retry-After": "3600"}
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert report.status == "failing" and "asks to wait 3600 s, more than 60 s" in report.error
    assert sleeps == [] and len(ministry.requests_to("/press/rss.xml")) == 1


def test_a_feed_moved_for_good_is_read_at_its_new_url_and_the_redirect_recorded(
    ministry, add_source, poll, source_info
):
    _two_articles(ministry)
    ministry.set("/rss.php", status=301, headers={"Location": "/press/rss.xml"}, conditional=False)
    add_source(ministry.url("/rss.php"), "mfa")
    [report] = poll("mfa").sources
    assert report.stored == 2
    info, _ = source_info("mfa")
    assert info.url == ministry.url("/rss.php") and info.fetch_url == ministry.url("/press/rss.xml")
    assert info.redirects == f"301 {ministry.url('/rss.php')} -> {ministry.url('/press/rss.xml')}"
    ministry.log.clear()
    poll("mfa")
    assert ministry.paths() == ["/press/rss.xml"]


@pytest.mark.parametrize(
    "case, expected",
    [
        ("slow", "timed out after 1 s"),
        ("too-large", "more than the cap of 100,000"),
        ("missing", "HTTP 404"),
    ],
)
def test_an_article_that_fails_is_retried_by_later_polls_then_left(
    case, expected, ministry, add_source, poll, source_info, open_session
):
    a, b = _two_articles(ministry)
    if case == "slow":
        ministry.pages[b].delay = 2.0
    elif case == "too-large":
        publish(ministry, "1002", "Huge", VISIT + "\n\n" + "Padding. " * 20_000)
    else:
        del ministry.pages[b]
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert (report.status, report.stored) == ("partial", 1)
    [(url, error)] = report.article_errors
    assert url == ministry.url(b) and expected in error
    info, entries = source_info("mfa")
    assert info.etag is None  # so the next poll reads the feed again and retries the article
    if case == "slow":
        return  # the retries are the same for every cause (and each slow one costs a timeout)
    for _ in range(MAX_ATTEMPTS - 1):
        poll("mfa")
    assert len(ministry.requests_to(b)) == MAX_ATTEMPTS
    [report] = poll("mfa").sources
    assert report.status == "ok" and report.new == 0 and len(ministry.requests_to(b)) == MAX_ATTEMPTS
    failed = [e for e in source_info("mfa")[1] if e.state == "failed"]
    assert [(e.url, e.attempts) for e in failed] == [(ministry.url(b), MAX_ATTEMPTS)]
    assert _count(open_session, m.Document) == 1


def test_an_article_the_extractor_fails_on_is_that_articles_error_and_the_others_are_stored(
    ministry, add_source, poll, open_session, monkeypatch
):
    a, b = _two_articles(ministry)
    fail_extraction_on(monkeypatch, "Vienna")
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert (report.status, report.stored) == ("partial", 1)
    [(url, error)] = report.article_errors
    assert url == ministry.url(b) and "the extractor failed on this text (KeyError: 'a bug')" in error
    assert _count(open_session, m.Document) == 1


def test_an_entry_without_link_is_read_from_the_feed_itself_once(ministry, add_source, poll, open_session):
    a, _ = _two_articles(ministry)
    feed = rss(ministry.base, [(a, "One", D1)]).replace(
        "<item>",
        f'<item><title>Talks in Vienna</title><guid isPermaLink="false">release-77</guid>'
        f"<pubDate>{D2}</pubDate><description>{VISIT}</description></item><item>",
        1,
    )
    ministry.set("/press/rss.xml", feed, "application/rss+xml")
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert (report.entries, report.stored, report.meetings) == (2, 2, 2)
    with open_session() as session:
        document = session.scalar(select(m.Document).where(m.Document.source.like("%#release-77")))
    assert document.source == ministry.url("/press/rss.xml#release-77")
    assert document.published == dt.date(2017, 10, 3) and document.text.startswith(
        "Talks in Vienna\n\nVIENNA"
    )
    ministry.pages["/press/rss.xml"].body += b" "  # changed bytes, same entries
    assert poll("mfa").sources[0].new == 0


def test_malformed_links_in_a_feed_fail_alone(ministry, add_source, poll):
    a, _ = _two_articles(ministry)
    ministry.set(
        "/press/rss.xml",
        rss(ministry.base, [(a, "One", D1)]).replace(
            "<item>", "<item><title>Bad</title><link>http://[::1/x</link></item><item>", 1
        ),
        "application/rss+xml",
    )
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert (report.status, report.stored) == ("partial", 1)
    assert report.article_errors[0][1].startswith("http://[::1/x: not a valid URL")


def test_robots_txt_keeps_articles_out(ministry, add_source, poll):
    a, _ = _two_articles(ministry)
    secret = publish(ministry, "x", "Not for robots", VISIT)
    ministry.pages["/private/x"] = ministry.pages.pop(secret)
    set_feed(ministry, "/press/rss.xml", [(a, "One", D1), ("/private/x", "Private", D2)])
    add_source(ministry.url("/press/rss.xml"), "mfa")
    [report] = poll("mfa").sources
    assert (report.status, report.stored, report.forbidden) == ("ok", 1, 1)
    assert "/private/x" not in ministry.paths() and ministry.paths().count("/robots.txt") == 1


def test_robots_txt_is_kept_a_day_then_read_again(ministry, add_source, poll):
    _two_articles(ministry)
    add_source(ministry.url("/press/rss.xml"), "mfa")
    poll("mfa")
    ministry.set("/robots.txt", "User-agent: *\nDisallow: /press/\n", "text/plain")
    assert poll("mfa", now=NOW + dt.timedelta(hours=23)).sources[0].status == "not-modified"
    assert ministry.paths().count("/robots.txt") == 1
    [report] = poll("mfa", now=NOW + dt.timedelta(hours=24, seconds=1)).sources
    assert ministry.paths().count("/robots.txt") == 2
    assert report.status == "failing" and "robots.txt forbids it" in report.error


def test_requests_to_one_host_are_spaced_by_the_delay(ministry, add_source, poll, sleeps):
    _two_articles(ministry)
    add_source(ministry.url("/press/rss.xml"), "mfa")
    poll("mfa", policy=Politeness(per_host=1, delay=30.0, timeout=2.0, retries=0))
    # robots.txt, the feed and two articles: each starts 30 s after the one before.
    assert sleeps == [30.0, 30.0, 30.0]


def test_crawl_delay_of_robots_txt_lengthens_the_delay(ministry, add_source, poll, sleeps):
    _two_articles(ministry)
    ministry.set("/robots.txt", "User-agent: *\nCrawl-delay: 45\n", "text/plain")
    add_source(ministry.url("/press/rss.xml"), "mfa")
    poll("mfa", policy=Politeness(per_host=1, delay=1.0, timeout=2.0, retries=0))
    assert sleeps == [1.0, 45.0, 45.0]
