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
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from fuentes.errors import InputError
from fuentes.model import Derivation, Entity, Rejection
from fuentes.spark.job import ARTICLE_COLUMNS, JSON_COLUMNS
from fuentes.store import Store
from fuentes.store.articles import _insert, save_batch
from fuentes.store.schema import article_sources

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
    now = datetime.now(timezone.utc)
    for rows in iter_table(folder, "article_sources"):  # every input that gave each article
        with store.engine.begin() as conn:
            conn.execute(_insert(store, article_sources).on_conflict_do_nothing(),
                         [dict(row, seen_at=now) for row in rows])
    for rows in iter_table(folder, "rejections"):
        summary.rejected += save_batch(store, [], [Rejection(r["source"], r["reason"]) for r in rows]).rejected


def _load_layers(folder: Path, store: Store, summary: LoadSummary) -> None:
    from fuentes.store.analysis import save_article_layers

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


def _load_provenance(folder: Path, store: Store, summary: LoadSummary) -> None:
    from fuentes.store.analysis import save_derivations

    if not (folder / "kinds").is_dir():
        return
    kinds = {r["article_id"]: (r["kind"], r["origin"]) for rows in iter_table(folder, "kinds") for r in rows}
    found = [Derivation(r["source"], r["target"], r["kind"], json.loads(r["evidence"] or "[]"), r["score"])
             for rows in iter_table(folder, "derivations") for r in rows]
    save_derivations(store, found, kinds)
    summary.derivations = len(found)


def _load_entities(folder: Path, store: Store, summary: LoadSummary) -> None:
    from fuentes.store.analysis import save_corpus_entities

    if not (folder / "entities").is_dir():
        return
    resolved, reasons = [], {}
    for rows in iter_table(folder, "entities"):
        for r in rows:
            resolved.append(Entity(id=r["id"], name=r["name"], kind=r["kind"], aliases=json.loads(r["aliases"]),
                                   roles=json.loads(r["roles"]), articles=json.loads(r["articles"]),
                                   merged_from=json.loads(r["merged_from"])))
            reasons[r["id"]] = json.loads(r["merge_evidence"])
    save_corpus_entities(store, resolved, reasons)
    summary.entities = len(resolved)


def _load_claims(folder: Path, store: Store, summary: LoadSummary) -> None:
    """Corpus claims and discrepancies (replace the store's), as `save_claims` takes them."""
    from fuentes.model import Claim, Discrepancy, Value
    from fuentes.store.analysis import save_claims

    if not (folder / "claims").is_dir():
        return
    found = [Claim(id=r["id"], text=r["text"], subject=r["subject"], predicate=r["predicate"], object=r["object"],
                   values=[Value(**v) for v in json.loads(r["claim_values"])], speaker=r["speaker"],
                   articles=json.loads(r["articles"]), origins=json.loads(r["origins"]),
                   independent_sources=r["independent_sources"], grade=r["grade"])
             for rows in iter_table(folder, "claims") for r in rows]
    disagree = [Discrepancy(id=r["id"], about=r["about"], values=json.loads(r["discrepancy_values"]))
                for rows in iter_table(folder, "discrepancies") for r in rows]
    save_claims(store, found, disagree)
    summary.claims, summary.discrepancies = len(found), len(disagree)


def _load_quote_variants(folder: Path, store: Store, summary: LoadSummary) -> None:
    from fuentes.store.analysis import save_quote_variants

    if not (folder / "quote_variants").is_dir():
        return
    variants = {r["quote_id"]: r["variant_of"] for rows in iter_table(folder, "quote_variants") for r in rows}
    save_quote_variants(store, variants)
    summary.quote_variants = len(variants)


def _load_stories(folder: Path, store: Store, summary: LoadSummary) -> None:
    """Stories and corpus events (replace the store's), as `save_stories_and_events` takes them."""
    from fuentes.corpus.stories import Story
    from fuentes.model import Event, Evidence
    from fuentes.store.analysis import save_stories_and_events

    if not (folder / "stories").is_dir():
        return
    found = [Story(r["id"], json.loads(r["articles"]), r["title"], r["start"], r["end"])
             for rows in iter_table(folder, "stories") for r in rows]
    events = [Event(id=r["id"], event_type=r["event_type"], date=r["date"], actors=json.loads(r["actors"]),
                    targets=json.loads(r["targets"]), place=r["place"], articles=json.loads(r["articles"]),
                    evidence=[Evidence(**e) for e in json.loads(r["evidence"])], trigger=r["trigger"],
                    independent_sources=r["independent_sources"])
              for rows in iter_table(folder, "events") for r in rows]
    save_stories_and_events(store, found, events, {a: s.id for s in found for a in s.articles})
    summary.stories, summary.events = len(found), len(events)


def _load_relations(folder: Path, store: Store, summary: LoadSummary) -> None:
    from fuentes.model import Evidence, Relation
    from fuentes.store.analysis import save_relations

    if not (folder / "relations").is_dir():
        return
    found = [Relation(id=r["id"], subject=r["subject"], predicate=r["predicate"], object=r["object"],
                      articles=json.loads(r["articles"]), evidence=[Evidence(**e) for e in json.loads(r["evidence"])],
                      allegation=r["allegation"], start=r["start"], end=r["end"],
                      independent_sources=r["independent_sources"])
             for rows in iter_table(folder, "relations") for r in rows]
    save_relations(store, found)
    summary.relations = len(found)
