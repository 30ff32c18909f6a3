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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from fuentes.doc import ArticleDoc
from fuentes.ids import content_id
from fuentes.model import Entity, Evidence, Mention, Relation
from fuentes.pipeline import Stage, register

VERSION = "1"
DATA = Path(__file__).with_name("data")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_SUBJ = ("nsubj", "csubj")
_NAME_CHILDREN = ("compound", "flat", "flat:name", "appos", "nmod:poss")


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]  # the word (lemma or form) and, for multiword triggers, what follows
    predicate: str
    inverse: bool = False
    preps: tuple[str, ...] = ("obj",)
    object: str = "entity"  # entity / event / phrase


@dataclass(frozen=True)
class Cues:
    language: str
    triggers: dict[str, tuple[Trigger, ...]]
    symmetric: frozenset[str]
    kinds: dict[str, dict[str, frozenset[str]]]
    light_verbs: frozenset[str]
    state_preps: frozenset[str]
    relative: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> person / organization / any
    hedges: re.Pattern[str] | None
    hedge_verbs: frozenset[str]
    date_cues: dict[str, str]  # cue word -> start / end / point
    months: dict[str, int]
    contractions: dict[str, str] = field(default_factory=dict)
    then_words: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def load_cues(language: str | None) -> Cues:
    """Cues of `language`; languages without a data file use the English ones."""
    lang = language if language and (DATA / f"relations_{language}.yaml").exists() else "en"
    raw = yaml.safe_load((DATA / f"relations_{lang}.yaml").read_text(encoding="utf-8"))
    triggers: dict[str, list[Trigger]] = {}
    for key, spec in (raw.get("triggers") or {}).items():
        words = tuple(str(key).casefold().split())
        preps = tuple(spec.get("preps") or ("obj",))
        if len(words) == 2 and words[1] in preps:  # "work for": the verb with that marker only
            words, preps = words[:1], (words[1],)
        trig = Trigger(words, spec["predicate"], bool(spec.get("inverse")), preps, spec.get("object", "entity"))
        triggers.setdefault(words[0], []).append(trig)
    low = lambda key: frozenset(str(w).casefold() for w in raw.get(key) or [])  # noqa: E731
    hedges = sorted((str(h).casefold() for h in raw.get("hedges") or []), key=len, reverse=True)
    return Cues(
        language=lang, triggers={k: tuple(v) for k, v in triggers.items()}, symmetric=low("symmetric"),
        kinds={p: {side: frozenset(v) for side, v in spec.items()} for p, spec in (raw.get("kinds") or {}).items()},
        light_verbs=low("light_verbs"), state_preps=low("state_preps"), relative=low("relative_pronouns"),
        pronouns={str(w).casefold(): kind for kind, ws in (raw.get("pronouns") or {}).items() for w in ws or []},
        hedges=re.compile(r"\b(?:" + "|".join(re.escape(h) for h in hedges) + r")\b") if hedges else None,
        hedge_verbs=low("hedge_verbs"),
        date_cues={str(w).casefold(): kind for kind, ws in (raw.get("date_cues") or {}).items() for w in ws},
        months={str(m).casefold(): n for n, m in enumerate(raw.get("months") or [], start=1)},
        then_words=low("then_words"),
        contractions={str(k): str(v) for k, v in (raw.get("contractions") or {}).items()},
    )


