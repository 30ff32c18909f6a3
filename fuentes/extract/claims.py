"""Stage `claims`: the check-worthy statements of one article.

A claim is made of
  - a clause whose verb is in the language's predicate list (`data/claims_<lang>.yaml`:
    kill, capture, attack, spend, provide, set up ... each mapped to a language-neutral
    class), or whose clause states a value (a number, money, a date, a range);
  - an event noun with its patient ("the killing of X", "la captura de X") when X is named;
  - every direct quote (a claim of its speaker), and reported speech that holds no other claim.
Subject and object come from the dependency parse (English ClearNLP labels and Spanish UD
labels both) and are local entity keys when a named mention covers the argument. A verb
governed by an attempt verb ("tried to catch X") gets the predicate "attempt:<class>": it
states an aim, not a fact. Clauses inside reported speech carry the reporter as `speaker`.
Values (fuentes.extract.values) are found once per body and handed to the clause they fall in.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from fuentes.doc import ArticleDoc
from fuentes.extract import speech
from fuentes.extract.values import Found, find_values
from fuentes.ids import content_id
from fuentes.model import Claim, Evidence, Mention, Quote
from fuentes.pipeline import Stage, register

VERSION = "2"  # 2: every claim carries its evidence span
DATA = Path(__file__).with_name("data")
SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
OBJ = {"dobj", "obj"}
CLAUSE_DEPS = {"conj", "ccomp", "advcl", "parataxis", "relcl", "acl", "acl:relcl", "xcomp", "csubj"}
CORE_DEPS = {"compound", "flat", "flat:name", "amod", "appos", "nmod:poss", "poss", "nummod", "name", "fixed"}
RELATIVE = {"that", "which", "who", "whom", "que", "quien", "quienes", "cual", "cuales"}
MIN_WORDS = 4
STEM_MIN = 4  # shortest infinitive stem matched as a prefix of a verb form


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    language: str
    predicates: dict[str, str]  # lemma or "lemma particle" -> class
    event_nouns: dict[str, str]
    with_event_object: dict[str, str]  # verb -> class when its object is an event noun
    event_of: frozenset[str]
    attempt_verbs: frozenset[str]
    hedges: tuple[str, ...]
    contradictory: tuple[tuple[str, str], ...]
    verb_stems: tuple[tuple[str, str], ...] = ()  # (stem, class), longest first


@lru_cache(maxsize=8)
def claim_lexicon(language: str | None) -> ClaimLexicon:
    lang = (language or "en")[:2].lower()
    path = DATA / f"claims_{lang}.yaml"
    if not path.exists():
        lang, path = "en", DATA / "claims_en.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ClaimLexicon(
        language=lang,
        predicates={k.casefold(): v for k, v in raw["predicates"].items()},
        event_nouns={k.casefold(): v for k, v in raw.get("event_nouns", {}).items()},
        with_event_object={k.casefold(): v for k, v in raw.get("with_event_object", {}).items()},
        event_of=frozenset(w.casefold() for w in raw.get("event_of", [])),
        attempt_verbs=frozenset(w.casefold() for w in raw.get("attempt_verbs", [])),
        hedges=tuple(h.casefold() for h in raw.get("hedges", [])),
        contradictory=tuple(tuple(p) for p in raw.get("contradictory", [])),
        verb_stems=_stems(raw) if raw.get("match_verb_stems") else (),
    )


def _stems(raw: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Infinitive stems ("abat" of "abatir") for pipelines whose lemmatiser is unreliable."""
    stems = {k.casefold()[:-2]: v for k, v in raw["predicates"].items()
             if " " not in k and len(k) - 2 >= STEM_MIN}
    return tuple(sorted(stems.items(), key=lambda kv: -len(kv[0])))


