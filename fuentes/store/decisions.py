"""Analysts' entity decisions in the store: the `entity_decisions` rows, and the ids that follow a merge.

`fuentes.corpus.entity_decisions` decides what a decision means; this module only reads and
writes its rows. Writes raise StoreError naming what failed and the store.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from fuentes.store.engine import Store
from fuentes.store.failures import writing
from fuentes.store.schema import claims, entity_decisions, events, relations, watchlist_hits


def add_decision(store: Store, kind: str, first: str, second: str, who: str, at: datetime,
                 note: str | None = None) -> int:
    """Store one decision (kind "merge" or "split", its two sides as given); returns its id."""
    with writing(store, f"record the {kind} of {first!r} and {second!r}"), store.engine.begin() as conn:
        done = conn.execute(insert(entity_decisions).values(kind=kind, first=first, second=second, who=who, at=at,
                                                            note=note))
        return int(done.inserted_primary_key[0])  # type: ignore[index]  # a single-row insert has its key


def list_decisions(store: Store) -> list[dict[str, Any]]:
    """Every decision in the order it was made: id, kind, first, second, who, at, note."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(entity_decisions).order_by(entity_decisions.c.at, entity_decisions.c.id))
        return [dict(row._mapping) for row in rows]


def rename_entity_refs(store: Store, renamed: dict[str, str]) -> None:
    """Point the rows that name a corpus entity by id (relations, claims, events, watchlist hits)
    at its new id, in one transaction; `renamed` maps old id -> new id."""
    if not renamed:
        return
    with writing(store, f"rename {len(renamed)} merged entity id(s) in relations, claims, events and watchlist hits"), \
            store.engine.begin() as conn:
        for table, columns in ((relations, ("subject", "object")), (claims, ("subject", "object", "speaker")),
                               (events, ("place",))):
            for column in columns:
                for old, new in renamed.items():
                    conn.execute(update(table).where(table.c[column] == old).values({column: new}))
        for row in conn.execute(select(events.c.id, events.c.actors, events.c.targets)).all():
            actors = [renamed.get(x, x) for x in row.actors or []]
            targets = [renamed.get(x, x) for x in row.targets or []]
            if actors != (row.actors or []) or targets != (row.targets or []):
                conn.execute(update(events).where(events.c.id == row.id).values(actors=actors, targets=targets))
        hits = conn.execute(select(watchlist_hits.c.entity_id, watchlist_hits.c.watch_id)).all()
        present = {(h.entity_id, h.watch_id) for h in hits}
        for hit in hits:
            if hit.entity_id not in renamed:
                continue
            where = (watchlist_hits.c.entity_id == hit.entity_id) & (watchlist_hits.c.watch_id == hit.watch_id)
            if (renamed[hit.entity_id], hit.watch_id) in present:
                conn.execute(delete(watchlist_hits).where(where))
            else:
                conn.execute(update(watchlist_hits).where(where).values(entity_id=renamed[hit.entity_id]))
                present.add((renamed[hit.entity_id], hit.watch_id))
