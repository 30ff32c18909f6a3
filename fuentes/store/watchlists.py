"""Watchlists in the store: imported FollowTheMoney entities and the hits on resolved entities."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy import delete, select

from fuentes.corpus.watchlist import Hit, WatchEntry, Watchlist, load_watchlist, match_watchlist
from fuentes.store.analysis import load_corpus_entities
from fuentes.store.articles import _insert
from fuentes.store.engine import Store
from fuentes.store.schema import watchlist, watchlist_hits


def import_watchlist(store: Store, path: str | Path) -> int:
    """Add (or update) the entities of a FtM JSON-lines file; returns how many were read."""
    loaded = load_watchlist(path)
    rows = {entry.id: {"id": entry.id, "schema": entry.schema, "caption": entry.caption,
                       "properties": {"names": entry.names, "properties": entry.properties},
                       "dataset": Path(path).name} for entry in loaded.entries}
    with store.engine.begin() as conn:
        for row in rows.values():
            stmt = _insert(store, watchlist).values(**row)
            conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
                key: row[key] for key in ("schema", "caption", "properties", "dataset")}))
    return len(rows)


def stored_watchlist(store: Store) -> Watchlist:
    with store.engine.connect() as conn:
        entries = [WatchEntry(id=row.id, schema=row.schema, names=(row.properties or {}).get("names", {}),
                              caption=row.caption or row.id,
                              properties=(row.properties or {}).get("properties", {}))
                   for row in conn.execute(select(watchlist).order_by(watchlist.c.id))]
    return Watchlist("store", entries)


def refresh_hits(store: Store, min_score: float = 0.7) -> list[Hit]:
    """Match every resolved entity against the stored watchlist and replace the stored hits."""
    hits = match_watchlist(load_corpus_entities(store), stored_watchlist(store), min_score=min_score)
    with store.engine.begin() as conn:
        conn.execute(delete(watchlist_hits))
        unique = {(hit.entity, hit.watchlist_id): hit for hit in hits}
        if unique:
            conn.execute(watchlist_hits.insert(), [{
                "entity_id": hit.entity, "watch_id": hit.watchlist_id, "score": hit.score,
                "evidence": [asdict(match) for match in hit.evidence]} for hit in unique.values()])
    return sorted(hits, key=lambda hit: -hit.score)
