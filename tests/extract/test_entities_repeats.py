"""Stage `entities` (issue #15): the short names a longer name gives are names wherever the article
writes them untagged, in English and Spanish: the acronym that alone names a body beside
generic words ('NPD' of 'NPD Group', English generic words in a Spanish article too) and the
letter-led model number ending a product's name ('A380' of 'Airbus A380'); a place's acronym
opening a body's name ('US' of 'US Airways') is not the body.

The model's spans are set by the test (`tagged`), so each test fails when its rule is gone."""

from __future__ import annotations

import pytest

from tests.extract.fixtures_entities import mentions_of

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Figures came from the market research firm QRX Group on Monday. QRX said sales grew.",
     [("QRX Group", "ORG")]),
    ("es", "Las cifras vienen de la firma de estudios de mercado QRX Group, publicadas el lunes. QRX señaló que las ventas crecieron.",
     [("QRX Group", "ORG")]),
])
def test_a_bodys_acronym_written_alone_is_the_body(language, text, spans, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert ("QRX", "QRX Group") in found


@pytest.mark.parametrize("language,text,spans", [
    ("en", "The new Zephyr Z480 was delayed again. Engineers said the Z480 needs new wiring.",
     [("Zephyr Z480", "PRODUCT")]),
    ("es", "El nuevo Zephyr Z480 volvió a retrasarse. Los ingenieros dijeron que el Z480 necesita otro cableado.",
     [("Zephyr Z480", "MISC")]),
])
def test_a_model_number_ending_a_products_name_is_the_product_where_written_alone(language, text, spans, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert ("Z480", "Zephyr Z480") in found


def test_a_places_acronym_opening_a_bodys_name_is_no_short_form_of_it(nlp):
    found = mentions_of(nlp, "en", "US Airways Group cut flights. US officials agreed.", [("US Airways Group", "ORG")])
    assert not any(text == "US" and name == "US Airways Group" for text, name in found)
