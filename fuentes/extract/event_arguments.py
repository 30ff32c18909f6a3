"""Arguments of an event mention from the dependency parse: its actor (subject, "by X",
"attributed to X"), its target (object, passive subject, "of X", the subject of "survived an
attack"), its place ("in X"), its date and the fatalities it states. Arguments are the
article's local entity keys; a pronoun takes the last person named before it ("I" inside a
quote: the quote's speaker); a nationality adjective is never the participant ("Mexican
marines" is not "Mexican"): a force named by a common noun ("marines", "soldados") is the
article's entity of that force ("Navy", "Secretaría de Marina") when it names one, else the
noun phrase stays as words for the summary."""

from __future__ import annotations

from typing import Any

import re

from fuentes.corpus.name_constraints import first_gender
from fuentes.extract import speech
from fuentes.extract.datelines import dateline_end
from fuentes.extract.dates import DateExpr, DateValue, shift, year_value
from fuentes.extract.event_triggers import Lexicon, _forms, passive
from fuentes.model import Mention, Quote
from fuentes.nlp.text import doc_text, morph_values, sentence_of

PLACE_LABELS = {"GPE", "LOC", "FAC"}
CROWD_WORDS = {"thousands", "hundreds", "dozens", "scores", "miles", "cientos", "centenares", "decenas", "millares"}
AMOUNT_WORDS = {"million", "billion", "millón", "mil", "dollar", "dólar", "peso", "magnitude", "magnitud", "percent",
                "ton", "tonelada"}
# a possessor of these nouns is who undergoes them ("his arrest"); of others, who does them ("its statement")
PATIENT_OWNER = {"arrest", "extradition", "indictment", "court_ruling", "killing", "kidnapping",
                 "assassination_attempt", "sexual_violence", "attack", "sanction"}
# the named party after "of"/"de" (`owner_preps`) of these is who does them ("la visita de los reyes de
# España", "the statement of the governor", "the threat of the Zetas"); an unnamed one is what it is about
OWNER_DOES = {"statement", "visit", "escape", "threat"}
ADJECTIVE_LABELS = {"NORP"}  # "Mexican", "estadounidense": describes a participant, is not one
RELATIVE_ADVERBS = {"where", "when", "wherever", "donde", "cuando", "adonde"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "que", "quien", "quienes", "cual", "cuales"}
AGENTIVE = {"statement", "visit", "policy", "sanction", "seizure", "arrest", "extradition", "indictment",
            "court_ruling", "agreement", "deployment", "weapons_seizure", "emergency_measure", "threat",
            "responsibility_claim", "protest", "raid", "base_established"}


