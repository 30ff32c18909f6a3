"""A headline's capitalised words run into a person's name after it ("Hillary Clinton Sides With
Unions", "Pedro Sánchez Anuncia Elecciones") are none of the name. Real spaCy models; each test
sets the model's spans itself (`tagged`)."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged


def every_alias(entities) -> set[str]:
    return {a for e in entities for a in (e.name, *e.aliases)}


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,name,junk", [
    ("en", "Hillary Clinton Sides With Unions On Trade\n\nHillary Clinton said on Monday that the deal was bad.",
     [("Hillary Clinton Sides", "PERSON"), ("Hillary Clinton", "PERSON")], "Hillary Clinton", "Hillary Clinton Sides"),
    ("en", "Paul Ryan Joins Growing List Of Critics\n\nPaul Ryan spoke to reporters in Ohio.",
     [("Paul Ryan Joins Growing", "PERSON"), ("Paul Ryan", "PERSON")], "Paul Ryan", "Paul Ryan Joins Growing"),
    ("en", "Ted Cruz Hints Trump Will Lose\n\nTed Cruz said Trump would lose.",
     [("Ted Cruz Hints Trump", "PERSON"), ("Ted Cruz", "PERSON"), ("Trump", "PERSON")], "Ted Cruz", "Ted Cruz Hints Trump"),
    ("es", "Pedro Sánchez Anuncia Elecciones\n\nPedro Sánchez habló el lunes en Madrid.",
     [("Pedro Sánchez Anuncia", "PER"), ("Pedro Sánchez", "PER")], "Pedro Sánchez", "Pedro Sánchez Anuncia"),
])
def test_a_headlines_words_after_a_persons_name_are_none_of_it(language, text, spans, name, junk, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    people = [e for e in entities if e.kind == "person"]
    assert [e.name for e in people] == [name], every_alias(entities)
    assert junk not in every_alias(entities)


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,name", [
    # the longer name is the person's own: the short form is not written alone
    ("en", "George W. Bush spoke in Texas. Bush said the plan would work.",
     [("George W. Bush", "PERSON"), ("Texas", "GPE"), ("Bush", "PERSON")], "George W. Bush"),
    ("es", "José Luis Rodríguez Zapatero habló en León. Rodríguez Zapatero dijo que el plan funcionaría.",
     [("José Luis Rodríguez Zapatero", "PER"), ("León", "LOC"), ("Rodríguez Zapatero", "PER")],
     "José Luis Rodríguez Zapatero"),
])
def test_a_surname_that_is_a_common_word_stays(language, text, spans, name, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert name in [e.name for e in entities if e.kind == "person"], every_alias(entities)


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,name,kind", [
    ("es", "El accidente ocurrió en el Blvd. Adolfo López Mateos, cerca del mercado.",
     [("Blvd. Adolfo López Mateos", "PER")], "Blvd. Adolfo López Mateos", "place"),
    ("es", "El accidente ocurrió en la Av. Benito Juárez, cerca del mercado.",
     [("Av. Benito Juárez", "PER")], "Av. Benito Juárez", "place"),
    # a street named after its noun in English follows the name: no person is read there
    ("en", "The crash happened on Adolfo Lopez Mateos Blvd. near the market.",
     [("Adolfo Lopez Mateos Blvd.", "FAC")], "Adolfo Lopez Mateos Blvd", "place"),
])
def test_a_street_named_after_a_person_by_its_abbreviated_noun_is_a_place(language, text, spans, name, kind, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert [(e.name, e.kind) for e in entities] == [(name, kind)], [(e.name, e.kind) for e in entities]


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans", [
    ("en", "The mayor posted the video on Twitter and Facebook on Monday.", [("Twitter", "MISC"), ("Facebook", "MISC")]),
    ("es", "El alcalde publicó el video en Twitter y en Facebook el lunes.", [("Twitter", "MISC"), ("Facebook", "MISC")]),
])
def test_a_listed_platform_read_as_a_name_of_no_kind_is_an_organisation(language, text, spans, nlp):
    mentions, entities = extract(tagged(nlp[language], text, spans), language)
    assert {(e.name, e.kind) for e in entities} == {("Twitter", "organization"), ("Facebook", "organization")}


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans", [
    ("en", "The Select Committee met on Monday. Rep. Tom Gray (R-S.C.) said the Select Committee would meet again.",
     [("Select Committee", "ORG"), ("Tom Gray", "PERSON"), ("S.C.", "GPE"), ("Select Committee", "ORG")]),
    ("es", "El Servicio Comunitario abrió el lunes. El senador Tomás Gris, de S.C., visitó el Servicio Comunitario.",
     [("Servicio Comunitario", "ORG"), ("Tomás Gris", "PER"), ("S.C.", "LOC"), ("Servicio Comunitario", "ORG")]),
])
def test_a_places_listed_abbreviation_is_no_acronym_of_a_body(language, text, spans, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    body = next(e for e in entities if e.kind == "organization")
    assert "S.C." not in body.aliases, [(e.name, e.kind, e.aliases) for e in entities]


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,name", [
    ("en", "Floridians Jeb Bush and Marco Rubio met donors in Miami.",
     [("Floridians Jeb Bush", "PERSON"), ("Marco Rubio", "PERSON"), ("Miami", "GPE")], "Jeb Bush"),
    ("es", "Los mexicanos celebraron. Demócratas Juan Pérez y Ana Ruiz votaron en Toluca.",
     [("Demócratas Juan Pérez", "PER"), ("Ana Ruiz", "PER"), ("Toluca", "LOC")], "Juan Pérez"),
])
def test_a_plural_before_a_given_name_is_none_of_it(language, text, spans, name, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert name in [e.name for e in entities if e.kind == "person"], every_alias(entities)
    assert not any(a.split()[0] in ("Floridians", "Demócratas") for a in every_alias(entities))
