"""A response cache for the workbench's reading routes, exact to the store's data version.

Many analysts open the same pages (the biggest story, the most reported leader), and every page
is a function of the store and the URL only. `ResponseCache` keeps finished GET responses in
memory, keyed by the URL and the store's data version (`fuentes.store.version`), so a page is
served again only while no connection of any process has committed a change since it was made:
an ingest, an analysis or an analyst's merge ends the reuse at once, never after a delay.

The pages that show only knowledge (entities, quotes, claims, events, relations, the network,
the timeline, stories and the home page that lists them, provenance) are keyed instead by the
knowledge's version (`DataVersion.knowledge`), which an ingest does not change: they stay cached
while a long ingest commits batch after batch, and are made again as soon as an analysis run or
an analyst changes them. Stories are what an analysis found, so an article stored since the last
run joins the list with the next one. The articles, search, outlets and status pages follow
every commit.

Not cached: requests carrying credentials (Authorization, cookies), anything but a complete 200
response, responses over `max_item` bytes, and the routes whose answer is not a function of the
store (job progress, the add form, the streaming export). The cache is bounded in bytes and
drops the least recently used responses first. A writing request answered by this process
empties it (the data version would too; this saves the check). Requests for a page that is
being made for the same version wait for it instead of making it again: after each commit of
an ingest, sixteen clients opening the search page made it sixteen times at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fuentes.store.version import DataVersion

DEFAULT_BYTES = 64 * 1024 * 1024
MAX_ITEM = 2 * 1024 * 1024
NOT_CACHED = ("/api/jobs", "/api/export", "/api/status", "/add", "/static/", "/jobs")
HIT_HEADER = (b"x-fuentes-cache", b"hit")
FLIGHT_WAIT_SECONDS = 30.0  # a request waits at most this long for the same page being made
# Routes (pages and /api) that read the analysis's knowledge only, never what an ingest writes.
KNOWLEDGE = ("/entities", "/quotes", "/claims", "/events", "/relations", "/network", "/timeline",
             "/stories", "/provenance")
KNOWLEDGE_PAGES = ("/",)  # exact paths: the home page is the list of stories


def reads_knowledge_only(path: str) -> bool:
    """True for the routes keyed by the knowledge's version (see the module's docstring)."""
    if path in KNOWLEDGE_PAGES:
        return True
    if path.startswith("/api/"):
        path = path[len("/api"):]
    return any(path == route or path.startswith(route + "/") for route in KNOWLEDGE)


class ResponseCache:
    """ASGI middleware: finished GET responses reused while the store's data version holds."""

    def __init__(self, app: ASGIApp, version: DataVersion, max_bytes: int = DEFAULT_BYTES,
                 max_item: int = MAX_ITEM) -> None:
        self.app = app
        self.version = version
        self.max_bytes = max_bytes
        self.max_item = min(max_item, max_bytes)
        self.items: OrderedDict[tuple, tuple[Any, Message, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()
        self.hits = self.misses = 0
        self.in_flight: dict[tuple, anyio.Event] = {}  # (key, version) -> set when that page is made

    def cacheable(self, scope: Scope, headers: dict[bytes, bytes]) -> bool:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or self.max_bytes <= 0:
            return False
        if scope.get("path", "").startswith(NOT_CACHED):
            return False
        return b"authorization" not in headers and b"cookie" not in headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers") or [])
        if not self.cacheable(scope, headers):
            if scope["type"] == "http" and scope.get("method") not in ("GET", "HEAD", "OPTIONS"):
                try:
                    await self.app(scope, receive, send)
                finally:
                    self.clear()
                return
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        read = self.version.knowledge if reads_knowledge_only(path) else self.version.current
        version = await anyio.to_thread.run_sync(read)
        if version is None:
            await self.app(scope, receive, send)
            return
        key = (scope["method"], path, scope.get("query_string", b""),
               headers.get(b"accept", b""), headers.get(b"accept-encoding", b""))
        found = self.get(key, version)
        flight = (key, version)
        if found is None and flight in self.in_flight:  # the same page is being made: wait for it
            with anyio.move_on_after(FLIGHT_WAIT_SECONDS):
                await self.in_flight[flight].wait()
            found = self.get(key, version)
        if found is not None:
            start, body = found
            await send(dict(start, headers=list(start["headers"]) + [HIT_HEADER]))
            await send({"type": "http.response.body", "body": body})
            return
        start_message: Message | None = None
        chunks: list[bytes] = []
        size = 0
        complete = keep = False

        async def recording_send(message: Message) -> None:
            nonlocal start_message, size, complete, keep
            if message["type"] == "http.response.start":
                start_message = message
                keep = message.get("status") == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                keep = size <= self.max_item
                if not message.get("more_body", False):
                    complete = True
            await send(message)

        made = None if flight in self.in_flight else self.in_flight.setdefault(flight, anyio.Event())
        try:
            await self.app(scope, receive, recording_send)
            if keep and complete and start_message is not None:
                self.put(key, version, start_message, b"".join(chunks))
        finally:
            if made is not None:
                self.in_flight.pop(flight, None)
                made.set()

    def get(self, key: tuple, version: Any) -> tuple[Message, bytes] | None:
        with self.lock:
            found = self.items.get(key)
            if found is None or found[0] != version:
                self.misses += 1
                return None
            self.items.move_to_end(key)
            self.hits += 1
            return found[1], found[2]

    def put(self, key: tuple, version: Any, start: Message, body: bytes) -> None:
        with self.lock:
            old = self.items.pop(key, None)
            if old is not None:
                self.size -= len(old[2])
            self.items[key] = (version, {"type": start["type"], "status": start["status"],
                                         "headers": list(start.get("headers", []))}, body)
            self.size += len(body)
            while self.size > self.max_bytes and self.items:
                _, (_, _, dropped) = self.items.popitem(last=False)
                self.size -= len(dropped)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0
