"""What a new analyst meets in daily use of the CLI (issue 20): reading commands refuse a
store that does not exist, `fuentes stories` and `fuentes show STORY`, listings say when they
are cut, `-o` for every command that writes a file, CSV and Parquet export, what `network
population` reads, and the package licence as an SPDX string."""

from __future__ import annotations

import csv
import io
import json
import re
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fuentes.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def fuentes(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})


@pytest.fixture(scope="session")
def store(tmp_path_factory) -> str:
    """The examples, ingested and analysed once for this module."""
    db = tmp_path_factory.mktemp("daily") / "examples.db"
    done = subprocess.run([sys.executable, "-m", "fuentes.cli", "run", str(EXAMPLES), "--db", str(db),
                           "--saved-at", "2026-03-09T20:00:00-06:00", "--no-progress"],
                          capture_output=True, text=True, timeout=600, env={**os.environ, **ENV})
    assert done.returncode == 0, done.stderr
    return str(db)


# --- 1. a mistyped --db on a reading command creates nothing -----------------------------------

READING = [["articles"], ["show", "art_x"], ["entities"], ["quotes"], ["provenance"], ["claims"], ["outlets"],
           ["timeline"], ["relations"], ["stories"], ["rejections"], ["export"], ["export", "--check"],
           ["watchlist"], ["network", "metrics"], ["network", "key-players"], ["network", "what-if", "X"],
           ["network", "export", "-o", "net.graphml"]]


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_reading_commands_refuse_a_store_that_does_not_exist(tmp_path, command):
    missing = tmp_path / "typo" / "deeper" / "x.db"
    done = fuentes(*command, "--db", str(missing))
    assert done.exit_code == 2, done.output
    assert "no store at" in done.stderr and str(missing) in done.stderr
    assert not (tmp_path / "typo").exists()  # neither the file nor its parent folders


def test_a_mistyped_db_in_a_subprocess_exits_2_with_one_line(tmp_path):
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    done = subprocess.run([sys.executable, "-m", "fuentes.cli", "articles", "--db", str(missing)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, **ENV})
    assert done.returncode == 2 and done.stdout == ""
    assert "no store at" in done.stderr and "fuentes ingest" in done.stderr
    assert not (tmp_path / "nonexistent").exists()


def test_fuentes_db_from_the_environment_is_checked_too(tmp_path):
    done = fuentes("entities", env={"FUENTES_DB": str(tmp_path / "nowhere.db")})
    assert done.exit_code == 2 and not (tmp_path / "nowhere.db").exists()


def test_commands_that_write_still_create_a_store(tmp_path):
    db = tmp_path / "new" / "fresh.db"
    done = fuentes("analyse", "--db", str(db), "--no-progress")
    assert done.exit_code == 0, done.output
    assert db.is_file()
    listed = fuentes("articles", "--db", str(db))
    assert listed.exit_code == 0 and "0 of 0 articles" in listed.stdout


def test_an_existing_store_reads_as_before(store):
    done = fuentes("articles", "--db", store)
    assert done.exit_code == 0 and "7 of 7 articles" in done.stdout and done.stderr == ""


# --- 2. stories --------------------------------------------------------------------------------

def test_stories_lists_title_dates_articles_outlets_and_independent_sources(store):
    done = fuentes("stories", "--db", store, "--json")
    assert done.exit_code == 0, done.output
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 2 and all(r["id"].startswith("sto_") for r in rows)
    biggest = rows[0]
    assert len(biggest["articles"]) == 6 and biggest["title"]
    assert biggest["start"] == "2026-03-09" and biggest["end"] == "2026-03-11"
    assert "Gulf Coast Courier" in biggest["outlets"] and len(biggest["outlets"]) == 6
    # two syndicated copies and a rewrite do not count as sources of their own
    assert biggest["independent_sources"] == 3
    table = fuentes("stories", "--db", store)
    assert table.exit_code == 0 and "2 of 2 stories" in table.stdout
    for row in rows:
        assert row["id"] in table.stdout  # ids stay whole


