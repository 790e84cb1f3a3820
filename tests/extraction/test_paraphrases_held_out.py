"""Paraphrase sets for the rules of #11 read off blind4 and blind5 once blind6 and blind7 were written
to replace them as held-out sets: venues named by description, the length of a visit, weekdays in
brackets and plans the text reports as not having happened. None of the phrasings is from a corpus."""

import datetime as dt

import pytest
from lead_sentence import items_after_lead

from tracker.domain.model import Precision
from tracker.extraction import extract
from tracker.temporal import find_time_expressions

D = dt.date
PUBLISHED_ON = D(2024, 3, 6)  # the lead sentence's publication day


@pytest.mark.parametrize(
    "text, city",
    [
        ("The next joint commission will meet in the capital of Brazil in May.", "Brasília"),
        (
            "The two ministers agreed to hold the next round in the capital of the Solomon Islands in 2025.",
            "Honiara",
        ),
        ("The business forum is scheduled to take place in the Kenyan capital in June.", "Nairobi"),
        ("The presidents will meet again in the Peruvian capital on 12 May.", "Lima"),
        ("The ministers agreed to convene the commission in the port city of Mombasa in July.", "Mombasa"),
        ("The next session will be held in the coastal town of Cape Coast in August.", "Cape Coast"),
        ("The foreign ministers will meet at the United Nations in September.", "New York"),
        ("The two ministers agreed to hold talks at the OSCE in Vienna in June.", "Vienna"),
        ("The two presidents will hold talks at UN headquarters in September.", "New York"),
    ],
)
def test_a_venue_named_by_description_is_its_city(text, city):
    [item] = items_after_lead(text)
    assert item.city == city


@pytest.mark.parametrize(
    "text",
    [
        # The capital as a topic, the capital's region, a city of the past: no venue.
        "The ministers agreed to hold the next round in May to discuss investment in the capital of Brazil.",
        "The ministers agreed to meet in the Kenyan capital region's new conference centre in June.",
        "The ministers will meet at the United Nations Human Rights Council in June.",
    ],
)
def test_near_misses_give_no_described_venue(text):
    items = items_after_lead(text)
    assert all(item.city not in {"Brasilia", "Nairobi", "New York"} for item in items)


@pytest.mark.parametrize(
    "text, end",
    [
        ("The Nigerian president will pay a two-day state visit to Ghana from 12 May.", D(2024, 5, 13)),
        (
            "The Ghanaian minister will make a three-day official visit to Nigeria starting on 12 May.",
            D(2024, 5, 14),
        ),
        (
            "A two-day working visit by the Nigerian foreign minister to Ghana will begin on 12 May.",
            D(2024, 5, 13),
        ),
        (
            "The three-day session of the Ghana-Nigeria joint commission will open in Lagos on 12 May.",
            D(2024, 5, 14),
        ),
        ("The Ghanaian president is expected to pay a 2-day visit to Nigeria on 12 May.", D(2024, 5, 13)),
    ],
)
def test_a_visit_of_some_days_from_a_day_runs_those_days(text, end):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end, item.window.precision) == (
        D(2024, 5, 12),
        end,
        Precision.DAYS,
    )


