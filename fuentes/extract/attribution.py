"""Who is speaking: speech cues in the parse, their subjects, and subjects resolved to entities.

`Resolver` works on one article: the spaCy Doc of the body, the mentions/entities of the
entity stage and the quote spans. It finds speech cues outside quotes (verbs from the
language's lexicon, cue phrases such as "according to" / "según"), the subject each cue
reports (nsubj, passive agent, a relative clause's noun, or the subject of the verb a
participle hangs from), and resolves that subject to a local entity: a name through the
mention covering it, a pronoun or a dropped Spanish subject through the last compatible
person (the last named speaker first, then the last person named before; gender from
honorifics and from the pronouns that follow a name).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from fuentes.extract.speech import Lexicon, QuoteSpan
from fuentes.model import Entity, Mention

PERSON_LABELS = {"PERSON", "PER"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "parataxis", "dep", "acomp", "pcomp", "prep"}
NOUN_POS = {"NOUN", "PROPN", "PRON"}
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb)]*\s")
PRONOUN_REACH = 3  # paragraphs back that a pronoun may reach to the last speaker
# votes for a person's gender: an honorific before the name is near certain, a first name
# (from gender-guesser's name lists) is strong, one pronoun after a mention is weak
TITLE_VOTE, NAME_VOTE, PRONOUN_VOTE = 2.0, 1.5, 1.0


@lru_cache(maxsize=1)
def _name_detector() -> Any | None:
    """gender-guesser's first-name detector (offline data shipped in the package), or None
    when it is not installed: genders then come from honorifics and pronouns only."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:
        return None
    return Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """"m"/"f" for a full name whose first word is a clearly gendered first name ("Doug
    Purdy" -> "m"); None for a single word (a surname), initials or an ambiguous name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", name) if len(w) > 1]
    detector = _name_detector()
    if len(words) < 2 or detector is None or not words[0][:1].isupper():
        return None
    return {"male": "m", "female": "f"}.get(detector.get_gender(words[0]))


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: display name, local entity key (None when no entity), phrase span."""

    name: str | None
    entity: str | None
    start: int
    end: int
    person: bool = False
    via: str = "name"  # "name", "pronoun", "phrase"


