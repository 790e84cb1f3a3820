"""Paraphrase sets for the general rules of #11, fourth pass (classes of error counted on the blind3
corpus): each rule on phrasings written for this file, none taken from a corpus, plus near-misses
that must not fire."""

import pytest
from lead_sentence import PUBLISHED
from lead_sentence import items_after_lead as _items

from tracker.domain.model import Firmness
from tracker.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian foreign minister has put off the visit to Ghana that he was to make on 12 March. "
        "New dates will be agreed through diplomatic channels.",
        "Ghana and Nigeria agreed to postpone the summit that was due to take place in Abuja later this month. "
        "Fresh dates are being worked out.",
        "The joint commission session, which had been scheduled for 20 March, has been postponed. "
        "The two sides are looking for alternative dates.",
        "The Nigerian president has deferred his state visit to Ghana, originally planned for next week. "
        "A new date will be set later.",
        "Nigeria's trade minister was to travel to Ghana on 15 March. The trip has been postponed, and "
        "new dates will be fixed through diplomatic channels.",
    ],
)
def test_a_put_off_item_keeps_no_date_of_the_overtaken_plan(text):
    (item,) = _items(text)
    assert item.window.is_open
    assert item.postponed
    assert item.firmness is Firmness.PLANNED
    assert "date" in item.evidence.text  # the mention that looks for new dates represents the item


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # A new date after the verb is the item's window.
        (
            "The visit, originally planned for March, has been postponed to 20 May.",
            "2024-05-20",
            "2024-05-20",
        ),
        (
            "The session, which had been scheduled for the second half of March, has been postponed and will "
            "now take place in late April.",
            "2024-04-21",
            "2024-04-30",
        ),
        ("The state visit to Ghana has been put off until 18 April.", "2024-04-18", "2024-04-18"),
        # No postponement: a plan reported with "was to" still dates the item.
        (
            "The Nigerian minister was to travel to Accra on 15 March, the ministry said.",
            "2024-03-15",
            "2024-03-15",
        ),
        (
            "The summit was due to take place in Abuja on 20 March, officials confirmed.",
            "2024-03-20",
            "2024-03-20",
        ),
    ],
)
def test_a_new_date_or_a_plan_not_put_off_still_dates_the_item(text, start, end):
    (item,) = _items(text)
    assert (str(item.window.start), str(item.window.end)) == (start, end)


@pytest.mark.parametrize(
    ("text", "firmness"),
    [
        # A decision taken or an instruction given: the act is agreed.
        ("A decision was taken to set up a Ghana-Nigeria secretariat in Abuja.", Firmness.AGREED),
        (
            "The ministers directed their officials to set up a joint customs working group by June.",
            Firmness.AGREED,
        ),
        (
            "The presidents instructed the trade ministers to open a trade office in Lagos next year.",
            Firmness.AGREED,
        ),
        # An act still owed or being prepared.
        ("The protocol still requires ratification by the Nigerian parliament.", Firmness.PLANNED),
        (
            "A third round of the strategic dialogue is also in the works, the ambassador said.",
            Firmness.PLANNED,
        ),
        ("The two foreign ministers are likely to speak by telephone on Friday.", Firmness.PLANNED),
        ("The state visit to Abuja is already on the calendar for 20 March.", Firmness.AGREED),
        (
            "Nigeria is seriously considering a state visit to Ghana by its president in May.",
            Firmness.PROPOSED,
        ),
    ],
)
def test_decisions_instructions_and_acts_still_owed_are_commitments(text, firmness):
    (item,) = _items(text)
    assert item.firmness is firmness


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian trade agency will open an office in Kumasi in 2025.",
        "The ministers agreed to set up an expert group on migration.",
        "Both sides decided to establish a joint monitoring group before the end of the year.",
        "Ghana will open a trade office in Lagos in June.",
        "The leaders backed the proposal to set up a wise persons group on regional integration.",
    ],
)
def test_setting_up_a_group_or_opening_an_office_is_an_act(text):
    (item,) = _items(text)
    assert item.kind.value == "other"


