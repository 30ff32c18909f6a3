"""Opening a store: a SQLite file (default) or a PostgreSQL URL, migrated to the current schema.

Creating or upgrading the schema is one transaction, whatever the back end: on SQLite the
migration runs on its own connection where fuentes, not the sqlite3 driver, emits the BEGIN
(the driver leaves DDL outside any transaction, so a kill between two CREATE TABLE statements
used to leave a store that could never be opened again). That BEGIN is `BEGIN IMMEDIATE`: it
takes SQLite's write lock, so a second process opening a new store waits, then finds it up to
date. On PostgreSQL a transaction-level advisory lock does the same. A store left half-migrated
by an older fuentes (some tables of a revision there, the revision not recorded) is repaired:
what exists is kept, what is missing is created, the revision stamped (migrations/env.py).
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from fuentes.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_DB = "fuentes.db"
# Key of the PostgreSQL advisory lock held while a process migrates a store (any bigint will do).
MIGRATION_LOCK = 0x6675656E746573  # "fuentes"
# Test hook: the migrating process SIGKILLs itself right after its N-th write statement (DDL or
# a revision stamp), before the transaction commits. Only tests set it.
KILL_AFTER_WRITE = "FUENTES_TEST_KILL_AFTER_MIGRATION_WRITE"
_WRITES = ("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE")
# How long a SQLite statement waits for a lock another process holds.
BUSY_TIMEOUT_MS = 30_000
WAL_SWITCH_RETRY_SECONDS = 0.01

log = logging.getLogger(__name__)


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


def _switch_to_wal(cursor) -> None:
    """WAL: readers (the web server) keep reading while one writer ingests.

    A file already in WAL mode stays so (the mode is kept in the file). Switching a new file
    needs its exclusive lock, and when two processes open the same new store at once SQLite
    answers one of them "database is locked" at once, without waiting (each holds the shared
    lock the other needs): that one tries again, for as long as the busy timeout would wait.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_SWITCH_RETRY_SECONDS)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # First, so that every later statement waits for a lock another process holds instead of
    # failing at once with "database is locked".
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_migration_connect(dbapi_connection, record) -> None:
    _sqlite_pragmas(dbapi_connection, record)
    # The driver's own transaction handling off: it would leave DDL outside any transaction.
    # SQLAlchemy's "begin" event emits the BEGIN instead (_sqlite_begin), its commit the COMMIT.
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection) -> None:
    # IMMEDIATE: take the write lock now, so two processes migrating one store run one after
    # the other (the second waits up to busy_timeout) instead of both creating the same tables.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _kill_after_writes(engine: Engine, limit: int) -> None:
    """Fault injection for tests: SIGKILL this process after its `limit`-th write statement."""
    count = 0

    def after_execute(_conn, _cursor, statement, *_args) -> None:
        nonlocal count
        words = statement.split(None, 1)
        if words and words[0].upper() in _WRITES:
            count += 1
            if count >= limit:
                os.kill(os.getpid(), signal.SIGKILL)

    event.listen(engine, "after_cursor_execute", after_execute)


def migration_engine(url: str | URL) -> Engine:
    """An engine for migrating only: no pool, and on SQLite transactional DDL under the write lock."""
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_migration_connect)
        event.listen(engine, "begin", _sqlite_begin)
    kill_after = os.environ.get(KILL_AFTER_WRITE)
    if kill_after:
        _kill_after_writes(engine, int(kill_after))
    return engine


@contextmanager
def migration_connection(url: str | URL) -> Iterator:
    """One transaction holding the store's migration lock; committed when the block ends,
    rolled back (nothing of a half-done migration kept) when it raises or the process dies."""
    engine = migration_engine(url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            yield connection
    finally:
        engine.dispose()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _shown(url: str | URL) -> str:
    shown = make_url(url).render_as_string(hide_password=True)
    return shown.split("@")[-1] if "@" in shown else shown  # as open_store shows it: no credentials


def schema_mismatch(shown: str, problems: list[str]) -> StoreError:
    """The error for a store whose tables do not match what the migrations make (env.py)."""
    return StoreError(
        f"cannot open the store {shown}: it does not match the schema fuentes makes ({'; '.join(problems)}); "
        "it was changed outside fuentes. Nothing was changed by this attempt. Fix or drop those tables "
        "by hand, or export what you need and open a new store")


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to the newest revision (no-op when it is current), in one transaction.

    `revision` names an older target (tests build stores of earlier versions with it)."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    target = head if revision == "head" else revision
    with engine.connect() as connection:  # the common case: up to date, checked without a lock
        if MigrationContext.configure(connection).get_current_revision() == target:
            return
    shown = _shown(engine.url)
    with migration_connection(engine.url) as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current == target:  # another process migrated it while this one waited for the lock
            return
        if current is not None:
            try:
                script.get_revision(current)
            except Exception as error:
                raise StoreError(
                    f"cannot open the store {shown}: its schema revision {current!r} is unknown to this "
                    f"version of fuentes (newest known: {head}); it was written by a newer fuentes: "
                    "upgrade fuentes to open it") from error
        repaired: list[str] = []
        config.attributes["connection"] = connection
        config.attributes["repaired"] = repaired
        config.attributes["shown"] = shown
        command.upgrade(config, target)
        if repaired:
            log.warning("the store %s was left half-migrated by an earlier run; kept what existed (%s), "
                        "created the rest and recorded revision %s", shown, ", ".join(repaired), target)


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
