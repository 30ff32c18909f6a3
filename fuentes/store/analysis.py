"""Reading and writing the analysis layers: mentions, local and corpus entities, quotes, derivations."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, Iterable

from sqlalchemy import bindparam, delete, select, update

from fuentes.codecs import CLAIM, DERIVATION, DISCREPANCY, ENTITY, EVENT, LOCAL_ENTITY, QUOTE, RELATION, STORY
from fuentes.model import Claim, Derivation, Discrepancy, Entity, Event, Quote, Relation
from fuentes.store.engine import Store
from fuentes.store.failures import writing
from fuentes.store.replace import delete_where_in, replace_rows
from fuentes.store.schema import (analyses, article_layers, articles, claim_articles, claims, derivations,
                                  discrepancies, entities, events, local_entities, mentions, quotes, relations,
                                  stories)
from fuentes.store.search import refill_entity_names


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
    with writing(store, f"save the analysis of {len(ids)} articles"), store.engine.begin() as conn:
        # a re-analysed article keeps the corpus entity its local entities were resolved to
        known = {(r.article_id, r.key): r.entity_id for r in conn.execute(
            select(local_entities.c.article_id, local_entities.c.key, local_entities.c.entity_id)
            .where(local_entities.c.article_id.in_(ids)))}
        for table, column in ((mentions, mentions.c.article_id), (local_entities, local_entities.c.article_id),
                              (quotes, quotes.c.article_id), (analyses, analyses.c.article_id),
                              (article_layers, article_layers.c.article_id)):
            conn.execute(delete(table).where(column.in_(ids)))
        mention_rows = {(row["id"], m["start"], m["end"]): dict(m, article_id=row["id"])
                        for row in rows for m in row["mentions"]}.values()
        entity_rows = [dict(e, article_id=row["id"], entity_id=e.get("entity_id") or known.get((row["id"], e["key"])))
                       for row in rows for e in row["entities"]]
        quote_rows = {q["id"]: dict(q, article_id=row["id"], speaker=known.get((row["id"], q.get("speaker_local"))))
                      for row in rows for q in row["quotes"]}
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


def dict_rows(result, batch: int = 2000) -> Iterable[dict[str, Any]]:
    """The rows of a query's `result` as dicts, fetched `batch` at a time: the column names read
    once, not once per row as `dict(row._mapping)` reads them (loading 65,000 quotes: 2.0 s -> 1.0 s)."""
    columns = list(result.keys())
    for part in result.partitions(batch):
        for row in part:
            yield dict(zip(columns, row))


def load_local_entities(store: Store) -> dict[str, list[Entity]]:
    per_article: dict[str, list[Entity]] = {}
    with store.engine.connect() as conn:
        for row in dict_rows(conn.execute(select(local_entities).order_by(local_entities.c.article_id,
                                                                           local_entities.c.key))):
            per_article.setdefault(row["article_id"], []).append(LOCAL_ENTITY.from_row(row))
    return per_article


def previous_entity_ids(store: Store) -> dict[str, str]:
    """Local entity ref ("article#key") -> the corpus entity it was last resolved to."""
    with store.engine.connect() as conn:
        return {f"{r.article_id}#{r.key}": r.entity_id for r in conn.execute(
            select(local_entities.c.article_id, local_entities.c.key, local_entities.c.entity_id)
            .where(local_entities.c.entity_id.is_not(None)))}


def absorbed_ids(store: Store) -> dict[str, list[str]]:
    """Corpus entity id -> earlier ids it absorbed (so an old id still finds its entity)."""
    with store.engine.connect() as conn:
        return {r.id: list(r.absorbed or []) for r in conn.execute(select(entities.c.id, entities.c.absorbed))}


def load_quotes(store: Store) -> dict[str, list[Quote]]:
    per_article: dict[str, list[Quote]] = {}
    with store.engine.connect() as conn:
        for row in dict_rows(conn.execute(select(quotes).order_by(quotes.c.article_id, quotes.c.start))):
            quote = QUOTE.from_row(row)
            quote.variant_of = None  # the corpus stage decides variants afresh
            per_article.setdefault(row["article_id"], []).append(quote)
    return per_article


def save_corpus_entities(store: Store, resolved: list[Entity], merges: dict[str, list[str]]) -> None:
    """Replace the corpus entities (writing only the rows that changed, `replace_rows`); link every
    local entity and quote speaker to its corpus entity."""
    local_to_global = {ref: entity.id for entity in resolved for ref in entity.merged_from}
    with writing(store, f"save {len(resolved)} corpus entities"), store.engine.begin() as conn:
        done = replace_rows(conn, store, entities, (ENTITY.to_row(e, merges.get(e.id, [])) for e in resolved))
        refill_entity_names(conn, store.dialect, None if done.everything else done.deleted | done.inserted)
        current = {(r.article_id, r.key): r.entity_id for r in conn.execute(
            select(local_entities.c.article_id, local_entities.c.key, local_entities.c.entity_id))}
        changed = []
        for ref, entity_id in local_to_global.items():
            article_id, key = ref.split("#", 1)
            if current.get((article_id, key), "") != entity_id:  # unchanged: no write (a re-run writes nothing)
                changed.append({"b_article": article_id, "b_key": key, "b_entity": entity_id})
        if changed:  # one statement executed for many rows: one round trip per row cost more than resolving
            conn.execute(update(local_entities).where(local_entities.c.article_id == bindparam("b_article"),
                                                      local_entities.c.key == bindparam("b_key"))
                         .values(entity_id=bindparam("b_entity")), changed)
            # the quotes of the local entities that speak (a few of them): an update per other one finds nothing
            speakers = {(r.article_id, r.speaker_local) for r in conn.execute(
                select(quotes.c.article_id, quotes.c.speaker_local).where(quotes.c.speaker_local.is_not(None)))}
            spoken = [row for row in changed if (row["b_article"], row["b_key"]) in speakers]
            if spoken:
                conn.execute(update(quotes).where(quotes.c.article_id == bindparam("b_article"),
                                                  quotes.c.speaker_local == bindparam("b_key"))
                             .values(speaker=bindparam("b_entity")), spoken)


def save_quote_variants(store: Store, variants: dict[str, str]) -> None:
    """Make each quote of `variants` point at its original and every other quote at none, writing
    only the quotes whose link changed (a run after new articles changes few of them)."""
    with writing(store, "save quote variants"), store.engine.begin() as conn:
        current = {r.id: r.variant_of for r in conn.execute(
            select(quotes.c.id, quotes.c.variant_of).where(quotes.c.variant_of.is_not(None)))}
        changed = [{"b_id": quote_id, "b_of": None} for quote_id in sorted(current) if quote_id not in variants]
        changed += [{"b_id": quote_id, "b_of": original} for quote_id, original in sorted(variants.items())
                    if current.get(quote_id) != original]
        if changed:  # one statement executed for many rows
            conn.execute(update(quotes).where(quotes.c.id == bindparam("b_id")).values(variant_of=bindparam("b_of")),
                         changed)


def save_derivations(store: Store, found: list[Derivation], kinds: dict[str, tuple[str, str | None]]) -> None:
    """Replace derivations and set every article's kind and origin, in one transaction."""
    with writing(store, "save derivations"), store.engine.begin() as conn:
        conn.execute(delete(derivations))
        unique = {(d.source, d.target): d for d in found}
        if unique:
            conn.execute(derivations.insert(), [DERIVATION.to_row(d) for d in unique.values()])
        if kinds:
            conn.execute(update(articles).where(articles.c.id == bindparam("b_id"))
                         .values(kind=bindparam("b_kind"), origin=bindparam("b_origin")),
                         [{"b_id": i, "b_kind": kind, "b_origin": origin} for i, (kind, origin) in kinds.items()])


