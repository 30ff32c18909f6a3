"""Events across articles: one event told by several reports, with its independent-source count.

Per-article events (stage `events`, participants as local entity keys) become corpus events:
  1. Re-dating. An article without a publication date was dated by the events stage against
     what its own text allows; here its anchor also takes the story: it is not taken to be
     published before the earliest publication date of its story's dated articles
     (`estimate_anchor` with that lower bound). Relative expressions ("Tuesday", "last year")
     found in the event's date evidence are resolved again against that anchor.
  2. Participants and places become corpus entity ids (entity resolution's `merged_from`).
  3. Events are merged, within one story when stories are given, when they tell a common type
     (an event's type or one it `includes`: the failed raid of June 2019 is an armed clash in
     one report and a blockade with an escape in another) with compatible dates (overlapping
     ranges or one undated), and share an actor or target; or name no participant and fall on
     the same day (not in two different places); or are incidents dated to the month or day (one of them) in the same place.
  4. A merged event takes the most precise date of its mentions (narrowest range, exact
     before approximate), lists every article, and counts its independent sources: the
     distinct origins (provenance) of its articles, an article without origin counting as its
     own outlet. Its type is that of the incident its reports tell together (the highest
     ranked, or a `combine` rule: fuentes.extract.events.group_type), with the ACLED and CAMEO
     codes of that type; its fatalities the highest count a report states; its summary the
     words of a report of that type (English reports first, then the one naming most).

Events of two stories never merge, so each story's events are grouped apart, and a run keeps
the events of a story whose inputs did not change: `event_digests` tells, per story, everything
`merge_events` reads for its events; the corpus stage re-merges only the stories whose digest
changed (`merge_version` is part of the saved digests: new merging code re-merges every story).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from fuentes.extract.dates import DateValue, day, estimate_anchor, find_dates, month, parse_iso, resolve_text, shift, year_value
from fuentes.extract.event_triggers import is_incident
from fuentes.extract.events import best_date, coded, compatible, group_type, same_roles
from fuentes.ids import content_id
from fuentes.model import Article, Entity, Event, Evidence


def value_of(iso: str | None) -> DateValue | None:
    """A DateValue from an ISO date of day, month or year precision."""
    if not iso:
        return None
    d = parse_iso(iso)
    if d is None:
        return None
    return day(d) if len(iso) >= 10 else month(d.year, d.month) if len(iso) >= 7 else year_value(d.year)


def entity_map(entities: Iterable[Entity]) -> dict[str, str]:
    """"article#local key" -> corpus entity id, from resolved entities' `merged_from`."""
    return {ref: e.id for e in entities for ref in e.merged_from}


def story_anchors(articles: dict[str, Article], stories: dict[str, str] | None) -> dict[str, date | None]:
    """The anchor of every article lacking a full publication date (see the module doc)."""
    earliest: dict[str, date] = {}
    for art in articles.values():
        d = parse_iso(art.published) if art.published and len(art.published) >= 10 else None
        sid = (stories or {}).get(art.id)
        if d and sid and (sid not in earliest or d < earliest[sid]):
            earliest[sid] = d
    out: dict[str, date | None] = {}
    for art in articles.values():
        if art.published and len(art.published) >= 10:
            continue
        lower = earliest.get((stories or {}).get(art.id, ""))
        out[art.id] = estimate_anchor(art.text, art.language, lower or parse_iso(art.published))
    return out


def redate(event: Event, article: Article, anchor: date | None) -> str | None:
    """The event's date resolved again from its date evidence against `anchor`."""
    spans = {ev.extractor: ev for ev in event.evidence if ev.article == article.id}
    ref = spans.get("events.date")
    if anchor is None or ref is None:
        return event.date
    value = resolve_text(article.text[ref.start:ref.end], article.language, anchor)
    off = spans.get("events.offset")
    if value is not None and off is not None:
        exprs = [e for e in find_dates(article.text[off.start:off.end], article.language) if e.offset]
        if exprs:
            count, unit, sign = exprs[0].offset
            value = shift(value, count, unit, -sign)
    return value.value if value is not None else event.date


