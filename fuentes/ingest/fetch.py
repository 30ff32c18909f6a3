"""Polite fetching of web pages and feeds.

fuentes identifies itself, honours robots.txt (cached per host; a robots.txt that cannot be
fetched allows everything), waits between two requests to the same host (longer when
robots.txt asks for a Crawl-delay), follows at most five redirects itself so that every hop
is checked against robots.txt, and streams bodies so a huge or endless response stops at the
byte limit. Every failure becomes a Rejection with one line saying what went wrong.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from fuentes.ingest.decode import content_type_parts
from fuentes.ingest.limits import (
    ReadOptions,
    format_seconds,
    one_line,
    too_large,
    too_large_streamed,
)
from fuentes.ingest.raw import RawDocument
from fuentes.model import Rejection

MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 30.0  # a robots.txt Crawl-delay above this is capped, not obeyed
TOTAL_TIME_FACTOR = 6  # a body trickling in slower than this many timeouts is abandoned
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"


@dataclass(slots=True)
class Fetched:
    """A successful response: final URL, media type, declared charset, body, fetch time."""

    url: str
    mime: str | None
    charset: str | None
    data: bytes
    fetched_at: str
    last_modified: str | None = None  # the Last-Modified header, when the server sends one
    etag: str | None = None  # the ETag header, for a conditional request next time
    status: int = 200  # 304: not modified since the validators the caller sent (no body)

    def to_raw(self, source: str, hints: dict[str, str] | None = None) -> RawDocument:
        fmt = "text" if self.mime == "text/plain" else "html"
        merged = dict(hints or {})
        merged.update(url=self.url, saved_at=self.fetched_at)
        if self.last_modified:
            merged["last_modified"] = self.last_modified
        return RawDocument(
            source=source, data=self.data, format=fmt, charset=self.charset, hints=merged
        )


class AddressRefused(httpx.RequestError):
    """A URL's host resolves to an address `ReadOptions.allow_address` refuses."""


def resolve_host(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address `host` resolves to (an IP literal gives itself); OSError when none."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in found))


class CheckedBackend(httpcore.SyncBackend):
    """Opens every connection to an address that passed `allow`, resolved once.

    The host is resolved here, each address is asked about, and the socket goes to the address
    that was asked about: a name that answers a public address to a check and 127.0.0.1 to the
    connection (DNS rebinding) has no second resolution to play with. TLS still names and
    verifies the host, not the address. Every connection goes through here, so robots.txt and
    every redirect hop are checked too.
    """

    def __init__(self, allow: Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]):
        self.allow = allow

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        try:
            addresses = resolve_host(host, port)
        except (OSError, UnicodeError, ValueError) as exc:
            raise AddressRefused(f"cannot resolve host {host}: {_say(exc)}") from exc
        for address in addresses:
            if not self.allow(address):
                raise AddressRefused(f"address not allowed: {host} is {address}")
        return super().connect_tcp(str(addresses[0]), port, timeout=timeout, local_address=local_address,
                                   socket_options=socket_options)


def checked_transport(allow: Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]) -> httpx.HTTPTransport:
    """An httpx transport whose connections go only to addresses `allow` accepts (see CheckedBackend)."""
    transport = httpx.HTTPTransport()
    transport._pool._network_backend = CheckedBackend(allow)  # httpcore's documented backend hook; httpx does not pass it on
    return transport


