"""Article body and metadata from HTML, with trafilatura.

Stage `html_extract` turns the raw layer into the `extracted` text: for HTML inputs the main
text found by trafilatura (paragraphs separated by blank lines) plus the page's metadata; for
text inputs the raw text as it is. Container hints (JSON lines fields, WARC headers, feed
entries) take precedence over what the page says about itself.
"""

from __future__ import annotations

from typing import Any

import trafilatura

from fuentes.clean.dates import iso_date
from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.pipeline import stage_from_function

META_FIELDS = ("outlet", "title", "byline", "published", "url", "language", "saved_at")


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Main text of an HTML page and its metadata (outlet, title, byline, published, url, language).

    Returns ("", {...}) when trafilatura finds no main text.
    """
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        output_format="python",
        # Dates from the page's own markup only: the extensive search over the whole text is
        # slow and its guesses are weaker than the dates the cleaner reads from the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return "", {}
    paragraphs = [line.strip() for line in (result.text or "").split("\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    meta = {
        "outlet": result.sitename or None,
        "title": result.title or None,
        "byline": result.author or None,
        "published": result.date or None,
        "url": result.url or url,
        "language": result.language or None,
    }
    return text, meta


def merge_meta(*sources: dict[str, Any]) -> dict[str, Any]:
    """First non-empty value per field, in the order given."""
    merged: dict[str, Any] = {field: None for field in META_FIELDS}
    for source in sources:
        for key, value in source.items():
            if value not in (None, "") and merged.get(key) in (None, ""):
                merged[key] = value
    merged["published"] = iso_date(merged.get("published"))
    return merged


@stage_from_function("html_extract", requires=("raw",), provides=("extracted", "meta"), version="1")
def html_extract(doc: ArticleDoc) -> ArticleDoc:
    """HTML -> main text + page metadata; text inputs pass through unchanged."""
    hints = {key: doc.hints.get(key) for key in META_FIELDS}
    if doc.format == "html":
        text, page_meta = extract_html(doc.get("raw"), url=hints.get("url"))
        if not text.strip():
            raise InputError(doc.source, "no article text found in the HTML (empty page, or navigation only)")
        meta = merge_meta(hints, page_meta)
    else:
        text, meta = doc.get("raw"), merge_meta(hints)
    doc.set("extracted", text, by=html_extract.name + "@" + html_extract.version)
    doc.set("meta", meta, by=html_extract.name + "@" + html_extract.version)
    return doc
