"""Paraphrase sets for rules read off blind15 once it became dev data (#11). None of the phrasings is
from a corpus."""

import datetime as dt

import pytest
from lead_sentence import PUBLISHED, read

from tracker.domain.model import Kind, Precision

D = dt.date
# A contact already reported, so that a phrasing's item has the parties of a real release around it.
TALKS_IN_ACCRA = "ACCRA, March 6 -- Ghana and Togo held talks in Accra on Tuesday.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's Deputy Foreign Minister Ama Owusu was received Tuesday in Lome by Togolese Foreign Minister Dussey.",
        "A Ghanaian delegation led by Minister Owusu was received on Tuesday by Togo's Foreign Minister Dussey.",
        "Ghana's envoy Kofi Mensah was warmly received in Lome on Tuesday by Togolese Prime Minister Dogbe.",
        "LOME, March 6 -- Ghana's Foreign Minister Ablakwa was received yesterday by Togolese President Faure.",
        "Ghana's Interior Minister was also received Tuesday afternoon by the Togolese Foreign Minister.",
    ],
)
def test_a_guest_received_on_a_day_by_a_host_is_a_meeting(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 5), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "Border trade was discussed here yesterday by Ghana's Foreign Minister and Togo's Foreign Minister.",
        "LOME, March 6 -- Plans for a corridor were discussed on Tuesday by Ghanaian President Mahama and "
        "Togolese President Faure.",
        "The corridor was discussed in Lome on Tuesday by Ghana's Ablakwa and Togo's Dussey.",
        "Security on the border was also discussed Tuesday by the Ghanaian and Togolese foreign ministers.",
        "Fishing rights were discussed at length on Tuesday by Minister Ablakwa of Ghana and Minister Dussey of Togo.",
    ],
)
def test_a_matter_discussed_on_a_day_by_named_people_is_a_meeting(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 5), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "The corridor was discussed on Tuesday by phone between Ghana and Togo.",
        "The corridor was received on Tuesday by email in Accra and Lome.",
        "The corridor will be discussed on Friday by Ghana's and Togo's ministers.",
        "The letter was received on Tuesday by the embassy.",
    ],
)
def test_discussed_or_received_near_misses_tell_no_meeting(text):
    meetings, _ = read(text)
    assert [m for m in meetings if m.kind is Kind.MEETING] == []


@pytest.mark.parametrize(
    "text, city",
    [
        (
            "During his Accra visit on Tuesday, Togo's Foreign Minister Dussey held talks with Ghana's President.",
            "Accra",
        ),
        ("Togo's Foreign Minister Dussey met Ghana's President on Tuesday, on his Accra trip.", "Accra"),
        ("On Tuesday, the Lome talks between Ghana's and Togo's foreign ministers ended.", "Lomé"),
        (
            "Ghana's Foreign Minister met his Togolese counterpart on Tuesday during a Kumasi stopover.",
            "Kumasi",
        ),
        ("On Tuesday, during her Lome stay, Ghana's minister held talks with Togo's Prime Minister.", "Lomé"),
    ],
)
def test_a_city_before_the_word_for_the_contact_is_its_venue(text, city):
    meetings, _ = read(text)
    assert [(m.start, m.city) for m in meetings] == [(D(2024, 3, 5), city)]


@pytest.mark.parametrize(
    "text",
    [
        "The two foreign ministers agreed to restart the regular bilateral meetings, which had been suspended.",
        "Ghana and Togo agreed to resume their periodic consultations.",
        "The ministers decided to relaunch the joint commission, which has been dormant for years.",
        "Both sides agreed to reactivate the regular political dialogue between the ministries.",
        "It was agreed to revive the annual meetings of the two foreign ministers.",
    ],
)
def test_restarting_a_lapsed_mechanism_is_one_act(text):
    _, commitments = read(text)
    assert len(commitments) == 1 and commitments[0].window.is_open


