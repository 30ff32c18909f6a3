"""Fetching from a real HTTP server on 127.0.0.1: politeness, limits and failure messages."""

from __future__ import annotations

import socket
import time

import pytest

from fuentes.ingest.decode import decode
from fuentes.ingest.fetch import Fetcher
from fuentes.ingest.limits import DEFAULT_USER_AGENT, ReadOptions
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

FAST = ReadOptions(per_host_delay=0, timeout=0.5)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as running:
        yield running


def test_page_with_hints(site, fetcher: Fetcher) -> None:
    doc = fetcher.fetch_page(site.url("/news/one.html"), {"title": "from feed"})
    assert isinstance(doc, RawDocument)
    assert doc.source == site.url("/news/one.html")
    assert b"Customs officers seized" in doc.data
    assert doc.format == "html" and doc.charset == "utf-8"
    assert doc.hints["url"] == site.url("/news/one.html") and doc.hints["title"] == "from feed"
    assert doc.hints["saved_at"].endswith("Z") and len(doc.hints["saved_at"]) == 20


def test_charset_header_and_plain_text(site, fetcher: Fetcher) -> None:
    latin = fetcher.fetch_page(site.url("/news/latin1.html"))
    assert latin.charset == "iso-8859-1"
    assert "fiscalía" in decode(latin) and "señor" in decode(latin)
    text = fetcher.fetch_page(site.url("/notes.txt"))
    assert text.format == "text" and text.data == b"Plain text note.\n"


def test_gzip_content_encoding_is_decoded(site, fetcher: Fetcher) -> None:
    doc = fetcher.fetch_page(site.url("/gzipped.html"))
    assert b"sent gzip-encoded" in doc.data


def test_robots_disallow_and_opt_out(site, fetcher: Fetcher) -> None:
    url = site.url("/private/secret.html")
    got = fetcher.fetch_page(url)
    assert got == Rejection(url, f"disallowed by robots.txt ({site.base}/robots.txt)")
    with Fetcher(ReadOptions(per_host_delay=0, respect_robots=False)) as rude:
        assert isinstance(rude.fetch_page(url), RawDocument)


def test_robots_fetched_once_per_host(site, fetcher: Fetcher) -> None:
    before = site.hits["/robots.txt"]
    fetcher.fetch_page(site.url("/news/one.html"))
    fetcher.fetch_page(site.url("/notes.txt"))
    assert site.hits["/robots.txt"] == before + 1


def test_broken_robots_means_allowed(broken_robots_site, fetcher: Fetcher) -> None:
    doc = fetcher.fetch_page(broken_robots_site.url("/page.html"))
    assert isinstance(doc, RawDocument)


def test_http_404(site, fetcher: Fetcher) -> None:
    url = site.url("/no/such/page.html")
    assert fetcher.fetch_page(url) == Rejection(url, "HTTP 404 Not Found")


def test_redirect_followed_and_loop_stopped(site, fetcher: Fetcher) -> None:
    doc = fetcher.fetch_page(site.url("/redirect"))
    assert doc.source == site.url("/redirect") and doc.hints["url"] == site.url("/news/one.html")
    loop = fetcher.fetch_page(site.url("/loop"))
    assert loop.reason == "too many redirects (more than 5)"


def test_slow_server_times_out(site, fetcher: Fetcher) -> None:
    started = time.monotonic()
    got = fetcher.fetch_page(site.url("/slow"))
    assert got == Rejection(site.url("/slow"), "timed out after 0.5 s")
    assert time.monotonic() - started < 1.4


def test_wrong_content_type_is_refused(site, fetcher: Fetcher) -> None:
    got = fetcher.fetch_page(site.url("/image.png"))
    assert got.reason == "not a web page: content type image/png"


def test_oversize_streamed_and_declared(site) -> None:
    with Fetcher(ReadOptions(per_host_delay=0, max_bytes=64 * 1024)) as small:
        streamed = small.fetch_page(site.url("/big"))
        assert streamed.reason == "too large: more than the limit 0.1 MB (raise --max-bytes)"
        declared = small.fetch_page(site.url("/big-declared"))
        assert declared.reason == "too large: 100.0 MB > limit 0.1 MB (raise --max-bytes)"


def test_5xx_retried_once(site) -> None:
    with Fetcher(ReadOptions(per_host_delay=0, retries=1)) as patient:
        doc = patient.fetch_page(site.url("/flaky?try=a"))
        assert isinstance(doc, RawDocument) and b"Recovered" in doc.data
    with Fetcher(ReadOptions(per_host_delay=0, retries=0)) as hasty:
        got = hasty.fetch_page(site.url("/always-503"))
        assert got.reason == "HTTP 503 Service Unavailable"