class _Context:
    """One article: which token belongs to which local entity, and the cues."""

    def __init__(self, sdoc: Any, mentions: list[Mention], entities: list[Entity], cues: Cues, article: str):
        self.sdoc, self.cues, self.article = sdoc, cues, article
        self.entities = {e.id: e for e in entities}
        self.key_of: dict[int, str] = {}
        self.chars: dict[int, tuple[int, int]] = {}  # token -> char span of its mention
        for m in mentions:
            if m.entity is None:
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or ():
                self.key_of.setdefault(tok.i, m.entity)
                self.chars.setdefault(tok.i, (m.start, m.end))

    def chars_of(self, key: str, tok: Any, trigger: Any) -> tuple[int, int]:
        """Char span of the mention of `key` nearest the trigger in its sentence (else `tok`'s
        phrase: a pronoun, an event)."""
        sent = trigger.sent
        near = [i for i in range(sent.start, sent.end) if self.key_of.get(i) == key]
        if near:
            return self.chars[min(near, key=lambda i: abs(i - trigger.i))]
        if tok is trigger:
            return tok.idx, tok.idx + len(tok)
        return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)

    def kind(self, key: str) -> str:
        ent = self.entities.get(key)
        return ent.kind if ent else "other"

    def pronoun_kind(self, tok: Any) -> str | None:
        if tok.pos_ not in ("PRON", "DET") or tok.i in self.key_of:
            return None
        if tok.pos_ == "DET" and "Poss=Yes" not in str(tok.morph):
            return None
        return self.cues.pronouns.get(tok.lower_)


def extract_relations(sdoc: Any, mentions: list[Mention], entities: list[Entity], language: str | None = None,
                      article: str = "") -> list[Relation]:
    """The relations of one article, with local entity keys (or an event/position phrase) as ends."""
    ctx = _Context(sdoc, mentions, entities, load_cues(language or sdoc.lang_), article)
    found: dict[tuple[str, str, str], Relation] = {}
    for tok in sdoc:
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


def _triggers_at(tok: Any, cues: Cues) -> list[Trigger]:
    out = []
    for form in {tok.lemma_.casefold(), tok.lower_}:
        for trig in cues.triggers.get(form, ()):
            rest = [t.lower_ for t in tok.doc[tok.i + 1: tok.i + len(trig.words)]]
            if list(trig.words[1:]) == rest and trig not in out:
                out.append(trig)
    return out


def _relations_at(tok: Any, trig: Trigger, ctx: _Context) -> list[Relation]:
    if tok.pos_ in ("DET", "ADP", "PRON") or tok.i in ctx.key_of:
        return []  # "Cartel" inside a name, "The Head" as a title: not a relation word
    holders = [(h, k) for h in _holders(tok, ctx) for k in _keys(h, ctx)]
    objects = _objects(tok, trig, ctx)
    out = []
    for h_tok, h_key in holders:
        for o_tok, obj in objects:
            if obj == h_key:
                continue
            subj, o = (obj, h_key) if trig.inverse and obj in ctx.entities else (h_key, obj)
            if not _kinds_fit(trig.predicate, subj, o, ctx):
                continue
            ends = [ctx.chars_of(h_key, h_tok, tok), ctx.chars_of(obj, o_tok, tok), (tok.idx, tok.idx + len(tok))]
            span = tok.doc.char_span(min(a for a, _ in ends), max(b for _, b in ends), alignment_mode="expand")
            start, end = _bounds(tok, ctx)
            out.append(Relation(
                id=content_id("rel", ctx.article, subj, trig.predicate, o, str(span.start_char)),
                subject=subj, predicate=trig.predicate, object=o, articles=[ctx.article] if ctx.article else [],
                evidence=[Evidence(ctx.article, span.start_char, span.end_char, "relations", VERSION)],
                allegation=_hedged(tok, span, ctx), start=start, end=end, independent_sources=1))
    return out


def _kinds_fit(predicate: str, subj: str, obj: str, ctx: _Context) -> bool:
    allowed = ctx.cues.kinds.get(predicate, {})
    if "subject" in allowed and ctx.kind(subj) not in allowed["subject"]:
        return False
    if obj in ctx.entities and "object" in allowed and ctx.kind(obj) not in allowed["object"]:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Holders and complements in the parse.

