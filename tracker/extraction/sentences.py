"""Sentence splitting with character offsets, for press-release English.

A full stop ends a sentence unless it closes a title or abbreviation ("Mr.", "H.E.",
"Amb.", "U.S.", "No.", "Jul."), an initial ("A. Lukashenko") or a number, or the
next word starts in lower case. A blank line always ends one; a single line break
does unless the next line goes on in lower case or the line stops on a word that
never ends a sentence ("in", "the", a comma): a wrapped line. In a text hard-wrapped
at a fixed width (old agency wires, mail), a full-width line that stops on no
punctuation goes on in the next line whatever its case. One linear scan
with no backtracking; overlong runs are cut so no sentence exceeds MAX_SENTENCE.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tracker.speed.prefilter import guarded

__all__ = ["Sentence", "split_sentences", "ABBREVIATIONS", "MAX_SENTENCE"]

MAX_SENTENCE = 2000

ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof h.e he amb ambs gen lt col maj capt cmdr adm sgt sen rep gov govt pres dept
st mt ft no nos vol art para fig sec secy asst jr sr messrs mme mlle rev hon excy
u.s u.k u.n u.s.a e.u u.a.e d.c p.r.c
inc co corp ltd bros plc
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
e.g i.e etc vs approx est cf al
""".split()
)
# Abbreviations that may also close a sentence: they end one when a clearly new sentence follows.
_MAY_END = frozenset(
    {"u.s", "u.k", "u.n", "u.s.a", "e.u", "u.a.e", "d.c", "etc", "p.r.c", "co", "inc", "ltd"}
)
_SENTENCE_OPENERS = frozenset(
    "the it he she they this that these those in on at but and we i there his her its "
    "their a an as after before during while meanwhile however".split()
)

# A candidate boundary: terminal punctuation (with closing quotes/brackets) and the space after it,
# or a line break. Each alternative consumes what it matches, so the scan is linear.
_BOUNDARY = guarded(
    re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*[ \t]*(?:\r?\n[ \t\r]*)*|(?:[ \t]*\r?\n)+[ \t]*")
)
# The word before a full stop ("Mr", "U.S", "A"). Possessive: "$" holds only where the longest run of
# letters, digits and inner dots ends, so giving characters back never finds a match, only costs.
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[^\W_]++|\.(?=[^\W_]))*+)$")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# "On 17.01. Federal Minister ...": a day and month with closing dots (as German releases print them).
_DOTTED_DAY_BEFORE = re.compile(r"\b[Oo]n [0-3]?\d\.[01]?\d\.[ \t]*$")
# "began their strategic dialogue in\nBeijing": a line of hard-wrapped text that stops mid-sentence.
_GOES_ON = re.compile(
    r"(?:,|\b(?:in|of|the|a|an|and|or|to|for|with|by|on|at|from|as|that|which|who|whose|their|his|her|its))[ \t]*$"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence and its offsets in the text it was split from (text[start:end] == text)."""

    start: int
    end: int
    text: str


# A hard-wrapped text: most of its lines fill a width of 40-110 characters.
_WRAPPED_SHARE = 0.6
_WRAP_SLACK = 20  # a wrapped line stops short of the width by up to a long word


def _wrap_width(text: str) -> int | None:
    """The width a text is hard-wrapped at ("... met US Assistant\nSecretary of State ..."), or None."""
    lengths = sorted(len(line.rstrip()) for line in text.splitlines() if line.strip())
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    full = sum(1 for n in lengths if width - _WRAP_SLACK <= n <= width + 5)
    return width if 40 <= width <= 110 and full >= _WRAPPED_SHARE * len(lengths) else None


_MINOR_WORDS = frozenset("a an the of to in on at by for and or with from as vs".split())


def _fills_the_width(text: str, at: int, width: int | None) -> bool:
    """Whether the line ending at `at` is a full line of a text wrapped at `width` (the first line and
    a line in title case, "Foreign Minister To Pay Official Visit To Azerbaijan", are headlines)."""
    if width is None:
        return False
    line_start = text.rfind("\n", 0, at) + 1
    if not text[:line_start].strip():
        return False  # the first line is the headline's
    line = text[line_start:at]
    lower_case = [word for word in line.split() if word[:1].islower() and word not in _MINOR_WORDS]
    return len(line) >= width - _WRAP_SLACK and bool(lower_case)


def _is_boundary(text: str, match: re.Match, width: int | None = None) -> bool:
    mark = match.group()
    after = match.end()
    if after >= len(text):
        return True
    if "\n" in mark and _BLANK_LINE.search(mark) or mark.count("\n") >= 2:
        return True
    following = text[after]
    punctuation = mark.lstrip()[:1] in {".", "!", "?", "\u2026"}
    if not punctuation:
        # A line break alone: a wrapped line goes on in lower case, or after a word that never ends one.
        return (
            not following.islower()
            and not _GOES_ON.search(text, max(0, match.start() - 12), match.start())
            and not _fills_the_width(text, match.start(), width)
        )
    if following.islower():
        return False
    if mark[0] != ".":
        return True
    if mark == "." and following.isdigit():
        return False  # "17.01", "1.5": a number, not a full stop
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if before is None:
        # "in 2017." ends a sentence, "On 17.01. the minister" does not; "No. 5" is an abbreviation above.
        return _DOTTED_DAY_BEFORE.search(text, max(0, match.start() - 12), match.end()) is None
    word = before.group(1)
    lowered = word.casefold()
    if len(word) == 1 and word.isupper():
        return "\n" in mark  # an initial: "A. Lukashenko", unless the line ends there
    if lowered in ABBREVIATIONS or "." in lowered:
        if lowered in _MAY_END or ("." in lowered and lowered not in ABBREVIATIONS):
            nxt = re.match(r"[^\W\d_]+", text[after : after + 30])
            return "\n" in mark or bool(nxt and nxt.group().casefold() in _SENTENCE_OPENERS)
        return "\n" in mark and not following.isdigit()
    return True


def _cut(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trim spaces; cut runs longer than MAX_SENTENCE at a space (or hard)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, with offsets into `text`."""
    found: list[Sentence] = []
    start = 0
    width = _wrap_width(text)
    for match in _BOUNDARY.finditer(text):
        if not _is_boundary(text, match, width):
            continue
        stop = match.end()
        # Keep the terminal punctuation and closing quotes, not the spaces after them.
        body_end = match.start() + len(match.group().rstrip())
        for a, b in _cut(text, start, body_end):
            found.append(Sentence(a, b, text[a:b]))
        start = stop
    for a, b in _cut(text, start, len(text)):
        found.append(Sentence(a, b, text[a:b]))
    return found
