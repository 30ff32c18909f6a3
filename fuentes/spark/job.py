"""The per-article stages on Spark: inputs -> mapPartitions(pipeline) -> Parquet tables.

Inputs are read where they are split best: JSON lines with Spark's text reader (splittable,
line numbers kept with zipWithIndex so sources read `path#line N` as in a local ingest),
Parquet with Spark's Parquet reader (`path#row N`), and every other file (WARC, HTML, text,
.gz) by the local readers inside the executors, one task per file, then spread over the
cluster. Each partition builds the pipeline once (module-level cache: once per Python worker,
so the spaCy models load once per executor core) and turns every item into the same row or
Rejection as `fuentes.runners.process_one`.

Tables written under the output folder (the store's records; JSON columns as JSON strings):
  articles         one row per article id (the first read, as the store keeps it)
  article_sources  (article_id, source) for every input that gave an article
  rejections       (source, reason)
  layers           per-article analysis layers (with --analyse), as `save_article_layers` takes
  analysis_failures  (article_id, source, reason) of articles the analysis stages failed on
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from fuentes.ingest.files import is_url, iter_files, iter_paths, kind_from_name
from fuentes.ingest.jsonl import parse_line
from fuentes.ingest.limits import ReadOptions, source_name, too_large
from fuentes.codecs import ARTICLE
from fuentes.model import Rejection

ARTICLE_COLUMNS = ARTICLE.columns
JSON_COLUMNS = ARTICLE.json_columns
LAYER_COLUMNS = ("article_id", "mentions", "entities", "quotes", "layers", "extractors")
FILE_SHIFT = 40  # order key = file number << 40 | record number: input order across files
_pipelines: dict[str, Any] = {}  # per Python worker: built once, reused by every task


@dataclass
class Inputs:
    """What the driver found: files by how they are read, plus rejections of the specs."""

    jsonl: list[tuple[int, str]] = field(default_factory=list)  # (file number, path)
    parquet: list[tuple[int, str]] = field(default_factory=list)
    files: list[tuple[int, str]] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def plan_inputs(specs: Iterable[str], options: ReadOptions) -> Inputs:
    """List the input files in the local reading order (names only: no content is read here)."""
    found = Inputs()
    number = 0
    for spec in specs:
        if is_url(spec) and not spec.startswith("file://"):
            _plan_uri(spec, number, found)
            number += 1
            continue
        spec = spec.removeprefix("file://")
        if os.path.isdir(spec) and any(name.endswith(".parquet") for name in os.listdir(spec)):
            found.parquet.append((number, spec))  # a Parquet dataset (folder of part files)
            number += 1
            continue
        paths = list(iter_paths([spec]))
        if not paths:  # missing path or empty folder: the local reader's own rejection
            found.rejections.extend(item for item in iter_files(spec, options) if isinstance(item, Rejection))
        for path in paths:
            kind = kind_from_name(path.name)
            target = {"jsonl": found.jsonl, "jsonl.gz": found.jsonl}.get(kind or "", found.files)
            if path.name.lower().endswith(".parquet"):
                target = found.parquet
            target.append((number, str(path)))
            number += 1
    return found


def _plan_uri(spec: str, number: int, found: Inputs) -> None:
    """A Hadoop file system URI (hdfs://, s3a://...): JSON lines or Parquet, read by Spark itself."""
    lower = spec.lower().rstrip("/")
    if lower.startswith(("http://", "https://")):
        found.rejections.append(Rejection(spec, "fuentes spark reads files and folders; fetch web pages "
                                                "with `fuentes ingest` or save them to a WARC first"))
    elif lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        found.jsonl.append((number, spec))
    elif lower.endswith(".parquet") or "." not in lower.rsplit("/", 1)[-1]:
        found.parquet.append((number, spec))  # a .parquet file or a folder: a Parquet dataset
    else:
        found.rejections.append(Rejection(spec, "on a distributed file system give JSON lines (.jsonl) or "
                                                "Parquet; WARC and pages are read from mounted paths"))


def _spark_path(path: str) -> str:
    return path if "://" in path else os.path.abspath(path)


def read_inputs(spark, found: Inputs, options: ReadOptions, partitions: int):
    """RDD of (order key, RawDocument or Rejection) over every input."""
    sc = spark.sparkContext
    parts = []
    for number, path in found.jsonl:
        name = path if "://" in path else source_name(Path(path))
        lines = sc.textFile(_spark_path(path), minPartitions=partitions).zipWithIndex()
        parts.append(lines.map(lambda item, n=number, name=name: _jsonl_item(item, n, name, options)))
    for number, path in found.parquet:
        name = path if "://" in path else source_name(Path(path))
        rows = spark.read.parquet(_spark_path(path)).rdd.zipWithIndex()
        parts.append(rows.map(lambda item, n=number, name=name: _parquet_item(item, n, name, options)))
    if found.files:
        paths = sc.parallelize(found.files, max(1, min(len(found.files), partitions * 4)))
        read = paths.flatMap(lambda entry: _file_items(entry, options))
        parts.append(read.repartition(partitions) if len(found.files) < partitions * 2 else read)
    if found.rejections:
        parts.append(sc.parallelize([(-1, r) for r in found.rejections], 1))
    return sc.union(parts) if parts else sc.emptyRDD()


def _jsonl_item(item: tuple[str, int], number: int, name: str, options: ReadOptions):
    line, index = item
    order = (number << FILE_SHIFT) | index
    source = f"{name}#line {index + 1}"
    data = line.encode("utf-8")
    if len(data) > options.max_bytes:
        return order, Rejection(source, too_large(len(data) + 1, options.max_bytes))
    if not line.strip():
        return order, None
    return order, parse_line(data, source, options)


def _parquet_item(item, number: int, name: str, options: ReadOptions):
    """A Parquet row (columns as in a JSON line) read by the JSON-lines rules."""
    row, index = item
    values = {key: value for key, value in row.asDict().items() if value is not None}
    line = json.dumps(values, ensure_ascii=False, default=str).encode("utf-8")
    return (number << FILE_SHIFT) | index, parse_line(line, f"{name}#row {index + 1}", options)


def _file_items(entry: tuple[int, str], options: ReadOptions) -> Iterator[tuple[int, Any]]:
    from fuentes.ingest.files import read_path

    number, path = entry
    for index, item in enumerate(read_path(Path(path), options)):
        yield (number << FILE_SHIFT) | index, item


def _pipeline(kind: str):
    """The pipeline of `kind` ("ingest" or "analysis"), built once per Python worker."""
    if kind not in _pipelines:
        if kind == "ingest":
            from fuentes.ingest.job import article_row, ingest_pipeline

            _pipelines[kind] = (ingest_pipeline(), article_row)
        else:
            from fuentes.analyse import analysis_pipeline, layers_row

            _pipelines[kind] = (analysis_pipeline(), layers_row)
    return _pipelines[kind]


def ingest_partition(items: Iterable[tuple[int, Any]]) -> Iterator[tuple]:
    """(order, article row tuple or None, rejection tuple or None) for each input item."""
    from fuentes.runners import process_one

    pipeline, to_row = _pipeline("ingest")
    for order, item in items:
        if item is None:
            continue
        result = item if isinstance(item, Rejection) else process_one(item, pipeline, to_row)
        if isinstance(result, Rejection):
            yield order, None, (result.source, result.reason)
        else:
            yield order, article_tuple(result), None


def article_tuple(row: dict[str, Any]) -> tuple:
    """An article row as a tuple in ARTICLE_COLUMNS order, JSON columns as JSON strings."""
    return tuple(json.dumps(row[c], ensure_ascii=False, sort_keys=True) if c in JSON_COLUMNS else row[c]
                 for c in ARTICLE_COLUMNS)


def article_schema():
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType([StructField(c, StringType(), c not in ("id", "source", "text", "kind"))
                       for c in ARTICLE_COLUMNS] + [StructField("first_seen", LongType(), False)])


@dataclass
class SparkSummary:
    articles: int = 0
    duplicates: int = 0
    rejected: int = 0
    analysed: int = 0
    analysis_failed: int = 0
    derivations: int = 0
    entities: int = 0
    tables: list[str] = field(default_factory=list)


def run_ingest(spark, specs: list[str], out: str | Path, options: ReadOptions | None = None,
               partitions: int | None = None) -> SparkSummary:
    """Read, clean and identify every input; write articles, article_sources and rejections."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    options = options or ReadOptions()
    partitions = partitions or spark.sparkContext.defaultParallelism
    out = str(out)
    results = read_inputs(spark, plan_inputs(specs, options), options, partitions) \
        .mapPartitions(ingest_partition).persist(StorageLevel.MEMORY_AND_DISK)
    rows = results.filter(lambda r: r[1] is not None).map(lambda r: (*r[1], r[0]))
    found = spark.createDataFrame(rows, article_schema())
    first = Window.partitionBy("id").orderBy("first_seen")
    articles = found.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")
    articles.write.mode("overwrite").parquet(f"{out}/articles")
    found.select(F.col("id").alias("article_id"), "source").distinct() \
        .write.mode("overwrite").parquet(f"{out}/article_sources")
    rejected = results.filter(lambda r: r[2] is not None).map(lambda r: r[2])
    spark.createDataFrame(rejected, "source string, reason string").dropDuplicates(["source"]) \
        .write.mode("overwrite").parquet(f"{out}/rejections")
    summary = SparkSummary(tables=["articles", "article_sources", "rejections"])
    table = spark.read.parquet(f"{out}/articles")
    summary.articles = table.count()
    summary.duplicates = spark.read.parquet(f"{out}/article_sources").count() - summary.articles
    summary.rejected = spark.read.parquet(f"{out}/rejections").count()
    results.unpersist()
    return summary


def analyse_partition(rows: Iterable[Any]) -> Iterator[tuple]:
    """(layers tuple or None, failure tuple or None) for each stored article row."""
    from fuentes.analyse import doc_from_article
    from fuentes.runners import process_one

    pipeline, to_row = _pipeline("analysis")
    extractors = json.dumps({stage.name: stage.version for stage in pipeline.stages}, sort_keys=True)
    for row in rows:
        item = {key: row[key] for key in ("id", "source", "text", "language", "outlet", "published")}
        result = process_one(item, pipeline, to_row, doc_from_article)
        if isinstance(result, Rejection):
            yield None, (row["id"], row["source"], result.reason)
        else:
            yield (result["id"], *(json.dumps(result[k], ensure_ascii=False) for k in LAYER_COLUMNS[1:5]),
                   extractors), None


def run_analysis(spark, out: str | Path) -> SparkSummary:
    """The per-article analysis stages (`fuentes.analyse.ANALYSIS_STAGES`, as `analysis_pipeline`
    orders them) over `out/articles`; the corpus stages follow in `fuentes.spark.stages`."""
    from pyspark import StorageLevel

    out = str(out)
    articles = spark.read.parquet(f"{out}/articles").select("id", "source", "text", "language", "outlet",
                                                             "published")
    results = articles.rdd.mapPartitions(analyse_partition).persist(StorageLevel.MEMORY_AND_DISK)
    schema = ", ".join(f"{c} string" for c in LAYER_COLUMNS)
    spark.createDataFrame(results.filter(lambda r: r[0] is not None).map(lambda r: r[0]), schema) \
        .write.mode("overwrite").parquet(f"{out}/layers")
    spark.createDataFrame(results.filter(lambda r: r[1] is not None).map(lambda r: r[1]),
                          "article_id string, source string, reason string") \
        .write.mode("overwrite").parquet(f"{out}/analysis_failures")
    summary = SparkSummary(tables=["layers", "analysis_failures"])
    summary.analysed = spark.read.parquet(f"{out}/layers").count()
    summary.analysis_failed = spark.read.parquet(f"{out}/analysis_failures").count()
    results.unpersist()
    return summary
