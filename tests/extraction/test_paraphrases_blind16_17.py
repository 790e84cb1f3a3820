"""Paraphrase sets for rules read off blind16 and blind17 once they became dev data (#11). None of the
phrasings is from a corpus."""

import datetime as dt

import pytest
from lead_sentence import items_after_lead, read

D = dt.date


@pytest.mark.parametrize(
    "text",
    [
        "ACCRA, March 6 - The session of the Ghana-Togo Joint Commission is expected to be held in the coming weeks.",
        "ACCRA, March 6 (GNA) - The meeting of the two foreign ministers is likely to take place later this year, "
        "a spokesman said.",
        "Accra, 6 March 2024 - The summit of ECOWAS leaders, originally due in May, may now be held in July.",
        "ACCRA, March 6 -- Consultations between Ghana and Togo should resume once the border reopens.",
        "ACCRA, March 6 - Talks on the corridor are to follow in the autumn, officials said.",
    ],
)
def test_the_dateline_date_beside_a_contact_to_come_dates_no_meeting(text):
    meetings, _ = read(text)
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "ACCRA, March 6 - Consultations between Ghana and Togo were held in Accra, the ministry said.",
        "ACCRA, March 6 -- Talks between Ghana and Togo took place in Accra.",
    ],
)
def test_a_past_verb_still_takes_the_dateline_date(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 6), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "Journalists were not invited to the meeting.",
        "Observers from Togo were not invited to the consultations.",
        "Representatives of the opposition weren't invited to the talks.",
        "The press was not invited to attend the session.",
        "Ghana's neighbours were never invited to the summit.",
    ],
)
def test_a_negated_invitation_is_no_item(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria invited Ghana's President to a state visit next year.",
        "The two ministers were invited to the summit in Abuja in May.",
    ],
)
def test_an_invitation_is_still_an_item(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "This is the meeting that had first been planned for the end of September, but had to be put off.",
        "The session had first been scheduled for June 3 but was delayed by the floods.",
        "The visit had earlier been set for next month, before the election intervened.",
        "The consultations had at first been expected in May.",
        "The talks had first been planned for the spring.",
    ],
)
def test_a_plan_the_text_says_came_first_gives_no_window(text):
    assert [item.window.precision.value for item in items_after_lead(text)] in ([], ["open"])


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The talks, which had been scheduled for March, will now take place in May.", D(2024, 5, 1)),
        ("The session had been planned for a while, and it will open on April 10.", D(2024, 4, 10)),
    ],
)
def test_the_time_after_an_earlier_plan_is_the_window(text, start):
    assert [item.window.start for item in items_after_lead(text)] == [start]


# Ghana and Togo met on Tuesday; the phrasings below announce their next session twice.
HEADLINE_AND_LEAD = (
    "Ghana and Togo to meet again\n\n"
    "ACCRA, March 6 - Ghana and Togo held political consultations in Accra on Tuesday. "
)


@pytest.mark.parametrize(
    "text",
    [
        "The XII bilateral meeting will take place in the Togolese capital in the last quarter of the year. "
        "Lome will host the next session of the Ghana-Togo joint commission at the end of the year, the two "
        "governments have agreed.",
        "The 12th bilateral meeting will be held in Lome at the end of the year. The joint commission will "
        "meet in Lome in the last quarter of the year.",
        "The two ministers will meet again in Lome in October. The next session of the joint commission is "
        "to take place in Lome in October.",
        "The ministers said their next bilateral meeting would be in Lome in 2025. The fifth session of the "
        "joint commission will be held in Lome in 2025.",
        "A new round of the joint commission will be held in Lome next month. The two foreign ministers are "
        "to meet in Lome next month.",
    ],
)
def test_a_meeting_and_a_session_at_the_same_time_and_place_are_one_item(text):
    items = read(HEADLINE_AND_LEAD + text)[1]
    assert [item.city for item in items] == ["Lomé"]


@pytest.mark.parametrize(
    "text",
    [
        "The joint commission will meet in Lome at the end of the year. Technical teams will meet in Accra at "
        "the end of the year.",
        "The joint commission will meet in Lome at the end of the year. Experts will meet in Lome in March.",
    ],
)
def test_a_meeting_at_another_time_or_place_beside_a_session_is_another_item(text):
    assert len(read(HEADLINE_AND_LEAD + text)[1]) == 2


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Talks will be held in the Togolese capital in May.", "Lomé"),
        ("The summit is to take place in the Beninese capital next year.", "Porto-Novo"),
        ("The next round will be held in the Kenyan capital in June.", "Nairobi"),
    ],
)
def test_the_capital_named_by_its_state_s_adjective(text, city):
    assert [item.city for item in items_after_lead(text)] == [city]


