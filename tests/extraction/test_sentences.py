import pytest

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
