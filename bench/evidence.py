"""Evidence on the shipped path: `fuentes run` on real PolNeAR articles, then `fuentes export`.

    python bench/evidence.py [--limit 500] [--workers 2] [--keep DIR]

Writes the articles (text + metadata.tsv fields) as JSON lines into a temporary folder, runs
`fuentes run` and `fuentes export --format jsonl` as a user would (default settings), then
reports for every record type how many records carry evidence, how many spans lie inside their
article's text, how many listed articles have a span, and how many entity spans read as one
of the entity's names. Speed: the run's wall time as a ratio to spaCy alone (`nlp.pipe`, same
texts, same process count) measured in this process; size: store bytes per article.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import polnear_lines, write_results  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuentes.export.evidence_check import check_export  # noqa: E402


def spacy_alone(texts: list[str], workers: int) -> float:
    from fuentes.nlp.models import load

    nlp, _ = load("en")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=max(1, workers), batch_size=16):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="folder to keep the store and export in")
    parser.add_argument("--name", default="evidence")
    args = parser.parse_args()
    lines = polnear_lines(args.limit)
    work = args.keep or Path(tempfile.mkdtemp(prefix="fuentes-evidence-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "polnear.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = work / "store.db"
    db.unlink(missing_ok=True)
    export = work / "export.jsonl"
    exe = Path(sys.executable).parent / "fuentes"
    started = time.perf_counter()
    subprocess.run([str(exe), "run", str(source), "--db", str(db), "--workers", str(args.workers),
                    "--no-progress"], check=True)
    run_seconds = time.perf_counter() - started
    subprocess.run([str(exe), "export", "--db", str(db), "--format", "jsonl", "--output", str(export)],
                   check=True)
    baseline = spacy_alone([line["text"] for line in lines], args.workers)
    records = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    report = check_export(records)
    results = {
        "articles": len(lines), "workers": args.workers,
        "run_seconds": round(run_seconds, 1), "spacy_alone_seconds": round(baseline, 1),
        "throughput_ratio_to_spacy": round(baseline / run_seconds, 3),
        "store_bytes_per_article": round(db.stat().st_size / max(1, len(lines))),
        "evidence": report,
    }
    print(json.dumps(results, indent=2))
    write_results(args.name, results)


if __name__ == "__main__":
    main()