@pytest.mark.parametrize(
    "text",
    [
        "According to the official daily Graphic today, the next session will take place in Lome in October.",
        "According to the state news agency GNA today, the two ministers will meet again in October.",
        "According to the Accra-based newspaper the Chronicle on Wednesday, the summit will be held in May.",
    ],
)
def test_the_day_a_source_reported_dates_no_meeting(text):
    meetings, items = read(HEADLINE_AND_LEAD + text)
    assert [m.start for m in meetings] == [D(2024, 3, 5)]
    assert len(items) == 1


@pytest.mark.parametrize(
    "text",
    [
        "According to the minister, the joint commission is expected to resolve residual problems.",
        "The border committee will settle the question of the assets.",
        "The joint commission would also tackle the issue of refugees.",
        "The working group is expected to resolve the remaining questions on the border.",
        "The commission will resolve the dispute over water, the minister said.",
    ],
)
def test_a_task_set_for_a_body_is_no_item(text):
    assert items_after_lead(text) == []


def test_a_session_with_a_time_and_a_task_is_still_an_item():
    items = items_after_lead(
        "The joint commission will meet in Lome in May and will resolve the border question."
    )
    assert [(item.window.start, item.city) for item in items] == [(D(2024, 5, 1), "Lomé")]


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister will meet Togo's president next week to discuss a proposal his government sent to "
        "Lome this week.",
        "The minister will meet his counterpart next week about the letter delivered to Lome on Monday.",
        "Togo's president will meet Mahama next week to discuss the note Ghana handed to Lome.",
        "The two ministers will meet next week, a press release issued in Lome said on Thursday.",
        "The two ministers will meet next week, the official statement released in Lome said.",
    ],
)
def test_where_a_paper_was_sent_or_a_release_issued_is_no_venue(text):
    assert [item.city for item in items_after_lead(text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana will send a delegation to Lome for talks next week.",
        "The two ministers will meet in Lome next week, a press release said.",
    ],
)
def test_a_venue_beside_a_sending_or_a_release_is_still_read(text):
    assert [item.city for item in items_after_lead(text)] == ["Lomé"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "He will visit Togo in the second half of the year, possibly in August.",
            D(2024, 8, 1),
            D(2024, 8, 31),
        ),
        ("The talks will be held in spring, most likely in April.", D(2024, 4, 1), D(2024, 4, 30)),
        ("The summit is planned for the autumn, probably in October.", D(2024, 10, 1), D(2024, 10, 31)),
        ("The talks will be held in May, possibly on May 12.", D(2024, 5, 12), D(2024, 5, 12)),
        ("The commission will meet later this year, perhaps in November.", D(2024, 11, 1), D(2024, 11, 30)),
    ],
)
def test_a_hedged_time_inside_the_window_narrows_it(text, start, end):
    assert [(item.window.start, item.window.end) for item in items_after_lead(text)] == [(start, end)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The talks will be held in spring or possibly in June.", D(2024, 3, 1), D(2024, 6, 30)),
        ("The talks will be held in spring, possibly in a third country.", D(2024, 3, 1), D(2024, 5, 31)),
    ],
)
def test_an_alternative_or_a_hedge_without_a_time_keeps_the_window(text, start, end):
    assert [(item.window.start, item.window.end) for item in items_after_lead(text)] == [(start, end)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana would propose dates for the next consultations after the parliamentary elections in Ghana, which "
        "are set to take place on 14 November.",
        "The summit will take place after the presidential election in May.",
        "The commission will meet after the vote scheduled for March 3.",
        "Togo will host the next round once the referendum, which is due to be held in June, is over.",
        "The visit will follow the general elections set for October 7.",
    ],
)
def test_the_day_of_a_vote_the_item_waits_for_is_not_its_window(text):
    assert [item.window.precision.value for item in items_after_lead(text)] == ["open"]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The talks will be held on 14 November, after the elections.", D(2024, 11, 14)),
        ("The ministers will meet in May to discuss the elections.", D(2024, 5, 1)),
    ],
)
def test_an_item_dated_beside_a_vote_keeps_its_date(text, start):
    assert [item.window.start for item in items_after_lead(text)] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday Ghana's Foreign Minister sat down with his Togolese counterpart in Accra.",
        "Ghana's President sat down with Togo's Prime Minister on Tuesday to review the corridor.",
        "Togo's Foreign Minister sat down with Ghanaian President Mahama in Accra on Tuesday.",
        "ACCRA, March 6 - Togo's envoy sat down with Ghanaian Foreign Minister Ablakwa yesterday.",
        "On Tuesday, Minister Ablakwa of Ghana sat down with Minister Dussey of Togo for two hours.",
    ],
)
def test_sitting_down_with_someone_on_a_day_is_a_meeting(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 5), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "Today in Accra I welcomed Togo's Deputy Prime Minister and Minister of Foreign Affairs for our consultations.",
        "Today I welcomed Togo's Deputy Foreign Minister, Mr Dussey, to Accra.",
        "ACCRA, March 6 - This morning Ghana's President received Togo's Deputy Prime Minister and Foreign "
        "Minister at the Jubilee House.",
    ],
)
def test_welcoming_a_guest_titled_at_length_today_is_a_meeting(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 6), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "16:40\n\nBorder talks in Accra\n\nA meeting of the border commission of Ghana and Togo is taking place "
        "in Accra, the government's press service reported.",
        "Border talks in Accra\n\nConsultations between Ghana and Togo are currently taking place in Accra.",
        "Border talks in Accra\n\nThe Ghana-Togo joint commission is in session in Accra, the ministry said.",
    ],
)
def test_a_contact_taking_place_as_the_text_is_written_is_a_meeting_of_the_day(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 6), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "Border talks\n\nDiscussions are taking place between Ghana and Togo on holding the next joint commission.",
        "Border talks\n\nA very close dialogue between Ghana and Togo is under way, the minister said.",
        "Border talks\n\nArrangements for a call between the presidents of Ghana and Togo are under way.",
    ],
)
def test_a_process_under_way_is_no_meeting(text):
    meetings, _ = read(text)
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's President declared in Accra on Tuesday, when Togo's Foreign Minister paid him a courtesy visit, "
        "that the border would stay open.",
        "Togo's Foreign Minister paid her a courtesy visit in Accra on Tuesday.",
    ],
)
def test_paying_someone_a_visit_is_a_contact(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 5), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "The next session of the Ghana-Togo commission will be held in Accra on Thursday, chaired by the two "
        "foreign ministers.",
        "Talks between Ghana and Togo will take place in Lome on Monday, hosted by the Togolese President.",
        "The summit of Ghana and Togo is to open in Accra on Friday, attended by both heads of state.",
        "Ghana and Togo will hold consultations on Thursday, led by their deputy ministers.",
    ],
)
def test_a_participle_of_an_act_to_come_dates_no_past_meeting(text):
    meetings, items = read(text)
    assert meetings == [] and len(items) == 1


