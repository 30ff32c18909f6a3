"""A store's data version: a value that changes whenever any connection commits a change.

The workbench keys its response cache by it (`fuentes.web.cache`), so a page is served from
memory only while nothing in the store changed, whoever wrote: an ingest in another process,
an analysis, an analyst's merge through another server worker.

- SQLite: `PRAGMA data_version` on one dedicated connection that never writes. SQLite changes
  the value whenever another connection (of this or any process) commits.
- PostgreSQL: the current snapshot (`xmin:xmax:in-progress ids`), which changes whenever a
  transaction that wrote commits or aborts. It is cluster-wide, so unrelated writes only cost a
  cache miss; a transaction still in progress never changes what a reader sees, and it stays
  in the snapshot until it ends.

Reading it costs one tiny statement. Anything else (an in-memory database, an unknown
dialect) has no version: `current()` returns None and nothing is cached.

`knowledge()` is the version of what the analysis and the analysts write (entities, claims,
stories, events, relations, quotes, provenance, watchlist hits), which an ingest does not touch:
new articles join the knowledge only when `analyse` runs. It is a signature of the tables only
those writers change: every analysis run ends by recording itself in `corpus_state` (its
incremental stages save their state there as they go), the per-article analyses, the analysts'
merges and splits, the watchlist. It is read again only when the data version has changed, so
the pages built on it stay cached while a long ingest commits batch after batch.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from fuentes.store.engine import Store
from fuentes.store.schema import analyses, corpus_state, entity_decisions, watchlist, watchlist_hits


def knowledge_signature(conn) -> tuple:
    """Aggregates that change whenever an analysis run or an analyst changes the knowledge."""
    queries = (select(func.count(), func.max(corpus_state.c.updated_at)),
               select(func.count(), func.max(analyses.c.at)),
               select(func.count(), func.max(entity_decisions.c.at)),
               select(func.count()).select_from(watchlist),
               select(func.count()).select_from(watchlist_hits))
    return tuple(str(value) for query in queries for value in conn.execute(query).one())


class DataVersion:
    """`current()`: the store's data version now, or None when it cannot be known."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._conn: Any = None
        self._knowledge: tuple[Any, Any] = (None, None)  # (data version, knowledge signature then)
        database = store.engine.url.database or ""
        self._usable = store.dialect == "postgresql" or (
            store.dialect == "sqlite" and database not in ("", ":memory:") and "mode=memory" not in database)

    def current(self) -> Any:
        if not self._usable:
            return None
        with self._lock:
            try:
                return self._current_locked()
            except SQLAlchemyError:
                self.close_locked()
                return None

    def knowledge(self) -> Any:
        """The knowledge's version now (see the module's docstring), or None when unknown."""
        if not self._usable:
            return None
        with self._lock:
            try:
                version = self._current_locked()
                if self._knowledge[0] != version or self._knowledge[1] is None:
                    self._knowledge = (version, knowledge_signature(self._conn))
                    if self.store.dialect == "sqlite":
                        self._conn.rollback()  # end the read, so the next PRAGMA sees new commits
                return self._knowledge[1]
            except SQLAlchemyError:
                self.close_locked()
                return None

    def _current_locked(self) -> Any:
        if self._conn is None:
            self._conn = self.store.engine.connect()
            if self.store.dialect == "postgresql":
                self._conn = self._conn.execution_options(isolation_level="AUTOCOMMIT")
        if self.store.dialect == "sqlite":
            return self._conn.exec_driver_sql("PRAGMA data_version").scalar()
        return self._conn.execute(text("SELECT CAST(pg_current_snapshot() AS text)")).scalar()

    def close(self) -> None:
        with self._lock:
            self.close_locked()

    def close_locked(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except SQLAlchemyError:
                pass
            self._conn = None
