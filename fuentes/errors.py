"""One exception hierarchy. Every message names the input and says what is wrong."""

from __future__ import annotations


class FuentesError(Exception):
    """Base of every error fuentes raises on purpose."""


class InputError(FuentesError):
    """An input (file, record, URL) cannot be turned into an article.

    `source` names the input; `reason` says what is wrong with it in words a user can act on.
    """

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PipelineError(FuentesError):
    """A pipeline was assembled wrongly (a stage needs a layer nothing provides)."""


class StoreError(FuentesError):
    """The store cannot be opened, migrated or written."""


class ModelError(FuentesError):
    """An NLP model is missing, altered or cannot be loaded."""
