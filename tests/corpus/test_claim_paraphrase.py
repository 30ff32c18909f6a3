"""Clauses that say the same in other words agree (synonym verb classes, shared wording above the
calibrated PARAPHRASE level), in English, Spanish and across the two; differing numbers, dates,
named agents or contradictory verbs never agree."""

from __future__ import annotations

from fuentes.corpus.claims import (
    AGREE,
    claim_stems,
    compatible_predicates,
    match_claims_detailed,
    relation,
)
from fuentes.model import Claim, Value


def cl(cid: str, text: str, pred: str, subj: str | None = None, values: tuple[Value, ...] = (),
       time: str | None = None) -> Claim:
    return Claim(id=cid, text=text, article=cid[0], subject=subj, predicate=pred, values=list(values), time=time)


def rel(a: Claim, b: Claim):
    return relation(a, b, claim_stems(a.text), claim_stems(b.text))


def test_synonym_verbs_are_compatible_in_and_across_languages():
    assert compatible_predicates("rise", "increase") and compatible_predicates("climb", "subir")
    assert compatible_predicates("acquire", "comprar") and compatible_predicates("anunciar", "unveil")
    assert not compatible_predicates("rise", "fall") and not compatible_predicates("subir", "caer")
    assert not compatible_predicates("kill", "capture")  # typed classes keep their own rules
    assert not compatible_predicates("kill", "murder")  # kill is typed: "murder" is no synonym of it here


def test_a_rewording_with_a_synonym_verb_agrees():
    a = cl("a1", "Oil exports from the northern province increased sharply after the new pipeline opened", "increase")
    b = cl("b1", "Exports of oil from the northern province rose after the pipeline opened", "rise")
    found = rel(a, b)
    assert found is not None and found.kind == AGREE
    m = match_claims_detailed({"a": [a], "b": [b]}, {}, {})
    assert len(m.claims) == 1 and m.claims[0].articles == ["a", "b"]


def test_spanish_rewording_agrees():
    a = cl("a1", "Las exportaciones de petróleo de la provincia aumentaron tras abrir el oleoducto nuevo", "aumentar")
    b = cl("b1", "Tras la apertura del oleoducto, las exportaciones de petróleo de la provincia subieron", "subir")
    found = rel(a, b)
    assert found is not None and found.kind == AGREE


def test_worded_alike_but_numbers_dates_or_verbs_differ_do_not_agree():
    a = cl("a1", "The council approved the harbour budget of 42 million on Monday after a long debate", "pass",
           values=(Value("number", "42", 42.0),))
    b = cl("b1", "After a long debate the council approved the harbour budget of 47 million", "pass",
           values=(Value("number", "47", 47.0),))
    assert rel(a, b) is None or rel(a, b).kind != AGREE
    c = cl("c1", "The harbour exports rose after the storm season ended in the north", "rise", time="2019")
    d = cl("d1", "After the storm season ended in the north, harbour exports rose", "rise", time="2021")
    assert rel(c, d) is None or rel(c, d).kind != AGREE
    rose = cl("e1", "The harbour exports rose after the storm season ended in the north", "rise")
    fell = cl("f1", "The harbour exports fell after the storm season ended in the north", "fall")
    assert rel(rose, fell) is None  # worded alike, contradictory verbs: word overlap alone never matches


def test_named_agents_still_tell_rewordings_apart():
    a = cl("a1", "Marta Ruiz increased spending on the harbour police after the storm season", "increase", subj="ruiz")
    b = cl("b1", "Spending on the harbour police rose after the storm season, Ana Quiroga", "rise", subj="quiroga")
    assert rel(a, b) is None
