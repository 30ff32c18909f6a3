"""Allegations and time bounds of a relation: hedges near the relation or above it in the
parse ("some say", "allegedly", "presuntamente"), and the years attached to the relation's
clause ("since 2015", "between 2010 and 2015", "in June 2020")."""

from __future__ import annotations

import re
from typing import Any

from fuentes.extract.relation_parse import Context, governor_of, marker_of
from fuentes.nlp.text import sentence_of

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def hedged(trigger: Any, span: Any, ctx: Context) -> bool:
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
    sent = sentence_of(trigger)
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


def negated(trigger: Any, ctx: Context) -> bool:
    """The relation word or the verb it is stated through is negated ("X is not the leader of Y",
    "never worked for", "no es el líder", "nunca trabajó para")."""
    words = {trigger, _predicate(trigger, ctx)}
    return any(c.dep_ in ("neg", "advmod", "det") and c.lower_ in ctx.cues.negations
               for w in words for c in w.children)


def _verb_of(trigger: Any, ctx: Context) -> Any:
    """The verb a relation word is stated through ("could become the leader": become; "is
    elected president": elected; "se convierte en líder": convierte, however the parse attaches the
    noun to it); a copular noun ("sería gobernador") stands for its clause."""
    tok = _predicate(trigger, ctx)
    if tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and (
            tok.dep_ in ("oprd", "xcomp") or (tok.dep_ in ("obl", "compound") and tok.head.pos_ == "VERB")):
        tok = tok.head
    return tok


def unreal(trigger: Any, ctx: Context) -> bool:
    """A relation stated as a possibility or a condition, not as a fact: its verb (or the copula
    of a post: "would be a great governor", "sería gobernador") under a modal ("Rubio could
    replace Trump", "podría reemplazar a X", "could become the leader"), in the conditional mood,
    or in a clause opened by "if"/"when"/"si"/"cuando" and not in the past ("Clinton wins when
    Cruz and Rubio replace Trump"). A perfect ("could have financed", "habría financiado") is
    left to the hedges."""
    tok = _verb_of(trigger, ctx)
    for _ in range(3):
        copular = tok.pos_ in ("NOUN", "PROPN", "ADJ") and any(c.dep_ == "cop" for c in tok.children)
        if tok.pos_ not in ("VERB", "AUX") and not copular:
            return False
        auxes = [c for c in tok.children if c.dep_ in ("aux", "aux:pass", "cop")]
        if any(a.lemma_.casefold() in ctx.cues.perfect for a in auxes):
            return False
        if _hypothetical(tok, auxes, ctx):
            return True
        past = any(t.tag_ in ("VBD", "VBN") or any(f in str(t.morph) for f in ("Tense=Past", "Tense=Imp", "VerbForm=Part"))
                   for t in [tok, *auxes])
        if not past and any(c.dep_ in ("mark", "advmod") and c.lower_ in ctx.cues.conditional_marks
                            for c in _with_first_conjunct(tok)):
            return True
        if not past and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ctx.cues.conditional_marks
                                                      for m in c.children) for c in tok.children):
            return True  # "If the party wins, Soto becomes the leader": the condition hangs below the verb
        if not past and any(_hypothetical(h, [c for c in h.children if c.dep_ in ("aux", "aux:pass")], ctx)
                            for h in _clause_heads(tok)):
            return True  # "X would name a successor if ... and Y becomes the leader"
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return False
        tok = tok.head  # "could try to replace", "podría reemplazar"
        if tok.lemma_.casefold() in ctx.cues.modals:
            return True
    return False


def _clause_heads(verb: Any, steps: int = 2) -> list[Any]:
    """The verbs a present-tense verb is coordinated with or subordinated to, nearest first."""
    out, tok = [], verb
    for _ in range(steps):
        if tok.dep_ not in ("conj", "advcl") or tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX"):
            break
        tok = tok.head
        out.append(tok)
    return out


def _hypothetical(verb: Any, auxes: list[Any], ctx: Context) -> bool:
    """A verb under a modal (one of its `auxes`) or in the conditional mood ("would name", "nombraría")."""
    return any(a.lemma_.casefold() in ctx.cues.modals or a.lower_ in ctx.cues.modals for a in auxes) \
        or any("Mood=Cnd" in str(t.morph) for t in [verb, *auxes])


def _with_first_conjunct(verb: Any) -> list[Any]:
    """A verb's children and those of the first verb of its coordination, whose marker opens the
    whole coordinated clause ("if Democrats win and Kaine becomes vice president")."""
    kids, tok = list(verb.children), verb
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
        kids += [c for c in tok.children if c.dep_ == "mark"]
    # the parse may attach the second clause elsewhere ("... if Democrats win the White House in
    # November and Kaine becomes ..."): a coordinator right before the verb's subject joins it to
    # the clause that ends just before that coordinator
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")), None)
    first = subject.left_edge.i if subject is not None else 0
    cc = first if first and verb.doc[first].dep_ == "cc" else first - 1  # "y" may hang from the subject
    if subject is not None and cc > 0 and verb.doc[cc].dep_ == "cc":
        tok = verb.doc[cc - 1]
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
        if tok.i != verb.i and tok.pos_ in ("VERB", "AUX"):
            kids += [c for c in tok.children if c.dep_ == "mark"]
    return kids


def _predicate(trigger: Any, ctx: Context) -> Any:
    """The verb a relation word is stated through: its copula ("is the leader"), the verb of
    its state ("has been in a rivalry"), its light verb ("maintains an alliance"); a verb
    trigger is its own predicate, and so is a noun given by apposition."""
    dep, head = trigger.dep_, trigger.head
    if dep in ("attr", "acomp") or (dep in ("dobj", "obj") and head.lemma_.casefold() in ctx.cues.light_verbs):
        return head
    if marker_of(trigger, ctx) in ctx.cues.state_preps:
        return governor_of(trigger)
    return trigger


def bounds(trigger: Any, ctx: Context) -> tuple[str | None, str | None]:
    """Start and end from years attached to the trigger, or to the verb it is predicated
    through ("X has been in a rivalry with Y since 2015"); an apposition marked "then" takes
    the date of its clause ("In 2020 X, then chief of police, ...")."""
    chain = {trigger.i, _predicate(trigger, ctx).i}
    if trigger.dep_ == "appos" and any(c.lower_ in ctx.cues.then_words for c in trigger.children):
        chain.update(a.i for a in trigger.ancestors)
    start = end = None
    for tok in sentence_of(trigger):
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


def _date_cue(year: Any, ctx: Context) -> str | None:
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


def _attachment(year: Any, ctx: Context) -> Any | None:
    tok = year
    for _ in range(6):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if not (tok.pos_ == "ADP" or tok.like_num or tok.lower_ in ctx.cues.months or tok.lower_ in ctx.cues.date_cues):
            return tok
    return None


def _with_month(year: Any, ctx: Context) -> str:
    doc = year.doc
    for i in range(year.i - 1, max(-1, year.i - 3), -1):
        month = ctx.cues.months.get(doc[i].lower_)
        if month:
            return f"{year.text}-{month:02d}"
    return year.text
