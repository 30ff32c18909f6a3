"""The article reader: the clean body cut into annotated segments, plus everything around it.

Annotations (entity mentions, quotes, claims, an evidence span asked for in the URL) are char
spans of the article's clean text. They may nest or overlap, so the body is cut at every span
boundary and each segment carries the set of annotations covering it. Templates render the
segments with autoescaping: the article text never becomes markup.
"""

from __future__ import annotations

from typing import Any

from fuentes.codecs import CLAIM, DERIVATION
from fuentes.model import Evidence
from fuentes.store import Store
from fuentes.store.analysis import quotes_of
from fuentes.store.articles import article_sources_of, get_article
from fuentes.store.views import claims_page, derivations_around, mentions_of
from fuentes.web.evidence import evidence_item, passages_view, span_link
from fuentes.web.tables import TableCache, as_list


def _claim_spans(tables: TableCache, article_id: str) -> list[dict[str, Any]]:
    """Per-article claim spans: the `claims` layer of `article_layers`, when the claims stage stored it."""
    rows = tables.rows("article_layers", article_id=article_id, layer="claims") or []
    spans = []
    for row in rows:
        for item in as_list(row.get("data")):
            if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                spans.append(item)
    return spans


CLAIMS_SHOWN = 200  # corpus claims of one article read at most
LINKS_SHOWN = 50  # derivations out of one article shown (the best scored)


def _corpus_claims(store: Store, tables: TableCache, article_id: str) -> list[dict[str, Any]]:
    """The corpus claims an article reports (found by the database, at most CLAIMS_SHOWN)."""
    if not tables.has("claims"):
        return []
    return claims_page(store, article_id=article_id, limit=CLAIMS_SHOWN)[1]


def annotations(store: Store, tables: TableCache, article_id: str,
                target: tuple[int, int] | None = None,
                claims: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every span to highlight: kind, start, end, a label and where it links. A claim span links
    to the corpus claim whose evidence holds it (or that has its id)."""
    if claims is None:
        claims = _corpus_claims(store, tables, article_id)
    corpus_ids = {c["id"] for c in claims}
    by_span = {(ev.start, ev.end): c["id"] for c in claims for ev in CLAIM.from_row(c).evidence
               if ev.article == article_id}
    spans: list[dict[str, Any]] = []
    for m in mentions_of(store, article_id):
        spans.append({"kind": "entity", "start": m["start"], "end": m["end"], "label": m["label"],
                      "link": f"/entities/{m['entity_id']}" if m["entity_id"] else None,
                      "title": f"{m['label']}: {m['name'] or m['text']}"})
    for q in quotes_of(store, article_id=article_id):
        who = q["speaker_name"] or "unknown speaker"
        spans.append({"kind": "quote", "start": q["start"], "end": q["end"], "label": who,
                      "link": f"/entities/{q['speaker']}" if q["speaker"] else None,
                      "title": ("said by " if q["direct"] else "reported from ") + who})
    for c in _claim_spans(tables, article_id):
        corpus = by_span.get((c["start"], c["end"])) or (c.get("id") if c.get("id") in corpus_ids else None)
        spans.append({"kind": "claim", "start": c["start"], "end": c["end"], "label": "claim",
                      "link": f"/claims/{corpus}" if corpus else None,
                      "title": "claim"})
    if target:
        spans.append({"kind": "target", "start": target[0], "end": target[1], "label": "evidence",
                      "link": None, "title": "the evidence you followed"})
    return spans


def segments(text: str, spans: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Paragraphs (split on blank lines) of segments {text, kinds, link, title, anchor}."""
    size = len(text)
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= size]
    cuts = sorted({0, size, *(s["start"] for s in spans), *(s["end"] for s in spans),
                   *(i for i in range(size) if text.startswith("\n\n", i))})
    paragraphs: list[list[dict[str, Any]]] = [[]]
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        if text.startswith("\n\n", a):
            paragraphs.append([])
            piece = piece.lstrip("\n")
            if not piece:
                continue
        active = [s for s in spans if s["start"] <= a and b <= s["end"]]
        linked = next((s for s in sorted(active, key=lambda s: s["end"] - s["start"]) if s["link"]), None)
        paragraphs[-1].append({
            "text": piece, "kinds": sorted({s["kind"] for s in active}),
            "link": linked["link"] if linked else None,
            "title": "; ".join(s["title"] for s in active),
            "anchor": next((f"c{s['start']}" for s in active if s["start"] == a), None),
            "target_start": any(s["kind"] == "target" and s["start"] == a for s in active)})
    return [p for p in paragraphs if p]


def article_view(store: Store, tables: TableCache, article_id: str,
                 target: tuple[int, int] | None = None) -> dict[str, Any] | None:
    article = get_article(store, article_id)
    if article is None:
        return None
    links, copies = derivations_around(store, article.id, LINKS_SHOWN)
    aligned = passages_view(store, [DERIVATION.from_row(link) for link in links])
    for link in links:  # the aligned passages (source span beside target span), when kept
        found = aligned.get((link["source"], link["target"])) or {"pairs": [], "more": 0}
        link["aligned"], link["aligned_more"] = found["pairs"], found["more"]
        link.pop("passages", None)  # shown cut in `aligned`
    claims = _corpus_claims(store, tables, article.id)
    spans = annotations(store, tables, article.id, target, claims)
    return {
        "article": article,
        "sources": article_sources_of(store, article.id),
        "derived_from": [d for d in links if d["target"] == article.id],
        "copied_by": [d for d in links if d["source"] == article.id],
        "copied_by_total": copies,
        "paragraphs": segments(article.text, spans),
        "spans": spans,
        "target": target_view(article, target),
        "quotes": quotes_of(store, article_id=article.id),
        "claims": claims,
    }


def target_view(article: Any, target: tuple[int, int] | None) -> dict[str, Any] | None:
    """The evidence span the URL asks to show: its sentence (as on evidence lists), or why it
    cannot be shown (it lies outside the text)."""
    if target is None:
        return None
    item = evidence_item(Evidence(article.id, target[0], target[1], "link"), article.text)
    item.pop("extractor", None)
    item["link"] = span_link(article.id, *target)
    return item


def parse_target(span: str | None = None, start: int | None = None, end: int | None = None) -> tuple[int, int] | None:
    """The span an evidence link asks for: `?start=S&end=E` (or the older `?span=S-E`)."""
    if start is not None and end is not None:
        return (start, end) if 0 <= start < end <= 10 ** 9 else None
    return parse_span(span)


def parse_span(value: str | None) -> tuple[int, int] | None:
    """`start-end` from a URL (evidence links) into a pair of ints, or None if malformed."""
    if not value or "-" not in value:
        return None
    a, _, b = value.partition("-")
    if not (a.isdigit() and b.isdigit()) or len(a) > 9 or len(b) > 9:
        return None
    start, end = int(a), int(b)
    return (start, end) if start < end else None