@pytest.mark.parametrize(
    "text",
    [
        "After two days of talks, the ministers agreed that the next round will be held on 12 May.",
        "The next round of consultations, which the two-day meeting prepared, will be held on 12 May.",
    ],
)
def test_a_length_that_is_not_the_items_own_keeps_its_day(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 5, 12), D(2024, 5, 12))


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("The minister will travel from April 28 (Sat) to May 6 (Sun).", D(2024, 4, 28), D(2024, 5, 6)),
        ("The visit runs from 28 April (Saturday) to 6 May (Sunday).", D(2024, 4, 28), D(2024, 5, 6)),
        ("Talks are set for 3 May (Fri.) - 5 May.", D(2024, 5, 3), D(2024, 5, 5)),
        ("The session opens on 9 May (Thu) and closes on 10 May.", D(2024, 5, 9), D(2024, 5, 9)),
        ("He arrives on May 9 (Thursday).", D(2024, 5, 9), D(2024, 5, 9)),
    ],
)
def test_a_weekday_in_brackets_repeats_its_date(text, start, end):
    expressions = find_time_expressions(text, D(2024, 3, 6), "future")
    assert (expressions[0].window.start, expressions[0].window.end) == (start, end)
    weekdays = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert [e.text for e in expressions if e.text.lower().startswith(weekdays)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister had been due to visit Nigeria from 12 to 14 May.",
        "At the summit on 12 May, the two presidents were to have met in Lagos.",
        "It would have been the first visit of a Ghanaian president to Nigeria since 2003.",
        "The Nigerian minister had been due in Accra on 12 May for the joint commission.",
        "The presidents were to have signed the agreement in Lagos in May.",
    ],
)
def test_a_plan_the_text_reports_as_not_happening_is_no_item(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister is due to visit Nigeria from 12 to 14 May.",
        "The Ghanaian minister was due to visit Nigeria on 12 May, the ministry said on Tuesday.",
        "The two presidents are to meet in Lagos on 12 May.",
    ],
)
def test_a_plan_still_standing_is_an_item(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "From Lagos, the Ghanaian president will travel to Togo on 12 May. In Lome, he will meet the president.",
        "The Ghanaian minister, departing from Accra, will make an official visit to Togo on 12 May. "
        "In Lome, she will hold talks with her counterpart.",
        "From Abuja the delegation will fly to Togo on 12 May; it is the first such visit in ten years. "
        "In Lome, the delegation will meet the foreign minister.",
        "After Lagos, the president will travel to Togo on 12 May. At Lome, he will open the new embassy.",
        "The Ghanaian minister will then visit Togo on 12 May. In Lome, she will co-chair the joint commission.",
    ],
)
def test_a_visit_to_a_country_is_in_the_city_its_programme_opens_with(text):
    visits = [item for item in items_after_lead(text) if item.window.start == D(2024, 5, 12)]
    assert [item.city for item in visits] == ["Lomé"]


@pytest.mark.parametrize(
    "text, city",
    [
        # A city of another state, or not opening the sentence, is not the visit's.
        ("From Lagos, the president will travel to Togo on 12 May. In Accra, the talks went well.", None),
        ("The president will travel to Togo on 12 May. He said that in Lome the talks would go well.", None),
        # A city the visit names itself wins.
        ("The president will travel to Kara in Togo on 12 May. In Lome, he will meet the president.", "Kara"),
    ],
)
def test_near_misses_keep_the_visits_own_city(text, city):
    visits = [item for item in items_after_lead(text) if item.window.start == D(2024, 5, 12)]
    assert [item.city for item in visits] == [city]


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister also briefed his host on the upcoming ECOWAS summit, which will be held in Abuja in May.",
        "She informed her counterpart about the forthcoming Africa summit, which will take place in Lagos in May.",
        "The envoy updated the president on the upcoming donors' conference, which is to be held in Abuja in May.",
        "The minister told his guest about the upcoming trade fair that will open in Kumasi in May.",
        "He apprised the delegation of preparations for the summit, which will be held in Abuja in May.",
    ],
)
def test_news_of_an_event_given_to_a_visitor_is_no_commitment(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister briefed his host on the talks and invited him to the summit, which will be held "
        "in Accra in May.",
        "The two ministers agreed to hold the next joint commission, which will take place in Accra in May.",
    ],
)
def test_a_pledge_beside_the_news_still_counts(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text, end",
    [
        ("The agreement will be signed by the end of the first quarter of 2025.", D(2025, 3, 31)),
        ("The committee is to be set up before the end of the second quarter of 2024.", D(2024, 6, 30)),
        ("Both sides will conclude the talks by the end of the first half of 2025.", D(2025, 6, 30)),
        ("The road map is due no later than the end of the third quarter.", D(2024, 9, 30)),
        ("The treaty should be ratified prior to the end of the first half of next year.", D(2025, 6, 30)),
    ],
)
def test_by_the_end_of_a_quarter_or_half_is_a_deadline(text, end):
    [expression] = find_time_expressions(text, PUBLISHED_ON, "future")
    assert (expression.window.start, expression.window.end) == (PUBLISHED_ON, end)
    assert expression.window.precision is Precision.DEADLINE