def test_stories_uses_the_library_the_web_can_share(store):
    from fuentes.store import open_store
    from fuentes.views.stories import get_story, list_stories

    found = list_stories(open_store(store))
    assert [len(s["articles"]) for s in found] == [6, 1]
    assert get_story(open_store(store), "sto_nope") is None


def test_show_a_story_then_its_timeline(store):
    story = json.loads(fuentes("stories", "--db", store, "--json").stdout.splitlines()[0])
    done = fuentes("show", story["id"], "--db", store)
    assert done.exit_code == 0, done.output
    assert story["title"] in done.stdout and "independent" in done.stdout
    for article in story["articles"]:
        assert article in done.stdout
    assert "syndicated of" in done.stdout and f"timeline --story {story['id']}" in done.stdout
    timeline = fuentes("timeline", "--story", story["id"], "--db", store)
    assert timeline.exit_code == 0 and timeline.stdout.strip() != "no events"


def test_show_names_what_it_looked_for(store):
    done = fuentes("show", "sto_0000", "--db", store)
    assert done.exit_code == 2 and "no article, story or entity" in done.stderr


# --- 3. listings say when they are cut ---------------------------------------------------------

@pytest.mark.parametrize("command, what", [(["articles"], "articles"), (["articles", "--json"], "articles"),
                                           (["entities"], "entities"), (["claims", "--min-articles", "1"], "claims"),
                                           (["stories"], "stories"), (["stories", "--json"], "stories")])
def test_a_cut_listing_says_so_on_stderr(store, command, what):
    done = fuentes(*command, "--db", store, "--limit", "1")
    assert done.exit_code == 0, done.output
    assert "showing 1 of " in done.stderr and what in done.stderr and "--limit 0 for all" in done.stderr
    assert "showing" not in done.stdout
    if "--json" in command:
        assert len([json.loads(line) for line in done.stdout.splitlines()]) == 1  # stdout stays JSON lines
    whole = fuentes(*command, "--db", store, "--limit", "0")
    assert whole.exit_code == 0 and "showing" not in whole.stderr


@pytest.mark.parametrize("command, prefix", [(["articles"], "art_"), (["entities"], "ent_"), (["stories"], "sto_")])
def test_ids_stay_whole_in_80_columns(store, command, prefix):
    done = fuentes(*command, "--db", store, "--limit", "5", env={"COLUMNS": "80"})
    assert done.exit_code == 0, done.output
    ids = re.findall(rf"{prefix}[0-9a-f]+", done.stdout)
    assert ids and all(len(i) == len(prefix) + 16 for i in ids), ids  # none cut at the column edge
    assert max(len(line) for line in done.stdout.splitlines()) <= 80


# --- 4. -o for every command that writes a file ------------------------------------------------

def test_network_export_takes_o_like_export_and_keeps_the_positional_form(store, tmp_path):
    with_option = tmp_path / "a.graphml"
    done = fuentes("network", "export", "-o", str(with_option), "--db", store)
    assert done.exit_code == 0, done.output
    positional = tmp_path / "b.graphml"
    done = fuentes("network", "export", str(positional), "--db", store)
    assert done.exit_code == 0, done.output
    assert with_option.read_text() == positional.read_text() and "<graphml" in positional.read_text()
    gexf = tmp_path / "c.gexf"
    assert fuentes("network", "export", "--output", str(gexf), "-f", "gexf", "--db", store).exit_code == 0
    assert "<gexf" in gexf.read_text()
    assert fuentes("network", "export", "--db", store).exit_code == 2
    assert fuentes("network", "export", str(tmp_path / "x"), "-o", str(tmp_path / "y"), "--db", store).exit_code == 2


# --- 5. CSV and Parquet export -----------------------------------------------------------------

def _jsonl(store) -> list[dict]:
    done = fuentes("export", "--db", store)
    assert done.exit_code == 0
    return [json.loads(line) for line in done.stdout.splitlines()]


