"""The ingest's per-document budget: a page that would stall the batch is rejected with the
reason (up front when the cleaner's cost estimate says so), every other page is stored, a large
page that cleans in reasonable time is kept, and a re-run stores nothing twice.

The hostile pages are generated here, at sizes and budgets small enough to keep the tests fast:
the up-front rejection never cleans the page, so no test waits for trafilatura on it."""

from __future__ import annotations

import time

import pytest

from fuentes.clean.html import cleaning_cost
from fuentes.ingest.job import cleaning_estimate, ingest_items
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection
from fuentes.runners import MB, Budget, estimate_reason
from fuentes.store.articles import count_articles, list_articles, list_rejections

EN = ("Police officers in the port city arrested {n} suspects on Monday after a long night operation, the "
      "state prosecutor said in a statement. Four vehicles and two rifles were seized at a warehouse near the "
      "docks, and the suspects will appear before a federal judge later this week.")
ES = ("Agentes de la policía estatal detuvieron a {n} sospechosos el lunes en el puerto tras un operativo "
      "nocturno, informó la fiscalía en un comunicado. Se aseguraron cuatro vehículos y dos rifles en una "
      "bodega cerca de los muelles, y los detenidos comparecerán ante un juez federal esta semana.")


def article_page(n: int, text: str, paragraphs: int = 4) -> bytes:
    body = "".join(f"<p>{text.format(n=n + k)}</p>" for k in range(paragraphs))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report {n}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Report {n}</h1>{body}"
            f"</article><footer>Copyright 2026</footer></body></html>").encode()


def paragraph_heavy(blocks: int) -> bytes:
    """The shape the cleaner is slowest on: many short paragraphs (the issue's 15 MB page is 360,000)."""
    lines = "".join(f"<p>Item {k} of the list.</p>\n" for k in range(blocks))
    return f"<!DOCTYPE html><html><head><title>All of it</title></head><body>{lines}</body></html>".encode()


def html(name: str, data: bytes) -> RawDocument:
    return RawDocument(source=f"in/{name}.html", data=data, format="html")


def batch() -> list[RawDocument]:
    return ([html(f"en{n}", article_page(10 * n, EN)) for n in range(3)] + [html("big", paragraph_heavy(100_000))]
            + [html(f"es{n}", article_page(10 * n, ES)) for n in range(3)])


# --- the budget and the estimate -------------------------------------------------------------

def test_a_scaled_budget_is_a_floor_plus_an_allowance_per_mb_up_to_the_ceiling():
    budget = Budget.scaled(60)
    assert budget.seconds(20_000) == 30.2  # to a tenth of a second
    assert budget.seconds(3_000) == 30
    assert budget.seconds(2 * MB) == 50
    assert budget.seconds(16 * MB) == 60
    assert Budget.scaled(4).seconds(0) == Budget.scaled(4).seconds(8 * MB) == 4  # the floor never passes the ceiling
    assert Budget.flat(2).seconds(100 * MB) == 2


def test_the_estimate_grows_with_the_square_of_the_elements_and_leaves_void_elements_out():
    small, _ = cleaning_cost(paragraph_heavy(10_000))
    large, basis = cleaning_cost(paragraph_heavy(40_000))
    assert basis == "40,004 HTML elements in 1.2 MB"  # the paragraphs and <html>, <head>, <title>, <body>
    assert large > 8 * small  # 4 times the elements and bytes: more than 8 times the cost
    lines = b"<html><body>" + b"a line of text<br>\n" * 40_000 + b"</body></html>"
    assert cleaning_cost(lines)[1].startswith("2 HTML elements")
    assert cleaning_cost(lines)[0] < 1
    assert cleaning_cost(paragraph_heavy(500).decode()) == cleaning_cost(paragraph_heavy(500))  # str or bytes
    assert cleaning_cost("<P>x</p><BR/><Img src=x><colgroup><Wbr><hr>")[1].startswith("2 HTML elements")


def test_the_estimate_reads_a_page_of_nothing_but_tags_quickly():
    started = time.monotonic()
    assert cleaning_cost(b"<a" * (2 * MB))[1] == "2,097,152 HTML elements in 4.0 MB"
    assert cleaning_cost(b"<" * (4 * MB))[1] == "0 HTML elements in 4.0 MB"
    assert cleaning_cost(b"<br>" * MB)[1] == "0 HTML elements in 4.0 MB"
    assert time.monotonic() - started < 5  # about 0.5 s: it runs in the ingest's main process


