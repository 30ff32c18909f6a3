"""URL ingest from the web reaches public addresses only, unless the operator allows private ones."""

from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from fuentes.web import create_app
from fuentes.web.addresses import address_kind, url_problem

TOKEN = "url-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = ("<!doctype html><html><head><title>Navy seizes fuel</title></head><body><article>"
        "<h1>Navy seizes fuel</h1><p>Marines seized a boat carrying stolen fuel near the port of Tuxpan on "
        "Thursday, the navy said in a statement.</p><p>Three crew members were handed to federal "
        "prosecutors, who opened an investigation into the fuel theft network.</p></article></body></html>")


@pytest.fixture(scope="module")
def local_server():
    """A news page on 127.0.0.1, with a redirect to it; counts the requests it gets."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            hits.append(self.path)
            if self.path == "/jump":
                self.send_response(302)
                self.send_header("Location", "/news.html")
                self.end_headers()
                return
            body = PAGE.encode() if self.path == "/news.html" else b"not here"
            self.send_response(200 if self.path == "/news.html" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "a loopback"), ("::1", "a loopback"), ("::ffff:127.0.0.1", "a loopback"),
    ("10.0.0.1", "a private"), ("192.168.1.20", "a private"), ("172.16.5.4", "a private"), ("fd00::1", "a private"),
    ("169.254.169.254", "a link-local"), ("fe80::1", "a link-local"), ("224.0.0.251", "a multicast"),
    ("240.0.0.1", "a reserved"), ("0.0.0.0", "an unspecified"), ("100.64.0.1", "a non-public"),
    ("93.184.216.34", None), ("2606:4700:4700::1111", None),
    ("2002:7f00:1::1", "a loopback"), ("2002:a00:1::1", "a private"), ("64:ff9b::a9fe:a9fe", "a link-local"),
    ("2002:5db8:d822::1", None),  # 6to4 of a public address stays public
])
def test_address_kinds(address, kind):
    assert address_kind(ipaddress.ip_address(address)) == kind


def test_hosts_are_resolved_before_judging():
    assert "localhost" in url_problem("http://localhost:9/x")
    assert "a loopback address" in url_problem("http://localhost/")
    assert "a loopback address" in url_problem("http://2130706433/")  # 127.0.0.1 written as a number
    assert url_problem("http://no-such-host.invalid/") is None  # not refused here: the job reports it


def test_web_refuses_internal_addresses_by_default(sqlite_corpus, local_server):
    store, _ = sqlite_corpus
    base, hits = local_server
    before = len(hits)
    with TestClient(create_app(store, token=TOKEN)) as client:
        for url, kind in ((f"{base}/news.html", "a loopback"), ("http://10.0.0.1/", "a private"),
                          ("http://169.254.169.254/latest/meta-data/", "a link-local"),
                          ("http://[::1]:8000/", "a loopback")):
            response = client.post("/api/ingest/url", json={"url": url}, headers=AUTH)
            assert response.status_code == 422, url
            detail = response.json()["detail"]
            assert f"is {kind} address" in detail and "--allow-private-urls" in detail, detail
        assert client.get("/api/jobs").json() == []
    assert len(hits) == before  # nothing was sent to the local server


def test_allowed_private_urls_fetch_a_localhost_page(store, local_server, wait_job):
    base, hits = local_server
    with TestClient(create_app(store, token=TOKEN, allow_private_urls=True)) as client:
        job = client.post("/api/ingest/url", json={"url": f"{base}/jump"}, headers=AUTH)
        assert job.status_code == 202
        job = wait_job(client, job.json())
        assert job["state"] == "done" and job["stored"] == 1, job
        article = client.get(f"/api/articles/{job['articles'][0]}").json()["article"]
        assert "stolen fuel" in article["text"] and article["url"] == f"{base}/news.html"
    assert "/jump" in hits and "/news.html" in hits
