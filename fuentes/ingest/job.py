"""The ingest job: inputs -> per-article pipeline (runner) -> store, in batches.

Each batch is written in one transaction, so a crash loses at most the batch in flight and a
re-run completes the job: content ids make already-stored articles count as duplicates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from fuentes.clean.language import not_analysed_counts, not_analysed_reason
from fuentes.codecs import ARTICLE
from fuentes.doc import ArticleDoc
from fuentes.errors import StoreError
from fuentes.ingest.raw import RawDocument
from fuentes.model import Article, Rejection
from fuentes.pipeline import Pipeline
from fuentes.runners import DEFAULT_BUDGET, DEFAULT_MEMORY_MB, Budget, run
from fuentes.store import Store
from fuentes.store.articles import save_batch

# The per-article stages of an ingest, in order. Importing a stage module registers it.
INGEST_STAGES = ("html_extract", "clean_text", "language", "identify")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
        removed=list(doc.get("removed", [])), meta_evidence=dict(meta.get("meta_evidence") or {}),
        published_precision=meta.get("published_precision"), published_source=meta.get("published_source"),
        modified=meta.get("modified"))
    return ARTICLE.to_row(article, extractors=dict(doc.provenance))


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    not_analysed: Counter = field(default_factory=Counter)  # language -> articles read in it (stored or duplicate)

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.rejected

    def languages_note(self) -> str | None:
        """One line on the articles kept in languages the analysis does not read, or None."""
        if not self.not_analysed:
            return None
        return (f"{sum(self.not_analysed.values())} article(s) in languages that are not analysed "
                f"({not_analysed_counts(self.not_analysed)}): stored with their language for provenance and stories")


def ingest_items(items: Iterable, store: Store, *, workers: int = 1, batch_size: int = 200,
                 pipeline: Pipeline | None = None,
                 on_result: Callable[[int, Any], None] | None = None,
                 summary: IngestSummary | None = None,
                 budget: float | Budget | None = DEFAULT_BUDGET,
                 memory_mb: int | None = DEFAULT_MEMORY_MB) -> IngestSummary:
    """Run the pipeline over RawDocuments/Rejections and store the results batch by batch.

    `on_result(size, row_or_rejection)` is called for each input (progress display, messages).
    `summary`, when given, is filled as batches are written, so a caller still has the counts
    when the run ends in an exception. Whatever was processed before an exception is written
    before the exception goes on; a batch the store refuses is written one input at a time, so
    one unstorable article becomes a Rejection instead of taking its batch with it.
    `budget`: the most seconds one input may take in the pipeline; an input gets 30 s plus 10 s
    per MB, up to that (`Budget.scaled`; a `Budget` sets all three). An HTML page whose cleaning
    the cleaner's cost model (`fuentes.clean.html.cleaning_cost`) estimates over its budget is
    rejected before it is cleaned; any other input over its budget is stopped when the budget
    runs out. `memory_mb`: memory per worker process (see fuentes.runners). An input over either
    is rejected with the reason and the batch goes on. None for both runs a one-worker ingest
    in this process, unprotected.
    """
    pipeline = pipeline or ingest_pipeline()
    summary = summary if summary is not None else IngestSummary()
    rows: list[dict[str, Any]] = []
    failed: list[Rejection] = []

    def flush() -> None:
        batch = [_storable_row(row) for row in rows]
        refused = [_storable_rejection(rejection) for rejection in failed]
        rows.clear()
        failed.clear()
        summary.not_analysed.update(row["language"] for row in batch if not_analysed_reason(row["language"]))
        result, refused = _save(store, batch, refused)
        summary.stored += result.stored
        summary.duplicates += result.duplicates
        summary.rejected += result.rejected
        summary.rejections.extend(refused)

    if budget is not None and not isinstance(budget, Budget):
        budget = Budget.scaled(budget)
    try:
        for size, result in run(pipeline, items, article_row, workers=workers, budget=budget,
                                memory_mb=memory_mb, estimate=cleaning_estimate):
            (failed if isinstance(result, Rejection) else rows).append(result)
            if on_result:
                on_result(size, result)
            if len(rows) + len(failed) >= batch_size:
                flush()
    except BaseException:
        if rows or failed:  # keep what was done before the failure; the failure itself goes on
            try:
                flush()
            except Exception:
                pass
        raise
    if rows or failed:
        flush()
    return summary


def cleaning_estimate(item: Any) -> tuple[float, str] | None:
    """The cleaner's estimated cost of an HTML input (seconds, and what it was read from), else None."""
    if isinstance(item, RawDocument) and item.format == "html":
        from fuentes.clean.html import cleaning_cost

        return cleaning_cost(item.data)
    return None


def _save(store: Store, rows: list[dict[str, Any]], failed: list[Rejection]) -> tuple[Any, list[Rejection]]:
    """save_batch, falling back to one input at a time when the store refuses the batch."""
    try:
        return save_batch(store, rows, failed), failed
    except Exception as error:
        if len(rows) + len(failed) <= 1:
            raise _store_error(error) from error
        batch_error = error
    stored = duplicates = 0
    refused = list(failed)
    for row in rows:
        try:
            one = save_batch(store, [row], [])
        except Exception as error:
            refused.append(Rejection(row["source"], f"the store refused it: {_first_line(error)}"))
            continue
        stored += one.stored
        duplicates += one.duplicates
    if rows and len(refused) - len(failed) == len(rows):
        raise _store_error(batch_error) from batch_error  # nothing goes in: the store, not the rows
    try:
        result = save_batch(store, [], refused)
    except Exception as error:
        raise _store_error(error) from error
    result.stored, result.duplicates = stored, duplicates
    return result, refused


def _store_error(error: BaseException) -> StoreError:
    if isinstance(error, StoreError):
        return error
    return StoreError(f"cannot write a batch of articles to the store: {_first_line(error)}")


def _first_line(error: BaseException) -> str:
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0][:300] if lines else type(cause).__name__


def _storable(text: str) -> str:
    """A source name or reason any store accepts: PostgreSQL refuses NUL, and UTF-8 lone surrogates."""
    if "\x00" in text:
        text = text.replace("\x00", "\\x00")
    return text.encode("utf-8", "replace").decode("utf-8") if _SURROGATE.search(text) else text


def _storable_row(row: dict[str, Any]) -> dict[str, Any]:
    source = row.get("source")
    if isinstance(source, str) and _storable(source) != source:
        row = dict(row, source=_storable(source))
    return row


def _storable_rejection(rejection: Rejection) -> Rejection:
    source, reason = _storable(rejection.source), _storable(rejection.reason)
    if (source, reason) == (rejection.source, rejection.reason):
        return rejection
    return Rejection(source, reason)
