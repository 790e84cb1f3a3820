"""Test helpers for .ics output: a strict checker of our own, and the same calendar read by four readers.

The parsers accept some defects silently (an unescaped comma, a missing DTSTAMP,
a raw line break that starts a new property), so `strict_problems` reads the
bytes itself. `read_everywhere` parses with icalendar, ical (strict), vobject and
imports into khal in a throwaway configuration, failing on any warning; libical
(tests/exporters/libical.py) must find no error.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from exporters.khal_runner import run_khal

__all__ = [
    "strict_problems",
    "assert_strict",
    "Reading",
    "read_everywhere",
    "read_with_parsers",
    "khal_import",
    "unfold",
    "content_lines",
]

TEXT_PROPERTIES = {
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "COMMENT",
    "CONTACT",
    "NAME",
    "X-WR-CALNAME",
    "X-WR-CALDESC",
    "UID",
    "TZNAME",
    "TZID",
}
TEXT_LIST_PROPERTIES = {"CATEGORIES", "RESOURCES"}
_ESCAPED_TEXT = re.compile(r"(?:[^\\;,\x00-\x08\x0a-\x1f\x7f]|\\[\\;,nN])*")
_ESCAPED_TEXT_LIST = re.compile(r"(?:[^\\;\x00-\x08\x0a-\x1f\x7f]|\\[\\;,nN])*")
_NAME = re.compile(r"[A-Za-z0-9-]+")
_PARAM = re.compile(
    r';([A-Za-z0-9-]+)=((?:"[^"\x00-\x1f]*"|[^";:,\x00-\x1f]*)(?:,(?:"[^"\x00-\x1f]*"|[^";:,\x00-\x1f]*))*)'
)
_DATE = re.compile(r"\d{8}")
_DATE_TIME = re.compile(r"\d{8}T\d{6}Z?")
COMPONENTS_WITH_UID = {"VEVENT", "VTODO", "VJOURNAL"}


@dataclass
class ContentLine:
    name: str
    params: dict[str, str]
    value: str
    number: int


def unfold(data: bytes) -> list[tuple[int, str]]:
    """Logical lines with the number of their first physical line (1-based)."""
    text = data.decode("utf-8")
    lines: list[tuple[int, str]] = []
    for number, physical in enumerate(text.split("\r\n")[:-1], start=1):
        if physical[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + physical[1:])
        else:
            lines.append((number, physical))
    return lines


def _parse_line(number: int, line: str) -> ContentLine | str:
    match = _NAME.match(line)
    if not match:
        return f"line {number}: no property name in {line[:40]!r}"
    name, rest, params = match.group(0).upper(), line[match.end() :], {}
    while rest.startswith(";"):
        param = _PARAM.match(rest)
        if not param:
            return f"line {number}: bad parameter in {line[:60]!r}"
        params[param.group(1).upper()] = param.group(2)
        rest = rest[param.end() :]
    if not rest.startswith(":"):
        return f"line {number}: no ':' after the name and parameters of {name}"
    return ContentLine(name, params, rest[1:], number)


def content_lines(data: bytes) -> list[ContentLine]:
    parsed = [_parse_line(number, line) for number, line in unfold(data)]
    bad = [p for p in parsed if isinstance(p, str)]
    assert not bad, bad
    return parsed  # type: ignore[return-value]


def _physical_problems(data: bytes) -> list[str]:
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    physical = data.split(b"\r\n")[:-1]
    for number, line in enumerate(physical, start=1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (more than 75)")
        if not line:
            problems.append(f"line {number}: empty line")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not UTF-8 on its own (a fold split a character)")
    return problems + _split_escapes(physical)


def _split_escapes(physical: list[bytes]) -> list[str]:
    """Folds that fall between a backslash and the character it escapes (legal, but Google drops such events)."""
    problems = []
    logical: list[tuple[int, list[bytes]]] = []
    for number, line in enumerate(physical, start=1):
        if line[:1] in (b" ", b"\t") and logical:
            logical[-1][1].append(line[1:])
        else:
            logical.append((number, [line]))
    for number, segments in logical:
        if len(segments) == 1:
            continue
        folds, offset = set(), 0
        for segment in segments[:-1]:
            offset += len(segment)
            folds.add(offset)
        joined, index = b"".join(segments), 0
        while index < len(joined):
            if joined[index : index + 1] == b"\\":
                if index + 1 in folds:
                    problems.append(f"line {number}: a fold splits a backslash escape")
                index += 2
            else:
                index += 1
    return problems


def _when(line: ContentLine) -> tuple[str, object]:
    value = line.value
    if line.params.get("VALUE") == "DATE" or _DATE.fullmatch(value):
        return "date", dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    moment = dt.datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    return ("utc" if value.endswith("Z") else line.params.get("TZID", "floating")), moment


def _value_problems(line: ContentLine) -> list[str]:
    problems = []
    where = f"line {line.number}: {line.name}"
    if line.name in TEXT_PROPERTIES and not _ESCAPED_TEXT.fullmatch(line.value):
        problems.append(
            f"{where} is TEXT with an unescaped , ; \\ or a control character: {line.value[:60]!r}"
        )
    if line.name in TEXT_LIST_PROPERTIES and not _ESCAPED_TEXT_LIST.fullmatch(line.value):
        problems.append(f"{where} is a TEXT list with an unescaped ; \\ or a control character")
    if line.name in {"DTSTART", "DTEND", "DUE", "DTSTAMP", "LAST-MODIFIED", "CREATED", "COMPLETED"}:
        if line.params.get("VALUE") == "DATE":
            if not _DATE.fullmatch(line.value):
                problems.append(f"{where} says VALUE=DATE but holds {line.value!r}")
        elif not _DATE_TIME.fullmatch(line.value):
            problems.append(f"{where} is not a DATE-TIME (a date needs VALUE=DATE): {line.value!r}")
    if line.name in {"DTSTAMP", "LAST-MODIFIED", "CREATED", "COMPLETED"} and not line.value.endswith("Z"):
        problems.append(f"{where} must be in UTC")
    return problems


def strict_problems(data: bytes) -> list[str]:
    """Everything wrong with `data` by RFC 5545's letter (and our own stricter habits); [] when clean."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return [f"not UTF-8: {err}"]
    problems = _physical_problems(data)
    if problems:
        return problems
    lines = []
    for number, raw in unfold(data):
        parsed = _parse_line(number, raw)
        if isinstance(parsed, str):
            problems.append(parsed)
        else:
            lines.append(parsed)
    if problems:
        return problems
    if (
        not lines
        or (lines[0].name, lines[0].value) != ("BEGIN", "VCALENDAR")
        or (lines[-1].name, lines[-1].value) != ("END", "VCALENDAR")
    ):
        return ["the file is not one VCALENDAR"]
    stack: list[tuple[str, dict[str, list[ContentLine]]]] = []
    finished: list[tuple[str, dict[str, list[ContentLine]], list[str]]] = []
    for line in lines:
        problems.extend(_value_problems(line))
        if line.name == "BEGIN":
            stack.append((line.value, {}))
        elif line.name == "END":
            if not stack or stack[-1][0] != line.value:
                problems.append(
                    f"line {line.number}: END:{line.value} does not close "
                    f"{stack[-1][0] if stack else 'anything'}"
                )
                return problems
            name, props = stack.pop()
            finished.append((name, props, [s[0] for s in stack]))
        else:
            if not stack:
                problems.append(f"line {line.number}: {line.name} outside any component")
                continue
            stack[-1][1].setdefault(line.name, []).append(line)
    if stack:
        problems.append(f"unclosed components: {[s[0] for s in stack]}")
    tzids_defined = {
        props["TZID"][0].value for name, props, _ in finished if name == "VTIMEZONE" and "TZID" in props
    }
    uids: dict[str, str] = {}
    for name, props, parents in finished:
        if name == "VCALENDAR":
            for required in ("PRODID", "VERSION"):
                if len(props.get(required, [])) != 1:
                    problems.append(f"VCALENDAR needs exactly one {required}")
            if [p.value for p in props.get("VERSION", [])] != ["2.0"]:
                problems.append("VERSION is not 2.0")
        for prop_lines in props.values():
            for line in prop_lines:
                tzid = line.params.get("TZID")
                if tzid is not None and tzid not in tzids_defined:
                    problems.append(f"line {line.number}: TZID {tzid} has no VTIMEZONE")
        if name in COMPONENTS_WITH_UID:
            label = f"{name} {props.get('UID', [ContentLine('UID', {}, '?', 0)])[0].value}"
            for required in ("UID", "DTSTAMP"):
                if len(props.get(required, [])) != 1:
                    problems.append(f"{label}: needs exactly one {required}")
            uid = props.get("UID", [None])[0]
            if uid is not None:
                if uid.value in uids:
                    problems.append(f"UID {uid.value} used by two components")
                uids[uid.value] = name
            for singleton in (
                "SUMMARY",
                "DESCRIPTION",
                "DTSTART",
                "DTEND",
                "DUE",
                "SEQUENCE",
                "STATUS",
                "LOCATION",
                "URL",
                "LAST-MODIFIED",
                "CREATED",
            ):
                if len(props.get(singleton, [])) > 1:
                    problems.append(f"{label}: {singleton} appears more than once")
            end_name = "DTEND" if name == "VEVENT" else "DUE"
            if "DTSTART" in props and end_name in props:
                start, end = _when(props["DTSTART"][0]), _when(props[end_name][0])
                if start[0] != end[0]:
                    problems.append(
                        f"{label}: DTSTART and {end_name} differ in kind ({start[0]} vs {end[0]})"
                    )
                elif not end[1] > start[1]:
                    problems.append(f"{label}: {end_name} {end[1]} is not after DTSTART {start[1]}")
            if end_name in props and "DTSTART" not in props and name == "VEVENT":
                problems.append(f"{label}: DTEND without DTSTART")
        if name == "VALARM":
            for required in ("ACTION", "TRIGGER"):
                if len(props.get(required, [])) != 1:
                    problems.append(f"VALARM needs exactly one {required}")
            if [p.value for p in props.get("ACTION", [])] == ["DISPLAY"] and "DESCRIPTION" not in props:
                problems.append("a DISPLAY VALARM needs a DESCRIPTION")
            if not parents or parents[-1] not in {"VEVENT", "VTODO"}:
                problems.append("VALARM outside a VEVENT or VTODO")
    return problems


