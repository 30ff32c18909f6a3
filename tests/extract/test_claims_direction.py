"""Stage `claims`: a neutral verb with a direction word of its own states a change ("shares were up
8 cents", "closed lower", "cerraron al alza", "estaban a la baja"): the class of the rising or
falling verbs, so it is one statement with "rose" / "subieron" (fictional text)."""

from __future__ import annotations

import pytest

from fuentes.corpus.claims import compatible_predicates
from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


def claims_of(nlp, lang: str, body: str):
    return extract_claims(body, nlp[lang](body), mentions(body, ("Acme", "ORG", "e1")), [], lang, "a1")


@pytest.mark.parametrize("lang,body,predicate,synonym", [
    ("en", "Acme shares were up 8 cents at $30.50 in morning trading.", "rise", "increase"),
    ("en", "Acme shares closed lower at $54.32 on Friday.", "fall", "decline"),
    ("es", "Las acciones de Acme cerraron al alza 3 por ciento el lunes.", "rise", "subir"),
    ("es", "Las acciones de Acme estaban a la baja 3 por ciento el lunes.", "fall", "bajar"),
])
def test_a_direction_word_makes_a_neutral_verb_a_change(nlp, lang, body, predicate, synonym):
    found = [c for c in claims_of(nlp, lang, body) if c.values]
    assert [c.predicate for c in found] == [predicate]
    assert compatible_predicates(found[0].predicate, synonym)  # one statement with "rose" / "subieron"
    assert not compatible_predicates(found[0].predicate, "fall" if predicate == "rise" else "rise")


@pytest.mark.parametrize("lang,body", [
    ("en", "Acme closed down the plant in Toledo in 2019."),  # a phrasal verb with its object
    ("en", "Acme shares were up for sale again."),  # no amount: no change of a figure
    ("en", "The Acme chairman was up for re-election in 2020."),  # a year is no amount
    ("es", "Acme cerró la planta de Toledo en 2019."),
    ("es", "Las acciones de Acme estaban a la venta otra vez."),
])
def test_no_change_without_a_direction_of_a_figure(nlp, lang, body):
    assert not any(c.predicate in ("rise", "fall") for c in claims_of(nlp, lang, body))
