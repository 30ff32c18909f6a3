"""Who a speaker phrase refers to: the people and organisations of one article as
antecedents, their genders, and the resolution of pronouns, dropped subjects, definite
descriptions ("the rookie defenceman") and roles ("the senator") to one of them.

`Referents` holds the article's mentions and entities and what the quote stage has learnt so
far (speakers in text order, genders); `fuentes.extract.attribution` finds the subject of each
speech cue and asks it what that subject refers to. Candidates for a pronoun come in tiers:
people brought in as the subject of a clause (or newly introduced) since the last speaker's
cue, the recent speakers, then anyone named; gender from honorifics, first names and the
pronouns that follow a name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX, LOWER, SENT_START
from spacy.strings import hash_string

from fuentes.extract.aliases import lexicon as name_lexicon
from fuentes.extract.aliases import name_tokens
from fuentes.extract.entities import photo_credits
from fuentes.extract.speech import Lexicon, QuoteSpan
from fuentes.model import Entity, Mention
from fuentes.nlp.text import doc_cache, doc_text, sentence_of

PERSON_LABELS = {"PERSON", "PER"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
PRONOUN_REACH = 3  # paragraphs back that a pronoun may reach to the last speaker
ISSUER_REACH = 12  # paragraphs back that "the report" may reach to the last document cited
# votes for a person's gender: an honorific before the name is near certain, a first name
# (from gender-guesser's name lists) is strong, one pronoun after a mention is weak
TITLE_VOTE, NAME_VOTE, PRONOUN_VOTE = 2.0, 1.5, 1.0
# a parenthesis closing its paragraph: a credit when it holds a credit word ("FILE PHOTO")
_PAREN_AT_END = re.compile(r"\(([^()\n]{1,80})\)[ \t]*(?=\n|$)")


@lru_cache(maxsize=1)
def _name_detector() -> Any | None:
    """gender-guesser's first-name detector (offline data shipped in the package), or None
    when it is not installed: genders then come from honorifics and pronouns only. Its table
    (61,000 names parsed from a 4 MB text file, about 0.15 s of CPU) is kept in the user's
    cache folder as JSON, named by a digest of the data file, and read back by later processes
    in a third of the time; the same table either way."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:
        return None
    return _cached_detector(Detector) or Detector(case_sensitive=False)


def _cached_detector(detector_class: Any) -> Any | None:
    """The case-insensitive detector with its name table read from the cache (written there
    when absent), or None when the cache is off or the package is not laid out as expected."""
    import hashlib
    import json
    from pathlib import Path

    from fuentes.nlp.sentence_encoder import cache_dir, read_cached, write_cached

    if cache_dir() is None:
        return None
    try:
        import gender_guesser.detector as module
        data = (Path(module.__file__).parent / "data" / "nam_dict.txt").read_bytes()
    except (ImportError, OSError):
        return None
    name = f"gender-names-{hashlib.sha256(data).hexdigest()[:20]}.json"
    found = read_cached(name)
    if found is not None:
        try:
            names = json.loads(found)
        except ValueError:  # a damaged file: parsed again
            names = None
        if isinstance(names, dict):
            detector = detector_class.__new__(detector_class)
            detector.case_sensitive, detector.names = False, names
            return detector
    detector = detector_class(case_sensitive=False)
    if isinstance(getattr(detector, "names", None), dict):
        write_cached(name, json.dumps(detector.names, ensure_ascii=False).encode("utf-8"))
    return detector


