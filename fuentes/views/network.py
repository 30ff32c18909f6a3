"""Co-mention ties: two corpus entities named in the same articles.

The one rule behind `fuentes network ... --co-mentions` and the workbench's network when no
relations are stored: people and organisations only (a place named beside everyone would tie
everyone), and a pair counts once it is named together in at least two articles (once may be
chance).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Iterable

from fuentes.views.fields import as_list, field

CO_MENTION_KINDS = ("person", "organization")
CO_MENTION_MIN_ARTICLES = 2


def co_mentions(entities: Iterable[Any], *, kinds: Iterable[str] | None = CO_MENTION_KINDS,
                min_articles: int = CO_MENTION_MIN_ARTICLES) -> dict[tuple[str, str], list[str]]:
    """(a, b) with a < b -> the sorted ids of the articles naming both, for every pair named
    together in at least `min_articles` articles. `entities` are Entity records or entity rows
    (id, kind, articles); `kinds=None` keeps every kind."""
    wanted = set(kinds) if kinds is not None else None
    per_article: dict[str, set[str]] = {}
    for entity in entities:
        if wanted is not None and field(entity, "kind") not in wanted:
            continue
        for article in as_list(field(entity, "articles")):
            per_article.setdefault(article, set()).add(field(entity, "id"))
    pairs: dict[tuple[str, str], list[str]] = {}
    for article in sorted(per_article):
        for pair in combinations(sorted(per_article[article]), 2):
            pairs.setdefault(pair, []).append(article)
    return {pair: arts for pair, arts in sorted(pairs.items()) if len(arts) >= min_articles}
