"""Local inputs: files and folders, dispatched by name and, when the name says nothing, by
their first bytes.

A folder is walked recursively in sorted order, skipping hidden files and folders. Every file
that cannot be read (missing, unreadable, binary, too large, broken archive) gives one
Rejection naming it, and the walk goes on.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from fuentes.ingest.decode import binary_kind, binary_reason, looks_like_html
from fuentes.ingest.jsonl import iter_jsonl
from fuentes.ingest.limits import (
    ReadOptions,
    ReadStats,
    source_name,
    too_large,
    too_large_streamed,
)
from fuentes.ingest.raw import RawDocument
from fuentes.ingest.warc import iter_warc
from fuentes.model import Rejection

TEXT_EXTS = frozenset({".txt", ".text", ".md"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Text files that are data or code, never a saved article: refused rather than sniffed as text.
NOT_ARTICLE_EXTS = frozenset({".yaml", ".yml", ".csv", ".tsv", ".py", ".js", ".css",
                              ".toml", ".ini", ".cfg", ".sql", ".sh", ".log"})
HEAD_BYTES = 8192
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
Items = Iterator[RawDocument | Rejection]

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")


def is_url(spec: str) -> bool:
    return bool(_URL.match(spec))


def iter_paths(specs: Iterable[str]) -> Iterator[Path]:
    """The files the path specs expand to, in reading order (URLs and missing paths skipped)."""
    for spec in specs:
        if is_url(spec) or not os.path.exists(spec):
            continue
        for item in _expand(Path(spec)):
            if isinstance(item, Path):
                yield item


def iter_files(
    spec: str, options: ReadOptions, stats: ReadStats | None = None
) -> Items:
    """Everything read from one path spec (a file or a folder)."""
    path = Path(spec)
    if not os.path.lexists(path):
        yield Rejection(source_name(spec), _missing_reason(spec))
        return
    found = False
    for item in _expand(path):
        if isinstance(item, Rejection):
            yield item
            continue
        found = True
        yield from read_path(item, options, stats)
    if not found and path.is_dir():
        yield Rejection(source_name(spec), "no files in folder (hidden files are skipped)")


def read_path(
    path: Path, options: ReadOptions, stats: ReadStats | None = None
) -> Items:
    """Everything read from one file, whatever its kind."""
    name = source_name(path)
    try:
        info = path.stat()
    except OSError as exc:
        yield Rejection(name, f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Rejection(name, "not a regular file (device, pipe or socket)")
        return
    kind = kind_from_name(path.name)
    if kind is None and path.suffix.lower() in NOT_ARTICLE_EXTS:
        yield Rejection(name, f"not an article: {path.suffix.lower()} files hold data or code "
                              "(articles come as .txt, .html, .jsonl, .warc or .gz of those)")
        return
    if kind is None:
        kind = _sniff_file(path)
    if kind == "warc":
        yield from iter_warc(path, options, stats)
    elif kind in ("jsonl", "jsonl.gz"):
        yield from _read_jsonl(path, kind == "jsonl.gz", options)
    elif kind == "gz":
        yield from _read_gz(path, options, stats)
    elif kind.startswith("error:"):
        yield Rejection(name, kind.removeprefix("error:"))
    elif info.st_size > options.max_bytes:
        yield Rejection(name, too_large(info.st_size, options.max_bytes))
    else:
        yield _read_document(path, kind, options)


def kind_from_name(name: str) -> str | None:
    """"text", "html", "jsonl", "jsonl.gz", "warc", "gz", or None when the name says nothing."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = os.path.splitext(lower)[1]
    if suffix == ".gz":
        inner = os.path.splitext(lower[:-3])[1]
        return "jsonl.gz" if inner in JSONL_EXTS else "gz"
    if suffix in JSONL_EXTS:
        return "jsonl"
    if suffix in HTML_EXTS:
        return "html"
    if suffix in TEXT_EXTS:
        return "text"
    return None


