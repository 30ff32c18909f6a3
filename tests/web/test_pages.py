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
    # the board: grouped by story and subject, the slots as columns (who asserts it: the outlet's voice)
    assert 'class="claim-group"' in claims and "<th>asserted by</th>" in claims and "<th>predicate</th>" in claims
    group = claims[claims.index('class="claim-group"'):]
    assert "Cartel del Golfo" in group[:group.index("</h3>")] and "<td>the outlet</td>" in claims
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


def _events_shown(page: str) -> list[str]:
    return re.findall(r'href="/events/([^"]+)"', page)


def test_timeline_filters_by_type_and_place_as_the_cli(site):
    """`/timeline?type=&place=` keeps what `fuentes timeline --type --place` keeps (the library's
    `of_kind` and `entity_query`): type and place names compared case and accents aside."""
    client, _ = site
    assert _events_shown(client.get("/timeline").text) == ["evt_march00000000", "evt_arrest0000000"]
    assert _events_shown(client.get("/timeline", params={"type": "Arrest"}).text) == ["evt_arrest0000000"]
    assert _events_shown(client.get("/timeline", params={"place": "veracruz"}).text) == ["evt_march00000000"]
    assert _events_shown(client.get("/timeline", params={"type": "arrest", "place": "Veracruz"}).text) == []
    assert _events_shown(client.get("/timeline", params={"type": "protest",
                                                         "entity": "Cartel del Golfo"}).text) == []
    page = client.get("/timeline", params={"type": "protest"}).text
    assert '<option value="protest" selected>' in page and '<option value="arrest">' in page
    assert 'fuentes timeline --type "protest"' in page


def test_story_tree_draws_one_node_per_outlet_and_keeps_labels_inside():
    """Regression: an origin credited by outlet name ("GULF COAST COURIER", outside the corpus by
    its name) is the story's own article from that outlet, not a second node; two outside names
    that differ only in case or accents are one node; the leftmost label is not cut off."""
    from fuentes.web.stories import layout_tree

    meta = {"art_a": {"outlet": "Gulf Coast Courier", "kind": "original", "title": "Raid", "published": "2026-01-01"},
            "art_b": {"outlet": "Valley Herald", "kind": "syndicated", "title": "Raid", "published": "2026-01-02"},
            "art_c": {"outlet": "Rio Grande Dispatch", "kind": "original", "title": "Raid", "published": "2026-01-02"},
            "art_d": {"outlet": "Metro Ledger Media Group", "kind": "rewrite", "title": "Raid",
                      "published": "2026-01-03"}}
    links = [{"source": "art_a", "target": "art_b", "kind": "syndicated", "score": 0.99},
             {"source": "GULF COAST COURIER", "target": "art_c", "kind": "cites", "score": 0.5},
             {"source": "Agencia Éxterna", "target": "art_d", "kind": "cites", "score": 0.5},
             {"source": "agencia externa", "target": "art_c", "kind": "cites", "score": 0.4},
             {"source": "gulf coast courier.", "target": "art_a", "kind": "cites", "score": 0.4}]
    tree = layout_tree(meta, links)
    labels = [n["label"].lower() for n in tree["nodes"]]
    assert sorted(labels) == ["agencia éxterna", "gulf coast courier", "metro ledger media group",
                              "rio grande dispatch", "valley herald"]
    assert [n["kind"] for n in tree["nodes"] if not n["article"]] == ["outside"]
    by_id = {n["id"]: n for n in tree["nodes"]}
    edges = {(e["x1"], e["y1"], e["x2"], e["y2"], e["kind"]) for e in tree["edges"]}
    courier, dispatch = by_id["art_a"], by_id["art_c"]
    assert (courier["x"], courier["y"], dispatch["x"], dispatch["y"], "cites") in edges
    assert len(tree["edges"]) == 4  # the article credited to its own outlet draws no loop
    half = 26 * 7 / 2  # the widest label the page draws (26 characters of 12 px text), halved
    assert min(n["x"] for n in tree["nodes"]) >= half
    assert max(n["x"] for n in tree["nodes"]) + half <= tree["width"]
