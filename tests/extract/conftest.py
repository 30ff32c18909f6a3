"""The extraction tests' shortcuts to one language's spaCy pipeline (`nlp`, in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp_en(nlp) -> object:
    return nlp["en"]
