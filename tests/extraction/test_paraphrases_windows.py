"""Paraphrase sets for the window rules of #11 read off blind6 and blind7 once blind8 and blind9 were
written to replace them as held-out sets: ranges whose first date a comma closes, a length named before
a later event word, a time expression beside an open phrase, "until the end of", "an early visit" and
a date right after a dateline's dash. None of the phrasings is from a corpus."""

import datetime as dt

import pytest
from lead_sentence import items_after_lead

from tracker.domain.model import Precision
from tracker.extraction import extract
from tracker.temporal import find_time_expressions

D = dt.date
ANCHOR = D(2024, 3, 6)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("from Sunday, July 7, to Tuesday, July 9", D(2024, 7, 7), D(2024, 7, 9)),
        ("from Monday, 13 May, until Wednesday, 15 May", D(2024, 5, 13), D(2024, 5, 15)),
        ("from Friday, June 14, through Sunday, June 16", D(2024, 6, 14), D(2024, 6, 16)),
        ("between 2 April, to 4 April", D(2024, 4, 2), D(2024, 4, 4)),
        ("from 20 October, till 22 October", D(2024, 10, 20), D(2024, 10, 22)),
    ],
)
def test_a_comma_after_the_first_date_still_makes_a_range(text, start, end):
    [found] = find_time_expressions(text, ANCHOR)
    assert (found.window.start, found.window.end, found.window.precision) == (start, end, Precision.DAYS)


@pytest.mark.parametrize(
    "text, end",
    [
        (
            "The prime minister will host the Nordic leaders for the two day summit that opens on 12 May.",
            D(2024, 5, 13),
        ),
        ("Ghana will welcome the delegations to a three-day session starting on 12 May.", D(2024, 5, 14)),
        (
            "The president will receive African leaders at the two-day forum beginning on 12 May.",
            D(2024, 5, 13),
        ),
        ("Nigeria will host ministers for a two day meeting from 12 May.", D(2024, 5, 13)),
        (
            "The minister will travel to Accra for the three day consultations that start on 12 May.",
            D(2024, 5, 14),
        ),
    ],
)
def test_a_length_before_a_later_event_word_runs_the_days(text, end):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 5, 12), end)


@pytest.mark.parametrize(
    "text",
    [
        # The length belongs to another event, in a clause of its own.
        "The next round of consultations, which the two-day meeting prepared, will be held on 12 May.",
        "The ministers, who ended a three-day forum today, will meet again on 12 May.",
    ],
)
def test_a_length_in_a_clause_of_its_own_keeps_the_day(text):
    items = items_after_lead(text)
    assert [(item.window.start, item.window.end) for item in items] == [(D(2024, 5, 12), D(2024, 5, 12))]


@pytest.mark.parametrize(
    "text, start, end",
    [
        (
            "The next round will be held in Accra at a mutually convenient time this year.",
            D(2024, 1, 1),
            D(2024, 12, 31),
        ),
        ("They agreed to meet again at a mutually convenient date in May.", D(2024, 5, 1), D(2024, 5, 31)),
        (
            "The commission will convene in the second half of 2024 at a time convenient to both sides.",
            D(2024, 7, 1),
            D(2024, 12, 31),
        ),
        (
            "The two sides will hold the next session at a mutually agreed date next year.",
            D(2025, 1, 1),
            D(2025, 12, 31),
        ),
        (
            "The visit will take place on dates to be agreed through diplomatic channels in June.",
            D(2024, 6, 1),
            D(2024, 6, 30),
        ),
    ],
)
def test_a_time_expression_beside_an_open_phrase_wins(text, start, end):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (start, end)


def test_an_open_phrase_with_a_date_in_another_clause_stays_open():
    [item] = items_after_lead(
        "The next round will be held at a mutually convenient time, the ministry said in a statement of 2 May 2023."
    )
    assert item.window.is_open


@pytest.mark.parametrize(
    "text, end",
    [
        ("will be held till the year end", D(2024, 12, 31)),
        ("will take place by year-end", D(2024, 12, 31)),
        ("will be held until the end of the year", D(2024, 12, 31)),
        ("will be completed till the end of June", D(2024, 6, 30)),
        ("should take place by the year end", D(2024, 12, 31)),
    ],
)
def test_until_an_end_is_a_deadline(text, end):
    [found] = find_time_expressions(text, ANCHOR)
    assert (found.window.start, found.window.end, found.window.precision) == (ANCHOR, end, Precision.DEADLINE)