def test_a_past_participle_in_its_own_clause_still_dates_a_meeting():
    meetings, _ = read(
        "The ministers will review the decisions of the commission that was co-chaired by the presidents of "
        "Ghana and Togo in Accra on 3 December 2023."
    )
    assert [(m.start, m.city) for m in meetings] == [(D(2023, 12, 3), "Accra")]


@pytest.mark.parametrize(
    "text",
    [
        "Closer cooperation was agreed on Tuesday by the foreign ministers of Ghana and Togo. After four hours "
        "of talks, they announced a regional meeting that would be jointly hosted by Lome and Accra next year.",
        "Ghana and Togo agreed on Tuesday to fight piracy. A follow-up conference will be held in Lome in May.",
        "Ghana and Togo agreed on Tuesday to fight piracy. The next round is to be hosted by Lome in the autumn.",
    ],
)
def test_the_venue_of_a_meeting_to_come_nearby_is_not_the_days(text):
    meetings, _ = read(text)
    assert [(m.start, m.city) for m in meetings] == [(D(2024, 3, 5), None)]


def test_a_venue_named_nearby_for_the_days_meeting_is_still_read():
    meetings, _ = read("Ghana and Togo agreed on Tuesday to fight piracy. The talks were hosted by Lome.")
    assert [(m.start, m.city) for m in meetings] == [(D(2024, 3, 5), "Lomé")]


