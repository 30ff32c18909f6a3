"""Name rules of fuentes.extract.aliases, on hand-written names and phrases (no model), and its linking
steps on real model Docs whose named spans each test sets itself."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("text", [
    'asking him to attack Hillary Vance.\n\n"His behavior was deplorable," Sanders said of Bill Vance.',
    'Nadie quiso hablar con Ana Ruiz. "Es un desastre" Salas respondió en la radio.',
    'He met Marcos "who knows," Ibarra said.',
])
def test_a_quote_between_two_names_is_no_nickname(text):
    """A nickname sits inside one name on one line; a sentence end or a line break before the
    quote, or a quote ending in punctuation, makes it a quote between two people."""
    assert QUOTED_NICK.search(text) is None


def test_nicknames_after_initials_and_titles():
    for text, parts in [('Dr. Juan "El Doctor" Pérez', ("Dr. Juan", "El Doctor", "Pérez")),
                        ('J. "Bud" Smith', ("J.", "Bud", "Smith")),
                        ("Nemesio Oseguera \u201cEl Mencho\u201d Cervantes", ("Nemesio Oseguera", "El Mencho", "Cervantes"))]:
        m = QUOTED_NICK.search(text)
        assert (m["first"].strip(), m["nick"], m["last"]) == parts


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


def test_the_next_titled_name_of_a_list_is_no_role():
    """"Senator Cruz, Governor Kasich, Governor Christie": what follows a name after a comma is the
    next person of the list when a title is followed by names only; a role keeps its own words."""
    assert appositive_role(", Governor Kasich, Governor Christie, Senator Rubio", EN) is None
    assert appositive_role(", Representative James E. Rogan, Republican of California", EN) is None
    assert appositive_role(", el gobernador Kasich, el senador Rubio y otros", ES) is None
    assert appositive_role(", la senadora Lilly Téllez, dijo", ES) is None
    assert appositive_role(", a former governor of Florida, said", EN) == "former governor of Florida"
    assert appositive_role(", Former President, said", EN) == "Former President"
    assert appositive_role(", ministro de Defensa, dijo", ES) == "ministro de Defensa"
    assert appositive_role(", presidente del Gobierno de España, dijo", ES) == "presidente del Gobierno de España"


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
    # no slash, no credit: "Photo: Jane Roe" and "(Foto de Juana Pérez)" name no credited side
    assert names("Photo: Jane Roe (AP Photo)") == [] and names("(Foto de Juana Pérez) Foto: Juana Pérez", ES) == []


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


# ---- linking on real model Docs (named spans set by each test) ------------------------------

def _entities(nlp, language: str, text: str, spans: list[tuple[str, str]]):
    from fuentes.extract.entities import extract
    from tests.extract.fixtures_entities import tagged

    if nlp is None:
        pytest.skip("no models")
    _, entities = extract(tagged(nlp[language], text, spans), language)
    return entities


def _evidence(text: str, entity) -> list[str]:
    return [text[ev.start:ev.end] for ev in entity.evidence]


def _by_name(entities, name: str):
    return next(e for e in entities if e.name == name)



@pytest.mark.models
@pytest.mark.parametrize("language,text", [
    ("en", "Singapore Airlines (SIA) said on Tuesday the delays were disappointing. In a statement, SIA said it would seek damages."),
    ("es", "Singapore Airlines (SIA) dijo el martes que los retrasos eran decepcionantes. En una declaración, SIA dijo que pediría daños."),
])
def test_a_parenthesised_acronym_written_again_is_the_name(language, text, nlp):
    entities = _entities(nlp, language, text, [("Singapore Airlines", "ORG")])
    assert _evidence(text, _by_name(entities, "Singapore Airlines")).count("SIA") == 2


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,together,apart", [
    ("en", "The NPD Group said sales rose. NPD said that the EU Commission and the EU agreed.",
     [("NPD Group", "ORG"), ("NPD", "ORG"), ("EU Commission", "ORG"), ("EU", "ORG")], ("NPD Group", "NPD"), ("EU Commission", "EU")),
    ("es", "Grupo ICA ganó el contrato. ICA dijo que la UE y el Consejo UE firmaron.",
     [("Grupo ICA", "ORG"), ("ICA", "ORG"), ("UE", "ORG"), ("Consejo UE", "ORG")], ("Grupo ICA", "ICA"), ("Consejo UE", "UE")),
])
def test_an_acronym_beside_generic_words_is_that_organisation(language, text, spans, together, apart, nlp):
    entities = _entities(nlp, language, text, spans)

    def holders(alias: str) -> set[str]:
        return {e.id for e in entities if alias in e.aliases}

    assert holders(together[0]) == holders(together[1])
    assert holders(apart[0]) != holders(apart[1])  # 'EU' names a body of its own (exonym table)


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,long,short", [
    ("en", "General Motors unveiled the Chevrolet Volt on Monday. Buyers said the Volt is quiet.",
     [("General Motors", "ORG"), ("Chevrolet Volt", "PRODUCT"), ("Volt", "PRODUCT")], "Chevrolet Volt", "Volt"),
    ("es", "Qantas recibió su primer Airbus A380 el lunes. Según Qantas, el A380 es el mayor avión de pasajeros.",
     [("Qantas", "ORG"), ("Airbus A380", "MISC"), ("Qantas", "ORG"), ("A380", "MISC")], "Airbus A380", "A380"),
])
def test_a_product_named_without_its_maker_is_the_product(language, text, spans, long, short, nlp):
    entities = _entities(nlp, language, text, spans)
    assert {long, short} <= set(_by_name(entities, long).aliases), [(e.name, e.aliases) for e in entities]


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,person,span,org", [
    ("en", "Apple CEO Steve Jobs gave a keynote on Monday.", [("Apple", "ORG"), ("Steve Jobs", "PERSON")],
     "Steve Jobs", "Apple CEO", "Apple"),
    ("en", "GM Chairman and CEO Rick Wagoner said GM would survive.", [("GM", "ORG"), ("Rick Wagoner", "PERSON"), ("GM", "ORG")],
     "Rick Wagoner", "GM Chairman and CEO", "GM"),
    ("es", "Steve Jobs, CEO de Apple, habló el lunes.", [("Steve Jobs", "PER"), ("Apple", "ORG")],
     "Steve Jobs", "CEO de Apple", "Apple"),
    ("es", "Scott Carson, vicepresidente ejecutivo de Boeing, dijo que sí.", [("Scott Carson", "PER"), ("Boeing", "ORG")],
     "Scott Carson", "vicepresidente ejecutivo de Boeing", "Boeing"),
])
def test_a_title_before_a_name_and_an_apposition_are_evidence_of_the_person(language, text, spans, person, span, org, nlp):
    spans = [(s, {"PER": "PERSON"}.get(label, label)) for s, label in spans]
    entities = _entities(nlp, language, text, spans)
    assert span in _evidence(text, _by_name(entities, person))
    assert set(_evidence(text, _by_name(entities, org))) == {org}  # the company keeps its own spans


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,product,both", [
    ("en", "The Airbus A380 landed in Sydney. Airbus said the A380 was on time.",
     [("Airbus", "ORG"), ("A380", "PRODUCT"), ("Sydney", "GPE"), ("Airbus", "ORG"), ("A380", "PRODUCT")], "A380", "Airbus A380"),
    ("es", "El Airbus A380 aterrizó en Sídney. Airbus dijo que el A380 llegó a tiempo.",
     [("Airbus", "ORG"), ("A380", "MISC"), ("Sídney", "LOC"), ("Airbus", "ORG"), ("A380", "MISC")], "A380", "Airbus A380"),
])
def test_a_product_tagged_apart_from_its_maker_is_named_with_it(language, text, spans, product, both, nlp):
    entities = _entities(nlp, language, text, spans)
    assert both in _by_name(entities, product).aliases and both in _evidence(text, _by_name(entities, product))
    assert set(_evidence(text, _by_name(entities, "Airbus"))) == {"Airbus"}


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans,person", [
    ("es", "Tim Cook, sucederá a Jobs como CEO.", [("Tim Cook", "PERSON"), ("Jobs", "PERSON")], "Tim Cook"),
    ("en", "Mr. Lee Hsien Loong spoke. Scott Carson, president and CEO of Boeing said it was fine.",
     [("Lee Hsien Loong", "PERSON"), ("Scott Carson", "PERSON"), ("Boeing", "ORG")], "Scott Carson"),
])
def test_a_courtesy_title_and_an_unclosed_apposition_are_no_evidence_spans(language, text, spans, person, nlp):
    entities = _entities(nlp, language, text, spans)
    people = [e for e in entities if e.kind == "person"]
    assert all(set(_evidence(text, e)) <= set(e.aliases) for e in people), [(e.name, _evidence(text, e)) for e in people]


@pytest.mark.models
@pytest.mark.parametrize("language,text,spans", [
    # the model left the acronym untagged
    ("es", "Singapore Airlines recibió el avión con retraso. En una declaración, SIA dijo que los retrasos son "
           "decepcionantes.", [("Singapore Airlines", "ORG")]),
    ("en", "Singapore Airlines took the plane late. In a statement, SIA said the delays were disappointing.",
     [("Singapore Airlines", "ORG")]),
    # the model tagged it on its own
    ("en", "Singapore Airlines took the plane late. In a statement, SIA said the delays were disappointing.",
     [("Singapore Airlines", "ORG"), ("SIA", "ORG")]),
    ("es", "Singapore Airlines recibió el avión con retraso. En una declaración, SIA dijo que los retrasos son "
           "decepcionantes.", [("Singapore Airlines", "ORG"), ("SIA", "ORG")]),
])
def test_an_acronym_spelt_by_the_beginnings_of_an_organisations_words_is_it(language, text, spans, nlp):
    entities = _entities(nlp, language, text, spans)
    org = _by_name(entities, "Singapore Airlines")
    assert "SIA" in org.aliases and "SIA" in _evidence(text, org), [(e.name, e.aliases) for e in entities]
