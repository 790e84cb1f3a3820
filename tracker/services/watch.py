"""Watched sources: ministries' feeds and listing pages that `tracker sources poll` keeps up with (issue #12).

A poll runs in three steps. (1) Each source's feed or listing page is read with a
conditional GET (ETag / Last-Modified kept per source); a listing page is followed
through its own feed link, or through the links matching the source's pattern.
(2) Every entry not handled before (by URL, across all sources) is fetched as the full
article, read by the same reader as `tracker ingest` (tracker.extraction) and
ingested in a transaction of its own (tracker.services.ingest). (3) Each source's
state is saved: validators, status, reason, consecutive failures. A source that fails
is marked failing with its reason and the others go on. Steps 1 and 2 run on a
thread pool; the Fetcher keeps the per-host limits and robots.txt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from tracker import limits
from tracker.errors import ConflictError, FetchError, InputError, StorageError
from tracker.services.fetching import Fetched, Fetcher, Politeness, RobotsForbiddenError
from tracker.storage import models as m
from tracker.storage import sources as store

if TYPE_CHECKING:
    from tracker.domain.model import Extraction
    from tracker.services.ingest import SessionFactory

# The extractor (tracker.extraction, tracker.services.ingest) is imported where an article
# is read: a poll that finds nothing new never loads it, and starts a second sooner.

__all__ = [
    "SourceInfo",
    "EntryInfo",
    "PollOptions",
    "SourceReport",
    "PollSummary",
    "parse_every",
    "format_every",
    "add_source",
    "list_sources",
    "show_source",
    "remove_source",
    "poll_sources",
    "is_due",
    "MAX_ATTEMPTS",
    "DEFAULT_EVERY",
    "add_speaker",
]

DEFAULT_EVERY = 6 * 3600  # seconds
MIN_EVERY = 60
MAX_ATTEMPTS = 3  # an article that failed this often is not fetched again
MAX_PAGES = 20  # pages a --since backfill follows back
MAX_INDEX_THREADS = 64
ROBOTS_FOR = dt.timedelta(hours=24)
POLL_LEASE = dt.timedelta(
    hours=1
)  # how long a poll that was killed keeps others off its sources  # a robots.txt is read again after this long (RFC 9309, 2.4)
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5"
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_EVERY = re.compile(r"(\d+)\s*([smhdw])", re.IGNORECASE)


# Adding, listing, removing


def parse_every(value: str) -> int:
    """'6h', '30m', '1d', '1h30m' -> seconds; InputError for anything else or less than a minute."""
    text = value.strip().replace(" ", "")
    parts = _EVERY.findall(text)
    if not parts or "".join(f"{n}{u}" for n, u in parts).lower() != text.lower():
        raise InputError(f"--every must look like 30m, 6h or 1d, got {value!r}")
    seconds = sum(int(number) * _UNITS[unit.lower()] for number, unit in parts)
    if seconds < MIN_EVERY:
        raise InputError(f"--every must be at least 1m, got {value!r}")
    return seconds


def format_every(seconds: int) -> str:
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@dataclass(frozen=True)
class SourceInfo:
    """A source as the CLI shows it (no Session behind it)."""

    name: str
    url: str
    fetch_url: str
    kind: str
    parties: list[str]
    links: str | None
    every_seconds: int
    last_polled_at: dt.datetime | None
    last_status: str
    last_error: str | None
    last_new: int
    failures: int
    redirects: str | None
    created_at: dt.datetime
    etag: str | None = None
    last_modified: str | None = None
    documents: int = 0
    id: int | None = None

    @property
    def next_due(self) -> dt.datetime | None:
        """When the next poll without names should read it: None means now (never polled)."""
        if self.last_polled_at is None:
            return None
        return _utc(self.last_polled_at) + dt.timedelta(seconds=self.every_seconds)

    def record(self) -> dict:
        due = self.next_due
        return {
            "name": self.name,
            "url": self.url,
            "fetch_url": self.fetch_url,
            "kind": self.kind,
            "parties": self.parties,
            "links": self.links,
            "every": format_every(self.every_seconds),
            "last_polled_at": _iso(self.last_polled_at),
            "last_status": self.last_status,
            "last_error": self.last_error,
            "last_new": self.last_new,
            "failures": self.failures,
            "documents": self.documents,
            "redirects": self.redirects.splitlines() if self.redirects else [],
            "next_due": _iso(due) if due else None,
            "created_at": _iso(self.created_at),
        }


@dataclass(frozen=True)
class EntryInfo:
    url: str
    state: str
    attempts: int
    error: str | None
    document_id: int | None
    seen_at: dt.datetime

    def record(self) -> dict:
        return {
            "url": self.url,
            "state": self.state,
            "attempts": self.attempts,
            "error": self.error,
            "document_id": self.document_id,
            "seen_at": _iso(self.seen_at),
        }


def _utc(instant: dt.datetime) -> dt.datetime:
    return instant.replace(tzinfo=dt.UTC) if instant.tzinfo is None else instant.astimezone(dt.UTC)


def _iso(instant: dt.datetime | None) -> str | None:
    return _utc(instant).isoformat(timespec="seconds") if instant is not None else None


def _info(row: m.Source, documents: int = 0) -> SourceInfo:
    return SourceInfo(
        name=row.name,
        url=row.url,
        fetch_url=row.fetch_url,
        kind=row.kind,
        parties=[p for p in (row.parties or "").split(",") if p],
        links=row.links_pattern,
        every_seconds=row.every_seconds,
        last_polled_at=row.last_polled_at,
        last_status=row.last_status,
        last_error=row.last_error,
        last_new=row.last_new,
        failures=row.failures,
        redirects=row.redirects,
        created_at=row.created_at,
        etag=row.etag,
        last_modified=row.last_modified,
        documents=documents,
        id=row.id,
    )


def _check_url(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
    except ValueError as err:
        raise InputError(f"{url!r} is not a valid URL ({err})") from err
    if parts.scheme not in {"http", "https"} or not hostname:
        raise InputError(f"{url!r} is not an http(s) URL of a feed or a listing page")
    if len(url.strip()) > limits.SOURCE_CHARS:
        raise InputError(
            f"a source URL has at most {limits.SOURCE_CHARS} characters, this one {len(url.strip())}"
        )
    return url.strip()


def add_source(
    session: Session,
    url: str,
    *,
    name: str | None = None,
    parties: list[str] | None = None,
    every_seconds: int = DEFAULT_EVERY,
    links: str | None = None,
    at: dt.datetime,
) -> SourceInfo:
    """Watch `url`; nothing is fetched until the first poll. ConflictError when the name or URL is taken.

    :param name: defaults to the URL's host name.
    :param links: a regular expression; article links of a listing page that match it are followed.
    """
    url = _check_url(url)
    if links is not None:
        try:
            re.compile(links)
        except re.error as err:
            raise InputError(f"--links {links!r} is not a regular expression: {err}") from err
    name = (name or urlsplit(url).hostname or "").strip()
    if not name or len(name) > 200 or not name.isprintable():
        raise InputError("a source name needs 1 to 200 printable characters")
    if store.find_source(session, name) is not None:
        raise ConflictError(f"a source named {name!r} exists already; choose another with --name")
    existing = store.find_source_by_url(session, url)
    if existing is not None:
        raise ConflictError(f"{url} is watched already as {existing.name!r}")
    codes = ",".join(sorted(set(parties or [])))
    if len(codes) > 200:
        raise InputError("too many parties for one source")
    try:
        row = store.add_source(
            session,
            name=name,
            url=url,
            fetch_url=url,
            kind="auto",
            parties=codes,
            links_pattern=links,
            every_seconds=every_seconds,
            last_status="never",
            last_new=0,
            failures=0,
            created_at=at,
        )
    except IntegrityError as err:  # another process added the same name at the same moment
        raise ConflictError(f"a source named {name!r} exists already; choose another with --name") from err
    return _info(row)


def list_sources(session: Session) -> list[SourceInfo]:
    return [
        _info(row, sum(store.count_entries(session, row.id).get(s, 0) for s in ("stored", "duplicate")))
        for row in store.list_sources(session)
    ]


def show_source(session: Session, name: str, recent: int = 10) -> tuple[SourceInfo, list[EntryInfo]]:
    """A source with its last `recent` entries (newest first). NotFoundError when unknown."""
    row = store.get_source(session, name)
    counts = store.count_entries(session, row.id)
    entries = store.recent_entries(session, row.id, limit=recent)
    return (
        _info(row, counts.get("stored", 0) + counts.get("duplicate", 0)),
        [EntryInfo(e.url, e.state, e.attempts, e.error, e.document_id, e.seen_at) for e in entries],
    )


def remove_source(session: Session, name: str) -> SourceInfo:
    """Stop watching; the documents already ingested stay. NotFoundError when unknown."""
    row = store.get_source(session, name)
    info = _info(row)
    store.delete_source(session, row)
    return info


def is_due(info: SourceInfo, now: dt.datetime) -> bool:
    due = info.next_due
    return due is None or due <= _utc(now)


# Polling


@dataclass(frozen=True)
class PollOptions:
    """What a poll may do: politeness limits, threads, and an optional backfill date."""

    politeness: Politeness = Politeness()
    since: dt.date | None = None
    workers: int = 8


@dataclass
class SourceReport:
    """What one poll did with one source."""

    name: str
    url: str
    status: str = "ok"  # ok, not-modified, partial (some articles failed), failing, busy (another poll's)
    error: str | None = None
    entries: int = 0  # entries the feed or listing shows (after --since)
    new: int = 0  # entries not handled before, fetched now
    stored: int = 0  # new documents
    duplicates: int = 0  # articles whose text was stored already
    meetings: int = 0
    commitments: int = 0
    fulfilled: list[int] = field(default_factory=list)
    forbidden: int = 0  # articles robots.txt forbids
    article_errors: list[tuple[str, str]] = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)
    fetch_url: str | None = None

    def record(self) -> dict:
        return {
            "name": self.name,
            "url": self.url,
            "status": self.status,
            "error": self.error,
            "entries": self.entries,
            "new": self.new,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "meetings": self.meetings,
            "commitments": self.commitments,
            "fulfilled": sorted(self.fulfilled),
            "forbidden": self.forbidden,
            "article_errors": [{"url": url, "error": error} for url, error in self.article_errors],
            "redirects": self.redirects,
            "fetch_url": self.fetch_url,
        }


@dataclass
class PollSummary:
    sources: list[SourceReport]
    requests: int = 0

    @property
    def failed(self) -> list[SourceReport]:
        return [r for r in self.sources if r.status in {"failing", "partial"}]

    def line(self) -> str:
        """The one summary line of a poll (also printed after a progress bar)."""
        stored = sum(r.stored for r in self.sources)
        unchanged = sum(r.status == "not-modified" for r in self.sources)
        return (
            f"{len(self.sources)} source(s) polled: {len(self.failed)} failed, {unchanged} unchanged; "
            f"{stored} new document(s), {sum(r.meetings for r in self.sources)} meeting(s), "
            f"{sum(r.commitments for r in self.sources)} item(s), "
            f"{sum(len(r.fulfilled) for r in self.sources)} item(s) fulfilled; {self.requests} request(s)"
        )

    def record(self) -> dict:
        return {
            "polled": len(self.sources),
            "failed": len(self.failed),
            "not_modified": sum(r.status == "not-modified" for r in self.sources),
            "documents": sum(r.stored for r in self.sources),
            "meetings": sum(r.meetings for r in self.sources),
            "commitments": sum(r.commitments for r in self.sources),
            "fulfilled": sorted({i for r in self.sources for i in r.fulfilled}),
            "requests": self.requests,
            "sources": [r.record() for r in self.sources],
        }


@dataclass(frozen=True)
class _Entry:
    url: str  # the article; for an entry without a link, the feed's URL + "#" + the entry's id
    published: dt.date | None = None
    text: str | None = None  # an entry without a link: its own text is the document
    title: str | None = None


@dataclass
class _Index:
    entries: list[_Entry]
    kind: str
    fetch_url: str
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


Progress = Callable[[str, int, int], None]  # (what, done, total)


def poll_sources(
    open_session: SessionFactory,
    *,
    names: list[str] | None = None,
    all_: bool = False,
    now: dt.datetime,
    options: PollOptions = PollOptions(),
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    before_reading: Callable[[], None] | None = None,
) -> PollSummary:
    """Poll the named sources (all with `all_`; else those due at `now`) and ingest their new articles.

    :param open_session: opens one committed-on-exit session; each article and each source
        state is written in a transaction of its own.
    :param now: the poll instant (UTC), stored as each source's last poll.
    :param fetcher: a Fetcher (tests pass one with an injected sleep); default: one with `options.politeness`.
    :param before_reading: called once before the first article is read (the CLI points the
        gazetteer at its cache then: a poll with nothing new never loads the extractor).
    Raises NotFoundError for an unknown name; source failures are reported, not raised.
    """
    with open_session() as session:
        for name in names or []:
            store.get_source(session, name)
        infos = [_info(row) for row in store.list_sources(session, names or None)]
    if not names and not all_:
        infos = [info for info in infos if is_due(info, now)]
    # Two polls at once (cron and a hand run): each source is read by one of them, the
    # other skips it and says so (issue #12).
    holder = uuid.uuid4().hex
    with open_session() as session:
        leases = store.claim_sources(
            session,
            [info.id for info in infos if info.id is not None],
            holder=holder,
            now=now,
            until=now + POLL_LEASE,
        )
    busy = {
        info.name: until
        for info in infos
        if info.id is not None and (until := leases.get(info.id)) is not None
    }
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(options.politeness)
    requests_before = fetcher.requests
    try:
        with open_session() as session:
            fetcher.known_robots(store.find_robots(session, fresh_since=now - ROBOTS_FOR))
        polled = _poll(
            open_session,
            [info for info in infos if info.name not in busy],
            now,
            options,
            fetcher,
            progress or (lambda *_: None),
            before_reading or (lambda: None),
        )
    finally:
        if own_fetcher:
            fetcher.close()
        _release(open_session, holder)
    by_name = {report.name: report for report in polled}
    reports = [by_name.get(info.name) or _busy_report(info, busy[info.name]) for info in infos]
    return PollSummary(reports, fetcher.requests - requests_before)


def _busy_report(info: SourceInfo, until: dt.datetime | None) -> SourceReport:
    when = f" (until {_utc(until):%Y-%m-%d %H:%M} UTC at the latest)" if until is not None else ""
    return SourceReport(
        info.name,
        info.url,
        status="busy",
        error=f"another `tracker sources poll` is reading it{when}; skipped",
        fetch_url=info.fetch_url,
    )


def _release(open_session: SessionFactory, holder: str) -> None:
    try:
        with open_session() as session:
            store.release_sources(session, holder)
    except (SQLAlchemyError, StorageError):
        pass  # the database failed under the poll: its leases run out by themselves (POLL_LEASE)


def _poll(
    open_session: SessionFactory,
    infos: list[SourceInfo],
    now: dt.datetime,
    options: PollOptions,
    fetcher: Fetcher,
    progress: Progress,
    before_reading: Callable[[], None],
) -> list[SourceReport]:
    reports = {info.name: SourceReport(info.name, info.url, fetch_url=info.fetch_url) for info in infos}
    indexes: dict[str, _Index] = {}
    workers = max(1, options.workers)
    # 1. Feeds and listing pages, all at once (up to MAX_INDEX_THREADS): reading one is mostly
    # waiting (for the network, and for the host's delay after its robots.txt once a day).
    with ThreadPoolExecutor(
        max_workers=max(1, min(MAX_INDEX_THREADS, max(workers, len(infos)))), thread_name_prefix="poll-index"
    ) as index_pool:
        outcomes = list(index_pool.map(lambda i: _read_index_safely(fetcher, i, options.since), infos))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="poll") as pool:
        done = 0
        for info, outcome in zip(infos, outcomes):
            report = reports[info.name]
            done += 1
            progress("sources", done, len(infos))
            index, redirects = outcome
            report.redirects = redirects
            if isinstance(index, FetchError):
                report.status, report.error = "failing", str(index)
                continue
            indexes[info.name] = index
            report.fetch_url = index.fetch_url
            report.entries = len(index.entries)
            if index.not_modified:
                report.status = "not-modified"
        # 2. New articles, each URL once even when two feeds carry it.
        tasks = _new_entries(open_session, infos, indexes)
        for name, _entry in tasks:
            reports[name].new += 1
        ids = {info.name: info.id for info in infos}
        # Threads fetch and read the articles; this thread alone writes them, one
        # transaction each, as they arrive: writers never queue on the database's lock.
        if tasks:
            before_reading()
        speakers = {info.name: info.parties for info in infos}
        futures = [pool.submit(_fetch_article, fetcher, entry, speakers[name]) for name, entry in tasks]
        owner = {future: task for future, task in zip(futures, tasks)}
        for finished, future in enumerate(as_completed(futures), start=1):
            name, entry = owner[future]
            _store_article(open_session, entry, future.result(), reports[name], ids[name], now)
            progress("articles", finished, len(tasks))
    # 3. What each source looks like now (one short transaction for all).
    with open_session() as session:
        for info in infos:
            _save_state(session, info, reports[info.name], indexes.get(info.name), now)
        for host, (status, body) in sorted(fetcher.read_robots.items()):
            store.save_robots(session, host, status, body, now)
    return [reports[info.name] for info in infos]


def _new_entries(
    open_session: SessionFactory, infos: list[SourceInfo], indexes: dict[str, _Index]
) -> list[tuple[str, _Entry]]:
    """Entries to fetch: not handled before (or failed fewer than MAX_ATTEMPTS times), each URL once."""
    urls = sorted({entry.url for index in indexes.values() for entry in index.entries})
    with open_session() as session:
        handled = store.find_entries(session, urls)
        ingested = store.stored_sources(session, urls)  # `tracker ingest URL` read them before
    claimed: set[str] = set()
    by_host: dict[str, list[tuple[str, _Entry]]] = {}
    for info in infos:
        index = indexes.get(info.name)
        for entry in index.entries if index else []:
            previous = handled.get(entry.url)
            if entry.url in claimed or entry.url in ingested:
                continue
            if previous is not None and (previous.state != "failed" or previous.attempts >= MAX_ATTEMPTS):
                continue
            claimed.add(entry.url)
            by_host.setdefault(_netloc(entry.url), []).append((info.name, entry))
    # One host after the other, round robin: the threads then wait on different hosts'
    # limits at once, instead of all queueing behind the first host's delay.
    queues = list(by_host.values())
    return [
        queue[turn]
        for turn in range(max(map(len, queues), default=0))
        for queue in queues
        if turn < len(queue)
    ]


def _fetch_article(fetcher: Fetcher, entry: _Entry, speaker: list[str]):
    """Fetch one article, read its main text and extract it (in a worker thread): (document, extraction), or the error.

    None when the page has no document. `speaker`: the parties the source speaks for (`--party`).
    """
    from tracker.extraction import TextDocument, decode_document
    from tracker.services.ingest import extract_document

    try:
        if entry.text is not None:
            document = TextDocument(
                text=entry.text, source=entry.url, title=entry.title, published=entry.published
            )
            return document, add_speaker(extract_document(document), speaker)
        answer = fetcher.get(entry.url, accept=PAGE_ACCEPT)
        documents = decode_document(answer.text_bytes(), entry.url, entry.published)
        if not documents:
            return None
        document = replace(documents[0], source=entry.url)
        return document, add_speaker(extract_document(document), speaker)
    except InputError as err:  # FetchError, RobotsForbiddenError and ExtractionError too
        return err


def add_speaker(extraction: Extraction, speaker: list[str]) -> Extraction:
    """Make the source's own parties (`sources add --party`) parties of what its release reports.

    A ministry writes "the Minister held talks with the Foreign Minister of Chile" without naming
    its own country: a meeting or item that names exactly one party, not the speaker's, gets the
    speaker's parties too (and a meeting its title again). Anything else is left as read.
    """
    from tracker.extraction.meetings import meeting_title

    if not speaker:
        return extraction
    for meeting in extraction.meetings:
        if len(meeting.parties) == 1 and not set(meeting.parties) & set(speaker):
            meeting.parties = sorted({*meeting.parties, *speaker})
            meeting.title = meeting_title(meeting.kind, meeting.parties, meeting.city)
    for item in extraction.commitments:
        if len(item.parties) == 1 and not set(item.parties) & set(speaker):
            item.parties = sorted({*item.parties, *speaker})
    return extraction


def _store_article(
    open_session: SessionFactory,
    entry: _Entry,
    fetched,
    report: SourceReport,
    source_id: int | None,
    now: dt.datetime,
) -> None:
    """Ingest a fetched article in its own transaction and remember its URL there; or remember why it failed."""
    from tracker.services.ingest import ingest_in_own_transaction

    if isinstance(fetched, RobotsForbiddenError):
        report.forbidden += 1
        return
    if isinstance(fetched, InputError):  # tried again by the next polls, up to MAX_ATTEMPTS
        report.article_errors.append((entry.url, str(fetched)))
        _remember(open_session, entry.url, source_id, "failed", now, error=str(fetched))
        return
    if fetched is None:
        _remember(open_session, entry.url, source_id, "empty", now)
        return
    document, extraction = fetched

    def remember(session: Session, result) -> None:  # in the document's own transaction
        store.record_entry(
            session,
            url=entry.url,
            source_id=source_id,
            state="stored" if result.added else "duplicate",
            at=now,
            document_id=result.document_id,
        )

    try:
        result = ingest_in_own_transaction(
            open_session, document, at=now, extraction=extraction, also=remember, look_first=False
        )
    except (
        IntegrityError
    ):  # another poll took the same URL at the same moment; its text is stored once anyway
        return
    if result.added:
        report.stored += 1
        report.meetings += result.meetings
        report.commitments += result.commitments
        report.fulfilled.extend(result.fulfilled)
    else:
        report.duplicates += 1


def _remember(
    open_session: SessionFactory,
    url: str,
    source_id: int | None,
    state: str,
    now: dt.datetime,
    document_id: int | None = None,
    error: str | None = None,
) -> None:
    try:
        with open_session() as session:
            store.record_entry(
                session,
                url=url,
                source_id=source_id,
                state=state,
                at=now,
                document_id=document_id,
                error=error,
            )
    except IntegrityError:
        pass  # another poll recorded the same URL at the same moment: it is handled either way


def _save_state(
    session: Session, info: SourceInfo, report: SourceReport, index: _Index | None, now: dt.datetime
) -> None:
    if report.status != "failing" and report.article_errors:
        report.status = "partial"
        report.error = f"{len(report.article_errors)} article(s) failed; first: {report.article_errors[0][1]}"
    row = session.get(m.Source, info.id)
    if row is None:  # removed while the poll ran
        return
    row.last_polled_at = now
    row.last_status = report.status
    row.last_error = report.error
    row.last_new = report.stored
    row.failures = row.failures + 1 if report.status == "failing" else 0
    if report.redirects:
        row.redirects = "\n".join(report.redirects)
    if index is not None:
        row.kind = index.kind
        if len(index.fetch_url) <= limits.SOURCE_CHARS:  # a move to a longer URL is followed, not stored
            row.fetch_url = index.fetch_url
        # Validators are kept only when every article was handled: otherwise the next
        # poll would get a 304 and never retry the articles that failed.
        if not index.not_modified and not report.article_errors:
            row.etag, row.last_modified = index.etag, index.last_modified


# Reading feeds and listing pages


def _read_index_safely(
    fetcher: Fetcher, info: SourceInfo, since: dt.date | None
) -> tuple[_Index | FetchError, list[str]]:
    redirects: list[str] = []
    try:
        return _read_index(fetcher, info, since, redirects), redirects
    except FetchError as err:
        return err, redirects
    except InputError as err:  # e.g. a page whose bytes are not text
        return FetchError(str(err)), redirects


def _conditional_headers(info: SourceInfo, since: dt.date | None) -> dict[str, str]:
    if since is not None:
        return {}  # a backfill reads the pages again: a 304 would hide the older entries
    headers = {}
    if info.etag:
        headers["If-None-Match"] = info.etag
    if info.last_modified:
        headers["If-Modified-Since"] = info.last_modified
    return headers


def _read_index(fetcher: Fetcher, info: SourceInfo, since: dt.date | None, redirects: list[str]) -> _Index:
    url = info.fetch_url
    answer = fetcher.get(url, headers=_conditional_headers(info, since), accept=FEED_ACCEPT)
    redirects.extend(f"{code} {source} -> {target}" for code, source, target in answer.redirects)
    fetch_url = answer.permanent_redirect or url
    if answer.status == 304:
        return _Index([], info.kind, fetch_url, info.etag, info.last_modified, not_modified=True)
    kind = _answer_kind(answer)
    if kind == "feed":
        entries, next_page = _feed_entries(answer.body, answer.final_url)
        entries += _backfill(fetcher, next_page, since, _feed_entries)
        return _Index(
            _after(entries, since),
            "feed",
            fetch_url,
            answer.headers.get("etag"),
            answer.headers.get("last-modified"),
        )
    if info.kind == "feed":
        raise FetchError(
            f"{url}: an HTML page where a feed was expected "
            f"({answer.headers.get('content-type', 'no content type')}); is the site down?"
        )
    page = answer.text_bytes()
    if info.links is None:
        feed_link = _feed_link(page, answer.final_url)
        if feed_link is None:
            raise FetchError(
                f"{url}: neither a feed nor a page with a feed link; "
                "give --links REGEX to follow its article links"
            )
        # The listing page's own feed: polled directly from now on.
        found = _read_index(
            fetcher,
            replace(info, fetch_url=feed_link, kind="feed", etag=None, last_modified=None),
            since,
            redirects,
        )
        return found
    pattern = re.compile(info.links)
    entries, next_page = _page_links(page, answer.final_url, pattern)
    entries += _backfill(fetcher, next_page, since, lambda raw, base: _page_links(raw, base, pattern))
    return _Index(entries, "page", fetch_url, answer.headers.get("etag"), answer.headers.get("last-modified"))


def _answer_kind(answer: Fetched) -> str:
    from tracker.extraction.document import document_kind

    content_type = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in _FEED_TYPES:
        return "feed"
    try:
        return document_kind(answer.body, "")
    except InputError:
        return "text"


def _after(entries: list[_Entry], since: dt.date | None) -> list[_Entry]:
    """Entries published on or after `since` (undated ones kept: their page may say more)."""
    if since is None:
        return entries
    return [e for e in entries if e.published is None or e.published >= since]


def _backfill(fetcher: Fetcher, next_page: str | None, since: dt.date | None, read) -> list[_Entry]:
    """Older pages (rel="next"), followed only for --since, until a page has nothing on or after `since`."""
    found: list[_Entry] = []
    seen: set[str] = set()
    pages = 0
    while since is not None and next_page and next_page not in seen and pages < MAX_PAGES:
        seen.add(next_page)
        pages += 1
        answer = fetcher.get(next_page, accept=FEED_ACCEPT)
        entries, next_page = read(answer.text_bytes(), answer.final_url)
        found.extend(entries)
        dated = [e.published for e in entries if e.published is not None]
        if not entries or (dated and max(dated) < since):
            break
    return found


def _feed_entries(raw: bytes, base: str) -> tuple[list[_Entry], str | None]:
    import feedparser

    parsed = feedparser.parse(raw)
    entries: list[_Entry] = []
    for item in parsed.entries:
        published = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            if item.get(key):
                published = dt.date(*item[key][:3])
                break
        link = item.get("link")
        if link:
            entries.append(_Entry(_absolute(base, link.strip()), published))
            continue
        # No page behind it: the entry's own text is the release (as `tracker ingest feed.xml` reads it).
        text = _entry_text(item)
        if text:
            key = item.get("id") or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
            entries.append(_Entry(f"{base}#{key}", published, text, item.get("title") or None))
    if not entries and parsed.get("bozo"):
        reason = getattr(
            parsed.get("bozo_exception"), "getMessage", lambda: str(parsed.get("bozo_exception"))
        )()
        raise FetchError(f"{base}: not a readable RSS or Atom feed ({reason})")
    next_page = next(
        (link.get("href") for link in parsed.feed.get("links", []) if link.get("rel") == "next"), None
    )
    return _unique(entries), _absolute(base, next_page) if next_page else None


def _entry_text(item) -> str:
    from tracker.extraction.document import strip_tags

    body = item["content"][0].get("value", "") if item.get("content") else ""
    text = strip_tags(body or item.get("summary", "") or "")
    title = item.get("title") or ""
    return f"{title}\n\n{text}" if title and text and not text.startswith(title) else text


def _html_root(html: bytes, base: str):
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception as err:  # lxml raises several types for markup it cannot parse
        raise FetchError(f"{base}: cannot read the page's HTML ({err})") from err
    root.make_links_absolute(base, resolve_base_href=True)
    return root


def _feed_link(html: bytes, base: str) -> str | None:
    """The page's own feed: <link rel="alternate" type="application/rss+xml" href="...">."""
    root = _html_root(html, base)
    for link in root.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        if "alternate" in rels and (link.get("type") or "").lower() in _FEED_TYPES and link.get("href"):
            return link.get("href")
    return None


def _page_links(html: bytes, base: str, pattern: re.Pattern) -> tuple[list[_Entry], str | None]:
    root = _html_root(html, base)
    links = [a.get("href").split("#", 1)[0] for a in root.iter("a") if a.get("href")]
    entries = [_Entry(link) for link in links if pattern.search(link)]
    next_page = None
    for element in list(root.iter("a")) + list(root.iter("link")):
        if "next" in (element.get("rel") or "").lower().split() and element.get("href"):
            next_page = element.get("href")
            break
    return _unique(entries), next_page


def _netloc(url: str) -> str:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


def _absolute(base: str, link: str) -> str:
    """`link` resolved against `base`; a link too malformed to resolve is kept as it is (its fetch then fails alone)."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _unique(entries: list[_Entry]) -> list[_Entry]:
    seen: set[str] = set()
    kept = []
    for entry in entries:
        if entry.url not in seen and entry.url.lower().startswith(("http://", "https://")):
            seen.add(entry.url)
            kept.append(entry)
    return kept
