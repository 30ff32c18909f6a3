"""Stage `claims`: one statement per claim, never a fragment or the page's furniture (issue #17):
subjunctive clauses, relative clauses read with their noun, predicates that are no verb, verbless
pieces, furniture run into the text and lost line breaks (fictional people)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from fuentes.extract.claims import _Article, claim_lexicon, extract_claims
from tests.extract.test_claims import mentions_of

pytestmark = pytest.mark.models


def _claims(nlp, lang: str, body: str):
    mentions = sorted(mentions_of(body, "Rafael Quintero") + mentions_of(body, "Ana Berg", "e2"),
                      key=lambda m: m.start)
    return extract_claims(body, nlp[lang](body), mentions, [], lang, "a1")


def test_a_subjunctive_clause_is_no_claim(nlp):
    # Regression: "se cumplan los pronósticos en 2021" was a claim of its own (predicate "cumplir").
    body = ("Rafael Quintero ganará la carrera si se cumplen los pronósticos, y Ana Berg espera que se "
            "cumplan los pronósticos en 2021.")
    assert not [c for c in _claims(nlp, "es", body) if c.predicate == "cumplir"]


def test_a_forecast_in_the_subjunctive_stays_a_forecast(nlp):
    (claim,) = [c for c in _claims(nlp, "es", "Se prevé que las ventas de Acme suban 12 por ciento en marzo.")
                if "12" in c.text]
    assert claim.predicate == "subir" and claim.modality == "predicted"


@pytest.mark.parametrize("lang,body,opening", [
    ("es", "La policía detuvo ayer a Rafael Quintero, que dirigía la banda desde 2015.", "Rafael Quintero"),
    ("es", "El plan fue presentado por Rafael Quintero, que dirige la fundación desde 2015.", "Rafael Quintero"),
    ("en", "Police arrested Rafael Quintero yesterday, who had led the gang since 2015.", "who had led"),
])  # the English clause, apart from its noun, keeps its "who": a fragment of the sentence, subject Quintero
def test_a_relative_clause_is_a_statement_of_its_noun(nlp, lang, body, opening):
    # Regression: "por Rafael Quintero, que dirige la fundación" was a claim with no subject that
    # opened with the preposition.
    (led,) = [c for c in _claims(nlp, lang, body)
              if c.predicate == "lead" or c.text.startswith(("had led", "who had led"))]
    assert led.subject == "e1" and led.text.startswith(opening)


@pytest.mark.parametrize("lang,body", [
    ("es", "Rafael Quintero, a quien la policía detuvo en 2019, huyó de la cárcel."),
    ("en", "Rafael Quintero, whom police arrested in 2019, escaped from prison."),
])
def test_the_object_of_a_relative_clause_is_its_noun(nlp, lang, body):
    (caught,) = [c for c in _claims(nlp, lang, body) if c.predicate == "capture"]
    assert caught.object == "e1" and caught.subject == "desc:police"


@pytest.mark.parametrize("lang,body", [
    ("es", "Rafael Quintero ganó la carrera de Quito en 2020. Alrededor de 30 mil visitantes. Ana Berg llegó segunda."),
    ("en", "Rafael Quintero won the Quito race in 2020. Around 30,000 visitors. Ana Berg came second."),
])
def test_a_verbless_sentence_makes_no_value_claim(nlp, lang, body):
    claims = _claims(nlp, lang, body)
    assert claims and not [c for c in claims if "30" in c.text]


def test_a_predicate_must_be_a_verbs_lemma_where_the_language_marks_it():
    es = SimpleNamespace(lex=claim_lexicon("es"))
    assert _Article.verb_lemma(es, "dirigir") and _Article.verb_lemma(es, "huir")
    assert not _Article.verb_lemma(es, "billón") and not _Article.verb_lemma(es, "escoltado")
    assert not _Article.verb_lemma(es, "extienden")
    assert _Article.verb_lemma(SimpleNamespace(lex=claim_lexicon("en")), "air")  # English: no ending to ask for


@pytest.mark.parametrize("lang,body,furniture,first", [
    ("es", "Rafael Quintero ganó la carrera en 2019 Publicidad El equipo de Ana Berg celebró el título en Quito "
           "con 300 aficionados.", "Publicidad", "Rafael Quintero ganó la carrera en 2019"),
    ("en", "Rafael Quintero won the race in 2019 Advertisement The team of Ana Berg celebrated the title in Quito "
           "with 300 fans.", "Advertisement", "Rafael Quintero won the race in 2019"),
    ("es", "Rafael Quintero donó 5.000 dólares al club WhatsApp Facebook Twitter Pinterest Linkedin el equipo de "
           "Ana Berg ganó 300 partidos.", "Facebook", "Rafael Quintero donó 5.000 dólares al club"),
    ("en", "Rafael Quintero donated $5,000 to the club WhatsApp Facebook Twitter Pinterest Linkedin the team of "
           "Ana Berg won 300 games.", "Facebook", "Rafael Quintero donated $5,000 to the club"),
    ("es", "Rafael Quintero ganó la carrera de Quito en 2020 Síguenos en Instagram y entérate de las noticias de "
           "la semana.", "Síguenos", "Rafael Quintero ganó la carrera de Quito en 2020"),
])
def test_a_claim_never_spans_page_furniture(nlp, lang, body, furniture, first):
    # Regression: "Rafael Quintero ganó la carrera en 2019 Publicidad" and a share bar inside a claim.
    claims = _claims(nlp, lang, body)
    assert first in [c.text for c in claims]
    assert not [c for c in claims if furniture in c.text]


@pytest.mark.parametrize("lang,body", [
    ("es", "La policía pidió a quien tenga datos sobre Rafael Quintero llamar al 555-201-3344 antes del lunes."),
    ("en", "Police asked anyone with information about Rafael Quintero to call 555-201-3344 before Monday."),
])
def test_a_phone_number_is_no_figure_of_a_claim(nlp, lang, body):
    claims = _claims(nlp, lang, body)
    assert not [c for c in claims if "555" in c.text or c.values]
    assert not [c for c in claims if c.text.rstrip().endswith((" al", " to"))]


@pytest.mark.parametrize("lang,body,headline", [
    ("es", "Rafael Quintero gana la carrera de Quito  Rafael Quintero ganó el domingo la carrera de 10 kilómetros.",
     "Rafael Quintero gana la carrera de Quito"),
    ("en", "Rafael Quintero wins the Quito race  Rafael Quintero won the 10-kilometre race on Sunday.",
     "Rafael Quintero wins the Quito race"),
])
def test_a_run_of_spaces_before_a_capital_parts_claims_like_a_line_break(nlp, lang, body, headline):
    # Regression: a headline run into the first sentence (a page saved as one line) was one claim.
    claims = _claims(nlp, lang, body)
    assert headline in [c.text for c in claims]
    assert not [c for c in claims if "  " in c.text]


def test_a_double_space_after_a_function_word_parts_nothing(nlp):
    body = "Ana Berg said and did the same things as  Rafael Quintero in 2016."
    assert [c for c in _claims(nlp, "en", body) if "Rafael Quintero" in c.text and "2016" in c.text]


@pytest.mark.parametrize("lang,body,inner,sentences", [
    ("es", "\u00abEncontramos cuarenta fusiles en el cami\u00f3n. La banda operaba desde el puerto. \u00a1Qu\u00e9 "
           "verg\u00fcenza!\u00bb, dijo Ana Berg.",
     "Encontramos cuarenta fusiles en el cami\u00f3n. La banda operaba desde el puerto. \u00a1Qu\u00e9 verg\u00fcenza!",
     ["Encontramos cuarenta fusiles en el cami\u00f3n.", "La banda operaba desde el puerto."]),
    ("en", "\u201cWe found forty rifles in the truck. The gang ran it from the port. Who knew?\u201d said Ana Berg.",
     "We found forty rifles in the truck. The gang ran it from the port. Who knew?",
     ["We found forty rifles in the truck.", "The gang ran it from the port."]),
])
def test_each_sentence_of_a_quote_is_one_claim_of_its_speaker(nlp, lang, body, inner, sentences):
    # Regression: a quote of several sentences was one claim (never atomic); its question and its
    # exclamation stay out.
    from fuentes.extract.claims import atomic_reason
    from fuentes.model import Quote

    start = body.index(inner)
    quote = Quote(id="q1", article="a1", text=inner, start=start, end=start + len(inner), direct=True,
                  speaker_name="Ana Berg", speaker="e2")
    mentions = mentions_of(body, "Ana Berg", "e2")
    said = [c for c in extract_claims(body, nlp[lang](body), mentions, [quote], lang, "a1") if c.predicate == "say"]
    assert [c.text for c in said] == sentences
    assert all(c.speaker == "e2" and body[c.start:c.end] == c.text and atomic_reason(c) is None for c in said)


@pytest.mark.parametrize("lang,body", [
    ("es", "Tener un aumento del 7% en 2020. Rafael Quintero ganó la carrera en 2020."),
    ("en", "Waving the flag for 30 years in Quito. Rafael Quintero won the race in 2020."),
])
def test_a_sentence_whose_main_verb_is_not_finite_is_no_claim(nlp, lang, body):
    # Regression: a heading with an infinitive or a gerund ("Tener un aumento del 7%.") was a value claim.
    claims = _claims(nlp, lang, body)
    assert [c.text for c in claims] == [body.split(". ", 1)[1]]


def test_a_participle_heading_still_tells_a_deed(nlp):
    claims = _claims(nlp, "es", "Detenido Rafael Quintero en Quito con 40 fusiles.")
    assert [c.predicate for c in claims] == ["capture"]


def test_hace_with_a_stretch_of_time_dates_its_clause(nlp):
    # Regression: "hace más de seis meses" ("six months ago") was a claim of its own, predicate "hacer".
    claims = _claims(nlp, "es", "Rafael Quintero llegó a Quito hace más de seis meses.")
    assert [(c.predicate, c.subject, [v.text for v in c.values]) for c in claims] == \
        [("llegar", "e1", ["más de seis meses"])]


@pytest.mark.parametrize("lang,body", [
    ("es", "Rafael Quintero llegó a Quito el lunes. Visitó el puerto de Manta y compartió 40 videos del acto con "
           "la prensa."),
    ("en", "Rafael Quintero arrived in Quito on Monday. He visited the port of Manta and shared 40 videos of the "
           "event with the press."),
])
def test_a_verb_coordinated_with_a_dropped_subject_shares_it(nlp, lang, body):
    (shared,) = [c for c in _claims(nlp, lang, body) if "40" in c.text]
    assert shared.subject == "e1"


def test_a_headline_run_into_the_first_sentence_is_a_claim_apart(nlp):
    # Regression: "... línea plana El corredor ... ganó" (a page saved as one line) was one claim.
    body = ("Rafael Quintero opera cerca de la línea plana El corredor Rafael Quintero ganó el domingo la carrera "
            "de 10 kilómetros.")
    assert "Rafael Quintero opera cerca de la línea plana" in [c.text for c in _claims(nlp, "es", body)]


@pytest.mark.parametrize("lang,body", [
    ("es", "Los miembros del cártel Los Zetas detuvieron a Rafael Quintero con 40 fusiles."),
    ("es", "Rafael Quintero llegó a El Paso el domingo con 40 corredores."),
    ("en", "Rafael Quintero read The Times on Sunday with 40 runners."),
])
def test_a_capitalised_article_inside_a_name_parts_nothing(nlp, lang, body):
    claims = _claims(nlp, lang, body)
    assert [c.text for c in claims if "40" in c.text] == [body]


def test_a_clause_framed_by_a_clausal_subject_is_the_claim(nlp):
    # Regression: "Cabe mencionar que ..." made a claim "caber" holding every figure of the sentence.
    claims = _claims(nlp, "es", "Cabe mencionar que desde 2018 Rafael Quintero ganó 40 carreras en Quito.")
    assert [(c.predicate, c.subject) for c in claims] == [("win", "e1")]


def test_a_figure_of_nobody_makes_no_value_claim(nlp):
    # Regression: "Fue su gol número 20 esta temporada." (no subject, nothing named) was a claim.
    assert not [c for c in _claims(nlp, "es", "El partido terminó tarde. Fue su gol número 20 esta temporada.")
                if "20" in c.text]
    (scored,) = [c for c in _claims(nlp, "es", "El partido terminó tarde. Rafael Quintero marcó su gol número 20 "
                                               "esta temporada.") if "20" in c.text]
    assert scored.subject == "e1"
