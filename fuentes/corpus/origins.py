"""Who copied whom: derivation edges, each article's kind and its origin outlet.

`ProvenanceIndex` keeps an LSH index, each article's credits and sentences, and the text
relations found so far. `add(articles)` examines only the candidate pairs the new articles
touch, then re-decides the connected groups of related articles they belong to.

Direction between two related articles, strongest evidence first:
1. one credits the other's outlet (including "told <outlet>" carried over from the other);
2. both credit the same third outlet: siblings, both carry that outlet's report (no edge);
3. publication dates; 4. the copy side of a syndicated pair, else the longer text.
`direction_rule` also names the rule that decided ("credit", "siblings", "time", "containment",
"date present", "length", "order"); a derivation keeps it as `decided_by` ("credit" too for
origins and citations outside the corpus), and a derivation between two articles of the
corpus keeps the aligned passages of both as Evidence pairs (extractor "provenance").
An article with no parent in the corpus takes an origin from its own credits: a wire
dateline, a byline or "originally appeared in X" make it a syndicated copy of X; a photo
credit plus attribution to X, or attribution to X in the lead or more than once, make it a
rewrite of X (syndicated when a sibling is a verbatim copy). Own-reporting marks ("told
<its own outlet>") make an article original unless it is a verbatim copy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from fuentes.corpus.credits import SYNDICATION_KINDS, Credit, Gazetteer, credits_of
from fuentes.corpus.derivation import DEFAULT, PairRelation, Sentences, Thresholds, relate, split_sentences
from fuentes.corpus.lsh_index import LSHIndex, window_day
from fuentes.model import Article, Derivation, Evidence

ATTRIBUTION_KINDS = frozenset({"reported", "told", "contributed"})
LEAD_SHARE = 0.25  # an attribution within the first quarter of the text is "in the lead"
EXTRACTOR = "provenance"  # the extractor named by the passages of a derivation
VERSION = "2"  # its version: 2 = passages merged from matched sentences

# what settled a pair's direction (`ProvenanceIndex.direction_rule`), strongest first
RULES = ("credit", "siblings", "time", "containment", "date present", "length", "order")


@dataclass(slots=True)
class Info:
    """What the index keeps of an article besides its sentences."""

    id: str
    outlet: str | None
    published: str | None
    length: int
    credits: list[Credit]

    def others(self) -> list[Credit]:
        return [c for c in self.credits if c.outlet != self.outlet]

    def own_reporting(self) -> bool:
        return any(c.kind == "told" and c.outlet == self.outlet for c in self.credits)


@dataclass(slots=True)
class Decision:
    kind: str
    origin: str | None
    derivations: list[Derivation]


@dataclass(slots=True)
class ProvenanceResult:
    derivations: list[Derivation]
    kinds: dict[str, str]
    origins: dict[str, str | None]
    pairs_examined: int = 0


@dataclass(slots=True)
class Changes:
    """What one `add` changed: articles whose kind/origin/derivations are new or different."""

    changed: list[str] = field(default_factory=list)
    derivations: list[Derivation] = field(default_factory=list)
    pairs_examined: int = 0
    related_pairs: int = 0


def external_source(info: Info, gazetteer: Gazetteer | None = None) -> tuple[str, str, list[str]] | None:
    """(outlet, kind, evidence) when the article's own credits name where it came from."""
    others = info.others()
    if not others:
        return None
    for c in others:
        if c.kind in SYNDICATION_KINDS:
            return c.outlet, "syndicated", [f"{c.kind}: {c.cue}"]
    attributed = Counter(c.outlet for c in others if c.kind in ATTRIBUTION_KINDS)
    gaz = gazetteer or Gazetteer.default()
    for c in others:  # a newspaper's photo travels with its story; agency photos are sold alone
        if c.kind == "photo" and (c.outlet in attributed or not gaz.is_wire(c.outlet)):
            return c.outlet, "syndicated", [f"photo credit: {c.cue}"]
    if info.own_reporting() or not attributed:
        return None
    # "told X" alone marks an interview X did; "X reported" marks X's story being carried
    reported = Counter(c.outlet for c in others if c.kind in ("reported", "contributed"))
    for outlet, n_rep in reported.most_common():
        n_all = attributed[outlet]
        lead = any(c.outlet == outlet and 0 <= c.start <= LEAD_SHARE * info.length for c in others)
        if n_rep >= 3 or (n_all >= 2 and lead):
            cues = [c.cue for c in others if c.outlet == outlet][:3]
            return outlet, "rewrite", [f"attribution to {outlet}: " + "; ".join(cues)]
    return None


