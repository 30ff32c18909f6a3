"""Entities that must never be one, on real news through the shipped path.

    nice -n 10 python bench/entity_pairs.py [--limit 924] [--spanish 300] [--workers 1] [--keep DIR]

`fuentes run` (default settings) on the PolNeAR texts (train, then dev, with their metadata) and,
in a second store, on Spanish SemEval-2022 articles (training set, then testing set); then
`fuentes export --format jsonl`. Every exported entity is checked against `NEVER_ONE`, a
team-written list of pairs that are two different referents although their names share words:
members of one family, newspapers sharing a word, a person and an organisation named after
them, a group and a government department. An entity holds a side of a pair when its name or
one of its aliases is one of that side's full names (case- and accent-insensitive); an entity
holding both sides is a violation. Bare surnames and single shared words are not full names,
so an alias "Clinton" holds neither Clinton.

Also reported per store: the 20 entities found in the most articles, with their aliases (what
an analyst sees first). Results: bench/results/entity_pairs.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import polnear_lines, shared_path, write_results  # noqa: E402

# (what the two are, full names of one, full names of the other)
NEVER_ONE: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("spouses", ("Barack Obama", "Barack Hussein Obama", "President Barack Obama"), ("Michelle Obama",)),
    ("spouses", ("Bill Clinton", "William Jefferson Clinton", "President Bill Clinton"),
     ("Hillary Clinton", "Hillary Rodham Clinton")),
    ("parent and child", ("Hillary Clinton", "Hillary Rodham Clinton"), ("Chelsea Clinton",)),
    ("parent and child", ("Bill Clinton", "William Jefferson Clinton"), ("Chelsea Clinton",)),
    ("spouses", ("Ted Cruz", "Rafael Edward Cruz"), ("Heidi Cruz",)),
    ("spouses", ("Donald Trump", "Donald J. Trump", "Donald John Trump"), ("Melania Trump",)),
    ("parent and child", ("Donald Trump", "Donald J. Trump"), ("Donald Trump Jr.", "Donald Trump Jr", "Don Jr.")),
    ("parent and child", ("Donald Trump", "Donald J. Trump"), ("Ivanka Trump",)),
    ("parent and child", ("Donald Trump", "Donald J. Trump"), ("Eric Trump",)),
    ("siblings", ("Donald Trump Jr.", "Donald Trump Jr"), ("Eric Trump",)),
    ("step-mother and son", ("Melania Trump",), ("Donald Trump Jr.", "Donald Trump Jr")),
    ("brothers", ("Jeb Bush", "John Ellis Bush"), ("George W. Bush", "George Bush")),
    ("father and son", ("George H.W. Bush", "George H. W. Bush", "George Herbert Walker Bush"),
     ("George W. Bush", "Jeb Bush")),
    ("spouses", ("Bernie Sanders",), ("Jane Sanders", "Jane O'Meara Sanders")),
    ("spouses", ("John McCain",), ("Cindy McCain",)),
    ("father and son", ("Joe Biden",), ("Beau Biden", "Hunter Biden")),
    ("spouses", ("Mike Pence",), ("Karen Pence",)),
    ("brothers", ("Joaquín Guzmán Loera", "Joaquín Guzmán"), ("Ovidio Guzmán", "Ovidio Guzmán López")),
    ("father and son", ("Ismael Zambada", "Ismael Zambada García"), ("Vicente Zambada", "Vicente Zambada Niebla")),
    ("newspapers sharing a word", ("The New York Times", "New York Times"), ("Tampa Bay Times",)),
    ("newspapers sharing a word", ("The New York Times", "New York Times"), ("Los Angeles Times", "LA Times")),
    ("newspapers sharing a word", ("The New York Times", "New York Times"), ("Financial Times",)),
    ("newspapers sharing a word", ("The New York Times", "New York Times"), ("The Washington Times", "Washington Times")),
    ("newspapers sharing a word", ("New York Post", "The New York Post"), ("The Washington Post", "Washington Post")),
    ("newspapers sharing a word", ("The Washington Post", "Washington Post"), ("The Huffington Post", "Huffington Post",
                                                                              "HuffPost")),
    ("newspapers sharing a word", ("The Wall Street Journal", "Wall Street Journal"), ("Milwaukee Journal Sentinel",)),
    ("newspapers sharing a word", ("El Universal",), ("El Universo",)),
    ("group and department", ("Islamic State", "Estado Islámico"), ("State Department", "Department of State",
                                                                    "Departamento de Estado")),
    ("person and department", ("Jim Justice",), ("Justice Department", "Department of Justice",
                                                 "Departamento de Justicia")),
    ("person and foundation", ("Hillary Clinton", "Bill Clinton"), ("Clinton Foundation",)),
    ("person and company", ("Donald Trump", "Donald J. Trump"), ("Trump Organization", "The Trump Organization")),
    ("person and university", ("Donald Trump", "Donald J. Trump"), ("Trump University",)),
    ("person and company", ("Carlos Slim", "Carlos Slim Helú"), ("Grupo Carso",)),
    ("state and city", ("New York State", "State of New York"), ("New York City",)),
    ("country and city", ("Mexico", "México"), ("Mexico City", "Ciudad de México")),
    ("party and people", ("Republican Party",), ("Democratic Party",)),
]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def names_of(entity: dict) -> set[str]:
    return {fold(n) for n in [entity.get("name") or "", *(entity.get("aliases") or [])] if n}


def violations(entities: list[dict], pairs=NEVER_ONE) -> list[dict]:
    """Each entity holding both sides of a pair: which pair, and the names it holds of each."""
    found = []
    for entity in entities:
        names = names_of(entity)
        for what, one, other in pairs:
            a = sorted(n for n in one if fold(n) in names)
            b = sorted(n for n in other if fold(n) in names)
            if a and b:
                found.append({"entity": entity.get("name"), "id": entity.get("id"), "kind": entity.get("kind"),
                              "pair": what, "holds": [a, b]})
    return found


def largest(entities: list[dict], n: int = 20) -> list[dict]:
    """The `n` entities found in the most articles, with their kinds and aliases."""
    ranked = sorted(entities, key=lambda e: (-len(e.get("articles") or []), e.get("name") or ""))
    return [{"name": e.get("name"), "kind": e.get("kind"), "articles": len(e.get("articles") or []),
             "aliases": [a for a in e.get("aliases") or [] if a != e.get("name")]} for e in ranked[:n]]


def semeval_lines(limit: int | None = None, names: tuple[str, ...] = ("training_set.csv", "testing_set.csv")) -> list[dict]:
    """The first `limit` (None: all) distinct Spanish articles of SemEval-2022 task 8 files `names`
    (by default the training, then the testing set)."""
    root = shared_path("semeval2022-task8-sample")
    csv.field_size_limit(10 ** 9)
    lines, seen = [], set()
    for name in names:
        with open(root / name, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for side in ("1", "2"):
                    text = (row.get("text" + side) or "").strip()
                    if row.get("lang" + side) != "es" or not text or text[:300] in seen:
                        continue
                    seen.add(text[:300])
                    lines.append({"id": f"semeval-{row['pair_id']}-{side}", "text": text, "language": "es",
                                  "title": row.get("title" + side) or None})
                    if limit is not None and len(lines) >= limit:
                        return lines
    return lines


def run(lines: list[dict], work: Path, workers: int) -> tuple[list[dict], float]:
    work.mkdir(parents=True, exist_ok=True)
    source, db, export = work / "inputs.jsonl", work / "store.db", work / "export.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    db.unlink(missing_ok=True)
    exe = Path(sys.executable).parent / "fuentes"
    started = time.perf_counter()
    done = subprocess.run([str(exe), "run", str(source), "--db", str(db), "--workers", str(workers), "--no-progress"])
    if done.returncode not in (0, 1):  # 1: some inputs rejected
        raise SystemExit(f"fuentes run failed with status {done.returncode}")
    seconds = time.perf_counter() - started
    subprocess.run([str(exe), "export", "--db", str(db), "--format", "jsonl", "--output", str(export)], check=True)
    records = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r.get("type") == "entity"], seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=924, help="PolNeAR texts (train, then dev; 924 is all)")
    parser.add_argument("--spanish", type=int, default=300, help="Spanish SemEval articles (0: none)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder to keep the inputs, stores and exports in")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="fuentes-entity-pairs-"))
    sets = {"polnear": polnear_lines(args.limit)}
    if args.spanish:
        sets["semeval_es"] = semeval_lines(args.spanish)
    results: dict = {"pairs_checked": len(NEVER_ONE), "sets": {}}
    for name, lines in sets.items():
        entities, seconds = run(lines, work / name, args.workers)
        found = violations(entities)
        results["sets"][name] = {"articles": len(lines), "run_seconds": round(seconds, 1), "entities": len(entities),
                                 "violations": found, "largest": largest(entities)}
        print(f"{name}: {len(lines)} articles, {len(entities)} entities, {len(found)} entities holding both sides "
              f"of a pair ({seconds:.0f} s)")
        for item in found:
            print(f"  {item['entity']} ({item['kind']}): {item['pair']}: {item['holds']}")
        for item in results["sets"][name]["largest"]:
            print(f"  {item['articles']:4d} {item['kind'][:6]:6s} {item['name']} | {', '.join(item['aliases'])[:120]}")
    write_results("entity_pairs", results)


if __name__ == "__main__":
    main()
