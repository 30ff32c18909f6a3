"""Entity profiles, the claims board, the timeline and the network, as plain data.

Each function reads what the store holds and returns JSON-ready dicts; the API returns them
as they are and the pages render them. Optional layers (claims, events, relations, watchlist
hits) come through `TableCache`, so a store without them gives empty lists and a `missing`
note instead of an error.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

from sqlalchemy import select

from fuentes.store import Store
from fuentes.store.analysis import all_rows, get_entity, quotes_of
from fuentes.store.schema import entities, local_entities
from fuentes.web.stories import article_meta
from fuentes.web.tables import TableCache, as_list


def names_of(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {row.id: row.name for row in conn.execute(select(entities.c.id, entities.c.name))}


def _evidence(store: Store, entity_id: str) -> list[dict[str, Any]]:
    """Where the entity is named: article id and char span, one per local mention group."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(local_entities.c.article_id, local_entities.c.name, local_entities.c.evidence)
                            .where(local_entities.c.entity_id == entity_id)).all()
    found = []
    for row in rows:
        for start, end in (row.evidence or [])[:5]:
            found.append({"article": row.article_id, "start": start, "end": end, "text": row.name})
    return found


def entity_profile(store: Store, tables: TableCache, entity_id: str) -> dict[str, Any] | None:
    entity = get_entity(store, entity_id)
    if entity is None:
        return None
    eid = entity["id"]
    names = names_of(store)
    events = [e for e in tables.rows("events") or []
              if eid in as_list(e.get("actors")) + as_list(e.get("targets")) + [e.get("place")]]
    relations = [dict(r, subject_name=names.get(r.get("subject"), r.get("subject")),
                      object_name=names.get(r.get("object"), r.get("object")))
                 for r in tables.rows("relations") or [] if eid in (r.get("subject"), r.get("object"))]
    hits = watchlist_hits(tables, eid)
    meta = article_meta(store, as_list(entity["articles"]))
    return {
        "entity": {key: entity[key] for key in ("id", "name", "kind", "aliases", "roles", "articles",
                                               "merged_from", "merge_evidence")},
        "articles": sorted(meta.values(), key=lambda m: (m["published"] or "", m["id"]), reverse=True),
        "evidence": _evidence(store, eid),
        "quotes": quotes_of(store, entity_id=eid),
        "events": sorted(events, key=lambda e: str(e.get("date") or "")),
        "relations": relations,
        "watchlist_hits": hits,
        "neighbours": neighbourhood(store, tables, eid),
        "missing": tables.missing("events", "relations", "watchlist_hits"),
    }


def watchlist_hits(tables: TableCache, entity_id: str) -> list[dict[str, Any]]:
    """Watchlist entries matched to the entity, with the entry's caption, schema and properties."""
    hits = tables.rows("watchlist_hits", entity_id=entity_id) or []
    if not hits:
        return []
    entries = {str(w["id"]): w for w in tables.rows("watchlist") or []}
    found = []
    for hit in hits:
        entry = entries.get(str(hit.get("watch_id")), {})
        found.append(dict(hit, caption=entry.get("caption") or hit.get("watch_id"), schema=entry.get("schema"),
                          dataset=entry.get("dataset"), properties=entry.get("properties") or {}))
    return sorted(found, key=lambda h: -(h.get("score") or 0))


