"""The event taxonomy as data (every ACLED sub-event type) and typing of short news items,
English and Spanish. Every example below was written by the fuentes team for this test (none
is copied from an evaluation set); the place names are real, the events invented."""

from __future__ import annotations

import pytest

from fuentes.extract.event_triggers import acled_of, acled_taxonomy, event_types, lexicon

# (ACLED sub-event type or a fuentes type ACLED does not code, English item, Spanish item)
EXAMPLES = [
    ("Armed clash",
     "On Monday, soldiers and gunmen of a drug cartel clashed for two hours in Culiacán, leaving four gunmen dead.",
     "El lunes, soldados y sicarios de un cártel se enfrentaron durante dos horas en Culiacán; murieron cuatro sicarios."),
    ("Government regains territory",
     "On Tuesday, government troops recaptured the town of Ménaka from jihadist fighters after a week of fighting.",
     "El martes, las tropas del gobierno retomaron el pueblo de Ménaka de manos de combatientes yihadistas."),
    ("Non-state actor overtakes territory",
     "On Wednesday, rebels seized control of the town of Bunia after government forces fled.",
     "El miércoles, los rebeldes tomaron el control del pueblo de Bunia tras la huida de las fuerzas del gobierno."),
    ("Chemical weapon",
     "On Thursday, a chemical attack with chlorine gas hit the village of Kafr Zita, witnesses said.",
     "El jueves, un ataque químico con gas cloro alcanzó la aldea de Kafr Zita, según testigos."),
    ("Air/drone strike",
     "On Friday, an air strike by military jets hit a rebel camp near Kidal, killing nine fighters.",
     "El viernes, un ataque aéreo de aviones militares alcanzó un campamento rebelde cerca de Kidal y mató a nueve combatientes."),
    ("Suicide bomb",
     "On Saturday, a suicide bomber blew himself up at a checkpoint in Mogadishu, killing six soldiers.",
     "El sábado, un atacante suicida se inmoló en un retén de Mogadiscio y mató a seis soldados."),
    ("Shelling/artillery/missile attack",
     "On Sunday, artillery shelling hit residential areas of Donetsk, wounding three civilians.",
     "El domingo, un bombardeo de artillería alcanzó zonas residenciales de Donetsk e hirió a tres civiles."),
    ("Remote explosive/landmine/IED",
     "On Monday, a roadside bomb exploded under a bus near Kandahar, killing five passengers.",
     "El lunes, un artefacto explosivo improvisado estalló bajo un autobús cerca de Kandahar y mató a cinco pasajeros."),
    ("Grenade",
     "On Tuesday, unknown attackers threw a grenade into a bar in Celaya, wounding seven people.",
     "El martes, desconocidos lanzaron una granada contra un bar de Celaya e hirieron a siete personas."),
    ("Sexual violence",
     "On Wednesday, a teenage girl was raped by two soldiers in Goma, local officials said.",
     "El miércoles, una adolescente fue violada por dos soldados en Goma, informaron autoridades locales."),
    ("Attack",
     "On Thursday, gunmen shot dead a shopkeeper in his store in Acapulco.",
     "El jueves, hombres armados asesinaron a un comerciante en su tienda de Acapulco."),
    ("Abduction/forced disappearance",
     "On Friday, armed men abducted a journalist from his home in Tierra Caliente.",
     "El viernes, hombres armados secuestraron a un periodista en su casa de Tierra Caliente."),
    ("Peaceful protest",
     "On Saturday, thousands of teachers marched peacefully through Oaxaca to demand higher wages.",
     "El sábado, miles de maestros marcharon pacíficamente por Oaxaca para exigir aumentos salariales."),
    ("Protest with intervention",
     "On Sunday, police fired tear gas to disperse students protesting fee increases in Santiago.",
     "El domingo, la policía dispersó con gas lacrimógeno a estudiantes que protestaban en Santiago."),
    ("Excessive force against protesters",
     "On Monday, security forces opened fire on peaceful protesters in Khartoum, killing five demonstrators.",
     "El lunes, las fuerzas de seguridad dispararon contra manifestantes pacíficos en Jartum y mataron a cinco manifestantes."),
    ("Violent demonstration",
     "On Tuesday, protesters threw stones at police and torched two patrol cars in Chilpancingo.",
     "El martes, manifestantes apedrearon a policías y quemaron dos patrullas en Chilpancingo."),
    ("Mob violence",
     "On Wednesday, an angry mob lynched a suspected thief in a village near Puebla.",
     "El miércoles, una turba linchó a un presunto ladrón en una comunidad cercana a Puebla."),
    ("Agreement",
     "On Thursday, the government and the rebel group signed a ceasefire agreement in Havana.",
     "El jueves, el gobierno y el grupo rebelde firmaron un acuerdo de alto el fuego en La Habana."),
    ("Arrests",
     "On Friday, federal police arrested a cartel accountant in Guadalajara.",
     "El viernes, la policía federal detuvo a un contador del cártel en Guadalajara."),
    ("Change to group/activity",
     "On Saturday, the army deployed 2,000 soldiers to the state of Michoacán.",
     "El sábado, el ejército desplegó 2,000 soldados en el estado de Michoacán."),
    ("Disrupted weapons use",
     "On Sunday, soldiers seized a weapons cache with 40 rifles and grenades at a ranch in Tamaulipas.",
     "El domingo, soldados aseguraron un arsenal con 40 fusiles y granadas en un rancho de Tamaulipas."),
    ("Headquarters or base established",
     "On Monday, the militia set up a new base outside the town of Kalehe.",
     "El lunes, la milicia instaló una nueva base en las afueras del pueblo de Kalehe."),
    ("Looting/property destruction",
     "On Tuesday, gunmen torched 12 vehicles and looted shops in Reynosa.",
     "El martes, hombres armados incendiaron 12 vehículos y saquearon comercios en Reynosa."),
    ("Non-violent transfer of territory",
     "On Wednesday, the army withdrew from the base of Tessalit and handed it over to local forces.",
     "El miércoles, el ejército se retiró de la base de Tessalit y la entregó a fuerzas locales."),
    ("Other",
     "On Thursday, the governor imposed a curfew on the city of Culiacán.",
     "El jueves, el gobernador impuso un toque de queda en la ciudad de Culiacán."),
]