def all_rows(store: Store, table) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return list(dict_rows(conn.execute(select(table))))


KNOWLEDGE_TABLES = {"derivations": derivations, "entities": entities, "quotes": quotes, "claims": claims,
                    "discrepancies": discrepancies, "stories": stories, "events": events, "relations": relations}


def rows_of(store: Store, name: str) -> list[dict[str, Any]]:
    """Every row of one knowledge table (`KNOWLEDGE_TABLES`), for its codec to read."""
    return all_rows(store, KNOWLEDGE_TABLES[name])


def list_entities(store: Store, kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Corpus entities, most reported first."""
    rows = all_rows(store, entities)
    if kind:
        rows = [row for row in rows if row["kind"] == kind]
    rows.sort(key=lambda row: (-len(row["articles"] or []), row["name"]))
    return rows[:limit] if limit else rows


def get_entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An entity by id (its own or one it absorbed: ids never die), unique id prefix, or exact
    name/alias (case-insensitive)."""
    rows = all_rows(store, entities)
    exact = [row for row in rows if row["id"] == entity_id] or [
        row for row in rows if entity_id in (row.get("absorbed") or [])]
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


def load_layer(store: Store, layer: str, record: Callable[[dict[str, Any]], Any] | None = None) -> dict[str, list]:
    """A per-article JSON layer (claims, events, relations) for every article that has it;
    `record` makes each item a record as its row is read (the decoded JSON of the whole layer is
    never held at once)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(article_layers.c.article_id, article_layers.c.data)
                            .where(article_layers.c.layer == layer).order_by(article_layers.c.article_id))
        if record is None:
            return {row.article_id: list(row.data or []) for row in rows}
        return {row.article_id: [record(item) for item in row.data or []] for row in rows}


def load_claims(store: Store) -> dict[str, list[Claim]]:
    return load_layer(store, "claims", CLAIM.from_layer)


def save_claims(store: Store, found: list[Claim], contradictions: list[Discrepancy]) -> None:
    """Replace the corpus claims, their article links (`claim_articles`) and the discrepancies in
    one transaction, writing only the claims and discrepancies that changed (`replace_rows`)."""
    with writing(store, "save claims"), store.engine.begin() as conn:
        unique = {claim.id: claim for claim in found}
        done = replace_rows(conn, store, claims, (CLAIM.to_row(c) for c in unique.values()))
        if done.everything:
            conn.execute(delete(claim_articles))
        else:  # a changed claim's links are written again with it
            delete_where_in(conn, claim_articles, "claim_id", done.deleted)
        links = sorted({(article_id, cid) for cid in done.inserted for article_id in unique[cid].articles})
        for i in range(0, len(links), 10_000):
            conn.execute(claim_articles.insert(), [{"article_id": a, "claim_id": c} for a, c in links[i:i + 10_000]])
        replace_rows(conn, store, discrepancies, (DISCREPANCY.to_row(d) for d in contradictions))


def load_corpus_claims(store: Store) -> tuple[list[Claim], list[Discrepancy]]:
    """The stored corpus claims and discrepancies, as records."""
    found = [CLAIM.from_row(r) for r in all_rows(store, claims)]
    contradictions = [DISCREPANCY.from_row(r) for r in all_rows(store, discrepancies)]
    return found, contradictions


def load_events(store: Store) -> dict[str, list[Event]]:
    return load_layer(store, "events", EVENT.from_layer)


STORY_EVENTS_STATE = "story_events"  # corpus state: story id -> (digest of its events' inputs, its events)


def save_stories_and_events(store: Store, found_stories: list, found_events: list[Event],
                            story_of: dict[str, str]) -> None:
    """Replace stories and corpus events in one transaction (and forget the stories stage's
    saved digests of them, `STORY_EVENTS_STATE`: the next local run merges every story again)."""
    from fuentes.store.schema import corpus_state

    with writing(store, "save stories and events"), store.engine.begin() as conn:
        conn.execute(delete(corpus_state).where(corpus_state.c.name == STORY_EVENTS_STATE))
        conn.execute(delete(stories))
        conn.execute(delete(events))
        _insert_stories_and_events(conn, found_stories, found_events, story_of)


def _insert_stories_and_events(conn, found_stories: list, found_events: list[Event], story_of: dict[str, str]) -> None:
    """Write stories and their events (each event in the story of its first article that has one)."""
    if found_stories:
        conn.execute(stories.insert(), [STORY.to_row(s) for s in found_stories])
    unique = {e.id: e for e in found_events}
    if unique:
        conn.execute(events.insert(), [EVENT.to_row(e, next((story_of[a] for a in e.articles if a in story_of), None))
                                       for e in unique.values()])


def load_events_of(store: Store, article_ids: Iterable[str]) -> dict[str, list[Event]]:
    """The per-article events layer of the given articles that have it."""
    return {article_id: [EVENT.from_layer(item) for item in items or []]
            for article_id, items in load_layer_data(store, "events", article_ids).items()}


def layer_marks(store: Store) -> dict[str, str]:
    """Article id -> when its per-article layers were last written (a re-analysis changes it)."""
    with store.engine.connect() as conn:
        return {row.article_id: str(row.at) for row in conn.execute(select(analyses.c.article_id, analyses.c.at))}


def corpus_input_sizes(store: Store) -> dict[str, int]:
    """How much the corpus stages read: articles and their characters, local entities, quotes,
    and the characters of each per-article JSON layer (e.g. "claims_layer_chars")."""
    from sqlalchemy import Text, cast, func

    with store.engine.connect() as conn:
        count, chars = conn.execute(select(func.count(), func.sum(func.length(articles.c.text)))).one()
        sizes = {"articles": count, "article_chars": int(chars or 0),
                 "local_entities": conn.execute(select(func.count()).select_from(local_entities)).scalar_one(),
                 "quotes": conn.execute(select(func.count()).select_from(quotes)).scalar_one()}
        for layer, n in conn.execute(select(article_layers.c.layer, func.sum(func.length(cast(article_layers.c.data, Text))))
                                     .group_by(article_layers.c.layer)):
            sizes[f"{layer}_layer_chars"] = int(n or 0)
    return sizes


def stored_story_counts(store: Store) -> tuple[set[str], int]:
    """The ids of the stored stories and the number of stored corpus events."""
    from sqlalchemy import func

    with store.engine.connect() as conn:
        ids = set(conn.scalars(select(stories.c.id)))
        return ids, conn.execute(select(func.count()).select_from(events)).scalar_one()


def save_story_changes(store: Store, changed: list, gone: Iterable[str], found_events: list[Event],
                       story_of: dict[str, str], everything: bool = False) -> None:
    """Replace some stories and their events in one transaction: the stories `changed` (new or
    changed) and `gone` lose their rows and events, `changed` and `found_events` (the events of
    the changed stories) are written; other rows are left as they are. `everything`: replace
    every story and event (`save_stories_and_events`)."""
    if everything:
        save_stories_and_events(store, changed, found_events, story_of)
        return
    ids = sorted({story.id for story in changed} | set(gone))
    with writing(store, f"save {len(changed)} changed stories and their events"), store.engine.begin() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            conn.execute(delete(stories).where(stories.c.id.in_(chunk)))
            conn.execute(delete(events).where(events.c.story.in_(chunk)))
        conn.execute(delete(events).where(events.c.story.is_(None)))
        _insert_stories_and_events(conn, changed, found_events, story_of)


def load_corpus_events(store: Store) -> list[Event]:
    """The stored corpus events, by id."""
    with store.engine.connect() as conn:
        return [EVENT.from_row(dict(r._mapping)) for r in conn.execute(select(events).order_by(events.c.id))]


def load_corpus_entities(store: Store) -> list[Entity]:
    return [ENTITY.from_row(r) for r in all_rows(store, entities)]


def story_map(store: Store) -> dict[str, str]:
    """article id -> story id."""
    return {article_id: row["id"] for row in all_rows(store, stories) for article_id in row["articles"] or []}


def load_relations(store: Store) -> dict[str, list[Relation]]:
    return load_layer(store, "relations", RELATION.from_layer)


def save_relations(store: Store, found: list[Relation]) -> None:
    """Replace the corpus relations in one transaction."""
    with writing(store, "save relations"), store.engine.begin() as conn:
        conn.execute(delete(relations))
        unique = {r.id: r for r in found}
        if unique:
            conn.execute(relations.insert(), [RELATION.to_row(r) for r in unique.values()])


def load_corpus_relations(store: Store) -> list[Relation]:
    return [RELATION.from_row(r) for r in all_rows(store, relations)]


def load_derivations(store: Store) -> list[Derivation]:
    return [DERIVATION.from_row(r) for r in all_rows(store, derivations)]


def load_layer_data(store: Store, layer: str, article_ids: Iterable[str]) -> dict[str, Any]:
    """The raw data of one per-article layer for the given articles that have it (chunked reads)."""
    ids = list(dict.fromkeys(article_ids))
    found: dict[str, Any] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            rows = conn.execute(select(article_layers.c.article_id, article_layers.c.data).where(
                article_layers.c.layer == layer, article_layers.c.article_id.in_(ids[start:start + 500])))
            found.update((row.article_id, row.data) for row in rows)
    return found


def save_layer_data(store: Store, layer: str, data: dict[str, Any]) -> None:
    """Set one per-article layer of the given articles (other layers untouched), in one transaction."""
    if not data:
        return
    ids = list(data)
    with writing(store, f"save the {layer} layer of {len(ids)} articles"), store.engine.begin() as conn:
        for start in range(0, len(ids), 500):
            conn.execute(delete(article_layers).where(article_layers.c.layer == layer,
                                                      article_layers.c.article_id.in_(ids[start:start + 500])))
        conn.execute(article_layers.insert(), [{"article_id": i, "layer": layer, "data": d} for i, d in data.items()])
