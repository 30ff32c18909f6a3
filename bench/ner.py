"""Named-entity benchmark: spaCy off the shelf beside fuentes' entity stage, same run.

Data (read at run time, never copied): ../shared/data/conll2003-en/dev.txt (English,
documents split on -DOCSTART-) and ../shared/data/conll2002-es/esp.testa (Spanish; it has no
document markers, so consecutive sentences are grouped into pseudo-documents of
--es-doc-sentences sentences for document-level alias voting).

Scores are typed, entity-level, exact span + type (seqeval style) per class and micro overall.
OntoNotes labels are mapped PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC,
NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT->MISC; Spanish labels are kept. fuentes' stage
reads the same spaCy Docs; nominal references it adds ("the President") are not names and are
left out of the score. Time: spaCy alone vs the entity stage on the same Docs (ratio).

    python bench/ner.py [--limit N]   # writes bench/results/ner.json
    python bench/ner.py --split train --limit 150 --out /tmp/x.json   # tuning: the training files
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fuentes.extract.entities import extract  # noqa: E402
from fuentes.nlp.models import load  # noqa: E402

SHARED = Path(os.environ.get("FUENTES_SHARED", ROOT.parent / "shared"))
SETS = {"en": SHARED / "data" / "conll2003-en" / "dev.txt", "es": SHARED / "data" / "conll2002-es" / "esp.testa"}
# the training files, for tuning rules (report on the sets above only)
TRAIN = {"en": SHARED / "data" / "conll2003-en" / "train.txt", "es": SHARED / "data" / "conll2002-es" / "esp.train"}
MAP = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
       "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
       "PRODUCT": "MISC", "MISC": "MISC"}
CLASSES = ("PER", "ORG", "LOC", "MISC")


def read_conll(path: Path, doc_sentences: int) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, tag). Splits on -DOCSTART-, or every N sentences."""
    docs, doc, sent = [], [], []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if not parts:
            if sent:
                doc.append(sent)
                sent = []
                if doc_sentences and len(doc) >= doc_sentences:
                    docs.append(doc)
                    doc = []
            continue
        if parts[0] == "-DOCSTART-":
            if doc:
                docs.append(doc)
            doc = []
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def layout(doc: list[list[tuple[str, str]]]) -> tuple[str, list[int], list[int], list[str]]:
    """Text (tokens joined by spaces, one sentence per line), token starts/ends and tags."""
    parts, starts, ends, tags, pos = [], [], [], [], 0
    for sent in doc:
        for k, (tok, tag) in enumerate(sent):
            if k:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(tok)
            pos += len(tok)
            ends.append(pos)
            tags.append(tag)
        parts.append("\n")
        pos += 1
    return "".join(parts), starts, ends, tags


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Chunks from IOB1 or IOB2 tags: (first token, last token + 1, type)."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start is not None and (prefix in ("O", "B") or typ != kind):
            spans.add((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, typ
    return spans


def to_tokens(spans, starts: list[int], ends: list[int]) -> set[tuple[int, int, str]]:
    """Char spans -> CoNLL token spans (tokens lying inside the char span)."""
    out = set()
    for s, e, label in spans:
        if label not in MAP:
            continue
        a = bisect.bisect_left(starts, s)
        b = bisect.bisect_right(ends, e)
        if a < b:
            out.add((a, b, MAP[label]))
    return out


def outermost(mentions):
    """Drop mentions nested in another (a nickname inside 'First "Nick" Last') and nominal ones."""
    named = [m for m in mentions if m.text[:1].isupper() or m.text[:1].isdigit()]
    named.sort(key=lambda m: (m.start, -m.end))
    out, reach = [], -1
    for m in named:
        if m.end <= reach:
            continue
        out.append(m)
        reach = max(reach, m.end)
    return out


def score(pairs) -> dict:
    counts = {c: [0, 0, 0] for c in CLASSES}
    for gold, pred in pairs:
        for c in CLASSES:
            g = {x for x in gold if x[2] == c}
            p = {x for x in pred if x[2] == c}
            counts[c][0] += len(g & p)
            counts[c][1] += len(p - g)
            counts[c][2] += len(g - p)
    result = {}
    for c, (tp, fp, fn) in [*counts.items(), ("overall", [sum(v[i] for v in counts.values()) for i in range(3)])]:
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        result[c] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": tp + fn}
    return result


def run(language: str, path: Path, limit: int | None, doc_sentences: int) -> dict:
    docs = read_conll(path, doc_sentences)[:limit] if limit else read_conll(path, doc_sentences)
    laid = [layout(d) for d in docs]
    nlp, info = load(language)
    t0 = time.perf_counter()
    sdocs = list(nlp.pipe((text for text, *_ in laid), batch_size=32))
    t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = [extract(sd, language)[0] for sd in sdocs]
    t_ours = time.perf_counter() - t0
    base_pairs, our_pairs = [], []
    for (text, starts, ends, tags), sd, mentions in zip(laid, sdocs, ours):
        gold = gold_spans(tags)
        base_pairs.append((gold, to_tokens([(e.start_char, e.end_char, e.label_) for e in sd.ents], starts, ends)))
        our_pairs.append((gold, to_tokens([(m.start, m.end, m.label) for m in outermost(mentions)], starts, ends)))
    return {"data": str(path.relative_to(SHARED)) if path.is_relative_to(SHARED) else str(path),
            "model": f"{info.package} {info.version}", "documents": len(docs),
            "tokens": sum(len(t) for *_, t in laid),
            "spacy": score(base_pairs), "fuentes": score(our_pairs),
            "seconds_spacy": round(t_spacy, 3), "seconds_entities": round(t_ours, 3),
            "cost_ratio": round(t_ours / t_spacy, 4) if t_spacy else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="documents per language")
    parser.add_argument("--es-doc-sentences", type=int, default=25)
    parser.add_argument("--languages", default="en,es")
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="dev: CoNLL-2003 dev / CoNLL-2002 testa (report); train: the training files (tuning)")
    parser.add_argument("--out", default=None, help="default bench/results/ner.json (dev split only)")
    args = parser.parse_args()
    if args.out is None:
        if args.split != "dev":
            parser.error("--out is required with --split train (bench/results/ner.json holds the dev figures)")
        args.out = str(ROOT / "bench" / "results" / "ner.json")
    results = {}
    for lang in args.languages.split(","):
        path = (SETS if args.split == "dev" else TRAIN)[lang]
        if not path.exists():
            print(f"skip {lang}: {path} not found (set FUENTES_SHARED to the shared folder)")
            continue
        results[lang] = run(lang, path, args.limit, 0 if lang == "en" else args.es_doc_sentences)
        r = results[lang]
        print(f"\n{lang}: {r['data']}  {r['documents']} docs, {r['tokens']} tokens, model {r['model']}")
        print(f"{'class':8} {'spaCy P/R/F1':>22} {'fuentes P/R/F1':>22}")
        for c in (*CLASSES, "overall"):
            b, f = r["spacy"][c], r["fuentes"][c]
            print(f"{c:8} {b['precision']:6.3f} {b['recall']:6.3f} {b['f1']:6.3f}   "
                  f"{f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f}   n={b['support']}")
        print(f"time: spaCy {r['seconds_spacy']}s, entity stage {r['seconds_entities']}s, "
              f"added cost {100 * r['cost_ratio']:.1f}% (limit 25%)")
    if not results:
        return 0
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"limit": args.limit, "split": args.split, "results": results}, indent=2) + "\n")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
