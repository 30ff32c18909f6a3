"""Reading the package's YAML data files (word lists, lexicons, taxonomies) with libyaml's C
parser when PyYAML was built with it, else PyYAML's own Python parser.

The two give the same objects for the package's files (tests/nlp/test_data_files.py checks
every one of them); the C parser is about ten times faster, and the lexicons are read in every
process that analyses (the main one and each worker): about 0.3 s of CPU per process saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["load_yaml"]


def load_yaml(source: Path | str) -> Any:
    """The data of a YAML file (a Path) or text (a str), as `yaml.safe_load` reads it."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return yaml.load(text, Loader=_Loader)  # a safe loader: SafeLoader's C twin
