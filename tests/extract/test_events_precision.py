"""Precision of the events stage on political news (English and Spanish; real spaCy models):
political language is not violence, victims are not actors, markup and times are never
participants, a past event keeps its year, a crime someone is accused of is no event told.
Sentences written for this test after the kinds of errors met on real political news."""

from __future__ import annotations

import pytest

from tests.extract.test_events import run

pytestmark = pytest.mark.models

VIOLENT = {"attack", "clash", "killing", "explosion", "shelling", "air_strike", "assassination_attempt"}


def violent(text: str, language: str, published: str = "2016-01-05"):
    return [e for e in run(text, language, published) if e[0] in VIOLENT]


@pytest.mark.parametrize("language,text", [
    ("en", "Mike Murphy praised the efforts of a donor to attack Donald Trump by skywriting nasty messages "
           "at the Rose Bowl on Friday."),
    ("en", "Chris Christie unleashed withering attacks against Marco Rubio in Saturday's debate."),
    ("en", "Jeb Bush also attacked Donald Trump, with whom he clashed at Saturday's debate, calling him a loser."),
    ("en", "So it was no surprise Thursday, when Charles Barkley went off script to comment on Donald Trump."),
    ("en", "The senator killed the bill in committee on Tuesday."),
    ("es", "El candidato Ricardo Anaya atacó a Andrés Manuel López Obrador en el debate del domingo."),
    ("es", "Xóchitl Gálvez atacó la propuesta de Claudia Sheinbaum el lunes y la calificó de irresponsable."),
    ("es", "La senadora Lilly Téllez lanzó duros ataques contra el presidente en una entrevista el martes."),
    ("es", "El diputado Pedro Gómez Ruiz explotó contra sus adversarios el jueves."),
])
def test_political_language_is_not_violence(language, text):
    assert violent(text, language) == []


@pytest.mark.parametrize("language,text,etype", [
    ("en", "Militants attacked a police post in Kabul on Friday, killing three officers.", "clash"),
    ("en", "A car bomb went off outside the ministry in Mogadishu on Sunday.", "explosion"),
    ("en", "Rebels ambushed an army convoy near Goma on Monday, killing four soldiers.", "clash"),
    ("es", "Sicarios atacaron una comandancia de policía en Celaya el viernes y mataron a tres agentes.", "clash"),
    ("es", "Un coche bomba estalló frente al ministerio en Mogadiscio el domingo.", "explosion"),
])
def test_violence_is_still_violence(language, text, etype):
    assert [e[0] for e in violent(text, language)] == [etype]


@pytest.mark.parametrize("language,text,victims", [
    ("en", "Obama thinks about the 20 first-graders who were killed in the mass shooting at a Connecticut "
           "elementary school in December 2012.", "first graders"),
    ("en", "The father of a first-grader killed at Sandy Hook Elementary School spoke on Tuesday.", "first grader"),
    ("es", "El periodista asesinado en Tijuana el viernes trabajaba para un semanario.", "periodista"),
    ("es", "Los estudiantes que fueron asesinados en Iguala en 2014 eran normalistas.", "estudiantes"),
])
def test_victims_are_not_actors(language, text, victims):
    (killing,) = [e for e in violent(text, language) if e[0] == "killing"]
    assert killing[2] == [] and killing[5].summary.startswith("Killing of"), killing[5].summary
    assert victims in killing[5].summary and " by " not in killing[5].summary


@pytest.mark.parametrize("language,text,actor", [
    ("en", "Gunmen who killed two police officers fled to Sonora on Monday.", "gunmen"),
    ("es", "Los sicarios que asesinaron al alcalde huyeron a Sonora el lunes.", "sicarios"),
])
def test_the_subject_of_a_relative_clause_is_its_noun(language, text, actor):
    events = violent(text, language)
    assert events and events[0][5].summary.lower().startswith(actor), [e[5].summary for e in events]


@pytest.mark.parametrize("language,text", [
    ("en", '<tweet id="672138506081275904" datetime="2015-12-02">Scanner: Farook Sayed was acting nervous, '
           'left the building, 20 mins later shooting began</tweet>.'),
    ("es", '<tweet id="672138506081275904" datetime="2015-12-02">Escáner: Farook Sayed salió del edificio y '
           '20 minutos después hombres armados atacaron a los empleados</tweet>.'),
])
def test_markup_and_times_are_never_participants(language, text):
    summaries = [e[5].summary for e in run(text, language, "2015-12-04")]
    assert summaries
    assert not any("<" in s or ">" in s or "tweet" in s or "min" in s for s in summaries), summaries


@pytest.mark.parametrize("language,text,when", [
    ("en", "Giffords was gravely wounded five years ago this week in a shooting at a supermarket in Tucson.",
     "2011-01"),
    ("en", "The 2011 shooting in Tucson, which killed six people on a Saturday morning, changed her life.", "2011"),
    ("en", "In 2011, gunmen killed six people in Tucson on Saturday.", "2011"),
    ("en", "Gunmen killed six people in Tucson on Saturday.", "2016-01-02"),  # no year: the publication date's
    ("es", "Giffords fue herida de gravedad hace cinco años esta semana en un tiroteo en un supermercado de Tucson.",
     "2011-01"),
    ("es", "En 2011, hombres armados mataron a seis personas en Tucson el sábado.", "2011"),
    ("es", "Hombres armados mataron a seis personas en Tucson el sábado.", "2016-01-02"),
])
def test_a_past_event_keeps_its_year(language, text, when):
    events = violent(text, language)
    assert events and {e[1] for e in events} == {when}, [(e[0], e[1]) for e in events]


@pytest.mark.parametrize("language,text", [
    ("en", "Police arrested two men suspected of kidnapping in Lagos on Monday."),
    ("en", "Police arrested Juan Pérez on Tuesday for a murder he committed in 2011."),
    ("es", "Agentes de la Fiscalía aprehendieron en Toluca a un presunto jefe de plaza, señalado por secuestro."),
    ("es", "Un hombre de Birmingham fue detenido el martes por el homicidio de su vecino."),
])
def test_a_crime_someone_is_accused_of_is_no_event_told(language, text):
    assert [e[0] for e in run(text, language, "2026-03-12")] == ["arrest"]


