"""`tracker ingest` and `tracker extract`: reading press releases."""

from __future__ import annotations

import sys
from collections.abc import Iterable

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.clock import parse_iso_date
from tracker.errors import InputError
from tracker.exporters.extract_json import extraction_to_json
from tracker.extraction import decode_document
from tracker.extraction.language import READ_LANGUAGES
from tracker.services.ingest import extract_document, ingest_documents
from tracker.services.sources import list_paths, list_skipped, read_source

PROGRESS_THRESHOLD = 20
# From this many files on, a second process extracts while this one writes: its start-up (imports,
# the gazetteer) costs about a second of CPU, and at 60 documents this process saved none of its own
# (`bench/bench_ingest.py --cpu`); at 300 it saved a fifth.
EXTRACT_AHEAD_THRESHOLD = 100


@app.command()
def extract(
    path: str = typer.Argument(
        ..., help="A press release: .txt, .md, .html, a feed file, or an http(s) URL."
    ),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
    json_: bool = typer.Option(False, "--json", help="Print the tracker.extract/1 JSON object."),
) -> None:
    """Print what the extractor reads from one document; writes nothing.

    Example: tracker extract seeds/serbia-belarus-consultations-2016-10-06.txt --json
    """
    day = parse_iso_date(published, "--published") if published else None
    source = read_source(path)
    documents = decode_document(source.raw, source.name, day)
    if not documents:
        raise InputError(f"{path}: no text found")
    document = documents[0]
    extraction = extract_document(document)
    record = extraction_to_json(extraction, document.sha256)
    if json_:
        print_json(record)
        return
    typer.echo(f"published: {record['document']['published'] or 'unknown'}")
    if extraction.language not in READ_LANGUAGES:
        typer.echo(_not_read(extraction.language))
    for meeting in record["meetings"]:
        typer.echo(
            f"meeting     {meeting['start']}  {meeting['kind']:<13} {meeting['city'] or '-':<14} "
            f"{','.join(meeting['parties'])}"
        )
    for item in record["commitments"]:
        window = item["window"]
        typer.echo(
            f"commitment  {window['start'] or '?'}..{window['end'] or '?'}  {item['kind']:<13} "
            f"{item['city'] or '-':<14} {','.join(item['parties'])}  [{item['firmness']}]"
        )
        typer.echo(f"            \u201c{item['evidence']['text'] if item['evidence'] else ''}\u201d")


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(
        ..., help="Files, folders, feed files and http(s) URLs of pages or feeds."
    ),
    published: str | None = typer.Option(None, "--published", help="Publication date for all documents."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be stored; store nothing."),
    json_: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read press releases and store their meetings and follow-up items.

    Documents are stored whole (up to ten to a transaction, so an interrupted run
    leaves whole documents only); a release already stored is skipped, also
    in another form (other line breaks, HTML instead of text). Every file skipped,
    unreadable or failing the extractor is named on stderr; if any was, the exit status
    is 1 (2 when nothing could be read), after the summary.

    Another text at the web address of a stored release is its next revision:
    only what changed is added or withdrawn.
    Example: tracker ingest seeds/
    """
    app_ctx = get_context(ctx)
    day = parse_iso_date(published, "--published") if published else None
    files = list_paths(paths)
    skipped = list_skipped(paths)
    if not files:
        named = "; ".join(f"{path} ({why})" for path, why in skipped)
        raise InputError(
            "no documents found in " + ", ".join(paths) + (f"; skipped {named}" if named else "")
        )
    failed: list[tuple[str, str]] = []
    for path, why in skipped:
        typer.echo(f"tracker: warning: skipped {path}: {why}", err=True)
        failed.append((path, why))
    show_progress = len(files) >= PROGRESS_THRESHOLD and sys.stderr.isatty() and not json_
    iterator: Iterable[str] = files
    if show_progress:
        from rich.progress import track

        iterator = track(files, description="Ingesting", transient=True, console=_stderr_console())

    def read_all():
        for path in iterator:
            try:
                source = read_source(path)
                documents = decode_document(source.raw, source.name, day)
            except InputError as err:
                if len(files) == 1 and not skipped:
                    raise
                typer.echo(f"tracker: warning: {err}", err=True)
                failed.append((path, str(err)))
                continue
            yield from documents

    results = []
    for result in ingest_documents(
        app_ctx.session,
        read_all(),
        now=app_ctx.now,
        dry_run=dry_run,
        extract_ahead=len(files) >= EXTRACT_AHEAD_THRESHOLD,
    ):
        if result.failure is None:
            results.append(result)
        else:
            typer.echo(f"tracker: warning: {result.failure}", err=True)
            failed.append((result.source, result.failure))
    _print_summary(results, dry_run, json_, failed)
    if failed:
        # A partial failure is not a success: cron and scripts must notice (issue #14).
        raise typer.Exit(1 if results else 2)


def _not_read(language: str) -> str:
    return f"language {language}: not read yet, 0 items"


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _print_would_store(extraction) -> None:
    """Under --dry-run: each meeting and item that would be stored, with the sentence it was read from."""
    for meeting in extraction.meetings:
        typer.echo(
            f"  meeting     {meeting.start.isoformat()}  {meeting.kind:<13} {meeting.city or '-':<14} "
            f"{','.join(sorted(meeting.parties))}  {meeting.title}"
        )
    for item in extraction.commitments:
        window = item.window
        span = f"{window.start or '?'}..{window.end or '?'}"
        typer.echo(
            f"  item        {span}  {item.kind:<13} {item.city or '-':<14} "
            f"{','.join(sorted(item.parties))}  [{item.firmness}] {item.title}"
        )
        if item.evidence is not None:
            typer.echo(f"              \u201c{item.evidence.text}\u201d")


def _named(entries: list[tuple[str, int]]) -> list[dict[str, object]]:
    return [{"entity": entity, "id": number} for entity, number in entries]


def _revision_changes(r) -> str:
    """ "1 item added, 1 withdrawn": what another text at the address of a stored release changed."""
    if r.read_nothing:
        return "nothing read from it; what earlier revisions gave is kept"
    withdrawn = [entity for entity, _ in r.withdrawn]
    flagged = [entity for entity, _ in r.flagged]
    counts = [
        ("added", r.meetings, r.commitments),
        ("withdrawn", withdrawn.count("meeting"), withdrawn.count("item")),
        ("kept for review", flagged.count("meeting"), flagged.count("item")),
    ]
    shown: list[str] = []
    last_nouns: tuple[str, ...] = ()
    for done, meetings, items in counts:
        nouns = tuple(noun for n, noun in ((meetings, "meeting"), (items, "item")) if n)
        if not nouns:
            continue
        named = [
            f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in ((meetings, "meeting"), (items, "item")) if n
        ]
        # The noun once while it stays the same: "1 item added, 1 withdrawn".
        text = str(meetings or items) if len(nouns) == 1 and nouns == last_nouns else " and ".join(named)
        shown.append(f"{text} {done}")
        last_nouns = nouns
    if r.rescheduled:
        shown.append("rescheduled " + ", ".join(f"item #{number}" for number in r.rescheduled))
    return ", ".join(shown) or "nothing read from it changed"


def _print_summary(results, dry_run, json_, failed):
    added = [r for r in results if r.added]
    updated = [r for r in added if r.revision > 1]
    meetings = sum(r.meetings for r in added)
    items = sum(r.commitments for r in added)
    if json_:
        record = {
            "dry_run": dry_run,
            "documents": len(results),
            "added": len(added),
            "updated": len(updated),
            "meetings": meetings,
            "commitments": items,
            "results": [
                {
                    "source": r.source,
                    "sha256": r.sha256,
                    "added": r.added,
                    "meetings": r.meetings,
                    "commitments": r.commitments,
                    "stored_as": r.stored_as,
                    "rescheduled": r.rescheduled,
                    "revision": r.revision,
                    "withdrawn": _named(r.withdrawn),
                    "kept_for_review": _named(r.flagged),
                    "language": r.extraction.language if r.extraction is not None else None,
                }
                for r in results
            ],
            "not_read": [{"source": source, "reason": reason} for source, reason in failed],
        }
        if dry_run:
            for entry, r in zip(record["results"], results):
                if r.added and r.extraction is not None:
                    entry["extraction"] = extraction_to_json(r.extraction, r.sha256)
        print_json(record)
        return
    verb = "would add" if dry_run else "added"
    for r in results:
        mark = f"{verb} {r.meetings} meeting(s), {r.commitments} item(s)" if r.added else "already stored"
        if r.rescheduled:
            mark += ", rescheduled " + ", ".join(f"item #{number}" for number in r.rescheduled)
        if r.added and r.extraction is not None and r.extraction.language not in READ_LANGUAGES:
            mark = f"stored; {_not_read(r.extraction.language)}"
        if not r.added and r.stored_as and r.stored_as != r.source:
            mark += f" (the same text as {r.stored_as})"
        if r.revision > 1:
            typer.echo(
                f"{'would update' if dry_run else 'updated'}: {r.source} (revision {r.revision}): "
                f"{_revision_changes(r)}"
            )
        else:
            typer.echo(f"{r.source}: {mark}")
        if dry_run and r.added and r.extraction is not None:
            _print_would_store(r.extraction)
    not_read = f"; {len(failed)} file(s) not read (see above)" if failed else ""
    typer.echo(
        f"{len(results)} document(s): {len(added) - len(updated)} new, "
        + (f"{len(updated)} updated, " if updated else "")
        + f"{len(results) - len(added)} already stored; "
        f"{verb} {meetings} meeting(s) and {items} item(s){not_read}"
    )
