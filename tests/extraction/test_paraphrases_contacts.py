"""Paraphrase sets for rules of #11 read off blind8-10 once blind11 replaced them as the held-out set:
calls reported without the usual verbs ("took a phone call from", "spoke on Tuesday with", "were
discussed by phone", "called his counterpart"), presence as a visit ("will be in Sri Lanka from
tomorrow to Thursday") and ranges of relative days. None of the phrasings is from a corpus."""

import datetime as dt

import pytest
from lead_sentence import items_after_lead

from tracker.domain.model import Kind, Precision
from tracker.extraction import extract
from tracker.temporal import find_time_expressions

D = dt.date
PUBLISHED = D(2024, 3, 6)  # a Wednesday


@pytest.mark.parametrize(
    "text, day",
    [
        (
            "On Tuesday Ghana's foreign minister took a phone call from his Nigerian counterpart.",
            D(2024, 3, 5),
        ),
        (
            "Nigeria's foreign minister received a telephone call on Monday from the Ghanaian minister.",
            D(2024, 3, 4),
        ),
        ("President Mahama of Ghana spoke on Tuesday with President Tinubu of Nigeria.", D(2024, 3, 5)),
        (
            "Trade and security were discussed by phone on Monday between the foreign ministers of Ghana "
            "and Nigeria.",
            D(2024, 3, 4),
        ),
        ("Ghana's foreign minister called his Nigerian counterpart today.", PUBLISHED),
        (
            "Ghana's foreign minister held a long conversation yesterday by teleconference with the "
            "foreign minister of Nigeria.",
            D(2024, 3, 5),
        ),
    ],
)
def test_a_call_reported_in_other_words_is_a_call_meeting(text, day):
    meetings = extract(text, PUBLISHED).meetings
    assert [(m.start, m.end, m.kind, m.city) for m in meetings] == [(day, day, Kind.CALL, None)]
    assert set(meetings[0].parties) == {"GH", "NG"}


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign minister called for calm on Tuesday.",
        "The minister spoke to reporters in Accra on Tuesday.",
        "The so-called Accra process was discussed on Tuesday.",
    ],
)
def test_words_near_a_call_that_report_none(text):
    assert extract(text, PUBLISHED).meetings == []


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("from tomorrow to Friday", D(2024, 3, 7), D(2024, 3, 8)),
        ("from tomorrow (07) to Saturday (09)", D(2024, 3, 7), D(2024, 3, 9)),
        ("from Thursday until Sunday", D(2024, 3, 7), D(2024, 3, 10)),
        ("from Friday through Sunday", D(2024, 3, 8), D(2024, 3, 10)),
        ("from tomorrow till 9 March", D(2024, 3, 7), D(2024, 3, 9)),
    ],
)
def test_a_range_of_relative_days(text, start, end):
    [found] = find_time_expressions(text, PUBLISHED)
    assert (found.window.start, found.window.end, found.window.precision) == (start, end, Precision.DAYS)


def test_relative_days_without_from_stay_apart():
    found = find_time_expressions("tomorrow, and Friday", PUBLISHED)
    assert [f.window.start for f in found] == [D(2024, 3, 7), D(2024, 3, 8)]


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("The Ghanaian minister will be in Nigeria from tomorrow to Friday.", D(2024, 3, 7), D(2024, 3, 8)),
        ("Nigeria's president will be in Accra on 12 and 13 March.", D(2024, 3, 12), D(2024, 3, 13)),
        ("The minister is to be in Abuja on 20 March.", D(2024, 3, 20), D(2024, 3, 20)),
        (
            "Ghana's foreign minister would be in the Nigerian capital from 2 to 4 April.",
            D(2024, 4, 2),
            D(2024, 4, 4),
        ),
        ("President Mahama will be in Lagos next Tuesday.", D(2024, 3, 12), D(2024, 3, 12)),
    ],
)
def test_presence_in_a_place_on_days_is_a_visit(text, start, end):
    [item] = items_after_lead(text)
    assert (item.kind, item.window.start, item.window.end) == (Kind.VISIT, start, end)


def test_presence_restating_a_visit_gives_it_its_days():
    text = (
        "Ghana's foreign minister will make an official visit to Nigeria this month. "
        "The ministry said he will be in Nigeria from 12 to 14 March."
    )
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 3, 12), D(2024, 3, 14))
    assert "be in Nigeria" in item.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "The decision will be in force from 1 April.",
        "The minister said the answer will be in the hands of the parliament by June.",
        "Ghana will be in a position to sign the agreement in May.",
    ],
)
def test_being_in_no_place_is_no_visit(text):
    assert [i for i in items_after_lead(text) if i.kind is Kind.VISIT] == []


