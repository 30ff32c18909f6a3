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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from fuentes.doc import ArticleDoc
from fuentes.extract.dates import DateExpr, DateValue, estimate_anchor, find_dates, parse_iso, shift
from fuentes.ids import content_id
from fuentes.model import Entity, Event, Evidence, Mention, Quote
from fuentes.pipeline import Stage, register

VERSION = "1"
DATA = Path(__file__).parent / "data"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
AGENTIVE = {"statement", "visit", "policy", "sanction", "seizure", "arrest", "extradition"}


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[tuple[tuple[str, ...], str, str], ...]  # (words, type, "verb"/"noun"), longest first
    data: dict[str, Any]

    def words(self, key: str) -> set[str]:
        return {str(w).lower() for w in self.data.get(key) or []}


@lru_cache(maxsize=None)
def lexicon(language: str | None) -> Lexicon:
    lang = language if language in ("en", "es") else "en"
    data = yaml.safe_load((DATA / f"events_{lang}.yaml").read_text(encoding="utf-8"))
    phrases = []
    for etype, forms in data["triggers"].items():
        for pos in ("verbs", "nouns"):
            for form in forms.get(pos) or []:
                words = tuple(w[:-2] if pos == "verbs" and w.endswith("rse") else w for w in str(form).lower().split())
                phrases.append((words, etype, pos[:-1]))
    phrases.sort(key=lambda p: -len(p[0]))
    return Lexicon(tuple(phrases), data)


@lru_cache(maxsize=None)
def event_types() -> dict[str, dict[str, Any]]:
    """Event type -> {"acled": [event type, sub-event type] or None, "cameo": code or None}."""
    return yaml.safe_load((DATA / "event_types.yaml").read_text(encoding="utf-8"))


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


# -- triggers -------------------------------------------------------------------------------

def _forms(tok: Any) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def find_triggers(sdoc: Any, lex: Lexicon) -> list[tuple[Any, int, int, str, str]]:
    """(head token, start, end, type, pos) for every trigger; longer phrases win."""
    used: set[int] = set()
    found = []
    for i, tok in enumerate(sdoc):
        if i in used:
            continue
        for words, etype, pos in lex.phrases:
            if words[0] not in _forms(tok) or not _pos_ok(tok, pos):
                continue
            end = _match_rest(sdoc, i, words[1:], pos)
            if end is None:
                continue
            if pos == "verb" and not _object_ok(tok, lex):
                continue
            span = list(range(i, end + 1))
            if any(j in used for j in span):
                continue
            used.update(span)
            head = min((sdoc[j] for j in span), key=lambda t: (t.head.i in span and t.head.i != t.i, t.i))
            if pos == "noun" and len(words) > 1:
                head = next((sdoc[j] for j in span if sdoc[j].head.i not in span or sdoc[j].head.i == j), head)
            found.append((head, sdoc[i].idx, sdoc[end].idx + len(sdoc[end].text), etype, pos))
            break
    return found


def _pos_ok(tok: Any, pos: str) -> bool:
    if pos == "verb":
        return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_ == "VBG")
    return tok.pos_ in ("NOUN", "PROPN")


def _match_rest(sdoc: Any, i: int, rest: tuple[str, ...], pos: str) -> int | None:
    """Index of the last token when the other words follow (verbs: within 3 tokens, so an
    object may stand between "take" and "out")."""
    j = i
    for word in rest:
        window = range(j + 1, min(len(sdoc), j + (4 if pos == "verb" else 2)))
        hit = next((k for k in window if word in _forms(sdoc[k])), None)
        if hit is None:
            return None
        j = hit
    return j


def _object_ok(tok: Any, lex: Lexicon) -> bool:
    """Verbs too common alone ("block", "post") need one of their listed objects."""
    table = lex.data.get("object_nouns") or {}
    lemma = tok.lemma_.lower()
    if lemma not in table:
        return True
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    wanted = {str(w).lower().split()[-1] for w in table[lemma] or []}
    return bool(objs) and (not wanted or any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objs))


