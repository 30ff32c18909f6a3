"""End to end in a real headless Chromium: the pages an analyst clicks through, and proof that a
hostile article runs nothing. Screenshots go to .ci-artifacts/screenshots/."""

from __future__ import annotations

import socket
import threading
import time
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


@pytest.fixture(scope="module")
def server(sqlite_corpus):
    import uvicorn

    store, ids = sqlite_corpus
    port = _free_port()
    config = uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
    running.should_exit = True
    thread.join(timeout=5)


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
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(base + "/claims")
    page.screenshot(path=str(SHOTS / "claims.png"), full_page=True)
    assert page.errors == []