@pytest.mark.parametrize("language,text", [
    ("en", "Giffords was wounded in a shooting in Tucson on Friday. More than a dozen others also were shot."),
    ("es", "Sicarios le dieron una golpiza a dos policías en Celaya el lunes."),
])
def test_only_killing_verbs_count_the_dead(language, text):
    events = violent(text, language, "2026-03-12")
    assert events and all(e[5].fatalities is None for e in events), [(e[0], e[5].fatalities) for e in events]


# ---- words that tell no event of their type --------------------------------------------------

def types(text: str, language: str) -> list[str]:
    return [e[0] for e in run(text, language, "2016-01-05")]


@pytest.mark.parametrize("language,question,statement,etype", [
    ("en", "Who killed the mayor of Ocampo on Friday? The town council chose his successor on Saturday.",
     "Gunmen killed the mayor of Ocampo on Friday. The town council chose his successor on Saturday.", "killing"),
    ("es", "¿Quién mató al alcalde de Ocampo el viernes? El cabildo eligió a su sucesor el sábado.",
     "Sicarios mataron al alcalde de Ocampo el viernes. El cabildo eligió a su sucesor el sábado.", "killing"),
])
def test_a_question_tells_no_event(language, question, statement, etype):
    assert etype not in types(question, language)
    assert etype in types(statement, language)


@pytest.mark.parametrize("language,showing,protest", [
    ("en", "The senator demonstrated his commitment to the reform on Tuesday.",
     "Hundreds of teachers demonstrated outside the ministry in Oaxaca on Tuesday."),
    ("es", "El gobernador manifestó su apoyo a la reforma el martes.",
     "Cientos de maestros se manifestaron frente a la secretaría en Oaxaca el martes."),
])
def test_a_showing_verb_with_an_object_is_no_protest(language, showing, protest):
    assert "protest" not in types(showing, language)
    assert "protest" in types(protest, language)


@pytest.mark.parametrize("language,political,armed", [
    ("en", "The battle between the two candidates intensified in Iowa on Tuesday.",
     "Soldiers and gunmen fought a fierce battle near Culiacán on Tuesday, leaving five dead."),
    ("en", "In every other clash between a candidate and Trump, the candidate picked the fight on Tuesday.",
     "Troops clashed with armed men near Kandahar on Tuesday, leaving two soldiers wounded."),
    ("es", "La batalla entre los dos candidatos se intensificó en Jalisco el martes.",
     "Soldados y sicarios libraron una batalla cerca de Culiacán el martes que dejó cinco muertos."),
    ("es", "El enfrentamiento entre el gobernador y los diputados creció el martes.",
     "El enfrentamiento entre policías y pistoleros en Culiacán dejó tres heridos el martes."),
])
def test_a_fight_word_is_violence_only_beside_arms_or_victims(language, political, armed):
    assert violent(political, language) == []
    assert violent(armed, language) != []


def test_a_meeting_in_the_passive_is_no_visit():
    assert "visit" not in types("Their objective has been met, the senator said on Tuesday.", "en")
    assert "visit" in types("The president met the governor of Sonora in Hermosillo on Tuesday.", "en")


@pytest.mark.parametrize("language,figure,disaster", [
    ("en", "Marco Rubio's collapse in his home state stunned the party on Tuesday.",
     "The collapse of a bridge in Veracruz killed four people on Tuesday."),
    ("es", "El derrumbe de Marco Rubio en su estado sorprendió al partido el martes.",
     "El derrumbe de un puente en Veracruz mató a cuatro personas el martes."),
])
def test_a_disaster_word_a_person_owns_is_a_figure_of_speech(language, figure, disaster):
    assert "man_made_disaster" not in types(figure, language)
    assert "man_made_disaster" in types(disaster, language)


@pytest.mark.parametrize("language,text", [
    ("en", "Police arrested a man with a pistol in Tijuana on Tuesday."),
    ("es", "La policía detuvo a un hombre acusado de robo con arma de fuego en Tijuana el martes."),
])
def test_an_arrest_of_someone_armed_is_an_arrest(language, text):
    found = types(text, language)
    assert "arrest" in found and "weapons_seizure" not in found


@pytest.mark.parametrize("language,campaign,protest", [
    ("en", "Donald Trump held a rally in Mobile, Alabama, on Tuesday night.",
     "Thousands of farmers held a rally against the water law in Mobile, Alabama, on Tuesday."),
    ("en", "The candidate will cap the night with a rally at the arena, his campaign said on Tuesday.",
     "Teachers held a rally outside the education ministry on Tuesday to demand higher pay."),
    ("es", "Andrés Manuel López Obrador encabezó un mitin de campaña en Oaxaca el martes.",
     "Cientos de maestros realizaron un mitin frente a la secretaría en Oaxaca el martes para exigir pagos."),
])
def test_a_candidates_rally_is_no_protest(language, campaign, protest):
    assert "protest" not in types(campaign, language)
    assert "protest" in types(protest, language)


@pytest.mark.parametrize("language,win,beating", [
    ("en", "Carson beat out Clinton by just one point in the poll released on Tuesday.",
     "Two men beat a taxi driver to the ground in Caracas on Tuesday."),
    ("es", "El delantero golpeó el balón con fuerza en el partido del martes.",
     "Dos hombres golpearon a un taxista en Caracas el martes."),
])
def test_a_contest_verb_with_a_score_or_a_ball_is_no_beating(language, win, beating):
    assert violent(win, language) == []
    assert violent(beating, language) != []


@pytest.mark.parametrize("language,other_verb,phrase", [
    ("en", "No matter what action President Barack Obama takes on gun control, Congress will push back.",
     "Rebels took control of the town of Kidal on Monday after fierce fighting."),
    ("es", "El gobierno dijo que tomará en cuenta el control de armas el lunes.",
     "Los rebeldes tomaron el control de la ciudad de Kidal el lunes tras intensos combates."),
])
def test_a_verb_phrase_needs_the_verbs_own_particles(language, other_verb, phrase):
    """"take on" is another verb than "take": "takes on gun control" takes no territory."""
    assert "territory_taken" not in types(other_verb, language)
    assert "territory_taken" in types(phrase, language)


