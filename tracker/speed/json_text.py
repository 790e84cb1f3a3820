"""Speed: JSON records kept as text, joined as strings and parsed back with orjson.

The database writes each item's record as JSON text (`tracker.speed.sql_rows`);
`tracker remind` adds the reminder's fields by joining two object texts instead of
parsing and encoding 100,000s of records again, and parses them back (orjson, in C)
only for the text and mail renderings (bench/remind.py).

`indented` writes a document as `json.dumps(indent=2)` does, by orjson: the standard
encoder runs in Python once it indents (a twentieth of `report weekly --format json`
at 100,000 items, bench/bench_report.py).
"""

from __future__ import annotations

from typing import Any

import orjson

__all__ = ["join_json_objects", "object_tail", "dumps_compact", "loads", "ReprFloat", "indented"]


def join_json_objects(first: str, second: str) -> str:
    """One JSON object text with the keys of the object texts `first`, then `second`.

    Both as the database or orjson write them: nothing after the closing brace.
    """
    if first[-1] != "}" or second[0] != "{":
        raise ValueError(f"not JSON objects: {first[-20:]!r}, {second[:20]!r}")
    if second == "{}":
        return first
    return f"{first[:-1]}{'' if first[-2] == '{' else ','}{second[1:]}"


def object_tail(second: str) -> str:
    """What replaces an object text's closing brace to add the keys of the object text `second` after its own.

    For an object with keys already (as the database writes an item's record): one
    string operation per record, the tail computed once for many.
    """
    if second[0] != "{" or second[-1] != "}":
        raise ValueError(f"not a JSON object: {second[:20]!r}")
    return "}" if second == "{}" else "," + second[1:]


def dumps_compact(value: Any) -> str:
    """`value` as compact JSON text on one line (dates as ISO text)."""
    return orjson.dumps(value, default=str).decode()


def loads(text: str) -> Any:
    return orjson.loads(text)


class ReprFloat(float):
    """A float that `indented` writes as `json` writes floats, by Python's repr (5e-05, where orjson writes 0.00005)."""

    __slots__ = ()


def _repr_float(value: Any) -> orjson.Fragment:
    if isinstance(value, ReprFloat):
        return orjson.Fragment(float.__repr__(value))
    raise TypeError(f"not JSON: {type(value).__name__}")


def indented(value: Any) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2)` writes it.

    `value` holds dicts with text keys, lists, text, whole numbers within 64 bits, None,
    booleans and, for floats, ReprFloats only (orjson writes a plain float its own way).
    """
    return orjson.dumps(value, default=_repr_float, option=orjson.OPT_INDENT_2).decode()
