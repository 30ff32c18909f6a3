"""Options shared by every reader, and the wording of size limits.

Kept apart from `sources` so that files, fetch and feeds can import the options without
importing each other.
"""

from __future__ import annotations

import ipaddress
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from fuentes import __version__

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 16 * MB
DEFAULT_USER_AGENT = f"fuentes/{__version__} (+https://github.com/fuentes-news/fuentes)"


@dataclass(slots=True)
class ReadOptions:
    """How inputs are read.

    `max_bytes` bounds one document (a file, a JSON line, a WARC record, a fetched page), not
    a container: a 5 GB WARC of ordinary pages reads fine. `per_host_delay` is the pause
    between two requests to the same host; `retries` applies only to connection errors and
    HTTP 5xx. `saved_at` (ISO 8601) is given to documents read from local files, whose save
    time fuentes cannot know. `allow_address`, when set, is asked about every address a URL's
    host resolves to, before each request (redirect hops and robots.txt included); a refused
    address rejects the URL (the web server refuses private networks this way).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 10.0
    user_agent: str = DEFAULT_USER_AGENT
    per_host_delay: float = 1.0
    respect_robots: bool = True
    retries: int = 1
    saved_at: str | None = None
    allow_address: Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool] | None = None


@dataclass(slots=True)
class ReadStats:
    """What readers passed over without a Rejection (WARC requests, metadata, images...).

    Skipping these is normal for a crawl archive, so they are counted, not reported one by
    one; a caller may print the counts at the end of a run.
    """

    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, why: str) -> None:
        self.skipped[why] += 1


def format_mb(n: int) -> str:
    return f"{n / MB:.1f} MB"


def too_large(size: int, limit: int) -> str:
    """The Rejection reason for an input of known `size` over `limit` bytes."""
    return f"too large: {format_mb(size)} > limit {format_mb(limit)} (raise --max-bytes)"


def too_large_streamed(limit: int) -> str:
    """The Rejection reason when the size is only known to pass the limit (a stream)."""
    return f"too large: more than the limit {format_mb(limit)} (raise --max-bytes)"


def source_name(path: object) -> str:
    """A path as a source name that any terminal or database accepts.

    File names that are not valid UTF-8 reach Python as lone surrogates, which cannot be
    printed or stored; their odd bytes are shown as \\xNN escapes instead.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")  # type: ignore[arg-type]


def one_line(text: str, limit: int = 300) -> str:
    """An exception's words fit for a Rejection reason: one line, bounded length."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def format_seconds(seconds: float) -> str:
    return f"{seconds:g} s"
