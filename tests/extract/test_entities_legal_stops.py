"""Stage `entities` (issue #15): a name ending in an abbreviated legal form keeps the form's full
stop ("Nordwind Inc.", "Nordwind Ltd."), in Spanish too, where the tokenizer splits "Inc." in two;
a full name of a body is then the same name in both languages."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,text,spans,name", [
    ("en", "Ana Ruiz, chief executive of Nordwind Inc., said on Monday that sales fell.",
     [("Ana Ruiz", "PERSON"), ("Nordwind Inc.", "ORG")], "Nordwind Inc."),
    ("es", "Ana Ruiz, directora ejecutiva de Nordwind Inc., dijo el lunes que las ventas cayeron.",
     [("Ana Ruiz", "PER"), ("Nordwind Inc", "ORG")], "Nordwind Inc."),
    ("es", "La matriz, Nordwind Ltd., anunció el lunes un nuevo avión.",
     [("Nordwind Ltd", "ORG")], "Nordwind Ltd."),
])
def test_an_abbreviated_legal_form_keeps_its_full_stop(language, text, spans, name, nlp):
    mentions, entities = extract(tagged(nlp[language], text, spans), language)
    assert name in [m.text for m in mentions]
    assert name in [e.name for e in entities]


def test_a_word_that_is_no_legal_form_leaves_the_sentences_stop(nlp):
    text = "Sales fell at Nordwind Group. Ana Ruiz said so."
    mentions, _ = extract(tagged(nlp["en"], text, [("Nordwind Group", "ORG"), ("Ana Ruiz", "PERSON")]), "en")
    assert "Nordwind Group" in [m.text for m in mentions]
