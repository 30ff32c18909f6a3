"""The analyst's workbench: a FastAPI app (pages and a JSON API) over the fuentes store."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Imported on first use: `fuentes --help` and every other command load fuentes.web.cli
    # (for `serve`) and should not pay for FastAPI.
    if name == "create_app":
        from fuentes.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
