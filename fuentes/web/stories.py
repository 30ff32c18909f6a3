"""Stories and their derivation trees, for the web views.

A story is the set of articles that report one event. When the stories capability has filled
its table the web shows those; otherwise it falls back to derivation groups: articles joined
by a copy/rewrite link (and a story per article that nobody copied). A story's independent
sources are its distinct origins, by the rule `fuentes provenance` groups articles with
(`fuentes.views.provenance`). The tree is laid out here, in Python, so the page draws it as a
plain SVG without any script.
"""

from __future__ import annotations

import hashlib
import threading
import time
from typing import Any

from fuentes.store import Store
from fuentes.store.views import (
    article_meta,
    change_signature,
    derivation_rows,
    derivations_into,
    stories_page,
    story_of,
    story_row,
)
from fuentes.views.names import name_key
from fuentes.views.provenance import (
    article_order,
    derivation_groups,
    independent_sources,
    parent_map,
)
from fuentes.web.tables import TableCache, as_list


def _fallback_id(members: list[str]) -> str:
    return "grp_" + hashlib.sha1(min(members).encode()).hexdigest()[:12]


def story_members(store: Store, tables: TableCache) -> dict[str, dict[str, Any]]:
    """story id -> {"articles": [ids], "title": str | None} from the stories table or the fallback
    (derivation groups: articles joined by a copy/rewrite link, one per article nobody copied)."""
    rows = tables.rows("stories")
    if rows:
        return {str(row["id"]): {"articles": as_list(row.get("articles")), "title": row.get("title")}
                for row in rows}
    groups = derivation_groups(article_meta(store), derivation_rows(store))
    return {_fallback_id(members): {"articles": members, "title": None} for members in groups}


def summarise(story_id: str, members: list[str], meta: dict[str, dict[str, Any]],
              title: str | None = None, parents: dict[str, str] | None = None) -> dict[str, Any]:
    items = sorted((meta[a] for a in members if a in meta), key=article_order)
    dates = sorted(m["published"] for m in items if m["published"])
    return {"id": story_id, "title": title or next((m["title"] for m in items if m["title"]), None),
            "articles": items, "outlets": sorted({m["outlet"] for m in items if m["outlet"]}),
            "start": dates[0] if dates else None, "end": dates[-1] if dates else None,
            "independent_sources": independent_sources(members, meta, parents or {})}


_CACHE: dict[str, tuple[tuple, float, dict[str, Any]]] = {}
_CACHE_LOCK = threading.Lock()
CACHE_SECONDS = 60.0  # rebuilt at least this often even if nothing seems changed
STALE_SECONDS = 5.0  # while an ingest writes, a grouping this young is served as it is


def story_index(store: Store, tables: TableCache) -> dict[str, Any]:
    """Every story with its members, in display order, plus article -> story; rebuilt only when
    the store changed (the grouping reads every article, which is too slow per request at 10k)."""
    key = change_signature(store, tables)
    # A change shows at once, unless it comes less than STALE_SECONDS after the last rebuild.
    with _CACHE_LOCK:
        cached = _CACHE.get(store.url)
        age = time.monotonic() - cached[1] if cached else None
        if cached and ((cached[0] == key and age < CACHE_SECONDS) or age < STALE_SECONDS):
            return cached[2]
    stories = story_members(store, tables)
    meta = article_meta(store)
    parents = parent_map(derivation_rows(store))
    order = sorted(stories.items(), key=lambda kv: (-len(kv[1]["articles"]),
                                                    -_date_key(kv[1]["articles"], meta), kv[0]))
    index = {"order": order, "meta": meta, "parents": parents,
             "of_article": {a: sid for sid, value in order for a in value["articles"]},
             "titles": {sid: value["title"] or _first_title(value["articles"], meta) for sid, value in order}}
    with _CACHE_LOCK:
        _CACHE[store.url] = (key, time.monotonic(), index)
    return index


def _first_title(members: list[str], meta: dict[str, dict[str, Any]]) -> str | None:
    """A story's name when it has no title of its own: the title of its earliest article that has one."""
    items = sorted((meta[a] for a in members if a in meta), key=article_order)
    return next((m["title"] for m in items if m.get("title")), None)


