"""Provenance on dense clusters: N articles that all carry one report (a leader's killing told by
hundreds of outlets in a day). Generated text; time of `analyse_provenance` against the number of
related pairs it must decide.

    python bench/provenance_dense.py [--sizes 50 100 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import write_results  # noqa: E402

from fuentes.corpus.origins import analyse_provenance  # noqa: E402
from fuentes.model import Article  # noqa: E402

WORDS = ("police soldiers cartel leader convoy highway checkpoint governor prosecutor municipal federal "
         "operation arrested killed seized weapons vehicles burned blockade city state night morning "
         "residents witnesses officials statement investigation suspects gunmen clash hours").split()


def report(rng: random.Random, sentences: int = 30) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(sentences)]


def cluster(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    base = report(rng)
    out = []
    for i in range(n):
        kept = [s for s in base if rng.random() > 0.15]  # each outlet trims a few sentences
        extra = report(rng, rng.randint(0, 4))  # and adds a few of its own
        text = "\n\n".join(kept + extra)
        out.append(Article(id=f"art_{i:05d}", source=f"gen/{i}", text=text, outlet=f"Outlet {i}",
                           published="2026-03-01", language="en"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200])
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        articles = cluster(n)
        started = time.perf_counter()
        result = analyse_provenance(articles)
        seconds = time.perf_counter() - started
        rows.append({"articles": n, "pairs_examined": result.pairs_examined, "seconds": round(seconds, 2),
                     "ms_per_pair": round(1000 * seconds / max(1, result.pairs_examined), 3),
                     "derivations": len(result.derivations)})
        print(rows[-1], flush=True)
    write_results("provenance_dense", {"note": "generated clusters, every article carries one report",
                                       "runs": rows})


if __name__ == "__main__":
    main()
