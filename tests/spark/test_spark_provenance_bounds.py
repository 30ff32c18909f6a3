"""Bounded provenance candidates on Spark: on a dense cluster (every article a candidate of every
other), the Spark job keeps the pairs the local index keeps (`origins.kept_partners` per article)
and so gives the same derivations, kinds and origins."""

from __future__ import annotations

import pytest

from tests.corpus.test_origins import _dense_cluster

pytestmark = pytest.mark.spark
COLUMNS = ("id", "source", "text", "title", "byline", "language", "outlet", "published", "saved_at")


def _cluster():
    """Two dense clusters (English and Spanish), times to the minute, to the day and missing."""
    arts = _dense_cluster("en", 30, seed=5, hourly=True) + _dense_cluster("es", 24, seed=6, hourly=True)
    for n, art in enumerate(arts):
        if n % 4 == 1:
            art.published = art.published[:10]  # the same day, to the day only
        elif n % 9 == 2:
            art.published = None
    return arts


@pytest.mark.slow  # a whole provenance run on Spark: ~20-40 s on 2 cores
def test_dense_cluster_gives_the_same_derivations_locally_and_on_spark(spark, tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    from fuentes.corpus import origins
    from fuentes.corpus.origins import ProvenanceIndex
    from fuentes.spark.corpus import run_provenance

    monkeypatch.setattr(origins, "LSH_CANDIDATES", 5)  # the driver passes the bounds to the workers
    monkeypatch.setattr(origins, "EARLIER_CANDIDATES", 3)
    arts = _cluster()
    index = ProvenanceIndex()
    changes = index.add(arts)
    assert changes.pairs_capped > 300  # the bounds left out most of the 711 LSH candidates
    local = index.result()

    out = tmp_path / "tables"
    rows = [tuple(getattr(a, c) for c in COLUMNS) for a in arts]
    spark.createDataFrame(rows, ", ".join(f"{c} string" for c in COLUMNS)).write.parquet(str(out / "articles"))
    counts = run_provenance(spark, str(out))
    assert counts["candidate_pairs"] == local.pairs_examined
    got = {(r["source"], r["target"], r["kind"], round(r["score"], 6), r["decided_by"])
           for r in pq.read_table(out / "derivations").to_pylist()}
    assert got == {(d.source, d.target, d.kind, round(d.score, 6), d.decided_by) for d in local.derivations}
    kinds = {r["article_id"]: (r["kind"], r["origin"]) for r in pq.read_table(out / "kinds").to_pylist()}
    assert kinds == {k: (v, local.origins.get(k)) for k, v in local.kinds.items()}
    assert {"time", "containment"} <= {d.decided_by for d in local.derivations}


def test_bounded_pairs_keep_what_each_article_keeps(spark, monkeypatch):
    """`bounded_pairs` over the candidate pairs equals the local index's bound, per article, with ties."""
    import numpy as np

    from fuentes.corpus.origins import Info, kept_partners
    from fuentes.spark.corpus import bounded_pairs

    infos = {f"a{k}": Info(f"a{k}", f"Outlet {k}", f"2026-03-0{1 + k % 3}" if k % 5 else None, 100 + (k * 37) % 50, [])
             for k in range(12)}
    rng = np.random.default_rng(4)
    pairs = [(a, b, float(rng.integers(2, 6)) / 8) for a in infos for b in infos if a < b]  # many ties
    table = spark.createDataFrame(pairs, "a string, b string, jaccard double")
    found = {(r["a"], r["b"]) for r in bounded_pairs(spark, table, spark.sparkContext.parallelize(list(infos.items())),
                                                     3, 2).collect()}
    kept = {aid: kept_partners(info, [(j, b if a == aid else a, infos[b if a == aid else a])
                                      for a, b, j in pairs if aid in (a, b)], 3, 2) for aid, info in infos.items()}
    expected = {(a, b) for a, b, _ in pairs if b in kept[a] or a in kept[b]}
    assert found == expected and len(expected) < len(pairs)
