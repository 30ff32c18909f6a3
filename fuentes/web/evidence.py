"""A record's evidence as the workbench shows it: per article, the sentences with the span marked,
each linked to the reader opened on that span.

The cutting is the library's (`fuentes.views.evidence`); this module only adds what a page
needs: article metadata, the order of articles, pages of articles (an entity named thousands of
times reads the texts of one page of articles, never all), and the reader links
(`/articles/{id}?start=S&end=E#span`). Everything returned is plain data; templates escape it.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Iterable
from urllib.parse import quote

from fuentes.codecs import evidence_records
from fuentes.model import Derivation, Evidence
from fuentes.store import Store
from fuentes.store.views import (
    article_meta,
    article_texts,
    mention_counts,
    mention_page,
)
from fuentes.views.evidence import PER_ARTICLE, WINDOW, excerpt, group_by_article
from fuentes.views.provenance import article_order

PER_PAGE = 10  # articles per page of evidence
PASSAGES = 6  # aligned passages shown per derivation
MAX_LINKS = 20  # derivations of one article whose passages are shown


def span_link(article: str, start: int, end: int) -> str:
    """The reader opened on a span: highlighted, and scrolled to by the `#span` anchor."""
    return f"/articles/{quote(article, safe='')}?start={int(start)}&end={int(end)}#span"


def evidence_item(ev: Evidence, text: str | None, window: int = WINDOW) -> dict[str, Any]:
    """One span: where it is, who found it, the reader link, and (before, text, after) of its
    sentence; `text` is None, with a `problem`, when the article or the span is not there."""
    item: dict[str, Any] = {"article": ev.article, "start": ev.start, "end": ev.end, "extractor": ev.label,
                            "link": span_link(ev.article, ev.start, ev.end)}
    if ev.confidence is not None:
        item["confidence"] = ev.confidence
    if text is None:
        return dict(item, text=None, before="", after="", problem="the article is not in this store")
    cut = excerpt(text, ev.start, ev.end, window)
    if cut is None:
        return dict(item, text=None, before="", after="",
                    problem=f"chars {ev.start}-{ev.end} lie outside the article's text ({len(text)} chars)")
    return dict(item, **cut.as_dict())


def evidence_view(store: Store, spans: Iterable[Any], *, per_article: int = PER_ARTICLE, page: int = 1,
                  per_page: int | None = PER_PAGE, window: int = WINDOW) -> dict[str, Any]:
    """A record's spans grouped by article (originals first, then by date), one page of
    `per_page` articles (all when None), at most `per_article` excerpts per article with the
    count of the others.

    {"total": spans, "articles": articles, "page", "pages", "per_page", "per_article",
     "groups": [{"article": {id, outlet, title, published, ...}, "count", "more", "spans": [...]}]}
    """
    groups = group_by_article(spans, per_article)
    meta = article_meta(store, [g.article for g in groups]) if groups else {}
    groups.sort(key=lambda g: article_order(meta.get(g.article) or {"id": g.article}))
    pages = max(1, math.ceil(len(groups) / per_page)) if per_page else 1
    page = min(max(1, page), pages)
    shown = groups[(page - 1) * per_page:page * per_page] if per_page else groups
    texts = article_texts(store, [g.article for g in shown])
    out = _rendered(shown, meta, texts, window)
    return {"total": sum(g.count for g in groups), "articles": len(groups), "page": page, "pages": pages,
            "per_page": per_page or len(groups), "per_article": per_article, "groups": out}


def _rendered(groups: list, meta: dict, texts: dict, window: int) -> list[dict]:
    """Each group of spans with its article's metadata (or a "missing" stub) and each span's sentence."""
    out = []
    for group in groups:
        info = meta.get(group.article) or {"id": group.article, "outlet": None, "title": None, "published": None,
                                           "missing": True}
        out.append({"article": info, "count": group.count, "more": group.more,
                    "spans": [evidence_item(ev, texts.get(group.article), window) for ev in group.shown]})
    return out


def passages_view(store: Store, links: list[Derivation], limit: int = PASSAGES,
                  max_links: int = MAX_LINKS) -> dict[tuple[str, str], dict]:
    """(source, target) -> {"pairs": [{"source": item, "target": item}], "more": n} for each
    derivation that kept aligned passages: the source's span beside the target's, each an
    excerpt linked to the reader. At most `limit` pairs of the first `max_links` derivations
    are cut (a wire story copied hundreds of times reads a bounded number of texts); the others
    only count theirs in "more"."""
    kept = [d for d in links if d.passages]
    shown = kept[:max_links]
    wanted = {ev.article for d in shown for pair in d.passages[:limit] for ev in pair}
    texts = article_texts(store, list(wanted))
    out: dict[tuple[str, str], dict] = {}
    for link in shown:
        pairs = [{"source": evidence_item(a, texts.get(a.article), 0),
                  "target": evidence_item(b, texts.get(b.article), 0)} for a, b in link.passages[:limit]]
        out[(link.source, link.target)] = {"pairs": pairs, "more": max(0, len(link.passages) - limit)}
    for link in kept[max_links:]:
        out[(link.source, link.target)] = {"pairs": [], "more": len(link.passages)}
    return out


def entity_evidence_view(store: Store, entity_id: str, spans: Callable[[], Iterable[Any]], *, page: int = 1,
                         per_page: int = PER_PAGE, per_article: int = PER_ARTICLE,
                         window: int = WINDOW) -> dict[str, Any]:
    """An entity's mentions as `evidence_view` shows them, the page cut by the database: only
    the local entities of one page of articles are read (an entity named in thousands of
    articles costs one page). A store whose local entities were never resolved to the entity
    falls back to `spans()` (the entity's own evidence column) and `evidence_view`."""
    n_articles, n_spans = mention_counts(store, entity_id)
    if not n_articles:
        return evidence_view(store, spans(), per_article=per_article, page=page, per_page=per_page, window=window)
    pages = max(1, math.ceil(n_articles / per_page))
    page = min(max(1, page), pages)
    rows = mention_page(store, entity_id, per_page, (page - 1) * per_page)
    found = [ev for row in rows for ev in evidence_records(row["evidence"], row["article_id"], "entities@0")]
    groups = group_by_article(found, per_article)
    order = list(dict.fromkeys(row["article_id"] for row in rows))
    groups.sort(key=lambda g: order.index(g.article) if g.article in order else len(order))
    meta = article_meta(store, order)
    texts = article_texts(store, order)
    out = _rendered(groups, meta, texts, window)
    return {"total": n_spans, "articles": n_articles, "page": page, "pages": pages, "per_page": per_page,
            "per_article": per_article, "groups": out}
