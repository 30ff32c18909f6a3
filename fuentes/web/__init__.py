"""The analyst's workbench: a FastAPI app (pages and a JSON API) over the fuentes store."""

from fuentes.web.app import create_app

__all__ = ["create_app"]
