"""Stage `claims`: a date or figure inside a sub-clause that makes no claim of its own stays with the
claim whose clause holds it (issue #17): a copy parsed the other way keeps the same claim with the same
value, so a changed year is still compared (invented text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims

pytestmark = pytest.mark.models


@pytest.mark.parametrize("lang,body,year", [
    ("en", "The dispute has taken on new weight after leaked papers from her 1995 tax return show she took a large loss.",
     "1995"),
    ("en", "The case has taken on new urgency after leaked records from the 1995 audit show the firm took a loss.", "1995"),
    ("es", "La oposición creció tras conocerse los documentos de su declaración fiscal de 1995 que revelan una pérdida.",
     "1995"),
    ("es", "La crisis se agravó luego de que circularan los informes de 1998 sobre la deuda del estado.", "1998"),
])
def test_a_value_of_a_clause_that_is_no_claim_stays_with_the_claim_around_it(nlp, lang, body, year):
    # Regression: the parser hung "leaked papers from her 1995 tax return" on a clause of its own,
    # which made no claim; the claim around it left the year to that clause, so it was in no claim
    # (a copy with "1992" parsed as one clause kept its year: the change went unreported).
    claims = extract_claims(body, nlp[lang](body), [], [], lang, "a1")
    holding = [c for c in claims if any(v.text == year for v in c.values)]
    assert holding
    assert all(c.time is None for c in holding)  # a value the clause states, not when it happened
