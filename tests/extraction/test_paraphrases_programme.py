"""Paraphrase sets for rules read off blind11 once it became dev data (#11). None of the phrasings is
from a corpus."""

import datetime as dt

import pytest

from tracker.extraction import extract

D = dt.date
PUBLISHED = D(2024, 3, 6)  # a Wednesday
VISIT = "The President of Ghana will pay a state visit to Nigeria on 12-13 March. "


def read(text):
    found = extract(text, PUBLISHED)
    return found.meetings, found.commitments


@pytest.mark.parametrize(
    "programme",
    [
        "He will also meet representatives of the Ghanaian community in Lagos.",
        "His schedule includes a session with the Nigeria-Ghana business council.",
        "The two presidents will hold a joint press conference, and a state banquet will be held in Abuja.",
        "While in Abuja, the delegation will take part in a session of the joint trade committee.",
        "The visit is set to close with the signing of an agreement on energy.",
        "The president is also due to address a business forum in Lagos.",
        "Officials of the two countries will sign several memoranda of understanding.",
    ],
)
def test_an_undated_act_after_an_announced_item_is_part_of_its_programme(programme):
    _, commitments = read(VISIT + programme)
    assert [(c.kind.value, c.window.start) for c in commitments] == [("visit", D(2024, 3, 12))]


@pytest.mark.parametrize(
    "pledge, kind",
    [
        (
            "The two presidents agreed to hold the next session of the joint commission in Accra.",
            "commission",
        ),
        ("He invited President Tinubu to pay a return visit to Ghana.", "visit"),
        ("Both sides look forward to the next round of political consultations in Accra.", "consultations"),
        ("The foreign ministers are expected to hold talks again in Accra.", "talks"),
        ("Ghana proposed that the joint commission meet in Accra.", "commission"),
    ],
)
def test_an_undated_pledge_after_an_announced_item_stays_an_item(pledge, kind):
    _, commitments = read(VISIT + pledge)
    assert sorted(c.kind.value for c in commitments) == sorted(["visit", kind])


def test_an_undated_act_the_body_opens_with_stays_an_item():
    """The first item of the body has no item before it to be part of."""
    _, commitments = read("The President of Ghana will pay a state visit to Nigeria.")
    assert [c.kind.value for c in commitments] == ["visit"]


def test_a_later_mention_of_the_announced_item_still_gives_its_city():
    _, commitments = read(
        "The President of Ghana will pay an official visit to Nigeria in April. "
        "The talks of the two presidents will be followed by the state visit of the Ghanaian president to Abuja."
    )
    assert [(c.kind.value, c.city) for c in commitments] == [("visit", "Abuja")]


@pytest.mark.parametrize(
    "text",
    [
        "Accra is hosting the third round of political consultations between Ghana and Nigeria on Wednesday.",
        "Talks between Ghana and Nigeria opened in Abuja this morning.",
        "Nigeria offered Ghana land for its embassy after a meeting of the two presidents in Abuja this morning.",
        "Ghana hosts today the annual meeting of the Ghana-Nigeria joint commission in Accra.",
        "Ghana's foreign minister took part on Wednesday, 6 March, in Abuja, in a trilateral meeting with "
        "Nigeria and Togo.",
    ],
)
def test_a_contact_dated_to_the_publication_day_in_any_tense_is_a_meeting(text):
    meetings, commitments = read(text)
    assert [(m.start, m.end) for m in meetings] == [(PUBLISHED, PUBLISHED)]
    assert commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria's minister said so on the margins of a meeting with parliament in Abuja on Wednesday.",
        "On Wednesday, Ghana and Nigeria announced that a mechanism had been set up for regular meetings.",
        "In the meeting, whose readout the ministry released on Wednesday, Ghana and Nigeria reviewed trade.",
        "His schedule for today and the next few days includes several meetings with Nigerian officials.",
        "Parliament on Wednesday adopted, at its plenary session, the law on the embassy in Abuja.",
    ],
)
def test_a_day_of_the_publication_that_dates_a_report_or_another_act_gives_no_meeting(text):
    meetings, _ = read(text)
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "The question of holding the third session of the Ghana-Nigeria joint commission was discussed as well.",
        "The sides exchanged views on the preparations for the fifth meeting of the heads of the two ministries.",
        "Also on the agenda was the organization of the 8th meeting of the joint commission in Accra.",
        "The ministers discussed issues concerning the convening of the fourth round of consultations.",
        "They reviewed the preparations for the 12th session of the Ghana-Nigeria permanent commission.",
    ],
)
def test_an_act_of_a_series_the_talks_took_up_is_an_item(text):
    _, commitments = read(text)
    assert len(commitments) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The discussions focused on efforts to revitalise the Ghana-Nigeria joint commission.",
        "The ministers discussed the forthcoming elections in Togo.",
        "The talks touched on the upcoming summit of the African Union.",
    ],
)
def test_a_topic_of_the_talks_that_names_no_act_of_a_series_is_no_item(text):
    _, commitments = read(text)
    assert commitments == []


