"""Speakers named after the speech verb, and dropped subjects after an organisation spoke, in
Spanish and English, through the real entity and quote stages (spaCy models)."""

from __future__ import annotations

import pytest

from fuentes.doc import ArticleDoc
from fuentes.extract.entities import EntitiesStage
from fuentes.extract.quotes import QuotesStage
from fuentes.nlp.stage import NlpStage

pytestmark = pytest.mark.models

ES = (
    "Los enfrentamientos duraron toda la noche en el puerto.\n\n"
    "“Fue una noche muy larga. La gente se encerró en sus casas desde las seis de la tarde”, dijo a "
    "El Heraldo del Norte el alcalde de Puerto Almendra, Rigoberto Cházaro Luna. El edil señaló que el "
    "lunes la circulación en la carretera costera se había restablecido.\n\n"
    "De acuerdo con la Unidad de Inteligencia Financiera, desde 2023 se han congelado cuentas de la "
    "organización.\n\n"
    "Gerardo Lozano Peña, investigador del Colegio de Estudios Fronterizos, dijo a El Heraldo del Norte "
    "que la caída del líder abre un periodo de riesgo. «El CCV no tiene un sucesor claro. Lo más "
    "probable es que sus mandos regionales se disputen las rutas», explicó.\n\n"
    "Lozano recordó que ambos grupos mantienen una guerra desde 2022. “La detención es una buena "
    "noticia, pero no es el final de nada”, dijo."
)

EN = (
    "The clashes lasted all night in the port.\n\n"
    "“It was a very long night. People locked themselves in at six in the evening,” the mayor of Port "
    "Almond, Richard Chazaro, told the Northern Herald. The mayor said the coastal road had reopened "
    "on Monday.\n\n"
    "According to the Financial Intelligence Unit, accounts of the group have been frozen since 2023.\n\n"
    "Gerald Lozano, a researcher at the College of Border Studies, told the Northern Herald that the "
    "fall of the leader opens a period of risk. “The cartel has no clear successor,” he explained."
)


def run(body: str, language: str):
    doc = ArticleDoc(source="mem", format="text", layers={"body": body, "language": language, "id": "art_1"})
    doc = QuotesStage()(EntitiesStage()(NlpStage()(doc)))
    names = {e.id: e.name for e in doc.layers["entities"]}
    return [(q.text, names.get(q.speaker, q.speaker_name)) for q in doc.layers["quotes"]]


def speaker_of(quotes, opening: str) -> str | None:
    hits = [name for text, name in quotes if text.startswith(opening)]
    assert hits, f"no quote opens with {opening!r}: {quotes}"
    return hits[0]


def test_spanish_speaker_after_the_verb_and_the_listener_is_no_speaker():
    quotes = run(ES, "es")
    assert speaker_of(quotes, "Fue una noche muy larga") == "Rigoberto Cházaro Luna"
    assert speaker_of(quotes, "el lunes la circulación") == "Rigoberto Cházaro Luna"  # "El edil señaló"
    assert speaker_of(quotes, "la caída del líder") == "Gerardo Lozano Peña"


def test_spanish_dropped_subject_is_the_person_who_spoke_last_not_an_organisation():
    quotes = run(ES, "es")
    assert speaker_of(quotes, "El CCV no tiene un sucesor claro") == "Gerardo Lozano Peña"
    assert speaker_of(quotes, "La detención es una buena noticia") == "Gerardo Lozano Peña"


def test_english_speaker_after_the_verb_and_the_listener_is_no_speaker():
    quotes = run(EN, "en")
    assert speaker_of(quotes, "It was a very long night") == "Richard Chazaro"
    assert speaker_of(quotes, "The cartel has no clear successor") == "Gerald Lozano"
