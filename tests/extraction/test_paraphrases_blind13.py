"""Paraphrase sets for rules read off blind13 once it became dev data (#11). None of the phrasings is
from a corpus."""

import datetime as dt

import pytest
from lead_sentence import read

D = dt.date


@pytest.mark.parametrize(
    "text",
    [
        "Ministers meeting in Accra reviewed the joint commission, due to be held in Abuja in May.",
        "At the meeting in Accra they discussed the joint commission, which will be held in Abuja in May.",
        "The ministers in Accra reviewed plans for the business forum that is to be held in Abuja in May.",
        "Speaking in Accra, she said the next session will take place in Abuja in May.",
        "The Accra talks reviewed the joint commission, which is scheduled to take place in Abuja in May.",
        "Leaders gathered in Accra prepared the summit, set to take place in Abuja in May.",
    ],
)
def test_the_city_the_future_act_is_placed_in_wins_over_a_nearer_one(text):
    _, commitments = read(text)
    assert [c.city for c in commitments] == ["Abuja"]


@pytest.mark.parametrize(
    "text",
    [
        "The commission, held in Abuja last year, will meet next in Accra in May.",
        "Following the summit that took place in Abuja, the leaders will meet in Accra in May.",
    ],
)
def test_a_city_of_a_past_act_is_not_the_future_venue(text):
    _, commitments = read(text)
    assert [c.city for c in commitments] == ["Accra"]


@pytest.mark.parametrize(
    "text",
    [
        "Mongolian President Bagabandi received Japanese Foreign Minister Kawaguchi on 4 March.",
        "The President of Ghana received Togolese Prime Minister Dogbe on 4 March.",
        "President Mahama welcomed Togolese Foreign Minister Dussey in Accra on 4 March.",
        "Ghana's Vice-President received a courtesy call from the Foreign Minister of Togo on 4 March.",
        "The Prime Minister of Ghana and the Speaker each received a courtesy call from Togo's Foreign "
        "Minister on the morning of 4 March.",
        "Ghanaian Foreign Minister Ablakwa hosted Nigerian Foreign Minister Tuggar in Accra on 4 March.",
    ],
)
def test_a_reception_of_a_titled_guest_is_a_meeting(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana received Japanese aid worth five million dollars on 4 March.",
        "The ministry received Togolese Foreign Ministry documents on 4 March.",
    ],
)
def test_receiving_things_is_no_meeting(text):
    meetings, _ = read(text)
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, at their meeting in Accra, the foreign ministers of Ghana and Togo called for closer ties.",
        "On Monday afternoon, at the talks in Accra, the presidents of Ghana and Togo signed two agreements.",
        "On 4 March, during their meeting in Accra, the ministers of Ghana and Togo reviewed trade.",
        "On Monday morning, at a meeting in Lome, Ghana and Togo agreed to reopen the border post.",
        "On 4 March, during the consultations in Accra, the two sides of Ghana and Togo discussed security.",
    ],
)
def test_a_day_set_before_at_the_meeting_dates_it(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, at the next meeting in Accra, the ministers of Ghana and Togo will sign a deal.",
        "On Saturday, at their meeting in Accra, the ministers of Ghana and Togo are to sign a deal.",
    ],
)
def test_a_day_before_a_meeting_to_come_is_no_past_contact(text):
    meetings, _ = read(text)
    assert meetings == []


@pytest.mark.parametrize(
    "text, city",
    [
        ("The foreign minister of Ghana will leave for Abuja on Friday.", "Abuja"),
        ("The President of Ghana plans to leave on Friday for Abuja for talks with Nigeria.", "Abuja"),
        ("The Ghanaian delegation will depart for Abuja on 8 March to meet Nigerian officials.", "Abuja"),
        ("Ghana's Prime Minister will fly on Friday for Abuja to meet President Tinubu.", "Abuja"),
        ("The two ministers of Ghana and Togo agreed to meet next in Togo's Kara in May.", "Kara"),
        ("Ghana and Nigeria will hold the next commission in Nigeria's Kano in May.", "Kano"),
    ],
)
def test_where_a_journey_goes_and_a_city_after_its_state_are_venues(text, city):
    _, commitments = read(text)
    assert [c.city for c in commitments] == [city]


