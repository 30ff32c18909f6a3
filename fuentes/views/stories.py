"""Stories for the CLI: each story (the articles that report one event) with its title, dates,
articles, outlets and independent sources, computed here once; `fuentes stories` and
`fuentes show STORY` only render. Independent sources follow the rule `fuentes provenance`
groups articles by (`fuentes.views.provenance`)."""

from __future__ import annotations

from typing import Any

from fuentes.store import Store
from fuentes.store.listings import story_rows
from fuentes.store.views import article_meta, derivation_rows
from fuentes.views.provenance import article_order, independent_sources, parent_map


def summarise_story(row: dict[str, Any], meta: dict[str, dict[str, Any]],
                    parents: dict[str, str]) -> dict[str, Any]:
    """One story row (id, title, start, end, articles) -> what the listing shows."""
    members = list(row.get("articles") or [])
    items = sorted((meta[a] for a in members if a in meta), key=article_order)
    dates = sorted(m["published"] for m in items if m.get("published"))
    return {"id": row["id"],
            "title": row.get("title") or next((m["title"] for m in items if m.get("title")), None),
            "start": row.get("start") or (dates[0] if dates else None),
            "end": row.get("end") or (dates[-1] if dates else None),
            "articles": [m["id"] for m in items] + [a for a in members if a not in meta],
            "outlets": sorted({m["outlet"] for m in items if m.get("outlet")}),
            "independent_sources": independent_sources(members, meta, parents)}


def list_stories(store: Store) -> list[dict[str, Any]]:
    """Every story, biggest first, then newest, then by id."""
    rows = story_rows(store)
    if not rows:
        return []
    meta = article_meta(store)
    parents = parent_map(derivation_rows(store))
    found = sorted((summarise_story(row, meta, parents) for row in rows), key=lambda s: s["id"])
    found.sort(key=lambda s: s["end"] or "", reverse=True)
    found.sort(key=lambda s: len(s["articles"]), reverse=True)
    return found


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story with its articles' metadata (in provenance order) and the derivations among them."""
    row = next((r for r in story_rows(store) if r["id"] == story_id), None)
    if row is None:
        return None
    members = list(row.get("articles") or [])
    meta = article_meta(store, members)
    links = derivation_rows(store, members)
    story = summarise_story(row, meta, parent_map(links))
    story["article_rows"] = sorted(meta.values(), key=article_order)
    story["derivations"] = [{"source": d["source"], "target": d["target"], "kind": d["kind"], "score": d["score"]}
                            for d in links]
    return story
