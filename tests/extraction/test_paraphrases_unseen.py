"""Paraphrase sets for the general rules of #11, third pass (classes of error found on the blind
corpora): each rule on phrasings written for this file, none taken from a corpus, plus near-misses
that must not fire."""

import datetime as dt

import pytest
from lead_sentence import PUBLISHED
from lead_sentence import items_after_lead as _items

from tracker.domain.model import Firmness, Kind
from tracker.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "Ghana invited the Nigerian president to visit Ghana. Trade officials will hold talks in Lagos on 20 March.",
        "The Nigerian minister conveyed an invitation from his president to the Ghanaian president to visit "
        "Nigeria. The two sides agreed to hold an expert meeting in Lagos in May.",
        "Nigeria's president invited his Ghanaian counterpart to pay a state visit. A signing of the trade "
        "protocol is scheduled for 12 April in Lagos.",
        "The Ghanaian side extended an invitation to the Nigerian foreign minister to visit Accra. Experts "
        "of both ministries will meet in Lagos next month.",
        "An invitation to visit Nigeria was handed over to the Ghanaian president. Customs officials are "
        "to hold talks in Lagos in June.",
    ],
)
def test_an_invitation_to_visit_does_not_absorb_a_dated_firm_act(text):
    invitation, dated = sorted(_items(text), key=lambda item: not item.window.is_open)
    assert invitation.firmness is Firmness.INVITED and invitation.window.is_open
    assert dated.firmness is not Firmness.INVITED and dated.kind is not Kind.VISIT and dated.city == "Lagos"


@pytest.mark.parametrize(
    "text",
    [
        # The talks during the visit are part of it, whether or not it has a date yet.
        "Ghana invited the Nigerian president to visit Ghana. During the visit, the presidents will hold talks.",
        "Ghana invited the Nigerian president to visit Ghana. The presidents will hold talks during the visit.",
        # The visit that answers an invitation is the invited item, dated.
        "Ghana invited the Nigerian president to visit Ghana. The visit will take place in September.",
    ],
)
def test_the_invited_visit_still_merges_with_its_own_parts_and_date(text):
    assert len(_items(text)) == 1


STAY = "ACCRA, 6 March -- The presidents of Ghana and Nigeria held talks in Accra on Wednesday, the first day of a state visit. "


@pytest.mark.parametrize(
    "text",
    [
        "During his stay, the Nigerian president is scheduled to meet the Speaker of Parliament.",
        "On Thursday the Nigerian president is set to visit the University of Ghana before returning home.",
        "On Thursday, the visitor will hold separate meetings with the vice-president and the speaker before "
        "departing for Lome.",
        "The Nigerian leader is also to meet business leaders during the visit.",
        "During her stay, the Nigerian first lady will visit a children's hospital in Kumasi.",
        "Tomorrow the president is expected to meet Ghanaian traders before flying home.",
    ],
)
def test_the_programme_of_a_visit_under_way_is_no_commitment(text):
    assert extract(STAY + text, PUBLISHED).commitments == []


@pytest.mark.parametrize(
    "text",
    [
        # Pledges made during the stay, for later, are commitments.
        "During the visit, they agreed that the joint commission will meet in Abuja in June.",
        "The Ghanaian president will pay a return visit to Abuja next month, before departing for Paris.",
        "Before returning home, the president invited his host to visit Nigeria.",
    ],
)
def test_pledges_for_later_during_a_stay_are_kept(text):
    assert len(extract(STAY + text, PUBLISHED).commitments) == 1


def test_the_programme_of_a_visit_to_come_is_kept():
    text = (
        "ACCRA, 6 March -- Ghana and Nigeria are preparing a state visit. During his stay in Abuja on "
        "20 March, the Ghanaian president will meet the Speaker."
    )
    [item] = extract(text, PUBLISHED).commitments
    assert item.window.start == dt.date(2024, 3, 20)


