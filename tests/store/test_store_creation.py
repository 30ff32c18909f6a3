"""Creating and upgrading a store is atomic and safe when several processes do it at once.

A process SIGKILLed at any write of a migration (every CREATE TABLE / INDEX, ALTER and revision
stamp) leaves the store as it was: it opens and ingests afterwards. Stores an older fuentes left
half-migrated are repaired or refused with a message saying what to do. Several processes opening
or ingesting into a new store at once all succeed (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
advisory lock). Each test runs on SQLite and, with FUENTES_TEST_PG, on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from fuentes.errors import StoreError
from fuentes.ingest.job import ingest_items
from fuentes.ingest.raw import RawDocument
from fuentes.store import open_store
from fuentes.store.articles import count_articles
from fuentes.store.engine import KILL_AFTER_WRITE, alembic_config, database_url, migrate
from fuentes.store.schema import metadata

REPO = Path(__file__).resolve().parents[2]
HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()
TEXT = ("Police in the port city arrested two suspects on Monday after a long night operation, "
        "the state prosecutor said in a statement on Tuesday.")


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request, tmp_path):
    """A factory of --db values naming stores that do not exist yet: a new SQLite file, or an
    emptied PostgreSQL database (one per test, its schema dropped and made again per call)."""
    if request.param == "sqlite":
        counter = iter(range(10_000))
        yield lambda: str(tmp_path / f"new{next(counter)}.db")
        return
    url = os.environ.get("FUENTES_TEST_PG")
    if not url:
        pytest.skip("no PostgreSQL server (set FUENTES_TEST_PG; .ci/start-postgres.sh starts one)")
    admin = sa.create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    name = "t_" + uuid.uuid4().hex[:12]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = url.rsplit("/", 1)[0] + "/" + name
    emptier = sa.create_engine(database_url(db), poolclass=sa.pool.NullPool)

    def make() -> str:
        with emptier.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        return db

    yield make
    emptier.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _engine(db: str) -> sa.Engine:
    return sa.create_engine(database_url(db), poolclass=sa.pool.NullPool)


def _tables(db: str) -> set[str]:
    engine = _engine(db)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _revision(db: str) -> str | None:
    engine = _engine(db)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


def _open_at(db: str, revision: str):
    """A store migrated to an older `revision`, as an older fuentes left it."""
    store = open_store(db, upgrade=False)
    migrate(store.engine, revision)
    return store


# Forks a child per request that opens (creates or upgrades) a store and SIGKILLs itself after
# its N-th migration write; prints the child's status (-9 when killed, 0 when it finished).
# Forking from one process that has imported fuentes once keeps hundreds of kills fast.
KILLER = r"""
import os, sys
from fuentes.store.engine import KILL_AFTER_WRITE, open_store
for line in sys.stdin:
    writes, db = line.rstrip("\n").split(" ", 1)
    pid = os.fork()
    if pid == 0:
        os.environ[KILL_AFTER_WRITE] = writes
        try:
            open_store(db).close()
        except BaseException as error:
            print(repr(error), file=sys.stderr, flush=True)
            os._exit(3)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    print(-os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status), flush=True)