def test_presence_beside_another_event_word_takes_that_word_s_kind():
    text = "The minister will be in Abuja on 12 March for the session of the Joint Commission."
    [item] = items_after_lead(text)
    assert item.kind is Kind.COMMISSION


@pytest.mark.parametrize(
    "text, start, end",
    [
        (
            "The session of the Ghana-Nigeria Joint Commission will be held in Accra from 12 to 13 March. "
            "The two foreign ministers will co-chair it on 13 March. On 12 March, a meeting of senior "
            "officials will precede it.",
            D(2024, 3, 12),
            D(2024, 3, 13),
        ),
        (
            "The Ghana-Nigeria summit will take place in Abuja on 4 and 5 April. The presidents will open "
            "the summit on 5 April.",
            D(2024, 4, 4),
            D(2024, 4, 5),
        ),
        (
            "Ghana and Nigeria will hold political consultations in Accra on 20-22 March. The deputy "
            "ministers will chair the consultations on 21 March.",
            D(2024, 3, 20),
            D(2024, 3, 22),
        ),
        (
            "The Ghana-Nigeria Joint Commission will meet in Abuja from 8 to 10 April, and the ministers "
            "will hold talks on 10 April.",
            D(2024, 4, 8),
            D(2024, 4, 10),
        ),
        (
            "The next session of the Joint Commission of Ghana and Nigeria is scheduled for 15-16 May in "
            "Accra. The ministerial segment will open on 16 May.",
            D(2024, 5, 15),
            D(2024, 5, 16),
        ),
    ],
)
def test_a_day_of_an_item_whose_days_are_named_is_part_of_it(text, start, end):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (start, end)


def test_a_day_named_after_a_week_still_dates_the_item():
    text = "Ghana's foreign minister will visit Nigeria next week. The visit will take place on Tuesday."
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 3, 12), D(2024, 3, 12))


def test_a_gathering_of_more_states_beside_a_visit_on_the_same_days_is_its_own_item():
    text = (
        "Senegal's foreign minister will pay an official visit to Ghana from 18 to 20 March. "
        "Ghana will also host the third round of the Ghana-West Africa Dialogue in Accra from 18 to 20 "
        "March, with the foreign ministers of Senegal, Togo, Benin and Nigeria taking part."
    )
    items = items_after_lead(text)
    assert len(items) == 2
    assert {len(item.parties) for item in items} == {2, 5}


@pytest.mark.parametrize(
    "text, visitor",
    [
        ("The foreign minister of Senegal will pay an official visit to Ghana in April.", "SN"),
        ("Senegal's foreign minister will pay an official visit to Nigeria in April.", "SN"),
        ("The Senegalese President is to travel to Accra in April.", "SN"),
        ("Togo's prime minister will visit Abuja next month.", "TG"),
        ("The President of Benin will pay a state visit to Ghana in May.", "BJ"),
    ],
)
def test_the_state_of_the_office_holder_an_item_opens_with_is_a_party(text, visitor):
    [item] = items_after_lead(text)
    assert visitor in item.parties


@pytest.mark.parametrize(
    "credit",
    [
        "(Sputnik - 06th March, 2024)",
        "(UrduPoint News / Sputnik - 06th March, 2024)",
        "(GNA - March 6, 2024)",
        "(NAN, 6 March 2024)",
        "(Pakistan Point News - 6th Mar, 2024)",
    ],
)
def test_a_date_in_the_credit_after_a_dateline_dates_the_dispatch(credit):
    text = (
        f"ACCRA {credit} Nigeria's foreign minister has been invited to visit Accra in the near future, "
        "the Ghanaian foreign minister said."
    )
    [item] = extract(text, PUBLISHED).commitments
    assert (item.window.start, item.window.precision, item.city) == (PUBLISHED, Precision.VAGUE, "Accra")


@pytest.mark.parametrize(
    "text",
    [
        "His visit to Ghana had been scheduled for March 6-7, but Nigeria closed its airspace.",
        "The talks in Accra were originally planned for 6 and 7 March.",
        "The Nigerian minister was to visit Ghana from 6 to 8 March; the trip was called off.",
    ],
)
def test_the_plan_that_was_for_the_publication_day_is_no_meeting(text):
    assert extract(text, PUBLISHED).meetings == []