class Arguments:
    """Maps parse tokens to the article's local entities."""

    def __init__(self, sdoc: Any, mentions: list[Mention], quotes: list[Quote], lex: Lexicon,
                 language: str | None = None):
        self.sdoc, self.lex, self.language = sdoc, lex, language
        self.by_char = {}
        for m in mentions:
            if m.entity:
                for c in range(m.start, m.end):
                    self.by_char[c] = m
        self.people = [m for m in mentions if m.label == "PERSON" and m.entity]
        self.quotes = [q for q in quotes if q.speaker]
        self.named = [m for m in mentions if m.entity and m.label not in ADJECTIVE_LABELS | PLACE_LABELS]
        self._datelines: dict[int, int] = {}  # sentence start -> where its dateline ends
        self.questions: dict[int, bool] = {}  # sentence start -> the sentence is a question (events' test)
        self._genders: dict[str, str | None] = {}  # entity key -> "m" / "f" its names say, read on demand

    def mention_at(self, tok: Any) -> Mention | None:
        return self.by_char.get(tok.idx)

    def in_dateline(self, tok: Any) -> bool:
        """The token is in the dateline opening its sentence ("(Big League Politics) – Un
        sospechoso ha sido arrestado", parsed with the outlet as the subject): the sender, no participant."""
        sent = sentence_of(tok)
        end = self._datelines.get(sent.start)
        if end is None:
            end = self._datelines[sent.start] = dateline_end(doc_text(self.sdoc), sent.start_char, sent.end_char)
        return tok.idx < end

    def entity(self, tok: Any) -> str | None:
        """Local entity key for an argument token: its own mention, a pronoun's antecedent,
        a possessor ("his gunmen"), else the closest named word of its phrase; none in a dateline."""
        if self.in_dateline(tok):
            return None
        m = self.mention_at(tok)
        if m and not (m.label in ADJECTIVE_LABELS and tok.dep_ == "amod"):
            return m.entity
        if tok.lower_ in self.lex.words("pronouns") or tok.pos_ == "PRON":
            return self.pronoun(tok)
        for child in tok.children:
            if child.dep_ in ("poss", "nmod:poss", "det") and child.pos_ == "PRON" and child.lower_ in self.lex.words("pronouns"):
                return self.pronoun(child)
            cm = self.mention_at(child)
            named = cm is not None and cm.label not in ADJECTIVE_LABELS
            if child.dep_ in ("poss", "compound", "flat", "appos", "amod", "nmod") and named:
                if child.dep_ != "nmod" or cm.label not in PLACE_LABELS:  # "sicarios del CCV", not "policías de Veracruz"
                    return cm.entity
        return self.force(tok)

    def force(self, tok: Any) -> str | None:
        """The article's entity of a force named by a common noun: "marines" -> "Navy"."""
        table = self.lex.data.get("force_entities") or {}
        words = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
        if not words:
            return None
        for m in self.named:
            low = m.text.lower()
            if any(w in low.split() or low.startswith(w) for w in words):
                return m.entity
        return None

    def words(self, tok: Any) -> str:
        """The noun phrase of a participant without a name, in words: "Mexican marines",
        "cartel gunmen", "a federal grand jury" (articles and relative clauses left out)."""
        if tok.lower_ in CROWD_WORDS:  # "thousands of teachers", "miles de maestros"
            of = [g for c in tok.children if c.dep_ in ("prep", "nmod") for g in ([c] if c.dep_ == "nmod" else c.children)
                  if g.pos_ in ("NOUN", "PROPN")]
            return f"{tok.lower_} {'de' if self.lex.data.get('numbers', {}).get('dos') else 'of'} {of[0].text}" if of else ""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in self.lex.words("pronouns") or tok.like_num \
                or tok.lemma_.lower() in AMOUNT_WORDS or _markup(tok.text) \
                or {tok.lower_, tok.lemma_.lower()} & self.lex.words("time_nouns"):
            return ""  # "20 mins later shooting began": a time is no participant; nor is a tag "</tweet>"
        keep = [tok] + [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "nmod:poss", "poss", "flat")
                        and c.i < tok.i and c.pos_ not in ("PRON", "DET")]
        for c in list(keep[1:]):
            keep += [g for g in c.children if g.dep_ in ("compound", "amod", "advmod", "quantmod") and g.i < c.i]
        keep += [c for c in tok.children if c.dep_ in ("amod", "acl") and c.i == tok.i + 1
                 and c.pos_ in ("ADJ", "VERB") and not list(c.children)]  # "hombres armados"
        for c in tok.children:  # "Elementos de la Secretaría de Marina", not "bar en Celaya"
            m = self.mention_at(c)
            if c.dep_ in ("flat", "nmod") and c.i > tok.i and c.pos_ == "PROPN" and len(list(c.subtree)) <= 6 \
                    and not (m and m.label in PLACE_LABELS) and any(g.lower_ in ("de", "of") for g in c.children):
                keep += list(c.subtree)
        toks = sorted((t for t in set(keep) if not _markup(t.text)), key=lambda t: t.i)
        # names keep their capitals ("Mexican marines", "hombres del CJNG"); a sentence's first word does not
        words = [t.text if t.pos_ == "PROPN" or t.text.isupper() or t.ent_type_ in ("NORP", "GPE", "ORG")
                 or (t.text[:1].isupper() and not t.is_sent_start)
                 else t.lower_ for t in toks]
        return " ".join(words).strip()

    def pronoun(self, tok: Any) -> str | None:
        if tok.lower_ in self.lex.words("first_person"):
            quote = next((q for q in self.quotes if q.start <= tok.idx < q.end), None)
            return quote.speaker if quote else None
        if tok.lower_ not in self.lex.words("pronouns") or tok.lower_ in self.lex.words("not_one_person"):
            return None  # ("they", "ellos": a group, never the last person named)
        # an object pronoun does not refer to the subject of its own sentence
        skip = set()
        if tok.lower_ in self.lex.words("object_pronouns"):
            skip = {self.mention_at(t).entity for t in sentence_of(tok) if t.dep_.startswith("nsubj") and self.mention_at(t)}
        said = speech.lexicon(self.language).person_gender(tok.lower_)  # "he had raped her": never the woman named last
        before = [m for m in self.people if m.end <= tok.idx and m.entity not in skip
                  and (said is None or self.gender(m.entity) in (None, said))]
        return before[-1].entity if before else None

    def gender(self, key: str) -> str | None:
        """"m" / "f" when a name the article gives the person says it (an honorific, a gendered
        first name: "Ivana Trump", "Sr. Ruiz"); None when none does."""
        if key not in self._genders:
            names = {m.text for m in self.people if m.entity == key}
            self._genders[key] = first_gender(sorted(names))
        return self._genders[key]


