"""Evidence on the workbench: entity, claim, event and relation pages (and their API) list the
sentences that support them, the span marked and linked to the reader, which opens on it.

Three stores: the hand-written fixture corpus, a store with one entity named thousands of
times, and the shipped examples run through the real pipeline (English and Spanish articles).
"""

from __future__ import annotations

import re
import time
from html import unescape

import pytest
from fastapi.testclient import TestClient

from fuentes.codecs import ENTITY
from fuentes.model import Entity, Evidence
from fuentes.web import create_app

LINK = re.compile(r"^/articles/(art_[0-9a-f]+)\?start=(\d+)&end=(\d+)#span$")


@pytest.fixture(scope="module")
def site(sqlite_corpus):
    store, ids = sqlite_corpus
    with TestClient(create_app(store)) as client:
        yield client, ids


def texts_of(client: TestClient):
    cache: dict[str, str] = {}

    def text(article: str) -> str:
        if article not in cache:
            cache[article] = client.get(f"/api/articles/{article}").json()["article"]["text"]
        return cache[article]

    return text


def items(evidence: dict) -> list[dict]:
    return [item for group in evidence["groups"] for item in group["spans"]]


def check_items(client: TestClient, evidence: dict) -> list[dict]:
    """Every listed span reads as the article's text at its offsets, inside its sentence, and links
    to the reader on that span."""
    text = texts_of(client)
    found = items(evidence)
    for item in found:
        body = text(item["article"])
        assert item["text"] == body[item["start"]:item["end"]]
        assert body[item["context_start"]:item["context_end"]] == item["before"] + item["text"] + item["after"]
        assert LINK.match(item["link"]).groups() == (item["article"], str(item["start"]), str(item["end"]))
    return found


def reader_target(html: str) -> str:
    """The text the reader marks as the followed evidence."""
    body = html[html.index('id="article-body"'):]
    parts = re.findall(r'<mark class="hl [^"]*\btarget\b[^"]*"[^>]*>(.*?)</mark>', body, re.S)
    return unescape("".join(re.sub(r"<[^>]+>", "", part) for part in parts))


def follow(client: TestClient, item: dict) -> str:
    """Open an evidence link: the reader marks exactly the span and anchors it for scrolling."""
    page = client.get(item["link"].split("#")[0])
    assert page.status_code == 200
    assert '<span id="span" class="span-anchor"></span>' in page.text
    assert reader_target(page.text) == item["text"]
    return page.text


# --- the fixture corpus ------------------------------------------------------------------------

def test_claim_lists_its_sentences_and_discrepancy_values(site):
    client, ids = site
    data = client.get("/api/claims/clm_arrests000000").json()
    assert data["claim"]["grade"] == 3 and data["claim"]["subject_ref"]["name"] == "Cartel del Golfo"
    spans = check_items(client, data["evidence"])
    assert {s["article"] for s in spans} == {ids["original"], ids["copy"], ids["rewrite"]}
    assert data["evidence"]["groups"][0]["article"]["id"] == ids["original"]  # the original report first
    assert data["evidence"]["groups"][0]["article"]["outlet"] == "Diario Norte"
    (disc,) = data["discrepancies"]
    values = {v["value"]: v for v in disc["values"]}
    assert [i["text"] for i in check_items(client, values["fifteen"]["evidence"])] == ["fifteen"]
    assert [i["text"] for i in check_items(client, values["twelve"]["evidence"])] == ["twelve", "twelve"]

    page = client.get("/claims/clm_arrests000000").text
    first = spans[0]
    assert f'<mark>{first["text"]}</mark>' in page
    assert f'href="/articles/{first["article"]}?start={first["start"]}&amp;end={first["end"]}#span"' in page
    assert "Diario Norte" in page and "2026-01-13" in page and 'id="discrepancies"' in page
    assert "<mark>fifteen</mark>" in page
    follow(client, first)
    board = client.get("/claims").text
    assert 'href="/claims/clm_arrests000000"' in board and 'href="/claims/clm_arrests000000#discrepancies"' in board
    assert client.get("/claims/clm_nothing").status_code == 404
    assert client.get("/api/claims/clm_nothing").status_code == 404


