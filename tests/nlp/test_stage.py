"""Stage `nlp`: a spaCy Doc over exactly the body, per language, batched or not."""

from __future__ import annotations

import pytest

from fuentes.doc import ArticleDoc
from fuentes.nlp.stage import NlpStage
from fuentes.pipeline import Pipeline

pytestmark = pytest.mark.models


def make(body: str, language: str | None) -> ArticleDoc:
    return ArticleDoc(source="mem", format="text", layers={"body": body, "language": language})


def test_doc_covers_the_body_and_names_its_model():
    body = "Ana Ruiz met Tomas Berg in Lima.\n\nThey talked."
    doc = NlpStage()(make(body, "en"))
    sdoc = doc.layers["nlp"]
    assert sdoc.text == body
    assert sdoc.user_data["fuentes_model"].startswith("en_core_web_sm")
    assert doc.provenance["nlp"] == "nlp@1"


def test_other_languages_fall_back_with_a_note():
    doc = NlpStage()(make("Ana Ruiz est arrivée à Lyon.", "fr"))
    assert doc.layers["nlp"].user_data["fuentes_note"].startswith("no pipeline for language 'fr'")
    assert doc.layers["nlp"].user_data["fuentes_language"] == "en"


def test_pipe_groups_languages_and_keeps_order():
    docs = [make("El fiscal Ramiro Soto habló en Quito.", "es"), make("Ana Ruiz spoke.", "en"),
            make("La jueza habló.", "es")]
    out = list(NlpStage().pipe(docs, batch_size=2))
    assert [d.layers["nlp"].user_data["fuentes_language"] for d in out] == ["es", "en", "es"]
    assert all(d.layers["nlp"].text == d.body for d in out)


def test_pipeline_order_is_checked():
    from fuentes.extract.entities import EntitiesStage
    Pipeline([NlpStage(), EntitiesStage()], initial=("body", "language", "id"))
    with pytest.raises(Exception, match="needs layer"):
        Pipeline([EntitiesStage()], initial=("body", "language", "id"))


def test_pipe_annotates_as_one_at_a_time_does():
    # the analysis batches articles through nlp.pipe; every annotation a stage reads must be
    # the same as an article read alone
    from spacy.attrs import (
        DEP,
        ENT_IOB,
        ENT_TYPE,
        HEAD,
        LEMMA,
        MORPH,
        POS,
        SENT_START,
        TAG,
    )

    texts = [("El fiscal Ramiro Soto habló el lunes en Quito con la jueza.\n\nElla no respondió.", "es"),
             ("Ana Ruiz, the mayor of Lima, said on Monday that police had arrested two men.", "en"),
             ("Gunmen killed three people in Culiacán. \"We will not stop,\" the governor said.", "en"),
             ("La policía detuvo a tres hombres armados en Monterrey, informó la fiscalía.", "es")]
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    alone = [NlpStage()(make(text, language)).layers["nlp"] for text, language in texts]
    together = [d.layers["nlp"] for d in NlpStage().pipe([make(t, lang) for t, lang in texts], batch_size=4)]
    for a, b in zip(alone, together):
        assert [t.text for t in a] == [t.text for t in b]
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert a.user_data == b.user_data


def test_the_doc_keeps_the_body_as_its_text_batched_or_not():
    from fuentes.nlp.text import TEXT, doc_text

    bodies = [("El fiscal Ramiro Soto habló en Quito.\n\n  Luego se fue.", "es"),
              ("Ana Ruiz spoke  twice.\n\nThen she left. ", "en")]
    one = [NlpStage()(make(body, language)) for body, language in bodies]
    batched = list(NlpStage().pipe([make(body, language) for body, language in bodies], batch_size=2))
    for doc in one + batched:
        sdoc = doc.layers["nlp"]
        assert sdoc.user_data[TEXT] == doc.body == "".join(t.text_with_ws for t in sdoc)
        assert doc_text(sdoc) is sdoc.user_data[TEXT]  # read back, never joined again