@pytest.mark.parametrize(
    "text, precision",
    [
        ("from May until the end of June", Precision.MONTH),  # a range, not a deadline
        ("until June", Precision.MONTH),
        ("at the year end", Precision.PART_OF_YEAR),
    ],
)
def test_other_untils_and_year_ends_keep_their_period(text, precision):
    [found] = find_time_expressions(text, ANCHOR)
    assert found.window.precision is precision


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers agreed to work towards an early visit of the president to Accra.",
        "Both sides called for an early resumption of the talks.",
        "The minister hoped for an early meeting of the joint commission.",
        "The ministers agreed to an early meeting of the joint commission.",
        "Both sides agreed to an early holding of the fourth round of consultations.",
        "The ministers agreed to the early convening of the joint commission.",
    ],
)
def test_an_early_act_is_vague(text):
    [item] = items_after_lead(text)
    assert item.window.precision is Precision.VAGUE
    assert (item.window.start, item.window.end) == (ANCHOR, D(2024, 9, 5))


@pytest.mark.parametrize(
    "text",
    ["The talks started in early March.", "He recalled an early-morning meeting in 2019."],
)
def test_early_in_a_period_is_no_vague_window(text):
    assert all(found.window.precision is not Precision.VAGUE for found in find_time_expressions(text, ANCHOR))


@pytest.mark.parametrize(
    "dateline",
    ["ACCRA - ", "ACCRA \u2014 ", "ACCRA: ", "ACCRA -- ", "ACCRA \u2013 "],
)
def test_a_date_after_a_datelines_dash_dates_the_event(dateline):
    text = dateline + "On Monday, March 11, the foreign ministers of Ghana and Nigeria will meet in Accra."
    [item] = extract(text, ANCHOR).commitments
    assert (item.window.start, item.window.end) == (D(2024, 3, 11), D(2024, 3, 11))


def test_a_date_right_after_a_dateline_city_dates_the_dispatch():
    text = "ACCRA, March 6 (GNA) - The foreign ministers of Ghana and Nigeria will meet in Accra next month."
    [item] = extract(text, ANCHOR).commitments
    assert (item.window.start, item.window.end) == (D(2024, 4, 1), D(2024, 4, 30))


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian president will visit Nigeria on 12 and 13 May. On Sunday, 12 May, he will meet the Nigerian "
        "president in Abuja.",
        "The Ghanaian president will pay a state visit to Nigeria from 12 to 14 May. Talks with the Nigerian "
        "president are set for 13 May.",
        "The Nigerian president will make an official visit to Ghana on 12-13 May. He will hold talks with the "
        "Ghanaian president in Accra on 12 May.",
        "The Ghanaian president will visit Nigeria from May 12 to 14. The two presidents will hold a meeting "
        "in Abuja on May 13.",
        "The Ghanaian president will be in Nigeria on an official visit from 12 to 13 May. On 13 May, he will "
        "meet the Nigerian president in Lagos.",
    ],
)
def test_a_dated_visit_is_the_item_not_a_meeting_on_one_of_its_days(text):
    [item] = items_after_lead(text)
    assert item.kind.value == "visit"
    assert item.window.precision is Precision.DAYS
    assert item.window.start == D(2024, 5, 12)


@pytest.mark.parametrize(
    "text, end",
    [
        ("The Nigerian president will visit for three days from 12 May.", D(2024, 5, 14)),
        ("The Ghanaian president will visit Nigeria for two days starting 12 May.", D(2024, 5, 13)),
        (
            "The prime minister will be on a visit to Ghana for the next three days from 12 May.",
            D(2024, 5, 14),
        ),
        ("The Nigerian minister will visit Accra for two days from Sunday, 12 May.", D(2024, 5, 13)),
        ("Ghana's president will tour Nigeria for three days from May 12.", D(2024, 5, 14)),
    ],
)
def test_a_length_right_after_the_event_runs_the_days(text, end):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 5, 12), end)