@pytest.mark.parametrize(
    "text",
    [
        "The plan leads to the ministerial meeting, to be held in May in Lome, and to the summit, in October in Accra.",
        "The ministers will prepare the joint commission, to be held in May in Lome, and the summit, in October "
        "in Accra.",
        "Ghana will host the consultations, in May in Lome, and the summit, in October in Accra.",
        "The sides agreed on the next round of talks, to be held in May in Lome, and on a summit, in October in "
        "Accra.",
        "Work will lead up to the ministerial session, to be held in May in Lome, and to the leaders' summit, "
        "in October in Accra.",
    ],
)
def test_an_act_joined_by_and_with_a_time_of_its_own_is_a_second_item(text):
    items = items_after_lead(text)
    assert sorted((item.window.start, item.city) for item in items) == [
        (D(2024, 5, 1), "Lomé"),
        (D(2024, 10, 1), "Accra"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will prepare the joint commission, to be held in May in Lome, and the summit.",
        "The ministers will prepare the joint commission, to be held in May in Lome, and the summit, in May.",
    ],
)
def test_an_act_joined_by_and_without_a_time_of_its_own_is_no_second_item(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Meeting in Accra on Wednesday, the ministers of Ghana and Togo agreed to begin an expert dialogue by the "
        "end of this month.",
        "At talks in Accra today, Ghana and Togo agreed that experts would meet by the end of this month.",
        "Ghana and Togo agreed that they would begin a dialogue by the end of this month, and that another "
        "meeting such as today's would follow.",
        "Ghana and Togo agreed to set up a working group by the end of this month, building on today's talks.",
    ],
)
def test_a_day_of_the_contact_reported_does_not_narrow_a_deadline(text):
    assert [(item.window.start, item.window.end) for item in items_after_lead(text)][:1] == [
        (D(2024, 3, 6), D(2024, 3, 31))
    ]


def test_a_day_after_a_wider_window_still_narrows_it():
    items = items_after_lead(
        "The talks will be held in Abuja this month, with the ministers meeting on 20 March."
    )
    assert [(item.window.start, item.window.end) for item in items] == [(D(2024, 3, 20), D(2024, 3, 20))]


@pytest.mark.parametrize(
    "text",
    [
        "Progress on the Plan of Action (2021-2025) was reported at the meeting of Ghana and Togo held on 5 March "
        "in Accra.",
        "Under the 2021-2025 programme, Ghana and Togo met on 5 March in Accra.",
        "The 2020-2024 road map was reviewed when the ministers of Ghana and Togo met in Accra on 5 March.",
    ],
)
def test_a_term_of_years_gives_no_year_to_a_day(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 5)]


def test_a_single_year_before_a_day_still_gives_it_its_year():
    meetings, _ = read("Talks resumed in 2021, when the ministers of Ghana and Togo met in Accra on 5 March.")
    assert [m.start for m in meetings] == [D(2021, 3, 5)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Accra expects the Togolese minister's visit on 21 and 22 May.", D(2024, 5, 21)),
        ("Ghana awaits the Togolese President's state visit in June.", D(2024, 6, 1)),
        ("The ministry is expecting the Togolese delegation's visit on 14 April.", D(2024, 4, 14)),
        ("Ghana is awaiting the visit of Togo's Prime Minister next month.", D(2024, 4, 1)),
        ("Accra expects the next round of consultations in the autumn.", D(2024, 9, 1)),
    ],
)
def test_an_act_awaited_by_its_host_is_an_item(text, start):
    assert [item.window.start for item in items_after_lead(text)] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana expects the border to reopen soon.",
        "Accra expects that trade will grow this year.",
        "Togo awaits the results of the census in May.",
    ],
)
def test_what_is_expected_that_is_no_act_is_no_item(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Lome is where the ministers of Ghana and Togo are scheduled to meet on 25 March.",
        "Lome, Togo, is where the two presidents will hold talks on 25 March.",
        "Lome will be where the joint commission meets on 25 March.",
        "Lome is the city where the next round will take place on 25 March.",
    ],
)
def test_a_city_said_to_be_where_an_act_takes_place_is_its_venue(text):
    assert [item.city for item in items_after_lead(text)] == ["Lomé"]


def test_a_city_where_something_else_happens_is_no_venue():
    items = items_after_lead(
        "The ministers will meet on 25 March to discuss Lome, where the port is being expanded."
    )
    assert [item.city for item in items] == [None]


