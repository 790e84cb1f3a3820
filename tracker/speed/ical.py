"""Speed: calendar components written as content lines by tracker, not through icalendar's objects.

Serves `export ics`, the feed and CalDAV pushes (bench/bench_ics.py, bench/feed.py). Guarded by
tests/exporters/test_ics_fast.py (both writers give the same bytes, icalendar reads every value back)
and the reader tests of tests/exporters (icalendar, ical, vobject, khal, libical).
"""

from __future__ import annotations

import functools
import re

from icalendar import Alarm, Event, Todo

__all__ = ["Component"]

# Components are built as `Component`s and written as content lines by tracker, not as icalendar objects: for
# 100,000 items icalendar's per-property machinery (an encoded object, a Parameters dict and a Contentline
# per property) was most of `export ics` (issue 16). TEXT and URI values are written directly; any other
# value (dates, instants, integers, durations) is written once per distinct value by icalendar itself and
# reused. `to_icalendar()` builds the same component with icalendar: tests/exporters/test_ics_fast.py
# checks that both give the same bytes and that icalendar reads every property back to the same value.

_TOKEN = re.compile(r"[A-Za-z0-9-]+")
_ICALENDAR_CLASSES = {"VEVENT": Event, "VTODO": Todo, "VALARM": Alarm}


def _escape(text: str) -> str:
    """A TEXT value escaped per RFC 5545 §3.3.11, in icalendar's order.

    Unlike icalendar, a literal backslash-N in a title stays two characters: icalendar turns it into
    a line break first, which changes what a desk officer typed.
    """
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if ";" in text:
        text = text.replace(";", r"\;")
    if "," in text:
        text = text.replace(",", r"\,")
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n")
    return text


@functools.lru_cache(maxsize=256)
def _value_type(component: str, name: str) -> str:
    """How icalendar writes a str value of property `name`: "text", "uri", or "other"."""
    klass = _ICALENDAR_CLASSES[component].types_factory.for_property(name.lower())
    return {"vText": "text", "vUri": "uri"}.get(klass.__name__, "other")


def _icalendar_line(component: str, name: str, value: object, parameters: dict[str, str] | None) -> str:
    """The content line icalendar writes for one property (unfolded)."""
    built = _ICALENDAR_CLASSES[component]()
    built.add(name, list(value) if isinstance(value, tuple) else value, parameters=parameters)  # type: ignore[arg-type]
    return str(built.content_line(name, built[name]))


@functools.lru_cache(maxsize=8192)
def _cached_icalendar_line(
    component: str, name: str, value: object, parameters: tuple[tuple[str, str], ...] | None
) -> str:
    """`_icalendar_line` once per distinct value (dates, instants, integers repeat across components)."""
    return _icalendar_line(component, name, value, dict(parameters) if parameters else None)


def _content_line(component: str, name: str, value: object, parameters: dict[str, str] | None) -> str:
    if isinstance(value, str) and (not parameters or all(_TOKEN.fullmatch(v) for v in parameters.values())):
        kind = _value_type(component, name)
        if kind != "other":
            params = "".join(f";{key}={parameters[key]}" for key in sorted(parameters)) if parameters else ""
            return f"{name}{params}:{_escape(value) if kind == 'text' else value}"
    try:
        key = tuple(sorted(parameters.items())) if parameters else None
        return _cached_icalendar_line(component, name, value, key)
    except TypeError:  # an unhashable value (a recurrence rule): not cached
        return _icalendar_line(component, name, value, parameters)


class Component:
    """A VEVENT, VTODO or VALARM: its properties in the order added, written like icalendar writes them.

    Properties come out in icalendar's order: its class's `canonical_order` first, the rest by name;
    several values of one property keep the order they were added in.
    """

    __slots__ = ("name", "properties", "subcomponents")

    def __init__(self, name: str) -> None:
        self.name = name
        self.properties: list[tuple[str, object, dict[str, str] | None]] = []
        self.subcomponents: list[Component] = []

    def add(self, name: str, value: object, parameters: dict[str, str] | None = None) -> None:
        self.properties.append((name.upper(), value, parameters))

    def add_component(self, component: Component) -> None:
        self.subcomponents.append(component)

    def content_lines(self) -> list[str]:
        order = _canonical_rank(self.name)
        ranked = sorted(
            self.properties, key=lambda p: (order.get(p[0], len(order)), p[0] if p[0] not in order else "")
        )
        lines = [f"BEGIN:{self.name}"]
        lines.extend(_content_line(self.name, name, value, params) for name, value, params in ranked)
        for subcomponent in self.subcomponents:
            lines.extend(subcomponent.content_lines())
        lines.append(f"END:{self.name}")
        return lines

    def to_icalendar(self):
        """The same component as an icalendar object (tests compare the two)."""
        built = _ICALENDAR_CLASSES[self.name]()
        for name, value, params in self.properties:
            built.add(name, list(value) if isinstance(value, tuple) else value, parameters=params)
        for subcomponent in self.subcomponents:
            built.add_component(subcomponent.to_icalendar())
        return built


@functools.lru_cache(maxsize=8)
def _canonical_rank(component: str) -> dict[str, int]:
    order: tuple[str, ...] = _ICALENDAR_CLASSES[component].canonical_order or ()
    return {name: rank for rank, name in enumerate(order)}
