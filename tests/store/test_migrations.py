"""The Alembic migrations build exactly the schema the code declares."""

from __future__ import annotations

from sqlalchemy import inspect

from fuentes.store.schema import metadata


def test_migrated_columns_match_the_declared_schema(store):
    inspector = inspect(store.engine)
    for table in metadata.sorted_tables:
        migrated = {column["name"] for column in inspector.get_columns(table.name)}
        assert migrated == set(table.columns.keys()), table.name
        migrated_pk = set(inspector.get_pk_constraint(table.name)["constrained_columns"])
        assert migrated_pk == {c.name for c in table.primary_key.columns}, table.name


def test_a_store_of_every_earlier_revision_upgrades_to_the_declared_schema(tmp_path):
    """Each older store (as an earlier fuentes left it) upgrades in one go, its articles kept."""
    from alembic.script import ScriptDirectory

    from fuentes.store import open_store
    from fuentes.store.articles import count_articles, save_batch
    from fuentes.store.engine import alembic_config, migrate

    script = ScriptDirectory.from_config(alembic_config())
    revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))][:-1]
    assert revisions[0] == "0001"
    for revision in revisions:
        db = str(tmp_path / f"at_{revision}.db")
        old = open_store(db, upgrade=False)
        migrate(old.engine, revision)
        save_batch(old, [{"id": "art_old", "source": "old.txt", "text": "Kept across upgrades.", "kind": "unknown"}])
        old.close()
        upgraded = open_store(db)
        inspector = inspect(upgraded.engine)
        for table in metadata.sorted_tables:
            assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.columns.keys()), (
                revision, table.name)
        assert count_articles(upgraded) == 1
        upgraded.close()
