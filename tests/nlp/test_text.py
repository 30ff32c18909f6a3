"""doc_text: a Doc's text joined once, the same as spaCy's own, in English and Spanish."""

from __future__ import annotations

import pytest

from fuentes.nlp.models import load
from fuentes.nlp.text import TEXT, doc_text

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,body", [
    ("en", "Ana Ruiz met Tomas Berg in Lima.\n\nThey talked  for hours \u2014 \"at length\"."),
    ("es", "El fiscal Ramiro Soto habló en Quito.\n\n«Fue un acuerdo», dijo  la jueza."),
])
def test_doc_text_is_the_doc_text_and_kept(language, body):
    nlp, _ = load(language)
    sdoc = nlp(body)
    assert TEXT not in sdoc.user_data
    assert doc_text(sdoc) == sdoc.text == body
    assert sdoc.user_data[TEXT] is doc_text(sdoc)  # joined once, then read back


@pytest.mark.parametrize("language,body", [("en", "New York City is big. Ana Ruiz lives there."),
                                           ("es", "La Ciudad de México es grande. Ana Ruiz vive allí.")])
def test_doc_text_holds_when_tokens_are_merged(language, body):
    nlp, _ = load(language)
    sdoc = nlp(body)
    doc_text(sdoc)
    with sdoc.retokenize() as retokenizer:
        retokenizer.merge(sdoc[0:3])
    assert doc_text(sdoc) == sdoc.text == body
