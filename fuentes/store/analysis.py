"""Reading and writing the analysis layers: mentions, local and corpus entities, quotes, derivations."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any, Iterable

from sqlalchemy import delete, select, update

from fuentes.model import Claim, Derivation, Discrepancy, Entity, Event, Evidence, Quote, Relation, Value
from fuentes.store.engine import Store
from fuentes.store.schema import (analyses, article_layers, articles, claims, derivations, discrepancies, entities,
                                  events, local_entities, mentions, quotes, relations, stories)


def articles_to_analyse(store: Store, extractors: dict[str, str], force: bool = False) -> list[dict[str, Any]]:
    """Stored articles whose analysis is missing or was made by other stage versions."""
    with store.engine.connect() as conn:
        done = {row.article_id: row.extractors for row in conn.execute(select(analyses))}
        rows = conn.execute(select(articles.c.id, articles.c.text, articles.c.language, articles.c.outlet,
                                   articles.c.source, articles.c.published).order_by(articles.c.id))
        return [dict(row._mapping) for row in rows if force or done.get(row.id) != extractors]


def save_article_layers(store: Store, rows: Iterable[dict[str, Any]], extractors: dict[str, str]) -> None:
    """Replace the per-article layers of each row's article, in one transaction."""
    rows = list(rows)
    if not rows:
        return
    now = datetime.now(timezone.utc)
    ids = [row["id"] for row in rows]
    with store.engine.begin() as conn:
        for table, column in ((mentions, mentions.c.article_id), (local_entities, local_entities.c.article_id),
                              (quotes, quotes.c.article_id), (analyses, analyses.c.article_id),
                              (article_layers, article_layers.c.article_id)):
            conn.execute(delete(table).where(column.in_(ids)))
        mention_rows = {(row["id"], m["start"], m["end"]): dict(m, article_id=row["id"])
                        for row in rows for m in row["mentions"]}.values()
        entity_rows = [dict(e, article_id=row["id"]) for row in rows for e in row["entities"]]
        quote_rows = {q["id"]: dict(q, article_id=row["id"]) for row in rows for q in row["quotes"]}
        if mention_rows:
            conn.execute(mentions.insert(), list(mention_rows))
        if entity_rows:
            conn.execute(local_entities.insert(), entity_rows)
        if quote_rows:
            conn.execute(quotes.insert(), list(quote_rows.values()))
        layer_rows = [{"article_id": row["id"], "layer": name, "data": data}
                      for row in rows for name, data in row.get("layers", {}).items()]
        if layer_rows:
            conn.execute(article_layers.insert(), layer_rows)
        conn.execute(analyses.insert(), [{"article_id": i, "extractors": extractors, "at": now} for i in ids])


def load_local_entities(store: Store) -> dict[str, list[Entity]]:
    per_article: dict[str, list[Entity]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(select(local_entities).order_by(local_entities.c.article_id, local_entities.c.key)):
            evidence = [Evidence(row.article_id, start, end, "entities") for start, end in (row.evidence or [])]
            per_article.setdefault(row.article_id, []).append(Entity(
                id=row.key, name=row.name, kind=row.kind, aliases=list(row.aliases or []),
                roles=list(row.roles or []), articles=[row.article_id], evidence=evidence))
    return per_article


def load_quotes(store: Store) -> dict[str, list[Quote]]:
    per_article: dict[str, list[Quote]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(select(quotes).order_by(quotes.c.article_id, quotes.c.start)):
            per_article.setdefault(row.article_id, []).append(Quote(
                id=row.id, article=row.article_id, text=row.text, start=row.start, end=row.end,
                direct=row.direct, speaker_name=row.speaker_name, speaker=row.speaker_local, cue=row.cue))
    return per_article


def save_corpus_entities(store: Store, resolved: list[Entity], merges: dict[str, list[str]]) -> None:
    """Replace the corpus entities; link every local entity and quote speaker to its corpus entity."""
    local_to_global = {ref: entity.id for entity in resolved for ref in entity.merged_from}
    with store.engine.begin() as conn:
        conn.execute(delete(entities))
        if resolved:
            conn.execute(entities.insert(), [{
                "id": e.id, "name": e.name, "kind": e.kind, "aliases": e.aliases, "roles": e.roles,
                "articles": e.articles, "merged_from": e.merged_from, "merge_evidence": merges.get(e.id, []),
            } for e in resolved])
        for ref, entity_id in local_to_global.items():
            article_id, key = ref.split("#", 1)
            conn.execute(update(local_entities).where(local_entities.c.article_id == article_id,
                                                      local_entities.c.key == key).values(entity_id=entity_id))
            conn.execute(update(quotes).where(quotes.c.article_id == article_id, quotes.c.speaker_local == key)
                         .values(speaker=entity_id))


def save_quote_variants(store: Store, variants: dict[str, str]) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(quotes).values(variant_of=None))
        for quote_id, original in variants.items():
            conn.execute(update(quotes).where(quotes.c.id == quote_id).values(variant_of=original))


def save_derivations(store: Store, found: list[Derivation], kinds: dict[str, tuple[str, str | None]]) -> None:
    """Replace derivations and set every article's kind and origin, in one transaction."""
    with store.engine.begin() as conn:
        conn.execute(delete(derivations))
        unique = {(d.source, d.target): d for d in found}
        if unique:
            conn.execute(derivations.insert(), [{"source": d.source, "target": d.target, "kind": d.kind,
                                                 "score": d.score, "evidence": d.evidence}
                                                for d in unique.values()])
        for article_id, (kind, origin) in kinds.items():
            conn.execute(update(articles).where(articles.c.id == article_id).values(kind=kind, origin=origin))


def all_rows(store: Store, table) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(table))]


