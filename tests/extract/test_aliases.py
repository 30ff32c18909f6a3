"""Name rules of fuentes.extract.aliases, on hand-written names and phrases (no model)."""

from __future__ import annotations

from fuentes.extract.aliases import (QUOTED_NICK, acronym_of, appositive_role, cue_pattern, fold, lexicon,
                                     name_tokens, org_variant, party_role, person_keys, same_person_name,
                                     title_before)

EN, ES = lexicon("en"), lexicon("es")


def test_name_tokens_fold_accents_determiner_and_possessive():
    assert name_tokens("the Times", EN) == ("times",)
    assert name_tokens("Gómez Ruiz\u2019s") == ("gomez", "ruiz")
    assert fold("Rubén") == "ruben"


def test_same_person_name_needs_order_and_shared_surname():
    long = name_tokens("Marcos Iván Ibarra Sotelo")
    assert same_person_name(name_tokens("Marcos Ibarra Sotelo"), long)
    assert same_person_name(name_tokens("Ibarra Sotelo"), long)
    assert same_person_name(name_tokens("Marcos Ibarra"), long)  # first name + paternal surname
    assert not same_person_name(name_tokens("Lucía Ibarra Sotelo"), long)
    assert not same_person_name(name_tokens("Sotelo Ibarra"), long)
    assert not same_person_name(name_tokens("Ibarra"), long)  # one word is a key, not a full name


def test_person_keys_cover_compound_and_paternal_surnames():
    strong, weak = person_keys(name_tokens("Daniel Ortega Ruiz"))
    assert {("ortega",), ("ruiz",), ("ortega", "ruiz")} <= strong
    assert weak == {("daniel",)}
    strong, _ = person_keys(name_tokens("J. Smith"))
    assert ("j",) not in strong and ("smith",) in strong


def test_acronyms_in_order_and_translated():
    stop = EN.acronym_stopwords
    assert acronym_of("CIA", name_tokens("Central Intelligence Agency"), stop)
    assert acronym_of("FPMR", name_tokens("Frente Patriótico Manuel Rodríguez"), stop)
    assert acronym_of("CSA", name_tokens("Sierra Alta Cartel"), stop)  # Spanish order kept in English
    assert not acronym_of("FBI", name_tokens("Central Intelligence Agency"), stop)
    assert not acronym_of("US", name_tokens("Sierra Alta Cartel"), stop)


def test_acronyms_spelt_by_the_beginnings_of_the_words():
    from fuentes.extract.names import prefix_acronym

    assert prefix_acronym("SIA", name_tokens("Singapore Airlines"), EN.acronym_stopwords)
    assert prefix_acronym("ANAC", name_tokens("Agencia Nacional de Aviación Civil"), ES.acronym_stopwords)
    assert prefix_acronym("PEMEX", name_tokens("Petróleos Mexicanos"), ES.acronym_stopwords)
    assert not prefix_acronym("US", name_tokens("Doug Flach"), EN.acronym_stopwords)
    assert not prefix_acronym("SA", name_tokens("Singapore"), EN.acronym_stopwords)  # one word is no name to spell
    assert not prefix_acronym("SIAX", name_tokens("Singapore Airlines"), EN.acronym_stopwords)  # a letter left over
    assert not prefix_acronym("AS", name_tokens("Singapore Airlines"), EN.acronym_stopwords)  # out of order


def test_org_variants_are_prefix_or_suffix_not_generic_words():
    long = name_tokens("the Daily Harbor Times", EN)
    assert org_variant(name_tokens("the Times", EN), long, EN)
    assert org_variant(name_tokens("Daily Harbor"), long, EN)
    assert not org_variant(name_tokens("Harbor"), long, EN)
    assert not org_variant(("cartel",), name_tokens("Sierra Alta Cartel"), EN)


def test_nickname_patterns():
    m = QUOTED_NICK.search('The arrest of Marcos "El Gato" Ibarra Sotelo surprised many.')
    assert (m["first"].strip(), m["nick"], m["last"]) == ("Marcos", "El Gato", "Ibarra Sotelo")
    after = ", known as El Gato, ran the group"
    assert cue_pattern(EN.nickname_cues).match(after)["name"] == "El Gato"
    assert cue_pattern(ES.nickname_cues).match(", alias 'El Tigre', fue detenido")["name"] == "El Tigre"
    assert cue_pattern(ES.nickname_cues).match(" apodado El Flaco")["name"] == "El Flaco"