def assert_strict(data: bytes) -> None:
    problems = strict_problems(data)
    assert problems == [], "\n".join(problems)


@dataclass
class Reading:
    """What one reader saw: (uid, summary) of the events and of the to-dos, sorted."""

    events: list[tuple[str, str]]
    todos: list[tuple[str, str]]
    texts: dict[str, tuple[str, str, str]] | None = None  # uid -> (summary, description, location)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _quietly(name: str, parse):
    """Run `parse`; fail on any Python warning or any log record at WARNING or above.

    The garbage collector is paused meanwhile: a collection could finalize what other tests left
    (an engine's connection logs an error when collected unclosed) and so blame the parser. (A full
    gc.collect() before each parse did the same for 0.1-0.3 s of CPU each, some 150 times a run.)
    ResourceWarnings are left out all the same.
    """
    collecting = gc.isenabled()
    gc.disable()
    handler = _Records()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = parse()
    finally:
        root.removeHandler(handler)
        if collecting:
            gc.enable()
    caught = [w for w in caught if not issubclass(w.category, ResourceWarning)]
    assert not caught, f"{name} warned: {[str(w.message) for w in caught]}"
    assert not handler.records, f"{name} logged: {[r.getMessage() for r in handler.records]}"
    return result


def _read_icalendar(data: bytes) -> Reading:
    import icalendar

    calendar = icalendar.Calendar.from_ical(data)
    errors = [(c.name, c.errors) for c in calendar.walk() if getattr(c, "errors", None)]
    assert not errors, f"icalendar recorded errors: {errors}"
    components = calendar.walk("VEVENT") + calendar.walk("VTODO")
    return Reading(
        sorted((str(c["UID"]), str(c.get("SUMMARY", ""))) for c in calendar.walk("VEVENT")),
        sorted((str(c["UID"]), str(c.get("SUMMARY", ""))) for c in calendar.walk("VTODO")),
        {
            str(c["UID"]): (
                str(c.get("SUMMARY", "")),
                str(c.get("DESCRIPTION", "")),
                str(c.get("LOCATION", "")),
            )
            for c in components
        },
    )