def test_connection_refused(fetcher: Fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    got = fetcher.fetch_page(f"http://127.0.0.1:{port}/x")
    assert got.reason.startswith("cannot connect:")


def test_bad_urls(fetcher: Fetcher) -> None:
    assert fetcher.fetch_page("ftp://example.org/x").reason.startswith("unsupported URL scheme 'ftp'")
    assert fetcher.fetch_page("http://").reason.startswith("invalid URL")


def test_per_host_delay(site) -> None:
    with Fetcher(ReadOptions(per_host_delay=0.3)) as polite:
        started = time.monotonic()
        polite.fetch_page(site.url("/news/one.html"))  # robots.txt, then the page: one pause
        polite.fetch_page(site.url("/notes.txt"))  # a second pause
        assert time.monotonic() - started >= 0.6


def test_user_agent_is_sent(site, fetcher: Fetcher) -> None:
    fetcher.fetch_page(site.url("/notes.txt"))
    assert site.agents[-1] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("fuentes/0.") and "(+https://" in DEFAULT_USER_AGENT


def _only_127_0_0_1(address) -> bool:
    return str(address) == "127.0.0.1"


def test_allow_address_refuses_before_any_request(site) -> None:
    before = sum(site.hits.values())
    with Fetcher(ReadOptions(per_host_delay=0, allow_address=lambda address: False)) as guarded:
        got = guarded.fetch_page(site.url("/news/one.html"))
    assert got == Rejection(site.url("/news/one.html"), "address not allowed: 127.0.0.1 is 127.0.0.1")
    assert sum(site.hits.values()) == before  # neither robots.txt nor the page was asked for


def test_allow_address_is_asked_again_at_every_redirect_hop(site) -> None:
    port = site.base.rsplit(":", 1)[1]
    site.routes["/to-other-loopback"] = (302, {"Location": f"http://127.0.0.2:{port}/news/one.html"}, b"")
    with Fetcher(ReadOptions(per_host_delay=0, allow_address=_only_127_0_0_1)) as guarded:
        assert isinstance(guarded.fetch_page(site.url("/redirect")), RawDocument)  # same allowed host
        got = guarded.fetch_page(site.url("/to-other-loopback"))
    assert got.reason == "address not allowed: 127.0.0.2 is 127.0.0.2"
    with Fetcher(ReadOptions(per_host_delay=0, allow_address=_only_127_0_0_1)) as guarded:
        assert guarded.fetch_page("http://no-such-host.invalid/x").reason.startswith(
            "cannot resolve host no-such-host.invalid")


def test_a_name_that_rebinds_to_loopback_never_reaches_it(site, monkeypatch) -> None:
    """DNS rebinding: the first answer is public, every later one loopback. The connection goes
    to the address that was checked, so the local server is never asked for anything."""
    real_getaddrinfo = socket.getaddrinfo
    port = int(site.base.rsplit(":", 1)[1])
    answers = iter(["192.0.2.10"])  # TEST-NET-1: public-looking, unreachable here

    def rebinding(host, *args, **kwargs):
        if host == "rebind.example":
            host = next(answers, "127.0.0.1")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    before = sum(site.hits.values())
    with Fetcher(ReadOptions(per_host_delay=0, timeout=0.5, retries=0,
                             allow_address=lambda a: not a.is_loopback)) as guarded:
        got = guarded.fetch_page(f"http://rebind.example:{port}/news/one.html")
    assert isinstance(got, Rejection)
    assert sum(site.hits.values()) == before  # neither robots.txt nor the page reached 127.0.0.1


def test_last_modified_header_travels_as_a_fallback_hint() -> None:
    from tests.ingest.conftest import HTML, LocalSite, page

    routes = {"/robots.txt": (404, {"Content-Type": "text/plain"}, b""),
              "/dated.html": (200, {"Content-Type": HTML, "Last-Modified": "Mon, 04 Mar 2024 18:30:00 GMT"},
                              page("Dated", "body")),
              "/plain.html": (200, {"Content-Type": HTML}, page("Plain", "body"))}
    with LocalSite(routes) as local, Fetcher(FAST) as fetcher:
        dated = fetcher.fetch_page(local.url("/dated.html"))
        plain = fetcher.fetch_page(local.url("/plain.html"))
    assert dated.hints["last_modified"] == "Mon, 04 Mar 2024 18:30:00 GMT"
    assert "last_modified" not in plain.hints
