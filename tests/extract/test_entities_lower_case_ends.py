"""Stage `entities` (issue #15): a name the article gives with a last word of its own ("Zune Mini")
is that name where the article writes the word in lower case after the rest ("the Zune mini"),
in English and Spanish; a lower-case word that ends no such name stays out."""

from __future__ import annotations

import pytest

from tests.extract.fixtures_entities import mentions_of

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,text,spans", [
    ("en", "The Zune Mini will cost 99 dollars. The Zune mini is the second player of the range.",
     [("Zune Mini", "PRODUCT"), ("Zune", "PRODUCT")]),
    ("es", "El Zune Mini costará 99 dólares. El Zune mini es el segundo reproductor de la gama.",
     [("Zune Mini", "MISC"), ("Zune", "MISC")]),
])
def test_a_names_last_word_in_lower_case_is_still_the_name(language, text, spans, nlp):
    found = mentions_of(nlp, language, text, spans)
    assert ("Zune mini", "Zune Mini") in found


def test_a_lower_case_word_ending_no_name_stays_out(nlp):
    text = "The Zune Mini will cost 99 dollars. The Zune player is older."
    found = mentions_of(nlp, "en", text, [("Zune Mini", "PRODUCT"), ("Zune", "PRODUCT")])
    assert ("Zune", "Zune Mini") in found or ("Zune", "Zune") in found
    assert not any(t.startswith("Zune player") for t, _ in found)
