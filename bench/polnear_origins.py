"""PolNeAR wire labels through the shipped path: is a wire copy's origin its wire service?

    python bench/polnear_origins.py --split dev     # report split (84 texts, 6 wire-labelled)
    python bench/polnear_origins.py --split train   # tuning split (840 texts)

PolNeAR's `metadata.tsv` says, for each political news article of seven U.S. outlets, which wire
service (AP, Reuters, UPI) the article carries, if any. The split's texts become JSON lines
with their metadata (outlet, title, date, byline), run through `fuentes run` with the default
settings into a fresh store, and the articles are read back from `fuentes export`:

- origin recall: wire-labelled articles whose exported `origin` is their wire service;
- own-reporting precision: unlabelled articles whose origin is not a wire service;
- kind of the wire copies (`syndicated` expected).

Skips cleanly when ../shared is absent. Writes bench/results/polnear_origins.json (one entry
per split).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_derivation_corpus import POLNEAR, WIRES  # noqa: E402

from fuentes.corpus.credits import Gazetteer  # noqa: E402
from fuentes.ids import normalize_text  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "polnear_origins.json"
FUENTES = [sys.executable, "-m", "fuentes.cli"]


def split_lines(split: str) -> tuple[list[dict], dict[str, str | None]]:
    """The split's texts as JSON-line articles, and each article's gold wire (None: own reporting)."""
    lines, gold = [], {}
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["compartment"] != split:
                continue
            path = POLNEAR / split / "text" / f"{row['filename']}.txt"
            if not path.exists():
                continue
            lines.append({"id": row["filename"], "text": path.read_text(encoding="utf-8"),
                          "outlet": row["publisher"], "title": row["title"], "language": "en",
                          "published": row["publication_date"],
                          "byline": row["author"] if row["author"] not in ("None", "") else None})
            gold[row["filename"]] = WIRES.get((row["wire"] or "").strip().lower())
    return lines, gold


def run(split: str) -> dict:
    lines, gold = split_lines(split)
    gaz = Gazetteer.default()
    with tempfile.TemporaryDirectory() as tmp:
        inputs, db, export = Path(tmp) / f"polnear_{split}.jsonl", Path(tmp) / "store.db", Path(tmp) / "out.jsonl"
        inputs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run(FUENTES + ["run", str(inputs), "--db", str(db)], check=True, capture_output=True)
        seconds = time.perf_counter() - t0
        subprocess.run(FUENTES + ["export", "--db", str(db), "-o", str(export)], check=True, capture_output=True)
        articles = [rec for rec in map(json.loads, export.read_text(encoding="utf-8").splitlines())
                    if rec.get("type") == "article"]
    names = [line["id"] for line in lines]  # an article's `source` is "<file>#line N"
    wire_total = wire_ok = own_total = own_ok = 0
    kinds: Counter = Counter()
    misses = []
    for rec in articles:
        _, _, number = (rec.get("source") or "").rpartition("#line ")
        if not number.isdigit() or not 0 < int(number) <= len(names):
            continue
        name = names[int(number) - 1]
        origin = rec.get("origin")
        canon = normalize_text(gaz.canonical(origin) or "")
        wire = gold[name]
        if wire:
            wire_total += 1
            hit = canon == normalize_text(wire)
            wire_ok += hit
            kinds[rec.get("kind")] += 1
            if not hit:
                misses.append({"article": name, "gold": wire, "origin": origin, "kind": rec.get("kind")})
        else:
            own_total += 1
            ok = not gaz.is_wire(origin)
            own_ok += ok
            if not ok:
                misses.append({"article": name, "gold": None, "origin": origin, "kind": rec.get("kind")})
    return {"split": split, "articles": len(lines), "exported_articles": len(articles),
            "matched_to_labels": wire_total + own_total, "run_seconds": round(seconds, 1),
            "wire_labelled": wire_total, "origin_recall": round(wire_ok / max(wire_total, 1), 4),
            "wire_copy_kinds": dict(kinds), "own_reporting": own_total,
            "own_reporting_not_given_a_wire": round(own_ok / max(own_total, 1), 4), "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    args = parser.parse_args()
    if not (POLNEAR / "metadata.tsv").exists():
        print("skipped: ../shared/data/polnear is absent")
        return
    result = run(args.split)
    print(json.dumps(result, indent=1))
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[args.split] = result
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