@pytest.mark.parametrize(
    "text",
    [
        # No act: a requirement, a verdict, a topic.
        "The agreement requires both sides to respect the border.",
        "The ministers were considering the results of the consultations held on Tuesday.",
        "Officials said the talks had been in the works for years before Tuesday's consultations.",
        "The group of experts met in Accra on Tuesday to review the trade figures.",
        "The office of the president said the consultations on Tuesday had been useful.",
    ],
)
def test_cues_of_acts_still_owed_need_an_act_to_come(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "After their meeting in Lagos on 28 February, the ministers agreed to hold a joint commission session.",
        "Following the talks of 1 March, the presidents decided to open a trade office in Kano.",
        "Recalling their phone call of March 2, the ministers agreed to hold the next round of consultations.",
        "At the summit in Abuja on 4 March, the leaders agreed to set up a joint working group.",
        "On February 27 the ministers instructed their deputies to prepare a state visit.",
    ],
)
def test_a_yearless_day_just_past_does_not_date_a_pledge(text):
    (item,) = _items(text)
    assert item.window.is_open  # not the same day next year


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The ministers will meet in Abuja on 20 March.", "2024-03-20"),
        ("The summit will take place in Abuja on 2 March 2025.", "2025-03-02"),
        ("The next round of consultations is scheduled for 10 November.", "2024-11-10"),
        ("The joint commission will meet on 20 December.", "2024-12-20"),
    ],
)
def test_upcoming_days_and_days_with_their_year_still_date_the_item(text, start):
    (item,) = _items(text)
    assert str(item.window.start) == start


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "The ministers would meet in Abuja on 20 March, and a meeting of the presidents would follow in May.",
            ["2024-03-20", "2024-05-01"],
        ),
        (
            "The experts will meet in Kano on 14 March, and a joint commission session is to take place in Lagos "
            "in June.",
            ["2024-03-14", "2024-06-01"],
        ),
        (
            "The Ghanaian president will pay a visit to Abuja in April, and a business forum will be held in "
            "Lagos in July.",
            ["2024-04-01", "2024-07-01"],
        ),
        (
            "The consultations will resume in Lagos on 12 April, and another round is due in Kumasi in September.",
            ["2024-04-12", "2024-09-01"],
        ),
        (
            "He went over the programme of two trips: a visit to Togo, where the president will hold talks, and a "
            "visit to Benin, where he will meet the prime minister.",
            [None, None],
        ),
    ],
)
def test_a_second_act_coordinated_in_one_sentence_is_read_too(text, starts):
    items = _items(text)
    assert sorted(str(item.window.start) for item in items) == sorted(str(start) for start in starts)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will meet in Abuja on 20 March, and a joint statement will be issued afterwards.",
        "The presidents will meet in Abuja in May, and a great deal of work will be needed before then.",
        "The summit will take place in Lagos in May, and a decision on its agenda will follow soon.",
        "The talks will be held in Abuja on 20 March, and an agreement would follow up on the roadmap.",
    ],
)
def test_a_coordinated_clause_without_an_act_adds_nothing(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister pressed for a long-delayed exchange of state visits between the two presidents.",
        "Nigeria called for the early convening of the joint commission.",
        "The minister's schedule for the coming weeks also includes the ECOWAS summit in Abuja on 20 March.",
        "The leaders told their negotiators to work towards concluding a trade agreement by the end of 2024.",
        "Both ministers committed to finalising the air services agreement before June.",
        "The president's programme for next month includes a state visit to Nigeria.",
    ],
)
def test_pressing_for_an_act_a_coming_programme_and_an_agreement_to_conclude_are_commitments(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria called for restraint in the border region.",
        "The minister's schedule on Tuesday included a tour of the port.",
        "The two countries concluded a trade agreement in 2019.",
        "Ghana pressed for faster progress on the customs union.",
    ],
)
def test_pressing_for_no_act_or_a_past_programme_is_no_commitment(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Ghana invited the Nigerian president to visit Accra. It could happen towards the end of the month.",
            "2024-03-21",
        ),
        (
            "The two ministers agreed to hold the next round of consultations. It will take place in Lagos in May.",
            "2024-05-01",
        ),
        (
            "Nigeria proposed a meeting of the trade ministers. It is expected to be held in June.",
            "2024-06-01",
        ),
        (
            "The presidents agreed to a state visit to Abuja. This should happen in the second half of the year.",
            "2024-07-01",
        ),
        ("A joint commission session is being prepared. It may take place in early April.", "2024-04-01"),
    ],
)
def test_a_pronoun_that_dates_the_act_just_read_dates_that_act(text, start):
    (item,) = _items(text)
    assert str(item.window.start) == start
    assert item.evidence.text.startswith(("It ", "This "))


