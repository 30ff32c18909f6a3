"""The timeline: dated corpus events with who, where and the sources that report them.

`timeline_rows(events, ...)` gives plain rows (dicts) in date order, events without a date
last; partial dates sort at the start of their month or year ("2026-01" before "2026-01-05").
`--entity` keeps events where the entity (id, name or alias, case- and accent-insensitive) is
an actor, target or place; `--story` keeps events reported by that story's articles.
`format_rows` renders them as text for the CLI.
"""

from __future__ import annotations

from typing import Iterable

from fuentes.extract.aliases import fold
from fuentes.model import Article, Entity, Event


def _matches(query: str, ent_id: str, entities: dict[str, Entity]) -> bool:
    if query == ent_id:
        return True
    ent = entities.get(ent_id)
    return ent is not None and fold(query) in {fold(n) for n in [ent.name, *ent.aliases]}


def timeline_rows(events: Iterable[Event], entities: Iterable[Entity] = (), articles: Iterable[Article] = (),
                  entity: str | None = None, story: str | None = None,
                  stories: dict[str, str] | None = None) -> list[dict]:
    """Rows of the timeline: date, event_type, actors, targets, place (names), sources
    (distinct outlets of the reporting articles, origin first when known), articles,
    independent_sources, trigger, id. `stories` maps article id -> story id."""
    ents = {e.id: e for e in entities}
    arts = {a.id: a for a in articles}
    name = lambda i: ents[i].name if i in ents else i  # noqa: E731
    rows = []
    for ev in events:
        if entity and not any(_matches(entity, i, ents) for i in [*ev.actors, *ev.targets, ev.place] if i):
            continue
        if story and not any((stories or {}).get(a) == story for a in ev.articles):
            continue
        sources: list[str] = []
        for a in ev.articles:
            art = arts.get(a)
            for outlet in ((art.origin, art.outlet) if art else (a,)):
                if outlet and outlet not in sources:
                    sources.append(outlet)
        rows.append({"date": ev.date, "event_type": ev.event_type, "actors": [name(i) for i in ev.actors],
                     "targets": [name(i) for i in ev.targets], "place": name(ev.place) if ev.place else None,
                     "sources": sources, "articles": list(ev.articles),
                     "independent_sources": ev.independent_sources, "trigger": ev.trigger, "id": ev.id})
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["event_type"]))
    return rows


def format_rows(rows: list[dict]) -> str:
    """One line per event: date, type, actors -> targets @ place, [n independent] sources."""
    lines = []
    for r in rows:
        who = ", ".join(r["actors"]) or "?"
        whom = f" -> {', '.join(r['targets'])}" if r["targets"] else ""
        where = f" @ {r['place']}" if r["place"] else ""
        lines.append(f"{r['date'] or 'undated':10}  {r['event_type']:21} {who}{whom}{where}  "
                     f"[{r['independent_sources']} independent: {'; '.join(r['sources'])}]")
    return "\n".join(lines)
