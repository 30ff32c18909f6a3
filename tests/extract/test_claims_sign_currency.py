"""Stage `claims`: a bare "$" is the currency of the one country whose places the article names
(`sign_currencies`); else the language's own ("$" is MXN in Spanish, USD in English). Fictional text."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from fuentes.extract.values import find_values, sign_currency
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


def money_units(nlp, lang: str, body: str, *names) -> list[str | None]:
    found = extract_claims(body, nlp[lang](body), mentions(body, *names), [], lang, "a1", every_clause=True)
    return [v.unit for c in found for v in c.values if v.kind == "money"]


@pytest.mark.parametrize("lang,body,place,unit", [
    ("es", "Un vecino de Maine ganó $1 millón en la lotería estatal en 2019.", "Maine", "USD"),
    ("es", "Un vecino de Sinaloa ganó $1 millón en la lotería estatal en 2019.", "Sinaloa", "MXN"),
    ("en", "A Maine resident won $1 million in the state lottery in 2019.", "Maine", "USD"),
    ("en", "A Sinaloa resident won $1 million in the state lottery in 2019.", "Sinaloa", "USD"),
])
def test_a_dollar_sign_takes_the_currency_of_the_places_named(nlp, lang, body, place, unit):
    assert money_units(nlp, lang, body, (place, "GPE", "e1")) == [unit]


def test_places_of_two_countries_leave_the_language_currency():
    found = sign_currency(find_values("ganó $1 millón", "es"), ["Maine", "Sinaloa"], "es")
    assert [f.value.unit for f in found] == ["MXN"]
    found = sign_currency(find_values("ganó $1 millón y $5 millones de pesos", "es"), ["EE. UU."], "es")
    assert [f.value.unit for f in found] == ["USD", "MXN"]
