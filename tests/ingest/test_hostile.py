"""Nothing lost, nothing hangs: hostile inputs each become one Rejection with the true reason,
and every other input of the run is still stored. The hostile bytes are made by the tests."""

from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fuentes.cli import app
from fuentes.errors import StoreError
from fuentes.ingest.fetch import Fetcher
from fuentes.ingest.files import read_path
from fuentes.ingest.job import ingest_items
from fuentes.ingest.jsonl import iter_jsonl
from fuentes.ingest.limits import MB, ReadOptions
from fuentes.ingest.sources import iter_inputs, read_url
from fuentes.model import Rejection
from fuentes.store.articles import count_articles, list_articles, list_rejections

OPTS = ReadOptions(per_host_delay=0, timeout=2)
GOOD = [
    {"text": "Police arrested two men in the port of Veracruz on Monday night after a long raid.",
     "title": "Two held in Veracruz"},
    {"text": "Soldiers found a tunnel under the border near Tijuana, the defence ministry said.",
     "title": "Tunnel found"},
]
HOSTILE = {
    "brackets": "[" * 100_000,
    "digits": '{"text": "Police said the count was ", "n": ' + "7" * 5_000 + "}",
    "objects": '{"a":' * 50_000 + "1" + "}" * 50_000,
}


def hostile_jsonl() -> bytes:
    lines = [json.dumps(GOOD[0]), HOSTILE["brackets"], HOSTILE["digits"], HOSTILE["objects"], json.dumps(GOOD[1])]
    return ("\n".join(lines) + "\n").encode()


# -- item 1: a bad JSON line is one rejection; the batch and the lines after it are kept ----------

def test_hostile_json_lines_are_each_one_rejection_naming_line_and_problem() -> None:
    items = list(iter_jsonl(io.BytesIO(hostile_jsonl()), "feed.jsonl", OPTS))
    assert len(items) == 5
    reasons = {item.source: item.reason for item in items if isinstance(item, Rejection)}
    assert reasons == {
        "feed.jsonl#line 2": "bad JSON: nested too deeply to read",
        "feed.jsonl#line 3": "bad JSON: number too long (5000 digits)",
        "feed.jsonl#line 4": "bad JSON: nested too deeply to read",
    }
    assert [item.data for item in items if not isinstance(item, Rejection)] == [g["text"] for g in GOOD]


