"""Runners: apply a per-article Pipeline to a stream of RawDocuments, in one process or a pool.

Concurrency lives here, never in stages. A worker turns a RawDocument into a storable row
(or a Rejection) so that only small, plain data crosses process boundaries. Workers are fed
through a bounded window: a multi-GB archive is never read into memory ahead of the workers.

A per-document budget keeps one page from stalling a batch. With `budget` set, every item
runs in a worker process (one when `workers` is 1), one item at a time, and gets a number of
seconds: a `Budget` gives every document a floor plus an allowance per MB of input, up to a
ceiling (the ingest: 30 s + 10 s per MB, at most 60 s; 1,901 real pages take 0.1 s median,
0.6 s p99, their cost grows about linearly with size, and the floor covers a worker's one-off
loading of models, see DEFAULT_FLOOR); a plain number is a flat budget. Two checks hold it:

- Up front, when the caller gives an `estimate` (the ingest gives the cleaner's cost model,
  `fuentes.clean.html.cleaning_cost`): an item whose estimated cost is over its budget is
  rejected before any work, with the estimate and what it was read from ("would take about
  5 min to process (360,500 HTML elements in 14.3 MB), over its budget of 60 s: skipped").
  The estimate is cheap (two regular-expression passes over the bytes, in this process:
  0.25 s for that page), deterministic (the same page gets the same answer on any machine and
  under any load, and a re-run rejects it again with the same reason) and meant to err low,
  so that it only rejects what the clock would stop anyway: it saves the budget's worth of
  waiting for a page that could never finish.
  Without it, a batch with one pathological page ends no earlier than that page's start plus
  its whole budget.
- On the clock, for everything the estimate cannot see: an item that takes longer than its
  budget has its worker killed and becomes a Rejection ("took longer than 60 s to process:
  skipped"); a fresh worker takes the next items, and results still come out in input order
  (finished results wait, within their own bound, for an earlier slow one).

A worker's first item of a run may take longer by up to the ceiling (at most 30 s): stages load
their models lazily, and that one-off cost is not the document's. With `memory_mb` each
worker's address space is limited too (Linux: RLIMIT_AS): a document that needs more fails
with MemoryError, becomes a Rejection, and the worker is replaced. Without either, one worker
means this process, as before. Idle workers are kept for the next run in this process (their
models stay loaded); workers are started with 'spawn' (the parent may hold threads).

Without a budget, items can also go in batches (`batch`, the analysis: 16): a worker gets a
whole batch, stages that have a `pipe` method (spaCy's nlp.pipe) take its documents at once,
the others one by one, and the results are exactly those of one item at a time. A batch that
fails in such a stage is run again one document at a time, and a worker that dies during a
batch has its items given out again singly, so a bad document still costs only itself.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import pickle
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator

from fuentes.doc import ArticleDoc
from fuentes.errors import InputError, PipelineError
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection
from fuentes.pipeline import Pipeline

Result = tuple[int, "dict[str, Any] | Rejection"]  # (input size in bytes, row or rejection)
ToRow = Callable[[ArticleDoc], dict[str, Any]]
MakeDoc = Callable[[Any], ArticleDoc]

Estimate = Callable[[Any], "tuple[float, str] | None"]  # item -> (seconds it would take, read from what)

MB = 1024 * 1024
DEFAULT_BUDGET = 60.0  # most seconds one document may take in the ingest stages (the ceiling)
# Seconds any document may take, plus an allowance per MB of input. Real pages (1,901 of three
# HTML corpora, bench/ingest_budget.py) take 0.08 s (median), 0.5 s (p99) and at most about 1 s
# per MB; the floor is that large for what is not the page's: models a worker loads lazily, at
# whichever page of a run first needs them. It was set when the language detector loaded all of
# lingua's models that way (25 s, 1.3 GB; measured 13 s on a 287 KB page); on trigram models that
# load is under a second (clean/language.py), so the floor could come down, not yet re-measured.
DEFAULT_FLOOR = 30.0
DEFAULT_PER_MB = 10.0
DEFAULT_MEMORY_MB = 2048  # address space of one ingest worker (about 400 MB for ordinary pages)
STARTUP_LIMIT = 300.0  # seconds a fresh worker may take to start and import the pipeline's stages
FIRST_ITEM_GRACE = 30.0  # at most this much more for a worker's first item of a job (models load lazily)
HOLD_ITEMS_PER_WINDOW = 16  # finished results that may wait for an earlier, slow item: window x this
HOLD_BYTES = 256 * 1024 * 1024  # ... and at most this much input behind them
IDLE_KEPT = 8  # idle workers kept for the next run


@dataclass(frozen=True, slots=True)
class Budget:
    """Seconds one document may take: `floor` plus `per_mb` for each MB of its input, at most
    `most`. `Budget.flat(s)`: `s` for every document; `Budget.scaled(most)`: the ingest's."""

    most: float
    floor: float
    per_mb: float = 0.0

    @classmethod
    def flat(cls, seconds: float) -> Budget:
        return cls(seconds, seconds, 0.0)

    @classmethod
    def scaled(cls, most: float = DEFAULT_BUDGET, floor: float = DEFAULT_FLOOR,
               per_mb: float = DEFAULT_PER_MB) -> Budget:
        return cls(most, min(floor, most), per_mb)

    def seconds(self, size: int) -> float:
        """The budget of a document of `size` bytes, to a tenth of a second."""
        return min(self.most, round(self.floor + self.per_mb * size / MB, 1))

    def describe(self) -> str:
        if self.per_mb == 0 or self.floor >= self.most:
            return f"{self.most:g} s per document"
        return f"{self.floor:g} s + {self.per_mb:g} s per MB per document, at most {self.most:g} s"