def _read_ical(data: bytes) -> Reading:
    from ical.calendar_stream import IcsCalendarStream

    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return Reading(
        sorted((e.uid, e.summary or "") for e in calendar.events),
        sorted((t.uid, t.summary or "") for t in calendar.todos),
        {
            c.uid: (c.summary or "", c.description or "", c.location or "")
            for c in [*calendar.events, *calendar.todos]
        },
    )


def _read_vobject(data: bytes) -> Reading:
    import vobject

    calendar = vobject.readOne(data.decode("utf-8"), validate=True)

    def text(component, name: str) -> str:
        return getattr(component, name).value if hasattr(component, name) else ""

    events, todos = calendar.contents.get("vevent", []), calendar.contents.get("vtodo", [])
    return Reading(
        sorted((e.uid.value, text(e, "summary")) for e in events),
        sorted((t.uid.value, text(t, "summary")) for t in todos),
        {
            c.uid.value: (text(c, "summary"), text(c, "description"), text(c, "location"))
            for c in [*events, *todos]
        },
    )


def read_with_parsers(data: bytes) -> dict[str, Reading]:
    """The calendar read by icalendar, ical and vobject, each required to stay silent, and checked by libical.

    libical gives no Reading here (its C API is not worth walking for texts); it must find no error at all.
    Where the library is missing it is left out locally, never in CI.
    """
    from exporters.libical import libical_available, libical_problems

    if libical_available():
        assert libical_problems(data) == [], "libical refused the calendar"
    return {
        "icalendar": _quietly("icalendar", lambda: _read_icalendar(data)),
        "ical": _quietly("ical", lambda: _read_ical(data)),
        "vobject": _quietly("vobject", lambda: _read_vobject(data)),
    }