def test_hostile_json_lines_do_not_stop_the_ingest(store, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(hostile_jsonl())
    (tmp_path / "after.txt").write_text("Prosecutors charged the former mayor with laundering money for the "
                                        "cartel, the court in Monterrey said on Friday.\n", encoding="utf-8")
    summary = ingest_items(iter_inputs([str(path), str(tmp_path / "after.txt")], OPTS), store, batch_size=200)
    assert (summary.stored, summary.rejected) == (3, 3)
    assert count_articles(store) == 3
    stored = {r.source: r.reason for r in list_rejections(store)}
    assert stored[f"{path}#line 3"] == "bad JSON: number too long (5000 digits)"


def test_hostile_json_line_uploaded_through_the_web_leaves_the_job_done(store) -> None:
    from fuentes.web.jobs import JobBoard, upload_items

    board = JobBoard(store)
    job = board.start("upload", lambda: upload_items("feed.jsonl", hostile_jsonl(), OPTS))
    deadline = time.monotonic() + 60
    while job.state in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job.state == "done", job.messages
    assert (job.stored, job.rejected) == (2, 3)
    assert any("upload:feed.jsonl#line 2: bad JSON: nested too deeply" in m for m in job.messages)


def _documents(count: int):
    from fuentes.ingest.raw import RawDocument

    return [RawDocument(source=f"doc{n}.txt", format="text",
                        data=f"Report {n}: police arrested two men in the port of Veracruz on Monday night.")
            for n in range(count)]


def test_a_crash_midway_keeps_what_was_processed(store) -> None:
    def items():
        yield from _documents(2)
        raise RuntimeError("reader died")

    seen = []
    with pytest.raises(RuntimeError, match="reader died"):
        ingest_items(items(), store, on_result=lambda size, result: seen.append(result), budget=None,
                     memory_mb=None)
    assert len(seen) == 2 and count_articles(store) == 2  # the unflushed batch was written


def test_a_failed_web_job_still_counts_what_it_stored(store, monkeypatch) -> None:
    import fuentes.ingest.job as job_module
    from fuentes.web.jobs import JobBoard

    real = job_module.save_batch

    def store_goes_away(store, rows, failed=()):
        if any(int(row["source"][3:-4]) >= 50 for row in rows):  # the second batch of the job
            raise ConnectionError("server closed the connection")
        return real(store, rows, failed)

    monkeypatch.setattr(job_module, "save_batch", store_goes_away)
    job = JobBoard(store).start("upload", lambda: iter(_documents(60)))
    deadline = time.monotonic() + 120
    while job.state in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job.state == "failed"
    assert job.messages[-1] == ("ingest failed: cannot write a batch of articles to the store: "
                                "server closed the connection")
    assert job.stored == 50 and count_articles(store) == 50


def test_an_article_the_store_refuses_does_not_take_its_batch_with_it(store, monkeypatch) -> None:
    import fuentes.ingest.job as job_module
    from fuentes.ingest.raw import RawDocument

    real = job_module.save_batch

    def picky(store, rows, failed=()):
        if any("POISON" in row["text"] for row in rows):
            raise ValueError("value refused by the database")
        return real(store, rows, failed)

    monkeypatch.setattr(job_module, "save_batch", picky)
    texts = [GOOD[0]["text"], "The POISON article names the cartel leader and the mayor of the port.", GOOD[1]["text"]]
    items = [RawDocument(source=f"doc{n}.txt", data=text, format="text") for n, text in enumerate(texts)]
    summary = ingest_items(items, store)
    assert (summary.stored, summary.rejected) == (2, 1)
    assert summary.rejections == [Rejection("doc1.txt", "the store refused it: value refused by the database")]
    assert count_articles(store) == 2
    assert [r.source for r in list_rejections(store)] == ["doc1.txt"]


def test_ingest_exit_status_rejected_is_1_internal_crash_is_3(store_url, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(hostile_jsonl())
    runner = CliRunner()
    rejected = runner.invoke(app, ["ingest", str(path), "--db", store_url, "--workers", "1"])
    assert rejected.exit_code == 1, rejected.output
    assert rejected.exception is None or isinstance(rejected.exception, SystemExit)

    def crash(*args, **kwargs):
        raise RuntimeError("boom\n\x1b[2Jforged line")

    monkeypatch.setattr("fuentes.ingest.job.ingest_items", crash)
    crashed = runner.invoke(app, ["ingest", str(path), "--db", store_url, "--workers", "1"])
    assert crashed.exit_code == 3
    lines = [line for line in crashed.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("internal error: RuntimeError: boom\\n\\x1b[2Jforged line")

    def store_down(*args, **kwargs):
        raise StoreError("cannot write a batch of articles to the store: connection refused")

    monkeypatch.setattr("fuentes.ingest.job.ingest_items", store_down)
    refused = runner.invoke(app, ["ingest", str(path), "--db", store_url, "--workers", "1"])
    assert refused.exit_code == 2
    assert refused.output.strip() == "error: cannot write a batch of articles to the store: connection refused"


def test_unexpected_reader_failure_rejects_that_input_and_reads_the_next(tmp_path: Path, monkeypatch) -> None:
    import fuentes.ingest.sources as sources

    original = sources.iter_files

    def buggy(spec, options, stats=None):
        if spec.endswith("bad.txt"):
            raise ValueError("reader bug")
        return original(spec, options, stats)

    monkeypatch.setattr(sources, "iter_files", buggy)
    (tmp_path / "bad.txt").write_text("x")
    (tmp_path / "good.txt").write_text("Police arrested two men in the port on Monday night.")
    bad, good = iter_inputs([str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")], OPTS)
    assert bad == Rejection(str(tmp_path / "bad.txt"),
                            "internal error while reading (ValueError: reader bug); please report it")
    assert good.source == str(tmp_path / "good.txt")


# -- item 2: NUL and other C0 controls are stripped from text and metadata, on both back ends -----

def test_nul_and_control_characters_never_reach_the_store(store, tmp_path: Path) -> None:
    lines = [
        {"text": "Police arrested two men\u0000 in the port of Veracruz on Monday night after a raid.",
         "title": "Two\u0000 held", "outlet": "Gaceta\u0000 del Puerto", "url": "https://example.org/a\u0000"},
        {"text": "Second article about the cartel leader\u0001\u0007 in Sinaloa state, officials said today.",
         "byline": "Ana\u0000 Ruiz", "published": "2024-03-05\u0000"},
        {"html": "<html><head><title>Tunnel\u0000 found</title></head><body><article><p>Soldiers found a tunnel "
                 "under the border near Tijuana\u0000, the defence ministry said on Tuesday.</p></article>"
                 "</body></html>"},
    ]
    path = tmp_path / "nul.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_bytes(b"Customs officers\x1b[2J seized\x01 two tonnes of cocaine hidden in bananas\x0b on Tuesday.\n")
    summary = ingest_items(iter_inputs([str(path), str(page)], OPTS), store)
    assert (summary.stored, summary.rejected) == (4, 0), summary.rejections
    articles = list_articles(store)
    assert len(articles) == 4
    for article in articles:
        for field in ("text", "title", "outlet", "byline", "url", "published", "source"):
            value = getattr(article, field) or ""
            assert not any(ord(ch) < 0x20 and ch not in "\t\n\r" for ch in value), (field, value)
    by_title = {a.title: a for a in articles}
    assert by_title["Two held"].outlet == "Gaceta del Puerto"
    assert "two men in the port" in by_title["Two held"].text


# -- item 4: WARC header lines and blocks are bounded ------------------------------------------

def _record(url: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


PAGE = b"<html><body><p>" + b"The court heard testimony from the witness. " * 20 + b"</p></body></html>"


@pytest.mark.parametrize("gz", [False, True])
def test_warc_header_line_without_newline_is_refused_quickly(tmp_path: Path, gz: bool) -> None:
    data = _record("https://news.example/1", PAGE) + b"WARC/1.0\r\n" + b"A" * (8 * MB)
    path = tmp_path / ("run.warc.gz" if gz else "run.warc")
    path.write_bytes(gzip.compress(data, 1) if gz else data)
    started = time.monotonic()
    items = list(read_path(path, OPTS))
    assert time.monotonic() - started < 10  # about 0.01 s; unbounded it took minutes
    assert items[0].hints["url"] == "https://news.example/1"
    assert isinstance(items[1], Rejection) and len(items) == 2
    assert items[1].reason.startswith("damaged WARC after record 1: a header line runs past 64 KiB")


def test_warc_gzip_bomb_in_a_header_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    with gzip.open(path, "wb", compresslevel=6) as handle:
        handle.write(b"WARC/1.0\r\n")
        chunk = b"\0" * MB
        for _ in range(64):  # 64 MB of one header line, about 64 KB on disk
            handle.write(chunk)
    started = time.monotonic()
    (item,) = read_path(path, OPTS)
    assert time.monotonic() - started < 10
    assert "a header line runs past 64 KiB" in item.reason


def test_warc_header_block_without_end_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "block.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"X-Filler: abcdefgh\r\n" * 100_000)
    (item,) = read_path(path, OPTS)
    assert item.reason == ("damaged WARC after record 0: a header block runs past 1024 KiB "
                           "(record 1 and the rest of the file not read)")


def test_long_but_bounded_warc_headers_still_read(tmp_path: Path) -> None:
    url = "https://news.example/" + "q" * 40_000  # a 40 KB URL spans several reads
    path = tmp_path / "long.warc"
    path.write_bytes(_record(url, PAGE) + _record("https://news.example/2", PAGE))
    first, second = read_path(path, OPTS)
    assert first.hints["url"] == url and second.hints["url"] == "https://news.example/2"


# -- item 12: the true reason for HTML that is too deep or too long, and for a feed with a DTD ---

def test_html_nested_too_deep_says_so(store, tmp_path: Path) -> None:
    text = "Police arrested the mayor of the port city on Monday after a long investigation. " * 3
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{text}</p>" + "</div>" * 100_000 + "</body></html>")
    long = tmp_path / "long.html"
    long.write_text("<html><head><title>Long</title></head><body><article><p>"
                    + text * (15 * MB // len(text)) + "</p></article></body></html>")
    normal = tmp_path / "normal.html"
    normal.write_text(f"<html><body>{'<div>' * 50}<p>{text}</p>{'</div>' * 50}</body></html>")
    summary = ingest_items(iter_inputs([str(deep), str(long), str(normal)], ReadOptions(max_bytes=16 * MB)), store)
    reasons = {r.source: r.reason for r in summary.rejections}
    assert reasons[str(deep)] == "HTML nested 100002 levels deep: not read (the HTML parser stops at 255 levels)"
    assert reasons[str(long)].startswith("paragraph of 15.0 MB: not read (the HTML parser stops at 10,000,000 bytes")
    assert summary.stored == 1


def test_feed_with_internal_dtd_is_refused_for_safety(site) -> None:
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
              ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
              '<rss version="2.0"><channel><title>&lol2;</title><item><title>x</title>'
              '<link>http://127.0.0.1:1/x</link></item></channel></rss>').encode()
    public = (b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
              b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel>'
              b'<title>Old</title></channel></rss>')
    site.routes.update({"/hostile/dtd.xml": (200, {"Content-Type": "application/xml"}, laughs),
                        "/hostile/dtd-rss.xml": (200, {"Content-Type": "application/rss+xml"}, laughs),
                        "/hostile/public.xml": (200, {"Content-Type": "application/rss+xml"}, public)})
    with Fetcher(OPTS) as fetcher:
        for path in ("/hostile/dtd.xml", "/hostile/dtd-rss.xml"):
            (got,) = read_url(site.url(path), fetcher)
            assert got.reason == "feed declares a DTD (<!DOCTYPE rss [...]> with its own entities): refused for safety"
        (old,) = read_url(site.url("/hostile/public.xml"), fetcher)
        assert old.reason == "feed has no entries"  # a public DTD without a subset is read as usual
