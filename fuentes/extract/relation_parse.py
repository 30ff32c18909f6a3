"""Holders and complements of a relation word in the dependency parse of one article: which
token stands for which local entity, subjects (through relative pronouns and coordinated
clauses), objects and prepositional complements, pronoun antecedents, event phrases."""

from __future__ import annotations

from typing import Any

from fuentes.corpus.name_constraints import first_gender
from fuentes.extract import speech
from fuentes.extract.relation_cues import Cues, Trigger
from fuentes.model import Entity, Mention
from fuentes.nlp.text import morph_values, sentence_index, sentence_of, sentences

_SUBJ = ("nsubj", "csubj")
_CLAUSE = ("nsubj", "nsubj:pass", "csubj", "cop", "aux", "aux:pass", "neg", "obl", "advcl", "parataxis")
_NAME_CHILDREN = ("compound", "flat", "flat:name", "appos", "nmod:poss")


class Context:
    """One article: which token belongs to which local entity, and the cues."""

    def __init__(self, sdoc: Any, mentions: list[Mention], entities: list[Entity], cues: Cues, article: str):
        self.sdoc, self.cues, self.article = sdoc, cues, article
        self.entities = {e.id: e for e in entities}
        self.key_of: dict[int, str] = {}
        self.chars: dict[int, tuple[int, int]] = {}  # token -> char span of its mention
        self._genders: dict[str, str | None] = {}
        self._people: set[int] | None = None
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
        sent = sentence_of(trigger)
        near = [i for i in range(sent.start, sent.end) if self.key_of.get(i) == key]
        if near:
            return self.chars[min(near, key=lambda i: abs(i - trigger.i))]
        if tok is trigger:
            return tok.idx, tok.idx + len(tok)
        return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)

    def kind(self, key: str) -> str:
        ent = self.entities.get(key)
        return ent.kind if ent else "other"

    @property
    def people(self) -> set[int]:
        """The tokens of the article's person mentions (read once)."""
        if self._people is None:
            self._people = {i for i, k in self.key_of.items() if self.kind(k) == "person"}
        return self._people

    def pronoun_gender(self, tok: Any) -> str | None:
        """"m" / "f" for a gendered personal pronoun or possessive ("his", "ella"), by the quote
        stage's lexicon; None otherwise."""
        return speech.lexicon(self.cues.language).person_gender(tok.lower_)

    def gender(self, key: str) -> str | None:
        """"m" / "f" when the entity's name or an alias says it (an honorific, a gendered first name)."""
        if key not in self._genders:
            ent = self.entities.get(key)
            names = [ent.name, *ent.aliases] if ent is not None and ent.kind == "person" else []
            self._genders[key] = first_gender(names)
        return self._genders[key]

    def pronoun_kind(self, tok: Any) -> str | None:
        if tok.pos_ not in ("PRON", "DET") or tok.i in self.key_of:
            return None
        if tok.pos_ == "DET" and "Poss=Yes" not in str(tok.morph):
            return None
        return self.cues.pronouns.get(tok.lower_)


def role_gender(tok: Any) -> str | None:
    """"m" / "f" when a role noun says its holder's gender: its article's or its own grammatical
    gender in Spanish ("la presidenta", "el portavoz"; a noun alone only when feminine, as "presidente"
    serves both), an English compound of "woman" / "man" ("chairwoman", "spokesman"); else None."""
    low = tok.lower_
    if low.endswith("woman") or low.endswith("women"):
        return "f"
    if (low.endswith("man") or low.endswith("men")) and low not in _NOT_MAN:
        return "m"
    det = next((c for c in tok.children if c.dep_ == "det" and c.i < tok.i), None)
    said = morph_values(det, "Gender") if det is not None else [g for g in morph_values(tok, "Gender") if g == "Fem"]
    return {"Fem": "f", "Masc": "m"}.get(said[0]) if len(said) == 1 else None


_NOT_MAN = frozenset({"human", "humans", "german", "germans", "roman", "romans", "shaman", "ottoman"})


