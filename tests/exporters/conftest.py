"""Factories for .ics export tests: meetings and items as domain objects, pinned export options."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tracker.domain.model import Commitment, Evidence, Firmness, Kind, Meeting, Participant, Precision, Window
from tracker.exporters.ics import ExportOptions

PINNED_PRODID = "-//tracker tests//pinned//EN"
CREATED = dt.datetime(2016, 10, 7, 9, 0, tzinfo=dt.UTC)

# Text from documents that has broken calendars elsewhere: every one must survive export and parsing.
NASTY = [
    "comma, semicolon; backslash \\ done",
    "line one\nline two\nline three",
    "BEGIN:VEVENT",
    "\nBEGIN:VEVENT\nUID:injected@evil\nSUMMARY:injected\nEND:VEVENT\n",
    "END:VCALENDAR",
    "literal \\n and \\, and \\; and \\\\ escapes",
    "Переговоры в Минске, " * 12 + "🇷🇸🇧🇾" * 10 + "中文" * 30,
    "x" + "\\" * 151,
    ",;" * 80,
    "quotes \"double\" and 'single', colon: 10:00; url: https://a.example/?q=1,2",
    "tab\tseparated",
    "é" * 37 + "\\n" + "€" * 30,
]


@pytest.fixture
def options():
    """Factory: export options with a pinned PRODID and today."""

    def make(**overrides) -> ExportOptions:
        values = {"today": dt.date(2017, 6, 1), "prodid": PINNED_PRODID}
        values.update(overrides)
        return ExportOptions(**values)

    return make


@pytest.fixture
def make_meeting():
    counter = itertools.count(1)

    def make(**overrides) -> Meeting:
        number = next(counter)
        values = dict(
            kind=Kind.CONSULTATIONS,
            start=dt.date(2016, 10, 6),
            end=dt.date(2016, 10, 6),
            title="Political consultations",
            city="Belgrade",
            country="RS",
            timezone="Europe/Belgrade",
            parties=["BY", "RS"],
            participants=[
                Participant("Dragan Momcilovic", "Acting Assistant Minister", "RS"),
                Participant("Elena Kupchina", "Deputy Foreign Minister", "BY"),
            ],
            evidence=Evidence("Regular political consultations were held in Belgrade.", 0, 55),
            source="https://www.mfa.gov.rs/en/press-service/statements/16112",
            uid=f"meeting-{number}@tracker",
            sequence=0,
            created_at=CREATED,
            updated_at=CREATED,
        )
        values.update(overrides)
        return Meeting(**values)

    return make


@pytest.fixture
def make_item():
    counter = itertools.count(1)

    def make(**overrides) -> Commitment:
        number = next(counter)
        values = dict(
            kind=Kind.CONSULTATIONS,
            firmness=Firmness.IN_PRINCIPLE,
            window=Window(dt.date(2017, 1, 1), dt.date(2017, 12, 31), Precision.YEAR, "in 2017"),
            title="Next round of political consultations",
            parties=["BY", "RS"],
            city="Minsk",
            country="BY",
            evidence=Evidence(
                "It was agreed in principle to hold the next round of political consultations "
                "in Minsk in 2017.",
                0,
                90,
            ),
            made_on=dt.date(2016, 10, 6),
            agreed_meeting_uid="meeting-1@tracker",
            source="https://www.mfa.gov.rs/en/press-service/statements/16112",
            uid=f"item-{number}@tracker",
            sequence=0,
            created_at=CREATED,
            updated_at=CREATED,
        )
        values.update(overrides)
        return Commitment(**values)

    return make
