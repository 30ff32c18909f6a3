"""Alias linking (issue #15): a body's one-word name at the holder's end of the name of a meeting it
holds ('Apple' / 'Apple Worldwide Developers Conference', 'Apple' / 'Conferencia de
Desarrolladores de Apple') is the body, never the meeting's short form, in English and Spanish;
a company's short form ('Ford' / 'Ford Motor Company') still joins its long name.

The model's spans are set by the test (`tagged`), so each test fails when its rule is gone."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


def entity_names(nlp, language: str, text: str, spans: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Each mention's text -> the names of the local entities it belongs to."""
    mentions, entities = extract(tagged(nlp[language], text, spans), language)
    name = {e.id: e.name for e in entities}
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.text, set()).add(name.get(m.entity, ""))
    return out


@pytest.mark.parametrize("language,text,spans,body,meeting", [
    ("en", "Zintel opened the Zintel Global Developers Conference in Denver on Monday. Zintel said sales grew.",
     [("Zintel", "ORG"), ("Zintel Global Developers Conference", "ORG"), ("Denver", "GPE"), ("Zintel", "ORG")],
     "Zintel", "Zintel Global Developers Conference"),
    ("en", "Lumex will hold the Lumex Partner Summit in Austin. Lumex expects two thousand guests.",
     [("Lumex", "ORG"), ("Lumex Partner Summit", "EVENT"), ("Austin", "GPE"), ("Lumex", "ORG")],
     "Lumex", "Lumex Partner Summit"),
    ("es", "Zintel inauguró la Zintel Global Developers Conference en Denver el lunes. Zintel dijo que las ventas crecieron.",
     [("Zintel", "ORG"), ("Zintel Global Developers Conference", "ORG"), ("Denver", "LOC"), ("Zintel", "ORG")],
     "Zintel", "Zintel Global Developers Conference"),
    ("es", "Zintel celebra la Conferencia Mundial de Desarrolladores de Zintel en Denver. Zintel espera a dos mil invitados.",
     [("Zintel", "ORG"), ("Conferencia Mundial de Desarrolladores de Zintel", "ORG"), ("Denver", "LOC"),
      ("Zintel", "ORG")],
     "Zintel", "Conferencia Mundial de Desarrolladores de Zintel"),
])
def test_a_body_holding_a_meeting_named_after_it_is_no_short_form_of_the_meeting(language, text, spans, body, meeting, nlp):
    names = entity_names(nlp, language, text, spans)
    assert names[body] == {body}
    assert meeting not in names[body]


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Ford Motor Company said profits fell. Ford will cut jobs in Michigan.",
     [("Ford Motor Company", "ORG"), ("Ford", "ORG"), ("Michigan", "GPE")]),
    ("es", "Ford Motor Company dijo que sus beneficios cayeron. Ford recortará empleos en Michigan.",
     [("Ford Motor Company", "ORG"), ("Ford", "ORG"), ("Michigan", "LOC")]),
])
def test_a_company_short_form_still_joins_its_long_name(language, text, spans, nlp):
    names = entity_names(nlp, language, text, spans)
    assert names["Ford"] == names["Ford Motor Company"]
