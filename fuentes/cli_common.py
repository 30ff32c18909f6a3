"""What the `fuentes` commands share: the consoles, the --db option, opening the store."""

from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console

from fuentes.errors import FuentesError

out = Console()
err = Console(stderr=True)

DbOption = typer.Option(None, "--db", envvar="FUENTES_DB",
                        help="Store: a SQLite file path (default ./fuentes.db) or a postgresql:// URL.")


def open_db(db: Optional[str], *, create: bool = True):
    """The store named by --db; a store that cannot be opened ends the command with status 2.

    With `create=False` (every command that only reads) a SQLite store that does not exist is
    refused, status 2, instead of being created empty (parent folders included): a mistyped
    --db must not look like an empty knowledge base. Only the commands that write (ingest, run,
    analyse, merge, split, load) create a store."""
    from fuentes.store import open_store

    if not create:
        from fuentes.store.listings import missing_store

        missing = missing_store(db)
        if missing is not None:
            err.print(f"error: no store at {missing} (is --db mistyped?); `fuentes ingest` or `fuentes run` "
                      "creates one", markup=False, soft_wrap=True)
            raise typer.Exit(2)
    try:
        return open_store(db)
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)


def open_existing(db: Optional[str]):
    """The store named by --db for a command that only reads: it must exist (see `open_db`)."""
    return open_db(db, create=False)


def cut_note(shown: int, total: int, what: str) -> None:
    """Say on stderr when a listing shows only part of its list (stdout stays clean for --json)."""
    if shown < total:
        err.print(f"showing {shown} of {total} {what}; --limit 0 for all", markup=False, soft_wrap=True)


def add_id_column(table, ids, header: str = "id") -> None:
    """An id column that never wraps: ids are copied into other commands whole."""
    table.add_column(header, no_wrap=True, min_width=max((len(i) for i in ids), default=len(header)))
