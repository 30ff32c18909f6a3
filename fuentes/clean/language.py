"""Language identification with lingua: among every language it knows, with a confidence.

News in scope is English and Spanish, but a crawl brings pages in any language, and an article
in Malay or Chinese must be stored under its own language (provenance and stories still use it;
the analysis says it does not read it) rather than forced into a near language. Detection runs
among all of lingua's languages on the first few hundred characters (its cost grows with the
sample), on their trigram models (lingua's low accuracy mode: as accurate on that much text, and
cheap to load). Short Latin-script texts (headlines, snippets: under `SHORT_WORDS` words) are too short
for that choice (a Spanish line of ten words reads as Basque or Catalan often enough to matter),
so they are read among the languages news in scope is written in, as before.

A language the source declares (the container's or the page's metadata) is first checked
against the text's own function words (`confirmed`), which costs a few hundredths of what
detection does (detection among all languages is 3-4 ms an article, as much as the rest of
the cleaning together): when the text's first words are mostly function words of the declared
language and clearly not of a near one (Portuguese, Catalan, French... read against Spanish;
Dutch, German, Romanian... against English), the declared language stands and nothing is
detected. Otherwise (a mislabelled page: a site-wide "en" on a Malay or Portuguese article, a
table, a text too short to confirm) the text is detected as for an undeclared article, and a
confident detection overrules the declaration, so a mislabelled page is still caught.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from fuentes.doc import ArticleDoc
from fuentes.pipeline import stage_from_function

ANALYSED = ("en", "es")  # languages the analysis stages read; others are stored and not analysed
NEAR_SCOPE = (Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.FRENCH,
              Language.GERMAN, Language.ITALIAN)
SAMPLE_CHARS = 1200  # a few sentences decide; longer samples cost time, not accuracy
ALL_SAMPLE_CHARS = 320  # among all languages, cost grows with the sample: ~50 words decide (3-4 ms an article)
MIN_CONFIDENCE = 0.5
SHORT_WORDS = 20  # below this many words a Latin-script text is read among NEAR_SCOPE only
MIN_LETTERS = 12  # fewer letters than this: no language
# Confirming a declared language by function words (spaCy's stop-word lists of the Latin-script
# languages it has): the declaration stands when at least CONFIRM_SHARE of the sample's first
# words are its function words and, against each other language, it has at least CONFIRM_MIN
# words of its own (not function words of the other) and CONFIRM_RATIO times the other's own.
CONFIRM_CHARS = 400  # about sixty words
CONFIRM_WORDS = 20  # fewer words than this: not confirmed (detected as before)
CONFIRM_SHARE = 0.2
CONFIRM_MIN = 4
CONFIRM_RATIO = 2
FUNCTION_WORD_LANGUAGES = ("en", "es", "pt", "fr", "it", "de", "ca", "nl", "ro", "af", "cs", "da", "et", "eu",
                           "fi", "ga", "hr", "hu", "id", "is", "lb", "lt", "lv", "ms", "nb", "pl", "sk", "sl",
                           "sq", "sv", "tl", "tr")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Detection:
    language: str  # ISO 639-1 code
    confidence: float
    among: str  # "all languages" or "languages in scope" (short Latin-script text)

    def describe(self) -> str:
        return f"detected {self.language} (confidence {self.confidence:.2f}, among {self.among})"


@lru_cache(maxsize=1)
def _all_languages() -> LanguageDetector:
    # Trigram models only: lingua's full models for every language cost a process 25 s and
    # 1.3 GB to load (lazily, at the first text of a new kind: a document's time budget paid
    # for it), and on 320 characters of real news in ten languages they are no more accurate.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def _near_scope() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*NEAR_SCOPE).build()


def letter_counts(text: str) -> tuple[int, int]:
    """(letters, Latin-script letters) of `text`, each distinct character judged once."""
    letters = latin = 0
    for ch, n in Counter(text).items():
        if ch.isalpha():
            letters += n
            if ord(ch) < 0x250 or unicodedata.name(ch, "").startswith("LATIN"):
                latin += n
    return letters, latin


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Language code -> its function words (spaCy's stop words), for `FUNCTION_WORD_LANGUAGES`."""
    # Each list is read from its own file (`spacy/lang/<code>/stop_words.py`, which imports
    # nothing), not imported through its language package: importing a language package loads
    # its tokenizer exceptions too (seconds for French).
    spec = importlib.util.find_spec("spacy")
    found_spacy = spec is not None and spec.submodule_search_locations
    root = Path(next(iter(spec.submodule_search_locations))) / "lang" if found_spacy else None
    out = {}
    for code in FUNCTION_WORD_LANGUAGES if root else ():
        found = importlib.util.spec_from_file_location(f"_fuentes_stop_words_{code}", root / code / "stop_words.py")
        if found is None or found.loader is None:
            continue
        module = importlib.util.module_from_spec(found)
        try:
            found.loader.exec_module(module)
            out[code] = frozenset(module.STOP_WORDS)
        except (OSError, ImportError, SyntaxError, AttributeError):  # no such list here: the others are compared
            continue
    return out