@pytest.mark.parametrize(
    "text, day",
    [
        ("will meet the Nigerian minister on the 26th.", D(2024, 3, 26)),
        ("on a visit scheduled for the 10th, and then", D(2024, 3, 10)),
        ("The talks are set for the 2nd.", D(2024, 4, 2)),
        ("the summit opens on the 6th", PUBLISHED),
        ("is expected in Accra on the 31st; the minister", D(2024, 3, 31)),
    ],
)
def test_a_bare_day_of_the_month_is_the_next_such_day(text, day):
    [found] = find_time_expressions(text, PUBLISHED)
    assert (found.window.start, found.window.precision) == (day, Precision.DAY)


def test_a_bare_day_of_the_month_said_of_the_past_is_the_last_such_day():
    [found] = find_time_expressions("the ministers met on the 4th.", PUBLISHED, "past")
    assert found.window.start == D(2024, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "the 16th session of the commission",
        "in the 21st century",
        "the 20th anniversary of ties",
        "the 3rd round",
    ],
)
def test_an_ordinal_before_a_noun_is_no_day(text):
    assert find_time_expressions(text, PUBLISHED) == []


def test_between_two_days_with_a_comma_is_a_range():
    [found] = find_time_expressions("between Feb. 3, and Feb. 4, in Washington", PUBLISHED)
    assert (found.window.start, found.window.end) == (D(2025, 2, 3), D(2025, 2, 4))


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria will host the political consultations with Ghana in Abuja on 12 and 13 March. During his "
        "visit to Abuja, the Ghanaian deputy minister is scheduled to pay a courtesy call on the minister.",
        "Nigeria will host the political consultations with Ghana in Abuja on 12 and 13 March. In the course "
        "of the two-day visit, the Ghanaian deputy minister is to meet the Nigerian president.",
        "The Ghana-Nigeria joint commission will meet in Accra in May. During their stay, the Nigerian "
        "delegates will also meet the Speaker of Parliament.",
        "Ghana will host the ECOWAS summit in Accra on 20 April. In the course of his trip, the Nigerian "
        "president is to meet Ghana's vice-president.",
        "The Ghana-Nigeria joint commission will meet in Abuja on 2-3 May. During the three-day visit, the "
        "Ghanaian minister is also expected to call on the Vice-President.",
    ],
)
def test_an_undated_act_of_the_programme_of_a_visit_is_part_of_it(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign minister is paying an official visit to Nigeria, where trade is expected to be on the agenda.",
        "The Nigerian president is on a state visit to Ghana, where he is to address parliament.",
        "Ghana's foreign minister is currently on a working visit to Nigeria.",
        "The Nigerian foreign minister is making his first official visit to Ghana.",
        "Togo's prime minister is on an official visit to Ghana, where the two sides are expected to sign a deal.",
    ],
)
def test_a_visit_under_way_is_a_meeting_of_the_publication_day_not_a_commitment(text):
    found = extract("6 March 2024\n\n" + text, PUBLISHED)
    assert [(m.start, m.kind) for m in found.meetings] == [(PUBLISHED, Kind.VISIT)]
    assert found.commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers are expected to speak to the media after their meeting.",
        "A press conference will follow after the talks.",
        "The minister will brief journalists following the session.",
        "A working lunch is planned before the consultations.",
        "The ministers will hold a joint press conference ahead of the summit.",
    ],
)
def test_a_contact_named_to_time_another_act_is_no_item(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "phrase", ["earlier in the afternoon", "later in the day", "later this evening", "earlier this morning"]
)
def test_earlier_or_later_in_the_day_is_the_publication_day(phrase):
    [found] = find_time_expressions(f"{phrase}, the minister will meet", PUBLISHED)
    assert (found.window.start, found.window.end) == (PUBLISHED, PUBLISHED)


def test_later_that_day_is_not_the_publication_day():
    assert find_time_expressions("later that day, the minister met", PUBLISHED, "past") == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry confirmed today (6 March) that the Ghana-Nigeria consultations at the level of deputy "
        "foreign ministers, long delayed, will take place in Accra on 12 March.",
        "The ministry said on Wednesday (March 6) that the Ghana-Nigeria consultations at the level of deputy "
        "foreign ministers, long delayed, will take place in Accra on 12 March.",
        "Ghana announced today (06.03.2024) that the consultations with Nigeria at the level of deputy "
        "foreign ministers, long delayed, will be held in Accra on 12 March.",
    ],
)
def test_a_date_in_brackets_restates_the_day_before_it(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 3, 12), D(2024, 3, 12))