@pytest.mark.parametrize(
    "text",
    [
        'The summit will take place on 6 August in the "Lome" conference zone.',
        "The talks will be held in \u201cLome\u201d on 6 August.",
        'The ministers will meet at the "Lome" resort on 6 August.',
    ],
)
def test_a_venue_in_quotes_is_read(text):
    assert [item.city for item in items_after_lead(text)] == ["Lomé"]


@pytest.mark.parametrize(
    "text",
    [
        "The commission will also take up the directives the two presidents issued during Mahama's visit to Lome "
        "in May.",
        "The talks will build on the agreements reached during the President's visit to Lome in May.",
        "The ministers will review the decisions taken at the summit in Lome in May.",
        "They will follow up the pledges made on the sidelines of the summit in Lome in May.",
    ],
)
def test_a_contact_where_a_past_act_was_done_is_no_item(text):
    assert [item.window.start for item in items_after_lead(text)] != [D(2024, 5, 1)]


def test_a_contact_named_after_a_pledge_verb_is_still_an_item():
    items = items_after_lead("The two presidents agreed during the talks to meet again in Lome in May.")
    assert [item.window.start for item in items] == [D(2024, 5, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana, Togo agree to hold joint commission soon\n\nACCRA, March 6 - The next session of the Ghana-Togo "
        "joint commission will be convened in Lome, the two ministers agreed on Tuesday.",
        "Ghana and Togo to hold joint commission in May\n\nACCRA, March 6 - The next session of the Ghana-Togo "
        "joint commission will be convened in Lome, the two ministers agreed on Tuesday.",
    ],
)
def test_an_item_without_a_time_takes_the_time_its_headline_gives(text):
    items = read(text)[1]
    assert [(item.window.is_open, item.city) for item in items] == [(False, "Lomé")]


@pytest.mark.parametrize(
    "text",
    [
        "The fourth session of the joint commission is to be held from 6 to 7 June at the Ministry of Foreign "
        "Affairs of Togo, Lome.",
        "The talks will take place on 6 June at the Palace of the Nation, Lome.",
        "The summit will be held in the Hotel Sarakawa, Lome, on 6 June.",
    ],
)
def test_the_city_after_a_building_is_the_venue(text):
    assert [item.city for item in items_after_lead(text)] == ["Lomé"]


@pytest.mark.parametrize(
    "text",
    [
        "The minister took a telephone call on Friday from his Togolese counterpart, who asked him to visit Lome.",
        "The President received a phone call on Monday from Togo's leader, who invited him to visit Lome.",
        "The minister had a brief telephone conversation on Friday with Togo's minister, who proposed a visit.",
    ],
)
def test_a_day_after_a_past_phone_call_dates_the_call_not_the_item(text):
    assert [item.window.precision.value for item in items_after_lead(text)] == ["open"]


@pytest.mark.parametrize(
    "text",
    [
        "Togolese ministers for three-day Ghana visit from today\n\nThree Togolese ministers are expected to "
        "begin an official visit to Ghana today, to continue consultations on the sectors agreed upon by the "
        "two presidents.",
        "Togolese ministers for three-day Ghana visit from today\n\nTogo's foreign minister is due to start a "
        "visit to Ghana this morning, to continue the talks agreed upon by President Mahama and President Faure.",
    ],
)
def test_the_contact_of_the_day_told_ahead_is_a_meeting_not_an_item(text):
    meetings, items = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 6)]
    assert [item for item in items if item.kind.value == "visit"] == []


def test_an_invitation_told_today_is_still_an_item():
    text = (
        "ACCRA, March 6 - Togo's President is on a visit to Ghana. He accepted an invitation to pay a visit to "
        "Lome at a date yet to be decided, President Mahama was told today."
    )
    assert [item.firmness.value for item in read(text)[1]] == ["invited"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The talks will take place on 6 June at the Sheraton, which is owned by investors from Lome.", None),
        ("A delegation from Lome will visit Accra in May.", "Accra"),
        ("We plan to hold a meeting in May with an official from Lome.", None),
        ("The Togolese minister, who will fly in from Lome, will meet Mahama in Accra in May.", "Accra"),
    ],
)
def test_where_someone_comes_from_is_no_venue(text, city):
    assert [item.city for item in items_after_lead(text)] == [city]
