"""Claims benchmark, through the shipped path (`fuentes run` then `fuentes export`, default settings).

    python bench/claims.py seeds      # ../shared/corpus/seeds: expected claims and discrepancies
    python bench/claims.py examples   # examples/articles: the four discrepancies of examples/README.md
    python bench/claims.py planted [--limit N]   # PolNeAR dev articles republished with planted changes

seeds / examples: each expected claim is looked up among the exported claims (the claim whose
supporting sentences cover at least half of its words, among those stated in one of its
articles) and its independent count compared; each expected discrepancy is found when some
exported discrepancy has, for every expected version, a version stated by (at least) its
articles that shares a word with it; every other exported discrepancy is an extra. Also: the
claims with `contradicted_by` and their grades (a contradicted claim must never be 1 or 2).

planted: each PolNeAR dev article (`../shared/data/polnear/data/dev`) is published by an
invented outlet and republished by another (a JSONL feed, one outlet and title per line). The
copy has either nothing changed, or exactly one figure, date or outcome (won / lost, killed /
captured ...) changed in one sentence outside quotes; a copy with a changed kind that finds
nothing to change is counted as unchanged. Measured: recall of the changes (a discrepancy whose versions hold
the changed sentence of both articles), discrepancies on unchanged pairs (any discrepancy
between the two articles of a pair), and the grade of the changed sentence's claim; by kind.
Writes bench/results/claims-<mode>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FUENTES_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = REPO / "examples"
POLNEAR = SHARED / "data" / "polnear" / "data" / "dev"
RESULTS = REPO / "bench" / "results"
STOP = {"the", "a", "an", "of", "to", "in", "on", "from", "with", "and", "about", "out", "by", "for", "is", "s",
        "el", "la", "los", "las", "de", "del", "en", "y", "que", "un", "una", "por", "con", "se", "su", "sus"}


def stems(text: str) -> set[str]:
    text = text.replace("\u2019", "'").casefold()
    return {w[:5] for w in re.findall(r"[a-z0-9áéíóúñ$.]+", text) if w not in STOP and len(w) > 1}


def fuentes(*args: str) -> None:
    exe = Path(sys.executable).with_name("fuentes")
    subprocess.run([str(exe), *args], check=True, stdout=subprocess.DEVNULL)


def shipped(inputs: list[str], workdir: Path, saved_at: str | None = None) -> tuple[list[dict], float]:
    """`fuentes run` then `fuentes export` on a fresh store; the records and the run's seconds."""
    db, out = workdir / "bench.db", workdir / "bench.jsonl"
    for p in workdir.glob("bench.db*"):
        p.unlink()
    t0 = time.perf_counter()
    fuentes("run", *inputs, "--db", str(db), "--no-progress", *(["--saved-at", saved_at] if saved_at else []))
    seconds = time.perf_counter() - t0
    fuentes("export", "--db", str(db), "--output", str(out))
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()], seconds


class Export:
    def __init__(self, records: list[dict], key_of):
        self.articles = {r["id"]: r for r in records if r["type"] == "article"}
        self.key = {aid: key_of(a["source"]) for aid, a in self.articles.items()}
        self.claims = [r for r in records if r["type"] == "claim"]
        self.discrepancies = [r for r in records if r["type"] == "discrepancy"]

    def span(self, ev: dict) -> str:
        return self.articles[ev["article"]]["text"][ev["start"]:ev["end"]]

    def keys(self, articles) -> set[str]:
        return {self.key[a] for a in articles}


def best_claim(item: dict, ex: Export) -> dict | None:
    want, best, best_score = stems(item["claim"]), None, 0.5
    for c in ex.claims:
        if not ex.keys(c["articles"]) & set(item["in"]):
            continue
        have = set().union(*(stems(ex.span(ev)) for ev in c["evidence"]))
        score = len(want & have) / len(want)
        if score > best_score or (score == best_score and best is not None
                                  and len(c["articles"]) > len(best["articles"])):
            best, best_score = c, score
    return best


def fits(exp: dict, got: dict, ex: Export) -> bool:
    return set(exp["in"]) <= ex.keys(got["articles"]) and bool(stems(exp["value"]) & stems(got["value"] or ""))