def irrealis(tok: Any, lex: Lexicon) -> bool:
    """Hypothetical, planned, threatened or denied: "may kill", "did not attack", "plans to raid"."""
    words = lex.words("irrealis")
    if any(c.dep_ in ("aux", "neg", "advmod", "mark") and _forms(c) & words for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("xcomp", "ccomp") and bool(_forms(head) & words)


# -- arguments ------------------------------------------------------------------------------

class Arguments:
    """Maps parse tokens to the article's local entities."""

    def __init__(self, sdoc: Any, mentions: list[Mention], quotes: list[Quote], lex: Lexicon):
        self.sdoc, self.lex = sdoc, lex
        self.by_char = {}
        for m in mentions:
            if m.entity:
                for c in range(m.start, m.end):
                    self.by_char[c] = m
        self.people = [m for m in mentions if m.label == "PERSON" and m.entity]
        self.quotes = [q for q in quotes if q.speaker]

    def mention_at(self, tok: Any) -> Mention | None:
        return self.by_char.get(tok.idx)

    def entity(self, tok: Any) -> str | None:
        """Local entity key for an argument token: its own mention, a pronoun's antecedent,
        a possessor ("his gunmen"), else the closest named word of its phrase."""
        m = self.mention_at(tok)
        if m:
            return m.entity
        if tok.lower_ in self.lex.words("pronouns") or tok.pos_ == "PRON":
            return self.pronoun(tok)
        for child in tok.children:
            if child.dep_ in ("poss", "nmod:poss", "det") and child.pos_ == "PRON" and child.lower_ in self.lex.words("pronouns"):
                return self.pronoun(child)
            if child.dep_ in ("poss", "compound", "flat", "appos", "amod", "nmod") and self.mention_at(child):
                return self.mention_at(child).entity
        return None

    def pronoun(self, tok: Any) -> str | None:
        if tok.lower_ in self.lex.words("first_person"):
            quote = next((q for q in self.quotes if q.start <= tok.idx < q.end), None)
            return quote.speaker if quote else None
        if tok.lower_ not in self.lex.words("pronouns"):
            return None
        # an object pronoun does not refer to the subject of its own sentence
        skip = set()
        if tok.lower_ in self.lex.words("object_pronouns"):
            skip = {self.mention_at(t).entity for t in tok.sent if t.dep_.startswith("nsubj") and self.mention_at(t)}
        before = [m for m in self.people if m.end <= tok.idx and m.entity not in skip]
        return before[-1].entity if before else None


def _pobj(prep: Any) -> Any | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _prep_args(tok: Any, preps: set[str]) -> list[Any]:
    """Objects of the given prepositions on `tok` (English prep/pobj, UD nmod/obl + case)."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps and _pobj(child) is not None:
            out.append(_pobj(child))
        elif child.dep_ in ("nmod", "obl", "obl:agent") and any(c.dep_ == "case" and c.lower_ in preps for c in child.children):
            out.append(child)
    return out


def arguments(head: Any, pos: str, etype: str, args: Arguments) -> tuple[list[Any], list[Any]]:
    """(actor tokens, target tokens) of a trigger from the dependency parse."""
    lex = args.lex
    actors, targets = [], []
    kids = list(head.children)
    if pos == "verb":
        passive = any(c.dep_ in ("nsubjpass", "nsubj:pass", "auxpass", "aux:pass") for c in kids)
        for c in kids:
            if c.dep_ in ("nsubj", "csubj") and not passive:
                actors.append(c)
            elif c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass") or (c.dep_ == "nsubj" and passive):
                targets.append(c)
            elif c.dep_ == "agent" and _pobj(c) is not None:
                actors.append(_pobj(c))
        actors += _prep_args(head, lex.words("actor_preps")) if passive else []
        targets += _prep_args(head, {"on", "at", "against", "contra", "a"})
        if not actors:
            actors += _inherited_subject(head)
    else:
        targets += _prep_args(head, lex.words("target_preps"))
        actors += _prep_args(head, lex.words("actor_preps"))
        if head.dep_ == "compound" and args.mention_at(head.head):  # "Killing X unleashed ...": a gerund read as a name part
            targets.append(head.head)
        for c in kids:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.words("actor_verbs"):
                actors += _prep_args(c, lex.words("actor_preps") | lex.words("actor_verb_preps"))
        verb = _governing_verb(head)
        if verb is not None and verb.lemma_.lower() in lex.words("victim_verbs"):
            targets += [c for c in verb.children if c.dep_ in ("nsubj",)]
        elif etype in AGENTIVE and verb is not None:
            actors += [c for c in verb.children if c.dep_ == "nsubj"] or [
                c for c in kids if c.dep_ in ("poss", "nmod:poss")]
    return actors, targets


def _governing_verb(tok: Any) -> Any | None:
    node = tok
    for _ in range(4):
        if node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _inherited_subject(tok: Any) -> list[Any]:
    """The subject a verb shares with the verb it hangs from: "authorized forces to take out
    X" (the object of the head), "...and killed X" (a conjunct), "the raid that killed X"."""
    head = tok.head
    if tok.dep_ in ("relcl", "acl") and head is not tok:
        return [head]
    if tok.dep_ in ("xcomp", "conj", "advcl") and head is not tok:
        objs = [c for c in head.children if c.dep_ in ("dobj", "obj")] if tok.dep_ == "xcomp" else []
        return objs or [c for c in head.children if c.dep_ in ("nsubj",)]
    return []


# -- place and date -------------------------------------------------------------------------

def place_of(head: Any, args: Arguments, taken: set[str]) -> str | None:
    """A place attached by "in"/"en"/"at" to the trigger, its verb, or a word of the verb's
    clause ("killed X ..., in Guadalajara"); places merely named nearby are not taken."""
    verb = head if head.pos_ in ("VERB", "AUX") else (_governing_verb(head) or head)
    nodes = [head, verb] + [t for t in verb.subtree if t not in (head, verb)]
    for node in nodes:
        for arg in _prep_args(node, args.lex.words("place_preps")):
            m = args.mention_at(arg)
            if m and m.label in PLACE_LABELS and m.entity not in taken:
                return m.entity
    return None


def date_of(head: Any, start: int, dates: list[DateExpr], sdoc: Any) -> tuple[DateValue | None, list[tuple[int, int, str]]]:
    """The trigger's date and the spans it came from: a date in the trigger's clause first,
    else the sentence's nearest; inside "N days after ..." the other date shifted back."""
    sent = head.sent
    in_sent = [d for d in dates if sent.start_char <= d.start < sent.end_char]
    plain = [d for d in in_sent if d.kind != "offset"]
    for off in (d for d in in_sent if d.kind == "offset" and d.end <= start):
        after_tok = sdoc.char_span(off.start, off.end, alignment_mode="expand")[-1]
        if head in list(after_tok.subtree) or head.i in {c.i for c in after_tok.head.subtree} and after_tok.head.i <= head.i:
            refs = [d for d in plain if not (off.end <= d.start <= start)]
            ref = min(refs, key=lambda d: abs(d.start - start), default=None)
            if ref is not None and ref.resolved is not None:
                count, unit, sign = off.offset
                return shift(ref.resolved, count, unit, -sign), [(ref.start, ref.end, "events.date"),
                                                                 (off.start, off.end, "events.offset")]
    if not plain:
        return None, []
    verb = head if head.pos_ in ("VERB", "AUX") else (_governing_verb(head) or head)
    clause = {t.idx for t in verb.subtree}
    own = [d for d in plain if d.start in clause]
    best = min(own or plain, key=lambda d: abs(d.start - start))
    return best.resolved, [(best.start, best.end, "events.date")]


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
    verb = _governing_verb(head)
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
        evidence = [Evidence(article, m.start, m.end, "events", VERSION) for m in g]
        for m in g:
            evidence += [Evidence(article, s, e, x, VERSION) for s, e, x in m.date_spans]
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
