"""Stage `entities`: what is no name (sentence openers, demonyms, words the model ran a name
into) and what a name is (an institution, a place the model called a person), in English and
Spanish, on real spaCy models."""

from __future__ import annotations

import pytest

from fuentes.doc import ArticleDoc
from fuentes.extract.aliases import lexicon
from fuentes.extract.entities import EntitiesStage, _pieces, candidates
from fuentes.nlp.stage import NlpStage

pytestmark = pytest.mark.models


def run(body: str, language: str):
    doc = ArticleDoc(source="mem", format="text", layers={"body": body, "language": language, "id": "art_1"})
    doc = EntitiesStage()(NlpStage()(doc))
    return doc.layers["mentions"], doc.layers["entities"]


def names(entities) -> dict[str, str]:
    return {e.name: e.kind for e in entities}


def test_demonyms_and_party_adjectives_are_attributes_not_entities():
    mentions, entities = run("Mexican officials met American diplomats in Monterrey on Monday. Republican "
                             "senators and Democrats argued about the plan proposed by Laura Quintanilla.", "en")
    found = names(entities)
    assert not {"Mexican", "American", "Republican", "Democrats"} & set(found), found
    assert found.get("Laura Quintanilla") == "person" and found.get("Monterrey") == "place"
    norp = [m for m in mentions if m.label == "NORP"]
    assert norp and all(m.entity is None for m in norp)


def test_a_role_between_an_organisation_and_a_person_splits_them():
    _, entities = run("Apple CEO Steve Jobs unveiled the phone on Tuesday. Boeing Executive Vice President "
                      "Scott Carson said the plane was late. Jobs said the phone was ready.", "en")
    found = names(entities)
    assert found.get("Steve Jobs") == "person" and found.get("Scott Carson") == "person", found
    assert not any("CEO" in n or "Executive" in n or "Vice" in n for n in found), found


def test_spanish_sentence_openers_are_no_people():
    body = ("Según Pedro Ramírez Lagos, el puerto sigue cerrado. Aseguró que la carretera se abrirá el lunes. "
            "Además, Ramírez pidió calma. Nadie respondió. Durante la tarde llegaron los soldados.")
    _, entities = run(body, "es")
    found = names(entities)
    assert found.get("Pedro Ramírez Lagos") == "person", found
    assert not any(n.split()[0] in ("Según", "Aseguró", "Además", "Nadie", "Durante") for n in found), found


def test_english_sentence_openers_and_words_only_capitalised_there_are_no_names():
    body = ("Cartels control the port. The cartels pay the police, said Daniel Ortega Ruiz. However Ortega "
            "added that the army had arrived.")
    _, entities = run(body, "en")
    found = names(entities)
    assert "Cartels" not in found and not any(n.startswith("However") for n in found), found
    assert found.get("Daniel Ortega Ruiz") == "person"


@pytest.mark.parametrize("language, words, expected", [
    ("es", ["Boeing", "había", "pedido"], [["Boeing"]]),
    ("es", ["Las", "entregas", "a", "Singapore", "Airlines"], [["Las"], ["Singapore", "Airlines"]]),
    ("es", ["Cártel", "de", "Sinaloa"], [["Cártel", "de", "Sinaloa"]]),
    ("en", ["Airbus", "massive", "new", "A380"], [["Airbus"], ["A380"]]),
    ("en", ["Bank", "of", "America"], [["Bank", "of", "America"]]),
])
def test_a_lower_case_word_that_is_no_particle_ends_a_name(language, words, expected, nlp):
    sdoc = nlp[language](" ".join(words))
    pieces = _pieces(list(sdoc), lexicon(language))
    assert [[t.text for t in p] for p in pieces] == expected


def test_a_spanish_span_run_into_the_next_sentence_is_cut_at_its_full_stop(nlp):
    sdoc = nlp["es"]("Airbus presentó el Airbus A400M. El problema sigue.")
    span = sdoc[3:7]  # "Airbus A400M. El problema" as the model may tag it
    pieces = [[t.text for t in p] for p in _pieces(list(span), lexicon("es"))]
    assert not any("problema" in p for p in pieces) and any(p[:1] == ["Airbus"] for p in pieces), pieces


