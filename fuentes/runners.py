"""Runners: apply a per-article Pipeline to a stream of RawDocuments, in one process or a pool.

Concurrency lives here, never in stages. A worker turns a RawDocument into a storable row
(or a Rejection) so that only small, plain data crosses process boundaries. The pool is fed
through a bounded window: a multi-GB archive is never read into memory ahead of the workers.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from fuentes.doc import ArticleDoc
from fuentes.errors import InputError
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection
from fuentes.pipeline import Pipeline

Result = tuple[int, "dict[str, Any] | Rejection"]  # (input size in bytes, row or rejection)
ToRow = Callable[[ArticleDoc], dict[str, Any]]

_worker_pipeline: Pipeline | None = None
_worker_to_row: ToRow | None = None


def process_one(raw: RawDocument, pipeline: Pipeline, to_row: ToRow) -> dict[str, Any] | Rejection:
    """Decode, run every stage, and return the article row; any failure becomes a Rejection."""
    from fuentes.ingest.decode import decode

    try:
        doc = ArticleDoc.from_raw(raw, decode(raw))
        return to_row(pipeline(doc))
    except InputError as error:
        return Rejection(raw.source, error.reason)
    except RecursionError:
        return Rejection(raw.source, "document too deeply nested to parse")
    except Exception as error:  # a bug or a pathological page must not stop the batch
        return Rejection(raw.source, f"internal error ({type(error).__name__}: {error}); please report it")


def _init_worker(pipeline: Pipeline, to_row: ToRow) -> None:
    global _worker_pipeline, _worker_to_row
    _worker_pipeline, _worker_to_row = pipeline, to_row


def _work(raw: RawDocument) -> dict[str, Any] | Rejection:
    assert _worker_pipeline is not None and _worker_to_row is not None
    return process_one(raw, _worker_pipeline, _worker_to_row)


class _Ready:
    """A result known before any work (a reader's Rejection), queued in input order."""

    def __init__(self, value: Rejection):
        self.value = value

    def get(self) -> Rejection:
        return self.value


def _size(item: RawDocument | Rejection) -> int:
    return len(item.data) if isinstance(item, RawDocument) else 0


def run(pipeline: Pipeline, items: Iterable[RawDocument | Rejection], to_row: ToRow,
        workers: int = 1, window_per_worker: int = 32) -> Iterator[Result]:
    """Yield (input size, row or Rejection) for every item, in input order."""
    if workers <= 1:
        for item in items:
            result = item if isinstance(item, Rejection) else process_one(item, pipeline, to_row)
            yield _size(item), result
        return
    # spawn, not fork: the parent may hold threads (progress display, HTTP client).
    context = multiprocessing.get_context("spawn")
    window = max(4, workers * window_per_worker)
    with context.Pool(workers, initializer=_init_worker, initargs=(pipeline, to_row)) as pool:
        pending: deque = deque()
        for item in items:
            job = _Ready(item) if isinstance(item, Rejection) else pool.apply_async(_work, (item,))
            pending.append((_size(item), job))
            while len(pending) >= window:
                size, job = pending.popleft()
                yield size, job.get()
        while pending:
            size, job = pending.popleft()
            yield size, job.get()
