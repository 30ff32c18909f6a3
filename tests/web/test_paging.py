"""Every list of the workbench comes a page at a time, cut by the database: totals, next/prev
links that lead through every item once, a hard cap on `limit`, profiles whose sub-lists are
bounded, and a 400 (never a 500) for a page or limit that is not a number."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from fuentes.ingest.job import ingest_items
from fuentes.ingest.raw import RawDocument
from fuentes.store import open_store
from fuentes.store.articles import list_articles
from fuentes.store.schema import (
    claim_articles,
    claims,
    derivations,
    entities,
    events,
    local_entities,
    quotes,
    relations,
    stories,
)
from fuentes.web import create_app
from fuentes.web.paging import MAX_LIMIT

ARTICLES = 60
ENTITIES = 260  # more than the cap of one page
NAME = "Ovidio Guzmán"
SENTENCE = "Soldiers said Ovidio Guzmán was moved to a prison in Sinaloa on day {i}."
FRASE = "Los soldados dijeron que Ovidio Guzmán fue trasladado a un penal de Sinaloa el día {i}."


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("many") / "many.db"))
    docs = [RawDocument(source=f"many/{n}.txt", format="text",
                        data="\n\n".join((SENTENCE if n % 2 else FRASE).format(i=f"{n}-{i}") for i in range(6)),
                        hints={"outlet": f"Outlet {n % 7}", "title": f"Report {n}", "language": "es" if n % 2 == 0 else "en",
                               "published": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"})
            for n in range(ARTICLES)]
    assert ingest_items(docs, store).stored == ARTICLES
    arts = list_articles(store)
    ids = [a.id for a in arts]
    with store.engine.begin() as conn:
        conn.execute(entities.insert(), [
            {"id": f"ent_{i:012d}", "name": f"Person {i:03d}", "kind": "person" if i % 3 else "organization",
             "aliases": [f"P{i}"], "roles": [], "articles": ids[:1 + i % 9], "merged_from": [], "merge_evidence": [],
             "evidence": [], "absorbed": []} for i in range(ENTITIES - 1)]
            + [{"id": "ent_ovidio000000", "name": NAME, "kind": "person", "aliases": [NAME, "El Ratón"], "roles": [],
                "articles": ids, "merged_from": [f"{a}#e1" for a in ids], "merge_evidence": [], "evidence": [],
                "absorbed": []}])
        local = []
        for a in arts:
            spans, pos = [], -1
            while (pos := a.text.find(NAME, pos + 1)) != -1:
                spans.append({"article": a.id, "start": pos, "end": pos + len(NAME), "extractor": "entities@1"})
            local.append({"article_id": a.id, "key": "e1", "name": NAME, "kind": "person", "aliases": [NAME],
                          "roles": [], "evidence": spans, "entity_id": "ent_ovidio000000"})
        conn.execute(local_entities.insert(), local)
        conn.execute(quotes.insert(), [
            {"id": f"quo_{i:012d}", "article_id": ids[i % ARTICLES], "text": f"We moved him, number {i}", "start": 0,
             "end": 10, "direct": True, "speaker_name": NAME, "speaker": "ent_ovidio000000" if i % 2 else None,
             "evidence": []} for i in range(120)])
        conn.execute(claims.insert(), [
            {"id": f"clm_{i:012d}", "text": f"Claim number {i:03d}", "articles": ids[:1 + i % 5],
             "origins": [f"Outlet {i % 7}"], "independent_sources": 1 + i % 3, "grade": 1 + i % 6, "evidence": []}
            for i in range(130)])
        conn.execute(claim_articles.insert(), [{"article_id": a, "claim_id": f"clm_{i:012d}"}
                                               for i in range(130) for a in ids[:1 + i % 5]])
        conn.execute(events.insert(), [
            {"id": f"evt_{i:012d}", "event_type": "arrest", "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
             "actors": ["ent_ovidio000000"] if i % 4 == 0 else [], "targets": [], "place": "Sinaloa",
             "articles": ids[i % ARTICLES:i % ARTICLES + 2], "independent_sources": 1, "evidence": []}
            for i in range(80)])
        conn.execute(relations.insert(), [
            {"id": f"rel_{i:012d}", "subject": "ent_ovidio000000" if i % 2 else f"ent_{i:012d}", "predicate": "member_of",
             "object": f"ent_{i + 1:012d}", "articles": ids[:2], "independent_sources": 1 + i % 2, "allegation": False,
             "evidence": []} for i in range(70)])
        conn.execute(stories.insert(), [{"id": f"sty_{i:012d}", "title": f"Story {i}", "articles": ids[i:i + 1 + i % 4]}
                                        for i in range(55)])
        conn.execute(derivations.insert(), [{"source": ids[i], "target": ids[i + 1], "kind": "syndicated", "score": 0.9,
                                             "evidence": []} for i in range(0, 40, 2)])
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield client, ids
    store.close()


LISTS = [("/api/articles", "articles", ARTICLES), ("/api/entities", "entities", ENTITIES),
         ("/api/claims", "claims", 130), ("/api/quotes", "quotes", 120), ("/api/provenance", "articles", ARTICLES),
         ("/api/stories", "stories", 55), ("/api/timeline", "events", 80), ("/api/relations", "relations", 70),
         ("/api/outlets", "outlets", 7), ("/api/quotes?entity=ent_ovidio000000", "quotes", 60),
         ("/api/timeline?entity=ent_ovidio000000", "events", 20), ("/api/relations?entity=ent_ovidio000000", "relations", 35),
         ("/api/entities?kind=organization", "entities", 87), ("/api/claims?grade=2", "claims", 22)]


@pytest.mark.parametrize("path, key, total", LISTS)
def test_next_links_lead_through_every_item_once(many, path, key, total):
    client, _ = many
    seen, url, pages = [], path + ("&" if "?" in path else "?") + "limit=13", 0
    while url:
        data = client.get(url).json()
        assert data["total"] == total and data["limit"] == 13 and len(data[key]) <= 13
        seen += [item.get("id") or item.get("outlet") for item in data[key]]
        url, pages = data["next"], pages + 1
        assert pages <= total // 13 + 1
    assert len(seen) == total and len(set(seen)) == total
    assert pages == -(-total // 13)


@pytest.mark.parametrize("path, key, total", LISTS[:9])
def test_the_last_page_and_a_page_beyond(many, path, key, total):
    client, _ = many
    last = -(-total // 10)
    data = client.get(path, params={"limit": 10, "page": last}).json()
    assert len(data[key]) == total - 10 * (last - 1) and data["next"] is None and data["pages"] == last
    assert last == 1 and data["prev"] is None or client.get(data["prev"]).json()["page"] == last - 1
    beyond = client.get(path, params={"limit": 10, "page": last + 5})
    assert beyond.status_code == 200 and beyond.json()[key] == [] and beyond.json()["next"] is None


@pytest.mark.parametrize("limit", [10 ** 9, 10 ** 25, MAX_LIMIT + 1])
def test_a_huge_limit_is_capped(many, limit):
    client, _ = many
    data = client.get("/api/entities", params={"limit": limit}).json()
    assert data["limit"] == MAX_LIMIT and len(data["entities"]) == MAX_LIMIT and data["total"] == ENTITIES
    assert data["next"].endswith(f"limit={limit}&page=2")
    assert len(client.get(data["next"]).json()["entities"]) == ENTITIES - MAX_LIMIT
    page = client.get("/entities", params={"limit": limit})
    assert page.status_code == 200 and page.text.count('<tr><td><a href="/entities/') == MAX_LIMIT


HOSTILE = ["page=-1", "page=0", "page=abc", "page=1.5", "page=%00", "page=99999999999999999999999",
           "limit=-5", "limit=0", "limit=ten", "limit=1e3", "offset=-1", "offset=x", "offset=10000000000000000000"]
ROUTES = ["/api/articles", "/api/entities", "/api/claims", "/api/quotes", "/api/provenance", "/api/outlets",
          "/api/stories", "/api/timeline", "/api/relations", "/api/rejections", "/api/search?q=Sinaloa",
          "/", "/articles", "/entities", "/claims", "/quotes", "/outlets", "/provenance", "/timeline", "/relations",
          "/search?q=Sinaloa", "/entities/ent_ovidio000000", "/api/entities/ent_ovidio000000", "/stories/sty_000000000001"]


@pytest.mark.parametrize("route", ROUTES)
def test_hostile_paging_is_a_400_with_the_reason(many, route):
    client, _ = many
    takes_offset = route.startswith("/api/") and not route.startswith("/api/entities/")
    for param in HOSTILE:
        if param.startswith("offset") and not takes_offset:
            continue
        response = client.get(route + ("&" if "?" in route else "?") + param)
        assert response.status_code == 400, (route, param, response.status_code, response.text[:200])
        assert param.split("=")[0] in response.json()["detail"]
        assert response.headers["x-content-type-options"] == "nosniff"


def test_a_profile_with_many_mentions_is_bounded(many):
    client, ids = many
    data = client.get("/api/entities/ent_ovidio000000").json()
    assert data["lists"]["articles"]["total"] == ARTICLES and len(data["articles"]) == 20
    assert data["entity"]["articles_total"] == ARTICLES and len(data["entity"]["articles"]) == 20
    assert data["entity"]["merged_from_total"] == ARTICLES and "merged_from" not in data["entity"]
    assert [a["published"] for a in data["articles"]] == sorted((a["published"] for a in data["articles"]), reverse=True)
    evidence = data["evidence"]
    assert (evidence["articles"], evidence["total"], evidence["pages"]) == (ARTICLES, 6 * ARTICLES, 6)
    assert len(evidence["groups"]) == 10 and all(len(g["spans"]) == 3 and g["more"] == 3 for g in evidence["groups"])
    assert all(s["text"] == NAME for g in evidence["groups"] for s in g["spans"])
    quotes = data["lists"]["quotes"]
    assert (quotes["total"], quotes["shown"], quotes["more"]) == (60, 20, 40) and len(data["quotes"]) == 20
    assert client.get(quotes["link"]).status_code == 200
    assert client.get("/api" + quotes["link"]).json()["total"] == 60
    assert data["lists"]["relations"]["total"] == 35 and len(data["relations"]) == 20
    assert client.get("/api" + data["lists"]["relations"]["link"]).json()["total"] == 35
    assert data["lists"]["events"]["total"] == 20
    # every page of the evidence, each article once, in evidence order (originals first, then by date)
    pages = [client.get("/api/entities/ent_ovidio000000", params={"page": p}).json()["evidence"] for p in range(1, 7)]
    shown = [g["article"]["id"] for ev in pages for g in ev["groups"]]
    assert sorted(shown) == sorted(ids) and len(set(shown)) == ARTICLES
    page = client.get("/entities/ent_ovidio000000")
    assert page.status_code == 200 and "40 more quotes" in page.text and 'href="/quotes?entity=ent_ovidio000000"' in page.text
    assert len(page.content) < 200_000


def test_spanish_mentions_are_shown_like_english_ones(many):
    client, _ = many
    groups = client.get("/api/entities/ent_ovidio000000").json()["evidence"]["groups"]
    spanish = [g for g in groups if g["article"]["language"] == "es"]
    assert spanish and all(s["before"].endswith("Los soldados dijeron que ") for g in spanish for s in g["spans"])


def test_html_pages_link_to_the_next_page(many):
    client, _ = many
    for path in ("/entities", "/claims", "/quotes", "/provenance", "/timeline", "/relations", "/articles", "/"):
        page = client.get(path, params={"limit": 10})
        assert page.status_code == 200, path
        assert 'rel="next"' in page.text, path
        link = page.text.split('rel="next" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
        follow = client.get(link)
        assert follow.status_code == 200 and 'rel="prev"' in follow.text, path


def test_the_new_pages(many):
    client, _ = many
    outlets = client.get("/outlets").text
    assert "Outlet 3" in outlets and "independent source of claims" in outlets
    rows = client.get("/api/outlets").json()["outlets"]
    assert sum(r["articles"] for r in rows) == ARTICLES
    assert {r["outlet"]: r["claims_origin"] for r in rows}["Outlet 0"] == 19  # claims 0, 7, ..., 126
    provenance = client.get("/provenance", params={"outlet": "Outlet 1"}).text
    assert provenance.count('<a class="art"') == len([n for n in range(ARTICLES) if n % 7 == 1])
    assert "syndicated of" in client.get("/provenance").text
    quotes = client.get("/quotes", params={"entity": NAME}).text  # a name finds the speaker
    assert "We moved him" in quotes and 'href="/entities/ent_ovidio000000"' in quotes


def test_the_network_is_bounded_by_degree(many):
    client, _ = many
    net = client.get("/api/network", params={"limit": 5}).json()
    assert len(net["nodes"]) == 5 and net["nodes"][0]["id"] == "ent_ovidio000000"  # most relations first
    assert net["limit"] == 5 and net["total_nodes"] == ENTITIES
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert len(client.get("/api/network", params={"limit": 10 ** 9}).json()["nodes"]) == 500 or \
        len(client.get("/api/network", params={"limit": 10 ** 9}).json()["nodes"]) == ENTITIES
    assert 'value="7"' in client.get("/network", params={"limit": 7}).text


def test_a_story_page_is_paged(many):
    client, _ = many
    data = client.get("/api/stories/sty_000000000003", params={"limit": 2}).json()
    assert data["size"] == 4 and len(data["articles"]) == 2 and data["paging"]["next"]
    assert len(client.get(data["paging"]["next"]).json()["articles"]) == 2


def test_the_discrepancies_have_their_own_page(many):
    client, _ = many
    for route in ("/claims", "/api/claims"):
        for bad in ("abc", "0", "-2", "1" * 40):
            response = client.get(route, params={"dpage": bad})
            assert response.status_code == 400 and "dpage" in response.json()["detail"], (route, bad)
    data = client.get("/api/claims", params={"dpage": 3, "page": 2}).json()
    assert data["page"] == 2 and data["discrepancies_paging"]["page"] == 3
