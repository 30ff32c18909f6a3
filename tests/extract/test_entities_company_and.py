"""Stage `entities` (issue #15): an English company's name the model reads as a person and cuts
at its 'and' ("Nordic Aeronautic Defence" + "and Space Company") is one company's name, in an
English or a Spanish article; an acronym spelling a company's name but for the generic word
ending it ("NADS" of "Nordic Aeronautic Defence and Space Company") is that company, when no
other name of the article is spelt by it."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


def entities_of(nlp, language: str, text: str, spans: list[tuple[str, str]]):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    return {e.name: (e.kind, e.aliases) for e in entities}


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Grumlin and Nordic Aeronautic Defence and Space Company (NADS) beat Zentrix to the deal. NADS said it was pleased.",
     [("Grumlin", "ORG"), ("Nordic Aeronautic Defence", "PERSON"), ("NADS", "ORG"), ("Zentrix", "ORG"), ("NADS", "ORG")]),
    ("es", "Grumlin y Nordic Aeronautic Defence and Space Company (NADS) vencieron a Zentrix. NADS dijo que estaba satisfecha.",
     [("Grumlin", "ORG"), ("Nordic Aeronautic Defence", "PER"), ("NADS", "ORG"), ("Zentrix", "ORG"), ("NADS", "ORG")]),
])
def test_a_company_cut_at_its_and_and_read_as_a_person_is_one_company(language, text, spans, nlp):
    found = entities_of(nlp, language, text, spans)
    kind, aliases = found["Nordic Aeronautic Defence and Space Company"]
    assert kind == "organization"
    assert "NADS" in aliases


def test_a_person_before_and_and_a_person_stays_a_person(nlp):
    text = "Mara Quell and Tom Birch founded the firm. Quell said so."
    found = entities_of(nlp, "en", text, [("Mara Quell", "PERSON"), ("Tom Birch", "PERSON"), ("Quell", "PERSON")])
    assert found["Mara Quell"][0] == "person"
