"""Paraphrase sets for the general rules of #11, second pass: each rule on phrasings written in the
manner of ministry releases and agency copy, none taken from a corpus, plus near-misses that must not
fire."""

import datetime as dt

import pytest

from tracker.domain.model import Kind, Precision
from tracker.extraction import extract

D = dt.date
PUBLISHED = D(2024, 3, 6)  # a Wednesday
LEAD = "Ghana and Nigeria held political consultations in Accra on Tuesday. "


def _items(text, published=PUBLISHED):
    return extract(LEAD + text, published).commitments


@pytest.mark.parametrize(
    "text, precision",
    [
        ("The next Ghana-Nigeria business forum is slated for September in Lagos.", Precision.MONTH),
        (
            "A visit by the Nigerian foreign minister to Lagos is slated for the second half of 2024.",
            Precision.HALF,
        ),
        (
            "Both sides expressed their commitment to holding the next joint commission in Lagos in 2025.",
            Precision.YEAR,
        ),
        (
            "The two presidents committed to convening the joint commission in Lagos before the end of 2024.",
            Precision.DEADLINE,
        ),
        (
            "The inaugural meeting of the joint working group will be convened in Lagos in May.",
            Precision.MONTH,
        ),
        (
            "The ministers tasked their deputies with preparing the next summit in Lagos in 2025.",
            Precision.YEAR,
        ),
        ("The commission will be reconvened in Lagos in October.", Precision.MONTH),
    ],
)
def test_schedule_and_commitment_words_announce_an_act(text, precision):
    [item] = _items(text)
    assert item.window.precision is precision and item.city == "Lagos"
    assert item.parties == ["GH", "NG"]


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers look forward to meeting in Lagos at a mutually convenient time.",
        "The Ghanaian minister said he looked forward to meeting his counterpart again in Lagos.",
        "Both leaders expressed the hope of meeting in Lagos at an early date.",
        "The presidents said they looked forward to meeting in Lagos in due course.",
        "The ministers look forward to meeting again in Lagos on dates to be agreed.",
    ],
)
def test_looking_forward_to_meeting_is_a_proposed_meeting(text):
    [item] = _items(text)
    assert item.kind is Kind.MEETING and item.city == "Lagos"


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed that the visit had been held in a warm and friendly atmosphere.",
        "Both sides agreed that the consultations had been conducted in a spirit of mutual trust.",
        "The two delegations agreed that the talks took place in a constructive atmosphere.",
        "They agreed that the meeting was held at an important moment for the region.",
        "The sides agreed that the session went well.",
    ],
)
def test_agreeing_on_how_a_past_contact_went_is_no_commitment(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The discussions centred on preparations for the upcoming summit of the African Union.",
        "The talks covered the forthcoming presidential election in Togo.",
        "The ministers also addressed the upcoming session of the UN General Assembly.",
        "The consultations dealt with the forthcoming ECOWAS summit.",
        "The conversation centered around the upcoming meeting of the AU Peace and Security Council.",
        "The agenda covered the forthcoming elections and the next session of the UN Human Rights Council.",
    ],
)
def test_upcoming_events_as_topics_are_no_commitments(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders will both attend the G20 summit in Rio de Janeiro in November.",
        "Answering a question, the spokesperson said the BRICS summit will take place in Kazan in October.",
        "The ministers noted that the next ASEAN summit will be held in Vientiane in October.",
        "He recalled that the UN climate conference will be held in Baku in November.",
        "The minister said the Commonwealth summit is scheduled for October in Samoa.",
    ],
)
def test_other_states_events_merely_mentioned_are_no_commitments(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ghana will host the next ECOWAS summit in Accra in 2025.",
        "Nigeria will host the ECOWAS summit in Abuja in December.",
        "The two presidents will meet again on the sidelines of the AU summit in Addis Ababa in February.",
        "The next round of consultations will be held in Lagos in 2025.",
        "The Nigerian president will pay a state visit to Ghana in May.",
    ],
)
def test_an_event_of_the_parties_own_is_kept(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to continue close consultations on regional issues.",
        "Both sides agreed to maintain dialogue at all levels.",
        "The ministers agreed to step up exchanges of visits.",
        "They agreed to intensify political consultations.",
        "The sides decided to keep up the practice of regular consultations.",
    ],
)
def test_keeping_up_a_practice_is_no_commitment(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The sides agreed to continue the consultations in Lagos in May.",
        "The two ministers agreed to hold the next consultations in Lagos.",
        "It was agreed to resume the talks in Lagos in June.",
    ],
)
def test_a_concrete_act_after_a_keep_up_verb_still_counts(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Preparations for the upcoming AU summit will be the subject of their talks, an official said.",
        "The forthcoming ECOWAS summit will be high on the agenda of the meeting.",
        "The upcoming session of the UN General Assembly is to be discussed as well.",
        "Preparations for the G20 summit will be among the topics of the call.",
        "The next BRICS summit will be the main focus of the foreign ministers' meeting.",
    ],
)
def test_an_event_to_be_discussed_is_a_topic(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will make careful preparations for the next round of consultations in Lagos.",
        "The sides agreed to start preparations for the next session of the joint commission in Lagos.",
        "Preparations for the visit of the Nigerian president to Ghana are under way.",
        "They discussed preparations for the next round of consultations, which will be held in Lagos in May.",
        "Officials will begin preparations for the joint commission in Lagos in June.",
    ],
)
def test_preparing_ones_own_act_is_a_commitment(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text, month",
    [
        (
            "The visit of the Ghanaian president to Nigeria, originally planned for March, has been postponed to June.",
            6,
        ),
        ("The joint commission, initially scheduled for April, was moved to July.", 7),
        ("The consultations set for April in Lagos have been pushed back to September.", 9),
        ("The summit, first planned for May, was rescheduled to October.", 10),
        ("The ministers' meeting due in April has been shifted to August.", 8),
    ],
)
def test_the_date_after_a_postponement_is_the_new_window(text, month):
    [item] = _items(text)
    assert item.window.precision is Precision.MONTH and item.window.start == D(2024, month, 1)


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister talked to May about trade on Tuesday.",
        "The ministers sent a letter to June Ofori, the head of the chamber.",
    ],
)
def test_to_before_a_name_is_no_date(text):
    from tracker.temporal import find_time_expressions

    found = find_time_expressions(text, PUBLISHED, "future")
    assert not [e for e in found if "May" in e.text or "June" in e.text]


