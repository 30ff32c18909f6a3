"""The records fuentes produces. Plain dataclasses: picklable, comparable, easy to export.

Every extracted value carries `Evidence`: the article, the character span in the article's
clean text, and the extractor (name and version) that produced it. Nothing is overwritten:
merging keeps every piece of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ArticleKind = Literal["original", "syndicated", "rewrite", "translation", "unknown"]
EntityKind = Literal["person", "organization", "place", "other"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value comes from: article id, char span in its clean text, extractor@version."""

    article: str
    start: int
    end: int
    extractor: str
    version: str = "1"
    confidence: float | None = None  # the extractor's confidence in [0, 1], when it gives one

    def __reduce__(self) -> tuple:  # pickled as its fields (saved corpus states hold hundreds of thousands)
        return (Evidence, (self.article, self.start, self.end, self.extractor, self.version, self.confidence))

    @property
    def label(self) -> str:
        """`name@version`, as the export writes the extractor."""
        return f"{self.extractor}@{self.version}"


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
    # ISO 8601 at the precision the source gives, local time with its offset when known:
    # "2026", "2026-02", "2026-02-23", "2026-02-23T10", "2026-02-23T10:14-05:00"
    published: str | None = None
    language: str | None = None
    url: str | None = None
    saved_at: str | None = None  # ISO datetime the page was saved/fetched, when known
    kind: ArticleKind = "unknown"
    origin: str | None = None
    removed: list[Removed] = field(default_factory=list)
    meta_evidence: dict[str, str] = field(default_factory=dict)  # field -> how it was found
    published_precision: str | None = None  # year / month / day / hour / minute / second
    published_source: str | None = None  # where it was read: "meta article:published_time", "text '3 hours ago'"...
    modified: str | None = None  # when the article says it was last changed (ISO 8601), apart from publication


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
    merged_from: list[str] = field(default_factory=list)  # local entities ("article#key") it holds
    absorbed: list[str] = field(default_factory=list)  # earlier corpus entity ids now part of this one


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
    evidence: list[Evidence] = field(default_factory=list)  # the quote's span (and its cue's), extractor@version


@dataclass(slots=True)
class Derivation:
    """`target` article carries content of `source` (an article id, or an outlet name)."""

    source: str
    target: str
    kind: Literal["syndicated", "rewrite", "translation", "cites"]
    evidence: list[str] = field(default_factory=list)  # the reasons, in words
    score: float = 0.0
    passages: list[tuple[Evidence, Evidence]] = field(default_factory=list)  # aligned spans (source, target)
    # what settled the direction: credit, time, containment, or "undecided" (source and target
    # then in id order: the two are related, which came first is not known)
    decided_by: str | None = None


@dataclass(slots=True)
class Rejection:
    """An input that could not become an article, and why."""

    source: str
    reason: str


@dataclass(slots=True)
class Value:
    """A normalised value stated in text: a number, money, a count, a date, a range."""

    kind: Literal["number", "money", "count", "date", "range", "duration", "percent"]
    text: str  # as written ("$3.6 billion", "roughly 300", "2008 to 2023")
    amount: float | None = None  # 3.6e9, 300 ...
    unit: str | None = None  # "USD", "MXN", "people", "km" ...
    approximate: bool = False  # "about", "roughly", "more than"
    low: float | str | None = None  # for ranges and partial dates
    high: float | str | None = None


@dataclass(slots=True)
class Claim:
    """A check-worthy statement of one article (per article) or of the corpus (after matching)."""

    id: str
    text: str  # the sentence or clause as written
    article: str | None = None  # per-article claims; None for corpus claims
    start: int = 0
    end: int = 0
    subject: str | None = None  # local entity key (per article) or entity id (corpus)
    predicate: str | None = None  # normalised verb lemma or relation name
    object: str | None = None
    values: list[Value] = field(default_factory=list)
    speaker: str | None = None  # when the claim is a quote: its speaker
    articles: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    independent_sources: int = 0
    grade: int = 6  # Admiralty information credibility: 1 confirmed ... 6 cannot be judged
    evidence: list[Evidence] = field(default_factory=list)  # the sentence in each supporting article
    # the slots beyond subject / predicate / object / values (docs/grading.md):
    time: str | None = None  # ISO date (possibly partial, "--03" without a year) the clause states
    place: str | None = None  # local entity key (per article) or entity id (corpus) of a place named
    modality: str = "reported"  # reported / alleged / denied / hedged / predicted / aim
    contradicted_by: list[str] = field(default_factory=list)  # claims giving an incompatible value on a slot


@dataclass(slots=True)
class Discrepancy:
    id: str
    about: str
    # [{"value": str, "articles": [ids], "claims": [ids], "evidence": [Evidence]}]
    values: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    id: str
    event_type: str  # a type of fuentes/extract/data/event_types.yaml: clash, killing, arrest, protest, ...
    date: str | None = None  # ISO, possibly partial
    actors: list[str] = field(default_factory=list)  # entity keys/ids
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    articles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    trigger: str | None = None
    independent_sources: int = 0
    # the taxonomy (fuentes/extract/data/event_types.yaml): ACLED's own names, None when ACLED
    # does not code the type (statements, visits, indictments...), and the CAMEO code
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo: str | None = None
    summary: str | None = None  # in words: actor, action, target, place ("Navy arrested X in Veracruz")
    fatalities: int | None = None  # the dead the reports state (ACLED's field); None when not stated
    includes: list[str] = field(default_factory=list)  # other types told as part of it ("blockade", "escape")


@dataclass(slots=True)
class Relation:
    id: str
    subject: str
    predicate: str  # leader_of, member_of, rival_of, allied_with, associate_of, family_of, works_for,
    #                 holds_position, predecessor_of, attacked, oversaw, funded_by, paid
    object: str
    articles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    allegation: bool = False
    start: str | None = None
    end: str | None = None
    independent_sources: int = 0
