"""Credibility grades for claims (Admiralty scale, information 1-6) and outlet reports.

The rules are written out in docs/grading.md; in short (n: independent origins backing the
claim's own version; contradicted: some source gives an incompatible value on one of its slots):
  1 confirmed       n >= 2, not contradicted, not hedged, alleged or predicted, quote not reworded
  2 probably true   n >= 2, not contradicted, but hedged / alleged / predicted / an aim or reworded
  3 possibly true   n = 1, not contradicted, not hedged; or contradicted with n >= 2 and more
                    support than every rival version
  4 doubtful        n = 1 and hedged; or contradicted by a version with equal support (or n = 1)
  5 improbable      contradicted by a version with more independent origins
  6 cannot be judged  no article behind the claim
A contradicted claim is never 1 or 2, nor is a claim that is no one whole factual statement
(`fuentes.extract.claims.atomic_reason`: a fragment, a clause cut mid-sentence, no subject or
object, a judgement or the speaker's stance...: NOT_A_STATEMENT): with n >= 2 it is 3.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from fuentes.corpus.claims import ClaimIndex, match_claims_detailed
from fuentes.corpus.discrepancies import discrepancy_claims, find_discrepancies
from fuentes.extract.claims import atomic_reason, is_hedged
from fuentes.model import Claim, Discrepancy

COPY_KINDS = ("syndicated", "rewrite", "translation")
WEAK = ("hedged", "alleged", "predicted", "aim")  # modalities that keep a claim from "confirmed"
# `atomic_reason`s of a claim that is no one whole factual statement: however many sources, never 1 or 2
# (a hedge, a forecast or an aim, "not asserted", is WEAK: 2 at best; a claim with no parsed clause is read
# for hedge words)
NOT_A_STATEMENT = frozenset({"fragment", "cut mid-sentence", "no subject or object", "more than one sentence",
                             "too long", "question", "addresses the reader", "speaker's stance", "judgement"})


def discrepancy_kind(d: Discrepancy) -> str:
    """'value', 'predicate' or 'wording' (from the id, `dis_<kind>_...`)."""
    return d.id.split("_")[1] if d.id.startswith("dis_") and d.id.count("_") >= 2 else "value"


def contradictions(claim: Claim, discrepancies: list[Discrepancy],
                   members: Iterable[str] = ()) -> tuple[set[str], int, bool]:
    """(contradicting article claim ids, best support of a rival version, a wording discrepancy
    touches the claim), over the discrepancies that name it. A rival version is one of another
    corpus claim: for a value discrepancy, one whose article claims are in `claim.contradicted_by`
    (the matcher's conflicts; the other versions, when it lists none of them); for a predicate
    discrepancy, the other outcome's claims."""
    contra, rival, reworded = set(claim.contradicted_by), 0, False
    mine = set(members)

    def own(v: dict) -> bool:  # the claim's version (one version can hold several claims' members)
        return v.get("claim") == claim.id or bool(mine & set(v.get("claims") or []))

    for d in discrepancies:
        if not any(own(v) for v in d.values):
            continue
        kind = discrepancy_kind(d)
        if kind == "wording":
            reworded = True
            continue
        others = [v for v in d.values if not own(v)]
        if kind == "value":
            others = [v for v in others if contra & set(v.get("claims") or [])] or others
        for v in others:
            contra.update(v.get("claims") or [v.get("claim")])
        rival = max([rival] + [v.get("independent_sources", 0) for v in others])
    return contra, rival, reworded


def grade(claim: Claim, discrepancies: list[Discrepancy], members: Iterable[str] = ()) -> int:
    """The Admiralty information-credibility grade of one corpus claim (docs/grading.md), given the
    discrepancies that name it and the ids of its article claims; records the contradicting
    claims in `claim.contradicted_by`. A contradicted claim is never 1 or 2, nor is a claim that is
    not atomic (`atomic_reason`): sources agreeing on a fragment confirm no statement."""
    contra, rival, reworded = contradictions(claim, discrepancies, members)
    claim.contradicted_by = sorted(c for c in contra if c)
    n = claim.independent_sources
    if n <= 0 or not claim.articles:
        return 6
    # a quote (or a claim without a parsed clause) is read for hedge words; a clause has its modality
    weak = claim.modality in WEAK or (claim.predicate in (None, "say") and is_hedged(claim.text))
    if claim.contradicted_by:
        if rival > n:
            return 5
        if rival == n or n < 2:
            return 4
        return 3  # better supported than every rival, still contested
    if n >= 2:
        if atomic_reason(claim) in NOT_A_STATEMENT:
            return 3  # no one whole factual statement (a fragment, a judgement...): nothing to confirm
        return 2 if weak or reworded else 1
    return 4 if weak else 3


@dataclass(slots=True)
class OutletRow:
    outlet: str
    articles: int
    original: int
    copies: int
    original_share: float
    claims: int
    corroborated: int
    contradicted: int
    corroborated_share: float
    contradicted_share: float


def outlet_report(articles_kinds: Mapping[str, tuple[str | None, str]], origins: Mapping[str, str | None],
                  claims: list[Claim], discrepancies: list[Discrepancy]) -> list[OutletRow]:
    """Per outlet: its articles that are original reporting vs copies (syndicated or rewrite),
    and how often its claims are corroborated (backed by an origin other than its own article's)
    or contradicted (in a discrepancy, on a side that none of its articles takes).

    `articles_kinds` maps an article id to (outlet, kind); `origins` an article to its origin.
    """
    arts_of: dict[str, list[str]] = defaultdict(list)
    for art, (outlet, _) in articles_kinds.items():
        arts_of[outlet or "(unknown outlet)"].append(art)
    rows = []
    for outlet, arts in sorted(arts_of.items()):
        mine = set(arts)
        kinds = [articles_kinds[a][1] for a in arts]
        own = [c for c in claims if mine & set(c.articles)]
        corroborated = sum(1 for c in own if set(c.origins) - {origins.get(a) or f"article:{a}" for a in mine})
        contradicted = sum(1 for c in own if _contradicted(c, mine, discrepancies))
        rows.append(OutletRow(outlet, len(arts), kinds.count("original"), sum(k in COPY_KINDS for k in kinds),
                              round(kinds.count("original") / len(arts), 3), len(own), corroborated, contradicted,
                              round(corroborated / len(own), 3) if own else 0.0,
                              round(contradicted / len(own), 3) if own else 0.0))
    return rows


def _contradicted(claim: Claim, mine: set[str], discrepancies: list[Discrepancy]) -> bool:
    for d in discrepancies:
        if not any(v.get("claim") == claim.id for v in d.values):
            continue
        if any(not (mine & set(v["articles"])) for v in d.values):
            return True
    return False


def assess(claims_by_article: Mapping[str, list[Claim]], origins: Mapping[str, str | None],
           entity_of: Mapping[tuple[str, str], str], names: Mapping[str, str] | None = None,
           index: ClaimIndex | None = None,
           published: Mapping[str, str | None] | None = None,
           copies: Mapping[str, Iterable[str]] | None = None) -> tuple[list[Claim], list[Discrepancy]]:
    """Match, find discrepancies and grade: the corpus claims (grades set) and discrepancies.
    `index`: the matching work of earlier runs (`ClaimIndex`, updated in place); `published`
    (article id -> publication time, ISO) and `copies` (article -> the articles it copies or cites),
    for forecasts against deeds."""
    matched = match_claims_detailed(claims_by_article, origins, entity_of, names, index)
    discrepancies = find_discrepancies(matched.claims, matched.members, origins, names, matched.conflicts,
                                       published, copies)
    owner = {m.id: cid for cid, ms in matched.members.items() for m in ms}
    touching: dict[str, list[Discrepancy]] = defaultdict(list)  # claim id -> its discrepancies, in order
    for d in discrepancies:
        for cid in discrepancy_claims(d, owner):
            touching[cid].append(d)
    for claim in matched.claims:  # each claim reads only its own: linear, not claims x discrepancies
        claim.grade = grade(claim, touching.get(claim.id, []), [m.id for m in matched.members[claim.id]])
    return matched.claims, discrepancies


def claim_rows(claims: list[Claim], discrepancies: list[Discrepancy], min_articles: int = 1) -> list[dict[str, Any]]:
    """Rows for `fuentes claims`: text, independent count, origins, grade, discrepancies."""
    about: dict[str, list[str]] = defaultdict(list)
    for d in discrepancies:
        for cid in {v.get("claim") for v in d.values}:
            about[cid].append(d.about)
    rows = [{"id": c.id, "text": c.text, "articles": len(c.articles), "independent_sources": c.independent_sources,
             "origins": ", ".join(c.origins), "grade": c.grade, "discrepancies": "; ".join(about.get(c.id, []))}
            for c in claims if len(c.articles) >= min_articles]
    return sorted(rows, key=lambda r: (-r["independent_sources"], -r["articles"], r["grade"], r["text"]))
