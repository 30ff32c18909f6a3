"""Claim clusters by scored decision with cannot-links: a corpus claim never joins statements
with different values, subjects or dates, however they chain (English and Spanish)."""

from __future__ import annotations

from itertools import combinations

import pytest

from fuentes.corpus.claims import cannot_link, match_claims_detailed, relation, claim_stems
from fuentes.corpus.discrepancies import find_discrepancies
from fuentes.corpus.grading import assess
from fuentes.model import Claim, Value


def cl(cid: str, text: str, pred: str, subj: str | None = None, obj: str | None = None,
       values: tuple[Value, ...] = (), time: str | None = None) -> Claim:
    """A claim of article `cid[0]`; entity keys are given as corpus ids (identity map below)."""
    return Claim(id=cid, text=text, article=cid[0], subject=subj, predicate=pred, object=obj,
                 values=list(values), time=time)


def usd(text: str, amount: float) -> Value:
    return Value("money", text, amount, "USD")


FIVE, FIVE_ES, SEVEN, SEVEN_ES = (usd("$5 million", 5e6), usd("5 millones de dólares", 5e6),
                                  usd("$7 million", 7e6), usd("7 millones de dólares", 7e6))
ORIGINS = {k: f"Outlet {k}" for k in "abcdefgh"}


def entity_map(claims: dict[str, list[Claim]]) -> dict[tuple[str, str], str]:
    return {(art, key): key for art, cs in claims.items() for c in cs for key in (c.subject, c.object) if key}


def chain() -> dict[str, list[Claim]]:
    """Eight outlets about money paid: two figures, two people, one unnamed payer, both languages.
    Each statement shares a figure or a subject with the next, so a transitive union of pairwise
    matches made one claim of all of them (the "he is paid $5 million" claim of 30 spans)."""
    return {
        "a": [cl("a1", "The league pays Ruiz $5 million a year", "spend", "ruiz", values=(FIVE,))],
        "b": [cl("b1", "Ruiz is paid $5 million a year by the league", "spend", "ruiz", values=(FIVE,))],
        "c": [cl("c1", "La liga paga a Ruiz 5 millones de dólares al año", "spend", "ruiz", values=(FIVE_ES,))],
        "d": [cl("d1", "Ortiz is paid $5 million a year by the club", "spend", "ortiz", values=(FIVE,))],
        "e": [cl("e1", "The league pays Ruiz $7 million a year", "spend", "ruiz", values=(SEVEN,))],
        "f": [cl("f1", "La liga paga a Ruiz 7 millones de dólares al año", "spend", "ruiz", values=(SEVEN_ES,))],
        "g": [cl("g1", "Ortiz cobra 7 millones de dólares al año del club", "spend", "ortiz", values=(SEVEN_ES,))],
        "h": [cl("h1", "the club was paid $5 million in 2019", "spend", values=(FIVE,), time="2019"),
              cl("h2", "the club was paid $5 million in 2021", "spend", values=(FIVE,), time="2021")],
    }


def test_a_cluster_never_joins_different_values_subjects_or_dates():
    claims = chain()
    result = match_claims_detailed(claims, ORIGINS, entity_map(claims))
    for claim in result.claims:
        members = result.members[claim.id]
        for x, y in combinations(members, 2):
            assert not cannot_link(x, y), (claim.text, x.text, y.text)
        amounts = {v.amount for m in members for v in m.values}
        subjects = {m.subject for m in members if m.subject}
        assert len(amounts) == 1 and len(subjects) <= 1 and len({m.time for m in members if m.time}) <= 1
    groups = {frozenset(m.id for m in ms) for ms in result.members.values()}
    assert frozenset({"a1", "b1", "c1"}) <= max(groups, key=lambda g: "a1" in g)  # Ruiz, $5m, across languages
    assert frozenset({"e1", "f1"}) in groups  # Ruiz, $7m
    assert not any({"d1", "g1"} <= g for g in groups)  # Ortiz: two amounts, never one claim
    assert not any({"h1", "h2"} <= g for g in groups)  # two years: two payments


def test_chained_figures_are_contradictions_between_claims_not_one_claim():
    claims = chain()
    graded, found = assess(claims, ORIGINS, entity_map(claims))
    ruiz5 = next(c for c in graded if "a" in c.articles)
    ruiz7 = next(c for c in graded if "e" in c.articles)
    assert ruiz5.independent_sources >= 3 and ruiz7.independent_sources == 2
    assert set(ruiz5.contradicted_by) >= {"e1", "f1"} and set(ruiz7.contradicted_by) >= {"a1", "b1", "c1"}
    assert ruiz5.grade == 3 and ruiz7.grade == 5  # contested: never 1 or 2
    money = [d for d in found if d.id.startswith("dis_value") and any("e" in v["articles"] for v in d.values)]
    assert len(money) == 1
    sides = {v["claim"]: (v["value"], v["independent_sources"]) for v in money[0].values}
    assert sides == {ruiz5.id: ("$5 million", ruiz5.independent_sources), ruiz7.id: ("$7 million", 2)}


def test_spanish_claims_relate_like_english_ones():
    a = cl("a1", "La policía detuvo a Quintero con cuatro de sus escoltas", "capture", obj="q",
           values=(Value("count", "cuatro", 4.0, "escoltas"),))
    b = cl("b1", "La policía detuvo a Quintero con cinco de sus escoltas", "capture", obj="q",
           values=(Value("count", "cinco", 5.0, "escoltas"),))
    c = cl("c1", "Police detained Quintero with four of his bodyguards", "capture", obj="q",
           values=(Value("count", "four", 4.0, "bodyguards"),))
    assert relation(a, b, claim_stems(a.text), claim_stems(b.text)).kind == "conflict"
    assert relation(a, c, claim_stems(a.text), claim_stems(c.text)).kind == "agree"  # across languages
    assert cannot_link(a, b) and cannot_link(b, c) and not cannot_link(a, c)