MARKUP = re.compile(r"[<>]|^/\w+$|&\w+;")


def _markup(text: str) -> bool:
    """A fragment of markup left in the text ("</tweet", "<br", "&amp;"): never words of a summary."""
    return bool(MARKUP.search(text))


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
        is_passive = passive(head)
        for c in kids:
            if c.dep_ in ("nsubj", "csubj") and not is_passive:
                # "gunmen who killed ...", "los sicarios que asesinaron ...": the relative pronoun's noun
                relative = head.dep_ in ("relcl", "acl") and c.pos_ == "PRON" and c.lower_ in lex.words("relatives")
                actors.append(head.head if relative else c)
            elif c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass") or (c.dep_ == "nsubj" and is_passive) \
                    or (c.dep_ == "iobj" and c.pos_ == "PRON"):  # "lo acusó"
                case = next((g.lower_ for g in c.children if g.dep_ == "case"), "a")
                if case in ("a", "al"):
                    targets.append(c)  # (an "object" after "de"/"del" is a complement misread: "puesto a disposición del Juzgado")
                elif case in lex.words("actor_preps") and is_passive:
                    actors.append(c)  # "fueron detenidos por agentes" read with "agentes" as the object
            elif c.dep_ == "agent" and _pobj(c) is not None:
                actors.append(_pobj(c))
        actors += _prep_args(head, lex.words("actor_preps")) if is_passive else []
        offences = lex.words("offence_nouns")  # "detenidos por un delito": what for, not by whom
        actors = [a for a in actors if not _forms(a) & offences]
        available = lex.words("availability_nouns")  # "puesto a disposición del Juzgado": handed to it
        targets += [t for t in _prep_args(head, {"on", "against", "contra", "a"}) if not _forms(t) & available]
        if etype in lex.words("party_types"):  # "clashed with the army", "pactó con el ELN"
            targets += _sides(head, lex)
        if _undergoes(head):  # "the 20 first-graders who were killed", "a first-grader killed at ...": the victims
            targets.append(_holder_of_situation(head.head, lex))
        elif not actors:
            actors += _inherited_subject(head)
    else:
        owners = lex.words("owner_preps")
        if etype in OWNER_DOES:  # "la visita de los reyes", "the statement of the minister": who did it
            targets += _prep_args(head, lex.words("target_preps") - owners)
            for t in _prep_args(head, owners):  # ("un mensaje de sostenibilidad": what it says, no one)
                if args.entity(t) is not None:  # a place is where it went ("a tour of Mexico")
                    (targets if (m := args.mention_at(t)) is not None and m.label in PLACE_LABELS else actors).append(t)
        else:
            targets += _prep_args(head, lex.words("target_preps"))
        by = _prep_args(head, lex.words("actor_preps"))
        if etype == "visit":  # "su gira por México": where it went, not who went
            targets += [t for t in by if (m := args.mention_at(t)) is not None and m.label in PLACE_LABELS]
            by = [t for t in by if t not in targets]
        actors += by
        if etype in lex.words("party_types"):  # "a clash between the Navy and gunmen": both sides
            actors += _sides(head, lex)
        if head.dep_ == "compound" and args.mention_at(head.head):  # "Killing X unleashed ...": a gerund read as a name part
            targets.append(head.head)
        for c in kids:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.words("actor_verbs"):
                actors += _prep_args(c, lex.words("actor_preps") | lex.words("actor_verb_preps"))
        verb = governing_verb(head)
        if verb is not None and verb.lemma_.lower() in lex.words("victim_verbs"):
            targets += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")]
        elif etype in AGENTIVE and verb is not None and verb.lemma_.lower() in lex.words("light_verbs") \
                and _object_of(head, verb):
            actors += [c for c in verb.children if c.dep_ == "nsubj"]  # "X held a news conference"
        owner = [c for c in kids if c.dep_ in ("poss", "nmod:poss")]
        if owner and etype in PATIENT_OWNER and not targets:  # "his arrest", "su detención": the one arrested
            targets += owner
        elif owner and etype not in PATIENT_OWNER and not actors:  # "Zárate's escape", "the Navy's statement"
            actors += owner
    return actors, targets


