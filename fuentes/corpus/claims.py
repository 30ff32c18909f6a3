"""The same claim across articles, and how many independent origins back it.

Per-article claims (stage `claims`) are matched on their slots, across wording and language:
  - the predicate classes must be compatible (equal, or listed together under `compatible` in
    data/claims_<lang>.yaml: "killed" / "died"), an aim ("to capture X") only matches an aim,
    and named patients (objects) must not differ;
  - a claim that states a figure (money, a count of something, a percent, a range) only matches
    a claim stating a figure of the same dimension (count of bodyguards, USD...): a source silent
    on the figure neither supports nor contradicts it;
  - then one of: the same named object ("the killing of X" / "soldiers killed X" / "la muerte de
    X"); a shared figure (same normalised value); a figure of the same dimension with the same
    typed predicate class (and no differing place or subject) or the same named subject, or some
    shared wording; near-identical wording (a copy or light rewrite) with the same predicate.
    Word overlap alone never matches. Dates must agree unless the wording is near-identical
    (then the differing date is a discrepancy, not another event).
Quotes are claims of their speaker and are matched by `fuentes.corpus.quote_matching`
(same speaker, same or reworded text).

Candidate pairs come from blocking keys (frame, value, slot) and LSH, so the work grows with
the number of claims, not its square. A corpus claim is one group of matched article claims;
its representative is a member of the best-supported version of every slot. Its `origins` and
`independent_sources` count the distinct origin outlets of the members that agree with that
version (an article whose origin is unknown counts as its own); members that give an
incompatible value on one of its slots are listed in `contradicted_by` (article claim ids), and
their articles stay in `articles` with their evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from collections import defaultdict
from itertools import combinations
from dataclasses import dataclass, field
from typing import Mapping

from datasketch import MinHash, MinHashLSH
import yaml

from fuentes.corpus.quote_matching import match_quotes
from fuentes.extract.claims import claim_lexicon
from fuentes.extract.values import _date_agrees, comparable, dimension, is_figure, same_value
from fuentes.codecs import merge_evidence
from fuentes.ids import content_id, normalize_text
from fuentes.model import Claim, Quote, Value
from fuentes.unionfind import UnionFind

SAY = "say"
WORDING = 60.0  # `wording` score at or above which two clauses say the same
SAME_TEXT = 80.0  # near-identical wording: a differing date is a discrepancy, not another event
VALUE_WORDING = 30.0  # with a shared figure, this much shared wording is enough
LSH_THRESHOLD = 0.3
NUM_PERM = 64
MIN_SHARED = 3  # content stems two clauses must share to count as the same wording
_WORD = re.compile(r"[^\W\d_]{3,}|\d[\d.,]*")


@dataclass(slots=True)
class ClaimMatch:
    claims: list[Claim]
    members: dict[str, list[Claim]] = field(default_factory=dict)  # corpus claim id -> article claims


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Function words of every language (shared with the provenance index's shingles)."""
    raw = yaml.safe_load(resources.files("fuentes.corpus").joinpath("data/stopwords.yaml").read_text("utf-8"))
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
    return a == b or frozenset((a, b)) in _classes()[1]


def _differ(x: str | None, y: str | None) -> bool:
    return bool(x) and bool(y) and x != y


def same_slot(a: Claim, b: Claim) -> bool:
    """Two claims speak of one slot: compatible predicates, both aims or neither, and no named
    patient or agent that differs (so their figures or dates can be compared)."""
    return compatible_predicates(a.predicate, b.predicate) and (a.modality == "aim") == (b.modality == "aim") \
        and not _differ(a.object, b.object) and not _differ(a.subject, b.subject)


def figures(claim: Claim) -> list[Value]:
    return [v for v in claim.values if is_figure(v)]


def resolve_claim(claim: Claim, entity_of: Mapping[tuple[str, str], str]) -> Claim:
    """A copy of an article claim with entity keys replaced by corpus entity ids."""
    art = claim.article or ""

    def rid(key: str | None) -> str | None:
        return entity_of.get((art, key), f"{art}#{key}") if key else None

    return Claim(id=claim.id, text=claim.text, article=claim.article, start=claim.start, end=claim.end,
                 subject=rid(claim.subject), predicate=claim.predicate, object=rid(claim.object),
                 values=list(claim.values), speaker=rid(claim.speaker), evidence=list(claim.evidence),
                 time=claim.time, place=rid(claim.place), modality=claim.modality)


