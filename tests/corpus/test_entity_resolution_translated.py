"""Cross-lingual entity resolution (issue #15) on hand-built local entities (no model needed): a
stock exchange named in English and in Spanish ('London Stock Exchange' / 'Bolsa de Londres',
'Bolsa de Valores de Lima' / 'Lima Stock Exchange') is one body; an index or a body of the exonym
table that the model read as a miscellaneous name ('Dow Jones Industrial Average' / 'Dow Jones',
'Comisión de Bolsa y Valores') joins its other names in either language; exchanges of two places,
and a generic phrase alone, stay apart."""

from __future__ import annotations

import pytest

from fuentes.corpus.entity_resolution import resolve_entities
from fuentes.corpus.name_constraints import canonical_words
from fuentes.extract.names import name_tokens
from fuentes.model import Entity, Evidence


def ent(key, name, kind, article):
    return Entity(id=key, name=name, kind=kind, aliases=[name], articles=[article],
                  evidence=[Evidence(article, 0, len(name), "entities", "1")])


def groups(per: dict[str, list[Entity]]) -> list[set[str]]:
    return sorted((set(e.aliases) for e in resolve_entities(per)), key=lambda names: sorted(names))


@pytest.mark.parametrize("english,spanish", [
    ("London Stock Exchange", "Bolsa de Londres"),
    ("Lima Stock Exchange", "Bolsa de Valores de Lima"),
    ("Buenos Aires Stock Exchange", "Bolsa de Comercio de Buenos Aires"),
])
def test_a_stock_exchange_named_in_english_and_spanish_is_one_body(english, spanish):
    per = {"en1": [ent("e1", english, "organization", "en1")], "es1": [ent("e1", spanish, "organization", "es1")]}
    assert groups(per) == [{english, spanish}]


def test_exchanges_of_two_places_and_a_generic_phrase_stay_apart():
    per = {"en1": [ent("e1", "London Stock Exchange", "organization", "en1")],
           "es1": [ent("e1", "Bolsa de Madrid", "organization", "es1")],
           "es2": [ent("e1", "Bolsa de Valores", "organization", "es2")],
           "en2": [ent("e1", "Stock Exchange", "organization", "en2")]}
    assert len(resolve_entities(per)) == 4


@pytest.mark.parametrize("phrase", ["Stock Exchange", "Bolsa de Valores", "Bolsa de Comercio"])
def test_a_generic_phrase_of_either_language_is_one_english_word(phrase):
    assert canonical_words(name_tokens(phrase)) == ["exchange"]


@pytest.mark.parametrize("english,spanish,kinds", [
    ("Dow Jones Industrial Average", "Dow Jones", ("other", "other")),
    ("FTSE 100", "FTSE", ("other", "organization")),
    ("Securities and Exchange Commission", "Comisión de Bolsa y Valores", ("organization", "other")),
])
def test_a_listed_name_read_as_other_joins_its_names_in_the_other_language(english, spanish, kinds):
    per = {"en1": [ent("e1", english, kinds[0], "en1")], "es1": [ent("e1", spanish, kinds[1], "es1")]}
    assert groups(per) == [{english, spanish}]


def test_unlisted_other_names_in_two_languages_stay_apart():
    per = {"en1": [ent("e1", "Operation Blue Harbor", "other", "en1")],
           "es1": [ent("e1", "Operación Puerto Azul", "other", "es1")]}
    assert len(resolve_entities(per)) == 2