def _object_of(noun: Any, verb: Any) -> bool:
    """The event noun is what `verb` does or makes: its object, a conjunct of it or the "of" / "de"
    noun of it ("held a news conference", "launched a wave of attacks", "ofreció una conferencia
    de prensa"); not a noun behind another preposition ("filed an appeal against the conviction":
    who appeals did not convict)."""
    node = noun
    for _ in range(6):
        if node.i == verb.i:
            return True
        dep, up = node.dep_, node.head
        if dep in ("dobj", "obj", "conj", "compound", "appos", "nsubjpass", "nsubj:pass"):
            node = up
        elif dep == "pobj" and up.lower_ in ("of", "de", "del"):
            node = up.head
        elif dep == "nmod" and any(c.dep_ == "case" and c.lower_ in ("de", "del") for c in node.children):
            node = up
        else:
            return False
    return False


def _holder_of_situation(tok: Any, lex: Lexicon) -> Any:
    """The noun a participle describes, or the one before "of" / "de" when that noun is a situation
    ("prisoners of war captured in Ukraine": the prisoners were captured, not the war)."""
    if {tok.lower_, tok.lemma_.lower()} & lex.words("situation_nouns"):
        up = tok.head
        if tok.dep_ == "pobj" and up.lower_ in ("of", "de", "del") and up.head.pos_ in ("NOUN", "PROPN"):
            return up.head
        if tok.dep_ == "nmod" and up.pos_ in ("NOUN", "PROPN"):
            return up
    return tok


def _sides(head: Any, lex: Lexicon) -> list[Any]:
    """The sides named by "with"/"between" ("entre", "con") on a clash or a deal, each
    conjunct a side ("entre la Marina y sicarios del cártel": Marina, sicarios)."""
    out = []
    for tok in _prep_args(head, lex.words("party_preps")):
        out.append(tok)
        out += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return out


def governing_verb(tok: Any) -> Any | None:
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _undergoes(tok: Any) -> bool:
    """A passive verb or participle describing the noun it hangs from ("students who were
    killed", "a boy killed at school", "un periodista asesinado en Tijuana"): that noun is what
    the verb was done to, not its doer."""
    if tok.dep_ not in ("relcl", "acl", "amod") or tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if _own_clause(tok):
        return False  # "the prefecture where two deaths were confirmed": the clause has its own patient
    if passive(tok):
        return True
    kids = list(tok.children)
    bare = not any(c.dep_ in ("nsubj", "aux", "dobj", "obj") for c in kids)  # no subject or object of its own
    return bare and (tok.tag_ == "VBN" or "Part" in morph_values(tok, "VerbForm"))


def _own_clause(tok: Any) -> bool:
    """A relative clause opened by "where"/"when" ("donde", "cuando") or with a passive subject of its
    own: the noun it hangs from is where or when it happened, neither its doer nor its patient."""
    return any((c.dep_ in ("nsubjpass", "nsubj:pass") and c.lower_ not in RELATIVE_PRONOUNS and c.tag_ not in ("WP", "WDT"))
               or (c.dep_ in ("advmod", "obl") and c.lower_ in RELATIVE_ADVERBS) for c in tok.children)


def _inherited_subject(tok: Any) -> list[Any]:
    """The subject a verb shares with the verb it hangs from: "authorized forces to take out
    X" (the object of the head), "...and killed X" (a conjunct), "the raid that killed X"."""
    head = tok.head
    if tok.dep_ in ("relcl", "acl") and head.i != tok.i:
        return [] if _own_clause(tok) else [head]
    if tok.dep_ in ("xcomp", "conj", "advcl") and head.i != tok.i:
        if any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in tok.children) or (
                passive(tok) and any(c.dep_ == "nsubj" for c in tok.children)):
            return []  # "when the diagnosis was confirmed, Clinton ...": the clause has a subject of its own
        objs = [c for c in head.children if c.dep_ in ("dobj", "obj")] if tok.dep_ == "xcomp" else []
        return objs or [c for c in head.children if c.dep_ in ("nsubj",)]
    return []


