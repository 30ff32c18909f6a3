"""Quote extraction benchmark: Gender Gap Tracker quotes (English) and PolNeAR attributions.

    python bench/quotes.py [--limit N] [--skip-polnear]

GGT (`../shared/data/ggt-quotes-en/ggt_quotes_dev.json`): a gold quote is found when a
predicted quote covers at least 30 % (and 80 %) of its word tokens (GGT's spans drift, so
texts are compared, as the dataset notes advise); each prediction matches at most one gold
quote. Speaker accuracy: of the found quotes, the share whose speaker is the annotated
`reference` (same words, or one name's words inside the other's: "Telford" / "Hamish
Telford"; `strict` counts equal names only). textacy's direct-quotation extractor runs on
the same spaCy Docs. PolNeAR dev: content found at 50 % token overlap, source right when
the predicted speaker shares a word with the annotated Source span.
Cost: the entity and quote stages' time as a ratio to spaCy's own time on the same texts.
Writes bench/results/quotes.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FUENTES_SHARED", REPO.parent / "shared"))
GGT = SHARED / "data" / "ggt-quotes-en" / "ggt_quotes_dev.json"
POLNEAR = SHARED / "data" / "polnear" / "data" / "dev"
RESULTS = REPO / "bench" / "results" / "quotes.json"
PUBLISHED = {"quote_f1_0.3": 83.7, "quote_f1_0.8": 76.1, "speaker_accuracy": 86.5}
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("\u2019", "'").casefold())


def coverage(gold: Counter, pred: Counter) -> float:
    total = sum(gold.values())
    return sum((gold & pred).values()) / total if total else 0.0


def match(gold: list[dict], pred: list[dict], threshold: float) -> list[tuple[dict, dict]]:
    """GGT's greedy matching: each gold quote takes the best remaining prediction."""
    left, pairs = list(pred), []
    for g in gold:
        gw = Counter(words(g["text"]))
        scored = [(coverage(gw, Counter(words(p["text"]))), n) for n, p in enumerate(left)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= threshold:
            pairs.append((g, left.pop(best[1])))
    return pairs


def same_person(pred: str | None, gold: str | None, strict: bool = False) -> bool:
    if not pred or not gold:
        return False
    a, b = set(words(pred)), set(words(gold))
    return a == b if strict else bool(a) and bool(b) and (a <= b or b <= a)


def score(golds: list[list[dict]], preds: list[list[dict]], threshold: float) -> dict:
    tp = fn = fp = spk = strict = 0
    for gold, pred in zip(golds, preds):
        pairs = match(gold, pred, threshold)
        tp, fn, fp = tp + len(pairs), fn + len(gold) - len(pairs), fp + len(pred) - len(pairs)
        spk += sum(same_person(p["speaker"], g["speaker"]) for g, p in pairs)
        strict += sum(same_person(p["speaker"], g["speaker"], True) for g, p in pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f1, 1),
            "speaker_accuracy": round(100 * spk / tp, 1) if tp else 0.0,
            "speaker_accuracy_strict": round(100 * strict / tp, 1) if tp else 0.0,
            "gold": tp + fn, "predicted": tp + fp}


class Runner:
    """spaCy, then fuentes' entity and quote stages, timed separately."""

    def __init__(self) -> None:
        from fuentes.nlp.models import pipeline_for

        self.nlp = pipeline_for("en")[0]
        self.times = Counter()

    def run(self, text: str, article: str) -> tuple[object, list]:
        from fuentes.extract.entities import extract
        from fuentes.extract.quotes import extract_quotes

        t0 = time.perf_counter()
        sdoc = self.nlp(text)
        t1 = time.perf_counter()
        mentions, entities = extract(sdoc, "en", article)
        t2 = time.perf_counter()
        quotes = extract_quotes(text, sdoc, mentions, entities, "en", article)
        t3 = time.perf_counter()
        self.times.update({"spacy": t1 - t0, "entities": t2 - t1, "quotes": t3 - t2})
        return sdoc, quotes


def textacy_quotes(sdoc) -> list[dict]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        for triple in direct_quotations(sdoc):
            content = sdoc[triple.content[0].i:triple.content[-1].i + 1].text.strip("\"'\u201c\u201d ")
            out.append({"text": content, "speaker": " ".join(t.text for t in triple.speaker)})
    except (ValueError, IndexError, KeyError) as exc:  # textacy gives up on some layouts
        print(f"  textacy failed on a document: {exc}", file=sys.stderr)
    return out


