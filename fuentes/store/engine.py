"""Opening a store: a SQLite file (default) or a PostgreSQL URL, migrated to the current schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from fuentes.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_DB = "fuentes.db"


@dataclass
class Store:
    """An open store: the engine plus what kind of database it is."""

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url_for_display(self) -> str:
        """The store's address without a password, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def database_url(db: str | None) -> str:
    """`--db` value -> SQLAlchemy URL. A path means SQLite; postgresql:// uses psycopg 3."""
    db = db or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL: readers (the web server) keep reading while one writer ingests.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (no-op when it is current)."""
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_store(db: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (creating and migrating if needed) the store named by `db`."""
    url = database_url(db)
    try:
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            Path(engine.url.database or ".").parent.mkdir(parents=True, exist_ok=True)
        if upgrade:
            migrate(engine)
    except (SQLAlchemyError, OSError, ModuleNotFoundError) as error:
        shown = url.split("@")[-1] if "@" in url else url  # never print a password
        raise StoreError(f"cannot open the store {shown}: {error}") from error
    return Store(engine=engine, url=url)
