"""Passage alignment of two articles and the relation it shows: syndicated, rewrite or none.

Sentences are compared on normalised word tokens, scored with rapidfuzz (the better of
`fuzz.ratio` and `fuzz.token_sort_ratio` on the token strings) and matched one-to-one, best
first. Quotes ("..." of six words or more) shared by both texts are counted apart,
because independent coverage of one event shares a quote or two, while a rewrite shares
its source's quotes *and* re-words the sentences around them.

- syndicated: most of one text (the copy) appears near-verbatim, in order, in the other;
- rewrite: a good part of the shorter text is matched by re-worded sentences, beyond quotes;
  the number of matched sentences asked for scales with the shorter text (a short report
  re-written has few sentences to match), and a pair where one article credits the other's
  outlet needs less: re-worded sentences down to `credited_reworded`, a smaller share;
- independent: anything less (same story, different reporting).
Translations (the same text in another language) are found in `translation.py`.
Direction (who copied whom) is decided in `origins.py`, where credits and times are known.
"""

from __future__ import annotations

import math
from bisect import bisect_left
import re
from dataclasses import dataclass, field, replace
from typing import Iterator

import numpy as np
from rapidfuzz import fuzz, process

from fuentes.corpus.lsh_index import tokens

_SENT = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(¿¡]?[A-ZÁÉÍÓÚÑ0-9])|\n+")
_QUOTE = re.compile(r"[\"“«]([^\"“”«»]{30,600}?)[\"”»]")
MIN_SENT_TOKENS = 5
MAX_PAIRS = 50  # matched sentence pairs a relation keeps (the best ones), for its passages


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds (tuned on the derivation benchmark, checked on MSRP)."""

    verbatim: float = 90.0  # sentence ratio counted as copied
    reworded: float = 78.0  # sentence ratio counted as a re-worded sentence
    syndicated_cover: float = 0.7  # share of the copy's words in verbatim matches
    syndicated_order: float = 0.8  # share of verbatim matches in the same order
    rewrite_cover: float = 0.4  # share of the shorter text's words in matched non-quote sentences
    rewrite_min_sentences: int = 3  # matched sentences outside quotes
    quotes_min: int = 3  # or: this many shared quotes ...
    quotes_plain_min: int = 2  # ... with this many matched sentences outside quotes ...
    quotes_cover: float = 0.4  # ... and this share of the shorter text matched
    rewrite_sentence_share: float = 0.3  # matched sentences asked for: this share of the shorter
    # text's sentences, between 2 and `rewrite_min_sentences`
    credited_reworded: float = 64.0  # when one credits the other: sentence ratio of a re-worded one
    credited_cover: float = 0.25  # ... share of the shorter text in such sentences outside quotes
    credited_min_sentences: int = 2  # ... and this many of them


DEFAULT = Thresholds()


def _no_spans() -> np.ndarray:
    return np.zeros((0, 2), dtype=np.int32)


def _no_flags() -> np.ndarray:
    return np.zeros(0, dtype=bool)


@dataclass(slots=True)
class Sentences:
    """An article's sentences as token strings, with word counts, quote membership and where
    each kept sentence lies in the text."""

    norm: list[str]
    words: np.ndarray
    quoted: np.ndarray  # True when the sentence is mostly quoted speech
    quotes: set[str]
    spans: np.ndarray = field(default_factory=_no_spans)  # (n, 2) int32: char start, end in the text
    follows: np.ndarray = field(default_factory=_no_flags)  # True: only space since the previous kept one

    @property
    def total(self) -> int:
        return int(self.words.sum())


_CLOSE = "\"'”’»)"


def _pieces(text: str) -> Iterator[tuple[str, int, int]]:
    """The pieces `_SENT.split` gives, each with its span in `text`: a closing quote or bracket
    the separator took after the final stop is given back to the sentence, space is trimmed."""
    pos = 0
    for m in _SENT.finditer(text):
        end = m.start()
        while end < m.end() and text[end] in _CLOSE:
            end += 1
        yield text[pos:m.start()], pos, end
        pos = m.end()
    yield text[pos:], pos, len(text)


def split_sentences(text: str) -> Sentences:
    quotes = {" ".join(tokens(q)) for q in _QUOTE.findall(text)}
    quotes = {q for q in quotes if q.count(" ") >= 5}
    norm, words, quoted, spans, follows = [], [], [], [], []
    gap = False  # something (a dropped short piece) lies between the last kept sentence and here
    for raw, start, end in _pieces(text):
        toks = tokens(raw)
        if len(toks) < MIN_SENT_TOKENS:
            gap = gap or bool(raw.strip())
            continue
        s = " ".join(toks)
        norm.append(s)
        words.append(len(toks))
        quoted.append(any(q in s or s in q for q in quotes if len(q) * 2 >= len(s)))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
        follows.append(bool(norm[:-1]) and not gap)
        gap = False
    return Sentences(norm, np.array(words, dtype=np.int32), np.array(quoted, dtype=bool), quotes,
                     np.array(spans, dtype=np.int32).reshape(-1, 2), np.array(follows, dtype=bool))


@dataclass(slots=True)
class Alignment:
    """Matched sentence pairs (i in a, j in b, score) and the coverage they give each side."""

    pairs: list[tuple[int, int, float]]
    cover_a: float  # verbatim-matched share of a's words
    cover_b: float
    reword_a: float  # share of a's words in matched (>= reworded) non-quote sentences
    reword_b: float
    match_a: float  # share of a's words in any matched sentence (quotes included)
    match_b: float
    order: float  # share of verbatim pairs in a common increasing order
    matched_plain: int  # matched sentences outside quotes
    shared_quotes: int
    extra_a: int = 0  # words in a's unmatched full sentences (content the other lacks)
    extra_b: int = 0
    shorter_sentences: int = 0  # sentences of the side with fewer


def increasing_share(pairs: list[tuple[int, int, float]]) -> float:
    """Length of the longest increasing run of j over pairs sorted by i, as a share."""
    if not pairs:
        return 0.0
    js = [j for _, j, _ in sorted(pairs)]
    tails: list[int] = []  # tails[k]: the smallest last j of an increasing run of length k + 1
    for j in js:
        k = bisect_left(tails, j)
        tails[k:k + 1] = [j]
    return len(tails) / len(js)


def sentence_scores(a: list[str], b: list[str], cutoff: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Similarity 0-100 of every sentence pair: (edit-distance ratio, the better of that and
    token-sort ratio). The first measures copied wording, the second also forgives moved
    clauses; both are zero below `cutoff`."""
    plain = process.cdist(a, b, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8)
    moved = process.cdist(a, b, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, dtype=np.uint8)
    return plain, np.maximum(plain, moved)


