"""Stage `identify`: the content-derived article id (outlet + normalised body)."""

from __future__ import annotations

import re
from itertools import islice

from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.ids import article_id
from fuentes.pipeline import stage_from_function

MIN_BODY_WORDS = 5
CHARS_PER_WORD_UNSPACED = 2  # Chinese, Japanese, Thai...: about two characters a word


# scripts written without spaces between words: kana, CJK, Thai, Lao, Myanmar, Khmer
UNSPACED = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x0E00, 0x0EFF),
            (0x1000, 0x109F), (0x1780, 0x17FF), (0x20000, 0x2FA1F))
_ANY_UNSPACED = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in UNSPACED) + "]")


def _unspaced(ch: str) -> bool:
    """A letter of a script written without spaces between words."""
    o = ord(ch)
    return any(a <= o <= b for a, b in UNSPACED)


_TOKEN = re.compile(r"\S+")


def word_count(text: str, enough: int | None = None) -> int:
    """Words of `text`; in scripts without spaces, characters / CHARS_PER_WORD_UNSPACED. With
    `enough`, a text with spaces is counted only up to that many words (whether it has as many)."""
    if _ANY_UNSPACED.search(text) is None:  # the usual case: every word has spaces around it
        if enough is not None:
            words = (m for m in _TOKEN.finditer(text) if any(map(str.isalpha, m.group())))
            return sum(1 for _ in islice(words, enough))
        return sum(1 for token in text.split() if any(map(str.isalpha, token)))
    unspaced = sum(1 for ch in text if _unspaced(ch))
    spaced = sum(1 for token in text.split() if not all(_unspaced(ch) or not ch.isalpha() for ch in token))
    return spaced + unspaced // CHARS_PER_WORD_UNSPACED


@stage_from_function("identify", requires=("body", "meta"), provides=("id",), version="1")
def identify(doc: ArticleDoc) -> ArticleDoc:
    """Reject bodies with no real text, then give the article its content id."""
    words = word_count(doc.body, enough=MIN_BODY_WORDS)  # more words need no count
    if words < MIN_BODY_WORDS:
        raise InputError(doc.source, f"no article text left after cleaning ({words} words; page furniture only?)")
    doc.set("id", article_id(doc.meta.get("outlet"), doc.body), by="identify@1")
    return doc
