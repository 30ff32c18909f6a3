"""Language identification with lingua, limited to the languages news in scope is written in.

Limiting the candidates keeps detection fast and avoids rare-language false positives on
short texts. Only the first few thousand characters are looked at.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from fuentes.doc import ArticleDoc
from fuentes.pipeline import stage_from_function

CANDIDATES = (Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.FRENCH,
              Language.GERMAN, Language.ITALIAN)
SAMPLE_CHARS = 1200  # a few sentences decide; longer samples cost time, not accuracy
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure or too short."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()


@stage_from_function("language", requires=("body", "meta"), provides=("language", "meta"), version="1")
def language(doc: ArticleDoc) -> ArticleDoc:
    """Declared language (container or page metadata) when given, else detected from the body."""
    declared = (doc.meta.get("language") or "").split("-")[0].lower() or None
    detected = detect_language(doc.body)
    # A declared language is often a site-wide default; trust the text when they disagree.
    code = detected or declared
    doc.meta["language"] = code
    doc.set("language", code, by=language.name + "@" + language.version)
    return doc