OPENING = "On 4 March 2024 the foreign ministers of Ghana and Nigeria held talks in Accra. "


@pytest.mark.parametrize(
    "text, kind",
    [
        ("That same day, the Nigerian minister also met President Akufo-Addo.", Kind.MEETING),
        ("Later that day the Nigerian minister was received by the Ghanaian President.", Kind.MEETING),
        (
            "On the same day, the Nigerian minister paid a courtesy call on the Speaker of Ghana's Parliament.",
            Kind.MEETING,
        ),
        ("Later on that day, the Nigerian minister called on the Ghanaian Vice President.", Kind.MEETING),
        (
            "On the same day the two ministers also held consultations with Togo's foreign minister.",
            Kind.CONSULTATIONS,
        ),
    ],
)
def test_another_contact_the_same_day_is_a_meeting_of_its_own_at_the_same_place(text, kind):
    meetings = extract(OPENING + text, PUBLISHED).meetings
    assert [(m.start, m.city) for m in meetings] == [(D(2024, 3, 4), "Accra")] * 2
    assert meetings[1].kind is kind


def test_the_next_day_is_the_day_after():
    text = OPENING + "The next day, the Nigerian minister was received by the Ghanaian President."
    assert [m.start for m in extract(text, PUBLISHED).meetings] == [D(2024, 3, 4), D(2024, 3, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "The talks continued in the afternoon with a working lunch.",
        "The ministers also discussed the situation in the Sahel.",
        "Ghana's minister said the same day would be declared a holiday.",
    ],
)
def test_more_about_the_same_contact_adds_no_meeting(text):
    assert len(extract(OPENING + text, PUBLISHED).meetings) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Nigeria will open a joint border post in 2025, it was announced at Tuesday's meeting in Accra.",
        "A business forum will be held in Lagos in May, it was agreed at Monday's talks in Accra.",
        "The ministers will meet again in June, it was decided at Tuesday\u2019s consultations in Accra.",
        "Nigeria will host the next round, the ministers said after Tuesday's talks in Accra.",
        "At Monday's meeting in Accra the ministers agreed that the commission would meet in May.",
    ],
)
def test_a_possessive_day_dates_its_contact_beside_a_pledge(text):
    meetings = extract(text, PUBLISHED).meetings
    assert [m.city for m in meetings] == ["Accra"]
    assert meetings[0].start in {D(2024, 3, 4), D(2024, 3, 5)}


@pytest.mark.parametrize(
    "text, city",
    [
        ("The leaders of China and Ghana held talks in Xi\u2019an on Monday.", "Xi'an"),
        ("The leaders of China and Ghana held talks in Xi'an on Monday.", "Xi'an"),
        ("The Russian and Ghanaian ministers met in Arkhangelsk on Monday.", "Arkhangelsk"),
        ("The Russian and Ghanaian ministers met in Arkhangel\u2019sk on Monday.", "Arkhangelsk"),
        ("The Russian and Ghanaian ministers met in Naro-Fominsk on Monday.", "Naro-Fominsk"),
    ],
)
def test_a_city_is_named_as_english_writes_it(text, city):
    [meeting] = extract(text, PUBLISHED).meetings
    assert meeting.city == city