def test_event_and_relation_pages_and_their_links(site):
    client, ids = site
    event = client.get("/api/events/evt_arrest0000000").json()
    spans = check_items(client, event["evidence"])
    assert {s["text"] for s in spans} == {"arrested", "on Tuesday", "detained"}
    assert event["event"]["target_refs"][0]["name"] == "Cartel del Golfo"
    page = client.get("/events/evt_arrest0000000").text
    assert "<mark>arrested</mark>" in page and "<mark>on Tuesday</mark>" in page
    assert 'href="/events/evt_arrest0000000"' in client.get("/timeline").text
    assert 'href="/events/evt_arrest0000000"' in client.get("/entities/ent_golfo00000000").text

    relation = client.get("/api/relations/rel_leads00000000").json()
    spans = check_items(client, relation["evidence"])
    assert [s["article"] for s in spans] == [ids["original"], ids["rewrite"]]
    assert relation["relation"]["subject_ref"]["name"] == "Rafael Quintero"
    page = client.get("/relations/rel_leads00000000").text
    assert "<mark>the government would not negotiate with criminals</mark>" in page
    assert 'href="/relations/rel_leads00000000"' in client.get("/entities/ent_quintero00000").text
    follow(client, spans[1])
    for path in ("/events/evt_nothing", "/relations/rel_nothing", "/api/events/x", "/api/relations/x"):
        assert client.get(path).status_code == 404, path


def test_entity_evidence_grouped_by_article(site):
    client, ids = site
    profile = client.get("/api/entities/ent_quintero00000").json()
    evidence = profile["evidence"]
    assert evidence["total"] == 2 and evidence["articles"] == 2 and evidence["pages"] == 1
    spans = check_items(client, evidence)
    assert {s["text"] for s in spans} == {"Rafael Quintero"}
    page = client.get("/entities/ent_quintero00000").text
    assert "<mark>Rafael Quintero</mark>" in page and 'id="evidence"' in page
    follow(client, spans[0])


def test_reader_marks_the_followed_span(site):
    client, ids = site
    text = texts_of(client)(ids["original"])
    start = text.index("months of surveillance")
    end = start + len("months of surveillance")
    page = client.get(f"/articles/{ids['original']}", params={"start": start, "end": end}).text
    assert reader_target(page) == "months of surveillance"
    assert "<mark>months of surveillance</mark>" in page  # the sentence above the body, span marked
    api = client.get(f"/api/articles/{ids['original']}", params={"start": start, "end": end}).json()
    assert api["target"]["text"] == "months of surveillance"
    assert api["target"]["before"] == "The operation followed "
    outside = client.get(f"/articles/{ids['original']}", params={"start": 5, "end": 99999}).text
    assert "outside the article" in outside and 'id="span"' not in outside
    old_style = client.get(f"/articles/{ids['original']}", params={"span": f"{start}-{end}"}).text
    assert reader_target(old_style) == "months of surveillance"
    assert client.get(f"/articles/{ids['original']}", params={"start": -1, "end": 4}).status_code == 422


def test_article_shows_aligned_passages_of_its_derivations(site):
    client, ids = site
    copy = client.get(f"/articles/{ids['copy']}").text
    assert "2 aligned passages" in copy
    sentence = "Federal police arrested twelve suspects linked to the Cartel del Golfo in Reynosa on Tuesday"
    assert copy.count(f"<mark>{sentence}</mark>") == 2  # the source's span beside the copy's
    assert f'href="/articles/{ids["copy"]}?start=0&amp;end={len(sentence)}#span"' in copy
    original = client.get(f"/api/articles/{ids['original']}").json()
    (to_copy,) = [d for d in original["copied_by"] if d["target"] == ids["copy"]]
    pair = to_copy["aligned"][1]
    assert pair["source"]["text"] == pair["target"]["text"] == "The operation followed months"
    rewrite = client.get(f"/api/articles/{ids['rewrite']}").json()
    assert rewrite["derived_from"][0]["aligned"] == []  # nothing kept, nothing shown


# --- an entity named thousands of times ---------------------------------------------------------

