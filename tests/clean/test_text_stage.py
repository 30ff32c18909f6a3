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
    assert doc.provenance["body"] == "clean_text@4"


def test_html_input_gets_only_strong_cues():
    text = f"A short standfirst line\n\n{BODY}\n\nAdvertisement\n\nEnd note"
    doc = _doc("html", text, {"title": "From the HTML"})
    doc = Pipeline.from_names(["clean_text"], initial=("raw", "extracted", "meta"))(doc)
    assert doc.body.split("\n\n") == ["A short standfirst line", BODY, "End note"]
    assert doc.meta["title"] == "From the HTML"


# --- HTML bodies: headline, kicker, time lines and author notes leave the body -----------------

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples" / "articles"


def _html_body(path) -> tuple[str, list, dict]:
    from fuentes.ingest.job import ingest_pipeline
    from fuentes.ingest.raw import RawDocument
    from fuentes.runners import doc_from_raw

    raw = RawDocument(source=str(path), data=path.read_bytes(), format="html", hints={})
    doc = ingest_pipeline()(doc_from_raw(raw))
    return doc.body, doc.get("removed"), doc.meta


def test_every_example_page_body_is_free_of_headline_kicker_and_time_lines():
    pages = sorted(EXAMPLES.glob("*.html"))
    assert len(pages) >= 2  # an English and a Spanish page
    for page in pages:
        body, removed, meta = _html_body(page)
        lines = [line.strip() for line in body.split("\n\n")]
        assert meta["title"] and meta["title"] not in lines, page.name
        assert not any(line.lstrip("·• ").lower().startswith(("updated", "actualizado")) for line in lines), page.name
        assert len(lines[0].split()) > 6, (page.name, lines[0])  # the body opens on prose, not a label
        assert not any("reach her at" in line.lower() for line in lines), page.name
        assert any(r.reason == "metadata:headline" for r in removed), page.name  # and says what it took out


def test_an_html_headline_inside_the_body_text_is_kept():
    title = "Marines seize a ranch"
    text = (f"{title}\n\nThe marines said on Sunday that they had seized a ranch. {title} was the phrase the "
            "minister used at the news conference, and the ranch had been searched twice before.")
    doc = _doc("html", text, {"title": title})
    doc = Pipeline.from_names(["clean_text"], initial=("raw", "extracted", "meta"))(doc)
    assert doc.body.startswith("The marines said")  # the headline line goes, the sentence quoting it stays
    assert f"{title} was the phrase" in doc.body


def test_spanish_author_note_leaves_an_html_body():
    text = ("Los marinos irrumpieron en el rancho al amanecer tras semanas de vigilancia, dijeron funcionarios "
            "de la fiscalía estatal.\n\nLaura Gómez es reportera de seguridad para El Diario del Golfo. "
            "Escríbale a lgomez@diario.example.")
    doc = _doc("html", text, {"title": None, "language": "es"})
    doc = Pipeline.from_names(["clean_text"], initial=("raw", "extracted", "meta"))(doc)
    assert "Laura Gómez" not in doc.body and doc.body.startswith("Los marinos")
    assert {r.reason for r in doc.get("removed")} == {"cue:author-bio", "cue:author-contact"}
