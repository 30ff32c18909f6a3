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
