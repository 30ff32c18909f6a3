"""Provenance benchmark: derivation edges, origins, scale, incremental adds, credit cues, MSRP.

    python bench/derivation.py [--scales 10000,100000]
    python bench/derivation.py --scenarios 20     # only the republishing scenarios (a few minutes)

Scenarios (`gen_derivation_corpus.build_scenarios`, documented in docs/provenance.md): copies
hours apart on one day with and without credits, partial copies, short and long rewrites,
updates, translations both ways (MEANTIME), with ECB+ and cross-language negatives; origin
accuracy, derived-article precision and recall, and kind accuracy by kind, by scenario and by
time precision. `--scenarios` alone rewrites only that part of the results file.

Corpora come from bench/gen_derivation_corpus.py (real PolNeAR and ECB+ texts read from
../shared at run time, planted copies and rewrites). Each scale runs in a child process so
its peak RSS (ru_maxrss) is the corpus stage's own. Writes bench/results/derivation.json.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_derivation_corpus import POLNEAR, SHARED, WIRES, build_corpus  # noqa: E402

from fuentes.corpus.credits import Gazetteer, credits_of  # noqa: E402
from fuentes.corpus.origins import Info, ProvenanceIndex, external_source  # noqa: E402
from fuentes.ids import normalize_text  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "derivation.json"
MSRP = SHARED / "data" / "msrp-news-paraphrase"


def evaluate(corpus, result) -> dict:
    truth = {(s, t) for s, t, _ in corpus.edges}
    truth_kind = {(s, t): k for s, t, k in corpus.edges}
    pred = {(d.source, d.target): d.kind for d in result.derivations if d.kind != "cites"}
    hit = truth & set(pred)
    p = len(hit) / max(len(pred), 1)
    r = len(hit) / max(len(truth), 1)
    origin_ok = sum(result.origins.get(a) == o for a, o in corpus.origin.items())
    kind_ok = sum(result.kinds.get(a) == k for a, k in corpus.kind.items())
    group_of = {a: i for i, g in enumerate(corpus.independent_groups) for a in g}
    false_links = sum(1 for (s, t) in pred if s in group_of and group_of.get(t) == group_of[s])
    return {"edges_true": len(truth), "edges_pred": len(pred), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / max(p + r, 1e-9), 4),
            "edge_kind_accuracy": round(sum(pred[e] == truth_kind[e] for e in hit) / max(len(hit), 1), 4),
            "origin_accuracy": round(origin_ok / max(len(corpus.origin), 1), 4),
            "kind_accuracy": round(kind_ok / max(len(corpus.kind), 1), 4),
            "ecb_same_topic_pairs": sum(len(g) * (len(g) - 1) // 2 for g in corpus.independent_groups),
            "ecb_same_topic_false_links": false_links}


def child(path: str, hold_out: int) -> None:
    """Run the corpus stage on a pickled corpus; print one JSON line of measurements."""
    with open(path, "rb") as fh:
        corpus = pickle.load(fh)
    arts = corpus.articles
    base, extra = (arts[:-hold_out], arts[-hold_out:]) if hold_out else (arts, [])
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    for a in base:  # baseline pass: normalise and tokenise every text once
        normalize_text(a.text).split()
    t_base = time.perf_counter() - t0
    index = ProvenanceIndex()
    t0 = time.perf_counter()
    index.add(base)
    t_stage = time.perf_counter() - t0
    out = {"articles": len(base), "seconds": round(t_stage, 2), "baseline_seconds": round(t_base, 2),
           "ratio_to_baseline": round(t_stage / max(t_base, 1e-9), 1),
           "pairs_examined": index.pairs_examined, "related_pairs": len(index.relations),
           "rss_after_load_mb": round(rss_loaded), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    if extra:
        t0 = time.perf_counter()
        ch = index.add(extra)
        out["incremental"] = {"added": len(extra), "seconds": round(time.perf_counter() - t0, 2),
                              "pairs_examined": ch.pairs_examined, "related_pairs": ch.related_pairs,
                              "articles_redecided": len(ch.changed)}
        with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as fh:
            idx_path = fh.name
        t0 = time.perf_counter()
        index.lsh.save(idx_path)
        out["incremental"]["lsh_save_seconds"] = round(time.perf_counter() - t0, 2)
        out["incremental"]["lsh_file_mb"] = round(os.path.getsize(idx_path) / 2**20)
        os.unlink(idx_path)
    out["quality"] = evaluate(corpus, index.result())
    print(json.dumps(out))


def run_scale(n: int, hold_out: int) -> dict:
    t0 = time.perf_counter()
    corpus = build_corpus(n + hold_out)
    gen_s = time.perf_counter() - t0
    with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as fh:
        pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
        path = fh.name
    del corpus
    try:
        proc = subprocess.run([sys.executable, __file__, "--child", path, str(hold_out)],
                              capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["generate_seconds"] = round(gen_s, 1)
    return out


def credit_cues() -> dict:
    """Wire and h/t credit labels of PolNeAR (train+dev) against the cue detector."""
    gaz = Gazetteer.default()
    tp = fp = fn = tn = wrong = 0
    ht_total = ht_found = 0
    for row in csv.DictReader((POLNEAR / "metadata.tsv").open(encoding="utf-8"), delimiter="\t"):
        if row["compartment"] not in ("train", "dev"):
            continue
        text = (POLNEAR / row["compartment"] / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
        creds = credits_of(text, None, "en", gaz)
        info = Info(row["filename"], None, None, len(text), creds)
        ext = external_source(info)
        pred = ext[0] if ext and ext[1] == "syndicated" and gaz.is_wire(ext[0]) else None
        gold = WIRES.get((row["wire"] or "").strip().lower())
        if gold and pred:
            tp += pred == gold
            wrong += pred != gold
        elif gold:
            fn += 1
        elif pred:
            fp += 1
        else:
            tn += 1
        credit = (row["credit"] or "").strip()
        if credit.startswith("h/t:"):
            name = gaz.canonical(credit[4:].strip().rstrip("."))
            if name not in ("Twitter", "YouTube"):
                ht_total += 1
                ht_found += any(c.outlet == name or normalize_text(c.outlet) == normalize_text(name or "")
                                for c in creds)
    p, r = tp / max(tp + fp + wrong, 1), tp / max(tp + fn + wrong, 1)
    return {"wire": {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "wrong_wire": wrong, "precision": round(p, 4),
                     "recall": round(r, 4)},
            "h_t_credit": {"labelled": ht_total, "found_in_text": ht_found,
                           "recall": round(ht_found / max(ht_total, 1), 4)}}


def msrp() -> dict:
    """Rewrite detection on MSRP: thresholds fitted on train, F1 on test, with a baseline."""

    from fuentes.corpus.derivation import DEFAULT, sentence_score
    from fuentes.corpus.lsh_index import tokens

    def load(name: str) -> list[tuple[int, str, str]]:
        rows = list(csv.reader((MSRP / name).open(encoding="utf-8-sig"), delimiter="\t", quoting=csv.QUOTE_NONE))
        return [(int(r[0]), " ".join(tokens(r[3])), " ".join(tokens(r[4]))) for r in rows[1:] if len(r) >= 5]

    def ours(a: str, b: str) -> float:
        return sentence_score(a, b)

    def overlap(a: str, b: str) -> float:
        sa, sb = set(a.split()), set(b.split())
        return 100 * len(sa & sb) / max(len(sa | sb), 1)

    def f1(data, score, th) -> float:
        tp = sum(1 for y, a, b in data if y and score(a, b) >= th)
        fp = sum(1 for y, a, b in data if not y and score(a, b) >= th)
        fn = sum(1 for y, a, b in data if y and score(a, b) < th)
        return 2 * tp / max(2 * tp + fp + fn, 1)

    train, test = load("msr_paraphrase_train.txt"), load("msr_paraphrase_test.txt")
    out = {"test_pairs": len(test), "all_positive_f1": round(f1(test, lambda a, b: 100, 0), 4)}
    for name, score in (("sentence_matcher", ours), ("word_overlap_jaccard", overlap)):
        best = max(range(0, 101, 2), key=lambda t: f1(train, score, t))
        out[name] = {"threshold_fit_on_train": best, "test_f1": round(f1(test, score, best), 4)}
    out["sentence_matcher"]["test_f1_at_production_threshold"] = round(
        f1(test, ours, DEFAULT.reworded), 4)
    return out


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def evaluate_scenarios(corpus, result) -> dict:
    """Origins, derived articles, kinds and edges of a scenario corpus, by kind, scenario and time precision."""
    derived_true = {a for a, k in corpus.kind.items() if k != "original"}
    derived_pred = {a for a in corpus.kind if result.kinds.get(a) not in ("original", "unknown", None)}
    directed = {(d.source, d.target) for d in result.derivations if d.kind != "cites" and d.decided_by != "undecided"}
    undecided = {frozenset((d.source, d.target)) for d in result.derivations if d.decided_by == "undecided"}
    truth = {(s, t) for s, t, _ in corpus.edges}
    truth_kind = {(s, t): k for s, t, k in corpus.edges}
    kinds_pred = {(d.source, d.target): d.kind for d in result.derivations}
    hits = truth & directed

    def breakdown(key_of) -> dict:
        out: dict = {}
        for aid in corpus.kind:
            key = key_of(aid)
            row = out.setdefault(key, {"articles": 0, "origin_ok": 0, "kind_ok": 0})
            row["articles"] += 1
            row["origin_ok"] += result.origins.get(aid) == corpus.origin[aid]
            row["kind_ok"] += result.kinds.get(aid) == corpus.kind[aid]
        return {k: {"articles": v["articles"], "origin_accuracy": _share(v["origin_ok"], v["articles"]),
                    "kind_accuracy": _share(v["kind_ok"], v["articles"])} for k, v in sorted(out.items())}

    group_of = {a: i for i, g in enumerate(corpus.independent_groups) for a in g}
    false_links = [(s, t, k) for (s, t), k in kinds_pred.items() if k != "cites" and s in group_of
                   and group_of.get(t) == group_of[s]]
    wrong = {}
    for aid in corpus.kind:
        if result.origins.get(aid) != corpus.origin[aid] or result.kinds.get(aid) != corpus.kind[aid]:
            wrong.setdefault(corpus.scenario[aid], []).append(
                {"id": aid, "kind": [corpus.kind[aid], result.kinds.get(aid)],
                 "origin": [corpus.origin[aid], result.origins.get(aid)]})
    p = len(derived_true & derived_pred) / max(len(derived_pred), 1)
    r = len(derived_true & derived_pred) / max(len(derived_true), 1)
    return {
        "articles": len(corpus.kind),
        "origin_accuracy": _share(sum(result.origins.get(a) == o for a, o in corpus.origin.items()), len(corpus.origin)),
        "derived_precision": round(p, 4), "derived_recall": round(r, 4),
        "kind_accuracy": _share(sum(result.kinds.get(a) == k for a, k in corpus.kind.items()), len(corpus.kind)),
        "edges": {"true": len(truth), "directed_predicted": len(directed), "directed_hits": len(hits),
                  "precision": _share(len(hits), len(directed)), "recall": _share(len(hits), len(truth)),
                  "kind_accuracy": _share(sum(kinds_pred.get(e) == truth_kind[e] for e in hits), len(hits)),
                  "undecided_pairs": len(undecided),
                  "undecided_true_pairs": sum(1 for u in undecided if tuple(sorted(u)) in truth or tuple(sorted(u))[::-1] in truth)},
        "by_kind": breakdown(lambda a: corpus.kind[a]),
        "by_time_precision": breakdown(lambda a: corpus.precision[a]),
        "by_scenario": breakdown(lambda a: corpus.scenario[a]),
        "decided_by": dict(Counter(d.decided_by for d in result.derivations)),
        "false_links_between_independent_articles": len(false_links),
        "errors": {k: v[:5] for k, v in sorted(wrong.items())},
    }


def scenarios(per_scenario: int) -> dict:
    from gen_derivation_corpus import build_scenarios

    t0 = time.perf_counter()
    corpus = build_scenarios(per_scenario)
    gen_s = time.perf_counter() - t0
    index = ProvenanceIndex()
    t0 = time.perf_counter()
    index.add(corpus.articles)
    out = evaluate_scenarios(corpus, index.result())
    out["per_scenario"] = per_scenario
    out["seconds"] = round(time.perf_counter() - t0, 1)
    out["generate_seconds"] = round(gen_s, 1)
    return out


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        child(argv[1], int(argv[2]))
        return
    if not (SHARED / "data").exists():
        print(f"skipped: {SHARED / 'data'} not found (set FUENTES_SHARED)")
        return
    if "--scenarios" in argv:
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        results["scenarios"] = scenarios(int(argv[argv.index("--scenarios") + 1]))
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False))
        print(json.dumps({k: v for k, v in results["scenarios"].items() if k != "errors"}, indent=1))
        print(f"wrote {RESULTS}")
        return
    scales = [10000, 100000]
    for i, arg in enumerate(argv):
        if arg == "--scales":
            scales = [int(x) for x in argv[i + 1].split(",")]
    results: dict = {"scales": {}}
    if RESULTS.exists():  # the scenarios part is measured apart (--scenarios): keep it
        kept = json.loads(RESULTS.read_text()).get("scenarios")
        if kept:
            results["scenarios"] = kept
    results["credit_cues_polnear"] = credit_cues()
    results["msrp"] = msrp()
    for n in scales:
        hold = 1000 if n >= 100000 else 0
        results["scales"][str(n)] = run_scale(n, hold)
        print(n, json.dumps(results["scales"][str(n)]), flush=True)
    s = results["scales"]
    if "10000" in s and "100000" in s:
        results["time_ratio_100k_to_10k"] = round(s["100000"]["seconds"] / s["10000"]["seconds"], 2)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(f"{'articles':>9} {'P':>6} {'R':>6} {'origin':>7} {'kind':>6} {'sec':>7} {'peakMB':>7}")
    for n, v in s.items():
        q = v["quality"]
        print(f"{n:>9} {q['precision']:>6} {q['recall']:>6} {q['origin_accuracy']:>7} {q['kind_accuracy']:>6} "
              f"{v['seconds']:>7} {v['peak_rss_mb']:>7}")
    print("credits:", json.dumps(results["credit_cues_polnear"]))
    print("msrp:", json.dumps(results["msrp"]))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