class Fetcher:
    """One polite HTTP client for a run: robots.txt and per-host timing are shared."""

    def __init__(self, options: ReadOptions, transport: httpx.BaseTransport | None = None):
        self.options = options
        # With an address policy every connection (robots.txt's and every redirect hop's included)
        # goes to an address checked at connection time (CheckedBackend).
        if options.allow_address and transport is None:
            transport = checked_transport(options.allow_address)
        self.client = httpx.Client(
            headers={"User-Agent": options.user_agent, "Accept": ACCEPT},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,
            transport=transport,
        )
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch_page(self, url: str, hints: dict[str, str] | None = None) -> RawDocument | Rejection:
        """A web page (HTML or plain text) as a RawDocument whose source is `url`."""
        got = self.fetch(url, PAGE_TYPES)
        return got if isinstance(got, Rejection) else got.to_raw(url, hints)

    def fetch(
        self, url: str, allowed: Collection[str] = PAGE_TYPES | FEED_TYPES, headers: dict[str, str] | None = None
    ) -> Fetched | Rejection:
        """GET `url`, following redirects, accepting the media types in `allowed`.

        A response without a Content-Type is accepted: the caller sniffs the bytes. `headers`:
        extra request headers, e.g. If-None-Match / If-Modified-Since for a conditional GET, whose
        "not modified" answer is a Fetched with status 304 and no body.
        """
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            problem = _check_url(current)
            if problem:
                return Rejection(url, problem)
            if self.options.respect_robots and not self._allowed(current):
                return Rejection(url, f"disallowed by robots.txt ({_origin(current)}/robots.txt)")
            got = self._get(url, current, allowed, headers)
            if not isinstance(got, str):
                return got
            current = got  # a redirect target
        return Rejection(url, f"too many redirects (more than {MAX_REDIRECTS})")

    def _get(self, source: str, url: str, allowed: Collection[str],
             headers: dict[str, str] | None = None) -> Fetched | Rejection | str:
        """One URL, with retries on connection errors and 5xx; a str is a redirect target."""
        attempts = max(0, self.options.retries) + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                result = self._request(source, url, allowed, retry_5xx=not last, headers=headers)
            except AddressRefused as exc:
                return Rejection(source, str(exc))
            except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError) as exc:
                if last:
                    return Rejection(source, f"cannot connect: {_say(exc)}")
                continue
            except httpx.TimeoutException:
                return Rejection(source, f"timed out after {format_seconds(self.options.timeout)}")
            except httpx.HTTPError as exc:
                return Rejection(source, f"request failed: {_say(exc)}")
            if result is not None:
                return result
        return Rejection(source, "no response")  # not reached: the last attempt always answers

    def _request(
        self, source: str, url: str, allowed: Collection[str], retry_5xx: bool, headers: dict[str, str] | None = None
    ) -> Fetched | Rejection | str | None:
        """One GET; None asks for a retry (5xx while retries remain)."""
        host = _origin(url)
        self._wait(host)
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(str(response.url), None, None, b"", _now(), response.headers.get("last-modified"),
                                   response.headers.get("etag"), status=304)
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        code = response.status_code
                        return Rejection(source, f"HTTP {code} redirect without a Location")
                    return urljoin(str(response.url), location)
                if response.status_code >= 500 and retry_5xx:
                    return None
                if response.status_code >= 400:
                    return Rejection(source, _http_error(response, source))
                mime, charset = content_type_parts(response.headers.get("content-type"))
                if mime is not None and mime not in allowed:
                    return Rejection(source, f"{_kind_wanted(allowed)}: content type {mime}")
                body = self._body(source, response, started)
                if isinstance(body, Rejection):
                    return body
                return Fetched(str(response.url), mime, charset, body, _now(),
                               response.headers.get("last-modified") or None, response.headers.get("etag") or None)
        finally:
            self._last[host] = time.monotonic()

    def _body(self, source: str, response: httpx.Response, started: float) -> bytes | Rejection:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return Rejection(source, too_large(int(declared), limit))
        deadline = started + self.options.timeout * TOTAL_TIME_FACTOR
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                return Rejection(source, too_large_streamed(limit))
            if time.monotonic() > deadline:
                seconds = format_seconds(self.options.timeout * TOTAL_TIME_FACTOR)
                return Rejection(source, f"timed out after {seconds} (body still arriving)")
        return bytes(body)

    def _wait(self, host: str) -> None:
        delay = self.options.per_host_delay
        robots = self._robots.get(host)
        if robots is not None:
            asked = robots.crawl_delay(self.options.user_agent)
            if asked:
                delay = max(delay, min(float(asked), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None and delay > 0:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        host = _origin(url)
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        robots = self._robots[host]
        return robots is None or robots.can_fetch(self.options.user_agent, url)

    def _load_robots(self, host: str) -> RobotFileParser | None:
        """The host's robots.txt, or None (everything allowed) when there is none or it fails."""
        self._wait(host)
        body = bytearray()
        try:
            with self.client.stream("GET", f"{host}/robots.txt", follow_redirects=True) as response:
                if response.status_code != 200:
                    return None
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > ROBOTS_MAX_BYTES:
                        break  # rules past this size are ignored, as search engines do
        except httpx.HTTPError:
            return None
        finally:
            self._last[host] = time.monotonic()
        parser = RobotFileParser()
        parser.parse(bytes(body).decode("utf-8", "replace").splitlines())
        return parser


def _check_url(url: str) -> str | None:
    try:
        parts = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        return f"invalid URL: {one_line(str(exc))}"
    if parts.scheme not in ("http", "https"):
        return f"unsupported URL scheme '{parts.scheme}' (use http or https)"
    if not parts.host:
        return "invalid URL: no host"
    return None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _http_error(response: httpx.Response, source: str) -> str:
    reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    final = str(response.url)
    return reason if final == source else f"{reason} (at {final})"


def _kind_wanted(allowed: Collection[str]) -> str:
    return "not a web page or feed" if any(t in FEED_TYPES for t in allowed) else "not a web page"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _say(exc: BaseException) -> str:
    return one_line(str(exc)) or type(exc).__name__