def sentence_score(a: str, b: str) -> float:
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def align(a: Sentences, b: Sentences, th: Thresholds = DEFAULT) -> Alignment:
    pairs: list[tuple[int, int, float]] = []
    copied: list[bool] = []  # wording copied (edit ratio), not only the same words
    if a.norm and b.norm:
        plain, scores = sentence_scores(a.norm, b.norm, th.reworded)
        ii, jj = np.nonzero(scores)
        order = np.argsort(-scores[ii, jj], kind="stable")
        used_a, used_b = set(), set()
        for k in order:
            i, j = int(ii[k]), int(jj[k])
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j, float(scores[i, j])))
                copied.append(float(plain[i, j]) >= th.verbatim)
    verb = [p for p, c in zip(pairs, copied) if c]
    plain = [(i, j, s) for i, j, s in pairs if not (a.quoted[i] and b.quoted[j])]
    shared_q = sum(1 for q in a.quotes if any(q in r or r in q for r in b.quotes))

    def share(side: Sentences, idx: list[int]) -> float:
        return float(side.words[idx].sum()) / max(side.total, 1) if idx else 0.0

    return Alignment(
        pairs=pairs,
        cover_a=share(a, [i for i, _, _ in verb]),
        cover_b=share(b, [j for _, j, _ in verb]),
        reword_a=share(a, [i for i, _, _ in plain]),
        reword_b=share(b, [j for _, j, _ in plain]),
        match_a=share(a, [i for i, _, _ in pairs]),
        match_b=share(b, [j for _, j, _ in pairs]),
        order=increasing_share(verb),
        matched_plain=len(plain),
        shared_quotes=shared_q,
        extra_a=_unmatched_words(a, {i for i, _, _ in pairs}),
        extra_b=_unmatched_words(b, {j for _, j, _ in pairs}),
        shorter_sentences=min(len(a.norm), len(b.norm)),
    )


def _unmatched_words(side: Sentences, matched: set[int], min_words: int = 10) -> int:
    """Words in sentences of `side` left unmatched, counting only full sentences (not furniture)."""
    return int(sum(int(w) for k, w in enumerate(side.words) if k not in matched and w >= min_words))


@dataclass(slots=True)
class PairRelation:
    """How two articles relate by text. `copy_side` is 'a' or 'b' for syndicated pairs.

    `pairs`: the matched sentences (index in a, index in b), the `MAX_PAIRS` best, sorted;
    `spans`: the passages they make in the texts, (a start, a end, b start, b end) char offsets,
    runs of sentences adjacent on both sides merged (filled by `relate`, which has the texts'
    sentences)."""

    kind: str  # syndicated / rewrite / translation / independent
    score: float
    evidence: list[str] = field(default_factory=list)
    copy_side: str | None = None
    pairs: list[tuple[int, int]] = field(default_factory=list)
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)


