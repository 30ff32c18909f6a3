"""Throughput of the whole ingest path, as a ratio to trafilatura extraction alone.

Both run in this process on the same HTML pages (the Scrapinghub article-extraction
benchmark pages in ../shared/data): the baseline is `trafilatura.extract` on each page; the
ingest path is read -> decode -> extract -> clean -> metadata -> language -> id -> store (SQLite
file, one transaction per batch). Target: ratio >= 0.8. Also reports peak memory (RSS).

    python bench/ingest.py [--repeat 3] [--workers 1]
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import shared_path, write_results  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="passes over the page set")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, comma-separated")
    args = parser.parse_args()

    import trafilatura

    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.store import open_store

    pages_dir = shared_path("scrapinghub-article-extraction-benchmark", "html")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        pages = []
        for page in sorted(pages_dir.glob("*.html.gz")):
            target = folder / page.name[:-3]
            target.write_bytes(gzip.decompress(page.read_bytes()))
            pages.append(target)
        total_bytes = sum(p.stat().st_size for p in pages)
        count = len(pages) * args.repeat

        # Baseline: trafilatura alone, one process, same pages, same number of passes.
        started = time.perf_counter()
        for _ in range(args.repeat):
            for page in pages:
                trafilatura.extract(page.read_bytes(), include_comments=False)
        baseline = time.perf_counter() - started

        runs = []
        for workers in [int(w) for w in args.workers.split(",")]:
            elapsed = 0.0
            for number in range(args.repeat):
                # A fresh store per pass, so every pass does the full work (no duplicates).
                store = open_store(str(Path(tmp) / f"bench_{workers}_{number}.db"))
                started = time.perf_counter()
                summary = ingest_items(iter_inputs([str(folder)], ReadOptions()), store, workers=workers)
                elapsed += time.perf_counter() - started
                store.close()
            runs.append({"workers": workers, "seconds": round(elapsed, 2),
                         "pages_per_s": round(count / elapsed, 1),
                         "ratio_to_trafilatura": round(baseline / elapsed, 3),
                         "stored_per_pass": summary.stored, "rejected_per_pass": summary.rejected})

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results = {
        "pages": len(pages), "passes": args.repeat, "megabytes": round(total_bytes / 1e6, 1),
        "trafilatura_seconds": round(baseline, 2), "trafilatura_pages_per_s": round(count / baseline, 1),
        "fuentes": runs, "target_ratio": 0.8, "peak_rss_mb_main_process": round(peak_mb, 1),
    }
    print(f"{'path':<40}{'seconds':>10}{'pages/s':>10}{'ratio':>8}")
    print(f"{'trafilatura.extract alone (1 process)':<40}{baseline:>10.2f}{count / baseline:>10.1f}{1:>8.2f}")
    for run in runs:
        label = f"fuentes ingest to SQLite, {run['workers']} worker(s)"
        print(f"{label:<40}{run['seconds']:>10.2f}{run['pages_per_s']:>10.1f}{run['ratio_to_trafilatura']:>8.3f}")
    print(f"target ratio >= 0.8; stored {runs[-1]['stored_per_pass']} of {len(pages)} pages per pass; "
          f"peak RSS of the main process {results['peak_rss_mb_main_process']} MB")
    write_results("ingest", results)


if __name__ == "__main__":
    main()
