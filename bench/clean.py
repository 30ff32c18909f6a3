"""Benchmark of fuentes' cleaning against published extraction benchmarks.

(a) ScrapingHub article-extraction benchmark (181 pages): word-level precision/recall/F1 of
    `fuentes.clean.html.extract_html` and of plain `trafilatura.extract`, as bag-of-words
    overlap and as the benchmark's own 4-word shingles (mean P and R over pages, F1 of means).
(b) trafilatura's evaluation set (990 pages, must-have "with" and must-not "without"
    snippets): each page is turned into plain text WITHOUT extraction (like a page saved as
    text) and cleaned by `fuentes.clean.boilerplate.clean_text`; trafilatura.extract runs on
    the HTML of the same pages in the same run. Scoring as trafilatura's evaluation does.

Usage: python bench/clean.py [--limit N]. Writes bench/results/clean.json.
Data is read from ../shared/data (env FUENTES_SHARED overrides) and never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

import trafilatura
from trafilatura.utils import load_html

from fuentes.clean.boilerplate import clean_text

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FUENTES_SHARED", REPO.parent / "shared"))
TOKEN = re.compile(r"\w+", re.UNICODE)
BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "article",
         "section", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "figure",
         "figcaption", "dd", "dt", "dl", "form", "address", "hr", "td", "th", "title", "button", "option"}
DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select"}


def extract_html_or_fallback():
    """What `fuentes ingest` keeps of an HTML page: trafilatura's main text through
    `extract_html`, then the strong-cue cleaner the clean_text stage runs on HTML bodies (the
    headline's copy, section kickers, "Updated" lines and author notes leave)."""
    try:
        from fuentes.clean.boilerplate import clean_text
        from fuentes.clean.html import extract_html

        def shipped(html: str, url: str | None = None):
            text, meta = extract_html(html, url=url)
            cleaned = clean_text(text, language=meta.get("language"), strong_only=True, title=meta.get("title"))
            return cleaned.body, meta
        return shipped, "fuentes.clean.html.extract_html + clean_text(strong_only, title)"
    except ImportError:
        def fallback(html: str, url: str | None = None):
            text = trafilatura.extract(html, url=url, output_format="txt", include_comments=False,
                                       favor_precision=False) or ""
            return text, {}
        return fallback, "trafilatura fallback (extract_html missing)"


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def shingles(text: str, n: int) -> Counter:
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)))


def overlap_scores(pairs: list[tuple[str, str]], n: int) -> dict[str, float]:
    """Mean precision and recall over pages of n-gram bag overlap, and the F1 of those means."""
    ps, rs = [], []
    for truth, pred in pairs:
        a, b = shingles(truth, n), shingles(pred, n)
        tp = sum((a & b).values())
        p, r, _ = prf(tp, sum(b.values()) - tp, sum(a.values()) - tp)
        ps.append(p)
        rs.append(r)
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def bench_scrapinghub(limit: int | None) -> dict | None:
    root = SHARED / "data" / "scrapinghub-article-extraction-benchmark"
    if not (root / "ground-truth.json").exists():
        print(f"skip (a): {root} not found")
        return None
    truth = json.loads((root / "ground-truth.json").read_text())
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    extract_html, which = extract_html_or_fallback()
    outputs: dict[str, list[tuple[str, str]]] = {"fuentes": [], "trafilatura": []}
    seconds = {"fuentes": 0.0, "trafilatura": 0.0}
    for key in keys:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        url = truth[key].get("url")
        t0 = time.perf_counter()
        ours = extract_html(html, url=url)[0]
        t1 = time.perf_counter()
        theirs = trafilatura.extract(html, url=url, output_format="txt", include_comments=False) or ""
        t2 = time.perf_counter()
        seconds["fuentes"] += t1 - t0
        seconds["trafilatura"] += t2 - t1
        outputs["fuentes"].append((truth[key]["articleBody"], ours))
        outputs["trafilatura"].append((truth[key]["articleBody"], theirs))
    result = {"pages": len(keys), "fuentes_path": which, "speed_ratio_vs_trafilatura":
              seconds["fuentes"] / seconds["trafilatura"] if seconds["trafilatura"] else None}
    for system, pairs in outputs.items():
        result[system] = {"words": overlap_scores(pairs, 1), "shingles4": overlap_scores(pairs, 4)}
    return result


