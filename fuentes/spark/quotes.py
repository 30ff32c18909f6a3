"""Quote variants on Spark: the `variant_of` links `match_quotes` sets, found by joins.

`match_quotes` compares two quotes of different articles when their word sets share a
MinHash LSH band (both of at least MIN_WORDS words) and calls the later one (in the store's
order: article id, then position) a variant of the earlier when `quote_relation` says
"variant". A variant pair always spans two articles, so its statement group is always kept:
the links depend on the verified pairs alone, and a quote rewording several earlier ones
points at the earliest. Here: LSH band keys per quote, exploded and self-joined across
articles, each pair verified in mapPartitions, the earliest earlier partner kept per quote
(a reduce by key). Nothing is gathered on the driver.

Table `quote_variants` (quote_id, variant_of), loaded with `save_quote_variants`.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from fuentes.codecs import QUOTE
from fuentes.spark.claims import lsh_keys

NUM_PERM = 64  # as match_quotes' default


def quotes_partition(rows: Iterable[Any]) -> Iterator[tuple[str, tuple]]:
    """(quote id, (order, quote)) for each quote of a layers row (as the store loads them)."""
    for row in rows:
        article = row["article_id"]
        for q in json.loads(row["quotes"] or "[]"):
            quote = QUOTE.from_row({**q, "article_id": article, "variant_of": None})
            yield quote.id, ((article, quote.start, quote.id), quote)


def band_rows(item: tuple[str, tuple]) -> Iterator[tuple[str, str, str]]:
    from fuentes.corpus.quote_matching import LSH_THRESHOLD, MIN_WORDS, quote_key, quote_minhash

    qid, (order, quote) = item
    words = set(quote_key(quote.text).split())
    if len(words) >= MIN_WORDS:
        mh = quote_minhash(words, NUM_PERM)
        yield from ((key, qid, order[0]) for key in lsh_keys("", mh.hashvalues, LSH_THRESHOLD, NUM_PERM))


def variant_partition(pairs: Iterable[tuple[str, tuple[tuple[str, tuple], tuple]]]) -> Iterator[tuple]:
    """(later quote id, (earlier order, earlier id)) for every verified rewording."""
    from fuentes.corpus.quote_matching import quote_key, quote_relation

    for _, ((_, (oa, qa)), (ob, qb)) in pairs:
        (o1, q1), (o2, q2) = sorted(((oa, qa), (ob, qb)), key=lambda p: p[0])
        if quote_relation(q1, q2, quote_key(q1.text), quote_key(q2.text)) == "variant":
            yield q2.id, (o1, q1.id)


def run_quote_variants(spark, out: str) -> int:
    """Write `quote_variants` under `out` from the layers table; returns how many variants."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    quotes = spark.read.parquet(f"{out}/layers").select("article_id", "quotes").rdd \
        .mapPartitions(quotes_partition).persist(StorageLevel.MEMORY_AND_DISK)
    bands = spark.createDataFrame(quotes.flatMap(band_rows), "key string, qid string, article string")
    pairs = bands.alias("x").join(bands.alias("y"), "key") \
        .where((F.col("x.qid") < F.col("y.qid")) & (F.col("x.article") != F.col("y.article"))) \
        .select(F.col("x.qid").alias("a"), F.col("y.qid").alias("b")).distinct()
    joined = pairs.rdd.map(lambda r: (r["a"], r["b"])).join(quotes) \
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).join(quotes)
    variants = joined.mapPartitions(variant_partition).reduceByKey(min).map(lambda kv: (kv[0], kv[1][1]))
    spark.createDataFrame(variants, "quote_id string, variant_of string") \
        .write.mode("overwrite").parquet(f"{out}/quote_variants")
    quotes.unpersist()
    return spark.read.parquet(f"{out}/quote_variants").count()
