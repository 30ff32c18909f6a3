"""Stage `claims`: a copular main clause in the outlet's own voice whose subject is named states
what a named one is ("Acme is the largest supplier of the army", "Acme es el mayor proveedor del
ejército"): a claim with predicate `be`, like a named actor's deed. A copula of an unnamed subject,
a conditional or future copula, and one inside reported speech or a quote make none (fictional
text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


def claims_of(nlp, lang: str, body: str, *names):
    return extract_claims(body, nlp[lang](body), mentions(body, ("Acme", "ORG", "e1"), *names), [], lang, "a1")


@pytest.mark.parametrize("lang,body", [
    ("en", "Acme is the largest supplier of the army."),
    ("es", "Acme es el mayor proveedor del ejército."),
    ("en", "Acme was the only bidder in the tender."),
    ("es", "Acme fue la única empresa en la licitación."),
])
def test_a_named_subject_s_copula_is_a_claim(nlp, lang, body):
    found = claims_of(nlp, lang, body)
    assert [(c.predicate, c.subject, c.speaker) for c in found] == [("be", "e1", None)]


@pytest.mark.parametrize("lang,body", [
    ("en", "The questions were new to the candidates."),
    ("es", "Las preguntas eran nuevas para los candidatos."),
    ("en", "Acme would be a great supplier of the army."),
    ("es", "Acme sería un gran proveedor del ejército."),
    ("es", "Acme será el mayor proveedor del ejército."),
])
def test_no_claim_of_an_unnamed_or_unsure_copula(nlp, lang, body):
    assert claims_of(nlp, lang, body) == []
