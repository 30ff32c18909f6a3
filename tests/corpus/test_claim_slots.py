"""No discrepancy between claims of different subjects or different measures (English and
Spanish): a discrepancy needs one subject, one predicate or measure and one object slot.

Each case is a regression test for a false discrepancy found on real political news (PolNeAR),
rewritten by the team with invented names."""

from __future__ import annotations

from fuentes.corpus.claims import CONFLICT, claim_stems, match_claims_detailed, relation
from fuentes.corpus.discrepancies import find_discrepancies
from fuentes.model import Claim, Value

ORIGINS = {k: f"Outlet {k}" for k in "abcd"}


def cl(cid: str, text: str, pred: str, subj: str | None = None, obj: str | None = None,
       values: tuple[Value, ...] = ()) -> Claim:
    """A claim of article `cid[0]`; entity keys are corpus ids (identity map in `run`)."""
    return Claim(id=cid, text=text, article=cid[0], subject=subj, predicate=pred, object=obj, values=list(values))


def run(claims: dict[str, list[Claim]]):
    ids = {(art, k): k for art, cs in claims.items() for c in cs for k in (c.subject, c.object) if k}
    m = match_claims_detailed(claims, ORIGINS, ids)
    return find_discrepancies(m.claims, m.members, ORIGINS, {}, m.conflicts)


def rel(a: Claim, b: Claim):
    return relation(a, b, claim_stems(a.text), claim_stems(b.text))


def pct(text: str, amount: float) -> Value:
    return Value("percent", text, amount, "%")


def points(text: str, amount: float, unit: str) -> Value:
    return Value("count", text, amount, unit)


# ---- two shares in one race are no two versions of one figure ---------------------------------

def test_shares_of_different_candidates_are_no_discrepancy():
    """"Okafor beat Lindqvist 41 to 17 percent" states Lindqvist's share; "Okafor won 26 percent
    among young voters" is Okafor's share of another group: same subject and predicate, but the
    percents measure different things."""
    a = cl("a1", "Okafor beat Lindqvist in the northern primary, 41 to 17 percent, thanks to rural voters",
           "win", "okafor", values=(Value("number", "41", 41.0), pct("17 percent", 17.0)))
    b = cl("b1", "Among young voters, Okafor won with 26 percent, ahead of Marsh with 24 percent",
           "win", "okafor", values=(pct("26 percent", 26.0), pct("24 percent", 24.0)))
    assert rel(a, b) is None
    assert run({"a": [a], "b": [b]}) == []


def test_shares_of_different_candidates_are_no_discrepancy_in_spanish():
    a = cl("a1", "Okafor venció a Lindqvist en la primaria del norte, 41 a 17 por ciento, gracias al voto rural",
           "win", "okafor", values=(Value("number", "41", 41.0), pct("17 por ciento", 17.0)))
    b = cl("b1", "Entre los votantes jóvenes, Okafor ganó con el 26 por ciento, por delante de Marsh con el 24 por ciento",
           "win", "okafor", values=(pct("26 por ciento", 26.0), pct("24 por ciento", 24.0)))
    assert rel(a, b) is None
    assert run({"a": [a], "b": [b]}) == []


def test_one_share_changed_in_a_sentence_worded_alike_is_still_a_discrepancy():
    """The rule keeps the planted kind: one sentence, one percent changed."""
    a = cl("a1", "Okafor won the northern primary with 41 percent of the vote on Tuesday", "win", "okafor",
           values=(pct("41 percent", 41.0),))
    b = cl("b1", "Okafor won the northern primary with 44 % of the vote on Tuesday", "win", "okafor",
           values=(pct("44 %", 44.0),))
    found = rel(a, b)
    assert found is not None and found.kind == CONFLICT
    (d,) = run({"a": [a], "b": [b]})
    assert d.id.startswith("dis_value")


def test_same_subject_money_is_still_a_discrepancy():
    """A figure that names its measure (money in dollars) stays comparable for one subject."""
    a = cl("a1", "The Harlow campaign raised $12 million in the third quarter", "raise", "harlow",
           values=(Value("money", "$12 million", 12e6, "USD"),))
    b = cl("b1", "Harlow's team reported donations of $19 million, a record for the race", "raise", "harlow",
           values=(Value("money", "$19 million", 19e6, "USD"),))
    assert rel(a, b) is None or rel(a, b).kind == CONFLICT  # untyped predicate: compared on wording
    c = cl("c1", "The Harlow campaign spent $12 million on television", "spend", "harlow",
           values=(Value("money", "$12 million", 12e6, "USD"),))
    d = cl("d1", "Harlow poured $19 million into advertising", "spend", "harlow",
           values=(Value("money", "$19 million", 19e6, "USD"),))
    found = rel(c, d)
    assert found is not None and found.kind == CONFLICT


