"""The JSON API on both back ends (SQLite and PostgreSQL), over a real ingested corpus."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from fuentes.web import create_app

TOKEN = "t0ken-for-tests"


@pytest.fixture
def corpus(store, corpus_builder):
    ids = corpus_builder(store)
    with TestClient(create_app(store, token=TOKEN)) as client:
        yield client, ids


def test_articles_stories_and_provenance(corpus):
    client, ids = corpus
    status = client.get("/api/status").json()
    assert status["articles"] == 5 and status["writable"] is True
    assert status["capabilities"]["claims"] and status["capabilities"]["relations"]
    listed = client.get("/api/articles", params={"limit": 2}).json()
    assert listed["total"] == 5 and len(listed["articles"]) == 2
    assert listed["articles"][0]["published"] == "2026-02-01"  # newest first

    article = client.get(f"/api/articles/{ids['copy']}").json()
    assert article["article"]["outlet"] == "Wire Copy"
    assert [d["source"] for d in article["derived_from"]] == [ids["original"]]
    assert article["sources"] == ["fixture/copy.txt"]

    original = client.get(f"/api/articles/{ids['original']}").json()
    kinds = {s["kind"] for s in original["spans"]}
    assert {"entity", "quote", "claim"} <= kinds
    entity_span = next(s for s in original["spans"] if s["kind"] == "entity" and "PERSON" in s["title"])
    text = original["article"]["text"]
    assert text[entity_span["start"]:entity_span["end"]] == "Rafael Quintero"
    assert entity_span["link"] == "/entities/ent_quintero00000"

    stories = client.get("/api/stories").json()
    assert stories["grouping"] == "stories"
    assert stories["stories"][0]["id"] == "sty_reynosa000000"
    story = client.get("/api/stories/sty_reynosa000000").json()
    assert story["independent_sources"] == 1 and len(story["articles"]) == 3
    tree = {n["id"]: n for n in story["tree"]["nodes"]}
    assert tree[ids["original"]]["y"] < tree[ids["copy"]]["y"]  # the original sits above its copies
    assert {e["kind"] for e in story["tree"]["edges"]} == {"syndicated", "rewrite"}

    provenance = client.get("/api/provenance").json()
    assert provenance["total"] == 5 and len(provenance["articles"]) == 5 and provenance["next"] is None
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/articles/art_missing").status_code == 404


def test_entity_profile_links_every_item_to_evidence(corpus):
    client, ids = corpus
    profile = client.get("/api/entities/Rafael Quintero").json()  # by name, as the CLI accepts
    assert profile["entity"]["id"] == "ent_quintero00000"
    assert profile["quotes"][0]["article_id"] == ids["original"]
    assert {g["article"]["id"] for g in profile["evidence"]["groups"]} == {ids["original"], ids["rewrite"]}
    assert [r["predicate"] for r in profile["relations"]] == ["opposes"]
    assert profile["relations"][0]["object_name"] == "Cartel del Golfo"
    assert profile["watchlist_hits"][0]["caption"] == "Rafael Quintero Test"
    assert profile["missing"] == {}
    neighbours = {n["id"] for n in profile["neighbours"]["nodes"]}
    assert "ent_golfo00000000" in neighbours
    group = client.get("/api/entities/ent_golfo00000000").json()
    assert [e["event_type"] for e in group["events"]] == ["arrest"]
    assert client.get("/api/entities").json()["total"] == 3
    assert client.get("/api/entities/nobody").status_code == 404
    quotes = client.get("/api/quotes", params={"entity": "ent_quintero00000"}).json()
    assert [q["id"] for q in quotes["quotes"]] == ["quo_negotiate0000"] and quotes["total"] == 1


def test_claims_timeline_network(corpus):
    client, ids = corpus
    board = client.get("/api/claims").json()
    assert board["claims"][0]["id"] == "clm_arrests000000"  # best grade first
    assert board["discrepancies"][0]["versions"][1]["value"] == "fifteen"
    assert [a["id"] for a in board["discrepancies"][0]["versions"][1]["article_meta"]] == [ids["rewrite"]]
    events = client.get("/api/timeline").json()["events"]
    assert [e["date"] for e in events] == ["2025-11", "2026-01-13"]
    assert events[1]["target_names"] == [["ent_golfo00000000", "Cartel del Golfo"]]
    only = client.get("/api/timeline", params={"entity": "ent_golfo00000000"}).json()["events"]
    assert [e["id"] for e in only] == ["evt_arrest0000000"]
    typed = client.get("/api/timeline", params={"type": "arrest"}).json()["events"]  # as `--type arrest`
    assert [e["id"] for e in typed] == ["evt_arrest0000000"]
    assert [e["id"] for e in client.get("/api/timeline", params={"place": "Veracruz"}).json()["events"]] == \
        ["evt_march00000000"]
    net = client.get("/api/network").json()
    assert net["source"] == "relations" and net["predicates"] == ["opposes"]
    assert net["edges"][0]["start"] == "2025"


def test_search_and_export(corpus):
    client, ids = corpus
    found = client.get("/api/search", params={"q": "warehouses"}).json()
    assert [r["id"] for r in found["articles"]] == [ids["original"], ids["copy"]] or \
        {r["id"] for r in found["articles"]} == {ids["original"], ids["copy"], ids["rewrite"]}
    hit = [p["text"] for r in found["articles"] for p in r["snippet"] if p["hit"]]
    assert hit and all(h.lower().startswith("warehouse") for h in hit)
    names = client.get("/api/search", params={"q": "quintero"}).json()["entities"]
    assert [e["id"] for e in names] == ["ent_quintero00000"]
    for hostile in ("'; DROP TABLE articles; --", '"unbalanced', "NEAR(a b", "*", "a OR", "ü' OR 1=1 --"):
        response = client.get("/api/search", params={"q": hostile})
        assert response.status_code == 200, hostile
    assert client.get("/api/status").json()["articles"] == 5
    lines = [json.loads(line) for line in client.get("/api/export.jsonl").text.splitlines()]
    assert sum(1 for r in lines if r["type"] == "article") == 5


def test_upload_with_progress_then_searchable(corpus, wait_job):
    client, ids = corpus
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = "\n".join(json.dumps({"text": f"Marines seized a narco submarine number {i} off the coast of Nariño.\n\n"
                                         f"The vessel carried {i} tonnes of cargo.", "outlet": "Costa Hoy",
                                 "title": f"Submarine {i}"}) for i in range(3))
    job = client.post("/api/ingest/upload", headers=auth,
                      files={"file": ("../../etc/subs.jsonl", body.encode(), "application/x-ndjson")}).json()
    job = wait_job(client, job)
    assert job["state"] == "done" and job["stored"] == 3 and job["progress"] == 1.0
    assert job["label"] == "subs.jsonl"  # the sent path is reduced to a label
    assert client.get("/api/status").json()["articles"] == 8
    found = client.get("/api/search", params={"q": "submarine"}).json()["articles"]
    assert len(found) == 3
    article = client.get(f"/api/articles/{found[0]['id']}").json()
    assert article["article"]["source"].startswith("upload:subs.jsonl#line")


def test_degrades_without_optional_layers(store, corpus_builder):
    corpus_builder(store, analysed=False)
    with TestClient(create_app(store)) as client:
        assert client.get("/api/stories").json()["grouping"] == "derivations"
        board = client.get("/api/claims").json()
        assert board["claims"] == [] and "claims" in board["missing"]
        assert "events" in client.get("/api/timeline").json()["missing"]
        assert client.get("/api/network").json()["source"] == "co-mention"
        assert client.post("/api/ingest/url", json={"url": "http://127.0.0.1/"}).status_code == 403


def test_serves_while_an_ingest_runs(tmp_path, corpus_builder):
    """A real `fuentes ingest` process writes while the API keeps answering (SQLite WAL)."""
    from fuentes.store import open_store

    db = tmp_path / "busy.db"
    store = open_store(str(db))
    corpus_builder(store, analysed=False)
    feed = tmp_path / "many.jsonl"
    feed.write_text("\n".join(json.dumps({"text": f"Report {i}: customs agents inspected container {i} at the port "
                                                  f"of Manzanillo and found nothing unusual.", "outlet": "Aduana"})
                              for i in range(400)), encoding="utf-8")
    client = TestClient(create_app(store))
    writer = subprocess.Popen([sys.executable, "-m", "fuentes.cli", "ingest", str(feed), "--db", str(db),
                               "--batch-size", "20", "--workers", "1", "--no-progress"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    answered, counts = [], []
    try:
        while writer.poll() is None and len(answered) < 400:
            started = time.monotonic()
            response = client.get("/api/articles", params={"limit": 5})
            answered.append((response.status_code, time.monotonic() - started))
            counts.append(response.json()["total"])
    finally:
        writer.wait(timeout=60)
    assert writer.returncode == 0, writer.stderr.read().decode()
    assert answered and all(code == 200 for code, _ in answered)
    assert max(seconds for _, seconds in answered) < 5
    assert client.get("/api/status").json()["articles"] == 405
    assert client.get("/api/search", params={"q": "manzanillo"}).json()["articles"]  # indexed by the trigger
    assert counts == sorted(counts)
    store.close()
