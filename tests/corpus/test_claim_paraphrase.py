"""Clauses that say the same in other words agree (synonym verb classes, shared wording above the
calibrated PARAPHRASE level), in English, Spanish and across the two; differing numbers, dates,
named agents or contradictory verbs never agree."""

from __future__ import annotations

import pytest

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


# One agent's statement reworded: the verbs share a synonym class (data/claims_<lang>.yaml
# `verb_classes`), the clauses share too few stems for the wording rules, and the multilingual
# sentence encoder says they mean the same (`similar`), in English, Spanish and across them.
SENT_EN = cl("a1", "The governor dispatched two hundred soldiers to the border town after the riots", "dispatch",
             subj="ent_gov")
SENT_EN_2 = cl("b1", "Two hundred troops were sent by the governor to the frontier city following the unrest", "send",
               subj="ent_gov")
SENT_ES = cl("c1", "El gobernador elogió a los rescatistas que salvaron a los mineros atrapados en la mina de carbón",
             "elogiar", subj="ent_gov")
SENT_ES_2 = cl("d1", "Los socorristas que sacaron a los mineros de la mina fueron alabados por el mandatario estatal",
               "alabar", subj="ent_gov")
PRAISED = cl("e1", "The governor praised the rescuers who saved the miners trapped in the coal mine", "praise",
             subj="ent_gov")
HIRED = cl("a1", "The ministry hired three hundred nurses for the rural clinics last year", "hire", subj="ent_min")
CONTRATO = cl("c1", "El ministerio contrató a trescientas enfermeras para las clínicas rurales el año pasado",
              "contratar", subj="ent_min")


def agree(a: Claim, b: Claim) -> bool:
    found = rel(a, b)
    return found is not None and found.kind == AGREE


def matched(a: Claim, b: Claim) -> bool:
    """The corpus matcher (candidates included) puts the two in one corpus claim; each article's
    subject and place keys are the corpus entities of those names."""
    entity_of = {(c.article or "", key): key for c in (a, b) for key in (c.subject, c.place) if key}
    m = match_claims_detailed({a.article or "": [a], b.article or "": [b]}, {}, entity_of)
    return any(len(c.articles) == 2 for c in m.claims)


def test_one_agents_reworded_statement_agrees_in_english():
    assert agree(SENT_EN, SENT_EN_2) and matched(SENT_EN, SENT_EN_2)


def test_one_agents_reworded_statement_agrees_in_spanish():
    assert agree(SENT_ES, SENT_ES_2) and matched(SENT_ES, SENT_ES_2)


def test_one_agents_statement_agrees_across_english_and_spanish():
    assert agree(PRAISED, SENT_ES) and matched(PRAISED, SENT_ES)
    assert agree(HIRED, CONTRATO) and matched(HIRED, CONTRATO)


def test_new_verb_classes_in_both_languages():
    for x, y in (("dispatch", "send"), ("despachar", "remitir"), ("send", "despachar"), ("hire", "contratar"),
                 ("spot", "see"), ("avistar", "ver"), ("halt", "suspend"), ("frenar", "suspender"),
                 ("exceed", "superar"), ("praise", "elogiar"), ("elogiar", "alabar"), ("admit", "reconocer")):
        assert compatible_predicates(x, y), (x, y)
    for x, y in (("hire", "fire"), ("contratar", "despedir"), ("praise", "criticize"), ("elogiar", "criticar"),
                 ("refuse", "accept"), ("exceed", "fall"), ("superar", "caer")):
        assert not compatible_predicates(x, y), (x, y)


def test_different_agents_never_agree_however_alike():
    for a, b in ((SENT_EN, SENT_EN_2), (SENT_ES, SENT_ES_2), (PRAISED, SENT_ES), (HIRED, CONTRATO)):
        other = Claim(id=b.id, text=b.text, article=b.article, subject="ent_other", predicate=b.predicate)
        assert rel(a, other) is None and not matched(a, other)
        same_text = Claim(id=b.id, text=a.text, article=b.article, subject="ent_other", predicate=a.predicate)
        assert rel(a, same_text) is None and not matched(a, same_text)


def test_the_encoder_never_decides_a_predicate():
    """"hired" / "fired": the encoder finds the clauses near-identical, the verbs share no class."""
    fired = cl("b1", HIRED.text.replace("hired", "fired"), "fire", subj="ent_min")
    assert rel(HIRED, fired) is None and not matched(HIRED, fired)
    despidio = cl("d1", CONTRATO.text.replace("contrató", "despidió"), "despedir", subj="ent_min")
    assert rel(CONTRATO, despidio) is None and not matched(CONTRATO, despidio)
    assert rel(HIRED, despidio) is None and not matched(HIRED, despidio)