class _Article:
    """The working state of one article: parse, mentions, quotes and values."""

    def __init__(self, body: str, sdoc: Any, mentions: list[Mention], quotes: list[Quote],
                 language: str, article: str):
        self.body, self.doc, self.article = body, sdoc, article
        self.lex = claim_lexicon(language)
        self.speech = speech.lexicon(self.lex.language)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mstarts = [m.start for m in self.mentions]
        self.direct = [q for q in quotes if q.direct]
        self.indirect = [q for q in quotes if not q.direct]
        self.values = find_values(body, self.lex.language)
        self._vstarts = [f.start for f in self.values]

    # ---- arguments -----------------------------------------------------------------------
    def entity_at(self, tok: Any) -> str | None:
        """The entity of the mention covering the token (mentions may nest: a nickname inside
        a full name), the longest first."""
        i = bisect.bisect_right(self._mstarts, tok.idx) - 1
        covering = []
        while i >= 0 and len(covering) < 3 and tok.idx - self.mentions[i].start < 200:
            if self.mentions[i].start <= tok.idx < self.mentions[i].end:
                covering.append(self.mentions[i])
            i -= 1
        best = max(covering, key=lambda m: m.end - m.start, default=None)
        return best.entity if best else None

    def entity_of(self, tok: Any | None) -> str | None:
        """The entity named by an argument: its head, else a name modifying it ("U.S. agencies")."""
        if tok is None or tok.pos_ == "PRON":
            return None
        found = self.entity_at(tok)
        if found:
            return found
        for child in tok.children:
            if child.dep_ in CORE_DEPS:
                found = self.entity_of(child)
                if found:
                    return found
        return None

    def inside(self, quotes: list[Quote], char: int) -> Quote | None:
        return next((q for q in quotes if q.start <= char < q.end), None)

    # ---- predicates ----------------------------------------------------------------------
    def verb_class(self, tok: Any) -> str | None:
        particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "compound:prt")]
        for prt in particles:
            cls = self.lex.predicates.get(f"{tok.lemma_.casefold()} {prt}")
            if cls:
                return cls
        lemma = tok.lemma_.casefold()
        if lemma in self.lex.with_event_object:  # "executed the operation" is no killing
            patient = self.arguments(tok)[1]
            if patient is not None and patient.lemma_.casefold() in self.lex.event_nouns:
                return self.lex.with_event_object[lemma]
        cls = self.lex.predicates.get(lemma)
        if cls is None and tok.pos_ == "VERB":
            form = tok.lower_
            cls = next((c for stem, c in self.lex.verb_stems if form.startswith(stem)), None)
        return cls

    def arguments(self, verb: Any) -> tuple[Any | None, Any | None]:
        """(agent, patient) tokens of a verb, passive voice and relative clauses undone."""
        subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
        patient = next((c for c in verb.children if c.dep_ in OBJ), None)
        passive = next((c for c in verb.children if c.dep_ in PASS_SUBJ), None)
        if passive is not None:
            patient, subj = passive, self._agent(verb)
        if subj is not None and subj.lower_ in RELATIVE and verb.dep_ in ("relcl", "acl:relcl"):
            subj = verb.head
        if verb.dep_ in ("acl",) and verb.tag_ == "VBN" and patient is None:
            patient, subj = verb.head, self._agent(verb)  # "intelligence provided by X"
        if subj is None and verb.dep_ == "xcomp":
            gov = verb.head
            subj = next((c for c in gov.children if c.dep_ in OBJ), None) or \
                next((c for c in gov.children if c.dep_ in SUBJ), None)
        return subj, patient

    def _agent(self, verb: Any) -> Any | None:
        for c in verb.children:
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ == "obl:agent" or (c.dep_ == "obl" and any(g.lower_ == "por" for g in c.children
                                                                    if g.dep_ == "case")):
                return c
        return None

    def event_patient(self, noun: Any) -> Any | None:
        """X of 'the killing of X' (English prep+pobj) / 'la muerte de X' (UD nmod+case). When
        the parse loses the name ("the killing of drug lord X"), the first named token within
        a few words after the preposition."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in self.lex.event_of:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                return pobj if pobj is None or self.entity_of(pobj) else self._named_after(c) or pobj
            if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in self.lex.event_of for g in c.children):
                return c
        return None

    def _named_after(self, prep: Any, window: int = 4) -> Any | None:
        for tok in self.doc[prep.i + 1:prep.i + 1 + window]:
            if tok.pos_ in ("VERB", "AUX") or (tok.is_punct and tok.text not in "\"'“”‘’"):
                return None
            if self.entity_at(tok):
                return tok
        return None

    # ---- claims --------------------------------------------------------------------------
    def heads(self) -> list[tuple[Any, str | None]]:
        """(token, class) of every candidate claim head, in text order."""
        out = []
        for tok in self.doc:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
                cls = self.verb_class(tok)
                if cls is None and tok.lemma_.casefold() in self.speech.verbs:
                    continue
                out.append((tok, cls))
            elif tok.pos_ == "NOUN" and tok.lemma_.casefold() in self.lex.event_nouns:
                patient = self.event_patient(tok)
                if patient is not None and self.entity_of(patient):
                    out.append((tok, self.lex.event_nouns[tok.lemma_.casefold()]))
        return out

    def clause_tokens(self, head: Any, heads: set[int]) -> list[Any]:
        """The head's subtree without sub-clauses that are claims of their own."""
        drop: set[int] = set()
        for child in head.children:
            if child.dep_ in CLAUSE_DEPS and child.i in heads:
                drop.update(t.i for t in child.subtree)
        toks = [t for t in head.subtree if t.i not in drop and not t.is_space]
        while toks and toks[0] is not head and (toks[0].is_punct or toks[0].lower_ in RELATIVE
                                                 or toks[0].dep_ in ("mark", "cc")):
            toks = toks[1:]
        while toks and toks[-1] is not head and toks[-1].is_punct and toks[-1].text not in ".!?":
            toks = toks[:-1]
        return toks

    def values_in(self, toks: list[Any]) -> list[Found]:
        if not toks:
            return []
        ids = {t.idx for t in toks}
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        i = bisect.bisect_left(self._vstarts, lo)
        out = []
        while i < len(self.values) and self.values[i].start < hi:
            f = self.values[i]
            tok = self.doc.char_span(f.start, f.end, alignment_mode="expand")
            if tok is not None and any(t.idx in ids for t in tok):
                out.append(f)
            i += 1
        return out

    def run(self) -> list[Claim]:
        cands = self.heads()
        head_ids = {t.i for t, _ in cands}
        claims: list[Claim] = []
        for tok, cls in cands:
            if self.inside(self.direct, tok.idx):
                continue  # a direct quote is one claim of its speaker, below
            toks = self.clause_tokens(tok, head_ids)
            found = self.values_in(toks)
            is_noun = tok.pos_ == "NOUN"
            subj, patient = (None, self.event_patient(tok)) if is_noun else self.arguments(tok)
            if cls is None and not (any(_checkable(f) for f in found) and (subj is not None or patient is not None)):
                continue
            if len(toks) < MIN_WORDS and not is_noun:
                continue
            predicate = cls or tok.lemma_.casefold()
            if not is_noun and tok.dep_ == "xcomp" and tok.head.lemma_.casefold() in self.lex.attempt_verbs:
                predicate = f"attempt:{predicate}"
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            reported = self.inside(self.indirect, tok.idx)
            claims.append(self._claim(start, end, predicate, self.entity_of(subj), self.entity_of(patient),
                                      found, reported.speaker if reported else None))
        claims.extend(self.quote_claims(claims))
        return sorted(claims, key=lambda c: (c.start, c.end))

    def quote_claims(self, clause_claims: list[Claim]) -> list[Claim]:
        out = []
        for q in self.direct:
            out.append(self._claim(q.start, q.end, "say", q.speaker, None, self._values_between(q.start, q.end),
                                   q.speaker))
        for q in self.indirect:
            if not any(c.start < q.end and q.start < c.end for c in clause_claims):
                out.append(self._claim(q.start, q.end, "say", q.speaker, None,
                                       self._values_between(q.start, q.end), q.speaker))
        return out

    def _values_between(self, start: int, end: int) -> list[Found]:
        return [f for f in self.values if start <= f.start and f.end <= end]

    def _claim(self, start: int, end: int, predicate: str, subject: str | None, obj: str | None,
               found: list[Found], speaker: str | None) -> Claim:
        text = self.body[start:end]
        return Claim(id=content_id("clm", self.article, str(start), str(end), predicate), text=text,
                     article=self.article, start=start, end=end, subject=subject, predicate=predicate,
                     object=obj, values=[f.value for f in found], speaker=speaker,
                     evidence=[Evidence(self.article, start, end, "claims", VERSION)])


