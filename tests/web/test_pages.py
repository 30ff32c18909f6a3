"""The HTML pages: each view shows what the store holds and links items to their evidence."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from fuentes.web import create_app


@pytest.fixture(scope="module")
def site(sqlite_corpus):
    store, ids = sqlite_corpus
    with TestClient(create_app(store)) as client:
        yield client, ids


def test_stories_page_and_derivation_tree(site):
    client, ids = site
    home = client.get("/").text
    assert "Reynosa raid" in home and 'href="/stories/sty_reynosa000000"' in home
    story = client.get("/stories/sty_reynosa000000").text
    assert 'id="derivation-tree"' in story
    for key in ("original", "copy", "rewrite"):
        assert f'<a href="/articles/{ids[key]}" class="node-link">' in story
    assert story.count('class="edge edge-') == 2
    assert "1</strong> independent source(s)" in story


def test_article_reader_highlights_and_shows_removed_and_origin(site):
    client, ids = site
    page = client.get(f"/articles/{ids['original']}").text
    assert re.search(r'<span class="hl entity[^"]*"[^>]*><a href="/entities/ent_quintero00000">Rafael Quintero</a>', page)
    assert 'class="hl quote' in page and 'class="hl claim' in page
    assert "Removed page furniture" in page
    copy = client.get(f"/articles/{ids['copy']}").text
    assert f'syndicated of <a href="/articles/{ids["original"]}">' in copy
    assert "fixture/copy.txt" in copy  # where it was read from
    # An evidence link highlights the span it points at, with an anchor to scroll to.
    target = client.get(f"/articles/{ids['original']}", params={"span": "0-7"}).text
    assert 'id="c0"' in target and "hl" in target and "target" in target
    assert client.get("/articles/art_nothing").status_code == 404


def test_entity_profile_sections(site):
    client, ids = site
    page = client.get("/entities/ent_quintero00000").text
    for text in ("state security chief", "Quintero", "We will not negotiate", "opposes", "Rafael Quintero Test",
                 'id="ego-graph"', "/entities/ent_golfo00000000"):
        assert text in page, text
    assert f'/articles/{ids["original"]}?start=' in page  # quotes and mentions link to their evidence
    assert client.get("/entities").status_code == 200
    assert "Cartel del Golfo" in client.get("/entities?kind=organization").text


def test_claims_timeline_network_search_add_api(site):
    client, ids = site
    claims = client.get("/claims").text
    assert "twelve" in claims and "fifteen" in claims and 'class="side-by-side"' in claims
    timeline = client.get("/timeline").text
    assert timeline.index("2025-11") < timeline.index("2026-01-13")
    network = client.get("/network").text
    assert 'src="/static/network.js"' in network and 'data-src="/api/network?limit=100"' in network
    found = client.get("/search", params={"q": "warehouses"}).text
    assert "<mark>warehouses</mark>" in found.lower() or "<mark>Warehouses</mark>" in found
    assert f'href="/articles/{ids["original"]}"' in found
    add = client.get("/add").text
    assert "read-only" in add and 'src="/static/add.js"' in add
    api = client.get("/api").text
    assert "/api/articles/{article_id}" in api and "/api/openapi.json" in api
    assert "/api/search" in client.get("/api/openapi.json").json()["paths"]
    assert client.get("/static/network.js").status_code == 200
