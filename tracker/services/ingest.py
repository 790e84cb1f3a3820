"""Ingest: a text document -> stored document, meetings and items, in one transaction.

Idempotent on the identity of the extracted text (`tracker.domain.identity`): the
same release a second time adds nothing, even in another form (one more blank
line, HTML instead of text); the result names the document already stored. Another
text at the web address of a stored release is its next revision
(`tracker.services.revisions`): only what changed is stored or withdrawn. The
caller commits (one document per transaction; a folder's, ten to one: `ingest_documents`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from typing import Any, overload

from sqlalchemy import Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker import limits
from tracker.domain.identity import normalised_sha256, url_key
from tracker.domain.model import Commitment, Extraction
from tracker.domain.status import find_postponed
from tracker.errors import ExtractionError
from tracker.extraction import TextDocument, extract
from tracker.services import revisions
from tracker.services.fulfilment import LinkOutcome, match_documents
from tracker.services.tracking import reschedule_item
from tracker.storage import documents, new_rows, repo
from tracker.storage.matching import ItemCandidate

__all__ = [
    "IngestResult",
    "ingest_document",
    "extract_document",
    "ingest_in_own_transaction",
    "SessionFactory",
    "ingest_documents",
]

LOOKUP_CHUNK = 100  # documents whose identities one query looks up

# Opens one session and commits it when its block ends (the CLI's `AppContext.session`).
SessionFactory = Callable[[], AbstractContextManager[Session]]


@dataclass
class IngestResult:
    source: str
    sha256: str
    added: bool
    document_id: int | None = None
    meetings: int = 0
    commitments: int = 0
    extraction: Extraction | None = None
    fulfilled: list[int] = field(default_factory=list)
    stored_as: str | None = None  # when not added: the source of the document already stored
    rescheduled: list[int] = field(default_factory=list)  # stored items this document put off
    # Beyond 1: another text at the web address of a stored release (`tracker.services.revisions`);
    # then `meetings` and `commitments` count only what is new, and `withdrawn` names, as
    # ("meeting" | "item", id), what it no longer gives, `flagged` what was kept for review instead.
    revision: int = 1
    withdrawn: list[tuple[str, int]] = field(default_factory=list)
    flagged: list[tuple[str, int]] = field(default_factory=list)
    read_nothing: bool = False  # nothing read from that text: what earlier revisions gave is kept
    failure: str | None = None  # the extractor failed on the text (ExtractionError's message): not stored


def extract_document(document: TextDocument) -> Extraction:
    """What the extractor reads from `document`; ExtractionError when it fails on the text."""
    try:
        extraction = extract(document.text, document.published)
    except Exception as err:  # a bug met on one text must not stop a folder's or a feed's other documents
        raise _extraction_failed(document, f"{type(err).__name__}: {err}") from err
    return _titled(extraction, document)


def _extraction_failed(document: TextDocument, reason: str) -> ExtractionError:
    return ExtractionError(
        f"{document.source}: the extractor failed on this text ({reason}); "
        "not stored; please report it with the file"
    )


def _titled(extraction: Extraction, document: TextDocument) -> Extraction:
    """`extraction` with the document's own title (an HTML <title>, a feed entry's) when the text gives none."""
    if extraction.title is None:
        extraction.title = document.title
    return extraction


def ingest_document(
    session: Session,
    document: TextDocument,
    *,
    at: dt.datetime,
    dry_run: bool = False,
    extraction: Extraction | None = None,
    key: str | None = None,
    locked: bool = False,
) -> IngestResult:
    """Store `document` with what the extractor reads from it, unless the same release is already stored.

    `extraction`, when given, is `extract_document(document)` done beforehand (a poll
    extracts in its fetching threads, so that the one writing thread only writes);
    `key`, its identity (`normalised_sha256(document.text)`) computed before; `locked`, that
    the transaction holds the ingest lock already (`repo.lock_for_ingest`; one more
    round trip per document on PostgreSQL otherwise).
    """
    sha = document.sha256
    document = _readable(document)
    # Extract before the first query: that query opens the transaction, which on
    # SQLite holds the write lock (BEGIN IMMEDIATE), and other processes must not
    # wait for a long extraction (issue #7).
    if extraction is None:
        extraction = extract_document(document)
    key = key or normalised_sha256(document.text)
    if not dry_run and not locked:
        repo.lock_for_ingest(session)
    existing = repo.find_document(session, document.text, key=key)
    if existing is not None:
        return IngestResult(
            document.source,
            sha,
            added=False,
            document_id=existing.id,
            extraction=extraction,
            stored_as=existing.source,
        )
    address = url_key(document.source)
    revision = revisions.plan_revision(session, address, extraction) if address else None
    result = IngestResult(
        document.source,
        sha,
        added=True,
        extraction=extraction,
        meetings=len(extraction.meetings),
        commitments=len(extraction.commitments),
        revision=revision.number if revision else 1,
        read_nothing=revision.read_nothing if revision else False,
    )
    if dry_run:
        if revision:
            result.withdrawn, result.flagged = revision.sort_missing(session)
        return result
    if revision is None and not _puts_off(extraction):
        return _store_together(session, [(document, key, extraction, at)], results=[result])[0]
    _fit_to_limits(extraction)
    document_id = documents.add_document_row(
        session, _document_values(document, key, extraction, at, revision)
    )
    result.document_id = document_id
    if revision:
        result.withdrawn, result.flagged = revisions.withdraw_missing(
            session, revision, source=document.source, at=at
        )
    meetings = documents.add_meeting_rows(
        session,
        extraction.meetings,
        uids=[repo.new_uid(sha, "meeting", index) for index in range(len(extraction.meetings))],
        document_id=document_id,
        at=at,
    )
    # A commitment read from a report of a meeting was agreed at that meeting.
    agreed_at = meetings[0] if len(meetings) == 1 else None
    if revision:
        agreed_at = revision.agreed_meeting(session, meetings)
    items: list[ItemCandidate] = []
    waiting: list[tuple[int, Commitment]] = []  # stored together, unless a postponed item comes between

    def store_waiting() -> None:
        items.extend(
            documents.add_item_rows(
                session,
                [item for _, item in waiting],
                uids=[repo.new_uid(sha, "commitment", index) for index, _ in waiting],
                document_id=document_id,
                published=extraction.published,
                agreed_at=agreed_at,
                at=at,
            )
        )
        waiting.clear()

    for index, item in enumerate(extraction.commitments):
        if item.made_on is None:
            item.made_on = extraction.published
        if item.postponed:
            store_waiting()  # an item put off may be one this same text named before
            if stored_id := _reschedule_stored(session, item, document.source, at):
                result.commitments -= 1
                result.rescheduled.append(stored_id)
                continue
        waiting.append((index, item))
    store_waiting()
    [outcomes] = match_documents(session, [(documents.StoredDocument(document_id, meetings, items), at)])
    result.fulfilled = _fulfilled(outcomes)
    return result


def _fulfilled(outcomes: list[LinkOutcome]) -> list[int]:
    return sorted({outcome.commitment_id for outcome in outcomes if outcome.fulfilled})


def _puts_off(extraction: Extraction) -> bool:
    """Whether the text puts off an item ("postponed to June"), which may be one stored before it."""
    return any(item.postponed for item in extraction.commitments)


def _document_values(
    document: TextDocument,
    key: str,
    extraction: Extraction,
    at: dt.datetime,
    revision: revisions.Revision | None,
) -> dict[str, Any]:
    return new_rows.document_values(
        sha256=document.sha256,
        key=key,
        source=_cut(document.source, limits.SOURCE_CHARS),
        text=document.text,
        title=_cut(extraction.title, limits.TITLE_CHARS),
        published=extraction.published,
        at=at,
        url_sha256=url_key(document.source),
        revision=revision.number if revision else 1,
    )


# A new document to store with others: as read (`_readable`), its identity key, what was read from it, when.
_New = tuple[TextDocument, str, Extraction, dt.datetime]


def _store_together(
    session: Session, new: list[_New], *, results: list[IngestResult] | None = None
) -> list[IngestResult]:
    """Store `new` documents in the same few statements (issue #16), then match each as if it had been
    stored alone (`fulfilment.match_documents`); their results, in order (`results` filled in, when given).

    None of them is stored already, read from a web address (maybe a revision) or puts an item off:
    those read what came before them (`ingest_document` writes them alone).
    """
    if results is None:
        results = [
            IngestResult(
                document.source,
                document.sha256,
                added=True,
                extraction=extraction,
                meetings=len(extraction.meetings),
                commitments=len(extraction.commitments),
            )
            for document, _, extraction, _ in new
        ]
    for _, _, extraction, _ in new:
        _fit_to_limits(extraction)
        for item in extraction.commitments:
            if item.made_on is None:
                item.made_on = extraction.published
    stored = documents.add_documents(
        session,
        [
            documents.NewDocument(
                values=_document_values(document, key, extraction, at, None),
                meetings=extraction.meetings,
                meeting_uids=[
                    repo.new_uid(document.sha256, "meeting", index)
                    for index in range(len(extraction.meetings))
                ],
                items=extraction.commitments,
                item_uids=[
                    repo.new_uid(document.sha256, "commitment", index)
                    for index in range(len(extraction.commitments))
                ],
            )
            for document, key, extraction, at in new
        ],
    )
    matched = match_documents(session, [(written, at) for written, (*_, at) in zip(stored, new, strict=True)])
    for result, written, outcomes in zip(results, stored, matched):
        result.document_id = written.id
        result.fulfilled = _fulfilled(outcomes)
    return results


def _reschedule_stored(session: Session, item, source: str, at: dt.datetime) -> int | None:
    """ "The planned visit has been postponed to June": move the stored item it names (as `items
    reschedule` does, with history) instead of adding a second one: its id, None when none is stored."""
    if not item.parties:
        return None
    stored = {row.id: row for row in repo.list_active_commitments_sharing(session, item.parties)}
    target = find_postponed(item, [repo.commitment_to_domain(row) for row in stored.values()])
    if target is None or target.id is None:
        return None
    quote = item.evidence.text if item.evidence else ""
    reschedule_item(
        session, target.id, item.window, at=at, reason=f"postponed, as {source} reports: \u201c{quote}\u201d"
    )
    item.id = target.id
    return target.id


def _readable(document: TextDocument) -> TextDocument:
    """`document` as it is extracted and stored: without a publication date outside `tracker.limits`."""
    if (
        document.published is not None
        and not limits.EARLIEST_DATE <= document.published <= limits.LATEST_DATE
    ):
        # A feed entry or page dated, say, 9999: not a date to read the text from, nor to store (#17).
        return replace(document, published=None)
    return document


@overload
def _cut(value: str, limit: int) -> str: ...
@overload
def _cut(value: None, limit: int) -> None: ...
@overload
def _cut(value: str | None, limit: int) -> str | None: ...
def _cut(value: str | None, limit: int) -> str | None:
    """`value` cut to `limit` characters (an ellipsis marks the cut)."""
    if value is None or len(value) <= limit:
        return value
    return value[: limit - 1] + "\u2026"


def _fit_to_limits(extraction: Extraction) -> None:
    """Cut what was read from a text to the sizes of `tracker.limits`, so that odd text (a page title of a
    thousand characters) is stored the same on SQLite and PostgreSQL instead of failing on one (#17)."""
    for meeting in extraction.meetings:
        meeting.title = _cut(meeting.title, limits.TITLE_CHARS) or ""
        meeting.city = _cut(meeting.city, limits.LABEL_CHARS)
        meeting.participants = [
            replace(p, name=_cut(p.name, limits.NAME_CHARS) or "", role=_cut(p.role, limits.NAME_CHARS))
            for p in meeting.participants
        ]
    for item in extraction.commitments:
        item.title = _cut(item.title, limits.TITLE_CHARS) or ""
        item.city = _cut(item.city, limits.LABEL_CHARS)
        if item.window.text and len(item.window.text) > limits.TITLE_CHARS:
            item.window = replace(item.window, text=_cut(item.window.text, limits.TITLE_CHARS))


def ingest_in_own_transaction(
    open_session: SessionFactory,
    document: TextDocument,
    *,
    at: dt.datetime,
    dry_run: bool = False,
    extraction: Extraction | None = None,
    also: Callable[[Session, IngestResult], None] | None = None,
    look_first: bool = True,
    key: str | None = None,
) -> IngestResult:
    """Ingest one document in a transaction of its own (`tracker ingest` and `tracker sources poll`).

    A text already stored is skipped before its extraction, so a re-run after a crash
    or a second folder of the same texts goes fast (issue #7). `also(session, result)`
    writes what the caller keeps about the document in the same transaction (a poll
    remembers the article's URL), whether the text was new or not. `look_first=False`
    skips that first look when the text is most likely new and already extracted (a
    poll's new articles): the ingest transaction looks again anyway. `key` is the text's identity
    (`normalised_sha256`) when the caller has it.
    """
    key = key or normalised_sha256(document.text)
    if not dry_run and look_first:
        with open_session() as session:
            existing = repo.find_document(session, document.text, key=key)
            if existing is not None:
                result = IngestResult(
                    document.source,
                    document.sha256,
                    added=False,
                    document_id=existing.id,
                    stored_as=existing.source,
                )
                if also is not None:
                    also(session, result)
                return result
    try:
        with open_session() as session:
            result = ingest_document(
                session, document, at=at, dry_run=dry_run, extraction=extraction, key=key
            )
            if dry_run:
                session.rollback()
            elif also is not None:
                also(session, result)
            return result
    except IntegrityError:
        # Another process stored the same text between our check and our insert.
        with open_session() as session:
            existing = repo.find_document(session, document.text, key=key)
            result = IngestResult(
                document.source,
                document.sha256,
                added=False,
                document_id=existing.id if existing is not None else None,
                stored_as=existing.source if existing is not None else None,
            )
            if also is not None:
                also(session, result)
        return result


def ingest_documents(
    open_session: SessionFactory,
    documents: Iterable[TextDocument],
    *,
    now: Callable[[], dt.datetime],
    dry_run: bool = False,
    chunk: int = LOOKUP_CHUNK,
    extract_ahead: bool = False,
) -> Iterator[IngestResult]:
    """Ingest many documents in order (`tracker ingest FOLDER`), each stamped `now()`, new ones written
    `WRITE_BATCH` to a transaction.

    Which of them are stored already is asked once per `chunk` documents, in one indexed
    query, instead of once per document (issue #16); those are not extracted again (issue #7).
    A transaction holds whole documents only, so a killed ingest leaves whole documents only, and
    each is extracted before its transaction begins: the write lock is never held for an
    extraction (issue #7).
    `extract_ahead` extracts the new ones in a second process, a chunk ahead of the writing
    (`tracker.speed.extract_worker`): worth its start-up for a folder, not for one file.
    """
    batches = _look_up(open_session, documents, chunk=chunk, dry_run=dry_run)
    if dry_run:
        for batch in batches:
            for document, key, hit in batch:
                try:
                    yield _ingest_looked_up(open_session, document, key, hit, now=now, dry_run=dry_run)
                except ExtractionError as err:
                    yield _not_read(document, err)
        return
    if not extract_ahead:
        for batch in batches:
            yield from _write(
                open_session, batch, lambda document: extract_document(_readable(document)), now=now
            )
        return
    from tracker.speed.extract_worker import ExtractionFailed, ExtractWorker

    def read_back(document: TextDocument) -> Extraction:
        try:
            return _titled(worker.result(), document)
        except ExtractionFailed as err:
            raise _extraction_failed(document, err.summary) from None

    with ExtractWorker() as worker:
        sent: list[_LookedUp] = []
        for batch in itertools.chain(batches, [[]]):
            for document, _, hit in batch:
                if hit is None:
                    readable = _readable(document)
                    worker.submit((readable.text, readable.published))
            yield from _write(open_session, sent, read_back, now=now)
            sent = batch


WRITE_BATCH = 10  # new documents written in one transaction


def _not_read(document: TextDocument, err: ExtractionError) -> IngestResult:
    return IngestResult(document.source, document.sha256, added=False, failure=str(err))


def _write(
    open_session: SessionFactory,
    looked_up: list[_LookedUp],
    extracted: Callable[[TextDocument], Extraction],
    *,
    now: Callable[[], dt.datetime],
) -> Iterator[IngestResult]:
    """The results of `looked_up`, in order: those stored already at once, the new ones extracted
    (`extracted`, called in order) and written `WRITE_BATCH` to a transaction; one the extractor
    fails on is not stored, and says why."""
    waiting: list[tuple[TextDocument, str, Row[Any] | None, Extraction | None]] = []
    new = 0
    for document, key, hit in looked_up:
        try:
            extraction = extracted(document) if hit is None else None
        except ExtractionError as err:
            yield from _write_batch(open_session, waiting, now=now)  # the results stay in order
            waiting, new = [], 0
            yield _not_read(document, err)
            continue
        waiting.append((document, key, hit, extraction))
        new += hit is None
        if new == WRITE_BATCH:
            yield from _write_batch(open_session, waiting, now=now)
            waiting, new = [], 0
    yield from _write_batch(open_session, waiting, now=now)


def _write_batch(
    open_session: SessionFactory,
    batch: list[tuple[TextDocument, str, Row[Any] | None, Extraction | None]],
    *,
    now: Callable[[], dt.datetime],
) -> list[IngestResult]:
    written: dict[int, IngestResult] = {}
    new = [
        (index, document, key, extraction)
        for index, (document, key, hit, extraction) in enumerate(batch)
        if hit is None
    ]
    if new:
        try:
            with open_session() as session:
                repo.lock_for_ingest(session)
                written = _write_locked(session, new, now=now)
        except IntegrityError:
            # Another process stored one of these texts meanwhile: each again in a transaction of its
            # own, extracted afresh (the first attempt cut and dated what it read).
            written = {
                index: ingest_in_own_transaction(open_session, document, at=now(), look_first=False, key=key)
                for index, document, key, _ in new
            }
    return [
        written[index] if hit is None else _stored_result(document, hit)
        for index, (document, _, hit, _) in enumerate(batch)
    ]


def _write_locked(
    session: Session,
    new: list[tuple[int, TextDocument, str, Extraction | None]],
    *,
    now: Callable[[], dt.datetime],
) -> dict[int, IngestResult]:
    """Write the `new` documents of a batch (position in the batch, document, identity key, extraction) in
    `session`, which holds the ingest lock, as if one after the other; their results by position.

    One look-up finds those stored since the batch was looked up (by another process, or earlier in the
    batch); runs of plain ones are stored together (`_store_together`); one read from a web address (maybe
    a revision) or putting an item off is written alone, in turn, as it reads what came before it.
    """
    stored: dict[str, tuple[int, str]] = {
        key: (row.id, row.source)
        for key, row in repo.find_documents(session, sorted({key for _, _, key, _ in new})).items()
    }
    written: dict[int, IngestResult] = {}
    run: list[tuple[int, _New]] = []

    def store_run() -> None:
        for (index, new_one), result in zip(run, _store_together(session, [new_one for _, new_one in run])):
            written[index] = result
            stored[new_one[1]] = (result.document_id or 0, _cut(result.source, limits.SOURCE_CHARS))
        run.clear()

    for index, document, key, extraction in new:
        document = _readable(document)
        if any(key == waiting[1] for _, waiting in run):
            store_run()  # the same text twice in the batch: the second names the first
        if key in stored:
            document_id, source = stored[key]
            written[index] = IngestResult(
                document.source,
                document.sha256,
                added=False,
                document_id=document_id,
                extraction=extraction,
                stored_as=source,
            )
            continue
        extraction = extraction or extract_document(document)
        if url_key(document.source) is None and not _puts_off(extraction):
            run.append((index, (document, key, extraction, now())))
            continue
        store_run()
        written[index] = ingest_document(
            session, document, at=now(), extraction=extraction, key=key, locked=True
        )
        stored[key] = (written[index].document_id or 0, _cut(document.source, limits.SOURCE_CHARS))
    store_run()
    return written


def _stored_result(document: TextDocument, hit: Row[Any]) -> IngestResult:
    return IngestResult(
        document.source, document.sha256, added=False, document_id=hit.id, stored_as=hit.source
    )


_LookedUp = tuple[TextDocument, str, "Row[Any] | None"]


def _look_up(
    open_session: SessionFactory, documents: Iterable[TextDocument], *, chunk: int, dry_run: bool
) -> Iterator[list[_LookedUp]]:
    """`documents` in chunks, each with its identity and the document stored under it, if any."""
    pending = iter(documents)
    while batch := list(itertools.islice(pending, chunk)):
        keys = [normalised_sha256(document.text) for document in batch]
        stored: dict = {}
        if not dry_run:
            with open_session() as session:
                stored = repo.find_documents(session, sorted(set(keys)))
        yield [(document, key, stored.get(key)) for document, key in zip(batch, keys)]


def _ingest_looked_up(
    open_session: SessionFactory,
    document: TextDocument,
    key: str,
    hit: Row[Any] | None,
    *,
    now: Callable[[], dt.datetime],
    dry_run: bool,
) -> IngestResult:
    if hit is not None:
        return _stored_result(document, hit)
    return ingest_in_own_transaction(
        open_session, document, at=now(), dry_run=dry_run, look_first=False, key=key
    )