def _holders(tok: Any, ctx: _Context) -> list[Any]:
    out = [c for c in tok.children if c.dep_ == "appos"]
    dep = tok.dep_
    if dep == "appos" or (dep == "compound" and tok.head.pos_ == "PROPN"):
        out.append(tok.head)
    if dep in ("attr", "acomp"):
        out += _subjects(tok.head, ctx)
    if tok.pos_ in ("VERB", "AUX", "ADJ") or any(c.dep_ == "cop" for c in tok.children):
        out += _subjects(tok, ctx)
        out += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        out += [c for c in tok.children if c.dep_ == "obl:agent"]
    if dep in ("acl", "amod") and tok.tag_ == "VBN" and not _subjects(tok, ctx):
        out.append(tok.head)  # "the cartel, allied with ..."
    marker = _marker(tok, ctx)
    if marker in ctx.cues.state_preps:  # "X has been in a rivalry with Y"
        out += _subjects(_governor(tok), ctx)
    if dep in ("dobj", "obj") and tok.head.lemma_.casefold() in ctx.cues.light_verbs:
        out += _subjects(tok.head, ctx)
    if not out and tok.pos_ == "NOUN":
        out += _adjacent_name(tok, ctx)
    return out


def _adjacent_name(tok: Any, ctx: _Context) -> list[Any]:
    """'Y's predecessor and ally, X, ...': a name set off by a comma right after the phrase."""
    doc, right = tok.doc, tok.right_edge.i
    if right + 2 < len(doc) and doc[right + 1].text == "," and (right + 2) in ctx.key_of \
            and (right + 1) not in ctx.key_of:
        return [doc[right + 2]]
    return []


def _subjects(verb: Any, ctx: _Context, depth: int = 0) -> list[Any]:
    subs = [c for c in verb.children if c.dep_ in _SUBJ]
    if not subs and depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subjects(verb.head, ctx, depth + 1)
    out = []
    for s in subs:
        if s.lower_ in ctx.cues.relative and s.i not in ctx.key_of:
            out += _antecedent(s)
        else:
            out.append(s)
    return out


def _antecedent(rel_pronoun: Any) -> list[Any]:
    """The noun a relative clause modifies ('the cartel, which some say is ...')."""
    tok = rel_pronoun
    while tok.head is not tok:
        if tok.dep_ in ("relcl", "acl", "acl:relcl"):
            return [tok.head]
        tok = tok.head
    return []


def _marker(tok: Any, ctx: _Context) -> str | None:
    """The preposition introducing `tok` (English prep head or a UD `case` child)."""
    if tok.dep_ == "pobj":
        return ctx.cues.contractions.get(tok.head.lower_, tok.head.lower_)
    for c in tok.children:
        if c.dep_ == "case" and c.pos_ == "ADP":
            return ctx.cues.contractions.get(c.lower_, c.lower_)
    return None


def _governor(tok: Any) -> Any:
    """The word a prepositional phrase hangs from (past the English preposition)."""
    return tok.head.head if tok.dep_ == "pobj" else tok.head


