"""The Spark runner gives the same store as the local runner on the same inputs.

A few hundred synthetic articles (written by bench/spark.py's generator: originals, planted
wire copies and rewrites, broken lines) plus a folder of pages go through (1) the local ingest
and `analyse_provenance` and (2) `fuentes spark run` in local mode, loaded with `fuentes load`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fuentes.model import Entity

pytestmark = pytest.mark.spark
PAGE = """<html><head><title>{title}</title><meta name="author" content="Staff"></head><body>
<nav>Home | World | Sports</nav><article><h1>{title}</h1>{paras}</article>
<footer>Copyright 2025 The Test Courier. All rights reserved.</footer></body></html>"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, bench_spark) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    gen = bench_spark
    gen.write_jsonl(folder / "articles.jsonl", gen.synthetic_articles(300, seed=3, broken=3))
    pages = folder / "pages"
    pages.mkdir()
    for n in range(3):
        paras = "".join(f"<p>Paragraph {k} of page {n}: officers in the northern district questioned "
                        f"{k + 2} witnesses about the shipment seized at the river crossing.</p>" for k in range(6))
        (pages / f"page{n}.html").write_text(PAGE.format(title=f"Seizure report {n}", paras=paras), "utf-8")
    (pages / "empty.txt").write_text("too short\n", "utf-8")
    return [str(folder / "articles.jsonl"), str(pages), str(folder / "missing.warc.gz")]


@pytest.fixture(scope="module")
def local_store(inputs, tmp_path_factory):
    from fuentes.corpus.origins import analyse_provenance
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import iter_inputs
    from fuentes.store import open_store
    from fuentes.store.analysis import save_derivations
    from fuentes.store.articles import iter_articles

    store = open_store(str(tmp_path_factory.mktemp("local") / "local.db"))
    ingest_items(iter_inputs(inputs), store)
    result = analyse_provenance(list(iter_articles(store)))
    save_derivations(store, result.derivations, {k: (v, result.origins.get(k)) for k, v in result.kinds.items()})
    yield store
    store.close()


@pytest.fixture(scope="module")
def tables(spark, inputs, tmp_path_factory) -> Path:
    from fuentes.spark.corpus import run_provenance
    from fuentes.spark.job import run_ingest

    out = tmp_path_factory.mktemp("spark") / "tables"
    summary = run_ingest(spark, inputs, out)
    assert summary.articles > 250 and summary.rejected >= 5
    run_provenance(spark, str(out))
    return out


def _rows(store, table, drop=("ingested_at", "seen_at", "at")) -> list[dict]:
    from fuentes.store.analysis import all_rows

    rows = [{k: v for k, v in row.items() if k not in drop} for row in all_rows(store, table)]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.mark.parametrize("table", ["articles", "article_sources", "rejections", "derivations"])
def test_same_records_as_local_runner(local_store, loaded, table):
    from fuentes.store import schema

    local, spark = _rows(local_store, getattr(schema, table)), _rows(loaded, getattr(schema, table))
    assert local, f"the local run stored no {table}"
    assert spark == local


def test_planted_copies_found_and_kinds_set(loaded):
    from fuentes.store import schema

    kinds = {row["kind"] for row in _rows(loaded, schema.articles)}
    assert {"original", "syndicated"} <= kinds
    assert any(row["kind"] == "syndicated" for row in _rows(loaded, schema.derivations))


def test_candidate_pairs_match_local_lsh(tables, local_store):
    import pyarrow.parquet as pq

    from fuentes.corpus.derivation import relate, split_sentences
    from fuentes.corpus.lsh_index import LSHIndex
    from fuentes.store.articles import iter_articles

    arts = list(iter_articles(local_store))
    expected = LSHIndex().add_texts((a.id, a.text) for a in arts)
    rows = pq.read_table(tables / "derivation_pairs").to_pylist()
    found = [row for row in rows if "bands" in row["found_by"].split(",")]  # credit and translation pairs: other joins
    assert {(r["a"], r["b"]) for r in found} == expected
    assert len(expected) > 20
    text = {a.id: a.text for a in arts}
    for row in found[:40]:
        assert row["kind"] == relate(split_sentences(text[row["a"]]), split_sentences(text[row["b"]])).kind


def test_reload_is_idempotent(tables, loaded):
    from fuentes.spark.load import load_parquet
    from fuentes.store import schema

    before = {t: _rows(loaded, getattr(schema, t)) for t in ("articles", "article_sources", "rejections",
                                                              "derivations")}
    again = load_parquet(tables, loaded)
    assert again.stored == 0 and again.duplicates == len(before["articles"])
    assert {t: _rows(loaded, getattr(schema, t)) for t in before} == before


