"""Corpus stages are declared like per-article stages and their order is checked when built."""

from __future__ import annotations

import pytest

from fuentes.corpus.stages import CORPUS_INPUTS, CORPUS_STAGES, corpus_pipeline
from fuentes.errors import PipelineError
from fuentes.pipeline import (CORPUS_REGISTRY, CorpusContext, CorpusPipeline, CorpusStage, plan_corpus,
                              register_corpus_stage)

# The sequence analyse_corpus ran before the stages were declared, by what each step wrote.
PREVIOUS_ORDER = ("entity_resolution", "quote_matching", "provenance", "claims", "stories", "relations")


@register_corpus_stage
class Count(CorpusStage):
    name = "test_count"
    reads = ("articles",)
    writes = ("count",)

    def run(self, ctx: CorpusContext) -> None:
        ctx.write("count", len(ctx.read("articles")))


@register_corpus_stage
class Double(CorpusStage):
    name = "test_double"
    reads = ("count", "bonus")
    optional = ("bonus",)
    writes = ("double",)

    def run(self, ctx: CorpusContext) -> None:
        ctx.write("double", 2 * ctx.read("count") + (ctx.read("bonus") or 0))


@register_corpus_stage
class Sneaky(CorpusStage):
    name = "test_sneaky"
    reads = ("articles",)
    writes = ("sneaky",)

    def run(self, ctx: CorpusContext) -> None:
        ctx.read("quotes")  # not declared


@register_corpus_stage
class Lazy(CorpusStage):
    name = "test_lazy"
    reads = ("articles",)
    writes = ("lazy",)

    def run(self, ctx: CorpusContext) -> None:
        pass  # declares `lazy` but never writes it


def context(**inputs) -> CorpusContext:
    return CorpusContext({name: (lambda value=value: value) for name, value in inputs.items()})


def test_the_local_order_is_the_previous_order():
    pipeline = corpus_pipeline()
    assert pipeline.names == CORPUS_STAGES == PREVIOUS_ORDER
    assert pipeline.initial == CORPUS_INPUTS
    writes = [stage.writes for stage in pipeline.stages]
    assert writes == [("entities",), ("quote_variants",), ("provenance",), ("claims", "discrepancies"),
                      ("stories", "events"), ("relations",)]


def test_every_read_of_the_corpus_stages_is_declared_and_written_before():
    readers = {stage.name: stage.reads for stage in corpus_pipeline().stages}
    assert readers == {
        "entity_resolution": ("local_entities",),
        "quote_matching": ("quotes",),
        "provenance": ("articles",),
        "claims": ("claims_layer", "entities", "provenance", "articles"),
        "stories": ("articles", "entities", "events_layer", "provenance"),
        "relations": ("relations_layer", "entities", "provenance"),
    }


def test_stages_run_in_order_and_read_what_earlier_ones_wrote():
    pipeline = CorpusPipeline.from_names(["test_count", "test_double"], initial=["articles"])
    done = pipeline.run(context(articles=[1, 2, 3]))
    assert done.read("double") == 6  # optional `bonus`: no stage writes it, read as None


def test_a_stage_before_the_stage_it_reads_from_is_refused_naming_both():
    with pytest.raises(PipelineError, match="'test_double' reads 'count', which corpus stage 'test_count' "
                                            "writes only later"):
        CorpusPipeline.from_names(["test_double", "test_count"], initial=["articles"])
    with pytest.raises(PipelineError, match="'claims' reads 'provenance', which corpus stage 'provenance'"):
        corpus_pipeline(["entity_resolution", "claims", "provenance"])


def test_a_read_nobody_writes_is_refused_naming_the_stage_and_the_input():
    with pytest.raises(PipelineError, match="'test_double' reads 'count', which no earlier corpus stage writes "
                                            "and is not an initial input.*add corpus stage 'test_count'"):
        CorpusPipeline.from_names(["test_double"], initial=["articles"])
    with pytest.raises(PipelineError, match="'claims' reads 'provenance'.*add corpus stage 'provenance'"):
        corpus_pipeline([name for name in CORPUS_STAGES if name != "provenance"])


def test_an_optional_read_written_later_is_still_a_wrong_order():
    @register_corpus_stage
    class Bonus(CorpusStage):
        name = "test_bonus"
        writes = ("bonus",)

        def run(self, ctx: CorpusContext) -> None:
            ctx.write("bonus", 1)

    with pytest.raises(PipelineError, match="'test_double' reads 'bonus', which corpus stage 'test_bonus'"):
        CorpusPipeline.from_names(["test_count", "test_double", "test_bonus"], initial=["articles"])
    done = CorpusPipeline.from_names(["test_count", "test_bonus", "test_double"], initial=["articles"]) \
        .run(context(articles=[1]))
    assert done.read("double") == 3


