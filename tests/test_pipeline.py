"""Stage declarations are checked when a Pipeline is built, not at article 10,000."""

from __future__ import annotations

import pickle

import pytest

from fuentes.doc import ArticleDoc
from fuentes.errors import PipelineError
from fuentes.pipeline import REGISTRY, Pipeline, Stage, register, stage_from_function


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