MET_TODAY = "The foreign ministers of Ghana and Nigeria met in Abuja today. "


@pytest.mark.parametrize(
    "text",
    [
        "Tomorrow the Ghanaian minister will meet his Nigerian counterpart again.",
        "A ministerial session of the Ghana-Nigeria commission follows tomorrow.",
        "On the next day, Thursday, 7 March, the ministers of Ghana and Nigeria will hold a trilateral meeting "
        "with Togo.",
        "The Ghana-Nigeria joint commission will meet on 8 March.",
        "The two presidents will hold talks on Friday.",
    ],
)
def test_an_act_of_the_next_few_days_placed_nowhere_takes_the_city_of_the_stay(text):
    _, [item] = read(MET_TODAY + text)
    assert item.city == "Abuja"


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed to meet again next week.",
        "The Ghana-Nigeria joint commission will meet on 20 March.",
        "The Ghanaian president will pay a state visit to Nigeria on Friday.",
    ],
)
def test_a_later_act_a_week_or_a_visit_takes_no_city_of_the_stay(text):
    _, [item] = read(MET_TODAY + text)
    assert item.city is None


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign minister and his wife are on a two-day official visit to Nigeria at the invitation of "
        "the Nigerian foreign minister.",
        "The President of Ghana is paying a state visit to Nigeria.",
        "Ghana's foreign minister is on a working visit to Nigeria.",
        "The Ghanaian vice-president is currently on an official visit to Nigeria upon the invitation of his "
        "Nigerian counterpart.",
        "Ghana's defence minister is making his first official visit to Nigeria.",
    ],
)
def test_a_visit_the_present_tense_reports_under_way_is_a_meeting_of_the_publication_day(text):
    meetings, commitments = read(text)
    assert [(m.start, m.kind.value) for m in meetings] == [(PUBLISHED, "visit")]
    assert commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "A working visit to Nigeria on Thursday, at which trade will be reviewed, is on the schedule of the "
        "President of Ghana.",
        "A state visit to Nigeria on Friday is on the programme of the Ghanaian president.",
        "Talks with the Nigerian foreign minister on Thursday are on the schedule of Ghana's foreign minister.",
        "An official visit to Nigeria on Saturday is on the program of the Ghanaian vice-president.",
        "A meeting with the Nigerian president on Friday is on the schedule of the President of Ghana.",
    ],
)
def test_a_weekday_of_what_is_on_someones_schedule_lies_ahead(text):
    meetings, [item] = read(text)
    assert meetings == []
    assert item.window.start > PUBLISHED


def test_a_weekday_of_a_contact_a_past_verb_reports_stays_past():
    meetings, _ = read(
        "Ghana's president met the Nigerian president on Monday; trade is on the schedule of both."
    )
    assert [m.start for m in meetings] == [D(2024, 3, 4)]


STAY = "The Ghanaian foreign minister arrived in Nigeria on Tuesday on a two-day official visit. "


@pytest.mark.parametrize(
    "contacts",
    [
        "On Wednesday he met Foreign Minister Tuggar. On Wednesday afternoon he paid a courtesy call on "
        "President Tinubu.",
        "He held talks with Foreign Minister Tuggar on Wednesday. On Wednesday evening he was received by "
        "President Tinubu.",
        "On Wednesday morning the minister met Vice-President Shettima. Later on Wednesday he called on "
        "President Tinubu.",
        "The minister had a meeting with Senate President Akpabio on Wednesday. On Wednesday he also met "
        "Foreign Minister Tuggar.",
        "On Wednesday the minister conferred with Speaker Abbas. He met Foreign Minister Tuggar on Wednesday too.",
    ],
)
def test_contacts_with_other_persons_on_a_day_of_a_stay_are_meetings_of_their_own(contacts):
    meetings, _ = read(STAY + contacts)
    assert sorted((m.start, m.end) for m in meetings) == [
        (D(2024, 3, 5), PUBLISHED),
        (PUBLISHED, PUBLISHED),
        (PUBLISHED, PUBLISHED),
    ]


