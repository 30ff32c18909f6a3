"""Nicknames inside one article: 'Rodrigo "El Halcón" Salas', ', alias <Name>',
'whose real name was <Name>', and 'El X' forms that act as a person."""

from __future__ import annotations

import re
from typing import Any

from fuentes.extract.alias_cands import Cand, overlapping, replace_overlapping
from fuentes.extract.names import QUOTED_NICK, Lexicon, cue_pattern, fold, is_nickname_form
from fuentes.nlp.text import doc_text


def _human_context(span: Any, lex: Lexicon) -> bool:
    """The span acts as a person: subject of a human verb, or attached to a person noun
    ("his rivals El Tigre and El Lobo", "El Halcón was the last kingpin")."""
    tok = span.root
    head = tok
    while head.dep_ in ("conj", "appos", "compound", "flat") and head.head.i != head.i:
        head = head.head
        if head.lemma_.casefold() in lex.person_nouns:
            return True
    if tok.dep_ in ("nsubj", "nsubjpass") or head.dep_ in ("nsubj", "nsubjpass"):
        verb = (head if head.dep_.startswith("nsubj") else tok).head
        if verb.lemma_.casefold() in lex.human_verbs:
            return True
        return any(ch.dep_ in ("attr", "acomp") and ch.lemma_.casefold() in lex.person_nouns
                   for ch in verb.children)
    return False


def link_nicknames(sdoc: Any, cands: list[Cand], lex: Lexicon, edges: list[tuple[Cand, Cand]]) -> None:
    body = doc_text(sdoc)
    for m in QUOTED_NICK.finditer(body):
        nick = m["nick"].strip()
        first = m["first"].split()
        while first and first[0].casefold() in lex.titles:
            first.pop(0)
        if not first or not nick[:1].isupper() or len(nick.split()) > 4:
            continue
        start = m.start("first") + m["first"].find(first[0])
        full = replace_overlapping(cands, Cand(start, m.end("last"), body[start:m.end("last")], "PERSON",
                                    name=" ".join(first + [m["last"]])))
        full.extra_aliases.append(full.name)
        ns = m.start("nick") + m["nick"].find(nick)
        edges.append((full, replace_overlapping(cands, Cand(ns, ns + len(nick), nick, "PERSON", nick=True), keep=full)))
    cue = cue_pattern(lex.nickname_cues)
    for c in list(cands):
        m = cue.match(body, c.end, min(len(body), c.end + 120)) if c in cands else None
        if m and (c.label == "PERSON" or is_nickname_form(m["name"], lex)):
            c.label = "PERSON"
            nick = Cand(m.start("name"), m.end("name"), m["name"], "PERSON", nick=True)
            edges.append((c, replace_overlapping(cands, nick)))
    _real_names(body, cands, lex, edges)


def _real_names(body: str, cands: list[Cand], lex: Lexicon, edges: list[tuple[Cand, Cand]]) -> None:
    """'<nickname>, whose real name was <Name>': the name is the nickname's person."""
    alts = "|".join(re.escape(c) for c in lex.real_name_cues)
    for hit in re.finditer(r"(?:" + alts + r")\s+(?:(?:is|was|es|era)\s+)?", body):
        m = re.match(
            r"[A-ZÁÉÍÓÚÑ][\w'\u2019-]+(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w'\u2019-]+){1,4}", body[hit.end():])
        if not m:
            continue
        s, e = hit.end() + m.start(), hit.end() + m.end()
        before = [c for c in cands if c.end <= hit.start() and hit.start() - c.end < 400]
        anchor = next((c for c in reversed(before) if body[c.end:hit.start()].strip(" ,") == ""), None)
        anchor = anchor or next((c for c in reversed(before) if c.nick), None)
        name = replace_overlapping(cands, Cand(s, e, body[s:e], "PERSON"))
        if anchor is not None:
            anchor.label = "PERSON"
            edges.append((anchor, name))


_EL_FORM = re.compile(r"\b(?:El|La|Los|Las)\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b")


def link_el_forms(sdoc: Any, cands: list[Cand], lex: Lexicon) -> None:
    """'El X' forms: person nicknames when already a nickname here or when they act as a person.

    English texts: untagged 'El X' spans are considered too (in Spanish texts 'El' is the
    ordinary article at a sentence start, so only the model's spans are)."""
    known = {fold(c.text) for c in cands if c.nick}
    spans = [c for c in cands if not c.nick and is_nickname_form(c.text, lex)]
    if lex.language == "en":
        for m in _EL_FORM.finditer(doc_text(sdoc)):
            if not overlapping(cands, m.start(), m.end()):
                new = Cand(m.start(), m.end(), m.group(), "", "")
                cands.append(new)
                spans.append(new)
    for c in spans:
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if fold(c.text) in known or (span is not None and _human_context(span, lex)):
            c.label, c.nick = "PERSON", True
        elif not c.label:
            cands.remove(c)