NAMED = 40  # articles
PER = 100  # mentions of the name in each


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.raw import RawDocument
    from fuentes.store import open_store
    from fuentes.store.articles import list_articles
    from fuentes.store.schema import entities

    store = open_store(str(tmp_path_factory.mktemp("crowded") / "crowded.db"))
    sentence = "Witnesses said El Mencho was seen near the plaza on day {i}."
    docs = [RawDocument(source=f"crowd/{n}.txt", format="text",
                        data="\n\n".join(sentence.format(i=f"{n}-{i}") for i in range(PER)),
                        hints={"outlet": f"Outlet {n}", "title": f"Sighting report {n}",
                               "published": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", "language": "en"})
            for n in range(NAMED)]
    assert ingest_items(docs, store).stored == NAMED
    spans = []
    for article in list_articles(store, limit=NAMED):
        pos = -1
        while (pos := article.text.find("El Mencho", pos + 1)) != -1:
            spans.append(Evidence(article.id, pos, pos + len("El Mencho"), "entities", "1"))
    assert len(spans) == NAMED * PER
    entity = Entity(id="ent_mencho0000000", name="El Mencho", kind="person", aliases=["El Mencho"],
                    articles=sorted({s.article for s in spans}), evidence=spans)
    with store.engine.begin() as conn:
        conn.execute(entities.insert(), [ENTITY.to_row(entity)])
    with TestClient(create_app(store)) as client:
        yield client
    store.close()


def test_thousands_of_mentions_come_a_page_of_articles_at_a_time(crowded, monkeypatch):
    import fuentes.web.evidence as web_evidence

    read: list[list[str]] = []
    real = web_evidence.article_texts
    monkeypatch.setattr(web_evidence, "article_texts", lambda store, ids: read.append(list(ids)) or real(store, ids))
    began = time.perf_counter()
    evidence = crowded.get("/api/entities/ent_mencho0000000").json()["evidence"]
    assert time.perf_counter() - began < 5
    assert (evidence["total"], evidence["articles"], evidence["pages"]) == (NAMED * PER, NAMED, 4)
    assert len(evidence["groups"]) == 10 and read == [[g["article"]["id"] for g in evidence["groups"]]]
    for group in evidence["groups"]:
        assert group["count"] == PER and group["more"] == PER - 3 and len(group["spans"]) == 3
        assert all(s["text"] == "El Mencho" and s["before"] == "Witnesses said " for s in group["spans"])
    last = crowded.get("/api/entities/ent_mencho0000000", params={"page": 4}).json()["evidence"]
    assert last["page"] == 4 and len(last["groups"]) == 10
    assert not {g["article"]["id"] for g in last["groups"]} & {g["article"]["id"] for g in evidence["groups"]}
    page = crowded.get("/entities/ent_mencho0000000", params={"page": 2}).text
    assert page.count("<mark>El Mencho</mark>") == 30
    assert f"{PER - 3} more in this article" in page
    assert 'href="/entities/ent_mencho0000000?page=3#evidence"' in page
    assert 'href="/entities/ent_mencho0000000?page=1#evidence"' in page


# --- the shipped examples, through the real pipeline --------------------------------------------

@pytest.fixture(scope="module")
def examples(examples_db):
    with TestClient(create_app(str(examples_db))) as client:
        yield client


@pytest.mark.models
def test_examples_every_kind_of_record_shows_its_evidence(examples):
    client = examples
    entity = client.get("/api/entities", params={"limit": 1}).json()["entities"][0]
    claim = client.get("/api/claims").json()["claims"][0]
    event = client.get("/api/timeline").json()["events"][0]
    relation = next(e for e in client.get("/api/network").json()["edges"] if e["id"])
    for path in (f"/entities/{entity['id']}", f"/claims/{claim['id']}", f"/events/{event['id']}",
                 f"/relations/{relation['id']}"):
        data = client.get("/api" + path).json()
        spans = check_items(client, data["evidence"])
        assert spans, path
        page = client.get(path).text
        assert page.count("<mark>") >= 1, path
        assert spans[0]["link"].replace("&", "&amp;") in page, path
        follow(client, spans[0])


@pytest.mark.models
def test_examples_spanish_evidence(examples):
    client = examples
    spanish = {a["id"] for a in client.get("/api/articles", params={"limit": 500}).json()["articles"]
               if a["language"] == "es"}
    assert spanish
    found = None
    for event in client.get("/api/timeline").json()["events"]:
        if not set(event["articles"]) & spanish:
            continue
        data = client.get(f"/api/events/{event['id']}").json()
        hits = [s for s in check_items(client, data["evidence"]) if s["article"] in spanish]
        if hits:
            found = (event["id"], hits[0], data)
            break
    assert found, "an event read from a Spanish article"
    eid, item, data = found
    group = next(g for g in data["evidence"]["groups"] if g["article"]["id"] == item["article"])
    assert group["article"]["language"] == "es" and group["article"]["outlet"]
    assert (item["text"] + item["after"]).rstrip().endswith((".", "?", "!", "»", "”", '"')) or item["cut_after"]
    page = client.get(f"/events/{eid}").text
    assert f"<mark>{item['text']}</mark>" in unescape(page)
    reader = follow(client, item)
    assert 'id="followed"' in reader
    claims = client.get("/api/claims").json()["claims"]
    spanish_claim = next(c for c in claims if set(c["articles"]) <= spanish)
    spans = check_items(client, client.get(f"/api/claims/{spanish_claim['id']}").json()["evidence"])
    assert spans and all(s["article"] in spanish for s in spans)
    follow(client, spans[0])
