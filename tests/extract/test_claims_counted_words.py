"""Stage `claims`: a count's counted word must be a noun in the parse. The text pattern of
`fuentes.extract.values` takes the word after a number; when that word is a verb, an auxiliary or
a function word ("all three would be charged", "los tres serán acusados"), the figure is a bare
number, not a count of "would" (fictional text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


def values_of(nlp, lang: str, body: str):
    found = extract_claims(body, nlp[lang](body), mentions(body, ("Acme", "ORG", "e1")), [], lang, "a1")
    return [v for c in found for v in c.values]


@pytest.mark.parametrize("lang,body", [
    ("en", "Acme said all three would be charged with fraud on Monday."),
    ("es", "Acme dijo que los tres serán acusados de fraude el lunes."),
])
def test_a_number_before_a_verb_is_no_count_of_it(nlp, lang, body):
    three = [v for v in values_of(nlp, lang, body) if v.amount == 3]
    assert three and all(v.kind == "number" and v.unit is None for v in three)


@pytest.mark.parametrize("lang,body,unit", [
    ("en", "Acme police detained four of his bodyguards on Monday.", "bodyguards"),
    ("es", "La policía de Acme detuvo a cuatro de sus escoltas el lunes.", "escoltas"),
])
def test_a_number_before_a_noun_stays_a_count(nlp, lang, body, unit):
    four = [v for v in values_of(nlp, lang, body) if v.amount == 4]
    assert four and all(v.kind == "count" and v.unit == unit for v in four)


@pytest.mark.parametrize("lang,body,amount,unit", [
    ("en", "Acme police detained 1,200 fellow students on Monday.", 1200, "students"),
    ("en", "Acme dismissed nine active-duty four-star generals on Monday.", 9, "generals"),
    ("es", "La policía de Acme detuvo a cinco presuntos delincuentes el lunes.", 5, "delincuentes"),
    ("es", "Acme despidió a doce nuevos empleados el lunes.", 12, "empleados"),
])
def test_a_counted_word_that_only_modifies_a_noun_counts_that_noun(nlp, lang, body, amount, unit):
    found = [v for v in values_of(nlp, lang, body) if v.amount == amount]
    assert found and all(v.kind == "count" and v.unit == unit for v in found)


@pytest.mark.parametrize("lang,body,unit", [
    ("en", "Acme said at least 40 dead were found in the town on Monday.", "dead"),
    ("es", "Acme dijo que al menos 40 muertos fueron hallados en el pueblo el lunes.", "muertos"),
])
def test_a_counted_word_of_the_glossary_stays_counted(nlp, lang, body, unit):
    forty = [v for v in values_of(nlp, lang, body) if v.amount == 40]
    assert forty and all(v.kind == "count" and v.unit == unit for v in forty)
