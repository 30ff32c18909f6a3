"""Revision 0009: a store of revision 0008 upgrades with each article's publication precision."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import column, insert, inspect, select, table

from fuentes.codecs import ARTICLE
from fuentes.model import Article
from fuentes.store import open_store
from fuentes.store.articles import get_article, save_batch
from fuentes.store.engine import migrate
from fuentes.store.schema import articles


def test_a_0008_store_gains_precision_source_and_modified(tmp_path):
    db = str(tmp_path / "at_0008.db")
    old = open_store(db, upgrade=False)
    migrate(old.engine, "0008")
    assert "published_precision" not in {c["name"] for c in inspect(old.engine).get_columns("articles")}
    rows = [("art_y", "2025"), ("art_m", "2025-11"), ("art_d", "2026-02-23"), ("art_t", "2026-02-23T10:14:00Z"),
            ("art_n", None)]
    with old.engine.begin() as conn:  # rows as revision 0008 wrote them (its columns only)
        for article_id, published in rows:
            conn.execute(_old_insert(article_id, published))
    old.close()

    store = open_store(db)
    with store.engine.connect() as conn:
        got = {row.id: (row.published, row.published_precision, row.published_source, row.modified)
               for row in conn.execute(select(articles))}
    assert got == {"art_y": ("2025", "year", None, None), "art_m": ("2025-11", "month", None, None),
                   "art_d": ("2026-02-23", "day", None, None),
                   "art_t": ("2026-02-23T10:14:00Z", "second", None, None), "art_n": (None, None, None, None)}
    # the upgraded store takes the new fields, and the export reports the precision
    save_batch(store, [ARTICLE.to_row(Article(
        id="art_new", source="new.html", text="New.", published="2026-02-23T10:14-05:00",
        published_precision="minute", published_source="meta article:published_time",
        modified="2026-02-23T12:00-05:00"))])
    new = get_article(store, "art_new")
    assert (new.published, new.published_precision, new.published_source, new.modified) == (
        "2026-02-23T10:14-05:00", "minute", "meta article:published_time", "2026-02-23T12:00-05:00")
    assert ARTICLE.export(get_article(store, "art_d"))["published_precision"] == "day"
    store.close()


def _old_insert(article_id, published):
    """An INSERT naming only the columns revision 0008 had."""
    old = table("articles", column("id"), column("source"), column("text"), column("kind"), column("published"),
                column("ingested_at"))
    return insert(old).values(id=article_id, source=f"{article_id}.txt", text="Kept.", kind="unknown",
                              published=published, ingested_at=datetime.now(timezone.utc))
