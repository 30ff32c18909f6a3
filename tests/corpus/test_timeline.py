"""The timeline as an analyst reads it: every line dated, told in words with its participants'
names, with the sentences that tell it; and `fuentes timeline` filtered by type, place, entity
and story (the selection is fuentes.corpus.timeline's; the CLI only parses and renders)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from fuentes.cli import app
from fuentes.corpus.timeline import format_rows, timeline_rows

ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


@pytest.mark.shared
@pytest.mark.models
def test_every_seed_timeline_line_has_date_summary_names_and_evidence(seeds_dir):
    from tests.corpus.test_events_corpus import seed_corpus

    events, ents, arts, _ = seed_corpus(seeds_dir)
    rows = timeline_rows(events, ents, arts)
    assert len(rows) >= 9
    text = format_rows(rows)
    for row, line in zip(rows, text.splitlines()):
        assert row["date"] and line.startswith(row["date"]), line
        names = [n for n in (*row["actors"], *row["targets"], row["place"]) if n]
        # a participant's or the place's name in the words (a report may write it longer: "Nemesio
        # Rubén Oseguera Cervantes" for the entity "Nemesio Oseguera Cervantes")
        words = {w for n in names for w in n.split() if len(w) > 3 and w[:1].isupper()}
        assert names and any(w in row["summary"] for w in words), (row["summary"], names)
        assert row["summary"] in line
        sentences = [e["text"] for e in row["evidence"] if e["text"]]
        assert sentences and all(len(s) > 20 for s in sentences), row["evidence"]
        # the sentence is the one that tells it: it holds the trigger
        assert not row["trigger"] or any(row["trigger"].lower() in s.lower() for s in sentences), row


ITEMS = [
    ("On Monday, soldiers and cartel gunmen clashed for two hours in Culiacán, leaving four gunmen dead.", "en"),
    ("On Tuesday, federal agents arrested the cartel accountant Daniel Brooks in Houston.", "en"),
    ("El miércoles, hombres armados asesinaron al comerciante Pedro Ruiz Salas en Uruapan.", "es"),
]


@pytest.fixture(scope="module")
def items_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("timeline")
    src, db = folder / "items.jsonl", folder / "items.db"
    with src.open("w", encoding="utf-8") as f:
        for n, (text, lang) in enumerate(ITEMS):
            f.write(json.dumps({"text": text, "language": lang, "outlet": f"Outlet {n}", "url": f"https://o{n}.example/1",
                                "published": "2026-03-12"}, ensure_ascii=False) + "\n")
    done = subprocess.run([sys.executable, "-m", "fuentes.cli", "run", str(src), "--db", str(db), "--no-progress"],
                          capture_output=True, text=True, timeout=600, env={**os.environ, **ENV})
    assert done.returncode == 0, done.stderr
    return str(db)


def timeline(*args: str) -> list[str]:
    done = CliRunner().invoke(app, ["timeline", *args], env=ENV)
    assert done.exit_code == 0, done.output
    return [line for line in done.stdout.splitlines() if line.strip()]


@pytest.mark.models
def test_timeline_filters_by_type_place_and_entity(items_store):
    every = timeline("--db", items_store)
    assert len(every) == 3 and all(line[:4] == "2026" for line in every), every
    clash = timeline("--db", items_store, "--type", "Armed clash")
    assert len(clash) == 1 and "<Armed clash>" in clash[0] and "Culiacán" in clash[0]
    assert timeline("--db", items_store, "--kind", "Battles") == clash  # ACLED event type
    assert len(timeline("--db", items_store, "--kind", "arrest")) == 1  # fuentes type
    (uruapan,) = timeline("--db", items_store, "--place", "uruapan")  # names compared case aside
    assert "<Attack>" in uruapan and "Pedro Ruiz Salas" in uruapan
    (named,) = timeline("--db", items_store, "--entity", "Daniel Brooks")
    assert "<Arrests>" in named
    assert timeline("--db", items_store, "--type", "Armed clash", "--place", "Uruapan") == ["no events"]
