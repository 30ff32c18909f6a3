"""End to end in a real headless Chromium: the pages an analyst clicks through, and proof that a
hostile article runs nothing. Screenshots go to .ci-artifacts/screenshots/."""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from fuentes.web import create_app

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".ci-artifacts" / "screenshots"
TOKEN = "browser-token"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(store):
    """The workbench over `store` on a free local port, in a thread: its base URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def server(sqlite_corpus):
    store, ids = sqlite_corpus
    with serving(store) as base:
        yield base, ids


@pytest.fixture(scope="module")
def browser(chromium):
    sync_playwright, executable = chromium
    with sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(8000)
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("dialog", lambda dialog: (tab.errors.append("dialog: " + dialog.message), dialog.dismiss()))
    tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()


def shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_story_derivation_entity_search(server, page):
    base, ids = server
    page.goto(base + "/")
    page.click("text=Reynosa raid")
    page.wait_for_selector("#derivation-tree")
    shot(page, "story")
    page.click(f'#derivation-tree a[href="/articles/{ids["copy"]}"] circle')  # follow a derivation down the tree
    page.wait_for_selector("#article-body")
    assert "Wire Copy" in page.content()
    page.click(f'a[href="/articles/{ids["original"]}"]')  # and back up to the original report
    page.wait_for_selector("#article-body")
    shot(page, "article")
    page.click("#article-body a[href='/entities/ent_quintero00000']")
    page.wait_for_selector("#ego-graph")
    assert page.inner_text("h1").startswith("Rafael Quintero")
    shot(page, "entity")
    page.fill("header input[name=q]", "warehouses")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#results mark")
    assert page.locator("#results li").count() >= 2
    shot(page, "search")
    assert page.errors == []


def test_network_click_through(server, page):
    base, _ = server
    page.goto(base + "/network")
    page.wait_for_selector("#network g.node")
    page.select_option("#net-predicate", "opposes")
    assert page.locator("#network g.node").count() == 2
    shot(page, "network")
    page.click('#network g.node[data-id="ent_golfo00000000"] circle')
    page.wait_for_url("**/entities/ent_golfo00000000")
    assert page.errors == []


def test_upload_article_with_progress(server, page, tmp_path):
    base, _ = server
    article = tmp_path / "new-report.txt"
    article.write_text("Coast guard officers intercepted a speedboat carrying fuel near Tumaco on Sunday.\n\n"
                       "The crew of three was handed to prosecutors, the navy said in a statement.", encoding="utf-8")
    page.goto(base + "/add")
    page.fill("#token", TOKEN)
    page.dispatch_event("#token", "change")
    page.set_input_files("#upload-file", str(article))
    page.click("#upload-form button")
    page.wait_for_selector("#job-status[data-state=done]", timeout=20000)
    assert "1 stored" in page.inner_text("#job-status")
    assert page.eval_on_selector("#job-progress", "el => el.value") == 1
    shot(page, "upload")
    page.click("#job-articles a")
    page.wait_for_selector("#article-body")
    assert "speedboat" in page.inner_text("#article-body")
    assert page.errors == []


def test_hostile_article_runs_nothing(server, page):
    base, ids = server
    for path in (f"/articles/{ids['hostile']}", "/entities/ent_hostile000000", "/claims", "/search?q=port"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        for link in page.locator("a").all()[:60]:  # hovering fires any smuggled onmouseover
            if link.is_visible():
                link.hover(timeout=2000)
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.locator("script:not([src])").count() == 0
    shot(page, "hostile")
    assert not [e for e in page.errors if "dialog" in e or "pwned" in e]


def test_follow_evidence_to_the_marked_span(server, page):
    """From a claim's evidence list to the reader: the span is marked, targeted and in view."""
    base, ids = server
    page.goto(base + "/claims")
    page.click('a[href="/claims/clm_arrests000000"]')
    page.wait_for_selector("#evidence mark")
    shot(page, "claim-evidence")
    link = page.locator("#evidence a.ev-link").nth(2)  # the rewrite's sentence
    marked = link.locator("mark").inner_text()
    assert marked.startswith("Authorities detained fifteen people")
    link.click()
    page.wait_for_selector("#article-body mark.target")
    assert "start=" in page.url and page.url.endswith("#span")
    assert page.evaluate("() => document.querySelector(':target') && document.querySelector(':target').id") == "span"
    shown = "".join(page.locator("#article-body mark.target").all_inner_texts())
    assert shown == marked
    box = page.locator("#article-body mark.target").first.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]
    shot(page, "reader-span")
    page.goto(base + f"/articles/{ids['copy']}")
    page.wait_for_selector("details.passages mark")
    assert page.locator("details.passages tbody tr").count() == 2
    page.locator("details.passages a.ev-link").first.click()  # a passage opens its own span too
    page.wait_for_selector("#article-body mark.target")
    assert page.errors == []