def list_entities(store: Store, kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Corpus entities, most reported first."""
    rows = all_rows(store, entities)
    if kind:
        rows = [row for row in rows if row["kind"] == kind]
    rows.sort(key=lambda row: (-len(row["articles"] or []), row["name"]))
    return rows[:limit] if limit else rows


def get_entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An entity by id, unique id prefix, or exact name/alias (case-insensitive)."""
    rows = all_rows(store, entities)
    exact = [row for row in rows if row["id"] == entity_id]
    if exact:
        return exact[0]
    prefixed = [row for row in rows if row["id"].startswith(entity_id)] if len(entity_id) >= 6 else []
    if len(prefixed) == 1:
        return prefixed[0]
    wanted = entity_id.casefold()
    named = [row for row in rows if row["name"].casefold() == wanted
             or wanted in (alias.casefold() for alias in row["aliases"] or [])]
    return named[0] if len(named) == 1 else None


def quotes_of(store: Store, entity_id: str | None = None, article_id: str | None = None) -> list[dict[str, Any]]:
    query = select(quotes, articles.c.outlet).join(articles, articles.c.id == quotes.c.article_id)
    if entity_id:
        query = query.where(quotes.c.speaker == entity_id)
    if article_id:
        query = query.where(quotes.c.article_id == article_id)
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query.order_by(quotes.c.article_id, quotes.c.start))]


def provenance_rows(store: Store) -> list[dict[str, Any]]:
    """Every article with its kind and origin, plus the derivations that point at it."""
    with store.engine.connect() as conn:
        arts = [dict(row._mapping) for row in conn.execute(
            select(articles.c.id, articles.c.outlet, articles.c.title, articles.c.kind, articles.c.origin,
                   articles.c.published).order_by(articles.c.published, articles.c.id))]
        found = [dict(row._mapping) for row in conn.execute(select(derivations))]
    by_target: dict[str, list[dict[str, Any]]] = {}
    for item in found:
        by_target.setdefault(item["target"], []).append(item)
    for art in arts:
        art["derived_from"] = by_target.get(art["id"], [])
    return arts