@pytest.mark.parametrize("language,planned,told", [
    ("en", "He’ll hold a rally against the pipeline in Des Moines, and the crowd will march on Tuesday.",
     "Farmers held a rally against the pipeline in Des Moines, and the crowd marched on Tuesday."),
    ("es", "Los maestros no realizarán la marcha contra la reforma en Oaxaca el martes.",
     "Los maestros realizaron una marcha contra la reforma en Oaxaca el martes."),
])
def test_a_typographic_contraction_of_will_is_the_future(language, planned, told):
    """"’ll" (typographic apostrophe) has no lemma of its own: it is read as "'ll", a future."""
    assert "protest" not in types(planned, language)
    assert "protest" in types(told, language)


@pytest.mark.parametrize("language,rule,violence,etype", [
    ("es", "La policía realizó un arresto por violación del código de vehículos en Birmingham el martes.",
     "La violación de una joven en Birmingham conmocionó a la ciudad el martes.", "sexual_violence"),
    ("en", "The attack on the constitution by the senator was condemned in Washington on Tuesday.",
     "The attack on the police station in Kabul killed three officers on Tuesday.", None),
])
def test_an_event_word_of_a_rule_names_the_rule_broken(language, rule, violence, etype):
    found = types(rule, language)
    assert not (set(found) & (VIOLENT | {"sexual_violence"}))
    assert (etype in types(violence, language)) if etype else violent(violence, language) != []


@pytest.mark.parametrize("language,text", [
    ("en", "Thousands of farmers marched against the water law in Mobile, Alabama, on Tuesday."),
    ("es", "Miles de campesinos marcharon contra la ley de aguas en Oaxaca el martes."),
])
def test_a_protest_against_a_rule_is_a_protest(language, text):
    assert "protest" in types(text, language)


@pytest.mark.parametrize("language,words,attack", [
    ("en", "Palmieri called on Donald Trump to stop attacking Alicia Machado on Tuesday.",
     "Unknown men attacked the town hall of San Pedro on Tuesday."),
    ("en", "The senator has attacked loopholes that benefit hedge fund managers.",
     "Attackers stormed the embassy; the attack on the embassy lasted hours on Tuesday."),
    ("en", "He has intensified the personal attacks that have defined his bid.",
     "Unknown men attacked a bus full of pilgrims near Srinagar on Tuesday."),
    ("es", "La senadora Ana Vidal atacó al gobernador Lucas Mena el martes durante la sesión.",
     "Desconocidos atacaron la comandancia de San Pedro el martes."),
    ("es", "Los ataques personales contra la candidata marcaron la campaña.",
     "Un grupo atacó un autobús con peregrinos cerca de Zacatecas el martes."),
])
def test_an_unarmed_attack_on_a_person_or_an_idea_is_words(language, words, attack):
    assert violent(words, language) == []
    assert violent(attack, language) != []


@pytest.mark.parametrize("language,none,escape", [
    ("en", "I cannot fathom how the senator has escaped charges for her mishandling of classified information.",
     "Three inmates escaped from the prison in Culiacán on Tuesday."),
    ("en", "We're going to get away from that if he's elected, Ana Vidal said on Tuesday.",
     "Two kidnapping suspects escaped police custody in Tijuana on Tuesday."),
    ("es", "El diputado evadió las preguntas de los reporteros el martes.",
     "Tres reos se fugaron del penal de Culiacán el martes."),
])
def test_an_escape_is_from_what_holds_people(language, none, escape):
    assert "escape" not in types(none, language)
    assert "escape" in types(escape, language)


@pytest.mark.parametrize("language,none,transfer", [
    ("en", "The company handed over management of the bridge to the state on Tuesday.",
     "The rebels handed over control of the city to the army on Tuesday."),
    ("es", "El alcalde cedió la presidencia del comité a su suplente el martes.",
     "Los rebeldes cedieron el control de la ciudad al ejército el martes."),
])
def test_a_territory_transfer_hands_over_land_or_control(language, none, transfer):
    assert "territory_transfer" not in types(none, language)
    assert "territory_transfer" in types(transfer, language)


@pytest.mark.parametrize("language,figure,disaster", [
    ("en", "Senator Hillary Vance collapsed at the memorial ceremony on Sunday.",
     "A bridge collapsed in Veracruz on Sunday."),
    ("en", "He profited from the collapse of the real estate market in the 1980s.",
     "The plane crashed near Monterrey on Sunday."),
    ("en", "They crashed the meeting of the committee on Sunday.",
     "The driver crashed the truck into a wall near Monterrey on Sunday."),
    ("en", "The stock market crashed on Sunday.", "The bus crashed near Monterrey on Sunday."),
    ("es", "El peso se derrumbó frente al dólar el domingo.", "Un puente se derrumbó en Veracruz el domingo."),
    ("es", "Ganó dinero con el colapso del mercado inmobiliario en los años ochenta.",
     "El colapso de un edificio en Acapulco dejó tres muertos el domingo."),
])
def test_a_faint_a_market_or_a_crashed_meeting_is_no_disaster(language, figure, disaster):
    assert "man_made_disaster" not in types(figure, language)
    assert "man_made_disaster" in types(disaster, language)


TRIGGERED = lambda events: [e[0] for e in events if e[-1].trigger]  # noqa: E731 - typed by a trigger word


@pytest.mark.parametrize("language,self_harm,violence", [
    ("en", "Veterans in 2014 were killing themselves at three times the rate of civilians.",
     "Gunmen were killing farmers at three times the rate of 2010 in the valley."),
    ("en", "Peter Kaisen shot himself outside the station on Friday.",
     "Peter Kaisen shot a guard outside the station on Friday."),
    ("es", "El exgobernador se mató en su oficina de Culiacán en 2014, según la fiscalía.",
     "Los sicarios mataron a dos policías en su oficina de Culiacán en 2014, según la fiscalía."),
])
def test_self_harm_is_no_violence_between_actors(language, self_harm, violence):
    # Regression: "Veterans ... were killing themselves" was a killing by veterans.
    assert not set(TRIGGERED(run(self_harm, language, "2016-01-05"))) & (VIOLENT | {"killing", "attack"})
    assert set(TRIGGERED(run(violence, language, "2016-01-05"))) & (VIOLENT | {"attack"})


