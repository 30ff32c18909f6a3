"""RSS and Atom feeds served by a local HTTP server: one document per entry."""

from __future__ import annotations

import pytest

from fuentes.ingest.feeds import looks_like_feed
from fuentes.ingest.fetch import Fetcher
from fuentes.ingest.limits import ReadOptions
from fuentes.ingest.raw import RawDocument
from fuentes.ingest.sources import read_url
from fuentes.model import Rejection

FAST = ReadOptions(per_host_delay=0, timeout=2)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as running:
        yield running


def test_sniffing_feed_roots() -> None:
    assert looks_like_feed("application/rss+xml", b"")
    assert looks_like_feed("application/xml", b'<?xml version="1.0"?>\n<!-- c -->\n<feed xmlns="x">')
    assert looks_like_feed(None, b"\xef\xbb\xbf<rss version='2.0'><channel>")
    assert looks_like_feed("text/xml", b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='r'>")
    assert not looks_like_feed("text/html", b"<!DOCTYPE html><html><body>rss feed</body></html>")
    assert not looks_like_feed("application/xml", b"<?xml version='1.0'?><prices/>")


def test_rss_entries_fetched_or_taken_from_content(site, fetcher: Fetcher) -> None:
    feed_url = site.url("/rss.xml")
    before = site.hits["/news/two.html"]
    one, two, gone = read_url(feed_url, fetcher)

    assert isinstance(one, RawDocument)
    assert one.source == site.url("/news/one.html")
    assert b"Customs officers seized" in one.data
    assert one.hints["title"] == "Port seizure"
    assert one.hints["outlet"] == "Harbour Gazette"
    assert one.hints["published"] == "2024-03-05T10:30:00+01:00"  # the feed's local time and offset kept
    assert one.hints["published_source"] == "feed published"
    assert "Ana Ruiz" in one.hints["byline"]
    assert one.hints["url"] == site.url("/news/one.html")

    # full content in the feed: used as it is, the page is not requested
    assert two.source == f"{feed_url}#entry 2 {site.url('/news/two.html')}"
    assert two.format == "html" and "prosecutor described the network" in two.data
    assert two.hints["url"] == site.url("/news/two.html")  # relative link resolved
    assert two.hints["published"] == "2024-03-06T08:00:00+00:00"
    assert site.hits["/news/two.html"] == before

    assert gone == Rejection(site.url("/news/gone.html"), "HTTP 404 Not Found")


def test_atom_served_as_plain_xml(site, fetcher: Fetcher) -> None:
    linked, linkless = read_url(site.url("/atom.xml"), fetcher)
    assert linked.source == site.url("/news/one.html")
    assert linked.hints["outlet"] == "Valley Herald"
    assert linked.hints["byline"] == "Luis Peña"
    assert linked.hints["title"] == "Checkpoint attack"
    assert linkless == Rejection(
        f"{site.url('/atom.xml')}#entry 2", "feed entry has no link and no full content"
    )


def test_feed_sent_as_text_html_is_still_a_feed(site, fetcher: Fetcher) -> None:
    items = list(read_url(site.url("/feed-as-html"), fetcher))
    assert len(items) == 3 and items[0].hints["outlet"] == "Harbour Gazette"


def test_feed_without_entries(site, fetcher: Fetcher) -> None:
    url = site.url("/empty-feed.xml")
    assert list(read_url(url, fetcher)) == [Rejection(url, "feed has no entries")]


def test_xml_that_is_not_a_feed(site, fetcher: Fetcher) -> None:
    (got,) = read_url(site.url("/data.xml"), fetcher)
    assert got.reason == "not a web page or feed: XML (application/xml) without an RSS/Atom root"


def test_feed_time_reaches_the_article(site, fetcher: Fetcher) -> None:
    from fuentes.ingest.job import article_row, ingest_pipeline
    from fuentes.runners import doc_from_raw

    one, _, _ = read_url(site.url("/rss.xml"), fetcher)
    row = article_row(ingest_pipeline()(doc_from_raw(one)))  # the entry's page, fetched
    assert (row["published"], row["published_precision"], row["published_source"]) == (
        "2024-03-05T10:30:00+01:00", "second", "feed published")


def test_atom_entry_dated_by_updated(site, fetcher: Fetcher) -> None:
    linked, _ = read_url(site.url("/atom.xml"), fetcher)
    assert (linked.hints["published"], linked.hints["published_source"]) == ("2024-03-07T12:00:00+00:00",
                                                                              "feed updated")