def test_roles_titles_and_parties():
    assert appositive_role(", a Mexican security analyst who studies gangs, said", EN) == "Mexican security analyst"
    assert appositive_role(", director of Andes at the Pacific Policy Forum, told", EN) == \
        "director of Andes at the Pacific Policy Forum"
    assert appositive_role(", cutting off one head of the group, said", EN) is None
    assert appositive_role(", Peru and Chile", EN) is None
    assert party_role(", R-Ohio, said", EN) == "Republican, Ohio"
    assert title_before("met with Sen.".split(), EN) == (1, "Senator")
    assert title_before("said Prime Minister".split(), EN) == (2, "Prime Minister")
    assert title_before("según la presidenta".split(), ES) == (1, "Presidenta")
    assert title_before("the drug".split(), EN) is None


def test_untagged_run_keeps_only_the_part_that_names_the_person():
    """'Sergeant-at-Arms Kevin Marsh' untagged by the model: the person is Kevin Marsh."""
    import pytest

    spacy = pytest.importorskip("spacy")
    from fuentes.extract.alias_people import _untagged_run

    sdoc = spacy.blank("en")("The speaker follows Sergeant-at-Arms Kevin Marsh inside.")
    run = [t for t in sdoc if t.text in ("Arms", "Kevin", "Marsh")]
    cands: list = []
    _untagged_run(sdoc, sdoc.text, run, {("kevin", "marsh"): 0}, cands, {}, lexicon("en"))
    assert [(c.text, c.person) for c in cands] == [("Kevin Marsh", 0)]


def test_invisible_characters_do_not_change_a_name():
    from fuentes.extract.aliases import clean_surface

    assert fold("Traeger\u200b") == fold("Traeger") == "traeger"
    assert fold("Ana\u00adMar\u00eda") == "anamaria"  # soft hyphen
    assert clean_surface("\u200bJeff Traeger\u200b") == "Jeff Traeger"
    assert name_tokens("Traeger\u200b") == ("traeger",)


def test_acronym_table_per_language():
    assert EN.acronyms["cia"] == "Central Intelligence Agency"
    assert ES.acronyms["cia"] == "Agencia Central de Inteligencia"
    assert EN.acronyms["cjng"] == "Jalisco New Generation Cartel"
    assert "xyz" not in EN.acronyms


def test_untagged_run_takes_in_the_given_name_before_a_known_surname():
    """'Omar García Harfuch' untagged, 'García Harfuch' known: the given name belongs to it."""
    import pytest

    spacy = pytest.importorskip("spacy")
    from fuentes.extract.alias_people import _untagged_run

    sdoc = spacy.blank("en")("In June, Omar García Harfuch survived an attack.")
    run = [t for t in sdoc if t.text in ("Omar", "García", "Harfuch")]
    cands: list = []
    _untagged_run(sdoc, sdoc.text, run, {("garcia", "harfuch"): 0}, cands, {}, lexicon("en"))
    assert [(c.text, c.person) for c in cands] == [("Omar García Harfuch", 0)]


def test_photo_credits_find_the_person_side():
    from fuentes.extract.entities import photo_credits

    def names(text, lex=EN):
        return [text[c.start:c.end] for c in photo_credits(text, lex)]

    assert names("A car burns.(Jane Roe/The Daily Planet)") == ["Jane Roe"]
    assert names("( J.P. DOE / For The Daily Planet )") == ["J.P. DOE"]
    assert names("(AP Photo/Evan Brock)") == ["Evan Brock"]
    assert names("(THE CANADIAN PRESS/Sean Kell)") == ["Sean Kell"]
    assert names("Photo: Jane Roe / Reuters") == ["Jane Roe"]
    assert names("Foto: Juana Pérez/Cuartoscuro", ES) == ["Juana Pérez"]
    assert names("(Reuters/AP)") == [] and names("(1/2)") == [] and names("the (left/right) wing") == []


def test_a_title_may_open_a_quotation_but_not_sit_across_one():
    assert title_before(["told", "\u201cMayor"], EN) == (1, "Mayor")
    assert title_before(["(Sen."], EN) == (1, "Senator")
    assert title_before(["said", "Prime", "\u201cMinister"], EN) == (1, "Minister")  # the quote splits them
    assert title_before(["said", "\u201cPrime", "Minister"], EN) == (2, "Prime Minister")


def test_a_word_that_alone_names_an_institution_is_short_only_for_that_institution_of_a_place():
    from fuentes.extract.aliases import _institution_of_place

    assert _institution_of_place(("house",), ("u.s", "house"), EN)
    assert not _institution_of_place(("house",), ("white", "house"), EN)  # the House is not the White House
    assert _institution_of_place(("times",), ("new", "york", "times"), EN)  # no institution word: the usual rule
    assert _institution_of_place(("senado",), ("senado", "de", "mexico"), ES)
    assert not _institution_of_place(("congreso",), ("congreso", "nacional", "indigena"), ES)
