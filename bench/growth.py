"""How `fuentes analyse` grows with the store: corpus stages from scratch at 2k, 8k (and 32k)
articles, a re-run with nothing new, and 100 new articles into each analysed store.

The corpus: `bench/gen_derivation_corpus.py`'s generator (real PolNeAR and ECB+ texts first,
each with planted syndicated copies and rewrites, then bigram filler originals with families),
dated over about two years as the generator dates them. The first N articles of one generated
corpus make the store of size N, so each size holds the smaller one plus new articles, and the
100 articles added to a store of N are the generator's next 100.

Phases (each store lives under --work, default: a "fuentes-growth" folder in the temporary directory):
  prepare   ingest the first N articles and run the per-article stages (`analyse_articles`)
            once per size: each size's store is the previous size's copied, plus the new
            articles ingested and analysed; the next 100 articles go in a JSONL file beside it.
  measure   per size, on a copy of the prepared store, in a fresh process each:
            1. the corpus stages from scratch: seconds per stage, peak RSS, store bytes per article;
            2. `analyse` again with nothing new (the corpus stages are skipped when up to date);
            3. 100 new articles ingested, their per-article stages, then the corpus stages.
Results: bench/results/growth.json (per stage: wall and CPU seconds at each size and the growth
per 4x; the target is judged on CPU seconds, which other load on the machine does not stretch).
Each run also records what the corpus stages read (`corpus_input_sizes`: articles, characters,
local entities, quotes, layer characters), and each stage's CPU growth per 4x of its own input
beside it: the generator's later articles carry more local entities each (35,000 at 2k, 219,000
at 8k, 1,054,000 at 32k), so entity resolution's input grows faster than the articles. That is the
generator, not a store growing: its first ~3,600 articles are the 1,626 real texts with their
families (about 18 local entities an article), the bigram filler after them about 36 (its walk
jumps between the pool's texts and names new people and places in nearly every sentence, where a
real article keeps to its few), so the 2k store is all real texts, the 8k store half filler
and the 32k store nine tenths; the quotes per article stay about 8 throughout.

    nice -n 10 .venv/bin/python bench/growth.py prepare --sizes 2000 8000
    nice -n 10 .venv/bin/python bench/growth.py measure --sizes 2000 8000
    .venv/bin/python bench/growth.py report     # growth.json from every size measured so far
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._shared import REPO, write_results  # noqa: E402

NEW = 100  # articles added to an analysed store
TARGET = 4.5  # growth per 4x allowed for every corpus stage
PYTHON = sys.executable


def corpus_lines(total: int, seed: int = 7) -> list[dict]:
    """The first `total` generated articles as JSON lines for `fuentes ingest`."""
    from bench.gen_derivation_corpus import build_corpus

    corpus = build_corpus(total, seed=seed)
    return [{"text": a.text, "outlet": a.outlet, "title": a.title, "published": a.published, "language": "en",
             "url": f"https://growth.example/{a.id}"} for a in corpus.articles[:total]]


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8")
    return path


def ingest(path: Path, db: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(REPO / ".venv/bin/fuentes"), "ingest", str(path), "--db", str(db), "--no-progress",
                    "--budget", "0", "--memory-mb", "0"],
                   check=False, stdout=subprocess.DEVNULL)  # status 1 when an input was rejected: go on
    return time.perf_counter() - t0


def in_child(*args: str) -> dict:
    """Run one step of this script in a fresh process (its own peak RSS); its JSON result."""
    out = subprocess.run([PYTHON, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- steps run in a child process ---------------------------------------------------------------

def step_articles(db: str) -> dict:
    from fuentes.analyse import analyse_articles
    from fuentes.store import open_store

    store = open_store(db)
    t0 = time.perf_counter()
    summary = analyse_articles(store)
    return {"seconds": round(time.perf_counter() - t0, 2), "analysed": summary.analysed,
            "failed": summary.failed, "peak_rss_mb": _peak_mb()}


def step_corpus(db: str) -> dict:
    """The corpus stages as `fuentes analyse` runs them (`analyse_corpus`: skipped as a whole when
    nothing is new since the last complete run), timed one by one."""
    from fuentes.analyse import analyse_corpus
    from fuentes.store import open_store
    from fuentes.store.analysis import corpus_input_sizes

    store = open_store(db)
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    last = [time.process_time()]

    def ended(report) -> None:
        seconds[report.name] = round(report.seconds, 2)
        now = time.process_time()
        cpu[report.name], last[0] = round(now - last[0], 2), now

    t0, c0 = time.perf_counter(), time.process_time()
    summary = analyse_corpus(store, on_stage=ended)
    took, took_cpu = round(time.perf_counter() - t0, 2), round(time.process_time() - c0, 2)
    return {"seconds": seconds, "total": took, "cpu_seconds": cpu, "cpu_total": took_cpu, "peak_rss_mb": _peak_mb(),
            "inputs": corpus_input_sizes(store),
            "up_to_date": summary.corpus_up_to_date,
            "stories": summary.stories, "entities": summary.entities, "claims": summary.claims}


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# --- phases --------------------------------------------------------------------------------------

def prepare(sizes: list[int], work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    lines = corpus_lines(max(sizes) + NEW)
    previous, done = None, 0
    for n in sorted(sizes):
        db = work / f"base-{n}.db"
        took = 0.0
        if not db.exists():
            if previous is not None:
                shutil.copy(previous, db)
            took = ingest(write_jsonl(work / f"part-{n}.jsonl", lines[done:n]), db)
        result = in_child("_articles", str(db))  # only articles not analysed yet
        print(f"{n}: ingest {took:.0f}s, per-article stages {result['seconds']:.0f}s", flush=True)
        write_jsonl(work / f"new-{n}.jsonl", lines[n:n + NEW])
        previous, done = db, n


def measure(sizes: list[int], work: Path) -> dict:
    runs: dict[str, dict] = {}
    for n in sorted(sizes):
        db = work / f"run-{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.copy(work / f"base-{n}.db", db)
        scratch = in_child("_corpus", str(db))
        rerun = in_child("_corpus", str(db))
        stored = db.stat().st_size
        took = ingest(work / f"new-{n}.jsonl", db)
        articles = in_child("_articles", str(db))
        added = in_child("_corpus", str(db))
        runs[str(n)] = {"scratch": scratch, "store_bytes_per_article": round(stored / n),
                        "rerun_nothing_new": rerun,
                        "add_100": {"ingest_seconds": round(took, 2), "per_article_seconds": articles["seconds"],
                                    "corpus": added}}
        (work / f"result-{n}.json").write_text(json.dumps(runs[str(n)], indent=2))
        print(f"{n}: scratch {scratch['seconds']} ; rerun {rerun['total']}s ; +100 corpus {added['seconds']}",
              flush=True)
    return runs


def _per_4x(sizes: list[int] | list[float], values: list[float]) -> list[float | None]:
    return [round((b / a) ** (math.log(4) / math.log(m / n)), 2) if a > 0 and m > n else None
            for (n, a), (m, b) in zip(zip(sizes, values), zip(sizes[1:], values[1:]))]


def growth(runs: dict) -> dict:
    """Per stage (and total): wall and CPU seconds at each size and their growth per 4x between
    sizes. The target is judged on CPU seconds when the runs have them: the process's own work,
    which another load on a shared machine does not stretch as it stretches the wall clock."""
    sizes = sorted(int(n) for n in runs)
    stages = list(runs[str(sizes[0])]["scratch"]["seconds"])
    table = {}
    for stage in stages + ["total"]:
        scratch = [runs[str(n)]["scratch"] for n in sizes]
        secs = [s["seconds"][stage] if stage != "total" else s["total"] for s in scratch]
        row = {"seconds": dict(zip(map(str, sizes), secs)), "growth_per_4x": _per_4x(sizes, secs)}
        if all("cpu_seconds" in s for s in scratch):
            cpu = [s["cpu_seconds"][stage] if stage != "total" else s["cpu_total"] for s in scratch]
            row.update(cpu_seconds=dict(zip(map(str, sizes), cpu)), cpu_growth_per_4x=_per_4x(sizes, cpu))
        judged = row.get("cpu_growth_per_4x", row["growth_per_4x"])
        row["within_target"] = all(s is not None and s <= TARGET for s in judged)
        measure = STAGE_INPUT.get(stage)
        if "cpu_seconds" in row and measure and all(measure in s.get("inputs", {}) for s in scratch):
            # the generated corpus's later articles carry more entities each: the stage's own input
            # grows faster than the articles, and the CPU per unit of it says whether the stage scales
            amounts = [s["inputs"][measure] for s in scratch]
            row["input"] = {"measure": measure, "amounts": dict(zip(map(str, sizes), amounts)),
                            "growth_per_4x_articles": _per_4x(sizes, amounts),
                            "cpu_growth_per_4x_of_input": _per_4x(amounts, cpu)}
        table[stage] = row
    return table


# the input each corpus stage's work follows (`fuentes.store.analysis.corpus_input_sizes`)
STAGE_INPUT = {"entity_resolution": "local_entities", "quote_matching": "quotes", "provenance": "article_chars",
               "claims": "claims_layer_chars", "stories": "article_chars", "relations": "relations_layer_chars"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=["prepare", "measure", "report", "_articles", "_corpus"])
    parser.add_argument("db", nargs="?")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fuentes-growth")
    args = parser.parse_args()
    if args.phase == "_articles":
        print(json.dumps(step_articles(args.db)))
    elif args.phase == "_corpus":
        print(json.dumps(step_corpus(args.db)))
    elif args.phase == "prepare":
        prepare(args.sizes, args.work)
    else:
        runs = measure(args.sizes, args.work) if args.phase == "measure" else {}
        for found in args.work.glob("result-*.json"):  # sizes measured by earlier runs
            runs.setdefault(found.stem.split("-")[1], json.loads(found.read_text()))
        args.sizes = sorted(int(n) for n in runs)
        results = {"sizes": sorted(args.sizes), "new_articles": NEW, "target_growth_per_4x": TARGET,
                   "stages": growth(runs),
                   "rerun_nothing_new_seconds": {n: runs[n]["rerun_nothing_new"]["total"] for n in sorted(runs, key=int)},
                   "add_100_corpus_seconds": {n: runs[n]["add_100"]["corpus"]["total"] for n in sorted(runs, key=int)},
                   "peak_rss_mb": {n: runs[n]["scratch"]["peak_rss_mb"] for n in sorted(runs, key=int)},
                   "runs": runs}
        write_results("growth", results)
        for stage, row in results["stages"].items():
            print(f"{stage:20} {row['seconds']} growth/4x {row['growth_per_4x']}")


if __name__ == "__main__":
    main()
