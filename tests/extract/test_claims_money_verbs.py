"""Stage `claims`: a verb that names spending only with an amount of money (`money_verbs`: direct,
allocate; destinar, asignar) takes the class `spend` when its clause states money, and is its own
verb otherwise ("directed the film", "destinó a dos agentes"), so two clauses of one such verb
about people or films are never one spending (fictional text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


@pytest.mark.parametrize("lang,body,predicate", [
    ("en", "Acme directed $5 million to the program in 2020.", "spend"),
    ("es", "Acme destinó 5 millones de pesos al programa en 2020.", "spend"),
    ("en", "Acme directed the film in Ohio last year.", "direct"),
    ("es", "Acme destinó a dos agentes a la frontera en 2020.", "destinar"),
])
def test_a_money_verb_spends_only_money(nlp, lang, body, predicate):
    found = extract_claims(body, nlp[lang](body), mentions(body, ("Acme", "ORG", "e1")), [], lang, "a1")
    assert [(c.predicate, c.subject) for c in found] == [(predicate, "e1")]
