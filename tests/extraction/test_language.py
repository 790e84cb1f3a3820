"""detect_language reads the words of a sample whose letters are all ASCII in its lower-cased text: the same
words as lowering each word found in the sample, whatever non-ASCII characters stand between them."""

import pytest

from tracker.extraction import language
from tracker.extraction.language import detect_language


def _words_one_by_one(sample: str) -> list[str]:
    return [word.lower() for word in language._WORD.findall(sample)]


@pytest.mark.parametrize(
    "sample",
    [
        "The Minister’s visit — “a success” – was held in Riga on 5 May.",
        "« Les consultations » ont eu lieu a Riga… le 5 mai\u00a02023 (page 2 • note 3).",
        "Items 1_2 and A-B, tabs\tand\nlines; ‘quoted’ and „low” quotes.",
    ],
)
def test_a_sample_of_ascii_letters_gives_the_words_of_the_letters_one_by_one(sample):
    assert not sample.isascii() and not language._BEYOND_ASCII_WORD.search(sample)
    assert language._ASCII_WORD.findall(sample.lower()) == _words_one_by_one(sample)


@pytest.mark.parametrize(
    "sample",
    [
        "La délégation est arrivée à Belgrade.",
        "The \u212aelvin sign and a long \u017fs.",  # letters IGNORECASE equates with ASCII ones
        "Istanbul and İzmir, the dotless \u0131.",  # İ lowers to two characters
        "Chapter \u2163 of the agreement.",  # a Roman numeral is a word character
        "Half (\u00bd) of the cases.",  # so is a fraction
    ],
)
def test_a_sample_with_a_letter_beyond_ascii_is_read_word_by_word(sample):
    assert language._BEYOND_ASCII_WORD.search(sample)


def test_curly_quotes_and_dashes_leave_the_language_as_the_words_say():
    english = (
        "“The talks,” the minister said – “were held in Riga” – and the sides agreed to meet again. " * 5
    )
    french = (
        "« Les consultations », a dit le ministre – « ont été tenues à Riga » – et les deux parties. " * 5
    )
    french_in_ascii_letters = (
        "« Les consultations », a dit le ministre – « ont eu lieu a Riga » – et les deux parties. " * 5
    )
    assert detect_language(english) == "en"
    assert detect_language(french) == "fr"
    assert detect_language(french_in_ascii_letters) == "fr"
