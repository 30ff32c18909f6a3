"""Stage `identify`: the content-derived article id (outlet + normalised body)."""

from __future__ import annotations

from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.ids import article_id
from fuentes.pipeline import stage_from_function

MIN_BODY_WORDS = 5


@stage_from_function("identify", requires=("body", "meta"), provides=("id",), version="1")
def identify(doc: ArticleDoc) -> ArticleDoc:
    """Reject bodies with no real text, then give the article its content id."""
    if len(doc.body.split()) < MIN_BODY_WORDS:
        raise InputError(doc.source, f"no article text left after cleaning "
                                     f"({len(doc.body.split())} words; page furniture only?)")
    doc.set("id", article_id(doc.meta.get("outlet"), doc.body), by="identify@1")
    return doc
