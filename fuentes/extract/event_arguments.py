"""Arguments of an event mention from the dependency parse: its actor (subject, "by X",
"attributed to X"), its target (object, passive subject, "of X", the subject of "survived an
attack"), its place ("in X") and its date. Arguments are the article's local entity keys; a
pronoun takes the last person named before it ("I" inside a quote: the quote's speaker)."""

from __future__ import annotations

from typing import Any

from fuentes.extract.dates import DateExpr, DateValue, shift
from fuentes.extract.event_triggers import Lexicon
from fuentes.model import Mention, Quote

PLACE_LABELS = {"GPE", "LOC", "FAC"}
AGENTIVE = {"statement", "visit", "policy", "sanction", "seizure", "arrest", "extradition"}


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
        verb = governing_verb(head)
        if verb is not None and verb.lemma_.lower() in lex.words("victim_verbs"):
            targets += [c for c in verb.children if c.dep_ in ("nsubj",)]
        elif etype in AGENTIVE and verb is not None:
            actors += [c for c in verb.children if c.dep_ == "nsubj"] or [
                c for c in kids if c.dep_ in ("poss", "nmod:poss")]
    return actors, targets


def governing_verb(tok: Any) -> Any | None:
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _inherited_subject(tok: Any) -> list[Any]:
    """The subject a verb shares with the verb it hangs from: "authorized forces to take out
    X" (the object of the head), "...and killed X" (a conjunct), "the raid that killed X"."""
    head = tok.head
    if tok.dep_ in ("relcl", "acl") and head.i != tok.i:
        return [head]
    if tok.dep_ in ("xcomp", "conj", "advcl") and head.i != tok.i:
        objs = [c for c in head.children if c.dep_ in ("dobj", "obj")] if tok.dep_ == "xcomp" else []
        return objs or [c for c in head.children if c.dep_ in ("nsubj",)]
    return []


def place_of(head: Any, args: Arguments, taken: set[str]) -> str | None:
    """A place attached by "in"/"en"/"at" to the trigger, its verb, or a word of the verb's
    clause ("killed X ..., in Guadalajara"); places merely named nearby are not taken."""
    verb = head if head.pos_ in ("VERB", "AUX") else (governing_verb(head) or head)
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
    verb = head if head.pos_ in ("VERB", "AUX") else (governing_verb(head) or head)
    clause = {t.idx for t in verb.subtree}
    own = [d for d in plain if d.start in clause]
    best = min(own or plain, key=lambda d: abs(d.start - start))
    return best.resolved, [(best.start, best.end, "events.date")]
