"""Speech lexicons and direct-quote spans: the text-only half of quote extraction.

`Lexicon` holds one language's speech cues (from `data/speech_<lang>.yaml`).
`find_quote_spans` finds the quoted stretches of a body, paragraph by paragraph:
straight, curly and « » marks, Spanish dialogue dashes, and quotes left open at a paragraph
end that the next paragraph continues by opening with a quote mark (the newspaper convention
for a quote running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fuentes.nlp.data_files import load_yaml

DATA = Path(__file__).with_name("data")

# opening mark -> closing marks that end it
# (pages mix them: “...," and "...” both occur)
_PAIRS = {"\u201c": "\u201d\"", "\u00ab": "\u00bb", "\u201e": "\u201d\u201c", '"': '"\u201d', "\u2018": "\u2019"}
_DOUBLE_OPENERS = "\u201c\""
_DOUBLED_CLOSERS = ("\u2019\u2019", "''")  # two single marks standing for a closing double one
_DASHES = "\u2014\u2015\u2013"  # em dash, horizontal bar, en dash (dialogue marks)
_TRAIL = " \t,;:"  # stripped from the end of a quote's inner text
_OPENER = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_CLOSERS = {opener: re.compile("[" + re.escape(closers + ("".join(c[0] for c in _DOUBLED_CLOSERS)
                                                         if opener in _DOUBLE_OPENERS else "")) + "]")
            for opener, closers in _PAIRS.items()}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's speech cues."""

    language: str
    verbs: frozenset[str]
    quote_verbs: frozenset[str]
    needs_particle: dict[str, str]
    phrases: tuple[tuple[str, ...], ...]
    pronouns: dict[str, str]  # pronoun -> "m" / "f" / "p"
    possessive: dict[str, str]
    titles: dict[str, str]  # title -> "m" / "f"
    speaker_nouns: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    indefinite: frozenset[str] = frozenset()
    org_nouns: frozenset[str] = frozenset()
    org_marks: dict[str, frozenset[str]] = field(default_factory=dict)  # org noun -> name words
    document_nouns: frozenset[str] = frozenset()
    topic_words: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()  # words whose full stop ends no sentence
    min_words: int = 6

    def is_cue_lemma(self, lemma: str) -> bool:
        return lemma in self.verbs or lemma in self.quote_verbs

    def pronoun_gender(self, word: str) -> str | None:
        """"m" / "f" / "p" (or "n") a personal pronoun or a possessive gives ("he", "her", "ella",
        "their"), lowered; None for other words."""
        return self.pronouns.get(word) or self.possessive.get(word)

    def person_gender(self, word: str) -> str | None:
        """"m" / "f" a gendered personal pronoun or possessive gives ("he", "her", "ella"); None
        for any other word (a plural or neuter one too)."""
        gender = self.pronoun_gender(word)
        return gender if gender in ("m", "f") else None


@lru_cache(maxsize=8)
def lexicon(language: str | None) -> Lexicon:
    """The lexicon for `language` ("en", "es"); English when there is no file for it."""
    path = DATA / f"speech_{language}.yaml"
    if not path.exists():
        path, language = DATA / "speech_en.yaml", "en"
    raw = load_yaml(path)

    def invert(groups: dict[str, list[str]]) -> dict[str, str]:
        return {word.lower(): key for key, words in (groups or {}).items() for word in words}

    return Lexicon(
        language=language or "en",
        verbs=frozenset(v.lower() for v in raw["verbs"]),
        quote_verbs=frozenset(v.lower() for v in raw.get("quote_verbs", [])),
        needs_particle=dict(raw.get("needs_particle") or {}),
        phrases=tuple(tuple(p.lower().split()) for p in raw.get("phrases", [])),
        pronouns=invert(raw.get("pronouns")),
        possessive={k.lower(): v for k, v in (raw.get("possessive") or {}).items()},
        titles=invert(raw.get("titles")),
        speaker_nouns=frozenset(w.lower() for w in raw.get("speaker_nouns", [])),
        definite=frozenset(w.lower() for w in raw.get("definite", [])),
        indefinite=frozenset(w.lower() for w in raw.get("indefinite", [])),
        org_nouns=frozenset(w.lower() for w in raw.get("org_nouns", [])),
        org_marks={k.lower(): frozenset(w.lower() for w in v) for k, v in (raw.get("org_marks") or {}).items()},
        document_nouns=frozenset(w.lower() for w in raw.get("document_nouns", [])),
        topic_words=frozenset(w.lower() for w in raw.get("topic_words", [])),
        abbreviations=frozenset(w.lower().rstrip(".") for w in raw.get("abbreviations", [])),
        min_words=int(raw.get("min_words", 6)),
    )


