"""The text of a spaCy Doc, joined once.

`Doc.text` joins every token's text at each call (about 0.3 µs a token); the per-article
stages read the body many times (entities, quotes and their speakers, events), so the text is
kept in the Doc's `user_data` the first time it is read. A Doc's text cannot change (merging or
splitting tokens keeps every character), so the kept copy is always the Doc's text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

TEXT = "fuentes_text"


def doc_text(sdoc: Any) -> str:
    """`sdoc.text`, computed once per Doc."""
    text = sdoc.user_data.get(TEXT)
    if text is None:
        text = sdoc.user_data[TEXT] = sdoc.text
    return text


_SENTENCES: dict[int, tuple[Any, int, list[int], list[Any]]] = {}  # id(Doc) -> (Doc, length, starts, spans)
_KEEP = 8  # the sentences of the last few Docs (an entry holds its Doc, so its id is never reused meanwhile)


def sentence_of(tok: Any) -> Any:
    """`tok.sent`, without spaCy's walk to the sentence's two ends and a new span at each call:
    the sentences of the last few Docs are listed once (`Doc.sents`, the same boundaries) and
    the token's found by bisection; equal spans. A Doc with sentence hooks, or without sentence
    boundaries, is asked as before."""
    doc = tok.doc
    entry = _SENTENCES.get(id(doc))
    if entry is None or entry[0] is not doc or entry[1] != len(doc):
        if "sents" in doc.user_hooks or "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks \
                or not doc.has_annotation("SENT_START"):
            return tok.sent
        spans = list(doc.sents)
        entry = (doc, len(doc), [s.start for s in spans], spans)
        _SENTENCES.pop(id(doc), None)
        while len(_SENTENCES) >= _KEEP:
            del _SENTENCES[next(iter(_SENTENCES))]
        _SENTENCES[id(doc)] = entry
    return entry[3][bisect_right(entry[2], tok.i) - 1]