def page_text(html: bytes | str) -> str:
    """Everything a browser would show, blocks on their own lines: a page saved as text."""
    tree = load_html(html)
    if tree is None:
        return ""
    for el in list(tree.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag in DROP and el.getparent() is not None:
            el.drop_tree()
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in BLOCK:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    body = tree.find(".//body")
    text = (body if body is not None else tree).text_content()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def snippet_counts(result: str | None, item: dict) -> tuple[int, int, int, int]:
    """tp, fn, fp, tn as trafilatura's evaluation counts them (whitespace-normalised)."""
    text = " ".join((result or "").split())
    with_ = [" ".join(s.split()) for s in item["with"]]
    without = [" ".join(s.split()) for s in item["without"]]
    tp = sum(s in text for s in with_)
    fp = sum(s in text for s in without)
    return tp, len(with_) - tp, fp, len(without) - fp


def bench_trafilatura_eval(limit: int | None) -> dict | None:
    root = SHARED / "data" / "trafilatura-eval"
    if not (root / "evaldata.json").exists():
        print(f"skip (b): {root} not found")
        return None
    items = json.loads((root / "evaldata.json").read_text())
    with tarfile.open(root / "tests_eval_html.tar.xz") as tar:
        files = {Path(m.name).name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    urls = [u for u in items if items[u]["file"] in files]
    urls = urls[:limit] if limit else urls
    counts = {name: [0, 0, 0, 0] for name in ("clean_text", "page_text", "trafilatura")}
    seconds = {"clean_text": 0.0, "trafilatura": 0.0}
    for url in urls:
        item, html = items[url], files[items[url]["file"]]
        text = page_text(html)
        t0 = time.perf_counter()
        cleaned = clean_text(text).body
        t1 = time.perf_counter()
        extracted = trafilatura.extract(html, url=url, output_format="txt", include_comments=False)
        t2 = time.perf_counter()
        seconds["clean_text"] += t1 - t0
        seconds["trafilatura"] += t2 - t1
        for name, out in (("clean_text", cleaned), ("page_text", text), ("trafilatura", extracted)):
            counts[name] = [a + b for a, b in zip(counts[name], snippet_counts(out, item))]
    result = {"pages": len(urls), "speed_ratio_clean_text_vs_trafilatura":
              seconds["clean_text"] / seconds["trafilatura"] if seconds["trafilatura"] else None}
    for name, (tp, fn, fp, tn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        result[name] = {"precision": p, "recall": r, "f1": f, "accuracy": (tp + tn) / max(1, tp + fn + fp + tn),
                        "tp": tp, "fn": fn, "fp": fp, "tn": tn}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    args = parser.parse_args(argv)
    results = {"scrapinghub": bench_scrapinghub(args.limit), "trafilatura_eval": bench_trafilatura_eval(args.limit)}
    print(f"{'set':<34}{'system':<34}{'P':>7}{'R':>7}{'F1':>7}")
    sh = results["scrapinghub"]
    if sh:
        for system in ("fuentes", "trafilatura"):
            for unit in ("words", "shingles4"):
                s = sh[system][unit]
                print(f"{'scrapinghub (' + unit + ')':<34}{system:<34}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}")
        print(f"  {sh['pages']} pages; extract_html time / trafilatura time = {sh['speed_ratio_vs_trafilatura']:.2f}")
    te = results["trafilatura_eval"]
    if te:
        for system in ("clean_text", "page_text", "trafilatura"):
            s = te[system]
            label = {"clean_text": "clean_text(page text)", "page_text": "page text, uncleaned",
                     "trafilatura": "trafilatura.extract(html)"}[system]
            print(f"{'trafilatura-eval (snippets)':<34}{label:<34}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}")
        print(f"  {te['pages']} pages; clean_text time / trafilatura time = "
              f"{te['speed_ratio_clean_text_vs_trafilatura']:.2f}")
    out = REPO / "bench" / "results" / "clean.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
