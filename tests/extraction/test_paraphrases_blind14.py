"""Paraphrase sets for rules read off blind14 once it became dev data (#11). None of the phrasings is
from a corpus."""

import datetime as dt

import pytest
from lead_sentence import PUBLISHED, read

from tracker.domain.model import Kind
from tracker.extraction import extract

D = dt.date


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's Foreign Minister telephoned his Togolese counterpart on Tuesday.",
        "Ghana's Foreign Minister Ablakwa telephoned Togo's Robert Dussey late on Tuesday to discuss border trade.",
        "President Mahama of Ghana phoned President Faure of Togo on Tuesday and wished him well.",
        "On Tuesday the Ghanaian minister phoned the Togolese foreign minister about the corridor.",
        "Ablakwa, Ghana's top diplomat, telephoned Togolese Minister Dussey on Tuesday evening.",
    ],
)
def test_telephoning_someone_is_a_call(text):
    meetings, _ = read(text)
    assert [(m.start, m.kind, sorted(m.parties)) for m in meetings] == [
        (D(2024, 3, 5), Kind.CALL, ["GH", "TG"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's Foreign Minister will telephone his Togolese counterpart on Friday.",
        "A telephone line between Accra and Lomé was opened on Tuesday by Ghana and Togo.",
    ],
)
def test_a_call_to_come_or_a_telephone_line_is_no_call_held(text):
    meetings, _ = read(text)
    assert [m for m in meetings if m.kind is Kind.CALL] == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks on Monday were co-chaired by Togolese Foreign Minister Dussey and Ghana's Foreign "
        "Minister Ablakwa, who flew into Accra on Sunday.",
        "Ghana's Foreign Minister met Togolese Foreign Minister Dussey, who flew in from Lome on Sunday, "
        "for talks on Monday.",
        "Ghana's President Mahama held talks with Togolese Prime Minister Dogbe, who flew into Accra on "
        "Sunday, at the Jubilee House on Monday.",
    ],
)
def test_the_day_of_a_guests_journey_in_a_clause_of_its_own_does_not_date_the_contact(text):
    meetings, _ = read(text)
    assert [m.start for m in meetings] == [D(2024, 3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Mahama and Faure agreed on Saturday in Accra to hold the next session of the joint commission in Lome.",
        "The two presidents agreed in Accra to hold the next session of their joint commission in Lome in May.",
        "Ghana and Togo decided yesterday in Accra that the joint commission will meet next in Lome.",
        "Ghanaian and Togolese ministers agreed today in Accra to hold the next joint commission in Lome.",
        "Ghana and Togo agreed last week in Accra to hold the next round of consultations in Lome.",
    ],
)
def test_the_city_an_agreement_was_made_in_is_not_the_venue_of_what_was_agreed(text):
    _, commitments = read(text)
    assert [c.city for c in commitments] == ["Lomé"]


def test_an_agreement_made_in_a_city_names_no_venue_for_its_plan():
    _, commitments = read(
        "Ghana and Togo agreed on Saturday in Accra to hold the next joint commission in May."
    )
    assert [c.city for c in commitments] == [None]


@pytest.mark.parametrize(
    "text, day",
    [
        (
            "Ablakwa will be in Lome next Tuesday. The day before, he will be in Cotonou for talks.",
            D(2024, 3, 11),
        ),
        ("Ablakwa will be in Lome on 12 March. On the day before, he will visit Cotonou.", D(2024, 3, 11)),
        ("Ablakwa will be in Lome on 12 March. The next day, he will travel on to Cotonou.", D(2024, 3, 13)),
        (
            "Ablakwa will visit Lome on 12 March; the following day he will hold talks in Cotonou.",
            D(2024, 3, 13),
        ),
        (
            "The ministers will meet in Lome on 12 March. On the same day, Ablakwa will visit Cotonou.",
            D(2024, 3, 12),
        ),
    ],
)
def test_a_day_to_come_named_from_the_last_one(text, day):
    _, commitments = read(text)
    cotonou = [c for c in commitments if c.city == "Cotonou"]
    assert [(c.window.start, c.window.end) for c in cotonou] == [(day, day)]


def test_the_day_before_a_named_event_is_not_the_day_before_the_last_one():
    _, commitments = read(
        "Ablakwa will be in Lome on 12 March. The day before the summit, he will visit Cotonou."
    )
    assert [c.window.start for c in commitments if c.city == "Cotonou"] != [D(2024, 3, 11)]


def test_a_past_day_before_the_last_one_dates_a_contact():
    meetings, _ = read(
        "Ghana's Foreign Minister met Togolese Foreign Minister Dussey in Lome on Monday. The day before, "
        "he had held talks with Benin's Foreign Minister in Cotonou."
    )
    assert sorted(m.start for m in meetings) == [D(2024, 3, 3), D(2024, 3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the foreign ministers of Ghana and Togo agreed that the talks will become an annual event.",
        "Meeting in Accra on Monday, the ministers of Ghana and Togo agreed to meet again in Lome.",
        "On Monday, Ghana's President Mahama and Togo's President Faure decided to hold a summit every year.",
        "Ghana and Togo on Monday pledged to hold the next round of consultations in Lome.",
        "Talking in Accra on Monday, Ghana's foreign minister invited his Togolese counterpart to visit Ghana.",
    ],
)
def test_the_day_an_agreement_was_made_is_not_the_day_of_what_it_agreed(text):
    _, commitments = read(text)
    assert [c.window.is_open for c in commitments] == [True]


