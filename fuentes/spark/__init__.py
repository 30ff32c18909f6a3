"""fuentes on Apache Spark: the same per-article pipeline and corpus stages, run over a cluster.

- `fuentes.spark.job`: inputs (WARC, JSON lines, Parquet, pages) -> per-article stages in
  `mapPartitions` -> Parquet tables holding the store's records (articles, their sources,
  rejections, per-article analysis layers).
- `fuentes.spark.corpus`: cross-article stages as distributed joins (MinHash LSH band buckets
  for derivation candidates, components of related articles for provenance decisions,
  blocked entity resolution).
- `fuentes.spark.load`: the Parquet tables into a SQLite or PostgreSQL store (idempotent).

pyspark is an optional dependency (`pip install fuentes[spark]`); nothing here imports it
at module level except the modules that run Spark jobs.
"""

from __future__ import annotations

from fuentes.errors import FuentesError

SPARK_HINT = "pyspark is not installed: pip install 'fuentes[spark]' (and a Java 17+ runtime)"


def require_pyspark() -> None:
    """Fail with a message that says what to install when pyspark is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise FuentesError(SPARK_HINT) from exc


def spark_session(master: str | None = "local[2]", app_name: str = "fuentes", conf: dict[str, str] | None = None):
    """A SparkSession for fuentes jobs. `master=None` keeps what spark-submit configured.

    Local mode binds to the loopback address and runs without the web UI, and its Python
    workers run the driver's own interpreter (unless PYSPARK_PYTHON names another):
    otherwise they start whatever `python` is first on PATH, which may lack fuentes' packages
    when fuentes runs from a virtual environment that is not activated. Python workers are
    reused between tasks so each keeps its loaded models.
    """
    require_pyspark()
    import os
    import sys

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name).config("spark.python.worker.reuse", "true")
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false") \
            .config("spark.driver.bindAddress", "127.0.0.1")
        if not os.environ.get("PYSPARK_PYTHON") and sys.executable:
            os.environ["PYSPARK_PYTHON"] = sys.executable  # read by the SparkContext, not a conf key
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def read_table(spark, out: str, name: str):
    """A table of a Spark run under `out`, or None when that run did not write it."""
    from pyspark.errors import AnalysisException

    try:
        return spark.read.parquet(f"{out}/{name}")
    except AnalysisException:
        return None
