"""Speed: icalendar's encoded property values, made once per value through its private `_encode`.

Components share these objects (`add()` stores an encoded value as is and never
changes it); building each anew was a fifth of the time of large exports
(bench/bench_ics.py, bench/feed.py). `Component._encode` is not public icalendar
API: tests/exporters/test_ics_export.py and test_ics_readers.py read every
exported component back, so a change in icalendar shows there.
"""

from __future__ import annotations

import functools

from icalendar import Event

__all__ = ["encoded"]


@functools.lru_cache(maxsize=4096)
def encoded(name: str, value: object, component_class: type = Event) -> object:
    """icalendar's encoded property `name` for a repeated `value` (a date, a change time, a status)."""
    if isinstance(value, tuple):
        value = list(value)
    return component_class._encode(name, value)  # type: ignore[attr-defined]
