"""Stage `claims`: an unnamed body named by a description ("the task force", "la embajada
estadounidense") is a claim's subject or object, anchored by a named modifier, a place or a
nationality adjective; a later definite noun with the same head is the same body (fictional text)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import extract_claims
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models


EN = ("Last spring the coast guard set up a smuggling task force in Port Lindo. "
      "The task force seized 40 boats in its first month. "
      "The force has about 120 officers. "
      "The Canadian embassy requested the extradition of 12 sailors on Friday.")
ES = ("La primavera pasada la guardia costera creó una fuerza de tarea contra el contrabando en Puerto Lindo. "
      "La fuerza de tarea decomisó 40 lanchas en su primer mes. "
      "La fuerza tiene unos 120 agentes. "
      "La embajada canadiense solicitó el viernes la extradición de 12 marineros.")


@pytest.mark.parametrize("lang,body,place", [("en", EN, "Port Lindo"), ("es", ES, "Puerto Lindo")])
def test_a_described_body_is_one_subject_in_its_article(nlp, lang, body, place):
    sdoc = nlp[lang](body)
    claims = extract_claims(body, sdoc, mentions(body, (place, "GPE", "p1")), [], lang, "a1")
    seized = next(c for c in claims if c.predicate == "seize")
    assert seized.subject == "desc:task force@ent:p1"  # anchored by the place of its first mention
    staff = next(c for c in claims if "120" in c.text)
    assert staff.subject == seized.subject  # "the force": same head, same body
    embassy = next(c for c in claims if c.predicate == "request")
    assert embassy.subject == "desc:embassy@name:Canada"  # a nationality adjective anchors it


@pytest.mark.parametrize("lang,body", [
    ("en", "The committee approved 12 new roads on Monday."),
    ("es", "El comité aprobó 12 carreteras nuevas el lunes."),
])
def test_an_unanchored_description_has_no_anchor(nlp, lang, body):
    claims = extract_claims(body, nlp[lang](body), [], [], lang, "a1")
    assert any(c.subject == "desc:committee" for c in claims)


@pytest.mark.parametrize("lang,body", [
    ("en", "Marta Ruiz approved 12 new roads on Monday."),
    ("es", "Marta Ruiz aprobó 12 carreteras nuevas el lunes."),
])
def test_a_name_is_never_a_description(nlp, lang, body):
    claims = extract_claims(body, nlp[lang](body), mentions(body, ("Marta Ruiz", "PERSON", "e1")), [], lang, "a1")
    assert claims and all(not (c.subject or "").startswith("desc:") for c in claims)


@pytest.mark.parametrize("lang,body", [
    ("en", "Canadian officials said on Monday that they would seek the extradition of the captain."),
    ("es", "Los funcionarios canadienses dijeron que solicitarán la extradición del capitán."),
    ("es", "Las autoridades canadienses pedirán la extradición del capitán."),
])
def test_officials_of_a_state_are_a_body_it_anchors(nlp, lang, body):
    """"officials", "funcionarios", "autoridades": a body of the state the adjective names (a plural
    one too: "canadienses"); "they" and a Spanish reported clause in the plural with no subject are
    the group that reports it."""
    (request,) = [c for c in extract_claims(body, nlp[lang](body), [], [], lang, "a1") if c.predicate == "request"]
    assert request.subject == "desc:official@name:Canada" and request.modality == "predicted"


def test_a_spanish_plural_clause_reported_by_a_singular_body_is_not_that_body(nlp):
    """"La policía dijo que detuvieron ...": the plural is impersonal, not the police (English "they" after
    "the police", a plural noun, is the police)."""
    body = "La policía dijo que detuvieron a tres hombres cerca del puerto el lunes."
    claims = extract_claims(body, nlp["es"](body), [], [], "es", "a1")
    assert all(c.subject != "desc:police" for c in claims if c.predicate == "capture")
    body = "The police said that they arrested three men near the port on Monday."
    claims = extract_claims(body, nlp["en"](body), [], [], "en", "a1")
    assert [c.subject for c in claims if c.predicate == "capture"] == ["desc:police"]
