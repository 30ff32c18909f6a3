"""WARC archives written with warcio: what is read, what is skipped, damage, streaming."""

from __future__ import annotations

import gzip
import io
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from fuentes.ingest.files import read_path
from fuentes.ingest.limits import MB, ReadOptions, ReadStats
from fuentes.ingest.raw import RawDocument
from fuentes.ingest.warc import iter_warc
from fuentes.model import Rejection

OPTS = ReadOptions(per_host_delay=0)
DATE = "2024-03-05T10:00:00Z"


def html(n: int) -> bytes:
    words = b"the court heard testimony. " * 40
    return f"<html><body><p>Story {n}: ".encode() + words + b"</p></body></html>"


class Archive:
    """A WARC being written in memory; `ends` holds the byte offset after each record."""

    def __init__(self, gz: bool):
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gz)
        self.ends: list[int] = []

    def response(self, url: str, body: bytes, ctype: str = "text/html; charset=utf-8",
                 status: str = "200 OK", extra: list[tuple[str, str]] | None = None) -> None:
        fields = [("Content-Type", ctype), *(extra or [])]
        headers = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
        self._write(url, "response", body, http_headers=headers)

    def other(self, url: str, kind: str, body: bytes, ctype: str = "") -> None:
        self._write(url, kind, body, warc_content_type=ctype)

    def _write(self, url: str, kind: str, body: bytes, **kw) -> None:
        record = self.writer.create_warc_record(
            url, kind, payload=io.BytesIO(body), warc_headers_dict={"WARC-Date": DATE}, **kw
        )
        self.writer.write_record(record)
        self.ends.append(self.buffer.tell())

    def save(self, path: Path, cut: int | None = None) -> Path:
        path.write_bytes(self.buffer.getvalue()[:cut])
        return path


def mixed_archive(gz: bool) -> Archive:
    arc = Archive(gz)
    arc.other("", "warcinfo", b"software: test\r\n", "application/warc-fields")
    arc.other("https://news.example/1", "request", b"GET /1 HTTP/1.1\r\nHost: news.example\r\n\r\n",
              "application/http; msgtype=request")
    arc.response("https://news.example/1", html(1))
    arc.response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    arc.response("https://news.example/gone", html(0), status="404 Not Found")
    latin = "<p>Niño</p>".encode("latin-1")
    arc.response("https://news.example/2", latin, "text/html; charset=ISO-8859-1")
    arc.other("https://news.example/notes", "resource", b"Plain notes.", "text/plain")
    arc.other("https://news.example/1", "metadata", b"outlinks: none\r\n", "application/warc-fields")
    body = gzip.compress(html(3))
    chunked = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    arc.response("https://news.example/3", chunked,
                 extra=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")])
    return arc


@pytest.mark.parametrize("gz", [True, False])
def test_reads_html_and_text_records_skips_the_rest(tmp_path: Path, gz: bool) -> None:
    path = mixed_archive(gz).save(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"))
    stats = ReadStats()
    docs = list(iter_warc(path, OPTS, stats))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.source for d in docs] == [
        f"{path}#record 3 https://news.example/1",
        f"{path}#record 6 https://news.example/2",
        f"{path}#record 7 https://news.example/notes",
        f"{path}#record 9 https://news.example/3",
    ]
    first, latin, notes, encoded = docs
    assert first.data == html(1) and first.format == "html" and first.charset == "utf-8"
    assert first.hints == {"url": "https://news.example/1", "saved_at": DATE, "warc_date": DATE}
    assert latin.charset == "ISO-8859-1" and latin.data == "<p>Niño</p>".encode("latin-1")
    assert notes.format == "text" and notes.data == b"Plain notes."
    assert encoded.data == html(3)  # de-chunked and gunzipped
    assert stats.skipped == {
        "warcinfo": 1,
        "request": 1,
        "metadata": 1,
        "response image/png": 1,
        "response HTTP 404": 1,
    }


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_archive_keeps_records_before_the_damage(tmp_path: Path, gz: bool) -> None:
    arc = Archive(gz)
    for n in range(1, 7):
        arc.response(f"https://news.example/{n}", html(n))
    middle_of_fourth = (arc.ends[2] + arc.ends[3]) // 2
    path = arc.save(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), cut=middle_of_fourth)
    items = list(read_path(path, OPTS))
    assert [i.hints["url"] for i in items[:-1]] == [f"https://news.example/{n}" for n in (1, 2, 3)]
    last = items[-1]
    assert isinstance(last, Rejection) and last.source == str(path)
    assert last.reason.startswith("truncated gzip/WARC after record 3: ")
    assert "\n" not in last.reason


def test_every_cut_point_is_noticed(tmp_path: Path) -> None:
    arc = Archive(gz=True)
    for n in range(1, 4):
        arc.response(f"https://news.example/{n}", html(n))
    data = arc.buffer.getvalue()
    path = tmp_path / "x.warc.gz"
    for cut in range(1, len(data), 7):
        path.write_bytes(data[:cut])
        items = list(read_path(path, OPTS))
        rejections = [i for i in items if isinstance(i, Rejection)]
        # a cut exactly between two gzip members is a shorter archive, not a damaged one
        assert len(rejections) == (0 if cut in arc.ends else 1), cut
        assert len(items) - len(rejections) >= sum(end <= cut for end in arc.ends), cut


