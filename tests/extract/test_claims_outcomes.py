"""Stage `claims`: how something ended is a claim even when nothing names what it befell (issue #17):
"but it wasn't approved", "pero no fue rechazada" (invented text; the Spanish parse already kept these)."""

from __future__ import annotations

import pytest

from fuentes.extract.claims import claim_lexicon, extract_claims
from tests.extract.test_claims import mentions_of

pytestmark = pytest.mark.models


def _claims(nlp, lang: str, body: str):
    return extract_claims(body, nlp[lang](body), mentions_of(body, "Ana Berg"), [], lang, "a1")


@pytest.mark.parametrize("lang,body,word,cls", [
    ("en", "Ana Berg worked with the mayor to reform the water utility in 2009, but it wasn't approved "
           "because of opposition in the city council.", "approved", "authorize"),
    ("en", "Ana Berg worked with the mayor to reform the water utility in 2009, but it wasn't rejected "
           "because of opposition in the city council.", "rejected", "reject"),
    ("es", "Los vecinos pidieron reformar la empresa de agua en 2009, pero no fue aprobada por la oposición "
           "del concejo municipal.", "aprobada", "authorize"),
    ("es", "Los vecinos pidieron reformar la empresa de agua en 2009, pero no fue rechazada por la oposición "
           "del concejo municipal.", "rechazada", "reject"),
])
def test_an_outcome_of_nothing_named_is_a_claim(nlp, lang, body, word, cls):
    # Regression: the clause named no one (an unresolved "it", a dropped subject) and stated no
    # value, so it was dropped as a fragment; its copy with the other outcome went unreported.
    found = [c for c in _claims(nlp, lang, body) if word in c.text]
    assert [(c.predicate, c.modality) for c in found] == [(cls, "denied")]


def test_outcomes_are_both_sides_of_the_contradictory_pairs():
    for lang in ("en", "es"):
        lex = claim_lexicon(lang)
        assert {"authorize", "reject", "win", "lose", "kill", "capture"} <= lex.outcomes
        assert lex.target_outcomes <= lex.outcomes


@pytest.mark.parametrize("lang,body", [
    ("en", "Ana Berg met the mayor in May, but they weren't given much time."),
    ("es", "Ana Berg se reunió con el alcalde en mayo, pero ellos no recibieron mucho tiempo."),
])
def test_other_clauses_of_nothing_named_stay_no_claim(nlp, lang, body):
    found = [c for c in _claims(nlp, lang, body) if ("given" in c.text or "recibieron" in c.text)]
    assert found == []