def merge_events(per_article: dict[str, list[Event]], articles: Iterable[Article],
                 entities: Iterable[Entity] = (), origins: dict[str, str | None] | None = None,
                 stories: dict[str, str] | None = None) -> list[Event]:
    """Corpus events from per-article events (see the module doc)."""
    arts = {a.id: a for a in articles}
    ids = entity_map(entities)
    anchors = story_anchors(arts, stories)
    items: list[tuple[Event, DateValue | None, str]] = []
    for aid in sorted(per_article):
        for ev in per_article[aid]:
            art = arts.get(aid)
            when = redate(ev, art, anchors.get(aid)) if art is not None and aid in anchors else ev.date
            local = Event(id=ev.id, event_type=ev.event_type, date=when,
                          actors=[ids.get(f"{aid}#{k}", f"{aid}#{k}") for k in ev.actors],
                          targets=[ids.get(f"{aid}#{k}", f"{aid}#{k}") for k in ev.targets],
                          place=ids.get(f"{aid}#{ev.place}", f"{aid}#{ev.place}") if ev.place else None,
                          articles=[aid], evidence=list(ev.evidence), trigger=ev.trigger,
                          summary=ev.summary, fatalities=ev.fatalities, includes=list(ev.includes))
            items.append((local, value_of(when), (stories or {}).get(aid, "")))
    near = {aid: anchors.get(aid) or parse_iso(arts[aid].published) for aid in per_article if aid in arts}
    by_story: dict[str, list] = {}
    for item in items:  # events of two stories never merge: each story's are grouped apart
        by_story.setdefault(item[2], []).append(item)
    return [_combine(g, arts, origins or {}) for sid in sorted(by_story) for g in _group(by_story[sid], near)]


def kinds(event: Event) -> set[str]:
    """The types an event tells: its own and those it includes."""
    return {event.event_type, *event.includes}


def _linked(a: tuple[Event, DateValue | None, str], b: tuple[Event, DateValue | None, str]) -> bool:
    (ea, da, sa), (eb, db, sb) = a, b
    if not (kinds(ea) & kinds(eb)) or sa != sb or not compatible(da, db):
        return False
    if same_roles(ea.actors, ea.targets, eb.actors, eb.targets):
        return True
    pa, pb = ea.actors + ea.targets, eb.actors + eb.targets
    elsewhere = bool(ea.place and eb.place and ea.place != eb.place)  # two towns, two incidents
    if (not pa or not pb) and da is not None and da == db and da.precision == "day" and not elsewhere:
        return True
    incident = is_incident(ea.event_type) and is_incident(eb.event_type)
    placed = bool(ea.place) and ea.place == eb.place  # named, and the same
    precise = da is not None and db is not None and ("day" in (da.precision, db.precision)
                                                     or "month" in (da.precision, db.precision))
    return incident and placed and precise


def _group(items, near: dict[str, date | None]):
    """Dated events first; an undated one joins, among the events it fits, those dated
    nearest its article's date (a report is mostly about what just happened)."""
    groups: list[list] = []
    for item in sorted(items, key=lambda it: (it[1] is None, it[0].articles[0], it[0].id)):
        merged = [item]
        ref = near.get(item[0].articles[0])
        hits = [g for g in groups if any(_linked(item, o) for o in g)]
        for g in sorted(hits, key=lambda g: _distance(g, ref)):
            if all(compatible(x[1], y[1]) for x in merged for y in g):
                merged += g
                groups.remove(g)
        groups.append(merged)
    return groups


def _distance(group, ref: date | None) -> int:
    value = best_date([d for _, d, _ in group])
    if value is None or ref is None:
        return 10**6
    return 0 if value.earliest <= ref <= value.latest else min(abs((ref - value.earliest).days), abs((ref - value.latest).days))