def test_near_identical_clauses_compare_bare_numbers_dates_and_outcomes():
    def near(x: Claim, y: Claim):
        return relation(x, y, claim_stems(x.text), claim_stems(y.text))

    n42 = Value("number", "42", 42.0)
    n47 = Value("number", "47", 47.0)
    a = cl("a1", "The senate approved the budget bill by 42 votes to the surprise of the opposition", "authorize",
           values=(n42,))
    b = cl("b1", "The senate approved the budget bill by 47 votes to the surprise of the opposition", "authorize",
           values=(n47,))
    assert near(a, b).kind == "conflict"
    may = Value("date", "May 3", low="--05-03", high="--05-03")
    june = Value("date", "June 3", low="--06-03", high="--06-03")
    c = cl("c1", "El senado aprobó el presupuesto el 3 de mayo tras un largo debate", "authorize", values=(may,),
           time="--05-03")
    d = cl("d1", "El senado aprobó el presupuesto el 3 de junio tras un largo debate", "authorize", values=(june,),
           time="--06-03")
    assert near(c, d).kind == "conflict" and near(c, d).dims == (("date", None),)
    won = cl("e1", "Ruiz won the runoff in the northern district after a long count", "win", subj="ruiz")
    lost = cl("f1", "Ruiz lost the runoff in the northern district after a long count", "lose", subj="ruiz")
    assert near(won, lost).kind == "outcome"
    gano = cl("g1", "Ruiz ganó la segunda vuelta en el distrito norte tras un largo recuento", "win", subj="ruiz")
    perdio = cl("h1", "Ruiz perdió la segunda vuelta en el distrito norte tras un largo recuento", "lose",
                subj="ruiz")
    assert near(gano, perdio).kind == "outcome"
    m = match_claims_detailed({"g": [gano], "h": [perdio]}, ORIGINS, {("g", "ruiz"): "ruiz", ("h", "ruiz"): "ruiz"})
    (d,) = find_discrepancies(m.claims, m.members, ORIGINS, conflicts=m.conflicts)
    assert d.id.startswith("dis_predicate") and {v["value"] for v in d.values} == {"win", "lose"}


def test_silence_and_word_overlap_alone_do_not_match():
    turnout = cl("a1", "Turnout in the county rose to 42 percent this year", "rise",
                 values=(Value("percent", "42 percent", 42.0, "%"),))
    silent = cl("c1", "Turnout in the county rose sharply this year", "rise")
    overlap = cl("d1", "The county turnout rose this year after the storm", "fall")
    assert relation(turnout, silent, claim_stems(turnout.text), claim_stems(silent.text)) is None
    assert relation(silent, overlap, claim_stems(silent.text), claim_stems(overlap.text)) is None
    assert cannot_link(turnout, silent)  # one silent on the other's figure: never one claim


def cents(text: str, n: float) -> Value:
    return Value("count", text, n, "cents")


@pytest.mark.parametrize("first,second,third", [
    ("Acme shares rose 50 cents to $28.34 on Friday", "Acme shares were up 50 cents on Friday",
     "Acme shares rose 50 cents to $29.10 on Friday"),
    ("Las acciones de Acme subieron 50 centavos a 28.34 dólares el viernes", "Las acciones de Acme subieron 50 centavos el viernes",
     "Las acciones de Acme subieron 50 centavos a 29.10 dólares el viernes"),
])
def test_a_figure_more_is_detail_when_a_named_measure_agrees(first, second, third):
    """One clause states the rise and the closing price, the other only the rise: the same statement,
    the second silent on the price (rule 2: extra detail is silence, not a difference). A third
    with another closing price conflicts with the first, so no cluster holds both prices."""
    more = cl("a1", first, "rise", "acme", values=(cents("50 cents", 50), usd("$28.34", 28.34)))
    less = cl("b1", second, "rise", "acme", values=(cents("50 cents", 50),))
    other = cl("c1", third, "rise", "acme", values=(cents("50 cents", 50), usd("$29.10", 29.10)))
    assert not cannot_link(more, less) and cannot_link(more, other)
    claims = {"a": [more], "b": [less], "c": [other]}
    result = match_claims_detailed(claims, ORIGINS, entity_map(claims))
    joined = [c for c in result.claims if len(c.articles) >= 2]
    assert len(joined) == 1 and "b" in joined[0].articles and len(joined[0].articles) == 2
    for claim in result.claims:
        prices = {v.amount for m in result.members[claim.id] for v in m.values if v.kind == "money"}
        assert len(prices) <= 1


@pytest.mark.parametrize("with_share,without", [
    ("Acme won 40 percent of the vote and 12 seats", "Acme won 40 percent of the vote"),
    ("Acme obtuvo el 40 por ciento de los votos y 12 escaños", "Acme obtuvo el 40 por ciento de los votos"),
])
def test_a_share_in_common_does_not_make_a_figure_more_detail(with_share, without):
    """A percent names no measure of its own ("40 percent" of what?): sharing it does not make the
    other's count of seats detail; the two stay apart."""
    a = cl("a1", with_share, "win", "acme", values=(Value("percent", "40 percent", 40.0, "%"),
                                                   Value("count", "12 seats", 12.0, "seats")))
    b = cl("b1", without, "win", "acme", values=(Value("percent", "40 percent", 40.0, "%"),))
    assert cannot_link(a, b)