@pytest.mark.parametrize(
    "text",
    [
        "The two foreign ministers agreed to hold regular bilateral meetings.",
        "The ministers resumed their regular meetings on Tuesday after a long pause.",
        "Efforts to revive the peace talks were on the agenda of the ministers.",
    ],
)
def test_regular_meetings_or_a_resumption_reported_are_no_pledge(text):
    _, commitments = read(text)
    assert commitments == []


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "March 6, 2024_ Ghana will host the ECOWAS summit, to be held in Accra from April 8 to 9, 2024.",
            D(2024, 4, 8),
        ),
        (
            "6 March 2024 \u2014 Ghana will host the ECOWAS summit, to be held in Accra on 8 April 2024.",
            D(2024, 4, 8),
        ),
        (
            "Accra\n\nMarch 6, 2024 - The ministers agreed to meet again in Lome from April 8 to 9, 2024.",
            D(2024, 4, 8),
        ),
        ("March 6, 2024 \u2013 The joint commission will convene in Lome on April 8, 2024.", D(2024, 4, 8)),
        ("March 6, 2024_ Togo will host the next round of talks on 8 April 2024 in Lome.", D(2024, 4, 8)),
    ],
)
def test_a_date_opening_a_line_dates_the_dispatch_not_the_act(text, start):
    _, commitments = read(text)
    assert [c.window.start for c in commitments] == [start]


def test_a_future_date_opening_a_line_still_dates_the_act():
    _, commitments = read(
        "April 8, 2024 - that is when the joint commission will convene in Lome, the ministers said."
    )
    assert [c.window.start for c in commitments] == [D(2024, 4, 8)]


@pytest.mark.parametrize(
    "text, city",
    [
        ("The next meeting, scheduled for Lome, Togo, in May, will take up the maritime boundary.", "Lomé"),
        ("The ministers agreed that the next session, planned for Kumasi, would be held in May.", "Kumasi"),
        ("Ghana and Togo agreed to hold their next round of talks in May, set for Lome.", "Lomé"),
        (
            "The joint commission, slated for Accra in May, will review the corridor, Ghana and Togo said.",
            "Accra",
        ),
        ("Ghana and Togo said their next summit is scheduled for Lome in May.", "Lomé"),
    ],
)
def test_a_city_an_item_is_scheduled_for_is_its_venue(text, city):
    _, commitments = read(text)
    assert [(c.window.start, c.city) for c in commitments] == [(D(2024, 5, 1), city)]


@pytest.mark.parametrize(
    "text",
    [
        "At a meeting with Togo's Foreign Minister Dussey, held at the Jubilee House, the forthcoming visit to "
        "Togo of Ghana's President, planned for May, was confirmed.",
        "At talks held in Accra, Ghana's Foreign Minister and Togo's Foreign Minister agreed that the President "
        "of Togo would visit Ghana in May.",
        "Ghana and Togo, which met at Accra on Tuesday, agreed that their presidents would meet in May.",
    ],
)
def test_the_city_of_the_meeting_that_agreed_is_not_the_venue_of_what_it_agreed(text):
    _, commitments = read(text)
    assert [(c.window.start, c.city) for c in commitments] == [(D(2024, 5, 1), None)]


@pytest.mark.parametrize(
    "text",
    [
        "At their meeting in Lome on Tuesday, the presidents of Ghana and Togo agreed that a joint commission will be set up.",
        "At their talks in Lome on Tuesday, the foreign ministers of Ghana and Togo decided that their next summit would "
        "be held in May.",
        "Meeting in Lome on Tuesday, Ghana and Togo agreed to hold a session of the joint commission in May.",
        "At talks in Lome on Tuesday, the Ghanaian and Togolese ministers resolved that a summit would follow in May.",
        "The foreign ministers of Ghana and Togo, meeting in Lome on Tuesday, agreed that a joint commission will be created.",
    ],
)
def test_the_city_where_a_pledge_was_made_is_not_the_venue_of_the_pledged_act(text):
    meetings, commitments = read(text)
    assert [c.city for c in commitments] == [None]
    assert [(m.start, m.city) for m in meetings] == [(D(2024, 3, 5), "Lomé")]


