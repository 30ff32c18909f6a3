"""Junk aliases seen on real news: a word run into a person's name before it ("Trust Donald
Trump") or after it ("Bernie Sanders T" of "T-shirts"), a clause's comma kept with a closing quote
("Cruz,''"), and a longer body's name kept as an alias of a shorter one it is not ("Asamblea
Nacional Constituyente" of "Asamblea Nacional"). Real spaCy models; each test sets the model's
spans itself (`tagged`)."""

from __future__ import annotations

import pytest

from fuentes.extract.alias_cands import clean_surface
from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged


def every_alias(entities) -> set[str]:
    return {a for e in entities for a in (e.name, *e.aliases)}


@pytest.mark.parametrize("text,name", [
    ("Cruz,''", "Cruz"), ("Cruz,\u201d", "Cruz"), ("\u00abCruz\u00bb,", "Cruz"), ("\u201cCruz\u201d", "Cruz"),
    ("Jobs:", "Jobs"), ("Grupo Bimbo S.A.", "Grupo Bimbo S.A."), ("O'Leary", "O'Leary"), ("Trump's", "Trump"),
])
def test_a_names_surface_loses_quotes_and_a_clauses_punctuation(text, name):
    assert clean_surface(text) == name


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,name", [
    ("en", "The Indian navy warship INS Sukanya foiled a pirate attack on Saturday.", [("Sukanya", "PERSON")],
     "INS Sukanya"),
    ("es", "El buque de guerra INS Sukanya frustró un ataque pirata el sábado.", [("Sukanya", "PER")], "INS Sukanya"),
])
def test_an_acronym_before_a_name_stays_in_it(language, text, spans, name, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert name in every_alias(entities), every_alias(entities)


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans", [
    # the model's span holds the capitalised verb
    ("en", "The ad ends with a voice saying: \u201cCan conservatives Trust Donald Trump?\u201d Donald Trump "
           "skipped the debate.", [("Trust Donald Trump", "PERSON"), ("Donald Trump", "PERSON")]),
    # the model's span is the name alone: the word is not taken in
    ("en", "The ad ends with a voice saying: \u201cCan conservatives Trust Donald Trump?\u201d The ad ran in Iowa.",
     [("Donald Trump", "PERSON"), ("Iowa", "GPE")]),
    ("es", "El cartel decía: Apoyo Donald Trump. Donald Trump habló el lunes.",
     [("Apoyo Donald Trump", "PER"), ("Donald Trump", "PER")]),
    ("es", "Los carteles decían Apoyo Donald Trump en el mitin de Iowa.", [("Donald Trump", "PER"), ("Iowa", "LOC")]),
])
def test_a_common_word_before_a_persons_name_is_none_of_it(language, text, spans, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    people = [e for e in entities if e.kind == "person"]
    assert [e.name for e in people] == ["Donald Trump"], every_alias(entities)
    assert not any(a.split()[0] in ("Trust", "Apoyo") for a in every_alias(entities)), every_alias(entities)


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans", [
    ("en", "At rallies in Maine, voters with Bernie Sanders T-shirts stood near people. Bernie Sanders spoke later.",
     [("Maine", "GPE"), ("Bernie Sanders", "PERSON"), ("Bernie Sanders", "PERSON")]),
    ("en", "At rallies in Maine, voters with Bernie Sanders T-shirts stood near people. Bernie Sanders spoke later.",
     [("Maine", "GPE"), ("Bernie Sanders T", "PERSON"), ("Bernie Sanders", "PERSON")]),
    ("es", "En el mitin de Maine, votantes con camisetas Bernie Sanders T-shirt esperaban. Bernie Sanders habló después.",
     [("Maine", "LOC"), ("Bernie Sanders", "PER"), ("Bernie Sanders", "PER")]),
])
def test_a_letter_opening_a_compound_after_a_name_is_none_of_it(language, text, spans, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert "Bernie Sanders T" not in every_alias(entities)
    assert "Bernie Sanders" in {e.name for e in entities if e.kind == "person"}


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,short,long", [
    ("es", "La Asamblea Nacional, de mayoría opositora, rechazó la elección de la Asamblea Nacional Constituyente. "
           "Nicolás Maduro instaló la Asamblea Nacional Constituyente el viernes. La Asamblea Nacional sesionó el lunes.",
     [("Asamblea Nacional", "ORG"), ("Asamblea Nacional Constituyente", "ORG"), ("Nicolás Maduro", "PER"),
      ("Asamblea Nacional Constituyente", "ORG"), ("Asamblea Nacional", "ORG")],
     "Asamblea Nacional", "Asamblea Nacional Constituyente"),
    ("en", "The Federal Reserve raised rates on Wednesday. The Federal Reserve Bank of New York said markets were calm.",
     [("Federal Reserve", "ORG"), ("Federal Reserve Bank of New York", "ORG")],
     "Federal Reserve", "Federal Reserve Bank of New York"),
    # after the longer name with its acronym in brackets: the article shortens it by the acronym
    ("es", "El presidente de la Asamblea Nacional Constituyente (ANC), Diosdado Cabello, habló el lunes. Pidió "
           "elecciones para renovar la Asamblea Nacional en 2020.",
     [("Asamblea Nacional Constituyente", "ORG"), ("ANC", "ORG"), ("Diosdado Cabello", "PER"), ("Asamblea Nacional", "ORG")],
     "Asamblea Nacional", "Asamblea Nacional Constituyente"),
])
def test_a_body_named_before_a_longer_name_that_holds_it_is_another_body(language, text, spans, short, long, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    holders = {e.name: {e.name, *e.aliases} for e in entities}
    assert not any({short, long} <= names for names in holders.values()), holders
    assert short in holders and long in holders, holders


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,short,long", [
    ("en", "The Federal Reserve Bank of New York said markets were calm. The Federal Reserve Bank later added details.",
     [("Federal Reserve Bank of New York", "ORG"), ("Federal Reserve Bank", "ORG")],
     "Federal Reserve Bank", "Federal Reserve Bank of New York"),
    ("es", "El Banco Central de Reserva del Perú subió la tasa. El Banco Central de Reserva dijo que la inflación cede.",
     [("Banco Central de Reserva del Perú", "ORG"), ("Banco Central de Reserva", "ORG")],
     "Banco Central de Reserva", "Banco Central de Reserva del Perú"),
    # written first, the short form still joins a longer name that only adds a legal form or a company's word
    ("en", "Aer Lingus said on Monday it would buy six jets. Aer Lingus Group PLC shares rose.",
     [("Aer Lingus", "ORG"), ("Aer Lingus Group PLC", "ORG")], "Aer Lingus", "Aer Lingus Group PLC"),
    ("es", "Banco Santander ganó más este año. Las acciones de Banco Santander S.A. subieron el lunes.",
     [("Banco Santander", "ORG"), ("Banco Santander S.A.", "ORG")], "Banco Santander", "Banco Santander S.A."),
    # after a name with its acronym, a short form it continues with 'de' or with a generic word still joins it
    ("es", "El Banco Interamericano de Desarrollo (BID) aprobó un crédito. El Banco Interamericano dijo que apoyará al país.",
     [("Banco Interamericano de Desarrollo", "ORG"), ("BID", "ORG"), ("Banco Interamericano", "ORG")],
     "Banco Interamericano", "Banco Interamericano de Desarrollo"),
    ("en", "The Federal Reserve Bank (FRB) raised rates. The Federal Reserve said markets were calm.",
     [("Federal Reserve Bank", "ORG"), ("FRB", "ORG"), ("Federal Reserve", "ORG")],
     "Federal Reserve", "Federal Reserve Bank"),
])
def test_a_short_form_after_the_full_name_still_joins_it(language, text, spans, short, long, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert any({short, long} <= {e.name, *e.aliases} for e in entities), [(e.name, e.aliases) for e in entities]


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,body", [
    ("en", "The Supreme Court ruled on Monday. Sen. Tim Scott (R-S.C.) said the Supreme Court should reconsider.",
     [("Supreme Court", "ORG"), ("Tim Scott", "PERSON"), ("Supreme Court", "ORG")], "Supreme Court"),
    ("es", "La Suprema Corte falló el lunes. El senador Tim Scott (R-S.C.) dijo que la Suprema Corte debe revisarlo.",
     [("Suprema Corte", "ORG"), ("Tim Scott", "PER"), ("Suprema Corte", "ORG")], "Suprema Corte"),
])
def test_an_acronym_the_exonym_table_gives_a_place_is_no_short_form_of_a_body(language, text, spans, body, nlp):
    # Regression: "S.C." (South Carolina) of "(R-S.C.)" became an alias of the Supreme Court.
    _, entities = extract(tagged(nlp[language], text, spans), language)
    court = next(e for e in entities if e.name == body)
    assert "S.C." not in court.aliases, court.aliases


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,body,acronym", [
    ("en", "The United Nations condemned the attack. Later, UN asked for an inquiry.",
     [("United Nations", "ORG"), ("UN", "ORG")], "United Nations", "UN"),
    ("es", "La Organización de las Naciones Unidas condenó el ataque. Después, ONU pidió una investigación.",
     [("Organización de las Naciones Unidas", "ORG")], "Organización de las Naciones Unidas", "ONU"),
])
def test_an_acronym_the_exonym_table_gives_the_same_body_still_joins_it(language, text, spans, body, acronym, nlp):
    _, entities = extract(tagged(nlp[language], text, spans), language)
    assert acronym in next(e for e in entities if e.name == body).aliases, [(e.name, e.aliases) for e in entities]
