"""Runners: a per-document time and memory budget, order kept, one bad page never stalls a batch."""

from __future__ import annotations

import os
import signal
import time

import pytest

from fuentes.doc import ArticleDoc
from fuentes.ingest.job import ingest_items, ingest_pipeline
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection
from fuentes.pipeline import Pipeline, Stage
from fuentes.runners import MB, Budget, run, timeout_reason
from fuentes.store.articles import list_articles, list_rejections

TEXT = ("Police officers in the port city arrested {n} suspects on Monday after a long night operation, "
        "the state prosecutor said in a statement. Four vehicles and two rifles were seized at a warehouse "
        "near the docks, and the suspects will appear before a federal judge later this week.")


_loaded = False  # per process: what a stage's lazily loaded model would be


class Misbehave(Stage):
    """Does what a document's source asks: `sleep-30`, `sleep-0.5`, `die`, `hog-3000` (MB),
    `load-3` (sleeps only the first time in a process, as loading a model would)."""

    name = "misbehave"
    requires = ("raw",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        global _loaded
        action = doc.source.rsplit("/", 1)[-1].split(".")[0]
        if action.startswith("sleep-"):
            time.sleep(float(action[6:]))
        elif action.startswith("load-") and not _loaded:
            time.sleep(float(action[5:]))
            _loaded = True
        elif action == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action.startswith("hog-"):
            hog = bytearray(int(action[4:]) * 1024 * 1024)
            hog[::4096] = b"x" * len(hog[::4096])
        return doc


def where(doc: ArticleDoc) -> dict:
    """A row saying which document ran in which process."""
    return {"source": doc.source, "pid": os.getpid()}


def raw(name: str, n: int = 1) -> RawDocument:
    return RawDocument(source=f"in/{name}.txt", data=TEXT.format(n=n), format="text", hints={"language": "en"})


def source(result) -> str:
    return result["source"] if isinstance(result, dict) else result.source


MISBEHAVE = Pipeline([Misbehave()])


def test_without_a_budget_one_worker_runs_in_this_process_and_with_one_in_a_child():
    inside = [row["pid"] for _, row in run(MISBEHAVE, [raw("a"), raw("b")], where)]
    assert inside == [os.getpid()] * 2
    outside = [row["pid"] for _, row in run(MISBEHAVE, [raw("a"), raw("b")], where, budget=30)]
    assert len(set(outside)) == 1 and outside[0] != os.getpid()
    again = [row["pid"] for _, row in run(MISBEHAVE, [raw("c")], where, budget=30)]
    assert again == outside[:1]  # the idle worker was kept, its models loaded, for the next run


@pytest.mark.parametrize("workers", [1, 2])
def test_an_item_over_budget_is_rejected_with_the_reason_and_the_rest_keep_their_order(workers):
    names = ["a", "b", "sleep-30", "c", "sleep-0.3", "d", "e", "f"]
    items = [raw(name) for name in names[:3]] + [Rejection("in/unreadable.bin", "binary file")] + \
        [raw(name) for name in names[3:]]
    started = time.monotonic()
    results = [result for _, result in run(MISBEHAVE, items, where, workers=workers, budget=2)]
    elapsed = time.monotonic() - started
    assert [source(r) for r in results] == [
        "in/a.txt", "in/b.txt", "in/sleep-30.txt", "in/unreadable.bin", "in/c.txt", "in/sleep-0.3.txt",
        "in/d.txt", "in/e.txt", "in/f.txt"]
    assert results[2] == Rejection("in/sleep-30.txt", timeout_reason(2))
    assert timeout_reason(2) == "took longer than 2 s to process: skipped"
    assert results[3] == Rejection("in/unreadable.bin", "binary file")
    assert all(isinstance(r, dict) for i, r in enumerate(results) if i not in (2, 3))
    assert elapsed < 20, "the slow item was waited for instead of stopped"


def test_a_fresh_workers_first_item_may_also_load_models_but_later_ones_get_the_budget():
    items = [raw("load-3"), raw("a"), raw("sleep-3"), raw("b")]
    results = [result for _, result in run(MISBEHAVE, items, where, budget=2)]
    assert isinstance(results[0], dict), results[0]  # 3 s: within twice the budget, as a first item
    assert results[2] == Rejection("in/sleep-3.txt", timeout_reason(2))
    assert isinstance(results[1], dict) and isinstance(results[3], dict)


def test_while_one_item_runs_long_the_other_worker_finishes_the_rest():
    items = [raw("sleep-3")] + [raw(f"quick{n}") for n in range(40)]
    results = [result for _, result in run(MISBEHAVE, items, where, workers=2, budget=30,
                                           window_per_worker=4)]
    assert [r["source"] for r in results] == [item.source for item in items]
    slow_pid = results[0]["pid"]
    assert sum(1 for r in results[1:] if r["pid"] != slow_pid) >= 30  # well past the window of 8


def test_a_worker_that_dies_costs_only_its_item():
    items = [raw("a"), raw("die"), raw("b"), raw("c")]
    results = [result for _, result in run(MISBEHAVE, items, where, budget=30)]
    assert isinstance(results[1], Rejection)
    assert results[1].reason == "the worker processing it died (killed by signal 9): skipped"
    assert [r["source"] for i, r in enumerate(results) if i != 1] == ["in/a.txt", "in/b.txt", "in/c.txt"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_AS is a Unix limit")
def test_an_item_over_the_memory_budget_is_rejected_and_its_worker_replaced():
    items = [raw("a"), raw("hog-3000"), raw("b")]
    results = [result for _, result in run(MISBEHAVE, items, where, budget=60, memory_mb=1500)]
    assert results[1] == Rejection("in/hog-3000.txt", "needed more than 1500 MB of memory to process: skipped")
    assert isinstance(results[0], dict) and isinstance(results[2], dict)
    assert results[0]["pid"] != results[2]["pid"]  # a worker that ran out of memory is not reused


def test_ingest_rejects_the_stalling_page_with_the_reason_and_stores_the_others(store):
    pipeline = Pipeline([Misbehave(), *ingest_pipeline().stages])
    items = [raw("a", 1), raw("b", 2), raw("sleep-60", 3), raw("c", 4), raw("d", 5)]
    seen: list[str] = []
    summary = ingest_items(items, store, pipeline=pipeline, budget=4, on_result=lambda _, r: seen.append(source(r)))
    assert (summary.stored, summary.rejected) == (4, 1)
    assert seen == [item.source for item in items]
    assert list_rejections(store) == [Rejection("in/sleep-60.txt", "took longer than 4 s to process: skipped")]
    assert sorted(a.source for a in list_articles(store)) == ["in/a.txt", "in/b.txt", "in/c.txt", "in/d.txt"]


def test_a_scaled_budget_gives_a_larger_document_more_time_on_the_clock():
    budget = Budget(most=30, floor=1, per_mb=2)
    big = RawDocument(source="in/large/sleep-2.txt", data=TEXT.format(n=9) + " " * MB, format="text")
    items = [raw("a"), raw("sleep-2"), big, raw("b")]  # the first item may also load models: not a sleeper
    results = [result for _, result in run(MISBEHAVE, items, where, budget=budget)]
    assert results[1] == Rejection("in/sleep-2.txt", "took longer than 1 s to process: skipped")
    assert isinstance(results[2], dict) and budget.seconds(len(big.data)) == 3  # 1 s + 2 s for its 1 MB
    assert [source(r) for r in results] == [source(i) for i in items]


def test_an_item_estimated_over_its_budget_is_rejected_before_any_worker_sees_it():
    def estimate(item):
        if "boom" in item.source:
            raise ValueError("cannot tell")
        return (150.0, "as the estimate says") if "sleep" in item.source else (0.01, "small")

    items = [raw("a"), raw("sleep-30"), raw("boom"), Rejection("in/unreadable.bin", "binary file"), raw("b")]
    started = time.monotonic()
    results = [result for _, result in run(MISBEHAVE, items, where, budget=10, estimate=estimate)]
    assert time.monotonic() - started < 10, "the item went to a worker and was stopped by the clock"
    assert results[1] == Rejection(
        "in/sleep-30.txt", "would take about 2 min to process (as the estimate says), over its budget of 10 s: skipped")
    assert isinstance(results[2], dict)  # an estimate that fails leaves the item to the clock
    assert [source(r) for r in results] == [source(i) for i in items]
    alone = [result for _, result in run(MISBEHAVE, [raw("sleep-0.1")], where, estimate=estimate)]
    assert isinstance(alone[0], dict)  # no budget, no estimate: nothing is over a budget that is not there


# --- batches: stages with a `pipe` method (spaCy's) get several documents at once -----------

class Batched(Stage):
    """Marks each document with the size of the batch it went through; `pipe` fails when a
    document of the batch is called `spoil`, `process` only for that document."""

    name = "batched"
    requires = ("raw",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        if "spoil" in doc.source:
            raise ValueError("cannot read this one")
        doc.layers["batch"] = 1
        return doc

    def pipe(self, docs):
        docs = list(docs)
        if any("spoil" in doc.source for doc in docs):
            raise ValueError("one document spoilt the batch")
        for doc in docs:
            doc.layers["batch"] = len(docs)
        return docs


def batch_row(doc: ArticleDoc) -> dict:
    return {"source": doc.source, "batch": doc.layers["batch"], "pid": os.getpid()}


BATCHED = Pipeline([Misbehave(), Batched()])


def test_a_batch_gives_what_one_at_a_time_gives_with_the_batched_stage_seeing_the_batch():
    items = [raw(f"a{n}") for n in range(3)] + [Rejection("in/unreadable.bin", "binary file")] + \
        [raw(f"b{n}") for n in range(6)]
    alone = [result for _, result in run(BATCHED, items, batch_row)]
    together = [result for _, result in run(BATCHED, items, batch_row, batch=4)]
    assert [source(r) for r in together] == [source(r) for r in alone] == [source(i) for i in items]
    assert together[3] == alone[3] == Rejection("in/unreadable.bin", "binary file")
    assert [r["batch"] for r in alone if isinstance(r, dict)] == [1] * 9
    assert [r["batch"] for r in together if isinstance(r, dict)] == [3, 3, 3, 4, 4, 4, 4, 2, 2]


def test_a_document_that_spoils_its_batch_is_rejected_alone_with_the_reason_it_would_get_alone():
    items = [raw("a"), raw("spoil"), raw("b"), raw("c")]
    alone = [result for _, result in run(BATCHED, items, batch_row)]
    together = [result for _, result in run(BATCHED, items, batch_row, batch=4)]
    assert together[1] == alone[1] == Rejection(
        "in/spoil.txt", "internal error (ValueError: cannot read this one); please report it")
    assert [r["source"] for i, r in enumerate(together) if i != 1] == ["in/a.txt", "in/b.txt", "in/c.txt"]


def test_workers_take_whole_batches_and_keep_the_order():
    items = [raw(f"n{n}") for n in range(20)]
    results = [result for _, result in run(BATCHED, items, batch_row, workers=2, batch=5)]
    assert [r["source"] for r in results] == [item.source for item in items]
    assert all(r["batch"] == 5 for r in results)
    assert os.getpid() not in {r["pid"] for r in results}


def test_a_worker_that_dies_during_a_batch_costs_only_its_item():
    items = [raw("a"), raw("b"), raw("die"), raw("c"), raw("d"), raw("e")]
    results = [result for _, result in run(BATCHED, items, batch_row, workers=2, batch=3)]
    assert results[2] == Rejection("in/die.txt", "the worker processing it died (killed by signal 9): skipped")
    assert [r["source"] for i, r in enumerate(results) if i != 2] == ["in/a.txt", "in/b.txt", "in/c.txt",
                                                                      "in/d.txt", "in/e.txt"]


def test_with_a_budget_items_go_one_at_a_time_whatever_the_batch():
    results = [result for _, result in run(BATCHED, [raw("a"), raw("b")], batch_row, budget=30, batch=8)]
    assert [r["batch"] for r in results] == [1, 1]


def test_a_worker_whose_parent_is_gone_exits_quietly():
    """Regression: a worker answering a parent that was killed died with a BrokenPipeError
    traceback on the terminal."""
    import pickle
    from multiprocessing import Pipe

    import fuentes.runners as runners

    parent, child = Pipe()
    parent.send(("job", 7, pickle.dumps(("pipeline", "to_row", "make_doc"))))
    parent.close()
    try:
        assert runners._serve(child, None) is None  # no BrokenPipeError
    finally:
        runners._worker = None


def frozen(doc: ArticleDoc) -> dict:
    """A row saying how many objects the process has moved out of the garbage collector's sight."""
    import gc

    return {"source": doc.source, "pid": os.getpid(), "frozen": gc.get_freeze_count()}


def test_after_its_first_item_a_worker_keeps_what_it_loaded_out_of_the_collectors_sight():
    # Speed: the collector's full passes walked every model object at every item (4-5 % of the stages' time).
    rows = [row for _, row in run(MISBEHAVE, [raw("load-0"), raw("b"), raw("c")], frozen, budget=30)]
    assert len({row["pid"] for row in rows}) == 1
    assert rows[-1]["frozen"] > 0