def passive(tok: Any, ctx: Context) -> bool:
    """A participle of a verb that takes a direct object, with a passive auxiliary ("fue atacado"),
    whatever labels the parse gave; "es aliado de" (a state, no direct object) is none."""
    return tok.pos_ == "VERB" and "VerbForm=Part" in str(tok.morph) and any(
        c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_.casefold() in ctx.cues.passive_aux for c in tok.children) \
        and any("obj" in t.preps for form in (tok.lemma_.casefold(), tok.lower_) for t in ctx.cues.triggers.get(form, ()))


def _agents(tok: Any, ctx: Context) -> list[Any]:
    return [c for c in tok.children if c.dep_ in ("obj", "obl", "obl:agent") and marker_of(c, ctx) in ctx.cues.agent_preps]


def holders(tok: Any, ctx: Context) -> list[Any]:
    if passive(tok, ctx):  # "fue atacado por X": X
        return _agents(tok, ctx)
    # an emphatic reflexive beside the post ("X - himself the first black governor -") is no other holder
    out = [c for c in tok.children if c.dep_ == "appos" and c.lower_ not in ctx.cues.reflexive
           and not _name_between(tok, c, ctx)]  # ("minister of rights Aung Myo Min and minister of ... Htin Linn Aung")
    dep = tok.dep_
    if dep == "appos" and tok.head.is_space:  # a paragraph break parsed as the head: the name beside it
        out += [c for c in tok.head.children if c.dep_ == "appos" and c.i < tok.i and c.i in ctx.key_of][-1:]
    elif dep == "appos" or (dep == "compound" and tok.head.pos_ == "PROPN"):
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


def _name_between(a: Any, b: Any, ctx: Context) -> bool:
    """Whether a person other than `b`'s is named between two tokens: the name nearer the post holds it."""
    lo, hi = sorted((a.i, b.i))
    own = ctx.key_of.get(b.i)
    return any((k := ctx.key_of.get(i)) is not None and k != own and ctx.kind(k) == "person" for i in range(lo + 1, hi))


def apart(a: Any, b: Any) -> bool:
    """Whether a line break or a run of spaces lies between two tokens: a heading, a dateline or
    a lost full stop ("nuevo secretario de Educación de Medellín  Daniel Quintero comenzó ..."),
    across which the parse joins words that belong to different sentences."""
    lo, hi = sorted((a.i, b.i))
    return any(t.is_space or "\n" in t.whitespace_ for t in a.doc[lo:hi])


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


def complements(tok: Any, ctx: Context, nested: bool = False) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    if passive(tok, ctx):  # "X fue atacado por Y": X is the object, Y the holder
        agents = _agents(tok, ctx)
        out += [("obj", c) for c in tok.children if c.dep_ in _SUBJ or c.dep_ == "nsubj:pass"]
        return out + [m for m in _complements_of(tok, ctx) if m[1] not in agents and m[0] != "obj"]
    return _complements_of(tok, ctx, nested)


def _complements_of(tok: Any, ctx: Context, nested: bool = False) -> list[tuple[str, Any]]:
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
        # ... but "leader of the polls of W" leads no W: the same marker again goes through a group only
        out += [inner for m, c in list(out) for inner in complements(c, ctx, nested=True) if inner[0] != "poss"
                and (inner[0] != m or c.pos_ == "PROPN" or c.lemma_.casefold() in ctx.cues.group_nouns)]
    return out


def objects(tok: Any, trig: Trigger, ctx: Context) -> list[tuple[Any, str]]:
    """(token, local entity key or phrase) pairs for the trigger's object side."""
    if trig.object == "phrase":
        # "junto al ministro de Educación, Arnaldo Bueso": the post without its preposition ("al")
        # (a copular post heads its clause: "X sería gobernador"); a person's name ends the post
        # ("minister of human rights Aung Myo Min and minister ...")
        phrase = _phrase(tok, ctx, drop=("appos", "relcl", "acl", "punct", "conj", "cc", "advmod", "case", "mark",
                                         *_CLAUSE), stop=ctx.people)
        return [(tok, phrase)] if tok.dep_ != "compound" and len(phrase.split()) >= 2 else []
    comps = complements(tok, ctx)
    for marker in trig.preps:
        found = [(c, k) for m, c in comps if m == marker for k in entity_keys(c, ctx)]
        if found:
            return found
    if trig.object == "event":  # an operation, not a clause or people ("ordenó a los diputados ...")
        return [(c, _phrase(c, ctx)) for m, c in comps if m == "obj" and c.pos_ == "NOUN"
                and marker_of(c, ctx) is None and c.lemma_.casefold() in ctx.cues.event_nouns]
    return []