@pytest.mark.parametrize(
    "text",
    [
        # No act read before, no time given, or a pronoun for something else.
        "It will take place in Lagos in May, the ministry said of the trade fair.",
        "Nigeria proposed a meeting of the trade ministers. It will take time.",
        "Nigeria proposed a meeting of the trade ministers. It happened in 2019 too.",
    ],
)
def test_a_pronoun_with_no_act_before_it_or_no_time_adds_nothing(text):
    assert all(item.window.is_open for item in _items(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kumasi will be the venue of the next session of the joint commission, on 20 and 21 March.",
        "Kumasi is to be the venue of the third round of consultations in May.",
        "The ministers agreed that Kumasi would be the venue of the next summit.",
        "Kumasi, the second city, will be the venue of the trade ministers' meeting on 12 April.",
        "It was agreed that Kumasi would be the venue of the business forum in June.",
    ],
)
def test_a_city_named_as_the_venue_to_come_is_the_place(text):
    (item,) = _items(text)
    assert item.city == "Kumasi"


@pytest.mark.parametrize(
    "text",
    [
        "Kumasi hopes to attract investors; the next session of the joint commission will be held in June.",
        "The Kumasi governor will attend the next round of consultations in May.",
    ],
)
def test_a_city_not_named_as_the_venue_is_not_the_place(text):
    (item,) = _items(text)
    assert item.city is None


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian president invited his Nigerian counterpart to visit Ghana. The Nigerian president invited "
        "him to visit Nigeria.",
        "Ghana's minister will pay a visit to Togo. He will also travel to Benin.",
        "The minister will pay an official visit to Canada. He will also visit Mexico.",
        "Nigeria invited the Ghanaian minister to come to Nigeria. Ghana invited the Nigerian minister to visit Ghana.",
        "The president will make a trip to Japan later this year. A visit to Korea is planned as well.",
    ],
)
def test_visits_to_two_states_are_two_acts(text):
    assert len(_items(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president invited his counterpart to visit Nigeria. The visit to Nigeria will take place "
        "in May.",
        "The minister will travel to Togo in May. His visit to Togo will focus on trade.",
    ],
)
def test_mentions_of_one_visit_to_one_state_stay_one_act(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president said he was delighted to visit Ghana again this year.",
        "The minister was pleased to be able to meet his counterpart again this week.",
        "The president said he was honoured to visit Ghana this year.",
        "The delegation was glad to travel to Kumasi this year.",
        "He is very happy to visit Accra again this month.",
    ],
)
def test_a_feeling_about_the_stay_under_way_is_no_plan(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # What a coming event means is no plan for it.
        "They agreed that the coming summit is a crucial opportunity for the region.",
        "Both sides agreed that the upcoming visit would be an important step for relations.",
        "The ministers agreed that the next session will be a real test of the partnership.",
        # A meeting that was held already.
        "The ministers will follow up on what they discussed at their previous meeting.",
        "The envoys will build on the results of their recent talks.",
        # A review of preparations is a topic.
        "Participants went through the progress of preparations for the regional summit.",
        "The officials took stock of preparations for the forthcoming session of the joint commission.",
    ],
)
def test_a_verdict_a_past_meeting_or_a_review_of_preparations_is_no_commitment(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "They agreed that the coming summit will take place in Abuja in May.",
        "The ministers agreed to hold their next meeting in Lagos in June.",
    ],
)
def test_a_plan_for_the_coming_event_is_still_read(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "lead",
    [
        "(MENAFN- West Africa Wire) ACCRA, March 6 (GNA) \u2013 ",
        "(Wire Service) ACCRA, 6 March -- ",
        "ACCRA, March 6 (GNA) \u2013 ",
    ],
)
def test_a_wire_credit_before_the_dateline_leaves_its_date_out_of_the_window(lead):
    text = lead + (
        "Ghana is pressing ahead with preparations to host the annual session of the ECOWAS Council of "
        "Ministers and related meetings here, from 20 to 22 March."
    )
    (item,) = extract(text, PUBLISHED).commitments
    assert (str(item.window.start), str(item.window.end)) == ("2024-03-20", "2024-03-22")


