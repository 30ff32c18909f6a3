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

A `QuoteIndex` keeps the wordings seen, their LSH and the relation of every candidate pair of
wordings; the `quote_matching` stage saves it in the store, so a run compares only the wordings
it has not seen (each relation depends on the two wordings alone: words and speaker). Families,
groups and variants are then rebuilt from the relations in the articles' order, so an
incremental run gives what a run from scratch gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from fuentes.collector import collector_paused
from fuentes.corpus.band_table import BandTable
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


@lru_cache(maxsize=65536)
def _speaker_words(name: str) -> frozenset[str]:
    return frozenset(quote_key(name).split())


def _speakers_agree(a: Quote, b: Quote) -> bool:
    """Names agree when one's words are all in the other's ("Ruiz" / "Ana Ruiz Vega")."""
    if not a.speaker_name or not b.speaker_name:
        return False
    wa, wb = _speaker_words(a.speaker_name), _speaker_words(b.speaker_name)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _speakers_conflict(a: Quote, b: Quote) -> bool:
    return bool(a.speaker_name and b.speaker_name) and not _speakers_agree(a, b)


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    return MinHash(num_perm=num_perm).permutations


def quote_minhash(words: set[str], num_perm: int = 64) -> MinHash:
    """The MinHash of a word set (datasketch's default permutations, made once per size)."""
    mh = MinHash(num_perm=num_perm, permutations=_permutations(num_perm), scheme="affine32")
    mh.update_batch([w.encode("utf-8") for w in words])
    return mh


def quote_relation(a: Quote, b: Quote, ka: str, kb: str) -> str | None:
    """'same', 'variant' or None for two quotes from different articles (symmetric)."""
    if ka == kb:
        return "same"
    if _speakers_conflict(a, b):
        return None
    short, long_ = sorted((ka, kb), key=len)
    if fuzz.ratio(ka, kb, score_cutoff=SAME) >= SAME or (len(short.split()) >= MIN_WORDS and fuzz.partial_ratio(
            short, long_, score_cutoff=EXCERPT) >= EXCERPT):
        return "same"
    if _speakers_agree(a, b) and fuzz.token_set_ratio(ka, kb, score_cutoff=VARIANT) >= VARIANT:
        return "variant"
    return None


Wording = tuple[str, str]  # (normalised words, normalised speaker): quotes alike in both are one wording


@lru_cache(maxsize=4)
def _bands(num_perm: int) -> tuple[tuple[int, int], ...]:
    """The LSH bands (start, end) of the signature: datasketch's choice for LSH_THRESHOLD."""
    return tuple(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm).hashranges)


def band_keys(mh: MinHash) -> list[bytes]:
    """The LSH band keys of a signature: each band's number and values (datasketch's banding for
    LSH_THRESHOLD); affine32 values fit in 32 bits, so the keys lose nothing and take half the bytes."""
    values = mh.hashvalues.astype(np.uint32)
    return [bytes([b]) + values[lo:hi].tobytes() for b, (lo, hi) in enumerate(_bands(len(values)))]


def _alike(key: str, named: bool, candidates: list[int], wordings: list[Wording],
           names: list[str | None]) -> list[int]:
    """The candidates `quote_relation` may relate to a wording of `key`: a pair with a side
    without a speaker can only be "same" (a near-identical text or an excerpt), so those pairs
    are scored in bulk first (rapidfuzz's `cdist`) and only the ones that reach SAME or EXCERPT
    are compared one by one; pairs of two named speakers are all compared."""
    anonymous = [j for j in candidates if not named or not names[j]]
    if len(anonymous) < 8:
        return candidates
    texts = [wordings[j][0] for j in anonymous]
    near = cdist(texts, [key], scorer=fuzz.ratio, score_cutoff=SAME)[:, 0] >= SAME
    near |= cdist(texts, [key], scorer=fuzz.partial_ratio, score_cutoff=EXCERPT)[:, 0] >= EXCERPT
    kept = {j for j, ok in zip(anonymous, near) if ok}
    return [j for j in candidates if j in kept or (named and names[j])]


