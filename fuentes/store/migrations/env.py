"""Alembic environment: runs on the connection fuentes hands over (see store.engine)."""

from alembic import context

from fuentes.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line with a URL in the config
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    connection = engine.connect()

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
