"""Loading and running the spaCy pipelines (English, Spanish), with model verification."""

from fuentes.nlp.models import ModelInfo, describe, load, pipeline_for

__all__ = ["ModelInfo", "describe", "load", "pipeline_for"]
