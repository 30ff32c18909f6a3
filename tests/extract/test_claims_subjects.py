"""Stage `claims`: a claim says whom it is about (issue #17): a share of a group or a group named by
its people or party as the subject, a relative clause opened at its noun, a non-finite clause with
the subject of the clause it hangs from (fictional people)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import atomic_reason, extract_claims
from fuentes.model import Mention
from tests.extract.test_claims import mentions_of

pytestmark = pytest.mark.models


def _claims(nlp, lang: str, body: str, *extra: Mention):
    mentions = sorted(mentions_of(body, "Rafael Quintero") + mentions_of(body, "Ana Berg", "e2") + list(extra),
                      key=lambda m: m.start)
    return extract_claims(body, nlp[lang](body), mentions, [], lang, "a1")


@pytest.mark.parametrize("lang,body,subject", [
    ("en", "Sixty-two percent of the voters backed the plan in 2016.", "np:Sixty-two percent of the voters"),
    ("es", "El 62% de los votantes apoyó el plan en 2016.", "np:El 62% de los votantes"),
    ("en", "A majority of the voters backed the plan in 2016.", "np:A majority of the voters"),
    ("es", "Un grupo de médicos envió una carta al hospital en 2016.", "np:Un grupo de médicos"),
])
def test_a_share_of_a_group_is_the_subject(nlp, lang, body, subject):
    # Regression: a share ("62 percent of ...") was a measure, no one: the claim had no subject.
    (claim,) = [c for c in _claims(nlp, lang, body) if "2016" in c.text]
    assert claim.subject == subject and atomic_reason(claim) is None


@pytest.mark.parametrize("lang,body,group", [
    ("en", "Republicans on the finance committee approved a bill in 2016.", "Republicans"),
    ("es", "Los priistas del comité aprobaron una ley en 2016.", "priistas"),
])
def test_a_group_named_by_its_party_is_the_subject(nlp, lang, body, group):
    at = body.index(group)
    norp = Mention(at, at + len(group), group, "NORP", None)
    (claim,) = [c for c in _claims(nlp, lang, body, norp) if "2016" in c.text]
    assert claim.subject is not None and claim.subject.startswith("np:") and group in claim.subject
    assert atomic_reason(claim) is None


def test_a_plural_no_group_mention_covers_is_no_group(nlp):
    assert all(c.subject is None for c in _claims(nlp, "en", "Republicans on the finance committee approved "
                                                               "a bill in 2016."))


@pytest.mark.parametrize("lang,body,predicate,opening", [
    ("en", "The bill, which was signed by Ana Berg in 2010, cut taxes by 5 percent.", "sign", "The bill, which"),
    ("en", "Rafael Quintero, who killed two guards in 2019, escaped from prison.", "kill", "Rafael Quintero, who"),
    ("es", "La ley, que fue firmada por Ana Berg en 2010, recortó impuestos.", "sign", "La ley, que"),
    ("es", "Rafael Quintero, que mató a dos guardias en 2019, huyó de la cárcel.", "kill", "Rafael Quintero, que"),
])
def test_a_relative_clause_opens_at_its_noun(nlp, lang, body, predicate, opening):
    # Regression: "which was signed by Ana Berg in 2010", "who led the gang ...": an English relative
    # clause was a claim of its own opening at its pronoun, a fragment that says of whom (Spanish
    # opened at the noun already).
    (claim,) = [c for c in _claims(nlp, lang, body) if c.predicate == predicate]
    assert claim.text.startswith(opening) and atomic_reason(claim) is None
    assert claim.subject in ("e1", "e2")


@pytest.mark.parametrize("lang,body", [
    ("en", "Rafael Quintero was arrested in 2019 after spending 40,000 dollars of the gang's money."),
    ("en", "Rafael Quintero crossed the border in 2019, spending 40,000 dollars of the gang's money."),
    ("es", "Rafael Quintero fue detenido en 2019 tras gastar 40 mil dólares de la banda."),
    ("es", "Rafael Quintero cruzó la frontera en 2019, gastando 40 mil dólares de la banda."),
])
def test_a_non_finite_clause_takes_the_subject_it_hangs_from(nlp, lang, body):
    # Regression: "spending 40,000 dollars of the gang's money" was a claim with no subject.
    (spent,) = [c for c in _claims(nlp, lang, body) if "40" in c.text and "2019" not in c.text] or \
        [c for c in _claims(nlp, lang, body) if "40" in c.text]  # (or read with the clause it hangs from)
    assert "e1" in (spent.subject, spent.object) and atomic_reason(spent) is None


@pytest.mark.parametrize("lang,body", [
    ("en", "Prosecutors charged Rafael Quintero in 2019 with spending 40,000 dollars of the gang's money."),
    ("es", "Los fiscales acusaron a Rafael Quintero en 2019 de gastar 40 mil dólares de la banda."),
])
def test_a_clause_tied_by_a_preposition_to_an_object_takes_no_subject(nlp, lang, body):
    # the object may be who did it ("charged X with spending"): never the governor's subject
    assert all(c.subject in (None, "e1") for c in _claims(nlp, lang, body) if c.predicate == "spend")


@pytest.mark.parametrize("lang,body,patient", [
    ("en", "Twenty-nine people were arrested in 2016.", "np:Twenty-nine people"),
    ("en", "The two guards were injured in 2016 in Culiacan.", "np:The two guards"),
    ("es", "Las 29 personas fueron detenidas en 2016.", "np:Las 29 personas"),
    ("es", "Los dos guardias fueron heridos en 2016 en Culiacán.", "np:Los dos guardias"),
])
def test_an_agentless_passive_keeps_its_patient_as_written(nlp, lang, body, patient):
    # Regression: "Twenty-nine people were arrested" had neither subject nor object (no name for either).
    (claim,) = [c for c in _claims(nlp, lang, body) if "2016" in c.text]
    assert claim.subject is None and claim.object == patient and atomic_reason(claim) is None


def test_a_bare_patient_is_none(nlp):
    assert all(c.object is None for c in _claims(nlp, "en", "People were arrested in 2016."))