@pytest.mark.parametrize("language,goal,meeting", [
    ("en", "The plan is the main tool for the country to meet the emissions reduction target it pledged.",
     "The president met the governor of Sonora in Hermosillo on Tuesday."),
    ("es", "La empresa reunió los requisitos del programa el lunes.",
     "El presidente se reunió con el gobernador de Sonora en Hermosillo el martes."),
])
def test_a_goal_met_is_no_meeting(language, goal, meeting):
    assert "visit" not in TRIGGERED(run(goal, language, "2016-01-05"))
    assert "visit" in TRIGGERED(run(meeting, language, "2016-01-05"))


def test_the_fall_of_a_year_is_a_season_and_the_fall_of_a_city_an_event():
    # Regression: "By the fall of 2010, Tea Party groups had raised millions" was territory taken.
    assert "territory_taken" not in types("By the fall of 2010, Tea Party groups had raised millions of dollars.", "en")
    assert "territory_taken" in types("The fall of Kabul to the militants in 2021 shocked the world.", "en")


def test_picking_up_things_is_no_arrest():
    # Regression: "the company picked up more viable mines" was an arrest.
    assert "arrest" not in types("The company picked up three more viable mines in Sonora last year.", "en")
    assert "arrest" in types("Police picked up Mario Sandoval in Sonora on Tuesday.", "en")


@pytest.mark.parametrize("language,business,territory", [
    ("en", "The company gained control of three mines in Sonora last year.",
     "The cartel took control of the port of Manzanillo last year."),
    ("es", "La empresa tomó el control de la mina en Sonora el año pasado.",
     "El cártel tomó el control de la plaza de Reynosa el año pasado."),
])
def test_control_of_what_is_no_land_is_no_territory_taken(language, business, territory):
    # Regression: a company "gaining control of ... mines" was territory taken.
    assert "territory_taken" not in types(business, language)
    assert "territory_taken" in types(territory, language)


@pytest.mark.parametrize("language,risk,threat", [
    ("en", "The mayor closed the plant on Monday, citing a threat to public health.",
     "Gunmen threatened the mayor of Ocampo on Monday."),
    ("es", "El alcalde cerró la planta el lunes por una amenaza para la salud pública.",
     "Sicarios amenazaron al alcalde de Ocampo el lunes."),
])
def test_a_threat_to_an_abstraction_is_a_risk_not_a_threat(language, risk, threat):
    # Regression: "citing a threat to public health" was a threat event.
    assert "threat" not in types(risk, language)
    assert "threat" in types(threat, language)


@pytest.mark.parametrize("language,situation,escape", [
    ("en", "Hostilities broke out in Reynosa on Monday.", "Three inmates broke out of the Reynosa prison on Monday."),
    ("es", "El incendio escapó al control de los bomberos en Reynosa el lunes.",
     "Tres reos escaparon del penal de Reynosa el lunes."),
])
def test_a_situation_breaking_out_is_no_escape(language, situation, escape):
    # Regression: "Hostilities broke out as soon as it was over" was an escape.
    assert "escape" not in types(situation, language)
    assert "escape" in types(escape, language)


@pytest.mark.parametrize("language,share,arrest", [
    ("en", "Hillary Clinton captured 45 percent of the vote in Ohio on Tuesday.",
     "The police captured three men in Culiacán on Tuesday."),
    ("es", "En 2019, la empresa dominó la taquilla, capturando el 38% de la audiencia nacional.",
     "La policía capturó a tres hombres en Culiacán el martes."),
    ("es", "La empresa capturó el 40% del mercado chino el año pasado.",
     "Agentes federales capturaron a Ramón Ortiz en Culiacán el martes."),
])
def test_a_share_captured_is_no_arrest(language, share, arrest):
    # Regression: "capturando el 38% de la audiencia nacional" was an arrest and a court hearing.
    assert not {"arrest", "court_ruling"} & set(types(share, language))
    assert "arrest" in types(arrest, language)


@pytest.mark.parametrize("language,page,visit", [
    ("en", "For more information, visit the Facebook page of the center.",
     "The president visited the governor of Sonora in Hermosillo on Tuesday."),
    ("es", "Para más información, visite la página de Facebook del centro.",
     "El presidente visitó al gobernador de Sonora en Hermosillo el martes."),
])
def test_a_web_page_visited_is_no_visit(language, page, visit):
    assert "visit" not in types(page, language)
    assert "visit" in types(visit, language)


@pytest.mark.parametrize("language,text", [
    ("en", "The firm blamed the fall on a collapse of demand in Asia."),
    ("es", "La firma explicó la caída por un colapso de la demanda en Asia."),
])
def test_a_collapse_of_demand_is_no_disaster(language, text):
    assert not {"man_made_disaster", "natural_disaster"} & set(types(text, language))


@pytest.mark.parametrize("language,text", [
    ("es", "Esta es la verdadera amenaza. (Diario del Puerto) – Un sospechoso de la ciudad de Jersey ha sido "
           "arrestado luego de amenazar con bombardear una sinagoga."),
    ("en", "This is the real threat. (Harbor Daily) – A suspect from Jersey City has been arrested after "
           "threatening to bomb a synagogue."),
])
def test_the_outlet_of_a_dateline_is_no_participant(language, text):
    # Regression: "(Big League Politics) – Un sospechoso ... ha sido arrestado" made the outlet the one arrested.
    events = run(text, language, "2016-01-05")
    assert "arrest" in [e[0] for e in events]
    assert not any("Diario del Puerto" in str(e) or "Harbor Daily" in str(e) for e in events), events


@pytest.mark.parametrize("language,office,base", [
    ("en", "For all the cheers coming out of her Brooklyn headquarters Monday night, Clinton still has work to do.",
     "Militants set up a new headquarters in the town of Kunduz after seizing it with rifles."),
    ("es", "El campamento de los voluntarios recibió a cien niños en la playa de Mazatlán.",
     "Sicarios armados instalaron un campamento en la sierra de Badiraguato."),
])
def test_a_headquarters_or_camp_without_arms_is_no_base(language, office, base):
    # Regression: a campaign's "Brooklyn headquarters" was a base established.
    assert "base_established" not in types(office, language)
    assert "base_established" in types(base, language)