def test_a_pledged_act_after_its_city_keeps_the_city():
    _, commitments = read("Ghana and Togo agreed that Lome will host the joint commission in May.")
    assert [c.city for c in commitments] == ["Lomé"]


@pytest.mark.parametrize(
    "text",
    [
        "At their meeting in Lome on Tuesday, the presidents of Ghana and Togo agreed that a joint commission will be set up.",
        "During their talks in Lome on Tuesday, Ghana and Togo decided that a summit would be held in May.",
    ],
)
def test_what_a_contact_agreed_on_does_not_give_the_contact_its_kind(text):
    meetings, _ = read(text)
    assert [m.kind for m in meetings] in ([Kind.MEETING], [Kind.TALKS])


@pytest.mark.parametrize(
    "text",
    [
        "At their meeting in Togo's seaside capital of Lome on Tuesday, the presidents of Ghana and Togo agreed to open a border post.",
        "The talks in the Volta Region town of Ho on Tuesday brought Ghana's and Togo's ministers together.",
        "Ghana's and Togo's ministers said their meeting at the Jubilee House in Accra on Tuesday had been useful.",
        "At the session in the old colonial town of Aneho on Tuesday, Ghana and Togo reviewed the corridor.",
        "During their meeting in the Togolese capital Lome on Tuesday, Ghana and Togo agreed to open a border post.",
    ],
)
def test_a_place_between_the_contact_and_its_day_keeps_them_together(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 5)]


def test_a_place_and_another_day_between_do_not_date_the_contact():
    meetings, _ = read(
        "He arrived in Accra on Monday and will attend the ECOWAS meeting in Accra on Saturday and Sunday."
    )
    assert D(2024, 3, 3) not in [m.start for m in meetings]


@pytest.mark.parametrize(
    "text",
    [
        "Before June, Ghana and Togo will work out an action plan for the border corridor.",
        "The ministers agreed to speed up the approval of the Ghana-Togo action programme for 2024-2026.",
        "Ghana and Togo will draw up a road map for the corridor by the end of May.",
        "The two sides agreed to finalise a joint declaration on the corridor before the summit in June.",
        "Officials of Ghana and Togo will draft a roadmap on trade by the end of the year.",
    ],
)
def test_a_joint_document_to_be_drawn_up_is_an_item(text):
    _, commitments = read(text)
    assert [c.kind for c in commitments][:1] == [Kind.OTHER]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo adopted a joint declaration on Tuesday.",
        "The action plan drawn up last year was reviewed by the ministers.",
        "Ghana and Togo have worked out a road map, the ministers said.",
    ],
)
def test_a_document_already_drawn_up_is_no_item(text):
    _, commitments = read(text)
    assert commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's minister will also use the trip to follow up on the matters President Mahama took up in February, "
        "when he travelled to Togo for a summit.",
        "The visit will build on the agreements the two presidents signed in January.",
        "The talks will continue the work the commission began in February.",
        "Ghana's envoy will return to the issues raised in January, when the ministers met in Lome.",
        "The ministers will review the road project, last discussed in February, when Ghana hosted the commission.",
    ],
)
def test_a_time_of_a_past_act_beside_a_future_one_is_no_window(text):
    _, commitments = read(text)
    assert all(c.window.is_open for c in commitments)