def _complements(tok: Any, ctx: _Context, nested: bool = False) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for c in tok.children:
        if c.dep_ in ("poss", "nmod:poss") or (c.pos_ == "DET" and "Poss=Yes" in str(c.morph)):
            out.append(("poss", c))
        elif c.dep_ in ("dobj", "obj") or c.dep_.startswith("nsubjpass") or c.dep_ == "nsubj:pass":
            out.append(("obj", c))
        elif c.dep_ == "prep":
            out += [(c.lower_, g) for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("nmod", "obl", "iobj"):
            marker = _marker(c, ctx)
            if marker:
                out.append((marker, c))
            elif c.dep_ == "iobj":
                out.append(("obj", c))
        if c.dep_ in ("obj", "obl", "iobj") and _marker(c, ctx) == "a":
            out.append(("obj", c))  # Spanish personal "a": "financió a X"
    if tok.pos_ in ("NOUN", "PROPN") and not nested:  # "director of Z at W": W hangs from Z
        out += [inner for _, c in list(out) for inner in _complements(c, ctx, nested=True) if inner[0] != "poss"]
    return out


def _objects(tok: Any, trig: Trigger, ctx: _Context) -> list[tuple[Any, str]]:
    """(token, local entity key or phrase) pairs for the trigger's object side."""
    if trig.object == "phrase":
        phrase = _phrase(tok, ctx, drop=("appos", "relcl", "acl", "punct", "conj", "cc", "advmod"))
        return [(tok, phrase)] if tok.dep_ != "compound" and len(phrase.split()) >= 3 else []
    comps = _complements(tok, ctx)
    for marker in trig.preps:
        found = [(c, k) for m, c in comps if m == marker for k in _keys(c, ctx)]
        if found:
            return found
    if trig.object == "event":
        return [(c, _phrase(c, ctx)) for m, c in comps if m == "obj" and c.pos_ == "NOUN"]
    return []


def _keys(tok: Any, ctx: _Context, seen: frozenset[int] = frozenset()) -> list[str]:
    """The local entities a token stands for: its mention, a pronoun's antecedent, a name
    modifying it ('the MORENA regime'), a 'whose real name was X' clause; conjuncts too."""
    if tok.i in seen:
        return []
    seen = seen | {tok.i}
    keys: list[str] = []
    if tok.i in ctx.key_of:
        keys.append(ctx.key_of[tok.i])
    elif ctx.pronoun_kind(tok):
        keys += _resolve_pronoun(tok, ctx)
    elif tok.lower_ in ctx.cues.relative:
        keys += [k for a in _antecedent(tok) for k in _keys(a, ctx, seen)]
    elif tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in _NAME_CHILDREN and c.i in ctx.key_of and c.i < tok.i + 4:
                keys.append(ctx.key_of[c.i])
                break
            if c.dep_ in ("relcl", "acl:relcl"):
                keys += [ctx.key_of[g.i] for g in c.children if g.dep_ == "attr" and g.i in ctx.key_of][:1]
    for c in tok.children:
        if c.dep_ == "conj":
            keys += [k for k in _keys(c, ctx, seen) if k not in keys]
    return keys


def _resolve_pronoun(tok: Any, ctx: _Context) -> list[str]:
    """A possessive goes to its clause's subject; other pronouns to the latest fitting name
    before them that is not a subject of a clause above them."""
    kind = ctx.pronoun_kind(tok)
    fits = lambda key: kind == "any" or ctx.kind(key) == kind  # noqa: E731
    clause_subjects: list[str] = []
    verb = tok.head
    while verb.head is not verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for s in _subjects(verb, ctx):
        if tok not in list(s.subtree) and not ctx.pronoun_kind(s):
            clause_subjects += [k for k in _keys(s, ctx) if fits(k)]
    possessive = tok.dep_ in ("poss", "nmod:poss") or "Poss=Yes" in str(tok.morph)
    if possessive and clause_subjects:
        return clause_subjects[:1]
    above = set(clause_subjects)
    for anc in tok.ancestors:
        for s in _subjects(anc, ctx):
            above.update(ctx.key_of.get(t.i) for t in s.subtree if t.i in ctx.key_of)
    sents = list(tok.doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
    first = sents[max(0, here - 2)].start
    for i in range(tok.i - 1, first - 1, -1):
        key = ctx.key_of.get(i)
        if key and fits(key) and key not in above:
            return [key]
    return []


def _phrase(tok: Any, ctx: _Context, drop: tuple[str, ...] = ("punct",), limit: int = 16) -> str:
    """The words of `tok`'s phrase (without a leading determiner), pronouns replaced by names."""
    skip = {t.i for c in tok.children if c.dep_ in drop for t in c.subtree}
    words = []
    for t in tok.subtree:
        if t.i in skip or (not words and t.dep_ == "det" and t.pos_ == "DET"):
            continue
        keys = _resolve_pronoun(t, ctx) if ctx.pronoun_kind(t) and not t.dep_ == "poss" else []
        words.append(ctx.entities[keys[0]].name if keys else t.text)
        if len(words) >= limit:
            break
    return " ".join(words).replace(" ’s", "’s").replace(" 's", "'s")


# ---------------------------------------------------------------------------------------------
# Allegations and time bounds.

def _hedged(trigger: Any, span: Any, ctx: _Context) -> bool:
    """A hedge inside the relation's words, or attached to the clause that states it and the
    clauses above ("some say X is ...", "it is believed that X leads ..."). A relation given by
    an apposition inside a clause does not take that clause's hedges."""
    top = _predicate(trigger, ctx)
    chain = {trigger.i, top.i}
    if top.pos_ in ("VERB", "AUX"):
        chain.update(a.i for a in top.ancestors)
    if any(trigger.doc[i].lemma_.casefold() in ctx.cues.hedge_verbs for i in chain - {trigger.i}):
        return True
    if ctx.cues.hedges is None:
        return False
    sent = trigger.sent
    text = sent.text.casefold()
    for m in ctx.cues.hedges.finditer(text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if span.start_char <= start and end <= span.end_char:
            return True
        hedge = sent.doc.char_span(start, end, alignment_mode="expand") or ()
        if any(t.i in chain or t.head.i in chain for t in hedge):
            return True
        opening = [t for t in sent if not t.is_space][:3]  # "Reportedly, ...", "Según fuentes, ..."
        if hedge and hedge[0] in opening and end <= span.start_char:
            return True
    return False


def _predicate(trigger: Any, ctx: _Context) -> Any:
    """The verb a relation word is stated through: its copula ("is the leader"), the verb of
    its state ("has been in a rivalry"), its light verb ("maintains an alliance"); a verb
    trigger is its own predicate, and so is a noun given by apposition."""
    dep, head = trigger.dep_, trigger.head
    if dep in ("attr", "acomp") or (dep in ("dobj", "obj") and head.lemma_.casefold() in ctx.cues.light_verbs):
        return head
    if _marker(trigger, ctx) in ctx.cues.state_preps:
        return _governor(trigger)
    return trigger


def _bounds(trigger: Any, ctx: _Context) -> tuple[str | None, str | None]:
    """Start and end from years attached to the trigger, or to the verb it is predicated
    through ("X has been in a rivalry with Y since 2015"); an apposition marked "then" takes
    the date of its clause ("In 2020 X, then chief of police, ...")."""
    chain = {trigger.i, _predicate(trigger, ctx).i}
    if trigger.dep_ == "appos" and any(c.lower_ in ctx.cues.then_words for c in trigger.children):
        chain.update(a.i for a in trigger.ancestors)
    start = end = None
    for tok in trigger.sent:
        if not (tok.like_num and _YEAR.match(tok.text)):
            continue
        cue, attach = _date_cue(tok, ctx), _attachment(tok, ctx)
        if attach is None or attach.i not in chain:
            continue
        date = _with_month(tok, ctx)
        conj = tok.dep_ == "conj" and tok.head.like_num
        if cue == "start" or (cue in ("between", "entre") and not conj):
            start = start or date
        elif cue == "end" or conj:
            end = date
        elif cue == "point":
            start, end = start or date, end or date
    return start, end


def _date_cue(year: Any, ctx: _Context) -> str | None:
    doc = year.doc
    for i in range(year.i - 1, max(-1, year.i - 5), -1):
        word = doc[i].lower_
        if word in ("between", "entre"):
            return word
        if word in ctx.cues.date_cues:
            return ctx.cues.date_cues[word]
        if not (word in ctx.cues.months or doc[i].like_num or word in ("of", "de", ",")):
            return None
    return None


def _attachment(year: Any, ctx: _Context) -> Any | None:
    tok = year
    for _ in range(6):
        if tok.head is tok:
            return tok
        tok = tok.head
        if not (tok.pos_ == "ADP" or tok.like_num or tok.lower_ in ctx.cues.months or tok.lower_ in ctx.cues.date_cues):
            return tok
    return None


def _with_month(year: Any, ctx: _Context) -> str:
    doc = year.doc
    for i in range(year.i - 1, max(-1, year.i - 3), -1):
        month = ctx.cues.months.get(doc[i].lower_)
        if month:
            return f"{year.text}-{month:02d}"
    return year.text


@register
class RelationsStage(Stage):
    """Typed relations between the article's local entities."""

    name = "relations"
    version = VERSION
    requires = ("nlp", "mentions", "entities")
    provides = ("relations",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        sdoc = doc.get("nlp")
        relations = [] if sdoc is None else extract_relations(
            sdoc, doc.get("mentions", []), doc.get("entities", []), doc.get("language"), doc.get("id") or "")
        doc.set("relations", relations, self.tag)
        return doc