def _checkable(found: Found) -> bool:
    """A value that makes an otherwise unlisted clause check-worthy: a figure written in
    digits (counts, money, ranges...); dates alone are everywhere (captions, datelines)."""
    return found.value.kind != "date" and any(ch.isdigit() for ch in found.value.text)


def extract_claims(body: str, sdoc: Any, mentions: list[Mention] | None = None,
                   quotes: list[Quote] | None = None, language: str | None = None,
                   article: str = "") -> list[Claim]:
    """Claims of one article. `sdoc` is the spaCy Doc of `body`; offsets refer to `body`."""
    if sdoc is None or sdoc.text != body:
        raise ValueError(f"{article or 'article'}: the nlp layer is not a spaCy Doc of this body")
    lang = language or sdoc.user_data.get("fuentes_language") or sdoc.lang_
    return _Article(body, sdoc, mentions or [], quotes or [], lang, article).run()


def is_hedged(text: str, languages: tuple[str, ...] = ("en", "es")) -> bool:
    """The statement is weakened by a hedge word ("reportedly", "presuntamente")."""
    low = f" {text.casefold()} "
    return any(f" {h} " in low or f" {h}," in low for lang in languages for h in claim_lexicon(lang).hedges)


@register
class ClaimsStage(Stage):
    """Check-worthy statements with subject, predicate class, object and values."""

    name = "claims"
    version = VERSION
    requires = ("nlp", "mentions", "entities", "quotes")
    provides = ("claims",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        sdoc = doc.get("nlp")
        article = doc.get("id") or doc.source
        claims = [] if sdoc is None else extract_claims(doc.body, sdoc, doc.get("mentions"), doc.get("quotes"),
                                                         doc.get("language"), article)
        doc.set("claims", claims, self.tag)
        return doc
