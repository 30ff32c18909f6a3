"""Stage `events`: typed events of one article with actor, target, place and date.

A trigger (a verb or noun of data/events_<lang>.yaml: "killed", "took out", "assassination
attempt", "detuvieron") opens an event mention; the dependency parse gives its actor (subject,
"by X", "attributed to X"), its target (object, passive subject, "of X", the subject of
"survived an attack"), and the place ("in X"). Arguments are the article's local entity keys;
a pronoun takes the last person named before it ("I" inside a quote: the quote's speaker).

Dates come from fuentes.extract.dates, resolved against the publication date, or, for an
undated article, against the anchor its own text allows (`estimate_anchor`). An event in the
clause of "N days after ..." is dated N days before the sentence's other date. Evidence keeps
the trigger span (extractor "events") and the date expressions used ("events.date",
"events.offset"), so the corpus step can re-date an undated article once its story gives an
anchor (fuentes.corpus.events).

Mentions that are hypothetical or denied ("may kill", "threatened to attack") give no event;
neither does a generic mention with no participant, place or date ("killing a leader rarely
works"). Mentions of one type sharing a participant or a date merge into one Event; an event
with no date of its own takes the date of a dated event in the same sentence.

Triggers come from fuentes.extract.event_triggers, arguments (actor, target, place, date) from
fuentes.extract.event_arguments; this module turns the mentions into events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fuentes.doc import ArticleDoc
from fuentes.extract.dates import DateValue, estimate_anchor, find_dates, parse_iso
from fuentes.extract.event_arguments import PLACE_LABELS, Arguments, arguments, date_of, governing_verb, place_of
from fuentes.extract.event_triggers import DATA, Lexicon, event_types, find_triggers, irrealis, lexicon
from fuentes.ids import content_id
from fuentes.model import Entity, Event, Evidence, Mention, Quote
from fuentes.pipeline import Stage, register

__all__ = [
    "DATA", "PLACE_LABELS", "VERSION", "Arguments", "EventsStage", "Lexicon", "Mentioned", "anchored", "arguments",
    "best_date", "build_events", "compatible", "date_of", "entity_names", "event_types", "extract", "find_triggers",
    "group_mentions", "irrealis", "lexicon", "mentions_of", "place_of", "rescue", "same_event", "same_roles",
]

VERSION = "2"  # 2: evidence holds the sentence that tells the event


@dataclass
class Mentioned:
    """One event mention before merging."""

    etype: str
    trigger: Any  # spaCy token heading the trigger
    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    date: DateValue | None = None
    date_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, extractor)
    sentence: int = 0



# -- the article's events -------------------------------------------------------------------

def mentions_of(sdoc: Any, language: str | None, mentions: list[Mention], quotes: list[Quote],
                anchor: date | None) -> list[Mentioned]:
    lex = lexicon(language)
    args = Arguments(sdoc, mentions, quotes, lex)
    dates = find_dates(sdoc.text, language, anchor)
    sent_index = {s.start: n for n, s in enumerate(sdoc.sents)}
    out = []
    for head, start, end, etype, pos in find_triggers(sdoc, lex):
        if irrealis(head, lex) or args.mention_at(head) is not None or _negated_noun(head, pos, lex):
            continue  # hypothetical, part of a name ("... Policy Institute"), or "evaded capture"
        actor_toks, target_toks = arguments(head, pos, etype, args)
        actors = _keys(args.entity(t) for t in actor_toks)
        targets = [k for k in _keys(args.entity(t) for t in target_toks) if k not in actors]
        place = place_of(head, args, set(actors) | set(targets))
        if place is None:  # "extradited to the United States", "attacked Culiacán": a place as object
            place = next((k for t, k in zip(target_toks, map(args.entity, target_toks))
                          if k in targets and args.mention_at(t) and args.mention_at(t).label in PLACE_LABELS), None)
            targets = [k for k in targets if k != place]
        value, spans = date_of(head, start, dates, sdoc)
        if head.lemma_.lower() in lex.words("person_object") and not targets:
            continue  # "executed the operation": a killing only when a person is the object
        out.append(Mentioned(etype, head, start, end, actors, targets, place, value, spans, sent_index[head.sent.start]))
    return out


def _negated_noun(head: Any, pos: str, lex: Lexicon) -> bool:
    verb = governing_verb(head)
    return pos == "noun" and verb is not None and verb.lemma_.lower() in lex.words("negating_verbs")


def anchored(m: Mentioned) -> bool:
    return bool(m.actors or m.targets or m.date)


def rescue(found: list[Mentioned]) -> list[Mentioned]:
    """Keep anchored mentions; a bare one ("a wave of arson") is kept when it shares its
    sentence with an anchored event, whose date it then takes once that event is dated.
    Generic mentions ("killing a leader rarely works") go."""
    anchored_sents = {m.sentence for m in found if anchored(m)}
    return [m for m in found if anchored(m) or m.sentence in anchored_sents]


def _keys(items) -> list[str]:
    out: list[str] = []
    for k in items:
        if k and k not in out:
            out.append(k)
    return out


def compatible(a: DateValue | None, b: DateValue | None) -> bool:
    return a is None or b is None or (a.earliest <= b.latest and b.earliest <= a.latest)


def same_roles(actors_a: list[str], targets_a: list[str], actors_b: list[str], targets_b: list[str]) -> bool:
    """A participant shared in the same role: the same actor, or the same target. "X killed
    Y" and "Z killed X" share X in different roles: two events."""
    return bool(set(actors_a) & set(actors_b)) or bool(set(targets_a) & set(targets_b))


