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


def open_db(db: Optional[str]):
    """The store named by --db; a store that cannot be opened ends the command with status 2."""
    from fuentes.store import open_store

    try:
        return open_store(db)
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
