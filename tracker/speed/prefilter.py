"""Speed: patterns tried only where a match may begin.

Serves the extractor (bench/extract.py): Python's regex engine tries every alternative of an
IGNORECASE pattern at every position it may start at, and cannot skip ahead on its first letters
as it does for case-sensitive literals. `Prefiltered` reads from the pattern's own syntax tree
the few letters any match must begin with (its possible starts, cut at `depth` characters),
finds those with one case-sensitive pattern over the text folded to lower case, and tries the
real pattern only there. The matches are the pattern's own, at the same places: a position
where no possible start stands is one where the pattern cannot match.

`guarded` serves patterns that begin with a lookbehind, an optional group or a repeat: the engine
enters them at every position. The same pattern behind a lookahead for the characters a match may
begin with (read from its syntax tree, under its own case rules) fails at once elsewhere and
matches exactly as before; patterns the engine already skips ahead on are left as they are.

`Gated` serves patterns tried on many sentences that few can match: it reads from the syntax tree
the words every match holds ("by" in "the delegation led by ...") and starts the engine only on text
that holds them.

Guarded by tests/speed/test_prefilter.py (same matches as the pattern on awkward text; `fold`
against the regex engine's own case rules).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]  # the syntax tree's opcodes

__all__ = ["Gated", "Prefiltered", "fold", "folded", "guarded", "one_of"]

# IGNORECASE equates these four letters with ASCII ones (besides the ASCII capitals); nothing else.
_FOLDED = {
    **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
    "\u0130": "i",  # capital I with dot above
    "\u0131": "i",  # dotless i
    "\u017f": "s",  # long s
    "\u212a": "k",  # Kelvin sign
}
# The table as a string indexed by code point, which str.translate reads twice as fast as a dict; a
# character beyond its end (an IndexError, a LookupError) stays as it is.
_FOLD = "".join(_FOLDED.get(chr(c), chr(c)) for c in range(ord(max(_FOLDED)) + 1))
_FEW_FIRST_CHARACTERS = 10  # starts that open with no more are sought without a word-start test
_WIDEST_CLASS = 26  # character classes of more characters end a start, as any character does
_MOST_STARTS = 5000


def fold(text: str) -> str:
    """`text` with every letter that IGNORECASE equates with an ASCII letter as that letter in lower
    case, and every other character as it is (so offsets agree): a case-sensitive pattern of lower
    case ASCII finds in it what the same pattern with IGNORECASE finds in `text`."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


@functools.lru_cache(maxsize=32)
def folded(text: str) -> str:
    """`fold(text)`, kept for the last texts read: the extractor tries some twenty prefiltered patterns
    on each sentence and on spans of its document, each read in the fold of the whole text between the
    same offsets (folding keeps them). 32 texts hold a document and its sentences: on the dev corpus
    5,905 of 7,687 folds are found here, 5,918 with 64."""
    return fold(text)


