"""Who is speaking: speech cues in the parse and the subject each cue reports.

`Resolver` works on one article: the spaCy Doc of the body, the mentions/entities of the
entity stage and the quote spans. It finds speech cues outside quotes (verbs from the
language's lexicon, cue phrases such as "according to" / "según"), the subject each cue
reports (nsubj, passive agent, a relative clause's noun, or the subject of the verb a
participle hangs from), and resolves that subject: a name through the mention covering it,
a document through the body that issued it; pronouns, dropped Spanish subjects and
descriptions through `fuentes.extract.speakers`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, VERB

from fuentes.extract import names
from fuentes.extract.aliases import visible
from fuentes.extract.speakers import (PERSON_LABELS, SUBJECT_DEPS, Referents, Speaker,
                                      first_name_gender)
from fuentes.model import Mention
from fuentes.nlp.text import doc_text, sentence_of, strings_where

__all__ = ["Resolver", "Speaker", "first_name_gender", "same_sentence", "tokens_in", "PERSON_LABELS"]

CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "parataxis", "dep", "acomp", "pcomp", "prep"}
NOUN_POS = {"NOUN", "PROPN", "PRON"}
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb)]*\s")
_WORD_BEFORE = re.compile(r"(\w+)$")
_VERB_POS = np.array([VERB, AUX], dtype="uint64")


@lru_cache(maxsize=8)
def _phrase_index(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the cue phrases it begins, in the lexicon's order."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


class Resolver(Referents):
    """Speech cues and speakers of one article."""

    """Speech cues and speakers of one article."""

    def cues(self) -> list[Any]:
        """Speech-cue tokens outside quotes, in text order (a phrase cue by its first token).
        Only the tokens that may be one are looked at, found from the parse's arrays (a verb
        with a cue lemma, a word that begins a cue phrase) without making a Token of every word."""
        found, lex, doc = [], self.lex, self.doc
        if not len(doc):
            return found
        phrase_firsts = _phrase_index(lex.phrases)
        strings = doc.vocab.strings
        table = doc.to_array([LOWER, LEMMA, POS])
        lowers, lemmas = table[:, 0], table[:, 1]
        verbal = np.isin(table[:, 2], _VERB_POS)
        cue_lemmas = strings_where(np.unique(lemmas[verbal]).tolist(), strings, "cue lemma", lex,
                                   lambda word: lex.is_cue_lemma(word.lower()))
        firsts = strings_where(np.unique(lowers).tolist(), strings, "cue phrase", phrase_firsts,
                               lambda word: word in phrase_firsts)
        maybe = (verbal & np.isin(lemmas, np.array(cue_lemmas, dtype="uint64"))) \
            | np.isin(lowers, np.array(firsts, dtype="uint64"))
        for i in maybe.nonzero()[0].tolist():
            tok = doc[i]
            if self.inside[tok.idx]:
                continue
            if self._titled(tok):
                continue  # "They Call Me George", "Article Continued Below": a title, no speech
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lex.is_cue_lemma(lemma):
                particle = lex.needs_particle.get(lemma)
                if particle and not any(c.lower_ == particle for c in tok.children):
                    continue
                found.append(tok)
            elif tok.lower_ in phrase_firsts and self.phrase_at(tok):
                found.append(tok)
        return found

    @staticmethod
    def _titled(tok: Any) -> bool:
        """A capitalised word inside a sentence, beside another capitalised word: part of a
        title or a heading."""
        if not tok.text[:1].isupper() or tok.is_sent_start or tok.i == 0:
            return False
        prev = tok.doc[tok.i - 1]
        if not prev.is_alpha:
            return False  # after a quote mark, a colon or a dash a sentence may open
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return prev.text[:1].isupper() or (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha)

    def phrase_at(self, tok: Any) -> tuple[str, ...] | None:
        """The first cue phrase of the lexicon (in its order) that begins at `tok`."""
        doc, i = self.doc, tok.i
        for phrase in _phrase_index(self.lex.phrases).get(tok.lower_, ()):
            if i + len(phrase) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase[1:], 1)):
                return phrase
        return None

    def is_indirect_verb(self, tok: Any) -> bool:
        return tok.lemma_.lower() in self.lex.verbs

    def subject_token(self, cue: Any) -> Any | None:
        """The token naming who speaks through `cue`, or None (dropped subject)."""
        subject = self._subject_token(cue)
        before = self._split_subject(sentence_of(cue))
        if before is not None and (subject is None or (subject.i < cue.i and subject.i >= sentence_of(cue).start
                                                       and subject.lower_ not in self.lex.pronouns)):
            return before
        return subject

    def _split_subject(self, sent: Any) -> Any | None:
        """A sentence the model split after an abbreviation ("Jane Roe, who lost 16 lbs. and
        two belt sizes, says ..."): the next part opens in lower case and the part before is
        a name with no verb of its own. Its head is the subject of the cue that follows."""
        prev_dot = self.doc[sent.start - 1] if sent.start else None
        abbrev = self.doc[sent.start - 2] if sent.start > 1 else None
        if prev_dot is None or abbrev is None or prev_dot.text != "." or abbrev.whitespace_ \
                or not (abbrev.is_alpha and abbrev.is_lower):
            return None
        first = next((t for t in sent if t.is_alpha), None)
        if first is None or not first.is_lower:
            return None
        root = sentence_of(prev_dot).root
        same_paragraph = self.paragraph_of(root.idx) == self.paragraph_of(sent.start_char)
        return root if root.pos_ in ("PROPN", "NOUN") and same_paragraph else None

    def _subject_token(self, cue: Any) -> Any | None:
        phrase = self.phrase_at(cue)
        if phrase:
            for tok in self.doc[cue.i + len(phrase):sentence_of(cue).end]:
                if tok.pos_ in NOUN_POS:
                    while tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
                        tok = tok.head  # up to the head of "the mayor's office"
                    return tok
            return None
        verb = cue
        for hop in range(4):
            for child in verb.children:
                if not any(ch.isalpha() for ch in child.text) or self.inside[child.idx]:
                    continue  # a stray dash or quote mark parsed as a subject
                # a passive subject speaks only through a verb above the cue ("he was
                # quoted as saying"); "he was told" makes him the listener
                if child.dep_ in SUBJECT_DEPS or (hop and child.dep_ == "nsubjpass"):
                    if self.paragraph_of(child.idx) != self.paragraph_of(cue.idx):
                        return self._paragraph_subject(cue)  # a parse run across a paragraph break
                    return child
                if child.dep_ == "agent":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in NOUN_POS:
                return verb.head  # "Ms. X, who said ...", "officials saying ..."
            if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
        return self._near_subject(cue)

    def _paragraph_subject(self, cue: Any) -> Any | None:
        """The first noun phrase of the cue's own paragraph before the cue ("Elementary school
        teacher Jane Roe, 56, says"): a subject never lies in the paragraph before."""
        here = self.paragraph_of(cue.idx)
        for tok in self.doc[sentence_of(cue).start:cue.i]:
            if self.paragraph_of(tok.idx) == here and tok.pos_ in NOUN_POS and not self.inside[tok.idx]:
                while tok.head.i > tok.i and tok.head.i < cue.i and tok.head.pos_ in ("NOUN", "PROPN") \
                        and tok.dep_ in ("compound", "amod", "nmod", "flat"):
                    tok = tok.head  # up to the head of "school teacher Jane Roe"
                return tok
        return self._near_subject(cue)

    def _near_subject(self, cue: Any) -> Any | None:
        """When the parse gives no subject: a person name or pronoun right beside the cue."""
        lo, hi = max(sentence_of(cue).start, cue.i - 3), min(sentence_of(cue).end, cue.i + 4)
        for tok in sorted(self.doc[lo:hi], key=lambda t: abs(t.i - cue.i)):
            if self.inside[tok.idx] or tok.i == cue.i:
                continue
            m = self.mention_at(tok.idx)
            if (m and self.is_person(m)) or tok.lower_ in self.lex.pronouns:
                return tok
        return None

    def resolve_cue(self, cue: Any) -> Speaker | None:
        speaker = self._resolve_cue(cue)
        if speaker is not None and speaker.entity and any(
                obj.lemma_.lower() in self.lex.document_nouns
                for prep in cue.children if prep.dep_ == "prep" for obj in prep.children if obj.dep_ == "pobj"):
            self.note_issuer(speaker, cue.idx)  # "X said in a statement": a later "the statement" is X
        return speaker

    def _resolve_cue(self, cue: Any) -> Speaker | None:
        subject = self.subject_token(cue)
        if subject is None:  # a dropped subject (Spanish) reads like a pronoun
            return self.resolve_pronoun(cue.idx, None) if self.lex.language != "en" else None
        word = subject.lower_
        if self.phrase_at(cue) and self._thing(subject):
            return self._document_voice(subject)
        if word in self.lex.pronouns and subject.pos_ == "PRON":
            gender = self.lex.pronouns[word]
            return (self._plural_subject_before(subject) if gender == "p" else None) \
                or self.resolve_pronoun(subject.idx, gender)
        return self.resolve_phrase(subject)

    def _thing(self, head: Any) -> bool:
        """The word after "según" / "according to" is a common noun for no one ("el acuerdo", "the
        figures", "el informe"): no name on it, no speaker noun (official, police, source), no role of
        someone named. What it says is that document's or that record's, not a person's named nearby."""
        if head.pos_ != "NOUN" or self.mention_at(head.idx) is not None or self._speaker_noun(head):
            return False
        words = {head.lower_, head.lemma_.lower()}
        lex = names.lexicon(self.lex.language)
        if any(w in lex.role_nouns or w in lex.titles or w in lex.trailing_roles or w in lex.person_nouns for w in words):
            return False  # "según el teniente", "según el vocero de la alcaldía": someone
        if head.lemma_.lower() in self.lex.document_nouns:
            return True
        # "según el teniente de policía John Lieb": the person the phrase names speaks
        return not any((m := self.mention_at(t.idx)) is not None and self.is_person(m) for t in head.subtree)

    def _document_voice(self, head: Any) -> Speaker:
        """The voice of a document or record after a cue phrase: its issuer when its phrase names one
        ("según un informe de la ONU", "according to a report from the EU") or a pronoun owns it
        ("según su informe"), else the document as written ("el acuerdo que el Gobierno firmó"), with
        no entity: never a person named nearby, nor the issuer of another document."""
        if head.lemma_.lower() in self.lex.document_nouns:
            mine = [c for c in head.children if c.dep_ in ("poss", "det") and c.lower_ in self.lex.possessive]
            if mine:  # "según su informe", "according to her statement"
                found = self.resolve_pronoun(mine[0].idx, self.lex.possessive[mine[0].lower_])
                if found is not None:
                    return found
            if (speaker := self._named_issuer(head)) is not None:
                return speaker
        first, last = head.left_edge, head.right_edge
        while first.i < head.i and (first.is_punct or first.pos_ == "ADP"):
            first = self.doc[first.i + 1]
        text = doc_text(self.doc)[first.idx:last.idx + len(last)]
        return Speaker(visible(text), None, first.idx, last.idx + len(last), False, "document")

    def _plural_subject_before(self, pronoun: Any) -> Speaker | None:
        """'Republican senators are eager ..., and they say': a plural speaker noun that is a
        subject earlier in the pronoun's own sentence is who "they" are."""
        for tok in reversed(self.doc[sentence_of(pronoun).start:pronoun.i]):
            if tok.dep_ in SUBJECT_DEPS and tok.pos_ == "NOUN" and not self.inside[tok.idx] \
                    and ("Number=Plur" in str(tok.morph) or tok.tag_ == "NNS") \
                    and tok.lemma_.lower() in self.lex.speaker_nouns:
                first = tok.left_edge
                text = doc_text(self.doc)[first.idx:tok.idx + len(tok)]
                return Speaker(visible(text), None, first.idx, tok.idx + len(tok), False, "phrase")
        return None

    def resolve_phrase(self, head: Any) -> Speaker | None:
        m = self.mention_at(head.idx)
        if m is not None:
            return self._group(head, m) or self.speaker_from_mention(m)
        lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
        # a name inside the subject phrase speaks only when it is a person ("the minister,
        # Juan Pérez"); "Mexico's defense secretary" is not Mexico
        inner = [x for x in self.mentions if lo <= x.start and x.end <= hi and self.is_person(x)]
        owners = [x for x in inner if self._possessor(x)]
        named = [x for x in inner if x not in owners]
        if len(named) > 1 and self._joined(named[0], named[1]):  # "owners Ana Ruiz and Bo Lind said"
            return Speaker(doc_text(self.doc)[named[0].start:named[1].end], None, named[0].start, named[1].end,
                           False, "group")
        if named:  # "Wise's dad, Darrin": the dad speaks, not Wise
            return self.speaker_from_mention(named[0])
        given = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text[:1].isupper()]
        if given and head.pos_ == "NOUN" and self._someone(head):  # a first name the model left untagged
            first, last = given[0], given[0]
            while first.i > given[0].left_edge.i and self.doc[first.i - 1].pos_ == "PROPN":
                first = self.doc[first.i - 1]  # the given name's own words, never the comma before it
            while last.i + 1 < len(self.doc) and self.doc[last.i + 1].head.i == given[0].i \
                    and self.doc[last.i + 1].dep_ in ("flat", "compound", "flat:name"):
                last = self.doc[last.i + 1]  # "Rigoberto Cházaro Luna": the surnames hang after it
            name = self.doc[first.i:last.i + 1]
            known = self.by_alias(name.text)
            if known is not None and known.kind == "person":
                return Speaker(known.name, known.id, name.start_char, name.end_char, True, "name")
            return Speaker(visible(name.text), None, name.start_char, name.end_char, True, "name")
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.org_nouns:
            for c in head.children:  # "the aid group Gatsby said": the organisation named in apposition
                m = self.mention_at(c.idx) if c.dep_ in ("appos", "compound") and c.i > head.i else None
                if m is not None and self._issuer(m):
                    return self.speaker_from_mention(m)
        document = head.lemma_.lower() in self.lex.document_nouns
        if owners and document:
            return self.speaker_from_mention(owners[0])  # "Ortiz's statement said" speaks for Ortiz
        mine = [c for c in head.children if c.dep_ == "poss" and c.lower_ in self.lex.possessive]
        if mine and document:  # "her statement read", "their release said"
            return self.resolve_pronoun(mine[0].idx, self.lex.possessive[mine[0].lower_])
        if document:
            issuer = self._document_speaker(head)
            if issuer is not None:
                return issuer
        role = self._role_match(head) or self._definite_reference(head)
        if role is not None:
            return role
        if not (head.pos_ == "PROPN" and head.text[:1].isupper()) and not (
                head.pos_ == "NOUN" and self._speaker_noun(head)):
            return None
        first, last = head.left_edge, head
        while last.i + 1 < len(self.doc) and self.doc[last.i + 1].head.i == head.i \
                and self.doc[last.i + 1].dep_ in ("flat", "compound", "flat:name"):
            last = self.doc[last.i + 1]  # "Juan Pérez" in Spanish hangs Pérez after Juan
        text = doc_text(self.doc)[first.idx:last.idx + len(last)]
        known = self.by_alias(text) if head.pos_ == "PROPN" else None
        if known is not None:  # a name the model left untagged here but tagged elsewhere
            return Speaker(known.name, known.id, first.idx, last.idx + len(last), known.kind == "person", "name")
        if head.pos_ == "NOUN" and self._someone_new(head):  # "a justice official said"
            speaker = Speaker(visible(text), None, first.idx, last.idx + len(last), True, "description")
            self.note_description(head.lemma_.lower(), speaker, head.idx)
            return speaker
        return Speaker(visible(text), None, first.idx, last.idx + len(last), head.pos_ == "PROPN", "phrase")

    def _someone(self, head: Any) -> bool:
        """A person noun: a speaker noun that is no organisation or document."""
        word = head.lemma_.lower()
        return word in self.lex.speaker_nouns and word not in self.lex.org_nouns \
            and word not in self.lex.document_nouns

    def _someone_new(self, head: Any) -> bool:
        """'a justice official', 'a witness': an indefinite singular person noun brings in a
        person the story has not named; a later "the official" or "he" may refer to them."""
        return self._someone(head) and "Number=Plur" not in str(head.morph) and head.tag_ != "NNS" \
            and any(c.dep_ == "det" and c.lower_ in self.lex.indefinite for c in head.children)

    def _joined(self, a: Mention, b: Mention) -> bool:
        """Two names joined by a conjunction ("Ana Ruiz and Bo Lind")."""
        first = self.doc.char_span(a.start, a.end, alignment_mode="expand")
        second = self.doc.char_span(b.start, b.end, alignment_mode="expand")
        return first is not None and second is not None and second.root.dep_ == "conj" \
            and second.root.head.i in range(first.start, first.end)

    def _named_issuer(self, head: Any) -> Speaker | None:
        """The person or organisation a document's phrase names as its issuer ('a statement from
        the EU', 'un informe de la ONU'; not 'a report about X'), noted as the last issuer cited."""
        for tok in self._document_phrase(head):
            m = None if tok.i == head.i or self.inside[tok.idx] else self.mention_at(tok.idx)
            if m is not None and self._issuer(m) and not self._about(tok, head):
                speaker = self.speaker_from_mention(m)
                self.note_issuer(speaker, head.idx)
                return speaker
        return None

    def _document_speaker(self, head: Any) -> Speaker | None:
        """A document speaks for whoever issued it: a person or organisation named in its
        phrase ('a statement from the EU', 'a release sent by the union', 'a paper on Acme
        Rail's website', not 'a report about X'), the owner in 'the union's release', else for
        'the report' the issuer of the last document cited."""
        if (speaker := self._named_issuer(head)) is not None:
            return speaker
        owner = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"]
        if owner:
            return self._definite_reference(owner[0])
        if any(c.dep_ == "det" and c.lower_ in self.lex.definite for c in head.children):
            return self.last_issuer(head.idx)
        return None

    def _document_phrase(self, head: Any) -> Iterable[Any]:
        """The words of a document's phrase: its subtree, and when it follows its verb ('says
        a paper titled X: Y on Acme Rail's website') the rest of the clause too, since the parse
        may hang the tail of a long inverted subject on the verb."""
        yield from head.subtree
        if head.dep_ in SUBJECT_DEPS and head.head.i < head.i:
            end = sentence_of(head).end
            while end < len(self.doc) and self.doc[end - 1].text == ":" and "\n" not in self.doc[end - 1].whitespace_:
                end = sentence_of(self.doc[end]).end  # a title's colon the parser took for a sentence end
            for tok in self.doc[head.right_edge.i + 1:end]:
                if self.inside[tok.idx] or tok.text == ";" or (tok.dep_ in ("cc", "conj") and tok.head.i == head.head.i):
                    break  # a quote, or the verb's next clause ("..., and police added")
                if tok.dep_ in ("poss", "pobj"):  # an owner or a preposition's object, not the title's words
                    yield tok

    def _issuer(self, m: Mention) -> bool:
        ent = self.entities.get(m.entity or "")
        return ent.kind in ("person", "organization") if ent else m.label in ("ORG", *PERSON_LABELS)

    def _about(self, tok: Any, head: Any) -> bool:
        """The name did not issue the document: the first link above it is a topic word
        ('about X', 'titled X'), or a passive 'by' of one ('obtained by X')."""
        topic = self.lex.topic_words
        while tok.i != head.i and tok.head.i != tok.i:
            tok = tok.head
            if tok.lower_ in topic:
                return True
            if tok.pos_ == "ADP":
                return tok.dep_ == "agent" and tok.head.lower_ in topic
        return False

    def _possessor(self, m: Mention) -> bool:
        """The mention owns something ("Wise's dad", "her statement"): it is not the noun
        phrase's referent."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and (span.root.dep_ == "poss" or any(
            t.dep_ == "case" and t.head.i == span.root.i for t in self.doc[span.end:span.end + 1]))

    def _group(self, head: Any, m: Mention) -> Speaker | None:
        """'Ana Ruiz and Bo Lind said': the speakers together, as written; a later "she"
        is neither of them alone, a later "they" is the pair."""
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        if not conj or not self.is_person(m):
            return None
        end = max(c.right_edge.idx + len(c.right_edge) for c in conj)
        return Speaker(doc_text(self.doc)[m.start:end], None, m.start, end, False, "group")

    def _speaker_noun(self, head: Any) -> bool:
        """A nameless subject speaks only when it is someone: a noun of the lexicon's
        speaker nouns (officials, sources, police, report ...) or a role of a named person."""
        word = head.lemma_.lower()
        return word in self.lex.speaker_nouns or head.lower_ in self.lex.speaker_nouns or any(
            word in r.lower().split() for e in self.entities.values() for r in e.roles)



def same_sentence(text: str, abbreviations: frozenset[str] = frozenset()) -> bool:
    """No sentence ends inside `text` (the stretch between a quote and its cue). A full stop
    after an initial ("Harry J. Roe", "the U.S. envoy") or after one of the language's
    abbreviations ("Sen.", "Dr.") ends no sentence."""
    for end in _SENTENCE_END.finditer(text + " "):
        word = _WORD_BEFORE.search(text, 0, end.start())
        if text[end.start()] == "." and word is not None and (
                len(word.group(1)) == 1 or word.group(1).casefold() in abbreviations):
            continue
        return False
    return True


def tokens_in(doc: Any, start: int, end: int) -> Iterable[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else []
