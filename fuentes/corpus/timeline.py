"""The timeline: dated corpus events with who, where and the sources that report them.

One logic for `fuentes timeline` and the workbench's timeline and entity pages:

- `entity_query(text, entities)`: which events an entity filter keeps. The text names entities
  by id, or by name or alias compared as entity resolution compares names (case, accents and
  punctuation aside; `fuentes.views.names`); an event matches when one of those entities is an
  actor, target or place, or when its place, stored as text, has the same name key.
- `in_story`: `--story` keeps events reported by that story's articles.
- `of_kind`: a type filter, by fuentes type (or a type the incident includes) or ACLED event or
  sub-event type; a place filter is an entity query on the event's place.
- `event_order`: date order, events without a date last; partial dates sort at the start of
  their month or year ("2026-01" before "2026-01-05").
- `event_sources`: the distinct outlets of the reporting articles, each article's origin first.

`select_events` applies them to Event records or to rows of the events table alike;
`timeline_rows(events, ...)` gives the CLI's plain rows and `format_rows` renders them as text:
one line per merged event with its date and precision, its summary in words ("Navy arrested
Julián Arturo Zárate Villaseñor in Puerto Almendra"), its ACLED sub-event type (or fuentes' own
type when ACLED does not code it), and its sources; each row also carries the sentences that
tell it (`evidence`: article, span and text). Events without a date are left out unless asked
(`undated=True`): a timeline line always has a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from fuentes.model import Article, Entity, Event
from fuentes.views.fields import as_list, field
from fuentes.views.names import name_key, named_by
from fuentes.views.provenance import outlet_key


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


def of_kind(event: Any, kind: str) -> bool:
    """The event is of `kind`: its fuentes type, a type it includes, or its ACLED event or
    sub-event type (case aside: "arrest", "Battles", "armed clash")."""
    want = kind.strip().lower().replace("_", " ")
    names = [field(event, "event_type"), *as_list(field(event, "includes")), field(event, "acled_event_type"),
             field(event, "acled_sub_event_type")]
    return any(n and str(n).lower().replace("_", " ") == want for n in names)


def select_events(events: Iterable[Any], *, entity: EntityQuery | None = None, story: str | None = None,
                  stories: Mapping[str, str] | None = None, kind: str | None = None,
                  place: EntityQuery | None = None, undated: bool = True) -> list[Any]:
    """The events a timeline shows, in timeline order: involving `entity`, told in `story`,
    of `kind` (`of_kind`), in `place`; events without a date (last) unless `undated` is False, as
    the timeline has it (`timeline_rows`: every line has a date)."""
    kept = [e for e in events if (undated or field(e, "date")) and (entity is None or involves(e, entity))
            and (not story or in_story(e, story, stories))
            and (not kind or of_kind(e, kind))
            and (place is None or place.matches(field(e, "place")))]
    return sorted(kept, key=event_order)


def event_sources(article_ids: Iterable[str], articles: Mapping[str, Any]) -> list[str]:
    """Distinct outlets of the reporting articles, each article's origin before its outlet; an
    article not in `articles` (id -> Article record or row with origin and outlet) counts as itself."""
    sources: list[str] = []
    seen: set[str] = set()
    for a in article_ids:
        art = articles.get(a)
        named = (field(art, "origin"), field(art, "outlet")) if art is not None else ()
        # an article with no outlet or origin counts as itself (as the independent-source count has it)
        for outlet in named if any(named) else (_itself(art, a),):
            key = outlet_key(outlet) or outlet  # "breitbart" in metadata is the "Breitbart" a credit names
            if outlet and key not in seen:
                seen.add(key)
                sources.append(outlet)
    return sources


def _itself(art: Any, article_id: str) -> str:
    """An article named by itself: its web site, else its source file, else its id."""
    from urllib.parse import urlparse

    url = field(art, "url") if art is not None else None
    host = urlparse(url).netloc if url else ""
    source = str(field(art, "source") or "") if art is not None else ""
    return host or source.replace("\\", "/").rsplit("/", 1)[-1] or article_id


def precision(iso: str | None) -> str | None:
    """day / month / year of an ISO date as stored ("2019-06" -> month)."""
    if not iso:
        return None
    return "day" if len(iso) >= 10 else "month" if len(iso) >= 7 else "year"


def evidence_sentences(event: Any, articles: Mapping[str, Any]) -> list[dict]:
    """The sentences that tell the event, one per report: of each article's `events` spans, the
    sentence that holds the event's trigger when the article is at hand, else the widest (a
    trigger's sentence), with its text."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for ev in as_list(field(event, "evidence")):
        art, start, end = field(ev, "article"), field(ev, "start"), field(ev, "end")
        name = str(field(ev, "extractor") or "")
        if not name.startswith("events") or name.startswith("events.") or art is None or end <= start:
            continue
        spans.setdefault(art, []).append((start, end))
    trigger = str(field(event, "trigger") or "").lower()
    out = []
    for art, found in spans.items():
        text = field(articles.get(art), "text") if articles.get(art) is not None else None
        widest = max(found, key=lambda se: se[1] - se[0])
        telling = [se for se in found if text and trigger and trigger in text[se[0]:se[1]].lower()
                   and any(o != se and se[0] <= o[0] and o[1] <= se[1] for o in found)]
        start, end = max(telling, key=lambda se: se[1] - se[0]) if telling else widest
        out.append({"article": art, "start": start, "end": end,
                    "text": " ".join(text[start:end].split()) if text else None})
    return out


