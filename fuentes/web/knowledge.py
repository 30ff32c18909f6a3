"""Entity profiles, the claims board, the timeline and the network, and one claim, event or
relation with its evidence (`fuentes.web.evidence`), as plain data.

Each function reads what the store holds and returns JSON-ready dicts; the API returns them
as they are and the pages render them. Optional layers (claims, events, relations, watchlist
hits) come through `TableCache`, so a store without them gives empty lists and a `missing`
note instead of an error.
"""

from __future__ import annotations

import threading
import time
from typing import Any
from urllib.parse import quote

from fuentes.codecs import CLAIM, DISCREPANCY, EVENT, RELATION, evidence_records
from fuentes.corpus.claims import NP, described, description_label, unnamed
from fuentes.corpus.timeline import entity_query, event_sources, of_kind
from fuentes.network.store_graph import store_network_view
from fuentes.store import Store
from fuentes.store.views import (
    article_meta,
    article_meta_page,
    claim_grades,
    claims_page,
    co_mentioned_with,
    discrepancies_page,
    entity_articles,
    entity_by_absorbed,
    entity_head,
    entity_ids_starting,
    entity_name_rows,
    entity_row,
    entity_signature,
    entity_spans,
    event_places,
    event_type_values,
    events_page,
    mentioning_articles,
    names_of,
    quotes_page,
    record_row,
    relations_page,
)
from fuentes.views.claims import group_claims, slot_label
from fuentes.views.names import name_key
from fuentes.views.network import CO_MENTION_KINDS, CO_MENTION_MIN_ARTICLES
from fuentes.views.provenance import article_order
from fuentes.web.evidence import PER_PAGE, entity_evidence_view, evidence_view
from fuentes.web.paging import sub_list
from fuentes.web.stories import story_index
from fuentes.web.tables import TableCache, as_list

LIST = 20  # items of each sub-list a profile shows (the rest behind its link)
CAP = 50  # ids kept in a list row's `articles` (its `articles_total` says how many there are)


def _cap(row: dict[str, Any], *names: str, cap: int = CAP) -> dict[str, Any]:
    """The row with each list field cut to `cap` items and `<name>_total` set to its length."""
    for name in names:
        items = as_list(row.get(name))
        row[name] = items[:cap]
        row[f"{name}_total"] = len(items)
    return row