class ProvenanceIndex:
    """Incremental provenance over a growing corpus.

    `window_days`: compare only articles published at most that many days apart (see
    `lsh_index.window_day`; articles without a date are compared with every article).
    """

    def __init__(self, thresholds: Thresholds = DEFAULT, lsh: LSHIndex | None = None,
                 gazetteer: Gazetteer | None = None, window_days: int | None = None):
        if lsh is not None and window_days is not None and lsh.window_days != window_days:
            raise ValueError(f"window_days {window_days} differs from the given LSH index's {lsh.window_days}")
        self.th = thresholds
        self.lsh = lsh or LSHIndex(window_days=window_days)
        self.base_gazetteer = gazetteer or Gazetteer.default()
        self.gazetteer = self.base_gazetteer
        self.infos: dict[str, Info] = {}
        self.sentences: dict[str, Sentences] = {}
        self.relations: dict[tuple[str, str], PairRelation] = {}
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        self.decisions: dict[str, Decision] = {}
        self.outlets: set[str] = set()
        self.pairs_examined = 0

    def add(self, articles: Iterable[Article]) -> Changes:
        articles = [a for a in articles if a.id not in self.infos]
        self.__dict__.pop("_parents_cache", None)  # new articles and outlets change directions
        new_outlets = {a.outlet for a in articles if a.outlet} - self.outlets
        if new_outlets:
            self.outlets |= new_outlets
            self.gazetteer = self.base_gazetteer.with_extra(self.outlets)
        for art in articles:
            outlet = self.gazetteer.canonical(art.outlet)
            creds = credits_of(art.text, art.byline, art.language, self.gazetteer)
            self.infos[art.id] = Info(art.id, outlet, art.published, len(art.text), creds)
            self.sentences[art.id] = split_sentences(art.text)
        pairs = self.lsh.add_texts((a.id, a.text, window_day(a.published, a.saved_at)) for a in articles)
        changes = Changes(pairs_examined=len(pairs))
        self.pairs_examined += len(pairs)
        for a, b in sorted(pairs):
            rel = relate(self.sentences[a], self.sentences[b], self.th)
            if rel.kind != "independent":
                self.add_relation(a, b, rel)
                changes.related_pairs += 1
        touched = self._component_of({a.id for a in articles})
        for aid in sorted(touched):
            before = self.decisions.get(aid)
            self.decisions[aid] = decision = self._decide(aid, touched)
            if before is None or (before.kind, before.origin, before.derivations) != (
                    decision.kind, decision.origin, decision.derivations):
                changes.changed.append(aid)
                changes.derivations.extend(decision.derivations)
        self.__dict__.pop("_parents_cache", None)  # not saved with the index
        return changes

    def add_relation(self, a: str, b: str, rel: PairRelation) -> None:
        """Record a verified relation between two indexed articles (a < b)."""
        self.__dict__.pop("_parents_cache", None)
        self.relations[(a, b)] = rel
        self.neighbours[a].add(b)
        self.neighbours[b].add(a)

    def decide(self, aid: str, scope: set[str]) -> Decision:
        """Kind, origin and derivations of one article, given the articles `scope` holds."""
        return self._decide(aid, scope)

    def result(self) -> ProvenanceResult:
        derivs = [d for aid in sorted(self.decisions) for d in self.decisions[aid].derivations]
        return ProvenanceResult(derivs, {k: d.kind for k, d in self.decisions.items()},
                                {k: d.origin for k, d in self.decisions.items()}, self.pairs_examined)

    def _component_of(self, ids: set[str]) -> set[str]:
        seen, stack = set(ids), list(ids)
        while stack:
            for other in self.neighbours.get(stack.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return seen

    def _relation(self, a: str, b: str) -> PairRelation:
        return self.relations[(a, b) if a < b else (b, a)]

    def direction(self, a: str, b: str) -> tuple[str, str] | None:
        """(source, target) of a related pair, or None for siblings of a third outlet."""
        return self.direction_rule(a, b)[0]

    def direction_rule(self, a: str, b: str) -> tuple[tuple[str, str] | None, str]:
        """(source, target) of a related pair, or None for siblings of a third outlet, and the
        rule that decided it (one of `RULES`)."""
        ia, ib = self.infos[a], self.infos[b]
        ca = {c.outlet for c in ia.others()}
        cb = {c.outlet for c in ib.others()}
        rel = self._relation(a, b)
        a_credits_b, b_credits_a = ib.outlet in ca, ia.outlet in cb
        if b_credits_a != a_credits_b and ia.outlet != ib.outlet:
            return ((a, b) if b_credits_a else (b, a)), "credit"
        ea, eb = self._external(a), self._external(b)
        if ea and eb and ea[0] == eb[0] and (ea[1] == "syndicated" or self._relation(a, b).kind == "rewrite"):
            return None, "siblings"  # both carry the same outside report: siblings, not copies of each other
        if ia.published and ib.published and ia.published[:10] != ib.published[:10]:
            return ((a, b) if ia.published < ib.published else (b, a)), "time"
        first, second = (a, b) if a < b else (b, a)
        if rel.kind == "syndicated" and rel.copy_side:
            copy = first if rel.copy_side == "a" else second
            return ((b, a) if copy == a else (a, b)), "containment"
        if rel.kind == "syndicated" and bool(ia.published) != bool(ib.published):
            return ((a, b) if ia.published else (b, a)), "date present"  # the dated one is more likely the original
        if ia.length != ib.length:  # copies add page furniture; re-writers add little
            longer_first = ia.length > ib.length
            if rel.kind == "syndicated":
                longer_first = not longer_first
            return ((a, b) if longer_first else (b, a)), "length"
        return (first, second), "order"

    def passages(self, source: str, target: str) -> list[tuple[Evidence, Evidence]]:
        """The aligned passages of a related pair as (span in source, span in target), in the
        source's order."""
        rel = self._relation(source, target)
        flip = source > target  # the relation's spans are (a, b) with a < b
        out = []
        for a0, a1, b0, b1 in rel.spans:
            s0, s1, t0, t1 = (b0, b1, a0, a1) if flip else (a0, a1, b0, b1)
            out.append((Evidence(source, s0, s1, EXTRACTOR, VERSION), Evidence(target, t0, t1, EXTRACTOR, VERSION)))
        return sorted(out, key=lambda p: (p[0].start, p[1].start))

    def _external(self, aid: str) -> tuple[str, str, list[str]] | None:
        return external_source(self.infos[aid], self.gazetteer)

    def _parents(self, aid: str) -> list[tuple[str, PairRelation]]:
        """The related articles `aid` was copied from. Kept until a relation or article arrives:
        deciding a dense cluster asks for the same parents at every level of every chain
        (10 million direction checks for 100 mutually related articles without it)."""
        cache = self.__dict__.setdefault("_parents_cache", {})
        if aid not in cache:
            cache[aid] = [(other, self._relation(other, aid)) for other in sorted(self.neighbours.get(aid, ()))
                          if self.direction(other, aid) == (other, aid)]
        return cache[aid]

    def _decide(self, aid: str, scope: set[str], depth: int = 0) -> Decision:
        info = self.infos[aid]
        parents = self._parents(aid)
        if parents and depth < 20:
            def rank(item: tuple[str, PairRelation]) -> tuple:
                src, rel = item
                return (not self._parents(src), rel.kind == "syndicated", rel.score, src)
            src, rel = max(parents, key=rank)
            parent = self._decide(src, scope, depth + 1) if depth < 19 else None
            origin = parent.origin if parent else self.infos[src].outlet
            passages, rule = self.passages(src, aid), self.direction_rule(src, aid)[1]
            if info.own_reporting() and rel.kind != "syndicated":
                return Decision("original", info.outlet,
                                [Derivation(src, aid, "cites", rel.evidence, rel.score, passages, rule)])
            return Decision(rel.kind, origin, [Derivation(src, aid, rel.kind, rel.evidence, rel.score, passages, rule)])
        ext = self._external(aid)
        if ext:
            outlet, kind, evidence = ext
            return Decision(kind, outlet, [Derivation(outlet, aid, kind, evidence, 1.0, decided_by="credit")])
        cites = sorted({c.outlet for c in info.others() if c.kind in ATTRIBUTION_KINDS | {"photo"}})
        derivs = [Derivation(o, aid, "cites", [c.cue for c in info.others() if c.outlet == o][:3], 0.5,
                             decided_by="credit") for o in cites]
        return Decision("original" if info.outlet else "unknown", info.outlet, derivs)


def analyse_provenance(articles: Iterable[Article], thresholds: Thresholds = DEFAULT,
                       window_days: int | None = None) -> ProvenanceResult:
    """Derivations, kinds and origins of a batch of articles (a fresh index)."""
    index = ProvenanceIndex(thresholds, window_days=window_days)
    index.add(articles)
    return index.result()
