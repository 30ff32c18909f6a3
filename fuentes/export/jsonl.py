"""`fuentes export --format jsonl`: one JSON object per line, each with a `type`.

Field names follow the export contract (docs/export.md); ids are strings. Records are
streamed from the store, so exporting a large store does not load it into memory.
"""

from __future__ import annotations

import json
from typing import IO, Any, Callable, Iterator

from fuentes.model import Article
from fuentes.store import Store
from fuentes.store.articles import iter_articles


def article_record(article: Article) -> dict[str, Any]:
    return {
        "type": "article",
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "kind": article.kind or "unknown",
        "origin": article.origin,
        "url": article.url,
    }


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    for article in iter_articles(store):
        yield article_record(article)


def derivation_records(store: Store) -> Iterator[dict[str, Any]]:
    from fuentes.store.analysis import all_rows
    from fuentes.store.schema import derivations

    for row in sorted(all_rows(store, derivations), key=lambda r: (r["target"], r["source"])):
        yield {"type": "derivation", "source": row["source"], "target": row["target"], "kind": row["kind"],
               "evidence": row["evidence"] or [], "score": row["score"]}


def entity_records(store: Store) -> Iterator[dict[str, Any]]:
    from fuentes.store.analysis import all_rows
    from fuentes.store.schema import entities

    for row in sorted(all_rows(store, entities), key=lambda r: r["id"]):
        yield {"type": "entity", "id": row["id"], "name": row["name"], "kind": row["kind"],
               "aliases": row["aliases"] or [], "roles": row["roles"] or [], "articles": row["articles"] or [],
               "merged_from": row["merged_from"] or [], "merge_evidence": row["merge_evidence"] or []}


def quote_records(store: Store) -> Iterator[dict[str, Any]]:
    from fuentes.store.analysis import all_rows
    from fuentes.store.schema import quotes

    for row in sorted(all_rows(store, quotes), key=lambda r: (r["article_id"], r["start"])):
        yield {"type": "quote", "id": row["id"], "article": row["article_id"], "speaker": row["speaker"],
               "speaker_name": row["speaker_name"], "text": row["text"], "start": row["start"],
               "end": row["end"], "direct": bool(row["direct"]), "variant_of": row["variant_of"],
               "cue": row["cue"]}


def claim_records(store: Store) -> Iterator[dict[str, Any]]:
    from dataclasses import asdict

    from fuentes.store.analysis import load_corpus_claims

    found, contradictions = load_corpus_claims(store)
    for claim in sorted(found, key=lambda c: c.id):
        yield {"type": "claim", "id": claim.id, "text": claim.text, "articles": claim.articles,
               "origins": claim.origins, "independent_sources": claim.independent_sources, "grade": claim.grade,
               "subject": claim.subject, "predicate": claim.predicate, "object": claim.object,
               "values": [asdict(v) for v in claim.values], "speaker": claim.speaker}
    for item in sorted(contradictions, key=lambda d: d.id):
        yield {"type": "discrepancy", "id": item.id, "about": item.about,
               "values": [{"value": v.get("value"), "articles": v.get("articles", [])} for v in item.values]}


def story_and_event_records(store: Store) -> Iterator[dict[str, Any]]:
    from fuentes.store.analysis import all_rows, load_corpus_events
    from fuentes.store.schema import derivations, stories

    found = [dict(row) for row in all_rows(store, derivations)]
    for row in sorted(all_rows(store, stories), key=lambda r: r["id"]):
        members = set(row["articles"] or [])
        yield {"type": "story", "id": row["id"], "articles": row["articles"] or [], "title": row["title"],
               "start": row["start"], "end": row["end"],
               "derivations": [{"source": d["source"], "target": d["target"], "kind": d["kind"]}
                               for d in found if d["target"] in members]}
    for event in sorted(load_corpus_events(store), key=lambda e: (e.date or "", e.id)):
        yield {"type": "event", "id": event.id, "event_type": event.event_type, "date": event.date,
               "actors": event.actors, "targets": event.targets, "place": event.place,
               "articles": event.articles, "independent_sources": event.independent_sources,
               "trigger": event.trigger}


def relation_records(store: Store) -> Iterator[dict[str, Any]]:
    from fuentes.store.analysis import load_corpus_relations

    for item in sorted(load_corpus_relations(store), key=lambda r: r.id):
        yield {"type": "relation", "id": item.id, "subject": item.subject, "predicate": item.predicate,
               "object": item.object, "articles": item.articles, "independent_sources": item.independent_sources,
               "allegation": item.allegation, "start": item.start, "end": item.end}


# Each producer yields export records of one or more types; later capabilities append theirs.
PRODUCERS: list[Callable[[Store], Iterator[dict[str, Any]]]] = [
    article_records, derivation_records, entity_records, quote_records, claim_records,
    story_and_event_records, relation_records]


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    for producer in PRODUCERS:
        yield from producer(store)


def export_jsonl(store: Store, out: IO[str]) -> int:
    """Write every record as one JSON line; return how many were written."""
    count = 0
    for record in iter_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