def test_two_writers_of_one_name_are_refused():
    @register_corpus_stage
    class Recount(CorpusStage):
        name = "test_recount"
        reads = ("articles",)
        writes = ("count",)

    with pytest.raises(PipelineError, match="'test_count' and 'test_recount' both write 'count'"):
        CorpusPipeline.from_names(["test_count", "test_recount"], initial=["articles"])
    with pytest.raises(PipelineError, match="'test_count' writes 'count', which is an initial input"):
        CorpusPipeline.from_names(["test_count"], initial=["articles", "count"])
    with pytest.raises(PipelineError, match="'test_count' named more than once"):
        CorpusPipeline.from_names(["test_count", "test_count"], initial=["articles"])


def test_unknown_names_and_registry_clashes():
    with pytest.raises(PipelineError, match="no corpus stage named 'nope'.*provenance"):
        corpus_pipeline(["entity_resolution", "nope"])
    with pytest.raises(PipelineError, match="two corpus stages are registered under the name 'provenance'"):
        register_corpus_stage(type("Other", (CorpusStage,), {"name": "provenance"}))
    with pytest.raises(PipelineError, match="optional input.*not in its `reads`"):
        register_corpus_stage(type("Odd", (CorpusStage,), {"name": "test_odd", "optional": ("x",)}))
    assert "test_odd" not in CORPUS_REGISTRY


def test_undeclared_reads_and_missing_writes_fail_when_run():
    ctx = context(articles=[1], quotes={})
    with pytest.raises(PipelineError, match="'test_sneaky' reads 'quotes', which is not in its `reads`"):
        CorpusPipeline.from_names(["test_sneaky"], initial=["articles"]).run(ctx)
    with pytest.raises(PipelineError, match="'test_lazy' \\(local\\) did not write lazy"):
        CorpusPipeline.from_names(["test_lazy"], initial=["articles"]).run(ctx)
    with pytest.raises(PipelineError, match="needs input\\(s\\) quotes"):
        corpus_pipeline(["quote_matching"]).run(context(articles=[]))


def test_initial_inputs_are_loaded_when_first_read_and_once():
    loads = []
    ctx = CorpusContext({"articles": lambda: loads.append(1) or [7, 8]})
    assert loads == []
    pipeline = CorpusPipeline.from_names(["test_count"], initial=["articles"])
    pipeline.run(ctx)
    assert ctx.read("articles") == [7, 8] and loads == [1]


def test_a_releasing_context_lets_go_of_each_value_after_its_last_reader():
    import weakref

    class Items(list):  # a list that can be watched for being freed
        pass

    loads, held = [], {}

    def load():
        loads.append(1)
        value = Items([7, 8, 9])
        held["articles"] = weakref.ref(value)
        return value

    def watch(stage, ctx):
        held[stage.name] = ctx.held()

    ctx = CorpusContext({"articles": load}, release=True)
    CorpusPipeline.from_names(["test_count", "test_double"], initial=["articles"]).run(ctx, on_stage=watch)
    assert held["test_count"] == ("count",)  # the articles went with their only reader
    assert held["articles"]() is None  # and nothing else kept them
    assert held["test_double"] == ()  # `count` after its last reader; `double`, read by none, at once
    assert ctx.read("articles") == [7, 8, 9] and loads == [1, 1]  # an initial input is loaded again
    with pytest.raises(PipelineError, match="'double' was let go after the last stage that reads it"):
        ctx.read("double")
    kept = context(articles=[1, 2])  # a context that does not release holds everything to the end
    CorpusPipeline.from_names(["test_count", "test_double"], initial=["articles"]).run(kept)
    assert set(kept.held()) == {"articles", "count", "double"}


@register_corpus_stage
class Early(CorpusStage):
    name = "test_early"
    reads = ("articles",)
    writes = ("early",)
    seen: list = []

    def run(self, ctx: CorpusContext) -> None:
        total = sum(ctx.read("articles"))
        ctx.done_with("articles")  # read no more by this stage
        self.seen.append((total, ctx.held()))
        ctx.write("early", total)


def test_a_stage_done_with_an_input_lets_it_go_at_once_unless_a_later_stage_reads_it():
    Early.seen.clear()
    CorpusPipeline.from_names(["test_early"], initial=["articles"]).run(
        CorpusContext({"articles": lambda: [1, 2]}, release=True))
    CorpusPipeline.from_names(["test_early", "test_count"], initial=["articles"]).run(
        CorpusContext({"articles": lambda: [1, 2]}, release=True))
    CorpusPipeline.from_names(["test_early"], initial=["articles"]).run(context(articles=[4]))
    # let go inside the stage; kept when `test_count` reads them later, or the context does not release
    assert Early.seen == [(3, ()), (3, ("articles",)), (4, ("articles",))]


