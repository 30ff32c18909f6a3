"""The same claim across articles, and how many independent origins back it.

Per-article claims (stage `claims`) are related pairwise on their slots, across wording and
language (`relation`):
  - the predicate classes must be compatible (equal, or listed together under `compatible` in
    data/claims_<lang>.yaml: "killed" / "died"; two verbs outside the typed vocabulary that share
    a `verb_classes` synonym class: "rose" / "increased" / "subió"), an aim ("to capture X") only
    matches an aim, named patients (objects) must not differ, nor named agents (subjects) unless
    the target is the same named one. An unnamed body named by a description ("the task force",
    "la embajada estadounidense") is one subject across the articles of one story
    (`resolve_descriptions`: same concept, anchors that agree or one missing, articles of one
    origin or sharing STORY_NAMES named entities); two bodies of one kind differ, a description
    beside a name is unknown;
  - a claim that states a figure (money, a count of something, a percent, a range) only relates
    to a claim stating a figure of the same dimension (count of bodyguards, USD...): a source
    silent on the figure neither supports nor contradicts it (a bare number of the same amount,
    "36,000 Americans" beside "36,000 people", states that count: `_stated`);
  - the two *agree* when every figure and date they both state is compatible and something
    beyond wording ties them: the same named object or subject, a shared figure with a typed
    predicate, or enough shared wording (WORDING; PARAPHRASE, calibrated on the MSRP train split,
    when their bare numbers and dates, compared as for clauses worded alike, agree); they
    *conflict* when they are one statement (same named object, same subject with a typed
    predicate, a counted thing with a typed predicate, or shared wording) with an incompatible
    figure or date; near-identical clauses (SAME_TEXT, or `edited`: one clause with at most one
    word replaced apart from the values it states, however short) with
    contradictory predicates ("won" / "lost") are an *outcome* conflict. Word overlap alone
    never matches; clauses worded alike also compare their bare numbers and every date;
  - two statements of one subject with compatible predicates, places that do not differ and
    agreeing numbers and dates also agree when the multilingual sentence encoder finds the
    clauses alike (`similar`, SIMILAR): rewordings and English / Spanish pairs that share no
    stems. The encoder never decides a predicate (it finds "hired" / "fired" near-identical).
A corpus claim is a cluster of agreeing article claims, built by a scored decision, not a
transitive union: agreeing pairs are taken best score first and two clusters join only when no
pair across them is cannot-linked (differing figures, dates, named subjects or objects,
incompatible predicates, one silent on the other's figure when they have no figure that names its
measure in common: a figure more beside an agreeing one is detail, not a difference). So a cluster never holds two
values of one slot, however the statements chain. Conflicting pairs in different clusters set
each cluster's `contradicted_by` (the other's article claim ids) and become `conflicts`, from
which `fuentes.corpus.discrepancies` builds value, date and outcome discrepancies; a conflict
between two articles one of which states both values is a list, not a conflict.
Quotes are claims of their speaker and are matched by `fuentes.corpus.quote_matching`
(same speaker, same or reworded text).

Candidate pairs come from blocking keys (frame, agent, value, slot) and LSH, so the work grows with
the number of claims, not its square; related pairs make components, and each component is
clustered on its own (`cluster_component`, the same function on Spark). A corpus claim's
`origins` and `independent_sources` count the distinct origin outlets of its members (an
article whose origin is unknown counts as its own).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import combinations
from functools import lru_cache
from importlib import resources

import numpy as np
from datasketch import MinHash, MinHashLSH

from fuentes.codecs import merge_evidence
from fuentes.corpus.band_table import BandTable
from fuentes.corpus.name_constraints import place_key, seat_countries
from fuentes.corpus.quote_matching import QuoteIndex, band_keys, match_quotes, quote_minhash
from fuentes.extract.claims import claim_lexicon
from fuentes.extract.values import _date_agrees, dimension, is_figure, names_measure, same_value
from fuentes.ids import content_id, normalize_text
from fuentes.model import Claim, Quote, Value
from fuentes.nlp.data_files import load_yaml
from fuentes.unionfind import UnionFind

SAY = "say"
WORDING = 60.0  # `wording` score at or above which two clauses say the same
SAME_TEXT = 80.0  # near-identical wording: a differing date is a discrepancy, not another event
VALUE_WORDING = 30.0  # with a shared figure, this much shared wording is enough
PARAPHRASE = 45.0  # clauses without a figure in common: this much shared wording says the same
LSH_THRESHOLD = 0.3
NUM_PERM = 64
MIN_SHARED = 3  # content stems two clauses must share to count as the same wording
BARE_MIN = 10  # a bare number below this ("two", "three") makes no candidate key of its own
ALL_PAIRS = 40  # a component this small compares all its pairs; a larger one, its candidate pairs
# cosine of two clauses' sentence vectors at or above which one agent's two statements of one kind say
# the same: rewordings of one deed score 0.64-0.99 (Spanish ones lower than English), another deed of
# the same kind by the same agent 0.35-0.58; MSRP train sentence pairs this alike are paraphrases 75 %
# of the time (67 % of all pairs are)
SIMILAR = 0.65
_WORD = re.compile(r"[^\W\d_]{3,}|\d(?:[\d.,]*\d)?")  # a number ends in a digit: "in 2015." is "2015"


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Function words of every language (shared with the provenance index's shingles)."""
    raw = load_yaml(resources.files("fuentes.corpus").joinpath("data/stopwords.yaml").read_text("utf-8"))
    return frozenset(str(w).casefold() for words in raw.values() for w in words)


def claim_stems(text: str) -> list[str]:
    """Content-word stems (first five letters): crude, language-agnostic, enough for copies
    and rewrites; function words are left out."""
    stop = _stopwords()
    return [w[:5] for w in _WORD.findall(normalize_text(text)) if w not in stop]


def wording(sa: list[str], sb: list[str]) -> float:
    """Shared content stems over the smaller set (0-100); 0 when fewer than MIN_SHARED shared,
    so that a short fragment contained in a long clause is no match."""
    a, b = set(sa), set(sb)
    shared = len(a & b)
    return 100.0 * shared / min(len(a), len(b)) if shared >= MIN_SHARED else 0.0


def _checkable(v: Value) -> bool:
    return is_figure(v)


@lru_cache(maxsize=1)
def _classes() -> tuple[frozenset[str], frozenset[frozenset[str]]]:
    """The typed predicate classes of every language, and the pairs that can name one fact."""
    typed: set[str] = set()
    pairs: set[frozenset[str]] = set()
    for lang in ("en", "es"):
        lex = claim_lexicon(lang)
        typed.update(lex.predicates.values())
        typed.update(lex.event_nouns.values())
        typed.update((lex.verb_object or {}).values())
        pairs.update(frozenset(p) for p in lex.compatible)
    return frozenset(typed), frozenset(pairs)


