"""Where sources do not say the same thing.

Three kinds, each a `Discrepancy` whose `values` list every version with the articles behind
it (plus `claim`, the corpus claim of that version, `claims`, the article claims stating it,
and `independent_sources` of that version):
  - value: corpus claims of one slot that give figures outside each other's approximation (a
    count of the same thing, an amount of money, a percent, a range) or different dates: the
    matcher's `conflicts` (`fuentes.corpus.claims`), which only set claims on the same slot
    against each other (compatible predicate, no differing named subject or object) in articles
    that do not state the other's value; unrelated figures are never compared. The corpus claims
    joined by conflicts of one dimension make one discrepancy, a version each;
  - predicate: one target, predicate classes that cannot both hold (killed / captured,
    killed / escaped, won / lost: the language's `contradictory` list in
    data/claims_<lang>.yaml); a pair that is not a fate of the target (won / lost, endorsed /
    opposed, not in `target_outcomes`) only when one named subject is said to do both; unless
    both sides are dated and the dates differ (two events, not a conflict), and never from a
    denied, predicted or hedged statement; also one near-identical clause with contradictory
    predicates of one stance ("was not approved" / "was not rejected": an outcome conflict of the
    matcher, kept when the by-target comparison would not report it, `by_target`);
  - wording: one quote of one speaker, reworded between articles (not a mere excerpt).
Discrepancy ids start with `dis_<kind>_` so grading can tell the kinds apart.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from itertools import combinations
from typing import Iterable, Mapping

from fuentes.codecs import merge_evidence
from fuentes.corpus.claims import (NOT_AN_OUTCOME, SAY, STATE, STORY_NAMES, Conflict, _differ, described,
                                   description_label, known, named_target, party, typed)
from fuentes.extract.claims import claim_lexicon
from fuentes.extract.values import _date_agrees, dimension, same_value
from fuentes.ids import content_id, normalize_text
from fuentes.model import Claim, Discrepancy
from fuentes.unionfind import UnionFind

_WORD = re.compile(r"\w+")
# English contractions a transcript writes out or not ("we've" / "we have"): one wording either way
# ("'s" is left alone: "is", "has" or a possessive)
_CONTRACTIONS = [(re.compile(r"\b(can)['\u2019]t\b", re.I), r"\1 not"), (re.compile(r"\bwon['\u2019]t\b", re.I), "will not"),
                 (re.compile(r"n['\u2019]t\b", re.I), " not"), (re.compile(r"['\u2019]ve\b", re.I), " have"),
                 (re.compile(r"['\u2019]re\b", re.I), " are"), (re.compile(r"['\u2019]ll\b", re.I), " will"),
                 (re.compile(r"\b(i)['\u2019]m\b", re.I), r"\1 am"), (re.compile(r"\b(can)not\b", re.I), r"\1 not")]


def _spelled_out(text: str) -> str:
    """`text` with English contractions written out; other text unchanged."""
    if "'" not in text and "\u2019" not in text and "annot" not in text:
        return text
    for pattern, full in _CONTRACTIONS:
        text = pattern.sub(full, text)
    return text
CONTEXT = 2  # words of context kept on each side of a reworded passage


def contradictory_pairs(languages: Iterable[str] = ("en", "es")) -> set[frozenset[str]]:
    return {frozenset(p) for lang in languages for p in claim_lexicon(lang).contradictory}


def target_outcomes(languages: Iterable[str] = ("en", "es")) -> frozenset[str]:
    """Predicate classes that say what became of the target, whoever the agent (killed, captured)."""
    return frozenset(c for lang in languages for c in claim_lexicon(lang).target_outcomes)


def find_discrepancies(corpus_claims: list[Claim], members: Mapping[str, list[Claim]] | None = None,
                       origins: Mapping[str, str | None] | None = None,
                       names: Mapping[str, str] | None = None,
                       conflicts: Iterable[Conflict] = (),
                       published: Mapping[str, str | None] | None = None,
                       copies: Mapping[str, Iterable[str]] | None = None) -> list[Discrepancy]:
    """Value, predicate and wording discrepancies among matched claims.

    `members` maps a corpus claim id to its article claims and `conflicts` are the matcher's
    (both from `match_claims_detailed`); without them only predicate conflicts between targets
    can be found. `origins` (article -> origin outlet) gives each version its independent-source
    count; `names` (entity id -> name) makes `about` readable; `published` (article -> its
    publication time, ISO) and `copies` (article -> the articles it copies or cites) let a forecast
    be set against a deed (`status_discrepancies`).
    """
    members = members or {}
    origins = origins or {}
    names = names or {}
    out: list[Discrepancy] = []
    for claim in corpus_claims:
        if claim.predicate == SAY:
            out.extend(_wording(claim, members.get(claim.id, []), origins, names))
    out.extend(conflict_discrepancies(corpus_claims, members, list(conflicts), origins))
    out.extend(predicate_discrepancies(corpus_claims, origins, names))
    out.extend(status_discrepancies(corpus_claims, origins, names, published or {}, copies or {}, members))
    return out


def claim_discrepancies(claim: Claim, parts: list[Claim], origins: Mapping[str, str | None],
                        names: Mapping[str, str]) -> list[Discrepancy]:
    """The discrepancies inside one corpus claim: a quote's rewordings (values never differ
    inside one corpus claim: their conflicts are between claims, `conflict_discrepancies`)."""
    return _wording(claim, parts, origins, names) if claim.predicate == SAY else []


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


def _stated(parts: list[Claim], kind: str, dim: tuple) -> tuple[str, object]:
    """How a version is written and what it states: its value of the dimension (a Value, or an
    ISO date), or its predicate for an outcome."""
    for m in parts:
        if kind == "outcome":
            if m.predicate in dim:
                return m.predicate or "", m.predicate
            continue
        for v in m.values:
            if kind == "date" and v.kind == "date" and v.low:
                return v.text, str(v.low)
            if kind == "value" and dimension(v) == dim:
                return v.text, v
        if kind == "date" and m.time:
            return m.time, m.time
    return (parts[0].text if parts else ""), None


def _same(kind: str, x: object, y: object) -> bool:
    if x is None or y is None:
        return False
    if kind == "value":
        return same_value(x, y)  # type: ignore[arg-type]
    if kind == "date":
        return _date_agrees(str(x), str(y))
    return x == y


def conflict_discrepancies(corpus_claims: list[Claim], members: Mapping[str, list[Claim]],
                           conflicts: list[Conflict], origins: Mapping[str, str | None]) -> list[Discrepancy]:
    """One discrepancy per set of corpus claims joined by conflicts of one kind and dimension,
    a version per corpus claim (in corpus order)."""
    index = {c.id: i for i, c in enumerate(corpus_claims)}
    owner = {m.id: c.id for c in corpus_claims for m in members.get(c.id, [])}
    by_dim: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for k in conflicts:
        ca, cb = owner.get(k.a), owner.get(k.b)
        if ca is None or cb is None or ca == cb:
            continue
        by_dim[(k.kind, k.dim)].append((ca, cb))
    found = []
    for (kind, dim), pairs in by_dim.items():
        ids = sorted({c for p in pairs for c in p}, key=index.__getitem__)
        uf = UnionFind(len(ids))
        pos = {c: i for i, c in enumerate(ids)}
        for ca, cb in pairs:
            uf.union(pos[ca], pos[cb])
        groups: dict[int, list[str]] = defaultdict(list)
        for c in ids:
            groups[uf.find(pos[c])].append(c)
        for group in groups.values():
            claims = [corpus_claims[index[c]] for c in group]
            best = max(claims, key=lambda c: (c.independent_sources, -index[c.id]))
            label = "date" if kind == "date" else ("what happened" if kind == "outcome" else str(dim[0]))
            about = f"{label} in: {best.text[:120]}"
            did = content_id("dis_predicate" if kind == "outcome" else "dis_value", *group, kind, repr(dim))
            # claims stating the same value (a rewrite worded apart from its original) are one version
            versions: list[tuple[str, object, str, list[str], list[Claim]]] = []
            for c in claims:
                text, value = _stated(members.get(c.id, []), kind, dim)
                same = next((v for v in versions if _same(kind, v[1], value)), None)
                if same is None:
                    versions.append((text, value, c.id, list(c.articles), list(members.get(c.id, []))))
                else:
                    same[3].extend(c.articles)
                    same[4].extend(members.get(c.id, []))
            if len(versions) < 2:
                continue
            found.append(Discrepancy(id=did, about=about, values=[
                _version(text, arts, cid, origins, stating) for text, _, cid, arts, stating in versions]))
    return found


def discrepancy_claims(d: Discrepancy, owner: Mapping[str, str]) -> list[str]:
    """The corpus claims a discrepancy names: each version's `claim`, and the corpus claims
    (`owner`: article claim id -> corpus claim id) of the article claims stating it."""
    found = dict.fromkeys(v.get("claim") for v in d.values)
    for v in d.values:
        found.update(dict.fromkeys(owner[c] for c in v.get("claims") or [] if c in owner))
    return [c for c in found if c]




def _dates(claims: list[Claim]) -> set[str]:
    return {str(v.low) for c in claims for v in c.values if v.kind == "date" and v.low} | \
        {c.time for c in claims if c.time}


def predicate_discrepancies(claims: list[Claim], origins: Mapping[str, str | None],
                            names: Mapping[str, str]) -> list[Discrepancy]:
    """Contradictory predicate classes about one target (killed vs captured). Each target is
    decided on its own claims (in corpus order), so claims can be given one target at a time."""
    pairs = contradictory_pairs()
    outcomes = target_outcomes()
    by_target: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if named_target(c.object) and c.predicate and c.predicate != SAY \
                and c.modality not in NOT_AN_OUTCOME:
            by_target[c.object][c.predicate].append(c)
    found = []
    for target, classes in sorted(by_target.items()):
        for a, b in combinations(sorted(classes), 2):
            if frozenset((a, b)) not in pairs:
                continue
            sides = {a: classes[a], b: classes[b]}
            if not {a, b} <= outcomes:  # won / lost, endorsed / opposed: one subject must do both
                common = {c.subject for c in classes[a] if known(c.subject)} & \
                    {c.subject for c in classes[b] if known(c.subject)}
                if not common:
                    continue  # a PAC backing X and a group opposing X: two agents, no contradiction
                sides = {p: [c for c in classes[p] if c.subject in common] for p in (a, b)}
            da, db = _dates(sides[a]), _dates(sides[b])
            if da and db and not (da & db):
                continue  # captured in one year, killed in another: two events
            name = names.get(target, target)
            values = [_version(_shortest(sides[p]), {x for c in sides[p] for x in c.articles},
                               sides[p][0].id, origins, sides[p]) for p in (a, b)]
            found.append(Discrepancy(id=content_id("dis_predicate", target, a, b),
                                     about=f"what happened to {name}: {a} or {b}", values=values))
    return found + start_discrepancies(claims, origins, names)


_BARE_MONTH = re.compile(r"^--\d\d")


def _year_long(claim: Claim) -> bool:
    """The clause states a period of at least a year that ends at the time of writing ("over
    the past year", "durante los últimos dos años")."""
    return any(v.kind == "duration" and v.high == "now" and v.amount is not None
               and ((v.unit == "year" and v.amount >= 1) or (v.unit == "month" and v.amount >= 12))
               for v in claim.values)


def start_discrepancies(claims: list[Claim], origins: Mapping[str, str | None],
                        names: Mapping[str, str]) -> list[Discrepancy]:
    """When a body began: one source says it was set up (a predicate of the language's
    `start_classes`) in a month given without a year ("in January": the last January, within the
    year before the report), another that it has acted over a period of a year or more up to the
    time of writing ("over the past year, both governments have coordinated through the task
    force"). Both are about one object (a named or described body, resolved across the story),
    stated as facts, in different articles. Claims are grouped by object, so they can be given
    one object at a time (as on Spark)."""
    starts = frozenset(c for lang in ("en", "es") for c in claim_lexicon(lang).start_classes)
    by_target: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if known(c.object) and c.predicate and c.predicate != SAY and c.modality == "reported":
            by_target[c.object].append(c)
    found = []
    for target, group in sorted(by_target.items()):
        begun = [c for c in group if c.predicate in starts and c.time and _BARE_MONTH.match(c.time)]
        told = {a for c in begun for a in c.articles}
        lasting = [c for c in group if c.predicate not in starts and _year_long(c) and set(c.articles) - told]
        if not begun or not lasting:
            continue
        name = description_label(target, dict(names)) if described(target) else names.get(target, target)
        values = [_version(_shortest(side), {a for c in side for a in c.articles}, side[0].id, origins, side)
                  for side in (begun, lasting)]
        found.append(Discrepancy(id=content_id("dis_value", target, "start"), about=f"when {name} began",
                                 values=values))
    return found


def _day(published: Mapping[str, str | None], article: str) -> str | None:
    """The article's publication day (ISO), or None when it is not known to the day."""
    time = published.get(article) or ""
    return time[:10] if re.match(r"\d{4}-\d\d-\d\d", time) else None


def claim_names(claim: Claim) -> set[str]:
    """The corpus entities a claim names (subject, object, place, speaker)."""
    return {k for k in (claim.subject, claim.object, claim.place, claim.speaker) if named_target(k) and "#" not in k}


def named_in(claims: Iterable[Claim]) -> dict[str, set[str]]:
    """Article -> the corpus entities its claims name (what tells two articles of one story)."""
    named: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        keys = claim_names(c)
        for a in c.articles or [c.article or ""]:
            named[a] |= keys
    return named


def status_key(claim: Claim, names: Mapping[str, str]) -> tuple[str, str] | None:
    """(party, predicate class) of a claim that states a typed deed as done or as announced (the
    group `status_discrepancies` compares), or None."""
    if not typed(claim.predicate) or claim.predicate == SAY or claim.modality not in ("predicted", "reported"):
        return None
    who = party(claim.subject, names)
    return (who, claim.predicate or "") if who else None


def copied_sources(derivations: Iterable[tuple[str, str, str]], published: Mapping[str, object]) -> dict[str, list[str]]:
    """Article -> the articles it copies or cites (`copies` of `status_discrepancies`), from
    (source, target, decided_by) derivations: those an analyst did not mark undecided, whose
    source is among the articles of `published`."""
    copies: dict[str, list[str]] = {}
    for source, target, decided_by in derivations:
        if source in published and decided_by != "undecided":
            copies.setdefault(target, []).append(source)
    return copies


def status_discrepancies(claims: list[Claim], origins: Mapping[str, str | None], names: Mapping[str, str],
                         published: Mapping[str, str | None],
                         copies: Mapping[str, Iterable[str]] | None = None,
                         members: Mapping[str, list[Claim]] | None = None,
                         named: Mapping[str, set[str]] | None = None) -> list[Discrepancy]:
    """One act told as still to come by one source and as done by another: the same party (`party`:
    "Washington" and "la embajada estadounidense" are the United States), the same typed predicate,
    targets that do not differ, one claim `predicted` ("would formally request his extradition"),
    the other stated as a fact ("entregó el lunes la solicitud formal de extradición"), in articles
    of different origins and of one story (STORY_NAMES named entities in common) with the forecast
    published on the day of the deed's article or later, and no dates of the two clauses that
    differ; one discrepancy per set of such pairs joined by a claim (a story). A forecast published
    before the deed's report is no discrepancy (announced, then done);
    an undated article decides nothing, but an undated copy of a dated article (`copies`: article ->
    the articles it copies or cites) came out no earlier than it, which dates a forecast it holds.
    Claims are grouped by `status_key`; `members` (corpus claim id -> its article claims) names the
    article claims of each version; `named` (article -> the entities its claims name, `named_in`)
    when `claims` are not all the corpus's claims (a Spark group)."""
    if not published:
        return []
    named = named if named is not None else named_in(claims)
    groups: dict[tuple[str, str], tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for c in claims:
        key = status_key(c, names)
        if key is not None:
            groups[key][c.modality == "reported"].append(c)

    def not_before(article: str) -> str | None:  # its day, or the latest day of what it copies
        return _day(published, article) or max(filter(None, (_day(published, a) for a in (copies or {}).get(article, ()))),
                                                default=None)

    def against(told: str, done: str) -> bool:  # an article with the forecast, one with the deed
        dt, dd = not_before(told), _day(published, done)
        return bool(dt and dd) and dt >= dd and (origins.get(told) or told) != (origins.get(done) or done) \
            and len(named[told] & named[done]) >= STORY_NAMES

    found = []
    for (who, predicate), (told, done) in sorted(groups.items()):
        pairs = [(i, j) for i, f in enumerate(told) for j, d in enumerate(done)
                 if not _differ(f.object, d.object) and not (f.time and d.time and not _date_agrees(f.time, d.time))
                 and any(against(a, b) for a in f.articles for b in d.articles)]
        uf = UnionFind(len(told) + len(done))  # one discrepancy per story: the pairs joined by a claim
        for i, j in pairs:
            uf.union(i, len(told) + j)
        parts: dict[int, tuple[list[Claim], list[Claim]]] = {}
        for i, j in pairs:
            sides = parts.setdefault(uf.find(i), ([], []))
            sides[0].extend(x for x in (told[i],) if x not in sides[0])
            sides[1].extend(x for x in (done[j],) if x not in sides[1])
        name = who.removeprefix(STATE).title() if who.startswith(STATE) else \
            description_label(who, dict(names)) if described(who) else names.get(who, who)
        for sides in parts.values():
            values = [_version(_shortest(side), {a for c in side for a in c.articles}, side[0].id, origins,
                               [m for c in side for m in (members or {}).get(c.id, [c])]) for side in sides]
            found.append(Discrepancy(id=content_id("dis_status", who, predicate, *sorted(c.id for c in sides[0])),
                                     about=f"{predicate} by {name}: done or still to come", values=values))
    return found


def _shortest(claims: list[Claim]) -> str:
    return min((c.text for c in claims), key=len)


def _wording(claim: Claim, parts: list[Claim], origins: Mapping[str, str | None],
             names: Mapping[str, str]) -> list[Discrepancy]:
    """A quote reworded between articles: the differing passages, with a little context. Two wordings
    that the same articles both quote ("Tolerance is on the ballot. Justice is on the ballot.") are two
    sentences of the speaker, not one reworded."""
    by_text: dict[str, set[str]] = defaultdict(set)
    stating: dict[str, list[Claim]] = defaultdict(list)
    first: dict[str, str] = {}
    for m in parts:
        key = " ".join(_WORD.findall(normalize_text(_spelled_out(m.text))))
        by_text[key].add(m.article or "")
        stating[key].append(m)
        first.setdefault(key, m.text)
    keys = list(by_text)
    found = []
    for ka, kb in combinations(keys, 2):
        if by_text[ka] == by_text[kb]:
            continue  # every article quoting one wording quotes the other too: two sentences, no rewording
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
