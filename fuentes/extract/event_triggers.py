"""Event triggers of one language (`data/events_<lang>.yaml`) and where they occur in a parse:
verbs and nouns, multiword phrases ("took out", "assassination attempt"), verbs that need one
of their listed objects, and hypothetical or denied mentions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[tuple[tuple[str, ...], str, str], ...]  # (words, type, "verb"/"noun"), longest first
    data: dict[str, Any]

    def words(self, key: str) -> set[str]:
        return {str(w).lower() for w in self.data.get(key) or []}


@lru_cache(maxsize=None)
def lexicon(language: str | None) -> Lexicon:
    lang = language if language in ("en", "es") else "en"
    data = yaml.safe_load((DATA / f"events_{lang}.yaml").read_text(encoding="utf-8"))
    phrases = []
    for etype, forms in data["triggers"].items():
        for pos in ("verbs", "nouns"):
            for form in forms.get(pos) or []:
                words = tuple(w[:-2] if pos == "verbs" and w.endswith("rse") else w for w in str(form).lower().split())
                phrases.append((words, etype, pos[:-1]))
    phrases.sort(key=lambda p: -len(p[0]))
    return Lexicon(tuple(phrases), data)


@lru_cache(maxsize=None)
def event_types() -> dict[str, dict[str, Any]]:
    """Event type -> {"acled": [event type, sub-event type] or None, "cameo": code or None}."""
    return yaml.safe_load((DATA / "event_types.yaml").read_text(encoding="utf-8"))


def _forms(tok: Any) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def find_triggers(sdoc: Any, lex: Lexicon) -> list[tuple[Any, int, int, str, str]]:
    """(head token, start, end, type, pos) for every trigger; longer phrases win."""
    used: set[int] = set()
    found = []
    for i, tok in enumerate(sdoc):
        if i in used:
            continue
        for words, etype, pos in lex.phrases:
            if words[0] not in _forms(tok) or not _pos_ok(tok, pos):
                continue
            end = _match_rest(sdoc, i, words[1:], pos)
            if end is None:
                continue
            if pos == "verb" and not _object_ok(tok, lex):
                continue
            span = list(range(i, end + 1))
            if any(j in used for j in span):
                continue
            used.update(span)
            head = min((sdoc[j] for j in span), key=lambda t: (t.head.i in span and t.head.i != t.i, t.i))
            if pos == "noun" and len(words) > 1:
                head = next((sdoc[j] for j in span if sdoc[j].head.i not in span or sdoc[j].head.i == j), head)
            found.append((head, sdoc[i].idx, sdoc[end].idx + len(sdoc[end].text), etype, pos))
            break
    return found


def _pos_ok(tok: Any, pos: str) -> bool:
    if pos == "verb":
        return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_ == "VBG")
    return tok.pos_ in ("NOUN", "PROPN")


def _match_rest(sdoc: Any, i: int, rest: tuple[str, ...], pos: str) -> int | None:
    """Index of the last token when the other words follow (verbs: within 3 tokens, so an
    object may stand between "take" and "out")."""
    j = i
    for word in rest:
        window = range(j + 1, min(len(sdoc), j + (4 if pos == "verb" else 2)))
        hit = next((k for k in window if word in _forms(sdoc[k])), None)
        if hit is None:
            return None
        j = hit
    return j


def _object_ok(tok: Any, lex: Lexicon) -> bool:
    """Verbs too common alone ("block", "post") need one of their listed objects."""
    table = lex.data.get("object_nouns") or {}
    lemma = tok.lemma_.lower()
    if lemma not in table:
        return True
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    wanted = {str(w).lower().split()[-1] for w in table[lemma] or []}
    return bool(objs) and (not wanted or any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objs))


def irrealis(tok: Any, lex: Lexicon) -> bool:
    """Hypothetical, planned, threatened or denied: "may kill", "did not attack", "plans to raid"."""
    words = lex.words("irrealis")
    if any(c.dep_ in ("aux", "neg", "advmod", "mark") and _forms(c) & words for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("xcomp", "ccomp") and bool(_forms(head) & words)
