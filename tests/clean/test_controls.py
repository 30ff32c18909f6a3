"""Control characters out of text and metadata; the true reason when HTML gives no text."""

from __future__ import annotations

import pytest

from fuentes.clean.controls import clean_fields, strip_controls
from fuentes.clean.html import NO_TEXT, nesting_depth, why_no_text
from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.pipeline import Pipeline


def test_strip_controls_keeps_tab_newline_return() -> None:
    assert strip_controls("a\x00b\x01c\x1b[2Jd\te\nf\rg") == "abc[2Jd\te\nf\rg"
    assert strip_controls("page\x0cbreak\x0bline") == "page\nbreak\nline"
    assert strip_controls("lone \ud800 surrogate") == "lone \ufffd surrogate"
    text = "Señor Zárate, “quoted” — fine.\n"
    assert strip_controls(text) is text or strip_controls(text) == text


def test_clean_fields_empties_become_none() -> None:
    assert clean_fields({"title": "Two\x00 held", "byline": "\x00\x01", "n": 3}) == {
        "title": "Two held", "byline": None, "n": 3}


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_html_extract_cleans_text_hints_and_page_metadata(fmt: str) -> None:
    body = "Police arrested two men\x00 in the port of Veracruz on Monday night after a long raid."
    raw = (f"<html><head><title>Port\x01 raid</title></head><body><article><p>{body}</p></article></body></html>"
           if fmt == "html" else body)
    doc = ArticleDoc(source="x", format=fmt, hints={"outlet": "Gaceta\x00", "saved_at": "2024-03-05\x00"},
                     layers={"raw": raw})
    doc = Pipeline.from_names(["html_extract"])(doc)
    assert "\x00" not in doc.get("extracted") and "two men in the port" in doc.get("extracted")
    assert doc.meta["outlet"] == "Gaceta" and doc.hints["saved_at"] == "2024-03-05"
    if fmt == "html":
        assert doc.meta["title"] == "Port raid"


def test_nesting_depth_ignores_void_and_optional_end_tags() -> None:
    page = "<html><body><p>a<p>b<ul><li>x<li>y</ul><br><img src=x><!-- <div><div> --><div></div></body></html>"
    assert nesting_depth(page) == 3


def test_why_no_text() -> None:
    assert why_no_text("<html><body><nav>menu</nav></body></html>") == NO_TEXT
    assert why_no_text("<div>" * 300).startswith("HTML nested 300 levels deep: not read")
    assert why_no_text("<p>" + "x" * 10_500_000).startswith("paragraph of 10.0 MB: not read")


def test_deep_html_is_rejected_with_the_depth() -> None:
    text = "Police arrested the mayor of the port city on Monday after a long investigation. " * 3
    page = "<html><body>" + "<div>" * 400 + f"<p>{text}</p>" + "</div>" * 400 + "</body></html>"
    with pytest.raises(InputError) as caught:
        Pipeline.from_names(["html_extract"])(ArticleDoc(source="deep.html", format="html", layers={"raw": page}))
    assert caught.value.reason == "HTML nested 402 levels deep: not read (the HTML parser stops at 255 levels)"
