"""A small fixed desk database for the report tests, built through the services.

Every instant is given, so a report on it is the same on every run and on both
engines. Extraction and automatic fulfilment are left out on purpose: the golden
reports must change only when the report does. (A module with its own name, not
conftest, so that test files can import it whatever other conftest is on the path.)
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy.orm import Session

from tracker.domain.model import (
    Commitment,
    Evidence,
    Firmness,
    Kind,
    Meeting,
    Participant,
    Precision,
    ReviewState,
    Window,
)
from tracker.services import tracking
from tracker.storage import history, repo

UTC = dt.UTC
DESK_WEEK = "2017-W10"  # Monday 6 to Sunday 12 March 2017
DESK_TODAY = "2017-03-13"


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), UTC)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _window(start: str | None, end: str | None, precision: Precision, text: str) -> Window:
    return Window.open(text) if start is None else Window(_day(start), _day(end), precision, text)


def add_document(session: Session, *, source: str, title: str, published: str, text: str) -> int:
    row = repo.add_document(
        session,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        source=source,
        text=text,
        title=title,
        published=_day(published),
        at=at(published, 18),
    )
    return row.id


def add_meeting(
    session: Session,
    *,
    kind: Kind,
    day: str,
    city: str | None,
    parties: list[str],
    title: str = "",
    evidence: str | None = None,
    document_id: int | None = None,
    uid: str,
) -> int:
    meeting = Meeting(
        kind=kind,
        start=_day(day),
        end=_day(day),
        title=title,
        city=city,
        parties=parties,
        participants=[Participant("Delegation head", "minister")],
        evidence=Evidence(evidence, 0, len(evidence)) if evidence else None,
        review=ReviewState.CONFIRMED,
    )
    return repo.add_meeting(session, meeting, at=at(day, 18), document_id=document_id, uid=uid).id


def add_item(
    session: Session,
    *,
    title: str,
    kind: Kind,
    window: Window,
    parties: list[str],
    made_on: str,
    firmness: Firmness = Firmness.AGREED,
    city: str | None = None,
    evidence: str | None = None,
    document_id: int | None = None,
    review: ReviewState = ReviewState.CONFIRMED,
    uid: str,
) -> int:
    item = Commitment(
        kind=kind,
        firmness=firmness,
        window=window,
        title=title,
        parties=parties,
        city=city,
        evidence=Evidence(evidence, 0, len(evidence)) if evidence else None,
        review=review,
        made_on=_day(made_on),
    )
    row = repo.add_commitment(session, item, at=at(made_on, 18), document_id=document_id, uid=uid)
    history.add_history(
        session,
        entity="commitment",
        entity_id=row.id,
        field="created",
        old=None,
        new=row.uid,
        at=at(made_on, 18),
        reason="added for the report tests",
    )
    return row.id


def build_desk(session: Session) -> dict[str, int]:
    """The fixed small database of the golden reports; returns the ids by short name."""
    ids: dict[str, int] = {}
    d1 = add_document(
        session,
        source="https://www.mfa.gov.rs/en/press-service/statements/16062",
        title="Political consultations between Serbia and Belarus",
        published="2016-10-06",
        text="On Thursday, 6 October 2016, regular political consultations were held in Belgrade.",
    )
    ids["m1"] = add_meeting(
        session,
        kind=Kind.CONSULTATIONS,
        day="2016-10-06",
        city="Belgrade",
        parties=["BY", "RS"],
        title="Political consultations",
        document_id=d1,
        uid="m1@test",
        evidence="On Thursday, 6 October 2016, regular political consultations between the Ministries of "
        "Foreign Affairs of Serbia and Belarus were held in Belgrade.",
    )
    ids["c1"] = add_item(
        session,
        title="Next round of political consultations",
        kind=Kind.CONSULTATIONS,
        city="Minsk",
        window=_window("2017-01-01", "2017-12-31", Precision.YEAR, "in 2017"),
        parties=["BY", "RS"],
        made_on="2016-10-06",
        firmness=Firmness.IN_PRINCIPLE,
        document_id=d1,
        uid="c1@test",
        evidence="It was agreed in principle to hold the next round of political consultations in Minsk in 2017.",
    )
    d2 = add_document(
        session,
        source="https://www.mfa.gov.rs/en/press-service/statements/17310",
        title="Dačić meets Makei in Minsk",
        published="2017-03-07",
        text="First Deputy Prime Minister Ivica Dačić met Foreign Minister Vladimir Makei in Minsk.",
    )
    ids["m2"] = add_meeting(
        session,
        kind=Kind.VISIT,
        day="2017-03-07",
        city="Minsk",
        parties=["BY", "RS"],
        title="Visit of the Foreign Minister to Minsk",
        document_id=d2,
        uid="m2@test",
        evidence="First Deputy Prime Minister and Minister of Foreign Affairs Ivica Dačić met Foreign Minister "
        "Vladimir Makei in Minsk on 7 March 2017.",
    )
    ids["c2"] = add_item(
        session,
        title="Session of the Intergovernmental Committee",
        kind=Kind.COMMISSION,
        window=_window("2017-01-01", "2017-06-30", Precision.HALF, "in the first half of 2017"),
        parties=["BY", "RS"],
        made_on="2017-03-07",
        document_id=d2,
        review=ReviewState.UNREVIEWED,
        uid="c2@test",
        evidence="The ministers agreed that the *Intergovernmental Committee* on trade_economic cooperation "
        "[IGC] would meet in the first half of 2017.",
    )
    ids["c3"] = add_item(
        session,
        title="Belarusian companies at the business forum in Belgrade",
        kind=Kind.VISIT,
        city="Belgrade",
        window=_window("2017-03-07", "2017-03-31", Precision.DEADLINE, "by the end of March 2017"),
        parties=["BY", "RS"],
        made_on="2017-03-07",
        firmness=Firmness.INVITED,
        document_id=d2,
        uid="c3@test",
        evidence="Belarusian companies were invited to the business forum in Belgrade by the end of March 2017.",
    )
    d3 = add_document(
        session,
        source="press/2017-01-20-hungary.txt",
        title="Serbia–Hungary strategic council",
        published="2017-01-20",
        text="The strategic council of Serbia and Hungary met in Budapest.",
    )
    ids["m3"] = add_meeting(
        session,
        kind=Kind.TALKS,
        day="2017-01-20",
        city="Budapest",
        parties=["HU", "RS"],
        title="Strategic council",
        document_id=d3,
        uid="m3@test",
        evidence="The strategic council of Serbia and Hungary met in Budapest on 20 January 2017.",
    )
    hungary = [
        (
            "c4",
            "Working group on border crossings",
            Kind.MEETING,
            ("2017-02-01", "2017-02-28"),
            Precision.MONTH,
            "in February 2017",
            "A working group on border crossings will meet in February 2017.",
        ),
        (
            "c5",
            "Visit of the Hungarian Foreign Minister to Belgrade",
            Kind.VISIT,
            ("2017-01-01", "2017-01-31"),
            Precision.MONTH,
            "in January 2017",
            "The Hungarian Foreign Minister will visit Belgrade in January 2017.",
        ),
        (
            "c6",
            "Energy talks",
            Kind.TALKS,
            ("2017-02-01", "2017-02-28"),
            Precision.MONTH,
            "in February 2017",
            "Energy talks are to be held in February 2017.",
        ),
        (
            "c7",
            "Cultural week in Szeged",
            Kind.OTHER,
            ("2017-04-01", "2017-04-30"),
            Precision.MONTH,
            "in April 2017",
            "A week of Serbian culture will take place in Szeged in April 2017.",
        ),
        (
            "c8",
            "Consular consultations",
            Kind.CONSULTATIONS,
            ("2017-01-01", "2017-03-31"),
            Precision.QUARTER,
            "in the first quarter of 2017",
            "Consular consultations will be held in the first quarter of 2017.",
        ),
        (
            "c11",
            "Signing of the readmission protocol",
            Kind.SIGNING,
            ("2017-04-03", "2017-04-07"),
            Precision.DAYS,
            "in the first week of April",
            "The readmission protocol is to be signed in the first week of April.",
        ),
    ]
    for name, title, kind, (start, end), precision, said, evidence in hungary:
        ids[name] = add_item(
            session,
            title=title,
            kind=kind,
            window=_window(start, end, precision, said),
            parties=["HU", "RS"],
            made_on="2017-01-20",
            document_id=d3,
            evidence=evidence,
            uid=f"{name}@test",
        )
    ids["c9"] = add_item(
        session,
        title="A misread sentence",
        kind=Kind.OTHER,
        window=_window("2017-03-01", "2017-03-31", Precision.MONTH, "in March"),
        parties=["HU", "RS"],
        made_on="2017-03-08",
        document_id=d3,
        review=ReviewState.REJECTED,
        uid="c9@test",
        evidence="Nothing was agreed.",
    )
    ids["c10"] = add_item(
        session,
        title="Joint exhibition on the Silk Road",
        kind=Kind.OTHER,
        window=Window.open(),
        parties=["KZ", "RS"],
        made_on="2015-11-02",
        uid="c10@test",
    )
    ids["c12"] = add_item(
        session,
        title="Return visit of the Kazakh delegation",
        kind=Kind.VISIT,
        window=_window("2016-10-01", "2016-12-31", Precision.DEADLINE, "by the end of 2016"),
        parties=["KZ", "RS"],
        made_on="2016-09-15",
        uid="c12@test",
    )
    ids["c13"] = add_item(
        session,
        title="Belarusian delegation in Novi Sad",
        kind=Kind.VISIT,
        city="Novi Sad",
        window=_window("2016-11-01", "2016-11-30", Precision.MONTH, "in November"),
        parties=["BY", "RS"],
        made_on="2016-10-06",
        document_id=d1,
        uid="c13@test",
        evidence="A Belarusian delegation will visit Novi Sad in November.",
    )
    ids["m4"] = tracking.add_meeting(
        session,
        Meeting(
            kind=Kind.CALL,
            start=_day("2017-03-10"),
            end=_day("2017-03-10"),
            title="Telephone call of the foreign ministers",
            parties=["HU", "RS"],
            review=ReviewState.CONFIRMED,
        ),
        at=at("2017-03-10"),
        match=False,
    ).id
    session.flush()
    # What happened to them, each change at a given instant.
    tracking.complete_item(session, ids["c13"], on=_day("2016-11-24"), at=at("2016-11-25"))
    tracking.complete_item(session, ids["c5"], on=_day("2017-01-31"), at=at("2017-02-01"))
    tracking.complete_item(
        session, ids["c6"], on=_day("2017-03-08"), at=at("2017-03-09"), reason="talks held in Belgrade"
    )
    tracking.reschedule_item(
        session,
        ids["c8"],
        _window("2017-04-01", "2017-06-30", Precision.QUARTER, "in the second quarter of 2017"),
        at=at("2017-03-08"),
        reason="the Hungarian side asked for a later date",
    )
    tracking.cancel_item(session, ids["c7"], at=at("2017-03-10"), reason="called off by the organisers")
    session.flush()
    return ids
