"""Paraphrase sets for rules read off blind18 once it became dev data (#11, thirteenth session). None of
the phrasings is from a corpus."""

import datetime as dt

import pytest
from lead_sentence import items_after_lead, read

from tracker.domain.model import Precision

D = dt.date


# PUBLISHED is a Wednesday (2024-03-06): Monday and Tuesday ahead are 11 and 12 March.
@pytest.mark.parametrize(
    "text",
    [
        "The annual forum of the two countries is scheduled for Monday and Tuesday.",
        "Their foreign ministers will meet again on Monday and Tuesday in Abuja.",
        "A joint commission session is to be held on 11 and 12 March.",
        "The two delegations are due to hold talks on Monday and Tuesday next week.",
        "Ghana will host the next round of consultations on March 11 and March 12.",
    ],
)
def test_an_item_over_two_days_in_a_row_has_both(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end, item.window.precision) == (
        D(2024, 3, 11),
        D(2024, 3, 12),
        Precision.DAYS,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to sign the border protocol in 2025 at the latest.",
        "They will conclude the agreement on visas in 2025, at the latest.",
        "Ghana and Nigeria are to hold the next session of the joint commission in 2025 at the latest.",
        "The ministers agreed that the treaty would be ratified in 2025 at the latest.",
        "A new round of consultations is planned for 2025 at the latest.",
    ],
)
def test_a_time_at_the_latest_is_a_deadline(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end, item.window.precision) == (
        D(2024, 3, 6),
        D(2025, 12, 31),
        Precision.DEADLINE,
    )


@pytest.mark.parametrize(
    "text",
    [
        "They agreed to sign the new border documents in 2025 at the latest. "
        "The joint committee will hold its next meeting in Abuja in May 2024.",
        "A trade agreement is to be signed before the end of 2025. The next round of talks is set for June 2024.",
        "The sides plan to sign the visa protocol by 2026. They also agreed to meet again in September 2024.",
        "The two ministers will sign the memorandum by the end of next year. Consultations will resume in July.",
        "Ghana and Nigeria are to sign the treaty by 2025. The commission's next session will take place in October.",
    ],
)
def test_a_signing_with_a_deadline_and_a_meeting_inside_it_are_two_items(text):
    assert len(items_after_lead(text)) == 2


def test_a_signing_during_a_visit_is_still_part_of_it():
    text = (
        "Nigeria's President will visit Accra in May. Several agreements are to be signed during the visit."
    )
    [item] = items_after_lead(text)
    assert item.kind.value == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "Will the two presidents meet in Abuja next month?",
        "Ghana and Nigeria may hold a summit next week?",
        "Is a visit by the Ghanaian President to Abuja planned for May?",
        '"Will the joint commission meet again before the end of the year?"',
        "Could the consultations resume in April?",
    ],
)
def test_a_question_pledges_nothing(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Asked "when?", the minister said the joint commission would meet in Abuja in May.',
        "The two presidents will meet in Abuja next month, the spokesman said (see: what next?).",
    ],
)
def test_a_question_inside_a_pledge_leaves_it(text):
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "A reporter said that, by some speculation, the two presidents might meet in Abuja next week.",
        "There is speculation that the joint commission will meet in Abuja in May.",
        "Speculation has it that the President will visit Abuja next month.",
        "Some diplomats speculated that the summit would be held in Abuja in June.",
        "By speculation in the local press, the ministers could hold talks in Abuja next week.",
    ],
)
def test_speculation_is_no_pledge(text):
    assert items_after_lead(text) == []


def test_an_announcement_after_speculation_is_one():
    text = (
        "After weeks of speculation, the ministry announced that the President will visit Abuja next month."
    )
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text, start, end",
    [
        (
            "Ghana and Nigeria have set a joint commission meeting for June 14 in Abuja.",
            D(2024, 6, 14),
            D(2024, 6, 14),
        ),
        (
            "The two foreign ministers announced a meeting for the beginning of April in Abuja.",
            D(2024, 4, 1),
            D(2024, 4, 10),
        ),
        ("The sides fixed the next round of consultations for 20 May.", D(2024, 5, 20), D(2024, 5, 20)),
        (
            "Officials arranged a session of the border committee for next week.",
            D(2024, 3, 11),
            D(2024, 3, 17),
        ),
        ("Ghana has announced the opening of the summit for 2 July.", D(2024, 7, 2), D(2024, 7, 2)),
    ],
)
def test_a_contact_set_for_a_time_is_an_item(text, start, end):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "He called the joint commission a pivotal platform for closer ties.",
        "The ministers set the tone for cooperation at the summit.",
        "Ghana set up a working group on the commission for border issues.",
        "The ministry announced the results of the meeting for the press.",
        "The two sides set a target for trade of five billion dollars.",
    ],
)
def test_setting_or_naming_something_else_is_no_item(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministers of Ghana, Nigeria and Togo will hold trilateral talks in Lome on 20 March. "
        "Ghana and Togo are also scheduled to hold a separate meeting on 20 March.",
        "Ghana and Nigeria will hold consultations in Abuja on 20 March. "
        "The two deputy ministers will have a separate bilateral meeting in Abuja on 20 March.",
        "Ghana and Nigeria will hold a joint commission session in Abuja on 20 March. "
        "The two foreign ministers will also hold separate talks in Abuja on 20 March.",
        "Ghana and Nigeria will meet in Abuja on 20 March. "
        "Their trade ministers will hold a separate session on 20 March.",
        "Ghana, Nigeria and Togo will hold talks in Lome on 20 March; "
        "Nigeria and Togo will hold separate consultations there the same day.",
    ],
)
def test_a_separate_contact_the_same_day_is_an_item_of_its_own(text):
    assert len(items_after_lead(text)) == 2


def test_the_same_contact_named_twice_is_one_item():
    text = "Ghana and Nigeria will hold consultations in Abuja on 20 March. The consultations on 20 March will be chaired by the ministers."
    assert len(items_after_lead(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On 20 March, in Abuja, Ghana's foreign minister is to sit down with his Nigerian counterpart.",
        "Ghana's President will sit down with President Tinubu in Abuja on 20 March.",
        "The Ghanaian minister is set to sit down with Nigeria's foreign minister in Abuja on 20 March.",
        "Ghana's envoy is expected to sit down with Nigerian officials in Abuja on 20 March.",
        "The two ministers will be sitting down with each other in Abuja on 20 March.",
    ],
)
def test_sitting_down_with_someone_ahead_is_an_item(text):
    [item] = items_after_lead(text)
    assert item.window.start == D(2024, 3, 20)


@pytest.mark.parametrize(
    "text",
    [
        "The minister sat down with reporters after the consultations on Tuesday.",
        "Ghana's President sits down to write the speech.",
    ],
)
def test_sitting_down_otherwise_is_no_item(text):
    assert items_after_lead(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "ACCRA, 6 March - The foreign ministers of Ghana and Nigeria got together in Accra on Tuesday.",
        "Ghana's foreign minister is getting together with his Nigerian counterpart in Accra today.",
        "The Ghanaian and Nigerian ministers gets together in Accra today to review the border talks.",
        "Ghana and Nigeria's foreign ministers got together on Tuesday in Accra.",
        "On Tuesday, the ministers of Ghana and Nigeria got together in Accra for consultations.",
    ],
)
def test_getting_together_on_a_day_is_a_meeting(text):
    meetings, _ = read(text)
    assert [(m.city, sorted(m.parties)) for m in meetings] == [("Accra", ["GH", "NG"])]
