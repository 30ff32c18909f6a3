"""Detection of events in English and Spanish: verbal, passive and nominal triggers, the sides
of a clash as entities (the Navy, not "Mexican"), fatalities when stated. Sentences written for
this test; real spaCy models."""

from __future__ import annotations

import pytest

from tests.extract.test_events import run

PUBLISHED = "2026-03-12"  # a Thursday


def only(text: str, language: str, etype: str):
    found = [e for e in run(text, language, PUBLISHED) if e[0] == etype]
    assert len(found) == 1, (etype, [(e[0], e[5].summary) for e in run(text, language, PUBLISHED)])
    return found[0]


@pytest.mark.models
@pytest.mark.parametrize("language,text,etype,when,place,dead", [
    ("en", "A car bomb exploded outside a police station in Mogadishu on Sunday, killing five people.",
     "explosion", "2026-03-08", "Mogadishu", 5),
    ("es", "Un coche bomba explotó frente a una estación de policía en Cali el domingo y murieron tres agentes.",
     "explosion", "2026-03-08", "Cali", 3),
    ("en", "Four soldiers were killed in a shootout with gunmen in Culiacán on Monday.",
     "clash", "2026-03-09", "Culiacán", 4),
    ("es", "Cuatro soldados murieron en un enfrentamiento con sicarios en Culiacán el lunes.",
     "clash", "2026-03-09", None, 4),  # the place is not found here yet (see docs/events.md)
])
def test_incidents_with_their_dead(language, text, etype, when, place, dead):
    _, date, _, _, where, event = only(text, language, etype)
    assert (date, event.fatalities) == (when, dead), event
    if place:
        assert where == place, event


@pytest.mark.models
@pytest.mark.parametrize("language,text", [
    ("en", "The journalist Pedro Ruiz Salas was killed in Tijuana on Friday."),  # passive
    ("en", "The killing of the journalist Pedro Ruiz Salas in Tijuana on Friday shocked the country."),  # nominal
    ("es", "El periodista Pedro Ruiz Salas fue asesinado en Tijuana el viernes."),  # passive with "ser"
    ("es", "El asesinato del periodista Pedro Ruiz Salas en Tijuana el viernes conmocionó al país."),  # "del": de + el
])
def test_passive_and_nominal_killings_name_their_victim(language, text):
    _, date, _, targets, place, event = only(text, language, "killing")
    assert "Pedro Ruiz Salas" in targets and date == "2026-03-06" and place == "Tijuana"
    assert event.acled_sub_event_type == "Attack" and "Pedro Ruiz Salas" in event.summary


@pytest.mark.models
@pytest.mark.parametrize("language,text,side", [
    ("en", "A clash between the Mexican Navy and cartel gunmen left five dead in Culiacán on Monday.", "Mexican Navy"),
    ("en", "On Monday, Army soldiers clashed with the Jalisco New Generation Cartel in Aguililla.",
     "Jalisco New Generation Cartel"),
    ("es", "Un enfrentamiento entre la Secretaría de Marina y sicarios del cártel dejó cinco muertos en Culiacán "
           "el lunes.", "Secretaría de Marina"),
    ("es", "El lunes, soldados del Ejército se enfrentaron con el Cártel de Jalisco Nueva Generación en Aguililla.",
     "Cártel de Jalisco Nueva Generación"),
])
def test_the_sides_of_a_clash_are_entities(language, text, side):
    _, date, actors, targets, _, event = only(text, language, "clash")
    # the entity's name as the entities stage reads it (it may run on: "... Cartel in Aguililla")
    assert any(name.startswith(side) for name in actors + targets), (actors, targets, event.summary)
    assert date == "2026-03-09" and side in event.summary
    assert "Mexican" not in actors + targets  # a nationality adjective is never a participant


@pytest.mark.models
@pytest.mark.parametrize("language,text,force", [
    ("en", "The Mexican Navy said marines arrested two cartel gunmen in Veracruz on Tuesday.", "Mexican Navy"),
    ("es", "La Secretaría de Marina informó que marinos detuvieron a dos sicarios en Veracruz el martes.",
     "Secretaría de Marina"),
])
def test_a_force_named_by_a_common_noun_is_the_articles_entity(language, text, force):
    _, date, actors, _, place, _ = only(text, language, "arrest")
    assert actors == [force] and place == "Veracruz" and date == "2026-03-10"


@pytest.mark.models
def test_unnamed_participants_keep_their_capitals_in_the_summary():
    _, _, actors, _, _, event = only("Mexican marines captured a cartel leader in Tepic on Thursday.", "en", "arrest")
    assert not actors and event.summary.startswith("Mexican marines"), event.summary


@pytest.mark.models
@pytest.mark.parametrize("language,text,etype,target", [
    # "al" is "a" + "el": the target of a noun trigger, as "del" is "de" + "el" (above)
    ("es", "El ataque al alcalde Ramiro López Díaz en Uruapan el domingo dejó dos heridos.", "attack",
     "Ramiro López Díaz"),
    ("en", "The mayor Ramiro López Díaz was attacked in Uruapan on Sunday.", "attack", "Ramiro López Díaz"),
])
def test_a_preposition_joined_to_its_article_names_the_target(language, text, etype, target):
    _, _, _, targets, _, _ = only(text, language, etype)
    assert target in targets


