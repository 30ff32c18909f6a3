"""Claim order and co-mention ties: one rule for the CLI and the workbench."""

from __future__ import annotations

from dataclasses import asdict

from fuentes.corpus.grading import claim_rows
from fuentes.model import Claim, Entity
from fuentes.views.claims import claim_key, grade_counts, order_claims
from fuentes.views.network import co_mentions

CLAIMS = [
    Claim(id="c_many_weak", text="Murieron 12 personas", articles=["a", "b", "c", "d"], independent_sources=3,
          grade=5),
    Claim(id="c_confirmed", text="El operativo ocurrió en Culiacán", articles=["a", "b"], independent_sources=2,
          grade=1),
    Claim(id="c_possible_b", text="Bloquearon la carretera", articles=["a", "b", "c"], independent_sources=1,
          grade=3),
    Claim(id="c_possible_a", text="Ardió un autobús", articles=["a", "b", "c"], independent_sources=1, grade=3),
    Claim(id="c_possible_few", text="Cerraron escuelas", articles=["a", "b"], independent_sources=1, grade=3),
    Claim(id="c_more_sources", text="Hubo disparos", articles=["a", "b"], independent_sources=2, grade=3),
]
ORDER = ["c_confirmed", "c_more_sources", "c_possible_a", "c_possible_b", "c_possible_few", "c_many_weak"]


def test_best_grade_first_then_sources_articles_text():
    assert [c.id for c in order_claims(CLAIMS)] == ORDER


def test_records_store_rows_and_cli_rows_order_alike():
    rows = [asdict(c) for c in CLAIMS]
    assert [r["id"] for r in order_claims(rows)] == ORDER
    cli = claim_rows(CLAIMS, [], min_articles=1)  # `articles` is a count there
    assert [r["id"] for r in order_claims(cli)] == ORDER


def test_missing_grade_counts_as_cannot_be_judged():
    ungraded = {"id": "c_x", "text": "x", "articles": None, "independent_sources": None, "grade": None}
    assert claim_key(ungraded)[:3] == (6, 0, 0)
    assert order_claims([ungraded, asdict(CLAIMS[0])])[0]["id"] == "c_many_weak"
    assert grade_counts([ungraded, *CLAIMS]) == {1: 1, 3: 4, 5: 1, 6: 1}


ENTITIES = [
    Entity(id="ent_mayo", name="Ismael Zambada", kind="person", articles=["a1", "a2", "a3"]),
    Entity(id="ent_chapitos", name="Los Chapitos", kind="organization", articles=["a1", "a2"]),
    Entity(id="ent_culiacan", name="Culiacán", kind="place", articles=["a1", "a2", "a3"]),
    Entity(id="ent_once", name="José Pérez", kind="person", articles=["a3"]),
]


def test_co_mentions_people_and_groups_in_two_articles():
    pairs = co_mentions(ENTITIES)
    assert pairs == {("ent_chapitos", "ent_mayo"): ["a1", "a2"]}  # the place and a single article left out
    assert co_mentions(ENTITIES, min_articles=1)[("ent_mayo", "ent_once")] == ["a3"]
    assert ("ent_culiacan", "ent_mayo") in co_mentions(ENTITIES, kinds=None)


def test_co_mentions_of_rows_equal_those_of_records():
    rows = [asdict(e) for e in ENTITIES]
    assert co_mentions(rows) == co_mentions(ENTITIES)


def test_store_graph_and_web_share_the_rule(store):
    """`fuentes network --co-mentions` (store_graph) and the web network without relations agree."""
    from fastapi.testclient import TestClient
    from sqlalchemy import MetaData, Table

    from fuentes.network.store_graph import co_mentions as graph_pairs
    from fuentes.web import create_app

    entities = Table("entities", MetaData(), autoload_with=store.engine)
    with store.engine.begin() as conn:
        conn.execute(entities.insert(), [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": [], "roles": [],
                                          "articles": e.articles, "merged_from": []} for e in ENTITIES])
    assert graph_pairs(store) == [("ent_chapitos", "ent_mayo", 2)]
    with TestClient(create_app(store)) as client:
        net = client.get("/api/network").json()
    assert net["source"] == "co-mention"
    assert [(e["source"], e["target"], e["weight"], e["articles"]) for e in net["edges"]] == \
        [("ent_chapitos", "ent_mayo", 2, ["a1", "a2"])]
