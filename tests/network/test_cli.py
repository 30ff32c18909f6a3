"""`fuentes network population` and `key-players` through the command line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fuentes.cli", "network", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "200"})


@pytest.mark.shared
def test_population_command_reports_the_fit_and_every_scenario(shared_dir):
    done = run("population", "--data", str(shared_dir / "data" / "prieto-curiel-recruitment"))
    assert done.returncode == 0, done.stderr
    members_2022 = int(done.stdout.split("2022 ")[1].split(";")[0].replace(",", ""))
    assert 160_000 <= members_2022 <= 185_000
    for scenario in ("status_quo", "recruitment_halved", "incapacitation_doubled", "no_recruitment"):
        assert scenario in done.stdout


def test_population_command_names_a_missing_folder(tmp_path):
    done = run("population", "--data", str(tmp_path / "nowhere"))
    assert done.returncode == 2 and "nowhere" in done.stdout


def test_key_players_on_an_empty_store_says_so(tmp_path):
    from fuentes.store import open_store

    open_store(str(tmp_path / "empty.db")).close()  # reading commands refuse a store that does not exist
    done = run("key-players", "--db", str(tmp_path / "empty.db"))
    assert done.returncode == 0 and "no relations" in done.stdout
