"""The text of a spaCy Doc, joined once.

`Doc.text` joins every token's text at each call (about 0.3 µs a token); the per-article
stages read the body many times (entities, quotes and their speakers, events), so the text is
kept in the Doc's `user_data` the first time it is read. A Doc's text cannot change (merging or
splitting tokens keeps every character), so the kept copy is always the Doc's text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.attrs import MORPH

TEXT = "fuentes_text"


def doc_text(sdoc: Any) -> str:
    """`sdoc.text`, computed once per Doc."""
    text = sdoc.user_data.get(TEXT)
    if text is None:
        text = sdoc.user_data[TEXT] = sdoc.text
    return text


_DOCS: dict[int, tuple[Any, int, dict[str, Any]]] = {}  # id(Doc) -> (Doc, its length, what was read from it)
_KEEP = 8  # what was read from the last few Docs (an entry holds its Doc, so its id is never reused meanwhile)


def _read(doc: Any) -> dict[str, Any]:
    """What was read once from `doc` (its sentences, its analyses' hashes), kept for the last few
    Docs; read again when the Doc's tokens changed (merged or split)."""
    entry = _DOCS.get(id(doc))
    if entry is None or entry[0] is not doc or entry[1] != len(doc):
        entry = (doc, len(doc), {})
        _DOCS.pop(id(doc), None)
        while len(_DOCS) >= _KEEP:
            del _DOCS[next(iter(_DOCS))]
        _DOCS[id(doc)] = entry
    return entry[2]


def doc_cache(doc: Any) -> dict[Any, Any]:
    """A dict kept with `doc` (for the last few Docs, emptied when its tokens change) where a stage
    keeps what it reads once per Doc; keys name their reader (a string, or a tuple opening with one)."""
    return _read(doc)


def _listed_sentences(doc: Any) -> tuple[list[int], list[Any]] | None:
    """(starts, spans) of `doc.sents`, listed once per Doc; None for a Doc with sentence hooks
    or without sentence boundaries (asked as before by the callers)."""
    read = _read(doc)
    found = read.get("sents")
    if found is None:
        if "sents" in doc.user_hooks or "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks \
                or not doc.has_annotation("SENT_START"):
            return None
        spans = list(doc.sents)
        found = read["sents"] = ([s.start for s in spans], spans)
    return found


def sentence_of(tok: Any) -> Any:
    """`tok.sent`, without spaCy's walk to the sentence's two ends and a new span at each call:
    the sentences of the last few Docs are listed once (`Doc.sents`, the same boundaries) and
    the token's found by bisection; equal spans. A Doc with sentence hooks, or without sentence
    boundaries, is asked as before."""
    found = _listed_sentences(tok.doc)
    if found is None:
        return tok.sent
    return found[1][bisect_right(found[0], tok.i) - 1]


def entity_spans(doc: Any) -> tuple[Any, ...]:
    """`tuple(doc.ents)`, made once per Doc (spaCy builds a Span of every entity at each read of
    `Doc.ents`); the per-article stages never set a Doc's entities after the `nlp` stage."""
    read = _read(doc)
    found = read.get("ents")
    if found is None:
        found = read["ents"] = tuple(doc.ents)
    return found


def sentences(doc: Any) -> list[Any]:
    """`list(doc.sents)`, listed once per Doc (the list is shared: callers only read it)."""
    found = _listed_sentences(doc)
    return list(doc.sents) if found is None else found[1]


def sentence_index(tok: Any) -> int:
    """The position of `tok`'s sentence in `sentences(tok.doc)`."""
    found = _listed_sentences(tok.doc)
    if found is None:
        return next(n for n, s in enumerate(tok.doc.sents) if s.start <= tok.i < s.end)
    return bisect_right(found[0], tok.i) - 1


_MORPH: dict[tuple[int, str], tuple[str, ...]] = {}  # (morphology's hash, field) -> its values


def morph_values(tok: Any, field: str) -> list[str]:
    """`tok.morph.get(field)` (the values of one feature: ["Part"], [] when absent), read once
    per distinct analysis and feature (spaCy parses the analysis again at each call), the
    analysis's hash read from the Doc's array."""
    read = _read(tok.doc)
    keys = read.get("morph")
    if keys is None:
        keys = read["morph"] = tok.doc.to_array([MORPH]).ravel().tolist()
    key = (keys[tok.i], field)
    found = _MORPH.get(key)
    if found is None:
        if len(_MORPH) > 200_000:  # a bound, never reached by the analyses of one language
            _MORPH.clear()
        found = _MORPH[key] = tuple(tok.morph.get(field))
    return list(found)


_TESTED: dict[tuple[str, int], tuple[Any, dict[int, bool]]] = {}  # (test, id of its data) -> (data, hash -> answer)


def strings_where(hashes: list[int], strings: Any, name: str, data: Any, test: Any) -> list[int]:
    """The `hashes` (of a Doc's array: LOWER, LEMMA...) whose string passes `test`, in order. A
    hash always stands for one string, so each is tested once per test `name` and the `data` it
    reads (kept with its answers, so its id stays its own): a word is not read back from the
    string store in every article."""
    entry = _TESTED.get((name, id(data)))
    if entry is None or entry[0] is not data:
        entry = _TESTED[(name, id(data))] = (data, {})
    known = entry[1]
    if len(known) > 500_000:  # a bound, beyond any language's vocabulary in use
        known.clear()
    out = []
    for h in hashes:
        hit = known.get(h)
        if hit is None:
            hit = known[h] = bool(test(strings[h]))
        if hit:
            out.append(h)
    return out
