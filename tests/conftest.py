"""Fixtures shared by the whole suite: the ../shared folder and stores on both back ends."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FUENTES_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session", autouse=True)
def machine_cache(tmp_path_factory):
    """What fuentes computes once per machine (the encoder's tokenizer, the event-type vectors)
    goes to a folder of this run, shared by its subprocesses, never to the user's cache."""
    before = os.environ.get("FUENTES_CACHE")
    os.environ["FUENTES_CACHE"] = str(tmp_path_factory.mktemp("fuentes-cache"))
    yield
    if before is None:
        os.environ.pop("FUENTES_CACHE", None)
    else:
        os.environ["FUENTES_CACHE"] = before


@pytest.fixture(scope="session")
def nlp() -> dict:
    """The English and Spanish spaCy pipelines, loaded once through fuentes' own model loader."""
    from fuentes.errors import ModelError
    from fuentes.nlp.models import load

    try:
        return {"en": load("en")[0], "es": load("es")[0]}
    except ModelError as exc:
        pytest.skip(f"spaCy models not installed: {exc}")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); this test reads its data at run time")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


def _postgres_url() -> str | None:
    url = os.environ.get("FUENTES_TEST_PG")
    if not url and os.environ.get("FUENTES_REQUIRE_PG"):
        pytest.fail("FUENTES_REQUIRE_PG is set but FUENTES_TEST_PG gives no server URL")
    return url


@contextmanager
def postgres_store():
    """A fresh, migrated store in a database of its own on the test PostgreSQL server, dropped
    afterwards; the test is skipped when there is no server (failed when FUENTES_REQUIRE_PG)."""
    url = _postgres_url()
    if not url:
        pytest.skip("no PostgreSQL server (set FUENTES_TEST_PG; .ci/start-postgres.sh starts one)")
    import sqlalchemy as sa

    from fuentes.store import open_store
    from fuentes.store.engine import database_url

    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    opened = open_store(url.rsplit("/", 1)[0] + "/" + name)
    try:
        yield opened
    finally:
        opened.close()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A fresh, migrated store on each back end (PostgreSQL when FUENTES_TEST_PG is set)."""
    from fuentes.store import open_store

    if request.param == "sqlite":
        opened = open_store(str(tmp_path / "test.db"))
        yield opened
        opened.close()
        return
    with postgres_store() as opened:
        yield opened


@pytest.fixture
def store_url(store) -> str:
    """The --db value that opens the same store from a subprocess or the CLI."""
    url = store.url
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    return url.replace("postgresql+psycopg://", "postgresql://")
