"""Untagged name runs in fuentes.extract.alias_people, on real model Docs whose named spans each
test sets itself (so the rule is reached whatever the model would have tagged)."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


def names(entities) -> dict[str, str]:
    return {e.name: e.kind for e in entities}


@pytest.mark.parametrize("language,text,spans,found", [
    ("en", "Stocks fell on Monday. The Dow Jones Industrial Average lost 300 points and Germany's DAX fell.",
     [("Germany", "GPE")], ["Dow Jones Industrial Average", "DAX"]),
    ("es", "Las bolsas cayeron el lunes. Ayer el Dow Jones Industrial Average perdió 300 puntos y el Nikkei cayó.",
     [], ["Dow Jones Industrial Average", "Nikkei"]),
])
def test_an_untagged_name_after_an_article_or_a_possessive_is_a_name(language, text, spans, found, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert set(found) <= set(names(entities)), names(entities)


@pytest.mark.parametrize("language,text,spans,absent", [
    # a piece of a longer capitalised run (a title before a name) is no name alone
    ("en", "Party officials met House Majority Leader Kevin McCarthy on Monday.",
     [("House", "ORG"), ("Kevin McCarthy", "PERSON")], "Majority Leader"),
    # an institution the language names by one common word is left to the article's own rules
    ("es", "El Sr. Scindia dejó el Congreso el martes.", [("Scindia", "PERSON")], "Congreso"),
    ("en", "The Devils won on Monday. (Photo by Bruce Bennett/Getty Images) The team celebrated.",
     [("Devils", "ORG"), ("Bruce Bennett", "PERSON")], "Getty Images"),
])
def test_a_piece_of_a_longer_run_an_institution_or_a_glued_word_is_no_framed_name(language, text, spans, absent, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert absent not in names(entities), names(entities)
