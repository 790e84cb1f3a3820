"""`tracker documents list|show`: the documents read so far, and what was read from each (issue #14)."""

from __future__ import annotations

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.storage import repo

documents_app = typer.Typer(
    help="The documents read so far, and what was read from each.", no_args_is_help=True
)
app.add_typer(documents_app, name="documents")


def _document_record(summary: dict) -> dict:
    return {
        **summary,
        "published": summary["published"].isoformat() if summary["published"] else None,
        "ingested_at": summary["ingested_at"].isoformat() if summary["ingested_at"] else None,
    }


def _document_line(record: dict) -> str:
    return (
        f"#{record['id']:<4} {record['published'] or 'no date':<10}  {record['meetings']} meeting(s), "
        f"{record['commitments']} item(s)  {record['title'] or '-'}  ({record['source']}"
        + (f", revision {record['revision']})" if record["revision"] > 1 else ")")
    )


@documents_app.command("list")
def documents_list(
    ctx: typer.Context, json_: bool = typer.Option(False, "--json", help="Print JSON.")
) -> None:
    """List the documents read so far, with what was read from each (issue #14).

    Example: tracker documents list
    """
    with get_context(ctx).session(read_only=True) as session:
        records = [_document_record(summary) for summary in repo.list_document_summaries(session)]
    if json_:
        print_json(records)
        return
    if not records:
        typer.echo("no documents")
    for record in records:
        typer.echo(_document_line(record))


@documents_app.command("show")
def documents_show(
    ctx: typer.Context,
    document_id: int = typer.Argument(..., help="Document id."),
    text: bool = typer.Option(False, "--text", help="Also print the text that was read."),
    json_: bool = typer.Option(False, "--json", help="Print JSON (with the text)."),
) -> None:
    """Show one document: where it came from, and the meetings and items read from it.

    Example: tracker documents show 1 --text
    """
    with get_context(ctx).session(read_only=True) as session:
        row = repo.get_document(session, document_id)
        summary = next(s for s in repo.list_document_summaries(session) if s["id"] == row.id)
        record = {
            **_document_record(summary),
            "meeting_ids": [meeting.id for meeting in repo.list_meetings_of_document(session, row.id)],
            "commitment_ids": [item.id for item in repo.list_commitments_of_document(session, row.id)],
            "text": row.text,
        }
    if json_:
        print_json(record)
        return
    typer.echo(_document_line(record))
    typer.echo(f"      sha256 {record['sha256']}, read {record['ingested_at'][:16].replace('T', ' ')}")
    if record["meeting_ids"]:
        meetings = ", ".join(f"#{i}" for i in record["meeting_ids"])
        typer.echo(f"      meetings: {meetings} (`tracker meetings show`)")
    if record["commitment_ids"]:
        typer.echo(
            "      items: " + ", ".join(f"#{i}" for i in record["commitment_ids"]) + " (`tracker items show`)"
        )
    if text:
        typer.echo("")
        typer.echo(record["text"])