def find_entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An entity by its id, an id it absorbed, a unique id prefix (6 characters or more), or a
    name or alias naming one entity only (compared as entity resolution compares names), as the
    CLI accepts them; None otherwise. No lookup reads the entities table whole."""
    found = entity_row(store, entity_id) or entity_by_absorbed(store, entity_id)
    if found is not None:
        return found
    if len(entity_id) >= 6:
        prefixed = entity_ids_starting(store, entity_id)
        if len(prefixed) == 1:
            return entity_row(store, prefixed[0])
    named = {row["id"] for row in named_entities(store, entity_id)}
    return entity_row(store, named.pop()) if len(named) == 1 else None


def entity_profile(store: Store, tables: TableCache, entity_id: str, evidence_page: int = 1,
                   per_page: int = PER_PAGE, shown: int = LIST) -> dict[str, Any] | None:
    """Everything about one entity, each list bounded: its mentions a page of `per_page`
    articles at a time, the newest `shown` articles, quotes, events and relations, each with
    its total in `lists` and a link to the rest. Only the entity's short columns are read; its
    mentions come a page at a time from the local entities resolved to it."""
    entity = entity_head(store, entity_id)
    if entity is None:
        found = find_entity(store, entity_id)
        entity = entity_head(store, found["id"]) if found else None
    if entity is None:
        return None
    eid = entity["id"]
    quiet = quote(eid, safe="")
    recent = mentioning_articles(store, eid, shown)
    evidence = entity_evidence_view(store, eid, lambda: entity_spans(store, eid), page=evidence_page,
                                    per_page=per_page)
    if not recent and evidence["groups"]:  # no local entities: the entity row's own article list
        _, recent = article_meta_page(store, as_list((entity_row(store, eid) or {}).get("articles")), shown)
    n_articles = max(entity["reach"] or 0, evidence["articles"])
    n_quotes, said = quotes_page(store, entity_id=eid, limit=shown)
    n_events, events = events_page(store, involving=[eid], dated=False, limit=shown) if tables.has("events") else (0, [])
    n_relations, rels = relations_page(store, entity_id=eid, limit=shown) if tables.has("relations") else (0, [])
    names = names_of(store, [r[k] for r in rels for k in ("subject", "object")])
    relations = [_cap(dict(r, subject_name=names.get(r["subject"], r["subject"]),
                           object_name=names.get(r["object"], r["object"]), object_entity=r["object"] in names),
                      "articles", cap=10) for r in rels]
    for r in relations:
        r.pop("evidence", None)
    info = {key: entity[key] for key in ("id", "name", "kind", "aliases", "roles", "merge_evidence")}
    info["absorbed"] = entity.get("absorbed") or []  # earlier ids that now lead here
    _cap(info, "aliases", "roles", "merge_evidence", "absorbed", cap=100)
    info.update(articles=[a["id"] for a in recent], articles_total=n_articles, merged_from_total=entity["merged"])
    return {
        "entity": info,
        "articles": recent,
        "evidence": evidence,
        "quotes": said,
        "events": [_cap(_light(e), "articles", "actors", "targets", cap=10) for e in events],
        "relations": relations,
        "watchlist_hits": watchlist_hits(tables, eid),
        "neighbours": neighbourhood(store, tables, eid),
        "lists": {"articles": sub_list(n_articles, len(recent), "#evidence"),
                  "quotes": sub_list(n_quotes, len(said), f"/quotes?entity={quiet}"),
                  "events": sub_list(n_events, len(events), f"/timeline?entity={quiet}"),
                  "relations": sub_list(n_relations, len(relations), f"/relations?entity={quiet}")},
        "missing": tables.missing("events", "relations", "watchlist_hits"),
    }


def _light(row: dict[str, Any]) -> dict[str, Any]:
    """A knowledge row as a list shows it: without its evidence spans (its own page has them)."""
    return {k: v for k, v in row.items() if k != "evidence"}


def watchlist_hits(tables: TableCache, entity_id: str) -> list[dict[str, Any]]:
    """Watchlist entries matched to the entity, with the entry's caption, schema and properties."""
    hits = tables.rows("watchlist_hits", entity_id=entity_id) or []
    found = []
    for hit in hits[:100]:
        entry = next(iter(tables.rows("watchlist", id=hit.get("watch_id")) or []), {})
        found.append(dict(hit, caption=entry.get("caption") or hit.get("watch_id"), schema=entry.get("schema"),
                          dataset=entry.get("dataset"), properties=entry.get("properties") or {}))
    return sorted(found, key=lambda h: -(h.get("score") or 0))


def neighbourhood(store: Store, tables: TableCache, entity_id: str, limit: int = 16) -> dict[str, Any]:
    """The entity and its `limit` strongest ties: its relations when the store has them, else the
    entities named with it in the most articles (the co-mention rule of `fuentes.views.network`)."""
    _, rels = relations_page(store, entity_id=entity_id, limit=limit) if tables.filled("relations") else (0, [])
    if rels:
        edges = [_relation_edge(r) for r in rels]
        source = "relations"
    else:
        near = co_mentioned_with(store, entity_id, CO_MENTION_KINDS, CO_MENTION_MIN_ARTICLES, limit)
        edges = [{"source": entity_id, "target": n["id"], "predicate": "co_mentioned", "weight": n["weight"],
                  "articles": [], "start": None, "end": None, "allegation": False, "id": None} for n in near]
        source = "co-mention"
    keep = [entity_id] + [x for e in edges for x in (e["source"], e["target"]) if x != entity_id]
    rows = entity_articles(store, list(dict.fromkeys(keep)))
    nodes = [{"id": r["id"], "name": r["name"], "kind": r["kind"], "articles": len(as_list(r["articles"]))}
             for r in (rows.get(k) for k in dict.fromkeys(keep)) if r is not None]
    if entity_id not in rows:
        nodes.insert(0, {"id": entity_id, "name": entity_id, "kind": "other", "articles": 0})
    return {"nodes": nodes, "edges": edges, "source": source}


NETWORK_LIMIT = 100  # nodes of the network view unless asked
NETWORK_CAP = 500  # nodes at most
EDGE_ARTICLES = 5  # article ids named per edge (its weight says how many there are)