def test_a_city_after_its_state_does_not_place_a_past_meeting():
    meetings, _ = read(
        "ACCRA, March 5 -- The ministers of Ghana and Togo met on Tuesday and said they would hold the "
        "next round in Togo's Kara."
    )
    assert [m.city for m in meetings] == ["Accra"]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo discussed preparations for President Mahama's visit to Togo in April.",
        "The ministers of Ghana and Togo reviewed the preparations ahead of the Ghanaian president's April 9 visit.",
        "Ghana and Togo discussed the Ghanaian leader's upcoming state visit to Lome in April.",
        "Preparations for the Ghanaian president's scheduled visit to Togo next month were discussed by the ministers.",
        "Ghana and Togo talked about Mahama's forthcoming official visit to Togo in April.",
    ],
)
def test_a_visit_named_by_its_visitor_is_a_plan_whatever_verb_brings_it_up(text):
    _, commitments = read(text)
    assert [(c.kind.value, c.window.start.month) for c in commitments] == [("visit", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo discussed the outcome of President Mahama's visit to Togo last month.",
        "The discussions of Ghana and Togo focused on the upcoming summit of the African Union.",
    ],
)
def test_a_past_visit_or_others_gathering_as_a_topic_is_no_item(text):
    _, commitments = read(text)
    assert commitments == []


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Preparations for the scheduled visit of the Ghanaian president to Togo were discussed by phone "
            "on Monday by the foreign ministers of Ghana and Togo.",
            "call",
        ),
        (
            "The ministers of Ghana and Togo held talks in Accra on Monday on the upcoming state visit.",
            "talks",
        ),
        ("The ministers of Ghana and Togo met in Accra on Monday ahead of the state visit.", "meeting"),
        (
            "Ghana and Togo held consultations in Accra on Monday on the forthcoming visit of the president.",
            "consultations",
        ),
        ("On Monday the presidents of Ghana and Togo spoke by phone about the planned visit.", "call"),
        ("The planned talks between Ghana and Togo took place in Accra on Monday.", "talks"),
        (
            "The foreign ministers of Ghana and Togo met in Accra on Monday to prepare the upcoming summit.",
            "meeting",
        ),
        (
            "The ministers of Ghana and Togo held talks in Accra on Monday on preparations for the joint commission.",
            "talks",
        ),
        ("The presidents of Ghana and Togo met in Lome on Monday ahead of the planned summit.", "meeting"),
        ("The ministers of Ghana and Togo met in Accra on Monday to organize the April visit.", "meeting"),
    ],
)
def test_a_contact_takes_its_own_kind_not_that_of_the_plan_it_discussed(text, kind):
    meetings, _ = read(text)
    assert [m.kind.value for m in meetings] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The session of the Ghana-Togo joint commission got under way in Accra on Monday.",
        "The joint commission of Ghana and Togo kicked off in Accra on Monday.",
        "Talks between Ghana and Togo got under way in Accra on 4 March.",
        "On Monday the Ghana-Togo consultations kicked off in Accra.",
        "The inaugural session of the commission between Ghana and Togo got under way in Accra on Monday.",
    ],
)
def test_a_sitting_that_got_under_way_is_a_past_contact(text):
    meetings, _ = read(text)
    assert [(m.start, m.city) for m in meetings] == [(D(2024, 3, 4), "Accra")]


@pytest.mark.parametrize(
    "text",
    [
        "The joint commission of Ghana and Togo kicks off in Accra on Friday.",
        "The Ghana-Togo consultations will get under way in Accra on Friday.",
    ],
)
def test_a_sitting_that_is_yet_to_get_under_way_is_no_meeting(text):
    meetings, _ = read(text)
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "The official visit of the Ghanaian Foreign Minister to Togo begins tomorrow.",
        "The state visit to Togo of the President of Ghana, John Mahama, begins tomorrow.",
        "The working visit of Ghana's Minister of Foreign Affairs to Lome opens tomorrow.",
        "The session of the Ghana-Togo Permanent Joint Commission for Cooperation starts tomorrow.",
        "The official visit to Togo of Ghana's Vice-President, Jane Opoku-Agyemang, begins tomorrow, 7 March.",
    ],
)
def test_a_long_subject_of_a_schedule_verb_is_the_item(text):
    _, commitments = read(text)
    assert [c.window.start for c in commitments] == [D(2024, 3, 7)]


@pytest.mark.parametrize(
    "text",
    [
        "The official visit of the Ghanaian Foreign Minister to Togo began yesterday.",
        "The official visit of the Ghanaian Foreign Minister to Togo; talks begin tomorrow in Lome.",
    ],
)
def test_a_schedule_verb_without_its_subject_item_is_no_item_of_it(text):
    _, commitments = read(text)
    assert all(c.kind.value != "visit" for c in commitments)


@pytest.mark.parametrize(
    "text",
    [
        "President Mahama confirmed that he will receive Togo's President Faure in Accra on 12 March.",
        "Ghana's Foreign Minister is to welcome Togolese Foreign Minister Dussey in Accra on 12 March.",
        "The President of Ghana will receive Togolese Prime Minister Dogbe in Accra on 12 March.",
        "On 12 March Mahama of Ghana will welcome Nigeria's Foreign Minister Tuggar in Accra.",
        "Next Tuesday, 12 March, Ghana's Vice-President will receive Togo's Foreign Minister Dussey in Accra.",
    ],
)
def test_a_reception_to_come_of_a_guest_titled_after_his_state_is_an_item(text):
    _, commitments = read(text)
    assert [(c.window.start, c.city) for c in commitments] == [(D(2024, 3, 12), "Accra")]


def test_hosting_a_summit_s_guests_is_the_summit():
    _, commitments = read(
        "Next week Ghana and the European Union will hold a summit in Accra. President Mahama will host "
        "European Council President Costa for the two-day summit that opens on 12 March."
    )
    assert [(c.kind.value, c.city) for c in commitments] == [("summit", "Accra")]


@pytest.mark.parametrize(
    "text",
    [
        "It was the first time the two had spoken by phone since Monday's Cabinet reshuffle in Ghana.",
        "The ministers of Ghana and Togo met for the first time since Monday's election in Togo.",
        "Ghana and Togo held talks in the wake of Monday's border incident.",
        "The foreign ministers of Ghana and Togo spoke by phone about Monday's floods.",
        "Ghana's president met the Togolese envoy after Monday's government reshuffle.",
    ],
)
def test_a_possessive_day_of_something_else_dates_no_contact(text):
    meetings, _ = read(text)
    assert all(m.start != D(2024, 3, 4) for m in meetings)


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers of Ghana and Togo welcomed the results of Monday's talks in Accra.",
        "Ghana's Cabinet met with Togo's binational cabinet in Accra on Monday, at the binational cabinet.",
    ],
)
def test_a_possessive_day_of_a_contact_still_dates_it(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 4)]
