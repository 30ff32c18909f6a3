"""The network of a store: corpus relations (and optionally co-mentions) as a graph.

`store_graph` is the one graph of `fuentes network ...` and of the workbench's network view
(`store_network_view`, which cuts it to its top nodes and lays it out)."""

from __future__ import annotations

import threading
import time
from typing import Iterable

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


def co_mention_ties(store: Store, min_articles: int = CO_MENTION_MIN_ARTICLES) -> list[tuple[str, str, int, list]]:
    """`co_mentions` with the articles naming both entities (the evidence of each tie)."""
    from fuentes.store.analysis import load_corpus_entities

    pairs = co_mention_pairs(load_corpus_entities(store), min_articles=min_articles)
    return [(a, b, len(articles), sorted(articles)) for (a, b), articles in pairs.items()]


def store_graph(store: Store, *, predicates: list[str] | None = None, start: str | None = None,
                end: str | None = None, allegations: bool = True, with_co_mentions: bool = False) -> nx.Graph:
    from fuentes.store.analysis import load_corpus_entities, load_corpus_relations

    return build_graph(load_corpus_relations(store), entities=load_corpus_entities(store), predicates=predicates,
                       start=start, end=end, allegations=allegations,
                       co_mentions=co_mention_ties(store) if with_co_mentions else ())


_GRAPHS: dict[tuple, tuple[float, nx.Graph]] = {}
_VIEWS: dict[tuple, tuple[float, dict]] = {}
_LOCK = threading.Lock()
CACHE_SECONDS = 60.0  # a cached graph is rebuilt at least this often, even if its key is unchanged
VIEWS_KEPT = 16


def cached_store_graph(store: Store, key: tuple, *, with_co_mentions: bool = False) -> nx.Graph:
    """`store_graph(store, with_co_mentions=...)`, kept while `key` (the caller's signature of the
    store's entities and relations) stays the same, for at most CACHE_SECONDS: the workbench asks
    for it on every page view and reading every entity and relation each time is too slow."""
    full = (store.url, key, with_co_mentions)
    with _LOCK:
        found = _GRAPHS.get(full)
    if found is not None and time.monotonic() - found[0] < CACHE_SECONDS:
        return found[1]
    graph = store_graph(store, with_co_mentions=with_co_mentions)
    with _LOCK:
        for old in [k for k in _GRAPHS if k[0] == store.url]:
            del _GRAPHS[old]
        _GRAPHS[full] = (time.monotonic(), graph)
    return graph


def store_network_view(store: Store, key: tuple, *, limit: int, kind: str | None = None,
                       focus: Iterable[str] = (), with_co_mentions: bool = False) -> dict:
    """The workbench's network (`fuentes.network.view.network_view`) of the graph the CLI builds
    (`store_graph`), laid out; the last few views are kept while `key` holds."""
    from fuentes.network.view import network_view

    full = (store.url, key, with_co_mentions, limit, kind, tuple(focus))
    with _LOCK:
        found = _VIEWS.get(full)
    if found is not None and time.monotonic() - found[0] < CACHE_SECONDS:
        return dict(found[1])  # a copy the caller may add keys to
    view = network_view(cached_store_graph(store, key, with_co_mentions=with_co_mentions), limit=limit, kind=kind,
                        focus=focus)
    with _LOCK:
        _VIEWS[full] = (time.monotonic(), view)
        while len(_VIEWS) > VIEWS_KEPT:
            del _VIEWS[min(_VIEWS, key=lambda k: _VIEWS[k][0])]
    return dict(view)