@pytest.mark.parametrize(
    "text",
    [
        "Q: Some media reports say the two presidents could meet in Abuja later this year.",
        "Media reports say the Nigerian president will visit Accra in May.",
        "Press reports suggested that a summit would be held in Lagos in June.",
        "Rumours that the ministers will meet in Abuja next month were not confirmed.",
        "Officials said it was not yet clear whether the summit could be rescheduled.",
        "It is unclear when the joint commission will meet again.",
        # A plan the text reports as overtaken.
        "He had also planned talks in Togo before returning on Monday.",
        "The minister had hoped to visit Lagos in May.",
    ],
)
def test_speculation_doubt_and_overtaken_plans_are_no_commitments(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said the two presidents will meet in Abuja later this year.",
        "Answering a question, the spokesman said the summit would be held in Lagos in June.",
        "He has planned talks in Togo for next week.",
    ],
)
def test_what_the_parties_say_they_will_do_is_still_read(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the minister received the Nigerian ambassador to discuss preparations for the state visit.",
        "On Tuesday the two ministers met and agreed to hold the next round of consultations.",
        "On 4 March, the deputy ministers discussed the preparations for the joint commission session.",
        "Last Friday, the presidents spoke and agreed on a state visit at an early date.",
        "On Sunday the envoys held talks and decided to convene the joint commission.",
    ],
)
def test_the_day_of_a_past_act_does_not_date_the_pledge_after_it(text):
    assert all(item.window.is_open for item in _items(text))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "On Friday, the minister will receive the Nigerian ambassador to prepare the state visit.",
            "2024-03-08",
        ),
        ("On 20 March the two ministers will meet in Abuja.", "2024-03-20"),
    ],
)
def test_the_day_of_an_act_to_come_still_dates_it(text, start):
    (item,) = _items(text)
    assert str(item.window.start) == start


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Nigeria will hold the fourth session of their joint commission next week. At the session, set "
        "for 12 to 14 March, the two countries are expected to sign new agreements.",
        "The joint commission will meet in Abuja on 12 and 13 March. Six working groups will deliberate at the "
        "fourth session, each on one area: trade, energy and political consultations.",
        "The permanent joint commission will hold its session in May. During the session the ministers will "
        "sign a protocol on customs.",
        "The joint commission will meet in Abuja in May. On the sidelines of the session, the ministers will "
        "sign an air services agreement.",
        "The joint commission will hold its next session later this month. A memorandum on trade will be signed "
        "at the session.",
    ],
)
def test_an_act_at_the_session_is_part_of_the_session(text):
    (item,) = _items(text)
    assert item.kind.value in {"commission", "consultations"}


@pytest.mark.parametrize(
    "text",
    [
        "The joint commission will meet in Abuja in May. The ministers will sign an air services agreement in "
        "September.",
        "The joint commission will hold its session in May. The presidents will meet in Lagos in June.",
    ],
)
def test_an_act_not_said_to_be_at_the_session_stays_apart(text):
    assert len(_items(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The minister expressed hope that the Agreement on the Mutual Recognition of Driving Licences would be "
        "signed between Ghana and Nigeria.",
        "Both sides hope the Treaty on Extradition and Mutual Legal Assistance in Criminal Matters will be signed.",
        "The Memorandum of Understanding on Cooperation in Agriculture and Fisheries is to be signed.",
        "They expect the bilateral investment protection agreement will be ratified by parliament.",
        "The Convention on the Avoidance of Double Taxation and the Prevention of Fiscal Evasion would be signed.",
    ],
)
def test_signing_a_named_instrument_is_a_concrete_act_without_a_date(text):
    (item,) = _items(text)
    assert item.kind.value in {"signing", "other"} and item.window.is_open


