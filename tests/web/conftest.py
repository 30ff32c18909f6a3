"""A small hand-written corpus stored through the real ingest, plus analysis rows written by hand.

Articles: an original report, a syndicated copy, a rewrite, an unrelated article credited to an
outlet outside the corpus, and a hostile article whose every field carries script payloads.
The analysis layers (entities, mentions, quotes, derivations, claims, events, relations, a
story, a watchlist hit) are written directly: the web layer is the point here, not spaCy.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table

from fuentes.ingest.job import ingest_items
from fuentes.ingest.raw import RawDocument
from fuentes.store import Store
from fuentes.store.articles import list_articles

PAYLOAD = "window.__pwned=1"
HOSTILE_TITLE = f'<img src=x onerror="{PAYLOAD}"> Hostile headline'
HOSTILE_TEXT = (f"Officials said <script>{PAYLOAD}</script> the port was closed after the raid.\n\n"
                f'Readers may <a href="javascript:{PAYLOAD}">click here</a> or hover " onmouseover="{PAYLOAD}" '
                f"<svg onload={PAYLOAD}> for the full story about the port closure.\n\n"
                f"<iframe src=\"javascript:{PAYLOAD}\"></iframe> The harbour authority confirmed the closure.")

ORIGINAL = ("Federal police arrested twelve suspects linked to the Cartel del Golfo in Reynosa on Tuesday, "
            "officials said.\n\n"
            "\"We will not negotiate with criminals,\" said Rafael Quintero, the state security chief.\n\n"
            "The operation followed months of surveillance of warehouses near the border crossing.")
REWRITE = ("Authorities detained fifteen people tied to the Cartel del Golfo during a Tuesday operation in "
           "Reynosa.\n\n"
           "Rafael Quintero, who leads state security, said the government would not negotiate with criminals.\n\n"
           "Warehouses near the crossing had been watched for months.")
UNRELATED = ("Harbour workers in Veracruz marched on Friday to demand higher wages and safer shifts.\n\n"
             "The union said the protest would continue until talks resume.")


def _raw(source: str, text: str, **hints: str) -> RawDocument:
    return RawDocument(source=source, data=text, format="text", hints=hints)


def _table(store: Store, name: str) -> Table:
    return Table(name, MetaData(), autoload_with=store.engine)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_corpus(store: Store, analysed: bool = True) -> dict[str, str]:
    """Store the fixture articles (and, if `analysed`, every analysis layer); return their ids."""
    items = [
        _raw("fixture/original.txt", ORIGINAL, outlet="Diario Norte", title="Twelve arrested in Reynosa raid",
             published="2026-01-13", language="en"),
        _raw("fixture/copy.txt", ORIGINAL, outlet="Wire Copy", title="Twelve arrested in Reynosa raid",
             published="2026-01-13", language="en"),
        _raw("fixture/rewrite.txt", REWRITE, outlet="Gaceta Sur", title="Fifteen detained in Reynosa",
             published="2026-01-14", language="en"),
        _raw("fixture/unrelated.txt", UNRELATED, outlet="Puerto Hoy", title="Harbour workers march",
             published="2025-11-02", language="en"),
        _raw("fixture/hostile.txt", HOSTILE_TEXT, outlet=f"<b onclick=\"{PAYLOAD}\">Evil Outlet</b>",
             title=HOSTILE_TITLE, published="2026-02-01", language="en"),
    ]
    summary = ingest_items(items, store)
    assert summary.stored == 5, summary
    by_source = {a.source: a for a in list_articles(store)}
    ids = {key: by_source[f"fixture/{key}.txt"].id for key in ("original", "copy", "rewrite", "unrelated", "hostile")}
    texts = {key: by_source[f"fixture/{key}.txt"].text for key in ids}
    if analysed:
        _analysis(store, ids, texts)
    return ids


def _ev(article: str, text: str, needle: str, extractor: str) -> dict:
    """An evidence span (the export's shape) of `needle` in `text`."""
    start, end = _span(text, needle)
    return {"article": article, "start": start, "end": end, "extractor": extractor}


def _analysis(store: Store, ids: dict[str, str], texts: dict[str, str]) -> None:
    a, c, r, h = ids["original"], ids["copy"], ids["rewrite"], ids["hostile"]
    person, group, evil = "ent_quintero00000", "ent_golfo00000000", "ent_hostile000000"
    to, tr, th = texts["original"], texts["rewrite"], texts["hostile"]
    twelve = "Federal police arrested twelve suspects linked to the Cartel del Golfo in Reynosa on Tuesday"
    fifteen = "Authorities detained fifteen people tied to the Cartel del Golfo during a Tuesday operation in Reynosa"
    hostile_sentence = f"Officials said <script>{PAYLOAD}</script> the port was closed after the raid."
    rows: dict[str, list[dict]] = {
        "entities": [
            {"id": person, "name": "Rafael Quintero", "kind": "person", "aliases": ["Rafael Quintero", "Quintero"],
             "roles": ["state security chief"], "articles": [a, c, r], "merged_from": [], "merge_evidence": []},
            {"id": group, "name": "Cartel del Golfo", "kind": "organization", "aliases": ["Cartel del Golfo"],
             "roles": [], "articles": [a, c, r], "merged_from": [], "merge_evidence": []},
            {"id": evil, "name": f"<svg onload={PAYLOAD}>", "kind": "person", "aliases": [f"javascript:{PAYLOAD}"],
             "roles": [f"<script>{PAYLOAD}</script>"], "articles": [h], "merged_from": [], "merge_evidence": []},
        ],
        "mentions": [], "local_entities": [], "quotes": [],
        "derivations": [
            {"source": a, "target": c, "kind": "syndicated", "score": 0.98, "evidence": ["identical body"],
             "decided_by": "order",
             "passages": [[_ev(a, to, twelve, "provenance@2"), _ev(c, to, twelve, "provenance@2")],
                          [_ev(a, to, "The operation followed months", "provenance@2"),
                           _ev(c, to, "The operation followed months", "provenance@2")]]},
            {"source": a, "target": r, "kind": "rewrite", "score": 0.61, "evidence": ["3 aligned sentences"],
             "passages": [], "decided_by": "containment"},
            {"source": "Agencia Externa", "target": ids["unrelated"], "kind": "cites", "score": 0.5,
             "evidence": ["credit line: con información de Agencia Externa"], "passages": [], "decided_by": "credit"},
        ],
        "claims": [
            {"id": "clm_arrests000000", "text": "Police arrested twelve suspects linked to the Cartel del Golfo",
             "subject": group, "predicate": "arrest", "object": None, "claim_values": [], "speaker": None,
             "articles": [a, c, r], "origins": ["Diario Norte"], "independent_sources": 1, "grade": 3,
             "evidence": [_ev(a, to, twelve, "claims@2"), _ev(c, to, twelve, "claims@2"),
                          _ev(r, tr, fifteen, "claims@2")]},
            {"id": "clm_hostile000000", "text": f"<script>{PAYLOAD}</script> claim", "subject": None,
             "predicate": None, "object": None, "claim_values": [], "speaker": None, "articles": [h],
             "origins": ["Evil"], "independent_sources": 1, "grade": 6,
             "evidence": [_ev(h, th, hostile_sentence, "claims@2")]},
        ],
        "discrepancies": [{"id": "dsc_count00000000", "about": "number of people detained",
                           "discrepancy_values": [
                               {"value": "twelve", "articles": [a, c], "claim": "clm_arrests000000",
                                "claims": [], "independent_sources": 1,
                                "evidence": [_ev(a, to, "twelve", "claims@2"), _ev(c, to, "twelve", "claims@2")]},
                               {"value": "fifteen", "articles": [r], "claim": "clm_arrests000000", "claims": [],
                                "independent_sources": 1, "evidence": [_ev(r, tr, "fifteen", "claims@2")]}]}],
        "stories": [{"id": "sty_reynosa000000", "title": "Reynosa raid", "start": "2026-01-13", "end": "2026-01-14",
                     "articles": [a, c, r]},
                    {"id": "sty_harbour000000", "title": "Harbour", "start": None, "end": None,
                     "articles": [ids["unrelated"], h]}],
        "events": [
            {"id": "evt_arrest0000000", "event_type": "arrest", "date": "2026-01-13", "actors": [],
             "targets": [group], "place": "Reynosa", "articles": [a, c, r], "independent_sources": 1,
             "trigger": "arrested", "story": "sty_reynosa000000",
             "evidence": [_ev(a, to, "arrested", "events@2"), _ev(a, to, "on Tuesday", "events.date@2"),
                          _ev(c, to, "arrested", "events@2"), _ev(r, tr, "detained", "events@2")]},
            {"id": "evt_march00000000", "event_type": "protest", "date": "2025-11", "actors": [], "targets": [],
             "place": "Veracruz", "articles": [ids["unrelated"]], "independent_sources": 1, "trigger": "marched",
             "evidence": [_ev(ids["unrelated"], texts["unrelated"], "marched", "events@2")], "story": None},
        ],
        "relations": [{"id": "rel_leads00000000", "subject": person, "predicate": "opposes", "object": group,
                       "articles": [a, r], "independent_sources": 1, "allegation": False, "start": "2025",
                       "end": None,
                       "evidence": [_ev(a, to, '"We will not negotiate with criminals," said Rafael Quintero',
                                        "relations@1"),
                                    _ev(r, tr, "the government would not negotiate with criminals", "relations@1")]}],
        "watchlist": [{"id": "wl-1", "schema": "Person", "caption": "Rafael Quintero Test", "properties": {},
                       "dataset": "fixture-list"}],
        "watchlist_hits": [{"entity_id": person, "watch_id": "wl-1", "score": 0.93, "evidence": ["exact name"]}],
        "article_layers": [{"article_id": a, "layer": "claims", "data": [
            {"id": "clm_arrests000000", "start": 0, "end": texts["original"].index(" in Reynosa")}]}],
    }
    for key, name, local, kind, label in (("original", "Rafael Quintero", "e1", person, "PERSON"),
                                          ("original", "Cartel del Golfo", "e2", group, "ORG"),
                                          ("rewrite", "Rafael Quintero", "e1", person, "PERSON"),
                                          ("hostile", "the port", "e9", evil, "ORG")):
        start, end = _span(texts[key], name)
        rows["mentions"].append({"article_id": ids[key], "start": start, "end": end, "text": name, "label": label,
                                 "local_entity": local})
        rows["local_entities"].append({"article_id": ids[key], "key": local, "name": name, "kind": "person",
                                       "aliases": [name], "roles": [], "evidence": [[start, end]],
                                       "entity_id": kind})
    start, end = _span(texts["original"], "We will not negotiate with criminals,")
    rows["quotes"].append({"id": "quo_negotiate0000", "article_id": a, "text": "We will not negotiate with criminals,",
                           "start": start, "end": end, "direct": True, "speaker_name": "Rafael Quintero",
                           "speaker_local": "e1", "speaker": person, "cue": "said", "variant_of": None})
    start, end = _span(texts["hostile"], "the port was closed")
    rows["quotes"].append({"id": "quo_hostile000000", "article_id": h, "text": "the port was closed",
                           "start": start, "end": end, "direct": False,
                           "speaker_name": f"<img src=x onerror={PAYLOAD}>", "speaker_local": None,
                           "speaker": None, "cue": "said", "variant_of": None})
    # each claim's articles as rows too, as `save_claims` writes them (an article's page reads them)
    rows["claim_articles"] = [{"article_id": article, "claim_id": claim["id"]}
                              for claim in rows["claims"] for article in claim["articles"]]
    with store.engine.begin() as conn:
        for name, values in rows.items():
            conn.execute(_table(store, name).insert(), values)
        articles = _table(store, "articles")
        for key, kind, origin in (("original", "original", "Diario Norte"), ("copy", "syndicated", "Diario Norte"),
                                  ("rewrite", "rewrite", "Diario Norte"), ("unrelated", "rewrite", "Agencia Externa")):
            conn.execute(articles.update().where(articles.c.id == ids[key]).values(kind=kind, origin=origin))


@pytest.fixture(scope="session")
def corpus_builder():
    """`build_corpus(store, analysed=True) -> ids`, for tests that fill their own store."""
    return build_corpus


@pytest.fixture(scope="module")
def sqlite_corpus(tmp_path_factory):
    """One analysed SQLite store shared by a module's read-only page tests: (store, ids)."""
    from fuentes.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("web") / "pages.db"))
    ids = build_corpus(store)
    yield store, ids
    store.close()


