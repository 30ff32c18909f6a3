"""Database errors of a write turned into a StoreError a user can act on: what failed, on which store."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.exc import SQLAlchemyError

from fuentes.errors import StoreError
from fuentes.store.engine import Store


def shown_url(store: Store) -> str:
    """The store's URL as it may be printed: never a password."""
    shown = getattr(store, "url_for_display", None)
    return shown if isinstance(shown, str) else store.url.split("@")[-1]


@contextmanager
def writing(store: Store, action: str, hint: str = "") -> Iterator[None]:
    """Run a write; a database error becomes StoreError("cannot <action> in the store <url>: <cause>")."""
    try:
        yield
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        first = str(cause).strip().splitlines()[0] if str(cause).strip() else error.__class__.__name__
        raise StoreError(f"cannot {action} in the store {shown_url(store)}: {first}"
                         + (f" ({hint})" if hint else "")) from error
