"""Stage `claims`: a subject pronoun ("he", "she", "they", "él", "ella", "ellos") or a dropped
Spanish subject is the one referent it clearly stands for, by the quote stage's genders, or
nobody (fictional people)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models

MARTA, PEDRO, LUIS = ("Marta Ruiz", "PERSON", "p1"), ("Pedro Soto", "PERSON", "p2"), ("Luis Vega", "PERSON", "p3")


def claims_of(nlp, lang: str, body: str, *names: tuple[str, str, str]):
    return extract_claims(body, nlp[lang](body), mentions(body, *names), [], lang, "pr")


def claim_with(claims, word: str):
    return next(c for c in claims if word in c.text)


@pytest.mark.parametrize("lang,body,word", [
    ("en", "Marta Ruiz met Pedro Soto in Veracruz on Monday. She signed a contract worth $2 million.", "signed"),
    ("es", "Marta Ruiz se reunió con Pedro Soto en Veracruz el lunes. Ella firmó un contrato de 2 millones de dólares.",
     "firmó"),
])
def test_the_pronouns_gender_picks_the_one_person(nlp, lang, body, word):
    # Regression: "she" was whoever was named last (Pedro Soto), whatever the gender.
    assert claim_with(claims_of(nlp, lang, body, MARTA, PEDRO), word).subject == "p1"


@pytest.mark.parametrize("lang,body,word", [
    ("en", "Pedro Soto met Luis Vega in Veracruz on Monday. He signed a contract worth $2 million.", "signed"),
    ("es", "Pedro Soto se reunió con Luis Vega en Veracruz el lunes. Él firmó un contrato de 2 millones de dólares.",
     "firmó"),
])
def test_two_people_of_the_pronouns_gender_leave_it_unresolved(nlp, lang, body, word):
    # Two men named just before "he": no clear antecedent, no guess.
    claims = claims_of(nlp, lang, body, PEDRO, LUIS)
    assert all(c.subject is None for c in claims if word in c.text)


@pytest.mark.parametrize("lang,body,word", [
    ("en", "Pedro Soto told Luis Vega that he had paid $5,000 to the police.", "paid"),
    ("es", "Pedro Soto le dijo a Luis Vega que él había pagado 5.000 dólares a la policía.", "pagado"),
])
def test_the_subject_of_the_governing_clause_is_the_pronouns_referent(nlp, lang, body, word):
    paid = claim_with(claims_of(nlp, lang, body, PEDRO, LUIS), word)
    assert paid.subject == "p2"


@pytest.mark.parametrize("lang,body,word", [
    ("en", "Pedro Soto fled the city in 2019. He was arrested in March. He had paid $5,000 to two officers.",
     "paid"),
    ("es", "Pedro Soto huyó de la ciudad en 2019. Él fue detenido en marzo. Él había pagado 5.000 dólares a "
     "dos agentes.", "pagado"),
])
def test_a_chain_of_pronouns_reaches_the_name_it_comes_from(nlp, lang, body, word):
    # The third sentence names nobody; the "he" before it stands for Pedro Soto.
    assert claim_with(claims_of(nlp, lang, body, PEDRO), word).subject == "p2"


@pytest.mark.parametrize("lang,body,word,group", [
    ("en", "The Sinaloa Cartel moved 300 kilos of cocaine through the port in 2019. "
     "They paid $2 million to customs officers.", "paid", ("Sinaloa Cartel", "ORG", "o1")),
    ("es", "El Cártel de Sinaloa movió 300 kilos de cocaína por el puerto en 2019. "
     "Ellos pagaron 2 millones de dólares a agentes aduanales.", "pagaron", ("Cártel de Sinaloa", "ORG", "o1")),
])
def test_they_is_the_one_group_named_before(nlp, lang, body, word, group):
    assert claim_with(claims_of(nlp, lang, body, group), word).subject == "o1"


@pytest.mark.parametrize("lang,body,word,group", [
    ("en", "The Sinaloa Cartel hired 40 gunmen in the port in 2019. They killed 12 officers in March.", "killed",
     ("Sinaloa Cartel", "ORG", "o1")),
    ("es", "El Cártel de Sinaloa contrató a 40 sicarios en el puerto en 2019. Ellos mataron a 12 agentes en marzo.",
     "mataron", ("Cártel de Sinaloa", "ORG", "o1")),
])
def test_they_with_a_group_and_an_unnamed_plural_before_is_unresolved(nlp, lang, body, word, group):
    # "they" may be the cartel or its gunmen: no clear antecedent.
    claims = claims_of(nlp, lang, body, group)
    assert all(c.subject is None for c in claims if word in c.text)


def test_a_dropped_subject_takes_the_gender_of_its_participle(nlp):
    body = ("Marta Ruiz y Pedro Soto fueron vistos en el puerto de Veracruz el lunes. "
            "Fue detenida el martes con 5.000 dólares.")
    detained = claim_with(claims_of(nlp, "es", body, MARTA, PEDRO), "detenida")
    assert detained.object == "p1"


def test_a_dropped_subject_with_two_people_before_is_nobody(nlp):
    body = ("Pedro Soto se reunió con Luis Vega en el puerto de Veracruz el lunes. "
            "Entregó cinco fusiles a la fiscalía en 2020.")
    claims = claims_of(nlp, "es", body, PEDRO, LUIS)
    assert all(c.subject is None for c in claims if "Entregó" in c.text)
