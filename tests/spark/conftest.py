"""A Spark session in local mode for the Spark tests; they skip when pyspark or Java is missing."""

from __future__ import annotations

import os
import shutil

import pytest


def _java_missing() -> bool:
    home = os.environ.get("JAVA_HOME")
    return not (shutil.which("java") or (home and os.path.exists(os.path.join(home, "bin", "java"))))


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'fuentes[spark]')")
    if _java_missing():
        pytest.skip("no Java runtime (java on PATH or JAVA_HOME): Spark needs Java 17+")
    from fuentes.spark import spark_session

    session = spark_session("local[2]", "fuentes-tests", conf={
        "spark.sql.shuffle.partitions": "4", "spark.default.parallelism": "2",
        "spark.ui.showConsoleProgress": "false", "spark.driver.memory": "1g"})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "spark: needs pyspark and a Java runtime (Spark in local mode)")


@pytest.fixture(scope="session")
def bench_spark():
    """bench/spark.py as a module: the synthetic crawl the benchmark and these tests share."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "spark.py"
    spec = importlib.util.spec_from_file_location("fuentes_bench_spark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def loaded(tables, tmp_path_factory):
    """The Parquet tables of the module's `tables` fixture, loaded into a fresh SQLite store."""
    from fuentes.spark.load import load_parquet
    from fuentes.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("loaded") / "spark.db"))
    load_parquet(tables, store)
    yield store
    store.close()
