"""Article body and metadata from HTML, with trafilatura.

Stage `html_extract` turns the raw layer into the `extracted` text: for HTML inputs the main
text found by trafilatura (paragraphs separated by blank lines) plus the page's metadata; for
text inputs the raw text as it is. Container hints (JSON lines fields, WARC headers, feed
entries) take precedence over what the page says about itself.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from fuentes.clean.controls import clean_fields, strip_controls
from fuentes.clean.encoding import repair_encoding, repair_fields
from fuentes.clean.dates import (
    Instant,
    choose,
    instant_fields,
    parse_instant,
    stored_instant,
)
from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.nlp.data_files import load_yaml
from fuentes.pipeline import stage_from_function

META_FIELDS = ("outlet", "title", "byline", "published", "published_source", "modified", "url", "language",
               "saved_at")
TIME_FIELDS = ("published", "published_precision", "published_source", "modified")
MARKUP_FILE = Path(__file__).with_name("data") / "times" / "markup.yaml"
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
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# The cleaner's cost, for a pre-flight estimate (`cleaning_cost`). trafilatura's time grows with
# the square of the number of elements on pages of many short blocks (most of it in its check
# whether to prefer readability's extraction: 10 of 18 s on 3 MB of <p>), linearly with the bytes
# otherwise. Measured with trafilatura 2.3 on one core of the reference machine, lightly loaded
# (bench/ingest_budget.py --shapes): 24,000 <p> take 2.0 s, 48,000 7.5 s, 96,000 39 s; as many
# table cells or spans two to three times as long; list items, headings and lines cut by <br>
# grow about linearly (2 s a MB). The coefficients fit <p> at 1 MB, the low end of what grows
# with the square, so that the estimate errs low where it matters: a page of them it puts over
# its budget would overrun it. Lists and headings it overstates (twice at 2 MB): under the
# default budget, a page of more than about 170,000 list items (7 MB) is rejected up front.
COST_PER_ELEMENT_SQUARED = 2e-9  # seconds
COST_PER_MB = 1.0  # seconds
# Start tags, and those of void elements (no content: <br>, <img>...); each match is the "<"
# alone, so counting a page of tags allocates nothing per tag.
_VOID = "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|keygen|command|basefont|frame|isindex"
_START = r"<(?=[A-Za-z])"
_VOID_START = rf"<(?=[abcefhiklmpstw])(?=(?:{_VOID})\b)"  # the class: their first letters, a quick test
_COUNTERS = {str: (re.compile(_START), re.compile(_VOID_START, re.IGNORECASE)),
             bytes: (re.compile(_START.encode()), re.compile(_VOID_START.encode(), re.IGNORECASE))}


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
    published, modified = page_times(html)
    published.append(parse_instant(result.date, "page date (htmldate)"))
    meta = {
        "outlet": result.sitename or None,
        "title": result.title or None,
        "byline": result.author or None,
        "url": result.url or url,
        "language": result.language or None,
        **instant_fields(choose(published), choose(modified)),
    }
    return text, meta


@lru_cache(maxsize=1)
def _markup() -> dict[str, Any]:
    raw = load_yaml(MARKUP_FILE.read_text(encoding="utf-8")) or {}
    return {"published": [n.casefold() for n in raw.get("published_meta", [])],
            "modified": [n.casefold() for n in raw.get("modified_meta", [])],
            "types": frozenset(raw.get("json_ld_article_types", []))}


def page_times(html: str) -> tuple[list[Instant], list[Instant]]:
    """Publication and modification times the page's markup states, most trusted first.

    Read from the raw HTML (trafilatura only gives a date): `<meta>` properties
    (`article:published_time`...), JSON-LD `datePublished` / `dateModified`, `itemprop`
    attributes and `<time datetime>`. Each keeps its precision and offset as written.
    """
    try:  # lxml refuses a str that declares its encoding: the declaration goes
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.LxmlError, ValueError):
        return [], []
    markup = _markup()
    metas: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().casefold()
        content = (element.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    ld_published, ld_modified = _json_ld_times(root, markup["types"])
    published, modified = [], []
    first = markup["published"][0]
    published.append(parse_instant(metas.get(first), f"meta {first}"))
    published.append(parse_instant(ld_published, "json-ld datePublished"))
    published += [parse_instant(metas.get(name), f"meta {name}") for name in markup["published"][1:]]
    modified += [parse_instant(metas.get(name), f"meta {name}") for name in markup["modified"][:1]]
    modified.append(parse_instant(ld_modified, "json-ld dateModified"))
    modified += [parse_instant(metas.get(name), f"meta {name}") for name in markup["modified"][1:]]
    for prop, out in (("datePublished", published), ("dateModified", modified)):
        for element in root.xpath(f"//*[@itemprop='{prop}'][@datetime or @content]"):
            out.append(parse_instant(element.get("datetime") or element.get("content"), f"itemprop {prop}"))
    times = root.xpath("//article//time[@datetime]") or root.xpath("//time[@datetime]")
    marked = [t for t in times if t.get("pubdate") is not None] + times
    published += [parse_instant(t.get("datetime"), "<time datetime>") for t in marked[:1]]
    return [p for p in published if p], [m for m in modified if m]


def _json_ld_times(root, article_types: frozenset[str]) -> tuple[str | None, str | None]:
    """datePublished and dateModified of the page's JSON-LD article (else of any node)."""
    nodes: list[dict] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                nodes.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage")
                             and isinstance(v, (list, dict)))

    def is_article(node: dict) -> bool:
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        return any(str(k).rsplit("/", 1)[-1] in article_types for k in kinds)

    ordered = [n for n in nodes if is_article(n)] + [n for n in nodes if not is_article(n)]

    def first(key: str) -> str | None:
        return next((str(n[key]) for n in ordered if isinstance(n.get(key), (str, int)) and n.get(key)), None)

    return first("datePublished"), first("dateModified")