@pytest.mark.parametrize(
    "text",
    [
        "The leaders agreed to relaunch the security dialogue at an early date.",
        "The two sides will resume the strategic dialogue in the coming months.",
        "They agreed to convene the joint commission before the end of the year.",
        "The ministers decided to hold the next consultations in 2025.",
        "The leaders agreed to restart the maritime dialogue in the second half of the year.",
    ],
)
def test_a_loosely_timed_item_is_no_part_of_a_dated_visit(text):
    visit = "The Ghanaian president will visit Lagos on Friday, where he will address students. "
    assert len(_items(visit + text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "During the visit, the two presidents will hold talks on Friday.",
        "The Ghanaian president will hold talks with President Tinubu on Friday.",
        "The two presidents will meet on Friday in Lagos.",
    ],
)
def test_a_part_of_a_dated_visit_on_its_day_stays_part_of_it(text):
    visit = "The Ghanaian president will visit Lagos on Friday. "
    assert len(_items(visit + text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Each side will now complete its domestic procedures before the agreement can enter into force.",
        "Both countries will complete their internal procedures for the agreement to take effect.",
        "The parties are to complete the national ratification procedures in 2025.",
        "Ghana and Nigeria will finish their constitutional requirements by the end of the year.",
        "The two sides agreed to complete the domestic legal procedures as soon as possible.",
    ],
)
def test_domestic_procedures_before_a_treaty_takes_effect_are_an_item(text):
    [item] = _items(text)
    assert item.parties == ["GH", "NG"]


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian ministers travelled to Accra to meet their Ghanaian counterparts.",
        "The Nigerian delegation came to Accra to hold talks on the border.",
        "The Nigerian minister flew to Accra to attend the meeting of the joint commission.",
        "The Nigerian president arrived in Accra to hold talks with President Akufo-Addo.",
        "The Nigerian envoy visited Accra to prepare the session of the joint commission.",
    ],
)
def test_the_purpose_of_a_past_journey_is_no_commitment(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian minister will travel to Accra to meet his counterpart in May.",
        "The Nigerian president travelled to Accra and will return to Accra to hold talks in May.",
        "The delegation, which arrived on Monday, is to meet the Ghanaian minister in May.",
    ],
)
def test_a_future_journey_and_its_purpose_stay_a_commitment(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Talks on the border were launched on 3 March 2024, when the Nigerian president was in Accra on an official visit.",
        "The agreement was initialled on 3 March 2024, when the Nigerian foreign minister was in Accra on a working visit.",
        "On 3 March 2024 the Nigerian president was on a state visit to Ghana.",
        "On 3 March 2024 the Nigerian ministers were in Accra for a two-day visit.",
        "On 3 March 2024 the Nigerian president was in Accra on his first official visit.",
    ],
)
def test_being_somewhere_on_a_visit_dates_that_visit(text):
    meetings = extract(text, PUBLISHED).meetings
    assert [(m.start, m.parties) for m in meetings] == [(D(2024, 3, 3), ["GH", "NG"])]


@pytest.mark.parametrize(
    "text, city",
    [
        ("The Nigerian president was invited to attend the G7 Hiroshima Summit in May.", "Hiroshima"),
        ("Nigeria will take part in the ECOWAS Abuja Summit in May.", "Abuja"),
        ("Ghana and Nigeria will attend the ECOWAS Lagos Summit in May.", "Lagos"),
        ("The Ghanaian and Nigerian leaders will meet at the AU Kigali Summit in May.", "Kigali"),
        ("Ghana will join the UN Geneva Talks in May.", "Geneva"),
    ],
)
def test_a_city_naming_an_event_after_an_acronym_is_its_venue(text, city):
    [item] = _items(text)
    assert item.city == city


@pytest.mark.parametrize(
    "text",
    [
        "Tomorrow the Nigerian president will take part in the ECOWAS summit, which Ghana is hosting in the capital.",
        "The ECOWAS summit, which Ghana hosts in the capital, will open tomorrow with the Nigerian president present.",
        "Next week the Nigerian president will attend the summit that Ghana will host in the capital.",
    ],
)
def test_in_the_capital_of_the_host_without_a_dateline(text):
    [item] = _items(text)
    assert item.city == "Accra"


def test_in_the_capital_without_a_host_or_dateline_names_no_city():
    [item] = _items("The Nigerian president will attend the ECOWAS summit in the capital tomorrow.")
    assert item.city is None
