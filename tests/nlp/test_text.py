"""doc_text: a Doc's text joined once, the same as spaCy's own, in English and Spanish."""

from __future__ import annotations

import pytest

from fuentes.nlp.models import load
from fuentes.nlp.text import TEXT, doc_text

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,body", [
    ("en", "Ana Ruiz met Tomas Berg in Lima.\n\nThey talked  for hours \u2014 \"at length\"."),
    ("es", "El fiscal Ramiro Soto habló en Quito.\n\n«Fue un acuerdo», dijo  la jueza."),
])
def test_doc_text_is_the_doc_text_and_kept(language, body):
    nlp, _ = load(language)
    sdoc = nlp(body)
    assert TEXT not in sdoc.user_data
    assert doc_text(sdoc) == sdoc.text == body
    assert sdoc.user_data[TEXT] is doc_text(sdoc)  # joined once, then read back


@pytest.mark.parametrize("language,body", [("en", "New York City is big. Ana Ruiz lives there."),
                                           ("es", "La Ciudad de México es grande. Ana Ruiz vive allí.")])
def test_doc_text_holds_when_tokens_are_merged(language, body):
    nlp, _ = load(language)
    sdoc = nlp(body)
    doc_text(sdoc)
    with sdoc.retokenize() as retokenizer:
        retokenizer.merge(sdoc[0:3])
    assert doc_text(sdoc) == sdoc.text == body


@pytest.mark.parametrize("language,body", [
    ("en", "Gunmen killed two guards. Police said nothing!\n\nWho did it? The mayor's office declined to comment"),
    ("es", "Unos pistoleros mataron a dos guardias. La policía no dijo nada!\n\n¿Quién fue? La alcaldía no comentó"),
])
def test_sentence_of_is_the_token_sentence(language, body):
    from fuentes.nlp.text import sentence_of

    nlp, _ = load(language)
    sdoc = nlp(body)
    for tok in sdoc:
        found = sentence_of(tok)
        assert (found.start, found.end) == (tok.sent.start, tok.sent.end)
        assert found.doc is sdoc
    with sdoc.retokenize() as retokenizer:  # fewer tokens: the sentences are read again
        retokenizer.merge(sdoc[0:2])
    assert all((sentence_of(t).start, sentence_of(t).end) == (t.sent.start, t.sent.end) for t in sdoc)


def test_sentence_of_a_doc_without_sentences_asks_spacy():
    from fuentes.nlp.text import sentence_of

    nlp, _ = load("es")
    sdoc = nlp.make_doc("Sin análisis. Ninguno.")
    with pytest.raises(ValueError):  # spaCy's own answer: no sentence boundaries set
        sentence_of(sdoc[0])


@pytest.mark.parametrize("language,body", [
    ("en", "He said he had been arrested. She would have fled if they had come."),
    ("es", "Se prevé que las ventas suban. Fue capturado por la policía, dijo el fiscal que había huido."),
])
def test_morph_values_are_spacys(language, body):
    from fuentes.nlp.text import morph_values

    nlp, _ = load(language)
    sdoc = nlp(body)
    for tok in sdoc:
        for field in ("VerbForm", "Mood", "Tense", "Person", "Number", "Definite", "PronType", "Nothing"):
            found = morph_values(tok, field)
            assert found == tok.morph.get(field) and isinstance(found, list)
    morph_values(sdoc[0], "VerbForm").append("changed")  # the caller's own list: the next answer is intact
    assert morph_values(sdoc[0], "VerbForm") == sdoc[0].morph.get("VerbForm")


def test_strings_where_tests_each_string_once_per_data():
    from spacy.attrs import LOWER

    from fuentes.nlp.text import strings_where

    nlp, _ = load("es")
    sdoc = nlp("La policía detuvo a dos hombres; la policía dijo que los hombres huyeron.")
    hashes = sdoc.to_array(LOWER).tolist()
    words = {"policía", "hombres"}
    asked: list[str] = []

    def test(word):
        asked.append(word)
        return word in words

    found = strings_where(hashes, sdoc.vocab.strings, "test words", words, test)
    assert [sdoc.vocab.strings[h] for h in found] == ["policía", "hombres", "policía", "hombres"]
    assert sorted(asked) == sorted({t.lower_ for t in sdoc})  # one question per distinct word
    assert strings_where(hashes, sdoc.vocab.strings, "test words", words, test) == found
    assert len(asked) == len({t.lower_ for t in sdoc})  # answered from memory the second time
    other = {"dijo"}  # other data: asked again
    assert [sdoc.vocab.strings[h] for h in strings_where(hashes, sdoc.vocab.strings, "test words", other,
                                                          lambda w: w in other)] == ["dijo"]


@pytest.mark.parametrize("language,body", [
    ("en", "Gunmen killed two guards. Police said nothing!\n\nWho did it? The mayor's office declined to comment"),
    ("es", "Unos pistoleros mataron a dos guardias. La policía no dijo nada!\n\n¿Quién fue? La alcaldía no comentó"),
])
def test_sentences_are_the_docs_sentences_listed_once(language, body):
    from fuentes.nlp.text import sentence_index, sentences

    nlp, _ = load(language)
    sdoc = nlp(body)
    listed = sentences(sdoc)
    assert [(s.start, s.end) for s in listed] == [(s.start, s.end) for s in sdoc.sents]
    assert sentences(sdoc) is listed  # listed once per Doc
    for tok in sdoc:
        assert listed[sentence_index(tok)].start <= tok.i < listed[sentence_index(tok)].end
    with sdoc.retokenize() as retokenizer:  # fewer tokens: listed again
        retokenizer.merge(sdoc[0:2])
    assert [(s.start, s.end) for s in sentences(sdoc)] == [(s.start, s.end) for s in sdoc.sents]


@pytest.mark.parametrize("language,body", [("en", "Ana Ruiz met Tomas Berg of Acme Corp in Lima."),
                                           ("es", "Ana Ruiz se reunió con Tomás Berg, de Telefónica, en Lima.")])
def test_entity_spans_are_the_docs_entities_made_once(language, body):
    from fuentes.nlp.text import entity_spans

    nlp, _ = load(language)
    sdoc = nlp(body)
    found = entity_spans(sdoc)
    assert [(e.start, e.end, e.label_) for e in found] == [(e.start, e.end, e.label_) for e in sdoc.ents]
    assert found and entity_spans(sdoc) is found


@pytest.mark.parametrize("language,body", [("en", "Ana Ruiz lives in Lima."), ("es", "Ana Ruiz vive en Lima.")])
def test_doc_cache_is_kept_per_doc_and_emptied_when_tokens_change(language, body):
    from fuentes.nlp.text import doc_cache

    nlp, _ = load(language)
    sdoc, other = nlp(body), nlp(body)
    doc_cache(sdoc)[("test", 1)] = "kept"
    assert doc_cache(sdoc)[("test", 1)] == "kept"
    assert ("test", 1) not in doc_cache(other)  # another Doc of the same text has its own
    with sdoc.retokenize() as retokenizer:
        retokenizer.merge(sdoc[0:2])
    assert ("test", 1) not in doc_cache(sdoc)  # merged tokens: what was read is read again
