"""RawDocument: what a reader hands to the pipeline, before decoding and cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RawFormat = Literal["text", "html"]


@dataclass(slots=True)
class RawDocument:
    """One input page as read: bytes (or text already decoded) plus what the reader knows.

    `source` names the input for messages and provenance: a path, ``path#line 12`` for a JSON
    lines record, ``path#record 3 <url>`` for a WARC record, or a URL.
    `hints` carries metadata the container already gives (url, outlet, title, published,
    byline, language, saved_at: the time the page was saved or fetched, ISO 8601), and about
    times: published_source (where the container's `published` was read: "feed published",
    "jsonl published"), modified (the container's modification time), last_modified (the HTTP
    Last-Modified header) and warc_date (the WARC-Date); the last two are only a fallback for
    the publication time.
    """

    source: str
    data: bytes | str
    format: RawFormat = "text"
    charset: str | None = None  # declared by the container (HTTP header, WARC, meta tag)
    hints: dict[str, str] = field(default_factory=dict)
