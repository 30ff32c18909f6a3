"""Two clauses that name nobody in common conflict on a figure only when they share more than the
deed and the figure: "and sentenced her to 26 months' jail" and "He was sentenced on Tuesday to
two months' jail" are two cases, not one sentence told two ways. English, Spanish and across."""

from __future__ import annotations

import pytest

from fuentes.corpus.claims import CONFLICT, claim_stems, relation
from fuentes.corpus.grading import assess
from fuentes.model import Claim, Value


def months(n: int, text: str) -> Value:
    return Value("duration", text, float(n), "month")


def cl(cid: str, text: str, value: Value, obj: str | None = None, subject: str | None = None) -> Claim:
    return Claim(id=cid, text=text, article=cid[0], predicate="sentence", values=[value], object=obj, subject=subject)


def rel(a: Claim, b: Claim):
    return relation(a, b, claim_stems(a.text), claim_stems(b.text))


TWO_CASES = [
    (cl("a1", "and sentenced her to 26 months' jail", months(26, "26 months")),
     cl("b1", "He was sentenced on Tuesday to two months' jail", months(2, "two months"), obj="ent_chua")),
    (cl("a1", "y la condenó a 26 meses de cárcel", months(26, "26 meses")),
     cl("b1", "Él fue condenado el martes a dos meses de cárcel", months(2, "dos meses"), obj="ent_chua")),
    (cl("a1", "and sentenced her to 26 months' jail", months(26, "26 months")),
     cl("b1", "Él fue condenado el martes a dos meses de cárcel", months(2, "dos meses"))),
]


@pytest.mark.parametrize("a,b", TWO_CASES)
def test_the_deed_and_its_figure_alone_tie_no_two_clauses(a, b):
    # Regression: two Singapore court cases in one story gave "26 months" against "two months".
    assert rel(a, b) is None
    _, discrepancies = assess({"a": [a], "b": [b]}, {"a": "Straits Daily", "b": "Island Times"}, {})
    assert discrepancies == []


@pytest.mark.parametrize("a,b", [
    (cl("a1", "and sentenced her to 26 months' jail", months(26, "26 months"), obj="ent_parti"),
     cl("b1", "She was sentenced on Tuesday to two months' jail", months(2, "two months"), obj="ent_parti")),
    (cl("a1", "Ms Parti was sentenced to 26 months of imprisonment by District Judge Olivia Low at the State Court",
        months(26, "26 months")),
     cl("b1", "Ms Parti was sentenced to 20 months of imprisonment by District Judge Olivia Low at the State Court",
        months(20, "20 months"))),
    (cl("a1", "La señora Parti fue condenada a 26 meses de prisión por la jueza Olivia Low en el Tribunal Estatal",
        months(26, "26 meses")),
     cl("b1", "La señora Parti fue condenada a 20 meses de prisión por la jueza Olivia Low en el Tribunal Estatal",
        months(20, "20 meses"))),
])
def test_one_person_or_one_sentence_told_twice_still_conflicts(a, b):
    found = rel(a, b)
    assert found is not None and found.kind == CONFLICT