@pytest.mark.parametrize(
    "text",
    [
        "They hope that more documents will be signed.",
        "Both sides hope that further agreements will be signed.",
    ],
)
def test_signing_unnamed_documents_in_general_is_no_act(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "This month Ghana will host the Nigerian foreign minister, who will be on a visit to Accra on 20 March.",
            "2024-03-20",
        ),
        ("Later this year the ministers will meet in Abuja, on 12 November.", "2024-11-12"),
        ("In May, the joint commission will hold its session in Lagos on 14 and 15 May.", "2024-05-14"),
        ("Next month the president will pay a state visit to Nigeria, from 8 to 10 April.", "2024-04-08"),
        ("The summit will be held in the second half of the year, on 3 October, in Abuja.", "2024-10-03"),
    ],
)
def test_a_day_inside_a_wider_time_of_the_same_item_dates_it(text, start):
    (item,) = _items(text)
    assert str(item.window.start) == start


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president is expected to visit Accra next month, the president said after the two leaders "
        "spoke by telephone on Monday.",
        "The ministers will meet in Abuja next month, the ministry said after the envoys met on Friday.",
    ],
)
def test_the_day_of_a_past_contact_inside_the_window_does_not_date_the_item(text):
    (item,) = _items(text)
    assert item.window.precision.value == "month"


@pytest.mark.parametrize(
    "text",
    [
        "A trilateral meeting may be held in a West African capital, most likely Lome, in April.",
        "The summit will take place in a regional capital, probably Lome, in June.",
        "The ministers will meet in a neighbouring capital, possibly Lome, next month.",
    ],
)
def test_the_likely_capital_named_after_a_vague_venue_is_the_place(text):
    (item,) = _items(text)
    assert item.city in {"Lome", "Lom\u00e9"}


@pytest.mark.parametrize(
    "text",
    [
        "The roadmap calls for a meeting of the two foreign ministers in Lagos.",
        "The plan calls for a joint commission session in Abuja.",
        "The agreement calls for the opening of a consulate in Kano.",
    ],
)
def test_a_plan_that_calls_for_an_act_is_a_commitment(text):
    assert len(_items(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president will visit Accra. The two sides commit to hold follow-on negotiations.",
        "Ghana invited the Nigerian president to visit Accra. The two sides agreed to hold follow-up talks on trade.",
        "The Nigerian president will visit Accra. The experts will hold follow-up meetings.",
        "The Nigerian minister will visit Accra. The sides will hold follow-on talks at the earliest possible date.",
        "The Nigerian minister will visit Accra. The envoys will hold follow-on talks next month.",
    ],
)
def test_follow_on_talks_are_not_part_of_a_visit(text):
    assert len(_items(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Further rounds of talks will follow.",
        "Future talks between the customs services are planned.",
    ],
)
def test_talks_in_general_after_a_visit_are_no_act(text):
    assert len(_items("The Nigerian minister will visit Accra. " + text)) == 1


def test_talks_during_a_visit_remain_part_of_it():
    assert len(_items("The Nigerian president will visit Accra. The presidents will hold talks.")) == 1


