"""Stage `claims`: an appositive name is the referent of its head ("The Defence Secretary, Donald
Rumsfeld, played down ..."), not a name that modifies the head ("Defence"), in English and Spanish
(fictional text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


@pytest.mark.parametrize("lang,body,org", [
    ("en", "The Defence Secretary, Donald Rumsfeld, played down the comments on Monday.", "Defence"),
    ("en", "The Acme chief executive, Ana Quiroga, sold the shares on Monday.", "Acme"),
    ("es", "El secretario de Defensa, Donald Rumsfeld, restó importancia a los comentarios el lunes.", "Defensa"),
    ("es", "La directora general de Acme, Ana Quiroga, vendió las acciones el lunes.", "Acme"),
])
def test_the_appositive_name_is_the_subject(nlp, lang, body, org):
    person = "Ana Quiroga" if "Quiroga" in body else "Donald Rumsfeld"
    found = extract_claims(body, nlp[lang](body), mentions(body, (org, "ORG", "o1"), (person, "PERSON", "p1")),
                           [], lang, "a1")
    assert found and found[0].subject == "p1"
