"""The article store on SQLite and PostgreSQL: migrations, idempotent writes, reads."""

from __future__ import annotations

from sqlalchemy import inspect

from fuentes.model import Rejection
from fuentes.store import open_store
from fuentes.store.articles import (article_sources_of, count_articles, get_article, iter_articles,
                                    list_articles, list_rejections, save_batch, update_provenance)


def row(article_id: str, source: str, text: str = "A body of several words for testing.", **extra):
    return {"id": article_id, "source": source, "text": text, "kind": "unknown", **extra}


def test_migrated_schema_has_the_tables(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "article_sources", "rejections", "alembic_version"} <= tables


def test_reopening_a_migrated_store_is_a_no_op(store, store_url):
    save_batch(store, [row("art_a", "a.txt")])
    again = open_store(store_url)
    assert count_articles(again) == 1
    again.close()


def test_same_id_twice_is_stored_once_and_every_source_is_kept(store):
    first = save_batch(store, [row("art_a", "one.txt", outlet="Diario Uno")])
    second = save_batch(store, [row("art_a", "two.txt", outlet="Diario Uno"), row("art_b", "three.txt")])
    assert (first.stored, first.duplicates) == (1, 0)
    assert (second.stored, second.duplicates) == (1, 1)
    assert count_articles(store) == 2
    assert article_sources_of(store, "art_a") == ["one.txt", "two.txt"]


def test_duplicates_within_one_batch_collapse(store):
    result = save_batch(store, [row("art_a", "x#line 1"), row("art_a", "x#line 2")])
    assert (result.stored, result.duplicates) == (1, 1)


def test_rejections_are_recorded_and_cleared_when_the_input_later_succeeds(store):
    save_batch(store, [], [Rejection("bad.bin", "binary file")])
    save_batch(store, [], [Rejection("bad.bin", "binary file (PNG image)")])
    assert list_rejections(store) == [Rejection("bad.bin", "binary file (PNG image)")]
    save_batch(store, [row("art_c", "bad.bin")])
    assert list_rejections(store) == []


def test_reads_round_trip_metadata_and_removed_furniture(store):
    removed = [{"text": "Share on Facebook", "reason": "cue:social", "line": 3}]
    save_batch(store, [row("art_meta", "m.txt", outlet="El Diario", title="Un título", byline="Ana Ruiz",
                           published="2026-02", language="es", removed=removed,
                           meta_evidence={"outlet": "copyright line"})])
    article = get_article(store, "art_meta")
    assert (article.outlet, article.title, article.byline, article.published, article.language) == (
        "El Diario", "Un título", "Ana Ruiz", "2026-02", "es")
    assert article.removed[0].text == "Share on Facebook" and article.removed[0].line == 3
    assert article.meta_evidence == {"outlet": "copyright line"}
    assert get_article(store, "art_me") is not None  # unique prefix
    assert get_article(store, "art_missing") is None


def test_listing_orders_newest_first_and_streams_everything(store):
    save_batch(store, [row(f"art_{i:03d}", f"s{i}", published=f"2026-01-{i % 28 + 1:02d}") for i in range(30)])
    listed = list_articles(store, limit=5)
    assert [a.published for a in listed] == sorted((a.published for a in listed), reverse=True)
    assert listed[0].published == "2026-01-28"
    assert len(list(iter_articles(store, batch=7))) == 30


def test_update_provenance_sets_kind_and_origin(store):
    save_batch(store, [row("art_p", "p.txt")])
    update_provenance(store, {"art_p": ("syndicated", "Agencia Sur")})
    article = get_article(store, "art_p")
    assert (article.kind, article.origin) == ("syndicated", "Agencia Sur")
