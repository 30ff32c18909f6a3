"""Holders and complements of a relation word in the dependency parse of one article: which
token stands for which local entity, subjects (through relative pronouns and coordinated
clauses), objects and prepositional complements, pronoun antecedents, event phrases."""

from __future__ import annotations

from typing import Any

from fuentes.extract.relation_cues import Cues, Trigger
from fuentes.model import Entity, Mention

_SUBJ = ("nsubj", "csubj")
_NAME_CHILDREN = ("compound", "flat", "flat:name", "appos", "nmod:poss")


class Context:
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


def holders(tok: Any, ctx: Context) -> list[Any]:
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
    marker = marker_of(tok, ctx)
    if marker in ctx.cues.state_preps:  # "X has been in a rivalry with Y"
        out += _subjects(governor_of(tok), ctx)
    if dep in ("dobj", "obj") and tok.head.lemma_.casefold() in ctx.cues.light_verbs:
        out += _subjects(tok.head, ctx)
    if not out and tok.pos_ == "NOUN":
        out += _adjacent_name(tok, ctx)
    return out


def _adjacent_name(tok: Any, ctx: Context) -> list[Any]:
    """'Y's predecessor and ally, X, ...': a name set off by a comma right after the phrase."""
    doc, right = tok.doc, tok.right_edge.i
    if right + 2 < len(doc) and doc[right + 1].text == "," and (right + 2) in ctx.key_of \
            and (right + 1) not in ctx.key_of:
        return [doc[right + 2]]
    return []


def _subjects(verb: Any, ctx: Context, depth: int = 0) -> list[Any]:
    subs = [c for c in verb.children if c.dep_ in _SUBJ]
    if not subs and depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
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
    while tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl", "acl:relcl"):
            return [tok.head]
        tok = tok.head
    return []


def marker_of(tok: Any, ctx: Context) -> str | None:
    """The preposition introducing `tok` (English prep head or a UD `case` child)."""
    if tok.dep_ == "pobj":
        return ctx.cues.contractions.get(tok.head.lower_, tok.head.lower_)
    for c in tok.children:
        if c.dep_ == "case" and c.pos_ == "ADP":
            return ctx.cues.contractions.get(c.lower_, c.lower_)
    return None


def governor_of(tok: Any) -> Any:
    """The word a prepositional phrase hangs from (past the English preposition)."""
    return tok.head.head if tok.dep_ == "pobj" else tok.head


def _complements(tok: Any, ctx: Context, nested: bool = False) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for c in tok.children:
        if c.dep_ in ("poss", "nmod:poss") or (c.pos_ == "DET" and "Poss=Yes" in str(c.morph)):
            out.append(("poss", c))
        elif c.dep_ in ("dobj", "obj") or c.dep_.startswith("nsubjpass") or c.dep_ == "nsubj:pass":
            out.append(("obj", c))
        elif c.dep_ == "prep":
            out += [(c.lower_, g) for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("nmod", "obl", "iobj"):
            marker = marker_of(c, ctx)
            if marker:
                out.append((marker, c))
            elif c.dep_ == "iobj":
                out.append(("obj", c))
        if c.dep_ in ("obj", "obl", "iobj") and marker_of(c, ctx) == "a":
            out.append(("obj", c))  # Spanish personal "a": "financió a X"
    if tok.pos_ in ("NOUN", "PROPN") and not nested:  # "director of Z at W": W hangs from Z
        out += [inner for _, c in list(out) for inner in _complements(c, ctx, nested=True) if inner[0] != "poss"]
    return out


def objects(tok: Any, trig: Trigger, ctx: Context) -> list[tuple[Any, str]]:
    """(token, local entity key or phrase) pairs for the trigger's object side."""
    if trig.object == "phrase":
        # "junto al ministro de Educación, Arnaldo Bueso": the post without its preposition ("al")
        phrase = _phrase(tok, ctx, drop=("appos", "relcl", "acl", "punct", "conj", "cc", "advmod", "case", "mark"))
        return [(tok, phrase)] if tok.dep_ != "compound" and len(phrase.split()) >= 2 else []
    comps = _complements(tok, ctx)
    for marker in trig.preps:
        found = [(c, k) for m, c in comps if m == marker for k in entity_keys(c, ctx)]
        if found:
            return found
    if trig.object == "event":
        return [(c, _phrase(c, ctx)) for m, c in comps if m == "obj" and c.pos_ == "NOUN"]
    return []


def entity_keys(tok: Any, ctx: Context, seen: frozenset[int] = frozenset()) -> list[str]:
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
        keys += [k for a in _antecedent(tok) for k in entity_keys(a, ctx, seen)]
    elif tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in _NAME_CHILDREN and c.i in ctx.key_of and c.i < tok.i + 4:
                keys.append(ctx.key_of[c.i])
                break
            if c.dep_ in ("relcl", "acl:relcl"):
                keys += [ctx.key_of[g.i] for g in c.children if g.dep_ == "attr" and g.i in ctx.key_of][:1]
    for c in tok.children:
        if c.dep_ == "conj":
            keys += [k for k in entity_keys(c, ctx, seen) if k not in keys]
    return keys


def _resolve_pronoun(tok: Any, ctx: Context) -> list[str]:
    """A possessive goes to its clause's subject; other pronouns to the latest fitting name
    before them that is not a subject of a clause above them."""
    kind = ctx.pronoun_kind(tok)
    fits = lambda key: kind == "any" or ctx.kind(key) == kind  # noqa: E731
    clause_subjects: list[str] = []
    verb = tok.head
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for s in _subjects(verb, ctx):
        if tok not in list(s.subtree) and not ctx.pronoun_kind(s):
            clause_subjects += [k for k in entity_keys(s, ctx) if fits(k)]
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


def _phrase(tok: Any, ctx: Context, drop: tuple[str, ...] = ("punct",), limit: int = 16) -> str:
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
