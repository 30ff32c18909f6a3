"""Stage declarations are checked when a Pipeline is built, not at article 10,000."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from fuentes.doc import ArticleDoc
from fuentes.errors import PipelineError
from fuentes.model import Rejection
from fuentes.pipeline import REGISTRY, Pipeline, Stage, check_declarations, register, stage_from_function


@stage_from_function("test_upper", requires=("raw",), provides=("body",), version="2")
def upper(doc: ArticleDoc) -> ArticleDoc:
    doc.set("body", doc.get("raw").upper(), by="test_upper@2")
    return doc


@register
class CountWords(Stage):
    name = "test_count"
    requires = ("body",)
    provides = ("words",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        doc.set("words", len(doc.body.split()), by=self.tag)
        return doc


def make_doc(text: str) -> ArticleDoc:
    return ArticleDoc(source="memory", format="text", layers={"raw": text})


def test_stages_run_in_order_and_record_who_made_each_layer():
    pipeline = Pipeline([upper(), CountWords()])
    doc = pipeline(make_doc("dos palabras"))
    assert doc.body == "DOS PALABRAS" and doc.get("words") == 2
    assert doc.provenance == {"body": "test_upper@2", "words": "test_count@1"}
    assert "words" in pipeline.provides


def test_a_stage_before_its_inputs_is_refused_at_build_time():
    with pytest.raises(PipelineError, match="test_count.*needs layer\\(s\\) body"):
        Pipeline([CountWords(), upper()])


def test_unknown_stage_name_lists_the_known_ones():
    with pytest.raises(PipelineError, match="no stage named 'nope'.*test_upper"):
        Pipeline.from_names(["nope"])


def test_pipelines_built_by_name_are_picklable_for_worker_processes():
    pipeline = Pipeline.from_names(["test_upper", "test_count"])
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone(make_doc("a b c")).get("words") == 3
    assert REGISTRY["test_upper"] is upper


def test_registering_two_stages_under_one_name_is_an_error():
    with pytest.raises(PipelineError, match="two stages"):
        stage_from_function("test_upper", requires=(), provides=())(lambda doc: doc)


# --- the real pipelines: complete declarations, incomplete lists refused -------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# What the stage modules read or change without declaring it (`check_declarations` on the
# examples): nothing, and this test fails when a gap appears.
INGEST_GAPS: set[str] = set()


class Peek(Stage):
    name = "test_peek"
    requires = ("body",)
    provides = ("words",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        doc.meta["seen"] = doc.get("raw") is not None  # reads raw, changes meta: neither declared
        doc.set("words", len(doc.body.split()), by=self.tag)
        return doc


def test_check_declarations_finds_undeclared_reads_and_changes():
    doc, gaps = check_declarations(Pipeline([upper(), Peek()]), make_doc("a b"))
    assert doc.get("words") == 2 and doc.meta == {"seen": True}
    assert gaps == ["stage 'test_peek' reads layer(s) meta, raw not in its `requires`",
                    "stage 'test_peek' changes layer(s) meta not in its `provides`"]
    assert check_declarations(Pipeline([upper(), CountWords()]), make_doc("a b"))[1] == []


def test_ingest_pipeline_missing_a_stage_is_refused_at_build():
    from fuentes.ingest.job import INGEST_STAGES, ingest_pipeline

    assert [stage.name for stage in ingest_pipeline().stages] == list(INGEST_STAGES)
    with pytest.raises(PipelineError, match="stage 'language' needs layer\\(s\\) body"):
        ingest_pipeline([name for name in INGEST_STAGES if name != "clean_text"])
    with pytest.raises(PipelineError, match="stage 'clean_text' needs layer\\(s\\) extracted"):
        ingest_pipeline([name for name in INGEST_STAGES if name != "html_extract"])


def test_analysis_pipeline_missing_a_stage_is_refused_at_build():
    from fuentes.analyse import ANALYSIS_STAGES, STORED_LAYERS, analysis_pipeline

    assert [stage.name for stage in analysis_pipeline().stages] == list(ANALYSIS_STAGES)
    without_entities = [name for name in ANALYSIS_STAGES if name != "entities"]
    with pytest.raises(PipelineError, match="stage 'quotes' needs layer\\(s\\) mentions, entities"):
        Pipeline.from_names(without_entities, initial=STORED_LAYERS)
    with pytest.raises(PipelineError, match="stage 'entities' needs layer\\(s\\) nlp"):
        Pipeline.from_names(ANALYSIS_STAGES[1:], initial=STORED_LAYERS)
    with pytest.raises(PipelineError, match="stage 'claims' needs layer\\(s\\) quotes"):
        Pipeline.from_names(["nlp", "entities", "claims", "quotes"], initial=STORED_LAYERS)


def test_ingest_stages_declare_what_they_read_and_change():
    from fuentes.ingest.job import ingest_pipeline
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.runners import doc_from_raw

    pipeline, gaps = ingest_pipeline(), set()
    raws = [raw for raw in iter_inputs([str(EXAMPLES)], ReadOptions()) if not isinstance(raw, Rejection)]
    assert len(raws) == 7
    for raw in raws:
        gaps.update(check_declarations(pipeline, doc_from_raw(raw))[1])
    assert gaps == INGEST_GAPS
