"""Bring the Parquet tables of a Spark run into a store (SQLite or PostgreSQL). Idempotent.

Articles go through `save_batch` (an id already stored is kept, not duplicated; each batch is
one transaction), per-article layers through `save_article_layers` (replaced per article),
and the corpus tables through the store's replace-all writers (`save_derivations`,
`save_corpus_entities`, `save_stories_and_events`, `save_relations`...), so loading the same folder twice leaves the store as it was after
the first load. Reading uses pyarrow only: no Spark on the machine that loads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from fuentes.codecs import CLAIM, DERIVATION, DISCREPANCY, ENTITY, EVENT, RELATION, STORY
from fuentes.errors import InputError
from fuentes.model import Rejection
from fuentes.spark.job import ARTICLE_COLUMNS, JSON_COLUMNS
from fuentes.store import Store
from fuentes.store.analysis import (save_article_layers, save_claims, save_corpus_entities, save_derivations,
                                    save_quote_variants, save_relations, save_stories_and_events)
from fuentes.store.articles import save_batch, save_sources

BATCH = 500


@dataclass
class LoadSummary:
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    analysed: int = 0
    derivations: int = 0
    entities: int = 0
    claims: int = 0
    discrepancies: int = 0
    quote_variants: int = 0
    stories: int = 0
    events: int = 0
    relations: int = 0


def iter_table(folder: Path, table: str, batch: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    """Batches of rows (dicts) of one table; nothing when the table was not written."""
    import pyarrow.parquet as pq

    path = folder / table
    if not path.exists():
        return
    files = sorted(p for p in path.rglob("*.parquet") if not p.name.startswith((".", "_")))
    for file in files:
        for chunk in pq.ParquetFile(file).iter_batches(batch_size=batch):
            yield chunk.to_pylist()


def load_parquet(folder: str | Path, store: Store) -> LoadSummary:
    """Load every table `fuentes spark run` wrote under `folder` into `store`."""
    folder = Path(folder)
    if not (folder / "articles").is_dir():
        raise InputError(str(folder), "no 'articles' table here: give the --out folder of `fuentes spark run`")
    summary = LoadSummary()
    _load_articles(folder, store, summary)
    _load_layers(folder, store, summary)
    _load_provenance(folder, store, summary)
    _load_entities(folder, store, summary)
    _load_claims(folder, store, summary)
    _load_quote_variants(folder, store, summary)  # after the layers: they rewrite the quotes
    _load_stories(folder, store, summary)
    _load_relations(folder, store, summary)
    return summary


def _article(row: dict[str, Any]) -> dict[str, Any]:
    return {c: json.loads(row[c]) if c in JSON_COLUMNS and row[c] is not None else row[c] for c in ARTICLE_COLUMNS}


def _load_articles(folder: Path, store: Store, summary: LoadSummary) -> None:
    for rows in iter_table(folder, "articles"):
        result = save_batch(store, [_article(row) for row in rows])
        summary.stored += result.stored
        summary.duplicates += result.duplicates
    for rows in iter_table(folder, "article_sources"):  # every input that gave each article
        save_sources(store, rows)
    for rows in iter_table(folder, "rejections"):
        summary.rejected += save_batch(store, [], [Rejection(r["source"], r["reason"]) for r in rows]).rejected


def _load_layers(folder: Path, store: Store, summary: LoadSummary) -> None:
    for rows in iter_table(folder, "layers"):
        by_extractors: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_extractors.setdefault(row["extractors"], []).append({
                "id": row["article_id"], "mentions": json.loads(row["mentions"]),
                "entities": json.loads(row["entities"]), "quotes": json.loads(row["quotes"]),
                "layers": json.loads(row["layers"])})
        for extractors, batch in by_extractors.items():
            save_article_layers(store, batch, json.loads(extractors))
            summary.analysed += len(batch)


def _records(folder: Path, table: str, codec) -> list:
    """Every row of a Parquet table back into records, through the table's codec."""
    return [codec.from_row(codec.from_flat(r)) for rows in iter_table(folder, table) for r in rows]


def _load_provenance(folder: Path, store: Store, summary: LoadSummary) -> None:
    if not (folder / "kinds").is_dir():
        return
    kinds = {r["article_id"]: (r["kind"], r["origin"]) for rows in iter_table(folder, "kinds") for r in rows}
    found = _records(folder, "derivations", DERIVATION)
    save_derivations(store, found, kinds)
    summary.derivations = len(found)


def _load_entities(folder: Path, store: Store, summary: LoadSummary) -> None:
    if not (folder / "entities").is_dir():
        return
    rows = [ENTITY.from_flat(r) for batch in iter_table(folder, "entities") for r in batch]
    resolved = [ENTITY.from_row(r) for r in rows]
    save_corpus_entities(store, resolved, {r["id"]: r.get("merge_evidence") or [] for r in rows})
    summary.entities = len(resolved)


def _load_claims(folder: Path, store: Store, summary: LoadSummary) -> None:
    """Corpus claims and discrepancies (replace the store's), as `save_claims` takes them."""
    if not (folder / "claims").is_dir():
        return
    found = _records(folder, "claims", CLAIM)
    disagree = _records(folder, "discrepancies", DISCREPANCY)
    save_claims(store, found, disagree)
    summary.claims, summary.discrepancies = len(found), len(disagree)


def _load_quote_variants(folder: Path, store: Store, summary: LoadSummary) -> None:
    if not (folder / "quote_variants").is_dir():
        return
    variants = {r["quote_id"]: r["variant_of"] for rows in iter_table(folder, "quote_variants") for r in rows}
    save_quote_variants(store, variants)
    summary.quote_variants = len(variants)


def _load_stories(folder: Path, store: Store, summary: LoadSummary) -> None:
    """Stories and corpus events (replace the store's), as `save_stories_and_events` takes them."""
    if not (folder / "stories").is_dir():
        return
    found = _records(folder, "stories", STORY)
    events = _records(folder, "events", EVENT)
    save_stories_and_events(store, found, events, {a: s.id for s in found for a in s.articles})
    summary.stories, summary.events = len(found), len(events)


def _load_relations(folder: Path, store: Store, summary: LoadSummary) -> None:
    if not (folder / "relations").is_dir():
        return
    found = _records(folder, "relations", RELATION)
    save_relations(store, found)
    summary.relations = len(found)