def test_the_local_run_releases_its_inputs_after_their_last_reader(tmp_path):
    from fuentes.analyse import AnalysisSummary
    from fuentes.corpus.stages import LocalContext
    from fuentes.store import open_store

    ctx = LocalContext(open_store(str(tmp_path / "s.db")), AnalysisSummary())
    assert ctx.release
    last = corpus_pipeline().last_readers()
    assert CORPUS_STAGES[last["local_entities"]] == "entity_resolution"
    assert CORPUS_STAGES[last["articles"]] == "stories" and CORPUS_STAGES[last["entities"]] == "relations"


def test_implementations_replace_the_stage_work_and_a_missing_one_is_refused():
    from fuentes.spark.stages import INPUT_TABLES, SPARK_STAGES

    assert corpus_pipeline(implementations=SPARK_STAGES, backend="Spark").names == CORPUS_STAGES
    assert set(SPARK_STAGES) == set(CORPUS_STAGES) and set(INPUT_TABLES) == set(CORPUS_INPUTS)
    without = {name: run for name, run in SPARK_STAGES.items() if name != "claims"}
    with pytest.raises(PipelineError, match="corpus stage\\(s\\) 'claims' have no Spark implementation"):
        corpus_pipeline(implementations=without, backend="Spark")
    with pytest.raises(PipelineError, match="Spark implementations of unknown corpus stage\\(s\\): clams"):
        corpus_pipeline(implementations={**SPARK_STAGES, "clams": SPARK_STAGES["claims"]}, backend="Spark")
    seen = []
    pipeline = CorpusPipeline.from_names(["test_count"], initial=["articles"],
                                         implementations={"test_count": lambda ctx: (seen.append(1),
                                                                                     ctx.write("count", -1))})
    assert pipeline.run(context(articles=[1, 2])).read("count") == -1 and seen == [1]


def test_plan_skips_what_needs_a_left_out_stage_or_an_absent_input():
    kept, skipped = plan_corpus(CORPUS_STAGES, CORPUS_INPUTS, CORPUS_INPUTS, leave_out=["provenance"])
    assert kept == ["entity_resolution", "quote_matching", "stories", "relations"]  # provenance optional there
    assert skipped == {"provenance": (), "claims": ("provenance",)}
    kept, skipped = plan_corpus(CORPUS_STAGES, ["articles"], CORPUS_INPUTS)  # no per-article layers
    assert kept == ["provenance"] and "claims" in skipped
    kept, skipped = plan_corpus(["test_double"], ["articles"], CORPUS_INPUTS)
    assert kept == ["test_double"] and skipped == {}  # an unknown read is left for the build to refuse
    with pytest.raises(PipelineError, match="no corpus stage named 'provenanse'"):
        plan_corpus(CORPUS_STAGES, CORPUS_INPUTS, CORPUS_INPUTS, leave_out=["provenanse"])


def test_stage_clock_reports_each_stage_and_what_is_left_from_the_last_run():
    from fuentes.corpus.stages import StageClock

    class Stage:
        def __init__(self, name):
            self.name = name

    reports = []
    previous = {"a": 0.1, "b": 0.2, "c": 0.3}  # seconds per article last time
    clock = StageClock(("a", "b", "c"), articles=10, previous=previous, report=reports.append)
    for name in ("a", "b", "c"):
        clock.done(Stage(name), None)
    assert [(r.name, r.number, r.total) for r in reports] == [("a", 1, 3), ("b", 2, 3), ("c", 3, 3)]
    assert abs(reports[0].left - 5.0) < 1e-9 and abs(reports[1].left - 3.0) < 1e-9
    assert "about 5 s left" in reports[0].line() and "left" not in reports[2].line()
    assert set(clock.per_article()) == {"a", "b", "c"}
    first_run = StageClock(("a", "b"), articles=10, previous={}, report=reports.append)
    first_run.done(Stage("a"), None)
    assert reports[-1].left is None and "left" not in reports[-1].line()  # no guess without a last run


def test_entity_resolution_and_quote_matching_load_and_save_with_the_collector_paused(tmp_path, monkeypatch):
    import gc

    from fuentes.analyse import AnalysisSummary
    from fuentes.corpus.stages import EntityResolution, LocalContext, QuoteMatching, collector_paused
    from fuentes.store import analysis as db
    from fuentes.store import open_store

    seen = []

    def watched(name, real):
        def call(*args):
            seen.append((name, gc.isenabled()))
            return real(*args)
        return call

    for name in ("load_local_entities", "save_corpus_entities", "load_quotes", "save_quote_variants"):
        monkeypatch.setattr(db, name, watched(name, getattr(db, name)))
    ctx = LocalContext(open_store(str(tmp_path / "s.db")), AnalysisSummary())
    EntityResolution().run(ctx)
    QuoteMatching().run(ctx)
    assert seen == [("load_local_entities", False), ("save_corpus_entities", False), ("load_quotes", False),
                    ("save_quote_variants", False)]
    assert gc.isenabled()  # given back as it was
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
        with pytest.raises(ValueError), collector_paused():
            raise ValueError
    finally:
        gc.enable()
