"""Stage `claims`: the check-worthy statements of one article.

A claim is made of
  - a clause whose verb is in the language's predicate list (`data/claims_<lang>.yaml`:
    kill, capture, attack, spend, provide, set up, win, lose ... each mapped to a
    language-neutral class); or a clause with another verb (not a copula) that states a figure
    of an argument, links two named entities, is reported speech about a named one, or has a
    subject of its own and states a date or a number ("In 2009, the United Nations came under
    criticism"); and the clause holding any figure or date the outlet states outside quotes
    that no other claim holds ("The jobless rate was 5 percent in May");
  - an event noun with its patient ("the killing of X", "la captura de X") when X is named;
  - every sentence of a direct quote (a claim of its speaker), and reported speech that holds no other claim.
Subject and object come from the dependency parse (English ClearNLP labels and Spanish UD
labels both) and are local entity keys when a named mention covers the argument; an unnamed body
named by a description ("the task force", "la embajada estadounidense": a head noun of the
language's `descriptions`) is `desc:<concept>`, anchored (`@ent:<key>`, `@name:<place>`) by a named
modifier, the place its clause puts it in or a nationality adjective (`demonyms`); a later
definite noun with the same head ("the force") is the same body; a clause with no object takes the
described body of an oblique of its verbs ("coordinating through the task force"). A person's
possessive on an event noun is its patient ("request his extradition"). An implicative verb
("managed to strike a deal", "logró cerrar") or an expectation verb in the passive or before a
subjunctive clause ("is expected to decline", "se prevé que suban": predicted) states its
complement: the claim's predicate is the complement's. A listed verb of two senses takes its class
only in its typed one (`sense_words`: "condenó a X a 20 años de prisión" is convict, "condenó el ataque"
the verb condenar; `saying_senses`: "aseguró que ..." says; `share_senses`: "captured 45 percent of the vote",
"capturó el mercado" names the class receive); a listed verb with a particle not listed with it is another verb
("caught up on his bills": no capture); an unlisted verb is named with the particle,
preposition or object `verb_classes` lists with it ("ruled out", "took place"). A verb
governed by an attempt verb ("tried to catch X") gets the predicate "attempt:<class>": it
states an aim, not a fact. Clauses inside reported speech carry the reporter as `speaker`.
Values (fuentes.extract.values) are found once per body and handed to the clause they fall in.
No claim: a question or an exclamation; a quote that only tells its speaker's feeling or stance ("Yes, I
support X", `stance_words`), only judges, speaks to the addressee, states obligations or guesses (`_judges`),
or whose speaker is unknown (it stays a quote); a copula that judges (`evaluative_words`: "the plan is
unfair"); a clause of the addressee (`second_person`), a conditional clause and its consequence
(`condition_marks`); an untyped clause with a modal word (`modal_words`); a listing or credits line
("Director: X"); a clause that names no one and states no value (a fragment, an unresolved pronoun); a clause in
the subjunctive ("que se cumplan los pronósticos"), a predicate that is no verb's lemma (`verb_lemma_endings`), a
verbless sentence, a heading whose verb is an infinitive or a gerund, a clause that only dates another ("hace seis
meses", `ago_verbs`). A claim never spans page furniture run into the text (`furniture`) nor a lost line break; a
quote of several sentences is one claim per sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB

from fuentes.clean import cues
from fuentes.doc import ArticleDoc
from fuentes.extract import names, speakers, speech
from fuentes.extract.datelines import dateline_end
from fuentes.extract.values import Found, _glossary, find_values, is_figure, sign_currency
from fuentes.ids import content_id
from fuentes.model import Claim, Entity, Evidence, Mention, Quote
from fuentes.nlp.data_files import load_yaml
from fuentes.pipeline import Stage, register
from fuentes.nlp.text import doc_text, morph_values, sentence_of

VERSION = "23"  # 2: evidence span; 3: slots (time, place, modality), no fragments; 4: dated clauses, outcomes;
# 5: a subordinate clause's hedge or future word is not the main clause's; a date or figure in a
# subjectless non-finite fragment makes a claim of the clause it hangs from; 6: an unnamed body
# named by a description ("the task force", "la embajada estadounidense") is a subject or object;
# 7: a question, quoted or not, states nothing: no claim; 8: an implicative or expectation verb's
# complement is the predicate ("managed to strike", "is expected to decline": predicted); a clause with
# no object takes the described body of its oblique ("coordinating through the task force"); a person's
# possessive on an event noun is its patient ("his extradition"), on another noun nobody ("her daughter");
# of two objects, the one marked by a preposition ("a la Cancillería") is no patient; an untyped main
# clause in the outlet's voice with a named subject is a claim ("The CIA declined to comment")
# 9: exclamations and quotes that only tell the speaker's own feeling or stance ("I support X") are no
# claim; a verbless listing line ("Director: X") makes no value claim; "X was shot and killed by Y": Y
# killed X, "X fue capturado por Y": Y captured X; a clause that names no one and states no value (a
# fragment, an unresolved pronoun) is no claim; a direct quote of no known speaker is no claim
# 10: a bare year after English "the" is a date, not a count ("the 2016 presidential election")
# 11: a quoted phrase without a finite clause of its own, or an imperative, is no claim of its speaker;
# a verbless line (dateline, copyright, score) makes no value claim; a characterisation ("called it a
# disgrace") is no claim; a typographic contraction is its verb; a dropped Spanish subject is the person
# named before; a name modifying a person noun ("the New Jersey governor") is not that person; an order
# to the reader (imperative) is no claim; a dateline is neither a subject nor part of a claim
# 12: a neutral verb with a direction word is a change ("shares were up 8 cents": rise; "cerraron a la baja": fall);
# a count whose counted word is no noun in the parse ("all three would be charged") is a bare number;
# an appositive name is its head's referent ("the Defence Secretary, Donald Rumsfeld,"), before a modifying name;
# a scheduled deed is a forecast of it ("are to be deployed": deploy, predicted; "han de ser desplegados")
# 13: a copular main clause in the outlet's voice with a named subject is a claim ("Singapore is the 12th-largest
# trading partner", "Guzmán es el líder del cártel"; not a conditional or future copula); a counted word that
# only modifies the noun after it counts that noun ("1,200 fellow students", "cinco presuntos delincuentes")
# 14: a copula that judges ("the plan is unfair", "X es un desastre"), a clause of the addressee ("you try to
# help"), a conditional clause and its consequence, an untyped modal clause ("should resign", "tiene que") and a
# quote of such clauses only are no claims; a modal clause is hedged; a quote of forecasts only is predicted
# 15: a pronoun ("he", "she", "they", "él", "ella", "ellos") or a dropped Spanish subject is the one referent that
# fits its gender (the quote stage's genders): the subject of the clause governing its own ("X said he ..."), else
# the one person (for "they": one group) named in its sentence or the one before, or that an earlier pronoun of
# that gender there stands for; two candidates, a group nothing names or a chain from further back: nobody
# 16: a clause in the subjunctive ("se cumplan los pronósticos") is no claim, nor a value's clause that is; an
# untyped predicate whose lemma is no verb's (`verb_lemma_endings`: "billón", "escoltado") names nothing, no
# claim; a verbless piece after a sentence's end ("Picante comienzo de 2020.") makes no value claim; a Spanish
# relative clause ("acl") reads its relative pronoun as its noun, subject or object ("X, que huyó": X; "el
# hombre que la policía detuvo": the man), and its claim opens at that noun, not at a preposition before it;
# page furniture run into the text (`furniture`: "Publicidad", a share bar, "Síguenos en ...", a phone number)
# is never inside a claim and its figures are none; a run of spaces before a capital (a lost line break,
# "... 16 muertos  Una pelea") parts claims as a paragraph break does; each sentence of a direct quote is one claim
# of its speaker (its questions and exclamations none); a heading whose main verb is an infinitive or a gerund
# ("Tener un aumento del 7%.") is no claim; "hace seis meses" (`ago_verbs`) dates the clause it hangs from; a
# Spanish verb coordinated with a clause whose subject is dropped shares its referent; a time of day ("3 a.m.",
# "a las 00:30 horas": `clock_times`) holds no value; a headline run into the first sentence ("... línea plana El
# Sensex ...": `sentence_openers`, a finite verb on each side) parts claims as a line break does; a clause as a
# subject ("Cabe mencionar que ...") makes no untyped claim of its verb; a value's clause with no subject, no
# object and no one it stands for ("Fue su gol número 20 esta temporada.") makes no value claim
# 17: officials and authorities of a state are a described body ("U.S. officials", "funcionarios estadounidenses");
# a plural nationality adjective anchors by its lemma ("canadienses"); a Spanish reported clause in the third person
# plural without a subject is the plural group that reports it ("Funcionarios ... dijeron que solicitarán")
# 18: a subject no name or description names is kept as its definite noun phrase when the claim's text holds it
# ("np:The two men", "np:1 in 4 residents", "np:Uno de cada cuatro vecinos"); a coordinated or relative clause with
# no subject of its own keeps the word that ties it to its subject's clause ("and promptly voted ...", "who has
# backed ..."): the text of a fragment reads as one, never atomic
# 19: a verb of two senses takes its class only in its typed sense (`sense_words`: "condenó a X a 20 años de
# prisión" is convict, "condenó el ataque" the verb condenar, a criticism; `saying_senses`: "aseguró que ..." says)
# 20: a subject may be a share or part of a group ("62 percent of Republicans", "a majority of voters": `group_nouns`)
# or a group named by its people or party
# ("Republicans on the committee"); an English relative clause whose pronoun is its subject or object opens at its
# noun when it follows it ("The bill, which was signed by X in 2010", as Spanish did); a non-finite clause with no
# subject ("..., spending $40,000", "was charged after defrauding ...") takes the named subject of the clause it
# hangs from (not through a preposition to a clause with an object: "charged X with defrauding"); a passive's
# patient no name or description names is its object as written ("np:Twenty-nine people" were injured)
# 21: an untyped main clause in the outlet's voice whose subject it names, a name, a described body or a noun phrase
# ("The two men painted the house", "Sus acciones subieron", "Officials developed plans"), or whose passive befalls one
# ("A lawsuit was filed"), is a claim; so is such a clause a known speaker is reported to have said ("El Watan
# reported that the kidnappers resisted the assault"); not one whose subject is a pronoun that stands for no one
# 22: a capture verb whose objects are shares, votes, audiences or markets names the class receive ("captured 45
# percent of the vote", "capturando el 38% de la audiencia": `share_senses`); a verb with a particle not listed with
# it is another verb ("caught up on his bills": no capture); an English lemma cut one "e" short is whole ("hoped":
# hope, a view); a number inside a name ("Canal 13", "NBC 7") or joined by slashes ("9/11", "24/7") is no figure; a
# bare "$" is the currency of the one country whose places the article names (`sign_currencies`: Maine, USD)
# 23: an outcome of either side of a `contradictory` pair ("but it wasn't approved", "no fue rechazada") is a claim
# when nothing names what it befell, as what became of a target is: a copy telling the other outcome is caught; a
# value inside a sub-clause that makes no claim of its own is stated by the innermost claim around it (not its time);
# a relative clause of three words is read with its noun ("the treaty, which most nations signed": a claim)
DATA = Path(__file__).with_name("data")
SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
OBJ = {"dobj", "obj"}
CLAUSE_DEPS = {"conj", "ccomp", "advcl", "parataxis", "relcl", "acl", "acl:relcl", "xcomp", "csubj"}
SUBCLAUSE_DEPS = CLAUSE_DEPS - {"xcomp"}  # a clause of its own inside another (not its infinitive)
CORE_DEPS = {"compound", "flat", "flat:name", "amod", "appos", "nmod:poss", "poss", "nummod", "name", "fixed"}
PERSONAL = {"him", "he", "her", "she", "lo", "la", "le", "él", "ella"}
GROUP_LABELS = {"NORP", "MISC"}  # a people or a party by name ("Democrats", "los priistas"): a group "they" may be, with no entity
POSSESSORS = {"his", "her", "su"}  # a person's possessive: the patient of an event noun ("his capture")
POSSESSIVE = {"poss", "nmod:poss", "det"}
RELATIVE = {"that", "which", "who", "whom", "que", "quien", "quienes", "cual", "cuales"}
RELATIVE_CLAUSE_DEPS = {"relcl", "acl:relcl", "acl"}  # a clause of a noun (UD Spanish: "acl" for a relative)
MIN_WORDS = 4
LEADING_POS = {"ADP", "CCONJ", "SCONJ"}  # words that tie a noun phrase to what is before it, no part of a claim
_LOST_LINE = re.compile(r"(?<=[^\s])[ \t]{2,}(?=[\"“«¿¡]?[A-ZÁÉÍÓÚÑ])")
STATEMENT_DEPS = {"ROOT", "conj", "ccomp", "parataxis"}  # a clause of its own (for `every_clause`)
COPULAS = {"be", "ser", "estar"}  # a copular clause's predicate is "be" in every language
STEM_MIN = 4  # shortest infinitive stem matched as a prefix of a verb form
PLACE_PREPOSITIONS = {"in", "at", "en"}  # "a task force in Arizona": where a described body is


@lru_cache(maxsize=None)
def _needed_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Folded literals one of which every match of `pattern` holds (`fuentes.clean.cues.needed_literals`)."""
    return cues.needed_literals(pattern.pattern, pattern.flags)


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
    verb_object: dict[str, str] | None = None  # "verb object-noun" -> class ("set fire" -> burn)
    opinion_verbs: frozenset[str] = frozenset()
    future_words: tuple[str, ...] = ()
    negation_words: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    allegation_words: tuple[str, ...] = ()
    compatible: tuple[tuple[str, str], ...] = ()
    target_outcomes: frozenset[str] = frozenset()  # classes that say what became of the target
    descriptions: dict[str, str] | None = None  # head noun (with compound) -> concept ("embajada" -> embassy)
    demonyms: dict[str, str] | None = None  # nationality adjective -> place name ("estadounidense")
    state_bodies: frozenset[str] = frozenset()  # description concepts that act for their anchor's state (embassy)
    verb_classes: dict[str, frozenset[str]] | None = None  # untyped verb lemma -> its synonym classes
    implicative_verbs: frozenset[str] = frozenset()  # "managed to strike": the complement happened
    expectation_verbs: frozenset[str] = frozenset()  # "is expected to decline": the complement is forecast
    start_classes: frozenset[str] = frozenset()  # predicate classes that say a body began ("set up")
    stance_words: frozenset[str] = frozenset()  # "I support X", "we're so excited": the speaker's mind
    first_person: frozenset[str] = frozenset()  # subject pronouns of the speaker ("I", "we", "yo")
    direction_words: dict[str, str] | None = None  # "up" -> rise: "shares were up 8 cents", "cerraron al alza"
    direction_verbs: frozenset[str] = frozenset()  # verbs a direction word makes a change ("be", "close", "cerrar")
    schedule_verbs: frozenset[str] = frozenset()  # "are to be deployed": the infinitive is what is scheduled
    money_verbs: frozenset[str] = frozenset()  # "directed $5 million to": spending only with an amount of money
    evaluative_words: frozenset[str] = frozenset()  # "the plan is unfair", "X es un desastre": a judgement
    modal_words: tuple[str, ...] = ()  # "X should resign", "tenemos que actuar": no deed stated
    second_person: frozenset[str] = frozenset()  # "you try to help": the addressee, rhetoric
    first_person_views: frozenset[str] = frozenset()  # "creo que", "opino": a view in a verb of the first person
    view_verbs: frozenset[str] = frozenset()  # "saw Burma as a country under pressure": a view with "as" / "como"
    condition_marks: frozenset[str] = frozenset()  # "if X wins", "si gana X": a case, not a fact
    subordinators: frozenset[str] = frozenset()  # "when he was shot": a text opening with one is a fragment
    coordinators: frozenset[str] = frozenset()  # "and promptly voted ...": a text opening with one in lower case is a fragment
    sentence_openers: frozenset[str] = frozenset()  # "El", "La": a capitalised article opens a sentence
    ago_verbs: frozenset[str] = frozenset()  # "hace seis meses" ("six months ago"): a verb that only dates
    verb_lemma_endings: tuple[str, ...] = ()  # the endings every verb lemma has ("ar", "er", "ir"): else no verb
    furniture: tuple[re.Pattern[str], ...] = ()  # page furniture run into the text ("Publicidad", a share bar)
    # a verb of `predicates` with another sense: its class holds only when its clause, outside its patient, holds
    # one of these words ("condenó a X a 20 años de prisión": convict; "condenó el ataque": condenar, a criticism)
    sense_words: dict[str, frozenset[str]] | None = None
    saying_senses: frozenset[str] = frozenset()  # "aseguró que ...": with a clause of its own, a verb of saying
    group_nouns: frozenset[str] = frozenset()  # "a majority of voters", "un grupo de padres": a part of a group
    # a verb of one of these classes whose objects are all shares, votes, audiences or markets (`share_words`, or
    # a figure with "%") takes a share, no person: the synonym class it names then ("captured 45 percent of the
    # vote", "capturando el 38% de la audiencia": receive, not capture)
    share_senses: dict[str, str] | None = None
    share_words: frozenset[str] = frozenset()

    @property
    def outcomes(self) -> frozenset[str]:
        """Classes that say how something ended: what became of a target (`target_outcomes`) and
        either side of a `contradictory` pair ("approved" / "rejected", "won" / "lost")."""
        return self.target_outcomes | frozenset(c for pair in self.contradictory for c in pair)


