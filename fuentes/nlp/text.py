"""The text of a spaCy Doc, joined once.

`Doc.text` joins every token's text at each call (about 0.3 µs a token); the per-article
stages read the body many times (entities, quotes and their speakers, events), so the text is
kept in the Doc's `user_data` the first time it is read. A Doc's text cannot change (merging or
splitting tokens keeps every character), so the kept copy is always the Doc's text.
"""

from __future__ import annotations

from typing import Any

TEXT = "fuentes_text"


def doc_text(sdoc: Any) -> str:
    """`sdoc.text`, computed once per Doc."""
    text = sdoc.user_data.get(TEXT)
    if text is None:
        text = sdoc.user_data[TEXT] = sdoc.text
    return text