def test_a_day_after_the_future_verb_still_dates_the_act():
    _, commitments = read(
        "On Monday the ministers of Ghana and Togo will meet in Lome, the two sides agreed."
    )
    assert [c.window.start for c in commitments] == [D(2024, 3, 11)]


@pytest.mark.parametrize(
    "text",
    [
        "ACCRA, 6 March 2024 -- Bilateral relations were discussed by Ghana's Foreign Minister Ablakwa during a "
        "phone call with Togolese Foreign Minister Dussey.",
        "ACCRA, 6 March 2024 -- Border trade was discussed by Ghanaian President Mahama and Togolese President "
        "Faure during their meeting at the Jubilee House.",
        "ACCRA, 6 March 2024 -- Regional security was also discussed by Ghana's Foreign Minister and his "
        "Togolese counterpart in a telephone conversation.",
    ],
)
def test_a_matter_discussed_by_someone_in_a_contact_tells_the_contact(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(PUBLISHED, ["GH", "TG"])]


def test_a_matter_to_be_discussed_at_a_meeting_to_come_is_no_contact():
    meetings, _ = read(
        "ACCRA, 6 March 2024 -- Border trade will be discussed by Ghana's Foreign Minister and his Togolese "
        "counterpart at their meeting next week."
    )
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Ghana's Foreign Minister received Robert Dussey, Minister of Foreign Affairs of Togo.",
        "On Monday, President Mahama of Ghana received Faure Gnassingbe, the President of Togo, at the Jubilee "
        "House.",
        "On Monday, Ghana's Chief of Staff welcomed Kodjo Adedze, security advisor to the Togolese President.",
        "On Monday, the Ghanaian Vice-President hosted Victoire Tomegah Dogbe, Prime Minister of Togo, for lunch.",
    ],
)
def test_a_guest_named_then_titled_is_received(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 4), ["GH", "TG"])]


def test_receiving_a_named_document_is_no_reception():
    meetings, _ = read(
        "On Monday, Ghana's Foreign Ministry received Note Verbale 12, a letter of the Togolese side."
    )
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "External Affairs Minister Sushma Swaraj will visit Ghana on March 12.",
        "External Affairs Minister Jaishankar will hold talks with his Ghanaian counterpart on March 12.",
        "On March 12, External Affairs Minister S. Jaishankar will receive Ghana's Foreign Minister Ablakwa in New Delhi.",
    ],
)
def test_the_external_affairs_minister_brings_india_to_the_table(text):
    _, commitments = read(text)
    assert [sorted(c.parties) for c in commitments] == [["GH", "IN"]]


LATER = D(2024, 4, 20)  # more than a month after the meetings below


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo will hold talks in May.\n\nAt a breakthrough meeting in Lome on March 4, the two "
        "presidents then agreed to reopen the border.",
        "Ghana and Togo will hold talks in May.\n\nAt their summit in Lome on March 4, the leaders pledged to "
        "fight piracy together.",
        "Ghana and Togo will hold talks in May.\n\nDuring the meeting in Lome on March 4, the two ministers "
        "agreed to set up a joint patrol.",
    ],
)
def test_a_meeting_on_a_day_long_past_at_which_they_agreed_took_place(text):
    found = extract(text, LATER)
    assert [(m.start, sorted(m.parties)) for m in found.meetings] == [(D(2024, 3, 4), ["GH", "TG"])]


def test_a_meeting_on_a_yearless_day_they_agreed_to_hold_is_not_past():
    found = extract("Ghana and Togo agreed to hold a meeting in Lome on March 4.", LATER)
    assert found.meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "They reached the agreement at their meeting in Keta, the Volta Region, on Monday, Ghana and Togo said.",
        "Ghana and Togo reached an understanding on the border at the talks held in Keta, in the east, on Monday.",
        "Ghanaian and Togolese ministers reached a broad consensus during the consultations in Keta, near the "
        "border, on Monday.",
    ],
)
def test_reaching_an_agreement_at_a_meeting_tells_the_meeting(text):
    meetings, _ = read(text)
    assert [(m.start, sorted(m.parties)) for m in meetings] == [(D(2024, 3, 4), ["GH", "TG"])]


def test_an_agreement_to_be_reached_at_a_meeting_to_come_is_no_meeting():
    meetings, _ = read("Ghana and Togo hope to reach an agreement at the meeting in Keta next Monday.")
    assert meetings == []


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo will hold a summit this year. Asked when, the minister said the summit will take place "
        "before the end of this year.",
        "The Ghana-Togo summit will take place before the end of the year. Both sides want the summit held this "
        "year.",
        "Ghana and Togo will hold their joint commission in 2024. The joint commission will meet by the end of "
        "this year, the minister said.",
    ],
)
def test_a_deadline_within_the_year_is_more_specific_than_the_year(text):
    _, commitments = read(text)
    assert [(c.window.start, c.window.end) for c in commitments] == [(PUBLISHED, D(2024, 12, 31))]
