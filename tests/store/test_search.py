"""The workbench's lookups read through indexes: entity names (SQLite FTS5, refilled whenever the
corpus entities are replaced) and the article list's order."""

from __future__ import annotations

from sqlalchemy import select, text

from fuentes.model import Entity
from fuentes.store.analysis import save_corpus_entities
from fuentes.store.articles import ARTICLE_ORDER, list_articles, save_batch
from fuentes.store.schema import articles
from fuentes.store.search import ensure_search_index, search_entities


def _entity(entity_id: str, name: str, kind: str, aliases: list[str], reach: int) -> Entity:
    return Entity(id=entity_id, name=name, kind=kind, aliases=aliases,
                  articles=[f"art_{entity_id}_{i}" for i in range(reach)])


FIRST = [_entity("ent_mx", "México", "place", ["Estados Unidos Mexicanos", "Mexico"], 5),
         _entity("ent_rq", "Rafael Quintero", "person", ["Quintero"], 3),
         _entity("ent_cs", "Cártel de Sinaloa", "organization", ["Sinaloa Cartel", "CDS"], 4),
         _entity("ent_sn", "Sinaloa", "place", [], 7)]


def _ids(store, query: str) -> list[str]:
    return [row["id"] for row in search_entities(store, query)]


def test_entity_names_are_found_most_reported_first_and_follow_every_analysis(store):
    save_corpus_entities(store, FIRST, {})
    ensure_search_index(store)
    assert _ids(store, "quint") == ["ent_rq"]  # a name typed in part
    assert _ids(store, "Sinaloa") == ["ent_sn", "ent_cs"]  # most reported first
    assert _ids(store, "CDS") == ["ent_cs"]  # an alias
    found = search_entities(store, "quintero")[0]
    assert found["aliases"] == ["Quintero"] and found["kind"] == "person" and found["reach"] == 3
    assert _ids(store, "\x00 ") == [] and _ids(store, "zzzz") == []

    # an analysis replaces the entities: the index follows in the same transaction
    save_corpus_entities(store, [_entity("ent_nq", "Nora Quintana", "person", [], 2)], {})
    assert _ids(store, "quint") == ["ent_nq"]
    assert _ids(store, "Sinaloa") == []


def test_sqlite_names_match_by_word_case_and_accents_aside(store):
    if store.dialect != "sqlite":
        return  # PostgreSQL matches the text as typed (covered above)
    save_corpus_entities(store, FIRST, {})
    ensure_search_index(store)
    assert _ids(store, "mexico") == ["ent_mx"]
    assert _ids(store, "cartel sinaloa") == ["ent_cs"]  # every word, in any order, accents aside
    assert _ids(store, '"sinaloa cartel"') == ["ent_cs"]  # a quoted phrase
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM entities_fts")).scalar() == len(FIRST)


def test_entity_search_works_before_the_index_is_made(store):
    """A store the server has never opened has no name index: the search still answers."""
    save_corpus_entities(store, FIRST, {})
    assert _ids(store, "Quintero") == ["ent_rq"]


def test_the_last_page_of_articles_reads_through_the_index(store):
    save_batch(store, [{"id": f"art_{i:03d}", "source": f"{i}.txt", "text": "Text.", "kind": "unknown",
                        "published": None if i % 7 == 0 else f"2026-01-{1 + i % 28:02d}"} for i in range(60)])
    ensure_search_index(store)
    query = select(articles.c.id).order_by(*ARTICLE_ORDER).limit(10).offset(50)
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
            plan = " ".join(str(row[-1]) for row in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert "ix_view_articles_newest" in plan and "TEMP B-TREE" not in plan, plan
    listed = list_articles(store)
    dated = [a.published for a in listed if a.published]
    assert dated == sorted(dated, reverse=True) and all(a.published is None for a in listed[len(dated):])
