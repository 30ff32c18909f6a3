"""`fuentes export --format jsonl`: one JSON object per line, each with a `type`.

Field names follow the export contract (docs/export.md); ids are strings. Records are
streamed from the store, so exporting a large store does not load it into memory.
"""

from __future__ import annotations

import json
from typing import IO, Any, Callable, Iterator

from fuentes.model import Article
from fuentes.store import Store
from fuentes.store.articles import iter_articles


def article_record(article: Article) -> dict[str, Any]:
    return {
        "type": "article",
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "kind": article.kind or "unknown",
        "origin": article.origin,
        "url": article.url,
    }


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    for article in iter_articles(store):
        yield article_record(article)


# Each producer yields export records of one or more types; later capabilities append theirs.
PRODUCERS: list[Callable[[Store], Iterator[dict[str, Any]]]] = [article_records]


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    for producer in PRODUCERS:
        yield from producer(store)


def export_jsonl(store: Store, out: IO[str]) -> int:
    """Write every record as one JSON line; return how many were written."""
    count = 0
    for record in iter_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