@lru_cache(maxsize=4096)
def _first_word_reading(name: str) -> str | None:
    """What the first-name list says of a full name's first word ("male", "mostly_female",
    "andy", "unknown" ...); None for a single word (a surname), initials or no list."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", name) if len(w) > 1]
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return _word_reading(words[0])


@lru_cache(maxsize=65536)
def _word_reading(word: str) -> str | None:
    """The first-name list's reading of one word (one lookup per distinct first word, however
    many full names open with it), or None without the list."""
    detector = _name_detector()
    return detector.get_gender(word) if detector is not None else None


def first_name_gender(name: str) -> str | None:
    """"m"/"f" for a full name whose first word is a clearly gendered first name ("Doug
    Purdy" -> "m"); None for a single word (a surname), initials or an ambiguous name."""
    return {"male": "m", "female": "f"}.get(_first_word_reading(name))


def given_name_first(name: str) -> bool:
    """Whether a full name opens with a word the first-name list knows, of any gender ("Bernie
    Sanders", "Andrea Ruiz"; not "Lockheed Martin", "Best Buy")."""
    return _first_word_reading(name) not in (None, "unknown")


_PRONOUN_HASHES: dict[int, tuple[Lexicon, dict[int, str | None]]] = {}


def _pronoun_hashes(lex: Lexicon) -> dict[int, str | None]:
    """Hash of a lowered word (spaCy's LOWER) -> what `lex.pronoun_gender` says of it, for the
    lexicon's pronouns and possessives (of every other word it says None); once per lexicon."""
    entry = _PRONOUN_HASHES.get(id(lex))
    if entry is None or entry[0] is not lex:
        table = {hash_string(word): lex.pronoun_gender(word) for word in {*lex.pronouns, *lex.possessive}}
        entry = _PRONOUN_HASHES[id(lex)] = (lex, table)
    return entry[1]


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: display name, local entity key (None when no entity), phrase span."""

    name: str | None
    entity: str | None
    start: int
    end: int
    person: bool = False
    via: str = "name"  # "name", "pronoun", "phrase"


def _role_head(role: str) -> str:
    """The head noun of a role: 'owner of Acme' -> 'owner', 'former diplomat' -> 'diplomat'."""
    words = re.split(r"\s+(?:of|de|del|for|at|in|en|para)\s+|,", role.casefold(), maxsplit=1)[0].split()
    return words[-1] if words else ""


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """text[start:end] sits inside a pair of parentheses on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opened = text.rfind("(", line_start, start) > text.rfind(")", line_start, start)
    close = text.find(")", end, line_end)
    return opened and close >= 0 and "(" not in text[end:close]


class Referents:
    """The antecedents of one article and what attribution has learnt about them."""

    def __init__(self, doc: Any, mentions: list[Mention], entities: list[Entity],
                 spans: list[QuoteSpan], lex: Lexicon, paragraph_of: Any):
        self.doc, self.lex = doc, lex
        self.paragraph_of = paragraph_of  # char offset -> paragraph index
        self.entities = {e.id: e for e in entities}
        self.inside = bytearray(len(doc_text(doc)) + 1)
        for span in spans:
            self.inside[span.open:span.close] = b"\x01" * (span.close - span.open)
        self.caption = self._captions(doc)
        self._aliases: dict[tuple[str, ...], set[str]] = {}
        for e in entities:
            for alias in {e.name, *e.aliases}:
                self._aliases.setdefault(name_tokens(alias), set()).add(e.id)
        role = name_lexicon(lex.language).credit_role
        # photographers (every mention in parentheses, credited) take no part in the story
        text = doc_text(doc)
        self.credited = {e.id for e in entities if role in e.roles} - {
            m.entity for m in mentions if not _in_parentheses(text, m.start, m.end)}
        self.mentions = sorted((m for m in mentions if not self.inside[m.start]), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.gender: dict[str, str] = {}
        self.last: list[tuple[Speaker, int, int]] = []  # speakers so far: paragraph, cue offset
        self.issuers: list[tuple[Speaker, int]] = []  # who issued the documents cited so far
        self.descriptions: list[tuple[str, Speaker, int]] = []  # "a justice official": head, speaker, offset
        self._spans: dict[tuple[int, int], Any] = {}  # a mention's span of the parse (`_span_of`)
        self._infer_gender()
        self.described = self._descriptions()

    def _captions(self, doc: Any) -> bytearray:
        """Photo captions inside the body: the sentence that ends in a photo credit ('... says
        he lost 16 lbs. (Jane Roe/The Star)') and the credit. A caption stands outside the
        story's flow: its people are no antecedents for the story's pronouns, its speakers do
        not carry over, and the photographer never speaks."""
        marks = bytearray(len(doc_text(doc)) + 1)
        names = name_lexicon(self.lex.language)
        credits = [(c.open, c.close) for c in photo_credits(doc_text(doc), names)]
        for m in _PAREN_AT_END.finditer(doc_text(doc)):  # "( THE CANADIAN PRESS FILE PHOTO )": no name
            if names.credit_words & set(m.group(1).casefold().split()):
                credits.append((m.start(), m.end(1) + 1))
        for open_, close in credits:
            before = doc.char_span(0, open_, alignment_mode="contract")
            start = sentence_of(before[-1]).start_char if before is not None and len(before) else open_
            marks[start:close] = b"\x01" * (close - start)
        return marks

    def by_alias(self, text: str) -> Entity | None:
        """The one entity of the article that `text` names exactly (accents, case and
        invisible characters aside)."""
        ids = self._aliases.get(name_tokens(text), set())
        return self.entities[next(iter(ids))] if len(ids) == 1 else None

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

    def _pronoun_gender(self, tok: Any) -> str | None:
        return self.lex.pronoun_gender(tok.lower_)

    def _span_of(self, m: Mention) -> Any:
        """The mention's span of the parse (whole tokens), made once for the gender votes and the
        descriptions."""
        key = (m.start, m.end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return self._spans[key]

    def _token_table(self) -> tuple[list[int], list[int], list[str | None]]:
        """Per token, read from the Doc's arrays without making a Token of each: its character
        offset, 1 when it opens a sentence (`is_sent_start` true) else 0, and the gender its
        word gives as a pronoun (`_pronoun_gender`), each distinct word read once. Made once per
        Doc and lexicon (the quote stage's antecedents and the claims stage's read the same
        table; the lists are shared, so callers only read them)."""
        memo = doc_cache(self.doc)
        entry = memo.get(("speakers.token_table", id(self.lex)))
        if entry is None or entry[0] is not self.lex:
            entry = memo[("speakers.token_table", id(self.lex))] = (self.lex, self._read_token_table())
        return entry[1]

    def _read_token_table(self) -> tuple[list[int], list[int], list[str | None]]:
        doc = self.doc
        if not len(doc):
            return [], [], []
        table = doc.to_array([IDX, SENT_START, LOWER])
        said = _pronoun_hashes(self.lex)  # by the words' hashes: no word is read back from the string store
        return (table[:, 0].tolist(), (table[:, 1] == 1).astype(int).tolist(),
                [said.get(key) for key in table[:, 2].tolist()])

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
        offsets, starts, genders = self._token_table() if people else ([], [], [])
        for n, m in enumerate(people):
            first = self._span_of(m)
            if first is None:
                continue
            prev = self.doc[first.start - 1] if first.start > 0 else None
            if prev is not None and prev.lower_ in self.lex.titles:
                vote(self.key(m), self.lex.titles[prev.lower_], TITLE_VOTE)
            limit = people[n + 1].start if n + 1 < len(people) else len(doc_text(self.doc))
            sentences = 0
            for i in range(first.end, len(self.doc)):
                if offsets[i] >= limit or sentences > 1:
                    break
                sentences += starts[i]
                gender = genders[i]  # a gendered pronoun first: the other tests only for one
                if gender in ("m", "f") and not self.inside[offsets[i]] and not self._speaks(self.doc[i]):
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

    def _definite_reference(self, head: Any) -> Speaker | None:
        """'the rookie defenceman said' refers back like a pronoun: to a person, or for
        'the company' to an organisation; documents ('the report') stay as written."""
        singular = "Number=Plur" not in str(head.morph) and head.tag_ not in ("NNS",)
        common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())
        if not common or not singular or head.lemma_.lower() in self.lex.document_nouns:
            return None
        if not any(c.dep_ == "det" and c.lower_ in self.lex.definite for c in head.children):
            return None
        if head.lemma_.lower() in self.lex.org_nouns:
            return self._role_match(head, "organization") or self._named_org(head) \
                or self.resolve_pronoun(head.idx, "n")
        return self._described_speaker(head) or self.resolve_pronoun(head.idx, None)

    def note_description(self, lemma: str, speaker: Speaker, char: int) -> None:
        self.descriptions.append((lemma, speaker, char))

    def _described_speaker(self, head: Any) -> Speaker | None:
        """'the official said' after 'a justice official said': the person brought in by that
        description, when nobody named was given the same description since."""
        here = self.paragraph_of(head.idx)
        word = head.lemma_.lower()
        for lemma, speaker, at in reversed(self.descriptions):
            if at < head.idx and lemma == word and here - self.paragraph_of(at) <= ISSUER_REACH:
                if any(at < start < head.idx and word in heads for start, _, heads, _ in self.described):
                    return None
                return Speaker(speaker.name, None, head.idx, head.idx + len(head), True, "description")
        return None

    def _descriptions(self) -> list[tuple[int, Mention, frozenset[str], frozenset[str]]]:
        """(offset, mention, head nouns, all words) of the descriptions a person or
        organisation carries: the words right before the name ("Mayor Jane Doe", "rookie
        defenceman Al Roe", "media company GroupM"), an apposition either side ("Jane Doe, the
        owner of X"; "the city's mayor, Jane Doe"), a copula ("X is a union") and the entity
        stage's roles."""
        found, first = [], {}
        for m in self.mentions:
            first.setdefault(m.entity or "", m)
        for m in self.mentions:
            ent = self.entities.get(m.entity or "")
            kind = ent.kind if ent else ("person" if self.is_person(m) else "organization" if m.label == "ORG" else "")
            span = self._span_of(m)
            if kind not in ("person", "organization") or span is None or self.caption[m.start]:
                continue
            root, heads, words = span.root, set(), set()
            chain = self._title_chain(span)
            if chain:
                heads.add(chain[-1].lemma_)
                words.update(t.lemma_ for t in chain)
            for noun in [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"] + (
                    [root.head] if root.dep_ == "appos" and root.head.pos_ == "NOUN" else []) + (
                    [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
                    if root.dep_ in SUBJECT_DEPS and root.head.lemma_ in ("be", "ser") else []):
                heads.add(noun.lemma_)
                words.update(t.lemma_ for t in noun.children if t.dep_ in ("amod", "compound"))
            if ent is not None and m is first.get(ent.id):
                heads.update(_role_head(r) for r in ent.roles)
                words.update(w for r in ent.roles for w in r.split())
            heads = {h.casefold() for h in heads if h}
            if heads:
                found.append((m.start, m, frozenset(heads), frozenset(w.casefold() for w in words | heads)))
        return found

    def _title_chain(self, span: Any) -> list[Any]:
        """The words before a name that describe it ("Democratic presidential nominee"), up to
        another name or a word that does not hang from the name."""
        chain, i = [], span.start - 1
        inside = set(range(span.start, span.end))
        while i >= 0 and len(chain) < 5:
            tok = self.doc[i]
            if not tok.is_alpha or tok.dep_ not in ("compound", "amod", "nmod") or self.mention_at(tok.idx) \
                    or (tok.head.i not in inside and tok.head.i not in {t.i for t in chain}):
                break
            chain.insert(0, tok)
            i -= 1
        return chain

    def _role_match(self, head: Any, kind: str = "person") -> Speaker | None:
        """'the mayor said' -> the one named earlier whose description has "mayor" as its
        head ('Mayor Jane Doe', 'Jane Doe, the city's mayor'); when several, the one sharing
        most of the description's words ('the Democratic nominee'), then the one mentioned
        last."""
        if head.pos_ != "NOUN" or "Number=Plur" in str(head.morph) or any(
                (c.dep_ == "det" and c.lower_ not in self.lex.definite) or (c.dep_ == "poss" and c.pos_ == "PRON")
                for c in head.children):
            return None  # "officials said", "a senator said", "his lawyer said" bring in someone new
        word = head.lemma_.casefold()
        mods = {c.lemma_.casefold() for c in head.children if c.dep_ in ("amod", "compound")}
        # a capitalised modifier sets holders apart: "the Democratic nominee" is not
        # "Republican nominee X", "the Cambridge resident" not "a Kitchener resident"
        proper = {c.lemma_.casefold() for c in head.children if c.dep_ in ("amod", "compound")
                  and c.text[:1].isupper()}
        best: dict[str, tuple[int, Mention]] = {}
        for start, m, heads, words in self.described:
            if start < head.idx and word in heads and m.entity not in self.credited \
                    and self.is_person(m) == (kind == "person") and proper <= words:
                best[self.key(m)] = (len(mods & words), m)
        if not best:
            return None
        latest = {self.key(m): m.start for m in self.mentions if m.end <= head.idx}
        _, m = max(best.values(), key=lambda v: (v[0], latest.get(self.key(v[1]), -1)))
        found = self.speaker_from_mention(m, "role")
        return Speaker(found.name, found.entity, head.idx, head.idx + len(head), found.person, "role")

    def _named_org(self, head: Any) -> Speaker | None:
        """'the union said' -> the nearest organisation named before whose name holds the
        noun or one of the lexicon's name marks for it ("Local 832", "Acme Inc.")."""
        word = head.lemma_.casefold()
        marks = {word, *self.lex.org_marks.get(word, ())}
        i = bisect.bisect_left(self._starts, head.idx) - 1
        while i >= 0 and head.idx - self.mentions[i].start < 3000:
            m = self.mentions[i]
            i -= 1
            if m.end > head.idx or not self._fits(m, "n"):
                continue
            ent = self.entities.get(m.entity or "")
            names = {ent.name, *ent.aliases} if ent else {m.text}
            if any(marks & set(re.findall(r"[\w']+", n.casefold().replace(".", ""))) for n in names):
                return self.speaker_from_mention(m, "role")
        return None

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
            if m.end > char or not self._fits(m, gender) or (self.caption[m.start] and not self.caption[char]):
                continue
            cand = self.speaker_from_mention(m, "pronoun")
            if m.start >= last_at and (self._is_subject(m) or self._just_introduced(m, char)):
                ranked.append(cand)
            else:
                others.append(cand)
        for n, tier in enumerate((ranked, speakers, others)):
            fits = [c for c in tier if self.compatible(c, gender)]
            # a dropped subject (gender None) says no gender: an ungendered candidate (an
            # organisation) is no better a match than the person who spoke last
            known = [c for c in fits if self.gender.get(self._gkey(c)) == gender] if gender is not None else []
            if fits:  # a person just brought in is the referent even when their gender is unknown
                return self._learn(fits[0] if n == 0 else (known or fits)[0], gender)
        return None

    def _just_introduced(self, m: Mention, char: int) -> bool:
        """A person named for the first time in the sentence right before the pronoun's own,
        in the same paragraph, alone there (photo captions aside): "... results for accountant
        Ana Ruiz, 50. 'I had ...,' she says" speaks of Ana Ruiz though she is no clause's subject."""
        at = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if at is None or sentence_of(at[0]).start == 0 or self.paragraph_of(m.start) != self.paragraph_of(char):
            return False
        before = sentence_of(self.doc[sentence_of(at[0]).start - 1])
        if not (before.start_char <= m.start < before.end_char) or not self.is_person(m):
            return False
        people = {self.key(x) for x in self.mentions if before.start_char <= x.start < before.end_char
                  and self.is_person(x)}
        first = next((x for x in self.mentions if self.key(x) == self.key(m) and not self.caption[x.start]), m)
        return people == {self.key(m)} and first.start == m.start

    def _gkey(self, speaker: Speaker) -> str:
        return speaker.entity or "~" + (speaker.name or "").casefold()

    def _fits(self, m: Mention, gender: str | None) -> bool:
        """People for he/she/dropped subjects; organisations for it/they."""
        if gender in ("p", "n"):
            ent = self.entities.get(m.entity or "")
            return (ent.kind == "organization") if ent else m.label == "ORG"
        return self.is_person(m) and m.entity not in self.credited

    def _is_subject(self, m: Mention) -> bool:
        span = self._span_of(m)
        if span is None:
            return False
        root = span.root
        while root.dep_ in ("appos", "compound", "flat", "conj") and root.head.i != root.i:
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

    def note_issuer(self, speaker: Speaker, char: int) -> None:
        self.issuers.append((speaker, char))

    def last_issuer(self, char: int) -> Speaker | None:
        """'the report said': the issuer of the last document cited before, within reach."""
        here = self.paragraph_of(char)
        for speaker, at in reversed(self.issuers):
            if at < char and here - self.paragraph_of(at) <= ISSUER_REACH:
                return Speaker(speaker.name, speaker.entity, speaker.start, speaker.end, speaker.person, "document")
        return None

    def note_speaker(self, speaker: Speaker, char: int) -> None:
        if self.caption[char]:
            return  # a caption's speaker does not carry on into the story
        if speaker.entity or speaker.person or speaker.via == "group":
            self.last.append((speaker, self.paragraph_of(char), char))
