"""Publication times from a page's markup, and how the html_extract stage weighs them against
what the container said."""

from __future__ import annotations

from fuentes.clean import html  # noqa: F401  (registers the stage)
from fuentes.clean.html import extract_html, merge_meta, page_times
from fuentes.doc import ArticleDoc
from fuentes.pipeline import Pipeline

BODY = ("<p>Customs officers seized four trucks loaded with precursor chemicals at the port on Monday, "
        "the largest haul recorded in the state this year, the regional prosecutor said.</p>"
        "<p>Three drivers were detained and the cargo was sent to a federal laboratory for analysis, "
        "according to a statement released by the prosecutor's office in the evening.</p>")


def page(head: str = "", body_extra: str = "") -> str:
    return (f"<html><head><title>Port seizure</title>{head}</head><body><article><h1>Port seizure</h1>"
            f"{body_extra}{BODY}</article></body></html>")


def sources(found):
    return [(i.iso, i.precision, i.source) for i in found]


def test_article_published_time_meta():
    published, modified = page_times(page(
        '<meta property="article:published_time" content="2026-03-09T13:40:00-06:00">'
        '<meta property="article:modified_time" content="2026-03-09T15:02-06:00">'))
    assert sources(published)[0] == ("2026-03-09T13:40:00-06:00", "second", "meta article:published_time")
    assert sources(modified)[0] == ("2026-03-09T15:02-06:00", "minute", "meta article:modified_time")


def test_json_ld_date_published_and_modified():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebSite", "datePublished": "2019-01-01"},'
          '{"@type": ["NewsArticle"], "headline": "Port seizure", "datePublished": "2026-02-23T10:14:07+00:00",'
          ' "dateModified": "2026-02-23T12:00:00+00:00"}]}</script>')
    published, modified = page_times(page(ld))
    assert sources(published) == [("2026-02-23T10:14:07+00:00", "second", "json-ld datePublished")]
    assert sources(modified) == [("2026-02-23T12:00:00+00:00", "second", "json-ld dateModified")]


def test_json_ld_that_does_not_parse_is_skipped():
    published, _ = page_times(page('<script type="application/ld+json">{"datePublished": </script>'))
    assert published == []


def test_time_element_with_datetime():
    published, _ = page_times(page(body_extra='<p>Por Ana Ruiz · <time datetime="2026-03-09T19:15-06:00">'
                                              '9 de marzo de 2026, 19:15</time></p>'))
    assert sources(published) == [("2026-03-09T19:15-06:00", "minute", "<time datetime>")]


def test_itemprop_date_published():
    published, _ = page_times(page(body_extra='<span itemprop="datePublished" content="2026-03-09">9 mar</span>'))
    assert sources(published) == [("2026-03-09", "day", "itemprop datePublished")]


def test_extract_html_keeps_the_instant_and_its_source():
    text, meta = extract_html(page('<meta property="article:published_time" content="2026-03-09T13:40:00-06:00">'))
    assert "Customs officers" in text
    assert (meta["published"], meta["published_precision"], meta["published_source"]) == (
        "2026-03-09T13:40:00-06:00", "second", "meta article:published_time")


def test_container_time_first_refined_by_the_page():
    hints = {"published": "2026-03-09", "published_source": "jsonl published"}
    page_meta = {"published": "2026-03-09T13:40-06:00", "published_source": "meta article:published_time"}
    merged = merge_meta(hints, page_meta)
    assert (merged["published"], merged["published_precision"], merged["published_source"]) == (
        "2026-03-09T13:40-06:00", "minute", "meta article:published_time")
    # a page time of another day does not replace the container's
    merged = merge_meta(hints, dict(page_meta, published="2026-03-10T01:00-06:00"))
    assert (merged["published"], merged["published_source"]) == ("2026-03-09", "jsonl published")
    # a container value without a named source
    assert merge_meta({"published": "2026-03-09T10:00:00Z"})["published_source"] == "input published"


def test_stage_on_an_html_document():
    doc = ArticleDoc(source="page.html", format="html", hints={"saved_at": "2026-03-10T00:00:00Z"},
                     layers={"raw": page('<meta property="article:published_time" content="2026-03-09T13:40-06:00">'
                                         '<meta property="article:modified_time" content="2026-03-09T15:02-06:00">')})
    doc = Pipeline.from_names(["html_extract"], initial=("raw",))(doc)
    meta = doc.get("meta")
    assert meta["published"] == "2026-03-09T13:40-06:00"
    assert meta["published_precision"] == "minute"
    assert meta["modified"] == "2026-03-09T15:02-06:00"
    assert doc.provenance["meta"] == "html_extract@3"
