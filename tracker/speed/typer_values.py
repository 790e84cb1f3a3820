"""Speed: plain option values read without Typer's Pydantic machinery (issue #16).

Serves bench/startup.py; guarded by tests/cli/test_startup.py. Typer reads every parameter's value through a Pydantic TypeAdapter, built on first use, and importing
Pydantic costs about as much as the rest of a command's start-up outside SQLAlchemy. The
plain values this CLI takes (text, whole numbers, flags, lists of text) are read here instead;
anything else (paths, choices, custom parsers) still goes through Typer. Typer calls
`param._runtime_param.coerce(value, param=, ctx=)`; without that hook (another Typer) nothing changes.
"""

from __future__ import annotations

from typing import get_args, get_origin

import typer

__all__ = ["read_plainly"]


class _PlainValue:
    def __init__(self, kind: type, many: bool, low: float | None, high: float | None) -> None:
        self.kind, self.many, self.low, self.high = kind, many, low, high

    def coerce(self, value, param, ctx):
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        if self.many:
            if isinstance(value, str):
                raise typer.BadParameter("Value must be an iterable.", ctx=ctx, param=param)
            return [self._one(item, param, ctx) for item in value]
        return self._one(value, param, ctx)

    def _one(self, value, param, ctx):
        if self.kind is str:
            return value if isinstance(value, str) else str(value)
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            if str(value).strip().lower() in _BOOLEAN_WORDS:
                return _BOOLEAN_WORDS[str(value).strip().lower()]
            raise typer.BadParameter(f"{value!r} is neither yes nor no.", ctx=ctx, param=param)
        try:
            number = int(value.strip()) if isinstance(value, str) else int(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a whole number.", ctx=ctx, param=param) from None
        if self.low is not None and number < self.low:
            raise typer.BadParameter(f"{number} is below {self.low}.", ctx=ctx, param=param)
        if self.high is not None and number > self.high:
            raise typer.BadParameter(f"{number} is above {self.high}.", ctx=ctx, param=param)
        return number


_BOOLEAN_WORDS = {"1": True, "true": True, "yes": True, "y": True, "on": True, "t": True}
_BOOLEAN_WORDS.update(
    {"0": False, "false": False, "no": False, "n": False, "off": False, "f": False, "": False}
)


def read_plainly(param) -> None:
    """Give `param` the plain reader above when its value is text, a whole number, yes/no or a list of text."""
    described = getattr(param, "type_descriptor", None)
    if described is None or getattr(param, "_runtime_param", False) is not None:
        return
    annotation, info = described.annotation, described.parameter_info
    many = get_origin(annotation) is list
    kind = get_args(annotation)[0] if many else annotation
    if kind not in (str, int, bool) or (many and kind is not str) or info.parser is not None or info.clamp:
        return
    param._runtime_param = _PlainValue(kind, many, info.min, info.max)