def khal_import(data: bytes, folder: Path, first: dt.date, last: dt.date) -> list[tuple[str, str]]:
    """Import `data` into khal in a throwaway configuration under `folder`; (uid, title) of its events.

    `khal import --batch` must print nothing (khal logs warnings on stdout).
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cal").mkdir(exist_ok=True)
    config = folder / "khal.conf"
    config.write_text(
        "[calendars]\n[[tracker]]\n"
        f"path = {folder / 'cal'}\ntype = calendar\n"
        "[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"[sqlite]\npath = {folder / 'khal.db'}\n"
    )
    source = folder / "import.ics"
    source.write_bytes(data)
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(folder / "xdg-config"),
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "XDG_CACHE_HOME": str(folder / "xdg-cache"),
        "HOME": str(folder),
        "TZ": "UTC",
    }
    base = ["-v", "WARNING", "-c", str(config)]
    imported = run_khal([*base, "import", "--batch", str(source)], env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "" and imported.stderr.strip() == "", (
        f"khal import said: {imported.stdout}{imported.stderr}"
    )
    listed = run_khal(
        [
            *base,
            "list",
            "--once",
            "--day-format",
            "",
            "--json",
            "uid",
            "--json",
            "title",
            (first - dt.timedelta(days=1)).isoformat(),
            (last + dt.timedelta(days=2)).isoformat(),
        ],
        env,
    )
    assert listed.returncode == 0 and listed.stderr.strip() == "", listed.stderr
    events = []
    for line in listed.stdout.splitlines():
        if line.strip():
            events.extend((e["uid"], e["title"]) for e in json.loads(line))
    return sorted(set(events))


def _date_range(data: bytes) -> tuple[dt.date, dt.date]:
    days = [
        dt.date(int(m[:4]), int(m[4:6]), int(m[6:8]))
        for line in content_lines(data)
        if line.name in {"DTSTART", "DTEND"}
        for m in [line.value[:8]]
    ]
    return (min(days), max(days)) if days else (dt.date(2000, 1, 1), dt.date(2000, 1, 2))


def read_everywhere(data: bytes, folder: Path) -> dict[str, Reading]:
    """All three parsers plus khal (events only: khal does not handle VTODO)."""
    readings = read_with_parsers(data)
    first, last = _date_range(data)
    readings["khal"] = Reading(khal_import(data, folder, first, last), [])
    return readings
