"""Stage `events`: typed events of one article with actor, target, place, date and fatalities,
coded in ACLED's and CAMEO's vocabularies and summarised in words.

A trigger (a verb or noun of data/events_<lang>.yaml: "killed", "was killed", "the killing of",
"a car bomb exploded", "fue asesinado", "enfrentamiento") opens an event mention; the dependency
parse gives its actor (subject, "by X", "attributed to X"), its target (object, passive subject,
"of X", the subject of "survived an attack"), and the place ("in X"). Arguments are the
article's local entity keys; a pronoun takes the last person named before it ("I" inside a
quote: the quote's speaker); a force named by a common noun ("marines") is the article's entity
of that force ("Navy"), else its words are kept for the summary.

A mention's type may change with its context (`retype` in the language data): "killed in
battle" or the killing of soldiers is an armed clash, not violence against civilians; a clash
or property destruction among protesters is a violent demonstration; a seizure of weapons is
"disrupted weapons use". Mentions of incidents told in one clause ("gunmen blocked the highway
... he escaped ...; two marines died in that clash") are one incident: its type is the
highest-ranked of them (`rank` in event_types.yaml) unless a `combine` rule names it (a protest
with arrests is a protest with intervention); the others are kept in `includes`. Fatalities
are the dead its sentences count.

Dates come from fuentes.extract.dates, resolved against the publication date, or, for an
undated article, against the anchor its own text allows (`estimate_anchor`). An event in the
clause of "N days after ..." is dated N days before the sentence's other date. Evidence keeps
the trigger span (extractor "events"), the date expressions used ("events.date",
"events.offset") and the sentence, so the corpus step can re-date an undated article once its
story gives an anchor (fuentes.corpus.events).

Mentions that are hypothetical or denied ("may kill", "threatened to attack", "a reward for
his capture") give no event; neither does a generic mention with no participant, place, date
or count ("killing a leader rarely works"). Mentions of one type sharing a participant or a
date merge into one Event; an event with no date of its own takes the date of a dated event in
the same sentence.

Triggers come from fuentes.extract.event_triggers, arguments (actor, target, place, date,
fatalities) from fuentes.extract.event_arguments; this module turns the mentions into events.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fuentes.doc import ArticleDoc
from fuentes.extract.dates import DateValue, estimate_anchor, find_dates, parse_iso
from fuentes.extract.event_arguments import (PLACE_LABELS, Arguments, arguments, date_of, fatalities, governing_verb,
                                             place_of)
from fuentes.extract.event_triggers import (DATA, Lexicon, _forms, acled_of, acled_taxonomy, cameo_of, event_types,
                                            find_triggers, irrealis, is_incident, lexicon, passive, rank_of)
from fuentes.extract.event_typing import SHORT_ITEM, choose, scorer
from fuentes.extract.relation_parse import governor_of
from fuentes.ids import content_id
from fuentes.model import Entity, Event, Evidence, Mention, Quote
from fuentes.nlp.text import doc_cache, doc_text, morph_values, sentence_of, sentences
from fuentes.pipeline import Stage, register

__all__ = [
    "DATA", "PLACE_LABELS", "VERSION", "Arguments", "EventsStage", "Lexicon", "Mentioned", "acled_of", "acled_taxonomy",
    "anchored", "arguments", "best_date", "build_events", "compatible", "date_of", "entity_names", "event_types",
    "extract", "find_triggers", "group_mentions", "group_type", "irrealis", "lexicon", "mentions_of", "place_of",
    "rescue", "retype", "same_event", "same_roles", "summarize",
]

# 2: evidence holds the sentence that tells the event; 3: ACLED taxonomy, incidents, summary; 4: "on" read
# as a word; 5: short items typed by the sentence-embedding scorer, the sides of a clash or deal; 6: political
# language is not violence, victims of a passive clause are targets, a past event keeps its year, Spanish
# "del"/"al" and regular forms the tagger misses, purposes and charges are no events told; 7: questions,
# showing verbs with an object, fight words without arms or victims, passive meetings, a candidate's rally,
# a contest verb with a score and disasters a person owns tell no event; an armed arrest stays an arrest;
# a verb phrase needs the verb's own particles; a typographic "’ll" is the future; an event word of a rule
# names the rule broken ("violación del código"); 8-9: self-harm, goals met and seasons tell no event;
# 10: "picked up" is an arrest only of a person ("picked up more viable mines" is none); 11: control taken
# of what is no land or place takes no territory ("gained control of three mines"), and a threat to an
# abstraction names a risk ("a threat to public health"); 12: a situation breaking out is no escape
# ("Hostilities broke out"); 23: things seized by an arrest or kidnapping word are a seizure, figures that
# "se disparan" soar, a ruling verb after a quote introduces it, a deployment of no force deploys no one ("el
# despliegue de 5G"), a disease, a crisis or the economy strikes only figuratively ("golpeados por la pandemia"), a
# mobilisation of forces is a deployment ("la movilización de las Fuerzas Armadas" was a protest)
VERSION = "23"


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
    actor_words: list[str] = field(default_factory=list)  # participants without a name ("Mexican marines")
    target_words: list[str] = field(default_factory=list)
    fatalities: int | None = None
    specific: bool = False  # told in the past tense with a participant in words ("a police officer was wounded")
    base: str = ""  # the trigger's type before its context changed it (`retype`)
    sent: Any = None  # the sentence (spaCy span)
    words: str = ""  # the trigger as written
    pos: str = "verb"
    language: str = "en"

    def __post_init__(self) -> None:
        self.base = self.base or self.etype


_NEWLINE = re.compile("\n")
NOT_PARTICIPANT = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def lex_lang(lang: str | None) -> str:
    return lang if lang in ("en", "es") else "en"


def sentence_place(sent: Any, args: Arguments, taken: set[str]) -> str | None:
    """The first place of the sentence introduced by "in"/"at"/"en" (short news items name
    the place once for everything they tell)."""
    preps = args.lex.words("place_preps")
    for tok in sent:
        m = args.mention_at(tok)
        if m and m.label in PLACE_LABELS and m.entity not in taken:
            if tok.i > sent.start and sent.doc[tok.i - 1].lower_ in preps:  # the word before the place name
                return m.entity
    return None


# -- the article's events -------------------------------------------------------------------

def mentions_of(sdoc: Any, language: str | None, mentions: list[Mention], quotes: list[Quote],
                anchor: date | None) -> list[Mentioned]:
    lex = lexicon(language)
    args = Arguments(sdoc, mentions, quotes, lex, language)
    text = doc_text(sdoc)  # once: spaCy joins every token for each `.text` of a Doc
    dates = find_dates(text, language, anchor)
    # segments: sentences, and lines within them (a headline without a full stop is not one
    # sentence with the lede the parser glued to it)
    sents = sentences(sdoc)  # once: a token's `.sent` walks the document each time
    cuts = sorted({s.start_char for s in sents} | {m.end() for m in _NEWLINE.finditer(text)})
    segment = lambda tok: bisect_right(cuts, tok.idx) - 1  # noqa: E731
    idioms = lex.words("idioms")
    # a headline over its lede: news headlines tell what happened in the present ("Gunmen kill five")
    headline = text.index("\n") if "\n" in text.strip() else -1
    kill_lemmas = killing_verbs(lex)
    dead: dict[int, int | None] = {}
    out = []
    triggers = find_triggers(sdoc, lex)
    in_trigger = {t.i for _, s, e, _, _ in triggers for t in sdoc.char_span(s, e, alignment_mode="expand") or []}
    in_date = {t.i for d in dates for t in sdoc.char_span(d.start, d.end, alignment_mode="expand") or []}
    in_either = in_trigger | in_date
    for head, start, end, etype, pos in triggers:
        if irrealis(head, lex, etype) or args.mention_at(head) is not None or _negated_noun(head, pos, lex):
            continue  # hypothetical, part of a name ("... Policy Institute"), or "evaded capture"
        if _idiom(head, idioms):
            continue  # "de acuerdo con", "in charge of"
        if pos == "verb" and head.dep_ == "amod" and head.i < head.head.i and head.tag_ == "VBN":
            continue  # "justice for a murdered classmate": a past event named in passing, not told
        if not_told(head, pos, etype, sentence_of(head), args):
            continue  # a question, "demonstrated his commitment", a political battle, "the objective was met"
        if etype == "court_ruling" and (_thing_condemned(head, pos, args) or _quote_verb(head, pos, args)):
            etype = "statement"  # "el obispo condenó la violencia", "'...', sentenció el dirigente": words, no one sentenced
        seized = etype in ("arrest", "kidnapping") and _things_taken(head, pos, args)
        if seized:
            etype = "seizure"  # "secuestró 20 kilos de cocaína", "captured two rifles": things seized, no one held
        if etype == "protest" and _forces_mobilised(head, pos, args):
            etype = "deployment"  # "la movilización de las Fuerzas Armadas": troops mobilised, no protest
        if pos == "verb" and etype == "statement" and _described_by(head):
            continue  # "los casos confirmados", "las cifras reportadas": the participle describes a noun
        actor_toks, target_toks = arguments(head, pos, etype, args)
        if verbal(head, pos, etype, actor_toks, target_toks, args):
            continue  # "attacked Trump by skywriting nasty messages", "Barkley went off script": words, not violence
        actors = _keys(args.entity(t) for t in actor_toks)
        targets = [k for k in _keys(args.entity(t) for t in target_toks) if k not in actors]
        place = place_of(head, args, set(actors) | set(targets))
        if place is None:  # "extradited to the United States", "attacked Culiacán": a place as object
            place = next((k for t, k in zip(target_toks, map(args.entity, target_toks))
                          if k in targets and args.mention_at(t) and args.mention_at(t).label in PLACE_LABELS), None)
            targets = [k for k in targets if k != place]
        sent = sentence_of(head)
        value, spans = date_of(head, start, dates, sdoc, sent)
        if head.lemma_.lower() in lex.words("person_object") and not targets:
            continue  # "executed the operation": a killing only when a person is the object
        if sent.start not in dead:
            dead[sent.start] = fatalities(sent, lex, kill_lemmas)
        if place is None and is_incident(etype):  # "In June 2019, marines surrounded a house in Puerto Almendra ..."
            place = sentence_place(sent, args, set(actors) | set(targets))
        plain = [t for t in actor_toks + target_toks
                 if t.i not in in_either and t.ent_type_ not in NOT_PARTICIPANT]
        actor_words = [w for t in actor_toks if t in plain and args.entity(t) is None for w in [args.words(t)] if w]
        target_words = [w for t in target_toks if t in plain and args.entity(t) is None for w in [args.words(t)] if w]
        base = etype
        # a participant named by a trigger word ("fired on protesters") still tells the type in context
        cast = [t for t in actor_toks + target_toks if t.i not in in_date and t.ent_type_ not in NOT_PARTICIPANT]
        etype = retype(etype, head, [t for t in actor_toks if t in cast], [t for t in target_toks if t in cast], lex,
                       (t for t in sent if t.i not in in_date))  # "4 March 2020" is no march (listed if read)
        if etype == "weapons_seizure":  # "seized weapons from" someone: the things seized are none of them
            things = lex.words("seized_things")
            target_words = [w for t in target_toks if t in plain and args.entity(t) is None and not _forms(t) & things
                            for w in [args.words(t)] if w]
        if etype == "attack" and pos == "verb" and _reciprocal(head, lex):
            etype = "clash"  # "militares y civiles armados se tirotearon": each side attacked the other
        m = Mentioned(etype, head, start, end, actors, targets, place, value, spans, segment(head),
                      actor_words, target_words,
                      dead[sent.start] if is_incident(etype) and rank_of(etype) >= 60 else None,
                      base=base, pos=pos, language=lex_lang(lang=language))
        m.sent, m.words = sent, text[start:end]
        told = _past(head) or (head.idx < headline and _present(head))  # "Madres mantienen plantón ..."
        m.specific = bool(actor_words or target_words or pos == "noun") and told
        out.append(m)
    return out


def not_told(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """The trigger tells no event of its type (each test below says when)."""
    return any(test(head, pos, etype, sent, args) for test in NOT_TOLD)


def _question(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """Its sentence is a question ("¿Cuántos fueron arrestados?", "We're going to round them up?");
    read once per sentence."""
    found = args.questions.get(sent.start)
    if found is None:
        first, last = _words_at_ends(sent)
        found = args.questions[sent.start] = bool(first) and (
            last[-1].text.endswith("?") or first.text.startswith("\u00bf")
            or (last[-1].is_punct and len(last) > 1 and last[-2].text.endswith("?")))
    return found


def _words_at_ends(sent: Any) -> tuple[Any, list[Any]]:
    """The first word of a sentence (a token that is not white space) and its last two, in text
    order (one when it has one word), read from its two ends; (None, []) when it has no word."""
    doc = sent.doc
    first = next((doc[i] for i in range(sent.start, sent.end) if not doc[i].is_space), None)
    if first is None:
        return None, []
    last: list[Any] = []
    for i in range(sent.end - 1, first.i - 1, -1):
        if not doc[i].is_space:
            last.insert(0, doc[i])
            if len(last) == 2:
                break
    return first, last


def _showing(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A verb of `showing_verbs` with an object or a clause is a showing, not a protest
    ("demonstrated his commitment", "rallied supporters", "manifestó su apoyo"; a reflexive is no
    object: "se manifestaron")."""
    lex = args.lex
    return etype == "protest" and pos == "verb" and head.lemma_.lower() in lex.words("showing_verbs") \
        and any(c.dep_ in ("dobj", "obj", "ccomp") and c.lower_ not in lex.words("reflexives") for c in head.children)


