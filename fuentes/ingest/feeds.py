"""RSS and Atom feeds: one RawDocument per entry.

An entry's page is fetched from its link, politely, through the run's Fetcher; an entry that
carries the whole article in the feed (RSS content:encoded, Atom content) is used as it is,
without a request. Entry title, publication date, author and the feed's title (the outlet)
travel as hints.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Iterator
from urllib.parse import urljoin

import feedparser

from fuentes.clean.dates import Instant, parse_instant
from fuentes.ingest.fetch import Fetched, Fetcher
from fuentes.ingest.limits import one_line
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

FEED_ONLY_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
# Feed content shorter than this is a teaser, not the article: the page is fetched instead.
FULL_CONTENT_MIN_WORDS = 150

_FEED_ROOT = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*"
    r"<(?:rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
# A document type declaration with an internal subset ("<!DOCTYPE rss [ <!ENTITY ...> ]>"):
# entity definitions there can expand to gigabytes or pull in local files.
_INTERNAL_DTD = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*<!DOCTYPE\s+([^\s\[>]+)[^\[>]*\[",
    re.IGNORECASE | re.DOTALL,
)
DTD_REFUSED = "feed declares a DTD (<!DOCTYPE {root} [...]> with its own entities): refused for safety"


def looks_like_feed(mime: str | None, data: bytes) -> bool:
    """True for a feed media type, or for XML whose root element is rss, feed or rdf:RDF."""
    if mime in FEED_ONLY_TYPES:
        return True
    return bool(_FEED_ROOT.match(_head_text(data)))


def internal_dtd(mime: str | None, data: bytes, xml_types: frozenset[str] = frozenset()) -> str | None:
    """Why a feed is refused when it declares a DTD with an internal subset, else None.

    A document counts as a feed by its media type (`xml_types`: the XML types a feed may be
    served as) or by its root (rss, feed, rdf:RDF). feedparser would hand it to an XML parser
    that reads the declarations; an ordinary feed never needs them, and a public DTD named
    without a subset ("<!DOCTYPE rss PUBLIC ...>") is still read as usual.
    """
    match = _INTERNAL_DTD.match(_head_text(data))
    if not match:
        return None
    root = match.group(1)
    if mime in FEED_ONLY_TYPES or mime in xml_types or root.lower() in ("rss", "feed", "rdf:rdf"):
        return DTD_REFUSED.format(root=root)
    return None


def _head_text(data: bytes) -> str:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "ignore")
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")


def iter_feed(feed: Fetched, source: str, fetcher: Fetcher) -> Iterator[RawDocument | Rejection]:
    """The entries of a fetched feed; `source` is the feed URL as the user gave it."""
    for _key, result in iter_feed_entries(feed, source, fetcher):
        yield result


def iter_feed_entries(feed: Fetched, source: str, fetcher: Fetcher,
                      skip: Collection[str] = ()) -> Iterator[tuple[str | None, RawDocument | Rejection]]:
    """(entry key, entry) for each entry of a fetched feed whose key is not in `skip`.

    The key (`entry_key`) lets a watcher remember what it has read and fetch only new entries;
    a Rejection of the feed itself comes with the key None.
    """
    headers = {"content-location": feed.url, "content-type": feed.mime or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(feed.data), response_headers=headers)
    if not parsed.entries:
        if parsed.bozo:
            problem = one_line(str(parsed.bozo_exception))
            yield None, Rejection(source, f"not a readable RSS/Atom feed: {problem}")
        else:
            yield None, Rejection(source, "feed has no entries")
        return
    outlet = (parsed.feed.get("title") or "").strip()
    for number, entry in enumerate(parsed.entries, 1):
        key = entry_key(entry, feed.url)
        if key not in skip:
            yield key, _entry(entry, number, feed, source, outlet, fetcher)


def entry_key(entry, base: str) -> str:
    """What names an entry across polls: its id (guid), else its link, else title and date."""
    for value in (entry.get("id"), entry.get("link")):
        if value and value.strip():
            return urljoin(base, value.strip()) if value.strip().startswith("/") else value.strip()
    return f"{(entry.get('title') or '').strip()}|{entry.get('published') or entry.get('updated') or ''}"


def _entry(
    entry, number: int, feed: Fetched, source: str, outlet: str, fetcher: Fetcher
) -> RawDocument | Rejection:
    link = (entry.get("link") or "").strip()
    link = urljoin(feed.url, link) if link else ""
    if not link.startswith(("http://", "https://")):
        link = ""  # feedparser falls back to the entry id, which may be a urn: or tag: name
    hints = {
        "title": (entry.get("title") or "").strip(),
        "byline": (entry.get("author") or "").strip(),
        "outlet": outlet,
        "feed": feed.url,
        **_times(entry),
    }
    hints = {key: value for key, value in hints.items() if value}
    content = _full_content(entry)
    if content is not None:
        data, fmt = content
        if link:
            hints["url"] = link
        hints["saved_at"] = feed.fetched_at
        where = f"{source}#entry {number}" + (f" {link}" if link else "")
        return RawDocument(source=where, data=data, format=fmt, hints=hints)  # type: ignore
    if not link:
        return Rejection(f"{source}#entry {number}", "feed entry has no link and no full content")
    return fetcher.fetch_page(link, hints)


def _full_content(entry) -> tuple[str, str] | None:
    """(content, "html"|"text") when the entry carries the whole article."""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        kind = (part.get("type") or "text/html").lower()
        words = len(_TAG.sub(" ", value).split())
        if words >= FULL_CONTENT_MIN_WORDS:
            return value, "text" if kind == "text/plain" else "html"
    return None


def _times(entry) -> dict[str, str]:
    """The entry's publication time with where it came from, and its modification time.

    The date as the feed wrote it is read first (RSS pubDate and Atom published keep their
    offset and precision: "Mon, 23 Feb 2026 10:14:07 -0500" -> "2026-02-23T10:14:07-05:00");
    feedparser's parsed form (UTC) only when that text is not readable. An entry with only
    `updated` (Atom) is dated by it: "feed updated".
    """
    found: dict[str, Instant] = {}
    written = set(entry.keys())  # not entry.get: feedparser answers `updated` with `published`
    for key in ("published", "updated"):
        instant = parse_instant(entry[key], f"feed {key}") if key in written else None
        if instant is None and f"{key}_parsed" in written and entry[f"{key}_parsed"]:
            instant = parse_instant(entry[f"{key}_parsed"], f"feed {key}")
        if instant is not None:
            found[key] = instant
    published = found.get("published") or found.get("updated")
    hints = {}
    if published is not None:
        hints.update(published=published.iso, published_source=published.source)
    if "updated" in found and found["updated"].iso != (published.iso if published else None):
        hints["modified"] = found["updated"].iso
    return hints
