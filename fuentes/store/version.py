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
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from fuentes.store.engine import Store


class DataVersion:
    """`current()`: the store's data version now, or None when it cannot be known."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._conn: Any = None
        database = store.engine.url.database or ""
        self._usable = store.dialect == "postgresql" or (
            store.dialect == "sqlite" and database not in ("", ":memory:") and "mode=memory" not in database)

    def current(self) -> Any:
        if not self._usable:
            return None
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = self.store.engine.connect()
                    if self.store.dialect == "postgresql":
                        self._conn = self._conn.execution_options(isolation_level="AUTOCOMMIT")
                if self.store.dialect == "sqlite":
                    return self._conn.exec_driver_sql("PRAGMA data_version").scalar()
                return self._conn.execute(text("SELECT CAST(pg_current_snapshot() AS text)")).scalar()
            except SQLAlchemyError:
                self.close_locked()
                return None

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
