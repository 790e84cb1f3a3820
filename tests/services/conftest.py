"""Factories for the follow-up services: items and meetings stored through the services, on every engine."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain.model import Commitment, Firmness, Kind, Meeting, Precision, ReviewState, Window
from tracker.services import tracking

AT = dt.datetime(2017, 1, 10, 12, 0, tzinfo=dt.UTC)


def year(value: int) -> Window:
    return Window(dt.date(value, 1, 1), dt.date(value, 12, 31), Precision.YEAR, f"in {value}")


@pytest.fixture
def add_item(session):
    """Store an item (default: BY+RS consultations in Minsk in 2017, made 6 October 2016, unreviewed)."""

    def make(**changes):
        values = dict(
            kind=Kind.CONSULTATIONS,
            firmness=Firmness.AGREED,
            window=year(2017),
            parties=["BY", "RS"],
            city="Minsk",
            made_on=dt.date(2016, 10, 6),
            title="Next round in Minsk",
            review=ReviewState.UNREVIEWED,
        )
        at = changes.pop("at", AT)
        values.update(changes)
        row = tracking.add_item(session, Commitment(**values), at=at)
        session.flush()
        return row

    return make


@pytest.fixture
def add_meeting(session):
    """Store a meeting (default: BY+RS consultations in Minsk) on the given day; matching runs."""

    def make(start: dt.date, **changes):
        values = dict(
            kind=Kind.CONSULTATIONS,
            start=start,
            end=start,
            city="Minsk",
            parties=["BY", "RS"],
            review=ReviewState.CONFIRMED,
        )
        at = changes.pop("at", AT)
        values.update(changes)
        row = tracking.add_meeting(session, Meeting(**values), at=at)
        session.flush()
        return row

    return make
