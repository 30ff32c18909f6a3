"""Helpers for benchmarks: where ../shared is, and writing results as JSON."""

from __future__ import annotations

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