def same_claim(a: Claim, b: Claim, sa: list[str], sb: list[str]) -> bool:
    """Two non-quote claims of different articles state the same thing, on their slots."""
    if a.article == b.article or a.predicate == SAY or b.predicate == SAY:
        return False
    if not compatible_predicates(a.predicate, b.predicate) or (a.modality == "aim") != (b.modality == "aim"):
        return False
    if _differ(a.object, b.object):
        return False
    fa, fb = figures(a), figures(b)
    shared_dims = {dimension(x) for x in fa} & {dimension(y) for y in fb}
    if (fa or fb) and not shared_dims:
        return False  # one states a figure the other is silent on: not the same statement
    words = wording(sa, sb)
    if a.time and b.time and not _date_agrees(a.time, b.time) and words < SAME_TEXT:
        return False  # dated differently: two events
    if a.object and a.object == b.object:
        return True  # one event of one target; differing agents are a discrepancy, not two claims
    same_subject = bool(a.subject) and a.subject == b.subject
    if shared_dims:
        if any(same_value(x, y) for x in fa for y in fb if comparable(x, y)):
            return not _differ(a.subject, b.subject) or words >= VALUE_WORDING
        if _differ(a.subject, b.subject) or _differ(a.place, b.place):
            return words >= SAME_TEXT
        # a typed predicate alone makes one slot only for a count of a named kind of thing (burned
        # vehicles, detained bodyguards); money, percents and durations are everywhere
        counted = any(kind == "count" and unit for kind, unit in shared_dims)
        return same_subject or words >= WORDING or (typed(a.predicate) and counted)
    return words >= WORDING or (same_subject and typed(a.predicate) and words >= VALUE_WORDING)


def block_keys(claim: Claim) -> list[tuple]:
    """Exact blocking keys of a non-quote claim: its frame (predicate, object) and each
    checkable figure; two claims sharing one are compared."""
    if claim.predicate == SAY:
        return []
    keys: list[tuple] = [("frame", claim.predicate, claim.object)] if claim.object else []
    for v in claim.values:
        if _checkable(v):
            keys.append(("value", v.kind, v.unit if v.kind != "count" else None,
                         round(v.amount, -1) if v.amount and v.approximate else v.amount, v.low, v.high))
            if typed(claim.predicate) or claim.subject:  # the slot: one figure, whatever its amount
                keys.append(("slot", claim.predicate, claim.subject if not typed(claim.predicate) else None,
                             *dimension(v)))
    return keys


def claim_minhash(claim: Claim, stems: list[str], num_perm: int = NUM_PERM) -> MinHash | None:
    """MinHash of a non-quote claim's stem set, or None when it takes no part in the LSH."""
    words = set(stems)
    if claim.predicate == SAY or len(words) < 3:
        return None
    mh = MinHash(num_perm=num_perm)
    for w in words:
        mh.update(w.encode("utf-8"))
    return mh


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
    return pairs


def claim_quote(c: Claim) -> Quote:
    """A quote claim as the Quote `match_quotes` compares (its speaker: the resolved entity id)."""
    return Quote(id=c.id, article=c.article or "", text=c.text, start=c.start, end=c.end, direct=True,
                 speaker_name=c.speaker)


def _quote_pairs(items: list[Claim]) -> list[tuple[int, int]]:
    """Quote claims that `match_quotes` puts in one statement group (same or reworded)."""
    index = {c.id: i for i, c in enumerate(items) if c.predicate == SAY}
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for i in index.values():
        by_article[items[i].article or ""].append(claim_quote(items[i]))
    pairs = []
    for group in match_quotes(by_article):
        ids = [index[q] for q in group.quotes if q in index]
        pairs.extend((ids[0], j) for j in ids[1:])
    return pairs


def origin_label(article: str, origins: Mapping[str, str | None]) -> str:
    """The outlet an article's reporting comes from; unknown origin: the article itself."""
    return origins.get(article) or f"article:{article}"