def test_spanish_institutions_are_organisations_and_places_the_model_calls_people_are_places():
    body = ("El Gobierno anunció el lunes nuevas medidas. El Ayuntamiento de Puerto Almendra cerró las escuelas. "
            "La violencia creció en Guayaquil y en Tamaulipas.")
    mentions, entities = run(body, "es")
    found = names(entities)
    # "el Gobierno" alone does not say which government: a mention of an organisation, no entity
    assert "Gobierno" not in found and [m.label for m in mentions if m.text == "Gobierno"] == ["ORG"], found
    assert found.get("Ayuntamiento de Puerto Almendra") == "organization", found
    assert found.get("Guayaquil") == "place" and found.get("Tamaulipas") == "place", found


def test_english_role_words_are_not_taken_into_an_organisation_name(nlp):
    sdoc = nlp["en"]("Ryanair CEO Michael O'Leary said fares would rise.")
    found = {c.text for c in candidates(sdoc, lexicon("en"))}
    assert not any("CEO" in t for t in found), found


def test_a_party_word_before_a_name_is_a_role_and_a_party_plural_no_surname():
    body = ("Ranking Democrat Dianne Feinstein said the vote would wait. The Log Cabin Republicans endorsed "
            "no one. Republicans in the Senate were split, and Feinstein said she was not surprised.")
    _, entities = run(body, "en")
    found = {e.name: e for e in entities}
    assert "Dianne Feinstein" in found, list(found)
    assert "Democrat" in found["Dianne Feinstein"].roles
    people = [e for e in entities if e.kind == "person"]
    assert not any("Republicans" in a for e in people for a in e.aliases), [(e.name, e.aliases) for e in people]


def test_headline_words_run_into_a_name_are_cut(nlp):
    sdoc = nlp["en"]("Chris Christie Address Heroin Epidemic In New Hampshire\n\nThe governor will "
                     "address the heroin epidemic on Monday, Christie said.")
    found = {c.text for c in candidates(sdoc, lexicon("en")) if c.label == "PERSON"}
    assert not any("Address" in t or "Heroin" in t for t in found), found


def test_a_person_span_left_empty_by_trimming_is_dropped_not_an_error(nlp):
    from fuentes.extract.entities import _candidate

    sdoc = nlp["en"]("He met \u201c Roe \u201d. Then he left.")
    mark = [t for t in sdoc if t.text == "\u201c"][:1]  # a span of punctuation only
    assert mark and _candidate(sdoc, sdoc.text, mark, "PERSON", "PERSON", lexicon("en")) is None


def test_a_group_named_with_a_plural_article_is_an_organisation():
    from fuentes.extract.alias_cands import Cand
    from fuentes.extract.entities import build

    body = "Los Mareños atacaron el puerto. El Relojero huyó."
    cands = [Cand(0, 11, "Los Mareños", "PERSON", nick=True), Cand(32, 43, "El Relojero", "PERSON", nick=True)]
    _, entities = build(body, cands, [[0], [1]], "art_1", lexicon("es"))
    assert names(entities) == {"Los Mareños": "organization", "El Relojero": "person"}


# ---- issue 15: common words, spans across breaks, roles, verbs and function words at the ends ----

def test_spanish_common_nouns_capitalised_by_convention_are_no_entities():
    body = ("El Estado deberá pagar la deuda. La Parte acusadora pidió más tiempo. La Constitución lo "
            "prohíbe, dijo Rosa Moreno. El Congreso votó el Decreto el lunes. Educación dijo que las "
            "escuelas abren en Guerrero y en Puerto Rico, según la Casa Blanca.")
    _, entities = run(body, "es")
    found = names(entities)
    assert not {"Estado", "Parte", "Constitución", "Decreto", "Educación"} & set(found), found
    # kept: an institution named by one common word, a given name's person, places, the exonym table
    assert found.get("Congreso") == "organization", found
    assert found.get("Rosa Moreno") == "person", found
    assert {"Guerrero", "Puerto Rico", "Casa Blanca"} <= set(found), found


def test_english_words_capitalised_only_as_headings_are_no_entities():
    body = ("Security\n\nThe security of the port worries officials, said Jane Roe. Citizen Protection\n\n"
            "Every citizen needs protection, Roe added. Congress met on Monday.")
    _, entities = run(body, "en")
    found = names(entities)
    assert not {"Security", "Citizen Protection"} & set(found), found
    assert found.get("Jane Roe") == "person" and found.get("Congress") == "organization", found