@dataclass(slots=True)
class QuoteSpan:
    """A quoted stretch of the body. start/end: the inner text; open/close: the marks."""

    start: int
    end: int
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (== end when the quote runs to the paragraph end)
    paragraph: int
    closed: bool = True
    continued: bool = False  # continues a quote left open at the end of the previous paragraph
    dialogue: bool = False  # a Spanish dialogue-dash turn
    extra: dict = field(default_factory=dict)


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; bodies put one paragraph per line."""
    spans = []
    for match in re.finditer(r"[^\n]+", body):
        text = match.group()
        if any(ch.isalnum() for ch in text):  # a line of "." or "*" is a separator
            lead = len(text) - len(text.lstrip())
            spans.append((match.start() + lead, match.start() + len(text.rstrip())))
    return spans


def _inner(body: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and trailing commas/colons from an inner span."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1] in _TRAIL:
        end -= 1
    return start, end


def _is_apostrophe(body: str, i: int) -> bool:
    """A ’ or ' between letters (don’t) or after a plural s (the dogs’ bowls) is no mark."""
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    return before.isalnum() and (after.isalnum() or before in "sS")


def _closes_single(body: str, i: int, p_end: int) -> bool:
    """A ‘ opens a quote only when a closing ’ (not an apostrophe) follows in the paragraph."""
    j = body.find("\u2019", i, p_end)
    while j != -1:
        if not _is_apostrophe(body, j):
            return True
        j = body.find("\u2019", j + 1, p_end)
    return False


def _scan_marks(body: str, p_start: int, p_end: int, index: int, out: list[QuoteSpan]) -> bool:
    """Quote-mark spans of one paragraph; returns True when a quote is left open at its end."""
    i, opener, open_at = p_start, None, -1
    while i < p_end:
        # jump to the next character that can open (or close the open) quote: the others change nothing
        found = (_OPENER if opener is None else _CLOSERS[opener]).search(body, i, p_end)
        if found is None:
            break
        i = found.start()
        ch = body[i]
        if opener is None:
            single_ok = ch == "\u2018" and (i == p_start or not body[i - 1].isalnum()) \
                and _closes_single(body, i + 1, p_end)
            if ch in _PAIRS and (ch != "\u2018" or single_ok):
                opener, open_at = ch, i
        elif opener in _DOUBLE_OPENERS and body[i:i + 2] in _DOUBLED_CLOSERS:
            start, end = _inner(body, open_at + 1, i)  # “...,’’ typed with two single marks
            if end > start:
                out.append(QuoteSpan(start, end, open_at, i + 2, index))
            opener = None
            i += 1
        elif ch in _PAIRS[opener] and not (ch in "\u2019" and _is_apostrophe(body, i)):
            start, end = _inner(body, open_at + 1, i)
            if end > start:
                out.append(QuoteSpan(start, end, open_at, i + 1, index))
            opener = None
        i += 1
    if opener is not None and opener != "\u2018":
        start, end = _inner(body, open_at + 1, p_end)
        if end > start:
            out.append(QuoteSpan(start, end, open_at, p_end, index, closed=False))
        return True
    return False


def _scan_dialogue(body: str, p_start: int, p_end: int, index: int, out: list[QuoteSpan]) -> None:
    """A Spanish dialogue turn: —Speech —narration—. Speech again.

    Dashes alternate speech and narration; a narration insert opens with a dash after a space
    and closes with the next dash.
    """
    dash = re.compile(f"[{_DASHES}]")
    cuts = [p_start] + [m.start() for m in dash.finditer(body, p_start + 1, p_end)] + [p_end]
    for n in range(0, len(cuts) - 1, 2):  # even segments are speech, odd ones narration
        seg_start, seg_end = cuts[n] + 1, cuts[n + 1]
        while seg_start < seg_end and body[seg_start] in ".,;: ":
            seg_start += 1  # punctuation that closed the narration insert
        start, end = _inner(body, seg_start, seg_end)
        if end > start and any(c.isalnum() for c in body[start:end]):
            out.append(QuoteSpan(start, end, cuts[n], seg_end, index, dialogue=True))


def find_quote_spans(body: str) -> list[QuoteSpan]:
    """Every quoted stretch of `body`, in text order."""
    spans: list[QuoteSpan] = []
    left_open = False
    for index, (p_start, p_end) in enumerate(paragraphs(body)):
        first = body[p_start]
        if first in _DASHES and p_end > p_start + 1 and not body[p_start + 1].isspace():
            _scan_dialogue(body, p_start, p_end, index, spans)
            left_open = False
            continue
        before = len(spans)
        still_open = _scan_marks(body, p_start, p_end, index, spans)
        if left_open and len(spans) > before and spans[before].open == p_start:
            spans[before].continued = True
        left_open = still_open
    return spans


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['\u2019]\w+)?", text))
