"""The entities an analyst sees first, on real news through the shipped path.

    nice -n 10 python bench/entity_top.py [--split tuning|report] [--top 100] [--workers 1] [--keep DIR]

`fuentes run` (default settings) then `fuentes export --format jsonl` on PolNeAR texts (tuning:
the train split; report: the dev split) and, in a second store, on the distinct Spanish articles of
SemEval-2022 task 8 (tuning: the training set; report: the testing set). Prints the `--top`
entities found in the most articles, each with its kind and aliases: the list to read for junk
(demonyms or party adjectives as entities, sentence-start words, institutions typed as places,
headline words kept in a name or an alias). Results: bench/results/entity_top_<split>.json.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import polnear_lines, shared_path, write_results  # noqa: E402
from entity_pairs import largest, run, semeval_lines  # noqa: E402

SPLITS = {"tuning": ("train", "training_set.csv"), "report": ("dev", "testing_set.csv")}


def polnear_split(split: str) -> list[dict]:
    """The PolNeAR texts of one split (`train` or `dev`) as JSON-line articles."""
    stems = {path.stem for path in shared_path("polnear", "data", split, "text").glob("*.txt")}
    return [line for line in polnear_lines(10 ** 6) if line["id"] in stems]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=sorted(SPLITS), default="tuning")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--only", choices=("polnear", "semeval_es"), help="run one set only")
    parser.add_argument("--keep", type=Path, help="folder to keep the inputs, stores and exports in")
    args = parser.parse_args()
    polnear, semeval = SPLITS[args.split]
    work = args.keep or Path(tempfile.mkdtemp(prefix="fuentes-entity-top-"))
    sets = {"polnear": lambda: polnear_split(polnear), "semeval_es": lambda: semeval_lines(names=(semeval,))}
    results: dict = {"split": args.split, "top": args.top, "sets": {}}
    for name, read in sets.items():
        if args.only and name != args.only:
            continue
        lines = read()
        entities, seconds = run(lines, work / name, args.workers)
        top = largest(entities, args.top)
        results["sets"][name] = {"articles": len(lines), "entities": len(entities), "run_seconds": round(seconds, 1),
                                 "top": top}
        print(f"{name} ({args.split}): {len(lines)} articles, {len(entities)} entities ({seconds:.0f} s); "
              f"the {len(top)} in the most articles:")
        for rank, item in enumerate(top, 1):
            print(f"  {rank:3d} {item['articles']:4d} {(item['kind'] or '')[:6]:6s} {item['name']} | "
                  f"{', '.join(item['aliases'])[:160]}")
    write_results(f"entity_top_{args.split}", results)


if __name__ == "__main__":
    main()
