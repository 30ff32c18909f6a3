"""The analysis job: per-article extraction over stored articles, then the cross-article stages.

Per article (runner, one or more processes): `ANALYSIS_STAGES`, stored per batch and skipped
next time unless a stage's version changed. Across the corpus: the registered corpus stages of
`fuentes.corpus.stages` (entity resolution, quote matching, provenance, claims, stories and
events, relations), in the order their declarations give, recomputed from the stored layers so
that a re-run gives the same result.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from fuentes.clean.language import not_analysed_reason
from fuentes.codecs import CLAIM, EVENT, LOCAL_ENTITY, QUOTE, RELATION
from fuentes.corpus.stages import incremental_provenance  # noqa: F401  (its home before the corpus stages)
from fuentes.doc import ArticleDoc
from fuentes.model import Rejection
from fuentes.pipeline import Pipeline
from fuentes.runners import run
from fuentes.store import Store
from fuentes.store import analysis as db

ANALYSIS_STAGES = ("nlp", "entities", "quotes", "claims", "events", "relations")
NLP_BATCH = 16  # articles that go through spaCy's nlp.pipe together (per worker)
AUTO_WORKERS_FROM = 40  # articles to analyse from which starting worker processes pays (about 2 s each)
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
    entity_blocks_resolved: int = 0  # components of the entity name graph resolved afresh in this run
    rejections: list[Rejection] = field(default_factory=list)
    not_analysed: Counter = field(default_factory=Counter)  # language -> stored articles the analysis does not read
    corpus_up_to_date: bool = False  # nothing new since the last complete corpus run: it was not redone


def auto_workers(articles: int) -> int:
    """Worker processes for `articles` articles when the user did not say: one per core (at
    most 4) for a real batch, else this process (a worker costs about 2 s to start and to load
    its spaCy pipelines)."""
    return min(os.cpu_count() or 1, 4) if articles >= AUTO_WORKERS_FROM else 1


def analyse(store: Store, *, workers: int = 1, batch_size: int = 50, force: bool = False,
            on_result: Callable[[int, Any], None] | None = None, window_days: int | None = None,
            on_stage: Callable[[Any], None] | None = None) -> AnalysisSummary:
    """Analyse every article not yet analysed by the current stages, then the whole corpus.
    `workers`: processes for the per-article stages (0: `auto_workers`).

    `window_days`: derivation candidates only among articles at most that many days apart
    (`fuentes.corpus.lsh_index.window_day`); None compares every article with every other."""
    summary = analyse_articles(store, workers=workers, batch_size=batch_size, force=force, on_result=on_result)
    analyse_corpus(store, summary, window_days=window_days, on_stage=on_stage)
    return summary


def analyse_articles(store: Store, *, workers: int = 1, batch_size: int = 50, force: bool = False,
                     on_result: Callable[[int, Any], None] | None = None) -> AnalysisSummary:
    """The per-article stages over every article not yet analysed by their current versions, in
    `workers` processes (0: `auto_workers`), spaCy reading NLP_BATCH articles at a time; each
    batch of layers is stored in one transaction, in the articles' order."""
    pipeline = analysis_pipeline()
    extractors = {stage.name: stage.version for stage in pipeline.stages}
    summary = AnalysisSummary()
    todo = db.articles_to_analyse(store, extractors, force=force)
    kept = [row for row in todo if not_analysed_reason(row["language"]) is None]
    summary.not_analysed.update(row["language"] for row in todo if not_analysed_reason(row["language"]))
    todo = kept
    if workers <= 0:
        workers = auto_workers(len(todo))
    batch: list[dict[str, Any]] = []
    for size, result in run(pipeline, todo, layers_row, workers=workers, make_doc=doc_from_article,
                            batch=NLP_BATCH):
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


def analyse_corpus(store: Store, summary: AnalysisSummary | None = None, window_days: int | None = None,
                   on_stage: Callable[[Any], None] | None = None) -> AnalysisSummary:
    """The corpus stages (`fuentes.corpus.stages.CORPUS_STAGES`, in their declared order) over
    everything stored: entities, quote variants, provenance, claims, stories and events, relations.
    `on_stage(StageReport)` after each stage: its name, time and what is left (from the last run)."""
    from fuentes.corpus.stages import (CORPUS_STAGES, LocalContext, StageClock, corpus_key, forget_corpus_done,
                                       last_corpus_run, mark_corpus_done, run_corpus)

    summary = summary or AnalysisSummary()
    key = corpus_key(store, window_days, {stage.name: stage.version for stage in analysis_pipeline().stages})
    last = last_corpus_run(store)
    if not summary.analysed and last.get("key") == key:  # nothing new since the last complete run: its results stand
        for name, value in last["counts"].items():
            setattr(summary, name, value)
        summary.corpus_up_to_date = True
        return summary
    clock = StageClock(CORPUS_STAGES, key["articles"], last.get("per_article", {}), on_stage)
    forget_corpus_done(store)
    run_corpus(LocalContext(store, summary, window_days), on_stage=clock.done)
    mark_corpus_done(store, key, summary, clock.per_article())
    return summary
