"""The analyst's workbench: `create_app(db, token)` builds the FastAPI application.

Read-only unless the operator sets a token (`--token` / env FUENTES_TOKEN): then requests
carrying `Authorization: Bearer <token>` may add articles and merge or split entities (the one
HTML form that writes, on the entity profile, carries the token in a form field instead: a
cross-site page cannot know it, so neither can forge the request). URL ingest fetches public
addresses only unless `allow_private_urls` (see `addresses`). Every response carries a
Content-Security-Policy that allows scripts and styles only from the server's own files, so
even markup smuggled into an article could not run; pages also escape every stored string.
"""

from __future__ import annotations

import hmac
import logging
import os
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fuentes import __version__
from fuentes.store import Store, open_store
from fuentes.store.search import ensure_search_index
from fuentes.store.version import DataVersion
from fuentes.web.cache import DEFAULT_BYTES, ResponseCache
from fuentes.web.jobs import JobBoard
from fuentes.web.tables import TableCache

STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_UPLOAD = 16 * 1024 * 1024
DEFAULT_CACHE_MB = DEFAULT_BYTES / (1024 * 1024)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


log = logging.getLogger("fuentes.web")


class Guard:
    """ASGI middleware: security headers on every response; request bodies bounded in size.

    The size check runs before FastAPI parses a form, so an oversized upload is refused
    without being spooled anywhere.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(send, self.max_body)
            return
        received = 0

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise HTTPException(413, f"request body over {self.max_body} bytes")
            return message

        started = False

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        try:
            await self.app(scope, bounded_receive, secured_send)
        except HTTPException:
            raise
        except Exception:  # a bug: logged, answered with a 500 that still carries the security headers
            log.exception("error answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            body = b'{"detail": "internal error: the request could not be answered (the server log says why)"}'
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode()), *HEADERS]})
            await send({"type": "http.response.body", "body": body})


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "request body over the upload limit of {limit} bytes"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})


READ_ONLY = "this server is read-only: start it with --token or FUENTES_TOKEN to allow writing"


def require_token(request: Request) -> None:
    """FastAPI dependency of every writing endpoint."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, READ_ONLY)
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not token_matches(request, value):
        raise HTTPException(401, "a valid token is needed: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def token_matches(request: Request, given: str | None) -> bool:
    """`given` is the operator's token (compared in constant time)."""
    token = request.app.state.token
    return bool(token) and hmac.compare_digest((given or "").strip().encode(), token.encode())


def create_app(db: str | Store | None = None, token: str | None = None,
               max_upload: int = DEFAULT_MAX_UPLOAD, allow_private_urls: bool = False,
               token_label: str = "operator", cache_mb: float = DEFAULT_CACHE_MB) -> FastAPI:
    """The web application over the store `db` (a path, URL or an open Store).

    `token_label` names who holds the token in the analysts' decisions (`web:<label>`);
    `allow_private_urls` lets URL ingest reach loopback and private networks; `cache_mb` bounds
    the response cache of the reading routes (0: none; see `fuentes.web.cache`).
    """
    from fuentes.web.api import router as api_router
    from fuentes.web.pages import router as page_router

    store = db if isinstance(db, Store) else open_store(db)
    ensure_search_index(store)
    app = FastAPI(title="fuentes", version=__version__,
                  description="The fuentes knowledge base: articles, provenance, entities, quotes, "
                              "claims, events and relations, each linked to its evidence.",
                  docs_url=None, redoc_url=None,  # /api renders the spec: CDN scripts break the CSP
                  openapi_url="/api/openapi.json")
    app.state.store = store
    app.state.tables = TableCache(store)
    app.state.token = token if token is not None else (os.environ.get("FUENTES_TOKEN") or None)
    app.state.jobs = JobBoard(store)
    app.state.max_upload = max_upload
    app.state.allow_private_urls = allow_private_urls
    app.state.token_label = token_label
    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if cache_mb > 0:
        app.add_middleware(ResponseCache, version=DataVersion(store), max_bytes=int(cache_mb * 1024 * 1024))
    app.add_middleware(Guard, max_body=max_upload + 64 * 1024)  # room for multipart framing
    return app


def app_from_environment() -> FastAPI:
    """The application of one of `fuentes serve --workers N`'s processes: the store and settings
    the command put in the environment (FUENTES_SERVE_DB, FUENTES_SERVE_MAX_UPLOAD,
    FUENTES_SERVE_PRIVATE, FUENTES_SERVE_CACHE_MB; the token in FUENTES_TOKEN)."""
    return create_app(os.environ["FUENTES_SERVE_DB"],
                      cache_mb=float(os.environ.get("FUENTES_SERVE_CACHE_MB") or DEFAULT_CACHE_MB),
                      max_upload=int(os.environ.get("FUENTES_SERVE_MAX_UPLOAD") or DEFAULT_MAX_UPLOAD),
                      allow_private_urls=bool(os.environ.get("FUENTES_SERVE_PRIVATE")))
