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
MakeDoc = Callable[[Any], ArticleDoc]

_worker: tuple[Pipeline, ToRow, MakeDoc] | None = None


def doc_from_raw(raw: RawDocument) -> ArticleDoc:
    """Decode a RawDocument into a fresh ArticleDoc (the `raw` layer)."""
    from fuentes.ingest.decode import decode

    return ArticleDoc.from_raw(raw, decode(raw))


def process_one(item: Any, pipeline: Pipeline, to_row: ToRow,
                make_doc: MakeDoc = doc_from_raw) -> dict[str, Any] | Rejection:
    """Make the document, run every stage, return its row; any failure becomes a Rejection."""
    raw = item
    try:
        doc = make_doc(item)
        return to_row(pipeline(doc))
    except InputError as error:
        return Rejection(_name(raw), error.reason)
    except RecursionError:
        return Rejection(_name(raw), "document too deeply nested to parse")
    except Exception as error:  # a bug or a pathological page must not stop the batch
        return Rejection(_name(raw), f"internal error ({type(error).__name__}: {error}); please report it")


def _name(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("id") or item.get("source"))
    return getattr(item, "source", repr(item)[:80])


def _init_worker(pipeline: Pipeline, to_row: ToRow, make_doc: MakeDoc) -> None:
    global _worker
    _worker = (pipeline, to_row, make_doc)


def _work(item: Any) -> dict[str, Any] | Rejection:
    assert _worker is not None
    return process_one(item, *_worker)


class _Ready:
    """A result known before any work (a reader's Rejection), queued in input order."""

    def __init__(self, value: Rejection):
        self.value = value

    def get(self) -> Rejection:
        return self.value


def _size(item: Any) -> int:
    if isinstance(item, RawDocument):
        return len(item.data)
    return len(item.get("text") or "") if isinstance(item, dict) else 0


def run(pipeline: Pipeline, items: Iterable[Any], to_row: ToRow, workers: int = 1,
        window_per_worker: int = 32, make_doc: MakeDoc = doc_from_raw) -> Iterator[Result]:
    """Yield (input size, row or Rejection) for every item, in input order.

    Items are RawDocuments by default; `make_doc` turns another kind of item (a stored
    article, say) into an ArticleDoc. Rejections among the items pass straight through.
    """
    if workers <= 1:
        for item in items:
            result = item if isinstance(item, Rejection) else process_one(item, pipeline, to_row, make_doc)
            yield _size(item), result
        return
    # spawn, not fork: the parent may hold threads (progress display, HTTP client).
    context = multiprocessing.get_context("spawn")
    window = max(4, workers * window_per_worker)
    with context.Pool(workers, initializer=_init_worker, initargs=(pipeline, to_row, make_doc)) as pool:
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
