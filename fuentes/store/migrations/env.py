"""Alembic environment: runs on the connection fuentes hands over (see store.engine).

All pending revisions run in the one transaction that connection is in (transactional DDL on
SQLite too, see `fuentes.store.engine.migration_connection`), so a kill at any statement leaves
the store as it was before. A store an older fuentes left half-migrated (tables or columns of
a revision present, the revision not recorded) is repaired here: an object a revision would
create that already exists is kept and skipped, the rest is created, the revision stamped.
"""

from alembic import context
from sqlalchemy import inspect

from fuentes.store.engine import schema_mismatch
from fuentes.store.schema import metadata


def _keep_existing(impl, connection, repaired: list) -> None:
    """Make create_table / create_index / add_column skip what already exists (and say so).

    A table kept must have every column the revision creates it with; else the store was changed
    outside fuentes and the migration stops with an error saying so (its transaction rolled back).
    """
    create_table, create_index, add_column = impl.create_table, impl.create_index, impl.add_column

    def create_table_if_missing(table, **kw):
        inspector = inspect(connection)
        if inspector.has_table(table.name, schema=table.schema):
            have = {found["name"] for found in inspector.get_columns(table.name, schema=table.schema)}
            missing = [name for name in table.columns.keys() if name not in have]
            if missing:
                shown = context.config.attributes.get("shown") or connection.engine.url.render_as_string(
                    hide_password=True)
                raise schema_mismatch(shown, [f"table {table.name} lacks column(s) {', '.join(missing)}"])
            repaired.append(f"table {table.name}")
            return None
        return create_table(table, **kw)

    def create_index_if_missing(index, **kw):
        table = index.table
        known = {found["name"] for found in inspect(connection).get_indexes(table.name, schema=table.schema)}
        if index.name in known:
            repaired.append(f"index {index.name}")
            return None
        return create_index(index, **kw)

    def add_column_if_missing(table_name, column, *args, schema=None, **kw):
        known = {found["name"] for found in inspect(connection).get_columns(table_name, schema=schema)}
        if column.name in known:
            repaired.append(f"column {table_name}.{column.name}")
            return None
        return add_column(table_name, column, *args, schema=schema, **kw)

    impl.create_table = create_table_if_missing
    impl.create_index = create_index_if_missing
    impl.add_column = add_column_if_missing


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      transactional_ddl=True, transaction_per_migration=False)
    _keep_existing(context.get_context().impl, connection, context.config.attributes.setdefault("repaired", []))
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line with a URL in the config: same lock, one transaction
    from fuentes.store.engine import migration_connection

    with migration_connection(context.config.get_main_option("sqlalchemy.url")) as locked:
        _run(locked)
else:
    _run(connection)