def timeline_rows(events: Iterable[Event], entities: Iterable[Entity] = (), articles: Iterable[Article] = (),
                  entity: str | None = None, story: str | None = None,
                  stories: dict[str, str] | None = None, undated: bool = False, kind: str | None = None,
                  place: str | None = None) -> list[dict]:
    """Rows of the timeline: date and its precision, event_type, acled_event_type,
    acled_sub_event_type, summary, fatalities, actors, targets, place (names), sources
    (distinct outlets of the reporting articles, origin first when known), articles,
    independent_sources, trigger, evidence (the sentences that tell it), id. `stories` maps
    article id -> story id; events without a date only with `undated`; `kind` and `place` filter
    by type (fuentes or ACLED) and by place (id or name)."""
    ents = {e.id: e for e in entities}
    arts = {a.id: a for a in articles}
    name = lambda i: ents[i].name if i in ents else i  # noqa: E731
    query = entity_query(entity, ents.values()) if entity else None
    rows = []
    where = entity_query(place, ents.values()) if place else None
    for ev in select_events(events, entity=query, story=story, stories=stories, kind=kind, place=where,
                            undated=undated):
        rows.append({"date": ev.date, "precision": precision(ev.date), "event_type": ev.event_type,
                     "acled_event_type": ev.acled_event_type, "acled_sub_event_type": ev.acled_sub_event_type,
                     "summary": ev.summary, "fatalities": ev.fatalities, "includes": list(ev.includes),
                     "actors": [name(i) for i in ev.actors],
                     "targets": [name(i) for i in ev.targets], "place": name(ev.place) if ev.place else None,
                     "sources": event_sources(ev.articles, arts), "articles": list(ev.articles),
                     "independent_sources": ev.independent_sources, "trigger": ev.trigger,
                     "evidence": evidence_sentences(ev, arts), "id": ev.id})
    return rows


def format_rows(rows: list[dict]) -> str:
    """One line per event: date (precision), the summary in words, its ACLED sub-event type
    (fuentes' type when ACLED does not code it), [n independent: sources]."""
    lines = []
    for r in rows:
        when = f"{r['date'] or 'undated'} ({r['precision']})" if r.get("precision") else (r["date"] or "undated")
        what = r.get("summary") or _plain(r)
        if r.get("includes"):  # the other things the incident's reports tell
            what += " + " + ", ".join(str(t).replace("_", " ") for t in r["includes"])
        kind = r.get("acled_sub_event_type") or r["event_type"].replace("_", " ")
        lines.append(f"{when:18}  {what}  <{kind}>  "
                     f"[{r['independent_sources']} independent: {'; '.join(r['sources'])}]")
    return "\n".join(lines)


def _plain(r: dict) -> str:
    """Words for a row stored before events had summaries."""
    who = ", ".join(r["actors"])
    whom = f" -> {', '.join(r['targets'])}" if r["targets"] else ""
    where = f" in {r['place']}" if r["place"] else ""
    return f"{r['event_type'].replace('_', ' ')}{' by ' + who if who else ''}{whom}{where}"
