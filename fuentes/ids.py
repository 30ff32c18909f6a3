"""Content-derived identifiers: the same content always gets the same id.

Re-running a job is idempotent, duplicates collapse and parallel workers need no coordination.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


_CURLY = tuple(chr(code) for code in _QUOTES)


def normalize_text(text: str) -> str:
    """Normalise for identity: Unicode NFKC, straight quotes, case-folded, single spaces. (ASCII
    text is its own NFKC form and holds no curly quote: neither step is run on it, nor the
    quotes' table on a text without one of them.)"""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if any(quote in text for quote in _CURLY):
            text = text.translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def content_id(prefix: str, *parts: str | None, length: int = 16) -> str:
    """A short stable id, e.g. ``art_3f2a...``, from the normalised parts."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(normalize_text(part or "").encode("utf-8"))
        digest.update(b"\x1f")
    return f"{prefix}_{digest.hexdigest()[:length]}"


def article_id(outlet: str | None, body: str) -> str:
    """Id of an article: its outlet plus its normalised clean body."""
    return content_id("art", outlet, body)