def typed(predicate: str | None) -> bool:
    return bool(predicate) and predicate in _classes()[0]


def compatible_predicates(a: str | None, b: str | None) -> bool:
    """One predicate class, or two listed as `compatible`, or two verbs outside the typed
    vocabulary that share a synonym class (`verb_classes`: "rose" / "increased" / "subió")."""
    if a == b or frozenset((a, b)) in _classes()[1]:
        return True
    if not a or not b or typed(a) or typed(b):
        return False
    synonyms = _synonyms()
    return bool(synonyms.get(a, frozenset()) & synonyms.get(b, frozenset()))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for lang in ("en", "es"):
        for verb, classes in (claim_lexicon(lang).verb_classes or {}).items():
            out[verb] = out.get(verb, frozenset()) | classes
    return out



@lru_cache(maxsize=1)
def _contradictory() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(p) for lang in ("en", "es") for p in claim_lexicon(lang).contradictory)


def contradictory(a: str | None, b: str | None) -> bool:
    """Two predicate classes that cannot both be true of one target (killed / captured, won / lost)."""
    return bool(a) and bool(b) and frozenset((a, b)) in _contradictory()


def _differ(x: str | None, y: str | None) -> bool:
    """Two arguments that are not one: two named entities, or two descriptions of one kind of body
    that name two bodies (two stories, two anchors). A description beside a name or a description of
    another kind ("the task force", "the army") is unknown: it never tells two statements apart."""
    if not x or not y or x == y or unnamed(x) or unnamed(y):
        return False
    if described(x) or described(y):
        return described(x) and described(y) and concept_of(x) == concept_of(y)
    return True


DESC = "desc:"
NP = "np:"  # a subject or object written out as its noun phrase ("np:The two men"): for the reader only


def unnamed(key: str | None) -> bool:
    """A subject no name or description names (`fuentes.extract.claims` `noun_phrase`): it names no
    one body across articles, so it never ties two statements nor sets them apart."""
    return bool(key) and key.startswith(NP)  # type: ignore[union-attr]


def named_target(key: str | None) -> str | None:
    """The key when it names one body by its name (an entity): a target two claims share, not a
    description nor a noun phrase ("np:Twenty-nine people", "np:5,300 employees")."""
    return key if key and not described(key) and not unnamed(key) else None


def known(key: str | None) -> str | None:
    """The key when it names someone (an entity or a described body), else None."""
    return None if not key or unnamed(key) else key


def described(key: str | None) -> bool:
    """An argument named by a description, not a name (`fuentes.extract.claims.description_of`)."""
    return bool(key) and key.startswith(DESC)  # type: ignore[union-attr]


def concept_of(key: str) -> str:
    """The kind of body a description key names ("desc:task force@...#..." -> "task force")."""
    return re.split(r"[@#]", key[len(DESC):], maxsplit=1)[0]


def description_label(key: str, names: dict[str, str] | None = None) -> str:
    """A description key as a reader sees it: "desc:task force@Arizona#art_1" -> "task force
    (Arizona)"; an anchor that is an entity id is shown by its name."""
    concept, _, rest = key[len(DESC):].partition("@")
    concept = concept.split("#", 1)[0]
    anchor = rest.split("#", 1)[0]
    for prefix in ("ent:", "name:"):
        anchor = anchor.removeprefix(prefix)
    anchor = (names or {}).get(anchor, anchor)
    return f"{concept} ({anchor})" if anchor else concept


STATE = "state:"


@lru_cache(maxsize=1)
def _state_bodies() -> frozenset[str]:
    """Description concepts that act for the state their anchor names (`state_bodies`: embassy,
    government, officials), over every language's data."""
    return frozenset(c for lang in ("en", "es") for c in claim_lexicon(lang).state_bodies)


def party(key: str | None, names: Mapping[str, str]) -> str | None:
    """Who acts, for telling one party's deeds apart from another's: a state (`state:<country>`) for
    a country or place named as the agent, for its seat of government ("Washington": the United
    States, `data/seats.yaml`) and for a described body that acts for the state its anchor names
    (`state_bodies`: "la embajada estadounidense", "U.S. officials"); any other key is itself.
    `names`: corpus entity id -> name."""
    if not key or unnamed(key):
        return None
    if described(key):
        anchor = key[len(DESC):].partition("@")[2].split("#", 1)[0]
        if concept_of(key) not in _state_bodies() or not anchor:
            return key
        name = names.get(anchor, anchor)
    elif "#" in key or not (name := names.get(key, "")):
        return key  # a local key no corpus entity holds, or an entity without a name
    folded, listed_place = place_key(name)
    seat = seat_countries().get(folded)
    if seat is not None:
        return STATE + place_key(seat)[0]
    return STATE + folded if listed_place or described(key) else key


AGREE, CONFLICT, OUTCOME = "agree", "conflict", "outcome"
NOT_AN_OUTCOME = ("denied", "predicted", "hedged")  # "did not kill", "would capture": no outcome stated
APART = ("aim", "denied", "predicted")  # a claim of one of these and one without it are two statements
DATE_DIM = ("date", None)


