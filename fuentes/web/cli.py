"""`fuentes serve`: the analyst's workbench over a store (registered by fuentes.cli)."""

from __future__ import annotations

from typing import Optional

import typer

from fuentes.cli_common import DbOption, err
from fuentes.cli_common import open_db as _open
from fuentes.errors import FuentesError


def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          token: Optional[str] = typer.Option(None, "--token", envvar="FUENTES_TOKEN",
                                              help="Allow writing (upload, URL ingest) to requests bearing it."),
          max_upload: int = typer.Option(16 * 1024 * 1024, help="Largest upload accepted, in bytes."),
          allow_private_urls: bool = typer.Option(False, "--allow-private-urls",
                                                  help="Let URL ingest fetch loopback and private addresses."),
          workers: int = typer.Option(1, min=1, max=64,
                                      help="Server processes (more answer more readers at once; ingest jobs started "
                                           "from the web are followed by the process that started them)."),
          cache_mb: float = typer.Option(64, "--cache-mb", min=0,
                                         help="Memory per process for finished pages, reused until the store "
                                              "changes (0: no cache).")) -> None:
    """The analyst's workbench: web pages and a JSON API over the store (read-only without --token)."""
    import uvicorn

    from fuentes.web.app import create_app

    try:
        application = create_app(_open(db), token=token, max_upload=max_upload,
                                 allow_private_urls=allow_private_urls, cache_mb=cache_mb)
    except FuentesError as error:  # e.g. the search index cannot be created on this store
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    mode = "writable with the token" if token else "read-only"
    err.print(f"serving {application.state.store.url.split('@')[-1]} on http://{host}:{port} ({mode}"
              f"{f', {workers} processes' if workers > 1 else ''})", markup=False)
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    import os

    os.environ.update({"FUENTES_SERVE_DB": application.state.store.url, "FUENTES_SERVE_MAX_UPLOAD": str(max_upload),
                       "FUENTES_SERVE_PRIVATE": "1" if allow_private_urls else "",
                       "FUENTES_SERVE_CACHE_MB": str(cache_mb)})
    if token:
        os.environ["FUENTES_TOKEN"] = token
    application.state.store.close()
    uvicorn.run("fuentes.web.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")