@pytest.mark.parametrize(
    "verb",
    [
        "will finally take place",
        "will now be held",
        "will eventually take place",
        "will probably be held",
        "will formally open",
    ],
)
def test_an_adverb_between_will_and_the_verb_keeps_the_item(verb):
    [item] = items_after_lead(
        f"The next session of the Ghana-Nigeria Joint Commission {verb} in Accra in May."
    )
    assert (item.window.start, item.window.end) == (D(2024, 5, 1), D(2024, 5, 31))


@pytest.mark.parametrize(
    "text, day",
    [
        ("on the first day of next month", D(2024, 4, 1)),
        ("on the last day of this month", D(2024, 3, 31)),
        ("the first day of the following month", D(2024, 4, 1)),
        ("on the last day of next month", D(2024, 4, 30)),
        ("the 25th of next month", D(2024, 4, 25)),
    ],
)
def test_the_first_or_last_day_of_a_month_named_by_its_place(text, day):
    [found] = find_time_expressions(text, PUBLISHED)
    assert (found.window.start, found.window.end, found.window.precision) == (day, day, Precision.DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's president will visit Nigeria next week. He will arrive on 12 March.",
        "Ghana's president will visit Nigeria next week. According to Abuja, he is to arrive on 12 March.",
        "Ghana's president will visit Nigeria next week, the ministry said. He will arrive in Abuja on 12 March.",
        "Ghana's president will visit Nigeria next week. He is due to arrive on Tuesday.",
        "The Ghanaian president, who will arrive on 12 March, will pay a state visit to Nigeria next week.",
    ],
)
def test_the_day_a_visitor_arrives_dates_the_visit(text):
    [item] = items_after_lead(text)
    assert (item.kind, item.window.start, item.window.end) == (Kind.VISIT, D(2024, 3, 12), D(2024, 3, 12))


@pytest.mark.parametrize(
    "title",
    [
        "European Commission President",
        "ECOWAS Commission President",
        "Joint Committee Chairman",
        "AU Commission Chairperson",
    ],
)
def test_a_body_named_before_a_title_is_no_session_of_it(title):
    text = f"Ghana will host {title} Kofi Mensah for the two-day summit that opens on 12 March."
    [item] = items_after_lead(text)
    assert item.kind is not Kind.COMMISSION


@pytest.mark.parametrize(
    "place, city",
    [
        ("in the capital Accra", "Accra"),
        ("in the Ghanaian capital Accra", "Accra"),
        ("in the port city Takoradi", "Takoradi"),
        ("in the northern city Kano", "Kano"),
        ("in the capital, Abuja,", "Abuja"),
    ],
)
def test_a_city_after_the_capital_or_city_is_the_venue(place, city):
    text = f"The foreign ministers of Ghana and Nigeria held talks on Monday {place} on trade."
    [meeting] = extract(text, PUBLISHED).meetings
    assert meeting.city == city


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign minister took part in the meeting of ECOWAS foreign ministers in Abuja on Monday.",
        "Ghana's foreign minister participated in the session of the ECOWAS Council in Abuja on Monday.",
        "Ghana's foreign minister attended the ECOWAS ministerial meeting in Abuja on Monday.",
        "Ghana's foreign minister headed Ghana's delegation at the ECOWAS ministerial meeting in Abuja on Monday.",
        "Ghana's foreign minister led the Ghanaian delegation to the ECOWAS summit in Abuja on Monday.",
    ],
)
def test_taking_part_in_a_meeting_is_a_contact_on_its_day(text):
    [meeting] = extract(text, PUBLISHED).meetings
    assert (meeting.start, meeting.city) == (D(2024, 3, 4), "Abuja")


def test_the_same_day_looks_back_past_a_sentence_that_names_only_a_year():
    text = (
        "Ghana's foreign minister took part in the ECOWAS ministerial meeting in Abuja on 4 March. "
        "A decision was signed naming Accra the ECOWAS youth capital in 2026. "
        "The same day, he took part in a meeting of the Ghana-Nigeria-Togo format in Abuja."
    )
    meetings = extract(text, PUBLISHED).meetings
    assert [m.start for m in meetings] == [D(2024, 3, 4), D(2024, 3, 4)]


