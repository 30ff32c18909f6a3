"""Which capitalised words are common words of the language, not names: "Estado", "Parte",
"Educación", "Decreto" are nouns a Spanish text capitalises as headings or by convention.

Two sources, neither keyed to any text:
  - the spaCy pipeline's own lexicon: the rule lemmatizer's index of the language's nouns,
    adjectives, verbs and adverbs (`lemma_index`). For Spanish this is a list of common words
    only; the English index comes from WordNet, which holds proper names too ("paris",
    "clinton"), so for English it is not used;
  - the article itself: a word it also writes in lower case and never capitalises inside a
    sentence (`entities._LowerWords`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fuentes.extract.names import fold

# languages whose lemmatizer index lists common words only (see the module doc)
_INDEXED = {"es"}


@lru_cache(maxsize=None)
def lexicon_words(language: str) -> frozenset[str]:
    """Every word of the spaCy pipeline's lemmatizer index, in lower case, in any language (for
    English with WordNet's proper names among them: a test that a word is no name must not rest on
    it alone); empty without an index."""
    try:
        from fuentes.nlp import load

        nlp, _ = load(language)
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except Exception:
        return frozenset()
    return frozenset(str(w).casefold() for pos in ("noun", "adj", "verb", "adv") if pos in table for w in table[pos])


@lru_cache(maxsize=None)
def common_words(language: str) -> dict[str, frozenset[str]]:
    """Part of speech ("noun", "adj", "verb", "adv") -> the language's common words in lower case,
    from the spaCy pipeline's lemmatizer; empty when the language has no such index."""
    if language not in _INDEXED:
        return {}
    try:
        from fuentes.nlp import load

        nlp, _ = load(language)
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except Exception:  # no pipeline or no index: nothing is known to be common
        return {}
    return {pos: frozenset(str(w).casefold() for w in table[pos]) for pos in ("noun", "adj", "verb", "adv")
            if pos in table}


def _forms(word: str) -> tuple[str, ...]:
    """The word and its singular ("connacionales" -> "connacional", "decenas" -> "decena")."""
    out = [word]
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])
    if word.endswith("s") and len(word) > 3:
        out.append(word[:-1])
    return tuple(out)


def common_pos(tok: Any, language: str) -> str | None:
    """The part of speech under which the token's word is a common word of `language` (noun
    first), or None when the lexicon does not list it."""
    if not common_words(language):
        return None
    return _common_pos(tok.lower_, tok.lemma_.casefold(), language)


def common_pos_of(word: str, language: str) -> str | None:
    """`common_pos` of a word read without its token (its lemma taken as the word itself)."""
    if not common_words(language):
        return None
    return _common_pos(word.casefold(), word.casefold(), language)


@lru_cache(maxsize=65536)
def _common_pos(word: str, lemma: str, language: str) -> str | None:
    """`common_pos` of a word (lower case) with its lemma (case-folded), once per form."""
    index = common_words(language)
    forms = _forms(word)
    for pos in ("noun", "adj", "adv", "verb"):
        words = index.get(pos, frozenset())
        if any(f in words for f in forms) or (pos == "verb" and lemma in words and lemma != word):
            return pos
    folded = _folded(language)  # "jóvenes" -> "joven": a plural moves the accent; capitals drop it
    for pos in ("noun", "adj"):
        if any(fold(f) in folded.get(pos, ()) for f in forms):  # and "EXPOSICION" in capitals
            return pos
    return None


@lru_cache(maxsize=None)
def _folded(language: str) -> dict[str, frozenset[str]]:
    """The lexicon's nouns and adjectives without accents."""
    index = common_words(language)
    return {pos: frozenset(fold(w) for w in index.get(pos, ())) for pos in ("noun", "adj")}


def is_common(tok: Any, language: str, lowered: Any = (), endings: tuple[str, ...] = (),
              infinitives: tuple[str, ...] = ()) -> bool:
    """A token that is a common word, not a name's word: a stop word, a word of the language's
    lexicon (or an inflected verb of it), or a word the article writes in lower case (`lowered`)."""
    if not tok.is_alpha:
        return False
    if tok.is_stop or tok.lower_ in lowered:
        return True
    return common_pos(tok, language) is not None or is_verb_form(tok, language, endings, infinitives)


def is_verb_form(tok: Any, language: str, endings: tuple[str, ...] = (), infinitives: tuple[str, ...] = ()) -> bool:
    """A word that is a verb of the language's lexicon and no noun or adjective ("Copiar",
    "Celebran", "Copie"): no name opens or ends with it. `endings` and `infinitives` (from the
    language's data file) turn an inflected form back into the infinitive the index lists."""
    index = common_words(language)
    if not index or not tok.is_alpha:
        return False
    word = tok.lower_
    if any(f in index.get("noun", ()) or f in index.get("adj", ()) for f in _forms(word)):
        return False
    lemma = tok.lemma_.casefold()
    if lemma != word and lemma in index.get("verb", frozenset()):
        return True
    return verb_string(word, language, endings, infinitives)


@lru_cache(maxsize=65536)
def verb_string(word: str, language: str, endings: tuple[str, ...] = (), infinitives: tuple[str, ...] = ()) -> bool:
    """A lower-case word that is a verb of the language's lexicon, as it stands or once an
    ending of `endings` is turned back into an infinitive ("informa" -> "informar")."""
    verbs = common_words(language).get("verb", frozenset())
    if not verbs:
        return False
    if word in verbs:
        return True
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            if any(stem + inf in verbs for inf in infinitives):
                return True
    return False
