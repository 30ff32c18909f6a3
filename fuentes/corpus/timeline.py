"""The timeline: dated corpus events with who, where and the sources that report them.

One logic for `fuentes timeline` and the workbench's timeline and entity pages:

- `entity_query(text, entities)`: which events an entity filter keeps. The text names entities
  by id, or by name or alias compared as entity resolution compares names (case, accents and
  punctuation aside; `fuentes.views.names`); an event matches when one of those entities is an
  actor, target or place, or when its place, stored as text, has the same name key.
- `in_story`: `--story` keeps events reported by that story's articles.
- `event_order`: date order, events without a date last; partial dates sort at the start of
  their month or year ("2026-01" before "2026-01-05").
- `event_sources`: the distinct outlets of the reporting articles, each article's origin first.

`select_events` applies them to Event records or to rows of the events table alike;
`timeline_rows(events, ...)` gives the CLI's plain rows and `format_rows` renders them as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from fuentes.model import Article, Entity, Event
from fuentes.views.fields import as_list, field
from fuentes.views.names import name_key, named_by


@dataclass(frozen=True, slots=True)
class EntityQuery:
    """The entity ids a filter names, and its name key (for places stored as text)."""

    ids: frozenset[str]
    key: str = ""

    def matches(self, value: str | None) -> bool:
        if not value:
            return False
        return value in self.ids or (bool(self.key) and name_key(value) == self.key)


def entity_query(text: str, entities: Iterable[Any] = ()) -> EntityQuery:
    """The filter `text` gives over `entities` (Entity records or entity rows): the id as given,
    and every entity it names by id, name or alias."""
    named = named_by(text, entities)
    return EntityQuery(frozenset({text, *(field(e, "id") for e in named)}), name_key(text))


def exact_entity(entity_id: str) -> EntityQuery:
    """The filter for one known entity id (an entity's own page)."""
    return EntityQuery(frozenset({entity_id}))


def involved(event: Any) -> list[str]:
    """The ids (or place text) an event names: actors, targets, place."""
    return [*as_list(field(event, "actors")), *as_list(field(event, "targets")), field(event, "place")]


def involves(event: Any, query: EntityQuery) -> bool:
    return any(query.matches(value) for value in involved(event))


def in_story(event: Any, story: str, stories: Mapping[str, str] | None) -> bool:
    """The event is reported by an article of `story` (`stories` maps article id -> story id)."""
    return any((stories or {}).get(a) == story for a in as_list(field(event, "articles")))


def event_order(event: Any) -> tuple:
    return (field(event, "date") is None, str(field(event, "date", "")), str(field(event, "event_type", "")))


def select_events(events: Iterable[Any], *, entity: EntityQuery | None = None, story: str | None = None,
                  stories: Mapping[str, str] | None = None) -> list[Any]:
    """The events a timeline shows, in timeline order."""
    kept = [e for e in events if (entity is None or involves(e, entity))
            and (not story or in_story(e, story, stories))]
    return sorted(kept, key=event_order)


def event_sources(article_ids: Iterable[str], articles: Mapping[str, Any]) -> list[str]:
    """Distinct outlets of the reporting articles, each article's origin before its outlet; an
    article not in `articles` (id -> Article record or row with origin and outlet) counts as itself."""
    sources: list[str] = []
    for a in article_ids:
        art = articles.get(a)
        for outlet in ((field(art, "origin"), field(art, "outlet")) if art is not None else (a,)):
            if outlet and outlet not in sources:
                sources.append(outlet)
    return sources


def timeline_rows(events: Iterable[Event], entities: Iterable[Entity] = (), articles: Iterable[Article] = (),
                  entity: str | None = None, story: str | None = None,
                  stories: dict[str, str] | None = None) -> list[dict]:
    """Rows of the timeline: date, event_type, actors, targets, place (names), sources
    (distinct outlets of the reporting articles, origin first when known), articles,
    independent_sources, trigger, id. `stories` maps article id -> story id."""
    ents = {e.id: e for e in entities}
    arts = {a.id: a for a in articles}
    name = lambda i: ents[i].name if i in ents else i  # noqa: E731
    query = entity_query(entity, ents.values()) if entity else None
    rows = []
    for ev in select_events(events, entity=query, story=story, stories=stories):
        rows.append({"date": ev.date, "event_type": ev.event_type, "actors": [name(i) for i in ev.actors],
                     "targets": [name(i) for i in ev.targets], "place": name(ev.place) if ev.place else None,
                     "sources": event_sources(ev.articles, arts), "articles": list(ev.articles),
                     "independent_sources": ev.independent_sources, "trigger": ev.trigger, "id": ev.id})
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
