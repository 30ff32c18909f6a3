"""The clean_text stage inside a Pipeline: keeps container metadata, fills the gaps."""

from __future__ import annotations

import pickle

from fuentes.clean import text_stage  # noqa: F401  (registers the stage)
from fuentes.doc import ArticleDoc
from fuentes.pipeline import REGISTRY, Pipeline

BODY = ("The regional prosecutor said on Monday that investigators had seized four trucks loaded with "
        "precursor chemicals near the port, the largest haul recorded in the state this year.")
PAGE = f"Menu\nPort seizure shakes the coast\nBy LUIS RUIZ\n2 hours ago\n\n{BODY}\n\nFacebook\n© 2026 Gulf Courier"


def _doc(fmt: str, text: str, meta: dict, hints: dict | None = None) -> ArticleDoc:
    doc = ArticleDoc(source="page.txt", format=fmt, hints=hints or {}, layers={"raw": text})
    doc.layers["extracted"] = text
    doc.layers["meta"] = meta
    return doc


def test_stage_is_registered_with_its_contract():
    stage = REGISTRY["clean_text"]
    assert stage.requires == ("extracted", "meta")
    assert stage.provides == ("body", "removed", "meta")
    pipeline = Pipeline.from_names(["clean_text"], initial=("raw", "extracted", "meta"))
    assert pickle.loads(pickle.dumps(pipeline)).stages[0].name == "clean_text"


def test_text_input_keeps_container_meta_and_fills_the_rest():
    doc = _doc("text", PAGE, {"outlet": "Container Outlet", "title": None}, {"saved_at": "2026-02-24T01:00:00"})
    doc = Pipeline.from_names(["clean_text"], initial=("raw", "extracted", "meta"))(doc)
    assert doc.body == BODY
    assert doc.meta["outlet"] == "Container Outlet"
    assert doc.meta["title"] == "Port seizure shakes the coast"
    assert doc.meta["byline"] == "Luis Ruiz"
    assert doc.meta["published"] == "2026-02-23T23"  # "2 hours ago" against the save time, to the hour
    assert doc.meta["published_precision"] == "hour"
    assert doc.meta["published_source"] == "text '2 hours ago'"
    assert "byline" in doc.meta["meta_evidence"]
    assert {r.reason for r in doc.get("removed")} >= {"cue:social", "cue:copyright", "metadata:byline"}
    assert doc.provenance["body"] == "clean_text@2"


def test_html_input_gets_only_strong_cues():
    text = f"A short standfirst line\n\n{BODY}\n\nAdvertisement\n\nEnd note"
    doc = _doc("html", text, {"title": "From the HTML"})
    doc = Pipeline.from_names(["clean_text"], initial=("raw", "extracted", "meta"))(doc)
    assert doc.body.split("\n\n") == ["A short standfirst line", BODY, "End note"]
    assert doc.meta["title"] == "From the HTML"
