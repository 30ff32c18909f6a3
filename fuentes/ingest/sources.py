"""The front door of the readers: any mix of files, folders, page URLs and feed URLs.

    specs = ["articles/", "crawl.warc.gz", "https://example.org/rss"]
    for item in iter_inputs(specs, ReadOptions()):
        if isinstance(item, Rejection): report(item)
        else: pipeline(item)

Inputs are read lazily and in the order given, so a run over 50,000 files starts at once and
holds one document at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fuentes.ingest.feeds import internal_dtd, iter_feed, looks_like_feed
from fuentes.ingest.fetch import FEED_TYPES, PAGE_TYPES, Fetcher
from fuentes.ingest.decode import looks_like_html
from fuentes.ingest.files import is_url, iter_files, iter_paths
from fuentes.ingest.limits import ReadOptions, ReadStats, one_line, source_name
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

__all__ = ["ReadOptions", "ReadStats", "iter_inputs", "iter_paths", "read_url"]


def iter_inputs(
    specs: Iterable[str], options: ReadOptions | None = None, stats: ReadStats | None = None
) -> Iterator[RawDocument | Rejection]:
    """RawDocuments and Rejections from every spec: a path, a folder or an http(s) URL.

    `stats`, when given, counts what was passed over quietly (WARC requests, images...).
    """
    options = options or ReadOptions()
    stats = stats if stats is not None else ReadStats()
    fetcher: Fetcher | None = None
    try:
        for spec in specs:
            try:
                if is_url(spec):
                    if fetcher is None:
                        fetcher = Fetcher(options)  # one client: robots.txt and delays are shared
                    yield from read_url(spec, fetcher)
                else:
                    yield from iter_files(spec, options, stats)
            except Exception as exc:  # a reader's bug ends this input, never the inputs after it
                yield Rejection(source_name(spec), f"internal error while reading ({type(exc).__name__}: "
                                                   f"{one_line(str(exc))}); please report it")
    finally:
        if fetcher is not None:
            fetcher.close()


def read_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | Rejection]:
    """A page URL gives one RawDocument; a feed URL gives one per entry."""
    got = fetcher.fetch(url, PAGE_TYPES | FEED_TYPES)
    if isinstance(got, Rejection):
        yield got
        return
    dtd = internal_dtd(got.mime, got.data, FEED_TYPES)
    if dtd:
        yield Rejection(url, dtd)
    elif looks_like_feed(got.mime, got.data):
        yield from iter_feed(got, url, fetcher)
    elif got.mime in FEED_TYPES and not looks_like_html(got.data):
        yield Rejection(url, f"not a web page or feed: XML ({got.mime}) without an RSS/Atom root")
    else:
        yield got.to_raw(url)
