"""Who copied whom: derivation edges, each article's kind and its origin outlet.

`ProvenanceIndex` keeps an LSH index, each article's credits and sentences, and the text
relations found so far. `add(articles)` examines only the candidate pairs the new articles
touch, then re-decides the connected groups of related articles they belong to.

Direction between two related articles, strongest evidence first (`direction_rule` names the
rule that decided: "credit", "siblings", "time", "containment" or "undecided"):
1. credit: one credits the other's outlet (including "told <outlet>" carried over from the other);
2. siblings: both credit the same third outlet and carry its report (no edge between them);
3. time: their publication times, compared at the precision both have (`publication_order`):
   hours apart on one day order a pair when both times carry the hour, the same day at day
   precision does not;
4. containment: the copy carries additions the original lacks: an update mark ("UPDATE:",
   "This story has been updated"; the updated version is the later), page additions around
   the same sentences (a syndicated copy at least `ADDITIONS_MIN` characters longer with no
   content of its own), or the other side's full sentences it lacks (a partial copy or partial
   translation has only part of its source);
5. undecided: nothing above decides. The pair is still related: it is recorded as a derivation
   with `decided_by` "undecided" (source and target in id order, which says nothing), neither
   is the other's parent, and the articles of such a group that have no decided parent share
   one origin (a credited outside origin when one has it, else the outlet of the earliest
   article as written, else the first outlet name), so the
   independent-source count is the same whichever of them came first.
A derivation keeps the rule as `decided_by` ("credit" too for origins and citations outside
the corpus), and a derivation between two articles of the corpus keeps the aligned passages
of both as Evidence pairs (extractor "provenance").
Candidates are the MinHash LSH pairs (`lsh_index`), bounded per article (`nearest_candidates`,
called by `ProvenanceIndex._bounded` and per article by the Spark job): a pair is aligned when one
article is among the other's `LSH_CANDIDATES` most similar (signature agreement, ties by id) or
among its `EARLIER_CANDIDATES` most similar of those that may precede it (published earlier, else
longer), over all its candidates, so the pairs of one add do not depend on the input order. A
story told by hundreds of outlets in a day makes every pair a candidate; each telling's nearest
are enough to place it, and the pairs aligned grow with the articles, not with their square
(bench/provenance_dense.py). Plus pairs where one article credits the
other's outlet (a short rewrite shares few shingles; `derivation.relate` then asks less of a
credited pair), plus translations across languages (`translation.TranslationIndex`).
Each article's decision is made once per `add` (kept until a relation or article arrives): a
derived article follows its best parent up to the article that has none, iteratively, and takes
that chain's origin however long it is (a loop of parents, possible when credits and times
disagree, takes the outlet of its earliest member); the articles joined by undecided pairs find
their shared origin once for the whole group.
Two versions of one outlet's article (an update) are both that outlet's own reporting: the
later one is "original" and keeps its derivation from the earlier.
An article with no parent in the corpus takes an origin from its own credits: a wire
dateline, a byline or "originally appeared in X" make it a syndicated copy of X; a photo
credit plus attribution to X, or X's story credited three times, or credited in the lead and
attributed once more, make it a rewrite of X (syndicated when a sibling is a verbatim copy).
Only story credits ("X reported", "according to X", "X first reported the story") say X's story
is carried; "told X" (an interview X did) may name it in the lead; "obtained by X", "a X
analysis", "X's poll" (material X gathered) are cited: they add to the count but never stand
for the lead's credit, so an article citing another outlet's analysis or documents keeps its
own story.
Own-reporting marks ("told <its own outlet>", "obtained by <its own outlet>") make an article
original unless it is a verbatim copy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np

from fuentes.corpus.credits import SYNDICATION_KINDS, Credit, Gazetteer, credits_of, update_marked
from fuentes.corpus.derivation import DEFAULT, PairRelation, Sentences, Thresholds, relate, split_sentences
from fuentes.corpus.lsh_index import LSHIndex, window_day
from fuentes.corpus.publication_order import compare as compare_times, parse as parse_time
from fuentes.corpus.translation import TranslationIndex
from fuentes.model import Article, Derivation, Evidence

ATTRIBUTION_KINDS = frozenset({"reported", "told", "obtained", "contributed"})
STORY_KINDS = frozenset({"reported", "contributed"})  # the other outlet's story carried, not its material cited
LEAD_KINDS = STORY_KINDS | {"told"}  # what names a rewrite's source in its lead (its story, its interview)
OWN_REPORTING_KINDS = frozenset({"told", "obtained"})  # "told X", "obtained by X": X's own newsgathering
LEAD_SHARE = 0.25  # an attribution within the first quarter of the text is "in the lead"
EXTRACTOR = "provenance"  # the extractor named by the passages of a derivation
VERSION = "5"  # its version: 2 = passages merged from matched sentences; 3 = translations aligned too;
# 4 = LSH candidates bounded per article, origins followed to the end of any chain; 5 = the bound the
# same for any input order (each article's nearest over all its candidates), cited material
# ("obtained by X", "a X analysis") no credit of X's story
ADDITIONS_MIN = 10  # characters a syndicated copy adds around the same sentences (credit lines, furniture)
CREDIT_MIN_JACCARD = 0.005  # signature agreement a credited pair needs (a short rewrite of a long
# report shares few of its shingles: the credit, not the overlap, makes it a candidate)
CREDIT_CANDIDATES = 20  # most similar articles of a credited outlet aligned per article
LSH_CANDIDATES = 50  # LSH candidates aligned per article: its most similar (see ProvenanceIndex._bounded)
EARLIER_CANDIDATES = 10  # ... and its most similar of those that may precede it (earlier, else longer)
CREDIT_KINDS = frozenset({"wire", "byline", "origin", "photo", "reported", "obtained", "contributed"})

# what settled a pair's direction (`ProvenanceIndex.direction_rule`), strongest first
RULES = ("credit", "siblings", "time", "containment", "undecided")
UNDECIDED_NOTE = "direction undecided: no credit, the same time at the precision both have, no containment"


@dataclass(slots=True)
class Info:
    """What the index keeps of an article besides its sentences."""

    id: str
    outlet: str | None
    published: str | None
    length: int
    credits: list[Credit]
    language: str | None = None
    update: str | None = None  # the update mark it carries ("UPDATE:"), see credits.update_marked

    def others(self) -> list[Credit]:
        return [c for c in self.credits if c.outlet != self.outlet]

    def own_reporting(self) -> bool:
        return any(c.kind in OWN_REPORTING_KINDS and c.outlet == self.outlet for c in self.credits)


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
    pairs_capped: int = 0  # LSH candidates left out by the per-article bound (`ProvenanceIndex._bounded`)


def _time_key(published: str | None) -> tuple:
    """Orders the members of an undecided group by their times as written (undated last):
    a pair in the group was undecided, but the group's earliest article is the likeliest source."""
    inst = parse_time(published)
    if inst is None:
        return (1,)
    return (0, inst.year, inst.month, inst.day, inst.hour, inst.minute, inst.second)


