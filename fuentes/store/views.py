"""Reads behind the workbench's views: article metadata, derivations, mentions, entity names and
evidence, the optional tables of later capabilities, and a cheap change signature.

Every function returns plain dicts (JSON-ready); the views that shape them live in
`fuentes.views` and `fuentes.web`. Optional tables (claims, events, relations, stories,
watchlist hits...) are reflected from the database rather than imported from the schema, so a
store made at another schema revision still shows what it holds (`OptionalTables`).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import MetaData, Table, func, inspect, select

from fuentes.codecs import ENTITY, LOCAL_ENTITY
from fuentes.model import Evidence
from fuentes.store.engine import Store
from fuentes.store.schema import articles, derivations, entities, local_entities, mentions

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

META = (articles.c.id, articles.c.outlet, articles.c.title, articles.c.published, articles.c.kind,
        articles.c.origin, articles.c.language)


class OptionalTables:
    """Reflected optional tables of one store, refreshed every `ttl` seconds (a migration or a
    capability run in another process can add a table while a server runs)."""

    def __init__(self, store: Store, ttl: float = 5.0) -> None:
        self.store = store
        self.ttl = ttl
        self._lock = threading.Lock()
        self._when = 0.0
        self._names: set[str] = set()
        self._tables: dict[str, Table] = {}

    def names(self) -> set[str]:
        """The tables the database holds now."""
        with self._lock:
            if time.monotonic() - self._when > self.ttl:
                self._names = set(inspect(self.store.engine).get_table_names())
                self._when = time.monotonic()
                self._tables = {k: v for k, v in self._tables.items() if k in self._names}
            return self._names

    def _table(self, capability: str) -> Table | None:
        present = self.names()
        for name in OPTIONAL.get(capability, (capability,)):
            if name in present:
                with self._lock:
                    if name not in self._tables:
                        self._tables[name] = Table(name, MetaData(), autoload_with=self.store.engine)
                    return self._tables[name]
        return None

    def has(self, capability: str) -> bool:
        """The store has a table for `capability` (it may be empty)."""
        return self._table(capability) is not None

    def rows(self, capability: str, **equal: Any) -> list[dict[str, Any]] | None:
        """Rows of an optional table (filtered by column equality), or None when it is absent.
        A filter on a column the table lacks gives no rows."""
        table = self._table(capability)
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
        table = self._table(capability)
        if table is None:
            return False
        with self.store.engine.connect() as conn:
            return conn.execute(select(1).select_from(table).limit(1)).first() is not None

    def count(self, capability: str) -> int:
        """How many rows the capability's table holds (0 when it is absent)."""
        table = self._table(capability)
        if table is None:
            return 0
        with self.store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar() or 0


def article_meta(store: Store, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """article id -> {id, outlet, title, published, kind, origin, language} (every article, or `ids`)."""
    query = select(*META)
    if ids is not None:
        query = query.where(articles.c.id.in_(ids))
    with store.engine.connect() as conn:
        return {row.id: dict(row._mapping) for row in conn.execute(query)}


def derivation_rows(store: Store, targets: list[str] | None = None) -> list[dict[str, Any]]:
    """Derivation links (source, target, kind, score, evidence): every one, or those into `targets`."""
    query = select(derivations)
    if targets is not None:
        query = query.where(derivations.c.target.in_(targets))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def derivations_touching(store: Store, article_id: str) -> list[dict[str, Any]]:
    """Derivation links into or out of one article."""
    query = select(derivations).where((derivations.c.target == article_id) | (derivations.c.source == article_id))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def mentions_of(store: Store, article_id: str) -> list[dict[str, Any]]:
    """An article's entity mentions in text order, each with its local entity's corpus `entity_id`
    and `name` (None when it was never resolved)."""
    query = (select(mentions, local_entities.c.entity_id, local_entities.c.name)
             .outerjoin(local_entities, (local_entities.c.article_id == mentions.c.article_id)
                        & (local_entities.c.key == mentions.c.local_entity))
             .where(mentions.c.article_id == article_id).order_by(mentions.c.start))
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def entity_rows(store: Store) -> list[dict[str, Any]]:
    """Every corpus entity row (id, name, kind, aliases, roles, articles, merged_from, merge_evidence),
    in the table's order."""
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(entities))]


