"""The candidate queries of automatic fulfilment (storage/matching.py, issue #16) leave out only what the
rules would refuse: the city is compared as the rules compare it, an item without a city stays a candidate."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_a_meeting_fulfils_an_item_of_its_city_written_otherwise(add_item, add_meeting):
    item = add_item(city="Minsk")
    held = add_meeting(D(2017, 5, 15), city=" MINSK ")  # before: no index, lower(city) on every item
    assert (item.status, item.fulfilled_meeting_id) == ("fulfilled", held.id)


def test_an_item_without_a_city_is_fulfilled_by_a_meeting_in_any(add_item, add_meeting):
    item = add_item(city=None)
    held = add_meeting(D(2017, 5, 15), city="Belgrade")
    assert (item.status, item.fulfilled_meeting_id) == ("fulfilled", held.id)


def test_a_meeting_without_a_city_fulfils_only_items_without_one(add_item, add_meeting):
    placed, unplaced = add_item(city="Minsk"), add_item(city=None, parties=["BY", "RS"])
    held = add_meeting(D(2017, 5, 15), city=None)
    assert placed.status == "open"
    assert (unplaced.status, unplaced.fulfilled_meeting_id) == ("fulfilled", held.id)


def test_an_item_made_after_the_meeting_is_not_fulfilled_by_it(add_item, add_meeting):
    item = add_item(made_on=D(2017, 6, 1))
    add_meeting(D(2017, 5, 15))
    assert item.status == "open"


def test_both_ways_of_finding_an_items_meetings_find_the_same(session, add_item, add_meeting, monkeypatch):
    # Through the start date when few meetings are that recent, else through the party codes (#16).
    from tracker.storage import matching

    add_meeting(D(2016, 9, 1))  # before the item was made
    fits = [add_meeting(D(2017, 3, 1)), add_meeting(D(2017, 5, 15), city="MINSK")]
    add_meeting(D(2017, 4, 1), parties=["BY"])  # not every party of the item
    add_meeting(D(2017, 4, 2), city="Belgrade")
    add_meeting(D(2017, 4, 3), parties=["BY", "RS", "DE"])  # more parties: fits too
    session.flush()

    def found() -> list[int]:
        return [
            candidate.id
            for candidate in matching.list_meeting_candidates(
                session, kinds=["consultations"], parties=["RS", "BY"], city="Minsk", since=D(2016, 10, 6)
            )
        ]

    by_date = found()
    monkeypatch.setattr(matching, "FEW_SINCE", 0)  # as if many meetings were that recent
    assert found() == by_date
    assert len(by_date) == 3 and {fit.id for fit in fits} <= set(by_date)
