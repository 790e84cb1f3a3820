"""Which language a document is written in, so that only English is read by the English rules.

A script test first (Cyrillic, Greek, Arabic, CJK ... letters are not English), then a
stop-word test over the Latin-script words: the language whose most frequent function
words cover the most of the text wins. No model and no network; a short or mixed text
with no clear signal counts as English, the language the rules read.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["detect_language", "READ_LANGUAGES"]

READ_LANGUAGES = frozenset({"en"})

# The most frequent function words of each language; words shared across languages count for each.
_STOP_WORDS = {
    "en": "the of and to in a is that for on with as was by at from it are has have be were will this an its".split(),
    "fr": "le la les de des du et à en un une est que pour dans sur par au aux avec qui ont été sont ce cette".split(),
    "es": "el la los las de del y en un una es que por para con se al fue sobre como su sus ha han".split(),
    "pt": "o a os as de do da dos das e em um uma que para com por no na foi são sobre".split(),
    "de": "der die das und den dem des zu mit von im ist ein eine auf für sich nicht wurde werden".split(),
    "it": "il la le di del della e in un una che per con sono è alla nel dei stato".split(),
    "sr": "je i u na da se su za od sa o koji koja ministar saradnje srbije".split(),
    "ru": "и в на с по что о к для не из от за это как".split(),
}
# Each function word -> the languages it is one of.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _STOP_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = _LANGUAGES_OF.get(_word, ()) + (_language,)
_SAMPLE = 3000  # characters read: the language shows long before
_LETTER = re.compile(r"[^\W\d_]")
_BEYOND_LATIN = re.compile(r"[^\W\d_\u0000-\u024F]")
_SCRIPTS = {
    "CYRILLIC": "ru",
    "GREEK": "el",
    "ARABIC": "ar",
    "HEBREW": "he",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "THAI": "th",
    "DEVANAGARI": "hi",
}
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")  # _WORD in lower-case text whose letters are all ASCII, twice as fast
_BEYOND_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")  # a letter (or digit) beyond ASCII
# Serbian, Macedonian, Bulgarian, Ukrainian and Belarusian letters tell Cyrillic languages apart a little.
_CYRILLIC_HINTS = {"sr": set("ђјљњћџ"), "uk": set("їєґі"), "be": set("ўі")}


def _script(letter: str) -> str | None:
    name = unicodedata.name(letter, "")
    for script, code in _SCRIPTS.items():
        if name.startswith(script):
            return code
    return None


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the language most of `text` is written in ("en" when unsure)."""
    sample = text[:_SAMPLE]
    if sample.isascii() or not _BEYOND_ASCII_WORD.search(sample):
        # Every letter ASCII (curly quotes and dashes are no letters): no script test, and the words
        # found in lower case first, the same words faster (lower() makes no other character a letter).
        words = _ASCII_WORD.findall(sample.lower())
    else:
        code = _script_of(text, sample)
        if code is not None:
            return code
        words = list(map(str.lower, _WORD.findall(sample)))
    if len(words) < 8:
        return "en"
    counts = dict.fromkeys(_STOP_WORDS, 0)
    # The function words counted by their languages (few distinct tuples), the other words dropped
    # without a Python step each: map, filter and Counter run in C.
    for languages, times in Counter(filter(None, map(_LANGUAGES_OF.get, words))).items():
        for language in languages:
            counts[language] += times
    scores = {language: count / len(words) for language, count in counts.items()}
    best = max(scores, key=scores.__getitem__)
    # English keeps the document unless another language is clearly ahead.
    return best if scores[best] > scores["en"] * 1.5 and scores[best] > 0.08 else "en"


def _script_of(text: str, sample: str) -> str | None:
    """The language of the script most letters of the sample are written in, when it is not Latin."""
    scripts: dict[str, int] = {}
    beyond = _BEYOND_LATIN.findall(sample) if _BEYOND_LATIN.search(sample) else []
    letters = len(_LETTER.findall(sample)) if beyond else 0
    for letter in beyond:
        code = _script(letter)
        if code:
            scripts[code] = scripts.get(code, 0) + 1
    if scripts:
        code, count = max(scripts.items(), key=lambda pair: pair[1])
        if count > letters / 2:
            if code == "ru":
                present = set(text.lower())
                return next((lang for lang, hints in _CYRILLIC_HINTS.items() if present & hints), "ru")
            return code
    return None
