"""The records fuentes produces. Plain dataclasses: picklable, comparable, easy to export.

Every extracted value carries `Evidence`: the article, the character span in the article's
clean text, and the extractor (name and version) that produced it. Nothing is overwritten:
merging keeps every piece of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ArticleKind = Literal["original", "syndicated", "rewrite", "unknown"]
EntityKind = Literal["person", "organization", "place", "other"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value comes from: article id, char span in its clean text, extractor@version."""

    article: str
    start: int
    end: int
    extractor: str
    version: str = "1"


@dataclass(slots=True)
class Removed:
    """A piece of page furniture taken out of the body, kept so nothing is lost."""

    text: str
    reason: str  # e.g. "cue:copyright", "repeated", "edge:short-line", "metadata:byline"
    line: int  # line number in the raw text (0-based); -1 when not line-based (HTML)


@dataclass(slots=True)
class Article:
    """One article as stored."""

    id: str
    source: str
    text: str
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date, possibly partial ("2026", "2026-02")
    language: str | None = None
    url: str | None = None
    saved_at: str | None = None  # ISO datetime the page was saved/fetched, when known
    kind: ArticleKind = "unknown"
    origin: str | None = None
    removed: list[Removed] = field(default_factory=list)
    meta_evidence: dict[str, str] = field(default_factory=dict)  # field -> how it was found


@dataclass(slots=True)
class Mention:
    """A span of an article's text naming something (a NER hit, possibly relabelled)."""

    start: int
    end: int
    text: str
    label: str  # PERSON / ORG / GPE / LOC / NORP / ... (spaCy OntoNotes-style labels)
    entity: str | None = None  # local entity key within the article, set by alias resolution


@dataclass(slots=True)
class Entity:
    """Who or what: a person, group, place, resolved within an article or across the corpus."""

    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    merged_from: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """Direct or reported speech with its speaker."""

    id: str
    article: str
    text: str
    start: int
    end: int
    direct: bool
    speaker_name: str | None = None
    speaker: str | None = None  # entity id
    cue: str | None = None  # the speech verb or phrase ("said", "told", "according to")
    variant_of: str | None = None


@dataclass(slots=True)
class Derivation:
    """`target` article carries content of `source` (an article id, or an outlet name)."""

    source: str
    target: str
    kind: Literal["syndicated", "rewrite", "cites"]
    evidence: list[str] = field(default_factory=list)
    score: float = 0.0


@dataclass(slots=True)
class Rejection:
    """An input that could not become an article, and why."""

    source: str
    reason: str