def test_one_agent_and_a_shared_word_is_not_the_same_statement():
    """Same agent, same verb, a word in common, another deed: the encoder tells them apart."""
    a = cl("a1", "The governor sent two hundred soldiers to the border town after the riots", "send", subj="ent_gov")
    b = cl("b1", "The governor sent a letter to the senate about the harbour budget", "send", subj="ent_gov")
    assert not agree(a, b) and not matched(a, b)
    c = cl("d1", "El gobernador elogió a los diputados por aprobar el presupuesto del puerto", "elogiar",
           subj="ent_gov")
    assert not agree(SENT_ES, c) and not matched(SENT_ES, c)
    assert not agree(PRAISED, c) and not matched(PRAISED, c)


def test_reworded_statements_at_other_places_or_dates_do_not_agree():
    here = Claim(id="a1", text=HIRED.text, article="a", subject="ent_min", predicate="hire", place="ent_place_a")
    there = Claim(id="c1", text=CONTRATO.text, article="c", subject="ent_min", predicate="contratar",
                  place="ent_place_c")
    assert not agree(here, there) and not matched(here, there)
    assert not agree(cl("a1", SENT_EN.text, "dispatch", subj="ent_gov", time="2019"),
                     cl("b1", SENT_EN_2.text, "send", subj="ent_gov", time="2021"))


def test_without_the_encoder_a_rewording_needs_shared_wording(monkeypatch):
    import fuentes.corpus.claims as claims

    monkeypatch.setattr(claims, "clause_vector", lambda text: None)
    for a, b in ((SENT_EN, SENT_EN_2), (SENT_ES, SENT_ES_2), (PRAISED, SENT_ES), (HIRED, CONTRATO)):
        assert not agree(a, b)


NAMES = (("Rubén Rocha", "PERSON", "p1"), ("Rosa Icela Rodríguez", "PERSON", "p2"), ("Culiacán", "GPE", "g1"))
HIRED_TEXT = {
    "en": "In March 2024 Governor Rubén Rocha hired dozens of Cuban doctors for the clinics of Culiacán.",
    "en2": "Dozens of physicians from Cuba were recruited by Governor Rubén Rocha in March 2024 to staff health "
           "centres in Culiacán.",
    "es": "El gobernador Rubén Rocha contrató en marzo de 2024 a decenas de médicos cubanos para las clínicas de "
          "Culiacán.",
    "es2": "Decenas de médicos de Cuba fueron reclutados por el gobernador Rubén Rocha en marzo de 2024 para atender "
           "los consultorios de Culiacán.",
}


def pipeline_match(nlp, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Two one-sentence articles through the claims stage's extractor and the corpus matcher, their
    named entities one corpus entity per name."""
    from fuentes.extract.claims import extract_claims
    from tests.extract.fixtures_claims import mentions

    by_article = {}
    for art, (lang, text) in zip("ab", (first, second)):
        by_article[art] = extract_claims(text, nlp[lang](text), mentions(text, *NAMES), [], lang, art)
    entity_of = {(art, key): f"ent_{key}" for art in "ab" for _, _, key in NAMES}
    m = match_claims_detailed(by_article, {}, entity_of)
    return any(len(c.articles) == 2 for c in m.claims)


@pytest.mark.parametrize("first,second", [("en", "en2"), ("es", "es2"), ("en", "es"), ("es2", "en2")])
def test_one_agents_reworded_deed_matches_through_the_pipeline(nlp, first, second):
    lang = {"en": "en", "en2": "en", "es": "es", "es2": "es"}
    assert pipeline_match(nlp, (lang[first], HIRED_TEXT[first]), (lang[second], HIRED_TEXT[second]))


@pytest.mark.parametrize("lang,text,other", [
    ("en", HIRED_TEXT["en"], "In March 2024 Rosa Icela Rodríguez hired dozens of Cuban doctors for the clinics of "
                             "Culiacán."),
    ("es", HIRED_TEXT["es"], "Rosa Icela Rodríguez contrató en marzo de 2024 a decenas de médicos cubanos para las "
                             "clínicas de Culiacán."),
    ("en", HIRED_TEXT["en"], "In March 2024 Governor Rubén Rocha fired dozens of Cuban doctors from the clinics of "
                             "Culiacán."),
    ("es", HIRED_TEXT["es"], "El gobernador Rubén Rocha despidió en marzo de 2024 a decenas de médicos cubanos de las "
                             "clínicas de Culiacán."),
])
def test_another_agent_or_an_opposite_deed_never_matches_through_the_pipeline(nlp, lang, text, other):
    assert not pipeline_match(nlp, (lang, text), (lang, other))
