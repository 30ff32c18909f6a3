"""Shared by the entity-stage tests: a model's Doc with the named spans a test sets itself, so
each test reaches the rule it is about whatever the model would have tagged."""

from __future__ import annotations


def tagged(nlp, text: str, spans: list[tuple[str, str]]):
    """The model's Doc of `text` with its named spans replaced by `spans` ((surface, label), the
    surface's first occurrence at or after the previous one)."""
    sdoc = nlp(text)
    ents, at = [], 0
    for surface, label in spans:
        start = text.index(surface, at)
        ents.append(sdoc.char_span(start, start + len(surface), label=label, alignment_mode="strict"))
        at = start + len(surface)
    sdoc.ents = ents
    return sdoc


def mentions_of(nlp, language: str, text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(mention text, its entity's name) of each mention the entity stage finds in `text` with the
    model's spans set to `spans` (`nlp`: the session's pipelines by language)."""
    from fuentes.extract.entities import extract

    mentions, entities = extract(tagged(nlp[language], text, spans), language)
    name = {e.id: e.name for e in entities}
    return [(m.text, name.get(m.entity, "")) for m in mentions]


def evidence_by_name(nlp, language: str, text: str, spans: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each local entity's name -> the texts of its evidence spans, the entity stage run on `text`
    with the model's spans set to `spans`."""
    from fuentes.extract.entities import extract

    _, entities = extract(tagged(nlp[language], text, spans), language)
    return {e.name: [text[ev.start:ev.end] for ev in e.evidence] for e in entities}
