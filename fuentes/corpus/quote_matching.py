"""The same quote across articles: one statement, with reworded versions flagged as variants.

Quotes are grouped when their normalised texts are equal or nearly so (punctuation, quote
marks, a word's spelling), or when one is an excerpt of the other. A reworded version - same
speaker, most words shared, some different - joins the group as a variant: its
`Quote.variant_of` points at the earlier quote it rewords and both wordings are kept.

Candidate pairs come from MinHash LSH over the quotes' word sets (datasketch), so the work
grows with the number of quotes, not with its square; rapidfuzz scores the candidates. Only the
first quote of each wording (its words and its speaker) goes in the index: a story carried by
hundreds of outlets repeats its quotes word for word, and each copy relates to every other quote
exactly as the first does, so it joins that quote's statement without being compared again
(comparing every copy with every other grew with the square of the outlets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

from fuentes.ids import content_id, normalize_text
from fuentes.model import Quote

_WORD = re.compile(r"\w+")
SAME = 95.0  # fuzz.ratio of normalised texts at or above which two quotes are one wording
EXCERPT = 97.0  # partial_ratio at or above which the shorter quote is an excerpt of the longer
VARIANT = 80.0  # token_set_ratio at or above which a same-speaker quote is a rewording
LSH_THRESHOLD = 0.3  # Jaccard of word sets that makes two quotes candidates
MIN_WORDS = 4  # shorter quotes only group when exactly equal


@dataclass(slots=True)
class QuoteGroup:
    """One statement: its quotes (ids) and which of them are reworded variants."""

    id: str
    quotes: list[str]
    variants: dict[str, str] = field(default_factory=dict)  # quote id -> quote id it rewords
    text: str = ""  # the first quote's wording


def quote_key(text: str) -> str:
    """The normalised words of a quote: equal keys are one wording."""
    return " ".join(_WORD.findall(normalize_text(text)))


def _speakers_agree(a: Quote, b: Quote) -> bool:
    """Names agree when one's words are all in the other's ("Ruiz" / "Ana Ruiz Vega")."""
    if not a.speaker_name or not b.speaker_name:
        return False
    wa, wb = set(quote_key(a.speaker_name).split()), set(quote_key(b.speaker_name).split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _speakers_conflict(a: Quote, b: Quote) -> bool:
    return bool(a.speaker_name and b.speaker_name) and not _speakers_agree(a, b)


def quote_minhash(words: set[str], num_perm: int = 64) -> MinHash:
    mh = MinHash(num_perm=num_perm)
    for w in words:
        mh.update(w.encode("utf-8"))
    return mh


def quote_relation(a: Quote, b: Quote, ka: str, kb: str) -> str | None:
    """'same', 'variant' or None for two quotes from different articles (symmetric)."""
    if ka == kb:
        return "same"
    if _speakers_conflict(a, b):
        return None
    short, long_ = sorted((ka, kb), key=len)
    if fuzz.ratio(ka, kb) >= SAME or (len(short.split()) >= MIN_WORDS and fuzz.partial_ratio(short, long_) >= EXCERPT):
        return "same"
    if _speakers_agree(a, b) and fuzz.token_set_ratio(ka, kb) >= VARIANT:
        return "variant"
    return None


def match_quotes(quotes_by_article: Mapping[str, Iterable[Quote]], num_perm: int = 64) -> list[QuoteGroup]:
    """Groups of quotes (two or more, from different articles) that are one statement.

    Sets `variant_of` on each reworded quote. Articles are taken in the mapping's order: the
    first article's wording is the one variants point at.
    """
    items: list[tuple[str, Quote, str]] = []
    for article, quotes in quotes_by_article.items():
        items.extend((article, q, quote_key(q.text)) for q in quotes)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm)
    exact: dict[str, int] = {}
    wordings: dict[tuple[str, str], int] = {}  # (words, speaker) -> its first quote, the one in the LSH
    family: dict[int, list[int]] = {}  # a wording's first quote -> it and its copies, in order
    related: list[tuple[int, int, str]] = []  # (earlier first, later first, "same" or "variant")
    for i, (article, quote, key) in enumerate(items):
        words = set(key.split())
        if key in exact:
            parent[find(i)] = find(exact[key])
        exact.setdefault(key, i)
        if len(words) < MIN_WORDS:
            continue
        first = wordings.setdefault((key, quote_key(quote.speaker_name or "")), i)
        family.setdefault(first, []).append(i)
        if first != i:  # a copy relates to every quote as its wording's first quote does
            continue
        mh = quote_minhash(words, num_perm)
        for j in sorted(map(int, lsh.query(mh))):
            kind = quote_relation(items[j][1], quote, items[j][2], key)
            if kind is not None:
                related.append((j, i, kind))
        lsh.insert(str(i), mh)
    # Each relation between two wordings holds between their quotes of different articles
    # (quotes of one article are never grouped); a rewording points at the earliest quote it rewords.
    variant_pairs: list[tuple[int, int]] = []
    for j, i, kind in related:
        ones, others = family[j], family[i]
        if kind == "same":
            if len({items[x][0] for x in ones} | {items[y][0] for y in others}) > 1:
                parent[find(i)] = find(j)
            continue
        for mine, theirs in ((ones, others), (others, ones)):
            for y in mine:
                x = next((x for x in theirs if x < y and items[x][0] != items[y][0]), None)
                if x is not None:
                    variant_pairs.append((x, y))
    variant_pairs.sort(key=lambda pair: (pair[1], pair[0]))  # each quote's earliest first
    for j, i in variant_pairs:
        parent[find(i)] = find(j)
    return _groups(items, find, variant_pairs)


def _groups(items: list[tuple[str, Quote, str]], find, variant_pairs: list[tuple[int, int]]) -> list[QuoteGroup]:
    members: dict[int, list[int]] = {}
    for i in range(len(items)):
        members.setdefault(find(i), []).append(i)
    reworded: dict[int, int] = {}
    for j, i in variant_pairs:  # a quote rewording several earlier ones points at the earliest
        reworded.setdefault(i, j)
    groups = []
    for root, idx in members.items():
        articles = {items[i][0] for i in idx}
        if len(articles) < 2:
            continue
        first = items[min(idx)][1]
        group = QuoteGroup(id=content_id("stm", first.text), quotes=[items[i][1].id for i in idx], text=first.text)
        for i in idx:
            if i in reworded:
                quote = items[i][1]
                quote.variant_of = items[reworded[i]][1].id
                group.variants[quote.id] = quote.variant_of
        groups.append(group)
    return groups
