"""`fuentes export --format jsonl`: one JSON object per line, each with a `type`.

Field names follow the export contract, version 2 (docs/export.md); ids are strings. Every
knowledge record is written by its codec (`fuentes/codecs.py`), the same one the store uses,
so a record has one shape. Articles are streamed from the store.
"""

from __future__ import annotations

import json
from typing import IO, Any, Callable, Iterator

from fuentes.codecs import ARTICLE, CLAIM, DERIVATION, DISCREPANCY, ENTITY, EVENT, QUOTE, RELATION, STORY
from fuentes.model import Article
from fuentes.store import Store
from fuentes.store.analysis import rows_of
from fuentes.store.articles import iter_articles


def article_record(article: Article) -> dict[str, Any]:
    return ARTICLE.export(article)


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    for article in iter_articles(store):
        yield article_record(article)


def derivation_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in sorted(rows_of(store, "derivations"), key=lambda r: (r["target"], r["source"])):
        yield DERIVATION.export(row)


def entity_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in sorted(rows_of(store, "entities"), key=lambda r: r["id"]):
        yield ENTITY.export(row)


def quote_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in sorted(rows_of(store, "quotes"), key=lambda r: (r["article_id"], r["start"])):
        yield QUOTE.export(row)


def claim_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in sorted(rows_of(store, "claims"), key=lambda r: r["id"]):
        yield CLAIM.export(row)
    for row in sorted(rows_of(store, "discrepancies"), key=lambda r: r["id"]):
        yield DISCREPANCY.export(row)


def story_and_event_records(store: Store) -> Iterator[dict[str, Any]]:
    found = rows_of(store, "derivations")
    for row in sorted(rows_of(store, "stories"), key=lambda r: r["id"]):
        yield STORY.export(row, found)
    for row in sorted(rows_of(store, "events"), key=lambda r: (r["date"] or "", r["id"])):
        yield EVENT.export(row)


def relation_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in sorted(rows_of(store, "relations"), key=lambda r: r["id"]):
        yield RELATION.export(row)


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
