"""Optional tables: what the store can show, found by looking at the database itself.

Claims, events, relations, stories and watchlist hits are filled by capabilities that may not
have run (or whose tables may not exist in an older store). Every view asks `TableCache` for
them and shows an explanation instead of an error when a table is absent or empty. Tables are reflected rather
than imported from the schema so that the web layer keeps working across schema revisions; a
column it does not know is simply passed through.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import MetaData, Table, inspect, select

from fuentes.store import Store

# Table names the other capabilities write, first match wins. Kept here, in one place, so a
# capability that picks another name needs one line changed.
OPTIONAL = {
    "stories": ("stories",),
    "claims": ("claims",),
    "article_layers": ("article_layers",),
    "discrepancies": ("discrepancies",),
    "events": ("events",),
    "relations": ("relations",),
    "watchlist_hits": ("watchlist_hits",),
    "watchlist": ("watchlist",),
}

# What each optional view tells the analyst when its table is absent.
MISSING = {
    "stories": "Stories have not been computed on this store; articles are grouped by their "
               "derivations (copies and rewrites) instead.",
    "claims": "No claims in this store yet: the claims capability has not run.",
    "discrepancies": "No discrepancies in this store yet.",
    "events": "No events in this store yet: the events capability has not run.",
    "relations": "No relations in this store yet; the network shows entities mentioned in the same "
                 "articles instead.",
    "watchlist_hits": "No watchlist has been matched against this store.",
}


class TableCache:
    """Reflected optional tables of one store, refreshed every few seconds.

    A migration or a capability run in another process can add a table while the server runs.
    """

    def __init__(self, store: Store, ttl: float = 5.0) -> None:
        self.store = store
        self.ttl = ttl
        self._lock = threading.Lock()
        self._when = 0.0
        self._names: set[str] = set()
        self._tables: dict[str, Table] = {}

    def names(self) -> set[str]:
        with self._lock:
            if time.monotonic() - self._when > self.ttl:
                self._names = set(inspect(self.store.engine).get_table_names())
                self._when = time.monotonic()
                self._tables = {k: v for k, v in self._tables.items() if k in self._names}
            return self._names

    def table(self, capability: str) -> Table | None:
        """The reflected table holding `capability`, or None when the store has none."""
        present = self.names()
        for name in OPTIONAL.get(capability, (capability,)):
            if name in present:
                with self._lock:
                    if name not in self._tables:
                        self._tables[name] = Table(name, MetaData(), autoload_with=self.store.engine)
                    return self._tables[name]
        return None

    def has(self, capability: str) -> bool:
        return self.table(capability) is not None

    def rows(self, capability: str, **equal: Any) -> list[dict[str, Any]] | None:
        """Rows of an optional table (filtered by column equality), or None when it is absent."""
        table = self.table(capability)
        if table is None:
            return None
        query = select(table)
        for column, value in equal.items():
            if column not in table.c:
                return []
            query = query.where(table.c[column] == value)
        with self.store.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def filled(self, capability: str) -> bool:
        """The table exists and holds at least one row (the capability has run on this store)."""
        table = self.table(capability)
        if table is None:
            return False
        with self.store.engine.connect() as conn:
            return conn.execute(select(1).select_from(table).limit(1)).first() is not None

    def capabilities(self) -> dict[str, bool]:
        return {name: self.filled(name) for name in OPTIONAL}

    def missing(self, *capabilities: str) -> dict[str, str]:
        """The explanation of each capability that has not filled its table."""
        return {name: MISSING[name] for name in capabilities if not self.filled(name)}


def as_list(value: Any) -> list:
    """JSON list columns, tolerant of NULL and of a single value stored as a scalar."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]
