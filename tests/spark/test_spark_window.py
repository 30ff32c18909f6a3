"""The publication window on Spark (a join on band key and time bucket) equals the local index's.

Articles from bench/spark.py's generator, published over 20 days (copies up to 2 days after
their original), some with only the crawl time, some with no date at all and a few with a
partial date, are ingested locally; the same stored rows go to Spark as the `articles` table.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.spark
COLUMNS = ("id", "source", "text", "byline", "language", "outlet", "published", "saved_at")


@pytest.fixture(scope="module")
def articles(tmp_path_factory, bench_spark) -> list:
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import iter_inputs
    from fuentes.store import open_store
    from fuentes.store.articles import iter_articles

    gen = bench_spark
    lines = gen.synthetic_articles(260, seed=11, span_days=20, drift_days=2, undated=0.1, dateless=0.06)
    for n in range(3, len(lines), 40):  # a month is not a day: these meet every article
        item = json.loads(lines[n])
        lines[n] = json.dumps(dict(item, published="2025-03"), ensure_ascii=False)
    folder = tmp_path_factory.mktemp("window")
    path = gen.write_jsonl(folder / "articles.jsonl", lines)
    store = open_store(str(folder / "local.db"))
    ingest_items(iter_inputs([str(path)]), store)
    arts = list(iter_articles(store))
    store.close()
    return arts


@pytest.fixture(scope="module")
def table(spark, articles):
    rows = [tuple(getattr(a, c) for c in COLUMNS) for a in articles]
    return spark.createDataFrame(rows, ", ".join(f"{c} string" for c in COLUMNS)).cache()


def _local_pairs(articles, window):
    from fuentes.corpus.lsh_index import LSHIndex, window_day

    return LSHIndex(window_days=window).add_texts((a.id, a.text, window_day(a.published, a.saved_at))
                                                  for a in articles)


def test_fixture_has_every_kind_of_date(articles):
    from fuentes.corpus.lsh_index import window_day

    assert sum(a.published is None and a.saved_at is not None for a in articles) > 10
    assert sum(window_day(a.published, a.saved_at) is None for a in articles) > 10
    assert any(a.published == "2025-03" for a in articles)


@pytest.mark.parametrize("window, only_dated", [(0, False), (3, True)])
def test_windowed_candidates_equal_local_index(spark, table, articles, window, only_dated):
    from fuentes.corpus.lsh_index import window_day
    from fuentes.spark.corpus import candidate_pairs

    day = {a.id: window_day(a.published, a.saved_at) for a in articles}
    if only_dated:  # the job skips the join of undated articles when there are none
        articles = [a for a in articles if day[a.id] is not None]
        table = table.where(table.id.isin([a.id for a in articles]))
    found = {(r["a"], r["b"]) for r in candidate_pairs(spark, table, window).collect()}
    expected = _local_pairs(articles, window)
    assert found == expected
    assert expected < _local_pairs(articles, None)  # the window left pairs out
    assert only_dated or any(day[a] is None or day[b] is None for a, b in expected)  # undated meet the rest
    assert not window or any(day[a] is not None and day[b] is not None and day[a] // window != day[b] // window
                             for a, b in expected)  # pairs across two time buckets are found


def test_no_window_is_the_plain_band_join(spark, table, articles):
    from fuentes.spark.corpus import candidate_pairs

    assert {(r["a"], r["b"]) for r in candidate_pairs(spark, table).collect()} == _local_pairs(articles, None)


@pytest.mark.slow  # a whole provenance run on Spark: ~20-40 s on 2 cores
def test_windowed_provenance_equals_local(spark, table, articles, tmp_path):
    import pyarrow.parquet as pq

    from fuentes.corpus.origins import ProvenanceIndex
    from fuentes.spark.corpus import run_provenance

    out = tmp_path / "tables"
    table.write.parquet(str(out / "articles"))
    counts = run_provenance(spark, str(out), window_days=2)
    index = ProvenanceIndex(window_days=2)
    index.add(articles)
    local = index.result()
    assert counts["candidate_pairs"] == local.pairs_examined
    got = {(r["source"], r["target"], r["kind"], round(r["score"], 6))
           for r in pq.read_table(out / "derivations").to_pylist()}
    assert got == {(d.source, d.target, d.kind, round(d.score, 6)) for d in local.derivations}
    kinds = {r["article_id"]: (r["kind"], r["origin"]) for r in pq.read_table(out / "kinds").to_pylist()}
    assert kinds == {k: (v, local.origins.get(k)) for k, v in local.kinds.items()}
    assert any(v == "syndicated" for v in local.kinds.values())