class QuoteIndex:
    """The wordings seen (words and speaker, at least MIN_WORDS words), a MinHash LSH over their
    word sets, and every candidate pair of wordings that is one statement ("same" or "variant").
    Insert-only; pickles.

    Candidates are the pairs whose signatures agree on a whole band (datasketch's banding for
    LSH_THRESHOLD), kept apart by speaker: two named speakers that share no word conflict, so a
    wording with a speaker meets the wordings of each of its speaker's words, those without a
    speaker and those of its very words (`quote_relation` calls equal words one wording whoever
    says them); a wording without a speaker meets every wording. A pair's relation depends on
    the two wordings alone and a band agrees whatever else is in: the relations of a set of
    wordings are the same however they arrived."""

    def __init__(self, num_perm: int = 64):
        self.num_perm = num_perm
        self.tables = BandTable()  # scope, band and the band's values -> wordings
        self.by_key: dict[str, list[int]] = {}  # words -> their wordings (one per speaker)
        self.number: dict[Wording, int] = {}  # wording -> its number
        self.wordings: list[Wording] = []  # number -> wording
        self.names: list[str | None] = []  # number -> the speaker as first written
        self._speakers: dict[int, Quote] = {}  # number -> a quote carrying it (made when compared)
        self.links: list[tuple[int, int, str]] = []  # (one wording, a later-inserted one, relation)
        self.compared = 0  # candidate pairs compared

    def add(self, key: str, speaker_name: str | None) -> int:
        """The number of a wording, compared with the wordings already in when it is new."""
        wording = (key, quote_key(speaker_name or ""))
        found = self.number.get(wording)
        if found is not None:
            return found
        n = len(self.wordings)
        self.number[wording] = n
        self.wordings.append(wording)
        self.names.append(speaker_name)
        me = self._speaker(n)
        bands = band_keys(quote_minhash(set(key.split()), self.num_perm))
        if speaker_name:  # (a name of no word conflicts with every other name)
            mine = [f"w:{w}" for w in sorted(_speaker_words(speaker_name))]
            meets, into = ["-", *mine], ["", *mine]
        else:
            meets, into = [""], ["", "-"]
        candidates = set(self.by_key.get(key, ()))
        candidates |= self.tables.members(scope.encode("utf-8") + b"\x00" + band for scope in meets for band in bands)
        self.compared += len(candidates)
        for j in _alike(key, bool(speaker_name), sorted(candidates), self.wordings, self.names):
            kind = quote_relation(self._speaker(j), me, self.wordings[j][0], key)
            if kind is not None:
                self.links.append((j, n, kind))
        self.tables.add((scope.encode("utf-8") + b"\x00" + band for scope in into for band in bands), n)
        self.by_key.setdefault(key, []).append(n)
        return n

    def _speaker(self, n: int) -> Quote:
        found = self._speakers.get(n)
        if found is None:
            found = self._speakers[n] = Quote(id="", article="", text="", start=0, end=0, direct=True,
                                              speaker_name=self.names[n])
        return found

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_speakers"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _speakers={})


def match_quotes(quotes_by_article: Mapping[str, Iterable[Quote]], num_perm: int = 64,
                 index: QuoteIndex | None = None) -> list[QuoteGroup]:
    """Groups of quotes (two or more, from different articles) that are one statement.

    Sets `variant_of` on each reworded quote. Articles are taken in the mapping's order: the
    first article's wording is the one variants point at. `index` (a `QuoteIndex`, updated in
    place) holds the wordings already compared: only new wordings are compared.

    The cyclic garbage collector is paused meanwhile: the matching makes millions of small objects
    (band keys, candidate lists) and no cycles, and each full collection walks every object of the
    process, the earlier stages' records included, so the collections cost more the bigger the store.
    """
    with collector_paused():
        return _match_quotes(quotes_by_article, num_perm, index)


def _match_quotes(quotes_by_article: Mapping[str, Iterable[Quote]], num_perm: int,
                  index: QuoteIndex | None) -> list[QuoteGroup]:
    index = index if index is not None else QuoteIndex(num_perm)
    items: list[tuple[str, Quote, str]] = []
    for article, quotes in quotes_by_article.items():
        items.extend((article, q, quote_key(q.text)) for q in quotes)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    exact: dict[str, int] = {}
    first_of: dict[int, int] = {}  # a wording's number -> its first quote
    family: dict[int, list[int]] = {}  # a wording's first quote -> it and its copies, in order
    for i, (article, quote, key) in enumerate(items):
        if key in exact:
            parent[find(i)] = find(exact[key])
        exact.setdefault(key, i)
        if len(set(key.split())) < MIN_WORDS:
            continue
        first = first_of.setdefault(index.add(key, quote.speaker_name), i)
        family.setdefault(first, []).append(i)  # a copy relates to every quote as its wording's first quote does
    # (earlier first, later first, "same" or "variant") for the wordings of these quotes
    related = sorted((min(first_of[a], first_of[b]), max(first_of[a], first_of[b]), kind)
                     for a, b, kind in index.links if a in first_of and b in first_of)
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
