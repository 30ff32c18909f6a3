"""The store: SQLAlchemy Core schema, SQLite (default) or PostgreSQL, Alembic migrations."""

from fuentes.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
