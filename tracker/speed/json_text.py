"""Speed: JSON records kept as text, joined as strings and parsed back with orjson.

The database writes each item's record as JSON text (`tracker.speed.sql_rows`);
`tracker remind` adds the reminder's fields by joining two object texts instead of
parsing and encoding 100,000s of records again, and parses them back (orjson, in C)
only for the text and mail renderings (bench/remind.py).
"""

from __future__ import annotations

from typing import Any

import orjson

__all__ = ["join_json_objects", "dumps_compact", "loads", "indent_json"]


def join_json_objects(first: str, second: str) -> str:
    """One JSON object text with the keys of the object texts `first`, then `second`.

    Both as the database or orjson write them: nothing after the closing brace.
    """
    if first[-1] != "}" or second[0] != "{":
        raise ValueError(f"not JSON objects: {first[-20:]!r}, {second[:20]!r}")
    if second == "{}":
        return first
    return f"{first[:-1]}{'' if first[-2] == '{' else ','}{second[1:]}"


def dumps_compact(value: Any) -> str:
    """`value` as compact JSON text on one line (dates as ISO text)."""
    return orjson.dumps(value, default=str).decode()


def loads(text: str) -> Any:
    return orjson.loads(text)


def indent_json(text: str, depth: int) -> str:
    """The JSON `text` in the layout of json.dumps(indent=2, ensure_ascii=False), as an entry `depth` levels deep.

    orjson parses and writes it again in C, several times faster than the standard encoder
    (`items list --json` of 1,000,000 database-written records keeps `tracker.cli.output`'s layout).
    """
    indented = orjson.dumps(orjson.loads(text), option=orjson.OPT_INDENT_2).decode()
    return indented.replace("\n", "\n" + "  " * depth) if depth else indented
