"""Writes behind the workbench fail as StoreError naming what failed and the store, never as a
raw database error; `fuentes serve` prints that line and exits 2."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from fuentes.errors import StoreError


class Refusing:
    """An engine whose every transaction the database refuses."""

    def __init__(self, url):
        self.url = url

    def begin(self):
        raise OperationalError("CREATE VIRTUAL TABLE articles_fts", {}, Exception("no such module: fts5"))


def test_search_index_failure_names_the_store_and_the_fix(store, monkeypatch):
    from fuentes.store.search import ensure_search_index

    monkeypatch.setattr(store, "engine", Refusing(store.engine.url))
    with pytest.raises(StoreError) as caught:
        ensure_search_index(store)
    message = str(caught.value)
    assert message.startswith("cannot create the full-text search index in the store ")
    assert "no such module: fts5" in message and "SQLite needs FTS5" in message
    assert "sqlite" in message or "postgresql" in message


def test_renaming_merged_ids_failure_is_a_store_error(store, monkeypatch):
    from fuentes.store.decisions import rename_entity_refs

    rename_entity_refs(store, {})  # nothing to rename: no transaction at all
    monkeypatch.setattr(store, "engine", Refusing(store.engine.url))
    with pytest.raises(StoreError, match=r"cannot rename 1 merged entity id\(s\) .* in the store "):
        rename_entity_refs(store, {"ent_old": "ent_new"})


def test_serve_reports_a_store_error_and_exits_2(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import fuentes.web.app as web_app
    from fuentes.cli import app

    def refuse(store):
        raise StoreError(f"cannot create the full-text search index in the store {store.url}: no such module: fts5")

    monkeypatch.setattr(web_app, "ensure_search_index", refuse)
    done = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db")])
    assert done.exit_code == 2 and "error: cannot create the full-text search index" in done.output
