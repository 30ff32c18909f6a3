"""Replacing a corpus table's rows by difference: only the rows that changed are written.

The corpus stages compute their whole output at every run (entities, claims, discrepancies), but
a run after new articles changes few of its rows. Deleting and inserting every row made the
cost of adding 100 articles grow with the store. `replace_rows` keeps, in `corpus_state` and in
the same transaction as the rows, a digest of each row it wrote; a later call deletes the rows
that went or changed and inserts the rows that are new or changed, nothing else. The digests
are trusted only while the table holds as many rows as they tell of; otherwise (a table written
before this record was kept, a store restored from elsewhere) every row is written again.
Every writer of such a table goes through `replace_rows`, so the record cannot fall behind it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import Table, delete, func, select

from fuentes.store.engine import Store
from fuentes.store.state import read_state, write_state

DIGESTS_VERSION = "1"
CHUNK = 500  # ids per DELETE ... IN (...): well under every engine's limit of bound parameters


@dataclass(frozen=True)
class Replaced:
    """What `replace_rows` wrote: the ids whose rows were deleted (gone or changed) and the ids
    whose rows were inserted (new or changed); `everything` when the whole table was rewritten."""

    deleted: frozenset[str]
    inserted: frozenset[str]
    everything: bool


def row_digest(row: dict[str, Any]) -> bytes:
    """A digest of one row as its codec gives it (fixed key order, JSON-like values)."""
    return hashlib.blake2b(repr(row).encode(), digest_size=12).digest()


def replace_rows(conn, store: Store, table: Table, rows: Iterable[dict[str, Any]], key: str = "id") -> Replaced:
    """Make `table` hold exactly `rows` (one per `key`, the last of equal keys kept), inside the
    caller's transaction, writing only the rows that differ from those this function last wrote."""
    fresh = {row[key]: row for row in rows}
    digests = {k: row_digest(row) for k, row in fresh.items()}
    name = f"rows:{table.name}"
    saved = read_state(conn, name, DIGESTS_VERSION)
    stored = conn.execute(select(func.count()).select_from(table)).scalar_one()
    if saved is None or len(saved) != stored:
        conn.execute(delete(table))
        gone, written = set(), set(fresh)
    else:
        gone = {k for k, d in saved.items() if digests.get(k) != d}
        written = {k for k, d in digests.items() if saved.get(k) != d}
        delete_where_in(conn, table, key, gone)
    if written:
        conn.execute(table.insert(), [fresh[k] for k in fresh if k in written])
    write_state(conn, store, name, DIGESTS_VERSION, digests, len(digests))
    return Replaced(frozenset(gone), frozenset(written), saved is None or len(saved) != stored)


def delete_where_in(conn, table: Table, column: str, values: Iterable[str]) -> None:
    """Delete the rows of `table` whose `column` is one of `values`, in chunks."""
    ordered = sorted(set(values))
    for i in range(0, len(ordered), CHUNK):
        conn.execute(delete(table).where(table.c[column].in_(ordered[i:i + CHUNK])))
