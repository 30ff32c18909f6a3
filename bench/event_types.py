"""Event typing of short items (CASE 2021 task 2 scoring) through the shipped path.

Each item becomes one JSON line with `text`; `fuentes run` analyses the file with default
settings into a fresh store and `fuentes export` writes the knowledge base; an item's label is
the ACLED sub-event type of its first event (by position in the item) that carries one ("none"
when no event does). Weighted F1 over the gold labels, as the shared task scores.

Sets (fuentes/extract/data/event_examples.yaml, written by the team; none copied from an
evaluation set):
  heldout   odd positions of each list: never used to fit or tune the scorer (the report)
  train     even positions: the scorer's examples, its weights chosen by leave-one-out on
            them (reference only: the scorer has seen them)
  none      items that tell no ACLED event: the share that get an event with a sub-event type
  case2021  the 5 labelled samples of CASE 2021 task 2 in ../shared (the test set is held out)

Each set runs twice: as shipped, and with FUENTES_EVENT_TYPING=off (triggers alone), so the
scorer's part is seen. Cost: the events stage's time as a ratio to spaCy's over the heldout and
CASE items, in one process, scorer on.

    python bench/event_types.py [--sets heldout,case2021] [--no-ablation] [--no-cost]
                                [--no-write] [--show-misses]   (misses shown for tuning sets only)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._shared import REPO, write_results  # noqa: E402
from bench.events import acled_parent, case_items, cost, first_label, run_items, score, weighted_f1  # noqa: E402


def example_items(split: str) -> tuple[list[dict], list[str]]:
    from fuentes.extract.event_typing import examples

    rows = examples(split)
    return [{"text": text, "language": lang} for _, lang, text in rows], [label for label, _, _ in rows]


def negative_items(split: str | None = None) -> list[dict]:
    from fuentes.extract.event_typing import negatives

    return [{"text": text, "language": lang} for lang, text in negatives(split)]


def by_language(items: list[dict], gold: list[str], events: list[list[dict]]) -> dict:
    out = {}
    for lang in sorted({it.get("language", "en") for it in items}):
        idx = [n for n, it in enumerate(items) if it.get("language", "en") == lang]
        g = [gold[n] for n in idx]
        p = [first_label(events[n]) for n in idx]
        out[lang] = {"items": len(idx), "weighted_f1": weighted_f1(g, p),
                     "accuracy": round(sum(a == b for a, b in zip(g, p)) / len(idx), 3)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="heldout,train,none,case2021")
    ap.add_argument("--no-ablation", action="store_true", help="skip the run with the scorer off")
    ap.add_argument("--no-cost", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print only; bench/results/event_types.json untouched")
    ap.add_argument("--show-misses", action="store_true",
                    help="print the text of each miss (never for the heldout set: it is not for tuning)")
    args = ap.parse_args()
    parent = acled_parent()
    wanted = args.sets.split(",")
    sets: dict[str, tuple[list[dict], list[str] | None]] = {}
    if "heldout" in wanted:
        sets["heldout"] = example_items("heldout")
    if "train" in wanted:
        sets["train"] = example_items("train")
    if "none" in wanted:
        sets["none"] = (negative_items(), None)
    if "case2021" in wanted:
        items, gold = case_items()
        sets["case2021"] = ([{**it, "language": "en"} for it in items], gold)
    modes = {"shipped": None} if args.no_ablation else {"shipped": None, "triggers_only": "off"}
    results: dict = {"method": __doc__.split("\n\n")[0], "sets": {}}
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        for mode, switch in modes.items():
            if switch:
                os.environ["FUENTES_EVENT_TYPING"] = switch
            else:
                os.environ.pop("FUENTES_EVENT_TYPING", None)
            for name, (items, gold) in sets.items():
                print(f"[{mode}] {name} ({len(items)} items) ...", flush=True)
                events = run_items(items, REPO, Path(tmp) / mode / name)
                if gold is None:
                    typed = [first_label(evs) != "none" for evs in events]
                    res = {"items": len(items), "with_acled_event": round(sum(typed) / len(items), 3),
                           "labels": [first_label(evs) for evs in events]}
                else:
                    res = score(gold, events, parent)
                    res["by_language"] = by_language(items, gold, events)
                    if args.show_misses and name != "heldout":
                        for it, g, evs in zip(items, gold, events):
                            if first_label(evs) != g:
                                print(f"  MISS {it.get('language')} {g} -> {first_label(evs)} "
                                      f"{[e['event_type'] for e in evs]}: {it['text'][:160]!r}")
                results["sets"].setdefault(name, {})[mode] = res
        os.environ.pop("FUENTES_EVENT_TYPING", None)
    if not args.no_cost:
        items = sets.get("heldout", ([], None))[0] + sets.get("case2021", ([], None))[0]
        results["cost"] = cost([(it["text"], it["language"]) for it in items], unit="items")
    for name, by_mode in results["sets"].items():
        for mode, res in by_mode.items():
            brief = {k: v for k, v in res.items() if k not in ("per_acled_event_type", "misses", "labels")}
            print(name, mode, brief)
    if "cost" in results:
        print("cost", results["cost"])
    if not args.no_write:
        write_results("event_types", results)


if __name__ == "__main__":
    main()
