"""Stage `entities` (issue #15): a third person's pronoun outside quotations ("He said", "Ella
añadió") refers back to the one person named just before it (that sentence or the one before), and
is an evidence span of that person, never a name of theirs; no span when two people could be meant
or none is named there."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


def evidence(nlp, language: str, text: str, spans: list[tuple[str, str]]) -> tuple[dict[str, list[str]], list[str]]:
    _, entities = extract(tagged(nlp[language], text, spans), language)
    found = {e.name: [text[ev.start:ev.end] for ev in e.evidence] for e in entities}
    return found, [a for e in entities for a in e.aliases]


@pytest.mark.parametrize("language,text,spans,name,pronouns", [
    ("en", "Martin Kessler resigned on Monday. He said his health came first. He will stay on the board.",
     [("Martin Kessler", "PERSON")], "Martin Kessler", ["He", "He"]),
    ("en", "The board thanked Laura Benet after she stepped down.", [("Laura Benet", "PERSON")], "Laura Benet",
     ["she"]),
    ("es", "Martín Quesada dimitió el lunes. Él dijo que su salud era lo primero.", [("Martín Quesada", "PER")],
     "Martín Quesada", ["Él"]),
    ("es", "La junta agradeció a Laura Benet su trabajo. Ella dejará el cargo en junio.", [("Laura Benet", "PER")],
     "Laura Benet", ["Ella"]),
])
def test_a_pronoun_refers_back_to_the_one_person_named_before(language, text, spans, name, pronouns, nlp):
    found, aliases = evidence(nlp, language, text, spans)
    assert [ev for ev in found[name] if ev != name] == pronouns
    assert not set(pronouns) & set(aliases)


@pytest.mark.parametrize("language,text,spans", [
    # two people of the pronoun's gender named before it
    ("en", "Martin Kessler met Tomas Berg on Monday. He said the talks went well.",
     [("Martin Kessler", "PERSON"), ("Tomas Berg", "PERSON")]),
    ("es", "Martín Quesada se reunió con Tomás Berg el lunes. Él dijo que la reunión fue bien.",
     [("Martín Quesada", "PER"), ("Tomás Berg", "PER")]),
    # no one named in that sentence or the one before
    ("en", "Martin Kessler resigned. Sales fell. Prices rose. He said little.", [("Martin Kessler", "PERSON")]),
    ("es", "Martín Quesada dimitió. Las ventas cayeron. Los precios subieron. Él dijo poco.",
     [("Martín Quesada", "PER")]),
    # inside a quotation: someone the speaker means
    ("en", 'Martin Kessler resigned. "He was not ready," a colleague said.', [("Martin Kessler", "PERSON")]),
    ("es", 'Martín Quesada dimitió. "Él no estaba listo", dijo un colega.', [("Martín Quesada", "PER")]),
])
def test_no_pronoun_reference_when_the_person_meant_is_unclear(language, text, spans, nlp):
    found, _ = evidence(nlp, language, text, spans)
    name = spans[0][0]
    assert found[name] == [name]


@pytest.mark.parametrize("language,text,spans,name", [
    ("en", "Martin Kessler met Laura Benet on Monday. She said the talks went well.",
     [("Martin Kessler", "PERSON"), ("Laura Benet", "PERSON")], "Laura Benet"),
    ("es", "Martín Quesada se reunió con Laura Benet el lunes. Ella dijo que la reunión fue bien.",
     [("Martín Quesada", "PER"), ("Laura Benet", "PER")], "Laura Benet"),
])
def test_the_pronouns_gender_leaves_one_person(language, text, spans, name, nlp):
    found, _ = evidence(nlp, language, text, spans)
    assert len(found[name]) == 2 and found[spans[0][0]] == [spans[0][0]]


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Martin Kessler bought the house and lived in it for years. The storm fell on him.", [("Martin Kessler", "PERSON")]),
    ("es", "Martín Quesada remolcaba el avión y el ala chocó contra él.", [("Martín Quesada", "PER")]),
])
def test_a_pronoun_that_is_no_subject_is_no_reference(language, text, spans, nlp):
    found, _ = evidence(nlp, language, text, spans)
    assert found[spans[0][0]] == [spans[0][0]]