@pytest.mark.parametrize(
    "phrase",
    [
        "at the earliest possible date",
        "at the earliest date",
        "at an early date",
        "at the earliest convenient date",
    ],
)
def test_the_earliest_possible_date_is_a_vague_window(phrase):
    (item,) = _items(f"The two sides agreed to hold the next round of consultations {phrase}.")
    assert item.window.precision.value == "vague"


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's president will visit Nigeria in July. The July visit will be hosted by Nigeria with support from "
        "Benin-Togo partners.",
        "The Ghanaian president will visit Abuja in August. The August visit will be the first since the "
        "Cameroon-Nigeria summit.",
        "Ghana's president will visit Nigeria in October. The October visit will be hosted by Nigeria with help "
        "from Chad-Niger teams.",
        "The Ghanaian president will visit Abuja in September. The September visit will be the first since the "
        "Togo-Burkina Faso talks.",
        "The Ghanaian president will visit Abuja in November. The November visit will be the longest since the "
        "Mali-Senegal summit.",
    ],
)
def test_third_states_beside_a_repeat_mention_do_not_join_the_item(text):
    (item,) = _items(text)
    assert item.parties == ["GH", "NG"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Ghana, Nigeria and Togo will hold a trilateral meeting in Geneva in May.", ["GH", "NG", "TG"]),
        (
            "The foreign ministers of Ghana, Nigeria and Benin will meet in Vienna next month.",
            ["BJ", "GH", "NG"],
        ),
        ("Ghana, Nigeria and Togo agreed to meet again in Paris in September.", ["GH", "NG", "TG"]),
        (
            "A trilateral meeting of Ghana, Nigeria and Benin may be held in a European capital, most likely Geneva, "
            "in April.",
            ["BJ", "GH", "NG"],
        ),
        ("Ghana, Nigeria and Niger will hold talks in New York in September.", ["GH", "NE", "NG"]),
    ],
)
def test_a_neutral_venue_is_no_party_of_a_meeting_of_named_states(text, parties):
    (item,) = extract(text, PUBLISHED).commitments
    assert item.parties == parties


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president will visit Accra in May.",
        "Ghana's president will travel to Abuja in May.",
        "The two presidents will meet in Abuja in May.",
    ],
)
def test_the_venue_of_a_bilateral_visit_is_its_host(text):
    (item,) = _items(text)
    assert item.parties == ["GH", "NG"]


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers agreed to hold the next round of consultations in\nLagos in May.",
        "The presidents of Ghana and Nigeria, meeting in Accra, agreed that the\nNigerian president will pay a "
        "state visit to Ghana in May.",
        "The joint commission will meet in Abuja in May, the ministry of\nForeign Affairs said.",
        "Both sides agreed to hold the fourth session of the joint commission at\nAbuja in May.",
        "The Ghanaian foreign minister will travel to Abuja, the capital of\nNigeria, in May.",
    ],
)
def test_a_hard_wrapped_line_that_stops_mid_sentence_goes_on(text):
    from tracker.extraction.sentences import split_sentences

    assert len(split_sentences(text)) == 1
    (item,) = _items(text)
    assert str(item.window.start) == "2024-05-01"


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Nigeria to hold consultations\nThe two ministers met in Accra on Tuesday.",
        "VISIT OF THE PRESIDENT\nThe Nigerian president will visit Accra in May.",
    ],
)
def test_a_headline_line_still_ends_at_its_line_break(text):
    from tracker.extraction.sentences import split_sentences

    assert len(split_sentences(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "At the annual session of the joint committee, held on 4 March in Accra, the two sides agreed to set up "
        "new cooperation mechanisms.",
        "At the fifth session of the joint commission, held in Abuja on 1 March, the ministers agreed to open new "
        "cooperation channels.",
        "During the summit, convened in Lagos on 2 March, the leaders decided to launch cooperation programmes.",
    ],
)
def test_a_past_session_that_sets_a_pledge_is_not_the_pledged_act(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "During the visit the ministers are to hold talks on the trade agreement, which entered into force in "
        "January, and on the new airport.",
        "The ministers will discuss the customs protocol, which came into force in February, during the visit.",
        "The presidents will review the visa accord that took effect in January when they meet.",
    ],
)
def test_the_month_a_treaty_took_effect_does_not_date_a_pledge(text):
    assert all(item.window.is_open for item in _items("The Nigerian president will visit Accra. " + text))


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president is due to travel abroad several times before the end of the year.",
        "The minister will travel abroad in May.",
        "The president will visit the region many times this year.",
        "The envoy is expected to travel to the region a number of times before June.",
        "The Ghanaian president will visit abroad in the second half of the year.",
    ],
)
def test_travel_abroad_or_many_trips_is_no_one_act(text):
    assert _items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president will travel to Accra in May.",
        "The minister will visit Abuja several days in May.",
    ],
)
def test_a_trip_to_a_named_place_is_still_an_act(text):
    assert len(_items(text)) == 1
