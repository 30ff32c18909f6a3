"""Article text is hostile input: every page escapes it, scripts come only from /static, and
writing needs the operator's token."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from fuentes.web import create_app

TOKEN = "operator-secret"
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}


class Audit(HTMLParser):
    """Every element and attribute the browser would build from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in URL_ATTRS and value and value.strip().lower().startswith(("javascript:", "data:text")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not dict(attrs).get("src", "").startswith("/static/"):
            self.problems.append("inline <script>")
        if tag in ("iframe", "object", "embed", "img", "base"):
            self.problems.append(f"<{tag}>")


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    return parser.problems


@pytest.fixture(scope="module")
def site(sqlite_corpus):
    store, ids = sqlite_corpus
    with TestClient(create_app(store, token=TOKEN, max_upload=4096)) as client:
        yield client, ids


def test_hostile_article_is_escaped_everywhere(site):
    client, ids = site
    pages = [f"/articles/{ids['hostile']}", "/", "/articles", "/entities", "/entities/ent_hostile000000",
             "/claims", "/timeline", "/search?q=port", "/search?q=%3Cscript%3E", "/stories/sty_harbour000000",
             "/search?q=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert audit(response.text) == [], path
    page = client.get(f"/articles/{ids['hostile']}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # shown as text, not run
    assert "&lt;img src=x onerror=" in page


def test_csp_and_headers_on_every_response(site):
    client, ids = site
    for path in ("/", f"/articles/{ids['original']}", "/api/status", "/static/app.css", "/nowhere"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        script = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp and "'self'" in script
        assert headers["x-content-type-options"] == "nosniff"


def test_writing_needs_the_token(site, sqlite_corpus):
    client, _ = site
    upload = {"file": ("a.txt", b"Some article text about a raid in the port city.", "text/plain")}
    assert client.post("/api/ingest/upload", files=upload).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post("/api/ingest/upload", files=upload, headers=wrong).status_code == 401
    assert client.post("/api/ingest/url", json={"url": "http://127.0.0.1:9/"}, headers=wrong).status_code == 401
    store, _ = sqlite_corpus
    with TestClient(create_app(store, token="")) as readonly:  # no token configured: read-only
        response = readonly.post("/api/ingest/upload", files=upload, headers={"Authorization": "Bearer "})
        assert response.status_code == 403


def test_upload_limit_and_paths(site):
    client, _ = site
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"file": ("big.txt", b"x" * 10_000, "text/plain")}
    assert client.post("/api/ingest/upload", files=big, headers=auth).status_code == 413
    for bad in ("file:///etc/passwd", "/etc/passwd", "../fuentes.db", "ftp://127.0.0.1/x", "javascript:alert(1)"):
        assert client.post("/api/ingest/url", json={"url": bad}, headers=auth).status_code == 422, bad
    job = client.post("/api/ingest/upload", headers=auth,
                      files={"file": ("..\\..\\windows/evil.exe", b"MZ\x00\x00", "application/octet-stream")}).json()
    assert job["label"] == "evil.exe"
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"):
        response = client.get(path)
        assert response.status_code == 404 and "create_app" not in response.text, path


def test_search_input_stays_data(site):
    client, ids = site
    for query in ("'; DROP TABLE articles; --", "port\" OR 1=1 --", "articles_fts MATCH '*'", ")(", "\x00"):
        assert client.get("/api/search", params={"q": query}).status_code == 200, query
    assert client.get("/api/status").json()["articles"] >= 5
    assert client.get("/api/articles/%27%20OR%201=1").status_code == 404


def test_evidence_sentences_with_markup_stay_text(site):
    """Evidence excerpts cut from a hostile article (a claim's sentence holding a <script>, an
    entity mention beside one) are escaped on every page that lists them, and in the reader."""
    client, ids = site
    claim = client.get("/api/claims/clm_hostile000000").json()
    (item,) = [i for g in claim["evidence"]["groups"] for i in g["spans"]]
    assert "<script>window.__pwned=1</script>" in item["text"]  # the API gives the text as it is
    for path in ("/claims/clm_hostile000000", "/entities/ent_hostile000000", item["link"].split("#")[0],
                 f"/articles/{ids['hostile']}?start=0&end=40"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert audit(page.text) == [], path
        assert "<script>window" not in page.text, path
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page.text, path
    marked = client.get("/claims/clm_hostile000000").text
    assert "<mark>Officials said &lt;script&gt;window.__pwned=1&lt;/script&gt; the port" in marked
    entity = client.get("/entities/ent_hostile000000").text
    assert "Officials said &lt;script&gt;window.__pwned=1&lt;/script&gt; <mark>the port</mark>" in entity