def matched_pairs(al: Alignment, limit: int = MAX_PAIRS) -> list[tuple[int, int]]:
    """The `limit` best matched sentence pairs of an alignment, sorted by position."""
    return sorted((i, j) for i, j, _ in al.pairs[:limit])  # al.pairs is best first


def passage_spans(a: Sentences, b: Sentences, pairs: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Char spans (a start, a end, b start, b end) of matched sentence pairs; a pair that
    continues the previous one on both sides (next kept sentence, nothing dropped between)
    extends its passage."""
    out: list[list[int]] = []
    prev: tuple[int, int] | None = None
    for i, j in pairs:
        a0, a1 = (int(x) for x in a.spans[i])
        b0, b1 = (int(x) for x in b.spans[j])
        if (prev is not None and out and i == prev[0] + 1 and j == prev[1] + 1
                and a.follows[i] and b.follows[j]):
            out[-1][1], out[-1][3] = a1, b1
        else:
            out.append([a0, a1, b0, b1])
        prev = (i, j)
    return [tuple(p) for p in out]


def classify(al: Alignment, th: Thresholds = DEFAULT) -> PairRelation:
    """Relation shown by an alignment, with a score in [0, 1] and evidence strings."""
    cover = max(al.cover_a, al.cover_b)
    evidence = [
        f"verbatim cover {al.cover_a:.2f}/{al.cover_b:.2f}",
        f"reworded cover {al.reword_a:.2f}/{al.reword_b:.2f}",
        f"{al.matched_plain} matched sentences outside quotes",
        f"{al.shared_quotes} shared quotes",
    ]
    if cover >= th.syndicated_cover and al.order >= th.syndicated_order:
        # the copy is the side missing content the other has (copies get trimmed, not grown)
        side = None if al.extra_a == al.extra_b else ("a" if al.extra_a < al.extra_b else "b")
        evidence.append(f"content only in one side: {al.extra_a}/{al.extra_b} words")
        return PairRelation("syndicated", round(cover, 3), evidence, side, matched_pairs(al))
    reword = max(al.reword_a, al.reword_b)
    if reword >= th.rewrite_cover and al.matched_plain >= min_sentences(al, th):
        return PairRelation("rewrite", round(min(1.0, reword), 3), evidence, pairs=matched_pairs(al))
    matched = max(al.match_a, al.match_b)
    if (al.shared_quotes >= th.quotes_min and al.matched_plain >= th.quotes_plain_min
            and matched >= th.quotes_cover):
        return PairRelation("rewrite", round(matched, 3), evidence, pairs=matched_pairs(al))
    return PairRelation("independent", round(reword, 3), evidence, pairs=matched_pairs(al))


def min_sentences(al: Alignment, th: Thresholds = DEFAULT) -> int:
    """Matched sentences outside quotes a rewrite needs: scaled with the shorter text."""
    scaled = math.ceil(th.rewrite_sentence_share * al.shorter_sentences)
    return max(2, min(th.rewrite_min_sentences, scaled))


def classify_credited(al: Alignment, th: Thresholds = DEFAULT) -> PairRelation | None:
    """A rewrite shown by an alignment made at `credited_reworded` of a pair where one article
    credits the other's outlet, or None."""
    reword = max(al.reword_a, al.reword_b)
    if reword >= th.credited_cover and al.matched_plain >= th.credited_min_sentences:
        evidence = [(f"credited pair: {al.matched_plain} re-worded sentences outside quotes (ratio >= "
                     f"{th.credited_reworded:.0f}) cover {al.reword_a:.2f}/{al.reword_b:.2f}")]
        return PairRelation("rewrite", round(min(1.0, reword), 3), evidence, pairs=matched_pairs(al))
    return None


def relate(a: Sentences, b: Sentences, th: Thresholds = DEFAULT, credited: bool = False) -> PairRelation:
    """The relation of two texts' sentences, with its matched pairs and their passages.
    `credited`: one of the two credits the other's outlet (see `classify_credited`)."""
    rel = classify(align(a, b, th), th)
    if rel.kind == "independent" and credited:
        loose = replace(th, reworded=min(th.reworded, th.credited_reworded))
        rel = classify_credited(align(a, b, loose), th) or rel
    if rel.kind != "independent" and len(a.spans) == len(a.norm) and len(b.spans) == len(b.norm):
        rel.spans = passage_spans(a, b, rel.pairs)
    return rel
