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