def entity_names(store: Store) -> dict[str, str]:
    """corpus entity id -> its name."""
    with store.engine.connect() as conn:
        return {row.id: row.name for row in conn.execute(select(entities.c.id, entities.c.name))}


def entity_evidence(store: Store, entity_id: str, per_group: int = 5) -> list[dict[str, Any]]:
    """Where a corpus entity is named: {article, start, end, text}, at most `per_group` spans per
    local entity (one local entity per article it was resolved in)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(local_entities.c.article_id, local_entities.c.name, local_entities.c.evidence)
                            .where(local_entities.c.entity_id == entity_id)).all()
    return [{"article": row.article_id, "start": start, "end": end, "text": row.name}
            for row in rows for start, end in _spans(row.evidence)[:per_group]]


def _spans(evidence: Any) -> list[tuple[int, int]]:
    """(start, end) of each stored mention, whatever form the row keeps it in (the codec reads
    every form: compact lists since revision 0006, [[start, end], ...] before)."""
    from fuentes.codecs import evidence_records

    return [(ev.start, ev.end) for ev in evidence_records(evidence, "")]


def article_texts(store: Store, ids: list[str]) -> dict[str, str]:
    """article id -> its clean text, for the given ids only (evidence excerpts read a page's
    articles, never the whole corpus)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    found: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            query = select(articles.c.id, articles.c.text).where(articles.c.id.in_(wanted[i:i + 500]))
            found.update({row.id: row.text or "" for row in conn.execute(query)})
    return found


def entity_row(store: Store, entity_id: str) -> dict[str, Any] | None:
    """One corpus entity row by its exact id (None when no entity has it)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    return dict(row._mapping) if row is not None else None


def entity_spans(store: Store, entity_id: str, row: dict[str, Any] | None = None) -> list[Evidence]:
    """Every mention of a corpus entity as Evidence (the `entities.evidence` column, read by the
    entity codec); for a store analysed before that column was filled, the evidence of the local
    entities resolved to it. `row` saves the lookup when the caller has the entity's row."""
    row = row if row is not None else entity_row(store, entity_id)
    spans = ENTITY.from_row(row).evidence if row is not None else []
    if spans:
        return spans
    with store.engine.connect() as conn:
        rows = conn.execute(select(local_entities).where(local_entities.c.entity_id == entity_id)
                            .order_by(local_entities.c.article_id, local_entities.c.key)).all()
    return [ev for r in rows for ev in LOCAL_ENTITY.from_row(dict(r._mapping)).evidence]


def record_row(tables: OptionalTables, capability: str, record_id: str) -> dict[str, Any] | None:
    """The row of an optional knowledge table (claims, events, relations...) with this id, or
    None (no such row, or no such table in this store). Read it with the table's codec."""
    rows = tables.rows(capability, id=record_id)
    return rows[0] if rows else None


def discrepancy_rows_of(tables: OptionalTables, claim_id: str) -> list[dict[str, Any]]:
    """Discrepancy rows one of whose values is stated by the corpus claim `claim_id` (or by an
    article claim with that id)."""
    found = []
    for row in tables.rows("discrepancies") or []:
        for value in row.get("discrepancy_values") or []:
            if isinstance(value, dict) and (value.get("claim") == claim_id or claim_id in (value.get("claims") or [])):
                found.append(row)
                break
    return found


def change_signature(store: Store, tables: OptionalTables) -> tuple:
    """Cheap aggregates that change whenever articles, derivations or stories change."""
    with store.engine.connect() as conn:
        arts = conn.execute(select(func.count(), func.max(articles.c.ingested_at))).one()
        links = conn.execute(select(func.count(), func.sum(derivations.c.score))).one()
    return tuple(arts) + tuple(links) + (tables.count("stories"),)