@pytest.mark.parametrize("language,figure,killing", [
    ("en", "But the people that are getting killed in this deal are small business people.",
     "Three people were killed in the market on Sunday."),
    ("en", "We are getting killed on trade by China and Mexico.",
     "Two soldiers were killed in the attack on the base."),
    ("es", "Los agricultores están siendo asesinados en este tratado, dijo el candidato.",
     "Tres personas fueron asesinadas en el mercado de Culiacán el domingo."),
])
def test_killed_in_a_deal_or_on_trade_is_a_figure_of_speech(language, figure, killing):
    # Regression: "the people that are getting killed in this deal" was a killing.
    assert not set(types(figure, language)) & (VIOLENT | {"killing"})
    assert set(types(killing, language)) & (VIOLENT | {"killing"})


@pytest.mark.parametrize("thing, person", [
    ("Para el caso se puso a disposición el laboratorio de sanidad vegetal en Gaiman.",
     "Los agentes pusieron a disposición del Ministerio Público a tres hombres."),
    ("La empresa puso a disposición de los clientes una línea telefónica.",
     "Los policías lo pusieron a disposición de la Fiscalía el martes."),
])
def test_a_thing_put_at_disposal_is_no_arrest(thing, person):
    # Regression: "se puso a disposición el laboratorio de sanidad vegetal" was an arrest. Spanish only:
    # English says "made available", no arrest word.
    assert "arrest" not in types(thing, "es")
    assert "arrest" in types(person, "es")


def told(text: str, language: str) -> list[tuple]:
    """The events told by trigger words (a short item's scorer-typed event left out)."""
    return [e for e in run(text, language, "2016-01-05") if e[5].trigger]


@pytest.mark.parametrize("gathered, met", [
    ("Los agentes reunieron a unas 30 llamas en el rancho de Riverside el martes.",
     "Los gobernadores se reunieron con el presidente en Palacio Nacional el martes."),
    ("La firma atribuyó la caída de sus ventas a un colapso de la demanda en Asia el martes.",
     "El Cártel del Noreste se atribuyó el martes el ataque contra la comandancia de Nuevo Laredo."),
])
def test_a_verb_listed_with_its_reflexive_pronoun_needs_it(gathered, met):
    # Regression: "reunieron a unas 30 llamas" was a visit, "atribuyó la caída a la demanda" a responsibility claim.
    assert [e for e in told(gathered, "es") if e[0] in ("visit", "responsibility_claim")] == []
    assert {e[0] for e in told(met, "es")} & {"visit", "responsibility_claim"}


@pytest.mark.parametrize("language,text,actor", [
    ("en", "The visit of President Joe Biden to Mexico City on Monday closed the center.", "Joe Biden"),
    ("es", "La visita del presidente Joe Biden a Ciudad de México el lunes cerró el centro.", "Joe Biden"),
    ("en", "The statement of Governor Samuel García on Tuesday calmed the residents.", "Samuel García"),
    ("es", "La declaración del gobernador Samuel García el martes calmó a los vecinos.", "Samuel García"),
])
def test_the_of_noun_of_a_visit_or_statement_is_who_made_it(language, text, actor):
    # Regression: "la visita de los reyes de España" was a visit to Spain.
    (event,) = [e for e in told(text, language) if e[0] in ("visit", "statement")]
    assert event[2] == [actor] and event[3] == []


@pytest.mark.parametrize("language,danger,threat", [
    ("en", "The threat of global warming inspired new treaties last year.",
     "The threat of the Zetas forced schools in Nuevo Laredo to close on Monday."),
    ("es", "La amenaza de lluvias obligó a suspender las clases el lunes.",
     "La amenaza del cártel obligó a cerrar las escuelas de Tepalcatepec el lunes."),
])
def test_a_threat_of_no_one_is_a_danger(language, danger, threat):
    # Regression: "the threat of global warming" was a threat against global warming.
    assert "threat" not in [e[0] for e in told(danger, language)]
    assert "threat" in [e[0] for e in told(threat, language)]


@pytest.mark.parametrize("language,text", [
    ("en", "Russia simulated an attack on the Danish island of Bornholm last year."),
    ("es", "Rusia simuló un ataque contra la isla danesa de Bornholm el año pasado."),
])
def test_a_simulated_attack_is_none(language, text):
    assert "attack" not in [e[0] for e in told(text, language)]


@pytest.mark.parametrize("language,denied,charged", [
    ("es", "El general Rawat refutó el martes las acusaciones de tener inclinaciones políticas.",
     "La Fiscalía presentó el martes una acusación formal contra el exgobernador Javier Duarte."),
    ("en", "General Rawat rejected the allegations of political bias on Tuesday.",
     "Prosecutors filed criminal charges against former governor Javier Duarte on Tuesday."),
])
def test_an_accusation_denied_is_no_indictment(language, denied, charged):
    assert "indictment" not in [e[0] for e in told(denied, language)]
    assert "indictment" in [e[0] for e in told(charged, language)]


@pytest.mark.parametrize("language,thing,person", [
    ("es", "Durante la misa del domingo, el obispo condenó la violencia contra las mujeres.",
     "El juez condenó al exalcalde Juan Pérez a 20 años de prisión el domingo."),
    ("en", "During Sunday's mass, the bishop condemned the violence against women.",
     "The judge sentenced former mayor Juan Pérez to 20 years in prison on Sunday."),
])
def test_condemning_a_thing_is_a_statement_not_a_ruling(language, thing, person):
    # Regression: "el obispo condenó la violencia" was a court ruling.
    kinds = [e[0] for e in told(thing, language)]
    assert "court_ruling" not in kinds and "statement" in kinds
    assert "court_ruling" in [e[0] for e in told(person, language)]


@pytest.mark.parametrize("language,recognised,admitted", [
    ("es", "Un hombre que lo había reconocido se acercó el domingo y lo apuñaló.",
     "El gobernador reconoció el domingo que la policía falló."),
    ("en", "A man who had recognized him walked up on Sunday and stabbed him.",
     "The governor acknowledged on Sunday that the police had failed."),
])
def test_recognising_a_person_is_no_statement(language, recognised, admitted):
    assert "statement" not in [e[0] for e in told(recognised, language)]
    assert "statement" in [e[0] for e in told(admitted, language)]


