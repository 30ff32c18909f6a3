"""Alias linking (issue #15): a person's office at an organisation written before the name is an
evidence span of the person, in English ('Zentra chief executive Noel Brand', a lower-case title
an organisation's name opens) and Spanish ('el consejero delegado de Zentra, Noel Brand,', a
title of the organisation with its article and comma; English 'the chief executive of Zentra,
Noel Brand,' too). A lower-case English word before a name with no organisation ('drug lord X')
and a relative ('el hijo de Zentra, X') stay no office.

The model's spans are set by the test (`tagged`), so each test fails when its rule is gone."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


def person(nlp, language: str, text: str, spans: list[tuple[str, str]], name: str):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [e.name for e in entities]
    return found[0], [text[ev.start:ev.end] for ev in found[0].evidence]


@pytest.mark.parametrize("text,spans,office", [
    ("Zentra chief executive Noel Brand said the jet was ready.",
     [("Zentra", "ORG"), ("Noel Brand", "PERSON")], "Zentra chief executive"),
    ("Zentra spokesman Tim Vale said no order was lost.",
     [("Zentra", "ORG"), ("Tim Vale", "PERSON")], "Zentra spokesman"),
    ("The chief executive of Zentra, Noel Brand, said the jet was ready.",
     [("Zentra", "ORG"), ("Noel Brand", "PERSON")], "chief executive of Zentra"),
])
def test_english_office_at_an_organisation_before_the_name_is_the_persons(text, spans, office, nlp):
    _, evidence = person(nlp, "en", text, spans, spans[1][0])
    assert office in evidence


@pytest.mark.parametrize("text,spans,office,role", [
    ("El consejero delegado de Zentra, Noel Brand, dijo que el avión estaba listo.",
     [("Zentra", "ORG"), ("Noel Brand", "PER")], "consejero delegado de Zentra", "consejero delegado de Zentra"),
    ("El portavoz de Zentra, Tim Vale, dijo que no se perdió ningún pedido.",
     [("Zentra", "ORG"), ("Tim Vale", "PER")], "portavoz de Zentra", "portavoz de Zentra"),
])
def test_spanish_office_of_an_organisation_before_the_name_and_its_comma_is_the_persons(text, spans, office, role, nlp):
    ent, evidence = person(nlp, "es", text, spans, spans[1][0])
    assert office in evidence and role in ent.roles


@pytest.mark.parametrize("language,text,spans,name", [
    ("en", "The drug lord Joaquin Vela escaped again.", [("Joaquin Vela", "PERSON")], "Joaquin Vela"),
    ("en", "The son of Zentra, Joe Vale, spoke.", [("Zentra", "ORG"), ("Joe Vale", "PERSON")], "Joe Vale"),
    ("es", "El hijo de Zentra, Juan Vela, habló.", [("Zentra", "ORG"), ("Juan Vela", "PER")], "Juan Vela"),
])
def test_no_office_without_an_organisation_or_for_a_relative(language, text, spans, name, nlp):
    ent, evidence = person(nlp, language, text, spans, name)
    assert evidence == [name] and ent.roles == []