def list_stories(store: Store, tables: TableCache, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """(total, page of stories), biggest first, then newest. From the stories table the database
    cuts the page; the fallback grouping (derivation groups) is computed once per change."""
    if tables.filled("stories"):
        total, rows = stories_page(store, limit=limit, offset=offset)
        members = [as_list(row.get("articles")) for row in rows]
        meta = article_meta(store, [a for m in members for a in m[:MEMBERS]])
        parents = parent_map(derivations_into(store, [a for m in members for a in m[:MEMBERS]]))
        return total, [_brief(summarise(str(row["id"]), m[:MEMBERS], meta, row.get("title"), parents), len(m))
                       for row, m in zip(rows, members)]
    index = story_index(store, tables)
    page = index["order"][offset:offset + limit]
    return len(index["order"]), [_brief(summarise(key, value["articles"][:MEMBERS], index["meta"], value["title"],
                                                  index["parents"]), len(value["articles"]))
                                 for key, value in page]


MEMBERS = 200  # articles of one story read for a listing line or drawn in its tree
LISTED = 10  # articles named per story in a listing


def _brief(story: dict[str, Any], size: int) -> dict[str, Any]:
    """A listing line: the first articles only, with the story's size."""
    story["size"] = size
    story["articles"] = story["articles"][:LISTED]
    story["outlets_total"] = len(story["outlets"])
    story["outlets"] = story["outlets"][:20]
    return story


def _date_key(members: list[str], meta: dict[str, dict[str, Any]]) -> int:
    dates = [meta[a]["published"] for a in members if a in meta and meta[a]["published"]]
    digits = max(dates, default="").replace("-", "")[:8].ljust(8, "0")
    return int(digits) if digits.isdigit() else 0


def story_of_article(store: Store, tables: TableCache, article_id: str) -> str | None:
    if tables.filled("stories"):
        return story_of(store, article_id)
    return story_index(store, tables)["of_article"].get(article_id)


def get_story(store: Store, tables: TableCache, story_id: str, page: int = 1,
              limit: int = 50) -> dict[str, Any] | None:
    """One story: a page of its articles (originals first, then by date) with the derivations
    into them, its outlets and independent sources, and the derivation tree of its first
    `MEMBERS` articles."""
    if tables.filled("stories"):
        row = story_row(store, story_id)
        found = {"articles": as_list(row.get("articles")), "title": row.get("title")} if row else None
    else:
        found = dict(story_index(store, tables)["order"]).get(story_id)
    if found is None:
        return None
    members = found["articles"]
    meta = article_meta(store, members) if len(members) <= 5000 else article_meta(store, members[:5000])
    ordered = sorted(meta.values(), key=article_order)
    links = derivations_into(store, [m["id"] for m in ordered])
    story = summarise(story_id, [m["id"] for m in ordered], meta, found["title"], parent_map(links))
    shown = ordered[(page - 1) * limit:page * limit]
    on_page = {m["id"] for m in shown}
    story["articles"] = shown
    story["size"] = len(members)
    story["derivations"] = [{"source": d["source"], "target": d["target"], "kind": d["kind"],
                             "score": d["score"], "evidence": d["evidence"] or []} for d in links
                            if d["target"] in on_page]
    drawn = {m["id"] for m in ordered[:MEMBERS]}
    story["tree"] = layout_tree({k: v for k, v in meta.items() if k in drawn},
                                [d for d in links if d["target"] in drawn])
    story["tree"]["shown"], story["tree"]["total"] = len(drawn), len(ordered)
    return story


def layout_tree(meta: dict[str, dict[str, Any]], links: list[dict[str, Any]],
                dx: int = 190, dy: int = 90) -> dict[str, Any]:
    """Positions for drawing the derivation tree: roots (originals, outside origins) on top.

    One node per outlet: an origin named by outlet (a credit line, a copy traced outside the
    corpus) whose name is the outlet of an article in the story, compared as names are (case,
    accents and punctuation aside: `fuentes.views.names.name_key`), is that article (its
    original first), not a second "outside" node; outside names that differ only so are one node.
    An article copied from two sources sits under the first; the other link is drawn as an
    extra edge, so nothing the provenance stage found is hidden. Every node sits at least half a
    column (`dx / 2`) from the edges, so a label centred under it is never cut off.
    """
    nodes: dict[str, dict[str, Any]] = {}
    by_outlet: dict[str, str] = {}  # outlet name key -> the story's article standing for it
    for key, m in sorted(meta.items(), key=lambda kv: article_order(kv[1])):
        nodes[key] = {"id": key, "label": m["outlet"] or key[:12], "kind": m["kind"], "article": True,
                      "title": m["title"] or ""}
        if m["outlet"] and name_key(m["outlet"]):
            by_outlet.setdefault(name_key(m["outlet"]), key)
    resolved = []
    for link in links:
        source = link["source"]
        if source not in nodes:  # an origin outside the corpus, by outlet name
            key = name_key(source)
            if key:
                source = by_outlet.setdefault(key, source)
            if source not in nodes:
                nodes[source] = {"id": source, "label": source, "kind": "outside", "article": False,
                                 "title": "origin not in the corpus"}
        if source != link["target"]:  # an article credited to its own outlet draws no edge
            resolved.append(dict(link, source=source))
    links = resolved
    children: dict[str, list[str]] = {}
    parent: dict[str, str] = {}
    for link in sorted(links, key=lambda d: (-(d["score"] or 0), d["source"])):
        if link["target"] in nodes and link["target"] not in parent and link["source"] != link["target"]:
            parent[link["target"]] = link["source"]
            children.setdefault(link["source"], []).append(link["target"])
    roots = [key for key in nodes if key not in parent or _cycles(key, parent)]
    roots.sort(key=lambda k: (nodes[k]["kind"] != "original", nodes[k]["label"]))
    slot = [0]
    placed: set[str] = set()

    def place(key: str, depth: int) -> float:
        placed.add(key)
        kids = [k for k in children.get(key, []) if k not in placed]
        xs = [place(kid, depth + 1) for kid in kids]
        x = sum(xs) / len(xs) if xs else slot[0]
        if not xs:
            slot[0] += 1
        nodes[key].update(x=int(dx / 2 + x * dx), y=int(40 + depth * dy))
        return x

    for root in roots:
        if root not in placed:
            place(root, 0)
    edges = []
    for link in links:
        a, b = nodes.get(link["source"]), nodes.get(link["target"])
        if a and b and "x" in a and "x" in b:
            edges.append({"x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"], "kind": link["kind"],
                          "tree": parent.get(link["target"]) == link["source"]})
    depth = max((n["y"] for n in nodes.values() if "y" in n), default=40)
    return {"nodes": [n for n in nodes.values() if "x" in n], "edges": edges,
            "width": int(max(slot[0], 1) * dx), "height": int(depth + 80)}


def _cycles(key: str, parent: dict[str, str]) -> bool:
    """True when following parents from `key` comes back to it (a broken, circular input)."""
    seen = {key}
    while key in parent:
        key = parent[key]
        if key in seen:
            return True
        seen.add(key)
    return False