@lru_cache(maxsize=8)
def claim_lexicon(language: str | None) -> ClaimLexicon:
    lang = (language or "en")[:2].lower()
    path = DATA / f"claims_{lang}.yaml"
    if not path.exists():
        lang, path = "en", DATA / "claims_en.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
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
        verb_object={k.casefold(): v for k, v in raw.get("verb_object", {}).items()},
        opinion_verbs=frozenset(w.casefold() for w in raw.get("opinion_verbs", [])),
        future_words=tuple(w.casefold() for w in raw.get("future_words", [])),
        negation_words=frozenset(w.casefold() for w in raw.get("negation_words", [])),
        denial_verbs=frozenset(w.casefold() for w in raw.get("denial_verbs", [])),
        allegation_words=tuple(w.casefold() for w in raw.get("allegation_words", [])),
        compatible=tuple(tuple(p) for p in raw.get("compatible", [])),
        target_outcomes=frozenset(raw.get("target_outcomes", [])),
        descriptions={str(k).casefold(): str(v) for k, v in (raw.get("descriptions") or {}).items()},
        demonyms={str(k).casefold(): str(v) for k, v in (raw.get("demonyms") or {}).items()},
        state_bodies=frozenset(str(w) for w in raw.get("state_bodies", [])),
        verb_classes=_verb_classes(raw.get("verb_classes") or {}),
        implicative_verbs=frozenset(w.casefold() for w in raw.get("implicative_verbs", [])),
        expectation_verbs=frozenset(w.casefold() for w in raw.get("expectation_verbs", [])),
        start_classes=frozenset(raw.get("start_classes", [])),
        stance_words=frozenset(w.casefold() for w in raw.get("stance_words", [])),
        first_person=frozenset(w.casefold() for w in raw.get("first_person", [])),
        direction_words={str(k).casefold(): str(v) for k, v in (raw.get("direction_words") or {}).items()},
        direction_verbs=frozenset(w.casefold() for w in raw.get("direction_verbs", [])),
        schedule_verbs=frozenset(w.casefold() for w in raw.get("schedule_verbs", [])),
        money_verbs=frozenset(w.casefold() for w in raw.get("money_verbs", [])),
        evaluative_words=frozenset(w.casefold() for w in raw.get("evaluative_words", [])),
        modal_words=tuple(w.casefold() for w in raw.get("modal_words", [])),
        second_person=frozenset(w.casefold() for w in raw.get("second_person", [])),
        first_person_views=frozenset(w.casefold() for w in raw.get("first_person_views", [])),
        view_verbs=frozenset(w.casefold() for w in raw.get("view_verbs", [])),
        condition_marks=frozenset(w.casefold() for w in raw.get("condition_marks", [])),
        subordinators=frozenset(w.casefold() for w in raw.get("subordinators", [])),
        coordinators=frozenset(w.casefold() for w in raw.get("coordinators", [])),
        sentence_openers=frozenset(str(w) for w in raw.get("sentence_openers", [])),
        ago_verbs=frozenset(w.casefold() for w in raw.get("ago_verbs", [])),
        verb_lemma_endings=tuple(str(w).casefold() for w in raw.get("verb_lemma_endings", [])),
        furniture=tuple(re.compile(p) for p in raw.get("furniture", [])),
        sense_words={str(k).casefold(): frozenset(str(w).casefold() for w in v)
                     for k, v in (raw.get("sense_words") or {}).items()},
        saying_senses=frozenset(str(w).casefold() for w in raw.get("saying_senses", [])),
        group_nouns=frozenset(str(w).casefold() for w in raw.get("group_nouns", [])),
        share_senses={str(k): str(v) for k, v in (raw.get("share_senses") or {}).items()},
        share_words=frozenset(str(w).casefold() for w in raw.get("share_words", [])),
    )


def word_forms(word: str) -> set[str]:
    """A word and the lemma forms it may be an inflection of ("injustas" -> "injusto", "desastres" ->
    "desastre"): a lexicon of lemmas read against running text in either language."""
    w = word.casefold().replace("’", "'")
    out = {w}
    for end in ("es", "s"):
        if w.endswith(end) and len(w) > len(end) + 2:
            out.add(w[: -len(end)])
    for f in list(out):
        if f.endswith("a") and len(f) > 3:
            out.add(f[:-1] + "o")
    return out