def evaluate(records: list[dict], expected: dict, key_of) -> dict:
    ex = Export(records, key_of)
    claims = []
    for item in expected["claims"]:
        best = best_claim(item, ex)
        ok = best is not None and best["independent_sources"] == item["independent"]
        claims.append({"claim": item["claim"], "ok": ok, "expected": item["independent"],
                       "got": best and best["independent_sources"], "grade": best and best["grade"],
                       "text": best and best["text"][:100]})
    used, found = set(), []
    for item in expected["discrepancies"]:
        hit = next((d for d in ex.discrepancies
                    if all(any(fits(exp, got, ex) for got in d["values"]) for exp in item["values"])), None)
        if hit:
            used.add(hit["id"])
        found.append({"about": item["about"], "found": hit is not None, "got": hit and hit["about"]})
    extra = [{"about": d["about"], "values": [(v["value"], sorted(ex.keys(v["articles"]))) for v in d["values"]]}
             for d in ex.discrepancies if d["id"] not in used]
    contradicted = [c for c in ex.claims if c.get("contradicted_by")]
    return {"claims_ok": sum(c["ok"] for c in claims), "claims_expected": len(claims),
            "discrepancies_found": sum(f["found"] for f in found), "discrepancies_expected": len(found),
            "extra_discrepancies": len(extra), "claims_total": len(ex.claims),
            "contradicted_claims": len(contradicted),
            "contradicted_graded_1_2": sum(c["grade"] in (1, 2) for c in contradicted),
            "grades": dict(sorted(Counter(c["grade"] for c in ex.claims).items())),
            "claims": claims, "discrepancies": found, "extra": extra,
            "contradicted": [{"text": c["text"][:100], "grade": c["grade"], "n": c["independent_sources"],
                              "by": len(c["contradicted_by"])} for c in contradicted]}


def seed_key(source: str) -> str:
    return Path(source).name[:3]


def example_key(source: str) -> str:
    name = Path(source.split("#")[0]).name[:2]
    line = re.search(r"#line (\d+)", source)
    return f"{name}.{line.group(1)}" if line else name


def run_seeds(work: Path) -> dict:
    import yaml

    expected = yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))
    folder = work / "seeds"
    folder.mkdir(exist_ok=True)
    for name in expected["articles"]:  # the pages only (not expected.yaml)
        (folder / name).write_bytes((SEEDS / name).read_bytes())
    records, seconds = shipped([str(folder)], work)
    return {**evaluate(records, expected, seed_key), "seconds": round(seconds, 1)}


def run_examples(work: Path) -> dict:
    import yaml

    expected = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    records, seconds = shipped([str(EXAMPLES / "articles")], work, "2026-03-09T20:00:00-06:00")
    return {**evaluate(records, expected, example_key), "seconds": round(seconds, 1)}


# ---- planted changes --------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.,]\d)( percent|%| million| billion| people"
                    r"| votes| years| delegates| points| states| seats| dollars)?")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December)"
                   r"( \d{1,2})?\b")
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
          "December"]
OUTCOMES = [("won", "lost"), ("lost", "won"), ("killed", "captured"), ("arrested", "killed"), ("approved", "rejected"),
            ("rejected", "approved"), ("passed", "failed"), ("defeated", "lost to"), ("captured", "killed"),
            ("signed", "vetoed"), ("vetoed", "signed"), ("endorsed", "opposed")]
SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"])")


def polnear_articles(limit: int) -> list[tuple[str, str]]:
    out = []
    for path in sorted(POLNEAR.rglob("*.txt"))[: limit * 3]:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if 1500 <= len(text) <= 12000:
            out.append((path.stem, text))
        if len(out) >= limit:
            break
    return out


def plant(text: str, kind: str, rng: random.Random) -> tuple[str, str, str] | None:
    """(new text, old sentence, new sentence) with one change of `kind` outside quotes, or None."""
    paras = text.split("\n\n") if "\n\n" in text else text.split("\n")
    sents = [(pi, s) for pi, p in enumerate(paras) for s in SENT.split(p) if len(s.split()) >= 8
             and '"' not in s and "“" not in s]
    rng.shuffle(sents)
    for pi, s in sents:
        new = None
        if kind == "figure":
            m = next((m for m in NUMBER.finditer(s) if not YEAR.fullmatch(m.group(1))), None)
            if m:
                n = float(m.group(1).replace(",", ""))
                if n < 2:
                    continue
                changed = n + max(2, round(n * 0.4)) if n < 1000 else n * 1.5
                fmt = f"{int(changed):,}" if "," in m.group(1) or float(changed).is_integer() else f"{changed:.1f}"
                new = s[:m.start(1)] + fmt + s[m.end(1):]
        elif kind == "date":
            m = MONTH.search(s) or YEAR.search(s)
            if m and m.re is MONTH:
                other = rng.choice([x for x in MONTHS if x != m.group(1)])
                new = s[:m.start(1)] + other + s[m.end(1):]
            elif m:
                new = s[:m.start()] + str(int(m.group(0)) - rng.choice([2, 3, 4])) + s[m.end():]
        elif kind == "outcome":
            for a, b in OUTCOMES:
                hit = re.search(rf"\b{a}\b", s)
                if hit:
                    new = s[:hit.start()] + b + s[hit.end():]
                    break
        if new and new != s:
            paras[pi] = paras[pi].replace(s, new, 1)
            return "\n\n".join(paras), s, new
    return None


