"""Analysts' merges and splits from the workbench (API and the profile's form), on both back ends."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select

from fuentes.corpus.entity_decisions import entity_of, refresh_entities
from fuentes.ingest.job import ingest_items
from fuentes.ingest.raw import RawDocument
from fuentes.store.articles import list_articles
from fuentes.store.schema import entity_decisions, local_entities, relations
from fuentes.web import create_app

TOKEN = "decisions-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# article -> local entities (key, name, kind): "Quintero" alone joins Rafael Quintero automatically
LOCALS = {
    "a": [("e1", "Rafael Quintero", "person"), ("e2", "Cartel del Golfo", "organization")],
    "b": [("e1", "Rafael Quintero", "person"), ("e2", "Quintero", "person")],
    "c": [("e1", "El Jefe", "person")],
}


@pytest.fixture
def site(store):
    items = [RawDocument(source=f"fixture/{art}.txt", format="text", hints={"outlet": f"Outlet {art}"},
                         data=f"Report {art}: " + " and ".join(n for _, n, _ in ents) + " were named in court.")
             for art, ents in LOCALS.items()]
    ingest_items(items, store)
    ids = {a.source[8:9]: a.id for a in list_articles(store)}
    with store.engine.begin() as conn:
        conn.execute(insert(local_entities), [
            {"article_id": ids[art], "key": key, "name": name, "kind": kind, "aliases": [name], "roles": [],
             "evidence": [[10, 10 + len(name)]]} for art, ents in LOCALS.items() for key, name, kind in ents])
    refresh_entities(store)  # the entity part of the analysis, as `fuentes analyse` runs it
    jefe, golfo = entity_of(store, "El Jefe")["id"], entity_of(store, "Cartel del Golfo")["id"]
    with store.engine.begin() as conn:
        conn.execute(insert(relations), [{"id": "rel_jefe", "subject": jefe, "predicate": "leader_of",
                                          "object": golfo, "articles": [ids["c"]], "independent_sources": 1,
                                          "allegation": False}])
    with TestClient(create_app(store, token=TOKEN, token_label="desk-1")) as client:
        yield client, store


def decisions_count(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(entity_decisions)).scalar_one()


def test_writing_decisions_needs_the_token(site, store):
    client, _ = site
    body = {"first": "El Jefe", "second": "Rafael Quintero"}
    for path in ("/api/entities/merge", "/api/entities/split"):
        assert client.post(path, json=body).status_code == 401
        assert client.post(path, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.post(path, json=body, headers={"Authorization": TOKEN}).status_code == 401  # no scheme
    jefe = entity_of(store, "El Jefe")["id"]
    page = client.post(f"/entities/{jefe}/merge", data={"other": "Rafael Quintero", "token": "wrong"})
    assert page.status_code == 401 and "valid access token" in page.text
    page = client.post(f"/entities/{jefe}/merge", data={"other": "Rafael Quintero"})  # a forged cross-site post
    assert page.status_code == 401
    with TestClient(create_app(store, token="")) as readonly:
        assert readonly.post("/api/entities/merge", json=body, headers=AUTH).status_code == 403
        assert readonly.post(f"/entities/{jefe}/merge", data={"other": "x", "token": ""}).status_code == 403
        assert "read-only" in readonly.get(f"/entities/{jefe}").text
    assert decisions_count(store) == 0
    assert entity_of(store, "El Jefe")["id"] != entity_of(store, "Rafael Quintero")["id"]


def test_api_merge_shows_at_once_and_follows_relations(site, store):
    client, _ = site
    old_jefe = entity_of(store, "El Jefe")["id"]
    done = client.post("/api/entities/merge", headers=AUTH,
                       json={"first": old_jefe, "second": "rafael quintero", "note": "same man, per court file"})
    assert done.status_code == 200, done.text
    result = done.json()
    assert result["applied"] is True and result["notes"] == []
    assert result["decision"]["who"] == "web:desk-1" and result["decision"]["first"] == "El Jefe"
    merged = result["entities"][0]
    assert merged["name"] == "Rafael Quintero" and result["entities"][1]["id"] == merged["id"]
    profile = client.get(f"/api/entities/{merged['id']}").json()
    assert "El Jefe" in profile["entity"]["aliases"]
    assert any(line.endswith("analyst: same man, per court file") for line in profile["entity"]["merge_evidence"])
    assert [r["predicate"] for r in profile["relations"]] == ["leader_of"]  # the relation followed the merge
    # ids are stable: the merged entity kept one of the two ids; the other still leads to it
    assert old_jefe in [merged["id"], *profile["entity"]["absorbed"]]
    assert client.get(f"/api/entities/{old_jefe}").json()["entity"]["id"] == merged["id"]
    refresh_entities(store)  # what every later analysis does: the decision is applied again
    assert entity_of(store, "El Jefe")["id"] == merged["id"]


def test_api_split_undoes_an_automatic_merge(site, store):
    client, _ = site
    assert entity_of(store, "Quintero")["id"] == entity_of(store, "Rafael Quintero")["id"]
    done = client.post("/api/entities/split", headers=AUTH, json={"first": "Rafael Quintero", "second": "Quintero"})
    assert done.status_code == 200 and done.json()["applied"] is True
    assert entity_of(store, "Quintero")["id"] != entity_of(store, "Rafael Quintero")["id"]
    refused = client.post("/api/entities/merge", headers=AUTH, json={"first": "Nobody Here", "second": "Quintero"})
    assert refused.status_code == 422 and "no entity is named 'Nobody Here'" in refused.json()["detail"]
    clash = client.post("/api/entities/merge", headers=AUTH, json={"first": "El Jefe", "second": "Quintero"}).json()
    assert clash["applied"] is True  # nothing kept El Jefe and Quintero apart
    blocked = client.post("/api/entities/merge", headers=AUTH,
                          json={"first": "El Jefe", "second": "Rafael Quintero"}).json()
    assert blocked["applied"] is False and "kept apart by a split" in blocked["notes"][0]


def test_profile_form_merges_with_the_token(site, store):
    client, _ = site
    jefe = entity_of(store, "El Jefe")["id"]
    page = client.get(f"/entities/{jefe}").text
    assert 'id="merge-form"' in page and 'name="token"' in page and '<option value="Rafael Quintero">' in page
    assert '<script src="/static/token.js"' in page
    missing = client.post(f"/entities/{jefe}/merge", data={"other": "<b>Nobody</b>", "token": TOKEN})
    assert missing.status_code == 422 and "&lt;b&gt;Nobody&lt;/b&gt;" in missing.text
    done = client.post(f"/entities/{jefe}/merge", data={"other": "Rafael Quintero", "note": "seen together",
                                                        "token": TOKEN}, follow_redirects=False)
    assert done.status_code == 303
    merged = client.get(done.headers["location"])
    assert merged.status_code == 200 and "analyst: seen together" in merged.text
    assert entity_of(store, "El Jefe")["id"] == entity_of(store, "Rafael Quintero")["id"]
    assert decisions_count(store) == 1