def _verb_classes(raw: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for cls, verbs in raw.items():
        for verb in verbs:
            out.setdefault(str(verb).casefold(), set()).add(str(cls))
    return {verb: frozenset(classes) for verb, classes in out.items()}


def _stems(raw: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Infinitive stems ("abat" of "abatir") for pipelines whose lemmatiser is unreliable."""
    stems = {k.casefold()[:-2]: v for k, v in raw["predicates"].items()
             if " " not in k and len(k) - 2 >= STEM_MIN}
    return tuple(sorted(stems.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=8)
def _stem_table(language: str) -> tuple[dict[str, str], int]:
    """The lexicon's `verb_stems` as a table, and the length of the longest."""
    stems = dict(claim_lexicon(language).verb_stems)
    return stems, max(map(len, stems), default=0)


@lru_cache(maxsize=8)
def _stem_verbs(language: str) -> dict[str, str]:
    """The lexicon's infinitive stems -> the infinitive each was cut from ("conden" -> "condenar")."""
    raw = load_yaml((DATA / f"claims_{claim_lexicon(language).language}.yaml").read_text(encoding="utf-8"))
    return {k.casefold()[:-2]: k.casefold() for k in raw["predicates"] if " " not in k and len(k) - 2 >= STEM_MIN}


@lru_cache(maxsize=8)
def _description_ends(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The last words and the first words of the lexicon's descriptions of several words: a noun
    that is neither can only be a one-word entry ("task force" ends in "force", "fuerza de tarea"
    opens with "fuerza")."""
    keys = [k for k in (claim_lexicon(language).descriptions or {}) if " " in k]
    return frozenset(k.rsplit(" ", 1)[1] for k in keys), frozenset(k.split(" ", 1)[0] for k in keys)


@lru_cache(maxsize=64)
def _spaced(words: tuple[str, ...], also: str = "") -> tuple[str, ...]:
    """Each word as a clause's padded words hold it whole: " w " (and " w<also>", e.g. " w,")."""
    return tuple(f" {w}{end}" for w in words for end in (" ", *([also] if also else [])))


class _Article:
    """The working state of one article: parse, mentions, quotes and values."""

    def __init__(self, body: str, sdoc: Any, mentions: list[Mention], quotes: list[Quote],
                 language: str, article: str, every_clause: bool = False, entities: list[Entity] | None = None):
        self.body, self.doc, self.article = body, sdoc, article
        self.entities = entities or []
        self._referents: speakers.Referents | None = None  # the quote stage's antecedents, made when first asked
        self._antecedents: dict[tuple[int, str | None], str | None] = {}
        self.every_clause = every_clause
        self.lex = claim_lexicon(language)
        self.speech = speech.lexicon(self.lex.language)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mstarts = [m.start for m in self.mentions]
        self.direct = [q for q in quotes if q.direct]
        self.indirect = [q for q in quotes if not q.direct]
        places = [body[m.start:m.end] for m in self.mentions if m.label in ("GPE", "LOC")]
        self.values = [self._counted(f) for f in sign_currency(find_values(body, self.lex.language), places,
                                                               self.lex.language) if not self._in_name(f)]
        self.furniture = self._furniture_spans()
        if self.furniture:  # a phone number in a share bar or a "call us" line is no figure of the story
            self.values = [f for f in self.values if not self._in_furniture(f.start, f.end)]
        self._furniture_toks: set[int] | None = None
        self._inner: set[int] = set()  # token indices of the sub-claims of the clause last cut
        self._vstarts = [f.start for f in self.values]
        self._offsets: dict[int, list[int]] = {}  # value index -> its tokens' offsets (`_value_offsets`)
        self._descriptions: dict[int, str] | None = None  # head token -> description key
        # per token / per sentence, what is read many times from the parse (spaCy builds a Token
        # object per child and joins a sentence's tokens for each `.text`): computed once
        self._verb_classes: dict[int, str | None] = {}
        self._share_classes: dict[int, str] = {}  # a verb that takes shares -> the class it names (`share_senses`)
        self._datelines: dict[int, int] = {}
        self._sent_says: dict[int, bool] = {}
        self._breaks: list[int] | None = None
        self._modal_at: list[int] | None = None  # the tokens that are (or begin) a modal word
        self._lowers: list[str] | None = None  # per token: its lower-case form
        self._listings: dict[int, bool] = {}  # sentence start -> a listing line (`listing`)
        self._parse: tuple[list[int], list[str]] | None = None  # per token: its head's index, its dependency label

    def parse_arrays(self) -> tuple[list[int], list[str]]:
        """Each token's head index and dependency label, read once from the parse's arrays (no
        Token object per step when a walk climbs the tree)."""
        if self._parse is None:
            doc = self.doc
            # HEAD is the offset to the head, negative to the left (uint64 in the array: read as int64)
            offsets = doc.to_array([HEAD]).view("int64").ravel().tolist() if len(doc) else []
            strings, labels = doc.vocab.strings, {}
            heads = [i + rel for i, rel in enumerate(offsets)]
            deps = [labels[h] if h in labels else labels.setdefault(h, strings[h])
                    for h in (doc.to_array(DEP).tolist() if len(doc) else [])]
            self._parse = heads, deps
        return self._parse

    def lowers(self) -> list[str]:
        """Each token's lower-case form (`Token.lower_`), read once from the parse's array."""
        if self._lowers is None:
            strings, forms = self.doc.vocab.strings, {}
            self._lowers = [forms[h] if h in forms else forms.setdefault(h, strings[h])
                            for h in (self.doc.to_array(LOWER).tolist() if len(self.doc) else [])]
        return self._lowers

    def _furniture_spans(self) -> list[tuple[int, int]]:
        """(start, end) of the page furniture run into the text (`furniture`: "Publicidad", a share bar
        "WhatsApp Facebook Twitter", "Síguenos en ...", a newsletter box, a phone number): where a text
        saved as one line kept what the cleaner drops as a line of its own."""
        folded_body, spans = None, []
        for p in self.lex.furniture:  # searched only in a text holding one of the literals each match holds
            needs = _needed_literals(p)
            if needs is not None:
                folded_body = cues.folded(self.body) if folded_body is None else folded_body
                if not any(lit in folded_body for lit in needs):
                    continue
            spans += [(m.start(), m.end()) for m in p.finditer(self.body) if m.end() > m.start()]
        return sorted(spans)

    def _in_furniture(self, start: int, end: int) -> bool:
        return any(lo < end and start < hi for lo, hi in self.furniture)

    def furniture_tokens(self) -> set[int]:
        """The indices of the tokens inside page furniture (once per article)."""
        if self._furniture_toks is None:
            out: set[int] = set()
            for lo, hi in self.furniture:
                span = self.doc.char_span(lo, hi, alignment_mode="expand")
                if span is not None:
                    out.update(range(span.start, span.end))
            self._furniture_toks = out
        return self._furniture_toks

    def cut_furniture(self, toks: list[Any], head: Any) -> list[Any]:
        """The tokens of a claim that page furniture does not part from its head: a claim never
        spans "Publicidad", a share bar or a newsletter box run into the sentence."""
        fur = self.furniture_tokens()
        if not fur or not toks:
            return toks
        lo = max((t.i for t in toks if t.i in fur and t.i < head.i), default=-1)
        hi = min((t.i for t in toks if t.i in fur and t.i > head.i), default=len(self.doc))
        out = [t for t in toks if lo < t.i < hi and t.i not in fur]
        if hi < len(self.doc):  # "... llamar al [555-201-3344]": no word left hanging before the cut
            while out and out[-1].i > head.i and (out[-1].is_punct or out[-1].pos_ in LEADING_POS | {"DET"}):
                out.pop()
        return out

    def _in_name(self, f: Found) -> bool:
        """A bare number or count inside a name ("Canal 13", "Apollo 11", "NBC 7"): a mention that holds a word
        besides the number is a name, its number no figure."""
        if f.value.kind not in ("number", "count"):
            return False
        i = bisect.bisect_right(self._mstarts, f.start) - 1
        while i >= 0 and f.start - self.mentions[i].start < 200:
            m = self.mentions[i]
            if m.start <= f.start < m.end and re.search(r"[^\W\d_]", self.body[m.start:f.start] + self.body[f.end:m.end]):
                return True
            i -= 1
        return False

    NOT_COUNTED = frozenset({"AUX", "VERB", "ADP", "ADV", "PRON", "DET", "SCONJ", "CCONJ", "PART"})

    def _counted(self, f: Found) -> Found:
        """A count whose counted word is no noun in the parse ("all three would be charged", "los
        tres serán acusados", "20 killed") is a bare number: the text pattern took the next word. A
        counted word that only modifies the noun after it (an adjective, the first part of a
        hyphenated word: "1,200 fellow students", "nine active-duty generals", "cinco presuntos
        delincuentes") counts that noun, the one the number modifies."""
        if f.value.kind != "count" or not f.value.unit:
            return f
        span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is None or len(span) < 2:
            return f
        last = span[-1]
        if last.pos_ not in self.NOT_COUNTED:
            if last.lower_ in _glossary() or not (last.pos_ == "ADJ" or self.body[last.idx + len(last):][:1] == "-"):
                return f
            noun = self._counted_noun(span)
            return f if noun is None else Found(f.start, f.end, replace(f.value, unit=noun.lower_))
        end = span[-2].idx + len(span[-2])
        return Found(f.start, end, replace(f.value, kind="number", unit=None))

    COUNTED_REACH = 6  # words between a count's modifier and the noun it counts, at most

    def _counted_noun(self, span: Any) -> Any | None:
        """The noun a count's number modifies, after the span's last word and close to it."""
        last = span[-1]
        for tok in span:
            if tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and 0 < tok.head.i - last.i <= self.COUNTED_REACH:
                return tok.head
        head = last.head  # "fellow" -> "students", "active-duty" -> "generals" (the number hangs elsewhere)
        while head.i > last.i and head.head.i > head.i and head.i - last.i <= self.COUNTED_REACH \
                and (head.pos_ != "NOUN" or head.dep_ in ("compound", "amod")):
            head = head.head
        return head if head.pos_ == "NOUN" and 0 < head.i - last.i <= self.COUNTED_REACH else None

    # ---- arguments -----------------------------------------------------------------------
    def covering(self, tok: Any) -> Iterator[Mention]:
        """The mentions covering the token (mentions may nest: a nickname inside a full name),
        the latest start first, among those starting at most 200 characters before it."""
        i = bisect.bisect_right(self._mstarts, tok.idx) - 1
        while i >= 0 and tok.idx - self.mentions[i].start < 200:
            if self.mentions[i].start <= tok.idx < self.mentions[i].end:
                yield self.mentions[i]
            i -= 1

    def entity_at(self, tok: Any) -> str | None:
        """The entity of the mention covering the token, the longest of the first three."""
        best = max(islice(self.covering(tok), 3), key=lambda m: m.end - m.start, default=None)
        return best.entity if best else None

    def person_at(self, tok: Any) -> str | None:
        """The person entity of a PERSON mention covering the token, or None."""
        return next((m.entity for m in self.covering(tok) if m.label == "PERSON" and m.entity), None)

    def entity_of(self, tok: Any | None) -> str | None:
        """The entity named by an argument: its head, else a name modifying it ("U.S. agencies");
        a personal pronoun ("him", "lo") is the nearest person named before it in its sentence or
        the sentence before."""
        if tok is None:
            return None
        if tok.pos_ == "PRON":
            gender = self.pronoun_gender(tok)
            return self.antecedent(tok, gender) if gender or tok.lower_ in PERSONAL else None
        found = self.entity_at(tok)
        if found:
            return found
        for child in tok.children:  # "the Defence Secretary, Donald Rumsfeld,", "el ministro, Juan Pérez,":
            if child.dep_ == "appos" and (found := self.entity_at(child)):  # the appositive names the head
                return found  # itself, a modifying name ("Defence") something related
        if tok.pos_ == "NOUN" and self.person_noun(tok):
            # "el gobernador Rubén Rocha": the person named beside the role is its holder; "the New
            # Jersey governor", "Trump's spokesman": a person the modifying name does not name
            return next((found for child in tok.children if child.dep_ in CORE_DEPS and child.dep_ not in POSSESSIVE
                         and (found := self.person_at(child))), None)
        for child in tok.children:
            if child.dep_ in POSSESSIVE and child.pos_ in ("PRON", "DET") and child.lower_ in POSSESSORS:
                if tok.lemma_.casefold() in self.lex.event_nouns:
                    found = self.antecedent(child, self.pronoun_gender(child))  # "request his extradition", "pidió su captura": him
                    if found:
                        return found
            elif child.dep_ in CORE_DEPS:
                found = self.entity_of(child)
                if found:
                    return found
        return None

    def person_noun(self, tok: Any) -> bool:
        """A noun for a person by role or title (governor, spokesman, gobernador, vocero)."""
        lex = names.lexicon(self.lex.language)
        return any(w in lex.role_nouns or w in lex.titles or w in lex.trailing_roles or w in lex.person_nouns
                   for w in (tok.lower_, tok.lemma_.casefold()))

    def argument(self, tok: Any | None) -> str | None:
        """The referent of an argument: the entity it names, else the unnamed body a description
        names (`description_of`)."""
        return self.entity_of(tok) or self.description_of(tok)

    def written_ends(self, tok: Any, subj: Any | None, patient: Any | None, agent: str | None, obj: str | None,
                     start: int, end: int, clause: bool = True) -> tuple[str | None, str | None, int]:
        """(agent, object, start) of a claim once its unnamed ends are written out: a subject no name
        or description names as its noun phrase (`noun_phrase`); for a clause (`clause`), a passive's
        patient likewise ("Twenty-nine people were injured", "5,300 employees were fired": who
        underwent it) and the text opened at the word that ties it to its subject's clause
        (`connective_start`)."""
        agent = agent or self.noun_phrase(subj, start, end)
        if clause and obj is None and patient is not None and (patient.dep_ in PASS_SUBJ or patient.dep_ in SUBJ):
            obj = self.noun_phrase(patient, start, end)
        return agent, obj, self.connective_start(tok, start) if clause else start

    def connective_start(self, head: Any, start: int) -> int:
        """Where a claim's text starts: a coordinated or relative clause with no subject of its own
        ("..., and promptly voted against the bill", "X, who has backed Y since 2008") keeps the
        word that ties it to the clause its subject is in ("and promptly voted against the bill",
        "who has backed Y since 2008"): its text says no one, so it reads as the fragment it is
        (`atomic_reason`). Any other clause starts where it did."""
        if head.dep_ not in ("conj", *RELATIVE_CLAUSE_DEPS) or head.pos_ not in ("VERB", "AUX") \
                or any((c.dep_ in SUBJ or c.dep_ in PASS_SUBJ or c.dep_.startswith("expl"))
                       and c.lower_ not in RELATIVE for c in head.children):
            return start
        first = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if first is None or first.start == 0:
            return start
        before = self.doc[first.start - 1]
        # the coordinator hangs from this verb or, as English parses have it, from the first of the two
        tied = before.dep_ == "cc" and before.head.i in (head.i, head.head.i) and head.dep_ == "conj" \
            or before.lower_ in RELATIVE and before.head.i == head.i
        if before.sent.start != first[0].sent.start or not tied:
            return start
        return before.idx

    def relative_noun(self, tok: Any) -> Any | None:
        """The noun a relative clause is said of when the clause follows it directly, only its own
        words and punctuation between, and its relative pronoun is the clause's subject or object
        ("the museum, which was created in 1990", "Ed Rendell, who helmed the DNC", "el hombre que
        la policía detuvo"): the claim opens at that noun, so its text says whom it is about. (A
        clause set apart from its noun, "arrested X yesterday, who had led ...", stays as it is.)"""
        if tok.dep_ not in RELATIVE_CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX") or tok.head.i >= tok.i \
                or tok.head.pos_ not in ("NOUN", "PROPN"):
            return None
        if not any(c.lower_ in RELATIVE and (c.dep_ in SUBJ or c.dep_ in PASS_SUBJ or c.dep_ in OBJ)
                   for c in tok.children):
            return None
        noun = tok.head
        between = self.doc[noun.i + 1:tok.left_edge.i]
        if any(not (t.is_punct or t.is_space) and (noun not in t.ancestors or self._below_clause(t, noun)) for t in between):
            return None
        return noun

    # ---- unnamed referents ---------------------------------------------------------------
    NP_WORDS = 6  # longest noun phrase kept as a subject's key

    def noun_phrase(self, tok: Any | None, start: int, end: int) -> str | None:
        """A subject no name or description names, written out as a definite noun phrase of the
        claim's own text (`np:<phrase>`): a common noun with a definite or demonstrative article, a
        possessive or a number ("The two men", "los dos hombres", "his campaign", "1 in 4 residents"), a
        share of a group ("62 percent of Republicans", "el 62% de los votantes") or a group a people's
        or party's name names ("Republicans on the committee", "los priistas": a NORP mention, plural).
        It tells the reader who acts (and, for a passive's patient, "Twenty-nine people were
        injured", whom it befell); the corpus never ties or parts two claims by it (it names no
        one body across articles). A bare noun ("people", "voters"), a pronoun or a noun outside the
        claim's text is none."""
        if tok is None or not start <= tok.idx < end:
            return None
        share = self._share(tok)  # (a share may be parsed as a symbol: "el 62% de los votantes")
        if tok.pos_ not in ("NOUN", "NUM", "PRON", "PROPN") and not share:
            return None
        # "Republicans", "los priistas": a people or a party by name (no entity), as a group
        group = "Plur" in morph_values(tok, "Number") and tok.pos_ in ("NOUN", "PROPN") \
            and any(m.label in GROUP_LABELS for m in self.covering(tok))
        if tok.pos_ == "PROPN" and not group:
            return None
        if (self._measure(tok) and not share) or tok.lemma_.casefold() in self.lex.event_nouns:
            return None  # "300 kilos", "por el homicidio" (a passive's cause read as its agent): no one who acts
        if tok.pos_ in ("NUM", "PRON") or share:  # "1 in 4 residents", "uno de cada cuatro vecinos", "62 percent
            # of Republicans", "el 62 por ciento de los votantes": a share of a counted group
            noun = next((t for t in tok.subtree if t.pos_ in ("NOUN", "PROPN") and t.i > tok.i and not self._measure(t)
                         and (tok.pos_ == "NUM" or share or any(c.pos_ == "NUM" for c in t.subtree if c.i < t.i))), None)
            if noun is None:
                return None
            last = noun
        elif group:
            last = tok
        else:
            if not (self._definite(tok) or any(c.dep_ == "nummod" or c.dep_ in ("poss", "nmod:poss")
                                              or c.dep_ == "det" and "Yes" in morph_values(c, "Poss")
                                              for c in tok.children)):
                return None  # "people", "a man", "unos hombres": no one the reader can point at
            last = tok
        first = tok.left_edge
        words = [t for t in self.doc[first.i:last.i + 1] if not t.is_space and not t.is_punct]
        while words and words[0].pos_ in LEADING_POS:  # "por el homicidio": the phrase, not its preposition
            words = words[1:]
        if not words or words[0].idx < start or len(words) > self.NP_WORDS:
            words = [c for c in tok.children if c.dep_ in ("det", "nummod") and c.i < tok.i][:2] + [tok]
            return "np:" + " ".join(t.text for t in words)
        written = self.body[words[0].idx:words[-1].idx + len(words[-1])]  # as written: "Twenty-seven states"
        return "np:" + " ".join(written.split())

    def description_of(self, tok: Any | None) -> str | None:
        """The key of the unnamed body an argument's noun describes ("the task force", "la
        embajada estadounidense"): `desc:<concept>`, with `@ent:<local key>` or `@name:<place>` when
        a named modifier, a place or a nationality adjective anchors it. The corpus matcher
        (`fuentes.corpus.claims`) resolves the keys of one story to one referent."""
        if tok is None or tok.pos_ == "PRON":
            return None
        if self._descriptions is None:
            self._descriptions = self.descriptions()
        return self._descriptions.get(tok.i)

    def descriptions(self) -> dict[int, str]:
        """Every noun of the article that describes an unnamed body, in text order: its head noun
        (with its compound, "task force", "fuerza de tarea") is in the language's `descriptions`;
        without an anchor of its own it takes the last anchored description of its concept in
        the article; a later definite noun with the same head ("the force", "la fuerza") is the
        same referent."""
        out: dict[int, str] = {}
        by_head: dict[str, str] = {}
        by_concept: dict[str, str] = {}
        doc = self.doc
        nouns = (doc.to_array(POS) == NOUN).nonzero()[0].tolist() if len(doc) else []
        for i in nouns:  # the nouns in text order, read from the parse's array (no Token for the rest)
            tok = doc[i]
            if self.entity_at(tok):
                continue
            head = tok.lemma_.casefold()
            concept = self._concept(tok)
            if concept is None:
                if head in by_head and self._definite(tok):
                    out[tok.i] = by_head[head]
                continue
            anchor = self._anchor(tok)
            key = f"desc:{concept}@{anchor}" if anchor else by_concept.get(concept, f"desc:{concept}")
            by_concept[concept] = key
            by_head[head] = by_head[tok.lower_] = key
            out[tok.i] = key
        return out

    def _concept(self, tok: Any) -> str | None:
        table = self.lex.descriptions or {}
        heads = [tok.lemma_.casefold(), tok.lower_]
        last, first = _description_ends(self.lex.language)
        if not any(h in last or h in first or " " in h for h in heads):  # no two- or three-word entry for it
            return next((table[h] for h in heads if h in table), None)
        for c in tok.children:
            if c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "NOUN":  # "task force"
                for h in heads:
                    found = table.get(f"{c.lemma_.casefold()} {h}") or table.get(f"{c.lower_} {h}")
                    if found:
                        return found
            if c.dep_ in ("nmod", "prep") and c.i in (tok.i + 1, tok.i + 2):  # "fuerza de tarea"
                noun = c if c.dep_ == "nmod" else next((g for g in c.children if g.dep_ == "pobj"), None)
                case = next((g.lower_ for g in c.children if g.dep_ == "case"), None) if c.dep_ == "nmod" \
                    else c.lower_
                if noun is not None and case and noun.pos_ == "NOUN":
                    for h in heads:
                        found = table.get(f"{h} {case} {noun.lemma_.casefold()}") or \
                            table.get(f"{h} {case} {noun.lower_}")
                        if found:
                            return found
        return next((table[h] for h in heads if h in table), None)

    def _anchor(self, tok: Any) -> str | None:
        """What names the body a description describes: a named modifier or place in its phrase
        ("the U.S. embassy", "in Arizona", "de Estados Unidos"), else a nationality adjective."""
        for t in tok.subtree:
            if t.i == tok.i or self._below_clause(t, tok):
                continue
            found = self.entity_at(t)
            if found:
                return f"ent:{found}"
            demonyms = self.lex.demonyms or {}
            place = demonyms.get(t.lower_) or demonyms.get(t.lemma_.casefold())  # "canadienses": canadiense
            if place and t.pos_ in ("ADJ", "PROPN", "NOUN"):
                return f"name:{place}"
        verb = tok.head  # "set up a task force in Arizona": where its clause puts it
        if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX") or tok.dep_ not in OBJ | SUBJ | PASS_SUBJ:
            return None
        for c in verb.children:
            noun = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and \
                c.lower_ in PLACE_PREPOSITIONS else c if c.dep_ in ("obl", "nmod") and \
                any(g.dep_ == "case" and g.lower_ in PLACE_PREPOSITIONS for g in c.children) else None
            found = self.entity_at(noun) if noun is not None else None
            if found:
                return f"ent:{found}"
        return None

    @staticmethod
    def _below_clause(t: Any, head: Any) -> bool:
        """The token sits in a relative clause or a clause of its own below the noun."""
        while t.i != head.i and t.head.i != t.i:
            if t.dep_ in ("relcl", "acl:relcl", "ccomp", "advcl"):
                return True
            t = t.head
        return False

    def _share(self, tok: Any) -> bool:
        """The word is the unit of a share ("percent", "por ciento") or a noun of a part of a group
        (`group_nouns`: majority, group, half; mayoría, grupo, mitad) that an "of" / "de" ties to the
        group ("62 percent of Republicans", "a majority of voters", "un grupo de padres"): who the
        clause is about."""
        i = bisect.bisect_right(self._vstarts, tok.idx) - 1
        if tok.lemma_.casefold() not in self.lex.group_nouns and tok.lower_ not in self.lex.group_nouns and (
                i < 0 or self.values[i].end <= tok.idx or self.values[i].value.kind != "percent"):
            return False
        last = tok.right_edge.i
        return any(t.lower_ in self.lex.event_of for t in self.doc[tok.i + 1:min(last, tok.i + 4) + 1])

    @staticmethod
    def _definite(tok: Any) -> bool:
        return any(c.dep_ == "det" and ("Def" in morph_values(c, "Definite") or "Dem" in morph_values(c, "PronType")
                                        or c.lower_ in ("the", "this", "that", "these", "those"))
                   for c in tok.children)

    # ---- pronouns ------------------------------------------------------------------------
    CHAIN = 4  # earlier pronouns a chain of pronouns may pass through back to the name they stand for

    def pronoun_gender(self, tok: Any) -> str | None:
        """"m" / "f" for a personal pronoun or possessive of a person ("he", "her", "ella"), "p" for a
        plural one ("they", "ellos"), by the quote stage's lexicon; None otherwise ("it", "lo", "su")."""
        gender = self.speech.pronoun_gender(tok.lower_)
        return gender if gender in ("m", "f", "p") else None

    @property
    def referents(self) -> speakers.Referents:
        """The article's antecedents as the quote stage reads them (people and organisations outside
        quotes and captions, genders from honorifics, first names and the pronouns after a name)."""
        if self._referents is None:
            starts = [start for start, _ in speech.paragraphs(self.body)]
            self._referents = speakers.Referents(
                self.doc, self.mentions, self.entities, speech.find_quote_spans(self.body), self.speech,
                lambda char: max(0, bisect.bisect_right(starts, char) - 1))
        return self._referents

    def antecedent(self, tok: Any, gender: str | None = None, depth: int = 0) -> str | None:
        """The one referent a pronoun or a dropped subject at `tok` stands for, or None. First the
        subject of a clause governing the pronoun's own, when it fits the pronoun's gender ("Ruiz
        said he fled", "Soto had to tell Ruiz that he ..."). Else, in its sentence and the one
        before: the people named (for "p": the organisations named and the groups described or
        written as a plural noun) that fit its gender ("she": no one known to be a man), and what
        the earlier pronouns of that gender there stand for ("Ruiz fled. He was caught. He had ...").
        Only one such referent is a clear antecedent; two ("Ruiz met Soto. He said ...", two men), a
        group no entity or description names ("Smith and Jones", "paid operatives") or an earlier
        pronoun left unresolved leave the pronoun unresolved. `gender` None (a dropped subject,
        "lo", "su") asks for a person. People come from the quote stage's `speakers.Referents`
        (mentions outside quotes and captions, genders from honorifics, first names and pronouns)."""
        key = (tok.i, gender)
        if key in self._antecedents:
            return self._antecedents[key]
        self._antecedents[key] = None  # a chain never loops back to itself
        result = self._governing_subject(tok, gender, depth)
        if result is None:
            found = self._window_referents(tok, gender, depth)
            result = next(iter(found.values())) if len(found) == 1 else None
        self._antecedents[key] = result
        return result

    GOVERNED = {"ccomp", "advcl", "conj", "xcomp", "parataxis", "csubj"}  # a clause under another's subject

    def _governing_subject(self, tok: Any, gender: str | None, depth: int) -> str | None:
        """The referent of the subject of the nearest clause above the pronoun's own that has one,
        when it fits the pronoun ("Ruiz said he", "they said they"); None when it does not."""
        clause = tok.head if tok.dep_ in SUBJ or tok.dep_ in PASS_SUBJ else tok
        while clause.dep_ in self.GOVERNED and clause.head.i != clause.i:
            if clause.dep_ == "xcomp" and any(c.dep_ in OBJ for c in clause.head.children):
                return None  # "pushed Democrats to say they ...": the object is who says it
            clause = clause.head
            subj = next((c for c in clause.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ), None)
            if subj is None:
                continue
            if subj.i == tok.i:
                return None
            if subj.pos_ == "PRON":
                if self.pronoun_gender(subj) is None and subj.lower_ not in PERSONAL:
                    continue  # "Thiel made the news when it was revealed that he ...": on up to Thiel
                same = self.pronoun_gender(subj) == gender and gender is not None and depth < self.CHAIN
                return self.antecedent(subj, gender, depth + 1) if same else None
            ref = self.referents
            m = ref.mention_at(subj.idx)
            if m is None or not m.entity:
                desc = self.description_of(subj) if gender == "p" else None
                return desc if desc and "Plur" in morph_values(subj, "Number") else None
            if not ref._fits(m, "p" if gender == "p" else None):
                return None
            if gender in ("m", "f") and ref.gender.get(ref.key(m)) not in (None, gender):
                return None
            return m.entity
        return None

    def _measure(self, tok: Any) -> bool:
        """The word is the unit of a measured figure ("300 kilos", "5 km"): no group of anyone."""
        i = bisect.bisect_right(self._vstarts, tok.idx) - 1
        return i >= 0 and self.values[i].end > tok.idx and self.values[i].value.kind != "count"

    def _window_referents(self, tok: Any, gender: str | None, depth: int) -> dict[str, str | None]:
        """What a pronoun may stand for in its sentence and the one before (see `antecedent`):
        referent key -> its entity or description key (None: a referent with no key)."""
        ref, sent = self.referents, sentence_of(tok)
        first = sentence_of(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        lo = self.doc[first].idx
        found: dict[str, str | None] = {}
        people: set[str] = set()
        i = bisect.bisect_left(ref._starts, tok.idx) - 1
        while i >= 0 and ref.mentions[i].start >= lo:
            m = ref.mentions[i]
            i -= 1
            if m.end > tok.idx or (ref.caption[m.start] and not ref.caption[tok.idx]):
                continue
            if gender == "p" and ref._fits(m, None):
                people.add(ref.key(m))
            elif gender == "p" and m.label in GROUP_LABELS:
                found[f"~{m.start}"] = None  # "Democrats", "los priistas": a group no entity names
            if not ref._fits(m, "p" if gender == "p" else None):
                continue
            if gender in ("m", "f") and ref.gender.get(ref.key(m)) not in (None, gender):
                continue  # "she" is no one known to be a man
            found[ref.key(m)] = m.entity
        if gender == "p":
            if len(people) > 1:
                found["~people"] = None  # "Smith met Jones; they ...": the two of them, no entity
            for t in self.doc[first:tok.i]:
                if t.pos_ != "NOUN" or t.dep_ in ("compound", "amod") or self.entity_at(t) or self._measure(t):
                    continue
                desc = self.description_of(t)
                if desc or "Plur" in morph_values(t, "Number"):
                    found[desc or f"~{t.i}"] = desc  # "the task force", "la policía"; "paid operatives": none
        if gender is not None:
            named = min((m.start for m in ref.mentions if lo <= m.start < tok.idx and m.entity in found.values()),
                        default=tok.idx)
            for t in self.doc[first:tok.i]:
                if t.pos_ == "PRON" and self.pronoun_gender(t) == gender:
                    got = self.antecedent(t, gender, depth + 1) if depth < self.CHAIN else None
                    if got or t.idx < named:  # a chain from before the first name ("They recruited ... a
                        found[got or f"~{t.i}"] = got  # council. They held ..."): whoever it is, unclear
        return found

    def inside(self, quotes: list[Quote], char: int) -> Quote | None:
        return next((q for q in quotes if q.start <= char < q.end), None)

    # ---- predicates ----------------------------------------------------------------------
    def verb_class(self, tok: Any) -> str | None:
        found = self._verb_classes.get(tok.i, False)
        if found is False:
            found = self._verb_classes[tok.i] = self._verb_class(tok)
        return found

    def _verb_class(self, tok: Any) -> str | None:
        children = list(tok.children)
        particles = [c.lower_ for c in children if c.dep_ in ("prt", "compound:prt")]
        for prt in particles:
            cls = self.lex.predicates.get(f"{tok.lemma_.casefold()} {prt}")
            if cls:
                return cls
        if particles:
            return None  # a particle makes another verb: "caught up on his bills", "headed back" (not "catch", "head")
        lemma = tok.lemma_.casefold()
        for child in children:  # "set fire to", "offered a reward", "entregó la solicitud"
            if child.dep_ in OBJ:
                cls = (self.lex.verb_object or {}).get(f"{lemma} {child.lemma_.casefold()}") or \
                    (self.lex.verb_object or {}).get(f"{lemma} {child.lower_}")
                if cls:
                    return cls
        if lemma in self.lex.with_event_object:  # "executed the operation" is no killing
            patient = self.arguments(tok)[1]
            if patient is not None and patient.lemma_.casefold() in self.lex.event_nouns:
                return self.lex.with_event_object[lemma]
        cls = self.lex.predicates.get(lemma)
        verb = lemma
        if cls is None and tok.pos_ == "VERB":
            form = tok.lower_
            stems, longest = _stem_table(self.lex.language)  # the longest stem the form opens with
            stem = next((form[:n] for n in range(min(len(form), longest), 0, -1) if form[:n] in stems), None)
            if stem is not None:
                cls, verb = stems[stem], _stem_verbs(self.lex.language).get(stem, lemma)
        if cls is not None and not self.typed_sense(tok, verb):
            return None
        if cls in (self.lex.share_senses or {}) and self.takes_shares(tok):
            self._share_classes[tok.i] = (self.lex.share_senses or {})[cls]
            return None
        return cls

    def takes_shares(self, tok: Any) -> bool:
        """The verb's objects are all shares, votes, audiences or markets (`share_words`, or a percent figure):
        "captured 45 percent of the vote", "capturó el 45 por ciento de los votos", "capturó el mercado"."""
        objects = [c for c in tok.children if c.dep_ in OBJ]
        words = self.lex.share_words
        percents = [(f.start, f.end) for f in self.values if f.value.kind == "percent"]
        return bool(objects) and all("%" in o.text or o.lower_ in words or o.lemma_.casefold() in words
                                     or any(lo <= o.idx < hi for lo, hi in percents) for o in objects)

    def typed_sense(self, tok: Any, verb: str) -> bool:
        """A verb of two senses is used in its typed one: a verb of `saying_senses` with no clause of its own
        ("aseguró 20 kilos", not "aseguró que ..."); a verb of `sense_words` whose clause, outside its patient,
        holds one of its words ("condenó a Quintero a 20 años de prisión", "un juez lo condenó", not "condenó el
        ataque", "condenó la violencia": a criticism, the verb's own lemma)."""
        if verb in self.lex.saying_senses and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
            return False
        words = (self.lex.sense_words or {}).get(verb)
        if not words:
            return True
        patient = self.arguments(tok)[1]
        inside = {t.i for t in patient.subtree} if patient is not None and patient.i != tok.i else set()
        return any(t.i not in inside and (t.lower_ in words or t.lemma_.casefold() in words)
                   for t in tok.subtree if t.i != tok.i and not self._subordinate(t, tok))

    PHRASAL_DEPS = frozenset({"prt", "compound:prt", "compound", "fixed", "advmod", "prep", "dobj", "obj"})

    def untyped_verb(self, verb: Any) -> str:
        """The predicate of a verb outside the typed vocabulary: its lemma, or the verb with its particle,
        preposition or object when `verb_classes` lists them together ("stepped down", "ruled out", "looked
        into", "took place", "held talks": not "step", "rule", "look", "take", "hold")."""
        if self.verb_class(verb) is None and verb.i in self._share_classes:
            return self._share_classes[verb.i]  # "captured 45 percent of the vote": receive
        lemma = lemma_of(verb)
        classes = self.lex.verb_classes or {}
        for child in verb.children:
            if child.dep_ in self.PHRASAL_DEPS:
                for word in (child.lower_, child.lemma_.casefold()):
                    if f"{lemma} {word}" in classes:
                        return f"{lemma} {word}"
        return lemma

    DIRECTION_DEPS = frozenset({"advmod", "prt", "compound:prt", "acomp", "obl", "obl:arg", "obj", "npadvmod"})

    def direction(self, verb: Any) -> str | None:
        """The change a neutral verb states with a direction word of its own ("shares were up 8 cents",
        "closed lower at $54.32", "las acciones cerraron al alza 3 por ciento"): the class of rising or falling verbs
        (`direction_words`), so it is one statement with "rose 8 cents" / "subieron"."""
        if lemma_of(verb) not in self.lex.direction_verbs or not any(t.like_num and not _year(t) for t in verb.subtree):
            return None  # a change states its amount ("ended up in jail", "was up for re-election in 2020": none)
        words = self.lex.direction_words or {}
        transitive = any(c.dep_ in OBJ for c in verb.children)
        for child in verb.children:
            if child.dep_ in ("prt", "compound:prt") and transitive:
                continue  # a phrasal verb with its object ("closed down the plant in 2019"): no change of a figure
            if child.dep_ in self.DIRECTION_DEPS:
                found = words.get(child.lower_) or words.get(child.lemma_.casefold())
                if found:
                    return found
        return None

    def arguments(self, verb: Any) -> tuple[Any | None, Any | None]:
        """(agent, patient) tokens of a verb, passive voice and relative clauses undone."""
        subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
        # of two objects, one marked by a preposition ("entregó a la Cancillería la solicitud": the
        # recipient, parsed obj by some models) is not the patient
        patient = min((c for c in verb.children if c.dep_ in OBJ and not self._by_agent(c)),
                      key=lambda c: any(g.dep_ == "case" for g in c.children), default=None)
        if patient is None:  # Spanish personal "a": "detuvo a Zárate" (parsed obl by some models)
            patient = next((c for c in verb.children if c.dep_ == "obl" and c.pos_ in ("PROPN", "NOUN")
                            and any(g.dep_ == "case" and g.lower_ == "a" for g in c.children)
                            and c.i == min(x.i for x in c.subtree) + 1), None)
        passive = next((c for c in verb.children if c.dep_ in PASS_SUBJ), None)
        if passive is None and subj is not None and self._periphrastic_passive(verb):
            passive = subj  # "Quintero fue capturado por X" (the subject parsed nsubj, the agent obj)
        if passive is not None:
            patient, subj = passive, self._agent(verb)
        if subj is not None and subj.lower_ in RELATIVE and verb.dep_ in RELATIVE_CLAUSE_DEPS:
            subj = verb.head  # "X, who fled", "X, que huyó": X
        if patient is not None and patient.lower_ in RELATIVE and verb.dep_ in RELATIVE_CLAUSE_DEPS \
                and verb.head.i < patient.i:
            patient = verb.head  # "the man whom police arrested", "el hombre que la policía detuvo": the man
        if verb.dep_ in ("acl",) and verb.tag_ == "VBN" and patient is None:
            patient, subj = verb.head, self._agent(verb)  # "intelligence provided by X"
        if subj is None and verb.dep_ == "conj" and passive is None and patient is None:
            # "X was shot and killed by Y", "X fue baleado y asesinado por Y": Y killed X
            head = verb.head
            shared = next((c for c in head.children if c.dep_ in PASS_SUBJ), None) or \
                next((c for c in head.children if c.dep_ in SUBJ and self._periphrastic_passive(head)), None)
            if shared is not None and (verb.tag_ == "VBN" or "Part" in morph_values(verb, "VerbForm")):
                patient, subj = shared, self._agent(verb) or self._agent(head)
        if subj is None and verb.dep_ == "conj" and passive is None:  # "gunmen burned ... and blocked ..."
            subj = next((c for c in verb.head.children if c.dep_ in SUBJ), None)
        if subj is None and verb.dep_ == "xcomp":
            gov = verb.head
            subj = next((c for c in gov.children if c.dep_ in OBJ), None) or \
                next((c for c in gov.children if c.dep_ in SUBJ), None)
        return subj, patient

    def raised(self, tok: Any) -> tuple[Any, str | None] | None:
        """(complement, modality) of a verb whose infinitive complement is what it states: an
        implicative verb ("managed to strike a deal", "logró cerrar un acuerdo": the deal was struck,
        modality None: the clause's own) or an expectation verb in the passive ("is expected to
        decline", "se prevé crecer": a forecast, "predicted"); else None."""
        lemma = tok.lemma_.casefold()
        if lemma in self.lex.schedule_verbs:  # "1,500 police are to be deployed": a deployment scheduled
            comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            return (comp, "predicted") if comp is not None else None
        if lemma not in self.lex.implicative_verbs and lemma not in self.lex.expectation_verbs:
            return None
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if lemma in self.lex.implicative_verbs:
            return (comp, None) if comp is not None else None
        passive = any(c.dep_ in PASS_SUBJ or c.dep_ in ("auxpass", "aux:pass", "expl:pass") for c in tok.children)
        if comp is not None and passive:
            return comp, "predicted"
        # "se prevé que las ventas suban": a clause in the subjunctive is what is forecast (not "Ana
        # espera que ...": someone's hope)
        clause = next((c for c in tok.children if c.pos_ in ("VERB", "AUX") and self.forecast_of(c)
                       and "Sub" in morph_values(c, "Mood")), None)
        return (clause, "predicted") if clause is not None else None

    def oblique_body(self, tok: Any, toks: list[Any]) -> str | None:
        """The unnamed body a clause with no object acts through or on, named by a description in
        an oblique of one of its verbs ("continued coordinating through task forces in Arizona",
        "coordinaron a través de la fuerza de tarea"), not in a clause of its own: its key."""
        for t in toks:
            if t.i == tok.i or t.dep_ not in ("pobj", "obl", "nmod") or self._subordinate(t, tok):
                continue
            gov = t.head.head if t.dep_ == "pobj" else t.head
            if gov.pos_ not in ("VERB", "AUX"):
                continue
            key = self.description_of(t)
            if key is not None:
                return key
        return None

    def raised_arguments(self, tok: Any, comp: Any) -> tuple[Any | None, Any | None]:
        """(agent, patient) of a raised clause: the governor's subject ("the market is expected to
        decline"), the complement's object."""
        subj = next((c for c in tok.children if (c.dep_ in SUBJ or c.dep_ in PASS_SUBJ) and c.i != comp.i), None)
        inner, patient = self.arguments(comp)
        return subj or (inner if comp.dep_ != "xcomp" else None), patient

    def _agent(self, verb: Any) -> Any | None:
        for c in verb.children:
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ == "obl:agent" or (c.dep_ in ("obl", "obj") and any(g.lower_ == "por" for g in c.children
                                                                           if g.dep_ == "case")):
                return c
        return None

    @staticmethod
    def _by_agent(c: Any) -> bool:
        """An object marked "por" ("capturado por la policía"): the agent, no patient."""
        return any(g.dep_ == "case" and g.lower_ == "por" for g in c.children)

    @staticmethod
    def _periphrastic_passive(verb: Any) -> bool:
        """A participle with the auxiliary "ser" or "estar" ("fue capturado", "estuvo ocupado por"):
        a passive whose subject some models label nsubj."""
        return "Part" in morph_values(verb, "VerbForm") and any(
            c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_.casefold() in ("ser", "estar") for c in verb.children)

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
    AUX_DEPS = frozenset({"aux", "auxpass", "aux:pass"})  # an auxiliary heads nothing

    def heads(self) -> list[tuple[Any, str | None]]:
        """(token, class) of every candidate claim head, in text order. The parts of speech,
        labels and lemmas are read from the parse's arrays: a Token only for a candidate."""
        out = []
        doc = self.doc
        if not len(doc):
            if self._breaks is None:
                self._breaks = []
            return out
        heads, deps = self.parse_arrays()
        pos = doc.to_array(POS).tolist()
        lemma_hashes = doc.to_array(LEMMA).tolist()
        strings, lemmas = doc.vocab.strings, {}
        event_nouns = self.lex.event_nouns
        for i, p in enumerate(pos):
            if (p == VERB or p == AUX) and deps[i] not in self.AUX_DEPS:
                tok = doc[i]
                cls = self.verb_class(tok)
                if cls is None and tok.lemma_.casefold() in self.speech.verbs:
                    continue
                out.append((tok, cls))
                continue
            if p == NOUN:
                h = lemma_hashes[i]
                lemma = lemmas.get(h)
                if lemma is None:
                    lemma = lemmas[h] = strings[h].casefold()
                if lemma in event_nouns:
                    tok = doc[i]
                    patient = self.event_patient(tok)
                    if patient is not None and self.entity_of(patient):
                        out.append((tok, event_nouns[lemma]))
                    continue
            if p != VERB and p != AUX and deps[i] in STATEMENT_DEPS:
                tok = doc[i]
                if self._nominal_predicate(tok) and (self.every_clause or self.named_state(tok)):
                    out.append((tok, None))  # "es el hombre más buscado": UD hangs the clause from the noun
        if self._breaks is None:
            self._breaks = self._paragraph_break_tokens()
        return out

    @staticmethod
    def _nominal_predicate(tok: Any) -> bool:
        return tok.pos_ not in ("VERB", "AUX") and any(c.dep_ == "cop" for c in tok.children)

    def clause_tokens(self, head: Any, heads: set[int]) -> list[Any]:
        """The head's subtree without sub-clauses that are claims of their own."""
        drop: set[int] = set()
        coord: set[int] = set()  # coordinated statements ("burned 23 vehicles and blocked 14 roads")
        for child in head.children:
            if child.i in heads:
                if child.dep_ in CLAUSE_DEPS:
                    drop.update(t.i for t in child.subtree)
                if child.dep_ in ("conj", "parataxis"):
                    coord.update(t.i for t in child.subtree)
        lo = next((d for d in sorted(coord, reverse=True) if d < head.i), -1)
        hi = next((d for d in sorted(coord) if d > head.i), len(self.doc))
        toks = [t for t in head.subtree if lo < t.i < hi and not t.is_space]
        # a claim never crosses a paragraph break (a kicker or dateline glued to the sentence)
        if toks:
            every = self.paragraph_breaks()
            breaks = every[bisect.bisect_left(every, toks[0].i):bisect.bisect_right(every, toks[-1].i)]
        else:
            breaks = []
        before = [b for b in breaks if b < head.i]
        after = [b for b in breaks if b >= head.i]
        toks = [t for t in toks if (not before or t.i > max(before)) and (not after or t.i <= min(after))]
        toks = self.cut_furniture(toks, head)
        self._inner = drop
        while toks and toks[0] is not head and (toks[0].is_punct or toks[0].lower_ in RELATIVE
                                                 or toks[0].dep_ in ("mark", "cc")):
            toks = toks[1:]
        while toks and toks[-1] is not head and ((toks[-1].is_punct and toks[-1].text not in ".!?")
                                                  or toks[-1].dep_ in ("cc", "mark") or toks[-1].lower_ in RELATIVE):
            toks = toks[:-1]  # "... since then, and": a clause cut before its coordinate
        return toks

    def paragraph_breaks(self) -> list[int]:
        """The indices of the tokens holding a paragraph break, in order (once per article)."""
        if self._breaks is None:
            self._breaks = self._paragraph_break_tokens()
        return self._breaks

    def _paragraph_break_tokens(self) -> list[int]:
        """The tokens whose text with its trailing space holds a blank line ("\n\n"), found from
        the blank lines of the text and the tokens' offsets; and the word before a run of spaces that
        stands for a lost line break (`_LOST_LINE`)."""
        doc = self.doc
        if not len(doc):
            return []
        text, idx = doc_text(doc), doc.to_array(IDX).tolist()
        out: list[int] = []
        at = text.find("\n\n")
        while at >= 0:
            i = bisect.bisect_right(idx, at) - 1  # the token the blank line starts in
            end = idx[i + 1] if i + 1 < len(idx) else len(text)
            if i >= 0 and at + 2 <= end and (not out or out[-1] != i):
                out.append(i)
            at = text.find("\n\n", at + 1)
        # a line break lost when the page was saved as one line: a run of spaces before a capital
        # ("... deja 16 muertos  Una pelea en ..."), after a word that ends a phrase (not "as  Trump")
        for m in _LOST_LINE.finditer(text):
            i = bisect.bisect_right(idx, m.start()) - 1
            if i >= 0 and doc[i].pos_ not in LEADING_POS | {"DET"}:
                out.append(i)
        lead = self._run_in_headline(doc)
        if lead is not None:
            out.append(lead)
        return sorted(set(out))

    def _run_in_headline(self, doc: Any) -> int | None:
        """The last word of a headline run into the first sentence of the text (a page saved as one
        line: "Los puntos de referencia operan cerca de la línea plana El Sensex y el Nifty borraron
        ..."): the first sentence holds a capitalised article that opens sentences (`sentence_openers`)
        right after a word that ends a phrase, with no punctuation between and no name around it ("plana
        El Sensex", not "en El Paso"; English lists none: "read The Times")."""
        first = next(iter(doc.sents), None)
        if first is None:
            return None
        for tok in first[1:]:
            prev = doc[tok.i - 1]
            if tok.text in self.lex.sentence_openers and not prev.is_punct \
                    and not prev.is_space and prev.pos_ not in LEADING_POS | {"DET", "PROPN"} \
                    and "\n" not in prev.whitespace_ and not any(True for _ in self.covering(tok)) \
                    and self._finite_in(doc[first.start:tok.i]) and self._finite_in(doc[tok.i:first.end]):
                return prev.i  # (a finite verb on each side: "los miembros del cártel Los Zetas detuvieron" is one)
        return None

    @staticmethod
    def _finite_in(toks: Any) -> bool:
        return any(t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm") for t in toks)


    def values_in(self, toks: list[Any]) -> list[Found]:
        """The values of the clause itself (not of the sub-claims it holds)."""
        if not toks:
            return []
        ids = {t.idx for t in toks if t.i not in self._inner}
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        i = bisect.bisect_left(self._vstarts, lo)
        out = []
        while i < len(self.values) and self.values[i].start < hi:
            f = self.values[i]
            if any(idx in ids for idx in self._value_offsets(i)):
                out.append(f)
            i += 1
        return out

    def _value_offsets(self, i: int) -> list[int]:
        """The offsets of the tokens of value `i` (its span, widened to whole tokens), read once
        per value: a value is looked for in every clause around it."""
        found = self._offsets.get(i)
        if found is None:
            f = self.values[i]
            span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
            found = self._offsets[i] = [t.idx for t in span] if span is not None else []
        return found

    # ---- modality and what is no claim ---------------------------------------------------------
    def modality(self, tok: Any, toks: list[Any]) -> str:
        """reported / denied / alleged / hedged / predicted / aim, read from the clause and its head."""
        lex, children = self.lex, list(tok.children)
        # a subordinate clause's words are its own ("heightening worries that the country may have
        # ..." does not hedge the finding it follows)
        toks = [t for t in toks if not self._subordinate(t, tok)]
        # an adjective ("the alleged leader", "el presunto líder") qualifies a name, not the statement
        # nor does a name ("May" the month, "Will" the person)
        words = " " + " ".join("_" if t.pos_ in ("ADJ", "PROPN") else t.lower_ for t in toks) + " "
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lex.negation_words) for c in children) \
                or (tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.casefold() in lex.denial_verbs):
            return "denied"
        if any(w in words for w in _spaced(lex.allegation_words)):
            return "alleged"
        if any(w in words for w in _spaced(lex.hedges, ",")):
            return "hedged"
        if self.modal(tok):
            return "hedged"  # "X should resign", "tenemos que actuar": an obligation or an ability, no deed
        if self.forecast_of(tok) and "Sub" in morph_values(tok, "Mood"):
            return "predicted"  # "se prevé que las ventas suban 12 por ciento": a forecast
        aux = " ".join(c.lower_ for c in children if c.dep_ in ("aux", "aux:pass", "auxpass"))
        if any(f" {w} " in f" {aux} " for w in lex.future_words) or "Fut" in morph_values(tok, "Tense") \
                or any(f" {w} " in words.split(tok.lower_)[0] + " " for w in lex.future_words if " " in w):
            return "predicted"
        if self.infinitival(tok):
            return "aim"
        return "reported"

    def modal(self, tok: Any) -> bool:
        """A modal word of the language (`modal_words`: should, must, can, have to; debe, tiene que,
        puede) before the clause's verb, as the verb itself, or governing it ("debe renunciar",
        "tenemos que luchar")."""
        words, doc = self.lex.modal_words, tok.doc

        def modal_at(t: Any) -> bool:
            nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
            return t.lower_ in words or f"{t.lower_} {nxt}" in words
        if tok.dep_ == "xcomp" and tok.head.i != tok.i and modal_at(tok.head):
            return True
        # the tokens of the subtree up to the verb, not in a clause of their own, that are modal
        # words: only the article's modal words (found once) between the subtree's left edge and
        # the verb are looked at, each climbing to the verb through the parse's arrays
        if self._modal_at is None:
            lowers, known = self.lowers(), set(words)
            last = len(lowers) - 1
            self._modal_at = [i for i, w in enumerate(lowers)
                              if w in known or f"{w} {lowers[i + 1] if i < last else ''}" in known]
        heads, deps = self.parse_arrays()
        stop = tok.i
        for m in self._modal_at[bisect.bisect_left(self._modal_at, tok.left_edge.i):bisect.bisect_right(self._modal_at, stop)]:
            i, subordinate = m, False
            while i != stop and heads[i] != i:
                subordinate = subordinate or deps[i] in SUBCLAUSE_DEPS
                i = heads[i]
            if i == stop and not subordinate:
                return True
        return False

    def evaluative(self, tok: Any) -> bool:
        """A copular clause whose predicate judges (`evaluative_words`, or a predicate noun they
        modify): "the plan is unfair", "X is a disaster", "Acme is a great supplier", "el plan es
        injusto", "fue un desastre". English hangs it from the copula, UD from its predicate."""
        words = self.lex.evaluative_words
        if lemma_of(tok) in COPULAS:
            preds = [c for c in tok.children if c.dep_ in ("attr", "acomp", "oprd")]
        elif any(c.dep_ == "cop" for c in tok.children):
            preds = [tok]
        else:
            return False

        def judges(t: Any) -> bool:
            return t.lemma_.casefold() in words or bool(word_forms(t.text) & words)
        return any(judges(p) or any(c.dep_ in ("amod", "advmod") and judges(c) for c in p.children) for p in preds)

    def addressed(self, tok: Any) -> bool:
        """The clause's subject is the addressee (`second_person`: "you try to help your neighbor",
        "usted sabe"), or a Spanish verb in the second person has no subject: rhetoric."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ), None)
        if subj is not None:
            return subj.lower_ in self.lex.second_person
        finite = [tok, *(c for c in tok.children if c.dep_ in ("aux", "cop", "aux:pass"))]
        return self.lex.language != "en" and any("2" in morph_values(t, "Person") and "Fin" in morph_values(t, "VerbForm")
                                                 for t in finite)

    def conditional(self, tok: Any) -> bool:
        """A clause marked as a case ("if Trump wins", "unless X resigns", "si gana X"), or the one
        that follows from such a case ("If X wins, Y resigns"): no fact."""
        marks = self.lex.condition_marks
        return any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children) or \
            any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                for c in tok.children)

    def _subordinate(self, t: Any, head: Any) -> bool:
        """The token sits in a clause of its own below the head (a relative, an adverbial...)."""
        heads, deps = self.parse_arrays()
        i, stop = t.i, head.i
        while i != stop and heads[i] != i:
            if deps[i] in SUBCLAUSE_DEPS:
                return True
            i = heads[i]
        return False

    def infinitival(self, tok: Any) -> bool:
        """An infinitive with no subject of its own ("to capture X", "para capturar a X")."""
        if not ("Inf" in morph_values(tok, "VerbForm") or tok.tag_ == "VB"):
            return False
        if any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in tok.children):
            return False
        return tok.dep_ in ("xcomp", "acl", "advcl", "ccomp", "csubj", "nmod", "obl", "pcomp") or \
            any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "para", "de") for c in tok.children)

    def not_a_claim(self, tok: Any, cls: str | None, opinion: bool = True) -> bool:
        """Opinions, fragments and non-factual moods: no claim (`opinion` False: the verb is not
        read as a view: an expectation verb whose complement the claim states)."""
        lemma = lemma_of(tok)
        if self.evaluative(tok):
            return True  # "the plan is unfair", "X es un desastre": a judgement, no fact
        if self._clause_head(tok) and self.subjunctive(tok):
            return True  # "que se cumplan los pronósticos", "información que lleve a su captura": not a fact
        if tok.pos_ == "NOUN":
            return False
        if opinion and (lemma in self.lex.opinion_verbs or self.views_as(tok)) and cls is None:
            return True
        gov = tok.head if tok.dep_ in ("ccomp", "xcomp", "advcl") else None
        if opinion and gov is not None and gov is not tok and lemma_of(gov) in self.lex.opinion_verbs \
                and not self.inside(self.indirect, tok.idx):
            return True  # "experts argue the killing highlights ...": a view
        if tok.dep_ in ("acl", "amod") and ("Part" in morph_values(tok, "VerbForm") or tok.tag_ == "VBN") \
                and (cls is None or tok.head.pos_ not in ("NOUN", "PROPN")):
            return True  # "shared by the United States": a fragment (a typed one is read with its noun)
        if tok.pos_ in ("VERB", "AUX") and (self.addressed(tok) or self.conditional(tok)):
            return True  # "you try to help your neighbor", "if Trump wins": rhetoric or a case, no fact
        if self.nonfinite_main(tok):
            return True  # "Tener un aumento del 7%.", "Ondeando la bandera": a heading or a label, no statement
        if self.time_clause(tok):
            return True  # "hace más de seis meses": when the clause it hangs from happened
        if tok.pos_ == "AUX" and cls is None:
            return not self.named_state(tok)
        return False

    @staticmethod
    def subjunctive(tok: Any) -> bool:
        """The clause's verb, or its auxiliary or copula, is in the subjunctive ("se cumplan los
        pronósticos", "haya sido detenido", "que sea el líder"): a wish, an aim, a case or a doubt,
        never a fact the clause states."""
        return any("Sub" in morph_values(t, "Mood") for t in
                   (tok, *(c for c in tok.children if c.dep_ in ("aux", "aux:pass", "auxpass", "cop"))))

    def time_clause(self, tok: Any) -> bool:
        """A verb of `ago_verbs` with a stretch of time, no subject, hanging from another clause ("llegó a
        Quito hace más de seis meses": six months ago): it dates that clause, it states nothing of its own."""
        if tok.lemma_.casefold() not in self.lex.ago_verbs or tok.dep_ == "ROOT" or tok.head.i == tok.i \
                or any(c.dep_ in SUBJ for c in tok.children):
            return False
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        return any(f.value.kind == "duration" for f in self._values_between(lo, hi))

    @staticmethod
    def nonfinite_main(tok: Any) -> bool:
        """A sentence whose main verb is an infinitive or a gerund with no finite auxiliary ("Tener un
        aumento del 7%.", "Ondeando la bandera", "Waving the flag"): a heading or a label, it states
        nothing. (A participle stays: "Detenido el líder de la banda" tells a deed.)"""
        if tok.dep_ != "ROOT" or tok.pos_ != "VERB":
            return False
        form = morph_values(tok, "VerbForm")
        if not ("Inf" in form or "Ger" in form or tok.tag_ == "VBG"):
            return False
        return not any(c.dep_ in ("aux", "aux:pass", "auxpass", "cop") and ("Fin" in morph_values(c, "VerbForm")
                                                                           or c.tag_ in ("MD", "VBZ", "VBP", "VBD"))
                       for c in tok.children)

    def forecast_of(self, tok: Any) -> bool:
        """The clause is what an expectation verb with no one as its subject expects ("se prevé que
        las ventas suban", "se espera que ..."): a forecast, read as one. With a subject ("Ana espera
        que se cumplan los pronósticos") it is that one's hope."""
        gov = tok.head
        return tok.dep_ in ("ccomp", "csubj") and gov.i != tok.i and gov.lemma_.casefold() in self.lex.expectation_verbs \
            and not any(c.dep_ in SUBJ and c.i != tok.i for c in gov.children)

    def verb_lemma(self, lemma: str) -> bool:
        """The lemma has the shape of a verb's (`verb_lemma_endings`: a Spanish infinitive ends in
        -ar, -er or -ir): a noun, a participle or a form the lemmatiser left inflected ("billón",
        "escoltado", "extienden") names no predicate."""
        ends = self.lex.verb_lemma_endings
        return not ends or lemma.endswith(ends)

    def named_state(self, tok: Any) -> bool:
        """A copular main clause in the outlet's own voice whose subject is named: what a named one is
        ("Singapore is the 12th-largest trading partner of the United States", "Guzmán es el líder del
        cártel"): a checkable statement about it, like a named actor's deed. English hangs it from the
        copula, UD from its predicate (with a `cop` child)."""
        if tok.dep_ not in ("ROOT", "conj") or tok.dep_ == "conj" and tok.head.pos_ not in ("VERB", "AUX") \
                and not self._nominal_predicate(tok.head):
            return False
        cop = tok if tok.pos_ == "AUX" else next((c for c in tok.children if c.dep_ == "cop"), None)
        if cop is None or cop.lemma_.casefold() not in COPULAS or "Fin" not in morph_values(cop, "VerbForm") \
                or "Cnd" in morph_values(cop, "Mood") or "Fut" in morph_values(cop, "Tense"):
            return False  # (a conditional or future copula is a guess or a forecast: "sería un gran presidente")
        subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
        if subj is None or subj.pos_ == "PRON" or not self.entity_of(subj):
            return False
        return self.inside(self.direct, tok.idx) is None and self.inside(self.indirect, tok.idx) is None

    @staticmethod
    def a_statement(tok: Any) -> bool:
        """A clause of its own, whatever it is worth checking: a main or coordinate verb or copula
        (for `every_clause`; fragments stay out)."""
        return tok.pos_ in ("VERB", "AUX") and tok.dep_ in STATEMENT_DEPS

    def untyped_claim(self, tok: Any, found: list[Found], subj: Any, patient: Any) -> bool:
        """A clause whose verb is not in the vocabulary is a claim when it states a figure of a named
        argument, links two named entities, is a statement someone is reported to have made about
        a named one ("the admiral said marines had tracked Zárate for weeks"), or has a subject of
        its own (not a copula, an expletive, a relative pronoun or a clause: "Cabe mencionar que ...")
        and states a date or a number, or is a
        main clause in the outlet's own voice whose finite verb has a subject it names (`names_subject`:
        "The CIA declined to comment", "La CIA se negó a comentar", "The two men painted the house") or
        whose passive befalls one ("A lawsuit was filed"), or such a clause a known speaker is reported
        to have said ("El Watan reported that the kidnappers resisted")."""
        if subj is not None and subj.dep_ in ("csubj", "csubj:pass", "csubjpass"):
            subj = None  # "Cabe mencionar que ...": a clause as the subject frames what it holds, does nothing
        if subj is None and patient is not None and self._periphrastic_passive(tok):
            subj = patient  # "Barrios fue apuñalado esta mañana": the named one the clause is about
        named = [x for x in (self.entity_of(subj), self.entity_of(patient)) if x]
        reported = self.inside(self.indirect, tok.idx)
        if reported is not None and not named:  # "... reported that critical information came from the CIA"
            inner = self._inner
            toks = self.clause_tokens(tok, set())
            self._inner = inner
            named = [e for t in toks if (e := self.entity_at(t)) and e != reported.speaker][:1]
        if any(is_figure(f.value) for f in found) and (subj is not None or patient is not None):
            return True
        if tok.pos_ != "VERB" or tok.lemma_.casefold() in ("be", "have", "ser", "estar", "haber", "tener"):
            return reported is None and self.named_state(tok)  # "Singapore is the 12th-largest partner"
        if subj is not None and subj.dep_ != "expl" and subj.lower_ not in RELATIVE and tok.dep_ != "xcomp" \
                and any(f.value.kind == "date" or f.value.amount is not None for f in found):
            return True  # "In 2009, the United Nations came under criticism": a dated or counted happening
        finite = "Fin" in morph_values(tok, "VerbForm") or any(c.dep_ in ("aux", "aux:pass", "auxpass") for c in tok.children)
        about = subj if subj is not None or patient is None or patient.dep_ not in PASS_SUBJ else patient
        if reported is None and tok.dep_ in ("ROOT", "conj") and finite and self.names_subject(about) \
                and not any(c.dep_ == "parataxis" and c.lemma_.casefold() in self.speech.verbs for c in tok.children):
            return True  # "The Fed cut rates", "Powell brushed off this possibility", "The new system puts ...",
            # "A lawsuit was filed": a deed of (or befalling) one the clause names (not "X is playing with
            # fire, Bravo added": someone's words)
        if reported is not None and (reported.speaker or reported.speaker_name) and tok.dep_ in ("ccomp", "ROOT", "conj") \
                and finite and self.names_subject(about):
            return True  # "El Watan reported that the kidnappers resisted the assault": a known source's account
        return len(named) == 2 or (bool(named) and reported is not None and tok.dep_ in ("ccomp", "ROOT", "conj"))

    def names_subject(self, subj: Any | None) -> bool:
        """The clause names who or what it is about: a name, a described body ("the task force", "la
        embajada estadounidense"), a noun phrase ("The two men", "A lawsuit", "Sus acciones", "1 in 4
        residents") or a pronoun that stands for a name; not a pronoun that stands for no one ("they"
        with nobody before it), an expletive or a relative pronoun."""
        if subj is None or subj.dep_ == "expl" or subj.lower_ in RELATIVE:
            return False
        if self.entity_of(subj) or self.description_of(subj):
            return True
        if subj.pos_ in ("NOUN", "PROPN"):
            return True
        if subj.pos_ == "PRON":
            return False
        sent = subj.sent
        return self.noun_phrase(subj, sent.start_char, sent.end_char) is not None

    def sentence_tokens(self, tok: Any) -> list[Any]:
        toks = [t for t in sentence_of(tok) if not t.is_space]
        while toks and toks[-1].is_punct and toks[-1].text not in ".!?":
            toks = toks[:-1]
        return toks

    def time_of(self, found: list[Found]) -> str | None:
        return next((str(f.value.low) for f in found if f.value.kind == "date" and f.value.low), None)

    def place_of(self, toks: list[Any]) -> str | None:
        if not toks:
            return None
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        i = bisect.bisect_left(self._mstarts, lo)
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.label in ("GPE", "LOC", "FAC") and m.entity:
                return m.entity
            i += 1
        return None

    def run(self) -> list[Claim]:
        cands = self.heads()
        head_ids = {t.i for t, _ in cands if not self.time_clause(t)}  # "hace seis meses" dates its clause, inside it
        claims: list[Claim] = []
        made: set[int] = set()  # heads that made a claim
        owned: list[tuple[Any, list[Found]]] = []  # each claim's head and values, in the order of `claims`
        furniture = self.furniture_tokens()
        for tok, cls in cands:
            if self.inside(self.direct, tok.idx):
                continue  # a direct quote is one claim of its speaker, below
            if tok.i in furniture:
                continue  # "Síguenos en Instagram", "Regístrese para recibir ...": the page's, no statement
            if not self.every_clause and self.asks_or_exclaims(sentence_of(tok)):
                continue  # "Did the army know?", "What a night!": a question or an exclamation states nothing
            raised = self.raised(tok) if tok.pos_ in ("VERB", "AUX") else None
            if raised is None and tok.dep_ in ("xcomp", "ccomp", "csubj") and tok.head.i != tok.i \
                    and getattr((self.raised(tok.head) or (None,))[0], "i", None) == tok.i:
                continue  # "to strike a deal" of "managed to strike a deal": read with its governor
            if raised is not None:
                cls = self.verb_class(raised[0])
            if self.not_a_claim(tok, cls, opinion=raised is None) and not (self.every_clause and self.a_statement(tok)):
                continue
            toks = self.clause_tokens(tok, head_ids - {raised[0].i} if raised else head_ids)
            found = self.values_in(toks)
            if cls is not None and (raised[0] if raised else tok).lemma_.casefold() in self.lex.money_verbs \
                    and not any(f.value.kind == "money" for f in found):
                cls = None  # "directed a film", "destinó a un agente": no spending without an amount of money
                if not self.every_clause and self.not_a_claim(tok, cls, opinion=raised is None):
                    continue
            is_noun = tok.pos_ == "NOUN" and cls is not None  # an event noun (a nominal predicate is a clause)
            subj, patient = (None, self.event_patient(tok)) if is_noun else \
                self.raised_arguments(tok, raised[0]) if raised else self.arguments(tok)
            subj = self.past_dateline(subj)
            if not is_noun and not self.every_clause and self.imperative(raised[0] if raised else tok):
                continue  # "Pay no attention to the liar", "Lea el informe": an order to the reader states nothing
            if cls is None and not self.every_clause and not self.untyped_claim(tok, found, subj, patient):
                continue
            if len(toks) < MIN_WORDS and not is_noun \
                    and not (len(toks) + 1 >= MIN_WORDS and self.relative_noun(tok) is not None):
                continue  # (a relative clause is read with its noun: "the treaty, which most nations signed")
            if not is_noun and not self.every_clause and cls not in self.lex.outcomes \
                    and self.unanchored(tok, subj, patient, toks, found):
                continue
            modality = "reported" if is_noun else self.modality(tok, toks)
            if raised is not None and raised[1]:
                modality = raised[1] if modality == "reported" else modality
            if cls is None and modality in ("predicted", "hedged", "aim") and not self.every_clause:
                continue  # an untyped forecast or guess is no claim
            if modality == "aim" and self.entity_of(patient) is None and not self.every_clause:
                continue  # "to smuggle fentanyl", "to do that": a fragment
            verb = raised[0] if raised else tok
            copula = lemma_of(verb) in COPULAS or self._nominal_predicate(verb)
            predicate = cls or self.direction(verb) or ("be" if copula else self.untyped_verb(verb))
            untyped = cls is None and not copula and predicate == lemma_of(verb)
            if (not predicate.replace(":", "").replace(" ", "").isalpha() or untyped and not self.verb_lemma(predicate)) \
                    and not self.every_clause:
                continue  # no word to name what is stated
            if cls is None and not self.every_clause and self.characterises(verb, toks):
                continue  # "called the plan “a disgrace”", "lo calificó de corrupto": the speaker's words
            if not is_noun and tok.dep_ == "xcomp" and tok.head.lemma_.casefold() in self.lex.attempt_verbs:
                predicate = f"attempt:{predicate}"
            span = self.cut_furniture(self.sentence_tokens(tok), tok) if is_noun or modality == "aim" else toks
            if not is_noun and (tok.dep_ in ("acl", "amod") and tok.head.i < tok.i  # "the operation, carried out by X"
                                or self.relative_noun(tok) is not None):  # "the museum, which was created in 1990"
                span = self.cut_furniture([t for t in self.doc[tok.head.left_edge.i:toks[-1].i + 1] if not t.is_space],
                                          tok)
                while len(span) > 1 and span[0].i < tok.head.i and (span[0].is_punct or span[0].pos_ in LEADING_POS):
                    span = span[1:]  # "por Íñigo Veiga, que promueve ...": the noun and its clause, not its preposition
            if not span:
                continue
            start, end = max(span[0].idx, self.dateline_end(tok)), span[-1].idx + len(span[-1])
            reported = self.inside(self.indirect, tok.idx)
            obj = self.argument(patient) if patient is not None or is_noun else self.oblique_body(tok, toks)
            agent = self.argument(subj)
            if not is_noun and subj is None:  # "charged with defrauding investors": who defrauded
                agent = self.controller(verb)
            if not is_noun and subj is None and (patient is None or agent is None):
                agent, obj = self.dropped_subject(verb, agent, obj, patient is None)
            agent, obj, start = self.written_ends(tok, subj, patient, agent, obj, start, end, clause=not is_noun)
            claims.append(self._claim(start, end, predicate, agent, obj,
                                      found, reported.speaker if reported else None, modality=modality,
                                      time=self.time_of(found), place=self.place_of(toks)))
            owned.append((tok, found))
            made.add(tok.i)
        self.adopt_values(claims, owned)
        claims.extend(self.value_claims(claims, head_ids, made))
        claims.extend(self.quote_claims())
        return sorted(claims, key=lambda c: (c.start, c.end))

    def adopt_values(self, claims: list[Claim], owned: list[tuple[Any, list[Found]]]) -> None:
        """A value inside a sub-clause that made no claim of its own ("after leaked documents from his
        1995 tax return show ...", "tras filtrarse documentos de su declaración de 1995") is stated by the
        innermost claim whose clause holds it: the parse may hang one copy's words on a clause of their own
        and the other's on the main clause, and the value must stay with the one claim both copies make
        (else lost: no value claim is made inside a claim). It is a value the claim states, not its time
        (compared as such only between clauses worded alike). `owned`: each claim's head and values."""
        held = {(f.start, f.end) for _, found in owned for f in found}
        for f in self.values:
            if (f.start, f.end) in held or self.inside(self.direct, f.start):
                continue
            span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is None:
                continue
            above = {t.i for t in span.root.ancestors}
            best = None
            for k, (head, _) in enumerate(owned):
                c = claims[k]
                if head.i in above and c.start <= f.start and f.end <= c.end \
                        and (best is None or c.end - c.start < claims[best].end - claims[best].start):
                    best = k
            if best is None:
                continue
            found = owned[best][1]
            found.append(f)
            found.sort(key=lambda x: x.start)
            claims[best].values = [x.value for x in found]  # (its time stays the clause's own)
            held.add((f.start, f.end))

    def value_claims(self, claims: list[Claim], head_ids: set[int], made: set[int]) -> list[Claim]:
        """A figure or a date the outlet states outside quotes that no claim holds ("The jobless
        rate was 5 percent in May", "after leaving the Sept. 15 memorial service") makes a claim
        of the clause of the verb it depends on: a stated value is always checkable."""
        out: list[Claim] = []
        spans = sorted((c.start, c.end) for c in claims)
        for f in self.values:
            if f.value.kind != "date" and f.value.amount is None:
                continue
            if any(lo <= f.start and f.end <= hi for lo, hi in spans) or self.inside(self.direct, f.start):
                continue
            span = self.doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is None:
                continue
            if not self.every_clause and self.asks_or_exclaims(sentence_of(span.root)):
                continue  # a figure in a question is asked about, not stated
            if f.start < self.dateline_end(span.root) and not self.every_clause:
                continue  # a dateline's date ("NEW YORK, Dec. 22 (UPI) —"): when the story was filed
            tok = self._clause_of(span.root)
            if not self.every_clause and (self.listing(tok) or self._verbless_line(tok)):
                continue  # a verbless line (a listing "Director: X", a dateline "PARIS, Dec. 14 (AP",
                # a copyright or score line) states nothing
            chain: set[int] = set()
            up = tok
            while (self._fragment(up) or self.time_clause(up)) and up.head.i != up.i:  # "..., beginning in March 2017"
                chain.add(up.i)
                up = self._clause_of(up.head)
            if chain and up.i not in made and not self.inside(self.direct, up.idx):
                tok = up  # the clause the fragment hangs from, fragment included
            if tok.i in made or self.inside(self.direct, tok.idx):
                continue
            if not self.every_clause and (self._verbless_line(tok) or self.subjunctive(tok) and not self.forecast_of(tok)
                                          or self.nonfinite_main(tok) or tok.i in self.furniture_tokens()):
                continue  # no verb ("Picante comienzo de 2020."), a wish or a case, the page's words
            made.add(tok.i)
            toks = self.clause_tokens(tok, head_ids - chain if tok is up else head_ids)
            if len(toks) < MIN_WORDS or not toks[0].idx <= f.start < toks[-1].idx + len(toks[-1]):
                continue
            found = self.values_in(toks)
            raised = self.raised(tok) if tok.pos_ in ("VERB", "AUX") else None
            subj, patient = self.raised_arguments(tok, raised[0]) if raised else self.arguments(tok)
            modality = self.modality(tok, toks)
            if raised is not None and raised[1] and modality == "reported":
                modality = raised[1]
            start, end = max(toks[0].idx, self.dateline_end(tok)), toks[-1].idx + len(toks[-1])
            reported = self.inside(self.indirect, tok.idx)
            verb = raised[0] if raised else tok
            copula = any(c.dep_ == "cop" for c in verb.children) or lemma_of(verb) in COPULAS
            predicate = self.verb_class(verb) or self.direction(verb) or ("be" if copula else lemma_of(verb))
            untyped = not copula and predicate == lemma_of(verb) and self.verb_class(verb) is None
            if (not predicate.isalpha() or untyped and not self.verb_lemma(predicate)) and not self.every_clause:
                continue
            obj = self.argument(patient) if patient is not None else self.oblique_body(tok, toks)
            agent = self.argument(subj)
            if subj is None:
                agent = self.controller(verb)
                agent, obj = self.dropped_subject(verb, agent, obj, patient is None)
            if subj is None and patient is None and not (agent or obj or reported) and self._clause_head(tok) \
                    and not self.every_clause:
                continue  # "Fue su gol número 20 esta temporada.", "tenía 12 años en esa institución": a figure of
                # nobody (a verbless piece the parser split from a running sentence is read as before)
            noun = self.relative_noun(tok)
            if noun is not None:  # "the museum, which was created in 1990": the clause opens at its noun
                start = next(t.idx for t in noun.left_edge.doc[noun.left_edge.i:noun.i + 1]
                             if not (t.is_punct or t.pos_ in LEADING_POS or t.is_space))
            agent, obj, start = self.written_ends(tok, subj, patient, agent, obj, start, end)
            out.append(self._claim(start, end, predicate, agent,
                                   obj, found, reported.speaker if reported else None,
                                   modality=modality, time=self.time_of(found), place=self.place_of(toks)))
            spans.append((start, end))
        return out

    def _clause_of(self, tok: Any) -> Any:
        while not self._clause_head(tok) and tok.head.i != tok.i:
            tok = tok.head  # up to a verb, a copula's predicate, or the sentence's root
        return tok

    def _verbless_line(self, tok: Any) -> bool:
        """The clause found for a value has no verb and its sentence opens a line or follows the end
        of a sentence: a dateline, a copyright, score or caption line, a verbless heading or phrase
        ("Picante comienzo de 2020.", "Alrededor de 30 mil visitantes."). (A verbless piece inside a
        running sentence, where the parser split it, is read as before.)"""
        if self._clause_head(tok):
            return False
        start = sentence_of(tok).start_char
        before = self.body[:start].rstrip(" \t")
        return not before or before.endswith("\n") or bool(_SENTENCE_END.search(before))

    def listing(self, tok: Any) -> bool:
        """`_listing` of the token's sentence, read once per sentence (the values of a sentence
        ask it each)."""
        sent = sentence_of(tok)
        found = self._listings.get(sent.start)
        if found is None:
            found = self._listings[sent.start] = self._listing(tok)
        return found

    @staticmethod
    def _listing(tok: Any) -> bool:
        """The sentence of the token is a listing or credits line: two labels with a colon
        ("Nombre: X Director: Y"), or one and no finite verb ("Running time: 142 minutes")."""
        sent = list(sentence_of(tok))
        labels = sum(t.text == ":" and t.i > sent[0].i and sent[t.i - sent[0].i - 1].is_alpha for t in sent)
        finite = any(t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm") for t in sent)
        return labels >= 2 or (labels == 1 and not finite)

    @staticmethod
    def _fragment(tok: Any, pcomp: tuple[str, ...] = ()) -> bool:
        """A non-finite clause with no subject of its own hanging from another ("..., beginning in
        March 2017", "..., comenzando en marzo de 2017"; `pcomp`: also one after a preposition, "charged with
        defrauding investors"): too short to tell one statement alone."""
        if tok.dep_ not in ("advcl", "acl", "xcomp", *pcomp) or tok.pos_ not in ("VERB", "AUX"):
            return False
        form = morph_values(tok, "VerbForm")
        if not ("Ger" in form or "Part" in form or "Inf" in form or tok.tag_ in ("VBG", "VBN", "VB")):
            return False
        return not any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in tok.children)

    def controller(self, tok: Any) -> str | None:
        """Who does what a non-finite clause with no subject of its own says (`_fragment`): the named
        or described subject of the clause it hangs from ("Ana Berg was charged with defrauding
        investors", "Ana Berg llegó a Quito ocultando su nombre": Ana Berg), for a participle or a
        gerund on a noun that noun ("the museum housing ..."); through coordinated clauses to the
        one whose subject it is. None when that subject names no one, or when the clause is tied by a
        preposition to one with an object ("charged Ana Berg with defrauding investors", "acusaron a
        Ana Berg de ocultar ...": the object may be who did it)."""
        if not self._fragment(tok, ("pcomp",)):
            return None
        gov = tok.head
        marked = tok.dep_ == "pcomp" or any(c.dep_ in ("mark", "case") and c.pos_ == "ADP" for c in tok.children)
        if tok.dep_ == "pcomp" and gov.head.i != gov.i:
            gov = gov.head  # "with defrauding": the preposition hangs from the clause
        if tok.dep_ == "acl":
            active = tok.tag_ == "VBG" or "Ger" in morph_values(tok, "VerbForm")  # (a participle: its noun undergoes it)
            return self.argument(gov) if gov.pos_ in ("NOUN", "PROPN") and active else None
        for _ in range(3):
            if gov.pos_ not in ("VERB", "AUX") and not self._nominal_predicate(gov):
                return None
            if marked and any(c.dep_ in OBJ for c in gov.children):
                return None  # "charged Ana Berg with defrauding investors": its object may be who did it
            subj = next((c for c in gov.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ), None)
            if subj is not None:
                if subj.lower_ in RELATIVE and gov.dep_ in RELATIVE_CLAUSE_DEPS:
                    subj = gov.head  # "X, who was charged with defrauding ...": X
                return self.argument(subj)
            if gov.dep_ not in ("conj", "xcomp") or gov.head.i == gov.i:
                return None
            gov = gov.head
        return None

    @staticmethod
    def _clause_head(tok: Any) -> bool:
        """A verb, or the predicate of a copula (UD: "fue de 5 por ciento" hangs from "ciento")."""
        return tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in tok.children)

    def quote_claims(self) -> list[Claim]:
        """Each sentence of a direct quote is one claim of its speaker ("X said Y"): one statement
        each, a quote of three sentences three claims; reported speech is no claim of its own (the
        clauses inside it are, attributed to the speaker). A sentence that asks, only exclaims or
        tells its speaker's feeling (`speaks_mind`), and every sentence of a quote whose speaker is
        unknown, stays in the quote: no claim."""
        out = []
        for q in self.direct:
            for piece in self.quote_sentences(q):
                if len(piece.text.split()) < MIN_WORDS or asks(piece.text):
                    continue
                if not self.every_clause and not ((piece.speaker or piece.speaker_name) and self.states(piece)
                                                  and not self.speaks_mind(piece)):
                    continue
                out.append(self._claim(piece.start, piece.end, "say", piece.speaker, None,
                                       self._values_between(piece.start, piece.end), piece.speaker,
                                       modality=self.quote_modality(piece)))
        return out

    @staticmethod
    def quote_sentences(q: Quote) -> list[Quote]:
        """The sentences of a direct quote (where `_SENTENCE_BREAK`, the atomic rule's sentence end,
        parts its text), each as a quote of the same speaker."""
        pieces, start = [], 0
        for m in _SENTENCE_BREAK.finditer(q.text):
            end = m.start() + 1
            while end < len(q.text) and q.text[end] in "\"”’»":
                end += 1
            pieces.append((start, end))
            start = end
        pieces.append((start, len(q.text)))
        out = []
        for lo, hi in pieces:
            text = q.text[lo:hi]
            lo += len(text) - len(text.lstrip())
            hi -= len(text) - len(text.rstrip())
            if hi > lo:
                out.append(q if (lo, hi) == (0, len(q.text)) else
                           replace(q, start=q.start + lo, end=q.start + hi, text=q.text[lo:hi]))
        return out

    def dropped_subject(self, verb: Any, agent: str | None, obj: str | None,
                        no_patient: bool) -> tuple[str | None, str | None]:
        """Spanish drops a subject the reader knows ("Fue detenido el martes", "Aseguró que..."):
        a main or reported clause whose finite verb is in the third person singular and has no
        subject, no impersonal or passive "se", is about the one person it clearly stands for, as a
        pronoun is (`antecedent`; a participle gives the gender: "fue detenida"). In the passive
        ("fue detenido") that person is the patient, else the agent. (agent, object) keys, filled
        where they were empty. (A third person plural stays without a subject: "Detuvieron al
        acusado" is as often impersonal as about a group; in a reported clause it is the plural
        group that reports it, as "they" is: "Funcionarios canadienses dijeron que solicitarán ...".) A verb coordinated with such a clause ("Fue
        detenido el martes y trasladado ...", "... y también compartió videos") is read the same way."""
        top = verb
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head  # "Llegó a Quito y compartió videos": the first verb's clause
        if self.lex.language != "es" or verb.pos_ not in ("VERB", "AUX") or top.dep_ not in ("ROOT", "ccomp") \
                or top is not verb and any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in top.children):
            return agent, obj
        if any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ or c.dep_.startswith("expl") or c.lower_ == "se"
               for c in verb.children):
            return agent, obj
        aux = next((c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop") and "Fin" in morph_values(c, "VerbForm")), None)
        finite = aux if aux is not None else verb
        if "Fin" not in morph_values(finite, "VerbForm") or morph_values(finite, "Person") != ["3"]:
            return agent, obj
        if morph_values(finite, "Number") == ["Plur"] and top.dep_ == "ccomp" and not self._periphrastic_passive(verb):
            # "Funcionarios canadienses dijeron que solicitarán ...": a reported clause's plural is who reports it
            group = self._governing_subject(verb, "p", 0)
            return agent or group, obj
        if morph_values(finite, "Number") != ["Sing"]:
            return agent, obj
        gender = {"Masc": "m", "Fem": "f"}.get(next(iter(morph_values(verb, "Gender")), ""))  # "fue detenida": a woman
        person = self.antecedent(verb, gender if aux is not None else None)
        if person is None:
            return agent, obj
        passive = aux is not None and aux.lemma_.casefold() == "ser" and "Part" in morph_values(verb, "VerbForm")
        if passive:
            return agent, obj or (person if no_patient else obj)
        return agent or person, obj

    def imperative(self, verb: Any) -> bool:
        """A main clause ordering the reader: the imperative mood, or in English a bare verb
        opening its sentence with no subject ("Pay no attention", "Read the report")."""
        if verb.dep_ != "ROOT" or any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ or c.dep_ == "expl" for c in verb.children):
            return False
        if "Imp" in morph_values(verb, "Mood"):
            return True
        first = next((t for t in sentence_of(verb) if not (t.is_punct or t.is_space)), None)
        return self.lex.language == "en" and verb.tag_ == "VB" and first is not None and first.i == verb.i \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)

    def dateline_end(self, tok: Any) -> int:
        """Where the dateline opening the token's sentence ends ("DALLAS (AP) — ", "MADRID, 14 dic.
        (EFE) -- "), or the sentence's start when it has none."""
        sent = sentence_of(tok)
        end = self._datelines.get(sent.start)
        if end is None:
            end = self._datelines[sent.start] = dateline_end(self.body, sent.start_char, sent.end_char)
        return end

    def sent_text(self, sent: Any) -> str:
        """`sent.text`, cut from the body (the Doc's text) instead of joined token by token."""
        return self.body[sent.start_char:sent.end_char]

    def asks_or_exclaims(self, sent: Any) -> bool:
        """The sentence is a question or an exclamation (once per sentence)."""
        found = self._sent_says.get(sent.start)
        if found is None:
            text = self.sent_text(sent)
            found = self._sent_says[sent.start] = asks(text) or exclaims(text)
        return found

    def past_dateline(self, subj: Any | None) -> Any | None:
        """A subject inside the dateline ("DALLAS (AP) — Democratic candidate Martin O’Malley is
        shifting staff", parsed with DALLAS as the subject) is the name after it, its apposition."""
        end = self.dateline_end(subj) if subj is not None else 0
        if subj is None or subj.idx >= end:
            return subj
        other = next((c for c in subj.head.children if c.dep_ in SUBJ and c.idx >= end), None)
        return other or next((c for c in subj.children if c.dep_ == "appos" and c.idx >= end), None)

    def characterises(self, verb: Any, toks: list[Any]) -> bool:
        """The clause calls someone or something by a name or a quality (a verb of the language's
        `quote_verbs`: call, describe, label; llamar, calificar, tildar), in the active voice, with
        the words given: a direct quote in the clause, a predicative complement ("called him a
        robot"), or "as" / "como" / "de" ("described it as", "lo calificó de corrupto"). That is the
        speaker's characterisation, a quote or an opinion, not a fact; "was named director"
        (passive) is an appointment and stays."""
        if lemma_of(verb) not in self.speech.quote_verbs:
            return False
        if any(c.dep_ in PASS_SUBJ or c.dep_ in ("auxpass", "aux:pass") for c in verb.children):
            return False
        if toks and any(q.start < toks[-1].idx + len(toks[-1]) and toks[0].idx < q.end for q in self.direct):
            return True
        if any(c.dep_ in ("oprd", "xcomp", "attr", "acomp") for c in verb.children):
            return True
        # "described it as", "la describió como"; "lo calificó de corrupto": "de" before a bare
        # noun or adjective (not "de la banda", "del puerto", "de Tijuana")
        return any(t.lower_ in ("as", "como") or (t.lower_ == "de" and t.dep_ == "case" and t.head.pos_ in ("NOUN", "ADJ")
                                                  and not any(g.dep_ == "det" for g in t.head.children))
                   for t in verb.subtree if t.i > verb.i)

    def states(self, q: Quote) -> bool:
        """The quote holds a statement of its own: a finite verb, not an imperative, with its subject
        inside the quote (Spanish drops the subject: a finite verb is enough). A quoted phrase set
        in the outlet's sentence ("called the plan “a hell of a lot worse”", "said they were
        “not smart enough to win”", "lo calificó de “una vergüenza”") is words
        quoted, no claim of the speaker's."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return True
        inside = range(span.start, span.end)
        for tok in span:
            finite = "Fin" in morph_values(tok, "VerbForm") or tok.tag_ == "MD"  # "would" carries no VerbForm
            if tok.pos_ not in ("VERB", "AUX") or not finite or "Imp" in morph_values(tok, "Mood"):
                continue
            head = tok.head if tok.dep_ in ("aux", "auxpass", "aux:pass", "cop") else tok
            if self.lex.language == "es" or any(c.i in inside and (c.dep_ in SUBJ or c.dep_ in PASS_SUBJ or c.dep_ == "expl")
                                        for c in head.children):
                return True
        return False

    def speaks_mind(self, q: Quote) -> bool:
        """The quote only exclaims or tells its speaker's own feeling or stance ("Yes, I support
        X", "We're so excited to meet our grandchild!", "No creo que festejen", "¡Qué noche!"):
        every clause of its own is an exclamation, or has a first-person subject (or a first-person
        verb with no subject) and a verb or adjective of the language's `stance_words` or
        `opinion_verbs`. Such a quote stays a quote; it is no factual claim."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return False
        roots = [t for t in span if (t.head.i == t.i or not span.start <= t.head.i < span.end)
                 and not t.is_punct and not t.is_space and t.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN")]
        roots += self._own_clauses(span, roots)
        return bool(roots) and all(self._exclaimed(r, span) or self._stance(r) or self._judges(r) for r in roots)

    @staticmethod
    def _own_clauses(span: Any, roots: list[Any]) -> list[Any]:
        """The finite clauses with a subject of their own joined to a quote's roots or to a clause of
        them ("... is usually worse, because his lieutenants start fighting over the routes", "...
        and the mayor is a joke"): each a statement of the speaker's. (A verb's complement, "I
        think the mayor lied", is the content of the view it is governed by, no statement of its own.)"""
        out, seen = [], {r.i for r in roots}
        todo = list(roots)
        while todo:
            head = todo.pop()
            for c in head.children:
                if c.i in seen or not span.start <= c.i < span.end or c.dep_ not in ("conj", "advcl", "parataxis") \
                        or c.pos_ not in ("VERB", "AUX") and not any(g.dep_ == "cop" for g in c.children):
                    continue
                verbs = [c, *(g for g in c.children if g.dep_ in ("aux", "cop", "aux:pass", "auxpass"))]
                if not any(g.dep_ in SUBJ or g.dep_ in PASS_SUBJ for g in c.children) \
                        or not any("Fin" in morph_values(v, "VerbForm") or v.tag_ == "MD" for v in verbs):
                    continue
                seen.add(c.i)
                out.append(c)
                todo.append(c)
        return out

    @staticmethod
    def _exclaimed(root: Any, span: Any) -> bool:
        toks = [t for t in root.subtree if span.start <= t.i < span.end]
        nxt = span.doc[toks[-1].i + 1] if toks and toks[-1].i + 1 < len(span.doc) else None
        return any(t.text in ("!", "¡") for t in toks) or (nxt is not None and nxt.text == "!")

    def _stance(self, root: Any) -> bool:
        words = self.lex.stance_words | self.lex.opinion_verbs
        heads = [root]
        if root.lemma_.casefold() in COPULAS:  # "we're so excited": the adjective says it
            heads += [c for c in root.children if c.dep_ in ("acomp", "attr", "xcomp")]
        if not any(h.lemma_.casefold() in words or h.lower_ in words for h in heads):
            return False
        subj = next((c for c in root.children if c.dep_ in SUBJ and any(ch.isalnum() for ch in c.text)), None)
        if subj is not None:  # (a quotation mark parsed as the subject is none)
            return "1" in morph_values(subj, "Person") or subj.lower_ in self.lex.first_person
        return any("1" in morph_values(t, "Person") for t in [root, *root.children]
                   if t.i == root.i or t.dep_ in ("aux", "cop", "aux:pass"))

    def _judges(self, root: Any) -> bool:
        """A quoted clause that tells no deed: a phrase with no clause of its own, a judgement
        (`evaluative`), a view (`opinion_verbs`, whoever holds it: "mayors don't matter"), words to
        the addressee, an obligation, ability or guess (`modal_words`, hedges), a forecast (future
        words or tense, the conditional) or a case ("if ...")."""
        lex = self.lex
        if root.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in root.children):
            return True  # "a higher set of expectations for how they're served": a phrase
        if self.evaluative(root) or root.lemma_.casefold() in lex.opinion_verbs or self.addressed(root) \
                or self.conditional(root) or self.modal(root) or self.views_as(root):
            return True
        clause = " " + " ".join(t.lower_ for t in root.subtree if not self._subordinate(t, root)) + " "
        return any(f" {w} " in clause for w in lex.hedges)

    def views_as(self, verb: Any) -> bool:
        """A verb of `view_verbs` taking something as a quality ("saw Burma as a country reeling under
        pressure", "ve a la empresa como un rival"): the holder's view of it, no fact."""
        return lemma_of(verb) in self.lex.view_verbs and any(
            t.lower_ in ("as", "como") and t.head.i in (verb.i, *(c.i for c in verb.children)) for t in verb.subtree
            if t.i > verb.i)

    def forecast(self, root: Any) -> bool:
        """A quoted clause in the future or the conditional ("the drivers would face charges",
        "enfrentarán cargos", "people are going to talk"): a forecast, not a deed done."""
        verbs = [root, *(c for c in root.children if c.dep_ in ("aux", "aux:pass", "auxpass", "cop"))]
        if any("Fut" in morph_values(t, "Tense") or "Cnd" in morph_values(t, "Mood") for t in verbs):
            return True
        clause = " " + " ".join(t.lower_ for t in root.subtree if not self._subordinate(t, root)) + " "
        return any(f" {w} " in clause for w in self.lex.future_words)

    def quote_modality(self, q: Quote) -> str:
        """"predicted" when every clause of its own the quote states is a forecast, else "reported"."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return "reported"
        roots = [t for t in span if (t.head.i == t.i or not span.start <= t.head.i < span.end)
                 and t.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN")]
        stated = [r for r in roots + self._own_clauses(span, roots) if not self._stance(r) and not self._judges(r)]
        return "predicted" if stated and all(self.forecast(r) for r in stated) else "reported"

    def unanchored(self, tok: Any, subj: Any, patient: Any, toks: list[Any], found: list[Found]) -> bool:
        """A clause that names no one and states no value: no subject or object it names, describes
        or at least states as a noun, outside reported speech, no figure or date ("giving a speech
        in Toledo", "they weren't given such a free hand", "ellos atacaron de noche"): a fragment,
        or a pronoun never resolved. (The caller keeps an outcome, "killed by an officer", "but it was
        not approved": what became of someone or something is checked even when the parse loses who
        or what, so a copy that tells the other outcome in the same words is caught.)"""
        if self.inside(self.indirect, tok.idx):
            return False
        if self.argument(subj) or self.argument(patient):
            return False

        def nominal(x: Any) -> bool:
            return x is not None and x.pos_ in ("NOUN", "PROPN")

        if nominal(subj):
            return False  # "a police officer was wounded", "carried out by Mexican forces": unnamed, still a statement
        if self._fragment(tok):  # "giving a speech in Toledo" (one with a figure or date keeps it: the
            # clause it hangs from may hold no claim of that value)
            return not found and not (tok.dep_ == "acl" and nominal(patient))  # (not "the operation, carried out ...")
        if nominal(patient):
            return False
        return not found and self.oblique_body(tok, toks) is None

    def _values_between(self, start: int, end: int) -> list[Found]:
        return [f for f in self.values if start <= f.start and f.end <= end]

    def _claim(self, start: int, end: int, predicate: str, subject: str | None, obj: str | None,
               found: list[Found], speaker: str | None, modality: str = "reported", time: str | None = None,
               place: str | None = None) -> Claim:
        text = self.body[start:end]
        return Claim(id=content_id("clm", self.article, str(start), str(end), predicate), text=text,
                     article=self.article, start=start, end=end, subject=subject, predicate=predicate,
                     object=obj, values=[f.value for f in found], speaker=speaker,
                     evidence=[Evidence(self.article, start, end, "claims", VERSION)], time=time, place=place,
                     modality=modality)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")  # the text before ends a sentence
_QUESTION_END = re.compile(r"\?[\"'”’»)\]]*\s*$")
_EXCLAMATION_END = re.compile(r"!+[\"'”’»)\]]*\s*$")


_CONTRACTED = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "have", "'ll": "will"}


def _year(tok: Any) -> bool:
    """A four-digit number read as a year ("in 2020"): a date, no amount."""
    return tok.shape_ == "dddd" and 1800 <= int(tok.text) <= 2100


def lemma_of(tok: Any) -> str:
    """A verb's lemma, casefolded; a contraction written with a typographic apostrophe ("He’s",
    "they’re") is read as its verb, as the straight one is; an English lemma cut short by the rule
    lemmatizer is made whole (`whole_lemma`: "hoped" is "hope", not "hop")."""
    lemma = tok.lemma_.casefold()
    if lemma.isalpha():
        return whole_lemma(tok, lemma)
    return _CONTRACTED.get(tok.text.casefold().replace("’", "'"), lemma)


# a short verb of one vowel and one final consonant ("hop", "tap", "star"): English doubles that consonant
# before "-ed" / "-ing" ("hopped", "tapping"); "w", "x", "y" are never doubled ("showed", "fixed", "played")
_DOUBLING_VERB = re.compile(r"[^aeiou]*[aeiou][b-df-hj-np-tvz]")


def whole_lemma(tok: Any, lemma: str | None = None) -> str:
    """The lemma of an English verb that spaCy's rule lemmatizer cut one "e" short: a form that adds "-ed",
    "-ing" or "-es" to a short verb without doubling its consonant ("hoped", "hoping", "hopes") is of the verb
    with "e" ("hope") when the lemmatizer's index lists that verb; "hopped" stays "hop"."""
    lemma = tok.lemma_.casefold() if lemma is None else lemma
    if tok.lang_ != "en" or tok.pos_ not in ("VERB", "AUX") or not _DOUBLING_VERB.fullmatch(lemma):
        return lemma
    if tok.lower_ not in (lemma + "ed", lemma + "ing", lemma + "es") or lemma + "e" not in _english_verbs():
        return lemma
    return lemma + "e"


@lru_cache(maxsize=1)
def _english_verbs() -> frozenset[str]:
    """The verbs of the English spaCy pipeline's lemmatizer index (empty without one)."""
    try:
        from fuentes.nlp import load

        table = load("en")[0].get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(str(w) for w in table["verb"])
    except Exception:  # no pipeline or no index: no lemma is mended
        return frozenset()


def asks(text: str) -> bool:
    """A question ("Did you see me pull that off?", "¿Quién lo sabía?"): it asks, it states no fact."""
    text = text.strip()
    return bool(_QUESTION_END.search(text)) or text.lstrip("\"“«'‘(").startswith("¿")


def exclaims(text: str) -> bool:
    """An exclamation ("What a night!", "¡Qué noche!"): it voices a feeling, it states no fact."""
    text = text.strip()
    return bool(_EXCLAMATION_END.search(text)) or text.lstrip("\"“«'‘(").startswith("¡")


def _checkable(found: Found) -> bool:
    """A value that makes an otherwise unlisted clause check-worthy: a figure written in
    digits (counts, money, ranges...); dates alone are everywhere (captions, datelines)."""
    return found.value.kind != "date" and any(ch.isdigit() for ch in found.value.text)


def extract_claims(body: str, sdoc: Any, mentions: list[Mention] | None = None,
                   quotes: list[Quote] | None = None, language: str | None = None,
                   article: str = "", every_clause: bool = False,
                   entities: list[Entity] | None = None) -> list[Claim]:
    """Claims of one article. `sdoc` is the spaCy Doc of `body`; offsets refer to `body`.

    `every_clause` (not the stage's: for measuring the matcher apart from what is worth checking)
    also makes a statement, with its slots, of every main or coordinate clause that is no claim:
    opinions, untyped forecasts and guesses, copulas, clauses with nothing named."""
    if sdoc is None or doc_text(sdoc) != body:
        raise ValueError(f"{article or 'article'}: the nlp layer is not a spaCy Doc of this body")
    lang = language or sdoc.user_data.get("fuentes_language") or sdoc.lang_
    return _Article(body, sdoc, mentions or [], quotes or [], lang, article, every_clause, entities).run()


MAX_ATOMIC_WORDS = 45
# a sentence end: not after an initial ("George W. Bush", "Brown v. Board") or a title ("Mr. So", "Gov. Mike
# Pence", "Lic. Pérez"); the next sentence may open with Spanish "¿" or "¡"
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Za-z])(?<!\b(?:Mr|Dr|St|Sr|Jr|Lt|Ms))(?<!\b(?:Mrs|Sra|Dra|Gov|Sen|Rep|Gen|Col|Sgt|Lic|Ing))"
                             r"(?<!\b(?:Gral|Prof|Capt|Supt))[.!?][\"”’»]?\s+[\"“«]?[¿¡]?[A-ZÁÉÍÓÚÑ]")
