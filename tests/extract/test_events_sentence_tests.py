"""The events stage's tests of a trigger's sentence read from its two ends or once per sentence:
the same answers as reading every word of it, English and Spanish."""

from __future__ import annotations

import pytest

from fuentes.extract import events
from fuentes.extract.event_triggers import _forms, lexicon
from fuentes.nlp.text import sentences

pytestmark = pytest.mark.models


def _ends_by_listing(sent):
    words = [t for t in sent if not t.is_space]
    return (words[0] if words else None), words[-2:]


@pytest.mark.parametrize("language,body", [
    ("en", "Who killed the mayor?  \n\nGunmen killed him on Friday. \"Why?\" she asked. Did they flee ? \n\n?"),
    ("es", "¿Quién mató al alcalde?\n\nLos sicarios lo mataron el viernes. «¿Por qué?» , preguntó.  \n\n¿Huyeron ?"),
])
def test_the_words_at_a_sentences_ends_are_its_first_and_last_two(nlp, language, body):
    sdoc = nlp[language](body)
    for sent in sentences(sdoc):
        first, last = events._words_at_ends(sent)
        want_first, want_last = _ends_by_listing(sent)
        assert (first.i if first is not None else None) == (want_first.i if want_first is not None else None)
        assert [t.i for t in last] == [t.i for t in want_last]


def _armed_by_reading(sent, lex):
    armed = ("armed_nouns", "weapon_words", "fatality_nouns", "wound_words", "remote_words", "attack_words")
    kills = events.killing_verbs(lex)
    return any(lex.cue_in(key, sent) for key in armed) or any(_forms(t) & kills for t in sent)


@pytest.mark.parametrize("language,body", [
    ("en", "The battle between the candidates intensified. Soldiers fought gunmen near Culiacán, leaving five dead. "
           "The senator attacked the reform. Two guards were shot."),
    ("es", "La batalla entre los candidatos se intensificó. Soldados y sicarios se enfrentaron cerca de Culiacán "
           "y dejaron cinco muertos. El senador atacó la reforma. Dos guardias resultaron heridos."),
])
def test_a_sentence_is_armed_as_read_word_by_word_and_asked_again_alike(nlp, language, body):
    lex = lexicon(language)
    sdoc = nlp[language](body)
    read = [_armed_by_reading(s, lex) for s in sentences(sdoc)]
    assert True in read and False in read  # both answers are met
    assert [events._armed(s, lex) for s in sentences(sdoc)] == read
    assert [events._armed(s, lex) for s in sentences(sdoc)] == read  # the kept answers
    other = lexicon("es" if language == "en" else "en")  # another lexicon is asked on its own
    assert [events._armed(s, other) for s in sentences(sdoc)] == [_armed_by_reading(s, other) for s in sentences(sdoc)]