def _before(a: Info, b: Info) -> int:
    """-1 when `a` may be `b`'s source before their texts are compared, 1 when `b` may be `a`'s,
    0 when neither: published earlier at the precision both times have, else the longer (a copy
    lacks content its source has; see `ProvenanceIndex.direction_rule`)."""
    order = compare_times(a.published, b.published)
    if order.decided:
        return order.first
    return -1 if a.length > b.length else 1 if a.length < b.length else 0


def nearest_candidates(me: Info, partners: Iterable[tuple[float, str, Info]], size: int | None = None,
                       earlier: int | None = None) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """The LSH candidates an article keeps among `partners` (signature agreement, id, info): its
    `size` (`LSH_CANDIDATES`) most similar and its `earlier` (`EARLIER_CANDIDATES`) most similar
    of those that may precede it (`_before`), each as (-agreement, id), best first, ties by id; a
    partner listed twice counts once. A candidate pair is aligned when either article keeps the
    other (`ProvenanceIndex._bounded`; the Spark job calls this per article: `spark.corpus.bounded_pairs`)."""
    size = LSH_CANDIDATES if size is None else size
    earlier = EARLIER_CANDIDATES if earlier is None else earlier
    best: dict[str, tuple[float, Info]] = {}
    for agreement, other, info in partners:
        if other != me.id and (other not in best or -agreement < best[other][0]):
            best[other] = (-agreement, info)
    ranked = sorted((neg, other) for other, (neg, _) in best.items())
    first: list[tuple[float, str]] = []
    for key in ranked:  # best first: stop at the `earlier` that may precede it
        if len(first) >= earlier:
            break
        if _before(best[key[1]][1], me) == -1:
            first.append(key)
    return ranked[:size], first


