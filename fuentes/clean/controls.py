"""Characters no article holds: C0 control characters and lone surrogates.

PostgreSQL refuses NUL in text (SQLite stores it silently), and no store accepts a lone
surrogate (JSON lets a line carry one as "\\ud800"). Every input kind passes through the
`html_extract` stage, which cleans the text and every metadata field with `strip_controls`,
so what reaches the store is the same on both back ends.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls other than tab, newline and carriage return; vertical tab and form feed are
# line breaks in plain text and become newlines.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]+")
_BREAKS = re.compile("[\x0b\x0c]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """`text` without C0 control characters (tab, newline and carriage return stay)."""
    if text.isprintable():  # the usual case: nothing to do, and cheap to find out
        return text
    text = _CONTROLS.sub("", text)
    text = _BREAKS.sub("\n", text)
    return _SURROGATES.sub("\ufffd", text)


def clean_value(value: Any) -> Any:
    """A metadata value (str, or a list/dict of them) with control characters stripped."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [clean_value(item) for item in value]
    if isinstance(value, dict):
        return {key: clean_value(item) for key, item in value.items()}
    return value


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Every value of a metadata dict cleaned; a value left empty by it becomes None."""
    cleaned = {}
    for key, value in fields.items():
        value = clean_value(value)
        cleaned[key] = None if isinstance(value, str) and not value.strip() else value
    return cleaned