def test_network_edge_opens_the_relation(server, page):
    base, _ = server
    page.goto(base + "/network")
    page.wait_for_selector("#network line.linked")
    page.select_option("#net-predicate", "opposes")
    page.click('#network line.linked[data-id="rel_leads00000000"]', force=True)
    page.wait_for_url("**/relations/rel_leads00000000")
    page.wait_for_selector("#evidence mark")
    assert page.errors == []


def test_list_pages_are_paginated(server, page):
    import httpx

    base, ids = server
    total = httpx.get(base + "/api/articles", params={"limit": 1}, trust_env=False).json()["total"]
    last = -(-total // 2)
    page.goto(base + "/articles?limit=2")
    assert page.locator("a.art").count() == 2
    assert f"page 1 of {last}" in page.inner_text("nav.pager")
    page.click('nav.pager a[rel="next"]')
    page.wait_for_url("**/articles?limit=2&page=2")
    assert page.locator("a.art").count() == 2
    page.goto(base + f"/articles?limit=2&page={last}")
    assert page.locator("a.art").count() == total - 2 * (last - 1)
    assert page.locator('nav.pager a[rel="next"]').count() == 0
    page.click('nav.pager a[rel="prev"]')
    page.wait_for_url(f"**/articles?limit=2&page={last - 1}")
    page.goto(base + "/network?limit=2")
    page.wait_for_selector("#network circle")
    assert page.locator("#network circle").count() == 2 and page.input_value('input[name="limit"]') == "2"
    for path, rows in (("/claims", "table.claims tbody tr"), ("/timeline", "ol.timeline > li"), ("/", "li.story")):
        page.goto(base + path + "?limit=1")  # every list page: one item, and a link to the next
        assert page.locator(rows).count() == 1, path
        first = page.inner_text(rows)
        page.click('nav.pager a[rel="next"]')
        page.wait_for_url("**page=2**")
        assert page.locator(rows).count() == 1 and page.inner_text(rows) != first, path
    page.goto(base + "/timeline")
    page.select_option("#timeline-type", "protest")  # the timeline's filters, as `fuentes timeline --type`
    page.click("#timeline-filters button")
    page.wait_for_url("**type=protest**")
    assert page.locator("ol.timeline > li").count() == 1 and "protest" in page.inner_text("ol.timeline")
    page.fill("#timeline-place", "Reynosa")
    page.click("#timeline-filters button")
    page.wait_for_url("**place=Reynosa**")
    assert page.locator("ol.timeline > li").count() == 0
    shot(page, "timeline-filtered")
    page.goto(base + "/claims")
    shot(page, "claims")  # the examples test, later, replaces it with the examples' claims
    assert page.errors == []


# --- the network view fits its canvas: the fixture, the shipped examples, 300 entities -----------

FITS = """() => {
  const svg = document.getElementById("network").getBoundingClientRect();
  const inside = (r) => r.left >= svg.left - 0.5 && r.top >= svg.top - 0.5 && r.right <= svg.right + 0.5
    && r.bottom <= svg.bottom + 0.5;
  const box = (el) => { const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: el.textContent }; };
  const nodes = [...document.querySelectorAll("#network g.node circle")].map(box);
  const labels = [...document.querySelectorAll("#network g.node text")]
    .filter((t) => getComputedStyle(t).display !== "none").map(box);
  const overlapping = [];
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const a = labels[i], b = labels[j];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      overlapping.push([a.text, b.text]);
  }
  return { nodes: nodes.length, labels: labels.length, outside: nodes.filter((r) => !inside(r)).length,
           labels_outside: labels.filter((r) => !inside(r)).map((r) => r.text), overlapping,
           count: document.getElementById("net-count").textContent };
}"""


def network_fits(page, base: str, limit: int | None = None) -> dict:
    """Open the network view and measure it: every node's circle and every label shown inside the
    canvas, no two labels shown over each other."""
    page.goto(base + "/network" + (f"?limit={limit}" if limit else ""))
    page.wait_for_selector("#network[data-ready='1']")
    found = page.evaluate(FITS)
    assert found["nodes"] > 0, found
    assert found["outside"] == 0, found
    assert found["labels_outside"] == [], found
    assert found["overlapping"] == [], found
    return found


def test_network_fits_the_canvas_on_the_fixture(server, page):
    base, _ = server
    found = network_fits(page, base)
    assert found["labels"] == found["nodes"]  # a handful of nodes: every one labelled
    assert page.errors == []


ENTITIES = 300
POSITIONS = ["alcalde de Puerto Almendra", "secretaria de Seguridad Pública del Estado de Tamaulipas",
             "former federal prosecutor in Houston"]


@pytest.fixture(scope="module")
def big_network(tmp_path_factory):
    """300 corpus entities (names short and long, people, groups, places) in communities of
    relations, some to positions held (text ends), and isolates: written through the store API,
    no spaCy needed."""
    from fuentes.model import Entity, Relation
    from fuentes.store import open_store
    from fuentes.store.analysis import save_corpus_entities, save_relations

    rng = random.Random(20)
    store = open_store(str(tmp_path_factory.mktemp("big") / "network.db"))
    kinds = ["person", "person", "organization", "place"]
    names = ["Ovidio", "Unidad de Inteligencia Financiera de la Secretaría de Hacienda", "Cártel del Golfo",
             "Jesús Alfredo Guzmán Salazar", "Marina", "Fiscalía General de la República", "El Mencho"]
    entities = [Entity(id=f"ent_{i:012d}", name=f"{names[i % len(names)]} {i}", kind=kinds[i % 4],
                       articles=[f"art_{j}" for j in range(1 + i % 6)]) for i in range(ENTITIES)]
    save_corpus_entities(store, entities, {})
    relations, n = [], 0
    for community in range(12):  # 12 communities of 20, the rest isolated
        members = [f"ent_{i:012d}" for i in range(community * 20, community * 20 + 20)]
        for a, b in [(members[0], m) for m in members[1:]] + [tuple(rng.sample(members, 2)) for _ in range(15)]:
            n += 1
            relations.append(Relation(id=f"rel_{n:012d}", subject=a, predicate=rng.choice(["member_of", "rival_of",
                                                                                          "works_for"]),
                                      object=b, articles=["art_0"], independent_sources=1 + n % 3))
        n += 1
        relations.append(Relation(id=f"rel_{n:012d}", subject=members[1], predicate="holds_position",
                                  object=POSITIONS[community % 3], articles=["art_1"], independent_sources=1))
    save_relations(store, relations)
    with serving(store) as base:
        yield base
    store.close()


def test_network_fits_the_canvas_on_300_entities(big_network, page):
    found = network_fits(page, big_network, limit=500)
    assert found["nodes"] == ENTITIES + len(POSITIONS)
    assert f"{ENTITIES + len(POSITIONS)} nodes" in found["count"]
    assert 0 < found["labels"] < found["nodes"]  # labels where they fit; the others on hover
    spot = page.evaluate("""() => {  // a node without a label, not covered by another node
      for (const g of document.querySelectorAll("#network g.node")) {
        if (!g.querySelector("text.hover-label")) continue;
        const r = g.querySelector("circle").getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (g.contains(document.elementFromPoint(x, y))) return { id: g.dataset.id, x, y };
      }
    }""")
    label = f'#network g.node[data-id="{spot["id"]}"] text'
    assert page.eval_on_selector(label, "t => getComputedStyle(t).display") == "none"
    page.mouse.move(spot["x"], spot["y"])  # a hidden label shows on hover
    page.wait_for_function("s => getComputedStyle(document.querySelector(s)).display !== 'none'", arg=label)
    shot(page, "network-300")
    found = network_fits(page, big_network)  # the default: the top 100 by degree
    assert found["nodes"] == 100
    assert page.errors == []


@pytest.fixture(scope="module")
def examples_server(examples_db):
    """The shipped examples through the real pipeline (`fuentes run`), served."""
    from fuentes.store import open_store

    db = examples_db
    metrics = subprocess.run([sys.executable, "-m", "fuentes.cli", "network", "metrics", "--db", str(db)],
                             capture_output=True, text=True, timeout=300)
    store = open_store(str(db))
    with serving(store) as base:
        yield base, metrics.stdout
    store.close()


@pytest.mark.models
def test_examples_network_story_and_claims(examples_server, page):
    """On the examples: the network page shows the graph `fuentes network metrics` counts, every
    node and label inside the canvas; the story page draws one node per outlet, no label cut off."""
    base, metrics = examples_server
    found = network_fits(page, base)
    nodes, ties = metrics.split(" ties", 1)[0].split(" nodes, ")
    assert f"of {nodes} nodes, {ties} ties" in found["count"], (found["count"], metrics[:80])
    shot(page, "network")
    page.goto(base + "/")
    page.locator("a[href^='/stories/']").first.click()
    page.wait_for_selector("#derivation-tree")
    labels = page.evaluate("""() => {
      const svg = document.getElementById("derivation-tree").getBoundingClientRect();
      return [...document.querySelectorAll("#derivation-tree g.node text:not(.small)")].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, inside: r.left >= svg.left && r.right <= svg.right };
      });
    }""")
    assert labels and all(label["inside"] for label in labels), labels
    names = [label["text"].lower() for label in labels]
    assert len(names) == len(set(names)), names  # one node per outlet
    shot(page, "story")
    page.goto(base + "/claims?limit=20")
    assert page.locator("table.claims tbody tr").count() == 20
    assert page.locator('nav.pager a[rel="next"]').count() == 1
    shot(page, "claims")
    assert page.errors == []