def load_layer(store: Store, layer: str) -> dict[str, list[dict[str, Any]]]:
    """A per-article JSON layer (claims, events, relations) for every article that has it."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(article_layers).where(article_layers.c.layer == layer)
                            .order_by(article_layers.c.article_id))
        return {row.article_id: list(row.data or []) for row in rows}


def load_claims(store: Store) -> dict[str, list[Claim]]:
    loaded = {}
    for article_id, items in load_layer(store, "claims").items():
        loaded[article_id] = [Claim(**{**item, "values": [Value(**v) for v in item.get("values", [])]})
                              for item in items]
    return loaded


def save_claims(store: Store, found: list[Claim], contradictions: list[Discrepancy]) -> None:
    """Replace the corpus claims and discrepancies in one transaction."""
    with store.engine.begin() as conn:
        conn.execute(delete(claims))
        conn.execute(delete(discrepancies))
        unique = {claim.id: claim for claim in found}
        if unique:
            conn.execute(claims.insert(), [{
                "id": c.id, "text": c.text, "subject": c.subject, "predicate": c.predicate, "object": c.object,
                "claim_values": [asdict(v) for v in c.values], "speaker": c.speaker, "articles": c.articles,
                "origins": c.origins, "independent_sources": c.independent_sources, "grade": c.grade,
            } for c in unique.values()])
        unique_d = {d.id: d for d in contradictions}
        if unique_d:
            conn.execute(discrepancies.insert(), [{"id": d.id, "about": d.about, "discrepancy_values": d.values}
                                                  for d in unique_d.values()])


def load_corpus_claims(store: Store) -> tuple[list[Claim], list[Discrepancy]]:
    """The stored corpus claims and discrepancies, as records."""
    found = [Claim(id=r["id"], text=r["text"], subject=r["subject"], predicate=r["predicate"], object=r["object"],
                   values=[Value(**v) for v in r["claim_values"] or []], speaker=r["speaker"],
                   articles=r["articles"] or [], origins=r["origins"] or [],
                   independent_sources=r["independent_sources"], grade=r["grade"])
             for r in all_rows(store, claims)]
    contradictions = [Discrepancy(id=r["id"], about=r["about"], values=r["discrepancy_values"] or [])
                      for r in all_rows(store, discrepancies)]
    return found, contradictions


def _event(item: dict[str, Any]) -> Event:
    return Event(**{**item, "evidence": [Evidence(**e) for e in item.get("evidence", [])]})


def load_events(store: Store) -> dict[str, list[Event]]:
    return {article_id: [_event(item) for item in items] for article_id, items in load_layer(store, "events").items()}


def save_stories_and_events(store: Store, found_stories: list, found_events: list[Event],
                            story_of: dict[str, str]) -> None:
    """Replace stories and corpus events in one transaction."""
    with store.engine.begin() as conn:
        conn.execute(delete(stories))
        conn.execute(delete(events))
        if found_stories:
            conn.execute(stories.insert(), [{"id": s.id, "title": s.title, "start": s.start, "end": s.end,
                                             "articles": list(s.articles)} for s in found_stories])
        unique = {e.id: e for e in found_events}
        if unique:
            conn.execute(events.insert(), [{
                "id": e.id, "event_type": e.event_type, "date": e.date, "actors": e.actors, "targets": e.targets,
                "place": e.place, "articles": e.articles, "independent_sources": e.independent_sources,
                "trigger": e.trigger, "evidence": [asdict(ev) for ev in e.evidence],
                "story": next((story_of[a] for a in e.articles if a in story_of), None),
            } for e in unique.values()])


def load_corpus_events(store: Store) -> list[Event]:
    return [Event(id=r["id"], event_type=r["event_type"], date=r["date"], actors=r["actors"] or [],
                  targets=r["targets"] or [], place=r["place"], articles=r["articles"] or [],
                  evidence=[Evidence(**e) for e in r["evidence"] or []], trigger=r["trigger"],
                  independent_sources=r["independent_sources"]) for r in all_rows(store, events)]


def load_corpus_entities(store: Store) -> list[Entity]:
    return [Entity(id=r["id"], name=r["name"], kind=r["kind"], aliases=r["aliases"] or [], roles=r["roles"] or [],
                   articles=r["articles"] or [], merged_from=r["merged_from"] or []) for r in all_rows(store, entities)]


def story_map(store: Store) -> dict[str, str]:
    """article id -> story id."""
    return {article_id: row["id"] for row in all_rows(store, stories) for article_id in row["articles"] or []}


def load_relations(store: Store) -> dict[str, list[Relation]]:
    return {article_id: [Relation(**{**item, "evidence": [Evidence(**e) for e in item.get("evidence", [])]})
                         for item in items]
            for article_id, items in load_layer(store, "relations").items()}


def save_relations(store: Store, found: list[Relation]) -> None:
    """Replace the corpus relations in one transaction."""
    with store.engine.begin() as conn:
        conn.execute(delete(relations))
        unique = {r.id: r for r in found}
        if unique:
            conn.execute(relations.insert(), [{
                "id": r.id, "subject": r.subject, "predicate": r.predicate, "object": r.object,
                "articles": r.articles, "independent_sources": r.independent_sources, "allegation": r.allegation,
                "start": r.start, "end": r.end, "evidence": [asdict(e) for e in r.evidence],
            } for r in unique.values()])


def load_corpus_relations(store: Store) -> list[Relation]:
    return [Relation(id=r["id"], subject=r["subject"], predicate=r["predicate"], object=r["object"],
                     articles=r["articles"] or [], evidence=[Evidence(**e) for e in r["evidence"] or []],
                     allegation=bool(r["allegation"]), start=r["start"], end=r["end"],
                     independent_sources=r["independent_sources"]) for r in all_rows(store, relations)]
