"""Stage `relations`: typed relations between the named things of one article.

A relation word from the language's data file (`data/relations_<lang>.yaml`: "leader",
"rivalry", "worked for", "financed", "antecesor" ...) links its *holder* to its *complement*
through the dependency parse:
  - holder: the name the word is apposed to or that is apposed to it ("X, the leader of Y",
    "his rivals X and Y"), the subject of a copula or of a verb (inherited along coordinated
    and adverbial clauses; a relative pronoun stands for the noun its clause modifies), the
    subject of a state ("X has been in a rivalry with Y") or of a light verb ("X maintains an
    alliance with Y"), or a name right after the word's phrase ("Y's predecessor, X, ...");
  - complement: a possessive ("Y's", "his", "su"), a direct object, or a prepositional
    complement, taken in the order of the word's markers ("director of Z at W" -> W).
Possessive and object pronouns are resolved to the clause's subject or to the most recent
name of a fitting kind. Conjoined names share the relation. Some words accept an event as
object ("oversaw the operation that killed him": the phrase, pronouns replaced by names) or
make their own phrase the object (positions). A hedge near the relation or above it in the
parse ("some say", "allegedly", "presuntamente") marks it as an allegation; years attached to
the relation's clause give its time bounds ("since 2015", "between 2010 and 2015", "in June 2020").
A verb stated as a possibility or a case ("could replace", "when X and Y replace Z", "podría
reemplazar") gives no relation; no end is read across a line break or a run of spaces; a name
modifying a noun stands for it only when the noun is a group ("the MORENA regime", not "the GOP
field"); an event object is headed by an event noun (data `event_nouns`), never a clause or people;
a post ends at break punctuation, a run of spaces or a dateline in capitals.
A negated relation ("is not the leader", "nunca trabajó para") and a post not (yet) held ("the
next president", "would be a great governor", "podría convertirse en líder") give none; a
reflexive object is the subject itself ("shot himself"); "they" after a subject that names
nobody ("militants bombed ... they attacked") stands for it, not for a name further back; an
attack given a reason ("attacked X for her vote", "atacó a X por sus dichos") is criticism; a
Spanish passive the parse leaves unmarked ("fue atacado por X") takes X as the holder. A relative
named through a possessive ("attacked his wife, Heidi Cruz") belongs to the one person named
before the subject who shares the relative's surname, when the subject does not.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER

from fuentes.doc import ArticleDoc
from fuentes.extract.names import name_tokens
from fuentes.extract.speakers import first_name_gender
from fuentes.extract import relation_hedges as hedges
from fuentes.extract import relation_parse as parse
from fuentes.extract.relation_cues import DATA, Cues, Trigger, load_cues
from fuentes.extract.relation_parse import Context
from fuentes.ids import content_id
from fuentes.model import Entity, Evidence, Mention, Relation
from fuentes.nlp.text import sentence_of, strings_where
from fuentes.pipeline import Stage, register

__all__ = ["DATA", "VERSION", "Cues", "RelationsStage", "Trigger", "extract_relations", "load_cues"]

VERSION = "10"  # 10: a post word that says a gender is never given to a person of the other


def extract_relations(sdoc: Any, mentions: list[Mention], entities: list[Entity], language: str | None = None,
                      article: str = "") -> list[Relation]:
    """The relations of one article, with local entity keys (or an event/position phrase) as ends."""
    ctx = Context(sdoc, mentions, entities, load_cues(language or sdoc.lang_), article)
    found: dict[tuple[str, str, str], Relation] = {}
    for i in _may_trigger(sdoc, ctx.cues):
        tok = sdoc[i]
        for trig in _triggers_at(tok, ctx.cues):
            for rel in _relations_at(tok, trig, ctx):
                key = (rel.subject, rel.predicate, rel.object)
                if key in found:
                    old = found[key]
                    old.evidence.extend(rel.evidence)
                    old.allegation = old.allegation and rel.allegation
                    old.start, old.end = old.start or rel.start, old.end or rel.end
                else:
                    found[key] = rel
    return list(found.values())


def _may_trigger(sdoc: Any, cues: Cues) -> list[int]:
    """The tokens whose lemma or form begins a relation word, in text order, found from the
    parse's arrays without making a Token of every word (the others have no trigger)."""
    if not len(sdoc):
        return []
    strings, triggers = sdoc.vocab.strings, cues.triggers
    table = sdoc.to_array([LEMMA, LOWER])
    lemmas = strings_where(np.unique(table[:, 0]).tolist(), strings, "relation lemma", triggers,
                           lambda word: word.casefold() in triggers)
    lowers = strings_where(np.unique(table[:, 1]).tolist(), strings, "relation form", triggers,
                           lambda word: word in triggers)
    maybe = np.isin(table[:, 0], np.array(lemmas, dtype="uint64")) | np.isin(table[:, 1], np.array(lowers, dtype="uint64"))
    return maybe.nonzero()[0].tolist()


