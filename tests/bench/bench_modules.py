"""Loading a benchmark script (bench/<name>.py, not a package) as a module for its tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str) -> ModuleType:
    """bench/<name>.py as the module `fuentes_bench_<name>`, registered in `sys.modules` (dataclasses
    look their module up there)."""
    spec = importlib.util.spec_from_file_location(f"fuentes_bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