def _unarmed_fight(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A word of `armed_context_triggers` names a fight only in a sentence with armed people,
    weapons, the dead or the wounded ("the battle between Rubio and Christie" is none)."""
    lex = args.lex
    if head.lemma_.lower() not in lex.words("armed_context_triggers") \
            and head.lower_ not in lex.words("armed_context_triggers"):
        return False
    return not _armed(sent, lex)


def _armed(sent: Any, lex: Any) -> bool:
    """The sentence tells of armed people, weapons, the dead or the wounded, or a killing; read
    once per sentence and lexicon (the tests of each trigger and of the trigger before ask again)."""
    memo = doc_cache(sent.doc)
    entry = memo.get(("armed", id(lex)))
    if entry is None or entry[0] is not lex:
        entry = memo[("armed", id(lex))] = (lex, {})
    known = entry[1]
    found = known.get((sent.start, sent.end))
    if found is None:
        armed = ("armed_nouns", "weapon_words", "fatality_nouns", "wound_words", "remote_words", "attack_words")
        kills = killing_verbs(lex)
        found = known[(sent.start, sent.end)] = \
            any(lex.cue_in(key, sent) for key in armed) or any(_forms(t) & kills for t in sent)
    return found


_AIM_PREPS = ("on", "upon", "against", "contra", "sobre")  # "the attack on X", "ataques contra X"


def _direct_objects(head: Any) -> list[Any]:
    """A verb's direct objects that are nouns or names (Spanish 'a' + person included; a pronoun
    or a reflexive "se" tells nothing)."""
    return [c for c in head.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]


def _objects(head: Any, pos: str) -> list[Any]:
    """What a verb acts on (its direct objects, or what it is 'against') or what a noun is aimed
    at ("the attack on the embassy", "ataques contra la candidata"); nouns and names only
    ("attacked him" tells nothing), no dates."""
    preps = _AIM_PREPS if pos == "noun" else ("against", "contra")
    out = _direct_objects(head)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("nmod", "obl") and any(g.dep_ == "case" and g.lower_ in preps for g in c.children):
            out.append(c)
    return [o for o in out if o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in ("DATE", "TIME")]


def _unarmed_attack(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An attack word (`unarmed_attack_triggers`) in a sentence with no armed people, weapons,
    dead or wounded (nor the sentence after it) is words when it is called personal or verbal (`verbal_attack_modifiers`:
    "the personal attacks", "ataques personales") or is aimed at something that is neither a
    place, a building nor people who can be hit (`attack_targets`): "attacked Machado",
    "attacked loopholes", "atacó a la senadora". An attack aimed at nothing stays an attack."""
    lex = args.lex
    if not _forms(head) & lex.words("unarmed_attack_triggers") or _armed(sent, lex):
        return False
    after = head.doc[sent.end: sent.end + 1]
    if len(after) and _armed(sentence_of(after[0]), lex):
        return False  # "... attacked a procession. Ten were injured."
    if pos == "noun" and any(c.dep_ == "amod" and _forms(c) & lex.words("verbal_attack_modifiers") for c in head.children):
        return True
    objects = _objects(head, pos)
    if not objects:
        return False
    for obj in objects:
        m = args.mention_at(obj) or next((args.mention_at(t) for t in obj.subtree if args.mention_at(t)), None)
        if m is not None and m.label in PLACE_LABELS:
            return False  # "the attack on Bornholm", "atacaron Culiacán"
        if lex.cue_in("attack_targets", list(obj.subtree)[:8]):
            return False  # "attacked a police station", "atacaron la comandancia"
    return True


