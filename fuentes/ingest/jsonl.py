"""JSON lines: one article per line, as exported by scrapers and news datasets.

Each line is an object with `text` (plain text) or `html` (a page), and optionally `url`,
`outlet`, `title`, `published`, `byline`, `language`, `saved_at` and `id`, which become hints.
A broken line becomes one Rejection naming it; the lines after it are still read.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fuentes.ingest.limits import ReadOptions, one_line, too_large
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

BODY_FIELDS = ("text", "html")  # `text` wins when both are given: the user's own extraction
HINT_FIELDS = ("url", "outlet", "title", "published", "modified", "byline", "language", "saved_at", "id")
_SKIP_CHUNK = 1 << 20
_DIGITS_TOLD = re.compile(r"value has (\d+) digits")
# Errors a (gzip) stream raises when its bytes end early or are corrupt.
STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def iter_jsonl(
    stream: BinaryIO, name: str, options: ReadOptions
) -> Iterator[RawDocument | Rejection]:
    """Read JSON lines from `stream`; `name` (the file path) prefixes each `#line N` source."""
    line_no = 0
    lines = _lines(stream, options.max_bytes)
    while True:
        try:
            item = next(lines, None)
        except STREAM_ERRORS as exc:
            yield Rejection(name, f"truncated gzip after line {line_no}: {_say(exc)}")
            return
        except OSError as exc:
            yield Rejection(name, f"read error after line {line_no}: {_say(exc)}")
            return
        if item is None:
            return
        line_no, line, size = item
        source = f"{name}#line {line_no}"
        if line is None:
            yield Rejection(source, too_large(size, options.max_bytes))
        elif line.strip():
            try:
                parsed = parse_line(line, source, options)
            except Exception as exc:  # a line must never end the file, whatever is in it
                parsed = Rejection(source, f"internal error reading this line ({type(exc).__name__}: "
                                           f"{_say(exc)}); please report it")
            yield parsed


def parse_line(line: bytes, source: str, options: ReadOptions) -> RawDocument | Rejection:
    """One JSON line to a RawDocument, or a Rejection saying what is wrong with it."""
    try:
        obj = json.loads(line.rstrip(b"\r\n"))
    except UnicodeDecodeError:
        return Rejection(source, "bad JSON: the line is not UTF-8")
    except json.JSONDecodeError as exc:
        return Rejection(source, f"bad JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}")
    except RecursionError:  # [[[[... or {"a":{"a":... thousands of levels deep
        return Rejection(source, "bad JSON: nested too deeply to read")
    except ValueError as exc:  # an integer of more than 4300 digits (CPython's limit)
        digits = _DIGITS_TOLD.search(str(exc))
        if digits:
            return Rejection(source, f"bad JSON: number too long ({digits.group(1)} digits)")
        return Rejection(source, f"bad JSON: {_say(exc)}")
    except MemoryError:
        return Rejection(source, "bad JSON: too large to hold in memory")
    if not isinstance(obj, dict):
        return Rejection(source, f"expected a JSON object, got {_type_name(obj)}")
    body = [key for key in BODY_FIELDS if obj.get(key) is not None]
    if not body:
        keys = one_line(", ".join(sorted(obj)[:10])) or "none"
        return Rejection(source, f"needs a 'text' or 'html' field (found: {keys})")
    key = body[0]
    value = obj[key]
    if not isinstance(value, str):
        return Rejection(source, f"field '{key}' must be a string, got {_type_name(value)}")
    if not value.strip():
        return Rejection(source, f"field '{key}' is empty")
    hints, problem = _hints(obj)
    if problem:
        return Rejection(source, problem)
    if options.saved_at and "saved_at" not in hints:
        hints["saved_at"] = options.saved_at
    if "published" in hints:
        hints["published_source"] = "jsonl published"
    return RawDocument(source=source, data=value, format=key, hints=hints)  # type: ignore[arg-type]


def _hints(obj: dict) -> tuple[dict[str, str], str | None]:
    hints: dict[str, str] = {}
    for key in HINT_FIELDS:
        value = obj.get(key)
        if value is None:
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return {}, f"field '{key}' must be a string, got {_type_name(value)}"
        if value.strip():
            hints[key] = value.strip()
    return hints, None


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, size) for each line; line is None when it passes `limit` bytes.

    An over-long line is skipped in chunks rather than held, so one runaway line (a file with
    no newlines) cannot fill memory.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:
                chunk = stream.readline(_SKIP_CHUNK)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, None, size
        else:
            yield number, line, len(line)


def _type_name(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number" if isinstance(value, (int, float)) else "value")


def _say(exc: BaseException) -> str:
    return one_line(str(exc)) or type(exc).__name__