@pytest.mark.models
@pytest.mark.parametrize("language,text,etype", [
    # the tagger lemmatises "aprehendieron" as "aprehendar": a regular form of a listed verb still counts
    ("es", "Agentes de la Fiscalía aprehendieron a Juan Pérez Gómez en Toluca el martes.", "arrest"),
    ("en", "Prosecutors' agents apprehended Juan Pérez Gómez in Toluca on Tuesday.", "arrest"),
    # a verb phrase may begin with an adverb, a noun compound with an adjective
    ("en", "A girl was sexually assaulted by two soldiers at a checkpoint in Chiapas on Tuesday.", "sexual_violence"),
    ("es", "Una joven fue agredida sexualmente por dos soldados en un retén de Chiapas el martes.", "sexual_violence"),
    ("en", "Students held a human chain in Dhaka on Tuesday demanding justice for a murdered classmate.", "protest"),
    ("es", "Trabajadores de la salud se manifestaron frente al hospital de Temuco el martes.", "protest"),
])
def test_triggers_beyond_the_taggers_lemma(language, text, etype):
    found = run(text, language, PUBLISHED)
    assert [e[0] for e in found] == [etype], [(e[0], e[5].summary) for e in found]


@pytest.mark.models
@pytest.mark.parametrize("language,text,etype", [
    # soldiers killed by a bomb: remote violence, not an armed clash
    ("en", "On Tuesday a Malian army truck struck an improvised explosive device near Menaka, killing five soldiers.",
     "explosion"),
    ("es", "El martes un camión del ejército pisó una mina antipersona cerca de Menaka y mató a cinco soldados.",
     "explosion"),
    # a bomb a suicide attacker set off
    ("en", "On Tuesday a suicide attacker detonated a bomb at a mosque in Kabul, killing 12 worshippers.",
     "suicide_bombing"),
    ("es", "El martes un terrorista suicida se hizo estallar en una mezquita de Kabul y mató a 12 fieles.",
     "suicide_bombing"),
    # the date's "March" is no march; an aircraft shot down is a target, not an air strike
    ("en", "On 10 March 2026, in Islamabad, security forces detained three suspected militants.", "arrest"),
    ("en", "On Tuesday gunmen shot down a military helicopter in Michoacán, killing three soldiers.", "clash"),
    ("es", "El martes, sicarios derribaron un helicóptero militar en Michoacán y mataron a tres soldados.", "clash"),
    # protesters fired on are excessive force, though "manifestante" is a trigger word itself
    ("es", "El martes, en Santiago, un carabinero disparó a quemarropa contra un manifestante pacífico.",
     "excessive_force"),
    ("en", "On Tuesday, in Khartoum, soldiers beat protesters at the sit-in with sticks.", "excessive_force"),
])
def test_the_type_in_context(language, text, etype):
    found = run(text, language, PUBLISHED)
    assert found and found[0][0] == etype, [(e[0], e[5].summary) for e in found]


@pytest.mark.models
@pytest.mark.parametrize("language,text,etype", [
    # two conjoined sides doing it to each other
    ("es", "Militares y civiles armados se tirotearon durante dos horas en Nuevo Laredo el martes.", "clash"),
    ("en", "On Tuesday, soldiers and gunmen shot at each other for two hours in Nuevo Laredo.", "clash"),
    # what an explosive destroyed is the explosion
    ("es", "El martes, una carga explosiva destruyó un puente en la vía entre Tumaco y Pasto.", "explosion"),
    ("en", "On Tuesday, a bomb destroyed a bridge on the road between Tumaco and Pasto.", "explosion"),
    # a checkpoint set up is a base; "levantar" a checkpoint is no kidnapping
    ("es", "El martes, el ejército levantó un puesto de control a la entrada de Aguililla.", "base_established"),
    ("en", "On Tuesday, the army set up a checkpoint at the entrance of Aguililla.", "base_established"),
    ("es", "El martes, hombres armados se llevaron por la fuerza a cinco jóvenes de una fiesta en Lagos de Moreno.",
     "kidnapping"),
    ("es", "El martes, el ejército recobró el control del puerto de Mocímboa da Praia.", "territory_regained"),
    ("en", "On Tuesday, the army regained control of the port of Mocímboa da Praia.", "territory_regained"),
])
def test_more_ways_to_tell_it(language, text, etype):
    found = run(text, language, PUBLISHED)
    assert found and found[0][0] == etype, [(e[0], e[5].summary) for e in found]


@pytest.mark.models
@pytest.mark.parametrize("language,text", [
    ("es", "El martes, las tropas entregaron la ciudad a los talibanes sin combatir."),
    ("en", "On Tuesday, the troops handed the city over to the Taliban without fighting."),
])
def test_what_was_not_done_is_no_event(language, text):
    assert "clash" not in [e[0] for e in run(text, language, PUBLISHED)]


@pytest.mark.models
@pytest.mark.parametrize("language,text,etype", [
    ("es", "El martes, rebeldes del M23 capturaron la localidad de Bunagana, en la frontera con Uganda.",
     "territory_taken"),
    ("en", "On Tuesday, M23 rebels captured the town of Bunagana on the border with Uganda.", "territory_taken"),
    ("es", "El martes, la policía disolvió con gases lacrimógenos una protesta de estudiantes en Lima.",
     "protest_intervention"),
    ("en", "On Tuesday, police broke up a student protest with tear gas in Lima.", "protest_intervention"),
])
def test_a_place_captured_and_a_protest_broken_up(language, text, etype):
    found = run(text, language, PUBLISHED)
    assert found and found[0][0] == etype, [(e[0], e[5].summary) for e in found]
