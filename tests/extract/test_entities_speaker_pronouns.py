"""Stage `entities` (issue #15): a first person's pronoun inside a quotation is the speaker's ("I"
/ "yo" the person quoted, "we" / "nosotros" the body quoted when no person is): an evidence span of
the one person (or body) named beside the quotation, in the sentence that opens it or right after it
closes; none when two could be meant."""

from __future__ import annotations

import pytest

from tests.extract.fixtures_entities import evidence_by_name as evidence

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,text,spans,name,refs", [
    ("en", 'Martin Kessler wrote to the board, "I have always said I would go when the day came."',
     [("Martin Kessler", "PERSON")], "Martin Kessler", ["I", "I"]),
    ("en", "\u201cI am proud of the deal,\u201d said Laura Benet on Monday.", [("Laura Benet", "PERSON")],
     "Laura Benet", ["I"]),
    ("en", "Nordair said in a statement: \u201cWe are committed to the search.\u201d", [("Nordair", "ORG")],
     "Nordair", ["We"]),
    ("es", 'Martín Quesada escribió a la junta: "Yo siempre dije que me iría cuando llegara el día".',
     [("Martín Quesada", "PER")], "Martín Quesada", ["Yo"]),
    ("es", "Nordair dijo en un comunicado: \u201cNosotros apoyamos la búsqueda\u201d.", [("Nordair", "ORG")],
     "Nordair", ["Nosotros"]),
])
def test_a_first_person_pronoun_in_a_quotation_is_the_speakers(language, text, spans, name, refs, nlp):
    found = evidence(nlp, language, text, spans)
    assert [ev for ev in found[name] if ev != name] == refs


@pytest.mark.parametrize("language,text,spans", [
    # two people beside the quotation
    ("en", 'Martin Kessler told Tomas Berg, "I will not sign."', [("Martin Kessler", "PERSON"), ("Tomas Berg", "PERSON")]),
    ("es", 'Martín Quesada le dijo a Tomás Berg: "Yo no firmaré".', [("Martín Quesada", "PER"), ("Tomás Berg", "PER")]),
    # a person quoted: "we" is not the body named beside
    ("en", "Nordair chief Martin Kessler said: \u201cWe are committed.\u201d", [("Nordair", "ORG"), ("Martin Kessler", "PERSON")]),
    ("es", "El jefe de Nordair, Martín Quesada, dijo: \u201cNosotros apoyamos la búsqueda\u201d.",
     [("Nordair", "ORG"), ("Martín Quesada", "PER")]),
])
def test_no_speaker_pronoun_when_the_speaker_is_unclear(language, text, spans, nlp):
    found = evidence(nlp, language, text, spans)
    assert not {"I", "We", "Yo", "Nosotros"} & {e for ev in found.values() for e in ev}