def test_mentions_of_one_contact_with_the_same_person_stay_one_meeting():
    meetings, _ = read(
        "On Wednesday the Ghanaian minister met Foreign Minister Tuggar in Abuja. "
        "Tuggar and the Ghanaian minister also met on Wednesday to discuss trade."
    )
    assert len(meetings) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The possibility of a visit by the President of Ghana to Nigeria in early 2025 was discussed.",
        "Preparations for the visit of the Nigerian president to Ghana in March 2025 were also discussed.",
        "The upcoming session of the Ghana-Nigeria joint commission in Accra in the first half of 2025 was reviewed.",
        "The planned state visit by the Ghanaian president to Nigeria in 2025 was discussed as well.",
        "The next session of the joint commission in Abuja in May 2025 was welcomed by both sides.",
    ],
)
def test_a_stated_year_ahead_is_the_time_of_the_plan_not_of_the_past_verb_after_it(text):
    _, [item] = read(text)
    assert item.window.start is not None and item.window.start.year == 2025


def test_a_weekday_before_a_past_verb_still_dates_the_past_act():
    _, commitments = read(
        "On Wednesday, the minister received the ambassador of Nigeria to discuss the visit."
    )
    assert all(c.window.start is None for c in commitments)


@pytest.mark.parametrize(
    "gathering",
    [
        "The diplomats reviewed the preparations for the Ghana-Nigeria-Togo trilateral meeting, which is "
        "scheduled to take place in Lome.",
        "A trilateral summit of Ghana, Nigeria and Togo will be held in Lome.",
        "Ghana, Nigeria and Benin will hold a tripartite meeting in Cotonou.",
        "A quadrilateral meeting of Ghana, Nigeria, Togo and Benin will take place in Lome.",
        "The presidents of Ghana, Nigeria and Togo will hold a three-way meeting in Lome.",
    ],
)
def test_a_gathering_of_more_states_is_no_part_of_a_bilateral_visit(gathering):
    _, commitments = read("The President of Ghana will pay an official visit to Nigeria. " + gathering)
    assert len(commitments) == 2


@pytest.mark.parametrize(
    "text, day",
    [
        ("The foreign ministers of Ghana and Nigeria agreed on Wednesday to widen their cooperation.", 6),
        ("The Ghanaian president and the Nigerian president agreed on Monday to boost cooperation.", 4),
        (
            "On Tuesday the deputy foreign ministers of Ghana, Nigeria and Togo pledged to step up cooperation.",
            5,
        ),
        ("Ghana and Nigeria vowed on Monday to fight piracy together.", 4),
        (
            "On Monday, Ghana's minister and his Nigerian counterpart agreed to speed up the border demarcation.",
            4,
        ),
    ],
)
def test_two_states_agreeing_on_a_day_met_that_day(text, day):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)[:2]) for m in meetings] == [(D(2024, 3, day), ["GH", "NG"])]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Nigeria agreed in 2019 to open embassies in each other's capitals.",
        "Ghana agreed on Monday to reopen its border.",
    ],
)
def test_an_agreement_without_a_day_or_of_one_state_is_no_meeting(text):
    meetings, _ = read(text)
    assert meetings == []


def test_an_agreement_beside_a_contact_is_that_contact():
    meetings, _ = read("The ministers of Ghana and Nigeria met on Monday and agreed to boost trade.")
    assert [m.start for m in meetings] == [D(2024, 3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian and Nigerian officials met in Accra yesterday, ahead of the state visit the President of Ghana "
        "is expected to make to Nigeria next month.",
        "The ministers of Ghana and Nigeria met in Accra on Monday, and the Ghanaian president will visit "
        "Nigeria in April.",
        "Ghanaian and Nigerian experts gathered in Accra last week; the President of Ghana will pay a state "
        "visit to Nigeria in May.",
        "Experts of Ghana and Nigeria convened in Accra on Monday, and the Ghanaian president will pay a state "
        "visit to Nigeria next month.",
        "Ghanaian and Nigerian diplomats met in Accra on Tuesday; the Ghanaian foreign minister will pay an "
        "official visit to Nigeria in June.",
    ],
)
def test_the_city_of_a_past_meeting_is_not_where_a_visit_abroad_goes(text):
    _, commitments = read(text)
    assert commitments and all(c.city != "Accra" for c in commitments)


