"""Stage `entities`: the article's named mentions, relabelled where the model errs, and the
local entities they refer to.

Reads the spaCy Doc (`nlp` layer) and writes:
  mentions  list[Mention]: char spans of the body; `label` in spaCy's OntoNotes style
            (PERSON, ORG, GPE, LOC, FAC, NORP, ...). Spanish pipelines emit PER/LOC/ORG/MISC;
            those are mapped to PERSON/LOC/ORG/MISC. Dates, numbers and amounts are not
            mentions (other stages read them).
  entities  list[Entity]: id = local key ("e1", "e2", ... in order of first mention), name =
            the fullest name, every surface form as an alias (nicknames and acronyms too),
            roles from titles and appositives, one Evidence per mention.

What it fixes, generally (see fuentes.extract.aliases for the name rules):
  - a bare surname tagged ORG/GPE/NORP is linked to the full PERSON name that carries it;
    every occurrence of one surface form then takes the label of its entity;
  - nicknames (quoted inside a name, after "known as"/"alias", before "whose real name was",
    or an "El X" form acting as a person) become PERSON aliases of the person;
  - acronyms link to the names whose initials they are; short organisation names link to the
    long form; "Sinaloa cartel" becomes one ORG span; spans without a capital letter are junk;
  - words that are no names: verb forms (Spanish gerunds, imperatives with a pronoun,
    participles opening a sentence), a word heading a phrase after an indefinite article ("una
    Mype"), roles ("Gobernadora del Valle", "Minister of Finance", "... Juez Primero"),
    directions ("the West"), sections and sports ("SOCCER"), acronyms of common nouns ("PAC",
    "PIB"), spans cut inside a word; a bare "Gobierno" joins the article's longer name for it or
    makes no entity;
  - kinds: teams in results, fixtures and standings lines; people listed by initial ("D. Cork")
    or with their country ("Cedric Pioline ( France )"); bodies of the exonym table and unlisted
    acronyms read as places or people are organisations; a one-word 'person' named twice, never
    in full and never acting as one, is an organisation; one after an office or an origin ("los
    alcaldes de Jamundi") is a place; a Spanish one-word MISC name is an organisation; a
    capitalised Spanish article inside a sentence belongs to the place ("El Cairo");
  - spans: two names run into one ("Delta IV de Boeing", "Latinoamérica de Oracle Corporation")
    are cut at their 'de'; a company's name cut at its 'and'/'y' is joined ("European Aeronautic
    Defence and Space Company"); a name the model tagged once is a name wherever the article
    writes it ("SIA", "Opel"); a surname of a person named in full stays a name opening a sentence
    ("Jobs"); an office run onto its holder leaves the person ("Ejecutiva de Salud Judy Attyang");
    an abbreviated courtesy title makes a person ("El Sr. Scindia"); a name opening with a title's
    word is no titled person ("General Motors said"); a byline run into a headline names a person;
    a Spanish common noun's body of a place is an organisation ("Comunicaciones de Guatemala").
  - v8: a capitalised word opening a sentence right before an article is a verb ("Obtenga la
    edición"); a span that is a title is a role, a title of two words before a name gives its
    holder ("Primer Ministro Modi"); a one-word 'person' that gives a thing ("Netflix agrega tres
    películas") has no human verb; a 'person' of two words joined by y/and with no given name is a
    place after 'de', else a body ("Castilla y León", "Smith and Wesson"); a common noun and a place
    ("Salud Coahuila") and a one-word place right after a common noun ("los recursos Cofide") are
    bodies; an office run into a person the article names ("... del Estado Andrés Carbajal Casas")
    leaves the person; the bare word of a place named with its article ("El Chamizal") is that
    place; a given name and a withheld surname's letter ('Fabián "N"') is a person, 'Fabián N.'; a
    nickname cue opening a span goes ("Alias La Vieja"); one-word institutions ("el Estado", "la
    Junta") are organisation mentions without an entity; orchestras and choirs are bodies; disease
    words the lexicon lacks ("Coronavirus", data `extra_common_words`) are no names; a multi-word
    MISC name inside a sentence is kept ("la Liga de Campeones"), and so is a place of common
    words after a lower-case article ("el País Vasco"; dates go by `time_heads`); a one-word
    'person' named once with no given name, title, role, human verb or place preposition
    ("Notimex", "Armagedón") is a mention without an entity; an office of a place is no person
    ("Fiscal General de Veracruz", "General de Veracruz"); a word for a kind of place and 'de'
    make a place ("Río de Janeiro"); a press word makes a paper only after a capitalised article
    ("El Heraldo", not "el País Vasco"); a one-word 'person' once beside a company noun ("la
    empresa de telefonía móvil Amena") is the company; news agencies by acronym ("EFE"); a name
    opening (Spanish) or ending (English) with a law's word is a law, kind other ("Ley Federal de
    Derechos", "Federal Rights Act"; data `law_heads`); "Fin de Año" is a date (`time_heads`); an
    article straight after a name's word opens another phrase ("Parque Central el Gobierno");
    "Gobierno del Estado" (institution and place words only) makes no entity, as "Gobierno"; a
    nationality tagged alone before untagged capitalised words is one name with them when the
    exonym table lists the whole ("Islamic" + "State"); a span that only ends a title begun before
    it ("Former Secretary of" + "State") is no name. v10: a heading in capitals run into the name
    after it is cut off ("GUERRA Madrid"); a wire service's staff codes ("NTX/VGV/ACJ") and the
    later portfolios of an office named by its list of portfolios ("Ministerio de Agricultura,
    Ganadería, Industria y Comercio") are no names; a name after a street noun or opening with one
    is a place ("las calles Market y Seymour", "Andador Concepción Urquiza"; `street_heads`); a
    word in capitals that is a feminine or plural adjective is a common word ("GRATUITAS";
    `adjective_endings`); a disease's name ("COVID-19") is 'other'; in a story about a game a
    one-word place after 'el'/'del'/'al' is the club ("el Valencia"; `team_articles`,
    `sport_words`); a lone title with its article ("El Papa", "el Pontífice") is a reference, no
    name; one title word before a given name gives its holder ("Papa Francisco"); a name after a
    source credit ("Fuente: X", "Source: X"; `source_cues`) is an outlet wherever the article names it;
    a name before a dateline's day, month and agency is the place it was filed from, though its word
    is also a common one ("Palma , 23 may ( EFE )", "LONDON, Aug. 22 (Reuters)"); English press
    words end Spanish outlets' names ("Business Standard"; `org_keywords`).
  - v23 (Spanish precision): institutions' organs, savings banks, schools and clubs are bodies and
    their names go on over 'de' ("Jefatura Superior de Policía de Bilbao"); datelines are cut from
    bylines and desks run into them, keep their article ("El Cairo") and stay apart from a club of
    their word; a region in brackets after a place is a place; surnames keep their particles ("Gómez
    de la Hera") and a surname that is also a verb stays ("Pere Miró"); bodies, places and portfolios
    run into a person leave the person; lists, roles, full names, speech and quotations tell people
    the model read as places or bodies; an acting 'place' outside the exonym table is a body, one after
    'en' a place; a short quotation that is a name or a title is one name (see `VERSION`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import LOWER

from fuentes.corpus.name_constraints import LEGAL_FORMS, exonym_key
from fuentes.doc import ArticleDoc
from fuentes.extract import aliases as linking
from fuentes.extract.alias_words import (
    common_pos_of,
    common_words,
    is_common,
    lexicon_words,
    is_verb_form,
    verb_string,
)
from fuentes.extract.aliases import (
    Cand,
    Lexicon,
    camel_case,
    fold,
    lexicon,
    looks_like_acronym,
    name_tokens,
    opens_sentence,
)
from fuentes.extract.intervals import Intervals
from fuentes.extract.names import title_before
from fuentes.extract.word_starts import literal_matches
from fuentes.model import Entity, Evidence, Mention
from fuentes.nlp.data_files import load_yaml
from fuentes.nlp.text import doc_text, entity_spans
from fuentes.pipeline import Stage, register

# 9: page separators and brackets end a name; abbreviated first words (`name_abbreviations`); acronym-led
# bodies; bracketed acronyms spelt by word beginnings; an acronym never abbreviates a name it is a word of;
# glued English possessives and closing quotes; photo agencies and "Foto de X/Agency" credits; English
# "America" is the United States (`implied_names`); hour offsets; bodies named after a person; legal forms
# end names; Spanish press nouns open outlets
# 10: a heading in capitals run into a name is cut off ("GUERRA Madrid"); wire staff codes ("NTX/VGV/ACJ") and
# the later portfolios of an office named by its list ("..., Industria y Comercio") are no names; street nouns
# (`street_heads`) make places; feminine/plural adjectives in capitals (`adjective_endings`) are common words;
# disease names are 'other'; a particle left by a dropped opening verb goes; clubs after el/del/al in a game's
# story (`team_articles`, `sport_words`); a lone title with its article is a reference; one title word before
# a given name gives its holder ("Papa Francisco"); a name after a source credit is an outlet (`source_cues`);
# a name before a dateline's day, month and agency is a place ("Palma , 23 may ( EFE )")
# 11: wire sign-offs of two codes, dates after people's names, codes before a body's name; offices of a role
# word and an adjective; places after place prepositions; bodies after body nouns; short forms of longer names
# 12: a quoted nickname sits inside one name on one line: a quote after a sentence end or a line break, or
# ending in punctuation, is a quote between two people ("Hillary Clinton.⏎⏎"His behavior was deplorable,"
# Sanders said" made one person of the two); a dash opening a span is no part of the name ("-Donald Trump")
# 13: a tie between labels of one name goes the same way under any hash seed (it followed a set's order)
# 14: a maker before a model number is no short form of the model ("Airbus" / "Airbus A380")
# 17: a word already the short form of a body's longer name is no short form of a product named after it
# ("Apple" of "Apple Inc." is not also "Apple TV")
# 18: a place, or the end of a name after "de" / "of", is no short form of a product or event ("Europa" of
# "Copas de Europa")
# 19: a place the article names alone ends a person's name run into it ("Bernie Sanders Iowa caucus")
# 20: a name written with a small first letter ("iPhone") is found again where the model missed it, and so is a
# name after a sentence's opening article ("The zPhone is")
# 21: a body's name with a person's role added is no name of the body ("Médico de la Casa Blanca", "White
# House Doctor")
# 22: a lower-case word glued by a hyphen to a name's word stays in the name ("Ban Ki-moon")
# 23 (Spanish precision, issue #15): organs of a government or a court, savings banks, schools, clubs, administrations
# and police forces open bodies (`institution_words`), and an institution's name goes on over 'de' and the capitalised
# words after it (`body_particles`); an acronym read as a place beside its long form does not outvote it; a byline,
# a desk or an agency run into a dateline's place is cut from it, a dateline's article or first word and 'de' are
# the place's ("El Cairo", "Santiago de Chile"), a place before an agency in brackets is a dateline (`agencies`), and a dateline's place is an entity apart from other readings of its
# word; a name in brackets after a place is its region ("Fráncfort (RFA)"), after a player in a game's story his
# club; a given name's surname that is also a verb stays ("Pere Miró"); a surname's particle and the word after it
# are the person's (`surname_particles`); a body's, a place's or a portfolio's words run into a person's name leave
# the person; lists that name people list people; a given name and a surname read as a place are a person (not a
# saint's name, `saint_words`), and so is one name after a person's role (`person_roles`); where the model reads
# unknown surnames as places (`speaking_places_are_people`) a speaking 'place' is a person and an acting one a body;
# a 'body' that speaks after its quotation or is read once as a person is a surname; split place/body votes go by
# 'en' and by a body noun; clubs after 'el' unless the place takes an article (`article_places`); a headline's verb
# in capitals ends a name; a name inside a short quotation is the whole quotation when it is a name or a title
# (`quote_particles`, `title_cues`); a Galician article before a name read as a person makes a place ("A Coruña");
# a place ending a person's span (19) is cut only when the name left ends on a surname and the span runs on; a
# headline's common words in capitals are no name; contests, fairs and meetings are events (`event_heads`), one such
# word inside a sentence too; plans and pacts are laws (`law_heads`); a hyphenated one-word 'other' name is a body;
# a courtesy word written into a name ("Don Juan Carlos") is in the mention, not the name (`courtesy_words`); in a
# game's story a place beside a club (`club_words`) or that plays (`sport_verbs`) is the club or the side; a saint's
# name read as a person is a place after "en", else a body; a court's number is part of its name
# 24: a quotation taken whole that holds a person's name and more, or a sentence's punctuation, is a work
# 25: a given name and a word read as a place after a kind of place and its particle stay a place ("la región de
# Emilia Romaña")
# 26: a holiday of common words read as a person is no name ("Año Nuevo", "New Year"); a dateline's place in capitals
# before a station's code or a state's ("DETROIT (WWJ) -", "DETROIT, MI -") is a place, no acronym; a news agency's name
# (`agencies`) is a body wherever it stands ("recogido por Ical"); an abbreviated kind of place heads a place ("Cd.
# Madero" speaks as a place); "las regiones de" is a kind of place in the plural; an office named by its portfolios
# takes the later ones after 'y' ("Ministerio de Justicia y Derechos Humanos"); "la Liga", "the League" and "la
# Constitución" alone make no entity (`qualified_institutions`); a portfolio after a role ("el ministro de Justicia";
# `portfolio_roles`) is a mention of kind other without an entity; a word in capitals opening a name the article gives
# ("SAN Diego Chargers" beside "San Diego") is no acronym before a person; a capitalised given name the model left out
# before one word read as a place ("Raj" + "Chohan") makes a person
# 27: a bare surname several people of the article carry goes to the one the article is about (an honorific's
# gender, not a relative introduced as such, named first and no less often), else stays unresolved; shared
# compound surnames too ("López Obrador")
# 28: a capitalised common word that is no given name is no part of a person's name before it ("Trust Donald Trump"),
# nor a letter opening a compound after it ("Bernie Sanders T-shirts"); a quote's comma is no part of an alias
# ("Cruz,''"); an organisation's short form of two words or more written before its longer name is another body
# ("Asamblea Nacional" / "Asamblea Nacional Constituyente"); a company's trade ending a name makes an organisation
# (`org_keywords`: "Douglas Aircraft", "Cisco Systems"); an acronym spelt by the beginnings of the words of the
# article's one organisation name is that organisation, tagged or not ("SIA" / "Singapore Airlines"); a product's
# number in Roman figures before its maker is cut from it at 'de' ("Delta IV de Boeing"); a short form that a longer
# name given an acronym in brackets goes on from with a word of its own is another body ("Asamblea Nacional
# Constituyente (ANC)" ... "la Asamblea Nacional")
# 29: a maker's model named by its figures is one product's name, tagged apart or as one span ("Boeing" + "717",
# "Boeing 737-800", "el Boeing 777"; not a sum or a year: "Apple 200 million", "Boeing 2006"), and a letter-led model
# number in the plural read as a count is a product ("ten A380s"); a body's name at the holder's end of a meeting's
# name is no short form of the meeting (`meeting_words`: "Apple" / "Apple Worldwide Developers Conference")
# 29 (also): a name opened by a word for a kind of place no given name is ("Río
# Gallegos") is a place; a short month before a day is no name ("Sep 4"); a capitalised word opening a sentence before
# a possessive is a verb ("Lea nuestro"); a body named by one word in an article of one nationality is that country's
# ("Mexican Navy"); a body's people named by it are the body ("Elementos de la Secretaría de Marina"); a plural-article
# group named twice stays a group ("Los Mareños")
# 30: a person's office at an organisation written before the name is an evidence span and a role of the person: a
# lower-case English title an organisation's name opens ("Airbus chief executive Noel Forgeard"), and a title of an
# organisation with its article and comma ("el consejero delegado de Airbus, Noel Forgeard,"; not a relative)
# 31: a body's acronym beside generic words ("NPD" of "NPD Group"; English generic words in Spanish articles too) and
# the letter-led model number ending a product's name ("A380" of "Airbus A380") are found where the article writes
# them untagged
# 32: an acronym the exonym table gives to something else is no short form of a body whose initials it spells ("S.C.",
# South Carolina, of "(R-S.C.)" beside "Supreme Court")
# 32 (also, issue #15): a headline's capitalised common words after a full name the article writes alone are none of the
# name ("Hillary Clinton Sides With Unions"); a street opened by its abbreviated noun is a place ("Blvd. Adolfo López
# Mateos"); a name the exonym table lists among organisations read as MISC is an organisation ("Twitter")
# 32 (also): a letter-led model number is found again where the model reads it as a number ("the first A380 prototype") or
# writes it in the plural ("six more A350s"), and alone it is the one product whose name it opens or ends ("A350" /
# "A350 XWB"); a founder's or co-founder's title before a person's name is an evidence span of the person ("Apple
# Computer CEO and co-founder Steve Jobs", "el cofundador de Apple, Steve Jobs,"); a variant's figures glued by a
# hyphen end a letter-led model's name ("Airbus A330-200", was cut to "Airbus A330"); an abbreviated legal form keeps
# its full stop in Spanish too ("Apple Inc."); a maker's or holder's name opening a product's name with its model
# number or a meeting's name is an evidence span of the organisation the article names alone ("el Airbus A320",
# "Apple Worldwide Developers Conference"); a name's last word of its own written in lower case after the rest is
# still the name ("the iPod Nano" ... "the iPod nano"); a body's description right before its name is an evidence span
# of the body ("U.S. electronics retailer Best Buy", "la compañía aérea irlandesa Aer Lingus"; `org_heads`, which takes
# carrier, maker, airframer, label, giant, fabricante and minorista), and so is a description of it set off by commas
# beside its name ("Airbus, Europe's biggest aircraft manufacturer,", "El rival europeo de Boeing, Airbus,"), or an
# owner's rival before it ("Boeing's European rival Airbus"); a company's name read as a person and cut at its 'and'
# is the company's ("European Aeronautic Defence" + "and Space Company"; English "company" and "corporation" end
# names in Spanish articles too) and an acronym spelling it but for its generic last word is its acronym ("EADS"); a
# letter-led model number in the plural after a count the model read alone or not at all is a product ("6 A321s"); a
# product named in the plural gives its short form in the singular ("Boeing 787 Dreamliners" ... "the Dreamliner")
# 33 (lead): a title followed by names only after a name and a comma is the next person of a list, no role of the first
# ("Senator Cruz, Governor Kasich, ..."; "el gobernador Kasich"); "V.A." is no "Va." (Virginia) of the exonym table;
# a state legislator's title is one title ("State Senator José Rodríguez": "State" was an organisation, and an alias
# of the article's State Department); a possessive before a comma owns no title after it ("Clinton's primary
# opponent, Sen. Bernie Sanders" gave the role "Senator of Clinton")
# 33: a body's kind alone after a definite or demonstrative article ("The company said", "La aerolínea anunció", "esta
# empresa"; data `reference_nouns`) is an evidence span of the one organisation named before it in that sentence or
# the one before, of several the one whose name or description holds the kind, of none the one the article has named
# if one (`_body_references`), and so is a product's kind ("The aircraft", "el avión"; data `product_reference_nouns`)
# of the product named before it (a PRODUCT, or a name with a model number; `_product_references`); a third person's pronoun, the subject of its clause, outside quotations ("He
# said", "Ella añadió"; data `person_pronouns`) is an evidence span of the one person named before it there, its
# gender allowing (`_person_pronouns`); a first person's pronoun inside a quotation ("I", "yo"; "we", "nosotros" for a
# body quoted) is an evidence span of the one person (or body) named beside the quotation (`_speaker_pronouns`)
# 33 (issue #15, the most frequent entities): names listed after a plural kind of place or among places but for one
# in four are places ("las regiones de Emilia Romaña, Friul-Venecia Julia, Lombardía y Véneto"); a full name after a
# person's trade is a person ("el estudiante Sleiter Guerrero"); names lose an unopened bracket and a glued stop
# (".Local"); a short month after a day is no name ("Roma, 4 Mar (EFE)"); an agency or a place of the exonym table
# read as two names side by side is one ("(EUROPA" + "PRESS)", "NEW" + "YORK"); a sentence's first word read as a
# number or as a common noun before a lower-case word is no name ("Ambas categorías", "Aides said", "Lea más"); an
# English 'person' ending in a kind of place with no given name is a place; a word of a day's name is none ("on Super
# Tuesday", "el Viernes Negro"); a one-word 'organisation' with a demonym's ending is a demonym ("Latinos")
VERSION = "33"
REFERENCES = "entity_references"  # the extractor of evidence spans that refer back to an entity without naming it
NAME_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
               "LAW", "LANGUAGE", "MISC"}
CONLL_TO_ONTONOTES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}


def extract(sdoc: Any, language: str | None = None, article: str = "") -> tuple[list[Mention], list[Entity]]:
    """Mentions and local entities of one spaCy Doc (the body of one article)."""
    lang = language or sdoc.user_data.get("fuentes_language") or sdoc.lang_
    return _extract(sdoc, lexicon(lang), article)


def _extract(sdoc: Any, lex: Lexicon, article: str) -> tuple[list[Mention], list[Entity]]:
    body = doc_text(sdoc)
    lowered = _LowerWords(body)  # read once for the candidates and the common-words test
    cands = candidates(sdoc, lex, lowered)
    _legal_form_stops(body, cands)
    _quoted_names(body, cands, lex)
    _split_joined(cands, lex)
    _company_read_as_person(body, cands, lex)
    _join_across_and(body, cands, lex)
    _drop_codes_and_portfolios(body, cands, lex)
    _repeat_names(sdoc, body, cands, lowered, lex)
    _lower_case_name_ends(body, cands)
    _score_lines(body, cands)
    _clubs(sdoc, cands, lex)
    _datelines(body, cands, lex)
    _bracketed_regions(body, cands)
    _split_agencies(body, cands, lex)
    _source_outlets(body, cands, lex)
    _listed_people(body, cands, lex)
    _listed_with_people(body, cands, lex)
    _listed_with_places(body, cands, lex)
    _company_short_forms(cands, lex)
    _place_run_into_person(body, cands)
    _office_run_into_person(cands, lex)
    _credited_people(body, cands, lex)
    _word_before_person(cands, lex)
    _words_after_person(cands, lex)
    teams = {id(c) for c in cands if _team(c) or getattr(c, "outlet", False)}
    groups = _datelines_apart(cands, linking.link(sdoc, cands, lex))
    for members in groups:  # a name seen in a results line (or credited as a source) is a team (an outlet) wherever the article writes it
        if teams and any(id(cands[i]) in teams for i in members):
            for i in members:
                cands[i].label = "ORG"
    groups = [g for g in groups if not _common_words_only(sdoc, cands, g, lex, lowered)]
    groups, unnamed = _bare_institutions(cands, groups, lex)
    _unproven_people(sdoc, cands, groups, lex)
    _speaking_people(sdoc, cands, groups, lex)
    _placed_bodies(sdoc, cands, groups, lex)
    _headed_bodies(sdoc, cands, groups, lex)
    lone = _lone_words(sdoc, cands, groups, lex)
    groups = [g for g in groups if not set(g) <= lone]
    unnamed = unnamed | lone
    _article_places(cands, groups, lex)
    _described_bodies(sdoc, cands, groups, lex)
    _body_appositions(sdoc, body, cands, groups, lex)
    _body_references(sdoc, body, cands, groups, lex)
    _product_references(sdoc, body, cands, groups, lex)
    _person_pronouns(sdoc, body, cands, groups, lex)
    _speaker_pronouns(sdoc, body, cands, groups, lex)
    mentions, entities = build(body, cands, groups, article, lex, unnamed)
    _implied_names(entities, lex)
    _national_bodies(mentions, entities, lex)
    if lex.portfolio_roles:
        _portfolios(body, mentions, lex)
    return mentions, entities



# legal forms written as abbreviations with a full stop ("Inc.", "Corp.", "Ltd.", "N.V.", "S.A.")
_ABBREVIATED_LEGAL_FORMS = frozenset({"inc", "corp", "co", "ltd", "pty"}) | frozenset(f for f in LEGAL_FORMS if "." in f)


def _legal_form_stops(body: str, cands: list[Cand]) -> None:
    """A name ending in an abbreviated legal form keeps the form's full stop ("Apple Inc.", "EADS
    N.V."): the Spanish tokenizer splits "Inc." into "Inc" and ".", which left the stop out of the
    span (in English it is in)."""
    for c in cands:
        words = c.text.split()
        if len(words) >= 2 and c.end < len(body) and body[c.end] == "." and words[-1][-1:].isalpha() \
                and words[-1][:1].isupper() and fold(words[-1]) in _ABBREVIATED_LEGAL_FORMS:
            c.end += 1
            c.text = body[c.start:c.end]

@lru_cache(maxsize=8)
def _portfolio_pattern(roles: frozenset[str]) -> re.Pattern[str]:
    """A role of `roles` in lower case, maybe an adjective ("francés"), then 'de' or 'del' and a
    capitalised word."""
    words = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + words + r")\s+(?:(?P<adj>(?!del?\b)[a-záéíóúñü]+)\s+)?del?\s+(?=[A-ZÁÉÍÓÚÑ])")


_PORTFOLIO_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ][^\W\d_]+")


def _portfolios(body: str, mentions: list[Mention], lex: Lexicon) -> None:
    """The capitalised common words after a role and 'de' ("el ministro de Justicia", "el ministro
    francés de Interior", "el consejero de Economía, Industria y Comercio", "la cartera de
    Sanidad"; data `portfolio_roles`) name a
    portfolio: a mention of kind other without an entity, where no other mention is. After one
    role a list of portfolios over commas to its last after 'y' or 'e' is one office's; after roles
    in the plural ("los ministros de Justicia y Exteriores") each is its own. A word that is no
    common noun or adjective of the language ends it, and a list with no 'y' is cut to its first
    item (", Francisco Muñoz", ", Margarita Robles": the holder)."""
    taken = sorted((m.start, m.end) for m in mentions)
    added = []
    for hit in _portfolio_pattern(lex.portfolio_roles).finditer(body):
        if not hit.group()[:1].islower() or (hit["adj"] and common_pos_of(hit["adj"], lex.language) not in ("noun", "adj")):
            continue  # "el ministro francés de Interior"; not "el concejal habló de Urbanismo"
        plural = hit.group().split()[0].endswith("s")
        items: list[tuple[int, int]] = []
        at, joined = hit.end(), False
        while True:
            run_end = at
            for word in _PORTFOLIO_WORD.finditer(body, at):
                if word.start() != run_end or common_pos_of(word.group(), lex.language) not in ("noun", "adj"):
                    break
                run_end = word.end()
                if body[run_end:run_end + 1] != " ":
                    break
                run_end += 1
            run_end = at + len(body[at:run_end].rstrip())
            if run_end == at:
                break
            items.append((at, run_end))
            if joined:
                break
            gap = re.match(r"\s*(?:(,)|\b[ye]\b)\s*", body[run_end:run_end + 6])
            if gap is None:
                break
            joined = gap.group(1) is None  # "y" / "e": the last item comes next
            at = run_end + gap.end()
        if not joined:
            items = items[:1]  # no closing 'y': what follows a comma is no portfolio of the list
        spans = items if plural else ([(items[0][0], items[-1][1])] if items else [])
        for start, end in spans:
            if not any(s < end and start < e for s, e in taken):
                added.append(Mention(start, end, body[start:end], "MISC"))
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: (m.start, m.end))


# a wire service's sign-off of staff codes: "NTX/VGV/ACJ", "AP/RT/JS", "NTX/I/JGM/FJ/" (a closing
# slash), or two codes that end a line or the text ("RMC/LZ")
_CODE_CHAIN = re.compile(r"(?<![\w/])[A-Z]{2,6}(?:/[A-Z]{1,6}){2,}/?(?![\w/])"
                         r"|(?<![\w/])[A-Z]{2,6}/[A-Z]{1,6}/?(?=[ \t]*(?:$|\n))")
# what may stand between an office's name and a later portfolio of it: ", Ganadería, ", " y ", ", Cambio Climático y "
_PORTFOLIO_GAP = re.compile(r"(?:\s*,\s*[A-ZÁÉÍÓÚÑ][\w-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w-]*)*)*\s*(?:,|\by\b|\be\b)\s*")


def _drop_codes_and_portfolios(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """Two kinds of capitalised words that name nothing alone. Staff codes of a wire service's
    sign-off ("-Fin de nota- NTX/VGV/ACJ": three codes or more joined by slashes). And the later
    portfolios of an office named by its list of portfolios ("Secretaría de Medio Ambiente, Cambio
    Climático y Desarrollo Territorial", "Ministerio de Agricultura, Ganadería, Industria y
    Comercio"): each is a piece of that office's name, no place or entity of its own (a body of its
    own, "Policía Federal", opens with an institution word and stays)."""
    codes = [m.span() for m in _CODE_CHAIN.finditer(body)] if "/" in body else []
    drop: list[Cand] = []
    office: Cand | None = None
    for c in cands:
        if any(a <= c.start and c.end <= b for a, b in codes):
            drop.append(c)
            continue
        words = c.text.split()
        if office is not None and (c.label != "PERSON" or not _given_name_first(c.text if len(words) > 1 else f"{c.text} {c.text}")) \
                and _PORTFOLIO_GAP.fullmatch(body[office.end:c.start]) \
                and words[0].casefold() not in lex.institution_words and exonym_key(name_tokens(c.text)) is None:
            drop.append(c)
            office = c
            continue
        office = c if c.label == "ORG" and len(words) >= 3 and words[0].casefold() in lex.institution_words \
            and any(w in lex.of_particles for w in words[1:-1]) else None
    for c in drop:
        cands.remove(c)


@lru_cache(maxsize=16)
def _word_hashes(words: frozenset[str]) -> frozenset[int]:
    """spaCy's hashes of `words` (a Doc's LOWER array holds the hash of each token's lower-case form)."""
    from spacy.strings import hash_string

    return frozenset(hash_string(w) for w in words)


def _clubs(sdoc: Any, cands: list[Cand], lex: Lexicon) -> None:
    """In a story about a game (three words or more of `sport_words`: "partido", "gol", "liga"), a
    one-word place after a lower-case masculine article ("el Valencia", "del Chelsea", "al Betis",
    "el Madrid"; data `team_articles`) is the club named after it: cities take no article in
    Spanish. A country that takes one keeps its own ("el Perú", "el Japón"; data `article_places`)."""
    if not lex.team_articles or not lex.sport_words:
        return
    # the article's distinct lower-case forms that are sport words, counted on the parse's array of
    # their hashes (a word's hash is its string's: no string read back for the other words)
    if len(_word_hashes(lex.sport_words).intersection(sdoc.to_array(LOWER).tolist())) < 3:
        return
    body = doc_text(sdoc)
    people = [c for c in cands if c.label == "PERSON"]
    for c in cands:
        if c.label not in linking.PLACE or c.nick:
            continue
        if _club_in_brackets(body, c, people):  # "Juric ( Sevilla )": a player's club
            c.label, c.team = "ORG", True
            continue
        if " " in c.text:
            continue
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not len(span) or span[0].i == 0:
            continue
        before = sdoc[span[0].i - 1]
        if before.text in lex.team_articles and fold(c.text) not in lex.article_places \
                and c.text.casefold() not in lex.place_heads and c.text.casefold() not in lex.compass_words:
            c.label = "ORG"
            c.team = True
    # a place that plays ("Numancia ganó", "España venció a Suecia"): the club or the national side
    for c in cands:
        if c.label not in linking.PLACE or c.nick or getattr(c, "team", False):
            continue
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None and len(span) and span[-1].dep_ in ("nsubj", "obj", "dobj") \
                and span[-1].head.lemma_.casefold() in lex.sport_verbs and span[-1].head.pos_ == "VERB":
            c.label, c.team = "ORG", True
    # a place set beside a club ("el Oviedo - Numancia", "el Barcelona y el Real Madrid"): a club too
    clubs = [c for c in cands if getattr(c, "team", False) or (c.label == "ORG" and c.text.split()[0].casefold() in lex.club_words)]
    for c in cands:
        if c.label not in linking.PLACE or " " in c.text or c.nick or fold(c.text) in lex.article_places:
            continue
        for o in clubs:
            gap = body[c.end:o.start] if o.start >= c.end else body[o.end:c.start] if o.end <= c.start else None
            if gap is not None and _CLUB_GAP.fullmatch(gap):
                c.label, c.team = "ORG", True
                break


# what joins two clubs: a dash of a fixture, "y", "e", "ante", "contra", a comma, with an article or not
_CLUB_GAP = re.compile(r"[ \t]*(?:[-\u2013,]|y|e|ante|contra|frente a|vs\.?)[ \t]+(?:(?:el|al|del)[ \t]+)?")


def _club_in_brackets(body: str, cand: Cand, people: list[Cand]) -> bool:
    """In a game's story, a place alone in brackets right after a player named by the surname
    alone is the player's club ("Juric ( Sevilla )", "Txema ( Racing )"); after a given name and a
    surname it is the player's country, as results list them ("Patrick Rafter ( Australia )")."""
    m = re.search(r"\([ \t]*$", body[max(0, cand.start - 4):cand.start])
    if m is None or not _CLOSE_BRACKET.match(body, cand.end):
        return False
    open_at = cand.start - (len(body[max(0, cand.start - 4):cand.start]) - m.start())
    return any(p.end <= open_at and not body[p.end:open_at].strip() and " " not in p.text for p in people)


# a dateline after the place's name: ", 23 may (EFE)", ", 23 de mayo (", ", Aug. 22 (Reuters)"
# a dateline of the place and the agency alone: "Mérida ( EFE ) . -", "SANTANDER (Reuters) -"
_AGENCY_DATELINE = re.compile(r"[ \t]*,?[ \t]*\([ \t]*([A-Za-z][A-Za-z ]{1,20}?)[ \t]*\)[ \t]*[.\-\u2013\u2014]")
_DATELINE = re.compile(r"\s*,?\s*(?:\d{1,2}\s+(?:de\s+)?(?P<a>[^\W\d_]{3,})|(?P<b>[^\W\d_]{3,})\.?\s+\d{1,2})\.?\s*\(")


@lru_cache(maxsize=8)
def _month_names(language: str) -> tuple[str, ...]:
    """The language's month names, folded (data `months` of `dates_<language>.yaml`)."""
    path = linking.DATA / f"dates_{language}.yaml"
    raw = load_yaml(path) if path.exists() else {}
    return tuple(fold(str(w)) for w in (raw or {}).get("months") or {})


def _datelines(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """A name followed by a dateline's day and month and its agency in brackets ("Palma , 23 may
    ( EFE )", "LONDON, Aug. 22 (Reuters)"), or by a news agency alone in brackets and the dateline's
    mark ("Mérida ( EFE ) . -"; data `agencies`), is the place the story was filed from, whatever the
    model read and though the word is also a common one ("palma")."""
    months = _month_names(lex.language)
    if not months or "(" not in body:
        return
    out: list[Cand] = []
    for c in cands:
        m = _DATELINE.match(body, c.end)
        word = fold(m["a"] or m["b"]) if m else ""
        agency = _AGENCY_DATELINE.match(body, c.end)
        if not (word and any(month.startswith(word) for month in months)) and not (
                agency and fold(agency[1]) in lex.agencies):
            out.append(c)
            continue
        k = _dateline_place(c.text, cands, months)
        if k:  # "Por Isabel Laguna Madrid , 23 may": a byline's or a sign-off's name run into the dateline's place
            head, cut = c.text[:k].rstrip(), k
            if looks_like_acronym(head.split(" ")[0]):
                head = head.split(" ")[0]  # "EFE Jar-c París": the agency, then its staff's code
            if fold(head) not in months:  # "... 24 DE MAYO Madrid": a heading's date is no name
                out.append(Cand(c.start, c.start + len(head), head, _run_on_label(head, c.label), c.model_label))
            c.start, c.text = c.start + cut, c.text[cut:]
            c.label = "GPE"
        if c.label != "PERSON" or (c.person is None and not c.roles) or k:
            c.label = "GPE"
            c.dateline = True
            _dateline_front(body, c, out, lex)
        out.append(c)
    cands[:] = out


_OPEN_BRACKET = re.compile(r"[ \t]*\([ \t]*")
_CLOSE_BRACKET = re.compile(r"[ \t]*\)")


def _bracketed_regions(body: str, cands: list[Cand]) -> None:
    """A name alone in brackets right after a place is the region or country it lies in
    ("Villarreal ( Castellón )", "Fráncfort (RFA)", "Durango (Vizcaya)"): a place, whatever the
    model read; a body of the exonym table (an agency: "Madrid (EFE)") keeps its kind."""
    ordered = sorted(cands, key=lambda c: c.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.label not in linking.PLACE or b.nick or b.person is not None:
            continue
        if not _OPEN_BRACKET.fullmatch(body, a.end, b.start) or not _CLOSE_BRACKET.match(body, b.end):
            continue
        if exonym_key(name_tokens(b.text)) is not None or (" " in b.text and _given_name_first(b.text)):
            continue  # "Tiscali ( Renato Soru )": a person in brackets is who stands for what is before
        b.label = "GPE"
        b.region = True  # "Fráncfort (RFA)": a place though an unlisted acronym (see `build`)


# a short quotation on one line: '" La Gazzetta dello Sport "', '“Le Figaro”', '«Los placeres de La Habana»'
_QUOTED = re.compile(r'(?<![\w"])(?:"([^"\n]{2,120})"|\u201c([^\u201c\u201d\n]{2,120})\u201d|\u00ab([^\u00ab\u00bb\n]{2,120})\u00bb)')


def _quoted_names(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """A name the model read inside a short quotation is the whole quotation when the quotation is
    a name (its words capitalised but for particles and articles: '" La Gazzetta dello Sport "',
    '" Le Figaro "', '" Mare de Déu de Núria "'), or when a work's noun or a title's cue just before it
    says it is a title ('la novela " Los placeres de La Habana "', 'una conferencia titulada " ... "';
    data `work_nouns`, `title_cues`): a work, kind other. A nickname between a person's names
    ('Joaquín "El Chapo" Guzmán') and one after a nickname's cue are left to the nickname rules."""
    if '"' not in body and "\u201c" not in body and "\u00ab" not in body:
        return
    for m in _QUOTED.finditer(body):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        raw = m.group(group)
        start = m.start(group) + len(raw) - len(raw.lstrip())
        text = raw.strip()
        end = start + len(text)
        words = text.split()
        if not words or len(words) > 12 or not (words[0][:1].isupper() or words[0] == "\u00bf"):
            continue
        inside = [c for c in cands if start <= c.start and c.end <= end]
        if not inside or any(c.start < end and start < c.end and not (start <= c.start and c.end <= end) for c in cands):
            continue
        before = body[max(0, m.start() - 40):m.start()].split()
        after = body[m.end():m.end() + 30].split()
        if before and (before[-1][:1].isupper() and after and after[0][:1].isupper()
                       or fold(before[-1]) in lex.nickname_cues or " ".join(before[-2:]).casefold() in lex.nickname_cues):
            continue  # 'Joaquín "El Chapo" Guzmán', 'alias "El Mencho"': a nickname
        name_like = all(w[:1].isupper() or w.isdigit() or w.casefold() in lex.name_particles
                        or w.casefold() in lex.quote_particles for w in words)
        cue = any(fold(w.strip(",")) in lex.work_nouns or fold(w.strip(",")) in lex.title_cues for w in before[-3:])
        if not (name_like or cue):
            continue
        label = inside[0].label if name_like and len(inside) == 1 else "WORK_OF_ART"
        if (cue and not name_like) or (label == "PERSON" and text != inside[0].text) or any(ch in text for ch in "!?:"):
            label = "WORK_OF_ART"  # a title with a person's name in it is a work ('"Trumped! The Inside Story of ..."')
        for c in inside:
            cands.remove(c)
        cands.append(Cand(start, end, text, label, inside[0].model_label))
    cands.sort(key=lambda c: c.start)


def _datelines_apart(cands: list[Cand], groups: list[list[int]]) -> list[list[int]]:
    """A dateline's place linked by its word to a body or a person of the same word ("Valencia ,
    23 may" and the club "el Valencia"): the place the story was filed from is an entity apart."""
    out: list[list[int]] = []
    for members in groups:
        filed = [i for i in members if getattr(cands[i], "dateline", False)]
        if filed and len(filed) < len(members) and any(
                cands[i].label not in linking.PLACE for i in members if i not in filed):
            out.append([i for i in members if i not in filed])
            out.append(filed)
        else:
            out.append(members)
    return out


# what may open a dateline's place before the span the model read: a capitalised article ("El Cairo",
# "La Habana") or a capitalised word and 'de' ("Santiago de" + "Chile"), at a line's or a sentence's start
_DATELINE_FRONT = re.compile(r"(?:^|[\n.\-\u2014\u2013\"]\s*)(?P<front>(?:[A-ZÁÉÍÓÚÑ][\w-]* (?:de |del |de la )?)+)$")


def _dateline_front(body: str, c: Cand, kept: list[Cand], lex: Lexicon) -> None:
    """A dateline's place opens its line or sentence: a capitalised article or a first word and its
    'de' that the model left out ("El Cairo , 23 may", "Santiago de Chile , 23 may") are the
    place's; a span the model made of that front is dropped."""
    m = _DATELINE_FRONT.search(body, max(0, c.start - 40), c.start)
    if m is None:
        return
    front = m["front"]
    words = front.split()
    if not (words[0] in lex.name_articles or (len(words) >= 2 and words[-1] in lex.of_particles)):
        return
    if any(fold(w) in lex.sentence_openers or fold(w) in lex.byline_cues for w in words):
        return
    start = c.start - len(front)
    kept[:] = [o for o in kept if not (o.start >= start and o.end <= c.start)]
    c.start, c.text = start, body[start:c.end]


def _dateline_place(text: str, cands: list[Cand], months: tuple[str, ...]) -> int:
    """Where the place starts in a span of several words that ends right before a dateline's day
    and month, or 0 when the whole span is the place. The place is the longest end of the span
    that the article names alone or that the exonym table lists as a place ("Santiago de
    Compostela"); failing that, the last word when the words before it are a person's name (a
    byline: "Por Orlando Lizama Washington"), an acronym ("EFE Colindres") or a month ("MAYO Madrid")."""
    words = text.split(" ")
    if len(words) < 2:
        return 0
    alone = {fold(c.text) for c in cands if c.text != text}
    if fold(" ".join(words[:-1])) in alone and words[-1][:1].isupper():
        return len(" ".join(words[:-1])) + 1  # "EFE - Cantabria Madrid": a desk's name, then the place
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if not tail[:1].isupper():
            continue
        if fold(tail) in alone or (exonym_key(name_tokens(tail)) or ("",))[0] == "~places":
            return len(" ".join(words[:k])) + 1
    head = " ".join(words[:-1])
    if words[-1][:1].isupper() and words[-2][:1].isupper() and (
            _given_name_first(head) or looks_like_acronym(words[-2]) or fold(words[-2]) in months):
        return len(head) + 1
    return 0


def _run_on_label(head: str, label: str) -> str:
    """The label of a name cut off the front of another: an organisation when it opens with an
    acronym ("EFE"), a person when it opens with a given name, else what the model read."""
    if looks_like_acronym(head.split(" ")[0]):
        return "ORG"
    if _given_name_first(head):
        return "PERSON"
    return label


def _split_agencies(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """A news agency of two or more words the model read as two names side by side ("(EUROPA" +
    "PRESS)", "Prensa" + "Latina"; data `agencies`) is one organisation; a place or a body of the
    exonym table so read is that one name ("NEW" + "YORK", "LOS" + "ANGELES" in a dateline)."""
    ordered = sorted((c for c in cands if c.start >= 0), key=lambda c: c.start)
    gone: set[int] = set()
    for a, b in zip(ordered, ordered[1:]):
        if id(a) in gone or not body[a.end:b.start].isspace() or "\n" in body[a.end:b.start]:
            continue
        text = body[a.start:b.end]
        table = (exonym_key(name_tokens(text)) or ("",))[0]
        if " " in text and (fold(" ".join(text.split())) in lex.agencies or table in ("~places", "~organizations")):
            a.end, a.text, a.label, a.name = b.end, text, "GPE" if table == "~places" else "ORG", None
            a.acronym = looks_like_acronym(text)
            gone.add(id(b))
    if gone:
        cands[:] = [c for c in cands if id(c) not in gone]


def _source_outlets(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """A name right after a source credit opening its line or sentence ("Fuente: El Patagónico",
    "Source: Reuters"; data `source_cues`) is the outlet the story comes from, an organisation
    wherever the article names it ("... confirmaron a El Patagónico"); so is a news agency's name
    (data `agencies`: "Ical", "Reuters") wherever it stands, unless a person the article names
    carries it ("Michael Bloomberg" ... "Bloomberg")."""
    if not lex.source_cues and not lex.agencies:
        return
    for c in cands:
        if c.label == "PERSON" and c.person is not None:
            continue
        before = body[max(0, c.start - 20):c.start]
        m = re.search(r"(?:^|[\n.(|]\s*|\s)([^\W\d_]+)\s*:\s*(?:[^\W\d_]{1,3}\s+)?$", before)  # "Fuente: El"
        if m and m.group(1).casefold() in lex.source_cues and (m.start(1) == 0 or not body[:c.start - len(before) + m.start(1)].rstrip(" ")[-1:].isalnum()):
            c.label = "ORG"
            c.outlet = True
        elif fold(c.text) in lex.agencies and not getattr(c, "dateline", False) \
                and not any(o.label == "PERSON" and fold(o.text).endswith(" " + fold(c.text)) for o in cands):
            c.label = "ORG"  # "recogido por Ical", "iCal", "said Reuters": a news agency (data `agencies`),
            c.outlet = True  # which the model may read as a person


def _implied_names(entities: list[Entity], lex: Lexicon) -> None:
    """A place this language names by a word another language uses otherwise (data `implied_names`:
    in English "America" is the United States; in Spanish "América" is the continent) is named by
    what it stands for, and the word leaves its names: the corpus joins it with that place's other
    names, never with the other language's place of the same word. Its mentions keep their text."""
    for entity in entities:
        implied = lex.implied_names.get(fold(entity.name)) if entity.kind == "place" else None
        if implied:
            word = fold(entity.name)
            entity.name = implied
            entity.aliases = [implied, *(a for a in entity.aliases if fold(a) not in (word, fold(implied)))]


def _national_bodies(mentions: list[Mention], entities: list[Entity], lex: Lexicon) -> None:
    """A body the language names by one common word ("the Navy", "the Army"; data `standalone_names`)
    in an article of one nationality is that country's when the exonym table knows it so ("Mexican
    Navy"): it is named so, the word stays an alias, and the corpus joins it with the body's names
    in the other language ("Secretaría de Marina", "Marina"). The article's nationality is the one
    its nationality adjectives name at least twice as often as any other ("Mexican" three times,
    "Spanish-language" once); two told alike say nothing. (Only where the model tags those
    adjectives: English. Spanish names such a body in full, or by a word the table holds:
    "la Marina"; "el Ejército" alone makes no entity.)"""
    counts = Counter(fold(m.text) for m in mentions if m.label == "NORP" and len(m.text.split()) == 1)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return  # none, or two nationalities told alike
    demonym = next(m.text for m in mentions if m.label == "NORP" and fold(m.text) == ranked[0][0])
    for entity in entities:
        if entity.kind != "organization" or " " in entity.name.strip() or fold(entity.name) not in lex.standalone_names:
            continue
        qualified = f"{demonym} {entity.name}"
        if exonym_key(name_tokens(qualified)) is not None:
            entity.aliases = [qualified, *(a for a in entity.aliases if a != qualified)]
            entity.name = qualified


def _split_joined(cands: list[Cand], lex: Lexicon) -> None:
    """'Delta IV de Boeing', 'Latinoamérica de Oracle Corporation', 'BJP de Bengala Occidental': a
    span 'A de B' the model ran over two names is cut in two. Before a company the article names
    alone ("Boeing"), A is a name of its own: named alone elsewhere, an acronym, a place of the
    exonym table or a product with its model number. Before a place, a body named 'A de <place>' is
    the usual form of one name ("Atlético de Madrid", "Santiago de Chile", "Gran Consejo de Fiyi"),
    so only an acronym ("BJP"), a model number or an English-style name ending in its head word
    ("Moscone West Convention Center", data `head_final_words`) is cut from the place. An
    institution's head ("Ayuntamiento de Mérida") and a person's name keep their 'de'."""
    if not lex.of_particles:
        return
    labels: dict[str, list[str]] = {}
    for c in cands:
        labels.setdefault(fold(c.text), []).append(c.label)
    pattern = _OF_SPLIT.get(lex.of_particles)
    if pattern is None:
        pattern = _OF_SPLIT[lex.of_particles] = re.compile(
            r"^(?P<a>.+?) (?P<p>" + "|".join(re.escape(p) for p in lex.of_particles) + r") (?P<b>[A-ZÁÉÍÓÚÑ].*)$")
    out: list[Cand] = []
    for c in cands:
        hit = pattern.match(c.text) if c.label != "PERSON" and not c.nick else None
        parts = _joined_parts(hit, labels, lex) if hit else None
        if parts is None:
            out.append(c)
            continue
        (a, la), (b, lb) = parts
        out.append(Cand(c.start, c.start + len(a), a, la, c.model_label))
        out.append(Cand(c.start + hit.start("b"), c.end, b, lb, c.model_label))
    cands[:] = out


def _joined_parts(hit: re.Match[str], labels: dict[str, list[str]], lex: Lexicon) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The two names and their labels of a span 'A de B' run over two names, or None (see `_split_joined`)."""
    a, b = hit["a"], hit["b"]
    words = a.split()
    first = words[0].casefold()
    if not a[:1].isupper() or first in lex.institution_words or first in lex.org_keywords or first in lex.place_heads:
        return None
    place_b = (exonym_key(name_tokens(b)) or ("",))[0] == "~places"
    seen_b = labels.get(fold(b)) or labels.get(fold(b.split()[0])) or []
    b_label = "GPE" if place_b else (max(sorted(set(seen_b)), key=seen_b.count) if seen_b else "")
    model = len(words) >= 2 and _model_number(words[-1])
    strong = looks_like_acronym(a) or model or (len(words) >= 2 and fold(words[-1]) in lex.head_final_words)
    if b_label in linking.PLACE:
        ok = strong
    elif b_label == "ORG":
        # a product's number in Roman figures before its maker ("Delta IV de Boeing", "Atlas V de Lockheed Martin")
        model = model or (len(words) >= 2 and bool(_ROMAN.fullmatch(words[-1])) and words[0].istitle())
        ok = strong or model or fold(a) in labels or (exonym_key(name_tokens(a)) or ("",))[0] == "~places"
    else:
        ok = False
    if not ok:
        return None
    seen_a = labels.get(fold(a)) or []
    a_label = "PRODUCT" if model else ("ORG" if looks_like_acronym(a) else (
        max(sorted(set(seen_a)), key=seen_a.count) if seen_a else "ORG"))
    return (a, a_label), (b, b_label)


_OF_SPLIT: dict[tuple[str, ...], re.Pattern[str]] = {}
_AND_TAIL = re.compile(r" (?:and|&|y|e) ((?:[A-ZÁÉÍÓÚÑ][\w.'-]* ){0,3}[A-ZÁÉÍÓÚÑ][\w.'-]*)")


def _join_across_and(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """'European Aeronautic Defence' + 'and Space Company': the model stops an organisation's name
    at its 'and'; capitalised words after it that end in an organisation's keyword ("Company",
    "Corporation", "Instituto") and that no other name covers are the rest of the name."""
    for n, c in enumerate(cands):
        if c.label != "ORG":
            continue
        m = _AND_TAIL.match(body, c.end)
        nxt = cands[n + 1] if n + 1 < len(cands) else None
        if lex.head_initial and m is not None and nxt is not None and nxt.start == m.start(1) and _goes_on(nxt, lex):
            c.end, c.text = nxt.end, body[c.start:nxt.end]  # "Empresa ... de Agua Potable y Alcantarillado de Guayaquil"
            nxt.start = nxt.end = -1
            continue
        if m is None or fold(c.text.split()[-1]) in lex.org_keywords:
            continue
        words = m[1].split(" ")
        k = next((k for k, w in enumerate(words) if fold(w) in lex.org_keywords), None)
        if k is None:
            continue
        end = m.start(1) + len(" ".join(words[:k + 1]))
        if any(o is not c and o.start < end and c.end < o.end for o in cands):
            continue
        c.end, c.text = end, body[c.start:end]
    cands[:] = [c for c in cands if c.start >= 0]



def _company_read_as_person(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """'European Aeronautic Defence' read as a person before 'and Space Company': capitalised words
    after its 'and' up to an organisation's keyword ("Company", "Corporation") that no other name
    covers make the span a company's name, which `_join_across_and` then completes."""
    for c in cands:
        if c.label != "PERSON" or c.nick:
            continue
        m = _AND_TAIL.match(body, c.end)
        words = m[1].split(" ") if m is not None else []
        k = next((k for k, w in enumerate(words) if fold(w) in lex.org_keywords), None)
        if k is None:
            continue
        end = m.start(1) + len(" ".join(words[:k + 1]))
        if not any(o is not c and o.start < end and c.end < o.end for o in cands):
            c.label = "ORG"

def _goes_on(cand: Cand, lex: Lexicon) -> bool:
    """A span after an organisation's 'y' that continues its name: no person, no organisation of its
    own, no place of the exonym table, and opening with a common noun of the language
    ("Alcantarillado de Guayaquil" after "Empresa Municipal de Agua Potable y")."""
    from fuentes.extract.alias_words import common_words

    first = cand.text.split()[0].casefold()
    return cand.label not in ("PERSON", "ORG") and exonym_key(name_tokens(cand.text)) is None \
        and len(cand.text.split()) >= 2 and first in common_words(lex.language).get("noun", frozenset())


def _at_sentence_start(before: str) -> bool:
    """The text before a word (trailing spaces stripped) ends where a sentence or a quote opens."""
    return not before or before[-1] in ".!?:\n\"\u201c\u2014"


_GLUED_BEFORE = re.compile(r"[\w\-'\u2019&.]")  # (one character) before a name's repeat: part of another word
_GLUED_AFTER = re.compile(r"[\w\-&]|\.\w")  # after it: the repeat is the beginning of another word


def _repeat_names(sdoc: Any, body: str, cands: list[Cand], lowered: "_LowerWords", lex: Lexicon | None = None) -> None:
    """A name the article gives is a name wherever it writes it: the model tags 'SIA', 'Opel' or
    'Jobs' once and misses it elsewhere. Each candidate's surface (and the surname of a person
    named in full, the acronym that alone names a body beside generic words, 'NPD' of 'NPD Group',
    and the letter-led model number ending a product's name, 'A380' of 'Airbus A380') is looked
    up again, case and word boundaries kept; an occurrence inside
    another name, next to a capitalised word (a longer name the model missed) or opening a
    sentence when the article writes the word in lower case too is left alone."""
    from fuentes.corpus.name_constraints import generic_name_words

    forms: dict[str, str] = {}
    for c in cands:
        if c.nick or c.nominal or len(c.text) < 2 or not (c.text[:1].isupper() or camel_case(c.text)) \
                or c.label not in NAME_LABELS \
                or c.label == "NORP":
            continue
        forms.setdefault(c.text, c.label)
        words = c.text.split()
        if c.label == "PERSON" and len(words) >= 2 and words[-1].isalpha() and words[-1].istitle() and len(words[-1]) > 2:
            forms.setdefault(words[-1], "PERSON")
        if lex is not None and c.label == "ORG" and len(words) >= 2 and 2 <= len(words[0]) <= 6 \
                and words[0].isalpha() and words[0].isupper() and exonym_key(name_tokens(words[0])) is None \
                and all(fold(w) in lex.generic_org_words or fold(w) in generic_name_words()
                        or fold(w).rstrip(".") in LEGAL_FORMS for w in words[1:]):
            forms.setdefault(words[0], "ORG")  # "NPD" of "NPD Group": the body's own word
        if c.label == "PRODUCT" and len(words) >= 2 and _LETTER_MODEL.fullmatch(words[-1]):
            forms.setdefault(words[-1], "PRODUCT")  # "A380" of "Airbus A380"
        for form in _model_forms(c):
            forms.setdefault(form, "PRODUCT")
    if not forms:
        return
    # the candidates' and the model's spans, asked once per occurrence (one bisection each)
    taken = Intervals((c.start, c.end) for c in cands)
    spans = [(e.start_char, e.end_char, e.label_) for e in entity_spans(sdoc)]
    other = Intervals((b, e) for b, e, _ in spans)
    added = []  # the forms, longest first, where no word character, hyphen, apostrophe, '&' or '.' is glued on
    for start, end, form in literal_matches(body, sorted(forms, key=len, reverse=True), _GLUED_BEFORE, _GLUED_AFTER):
        if taken.overlaps(start, end) or other.overlaps(start, end) and any(
                b < end and start < e for b, e, label in spans if not _model_read_as_count(form, label)):
            continue
        before = body[max(0, start - 40):start].rstrip(" ")
        prev_word = before.split()[-1] if before.split() else ""
        after = body[end:end + 40]
        next_word = after.split()[0] if after[:1] == " " and after.split() else ""
        ahead = before[:len(before) - len(prev_word)].rstrip(" ")
        opener = _at_sentence_start(ahead) and prev_word.lower() in lowered  # "The zPhone"
        if next_word[:1].isupper() or (prev_word[:1].isupper() and not prev_word.endswith((".", ":", '"'))
                                        and before.endswith(prev_word) and not opener):
            continue
        sentence_start = _at_sentence_start(before)
        if sentence_start and " " not in form and form.lower() in lowered and forms[form] != "PERSON":
            continue
        added.append(Cand(start, end, form, forms[form], ""))
    if added:
        cands.extend(added)
        cands.sort(key=lambda c: c.start)



def _model_forms(cand: Cand) -> list[str]:
    """The letter-led model number a product's name is, opens or ends ("A350" of "A350 XWB", "A380" of
    "Airbus A380"), in the singular and the plural ("A350s", "A320s" / "A320"): an article writing
    the model again, alone or counted, names the product."""
    if cand.label not in ("PRODUCT", "MISC") or cand.nick:
        return []
    words = cand.text.split()
    found = []
    for word in {words[0], words[-1]}:
        if _PLURAL_MODEL.fullmatch(word):
            found += [word, word[:-1]]
        elif _LETTER_MODEL.fullmatch(word):
            found += [word, word + "s"]
    return found


def _model_read_as_count(form: str, label: str) -> bool:
    """A letter-led model number the model read as a number ("the first A380 prototype": 'A380'
    CARDINAL; "six more A350s") or inside a span no candidate kept ("Uno de los A380s volará" read as
    one MISC name): the model's span does not keep the name's repeat out."""
    return label in _COUNT_LABELS | {"ORDINAL", "MONEY", "PERCENT", "MISC", "PRODUCT"} and bool(
        _LETTER_MODEL.fullmatch(form) or _PLURAL_MODEL.fullmatch(form))


def _lower_case_name_ends(body: str, cands: list[Cand]) -> None:
    """'the iPod Nano' ... 'the iPod nano': a name the article gives with a last word of its own
    ('Nano') is that name where the article writes the word in lower case after the rest ('iPod'
    read alone, then 'nano'): the span takes the word."""
    ends: dict[str, set[str]] = {}
    for c in cands:
        words = c.text.split()
        if len(words) >= 2 and c.label not in ("PERSON", "NORP") and words[-1][:1].isupper() \
                and words[-1][1:].islower() and words[-1].isalpha():
            ends.setdefault(" ".join(words[:-1]), set()).add(words[-1].lower())
    if not ends:
        return
    for c in cands:
        found = ends.get(c.text)
        if not found or c.label in ("PERSON", "NORP"):
            continue
        m = re.match(r" ([a-z]+)\b(?![\-'\u2019])", body[c.end:c.end + 40])
        if m is not None and m[1] in found and not any(o.start < c.end + len(m[0]) and c.end < o.end
                                                       for o in cands if o is not c):
            c.end += len(m[0])
            c.text = body[c.start:c.end]

def _unproven_people(sdoc: Any, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A one-word 'person' named two times or more that the article never names in full, never
    gives a title or role, never makes the subject of a human verb ("dijo", "said") and that is
    no given name ("Lycos", "Telefónica", "Blackburn" read as people) is not known to be a
    person: an organisation. (On CoNLL training text a third of such one-word 'people' are
    people; a surname named once, "the Bush administration", is left as the model read it.)"""
    for members in groups:
        group = [cands[i] for i in members]
        if len(group) < 2 or linking.group_label(cands, members) != "PERSON" or any(
                len(c.tokens) != 1 or c.person is not None or c.nick or c.nominal or c.roles or c.acronym for c in group):
            continue
        headed = any(_org_headed(sdoc, c, lex) for c in group)  # "la empresa de telefonía móvil Amena"
        if not headed and (any(_human_subject(sdoc, c, lex) for c in group)
                           or _given_name_first(f"{group[0].text} {group[0].text}")
                           or all(_placed(doc_text(sdoc), c, lex) for c in group)):
            continue  # a person, or a place the build step will tell
        for c in group:
            c.label = "ORG"


def _speaking_people(sdoc: Any, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A 'place' that speaks ("Manceñido señaló", "resaltó Manceñido", "dijo Koo": the subject of a
    verb people do) and that the article never puts where something happens (after "en", as a
    dateline, as the region in brackets) is a person the model read as a place: its surname. A
    place of the exonym table stays one ("Israel dijo": the country speaks through its government).
    Only where the language's model reads unknown surnames as places (data `speaking_places_are_people`:
    Spanish; the English model's places that speak are mostly capitals, "Damascus said")."""
    if not lex.speaking_places_are_people:
        return
    body = doc_text(sdoc)
    for members in groups:
        group = [cands[i] for i in members]
        label = linking.group_label(cands, members)
        if label == "ORG" and _speaking_surname(sdoc, group, lex):
            for c in group:
                c.label = "PERSON"
            continue
        if label not in linking.PLACE:
            continue
        if any(c.nick or c.acronym or c.nominal or getattr(c, "dateline", False) or getattr(c, "region", False)
               or _team(c) or len(c.tokens) > 3 or exonym_key(c.tokens) is not None for c in group):
            continue
        if any(_placed(body, c, lex) for c in group):
            continue
        if any(_human_subject(sdoc, c, lex) for c in group) and not any(_beside_place(body, c, cands) for c in group):
            for c in group:
                c.label = "PERSON"
        elif any(_subject(sdoc, c) for c in group) and not any(_place_headed(sdoc, c, lex) for c in group) \
                and not _place_of_a_body(group[0], cands):
            for c in group:  # "Terra se cotiza", "Satse pidió un pacto": a body that acts, read as a place
                c.label = "ORG"


def _beside_place(body: str, cand: Cand, cands: list[Cand]) -> bool:
    """The mention is joined by 'y', 'e' or a comma to a place ("Damasco y Beirut afirman"):
    places named together, speaking as their governments do."""
    for o in cands:
        if o is cand or o.label not in linking.PLACE:
            continue
        gap = body[cand.end:o.start] if o.start >= cand.end else body[o.end:cand.start] if o.end <= cand.start else None
        if gap is not None and _LIST_GAP.fullmatch(gap):
            return True
    return False


def _place_of_a_body(cand: Cand, cands: list[Cand]) -> bool:
    """The name ends another name of the article after 'de' ("Cantabria" of "Gobierno de
    Cantabria"): the place a body is of."""
    tail = (" de " + cand.text, " del " + cand.text)
    return any(o.text.endswith(tail) for o in cands if o is not cand)


def _placed_bodies(sdoc: Any, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A one-word name the model read as a place once and as a body once, that the article puts
    after a place preposition ("su estancia en Rumanía") and never after a body noun: a place (a
    body is where things happen only as a building, named with its noun). And a 'place' the article
    once names after a body noun ("el grupo Vattenfall") and never after "en" nor in the exonym
    table: a body."""
    body = doc_text(sdoc)
    for members in groups:
        group = [cands[i] for i in members]
        label = linking.group_label(cands, members)
        if label in linking.PLACE and any(_org_headed(sdoc, c, lex) for c in group) \
                and not any(_after_in(body, c, lex) or c.nick or getattr(c, "dateline", False) for c in group) \
                and all(exonym_key(c.tokens) is None for c in group):
            for c in group:  # "el grupo Vattenfall" ... "Vattenfall" read as a place: the noun says it is a body
                c.label = "ORG"
            continue
        if label != "ORG" or not any(c.label in linking.PLACE for c in group):
            continue
        if any(len(c.tokens) != 1 or c.acronym or c.nick or _team(c) or getattr(c, "outlet", False)
               or (exonym_key(c.tokens) or ("",))[0] == "~organizations" or _org_headed(sdoc, c, lex) for c in group):
            continue
        if any(_after_in(body, c, lex) for c in group):
            for c in group:
                c.label = "GPE"


def _speaking_surname(sdoc: Any, group: list[Cand], lex: Lexicon) -> bool:
    """A one-word 'organisation' in lower case after its capital (no acronym), outside the exonym
    table and after no body noun, that speaks after the quotation it said ('" ... " , dijo Hoon'),
    or that speaks and that the model also read once as a person ("Solbes subrayó"): a surname
    ("Airbus dijo" stays a body)."""
    if any(len(c.tokens) != 1 or c.acronym or c.nick or not c.text.istitle() or exonym_key(c.tokens) is not None
           or _org_headed(sdoc, c, lex) for c in group):
        return False
    if any(_after_speech_verb(sdoc, c, lex) for c in group):
        return True  # '" ... " , dijo Hoon': a name after the verb of what was said is its speaker's
    return any(c.model_label in ("PER", "PERSON") for c in group) and any(_human_subject(sdoc, c, lex) for c in group)


def _after_speech_verb(sdoc: Any, cand: Cand, lex: Lexicon) -> bool:
    """The mention comes right after a verb people do, after a comma or a quotation ('" ... " ,
    destacó Hoon'), and is its subject: the inverted order of a quotation's speaker."""
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not len(span) or span[0].i < 2:
        return False
    verb, mark = sdoc[span[0].i - 1], sdoc[span[0].i - 2]
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.casefold() in lex.human_verbs and verb.text.islower() \
        and (mark.text in (",", '"', "\u201d", "\u00bb") or mark.is_quote) and span[-1].dep_ in ("nsubj", "nsubj:pass")


def _subject(sdoc: Any, cand: Cand) -> bool:
    """The mention's last word is the subject of a verb."""
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].dep_ in ("nsubj", "nsubj:pass") \
        and span[-1].head.pos_ in ("VERB", "AUX")


def _place_headed(sdoc: Any, cand: Cand, lex: Lexicon) -> bool:
    """A kind of place ("provincia", "ciudad") or a street's noun heads the mention, written out or
    abbreviated ("Cd. Madero"), or stands before it ("la provincia de Misiones", "el río Bidasoa")."""
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span[0].lower_ in lex.place_heads or span[0].lower_ in lex.street_heads:
        return True
    short = _abbreviation_of(span[0], lex)  # "Cd. Madero", "Av. Juárez": the abbreviated word heads it
    if short is not None and (short in lex.place_heads or short in lex.street_heads):
        return True
    i = span[0].i - 1
    if i >= 1 and sdoc[i].lower_ in lex.name_particles:
        i -= 1
    return i >= 0 and (sdoc[i].lower_ in lex.place_heads or sdoc[i].lower_ in lex.street_heads)


def _headed_bodies(sdoc: Any, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A 'person' of several words with no given name first that the article once puts after a
    body noun ("la escudería Red Bull", "la empresa Grupo Salinas"; data `org_heads`) is that body."""
    for members in groups:
        group = [cands[i] for i in members]
        if linking.group_label(cands, members) != "PERSON" or any(c.nick or c.roles or c.nominal for c in group):
            continue
        full = [c for c in group if len(c.text.split()) >= 2]
        if full and not any(_given_name_first(c.text) for c in full) and any(_org_headed(sdoc, c, lex) for c in full):
            for c in group:
                c.label, c.person = "ORG", None


def _lone_words(sdoc: Any, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> set[int]:
    """A one-word 'person' named once, never in full, with no given name, title, role or human
    verb and not after a place's preposition ("Notimex", "Armagedón", "Unicable" read as people):
    nothing tells it is a person, nor what else it is. It stays a mention with the model's label
    and makes no entity (a guessed kind would put junk among the article's people)."""
    out: set[int] = set()
    body = doc_text(sdoc)
    for members in groups:
        if len(members) != 1:
            continue
        c = cands[members[0]]
        if c.label != "PERSON" or len(c.text.split()) != 1 or c.person is not None or c.nick or c.nominal \
                or c.roles or c.acronym or not c.text[:1].isupper():
            continue
        if _given_name_first(_plain(f"{c.text} {c.text}")) or _human_subject(sdoc, c, lex) or _placed(body, c, lex):
            continue
        if exonym_key(name_tokens(c.text)) is not None:
            continue
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        near = sdoc[max(0, span[0].i - 4):span[0].i] if span is not None and len(span) else []
        if any(t.lower_ in lex.titles or t.lower_ in lex.role_nouns for t in near):
            continue  # "la Gobernadora del Valle Roldán": an office names its holder
        out.add(members[0])
    return out



_DESCRIPTOR_PLACES = frozenset({"GPE", "NORP", "LOC"})


def _described_bodies(sdoc: Any, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A body's description written right before its name ("U.S. electronics retailer Best Buy",
    "Russian flag carrier Aeroflot", "la compañía aérea irlandesa Aer Lingus") refers to the body:
    it is an evidence span of it, as a title before a person's name is of the person. The
    description ends (English) or opens (Spanish) with a body noun (`org_heads`) and holds lower-case
    words and, in English, a place or nationality opening it."""
    if not lex.org_heads:
        return
    for c in _grouped_bodies(cands, groups):
        first = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if first is None or first.start == 0:
            continue
        found = _description_before(sdoc, first.start, lex)
        if found is not None and found not in c.spans:
            c.spans.append(found)


def _grouped_bodies(cands: list[Cand], groups: list[list[int]]) -> Iterator[Cand]:
    """The organisation mentions of the article's groups, nicknames left out."""
    for members in groups:
        for i in members:
            if cands[i].label == "ORG" and not cands[i].nick:
                yield cands[i]


def _description_before(sdoc: Any, at: int, lex: Lexicon) -> tuple[int, int] | None:
    """The char span of a body's description ending at token `at` (see `_described_bodies`), or None."""
    def lower(tok: Any) -> bool:
        return tok.is_alpha and tok.text.islower() and tok.pos_ in ("NOUN", "ADJ")

    k = at - 1
    if lex.head_initial:  # "la compañía aérea irlandesa": the noun, its adjectives, the name
        adjectives = 0
        while k >= 0 and adjectives < 3 and lower(sdoc[k]) and sdoc[k].pos_ == "ADJ":
            k, adjectives = k - 1, adjectives + 1
        if k < 1 or sdoc[k].lower_ not in lex.org_heads or sdoc[k].pos_ != "NOUN" \
                or sdoc[k - 1].lower_ not in lex.determiners:
            return None
        return sdoc[k].idx, sdoc[at - 1].idx + len(sdoc[at - 1].text)
    head = sdoc[k]
    if not lower(head) or head.lower_ not in lex.org_heads and head.lower_ not in _RIVAL_NOUNS:
        return None
    start = k
    while start - 1 >= 0 and at - start < 4 and lower(sdoc[start - 1]):
        start -= 1
    while start - 1 >= 0 and sdoc[start - 1].ent_type_ in _DESCRIPTOR_PLACES and sdoc[start - 1].text[:1].isupper():
        start -= 1
    if start >= 2 and sdoc[start - 1].lower_ in ("'s", "\u2019s") and sdoc[start - 2].text[:1].isupper():
        start -= 2  # the owner: "Boeing's European rival Airbus"
        while start - 1 >= 0 and sdoc[start - 1].ent_iob_ == "I" and sdoc[start].ent_iob_ == "I":
            start -= 1
    elif head.lower_ in _RIVAL_NOUNS:
        return None  # a rival is someone's: "rival Airbus" alone says nothing
    return sdoc[start].idx, head.idx + len(head.text)


_RIVAL_NOUNS = frozenset({"rival", "competitor"})


# a phrase between commas after a name ("Airbus, Europe's biggest aircraft manufacturer, said"), or between a comma
# and the sentence's end ("according to NPD Group, a market research firm."), or opening a sentence before the name
# and its comma ("Boeing's European rival, Airbus, is")
_APPOSITION_AFTER = re.compile(r", ([^,;:()\n\"\u201c\u201d]{3,120}?)(?:,|\.(?=\s|$))")
_APPOSITION_BEFORE = re.compile(r"(?:^|(?<=[.!?\n\"\u201d])\s*)([^,;:()\n\"\u201c\u201d.!?]{3,120}), $")


def _body_appositions(sdoc: Any, body: str, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A description of a body set off by commas beside its name ("Airbus, Europe's biggest
    aircraft manufacturer, has", "Airbus, la rival europea de Boeing, cree", "según NPD Group, una
    firma de estudios de mercado.", "El rival europeo de
    Boeing, Airbus, está") refers to the body: an evidence span of it. The description opens with an
    article, a lower-case word or an owner's possessive, holds a body noun (`org_heads`) or a noun
    for a rival or a leader (`person_nouns`), at most twelve words and no verb."""
    heads = lex.org_heads | lex.person_nouns
    if not heads:
        return
    for c in _grouped_bodies(cands, groups):
        after = _APPOSITION_AFTER.match(body, c.end, min(len(body), c.end + 160))
        if after is not None and _body_description(sdoc, after.start(1), after.end(1), heads, lex):
            c.spans.append((after.start(1), after.end(1)))
        if body[c.end:c.end + 1] != ",":
            continue
        before = _APPOSITION_BEFORE.search(body, max(0, c.start - 160), c.start)
        if before is not None and _body_description(sdoc, before.start(1), before.end(1), heads, lex):
            c.spans.append((before.start(1), before.end(1)))


def _body_description(sdoc: Any, start: int, end: int, heads: frozenset[str], lex: Lexicon) -> bool:
    """Whether the text between the offsets describes a body (see `_body_appositions`)."""
    toks = sdoc.char_span(start, end, alignment_mode="expand")
    if toks is None or not 1 <= len(toks) <= 12:
        return False
    first = toks[0]
    opener = first.lower_ in lex.determiners | {"a", "an", "un", "una"} or first.text.islower() or (
        len(toks) > 1 and toks[1].lower_ in ("'s", "\u2019s", "'", "\u2019"))
    return opener and not any(t.pos_ in ("VERB", "AUX") for t in toks) \
        and any(t.lower_ in heads and t.pos_ == "NOUN" for t in toks)

@lru_cache(maxsize=8)
def _reference_pattern(determiners: frozenset[str], nouns: frozenset[str]) -> re.Pattern[str]:
    """A determiner (any case: it may open a sentence) and a body's kind in lower case, alone."""
    alts = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    return re.compile(r"(?<![\w-])(?i:" + alts(determiners) + r")\s+(?:" + alts(nouns) + r")(?![\w-])")


# after the kind, words that make it a description of a name or a new body, not a reference back
_NOT_A_REFERENCE = re.compile(r"\s*(?:[(\[]|(?:of|de|del|that|which|who|whose|que|cuyo|cuya|named|called|llamad[ao])\b)")


def _body_references(sdoc: Any, body: str, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A body's kind alone after a definite or demonstrative article ("The company said", "the
    airline's fleet", "La compañía anunció", "esta empresa"; data `reference_nouns`) refers back to
    the organisation named before it: an evidence span of that organisation (never a name of it).
    The organisation is the one named (or so referred to) earlier in the same sentence or in the
    sentence before; of several, the one whose name or description holds the kind ("China Eastern
    Airlines" for "the airline", "NPD Group, a market research firm" for "the firm"); none when that
    leaves two or none, and none when the kind is followed by a name (after its adjectives: "la
    compañía aérea irlandesa Aer Lingus"), by 'of'/'de' or a relative word (a new body), or is a
    name's or a description's text. A body whose name opens with a given name (a person the model
    read as a body) or ends with a meeting's word is left out."""
    heads = lex.meeting_words | lex.event_heads  # "Worldwide Developers Conference": a meeting, no company
    named = [c for c in _grouped_bodies(cands, groups)
             if not _given_name_first(c.text) and not (c.tokens and c.tokens[-1] in heads)]
    _kind_references(sdoc, body, cands, groups, named, lex.reference_nouns, lex)


_MODEL_NUMBER = re.compile(r"\d")


def _product_references(sdoc: Any, body: str, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A product's kind alone after a definite or demonstrative article ("The aircraft", "el avión",
    "the device"; data `product_reference_nouns`) refers back to the product named before it, as a
    body's kind does to the body (`_body_references`): a name the model read as a product, or a
    miscellaneous or organisation name with a model number ("A380", "Boeing 777")."""
    named = [cands[i] for members in groups for i in members
             if not cands[i].nick and (cands[i].label == "PRODUCT" or (
                 cands[i].label in ("MISC", "ORG") and _MODEL_NUMBER.search(cands[i].text)))]
    _kind_references(sdoc, body, cands, groups, named, lex.product_reference_nouns, lex)


def _kind_references(sdoc: Any, body: str, cands: list[Cand], groups: list[list[int]], holders: list[Cand],
                     nouns: frozenset[str], lex: Lexicon) -> None:
    """A kind of `nouns` alone after a determiner of `reference_determiners`: an evidence span of the
    one mention of `holders` it refers back to (see `_body_references`); when none is named in that
    sentence or the one before, the one the article has named before, if it has named one only."""
    if not nouns or not lex.reference_determiners or not holders:
        return
    group_of = {id(cands[i]): n for n, members in enumerate(groups) for i in members}
    named = sorted(((c.start, c.end, c) for c in holders), key=lambda x: x[0])
    words: dict[int, set[str]] = {}  # group -> the words of its names and descriptions
    for _, _, c in named:
        texts = [c.text, *(body[a:b] for a, b in c.spans)]
        words.setdefault(group_of[id(c)], set()).update(w for t in texts for w in re.findall(r"\w+", t.casefold()))
    taken = [(c.start, c.end) for c in cands] + [span for c in cands for span in c.spans]
    starts = [sent.start_char for sent in sdoc.sents]
    for m in _reference_pattern(lex.reference_determiners, nouns).finditer(body):
        if not starts or _NOT_A_REFERENCE.match(body, m.end()) or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        toks = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if toks is None:
            continue
        k = toks.end
        while k < len(sdoc) and k - toks.end < 3 and sdoc[k].pos_ == "ADJ" and sdoc[k].text.islower():
            k += 1
        if k < len(sdoc) and (sdoc[k].text[:1].isupper() or sdoc[k].text[:1].isdigit()) and not sdoc[k].is_sent_start:
            continue  # "the company Apple", "la compañía aérea irlandesa Aer Lingus": a description of a name
        since = starts[max(0, bisect_right(starts, m.start()) - 2)]
        window = [c for s, e, c in named if e <= m.start() and s >= since]
        if not window:  # none named just before: the one the article has named so far, if one
            window = [c for s, e, c in named if e <= m.start()]
        found = {group_of[id(c)] for c in window}
        if len(found) > 1 and window[0].start < since:
            continue
        if len(found) > 1:
            kind = m.group().split()[-1].casefold()
            found = {n for n in found if kind in words[n] or kind + "s" in words[n]}
        if len(found) == 1:
            holder = next(c for c in reversed(window) if group_of[id(c)] in found)
            holder.references.append((m.start(), m.end()))
            named.append((m.start(), m.end(), holder))  # referred to, it is named for the next reference


def _person_pronouns(sdoc: Any, body: str, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A third person's pronoun, the subject of its clause, outside quotations ("He said", "she
    added", "Él dijo"; data `person_pronouns`) refers back to the person named (or so referred to) earlier in its sentence
    or in the sentence before: an evidence span of that person, never a name of theirs. None when
    two people there could be meant (a person whose name gives the other gender is not), or none
    is named there."""
    if not lex.person_pronouns:
        return
    from fuentes.corpus.name_constraints import entity_gender

    group_of: dict[int, int] = {}
    gender: dict[int, str | None] = {}
    for n, members in enumerate(groups):
        if linking.group_label(cands, members) != "PERSON":
            continue
        group = [cands[i] for i in members if not cands[i].nominal]
        if not group:
            continue
        for c in group:
            group_of[id(c)] = n
        full = max(group, key=lambda c: (len(c.text.split()), len(c.text))).text
        gender[n] = entity_gender(full, [c.text for c in group])
    named = sorted(((c.start, c.end, c) for c in cands if id(c) in group_of), key=lambda x: x[0])
    starts = [sent.start_char for sent in sdoc.sents]
    if not named or not starts:
        return
    for tok in sdoc:
        said = lex.person_pronouns.get(tok.lower_)
        if said is None or not tok.dep_.startswith("nsubj") or tok.idx < named[0][1] \
                or _inside_quotation(body, tok.idx):
            continue  # a subject only: "contra él" may be a thing
        since = starts[max(0, bisect_right(starts, tok.idx) - 2)]
        window = [c for s, e, c in named if e <= tok.idx and s >= since]
        found = {group_of[id(c)] for c in window if gender[group_of[id(c)]] in (None, said)}
        if len(found) == 1:
            holder = next(c for c in reversed(window) if group_of[id(c)] in found)
            holder.references.append((tok.idx, tok.idx + len(tok.text)))
            named.append((tok.idx, tok.idx + len(tok.text), holder))  # "He said ... He added": the same person


def _speaker_pronouns(sdoc: Any, body: str, cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """A first person's pronoun inside a quotation (data `speaker_pronouns`: "I", "yo" for a person;
    "we", "nosotros" for a body) is the speaker's: an evidence span of the one person (for "we": the
    one organisation, when no person is) named outside quotations in the sentence that opens the
    quotation, before its opening mark ("Jobs wrote, "I have always said ..."), or right after its
    closing mark in the sentence that closes it ("“We need ...,” said Angers"); none when two are."""
    if not lex.speaker_pronouns:
        return
    from fuentes.extract.speech import find_quote_spans

    quotes = [q for q in find_quote_spans(body) if q.closed and not q.dialogue and not q.continued]
    starts = [sent.start_char for sent in sdoc.sents]
    if not quotes or not starts:
        return
    inside = Intervals([(q.open, q.close) for q in quotes])
    kinds = {}
    for n, members in enumerate(groups):
        label = linking.group_label(cands, members)
        if label in ("PERSON", "ORG"):
            for i in members:
                if not cands[i].nominal and not inside.overlaps(cands[i].start, cands[i].end):
                    kinds[id(cands[i])] = (n, label)
    ends = [sent.end_char for sent in sdoc.sents]
    for q in quotes:
        lead = starts[bisect_right(starts, q.open) - 1]
        tail = q.close
        if re.match(r"\s*(?:,|[^\W\d_A-ZÁÉÍÓÚÑ])", body[q.close:q.close + 3]) or body[q.start:q.end].rstrip()[-1:] == ",":
            tail = ends[bisect_right(starts, q.close) - 1] if q.close < len(body) else q.close
        near = [c for c in cands if id(c) in kinds and ((lead <= c.start and c.end <= q.open) or (q.close <= c.start and c.end <= tail))]
        people = {kinds[id(c)][0] for c in near if kinds[id(c)][1] == "PERSON"}
        bodies = {kinds[id(c)][0] for c in near if kinds[id(c)][1] == "ORG"}
        span = sdoc.char_span(q.start, q.end, alignment_mode="contract")
        for tok in span or ():
            who = lex.speaker_pronouns.get(tok.lower_)
            if who is None or (lex.language == "en" and tok.lower_ == "i" and tok.text != "I"):
                continue
            found = people if who == "person" else (bodies if not people else set())
            if len(found) == 1:
                holder = next(c for c in reversed(near) if kinds[id(c)][0] in found)
                holder.references.append((tok.idx, tok.idx + len(tok.text)))


def _inside_quotation(body: str, at: int) -> bool:
    """Whether the offset lies inside quotation marks opened earlier in its paragraph."""
    seg = body[body.rfind("\n", 0, at) + 1:at]
    return seg.count('"') % 2 == 1 or seg.rfind("\u201c") > seg.rfind("\u201d") or seg.rfind("\u00ab") > seg.rfind("\u00bb")


def _article_places(cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> None:
    """'El Chamizal' named as a place and 'Chamizal' read as a person or a body elsewhere in the
    article: the bare word is that place (a person is never named by an article and a place's word)."""
    places = {c.tokens[-1] for c in cands if c.label in linking.PLACE and len(c.text.split()) == 2
              and c.text.split()[0] in lex.name_articles}
    if not places:
        return
    for members in groups:
        group = [cands[i] for i in members]
        if all(len(c.text.split()) == 1 and c.tokens[0] in places and not c.nick and c.label not in linking.PLACE
               and not getattr(c, "outlet", False) for c in group):
            for c in group:
                c.label = "GPE"


def _org_headed(sdoc: Any, cand: Cand, lex: Lexicon) -> bool:
    """The mention stands beside a noun that says it is a body ("la empresa Pemex", "la empresa de
    telefonía móvil Amena", "security firm Cisco Talos"; data `org_heads`)."""
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _beside_org_noun(span[0], lex)


def _beside_org_noun(first: Any, lex: Lexicon) -> bool:
    """The name's first token follows a body noun of `org_heads` ("la empresa Pemex") or hangs
    from one a few words before it ("la empresa de telefonía móvil Amena")."""
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in lex.org_heads:
        return True
    head = first.head
    return first.dep_ in ("appos", "nmod", "flat", "compound") and head.i < first.i and head.pos_ == "NOUN" \
        and head.lower_ in lex.org_heads and first.i - head.i <= 5


def _human_subject(sdoc: Any, cand: Cand, lex: Lexicon) -> bool:
    """The mention is the subject of a verb people do ("dijo", "said", "escaped") or carries a
    person's title just before it."""
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[-1]
    if tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.lemma_.casefold() in lex.human_verbs and not any(
            ch.dep_ in ("obj", "dobj") and ch.pos_ == "NOUN" for ch in tok.head.children):
        return True  # but "Netflix agrega tres películas": a thing given, as a company does, is no speech
    before = sdoc[span[0].i - 1] if span[0].i > 0 else None
    return before is not None and (before.lower_ in lex.titles or before.lower_.rstrip(".") in lex.titles)


def _bare_institutions(cands: list[Cand], groups: list[list[int]], lex: Lexicon) -> tuple[list[list[int]], set[int]]:
    """'el Gobierno' alone names whichever government the story is about (data
    `qualified_institutions`): it joins the one longer name the article gives it ("Gobierno de la
    Provincia de Misiones"); without one it stays a mention of an organisation but makes no
    entity (every story's 'Gobierno' would otherwise become one entity across the corpus)."""
    heads = {fold(w) for w in lex.place_heads}

    def generic(toks: tuple[str, ...]) -> bool:  # "Gobierno", "Gobierno del Estado", "Policía de la Ciudad"
        return bool(toks) and toks[0] in lex.qualified_institutions and all(
            t in lex.qualified_institutions or t in heads or t in lex.name_particles for t in toks[1:])

    if not lex.qualified_institutions or not any(generic(c.tokens) for c in cands):
        return groups, set()
    unnamed: set[int] = set()

    bare = [g for g in groups if all(generic(cands[i].tokens) for i in g) and not any(cands[i].nick for i in g)]
    for g in bare:
        word = cands[g[0]].tokens[0]
        longer = [h for h in groups if h is not g and h not in bare and any(
            len(cands[i].tokens) > 1 and cands[i].tokens[0] == word for i in h)
            and linking.group_label(cands, h) not in linking.PLACE]  # "Estado" is no short form of "Estado de México"
        if len(longer) == 1:
            longer[0].extend(g)
            for i in g:
                cands[i].label = "ORG"
        else:
            unnamed.update(g)
    return [g for g in groups if not (g in bare and (set(g) <= unnamed or any(g is not h and set(g) <= set(h) for h in groups)))], unnamed


def _company_short_forms(cands: list[Cand], lex: Lexicon) -> None:
    """'Asarco' in an article that names 'Asarco LLC': a company's name without its legal form is
    the company, whatever the model called it (it then joins the long form as its short form)."""
    bare = set()
    for c in cands:
        words = c.text.split()
        if c.label == "ORG" and len(words) >= 2 and _legal_form(words[-1]):
            toks = list(c.tokens)
            while toks and (toks[-1] in LEGAL_FORMS or toks[-1] in lex.name_particles):
                toks.pop()
            if toks:
                bare.add(tuple(toks))
    for c in cands:
        if c.label != "ORG" and not c.nick and c.tokens in bare:
            c.label = "ORG"


def _office_run_into_person(cands: list[Cand], lex: Lexicon) -> None:
    """'Obras Públicas del Estado Andrés Carbajal Casas': a span not read as a person that ends in
    a given name and the name of a person the article names alone elsewhere ("Carbajal Casas")
    is that person; the words before are the end of an office (not a body's own name word:
    "Fundación Carlos Slim" stays)."""
    people = {fold(c.text) for c in cands if c.label == "PERSON" and len(c.text.split()) >= 1}
    alone = {fold(c.text) for c in cands}
    heads: list[Cand] = []
    for c in cands:
        words = c.text.split(" ")
        if len(words) < 3 or _given_name_first(c.text):
            continue  # "Keith Lamont Scott" read as a body: the whole span is the person's
        body = fold(words[0]) in lex.org_keywords or fold(words[0]) in lex.institution_words
        k = 0 if body else _common_words_before_person(words, lex)
        if k:  # "Cultura Carmen Alborch", "Asuntos Exteriores Abel Matutes": a portfolio run into the minister's name
            cut = len(" ".join(words[:k])) + 1
            c.start, c.text, c.label = c.start + cut, c.text[cut:], "PERSON"
            continue
        if c.label == "PERSON":
            continue
        for k in range(1, len(words) - 1):
            tail, head = words[k:], " ".join(words[:k])
            if not (all(w.isalpha() and w.istitle() for w in tail) and _given_name_first(" ".join(tail))):
                continue
            named = fold(" ".join(tail)) in people or fold(" ".join(tail[1:])) in people
            place = (exonym_key(name_tokens(head)) or ("",))[0] == "~places"
            if body:  # "Audiencia Nacional Manuel García Castellón": the body's name, then its judge
                ok = named and k >= 2 and words[k - 1].islower() is False and fold(words[k - 1]) not in lex.name_particles
            else:  # "PP Paz González", "Georgia John Lewis": a party's acronym or a place before a person
                ok = named or (k == 1 and (looks_like_acronym(head) or place))
                # (not "SAN Diego Chargers": the word in capitals and the next are a name the article gives, "San Diego")
                ok = ok and fold(" ".join(words[:k + 1])) not in alone
            if not ok:
                continue
            if body or looks_like_acronym(head) or place or fold(head) in alone:
                label = "ORG" if body or looks_like_acronym(head) else ("GPE" if place else c.label)
                heads.append(Cand(c.start, c.start + len(head), head, label, c.model_label))
            cut = len(head) + 1
            c.start, c.text, c.label = c.start + cut, c.text[cut:], "PERSON"
            break
    if heads:
        cands.extend(heads)
        cands.sort(key=lambda c: (c.start, c.end))


def _common_words_before_person(words: list[str], lex: Lexicon) -> int:
    """How many capitalised common words of the language open a person's span before a given
    name and a surname ("Asuntos Exteriores Abel Matutes": 2), or 0."""
    for k in range(1, len(words) - 1):
        tail = words[k:]
        if all(w.isalpha() and w.istitle() for w in tail) and _given_name_first(" ".join(tail)):
            if _holiday(tail, lex):
                return 0  # "Concierto de Año Nuevo": a holiday ends the name, no one's name ("Año" read as "Ano")
            head = words[:k]
            if common_pos_of(head[0], lex.language) == "noun" and all(
                    w.isalpha() and common_pos_of(w, lex.language) in ("noun", "adj") for w in head):
                return k
            return 0
    return 0


def _place_run_into_person(body: str, cands: list[Cand]) -> None:
    """'de Medellín Daniel Quintero, alcalde': a person's span of three words or more that opens
    with a place the article names alone elsewhere starts after that place (a headline or a
    dateline run into the story's first name); 'Bernie Sanders Iowa caucus': a person's span that
    ends with such a place (one or two words), after a name of two words or more, ends before it,
    unless what is left ends on a given name ("José Antonio Camacho": a surname the Spanish model
    reads as a place elsewhere) or the span ends before punctuation."""
    places = {fold(c.text) for c in cands if c.label in linking.PLACE}
    people = {fold(c.text) for c in cands if c.label == "PERSON"}
    for c in cands:
        words = c.text.split(" ")
        if len(words) >= 3 and fold(words[0]) in places and (
                c.label == "PERSON" or fold(" ".join(words[1:])) in people):
            cut = len(words[0]) + 1
            c.start, c.text, c.label = c.start + cut, c.text[cut:], "PERSON"
        elif len(words) >= 3 and c.label == "PERSON":
            for n in (2, 1):
                if len(words) - n >= 2 and fold(" ".join(words[-n:])) in places \
                        and not _given_name_first(f"{words[-n - 1]} {words[-n - 1]}") \
                        and not re.match(r"[ \t]*(?:[,.;:)]|$)", body[c.end:c.end + 3]):
                    c.text = " ".join(words[:-n])  # (not "José Antonio Camacho ,": a name of given names
                    c.end = c.start + len(c.text)  # needs its surname, and a name ends before punctuation)
                    break


def _common_words_only(sdoc: Any, cands: list[Cand], members: list[int], lex: Lexicon, lowered: "_LowerWords") -> bool:
    """A local entity whose every mention is made of common words of the language, capitalised as
    a heading or by convention ("Estado", "Parte", "Educación", "Decreto", "Declaración de
    Nacionalidad", "APOYO"), never named otherwise (a person's full name, a nickname): no entity.
    Common: a word the article writes in lower case and never capitalises inside a sentence, or
    (Spanish) a word of the model's lexicon (`alias_words`). Kept: a common word that alone names
    one institution ("el Congreso"; data `standalone_names`), a short acronym ("PAN"), a name of
    the exonym table ("Casa Blanca", "Estados Unidos"), a word after a capitalised article that
    belongs to the name ("La Paz"), a place after a place preposition ("en Guerrero"), an
    organisation of several words ("Corte Suprema"), a place of several words not read as a
    common noun phrase after a lower-case article ("en Puerto Rico" but not "el Año Nuevo"), a
    person whose first word is a given name ("Rosa Moreno")."""
    group = [cands[i] for i in members]
    if any(c.nick or c.nominal or _team(c) or getattr(c, "dateline", False) for c in group):
        return False  # a team in a results line ("VALENCIA 20 12 5 3 ...") is named whatever its word
    if all(_caps_common_words(sdoc, c, lex, lowered) for c in group):
        return True  # "NUEVAS TECNOLOGIAS", "PERSONAS VIAJARAN": a headline's common words in capitals
    label = linking.group_label(cands, members)
    for c in group:
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        words = [t for t in span or () if t.is_alpha and not (t.text.islower() and t.lower_ in lex.name_particles)]
        if not words or exonym_key(name_tokens(c.text)) is not None:
            return False
        if any(_capital_compound(t.text) for t in span or ()):
            return False  # "Castilla-La Mancha", "Alsacia-Lorena": a compound of names, whatever its words
        if label == "PERSON" and _INITIAL.search(c.text):
            return False  # "M. Cuenca": an initial makes a person's name, whatever its words
        before = sdoc[words[0].i - 1] if words[0].i > 0 else None
        after_article = before is not None and before.lower_ in lex.determiners
        if len(words) == 1:
            word = words[0]
            if word.lower_ in lex.standalone_names or (word.text.isupper() and len(word.text) <= 4):
                return False
            if label in ("EVENT", "LAW") and word.text.istitle() and not opens_sentence(sdoc, word.i, dashes=True):
                return False  # "los Juegos", "la Liga", "la Constitución": a contest or a law named by its one word
            if after_article and before.text[:1].isupper() and not before.text.isupper() \
                    and not opens_sentence(sdoc, before.i, dashes=True):
                return False  # "La Paz", "Los Ángeles": the article is the name's (not in a headline in capitals)
            if label in linking.PLACE and before is not None and before.lower_ in lex.place_prepositions \
                    and word.lower_ not in lowered:
                return False
            if label in linking.PLACE and _kind_of_place_and_particle(before, lex):
                return False  # "la provincia de Misiones", "the state of Georgia"
        elif label in ("ORG", "LAW") or (label in linking.PLACE and not _role_word(words[0], lex)):
            return False  # "Corte Suprema", "Puerto Rico", "el País Vasco", "Ley Federal de Derechos": one thing
            # (but "del Fiscal Federal" read as a place: an office of common words names no place)
        elif label in ("MISC", "EVENT") and not opens_sentence(sdoc, words[0].i, dashes=True) \
                and all(t.text.istitle() for t in words):
            return False  # "la Liga de Campeones", "la Copa del Rey": a named event, law or work inside a sentence
        elif label == "PERSON" and _given_name_first(c.text):
            return False
        if not all(t.lower_ in lex.extra_common_words or _caps_adjective(t, lex) or is_common(
                t, lex.language, lowered, lex.verb_endings, lex.infinitives) for t in words):
            return False
    return True


def _caps_common_words(sdoc: Any, cand: Cand, lex: Lexicon, lowered: "_LowerWords") -> bool:
    """A mention written in capitals whose every word is a common word of the language's lexicon
    (an accent lost in capitals aside: "TECNOLOGIAS", "VIAJARAN") or a stop word, and no name of the
    exonym table nor a word that alone names an institution: a headline's words, no name. Only for a
    language whose lexicon lists common words only (`alias_words`)."""
    if not cand.text.isupper() or not common_words(lex.language) or exonym_key(name_tokens(cand.text)) is not None:
        return False
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    words = [t for t in span or () if t.is_alpha]
    if not words or (len(words) == 1 and words[0].lower_ in lex.standalone_names):
        return False
    return all(t.is_stop or common_pos_of(t.lower_, lex.language) is not None
               or verb_string(fold(t.lower_), lex.language, lex.verb_endings, lex.infinitives)
               or is_common(t, lex.language, lowered, lex.verb_endings, lex.infinitives) for t in words)


_INITIAL = re.compile(r"(?:^|\s)[A-ZÁÉÍÓÚÑ]\.(?:\s|$)")


def _caps_adjective(tok: Any, lex: Lexicon) -> bool:
    """A word in capitals that is a feminine or plural form of an adjective of the lexicon
    ("GRATUITAS" of "gratuito", "NUEVAS"; data `adjective_endings`): a heading's or a banner's word, no name (the lexicon
    lists adjectives in the masculine singular; a name in capitals, "BLANCA", stays one when it is
    no such form of a listed adjective)."""
    word = tok.lower_
    if not lex.adjective_endings or not (tok.is_alpha and tok.text.isupper() and len(word) >= 5):
        return False
    adjectives = common_words(lex.language).get("adj", frozenset())
    return any(word.endswith(end) and word[:len(word) - len(end)] + base in adjectives
               for end, base in lex.adjective_endings)


def _capital_compound(word: str) -> bool:
    """A hyphenated word whose parts after the hyphen are capitalised too ("Castilla-La")."""
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].isupper() and p.isalpha() for p in parts)


def _acronym_led(toks: list[Any]) -> bool:
    """The first word is an acronym (three or more capitals, no given name: "DIF", not "JOSÉ") and
    a later word is not in capitals, so the span is no name written in capitals."""
    first = toks[0].text
    return first.isalpha() and first.isupper() and len(first) >= 3 and not _given_name_first(_plain(first.title())) \
        and any(not t.text.isupper() for t in toks[1:] if t.is_alpha)


_GIVEN_READINGS = frozenset({"male", "female", "mostly_male", "mostly_female"})


def _common_not_given(word: Any, nxt: Any, lex: Lexicon) -> bool:
    """A capitalised common word of the language that is no given name before a name ("Trust" +
    "Donald Trump" in a capitalised headline's words): no part of the name."""
    if not word.is_alpha or not word.text.istitle() or _given_name_first(f"{word.text} {nxt.text}"):
        return False  # (an acronym in capitals is a name's word: "INS Sukanya")
    return _common_word(word.text, word.lower_, lex)


def _common_word(text: str, low: str, lex: Lexicon) -> bool:
    """`text` (lower-cased `low`) is a word of the language's lexicon, a common part of speech or a
    verb form."""
    return low in lexicon_words(lex.language) or common_pos_of(text, lex.language) is not None \
        or verb_string(low, lex.language, lex.verb_endings, lex.infinitives)


def _word_before_person(cands: list[Cand], lex: Lexicon) -> None:
    """A person's span of three words or more whose first word is a common word of the language
    and no given name, the rest a person's name the article writes on its own ("Can conservatives
    Trust Donald Trump?" beside "Donald Trump"): that word was run into the name and is none of it."""
    people = {c.tokens for c in cands if c.label == "PERSON"}
    for c in cands:
        parts = c.text.split(None, 1)
        if c.label != "PERSON" or c.name or c.nick or len(parts) < 2 or len(c.tokens) < 3 or (
                c.tokens[1:] not in people and not _plural_before_given(parts, lex)):
            continue
        word = parts[0]
        if not word.isalpha() or not word.istitle() or word.lower() in lex.titles or _given_name_first(c.text):
            continue
        if _common_word(word, word.casefold(), lex) or _plural_before_given(parts, lex):
            at = c.text.index(parts[1], len(word))
            c.start, c.text = c.start + at, parts[1]


def _plural_before_given(parts: list[str], lex: Lexicon) -> bool:
    """A capitalised plural whose singular is a word of the language ("Floridians", "Demócratas")
    before a given name and a surname: people described ("Floridians Jeb Bush"), none of the name."""
    word = parts[0]
    if not (word.isalpha() and word.istitle() and word.endswith("s") and len(word) > 4):
        return False
    singular = word[:-1].casefold()
    return _given_name_first(parts[1]) and len(parts[1].split()) >= 2 and _common_word(singular, singular, lex)


def _words_after_person(cands: list[Cand], lex: Lexicon) -> None:
    """A person's span of three words or more that is a full name the article writes on its own
    followed by capitalised common words of the language, none a given name or a title ("Hillary
    Clinton Sides With Labor", "Paul Ryan Joins Growing List" in a headline; "Pedro Sánchez Anuncia
    Elecciones"): the headline's words were run into the name and are none of it."""
    people = {c.tokens for c in cands if c.label == "PERSON" and len(c.tokens) >= 2}
    surnames = Counter(c.tokens[-1] for c in cands if c.label == "PERSON" and c.tokens)  # "Rodríguez Zapatero"
    for c in cands:
        words = list(re.finditer(r"\S+", c.text))
        if c.label != "PERSON" or c.name or c.nick or len(words) < 3 or len(c.tokens) != len(words):
            continue
        for k in range(2, len(words)):
            if c.tokens[:k] not in people:
                continue
            first = c.tokens[k]  # the first word after the name decides: "Ted Cruz Hints Trump" is Ted Cruz
            if _headline_word(words[k].group(), lex) and surnames[first] <= (first == c.tokens[-1]):
                c.end = c.start + words[k - 1].end()
                c.text = c.text[:words[k - 1].end()]
            break


def _headline_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word of the language's lexicon that is no given name, title or name suffix."""
    low = word.casefold()
    if not (word.isalpha() and word.istitle()) or low in lex.titles or _given_name_first(f"{word} {word}"):
        return False
    forms = [low]  # English inflections the lemma index leaves out: "Sides", "Wins", "Joins", "Growing"
    if lex.language == "en":
        forms += [low[:-1]] if low.endswith("s") else []
        forms += [low[:-2]] if low.endswith("es") else []
        forms += [low[:-3], low[:-3] + "e"] if low.endswith("ing") else []
    return any(len(f) >= 3 and _common_word(f, f, lex) for f in forms)


def _given_name_first(name: str) -> bool:
    """The name opens with a word the first-name list reads as a man's or a woman's name, mostly or
    always, as written or without its accents ("Simón" as "Simon", "María", "Jesús")."""
    from fuentes.extract.speakers import _first_word_reading

    if _first_word_reading(name) in _GIVEN_READINGS:
        return True
    plain = _plain(name)
    return plain != name and _first_word_reading(plain) in _GIVEN_READINGS


def candidates(sdoc: Any, lex: Lexicon, lowered: "_LowerWords | None" = None) -> list[Cand]:
    """The model's named spans, trimmed (determiner, title, possessive, punctuation), mapped to
    OntoNotes-style labels, with organisation keywords and suffixes applied; junk dropped."""
    cands: list[Cand] = []
    body = doc_text(sdoc)
    lowered = lowered if lowered is not None else _LowerWords(body)
    # "Steve Jobs" ... "Jobs said": a surname of a person the article names in full is a name even
    # where it opens a sentence and the article also writes the word in lower case ("jobs")
    surnames = {ent[-1].text for ent in entity_spans(sdoc) if ent.label_ in ("PERSON", "PER") and len(ent) >= 2
                and ent[-1].is_alpha and ent[-1].text.istitle()}
    for ent_toks, ent_label in _model_spans(sdoc):
        label = CONLL_TO_ONTONOTES.get(ent_label, ent_label)
        if label not in NAME_LABELS:
            continue
        split = label in SPLIT_LABELS or ent_label == "MISC"  # CoNLL-style MISC spans run on most
        for toks in _pieces(ent_toks, lex if split else None, lex.web_furniture, verbs=lex):
            # "Alemania BERLÍN.- Un": the dateline names the place the story was filed from
            filed = len(toks) == 1 and _dateline_word(toks[0])
            alone = filed and not (toks[0].i > 0 and sdoc[toks[0].i - 1].is_alpha and sdoc[toks[0].i - 1].text.isupper())
            piece_label = "GPE" if filed else label
            for part, part_label in _role_split(toks, piece_label, lex):
                part = _drop_opener(sdoc, part, lex, lowered, surnames)
                cand = _candidate(sdoc, body, part, part_label, ent_label, lex, lowered) if part else None
                if cand is not None:
                    if alone and _filed_place(sdoc, body, toks[0], cand, lex, lowered):
                        cand.label = "GPE"  # "DETROIT -", "la víspera DETROIT (WWJ) -": a dateline's place in capitals,
                        cand.dateline = True  # no acronym of a body nor a body after a common noun (not the last word
                        # of a run in capitals: "EL PRECIO JUSTO -", "SIERRA LEONA -")
                    cands.append(cand)
    tailed = [c for c in cands if getattr(c, "tailed", False)]
    if tailed:  # "Bilbao" of "Jefatura Superior de Policía de Bilbao": now inside the body's name
        cands = [c for c in cands if not any(t is not c and t.start <= c.start and c.end <= t.end for t in tailed)]
    return cands


def _model_spans(sdoc: Any) -> list[tuple[list[Any], str]]:
    """The model's named spans as (tokens, label); two spans of one label the model left side by
    side, one space apart, are one name ("Oriente" + "Medio", "Nueva" + "York"); a nationality
    the model tagged alone before capitalised words it left out is one name with them when the
    exonym table lists the whole ("Islamic" + "State": the Islamic State, not a "State")."""
    out: list[tuple[list[Any], str]] = []
    last_end = -1
    for ent in entity_spans(sdoc):
        toks = list(ent)
        model = _model_after_maker(sdoc, toks) if out and ent.start == last_end and out[-1][1] in ("ORG", "PRODUCT") \
            and out[-1][0][-1].whitespace_ == " " and ent.label_ in ("PRODUCT", "CARDINAL") else None
        if model:
            out[-1] = (out[-1][0] + model, "PRODUCT")  # "Boeing" + "717" tagged apart: the maker's model, one name
            last_end = model[-1].i + 1
            continue
        if ent.label_ in _COUNT_LABELS:
            # "ten A380s", "four A320s" read as a date or a count: the model number is a product's name
            if len(toks) >= 2 and _PLURAL_MODEL.fullmatch(toks[-1].text):
                out.append(([toks[-1]], "PRODUCT"))
                last_end = ent.end
            elif (counted := _counted_model(toks)) is not None:
                out.append(([counted], "PRODUCT"))  # "6" + "A321s": the count read alone, the model left out
                last_end = counted.i + 1
            continue
        if out and ent.start == last_end and ent.label_ == out[-1][1] and out[-1][0][-1].whitespace_ == " " \
                and toks[0].text[:1].isupper() and not _ends_company(out[-1][0][-1]):
            out[-1][0].extend(toks)
        else:
            out.append((toks, ent.label_))
        last_end = ent.end
    counted = [found for tok in sdoc if tok.like_num and tok.ent_iob_ == "O" and (found := _counted_model([tok])) is not None]
    if counted:  # a count no span holds ("6 A321s" where the model tags no figures)
        out = sorted(out + [([tok], "PRODUCT") for tok in counted], key=lambda span: span[0][0].i)
    return [_listed_whole(toks, label) if label == "NORP" else (toks, label) for toks, label in out]



def _counted_model(toks: list[Any]) -> Any:
    """The untagged letter-led model number in the plural right after a count the model read alone
    ("24 A320s and 6 A321s": "6" CARDINAL, "A321s" untagged), or None."""
    doc, after = toks[-1].doc, toks[-1].i + 1
    if len(toks) != 1 or not toks[0].like_num or after >= len(doc) or not toks[0].whitespace_:
        return None
    nxt = doc[after]
    return nxt if nxt.ent_iob_ == "O" and _PLURAL_MODEL.fullmatch(nxt.text) else None

def _model_after_maker(sdoc: Any, toks: list[Any]) -> list[Any] | None:
    """The tokens of a model's figures tagged right after its maker's name ("717", "777-200LR", and
    "737" with the "-800" the model left out), or None when the span is no model number."""
    end = toks[-1].i + 1
    while end + 1 < len(sdoc) and not sdoc[end - 1].whitespace_ and sdoc[end].text == "-" \
            and not sdoc[end].whitespace_ and sdoc[end + 1].text[:1].isdigit():
        end += 2
    run = list(sdoc[toks[0].i:end])
    if end < len(sdoc) and (sdoc[end].like_num or sdoc[end].text == "%"):
        return None  # "Apple 200 million": a sum, no model
    return run if _bare_model_number("".join(t.text for t in run)) else None


def _listed_whole(toks: list[Any], label: str) -> tuple[list[Any], str]:
    """A NORP span and the untagged capitalised proper nouns right after it (at most three), as
    the organisation or place of the exonym table they name together; else the span as it is."""
    doc, end = toks[0].doc, toks[-1].i + 1
    for stop in range(end + 1, min(end + 3, len(doc)) + 1):
        run = doc[end:stop]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_iob_ == "O" for t in run) \
                or not all(t.whitespace_ for t in doc[end - 1:stop - 1]):
            break
        key = exonym_key(name_tokens(doc[toks[0].i:stop].text))
        if key is not None:
            return list(doc[toks[0].i:stop]), "GPE" if key[0] == "~places" else "ORG"
    return toks, label


# a sports result or standings line: "Bahia 2 Atletico Paranaense 0", "CHICAGO 69 59 .539 7"
_TEAM = r"[A-Z\u00c0-\u00dd][\w.'&-]*(?: (?:[A-Z\u00c0-\u00dd][\w.'&-]*|de|del|la|of|the))*?"
_RESULT = re.compile(r"(?m)^[ \t]*(?P<a>" + _TEAM + r")[ \t]+\d{1,3}[ \t]+(?P<b>" + _TEAM + r")[ \t]+\d{1,3}[ \t]*(?:\([^()\n]*\))?[ \t]*$")
_STANDING = re.compile(r"(?m)^[ \t]*(?P<a>" + _TEAM + r")(?:[ \t]+(?:\d+|\d*\.\d+|\d+/\d+|-)){3,}[ \t]*$")
# "Sion win 4-2 on aggregate", "Gloria Bistrita - Ilie Lazar ( 32nd )": a side winning by a score,
# a side and its scorers with their minutes
# a fixture "OAKLAND AT BOSTON": the visiting team at the home team's city
_FIXTURE = re.compile(r"(?m)^[ \t]*(?P<a>" + _TEAM + r")[ \t]+(?:AT|at|vs\.?|v)[ \t]+(?P<b>" + _TEAM + r")[ \t]*$")
# a scorecard's side with its total before the details ("At Colchester : Gloucestershire 280 ( J.
# Russell 63 ...", ". Essex 194-0 ( G. Gooch ...")
_INNINGS = re.compile(r"(?:^|(?<=[:;.] ))(?P<a>" + _TEAM + r")[ \t]+\d{1,3}(?:-\d{1,2})?(?:[ \t]+(?:declared|dec|all out))?[ \t]+\(", re.MULTILINE)
_WON = re.compile(r"(?m)^[ \t]*(?P<a>" + _TEAM + r")[ \t]+(?:win|won|wins|beat|beats|lost|lose|loses|drew|draw|gana|ganó|vence|venció|perdió|empató)[ \t]+\d{1,2}-\d{1,2}\b")
_SCORERS = re.compile(r"(?m)^[ \t]*(?P<a>" + _TEAM + r")[ \t]+-[ \t]+[^\n]*?\([ \t]*\d{1,3}(?:st|nd|rd|th)?[ \t]*(?:pen|penalty)?[ \t]*\)")


# "C. Lewis", "D. Cork": an initial and a surname; listed after a line start, ":", ",", ";" or "(" and
# before ",", "(", ")", ";", a figure or the line's end (scorecards, result lists, credits)
_INITIAL_NAME = re.compile(r"(?:^|(?<=[:,;(] ))(?P<a>[A-Z]\. ?[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?)(?=[ \t]*(?:[,;()]|\d|$))", re.MULTILINE)
# "Cedric Pioline ( France )": a given name and a surname followed by a country in brackets
_NAME_COUNTRY = re.compile(r"(?P<a>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2}) \( ?(?P<c>[A-Z][\w.]+(?: [A-Z][\w.]+)?) ?\)")


def _listed_people(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """People in lists: an initial and a surname in a list ("R. Croft , D. Cork , A. Mullally") and a
    given name and surname followed by a country in brackets ("Cedric Pioline ( France )") are
    people, whatever the model read or missed (not a place of the exonym table, "N. Korea")."""
    if "." not in body and "(" not in body:
        return
    found = [m.span("a") for m in _INITIAL_NAME.finditer(body)
             if exonym_key(name_tokens(m["a"])) is None and fold(m["a"].split()[-1].lstrip(".")) not in lex.determiners]
    for m in _NAME_COUNTRY.finditer(body):
        key = exonym_key(name_tokens(m["c"]))
        if key is not None and key[0] == "~places" and _given_name_first(m["a"]) and exonym_key(name_tokens(m["a"])) is None:
            found.append(m.span("a"))
    for start, end in found:
        inside = [c for c in cands if c.start < end and start < c.end]
        if any(c.label == "PERSON" or c.start < start or c.end > end for c in inside):
            continue
        for c in inside:
            cands.remove(c)
        cands.append(Cand(start, end, body[start:end], "PERSON", "PERSON"))
    cands.sort(key=lambda c: c.start)


# what joins the names of a list: a comma, a semicolon, "y"/"e"/"and"
_LIST_GAP = re.compile(r"[ \t]*(?:[,;]|,?[ \t]+(?:y|e|and))[ \t]+")
_BRACKETED = re.compile(r"[ \t]*\([ \t]*")


def _list_runs(body: str, cands: list[Cand]) -> list[list[Cand]]:
    """The article's lists of names: runs of candidates joined by commas, semicolons or y/and (an
    item's club or country in brackets after it is passed over)."""
    ordered = sorted((c for c in cands if c.start >= 0), key=lambda c: c.start)
    runs: list[list[Cand]] = []
    reach = -1  # where the last item of the current run ends, past its bracketed club or country
    for n, c in enumerate(ordered):
        if runs and reach >= 0 and _BRACKETED.fullmatch(body, runs[-1][-1].end, c.start) \
                and _CLOSE_BRACKET.match(body, c.end):
            reach = _CLOSE_BRACKET.match(body, c.end).end()  # "Juric ( Sevilla )": the item's club
            continue
        if runs and reach >= 0 and _LIST_GAP.fullmatch(body, reach, c.start):
            runs[-1].append(c)
        else:
            runs.append([c])
        reach = c.end
    return runs


def _listed_with_people(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """A list of names in which people are named in full or by a given name ("Michel Salgado ,
    Karanka , Iván Campo , Helguera"; "Iván , Vanessa , Ismael , Ania y Marina"; players with their
    clubs in brackets, "Juric ( Sevilla ) y Mena ( Celta )") lists people: a name of one or two words
    in it that the model read as a place or a body is a person, when it is no place or body of the
    exonym table, no acronym and no kind of place ("Cuba , Holanda y Rusia" stay places)."""
    for run in _list_runs(body, cands):
        if len(run) < 3:
            continue
        given = [c for c in run if " " not in c.text and c.text.istitle() and exonym_key(c.tokens) is None
                 and _given_name_first(f"{c.text} {c.text}")]
        full = [c for c in run if c.label == "PERSON" and len(c.text.split()) >= 2 and _given_name_first(c.text)]
        people = {id(c) for c in run if c.label == "PERSON"} | {id(c) for c in given}
        if not (full or given) or 2 * len(people) < len(run):
            continue
        for c in run:
            words = c.text.split()
            if c.label == "PERSON" or c.nick or len(words) > 2 or looks_like_acronym(c.text) \
                    or exonym_key(name_tokens(c.text)) is not None or fold(words[0]) in lex.place_heads \
                    or fold(words[0]) in lex.institution_words or fold(words[0]) in lex.org_keywords:
                continue
            c.label = "PERSON"


_PLACE_LIST_CUE = re.compile(r"(?:^|\s)([^\W\d_]+)\s+(?:de|of|como|such as|like|including|incluidos|incluidas)\s*:?\s*$",
                             re.IGNORECASE)


def _listed_with_places(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """A list of names that a plural kind of place opens ("las regiones de Emilia Romaña, Friul-Venecia
    Julia, Lombardía y Véneto", "the states of Iowa, Ohio and Nevada") or whose names are places but
    for one in four lists places: a name in it that the model read as a body, a person or a name of no
    kind (not a nationality: "England, France and Norway, Jews fear") is a place, when it is no body of the exonym table, no acronym, has no body's or company's
    word and is no team of a results line, nor (without a kind of place before the list) a person's
    full name (a known given name first)."""
    for run in _list_runs(body, cands):
        if len(run) < 3 or any(_team(c) or c.nick or c.nominal or c.roles for c in run):
            continue
        words = _PLACE_LIST_CUE.search(body, max(0, run[0].start - 40), run[0].start)
        cued = bool(words) and len(words.group(1)) > 2 and words.group(1).casefold().endswith("s") \
            and _place_head(words.group(1).casefold(), lex)
        places = sum(1 for c in run if c.label in linking.PLACE or _table_place(c.text))
        if not cued and (places < 3 or 4 * places < 3 * len(run)):
            continue
        for c in run:
            first = fold(c.text.split()[0])
            if c.label in linking.PLACE or c.label == "NORP" or looks_like_acronym(c.text) or len(c.text.split()) > 3 \
                    or exonym_key(name_tokens(c.text)) is not None or first in lex.institution_words \
                    or first in lex.org_keywords or any(fold(w) in lex.org_keywords for w in c.text.split()) \
                    or (not cued and c.label == "PERSON" and len(c.text.split()) >= 2 and _given_name_first(c.text)):
                continue
            c.label = "GPE"


def _table_place(text: str) -> bool:
    """The exonym table lists the name among places."""
    return (exonym_key(name_tokens(text)) or ("",))[0] == "~places"


def _team(cand: Cand) -> bool:
    """The candidate was read as a team in a results line (`_score_lines` marks it)."""
    return getattr(cand, "team", False)


def _score_lines(body: str, cands: list[Cand]) -> None:
    """Teams in results, fixtures and standings: the two names of a line 'Bahia 2 Atletico
    Paranaense 0' are teams, organisations whatever the model read (a city, a person, nothing);
    so is the first name of a fixture 'OAKLAND AT BOSTON' (the second is the city played in) and
    the name opening a standings line with a winning percentage or six figures or more
    ('CHICAGO 69 59 .539 7'); a name the model found opening a line of three figures or more, a
    side winning by a score ('Sion win 4-2') or listing its scorers ('X - Jane Roe ( 32nd )') is a
    team unless the model read a person (a golfer's line of scores)."""
    if not any(ch.isdigit() for ch in body):
        return
    spans = [(m.start(k), m.end(k), "ORG") for m in _RESULT.finditer(body) for k in ("a", "b")]
    spans += [(m.start("a"), m.end("a"), "ORG") for m in _INNINGS.finditer(body)]
    spans += [(m.start("a"), m.end("a"), "ORG") for m in _STANDING.finditer(body)
              if "." in m.group(0)[m.end("a") - m.start():] or len(m.group(0)[m.end("a") - m.start():].split()) >= 6]
    for m in _FIXTURE.finditer(body):
        spans += [(m.start("a"), m.end("a"), "ORG"), (m.start("b"), m.end("b"), "GPE")]
    spans += [(m.start("a"), m.end("a"), None) for pattern in (_STANDING, _WON, _SCORERS) for m in pattern.finditer(body)]
    for start, end, label in spans:
        inside = [c for c in cands if c.start < end and start < c.end]
        if label is None:  # an existing name that is no person: a team
            for c in inside:
                if c.label != "PERSON" and c.start == start:
                    c.label = "ORG"
            continue
        if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
            inside[0].label = label
            inside[0].team = label == "ORG"
            continue
        for c in inside:
            cands.remove(c)
        cands.append(Cand(start, end, body[start:end], label, label))
        cands[-1].team = label == "ORG"
    cands.sort(key=lambda c: c.start)


# names whose spans the model over-extends into the words around them; titles of works
# ("Gone with the Wind") keep their lower-case words
SPLIT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def _pieces(toks: list[Any], lex: Lexicon | None = None, furniture: frozenset[str] = frozenset(),
            verbs: Lexicon | None = None) -> list[list[Any]]:
    """Split a span at spaced punctuation ('Sri Lanka - Arjuna Ranatunga', 'X , Y'): a name
    never contains a free-standing dash, comma or colon. With `lex`, also at a sentence's full
    stop ('Airbus A400M. El problema') and at a lower-case word that is no name particle
    ('Boeing había', 'entregas a Singapore Airlines', 'Airbus massive new A380'); particles
    left at either end are dropped. Handles, web addresses and page furniture words (`furniture`:
    "Getty Donald Trump") leave the span; a dateline in capitals starts a new piece ("Alemania
    BERLÍN.- Un"). With `verbs` (any label), a headline's verb in capitals leaves it ("PSOE PIDE")."""
    out, cur = [], []
    for tok in toks:
        if _web_token(tok) or tok.lower_ in furniture:  # "@NetflixLAT", "pic.twitter.com/x", "Getty"
            out.append(cur)
            cur = []
            continue
        if cur and (_dateline_word(tok) or (lex is not None and _after_caps_heading(tok, cur))):
            out.append(cur)
            cur = []
        if verbs is not None and _caps_verb(tok, verbs):  # "PSOE PIDE", "CUEVAS INSTA GOBIERNO": a headline's verb
            out.append(cur)
            cur = []
            continue
        if tok.is_space or _breaks_after(tok):  # a line break or a double space ends a name
            if not tok.is_space:
                cur.append(tok)
            out.append(cur)
            cur = []
            continue
        cut = (tok.is_punct and tok.text not in (".", "'", "\u2019", "&") and (tok.whitespace_ or tok.text in _HARD_CUTS)) \
            or _separator(tok)
        if lex is not None and not cut:
            cut = (tok.text == "." and bool(tok.whitespace_) and not _after_abbreviation(tok, cur, lex)) or (
                tok.is_alpha and tok.text.islower() and tok.lower_ not in lex.name_particles
                and not _hyphen_glued(tok, cur)) or (
                # "Parque Central el Gobierno": an article straight after a name's word opens another phrase
                tok.text.islower() and tok.lower_ in lex.determiners and bool(cur)
                and not (cur[-1].text.islower() and cur[-1].lower_ in lex.name_particles))
        if cut:
            out.append(cur)
            cur = []
        else:
            cur.append(tok)
            if lex is not None and (_ends_sentence(tok, lex) or _ends_company(tok)):
                out.append(cur)
                cur = []
    out.append(cur)
    if lex is not None:
        for piece in out:
            while piece and piece[0].text.islower() and piece[0].lower_ in lex.name_particles:
                piece.pop(0)
            while piece and piece[-1].text.islower() and piece[-1].lower_ in lex.name_particles:
                piece.pop()
    return [p for p in out if p]


def _hyphen_glued(tok: Any, cur: list[Any]) -> bool:
    """A lower-case word glued by a hyphen to the name's last word ("Ban Ki-moon") is part of it."""
    return len(cur) >= 2 and cur[-1].text in ("-", "\u2010", "\u2011") and not cur[-1].whitespace_ \
        and not cur[-2].whitespace_ and cur[-2].is_alpha


def _caps_verb(tok: Any, lex: Lexicon) -> bool:
    """A word in capitals, three letters or more, that is an inflected verb of the language's lexicon
    and no noun or adjective ("PIDE", "INSTA", "PROPONE", "TRABAJARAN"): a headline's verb, no
    name's word (acronyms that spell no verb, "PSOE", "CEOE", stay)."""
    if not (tok.is_alpha and tok.text.isupper() and len(tok.text) >= 3) or not lex.verb_endings:
        return False
    word = tok.lower_
    return common_pos_of(word, lex.language) in (None, "verb") and verb_string(
        word, lex.language, lex.verb_endings, lex.infinitives)


def _after_caps_heading(tok: Any, cur: list[Any]) -> bool:
    """A capitalised word after a run of words in capitals, one of five letters or more ("GUERRA
    Madrid", "VECINOS CORNELLA Cornellá"): a heading in capitals run into the name that follows it
    (a short acronym stays: "DIF Madero", "PSOE Andalucía")."""
    if not (tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper()):
        return False
    last = cur[-1]
    return last.is_alpha and last.text.isupper() and len(last.text) >= 5 and all(
        t.text.isupper() or not t.is_alpha for t in cur)


def _filed_place(sdoc: Any, body: str, tok: Any, cand: Cand, lex: Lexicon, lowered: "_LowerWords") -> bool:
    """A word in capitals before a dateline's mark (`_dateline_word`) that is the place the story was
    filed from: not a body of the exonym table, not a headline's or a slug's common word ("EEUU -
    SALUD - Nueva Orleans"), and, before a dash alone, a place the exonym table lists or a word the
    article also writes as a name ("DETROIT -" beside "Detroit Lions"; not "PSOE -")."""
    table = (exonym_key(name_tokens(cand.text)) or ("",))[0]
    if table == "~organizations" or _caps_common_words(sdoc, cand, lex, lowered):
        return False
    if sdoc[tok.i + 1].text in ("(", ","):  # a station's or an agency's code, or the place's region
        return True
    return table == "~places" or re.search(r"(?<!\w)" + re.escape(cand.text.title()) + r"(?!\w)", body) is not None


def _dateline_word(tok: Any) -> bool:
    """A word in capitals followed by a dateline's dash ("BERLÍN.-", "MINNEAPOLIS —", "DETROIT (WWJ) -")."""
    doc, text = tok.doc, tok.text
    if text.endswith(".-") and text[:-2].isalpha() and text[:-2].isupper():
        return True  # "BERLÍN.-" is one token
    if not (tok.is_alpha and text.isupper() and len(text) >= 3) or tok.i + 1 >= len(doc):
        return False
    return _dateline_mark(doc, tok.i + 1)


_DASHES = (".-", "-", "--", "\u2014", "\u2013")


def _dateline_mark(doc: Any, i: int) -> bool:
    """A dateline's dash at token `i`, or one after a station's or an agency's code in brackets
    ("DETROIT (WWJ) -") or after the place's region, its words capitalised ("DETROIT, MI -",
    "CONCORD, Nueva Hampshire, EE.UU. (AP) —")."""
    if i >= len(doc):
        return False
    nxt = doc[i]
    if nxt.text in _DASHES or nxt.text.startswith(".-"):
        return True
    if nxt.text == "(":  # a code in capitals ("WWJ", "AP"), not a city ("LA REPUBLICA ( Bogotá ) -": a paper)
        close = next((k for k in range(i + 1, min(i + 5, len(doc))) if doc[k].text == ")"), None)
        return close is not None and close > i + 1 and close + 1 < len(doc) and doc[close + 1].text in _DASHES \
            and all(t.text.isupper() for t in doc[i + 1:close])
    if nxt.text == ",":  # "DETROIT, MI -", "CONCORD, Nueva Hampshire, EE.UU. (AP) —": the region, then the mark
        k = i + 1
        while k < min(i + 10, len(doc)) and (doc[k].text in (",", ".") or (
                doc[k].text[:1].isupper() and not doc[k].is_space and not _breaks_after(doc[k]))):
            k += 1
        return k > i + 1 and _dateline_mark(doc, k) and doc[k].text != ","
    return False


def _web_token(tok: Any) -> bool:
    """A social-media handle or hashtag ("@NetflixLAT", "@" + "NetflixLAT", "#Elecciones") or a
    web address: it names an account or a page, not a person or an organisation."""
    text, doc = tok.text, tok.doc
    if text[:1] in "@#" or tok.like_url or "://" in text or text.casefold().startswith(("www.", "pic.")):
        return True
    return tok.i > 0 and doc[tok.i - 1].text in ("@", "#") and not doc[tok.i - 1].whitespace_


def _abbreviated_start(sdoc: Any, toks: list[Any], label: str, lex: Lexicon) -> tuple[list[Any], str]:
    """A name after its abbreviated first word takes it in ("Cd." + "Madero" is "Cd. Madero"); a
    name so opened is a place when the word heads places ("Cd." is "ciudad"; data `place_heads`)."""
    first = toks[0]
    if len(toks) == 1 and first.text.endswith(".") and _abbreviation_of(first, lex):
        return toks, label  # the abbreviation alone: `_not_a_name`
    before: list[Any] = []
    if first.i >= 2 and sdoc[first.i - 1].text == "." and not sdoc[first.i - 2].whitespace_:
        before = [sdoc[first.i - 2], sdoc[first.i - 1]]  # "Cd" + "."
    elif first.i >= 1 and sdoc[first.i - 1].text.endswith(".") and len(sdoc[first.i - 1].text) > 1:
        before = [sdoc[first.i - 1]]  # "Av."
    if before and _abbreviation_of(before[0], lex) and before[0].text[:1].isupper() and before[-1].whitespace_:
        toks = before + toks
    if _abbreviation_of(toks[0], lex) in lex.place_heads and label in ("PERSON", "ORG", "MISC"):
        label = "GPE"
    elif label == "PERSON" and len(toks) >= 2 and _street_head(toks[0], lex) and toks[-1].text[:1].isupper():
        label = "GPE"  # "Blvd. Adolfo López Mateos": a street named after a person
    return toks, label


def _given_name_left_out(sdoc: Any, toks: list[Any], label: str, lex: Lexicon) -> bool:
    """One word read as a place right after a capitalised given name the model left out, as written
    and alone ("Raj" + "Chohan, 59,"), that no place table lists and no saint's word or kind of place
    opens: the given name and the surname of a person."""
    if label not in ("GPE", "LOC", "FAC") or len(toks) != 1 or toks[0].i == 0 or not toks[0].is_alpha:
        return False
    first = sdoc[toks[0].i - 1]
    if first.ent_iob_ != "O" or not (first.is_alpha and first.text.istitle()) or not first.whitespace_ \
            or first.lower_ in lex.saint_words or first.lower_ in lex.place_heads or first.lower_ in lex.titles \
            or first.is_stop or first.lower_ in lex.determiners or first.lower_ in lex.name_particles:
        return False  # ("El Valencia": an article, no given name)
    if first.i > 0 and sdoc[first.i - 1].is_alpha and sdoc[first.i - 1].text[:1].isupper():
        return False  # a longer capitalised run: no given name alone before the word
    from fuentes.extract.speakers import _first_word_reading

    return _first_word_reading(f"{first.text} {toks[0].text}") in _GIVEN_READINGS \
        and exonym_key(name_tokens(toks[0].text)) is None and exonym_key(name_tokens(first.text)) is None


def _place_head(word: str, lex: Lexicon) -> bool:
    """A lower-case word for a kind of place, singular or plural ("calle", "calles", "ciudades",
    "regiones")."""
    return word in lex.place_heads or (word.endswith("s") and (word[:-1] in lex.place_heads or (
        word.endswith("es") and fold(word[:-2]) in _folded_place_heads(lex.place_heads))))


@lru_cache(maxsize=8)
def _folded_place_heads(heads: frozenset[str]) -> frozenset[str]:
    """The kinds of place without accents: a plural loses the singular's ("regiones", "región")."""
    return frozenset(fold(h) for h in heads)


def _after_place_head(first: Any, lex: Lexicon) -> bool:
    """The name follows a lower-case word for a kind of street ("la calle Market", "la colonia
    Centro"; data `street_heads`), or is joined by 'y' to a name that does ("las calles Market y
    Seymour")."""
    if not lex.head_initial or first.i == 0:
        return False
    before = first.doc[first.i - 1]
    if before.lower_ in ("y", "e") and first.i >= 3:  # "calles Market y Seymour"
        before = first.doc[first.i - 3] if first.doc[first.i - 2].text[:1].isupper() else before
    word = before.lower_
    return before.text.islower() and (word in lex.street_heads or (word.endswith("s") and (
        word[:-1] in lex.street_heads or (word.endswith("es") and word[:-2] in lex.street_heads))))


def _ends_company(tok: Any) -> bool:
    """A legal form with its full stop before another capitalised word that is no legal form:
    "Grupo Bimbo S.A." + "Bimbo informó", "Ford Motor Co." + "Ford said" (but "S.A. de C.V.")."""
    if not (tok.text.endswith(".") and tok.whitespace_ and _legal_form(tok.text)) or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.text[:1].isupper() and not _legal_form(nxt.text)


def _after_abbreviation(tok: Any, cur: list[Any], lex: Lexicon) -> bool:
    """The full stop of a name's abbreviated first word ("Ft" + "." + "Worth", "Cd" + "." + "Madero")."""
    return bool(cur) and cur[-1].i == tok.i - 1 and not cur[-1].whitespace_ and _abbreviation_of(cur[-1], lex) is not None


def _separator(tok: Any) -> bool:
    """A mark of no word that is no punctuation ("Fernando Coria | El Sol", "Facebook |", "•"): a
    page's separator, never part of a name ("&" is: "AT&T", "Procter & Gamble")."""
    return not tok.is_punct and not tok.is_space and tok.text != "&" and not any(ch.isalnum() for ch in tok.text)


# marks that end a name even with no space after them ("Ted Cruz\u201435", "Smith,Jones")
_HARD_CUTS = ",:;\u2014\u2013()[]{}"  # a bracket opens or closes an aside: "Young Americans for Freedom (YAF"


def _breaks_after(tok: Any) -> bool:
    """The token is followed by a line break or more than one space ("Medellín  Daniel Quintero":
    a dateline run into a name)."""
    return "\n" in tok.whitespace_ or len(tok.whitespace_) > 1 or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_space)


def _ends_sentence(tok: Any, lex: Lexicon) -> bool:
    """'A400M.' before 'El problema': a word carrying the full stop of its sentence (the next word
    is an article or a sentence opener, not a name's next word as after 'Inc.' or 'J.')."""
    if not tok.text.endswith(".") or len(tok.text) < 2 or not tok.whitespace_ or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1].lower_
    return nxt in lex.determiners or nxt in lex.sentence_openers


def _role_split(toks: list[Any], label: str, lex: Lexicon) -> list[tuple[list[Any], str]]:
    """'Apple CEO Steve Jobs', 'Boeing Executive Vice': a span of an organisation's name, a role
    and perhaps the person holding it is cut into the organisation and the person; the role
    words go (the person's roles come from the text around the name)."""
    if label not in ("ORG", "PERSON") or len(toks) < 2 or not lex.trailing_roles:
        return [(toks, label)]
    def role_word(tok: Any) -> bool:
        return tok.lower_ in lex.trailing_roles or tok.lower_ in lex.titles

    for k in range(1, len(toks)):
        if toks[k].lower_ not in lex.trailing_roles or not toks[k - 1].text[:1].isupper():
            continue
        j = k
        while k > 0 and role_word(toks[k - 1]):  # "Apple Chief Executive": the role opens at "Chief"
            k -= 1
        if k == 0:
            return [(toks, label)]  # "Vice President Joe Roe", "Hereditary Chief X": a title, read with the person
        while j < len(toks) and role_word(toks[j]):
            j += 1
        rest = toks[j:]
        if rest and not all(t.text[:1].isupper() for t in rest):
            return [(toks, label)]  # "Office of the Director of National Intelligence": one name
        out = [(toks[:k], "ORG")]
        if rest:
            out.append((rest, "PERSON"))
        return out
    return [(toks, label)]


# a one-word span opening a sentence read as one of these is a word, not a name ("Previamente")
_NOT_NAME_POS = {"ADV", "VERB", "AUX", "SCONJ", "CCONJ", "ADP", "PRON", "DET", "NUM"}


class _LowerWords:
    """The words an article writes in lower case ("cartels") and never capitalised inside a
    sentence ("the Cartels of ..."), looked up lazily."""

    _LOWER = re.compile(r"(?<![\w'\u2019-])[^\W\d_A-ZÁÉÍÓÚÑÀ-Ý][^\W\d_]*(?![\w'\u2019-])")
    _MID = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[,;] ))[A-ZÁÉÍÓÚÑÀ-Ý][^\W\d_]*(?![\w'\u2019-])")

    def __init__(self, body: str):
        self.body = body
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            lower = set(self._LOWER.findall(self.body))
            self._words = lower - {w.lower() for w in self._MID.findall(self.body)}
        return word in self._words


def _drop_opener(sdoc: Any, toks: list[Any], lex: Lexicon, lowered: _LowerWords,
                 surnames: set[str] | frozenset[str] = frozenset()) -> list[Any]:
    """Words capitalised only because they open a sentence are no name: a listed opener
    ("Según", "However", "Aseguró") leaves the span; a one-word span at a sentence start that the
    article also writes in lower case ("Cartels", "Security") is dropped."""
    while toks and opens_sentence(sdoc, toks[0].i, dashes=True) and toks[0].lower_ in lex.sentence_openers:
        toks = toks[1:]
        while toks and toks[0].lower_ in lex.determiners:  # "Durante la tarde"
            toks = toks[1:]
    if (len(toks) == 1 and opens_sentence(sdoc, toks[0].i, dashes=True) and toks[0].is_alpha and toks[0].text.istitle()
            and (toks[0].lower_ in lowered or toks[0].pos_ in _NOT_NAME_POS or _verb_before_article(toks[0], lex)
                 or _noun_before_lower(toks[0]))
            and toks[0].text not in surnames):
        return []
    return toks


def _names_a_person(toks: list[Any], lex: Lexicon) -> bool:
    """Words that can make a person's full name: each capitalised, none a particle, a kind of place,
    a street's noun, a body's or a company's word, and no name of the exonym table."""
    return all(t.is_alpha and t.text.istitle() and fold(t.text) not in lex.institution_words
               and fold(t.text) not in lex.org_keywords and not _place_head(t.lower_, lex)
               and t.lower_ not in lex.street_heads for t in toks) \
        and exonym_key(name_tokens(" ".join(t.text for t in toks))) is None


def _noun_before_lower(tok: Any) -> bool:
    """The tagger reads the word as a common noun and a lower-case word follows it ("Aides said",
    "Ambas categorías", "Lea más detalles"): a sentence's first word, capitalised for that alone
    (a name there is followed by its verb, which the tagger reads with it as a proper noun). A
    conjunction after it lists it with the next name ("Nordair and Zentrix opened"): it stays."""
    doc = tok.doc
    return tok.pos_ == "NOUN" and tok.i + 1 < len(doc) and doc[tok.i + 1].is_alpha and doc[tok.i + 1].text.islower() \
        and doc[tok.i + 1].pos_ != "CCONJ"


def _verb_before_article(tok: Any, lex: Lexicon) -> bool:
    """'Obtenga la edición diaria', 'Get the app', 'Lea nuestro artículo': one capitalised word opening
    a sentence and followed straight by an article or a possessive is a verb (an imperative, a headline's verb), not a name (a
    name there is followed by its verb). A place of the exonym table stays a name."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or not tok.whitespace_ or exonym_key(name_tokens(tok.text)) is not None:
        return False
    nxt = doc[tok.i + 1]
    if nxt.pos_ in ("DET", "PRON") and "Poss=Yes" in str(nxt.morph):
        return True  # "Lea nuestro artículo", "Get your copy": a possessive after it
    return nxt.pos_ == "DET" and (nxt.lower_ in lex.determiners or nxt.lower_ in lex.indefinite_articles)


def _candidate(sdoc: Any, body: str, toks: list[Any], label: str, model_label: str, lex: Lexicon,
               lowered: "_LowerWords | None" = None) -> Cand | None:
    """One trimmed, relabelled candidate from the model's tokens, or None when it is junk."""
    article = False  # the span opened with an article ("El Heraldo del Norte")
    k = 0
    while k < len(toks) - 1 and toks[k].lower_ in lex.determiners:
        k += 1
    if label != "PERSON" and k < len(toks) - 1 and toks[k].text.endswith(".") and toks[k].lower_ in lex.titles \
            and toks[k + 1].text[:1].isupper():
        label = "PERSON"  # "El Sr. Scindia", "Mr. Lee": an abbreviated courtesy title names a person
    name_article = _name_article(sdoc, toks, label, lex)
    titled_off = False
    courtesy = None  # "Don", "Doña": a courtesy word written as part of the name
    while toks and (toks[0].is_punct or toks[0].lower_ in lex.determiners
                    or (label == "PERSON" and len(toks) > 1 and toks[0].lower_ in lex.titles)):
        article = article or toks[0].lower_ in lex.determiners
        titled_off = titled_off or toks[0].lower_ in lex.titles
        if toks[0].lower_ in lex.courtesy_words and toks[0].text.istitle():
            courtesy = toks[0]
        toks.pop(0)
    if titled_off and toks and toks[0].text.islower() and toks[0].lower_ in lex.name_particles:
        while toks and toks[0].text.islower() and toks[0].lower_ in lex.name_particles:
            toks.pop(0)  # "General de Veracruz": an office of a place, not a person
        if toks:
            key = exonym_key(name_tokens(" ".join(t.text for t in toks)))
            label = "GPE" if key is not None and key[0] == "~places" else "ORG"
    if len(toks) >= 3 and toks[0].lower_ in lex.member_nouns and toks[1].lower_ in lex.name_particles \
            and label in ("ORG", "PERSON", "MISC"):
        toks.pop(0)  # "Elementos de la Secretaría de Marina", "Members of the Sinaloa Cartel": the body's
        while len(toks) > 1 and toks[0].lower_ in lex.name_particles:  # people, named by the body
            toks.pop(0)
        label = "ORG"
    while toks and (toks[-1].is_punct or toks[-1].lower_ in ("'s", "\u2019s", "'", "\u2019")
                    or (toks[-1].like_num and len(toks) > 1 and not _maker_model(toks, label)
                        and not _model_variant(toks))):
        toks.pop()  # "J. Pooley 111": scores are no name ("Boeing 717": a model's number is)
    toks, label = _trim_words(toks, label, lex)
    if not toks:
        return None
    toks, label = _abbreviated_start(sdoc, toks, label, lex)
    if _given_name_left_out(sdoc, toks, label, lex):
        toks, label = [sdoc[toks[0].i - 1], *toks], "PERSON"  # "Raj" + "Chohan" read as a place: the person
    roles: list[str] = []
    if label != "PERSON":
        k, role = _leading_title(toks, lex)
        if k and k == len(toks):
            return None  # "el Primer Ministro", "the Prime Minister": a role, no name
        if k:  # "Primer Ministro Modi": the title's holder
            toks, label = toks[k:], "PERSON"
            if role:
                roles.append(role)
    if len(toks) == 1 and toks[0].lower_ in lex.titles and (article or (
            toks[0].i > 0 and sdoc[toks[0].i - 1].lower_ in lex.determiners)):
        return None  # "El Papa", "el Pontífice", "the President" read as a name: a reference to the office's holder
    if label == "PERSON" and len(toks) > 1 and toks[-1].lower_ in lex.person_modifiers:
        label = "ORG"  # "Log Cabin Republicans": a group named by its members
    if label == "PERSON" and len(toks) > 1 and _acronym_led(toks):
        label = "ORG"  # "DIF Madero", "HUD Chicago": an acronym opening a name makes a body (of a place)
    if label == "PERSON" and toks:
        toks = _person_words(toks, lex, roles, lowered if lowered is not None else _LowerWords(body))
    if not toks:
        return None
    before = sdoc[toks[0].i - 1] if toks[0].i > 0 else None
    if label in ("ORG", "MISC", "GPE", "LOC") and len(toks) == 1 and before is not None and before.text.islower() \
            and (before.lower_ in lex.titles or (label in ("GPE", "LOC") and before.lower_ in lex.person_roles)) \
            and toks[0].text.istitle() and exonym_key(name_tokens(toks[0].text)) is None:
        label = "PERSON"  # "informó el director Dressen", "el delantero Morientes": one name after a person's role
    elif label in ("MISC", "GPE", "LOC") and 2 <= len(toks) <= 3 and before is not None and before.text.islower() \
            and before.lower_ in lex.person_roles and _names_a_person(toks, lex):
        label = "PERSON"  # "el estudiante Sleiter Guerrero", "student Sleiter Guerrero": a full name after a person's role
    if label == "PERSON" and before is not None and before.lower_ in lex.work_nouns:
        label = "WORK_OF_ART"  # "his war comic Forgotten Grunt", "the film Roma": a title, no person
    if label in ("PERSON", "GPE", "LOC", "NORP") and _beside_org_noun(toks[0], lex):
        label = "ORG"  # "security firm Cisco Talos", "la empresa de telefonía móvil Amena": the noun says what it is
    elif label in ("PERSON", "ORG", "MISC") and _after_place_head(toks[0], lex) and exonym_key(name_tokens(" ".join(t.text for t in toks))) is None:
        label = "GPE"  # "las calles Market y Seymour": the noun before says it is a street
    elif label in ("GPE", "LOC") and lex.head_initial and len(toks) == 1 and before is not None \
            and before.pos_ == "NOUN" and before.text.islower() and not _place_head(before.lower_, lex) \
            and exonym_key(name_tokens(toks[0].text)) is None:
        label = "ORG"  # "los recursos Cofide": a name right after a common noun (no 'de', no 'estado') is a body
    if label != "PERSON" and _titled_speaker(toks, lex):
        toks, label = toks[_titled_speaker(toks, lex):], "PERSON"
    if label != "PERSON" and _ends_title(sdoc, toks, lex):
        return None  # "Former Secretary of" + "State", "secretario de" + "Estado": the end of a title, no name
    if label != "PERSON" and len(toks) >= 3:
        k, role = _title_completed(sdoc, toks, lex)
        if k:  # "el secretario de Estado Antony Blinken": the span opens with a title's last word
            toks, label = toks[k:], "PERSON"
            if role:
                roles.append(role)
    if label in ("PERSON", "ORG"):
        toks = _extend(sdoc, toks, lex, left=label == "PERSON")
    tailed = False
    if label != "PERSON" and lex.head_initial and toks[0].lower_ in lex.institution_words:
        n = len(toks)  # "Jefatura Superior" + "de Policía de Bilbao", "Comisión" + "de Presupuestos"
        toks = _institution_tail(sdoc, toks, lex)
        tailed = len(toks) > n
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    nxt = toks[-1].i + 1
    if nxt < len(sdoc) and sdoc[nxt].lower_ in lex.org_suffixes:
        end, label = sdoc[nxt].idx + len(sdoc[nxt].text), "ORG"
    gap = re.search(r"\n|\s\s|[\u2014\u2013]", body[start:end])  # a name never runs across lines, a double space or a dash
    if gap:
        end = start + gap.start()
    text = body[start:end].rstrip()
    if lex.language == "en":  # "Trump‘s", "Obama´s": a possessive the tokenizer left on the name (in Spanish
        text = _GLUED_POSSESSIVE.sub("", text)  # text "McDonald´s" is a brand's whole name)
    text = text.rstrip("'\u2018\u2019\u00b4`\"\u201c\u201d")  # "UGT’": a closing quote glued to the name
    bracket = min((i for i in (text.find("("), text.find("[")) if i > 0), default=-1)
    if bracket > 0 and not any(close in text[bracket:] for close in ")]"):
        text = text[:bracket].rstrip()  # "Electricidad(CFE" is one token: an aside opened is no part of the name
    if text.endswith(("-", "\u2014", "\u2013")):  # a dateline's mark ("BERLÍN.-"): no part of the name
        text = text.rstrip("-\u2014\u2013").rstrip(".").rstrip()
    lead = len(text) - len(text.lstrip("-\u2014\u2013\u2012\u2010 "))
    if lead and lead < len(text):  # "-Donald Trump": a list's or a signature's dash is no part of the name
        start, text = start + lead, text[lead:]
    end = start + len(text)
    if not any(ch.isupper() for ch in text) or sum(ch.isalnum() for ch in text) < 2:
        return None  # named things are capitalised and longer than a letter ("I"); the rest is junk
    if _inside_word(body, start, end):
        return None  # "Amé" of a word broken by a stray byte ("Am\u00e9\x81rica"): a piece of a word, no name
    line_start = body.rfind("\n", 0, start) + 1
    cue = body[max(line_start, start - 12):start].split()[-1:]
    if len(toks) >= 2 and (body[line_start:start].strip().casefold() in lex.byline_cues or (
            cue and cue[0].istitle() and cue[0].casefold() in lex.byline_cues and text.isupper())):
        label = "PERSON"  # "By JANE DOE", "... Por AMANDA MARTINEZ,": a byline names a person, often in capitals
    if label == "NORP" and looks_like_acronym(text):  # parties by acronym (MORENA, PRI)
        label = "ORG"
    if label in ("ORG", "MISC", "PERSON", "GPE", "NORP", "FAC") and len(toks) >= 2 and _model_number(toks[-1].text) \
            and toks[0].text[:1].isupper():
        label = "PRODUCT"  # "Boeing 747", "Airbus A380", "iPhone 4": a maker's product, not the maker
    article = article or (toks[0].i > 0 and sdoc[toks[0].i - 1].lower_ in lex.determiners)
    titled = toks[0].i > 0 and sdoc[toks[0].i - 1].lower_ in lex.determiners and sdoc[toks[0].i - 1].text[:1].isupper()
    if lex.head_initial and label != "ORG" and (toks[0].lower_ in lex.institution_words
                                                or (titled and toks[0].lower_ in lex.press_words)
                                                or (len(toks) >= 2 and toks[0].lower_ in lex.press_heads
                                                    and toks[-1].text[:1].isupper())):
        label = "ORG"  # "Gobierno", "Ayuntamiento de Mérida", "El Heraldo del Norte", "Diario Jornada": its first word
    if len(toks) == 1 and toks[0].text.istitle() and not opens_sentence(sdoc, toks[0].i, dashes=True) \
            and toks[0].lower_ not in lex.standalone_names:
        if fold(toks[0].text) in lex.event_heads:  # "los Juegos", "la Liga": the one contest the article is about
            label = "EVENT"
        elif fold(toks[0].text) in lex.qualified_institutions and fold(toks[0].text) in lex.law_heads:
            label = "LAW"  # "la Constitución", "la Ley": the one law the article is about, named by its word
            # (a mention that joins the article's one longer name of it or makes no entity: `_bare_institutions`)
    edition = 1 if lex.head_initial and len(toks) >= 3 and _ROMAN.fullmatch(toks[0].text) else 0  # "XI Liga Mundial"
    if label in ("ORG", "GPE", "LOC", "PERSON", "MISC") and len(toks) >= 2 and lex.event_heads \
            and fold(toks[edition].text if lex.head_initial else toks[-1].text) in lex.event_heads \
            and toks[0].text[:1].isupper() and toks[-1].text[:1].isupper():
        label = "EVENT"  # "Liga Mundial", "Feria Internacional de la Construcción", "US Open": a contest or a fair
    if label in ("GPE", "LOC") and _body_of_place(toks, lex):
        label = "ORG"  # "Comunicaciones de Guatemala": a common noun's body of a place
    if label == "PERSON" and len(toks) >= 3 and toks[0].lower_ in lex.place_heads and toks[1].text.islower() \
            and toks[1].lower_ in lex.name_particles:
        label = "GPE"  # "Río de Janeiro", "Ciudad de México" read as a person: a word for a kind of place opens it
    elif label == "PERSON" and len(toks) >= 2 and toks[0].lower_ in lex.named_place_heads and toks[1].text[:1].isupper():
        label = "GPE"  # "Río Gallegos", "Puerto Madryn": a kind of place no given name is opens it
    elif label == "PERSON" and len(toks) >= 2 and not lex.head_initial and toks[-1].lower_ in lex.place_heads \
            and toks[0].text[:1].isupper() and not _given_name_first(" ".join(t.text for t in toks)):
        label = "GPE"  # "Long Island", "Orange County" read as a person: a kind of place ends it, no given name opens it
    elif label == "PERSON" and len(toks) >= 2 and lex.head_initial and _street_head(toks[0], lex) \
            and toks[1].text[:1].isupper():
        label = "GPE"  # "Andador Concepción Urquiza", "Calzada Ignacio Zaragoza": a street named after a person
    if label in ("GPE", "LOC", "FAC", "PERSON", "ORG") and len(toks) >= 2 and lex.law_heads \
            and fold(toks[0].text if lex.head_initial else toks[-1].text) in lex.law_heads \
            and toks[0].text[:1].isupper() and toks[-1].text[:1].isupper():
        label = "LAW"  # "Ley Federal de Derechos", "Impuesto Provincial", "Patriot Act": a law, no place
    if label == "PERSON" and 2 <= len(toks) <= 3 and toks[0].lower_ in lex.saint_words and all(
            t.text.istitle() for t in toks) and lex.head_initial:
        # "Santa Bárbara", "San Miguel" read as a person: a saint's name names a place or a body
        label = "GPE" if before is not None and before.lower_ in lex.place_prepositions else "ORG"
    if label in ("GPE", "LOC") and _full_name_read_as_place(toks, before, lex):
        label = "PERSON"  # "Dominik Hrbaty ( SVK )", "Nadejda Petrova" read as places: a given name and a surname
    if label == "PERSON" and _common_noun_of_place(toks, lex):
        label = "ORG"  # "Salud Coahuila", "Seguridad Jalisco": a body of the place, no person
    if label != "PERSON" and len(toks) >= 2 and _named_holder(toks, lex):
        label = "PERSON"  # "el alcalde de Puerto Almendra, Rigoberto Cházaro Luna": the mayor's name
    if label != "ORG" and len(toks) > 1 and (fold(toks[-1].text) in lex.org_keywords
                                             or (fold(toks[0].text) in lex.org_keywords and len(toks) > 2
                                                 and toks[1].lower_ in lex.acronym_stopwords)):
        label = "ORG"
    if label != "ORG" and len(toks) > 1 and _legal_form(toks[-1].text):
        label = "ORG"  # "Asarco LLC", "Grupo Bimbo S.A.", "Apple Inc.": a legal form makes a company
    start, text = _unglued(start, text, lex)
    if not text:
        return None
    end = start + len(text)
    if label in ("GPE", "LOC", "MISC", "PERSON", "ORG") and lex.demonym_endings and _plural_demonym(text, before, lex, label):
        label = "NORP"  # "Castellanomanchegos", "Coahuilenses", "Latinos": people of a place, an attribute
    if _not_a_name(text, toks, label, lex):
        return None
    if label in ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP") and len(toks) == 1 \
            and fold(re.split(r"[-\s]", text)[0]) in lex.extra_common_words:
        label = "MISC"  # "COVID-19", "SARS-CoV-2" read as a body: a disease's name, no organisation
    if name_article is not None and len(toks) == 1 and looks_like_acronym(toks[0].text):
        name_article = None  # "Los PMT", "La ONU": an acronym takes no article into its name
    if name_article is not None and name_article.i == toks[0].i - 1 and body[name_article.idx:start].strip() == name_article.text:
        start, text = name_article.idx, body[name_article.idx:end]  # "El Cairo", "La Rioja": the article is the name's
        if label == "PERSON":
            label = "GPE"  # "de A Coruña", "en O Porriño": an article no person takes
    if len(toks) == 1 and label != "NORP" and (_common_noun_use(toks[0], lex) or _verb_shaped(toks[0], lex)):
        return None
    if label != "PERSON" and len(toks) >= 4:
        k = _role_holder(toks, lex)
        if k:  # "Ejecutiva de Salud Judy Attyang": the office run onto its holder's name
            toks = toks[k:]
            start, text = toks[0].idx, body[toks[0].idx:end]
            return Cand(start, end, text, "PERSON", model_label, roles=roles)
    if label != "PERSON" and len(toks) >= 3 and _role_phrase(toks, lex):
        return None
    if label == "MISC" and len(toks) == 1 and all(p.isalpha() for p in toks[0].text.split("-")) and toks[0].text[:1].isupper() \
            and exonym_key(name_tokens(text)) is None and common_pos_of(toks[0].text, lex.language) is None:
        label = "ORG"  # "Insalud", "Rheinmetall", "ASAJA": a one-word name of no known kind is most often a body
        # (a common noun capitalised, "Agricultura", "Urbanismo", is a portfolio or a subject: left as read)
    withheld = _WITHHELD.fullmatch(text)
    if withheld and _given_name_first(_plain(f"{withheld['given']} {withheld['given']}")):
        if body[end:end + 1] in _QUOTES:
            end += 1  # the quote closing the letter
            text = body[start:end]
        return Cand(start, end, text, "PERSON", model_label, roles=roles,
                    name=f"{withheld['given']} {withheld['letter']}.")
    if courtesy is not None and label == "PERSON" and courtesy.i == toks[0].i - 1 and courtesy.whitespace_:
        # "Don Juan Carlos", "Doña Sofía": the mention holds the courtesy word, the name does not
        return Cand(courtesy.idx, end, body[courtesy.idx:end], label, model_label, roles=roles, name=text)
    cand = Cand(start, end, text, label, model_label, roles=roles)
    if tailed:
        cand.tailed = True
    return cand


def _institution_tail(sdoc: Any, toks: list[Any], lex: Lexicon) -> list[Any]:
    """An institution's name taken on over 'de' and the capitalised words after it that the model
    left out or read apart ("Jefatura Superior" + "de Policía de Bilbao", "Comisión" + "de
    Presupuestos", "Ayuntamiento de Navalmoral" + "de la Mata"): the place or the matter after 'de'
    belongs to the body's name, and so do the later portfolios of an office named by them
    (`_portfolios_end`). A person after 'de' ("el Ejecutivo de Vicente Álvarez") does not."""
    end = toks[-1].i + 1
    for _ in range(3):
        nxt = None
        for particle in lex.body_particles:
            n = len(particle)
            if end + n < len(sdoc) and tuple(t.text for t in sdoc[end:end + n]) == particle:
                nxt = end + n
                break
        if nxt is None or _breaks_after(sdoc[end - 1]) or any(_breaks_after(t) for t in sdoc[end:nxt]):
            later = _portfolios_end(sdoc, end, lex) if any(t.lower_ in lex.of_particles for t in sdoc[toks[0].i + 1:end]) else end
            if later == end:
                break
            end = later  # "Ministerio de Justicia" + "y Derechos Humanos", then maybe 'de' again
            continue
        stop = nxt
        while stop < len(sdoc) and sdoc[stop].is_alpha and sdoc[stop].text[:1].isupper() \
                and sdoc[stop].ent_type_ not in ("PER", "PERSON") and not _breaks_after(sdoc[stop - 1]) \
                and sdoc[stop].lower_ not in lex.sentence_openers:
            stop += 1
        if stop == nxt or (stop - nxt >= 2 and _given_name_first(sdoc[nxt:nxt + 2].text)):
            break
        end = stop
    if end + 1 < len(sdoc) and sdoc[end].lower_ in _NUMBER_WORDS and sdoc[end + 1].like_num:
        end += 2  # "Juzgado de Instrucción número 1": a court's number is part of its name
    return list(sdoc[toks[0].i:end])


def _portfolios_end(sdoc: Any, end: int, lex: Lexicon) -> int:
    """Where an office named by its portfolios ends: after the later portfolios its list adds, each of
    capitalised common words, the last after 'y' or 'e' ("Ministerio de Justicia" + "y Derechos
    Humanos", "Ministerio de Gobierno" + ", Justicia y Derechos Humanos"); `end` when no such list
    follows (a place or a person after 'y' is no portfolio)."""
    at = end
    while at + 1 < len(sdoc) and sdoc[at].text in (",", "y", "e") and not _breaks_after(sdoc[at - 1]):
        last = sdoc[at].text != ","
        stop = at + 1
        while stop < len(sdoc) and sdoc[stop].is_alpha and sdoc[stop].text[:1].isupper() and not sdoc[stop].text.isupper() \
                and common_pos_of(sdoc[stop].text, lex.language) in ("noun", "adj"):
            stop += 1
        if stop == at + 1 or stop - at > 4 or exonym_key(name_tokens(sdoc[at + 1:stop].text)) is not None \
                or _given_name_first(sdoc[at + 1:stop].text):
            return end
        at = stop
        if last:
            return at
    return end


_NUMBER_WORDS = frozenset({"número", "numero", "nº", "núm.", "num.", "n.º", "no."})


def _kind_of_place_and_particle(before: Any, lex: Lexicon) -> bool:
    """`before` (the token before a name, or None) is a particle after a kind of place, singular or
    plural: "la provincia de" Misiones, "las regiones de" Emilia Romaña, "the state of" Georgia."""
    return before is not None and before.i > 0 and before.lower_ in lex.name_particles \
        and _place_head(before.doc[before.i - 1].lower_, lex)


def _full_name_read_as_place(toks: list[Any], before: Any, lex: Lexicon) -> bool:
    """Two or three capitalised words, the first a given name, that no kind of place or street
    heads and that follow no place preposition ("en"), and that the exonym table does not list:
    a person's given name and surname, whatever the model read ("Santiago de Chile", with its
    particle, "el estadio Santiago Bernabéu" and a saint's name, "Santa Bárbara", stay places;
    data `saint_words`)."""
    if not 2 <= len(toks) <= 3 or not all(t.is_alpha and t.text.istitle() for t in toks):
        return False
    if before is not None and (before.lower_ in lex.place_prepositions or before.lower_ in lex.place_heads
                               or before.lower_ in lex.street_heads):
        return False
    if _kind_of_place_and_particle(before, lex):
        return False  # "la región de Emilia Romaña", "el estado de Victoria": a kind of place names it
    text = " ".join(t.text for t in toks)
    first = toks[0].lower_
    if first in lex.saint_words or first in lex.place_heads or first in lex.street_heads or fold(first) in lex.time_heads \
            or first in lex.institution_words or first in lex.org_keywords or fold(first) in lex.law_heads:
        return False  # "Año Nuevo", "Santa Bárbara": the first word heads a date, a place or a body
    return _given_name_first(text) and exonym_key(name_tokens(text)) is None


# an edition's number in Roman numerals before an event's name ("XI Liga Mundial", "V Feria Internacional")
_ROMAN = re.compile(r"[IVXLC]{1,6}")


def _plain(text: str) -> str:
    """The text without its accents, case kept ("Fabián" -> "Fabian"): the given-name list's spelling."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# 'Fabián "N"', 'José Luis "N"': a given name and the letter that stands for a surname the
# authorities withhold (Mexican press and prosecutors)
_QUOTES = "\"\u201c\u201d"
_WITHHELD = re.compile(r"(?P<given>[^\W\d_]+(?: [^\W\d_]+)?) [\"\u201c](?P<letter>[A-Z])[\"\u201d]?")


def _name_article(sdoc: Any, toks: list[Any], label: str, lex: Lexicon) -> Any:
    """The capitalised article that opens a name inside a sentence ("visitó El Cairo", "en La
    Rioja"; data `name_articles`), in the span or just before it; None at a sentence's start, for
    people (nicknames have their own rules) and where the language writes none."""
    if not lex.name_articles or not toks or (label == "PERSON" and (
            toks[0].text in lex.nickname_articles or toks[0].i == 0
            or sdoc[toks[0].i - 1].text not in lex.name_articles or sdoc[toks[0].i - 1].text in lex.nickname_articles)):
        return None  # a person takes no article, but "de A Coruña" read as a person is the Galician place
    first = toks[0]
    if first.text not in lex.name_articles:
        first = sdoc[first.i - 1] if first.i > 0 else None
        if first is None or first.text not in lex.name_articles or _breaks_after(first):
            return None
    if opens_sentence(sdoc, first.i, dashes=True) or first.i + 1 >= len(sdoc):
        return None
    head = sdoc[first.i + 1].lower_
    if head in lex.institution_words or head in lex.org_keywords:
        return None  # "... empresas El Ministerio de Economía": a headline run into the story's first sentence
    return first


def _inside_word(body: str, start: int, end: int) -> bool:
    """The span starts or ends inside a word: the character next to it is a letter, a digit, a
    mark or a stray control byte, not a space or punctuation."""
    def joined(ch: str) -> bool:
        return not ch.isspace() and unicodedata.category(ch)[0] in "LMNC"
    return (end < len(body) and joined(body[end])) or (start > 0 and joined(body[start - 1]))


def _common_noun_use(tok: Any, lex: Lexicon) -> bool:
    """'una Mype con los recursos': one capitalised word that heads a phrase opened by an
    indefinite article is used as a common noun, not as a name ("a Trump supporter" is kept: the
    word there modifies the noun after it)."""
    if tok.i == 0 or not lex.indefinite_articles:
        return False
    before = tok.doc[tok.i - 1]
    return before.lower_ in lex.indefinite_articles and before.head.i == tok.i and tok.head.i <= tok.i


def _verb_shaped(tok: Any, lex: Lexicon) -> bool:
    """One word that is a verb form the tagger took for a name: a gerund ("Escuchando"), an
    imperative with its pronoun ("Infórmate", "Síguenos"), or a participle opening a sentence
    before a preposition or a comma ("Cuestionado por ..."); the stem must be a verb of the
    language's lexicon and the word no given name ("Armando", "Fernando")."""
    if not (lex.gerund_endings or lex.enclitics or lex.participle_endings) or not tok.is_alpha:
        return False
    shaped, participle = _verb_shapes(fold(tok.text), lex)
    if not shaped and participle and opens_sentence(tok.doc, tok.i, dashes=True) \
            and tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        shaped = nxt.text == "," or nxt.pos_ == "ADP"
    return shaped and not _given_name_first(f"{tok.text} {tok.text}")


_SHAPES: dict[tuple[str, int], tuple[bool, bool]] = {}  # (folded word, id of its lexicon) -> `_verb_shapes`
_SHAPE_LEXICONS: dict[int, Lexicon] = {}  # the lexicons of `_SHAPES`, kept so their ids stay theirs


def _verb_shapes(word: str, lex: Lexicon) -> tuple[bool, bool]:
    """(a gerund or an imperative with its pronoun, a participle) of a verb of the lexicon, for
    a folded word: read once per word and lexicon."""
    key = (word, id(lex))
    found = _SHAPES.get(key)
    if found is not None and _SHAPE_LEXICONS.get(id(lex)) is lex:
        return found
    if len(_SHAPES) > 100_000:
        _SHAPES.clear()
    _SHAPE_LEXICONS[id(lex)] = lex

    def stem_verb(ends: tuple[str, ...]) -> bool:
        return any(word.endswith(e) and len(word) - len(e) >= 3 and any(
            word[: -len(e)] + inf in _verbs(lex) for inf in lex.infinitives) for e in ends)

    shaped = stem_verb(lex.gerund_endings) or any(
        word.endswith(e) and len(word) - len(e) >= 4 and verb_string(word[: -len(e)], lex.language, lex.verb_endings,
                                                                      lex.infinitives)
        for e in lex.enclitics)
    found = _SHAPES[key] = (shaped, stem_verb(lex.participle_endings))
    return found


def _verbs(lex: Lexicon) -> frozenset[str]:
    from fuentes.extract.alias_words import common_words

    return common_words(lex.language).get("verb", frozenset())


def _body_of_place(toks: list[Any], lex: Lexicon) -> bool:
    """'Comunicaciones de Guatemala': in a language that puts the head first, a name made of a
    common noun of the language (not a word for a kind of place, data `place_heads`), a particle
    and a place of the exonym table names a body of that place, not the place."""
    if not lex.head_initial or len(toks) < 3 or not toks[1].text.islower() or toks[1].lower_ not in lex.name_particles:
        return False
    head = toks[0].lower_
    if head in lex.place_heads or not toks[0].text.istitle():
        return False
    from fuentes.extract.alias_words import common_pos

    if common_pos(toks[0], lex.language) != "noun":
        return False
    key = exonym_key(name_tokens(" ".join(t.text for t in toks[2:])))
    return key is not None and key[0] == "~places"


def _common_noun_of_place(toks: list[Any], lex: Lexicon) -> bool:
    """In a language that puts the head first, two words, a common noun of the language and a
    place of the exonym table ("Salud Coahuila"), name a body of that place, not a person."""
    if not lex.head_initial or len(toks) != 2 or not all(t.is_alpha and t.text.istitle() for t in toks):
        return False
    from fuentes.extract.alias_words import common_pos

    key = exonym_key(name_tokens(toks[1].text))
    return key is not None and key[0] == "~places" and common_pos(toks[0], lex.language) == "noun" \
        and exonym_key(name_tokens(toks[0].text)) is None


def _title_through(sdoc: Any, toks: list[Any], k: int, lex: Lexicon) -> tuple[int, str | None] | None:
    """The longest title that begins before the span and ends at its k-th word: (its number of
    words, its role), or None."""
    if k >= lex.max_title_words:
        return None  # a title of at most that many words cannot begin before them
    before = [sdoc[j].text for j in range(max(0, toks[0].i - 3), toks[0].i)]
    hit = title_before(before + [t.text for t in toks[:k]], lex)
    return hit if hit and hit[0] > k else None


def _ends_title(sdoc: Any, toks: list[Any], lex: Lexicon) -> bool:
    """The whole span is the last words of a title begun before it ("Secretary of" + "State")."""
    return _title_through(sdoc, toks, len(toks), lex) is not None


def _title_completed(sdoc: Any, toks: list[Any], lex: Lexicon) -> tuple[int, str | None]:
    """(how many of a span's first words end a title begun before it, the title's role) when a
    person's name follows them: "secretario de" + "Estado Antony Blinken"; (0, None) otherwise."""
    for k in (1, 2):
        rest = toks[k:]
        if len(rest) < 2 or not all(t.is_alpha and t.text.istitle() for t in rest) \
                or not _given_name_first(" ".join(t.text for t in rest)):
            continue
        hit = _title_through(sdoc, toks, k, lex)
        if hit:
            return k, hit[1]
    return 0, None


def _leading_title(toks: list[Any], lex: Lexicon) -> tuple[int, str | None]:
    """(number of words, role) of a capitalised title opening a span the model did not call a
    person: the whole span ("Primer Ministro"), a title of two words or more before a name
    ("Prime Minister Modi") or one before a given name ("Papa Francisco"; before another word one
    is too weak: "General Motors"); (0, None) otherwise."""
    for k in range(min(lex.max_title_words, len(toks)), 0, -1):
        words = toks[:k]
        phrase = " ".join(t.lower_ for t in words)
        if phrase not in lex.titles or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
            continue
        rest = toks[k:]
        if not rest:
            return k, lex.titles[phrase]
        if k >= 2 and all(t.is_alpha and t.text.istitle() for t in rest) and (
                len(rest) == 1 or _given_name_first(" ".join(t.text for t in rest))):
            return k, lex.titles[phrase]
        if k == 1 and all(t.is_alpha and t.text.istitle() for t in rest) and len(rest) <= 3 \
                and _given_name_first(" ".join(t.text for t in rest) if len(rest) > 1 else f"{rest[0].text} {rest[0].text}"):
            return k, lex.titles[phrase]  # "Papa Francisco", "Rey Felipe": one title word before a given name
        return 0, None
    return 0, None


def _role_holder(toks: list[Any], lex: Lexicon) -> int:
    """Where the person starts in a span that opens with an office ("Ejecutiva de Salud", "Minister
    of Health") and ends in a given name and a surname; 0 when it is no such span."""
    first = toks[0]
    if not first.text[:1].isupper() or (first.lower_ not in lex.titles and first.lower_ not in lex.role_nouns):
        return 0
    for k in range(len(toks) - 2, max(len(toks) - 4, 1), -1):
        rest = toks[k:]
        if toks[k - 1].text[:1].isupper() and all(t.is_alpha and t.text.istitle() for t in rest) \
                and _given_name_first(" ".join(t.text for t in rest)):
            return k
    return 0


def _role_phrase(toks: list[Any], lex: Lexicon) -> bool:
    """'Gobernadora del Valle Roldán', 'Minister of Finance': a span that opens with a person's
    title and a particle names a position (and perhaps its holder run on), not an organisation
    or a place."""
    first = toks[0]
    k = 1
    while k < len(toks) - 1 and toks[k].text[:1].isupper() and toks[k].lower_ in lex.titles:
        k += 1  # "Fiscal General de Veracruz": a title of several words
    return first.text[:1].isupper() and first.lower_ in lex.titles and toks[k].lower_ in lex.name_particles \
        and toks[k].text.islower()


def _legal_form(word: str) -> bool:
    """'LLC', 'Inc.', 'S.A.', 'C.V.', 'GmbH', 'Ltd': a company's legal form. Two-letter forms count
    only with their dots ('S.A.', not 'SA', 'AG' or 'CV', which are often something else)."""
    folded = fold(word).rstrip(".")
    letters = folded.replace(".", "")
    return folded in LEGAL_FORMS and (len(letters) >= 3 or "." in word)


# a full stop with no space after it between two words ("amigos 2020.Barrios fue", "dijo.El"):
# a missing space, not an abbreviation ("EE.UU.", "U.S.", "S.A." have capitals on the left)
_GLUED = re.compile(r"(?<=[0-9a-z\u00e1\u00e9\u00ed\u00f3\u00fa\u00f1\u00fc]{2})\.(?=[A-Z\u00c1\u00c9\u00cd\u00d3\u00da\u00d1][a-z\u00e1\u00e9\u00ed\u00f3\u00fa\u00f1\u00fc])")


def _unglued(start: int, text: str, lex: Lexicon) -> tuple[int, str]:
    """Words glued by a missing space after a full stop are split there; the name is the first
    part that is one (a number, an article or a sentence opener is not): "2020.Barrios" ->
    "Barrios". Trailing lower-case particles go too ("Dean de" -> "Dean")."""
    cuts = [m.start() for m in _GLUED.finditer(text)]
    if cuts:
        bounds = [0, *(c + 1 for c in cuts)]
        ends = [*cuts, len(text)]
        for a, b in zip(bounds, ends):
            part = text[a:b].strip()
            first = fold(part.split()[0]) if part.split() else ""
            if any(ch.isupper() for ch in part) and not part.replace(".", "").isdigit() \
                    and first not in lex.determiners and first not in lex.sentence_openers:
                start, text = start + a + (len(text[a:b]) - len(text[a:b].lstrip())), part
                break
        else:
            return start, ""
    words = text.split(" ")
    while len(words) > 1 and words[-1].islower() and words[-1] in lex.name_particles:
        words.pop()
    return start, " ".join(words)


def _plural_demonym(text: str, before: Any, lex: Lexicon, label: str = "GPE") -> bool:
    """One capitalised word with a plural demonym's ending ("Castellanomanchegos", "Barranquilleros",
    "Bonaerenses", "Latinos"; data `demonym_endings`), not a known place (the exonym table) nor after a place
    preposition ("en Filipinas"). A word the model read as a person needs an ending no surname
    has (data `demonym_person_endings`: "Coahuilenses", but not "Cisneros"), one read as a body an ending no
    body's name has (data `demonym_org_endings`: "Latinos", but not "Salesianos")."""
    if " " in text or not text[:1].isupper() or text.isupper():
        return False
    endings = {"PERSON": lex.demonym_person_endings, "ORG": lex.demonym_org_endings}.get(label, lex.demonym_endings)
    if not endings or not fold(text).endswith(endings) or exonym_key(name_tokens(text)) is not None:
        return False
    return before is None or before.lower_ not in lex.place_prepositions


@lru_cache(maxsize=2)
def _calendar_words(short: bool = False) -> frozenset[str]:
    """Month and weekday names in every language with a dates file ("December", "enero", "lunes");
    `short`: the words of three letters or fewer instead ("Sep", "Feb", "mar")."""
    words: set[str] = set()
    for raw in _dates_files():
        for key in ("months", "weekdays"):
            words.update(fold(str(w)) for w in raw.get(key) or {} if (len(str(w)) < 4) == short)
    return frozenset(words)


@lru_cache(maxsize=1)
def _dates_files() -> tuple[dict, ...]:
    """Every language's dates file (`dates_<language>.yaml`), read once."""
    return tuple(load_yaml(path) or {} for path in sorted(linking.DATA.glob("dates_*.yaml")))


def _button_words(toks: list[Any]) -> bool:
    """One word in capitals and an adverb that is a stop word in capitals after it ("VEA MÁS", "LEA
    TAMBIÉN", "READ MORE"), the two ending their line, a colon or the text: a link's or a button's
    words, no name (the adverb inside the span or right after it)."""
    doc = toks[0].doc
    if len(toks) == 2:
        word, adverb = toks
    elif len(toks) == 1 and toks[0].i + 1 < len(doc):
        word, adverb = toks[0], doc[toks[0].i + 1]
    else:
        return False
    if not (word.is_alpha and word.text.isupper() and len(word.text) > 1 and adverb.is_alpha and adverb.text.isupper()
            and adverb.is_stop and adverb.pos_ in ("ADV", "ADJ")):
        return False
    after = doc[adverb.i + 1] if adverb.i + 1 < len(doc) else None
    return after is None or after.is_space or after.text in (":", "|", "\u00bb", ">")


_MOTION_WORDS = frozenset({"to", "from", "at", "into", "a", "de", "desde", "hacia", "hasta", "para"})


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """Weekday names of four letters or more in every language with a dates file ("Tuesday", "martes")."""
    return frozenset(fold(str(w)) for raw in _dates_files() for w in raw.get("weekdays") or {} if len(str(w)) >= 4)


def _named_day_word(tok: Any, lex: Lexicon) -> bool:
    """The word and a capitalised weekday name beside it make a day's name: the weekday after it
    in English ("on Super Tuesday", "Black Friday"), before it in Spanish ("el Viernes Negro"), the
    two after an article or a preposition of time; not a place of the exonym table, nor after a verb,
    a place preposition or a word of motion ("won Ohio Tuesday", "in Cleveland Monday", "to Iowa Monday")."""
    doc = tok.doc
    side = tok.i - 1 if lex.head_initial else tok.i + 1
    if not tok.text.istitle() or not 0 <= side < len(doc) or not doc[side].text.istitle() \
            or fold(doc[side].text) not in _weekdays():  # (not "On CNN Tuesday": an acronym names its own)
        return False
    if not (doc[side].whitespace_ if lex.head_initial else tok.whitespace_) or exonym_key(name_tokens(tok.text)) is not None:
        return False
    before = doc[min(tok.i, side) - 1] if min(tok.i, side) > 0 else None
    return before is not None and before.pos_ in ("ADP", "DET") and before.lower_ not in lex.place_prepositions \
        and before.lower_ not in _MOTION_WORDS


def _beside_day(tok: Any) -> bool:
    """A number of a day's size (or a year) stands right after the token, past its stop ("Sep 4", "Ene.
    15"), or right before it ("12 Feb.", "15 Ene, 2020")."""
    doc = tok.doc
    after = tok.i + 1
    if after < len(doc) and doc[after].text == ".":
        after += 1
    if after < len(doc) and doc[after].like_num:
        return True
    return tok.i > 0 and doc[tok.i - 1].text.isdigit() and int(doc[tok.i - 1].text) <= 31


def _not_a_name(text: str, toks: list[Any], label: str, lex: Lexicon) -> bool:
    """Spans that name no one: month and weekday names, in any language ("December" in a Spanish
    text); a date named by its head word ("Año Nuevo", "Día de Muertos", "New Year's Eve": data
    `time_heads`); one capitalised stop word ("Un", "Este"); page furniture (data `web_furniture`:
    "Disqus", "JavaScript"; a run of share-button words, data `share_words`: "Facebook Twitter Correo")."""
    words = [w.strip(".,'\u2019") for w in text.split()]
    words = [POSSESSIVE_END.sub("", w) for w in words if w]
    if not words:
        return True
    folded = [fold(w) for w in words]
    if label != "PERSON" and all(w in _calendar_words() or w.isdigit() for w in folded):
        return True
    if toks and _button_words(toks):
        return True  # "VEA MÁS", "LEA TAMBIÉN:", "READ MORE": a link's words in capitals, no name
    if len(toks) == 1 and label != "PERSON" and _named_day_word(toks[0], lex):
        return True  # "Super Tuesday", "Viernes Negro": a word of a day's name, no name of its own
    if len(toks) == 1 and folded[0] in _calendar_words(short=True) and _beside_day(toks[0]):
        return True  # "escaped on Sep 4", "12 Feb.", "15 Ene, 2020": a short month name by a day (alone it may be a name: "Mar")
    head = folded[0] if lex.head_initial else folded[-1]
    if label not in ("PERSON", "ORG") and head in lex.time_heads and not text.isupper():
        return True
    if label == "PERSON" and not text.isupper() and _holiday(words, lex):
        return True  # "Año Nuevo", "New Year" read as a person: a holiday of common words, no one's name
    if len(toks) == 1 and len(words) == 1 and label != "PERSON" and toks[0].is_stop and not text.isupper() \
            and toks[0].lower_ not in lex.standalone_names:  # "el Estado" names an institution
        return True
    if len(words) >= 2 and all(w in lex.share_words for w in folded):
        return True  # "Facebook Twitter Pinterest Correo", "Compartir Tweet": a page's share buttons
    if len(words) == 1 and folded[0] in lex.compass_words and label not in ("PERSON", "ORG"):
        return True  # "the West", "el Sur": a direction or a vague region, no place's name
    if len(words) == 1 and folded[0] in lex.common_acronyms and label != "PERSON":
        return True  # "a super PAC", "el PIB": an acronym of a common noun
    if label != "PERSON" and all(w in lex.section_words for w in folded):
        return True  # "SOCCER", "RUGBY UNION", "Deportes": a sport or a page's section
    if _TIME_ZONE.fullmatch(text):
        return True  # "GMT-4", "UTC+1": an hour's offset, no name
    if len(toks) == 1 and _abbreviation_of(toks[0], lex):
        return True  # "Cd." (Madero), "Av.", "Ft.": an abbreviation alone is the start of a name, not one
    return len(words) == 1 and folded[0] in lex.web_furniture


def _holiday(words: list[str], lex: Lexicon) -> bool:
    """Two words or more headed by a date's word, all words of the language's lexicon ("Año Nuevo",
    "New Year"; data `time_heads`): a holiday, which the model may read as a person (the head word
    makes it no name, so the English lexicon, which holds names too, will do)."""
    from fuentes.extract.speakers import _first_word_reading

    folded = [POSSESSIVE_END.sub("", w.strip(".,'\u2019")).casefold() for w in words]
    if len(folded) < 2 or fold(folded[0] if lex.head_initial else folded[-1]) not in lex.time_heads:
        return False
    if _first_word_reading(" ".join(words)) in _GIVEN_READINGS:
        return False  # "John Day", "Doris Day": a given name as written opens a person's name
    known = lexicon_words(lex.language)
    return all(w.isdigit() or w in lex.name_particles or w in known for w in folded)


POSSESSIVE_END = re.compile(r"(?:'s|\u2019s)$")
_TIME_ZONE = re.compile(r"(?:GMT|UTC)\s*(?:[+\-\u2212]\s*\d{1,2}(?::?\d\d)?)?", re.IGNORECASE)
_GLUED_POSSESSIVE = re.compile(r"(?<=\w)[\u2018\u00b4`]s$")


def _street_head(tok: Any, lex: Lexicon) -> bool:
    """A street's noun, written out or abbreviated ("Calzada", "Blvd.", "Av.")."""
    return tok.lower_ in lex.street_heads or _abbreviation_of(tok, lex) in lex.street_heads


def _abbreviation_of(tok: Any, lex: Lexicon) -> str | None:
    """The word a name's abbreviated first word stands for (data `name_abbreviations`: "Cd." or
    "Cd" + "." -> "ciudad"), or None: the word must carry its full stop or have one straight after."""
    doc = tok.doc
    stopped = tok.text.endswith(".") or (not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ".")
    return lex.name_abbreviations.get(fold(tok.text.rstrip("."))) if stopped else None


_FUNCTION_POS = {"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX"}
_POSSESSIVE_TOKENS = ("'s", "\u2019s")


def _trim_words(toks: list[Any], label: str, lex: Lexicon) -> tuple[list[Any], str]:
    """Words no name opens or ends with, wherever the span sits: a sentence opener or adverb
    ("APOYO Durante", "Ahora Misiones"), a capitalised function word at the end ("BERLÍN Un"),
    a verb at either end ("Compartir Tweet", "Birds of Prey Celebran"), a modifier before an
    organisation ("Top Republican Party"), the owner before a possessive in a person's span
    ("ABC's Carson"). A span that is a role ("House Majority Leader") or that opens with a
    number ("4 a 6 p. m.") is no name: nothing is left of it; a person's name ends before a number
    or a date ("Pedro Sánchez 2/01/2020")."""
    def verb(tok: Any) -> bool:
        return is_verb_form(tok, lex.language, lex.verb_endings, lex.infinitives)

    if label == "PERSON":
        cut = max((k + 1 for k, t in enumerate(toks[:-1])
                   if t.lower_ in _POSSESSIVE_TOKENS or t.lower_.endswith(_POSSESSIVE_TOKENS)), default=0)
        toks = toks[cut:]
    while len(toks) > 1 and toks[0].text[:1].isupper() and (
            toks[0].lower_ in lex.sentence_openers or verb(toks[0]) or toks[0].lower_ in lex.nickname_cues
            or (label == "ORG" and len(toks) > 2 and toks[0].pos_ != "PROPN" and toks[0].lower_ in lex.person_modifiers)):
        toks = toks[1:]
        while len(toks) > 1 and toks[0].text.islower() and toks[0].lower_ in lex.name_particles:
            toks = toks[1:]  # "Viajó de Madrid": the particle after the verb goes with it
    while len(toks) > 1 and toks[-1].text[:1].isupper() and (
            toks[-1].lower_ in lex.sentence_openers or toks[-1].pos_ in _FUNCTION_POS or verb(toks[-1])
            or _verb_shaped(toks[-1], lex)) and not _surname_after_given(toks, label):
        toks = toks[:-1]  # "Cornwall Regístrese": a web page's imperative run into a name
    if label != "PERSON" and len(toks) > 1 and toks[0].text[:1].isupper() and toks[0].lower_ in lex.name_particles \
            and toks[0].text not in lex.nickname_articles and opens_sentence(toks[0].doc, toks[0].i, dashes=True):
        toks = toks[1:]  # "De la STJM": a capitalised particle opening a sentence, not the body's name ("El Zorro" is one)
        while len(toks) > 1 and toks[0].text.islower() and toks[0].lower_ in lex.name_particles:
            toks = toks[1:]
    if label in ("ORG", "MISC") and len(toks) > 2 and _code_word(toks[0].text) and toks[1].lower_ in lex.of_particles \
            and toks[2].text[:1].isupper():
        toks = toks[2:]  # "el vuelo DL8817 de Delta Airlines": a flight's or a product's code is not the body's name
    while label == "PERSON" and len(toks) > 1 and any(ch.isdigit() for ch in toks[-1].text) \
            and not any(ch.isalpha() for ch in toks[-1].text):
        toks = toks[:-1]  # "Pedro Sánchez 2/01/2020": a dateline's date run into the name is none of it
    if len(toks) > 1 and _opens_compound(toks[-1]):
        toks = toks[:-1]  # "Bernie Sanders T-shirts": the letter opens a compound noun, no word of the name
    if not toks:
        return toks, label
    if toks[0].like_num and label not in ("ORG", "PRODUCT", "WORK_OF_ART", "FAC"):
        return [], label
    if not lex.head_initial and label not in ("PERSON", "WORK_OF_ART") and len(toks) > 1 \
            and all(t.text[:1].isupper() for t in toks) and _role_word(toks[-1], lex):
        return [], label  # "House Majority Leader", "White House Correspondent": a role, no name
    if lex.head_initial and label not in ("PERSON", "WORK_OF_ART") and len(toks) > 1 and toks[0].text[:1].isupper() \
            and _role_word(toks[0], lex) and _office_adjective(toks[1], lex) \
            and not any(_given_name_first(f"{toks[k].text} {toks[k + 1].text}") for k in range(2, len(toks) - 1)):
        return [], label  # "Director Ejecutivo de Anses", "Fiscal Federal": an office, no name (not "General Roca")
    if label in ("GPE", "LOC") and any(ch.isdigit() for t in toks for ch in t.text):
        label = "MISC"  # "COVID-19": a place's name holds no number
    return toks, label


_LETTER_COMPOUND = re.compile(r"[^\W\d_]-[^\W\d_]+")


def _opens_compound(tok: Any) -> bool:
    """A single letter glued to a hyphen and a word ("T-shirts", "U-turn", "X-ray"): the first
    part of a compound noun, which a name the model ran into it does not hold."""
    doc = tok.doc
    if _LETTER_COMPOUND.fullmatch(tok.text):
        return True  # one token ("T-shirt" in Spanish)
    if len(tok.text) != 1 or not tok.is_alpha or tok.whitespace_ or tok.i + 2 >= len(doc):
        return False
    hyphen, word = doc[tok.i + 1], doc[tok.i + 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and word.is_alpha


def _surname_after_given(toks: list[Any], label: str) -> bool:
    """A person's two words, a given name and a capitalised word that is also a verb or a common
    word ("Pere Miró", "José Acosta", "Juan Mora"): the word is the surname."""
    return label == "PERSON" and len(toks) == 2 and toks[1].text.istitle() and toks[1].is_alpha \
        and _given_name_first(f"{toks[0].text} {toks[1].text}")


def _office_adjective(tok: Any, lex: Lexicon) -> bool:
    """A word that goes on an office's name ("Ejecutivo", "Federal", "General"): an adjective of
    the language's lexicon, not a name ("Roca" of "General Roca")."""
    from fuentes.extract.alias_words import common_words

    return tok.lower_ in common_words(lex.language).get("adj", frozenset())


def _code_word(word: str) -> bool:
    """Capitals and digits mixed in one word ("DL8817", "AM0445", "B737"): a code, not a name's word."""
    return word.isalnum() and any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word) \
        and sum(ch.isdigit() for ch in word) >= 2


def _role_word(tok: Any, lex: Lexicon) -> bool:
    """A word naming a position ("Leader", "Speaker", "CEO"), not an organisation's head word."""
    word = tok.lower_
    return (word in lex.role_nouns or word in lex.titles or word in lex.trailing_roles) and word not in lex.org_keywords


def _person_words(toks: list[Any], lex: Lexicon, roles: list[str], lowered: "_LowerWords") -> list[Any]:
    """A person's name without the words the model ran into it: a party or rank before it
    ("Ranking Democrat Dianne Feinstein": Democrat becomes a role), a verb before it ("Telling
    Jeb Bush"), and after the first two words a word the article writes in lower case or a verb
    ("Paul Ryan Joins Growing", "Chris Christie Address Heroin Epidemic": headline words)."""
    parties = {str(v).casefold(): str(v) for v in lex.parties.values()}
    before = toks[0].doc[toks[0].i - 1] if toks[0].i > 0 else None
    if before is not None and before.lower_ in parties and before.text[:1].isupper():
        roles.append(parties[before.lower_])  # "Democrat Dianne Feinstein": the party is her attribute
    while len(toks) > 1 and (toks[0].lower_ in lex.person_modifiers or toks[0].lower_ in parties
                             or (toks[0].pos_ == "VERB" and toks[0].lower_.endswith(("ing", "ed", "ando", "iendo")))):
        if toks[0].lower_ in parties:
            roles.append(parties[toks[0].lower_])
        toks = toks[1:]
    for k in range(2, len(toks)):
        word = toks[k]
        if word.is_alpha and not word.text.isupper() and (word.lower_ in lowered or word.pos_ == "VERB"):
            return toks[:k]
        if word.lower_ in lex.titles and word.text[:1].isupper() and (
                k + 1 == len(toks) or is_common(toks[k + 1], lex.language, lowered)):
            return toks[:k]  # "... Juez Primero": the person's office run on after the name
    return toks


def _named_holder(toks: list[Any], lex: Lexicon) -> bool:
    """A name in apposition to a role noun ("the mayor of X, Jane Roe"; "el alcalde, Rigoberto
    Cházaro Luna") names the person holding the role, whatever label the model gave it."""
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside]
    if len(roots) != 1 or roots[0].dep_ != "appos" or not all(t.text[:1].isupper() or t.lower_ in lex.name_particles
                                                                for t in toks):
        return False
    head = roots[0].head
    return head.pos_ == "NOUN" and head.i < roots[0].i and (
        head.lemma_.lower() in lex.role_nouns or head.lower_ in lex.role_nouns or head.lower_ in lex.titles)


_MODEL_NUMBER = re.compile(r"(?:[A-Za-z]{0,3}\d{1,4}[A-Za-z]{0,4}(?:-\w+)?|\d{3,4}-\d{1,4}\w*)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# a model number of three figures or more, perhaps with a variant ("717", "777-200LR"): no score, no count
_BARE_MODEL = re.compile(r"\d{3,4}(?:-\d{1,4}[A-Za-z]{0,3})?")
# a letter-led model number in the plural ("A380s", "F-16s", "MD-80s"), which a model reads as a count
_PLURAL_MODEL = re.compile(r"[A-Z]{1,3}-?\d{2,4}[A-Z]{0,2}s")
_COUNT_LABELS = frozenset({"DATE", "CARDINAL", "QUANTITY"})
# a letter-led model number ("A380", "A350", "MD-80"): a product's own name without its maker's
_LETTER_MODEL = re.compile(r"[A-Z]{1,3}-?\d{2,4}[A-Z]{0,3}")


def _model_number(word: str) -> bool:
    """'747', 'A380', '737-800', 'A330-200', '4': a model number ends a product's name; a year
    ('Windows 2000' aside) does not."""
    word = word.rstrip(".")  # "A400M." at a sentence's end
    return bool(_MODEL_NUMBER.fullmatch(word)) and not _YEAR.fullmatch(word)


def _maker_model(toks: list[Any], label: str) -> bool:
    """'Boeing 717', 'el Boeing 777': a span the model read as a product or a miscellaneous name
    that ends in a model's figures after a capitalised word is a product's name, no score."""
    k = len(toks) - 1
    while k >= 2 and toks[k - 1].text == "-" and toks[k - 2].like_num:  # "737", "-", "800"
        k -= 2
    after = toks[-1].i + 1
    if after < len(toks[-1].doc) and (toks[-1].doc[after].like_num or toks[-1].doc[after].text == "%"
                                      or toks[-1].doc[after].ent_iob_ == "I"):
        return False  # "Apple 200 million", "Apple 200 millones" read as one name: a sum, no model
    return label in ("PRODUCT", "MISC") and k >= 1 and toks[k - 1].text[:1].isupper() and not toks[k - 1].like_num \
        and _bare_model_number("".join(t.text for t in toks[k:]))



def _model_variant(toks: list[Any]) -> bool:
    """'A330-200', 'MD-80-10': a variant's figures glued by a hyphen to a letter-led model number end
    the product's name, no score ("Airbus A330-200" was cut to "Airbus A330")."""
    return len(toks) >= 3 and toks[-2].text == "-" and not toks[-3].whitespace_ and not toks[-2].whitespace_ \
        and bool(_LETTER_MODEL.fullmatch(toks[-3].text))

def _bare_model_number(word: str) -> bool:
    """'717', '777-200LR': figures alone that end a product's name after its maker's ('Boeing 717');
    a year, a score or a short count does not."""
    return bool(_BARE_MODEL.fullmatch(word)) and not _YEAR.fullmatch(word)


def _titled_speaker(toks: list[Any], lex: Lexicon) -> int:
    """Where the person starts in a span the model called an organisation that ends in a
    capitalised title and the subject of a human verb ("Hereditary Chief Na'moks said",
    "Police Chief Jane Roe said"); 0 when it is no such span."""
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside]  # the last word in English, the first under Spanish 'flat'
    if len(toks) < 2 or len(roots) != 1 or roots[0].dep_ != "nsubj" or roots[0].head.lemma_ not in lex.human_verbs:
        return 0
    for k in range(len(toks) - 2, max(len(toks) - 5, -1), -1):
        if toks[k].lower_ in lex.titles and toks[k].text[:1].isupper():
            rest = toks[k + 1:]
            if rest[0].text.islower():
                return 0  # "Fiscal General de Veracruz said": the office of a place, no one's name
            if k == 0 and (len(rest) == 1 or fold(rest[-1].text) in lex.org_keywords or _legal_form(rest[-1].text)) \
                    and not _given_name_first(" ".join(t.text for t in rest) + " x"):
                return 0  # "General Motors said": a name opening with a title's word, no titled person
            return k + 1
    return 0


def _extend(sdoc: Any, toks: list[Any], lex: Lexicon, left: bool) -> list[Any]:
    """Take in capitalised proper nouns the model left out next to a name ('Laura Peña'
    + 'Ortiz', 'Elena' + 'Varela Soto')."""
    def free(tok: Any) -> bool:
        return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_iob_ == "O" and tok.lower_ not in lex.titles
                and tok.lower_ not in lex.trailing_roles  # "Apple" + "CEO": the role is no part of the name
                and tok.lower_ not in lex.person_modifiers  # "Democrat" + "Dianne Feinstein": a description
                and not _role_word(tok, lex) and not _opens_compound(tok))  # "Bernie Sanders" + "T-shirts"
    end = toks[-1].i + 1
    while end < len(sdoc) and end - toks[-1].i <= 2 and free(sdoc[end]) and not _breaks_after(sdoc[end - 1]):
        end += 1
    if end > toks[-1].i + 1 and end < len(sdoc) and _role_word(sdoc[end], lex) and sdoc[end].text[:1].isupper():
        end = toks[-1].i + 1  # "House" + "Majority Leader": the words qualify a role, not the name
    if left:  # a person's name: a surname with its particle ("Gómez" + "de la Hera", "Alvarez" + "del Manzano")
        end = _surname_particle(sdoc, end, lex)
    start = toks[0].i
    if left:
        start = _particle_before(sdoc, start, lex)  # "De la" + "Gándara"
    while (left and start > 0 and toks[0].i - start < 2 and free(sdoc[start - 1]) and not _breaks_after(sdoc[start - 1])
           and not opens_sentence(sdoc, start - 1) and not _tail_of_other(sdoc, start - 1)
           and not _common_not_given(sdoc[start - 1], sdoc[start], lex)
           and not (start >= 2 and sdoc[start - 2].text.islower() and sdoc[start - 2].lower_ in lex.name_particles)):
        start -= 1  # but not "Minister of Health" + "John Smith": a word after a particle ends another phrase
    return list(sdoc[start:end])


def _surname_word(tok: Any, lex: Lexicon) -> bool:
    """A capitalised word after a surname's particle that the model left untagged or read as a
    person, and that names no place, body, office or kind of place ("de la Hera", not "de Madrid",
    "del Ayuntamiento", "de la Provincia")."""
    word = tok.lower_
    return (tok.is_alpha and tok.text.istitle() and tok.ent_type_ in ("", "PER", "PERSON")
            and word not in lex.institution_words and word not in lex.org_keywords and word not in lex.place_heads
            and word not in lex.titles and word not in lex.sentence_openers and not _role_word(tok, lex)
            and (exonym_key(name_tokens(tok.text)) or ("",))[0] != "~places")


def _surname_particle(sdoc: Any, end: int, lex: Lexicon) -> int:
    """The end of a person's name taken past a surname's particle and the word after it
    (data `surname_particles`: "de", "del", "de la"), or `end` unchanged."""
    after = tuple(t.text for t in sdoc[end:end + max(map(len, lex.surname_particles), default=0)])  # read once
    for particle in lex.surname_particles:
        n = len(particle)
        if end + n < len(sdoc) and after[:n] == particle \
                and not any(_breaks_after(t) for t in sdoc[end - 1:end + n]) and _surname_word(sdoc[end + n], lex):
            return end + n + 1
    return end


def _particle_before(sdoc: Any, start: int, lex: Lexicon) -> int:
    """The start of a person's name taken back over a surname's particle written with a capital
    ("De la Gándara", "Del Bosque"), or `start` unchanged."""
    before = tuple(t.text for t in sdoc[max(0, start - max(map(len, lex.surname_particles), default=0)):start])
    for particle in lex.surname_particles:
        n = len(particle)
        if start - n < 0:
            continue
        words = before[len(before) - n:]  # the n words before `start` (read once for every particle)
        if len(words) == n and words[0][:1].isupper() \
                and (words[0].lower(), *words[1:]) == particle and not any(_breaks_after(t) for t in sdoc[start - n:start]):
            return start - n
    return start


def _tail_of_other(sdoc: Any, i: int) -> bool:
    """The capitalised word before a name ends something else: a hyphenated compound
    ('Sergeant-at-Arms Kevin Vickers') or a name the model tagged ('The Canadian Press Kevin
    Vickers' in a photo credit). Taking it in would make a new, longer name."""
    if i == 0:
        return False
    prev = sdoc[i - 1]
    return not prev.whitespace_ or prev.ent_iob_ != "O"


# ---- photo and wire credits ------------------------------------------------------------------

_NAME = r"[A-ZÁÉÍÓÚÑÀ-Ý][\w'\u2019.-]*(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑÀ-Ý][\w'\u2019.-]*){1,3}"


@dataclass(frozen=True, slots=True)
class Credit:
    """A photo or wire credit: the credited person's name span and the whole credit's span."""

    start: int
    end: int
    open: int
    close: int


@lru_cache(maxsize=8)
def _credit_patterns(words: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'(A/B)' in parentheses (perhaps after a credit word: '(Photo by A/B)', '(Foto de A/B)'), and
    '<credit word>: A / B' (or 'by A / B', 'de A / B') in running text."""
    cue = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    lead = r"(?:(?i:" + cue + r")\s*(?::|(?i:by|por|de)\s)\s*)?"  # "(Photo by A/B)", "(Foto de A/B)"
    paren = re.compile(r"\(\s*" + lead + r"(?P<a>[^()\n/]{2,60}?)\s*/\s*(?P<b>[^()\n/]{2,60}?)\s*\)")
    colon = re.compile(r"\b(?i:" + cue + r")\s*(?::|(?i:by|por|de)\s)\s*(?P<a>" + _NAME + r")\s*/\s*(?P<b>[A-ZÁÉÍÓÚÑ][^\n/()]{1,60})")
    return paren, colon


def _name_side(text: str, lex: Lexicon) -> bool:
    """A credit side that names a person: 2-4 capitalised words, none an organisation word,
    not opening with an article ('The New York Times') nor ending in a credit word ('AP Photo')."""
    if not re.fullmatch(_NAME, text):
        return False
    words = [fold(w).strip(".") for w in text.split()]
    return not (words[0] in lex.determiners or words[0] in ("the", "el", "la", "los", "las")
                or any(w in lex.org_keywords or w in lex.credit_words for w in words))


def photo_credits(body: str, lex: Lexicon) -> list[Credit]:
    """Credits such as '(Jane Roe/The Daily Planet)', '(AP Photo/Jane Roe)', '( JANE ROE / Planet )',
    'Photo: Jane Roe / Agency': the person is the side shaped like a name (the left one when both are)."""
    if "/" not in body:
        return []  # every credit holds a slash between its two sides
    paren, colon = _credit_patterns(lex.credit_words)
    found = []
    for m in paren.finditer(body):
        side = next((k for k in ("a", "b") if _name_side(m[k], lex)), None)
        if side:
            found.append(Credit(m.start(side), m.end(side), m.start(), m.end()))
    for m in colon.finditer(body):
        if _name_side(m["a"], lex) and not any(c.open <= m.start("a") < c.close for c in found):
            found.append(Credit(m.start("a"), m.end("a"), m.start(), m.end()))
    return sorted(found, key=lambda c: c.start)


def _credited_people(body: str, cands: list[Cand], lex: Lexicon) -> None:
    """A name in a photo credit is a person (the model often misses it or calls it an
    organisation together with the outlet); the outlet part stays as the model read it."""
    if not lex.credit_role:
        return
    for credit in photo_credits(body, lex):
        for old in [c for c in cands if c.start < credit.end and credit.start < c.end]:
            cands.remove(old)
        cands.append(Cand(credit.start, credit.end, body[credit.start:credit.end], "PERSON",
                          roles=[lex.credit_role]))


def build(body: str, cands: list[Cand], groups: list[list[int]], article: str, lex: Lexicon | None = None,
          unnamed: set[int] | frozenset[int] = frozenset()) -> tuple[list[Mention], list[Entity]]:
    """Turn linked candidates into Mention and Entity records (entities in order of first mention);
    the candidates in `unnamed` are mentions of an organisation without an entity."""
    groups = sorted((sorted(g) for g in groups), key=lambda g: cands[g[0]].start)
    mentions: list[tuple[int, Mention]] = [  # a lone word read as a person, a contest or a law ("la Liga") keeps its label
        (cands[i].start, Mention(cands[i].start, cands[i].end, cands[i].text,
                                 cands[i].label if cands[i].label in ("PERSON", "EVENT", "LAW") else "ORG")) for i in unnamed]
    entities: list[Entity] = []
    for n, members in enumerate(groups, start=1):
        key = f"e{n}"
        label = linking.group_label(cands, members)
        name, label = _expanded(cands, members, label, lex)
        if label == "NORP":  # "Mexican", "Republicans": an attribute of who it describes, no entity
            for i in members:
                mentions.append((cands[i].start, Mention(cands[i].start, cands[i].end, cands[i].text, "NORP")))
            continue
        if label == "PERSON" and lex is not None and _place_named(body, cands, members, name, lex):
            label = "GPE"
        if label == "ORG" and lex is not None and _person_read_as_org(cands, members, name, lex):
            label = "PERSON"  # "Carly Fiorina" ... "Fiorina said": a given name and a surname used alone
        table = (exonym_key(name_tokens(name)) or ("",))[0]
        if label in ("MISC", "ORG") and table == "~places" and not any(_team(cands[i]) for i in members):
            label = "GPE"  # "EE. UU.", "Alemania" read as another kind of name: the place of the exonym table
        elif label in linking.PLACE and (table == "~organizations" or (
                not table and len(name) >= 3 and looks_like_acronym(name) and "." not in name
                and all(_in_running_text(body, cands[i]) for i in members)
                and not any(getattr(cands[i], "region", False) or getattr(cands[i], "dateline", False) for i in members))):
            label = "ORG"  # "Estado Islámico", "NRA" read as places: a body of the table, an unlisted acronym
        elif label == "PERSON" and table == "~organizations" and all(cands[i].person is None for i in members):
            label = "ORG"  # "Twitter" read as a person: a body of the table
        if label == "PERSON" and _plural_group(name, cands, members):
            label = "ORG"  # "Los Mareños", "Las Tías": a plural article names a group, not a person
        if label == "PERSON" and lex is not None and _joined_by_and(name, cands, members, lex):
            label = "GPE" if all(_after_of(body, cands[i], lex) for i in members) else "ORG"
        entity = Entity(id=key, name=name, kind=_listed_kind(label, table),
                        articles=[article] if article else [])
        seen: set[str] = set()
        for i in members:
            c = cands[i]
            c.label = label if label != "PLACE" else c.label
            mentions.append((c.start, Mention(c.start, c.end, c.text, c.label, key)))
            entity.evidence.append(Evidence(article, c.start, c.end, "entities", VERSION))
            entity.evidence.extend(Evidence(article, a, b, "entities", VERSION) for a, b in c.spans)
            entity.evidence.extend(Evidence(article, a, b, REFERENCES, VERSION) for a, b in c.references)
            if c.nominal:
                continue  # "the President": a mention of the person here, never a name of theirs
            for alias in (c.name or c.text, *c.extra_aliases):
                alias = linking.clean_surface(alias)
                if alias and fold(alias) not in seen:
                    seen.add(fold(alias))
                    entity.aliases.append(alias)
            for role in c.roles:
                if role not in entity.roles:
                    entity.roles.append(role)
        if fold(entity.name) not in seen:
            entity.aliases.insert(0, entity.name)
        entities.append(entity)
    mentions.sort(key=lambda item: (item[0], item[1].end))
    return [m for _, m in mentions], entities


def _listed_kind(label: str, table: str) -> str:
    """The entity's kind from its label; a name the exonym table lists among organisations read as a
    name of no kind ("Twitter", "Facebook" MISC beside "Instagram" ORG) is an organisation (its
    mentions keep the model's label)."""
    if label == "MISC" and table == "~organizations":
        return "organization"
    return KIND.get(label, "other")


def _in_running_text(body: str, cand: Cand) -> bool:
    """The mention's line holds lower-case letters: a word in capitals there is an acronym ("The
    NRA said"), not a word of a headline or a table in capitals ("OAKLAND AT BOSTON")."""
    start = body.rfind("\n", 0, cand.start) + 1
    end = body.find("\n", cand.end)
    line = body[start:end if end >= 0 else len(body)]
    return any(ch.islower() for ch in line)


def _person_read_as_org(cands: list[Cand], members: list[int], name: str, lex: Lexicon) -> bool:
    """An 'organisation' of two words, a known given name and a word that is no organisation or
    place word, that the article also calls by the second word alone ("Carly Fiorina" ...
    "Fiorina said") or that the model once read as a person: a person."""
    from fuentes.corpus.name_constraints import generic_name_words

    toks = name_tokens(name)
    if len(toks) != 2 or not _given_name_first(name) or exonym_key(toks) is not None or toks[0] in lex.saint_words:
        return False  # ("Santa Bárbara": a saint's name, no given name)
    last = toks[-1]
    if last in generic_name_words() or last in LEGAL_FORMS or last in lex.org_keywords or last in lex.generic_org_words:
        return False
    if (exonym_key((last,)) or ("",))[0] == "~places":
        return False  # "Salud Coahuila": a body of a place, though 'Salud' is a given name too
    return any(cands[i].model_label in ("PERSON", "PER") or cands[i].tokens == (last,) for i in members)


def _joined_by_and(name: str, cands: list[Cand], members: list[int], lex: Lexicon) -> bool:
    """'Castilla y León', 'Smith and Wesson' read as a person: a 'person' whose every name joins
    two words by 'y'/'and', with no given name first and never linked to a person's full name,
    is no person (two people are never one mention)."""
    def joined(text: str) -> bool:
        words = text.split()
        return len(words) >= 3 and any(w in ("y", "e", "and", "&") for w in words[1:-1]) and not _given_name_first(text)

    return joined(name) and all(joined(cands[i].text) and not cands[i].nick and not cands[i].nominal for i in members)


def _after_of(body: str, cand: Cand, lex: Lexicon) -> bool:
    """The mention follows 'de'/'of' or a place preposition ("provincias de Castilla y León")."""
    words = body[max(0, cand.start - 20):cand.start].split()[-1:]
    return bool(words) and (words[0].casefold() in lex.place_prepositions or words[0].casefold() in ("de", "del", "of"))


_GROUP_ARTICLES = ("los ", "las ")


def _plural_group(name: str, cands: list[Cand], members: list[int]) -> bool:
    """A name opening with a plural article and never linked to a person's full name (a person
    cluster of its own forms, "Los Mareños" ... "Los Mareños", links it to none)."""
    if not (fold(name).startswith(_GROUP_ARTICLES) and len(name.split()) >= 2):
        return False
    clusters = {cands[i].person for i in members} - {None}
    return all(fold(c.text).startswith(_GROUP_ARTICLES) for c in cands if c.person in clusters)


def _place_named(body: str, cands: list[Cand], members: list[int], name: str, lex: Lexicon) -> bool:
    """A one-word 'person' never linked to a full name that is a known place (the exonym list) or
    always follows a place preposition ("en Guayaquil", "in Tamaulipas") is that place; so is a
    'person' of several words with no given name first that always follows one ("en Gómez
    Palacio, Durango")."""
    key = exonym_key(name_tokens(name))
    if key is not None and key[0] == "~places" and not any(cands[i].nick for i in members):
        return True  # "ESTADOS UNIDOS" in capitals, read as a person: the place of the exonym table
    if any(cands[i].nick or cands[i].roles for i in members):
        return False
    if len(name_tokens(name)) != 1:  # "en Gómez Palacio, Durango": a name of words with no given name first
        return not _given_name_first(name) and all(  # that is always where something happens, never who
            len(cands[i].text.split()) >= 2 for i in members) \
            and all(_after_in(body, cands[i], lex) for i in members)
    if any(cands[i].person is not None for i in members):
        return False
    return bool(lex.place_prepositions) and all(_placed(body, cands[i], lex) for i in members)


def _after_in(body: str, cand: Cand, lex: Lexicon) -> bool:
    """The word just before the mention is a place preposition ("en Gómez Palacio")."""
    words = body[max(0, cand.start - 20):cand.start].split()[-1:]
    return bool(words) and words[0].casefold() in lex.place_prepositions


def _placed(body: str, cand: Cand, lex: Lexicon) -> bool:
    """The words before the mention make it a place: a place preposition ("en Guayaquil") or an
    office or origin of it (`_of_place`)."""
    left = body[max(0, cand.start - 40):cand.start]
    words = left.split()[-1:]
    return bool(words and words[0].casefold() in lex.place_prepositions) or _of_place(left, lex)


def _of_place(left: str, lex: Lexicon) -> bool:
    """The words before a one-word 'person' make it a place: an office of it ("los alcaldes de
    Jamundi", "the mayor of Flint") or a person's origin after a comma ("de 94 años, de Flandreau")."""
    words = left.split()
    if len(words) < 2 or fold(words[-1]) not in ("de", "of", "from"):
        return False
    prev = fold(words[-2]).strip()
    if prev.endswith(","):
        return True
    for form in (prev, prev[:-1], prev[:-2]):
        if form in lex.titles and form not in lex.person_nouns:
            return True
    return False


def _expanded(cands: list[Cand], members: list[int], label: str, lex: Lexicon | None) -> tuple[str, str]:
    """The entity's name and label; an entity known here only by a well-known acronym ("CIA")
    takes its full name from the acronym table (data/acronyms.yaml) and is an organisation."""
    name = _best_name(cands, members, label)
    full = (lex.acronyms or {}).get(fold(name)) if lex else None
    if full and all(cands[i].acronym for i in members) and label in ("ORG", "NORP", "MISC", "PERSON", "GPE"):
        return full, "ORG"
    return name, label


def _best_name(cands: list[Cand], members: list[int], label: str) -> str:
    """The fullest name: for people the longest real name (not a nickname or acronym)."""
    names = [(cands[i].name or cands[i].text, cands[i]) for i in members]
    real = [(n, c) for n, c in names if not (c.nick or c.acronym or c.nominal)] or names
    if label == "PERSON" or label in ("ORG", "MISC", "NORP"):
        best = max(real, key=lambda nc: (len(name_tokens(nc[0])), len(nc[0]), -nc[1].start))[0]
    else:  # places: the most frequent form
        counts: dict[str, int] = {}
        for n, _ in real:
            counts[n] = counts.get(n, 0) + 1
        best = max(counts, key=lambda n: (counts[n], len(n)))
    return linking.clean_surface(best)


def find_entity(entities: list[Entity], mentions: list[Mention], query: int | str) -> str | None:
    """The local entity key for a char offset of the body or for a name ("Ruiz", "Salas
    Ibarra"), by the same alias rules as the entities stage; None when nothing or more than
    one entity fits."""
    if isinstance(query, int):
        for m in mentions:
            if m.start <= query < m.end:
                return m.entity
        return None
    return linking.resolve_name(entities, query)


@register
class EntitiesStage(Stage):
    """Mentions relabelled and linked to local entities."""

    name = "entities"
    version = VERSION
    requires = ("nlp", "id", "language")
    provides = ("mentions", "entities")

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        sdoc = doc.get("nlp")
        if sdoc is None:  # no pipeline ran for this article: nothing named
            mentions, entities = [], []
        else:
            mentions, entities = extract(sdoc, doc.get("language"), doc.get("id") or "")
        doc.set("mentions", mentions, self.tag)
        doc.set("entities", entities, self.tag)
        return doc