def kept_partners(me: Info, partners: Iterable[tuple[float, str, Info]], size: int | None = None,
                  earlier: int | None = None) -> set[str]:
    """The ids of `partners` an article keeps (`nearest_candidates`)."""
    nearest, first = nearest_candidates(me, partners, size, earlier)
    return {other for _, other in nearest} | {other for _, other in first}


def make_info(aid: str, outlet: str | None, published: str | None, text: str, title: str | None,
              byline: str | None, language: str | None, gazetteer: Gazetteer) -> Info:
    """What the index keeps of an article (also built by the Spark job from article rows)."""
    creds = credits_of(text, byline, language, gazetteer)
    return Info(aid, gazetteer.canonical(outlet), published, len(text), creds, language,
                update_marked(text, title, language))


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
    # "X reported", "according to X" mark X's story being carried; "told X" alone marks an interview
    # X did and "obtained by X", "a X analysis" material X gathered: cited, they add to the count,
    # and a rewrite names its source in its lead by its story or its interview, never by the
    # material it cites (an article built on another outlet's analysis says so more than once)
    reported = Counter(c.outlet for c in others if c.kind in STORY_KINDS)
    for outlet, n_rep in reported.most_common():
        n_all = attributed[outlet]
        lead = any(c.outlet == outlet and c.kind in LEAD_KINDS and 0 <= c.start <= LEAD_SHARE * info.length
                   for c in others)
        if n_rep >= 3 or (n_all >= 2 and lead):
            cues = [c.cue for c in others if c.outlet == outlet][:3]
            return outlet, "rewrite", [f"attribution to {outlet}: " + "; ".join(cues)]
    return None


def credited_outlets(info: Info) -> set[str]:
    """The other outlets an article credits with its content (what makes credit-pair candidates)."""
    return {c.outlet for c in info.others() if c.kind in CREDIT_KINDS}


def credits_other(ia: Info, ib: Info) -> bool:
    """One of two articles of different outlets credits the other's outlet (`relate` then asks less)."""
    if not ia.outlet or not ib.outlet or ia.outlet == ib.outlet:
        return False
    return any(c.outlet == ib.outlet for c in ia.others()) or any(c.outlet == ia.outlet for c in ib.others())