"""


@pytest.fixture
def killer():
    """open_killed(db, n): open `db` in a child process that SIGKILLs itself after write n."""
    process = subprocess.Popen([sys.executable, "-c", KILLER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True, cwd=REPO)

    def open_killed(db: str, writes: int) -> int:
        process.stdin.write(f"{writes} {db}\n")
        process.stdin.flush()
        status = int(process.stdout.readline())
        assert status in (0, -signal.SIGKILL), f"the child failed with status {status}"
        return status

    yield open_killed
    process.stdin.close()
    process.wait(timeout=30)


def _store_as_it_was(store, raw: RawDocument) -> None:
    """An article written the way an older fuentes wrote it: only the columns its revision has."""
    from fuentes.ingest.job import article_row, ingest_pipeline
    from fuentes.runners import doc_from_raw

    from datetime import datetime, timezone

    row = dict(article_row(ingest_pipeline()(doc_from_raw(raw))), ingested_at=datetime.now(timezone.utc))
    with store.engine.begin() as conn:
        table = sa.Table("articles", sa.MetaData(), autoload_with=conn)
        conn.execute(table.insert().values({k: v for k, v in row.items() if k in table.c}))


def _ingest_one(db: str, number: int) -> None:
    store = open_store(db)
    try:
        summary = ingest_items([RawDocument(source=f"after-kill-{number}.txt", data=f"{TEXT} Case {number}.",
                                            hints={"language": "en"})], store)
        assert (summary.stored, summary.rejected) == (1, 0), summary.rejections
    finally:
        store.close()


@pytest.mark.slow
def test_a_kill_at_any_write_of_store_creation_leaves_a_store_that_opens_and_ingests(new_db, killer):
    writes = 0
    while True:
        writes += 1
        assert writes < 200, "store creation never finished"
        db = new_db()
        if killer(db, writes) == 0:
            break
        assert _tables(db) == set(), f"killed after write {writes}: the half-made schema was kept"
        _ingest_one(db, writes)
        assert _revision(db) == HEAD
    assert writes > 30, "fewer writes than the migrations make: the kill hook is not counting them"


@pytest.mark.slow
def test_a_kill_at_any_write_of_an_upgrade_keeps_the_old_store_and_its_articles(new_db, killer):
    writes = 0
    while True:
        writes += 1
        assert writes < 200, "the upgrade never finished"
        db = new_db()
        old = _open_at(db, "0004")
        _store_as_it_was(old, RawDocument(source="before.txt", data=TEXT, hints={"language": "en"}))
        before = _tables(db)
        old.close()
        if killer(db, writes) == 0:
            break
        assert (_revision(db), _tables(db)) == ("0004", before), f"killed after write {writes}"
        _ingest_one(db, writes)
        reopened = open_store(db)
        assert count_articles(reopened) == 2
        reopened.close()
    assert writes > 5


def test_the_cli_killed_while_creating_its_store_then_run_again_ingests(new_db, tmp_path):
    db = new_db()
    page = tmp_path / "note.txt"
    page.write_text(TEXT + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "fuentes.cli", "ingest", str(page), "--db", db]
    killed = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO,
                            env=dict(os.environ, **{KILL_AFTER_WRITE: "3"}))
    assert killed.returncode == -signal.SIGKILL
    again = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert again.returncode == 0, again.stderr
    assert "stored 1, duplicates 0, rejected 0" in again.stderr


# --- stores an older fuentes left half-migrated ---

def _execute(db: str, *statements) -> None:
    engine = _engine(db)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement) if isinstance(statement, str) else statement)
    finally:
        engine.dispose()


def _assert_complete(db: str) -> None:
    store = open_store(db)
    try:
        inspector = inspect(store.engine)
        for table in metadata.sorted_tables:
            assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.columns.keys())
        indexes = {index["name"] for index in inspector.get_indexes("articles")}
        assert {"ix_articles_outlet", "ix_articles_published"} <= indexes
    finally:
        store.close()
    assert _revision(db) == HEAD
    _ingest_one(db, 0)


def test_tables_created_without_a_recorded_revision_are_kept_and_the_rest_made(new_db, caplog):
    # What a kill between two CREATE TABLE statements of an older fuentes left ("table articles
    # already exists" on every later open): articles without its indexes, no alembic_version.
    db = new_db()
    _execute(db, sa.schema.CreateTable(metadata.tables["articles"]))
    with caplog.at_level("WARNING", logger="fuentes.store.engine"):
        _assert_complete(db)
    assert "half-migrated" in caplog.text and "table articles" in caplog.text


def test_an_empty_revision_table_beside_some_tables_is_repaired(new_db):
    db = new_db()
    _execute(db, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
             sa.schema.CreateTable(metadata.tables["articles"]),
             sa.schema.CreateTable(metadata.tables["rejections"]))
    _assert_complete(db)


def test_a_revision_whose_table_exists_but_was_not_recorded_is_repaired(new_db):
    # "table entity_decisions already exists": an upgrade from 0004 killed after its CREATE TABLE.
    db = new_db()
    _open_at(db, "0004").close()
    _execute(db, sa.schema.CreateTable(metadata.tables["entity_decisions"]))
    _assert_complete(db)


def test_columns_of_an_unrecorded_revision_are_kept_and_the_missing_ones_added(new_db):
    db = new_db()
    _open_at(db, "0005").close()
    _execute(db, "ALTER TABLE entities ADD COLUMN evidence JSON", "ALTER TABLE quotes ADD COLUMN evidence JSON")
    _assert_complete(db)


def test_a_store_changed_by_hand_is_refused_with_what_to_do_and_left_as_it_was(new_db):
    db = new_db()
    _execute(db, "CREATE TABLE articles (id VARCHAR(40) PRIMARY KEY)")
    with pytest.raises(StoreError) as raised:
        open_store(db)
    message = str(raised.value)
    assert "table articles lacks column(s) source, url" in message and "changed outside fuentes" in message
    assert _tables(db) == {"articles"}  # the attempt was rolled back


def test_a_store_of_a_newer_fuentes_is_refused_with_what_to_do(new_db):
    db = new_db()
    open_store(db).close()
    _execute(db, "UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(StoreError, match="revision '0099' is unknown.*upgrade fuentes"):
        open_store(db)


# --- several processes at once ---

OPEN_AT_GO = """
import os, sys, time
from fuentes.store import open_store
go = sys.argv[2]
while not os.path.exists(go):
    time.sleep(0.002)