@pytest.mark.parametrize(
    "phrase, months",
    [
        ("in the next months", 6),
        ("over the next months", 6),
        ("within the next few months", 6),
        ("in the next weeks", 2),
        ("within the coming weeks", 2),
    ],
)
def test_the_next_months_or_weeks_are_vague(phrase, months):
    [found] = find_time_expressions(f"the visit is to take place {phrase}", PUBLISHED)
    assert found.window.precision is Precision.VAGUE
    assert found.window.end == D(2024, 3 + months, 5)


@pytest.mark.parametrize(
    "text",
    [
        "The summit will not take place in April, the minister said; it will be held before the end of the year.",
        "The visit will not be in April; it will take place before the end of the year.",
        "The talks would not be held in April but before the end of the year.",
    ],
)
def test_a_time_the_item_will_not_be_is_no_window(text):
    [item] = items_after_lead(text)
    assert item.window.precision is Precision.DEADLINE


def test_no_date_fixed_yet_beside_a_time_keeps_the_item():
    text = "The visit of Ghana's president to Nigeria is to take place in the next months, though no dates have been fixed yet."
    [item] = items_after_lead(text)
    assert item.window.precision is Precision.VAGUE


@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed the forthcoming visit of the President of Ghana to Nigeria.",
        "They reviewed preparations for the upcoming visit of the Nigerian president to Ghana.",
        "The two sides exchanged views on the planned trip by Ghana's prime minister to Abuja.",
        "Particular emphasis was placed on preparing the state visit of Ghana's president, scheduled for April.",
        "The ministers discussed the forthcoming summit of the two countries, which is planned for May.",
    ],
)
def test_a_named_plan_of_the_parties_brought_up_in_talks_is_an_item(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed the forthcoming summit.",
        "They exchanged views on upcoming high-level contacts.",
        "The two sides discussed preparations for forthcoming events at the highest levels.",
    ],
)
def test_an_unnamed_upcoming_event_brought_up_in_talks_stays_a_topic(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize("dateline", ["Accra/GNA/.", "ACCRA/GNA/ -", "Accra /GNA/", "Accra/GHANAWEB/:"])
def test_an_agency_between_slashes_after_a_city_makes_a_dateline(dateline):
    text = f"{dateline} The Nigerian foreign minister today began an official visit to Ghana."
    [meeting] = extract(text, PUBLISHED).meetings
    assert meeting.city == "Accra"


@pytest.mark.parametrize(
    "dateline",
    [
        "Accra [Ghana], Mar 6 (ANI):",
        "Accra [Ghana] March 6 (GNA) -",
        "Accra\nMarch 6, 2024\n\n",
        "Accra\n6 March 2024\n\n",
        "Accra, Ghana, March 6 -",
    ],
)
def test_a_country_in_square_brackets_or_a_date_line_under_the_city_makes_a_dateline(dateline):
    text = f"{dateline} The Nigerian foreign minister met the Ghanaian foreign minister today."
    [meeting] = extract(text, PUBLISHED).meetings
    assert meeting.city == "Accra"
    assert meeting.parties == ["GH", "NG"]


@pytest.mark.parametrize(
    "text",
    [
        "The visit was preceded by consultations between the two foreign ministries on 4 March in Accra.",
        "The summit was preceded by a meeting of Ghanaian and Nigerian foreign ministers on 4 March in Accra.",
        "The talks were followed by a session of the Ghana-Nigeria joint commission on 4 March in Accra.",
    ],
)
def test_a_contact_that_preceded_or_followed_another_is_a_meeting(text):
    meetings = extract("Ghana and Nigeria held talks. " + text, PUBLISHED).meetings
    assert [(m.start, m.city) for m in meetings] == [(D(2024, 3, 4), "Accra")]


@pytest.mark.parametrize(
    "text",
    [
        "The next round of Ghana-Nigeria political consultations took place in Accra on 4 March.",
        "The next session of the Ghana-Nigeria joint commission was held in Abuja on 4 March.",
        "The third meeting between the two foreign ministers was convened in Accra on 4 March.",
    ],
)
def test_a_next_round_whose_own_verb_is_past_is_a_meeting_not_an_item(text):
    found = extract(text, PUBLISHED)
    assert found.commitments == []
    assert [m.start for m in found.meetings] == [D(2024, 3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Trade, visas and energy are among the main topics expected to come up at the talks.",
        "Security issues are likely to be discussed at the summit.",
        "Border questions are set to be raised during the visit.",
    ],
)
def test_what_an_item_is_expected_to_treat_is_no_item(text):
    assert items_after_lead(text) == []


def test_a_plural_of_an_acronym_the_text_defines_is_its_event():
    text = (
        "The Ghana-Nigeria Foreign Office Consultations (FOCs) took place in Accra on 4 March. "
        "The next FOCs will be held in Abuja on mutually convenient dates."
    )
    [item] = extract(text, PUBLISHED).commitments
    assert (item.kind, item.city) == (Kind.CONSULTATIONS, "Abuja")


@pytest.mark.parametrize(
    "text, start",
    [
        ("A ministerial session follows tomorrow.", D(2024, 3, 7)),
        ("The Ghana-Nigeria summit opens next week in Abuja.", D(2024, 3, 11)),
        ("Ghana's foreign minister travels to Abuja next month.", D(2024, 4, 1)),
        ("The joint commission convenes later this month in Accra.", D(2024, 3, 7)),
        ("Nigeria's president visits Accra next week.", D(2024, 3, 11)),
    ],
)
def test_a_present_tense_schedule_with_a_time_ahead_is_an_item(text, start):
    [item] = items_after_lead(text)
    assert item.window.start == start


@pytest.mark.parametrize(
    "text",
    [
        "The session opens with a minute of silence, the ministry said.",
        "The ministry said the minister travels often to Abuja.",
    ],
)
def test_a_present_tense_verb_with_no_time_ahead_is_no_item(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The two foreign ministers will talk again on 12 March.",
        "The negotiators agreed to talk again on 12 March.",
        "The ministers will speak again by phone on 12 March.",
        "The two presidents are to talk on 12 March.",
        "Ghana's and Nigeria's army chiefs will talk again on 12 March at noon.",
    ],
)
def test_talking_again_on_a_day_is_an_item(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (D(2024, 3, 12), D(2024, 3, 12))


def test_talk_as_a_noun_or_of_a_topic_is_no_item():
    assert items_after_lead("The minister will talk about trade with students on 12 March.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The president is set to visit the University of Ghana on Friday before returning home.",
        "On Friday he will visit a cocoa processing factory in Tema.",
        "The minister will also visit the National Museum in Accra on Friday.",
        "The delegation is to visit the Kwame Nkrumah Memorial Park on Friday.",
        "The president will tour the Ghana Institute of Journalism on Friday.",
    ],
)
def test_a_visit_to_a_stop_of_the_programme_is_no_item(text):
    assert items_after_lead(text) == []


