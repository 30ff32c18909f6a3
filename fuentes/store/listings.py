"""Reads behind the CLI's listings: does a store exist (before opening it, which would create
it), and the rows the story listing needs. Plain dicts, shaped by `fuentes.views`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect, make_url, select
from sqlalchemy.exc import ArgumentError

from fuentes.store.engine import Store, database_url
from fuentes.store.schema import stories


def sqlite_path(db: str | None) -> Path | None:
    """The file a --db value names when it is a SQLite store (None for a server URL or memory)."""
    try:
        url = make_url(database_url(db))
    except ArgumentError:
        return None
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def missing_store(db: str | None) -> Path | None:
    """The SQLite file --db names when it does not exist (opening it would create it), else None.
    A server store (PostgreSQL) is never created by opening it, so it is never reported here."""
    path = sqlite_path(db)
    return path if path is not None and not path.is_file() else None


def story_rows(store: Store) -> list[dict[str, Any]]:
    """Rows of the stories table (id, title, start, end, articles); [] when it is absent."""
    if "stories" not in inspect(store.engine).get_table_names():
        return []
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(stories))]

