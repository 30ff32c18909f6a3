"""A real HTTP server on 127.0.0.1 for the fetch and feed tests.

`LocalSite` serves a dict of routes from a ThreadingHTTPServer on an ephemeral port. A route
is a (status, headers, body) tuple or a callable taking the request path and returning one;
a body may be bytes or an iterable of byte chunks (sent without Content-Length, so the
client sees a stream that ends when the connection closes).
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

Reply = tuple[int, dict[str, str], bytes | Iterable[bytes]]
Route = Reply | Callable[[str], Reply]

HTML = "text/html; charset=utf-8"


def page(title: str, body: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    ).encode("utf-8")


class LocalSite:
    def __init__(self, routes: dict[str, Route]):
        self.routes = routes
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # close-delimited bodies, like a plain stream

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                site.hits[urlsplit(self.path).path] += 1
                site.agents.append(self.headers.get("User-Agent", ""))
                route = site.routes.get(urlsplit(self.path).path)
                if route is None:
                    reply: Reply = (404, {"Content-Type": HTML}, page("Not found", "nothing here"))
                else:
                    reply = route(self.path) if callable(route) else route
                status, headers, body = reply
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if isinstance(body, bytes) and "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                chunks = [body] if isinstance(body, bytes) else body
                try:
                    for chunk in chunks:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except OSError:
                    pass  # the client gave up (timeout, size limit): expected in these tests

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request, client_address) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


ARTICLE_ONE = page(
    "Port seizure",
    "Customs officers seized two tonnes of cocaine hidden in a banana shipment on Tuesday.",
)
ARTICLE_LATIN1 = (
    "<html><head><title>Detenidos</title></head><body><p>La fiscalía informó que tres "
    "sospechosos fueron detenidos en el operativo del señor juez.</p></body></html>"
).encode("latin-1")
LONG_BODY = " ".join(["The prosecutor described the network in court testimony."] * 30)


def rss_feed(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>{base}/</link>
  <description>Local news</description>
  <item>
    <title>Port seizure</title>
    <link>{base}/news/one.html</link>
    <pubDate>Tue, 05 Mar 2024 10:30:00 +0100</pubDate>
    <author>desk@example.org (Ana Ruiz)</author>
    <description>Customs seized cocaine.</description>
  </item>
  <item>
    <title>Trial opens</title>
    <link>/news/two.html</link>
    <pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>{LONG_BODY}</p>]]></content:encoded>
  </item>
  <item>
    <title>Gone story</title>
    <link>{base}/news/gone.html</link>
  </item>
</channel>
</rss>""".encode("utf-8")


def atom_feed(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- served as application/xml: found by its root element -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Herald</title>
  <id>urn:example:valley</id>
  <updated>2024-03-07T12:00:00Z</updated>
  <entry>
    <title>Checkpoint attack</title>
    <link href="{base}/news/one.html"/>
    <id>urn:example:1</id>
    <updated>2024-03-07T12:00:00Z</updated>
    <author><name>Luis Peña</name></author>
    <summary>Short teaser only.</summary>
  </entry>
  <entry>
    <title>No link</title>
    <id>urn:example:2</id>
    <updated>2024-03-07T13:00:00Z</updated>
    <summary>Teaser without a link.</summary>
  </entry>
</feed>""".encode("utf-8")


def _flaky() -> Callable[[str], Reply]:
    seen: Counter[str] = Counter()

    def reply(path: str) -> Reply:
        seen[path] += 1
        if seen[path] == 1:
            return (503, {"Content-Type": HTML}, page("Busy", "try again"))
        return (200, {"Content-Type": HTML}, page("Recovered", "served on the second try"))

    return reply


def _slow(path: str) -> Reply:
    time.sleep(1.5)
    return (200, {"Content-Type": HTML}, page("Late", "too late"))


def _stream(total: int) -> Iterable[bytes]:
    chunk = b"<p>" + b"x" * 8185 + b"</p>"
    for _ in range(total // len(chunk)):
        yield chunk


def routes(base: str) -> dict[str, Route]:
    return {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/news/one.html": (200, {"Content-Type": HTML}, ARTICLE_ONE),
        "/news/two.html": (200, {"Content-Type": HTML}, page("Trial opens", "short page")),
        "/news/latin1.html": (200, {"Content-Type": "text/html; charset=iso-8859-1"}, ARTICLE_LATIN1),
        "/notes.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, b"Plain text note.\n"),
        "/private/secret.html": (200, {"Content-Type": HTML}, page("Secret", "hidden")),
        "/redirect": (302, {"Location": "/news/one.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/slow": _slow,
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "/big": lambda path: (200, {"Content-Type": HTML}, _stream(256 * 1024)),
        "/big-declared": (
            200,
            {"Content-Type": HTML, "Content-Length": str(100 * 1024 * 1024)},
            b"<p>",
        ),
        "/gzipped.html": (
            200,
            {"Content-Type": HTML, "Content-Encoding": "gzip"},
            gzip.compress(page("Compressed", "sent gzip-encoded")),
        ),
        "/flaky": _flaky(),
        "/always-503": (503, {"Content-Type": HTML}, page("Down", "maintenance")),
        "/rss.xml": (200, {"Content-Type": "application/rss+xml"}, rss_feed(base)),
        "/atom.xml": (200, {"Content-Type": "application/xml"}, atom_feed(base)),
        "/feed-as-html": (200, {"Content-Type": "text/html"}, rss_feed(base)),
        "/empty-feed.xml": (
            200,
            {"Content-Type": "application/rss+xml"},
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        ),
        "/data.xml": (200, {"Content-Type": "application/xml"}, b"<?xml version='1.0'?><prices/>"),
    }


@pytest.fixture(scope="session")
def site():
    """The main local site: pages, feeds, robots.txt disallowing /private/, failures."""
    with LocalSite({}) as running:
        running.routes.update(routes(running.base))
        yield running


@pytest.fixture
def broken_robots_site():
    """A site whose robots.txt answers 500: fetching must still be allowed."""
    with LocalSite({}) as running:
        running.routes.update(
            {
                "/robots.txt": (500, {"Content-Type": "text/plain"}, b"oops"),
                "/page.html": (200, {"Content-Type": HTML}, ARTICLE_ONE),
            }
        )
        yield running


@pytest.fixture
def local_site():
    """The LocalSite class, for tests that build a site of their own."""
    return LocalSite
