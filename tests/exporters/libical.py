"""libical (Evolution, GNOME Calendar, Thunderbird's older core) as a reader of our calendars, through its C API.

Debian's `libical3` is loaded with ctypes: `icalparser_parse_string` parses,
`icalrestriction_check` applies RFC 5545's property rules (a COMMENT in a
VTIMEZONE is one it refuses), and every problem shows up as an X-LIC-ERROR
property, counted by `icalcomponent_count_errors`. `make test` installs the
package; without it these checks skip locally and fail in CI.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import os

import pytest

__all__ = ["libical", "libical_available", "libical_problems", "libical_offset"]

_LIBRARY = "libical.so.3"
_IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


class _Time(ctypes.Structure):
    """struct icaltimetype of libical 3 (is_utc is gone since 3.0: UTC is zone == the UTC zone)."""

    _fields_ = [
        ("year", ctypes.c_int),
        ("month", ctypes.c_int),
        ("day", ctypes.c_int),
        ("hour", ctypes.c_int),
        ("minute", ctypes.c_int),
        ("second", ctypes.c_int),
        ("is_date", ctypes.c_int),
        ("is_daylight", ctypes.c_int),
        ("zone", ctypes.c_void_p),
    ]


def _load():
    try:
        lib = ctypes.CDLL(_LIBRARY)
    except OSError as err:
        return None, str(err)
    pointer = ctypes.c_void_p
    signatures = {
        "icalparser_parse_string": (pointer, [ctypes.c_char_p]),
        "icalcomponent_count_errors": (ctypes.c_int, [pointer]),
        "icalrestriction_check": (ctypes.c_int, [pointer]),
        "icalcomponent_as_ical_string": (ctypes.c_char_p, [pointer]),
        "icalcomponent_free": (None, [pointer]),
        "icalcomponent_get_first_component": (pointer, [pointer, ctypes.c_int]),
        "icalcomponent_get_next_component": (pointer, [pointer, ctypes.c_int]),
        "icalcomponent_new_clone": (pointer, [pointer]),
        "icalcomponent_string_to_kind": (ctypes.c_int, [ctypes.c_char_p]),
        "icaltimezone_new": (pointer, []),
        "icaltimezone_set_component": (ctypes.c_int, [pointer, pointer]),
        "icaltimezone_get_tzid": (ctypes.c_char_p, [pointer]),
        "icaltimezone_free": (None, [pointer, ctypes.c_int]),
        "icaltimezone_get_utc_timezone": (pointer, []),
        "icaltimezone_get_utc_offset_of_utc_time": (
            ctypes.c_int,
            [pointer, ctypes.POINTER(_Time), ctypes.POINTER(ctypes.c_int)],
        ),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    return lib, None


_LIB, _PROBLEM = _load()


def libical_available() -> bool:
    """True when the library loaded; in CI always (a missing library fails there)."""
    return _LIB is not None or _IN_CI


def libical():
    """The loaded library; skips the test when it is missing (fails it in CI, where `make test` installs it)."""
    if _LIB is None:
        if _IN_CI:
            pytest.fail(f"libical missing in CI ({_PROBLEM}); `make test` installs Debian's libical3")
        pytest.skip(f"libical missing ({_PROBLEM}); `make test` installs Debian's libical3")
    return _LIB


def _unfolded_errors(text: str) -> list[str]:
    lines: list[str] = []
    for physical in text.replace("\r\n", "\n").split("\n"):
        if physical[:1] in (" ", "\t") and lines:
            lines[-1] += physical[1:]
        else:
            lines.append(physical)
    return [line for line in lines if line.startswith("X-LIC-ERROR")]


def libical_problems(data: bytes) -> list[str]:
    """The X-LIC-ERROR lines libical adds while parsing and checking RFC 5545's restrictions; [] when clean."""
    lib = libical()
    component = lib.icalparser_parse_string(data)
    if not component:
        return ["libical could not parse the calendar at all"]
    try:
        lib.icalrestriction_check(component)
        if lib.icalcomponent_count_errors(component) == 0:
            return []
        return _unfolded_errors(lib.icalcomponent_as_ical_string(component).decode("utf-8"))
    finally:
        lib.icalcomponent_free(component)


def libical_offset(data: bytes, tzid: str, instant: dt.datetime) -> dt.timedelta:
    """The UTC offset libical reads from the calendar's VTIMEZONE `tzid` at the UTC `instant`."""
    lib = libical()
    calendar = lib.icalparser_parse_string(data)
    assert calendar, "libical could not parse the calendar"
    kind = lib.icalcomponent_string_to_kind(b"VTIMEZONE")
    try:
        child = lib.icalcomponent_get_first_component(calendar, kind)
        while child:
            zone = lib.icaltimezone_new()
            assert lib.icaltimezone_set_component(zone, lib.icalcomponent_new_clone(child))
            try:
                if lib.icaltimezone_get_tzid(zone).decode() == tzid:
                    utc = instant.astimezone(dt.UTC)
                    moment = _Time(
                        utc.year,
                        utc.month,
                        utc.day,
                        utc.hour,
                        utc.minute,
                        utc.second,
                        0,
                        0,
                        lib.icaltimezone_get_utc_timezone(),
                    )
                    daylight = ctypes.c_int(0)
                    seconds = lib.icaltimezone_get_utc_offset_of_utc_time(
                        zone, ctypes.byref(moment), ctypes.byref(daylight)
                    )
                    return dt.timedelta(seconds=seconds)
            finally:
                lib.icaltimezone_free(zone, 1)
            child = lib.icalcomponent_get_next_component(calendar, kind)
        raise AssertionError(f"no VTIMEZONE {tzid} in the calendar")
    finally:
        lib.icalcomponent_free(calendar)
