"""The analysis job over a real store: per-article layers, corpus stages, idempotence, export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fuentes.analyse import analyse
from fuentes.export.jsonl import iter_records
from fuentes.ingest.job import ingest_items
from fuentes.ingest.sources import ReadOptions, iter_inputs
from fuentes.store.analysis import get_entity, provenance_rows, quotes_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

pytestmark = pytest.mark.models


@pytest.fixture
def analysed(store):
    ingest_items(iter_inputs([str(EXAMPLES)], ReadOptions()), store)
    first = analyse(store)
    return store, first


def test_every_article_is_analysed_once_and_a_rerun_does_nothing_new(analysed):
    store, first = analysed
    assert first.analysed == 7 and first.failed == 0
    again = analyse(store)
    assert again.analysed == 0
    assert (again.entities, again.quotes, again.derivations) == (first.entities, first.quotes, first.derivations)


def test_copies_get_the_origin_of_the_report_they_carry(analysed):
    store, _ = analysed
    rows = {row["outlet"]: row for row in provenance_rows(store)}
    assert rows["Valley Herald"]["kind"] == "syndicated"
    assert rows["Valley Herald"]["origin"] == rows["Gulf Coast Courier"]["origin"] == "Gulf Coast Courier"
    assert rows["Gulf Coast Courier"]["kind"] == "original"
    assert rows["Diario Costa Azul"]["origin"] == "El Heraldo del Norte"
    ledger = next(row for outlet, row in rows.items() if outlet.startswith("Metro Ledger"))
    assert (ledger["kind"], ledger["origin"]) == ("rewrite", "Gulf Coast Courier")
    assert rows["Pacific Port Review"]["kind"] == "original"


def test_speakers_resolve_to_corpus_entities_with_their_aliases(analysed):
    store, _ = analysed
    entity = get_entity(store, "El Relojero")
    assert entity is not None and entity["kind"] == "person"
    assert len(entity["articles"]) >= 4
    minister = get_entity(store, "Ledesma")
    assert minister is not None
    said = quotes_of(store, entity_id=minister["id"])
    assert said and all(row["speaker"] == minister["id"] for row in said)
    assert {row["outlet"] for row in said} >= {"Gulf Coast Courier", "Valley Herald"}


def test_export_carries_every_record_type_with_contract_fields(analysed):
    store, _ = analysed
    records = list(iter_records(store))
    types = {record["type"] for record in records}
    assert {"article", "entity", "quote", "derivation", "claim", "story", "event", "relation"} <= types
    quote = next(r for r in records if r["type"] == "quote")
    assert set(quote) >= {"id", "article", "speaker", "speaker_name", "text", "start", "end", "direct", "variant_of"}
    texts = {r["id"]: r["text"] for r in records if r["type"] == "article"}
    for record in records:
        if record["type"] == "quote":  # offsets point into the exported article text
            assert texts[record["article"]][record["start"]:record["end"]] == record["text"]


def test_run_command_does_ingest_and_analysis(tmp_path):
    db = tmp_path / "run.db"
    result = subprocess.run([sys.executable, "-m", "fuentes.cli", "run", str(EXAMPLES), "--db", str(db)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "stored 7, duplicates 0, rejected 0" in result.stderr
    assert "analysed 7 articles (0 failed)" in result.stderr
    exported = subprocess.run([sys.executable, "-m", "fuentes.cli", "export", "--db", str(db)],
                              capture_output=True, text=True, timeout=120)
    kinds = {json.loads(line)["type"] for line in exported.stdout.splitlines()}
    assert {"article", "entity", "quote", "derivation"} <= kinds

    def command(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "fuentes.cli", *args, "--db", str(db)], capture_output=True,
                              text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})
        assert done.returncode == 0, (args, done.stderr)
        return done.stdout

    assert "Gulf Coast Courier" in command("provenance") and "syndicated" in command("provenance")
    assert "Valley Herald" in command("outlets")
    assert "claims" in command("claims", "--min-articles", "1")
    assert "killing" in command("timeline") or "arrest" in command("timeline")
    assert "Zárate" in command("entities")
    profile = command("show", "El Relojero")
    assert "Julián Arturo Zárate Villaseñor" in profile and "aliases" in profile
    assert "Ledesma" in command("quotes")
    assert "independent" in command("relations")
    assert "key players" in command("network", "metrics", "--co-mentions")
    assert "likely successors" in command("network", "what-if", "El Relojero", "--co-mentions", "--recovery", "degree")
    graph_file = tmp_path / "net.graphml"
    command("network", "export", str(graph_file), "--co-mentions")
    assert graph_file.read_text(encoding="utf-8").startswith("<?xml")
    watch = Path(__file__).resolve().parent / "fixtures" / "watchlist.ftm.jsonl"
    assert "no watchlist hits" in command("watchlist", str(watch)) or "=" in command("watchlist")


def test_provenance_is_incremental_and_equals_a_run_from_scratch(store, tmp_path):
    files = sorted(EXAMPLES.iterdir())
    ingest_items(iter_inputs([str(f) for f in files[:2]], ReadOptions()), store)
    first = analyse(store)
    assert first.pairs_examined >= 1
    ingest_items(iter_inputs([str(f) for f in files[2:]], ReadOptions()), store)
    second = analyse(store)
    unchanged = analyse(store)
    assert unchanged.pairs_examined == 0  # nothing new: the saved index is not re-examined
    incremental = {row["id"]: (row["kind"], row["origin"]) for row in provenance_rows(store)}

    from fuentes.store.schema import corpus_state

    with store.engine.begin() as conn:
        conn.execute(corpus_state.delete())
    scratch = analyse(store, force=False)
    assert scratch.pairs_examined >= second.pairs_examined
    assert {row["id"]: (row["kind"], row["origin"]) for row in provenance_rows(store)} == incremental
