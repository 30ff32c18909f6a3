"""Stage `entities` (issue #15): a body's kind alone after a definite or demonstrative article
("The company said", "La aerolínea anunció", "esta empresa") refers back to the organisation named
just before it, and is an evidence span of that organisation, never a name of it; no span when two
organisations could be meant, none is named before, or the kind describes a name or a new body."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import evidence_by_name as evidence, tagged

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,text,spans,reference", [
    ("en", "Nordair cut its forecast on Monday. The company said demand for cargo had fallen.",
     [("Nordair", "ORG")], "The company"),
    ("en", "Shares in Zentrix fell after the airline's pilots went on strike.", [("Zentrix", "ORG")], "the airline"),
    ("es", "Nordair recortó su previsión el lunes. La compañía dijo que la demanda había caído.",
     [("Nordair", "ORG")], "La compañía"),
    ("es", "Zentrix presentó su nuevo avión. Esta empresa espera venderlo en Asia.", [("Zentrix", "ORG")],
     "Esta empresa"),
])
def test_a_bodys_kind_alone_refers_back_to_the_one_body_named_before(language, text, spans, reference, nlp):
    found = evidence(nlp, language, text, spans)
    name = spans[0][0]
    assert reference in found[name]
    assert reference not in [a for e in extract(tagged(nlp[language], text, spans), language)[1] for a in e.aliases]


@pytest.mark.parametrize("language,text,spans", [
    # two bodies named before it: which one is meant is not said
    ("en", "Zentrix sued Nordair on Monday. The company said the brand was its own.",
     [("Zentrix", "ORG"), ("Nordair", "ORG")]),
    ("es", "Zentrix demandó a Nordair el lunes. La compañía dijo que la marca era suya.",
     [("Zentrix", "ORG"), ("Nordair", "ORG")]),
    # no body named in that sentence or the one before, and two named before them
    ("en", "Nordair and Zentrix opened in 1990. Sales grew for years. Prices rose. The company said little.",
     [("Nordair", "ORG"), ("Zentrix", "ORG")]),
    ("es", "Nordair y Zentrix abrieron en 1990. Las ventas crecieron. Los precios subieron. La empresa dijo poco.",
     [("Nordair", "ORG"), ("Zentrix", "ORG")]),
    # the kind describes a name, or opens a new body
    ("en", "Nordair grew. The company Zentrix bought it on Monday.", [("Nordair", "ORG"), ("Zentrix", "ORG")]),
    ("es", "Nordair creció. La compañía aérea danesa Zentrix la compró.", [("Nordair", "ORG"), ("Zentrix", "ORG")]),
    ("en", "Nordair grew. The company that bought it is Danish.", [("Nordair", "ORG")]),
    ("es", "Nordair creció. La empresa que la compró es danesa.", [("Nordair", "ORG")]),
])
def test_no_reference_when_the_body_meant_is_unclear(language, text, spans, nlp):
    found = evidence(nlp, language, text, spans)
    assert found["Nordair"] == ["Nordair"]


@pytest.mark.parametrize("language,text,spans,holder,reference", [
    # of two bodies named before it, the one whose name holds the kind
    ("en", "Danube Airlines ordered ten Zentrix jets. The airline said it would fly them to Asia.",
     [("Danube Airlines", "ORG"), ("Zentrix", "ORG")], "Danube Airlines", "The airline"),
    ("es", "Zentrix vendió diez aviones a Banco Andino. El banco dijo que los alquilará.",
     [("Zentrix", "ORG"), ("Banco Andino", "ORG")], "Banco Andino", "El banco"),
    # ... or whose description does
    ("en", "Zentrix passed Nordair, according to Kestrel Group, a market research firm. The firm said sales grew.",
     [("Zentrix", "ORG"), ("Nordair", "ORG"), ("Kestrel Group", "ORG")], "Kestrel Group", "The firm"),
    ("es", "Zentrix superó a Nordair, según Kestrel Group, una firma de estudios de mercado. La firma dijo que las "
           "ventas crecieron.",
     [("Zentrix", "ORG"), ("Nordair", "ORG"), ("Kestrel Group", "ORG")], "Kestrel Group", "La firma"),
])
def test_of_several_bodies_the_one_of_that_kind(language, text, spans, holder, reference, nlp):
    found = evidence(nlp, language, text, spans)
    assert reference in found[holder]
    assert all(reference not in ev for name, ev in found.items() if name != holder)


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Nordair cut jobs. The airline said costs rose. The company will sell two jets.", [("Nordair", "ORG")]),
    ("es", "Nordair recortó empleos. La aerolínea dijo que los costes subieron. La empresa venderá dos aviones.",
     [("Nordair", "ORG")]),
])
def test_a_reference_carries_its_body_to_the_next_sentence(language, text, spans, nlp):
    assert len(evidence(nlp, language, text, spans)["Nordair"]) == 3


@pytest.mark.parametrize("language,text,spans,reference", [
    ("en", "Zentrix unveiled the ZX900 on Monday. The aircraft seats 500 people.",
     [("Zentrix", "ORG"), ("ZX900", "PRODUCT")], "The aircraft"),
    ("en", "Nordair tested the Lumo phone for weeks before the device went on sale.",
     [("Nordair", "ORG"), ("Lumo", "PRODUCT")], "the device"),
    ("es", "Zentrix presentó el ZX900 el lunes. El avión tiene 500 asientos.",
     [("Zentrix", "ORG"), ("ZX900", "MISC")], "El avión"),
    ("es", "Nordair probó el teléfono LX5 durante semanas. Este teléfono saldrá a la venta en mayo.",
     [("Nordair", "ORG"), ("LX5", "MISC")], "Este teléfono"),
])
def test_a_products_kind_alone_refers_back_to_the_product_named_before(language, text, spans, reference, nlp):
    found = evidence(nlp, language, text, spans)
    product = spans[1][0]
    assert reference in found[product]
    assert reference not in found[spans[0][0]]


@pytest.mark.parametrize("language,text,spans", [
    # a miscellaneous name without a model number is no product: the vehicle is another thing
    ("en", "Police stopped a van during the Carnival. The vehicle was empty.", [("Carnival", "MISC")]),
    ("es", "La policía paró una furgoneta durante el Carnaval de Oruro. El vehículo estaba vacío.",
     [("Carnaval de Oruro", "MISC")]),
])
def test_no_product_reference_to_a_name_that_is_no_product(language, text, spans, nlp):
    found = evidence(nlp, language, text, spans)
    assert found[spans[0][0]] == [spans[0][0]]


@pytest.mark.parametrize("language,text,spans,reference", [
    ("en", "Nordair opened in 1990. Sales grew for years. Prices rose. The company said little.", [("Nordair", "ORG")],
     "The company"),
    ("es", "Nordair abrió en 1990. Las ventas crecieron. Los precios subieron. La empresa dijo poco.",
     [("Nordair", "ORG")], "La empresa"),
])
def test_far_from_any_name_the_one_body_the_article_has_named(language, text, spans, reference, nlp):
    assert reference in evidence(nlp, language, text, spans)["Nordair"]
