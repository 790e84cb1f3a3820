"""`tracker ingest` and `tracker extract`: reading press releases."""

from __future__ import annotations

import sys

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.clock import parse_iso_date
from tracker.errors import InputError
from tracker.exporters.extract_json import extraction_to_json
from tracker.extraction import decode_document
from tracker.services.ingest import extract_document, ingest_in_own_transaction
from tracker.services.sources import list_paths, read_source

PROGRESS_THRESHOLD = 20


@app.command()
def extract(
    path: str = typer.Argument(..., help="A press release: .txt, .md, .html, a feed file, or an http(s) URL."),
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
    for meeting in record["meetings"]:
        typer.echo(f"meeting     {meeting['start']}  {meeting['kind']:<13} {meeting['city'] or '-':<14} "
                   f"{','.join(meeting['parties'])}")
    for item in record["commitments"]:
        window = item["window"]
        typer.echo(f"commitment  {window['start'] or '?'}..{window['end'] or '?'}  {item['kind']:<13} "
                   f"{item['city'] or '-':<14} {','.join(item['parties'])}  [{item['firmness']}]")
        typer.echo(f"            \u201c{item['evidence']['text'] if item['evidence'] else ''}\u201d")


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, folders, feed files and http(s) URLs of pages or feeds."),
    published: str | None = typer.Option(None, "--published", help="Publication date for all documents."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be stored; store nothing."),
    json_: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read press releases and store their meetings and follow-up items.

    Each document is one transaction; a text already stored is skipped.
    Example: tracker ingest seeds/
    """
    app_ctx = get_context(ctx)
    day = parse_iso_date(published, "--published") if published else None
    files = list_paths(paths)
    if not files:
        raise InputError("no documents found in " + ", ".join(paths))
    results, warnings = [], 0
    show_progress = len(files) >= PROGRESS_THRESHOLD and sys.stderr.isatty() and not json_
    iterator = files
    if show_progress:
        from rich.progress import track

        iterator = track(files, description="Ingesting", transient=True, console=_stderr_console())
    for path in iterator:
        try:
            source = read_source(path)
            documents = decode_document(source.raw, source.name, day)
        except InputError as err:
            if len(files) == 1:
                raise
            typer.echo(f"tracker: warning: {err}", err=True)
            warnings += 1
            continue
        for document in documents:
            results.append(_ingest_one(app_ctx, document, dry_run))
    _print_summary(results, dry_run, json_)
    if warnings and not results:
        raise typer.Exit(2)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _ingest_one(app_ctx, document, dry_run):
    return ingest_in_own_transaction(app_ctx.session, document, at=app_ctx.now(), dry_run=dry_run)


def _print_would_store(extraction) -> None:
    """Under --dry-run: each meeting and item that would be stored, with the sentence it was read from."""
    for meeting in extraction.meetings:
        typer.echo(f"  meeting     {meeting.start.isoformat()}  {meeting.kind:<13} {meeting.city or '-':<14} "
                   f"{','.join(sorted(meeting.parties))}  {meeting.title}")
    for item in extraction.commitments:
        window = item.window
        span = f"{window.start or '?'}..{window.end or '?'}"
        typer.echo(f"  item        {span}  {item.kind:<13} {item.city or '-':<14} "
                   f"{','.join(sorted(item.parties))}  [{item.firmness}] {item.title}")
        if item.evidence is not None:
            typer.echo(f"              \u201c{item.evidence.text}\u201d")


def _print_summary(results, dry_run, json_):
    added = [r for r in results if r.added]
    meetings = sum(r.meetings for r in added)
    items = sum(r.commitments for r in added)
    if json_:
        record = {
            "dry_run": dry_run, "documents": len(results), "added": len(added),
            "meetings": meetings, "commitments": items,
            "results": [{"source": r.source, "sha256": r.sha256, "added": r.added, "meetings": r.meetings,
                         "commitments": r.commitments} for r in results],
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
        typer.echo(f"{r.source}: {mark}")
        if dry_run and r.added and r.extraction is not None:
            _print_would_store(r.extraction)
    typer.echo(f"{len(results)} document(s): {len(added)} new, {len(results) - len(added)} already stored; "
               f"{verb} {meetings} meeting(s) and {items} item(s)")