@pytest.mark.parametrize(
    "text, start",
    [
        ("The joint commission will be held in May in Accra.", D(2024, 5, 1)),
        ("The agreement is expected to be signed in May.", D(2024, 5, 1)),
        ("The next session, to be convened in May, will review the corridor.", D(2024, 5, 1)),
    ],
)
def test_a_time_after_a_future_passive_dates_the_act(text, start):
    _, commitments = read(text)
    assert [c.window.start for c in commitments] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's Foreign Minister will travel to Togo in mid-April. He will be in Togo on April 21 and 22.",
        "Ghana's President will visit Togo in early April. The visit will take place on April 11-12.",
        "Ghana's President will visit Togo in late April. He will arrive in Lome on May 2 for the visit.",
        "Togo's Prime Minister will visit Ghana in mid-April, the ministry said. The visit will take place on April 9.",
        "The ministers will meet in the first half of April. The meeting will be held on April 17.",
    ],
)
def test_a_rough_part_of_a_month_and_the_days_just_beside_it_are_one_item(text):
    _, commitments = read(text)
    assert len(commitments) == 1 and commitments[0].window.precision in (Precision.DAY, Precision.DAYS)


def test_a_part_of_a_month_and_days_a_week_away_are_two_items():
    _, commitments = read(
        "Ghana's President will visit Togo in early April. Togo's President will visit Ghana on April 20."
    )
    assert len(commitments) == 2


@pytest.mark.parametrize(
    "text",
    [
        '"I am now on an official visit to Togo," Ghana\'s Foreign Minister Ablakwa said.',
        '"I am currently paying a working visit to Togo," said Ghana\'s Foreign Minister.',
        'Ghana\'s Foreign Minister said: "I am on a state visit to Togo, my first."',
    ],
)
def test_a_stay_under_way_told_in_the_first_person_is_a_contact_of_the_day(text):
    meetings, commitments = read(text)
    assert [(m.start, m.kind) for m in meetings] == [(PUBLISHED, Kind.VISIT)] and commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers of the ECOWAS countries (Ghana, Togo and Benin) will meet in Accra on March 20.",
        "The heads of the ECOWAS member states (Ghana, Togo, Benin) will hold a summit in Accra on March 20.",
        "ECOWAS (Ghana, Togo and Benin) will hold a ministerial meeting in Accra on March 20.",
    ],
)
def test_the_members_an_organisation_names_in_brackets_take_part(text):
    text = "ACCRA, March 6 -- ECOWAS and Ghana held talks in Accra on Tuesday.\n\n" + text
    _, commitments = read(text)
    assert [sorted(c.parties) for c in commitments] == [["BJ", "ECOWAS", "GH", "TG"]]


@pytest.mark.parametrize(
    "text",
    [
        "March 5, 2024 \u2013 Accra, Ghana \u2013 Ministry of Foreign Affairs\n\nGhana's Foreign Minister spoke today "
        "with Togo's Foreign Minister.",
        "5 March 2024 - Accra - Ghana's Foreign Minister held talks today with his Togolese counterpart.",
        "March 5, 2024 \u2014 Accra\n\nToday Ghana's President received the Prime Minister of Togo.",
    ],
)
def test_today_in_a_release_dated_before_its_publication_is_the_dateline_day(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "They ended the call with a shared wish to meet the objectives set at the Conference.",
        "The two ministers said they would work together to meet the targets of the trade agreement.",
        "Togo has met all its obligations under the treaty, Ghana's minister said on Tuesday.",
        "The corridor will meet the needs of traders in both countries.",
    ],
)
def test_meeting_an_objective_is_no_contact(text):
    meetings, commitments = read(text)
    assert meetings == [] and commitments == []


def test_meeting_the_minister_is_still_a_contact():
    _, commitments = read("Ghana's Foreign Minister will meet the Togolese minister in Lome on March 20.")
    assert [c.window.start for c in commitments] == [D(2024, 3, 20)]


@pytest.mark.parametrize(
    "text",
    [
        "Turning to Benin, Ghana's minister said he will visit Benin as soon as possible.",
        "Ghana's minister added that he would travel to Benin in April.",
        "On Benin, the minister said a visit to Benin was planned for April.",
    ],
)
def test_the_state_a_visit_goes_to_takes_part_in_it(text):
    text = TALKS_IN_ACCRA + text
    _, commitments = read(text)
    assert [("BJ" in c.parties, "GH" in c.parties) for c in commitments] == [(True, True)]


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to speed up the border talks so that the problems would be solved.",
        "Ghana and Togo agreed to accelerate their negotiations on the maritime boundary.",
        "The ministers decided to expedite the talks on a free trade area.",
        "The joint commission used to meet once a year to oversee relations between the two countries.",
        "The presidents used to hold talks every spring.",
    ],
)
def test_a_process_hurried_or_a_past_habit_is_no_item(text):
    _, commitments = read(text)
    assert commitments == []