def network(store: Store, tables: TableCache, limit: int = NETWORK_LIMIT, focus: str | None = None,
            kind: str | None = None) -> dict[str, Any]:
    """The network `fuentes network metrics` analyses (`fuentes.network.store_graph`: stored
    relations, or co-mentions, as `--co-mentions`, when the store has no relations), cut to its
    top `limit` nodes by degree and laid out on the server (`fuentes.network.view`): nodes with
    x, y in [0, 1], one edge per tie with the relations behind it. `total_nodes` and
    `total_edges` are the whole graph's counts, the CLI's."""
    limit = max(1, min(limit, NETWORK_CAP))
    use_relations = tables.filled("relations")
    key = (entity_signature(store), tables.count("relations"))
    view = store_network_view(store, key, limit=limit, kind=kind, focus=[focus] if focus else [],
                              with_co_mentions=not use_relations)
    view["source"] = "relations" if use_relations else "co-mention"
    view["command"] = "fuentes network metrics" + ("" if use_relations else " --co-mentions")
    return view


def _relation_edge(row: dict[str, Any]) -> dict[str, Any]:
    arts = as_list(row.get("articles"))
    return {"source": row["subject"], "target": row["object"], "predicate": row.get("predicate") or "related",
            "weight": row.get("independent_sources") or len(arts) or 1, "articles": arts[:EDGE_ARTICLES],
            "start": row.get("start"), "end": row.get("end"), "allegation": bool(row.get("allegation")),
            "id": row.get("id")}


def claims_board(store: Store, tables: TableCache, page: int = 1, limit: int = 50, grade: int | None = None,
                 discrepancy_page: int = 1, discrepancy_limit: int = 20) -> dict[str, Any]:
    """One page of claims (listing order) with their independent sources and grade, the counts
    by grade, and one page of discrepancies with versions side by side."""
    total, claims = claims_page(store, grade=grade, limit=limit, offset=(page - 1) * limit)
    n_disc, discrepancies = discrepancies_page(store, limit=discrepancy_limit,
                                               offset=(discrepancy_page - 1) * discrepancy_limit)
    versions = [[v for v in as_list(d.get("discrepancy_values", d.get("values"))) if isinstance(v, dict)]
                for d in discrepancies]
    wanted = [a for c in claims for a in as_list(c.get("articles"))[:SHOWN]]
    wanted += [a for vs in versions for v in vs[:VERSIONS] for a in as_list(v.get("articles"))[:SHOWN]]
    meta = article_meta(store, wanted) if wanted else {}
    rows = []
    for claim in claims:
        row = _cap(_light(claim), "articles", "origins", "contradicted_by")
        row["article_meta"] = [meta[a] for a in row["articles"][:SHOWN] if a in meta]
        rows.append(row)
    stories = story_index(store, tables) if claims else {"of_article": {}, "titles": {}}
    keys = [c.get(slot) for c in claims for slot in ("subject", "object", "speaker", "place")]
    label = slot_label(names_of(store, [k for k in keys if isinstance(k, str)]))
    groups = group_claims(claims, stories["of_article"], stories["titles"], label)  # (whole article lists)
    slots = {claim["id"]: row_slots for group in groups for claim, row_slots in group["claims"]}
    for row in rows:
        row["slots"] = slots[row["id"]]
    for group in groups:  # each group lists its claims by id: the rows are `claims`
        group["claims"] = [claim["id"] for claim, _ in group["claims"]]
    for item, values in zip(discrepancies, versions):
        item.pop("discrepancy_values", None)  # shown, cut, as `versions`
        item["versions"] = [_cap(dict(_light(v), article_meta=[meta[a] for a in as_list(v.get("articles"))[:SHOWN]
                                                                if a in meta]), "articles", "claims", cap=SHOWN)
                            for v in values[:VERSIONS]]
        item["versions_total"] = len(values)
    return {"claims": rows, "groups": groups, "total": total, "discrepancies": discrepancies, "discrepancies_total": n_disc,
            "grades": claim_grades(store) if total or grade is not None else {},
            "missing": tables.missing("claims", "discrepancies")}