def test_the_end_of_a_quarter_without_a_deadline_word_is_that_quarter():
    [expression] = find_time_expressions(
        "The talks will resume at the end of the first half of 2025.", PUBLISHED_ON
    )
    assert (expression.window.start, expression.window.end) == (D(2025, 1, 1), D(2025, 6, 30))


@pytest.mark.parametrize(
    "text",
    [
        "DURBAN, Aug 30 (PTI) The foreign secretaries of India and Pakistan today held talks.",
        "ACCRA, 30 August (Reuters) - The foreign ministers of Ghana and Togo met today in Accra.",
        "LOME, August 30 - Ghana and Togo held political consultations in Lome today.",
        "Top story\n\nNAIROBI, Aug. 30 (Xinhua) -- Kenya and Uganda today signed a border agreement.",
        "ABUJA, 29 August (PANA) - Nigeria and Niger held talks yesterday on border security.",
    ],
)
def test_a_dispatch_dates_its_today_from_its_dateline(text):
    [meeting] = extract(text, D(1998, 8, 31)).meetings
    assert meeting.start == (D(1998, 8, 28) if "yesterday" in text else D(1998, 8, 30))


@pytest.mark.parametrize(
    "text, days",
    [
        # A dateline with no date of its own, or the publication day's: "today" is the publication day.
        ("DURBAN (PTI) The foreign secretaries of India and Pakistan today held talks.", {D(1998, 8, 31)}),
        (
            "DURBAN, Aug 31 (PTI) The foreign secretaries of India and Pakistan today held talks.",
            {D(1998, 8, 31)},
        ),
        (
            "RIYADH: Yesterday the foreign ministers of Kuwait and Saudi Arabia held talks. They met again today.",
            {D(1998, 8, 30), D(1998, 8, 31)},
        ),
    ],
)
def test_without_an_earlier_dateline_date_today_is_the_publication_day(text, days):
    assert {meeting.start for meeting in extract(text, D(1998, 8, 31)).meetings} == days


@pytest.mark.parametrize(
    "text",
    [
        "No date has been fixed yet for the next round of consultations.",
        "The statement named no new dates for the visit.",
        "The dates for the next session of the joint commission have not yet been set.",
        "No dates have been announced for the minister's visit to Lagos.",
        "So far no date for the next round has been decided.",
    ],
)
def test_news_that_no_date_is_set_is_no_commitment(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian minister accepted the invitation to visit Accra, although no date has been set.",
        "The two sides agreed to hold the next round in Lagos; no date has been fixed yet.",
        "The Ghanaian president invited his counterpart to visit Accra, but no dates were named.",
    ],
)
def test_a_pledge_without_a_date_yet_is_still_an_open_commitment(text):
    [item] = items_after_lead(text)
    assert item.window.is_open


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian president will then attend the Africa Climate Conference in Nairobi in November.",
        "Both countries will take part in the United Nations Ocean Conference in Nice in June.",
        "From Accra, the minister will travel on to New York to attend the general debate of the UN General "
        "Assembly next week.",
        "The Nigerian minister will participate in the Antalya Diplomacy Forum on 11-13 March.",
        "He is also expected to take part in the World Economic Forum in Davos in January.",
    ],
)
def test_attending_a_gathering_of_others_is_no_commitment(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # An invitation to it, a party's own format, a gathering a party hosts: commitments.
        "The Ghanaian president invited his counterpart to attend the Accra Investment Forum in May.",
        "The two ministers will take part in the next Ghana-Nigeria business forum in Lagos in May.",
        "The Nigerian president will attend the ECOWAS summit, which Ghana is hosting in Accra in May.",
        "The Ghanaian minister will take part in the trilateral dialogue with Nigeria and Togo on 12 May.",
    ],
)
def test_an_own_or_invited_gathering_is_still_a_commitment(text):
    assert len(items_after_lead(text)) == 1
