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
    parser.add_argument("--repeat", type=int, default=3, help="copies of the page set (distinct bytes)")
    parser.add_argument("--workers", type=int, default=1)
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
        for copy in range(args.repeat):
            for page in sorted(pages_dir.glob("*.html.gz")):
                html = gzip.decompress(page.read_bytes())
                # Each copy differs by a comment so the store keeps every page (no duplicates).
                html += f"<!-- copy {copy} -->".encode()
                target = folder / f"{copy}_{page.name[:-3]}"
                target.write_bytes(html)
                pages.append(target)
        total_bytes = sum(p.stat().st_size for p in pages)

        started = time.perf_counter()
        extracted = 0
        for page in pages:
            if trafilatura.extract(page.read_bytes(), include_comments=False):
                extracted += 1
        baseline = time.perf_counter() - started

        store = open_store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        summary = ingest_items(iter_inputs([str(folder)], ReadOptions()), store, workers=args.workers)
        fuentes_time = time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results = {
        "pages": len(pages), "megabytes": round(total_bytes / 1e6, 1), "workers": args.workers,
        "trafilatura_seconds": round(baseline, 2), "trafilatura_pages_per_s": round(len(pages) / baseline, 1),
        "fuentes_seconds": round(fuentes_time, 2), "fuentes_pages_per_s": round(len(pages) / fuentes_time, 1),
        "ratio_to_trafilatura": round(baseline / fuentes_time, 3), "target_ratio": 0.8,
        "stored": summary.stored, "duplicates": summary.duplicates, "rejected": summary.rejected,
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(f"{'path':<28}{'seconds':>10}{'pages/s':>10}")
    print(f"{'trafilatura.extract alone':<28}{baseline:>10.2f}{len(pages) / baseline:>10.1f}")
    print(f"{'fuentes ingest (to SQLite)':<28}{fuentes_time:>10.2f}{len(pages) / fuentes_time:>10.1f}")
    print(f"ratio {results['ratio_to_trafilatura']} (target >= 0.8); stored {summary.stored}, "
          f"rejected {summary.rejected}; peak RSS {results['peak_rss_mb']} MB")
    write_results("ingest", results)


if __name__ == "__main__":
    main()