def run_planted(work: Path, limit: int, seed: int = 17) -> dict:
    if not POLNEAR.exists():
        print(f"skipped: {POLNEAR} is absent")
        sys.exit(0)
    rng = random.Random(seed)
    folder = work / "planted"
    folder.mkdir(exist_ok=True)
    cases, lines = [], []
    kinds = ["figure", "date", "outcome", "unchanged", "unchanged"]
    for n, (name, text) in enumerate(polnear_articles(limit)):
        kind = kinds[n % len(kinds)]
        change = None if kind == "unchanged" else plant(text, kind, rng)
        if kind != "unchanged" and change is None:
            kind, change = "unchanged", None
        copy = change[0] if change else text
        a, b = f"p{n:03d}a", f"p{n:03d}b"
        lines.append({"text": text, "outlet": f"The Daily Record {n}", "title": f"Story {n}",
                      "published": "2016-10-04", "url": f"https://record{n}.example/{name}", "key": a})
        lines.append({"text": copy, "outlet": f"The Evening Courier {n}", "title": f"Report {n}",
                      "published": "2016-10-04", "url": f"https://courier{n}.example/{name}", "key": b})
        cases.append({"n": n, "name": name, "kind": kind, "a": a, "b": b,
                      "old": change[1] if change else None, "new": change[2] if change else None})
    feed = folder / "planted.jsonl"
    feed.write_text("".join(json.dumps({k: v for k, v in line.items() if k != "key"}) + "\n" for line in lines),
                    encoding="utf-8")
    keys = {i + 1: line["key"] for i, line in enumerate(lines)}
    records, seconds = shipped([str(feed)], work)
    ex = Export(records, lambda src: keys[int(src.rsplit("#line ", 1)[1])])
    by_key = {ex.key[aid]: aid for aid in ex.key}
    stats: dict[str, Counter] = defaultdict(Counter)
    for case in cases:
        aa, ab = by_key.get(case["a"]), by_key.get(case["b"])
        if not aa or not ab:
            stats[case["kind"]]["missing"] += 1
            continue
        pair = [d for d in ex.discrepancies if any(aa in v["articles"] for v in d["values"])
                and any(ab in v["articles"] for v in d["values"])]
        s = stats[case["kind"]]
        s["pairs"] += 1
        if case["kind"] == "unchanged":
            s["with_discrepancy"] += bool(pair)
            continue
        text_b = ex.articles[ab]["text"]
        at = text_b.find(case["new"][:60])
        lo, hi = at, at + len(case["new"])

        def covers(v: dict) -> bool:
            return any(ev["article"] == ab and ev["start"] < hi and lo < ev["end"] for ev in v.get("evidence", []))
        s["found"] += any(any(covers(v) for v in d["values"]) for d in pair)
        s["any_discrepancy"] += bool(pair)
        graded = [c for c in ex.claims if ab in c["articles"]
                  and any(ev["article"] == ab and ev["start"] < hi and lo < ev["end"] for ev in c["evidence"])]
        s["changed_claim_graded_1_2"] += any(c["grade"] in (1, 2) for c in graded)
    out = {}
    for kind, s in sorted(stats.items()):
        row = dict(s)
        if kind == "unchanged":
            row["false_rate"] = round(s["with_discrepancy"] / max(1, s["pairs"]), 3)
        else:
            row["recall"] = round(s["found"] / max(1, s["pairs"]), 3)
        out[kind] = row
    changed = [s for k, s in stats.items() if k != "unchanged"]
    out["all_changes"] = {"pairs": sum(s["pairs"] for s in changed), "found": sum(s["found"] for s in changed),
                          "recall": round(sum(s["found"] for s in changed) / max(1, sum(s["pairs"] for s in changed)), 3),
                          "graded_1_2": sum(s["changed_claim_graded_1_2"] for s in changed)}
    out["seconds"] = round(seconds, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["seeds", "examples", "planted"])
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--work", default=None, help="working folder (default: a temporary one)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.mode == "seeds":
            res = run_seeds(work)
        elif args.mode == "examples":
            res = run_examples(work)
        else:
            res = run_planted(work, args.limit)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"claims-{args.mode}.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
    print(json.dumps(res if not args.quiet else {k: v for k, v in res.items() if not isinstance(v, list)},
                     indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