def credit_partners(info: Info, signature: np.ndarray, day: int | None,
                    others: Iterable[tuple[Info, np.ndarray, int | None]], window_days: int | None) -> list[str]:
    """The articles of `others` (info, MinHash signature, window day) an article is compared with
    because one credits the other's outlet (`credited_outlets`): of another outlet, within the
    window, signatures agreeing at least `CREDIT_MIN_JACCARD`; the `CREDIT_CANDIDATES` most
    similar, ties by id. Other articles in `others` are ignored, so any superset of the credited
    ones gives the same answer (the local index looks them up by outlet, Spark joins on it)."""
    mine = credited_outlets(info)
    found = sorted((o.id, sig) for o, sig, o_day in others
                   if o.id != info.id and o.outlet != info.outlet
                   and ((o.outlet is not None and o.outlet in mine)
                        or (bool(info.outlet) and info.outlet in credited_outlets(o)))
                   and (window_days is None or day is None or o_day is None or abs(day - o_day) <= window_days))
    if not found:
        return []
    est = (np.stack([sig for _, sig in found]) == signature).mean(axis=1)
    return [found[int(k)][0] for k in np.argsort(-est, kind="stable")[:CREDIT_CANDIDATES]
            if est[k] >= CREDIT_MIN_JACCARD]


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
        self.pairs_capped = 0  # LSH candidates left out by the per-article bound, over every add
        self.nearest: dict[str, list[tuple[float, str]]] = {}  # its most similar so far (`_bounded`)
        self.nearest_earlier: dict[str, list[tuple[float, str]]] = {}  # ... of those published before it
        self.translations = TranslationIndex(window_days=window_days)
        self.by_outlet: dict[str, set[str]] = defaultdict(set)  # outlet -> its articles
        self.credited_by: dict[str, set[str]] = defaultdict(set)  # outlet -> articles crediting it

    def add(self, articles: Iterable[Article], corpus: Mapping[str, Article] | None = None) -> Changes:
        """Index `articles` (those not indexed yet). `corpus` (article id -> Article, the indexed
        ones among them): when the new articles bring outlets the corpus has not named before, the
        indexed articles whose text or byline names one are read again (`_refresh`), as a run over
        the whole corpus reads every article with every outlet known."""
        articles = [a for a in articles if a.id not in self.infos]
        self.__dict__.pop("_parents_cache", None)  # new articles and outlets change directions
        new_outlets = {a.outlet for a in articles if a.outlet} - self.outlets
        refreshed: set[str] = set()
        if new_outlets:
            self.outlets |= new_outlets
            self.gazetteer = self.base_gazetteer.with_extra(self.outlets)
            refreshed = self._refresh(new_outlets, corpus or {})
        for art in articles:
            info = make_info(art.id, art.outlet, art.published, art.text, art.title, art.byline, art.language,
                             self.gazetteer)
            self.infos[art.id] = info
            self.sentences[art.id] = split_sentences(art.text)
            if info.outlet:
                self.by_outlet[info.outlet].add(art.id)
            for outlet in credited_outlets(info):
                self.credited_by[outlet].add(art.id)
        days = {a.id: window_day(a.published, a.saved_at) for a in articles}
        pairs, capped = self._bounded(self.lsh.add_texts((a.id, a.text, days[a.id]) for a in articles))
        pairs |= self._credit_pairs([a.id for a in articles])
        changes = Changes(pairs_examined=len(pairs), pairs_capped=capped)
        self.pairs_capped += capped
        for a, b in sorted(pairs):
            rel = relate(self.sentences[a], self.sentences[b], self.th, credited=self._credited(a, b))
            if rel.kind != "independent":
                self.add_relation(a, b, rel)
                changes.related_pairs += 1
        before = self.translations.pairs_examined
        for a, b, rel in self.translations.add(((x.id, x.language, x.text, days[x.id]) for x in articles),
                                               self.sentences):
            if (a, b) not in self.relations:
                self.add_relation(a, b, rel)
                changes.related_pairs += 1
        changes.pairs_examined += self.translations.pairs_examined - before
        self.pairs_examined += changes.pairs_examined
        touched = self._component_of({a.id for a in articles} | refreshed)
        for aid in sorted(touched):
            before = self.decisions.get(aid)
            self.decisions[aid] = decision = self._decide(aid, touched)
            if before is None or (before.kind, before.origin, before.derivations) != (
                    decision.kind, decision.origin, decision.derivations):
                changes.changed.append(aid)
                changes.derivations.extend(decision.derivations)
        self.__dict__.pop("_parents_cache", None)  # not saved with the index
        return changes

    def _refresh(self, new_outlets: set[str], corpus: Mapping[str, Article]) -> set[str]:
        """The indexed articles whose credits change now that `new_outlets` are known, their
        `Info` made again. An outlet name is found in a text only where it is written in full
        (its short forms too: `credits._mentions`), so only texts holding a new name are read."""
        names = sorted({n.strip() for n in new_outlets if n and n.strip()})
        changed: set[str] = set()
        for aid in sorted(self.infos):
            art = corpus.get(aid)
            if art is None or not any(n in art.text or (art.byline and n in art.byline) for n in names):
                continue
            info = make_info(art.id, art.outlet, art.published, art.text, art.title, art.byline, art.language,
                             self.gazetteer)
            old = self.infos[aid]
            if info == old:
                continue
            for outlet in credited_outlets(old):
                self.credited_by[outlet].discard(aid)
            for outlet in credited_outlets(info):
                self.credited_by[outlet].add(aid)
            self.infos[aid] = info
            changed.add(aid)
        return changed

    def __setstate__(self, state: dict) -> None:  # an index pickled before translations and credit pairs
        self.__dict__.update({"pairs_capped": 0, "nearest": {}, "nearest_earlier": {}, **state})
        if "translations" not in state:
            self.translations = TranslationIndex(window_days=self.lsh.window_days)
            self.by_outlet, self.credited_by = defaultdict(set), defaultdict(set)
            for aid, info in self.infos.items():
                if info.outlet:
                    self.by_outlet[info.outlet].add(aid)
                for outlet in credited_outlets(info):
                    self.credited_by[outlet].add(aid)

    def _bounded(self, pairs: set[tuple[str, str]]) -> tuple[set[tuple[str, str]], int]:
        """The LSH pairs kept for alignment, and how many were left out. A pair is kept when one
        article is among the other's `LSH_CANDIDATES` most similar (signature agreement, ties by
        id), or among its `EARLIER_CANDIDATES` most similar of those that may precede it (`_before`:
        so an article with an earlier or fuller telling in the cluster is compared with one, and its
        chain of parents reaches the cluster's first article): `nearest_candidates` of each article
        over its candidates among the articles indexed so far (those of earlier adds through the
        nearest it kept then). The same for any order of the articles in one add, so one add of a
        whole corpus keeps the pairs the Spark job keeps (`spark.corpus.bounded_pairs`)."""
        partners: dict[str, list[tuple[float, str]]] = defaultdict(list)
        by_first: dict[str, list[str]] = defaultdict(list)
        for a, b in pairs:
            by_first[a].append(b)
        for a, others in by_first.items():  # signature agreement of each pair, once, in blocks
            others.sort()
            sig = self.lsh.signatures[a]
            est = (np.stack([self.lsh.signatures[o] for o in others]) == sig).mean(axis=1)
            for other, agreement in zip(others, est.tolist()):
                partners[a].append((agreement, other))
                partners[other].append((agreement, a))
        kept: dict[str, set[str]] = {}
        for aid in sorted(partners):
            known = [(-neg, other) for neg, other in (*self.nearest.get(aid, ()), *self.nearest_earlier.get(aid, ()))]
            nearest, first = nearest_candidates(
                self.infos[aid], ((agreement, other, self.infos[other]) for agreement, other in (*known, *partners[aid])))
            self.nearest[aid], self.nearest_earlier[aid] = nearest, first
            kept[aid] = {other for _, other in nearest} | {other for _, other in first}
        out = {(a, b) if a < b else (b, a) for a, b in pairs if b in kept[a] or a in kept[b]}
        return out, len(pairs) - len(out)

    def _credited(self, a: str, b: str) -> bool:
        """One of the two credits the other's outlet (two different outlets)."""
        return credits_other(self.infos[a], self.infos[b])

    def _credit_pairs(self, new: list[str]) -> set[tuple[str, str]]:
        """Pairs of a new article with articles of an outlet it credits (or that credit its
        outlet): `credit_partners` of each, among the articles the outlet maps point to."""
        out: set[tuple[str, str]] = set()
        for aid in new:
            info = self.infos[aid]
            others = set()
            for outlet in credited_outlets(info):
                others |= self.by_outlet.get(outlet, set())
            if info.outlet:
                others |= self.credited_by.get(info.outlet, set())
            if aid not in self.lsh.signatures:
                continue
            found = credit_partners(info, self.lsh.signatures[aid], self.lsh.days.get(aid),
                                    [(self.infos[o], self.lsh.signatures[o], self.lsh.days.get(o))
                                     for o in others if o in self.lsh.signatures], self.lsh.window_days)
            out.update((aid, other) if aid < other else (other, aid) for other in found)
        return out

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
        """(source, target) of a related pair, or None for siblings of a third outlet and for a
        pair whose direction nothing decides."""
        return self.direction_rule(a, b)[0]

    def direction_rule(self, a: str, b: str) -> tuple[tuple[str, str] | None, str]:
        """(source, target) of a related pair, or None, and the rule that decided it (one of
        `RULES`; see the module)."""
        cache = self._cache()
        key = ("rule", a, b)
        if key not in cache:
            cache[key] = cache[("rule", b, a)] = self._direction_rule(a, b)  # the same for either order
        return cache[key]

    def _cache(self) -> dict:
        """What deciding keeps until a relation or article arrives (never saved with the index):
        directions, parents, external sources, decisions and shared origins, keyed by (what, ids)."""
        return self.__dict__.setdefault("_parents_cache", {})

    def _direction_rule(self, a: str, b: str) -> tuple[tuple[str, str] | None, str]:
        ia, ib = self.infos[a], self.infos[b]
        ca = {c.outlet for c in ia.others()}
        cb = {c.outlet for c in ib.others()}
        rel = self._relation(a, b)
        a_credits_b, b_credits_a = ib.outlet in ca, ia.outlet in cb
        if b_credits_a != a_credits_b and ia.outlet != ib.outlet:
            return ((a, b) if b_credits_a else (b, a)), "credit"
        ea, eb = self._external(a), self._external(b)
        if ea and eb and ea[0] == eb[0] and (ea[1] == "syndicated" or rel.kind == "rewrite"):
            return None, "siblings"  # both carry the same outside report: siblings, not copies of each other
        order = compare_times(ia.published, ib.published)
        if order.decided:
            return ((a, b) if order.first < 0 else (b, a)), "time"
        if bool(ia.update) != bool(ib.update):  # the updated version is the later one
            return ((b, a) if ia.update else (a, b)), "containment"
        first, second = (a, b) if a < b else (b, a)
        if rel.kind in ("syndicated", "translation") and rel.copy_side:  # the side lacking content is the copy
            copy = first if rel.copy_side == "a" else second
            return ((b, a) if copy == a else (a, b)), "containment"
        if rel.kind == "syndicated" and abs(ia.length - ib.length) >= ADDITIONS_MIN:
            return ((b, a) if ia.length > ib.length else (a, b)), "containment"  # the copy adds lines
        return None, "undecided"

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
        cache = self._cache()
        key = ("external", aid)
        if key not in cache:
            cache[key] = external_source(self.infos[aid], self.gazetteer)
        return cache[key]

    def _sides(self, aid: str) -> tuple[list[tuple[str, PairRelation]], list[str]]:
        """(parents, undecided) of `aid`, one direction check per related article, kept until a
        relation or article arrives: deciding a dense cluster asks for them again and again
        (10 million direction checks for 100 mutually related articles without keeping them)."""
        cache = self._cache()
        key = ("sides", aid)
        if key not in cache:
            parents, undecided = [], []
            for other in sorted(self.neighbours.get(aid, ())):
                pair, rule = self.direction_rule(other, aid)
                if pair == (other, aid):
                    parents.append((other, self._relation(other, aid)))
                elif rule == "undecided":
                    undecided.append(other)
            cache[key] = (parents, undecided)
        return cache[key]

    def _parents(self, aid: str) -> list[tuple[str, PairRelation]]:
        """The related articles `aid` was copied from."""
        return self._sides(aid)[0]

    def _undecided(self, aid: str) -> list[str]:
        """The articles related to `aid` whose direction with it nothing decides."""
        return self._sides(aid)[1]

    def _undecided_derivations(self, aid: str) -> list[Derivation]:
        """The undecided pairs of `aid` with a smaller id, as derivations in id order (each pair
        is recorded once, with the larger id as its target)."""
        out = []
        for other in self._undecided(aid):
            if other < aid:
                rel = self._relation(other, aid)
                evidence = [*rel.evidence, UNDECIDED_NOTE]
                out.append(Derivation(other, aid, rel.kind, evidence, rel.score, self.passages(other, aid),
                                      "undecided"))
        return out

    def _own_origin(self, aid: str) -> str | None:
        ext = self._external(aid)
        return ext[0] if ext else self.infos[aid].outlet

    def _shared_origin(self, aid: str) -> str | None:
        """The origin the articles joined to `aid` by undecided pairs share (those without a
        decided parent): a credited outside origin when one has it, else the outlet of the earliest
        article (times as written, undated last; then outlet names). `aid` has no parent itself, so
        every member of its group has the same group: the origin is found once for all of them."""
        cache = self._cache()
        if ("shared", aid) in cache:
            return cache[("shared", aid)]
        group, stack = {aid}, [aid]
        while stack:
            for other in self._undecided(stack.pop()):
                if other not in group and not self._parents(other):
                    group.add(other)
                    stack.append(other)
        if len(group) == 1:
            origin = self._own_origin(aid)
        elif credited := sorted(e[0] for e in (self._external(m) for m in group) if e):
            origin = credited[0]
        else:
            dated = sorted((_time_key(self.infos[m].published), self.infos[m].outlet)
                           for m in group if self.infos[m].outlet)
            origin = dated[0][1] if dated else None
        for member in group:
            cache[("shared", member)] = origin
        return origin

    def _best_parent(self, aid: str) -> tuple[str, PairRelation]:
        """The parent `aid` takes its origin from: a parent that has none itself first, then a
        syndicated copy, then the best score, then the id."""
        def rank(item: tuple[str, PairRelation]) -> tuple:
            src, rel = item
            return (not self._parents(src), rel.kind == "syndicated", rel.score, src)
        return max(self._parents(aid), key=rank)

    def _decide(self, aid: str, scope: set[str]) -> Decision:
        """The decision of `aid`, made once (see `_cache`): its chain of best parents is followed
        iteratively to an article without parents (or one already decided, or back into the
        chain), then decided from that end down to `aid`."""
        cache = self._cache()
        if ("decision", aid) in cache:
            return cache[("decision", aid)]
        chain: list[str] = []
        on_chain: set[str] = set()
        node = aid
        while True:
            if ("decision", node) in cache:
                origin = cache[("decision", node)].origin
                break
            if not self._parents(node):
                cache[("decision", node)] = decision = self._decide_root(node)
                origin = decision.origin
                break
            if node in on_chain:  # a loop of parents: the outlet of its earliest member
                loop = chain[chain.index(node):]
                origin = self.infos[min(loop, key=lambda m: (_time_key(self.infos[m].published), m))].outlet
                break
            chain.append(node)
            on_chain.add(node)
            node = self._best_parent(node)[0]
        for node in reversed(chain):
            cache[("decision", node)] = decision = self._decide_derived(node, origin)
            origin = decision.origin
        return cache[("decision", aid)]

    def _decide_derived(self, aid: str, origin: str | None) -> Decision:
        """The decision of an article with parents in the corpus; `origin`: its best parent's."""
        info = self.infos[aid]
        src, rel = self._best_parent(aid)
        undecided = self._undecided_derivations(aid)
        passages, rule = self.passages(src, aid), self.direction_rule(src, aid)[1]
        derivation = Derivation(src, aid, rel.kind, rel.evidence, rel.score, passages, rule)
        if info.own_reporting() and rel.kind not in ("syndicated", "translation"):
            return Decision("original", info.outlet,
                            [Derivation(src, aid, "cites", rel.evidence, rel.score, passages, rule), *undecided])
        if info.outlet and info.outlet == self.infos[src].outlet:  # a later version of its own article
            return Decision("original", origin, [derivation, *undecided])
        return Decision(rel.kind, origin, [derivation, *undecided])

    def _decide_root(self, aid: str) -> Decision:
        """The decision of an article without parents in the corpus: its own credits, and the
        origin it shares with the articles joined to it by undecided pairs."""
        info = self.infos[aid]
        undecided = self._undecided_derivations(aid)
        ext = self._external(aid)
        origin = self._shared_origin(aid) if self._undecided(aid) else None
        if ext:
            outlet, kind, evidence = ext
            return Decision(kind, origin or outlet,
                            [Derivation(outlet, aid, kind, evidence, 1.0, decided_by="credit"), *undecided])
        cites = sorted({c.outlet for c in info.others() if c.kind in ATTRIBUTION_KINDS | {"photo"}})
        derivs = [Derivation(o, aid, "cites", [c.cue for c in info.others() if c.outlet == o][:3], 0.5,
                             decided_by="credit") for o in cites]
        return Decision("original" if info.outlet else "unknown", origin or info.outlet, [*derivs, *undecided])

def analyse_provenance(articles: Iterable[Article], thresholds: Thresholds = DEFAULT,
                       window_days: int | None = None) -> ProvenanceResult:
    """Derivations, kinds and origins of a batch of articles (a fresh index)."""
    index = ProvenanceIndex(thresholds, window_days=window_days)
    index.add(articles)
    return index.result()