def _triggers_at(tok: Any, cues: Cues) -> list[Trigger]:
    out = []
    for form in {tok.lemma_.casefold(), tok.lower_}:
        for trig in cues.triggers.get(form, ()):
            rest = [t.lower_ for t in tok.doc[tok.i + 1: tok.i + len(trig.words)]]
            if list(trig.words[1:]) == rest and trig not in out:
                out.append(trig)
    return out


# the predicates whose trigger noun names the holder's own post: its gender is the holder's
HELD_ROLES = frozenset({"holds_position", "leader_of", "works_for", "member_of"})


def _relations_at(tok: Any, trig: Trigger, ctx: Context) -> list[Relation]:
    if tok.pos_ in ("DET", "ADP", "PRON") or tok.i in ctx.key_of:
        return []  # "Cartel" inside a name, "The Head" as a title: not a relation word
    if hedges.unreal(tok, ctx):
        return []  # "when Cruz and Rubio replace Trump": a case, not a succession
    if hedges.negated(tok, ctx):
        return []  # "X is not the leader of Y", "nunca trabajó para Y"
    if any(c.dep_ == "amod" and c.lower_ in ctx.cues.prospective for c in tok.children):
        return []  # "the next president", "el próximo líder": not held
    if tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in ctx.cues.effort_adverbs for c in tok.children):
        return []  # "Scott has worked hard for Clinton": campaigning, not a job
    if trig.context == "violence" and (not _violent(tok, ctx.cues) or _for_a_reason(tok, ctx)):
        return []  # "Bush attacked Trump over eminent domain, calling him a loser": words, not an attack
    # a post in apposition is the name's it follows, not its conjuncts' ("the Caucus, former governor
    # X, ..., and Ralph Northam": Northam holds no post of that apposition)
    holders = [(h, k) for h in parse.holders(tok, ctx) if not parse.apart(h, tok)
               for k in parse.entity_keys(h, ctx, conjuncts=not (tok.dep_ == "appos" and h.i == tok.head.i))]
    objects = [(o, k) for o, k in parse.objects(tok, trig, ctx) if not parse.apart(o, tok)]
    said = parse.role_gender(tok) if trig.predicate in HELD_ROLES and tok.pos_ == "NOUN" else None
    out = []
    for h_tok, h_key in holders:
        if said is not None and ctx.gender(h_key) not in (None, said):
            continue  # "Emilio Álvarez Icaza, la presidenta de ...": the post is another's (a woman's)
        for o_tok, obj in objects:
            if trig.predicate == "family_of" and ctx.pronoun_kind(o_tok):
                obj = _kin_by_surname(h_key, obj, tok, ctx)
            if obj == h_key:
                continue
            subj, o = (obj, h_key) if trig.inverse and obj in ctx.entities else (h_key, obj)
            if not _kinds_fit(trig.predicate, subj, o, ctx):
                continue
            ends = [ctx.chars_of(h_key, h_tok, tok), ctx.chars_of(obj, o_tok, tok), (tok.idx, tok.idx + len(tok))]
            span = tok.doc.char_span(min(a for a, _ in ends), max(b for _, b in ends), alignment_mode="expand")
            start, end = hedges.bounds(tok, ctx)
            out.append(Relation(
                id=content_id("rel", ctx.article, subj, trig.predicate, o, str(span.start_char)),
                subject=subj, predicate=trig.predicate, object=o, articles=[ctx.article] if ctx.article else [],
                evidence=[Evidence(ctx.article, span.start_char, span.end_char, "relations", VERSION)],
                allegation=hedges.hedged(tok, span, ctx), start=start, end=end, independent_sources=1))
    return out