def _by_type(records: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for record in records:
        grouped.setdefault(record["type"], []).append(record)
    return grouped


def _same(record: dict, row: dict[str, str]) -> None:
    for key, expected in record.items():
        if isinstance(expected, (list, dict)):
            assert json.loads(row[key]) == expected, key  # nested values as JSON text
        else:
            assert row[key] == ("" if expected is None else str(expected)), key


def test_export_csv_to_a_folder_one_file_per_record_type(store, tmp_path):
    records = _by_type(_jsonl(store))
    folder = tmp_path / "tables"
    done = fuentes("export", "--db", store, "--format", "csv", "-o", str(folder))
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{kind}.csv" for kind in records)
    for kind, expected in records.items():
        with (folder / f"{kind}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(expected)
        for record, row in zip(expected, rows):
            _same(record, row)  # the codec's record, nested values as JSON text


def test_export_csv_to_a_zip(store, tmp_path):
    records = _by_type(_jsonl(store))
    target = tmp_path / "kb.zip"
    done = fuentes("export", "--db", store, "-f", "csv", "-o", str(target))
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted(f"{kind}.csv" for kind in records)
        entities = list(csv.DictReader(io.StringIO(archive.read("entity.csv").decode("utf-8"))))
    assert len(entities) == len(records["entity"])
    assert json.loads(entities[0]["evidence"])[0]["extractor"].startswith("entities@")


def test_export_parquet(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    records = _by_type(_jsonl(store))
    folder = tmp_path / "parquet"
    done = fuentes("export", "--db", store, "--format", "parquet", "-o", str(folder))
    assert done.exit_code == 0, done.output
    for kind, expected in records.items():
        table = pq.read_table(folder / f"{kind}.parquet").to_pylist()
        assert len(table) == len(expected)
        assert table[0]["id" if "id" in expected[0] else "type"] == expected[0]["id" if "id" in expected[0] else "type"]
    claims = pq.read_table(folder / "claim.parquet").to_pylist()
    assert json.loads(claims[0]["articles"]) == records["claim"][0]["articles"]


def test_export_tables_need_an_output_and_a_known_format(store):
    done = fuentes("export", "--db", store, "--format", "csv")
    assert done.exit_code == 2 and "-o" in done.stderr
    done = fuentes("export", "--db", store, "--format", "xlsx")
    assert done.exit_code == 2 and "csv, parquet" in done.stderr
    done = fuentes("export", "--db", store, "--format", "parquet", "-o", "kb.zip")
    assert done.exit_code == 2 and "folder" in done.stderr


def test_parquet_without_pyarrow_says_what_to_install(store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    done = fuentes("export", "--db", store, "--format", "parquet", "-o", str(tmp_path / "p"))
    assert done.exit_code == 2 and "pyarrow" in done.stderr


# --- 6. what network population reads ----------------------------------------------------------

def test_network_population_help_says_what_it_reads_and_db_is_refused_clearly(tmp_path):
    shown = fuentes("network", "population", "--help")
    assert shown.exit_code == 0
    assert "not the store" in shown.stdout and "--data" in shown.stdout
    done = fuentes("network", "population", "--db", str(tmp_path / "x.db"))
    assert done.exit_code == 2 and "does not read the store" in done.stderr and "--data" in done.stderr
    assert not (tmp_path / "x.db").exists()


# --- 7. the licence as an SPDX string ----------------------------------------------------------

def test_license_is_an_spdx_string_with_a_setuptools_that_reads_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    requires = project["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=") and
               tuple(int(x) for x in r.split(">=")[1].split(".")[:1]) >= (77,) for r in requires)


def test_key_players_on_an_existing_empty_store_says_so(tmp_path):
    # What tests/network/test_cli.py::test_key_players_on_an_empty_store_says_so means, now that a
    # store that does not exist is refused: the empty store is made first.
    db = tmp_path / "empty.db"
    assert fuentes("analyse", "--db", str(db), "--no-progress").exit_code == 0
    done = fuentes("network", "key-players", "--db", str(db))
    assert done.exit_code == 0 and "no relations" in done.stdout
