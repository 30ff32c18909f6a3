"""Provenance views: each article's independent origin, origins with their articles, and groups
of articles joined by derivations.

One rule for "which independent source does an article stand for" (`origin_of`): the origin the
provenance stage stored; else the root of its derivation chain (an article's outlet, or an
outlet outside the corpus); else its own outlet; else the article itself. `fuentes provenance`
groups articles by it (`provenance_groups`) and the workbench counts a story's independent
sources with it (`independent_sources`). A pair whose direction is undecided is related (one
derivation group) but neither article is the other's parent; the provenance stage gives both
one origin, so they count as one source.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from fuentes.corpus.credits import Gazetteer
from fuentes.extract.names import fold
from fuentes.unionfind import UnionFind
from fuentes.views.fields import field

UNDECIDED = "undecided"  # a derivation's `decided_by` when nothing decided which article came first


def parent_map(links: Iterable[Any]) -> dict[str, str]:
    """target -> source of its best-scored derivation (ties: the smaller source); self-links and
    pairs whose direction is undecided (`decided_by` "undecided": neither is the other's parent)
    ignored."""
    parents: dict[str, str] = {}
    ranked = sorted(links, key=lambda d: (-(field(d, "score", 0.0)), str(field(d, "source", ""))))
    for link in ranked:
        source, target = field(link, "source"), field(link, "target")
        if field(link, "decided_by") == UNDECIDED:
            continue
        if source != target and target not in parents:
            parents[target] = source
    return parents


def origin_of(article_id: str, meta: Mapping[str, Any], parents: Mapping[str, str]) -> str:
    """The independent source an article stands for (see the module). `meta` maps article id to a
    record or row with outlet and origin; `parents` is `parent_map` of the derivations."""
    own = meta.get(article_id)
    if own is not None and field(own, "origin"):
        return field(own, "origin")
    seen, key = {article_id}, article_id
    while key in parents and parents[key] not in seen:
        key = parents[key]
        seen.add(key)
    root = meta.get(key)
    if root is None:
        return key  # an outlet outside the corpus
    return field(root, "outlet") or field(root, "id", key)


def outlet_key(name: str | None) -> str:
    """One key for the spellings of one outlet: its canonical name in the outlet gazetteer, else
    the name, case and accents folded and without spaces or punctuation ("breitbart" in a
    metadata file is the "Breitbart" a credit names; "usa-today" is "USA Today")."""
    if not name:
        return ""
    return "".join(ch for ch in fold(Gazetteer.default().canonical(name) or name) if ch.isalnum())


def article_order(row: Any) -> tuple:
    """Originals first, then by publication date, then id."""
    return (field(row, "kind") != "original", field(row, "published", ""), field(row, "id", ""))


def independent_sources(article_ids: Iterable[str], meta: Mapping[str, Any], parents: Mapping[str, str]) -> int:
    """How many distinct origins the articles stand for."""
    return len({origin_of(a, meta, parents) for a in article_ids if a in meta})


def provenance_groups(rows: list[Any], links: Iterable[Any] | None = None) -> list[dict[str, Any]]:
    """Origins with the articles that carry their reporting, biggest first (then by name):
    [{"origin", "in_corpus", "articles": [rows in `article_order`]}]. `rows` are articles with
    id, outlet, kind, origin, published (and optionally `derived_from` links, used when `links`
    is not given)."""
    if links is None:
        links = [link for row in rows for link in field(row, "derived_from", [])]
    meta = {field(row, "id"): row for row in rows}
    parents = parent_map(links)
    in_corpus = {outlet_key(field(row, "outlet")) for row in rows if field(row, "kind") == "original"} | set(meta)
    by_origin: dict[str, list[Any]] = {}
    for row in rows:
        by_origin.setdefault(origin_of(field(row, "id"), meta, parents), []).append(row)
    return [{"origin": origin, "in_corpus": origin in meta or outlet_key(origin) in in_corpus, "articles": sorted(members, key=article_order)}
            for origin, members in sorted(by_origin.items(), key=lambda item: (-len(item[1]), item[0]))]


def derivation_groups(article_ids: Iterable[str], links: Iterable[Any]) -> list[list[str]]:
    """Connected components of the article-to-article derivation graph (links to sources outside
    the corpus ignored), each in the order of `article_ids`, groups in order of their first member."""
    ids = list(article_ids)
    index = {key: i for i, key in enumerate(ids)}
    uf = UnionFind(len(ids))
    for link in links:
        a, b = index.get(field(link, "source")), index.get(field(link, "target"))
        if a is not None and b is not None:
            uf.union(a, b)
    groups: dict[int, list[str]] = {}
    for i, key in enumerate(ids):
        groups.setdefault(uf.find(i), []).append(key)
    return list(groups.values())