@dataclass(frozen=True, slots=True)
class Relation:
    """How two article claims relate: `agree` (one statement, compatible values), `conflict`
    (one statement, incompatible values on `dims`) or `outcome` (one statement, contradictory
    predicates); `score` orders the decisions (higher: surer)."""

    kind: str
    score: float
    dims: tuple = ()

    def __reduce__(self) -> tuple:  # pickled as its fields: the saved claim index holds one per related pair
        return (Relation, (self.kind, self.score, self.dims))


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two article claims of different corpus claims that cannot both be true: `kind` value (a
    figure of dimension `dim`), date, or outcome (`dim`: the two predicate classes)."""

    kind: str
    dim: tuple
    a: str
    b: str

    def __reduce__(self) -> tuple:
        return (Conflict, (self.kind, self.dim, self.a, self.b))


@dataclass(slots=True)
class ClaimMatch:
    claims: list[Claim]
    members: dict[str, list[Claim]] = field(default_factory=dict)  # corpus claim id -> article claims
    conflicts: list[Conflict] = field(default_factory=list)


def figures(claim: Claim) -> list[Value]:
    return [v for v in claim.values if is_figure(v)]


def _compared(claim: Claim, near: bool) -> dict[tuple, list[Value]]:
    """The values two clauses are compared on, by dimension: the figures; for clauses worded
    alike also bare numbers (an unqualified "42" changed to "47" is still a changed figure)."""
    out: dict[tuple, list[Value]] = defaultdict(list)
    for v in claim.values:
        if is_figure(v) or (near and v.kind in ("number", "count") and v.amount is not None):
            out[dimension(v)].append(v)
    return out


def _stated(claim: Claim, other: Claim, near: bool) -> dict[tuple, list[Value]]:
    """`_compared` of `claim`, with a bare number that states a count of `other` ("roughly 36,000
    Americans", a noun no `nouns` list names, vs "roughly 36,000 people"; "all three" vs "three of
    the teens") read as that count: the clause states the figure without naming what it counts, so
    it is not silent on it. A bare number only ever agrees this way, never differs."""
    out = _compared(claim, near)
    for dim, theirs in _compared(other, False).items():
        if dim in out or dim[0] != "count":
            continue
        for v in claim.values:
            if v.kind in ("number", "count") and not v.unit and v.amount is not None:
                echo = replace(v, kind="count", unit=theirs[0].unit)
                if any(same_value(echo, w) for w in theirs):
                    out[dim].append(echo)
    return out


def _dates(claim: Claim, near: bool) -> list[str]:
    """The dates a clause is compared on: its time slot; every date it states when worded alike."""
    if near:
        found = [str(v.low) for v in claim.values if v.kind == "date" and v.low]
        if found:
            return found
    return [claim.time] if claim.time else []


def _clash(xs: list[Value], ys: list[Value]) -> bool:
    """Two statements of one dimension disagree: each states a value the other does not (one
    stating a subset of the other's values is a shorter statement, not a disagreement)."""
    return any(not any(same_value(x, y) for y in ys) for x in xs) and \
        any(not any(same_value(y, x) for x in xs) for y in ys)


def _date_clash(xs: list[str], ys: list[str]) -> bool:
    return bool(xs) and bool(ys) and any(not any(_date_agrees(x, y) for y in ys) for x in xs) and \
        any(not any(_date_agrees(y, x) for x in xs) for y in ys)


def edited(a: Claim, b: Claim, sa: list[str], sb: list[str]) -> bool:
    """One clause with at most one word replaced on each side, apart from the words of the dates
    and figures the two state (those are compared on their own, `_dates` / `_compared`): "the driver
    was arrested in April" / "... in October", "no fue aprobada por el congreso" / "no fue
    rechazada por el congreso". A short clause is one statement by this test, not by the share of
    words it keeps (one word of four changed is SAME_TEXT missed). The dimensions both state count
    as words in common, so at least MIN_SHARED are needed as for `wording`."""
    if not sa or not sb:
        return False
    told = {s for v in (*a.values, *b.values) for s in claim_stems(v.text)}
    xa, xb = set(sa) - told, set(sb) - told
    if len(xa - xb) > 1 or len(xb - xa) > 1:
        return False
    slots = {dimension(v) for v in a.values if v.kind == "date" or is_figure(v)} & \
        {dimension(v) for v in b.values if v.kind == "date" or is_figure(v)}
    return len(xa & xb) + len(slots) >= MIN_SHARED


def relation(a: Claim, b: Claim, sa: list[str], sb: list[str]) -> Relation | None:
    """How two non-quote claims of different articles relate on their slots, or None (two
    statements, or one silent on the other's figure)."""
    if a.article == b.article or a.predicate == SAY or b.predicate == SAY:
        return None
    if _differ(a.object, b.object):
        return None
    same_object = bool(named_target(a.object)) and a.object == b.object  # a named target
    if _differ(a.subject, b.subject) and not same_object:
        return None  # two agents: two statements (one named target: differing agents are one event)
    words = wording(sa, sb)
    near = words >= SAME_TEXT or edited(a, b, sa, sb)
    if not compatible_predicates(a.predicate, b.predicate):
        if near and contradictory(a.predicate, b.predicate) and (a.modality == b.modality or (
                a.modality not in NOT_AN_OUTCOME and b.modality not in NOT_AN_OUTCOME
                and (a.modality == "aim") == (b.modality == "aim"))):
            # one clause, the outcome word changed: "was approved" / "was rejected", and as much
            # "was not approved" / "was not rejected" or "will win" / "will lose" (one stance each)
            return Relation(OUTCOME, words, (tuple(sorted((a.predicate or "", b.predicate or ""))),))
        return None
    if any((a.modality == m) != (b.modality == m) for m in APART):
        return None  # an aim and a fact, a denial and a statement, a forecast and a deed: two statements
    fa, fb = _stated(a, b, False), _stated(b, a, False)
    silent = bool(fa or fb) and not set(fa) & set(fb)  # one states a figure the other is silent on
    if silent and not near:
        return None  # not the same statement
    loose = near or words >= WORDING  # worded alike: bare numbers and every date are compared too
    va, vb = _stated(a, b, loose), _stated(b, a, loose)
    shared = sorted(set(va) & set(vb), key=repr)
    clash = tuple(d for d in shared if _clash(va[d], vb[d]))
    if _date_clash(_dates(a, loose), _dates(b, loose)):
        if not near:
            return None  # dated differently: two events
        clash += (DATE_DIM,)
    if silent and not clash:
        return None  # silent on the other's figure: a near-identical clause is compared on its dates only
    same_subject = bool(known(a.subject)) and a.subject == b.subject
    is_typed = typed(a.predicate) or typed(b.predicate)
    if clash:
        if _differ(a.place, b.place) and not near:
            return None
        # the same measure: a figure that names what it measures (money, a count of bodyguards, a
        # date), not a share or a score of something unnamed ("12 percent", "7 points": of whom?)
        measured = all(names_measure(d) for d in clash)
        counted = measured and any(kind == "count" for kind, _ in clash)
        if words < SAME_TEXT and DATE_DIM not in clash and not counted and not _someone_shared(a, b) \
                and _context(a, b, sa, sb) < WORDING:
            return None  # nobody both name, a figure that names no thing counted, and only the deed
            # and its figure alike: "sentenced her to 26 months' jail" / "He was sentenced on Sep 20 to
            # two months' jail" are two cases, as co-defendants' sentences are ("23 burned vehicles" /
            # "31 vehicles burned" stay one; a short clause's changed date is left to `edited`)
        one = same_object or near or words >= WORDING \
            or (same_subject and measured and (is_typed or words >= VALUE_WORDING)) \
            or (is_typed and counted)  # (a subject named on one side only is unknown, not another)
        return Relation(CONFLICT, words + 100 * same_object + 50 * same_subject, clash) if one else None
    agreeing = bool(set(fa) & set(fb))  # a figure both state, and it agrees
    if agreeing:
        if _differ(a.place, b.place) and words < VALUE_WORDING:
            return None
        one = same_object or same_subject or words >= VALUE_WORDING or is_typed
    else:
        one = same_object or words >= WORDING or (same_subject and is_typed and words >= VALUE_WORDING) \
            or paraphrase(a, b, words) \
            or (same_subject and not _differ(a.place, b.place) and agreeing_values(a, b) and similar(a, b))
    if not one:
        return None
    return Relation(AGREE, words + 100 * same_object + 50 * same_subject + 40 * agreeing + 20 * is_typed)


def _someone_shared(a: Claim, b: Claim) -> bool:
    """The two clauses name one subject or one object (an entity or a described body)."""
    return bool(known(a.subject)) and a.subject == b.subject or bool(known(a.object)) and a.object == b.object


def _context(a: Claim, b: Claim, sa: list[str], sb: list[str]) -> float:
    """`wording` of two clauses without the stems of their predicates and their values: what the
    clauses share beyond the deed and the figure ("sentenced", "months", "26" / "two")."""
    slot = {w for c in (a, b) for w in claim_stems(" ".join([c.predicate or "", *(v.text for v in c.values),
                                                               *(v.unit or "" for v in c.values)]))}
    return wording([w for w in sa if w not in slot], [w for w in sb if w not in slot])


def similar(a: Claim, b: Claim) -> bool:
    """The two clauses mean the same to the multilingual sentence encoder (cosine at or above
    SIMILAR), in one language or across English and Spanish. Only asked of two statements of one
    agent with compatible predicates: the encoder never tells "approved" from "rejected" (cosines
    of 0.9 and more), so it never decides a predicate. False without the encoder."""
    va, vb = clause_vector(a.text), clause_vector(b.text)
    return va is not None and vb is not None and float(va @ vb) >= SIMILAR


_VECTORS: dict[str, np.ndarray] | None = None  # the clause vectors of the `ClaimIndex` being updated


def clause_vector(text: str) -> np.ndarray | None:
    """A clause's unit sentence vector (`encode_clause`), from the index being updated when it
    has it (kept there when it has not)."""
    if _VECTORS is None:
        return encode_clause(text)
    found = _VECTORS.get(text)
    if found is None:
        found = encode_clause(text)
        if found is not None:
            _VECTORS[text] = found
    return found


@lru_cache(maxsize=8192)
def encode_clause(text: str) -> np.ndarray | None:
    """A clause's unit sentence vector (each text encoded alone and rounded to float16, so a
    vector does not depend on the clauses encoded with it); None without the encoder."""
    from fuentes.nlp.sentence_encoder import sentence_encoder

    model = sentence_encoder()
    if model is None or not text.strip():
        return None
    vec = np.asarray(model.encode([text])[0], dtype=np.float16).astype(np.float32)
    norm = float(np.linalg.norm(vec))
    if not norm:
        return None
    vec /= norm
    vec.flags.writeable = False  # shared by every caller through the cache
    return vec


def paraphrase(a: Claim, b: Claim, words: float) -> bool:
    """Two clauses worded alike enough to say the same (PARAPHRASE, calibrated on the MSRP train
    split) whose bare numbers and dates, compared as for clauses worded alike, do not differ."""
    return words >= PARAPHRASE and agreeing_values(a, b)


def agreeing_values(a: Claim, b: Claim) -> bool:
    """Bare numbers and dates, compared as for clauses worded alike, that do not differ."""
    va, vb = _compared(a, True), _compared(b, True)
    if any(_clash(va[d], vb[d]) for d in va if d in vb):
        return False
    return not _date_clash(_dates(a, True), _dates(b, True))


def cannot_link(a: Claim, b: Claim) -> bool:
    """Two claims that one corpus claim never holds: incompatible predicates, an aim and a fact, a
    denial and a statement, a forecast and a deed, differing named objects or subjects (unless one named target), one silent on the other's
    figure with no figure naming its measure in common (a figure more beside one that agrees is detail:
    "rose 50 cents to $28.34" / "rose 50 cents"), differing figures of one dimension, differing dates."""
    if a.predicate == SAY or b.predicate == SAY:
        return False
    if not compatible_predicates(a.predicate, b.predicate) or any((a.modality == m) != (b.modality == m) for m in APART):
        return True
    if _differ(a.object, b.object) or (_differ(a.subject, b.subject)
                                       and not (named_target(a.object) and a.object == b.object)):
        return True
    va, vb = _stated(a, b, False), _stated(b, a, False)
    if set(va) != set(vb) and not any(names_measure(d) for d in set(va) & set(vb)):
        return True  # one silent on a figure of the other's, and no named measure in common
    va, vb = _stated(a, b, True), _stated(b, a, True)
    if any(_clash(va[d], vb[d]) for d in va if d in vb):
        return True
    return _date_clash(_dates(a, False), _dates(b, False))


def resolve_claim(claim: Claim, entity_of: Mapping[tuple[str, str], str]) -> Claim:
    """A copy of an article claim with entity keys replaced by corpus entity ids."""
    art = claim.article or ""

    def rid(key: str | None) -> str | None:  # a description is resolved across articles apart
        if unnamed(key):
            return key  # a noun phrase stays as written
        return entity_of.get((art, key), f"{art}#{key}") if key and not key.startswith(DESC) else None

    return Claim(id=claim.id, text=claim.text, article=claim.article, start=claim.start, end=claim.end,
                 subject=rid(claim.subject), predicate=claim.predicate, object=rid(claim.object),
                 values=list(claim.values), speaker=rid(claim.speaker), evidence=list(claim.evidence),
                 time=claim.time, place=rid(claim.place), modality=claim.modality)


STORY_NAMES = 2  # named entities two articles must share for their descriptions to name one body


def _anchor_key(art: str, anchor: str, entity_of: Mapping[tuple[str, str], str],
                names: Mapping[str, str]) -> str:
    """One key for a description's anchor, whatever names it: a corpus entity (a place by its
    exonym key, so "U.S." and "estadounidense" agree) or a place name."""
    from fuentes.corpus.name_constraints import exonym_key, listed_name
    from fuentes.extract.names import name_tokens

    kind, _, value = anchor.partition(":")
    name = value
    if kind == "ent":
        ent = entity_of.get((art, value))
        if ent is None:
            return f"{art}#{value}"
        name = names.get(ent, "")
        if not name:
            return ent
    found = exonym_key(name_tokens(name)) if name else None
    if found is not None:
        return listed_name(found)
    return name if kind == "name" or name else entity_of.get((art, value), value)


def resolve_descriptions(items: list[Claim], raw: Mapping[str, tuple[str | None, str | None]],
                         origins: Mapping[str, str | None], entity_of: Mapping[tuple[str, str], str],
                         names: Mapping[str, str]) -> None:
    """Descriptions of one unnamed body across articles made one key, in place: within a concept
    ("embassy", "task force"), descriptions of two articles of one story (`_story_pairs`: same
    origin, or at least STORY_NAMES named entities in common) name one body when their anchors
    agree or one has none; two anchors never join. `raw` maps a claim id to its article's
    (subject, object) keys. The key names the concept, the anchor and the body's first article."""
    named: dict[str, set[str]] = defaultdict(set)
    for c in items:
        for key in (c.subject, c.object, c.place, c.speaker):
            if named_target(key) and "#" not in key:
                named[c.article or ""].add(key)
    slots: dict[str, list[tuple[int, str, str, str | None]]] = defaultdict(list)  # concept -> uses
    for i, c in enumerate(items):
        for slot, key in zip(("subject", "object"), raw.get(c.id, (None, None))):
            if key and key.startswith(DESC):
                concept, _, anchor = key[len(DESC):].partition("@")
                art = c.article or ""
                slots[concept].append((i, slot, art, _anchor_key(art, anchor, entity_of, names) if anchor else None))
    for concept, uses in slots.items():
        nodes = sorted({(art, anchor or "") for _, _, art, anchor in uses})
        index = {n: k for k, n in enumerate(nodes)}
        anchors: dict[int, set[str]] = {k: {n[1]} - {""} for k, n in enumerate(nodes)}
        uf = UnionFind(len(nodes))
        for i, j in _story_pairs(nodes, origins, named):
            ri, rj = uf.find(i), uf.find(j)
            if ri == rj or (anchors[ri] and anchors[rj] and anchors[ri] != anchors[rj]):
                continue
            uf.union(ri, rj)
            anchors[uf.find(ri)] = anchors[ri] | anchors[rj]
        first: dict[int, str] = {}  # a body's key names its first article
        for k, (art, _) in enumerate(nodes):
            first.setdefault(uf.find(k), art)
        for i, slot, art, anchor in uses:
            root = uf.find(index[(art, anchor or "")])
            label = min(anchors[root]) if anchors[root] else ""
            setattr(items[i], slot, f"{DESC}{concept}@{label}#{first[root]}")


STORY_COMMON = 50  # a name in more articles than this tells no story apart ("United States")


def _story_pairs(nodes: list[tuple[str, str]], origins: Mapping[str, str | None],
                 named: Mapping[str, set[str]]) -> list[tuple[int, int]]:
    """Pairs of description uses (indices into `nodes`, in order) whose articles are one story: the
    same article, one origin, or at least STORY_NAMES named entities in common (names found in
    more than STORY_COMMON of these articles left out). Blocked by origin and name, so the work
    follows the stories, not the square of the articles."""
    of_art: dict[str, list[int]] = defaultdict(list)
    for k, (art, _) in enumerate(nodes):
        of_art[art].append(k)
    groups: list[list[str]] = []
    by_origin: dict[str, list[str]] = defaultdict(list)
    by_name: dict[str, list[str]] = defaultdict(list)
    for art in of_art:
        if origins.get(art):
            by_origin[origins[art] or ""].append(art)
        for name in named.get(art, ()):
            by_name[name].append(art)
    groups.extend(by_origin.values())
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for arts in by_name.values():
        if len(arts) <= STORY_COMMON:
            for x, y in combinations(sorted(arts), 2):
                shared[(x, y)] += 1
    linked = {(x, y) for (x, y), n in shared.items() if n >= STORY_NAMES}
    linked.update((x, y) for arts in groups for x, y in combinations(sorted(arts), 2))
    pairs = {(min(i, j), max(i, j)) for ks in of_art.values() for i, j in combinations(ks, 2)}
    pairs.update((min(i, j), max(i, j)) for x, y in linked for i in of_art[x] for j in of_art[y])
    return sorted(pairs)


def same_claim(a: Claim, b: Claim, sa: list[str], sb: list[str]) -> bool:
    """Two non-quote claims of different articles state the same thing with compatible values."""
    found = relation(a, b, sa, sb)
    return found is not None and found.kind == AGREE


def predicate_keys(predicate: str | None) -> list[str]:
    """Keys two compatible predicates share: the predicate, its synonym classes, the pairs listed
    `compatible` that hold it."""
    if not predicate:
        return []
    keys = {predicate} | {f"class:{c}" for c in _synonyms().get(predicate, ())}
    keys.update("+".join(sorted(pair)) for pair in _classes()[1] if predicate in pair)
    return sorted(keys)


def block_keys(claim: Claim) -> list[tuple]:
    """Exact blocking keys of a non-quote claim: its frame (predicate, object), its agent with
    each key of a typed or classed predicate, and each checkable figure; two claims sharing one
    are compared."""
    if claim.predicate == SAY:
        return []
    keys: list[tuple] = [("frame", claim.predicate, claim.object)] if known(claim.object) else []
    subject = known(claim.subject)
    if subject and (typed(claim.predicate) or claim.predicate in _synonyms()):
        # one agent doing one kind of thing, in any wording or language (a verb in no class, "be",
        # "have", is left to the LSH: its block would hold all of a busy agent's statements)
        keys.extend(("agent", subject, cls) for cls in predicate_keys(claim.predicate))
    for v in claim.values:
        if _checkable(v):
            unit = v.unit if v.kind != "count" else None
            keys.append(("value", v.kind, unit, v.amount, v.low, v.high))
            if v.amount and v.approximate:  # by its amount ("an estimated three months" / "three months")
                # and rounded to tens ("about 800" / "some 796")
                keys.append(("value", v.kind, unit, round(v.amount, -1), v.low, v.high))
            if typed(claim.predicate) or subject:  # the slot: one figure, whatever its amount
                keys.append(("slot", claim.predicate, subject if not typed(claim.predicate) else None,
                             *dimension(v)))
    # a count and a bare number of one amount, for predicates that can be one ("kill roughly 36,000
    # people" / "36,000 Americans": `_stated`); small numbers ("two", "three") are left to the other keys
    amounts = {v.amount for v in claim.values if v.kind in ("number", "count") and v.amount is not None
               and v.amount >= BARE_MIN and (not v.unit or _checkable(v))}
    keys.extend(("amount", tag, amount) for amount in sorted(amounts) for tag in _predicate_tags(claim.predicate))
    return keys


def claim_minhash(claim: Claim, stems: list[str], num_perm: int = NUM_PERM) -> MinHash | None:
    """MinHash of a non-quote claim's stem set, or None when it takes no part in the LSH."""
    words = set(stems)
    if claim.predicate == SAY or len(words) < 3:
        return None
    return quote_minhash(words, num_perm)


def _candidates(items: list[Claim], stems: list[list[str]], num_perm: int = NUM_PERM) -> set[tuple[int, int]]:
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(items):
        for key in block_keys(c):
            blocks[key].append(i)
    pairs = {(i, j) for members in blocks.values() for x, i in enumerate(members) for j in members[x + 1:]}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm)
    for i, words in enumerate(stems):
        mh = claim_minhash(items[i], words, num_perm)
        if mh is None:
            continue
        pairs.update((int(j), i) for j in lsh.query(mh))
        lsh.insert(str(i), mh)
    return {(min(i, j), max(i, j)) for i, j in pairs if i != j}


def claim_quote(c: Claim) -> Quote:
    """A quote claim as the Quote `match_quotes` compares (its speaker: the resolved entity id)."""
    return Quote(id=c.id, article=c.article or "", text=c.text, start=c.start, end=c.end, direct=True,
                 speaker_name=c.speaker)


def _quote_pairs(items: list[Claim], quotes: QuoteIndex | None = None) -> list[tuple[int, int]]:
    """Quote claims that `match_quotes` puts in one statement group (same or reworded);
    `quotes`: the wordings already compared."""
    index = {c.id: i for i, c in enumerate(items) if c.predicate == SAY}
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for i in index.values():
        by_article[items[i].article or ""].append(claim_quote(items[i]))
    pairs = []
    for group in match_quotes(by_article, index=quotes):
        ids = [index[q] for q in group.quotes if q in index]
        pairs.extend((ids[0], j) for j in ids[1:])
    return pairs


def origin_label(article: str, origins: Mapping[str, str | None]) -> str:
    """The outlet an article's reporting comes from; unknown origin: the article itself."""
    return origins.get(article) or f"article:{article}"


def _listed(claim: Claim, other: Claim, dim: tuple, stated: Mapping[str, list[Value]]) -> bool:
    """The article of `claim` also states a value of `dim` the other states and `claim` does not: a
    list of figures. (A value both clauses state, "victories in 2008 and 2012" / "in 2005 and 2012",
    says nothing of the one they differ on.)"""
    if dim == DATE_DIM:
        mine = _dates(claim, True)
        theirs = [d for d in _dates(other, True) if not any(_date_agrees(d, x) or _date_agrees(x, d) for x in mine)]
        return any(v.kind == "date" and v.low and any(_date_agrees(str(v.low), d) for d in theirs)
                   for v in stated.get(claim.article or "", ()))
    own = [v for v in claim.values if dimension(v) == dim]
    theirs = [v for v in other.values if dimension(v) == dim and not any(same_value(v, w) or same_value(w, v) for w in own)]
    return any(dimension(v) == dim and any(same_value(v, w) for w in theirs) for v in stated.get(claim.article or "", ()))


Structure = tuple[list[list[int]], list[Conflict], list[list[str]]]  # clusters (member positions), conflicts, contradicted_by


def cluster_component(parts: list[Claim], origins: Mapping[str, str | None],
                      stems: list[list[str]] | None = None,
                      known: Mapping[tuple[int, int], Relation] | None = None) -> tuple[list[tuple[Claim, list[Claim]]], list[Conflict]]:
    """The corpus claims of one component of related article claims (given in matching order: by
    article id, then position), each with its members, and the conflicts between them.

    Agreeing pairs are decided best score first; two clusters join only when no pair across them
    is `cannot_link`ed, so no cluster holds two values of one slot. Quote components stay whole
    (their matching is `match_quotes`'). `known`: the relations already found between candidate
    pairs of `parts` (positions in order; pairs left out are not candidates or relate not)."""
    return build_clusters(parts, origins, cluster_structure(parts, stems, known))


def build_clusters(parts: list[Claim], origins: Mapping[str, str | None],
                   structure: Structure) -> tuple[list[tuple[Claim, list[Claim]]], list[Conflict]]:
    """The corpus claims of a component from its `cluster_structure` (the origins count here)."""
    groups, conflicts, contra = structure
    out = []
    for held, against in zip(groups, contra):
        members = [parts[i] for i in held]
        claim = combine_claims(members, origins)
        claim.contradicted_by = list(against)
        out.append((claim, members))
    return out, list(conflicts)


def cluster_structure(parts: list[Claim], stems: list[list[str]] | None = None,
                      known: Mapping[tuple[int, int], Relation] | None = None) -> Structure:
    """Which article claims of a component make each corpus claim (positions, in order), the
    conflicts between them and each one's contradicting article claims (`cluster_component`)."""
    if not parts:
        return [], [], []
    if parts[0].predicate == SAY:
        return [list(range(len(parts)))], [], [[]]
    stems = stems if stems is not None else [claim_stems(c.text) for c in parts]
    n = len(parts)
    edges: list[tuple[float, int, int]] = []
    against: list[tuple[int, int, Relation]] = []
    if n <= ALL_PAIRS:
        pairs: Iterable[tuple[int, int]] = combinations(range(n), 2)
    else:
        pairs = sorted(known) if known is not None else sorted(_candidates(parts, stems))
    for i, j in pairs:
        found = known.get((i, j)) if known is not None else None
        if found is None and (known is None or n <= ALL_PAIRS):
            found = relation(parts[i], parts[j], stems[i], stems[j])
        if found is None:
            continue
        if found.kind == AGREE:
            edges.append((found.score, i, j))
        else:
            against.append((i, j, found))
    clash = {(i, j) for i, j, _ in against}
    root = list(range(n))
    held: dict[int, list[int]] = {i: [i] for i in range(n)}
    memo: dict[tuple[int, int], bool] = {}

    def blocked(x: int, y: int) -> bool:
        key = (min(x, y), max(x, y))
        if key not in memo:
            memo[key] = key in clash or cannot_link(parts[x], parts[y])
        return memo[key]

    # clusters found kept apart stay apart: a cluster only grows, and one blocked pair of members
    # blocks it for good, so each pair of clusters is checked member by member once, not again
    # for every edge between them (a large component has thousands)
    apart: dict[int, set[int]] = defaultdict(set)
    for _, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ri, rj = root[i], root[j]
        if ri == rj or rj in apart[ri]:
            continue
        if any(blocked(x, y) for x in held[ri] for y in held[rj]):
            apart[ri].add(rj)
            apart[rj].add(ri)
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        for x in held[gone]:
            root[x] = keep
        held[keep] = sorted(held[keep] + held.pop(gone))
        for other in apart.pop(gone, ()):
            apart[other].discard(gone)
            apart[other].add(keep)
            apart[keep].add(other)
    stated: dict[str, list[Value]] = defaultdict(list)
    for c in parts:
        stated[c.article or ""].extend(c.values)
    conflicts: list[Conflict] = []
    contra: dict[int, set[str]] = defaultdict(set)
    for i, j, found in against:
        if root[i] == root[j]:
            continue
        x, y = parts[i], parts[j]
        if found.kind == OUTCOME:  # one named target's outcomes are compared by target (discrepancies)
            kept = [] if by_target(x, y, found.dims) else [("outcome", d) for d in found.dims]
        else:
            kept = [("date" if d == DATE_DIM else "value", d) for d in found.dims
                    if not _listed(x, y, d, stated) and not _listed(y, x, d, stated)]
        if not kept:
            continue
        conflicts.extend(Conflict(kind, d, x.id, y.id) for kind, d in kept)
        contra[root[i]].add(y.id)
        contra[root[j]].add(x.id)
    order = sorted(held)
    return [held[r] for r in order], conflicts, [sorted(contra.get(r, ())) for r in order]


@lru_cache(maxsize=1)
def _target_outcomes() -> frozenset[str]:
    return frozenset(c for lang in ("en", "es") for c in claim_lexicon(lang).target_outcomes)


def by_target(x: Claim, y: Claim, dims: tuple) -> bool:
    """An outcome conflict of one clause that `fuentes.corpus.discrepancies.predicate_discrepancies`
    reports by its target: one named target, both stated as facts, and a pair of fates of the target
    (killed / captured) or one known subject said to do both (won / lost). Any other (a description
    or a noun phrase as the object, "The Dream Act was approved" / "... was rejected" with no one
    named as its agent) stays the clause's own conflict, else it would be reported by neither."""
    if not (named_target(x.object) and x.object == y.object):
        return False
    if x.modality in NOT_AN_OUTCOME or y.modality in NOT_AN_OUTCOME:
        return False
    return all(set(d) <= _target_outcomes() for d in dims) or (bool(known(x.subject)) and x.subject == y.subject)


def match_claims_detailed(claims_by_article: Mapping[str, list[Claim]], origins: Mapping[str, str | None],
                          entity_of: Mapping[tuple[str, str], str],
                          names: Mapping[str, str] | None = None, index: "ClaimIndex | None" = None) -> ClaimMatch:
    """Corpus claims, their members and conflicts. `names` (corpus entity id -> name) lets a
    description's anchor be compared across languages ("U.S." / "estadounidense"). `index` (a
    `ClaimIndex`, updated in place) holds the work of earlier runs: only the claims it has not
    seen as they are now are compared, and only the components they touch are clustered."""
    index = index if index is not None else ClaimIndex()
    items = [resolve_claim(c, entity_of) for art in sorted(claims_by_article) for c in claims_by_article[art]]
    raw = {c.id: (c.subject, c.object) for art in sorted(claims_by_article) for c in claims_by_article[art]}
    resolve_descriptions(items, raw, origins, entity_of, names or {})
    stems, fresh = index.update(items)
    keys = index.keys(items)
    at = {key: i for i, key in enumerate(keys)}
    uf = UnionFind(len(items))
    for a, b in index.related:
        uf.union(at[a], at[b])
    for i, j in _quote_pairs(items, index.quotes):
        uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    found: list[tuple[int, Claim, list[Claim]]] = []
    result = ClaimMatch(claims=[])
    kept: dict[tuple, Structure] = {}
    for idx in groups.values():
        parts = [items[i] for i in idx]
        ids = tuple(keys[i] for i in idx)
        structure = index.structures.get(ids)
        if structure is None or any(i in fresh for i in idx):
            local = {key: k for k, key in enumerate(ids)}
            known = {(local[a], local[b]): found_ for a in ids for b, found_ in index.partners.get(a, {}).items()
                     if b in local} if parts[0].predicate != SAY else {}
            structure = cluster_structure(parts, [stems[i] for i in idx], known)
        kept[ids] = structure
        clusters, conflicts = build_clusters(parts, origins, structure)
        position = {items[i].id: i for i in idx}
        found.extend((min(position[m.id] for m in members), claim, members) for claim, members in clusters)
        result.conflicts.extend(conflicts)
    index.changed = index.changed or kept.keys() != index.structures.keys()
    index.structures = kept
    for _, claim, members in sorted(found, key=lambda f: f[0]):
        result.claims.append(claim)
        result.members[claim.id] = members
    return result


def _signature(claim: Claim) -> str:
    """What the matcher reads of a resolved article claim: a changed claim is compared anew."""
    import hashlib

    return hashlib.blake2b(repr(claim).encode("utf-8"), digest_size=16).hexdigest()


def _figure_dims(claim: Claim) -> list[tuple]:
    return sorted(set(_compared(claim, False)), key=repr)


def _predicate_tags(predicate: str | None) -> list[str]:
    """Tags two compatible predicates share (`predicate_keys`; a missing predicate its own)."""
    return predicate_keys(predicate) if predicate else [f"={predicate!r}"]


@lru_cache(maxsize=4096)
def _relation_tags(predicate: str | None) -> tuple[str, ...]:
    """Tags two predicates share when `relation` can relate their claims: compatible
    (`_predicate_tags`) or contradictory (an outcome conflict)."""
    tags = set(_predicate_tags(predicate))
    tags.update("x:" + "+".join(sorted(pair)) for pair in _contradictory() if predicate in pair)
    return tuple(sorted(tags))


Key = tuple[str, int]


class ClaimIndex:
    """The matching work of earlier runs, kept so a run compares only new or changed claims.

    For each article claim, by key (article id, place in the article: claim ids repeat, and this
    is the matching order), as resolved: its signature, stems and predicate, the candidate tables
    it is in (blocks, LSH bands) and its related pairs (`relation` not None, each pair in matching
    order); the clustering of each component; the quote claims' `QuoteIndex`; the clause vectors
    the encoder gave. A claim whose resolved form changed (an entity merged, a description
    resolved anew) is compared again. A pair's relation depends on the two claims alone, and a
    claim meets the same candidates whatever came before it, so a run over the index gives what
    a run from scratch gives.

    Candidates are `_candidates`' pairs, less pairs that cannot relate: of one value block, one
    figure in common ("2") but no dimension (2 bodyguards, 2 vehicles) or no predicate tag in
    common, unless worded alike (SAME_TEXT); of one LSH band, predicates neither compatible nor
    contradictory (`_relation_tags`). So a claim meets the claims of its kind, not every claim
    stating its figure."""

    def __init__(self) -> None:
        self.signatures: dict[Key, str] = {}
        self.stems: dict[Key, str] = {}  # stems joined by spaces (one string pickles faster than a list)
        self.predicates: dict[Key, str | None] = {}
        self.tables = BandTable()  # candidate table -> the numbers of its claims (`number`)
        self.number: dict[Key, int] = {}  # a claim's number in the tables
        self.claim_of: list[Key] = []  # number -> claim
        self.partners: dict[Key, dict[Key, Relation]] = {}  # a claim -> a later claim -> their relation
        self.earlier: dict[Key, set[Key]] = {}  # a claim -> the earlier claims it relates to
        self.structures: dict[tuple[Key, ...], Structure] = {}
        self.quotes = QuoteIndex()
        self.vectors: dict[str, np.ndarray] = {}  # clause text -> its sentence vector
        self.compared = 0  # candidate pairs compared
        self.changed = False

    @property
    def related(self) -> list[tuple[Key, Key]]:
        return [(a, b) for a, later in self.partners.items() for b in later]

    @staticmethod
    def keys(items: list[Claim]) -> list[tuple[str, int]]:
        """Each item's key: (article, position in the article) - ids repeat (one span, two modalities)."""
        counts: dict[str, int] = defaultdict(int)
        out = []
        for c in items:
            art = c.article or ""
            out.append((art, counts[art]))
            counts[art] += 1
        return out

    def update(self, items: list[Claim]) -> tuple[list[list[str]], set[int]]:
        """Bring the index to `items` (resolved, in matching order): claims gone or changed are
        forgotten, new ones compared. Returns every item's stems and the positions compared anew."""
        global _VECTORS
        keys = self.keys(items)
        signatures = [_signature(c) for c in items]
        present = dict(zip(keys, signatures))
        gone = {key for key, sig in self.signatures.items() if present.get(key) != sig}
        if gone:
            self._forget(gone)
        fresh = {i for i, key in enumerate(keys) if key not in self.signatures}
        self.changed = bool(gone or fresh)  # whether the index is worth saving again
        stems = [self.stems[key].split() if i not in fresh else claim_stems(c.text)
                 for i, (key, c) in enumerate(zip(keys, items))]
        by_key = dict(zip(keys, items))
        _VECTORS = self.vectors
        try:
            for i in sorted(fresh):
                self._add(keys[i], items[i], stems[i], signatures[i], by_key)
        finally:
            _VECTORS = None
        return stems, fresh

    def _forget(self, gone: set[Key]) -> None:
        self.tables.forget({self.number[cid] for cid in gone if cid in self.number})
        for cid in gone:
            for other in self.partners.pop(cid, {}):
                self.earlier.get(other, set()).discard(cid)
            for other in self.earlier.pop(cid, set()):
                self.partners.get(other, {}).pop(cid, None)
            for kept in (self.signatures, self.stems, self.predicates):
                kept.pop(cid, None)

    def _add(self, cid: Key, claim: Claim, stems: list[str], signature: str, by_id: Mapping[Key, Claim]) -> None:
        words = set(stems)
        tables: list[object] = []
        candidates: set[Key] = set()
        for key in block_keys(claim):
            if key[0] != "value":
                tables.append(("block", key))
                continue
            # one figure in common: a relation needs a dimension and a predicate tag in common, or near wording
            tables.extend(("value", key, dim, tag) for dim in _figure_dims(claim) for tag in _predicate_tags(claim.predicate))
            shared = {self.claim_of[o]: n for o, n in self.tables.counts(("stem", key, w) for w in words).items()}
            candidates.update(o for o, n in shared.items()
                              if n >= MIN_SHARED and 100.0 * n / min(len(words), len(set(self.stems[o].split()))) >= SAME_TEXT)
            tables.extend(("stem", key, w) for w in words)
        candidates.update(self.claim_of[o] for o in self.tables.members(t for t in tables if t[0] != "stem"))  # type: ignore[index]
        mh = claim_minhash(claim, stems)
        if mh is not None:  # LSH bands; a pair of no predicate tag in common never relates
            bands = band_keys(mh)
            mine = set(_relation_tags(claim.predicate))
            tags = self.predicates
            candidates.update(other for other in map(self.claim_of.__getitem__, self.tables.members(bands))
                              if not mine.isdisjoint(_relation_tags(tags[other])))
            tables.extend(bands)
        candidates.discard(cid)
        self.compared += len(candidates)
        for other in sorted(candidates):
            a, b = (other, cid) if other < cid else (cid, other)
            found = relation(by_id[a], by_id[b], stems if a == cid else self.stems[a].split(),
                             stems if b == cid else self.stems[b].split())
            if found is not None:
                self.partners.setdefault(a, {})[b] = found
                self.earlier.setdefault(b, set()).add(a)
        number = self.number.get(cid)
        if number is None:
            number = self.number[cid] = len(self.claim_of)
            self.claim_of.append(cid)
        self.tables.add(tables, number)  # (once under a key that repeats: a figure and its rounding)
        self.signatures[cid] = signature
        self.stems[cid] = " ".join(stems)
        self.predicates[cid] = claim.predicate


def match_claims(claims_by_article: Mapping[str, list[Claim]], origins: Mapping[str, str | None],
                 entity_of: Mapping[tuple[str, str], str]) -> list[Claim]:
    """Corpus claims: each with its articles, distinct origins and independent-source count."""
    return match_claims_detailed(claims_by_article, origins, entity_of).claims


def combine_claims(members: list[Claim], origins: Mapping[str, str | None]) -> Claim:
    """One corpus claim from the agreeing article claims of one cluster, given in matching order
    (by article id, then position in the article): the representative's ties go to the first."""
    articles = sorted({m.article or "" for m in members})
    # the representative: a named frame, then the most values, the shortest text
    rep = min(members, key=lambda m: (known(m.object) is None, -len(m.values), len(m.text)))
    outlets = sorted({origin_label(a, origins) for a in articles})
    values: list[Value] = []
    for m in members:
        for v in m.values:
            if not any(v == w for w in values):
                values.append(v)
    return Claim(id=content_id("clm", *sorted(m.id for m in members)), text=rep.text, article=None,
                 subject=rep.subject or next((m.subject for m in members if m.subject), None),
                 predicate=rep.predicate, object=rep.object or next((m.object for m in members if m.object), None),
                 values=values, speaker=rep.speaker, articles=articles, origins=outlets,
                 independent_sources=len(outlets), evidence=merge_evidence(*(m.evidence for m in members)),
                 time=rep.time or next((m.time for m in members if m.time), None),
                 place=rep.place or next((m.place for m in members if m.place), None), modality=rep.modality)