def cleaning_cost(html: bytes | str) -> tuple[float, str]:
    """Seconds `extract_html` would take on `html`, estimated from its size and its number of
    elements (start tags other than void ones: <br>, <img>...), and what it was read from.

    Two passes of a regular expression over the bytes (0.1 s for 15 MB of HTML, about 1 s for
    16 MB of nothing but tags), no parsing, so it can run before anything else; the same page
    always gets the same estimate. It errs low (see COST_PER_ELEMENT_SQUARED): a page of short
    blocks estimated over its time budget would overrun it anyway.
    Pages in an encoding that is not ASCII-compatible (UTF-16) count no elements.
    """
    starts, voids = _COUNTERS[bytes if isinstance(html, bytes) else str]
    elements = len(starts.findall(html)) - len(voids.findall(html))
    megabytes = len(html) / MB
    seconds = COST_PER_ELEMENT_SQUARED * elements ** 2 + COST_PER_MB * megabytes
    return seconds, f"{elements:,} HTML elements in {megabytes:.1f} MB"


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
    """First non-empty value per field, in the order given; the publication time is the first
    source's, made more precise by a later one that agrees with it (`fuentes.clean.dates.choose`)."""
    merged: dict[str, Any] = {field: None for field in META_FIELDS}
    for source in sources:
        for key, value in source.items():
            if key not in TIME_FIELDS and value not in (None, "") and merged.get(key) in (None, ""):
                merged[key] = value
    published = [stored_instant(_with_source(source)) for source in sources]
    modified = [stored_instant(source, "modified") for source in sources]
    merged.update(instant_fields(choose(published), choose(modified)))
    return merged


def _with_source(source: dict[str, Any]) -> dict[str, Any]:
    """A container's hints name where their publication time came from; else "input published"."""
    if source.get("published") and not source.get("published_source"):
        return dict(source, published_source="input published")
    return source


@stage_from_function("html_extract", requires=("raw",), provides=("extracted", "meta"), version="3")
def html_extract(doc: ArticleDoc) -> ArticleDoc:
    """HTML -> main text + page metadata; text inputs pass through unchanged but for what no
    article holds: control characters and mis-decoded accents ("AmÃ©rica")."""
    # No control characters (NUL...) in the text or any metadata field, whatever the input kind.
    doc.hints = {key: value for key, value in repair_fields(clean_fields(doc.hints)).items() if value is not None}
    hints = {key: doc.hints.get(key) for key in META_FIELDS}
    raw = strip_controls(doc.get("raw"))
    if doc.format == "html":
        text, page_meta = extract_html(raw, url=hints.get("url"))
        text, page_meta = repair_encoding(strip_controls(text)), repair_fields(clean_fields(page_meta))
        if not text.strip():
            raise InputError(doc.source, why_no_text(raw))
        meta = merge_meta(hints, page_meta)
    else:
        text, meta = repair_encoding(raw), merge_meta(hints)
    doc.set("extracted", text, by=html_extract.name + "@" + html_extract.version)
    doc.set("meta", meta, by=html_extract.name + "@" + html_extract.version)
    return doc
