"""Text decoded with the wrong character set ("mojibake"): "AmÃ©rica", "itâ€™s".

A page saved as UTF-8 and read as Windows-1252 (or the other way round, or twice) turns every
accented letter into two or three signs; the names in it then match nothing ("MÃ©xico" is not
"México"). `repair_encoding` undoes that with ftfy's `fix_encoding`, only where the text holds
the signs such a decoding leaves and ftfy judges them wrong, so correct text is never touched
and the common case costs three substring tests.
"""

from __future__ import annotations

from typing import Any

# every UTF-8 sequence of a Latin letter, a dash or a curly quote read as Windows-1252 or
# Latin-1 opens with one of these
_LEADS = ("Ã", "Â", "â€")


def repair_encoding(text: str) -> str:
    """`text` with mis-decoded sequences put back ("AmÃ©rica" -> "América"); else unchanged."""
    if not text or not any(lead in text for lead in _LEADS):
        return text
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    return fix_encoding(text) if is_bad(text) else text


def repair_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Metadata fields with their string values repaired (titles, bylines, outlets)."""
    return {key: repair_encoding(value) if isinstance(value, str) else value for key, value in fields.items()}