# ---- points lost by one person are not points lost by another ------------------------------------

def test_points_of_different_subjects_are_no_discrepancy():
    """"The senator lost 6 points in the poll" and "losing a governor's race by nine points": a
    drop in a poll and a margin of defeat, one subject named, the other not."""
    a = cl("a1", "The Ohio senator lost 6 points in the latest tracking poll", "lose", "ohio",
           values=(points("6", 6.0, "points"),))
    b = cl("b1", "Losing a governor's race by nine points?", "lose", None, "governor",
           values=(points("nine", 9.0, "points"),))
    assert rel(a, b) is None
    assert run({"a": [a], "b": [b]}) == []


def test_points_of_different_subjects_are_no_discrepancy_in_spanish():
    a = cl("a1", "El senador de Ohio perdió 6 puntos en la última encuesta", "lose", "ohio",
           values=(points("6", 6.0, "puntos"),))
    b = cl("b1", "¿Perder una elección a gobernador por nueve puntos?", "lose", None, "gobernador",
           values=(points("nueve", 9.0, "puntos"),))
    assert rel(a, b) is None
    assert run({"a": [a], "b": [b]}) == []


def test_points_without_subjects_are_no_discrepancy():
    """A count of "points" names no thing: a typed predicate alone does not make one slot."""
    a = cl("a1", "The measure lost 6 points among suburban women", "lose", values=(points("6", 6.0, "points"),))
    b = cl("b1", "It lost by nine points in the rural counties", "lose", values=(points("nine", 9.0, "points"),))
    assert rel(a, b) is None


def test_counted_things_without_subjects_still_conflict():
    """A count of a named thing (vehicles / vehículos) with one typed predicate stays one slot."""
    a = cl("a1", "Rioters set fire to at least 12 buses in the capital", "burn",
           values=(Value("count", "at least 12 buses", 12.0, "buses", approximate=True),))
    b = cl("b1", "Los manifestantes incendiaron al menos 30 autobuses", "burn",
           values=(Value("count", "al menos 30 autobuses", 30.0, "autobuses", approximate=True),))
    found = rel(a, b)
    assert found is not None and found.kind == CONFLICT


# ---- one target backed by one group and opposed by another ---------------------------------------

def test_endorsed_by_one_group_opposed_by_another_is_no_discrepancy():
    """"The super PAC backing Harlow" and "a group formed to oppose both Harlow and Reyes": two
    agents, one target; endorse / oppose is no fate of the target."""
    a = cl("a1", "the largest super PAC backing Governor Harlow for president", "endorse", None, "harlow")
    b = cl("b1", "oppose both Harlow and the Democratic candidate Reyes", "oppose", None, "harlow")
    assert run({"a": [a], "b": [b]}) == []
    c = cl("c1", "Citizens for Tomorrow endorsed Harlow in March", "endorse", "cft", "harlow")
    d = cl("d1", "The Teachers' Union opposed Harlow", "oppose", "union", "harlow")
    assert run({"c": [c], "d": [d]}) == []


def test_endorsed_by_one_group_opposed_by_another_is_no_discrepancy_in_spanish():
    a = cl("a1", "el mayor comité de acción política que respalda al gobernador Harlow", "endorse", None, "harlow")
    b = cl("b1", "oponerse tanto a Harlow como a la candidata demócrata Reyes", "oppose", None, "harlow")
    assert run({"a": [a], "b": [b]}) == []
    c = cl("c1", "Ciudadanos por el Mañana respaldó a Harlow en marzo", "endorse", "cft", "harlow")
    d = cl("d1", "El sindicato de maestros se opuso a Harlow", "oppose", "union", "harlow")
    assert run({"c": [c], "d": [d]}) == []


def test_one_subject_endorsing_and_opposing_one_target_is_a_discrepancy():
    a = cl("a1", "The Teachers' Union endorsed Harlow on Monday", "endorse", "union", "harlow")
    b = cl("b1", "El sindicato de maestros se opuso a Harlow", "oppose", "union", "harlow")
    (d,) = run({"a": [a], "b": [b]})
    assert d.id.startswith("dis_predicate")


def test_a_fate_of_the_target_needs_no_common_subject():
    """Killed / captured says what became of the target, whoever acted."""
    a = cl("a1", "Soldiers killed Quintero at dawn", "kill", "army", "quintero")
    b = cl("b1", "La policía capturó a Quintero", "capture", "police", "quintero")
    (d,) = run({"a": [a], "b": [b]})
    assert d.id.startswith("dis_predicate")
