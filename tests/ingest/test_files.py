"""Files and folders on disk: dispatch by name and bytes, one Rejection per bad file."""

from __future__ import annotations

import codecs
import gzip
import json
import os
from pathlib import Path

import pytest

from fuentes.errors import InputError
from fuentes.ingest.decode import decode
from fuentes.ingest.files import iter_files, iter_paths, kind_from_name, read_path
from fuentes.ingest.limits import MB, ReadOptions
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

OPTS = ReadOptions(per_host_delay=0)
HTML_PAGE = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello</p></body></html>"
SPANISH = "El operativo dejó tres detenidos, según la fiscalía de Michoacán.\n"


def read_one(path: Path, options: ReadOptions = OPTS) -> RawDocument | Rejection:
    items = list(read_path(path, options))
    assert len(items) == 1, items
    return items[0]


def test_kind_from_name() -> None:
    assert kind_from_name("a.TXT") == "text"
    assert kind_from_name("a.md") == "text"
    assert kind_from_name("a.xhtml") == "html"
    assert kind_from_name("a.ndjson") == "jsonl"
    assert kind_from_name("a.jsonl.gz") == "jsonl.gz"
    assert kind_from_name("crawl.warc.gz") == "warc"
    assert kind_from_name("old.arc.gz") == "warc"
    assert kind_from_name("page.html.gz") == "gz"
    assert kind_from_name("README") is None


def test_folder_walk_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.txt").write_text("a")
    (tmp_path / "c.txt").write_text("c")
    (tmp_path / "a.html").write_bytes(HTML_PAGE)
    names = [p.relative_to(tmp_path).as_posix() for p in iter_paths([str(tmp_path)])]
    assert names == ["a.html", "c.txt", "b/a.txt", "b/z.txt"]


def test_iter_paths_skips_urls_and_missing(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("x")
    got = list(iter_paths([str(one), "https://example.org/a", str(tmp_path / "nope.txt")]))
    assert got == [one]


def test_text_html_and_sniffed_html(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Just words.\n")
    (tmp_path / "b.htm").write_bytes(HTML_PAGE)
    (tmp_path / "c.txt").write_bytes(b"\n  " + HTML_PAGE)  # an HTML page saved as .txt
    (tmp_path / "d.dat").write_bytes(HTML_PAGE)  # unknown extension: sniffed
    (tmp_path / "e").write_text("No extension, plain words.\n")
    docs = list(iter_files(str(tmp_path), OPTS))
    assert [(Path(d.source).name, d.format) for d in docs] == [
        ("a.txt", "text"),
        ("b.htm", "html"),
        ("c.txt", "html"),
        ("d.dat", "html"),
        ("e", "text"),
    ]


def test_binary_files_are_rejected_with_their_kind(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 100)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    got = {Path(r.source).name: r.reason for r in iter_files(str(tmp_path), OPTS)}
    assert got == {
        "blob.bin": "binary file (contains NUL bytes), not a web page or text",
        "photo.txt": "binary file (looks like PNG), not a web page or text",
        "report.pdf": "binary file (looks like PDF), not a web page or text",
    }


def test_empty_file_is_read_then_refused_by_decode(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = read_one(path)
    assert isinstance(doc, RawDocument)
    with pytest.raises(InputError, match="empty file"):
        decode(doc)


def test_latin1_cp1252_and_utf16_files_decode(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(SPANISH.encode("latin-1"))
    quote = "He said \u201cnever\u201d \u2014 twice.\n"
    (tmp_path / "cp1252.html").write_bytes(
        b'<html><head><meta charset="windows-1252"></head><body>'
        + quote.encode("cp1252")
        + b"</body></html>"
    )
    (tmp_path / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + SPANISH.encode("utf-16-le"))
    texts = {Path(d.source).name: decode(d) for d in iter_files(str(tmp_path), OPTS)}
    assert texts["latin1.txt"] == SPANISH
    assert quote in texts["cp1252.html"]
    assert texts["utf16.txt"] == SPANISH


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with open(path, "wb") as handle:
        handle.truncate(100 * MB)  # sparse: costs no disk and is never read
    got = read_one(path)
    assert got == Rejection(str(path), "too large: 100.0 MB > limit 16.0 MB (raise --max-bytes)")


def test_gzipped_page_and_its_limits(tmp_path: Path) -> None:
    good = tmp_path / "page.html.gz"
    good.write_bytes(gzip.compress(HTML_PAGE))
    doc = read_one(good)
    assert isinstance(doc, RawDocument) and doc.format == "html" and doc.data == HTML_PAGE

    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(SPANISH.encode() * 200)[:-30])
    rejected = read_one(cut)
    assert isinstance(rejected, Rejection) and rejected.reason.startswith("truncated gzip:")

    bomb = tmp_path / "big.txt.gz"
    bomb.write_bytes(gzip.compress(b"words " * 200_000))
    small = ReadOptions(max_bytes=64 * 1024)
    assert read_one(bomb, small).reason == "too large: more than the limit 0.1 MB (raise --max-bytes)"

    fake = tmp_path / "fake.txt.gz"
    fake.write_bytes(b"not gzip at all")
    assert read_one(fake).reason.startswith("not a valid gzip file")


def test_missing_paths_and_empty_folder(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert list(iter_files(missing, OPTS)) == [Rejection(missing, "no such file or folder")]
    hinted = list(iter_files("www.example.com/story", OPTS))[0]
    assert "give the whole URL with https://" in hinted.reason
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden").write_text("x")
    got = list(iter_files(str(tmp_path / "empty"), OPTS))
    assert got == [Rejection(str(tmp_path / "empty"), "no files in folder (hidden files are skipped)")]


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block forever
    assert read_one(fifo).reason == "not a regular file (device, pipe or socket)"


def test_saved_at_option_becomes_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("words")
    doc = read_one(path, ReadOptions(saved_at="2024-03-01T00:00:00Z"))
    assert doc.hints == {"saved_at": "2024-03-01T00:00:00Z"}
    assert read_one(path).hints == {}


def test_jsonl_without_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    lines = [json.dumps({"text": "first"}), json.dumps({"html": "<p>second</p>"})]
    path.write_text("\n".join(lines) + "\n")
    docs = list(read_path(path, OPTS))
    assert [d.source for d in docs] == [f"{path}#line 1", f"{path}#line 2"]


def test_mixed_folder_gives_one_line_per_bad_file(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"ok{i:02}.txt").write_text(f"article {i}")
    for i in range(5):
        (tmp_path / f"img{i}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(HTML_PAGE * 50)[:40])
    items = list(iter_files(str(tmp_path), OPTS))
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert len(items) == 36 and len(rejected) == 6
    assert len({r.source for r in rejected}) == 6
    assert all("\n" not in r.reason for r in rejected)


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    odd = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt")
    Path(odd).write_text("words")
    (doc,) = iter_files(str(tmp_path), OPTS)
    assert doc.source.endswith("caf\\xe9.txt")
    doc.source.encode("utf-8")  # printable and storable: no lone surrogates


def test_data_and_code_files_are_refused_with_a_reason_not_read_as_articles(tmp_path):
    from fuentes.ingest.files import read_path
    from fuentes.ingest.limits import ReadOptions
    from fuentes.model import Rejection

    config = tmp_path / "expected.yaml"
    config.write_text("articles:\n  one: {outlet: Diario}\n", encoding="utf-8")
    results = list(read_path(config, ReadOptions()))
    assert len(results) == 1 and isinstance(results[0], Rejection)
    assert "not an article" in results[0].reason and ".yaml" in results[0].reason
