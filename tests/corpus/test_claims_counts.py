"""A clause that states a count as a bare number ("roughly 36,000 Americans": a noun no `nouns`
list names; "all three") is not silent on the same count of another clause ("roughly 36,000
people", "three of the teens"): the two agree, in English, Spanish and across the two. A bare
number only ever agrees this way: a different one neither agrees nor contradicts."""

from __future__ import annotations

import pytest

from fuentes.corpus.claims import AGREE, claim_stems, match_claims_detailed, relation
from fuentes.corpus.grading import assess
from fuentes.model import Claim, Value


def cl(cid: str, text: str, pred: str, values: tuple[Value, ...]) -> Claim:
    return Claim(id=cid, text=text, article=cid[0], predicate=pred, values=list(values))


def people(n: int, text: str) -> Value:
    return Value("count", text, float(n), "people", approximate=True)


def bare(n: int, text: str) -> Value:
    return Value("number", text, float(n), approximate=True)


def rel(a: Claim, b: Claim):
    return relation(a, b, claim_stems(a.text), claim_stems(b.text))


CASES = [
    (cl("a1", "The virus kills roughly 36,000 people in an average year", "kill", (people(36000, "roughly 36,000 people"),)),
     cl("b1", "Complications from flu kill roughly 36,000 Americans in an average year", "kill", (bare(36000, "roughly 36,000"),))),
    (cl("a1", "El virus mata a unas 36.000 personas en un año normal", "kill", (people(36000, "unas 36.000 personas"),)),
     cl("b1", "Las complicaciones de la gripe matan a unos 36.000 estadounidenses en un año normal", "kill",
        (bare(36000, "unos 36.000"),))),
    (cl("a1", "The virus kills roughly 36,000 people in an average year", "kill", (people(36000, "roughly 36,000 people"),)),
     cl("b1", "Las complicaciones de la gripe matan a unos 36.000 estadounidenses en un año normal", "kill",
        (bare(36000, "unos 36.000"),))),
]


@pytest.mark.parametrize("a,b", CASES)
def test_a_bare_number_states_the_same_count(a, b):
    found = rel(a, b)
    assert found is not None and found.kind == AGREE
    m = match_claims_detailed({"a": [a], "b": [b]}, {}, {})
    assert [c.articles for c in m.claims] == [["a", "b"]]  # one claim: the cluster holds both


@pytest.mark.parametrize("a,b", CASES)
def test_a_different_bare_number_is_silent_not_a_contradiction(a, b):
    other = cl("b1", b.text.replace("36,000", "20,000").replace("36.000", "20.000"), b.predicate,
               (bare(20000, "roughly 20,000"),))
    assert rel(a, other) is None  # silent on the count: no agreement, no conflict
    _, discrepancies = assess({"a": [a], "b": [other]}, {"a": "Ledger", "b": "Heraldo"}, {})
    assert discrepancies == []
    no_number = cl("b1", b.text, b.predicate, ())
    assert rel(a, no_number) is None  # a clause with no number at all stays silent