def match_claims_detailed(claims_by_article: Mapping[str, list[Claim]], origins: Mapping[str, str | None],
                          entity_of: Mapping[tuple[str, str], str]) -> ClaimMatch:
    items = [resolve_claim(c, entity_of) for art in sorted(claims_by_article) for c in claims_by_article[art]]
    stems = [claim_stems(c.text) for c in items]
    uf = UnionFind(len(items))
    for i, j in sorted(_candidates(items, stems)):
        if same_claim(items[i], items[j], stems[i], stems[j]):
            uf.union(i, j)
    for i, j in _quote_pairs(items):
        uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    result = ClaimMatch(claims=[])
    for idx in sorted(groups.values()):
        members = [items[i] for i in idx]
        claim = combine_claims(members, origins)
        result.claims.append(claim)
        result.members[claim.id] = members
    return result


def match_claims(claims_by_article: Mapping[str, list[Claim]], origins: Mapping[str, str | None],
                 entity_of: Mapping[tuple[str, str], str]) -> list[Claim]:
    """Corpus claims: each with its articles, distinct origins and independent-source count."""
    return match_claims_detailed(claims_by_article, origins, entity_of).claims


def slot_versions(parts: list[Claim]) -> list[tuple[tuple, list[tuple[Value, set[str], list[Claim]]]]]:
    """Per dimension (a figure's kind and unit, or the date) stated by two articles of the group:
    its versions (a value, the articles and article claims stating it), in first-seen order. Only
    claims on one slot (`same_slot`) are set against each other."""
    seen: dict[tuple, list[tuple[Value, Claim]]] = defaultdict(list)
    for m in parts:
        if m.predicate == SAY:
            continue
        for v in m.values:
            if is_figure(v) or v.kind == "date":
                seen[dimension(v)].append((v, m))
    out = []
    for dim, stated in seen.items():
        if len({m.article for _, m in stated}) < 2:
            continue
        versions: list[tuple[Value, set[str], list[Claim]]] = []
        for v, m in stated:
            slot = next((x for x in versions if same_value(x[0], v)), None)
            if slot is None:
                versions.append((v, {m.article or ""}, [m]))
            else:
                slot[1].add(m.article or "")
                if m not in slot[2]:
                    slot[2].append(m)
        out.append((dim, versions))
    return out


def rivals(parts: list[Claim]) -> dict[str, set[str]]:
    """Article claim id -> the ids of the group's claims that give an incompatible value on one of
    its slots: another version of a dimension, from an article that does not state its version,
    by a claim on the same slot that the claim matches directly (a group joined through a third
    claim never sets two unrelated figures against each other)."""
    out: dict[str, set[str]] = defaultdict(set)
    stems: dict[str, list[str]] = {}

    def direct(x: Claim, y: Claim) -> bool:
        sx = stems.setdefault(x.id, claim_stems(x.text))
        sy = stems.setdefault(y.id, claim_stems(y.text))
        return same_slot(x, y) and same_claim(x, y, sx, sy)

    for _, versions in slot_versions(parts):
        for (_, arts_a, ms_a), (_, arts_b, ms_b) in combinations(versions, 2):
            if arts_a & arts_b:
                continue  # an article states both: a list of figures, not a conflict
            for x in ms_a:
                for y in ms_b:
                    if direct(x, y):
                        out[x.id].add(y.id)
                        out[y.id].add(x.id)
    return out


def combine_claims(members: list[Claim], origins: Mapping[str, str | None]) -> Claim:
    """One corpus claim from the article claims of one group, given in matching order (by
    article id, then position in the article): the representative's ties go to the first."""
    articles = sorted({m.article or "" for m in members})
    against = rivals(members)

    def support(m: Claim) -> int:
        return len({origin_label(x.article or "", origins) for x in members if x.id not in against.get(m.id, ())})

    # the representative: best-supported version, a named frame, then the most values, the shortest text
    rep = min(members, key=lambda m: (-support(m), m.object is None, -len(m.values), len(m.text)))
    contra = against.get(rep.id, set())
    backing = sorted({m.article or "" for m in members if m.id not in contra})
    outlets = sorted({origin_label(a, origins) for a in backing})
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
                 time=rep.time or next((m.time for m in members if m.time and m.id not in contra), None),
                 place=rep.place or next((m.place for m in members if m.place), None), modality=rep.modality,
                 contradicted_by=sorted(contra))