@pytest.mark.parametrize(
    "first, second",
    [
        ("the State of Kuwait", "Kuwait"),
        ("the Kingdom of Saudi Arabia", "Saudi Arabia"),
        ("the Republic of Korea", "South Korea"),
        ("the Kyrgyz Republic", "Kyrgyzstan"),
        ("the United States of America", "the United States"),
    ],
)
def test_two_mentions_of_a_visit_to_one_state_by_two_names_are_one_item(first, second):
    _, commitments = read(
        f"The Sultan of Oman will go on a state visit to {first} on Monday, 11 March. "
        f'"The Sultan will pay a state visit to {second} with effect from Monday, 11 March," the court said.'
    )
    assert len(commitments) == 1


def test_visits_to_two_states_stay_two_items():
    _, commitments = read(
        "The Sultan of Oman will visit the State of Kuwait on Monday, 11 March. "
        "The Sultan will also visit the Kingdom of Bahrain on Monday, 11 March."
    )
    assert len(commitments) == 2


@pytest.mark.parametrize(
    "text, day",
    [
        (
            "The Ghanaian city of Kumasi hosted the informal seminar of the foreign ministries of Ghana and "
            "Nigeria on 4 March 2024.",
            4,
        ),
        (
            "The sides reviewed the decisions of the previous sitting of the Ghana-Nigeria commission, held on "
            "4 March 2024.",
            4,
        ),
        (
            "On March 6 a delegation headed by Ghana's Prime Minister left for Abuja on a one-day working visit to "
            "Nigeria.",
            6,
        ),
        (
            "The seventh seminar of the Ghanaian and Nigerian foreign ministries took place in Kumasi on Monday.",
            4,
        ),
        ("Ghana's foreign minister left for Abuja on Tuesday for talks with his Nigerian counterpart.", 5),
    ],
)
def test_a_seminar_a_sitting_or_a_departure_on_a_day_is_a_meeting(text, day):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, day)]


def test_leaving_for_home_is_no_visit():
    meetings, _ = read("After the talks on Monday, the Ghanaian minister left for home.")
    assert [m.kind.value for m in meetings] == ["talks"]


@pytest.mark.parametrize(
    "leg",
    [
        "In Lome, they will meet President Faure Gnassingbe.",
        "In Cotonou, the minister will hold talks with President Talon.",
        "In Ouagadougou, the minister will meet President Traore.",
        "In Niamey, the delegation will meet the foreign minister of Niger.",
        "In Bamako, the delegation will hold talks with the foreign minister of Mali.",
    ],
)
def test_an_act_in_another_state_after_a_stay_is_the_next_leg_of_a_tour(leg):
    _, commitments = read("While in Accra, the Nigerian minister will meet President Mahama. " + leg)
    assert len(commitments) == 2


@pytest.mark.parametrize(
    "caption",
    [
        "Ghana's foreign minister (left) meets with Nigerian President Tinubu yesterday in Abuja.",
        "President Mahama (right) meets the Nigerian foreign minister yesterday at the Jubilee House in Accra.",
        "The Ghanaian minister (right) holds talks with his Nigerian counterpart yesterday in Abuja.",
        "Foreign Minister Ablakwa meets Nigeria's Tuggar in Abuja yesterday.",
        "Photo: the Ghanaian president meets the Nigerian vice-president yesterday in Accra.",
    ],
)
def test_a_caption_in_the_present_with_yesterday_is_a_past_meeting(caption):
    meetings, _ = read(caption)
    assert [m.start for m in meetings] == [D(2024, 3, 5)]


def test_meets_with_a_day_ahead_is_no_past_meeting():
    meetings, _ = read("Ghana's foreign minister meets his Nigerian counterpart in Abuja next Tuesday.")
    assert meetings == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Later on Monday the Nigerian minister is scheduled to leave for Togo.", "visit"),
        ("The Nigerian minister will leave for Lome on Friday.", "visit"),
        ("A trade and investment mission will be dispatched by Ghana to Nigeria in early 2025.", "visit"),
        ("Ghana will send a business mission to Nigeria in April.", "visit"),
        (
            "The two presidents directed the Joint Permanent Commission of the two countries to convene a meeting.",
            "commission",
        ),
    ],
)
def test_a_departure_a_mission_or_a_directive_ahead_is_an_item(text, kind):
    _, [item] = read(text)
    assert item.kind.value == kind


def test_a_departure_told_in_the_past_is_no_item():
    _, commitments = read("The Nigerian minister left for Lome on Monday.")
    assert commitments == []


