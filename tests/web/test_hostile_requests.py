"""Hostile requests get a 4xx with a message, never a 500; every response, a 500 included, carries
the security headers. On SQLite and, with FUENTES_TEST_PG, on PostgreSQL (which refuses a NUL in a
query parameter and an integer past 2**63 where SQLite does not)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from fuentes.web import create_app
from tests.conftest import postgres_store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request, sqlite_corpus, corpus_builder):
    if request.param == "sqlite":
        store, _ = sqlite_corpus
        yield TestClient(create_app(store), raise_server_exceptions=False)
        return
    with postgres_store() as store:
        corpus_builder(store)
        yield TestClient(create_app(store), raise_server_exceptions=False)


@pytest.mark.parametrize("url", ["/search?q=a%00b", "/api/search?q=a%00b", "/api/search?q=%00",
                                 "/search?q=%1b%5b2J"])
def test_control_characters_in_a_search_are_answered(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("url", ["/api/articles?offset=10000000000000000000", "/api/stories?offset=99999999999999999999",
                                 "/api/entities?offset=-1", "/api/search?q=a&offset=10000000000000000000"])
def test_offsets_out_of_range_are_a_400_with_the_reason(client, url):
    response = client.get(url)
    assert response.status_code == 400 and "offset" in response.text
    assert "content-security-policy" in response.headers


def test_an_internal_error_is_a_500_with_the_security_headers(client, monkeypatch):
    import fuentes.web.api as api

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "list_articles", broken)
    response = client.get("/api/articles")
    assert response.status_code == 500 and "internal error" in response.json()["detail"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in response.headers
