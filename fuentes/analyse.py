"""The analysis job: per-article extraction over stored articles, then the cross-article stages.

Per article (runner, one or more processes): `ANALYSIS_STAGES`, stored per batch and skipped
next time unless a stage's version changed. Across the corpus: the registered corpus stages of
`fuentes.corpus.stages` (entity resolution, quote matching, provenance, claims, stories and
events, relations), in the order their declarations give, recomputed from the stored layers so
that a re-run gives the same result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from fuentes.codecs import CLAIM, EVENT, LOCAL_ENTITY, QUOTE, RELATION
from fuentes.corpus.stages import incremental_provenance  # noqa: F401  (its home before the corpus stages)
from fuentes.doc import ArticleDoc
from fuentes.model import Rejection
from fuentes.pipeline import Pipeline
from fuentes.runners import run
from fuentes.store import Store
from fuentes.store import analysis as db

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
    """The storable per-article layers (plain data; the spaCy Doc stays in the worker), each
    record through its codec."""
    article = doc.get("id")
    layer_codecs = {"claims": CLAIM, "events": EVENT, "relations": RELATION}

    def without_article(row: dict[str, Any]) -> dict[str, Any]:
        row.pop("article_id", None)
        return row

    return {
        "id": article,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "label": m.label,
                      "local_entity": m.entity} for m in doc.get("mentions", [])],
        "entities": [without_article(LOCAL_ENTITY.to_row(e, article)) for e in doc.get("entities", [])],
        "quotes": [without_article(QUOTE.to_row(q)) for q in doc.get("quotes", [])],
        "layers": {name: [layer_codecs[name].to_layer(item) for item in doc.get(name, [])]
                   for name in JSON_LAYERS if doc.has(name)},
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


def analyse_corpus(store: Store, summary: AnalysisSummary | None = None,
                   window_days: int | None = None) -> AnalysisSummary:
    """The corpus stages (`fuentes.corpus.stages.CORPUS_STAGES`, in their declared order) over
    everything stored: entities, quote variants, provenance, claims, stories and events, relations."""
    from fuentes.corpus.stages import LocalContext, run_corpus

    summary = summary or AnalysisSummary()
    run_corpus(LocalContext(store, summary, window_days))
    return summary