SHOWN = 5  # reporting articles named per row of a list
DISCREPANCIES_SHOWN = 5  # discrepancies of one claim shown on its page
VERSIONS = 10  # values of one discrepancy shown on the board (its claims' pages have the rest)


def timeline(store: Store, tables: TableCache, entity: str | None = None, story: str | None = None,
             page: int = 1, limit: int = 50, kind: str | None = None, place: str | None = None) -> dict[str, Any]:
    """One page of events in timeline order (undated left out), with names and sources resolved:
    the events and order of `fuentes timeline` (`fuentes.corpus.timeline`). `entity` is an id, a
    name or an alias; `story` a story id (or a derivation group's, when stories were not computed);
    `kind` and `place` are `fuentes timeline --type/--place`: the types `of_kind` accepts and the
    places an `entity_query` matches, turned into the stored values the database keeps.
    `types` lists the event types present (fuentes and ACLED), for the page's choice."""
    if not tables.filled("events"):
        return {"events": [], "total": 0, "missing": tables.missing("events"), "types": []}
    filters: dict[str, Any] = {}
    present = event_type_values(store)
    if kind:
        filters["types"] = {column: [v for v in values if of_kind({column: v}, kind)]
                            for column, values in present.items()}
    if place:
        where = entity_query(place, named_entities(store, place))
        filters["at"] = sorted(where.ids | {p for p in event_places(store) if where.matches(p)})
    if entity:
        query = entity_query(entity, named_entities(store, entity))
        filters["involving"] = sorted(query.ids)
        filters["places"] = [p for p in event_places(store) if query.matches(p)]
    if story:
        if tables.filled("stories"):
            filters["story"] = story
        else:
            found = dict(story_index(store, tables)["order"]).get(story)
            filters["story_articles"] = found["articles"] if found else []
    total, events = events_page(store, limit=limit, offset=(page - 1) * limit, **filters)
    wanted = [a for e in events for a in as_list(e.get("articles"))[:200]]
    meta = article_meta(store, wanted) if wanted else {}
    names = names_of(store, [x for e in events for x in [*as_list(e.get("actors")), *as_list(e.get("targets")),
                                                          e.get("place")] if x])
    rows = []
    for e in events:
        sources = event_sources(as_list(e.get("articles"))[:200], meta)
        rows.append(_cap(dict(_light(e), actor_names=[(a, names.get(a, a)) for a in as_list(e.get("actors"))],
                              target_names=[(a, names.get(a, a)) for a in as_list(e.get("targets"))],
                              place_name=names.get(e.get("place"), e.get("place")),
                              sources=sources, outlets=sources), "articles"))
    types = sorted({v for values in present.values() for v in values}, key=str.lower)
    return {"events": rows, "total": total, "missing": {}, "types": types}


_NAMES: dict[str, tuple[tuple, float, list[dict[str, Any]]]] = {}
_NAMES_LOCK = threading.Lock()


def named_entities(store: Store, text: str) -> list[dict[str, Any]]:
    """The entities `text` names (by id, or by name or alias as entity resolution compares names:
    `fuentes.views.names`). The names are read once per change of the entities table (id, name
    and aliases only) and kept, so a filter by name does not read the table per request."""
    if entity_row(store, text) is not None:
        return [{"id": text, "name": text, "aliases": []}]
    key = entity_signature(store)
    with _NAMES_LOCK:
        cached = _NAMES.get(store.url)
    if cached is None or cached[0] != key or time.monotonic() - cached[1] > 60:
        rows = entity_name_rows(store)
        index: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            for name in {name_key(n) for n in [row["name"], *as_list(row["aliases"])]}:
                index.setdefault(name, []).append(row)
        cached = (key, time.monotonic(), index)
        with _NAMES_LOCK:
            _NAMES[store.url] = cached
    return list(cached[2].get(name_key(text), []))


# --- one claim, event or relation with its evidence --------------------------------------------

def _name(names: dict[str, str], value: Any) -> dict[str, Any] | None:
    """{id, name, entity}: an entity id with its name, or a plain value (a place, a title)."""
    if value in (None, ""):
        return None
    if described(value):
        return {"id": value, "name": description_label(value, names), "entity": False}
    if unnamed(value):  # a subject written out as its noun phrase
        return {"id": value, "name": value[len(NP):], "entity": False}
    return {"id": value, "name": names.get(value, value), "entity": value in names}