def bench_ggt(runner: Runner, limit: int | None) -> dict:
    data = json.loads(GGT.read_text(encoding="utf-8"))[:limit]
    golds, ours, theirs = [], [], []
    for art in data:
        golds.append([{"text": q["quote"], "speaker": q["reference"]} for q in art["quotes"]])
        sdoc, quotes = runner.run(art["text"], str(art["id"]))
        ours.append([{"text": q.text, "speaker": q.speaker_name} for q in quotes])
        theirs.append(textacy_quotes(sdoc))
    result = {"articles": len(data)}
    for name, preds in (("fuentes", ours), ("textacy", theirs)):
        result[name] = {str(t): score(golds, preds, t) for t in (0.3, 0.8)}
    return result


def polnear_gold(ann: Path) -> list[dict]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offsets = parts[1].split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets[0].split(";")] if offsets else []
            spans[parts[0]] = (kind, frags, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    gold = []
    for ev in events:
        content, source = spans.get(ev.get("Content", "")), spans.get(ev.get("Source", ""))
        if content:
            gold.append({"text": content[2], "speaker": source[2] if source else None})
    return gold


def bench_polnear(runner: Runner, limit: int | None) -> dict:
    texts = sorted((POLNEAR / "text").glob("*.txt"))[:limit]
    anns = {p.stem.rsplit("_", 1)[0]: p for p in (POLNEAR / "attributions").glob("*.ann")}
    golds, preds = [], []
    for path in texts:
        ann = anns.get(path.stem)
        if ann is None:
            continue
        golds.append(polnear_gold(ann))
        _, quotes = runner.run(path.read_text(encoding="utf-8"), path.stem)
        preds.append([{"text": q.text, "speaker": q.speaker_name} for q in quotes])
    content = score(golds, preds, 0.5)
    src = with_source = 0
    for gold, pred in zip(golds, preds):
        for g, p in match(gold, pred, 0.5):
            if g["speaker"]:
                with_source += 1
                src += bool(set(words(g["speaker"])) & set(words(p["speaker"] or "")))
    return {"articles": len(golds), "content_at_0.5": content,
            "source_accuracy": round(100 * src / with_source, 1) if with_source else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per data set")
    parser.add_argument("--skip-polnear", action="store_true")
    args = parser.parse_args()
    if not GGT.exists():
        print(f"skipped: {GGT} is absent (set FUENTES_SHARED to the shared folder)")
        return
    runner = Runner()
    result = {"published_ggt_v7": PUBLISHED, "ggt": bench_ggt(runner, args.limit)}
    if not args.skip_polnear and POLNEAR.exists():
        result["polnear_dev"] = bench_polnear(runner, args.limit)
    t = runner.times
    result["cost"] = {"spacy_s": round(t["spacy"], 2), "entities_s": round(t["entities"], 2),
                      "quotes_s": round(t["quotes"], 2),
                      "quotes_ratio": round(t["quotes"] / t["spacy"], 3),
                      "entities_plus_quotes_ratio": round((t["entities"] + t["quotes"]) / t["spacy"], 3)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    _print(result)


def _print(result: dict) -> None:
    print(f"{'system':10} {'thr':>4} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'strict':>7}")
    for name in ("fuentes", "textacy"):
        for thr, s in result["ggt"][name].items():
            print(f"{name:10} {thr:>4} {s['precision']:6.1f} {s['recall']:6.1f} {s['f1']:6.1f} "
                  f"{s['speaker_accuracy']:8.1f} {s['speaker_accuracy_strict']:7.1f}")
    pub = result["published_ggt_v7"]
    print(f"{'GGT v7':10} {'0.3':>4} {'':6} {'':6} {pub['quote_f1_0.3']:6.1f} {pub['speaker_accuracy']:8.1f}")
    if "polnear_dev" in result:
        pn = result["polnear_dev"]
        c = pn["content_at_0.5"]
        print(f"PolNeAR dev ({pn['articles']} articles): content P {c['precision']} R {c['recall']} "
              f"F1 {c['f1']}; source accuracy {pn['source_accuracy']}")
    print("cost:", result["cost"])


if __name__ == "__main__":
    main()
