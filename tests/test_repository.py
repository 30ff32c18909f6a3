"""What the repository holds: only the project's own files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_no_local_environment_or_store_is_tracked():
    """Regression: a symlink to a local virtual environment was committed as `.venv`; checking
    it out replaced the working copy's environment with a link to itself."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    local = [path for path in tracked if path.split("/")[0] in (".venv", "venv", ".ci-artifacts")
             or path.endswith((".db", ".db-wal", ".db-shm"))]
    assert local == []