def test_oversize_record_is_refused_and_reading_goes_on(tmp_path: Path) -> None:
    arc = Archive(gz=False)
    arc.response("https://news.example/huge", b"<p>" + b"x" * (2 * MB) + b"</p>")
    arc.response("https://news.example/next", html(2))
    path = arc.save(tmp_path / "big.warc")
    huge, following = read_path(path, ReadOptions(max_bytes=1 * MB))
    assert huge.source == f"{path}#record 1 https://news.example/huge"
    assert huge.reason.startswith("too large: 2.0 MB > limit 1.0 MB")
    assert following.hints["url"] == "https://news.example/next"


def test_large_skipped_record_is_streamed_not_held(tmp_path: Path) -> None:
    arc = Archive(gz=False)
    arc.response("https://news.example/video.mp4", b"\x00" * (12 * MB), "video/mp4")
    arc.response("https://news.example/after", html(1))
    path = arc.save(tmp_path / "video.warc")
    del arc
    tracemalloc.start()
    try:
        items = list(read_path(path, OPTS))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [i.hints["url"] for i in items] == ["https://news.example/after"]
    assert peak < 4 * MB


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not an archive\n")
    (got,) = read_path(path, OPTS)
    assert got.source == str(path)
    assert got.reason.startswith("not a WARC/ARC archive")


def test_response_without_content_type_is_sniffed(tmp_path: Path) -> None:
    arc = Archive(gz=True)
    for url, body in [("https://news.example/page", b"<!DOCTYPE html><html><body>x</body></html>"),
                      ("https://news.example/blob", b"\x00\x01binary")]:
        headers = StatusAndHeaders("200 OK", [("Server", "test")], protocol="HTTP/1.1")
        arc._write(url, "response", body, http_headers=headers)
    stats = ReadStats()
    (page,) = iter_warc(arc.save(tmp_path / "untyped.warc.gz"), OPTS, stats)
    assert page.format == "html" and page.hints["url"] == "https://news.example/page"
    assert stats.skipped == {"response without content type": 1}


@pytest.mark.parametrize("gz", [True, False])
def test_old_arc_format(tmp_path: Path, gz: bool) -> None:
    listing = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    filedesc = b"filedesc://t.arc 0.0.0.0 20240305100000 text/plain %d\n" % len(listing) + listing
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>old page</body></html>"
    record = b"http://old.example/a 1.2.3.4 20240305100000 text/html %d\n" % len(http) + http
    parts = [filedesc + b"\n", record + b"\n"]
    path = tmp_path / ("t.arc.gz" if gz else "t.arc")
    path.write_bytes(b"".join(gzip.compress(p) for p in parts) if gz else b"".join(parts))
    (doc,) = read_path(path, OPTS)
    assert doc.source == f"{path}#record 2 http://old.example/a"
    assert doc.hints == {"url": "http://old.example/a", "saved_at": DATE, "warc_date": DATE}
    assert doc.data == b"<html><body>old page</body></html>"


def _ingested(raw: RawDocument) -> dict:
    from fuentes.ingest.job import article_row, ingest_pipeline
    from fuentes.runners import doc_from_raw

    return article_row(ingest_pipeline()(doc_from_raw(raw)))


def test_publication_time_falls_back_to_last_modified_then_warc_date(tmp_path: Path) -> None:
    arc = Archive(gz=False)
    arc.response("https://news.example/lm", html(1), extra=[("Last-Modified", "Mon, 04 Mar 2024 18:30:00 GMT")])
    arc.response("https://news.example/bare", html(2))
    dated = (b'<html><head><meta property="article:published_time" content="2024-03-04T09:00-06:00"></head>'
             b"<body><p>Story 3: " + b"the court heard testimony. " * 40 + b"</p></body></html>")
    arc.response("https://news.example/dated", dated, extra=[("Last-Modified", "Mon, 04 Mar 2024 18:30:00 GMT")])
    modified, bare, page = (_ingested(raw) for raw in iter_warc(arc.save(tmp_path / "t.warc"), OPTS, ReadStats()))
    assert (modified["published"], modified["published_precision"], modified["published_source"]) == (
        "2024-03-04T18:30:00+00:00", "second", "http last-modified (fallback)")
    assert (bare["published"], bare["published_source"]) == ("2024-03-05T10:00:00+00:00", "warc-date (fallback)")
    # the page's own time wins over any fallback
    assert (page["published"], page["published_source"]) == ("2024-03-04T09:00-06:00", "meta article:published_time")


def test_relative_time_in_a_crawled_page_against_the_warc_date(tmp_path: Path) -> None:
    arc = Archive(gz=False)
    arc.other("https://news.example/notes", "resource",
              b"Port seizure shakes the coast\n3 hours ago\n\n" + b"The court heard testimony. " * 20, "text/plain")
    (row,) = (_ingested(raw) for raw in iter_warc(arc.save(tmp_path / "r.warc"), OPTS, ReadStats()))
    assert (row["published"], row["published_precision"], row["published_source"]) == (
        "2024-03-05T07+00:00", "hour", "text '3 hours ago'")