def sniff_kind(head: bytes) -> str:
    """The kind of a file from its first bytes: "gz", "warc", "jsonl", "html" or "text"."""
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if looks_like_html(head):
        return "html"
    if _looks_like_jsonl(head):
        return "jsonl"
    return "text"


def _expand(path: Path) -> Iterator[Path | Rejection]:
    if not path.is_dir():
        yield path
        return
    errors: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=errors.append):
        while errors:
            exc = errors.pop(0)
            where = source_name(exc.filename or root)
            yield Rejection(where, f"cannot list folder: {exc.strerror}")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
    for exc in errors:
        yield Rejection(source_name(exc.filename or path), f"cannot list folder: {exc.strerror}")


def _sniff_file(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        return f"error:cannot read: {exc.strerror or exc}"
    kind = sniff_kind(head)
    if kind == "text":
        binary = binary_kind(head)
        if binary:
            return "error:" + binary_reason(binary)
    return kind


def _read_document(path: Path, kind: str, options: ReadOptions) -> RawDocument | Rejection:
    name = source_name(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(name, f"cannot read: {exc.strerror or exc}")
    return _document(name, data, kind, options)


def _document(name: str, data: bytes, kind: str, options: ReadOptions) -> RawDocument | Rejection:
    binary = binary_kind(data[:HEAD_BYTES])
    if binary:
        return Rejection(name, binary_reason(binary))
    if kind == "text" and looks_like_html(data):
        kind = "html"
    hints = {"saved_at": options.saved_at} if options.saved_at else {}
    return RawDocument(source=name, data=data, format=kind, hints=hints)  # type: ignore[arg-type]


def _read_jsonl(path: Path, compressed: bool, options: ReadOptions) -> Items:
    name = source_name(path)
    try:
        handle = gzip.open(path, "rb") if compressed else open(path, "rb")
    except OSError as exc:
        yield Rejection(name, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from iter_jsonl(handle, name, options)  # type: ignore[arg-type]


def _read_gz(path: Path, options: ReadOptions, stats: ReadStats | None) -> Items:
    """A gzip-compressed single file: its kind comes from the inner name, else its bytes."""
    name = source_name(path)
    inner_name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    try:
        with gzip.open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
            kind = kind_from_name(inner_name) or sniff_kind(head)
            if kind in ("warc", "jsonl", "jsonl.gz", "gz"):
                pass  # streamed below, from the start of the file
            else:
                data = head + handle.read(options.max_bytes + 1 - len(head))
    except OSError as exc:
        if isinstance(exc, gzip.BadGzipFile):
            yield Rejection(name, f"not a valid gzip file: {exc}")
        else:
            yield Rejection(name, f"cannot read: {exc.strerror or exc}")
        return
    except GZIP_ERRORS as exc:
        yield Rejection(name, f"truncated gzip: {exc}")
        return
    if kind == "warc":
        yield from iter_warc(path, options, stats)
    elif kind in ("jsonl", "jsonl.gz"):
        yield from _read_jsonl(path, True, options)
    elif kind == "gz":
        yield Rejection(name, "gzip inside gzip: decompress the outer layer first")
    elif len(data) > options.max_bytes:
        yield Rejection(name, too_large_streamed(options.max_bytes))
    else:
        yield _document(name, data, kind, options)


def _looks_like_jsonl(head: bytes) -> bool:
    """A file of JSON objects with a text or html field, whatever its extension."""
    if not head.lstrip().startswith(b"{"):
        return False
    first = head.lstrip().split(b"\n", 1)[0]
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and any(isinstance(obj.get(k), str) for k in ("text", "html"))


def _missing_reason(spec: str) -> str:
    if re.match(r"^(www\.|[\w-]+\.(com|org|net|mx|co|es|info|news)\b)", spec, re.IGNORECASE):
        return "no such file or folder (for a web page, give the whole URL with https://)"
    return "no such file or folder"
