"""The spaCy pipelines, loaded once for the extraction tests through fuentes' own model loader."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp() -> dict:
    from fuentes.errors import ModelError
    from fuentes.nlp.models import load

    try:
        return {"en": load("en")[0], "es": load("es")[0]}
    except ModelError as exc:
        pytest.skip(f"spaCy models not installed: {exc}")


@pytest.fixture(scope="session")
def nlp_en(nlp) -> object:
    return nlp["en"]
