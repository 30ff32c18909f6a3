"""HTML pages: Jinja2 templates with autoescaping over the same view builders as the API.

No page puts a stored string into markup unescaped, and no page has an inline script or
style: the few interactive parts (network view, adding articles) are files under /static.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from fuentes import __version__
from fuentes.errors import StoreError
from fuentes.store.articles import count_articles, list_articles
from fuentes.store.views import (
    entities_page,
    names_of,
    provenance_counts,
    provenance_page,
    quotes_page,
    relations_page,
)
from fuentes.views.outlets import outlet_page
from fuentes.web import decisions, knowledge, reader, search, stories
from fuentes.web.app import READ_ONLY, token_matches
from fuentes.web.paging import Paging, page_info, page_number, pages

TEMPLATES = Path(__file__).with_name("templates")
PAGE = 50
MERGE_CHOICES = 200  # names offered by the merge form's picker (most reported first)
LISTING = pages()  # ?page= and ?limit= (50 a page, 200 at most)
EVIDENCE = pages(default=10, cap=50)  # a profile's evidence: articles a page

env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                  trim_blocks=True, lstrip_blocks=True)
env.globals["version"] = __version__
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("title", "")
    context.setdefault("q", "")
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def not_found(request: Request, what: str) -> HTMLResponse:
    return render(request, "missing.html", status_code=404, title="Not found", what=what)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, paging: Paging = Depends(LISTING)) -> HTMLResponse:
    store, tables = request.app.state.store, request.app.state.tables
    total, items = stories.list_stories(store, tables, limit=paging.limit, offset=paging.offset)
    return render(request, "stories.html", title="Stories", stories=items, paging=page_info(request, paging, total),
                  note=tables.missing("stories").get("stories"))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, paging: Paging = Depends(LISTING)) -> HTMLResponse:
    found = stories.get_story(request.app.state.store, request.app.state.tables, story_id, page=paging.page,
                              limit=paging.limit)
    if found is None:
        return not_found(request, f"story {story_id}")
    return render(request, "story.html", title=found["title"] or "Story", story=found,
                  paging=page_info(request, paging, found["size"]))


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, paging: Paging = Depends(LISTING)) -> HTMLResponse:
    store = request.app.state.store
    total = count_articles(store)
    items = list_articles(store, limit=paging.limit, offset=paging.offset)
    return render(request, "articles.html", title="Articles", articles=items, paging=page_info(request, paging, total))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, span: str | None = Query(None, max_length=40),
            start: int | None = Query(None, ge=0, le=10 ** 9), end: int | None = Query(None, ge=0, le=10 ** 9),
            ) -> HTMLResponse:
    """The reader; `?start=S&end=E#span` (an evidence link) highlights that span and scrolls to it."""
    store, tables = request.app.state.store, request.app.state.tables
    view = reader.article_view(store, tables, article_id, reader.parse_target(span, start, end))
    if view is None:
        return not_found(request, f"article {article_id}")
    story_id = stories.story_of_article(store, tables, view["article"].id)
    return render(request, "article.html", title=view["article"].title or view["article"].id, story_id=story_id,
                  **view)


@router.get("/entities", response_class=HTMLResponse)
def entity_list(request: Request, kind: str | None = Query(None, max_length=20),
                paging: Paging = Depends(LISTING)) -> HTMLResponse:
    total, rows = entities_page(request.app.state.store, kind=kind or None, limit=paging.limit, offset=paging.offset)
    return render(request, "entities.html", title="Entities", entities=rows, kind=kind or "",
                  paging=page_info(request, paging, total))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, paging: Paging = Depends(EVIDENCE)) -> HTMLResponse:
    return entity_page(request, entity_id, evidence_page=paging.page, per_page=paging.limit)


def entity_page(request: Request, entity_id: str, status_code: int = 200, evidence_page: int = 1,
                per_page: int = 10, **merge: str) -> HTMLResponse:
    """The profile (its evidence a page of articles at a time, every list bounded); `merge`
    refills the merge form (other, note, error) after a refusal."""
    profile = knowledge.entity_profile(request.app.state.store, request.app.state.tables, entity_id,
                                       evidence_page=evidence_page, per_page=per_page)
    if profile is None:
        return not_found(request, f"entity {entity_id}")
    writable = bool(request.app.state.token)
    names = [row["name"] for row in entities_page(request.app.state.store, limit=MERGE_CHOICES)[1]
             if row["id"] != profile["entity"]["id"]] if writable else []
    return render(request, "entity.html", status_code=status_code, title=profile["entity"]["name"],
                  graph=radial(profile), writable=writable, merge_names=names,
                  merge=merge, **profile)


@router.post("/entities/{entity_id}/merge", response_class=HTMLResponse)
def merge_form(request: Request, entity_id: str, other: str = Form("", max_length=300),
               note: str = Form("", max_length=2000), token: str = Form("", max_length=500)) -> Response:
    """The profile's merge form. It proves itself with the operator's token in a form field, the
    field the upload page uses: a page on another site cannot know it, so cannot forge the post."""
    def refuse(status: int, why: str) -> HTMLResponse:
        return entity_page(request, entity_id, status, other=other, note=note, error=why)

    if not request.app.state.token:
        return refuse(403, READ_ONLY)
    if not token_matches(request, token):
        return refuse(401, "a valid access token is needed to merge entities")
    try:
        done = decisions.decide(request, "merge", entity_id, other, note or None)
    except ValueError as error:
        return refuse(422, str(error))
    except StoreError as error:
        return refuse(503, str(error))
    if not done["applied"]:
        return refuse(409, "; ".join(done["notes"]) or "the merge could not be applied")
    return RedirectResponse(f"/entities/{done['entities'][0]['id']}", status_code=303)


def radial(profile: dict[str, Any], size: int = 420) -> dict[str, Any]:
    """The neighbourhood drawn as a star: the entity in the middle, neighbours on a circle."""
    center = profile["entity"]["id"]
    graph = profile["neighbours"]
    others = [n for n in graph["nodes"] if n["id"] != center]
    mid, radius = size / 2, size / 2 - 70
    pos = {center: (mid, mid)}
    for i, node in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1) - math.pi / 2
        pos[node["id"]] = (mid + radius * math.cos(angle), mid + radius * math.sin(angle))
    nodes = [dict(n, x=round(pos[n["id"]][0]), y=round(pos[n["id"]][1]), center=n["id"] == center)
             for n in graph["nodes"] if n["id"] in pos]
    edges = [dict(e, x1=round(pos[e["source"]][0]), y1=round(pos[e["source"]][1]),
                  x2=round(pos[e["target"]][0]), y2=round(pos[e["target"]][1]))
             for e in graph["edges"] if e["source"] in pos and e["target"] in pos]
    return {"nodes": nodes, "edges": edges, "size": size, "source": graph["source"]}


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, paging: Paging = Depends(LISTING), grade: int | None = Query(None, ge=1, le=6),
           dpage: str | None = Query(None)) -> HTMLResponse:
    dpage = page_number("dpage", dpage)
    board = knowledge.claims_board(request.app.state.store, request.app.state.tables, page=paging.page,
                                   limit=paging.limit, grade=grade, discrepancy_page=dpage)
    return render(request, "claims.html", title="Claims", grade=grade, paging=page_info(request, paging, board["total"]),
                  by_id={c["id"]: c for c in board["claims"]},
                  dpaging=page_info(request, Paging(dpage, 20), board["discrepancies_total"], name="dpage"), **board)


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: str, paging: Paging = Depends(EVIDENCE)) -> HTMLResponse:
    found = knowledge.claim_page(request.app.state.store, request.app.state.tables, claim_id, page=paging.page)
    if found is None:
        return not_found(request, f"claim {claim_id}")
    return render(request, "claim.html", title="Claim", **found)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str, paging: Paging = Depends(EVIDENCE)) -> HTMLResponse:
    found = knowledge.event_page(request.app.state.store, request.app.state.tables, event_id, page=paging.page)
    if found is None:
        return not_found(request, f"event {event_id}")
    ev = found["event"]
    return render(request, "event.html", title=f"{ev['event_type']} {ev['date'] or ''}".strip(), **found)


@router.get("/relations/{relation_id}", response_class=HTMLResponse)
def relation(request: Request, relation_id: str, paging: Paging = Depends(EVIDENCE)) -> HTMLResponse:
    found = knowledge.relation_page(request.app.state.store, request.app.state.tables, relation_id,
                                    page=paging.page)
    if found is None:
        return not_found(request, f"relation {relation_id}")
    rel = found["relation"]
    title = f"{(rel['subject_ref'] or {}).get('name', '')} {rel['predicate']}".strip()
    return render(request, "relation.html", title=title, **found)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, entity: str | None = Query(None, max_length=300),
             story: str | None = Query(None, max_length=64), type: str | None = Query(None, max_length=64),
             place: str | None = Query(None, max_length=300), paging: Paging = Depends(LISTING)) -> HTMLResponse:
    """The timeline, filtered as `fuentes timeline --entity --story --type --place`."""
    data = knowledge.timeline(request.app.state.store, request.app.state.tables, entity=entity or None,
                              story=story or None, kind=type or None, place=place or None, page=paging.page,
                              limit=paging.limit)
    return render(request, "timeline.html", title="Timeline", entity=entity or "", story=story or "",
                  kind=type or "", place=place or "", paging=page_info(request, paging, data["total"]), **data)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, limit: int = Query(knowledge.NETWORK_LIMIT, ge=1, le=10 ** 9)) -> HTMLResponse:
    shown = min(limit, knowledge.NETWORK_CAP)
    return render(request, "network.html", title="Network", limit=shown, cap=knowledge.NETWORK_CAP,
                  note=request.app.state.tables.missing("relations").get("relations"))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=500),
                paging: Paging = Depends(pages(default=20, cap=100))) -> HTMLResponse:
    store = request.app.state.store
    found = search.search_articles(store, q, limit=paging.limit + 1, offset=paging.offset) if q.strip() else []
    more = len(found) > paging.limit
    names = search.search_entities(store, q) if q.strip() else []
    info = page_info(request, paging, paging.offset + len(found))
    info.update(pages=info["page"] + (1 if more else 0), total=None)
    return render(request, "search.html", title=f"Search: {q}" if q else "Search", q=q, results=found[:paging.limit],
                  entities=names, page=paging.page, paging=info)


@router.get("/quotes", response_class=HTMLResponse)
def quote_list(request: Request, entity: str | None = Query(None, max_length=300),
               article: str | None = Query(None, max_length=64), paging: Paging = Depends(LISTING)) -> HTMLResponse:
    store = request.app.state.store
    speaker = knowledge.find_entity(store, entity) if entity else None
    total, rows = quotes_page(store, entity_id=speaker["id"] if speaker else entity or None,
                              article_id=article or None, limit=paging.limit, offset=paging.offset)
    return render(request, "quotes.html", title="Quotes", quotes=rows, speaker=speaker, entity=entity or "",
                  article=article or "", paging=page_info(request, paging, total))


@router.get("/relations", response_class=HTMLResponse)
def relation_list(request: Request, entity: str | None = Query(None, max_length=300),
                  paging: Paging = Depends(LISTING)) -> HTMLResponse:
    store = request.app.state.store
    who = knowledge.find_entity(store, entity) if entity else None
    total, rows = relations_page(store, entity_id=who["id"] if who else entity or None, limit=paging.limit,
                                 offset=paging.offset)
    names = names_of(store, [r[k] for r in rows for k in ("subject", "object")])
    return render(request, "relations.html", title="Relations", relations=rows, names=names, who=who,
                  paging=page_info(request, paging, total))


@router.get("/outlets", response_class=HTMLResponse)
def outlet_list(request: Request, paging: Paging = Depends(LISTING)) -> HTMLResponse:
    total, rows = outlet_page(request.app.state.store, limit=paging.limit, offset=paging.offset)
    return render(request, "outlets.html", title="Outlets", outlets=rows, paging=page_info(request, paging, total))


@router.get("/provenance", response_class=HTMLResponse)
def provenance(request: Request, kind: str | None = Query(None, max_length=20),
               outlet: str | None = Query(None, max_length=300), paging: Paging = Depends(LISTING)) -> HTMLResponse:
    store = request.app.state.store
    total, rows = provenance_page(store, kind=kind or None, outlet=outlet or None, limit=paging.limit,
                                  offset=paging.offset)
    return render(request, "provenance.html", title="Provenance", articles=rows, kind=kind or "",
                  outlet=outlet or "", counts=provenance_counts(store), paging=page_info(request, paging, total))


@router.get("/add", response_class=HTMLResponse)
def add(request: Request) -> HTMLResponse:
    return render(request, "add.html", title="Add articles", writable=bool(request.app.state.token),
                  max_upload=request.app.state.max_upload)


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI document (no third-party script needed)."""
    spec = request.app.openapi()
    routes = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
               "description": op.get("description", ""),
               "params": [(p["name"], p["in"], p.get("description", "")) for p in op.get("parameters", [])],
               "tag": (op.get("tags") or [""])[0]}
              for path, methods in spec["paths"].items() for method, op in methods.items()]
    return render(request, "api.html", title="API", routes=routes)



@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)  # browsers ask for it; an empty answer keeps the logs clean
