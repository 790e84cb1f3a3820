"""The report's stale items in SQL (storage.reporting.list_stale_ids) are `tracker remind`'s (issue #16).

`services.reminders.list_stale` applies `domain.status.is_stale` and `last_news` in Python to
every active open-ended item; the report asks the database. Items around every edge of the rule
(news from the day made, the day stored, history, meetings of all or some parties, in the future,
month ends) give the same items in the same order both ways, on every engine.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import insert

from tracker.domain.status import add_months
from tracker.services.reminders import list_stale
from tracker.storage import models as m
from tracker.storage.reporting import ItemScope, last_news_cutoff, list_stale_ids

TODAY = dt.date(2017, 3, 31)
PARTY_SETS = [("BY", "RS"), ("HU",), ("BY", "HU", "RS"), ()]


def _instant(day: dt.date, hour: int = 23) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 30), dt.UTC)


def _store(session) -> None:
    """Items whose news falls on every day around a year and a month before TODAY, by every kind of news."""
    edges = [
        add_months(TODAY, -months) + dt.timedelta(days=shift) for months in (1, 12) for shift in range(-4, 4)
    ]
    edges += [TODAY, TODAY + dt.timedelta(days=3), dt.date(2014, 1, 31)]
    items, parties, history, meetings, meeting_parties = [], [], [], [], []
    number = 0
    for day, (news, status, review, open_ended) in itertools.product(
        edges,
        [
            ("made", "open", "confirmed", True),
            ("stored", "rescheduled", "unreviewed", True),
            ("history", "open", "confirmed", True),
            ("not news", "open", "confirmed", True),
            ("meeting", "open", "confirmed", True),
            ("made", "fulfilled", "confirmed", True),
            ("made", "open", "rejected", True),
            ("made", "open", "confirmed", False),
        ],
    ):
        number += 1
        codes = PARTY_SETS[number % len(PARTY_SETS)]
        made = day if news == "made" else dt.date(2013, 5, 31)
        items.append(
            {
                "id": number,
                "uid": f"stale-{number}@test",
                "kind": "visit",
                "title": f"Case {number}",
                "firmness": "agreed",
                "window_start": None if open_ended else day,
                "window_end": None if open_ended else day,
                "window_precision": "open" if open_ended else "days",
                "window_text": "",
                "status": status,
                "review": review,
                "made_on": None if news == "stored" else made,
                "sequence": 0,
                "created_at": _instant(day) if news == "stored" else _instant(dt.date(2013, 6, 1)),
                "updated_at": _instant(day),
            }
        )
        parties += [{"commitment_id": number, "code": code} for code in codes]
        if news in ("history", "not news"):
            field = "title" if news == "history" else "fulfilment_link"
            history.append(
                {
                    "entity": "commitment",
                    "entity_id": number,
                    "field": field,
                    "old_value": "",
                    "new_value": "",
                    "reason": "test",
                    "changed_at": _instant(day, 0),
                }
            )
        if news == "meeting" and codes:
            # A meeting of all the item's parties (and one more), one of only some of them later, and
            # a rejected one later still: only the first is news.
            for offset, members, rejected in (
                (0, (*codes, "DE"), False),
                (5, codes[:1], False),
                (9, codes, True),
            ):
                meeting_id = len(meetings) + 1
                start = day + dt.timedelta(days=offset)
                meetings.append(
                    {
                        "id": meeting_id,
                        "uid": f"meeting-{meeting_id}@test",
                        "kind": "meeting",
                        "title": "",
                        "start_date": start,
                        "end_date": start,
                        "review": "rejected" if rejected else "confirmed",
                        "sequence": 0,
                        "created_at": _instant(day),
                        "updated_at": _instant(day),
                    }
                )
                meeting_parties += [{"meeting_id": meeting_id, "code": code} for code in set(members)]
    session.execute(insert(m.Commitment), items)
    session.execute(insert(m.CommitmentParty), parties)
    session.execute(insert(m.History), history)
    if meetings:
        session.execute(insert(m.Meeting), meetings)
        session.execute(insert(m.MeetingParty), meeting_parties)
    session.flush()


@pytest.mark.parametrize(
    "today, stale_months",
    [
        (TODAY, 12),
        (TODAY, 1),
        (dt.date(2017, 2, 28), 1),
        (dt.date(2017, 3, 1), 1),
        (dt.date(2016, 2, 29), 12),
    ],
)
@pytest.mark.parametrize("party", [None, "RS"])
def test_sql_stale_items_are_the_reminders_stale_items(session, today, stale_months, party):
    _store(session)
    in_python = [s.item.stored_id for s in list_stale(session, today, stale_months, party=party)]
    scope = ItemScope(today, 27, party)
    assert list_stale_ids(session, scope, stale_months, limit=None) == (in_python, len(in_python))
    assert list_stale_ids(session, scope, stale_months, limit=3) == (in_python[:3], len(in_python))
    assert len(in_python) > 3, "the cases make some items stale"


@pytest.mark.parametrize("today", [dt.date(2017, 3, 31), dt.date(2017, 2, 28), dt.date(2016, 2, 29)])
@pytest.mark.parametrize("stale_months", [1, 12, 13])
def test_the_cutoff_is_the_last_day_whose_news_is_stale(today, stale_months):
    cutoff = last_news_cutoff(today, stale_months)
    assert add_months(cutoff, stale_months) <= today < add_months(cutoff + dt.timedelta(days=1), stale_months)