def test_blocked_entity_resolution_equals_corpus_wide(spark, tmp_path):
    from fuentes.corpus.entity_resolution import resolve_with_merges
    from fuentes.spark.corpus import run_entity_resolution

    def ent(key, name, kind, aliases=()):
        return Entity(id=key, name=name, kind=kind, aliases=list(aliases))

    per_article = {
        "a1": [ent("e1", "Nemesio Oseguera Cervantes", "person", ["El Mencho"]), ent("e2", "CJNG", "organization")],
        "a2": [ent("e1", "Nemesio Rubén Oseguera Cervantes", "person"), ent("e2", "Oseguera", "organization"),
               ent("e3", "Cártel Jalisco Nueva Generación", "organization", ["CJNG"])],
        "a3": [ent("e1", "El Mencho", "organization"), ent("e2", "John Smith", "person"),
               ent("e3", "Smith", "person")],
        "a4": [ent("e1", "Mary Smith", "person"), ent("e2", "Smith", "person"), ent("e3", "Culiacán", "place")],
        "a5": [ent("e1", "Culiacan", "place"), ent("e2", "the president", "person"), ent("e3", "the president", "person")],
    }
    rows = [(art, json.dumps([{"key": e.id, "name": e.name, "kind": e.kind, "aliases": e.aliases, "roles": [],
                               "evidence": []} for e in ents])) for art, ents in per_article.items()]
    out = tmp_path / "tables"
    spark.createDataFrame(rows, "article_id string, entities string").write.parquet(str(out / "layers"))
    run_entity_resolution(spark, str(out))
    import pyarrow.parquet as pq

    got = {r["id"]: (r["name"], sorted(json.loads(r["merged_from"])), sorted(json.loads(r["merge_evidence"])))
           for r in pq.read_table(out / "entities").to_pylist()}
    resolved, merges = resolve_with_merges(per_article)
    reasons: dict[str, list[str]] = {}
    for m in merges:
        reasons.setdefault(m.entity, []).append(f"{m.source}: {m.reason}")
    assert got == {e.id: (e.name, sorted(e.merged_from), sorted(reasons.get(e.id, []))) for e in resolved}
    assert len(resolved) < sum(len(v) for v in per_article.values())  # some merges happened


# --- the corpus stages on Spark: the shared declarations and orchestration -----------------------

def _parquet_rows(path) -> list[dict]:
    import pyarrow.parquet as pq

    return sorted(pq.read_table(path).to_pylist(), key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_spark_corpus_stages_follow_the_shared_declarations(spark, tables, tmp_path):
    """Without per-article layers only provenance can run: the shared plan keeps it alone, and its
    Spark job writes what `run_provenance` wrote for the module's tables."""
    import shutil

    from fuentes.corpus.stages import CORPUS_STAGES
    from fuentes.spark.stages import describe, run_spark_corpus

    out = tmp_path / "tables"
    shutil.copytree(tables / "articles", out / "articles")
    ran = []
    ctx, skipped = run_spark_corpus(spark, str(out), analysed=False,
                                    on_stage=lambda stage, c: ran.append(describe(stage.name, c.counts[stage.name])))
    assert list(ctx.counts) == ["provenance"] and ran[0].startswith("candidate pairs ")
    assert set(skipped) == set(CORPUS_STAGES) - {"provenance"}
    for table in ("derivations", "kinds"):
        assert _parquet_rows(out / table) == _parquet_rows(tables / table)
    _, skipped = run_spark_corpus(spark, str(out), analysed=False, leave_out=("provenance",))
    assert set(skipped) == set(CORPUS_STAGES)


@pytest.mark.models
def test_spark_run_of_the_corpus_stages_equals_fuentes_analyse(spark, tmp_path):
    """`fuentes spark run --analyse` (ingest, per-article stages, then `run_spark_corpus`, as the
    command calls them) loaded into a store holds the records `fuentes analyse` stores."""
    from fuentes.analyse import analyse
    from fuentes.corpus.stages import CORPUS_STAGES
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.limits import ReadOptions
    from fuentes.ingest.sources import iter_inputs
    from fuentes.spark.job import run_analysis, run_ingest
    from fuentes.spark.load import load_parquet
    from fuentes.spark.stages import run_spark_corpus
    from fuentes.store import open_store, schema

    examples = str(Path(__file__).resolve().parents[2] / "examples" / "articles")
    options = ReadOptions(saved_at="2026-03-09T20:00:00-06:00")
    out = tmp_path / "tables"
    run_ingest(spark, [examples], out, options)
    run_analysis(spark, out)
    order: list[str] = []
    ctx, skipped = run_spark_corpus(spark, str(out), analysed=True, on_stage=lambda stage, c: order.append(stage.name))
    assert tuple(order) == CORPUS_STAGES and skipped == {}
    loaded = open_store(str(tmp_path / "spark.db"))
    load_parquet(out, loaded)
    local = open_store(str(tmp_path / "local.db"))
    ingest_items(iter_inputs([examples], options), local)
    summary = analyse(local)
    assert ctx.counts["entity_resolution"]["entities"] == summary.entities
    assert ctx.counts["provenance"]["derivations"] == summary.derivations
    assert (ctx.counts["claims"]["claims"], ctx.counts["claims"]["discrepancies"]) == (summary.claims,
                                                                                      summary.discrepancies)
    assert (ctx.counts["stories"]["stories"], ctx.counts["stories"]["events"]) == (summary.stories, summary.events)
    assert ctx.counts["relations"]["relations"] == summary.relations
    for table in ("articles", "entities", "quotes", "derivations", "claims", "discrepancies", "stories", "events",
                  "relations"):
        assert _rows(loaded, getattr(schema, table)) == _rows(local, getattr(schema, table)), table
    loaded.close()
    local.close()


def test_local_workers_have_the_drivers_packages(spark):
    # Regression: without PYSPARK_PYTHON, local workers started the first `python` on PATH,
    # which lacked warcio when fuentes ran from a virtual environment that was not activated.
    def packages(_):
        import importlib.util
        import sys

        return sys.executable, importlib.util.find_spec("warcio") is not None, importlib.util.find_spec("fuentes") is not None

    executable, has_warcio, has_fuentes = spark.sparkContext.parallelize([0], 1).map(packages).collect()[0]
    assert has_warcio and has_fuentes, executable
