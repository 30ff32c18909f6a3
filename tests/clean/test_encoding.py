"""Mis-decoded accents are put back before anything reads the text; correct text is untouched."""

from __future__ import annotations

import pytest

from fuentes.clean.encoding import repair_encoding, repair_fields
from fuentes.doc import ArticleDoc
from fuentes.pipeline import Pipeline


@pytest.mark.parametrize("broken,fixed", [
    ("El triunfo del AmÃ©rica ante el Atlanta United en MÃ©xico.", "El triunfo del América ante el Atlanta United en México."),
    ("La SecretarÃ­a de Marina detuvo a cinco personas en Veracruz.",
     "La Secretaría de Marina detuvo a cinco personas en Veracruz."),
    ("Â¿QuÃ© pasÃ³ en la frontera?", "¿Qué pasó en la frontera?"),
    ("The mayorâ€™s office said itâ€™s reviewing the case â€” again.",
     "The mayor’s office said it’s reviewing the case — again."),
])
def test_mis_decoded_accents_are_put_back(broken, fixed):
    assert repair_encoding(broken) == fixed


@pytest.mark.parametrize("text", [
    "José dijo que la policía de SÃO PAULO detuvo a JOÃO Silva, a 50 °C.",
    "Müller, naïve and Ñandú are spelt right; ½ cup, 3 × 4, “quoted”.",
    "",
])
def test_correct_text_is_untouched(text):
    assert repair_encoding(text) == text


def test_metadata_fields_and_the_stage():
    assert repair_fields({"title": "Detienen al lÃ­der", "n": 3}) == {"title": "Detienen al líder", "n": 3}
    doc = ArticleDoc(source="a.txt", format="text", hints={"title": "CaÃ­da del peso"},
                     layers={"raw": "El peso cayÃ³ frente al dÃ³lar el martes."})
    doc = Pipeline.from_names(["html_extract"], initial=("raw",))(doc)
    assert doc.get("extracted") == "El peso cayó frente al dólar el martes."
    assert doc.get("meta")["title"] == "Caída del peso"