@pytest.mark.parametrize(
    "first, then, end",
    [
        (
            "will set off on a three-day state visit to Nigeria next week.",
            "Beginning March 12, his visit will be "
            "the first by a Ghanaian president to the West African giant in ten years.",
            14,
        ),
        (
            "will pay a two-day official visit to Nigeria next week.",
            "Starting March 12, the visit will be the first to the country in a decade.",
            13,
        ),
        (
            "will make a four-day trip to Nigeria next week.",
            "On the trip, which starts March 12, he will meet the Nigerian president.",
            15,
        ),
        (
            "will pay a three-day visit to Nigeria.",
            "The visit, beginning March 12, will be the first by a Ghanaian "
            "president to the most populous country of Africa.",
            14,
        ),
        (
            "is to make a two-day working visit to Nigeria.",
            "The visit will begin on March 12.",
            13,
        ),
    ],
)
def test_a_visits_length_and_its_first_day_told_apart_give_its_days(first, then, end):
    _, [item] = read(f"The President of Ghana {first} {then}")
    assert (item.window.start, item.window.end) == (D(2024, 3, 12), D(2024, 3, end))


@pytest.mark.parametrize(
    "text",
    [
        "The talks follow up on the subjects taken up during President Tinubu's visit to Accra on 16 January last.",
        "The ministers recalled the talks in Abuja on 20 December last.",
        "It builds on the consultations in Accra on 5 January last.",
        "The ministers recalled the presidents' meeting in Lagos on 10 January last.",
        "He referred to the session of the joint commission in Kumasi on 15 December last.",
    ],
)
def test_a_yearless_day_marked_last_is_a_past_contact(text):
    meetings, _ = read(text)
    assert len(meetings) == 1 and meetings[0].start < PUBLISHED


@pytest.mark.parametrize(
    "text, kinds",
    [
        (
            "Both sides agreed to the holding of a joint commission as well as political consultations at an early "
            "date.",
            ["commission", "consultations"],
        ),
        (
            "The ministers agreed to convene the joint trade committee as well as a summit of the two presidents "
            "next year.",
            ["commission", "summit"],
        ),
        (
            "Ghana and Nigeria will hold political consultations as well as a meeting of their joint commission in "
            "May.",
            ["commission", "consultations"],
        ),
        (
            "They agreed to organise a business forum as well as talks of the trade ministers in Accra in June.",
            ["other", "talks"],
        ),
        (
            "The parties decided to hold a summit as well as consultations of the deputy ministers this year.",
            ["consultations", "summit"],
        ),
    ],
)
def test_two_acts_of_two_kinds_joined_by_as_well_as_are_two_items(text, kinds):
    _, commitments = read(text)
    assert sorted(c.kind.value for c in commitments) == kinds


def test_two_names_of_one_act_joined_by_and_stay_one_item():
    _, commitments = read(
        "The next meeting of the policy consultations and strategic dialogue will be held in Accra."
    )
    assert len(commitments) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The invitation was accepted; the date of the visit is to be agreed upon soon.",
        "The dates of the visit will be fixed shortly.",
        "The date will be set in the coming weeks through diplomatic channels.",
        "Its dates are to be decided soon.",
        "The date of the visit will be determined in the near future.",
    ],
)
def test_the_time_of_fixing_a_date_is_no_window_of_the_act(text):
    _, commitments = read("Ghana's president invited the Nigerian president to visit Accra. " + text)
    assert [c.window.precision.value for c in commitments] == ["open"]


@pytest.mark.parametrize(
    "text",
    [
        "The officials undertook to convene the joint border commission of Ghana and Nigeria.",
        "Both governments undertook to organise a summit of the two presidents next year.",
        "Ghana and Nigeria undertake to reconvene the joint commission in Abuja.",
        "The ministers undertook to set up a joint committee on trade.",
        "Nigeria has undertaken to convene the next session of the permanent commission in Abuja.",
    ],
)
def test_undertaking_an_act_is_a_pledge(text):
    _, commitments = read(text)
    assert len(commitments) == 1


@pytest.mark.parametrize(
    "text, day",
    [
        ("On Monday, the Ghanaian minister had discussions with the Nigerian minister of finance.", 4),
        ("The two foreign ministers held discussions with each other in Abuja on Tuesday.", 5),
        ("On Monday the Nigerian president had discussions with President Mahama of Ghana.", 4),
        ("Ghana's foreign minister had useful discussions with her Nigerian counterpart on Tuesday.", 5),
        ("The ministers of Ghana and Nigeria held discussions with business leaders in Lagos on Monday.", 4),
    ],
)
def test_discussions_held_with_someone_on_a_day_are_talks(text, day):
    meetings, _ = read(text)
    assert [(m.start, m.kind.value) for m in meetings] == [(D(2024, 3, day), "talks")]


