"""Stage `claims`: a number that is part of a name ("Canal 13", "NBC 7", "Apollo 11") is no figure of the
claim (fictional text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


@pytest.mark.parametrize("lang,body,name", [
    ("es", "Canal 13 informó que la policía detuvo a dos hombres en Santiago en 2019.", "Canal 13"),
    ("en", "Channel 4 reported that police arrested two men in Leeds in 2019.", "Channel 4"),
    ("en", "NBC 7 reported that police arrested two men in San Diego in 2019.", "NBC 7"),
])
def test_a_number_in_a_name_is_no_figure(nlp, lang, body, name):
    found = extract_claims(body, nlp[lang](body), mentions(body, (name, "ORG", "e1")), [], lang, "a1",
                           every_clause=True)
    amounts = [v.amount for c in found for v in c.values if v.kind in ("number", "count")]
    assert amounts and all(a == 2.0 for a in amounts)