@pytest.mark.parametrize("language,described,stated", [
    ("es", "Los casos confirmados de coronavirus en Venezuela ascendieron a 77 el domingo.",
     "El ministerio confirmó el domingo 77 casos de coronavirus en Venezuela."),
    ("en", "The confirmed cases of the virus in Texas rose to 77 on Sunday.",
     "The ministry confirmed 77 cases of the virus in Texas on Sunday."),
])
def test_a_participle_describing_a_noun_is_no_statement(language, described, stated):
    assert "statement" not in [e[0] for e in told(described, language)]
    assert "statement" in [e[0] for e in told(stated, language)]


def test_a_place_opened_by_a_word_for_a_river_or_port_is_where_a_trip_went():
    # Regression: "viajaron a Río Gallegos": Río Gallegos was a person and the trip's target.
    (visit,) = [e for e in told("Los viajeros volvieron de Miami y viajaron a Río Gallegos el viernes.", "es")
                if e[0] == "visit"]
    assert visit[3] == [] and visit[4] == "Río Gallegos"


@pytest.mark.parametrize("language,charge,police", [
    ("es", "Dos hombres fueron detenidos por un delito de robo en Burgos el martes.",
     "Dos hombres fueron detenidos por agentes de la Policía Nacional en Burgos el martes."),
    ("en", "Two men were arrested by mistake in Leeds on Tuesday.",
     "Two men were arrested by officers of the West Yorkshire Police in Leeds on Tuesday."),
])
def test_what_someone_is_held_for_is_no_actor(language, charge, police):
    # Regression: "detenidos por un delito" gave an arrest "by delito".
    (arrest,) = [e for e in told(charge, language) if e[0] == "arrest"]
    assert " by " not in arrest[5].summary and "delito" not in arrest[5].summary
    (arrest,) = [e for e in told(police, language) if e[0] == "arrest"]
    assert " by " in arrest[5].summary or arrest[2]


def test_the_authority_someone_is_handed_to_is_no_target():
    # Regression: "puesto a disposición del Juzgado" gave an arrest of the court.
    text = "El detenido, Juan Pérez, fue puesto a disposición del Juzgado de Guardia de Elche el martes."
    for event in told(text, "es"):
        assert "Juzgado de Guardia de Elche" not in event[3]


@pytest.mark.parametrize("language,text", [
    ("es", "El gobernador envió el martes un mensaje de sostenibilidad a los empresarios de Monterrey."),
    ("en", "The governor sent a message of sustainability to business owners in Monterrey on Tuesday."),
])
def test_what_a_statement_is_about_is_not_who_made_it(language, text):
    for event in told(text, language):
        assert "sostenibilidad" not in event[5].summary and "sustainability" not in event[5].summary


@pytest.mark.parametrize("language,text,place", [
    ("en", "During his tour of Mexico in 2016, the senator met the governors.", "Mexico"),
    ("es", "Durante su gira por México en 2016, el senador se reunió con los gobernadores.", "México"),
    ("es", "Durante la visita de México en 2016, el senador saludó a los gobernadores.", "México"),
])
def test_a_place_a_tour_is_of_is_where_it_went(language, text, place):
    for event in told(text, language):
        if event[0] == "visit":
            assert place not in event[2], event[5].summary


@pytest.mark.parametrize("language,figure,blast", [
    ("en", "Mr Lun later made restitution to the trainee, after the matter blew up in March 2021.",
     "A car bomb blew up outside the police station in Kabul in March 2021."),
    ("es", "El escándalo estalló en marzo de 2021, cuando el diario publicó los audios.",
     "Un coche bomba estalló frente a la comisaría de Kabul en marzo de 2021."),
])
def test_an_affair_that_blows_up_is_no_explosion(language, figure, blast):
    # Regression: "after the matter blew up" was an explosion.
    assert "explosion" not in [e[0] for e in told(figure, language)]
    assert "explosion" in [e[0] for e in told(blast, language)]


@pytest.mark.parametrize("language,text", [
    ("en", "Vasily Fedorov said on Sunday that they had already arrested everyone in the square."),
    ("es", "Vasili Fiódorov dijo el domingo que ellos ya habían detenido a todos en la plaza."),
])
def test_a_plural_pronoun_is_never_the_last_person_named(language, text):
    # Regression: "they've already arrested everyone" made the speaker the one who arrested.
    for event in told(text, language):
        assert not any("Fedorov" in a or "Fiódorov" in a for a in event[2]), event[5].summary


def test_a_bracelet_cut_off_is_no_blockade_and_a_short_month_is_no_participant():
    # Regression: "cut off his GPS ankle bracelet and escaped on Sep 4" was a blockade, and "Sep" the escape's target.
    events = told("Francis was in San Diego when he cut off his GPS ankle bracelet and escaped on Sep 4, 2022.", "en")
    assert "blockade" not in [e[0] for e in events]
    assert all("Sep" not in e[3] for e in events)
    assert "blockade" in [e[0] for e in told("Gunmen cut off the highway to Culiacán on Sunday, 2022.", "en")]


def test_responsibility_alone_is_no_claim_of_it():
    # Regression: "greater responsibility in ensuring products are recycled" was a claim of responsibility.
    text = ("The agency said on Monday the scheme marks the first phase of a system introduced to vest producers "
            "with greater responsibility in ensuring their products are recycled.")
    assert "responsibility_claim" not in [e[0] for e in told(text, "en")]
    claimed = "The Islamic State claimed responsibility for the attack in Kabul on Sunday."
    assert "responsibility_claim" in [e[0] for e in told(claimed, "en")]


@pytest.mark.parametrize("language,state,placed", [
    ("en", "Francis was under house arrest in San Diego when he escaped on Sep 4, 2022.",
     "A judge placed Francis under house arrest in San Diego on Monday."),
    ("es", "Francis estaba bajo arresto domiciliario en San Diego cuando escapó el 4 de septiembre de 2022.",
     "El juez dejó a Francis bajo arresto domiciliario en San Diego el lunes."),
])
def test_being_under_arrest_is_no_arrest_told(language, state, placed):
    # Regression: "was under home arrest in San Diego when he ... escaped" was an arrest by Francis.
    assert "arrest" not in [e[0] for e in told(state, language)]
    assert "arrest" in [e[0] for e in told(placed, language)]


