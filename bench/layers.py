"""The per-article layers of the benchmark articles, dumped as JSON, and two dumps compared: the
check that a speed change to the per-article stages changes no output.

    python bench/layers.py dump BEFORE.json [--n 100] [--languages en es]   # on the old code
    python bench/layers.py dump AFTER.json  [--n 100] [--languages en es]   # on the new code
    python bench/layers.py compare BEFORE.json AFTER.json                   # status 1 when they differ

The articles are the ones `bench/pipeline.py` times: the first N PolNeAR texts (English) and N
Spanish pseudo-articles of CoNLL-2002, read from ../shared at run time. Each goes through the
cleaning stages and the per-article analysis stages as `fuentes run` runs them (the spaCy stage in
batches), and its stored layer row (`fuentes.analyse.layers_row`: mentions, entities, quotes,
claims, events, relations) is kept with the cleaned body. Run both dumps with the same
`PYTHONHASHSEED` to rule out hash order.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def articles(language: str, n: int) -> list[dict]:
    from _shared import polnear_lines
    from pipeline import conll_es_lines

    return polnear_lines(n) if language == "en" else conll_es_lines(n)


def dump(language: str, lines: list[dict]) -> list[dict]:
    """The cleaned body, language and layer row of each article, in input order."""
    from fuentes.analyse import analysis_pipeline, doc_from_article, layers_row
    from fuentes.ingest.job import ingest_pipeline
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.runners import doc_from_raw

    cleaning, analysis = ingest_pipeline(), analysis_pipeline()
    docs = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{language}.jsonl"
        source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        for raw in iter_inputs([str(source)], ReadOptions()):
            doc = doc_from_raw(raw)
            for stage in cleaning.stages:
                doc = stage(doc)
            meta = doc.get("meta") or {}
            docs.append(doc_from_article({"source": doc.source, "text": doc.get("body"), "language": doc.get("language"),
                                          "id": doc.get("id"), "outlet": meta.get("outlet"),
                                          "published": meta.get("published")}))
    nlp_stage, rest = analysis.stages[0], analysis.stages[1:]
    out = []
    for start in range(0, len(docs), 16):
        for doc in nlp_stage.pipe(docs[start:start + 16], batch_size=16):
            for stage in rest:
                doc = stage(doc)
            out.append({"body": doc.get("body"), "language": doc.get("language"), **layers_row(doc)})
    return out


def differences(before: dict, after: dict) -> list[str]:
    """Where two dumps differ: one line per (language, article, field or layer) that is not equal."""
    found = []
    for language in sorted(set(before) | set(after)):
        old, new = before.get(language, []), after.get(language, [])
        if len(old) != len(new):
            found.append(f"{language}: {len(old)} articles before, {len(new)} after")
        for n, (a, b) in enumerate(zip(old, new)):
            for key in sorted(set(a) | set(b)):
                if key == "layers" and isinstance(a.get(key), dict) and isinstance(b.get(key), dict):
                    found += [f"{language} #{n} {a.get('id')}: layers.{layer}"
                              for layer in sorted(set(a[key]) | set(b[key])) if a[key].get(layer) != b[key].get(layer)]
                elif a.get(key) != b.get(key):
                    found.append(f"{language} #{n} {a.get('id')}: {key}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("dump")
    run.add_argument("out", type=Path)
    run.add_argument("--n", type=int, default=100, help="articles per language")
    run.add_argument("--languages", nargs="+", default=["en", "es"], choices=["en", "es"])
    check = sub.add_parser("compare")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        result = {language: dump(language, articles(language, args.n)) for language in args.languages}
        args.out.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True, default=str), encoding="utf-8")
        print(f"{args.out}: " + ", ".join(f"{k} {len(v)} articles" for k, v in result.items()))
        return
    found = differences(*(json.loads(path.read_text(encoding="utf-8")) for path in (args.before, args.after)))
    print("\n".join(found) if found else "identical")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
