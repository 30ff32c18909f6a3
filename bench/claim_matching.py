"""Claim matching on MSRP paraphrase pairs, beside a word-overlap baseline.

    python bench/claim_matching.py [--limit N] [--train-limit N] [--split train|test]

The Microsoft Research Paraphrase Corpus (`../shared/data/msrp-news-paraphrase`): sentence pairs
from clusters of news articles, labelled paraphrase (1) or not (0). Each sentence is one
"article": parsed by the spaCy pipeline fuentes loads (`fuentes.nlp.models`), then the shipped
per-article stages `entities`, `quotes`, `claims`; the two sentences' entities are resolved
together (`resolve_with_merges`, as `fuentes analyse` does) and their claims matched
(`match_claims_detailed`, the corpus matcher). The claim matcher says "paraphrase" when some
corpus claim is backed by both sentences (the two state one claim with compatible values).

The matcher is also run on every clause's statement (`extract_claims(..., every_clause=True)`:
opinions, copulas, forecasts and clauses naming nothing included, with their slots), which
measures the matcher apart from the claims stage's choice of what is worth checking (an MSRP
sentence is often no check-worthy claim: "X is on the list", "Y said the remarks were
inappropriate").

Baseline: word overlap, the share of content stems shared (`fuentes.corpus.claims.wording`,
the same stems the matcher uses) at or above a threshold chosen for the best F1 on the train
split; reported on the test split. Also reported: how many pairs the claim matcher could judge
at all (both sentences yield a claim), and its precision there.
`--split train` measures the claim matcher on (the first --limit pairs of) the train split instead,
for tuning, and writes nothing; the figures reported come from the test split.
Writes bench/results/claim_matching.json.
"""

from __future__ import annotations

import argparse
import time

from _shared import shared_path, write_results


def read_pairs(path, limit: int | None) -> list[tuple[int, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 5:
            rows.append((int(parts[0]), parts[3], parts[4]))
    return rows[:limit] if limit else rows


def f1(pred: list[bool], gold: list[int]) -> dict:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum((not p) and g for p, g in zip(pred, gold))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(prec, 3), "recall": round(rec, 3),
            "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
            "accuracy": round(sum(p == bool(g) for p, g in zip(pred, gold)) / max(1, len(gold)), 3)}


def overlap(a: str, b: str) -> float:
    from fuentes.corpus.claims import claim_stems

    sa, sb = set(claim_stems(a)), set(claim_stems(b))
    return 100.0 * len(sa & sb) / max(1, min(len(sa), len(sb)))


class ClaimJudge:
    """Sentences through the shipped per-article stages, pairs through the corpus matcher."""

    def __init__(self):
        import fuentes.extract.claims  # noqa: F401  (registers the stages)
        import fuentes.extract.entities  # noqa: F401
        import fuentes.extract.quotes  # noqa: F401
        from fuentes.nlp.models import load
        from fuentes.pipeline import Pipeline

        self.nlp, self.info = load("en")
        self.stages = Pipeline.from_names(["entities", "quotes", "claims"], initial=("body", "nlp", "language", "id"))
        self.nlp_seconds = 0.0
        self.claim_seconds = 0.0

    def doc(self, text: str, aid: str):
        from fuentes.doc import ArticleDoc

        t0 = time.perf_counter()
        from fuentes.nlp.stage import _annotate

        sdoc = _annotate(self.nlp(text), self.info, None)
        t1 = time.perf_counter()
        doc = self.stages(ArticleDoc(source=aid, format="text",
                                     layers={"body": text, "nlp": sdoc, "language": "en", "id": aid}))
        self.nlp_seconds += t1 - t0
        self.claim_seconds += time.perf_counter() - t1  # entities + quotes + claims
        return doc

    def judge(self, a: str, b: str) -> tuple[bool, bool, bool]:
        """(paraphrase by the claim matcher on the claims stage's claims, both sentences yield a
        claim, paraphrase by the claim matcher on every clause's statement)."""
        from fuentes.corpus.claims import match_claims_detailed
        from fuentes.corpus.entity_resolution import resolve_with_merges
        from fuentes.extract.claims import extract_claims

        docs = {"a": self.doc(a, "a"), "b": self.doc(b, "b")}
        entities, _ = resolve_with_merges({k: d.get("entities") for k, d in docs.items()})
        entity_of = {tuple(ref.split("#", 1)): e.id for e in entities for ref in e.merged_from}
        t0 = time.perf_counter()
        statements = {k: extract_claims(d.body, d.get("nlp"), d.get("mentions"), d.get("quotes"), "en", k,
                                        every_clause=True, entities=d.get("entities")) for k, d in docs.items()}
        both = any(len(c.articles) == 2 for c in match_claims_detailed(statements, {}, entity_of).claims)
        self.claim_seconds += time.perf_counter() - t0
        claims = {k: d.get("claims") or [] for k, d in docs.items()}
        if not (claims["a"] and claims["b"]):
            return False, False, both
        matched = match_claims_detailed(claims, {}, entity_of)
        return any(len(c.articles) == 2 for c in matched.claims), True, both


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="test pairs (default: all 1,725)")
    ap.add_argument("--train-limit", type=int, default=None, help="train pairs for the baseline's threshold")
    ap.add_argument("--split", choices=("train", "test"), default="test",
                    help="the split the claim matcher is measured on: train to tune (nothing written), test to report")
    args = ap.parse_args()
    folder = shared_path("msrp-news-paraphrase")
    train = read_pairs(folder / "msr_paraphrase_train.txt", args.train_limit)
    test = read_pairs(folder / f"msr_paraphrase_{args.split}.txt", args.limit)
    scores = [overlap(a, b) for _, a, b in train]
    gold_train = [g for g, _, _ in train]
    threshold = max(range(0, 101, 5), key=lambda t: f1([s >= t for s in scores], gold_train)["f1"])
    gold = [g for g, _, _ in test]
    baseline = f1([overlap(a, b) >= threshold for _, a, b in test], gold)
    judge = ClaimJudge()
    t0 = time.perf_counter()
    judged = [judge.judge(a, b) for _, a, b in test]
    seconds = time.perf_counter() - t0
    matcher = f1([p for p, _, _ in judged], gold)
    covered = [(p, g) for (p, ok, _), g in zip(judged, gold) if ok]
    results = {
        "split": args.split, "test_pairs": len(test), "positive": sum(gold), "train_pairs": len(train),
        "word_overlap": {**baseline, "threshold": threshold},
        "claim_matcher": matcher,
        "claim_matcher_judged": {"pairs": len(covered),
                                 **f1([p for p, _ in covered], [g for _, g in covered])},
        "word_overlap_on_judged": f1([overlap(a, b) >= threshold for ((_, ok, _), (_, a, b)) in zip(judged, test)
                                      if ok], [g for (_, ok, _), g in zip(judged, gold) if ok]),
        "claim_matcher_statements": f1([s for _, _, s in judged], gold),
        "always_paraphrase": f1([True] * len(gold), gold),
        "seconds": {"total": round(seconds, 1), "spacy": round(judge.nlp_seconds, 1),
                    "entities_quotes_claims": round(judge.claim_seconds, 1)},
    }
    if args.split == "test":
        write_results("claim_matching", results)
    print(results)


if __name__ == "__main__":
    main()
