"""The store is a narrow interface: outside `fuentes/store/` no module imports SQLAlchemy or the
schema, or opens a connection on a store's engine. The CLI, the web, the corpus stages, export
and Spark call named store functions instead (`fuentes.store.articles`, `.analysis`, `.views`,
`.decisions`, `.search`, `.watchlists`...)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fuentes"
STORE = PACKAGE / "store"
FORBIDDEN = ("sqlalchemy", "fuentes.store.schema")
ENGINE_CALLS = {"connect", "begin", "raw_connection", "execute", "exec_driver_sql"}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if STORE in path.parents:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return found


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute name a `from ... import` reads from (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[:len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def imported_names(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, module name) of every import in the file, nested ones included; `from a import b`
    counts as both `a` and `a.b` (b may be a submodule, as in `from fuentes.store import schema`);
    `importlib.import_module("x")` and `__import__("x")` with a literal name count too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, path, node)
            names.append((node.lineno, base))
            names += [(node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*"]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__"):
                names.append((node.lineno, node.args[0].value))
    return names


def engine_uses(path: Path) -> list[int]:
    """Lines that open a connection on an engine: `<anything>.engine.connect()` and the like."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in ENGINE_CALLS
            and isinstance(node.value, ast.Attribute) and node.value.attr == "engine"]


def test_the_walk_sees_the_package():
    modules = dict(_modules())
    assert "fuentes.cli" in modules and "fuentes.web.knowledge" in modules
    assert not any(name.startswith("fuentes.store") for name in modules)


def test_relative_and_submodule_imports_are_resolved(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from ..store import schema\nfrom sqlalchemy.exc import SQLAlchemyError\n"
                      "def f():\n    import importlib\n    importlib.import_module('sqlalchemy.orm')\n")
    names = [name for _, name in imported_names("fuentes.web.sample", sample)]
    assert "fuentes.store.schema" in names and "sqlalchemy.exc" in names and "sqlalchemy.orm" in names
    assert all(_forbidden(n) for n in ("sqlalchemy", "sqlalchemy.exc", "fuentes.store.schema"))
    assert not _forbidden("sqlalchemy_utils") and not _forbidden("fuentes.store.schemas")


def test_no_module_outside_the_store_imports_sqlalchemy_or_the_schema():
    offenders = []
    for module, path in _modules():
        hits = sorted({f"{name} (line {line})" for line, name in imported_names(module, path) if _forbidden(name)})
        if hits:
            offenders.append(f"{module}: {', '.join(hits)}")
    assert not offenders, "outside fuentes/store, these import SQLAlchemy or the schema; give them a store " \
                          "function instead:\n  " + "\n  ".join(offenders)


def test_no_module_outside_the_store_opens_a_connection():
    offenders = [f"{module}: line(s) {', '.join(map(str, lines))}"
                 for module, path in _modules() if (lines := engine_uses(path))]
    assert not offenders, "outside fuentes/store, these run queries on a store's engine:\n  " + "\n  ".join(offenders)
