"""Full-text search for the workbench: the store's index (`fuentes.store.search`: SQLite FTS5 or
PostgreSQL full text) with snippets cut into parts for the templates, and entity name search.

Search input is never pasted into SQL: the store binds it as a parameter, and on SQLite first
rewrites it into FTS5 syntax made only of quoted terms.
"""

from __future__ import annotations

import re
from typing import Any

from fuentes.store import Store
from fuentes.store import search as index
from fuentes.store.search import HIT_END, HIT_START, ensure_search_index, fts5_query

__all__ = ["HIT_END", "HIT_START", "ensure_index", "fts5_query", "parts", "search_articles", "search_entities"]

ensure_index = ensure_search_index  # created when the server starts


def parts(snippet: str) -> list[dict[str, Any]]:
    """A marked snippet -> [{text, hit}] for templates (which escape the text)."""
    out = []
    for i, piece in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet or "")):
        if piece:
            out.append({"text": piece, "hit": i % 2 == 1})
    return out


def search_articles(store: Store, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching `query`, best first: id, outlet, title, published, snippet parts."""
    rows = index.search_articles(store, query, limit=limit, offset=offset)
    for row in rows:
        row["snippet"] = parts(row["snippet"])
    return rows


def search_entities(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose name or an alias matches the query, most reported first; at most `limit`
    (found by the store's name index: `fuentes.store.search.search_entities`)."""
    return index.search_entities(store, query, limit=limit)
