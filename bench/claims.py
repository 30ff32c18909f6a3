"""Claims benchmark, through the shipped path (`fuentes run` then `fuentes export`, default settings).

    python bench/claims.py seeds      # ../shared/corpus/seeds: expected claims and discrepancies
    python bench/claims.py examples   # examples/articles: the four discrepancies of examples/README.md
    python bench/claims.py planted --part tune|report [--limit N]   # PolNeAR dev, planted changes
    python bench/claims.py cost --part all     # seconds of the claim stages against spaCy's

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
nothing to change is counted as unchanged. Every other copy is also rewritten (a paragraph
dropped, two paragraphs swapped, some words replaced: "said" -> "stated", "percent" -> "%").
`--part tune` takes the first half of the eligible articles (sorted by file name), `--part
report` the second half; tune on one, report on the other. Measured: recall of the changes (a
discrepancy whose versions hold the changed sentence of both articles), discrepancies on
unchanged pairs (any discrepancy between the two articles of a pair), other discrepancies
between the two articles of a changed pair, and the grade of the changed sentence's claim;
by kind, and rewritten or not. `--work DIR` keeps the store, the export and `cases.json`.
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
        hit = next((d for d in ex.discrepancies if d["id"] not in used  # one exported discrepancy answers one
                    and all(any(fits(exp, got, ex) for got in d["values"]) for exp in item["values"])), None)
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


def polnear_articles(limit: int, part: str = "all") -> list[tuple[str, str]]:
    """The eligible articles (1,500 to 12,000 characters) sorted by file name; `part` tune: the
    first half, report: the second half; at most `limit`."""
    out = []
    for path in sorted(POLNEAR.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if 1500 <= len(text) <= 12000:
            out.append((path.stem, text))
    half = (len(out) + 1) // 2
    out = out[:half] if part == "tune" else out[half:] if part == "report" else out
    return out[:limit]


REWORD = [(" said ", " stated "), (" percent", "%"), ("However, ", "But "), (" because ", " as "),
          (" approximately ", " about "), (" also ", " "), (" according to ", " per ")]


def rewrite(text: str, rng: random.Random) -> str:
    """A light rewrite with the same facts: a paragraph dropped, two swapped, some words replaced."""
    paras = text.split("\n\n") if "\n\n" in text else text.split("\n")
    if len(paras) > 4:
        paras.pop(rng.randrange(1, len(paras)))
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    out = "\n\n".join(paras)
    pieces = re.split(r'(“[^”]*”|"[^"]*")', out)  # quotes stay verbatim, as a rewrite copies them
    for i in range(0, len(pieces), 2):
        for a, b in REWORD:
            pieces[i] = pieces[i].replace(a, b)
    return "".join(pieces)


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
                hit = re.search(rf"\b{a}\b(?!['’])", s)  # not "won't"
                if hit:
                    new = s[:hit.start()] + b + s[hit.end():]
                    break
        if new and new != s:
            paras[pi] = paras[pi].replace(s, new, 1)
            return "\n\n".join(paras), s, new
    return None


def run_planted(work: Path, limit: int, part: str = "all", seed: int = 17) -> dict:
    if not POLNEAR.exists():
        print(f"skipped: {POLNEAR} is absent")
        sys.exit(0)
    rng = random.Random(seed)
    folder = work / "planted"
    folder.mkdir(exist_ok=True)
    cases, lines = [], []
    kinds = ["figure", "date", "outcome", "unchanged"]
    for n, (name, text) in enumerate(polnear_articles(limit, part)):
        kind = kinds[n % len(kinds)]
        reworded = (n // len(kinds)) % 2 == 1
        base = rewrite(text, rng) if reworded else text
        change = None if kind == "unchanged" else plant(base, kind, rng)
        if kind != "unchanged" and change is None:
            kind, change = "unchanged", None
        copy = change[0] if change else base
        a, b = f"p{n:03d}a", f"p{n:03d}b"
        lines.append({"text": text, "outlet": f"The Daily Record {n}", "title": f"Story {n}",
                      "published": "2016-10-04", "url": f"https://record{n}.example/{name}", "key": a})
        lines.append({"text": copy, "outlet": f"The Evening Courier {n}", "title": f"Report {n}",
                      "published": "2016-10-04", "url": f"https://courier{n}.example/{name}", "key": b})
        cases.append({"n": n, "name": name, "kind": kind, "rewritten": reworded, "a": a, "b": b,
                      "old": change[1] if change else None, "new": change[2] if change else None})
    feed = folder / "planted.jsonl"
    feed.write_text("".join(json.dumps({k: v for k, v in line.items() if k != "key"}) + "\n" for line in lines),
                    encoding="utf-8")
    keys = {i + 1: line["key"] for i, line in enumerate(lines)}
    records, seconds = shipped([str(feed)], work)
    ex = Export(records, lambda src: keys[int(src.rsplit("#line ", 1)[1])])
    by_key = {ex.key[aid]: aid for aid in ex.key}
    stats: dict[str, Counter] = defaultdict(Counter)
    by_rewrite: dict[str, Counter] = defaultdict(Counter)
    for case in cases:
        aa, ab = by_key.get(case["a"]), by_key.get(case["b"])
        if not aa or not ab:
            stats[case["kind"]]["missing"] += 1
            continue
        pair = [d for d in ex.discrepancies if any(aa in v["articles"] for v in d["values"])
                and any(ab in v["articles"] for v in d["values"])]
        s = stats[case["kind"]]
        r = by_rewrite["rewritten" if case["rewritten"] else "verbatim"]
        s["pairs"] += 1
        case["discrepancies"] = [[v["value"] for v in d["values"]] for d in pair]
        if case["kind"] == "unchanged":
            s["with_discrepancy"] += bool(pair)
            r["unchanged_pairs"] += 1
            r["unchanged_with_discrepancy"] += bool(pair)
            continue
        text_b = ex.articles[ab]["text"]
        at = text_b.find(case["new"][:60])
        if at < 0:  # the cleaner cut the changed sentence: nothing to find
            s["sentence_not_in_body"] += 1
        lo, hi = at, at + len(case["new"])

        def covers(v: dict) -> bool:
            return any(ev["article"] == ab and ev["start"] < hi and lo < ev["end"] for ev in v.get("evidence", []))
        hit = [d for d in pair if any(covers(v) for v in d["values"])]
        case["found"] = bool(hit)
        s["found"] += bool(hit)
        s["any_discrepancy"] += bool(pair)
        s["other_discrepancies"] += len(pair) - len(hit)
        r["changed_pairs"] += 1
        r["found"] += bool(hit)
        # the changed characters: where the old and the new sentence differ
        head = next((i for i, (x, y) in enumerate(zip(case["old"], case["new"])) if x != y), 0)
        tail = next((i for i, (x, y) in enumerate(zip(case["old"][::-1], case["new"][::-1])) if x != y), 0)
        c_lo, c_hi = at + head, at + max(head + 1, len(case["new"]) - tail)
        graded = [c for c in ex.claims if ab in c["articles"]
                  and any(ev["article"] == ab and ev["start"] <= c_lo and c_hi <= ev["end"] for ev in c["evidence"])]
        s["changed_claim_graded_1_2"] += any(c["grade"] in (1, 2) for c in graded)
        case["changed_claims"] = [(c["text"][:120], c["grade"]) for c in graded]
    (work / "cases.json").write_text(json.dumps(cases, indent=1, ensure_ascii=False), encoding="utf-8")
    out = {"part": part, "articles": len(cases)}
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
    out["by_rewrite"] = {k: dict(v) for k, v in sorted(by_rewrite.items())}
    out["claims_of_the_polnear_texts"] = claim_slots(ex, {by_key[c["a"]] for c in cases if c["a"] in by_key})
    out["seconds"] = round(seconds, 1)
    return out


def claim_slots(ex: Export, originals: set[str], sample: int = 30, seed: int = 30) -> dict:
    """Over the corpus claims stated in the original (unaltered PolNeAR) articles: the share with
    a subject, a predicate and evidence, the share atomic by the code's rule
    (`fuentes.extract.claims.atomic_reason`), and `sample` claims drawn with `seed`."""
    from fuentes.extract.claims import atomic_reason

    claims = [c for c in ex.claims if set(c["articles"]) & originals]
    n = max(1, len(claims))
    full = [c for c in claims if c.get("subject") and c.get("predicate") and c.get("evidence")]
    reasons = [atomic_reason(c) for c in claims]
    drawn = random.Random(seed).sample(range(len(claims)), min(sample, len(claims)))
    return {"claims": len(claims),
            "with_subject": round(sum(bool(c.get("subject")) for c in claims) / n, 3),
            "with_predicate": round(sum(bool(c.get("predicate")) for c in claims) / n, 3),
            "with_evidence": round(sum(bool(c.get("evidence")) for c in claims) / n, 3),
            "with_subject_predicate_evidence": round(len(full) / n, 3),
            "quotes": round(sum(c.get("predicate") == "say" for c in claims) / n, 3),
            "atomic": round(sum(r is None for r in reasons) / n, 3),
            "not_atomic_by_reason": dict(Counter(r for r in reasons if r)),
            "sample": [{"text": claims[i]["text"][:200], "predicate": claims[i].get("predicate"),
                        "subject": bool(claims[i].get("subject")), "atomic": reasons[i] is None,
                        "why_not": reasons[i], "grade": claims[i].get("grade")} for i in sorted(drawn)]}


def run_cost(limit: int, part: str) -> dict:
    """Seconds of spaCy (the `nlp` stage's model on each body) against the claim stages: the
    per-article `claims` stage and the corpus claim matching, discrepancies and grades
    (`assess`), in process on the PolNeAR articles of `part`, each with a verbatim copy from
    another outlet (so matching has pairs to find). Entities and quotes run too, uncounted."""
    import fuentes.extract.claims  # noqa: F401
    import fuentes.extract.entities  # noqa: F401
    import fuentes.extract.quotes  # noqa: F401
    from fuentes.corpus.entity_resolution import resolve_with_merges
    from fuentes.corpus.grading import assess
    from fuentes.doc import ArticleDoc
    from fuentes.nlp.models import load
    from fuentes.nlp.stage import _annotate
    from fuentes.pipeline import Pipeline

    nlp, info = load("en")
    before = Pipeline.from_names(["entities", "quotes"], initial=("body", "nlp", "language", "id"))
    claims_stage = Pipeline.from_names(["claims"], initial=("body", "nlp", "language", "id", "mentions",
                                                             "entities", "quotes"))
    spacy_s = claims_s = 0.0
    docs = {}
    texts = [(f"{name}#{k}", text) for name, text in polnear_articles(limit, part) for k in "ab"]
    for aid, text in texts:
        t0 = time.perf_counter()
        sdoc = _annotate(nlp(text), info, None)
        spacy_s += time.perf_counter() - t0
        doc = before(ArticleDoc(source=aid, format="text", layers={"body": text, "nlp": sdoc, "language": "en",
                                                                    "id": aid}))
        t0 = time.perf_counter()
        docs[aid] = claims_stage(doc)
        claims_s += time.perf_counter() - t0
    entities, _ = resolve_with_merges({a: d.get("entities") for a, d in docs.items()})
    entity_of = {tuple(ref.split("#", 1)): e.id for e in entities for ref in e.merged_from}
    t0 = time.perf_counter()
    graded, found = assess({a: d.get("claims") for a, d in docs.items()}, {}, entity_of)
    corpus_s = time.perf_counter() - t0
    return {"part": part, "articles": len(texts), "characters": sum(len(t) for _, t in texts),
            "spacy_seconds": round(spacy_s, 2), "claims_stage_seconds": round(claims_s, 2),
            "corpus_claims_seconds": round(corpus_s, 2),
            "claim_stages_over_spacy": round((claims_s + corpus_s) / spacy_s, 3),
            "article_claims": sum(len(d.get("claims")) for d in docs.values()), "corpus_claims": len(graded),
            "discrepancies": len(found)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["seeds", "examples", "planted", "cost"])
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--part", choices=["tune", "report", "all"], default="report",
                    help="planted: which half of PolNeAR dev (tune on one, report on the other)")
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
        elif args.mode == "cost":
            res = run_cost(args.limit, args.part)
        else:
            res = run_planted(work, args.limit, args.part)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"claims-{args.mode}" + (f"-{args.part}" if args.mode == "planted" else "")
    (RESULTS / f"{name}.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
    print(json.dumps(res if not args.quiet else {k: v for k, v in res.items() if not isinstance(v, list)},
                     indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