class Resolver:
    """Speech cues and speakers of one article."""

    def __init__(self, doc: Any, mentions: list[Mention], entities: list[Entity],
                 spans: list[QuoteSpan], lex: Lexicon, paragraph_of: Any):
        self.doc, self.lex = doc, lex
        self.paragraph_of = paragraph_of  # char offset -> paragraph index
        self.entities = {e.id: e for e in entities}
        self.inside = bytearray(len(doc.text) + 1)
        for span in spans:
            self.inside[span.open:span.close] = b"\x01" * (span.close - span.open)
        self.mentions = sorted((m for m in mentions if not self.inside[m.start]), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.gender: dict[str, str] = {}
        self.last: list[tuple[Speaker, int, int]] = []  # speakers so far: paragraph, cue offset
        self._infer_gender()

    # ---- mentions and entities -------------------------------------------------------
    def key(self, m: Mention) -> str:
        return m.entity or "~" + m.text.casefold()

    def is_person(self, m: Mention) -> bool:
        ent = self.entities.get(m.entity or "")
        return ent.kind == "person" if ent else m.label in PERSON_LABELS

    def mention_at(self, char: int) -> Mention | None:
        i = bisect.bisect_right(self._starts, char) - 1
        for m in self.mentions[max(0, i - 1):i + 1][::-1]:
            if m.start <= char < m.end:
                return m
        return None

    def speaker_from_mention(self, m: Mention, via: str = "name") -> Speaker:
        ent = self.entities.get(m.entity or "")
        name = ent.name if ent else m.text
        return Speaker(name, m.entity, m.start, m.end, self.is_person(m), via)

    # ---- gender ----------------------------------------------------------------------
    def _pronoun_gender(self, tok: Any) -> str | None:
        word = tok.lower_
        return self.lex.pronouns.get(word) or self.lex.possessive.get(word)

    def _infer_gender(self) -> None:
        """Votes per person: honorific before a name, the first name of the person's fullest
        name, then the first gendered pronoun after each mention (outside quotes, before any
        other person is named, within two sentences)."""
        votes: dict[str, dict[str, float]] = {}

        def vote(key: str, gender: str, weight: float) -> None:
            got = votes.setdefault(key, {"m": 0.0, "f": 0.0})
            got[gender] += weight

        people = [m for m in self.mentions if self.is_person(m)]
        named: dict[str, list[str]] = {}
        for m in people:  # an entity's names, else the mention's own text
            ent = self.entities.get(m.entity or "")
            named.setdefault(self.key(m), [ent.name, *ent.aliases] if ent else [m.text])
        for key, names in named.items():
            gender = next((g for g in map(first_name_gender, names) if g), None)
            if gender:
                vote(key, gender, NAME_VOTE)
        for n, m in enumerate(people):
            first = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if first is None:
                continue
            prev = self.doc[first.start - 1] if first.start > 0 else None
            if prev is not None and prev.lower_ in self.lex.titles:
                vote(self.key(m), self.lex.titles[prev.lower_], TITLE_VOTE)
            limit = people[n + 1].start if n + 1 < len(people) else len(self.doc.text)
            sentences = 0
            for tok in self.doc[first.end:]:
                if tok.idx >= limit or sentences > 1:
                    break
                sentences += tok.is_sent_start or 0
                gender = None if self.inside[tok.idx] or self._speaks(tok) else self._pronoun_gender(tok)
                if gender in ("m", "f"):
                    vote(self.key(m), gender, PRONOUN_VOTE)
                    break
        for key, got in votes.items():
            if got["m"] != got["f"]:
                self.gender[key] = max(("m", "f"), key=got.__getitem__)

    def _speaks(self, tok: Any) -> bool:
        """The subject of a speech verb: the pronouns attribution resolves, so no evidence."""
        return tok.dep_ in SUBJECT_DEPS and self.lex.is_cue_lemma(tok.head.lemma_.lower())

    def compatible(self, speaker: Speaker, gender: str | None) -> bool:
        if gender is None:
            return True
        if gender in ("p", "n"):
            return not speaker.person
        known = self.gender.get(speaker.entity or "~" + (speaker.name or "").casefold())
        return speaker.person and known in (None, gender)

    # ---- cues ------------------------------------------------------------------------
    def cues(self) -> list[Any]:
        """Speech-cue tokens outside quotes, in text order (a phrase cue by its first token)."""
        found, lex = [], self.lex
        phrase_firsts = {p[0] for p in lex.phrases}
        for tok in self.doc:
            if self.inside[tok.idx]:
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lex.is_cue_lemma(lemma):
                particle = lex.needs_particle.get(lemma)
                if particle and not any(c.lower_ == particle for c in tok.children):
                    continue
                found.append(tok)
            elif tok.lower_ in phrase_firsts and self.phrase_at(tok):
                found.append(tok)
        return found

    def phrase_at(self, tok: Any) -> tuple[str, ...] | None:
        for phrase in self.lex.phrases:
            words = [t.lower_ for t in self.doc[tok.i:tok.i + len(phrase)]]
            if tuple(words) == phrase:
                return phrase
        return None

    def is_indirect_verb(self, tok: Any) -> bool:
        return tok.lemma_.lower() in self.lex.verbs

    def subject_token(self, cue: Any) -> Any | None:
        """The token naming who speaks through `cue`, or None (dropped subject)."""
        phrase = self.phrase_at(cue)
        if phrase:
            for tok in self.doc[cue.i + len(phrase):cue.sent.end]:
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
                    return child
                if child.dep_ == "agent":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in NOUN_POS:
                return verb.head  # "Ms. X, who said ...", "officials saying ..."
            if verb.dep_ not in CLIMB_DEPS or verb.head is verb:
                break
            verb = verb.head
        return self._near_subject(cue)

    def _near_subject(self, cue: Any) -> Any | None:
        """When the parse gives no subject: a person name or pronoun right beside the cue."""
        lo, hi = max(cue.sent.start, cue.i - 3), min(cue.sent.end, cue.i + 4)
        for tok in sorted(self.doc[lo:hi], key=lambda t: abs(t.i - cue.i)):
            if self.inside[tok.idx] or tok.i == cue.i:
                continue
            m = self.mention_at(tok.idx)
            if (m and self.is_person(m)) or tok.lower_ in self.lex.pronouns:
                return tok
        return None

    # ---- resolution ------------------------------------------------------------------
    def resolve_cue(self, cue: Any) -> Speaker | None:
        subject = self.subject_token(cue)
        if subject is None:  # a dropped subject (Spanish) reads like a pronoun
            return self.resolve_pronoun(cue.idx, None) if self.lex.language != "en" else None
        word = subject.lower_
        if word in self.lex.pronouns and subject.pos_ == "PRON":
            return self.resolve_pronoun(subject.idx, self.lex.pronouns[word])
        return self.resolve_phrase(subject)

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
        if named:  # "Wise's dad, Darrin": the dad speaks, not Wise
            return self.speaker_from_mention(named[0])
        document = head.lemma_.lower() in self.lex.document_nouns
        if owners and document:
            return self.speaker_from_mention(owners[0])  # "Ortiz's statement said" speaks for Ortiz
        mine = [c for c in head.children if c.dep_ == "poss" and c.lower_ in self.lex.possessive]
        if mine and document:  # "her statement read", "their release said"
            return self.resolve_pronoun(mine[0].idx, self.lex.possessive[mine[0].lower_])
        role = self._role_match(head) or self._definite_reference(head)
        if role is not None:
            return role
        if not (head.pos_ == "PROPN" and head.text[:1].isupper()) and not (
                head.pos_ == "NOUN" and self._speaker_noun(head)):
            return None
        first, last = head.left_edge, head
        while last.i + 1 < len(self.doc) and self.doc[last.i + 1].head is head \
                and self.doc[last.i + 1].dep_ in ("flat", "compound", "flat:name"):
            last = self.doc[last.i + 1]  # "Juan Pérez" in Spanish hangs Pérez after Juan
        text = self.doc.text[first.idx:last.idx + len(last)]
        return Speaker(text, None, first.idx, last.idx + len(last), head.pos_ == "PROPN", "phrase")

    def _possessor(self, m: Mention) -> bool:
        """The mention owns something ("Wise's dad", "her statement"): it is not the noun
        phrase's referent."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and (span.root.dep_ == "poss" or any(
            t.dep_ == "case" and t.head is span.root for t in self.doc[span.end:span.end + 1]))

    def _group(self, head: Any, m: Mention) -> Speaker | None:
        """'Ana Ruiz and Bo Lind said': the speakers together, as written; a later "she"
        is neither of them alone, a later "they" is the pair."""
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        if not conj or not self.is_person(m):
            return None
        end = max(c.right_edge.idx + len(c.right_edge) for c in conj)
        return Speaker(self.doc.text[m.start:end], None, m.start, end, False, "group")

    def _speaker_noun(self, head: Any) -> bool:
        """A nameless subject speaks only when it is someone: a noun of the lexicon's
        speaker nouns (officials, sources, police, report ...) or a role of a named person."""
        word = head.lemma_.lower()
        return word in self.lex.speaker_nouns or head.lower_ in self.lex.speaker_nouns or any(
            word in r.lower().split() for e in self.entities.values() for r in e.roles)

    def _definite_reference(self, head: Any) -> Speaker | None:
        """'the rookie defenceman said' refers back like a pronoun: to a person, or for
        'the company' to an organisation; documents ('the report') stay as written."""
        singular = "Number=Plur" not in str(head.morph) and head.tag_ not in ("NNS",)
        common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())
        if not common or not singular or head.lemma_.lower() in self.lex.document_nouns:
            return None
        if not any(c.dep_ == "det" and c.lower_ in self.lex.definite for c in head.children):
            return None
        gender = "n" if head.lemma_.lower() in self.lex.org_nouns else None
        return self.resolve_pronoun(head.idx, gender)

    def _role_match(self, head: Any) -> Speaker | None:
        """'the senator said' -> the person of this article whose role names a senator."""
        if head.pos_ != "NOUN":
            return None
        word = head.lemma_.lower()
        hits = [e for e in self.entities.values()
                if e.kind == "person" and any(word in r.lower().split() for r in e.roles)]
        if len(hits) != 1:
            return None
        ent = hits[0]
        return Speaker(ent.name, ent.id, head.idx, head.idx + len(head), True, "role")

    def resolve_pronoun(self, char: int, gender: str | None) -> Speaker | None:
        """Candidates walking back from the pronoun, in tiers: people named as the subject of
        a clause since the last speaker's cue (a person newly brought in is the referent);
        the recent speakers, latest first (else the story is still with whoever spoke last);
        then anyone named. In the first tier with a candidate not known to clash in gender, the
        first known to match wins, else the first."""
        here = self.paragraph_of(char)
        speakers: list[Speaker] = []
        last_at = -1
        for speaker, para, at in reversed(self.last):
            if here - para > PRONOUN_REACH:
                break
            last_at = max(last_at, at)
            if all(self._gkey(speaker) != self._gkey(s) for s in speakers):
                speakers.append(speaker)
        ranked: list[Speaker] = []
        others: list[Speaker] = []
        i = bisect.bisect_left(self._starts, char) - 1
        while i >= 0 and char - self.mentions[i].start < 3000:
            m = self.mentions[i]
            i -= 1
            if m.end > char or not self._fits(m, gender):
                continue
            cand = self.speaker_from_mention(m, "pronoun")
            if m.start >= last_at and self._is_subject(m):
                ranked.append(cand)
            else:
                others.append(cand)
        for tier in (ranked, speakers, others):
            fits = [c for c in tier if self.compatible(c, gender)]
            known = [c for c in fits if self.gender.get(self._gkey(c)) == gender]
            if fits:
                return self._learn((known or fits)[0], gender)
        return None

    def _gkey(self, speaker: Speaker) -> str:
        return speaker.entity or "~" + (speaker.name or "").casefold()

    def _fits(self, m: Mention, gender: str | None) -> bool:
        """People for he/she/dropped subjects; organisations for it/they."""
        if gender in ("p", "n"):
            ent = self.entities.get(m.entity or "")
            return (ent.kind == "organization") if ent else m.label == "ORG"
        return self.is_person(m)

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while root.dep_ in ("appos", "compound", "flat", "conj") and root.head is not root:
            root = root.head
        if root.dep_ not in SUBJECT_DEPS and root.dep_ != "nsubjpass":
            return False
        node = root.head  # "X said Y had left": Y acts inside X's words, not in the story
        for anc in node.ancestors:
            if node.dep_ == "ccomp" and self.lex.is_cue_lemma(anc.lemma_.lower()):
                return False
            node = anc
        return True

    def _learn(self, speaker: Speaker, gender: str | None) -> Speaker:
        key = speaker.entity or "~" + (speaker.name or "").casefold()
        if gender in ("m", "f") and key not in self.gender:
            self.gender[key] = gender  # "he added" -> this person is a he from now on
        return Speaker(speaker.name, speaker.entity, speaker.start, speaker.end, speaker.person, "pronoun")

    def note_speaker(self, speaker: Speaker, char: int) -> None:
        if speaker.entity or speaker.person or speaker.via == "group":
            self.last.append((speaker, self.paragraph_of(char), char))


def same_sentence(text: str) -> bool:
    """No sentence ends inside `text` (the stretch between a quote and its cue)."""
    return _SENTENCE_END.search(text + " ") is None if text.strip() else True


def tokens_in(doc: Any, start: int, end: int) -> Iterable[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else []