open_store(sys.argv[1]).close()
"""


def test_processes_opening_a_new_store_at_the_same_moment_all_succeed(new_db, tmp_path):
    for round_ in range(2):
        db = new_db()
        go = tmp_path / f"go{round_}"
        processes = [subprocess.Popen([sys.executable, "-c", OPEN_AT_GO, db, str(go)], cwd=REPO,
                                      stderr=subprocess.PIPE, text=True) for _ in range(5)]
        time.sleep(1.5)  # every process has imported fuentes and waits for the start
        go.touch()
        for process in processes:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        assert _revision(db) == HEAD


def test_two_first_time_ingests_into_a_new_store_both_succeed(new_db, tmp_path):
    inputs = tmp_path / "inputs.jsonl"
    inputs.write_text("".join(json.dumps({"text": f"{TEXT} Case {n}.", "language": "en"}) + "\n"
                              for n in range(20)), encoding="utf-8")
    db = new_db()
    command = [sys.executable, "-m", "fuentes.cli", "ingest", str(inputs), "--db", db, "--workers", "1"]
    runs = [subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
            for _ in range(2)]
    errors = [run.communicate(timeout=300)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors  # was: one of them exits 2
    stored = [int(err.rsplit("stored ", 1)[1].split(",")[0]) for err in errors]
    assert sum(stored) == 20, errors
    store = open_store(db)
    assert count_articles(store) == 20
    store.close()


def _switch_new_file_to_wal(path: str, barrier, results) -> None:
    import sqlite3

    from fuentes.store.engine import _sqlite_pragmas

    connection = sqlite3.connect(path)
    barrier.wait()
    try:
        _sqlite_pragmas(connection, None)
        results.put(connection.execute("PRAGMA journal_mode").fetchone()[0])
    except sqlite3.OperationalError as error:
        results.put(str(error))
    finally:
        connection.close()


def test_processes_opening_one_new_sqlite_file_at_once_all_switch_it_to_wal(tmp_path):
    # Regression: switching a new file to WAL needs its exclusive lock; two processes doing it
    # at the same instant each hold the shared lock the other needs, and SQLite answered one of
    # them "database is locked" at once (about 1 time in 4 here), whatever the busy timeout.
    import multiprocessing

    context = multiprocessing.get_context("fork")
    answers = []
    for attempt in range(60):
        barrier, results = context.Barrier(2), context.Queue()
        path = str(tmp_path / f"new{attempt}.db")
        workers = [context.Process(target=_switch_new_file_to_wal, args=(path, barrier, results))
                   for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
        answers += [results.get(timeout=5) for _ in workers]
    assert set(answers) == {"wal"}, sorted(set(answers))
