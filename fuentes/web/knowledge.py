"""Entity profiles, the claims board, the timeline and the network, as plain data.

Each function reads what the store holds and returns JSON-ready dicts; the API returns them
as they are and the pages render them. Optional layers (claims, events, relations, watchlist
hits) come through `TableCache`, so a store without them gives empty lists and a `missing`
note instead of an error.
"""

from __future__ import annotations

from typing import Any

from fuentes.corpus.timeline import entity_query, event_sources, exact_entity, select_events
from fuentes.store import Store
from fuentes.store.analysis import get_entity, quotes_of
from fuentes.store.views import article_meta, entity_evidence, entity_names, entity_rows
from fuentes.views.claims import grade_counts, order_claims
from fuentes.views.network import co_mentions
from fuentes.web.stories import story_index
from fuentes.web.tables import TableCache, as_list


def entity_profile(store: Store, tables: TableCache, entity_id: str) -> dict[str, Any] | None:
    entity = get_entity(store, entity_id)
    if entity is None:
        return None
    eid = entity["id"]
    names = entity_names(store)
    events = select_events(tables.rows("events") or [], entity=exact_entity(eid))
    relations = [dict(r, subject_name=names.get(r.get("subject"), r.get("subject")),
                      object_name=names.get(r.get("object"), r.get("object")))
                 for r in tables.rows("relations") or [] if eid in (r.get("subject"), r.get("object"))]
    hits = watchlist_hits(tables, eid)
    meta = article_meta(store, as_list(entity["articles"]))
    return {
        "entity": {key: entity[key] for key in ("id", "name", "kind", "aliases", "roles", "articles",
                                               "merged_from", "merge_evidence")},
        "articles": sorted(meta.values(), key=lambda m: (m["published"] or "", m["id"]), reverse=True),
        "evidence": entity_evidence(store, eid),
        "quotes": quotes_of(store, entity_id=eid),
        "events": events,
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
    rows = entity_rows(store)
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
    """Edges between the shown entities named together (the rule of `fuentes.views.network`, as
    `fuentes network --co-mentions`), dated by the articles that name both."""
    pairs = co_mentions(top.values())
    named_together = sorted({a for arts in pairs.values() for a in arts})
    dates = {k: v["published"] for k, v in article_meta(store, named_together).items()}
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
    claims = order_claims(claims or [])
    return {"claims": claims, "discrepancies": discrepancies or [], "grades": grade_counts(claims),
            "missing": tables.missing("claims", "discrepancies")}


def timeline(store: Store, tables: TableCache, entity: str | None = None, story: str | None = None) -> dict[str, Any]:
    """Events in timeline order (undated last), with names and sources resolved: the events and
    order of `fuentes timeline` (`fuentes.corpus.timeline`). `entity` is an id, a name or an alias;
    `story` a story id (or a derivation group's, when stories were not computed)."""
    events = tables.rows("events")
    if not events:
        return {"events": [], "missing": tables.missing("events")}
    ents = entity_rows(store)
    names = {row["id"]: row["name"] for row in ents}
    stories = story_index(store, tables)["of_article"] if story else None
    meta = article_meta(store)
    rows = []
    for e in select_events(events, entity=entity_query(entity, ents) if entity else None, story=story,
                           stories=stories):
        sources = event_sources(as_list(e.get("articles")), meta)
        rows.append(dict(e, actor_names=[(a, names.get(a, a)) for a in as_list(e.get("actors"))],
                         target_names=[(a, names.get(a, a)) for a in as_list(e.get("targets"))],
                         place_name=names.get(e.get("place"), e.get("place")),
                         sources=sources, outlets=sources))
    return {"events": rows, "missing": {}}
