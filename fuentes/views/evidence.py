"""Evidence as a reader sees it: the sentence around a span, with the span itself set apart.

Every knowledge record keeps its evidence as char spans of an article's clean text
(`fuentes.model.Evidence`). To show one, `excerpt` cuts the text into (before, marked, after):
`marked` is exactly `text[start:end]`, `before` and `after` complete the sentence (or
sentences) the span lies in, and neither reaches further than `window` chars: a span in a very
long sentence, or in text without stops, is shown with a window cut at a word boundary (the
`cut_before` / `cut_after` flags say where an ellipsis belongs). Paragraph breaks always end
the context.

`group_by_article` puts a record's spans in per-article groups, in text order, at most a few
per group with the count of the rest: an entity named thousands of times is shown without
reading every article.

Plain strings out, no markup: the web escapes them (the marked part goes in a `<mark>`), the
command line prints them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from fuentes.codecs import evidence_records
from fuentes.model import Evidence

WINDOW = 160  # at most this many chars of context on each side of the span
PER_ARTICLE = 3  # spans shown per article before "N more"

_STOPS = ".!?…"
_CLOSERS = "\"'”’»)]"
# Words a full stop follows without ending a sentence (lower case, stop excluded). Single
# letters (initials) and words with inner stops ("U.S", "p.m") count too.
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "sgt", "lt", "col", "capt", "cap", "st", "jr",
    "sr", "sra", "srta", "dra", "lic", "ing", "gral", "arq", "mtro", "mtra", "no", "núm", "art", "fig", "vol",
    "dept", "depto", "av", "vs", "approx", "aprox", "inc", "co", "corp", "ltd", "cía",
})


@dataclass(frozen=True, slots=True)
class Excerpt:
    """`before + marked + after` is `text[start:end]`; `marked` is the span's own text."""

    before: str
    marked: str
    after: str
    start: int  # where `before` begins in the article's text
    end: int  # where `after` ends
    cut_before: bool = False  # the context was cut inside a sentence (show an ellipsis)
    cut_after: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"before": self.before, "text": self.marked, "after": self.after, "context_start": self.start,
                "context_end": self.end, "cut_before": self.cut_before, "cut_after": self.cut_after}

    def plain(self, left: str = "[", right: str = "]") -> str:
        """One line for a terminal: the span between `left` and `right`, ellipses where cut."""
        return ("…" if self.cut_before else "") + self.before + left + self.marked + right + self.after + \
            ("…" if self.cut_after else "")


def _abbreviation(text: str, stop: int) -> bool:
    """The full stop at `stop` closes an abbreviation or an initial, not a sentence."""
    if text[stop] != ".":
        return False
    i = stop
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([\"'“‘«¿¡":
        i -= 1
    word = text[i:stop]
    if not word:
        return False
    if "." in word:  # "U.S." "p.m." "a.m."
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    return word.casefold() in _ABBREVIATIONS


def _ends_sentence(text: str, i: int) -> int | None:
    """If a sentence ends with the stop at `i`, the index just after it (closing quotes and
    brackets included); else None."""
    if text[i] not in _STOPS or _abbreviation(text, i):
        return None
    j = i + 1
    while j < len(text) and text[j] in _STOPS:  # "?!" "..."
        j += 1
    while j < len(text) and text[j] in _CLOSERS:
        j += 1
    if j < len(text) and not text[j].isspace():
        return None  # "2.4", "U.S.-Mexico", "example.com"
    k = j
    while k < len(text) and text[k] in " \t":
        k += 1
    if k < len(text) and text[k].islower():
        return None  # "... said the Gen. who ..." and other stops inside a sentence
    return j


def _left(text: str, start: int, window: int) -> tuple[int, bool]:
    """Where the sentence holding `start` begins, or a word boundary `window` chars back."""
    floor = max(0, start - window)
    i = start - 1
    while i >= floor:
        ch = text[i]
        if ch == "\n":
            return i + 1, False
        if ch.isspace():
            j = i - 1
            while j >= 0 and text[j].isspace() and text[j] != "\n":
                j -= 1
            k = j
            while k >= 0 and text[k] in _CLOSERS:
                k -= 1
            if k >= 0 and text[k] in _STOPS and _ends_sentence(text, k) is not None:
                return i + 1, False
        i -= 1
    if floor == 0:
        return 0, False
    # no sentence start within the window: cut after the first space past the floor
    cut = text.find(" ", floor, start)
    return (cut + 1, True) if cut != -1 else (floor, True)


def _right(text: str, end: int, window: int) -> tuple[int, bool]:
    """Where the sentence holding the span's last char ends, or a word boundary `window` chars on."""
    size = len(text)
    ceiling = min(size, end + window)
    i = max(end - 1, 0)
    while i < ceiling:
        ch = text[i]
        if ch == "\n" and i >= end:
            return i, False
        after = _ends_sentence(text, i) if ch in _STOPS else None
        if after is not None:
            return max(after, end), False
        i += 1
    if ceiling == size:
        return size, False
    cut = text.rfind(" ", end, ceiling)
    return (cut, True) if cut != -1 else (ceiling, True)


def sentence_bounds(text: str, start: int, end: int, window: int = WINDOW) -> tuple[int, int, bool, bool]:
    """(begin, finish, cut_before, cut_after): the sentence(s) the span `start:end` lies in,
    reaching at most `window` chars beyond it on each side."""
    begin, cut_before = _left(text, start, window)
    finish, cut_after = _right(text, end, window)
    return begin, finish, cut_before, cut_after


def excerpt(text: str, start: int, end: int, window: int = WINDOW) -> Excerpt | None:
    """The span `start:end` of `text` in its sentence (see the module); None when the span does
    not lie inside the text (an evidence row older than the article's current text). With
    `window` 0 the span comes alone (aligned passages are whole sentences already)."""
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text or ""):
        return None
    if window <= 0:
        return Excerpt("", text[start:end], "", start, end)
    begin, finish, cut_before, cut_after = sentence_bounds(text, start, end, window)
    before, after = text[begin:start], text[end:finish]
    stripped = before.lstrip()
    begin += len(before) - len(stripped)
    after = after.rstrip()
    return Excerpt(stripped, text[start:end], after, begin, end + len(after), cut_before, cut_after)


@dataclass(slots=True)
class ArticleEvidence:
    """The spans of one record in one article: `shown` (text order, at most a few) of `count`."""

    article: str
    count: int
    shown: list[Evidence] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.shown)


def group_by_article(spans: Iterable[Any], per_article: int = PER_ARTICLE) -> list[ArticleEvidence]:
    """The spans (Evidence records or evidence dicts) grouped by article, in order of first
    appearance; each group keeps its first `per_article` spans in text order (a span given twice
    counts once) and the count of all."""
    groups: dict[str, list[Evidence]] = {}
    seen: set[tuple] = set()
    for ev in evidence_records(list(spans)):
        key = (ev.article, ev.start, ev.end, ev.extractor)
        if key in seen:
            continue
        seen.add(key)
        groups.setdefault(ev.article, []).append(ev)
    out = []
    for article, items in groups.items():
        items.sort(key=lambda e: (e.start, e.end, e.extractor))
        out.append(ArticleEvidence(article, len(items), items[:max(per_article, 0)]))
    return out
