"""ArticleDoc: one article's text plus the annotation layers the stages add to it.

Like spaCy's Doc, one object flows through every per-article stage. A stage reads some
layers and adds others; `Pipeline` checks at build time that every layer a stage reads is
provided by the input or an earlier stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fuentes.ingest.raw import RawDocument


@dataclass(slots=True)
class ArticleDoc:
    """An article in flight. `layers` maps a layer name to its value.

    Standard layers (the name says what a stage may declare in `requires`/`provides`):
      raw       the decoded input text or HTML (str)
      body      the clean article text (str); all char offsets refer to it
      removed   list[model.Removed]: page furniture taken out of the body
      meta      dict: outlet, title, byline, published, saved_at, url (values may be None)
      language  ISO 639-1 code ("en", "es") or None
      id        the content-derived article id
      extracted the text before cleaning: trafilatura's output for HTML, the raw text otherwise
    Layers of the extraction stages (fuentes.extract):
      nlp       the spaCy Doc of `body` (never stored; dropped before a doc leaves a worker)
      mentions  list[model.Mention]: named spans of `body`, relabelled where the model was wrong;
                Mention.entity is the key of the local entity it refers to
      entities  list[model.Entity]: the article's local entities (id = local key such as "e3",
                aliases and roles found in this article, evidence spans in `body`)
      quotes    list[model.Quote]: quotes with speaker_name and speaker (= local entity key)
    Later: claims, events, relations ...
    """

    source: str
    format: str  # "text" or "html": the form of the raw layer
    hints: dict[str, str] = field(default_factory=dict)
    layers: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)  # layer -> "stage@version"

    @classmethod
    def from_raw(cls, raw: RawDocument, text: str) -> "ArticleDoc":
        return cls(source=raw.source, format=raw.format, hints=dict(raw.hints), layers={"raw": text})

    def has(self, layer: str) -> bool:
        return layer in self.layers

    def get(self, layer: str, default: Any = None) -> Any:
        return self.layers.get(layer, default)

    def set(self, layer: str, value: Any, by: str) -> None:
        """Add or replace a layer, recording which stage (name@version) produced it."""
        self.layers[layer] = value
        self.provenance[layer] = by

    @property
    def body(self) -> str:
        return self.layers["body"]

    @property
    def meta(self) -> dict[str, Any]:
        return self.layers.setdefault("meta", {})