_worker: tuple[Pipeline, ToRow, MakeDoc] | None = None
_memory_limit_mb: int | None = None  # set in a worker process whose memory is limited


_settled = False


def settle() -> None:
    """Once per process, after its first item: what the stages loaded lazily (models, lexicons,
    caches) stays for the process's life, so it is moved out of the garbage collector's sight
    (`gc.freeze`, after a collection): the collector's full passes stop walking millions of model
    objects at every later item."""
    global _settled
    if not _settled:
        _settled = True
        gc.collect()
        gc.freeze()


def doc_from_raw(raw: RawDocument) -> ArticleDoc:
    """Decode a RawDocument into a fresh ArticleDoc (the `raw` layer)."""
    from fuentes.ingest.decode import decode

    return ArticleDoc.from_raw(raw, decode(raw))


def process_one(item: Any, pipeline: Pipeline, to_row: ToRow,
                make_doc: MakeDoc = doc_from_raw) -> dict[str, Any] | Rejection:
    """Make the document, run every stage, return its row; any failure becomes a Rejection."""
    try:
        doc = make_doc(item)
        return to_row(pipeline(doc))
    except Exception as error:  # a bug or a pathological page must not stop the batch
        return rejection(item, error)


def rejection(item: Any, error: Exception) -> Rejection:
    """The Rejection of an item whose processing raised `error`."""
    if isinstance(error, InputError):
        return Rejection(_name(item), error.reason)
    if isinstance(error, RecursionError):
        return Rejection(_name(item), "document too deeply nested to parse")
    if isinstance(error, MemoryError):
        return Rejection(_name(item), memory_reason())
    return Rejection(_name(item), f"internal error ({type(error).__name__}: {error}); please report it")


def process_many(items: list[Any], pipeline: Pipeline, to_row: ToRow,
                 make_doc: MakeDoc = doc_from_raw) -> list[dict[str, Any] | Rejection]:
    """`process_one` of each item, the same results in the same order, but a stage that can
    take a batch (a `pipe(docs)` method, as the spaCy stage has: `nlp.pipe`) gets the batch's
    documents at once. When a batch fails, its documents go through that stage one at a time,
    so only the failing one is rejected. Rejections among the items pass through."""
    results: list[Any] = list(items)
    live: list[tuple[int, ArticleDoc]] = []
    for k, item in enumerate(items):
        if isinstance(item, Rejection):
            continue
        try:
            live.append((k, make_doc(item)))
        except Exception as error:  # noqa: BLE001 - as in process_one: the item is rejected
            results[k] = rejection(item, error)

    def one_by_one(stage: Any, docs: list[tuple[int, ArticleDoc]]) -> list[tuple[int, ArticleDoc]]:
        kept = []
        for k, doc in docs:
            try:
                kept.append((k, stage(doc)))
            except Exception as error:  # noqa: BLE001 - as in process_one: the item is rejected
                results[k] = rejection(items[k], error)
        return kept

    for stage in pipeline.stages:
        batch = getattr(stage, "pipe", None)
        if batch is not None and len(live) > 1:
            try:
                live = list(zip([k for k, _ in live], batch([doc for _, doc in live])))
                continue
            except Exception:  # noqa: BLE001, S110 - one document spoilt the batch: find which, one at a time
                pass
        live = one_by_one(stage, live)
    for k, doc in live:
        try:
            results[k] = to_row(doc)
        except Exception as error:  # noqa: BLE001 - as in process_one: the item is rejected
            results[k] = rejection(items[k], error)
    return results


