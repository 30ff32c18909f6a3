"""Entity profiles, the claims board, the timeline and the network, and one claim, event or
relation with its evidence (`fuentes.web.evidence`), as plain data.

Each function reads what the store holds and returns JSON-ready dicts; the API returns them
as they are and the pages render them. Optional layers (claims, events, relations, watchlist
hits) come through `TableCache`, so a store without them gives empty lists and a `missing`
note instead of an error.
"""

from __future__ import annotations

from typing import Any

from fuentes.codecs import CLAIM, DISCREPANCY, EVENT, RELATION, evidence_records
from fuentes.corpus.timeline import entity_query, event_sources, exact_entity, select_events
from fuentes.store import Store
from fuentes.store.analysis import get_entity, quotes_of
from fuentes.store.views import (article_meta, discrepancy_rows_of, entity_names, entity_row, entity_rows,
                                 entity_spans, record_row)
from fuentes.views.claims import grade_counts, order_claims
from fuentes.views.network import co_mentions
from fuentes.views.provenance import article_order
from fuentes.web.evidence import PER_PAGE, evidence_view
from fuentes.web.stories import story_index
from fuentes.web.tables import TableCache, as_list


def entity_profile(store: Store, tables: TableCache, entity_id: str, evidence_page: int = 1,
                   per_page: int = PER_PAGE) -> dict[str, Any] | None:
    """Everything about one entity; its mentions come a page of `per_page` articles at a time."""
    entity = entity_row(store, entity_id) or get_entity(store, entity_id)
    if entity is None:
        return None
    eid = entity["id"]
    names = entity_names(store)
    events = select_events(tables.rows("events") or [], entity=exact_entity(eid))
    relations = [dict(r, subject_name=names.get(r.get("subject"), r.get("subject")),
                      object_name=names.get(r.get("object"), r.get("object")),
                      object_entity=r.get("object") in names)
                 for r in tables.rows("relations") or [] if eid in (r.get("subject"), r.get("object"))]
    hits = watchlist_hits(tables, eid)
    meta = article_meta(store, as_list(entity["articles"]))
    return {
        "entity": {**{key: entity[key] for key in ("id", "name", "kind", "aliases", "roles", "articles",
                                                  "merged_from", "merge_evidence")},
                   "absorbed": entity.get("absorbed") or []},  # earlier ids that now lead here
        "articles": sorted(meta.values(), key=lambda m: (m["published"] or "", m["id"]), reverse=True),
        "evidence": evidence_view(store, entity_spans(store, eid, entity), page=evidence_page, per_page=per_page),
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
                           stories=stories, undated=False):  # as `fuentes timeline`: every line dated
        sources = event_sources(as_list(e.get("articles")), meta)
        rows.append(dict(e, actor_names=[(a, names.get(a, a)) for a in as_list(e.get("actors"))],
                         target_names=[(a, names.get(a, a)) for a in as_list(e.get("targets"))],
                         place_name=names.get(e.get("place"), e.get("place")),
                         sources=sources, outlets=sources))
    return {"events": rows, "missing": {}}


# --- one claim, event or relation with its evidence --------------------------------------------

def _name(names: dict[str, str], value: Any) -> dict[str, Any] | None:
    """{id, name, entity}: an entity id with its name, or a plain value (a place, a title)."""
    if value in (None, ""):
        return None
    return {"id": value, "name": names.get(value, value), "entity": value in names}


def claim_page(store: Store, tables: TableCache, claim_id: str, page: int = 1) -> dict[str, Any] | None:
    """A claim (export shape), its evidence sentences per article, and each discrepancy it takes
    part in with every value's own evidence."""
    row = record_row(tables, "claims", claim_id)
    if row is None:
        return None
    names = entity_names(store)
    claim = CLAIM.export(row)
    claim.update(subject_ref=_name(names, claim.get("subject")), object_ref=_name(names, claim.get("object")),
                 speaker_ref=_name(names, claim.get("speaker")))
    discrepancies = []
    for item in discrepancy_rows_of(tables, claim["id"]):
        exported = DISCREPANCY.export(item)
        for value in exported["values"]:
            value["evidence"] = evidence_view(store, evidence_records(value["evidence"]), per_page=PER_PAGE)
        discrepancies.append(exported)
    return {"claim": claim, "articles": _articles(store, claim["articles"]),
            "evidence": evidence_view(store, CLAIM.from_row(row).evidence, page=page),
            "discrepancies": discrepancies}


def event_page(store: Store, tables: TableCache, event_id: str, page: int = 1) -> dict[str, Any] | None:
    """An event (export shape) with names resolved, its sources and its evidence per report."""
    row = record_row(tables, "events", event_id)
    if row is None:
        return None
    names = entity_names(store)
    event = EVENT.export(row)
    meta = article_meta(store, event["articles"])
    event.update(actor_refs=[_name(names, a) for a in event["actors"]],
                 target_refs=[_name(names, a) for a in event["targets"]], place_ref=_name(names, event["place"]),
                 sources=event_sources(event["articles"], meta))
    return {"event": event, "articles": _articles(store, event["articles"]),
            "evidence": evidence_view(store, EVENT.from_row(row).evidence, page=page)}


def relation_page(store: Store, tables: TableCache, relation_id: str, page: int = 1) -> dict[str, Any] | None:
    """A relation (export shape) with names resolved and its evidence sentence in each article."""
    row = record_row(tables, "relations", relation_id)
    if row is None:
        return None
    names = entity_names(store)
    relation = RELATION.export(row)
    relation.update(subject_ref=_name(names, relation["subject"]), object_ref=_name(names, relation["object"]))
    return {"relation": relation, "articles": _articles(store, relation["articles"]),
            "evidence": evidence_view(store, RELATION.from_row(row).evidence, page=page)}


def _articles(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The reporting articles' metadata, originals first then by date."""
    return sorted(article_meta(store, list(ids)).values(), key=article_order)
