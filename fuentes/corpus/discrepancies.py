"""Where sources do not say the same thing.

Three kinds, each a `Discrepancy` whose `values` list every version with the articles behind
it (plus `claim`, the corpus claim id, and `independent_sources` of that version):
  - value: one matched claim, figures of one slot outside each other's approximation (a count
    of the same thing, an amount of money, a percent, a range) or different dates, stated by
    claims on the same slot (compatible predicate, no differing named subject or object) in
    articles that do not state the other's value; unrelated figures are never compared;
  - predicate: one target, predicate classes that cannot both hold (killed / captured,
    killed / escaped: the language's `contradictory` list in data/claims_<lang>.yaml),
    unless both sides are dated and the dates differ (two events, not a conflict), and never
    from a denied, predicted or hedged statement;
  - wording: one quote of one speaker, reworded between articles (not a mere excerpt).
Discrepancy ids start with `dis_<kind>_` so grading can tell the kinds apart.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from itertools import combinations
from typing import Iterable, Mapping

from fuentes.corpus.claims import SAY, rivals, slot_versions
from fuentes.extract.claims import claim_lexicon
from fuentes.codecs import merge_evidence
from fuentes.ids import content_id, normalize_text
from fuentes.model import Claim, Discrepancy

_WORD = re.compile(r"\w+")
CONTEXT = 2  # words of context kept on each side of a reworded passage


def contradictory_pairs(languages: Iterable[str] = ("en", "es")) -> set[frozenset[str]]:
    return {frozenset(p) for lang in languages for p in claim_lexicon(lang).contradictory}


def find_discrepancies(corpus_claims: list[Claim], members: Mapping[str, list[Claim]] | None = None,
                       origins: Mapping[str, str | None] | None = None,
                       names: Mapping[str, str] | None = None) -> list[Discrepancy]:
    """Value, predicate and wording discrepancies among matched claims.

    `members` maps a corpus claim id to its article claims (from `match_claims_detailed`);
    without it only predicate conflicts can be found. `origins` (article -> origin outlet)
    gives each version its independent-source count; `names` (entity id -> name) makes
    `about` readable.
    """
    members = members or {}
    origins = origins or {}
    names = names or {}
    out: list[Discrepancy] = []
    for claim in corpus_claims:
        out.extend(claim_discrepancies(claim, members.get(claim.id, []), origins, names))
    out.extend(predicate_discrepancies(corpus_claims, origins, names))
    return out


def claim_discrepancies(claim: Claim, parts: list[Claim], origins: Mapping[str, str | None],
                        names: Mapping[str, str]) -> list[Discrepancy]:
    """The discrepancies inside one corpus claim (value or wording), from its article claims."""
    if claim.predicate == SAY:
        return _wording(claim, parts, origins, names)
    return _values(claim, parts, origins)


def _support(articles: Iterable[str], origins: Mapping[str, str | None]) -> int:
    return len({origins.get(a) or f"article:{a}" for a in articles})


def _version(text: str, articles: Iterable[str], claim: str, origins: Mapping[str, str | None],
             stated_in: Iterable[Claim] = ()) -> dict:
    """One side of a discrepancy: the value, its articles and independent count, the corpus
    claim it belongs to, the article claims that state it and their spans (`evidence`)."""
    arts = sorted(set(articles))
    stated = [c for c in stated_in if not c.article or c.article in arts]
    return {"value": text, "articles": arts, "claim": claim, "claims": sorted({c.id for c in stated}),
            "independent_sources": _support(arts, origins),
            "evidence": merge_evidence(*(c.evidence for c in stated))}


def _values(claim: Claim, parts: list[Claim], origins: Mapping[str, str | None]) -> list[Discrepancy]:
    """Incompatible figures or dates of one slot in different articles of one claim: a
    dimension whose versions include two from disjoint articles stated by claims on the same
    slot (`fuentes.corpus.claims.rivals`)."""
    against = rivals(parts)
    if not against:
        return []
    found = []
    for (kind, unit), versions in slot_versions(parts):
        clash = any(not (arts_a & arts_b) and any(y.id in against.get(x.id, ()) for x in ms_a for y in ms_b)
                    for (_, arts_a, ms_a), (_, arts_b, ms_b) in combinations(versions, 2))
        if not clash:
            continue
        about = f"{'date' if kind == 'date' else kind} in: {claim.text[:120]}"
        found.append(Discrepancy(id=content_id("dis_value", claim.id, kind, unit or ""), about=about,
                                 values=[_version(v.text, arts, claim.id, origins, stating)
                                         for v, arts, stating in versions]))
    return found


NOT_AN_OUTCOME = ("denied", "predicted", "hedged")  # "did not kill", "would capture": no outcome stated


def _dates(claims: list[Claim]) -> set[str]:
    return {str(v.low) for c in claims for v in c.values if v.kind == "date" and v.low} | \
        {c.time for c in claims if c.time}


def predicate_discrepancies(claims: list[Claim], origins: Mapping[str, str | None],
                            names: Mapping[str, str]) -> list[Discrepancy]:
    """Contradictory predicate classes about one target (killed vs captured). Each target is
    decided on its own claims (in corpus order), so claims can be given one target at a time."""
    pairs = contradictory_pairs()
    by_target: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.object and c.predicate and c.predicate != SAY and c.modality not in NOT_AN_OUTCOME:
            by_target[c.object][c.predicate].append(c)
    found = []
    for target, classes in sorted(by_target.items()):
        for a, b in combinations(sorted(classes), 2):
            if frozenset((a, b)) not in pairs:
                continue
            da, db = _dates(classes[a]), _dates(classes[b])
            if da and db and not (da & db):
                continue  # captured in one year, killed in another: two events
            name = names.get(target, target)
            values = [_version(_shortest(classes[p]), {x for c in classes[p] for x in c.articles},
                               classes[p][0].id, origins, classes[p]) for p in (a, b)]
            found.append(Discrepancy(id=content_id("dis_predicate", target, a, b),
                                     about=f"what happened to {name}: {a} or {b}", values=values))
    return found


def _shortest(claims: list[Claim]) -> str:
    return min((c.text for c in claims), key=len)


def _wording(claim: Claim, parts: list[Claim], origins: Mapping[str, str | None],
             names: Mapping[str, str]) -> list[Discrepancy]:
    """A quote reworded between articles: the differing passages, with a little context."""
    by_text: dict[str, set[str]] = defaultdict(set)
    stating: dict[str, list[Claim]] = defaultdict(list)
    first: dict[str, str] = {}
    for m in parts:
        key = " ".join(_WORD.findall(normalize_text(m.text)))
        by_text[key].add(m.article or "")
        stating[key].append(m)
        first.setdefault(key, m.text)
    keys = list(by_text)
    found = []
    for ka, kb in combinations(keys, 2):
        diff = reworded(ka.split(), kb.split())
        if diff is None:
            continue
        speaker = names.get(claim.speaker or "", claim.speaker or "an unknown speaker")
        found.append(Discrepancy(id=content_id("dis_wording", claim.id, ka, kb),
                                 about=f"wording of a quote by {speaker}",
                                 values=[_version(diff[0], by_text[ka], claim.id, origins, stating[ka]),
                                         _version(diff[1], by_text[kb], claim.id, origins, stating[kb])]))
    return found


def reworded(a: list[str], b: list[str]) -> tuple[str, str] | None:
    """The passages where two wordings differ, or None when one is only an excerpt of the
    other (differences at the ends only) or they are the same."""
    ops = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
    inner = [op for op in ops if not ((op[1] == 0 and op[3] == 0) or (op[2] == len(a) and op[4] == len(b)))
             or op[0] == "replace"]
    if not inner:
        return None
    lo_a, hi_a = max(0, inner[0][1] - CONTEXT), min(len(a), inner[-1][2] + CONTEXT)
    lo_b, hi_b = max(0, inner[0][3] - CONTEXT), min(len(b), inner[-1][4] + CONTEXT)
    return " ".join(a[lo_a:hi_a]), " ".join(b[lo_b:hi_b])
