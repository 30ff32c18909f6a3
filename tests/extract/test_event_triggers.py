"""Event triggers (real spaCy models, English and Spanish): the precompiled start check finds
what trying every phrase at every token finds, and skips the tokens that begin no phrase."""

from __future__ import annotations

import pytest

from fuentes.extract import event_triggers as triggers
from fuentes.extract.event_triggers import find_triggers, lexicon

pytestmark = pytest.mark.models

EN = [
    "Soldiers arrested Juan Carlos Mendoza, a cartel financier, in Culiacán on Tuesday.",
    "Gunmen opened fire on a bus and took out two guards; a shoot-out followed near the market.",
    "Killing a cartel leader rarely brings peace. Attacks continued after the assassination attempt.",
    "KIDNAPPED: the mayor was abducted by armed men, police said. The army retook the town.",
    "Protesters blocked the highway and clashed with riot police; a car bomb exploded later.",
    "The March on Washington drew thousands. Strike Force officers seized 300 kilos of cocaine.",
    "He may attack again, officials warned, but they did not arrest anyone for the fighting.",
]
ES = [
    "El domingo, hombres armados asesinaron al alcalde Ramiro López Díaz en Uruapan.",
    "La Secretaría de Marina decomisó el año pasado 300 kilos de cocaína en Manzanillo.",
    "Los sicarios abrieron fuego contra los policías y se enfrentaron durante dos horas.",
    "Tres reos lograron fugarse del penal; el Ejército detuvo a dos de ellos.",
    "SECUESTRAN a un empresario en Monterrey. El ataque dejó cinco muertos y un herido.",
    "Un enfrentamiento armado entre soldados y delincuentes dejó tres detenidos.",
]


def every_phrase_at_every_token(sdoc, lex):
    """The trigger search without any index or prefilter: each token against every phrase."""
    used: set[int] = set()
    found = []
    ranked = [(*p, n) for n, p in enumerate(lex.phrases)]
    for i, tok in enumerate(sdoc):
        if i in used:
            continue
        forms = triggers._forms(tok) | lex.guesses(tok.lower_)  # the tagger's lemma, or a regular form's
        for words, etype, pos, _ in [p for p in ranked if p[0][0] in forms]:
            if len(words) == 1 and not triggers._pos_ok(tok, pos):
                continue
            end = triggers._match_rest(sdoc, i, words[1:], pos)
            if end is None:
                continue
            if len(words) > 1 and not any(triggers._pos_ok(sdoc[j], pos) for j in range(i, end + 1)):
                continue
            if pos == "verb" and not triggers._own_particles(tok, words):
                continue
            if pos == "verb" and not triggers._object_ok(tok, lex, " ".join(words)):
                continue
            if pos == "noun" and len(words) == 1 and triggers._proper_name(tok):
                continue
            span = list(range(i, end + 1))
            if any(j in used for j in span):
                continue
            used.update(span)
            found.append((i, tok.idx, sdoc[end].idx + len(sdoc[end].text), etype, pos))
            break
    return found


@pytest.mark.parametrize("language,texts", [("en", EN), ("es", ES)])
def test_the_start_check_finds_what_trying_every_phrase_finds(nlp, language, texts):
    lex = lexicon(language)
    total = 0
    for sdoc in nlp[language].pipe(texts + [" ".join(texts), " ".join(texts).upper()]):
        fast = [(sdoc[start_tok(sdoc, s)].i, s, e, etype, pos) for _, s, e, etype, pos in find_triggers(sdoc, lex)]
        assert fast == every_phrase_at_every_token(sdoc, lex), sdoc.text
        total += len(fast)
    assert total >= 3 * len(texts)


def start_tok(sdoc, start: int) -> int:
    return next(t.i for t in sdoc if t.idx == start)


@pytest.mark.parametrize("language", ["en", "es"])
def test_only_tokens_that_begin_a_phrase_are_looked_at(nlp, language, monkeypatch):
    lex = lexicon(language)
    text = {"en": "The committee met on Monday to discuss the budget. Soldiers arrested two men.",
            "es": "El comité habló el lunes del presupuesto de la ciudad. Soldados detuvieron a dos hombres."}
    sdoc = nlp[language](text[language])
    looked: list[int] = []
    real = triggers._pos_ok
    monkeypatch.setattr(triggers, "_pos_ok", lambda tok, pos: looked.append(tok.i) or real(tok, pos))
    found = find_triggers(sdoc, lex)
    assert [etype for *_, etype, _ in found] == ["arrest"]
    arrest = next(t.i for t in sdoc if t.lower_ in ("arrested", "detuvieron"))
    begin = {t.i for t in sdoc if lex.starting(t.lower_) or lex.starting(t.lemma_.lower())}
    assert arrest in set(looked) <= begin  # no word that begins no trigger phrase was looked at
    assert len(set(looked)) <= 2  # of 15 words or more


def test_a_lemma_is_matched_lowered_whatever_its_case(nlp):
    # a lemma that keeps a capital ("Kill" for "KILLED") begins a phrase once lowered; its
    # hash is not the lowered word's, so the start check must lower it too
    from spacy.tokens import Doc

    for language, words, lemmas in (("en", ["Gunmen", "KILLED", "him"], ["gunman", "Kill", "he"]),
                                    ("es", ["Sicarios", "ASESINARON", "al", "alcalde"],
                                     ["sicario", "Asesinar", "al", "alcalde"])):
        sdoc = Doc(nlp[language].vocab, words=words, lemmas=lemmas, pos=["NOUN", "VERB", "ADP", "NOUN"][:len(words)])
        found = find_triggers(sdoc, lexicon(language))
        assert [(s, etype) for _, s, _, etype, _ in found] == [(sdoc[1].idx, "killing")]
        assert [f[1:] for f in found] == [f[1:] for f in every_phrase_at_every_token(sdoc, lexicon(language))]


def _guesses_by_every_ending(lex, form: str) -> frozenset[str]:
    """`Lexicon.guesses` spelled out: every ending of the data tried on the form."""
    firsts = {p[0][0] for p in lex.phrases}
    out = set()
    for infinitive, endings in (lex.data.get("verb_endings") or {}).items():
        for e in map(str, endings or []):
            if form.endswith(e) and len(form) > len(e) + 1 and form[:-len(e)] + str(infinitive) in firsts:
                out.add(form[:-len(e)] + str(infinitive))
    for e, repl in (lex.data.get("plural_endings") or {}).items():
        e, repl = str(e), str(repl or "")
        if form.endswith(e) and len(form) > len(e) + 2 and form[:-len(e)] + repl in firsts:
            out.add(form[:-len(e)] + repl)
    return frozenset(out - {form})


@pytest.mark.parametrize("language,forms", [
    ("es", ["aprehendieron", "detenciones", "secuestraron", "asesinaron", "ejecutaban", "balacearon", "es", "a",
            "enfrentamientos", "capturaron", "emboscadas", "atacaron", "casa"]),
    ("en", ["killings", "attacked", "raids", "x", ""]),
])
def test_guesses_are_every_ending_that_fits(language, forms):
    lex = triggers.lexicon(language)
    for form in forms:
        assert lex.guesses(form) == _guesses_by_every_ending(lex, form), form
    if language == "es":
        assert lex.guesses("aprehendieron") and lex.guesses("detenciones")