def place_of(head: Any, args: Arguments, taken: set[str]) -> str | None:
    """A place attached by "in"/"en"/"at" to the trigger, its verb, or a word of the verb's
    clause ("killed X ..., in Guadalajara"); places merely named nearby are not taken."""
    verb = head if head.pos_ in ("VERB", "AUX") else (governing_verb(head) or head)
    nodes = [head, verb] + [t for t in clause(verb) if t not in (head, verb)]
    for node in nodes:
        for arg in _prep_args(node, args.lex.words("place_preps")):
            m = args.mention_at(arg)
            if m and m.label in PLACE_LABELS and m.entity not in taken:
                return m.entity
    return None


OTHER_CLAUSE = {"conj", "ccomp", "advcl", "parataxis", "relcl", "acl", "xcomp", "csubj"}


def clause(verb: Any) -> list[Any]:
    """The tokens of a verb's own clause: its subtree without conjoined or embedded clauses
    ("offered a reward ..., and a grand jury in Houston indicted him": Houston is not the reward's)."""
    out, todo = [], [verb]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if not (c.dep_ in OTHER_CLAUSE and c.pos_ in ("VERB", "AUX"))]
    return sorted(out, key=lambda t: t.i)


def date_of(head: Any, start: int, dates: list[DateExpr], sdoc: Any,
            sent: Any = None) -> tuple[DateValue | None, list[tuple[int, int, str]]]:
    """The trigger's date and the spans it came from: a date in the trigger's clause first,
    else the sentence's nearest; inside "N days after ..." the other date shifted back."""
    sent = sent if sent is not None else sentence_of(head)
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
    verb = head if head.pos_ in ("VERB", "AUX") else (governing_verb(head) or head)
    clauses: dict[int, set[int]] = {}  # token -> the offsets of its clause's tokens, each clause read once

    def offsets_of(node: Any) -> set[int]:
        found = clauses.get(node.i)
        if found is None:
            found = clauses[node.i] = {t.idx for t in clause(node)}
        return found
    # dates of its own clause, else of the clauses it hangs from ("On Monday, gunmen killed X
    # and burned Y"), never of a clause beside or under it ("... and schools canceled Monday classes");
    # no date in the sentence: no clause to read
    if plain:
        reach = set().union(*(offsets_of(node) for node in _ancestors_of(verb))) | offsets_of(head)
        plain = [d for d in plain if any(i in reach for i in range(d.start, d.end))]
    if not plain:
        year = _year_in_phrase(head)
        if year is not None:  # "during a 2019 raid", "el atentado de 2015"
            return year_value(int(year.text)), [(year.idx, year.idx + len(year.text), "events.date")]
        return None, []
    own_clause = offsets_of(verb) | offsets_of(head)
    own = [d for d in plain if any(i in own_clause for i in range(d.start, d.end))]
    best = min(own or plain, key=lambda d: abs(d.start - start))
    # a year told right beside it ("hace cinco años esta semana") is one expression with it
    beside = [d for d in in_sent if d.kind != "offset" and d not in plain
              and min(abs(d.start - best.end), abs(best.start - d.end)) <= 2]
    return _year_wins(best, (own or plain) + beside, head)