def entity_keys(tok: Any, ctx: Context, seen: frozenset[int] = frozenset(), conjuncts: bool = True) -> list[str]:
    """The local entities a token stands for: its mention, a pronoun's antecedent, a name
    modifying it ('the MORENA regime'), a 'whose real name was X' clause; conjuncts too, unless
    `conjuncts` is false."""
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
        group = tok.pos_ == "PROPN" or tok.lemma_.casefold() in ctx.cues.group_nouns
        for c in tok.children:  # "the MORENA regime", not "the GOP field"
            if c.dep_ in _NAME_CHILDREN and c.i in ctx.key_of and c.i < tok.i + 4 \
                    and (group or c.dep_ == "appos"):
                keys.append(ctx.key_of[c.i])
                break
            if c.dep_ in ("relcl", "acl:relcl"):
                keys += [ctx.key_of[g.i] for g in c.children if g.dep_ == "attr" and g.i in ctx.key_of][:1]
    for c in tok.children if conjuncts else ():
        if c.dep_ == "conj":
            keys += [k for k in entity_keys(c, ctx, seen) if k not in keys]
    return keys


def _resolve_pronoun(tok: Any, ctx: Context) -> list[str]:
    """A possessive goes to its clause's subject; other pronouns to the latest fitting name
    before them that is not a subject of a clause above them. A gendered pronoun never stands for
    a person whose honorific or first name says the other gender ("his mother" is not Ms Parti's)."""
    kind = ctx.pronoun_kind(tok)
    said = ctx.pronoun_gender(tok)
    fits = lambda key: (kind == "any" or ctx.kind(key) == kind) and (  # noqa: E731
        said is None or ctx.gender(key) in (None, said))
    clause_subjects: list[str] = []
    verb = tok.head
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for s in _subjects(verb, ctx):
        if tok not in list(s.subtree) and not ctx.pronoun_kind(s):
            clause_subjects += [k for k in entity_keys(s, ctx) if fits(k)]
    possessive = tok.dep_ in ("poss", "nmod:poss") or "Poss=Yes" in str(tok.morph)
    owned = tok.head
    if possessive and owned.dep_ == "conj" and owned.head.i in ctx.key_of and fits(ctx.key_of[owned.head.i]):
        return [ctx.key_of[owned.head.i]]  # "Jim Brady and his wife": his is Jim Brady, not the subject
    if tok.lower_ in ctx.cues.reflexive:  # "X shot himself": X, or nobody named
        return clause_subjects[:1]
    if possessive and clause_subjects:
        return clause_subjects[:1]
    above = set(clause_subjects)
    for anc in tok.ancestors:
        for s in _subjects(anc, ctx):
            above.update(ctx.key_of.get(t.i) for t in s.subtree if t.i in ctx.key_of)
    sents = sentences(tok.doc)
    here = sentence_index(tok)
    first = sents[max(0, here - 2)].start
    if kind == "any" and _unnamed_plural_subject(tok, first, ctx):
        return []  # "Militants bombed the tower. Then they attacked ...": they are the militants
    for i in range(tok.i - 1, first - 1, -1):
        key = ctx.key_of.get(i)
        if key and fits(key) and key not in above:
            return [key]
    return []


