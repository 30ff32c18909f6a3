"""Credibility grades for claims (Admiralty scale, information 1-6) and outlet reports.

The rules are written out in docs/grading.md; in short:
  1 confirmed       two or more independent origins, not contradicted, not hedged
  2 probably true   two or more independent origins, but hedged or contested by a version
                    with less independent support; or reworded quotes from 2+ origins
  3 possibly true   one independent origin, not contradicted, not hedged
  4 doubtful        one origin and hedged, or contested by a version with equal support
  5 improbable      contradicted by a version with more independent origins
  6 cannot be judged  no article behind the claim
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Mapping

from fuentes.corpus.claims import match_claims_detailed
from fuentes.corpus.discrepancies import find_discrepancies
from fuentes.extract.claims import is_hedged
from fuentes.model import Claim, Discrepancy

COPY_KINDS = ("syndicated", "rewrite")


def discrepancy_kind(d: Discrepancy) -> str:
    """'value', 'predicate' or 'wording' (from the id, `dis_<kind>_...`)."""
    return d.id.split("_")[1] if d.id.startswith("dis_") and d.id.count("_") >= 2 else "value"


def _contest(claim: Claim, discrepancies: list[Discrepancy]) -> tuple[int, int, bool] | None:
    """(own support, best rival support, wording-only) over the discrepancies touching the claim."""
    own, rival, wording_only, touched = 0, 0, True, False
    for d in discrepancies:
        if not any(v.get("claim") == claim.id for v in d.values):
            continue
        touched = True
        wording_only &= discrepancy_kind(d) == "wording"
        if discrepancy_kind(d) == "predicate":
            mine = [v for v in d.values if v.get("claim") == claim.id]
            others = [v for v in d.values if v.get("claim") != claim.id]
        else:  # versions inside one claim: the claim stands with its best-supported version
            ranked = sorted(d.values, key=lambda v: -v.get("independent_sources", 0))
            mine, others = ranked[:1], ranked[1:]
        own = max([own] + [v.get("independent_sources", 0) for v in mine])
        rival = max([rival] + [v.get("independent_sources", 0) for v in others])
    return (own, rival, wording_only) if touched else None


def grade(claim: Claim, discrepancies: list[Discrepancy]) -> int:
    """The Admiralty information-credibility grade of one corpus claim (docs/grading.md)."""
    n = claim.independent_sources
    if n <= 0 or not claim.articles:
        return 6
    contest = _contest(claim, discrepancies)
    hedged = is_hedged(claim.text)
    if contest is not None and not contest[2]:
        own, rival, _ = contest
        if rival > own:
            return 5
        if rival == own:
            return 4
        return 2 if n >= 2 else 3
    if n >= 2:
        return 2 if hedged or contest is not None else 1
    return 4 if hedged else 3


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
           entity_of: Mapping[tuple[str, str], str], names: Mapping[str, str] | None = None
           ) -> tuple[list[Claim], list[Discrepancy]]:
    """Match, find discrepancies and grade: the corpus claims (grades set) and discrepancies."""
    matched = match_claims_detailed(claims_by_article, origins, entity_of)
    discrepancies = find_discrepancies(matched.claims, matched.members, origins, names)
    touching: dict[str, list[Discrepancy]] = defaultdict(list)  # claim id -> its discrepancies, in order
    for d in discrepancies:
        for cid in dict.fromkeys(v.get("claim") for v in d.values):
            touching[cid].append(d)
    for claim in matched.claims:  # each claim reads only its own: linear, not claims x discrepancies
        claim.grade = grade(claim, touching.get(claim.id, []))
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
