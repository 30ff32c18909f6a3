"""Reading and writing articles. Each call to `save_batch` is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from fuentes.codecs import ARTICLE
from fuentes.model import Article, Rejection
from fuentes.store.engine import Store
from fuentes.store.schema import article_sources, articles, rejections

ARTICLE_FIELDS = ARTICLE.fields


@dataclass
class BatchResult:
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0


def _insert(store: Store, table):
    dialect = postgresql if store.dialect == "postgresql" else sqlite
    return dialect.insert(table)


def save_sources(store: Store, rows: Iterable[dict[str, Any]]) -> None:
    """Record more places articles were read from (`article_id`, `source`), in one transaction;
    pairs already known are kept."""
    rows = list(rows)
    if not rows:
        return
    now = datetime.now(timezone.utc)
    with store.engine.begin() as conn:
        conn.execute(_insert(store, article_sources).on_conflict_do_nothing(),
                     [{"article_id": r["article_id"], "source": r["source"], "seen_at": now} for r in rows])


def save_batch(store: Store, rows: Iterable[dict[str, Any]], failed: Iterable[Rejection] = ()) -> BatchResult:
    """Store article rows and rejections in ONE transaction; existing ids are kept, not duplicated.

    A crash mid-run loses at most the batch in flight; re-running stores it without duplicates.
    `stored` counts the rows the INSERT really inserted (its RETURNING, SQLite >= 3.35 and
    PostgreSQL), so two processes writing the same article at once count it once between them:
    the one whose insert lost the race to `ON CONFLICT DO NOTHING` counts a duplicate.
    """
    rows = list(rows)
    failed = list(failed)
    now = datetime.now(timezone.utc)
    result = BatchResult(rejected=len(failed))
    with store.engine.begin() as conn:
        unique: dict[str, dict[str, Any]] = {}
        for row in rows:
            unique.setdefault(row["id"], row)
        known = set()
        if unique:  # only saves sending the text of articles already stored; the count comes below
            known = set(conn.scalars(select(articles.c.id).where(articles.c.id.in_(list(unique)))))
        fresh = [dict(row, ingested_at=now) for key, row in unique.items() if key not in known]
        result.stored = _insert_new_articles(store, conn, fresh)
        result.duplicates = len(rows) - result.stored
        if rows:
            seen = [{"article_id": row["id"], "source": row["source"], "seen_at": now} for row in rows]
            conn.execute(_insert(store, article_sources).on_conflict_do_nothing(), seen)
            conn.execute(delete(rejections).where(rejections.c.source.in_([r["source"] for r in rows])))
        for rejection in failed:
            stmt = _insert(store, rejections).values(source=rejection.source, reason=rejection.reason, at=now)
            conn.execute(stmt.on_conflict_do_update(index_elements=["source"],
                                                    set_={"reason": rejection.reason, "at": now}))
    return result


def _insert_new_articles(store: Store, conn, fresh: list[dict[str, Any]]) -> int:
    """Insert the rows whose id is not stored yet; how many this INSERT inserted (not how many
    were sent: an id another writer stored meanwhile is skipped by ON CONFLICT and not counted)."""
    if not fresh:
        return 0
    stmt = _insert(store, articles).on_conflict_do_nothing(index_elements=["id"])
    if not conn.dialect.insert_returning:  # SQLite before 3.35: the driver's count of inserted rows
        return conn.execute(stmt, fresh).rowcount
    return len(set(conn.execute(stmt.returning(articles.c.id), fresh).scalars()))


def row_to_article(row: Any) -> Article:
    return ARTICLE.from_row(dict(row._mapping))


# Newest first, undated last; the index `ix_view_articles_newest` (store.search) walks this order.
ARTICLE_ORDER = (articles.c.published.desc().nulls_last(), articles.c.id)


def list_articles(store: Store, limit: int | None = None, offset: int = 0) -> list[Article]:
    query = select(articles).order_by(*ARTICLE_ORDER)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [row_to_article(row) for row in conn.execute(query)]


def iter_articles(store: Store, batch: int = 1000):
    """Every article, streamed in id order without loading the whole table."""
    last = ""
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(select(articles).where(articles.c.id > last)
                                .order_by(articles.c.id).limit(batch)).all()
        if not rows:
            return
        for row in rows:
            yield row_to_article(row)
        last = rows[-1].id


def get_article(store: Store, article_id: str) -> Article | None:
    """An article by id, or by a unique id prefix (as printed by `fuentes articles`)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None and len(article_id) >= 6:
            found = conn.execute(select(articles).where(articles.c.id.startswith(article_id)).limit(2)).all()
            row = found[0] if len(found) == 1 else None
        return row_to_article(row) if row is not None else None


def article_sources_of(store: Store, article_id: str) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.scalars(select(article_sources.c.source)
                                 .where(article_sources.c.article_id == article_id)
                                 .order_by(article_sources.c.source)))


def count_articles(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(articles)) or 0


def list_rejections(store: Store) -> list[Rejection]:
    with store.engine.connect() as conn:
        return [Rejection(row.source, row.reason)
                for row in conn.execute(select(rejections).order_by(rejections.c.source))]


def update_provenance(store: Store, kinds: dict[str, tuple[str, str | None]]) -> None:
    """Set each article's kind and origin (article id -> (kind, origin)) in one transaction."""
    with store.engine.begin() as conn:
        for article_id, (kind, origin) in kinds.items():
            conn.execute(articles.update().where(articles.c.id == article_id)
                         .values(kind=kind, origin=origin))