class Prefiltered:
    """`pattern.search` and `pattern.finditer`, with the pattern tried only at its possible starts."""

    # Ten characters: at five, "coope", "state", "inter" and "will " began three times as many spans as
    # event words did ("cooperation" is none, "state visit" is one), each a failed try of the pattern.
    def __init__(self, pattern: re.Pattern[str], depth: int = 10):
        self.pattern = pattern
        self._depth = depth
        self._starts: re.Pattern[str] | None = None
        self._built = False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first of `finditer`, without a generator: most calls find nothing."""
        starts = self._starts if self._built else self._build()
        if starts is None:
            return self.pattern.search(text, pos, endpos)
        whole = folded(text)
        match = self.pattern.match
        at = pos
        while (start := starts.search(whole, at, endpos)) is not None:
            found = match(text, start.start(), endpos)
            if found is not None:
                return found
            at = start.start() + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        starts = self._starts if self._built else self._build()
        if starts is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        whole = folded(text)
        match = self.pattern.match
        at = pos
        while (start := starts.search(whole, at, endpos)) is not None:
            found = match(text, start.start(), endpos)
            if found is None:
                at = start.start() + 1
                continue
            yield found
            at = found.end()  # never empty: a pattern that can match nothing has no prefilter

    def _build(self) -> re.Pattern[str] | None:
        try:
            tree = _parser.parse(self.pattern.pattern, self.pattern.flags)
            starts = _starts(tree, self._depth)
        except Exception:  # syntax this reader does not know, or starts too many: the pattern alone
            starts = None
        if starts is not None and ("" in starts or len(starts) > _MOST_STARTS):
            starts = None  # a match may start anywhere
        if starts:
            # A pattern that opens with (?<!\w) or (?<![\w-]) matches only at a word's start: its starts
            # are sought there only (fold keeps word characters word characters and "-" a hyphen, so the
            # test reads the character before the span as the pattern itself does). Only when
            # many letters may begin a start: the test first has the engine enter at every position, where
            # a trie that opens with few letters is skipped along to them (on the dev corpus, with the test
            # 20 and 22 letters took half the time, 13 the same, 2 to 6 twice as long).
            word_start = ""
            if len({start[0] for start in starts}) > _FEW_FIRST_CHARACTERS:
                word_start = _word_start_test(tree, self.pattern.flags)
            self._starts = re.compile(word_start + _trie(starts))
        else:
            self._starts = None
        self._built = True
        return self._starts


# The word-start tests a pattern may open with, as the lookbehind's class members -> the test in pattern
# syntax. (?<![\w-]) opens every word list of lexicon.compile_alternatives: sought at word starts only,
# the starts of the future cues are found in half the time (most positions are inside a word).
_WORD_START_TESTS = {
    ((sre.CATEGORY, sre.CATEGORY_WORD),): r"(?<!\w)",
    ((sre.CATEGORY, sre.CATEGORY_WORD), (sre.LITERAL, ord("-"))): r"(?<![\w-])",
}


def _word_start_test(tree, flags: int) -> str:
    r"""(?<!\w) or (?<![\w-]) when the pattern opens with that lookbehind (with Unicode word characters),
    perhaps after lookaheads (`guarded`'s), which take no character; else the empty string."""
    if flags & re.ASCII:
        return ""
    for op, av in tree:
        if op is sre.ASSERT and av[0] == 1:
            continue  # a lookahead: the lookbehind after it still tests the same position
        if op is sre.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1 and av[1][0][0] is sre.IN:
            return _WORD_START_TESTS.get(tuple(av[1][0][1]), "")
        return ""
    return ""


def _starts(tree, depth: int) -> set[str]:
    """Every folded text of up to `depth` characters that a match of `tree` begins with."""
    open_, done = _sequence(tree, {""}, depth)
    return open_ | done


def _sequence(items, open_: set[str], depth: int) -> tuple[set[str], set[str]]:
    """(beginnings that may go on, beginnings that are complete) after the items of a sequence."""
    done: set[str] = set()
    for op, av in items:
        if not open_:
            break
        open_, ended = _item(op, av, open_, depth)
        done |= ended
    return open_, done


def _item(op, av, open_: set[str], depth: int) -> tuple[set[str], set[str]]:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return open_, set()  # takes no character
    if op is sre.SUBPATTERN:
        return _sequence(av[-1], open_, depth)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, open_, depth)
    if op is sre.BRANCH:
        go_on: set[str] = set()
        done: set[str] = set()
        for branch in av[1]:
            more, ended = _sequence(branch, open_, depth)
            go_on |= more
            done |= ended
        return go_on, done
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, most, body = av
        reached = set(open_) if least == 0 else set()
        done = set()
        current = open_
        # Beyond least + depth + 1 repeats, nothing short enough to matter is new.
        for count in range(1, min(most, least + depth + 1) + 1):
            current, ended = _sequence(body, current, depth)
            done |= ended
            if count >= least:
                reached |= current
            if not current:
                break
        return reached, done
    characters = _characters(op, av)
    if characters is None:
        return set(), open_  # any character may come: each beginning so far is complete
    longer = {text + character for text in open_ for character in characters}
    if len(longer) > _MOST_STARTS:
        raise ValueError("too many possible starts")  # caught by _build: the pattern alone
    return {t for t in longer if len(t) < depth}, {t for t in longer if len(t) >= depth}


def _characters(op, av) -> set[str] | None:
    """The folded characters one LITERAL or IN stands for; None when it may be almost anything."""
    if op is sre.LITERAL:
        return {fold(chr(av))} if av < 128 else None
    if op is not sre.IN:
        return None
    found: set[str] = set()
    for kind, value in av:
        if kind is sre.LITERAL and value < 128:
            found.add(fold(chr(value)))
        elif kind is sre.RANGE and value[1] < 128 and value[1] - value[0] < _WIDEST_CLASS:
            found |= {fold(chr(c)) for c in range(value[0], value[1] + 1)}
        else:
            return None  # a category, a negation, a wide or non-ASCII range
    return found


def one_of(words: Iterable[str]) -> str:
    """The literal words as one pattern, shared beginnings written once ("to(?:day|morrow)"): at any
    position it matches what the alternation of the words longest first matches, but the engine tests
    one branch per letter instead of every word in turn."""
    return _trie(set(words))