# fuentes' own types, which ACLED does not code: the item's first event has that type
OWN = [
    ("indictment", "On Friday, a federal grand jury in Houston indicted the cartel leader on drug charges.",
     "El viernes, una corte federal en Houston acusó al líder del cártel de narcotráfico."),
    ("extradition", "On Monday, Mexico extradited the cartel leader to the United States.",
     "El lunes, México extraditó al líder del cártel a Estados Unidos."),
    ("escape", "On Tuesday, the cartel leader escaped from a prison in Sinaloa through a tunnel.",
     "El martes, el líder del cártel se fugó de un penal de Sinaloa por un túnel."),
    ("natural_disaster", "On Wednesday, an earthquake struck Oaxaca, killing three people.",
     "El miércoles, un sismo sacudió Oaxaca y dejó tres muertos."),
    ("seizure", "On Thursday, police seized two tons of cocaine in the port of Manzanillo.",
     "El jueves, la policía decomisó dos toneladas de cocaína en el puerto de Manzanillo."),
]


def test_taxonomy_covers_every_acled_sub_event_type():
    taxonomy = acled_taxonomy()
    assert len(taxonomy) == 6 and sum(len(v) for v in taxonomy.values()) == 25
    coded = {tuple(info["acled"]) for info in event_types().values() if info.get("acled")}
    every = {(etype, sub) for etype, subs in taxonomy.items() for sub in subs}
    assert coded <= every, coded - every  # ACLED's own names only
    assert every <= coded, every - coded  # every sub-event type is some fuentes type's code
    for own in ("statement", "visit", "extradition", "escape", "indictment", "sanction"):
        assert acled_of(own) == (None, None)


def test_every_type_has_triggers_summary_words_and_descriptions():
    for etype, info in event_types().items():
        assert info.get("label") and info.get("verb") and "rank" in info, etype
        assert info["describe"]["en"] and info["describe"]["es"], etype
    for lang in ("en", "es"):
        covered = {etype for _, etype, _ in lexicon(lang).phrases}
        assert covered == set(event_types()), f"{lang}: {set(event_types()) ^ covered}"


def first_typed(text: str, language: str):
    from tests.extract.test_events import run

    events = sorted((e[5] for e in run(text, language, "2026-03-12")), key=lambda e: e.evidence[0].start)
    return events


def label_of(events) -> str | None:
    """The first event carrying an ACLED sub-event type (CASE 2021 task 2 scoring)."""
    return next((e.acled_sub_event_type for e in events if e.acled_sub_event_type), None)


@pytest.mark.models
@pytest.mark.parametrize("language", ["en", "es"])
def test_short_items_get_their_acled_sub_event_type(language):
    column = 1 if language == "en" else 2
    wrong = []
    for row in EXAMPLES:
        got = label_of(first_typed(row[column], language))
        if got != row[0]:
            wrong.append((row[0], got))
    # at least 23 of 25 in each language (25 when written); the misses are listed
    assert len(wrong) <= 2, wrong


