"""The same claim across articles, and how many independent origins back it.

Per-article claims (stage `claims`) are matched across wording and language:
  - a frame: same predicate class (language-neutral, e.g. "kill") and the same resolved
    object entity ("the killing of X" / "soldiers killed X" / "la muerte de X");
  - a shared figure (money, a count, a range: same normalised value) plus the same predicate
    class, some shared words or a shared entity (this is what matches across languages);
  - near-identical wording (a copy or light rewrite) with the same predicate class or a shared
    entity, found through MinHash LSH (datasketch) over word stems and scored by rapidfuzz.
Quotes are claims of their speaker and are matched by `fuentes.corpus.quote_matching`
(same speaker, same or reworded text).

Candidate pairs come from blocking keys (frame, value) and LSH, so the work grows with the
number of claims, not its square. `independent_sources` is the number of distinct origin
outlets among the claim's articles; an article whose origin is unknown counts as its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping

from datasketch import MinHash, MinHashLSH
import yaml

from fuentes.corpus.quote_matching import match_quotes
from fuentes.extract.values import same_value
from fuentes.codecs import merge_evidence
from fuentes.ids import content_id, normalize_text
from fuentes.model import Claim, Quote, Value
from fuentes.unionfind import UnionFind

SAY = "say"
WORDING = 60.0  # `wording` score at or above which two clauses say the same
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
    return v.kind != "date" and any(ch.isdigit() for ch in v.text)




def resolve_claim(claim: Claim, entity_of: Mapping[tuple[str, str], str]) -> Claim:
    """A copy of an article claim with entity keys replaced by corpus entity ids."""
    art = claim.article or ""

    def rid(key: str | None) -> str | None:
        return entity_of.get((art, key), f"{art}#{key}") if key else None

    return Claim(id=claim.id, text=claim.text, article=claim.article, start=claim.start, end=claim.end,
                 subject=rid(claim.subject), predicate=claim.predicate, object=rid(claim.object),
                 values=list(claim.values), speaker=rid(claim.speaker), evidence=list(claim.evidence))


def same_claim(a: Claim, b: Claim, sa: list[str], sb: list[str]) -> bool:
    """Two non-quote claims of different articles state the same thing."""
    if a.article == b.article or a.predicate == SAY or b.predicate == SAY:
        return False
    same_pred = a.predicate == b.predicate
    if same_pred and a.object and a.object == b.object:
        return True  # one event of one target; differing agents are a discrepancy, not two claims
    ents_a = {e for e in (a.subject, a.object) if e}
    shared_entity = bool(ents_a & {e for e in (b.subject, b.object) if e})
    words = wording(sa, sb)
    shared_value = any(same_value(x, y) for x in a.values if _checkable(x) for y in b.values if _checkable(y))
    if shared_value and (same_pred or words >= VALUE_WORDING or shared_entity):
        return True
    return words >= WORDING and (same_pred or shared_entity)


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


def combine_claims(members: list[Claim], origins: Mapping[str, str | None]) -> Claim:
    """One corpus claim from the article claims of one group, given in matching order (by
    article id, then position in the article): the representative's ties go to the first."""
    articles = sorted({m.article or "" for m in members})
    outlets = sorted({origin_label(a, origins) for a in articles})
    # the representative: a named frame when there is one, then the most values, the shortest text
    rep = min(members, key=lambda m: (m.object is None, -len(m.values), len(m.text)))
    values: list[Value] = []
    for m in members:
        for v in m.values:
            if not any(v == w for w in values):
                values.append(v)
    return Claim(id=content_id("clm", *sorted(m.id for m in members)), text=rep.text, article=None,
                 subject=rep.subject or next((m.subject for m in members if m.subject), None),
                 predicate=rep.predicate, object=rep.object or next((m.object for m in members if m.object), None),
                 values=values, speaker=rep.speaker, articles=articles, origins=outlets,
                 independent_sources=len(outlets), evidence=merge_evidence(*(m.evidence for m in members)))
