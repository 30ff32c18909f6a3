"""Stage `entities` (issue #15): a maker's model named by its figures ('Boeing 717', 'el Boeing
777', 'Boeing 737-800') is one product's name, in English and Spanish, and a letter-led model
number in the plural that the model read as a count ('ten A380s') is a product's name too; a
sum after a company's name ('Apple 200 million') and a score stay no model.

The model's spans are set by the test (`tagged`), so each test fails when its rule is gone."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


def found(nlp, language: str, text: str, spans: list[tuple[str, str]]) -> dict[str, str]:
    mentions, entities = extract(tagged(nlp[language], text, spans), language)
    kinds = {e.id: e.kind for e in entities}
    return {m.text: kinds.get(m.entity, "") for m in mentions}


@pytest.mark.parametrize("text,spans,name", [
    ("The last Boeing 717 left the plant in Long Beach on Friday.",
     [("Boeing", "ORG"), ("717", "PRODUCT"), ("Long Beach", "GPE")], "Boeing 717"),
    ("Qantas flew its first Boeing 737-800 to Perth.",
     [("Qantas", "ORG"), ("Boeing", "ORG"), ("737", "CARDINAL"), ("Perth", "GPE")], "Boeing 737-800"),
    ("The Boeing 777-200LR can fly from London to Sydney.",
     [("Boeing", "ORG"), ("777-200LR", "PRODUCT"), ("London", "GPE"), ("Sydney", "GPE")], "Boeing 777-200LR"),
])
def test_english_maker_and_model_figures_tagged_apart_are_one_product(text, spans, name, nlp):
    names = found(nlp, "en", text, spans)
    assert name in names and names[name] == "other"
    assert "Boeing" not in names  # the maker's word is the product's here, not a mention of the maker


@pytest.mark.parametrize("text,spans,name", [
    ("El último Boeing 717 salió de la planta de Long Beach el viernes.",
     [("Boeing 717", "MISC"), ("Long Beach", "LOC")], "Boeing 717"),
    ("El Boeing 737-800 de Ryanair aterrizó en Girona.",
     [("Boeing 737-800", "MISC"), ("Ryanair", "ORG"), ("Girona", "LOC")], "Boeing 737-800"),
])
def test_spanish_maker_and_model_figures_stay_one_product(text, spans, name, nlp):
    names = found(nlp, "es", text, spans)
    assert name in names and names[name] == "other"
    assert "Boeing" not in names


def test_english_plural_model_number_read_as_a_count_is_a_product(nlp):
    names = found(nlp, "en", "Emirates ordered ten A380s and four A350s from Airbus.",
                  [("Emirates", "ORG"), ("ten A380s", "DATE"), ("four A350s", "CARDINAL"), ("Airbus", "ORG")])
    assert names.get("A380s") == "other" and names.get("A350s") == "other"


@pytest.mark.parametrize("language,text,spans,kept", [
    ("en", "Analysts said Apple 200 million dollars richer.", [("Apple 200 million", "PRODUCT")], "Apple"),
    ("es", "Los analistas dijeron que Apple 200 millones más rica.", [("Apple 200 millones", "MISC")], "Apple"),
    ("en", "Boeing 2006 results were strong.", [("Boeing", "ORG"), ("2006", "CARDINAL")], "Boeing"),
    ("es", "Resultados de Boeing 2006 fueron buenos.", [("Boeing 2006", "MISC")], "Boeing"),
])
def test_a_sum_or_a_year_after_a_name_is_no_model(language, text, spans, kept, nlp):
    names = found(nlp, language, text, spans)
    assert kept in names
    assert not any(n.startswith(kept + " ") for n in names)
