"""Stage `claims` (issue #17): opinions, judgements, words to the reader, modal and conditional
clauses and quotes that only hold such clauses state no fact (fictional people and bodies); the
atomic rule the benchmark reports asks for a stated fact."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import atomic_reason, extract_claims, judgement_reason
from fuentes.model import Quote
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models

NAMES = (("Acme", "ORG", "e1"), ("Ana Berg", "PER", "e2"), ("Rafael Quintero", "PER", "e3"))


def _claims(nlp, lang: str, body: str, inner: str | None = None):
    quotes = []
    if inner is not None:
        start = body.index(inner)
        quotes = [Quote(id="q1", article="a1", text=inner, start=start, end=start + len(inner), direct=True,
                        speaker_name="Ana Berg", speaker="e2")]
    return extract_claims(body, nlp[lang](body), mentions(body, *NAMES), quotes, lang, "a1")


@pytest.mark.parametrize("lang,body", [
    ("en", "Acme's plan is unfair to the farmers of the valley."),
    ("en", "Acme was a disaster for the town."),
    ("en", "Rafael Quintero is a great mayor for the city."),
    ("es", "El plan de Acme es injusto para los agricultores del valle."),
    ("es", "Acme fue un desastre para el pueblo."),
    ("es", "Rafael Quintero es un gran alcalde para la ciudad."),
])
def test_a_copula_that_judges_is_no_claim(nlp, lang, body):
    assert _claims(nlp, lang, body) == []


@pytest.mark.parametrize("lang,body", [
    ("en", "Acme is the largest supplier of the army."),
    ("es", "Acme es el mayor proveedor del ejército."),
])
def test_a_copula_that_tells_stays_a_claim(nlp, lang, body):
    assert [c.predicate for c in _claims(nlp, lang, body)] == ["be"]


@pytest.mark.parametrize("lang,body", [
    ("en", "You never know what Acme will do next in the valley."),
    ("en", "If Acme wins the tender, Rafael Quintero resigns from the board."),
    ("en", "Rafael Quintero should resign from the board of Acme."),
    ("en", "Rafael Quintero views Acme as a rival of the town."),
    ("es", "Usted nunca sabe qué hará Acme en el valle."),
    ("es", "Si Acme gana la licitación, Rafael Quintero renuncia a la junta."),
    ("es", "Rafael Quintero debería renunciar a la junta de Acme."),
])
def test_rhetoric_conditions_and_obligations_are_no_fact(nlp, lang, body):
    claims = _claims(nlp, lang, body)
    assert all(c.modality != "reported" for c in claims), [(c.text, c.modality) for c in claims]


@pytest.mark.parametrize("lang,body,inner", [
    ("en", "\u201cThe plan is a disgrace and the mayor is a joke,\u201d said Ana Berg.",
     "The plan is a disgrace and the mayor is a joke,"),
    ("en", "\u201cYou have to fight for your neighbors every day,\u201d said Ana Berg.",
     "You have to fight for your neighbors every day,"),
    ("es", "\u00abEl plan es una vergüenza y el alcalde es un payaso ridículo\u00bb, dijo Ana Berg.",
     "El plan es una vergüenza y el alcalde es un payaso ridículo"),
    ("es", "\u00abTenemos que luchar por nuestros vecinos todos los días\u00bb, dijo Ana Berg.",
     "Tenemos que luchar por nuestros vecinos todos los días"),
    ("en", "\u201cThe town deserves a better mayor,\u201d said Ana Berg.", "The town deserves a better mayor,"),
    ("en", "\u201cThe council saw the port as a place of crime and smuggling,\u201d said Ana Berg.",
     "The council saw the port as a place of crime and smuggling,"),
    ("es", "\u00abEl consejo veía el puerto como un lugar de crimen y contrabando\u00bb, dijo Ana Berg.",
     "El consejo veía el puerto como un lugar de crimen y contrabando"),
    ("es", "\u00abEl pueblo merece un alcalde mejor\u00bb, dijo Ana Berg.", "El pueblo merece un alcalde mejor"),
])
def test_a_quote_of_opinions_only_is_no_claim(nlp, lang, body, inner):
    assert not [c for c in _claims(nlp, lang, body, inner) if c.predicate == "say"]


@pytest.mark.parametrize("lang,body,inner", [
    ("en", "\u201cThe police arrested four men at the warehouse on Monday,\u201d said Ana Berg.",
     "The police arrested four men at the warehouse on Monday,"),
    ("es", "\u00abLa policía detuvo a cuatro hombres en el almacén el lunes\u00bb, dijo Ana Berg.",
     "La policía detuvo a cuatro hombres en el almacén el lunes"),
    # a judgement with a stated reason: the reason is a statement of the speaker's
    ("en", "\u201cThe port is worse now, because the gangs fight over the routes every night,\u201d said Ana Berg.",
     "The port is worse now, because the gangs fight over the routes every night,"),
    ("es", "\u00abEl puerto está peor, porque las bandas pelean por las rutas cada noche\u00bb, dijo Ana Berg.",
     "El puerto está peor, porque las bandas pelean por las rutas cada noche"),
])
def test_a_quote_of_a_deed_stays_a_claim(nlp, lang, body, inner):
    assert [c.predicate for c in _claims(nlp, lang, body, inner) if c.predicate == "say"] == ["say"]


@pytest.mark.parametrize("lang,body,inner", [
    ("en", "\u201cPeople are going to talk about this for weeks,\u201d said Ana Berg.",
     "People are going to talk about this for weeks,"),
    ("en", "\u201cThe drivers will face charges in Texas,\u201d said Ana Berg.", "The drivers will face charges in Texas,"),
    ("es", "\u00abLa gente va a hablar de esto durante semanas\u00bb, dijo Ana Berg.",
     "La gente va a hablar de esto durante semanas"),
    ("es", "\u00abLos conductores enfrentarán cargos en Sonora\u00bb, dijo Ana Berg.",
     "Los conductores enfrentarán cargos en Sonora"),
    ("es", "\u00abVamos a ganar la votación en el puerto\u00bb, dijo Ana Berg.", "Vamos a ganar la votación en el puerto"),
])
def test_a_quoted_forecast_is_a_predicted_claim(nlp, lang, body, inner):
    said = [c for c in _claims(nlp, lang, body, inner) if c.predicate == "say"]
    assert [c.modality for c in said] == ["predicted"]
    assert atomic_reason({"text": said[0].text, "predicate": "say", "speaker": "e2", "modality": "predicted",
                          "evidence": [{"article": "a1"}]}) == "not asserted"


OK = {"predicate": "kill", "subject": "e1", "evidence": [{"article": "a"}]}


@pytest.mark.parametrize("text,predicate,modality,why", [
    ("Soldiers killed Quintero in Tampico", "kill", "reported", None),
    ("Los marinos abatieron a Quintero en Tampico", "kill", "reported", None),
    ("Soldiers will kill Quintero", "kill", "predicted", "not asserted"),
    ("when he was shot", "attack", "reported", "fragment"),
    ("cuando le dispararon", "attack", "reported", "fragment"),
    ("how Acme has escaped charges for its fraud thus far", "escape", "reported", "fragment"),
    ("cómo Acme ha escapado de los cargos hasta ahora", "escape", "reported", "fragment"),
    ("When the army arrived, soldiers killed Quintero", "kill", "reported", None),
    ("you talk about the issues in front of you", "talk", "reported", "addresses the reader"),
    ("usted sabe lo que pasó en el valle", "saber", "reported", "addresses the reader"),
    ("I think the mayor lied about the budget", "say", "reported", "speaker's stance"),
    ("Yo creo que el alcalde mintió sobre el presupuesto", "say", "reported", "speaker's stance"),
    ("The plan is unfair to the farmers", "be", "reported", "judgement"),
    ("Las reformas son injustas para los agricultores", "be", "reported", "judgement"),
    ("The mayor must resign from the board", "say", "reported", "not asserted"),
    ("El alcalde tiene que renunciar a la junta", "say", "reported", "not asserted"),
    ("Will Strong met the mayor in May", "meet", "reported", None),  # names and months are no words of the rule
    ("I\u2019ll make the wall two feet shorter", "say", "reported", "not asserted"),
    ("I completely disagree with the assertion", "say", "reported", "speaker's stance"),
    ("Acme wasn't happy about the criticism", "be", "denied", "judgement"),
    ("Creo que el alcalde mintió sobre el presupuesto", "say", "reported", "speaker's stance"),
    ("My biggest concern is the budget of the port", "say", "reported", "speaker's stance"),
    ("Nuestra prioridad es el presupuesto del puerto", "say", "reported", "speaker's stance"),
    ("The towns were horribly abused by the program", "say", "reported", "judgement"),
    ("La reforma no resultó fácil para el Gobierno", "say", "reported", "judgement"),
    ("Did the army know?", "know", "reported", "question"),
])
def test_the_atomic_rule_asks_for_a_stated_fact(text, predicate, modality, why):
    assert judgement_reason(text, predicate, modality) == why
    assert atomic_reason({**OK, "text": text, "predicate": predicate, "modality": modality}) == why
