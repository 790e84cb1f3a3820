"""Rules of CONTRACT.md section 3 on small texts written for these tests."""

import datetime as dt

from tracker.domain.model import Firmness, Kind, Precision
from tracker.extraction import extract

D = dt.date


def test_on_sunday_is_the_latest_sunday_on_or_before_publication():
    result = extract("On Sunday the foreign ministers of Peru and Bolivia met in La Paz.", D(2019, 6, 12))
    assert [(m.start, m.city) for m in result.meetings] == [(D(2019, 6, 9), "La Paz")]


def test_reporting_date_does_not_date_the_event():
    text = "The talks between Kenya and Uganda were held virtually, the ministry said on Wednesday."
    assert extract(text, D(2021, 3, 5)).meetings == []


def test_contact_on_the_publication_day_is_a_meeting():
    text = "The foreign ministers of Chile and Peru will meet today in Lima."
    result = extract(text, D(2022, 4, 4))
    assert [(m.start, m.city) for m in result.meetings] == [(D(2022, 4, 4), "Lima")]
    assert result.commitments == []


def test_call_has_no_city_even_with_a_dateline():
    text = "VIENNA, 3 May 2021 - The ministers of Austria and Jordan held a telephone conversation on Monday."
    [meeting] = extract(text, D(2021, 5, 3)).meetings
    assert (meeting.kind, meeting.city, meeting.start) == (Kind.CALL, None, D(2021, 5, 3))


def test_dateline_city_is_the_place_when_no_other_is_named():
    text = "BAKU, 5 October 2017 - Azerbaijan and Latvia held political consultations on Thursday."
    [meeting] = extract(text, D(2017, 10, 5)).meetings
    assert (meeting.city, meeting.timezone, meeting.parties) == ("Baku", "Asia/Baku", ["AZ", "LV"])


def test_mentions_of_one_item_merge_with_the_most_specific_window():
    text = (
        "Egypt and Greece agreed to hold the next session of the joint commission in the coming months. "
        "The session is expected to take place in Athens in August."
    )
    [item] = extract(text, D(2020, 2, 10)).commitments
    assert (item.window.start, item.window.end, item.window.precision) == (
        D(2020, 8, 1),
        D(2020, 8, 31),
        Precision.MONTH,
    )
    assert item.city == "Athens" and item.kind is Kind.COMMISSION


def test_general_intentions_are_not_commitments():
    text = "Both sides agreed to further develop cooperation and to maintain good communication."
    assert extract(text, D(2020, 1, 1)).commitments == []


def test_firmness_from_the_main_verb():
    cases = {
        "It was agreed in principle to hold the next round of consultations in Riga in 2021.": Firmness.IN_PRINCIPLE,
        "The next round of consultations between Estonia and Japan is planned for 2021.": Firmness.PLANNED,
        "The ministers of Estonia and Japan may meet in Tokyo in 2021.": Firmness.PROPOSED,
        "Estonia invited the Japanese minister to visit Tallinn.": Firmness.INVITED,
        "The foreign minister of Japan will visit Tallinn in 2021.": Firmness.AGREED,
    }
    for text, firmness in cases.items():
        [item] = extract(text, D(2020, 6, 1)).commitments
        assert item.firmness is firmness, text


def test_parties_are_inherited_from_the_meeting():
    text = (
        "On 4 March 2020 consultations between Mongolia and Kazakhstan were held in Ulaanbaatar. "
        "The next round will take place in 2021."
    )
    result = extract(text, D(2020, 3, 5))
    assert result.meetings[0].parties == ["KZ", "MN"]
    assert [c.parties for c in result.commitments] == [["KZ", "MN"]]


def test_embassy_in_a_country_is_in_its_capital():
    text = "Canada hopes to reopen its embassy in Iran before the end of the year."
    [item] = extract(text, D(2015, 7, 1)).commitments
    assert (item.city, item.window.precision, item.firmness) == (
        "Tehran",
        Precision.DEADLINE,
        Firmness.PROPOSED,
    )


def test_without_publication_date_the_first_full_date_anchors():
    text = "Released 2 June 2021.\n\nThe ministers of Chile and Spain will meet in Madrid next month."
    result = extract(text)
    assert result.published == D(2021, 6, 2)
    assert (result.commitments[0].window.start, result.commitments[0].window.end) == (
        D(2021, 7, 1),
        D(2021, 7, 31),
    )


def test_abandoned_pledge_and_past_window_are_not_commitments():
    text = (
        "A fourth round of talks scheduled in Rome last September never took place. "
        "Officials had decided it would take place in June 2017."
    )
    assert extract(text, D(2017, 7, 2)).commitments == []


def test_titles_are_short_and_human():
    text = "It was agreed in principle to hold the next round of political consultations in Minsk in 2017."
    [item] = extract(text, D(2016, 10, 6)).commitments
    assert item.title == "Next round of political consultations in Minsk"


# Issue: a bilateral contact with one named party takes its counterpart from the rest of the document.


def test_one_party_meeting_takes_the_dateline_host():
    text = (
        "Lisbon, 4 June 2018.\n\nThe Minister of Foreign Affairs met today with the Foreign Minister of "
        "Morocco at the Necessidades Palace. Trade and migration were on the agenda."
    )
    result = extract(text)
    assert [(m.start, m.parties) for m in result.meetings] == [(D(2018, 6, 4), ["MA", "PT"])]


def test_one_party_meeting_takes_the_pair_named_elsewhere():
    text = (
        "On 2 May 2022 the Foreign Secretary flew to Lusaka, where she held talks with the Zambian President. "
        "The United Kingdom and Zambia will sign a green investment partnership later this year."
    )
    result = extract(text, D(2022, 5, 3))
    assert [m.parties for m in result.meetings] == [["GB", "ZM"]]
    assert [c.parties for c in result.commitments] == [["GB", "ZM"]]


def test_a_multilateral_meeting_keeps_the_main_parties():
    text = (
        "Senior officials of China, Japan and Korea met in Seoul on 3 March 2015. "
        "China hosted the previous round. Japan will host the next round in 2016."
    )
    result = extract(text, D(2015, 3, 4))
    assert [m.parties for m in result.meetings] == [["CN", "JP", "KR"]]


def test_a_visit_to_a_country_has_no_city():
    text = "The ministers expressed the hope that the Prime Minister will visit Ecuador in the first half of 2020."
    result = extract(text, D(2019, 10, 1))
    assert [(c.kind, c.city, c.window.precision) for c in result.commitments] == [
        (Kind.VISIT, None, Precision.HALF)
    ]


def test_next_meeting_of_a_named_format_is_not_a_part_of_a_visit():
    text = (
        "The ministers hope that the President will visit Colombia in the second half of 2021. "
        "They expressed their readiness to hold the next meeting of the Spain-Colombia Binational Dialogue "
        "in Bogota at a mutually convenient date."
    )
    result = extract(text, D(2021, 2, 1))
    found = sorted(
        (c.kind.value, c.city, c.window.precision.value, c.firmness.value) for c in result.commitments
    )
    assert found == [("talks", "Bogotá", "open", "proposed"), ("visit", None, "half", "proposed")]


def test_counted_and_day_of_month_windows_reach_commitments():
    text = (
        "Vilnius, 17 December 2019\n\nThe foreign ministers of Lithuania and Poland met in Vilnius today. "
        "They agreed to meet again in Warsaw on the 30th of this month."
    )
    result = extract(text)
    assert [(c.city, c.window.start, c.window.precision) for c in result.commitments] == [
        ("Warsaw", D(2019, 12, 30), Precision.DAY)
    ]