def test_only_html_inputs_get_the_cleaners_estimate():
    assert cleaning_estimate(html("a", article_page(1, EN)))[0] < 0.1
    assert cleaning_estimate(RawDocument("in/a.txt", "<p>" * 100_000, format="text")) is None
    assert cleaning_estimate(Rejection("in/a.bin", "binary file")) is None


# --- through the ingest and the store ---------------------------------------------------------

def test_a_page_estimated_over_its_budget_is_one_rejection_with_the_reason_and_the_rest_is_stored(store):
    items = batch()
    estimate, basis = cleaning_cost(items[3].data)
    assert estimate > 10 and basis == "100,004 HTML elements in 2.9 MB"
    summary = ingest_items(items, store, budget=Budget.scaled(5), workers=2)
    assert (summary.stored, summary.rejected) == (6, 1)
    reason = estimate_reason(estimate, basis, 5)
    assert reason.startswith("would take about ") and reason.endswith(f" ({basis}), over its budget of 5 s: skipped")
    assert list_rejections(store) == [Rejection("in/big.html", reason)]
    assert sorted(a.source for a in list_articles(store)) == sorted(i.source for i in items if i.source != "in/big.html")
    # a re-run: the same page rejected again for the same reason, nothing stored twice
    again = ingest_items(batch(), store, budget=Budget.scaled(5), workers=2)
    assert (again.stored, again.duplicates, again.rejected) == (0, 6, 1)
    assert count_articles(store) == 6
    assert list_rejections(store) == [Rejection("in/big.html", reason)]


def test_the_up_front_rejection_does_not_wait_for_the_page():
    """With a budget the clock could only enforce after it ran out, the estimate answers at once."""
    from fuentes.ingest.job import article_row, ingest_pipeline
    from fuentes.runners import run

    items = [html("en0", article_page(0, EN)), html("big", paragraph_heavy(200_000))]
    list(run(ingest_pipeline(), items[:1], article_row, budget=60))  # a warm worker: models loaded
    started = time.monotonic()
    results = [r for _, r in run(ingest_pipeline(), items, article_row, budget=Budget.scaled(60),
                                 estimate=cleaning_estimate)]
    elapsed = time.monotonic() - started
    assert isinstance(results[0], dict)
    assert results[1] == Rejection("in/big.html", estimate_reason(*cleaning_cost(items[1].data), 60))
    assert elapsed < 20, "the big page was given to a worker"


@pytest.mark.parametrize("text", [EN, ES], ids=["en", "es"])
def test_a_large_page_that_cleans_in_reasonable_time_is_kept(store, text):
    long_read = article_page(0, text, paragraphs=1_800)  # a 0.5 MB long read: far beyond any real article
    assert len(long_read) > 500_000
    estimate, _ = cleaning_cost(long_read)
    assert estimate < 1 and Budget.scaled(60).seconds(len(long_read)) > 30
    summary = ingest_items([html("long", long_read), html("short", article_page(0, text))], store, workers=2)
    assert (summary.stored, summary.rejected) == (2, 0), summary.rejections
    assert max(len(a.text) for a in list_articles(store)) > 400_000


def test_without_a_budget_nothing_is_rejected_up_front(store):
    summary = ingest_items([html("en0", article_page(0, EN)), html("dense", paragraph_heavy(3_000))], store,
                           budget=None, memory_mb=None)
    assert (summary.stored, summary.rejected) == (2, 0)


def test_the_command_line_prints_one_rejection_line_with_the_reason_and_documents_the_budget(tmp_path, store_url):
    from typer.testing import CliRunner

    from fuentes.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"en{n}.html").write_bytes(article_page(10 * n, EN))
        (folder / f"es{n}.html").write_bytes(article_page(10 * n, ES))
    (folder / "big.html").write_bytes(paragraph_heavy(100_000))
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--db", store_url, "--workers", "1", "--budget", "20",
                                 "--no-progress"])
    assert result.exit_code == 1, result.output  # 1: some input rejected
    lines = [line for line in result.output.splitlines() if line.startswith("rejected ")]
    estimate, basis = cleaning_cost((folder / "big.html").read_bytes())
    assert lines == [f"rejected {folder / 'big.html'}: {estimate_reason(estimate, basis, 20)}"]
    assert "stored 6, duplicates 0, rejected 1 (of 7 inputs)" in result.output
    again = runner.invoke(app, ["ingest", str(folder), "--db", store_url, "--workers", "1", "--budget", "20",
                                "--no-progress"])
    assert "stored 0, duplicates 6, rejected 1 (of 7 inputs)" in again.output
    helped = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"})
    assert "30 s plus 10 s per MB" in " ".join(helped.output.split())
