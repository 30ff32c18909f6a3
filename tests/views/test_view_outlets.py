"""Outlets (originals vs copies, origin of, independent source of claims) and the bounded reads
the workbench lists with: the database's page is the CLI's order, cut."""

from __future__ import annotations

from fuentes.ingest.job import ingest_items
from fuentes.ingest.raw import RawDocument
from fuentes.model import Claim
from fuentes.store.analysis import list_entities, save_claims
from fuentes.store.articles import list_articles, update_provenance
from fuentes.store.schema import entities
from fuentes.store.views import claims_page, entities_page, json_has
from fuentes.views.claims import order_claims
from fuentes.views.outlets import outlet_page

TEXTS = {
    "orig": ("Agencia Sur", "La policía detuvo a tres sospechosos en Culiacán el martes por la noche."),
    "copy": ("Diario Norte", "La policía detuvo a tres sospechosos en Culiacán el martes por la noche. Con información de Agencia Sur."),
    "rewrite": ("Diario Norte", "Three suspects were detained by police in Culiacán on Tuesday night, Agencia Sur reported."),
    "own": ("Diario Norte", "The mayor of Culiacán opened a new hospital wing on Wednesday morning."),
    "other": ("Gaceta Ñuñoa", "Vecinos de Ñuñoa protestaron por el cierre de la estación de tren el jueves."),
}


def _store_articles(store) -> dict[str, str]:
    docs = [RawDocument(source=f"o/{key}.txt", format="text", data=text,
                        hints={"outlet": outlet, "title": key, "published": "2026-01-0" + str(i + 1)})
            for i, (key, (outlet, text)) in enumerate(TEXTS.items())]
    assert ingest_items(docs, store).stored == len(TEXTS)
    ids = {a.title: a.id for a in list_articles(store)}
    update_provenance(store, {ids["orig"]: ("original", "Agencia Sur"), ids["copy"]: ("syndicated", "Agencia Sur"),
                              ids["rewrite"]: ("rewrite", "Agencia Sur"), ids["own"]: ("original", "Diario Norte"),
                              ids["other"]: ("original", "Gaceta Ñuñoa")})
    return ids


def test_outlets_originals_copies_origin_and_claims(store):
    ids = _store_articles(store)
    found = [Claim(id="c1", text="Detuvieron a tres", articles=[ids["orig"], ids["copy"]], origins=["Agencia Sur"],
                   independent_sources=1, grade=3),
             Claim(id="c2", text="Protesta en Ñuñoa", articles=[ids["other"]], origins=["Gaceta Ñuñoa", "Agencia Sur"],
                   independent_sources=2, grade=2),
             Claim(id="c3", text="New hospital wing", articles=[ids["own"]], origins=["Diario Norte"],
                   independent_sources=1, grade=6)]
    save_claims(store, found, [])
    total, rows = outlet_page(store)
    assert total == 3
    by = {r["outlet"]: r for r in rows}
    assert [r["outlet"] for r in rows] == ["Diario Norte", "Agencia Sur", "Gaceta Ñuñoa"]  # most articles first
    assert (by["Diario Norte"]["originals"], by["Diario Norte"]["copies"], by["Diario Norte"]["articles"]) == (1, 2, 3)
    assert by["Diario Norte"]["copy_share"] == 0.667 and by["Agencia Sur"]["original_share"] == 1.0
    assert by["Agencia Sur"]["origin_of"] == 3 and by["Diario Norte"]["origin_of"] == 1  # copies trace to the wire
    assert by["Agencia Sur"]["claims_origin"] == 2 and by["Gaceta Ñuñoa"]["claims_origin"] == 1  # accents kept
    assert by["Diario Norte"]["claims_origin"] == 1
    total, page = outlet_page(store, limit=1, offset=1)
    assert total == 3 and [r["outlet"] for r in page] == ["Agencia Sur"]


def test_a_claims_page_is_the_cli_order_cut(store):
    rows = [Claim(id=f"c{i:02d}", text=f"claim {i % 4}", articles=[f"a{j}" for j in range(1 + i % 3)],
                  independent_sources=1 + i % 2, grade=1 + i % 3) for i in range(23)]
    save_claims(store, rows, [])  # the one writer of claims: their article links with them
    expected = [c.id for c in order_claims(rows)]
    got = [r["id"] for offset in range(0, 23, 5) for r in claims_page(store, limit=5, offset=offset)[1]]
    assert got == expected
    assert claims_page(store, grade=2)[0] == sum(1 for c in rows if c.grade == 2)
    assert [r["id"] for r in claims_page(store, article_id="a2")[1]] == [c for c in expected
                                                                      if int(c[1:]) % 3 == 2]


def test_an_entities_page_is_the_cli_order_cut(store):
    with store.engine.begin() as conn:
        conn.execute(entities.insert(), [{"id": f"ent_{i:03d}", "name": f"Nombre {(7 * i) % 11}", "kind": "person",
                                          "articles": [f"a{j}" for j in range(i % 4)], "aliases": [], "roles": []}
                                         for i in range(17)])
    expected = [r["id"] for r in list_entities(store)]
    got = [r["id"] for offset in range(0, 17, 4) for r in entities_page(store, limit=4, offset=offset)[1]]
    assert got == expected
    assert entities_page(store, limit=1)[1][0]["reach"] == 3


def test_json_lists_match_whole_values_only(store):
    with store.engine.begin() as conn:
        conn.execute(entities.insert(), [
            {"id": "e1", "name": "a", "kind": "person", "articles": ["art_1", "art_10"], "absorbed": ["ent_x"]},
            {"id": "e2", "name": "b", "kind": "person", "articles": ["artX1"], "absorbed": ["Ñandú"]}])
    with store.engine.connect() as conn:
        def hits(column, value):
            return sorted(conn.scalars(entities.select().with_only_columns(entities.c.id).where(json_has(column, value))))
        assert hits(entities.c.articles, "art_1") == ["e1"]  # "_" is not a wildcard, "art_1" is not "art_10"
        assert hits(entities.c.articles, "art") == []
        assert hits(entities.c.absorbed, "Ñandú") == ["e2"]