def test_speeding_up_a_named_act_is_still_an_item():
    _, commitments = read("The ministers agreed to speed up the approval of the Ghana-Togo action programme.")
    assert [c.kind for c in commitments] == [Kind.OTHER]


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday Togo's Foreign Minister Dussey was in Accra for talks with Ghana's Foreign Minister.",
        "On Tuesday the Togolese minister was in Kumasi for consultations with Ghanaian officials.",
        "Ghana's foreign minister was in Lome on Tuesday for a meeting with Togo's President.",
    ],
)
def test_a_guest_in_a_city_for_talks_on_a_past_day_is_a_contact(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo are ready to keep up an active political dialogue in a bilateral format.",
        "Ghana stands ready to step up a constructive political dialogue with Togo.",
        "The ministers agreed to maintain a regular dialogue.",
        "Both sides will continue an intensive dialogue.",
    ],
)
def test_keeping_up_an_ongoing_practice_is_no_item(text):
    _, commitments = read(text)
    assert commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "Togo's President Faure will visit Ghana on March 20. Ghana's President also invited Benin's President "
        "Talon to visit Ghana.",
        "Ghana's President invited Benin's Foreign Minister to visit Ghana. Togo's Prime Minister will visit "
        "Ghana in April.",
        "Togo's minister will travel to Ghana on Friday. Separately, Ghana invited Nigeria's President to "
        "pay an official visit to Ghana.",
    ],
)
def test_an_invitation_to_another_guest_is_another_visit(text):
    _, commitments = read(text)
    assert len(commitments) == 2


def test_an_invitation_and_the_visit_it_asks_for_are_one_item():
    _, commitments = read(
        "Ghana's President invited Togo's President to visit Ghana. Togo's President will visit Ghana in April."
    )
    assert len(commitments) == 1


@pytest.mark.parametrize(
    "text, start",
    [
        ("The next meeting of the joint commission is set for March 20, 2024 in Lome.", D(2024, 3, 20)),
        ("Ghana and Togo have now set for March 20 the session of their joint commission.", D(2024, 3, 20)),
        ("The talks set the stage for a summit of the two presidents later this year.", D(2024, 3, 7)),
        (
            "There is also a proposal for Togo's President to make a state visit to Ghana in May.",
            D(2024, 5, 1),
        ),
        ("The visit of Togo's President to Ghana is being arranged for May.", D(2024, 5, 1)),
    ],
)
def test_a_date_set_a_stage_set_a_proposal_or_an_arrangement_is_an_item(text, start):
    text = TALKS_IN_ACCRA + text
    _, commitments = read(text)
    assert [c.window.start for c in commitments] == [start]


def test_a_set_of_proposals_already_made_is_no_item():
    _, commitments = read("Ghana and Togo discussed a set of proposals for the border on Tuesday.")
    assert commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "The phone call between Ghanaian President Mahama and Togolese President Faure on Tuesday was useful.",
        "Officials will meet in Lome on Friday, following the phone call between Ghana's President Mahama and "
        "Togo's President Faure on Tuesday.",
        "The talks between the Ghanaian foreign minister and his Togolese counterpart on Tuesday were frank.",
        "The meeting between U.S. envoy John Smith and Ghana's foreign minister on Tuesday covered trade.",
    ],
)
def test_the_parties_between_a_contact_and_its_day_keep_them_together(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 5)]