def confirmed(text: str, declared: str) -> tuple[int, int] | None:
    """(function words of `declared`, words) in the text's first `CONFIRM_CHARS` characters when
    they confirm the declared language (see the module doc), else None."""
    lists = function_words()
    own = lists.get(declared)
    if own is None:
        return None
    words = [w.lower() for w in _WORD.findall(text[:CONFIRM_CHARS])]
    if len(words) < CONFIRM_WORDS:
        return None
    hits = sum(1 for w in words if w in own)
    if hits < CONFIRM_SHARE * len(words):
        return None
    for code, other in lists.items():
        if code == declared:
            continue
        mine = theirs = 0
        for w in words:
            if w in own:
                mine += w not in other
            elif w in other:
                theirs += 1
        if mine < CONFIRM_MIN or mine < CONFIRM_RATIO * theirs:
            return None
    return hits, len(words)


def detect(text: str) -> Detection | None:
    """The text's language with its confidence, or None when unsure or too short."""
    sample = text[:SAMPLE_CHARS]
    letters, latin = letter_counts(sample)
    if letters < MIN_LETTERS:
        return None
    short_latin = latin >= letters / 2 and len(sample.split()) < SHORT_WORDS
    if short_latin and len(sample.split()) < 3:
        return None
    if short_latin:
        detector, among = _near_scope(), "languages in scope"
    else:
        detector, among = _all_languages(), "all languages"
        if len(sample) > ALL_SAMPLE_CHARS:
            sample = sample[:ALL_SAMPLE_CHARS].rsplit(None, 1)[0] if latin >= letters / 2 else sample[:ALL_SAMPLE_CHARS]
    values = detector.compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE or values[0].language.iso_code_639_1 is None:
        return None
    return Detection(values[0].language.iso_code_639_1.name.lower(), round(values[0].value, 3), among)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure or too short."""
    found = detect(text)
    return found.language if found else None


def not_analysed_reason(language: str | None) -> str | None:
    """Why an article of `language` is stored but not analysed, or None when it is analysed."""
    if language in ANALYSED or language is None:
        return None
    return f"language {language} is not analysed (supported: {', '.join(ANALYSED)})"


def not_analysed_counts(counts: Mapping[str, int]) -> str:
    """"ms 1, zh 1; supported: en, es": articles per language the analysis does not read, most first."""
    listed = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{listed}; supported: {', '.join(ANALYSED)}"


@stage_from_function("language", requires=("body", "meta"), provides=("language", "meta"), version="4")  # 4: a declared language confirmed by the text's function words is not detected
def language(doc: ArticleDoc) -> ArticleDoc:
    """Declared language (container or page metadata) when its text confirms it or is too short to
    overrule it, else detected from the body."""
    declared = (doc.meta.get("language") or "").split("-")[0].lower() or None
    confirmation = confirmed(doc.body, declared) if declared else None
    if confirmation is not None:
        hits, words = confirmation
        doc.meta["language"] = declared
        doc.meta["meta_evidence"] = {**(doc.meta.get("meta_evidence") or {}), "language":
                                     f"declared {declared} (confirmed: {hits} of the text's first {words} words are "
                                     f"its function words)"}
        doc.set("language", declared, by=language.name + "@" + language.version)
        return doc
    found = detect(doc.body)
    # A declared language is often a site-wide default; trust the text when they disagree, unless
    # the text is a short item (a headline, a snippet), too short to overrule what its source says.
    code = found.language if found and not (declared and found.among == "languages in scope") else declared
    code = code or (found.language if found else None)
    doc.meta["language"] = code
    if found and found.language != code:
        how = f"declared {code} (a short item; its text alone {found.describe()})"
    elif found:
        how = found.describe() + (f"; declared {declared}" if declared and declared != code else "")
    else:
        how = f"declared {declared} (text too short or unclear to detect)" if declared else None
    if how:
        doc.meta["meta_evidence"] = {**(doc.meta.get("meta_evidence") or {}), "language": how}
    doc.set("language", code, by=language.name + "@" + language.version)
    return doc
