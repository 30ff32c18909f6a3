"""The Spark implementations of the corpus stages: stage name -> the distributed job.

`fuentes spark run --analyse` runs the same corpus stages as `fuentes analyse`, in the order their
declarations give (`fuentes.corpus.stages`), through the same orchestration (`run_corpus`); only
each stage's work is replaced by the Spark job below, which reads and writes Parquet tables under
the run's folder. A corpus stage without an entry in `SPARK_STAGES` is refused when the Spark
pipeline is built.

What a Spark stage writes to the context is the name of the table it wrote; its counts go to
`ctx.counts[stage name]`, which `describe` turns into the line the command prints.
"""

from __future__ import annotations

from typing import Any, Callable

from fuentes.corpus.stages import CORPUS_INPUTS, run_corpus
from fuentes.errors import PipelineError
from fuentes.pipeline import CorpusContext, CorpusStage

# Where each initial corpus input lives in a Spark run's folder.
INPUT_TABLES = {"articles": "articles", "local_entities": "layers", "quotes": "layers", "claims_layer": "layers",
                "events_layer": "layers", "relations_layer": "layers"}


def _table(name: str) -> Callable[[], str]:
    return lambda: name


class SparkContext(CorpusContext):
    """The tables of a Spark run under `out`: `articles` always, the per-article layers when
    `analysed` (the `layers` table of `fuentes.spark.job.run_analysis`)."""

    def __init__(self, spark, out: str, analysed: bool, window_days: int | None = None):
        given = [name for name, table in INPUT_TABLES.items() if analysed or table != "layers"]
        super().__init__({name: _table(INPUT_TABLES[name]) for name in given})
        self.spark = spark
        self.out = str(out)
        self.window_days = window_days
        self.counts: dict[str, dict[str, int]] = {}


def _entity_resolution(ctx: SparkContext) -> None:
    from fuentes.spark.corpus import run_entity_resolution

    ctx.counts["entity_resolution"] = {"entities": run_entity_resolution(ctx.spark, ctx.out)}
    ctx.write("entities", "entities")


def _quote_matching(ctx: SparkContext) -> None:
    from fuentes.spark.quotes import run_quote_variants

    ctx.counts["quote_matching"] = {"quote_variants": run_quote_variants(ctx.spark, ctx.out)}
    ctx.write("quote_variants", "quote_variants")


def _provenance(ctx: SparkContext) -> None:
    from fuentes.spark.corpus import run_provenance

    ctx.counts["provenance"] = run_provenance(ctx.spark, ctx.out, ctx.window_days)
    ctx.write("provenance", "kinds")  # with derivation_pairs and derivations


def _claims(ctx: SparkContext) -> None:
    from fuentes.spark.claims import run_claims

    ctx.counts["claims"] = run_claims(ctx.spark, ctx.out)
    ctx.write("claims", "claims")
    ctx.write("discrepancies", "discrepancies")


def _stories(ctx: SparkContext) -> None:
    from fuentes.spark.stories import run_stories

    ctx.counts["stories"] = run_stories(ctx.spark, ctx.out)
    ctx.write("stories", "stories")
    ctx.write("events", "events")


def _relations(ctx: SparkContext) -> None:
    from fuentes.spark.stories import run_relations

    ctx.counts["relations"] = {"relations": run_relations(ctx.spark, ctx.out)}
    ctx.write("relations", "relations")


SPARK_STAGES: dict[str, Callable[[SparkContext], None]] = {
    "entity_resolution": _entity_resolution,
    "quote_matching": _quote_matching,
    "provenance": _provenance,
    "claims": _claims,
    "stories": _stories,
    "relations": _relations,
}

REPORTS = {
    "entity_resolution": "entities {entities}",
    "quote_matching": "quote variants {quote_variants}",
    "provenance": "candidate pairs {candidate_pairs}, related {related_pairs}, derivations {derivations}",
    "claims": "claims {claims}, discrepancies {discrepancies}",
    "stories": "stories {stories} (from {components} blocks, largest {largest_component} articles), events {events}",
    "relations": "relations {relations}",
}


def describe(name: str, counts: dict[str, Any]) -> str:
    """The line `fuentes spark run` prints after a corpus stage."""
    template = REPORTS.get(name)
    if template is None:
        return f"{name}: " + ", ".join(f"{key} {value}" for key, value in counts.items())
    return template.format(**counts)


def run_spark_corpus(spark, out: str, *, analysed: bool, window_days: int | None = None,
                     leave_out: tuple[str, ...] = (),
                     on_stage: Callable[[CorpusStage, SparkContext], None] | None = None
                     ) -> tuple[SparkContext, dict[str, tuple[str, ...]]]:
    """The corpus stages on Spark over the tables under `out` (the shared orchestration with the
    Spark jobs): (context with the counts, {stage skipped: the inputs it lacks})."""
    unplaced = [name for name in CORPUS_INPUTS if name not in INPUT_TABLES]
    if unplaced:
        raise PipelineError(f"corpus input(s) {', '.join(unplaced)} have no Spark table (INPUT_TABLES)")
    ctx = SparkContext(spark, out, analysed, window_days)
    skipped = run_corpus(ctx, implementations=SPARK_STAGES, backend="Spark", leave_out=leave_out, on_stage=on_stage)
    return ctx, skipped
