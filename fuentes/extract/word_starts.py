"""Where a pattern can start: the words of a text by their lowered form, so a stage tries a
pattern only at the words its vocabulary can open with (`extract.dates`, `extract.values`),
with the same matches as a scan of the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

FIRST_WORD = re.compile(r"\w+")
# The only characters IGNORECASE matches with a letter of the vocabularies that str.lower()
# does not turn into it ("İ", dotless "ı", long "ſ"); mapped before lowering.
FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def folded(text: str) -> str:
    """`text` as the vocabularies are compared with it: folded, then lowered."""
    return text.translate(FOLD).lower()


@lru_cache(maxsize=4)
def word_starts(text: str) -> tuple[dict[str, list[int]], list[int]] | None:
    """Where each word of `text` starts (by its folded form), and where the words starting with
    a digit start; None when folding changes the text's length (positions would not agree).
    Kept for the last few texts: the claims stage (values) and the events stage (dates) index
    the same body once between them; the result is shared, so callers only read it."""
    lowered = folded(text)
    if len(lowered) != len(text):
        return None
    index: dict[str, list[int]] = {}
    digits: list[int] = []
    for m in FIRST_WORD.finditer(text):
        start = m.start()
        word = lowered[start:m.end()]
        index.setdefault(word, []).append(start)
        if word[0].isdigit():
            digits.append(start)
    return index, digits


def matches_at(pattern: re.Pattern, text: str, positions: Iterable[int]) -> Iterator[re.Match]:
    """`pattern`'s matches starting at `positions`, in text order, none inside an earlier one:
    what `pattern.finditer(text)` gives when every match starts at one of `positions`."""
    end = 0
    for pos in sorted(set(positions)):
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = m.end() if m.end() > pos else pos + 1


def literal_matches(text: str, words: list[str], before: re.Pattern, after: re.Pattern) -> list[tuple[int, int, str]]:
    """(start, end, word) of what `re.compile("(?<!B)(?:" + "|".join(map(re.escape, words)) + ")(?!A)")
    .finditer(text)` finds, where `before` is B (one character) and `after` is A (each compiled
    once by the caller),
    without compiling a pattern for every list of words: every place a word occurs is found by
    `str.find`; at each place, left to right and never inside an earlier match, the first word
    of `words` (in their order) written there and not followed by `after`, unless the character
    before the place is matched by `before`. `words` are distinct and non-empty."""
    at_place: dict[int, list[int]] = {}
    for k, word in enumerate(words):
        at = text.find(word)
        while at >= 0:
            at_place.setdefault(at, []).append(k)
            at = text.find(word, at + 1)
    out: list[tuple[int, int, str]] = []
    end = 0
    for place in sorted(at_place):
        if place < end or (place > 0 and before.match(text, place - 1)):
            continue
        for k in at_place[place]:  # in the words' order (found word by word)
            stop = place + len(words[k])
            if not after.match(text, stop):
                out.append((place, stop, words[k]))
                end = stop
                break
    return out