_DANGLING = {"and", "or", "but", "that", "which", "y", "o", "pero", "que", "cual"}


@lru_cache(maxsize=1)
def _atomic_words() -> dict[str, Any]:
    """The words the atomic rule reads in a claim's text, of every language's lexicon (a record
    does not say its language; the lists are chosen not to clash across languages)."""
    lexes = [claim_lexicon(lang) for lang in ("en", "es")]
    single = lambda ws: frozenset(w for w in ws if " " not in w)  # noqa: E731
    multi = lambda ws: tuple(w for w in ws if " " in w)  # noqa: E731
    unsure = [w for x in lexes for w in (*x.modal_words, *x.future_words, *x.hedges)]
    return {"evaluative": frozenset().union(*(x.evaluative_words for x in lexes)),
            "second": frozenset().union(*(x.second_person for x in lexes)),
            "first": frozenset().union(*(x.first_person for x in lexes)),
            "mind": frozenset().union(*(x.stance_words | x.opinion_verbs for x in lexes)),
            "views": frozenset().union(*(x.first_person_views for x in lexes)),
            "open": frozenset().union(*(x.subordinators for x in lexes)),
            "joined": frozenset().union(*(x.coordinators for x in lexes)),
            "unsure": single(unsure), "unsure_phrases": multi(unsure)}


