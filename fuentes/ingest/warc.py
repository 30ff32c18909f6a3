"""WARC and ARC archives (web crawls, Common Crawl slices, browser captures), streamed.

Records are read one at a time with warcio, so a multi-GB archive never sits in memory: only
the payload of the record at hand, bounded by `max_bytes`, is held. `response` records with an
HTML payload and `resource` records with HTML or plain text become RawDocuments; requests,
metadata, revisits, non-HTML responses and HTTP errors are skipped and counted.

warcio ends quietly on a cut-off archive, so damage is detected here: a record whose bytes
stop short of its Content-Length, a gzip stream without its end marker, or bytes left over
that do not form a record. Every record read before the damage is kept.

Header lines are bounded (MAX_HEADER_LINE) and so are header blocks (MAX_HEADER_BLOCK):
`--max-bytes` bounds payloads only, and warcio would gather a header "line" of gigabytes (a run
of bytes without a newline, a gzip bomb) in memory, in quadratic time. Past either bound the
file is rejected at once, keeping the records before.
"""

from __future__ import annotations

import gzip
import itertools
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader

from fuentes.ingest.decode import content_type_parts, looks_like_html
from fuentes.ingest.limits import (
    ReadOptions,
    ReadStats,
    one_line,
    source_name,
    too_large,
    too_large_streamed,
)
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
KIB = 1024
# warcio reads header lines whole, however long: a run of bytes without a newline (a damaged
# or hostile archive, a gzip bomb) would be gathered in memory, in quadratic time. Real WARC
# and HTTP header lines are short, a header block a few KB.
MAX_HEADER_LINE = 64 * KIB
MAX_HEADER_BLOCK = 1024 * KIB
RESOURCE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_CHUNK = 1 << 16
MAGIC = (b"WARC/", b"filedesc://")


class Damaged(Exception):
    """The archive's bytes end early or are corrupt; nothing after this point can be trusted."""


class BadHeaders(Exception):
    """A header line or header block passes its bound: nothing after it can be read as records."""


