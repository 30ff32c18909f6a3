"""Stage `entities` (issue #15): a product's letter-led model number is the product wherever the
article writes it again, alone or in the plural, even where the model reads it as a number
('the first Z480 prototype': 'Z480' CARDINAL; 'six more Z480s'), and a model number alone is the
one product whose name it is, opens or ends ('Z480' / 'Z480 XR'); English and Spanish.

The model's spans are set by the test (`tagged`), so each test fails when its rule is gone."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import evidence_by_name, mentions_of, tagged

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,text,spans", [
    ("en", "The Z480 will be the largest freighter. The first Z480 prototype was shown in Lyon.",
     [("Z480", "PRODUCT"), ("first", "ORDINAL"), ("Z480", "CARDINAL"), ("Lyon", "GPE")]),
    ("es", "El Z480 será el mayor carguero. El primer prototipo del Z480 se mostró en Lyon.",
     [("Z480", "MISC"), ("Z480", "CARDINAL"), ("Lyon", "LOC")]),
])
def test_a_model_number_read_as_a_count_is_the_product_the_article_names(language, text, spans, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert [t for t, _ in found].count("Z480") == 2
    assert {n for t, n in found if t == "Z480"} == {"Z480"}


@pytest.mark.parametrize("language,text,spans,plural", [
    ("en", "Nordair ordered six new Z480 XR freighters. Nordair also holds options on four more Z480s.",
     [("Nordair", "ORG"), ("Z480 XR", "PRODUCT"), ("Nordair", "ORG"), ("four", "CARDINAL")], "Z480s"),
    ("es", "Nordair encargó seis nuevos Z480 XR de carga. Nordair tiene además opciones sobre otros cuatro Z480s.",
     [("Nordair", "ORG"), ("Z480 XR", "MISC"), ("Nordair", "ORG")], "Z480s"),
])
def test_a_model_number_in_the_plural_is_the_product_it_opens(language, text, spans, plural, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert (plural, "Z480 XR") in found


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Nordair ordered six Z480 XR freighters. The Z480 needs longer runways.",
     [("Nordair", "ORG"), ("Z480 XR", "PRODUCT"), ("Z480", "PRODUCT")]),
    ("es", "Nordair encargó seis Z480 XR de carga. El Z480 necesita pistas más largas.",
     [("Nordair", "ORG"), ("Z480 XR", "MISC"), ("Z480", "MISC")]),
])
def test_a_model_number_alone_is_the_one_product_it_opens(language, text, spans, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert ("Z480", "Z480 XR") in found


def test_a_model_number_opening_two_products_joins_neither(nlp):
    text = "Nordair flies the Z480 XR and the Z480 LR. The Z480 needs longer runways."
    found = mentions_of(nlp, "en", text, [("Nordair", "ORG"), ("Z480 XR", "PRODUCT"), ("Z480 LR", "PRODUCT"),
                                          ("Z480", "PRODUCT")])
    assert ("Z480", "Z480") in found


@pytest.mark.parametrize("language,text,spans,name", [
    ("en", "Nordair will lease 14 new Zephyr Z330-200 freighters. Zephyr said the deal was done.",
     [("Nordair", "ORG"), ("Zephyr", "ORG"), ("Z330-200", "PRODUCT"), ("Zephyr", "ORG")], "Z330-200"),
    ("es", "Nordair alquilará 14 nuevos cargueros Z330-200 de Zephyr. Zephyr dijo que el acuerdo está cerrado.",
     [("Nordair", "ORG"), ("Z330-200", "MISC"), ("Zephyr", "ORG"), ("Zephyr", "ORG")], "Z330-200"),
])
def test_a_variants_figures_after_a_hyphen_end_the_models_name(language, text, spans, name, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert (name, name) in found
    assert ("Z330", "Z330") not in found


def evidence_of(nlp, language: str, text: str, spans: list[tuple[str, str]], name: str) -> list[str]:
    return evidence_by_name(nlp, language, text, spans)[name]


@pytest.mark.parametrize("language,text,spans", [
    ("en", "The Zephyr Z480 is its best seller. Zephyr said it would build more.",
     [("Zephyr Z480", "PRODUCT"), ("Zephyr", "ORG")]),
    ("es", "El Zephyr Z480 es su avión más vendido. Zephyr dijo que fabricará más.",
     [("Zephyr Z480", "MISC"), ("Zephyr", "ORG")]),
])
def test_a_makers_name_opening_a_products_is_an_evidence_span_of_the_maker(language, text, spans, nlp):
    found = evidence_of(nlp, language, text, spans, "Zephyr")
    assert found.count("Zephyr") == 2
    assert "Zephyr Z480" in evidence_of(nlp, language, text, spans, "Zephyr Z480")


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Zephyr Labs bought Zephyr Motors last year. Zephyr Labs said so.",
     [("Zephyr Labs", "ORG"), ("Zephyr Motors", "ORG"), ("Zephyr Labs", "ORG")]),
    ("es", "Zephyr Labs compró Zephyr Motors el año pasado. Zephyr Labs lo confirmó.",
     [("Zephyr Labs", "ORG"), ("Zephyr Motors", "ORG"), ("Zephyr Labs", "ORG")]),
])
def test_a_body_sharing_a_first_word_with_another_is_no_span_of_it(language, text, spans, nlp):
    assert "Zephyr" not in evidence_of(nlp, language, text, spans, "Zephyr Labs")


@pytest.mark.parametrize("language,text,spans", [
    ("es", "El Zephyr Z480 aterrizó el lunes en Lyon. Uno de los Z480s volará a Chicago.",
     [("Zephyr Z480", "MISC"), ("Lyon", "LOC"), ("Uno de los Z480s volará", "MISC"), ("Chicago", "LOC")]),
    ("en", "The Zephyr Z480 landed in Lyon on Monday. One of the Z480s will fly to Chicago.",
     [("Zephyr Z480", "PRODUCT"), ("Lyon", "GPE"), ("One of the Z480s", "CARDINAL"), ("Chicago", "GPE")]),
])
def test_a_model_number_inside_a_span_of_no_name_is_the_product(language, text, spans, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert ("Z480s", "Zephyr Z480") in found


@pytest.mark.parametrize("language,text,spans,counted", [
    ("en", "Nordair flies 30 short-haul jets (24 Z320s and 6 Z321s).", [("Nordair", "ORG"), ("24 Z320s", "CARDINAL"),
                                                                      ("6", "CARDINAL")], "Z321s"),
    ("es", "Nordair opera 30 aviones de corto alcance (24 Z320s y 6 Z321s).", [("Nordair", "ORG")], "Z321s"),
])
def test_a_model_number_in_the_plural_after_a_count_is_a_product(language, text, spans, counted, nlp):
    mentions, _ = extract(tagged(nlp[language], text, spans), language)
    assert (counted, "PRODUCT") in [(m.text, m.label) for m in mentions]


def test_a_count_before_a_plural_word_is_no_product(nlp):
    text = "Nordair sold 6 houses and 3 CDs last year."
    mentions, _ = extract(tagged(nlp["en"], text, [("Nordair", "ORG"), ("6", "CARDINAL"), ("3", "CARDINAL")]), "en")
    assert [m.text for m in mentions] == ["Nordair"]


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Nordair bought 22 new Zephyr 900 Skyliners last year. The Skyliner is made of carbon fibre.",
     [("Nordair", "ORG"), ("Zephyr 900 Skyliners", "PRODUCT"), ("Skyliner", "PRODUCT")]),
    ("es", "Nordair compró 22 nuevos Zephyr 900 Skyliners el año pasado. El Skyliner está hecho de fibra de carbono.",
     [("Nordair", "ORG"), ("Zephyr 900 Skyliners", "MISC"), ("Skyliner", "MISC")]),
])
def test_a_products_name_in_the_plural_gives_its_short_form_in_the_singular(language, text, spans, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert ("Skyliner", "Zephyr 900 Skyliners") in found