def _year_wins(best: DateExpr, dates: list[DateExpr], head: Any) -> tuple[DateValue | None,
                                                                          list[tuple[int, int, str]]]:
    """An explicit year of the trigger's own clause ("in 2011", "five years ago", "the 2011
    shooting") wins over a date read from the publication date that falls in another year ("this
    week", "on Tuesday"): the past event is named with its year. Told together ("five years ago
    this week") the anchored date moves to that year; apart, the year alone is the date."""
    value = best.resolved
    if value is None or value.precision == "year":
        return value, [(best.start, best.end, "events.date")]
    years = [(d.resolved, d.start, d.end) for d in dates if d is not best and d.resolved is not None
             and d.resolved.precision == "year"]
    tok = _year_in_phrase(head)
    node = head
    while tok is None and node.dep_ in ("relcl", "acl", "prep", "pobj") and node.head.i != node.i \
            and node.head.pos_ in ("NOUN", "PROPN", "ADP"):  # "the 2011 shooting in Tucson, which killed six"
        node = node.head
        tok = _year_in_phrase(node)
    if tok is not None:
        years.append((year_value(int(tok.text)), tok.idx, tok.idx + len(tok.text)))
    apart = [(y, a, b) for y, a, b in years if not (y.earliest <= value.latest and value.earliest <= y.latest)]
    if not apart:
        return value, [(best.start, best.end, "events.date")]
    year, a, b = min(apart, key=lambda y: min(abs(y[1] - best.end), abs(best.start - y[2])))
    if min(abs(a - best.end), abs(best.start - b)) <= 2 and value.precision in ("week", "weekend", "month"):
        target = year.earliest.year  # "five years ago this week": that week's month, five years back
        moved = shift(value, target - value.earliest.year, "year", 1)
        if moved.value and moved.value[:4] == str(target):
            return moved, [(min(a, best.start), max(b, best.end), "events.date")]
    return year, [(a, b, "events.date")]


def _ancestors_of(tok: Any) -> list[Any]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 30:
        out.append(out[-1].head)
    return out


YEAR = re.compile(r"^(19|20)\d\d$")


def _year_in_phrase(head: Any) -> Any | None:
    """A bare year modifying a noun trigger: "a 2019 raid", "el ataque de 2015"."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in head.children:
        if YEAR.match(c.text) and c.dep_ in ("nummod", "compound", "amod", "nmod", "npadvmod", "appos"):
            return c
    return None


def number(tok: Any, lex: Lexicon, articles: bool = False) -> int | None:
    """The number a token states: digits ("12", "1,200") or a number word ("two", "dos");
    articles ("a", "un") count as one only when asked ("killed a policeman")."""
    text = tok.lower_.replace(",", "").replace(".", "") if tok.like_num else tok.lower_
    if text.isdigit():
        value = int(text)
        return value if value < 100000 and not YEAR.match(tok.text) else None
    table = {str(k).lower(): int(v) for k, v in (lex.data.get("numbers") or {}).items()}
    if tok.lower_ in ("a", "an", "un", "una", "uno") and not articles:
        return None
    return table.get(tok.lower_)


def count_of(tok: Any, lex: Lexicon, articles: bool = False) -> tuple[int | None, Any]:
    """(count, number token) a noun phrase states: "12 people", "at least five soldiers",
    "dos marinos", or the token itself ("killed 12")."""
    own = number(tok, lex)
    if own is not None:
        return own, tok
    for c in tok.children:
        if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "det" and articles):
            value = number(c, lex, articles)
            if value is not None:
                return value, c
    return None, None


def fatalities(sent: Any, lex: Lexicon, kill_lemmas: set[str]) -> int | None:
    """The dead a sentence states (ACLED's `fatalities`): the counted victims of a killing verb
    ("12 people were killed", "mataron a dos policías"), the counted subject of "die"/"morir"
    ("two marines died"), counted nouns of the dead ("leaving five dead", "dejó tres muertos");
    each number once. None when no count is stated."""
    verbs = lex.words("fatality_verbs")
    nouns = lex.words("fatality_nouns")
    seen: set[int] = set()
    total = 0
    found = False
    for tok in sent:
        lemma = tok.lemma_.lower()
        cands: list[Any] = []
        articles = False
        if tok.pos_ in ("VERB", "AUX") and lemma in kill_lemmas:
            cands = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")
                     or (passive(tok) and c.dep_ == "nsubj")]
            articles = True
        elif tok.pos_ in ("VERB", "AUX") and lemma in verbs:
            cands = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")]
            articles = True
        elif lemma in nouns or tok.lower_ in nouns:
            cands = [tok]
        for c in cands:
            for node in [c] + [x for x in c.children if x.dep_ == "conj"]:
                value, num = count_of(node, lex, articles)
                if value is None and node is tok and tok.i > 0:  # "leaving 8 dead": the number before
                    value, num = number(sent.doc[tok.i - 1], lex), sent.doc[tok.i - 1]
                if value is not None and num is not None and num.i not in seen:
                    seen.add(num.i)
                    total += value
                    found = True
    return total if found else None
