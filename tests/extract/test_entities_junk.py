"""Stage `entities`: page furniture, dates, stop words, glued words and legal forms, in English and
Spanish, on real spaCy models (each rule has a test in both languages)."""

from __future__ import annotations

import pytest

from fuentes.corpus.name_constraints import exonym_key
from fuentes.extract.aliases import lexicon, name_tokens
from fuentes.extract.entities import _legal_form, _not_a_name, _unglued
from tests.extract.test_entities_precision import names, run

pytestmark = pytest.mark.models


def every_name(entities) -> list[str]:
    return [a for e in entities for a in (e.name, *e.aliases)]


# ---- social handles, web addresses and page furniture ---------------------------------------

def test_spanish_social_handles_and_page_furniture_are_no_entities():
    body = ("La serie llega a la plataforma, anunció Netflix Latinoamérica (@NetflixLAT) el viernes. "
            "Síguenos en Twitter – @laopinionpr Facebook – @LaOpiniónPozaRica. "
            "Habilite JavaScript para ver los comentarios impulsados por Disqus.")
    _, entities = run(body, "es")
    found = every_name(entities)
    assert not any("@" in n or "NetflixLAT" in n or "laopinionpr" in n for n in found), found
    assert "Disqus" not in found and "JavaScript" not in found, found


def test_english_social_handles_and_page_furniture_are_no_entities():
    body = ("The show is coming, Netflix said on Friday (@NetflixUS). Follow Jane Roe on Twitter "
            "@janeroe_news and read more at www.example.com. Comments powered by Disqus.")
    _, entities = run(body, "en")
    found = every_name(entities)
    assert not any("@" in n or "janeroe" in n.casefold() or "www" in n for n in found), found
    assert "Disqus" not in found, found


# ---- legal forms make an organisation -----------------------------------------------------------

def test_legal_form_words():
    assert all(_legal_form(w) for w in ("LLC", "Inc.", "Inc", "S.A.", "C.V.", "Ltd", "GmbH", "Corp."))
    assert not any(_legal_form(w) for w in ("AG", "SA", "CV", "Jones", "Co"))


def test_spanish_legal_form_makes_an_organisation():
    body = ("La huelga de casi 2,000 mineros contra Asarco LLC, propiedad de Grupo México, cumplió once "
            "semanas. Asarco ha contratado esquiroles para reanudar la producción.")
    _, entities = run(body, "es")
    asarco = [e for e in entities if e.name.startswith("Asarco")]
    assert asarco and all(e.kind == "organization" for e in asarco), names(entities)


def test_english_legal_form_makes_an_organisation():
    body = "Workers at Marlow Fenwick LLC walked out on Monday, and the union said Marlow Fenwick LLC refused to talk."
    _, entities = run(body, "en")
    found = names(entities)
    assert found.get("Marlow Fenwick LLC") == "organization", found


# ---- months, weekdays and named dates -----------------------------------------------------------

def test_month_names_and_holidays_are_no_names_in_both_languages():
    es, en = lexicon("es"), lexicon("en")
    assert _not_a_name("December", [], "MISC", es) and _not_a_name("Diciembre", [], "MISC", es)
    assert _not_a_name("Año Nuevo", [], "LOC", es) and _not_a_name("Día de Muertos", [], "MISC", es)
    assert _not_a_name("New Year's Eve", [], "EVENT", en) and _not_a_name("Labor Day", [], "EVENT", en)
    assert not _not_a_name("Puerto Rico", [], "LOC", es) and not _not_a_name("May", [], "PERSON", en)


def test_spanish_month_and_new_year_in_text():
    body = ("Netflix Latinoamérica lo anunció el 27 de diciembre (December 27, 2019). Los vecinos de "
            "Puerto Rico celebraron el Año Nuevo con linternas, dijo la alcaldesa Carmen Yulín Cruz.")
    _, entities = run(body, "es")
    found = every_name(entities)
    assert "December" not in found and "Año Nuevo" not in found, found
    assert "Puerto Rico" in found, found


def test_english_holiday_in_text_is_no_entity():
    body = ("Fireworks lit Puerto Rico on New Year's Eve, and on Christmas the mayor, Carmen Cruz, "
            "thanked the workers.")
    _, entities = run(body, "en")
    found = every_name(entities)
    assert not any("New Year" in n or n == "Christmas" for n in found), found


# ---- one capitalised stop word ---------------------------------------------------------------

