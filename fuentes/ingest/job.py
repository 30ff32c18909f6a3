"""The ingest job: inputs -> per-article pipeline (runner) -> store, in batches.

Each batch is written in one transaction, so a crash loses at most the batch in flight and a
re-run completes the job: content ids make already-stored articles count as duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from fuentes.codecs import ARTICLE
from fuentes.doc import ArticleDoc
from fuentes.model import Article, Rejection
from fuentes.pipeline import Pipeline
from fuentes.runners import run
from fuentes.store import Store
from fuentes.store.articles import save_batch

# The per-article stages of an ingest, in order. Importing a stage module registers it.
INGEST_STAGES = ("html_extract", "clean_text", "language", "identify")


def ingest_pipeline(names: Iterable[str] = INGEST_STAGES) -> Pipeline:
    import fuentes.clean.html  # noqa: F401  (registers stages)
    import fuentes.clean.identity  # noqa: F401
    import fuentes.clean.language  # noqa: F401
    import fuentes.clean.text_stage  # noqa: F401

    return Pipeline.from_names(names)


def article_row(doc: ArticleDoc) -> dict[str, Any]:
    """The storable record of a processed document (plain data: crosses process boundaries)."""
    meta = doc.meta
    article = Article(
        id=doc.get("id"), source=doc.source, text=doc.body, url=meta.get("url"), outlet=meta.get("outlet"),
        title=meta.get("title"), byline=meta.get("byline"), published=meta.get("published"),
        language=doc.get("language"), saved_at=meta.get("saved_at") or doc.hints.get("saved_at"),
        removed=list(doc.get("removed", [])), meta_evidence=dict(meta.get("meta_evidence") or {}))
    return ARTICLE.to_row(article, extractors=dict(doc.provenance))


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.rejected


def ingest_items(items: Iterable, store: Store, *, workers: int = 1, batch_size: int = 200,
                 pipeline: Pipeline | None = None,
                 on_result: Callable[[int, Any], None] | None = None) -> IngestSummary:
    """Run the pipeline over RawDocuments/Rejections and store the results batch by batch.

    `on_result(size, row_or_rejection)` is called for each input (progress display, messages).
    """
    pipeline = pipeline or ingest_pipeline()
    summary = IngestSummary()
    rows: list[dict[str, Any]] = []
    failed: list[Rejection] = []

    def flush() -> None:
        result = save_batch(store, rows, failed)
        summary.stored += result.stored
        summary.duplicates += result.duplicates
        summary.rejected += result.rejected
        summary.rejections.extend(failed)
        rows.clear()
        failed.clear()

    for size, result in run(pipeline, items, article_row, workers=workers):
        (failed if isinstance(result, Rejection) else rows).append(result)
        if on_result:
            on_result(size, result)
        if len(rows) + len(failed) >= batch_size:
            flush()
    if rows or failed:
        flush()
    return summary
