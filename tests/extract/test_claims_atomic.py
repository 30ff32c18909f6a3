"""Stage `claims`: what is no factual statement stays out (issue #17): exclamations, a speaker's
own feeling or stance, verbless listing lines and clauses that name no one (fictional people)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import exclaims, extract_claims
from fuentes.model import Quote
from tests.extract.test_claims import mentions_of

pytestmark = pytest.mark.models


def _quote(body: str, inner: str) -> Quote:
    start = body.index(inner)
    return Quote(id="q1", article="a1", text=inner, start=start, end=start + len(inner), direct=True,
                 speaker_name="Ana Berg", speaker="e2")


def _claims(nlp, lang: str, body: str, quotes: list[Quote] | None = None):
    mentions = sorted(mentions_of(body, "Rafael Quintero") + mentions_of(body, "Ana Berg", "e2"),
                      key=lambda m: m.start)
    return extract_claims(body, nlp[lang](body), mentions, quotes or [], lang, "a1")


@pytest.mark.parametrize("lang,body,inner", [
    ("en", "\u201cYes, I support Rafael Quintero,\u201d said Ana Berg.", "Yes, I support Rafael Quintero,"),
    ("en", "\u201cWe\u2019re so excited to meet our second grandchild!\u201d said Ana Berg.",
     "We\u2019re so excited to meet our second grandchild!"),
    ("es", "\u00abS\u00ed, yo apoyo a Rafael Quintero\u00bb, dijo Ana Berg.", "S\u00ed, yo apoyo a Rafael Quintero"),
    ("es", "\u00abEstamos muy emocionados de conocer a nuestro segundo nieto\u00bb, dijo Ana Berg.",
     "Estamos muy emocionados de conocer a nuestro segundo nieto"),
])
def test_a_quote_of_the_speakers_own_feeling_or_stance_is_no_claim(nlp, lang, body, inner):
    # Regression: "Yes, I support Ted Cruz" and "We're so excited to meet our second grandchild!"
    # were graded like facts.
    claims = _claims(nlp, lang, body, [_quote(body, inner)])
    assert not [c for c in claims if c.predicate == "say"]


@pytest.mark.parametrize("lang,body,inner", [
    ("en", "\u201cWe found forty rifles in the truck,\u201d said Ana Berg.", "We found forty rifles in the truck,"),
    ("es", "\u00abEncontramos cuarenta fusiles en el cami\u00f3n\u00bb, dijo Ana Berg.",
     "Encontramos cuarenta fusiles en el cami\u00f3n"),
])
def test_a_quote_that_states_a_fact_stays_a_claim_of_its_speaker(nlp, lang, body, inner):
    (said,) = [c for c in _claims(nlp, lang, body, [_quote(body, inner)]) if c.predicate == "say"]
    assert said.speaker == "e2" and said.text == inner


@pytest.mark.parametrize("lang,body", [
    ("en", "Rafael Quintero beat them all again! Rafael Quintero won the race in 2019."),
    ("es", "\u00a1Rafael Quintero los venci\u00f3 a todos otra vez! Rafael Quintero gan\u00f3 la carrera en 2019."),
])
def test_an_exclamation_is_no_claim(nlp, lang, body):
    claims = _claims(nlp, lang, body)
    assert claims and all("2019" in c.text and "!" not in c.text for c in claims)
    assert exclaims("\u00a1Qu\u00e9 noche!") and exclaims("What a night!\u201d") and not exclaims("It rained.")


@pytest.mark.parametrize("lang,body", [
    ("en", ("Film: The Slap. Director: Ana Berg. Cast: Rafael Quintero. Running time: 142 minutes. "
           "Rafael Quintero won the award in 2019.")),
    ("es", ("Pel\u00edcula: La bofetada. Directora: Ana Berg. Reparto: Rafael Quintero. Duraci\u00f3n: 142 minutos. "
           "Rafael Quintero gan\u00f3 el premio en 2019.")),
    ("en", "Film: The Slap Director: Ana Berg Rating: 4/5 It is just a slap.\n\nRafael Quintero won the award in 2019."),
    ("es", ("Pel\u00edcula: La bofetada Directora: Ana Berg Estrellas: 4/5 Es solo una bofetada.\n\n"
           "Rafael Quintero gan\u00f3 el premio en 2019.")),
])
def test_a_verbless_listing_line_makes_no_claim(nlp, lang, body):
    # Regression: "Nombre de la película: Thappad ... Director: ..." was a claim of its figures.
    claims = _claims(nlp, lang, body)
    assert claims and all("2019" in c.text and ":" not in c.text for c in claims)


@pytest.mark.parametrize("lang,body", [
    ("en", ("Rafael Quintero won the race on Sunday. They were not given such a free hand. "
           "They attacked at night near the port.")),
    ("es", ("Rafael Quintero gan\u00f3 la carrera el domingo. Nunca les dieron tanta libertad. "
           "Ellos atacaron de noche cerca del puerto.")),
])
def test_a_clause_that_names_no_one_and_states_no_value_is_no_claim(nlp, lang, body):
    # Regression: fragments and clauses whose only subject is a pronoun never resolved ("they
    # weren't given such a free hand", "tenía 12 años en esa institución") were claims.
    claims = _claims(nlp, lang, body)
    assert claims and all(c.subject or c.object for c in claims)
    assert any(c.predicate == "win" and c.subject == "e1" for c in claims)


@pytest.mark.parametrize("lang,body", [
    ("en", "A police officer was wounded in a gunfight near the port. Soldiers attacked the old warehouse."),
    ("es", "Un policía fue herido en un tiroteo cerca del puerto. Los soldados atacaron el viejo almacén."),
])
def test_an_unnamed_noun_subject_still_makes_a_claim(nlp, lang, body):
    # "a police officer was wounded": someone unnamed, yet a statement to check.
    preds = {c.predicate for c in _claims(nlp, lang, body)}
    assert {"injure", "attack"} <= preds


@pytest.mark.parametrize("lang,body", [
    ("en", "Rafael Quintero was shot and killed by Ana Berg after his car stalled."),
    ("es", "Rafael Quintero fue baleado y asesinado por Ana Berg después de que su auto se detuvo."),
])
def test_a_coordinated_participle_shares_the_passive_subject(nlp, lang, body):
    # "X was shot and killed by Y": X is who was killed, Y who killed him.
    killed = [c for c in _claims(nlp, lang, body) if c.predicate == "kill"]
    assert killed and killed[0].object == "e1" and killed[0].subject == "e2"


@pytest.mark.parametrize("lang,body", [
    ("en", "Rafael Quintero was captured by Ana Berg in the port."),
    ("es", "Rafael Quintero fue capturado por Ana Berg en el puerto."),
])
def test_a_passive_names_the_patient_and_the_agent(nlp, lang, body):
    # Regression: "Quintero fue capturado por X" made Quintero the captor and X the captured.
    (caught,) = [c for c in _claims(nlp, lang, body) if c.predicate == "capture"]
    assert caught.object == "e1" and caught.subject == "e2"


@pytest.mark.parametrize("lang,body,inner", [
    ("en", "\u201cWe found forty rifles in the truck,\u201d the caption read.", "We found forty rifles in the truck,"),
    ("es", "\u00abEncontramos cuarenta fusiles en el cami\u00f3n\u00bb, dec\u00eda el pie de foto.",
     "Encontramos cuarenta fusiles en el cami\u00f3n"),
])
def test_a_quote_of_no_known_speaker_is_no_claim(nlp, lang, body, inner):
    q = _quote(body, inner)
    q = Quote(id=q.id, article=q.article, text=q.text, start=q.start, end=q.end, direct=True,
              speaker_name=None, speaker=None)
    assert not [c for c in _claims(nlp, lang, body, [q]) if c.predicate == "say"]


@pytest.mark.parametrize("lang,body", [
    ("en", "Rafael Quintero was stabbed in the port in 2019."),
    ("es", "Rafael Quintero fue apu\u00f1alado esta ma\u00f1ana en el puerto."),
])
def test_a_passive_with_a_named_patient_and_no_agent_stays_a_claim(nlp, lang, body):
    # Regression: reading "fue apuñalado" as a passive must not lose the claim about Barrios.
    claims = _claims(nlp, lang, body)
    assert claims and claims[0].object == "e1" and claims[0].subject is None


@pytest.mark.parametrize("lang,body", [
    ("en", "The post was monopolized for 25 years by Rafael Quintero, from 1955 to 1979."),
    ("es", "El puesto estuvo monopolizado durante 25 a\u00f1os por Rafael Quintero, desde 1955 a 1979."),
])
def test_the_agent_of_a_passive_with_a_figure_is_its_subject(nlp, lang, body):
    # "por X" after a participle is who did it, never the patient.
    claims = _claims(nlp, lang, body)
    assert claims and all(c.subject == "e1" and c.object != "e1" for c in claims)


@pytest.mark.parametrize("lang,body,subject", [
    ("en", "The two men spent months trading insults in 2016.", "np:The two men"),
    ("en", "One in four residents lived in poor neighborhoods in 2015.", "np:One in four residents"),
    ("en", "The poll found 45 percent support in May.", "np:The poll"),
    ("es", "Los dos hombres pasaron meses intercambiando insultos en 2016.", "np:Los dos hombres"),
    ("es", "Uno de cada cuatro vecinos vivía en barrios pobres en 2015.", "np:Uno de cada cuatro vecinos"),
    ("es", "La encuesta encontró un apoyo del 45 por ciento en mayo.", "np:La encuesta"),
])
def test_a_definite_noun_phrase_no_name_names_is_the_subject(nlp, lang, body, subject):
    """Someone the reader can point at without a name: a definite article, a number or a share of a
    counted group; the claim is atomic (who did what)."""
    from fuentes.extract.claims import atomic_reason

    (claim,) = _claims(nlp, lang, body)
    assert claim.subject == subject and atomic_reason(claim) is None


@pytest.mark.parametrize("lang,body", [
    ("en", "People spent 40 dollars on tickets in 2015."),
    ("es", "Unos vecinos gastaron 40 dólares en boletos en 2015."),
])
def test_a_bare_or_indefinite_noun_is_no_subject(nlp, lang, body):
    assert all(c.subject is None for c in _claims(nlp, lang, body))


@pytest.mark.parametrize("lang,body,fragment", [
    ("en", "Rafael Quintero backed the plan in 2008 and promptly voted against the crime bill in 2009.",
     "and promptly voted against the crime bill in 2009"),
    ("es", "Rafael Quintero apoyó el plan en 2008 y votó contra la ley del crimen en 2009.",
     "y votó contra la ley del crimen en 2009"),
])
def test_a_clause_whose_subject_is_in_another_is_a_fragment(nlp, lang, body, fragment):
    """A coordinated clause with no subject of its own keeps the word that ties it to its subject's
    clause; its text says no one, so it is never atomic. The first clause stays atomic. (A relative
    clause opens at its noun: `test_claims_fragments`.)"""
    from fuentes.extract.claims import atomic_reason

    claims = {c.text: c for c in _claims(nlp, lang, body)}
    assert atomic_reason(claims[fragment]) == "fragment"
    assert any(atomic_reason(c) is None for t, c in claims.items() if t != fragment)


def test_a_sentence_opening_with_but_is_no_fragment(nlp):
    from fuentes.extract.claims import atomic_reason

    (claim,) = [c for c in _claims(nlp, "en", "But Rafael Quintero won the race in 2012.") if c.predicate == "win"]
    assert claim.text.startswith("Rafael Quintero") and atomic_reason(claim) is None


@pytest.mark.parametrize("lang,body", [
    ("en", "A man was detained for the killing of his neighbor in 2019."),
    ("es", "Un hombre de Birmingham ha sido detenido por el homicidio del 23 de diciembre."),
])
def test_an_event_noun_is_no_noun_phrase_subject(nlp, lang, body):
    """"detenido por el homicidio": a parse may read the cause as the agent; a killing acts on no one."""
    assert not any((c.subject or "").startswith("np:") for c in _claims(nlp, lang, body))
