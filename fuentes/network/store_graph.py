"""The network of a store: corpus relations (and optionally co-mentions) as a graph."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx

from fuentes.network.graph import build_graph
from fuentes.store import Store


def co_mentions(store: Store, min_articles: int = 2) -> list[tuple[str, str, int]]:
    """Pairs of corpus entities named in the same articles (count of articles), people and groups only."""
    from fuentes.store.analysis import load_corpus_entities

    per_article: dict[str, set[str]] = {}
    for entity in load_corpus_entities(store):
        if entity.kind in ("person", "organization"):
            for article in entity.articles:
                per_article.setdefault(article, set()).add(entity.id)
    pairs: Counter = Counter()
    for members in per_article.values():
        pairs.update(combinations(sorted(members), 2))
    return [(a, b, n) for (a, b), n in pairs.items() if n >= min_articles]


def store_graph(store: Store, *, predicates: list[str] | None = None, start: str | None = None,
                end: str | None = None, allegations: bool = True, with_co_mentions: bool = False) -> nx.Graph:
    from fuentes.store.analysis import load_corpus_entities, load_corpus_relations

    return build_graph(load_corpus_relations(store), entities=load_corpus_entities(store), predicates=predicates,
                       start=start, end=end, allegations=allegations,
                       co_mentions=co_mentions(store) if with_co_mentions else ())
