"""iter_inputs: files, folders, archives, pages and feeds in one stream, in the order given."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from fuentes.ingest.limits import ReadOptions, ReadStats
from fuentes.ingest.raw import RawDocument
from fuentes.ingest.sources import iter_inputs
from fuentes.model import Rejection


def small_warc(path: Path) -> Path:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        pairs = [("https://a.example/story", "text/html"), ("https://a.example/x.css", "text/css")]
        for url, ctype in pairs:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(b"<p>story</p>"), http_headers=headers
            )
            writer.write_record(record)
    return path


def test_defaults() -> None:
    options = ReadOptions()
    assert options.max_bytes == 16 * 1024 * 1024
    assert options.timeout == 10 and options.per_host_delay == 1.0 and options.retries == 1
    assert options.respect_robots and options.saved_at is None
    assert options.user_agent == "fuentes/0.1.0 (+https://github.com/fuentes-news/fuentes)"


def test_mixed_inputs_in_order(tmp_path: Path, site) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("An article.")
    (folder / "b.pdf").write_bytes(b"%PDF-1.5\n")
    lines = tmp_path / "batch.jsonl"
    lines.write_text(json.dumps({"text": "From a line."}) + "\n{oops\n")
    archive = small_warc(tmp_path / "crawl.warc.gz")
    missing = str(tmp_path / "missing.html")
    stats = ReadStats()
    options = ReadOptions(per_host_delay=0, timeout=2, saved_at="2024-01-01T00:00:00Z")
    urls = [site.url("/news/one.html"), site.url("/rss.xml")]
    specs = [str(folder), str(lines), str(archive), missing, *urls]
    items = list(iter_inputs(specs, options, stats))
    summary = [(type(i).__name__, i.source) for i in items]
    assert summary == [
        ("RawDocument", str(folder / "a.txt")),
        ("Rejection", str(folder / "b.pdf")),
        ("RawDocument", f"{lines}#line 1"),
        ("Rejection", f"{lines}#line 2"),
        ("RawDocument", f"{archive}#record 1 https://a.example/story"),
        ("Rejection", missing),
        ("RawDocument", site.url("/news/one.html")),
        ("RawDocument", site.url("/news/one.html")),  # feed entry 1
        ("RawDocument", f"{site.url('/rss.xml')}#entry 2 {site.url('/news/two.html')}"),
        ("Rejection", site.url("/news/gone.html")),
    ]
    assert items[0].hints == {"saved_at": "2024-01-01T00:00:00Z"}
    assert items[6].hints["saved_at"] != "2024-01-01T00:00:00Z"  # fetched: the fetch time
    assert stats.skipped == {"response text/css": 1}
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert all(r.reason and "\n" not in r.reason for r in rejections)


def test_url_failures_do_not_stop_the_batch(tmp_path: Path, site) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body>kept</body></html>")
    specs = [site.url("/image.png"), "https://", str(page)]
    items = list(iter_inputs(specs, ReadOptions(per_host_delay=0)))
    assert [type(i) for i in items] == [Rejection, Rejection, RawDocument]
    assert items[0].reason == "not a web page or feed: content type image/png"
