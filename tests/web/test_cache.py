"""The workbench's response cache: a page is reused only while the store is unchanged, whoever
changed it, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from fuentes.ingest.job import ingest_items
from fuentes.ingest.raw import RawDocument
from fuentes.store import open_store
from fuentes.store.version import DataVersion
from fuentes.web.app import create_app

TEXT = ("Federal police arrested twelve suspects in Reynosa on Tuesday, officials said. The operation "
        "followed months of surveillance of warehouses near the border crossing.")
OTHER = ("Harbour workers in Veracruz marched on Friday to demand higher wages and safer shifts. The union "
         "said the protest would continue until talks resume with the port authority.")


def _ingest(store, source: str, text: str) -> None:
    ingest_items([RawDocument(source=source, data=text, format="text",
                              hints={"outlet": "Diario Norte", "language": "en"})], store, budget=None)


def _hit(response) -> bool:
    return response.headers.get("x-fuentes-cache") == "hit"


def test_a_page_is_reused_until_another_connection_writes(store, store_url):
    _ingest(store, "a.txt", TEXT)
    client = TestClient(create_app(store))
    first = client.get("/api/articles")
    again = client.get("/api/articles")
    assert first.status_code == again.status_code == 200
    assert not _hit(first) and _hit(again) and again.json() == first.json()
    assert again.headers["content-security-policy"]  # hits carry the security headers too
    writer = open_store(store_url)  # another connection, as an ingest in another process would be
    try:
        _ingest(writer, "b.txt", OTHER)
    finally:
        writer.close()
    after = client.get("/api/articles")
    assert not _hit(after)
    assert after.json()["total"] == first.json()["total"] + 1


def test_the_data_version_changes_with_every_commit_and_only_then(store):
    version = DataVersion(store)
    try:
        before = version.current()
        assert before is not None
        assert version.current() == before  # reading changes nothing
        _ingest(store, "a.txt", TEXT)
        assert version.current() != before
    finally:
        version.close()


def test_requests_with_credentials_and_job_routes_are_never_cached(store):
    _ingest(store, "a.txt", TEXT)
    client = TestClient(create_app(store, token="s3cret"))
    for _ in range(2):
        assert not _hit(client.get("/api/articles", headers={"Authorization": "Bearer s3cret"}))
        assert not _hit(client.get("/api/status"))
        assert not _hit(client.get("/api/jobs"))


def test_errors_are_not_cached_and_query_strings_are_told_apart(store):
    _ingest(store, "a.txt", TEXT)
    _ingest(store, "b.txt", OTHER)
    client = TestClient(create_app(store))
    for _ in range(2):
        assert not _hit(client.get("/entities/no-such-entity"))
    one, two = client.get("/api/articles?limit=1"), client.get("/api/articles?limit=2")
    assert len(one.json()["articles"]) == 1 and len(two.json()["articles"]) == 2


def test_cache_off_and_bounded(store):
    _ingest(store, "a.txt", TEXT)
    client = TestClient(create_app(store, cache_mb=0))
    client.get("/api/articles")
    assert not _hit(client.get("/api/articles"))
    tiny = TestClient(create_app(store, cache_mb=0.0001))  # ~100 bytes: no page fits
    tiny.get("/api/articles")
    assert not _hit(tiny.get("/api/articles"))


@pytest.mark.parametrize("db", [":memory:"])
def test_a_store_without_a_version_is_simply_not_cached(db):
    version = DataVersion(open_store("sqlite://"))
    assert version.current() is None


def test_routes_reading_only_knowledge_are_told_from_those_an_ingest_changes():
    from fuentes.web.cache import reads_knowledge_only

    for path in ("/entities", "/api/entities/ent_1", "/claims/c1", "/api/timeline", "/network", "/stories/s1",
                 "/provenance", "/api/quotes", "/", "/api/stories"):
        assert reads_knowledge_only(path), path
    for path in ("/articles", "/api/articles/a1", "/search", "/api/outlets", "/rejections", "/entitiesx", "/api",
                 "/api/", "/outlets"):
        assert not reads_knowledge_only(path), path


def test_knowledge_pages_stay_cached_through_an_ingest_and_follow_an_analysis_and_a_decision(store, store_url):
    from fuentes.analyse import analyse
    from fuentes.corpus.entity_decisions import record_decision

    _ingest(store, "a.txt", TEXT)
    analyse(store)
    client = TestClient(create_app(store))
    entities, articles, home = client.get("/api/entities"), client.get("/api/articles"), client.get("/")
    assert not _hit(articles) and home.status_code == 200
    assert entities.json()["total"] > 0
    writer = open_store(store_url)  # an ingest in another process
    try:
        _ingest(writer, "b.txt", OTHER)
    finally:
        writer.close()
    again = client.get("/api/entities")
    assert _hit(again) and again.json() == entities.json()  # the ingest added no knowledge
    assert _hit(client.get("/"))  # the home page lists stories: knowledge too
    listed = client.get("/api/articles")  # the article list follows the ingest at once
    assert not _hit(listed) and listed.json()["total"] == articles.json()["total"] + 1
    analyse(store)  # the new article joins the knowledge: the page is made again
    analysed = client.get("/api/entities")
    assert not _hit(analysed) and analysed.json()["total"] > entities.json()["total"]
    assert _hit(client.get("/api/entities"))
    names = [row["name"] for row in analysed.json()["entities"]][:2]
    record_decision(store, "merge", names[0], names[1], "tester")  # an analyst's decision
    assert not _hit(client.get("/api/entities"))


def test_concurrent_requests_for_one_page_make_it_once():
    # Regression: after each commit of an ingest every client missed at once and each made the
    # same page again (sixteen searches at a time on a busy machine: p95 over 2 s).
    import anyio

    from fuentes.web.cache import ResponseCache

    made = 0

    async def slow_page(scope, receive, send):
        nonlocal made
        made += 1
        await anyio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"the page"})

    class Fixed:
        def current(self):
            return 7

        def knowledge(self):
            return 7

    cache = ResponseCache(slow_page, Fixed())
    bodies = []

    async def client():
        sent = []

        async def receive():
            return {"type": "http.request"}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/search", "query_string": b"q=x", "headers": []}
        await cache(scope, receive, send)
        bodies.append(b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"))

    async def main():
        async with anyio.create_task_group() as group:
            for _ in range(16):
                group.start_soon(client)

    anyio.run(main)
    assert made == 1 and bodies == [b"the page"] * 16
