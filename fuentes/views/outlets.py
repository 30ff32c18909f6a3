"""Outlets as the workbench lists them: per outlet, its articles, how many are original
reporting and how many copies (syndicated or rewritten), how many stored articles trace back to
it as their origin, and its independent-source contribution: how many corpus claims count it
among their independent origins. The store counts (`fuentes.store.views`); this module shapes
the shares, so the web and any other reader show the same figures."""

from __future__ import annotations

import threading
import time
from typing import Any

from fuentes.store import Store
from fuentes.store.views import claim_origin_counts, claims_signature, outlet_rows

_CACHE: dict[tuple[str, str], tuple[tuple, float, int]] = {}
_LOCK = threading.Lock()
CACHE_SECONDS = 300.0  # counted again at least this often, and whenever the claims change


def claims_origin(store: Store, outlets: list[str]) -> dict[str, int]:
    """outlet -> claims counting it as an independent origin. Counting walks every claim's
    origin list, so each outlet's count is kept until the claims table changes."""
    key = claims_signature(store)
    now = time.monotonic()
    found: dict[str, int] = {}
    missing = []
    with _LOCK:
        for outlet in outlets:
            cached = _CACHE.get((store.url, outlet))
            if cached and cached[0] == key and now - cached[1] < CACHE_SECONDS:
                found[outlet] = cached[2]
            else:
                missing.append(outlet)
    if missing:
        counted = claim_origin_counts(store, missing)
        with _LOCK:
            for outlet, n in counted.items():
                _CACHE[(store.url, outlet)] = (key, now, n)
        found.update(counted)
    return found


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def outlet_page(store: Store, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many outlets, a page of them, most articles first): outlet, articles, originals,
    copies, original_share, copy_share, origin_of (stored articles whose origin it is, its own
    included), claims_origin (corpus claims counting it as an independent origin)."""
    total, rows = outlet_rows(store, limit=limit, offset=offset)
    claims = claims_origin(store, [r["outlet"] for r in rows])
    out = []
    for row in rows:
        articles, originals, copies = int(row["articles"]), int(row["originals"] or 0), int(row["copies"] or 0)
        out.append({"outlet": row["outlet"], "articles": articles, "originals": originals, "copies": copies,
                    "original_share": _share(originals, articles), "copy_share": _share(copies, articles),
                    "origin_of": int(row["origin_of"] or 0), "claims_origin": claims.get(row["outlet"], 0)})
    return total, out
