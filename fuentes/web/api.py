"""The JSON API (`/api/...`): everything the CLI shows, documented at /api/openapi.json.

Handlers are thin: each calls a library function (store queries or the web view builders)
and returns its plain data. Writing endpoints depend on `require_token`.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, Iterator
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from fuentes import __version__
from fuentes.codecs import ARTICLE
from fuentes.errors import StoreError
from fuentes.ingest.sources import ReadOptions
from fuentes.store.articles import count_articles, list_articles
from fuentes.store.views import (
    entities_page,
    names_of,
    provenance_counts,
    provenance_page,
    quotes_page,
    rejections_page,
    relations_page,
)
from fuentes.views.outlets import outlet_page
from fuentes.web import decisions, knowledge, reader, search, stories
from fuentes.web.addresses import public_address, url_problem
from fuentes.web.app import require_token
from fuentes.web.jobs import upload_items, upload_label, url_items
from fuentes.web.paging import Paging, page_info, page_number, pages

router = APIRouter(prefix="/api")
LISTING = pages(offset=True)  # ?page=/?offset= and ?limit= (50 a page, at most 200)
EVIDENCE = pages(default=10, cap=50)  # a record's evidence: articles a page


def listing(request: Request, paging: Paging, total: int, key: str, items: list, **extra: Any) -> dict[str, Any]:
    """A page of a list as every list route answers: the items under `key`, with total, page,
    pages, limit, offset and the next/prev links."""
    return {**page_info(request, paging, total), key: items, **extra}


def _ctx(request: Request):
    return request.app.state.store, request.app.state.tables


def article_summary(article) -> dict[str, Any]:
    return ARTICLE.summary(article)


@router.get("/status", tags=["store"])
def status(request: Request) -> dict[str, Any]:
    """Version, article count, which optional capabilities the store holds, whether writing is on."""
    store, tables = _ctx(request)
    return {"version": __version__, "dialect": store.dialect, "articles": count_articles(store),
            "capabilities": tables.capabilities(), "writable": bool(request.app.state.token)}


@router.get("/articles", tags=["articles"])
def articles(request: Request, paging: Paging = Depends(LISTING)) -> dict:
    """Stored articles, newest first (as `fuentes articles`), a page at a time."""
    store, _ = _ctx(request)
    items = list_articles(store, limit=paging.limit, offset=paging.offset)
    return listing(request, paging, count_articles(store), "articles", [article_summary(a) for a in items])


SPAN_START = Query(None, ge=0, le=10 ** 9, description="an evidence span's first char (with `end`)")
SPAN_END = Query(None, ge=0, le=10 ** 9, description="the char after an evidence span (with `start`)")


@router.get("/articles/{article_id}", tags=["articles"])
def article(request: Request, article_id: str, start: int | None = SPAN_START, end: int | None = SPAN_END) -> dict:
    """One article: metadata, clean text, removed furniture, sources, derivations (with their
    aligned passages), annotations (as `fuentes show`); with `start` and `end`, `target` is that
    span in its sentence."""
    store, tables = _ctx(request)
    view = reader.article_view(store, tables, article_id, reader.parse_target(None, start, end))
    if view is None:
        raise HTTPException(404, f"no article {article_id!r}")
    data = asdict(view.pop("article"))
    view.pop("paragraphs")
    return dict(view, article=data)


@router.get("/entities", tags=["entities"])
def entities(request: Request, kind: str | None = Query(None, max_length=20,
                                                       description="person, organization, place or other"),
             paging: Paging = Depends(LISTING)) -> dict:
    """People, groups and places resolved across articles, most reported first (as `fuentes
    entities`), a page at a time; `reach` is how many articles name each."""
    store, _ = _ctx(request)
    total, rows = entities_page(store, kind=kind or None, limit=paging.limit, offset=paging.offset)
    return listing(request, paging, total, "entities", rows)


class EntityDecision(BaseModel):
    first: str = Field(..., max_length=300, description="An entity id, name, alias or local ref 'article#key'")
    second: str = Field(..., max_length=300, description="The other entity, given the same way")
    note: str | None = Field(None, max_length=2000, description="Why (kept with the decision)")


def _decide(request: Request, kind: str, body: EntityDecision) -> dict:
    try:
        return decisions.decide(request, kind, body.first, body.second, body.note)
    except ValueError as error:
        raise HTTPException(422, str(error))
    except StoreError as error:
        raise HTTPException(503, str(error))


@router.post("/entities/merge", tags=["entities"], dependencies=[Depends(require_token)])
def merge_entities(request: Request, body: EntityDecision) -> dict:
    """An analyst's merge: the two entities are one. Kept in the store and applied at once and by
    every later analysis; recorded as a merge with reason "analyst: <note>"."""
    return _decide(request, "merge", body)


@router.post("/entities/split", tags=["entities"], dependencies=[Depends(require_token)])
def split_entities(request: Request, body: EntityDecision) -> dict:
    """An analyst's split: the two names are different entities, whatever the automatic rules say.
    Kept in the store and applied at once and by every later analysis."""
    return _decide(request, "split", body)


@router.get("/entities/{entity_id}", tags=["entities"])
def entity(request: Request, entity_id: str, paging: Paging = Depends(EVIDENCE)) -> dict:
    """An entity profile: aliases, roles, quotes, events, relations, watchlist hits, neighbours, and
    `evidence`: its mentions grouped by article (a few sentences each, with the count), a page of
    articles at a time."""
    store, tables = _ctx(request)
    found = knowledge.entity_profile(store, tables, entity_id, evidence_page=paging.page, per_page=paging.limit)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return found


@router.get("/quotes", tags=["entities"])
def quotes(request: Request, entity: str | None = Query(None, max_length=300, description="speaker: id or name"),
           article: str | None = Query(None, max_length=64), paging: Paging = Depends(LISTING)) -> dict:
    """Who said what (as `fuentes quotes`), newest first: filter by speaker entity or by article."""
    store, _ = _ctx(request)
    speaker = knowledge.find_entity(store, entity) if entity else None
    total, rows = quotes_page(store, entity_id=speaker["id"] if speaker else entity or None,
                              article_id=article or None, limit=paging.limit, offset=paging.offset)
    return listing(request, paging, total, "quotes", rows)


@router.get("/provenance", tags=["provenance"])
def provenance(request: Request, kind: str | None = Query(None, max_length=20),
               outlet: str | None = Query(None, max_length=300), paging: Paging = Depends(LISTING)) -> dict:
    """Articles with their kind, origin and the derivations pointing at them (as `fuentes
    provenance`), newest first, a page at a time; `counts`: articles of each kind."""
    store, _ = _ctx(request)
    total, rows = provenance_page(store, kind=kind or None, outlet=outlet or None, limit=paging.limit,
                                  offset=paging.offset)
    return listing(request, paging, total, "articles", rows, counts=provenance_counts(store))


@router.get("/outlets", tags=["provenance"])
def outlets(request: Request, paging: Paging = Depends(LISTING)) -> dict:
    """Per outlet: articles, originals vs copies, how many stored articles trace back to it, and
    how many corpus claims count it as an independent origin (`fuentes.views.outlets`)."""
    total, rows = outlet_page(request.app.state.store, limit=paging.limit, offset=paging.offset)
    return listing(request, paging, total, "outlets", rows)


@router.get("/stories", tags=["provenance"])
def story_list(request: Request, paging: Paging = Depends(LISTING)) -> dict:
    """Stories (or derivation groups when stories were not computed), biggest first; each names
    its first articles, `size` says how many it has."""
    store, tables = _ctx(request)
    total, items = stories.list_stories(store, tables, limit=paging.limit, offset=paging.offset)
    return listing(request, paging, total, "stories", items,
                   grouping="stories" if tables.filled("stories") else "derivations")


@router.get("/stories/{story_id}", tags=["provenance"])
def story(request: Request, story_id: str, paging: Paging = Depends(LISTING)) -> dict:
    """One story: a page of its articles (with the derivations into them), outlets, dates and the
    laid-out derivation tree of its first articles."""
    store, tables = _ctx(request)
    found = stories.get_story(store, tables, story_id, page=paging.page, limit=paging.limit)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return dict(found, paging=page_info(request, paging, found["size"]))


@router.get("/claims", tags=["claims"])
def claims(request: Request, paging: Paging = Depends(LISTING), grade: int | None = Query(None, ge=1, le=6),
           dpage: str | None = Query(None, description="page of the discrepancies, 20 a page")) -> dict:
    """A page of claims with independent sources and grade (best first), the counts by grade,
    and a page of discrepancies between sources."""
    dpage = page_number("dpage", dpage)
    board = knowledge.claims_board(*_ctx(request), page=paging.page, limit=paging.limit, grade=grade,
                                   discrepancy_page=dpage)
    return dict(board, **page_info(request, paging, board["total"]),
                discrepancies_paging=page_info(request, Paging(dpage, 20), board["discrepancies_total"], "dpage"))


@router.get("/claims/{claim_id}", tags=["claims"])
def claim(request: Request, claim_id: str, paging: Paging = Depends(EVIDENCE)) -> dict:
    """One claim (export fields), its evidence sentence in each reporting article, and the
    discrepancies it takes part in, each value with its own evidence."""
    found = knowledge.claim_page(*_ctx(request), claim_id, page=paging.page)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    return found


@router.get("/events/{event_id}", tags=["events"])
def event(request: Request, event_id: str, paging: Paging = Depends(EVIDENCE)) -> dict:
    """One event (export fields) with actors, targets and place named, and its evidence in each report."""
    found = knowledge.event_page(*_ctx(request), event_id, page=paging.page)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return found


@router.get("/relations/{relation_id}", tags=["network"])
def relation(request: Request, relation_id: str, paging: Paging = Depends(EVIDENCE)) -> dict:
    """One relation (export fields) with both ends named, and its evidence sentence in each article."""
    found = knowledge.relation_page(*_ctx(request), relation_id, page=paging.page)
    if found is None:
        raise HTTPException(404, f"no relation {relation_id!r}")
    return found


@router.get("/timeline", tags=["events"])
def timeline(request: Request,
             entity: str | None = Query(None, max_length=300,
                                        description="only events involving this entity (id, name or alias)"),
             story: str | None = Query(None, max_length=64, description="only events reported in this story"),
             type: str | None = Query(None, max_length=64, description="only events of this type: fuentes type, "
                                                                       "ACLED event type or sub-event type"),
             place: str | None = Query(None, max_length=300, description="only events in this place (id or name)"),
             paging: Paging = Depends(LISTING)) -> dict:
    """Dated events in date order with actors, targets, place and sources (as `fuentes
    timeline --entity --story --type --place`), a page at a time."""
    data = knowledge.timeline(*_ctx(request), entity=entity or None, story=story or None, kind=type or None,
                              place=place or None, page=paging.page, limit=paging.limit)
    return dict(data, **page_info(request, paging, data["total"]))


@router.get("/relations", tags=["network"])
def relations(request: Request, entity: str | None = Query(None, max_length=300, description="id or name"),
              paging: Paging = Depends(LISTING)) -> dict:
    """Relations (best supported first), or those of one entity, a page at a time."""
    store, _ = _ctx(request)
    who = knowledge.find_entity(store, entity) if entity else None
    total, rows = relations_page(store, entity_id=who["id"] if who else entity or None, limit=paging.limit,
                                 offset=paging.offset)
    names = names_of(store, [r[k] for r in rows for k in ("subject", "object")])
    items = [knowledge._cap(dict(knowledge._light(r), subject_name=names.get(r["subject"], r["subject"]),
                                 object_name=names.get(r["object"], r["object"])), "articles") for r in rows]
    return listing(request, paging, total, "relations", items)


@router.get("/network", tags=["network"])
def network(request: Request, limit: int = Query(knowledge.NETWORK_LIMIT, ge=1, le=10 ** 9,
                                                 description=f"nodes (at most {knowledge.NETWORK_CAP})"),
            kind: str | None = Query(None, max_length=20)) -> dict:
    """The top entities by degree (relations, or articles when none are stored) and the edges
    among them (relations, or co-mention when none are stored)."""
    return knowledge.network(*_ctx(request), limit=min(limit, knowledge.NETWORK_CAP), kind=kind or None)


@router.get("/search", tags=["search"])
def search_all(request: Request, q: str = Query(..., max_length=500),
               paging: Paging = Depends(pages(default=20, cap=100, offset=True))) -> dict:
    """Full-text search of articles (SQLite FTS5 / PostgreSQL full text) and of entity names."""
    store, _ = _ctx(request)
    found = search.search_articles(store, q, limit=paging.limit + 1, offset=paging.offset)
    info = page_info(request, paging, paging.offset + len(found))
    info["total"] = None  # a search does not count every hit
    return {"query": q, **info, "articles": found[:paging.limit], "entities": search.search_entities(store, q)}


@router.get("/rejections", tags=["store"])
def rejections(request: Request, paging: Paging = Depends(LISTING)) -> dict:
    """Inputs that could not be stored, with the reason (as `fuentes rejections`), a page at a time."""
    total, rows = rejections_page(request.app.state.store, limit=paging.limit, offset=paging.offset)
    return listing(request, paging, total, "rejections", rows)


@router.get("/export.jsonl", tags=["store"], response_class=StreamingResponse)
def export(request: Request) -> StreamingResponse:
    """The whole knowledge base as JSON lines (the export contract, as `fuentes export`)."""
    from fuentes.export.jsonl import iter_records

    store = request.app.state.store

    def lines() -> Iterator[str]:
        for record in iter_records(store):
            yield json.dumps(record, ensure_ascii=False, default=str) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson")


class UrlIngest(BaseModel):
    url: str = Field(..., max_length=2000, description="An http(s) page or RSS/Atom feed URL")


@router.post("/ingest/url", tags=["ingest"], dependencies=[Depends(require_token)], status_code=202)
def ingest_url(request: Request, body: UrlIngest) -> dict:
    """Fetch a page or feed and store its articles in the background; poll /api/jobs/{id}.

    Hosts that resolve to loopback, private, link-local, multicast or reserved addresses are
    refused (also after every redirect) unless the server runs with --allow-private-urls."""
    parts = urlsplit(body.url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HTTPException(422, f"not an http(s) URL: {body.url[:200]!r}")
    url = parts.geturl()
    private = request.app.state.allow_private_urls
    problem = None if private else url_problem(url)
    if problem:
        raise HTTPException(422, problem)
    options = ReadOptions(max_bytes=request.app.state.max_upload, allow_address=None if private else public_address)
    job = request.app.state.jobs.start(url, lambda: url_items(url, options))
    return job.as_dict()


@router.post("/ingest/upload", tags=["ingest"], dependencies=[Depends(require_token)], status_code=202)
async def ingest_upload(request: Request, file: UploadFile = File(..., description=".html, .txt, .md or .jsonl")) -> dict:
    """Store the articles of an uploaded file in the background; poll /api/jobs/{id}."""
    limit = request.app.state.max_upload
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"{upload_label(file.filename)} is over the upload limit of {limit} bytes")
    options = ReadOptions(max_bytes=limit)
    job = request.app.state.jobs.start(upload_label(file.filename),
                                       lambda: upload_items(file.filename, data, options), total_bytes=len(data))
    return job.as_dict()


@router.get("/jobs", tags=["ingest"])
def jobs(request: Request) -> list[dict]:
    """Recent ingest jobs of this server, newest last."""
    return [job.as_dict() for job in request.app.state.jobs.jobs.values()]


@router.get("/jobs/{job_id}", tags=["ingest"])
def job(request: Request, job_id: str) -> dict:
    """Progress of one ingest job."""
    found = request.app.state.jobs.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return found.as_dict()
