"""Event typing through the shipped path, in ACLED's vocabulary.

Each labelled item becomes one JSON line with `text`; `fuentes run` analyses the file with
default settings into a fresh store and `fuentes export` writes the knowledge base; an item's
label is the ACLED sub-event type of its first event (by position in the item: the sentence
that tells it, then its trigger) that carries one, as CASE 2021 task 2 is scored ("none" when
no event carries one).

Sets:
  team      the examples the fuentes team wrote for every ACLED sub-event type, English and
            Spanish (tests/extract/test_event_types.py): what the rules were written and
            tuned on; shown for reference, not a measure of transfer
  case2021  CASE 2021 task 2 sample_data (5 real snippets with gold labels) in ../shared; the
            task's test set is held out (scored by the team on the same path)
  glocon    GloCon Gold sample: South-African news documents labelled protest / not protest.
            Sorted by id, the documents at even positions are the tuning split (nothing has been
            tuned on them), those at odd positions the report split: share of protest documents
            that get a Protests or Riots event, and share of the others that get one (false
            alarms)

Per ACLED event type: the share of labelled items that get an event of that type. CASE:
accuracy and weighted F1 over the task's labels. With `--base PATH` (a checkout of an earlier
fuentes, e.g. `git worktree add ../events-base HEAD`) the same items run through
that code too (PYTHONPATH=PATH; its events are coded by its own event_types.yaml when they
carry no ACLED fields). Cost: the events stage's time as a ratio to spaCy's on the report
documents, in one process.

    python bench/events.py [--base ../events-base] [--glocon N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._shared import REPO, shared_path, write_results  # noqa: E402

# CASE 2021 task 2 labels -> ACLED sub-event types (the task's types are ACLED's)
CASE_TO_ACLED = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
}


def acled_parent() -> dict[str, str]:
    import yaml

    data = yaml.safe_load((REPO / "fuentes/extract/data/acled_taxonomy.yaml").read_text(encoding="utf-8"))
    return {sub: etype for etype, subs in data.items() for sub in subs}


def run_items(items: list[dict], code: Path, work: Path) -> list[list[dict]]:
    """The events of each item (in item order), through `fuentes run` and `fuentes export`
    with the fuentes at `code`."""
    work.mkdir(parents=True, exist_ok=True)
    src, db, out = work / "items.jsonl", work / "store.db", work / "export.jsonl"
    for p in (db, out):
        p.unlink(missing_ok=True)
    with src.open("w", encoding="utf-8") as f:
        for n, it in enumerate(items):
            f.write(json.dumps({"text": it["text"], "language": it.get("language", "en"), "outlet": f"item{n}",
                                "url": f"https://items.example/{n}"}, ensure_ascii=False) + "\n")
    env = {**os.environ, "PYTHONPATH": str(code)}
    cli = [sys.executable, "-c", "from fuentes.cli import app; app()"]
    done = subprocess.run(cli + ["run", str(src), "--db", str(db)], env=env, capture_output=True, text=True, cwd=code)
    if done.returncode and not db.exists():
        raise RuntimeError(done.stderr[-2000:])
    if done.returncode:  # some items rejected (duplicates, empty): the others are scored
        print("  fuentes run:", (done.stderr.strip().splitlines() or [""])[-1][:200])
    subprocess.run(cli + ["export", "--db", str(db), "--output", str(out)], env=env, check=True,
                   capture_output=True, cwd=code)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = {}
    for r in records:
        if r["type"] == "article" and "#line" in (r.get("source") or ""):
            index[r["id"]] = int(r["source"].rsplit("#line", 1)[1].strip()) - 1
    codes = old_codes(code)
    per: list[list[tuple[int, dict]]] = [[] for _ in items]
    for r in records:
        if r["type"] != "event":
            continue
        if "acled_sub_event_type" not in r:  # an earlier fuentes: its own table codes the type
            pair = codes.get(r["event_type"])
            r["acled_event_type"], r["acled_sub_event_type"] = pair if pair else (None, None)
        for art in r["articles"]:
            if art in index:
                spans = [ev for ev in r.get("evidence") or [] if ev.get("article") == art]
                # position in the item: the sentence that tells it, then its trigger (the shortest
                # span of the events extractor) among events told by one sentence
                told = [ev for ev in spans if ev.get("extractor", "").split("@")[0] == "events"]
                trigger = min(told, key=lambda ev: (ev["end"] - ev["start"], ev["start"]))["start"] if told else 0
                per[index[art]].append(((min((ev["start"] for ev in spans), default=0), trigger), r))
    return [[r for _, r in sorted(evs, key=lambda x: x[0])] for evs in per]


def old_codes(code: Path) -> dict[str, tuple[str, str] | None]:
    import yaml

    data = yaml.safe_load((code / "fuentes/extract/data/event_types.yaml").read_text(encoding="utf-8"))
    return {k: (tuple(v["acled"]) if v.get("acled") else None) for k, v in data.items()}


def first_label(events: list[dict]) -> str:
    return next((e["acled_sub_event_type"] for e in events if e.get("acled_sub_event_type")), "none")


def per_type(gold: list[str], events: list[list[dict]], parent: dict[str, str]) -> dict:
    """Per ACLED event type: share of its items with an event of that type (anywhere in the item)."""
    hit, total = Counter(), Counter()
    for g, evs in zip(gold, events):
        etype = parent.get(g, g)
        total[etype] += 1
        hit[etype] += any(e.get("acled_event_type") == etype for e in evs)
    return {t: {"items": total[t], "with_event_of_type": round(hit[t] / total[t], 3)} for t in sorted(total)}


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    labels = set(gold)
    f1s, weights = [], []
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        fp = sum(p == lab and g != lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        weights.append(sum(g == lab for g in gold))
    return round(100 * sum(f * w for f, w in zip(f1s, weights)) / sum(weights), 1)


def score(gold: list[str], events: list[list[dict]], parent: dict[str, str]) -> dict:
    pred = [first_label(evs) for evs in events]
    return {"items": len(gold), "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 3),
            "weighted_f1": weighted_f1(gold, pred), "per_acled_event_type": per_type(gold, events, parent),
            "misses": [(g, p) for g, p in zip(gold, pred) if g != p]}


def team_items() -> tuple[list[dict], list[str]]:
    sys.path.insert(0, str(REPO))
    from tests.extract.test_event_types import EXAMPLES

    items, gold = [], []
    for label, en, es in EXAMPLES:
        items += [{"text": en, "language": "en"}, {"text": es, "language": "es"}]
        gold += [label, label]
    return items, gold


def case_items() -> tuple[list[dict], list[str]]:
    base = shared_path("case2021-shared-task", "task2", "sample_data")
    texts = dict(line.split("\t", 1) for line in (base / "sample_input.txt").read_text().splitlines() if line.strip())
    labels = dict(line.split("\t", 1) for line in (base / "sample_output.txt").read_text().splitlines() if line.strip())
    keys = sorted(texts, key=int)
    return [{"text": texts[k].strip()} for k in keys], [CASE_TO_ACLED[labels[k].strip()] for k in keys]


def glocon_items(limit: int | None) -> tuple[list[dict], list[int]]:
    base = shared_path("glocon-gold-sample", "sample")
    lines = lambda path: [json.loads(x) for x in path.read_text().splitlines() if x.strip()]  # noqa: E731
    docs = sorted((d for d in lines(base / "document" / "Sabinet_R.json") if d["label"] in (0, 1)), key=lambda d: d["id"])
    report = docs[1::2]  # by id: even positions are the tuning split (nothing was tuned on them), odd the report
    if limit:  # every protest document, and as many others in file order
        pos = [d for d in report if d["label"] == 1]
        report = pos + [d for d in report if d["label"] == 0][: max(0, limit - len(pos))]
    return [{"text": d["text"]} for d in report], [d["label"] for d in report]


def glocon_score(labels: list[int], events: list[list[dict]]) -> dict:
    found = [any(e.get("acled_event_type") in ("Protests", "Riots") for e in evs) for evs in events]
    pos = [f for f, lab in zip(found, labels) if lab == 1]
    neg = [f for f, lab in zip(found, labels) if lab == 0]
    return {"protest_documents": len(pos), "other_documents": len(neg),
            "protest_documents_with_protest_or_riot_event": round(sum(pos) / len(pos), 3) if pos else None,
            "other_documents_with_protest_or_riot_event": round(sum(neg) / len(neg), 3) if neg else None}


def cost(items: list[tuple[str, str]], unit: str = "documents") -> dict:
    """Seconds of spaCy (stage nlp) and of the events stage over the same (text, language) items,
    one process, after a warm-up on one item of each language (the models, and the typing
    scorer's type vectors, computed once per process)."""
    import fuentes.extract.entities  # noqa: F401
    import fuentes.extract.events  # noqa: F401
    import fuentes.nlp.stage  # noqa: F401
    from fuentes.doc import ArticleDoc
    from fuentes.extract.event_typing import scorer
    from fuentes.pipeline import Pipeline

    nlp, ent, events = Pipeline.from_names(["nlp", "entities", "events"],
                                           initial=("body", "language", "meta", "id")).stages

    def doc(n: int, text: str, language: str) -> ArticleDoc:
        return ArticleDoc(source=str(n), format="text", layers={"body": text, "language": language, "id": str(n),
                                                                  "meta": {}})

    for language in dict.fromkeys(language for _, language in items):
        first = next(text for text, lang in items if lang == language)
        events.process(ent.process(nlp.process(doc(0, first, language))))
    if scorer().available:
        scorer().vector("warm up")
    nlp_time = ev_time = 0.0
    for n, (text, language) in enumerate(items):
        d = doc(n, text, language)
        t0 = time.perf_counter()
        d = nlp.process(d)
        t1 = time.perf_counter()
        d = ent.process(d)
        t2 = time.perf_counter()
        events.process(d)
        ev_time += time.perf_counter() - t2
        nlp_time += t1 - t0
    return {unit: len(items), "spacy_seconds": round(nlp_time, 2), "events_seconds": round(ev_time, 2),
            "events_to_spacy": round(ev_time / nlp_time, 3)}

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=Path, help="an earlier fuentes checkout to compare with")
    ap.add_argument("--glocon", type=int, default=300, help="report documents (all protest ones, then others)")
    args = ap.parse_args()
    parent = acled_parent()
    codes = {"current": REPO, **({"base": args.base} if args.base else {})}
    results: dict = {"method": __doc__.split("\n\n")[0], "sets": {}}
    team, team_gold = team_items()
    case, case_gold = case_items()
    glocon, glocon_gold = glocon_items(args.glocon)
    with tempfile.TemporaryDirectory() as tmp:
        for name, code in codes.items():
            print(f"[{name}] team examples ...", flush=True)
            ev = run_items(team, code, Path(tmp) / name / "team")
            results["sets"].setdefault("team", {})[name] = score(team_gold, ev, parent)
            print(f"[{name}] CASE 2021 sample ...", flush=True)
            ev = run_items(case, code, Path(tmp) / name / "case")
            results["sets"].setdefault("case2021_sample", {})[name] = score(case_gold, ev, parent)
            print(f"[{name}] GloCon report split ({len(glocon)} documents) ...", flush=True)
            ev = run_items(glocon, code, Path(tmp) / name / "glocon")
            results["sets"].setdefault("glocon_report", {})[name] = glocon_score(glocon_gold, ev)
    results["cost"] = cost([(it["text"], "en") for it in glocon[:150]])
    for set_name, by_code in results["sets"].items():
        for name, res in by_code.items():
            brief = {k: v for k, v in res.items() if k not in ("per_acled_event_type", "misses")}
            print(set_name, name, brief)
    print("cost", results["cost"])
    write_results("events", results)


if __name__ == "__main__":
    main()
