"""Stage `identify`: the content-derived article id (outlet + normalised body)."""

from __future__ import annotations

from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.ids import article_id
from fuentes.pipeline import stage_from_function

MIN_BODY_WORDS = 5
CHARS_PER_WORD_UNSPACED = 2  # Chinese, Japanese, Thai...: about two characters a word


def _unspaced(ch: str) -> bool:
    """A letter of a script written without spaces between words."""
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF or 0x20000 <= o <= 0x2FA1F)


def word_count(text: str) -> int:
    """Words of `text`; in scripts without spaces, characters / CHARS_PER_WORD_UNSPACED."""
    unspaced = sum(1 for ch in text if _unspaced(ch))
    spaced = sum(1 for token in text.split() if not all(_unspaced(ch) or not ch.isalpha() for ch in token))
    return spaced + unspaced // CHARS_PER_WORD_UNSPACED


@stage_from_function("identify", requires=("body", "meta"), provides=("id",), version="1")
def identify(doc: ArticleDoc) -> ArticleDoc:
    """Reject bodies with no real text, then give the article its content id."""
    words = word_count(doc.body)
    if words < MIN_BODY_WORDS:
        raise InputError(doc.source, f"no article text left after cleaning ({words} words; page furniture only?)")
    doc.set("id", article_id(doc.meta.get("outlet"), doc.body), by="identify@1")
    return doc