@pytest.fixture(scope="session")
def chromium():
    """(sync_playwright, executable), or a clean skip naming what is missing."""
    executable = os.environ.get("FUENTES_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists() and not shutil.which(executable):
        pytest.skip(f"no Chromium at {executable} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; never `playwright install`)")
    return sync_playwright, executable


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "browser: end-to-end tests in a headless Chromium (Playwright)")


@pytest.fixture
def wait_job():
    """Poll a write job through the API until it is done or failed (or `seconds` pass)."""
    import time

    def wait(client, job: dict, seconds: float = 20) -> dict:
        deadline = time.monotonic() + seconds
        while job["state"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.05)
            job = client.get(f"/api/jobs/{job['id']}").json()
        return job

    return wait


EXAMPLE_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    """The shipped examples through the real pipeline (`fuentes run`), once per session; the tests
    that use it only read it."""
    import subprocess
    import sys

    db = tmp_path_factory.mktemp("examples") / "examples.db"
    ran = subprocess.run([sys.executable, "-m", "fuentes.cli", "run", str(EXAMPLE_ARTICLES), "--db", str(db),
                          "--no-progress", "--saved-at", "2026-03-09T20:00:00-06:00"],
                         capture_output=True, text=True, timeout=1800)
    if ran.returncode != 0 and "model" in ran.stderr.lower():
        pytest.skip(f"the pipeline could not run: {ran.stderr[-300:]}")
    assert ran.returncode == 0, ran.stderr[-2000:]
    return db
