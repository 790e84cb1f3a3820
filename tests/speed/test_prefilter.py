"""A pattern tried only at its possible starts finds what the pattern finds (tracker.speed.prefilter)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction import context, events, meetings, sentences
from tracker.speed.prefilter import Prefiltered, fold, guarded
from tracker.temporal import patterns as temporal

PATTERNS = [
    events._ANY_EVENT.pattern,
    re.compile(
        r"(?<![\w-])(?:talks?|the\s+(?:next|last)\s+round|(?-i:Visit)\b|JEC|[a-c]x{2,}|k(?:is|ss)+)", re.I
    ),
    re.compile(r"(?:(?:state |official )?visits?|(?<!press )conferences?)(?![\w-])", re.I),
    re.compile(r"due in(?= (?!May)[A-Z])|sign(?:ing|ed)?(?: ceremony)?", re.I),
    re.compile(r"\w+ed\b|talks", re.I),  # may start anywhere: the pattern alone
    re.compile(r"visit(?:ed)?|Talks"),  # case-sensitive
    re.compile(r"aa(?=b)|t\u0130s", re.I),  # a start that fails just before one that does not
    re.compile(r"(?<!\w)(?:talks|vi\u017fit|state visit|[a-c]x+)", re.I),  # starts sought at word starts only
    re.compile(r"(?<!\w)(?:talks|visit)", re.I | re.A),  # ASCII word characters: sought everywhere
]
WORDS = ["talks", "TALKS", "Tal\u212a\u017f", "visit", "vi\u017f\u0131t", "state", "Visited", "press", "conference",
         "JEC", "jec", "abxx", "kiss", "the", "next", "round", "due", "in", "May", "Minsk", "signed", "ceremony",
         "\u0130stanbul", "-", ",", ".", "\n", "  ", "\u00e9t\u00e9", "x", "a", "A", "b", "aaab"]  # fmt: skip


# Built once, as the extractor builds its own at import: building one of the large pattern costs more
# than all the matching an example does.
PREFILTERED = [(pattern, Prefiltered(pattern)) for pattern in PATTERNS]


def _found(matches) -> list:
    return [(m.span(), m.lastgroup, m.group()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=30),
    separators=st.lists(st.sampled_from([" ", "", "-", "\n"]), min_size=30, max_size=30),
    pos=st.integers(-2, 40),
    endpos=st.integers(-2, 400),
)
def test_same_matches_as_the_pattern_at_the_same_places(words, separators, pos, endpos):
    text = "".join(word + separator for word, separator in zip(words, separators, strict=False))
    for pattern, fast in PREFILTERED:
        assert _found(fast.finditer(text, pos, endpos)) == _found(pattern.finditer(text, pos, endpos))
        assert _found(fast.finditer(text)) == _found(pattern.finditer(text))
        assert _found([fast.search(text, pos)] if fast.search(text, pos) else []) == _found(
            [pattern.search(text, pos)] if pattern.search(text, pos) else []
        )


def test_event_words_are_looked_for_only_where_one_may_begin():
    fast = Prefiltered(events._ANY_EVENT.pattern)
    assert list(fast.finditer("")) == []
    assert fast._starts is not None and fast._starts.search("phone call") and not fast._starts.search("xyz")
    assert not fast._starts.search("xphone xcall")  # inside words


def test_fold_lowers_exactly_the_letters_ignorecase_equates_with_ascii_letters():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = fold(every)
    assert len(folded) == len(every)
    changed = {a: b for a, b in zip(every, folded, strict=True) if a != b}
    assert set(changed.values()) <= set("abcdefghijklmnopqrstuvwxyz")
    assert set(changed) | set("abcdefghijklmnopqrstuvwxyz") == set(re.findall("[a-z]", every, re.IGNORECASE))
    assert all(re.fullmatch(b, a, re.IGNORECASE) for a, b in changed.items())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Q3", "q5", "MAY", "Due Course", "due  course", "\u0130", "\u0660", "Sunday", "sundae"]
        )
        | st.text(alphabet="aAbByYtTsS\u017f\u212a\u0131 -_", max_size=8),
        max_size=8,
    )
)
def test_the_time_word_gate_in_lower_case_finds_in_folded_text_what_it_finds_with_ignorecase(words):
    text = " ".join(words)
    gate = context._TIME_WORD
    assert not re.search(r"(?<!\\)[A-Z]", gate.pattern)  # lower case, or fold() would not do
    assert bool(gate.search(fold(text))) == bool(re.compile(gate.pattern, re.IGNORECASE).search(text))


GUARDED = [
    sentences._BOUNDARY,
    context._DAY_REFERENCE,
    meetings._HEADED,
    temporal._WEEKDAY,
    temporal._LEAD,
    re.compile(r"(?:(?P<rel>(?i:next|last))\s)?(?P<wd>Monday|Talks)\b"),
    re.compile(r"(?<![^\W_])[A-Z\u00C0-\u00DE][^\W_]*|\d+(?:st|nd)?|[-\u2013]+"),
    re.compile(r"(?:\s+the)?\s*(?:visit|tal[k-m]s)  # a comment at the end", re.I | re.X),
    re.compile(r"(?i:a\u0130)b|[^x]y"),  # may begin with almost anything: left as it is
    re.compile(r"x*"),  # may match nothing: left as it is
]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(WORDS + ["Monday", "next", "LAST", "On", "same day", "led by", "Ban Ki"]), max_size=30
    ),
    separators=st.lists(
        st.sampled_from([" ", "", "\n", ". ", "\t\n\n", "!\u201d "]), min_size=30, max_size=30
    ),
)
def test_a_guarded_pattern_finds_what_the_pattern_finds(words, separators):
    text = "".join(word + separator for word, separator in zip(words, separators, strict=False))
    for pattern in GUARDED:
        fast = guarded(pattern)
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
            (m.span(), m.groupdict()) for m in pattern.finditer(text)
        ]
        assert bool(fast.search(text, 3)) == bool(pattern.search(text, 3))


def test_only_patterns_the_engine_cannot_skip_ahead_on_are_guarded():
    assert guarded(sentences._BOUNDARY).pattern.startswith("(?=")
    plain = re.compile(r"[0-9][./\-][0-9]")
    assert guarded(plain) is plain  # a class first: the engine skips ahead itself
    assert guarded(GUARDED[-1]) is GUARDED[-1] and guarded(GUARDED[-2]) is GUARDED[-2]
    weekday = GUARDED[5]  # its first word is read ignoring case, the rest not
    assert guarded(weekday).search("LAST Monday").span() == weekday.search("LAST Monday").span() == (0, 11)