@pytest.mark.parametrize("language,text,place", [
    ("en", "The storm flooded Miyazaki prefecture, where two deaths were confirmed on Monday.", "Miyazaki"),
    ("en", "The ranch where two men were killed on Monday belonged to the mayor of Celaya.", "ranch"),
    ("es", "El rancho donde dos hombres fueron asesinados el lunes pertenecía al alcalde de Celaya.", "rancho"),
])
def test_where_something_happened_is_neither_its_doer_nor_its_patient(language, text, place):
    # Regression: "Miyazaki prefecture, where the two deaths were confirmed" gave a statement on Miyazaki.
    for event in told(text, language):
        assert place not in event[5].summary.split(" in ")[0], event[5].summary


@pytest.mark.parametrize("language,purpose,fought", [
    ("es", "No hay medicina para combatir el COVID-19, dijo el subsecretario de salud.",
     "Los soldados combatieron contra los sicarios durante dos horas en Tepalcatepec."),
    ("en", "There is no medicine to fight the virus, the health minister said.",
     "Soldiers clashed with gunmen for two hours in Tepalcatepec."),
])
def test_what_a_thing_is_for_is_no_fight_told(language, purpose, fought):
    # Regression: "medicina para combatir el COVID-19" was an armed clash with COVID-19.
    assert "clash" not in [e[0] for e in told(purpose, language)]
    assert "clash" in [e[0] for e in told(fought, language)]


@pytest.mark.parametrize("language,text", [
    ("es", "Policías estatales se enfrentaron con un grupo armado en Apatzingán durante la madrugada."),
    ("en", "Soldiers clashed with an armed group near Apatzingán early on Sunday."),
])
def test_armed_people_named_at_a_sentence_start_make_a_fight(language, text):
    # Regression: a capitalised plural at a sentence start ("Policías") had no lemma, so the clash
    # read as a quarrel between unarmed people and was dropped.
    assert "clash" in [e[0] for e in told(text, language)]


@pytest.mark.parametrize("language,text,person", [
    ("en", "When the doctor's diagnosis of a blood clot was confirmed, Clinton did not want to stay in hospital.",
     "Clinton"),
    ("es", "Cuando el diagnóstico del médico fue confirmado, Clinton no quiso quedarse en el hospital.", "Clinton"),
])
def test_a_passive_clause_keeps_its_own_subject(language, text, person):
    # Regression: "When the diagnosis was confirmed, Clinton ..." made Clinton the one who confirmed it.
    for event in told(text, language):
        assert person not in event[2], event[5].summary


@pytest.mark.parametrize("language,text", [
    ("en", "Donald Trump and Ivana Trump divorced in 1992. Her filing noted reports alleging that she claimed "
           "during the divorce that he had raped her."),
    ("es", "Donald Trump e Ivana Trump se divorciaron en 1992. Su escrito citó informes según los cuales ella "
           "declaró durante el divorcio que él la había violado."),
])
def test_a_gendered_pronoun_never_stands_for_a_person_of_the_other_gender(language, text):
    # Regression: "he had raped her" made Ivana Trump, the last person named, the one who did it.
    assault = [e for e in told(text, language) if e[0] == "sexual_violence"]
    assert assault and all("Ivana Trump" not in e[2] for e in assault), [e[5].summary for e in assault]
    assert any(e[2] == ["Donald Trump"] for e in assault), [e[5].summary for e in assault]


@pytest.mark.parametrize("language,text", [
    ("en", "Ms Liew Cheng May was found guilty in 2019. She then filed an appeal against the conviction."),
    ("es", "La señora Liew Cheng May fue declarada culpable en 2019. Ella presentó después una apelación contra la condena."),
])
def test_who_appeals_a_ruling_did_not_make_it(language, text):
    # Regression: "She filed an appeal against the conviction" made her the one who convicted.
    rulings = [e for e in told(text, language) if e[0] == "court_ruling"]
    assert rulings and all("Liew Cheng May" not in " ".join(e[2]) for e in rulings), [e[5].summary for e in rulings]
    assert any("Liew Cheng May" in " ".join(e[3]) for e in rulings)  # she was found guilty ("declarada culpable")


@pytest.mark.parametrize("language,held,declined", [
    ("en", "The mayor of Culiacán, Rubén Rocha, held a news conference on Monday.",
     "Kremlin spokesman Dmitry Peskov declined to deny the reports on Monday."),
    ("es", "El alcalde de Culiacán, Rubén Rocha, ofreció una conferencia de prensa el lunes.",
     "El portavoz del Kremlin, Dmitry Peskov, se rehusó a confirmar los informes el lunes."),
])
def test_a_statement_declined_is_none_and_one_held_has_its_speaker(language, held, declined):
    assert any(e[0] == "statement" and "Rubén Rocha" in e[2] for e in told(held, language)), told(held, language)
    assert "statement" not in [e[0] for e in told(declined, language)]


@pytest.mark.parametrize("language,text,captured", [
    ("en", "Russia on Wednesday released 10 foreign prisoners of war captured in Ukraine.", "prisoners"),
    ("es", "Rusia liberó el miércoles a 10 prisioneros de guerra extranjeros capturados en Ucrania.", "prisioneros"),
])
def test_prisoners_of_war_captured_are_the_ones_captured(language, text, captured):
    # Regression: "prisoners of war captured in Ukraine" was an "Arrest of war".
    arrests = [e for e in told(text, language) if e[0] == "arrest"]
    assert arrests and all(" war" not in e[5].summary and "guerra" not in e[5].summary for e in arrests)
    assert any(captured in e[5].summary for e in arrests), [e[5].summary for e in arrests]


@pytest.mark.parametrize("language,text", [
    ("es", "Con la marcha de su camioneta, el hombre intentó entrar a la casa de un vecino en Cotija."),
    ("es", "El conductor dio marcha atrás y atropelló a un peatón en Toluca."),
    ("en", "The march of the trucks through Toluca lasted two hours on Sunday."),
])
def test_a_vehicle_moving_is_no_protest(language, text):
    # Regression: "la marcha de su camioneta" was a protest against the pickup truck.
    assert not {"protest", "violent_demonstration"} & {e[0] for e in told(text, language)}


