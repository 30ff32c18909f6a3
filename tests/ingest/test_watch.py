"""Following feeds against a real HTTP server on 127.0.0.1: conditional polls, only new entries
fetched, state kept across restarts, passing failures retried, the CLI's guards."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fuentes.ingest.fetch import Fetcher
from fuentes.ingest.limits import ReadOptions
from fuentes.ingest.watch import FeedState, load_states, parse_interval, save_states, watch, watch_round
from fuentes.store import open_store
from fuentes.store.articles import count_articles


FAST = ReadOptions(per_host_delay=0, timeout=2, retries=0)
ETAG = '"v{n}"'

# Team-written stories, long enough to be articles.
STORIES = [
    ("Port seizure", "Customs officers seized two tonnes of cocaine hidden in a banana shipment at the port on "
                     "Tuesday, the prosecutor's office said in a statement."),
    ("Mayor threatened", "The mayor of a northern town received threats from a local criminal group after he "
                         "refused to hand over control of the municipal police, officials said."),
    ("Border arrests", "Soldiers detained four men at a checkpoint near the border with a cache of rifles and "
                       "ammunition in the back of a pickup truck, the army said."),
]


class FeedSite:
    """A feed whose entries can grow, answering If-None-Match with 304 when unchanged."""

    def __init__(self, site_class):
        self.count = 2
        self.conditional: list[str | None] = []
        self.site = site_class({})
        for number, (title, body) in enumerate(STORIES):
            html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>" \
                   f"</article></body></html>"
            self.site.routes[f"/news/{number}.html"] = (200, {"Content-Type": "text/html"}, html.encode())

    def __enter__(self):
        site = self
        original = self.site.server.RequestHandlerClass.do_GET

        def do_get(handler):
            if handler.path.startswith("/feed.xml"):
                site.conditional.append(handler.headers.get("If-None-Match"))
            original(handler)

        self.site.server.RequestHandlerClass.do_GET = do_get
        self.site.routes["/feed.xml"] = lambda path: self.reply()
        self.site.__enter__()
        return self

    def __exit__(self, *exc):
        self.site.__exit__(*exc)

    def reply(self):
        etag = ETAG.format(n=self.count)
        if self.conditional and self.conditional[-1] == etag:
            return 304, {"ETag": etag}, b""
        items = "".join(
            f"<item><title>{STORIES[n][0]}</title><link>{self.site.url(f'/news/{n}.html')}</link>"
            f"<guid>story-{n}</guid><pubDate>Tue, 05 Mar 2024 1{n}:30:00 +0100</pubDate></item>"
            for n in range(self.count))
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
                f"<link>{self.site.base}/</link><description>news</description>{items}</channel></rss>").encode()
        return 200, {"Content-Type": "application/rss+xml", "ETag": etag}, body

    def page_hits(self) -> int:
        return sum(n for path, n in self.site.hits.items() if path.startswith("/news/"))


@pytest.fixture
def feed_site(local_site):
    with FeedSite(local_site) as running:
        yield running


def test_only_new_entries_are_fetched_and_an_unchanged_feed_costs_a_304(feed_site, store):
    url = feed_site.site.url("/feed.xml")
    states: dict[str, FeedState] = {}
    with Fetcher(FAST) as fetcher:
        first = watch_round(store, [url], states, fetcher, every=60, analyse=False, now=lambda: 0)
        assert first.polls[0].result == "2 new entries" and first.stored == 2
        assert feed_site.page_hits() == 2
        second = watch_round(store, [url], states, fetcher, every=60, analyse=False, now=lambda: 100)
        assert second.polls[0].result == "not modified"
        assert feed_site.conditional[-1] == '"v2"'  # the validator of the last answer was sent
        feed_site.count = 3
        third = watch_round(store, [url], states, fetcher, every=60, analyse=False, now=lambda: 200)
    assert third.polls[0].result == "1 new entry" and third.stored == 1
    assert feed_site.page_hits() == 3  # the two known entries were not fetched again
    assert count_articles(store) == 3


def test_a_restarted_watcher_goes_on_where_it_stopped(feed_site, store):
    url = feed_site.site.url("/feed.xml")
    assert watch(store, [url], every=60, rounds=1, options=FAST, analyse=False) == 1
    assert {key.rsplit("/", 1)[-1] for key in load_states(store)[url].seen} == {"story-0", "story-1"}  # the guids
    feed_site.count = 3
    watch(store, [url], every=60, rounds=1, options=FAST, analyse=False)
    assert feed_site.page_hits() == 2, "a restart inside the interval must not poll again"
    states = load_states(store)
    states[url].next_poll = 0  # the interval has passed
    save_states(store, states)
    watch(store, [url], every=60, rounds=1, options=FAST, analyse=False)
    assert feed_site.page_hits() == 3 and count_articles(store) == 3


def test_a_page_that_fails_for_a_passing_reason_is_tried_again(feed_site, store):
    url = feed_site.site.url("/feed.xml")
    feed_site.site.routes["/news/1.html"] = (503, {"Content-Type": "text/html"}, b"busy")
    states: dict[str, FeedState] = {}
    with Fetcher(FAST) as fetcher:
        first = watch_round(store, [url], states, fetcher, every=60, analyse=False, now=lambda: 0)
        assert first.stored == 1 and first.polls[0].summary.rejected == 1
        assert not any(key.endswith("story-1") for key in states[url].seen)
        feed_site.site.routes["/news/1.html"] = (200, {"Content-Type": "text/html"},
                                                 f"<html><body><p>{STORIES[1][1]}</p></body></html>".encode())
        states[url].etag = None  # the feed did not change; the retry comes with the next new version
        second = watch_round(store, [url], states, fetcher, every=60, analyse=False, now=lambda: 100)
    assert second.stored == 1 and count_articles(store) == 2


def test_a_failing_feed_backs_off(store, local_site):
    states: dict[str, FeedState] = {}
    with local_site({}) as site, Fetcher(FAST) as fetcher:
        url = site.url("/missing.xml")
        first = watch_round(store, [url], states, fetcher, every=60, analyse=False, now=lambda: 0)
        assert first.polls[0].result.startswith("failed: HTTP 404")
        assert states[url].next_poll == 120  # doubled after one failure
        waiting = watch_round(store, [url], states, fetcher, every=60, analyse=False, now=lambda: 100)
    assert waiting.polls[0].result.startswith("waiting")
    assert site.hits["/missing.xml"] == 1


@pytest.mark.parametrize("text, seconds", [("90", 90), ("30s", 30), ("10m", 600), ("1h", 3600), ("1.5h", 5400)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["soon", "-5m", "0"])
def test_bad_intervals_name_the_text(text):
    with pytest.raises(ValueError, match=text.replace("-", "\\-")):
        parse_interval(text)


def test_cli_refuses_polling_too_often_and_files(tmp_path):
    db = str(tmp_path / "w.db")
    fast = subprocess.run([sys.executable, "-m", "fuentes.cli", "watch", "http://127.0.0.1:9/feed", "--db", db,
                           "--every", "10s"], capture_output=True, text=True)
    assert fast.returncode == 2 and "at most once a minute" in fast.stderr
    local = subprocess.run([sys.executable, "-m", "fuentes.cli", "watch", "feeds.txt", "--db", db],
                           capture_output=True, text=True)
    assert local.returncode == 2 and "not a feed URL: feeds.txt" in local.stderr


def test_cli_one_round_stores_and_analyses(feed_site, tmp_path):
    db = str(tmp_path / "w.db")
    done = subprocess.run([sys.executable, "-m", "fuentes.cli", "watch", feed_site.site.url("/feed.xml"), "--db", db,
                           "--rounds", "1", "--delay", "0"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "round 1:" in done.stderr and "2 new entries (stored 2" in done.stderr
    assert "analysed 2 articles" in done.stderr
    assert count_articles(open_store(db)) == 2
