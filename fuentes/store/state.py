"""Saved state of incremental corpus stages, so a re-run examines only what new articles touch.

The state is a pickle written and read by fuentes itself (never from another source), tagged
with a version: a state of another version is ignored and rebuilt.
"""

from __future__ import annotations

import pickle
import tempfile
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import delete, func, select, text

from fuentes.collector import collector_paused
from fuentes.store.articles import _insert
from fuentes.store.engine import Store
from fuentes.store.schema import articles, corpus_state, entity_decisions


def load_state(store: Store, name: str, version: str) -> Any | None:
    with store.engine.connect() as conn:
        return read_state(conn, name, version)


def save_state(store: Store, name: str, version: str, value: Any, articles: int) -> None:
    with store.engine.begin() as conn:
        write_state(conn, store, name, version, value, articles)


def read_state(conn, name: str, version: str) -> Any | None:
    """`load_state` inside the caller's connection (and transaction)."""
    row = conn.execute(select(corpus_state).where(corpus_state.c.name == name)).first()
    if row is None or row.version != version:
        return None
    with collector_paused():
        return pickle.loads(row.data)


SPILL_CHUNK = 1 << 22  # bytes copied at a time from the pickle's spill file into the store


def write_state(conn, store: Store, name: str, version: str, value: Any, articles: int) -> None:
    """`save_state` inside the caller's transaction: the state is written with what it describes.
    On SQLite the pickle goes to a temporary file as it is made and from there into the row's blob
    a few megabytes at a time: a state of hundreds of megabytes is never held in memory (once as
    the pickle and once more as the driver's copy) beside the index it pickles."""
    if store.dialect != "sqlite":
        with collector_paused():
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        _upsert_state(conn, store, name, version, data, articles)
        return
    with tempfile.TemporaryFile() as spill:
        with collector_paused():
            pickle.dump(value, spill, protocol=pickle.HIGHEST_PROTOCOL)
        size = spill.tell()
        spill.seek(0)
        _upsert_state(conn, store, name, version, func.zeroblob(size), articles)
        rowid = conn.execute(select(text("rowid")).select_from(corpus_state)
                             .where(corpus_state.c.name == name)).scalar_one()
        with conn.connection.dbapi_connection.blobopen("corpus_state", "data", rowid) as blob:
            while chunk := spill.read(SPILL_CHUNK):
                blob.write(chunk)


def _upsert_state(conn, store: Store, name: str, version: str, data: Any, articles: int) -> None:
    row = {"name": name, "version": version, "data": data, "articles": articles,
           "updated_at": datetime.now(timezone.utc)}
    conn.execute(_insert(store, corpus_state).values(**row).on_conflict_do_update(
        index_elements=["name"], set_={k: row[k] for k in ("version", "data", "articles", "updated_at")}))


def forget_state(store: Store, name: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(delete(corpus_state).where(corpus_state.c.name == name))


def corpus_inputs(store: Store) -> dict[str, Any]:
    """What the corpus stages read that can change between runs without a per-article analysis:
    the articles (how many, the latest stored) and the analysts' decisions."""
    with store.engine.connect() as conn:
        count, latest = conn.execute(select(func.count(), func.max(articles.c.ingested_at))).one()
        decisions, decided = conn.execute(select(func.count(), func.max(entity_decisions.c.at))).one()
    return {"articles": count, "latest": str(latest), "decisions": decisions, "decided": str(decided)}
