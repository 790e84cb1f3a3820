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