def neighbourhood(store: Store, tables: TableCache, entity_id: str, limit: int = 16) -> dict[str, Any]:
    graph = network(store, tables, limit=300, focus=entity_id)
    edges = [e for e in graph["edges"] if entity_id in (e["source"], e["target"])]
    edges.sort(key=lambda e: -e["weight"])
    edges = edges[:limit]
    keep = {entity_id} | {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [n for n in graph["nodes"] if n["id"] in keep]
    if not any(n["id"] == entity_id for n in nodes):
        entity = get_entity(store, entity_id)
        nodes.append({"id": entity_id, "name": entity["name"] if entity else entity_id, "kind": "other",
                      "articles": 0})
    return {"nodes": nodes, "edges": edges, "source": graph["source"]}


def network(store: Store, tables: TableCache, limit: int = 300, focus: str | None = None) -> dict[str, Any]:
    """Nodes (entities) and edges: stored relations, or co-mention in articles when there are none.

    Each edge carries its predicate and first/last date so the page can filter by relation
    and time without another request.
    """
    rows = all_rows(store, entities)
    rows.sort(key=lambda r: (-len(r["articles"] or []), r["name"]))
    top = {r["id"]: r for r in rows[:limit]}
    top.update({r["id"]: r for r in rows if r["id"] == focus})
    relations = tables.rows("relations")
    if relations:
        edges = [_relation_edge(r) for r in relations if r.get("subject") in top and r.get("object") in top]
        source = "relations"
    else:
        edges = _co_mentions(store, top)
        source = "co-mention"
    nodes = [{"id": r["id"], "name": r["name"], "kind": r["kind"], "articles": len(r["articles"] or [])}
             for r in top.values()]
    return {"nodes": nodes, "edges": edges, "source": source,
            "predicates": sorted({e["predicate"] for e in edges})}


def _relation_edge(row: dict[str, Any]) -> dict[str, Any]:
    arts = as_list(row.get("articles"))
    return {"source": row["subject"], "target": row["object"], "predicate": row.get("predicate") or "related",
            "weight": row.get("independent_sources") or len(arts) or 1, "articles": arts,
            "start": row.get("start"), "end": row.get("end"), "allegation": bool(row.get("allegation")),
            "id": row.get("id")}


def _co_mentions(store: Store, top: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    by_article: dict[str, list[str]] = {}
    for eid, row in top.items():
        for art in row["articles"] or []:
            by_article.setdefault(art, []).append(eid)
    dates = {k: v["published"] for k, v in article_meta(store, list(by_article)).items()}
    pairs: dict[tuple[str, str], list[str]] = {}
    for art, members in by_article.items():
        for a, b in combinations(sorted(members)[:40], 2):  # bound the work on crowded articles
            pairs.setdefault((a, b), []).append(art)
    edges = []
    for (a, b), arts in pairs.items():
        when = sorted(d for d in (dates.get(x) for x in arts) if d)
        edges.append({"source": a, "target": b, "predicate": "co_mentioned", "weight": len(arts),
                      "articles": arts[:20], "start": when[0] if when else None,
                      "end": when[-1] if when else None, "allegation": False, "id": None})
    return edges


def claims_board(store: Store, tables: TableCache) -> dict[str, Any]:
    """Claims with their independent sources and grade; discrepancies with versions side by side."""
    claims = tables.rows("claims")
    discrepancies = tables.rows("discrepancies")
    meta = article_meta(store)
    for claim in claims or []:
        claim["article_meta"] = [meta[a] for a in as_list(claim.get("articles")) if a in meta]
    for item in discrepancies or []:
        values = item.get("discrepancy_values", item.get("values"))
        item["versions"] = [dict(v, article_meta=[meta[a] for a in as_list(v.get("articles")) if a in meta])
                            for v in as_list(values) if isinstance(v, dict)]
    claims = sorted(claims or [], key=lambda c: (c.get("grade") or 6, -(c.get("independent_sources") or 0)))
    return {"claims": claims, "discrepancies": discrepancies or [],
            "grades": dict(sorted(Counter(c.get("grade") for c in claims).items(), key=lambda kv: str(kv[0]))),
            "missing": tables.missing("claims", "discrepancies")}


def timeline(store: Store, tables: TableCache, entity: str | None = None) -> dict[str, Any]:
    """Events in date order (undated last), with names and outlets resolved."""
    events = tables.rows("events")
    if not events:
        return {"events": [], "missing": tables.missing("events")}
    names = names_of(store)
    meta = article_meta(store)
    rows = []
    for e in events:
        ids = as_list(e.get("actors")) + as_list(e.get("targets")) + [e.get("place")]
        if entity and entity not in ids:
            continue
        arts = as_list(e.get("articles"))
        rows.append(dict(e, actor_names=[(a, names.get(a, a)) for a in as_list(e.get("actors"))],
                         target_names=[(a, names.get(a, a)) for a in as_list(e.get("targets"))],
                         place_name=names.get(e.get("place"), e.get("place")),
                         outlets=sorted({meta[a]["outlet"] for a in arts if a in meta and meta[a]["outlet"]})))
    rows.sort(key=lambda r: (r.get("date") is None, str(r.get("date") or ""), str(r.get("event_type"))))
    return {"events": rows, "missing": {}}