_TEXT_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
UNASSERTED = {"hedged", "predicted", "aim"}  # a guess, a forecast, an aim: no fact stated (yet)


def judgement_reason(text: str, predicate: str | None, modality: str | None = None) -> str | None:
    """Why a claim's text states no fact an analyst could check, or None: it is not asserted (a
    hedged, predicted or aimed modality; a quote with a modal, future or hedge word: "we must act",
    "he will win", "podría ganar"), a fragment (it opens with a subordinator and runs into no main
    clause: "when he was shot", "cuando le dispararon"), it speaks to the addressee ("you try to
    help your neighbor", "usted sabe"), it tells the speaker's own mind ("I think", "we're proud",
    "creo que"), or a copula or a quote judges ("the plan is unfair", "es un desastre"). Words are
    read lower-case only (the first word in any case), so a name ("Will", "May", "Strong") counts as none."""
    lex = _atomic_words()
    toks = [m.group(0) for m in _TEXT_WORD.finditer(text.strip().lstrip("\"“«'‘(-—–"))]
    words = []
    for i, w in enumerate(toks):
        if i == 0 or not w[:1].isupper():  # a contraction is its two words ("I'll": "i", "'ll")
            w = w.casefold().replace("’", "'")
            words += [w[:w.index("'")], w[w.index("'"):]] if "'" in w and not w.endswith("n't") else [w]
    if modality in UNASSERTED:
        return "not asserted"
    if text.rstrip(" \"”’»)").endswith("?"):
        return "question"
    if toks and toks[0].casefold() in lex["open"] and "," not in text:
        return "fragment"
    if toks and toks[0] in lex["joined"]:  # "and promptly voted against the bill": its subject is elsewhere
        return "fragment"
    if any(w in lex["second"] for w in words):
        return "addresses the reader"
    if any(w in lex["views"] for w in words):
        return "speaker's stance"
    for i, w in enumerate(words):
        if w in lex["first"] and any(word_forms(x) & lex["mind"] for x in words[i + 1:i + 4]):
            return "speaker's stance"
    if predicate in ("be", "say") and any(word_forms(w) & lex["evaluative"] for w in words):
        return "judgement"
    if predicate == "say":
        low = " " + " ".join(words) + " "
        if any(w in lex["unsure"] for w in words) or any(f" {p} " in low for p in lex["unsure_phrases"]):
            return "not asserted"
    return None


