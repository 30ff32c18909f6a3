"""Stage `clean_text`: page furniture out of the extracted text, metadata filled from it.

Reads `extracted` (the raw page text for text inputs, trafilatura's main text for HTML) and
`meta` (what the container or the HTML already said: those values are kept, the text only
fills the gaps). HTML text is already mostly clean, so only strong cues apply to it, never the
position rules that could drop content.
"""

from __future__ import annotations

from fuentes.clean.boilerplate import clean_text
from fuentes.clean.dates import settle
from fuentes.doc import ArticleDoc
from fuentes.pipeline import stage_from_function

VERSION = "4"


@stage_from_function("clean_text", requires=("extracted", "meta"), provides=("body", "removed", "meta"),
                     version=VERSION)
def clean_text_stage(doc: ArticleDoc) -> ArticleDoc:
    """Body, removed furniture and text metadata of one article."""
    tag = f"clean_text@{VERSION}"
    meta = dict(doc.get("meta") or {})
    language = meta.get("language") or doc.hints.get("language")  # the language stage comes later
    result = clean_text(doc.get("extracted") or "", language=language, saved_at=doc.hints.get("saved_at"),
                        strong_only=doc.format == "html", title=meta.get("title") if doc.format == "html" else None)
    evidence = dict(meta.get("meta_evidence") or {})
    for key, value in result.meta.items():
        if value and not meta.get(key):
            meta[key] = value
            if key in result.meta_evidence:
                evidence[key] = result.meta_evidence[key]
    meta.update(settle(meta, result.times, doc.hints))
    if evidence:
        meta["meta_evidence"] = evidence
    doc.set("body", result.body, by=tag)
    doc.set("removed", result.removed, by=tag)
    doc.set("meta", meta, by=tag)
    return doc
