"""The mentions being linked inside one article (`Cand`) and what the linking steps share:
overlap tests, span replacement, the label of a linked group."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fuentes.extract.names import POSSESSIVE, looks_like_acronym, name_tokens, visible


PLACE = {"GPE", "LOC", "FAC"}


@dataclass(eq=False)
class Cand:
    """A mention being linked: char span, label, and what the rules learnt about it."""

    start: int
    end: int
    text: str
    label: str
    model_label: str = ""
    name: str | None = None  # the name form when the surface differs ('Rodrigo "El Halcón" ...')
    nick: bool = False
    acronym: bool = False
    nominal: bool = False  # "the President": refers to a person, never names one
    person: int | None = None  # person cluster id once linked to a full name
    shared: bool = False  # a surname several people carry: linked to the one the article is about, not by surface
    roles: list[str] | None = None
    extra_aliases: list[str] | None = None
    # evidence spans beyond the mention itself: the title before a name ("Apple CEO"), an apposition
    spans: list[tuple[int, int]] | None = None
    # spans that refer back to it without naming it ("the company", "he"): evidence as `entity_references`
    references: list[tuple[int, int]] | None = None

    def __post_init__(self) -> None:
        self.roles = self.roles or []
        self.extra_aliases = self.extra_aliases or []
        self.spans = self.spans or []
        self.references = self.references or []
        self.acronym = self.acronym or looks_like_acronym(self.text)

    @property
    def tokens(self) -> tuple[str, ...]:
        return name_tokens(self.name or self.text)


_EDGE_MARKS = "\"'\u201c\u201d\u00ab\u00bb\u2018\u2019,;:"


def clean_surface(text: str) -> str:
    """A mention's text as a name: no quotation marks around it, nor a clause's comma, semicolon
    or colon the span took in with a closing quote ("Cruz,''" is "Cruz"), nor a possessive, nor a
    bracket it does not close or open ("Morena)", "(Morena"), nor a stop glued before a word (".Local")."""
    text = visible(text).strip()
    while True:
        trimmed = _unbalanced(text.strip(_EDGE_MARKS).strip())
        if trimmed == text:
            break
        text = trimmed
    return POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s")) else text


_BRACKETS = ("()", "[]", "{}")
_GLUED_STOP = re.compile(r"\.+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñü])")


def _unbalanced(text: str) -> str:
    """`text` without a closing bracket at its end it never opened, an opening one at its start it
    never closes, or stops glued before its first word."""
    for left, right in _BRACKETS:
        if text.endswith(right) and text.count(left) < text.count(right):
            text = text[:-1].rstrip()
        if text.startswith(left) and text.count(right) < text.count(left):
            text = text[1:].lstrip()
    glued = _GLUED_STOP.match(text)
    return text[glued.end():] if glued else text


def group_label(cands: list[Cand], members: list[int]) -> str:
    """Label of a local entity: PERSON when linked as a person (full name, surname, nickname),
    else the majority vote of its mentions (places count as one class). A tie goes against
    PERSON: a name never given in full in the article is weak evidence of a person (measured
    on CoNLL-2003 dev: +0.6 PER F1 over preferring PERSON)."""
    if any(cands[i].person is not None or cands[i].nick for i in members):
        return "PERSON"
    # an acronym read as a place beside its long form ("Tribunal Superior de Justicia de Extremadura
    # (TSJEX)"): the model guessed from the letters alone; the long form's words decide
    named = [i for i in members if not (cands[i].acronym and cands[i].label in PLACE)]
    votes: dict[str, float] = {}
    for i in named or members:
        lab = cands[i].label
        cls = "PLACE" if lab in PLACE else lab
        votes[cls] = votes.get(cls, 0) + (1.0 if lab == "PERSON" else 1.01)
    best = max(votes, key=lambda k: votes[k])
    if best != "PLACE":
        return best
    places = [cands[i].label for i in named or members if cands[i].label in PLACE]
    return max(sorted(set(places)), key=places.count)  # a tie goes the same way under any hash seed


def overlapping(cands: list[Cand], start: int, end: int) -> list[Cand]:
    return [c for c in cands if c.start < end and start < c.end]


def replace_overlapping(cands: list[Cand], new: Cand, keep: Cand | None = None) -> Cand:
    """Insert `new`, dropping the spans it overlaps (the model's split or mislabelled pieces)."""
    for old in overlapping(cands, new.start, new.end):
        if old is not keep:
            cands.remove(old)
    cands.append(new)
    return new
