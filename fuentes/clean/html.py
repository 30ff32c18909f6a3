"""Article body and metadata from HTML, with trafilatura.

Stage `html_extract` turns the raw layer into the `extracted` text: for HTML inputs the main
text found by trafilatura (paragraphs separated by blank lines) plus the page's metadata; for
text inputs the raw text as it is. Container hints (JSON lines fields, WARC headers, feed
entries) take precedence over what the page says about itself.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from fuentes.clean.controls import clean_fields, strip_controls
from fuentes.clean.dates import iso_date
from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.pipeline import stage_from_function

META_FIELDS = ("outlet", "title", "byline", "published", "url", "language", "saved_at")
NO_TEXT = "no article text found in the HTML (empty page, or navigation only)"
# libxml2, which parses the HTML for trafilatura, leaves out what is nested deeper than this
# (html and body included) and any run of text longer than this many bytes between two tags.
PARSER_MAX_DEPTH = 255
PARSER_MAX_TEXT = 10_000_000
MB = 1024 * 1024
# Elements whose end tag is often left out, or that have none: they do not deepen the tree.
_NO_DEPTH = frozenset("""p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp
    rtc area base br col embed hr img input link meta param source track wbr keygen command basefont
    frame isindex""".split())
_UNPARSED = re.compile(r"<!--.*?(?:-->|$)|<(script|style|textarea|title)\b.*?(?:</\1\s*>|$)",
                       re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")


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


def why_no_text(html: str) -> str:
    """Why trafilatura found no text in `html`: too deep or too long for the parser, else NO_TEXT."""
    depth = nesting_depth(html)
    if depth > PARSER_MAX_DEPTH:
        return f"HTML nested {depth} levels deep: not read (the HTML parser stops at {PARSER_MAX_DEPTH} levels)"
    longest = longest_text_run(html)
    if longest > PARSER_MAX_TEXT:
        return (f"paragraph of {longest / MB:.1f} MB: not read (the HTML parser stops at "
                f"{PARSER_MAX_TEXT:,} bytes of text without markup)")
    return NO_TEXT


def nesting_depth(html: str) -> int:
    """How deep the elements of `html` nest (comments, scripts and styles left out)."""
    depth = deepest = 0
    for match in _TAG.finditer(_UNPARSED.sub(" ", html)):
        closing, name, empty = match.groups()
        if name.lower() in _NO_DEPTH or empty:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def longest_text_run(html: str) -> int:
    """Bytes (UTF-8) of the longest stretch of `html` between two tags."""
    longest = max(html.split("<"), key=len, default="")
    return len(longest.encode("utf-8", "replace"))


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
    # No control characters (NUL...) in the text or any metadata field, whatever the input kind.
    doc.hints = {key: value for key, value in clean_fields(doc.hints).items() if value is not None}
    hints = {key: doc.hints.get(key) for key in META_FIELDS}
    raw = strip_controls(doc.get("raw"))
    if doc.format == "html":
        text, page_meta = extract_html(raw, url=hints.get("url"))
        text, page_meta = strip_controls(text), clean_fields(page_meta)
        if not text.strip():
            raise InputError(doc.source, why_no_text(raw))
        meta = merge_meta(hints, page_meta)
    else:
        text, meta = raw, merge_meta(hints)
    doc.set("extracted", text, by=html_extract.name + "@" + html_extract.version)
    doc.set("meta", meta, by=html_extract.name + "@" + html_extract.version)
    return doc