def _trie(texts: set[str]) -> str:
    """One case-sensitive pattern for the texts, shared beginnings written once, so the engine skips
    on the first character and then tests one branch at a time."""
    root: dict = {}
    for text in texts:
        node = root
        for character in text:
            node = node.setdefault(character, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict) -> str:
    if set(node) == {""}:
        return ""
    branches = [
        re.escape(character) + _branches(child) for character, child in sorted(node.items()) if character
    ]
    written = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + written + ")?" if "" in node else written  # a shorter beginning suffices


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead for the characters its matches begin with; itself when any may."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if _compiler._get_literal_prefix(tree, pattern.flags)[0] or _compiler._get_charset_prefix(
            tree, pattern.flags
        ):
            return pattern  # the engine skips ahead on its own
        first, may_be_empty = _first(tree, bool(pattern.flags & re.I))
    except Exception:  # syntax this reader does not know
        return pattern
    if first is None or may_be_empty or not first:
        return pattern
    classes = []
    for ignore_case in (False, True):
        members = "".join(sorted({_member(op, av) for case, op, av in first if case is ignore_case}))
        if members:
            classes.append(f"(?{'i' if ignore_case else '-i'}:[{members}])")
    newline = "\n" if pattern.flags & re.X else ""  # a closing comment must not swallow the bracket
    return re.compile("(?=" + "|".join(classes) + f")(?:{pattern.pattern}{newline})", pattern.flags)


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _member(op, av) -> str:
    """One class member in pattern syntax."""
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    return _CATEGORIES[av]  # a KeyError (another category) leaves the pattern unguarded


def _first(items, ignore_case: bool) -> tuple[list | None, bool]:
    """(the class members a match of the sequence may begin with, each with its case rule, or None
    when it may begin with anything; whether it may match nothing)."""
    found: list = []
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no character
        if op is sre.SUBPATTERN:
            _, add, remove, body = av
            if (add | remove) & ~(re.I | re.X | re.M | re.S):
                return None, False  # ASCII or LOCALE changes what classes mean
            case = bool(add & re.I) or (ignore_case and not remove & re.I)
            more, empty = _first(body, case)
        elif op is sre.ATOMIC_GROUP:
            more, empty = _first(av, ignore_case)
        elif op is sre.BRANCH:
            more, empty = [], False
            for branch in av[1]:
                some, branch_empty = _first(branch, ignore_case)
                if some is None:
                    return None, False
                more += some
                empty = empty or branch_empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            more, empty = _first(av[2], ignore_case)
            empty = empty or av[0] == 0
        elif op is sre.LITERAL:
            more, empty = [(sre.LITERAL, av)], False
        elif op is sre.IN and all(kind in (sre.LITERAL, sre.RANGE, sre.CATEGORY) for kind, _ in av):
            more, empty = list(av), False
        else:
            return None, False  # any character, a negation, a back reference
        if more is None:
            return None, False
        found += [(ignore_case, kind, value) for kind, value in more] if op in (sre.LITERAL, sre.IN) else more
        if not empty:
            return found, False
    return found, True


class Gated:
    """`pattern.search`, `.finditer`, `.match` and `.fullmatch`, tried only on text that holds the
    words every match holds ("day" in "the following day", "that same day", "the previous day").

    The words are read from the pattern's syntax tree: runs of literal characters the pattern cannot
    match without, in every alternative. They are sought in the folded text (`fold`), as the folded
    words: a text without one of them has no match, and the engine is not started on it.
    """

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        try:
            runs = _required(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.I))
        except Exception:  # syntax this reader does not know: the pattern alone
            runs = []
        self.words = tuple(dict.fromkeys(run for run in runs if len(run) >= 2))

    def _holds(self, text: str, pos: int, endpos: int) -> bool:
        whole = folded(text)
        pos, endpos = max(pos, 0), max(endpos, 0)  # as the engine reads them (find reads < 0 from the end)
        for word in self.words:
            if whole.find(word, pos, endpos) < 0:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self._holds(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos) if self._holds(text, pos, endpos) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, pos, endpos) if self._holds(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self._holds(text, pos, endpos) else iter(())


def _required(items, ignore_case: bool) -> list[str]:
    """Folded runs of characters that every match of the sequence consumes, each run in one piece."""
    runs: list[str] = []
    current = ""
    for op, av in items:
        if op is sre.LITERAL and (av < 128 or not ignore_case):
            current += fold(chr(av))  # a letter IGNORECASE equates with others folds as they do
            continue
        if current:
            runs.append(current)
            current = ""
        if op is sre.SUBPATTERN:
            _, add, remove, body = av
            if (add | remove) & ~(re.I | re.X | re.M | re.S):
                continue  # ASCII or LOCALE changes what letters mean: nothing read there
            runs += _required(body, bool(add & re.I) or (ignore_case and not remove & re.I))
        elif op is sre.ATOMIC_GROUP:
            runs += _required(av, ignore_case)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            runs += _required(av[2], ignore_case)
        elif op is sre.BRANCH:
            runs += _common([_required(branch, ignore_case) for branch in av[1]])
        # Anything else (a class, any character, an assertion, an optional part) adds no run.
    if current:
        runs.append(current)
    return runs


def _common(branches: list[list[str]]) -> list[str]:
    """The longest texts that stand inside a run of every branch."""
    if not branches or not all(branches):
        return []
    candidates = {
        run[i:j] for run in branches[0] for i in range(len(run)) for j in range(i + 2, len(run) + 1)
    }
    common = [c for c in candidates if all(any(c in run for run in runs) for runs in branches[1:])]
    return [c for c in common if not any(c != other and c in other for other in common)]