def _combine(group, arts: dict[str, Article], origins: dict[str, str | None]) -> Event:
    events = [e for e, _, _ in group]
    value = best_date([d for _, d, _ in group])
    ordered = sorted(events, key=lambda e: (e.articles[0], e.evidence[0].start if e.evidence else 0))
    articles = sorted({a for e in events for a in e.articles})
    sources = {origins.get(a) or (arts[a].outlet if a in arts and arts[a].outlet else a) for a in articles}
    places = Counter(e.place for e in events if e.place)
    evidence: list[Evidence] = [ev for e in ordered for ev in e.evidence]
    told = list(dict.fromkeys(t for e in ordered for t in [e.event_type, *e.includes]))
    etype = group_type(told)
    main = [e for e in ordered if e.event_type == etype] or ordered
    said = max(main, key=lambda e: (_english(e, arts), len(e.summary or "")))
    dead = max((e.fatalities for e in events if e.fatalities), default=None)
    return coded(Event(
        id=content_id("evt", ordered[0].id), event_type=etype,
        date=value.value if value else None,
        actors=list(dict.fromkeys(a for e in ordered for a in e.actors)),
        targets=list(dict.fromkeys(t for e in ordered for t in e.targets)),
        place=places.most_common(1)[0][0] if places else None, articles=articles,
        evidence=evidence, trigger=said.trigger, independent_sources=len(sources),
        summary=said.summary, fatalities=dead, includes=[t for t in told if t != etype]))


def _english(event: Event, arts: dict[str, Article]) -> bool:
    art = arts.get(event.articles[0]) if event.articles else None
    return art is not None and art.language == "en"


MERGE_DATA = ("event_types.yaml", "acled_taxonomy.yaml", "events_*.yaml", "dates_*.yaml")  # in fuentes/extract/data


def merge_version(stage: str = "") -> str:
    """What merged events depend on besides their inputs: the merging code and the language data
    it reads (this module; fuentes.extract.events, event_triggers and dates; the `MERGE_DATA`
    files: event types, triggers and combine rules, date words), and `stage` (the corpus stage's
    version). Other word lists (names, claims) do not re-merge every story when they change."""
    extract = Path(__file__).parents[1] / "extract"
    digest = hashlib.sha256(stage.encode())
    data = sorted({path for pattern in MERGE_DATA for path in (extract / "data").glob(pattern)})
    for path in [Path(__file__), *(extract / f"{name}.py" for name in ("events", "event_triggers", "dates")), *data]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def event_digests(stories: Iterable[Any], articles: dict[str, Article], entities: Iterable[Entity],
                  origins: dict[str, str | None], marks: dict[str, Any]) -> dict[str, str]:
    """Story id -> a digest of everything `merge_events` reads for that story's events: the
    story's id, title, span and articles, and of each article its text, language, publication
    date, outlet and origin, when its per-article layers were written (`marks`, the events
    layer's version) and the corpus entity of each of its local entities. A story with the same
    digest in two runs has the same events."""
    refs: dict[str, list[tuple[str, str]]] = {}
    for ref, entity_id in entity_map(entities).items():
        refs.setdefault(ref.partition("#")[0], []).append((ref, entity_id))
    out = {}
    for story in stories:
        digest = hashlib.blake2b(repr((story.id, story.title, story.start, story.end, list(story.articles))).encode(),
                                 digest_size=16)
        for aid in story.articles:
            art = articles.get(aid)
            digest.update(repr((aid, sorted(refs.get(aid, ())), origins.get(aid), str(marks.get(aid)),
                                None if art is None else (art.language, art.published, art.outlet))).encode())
            digest.update(b"\x00" if art is None else art.text.encode("utf-8", "surrogatepass") + b"\x00")
        out[story.id] = digest.hexdigest()
    return out


class StoredEvents(Sequence):
    """The corpus events as stored, read when first looked at (a run that re-merged only some
    stories holds only theirs)."""

    def __init__(self, load: Callable[[], list[Event]]):
        self._load, self._events = load, None

    def _all(self) -> list[Event]:
        if self._events is None:
            self._events = self._load()
        return self._events

    def __getitem__(self, k):
        return self._all()[k]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Event]:
        return iter(self._all())