def test_spanish_capitalised_article_after_a_dateline_is_no_name():
    body = ("BERLÍN.- Un incendio en un zoológico del occidente de Alemania mató a 30 animales, informó "
            "la policía de Krefeld.")
    _, entities = run(body, "es")
    assert "Un" not in every_name(entities), names(entities)


def test_english_capitalised_stop_word_alone_is_no_name():
    lex = lexicon("en")
    from fuentes.nlp import load

    nlp, _ = load("en")
    tok = nlp("Whatever happens")[0]
    assert _not_a_name("Whatever", [tok], "ORG", lex)
    assert not _not_a_name("US", [nlp("US")[0]], "GPE", lex)
    nlp_es, _ = load("es")
    assert _not_a_name("Un", [nlp_es("Un incendio")[0]], "MISC", lexicon("es"))
    assert not _not_a_name("PAN", [nlp_es("PAN")[0]], "ORG", lexicon("es"))


# ---- words glued by a missing space ------------------------------------------------------------

def test_glued_words_are_split_in_both_languages():
    es, en = lexicon("es"), lexicon("en")
    assert _unglued(10, "2020.Barrios", es) == (15, "Barrios")
    assert _unglued(0, "Colombia.El", es) == (0, "Colombia")
    assert _unglued(0, "Ohio.The", en) == (0, "Ohio")
    assert _unglued(0, "EE.UU.", es) == (0, "EE.UU.") and _unglued(0, "U.S.", en) == (0, "U.S.")
    assert _unglued(0, "Dean de", es) == (0, "Dean") and _unglued(0, "Bank of", en) == (0, "Bank")


def test_spanish_glued_year_and_surname_in_text():
    body = ("Edith Barrios cenó con amigos el 31 de diciembre de 2020.Barrios fue trasladada al hospital "
            "municipal de Gaiman.")
    _, entities = run(body, "es")
    found = every_name(entities)
    assert not any(any(ch.isdigit() for ch in n) for n in found), found


def test_english_glued_sentence_in_text():
    body = "The storm reached Ohio on Monday.Officials in Columbus said Jane Roe would speak."
    _, entities = run(body, "en")
    found = every_name(entities)
    assert not any("." in n and "Officials" in n for n in found), found


# ---- plural demonyms -----------------------------------------------------------------------------

def test_spanish_plural_demonyms_are_no_places():
    body = ("Los Barranquilleros salieron a la calle y los Castellanomanchegos votaron el domingo en "
            "Toledo, dijo Emiliano García-Page.")
    _, entities = run(body, "es")
    found = every_name(entities)
    assert "Barranquilleros" not in found and "Castellanomanchegos" not in found, found
    assert "Toledo" in found, found


def test_english_plural_demonyms_are_attributes():
    body = "Texans and Californians voted on Tuesday in Austin, said Jane Roe."
    _, entities = run(body, "en")
    found = every_name(entities)
    assert "Texans" not in found and "Californians" not in found, found


# ---- acronyms however dotted join their expansion -----------------------------------------

def test_dotted_and_spaced_acronyms_share_the_exonym_key():
    key = exonym_key(name_tokens("Estados Unidos"))
    assert key is not None
    assert all(exonym_key(name_tokens(n)) == key for n in ("EE. UU.", "EE.UU.", "EEUU", "U.S.", "U. S.", "United States"))
    assert exonym_key(name_tokens("Reino Unido")) == exonym_key(name_tokens("U. K."))


def test_spanish_spaced_acronym_is_the_place():
    body = "Las solicitudes de desempleo de EE. UU. subieron en marzo, según el Departamento de Trabajo."
    _, entities = run(body, "es")
    eeuu = [e for e in entities if "EE" in e.name]
    assert eeuu and all(e.kind == "place" for e in eeuu), names(entities)


def test_english_spaced_acronym_is_the_place():
    body = "Jobless claims in the U. S. rose in March, the Labor Department said."
    _, entities = run(body, "en")
    us = [e for e in entities if e.name.replace(" ", "") == "U.S."]
    assert all(e.kind == "place" for e in us), names(entities)


# ---- a dash opens a sentence ---------------------------------------------------------------------

def test_spanish_article_after_a_dateline_dash_is_no_name():
    body = ("MINNEAPOLIS — El Acuerdo fue firmado el lunes por la alcaldesa Betsy Hodges. El acuerdo "
            "entra en vigor en marzo.")
    _, entities = run(body, "es")
    assert not any(n in ("El Acuerdo", "Acuerdo") for n in every_name(entities)), names(entities)


