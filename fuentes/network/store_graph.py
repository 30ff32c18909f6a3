"""The network of a store: corpus relations (and optionally co-mentions) as a graph."""

from __future__ import annotations

import networkx as nx

from fuentes.network.graph import build_graph
from fuentes.store import Store
from fuentes.views.network import CO_MENTION_MIN_ARTICLES
from fuentes.views.network import co_mentions as co_mention_pairs


def co_mentions(store: Store, min_articles: int = CO_MENTION_MIN_ARTICLES) -> list[tuple[str, str, int]]:
    """Pairs of corpus entities named in the same articles (count of articles), people and groups
    only: the rule of `fuentes.views.network.co_mentions`, which the workbench's network uses too."""
    from fuentes.store.analysis import load_corpus_entities

    pairs = co_mention_pairs(load_corpus_entities(store), min_articles=min_articles)
    return [(a, b, len(articles)) for (a, b), articles in pairs.items()]


def store_graph(store: Store, *, predicates: list[str] | None = None, start: str | None = None,
                end: str | None = None, allegations: bool = True, with_co_mentions: bool = False) -> nx.Graph:
    from fuentes.store.analysis import load_corpus_entities, load_corpus_relations

    return build_graph(load_corpus_relations(store), entities=load_corpus_entities(store), predicates=predicates,
                       start=start, end=end, allegations=allegations,
                       co_mentions=co_mentions(store) if with_co_mentions else ())
