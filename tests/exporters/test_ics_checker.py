"""The strict checker itself: it must catch what the parsers let through silently."""

from __future__ import annotations

import pytest

from exporters.ics_checks import strict_problems

GOOD = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//t//t//EN",
    "BEGIN:VEVENT",
    "UID:a@t",
    "DTSTAMP:20170101T000000Z",
    "DTSTART;VALUE=DATE:20170101",
    "DTEND;VALUE=DATE:20170102",
    "SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak",
    "END:VEVENT",
    "END:VCALENDAR",
]


def _calendar(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _replace(old: str, *new: str) -> bytes:
    index = GOOD.index(old)
    return _calendar(GOOD[:index] + list(new) + GOOD[index + 1 :])


def test_good_calendar_is_clean():
    assert strict_problems(_calendar(GOOD)) == []


@pytest.mark.parametrize(
    "data, problem",
    [
        (_replace("SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak", "SUMMARY:a, b"), "unescaped"),
        (_replace("SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak", "SUMMARY:a; b"), "unescaped"),
        (_replace("SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak", "SUMMARY:a\\x"), "unescaped"),
        (_replace("DTSTAMP:20170101T000000Z"), "DTSTAMP"),
        (_replace("UID:a@t"), "UID"),
        (
            _replace("SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak", "SUMMARY:line", "BEGIN:VEVENT"),
            "does not close",
        ),
        (_replace("SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak", "SUMMARY:" + "x" * 80), "more than 75"),
        (_replace("DTEND;VALUE=DATE:20170102", "DTEND;VALUE=DATE:20170101"), "not after DTSTART"),
        (_replace("DTEND;VALUE=DATE:20170102", "DTEND:20170102T000000Z"), "differ in kind"),
        (
            _replace("DTSTART;VALUE=DATE:20170101", "DTSTART;TZID=Europe/Minsk:20170101T100000"),
            "no VTIMEZONE",
        ),
        (_replace("DTSTART;VALUE=DATE:20170101", "DTSTART:20170101"), "VALUE=DATE"),
        (_replace("DTSTAMP:20170101T000000Z", "DTSTAMP:20170101T000000"), "UTC"),
        (_calendar(GOOD).replace(b"\r\nEND:VEVENT", b"\nEND:VEVENT"), "bare CR or LF"),
        (
            _replace(
                "SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak", "SUMMARY:" + "é" * 33, " " + "é" * 3
            ).replace("é".encode() * 33 + b"\r\n ", "é".encode() * 32 + b"\xc3\r\n \xa9"),
            "UTF-8",
        ),
        (
            _replace("SUMMARY:fine\\, escaped\\; text\\\\ and\\nbreak", "SUMMARY:abc\\", " nbreak"),
            "splits a backslash",
        ),
        (
            _calendar(
                GOOD[:-1]
                + ["BEGIN:VEVENT", "UID:a@t", "DTSTAMP:20170101T000000Z", "END:VEVENT", "END:VCALENDAR"]
            ),
            "used by two",
        ),
    ],
    ids=[
        "comma",
        "semicolon",
        "bad-escape",
        "no-dtstamp",
        "no-uid",
        "raw-begin-line",
        "long-line",
        "end-before",
        "mixed-kinds",
        "missing-vtimezone",
        "date-without-value",
        "local-dtstamp",
        "bare-lf",
        "split-utf8",
        "split-escape",
        "duplicate-uid",
    ],
)
def test_checker_catches(data, problem):
    problems = strict_problems(data)
    assert any(problem in p for p in problems), problems