def test_a_free_standing_dash_opens_a_sentence_in_both_languages_but_a_hyphen_does_not():
    from fuentes.extract.aliases import opens_sentence
    from fuentes.nlp import load

    for language, text, word in (("en", "MINNEAPOLIS \u2014 Security was tight for Douglas Holtz-Eakin.", "Security"),
                                 ("es", "MINNEAPOLIS \u2014 El Acuerdo lo firm\u00f3 Douglas Holtz-Eakin.", "El")):
        nlp, _ = load(language)
        doc = nlp(text)
        at = {t.text: t.i for t in doc}
        assert opens_sentence(doc, at[word], dashes=True), language
        assert not opens_sentence(doc, at[word]), language  # where a name starts, a dash is no sentence end
        assert not opens_sentence(doc, at["Douglas"], dashes=True), language
        glued = [t.i for t in doc if t.i > 1 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
                 and not doc[t.i - 2].whitespace_]
        assert not any(opens_sentence(doc, i, dashes=True) for i in glued), [t.text for t in doc]


def test_spanish_photo_agency_word_leaves_a_name_and_dateline_in_capitals_is_cut():
    body = ("Getty Donald Trump habló el lunes en la Casa Blanca. Incendio en zoo de Alemania BERLÍN.- Un "
            "incendio mató a 30 animales, dijo Thomas Jansen.")
    _, entities = run(body, "es")
    found = every_name(entities)
    assert not any(n.startswith("Getty") or "Alemania BERLÍN" in n for n in found), found
    assert {e.kind for e in entities if e.name in ("Alemania", "BERLÍN")} <= {"place"}, names(entities)


def test_english_photo_agency_word_leaves_a_name_and_dateline_in_capitals_is_cut():
    body = ("Getty Donald Trump spoke on Monday at the White House. Fire at zoo in Germany BERLIN — A fire "
            "killed 30 animals, said Thomas Jansen.")
    _, entities = run(body, "en")
    found = every_name(entities)
    assert not any(n.startswith("Getty") or "Germany BERLIN" in n for n in found), found
    assert {e.kind for e in entities if e.name in ("Germany", "BERLIN")} <= {"place"}, names(entities)


def test_spanish_plural_demonym_read_as_a_person_is_an_attribute_but_a_surname_is_kept():
    body = "Los Coahuilenses acudieron a votar el domingo, dijo la diputada Rosa Cisneros. Cisneros no se rendirá."
    _, entities = run(body, "es")
    found = every_name(entities)
    assert "Coahuilenses" not in found, found
    assert any("Cisneros" in n for n in found), found


def test_english_person_read_as_an_organisation_is_a_person():
    body = ("One Republican presidential hopeful, Carly Fiorina, says she plans to watch the game. "
            "Fiorina said on Friday that Carly Fiorina would campaign in Iowa. Morgan Stanley said its profit rose.")
    _, entities = run(body, "en")
    found = names(entities)
    assert found.get("Carly Fiorina") == "person", found
    assert found.get("Morgan Stanley", "organization") == "organization", found


def test_spanish_person_read_as_an_organisation_is_a_person():
    from fuentes.extract.aliases import Cand
    from fuentes.extract.entities import _person_read_as_org

    es = lexicon("es")
    cands = [Cand(0, 13, "Carly Fiorina", "ORG", "ORG"), Cand(40, 47, "Fiorina", "ORG", "ORG"),
             Cand(60, 75, "Banco Santander", "ORG", "ORG"), Cand(80, 89, "Santander", "ORG", "ORG"),
             Cand(90, 104, "Morgan Stanley", "ORG", "ORG")]
    assert _person_read_as_org(cands, [0, 1], "Carly Fiorina", es)
    assert not _person_read_as_org(cands, [2, 3], "Banco Santander", es)
    assert not _person_read_as_org(cands, [4], "Morgan Stanley", es)


def test_share_button_runs_are_no_names_in_both_languages():
    es, en = lexicon("es"), lexicon("en")
    assert _not_a_name("Facebook Twitter Pinterest Linkedin Tumblr Correo", [], "MISC", es)
    assert _not_a_name("Compartir Tweet", [], "MISC", es)
    assert _not_a_name("Facebook Twitter Email", [], "ORG", en)
    assert not _not_a_name("Facebook", [], "ORG", en) and not _not_a_name("Facebook", [], "ORG", es)