def _not_fled(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An escape from something that holds no one (`custody_words`) is none: "escaped charges",
    "get away from that", "evadió preguntas"; "escaped from prison", "se fugó del penal" are."""
    if etype != "escape":
        return False
    lex = args.lex
    held = _direct_objects(head)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of"):
            held += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        elif c.dep_ in ("obl", "nmod") and any(g.dep_ == "case" and g.lower_ in ("de", "del") for g in c.children):
            held.append(c)
    for t in head.doc[head.i + 1: head.i + 3]:  # "get away from": the particle's own preposition
        if t.dep_ == "prep" and t.lower_ == "from" and t.head.i != head.i:
            held += [g for g in t.children if g.dep_ in ("pobj", "pcomp")]
    if not held:
        return False
    return not any(lex.cue_in("custody_words", list(h.subtree)[:8])
                   or ((m := args.mention_at(h)) is not None and m.label in PLACE_LABELS) for h in held)


def _nobody_fled(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """What breaks out or gets away is no one when it is a situation (`situation_nouns`):
    "Hostilities broke out", "el incendio escapó"; "inmates broke out" is an escape."""
    if etype != "escape" or pos != "verb":
        return False
    situations = args.lex.words("situation_nouns")
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lemma_.lower() in situations or s.lower_ in situations for s in subjects)


def _no_land_handed(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A transfer of territory hands over land or control (`territory_words`) or a place: "handed
    over management", "cede her nomination", "relinquishing leverage" transfer none."""
    if etype != "territory_transfer" or pos != "verb":
        return False
    objects = _direct_objects(head)
    if not objects:
        return False
    lex = args.lex
    return not any(lex.cue_in("territory_words", list(o.subtree)[:8])
                   or any((m := args.mention_at(t)) is not None and m.label in PLACE_LABELS for t in o.subtree)
                   for o in objects)


def _no_land_taken(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """Control taken of what is no land or place ("gained control of three mines", "tomó el
    control de la mina") takes no territory; "took control of the port", "de la plaza" does."""
    if etype != "territory_taken" or pos != "verb":
        return False
    lex = args.lex
    held = [owner for o in _direct_objects(head) if o.lemma_.lower() == "control" for owner in _owners(o)]
    return bool(held) and not any(lex.cue_in("territory_words", [h]) or
                                  ((m := args.mention_at(h)) is not None and m.label in PLACE_LABELS) for h in held)


def _fulfilled(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A meeting in the passive is something fulfilled ("their objective has been met")."""
    return etype == "visit" and pos == "verb" and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)


def _won(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A contest verb with a particle, a score or a ball is a win or a play, not a beating ("beat out
    Clinton by one point", "golpeó el balón en el partido")."""
    lex = args.lex
    return pos == "verb" and head.lemma_.lower() in lex.words("contest_verbs") and (
        any(c.dep_ in ("prt", "compound:prt") for c in head.children) or lex.cue_in("contest_words", list(head.subtree)))


def _share_won(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An arrest verb whose objects are all shares, votes or audiences (`share_words`, or a figure
    with '%') wins them: no one is arrested ("captured 45 percent of the vote", "capturando el 38%
    de la audiencia", "capturó el mercado")."""
    if etype != "arrest" or pos != "verb":
        return False
    shares = args.lex.words("share_words")
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    return bool(objects) and all("%" in o.text or _forms(o) & shares for o in objects)


def _share_of(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An event noun counted by a percent ("38% de la audiencia", "45 percent of the protests")
    is a measure of a whole, no event told."""
    if pos != "noun":
        return False
    gov = governor_of(head)
    if head.dep_ not in ("pobj", "nmod") or gov.i == head.i:
        return False
    return "%" in gov.text or bool(_forms(gov) & args.lex.words("percent_words"))


def _made_available(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An arrest told by putting someone at an authority's disposal ("fue puesto a disposición del
    Ministerio Público", "pusieron a disposición a tres hombres", "lo pusieron a disposición";
    `availability_nouns`) needs a person put there: a passive, an object marked with the personal
    "a", or an object pronoun. A thing made available is none ("se puso a disposición el
    laboratorio", "puso a disposición de los clientes una línea")."""
    if etype != "arrest" or pos != "verb":
        return False
    nouns = args.lex.words("availability_nouns")
    if not nouns or not any(c.lower_ in nouns for c in head.children):
        return False
    put = any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() in ("ser", "estar", "quedar") for c in head.children)
    person = any(c.dep_ in ("obj", "iobj", "dobj") and c.lower_ not in nouns and (
        (c.pos_ == "PRON" and c.lower_ != "se") or any(g.dep_ == "case" and g.lower_ in ("a", "al") for g in c.children))
        for c in head.children)
    return not (put or person)  # ("fue puesto", "quedó puesto": a passive)


def _page_visited(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A visit to a web page or a site (`web_words`: "visit the Facebook page", "visite la página
    web") is reading, no visit."""
    if etype != "visit":
        return False
    aims = _direct_objects(head) if pos == "verb" else _owners(head, ("of", "to", "de", "a"))
    web = args.lex.words("web_words")
    return bool(aims) and all(_forms(a) & web for a in aims)


def _campaign_rally(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A rally a person holds, or one in a campaign, is a candidate's gathering ("Trump held a
    rally in Alabama", "un mitin de campaña"), unless its sentence tells a grievance
    (`protest_words`, "against", "contra")."""
    lex = args.lex
    gatherings = lex.words("campaign_gatherings")
    if etype != "protest" or (head.lemma_.lower() not in gatherings and head.lower_ not in gatherings):
        return False
    holders = _owners(head) + [c for c in head.children if c.dep_ in ("compound", "nmod")]
    if head.dep_ in ("dobj", "obj"):  # "Trump held a rally": the one who holds it
        holders += [c for c in head.head.children if c.dep_ == "nsubj"]
    owned = any((m := args.mention_at(o)) is not None and m.label == "PERSON" for o in holders)
    grievance = lex.cue_in("protest_words", [t for t in sent if t.i != head.i]) \
        or any(t.lower_ in lex.words("against_words") for t in head.subtree)
    return (owned or lex.cue_in("campaign_words", sent)) and not grievance


def _rule_named(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A word whose 'of' noun is a rule (`broken_rules`) names the rule broken ("violación del
    código de vehículos", "the attack on the constitution"); a protest against a law is one."""
    return pos == "noun" and etype not in PROTEST_TYPES and _rule_broken(head, args.lex)


def _figure_of_speech(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A disaster word a person owns is a figure of speech ("Rubio's collapse in his home state"),
    a person or a named body that collapses (`faint_verbs`) faints or fails ("Clinton collapsed at
    the ceremony"); so is a disaster of a market or an economy (`economic_words`: "the collapse
    of the real estate market", "the housing collapse", "el peso se derrumbó"), a crash of
    something that is no vehicle ("crashed the meeting"; `vehicle_words`), and fire drawn from
    people ("continuing fire from Republicans", `criticism_preps`)."""
    if etype not in ("man_made_disaster", "natural_disaster"):
        return False
    lex = args.lex
    person = lambda t: (m := args.mention_at(t)) is not None and m.label == "PERSON"  # noqa: E731
    if pos == "verb":
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if any(_forms(c) & lex.words("economic_words") for c in subjects):
            return True  # "the market crashed", "el peso se derrumbó"
        if _forms(head) & lex.words("faint_verbs") and any(
                person(t) or (t.pos_ == "PROPN" and not ((m := args.mention_at(t)) and m.label in PLACE_LABELS))
                for c in subjects for t in c.subtree):
            return True  # "Clinton collapsed": a person faints, a named body fails
        return any(not lex.cue_in("vehicle_words", list(c.subtree)[:6])
                   for c in _direct_objects(head))  # "crashed the meeting", not "the plane"
    owners = _owners(head) + [c for c in head.children if c.dep_ in ("compound", "amod")]
    if any(person(o) for o in owners) or any(_forms(o) & lex.words("economic_words") for o in owners):
        return True
    return any(c.dep_ == "prep" and c.lower_ in lex.words("criticism_preps") and any(
        (m := args.mention_at(g)) is not None and m.label in ("ORG", "NORP", "PERSON") for g in c.subtree)
        for c in head.children)


def _self_harm(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A killing or attack verb whose object is the actor itself (`self_objects`: "were killing
    themselves", "shot himself"; in Spanish a noun of them with a reflexive, "se quitó la vida") is
    self-harm, no violence between actors."""
    if pos != "verb":
        return False
    lex = args.lex
    selves = lex.words("self_objects")
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    if any(o.lower_ in selves for o in objects):
        return True
    if not any(c.lower_ in lex.words("reflexives") for c in head.children):
        return False
    # "se quitó la vida": the parser may take "la vida" for the subject
    if any(c.dep_ in ("dobj", "obj", "nsubj", "nsubj:pass") and (c.lemma_.lower() in selves or c.lower_ in selves)
           for c in head.children):
        return True
    # "se mató", "se disparó": a killing verb with its reflexive and nothing else acted on (not "se mató a
    # tres policías", an impersonal "se"; not "se mataron entre ellos", each other)
    others = [c for c in head.children if c.dep_ in ("dobj", "obj", "iobj", "obl", "nmod") and c.lower_ not in lex.words("reflexives")
              and (c.dep_ in ("dobj", "obj", "iobj") or any(g.dep_ == "case" and g.lower_ in ("a", "al", "entre", "contra") for g in c.children))]
    return etype in ("killing", "attack") and not others


def _soared(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A verb of `soaring_verbs` with its reflexive pronoun and a thing for its subject ("las
    acciones se disparan un 77 %", "los homicidios se dispararon", "el arma se disparó") rises or
    goes off: no one attacks anyone. A person's ("se disparó en la cabeza") is self-harm
    (`_self_harm`); an impersonal "se" with no subject ("se disparó contra los agentes") stays."""
    lex = args.lex
    if etype not in ("attack", "killing") or pos != "verb" or head.lemma_.lower() not in lex.words("soaring_verbs"):
        return False
    if not any(c.lower_ in lex.words("reflexives") for c in head.children):
        return False
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    armed = lex.words("armed_nouns")
    return bool(subjects) and all(
        c.pos_ == "NOUN" and not ((m := args.mention_at(c)) is not None and m.label in ("PERSON", "PER"))
        and not _forms(c) & armed for c in subjects)


def _forces(lex: Lexicon) -> frozenset[str]:
    """Words of troops, police and armed people: the deploy verbs' listed objects (`deploy_verbs`),
    `armed_nouns` and `police_words`."""
    table = lex.data.get("object_nouns") or {}
    listed = {str(w).lower() for verb in lex.words("deploy_verbs") for w in table.get(verb) or []}
    return frozenset(listed) | lex.words("armed_nouns") | lex.words("police_words")


def _forces_mobilised(head: Any, pos: str, args: Arguments) -> bool:
    """A mobilisation noun of a force (`mobilisation_nouns` with troops, police or armed people after
    "de" or "of": "la movilización de las Fuerzas Armadas", "de 500 efectivos") deploys it: no protest
    ("la movilización de los maestros" stays one)."""
    if pos != "noun" or not _forms(head) & args.lex.words("mobilisation_nouns"):
        return False
    forces = _forces(args.lex)
    return any(_singular_forms(t) & forces for o in _owners(head) for t in o.subtree)


def _singular_forms(tok: Any) -> set[str]:
    """The token's forms (`_forms`) and the same without a plural ending ("Fuerzas", a name's word
    the tagger gives no lemma, is "fuerza")."""
    forms = _forms(tok)
    return forms | {f[:-1] for f in forms if f.endswith("s")} | {f[:-2] for f in forms if f.endswith("es")}


def _nothing_deployed(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A deployment noun (`deployment_nouns`) of what is no force deploys no one ("el despliegue de
    5G", "the deployment of fiber networks"): its "of" nouns are neither troops, police or armed
    people (the deploy verb's listed objects, `armed_nouns`, `police_words`) nor a named body,
    person or place ("el despliegue de la Guardia Nacional" stays)."""
    lex = args.lex
    if etype != "deployment" or pos != "noun" or not _forms(head) & lex.words("deployment_nouns"):
        return False
    owners = _owners(head)
    if not owners and head.i + 1 < len(head.doc) and head.doc[head.i + 1].lower_ in ("of", "de", "del"):
        # what the parse hangs from the noun after its "de" ("de 5G" read as the number 5 and a name G)
        owners = [c for c in head.children if c.i > head.i and c.dep_ in ("nmod", "nummod", "pobj", "compound")]
    forces = _forces(lex)
    named = ("ORG", "PERSON", "PER", "NORP", "GPE", "LOC")
    return bool(owners) and not any(
        _forms(o) & forces or ((m := args.mention_at(o)) is not None and m.label in named) for o in owners)


def _struck_by_a_crisis(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An attack verb whose doer is a disease, a crisis or the economy (`crisis_agents`: "uno de los
    países más golpeados por la pandemia", "hit hard by the recession", "la crisis golpeó a las
    familias") strikes figuratively: no one attacks anyone."""
    if etype not in ("attack", "killing") or pos != "verb":
        return False
    crises = args.lex.words("crisis_agents")
    doers = [c for c in head.children if c.dep_ in ("nsubj", "agent", "obl:agent")]
    doers += [c for c in head.children if any(g.dep_ == "case" and g.lower_ in ("por", "by") for g in c.children)]
    doers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(_forms(d) & crises for d in doers)


def _goal_met(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A meeting verb whose objects are all goals (`goal_words`) meets a goal, not people: "to meet
    the emissions reduction target", "reunió los requisitos"."""
    if etype != "visit" or pos != "verb":
        return False
    objects = _direct_objects(head)
    goals = args.lex.words("goal_words")
    return bool(objects) and all(o.lower_ in goals or o.lemma_.lower() in goals for o in objects)


def _risk_named(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A threat to what only an abstraction is (`abstract_aims`: "a threat to public health",
    "threatens the economy", "una amenaza para la salud") names a risk: no one threatens anyone."""
    if etype != "threat":
        return False
    aims = _owners(head, ("to", "para", "a", "for")) if pos == "noun" else _direct_objects(head)
    abstract = args.lex.words("abstract_aims")
    return bool(aims) and all(a.lemma_.lower() in abstract or a.lower_ in abstract for a in aims)


def _danger_named(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A threat noun whose "of" nouns are all no one (no name, no armed people: "the threat of
    global warming", "la amenaza de lluvias") names a danger feared; "the threat of the cartel"
    is one the cartel makes."""
    if etype != "threat" or pos != "noun":
        return False
    owners = _owners(head, tuple(args.lex.words("owner_preps")))
    parties = args.lex.words("armed_nouns") | args.lex.words("party_nouns")
    return bool(owners) and not any(args.mention_at(o) is not None or _forms(o) & parties for o in owners)


def _accusation_denied(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An accusation someone denies (`allegation_nouns` under `denial_verbs`: "refutó las
    acusaciones de tener inclinaciones políticas", "rejected the allegations") is a claim
    rejected, no charge brought."""
    if etype != "indictment" or pos != "noun" or not _forms(head) & args.lex.words("allegation_nouns"):
        return False
    verb = governing_verb(head)
    return verb is not None and verb.lemma_.lower() in args.lex.words("denial_verbs")


def _person_object(head: Any, args: Arguments) -> bool | None:
    """Whether the verb's object is a person (a pronoun, a name, a noun marked with the personal
    "a", an armed or a charged person); None when it has no object."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "iobj")]
    if not objects:
        return None
    lex = args.lex
    return any(o.pos_ == "PRON" or ((m := args.mention_at(o)) is not None and m.label in ("PERSON", "PER"))
               or any(g.dep_ == "case" and g.lower_ in ("a", "al") for g in o.children)
               or _forms(o) & (lex.words("armed_nouns") | lex.words("charge_words")) for o in objects)


def _recognised(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A verb of `recognition_verbs` with a person as its object recognises someone ("un hombre
    que lo había reconocido", "a witness recognised him"): no statement."""
    return etype == "statement" and pos == "verb" and head.lemma_.lower() in args.lex.words("recognition_verbs") \
        and bool(_person_object(head, args))


def _thing_condemned(head: Any, pos: str, args: Arguments) -> bool:
    """A verb of `ruling_or_statement` ("condenar") in the active with an object that is no person
    condemns a thing in words ("condenó la violencia contra las mujeres"); a person condemned
    ("condenó al exalcalde a 20 años", "fue condenado") is a ruling."""
    if pos != "verb" or head.lemma_.lower() not in args.lex.words("ruling_or_statement") or passive(head):
        return False
    return _person_object(head, args) is False


def _quote_verb(head: Any, pos: str, args: Arguments) -> bool:
    """A verb of `quote_rulings` right after a closing quotation mark introduces the words quoted
    ("'Este país se lo merece', sentenció el dirigente"): a statement, no sentence passed."""
    if pos != "verb" or head.lemma_.lower() not in args.lex.words("quote_rulings"):
        return False
    doc, i, marks = head.doc, head.i - 1, False
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        marks = marks or doc[i].is_quote
        i -= 1
    return marks


def _things_taken(head: Any, pos: str, args: Arguments) -> bool:
    """An arrest or kidnapping word whose objects are all things seized (`seized_things`: drugs,
    weapons, money, evidence, vehicles, phones; "secuestraron 20 kilos de cocaína", "el secuestro de
    pruebas", "captured two rifles") tells a seizure: no person is held."""
    objects = _owners(head) if pos == "noun" else [c for c in head.children if c.dep_ in ("dobj", "obj")]
    things = args.lex.words("seized_things")
    return bool(objects) and all(
        _forms(o) & things and not any(g.dep_ == "case" and g.lower_ in ("a", "al") for g in o.children)
        for o in objects)


def _described_by(head: Any) -> bool:
    """A participle hanging from a noun with no subject, agent or auxiliary of its own describes it
    ("los casos confirmados de coronavirus", "the reported figures")."""
    if head.dep_ not in ("amod", "acl") or head.head.i == head.i or head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not ("Part" in morph_values(head, "VerbForm") or head.tag_ == "VBN"):
        return False
    return not any(c.dep_ in ("nsubj", "aux", "aux:pass", "auxpass", "agent", "obl:agent", "obj", "dobj")
                   or (c.dep_ == "obl" and any(g.lower_ == "por" for g in c.children)) for c in head.children)


def _held_state(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """Being under arrest is a state, no arrest told: an arrest noun after "under"/"bajo" on a verb of
    being (`state_verbs`: "was under house arrest when he escaped", "estaba bajo arresto
    domiciliario"); "placed under arrest", "quedó bajo arresto" stay."""
    if etype != "arrest" or pos != "noun":
        return False
    under = args.lex.words("state_preps")
    marked = (head.head.dep_ == "prep" and head.head.lower_ in under) or any(
        c.dep_ == "case" and c.lower_ in under for c in head.children)
    states = args.lex.words("state_verbs")
    verb = governing_verb(head)
    return marked and ((verb is not None and verb.lemma_.lower() in states)
                       or any(c.dep_ == "cop" and c.lemma_.lower() in states for c in head.children))  # "estaba bajo arresto"


def _season(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """An event noun whose only 'of' noun is a year names a time ("by the fall of 2010"), not an
    event ("the fall of Kabul in 2021" is one)."""
    if pos != "noun":
        return False
    owners = _owners(head, ("of", "de", "del"))
    return bool(owners) and all(o.like_num and len(o.text) == 4 and o.text.isdigit() for o in owners)


def _vehicle_moving(head: Any, pos: str, etype: str, sent: Any, args: Arguments) -> bool:
    """A march word that a vehicle owns is its motion, no protest ("la marcha de su camioneta";
    `vehicle_words`)."""
    if pos != "noun" or etype not in PROTEST_TYPES:
        return False
    return any(args.lex.cue_in("vehicle_words", [t]) for t in _owners(head))


NOT_TOLD = (_question, _showing, _unarmed_fight, _fulfilled, _won, _share_won, _share_of, _made_available, _page_visited, _campaign_rally, _rule_named, _figure_of_speech,
            _unarmed_attack, _not_fled, _nobody_fled, _no_land_handed, _no_land_taken, _self_harm, _goal_met, _season,
            _risk_named, _danger_named, _accusation_denied, _recognised, _held_state, _vehicle_moving, _soared, _nothing_deployed, _struck_by_a_crisis)


_RULE_PREPS = ("of", "on", "against", "de", "del", "contra")
PROTEST_TYPES = ("protest", "violent_demonstration", "protest_intervention")


def _rule_broken(head: Any, lex: Any) -> bool:
    """The noun's 'of' / 'de' noun, in the parse or straight after it ("violación del código": the
    parser may hang "código" elsewhere), is a rule (`broken_rules`)."""
    rules = lex.words("broken_rules")
    after = [t for t in head.doc[head.i + 1:head.i + 4] if not t.is_punct]
    if after and after[0].lower_ in _RULE_PREPS:
        noun = next((t for t in after[1:] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None and (noun.lemma_.lower() in rules or noun.lower_ in rules):
            return True
    return any(o.lemma_.lower() in rules or o.lower_ in rules for o in _owners(head, _RULE_PREPS))


def _owners(head: Any, preps: tuple[str, ...] = ("of", "de", "del")) -> list[Any]:
    """Who a noun belongs to: its possessive ("Rubio's collapse") or its noun after one of `preps`
    ("the collapse of Rubio", "el derrumbe de Rubio")."""
    out = []
    for c in head.children:
        if c.dep_ in ("poss", "nmod:poss"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in preps for g in c.children):
            out.append(c)
    return out


def verbal(head: Any, pos: str, etype: str, actor_toks: list[Any], target_toks: list[Any], args: Arguments) -> bool:
    """Political language read as violence (`verbal_types` only): the target is speech or
    politics ("attacked his record", "killed the bill"); the means, manner or occasion is speech
    ("attacked Trump by skywriting nasty messages", "withering attacks in Saturday's debate",
    "attacked X, calling him a loser"); or a person explodes with nothing blown up ("Barkley went
    off script", "Trump exploded at reporters", "skywriters blast Trump"), and so does an affair
    (`affair_words`: "after the matter blew up", "estalló el escándalo")."""
    lex = args.lex
    if etype not in lex.words("verbal_types"):
        return False
    words, objects = lex.words("verbal_words"), lex.words("verbal_objects")
    if any(_forms(t) & (words | objects) for t in target_toks):
        return True
    verb = head if pos == "verb" else governing_verb(head)
    nodes = [head] + ([verb] if verb is not None and verb is not head else [])
    for node in nodes:
        for c in node.children:
            if c.dep_ in ("amod", "advmod", "compound", "npadvmod") and _forms(c) & words:
                return True  # "verbal attack", "withering attacks"
            if c.dep_ in ("advcl", "xcomp") and _forms(c) & lex.words("speech_verbs"):
                return True  # "attacked Trump, calling him a loser"
            if c.dep_ in ("prep", "agent", "obl", "nmod", "advcl", "pcomp") or (c.dep_ == "dobj" and node is verb):
                if lex.cue_in("verbal_words", list(c.subtree)[:12]):
                    return True  # "by skywriting nasty messages", "in Saturday's debate", "en el debate"
            if node is head and pos == "verb" and _occasion(c) is not None and _forms(_occasion(c)) & objects:
                return True  # "getting killed in this deal", "killed on trade", "nos matan en el comercio"
    means = lex.words("means_preps")  # the means told on the verb it hangs from: "praised a donor's effort
    above = governing_verb(verb if verb is not None else head)  # to attack Trump by skywriting messages"
    for node in [above] if above is not None else []:
        for c in node.children:
            if _prep_word(c) in means and lex.cue_in("verbal_words", list(c.subtree)[:12]):
                return True
    if etype in ("explosion", "shelling") and pos == "noun" and head.dep_ == "compound" \
            and (m := args.mention_at(head.head)) is not None and m.label not in PLACE_LABELS:
        return True  # "skywriters blast Trump": the verb read as a noun before a name
    if etype == "explosion" and pos == "verb":  # a person who "goes off" or "explodes" blows nothing up
        people = [t for t in actor_toks if any((m := args.mention_at(x)) is not None and m.label == "PERSON"
                                               for x in [t, *(c for c in t.children if c.dep_ in NAME_PARTS)])]
        has_object = any(c.dep_ in ("dobj", "obj") for c in head.children)
        affairs = [t for t in actor_toks if _forms(t) & lex.words("affair_words")]  # "after the matter blew up"
        return bool(people or affairs) and not has_object
    return False


def _occasion(c: Any) -> Any | None:
    """The noun of a verb's prepositional complement: "in this deal" (its object), "en el
    comercio" (the noun itself)."""
    if c.dep_ == "prep":
        return next((g for g in c.children if g.dep_ == "pobj"), None)
    if c.dep_ in ("obl", "nmod") and any(g.dep_ == "case" for g in c.children):
        return c
    return None


NAME_PARTS = ("appos", "flat", "compound")  # "el diputado Pedro Gómez Ruiz": the name of the noun


def _prep_word(tok: Any) -> str:
    """The preposition a dependent is introduced by: English "by" (prep), UD "con" (case child)."""
    if tok.dep_ in ("prep", "agent"):
        return tok.lower_
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


def killing_verbs(lex: Lexicon) -> frozenset[str]:
    """The verbs whose counted objects are dead (`fatalities`): the one-word killing verbs; the
    first word of "shoot dead" or "dar muerte" alone kills no one ("More than a dozen were shot")."""
    key = ("killing_verbs",)  # once per language (the lexicon's cache)
    if key not in lex.cache:
        lex.cache[key] = frozenset(w[0] for w, t, pos in lex.phrases if t == "killing" and pos == "verb" and len(w) == 1)
    return lex.cache[key]


def _idiom(head: Any, idioms: set[str]) -> bool:
    doc = head.doc
    before = f"{doc[head.i - 1].lower_} {head.lower_}" if head.i > 0 else ""
    after = f"{head.lower_} {doc[head.i + 1].lower_}" if head.i + 1 < len(doc) else ""
    return before in idioms or after in idioms


def _past(head: Any) -> bool:
    """Told as having happened: the trigger or its verb in a past tense ("was wounded", "asesinaron")."""
    verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
    if verb is None:
        return False
    toks = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "aux:pass")]
    return any("Past" in morph_values(t, "Tense") or t.tag_ in ("VBD", "VBN") for t in toks)


def _reciprocal(head: Any, lex: Lexicon) -> bool:
    """Two sides doing it to each other: a conjoined subject and a reciprocal pronoun ("se
    tirotearon", "shot at each other": `reciprocal`)."""
    words = lex.words("reciprocal")
    sides = any(c.dep_.startswith("nsubj") and any(g.dep_ == "conj" for g in c.children) for c in head.children)
    marked = any(c.lower_ in words and c.dep_ in ("obj", "iobj", "dobj", "expl", "expl:pv", "pobj", "npadvmod")
                 for c in head.children) or lex.cue_in("reciprocal", [t for t in head.subtree if 0 < t.i - head.i <= 4])
    return sides and marked


def _present(head: Any) -> bool:
    """Told in the present, or with no verb at all (a headline's "Ataque con gas cloro en Duma")."""
    verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
    return verb is None or "Pres" in morph_values(verb, "Tense") or verb.tag_ in ("VBZ", "VBP")


def retype(etype: str, head: Any, actor_toks: list[Any], target_toks: list[Any], lex: Lexicon,
           sentence: Any = None) -> str:
    """The mention's type in its context (`retype` rules of the language data, first match):
    the words of its sentence, of its arguments' phrases, or of its targets' phrases only
    ("killed two soldiers": a clash; "gunmen killed the mayor": an attack on a civilian), unless
    the sentence holds a word of a rule's `unless` lists (soldiers killed by a roadside bomb)."""
    read: dict[str, list[Any]] = {}  # the places' tokens, listed when a rule of the type first reads them

    def place(name: str) -> list[Any]:
        if name not in read:
            if name == "sentence":
                read[name] = list(sentence if sentence is not None else sentence_of(head))
            elif name == "targets":
                read[name] = [t for a in target_toks for t in a.subtree]
            elif name == "governor":
                read[name] = _ancestors(head)[1:6]
            elif name == "means":
                targets = place("targets")
                read[name] = [t for a in actor_toks for t in a.subtree] + [t for t in head.subtree if t not in targets]
            elif name == "arguments":
                read[name] = [t for a in actor_toks for t in a.subtree] + place("targets") + list(head.subtree)
            else:
                raise KeyError(name)
        return read[name]
    for rule in lex.data.get("retype") or []:
        if etype not in rule["from"]:
            continue
        where = place(rule.get("where") or "arguments")
        if lex.cue_in(rule["cue"], where) and all(lex.cue_in(k, place("sentence")) for k in rule.get("also") or []) \
                and not any(lex.cue_in(k, place("sentence")) for k in rule.get("unless") or []):
            return rule["to"]
    return etype


def _negated_noun(head: Any, pos: str, lex: Lexicon) -> bool:
    """A noun trigger that names no happening: the object of "evade", "offer ... for", "lead
    to" ("evaded capture", "a reward for his capture"), under a denied or hypothetical verb
    ("no se registraron disparos", "may face charges"), or what someone is accused of
    ("suspected of kidnapping", "señalado por secuestro")."""
    up = head.head.head if head.head.dep_ == "prep" else head.head  # "suspected of X": over "of"
    if up.i != head.i and _forms(up) & lex.words("charge_words"):
        return True
    reasons = lex.words("reason_preps")
    if head.head.dep_ == "prep" and head.head.lower_ in reasons or any(
            c.dep_ == "case" and c.lower_ in reasons for c in head.children):
        if up.i != head.i and _forms(up) & lex.words("charge_verbs"):
            return True  # "arrested for a murder", "detenido por el homicidio": the charge, not an incident told
    if pos != "noun":
        return False  # "señalado por secuestro", "suspected of murder": what someone is accused of
    verb = governing_verb(head)
    if verb is None:
        return False
    return verb.lemma_.lower() in lex.words("negating_verbs") or irrealis(verb, lex)


def anchored(m: Mentioned) -> bool:
    return bool(m.actors or m.targets or m.date or m.place or m.fatalities or m.specific)


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


def one_incident(a: Mentioned, b: Mentioned, lex: Lexicon | None = None) -> bool:
    """Two incident triggers of one sentence telling one happening: the same clause, conjoined
    clauses, or one in the other's phrase ("captured X in a raid", "bloquearon la carretera
    ... y el capo huyó"); not when a clause is set apart in time ("hours after marines
    captured him", "tras su detención hubo bloqueos")."""
    if a.sentence != b.sentence or not (is_incident(a.etype) and is_incident(b.etype)):
        return False
    if not compatible(a.date, b.date):
        return False
    seq = (lex.words("sequence_words") if lex else set()) or SEQUENCE_WORDS
    chain_a, chain_b = _ancestors(a.trigger), _ancestors(b.trigger)
    common = next((t for t in chain_a if t in chain_b), None)
    causes = (lex.words("cause_verbs") if lex else set()) or CAUSE_VERBS
    if common is not None and common.lemma_.lower() in causes:
        return False  # "Killing X unleashed a wave of arson": one brought the other
    for chain in (chain_a, chain_b):
        for t in chain:
            if t is common:
                break
            marks = (c for c in t.children if c.dep_ in ("mark", "case", "prep", "advmod"))
            if t.lower_ in seq or any(c.lower_ in seq for c in marks):
                return False
    return True


CAUSE_VERBS = {"unleash", "trigger", "spark", "prompt", "provoke", "cause", "follow", "desatar", "provocar", "causar",
               "generar", "detonar", "originar", "lead"}
SEQUENCE_WORDS = {"after", "before", "since", "until", "following", "later", "tras", "después", "antes", "luego",
                  "desde", "hasta", "previously", "earlier", "ago", "hace"}


def _ancestors(tok: Any) -> list[Any]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 30:
        out.append(out[-1].head)
    return out


def same_event(a: Mentioned, b: Mentioned, lex: Lexicon | None = None) -> bool:
    """One incident of one sentence (`one_incident`); or same type, compatible dates, and a
    shared participant; or the same day when one of the two names no participant ("the raid"
    of a dated sentence); or an undated incident with no named participant told right after an
    incident ("Two marines were killed in that operation")."""
    if one_incident(a, b, lex):
        return True
    if is_incident(a.etype) and is_incident(b.etype) and 0 < abs(a.sentence - b.sentence) <= 2:
        later, earlier = (a, b) if a.sentence > b.sentence else (b, a)
        if later.date is None and rank_of(later.etype) >= 50 and (later.fatalities or later.base == earlier.base):
            return True  # the dead of the incident just told, or the same incident named again ("the clash")
    if a.etype != b.etype or not compatible(a.date, b.date):
        return False
    if same_roles(a.actors, a.targets, b.actors, b.targets):
        return True
    bare = not (a.actors or a.targets) or not (b.actors or b.targets)
    return bare and a.date is not None and b.date is not None and a.date == b.date and a.date.precision == "day"


def group_mentions(found: list[Mentioned], anchor: date | None = None,
                   lex: Lexicon | None = None) -> list[list[Mentioned]]:
    """Mentions of one event together: linked by `same_event`, and every date in a group
    compatible with every other (an undated mention never bridges 2015 and 2026). Dated
    mentions are placed first; an undated one joins first the event dated nearest the anchor."""
    groups: list[list[Mentioned]] = []
    for m in sorted(found, key=lambda m: (m.date is None, m.start)):
        merged = [m]
        hits = [g for g in groups if any(same_event(m, o, lex) for o in g)]
        for g in sorted(hits, key=lambda g: _gap(best_date([o.date for o in g]), anchor)):
            if all(compatible(x.date, y.date) for x in merged for y in g) and _one_kind(merged + g):
                merged += g
                groups.remove(g)
        groups.append(merged)
    for g in groups:
        g.sort(key=lambda m: m.start)
    return sorted(groups, key=lambda g: g[0].start)


def _one_kind(group: list[Mentioned]) -> bool:
    """Incidents and other events (statements, indictments...) never share a group."""
    return len({is_incident(m.etype) for m in group}) == 1


def _gap(value: DateValue | None, anchor: date | None) -> int:
    if value is None or anchor is None:
        return 10**6
    return max(0, (value.earliest - anchor).days, (anchor - value.latest).days)


def best_date(dates: list[DateValue]) -> DateValue | None:
    """The most precise date: the narrowest range, exact before approximate."""
    dates = [d for d in dates if d is not None]
    return min(dates, key=lambda d: (d.approximate, (d.latest - d.earliest).days), default=None)


def group_type(types: list[str], lex: Lexicon | None = None) -> str:
    """The type of an incident told by triggers of these types: a `combine` rule naming all of
    a rule's types, else the highest-ranked type (first told on a tie)."""
    present = set(types)
    rules = (lex.data.get("combine") if lex else None) or lexicon("en").data.get("combine") or []
    for rule in rules:
        if set(rule["all"]) <= present:
            return rule["to"]
    return max(types, key=lambda t: (rank_of(t), -types.index(t)))


def summarize(etype: str, actors: list[str], targets: list[str], place: str | None = None,
              fatalities: int | None = None, said: str | None = None, pos: str = "verb") -> str:
    """The event in words, from the taxonomy's `verb`, `alone`, `label` and `of`:
    "Mexican Navy arrested Julián Zárate in Veracruz", "Killing of Rafael Soto in Culiacán",
    "Armed clash in Puerto Almendra (2 killed)". Types whose label is vague (statements,
    policies) take the English report's own words: "U.S. State Department offered a reward"."""
    info = event_types().get(etype) or {}
    label = str(info.get("label") or etype.replace("_", " "))
    who, whom = _and(actors), _and(targets)
    if said and info.get("words_from_trigger") and pos == "verb" and who:
        text = f"{who} {said}" + (f" {whom}" if whom else "")
    elif said and info.get("words_from_trigger") and pos == "noun":
        text = _cap(said) + (f" by {who}" if who else "") + (f" {info.get('of') or 'of'} {whom}" if whom else "")
    elif who and whom:
        text = f"{who} {info.get('verb') or label} {whom}"
    elif who:
        text = f"{who} {info['alone']}" if info.get("alone") else f"{_cap(label)} by {who}"
    elif whom:
        text = f"{_cap(label)} {info.get('of') or 'of'} {whom}"
    else:
        text = _cap(label)
    if place:
        text += f" in {place}"
    if fatalities:
        text += f" ({fatalities} killed)"
    return text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _and(names: list[str]) -> str:
    names = [n for n in names if n]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def coded(event: Event) -> Event:
    """The event with its taxonomy fields filled from its type."""
    event.acled_event_type, event.acled_sub_event_type = acled_of(event.event_type)
    event.cameo = cameo_of(event.event_type)
    return event


def build_events(groups: list[list[Mentioned]], article: str, names: dict[str, str] | None = None,
                 lex: Lexicon | None = None) -> list[Event]:
    names = names or {}
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
        changed = {m.base: m.etype for m in g if m.base != m.etype}  # "the clash" told again: the faction clash
        for m in g:
            m.etype = changed.get(m.base, m.etype)
        types = list(dict.fromkeys(m.etype for m in g))
        etype = group_type(types, lex)
        first = next(m for m in g if m.etype == etype) if etype in types else max(g, key=lambda m: rank_of(m.etype))
        # the trigger words, the spans the date was read from, and the sentence that tells it
        evidence = [Evidence(article, m.start, m.end, "events", VERSION) for m in g]
        for m in g:
            evidence += [Evidence(article, s, e, x, VERSION) for s, e, x in m.date_spans]
        sentences = dict.fromkeys((m.sent.start_char, m.sent.end_char) for m in g)
        evidence += [Evidence(article, a, b, "events", VERSION) for a, b in sentences]
        actors = _keys(k for m in g for k in m.actors)
        targets = _keys(k for m in g for k in m.targets if k not in actors)
        place = next((m.place for m in g if m.place), None)
        dead = max((m.fatalities for m in g if m.fatalities), default=None)
        # the summary tells the main type's participants ("two marines" of the clash, not the escapee)
        own = [m for m in g if m.etype == first.etype] or [first]
        own_actors = _keys(k for m in own for k in m.actors) or ([] if len(types) > 1 else actors)
        own_targets = [k for k in _keys(k for m in own for k in m.targets) if k not in own_actors]
        in_words = (event_types().get(etype) or {}).get("participants", True)
        actor_names = ([names.get(k, k) for k in own_actors]
                       or _keys(w for m in own for w in m.actor_words if in_words)[:1])
        target_names = ([names.get(k, k) for k in own_targets]
                        or _keys(w for m in own for w in m.target_words if in_words)[:1])
        if not actor_names and not target_names and in_words:  # the main trigger names no one: the incident's
            actor_names = [names.get(k, k) for k in actors]     # participants ("his gunmen shot down a
            target_names = [names.get(k, k) for k in targets]   # helicopter with a rocket-propelled grenade")
        said = first.words if first.language == "en" else None
        events.append(coded(Event(
            id=content_id("evt", article, first.etype, str(first.start)), event_type=etype,
            date=value.value if value else None, actors=actors, targets=targets, place=place,
            articles=[article] if article else [], evidence=evidence,
            trigger=first.words, fatalities=dead,
            includes=[t for t in types if t != etype],
            summary=summarize(etype, actor_names, target_names, names.get(place, place) if place else None, dead,
                              said, first.pos))))
    return events


def local_names(mentions: list[Mention]) -> dict[str, str]:
    """Local entity key -> the longest form the article uses for it."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.entity and len(m.text) > len(out.get(m.entity, "")):
            out[m.entity] = m.text
    return out


def extract(sdoc: Any, language: str | None, mentions: list[Mention], quotes: list[Quote] | None = None,
            published: str | None = None, article: str = "", names: dict[str, str] | None = None,
            title: str | None = None) -> list[Event]:
    """The events of one article (see the module doc)."""
    lang = language or sdoc.user_data.get("fuentes_language") or sdoc.lang_
    lex = lexicon(lang)
    anchor = parse_iso(published) if published and len(published) >= 10 else None
    if anchor is None:
        anchor = estimate_anchor(doc_text(sdoc), lang, parse_iso(published))
    found = rescue(mentions_of(sdoc, lang, mentions, quotes or [], anchor))
    groups = group_mentions([m for m in found if anchored(m)], anchor, lex)
    dated = {m.sentence: best_date([o.date for o in g]) for g in groups for m in g}
    for m in found:
        if not anchored(m):
            m.date = dated.get(m.sentence)
    groups = group_mentions([m for m in found if anchored(m)], anchor, lex)
    names = {**local_names(mentions), **(names or {})}
    events = build_events(groups, article, names, lex)
    if len(doc_text(sdoc)) <= SHORT_ITEM and doc_text(sdoc).strip():
        events = type_item(events, sdoc, lang, mentions, quotes or [], anchor, article, names, title)
    return events


def type_item(events: list[Event], sdoc: Any, language: str | None, mentions: list[Mention], quotes: list[Quote],
              anchor: date | None, article: str, names: dict[str, str], title: str | None = None) -> list[Event]:
    """A short item typed beyond its trigger words (fuentes.extract.event_typing): an item whose
    events are none or only vague ones (statements, policies, threats) gets one of the scorer's
    type when its score is high enough, told by the item's first sentence. An item with an event
    ACLED codes keeps it (the scorer reads mostly the topic: it never overrules trigger words),
    and one with an event ACLED does not code (an escape, an indictment) is told by it; neither
    is encoded."""
    if not all((event_types().get(e.event_type) or {}).get("vague") for e in events):
        return events
    typing = scorer()
    if not typing.available:
        return events
    # the headline of a headline-and-lede item is read too (ingest keeps it as the title)
    vector = typing.vector(f"{title.strip()}\n{doc_text(sdoc)}" if title and title.strip() else doc_text(sdoc))
    sub, score = choose(typing.scores(vector=vector), None)
    etype = typing.fuentes_type(sub, vector) if sub else None
    if etype is None:
        return events
    confidence = round(min(1.0, max(0.0, score / 2)), 3)
    return events + [typed_event(etype, sdoc, language, mentions, quotes, anchor, article, names, confidence)]


def typed_event(etype: str, sdoc: Any, language: str | None, mentions: list[Mention], quotes: list[Quote],
                anchor: date | None, article: str, names: dict[str, str], confidence: float) -> Event:
    """The event of a short item typed by the scorer alone: told by its first sentence, dated
    and placed by the item's first date and first place introduced by "in"/"en", with the dead
    its sentences count."""
    lex = lexicon(language)
    args = Arguments(sdoc, mentions, quotes, lex, language)
    sents = [s for s in sdoc.sents if s.text.strip()]
    dates = [d for d in find_dates(doc_text(sdoc), language, anchor) if d.kind != "offset" and d.resolved is not None]
    when = dates[0] if dates else None
    place = next((p for p in (sentence_place(s, args, set()) for s in sents) if p), None)
    dead = None
    if is_incident(etype) and rank_of(etype) >= 60:
        kill_lemmas = killing_verbs(lex)
        dead = next((n for n in (fatalities(s, lex, kill_lemmas) for s in sents) if n), None)
    sent = sents[0]
    evidence = [Evidence(article, sent.start_char, sent.end_char, "events", VERSION, confidence),
                Evidence(article, sent.start_char, sent.start_char, "events.typing", VERSION, confidence)]
    if when is not None:
        evidence.append(Evidence(article, when.start, when.end, "events.date", VERSION))
    return coded(Event(
        id=content_id("evt", article, etype, "typed"), event_type=etype,
        date=when.resolved.value if when else None, place=place, articles=[article] if article else [],
        evidence=evidence, fatalities=dead,
        summary=summarize(etype, [], [], names.get(place, place) if place else None, dead)))


@register
class EventsStage(Stage):
    """Typed events with participants, place, resolved date, ACLED and CAMEO codes and a summary."""

    name = "events"
    version = VERSION
    requires = ("nlp", "mentions", "entities")
    provides = ("events",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        sdoc = doc.get("nlp")
        events: list[Event] = []
        if sdoc is not None:
            events = extract(sdoc, doc.get("language"), doc.get("mentions") or [], doc.get("quotes"),
                             doc.meta.get("published"), doc.get("id") or "", entity_names(doc.get("entities") or []),
                             doc.meta.get("title"))
        doc.set("events", events, self.tag)
        return doc


def entity_names(entities: list[Entity]) -> dict[str, str]:
    return {e.id: e.name for e in entities}