def test_a_day_after_a_list_of_contacts_between_others_is_not_dragged_back():
    meetings, _ = read(
        "The talks between Ghana and Togo, and between Benin and Niger, will resume on Friday."
    )
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "The Director General of Military Operations of Ghana called the Director General of Military Operations "
        "of Togo this afternoon.",
        "Ghana's Foreign Minister called the Secretary-General of ECOWAS today.",
        "Togo's President called the Ghanaian ambassador this morning to discuss the border.",
    ],
)
def test_calling_an_official_by_title_is_a_call(text):
    meetings, _ = read(text)
    assert [(m.start, m.kind) for m in meetings] == [(PUBLISHED, Kind.CALL)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's President Mahama and Togolese President Faure agreed Tuesday to put relations back on track.",
        "Ghana and Togo agreed on Tuesday to reopen the border.",
        "The foreign ministers of Ghana and Togo agreed on Tuesday to hold a summit in May.",
        "ACCRA, March 6 -- Ghana's Foreign Minister and his Togolese counterpart agreed yesterday to set up a hotline.",
        "The presidents of Ghana and Togo agreed on Tuesday that the joint commission will meet in May.",
    ],
)
def test_two_sides_agreeing_on_a_day_met_that_day(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 5), ["GH", "TG"])]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's cabinet agreed on Tuesday to raise fuel taxes.",
        "Ghana agreed on Tuesday to release the detained fishermen, the ministry said.",
        "Ghana and Togo will decide on Friday whether to reopen the border.",
    ],
)
def test_one_side_agreeing_or_a_decision_to_come_is_no_contact(text):
    meetings, _ = read(text)
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "Togo's President Faure flew to Accra, where Ghana's President received him at the Jubilee House on Tuesday.",
        "Togo's foreign minister arrived in Accra, and Ghana's Foreign Minister welcomed her on Tuesday.",
        "The Togolese delegation reached Accra, where Ghana's President hosted them at a dinner on Tuesday.",
    ],
)
def test_a_host_receiving_the_guest_just_named_is_a_meeting(text):
    meetings, _ = read(text)
    assert [(m.start, "GH" in m.parties) for m in meetings] == [(D(2024, 3, 5), True)]


def test_receiving_a_letter_is_no_reception():
    meetings, _ = read("Ghana's President received her letter on Tuesday.")
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders will build on the commitments from their 20 February meeting in Lome.",
        "Ministers will review the results of the 20 February talks between Ghana and Togo.",
        "Ghana and Togo will follow up on their February 20 consultations in Accra.",
    ],
)
def test_a_past_date_set_before_the_contact_dates_it_in_a_future_sentence(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 2, 20)]


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "From 6 to 7 March 2024, Ghana's Foreign Minister takes part in the meeting of the ECOWAS foreign "
            "ministers in Abuja.",
            D(2024, 3, 6),
        ),
        (
            "Today Ghana's Foreign Minister participates in the session of the ECOWAS Council in Abuja.",
            D(2024, 3, 6),
        ),
    ],
)
def test_taking_part_in_the_news_present_on_the_publication_day_is_a_meeting(text, start):
    meetings, commitments = read(text)
    assert [m.start for m in meetings] == [start] and commitments == []


def test_taking_part_in_the_news_present_later_is_an_item():
    _, commitments = read(
        "On 20 March Ghana's Foreign Minister takes part in the ECOWAS ministerial meeting in Abuja."
    )
    assert [c.window.start for c in commitments] == [D(2024, 3, 20)]


@pytest.mark.parametrize(
    "text",
    [
        "Togo's Prime Minister will travel to Accra today for a two-day working visit.",
        "A Togolese delegation headed by the Prime Minister will arrive in Accra on Wednesday for a two-day visit.",
        "Togo's President is to fly to Accra on Wednesday for a two-day official visit to Ghana.",
    ],
)
def test_a_stay_beginning_on_the_publication_day_lasts_the_days_it_names(text):
    meetings, commitments = read(text)
    assert [(m.start, m.end) for m in meetings] == [(PUBLISHED, D(2024, 3, 7))] and commitments == []


