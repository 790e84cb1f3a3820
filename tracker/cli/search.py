"""`tracker search`: find items, meetings and documents by the words in them or the parties they name."""

from __future__ import annotations

from pathlib import Path

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.errors import InputError
from tracker.storage.search import search_rows


@app.command()
def search(
    ctx: typer.Context,
    text: list[str] = typer.Argument(
        ..., help="Words that must all occur (in a title, sentence, city or text)."
    ),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many of each kind."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Find items, meetings and documents holding every word given; a country's name also finds its parties.

    Matching ignores case and finds parts of words ("consult" finds "consultations").
    Example: tracker search Minsk consultations
    """
    from tracker import gazetteer

    app_ctx = get_context(ctx)
    words = [word for value in text for word in value.split() if word.strip()]
    if not words:
        raise InputError("give at least one word to search for")
    cache = Path(app_ctx.settings.cache_dir)
    party_codes = {word: code for word in words if (code := gazetteer.resolve_party(word, cache)) is not None}
    with app_ctx.session(read_only=True) as session:
        hits = search_rows(session, words, party_codes, limit=limit)
    if json_:
        print_json(
            [{"kind": hit.kind, "id": hit.id, "title": hit.title, "sentence": hit.sentence} for hit in hits]
        )
        return
    if not hits:
        typer.echo(f"nothing found for {' '.join(words)!r}")
    for hit in hits:
        typer.echo(f"{hit.kind:<9}#{hit.id:<5}{hit.title}")
        if hit.sentence:
            typer.echo(f"              \u201c{' '.join(hit.sentence.split())}\u201d")
