"""The one JSON writer of every `--json`: one document on stdout, indented by two, written as it is made.

Lists may be iterators: their entries are written as they come, so a list of
100,000s of items neither waits for nor holds all of them. A `JsonText` (JSON
already encoded, by the database or by orjson: `tracker.speed`) is written as is,
on one line; lists of them (`JsonTexts`, `JsonTextBatches`) one text a line, a
batch to each write.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

__all__ = ["JsonText", "JsonTexts", "JsonTextBatches", "write_json", "print_json"]

_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)
_INDENTED = json.JSONEncoder(ensure_ascii=False, default=str, indent=2)
_NO_KEY = object()  # marks a list's entries


class JsonText(str):
    """A value already encoded as JSON text, written out unchanged."""

    __slots__ = ()


class JsonTexts(list[str]):
    """A list whose entries are JSON texts already, written out unchanged, one a line.

    Wrapping the list, not each text, copies no text: 70,000 records stay as the database wrote them.
    """

    __slots__ = ()


class JsonTextBatches:
    """A list of JSON texts arriving in batches (lists of texts): written one text a line, as they come.

    Each batch is joined and written at once, so a million records cost a thousand
    writes, not a million (`items list --json`, `remind --json`).
    """

    __slots__ = ("batches",)

    def __init__(self, batches: Iterable[list[str]]) -> None:
        self.batches = batches


def _needs_writer(value: Any) -> bool:
    """Whether `value` holds anything json.dumps cannot write as this module does (texts, iterators)."""
    if isinstance(value, (JsonText, JsonTexts, JsonTextBatches, Iterator)):
        return True
    if isinstance(value, dict):
        return any(_needs_writer(entry) for entry in value.values())
    if isinstance(value, (list, tuple)):
        return any(_needs_writer(entry) for entry in value)
    return False


def _chunks(value: Any, depth: int) -> Iterator[str]:
    if isinstance(value, (dict, list, tuple)) and not _needs_writer(value):
        # The common case, and the fast one: the standard encoder, re-indented to this depth.
        text = _INDENTED.encode(value)
        yield text.replace("\n", "\n" + "  " * depth) if depth else text
    elif isinstance(value, JsonText):
        yield value
    elif isinstance(value, JsonTexts):
        yield from _text_lines((value,), depth)
    elif isinstance(value, JsonTextBatches):
        yield from _text_lines(value.batches, depth)
    elif isinstance(value, dict):
        yield from _container("{", "}", ((key, entry) for key, entry in value.items()), depth)
    elif isinstance(value, (list, tuple, Iterator)):
        yield from _container("[", "]", ((_NO_KEY, entry) for entry in value), depth)
    else:
        yield _ENCODER.encode(value)


def _text_lines(batches: Iterable[list[str]], depth: int) -> Iterator[str]:
    # The layout of _container for texts: "[]" when empty, else one text a line, commas at line ends.
    separator = ",\n" + "  " * (depth + 1)
    opening = "[\n" + "  " * (depth + 1)
    empty = True
    for batch in batches:
        if batch:
            yield (opening if empty else separator) + separator.join(batch)
            empty = False
    yield "[]" if empty else "\n" + "  " * depth + "]"


def _container(opening: str, closing: str, entries: Iterable[tuple[Any, Any]], depth: int) -> Iterator[str]:
    # The layout of json.dumps(indent=2): "[]" when empty, else one entry a line, commas at line ends.
    inner = "\n" + "  " * (depth + 1)
    empty = True
    for key, entry in entries:
        yield (opening + inner) if empty else ("," + inner)
        empty = False
        if key is not _NO_KEY:
            yield _ENCODER.encode(key if isinstance(key, str) else _ENCODER.encode(key)) + ": "
        yield from _chunks(entry, depth + 1)
    yield (opening + closing) if empty else ("\n" + "  " * depth + closing)


def write_json(value: Any, out: IO[str] | None = None) -> None:
    """Write `value` as one JSON document and a newline (dates and other objects as their text)."""
    out = out or sys.stdout
    write = out.write
    for chunk in _chunks(value, 0):
        write(chunk)
    write("\n")


print_json = write_json