def _unnamed_plural_subject(tok: Any, first: int, ctx: Context) -> bool:
    """Whether the subject nearest before a plural pronoun is a plural noun that names no entity
    ("Radical militants bombed the tower. In 2000, they attacked ...", "Islamists" read as a
    nationality): the pronoun stands for it, not for a name further back."""
    for i in range(tok.i - 1, first - 1, -1):
        t = tok.doc[i]
        if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and not ctx.pronoun_kind(t):
            return (t.pos_ in ("NOUN", "PROPN") and "Number=Plur" in str(t.morph) and t.i not in ctx.key_of
                    and not any(c.i in ctx.key_of for c in t.subtree))
    return False


# Punctuation that ends a phrase: what follows it is another phrase ("fiscal Anticorrupción,
# Marcos Even Torres– por el delito ..."), not more of this one.
_BREAKS = frozenset(",;:()[]{}\"“”«»‘—–…|/") | {"--", "...", "."}


def _caps(tok: Any) -> bool:
    return tok.is_alpha and len(tok) >= 3 and tok.text.isupper()


def _spaced_dash(tok: Any) -> bool:
    """A hyphen written with a space on each side: a dash ("governor since Reconstruction - the
    delegation"), unlike the hyphen of a compound ("Miami-based")."""
    return tok.text == "-" and bool(tok.whitespace_) and (tok.i == 0 or bool(tok.doc[tok.i - 1].whitespace_))


def _breaks(doc: Any, a: int) -> bool:
    """Whether a phrase ends between tokens `a` and `a + 1`: a line break, a run of spaces,
    break punctuation (a spaced hyphen included), or a dateline in capitals ("... JB Pritzker SPRINGFIELD, ILLINOIS")."""
    left, right = doc[a], doc[a + 1]
    if left.is_space or right.is_space or "\n" in left.whitespace_:
        return True
    if left.text in _BREAKS or right.text in _BREAKS or _spaced_dash(left) or _spaced_dash(right):
        return True
    if _caps(right) and not _caps(left):
        after = [t for t in doc[a + 2: a + 5] if not t.is_punct]
        return bool(after) and _caps(after[0])
    return False


def _bound(tok: Any, child: Any, ctx: Context) -> bool:
    """An unnamed apposition written on after the word, with no punctuation between: part of
    the post ("fiscal Anticorrupción"), not a name set off from it ("fiscal, Marcos Even")."""
    if child.dep_ != "appos" or child.i < tok.i or any(t.i in ctx.key_of for t in child.subtree):
        return False
    return not any(t.is_punct or t.is_space for t in tok.doc[tok.i + 1: child.left_edge.i])


def _phrase(tok: Any, ctx: Context, drop: tuple[str, ...] = ("punct",), limit: int = 16,
            stop: set[int] | frozenset[int] = frozenset()) -> str:
    """The words of `tok`'s phrase, pronouns replaced by names: the unbroken run of its subtree
    around it (without a leading determiner or a trailing function word), ending at a line
    break, a run of spaces, break punctuation, a dateline in capitals or a token of `stop`."""
    doc = tok.doc
    skip = {t.i for c in tok.children if c.dep_ in drop and not _bound(tok, c, ctx) for t in c.subtree}
    keep = {t.i for t in tok.subtree if t.i not in skip and (t.i == tok.i or t.i not in stop)}
    lo = hi = tok.i
    while lo - 1 in keep and not _breaks(doc, lo - 1) and tok.i - lo < limit:
        lo -= 1
    while hi + 1 in keep and not _breaks(doc, hi) and hi - lo + 1 < limit:
        hi += 1
    while lo < tok.i and (doc[lo].is_punct or (doc[lo].dep_ == "det" and doc[lo].pos_ == "DET")
                          or doc[lo].lower_ in ctx.cues.post_fillers):
        lo += 1
    while hi > tok.i and (doc[hi].is_punct or doc[hi].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")):
        hi -= 1
    out = []
    for t in doc[lo: hi + 1]:
        keys = _resolve_pronoun(t, ctx) if ctx.pronoun_kind(t) and t.dep_ != "poss" else []
        out.append((ctx.entities[keys[0]].name if keys else t.text) + t.whitespace_)
    return " ".join("".join(out).split())
