"""The step many CLI tests share: a meeting of Belarus and Serbia in Minsk, the kind of meeting that
fulfils the seed's item (the next round of consultations in Minsk in 2017); and both as domain objects."""

from __future__ import annotations

import datetime as dt

from tracker.domain.model import Commitment, Firmness, Kind, Meeting, Participant, ReviewState, Window


def add_minsk_meeting(run, *extra: str, start: str = "2017-05-10", kind: str = "consultations", **options):
    """`tracker meetings add` through `run` (the `cli` fixture or a runner like it); `extra` goes last."""
    return run(
        "meetings", "add", "--start", start, "--kind", kind, "--city", "Minsk", "--party", "BY,RS", *extra,
        **options,
    )  # fmt: skip


def minsk_item(**changes) -> Commitment:
    """The seed's item (the next round of consultations in Minsk in 2017) as a domain object; `changes` override."""
    values = {
        "kind": Kind.CONSULTATIONS,
        "firmness": Firmness.AGREED,
        "window": Window(dt.date(2017, 1, 1), dt.date(2017, 12, 31), "year", "in 2017"),
        "title": "Next round",
        "parties": ["RS", "BY"],
        "city": "Minsk",
        "review": ReviewState.CONFIRMED,
        "made_on": dt.date(2016, 10, 6),
    }
    return Commitment(**{**values, **changes})


def minsk_meeting(start: dt.date, **changes) -> Meeting:
    """Consultations of Belarus and Serbia in Minsk on `start` as a domain object; `changes` override."""
    values = {
        "kind": Kind.CONSULTATIONS,
        "start": start,
        "end": start,
        "title": "Consultations",
        "city": "Minsk",
        "parties": ["BY", "RS"],
        "participants": [Participant("A. Person", "deputy minister", "BY")],
    }
    return Meeting(**{**values, **changes})