@pytest.mark.parametrize(
    "text",
    [
        "The next session of the Joint Commission will be held in Lagos in the near future. Technical teams "
        "of the two countries will meet in the coming weeks.",
        "The joint commission is scheduled to meet in Lagos in May. The two presidents are expected to meet "
        "in Lagos in the coming months.",
        "Nigeria will host the next round of consultations in mid-2024. The Nigerian president is expected "
        "to visit Accra later this year.",
        "The ministers agreed to hold the fifth Joint Trade Committee in Lagos in the second half of the year. "
        "A business delegation will travel to Lagos in the coming months.",
        "Both sides will convene the Permanent Joint Commission in Lagos by the end of the year. Experts "
        "will hold talks in the coming weeks on the draft visa agreement.",
    ],
)
def test_another_act_beside_a_recurring_format_stays_its_own(text):
    assert len(_items(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The joint commission will meet in Lagos in the coming months. The commission session is expected in June.",
        "The next round of consultations will be held in Lagos later this year. The consultations are "
        "planned for October.",
        "The joint commission will hold its next session in Lagos in 2024. Its seventh session is "
        "tentatively planned for the second half of the year.",
    ],
)
def test_a_second_mention_naming_the_format_is_the_same_act(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the Ghanaian foreign minister will receive his Togolese counterpart in Accra.",
        "The Nigerian president is to be received by the President of Ghana in Accra on 12 March.",
        "The minister said he looked forward to welcoming the Nigerian foreign minister to Accra at an early date.",
        "Next week Ghana will host the Nigerian delegation in Accra for talks on the border.",
        "The President of Ghana will also be received by the King of the Ashanti in Kumasi on 14 March.",
    ],
)
def test_a_reception_to_come_is_a_commitment(text):
    [item] = _items(text)
    assert item.city in {"Accra", "Kumasi"}


@pytest.mark.parametrize(
    "text",
    [
        "Ghana will receive the first shipment of Nigerian gas on 20 March.",
        "Nigeria would welcome the adoption of the resolution in May.",
        "Both ministers welcomed the new trade figures published this week.",
        "The embassy will receive visa applications from 1 April.",
        "The capital will host the regional trade fair's exhibitors next month.",
    ],
)
def test_receiving_goods_or_welcoming_news_is_no_reception(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text, city",
    [
        ("The Nigerian foreign minister is expected to visit Wellington later this year.", "Wellington"),
        ("The next round of consultations will be held in Kingston in May.", "Kingston"),
        ("The two presidents agreed to meet again in Georgetown in the autumn.", "Georgetown"),
        ("The ministers will hold talks in Vatican City on 20 March.", "Vatican City"),
        ("A Ghanaian delegation will travel to Wellington next month.", "Wellington"),
    ],
)
def test_a_national_capital_named_like_other_towns_is_read_as_the_capital(text, city):
    [item] = _items(text)
    assert item.city == city


@pytest.mark.parametrize(
    "visit",
    [
        "The Nigerian president is expected to visit Lagos later this year.",
        "The Nigerian president will pay a state visit to Lagos in the second half of the year.",
        "A visit by the Ghanaian president to Lagos is planned for 2024.",
    ],
)
def test_a_loosely_timed_visit_lends_no_city_to_acts_within_its_window(visit):
    items = _items(visit + " The next round of consultations will be held in June.")
    [consultations] = [item for item in items if item.kind is Kind.CONSULTATIONS]
    assert consultations.city is None


def test_a_visit_dated_to_its_days_lends_its_city_to_a_meeting_during_it():
    items = _items(
        "The Nigerian president will pay a state visit to Lagos on 20-21 March. "
        "The presidents will hold talks on 21 March."
    )
    assert {item.city for item in items} == {"Lagos"}


@pytest.mark.parametrize(
    "text",
    [
        "The next round of consultations will be held in Ulaanbaatar in May.",
        "The next round of consultations will be held in Ulan Bator in May.",
        "The Ghanaian foreign minister will pay a visit to Ulaanbaatar next month.",
    ],
)
def test_mongolias_capital_is_named_as_english_writes_it(text):
    [item] = _items(text)
    assert item.city == "Ulaanbaatar" and item.country == "MN"
