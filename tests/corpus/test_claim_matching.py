"""Claim matching across articles: frames, shared figures, wording, quotes, independent counts."""

from __future__ import annotations

from fuentes.corpus.claims import match_claims, match_claims_detailed
from fuentes.model import Claim, Value


def cl(cid: str, text: str, pred: str, obj: str | None = None, subj: str | None = None,
       values: list[Value] | None = None, speaker: str | None = None) -> Claim:
    """A claim of article `cid[0]`."""
    return Claim(id=cid, text=text, article=cid[0], subject=subj, predicate=pred, object=obj,
                 values=values or [], speaker=speaker)


MONEY = Value("money", "$2.5 billion", 2.5e9, "USD")
MONEY_ES = Value("money", "2.500 millones de dólares", 2.5e9, "USD")
ENTITY_OF = {("a", "e1"): "ent_q", ("b", "e4"): "ent_q", ("c", "e2"): "ent_q", ("a", "e9"): "ent_ana",
             ("b", "e3"): "ent_ana"}
ORIGINS = {"a": "Harbor Ledger", "b": "Harbor Ledger", "c": "Valley Star", "d": None}


def test_frame_match_across_languages_counts_origins_not_articles():
    claims = {"a": [cl("a1", "Navy commandos killed Rafael Quintero", "kill", "e1")],
              "b": [cl("b1", "The killing of Rafael Quintero", "kill", "e4")],
              "c": [cl("c1", "La muerte violenta de Quintero", "kill", "e2")]}
    (claim,) = match_claims(claims, ORIGINS, ENTITY_OF)
    assert claim.articles == ["a", "b", "c"] and claim.object == "ent_q"
    assert claim.independent_sources == 2 and claim.origins == ["Harbor Ledger", "Valley Star"]


def test_shared_figure_matches_rewordings_and_unknown_origin_counts_alone():
    claims = {"a": [cl("a1", "From 2010 to 2020 the province spent $2.5 billion on patrols", "spend",
                       values=[MONEY])],
              "d": [cl("d1", "la provincia destinó 2.500 millones de dólares a patrullas", "spend",
                       values=[MONEY_ES])]}
    (claim,) = match_claims(claims, ORIGINS, {})
    assert claim.independent_sources == 2 and "article:d" in claim.origins


def test_different_targets_and_unrelated_texts_stay_apart():
    claims = {"a": [cl("a1", "Soldiers killed Rafael Quintero", "kill", "e1"),
                    cl("a2", "The bridge reopened after repairs to its deck and rails", "reopen")],
              "c": [cl("c1", "Soldiers killed three farmers in the valley", "kill", None),
                    cl("c2", "Prices of maize rose sharply across the northern provinces", "rise")]}
    result = match_claims(claims, ORIGINS, ENTITY_OF)
    assert len(result) == 4 and all(c.independent_sources == 1 for c in result)


def test_near_identical_wording_matches_and_members_are_kept():
    a = "the operation was carried out with foreign intelligence support and local troops"
    b = "carried out by local troops with foreign intelligence support"
    result = match_claims_detailed({"a": [cl("a1", a, "conduct")], "c": [cl("c1", b, "conduct")]}, ORIGINS, {})
    (claim,) = result.claims
    assert {m.id for m in result.members[claim.id]} == {"a1", "c1"} and claim.independent_sources == 2


def test_quotes_match_by_speaker_and_text():
    q = "We will publish every figure we find and every name that matters"
    claims = {"a": [cl("a1", q, "say", subj="e9", speaker="e9")],
              "b": [cl("b1", q.replace("every name", "each name"), "say", subj="e3", speaker="e3")],
              "c": [cl("c1", "Something else entirely was said about the weather today", "say")]}
    result = match_claims(claims, ORIGINS, ENTITY_OF)
    quote = next(c for c in result if len(c.articles) == 2)
    assert quote.speaker == "ent_ana" and quote.independent_sources == 1


def test_matching_on_slots_silence_and_word_overlap():
    four = Value("count", "four", 4.0, "bodyguards")
    five = Value("count", "cinco", 5.0, "escoltas")
    claims = {"a": [cl("a1", "Zárate was detained along with four of his bodyguards", "capture", "e1", values=[four]),
                    cl("a2", "The bridge over the river reopened after the storm damaged the river bridge", "reopen")],
              "c": [cl("c1", "junto con el capo fueron detenidos cinco de sus escoltas", "capture", values=[five]),
                    cl("c2", "marines captured Zárate on the ranch", "capture", "e2")],
              "d": [cl("d1", "The river bridge reopened after the storm that damaged the bridge over the river",
                       "close")]}
    result = match_claims_detailed(claims, ORIGINS, ENTITY_OF)
    groups = {frozenset(m.id for m in ms) for ms in result.members.values()}
    # one slot (capture, count of bodyguards) across languages, two values: two claims that contradict
    assert frozenset({"a1"}) in groups and frozenset({"c1"}) in groups
    assert frozenset({"c2"}) in groups  # silent on the bodyguards: neither support nor contradiction
    assert frozenset({"a2"}) in groups and frozenset({"d1"}) in groups  # word overlap alone never matches
    slot = next(c for c in result.claims if "a1" in {m.id for m in result.members[c.id]})
    assert slot.independent_sources == 1 and slot.contradicted_by == ["c1"] and slot.articles == ["a"]
    assert [(k.kind, k.a, k.b) for k in result.conflicts] == [("value", "a1", "c1")]


def test_one_agents_statements_of_one_kind_are_candidates_in_any_wording_or_language():
    """The agent blocking key: a subject with its predicate's synonym classes, in both languages;
    no key without a subject, nor for a verb in no class."""
    from fuentes.corpus.claims import block_keys

    def agent_keys(claim: Claim) -> set[tuple]:
        return {k for k in block_keys(claim) if k[0] == "agent"}

    sent = cl("a1", "The governor dispatched two hundred soldiers to the border town", "dispatch", subj="ent_gov")
    enviados = cl("b1", "El gobernador despachó a doscientos militares a la frontera", "despachar",
                  subj="ent_gov")
    killed = cl("c1", "Soldiers killed Rafael Quintero", "kill", subj="ent_army")
    murio = cl("d1", "Murió Rafael Quintero en el operativo del ejército", "die", subj="ent_army")
    assert agent_keys(sent) & agent_keys(enviados) and agent_keys(killed) & agent_keys(murio)
    assert not agent_keys(sent) & agent_keys(cl("e1", sent.text, "dispatch", subj="ent_mayor"))
    assert not agent_keys(cl("f1", sent.text, "dispatch")) and not agent_keys(cl("g1", "He was there", "be", subj="x"))


def test_phrasal_verbs_of_one_class_are_compatible_across_languages():
    from fuentes.corpus.claims import compatible_predicates

    assert compatible_predicates("rule out", "brush off") and compatible_predicates("rule out", "descartar")
    assert compatible_predicates("take place", "tener lugar") and compatible_predicates("occur", "take place")
    assert not compatible_predicates("rule out", "rule") and not compatible_predicates("take place", "take")
