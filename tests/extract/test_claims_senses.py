"""Stage `claims`: a verb of the typed vocabulary that has a second sense takes its class only in its
typed sense. Spanish "condenar" is convict with a penalty, a court or a crime in its clause (outside its
patient: `sense_words`), else the verb condenar (a criticism, a statement), as English "condemn" always
is; "asegurar" with a clause of its own says something (`saying_senses`), it seizes nothing (fictional
text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models

ACME = ("Acme", "ORG", "e1")
QUINTERO = ("Quintero", "PER", "e1")


def predicates(nlp, lang: str, body: str, *names) -> list[tuple[str | None, str | None, str | None]]:
    found = extract_claims(body, nlp[lang](body), mentions(body, *names), [], lang, "a1")
    return [(c.predicate, c.subject, c.object) for c in found]


@pytest.mark.parametrize("lang,body,names,expected", [
    ("es", "Acme condenó el ataque contra la embajada en 2020.", (ACME,), ("condenar", "e1", None)),
    ("es", "Acme condenó enérgicamente la violencia contra los manifestantes.", (ACME,), ("condenar", "e1", None)),
    ("en", "Acme condemned the attack on the embassy in 2020.", (ACME,), ("condemn", "e1", None)),
])
def test_to_condemn_is_a_statement_not_a_conviction(nlp, lang, body, names, expected):
    assert expected in predicates(nlp, lang, body, *names)
    assert all(p != "convict" for p, _, _ in predicates(nlp, lang, body, *names))


@pytest.mark.parametrize("lang,body", [
    ("es", "Un juez condenó a Quintero a 20 años de prisión."),
    ("es", "Quintero fue condenado a cadena perpetua por narcotráfico."),
    ("en", "Quintero was convicted of murder in 2019."),
])
def test_a_sentence_with_its_penalty_or_court_is_a_conviction(nlp, lang, body):
    assert ("convict", None, "e1") in predicates(nlp, lang, body, QUINTERO)


def test_to_assure_that_is_no_seizure(nlp):
    body = "Acme aseguró que el cártel opera en la zona desde 2019."
    assert all(p != "seize" for p, _, _ in predicates(nlp, "es", body, ACME))
    body = "La policía aseguró 20 kilos de cocaína en Tijuana."
    assert [p for p, _, _ in predicates(nlp, "es", body)] == ["seize"]


@pytest.mark.parametrize("lang,body,predicate", [
    ("en", "Quintero ruled out a deal with the union on Wednesday.", "rule out"),
    ("en", "Quintero brushed off the possibility of a deal on Wednesday.", "brush off"),
    ("en", "The meeting took place in Culiacán in 2019.", "take place"),
    ("es", "La reunión tuvo lugar en Culiacán en 2019.", "tener lugar"),
])
def test_a_phrasal_verb_listed_in_verb_classes_is_named_whole(nlp, lang, body, predicate):
    """"ruled out" is `rule out` (class dismiss, with "brushed off" and "descartó"), not `rule`."""
    found = extract_claims(body, nlp[lang](body), mentions(body, QUINTERO), [], lang, "a1", every_clause=True)
    assert predicate in [c.predicate for c in found]


@pytest.mark.parametrize("text", ["Acme violated the state's 1998 anti-spam law.", "Acme published his 2004 memoir."])
def test_a_year_after_a_possessive_is_a_date_not_a_count(text):
    from fuentes.extract.values import find_values

    values = [f.value for f in find_values(text, "en")]
    assert [v.kind for v in values] == ["date"]


RUBIO = ("Rubio", "PER", "e1")


@pytest.mark.parametrize("lang,body", [
    ("en", "Rubio captured 45 percent of the vote in Florida on Tuesday."),
    ("en", "Acme captured the market for phones in 2019."),
    ("es", "Acme transmitió el partido, capturando el 38% de la audiencia nacional."),
    ("es", "Rubio capturó el 45 por ciento de los votos en Sinaloa en 2019."),
    ("es", "Acme capturó el mercado de teléfonos en 2019."),
])
def test_to_capture_a_share_is_no_capture(nlp, lang, body):
    """A capture verb whose objects are shares, votes, audiences or markets (`share_words`) takes a
    share: the synonym class `receive` ("received 45 percent"), not the predicate capture."""
    found = predicates(nlp, lang, body, ACME, RUBIO)
    assert all(p != "capture" for p, _, _ in found)
    assert ("receive", "e1", None) in found


@pytest.mark.parametrize("lang,body", [
    ("en", "Police captured Quintero in Sinaloa in 2019."),
    ("es", "La policía capturó a Quintero en Sinaloa en 2019."),
])
def test_to_capture_a_person_is_a_capture(nlp, lang, body):
    assert ("capture", "desc:police", "e1") in predicates(nlp, lang, body, QUINTERO)


@pytest.mark.parametrize("lang,body", [
    ("en", "Quintero said he needed the money to get caught up on his bills in 2019."),
    ("en", "Quintero worked two jobs to catch up on his rent in 2019."),
    ("es", "Quintero trabajó dos empleos para ponerse al día con sus cuentas en 2019."),
])
def test_to_catch_up_is_no_capture(nlp, lang, body):
    """A particle makes another verb ("catch up" on bills): the class of "catch" does not hold."""
    found = extract_claims(body, nlp[lang](body), mentions(body, QUINTERO), [], lang, "a1", every_clause=True)
    assert all(c.predicate != "capture" for c in found)


@pytest.mark.parametrize("lang,body", [
    ("en", "Police rounded up 20 men in Sinaloa in 2019."),
    ("es", "La policía detuvo a 20 hombres en Sinaloa en 2019."),
])
def test_a_phrasal_verb_listed_keeps_its_class(nlp, lang, body):
    assert "capture" in [p for p, _, _ in predicates(nlp, lang, body)]


@pytest.mark.parametrize("lang,body,predicate", [
    ("en", "Quintero headed up the task force in Sinaloa in 2019.", "lead"),
    ("es", "Quintero encabezó el grupo especial en Sinaloa en 2019.", "lead"),
])
def test_a_particle_keeps_a_class_only_as_listed(nlp, lang, body, predicate):
    assert predicate in [p for p, _, _ in predicates(nlp, lang, body, QUINTERO)]


@pytest.mark.parametrize("lang,body", [
    ("en", "Quintero said he hoped it would encourage a dialogue with the police."),
    ("en", "Quintero hopes the talks will end the strike in 2019."),
    ("es", "Quintero dijo que esperaba que fomentara un diálogo con la policía."),
])
def test_a_hope_is_no_claim(nlp, lang, body):
    """"hoped" is the verb hope (spaCy's rule lemmatizer reads "hop"): a hope is a view, no claim;
    read as a clause, its predicate is "hope" / "esperar"."""
    assert all(p not in ("hop", "hope", "esperar") for p, _, _ in predicates(nlp, lang, body, QUINTERO))
    found = extract_claims(body, nlp[lang](body), mentions(body, QUINTERO), [], lang, "a1", every_clause=True)
    assert "hop" not in [c.predicate for c in found]


def test_a_short_verb_keeps_its_own_lemma(nlp):
    """"hopped" doubles its consonant: the verb is hop; "hoped" is hope."""
    from fuentes.extract.claims import lemma_of
    doc = nlp["en"]("The rabbit hopped away and he hoped it would return.")
    lemmas = {t.lower_: lemma_of(t) for t in doc}
    assert lemmas["hoped"] == "hope"
    assert lemmas["hopped"] in ("hop", "hopped")
