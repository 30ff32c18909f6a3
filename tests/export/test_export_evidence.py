"""Every knowledge record of the export carries evidence inside its article's text (contract v2),
measured on the shipped path: `fuentes run` then `fuentes export`, default settings."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fuentes.export.evidence_check import KNOWLEDGE_TYPES, check_export, problems, reads_as_name

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

pytestmark = pytest.mark.models


def run_and_export(inputs: list[str], db: Path, *extra: str) -> list[dict]:
    ran = subprocess.run([sys.executable, "-m", "fuentes.cli", "run", *inputs, "--db", str(db), "--no-progress",
                          *extra], capture_output=True, text=True, timeout=1800)
    assert ran.returncode == 0, ran.stderr[-2000:]
    out = db.with_suffix(".jsonl")
    exported = subprocess.run([sys.executable, "-m", "fuentes.cli", "export", "--db", str(db), "--format", "jsonl",
                               "--output", str(out)], capture_output=True, text=True, timeout=600)
    assert exported.returncode == 0, exported.stderr[-2000:]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def examples_run(tmp_path_factory) -> tuple[Path, list[dict]]:
    """The bundled examples through `fuentes run` + `fuentes export` once for this module."""
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    return db, run_and_export([str(EXAMPLES)], db, "--saved-at", "2026-03-09T20:00:00-06:00")


def test_examples_export_carries_evidence_on_every_record(examples_run):
    db, records = examples_run
    report = check_export(records)
    assert set(KNOWLEDGE_TYPES) - {"discrepancy"} <= set(report)  # each type is there to be checked
    assert problems(report) == []
    checked = subprocess.run([sys.executable, "-m", "fuentes.cli", "export", "--db", str(db),
                              "--check"], capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})
    assert checked.returncode == 0, checked.stderr
    assert f"quote: {report['quote']['records']}/{report['quote']['records']} with evidence" in checked.stdout
    texts = {r["id"]: r["text"] for r in records if r["type"] == "article"}
    for record in records:
        if record["type"] == "quote":  # a quote's evidence is its own span, with extractor@version
            (span,) = [s for s in record["evidence"] if s["extractor"].startswith("quotes@")]
            assert texts[span["article"]][span["start"]:span["end"]] == record["text"]
        if record["type"] == "claim":  # the sentence in each supporting article
            assert {s["article"] for s in record["evidence"]} == set(record["articles"])
        if record["type"] == "derivation" and record["source"] in texts:
            assert record["passages"] and record["decided_by"]
            for source_span, target_span in record["passages"]:
                assert (source_span["article"], target_span["article"]) == (record["source"], record["target"])


def _example_key(source: str) -> str:
    """An article's name in examples/expected.yaml: the file's number, "05.2" for line 2 of 05."""
    name = source.replace("\\", "/").split("/")[-1]
    number = name.split("_")[0]
    return f"{number}.{name.rsplit('#line', 1)[1].strip()}" if "#line" in name else number


def _quote_text(text: str) -> str:
    for mark in "\u201c\u201d\u00ab\u00bb\"":
        text = text.replace(mark, " ")
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def test_examples_quotes_carry_their_expected_speakers_in_both_languages(examples_run):
    """Every quote examples/expected.yaml lists, in every article it names, is exported with the
    corpus entity of its speaker: English and Spanish ("dijo a El Heraldo del Norte el alcalde X",
    "Aseguró que", "El edil señaló que", a bare "dijo" after the quote)."""
    import yaml

    _, records = examples_run
    expected = yaml.safe_load((EXAMPLES.parent / "expected.yaml").read_text(encoding="utf-8"))
    articles = {_example_key(r["source"]): r for r in records if r["type"] == "article"}
    names = {r["id"]: r["name"] for r in records if r["type"] == "entity"}
    quotes = [r for r in records if r["type"] == "quote"]
    right = {"en": 0, "es": 0}
    wrong = []
    for item in expected["quotes"]:
        opening = _quote_text(item["starts"])
        for key in item["in"]:
            article = articles[key]
            said = [names.get(q["speaker"] or "") for q in quotes
                    if q["article"] == article["id"] and opening in _quote_text(q["text"])[:len(opening) + 40]]
            if item["speaker"] in said:
                right[article["language"]] += 1
            else:
                wrong.append((key, item["starts"][:40], item["speaker"], said))
    assert wrong == [], wrong
    assert right["es"] >= 16 and right["en"] >= 30  # 8 Spanish quotes in 2 articles each; 17 English in 30 places


def test_evidence_check_finds_what_is_missing():
    records = [{"type": "article", "id": "a1", "text": "El Mencho fue visto en Jalisco."},
               {"type": "entity", "id": "e1", "name": "El Mencho", "aliases": [], "articles": ["a1", "a2"],
                "evidence": [{"article": "a1", "start": 0, "end": 9, "extractor": "entities@1"},
                             {"article": "a1", "start": 20, "end": 99, "extractor": "entities@1"}]},
               {"type": "claim", "id": "c1", "articles": ["a1"], "evidence": []}]
    found = problems(check_export(records))
    assert "claim: 1 of 1 records carry no evidence" in found
    assert "entity: 1 of 2 spans fall outside their article's text" in found
    assert "entity: 1 of 1 records lack a span for some article they list" in found


def test_a_mention_reads_as_a_name_by_whole_words_and_accents():
    assert reads_as_name("Guzmán", ["Joaquín Guzmán Loera"])
    assert reads_as_name("GUZMAN", ["Joaquín Guzmán Loera"])
    assert reads_as_name("the Sinaloa Cartel", ["Sinaloa Cartel"])
    assert not reads_as_name("Guzmanes", ["Joaquín Guzmán"])


def polnear_jsonl(shared: Path, target: Path, limit: int) -> Path:
    root = shared / "data" / "polnear" / "data"
    if not (root / "metadata.tsv").exists():
        pytest.skip("PolNeAR is absent from ../shared/data")
    with open(root / "metadata.tsv", encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    lines = []
    for split in ("train", "dev"):
        for path in sorted((root / split / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            lines.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "outlet": row.get("publisher"),
                          "title": row.get("title"), "published": row.get("publication_date")})
    target.write_text("".join(json.dumps(line) + "\n" for line in lines[:limit]), encoding="utf-8")
    return target


@pytest.mark.slow
def test_five_hundred_real_articles_carry_evidence(shared_dir, tmp_path):
    """500 real news articles (PolNeAR) through `fuentes run`: every record has evidence inside its
    article, a span for every article it lists, and >= 95 % of entity spans read as its names."""
    source = polnear_jsonl(shared_dir, tmp_path / "polnear.jsonl", 500)
    records = run_and_export([str(source)], tmp_path / "polnear.db", "--workers", "2")
    assert sum(r["type"] == "article" for r in records) == 500
    report = check_export(records)
    print(json.dumps(report, indent=1))
    assert {"entity", "quote", "claim", "event", "relation", "derivation", "discrepancy"} <= set(report)
    assert problems(report, min_name_share=0.95) == []