@pytest.mark.parametrize("language,text", [
    ("es", "Miles de personas participaron en una marcha contra la violencia en Cuernavaca el domingo."),
    ("en", "Thousands of people joined a march against violence in Cuernavaca on Sunday."),
])
def test_a_march_of_people_stays_a_protest(language, text):
    assert "protest" in [e[0] for e in told(text, language)]


@pytest.mark.parametrize("language,text", [
    ("es", "Las acciones de la empresa se disparan un 77 % tras el anuncio del lunes."),
    ("es", "Los precios del combustible se dispararon este mes en todo el país."),
    ("es", "Los contagios se dispararon en la capital durante la última semana."),
    ("en", "Shares of the company shot up 77 percent on Monday after the announcement."),
])
def test_figures_that_soar_are_no_shooting(language, text):
    assert violent(text, language) == []


@pytest.mark.parametrize("language,text,etype", [
    ("es", "Sicarios dispararon contra dos policías en Celaya el lunes.", "clash"),
    ("es", "Un pistolero disparó contra los asistentes de una fiesta en Irapuato el sábado.", "attack"),
    ("en", "A gunman opened fire on guests at a party in Irapuato on Saturday.", "attack"),
])
def test_shootings_stay_shootings(language, text, etype):
    assert etype in [e[0] for e in violent(text, language)]


@pytest.mark.parametrize("language,text,etype", [
    ("es", "La policía secuestró 20 kilos de cocaína y tres armas en un allanamiento el martes.", "weapons_seizure"),
    ("es", "La Fiscalía ordenó el secuestro de pruebas en el domicilio del sospechoso el martes.", "seizure"),
    ("es", "Los militares capturaron dos fusiles y 500 cartuchos en la frontera el martes.", "weapons_seizure"),
    ("en", "Soldiers captured two rifles and 500 rounds of ammunition near the border on Tuesday.", "weapons_seizure"),
    ("en", "Police captured 20 kilos of cocaine in a raid on Tuesday.", "seizure"),
])
def test_things_taken_are_a_seizure_not_an_arrest(language, text, etype):
    types = [e[0] for e in run(text, language, "2020-01-05")]
    assert etype in types and "arrest" not in types and "kidnapping" not in types, types


@pytest.mark.parametrize("language,text,etype", [
    ("es", "Hombres armados secuestraron a un empresario en Culiacán el martes.", "kidnapping"),
    ("es", "Los militares capturaron a dos hombres armados en la frontera el martes.", "arrest"),
    ("en", "Soldiers captured two gunmen near the border on Tuesday.", "arrest"),
    ("en", "Gunmen kidnapped a businessman in Culiacán on Tuesday.", "kidnapping"),
])
def test_people_taken_stay_arrests_and_kidnappings(language, text, etype):
    assert etype in [e[0] for e in run(text, language, "2020-01-05")]


@pytest.mark.parametrize("language,text,etype", [
    ("es", "\"Este país se lo merece\", sentenció el dirigente socialista en su mensaje del martes.", "statement"),
    ("es", "«No habrá impunidad», sentenció el gobernador durante la conferencia del martes.", "statement"),
    ("es", "El juez sentenció al exalcalde a 20 años de prisión el martes.", "court_ruling"),
    ("en", "A federal judge sentenced the former mayor to 20 years in prison on Tuesday.", "court_ruling"),
])
def test_a_ruling_verb_after_a_quote_introduces_it(language, text, etype):
    types = [e[0] for e in run(text, language, "2020-01-05")]
    assert etype in types, types
    if etype == "statement":
        assert "court_ruling" not in types, types


@pytest.mark.parametrize("language,text", [
    ("es", "España es uno de los países más golpeados por la pandemia de coronavirus, con 598 fallecidos."),
    ("es", "La crisis golpeó a miles de familias en Sonora durante 2020."),
    ("en", "Spain is one of the countries hit hardest by the pandemic, with 598 deaths."),
    ("en", "The recession hit thousands of families in Sonora in 2020."),
])
def test_a_crisis_strikes_only_figuratively(language, text):
    assert violent(text, language) == []


@pytest.mark.parametrize("language,text", [
    ("es", "Un comerciante fue golpeado por dos hombres armados en Celaya el lunes."),
    ("en", "A shopkeeper was beaten by two gunmen in Celaya on Monday."),
])
def test_people_struck_by_people_are_attacked(language, text):
    assert [e[0] for e in violent(text, language)] == ["attack"]


@pytest.mark.parametrize("language,text,deployed", [
    ("es", "El despliegue de 5G comenzará el 10 de febrero en seis autonomías, informó el gobierno.", False),
    ("en", "The deployment of fiber networks will begin in March, the company said.", False),
    ("es", "El despliegue de 300 soldados en la frontera comenzó el lunes.", True),
    ("es", "El despliegue de la Guardia Nacional en Culiacán comenzó el lunes.", True),
    ("en", "The deployment of 300 troops to the border began on Monday.", True),
    ("en", "The deployment of the National Guard in Minneapolis began on Friday night.", True),
])
def test_a_deployment_deploys_a_force(language, text, deployed):
    assert ("deployment" in [e[0] for e in run(text, language, "2020-01-05")]) == deployed


@pytest.mark.parametrize("language,text,etype", [
    ("es", "La movilización de 500 efectivos de la Guardia Nacional comenzó el lunes en Sonora.", "deployment"),
    ("es", "El ministro anunció la movilización de las Fuerzas Armadas para atender la emergencia el lunes.", "deployment"),
    ("es", "La movilización de los maestros de la CNTE bloqueó el centro de Oaxaca el lunes.", "protest"),
    ("en", "The mobilization of 300,000 reservists began on Wednesday, the ministry said.", "deployment"),
])
def test_a_mobilisation_of_forces_is_a_deployment_not_a_protest(language, text, etype):
    types = [e[0] for e in run(text, language, "2020-01-05")]
    assert etype in types, types
    if etype == "deployment":
        assert "protest" not in types, types