class Batch:
    """Items a worker processes together (`process_many`), so that batched stages batch."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)


def _process(item: Any, pipeline: Pipeline, to_row: ToRow, make_doc: MakeDoc) -> Any:
    if isinstance(item, Batch):
        return process_many(item.items, pipeline, to_row, make_doc)
    return process_one(item, pipeline, to_row, make_doc)


def timeout_reason(budget: float) -> str:
    return f"took longer than {budget:g} s to process: skipped"


def estimate_reason(seconds: float, basis: str, budget: float) -> str:
    """The Rejection reason of an item whose estimated cost (`seconds`, read from `basis`) is over its budget."""
    return f"would take about {_about(seconds)} to process ({basis}), over its budget of {budget:g} s: skipped"


def _about(seconds: float) -> str:
    if seconds >= 5400:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 120:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"


def memory_reason(limit_mb: int | None = None) -> str:
    limit_mb = limit_mb or _memory_limit_mb
    if limit_mb:
        return f"needed more than {limit_mb} MB of memory to process: skipped"
    return "ran out of memory while processing: skipped"


def _name(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("id") or item.get("source"))
    return getattr(item, "source", repr(item)[:80])


def _size(item: Any) -> int:
    if isinstance(item, Batch):
        return sum(map(_size, item.items))
    if isinstance(item, RawDocument):
        return len(item.data)
    return len(item.get("text") or "") if isinstance(item, dict) else 0


# --- the worker process ---------------------------------------------------------------------

def _limit_memory(memory_mb: int | None) -> None:
    global _memory_limit_mb
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:  # not on this platform: the time budget still holds
        return
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    _memory_limit_mb = memory_mb


def _serve(conn, memory_mb: int | None) -> None:
    """A worker's loop, one item at a time. ("job", id, pickled (pipeline, to_row, make_doc))
    sets it up (imports the stages, outside any item's budget) and answers ("ready", id);
    ("item", item) answers ("done", row or Rejection, retiring); a retiring worker then exits.
    A worker whose parent is gone (killed, interrupted) exits quietly."""
    try:
        _serve_items(conn, memory_mb)
    except (BrokenPipeError, ConnectionResetError, EOFError):
        return  # the parent stopped listening: nothing to report to, no traceback to print


def _serve_items(conn, memory_mb: int | None) -> None:
    global _worker
    _limit_memory(memory_mb)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return  # the parent is gone
        if message[0] == "job":
            _, job_id, payload = message
            try:
                _worker = pickle.loads(payload)
            except BaseException as error:  # noqa: BLE001 - reported to the parent, which stops
                conn.send(("failed", f"{type(error).__name__}: {error}"))
                return
            conn.send(("ready", job_id))
        elif message[0] == "item":
            item = message[1]
            retire = False
            try:
                result = _process(item, *_worker)
            except BaseException as error:  # noqa: BLE001 - e.g. a Rust panic (PanicException)
                result = Rejection(_name(item), f"internal error ({type(error).__name__}: {error}); please report it")
                retire = True
            if any(isinstance(r, Rejection) and r.reason == memory_reason()
                   for r in (result if isinstance(result, list) else [result])):
                retire = True  # a worker that ran out of memory is not trusted with the next item
            conn.send(("done", result, retire))
            del result
            settle()  # (after the answer: the parent does not wait for it)
            if retire:
                return


# --- the parent's side of a worker ------------------------------------------------------------

class _Worker:
    """One worker process and the pipe to it; busy with at most one item."""

    def __init__(self, memory_mb: int | None):
        context = multiprocessing.get_context("spawn")  # not fork: the parent may hold threads
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory_mb), daemon=True,
                                       name="fuentes-worker")
        self.process.start()
        child.close()
        self.memory_mb = memory_mb
        self.owner = os.getpid()
        self.job: int | None = None  # the job it is set up for (or being set up for)
        self.ready = False
        self.since = time.monotonic()  # when the current setup or item was sent
        self.task: tuple[int, int, Any] | None = None  # (index, size, item) while busy
        self.first = True  # its next item is the first of its job: models may still have to load

    def setup(self, job_id: int, payload: bytes) -> bool:
        """Send the job; False when the worker is gone."""
        self.job, self.ready, self.since, self.first = job_id, False, time.monotonic(), True
        try:
            self.conn.send(("job", job_id, payload))
        except OSError:
            return False
        return True

    def allowed(self, budget: Budget) -> float:
        """Seconds the current item may take: its budget, and for the first item of a job up to
        the ceiling more (at most FIRST_ITEM_GRACE) for loading what the stages load lazily."""
        seconds = budget.seconds(self.task[1])
        return seconds + min(budget.most, FIRST_ITEM_GRACE) if self.first else seconds

    def give(self, task: tuple[int, int, Any]) -> bool:
        """Send an item; False when the worker is gone (the item was not taken)."""
        self.task, self.since = task, time.monotonic()
        try:
            self.conn.send(("item", task[2]))
        except OSError:
            self.task = None
            return False
        return True

    def alive(self) -> bool:
        return self.process.is_alive()

    def death(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is None:
            return "stopped answering"
        return f"killed by signal {-code}" if code < 0 else f"exit status {code}"

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


_idle: list[_Worker] = []
_idle_lock = threading.Lock()
_jobs = itertools.count(1)


def _take_workers(count: int, memory_mb: int | None) -> list[_Worker]:
    with _idle_lock:
        kept = [w for w in _idle if w.memory_mb == memory_mb and w.owner == os.getpid() and w.alive()]
        taken = kept[-count:] if count else []  # the most recently used first: the warmest
        for worker in taken:
            _idle.remove(worker)
    return taken + [_Worker(memory_mb) for _ in range(count - len(taken))]


def _keep_workers(workers: list[_Worker]) -> None:
    with _idle_lock:
        for worker in workers:
            if worker.task is None and worker.alive() and len(_idle) < IDLE_KEPT:
                _idle.append(worker)
            else:
                worker.kill()


def _in_workers(pipeline: Pipeline, items: Iterable[Any], to_row: ToRow, workers: int, window: int,
                make_doc: MakeDoc, budget: Budget | None, memory_mb: int | None,
                batch: int = 1, estimate: Estimate | None = None) -> Iterator[Result]:
    job_id = next(_jobs)
    payload = pickle.dumps((pipeline, to_row, make_doc))
    pool = _take_workers(workers, memory_mb)
    queue: deque[tuple[int, int, Any]] = deque()  # read, not yet given to a worker
    done: dict[int, Result] = {}  # finished, waiting for every earlier item
    held = 0  # input bytes behind `done`
    hold = max(64, window * HOLD_ITEMS_PER_WINDOW)
    read = given = 0  # items read; index of the next result to yield
    source = iter(items)
    exhausted = False

    def finish(worker: _Worker, result: Any) -> None:
        nonlocal held
        index, size, item = worker.task
        worker.task, worker.first = None, False
        if not isinstance(item, Batch):
            done[index] = (size, result)
            held += size
        elif isinstance(result, list):  # a batch's results, one per item
            for k, (one, outcome) in enumerate(zip(item.items, result)):
                done[index + k] = (_size(one), outcome)
                held += _size(one)
        elif len(item) == 1:  # its worker died or overran on its one item
            done[index] = (size, Rejection(_name(item.items[0]), result.reason))
            held += size
        else:  # its worker died during a batch: each item again alone, so only the culprit is lost
            for k in reversed(range(len(item))):
                one = item.items[k]
                queue.appendleft((index + k, _size(one), Batch([one])))

    def replace(worker: _Worker) -> None:
        worker.kill()
        pool[pool.index(worker)] = _Worker(memory_mb)

    def receive(worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            how = worker.death()
            if worker.task is None:
                raise PipelineError(
                    f"a worker process could not start ({how}). Workers are started with 'spawn', which "
                    "imports the main script again: a script that runs an ingest must keep its top-level "
                    "code under `if __name__ == '__main__':` (or run unprotected in its own process with "
                    "budget=None, memory_mb=None)") from None
            index, size, item = worker.task
            finish(worker, Rejection(_name(item), f"the worker processing it died ({how}): skipped"))
            replace(worker)
            return
        kind = message[0]
        if kind == "ready" and message[1] == job_id:
            worker.ready = True
        elif kind == "failed":
            raise PipelineError(f"a worker process could not set up the pipeline: {message[1]}")
        elif kind == "done":
            finish(worker, message[1])
            if message[2]:
                replace(worker)  # it retired itself (out of memory, a crash it caught)

    def overdue(now: float) -> None:
        for worker in list(pool):
            if worker.task is not None and budget is not None and now - worker.since > worker.allowed(budget):
                index, size, item = worker.task
                finish(worker, Rejection(_name(item), timeout_reason(budget.seconds(size))))
                replace(worker)
            elif worker.task is None and not worker.ready and now - worker.since > STARTUP_LIMIT:
                raise PipelineError(f"a worker process did not start within {STARTUP_LIMIT:g} s")

    def preflight(item: Any, size: int) -> Rejection | None:
        """The item's Rejection when its estimated cost is over its budget, else None."""
        if estimate is None or budget is None:
            return None
        try:
            guess = estimate(item)
        except Exception:  # noqa: BLE001 - an estimate only saves time: without one, the clock decides
            return None
        if guess is None or guess[0] <= budget.seconds(size):
            return None
        return Rejection(_name(item), estimate_reason(guess[0], guess[1], budget.seconds(size)))

    def next_deadline() -> float | None:
        ends = [w.since + (w.allowed(budget) if w.task is not None else STARTUP_LIMIT) for w in pool
                if (w.task is not None and budget is not None) or (w.task is None and not w.ready)]
        return min(ends) if ends else None

    try:
        while True:
            for worker in pool:  # set up fresh workers, give items to idle ones
                if worker.job != job_id:
                    if not worker.setup(job_id, payload):  # an idle worker that died meanwhile
                        replace(worker)
                elif worker.ready and worker.task is None and queue:
                    task = queue.popleft()
                    if not worker.give(task):  # it died idle: the item goes to its successor
                        queue.appendleft(task)
                        replace(worker)
            while given in done:  # in input order
                size, result = done.pop(given)
                held -= size
                given += 1
                yield size, result
            busy = sum(1 for w in pool if w.task is not None)
            if exhausted and given == read:
                return
            room = (not exhausted and len(queue) + busy < window and len(done) < hold and held < HOLD_BYTES)
            if room and batch > 1:  # read one batch (a reader's rejections in it pass through)
                chunk = list(itertools.islice(source, batch))
                if len(chunk) < batch:
                    exhausted = True
                if chunk:
                    queue.append((read, _size(Batch(chunk)), Batch(chunk)))
                    read += len(chunk)
                timeout = 0.0
            elif room:  # read one more, then look at the workers without waiting
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                else:
                    size = _size(item)
                    refused = item if isinstance(item, Rejection) else preflight(item, size)
                    if refused is not None:  # a reader's rejection, or over budget: no work, keeps its place
                        done[read] = (size, refused)
                        held += size
                    else:
                        queue.append((read, size, item))
                    read += 1
                timeout = 0.0
            else:
                deadline = next_deadline()
                timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            waiting = [w.conn for w in pool if w.task is not None or not w.ready]
            if waiting:
                for conn in wait(waiting, timeout):
                    receive(next(w for w in pool if w.conn is conn))
            overdue(time.monotonic())
    finally:
        _keep_workers(pool)


def run(pipeline: Pipeline, items: Iterable[Any], to_row: ToRow, workers: int = 1,
        window_per_worker: int = 32, make_doc: MakeDoc = doc_from_raw, budget: float | Budget | None = None,
        memory_mb: int | None = None, batch: int = 1, estimate: Estimate | None = None) -> Iterator[Result]:
    """Yield (input size, row or Rejection) for every item, in input order.

    Items are RawDocuments by default; `make_doc` turns another kind of item (a stored
    article, say) into an ArticleDoc. Rejections among the items pass straight through.
    `budget`: seconds one item may take, a number (the same for every item) or a `Budget`
    (by size); None: no limit. With it, items always run in worker processes, so that an
    overrunning one can be stopped, and `estimate(item)` (seconds it would take and what that
    was read from, or None), when given, rejects up front an item whose estimate is over its
    budget. `memory_mb`: address space per worker.
    `batch`: items processed together (`process_many`: stages with a `pipe` method, spaCy's,
    take them at once); a worker gets a whole batch. A budget is per item, so with one the
    items go one at a time. A worker that dies during a batch costs only the item it died on:
    the batch's items are given again one at a time.
    """
    if budget is not None:
        batch = 1
        budget = budget if isinstance(budget, Budget) else Budget.flat(budget)
    if workers <= 1 and budget is None and memory_mb is None:
        if batch > 1:
            source = iter(items)
            while chunk := list(itertools.islice(source, batch)):
                for item, result in zip(chunk, process_many(chunk, pipeline, to_row, make_doc)):
                    yield _size(item), result
                settle()
            return
        for item in items:
            result = item if isinstance(item, Rejection) else process_one(item, pipeline, to_row, make_doc)
            yield _size(item), result
            settle()
        return
    workers = max(1, workers)
    window = max(4, workers * window_per_worker)
    if batch > 1:  # the window counts batches: as many items in flight as without batches
        window = max(2 * workers, window // batch)
    yield from _in_workers(pipeline, items, to_row, workers, window, make_doc, budget, memory_mb, batch,
                           estimate)