@pytest.mark.parametrize("language, body, place, person", [
    ("es", "MEDELLÍN.\nMedellín  Daniel Quintero habló el lunes con los vecinos.", "Medellín", "Daniel Quintero"),
    ("en", "Boston  Daniel Quintero spoke to the neighbours on Monday in Boston.", "Boston", "Daniel Quintero"),
])
def test_a_name_never_runs_across_a_line_break_or_a_double_space(language, body, place, person):
    mentions, entities = run(body, language)
    assert not any("\n" in m.text or "  " in m.text for m in mentions), [m.text for m in mentions]
    assert person in names(entities), names(entities)
    assert not any(place in n and person in n for n in names(entities)), names(entities)


def test_english_dash_number_party_modifier_roles_and_possessive_owner_are_cut():
    body = ("Sen. Ted Cruz\u201435 percent of the vote\u2014won. Top Republican Party officials met House "
            "Majority Leader Kevin McCarthy. ABC\u2019s Carson said the House Speaker would speak. "
            "The Democratic National Convention opens in July.")
    _, entities = run(body, "en")
    found = names(entities)
    assert "Ted Cruz" in found and not any("\u2014" in n or "35" in n for n in found), found
    assert "Republican Party" in found and "Top Republican Party" not in found, found
    assert "Democratic National Convention" in found, found  # a party word of the name stays
    assert not any(n.endswith(("Leader", "Speaker")) for n in found), found
    assert found.get("Kevin McCarthy") == "person" and not any("\u2019s" in n for n in found), found


def test_spanish_verbs_and_function_words_at_a_name_end_are_cut():
    body = ("Compartir Tweet Correo. Los fans de Birds of Prey Celebran el estreno. Más de 30 animales "
            "murieron en Alemania BERLÍN Un incendio destruyó el zoológico, informó Laura Peña Ortiz.")
    _, entities = run(body, "es")
    found = names(entities)
    assert not any(n.split()[0] == "Compartir" for n in found), found
    assert not any(n.endswith((" Celebran", " Un")) for n in found), found
    assert found.get("Laura Peña Ortiz") == "person", found


@pytest.mark.parametrize("language, body, dropped", [
    ("es", "Los contagios de COVID-19 crecieron en Lima, dijo Ana Ruiz Vega.", "COVID-19"),
    ("en", "Cases of COVID-19 rose in Lima, said Ana Ruiz.", "COVID-19"),
])
def test_a_name_with_a_number_is_no_place(language, body, dropped):
    _, entities = run(body, language)
    assert names(entities).get(dropped) != "place", names(entities)


@pytest.mark.parametrize("language, name", [("es", "ESTADOS UNIDOS"), ("en", "UNITED STATES")])
def test_a_place_of_the_exonym_table_the_model_calls_a_person_is_a_place(language, name):
    from fuentes.extract.alias_cands import Cand
    from fuentes.extract.entities import build

    body = f"Dijo {name} ayer." if language == "es" else f"Said {name} yesterday."
    start = body.index(name)
    _, entities = build(body, [Cand(start, start + len(name), name, "PERSON", "PER")], [[0]], "a", lexicon(language))
    assert [(e.name, e.kind) for e in entities] == [(name, "place")]


@pytest.mark.parametrize("language, body, place", [
    ("es", "WASHINGTON, ESTADOS UNIDOS.- El presidente habló ayer con la prensa.", "ESTADOS UNIDOS"),
    ("en", "BOSTON, UNITED STATES.- The president spoke to the press on Monday.", "UNITED STATES"),
])
def test_a_datelines_mark_is_no_part_of_a_name(language, body, place):
    _, entities = run(body, language)
    assert not any(n.endswith(("-", ".")) and place in n for n in names(entities)), names(entities)


@pytest.mark.parametrize("language, body", [
    ("es", "Daniel Quintero llegó a Medellín el lunes. Los recursos de Medellín Daniel Quintero, alcalde de "
           "Medellín, los maneja un contador."),
    ("en", "Daniel Quintero arrived in Medellín on Monday. The budget of Medellín Daniel Quintero, the mayor "
           "of Medellín, is handled by an accountant."),
])
def test_a_place_run_into_a_persons_name_is_cut_off(language, body):
    mentions, entities = run(body, language)
    found = names(entities)
    assert found.get("Daniel Quintero") == "person", found
    assert not any(n.startswith("Medellín ") for n in found), found
