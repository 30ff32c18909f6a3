"""Stage `entities` (issue #15): a body's description written right before its name refers to the
body and is an evidence span of it, as a title before a person's name is of the person: "Danish
flag carrier Nordair" (a place or nationality, lower-case words, a body noun of `org_heads`), "la
compañía aérea danesa Nordair" (the article, the body noun, its adjectives)."""

from __future__ import annotations

import pytest

from tests.extract.fixtures_entities import evidence_by_name

pytestmark = pytest.mark.models


def evidence_of(nlp, language: str, text: str, spans: list[tuple[str, str]], name: str) -> list[str]:
    return evidence_by_name(nlp, language, text, spans)[name]


@pytest.mark.parametrize("language,text,spans,description", [
    ("en", "Danish flag carrier Nordair ordered ten jets on Monday.", [("Danish", "NORP"), ("Nordair", "ORG")],
     "Danish flag carrier"),
    ("en", "Shares of U.S. electronics retailer Zentrix fell on Monday.", [("U.S.", "GPE"), ("Zentrix", "ORG")],
     "U.S. electronics retailer"),
    ("es", "La compañía aérea danesa Nordair encargó diez aviones el lunes.", [("Nordair", "ORG")],
     "compañía aérea danesa"),
])
def test_a_bodys_description_before_its_name_is_an_evidence_span(language, text, spans, description, nlp):
    assert description in evidence_of(nlp, language, text, spans, "Nordair" if "Nordair" in text else "Zentrix")


@pytest.mark.parametrize("language,text,spans", [
    ("en", "Danish analyst Nordair said sales fell.", [("Danish", "NORP"), ("Nordair", "ORG")]),
    ("es", "Según una compañía danesa Nordair encargó diez aviones.", [("Nordair", "ORG")]),
])
def test_words_before_a_name_without_a_body_noun_or_article_are_no_description(language, text, spans, nlp):
    assert evidence_of(nlp, language, text, spans, "Nordair") == ["Nordair"]


@pytest.mark.parametrize("language,text,spans,description", [
    ("en", "Nordair, Denmark's biggest cargo carrier, has announced job cuts.",
     [("Nordair", "ORG"), ("Denmark", "GPE")], "Denmark's biggest cargo carrier"),
    ("en", "Zentrix's Danish rival, Nordair, is preparing a similar aircraft.",
     [("Zentrix", "ORG"), ("Danish", "NORP"), ("Nordair", "ORG")], "Zentrix's Danish rival"),
    ("es", "Nordair, la rival danesa de Zentrix, cree en los aviones grandes.",
     [("Nordair", "ORG"), ("Zentrix", "ORG")], "la rival danesa de Zentrix"),
    ("es", "El rival danés de Zentrix, Nordair, está preparando un avión similar.",
     [("Zentrix", "ORG"), ("Nordair", "ORG")], "El rival danés de Zentrix"),
    # ending the sentence
    ("en", "Sales fell, according to Nordair, a market research firm. Prices rose.", [("Nordair", "ORG")],
     "a market research firm"),
    ("es", "Las ventas cayeron, según Nordair, una firma de estudios de mercado. Los precios subieron.",
     [("Nordair", "ORG")], "una firma de estudios de mercado"),
])
def test_a_bodys_description_between_commas_is_an_evidence_span(language, text, spans, description, nlp):
    assert description in evidence_of(nlp, language, text, spans, "Nordair")


@pytest.mark.parametrize("language,text,spans,reference", [
    ("en", "Zentrix, Nordair, Skyhaul and Aerolux sell jets.",
     [("Zentrix", "ORG"), ("Nordair", "ORG"), ("Skyhaul", "ORG"), ("Aerolux", "ORG")], None),
    # the clause is no description; its "the company" alone refers back to Nordair (`_body_references`)
    ("en", "Nordair, the company said on Monday, will cut jobs.", [("Nordair", "ORG")], "the company"),
    ("es", "Nordair, según dijo la empresa el lunes, recortará empleos.", [("Nordair", "ORG")], "la empresa"),
])
def test_a_list_or_a_clause_between_commas_is_no_description(language, text, spans, reference, nlp):
    assert evidence_of(nlp, language, text, spans, "Nordair") == ["Nordair", *([reference] if reference else [])]


@pytest.mark.parametrize("text,spans,description", [
    ("Zentrix's Danish rival Nordair, which has out-sold it since 2003, believes in big jets.",
     [("Zentrix", "ORG"), ("Danish", "NORP"), ("Nordair", "ORG")], "Zentrix's Danish rival"),
    ("“It is a long way.” Zentrix's Danish rival, Nordair, is preparing a similar aircraft.",
     [("Zentrix", "ORG"), ("Danish", "NORP"), ("Nordair", "ORG")], "Zentrix's Danish rival"),
])
def test_an_owners_rival_before_a_bodys_name_is_an_evidence_span(text, spans, description, nlp):
    assert description in evidence_of(nlp, "en", text, spans, "Nordair")


def test_a_rival_of_no_one_is_no_description(nlp):
    text = "The Danish rival Nordair grew on Monday."
    assert evidence_of(nlp, "en", text, [("Danish", "NORP"), ("Nordair", "ORG")], "Nordair") == ["Nordair"]
