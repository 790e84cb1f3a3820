import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.extraction import sentences
from tracker.extraction.sentences import MAX_SENTENCE, split_sentences


def _texts(text):
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met H.E. Amb. Jones. They talked.", ["Mr. Smith met H.E. Amb. Jones.", "They talked."]),
        (
            "The U.S. Secretary of State arrived. He spoke.",
            ["The U.S. Secretary of State arrived.", "He spoke."],
        ),
        ("Resolution No. 5 passed. It holds.", ["Resolution No. 5 passed.", "It holds."]),
        (
            "President A. Lukashenko and Kornelios S. Korneliou met.",
            ["President A. Lukashenko and Kornelios S. Korneliou met."],
        ),
        ("Lima, Jul. 2. The meeting is set.", ["Lima, Jul. 2.", "The meeting is set."]),
        ("Headline with no stop\nThe body starts here.", ["Headline with no stop", "The body starts here."]),
        ("A line that wraps\nin lower case goes on.", ["A line that wraps\nin lower case goes on."]),
        ('"We agreed," he said. Done!', ['"We agreed," he said.', "Done!"]),
        # A stop between digits is a number's; "On 17.01." (a German-style day and month) opens a sentence.
        ("Trade grew 1.5 percent. Talks went on.", ["Trade grew 1.5 percent.", "Talks went on."]),
        (
            "On 17.01. Federal Minister Steinmeier met Ms Rice. They talked.",
            ["On 17.01. Federal Minister Steinmeier met Ms Rice.", "They talked."],
        ),
        ("on 3.10. The talks opened.", ["on 3.10. The talks opened."]),
        ("It was signed in 2017. The talks ended.", ["It was signed in 2017.", "The talks ended."]),
        ("The score was 3.1. Then they left.", ["The score was 3.1.", "Then they left."]),
    ],
)
def test_split(text, expected):
    assert _texts(text) == expected


def test_offsets_index_the_text():
    text = "  One. Two?\n\nThree!  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_overlong_run_is_cut():
    text = "word " * 5000
    assert all(len(s.text) <= MAX_SENTENCE for s in split_sentences(text))


# A wire item hard-wrapped at about 60 characters, as old agency copy and mail arrive.
WRAPPED = (
    "Ghana and Togo Review Their Border Trade Corridor Plans\n"
    "Accra, March 6\n"
    "The foreign ministers of Ghana and Togo met in Accra on Tuesday\n"
    "and agreed to reopen the border crossing at Aflao by the end of\n"
    "the month, officials said. Foreign Minister Samuel Ablakwa met\n"
    "Togolese Foreign Minister Robert Dussey at the ministry for\n"
    "two hours, a spokesman told reporters after the meeting ended.\n"
    "Customs officers of both sides will meet in Lome next week to\n"
    "settle the details of the joint inspection post at the border.\n"
)


def test_a_full_line_of_a_hard_wrapped_text_goes_on_whatever_the_case_of_the_next():
    assert (
        "Foreign Minister Samuel Ablakwa met\nTogolese Foreign Minister Robert Dussey at the ministry for\n"
        "two hours, a spokesman told reporters after the meeting ended." in _texts(WRAPPED)
    )


def test_the_headline_and_a_short_line_of_a_hard_wrapped_text_stay_lines_of_their_own():
    sentences = _texts(WRAPPED)
    assert sentences[:2] == ["Ghana and Togo Review Their Border Trade Corridor Plans", "Accra, March 6"]


def test_a_title_case_line_in_a_hard_wrapped_text_is_a_headline():
    text = "Top News\n" + WRAPPED.replace(
        "Accra, March 6\n", "Foreign Ministers To Meet Again Next Week In Lome\n"
    )
    assert "Foreign Ministers To Meet Again Next Week In Lome" in _texts(text)


def test_lines_of_a_text_that_is_not_hard_wrapped_end_where_they_stop():
    text = "Home\nNews\nPress releases\nThe ministers met on Tuesday\nA joint statement was issued\n"
    assert _texts(text) == [
        "Home",
        "News",
        "Press releases",
        "The ministers met on Tuesday",
        "A joint statement was issued",
    ]


@given(st.text(alphabet="aZ\u00e91_. \n\u0660-", max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_the_possessive_word_before_a_stop_finds_what_the_backtracking_one_finds(text, pos, endpos):
    backtracking = re.compile(r"([^\W\d_](?:[^\W_]|\.(?=[^\W_]))*)$")
    mine, theirs = sentences._WORD_BEFORE.search(text, pos, endpos), backtracking.search(text, pos, endpos)
    assert (mine and (mine.span(), mine.group(1))) == (theirs and (theirs.span(), theirs.group(1)))
