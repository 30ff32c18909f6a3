"""Helpers for benchmarks: where ../shared is, reading PolNeAR as articles, writing results as JSON."""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FUENTES_SHARED", REPO.parent / "shared"))
RESULTS = REPO / "bench" / "results"


def shared_path(*parts: str) -> Path:
    """Path inside ../shared/data; exits cleanly (status 0) with a message when absent."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        print(f"skipped: {path} is absent (benchmarks read ../shared/data at run time)")
        sys.exit(0)
    return path


def write_results(name: str, results: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"{name}.json"
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {target.relative_to(REPO)}")
    return target


def polnear_lines(limit: int) -> list[dict]:
    """The first `limit` PolNeAR texts (train, then dev) as JSON-line articles with their metadata."""
    root = shared_path("polnear", "data")
    with open(root / "metadata.tsv", encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    lines = []
    for split in ("train", "dev"):
        for path in sorted((root / split / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            lines.append({"id": path.stem, "text": path.read_text(encoding="utf-8"),
                          "outlet": row.get("publisher"), "title": row.get("title"),
                          "published": row.get("publication_date"), "language": "en",
                          "byline": row.get("author") if row.get("author") not in (None, "None") else None})
            if len(lines) >= limit:
                return lines
    return lines
