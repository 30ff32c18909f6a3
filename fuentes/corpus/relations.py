"""Relations across articles: one record per (subject, predicate, object) of corpus entities.

Each article's relations (from the `relations` stage) name local entity keys; `entity_of`
maps (article id, local key) to the corpus entity that key was resolved into. Ends that are
not entity keys (an event phrase, a position) stay as written. Merging keeps every article
and every piece of evidence, and counts *independent* sources: the number of distinct origin
outlets behind the reporting articles (an article whose origin is unknown counts as its own
source). A merged relation is an allegation only when every report of it is hedged: one
plain statement of the fact is enough to report it as such. Symmetric relations (rival_of,
allied_with, associate_of, family_of) are one record per pair, whatever the order written.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from fuentes.extract.relations import load_cues
from fuentes.ids import content_id
from fuentes.model import Entity, Relation


def entity_index(entities: Iterable[Entity]) -> dict[tuple[str, str], str]:
    """(article id, local key) -> corpus entity id, from resolved entities' `merged_from`
    ("article#key" references, as `resolve_with_merges` records them)."""
    index: dict[tuple[str, str], str] = {}
    for ent in entities:
        for ref in ent.merged_from:
            article, _, key = ref.rpartition("#")
            if article:
                index[(article, key)] = ent.id
    return index


def merge_relations(relations_by_article: Mapping[str, Iterable[Relation]],
                    entity_of: Mapping[tuple[str, str], str],
                    origins: Mapping[str, str | None],
                    symmetric: Iterable[str] | None = None) -> list[Relation]:
    """Corpus relations with entity ids, articles, evidence, independent-source counts."""
    sym = frozenset(symmetric) if symmetric is not None else load_cues("en").symmetric
    merged: dict[tuple[str, str, str], Relation] = {}
    sources: dict[tuple[str, str, str], set[str]] = {}
    for article in sorted(relations_by_article):
        for rel in relations_by_article[article]:
            subj = entity_of.get((article, rel.subject), rel.subject)
            obj = entity_of.get((article, rel.object), rel.object)
            if subj == obj:  # two names of one entity, joined by resolution
                continue
            if rel.predicate in sym and obj < subj:
                subj, obj = obj, subj
            key = (subj, rel.predicate, obj)
            if key not in merged:
                merged[key] = Relation(id=content_id("rel", subj, rel.predicate, obj), subject=subj,
                                       predicate=rel.predicate, object=obj, allegation=True)
                sources[key] = set()
            _absorb(merged[key], rel, article)
            sources[key].add(origins.get(article) or f"article:{article}")
    for key, rel in merged.items():
        rel.independent_sources = len(sources[key])
    return sorted(merged.values(), key=lambda r: (-r.independent_sources, r.subject, r.predicate, r.object))


def _absorb(into: Relation, rel: Relation, article: str) -> None:
    for art in rel.articles or [article]:
        if art not in into.articles:
            into.articles.append(art)
    into.evidence.extend(ev for ev in rel.evidence if ev not in into.evidence)
    into.allegation = into.allegation and rel.allegation
    if rel.start and (into.start is None or rel.start < into.start):
        into.start = rel.start
    if rel.end and (into.end is None or rel.end > into.end):
        into.end = rel.end
