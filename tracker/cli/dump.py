"""`tracker dump` and `tracker load`: the whole database as one JSON file, e.g. to move from SQLite to PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.files import write_atomically
from tracker.services.dump import dump_database, dump_to_bytes, load_database, parse_dump
from tracker.services.sources import read_source


@app.command()
def dump(
    ctx: typer.Context,
    output: str = typer.Option(
        ..., "-o", "--output", help="File to write the JSON dump to ('-' for stdout)."
    ),
    json_: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Write every row (documents, meetings, items, links, feeds' token hashes, history) to one JSON file.

    Ids, UIDs and timestamps are kept, so `tracker load` restores the database exactly.
    Example: tracker dump -o tracker-dump.json
    """
    data = dump_to_bytes(dump_database(get_context(ctx).engine(create=False)))
    if output == "-":
        typer.echo(data.decode("utf-8"), nl=False)
        return
    write_atomically(Path(output), [data])
    counts = {name: len(table["rows"]) for name, table in parse_dump(data, output)["tables"].items()}
    if json_:
        print_json({"output": output, "rows": counts})
    else:
        typer.echo(f"{output}: {sum(counts.values())} row(s) from {len(counts)} table(s)")


@app.command()
def load(
    ctx: typer.Context,
    path: str = typer.Argument(..., help="A file written by `tracker dump`."),
    json_: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Restore a dump into an empty database (refused, exit 4, when it holds any row), in one transaction.

    Example: tracker --db postgresql+psycopg://me@localhost/tracker load tracker-dump.json
    """
    source = read_source(path, max_bytes=None)  # a dump is no document: no size cap
    data = parse_dump(source.raw, path)
    counts = load_database(get_context(ctx).engine(upgrade=False), data)
    if json_:
        print_json({"input": path, "rows": counts})
    else:
        typer.echo(f"{path}: loaded {sum(counts.values())} row(s) into {len(counts)} table(s)")
