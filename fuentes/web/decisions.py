"""Merges and splits made from the workbench, shown at once.

A decision is stored (`entity_decisions`) and then the entity part of the analysis is redone
from the stored local entities with every decision (`refresh_entities`): entity pages, quote
speakers and evidence change immediately, and ids in relations, claims, events and watchlist
hits follow a merged entity. Stories and the grouping of claims and relations catch up at the
next `fuentes analyse`, which applies the same decisions. The work holds the store's writer lock,
so it never interleaves with an ingest job of this server.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from fuentes.corpus.entity_decisions import make_decision


def _summary(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"id": row["id"], "name": row["name"], "kind": row["kind"], "aliases": row["aliases"] or [],
            "articles": len(row["articles"] or [])}


def decide(request: Request, kind: str, first: str, second: str, note: str | None = None) -> dict[str, Any]:
    """Record and apply one decision (`make_decision`, as `fuentes merge`/`split`); ValueError
    (naming the input) when a side names no entity."""
    state = request.app.state
    with state.jobs.writer:
        done = make_decision(state.store, kind, first, second, f"web:{state.token_label}", note)
    return {"decision": done.decision.as_dict(), "applied": done.applied,
            "entities": [_summary(row) for row in done.entities], "notes": done.notes}