@pytest.mark.models
@pytest.mark.parametrize("language", ["en", "es"])
def test_own_types_and_fatalities(language):
    column = 1 if language == "en" else 2
    for etype, *items in OWN:
        events = first_typed(items[column - 1], language)
        assert events and events[0].event_type == etype, (etype, [(e.event_type, e.summary) for e in events])
        assert events[0].acled_sub_event_type is None or etype in ("seizure",) or events[0].acled_sub_event_type
    quake = first_typed(OWN[3][column], language)[0]
    assert quake.fatalities == 3


@pytest.mark.models
def test_passive_nominal_and_battle_deaths():
    (clash,) = [e for e in first_typed("One civilian was killed in the shoot-out between police and gunmen "
                                        "in Culiacán on Monday.", "en") if e.acled_sub_event_type]
    assert clash.acled_sub_event_type == "Armed clash" and clash.fatalities == 1 and "killing" in clash.includes
    battle = first_typed("Three soldiers were killed in battle with rebels on Tuesday.", "en")[0]
    assert battle.acled_event_type == "Battles" and battle.fatalities == 3  # not violence against civilians
    batalla = first_typed("Tres soldados fueron asesinados en combate con guerrilleros el martes.", "es")[0]
    assert batalla.acled_event_type == "Battles" and batalla.fatalities == 3
    bomb = first_typed("A car bomb exploded outside a police station in Mogadishu on Friday, killing 12 people.", "en")[0]
    assert bomb.acled_sub_event_type == "Remote explosive/landmine/IED" and bomb.fatalities == 12
    bomba = first_typed("Un coche bomba explotó frente a una estación de policía en Cali el viernes y mató a 12 personas.",
                        "es")[0]
    assert bomba.acled_sub_event_type == "Remote explosive/landmine/IED" and bomba.fatalities == 12
    killing = first_typed("The killing of Ramiro López Díaz in Uruapan on Sunday shocked the state.", "en")[0]
    assert killing.event_type == "killing" and "Ramiro López Díaz" in killing.summary
    asesinato = first_typed("Ramiro López Díaz fue asesinado el domingo en Uruapan.", "es")[0]
    assert asesinato.event_type == "killing" and asesinato.summary.startswith("Killing of Ramiro López Díaz")


@pytest.mark.models
def test_force_is_the_entity_not_the_adjective():
    text = ("The Mexican Navy said on Sunday that Mexican marines captured Julián Zárate Villaseñor in Veracruz.")
    (arrest,) = [e for e in first_typed(text, "en") if e.event_type == "arrest"]
    assert arrest.summary.startswith("Mexican Navy arrested Julián Zárate Villaseñor"), arrest.summary
    texto = "La Secretaría de Marina informó que marinos detuvieron el domingo a Julián Zárate Villaseñor en Veracruz."
    (detencion,) = [e for e in first_typed(texto, "es") if e.event_type == "arrest"]
    assert "Secretaría de Marina" in detencion.summary and "Julián Zárate Villaseñor" in detencion.summary


@pytest.mark.models
def test_a_reward_for_a_capture_is_no_arrest_and_an_indictment_no_arrest():
    text = ("The State Department offered a reward of up to $5 million for information leading to his arrest, "
            "and a federal grand jury in Houston indicted Julián Zárate Villaseñor in 2021.")
    events = first_typed(text, "en")
    assert not any(e.event_type == "arrest" for e in events)
    (indictment,) = [e for e in events if e.event_type == "indictment"]
    assert indictment.date == "2021" and "Houston" in indictment.summary
    texto = ("En marzo de 2021, una corte federal en Houston acusó a Julián Zárate Villaseñor de traficar fentanilo, "
             "y el Departamento de Estado ofrece una recompensa por información que lleve a su captura.")
    eventos = first_typed(texto, "es")
    assert not any(e.event_type == "arrest" for e in eventos)
    assert [e.date for e in eventos if e.event_type == "indictment"] == ["2021-03"]


def test_every_summary_word_of_the_taxonomy_is_text():
    """YAML reads a bare `on` as true: "Attack True Bernie Sanders" was the summary of an attack on him."""
    from fuentes.extract.events import event_types, summarize

    for name, info in event_types().items():
        for field in ("verb", "alone", "label", "of"):
            assert field not in info or isinstance(info[field], str), (name, field, info[field])
    assert summarize("attack", [], ["Bernie Sanders"]) == "Attack on Bernie Sanders"
    assert summarize("attack", [], ["Ana Ruiz"], "Culiacán") == "Attack on Ana Ruiz in Culiacán"