@pytest.mark.parametrize(
    "text",
    [
        "Last night the Ghanaian president held talks with his Nigerian counterpart in Abuja.",
        "The Ghanaian and Nigerian presidents met in Abuja last night.",
        "The foreign minister of Ghana talked with her Nigerian counterpart in Abuja last night.",
        "Last night, the foreign minister of Ghana conferred with the Nigerian foreign minister in Abuja.",
        "The Nigerian president received the Ghanaian foreign minister in Abuja last night.",
    ],
)
def test_last_night_is_the_day_before_publication(text):
    [meeting] = extract(text, ANCHOR).meetings
    assert (meeting.start, meeting.end) == (D(2024, 3, 5), D(2024, 3, 5))
    assert set(meeting.parties) == {"GH", "NG"}


def test_a_topic_talked_over_is_no_party_and_no_contact():
    text = "On Tuesday the officials of the two ministries talked over developments in Belarus and Russia."
    assert all("RU" not in meeting.parties for meeting in extract(text, ANCHOR).meetings)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the ministry announced that the president will visit Nigeria to attend the regional "
        "summit to be held on 12 and 13 May.",
        "On Tuesday, a spokesperson said that the minister will travel to Abuja for the joint commission that "
        "is scheduled for 12-13 May.",
        "On Thursday, the presidency confirmed that the president will visit Nigeria for the summit of the "
        "regional bloc, which takes place on 12 and 13 May.",
        "On Friday, the foreign minister told reporters that he will visit Nigeria, where the consultations "
        "are set for 12 and 13 May.",
        "On Monday, officials stated that the Ghanaian minister will visit Abuja to take part in the "
        "ministerial meeting on 12 and 13 May.",
    ],
)
def test_a_date_fronting_a_report_dates_the_report_not_the_item(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 5, 12), D(2024, 5, 13))


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the foreign ministers of Ghana and Nigeria met in Abuja and said that ties were strong.",
        "On Monday the presidents of Ghana and Nigeria held talks in Abuja, the ministry said.",
    ],
)
def test_a_date_fronting_the_contact_itself_dates_it(text):
    [meeting] = extract(text, ANCHOR).meetings
    assert meeting.start == D(2024, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "The preparatory meeting would focus on the agreements already signed.",
        "Those taking part in the summit are expected to address climate change and trade.",
        "The talks are expected to cover energy, transport and security.",
        "The consultations will also focus on the situation in the Sahel.",
        "It will be an expert-level meeting, with deputy ministers leading the delegations.",
    ],
)
def test_what_an_item_will_treat_is_no_item_of_its_own(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The next session of the joint commission will be held in Abuja and will discuss trade.",
        "The president, who will visit Abuja, will discuss trade with his host.",
        "The ministers agreed that the next round, to be held in Accra, will focus on energy.",
    ],
)
def test_an_item_that_has_an_agenda_stays(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "He said he would not attend the summit in Abuja himself.",
        "The president will not travel to Abuja for the summit in May.",
        "Nigeria won't host the next round of consultations in 2025.",
        "The foreign minister cannot visit Accra in May, the ministry said.",
        "The Ghanaian president will not be attending the summit in May.",
    ],
)
def test_a_negated_act_is_no_commitment(text):
    assert items_after_lead(text) == []


def test_not_only_is_no_negation():
    [item] = items_after_lead("Nigeria will not only host the next round of consultations in 2025.")
    assert item.window.start == D(2025, 1, 1)