class _BoundedReader(DecompressingBufferedReader):
    """warcio's reader with header lines and header blocks bounded.

    warcio reads every header line (WARC headers, HTTP headers, the blank lines between
    records) through `readline`, and payloads through `read`. A line is read in bounded
    pieces and refused past MAX_HEADER_LINE; the lines read since the last payload read or the
    start of a record (`new_record`) are counted and refused past MAX_HEADER_BLOCK.
    """

    header_bytes = 0

    def new_record(self) -> None:
        self.header_bytes = 0

    def read(self, length=None):
        self.header_bytes = 0
        return super().read(length)

    def readline(self, length=None):
        wanted = MAX_HEADER_LINE + 1 if length is None else min(length, MAX_HEADER_LINE + 1)
        pieces: list[bytes] = []
        got = 0
        while got < wanted:
            piece = super().readline(wanted - got)
            if not piece:
                break
            pieces.append(piece)
            got += len(piece)
            if piece.endswith(b"\n"):
                break
        line = b"".join(pieces)
        if got > MAX_HEADER_LINE and not line.endswith(b"\n"):
            raise BadHeaders(f"a header line runs past {MAX_HEADER_LINE // KIB} KiB without a newline")
        self.header_bytes += got
        if self.header_bytes > MAX_HEADER_BLOCK:
            raise BadHeaders(f"a header block runs past {MAX_HEADER_BLOCK // KIB} KiB")
        return line


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's ArchiveIterator reading through `_BoundedReader`, printing nothing itself.

    warcio writes the bytes that follow a record with a wrong Content-Length to stderr as they
    are (terminal escape sequences included); the damage is reported as a Rejection instead.
    """

    INC_RECORD = ""

    def __init__(self, fileobj, **kwargs):
        super().__init__(fileobj, **kwargs)
        self.reader = _BoundedReader(self.fh, block_size=self.reader.block_size)


class _Guarded:
    """A read-only stream that counts bytes and turns gzip/IO failures into `Damaged`.

    warcio takes an EOFError from its source as a clean end of archive, which would hide a
    truncated .warc.gz; raising a different exception makes the damage visible.
    """

    def __init__(self, inner: BinaryIO):
        self.inner = inner
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        try:
            # read1: hand over what one gzip member gives, so that records before a damaged
            # member reach the caller before the damage is noticed
            data = self.inner.read1(size) if size > 0 else self.inner.read()
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise Damaged(one_line(str(exc)) or type(exc).__name__) from exc
        except OSError as exc:
            raise Damaged(f"read error: {exc.strerror or exc}") from exc
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


def iter_warc(
    path: Path, options: ReadOptions, stats: ReadStats | None = None
) -> Iterator[RawDocument | Rejection]:
    """RawDocuments (and Rejections) from the WARC/ARC file at `path`, .gz or not."""
    name = source_name(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Rejection(name, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        compressed = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        inner = gzip.GzipFile(fileobj=handle) if compressed else handle
        problem = _not_an_archive(inner)
        if problem:
            yield Rejection(name, problem)
            return
        handle.seek(0)
        inner = gzip.GzipFile(fileobj=handle) if compressed else handle
        yield from iter_warc_stream(_Guarded(inner), name, options, stats or ReadStats())


def _not_an_archive(stream: BinaryIO) -> str | None:
    """Why the stream is no WARC/ARC at all (warcio would take any text for an ARC)."""
    try:
        head = stream.read(16)
    except (EOFError, zlib.error, OSError) as exc:
        return f"truncated gzip/WARC after record 0: {_first_line(exc)}"
    if not head.strip():
        return "empty archive"
    if head.lstrip(b"\r\n").startswith(MAGIC):
        return None
    shown = head[:12].decode("ascii", "replace").replace("\n", " ")
    return f"not a WARC/ARC archive: starts with {shown!r}, not 'WARC/' or 'filedesc://'"


def iter_warc_stream(
    stream: _Guarded, name: str, options: ReadOptions, stats: ReadStats
) -> Iterator[RawDocument | Rejection]:
    complete = 0
    archive = _QuietArchiveIterator(stream, arc2warc=True)
    records = iter(archive)
    try:
        for number in itertools.count(1):
            archive.reader.new_record()
            record = next(records, None)
            if record is None:
                break
            _check_headers(record, number)
            item = _record_item(record, f"{name}#record {number}", options, stats)
            _drain(record, number)
            complete = number
            if item is not None:
                yield item
        _check_tail(stream, archive)
    except BadHeaders as exc:
        yield Rejection(name, f"damaged WARC after record {complete}: {exc} (record {complete + 1} and "
                              "the rest of the file not read)")
    except Damaged as exc:
        yield Rejection(name, f"truncated gzip/WARC after record {complete}: {exc}")
    except Exception as exc:  # warcio fails in many ways on malformed headers
        what = _first_line(exc)
        if complete == 0 and isinstance(exc, ArchiveLoadFailed):
            yield Rejection(name, f"not a WARC/ARC archive: {what}")
        else:
            yield Rejection(name, f"damaged WARC after record {complete}: {what}")


def _record_item(
    record, source: str, options: ReadOptions, stats: ReadStats
) -> RawDocument | Rejection | None:
    """The RawDocument of one record, a Rejection, or None for a record that is skipped."""
    fmt, charset, skip = _payload_kind(record)
    if skip:
        stats.skip(skip)
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if url:
        source = f"{source} {url}"
    try:
        data = record.content_stream().read(options.max_bytes + 1)
    except Damaged:
        raise
    except Exception as exc:  # bad chunked/gzip encoding inside one record: that record only
        return Rejection(source, f"cannot decode the HTTP payload: {_first_line(exc)}")
    if len(data) > options.max_bytes:
        declared = _int(record.rec_headers.get_header("Content-Length"))
        if declared > options.max_bytes:
            return Rejection(source, too_large(declared, options.max_bytes))
        return Rejection(source, too_large_streamed(options.max_bytes))
    if fmt is None:  # no content type: only a payload that opens like a page is kept
        if not looks_like_html(data):
            stats.skip(f"{record.rec_type} without content type")
            return None
        fmt = "html"
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    last_modified = record.http_headers.get_header("Last-Modified") if record.http_headers is not None else ""
    hints = {"url": url, "saved_at": warc_date, "warc_date": warc_date, "last_modified": last_modified or ""}
    hints = {key: value for key, value in hints.items() if value}
    return RawDocument(source=source, data=data, format=fmt, charset=charset, hints=hints)


def _payload_kind(record) -> tuple[str | None, str | None, str | None]:
    """(format or None to sniff, declared charset, why it is skipped or None)."""
    kind = record.rec_type
    if kind == "response":
        if record.http_headers is None:
            return None, None, "response without HTTP headers"
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None, None, f"response HTTP {status or '?'}"
        mime, charset = content_type_parts(record.http_headers.get_header("Content-Type"))
        fmt = "html" if mime in HTML_TYPES else None
    elif kind == "resource":
        mime, charset = content_type_parts(record.rec_headers.get_header("Content-Type"))
        fmt = RESOURCE_TYPES.get(mime or "")
    else:
        return None, None, kind or "unknown record"
    if fmt is None and mime is not None:
        return None, None, f"{kind} {mime}"
    return fmt, charset, None


def _check_headers(record, number: int) -> None:
    """A record without a numeric Content-Length was cut inside its header block."""
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        raise Damaged(f"record {number} is cut inside its headers")


def _drain(record, number: int) -> None:
    """Read the rest of the record (streamed) and check it was all there."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    if isinstance(raw, LimitReader) and raw.limit > 0:
        raise Damaged(f"record {number} ends {raw.limit} bytes short of its Content-Length")


def _check_tail(stream: _Guarded, archive: ArchiveIterator) -> None:
    """Bytes after the last whole record mean a record was cut inside its headers."""
    while stream.read(_CHUNK):
        pass
    leftover = stream.count - archive.offset
    if leftover > 0:
        raise Damaged(f"{leftover} bytes at the end do not form a whole record")


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    line = one_line(text.splitlines()[0]) if text else ""
    return f"{type(exc).__name__}: {line}" if line else type(exc).__name__