def claim_page(store: Store, tables: TableCache, claim_id: str, page: int = 1) -> dict[str, Any] | None:
    """A claim (export shape), its evidence sentences per article (a page of articles), and each
    discrepancy it takes part in with every value's own evidence."""
    row = record_row(tables, "claims", claim_id)
    if row is None:
        return None
    claim = CLAIM.export(row)
    names = names_of(store, [claim.get("subject"), claim.get("object"), claim.get("speaker")])
    claim.update(subject_ref=_name(names, claim.get("subject")), object_ref=_name(names, claim.get("object")),
                 speaker_ref=_name(names, claim.get("speaker")))
    discrepancies = []
    n_discrepancies, found = discrepancies_page(store, claim_id=claim["id"], limit=DISCREPANCIES_SHOWN)
    for item in found:
        values = item.get("discrepancy_values") or []
        if not any(isinstance(v, dict) and (v.get("claim") == claim_id or claim_id in (v.get("claims") or []))
                   for v in values):
            continue
        exported = DISCREPANCY.export(item)
        exported["values_total"] = len(exported["values"])
        mine = [v for v in exported["values"] if v.get("claim") == claim_id or claim_id in (v.get("claims") or [])]
        exported["values"] = (mine + [v for v in exported["values"] if v not in mine])[:VERSIONS]
        for value in exported["values"]:  # each value's evidence: its first few articles
            value["evidence"] = evidence_view(store, evidence_records(value["evidence"]), per_page=3)
        discrepancies.append(exported)
    spans = CLAIM.from_row(row).evidence
    _trim_export(claim)
    return {"claim": claim, **_articles(store, as_list(row.get("articles"))),
            "evidence": evidence_view(store, spans, page=page), "discrepancies": discrepancies,
            "discrepancies_total": n_discrepancies}


def event_page(store: Store, tables: TableCache, event_id: str, page: int = 1) -> dict[str, Any] | None:
    """An event (export shape) with names resolved, its sources and its evidence per report."""
    row = record_row(tables, "events", event_id)
    if row is None:
        return None
    event = EVENT.export(row)
    names = names_of(store, [*event["actors"], *event["targets"], event["place"]])
    meta = article_meta(store, event["articles"][:200])
    event.update(actor_refs=[_name(names, a) for a in event["actors"]],
                 target_refs=[_name(names, a) for a in event["targets"]], place_ref=_name(names, event["place"]),
                 sources=event_sources(event["articles"][:200], meta))
    spans = EVENT.from_row(row).evidence
    _trim_export(event)
    return {"event": event, **_articles(store, as_list(row.get("articles"))),
            "evidence": evidence_view(store, spans, page=page)}


def relation_page(store: Store, tables: TableCache, relation_id: str, page: int = 1) -> dict[str, Any] | None:
    """A relation (export shape) with names resolved and its evidence sentence in each article."""
    row = record_row(tables, "relations", relation_id)
    if row is None:
        return None
    relation = RELATION.export(row)
    names = names_of(store, [relation["subject"], relation["object"]])
    relation.update(subject_ref=_name(names, relation["subject"]), object_ref=_name(names, relation["object"]))
    spans = RELATION.from_row(row).evidence
    _trim_export(relation)
    return {"relation": relation, **_articles(store, as_list(row.get("articles"))),
            "evidence": evidence_view(store, spans, page=page)}


def _trim_export(record: dict[str, Any], cap: int = CAP) -> None:
    """A record's own article and evidence lists cut to `cap` (the evidence section pages
    through every span); `articles_total` and `evidence_total` keep the counts."""
    for name in ("articles", "evidence"):
        if isinstance(record.get(name), list):
            record[f"{name}_total"] = len(record[name])
            record[name] = record[name][:cap]


def _articles(store: Store, ids: list[str], shown: int = CAP) -> dict[str, Any]:
    """The reporting articles' metadata, originals first then by date: the first `shown`, and
    how many there are."""
    meta = article_meta(store, list(ids)) if len(ids) <= 2000 else article_meta(store, list(ids)[:2000])
    ordered = sorted(meta.values(), key=article_order)
    return {"articles": ordered[:shown], "articles_total": len(ids)}