@pytest.mark.parametrize(
    "dateline",
    [
        "Accra, Ghana (GNA) -- ",
        "Accra, Ghana (Ghana News Agency) - ",
        "Accra, Ghana (MyJoyOnline) \u2014 ",
        "Accra, Ghana (Xinhua): ",
        "Accra, Ghana (AFP) \u2013 ",
    ],
)
def test_a_city_country_and_outlet_dateline_places_the_contact(dateline):
    text = (
        "Ministers meet\n\n"
        + dateline
        + "The foreign minister of Ghana met the foreign minister of Nigeria on 5 March."
    )
    [meeting] = extract(text, ANCHOR).meetings
    assert meeting.city == "Accra"


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian foreign minister paid a working visit to Ghana on 5 March. In Kumasi the minister met the "
        "regional minister.",
        "The Nigerian foreign minister paid an official visit to Ghana on 5 March.\n\nIn Kumasi, he met the "
        "Asantehene and local officials.",
        "On 5 March the Nigerian president visited Ghana. In Kumasi the president opened a trade fair.",
        "The foreign minister of Nigeria made a visit to Ghana on 5 March. At Kumasi he laid a wreath.",
        "The Nigerian minister paid a one-day visit to Ghana on 5 March. In Kumasi, she met business leaders.",
    ],
)
def test_a_past_visit_to_a_country_takes_the_city_its_programme_opens_with(text):
    [meeting] = extract(text, ANCHOR).meetings
    assert meeting.city == "Kumasi"


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents agreed during a telephone conversation on Thursday to hold a summit in Abuja.",
        "The ministers agreed at their meeting on Monday to hold the next session of the joint commission in Accra.",
        "The leaders agreed in a lengthy phone call on Friday to meet again in Abuja.",
        "Both sides agreed during the talks on Tuesday to hold the next round in Accra.",
        "The two foreign ministers agreed during their consultations on Monday to open consulates in Kumasi.",
    ],
)
def test_the_day_of_the_contact_an_agreement_was_made_in_is_no_window(text):
    items = items_after_lead(text)
    assert items and all(item.window.is_open for item in items)


def test_a_day_after_a_future_contact_still_dates_the_item():
    [item] = items_after_lead("The two presidents agreed to hold talks during the visit on 12 May.")
    assert (item.window.start, item.window.end) == (D(2024, 5, 12), D(2024, 5, 12))


@pytest.mark.parametrize(
    "text",
    [
        "They reviewed the cooperation programme between the two foreign ministries for 2024-2025 and agreed "
        "to prepare the president's visit to Accra.",
        "The ministers signed a roadmap for 2025 and agreed to prepare the state visit of the Nigerian "
        "president to Ghana.",
        "They adopted an action plan covering 2024-2026 and agreed to prepare the next session of the joint "
        "commission.",
        "The two sides discussed the strategy for the years 2024-2028 and agreed to prepare the visit of the "
        "Ghanaian president to Abuja.",
        "They outlined the plan of joint actions between the two governments for 2025 and agreed to prepare "
        "for the state visit of the president to Accra.",
    ],
)
def test_the_term_of_a_document_is_no_items_window(text):
    items = items_after_lead(text)
    assert items and all(item.window.is_open for item in items)


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "The ministers signed a roadmap and agreed to hold the next session in Accra in 2025.",
            D(2025, 1, 1),
        ),
        (
            "The next session, scheduled for 2025 under the cooperation plan, will be held in Accra.",
            D(2025, 1, 1),
        ),
    ],
)
def test_a_window_after_a_document_with_its_own_verb_stays(text, start):
    [item] = items_after_lead(text)
    assert item.window.start == start


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian president will pay an official visit to Nigeria on 12 May. In Abuja, he is to co-chair the "
        "first Ghana-Nigeria summit.",
        "The Nigerian president will visit Ghana from 12 to 13 May. In Accra, the two presidents will hold the "
        "annual summit.",
        "The Ghanaian president will make a state visit to Nigeria on 12 May. During the visit the presidents will "
        "hold a summit.",
        "The Nigerian president is to visit Ghana on 12 May. The two leaders will co-chair a bilateral summit in "
        "Accra.",
        "The Ghanaian president will travel to Nigeria on 12 May for an official visit. He is to attend a summit "
        "with the Nigerian president there.",
    ],
)
def test_a_summit_held_during_a_dated_visit_is_part_of_it(text):
    [item] = items_after_lead(text)
    assert item.kind.value == "visit"
    assert item.window.start == D(2024, 5, 12)


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke in Accra, the ministry said Tuesday. On Friday the presidents will meet in Abuja.",
        "The ministry announced Monday. On Friday the presidents will meet in Abuja.",
        "Talks went well, officials said on Tuesday. On Friday the two presidents will meet in Abuja.",
    ],
)
def test_a_report_date_ending_the_sentence_before_does_not_swallow_the_next_ones_date(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 3, 8), D(2024, 3, 8))
