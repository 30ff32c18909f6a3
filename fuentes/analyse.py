"""The analysis job: per-article extraction over stored articles, then the cross-article stages.

Per article (runner, one or more processes): nlp -> entities -> quotes, stored per batch and
skipped next time unless a stage's version changed. Across the corpus: entity resolution,
quote matching (same statement, reworded variants) and provenance (derivations, kinds,
origins), recomputed from the stored layers so that a re-run gives the same result.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from fuentes.doc import ArticleDoc
from fuentes.model import Rejection
from fuentes.pipeline import Pipeline
from fuentes.runners import run
from fuentes.store import Store
from fuentes.store import analysis as db
from fuentes.store.articles import iter_articles

ANALYSIS_STAGES = ("nlp", "entities", "quotes", "claims", "events", "relations")
# Per-article layers kept as JSON (article_layers table) for the corpus stages to read back.
JSON_LAYERS = ("claims", "events", "relations")
STORED_LAYERS = ("body", "language", "meta", "id")


def analysis_pipeline() -> Pipeline:
    import fuentes.extract.claims  # noqa: F401  (registers stages)
    import fuentes.extract.entities  # noqa: F401
    import fuentes.extract.events  # noqa: F401
    import fuentes.extract.relations  # noqa: F401
    import fuentes.extract.quotes  # noqa: F401
    import fuentes.nlp.stage  # noqa: F401

    return Pipeline.from_names(ANALYSIS_STAGES, initial=STORED_LAYERS)


def doc_from_article(item: dict[str, Any]) -> ArticleDoc:
    """A stored article back into an ArticleDoc with the layers the ingest produced."""
    return ArticleDoc(source=item["source"], format="text", layers={
        "body": item["text"], "language": item["language"], "id": item["id"],
        "meta": {"outlet": item["outlet"], "published": item.get("published")}})


def layers_row(doc: ArticleDoc) -> dict[str, Any]:
    """The storable per-article layers (plain data; the spaCy Doc stays in the worker)."""
    return {
        "id": doc.get("id"),
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "label": m.label,
                      "local_entity": m.entity} for m in doc.get("mentions", [])],
        "entities": [{"key": e.id, "name": e.name, "kind": e.kind, "aliases": e.aliases, "roles": e.roles,
                      "evidence": [[ev.start, ev.end] for ev in e.evidence]} for e in doc.get("entities", [])],
        "quotes": [{"id": q.id, "text": q.text, "start": q.start, "end": q.end, "direct": q.direct,
                    "speaker_name": q.speaker_name, "speaker_local": q.speaker, "cue": q.cue}
                   for q in doc.get("quotes", [])],
        "layers": {name: [asdict(item) for item in doc.get(name, [])] for name in JSON_LAYERS if doc.has(name)},
    }


@dataclass
class AnalysisSummary:
    analysed: int = 0
    failed: int = 0
    entities: int = 0
    quotes: int = 0
    derivations: int = 0
    claims: int = 0
    discrepancies: int = 0
    stories: int = 0
    events: int = 0
    relations: int = 0
    pairs_examined: int = 0  # article pairs the provenance stage compared in this run
    rejections: list[Rejection] = field(default_factory=list)


def analyse(store: Store, *, workers: int = 1, batch_size: int = 50, force: bool = False,
            on_result: Callable[[int, Any], None] | None = None, window_days: int | None = None) -> AnalysisSummary:
    """Analyse every article not yet analysed by the current stages, then the whole corpus.

    `window_days`: derivation candidates only among articles at most that many days apart
    (`fuentes.corpus.lsh_index.window_day`); None compares every article with every other."""
    summary = analyse_articles(store, workers=workers, batch_size=batch_size, force=force, on_result=on_result)
    analyse_corpus(store, summary, window_days=window_days)
    return summary


def analyse_articles(store: Store, *, workers: int = 1, batch_size: int = 50, force: bool = False,
                     on_result: Callable[[int, Any], None] | None = None) -> AnalysisSummary:
    """The per-article stages over every article not yet analysed by their current versions;
    each batch of layers is stored in one transaction."""
    pipeline = analysis_pipeline()
    extractors = {stage.name: stage.version for stage in pipeline.stages}
    summary = AnalysisSummary()
    todo = db.articles_to_analyse(store, extractors, force=force)
    batch: list[dict[str, Any]] = []
    for size, result in run(pipeline, todo, layers_row, workers=workers, make_doc=doc_from_article):
        if isinstance(result, Rejection):
            summary.failed += 1
            summary.rejections.append(result)
        else:
            batch.append(result)
            summary.analysed += 1
        if on_result:
            on_result(size, result)
        if len(batch) >= batch_size:
            db.save_article_layers(store, batch, extractors)
            batch.clear()
    db.save_article_layers(store, batch, extractors)
    return summary


def _code_version(*modules: str) -> str:
    """A fingerprint of the code and data a saved state depends on: any change rebuilds it."""
    import hashlib
    from importlib import resources

    digest = hashlib.sha256()
    package = resources.files("fuentes.corpus")
    for name in modules:
        digest.update(package.joinpath(name).read_bytes())
    for data in sorted(package.joinpath("data").iterdir(), key=lambda p: p.name):
        digest.update(data.read_bytes())
    return digest.hexdigest()[:16]


def incremental_provenance(store: Store, summary: AnalysisSummary, articles: list,
                           window_days: int | None = None):
    """Provenance of the stored `articles` with the saved index: only articles not yet indexed are
    compared (with the articles they touch). The index is rebuilt when its version changed, the
    publication window changed (pairs left out by the old window were never compared) or
    articles were removed."""
    from fuentes.corpus.origins import ProvenanceIndex
    from fuentes.store.state import load_state, save_state

    name = "provenance"
    version = _code_version("derivation.py", "credits.py", "origins.py", "lsh_index.py")
    if window_days is not None:  # part of the version: a state built with another window is rebuilt
        version += f"-window{window_days}"
    ids = {article.id for article in articles}
    index = load_state(store, name, version)
    if index is None or not set(index.infos) <= ids:
        index = ProvenanceIndex(window_days=window_days)
    new = [article for article in articles if article.id not in index.infos]
    if new:
        summary.pairs_examined = index.add(new).pairs_examined
        save_state(store, name, version, index, len(index.infos))
    return index.result()


def analyse_corpus(store: Store, summary: AnalysisSummary | None = None,
                   window_days: int | None = None) -> AnalysisSummary:
    """Cross-article stages over everything stored: entities, quote variants, provenance."""
    from fuentes.corpus.entity_decisions import apply_decisions  # analysts' merges and splits
    from fuentes.corpus.entity_resolution import resolve_with_merges
    from fuentes.corpus.events import merge_events
    from fuentes.corpus.grading import assess
    from fuentes.corpus.quote_matching import match_quotes
    from fuentes.corpus.relations import entity_index, merge_relations
    from fuentes.corpus.stories import cluster_stories

    summary = summary or AnalysisSummary()

    local_entities = db.load_local_entities(store)
    resolved, merges = apply_decisions(store, local_entities, *resolve_with_merges(local_entities))
    reasons: dict[str, list[str]] = {}
    for merge in merges:
        reasons.setdefault(merge.entity, []).append(f"{merge.source}: {merge.reason}")
    db.save_corpus_entities(store, resolved, reasons)
    summary.entities = len(resolved)

    quotes = db.load_quotes(store)
    variants = {quote: original for group in match_quotes(quotes) for quote, original in group.variants.items()}
    db.save_quote_variants(store, variants)
    summary.quotes = sum(len(items) for items in quotes.values())

    articles = list(iter_articles(store))
    provenance = incremental_provenance(store, summary, articles, window_days)
    kinds = {article_id: (provenance.kinds[article_id], provenance.origins.get(article_id))
             for article_id in provenance.kinds}
    db.save_derivations(store, provenance.derivations, kinds)
    summary.derivations = len(provenance.derivations)
    for article in articles:  # the stored kind and origin, without reading every article again
        article.kind, article.origin = kinds.get(article.id, (article.kind, article.origin))

    entity_of = entity_index(resolved)
    names = {entity.id: entity.name for entity in resolved}
    claims, discrepancies = assess(db.load_claims(store), provenance.origins, entity_of, names)
    db.save_claims(store, claims, discrepancies)
    summary.claims, summary.discrepancies = len(claims), len(discrepancies)

    entity_ids: dict[str, set[str]] = {}
    for (article_id, _key), entity_id in entity_of.items():
        entity_ids.setdefault(article_id, set()).add(names[entity_id])
    stories = cluster_stories(articles, names=entity_ids)
    story_of = {article_id: story.id for story in stories for article_id in story.articles}
    events = merge_events(db.load_events(store), articles, resolved, provenance.origins, story_of)
    db.save_stories_and_events(store, stories, events, story_of)
    summary.stories, summary.events = len(stories), len(events)

    relations = merge_relations(db.load_relations(store), entity_of, provenance.origins)
    db.save_relations(store, relations)
    summary.relations = len(relations)
    return summary
