"""One stalling page must not stall a batch: the per-document time budget of the runners.

Generates 1,000 ordinary news pages and one 15 MB page of short paragraphs (trafilatura needs
minutes and most of a GB for it), then ingests into fresh SQLite stores (a) the 1,000 pages alone
and (b) the same pages with the big one in the middle. With the budget, (b) should take about
as long as (a) plus a share of the budget, and reject exactly one input: the big page, with
the reason. Everything is generated; nothing is read from ../shared.

    python bench/ingest_budget.py [--pages 1000] [--big-mb 15] [--budget 10] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import write_results  # noqa: E402

WORDS = ("police army cartel mayor governor road city state border drugs arms money port judge trial prison "
         "witness village market night morning officers suspects vehicle operation report minister security "
         "federal local group leader rival attack customs navy shipment seizure prosecutor court hearing "
         "detained arrested released charged convoy checkpoint highway warehouse cocaine").split()


def sentence(rng: random.Random, low: int = 10, high: int = 24) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def normal_page(number: int) -> str:
    """An ordinary article page: navigation, headline, byline, 6-14 paragraphs, footer."""
    rng = random.Random(number)
    paragraphs = "\n".join(f"<p>{' '.join(sentence(rng) for _ in range(rng.randint(2, 5)))}</p>"
                           for _ in range(rng.randint(6, 14)))
    nav = " | ".join(f'<a href="/section/{w}">{w.title()}</a>' for w in rng.sample(WORDS, 8))
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story {number}: "
            f"{sentence(rng, 4, 8)}</title><meta property=\"article:published_time\" "
            f"content=\"2026-03-{number % 28 + 1:02d}T10:00:00Z\"></head><body><nav>{nav}</nav>"
            f"<article><h1>Story {number}: {sentence(rng, 4, 8)}</h1><p class=\"byline\">By Ana Ruiz</p>"
            f"{paragraphs}</article><footer>Copyright 2026 The Harbour Gazette. "
            f"<a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer></body></html>")


def stalling_page(megabytes: float) -> bytes:
    """Paragraph-heavy HTML: many short paragraphs, the shape trafilatura is slowest on."""
    rng = random.Random(0)
    parts = ["<!DOCTYPE html><html><head><title>Everything, one paragraph at a time</title></head><body>"]
    size, target = len(parts[0]), int(megabytes * 1_000_000)
    while size < target:
        part = f"<p>{sentence(rng, 3, 7)[:40]}</p>\n"
        parts.append(part)
        size += len(part)
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


def ingest(folder: Path, db: Path, workers: int, budget: float) -> tuple[float, object]:
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.store import open_store

    store = open_store(str(db))
    started = time.perf_counter()
    summary = ingest_items(iter_inputs([str(folder)], ReadOptions()), store, workers=workers, budget=budget)
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="ordinary pages")
    parser.add_argument("--big-mb", type=float, default=15.0, help="size of the stalling page, MB")
    parser.add_argument("--budget", default="10,60",
                        help="seconds per document, comma-separated (60: the ingest default)")
    parser.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 4), help="worker processes")
    args = parser.parse_args()
    budgets = [float(b) for b in args.budget.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        alone, mixed = Path(tmp) / "alone", Path(tmp) / "mixed"
        alone.mkdir()
        mixed.mkdir()
        for number in range(args.pages):
            page = normal_page(number)
            (alone / f"page{number:05d}.html").write_text(page, encoding="utf-8")
            (mixed / f"page{number:05d}.html").write_text(page, encoding="utf-8")
        big = mixed / f"page{args.pages // 2:05d}b-big.html"  # sorted into the middle of the batch
        big.write_bytes(stalling_page(args.big_mb))
        normal_mb = sum(p.stat().st_size for p in alone.iterdir()) / 1e6

        # A first, unmeasured pass starts the worker processes once, as in a long-running ingest;
        # every measured pass then starts from the same state.
        ingest(alone, Path(tmp) / "warm.db", args.workers, budgets[0])
        alone_s, alone_summary = ingest(alone, Path(tmp) / "alone.db", args.workers, budgets[0])
        runs = []
        for budget in budgets:
            mixed_s, summary = ingest(mixed, Path(tmp) / f"mixed_{budget:g}.db", args.workers, budget)
            runs.append({"budget_s": budget, "seconds": round(mixed_s, 2), "stored": summary.stored,
                         "rejected": summary.rejected, "extra_seconds": round(mixed_s - alone_s, 2),
                         "ratio": round(mixed_s / alone_s, 3),
                         "rejections": [f"rejected {r.source.rsplit('/', 1)[-1]}: {r.reason}"
                                        for r in summary.rejections]})

    results = {
        "pages": args.pages, "pages_mb": round(normal_mb, 1), "big_page_mb": args.big_mb, "workers": args.workers,
        "alone": {"seconds": round(alone_s, 2), "stored": alone_summary.stored, "rejected": alone_summary.rejected},
        "with_big_page": runs,
    }
    print(f"{'batch':<52}{'seconds':>9}{'stored':>8}{'rejected':>10}")
    print(f"{f'{args.pages} pages ({normal_mb:.1f} MB)':<52}{alone_s:>9.2f}{alone_summary.stored:>8}"
          f"{alone_summary.rejected:>10}")
    for run in runs:
        label = f"same + one {args.big_mb:g} MB page, budget {run['budget_s']:g} s"
        print(f"{label:<52}{run['seconds']:>9.2f}{run['stored']:>8}{run['rejected']:>10}")
        for line in run["rejections"]:
            print(f"  {line}")
    print(f"{args.workers} worker(s). The big page is cut at the budget while the other pages go on; the batch "
          "ends at the later of the rest and the big page's start plus the budget.")
    write_results("ingest_budget", results)


if __name__ == "__main__":
    main()