def atomic_reason(claim: Any) -> str | None:
    """Why a claim (per-article or corpus: a record or its export dict) is not one atomic factual
    statement, or None when it is: it needs a predicate, a subject or an object (who did what, or
    what was done to whom), evidence, a single sentence of at most MAX_ATOMIC_WORDS words, and no
    dangling end ("..., and"); and it must state a fact (`judgement_reason`: not a guess, forecast,
    fragment, words to the reader, the speaker's mind or a judgement). A quote is its speaker's
    statement, whole: atomic only when it is one sentence that states a fact."""
    get = claim.get if isinstance(claim, dict) else lambda k, d=None: getattr(claim, k, d)
    text = (get("text") or "").strip()
    words = text.split()
    if not get("predicate"):
        return "no predicate"
    if not (get("subject") or get("object") or get("speaker")):
        return "no subject or object"
    if not get("evidence"):
        return "no evidence"
    if _SENTENCE_BREAK.search(text):
        return "more than one sentence"
    if len(words) > MAX_ATOMIC_WORDS:
        return "too long"
    if words and words[-1].strip(",;:").casefold() in _DANGLING:
        return "cut mid-sentence"
    return judgement_reason(text, get("predicate"), get("modality"))


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
                                                         doc.get("language"), article, entities=doc.get("entities"))
        doc.set("claims", claims, self.tag)
        return doc