def _violent(tok: Any, cues: Cues) -> bool:
    """The trigger's sentence holds another word of violence (a weapon, gunmen, killed, wounded)."""
    words = cues.violence_words
    return any(t.i != tok.i and (t.lower_ in words or t.lemma_.casefold() in words) for t in sentence_of(tok))


def _surname(key: str, ctx: Context) -> str | None:
    ent = ctx.entities.get(key)
    toks = name_tokens(ent.name) if ent is not None and ent.kind == "person" else ()
    return toks[-1].casefold() if len(toks) > 1 else None


def _kin_by_surname(relative: str, resolved: str, trigger: Any, ctx: Context) -> str:
    """Whose relative a possessive pronoun names ("Trump attacked his wife, Heidi Cruz, and his
    father, Rafael Cruz"): the clause's subject, unless the relative's surname is that of one
    other person the article names before the subject (before the relation word when the
    subject is not in its sentence) and not the subject's; then that person ("his" is Ted Cruz,
    named before). Several such people: the subject is kept."""
    surname = _surname(relative, ctx)
    if surname is None or surname == _surname(resolved, ctx):
        return resolved
    sent = sentence_of(trigger)
    cut = min((i for i in range(sent.start, trigger.i) if ctx.key_of.get(i) == resolved), default=trigger.i)
    before = {k for i, k in ctx.key_of.items() if i < cut}  # named before the subject: not another relative
    kin = [k for k in before if k != relative and _surname(k, ctx) == surname]
    return kin[0] if len(kin) == 1 else resolved


def _for_a_reason(tok: Any, ctx: Context) -> bool:
    """An attack given a reason ("attacked Clinton for her support of the war", "atacó a X por
    sus declaraciones"): criticism, not violence. A time is no reason ("for two hours", "por la
    mañana"), nor is the agent of a passive ("fue atacado por sicarios")."""
    if parse.passive(tok, ctx) or any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in tok.children):
        return False
    for marker, comp in parse.complements(tok, ctx):
        if marker in ctx.cues.reason_preps and comp.pos_ == "NOUN" and comp.i not in ctx.key_of \
                and comp.lemma_.casefold() not in ctx.cues.time_nouns and comp.lower_ not in ctx.cues.time_nouns \
                and not any(t.like_num for t in comp.subtree):
            return True
    return False


def _named_person(key: str, ctx: Context) -> bool:
    """A person end of a relation is someone the article names: a full name, or one word that
    is no given name and no name suffix ("Trump" may stand alone; "Miriam", "Bill" and "Jr."
    say too little to put a person in the network)."""
    ent = ctx.entities.get(key)
    if ent is None or ent.kind != "person":
        return True
    toks = name_tokens(ent.name)
    if len(toks) != 1:
        return len(toks) > 1
    word = ent.name.strip().rstrip(".")
    return len(toks[0]) > 3 and first_name_gender(f"{word} {word}") is None


def _kinds_fit(predicate: str, subj: str, obj: str, ctx: Context) -> bool:
    if not (_named_person(subj, ctx) and (obj not in ctx.entities or _named_person(obj, ctx))):
        return False
    allowed = ctx.cues.kinds.get(predicate, {})
    if "subject" in allowed and ctx.kind(subj) not in allowed["subject"]:
        return False
    if obj in ctx.entities and "object" in allowed and ctx.kind(obj) not in allowed["object"]:
        return False
    return True


@register
class RelationsStage(Stage):
    """Typed relations between the article's local entities."""

    name = "relations"
    version = VERSION
    requires = ("nlp", "mentions", "entities", "id", "language")
    provides = ("relations",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        sdoc = doc.get("nlp")
        relations = [] if sdoc is None else extract_relations(
            sdoc, doc.get("mentions", []), doc.get("entities", []), doc.get("language"), doc.get("id") or "")
        doc.set("relations", relations, self.tag)
        return doc