def test_a_visit_to_a_city_named_after_a_stop_is_still_an_item():
    [item] = items_after_lead("The president will visit Kumasi, home of the Ashanti museum, on Friday.")
    assert item.kind is Kind.VISIT


@pytest.mark.parametrize(
    "text",
    [
        "ACCRA, March 6 - Ghana's foreign minister began a two-day official visit to Nigeria on Monday.",
        "ACCRA, March 6 - Ghana's president arrived on Monday for a state visit to Togo.",
        "ACCRA: Ghana's foreign minister paid a working visit to Senegal on Monday.",
    ],
)
def test_a_visit_to_another_state_than_the_datelines_does_not_take_its_city(text):
    [meeting] = extract(text, PUBLISHED).meetings
    assert meeting.city is None


def test_a_visit_within_the_datelines_state_keeps_its_city():
    text = "ACCRA, March 6 - Nigeria's foreign minister began a two-day official visit to Ghana on Monday."
    [meeting] = extract(text, PUBLISHED).meetings
    assert meeting.city == "Accra"


@pytest.mark.parametrize("place", ["to the Omani capital of Muscat", "to the capital of Muscat"])
def test_the_capital_of_a_city_is_that_city(place):
    text = f"Iran's foreign minister travelled on Monday {place} for talks with his Omani counterpart."
    [meeting] = extract(text, PUBLISHED).meetings
    assert meeting.city == "Muscat"


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's president will visit Nigeria in May, on a visit agreed with his host at the summit in Davos.",
        "The Nigerian minister will visit Ghana in May, as agreed during their talks in Geneva.",
        "Ghana's foreign minister will pay a visit to Togo in May, his office said in London.",
    ],
)
def test_a_visit_to_a_state_takes_no_city_of_another_state_the_sentence_does_not_name(text):
    [item] = items_after_lead(text)
    assert item.city is None


def test_a_visit_to_two_states_keeps_a_city_of_the_second():
    text = "The minister will visit Togo and Benin in May, for the ECOWAS meeting in Cotonou."
    cities = {item.city for item in items_after_lead(text)}
    assert "Cotonou" in cities
