"""Stage `claims`: a short relative clause is read with its noun (issue #17): "the treaty, which most
nations signed" is a claim about the treaty, so a copy that says "vetoed" is compared (invented text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


@pytest.mark.parametrize("lang,body,name,cls", [
    ("en", "The Harbor Treaty, which most nations signed, obliges ports to inspect every container.",
     "Harbor Treaty", "sign"),
    ("en", "The Harbor Treaty, which most nations vetoed, obliges ports to inspect every container.",
     "Harbor Treaty", "veto"),
    ("es", "El Tratado del Puerto, que la mayoría firmó, obliga a los puertos a revisar cada contenedor.",
     "Tratado del Puerto", "sign"),
    ("es", "El Tratado del Puerto, que la mayoría vetó, obliga a los puertos a revisar cada contenedor.",
     "Tratado del Puerto", "veto"),
])
def test_a_relative_clause_of_three_words_is_a_claim_about_its_noun(nlp, lang, body, name, cls):
    # Regression: "most nations signed" (the relative pronoun left out) was under the four words a
    # claim needs, though its text opens at its noun: the outcome it states was in no claim.
    claims = extract_claims(body, nlp[lang](body), mentions(body, (name, "ORG", "t1")), [], lang, "a1")
    (claim,) = [c for c in claims if c.predicate == cls]
    assert claim.object == "t1" and claim.text.startswith(body.split(",")[0])
