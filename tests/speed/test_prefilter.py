"""A pattern tried only at its possible starts finds what the pattern finds (tracker.speed.prefilter)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction import commitments, context, events, lexicon, meetings, sentences
from tracker.speed.prefilter import Gated, Prefiltered, fold, guarded
from tracker.temporal import patterns as temporal

_MANY_FIRST_LETTERS = ["talks", "visit", "state visit", "kiss", "abxx", "round", "next", "due in", "jec", "minsk",
                       "signed", "ceremony", "istanbul", "press", "e-talks"]  # fmt: skip
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
    # lexicon.compile_alternatives' form, opening with (?<![\w-]) behind guarded's lookahead, with starts
    # of many first letters: sought at word starts only
    guarded(re.compile(r"(?<![\w-])(?:" + "|".join(_MANY_FIRST_LETTERS) + r")(?![\w-])", re.I)),
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


def test_word_lists_with_many_first_letters_are_looked_for_at_word_starts_only():
    fast = PREFILTERED[-1][1]
    assert list(fast.finditer("")) == []
    assert fast._starts is not None and fast._starts.pattern.startswith(r"(?<![\w-])")
    assert fast._starts.search("talks") and not fast._starts.search("xtalks -talks")
    few = Prefiltered(lexicon.compile_alternatives(["talks", "tours", "visits"]))
    assert list(few.finditer("")) == []
    assert few._starts is not None and few._starts.pattern.startswith("(?:")  # the engine skips along


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
    context._DAY_REFERENCE.pattern,  # the guarded pattern inside Gated and Prefiltered
    meetings._HEADED.pattern,
    temporal._WEEKDAY.pattern,
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


GATED = [
    context._DAY_REFERENCE.pattern,
    meetings._HEADED.pattern,
    commitments._NO_DATE_YET.pattern,
    temporal._MONTH_REF.pattern,
    re.compile(r"(?:the\s+)?(?:next|following)\s+day|day\s+before|previous\s+days?", re.I),
    re.compile(r"(?-i:Led)\s+by|(?:ta)+lks?\b", re.I),  # case rules of their own; a repeat
    re.compile(r"\bvi\u017fit|ki(?:ss|\u212a)", re.I),  # letters IGNORECASE equates with ASCII ones
    re.compile(r"(?i:sam)e|x?yz"),  # nothing in common: no words
    re.compile(r"\u00e9t\u00e9s?", re.I),  # not ASCII: no words
]


def test_the_words_of_a_gate_are_those_every_match_holds():
    assert "day" in Gated(GATED[0]).words and Gated(GATED[1]).words == ("by",)
    assert set(Gated(GATED[4]).words) == {"day"} and Gated(GATED[5]).words == ()
    assert Gated(GATED[6]).words == () and Gated(GATED[7]).words == () and Gated(GATED[8]).words == ()
    assert Gated(re.compile(r"(?:ab)+c|xabz")).words == ("ab",)
    assert set(Gated(re.compile(r"said\s+(?:on|in)\s+Moscow", re.I)).words) == {"said", "moscow"}


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            WORDS
            + ["day", "DAY", "Day", "next", "the", "following", "previous", "days", "before", "same", "that"]
            + ["led by", "Led", "LED", "by", "BY", "\u0131", "vi\u017fit", "ki\u212a", "ta", "lks", "yz"]
            + ["no", "date", "NO DATE", "has", "for", "last month", "next  month", "\u00c9T\u00c9s"]
        ),
        max_size=30,
    ),
    separators=st.lists(st.sampled_from([" ", "", "\n", "  ", "-"]), min_size=30, max_size=30),
    pos=st.integers(-2, 40),
    endpos=st.integers(-2, 400),
)
def test_a_gated_pattern_finds_what_the_pattern_finds(words, separators, pos, endpos):
    text = "".join(word + separator for word, separator in zip(words, separators, strict=False))
    for pattern in GATED:
        gated = Gated(pattern)
        assert _found(gated.finditer(text, pos, endpos)) == _found(pattern.finditer(text, pos, endpos))
        assert _found(gated.finditer(text)) == _found(pattern.finditer(text))
        for method in ("search", "match", "fullmatch"):
            mine, theirs = (
                getattr(gated, method)(text, pos, endpos),
                getattr(pattern, method)(text, pos, endpos),
            )
            assert _found([mine] if mine else []) == _found([theirs] if theirs else [])