def test_looking_forward_to_discussions_is_no_contact():
    meetings, commitments = read("He looked forward to the bilateral discussions with the Nigerian minister.")
    assert meetings == [] and commitments == []


@pytest.mark.parametrize(
    "other",
    [
        "Views were traded in light of the results of the Abuja summit, held in January.",
        "They recalled the Lagos summit of last year.",
        "The ministers welcomed the outcome of the Kumasi Forum.",
        "Both sides praised the Lome declaration on maritime security.",
        "The two sides reviewed the Abuja process.",
    ],
)
def test_a_city_that_names_another_event_does_not_place_the_contact(other):
    meetings, _ = read(
        "ACCRA, March 6 -- The foreign ministers of Ghana and Nigeria today held consultations. " + other
    )
    assert [m.city for m in meetings if m.start == PUBLISHED] == ["Accra"]


@pytest.mark.parametrize(
    "headline",
    [
        "OSCE Chief To Visit Accra On Monday",
        "Tinubu To Meet With Mahama In Accra On Monday",
        "Ghana Says Nigerian President To Visit From Sunday",
        "Nigerian Minister Will Hold Talks In Accra On Monday",
        "Ghana, Nigeria To Hold Consultations On Friday",
    ],
)
def test_a_title_case_headline_in_the_future_gives_no_past_meeting(headline):
    meetings, _ = read(headline + "\n\nThe two sides have much to discuss.")
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "The joint commission had been scheduled to meet on 4-5 March, chaired by the two ministers, but it was "
        "postponed.",
        "The talks were to take place on 4 March in Accra, chaired by the deputy ministers, but were put off.",
        "The summit was expected to open on Monday, hosted by Ghana, but it was cancelled.",
        "On Wednesday the minister will lead a delegation to Nigeria for the meetings of the joint committee, "
        "which begin on Thursday.",
        "The sessions of the joint commission, which open on Thursday, will be chaired by the two ministers.",
    ],
)
def test_a_day_of_a_plan_that_was_or_that_is_to_come_is_no_past_meeting(text):
    meetings, _ = read(text)
    assert all(m.start >= PUBLISHED for m in meetings)


@pytest.mark.parametrize(
    "text",
    [
        "ACCRA, March 6 -- President Mahama on Wednesday called off his planned trip to Nigeria and Togo.",
        "ACCRA, March 6 -- Foreign Minister Ablakwa on Wednesday put off his coming official visit to Nigeria.",
        "ABUJA, March 6 -- Nigeria today postponed the visit of its foreign minister to Accra.",
        "ACCRA, March 6 -- Ghana on Wednesday cancelled the talks with Nigeria planned for this week.",
        "ACCRA, March 6 -- The visit of the Nigerian president to Ghana was scrapped today.",
    ],
)
def test_a_contact_called_off_on_the_publication_day_is_no_meeting(text):
    meetings, _ = read(text)
    assert meetings == []


def test_a_contact_held_after_a_postponement_stays_a_meeting():
    meetings, _ = read("The consultations, postponed from February, took place in Accra on Monday.")
    assert [m.start for m in meetings] == [D(2024, 3, 4)]


@pytest.mark.parametrize(
    "then",
    [
        "During his visit to Abuja, the Ghanaian president also met the President of Togo.",
        "After the meeting with Tinubu, the president talked with the President of Benin at a reception.",
        "In the course of the visit, he also met the Prime Minister of Niger.",
        "On the last stop of the visit, he met the Vice-President of Liberia.",
        "During the stay, Mahama also held talks with the President of Senegal.",
    ],
)
def test_an_undated_contact_tied_to_a_one_day_stay_is_of_that_day(then):
    meetings, _ = read(
        "ABUJA, March 6 -- The President of Ghana met President Tinubu of Nigeria in Abuja today. " + then
    )
    assert [m.start for m in meetings] == [PUBLISHED, PUBLISHED]


def test_an_undated_contact_without_a_tie_to_the_stay_is_no_meeting():
    meetings, _ = read(
        "ABUJA, March 6 -- The President of Ghana met President Tinubu of Nigeria in Abuja today. "
        "The Ghanaian president also met the President of Togo."
    )
    assert len(meetings) == 1