@pytest.mark.parametrize(
    "headline",
    [
        "Mahama to meet Togolese foreign minister",
        "Ghana's President to receive Togo's Foreign Minister",
        "Ghana, Togo ministers to hold talks",
    ],
)
def test_a_headline_announcing_the_contact_of_the_day_is_no_item(headline):
    text = headline + "\n\nToday Ghana's President Mahama will meet Togo's Foreign Minister Dussey in Accra."
    meetings, commitments = read(text)
    assert [m.start for m in meetings] == [PUBLISHED] and commitments == []


def test_a_headline_announcing_a_later_visit_stays_an_item():
    text = (
        "Togo's President to visit Ghana\n\nToday Ghana's President Mahama met Togo's Foreign Minister Dussey "
        "in Accra. Togo's President will visit Ghana in May."
    )
    _, commitments = read(text)
    assert [c.window.start for c in commitments] == [D(2024, 5, 1)]


def test_each_leg_of_a_tour_goes_to_its_own_state():
    text = (
        "Ghana's minister to tour West Africa\n\nACCRA, March 6 -- Ghana's Foreign Minister will visit Togo, "
        "Benin and Nigeria from March 10 to 15, Ghana's foreign ministry said. The tour will deepen Ghana's ties "
        "in the region. Later on March 12 he is scheduled to leave for Benin.\n\nOn March 14 he will start a "
        "one-day visit to Nigeria."
    )
    _, commitments = read(text)
    legs = {c.window.start: sorted(c.parties) for c in commitments}
    assert legs[D(2024, 3, 12)] == ["BJ", "GH"] and legs[D(2024, 3, 14)] == ["GH", "NG"]


@pytest.mark.parametrize(
    "text, start, end",
    [
        (
            "Togo, which will host the meeting this year, asked Ghana to set a suitable date either in April or May.",
            D(2024, 4, 1),
            D(2024, 5, 31),
        ),
        (
            "The commission, due this year, will meet on a date in June to be confirmed by Ghana.",
            D(2024, 6, 1),
            D(2024, 6, 30),
        ),
    ],
)
def test_the_date_an_act_is_set_for_is_its_window(text, start, end):
    text = TALKS_IN_ACCRA + text
    _, commitments = read(text)
    assert [(c.window.start, c.window.end) for c in commitments] == [(start, end)]


@pytest.mark.parametrize(
    "text, firmness",
    [
        ("Ghana's President invited Togo's President to visit Ghana at an early date.", "invited"),
        ("Ghana's President invited Togo's President to visit Ghana next year.", "invited"),
        ("Togo's President accepted the invitation to visit Ghana soon.", "invited"),
        ("At the invitation of Ghana's President, Togo's President will visit Ghana on March 20.", "agreed"),
        ("Togo's President accepted the invitation to visit Ghana in May.", "agreed"),
    ],
)
def test_an_invitation_is_agreed_only_once_a_date_is_fixed(text, firmness):
    _, commitments = read(text)
    assert [c.firmness.value for c in commitments] == [firmness]


def test_gatherings_of_two_organisations_are_two_items():
    text = (
        "Moldova's Prime Minister said on Monday that he would meet the Secretary General of the Council of "
        "Europe in Strasbourg on March 20. Before that visit, he said, he plans to take part in a meeting of the "
        "prime ministers of GUAM."
    )
    _, commitments = read(text)
    assert sorted(sorted(p for p in c.parties if len(p) > 2) for c in commitments) == [["COE"], ["GUAM"]]


@pytest.mark.parametrize(
    "text",
    [
        "Mahama invited Faure to visit Accra at a convenient time and Faure invited Mahama to visit Lome.",
        "President Mahama invited President Faure to visit Ghana and Faure invited Mahama to visit Togo in return.",
        "Ghana's Mahama invited Togo's Faure to visit Accra and Faure also invited Mahama to visit Lome.",
    ],
)
def test_two_invitations_in_one_sentence_are_two_items(text):
    text = TALKS_IN_ACCRA + text
    _, commitments = read(text)
    assert len(commitments) == 2