def same_event(a: Mentioned, b: Mentioned) -> bool:
    """Same type, compatible dates, and a shared participant; or the same day when one of the
    two names no participant ("the raid" of a dated sentence)."""
    if a.etype != b.etype or not compatible(a.date, b.date):
        return False
    if same_roles(a.actors, a.targets, b.actors, b.targets):
        return True
    bare = not (a.actors or a.targets) or not (b.actors or b.targets)
    return bare and a.date is not None and b.date is not None and a.date == b.date and a.date.precision == "day"


def group_mentions(found: list[Mentioned], anchor: date | None = None) -> list[list[Mentioned]]:
    """Mentions of one event together: linked by `same_event`, and every date in a group
    compatible with every other (an undated mention never bridges 2015 and 2026). Dated
    mentions are placed first; an undated one joins first the event dated nearest the anchor."""
    groups: list[list[Mentioned]] = []
    for m in sorted(found, key=lambda m: (m.date is None, m.start)):
        merged = [m]
        hits = [g for g in groups if any(same_event(m, o) for o in g)]
        for g in sorted(hits, key=lambda g: _gap(best_date([o.date for o in g]), anchor)):
            if all(compatible(x.date, y.date) for x in merged for y in g):
                merged += g
                groups.remove(g)
        groups.append(merged)
    for g in groups:
        g.sort(key=lambda m: m.start)
    return sorted(groups, key=lambda g: g[0].start)


def _gap(value: DateValue | None, anchor: date | None) -> int:
    if value is None or anchor is None:
        return 10**6
    return max(0, (value.earliest - anchor).days, (anchor - value.latest).days)


def best_date(dates: list[DateValue]) -> DateValue | None:
    """The most precise date: the narrowest range, exact before approximate."""
    dates = [d for d in dates if d is not None]
    return min(dates, key=lambda d: (d.approximate, (d.latest - d.earliest).days), default=None)


def build_events(groups: list[list[Mentioned]], article: str) -> list[Event]:
    dated_by_sentence: dict[int, DateValue] = {}
    for g in groups:
        value = best_date([m.date for m in g])
        for m in g:
            if value is not None:
                dated_by_sentence.setdefault(m.sentence, value)
    events = []
    for g in groups:
        value = best_date([m.date for m in g])
        if value is None:  # no date of its own: that of a dated event told in the same sentence
            value = next((dated_by_sentence[m.sentence] for m in g if m.sentence in dated_by_sentence), None)
        first = g[0]
        # the trigger words, the spans the date was read from, and the sentence that tells it
        evidence = [Evidence(article, m.start, m.end, "events", VERSION) for m in g]
        for m in g:
            evidence += [Evidence(article, s, e, x, VERSION) for s, e, x in m.date_spans]
        sentences = dict.fromkeys((m.trigger.sent.start_char, m.trigger.sent.end_char) for m in g)
        evidence += [Evidence(article, a, b, "events", VERSION) for a, b in sentences]
        events.append(Event(
            id=content_id("evt", article, first.etype, str(first.start)), event_type=first.etype,
            date=value.value if value else None, actors=_keys(k for m in g for k in m.actors),
            targets=_keys(k for m in g for k in m.targets if k not in {a for o in g for a in o.actors}),
            place=next((m.place for m in g if m.place), None), articles=[article] if article else [],
            evidence=evidence, trigger=first.trigger.doc.text[first.start:first.end]))
    return events


def extract(sdoc: Any, language: str | None, mentions: list[Mention], quotes: list[Quote] | None = None,
            published: str | None = None, article: str = "") -> list[Event]:
    """The events of one article (see the module doc)."""
    lang = language or sdoc.user_data.get("fuentes_language") or sdoc.lang_
    anchor = parse_iso(published) if published and len(published) >= 10 else None
    if anchor is None:
        anchor = estimate_anchor(sdoc.text, lang, parse_iso(published))
    found = rescue(mentions_of(sdoc, lang, mentions, quotes or [], anchor))
    groups = group_mentions([m for m in found if anchored(m)], anchor)
    dated = {m.sentence: best_date([o.date for o in g]) for g in groups for m in g}
    for m in found:
        if not anchored(m):
            m.date = dated.get(m.sentence)
    groups = group_mentions([m for m in found if anchored(m)], anchor)
    return build_events(groups, article)


@register
class EventsStage(Stage):
    """Typed events with participants, place and resolved date."""

    name = "events"
    version = VERSION
    requires = ("nlp", "mentions", "entities")
    provides = ("events",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        sdoc = doc.get("nlp")
        events: list[Event] = []
        if sdoc is not None:
            events = extract(sdoc, doc.get("language"), doc.get("mentions") or [], doc.get("quotes"),
                             doc.meta.get("published"), doc.get("id") or "")
        doc.set("events", events, self.tag)
        return doc


def entity_names(entities: list[Entity]) -> dict[str, str]:
    return {e.id: e.name for e in entities}
