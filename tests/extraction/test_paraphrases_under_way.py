"""Paraphrase set for a contact that begins on the publication day and goes on after it (#11): the
held-out writers annotate it as a meeting over all its days ("will pay a state visit on Sept. 5-6"
said on Sept. 5, "opened a two-day session today"), as the contract does for a one-day contact of the
publication day. None of the phrasings is from a corpus."""

import datetime as dt

import pytest

from tracker.extraction import extract

D = dt.date
PUBLISHED = D(2024, 3, 6)  # a Wednesday


def read(text):
    found = extract(text, PUBLISHED)
    return [(m.start, m.end) for m in found.meetings], found.commitments


@pytest.mark.parametrize(
    "text, end",
    [
        ("President Mahama of Ghana will pay a state visit to Nigeria on March 6-7.", D(2024, 3, 7)),
        (
            "The foreign ministers of Ghana and Nigeria will meet in Abuja for two days, 6 and 7 March.",
            D(2024, 3, 7),
        ),
        ("Ghana and Nigeria will hold political consultations in Accra from 6 to 8 March.", D(2024, 3, 8)),
        (
            "Ghana's foreign minister arrived in Abuja today for a three-day official visit to Nigeria.",
            D(2024, 3, 8),
        ),
        ("The Ghana-Nigeria joint commission opened a two-day session in Accra on Wednesday.", D(2024, 3, 7)),
        ("Nigeria's foreign minister begins his two-day official visit to Ghana today.", D(2024, 3, 7)),
        ("Nigerian ministers in Accra for a three-day visit to Ghana from today.", D(2024, 3, 8)),
    ],
)
def test_a_contact_that_begins_on_the_publication_day_is_a_meeting_over_all_its_days(text, end):
    meetings, commitments = read(text)
    assert meetings == [(PUBLISHED, end)]
    assert commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "President Mahama of Ghana will pay a state visit to Nigeria on March 7-8.",
        "Ghana and Nigeria will hold political consultations in Accra from 11 to 13 March.",
        "Ghana's foreign minister will visit Nigeria this week.",
        "The visit of Ghana's foreign minister to Nigeria has been shifted from March 6 to March 12.",
    ],
)
def test_a_contact_that_begins_later_or_a_week_or_a_move_stays_a_commitment(text):
    meetings, commitments = read(text)
    assert meetings == []
    assert len(commitments) == 1


@pytest.mark.parametrize(
    "text",
    [
        "President Mahama held talks in Accra on Wednesday with President Tinubu of Nigeria, who arrived "
        "earlier in the day for a two-day state visit.",
        "Nigeria's foreign minister held talks with his Ghanaian counterpart in Accra today, at the start "
        "of a three-day visit.",
    ],
)
def test_talks_at_the_start_of_a_longer_visit_last_their_own_day(text):
    meetings, _ = read(text)
    assert meetings == [(PUBLISHED, PUBLISHED)]
