"""One logic, two faces: the `fuentes` commands and the workbench answer the same view alike
(timeline matching and order, claim order, origins with their articles) on the same store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from fuentes.cli import app as cli_app
from fuentes.web import create_app


@pytest.fixture(scope="module")
def faces(sqlite_corpus):
    store, ids = sqlite_corpus
    db = store.url[len("sqlite:///"):]
    runner = CliRunner()

    def cli(*args: str) -> str:
        done = runner.invoke(cli_app, [*args, "--db", db], env={"COLUMNS": "250"})
        assert done.exit_code == 0, done.output
        return done.output

    with TestClient(create_app(store)) as client:
        yield cli, client, ids


@pytest.mark.parametrize("params, args", [
    ({}, ()),
    ({"entity": "ent_golfo00000000"}, ("--entity", "ent_golfo00000000")),
    ({"entity": "Cártel del Golfo"}, ("--entity", "Cártel del Golfo")),  # a name, accents aside
    ({"entity": "CARTEL DEL GOLFO"}, ("--entity", "CARTEL DEL GOLFO")),
    ({"entity": "veracruz"}, ("--entity", "veracruz")),  # a place stored as text
    ({"story": "sty_reynosa000000"}, ("--story", "sty_reynosa000000")),
])
def test_timeline_same_events_same_order(faces, params, args):
    cli, client, _ = faces
    web = client.get("/api/timeline", params=params).json()["events"]
    assert web, params
    lines = [line for line in cli("timeline", *args).splitlines() if line.strip()]
    assert [e["date"] for e in web] == [line.split()[0] for line in lines]  # the same events, same order
    for event, line in zip(web, lines):
        assert (event.get("summary") or event["event_type"].replace("_", " ")) in line


def test_timeline_sources_are_the_same(faces):
    cli, client, _ = faces
    web = client.get("/api/timeline").json()["events"]
    lines = [line for line in cli("timeline").splitlines() if line.strip()]
    for event, line in zip(web, lines):
        assert line.endswith(f"independent: {'; '.join(event['sources'])}]")
    assert web[0]["sources"][0] == "Agencia Externa"  # the origin before the outlet that carried it
    page = client.get("/timeline", params={"entity": "cartel del golfo"}).text
    listed = page.split('<ol class="timeline">', 1)[1]  # the events shown (the type filter names every type)
    assert "arrest" in listed and "protest" not in listed


def test_claims_in_the_same_order(faces):
    cli, client, _ = faces
    web = [c["text"] for c in client.get("/api/claims").json()["claims"]]
    output = cli("claims", "--min-articles", "1")
    positions = [output.index(text) for text in web]
    assert positions == sorted(positions) and len(web) == 2


def test_story_sources_count_the_origins_provenance_prints(faces):
    cli, client, ids = faces
    groups: dict[str, set[str]] = {}
    current = None
    for line in cli("provenance").splitlines():
        head = re.match(r"^(\S.*?)(?: \(not in the corpus\))?: \d+ article\(s\)", line)
        if head:
            current = head.group(1)
            groups[current] = set()
        elif current:
            groups[current] |= set(re.findall(r"\b(art_[0-9a-f]+)\s", line.split(" of ")[0]))
    origin_of = {article: origin for origin, members in groups.items() for article in members}
    assert origin_of[ids["copy"]] == origin_of[ids["rewrite"]] == "Diario Norte"
    for story in client.get("/api/stories").json()["stories"]:
        members = [a["id"] for a in story["articles"]]
        assert story["independent_sources"] == len({origin_of[a] for a in members}), story["id"]
