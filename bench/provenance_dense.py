"""Provenance on dense clusters: N articles that all carry one report (a leader's killing told by
hundreds of outlets in a day). Generated text; the time of `ProvenanceIndex.add` against the
pairs the LSH proposes (every pair of the cluster) and the pairs it aligns and relates.

Shapes: "same_day" (every article dated the same day: time decides nothing, so most pairs are
undecided and the cluster is one big group sharing an origin) and "hourly" (each article an
hour or so after another: time orders every pair, so chains of parents are long).

    python bench/provenance_dense.py [--sizes 100 300 1000 3000] [--shapes same_day hourly]

Each run also re-decides the whole cluster from the kept relations and counts the direction
checks (`_direction_rule` calls) that takes: at most one per related pair.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import write_results  # noqa: E402

from fuentes.corpus import origins  # noqa: E402
from fuentes.corpus.origins import ProvenanceIndex  # noqa: E402
from fuentes.model import Article  # noqa: E402

WORDS = ("police soldiers cartel leader convoy highway checkpoint governor prosecutor municipal federal "
         "operation arrested killed seized weapons vehicles burned blockade city state night morning "
         "residents witnesses officials statement investigation suspects gunmen clash hours").split()


def report(rng: random.Random, sentences: int = 30) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(sentences)]


def cluster(n: int, seed: int = 7, shape: str = "same_day") -> list[Article]:
    rng = random.Random(seed)
    base = report(rng)
    out = []
    for i in range(n):
        kept = [s for s in base if rng.random() > 0.15]  # each outlet trims a few sentences
        extra = report(rng, rng.randint(0, 4))  # and adds a few of its own
        text = "\n\n".join(kept + extra)
        out.append(Article(id=f"art_{i:05d}", source=f"gen/{i}", text=text, outlet=f"Outlet {i}",
                           published="2026-03-01", language="en"))
    if shape == "hourly":  # about an hour apart over n hours, in an order unrelated to the ids
        start = datetime(2026, 3, 1, tzinfo=timezone.utc)
        minutes = rng.sample(range(n * 60), n)
        out = [replace(a, published=(start + timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%MZ"))
               for a, m in zip(out, minutes)]
    return out


def run(n: int, shape: str) -> dict:
    articles = cluster(n, shape=shape)
    index = ProvenanceIndex()
    started = time.perf_counter()
    changes = index.add(articles)
    seconds = time.perf_counter() - started
    result = index.result()
    calls = Counter()
    plain = index._direction_rule

    def counted(a: str, b: str):
        calls["direction"] += 1
        return plain(a, b)

    index._direction_rule = counted  # re-decide the cluster from its relations, counting direction checks
    index.__dict__.pop("_parents_cache", None)
    scope = set(index.infos)
    started = time.perf_counter()
    for aid in sorted(scope):
        index.decide(aid, scope)
    decide_seconds = time.perf_counter() - started
    related = len(index.relations)
    return {"shape": shape, "articles": n, "lsh_pairs": index.lsh.raw_candidates,
            "pairs_aligned": changes.pairs_examined, "pairs_capped": changes.pairs_capped,
            "related_pairs": related, "seconds": round(seconds, 2),
            "ms_per_lsh_pair": round(1000 * seconds / max(1, index.lsh.raw_candidates), 4),
            "ms_per_aligned_pair": round(1000 * seconds / max(1, changes.pairs_examined), 3),
            "decide_seconds": round(decide_seconds, 2), "direction_checks": calls["direction"],
            "derivations": len(result.derivations), "kinds": dict(Counter(result.kinds.values())),
            "origins": len(set(result.origins.values())),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000, 3000])
    parser.add_argument("--shapes", nargs="+", default=["same_day"], choices=["same_day", "hourly"])
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    rows = []
    for shape in args.shapes:
        for n in args.sizes:
            rows.append(run(n, shape))
            print(rows[-1], flush=True)
            if not args.no_write:  # after every run: the largest sizes take many minutes
                write(rows, sys.argv[1:])


def write(rows: list[dict], argv: list[str]) -> None:
    """Write the runs measured, keeping the earlier runs of other shapes and sizes (with their command)."""
    target = Path(__file__).resolve().parent / "results" / "provenance_dense.json"
    command = "nice -n 10 python bench/provenance_dense.py " + " ".join(argv)
    measured = {(r["shape"], r["articles"]) for r in rows}
    kept = []
    if target.exists():
        earlier = json.loads(target.read_text(encoding="utf-8"))
        kept = [{"command": earlier.get("command"), **r} for r in earlier.get("runs", [])
                if (r.get("shape", "same_day"), r["articles"]) not in measured]
    runs = kept + [{"command": command, **r} for r in rows]
    runs.sort(key=lambda r: (r.get("shape", ""), r["articles"]))
    write_results("provenance_dense", {
        "note": ("generated clusters, every article carries one report; lsh_pairs: pairs the LSH proposed "
                 f"(every pair of the cluster); at most {origins.LSH_CANDIDATES} most similar (and "
                 f"{origins.EARLIER_CANDIDATES} that may precede it) aligned per article, plus the articles "
                 "it is among the nearest of (origins.ProvenanceIndex._bounded); direction_checks: direction "
                 "rules computed when the whole cluster is decided again from its relations; seconds: the "
                 "whole add; peak RSS of the process so far; each run names the command that measured it"),
        "runs": runs})

if __name__ == "__main__":
    main()
