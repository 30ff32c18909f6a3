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
from fuentes.errors import StoreError
from fuentes.ingest.sources import ReadOptions
from fuentes.store.analysis import list_entities, provenance_rows, quotes_of
from fuentes.store.articles import count_articles, list_articles, list_rejections
from fuentes.web import decisions, knowledge, reader, search, stories
from fuentes.web.addresses import public_address, url_problem
from fuentes.codecs import ARTICLE
from fuentes.web.app import require_token
from fuentes.web.jobs import upload_items, upload_label, url_items

router = APIRouter(prefix="/api")


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
def articles(request: Request, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10 ** 9)) -> dict:
    """Stored articles, newest first (as `fuentes articles`)."""
    store, _ = _ctx(request)
    items = list_articles(store, limit=limit, offset=offset)
    return {"total": count_articles(store), "articles": [article_summary(a) for a in items]}


SPAN_START = Query(None, ge=0, le=10 ** 9, description="an evidence span's first char (with `end`)")
SPAN_END = Query(None, ge=0, le=10 ** 9, description="the char after an evidence span (with `start`)")
EVIDENCE_PAGE = Query(1, ge=1, le=100000, description="page of the evidence, 10 articles a page")


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
def entities(request: Request, kind: str | None = Query(None, description="person, organization, place or other"),
             limit: int = Query(100, ge=1, le=2000), offset: int = Query(0, ge=0, le=10 ** 9)) -> dict:
    """People, groups and places resolved across articles, most reported first (as `fuentes entities`)."""
    store, _ = _ctx(request)
    rows = list_entities(store, kind=kind)
    return {"total": len(rows), "entities": rows[offset:offset + limit]}


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
def entity(request: Request, entity_id: str, page: int = EVIDENCE_PAGE) -> dict:
    """An entity profile: aliases, roles, quotes, events, relations, watchlist hits, neighbours, and
    `evidence`: its mentions grouped by article (a few sentences each, with the count), a page of
    articles at a time."""
    store, tables = _ctx(request)
    found = knowledge.entity_profile(store, tables, entity_id, evidence_page=page)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return found


@router.get("/quotes", tags=["entities"])
def quotes(request: Request, entity: str | None = None, article: str | None = None) -> list[dict]:
    """Who said what (as `fuentes quotes`): filter by speaker entity id or by article id."""
    store, _ = _ctx(request)
    return quotes_of(store, entity_id=entity, article_id=article)


@router.get("/provenance", tags=["provenance"])
def provenance(request: Request) -> list[dict]:
    """Every article with its kind, origin and the derivations pointing at it (as `fuentes provenance`)."""
    store, _ = _ctx(request)
    return provenance_rows(store)


@router.get("/stories", tags=["provenance"])
def story_list(request: Request, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10 ** 9)) -> dict:
    """Stories (or derivation groups when stories were not computed), biggest first."""
    store, tables = _ctx(request)
    total, items = stories.list_stories(store, tables, limit=limit, offset=offset)
    return {"total": total, "grouping": "stories" if tables.filled("stories") else "derivations", "stories": items}


@router.get("/stories/{story_id}", tags=["provenance"])
def story(request: Request, story_id: str) -> dict:
    """One story: its articles, outlets, dates, derivations and the laid-out derivation tree."""
    store, tables = _ctx(request)
    found = stories.get_story(store, tables, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return found


@router.get("/claims", tags=["claims"])
def claims(request: Request) -> dict:
    """Claims with independent sources and grade; discrepancies between sources."""
    return knowledge.claims_board(*_ctx(request))


@router.get("/claims/{claim_id}", tags=["claims"])
def claim(request: Request, claim_id: str, page: int = EVIDENCE_PAGE) -> dict:
    """One claim (export fields), its evidence sentence in each reporting article, and the
    discrepancies it takes part in, each value with its own evidence."""
    found = knowledge.claim_page(*_ctx(request), claim_id, page=page)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    return found


@router.get("/events/{event_id}", tags=["events"])
def event(request: Request, event_id: str, page: int = EVIDENCE_PAGE) -> dict:
    """One event (export fields) with actors, targets and place named, and its evidence in each report."""
    found = knowledge.event_page(*_ctx(request), event_id, page=page)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return found


@router.get("/relations/{relation_id}", tags=["network"])
def relation(request: Request, relation_id: str, page: int = EVIDENCE_PAGE) -> dict:
    """One relation (export fields) with both ends named, and its evidence sentence in each article."""
    found = knowledge.relation_page(*_ctx(request), relation_id, page=page)
    if found is None:
        raise HTTPException(404, f"no relation {relation_id!r}")
    return found


@router.get("/timeline", tags=["events"])
def timeline(request: Request,
             entity: str | None = Query(None, max_length=300,
                                        description="only events involving this entity (id, name or alias)"),
             story: str | None = Query(None, max_length=64, description="only events reported in this story")) -> dict:
    """Events in date order (undated last) with actors, targets, place and sources (as `fuentes timeline`)."""
    return knowledge.timeline(*_ctx(request), entity=entity or None, story=story or None)


@router.get("/network", tags=["network"])
def network(request: Request, limit: int = Query(300, ge=1, le=2000)) -> dict:
    """Entities and the edges between them (relations, or co-mention when none are stored)."""
    return knowledge.network(*_ctx(request), limit=limit)


@router.get("/search", tags=["search"])
def search_all(request: Request, q: str = Query(..., max_length=500), limit: int = Query(20, ge=1, le=100),
               offset: int = Query(0, ge=0, le=10 ** 9)) -> dict:
    """Full-text search of articles (SQLite FTS5 / PostgreSQL full text) and of entity names."""
    store, _ = _ctx(request)
    return {"query": q, "articles": search.search_articles(store, q, limit=limit, offset=offset),
            "entities": search.search_entities(list_entities(store), q)}


@router.get("/rejections", tags=["store"])
def rejections(request: Request) -> list[dict]:
    """Inputs that could not be stored, with the reason (as `fuentes rejections`)."""
    return [asdict(r) for r in list_rejections(request.app.state.store)]


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
