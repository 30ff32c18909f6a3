"""How a text names a corpus entity: by its id, or by its name or an alias compared as entity
resolution compares names (case, accents and punctuation aside: "pena nieto" names "Peña Nieto").

Used by the timeline (`--entity`, `?entity=`) and by the analysts' decisions, so a name that
finds an entity in one place finds it everywhere.
"""

from __future__ import annotations

from typing import Any, Iterable

from fuentes.extract.names import name_tokens
from fuentes.views.fields import as_list, field


def name_key(text: str) -> str:
    """The form names are compared in: folded words, punctuation aside."""
    return " ".join(name_tokens(text or ""))


def named_by(text: str, entities: Iterable[Any], *, names_first: bool = False) -> list[Any]:
    """The entities (records or rows with id, name, aliases) that `text` names: the one with that
    id, else those whose name or an alias has the text's name key. With `names_first`, entities
    carrying it as their name win over those carrying it only as an alias (what a merge wants)."""
    items = list(entities)
    exact = [e for e in items if field(e, "id") == text]
    if exact:
        return exact
    key = name_key(text)
    if not key:
        return []
    named = [name_key(field(e, "name", "")) == key for e in items]
    if names_first and any(named):
        return [e for e, hit in zip(items, named) if hit]
    return [e for e, hit in zip(items, named)
            if hit or key in {name_key(a) for a in as_list(field(e, "aliases"))}]
