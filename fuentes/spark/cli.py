"""`fuentes spark run` (a Spark job writing Parquet tables) and `fuentes load` (tables -> store).

The same entry point runs under spark-submit: `spark-submit --master yarn ... -m`-style
launching goes through `python -m fuentes.spark.cli run ... --master ""` (keep the master that
spark-submit set); see docs/spark.md.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from fuentes.errors import FuentesError

spark_app = typer.Typer(add_completion=False, no_args_is_help=True,
                        help="Run fuentes on Apache Spark: per-article stages and corpus stages to Parquet.")
err = Console(stderr=True)


@spark_app.command("run")
def run(inputs: list[str] = typer.Argument(..., help="Files or folders: WARC, JSON lines, Parquet, pages."),
        out: Path = typer.Option(..., "--out", "-o", help="Folder for the Parquet tables (replaced)."),
        analyse: bool = typer.Option(False, "--analyse/--no-analyse",
                                     help="Also run the analysis stages (spaCy) and entity resolution."),
        provenance: bool = typer.Option(True, "--provenance/--no-provenance",
                                        help="Derivation candidates, relations, kinds and origins."),
        master: str = typer.Option("local[2]", help="Spark master URL; '' keeps spark-submit's."),
        partitions: int = typer.Option(0, help="Partitions for pages and WARC records (0: Spark's default)."),
        max_bytes: int = typer.Option(16 * 1024 * 1024, help="Largest input document accepted, in bytes."),
        saved_at: Optional[str] = typer.Option(None, help="When the given pages were saved (ISO 8601)."),
        window_days: Optional[int] = typer.Option(
            None, "--window-days", min=0, help="Derivation candidates only among articles published at most N "
            "days apart (undated ones: the day saved, else every article); as `fuentes analyse --window-days`."),
        conf: list[str] = typer.Option([], "--conf", help="Extra Spark settings KEY=VALUE (repeatable).")) -> None:
    """Ingest (and optionally analyse) the inputs on Spark, writing the store's tables as Parquet."""
    from fuentes.ingest.limits import ReadOptions
    from fuentes.spark import spark_session
    from fuentes.spark.job import run_analysis, run_ingest
    from fuentes.spark.stages import describe, run_spark_corpus

    settings = dict(item.split("=", 1) for item in conf if "=" in item)
    started = time.monotonic()
    try:
        spark = spark_session(master or None, conf=settings)
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    try:
        options = ReadOptions(max_bytes=max_bytes, saved_at=saved_at)
        summary = run_ingest(spark, inputs, out, options, partitions or None)
        err.print(f"articles {summary.articles}, duplicates {summary.duplicates}, rejected {summary.rejected}",
                  markup=False)
        if analyse:
            done = run_analysis(spark, out)
            err.print(f"analysed {done.analysed} ({done.analysis_failed} failed)", markup=False)
        # The corpus stages of `fuentes analyse`, in their declared order, each as its Spark job;
        # without --analyse only those that need no per-article layers (provenance) run.
        left_out = () if provenance else ("provenance",)
        _ctx, skipped = run_spark_corpus(
            spark, str(out), analysed=analyse, window_days=window_days, leave_out=left_out,
            on_stage=lambda stage, ctx: err.print(describe(stage.name, ctx.counts[stage.name]), markup=False))
        for name, lacking in skipped.items():
            if name not in left_out and lacking and set(lacking) <= {"provenance"}:  # claims need the origins
                err.print(f"{name} not run (--no-provenance: no origins); run `fuentes analyse` after loading",
                          markup=False)
    finally:
        spark.stop()
    err.print(f"tables written to {out} in {time.monotonic() - started:.1f} s; "
              f"bring them into a store with `fuentes load {out}`", markup=False)
    raise typer.Exit(1 if summary.rejected else 0)


def load_command(tables: Path = typer.Argument(..., help="The --out folder of `fuentes spark run`."),
                 db: Optional[str] = typer.Option(None, "--db", envvar="FUENTES_DB",
                                                  help="Store: a SQLite file path or a postgresql:// URL.")) -> None:
    """Load the Parquet tables of a Spark run into the store (re-loading changes nothing)."""
    from fuentes.spark.load import load_parquet
    from fuentes.store import open_store

    try:
        store = open_store(db)
        summary = load_parquet(tables, store)
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    err.print(f"stored {summary.stored} (already there {summary.duplicates}), rejections {summary.rejected}, "
              f"analysed {summary.analysed}, derivations {summary.derivations}, entities {summary.entities}, "
              f"claims {summary.claims}, discrepancies {summary.discrepancies}, "
              f"quote variants {summary.quote_variants}", markup=False)


if __name__ == "__main__":  # spark-submit entry: python -m fuentes.spark.cli run ...
    spark_app()
