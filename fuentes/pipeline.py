"""Stages, the stage registry and Pipeline; corpus stages, their registry and CorpusPipeline.

A stage is a small picklable object with a name, a version, the layers it `requires` and the
layers it `provides`, called on an ArticleDoc. Stages are pure with respect to the document:
the same pipeline runs in one process, in a process pool, or inside Spark's mapPartitions.

A corpus stage works across articles: it `reads` named inputs (stored layers, or what earlier
corpus stages `writes`) from a CorpusContext and writes its results there and to the store.
CorpusPipeline checks the order when built; the same declarations order the local run
(`fuentes.corpus.stages`) and the Spark run (`fuentes.spark.stages`).
"""

from __future__ import annotations

import gc
from typing import Any, Callable, ClassVar, Iterable, Mapping

from fuentes.doc import ArticleDoc
from fuentes.errors import PipelineError

REGISTRY: dict[str, type["Stage"]] = {}


class Stage:
    """Base class. Subclasses set the class attributes and implement `process`."""

    name: ClassVar[str] = "stage"
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"

    def process(self, doc: ArticleDoc) -> ArticleDoc:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        return self.process(doc)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.tag}: {list(self.requires)} -> {list(self.provides)}>"


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available by name to `Pipeline.from_names`."""
    if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
        raise PipelineError(f"two stages are registered under the name {cls.name!r}")
    REGISTRY[cls.name] = cls
    return cls


class Pipeline:
    """An ordered list of stages, checked when built: every required layer must exist."""

    def __init__(self, stages: Iterable[Stage], initial: Iterable[str] = ("raw",)):
        self.stages = list(stages)
        self.initial = tuple(initial)
        available = set(self.initial)
        for stage in self.stages:
            missing = [layer for layer in stage.requires if layer not in available]
            if missing:
                have = ", ".join(sorted(available)) or "nothing"
                raise PipelineError(
                    f"stage {stage.name!r} needs layer(s) {', '.join(missing)} but only {have} "
                    "exist at that point; put a stage that provides them earlier"
                )
            available.update(stage.provides)
        self.provides = frozenset(available)

    @classmethod
    def from_names(cls, names: Iterable[str], initial: Iterable[str] = ("raw",)) -> "Pipeline":
        stages = []
        for name in names:
            if name not in REGISTRY:
                known = ", ".join(sorted(REGISTRY))
                raise PipelineError(f"no stage named {name!r}; known stages: {known}")
            stages.append(REGISTRY[name]())
        return cls(stages, initial)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def __repr__(self) -> str:
        return "Pipeline(" + " -> ".join(s.tag for s in self.stages) + ")"


def stage_from_function(name: str, requires: tuple[str, ...], provides: tuple[str, ...],
                        version: str = "1") -> Callable[[Callable[[ArticleDoc], ArticleDoc]], type[Stage]]:
    """Decorator turning a module-level function into a registered Stage class."""

    def wrap(func: Callable[[ArticleDoc], ArticleDoc]) -> type[Stage]:
        attrs = {"name": name, "version": version, "requires": requires, "provides": provides,
                 "process": staticmethod(func), "__module__": func.__module__, "__doc__": func.__doc__,
                 "__qualname__": func.__name__}  # picklable: found as module.<function name>
        stage_cls = type(f"{name.title().replace('_', '')}Stage", (Stage,), attrs)
        return register(stage_cls)

    return wrap


# --- declarations checked at run time --------------------------------------------------------

class _Recording(dict):
    """A layers dict that remembers which layers were looked at."""

    def __init__(self, layers: dict[str, Any]):
        super().__init__(layers)
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().setdefault(key, default)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)


def check_declarations(pipeline: Pipeline, doc: ArticleDoc) -> tuple[ArticleDoc, list[str]]:
    """Run `pipeline` on `doc`, watching every stage: the layers it looked at that are not in its
    `requires` (or `provides`), and the layers it changed that are not in its `provides`. For
    tests and audits (each layer is copied before each stage; `nlp` is compared by identity)."""
    import copy

    def snapshot(layers: dict[str, Any]) -> dict[str, Any]:
        return {k: (id(v) if k == "nlp" else copy.deepcopy(v)) for k, v in dict.items(layers)}

    def same(name: str, before: Any, after: Any) -> bool:
        return before == (id(after) if name == "nlp" else after)

    gaps: list[str] = []
    for stage in pipeline.stages:
        doc.layers = watched = _Recording(doc.layers)
        before = snapshot(watched)
        doc = stage(doc)
        after = dict(dict.items(doc.layers))
        read = sorted(watched.read - set(stage.requires) - set(stage.provides))
        changed = sorted(name for name in set(before) | set(after) if name not in before or name not in after
                         or not same(name, before[name], after[name]))
        written = [name for name in changed if name not in stage.provides]
        if read:
            gaps.append(f"stage {stage.name!r} reads layer(s) {', '.join(read)} not in its `requires`")
        if written:
            gaps.append(f"stage {stage.name!r} changes layer(s) {', '.join(written)} not in its `provides`")
        doc.layers = after
    return doc, gaps


# --- corpus stages -----------------------------------------------------------------------------

CORPUS_REGISTRY: dict[str, type["CorpusStage"]] = {}


class CorpusStage:
    """A cross-article stage. Subclasses set the class attributes and implement `run`.

    `reads` names what the stage takes (initial inputs such as "articles" or "claims_layer", or
    what an earlier corpus stage `writes`); `optional` lists the reads it can do without (they
    read as None when no stage of the pipeline writes them). `run(ctx)` reads its inputs with
    `ctx.read(name)`, saves its results to the store and `ctx.write(name, value)`s each of its
    `writes`. The declarations alone give the order: the same names run locally
    (`fuentes.corpus.stages`) and on Spark (`fuentes.spark.stages`).
    """

    name: ClassVar[str] = "corpus_stage"
    version: ClassVar[str] = "1"
    reads: ClassVar[tuple[str, ...]] = ()
    optional: ClassVar[tuple[str, ...]] = ()
    writes: ClassVar[tuple[str, ...]] = ()

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"

    def run(self, ctx: Any) -> None:  # pragma: no cover - abstract  (ctx: the back end's CorpusContext)
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.tag}: {list(self.reads)} -> {list(self.writes)}>"


def register_corpus_stage(cls: type[CorpusStage]) -> type[CorpusStage]:
    """Class decorator: make a corpus stage available by name to `CorpusPipeline.from_names`."""
    if cls.name in CORPUS_REGISTRY and CORPUS_REGISTRY[cls.name] is not cls:
        raise PipelineError(f"two corpus stages are registered under the name {cls.name!r}")
    unknown = [name for name in cls.optional if name not in cls.reads]
    if unknown:
        raise PipelineError(f"corpus stage {cls.name!r}: optional input(s) {', '.join(unknown)} are not in its `reads`")
    CORPUS_REGISTRY[cls.name] = cls
    return cls


def corpus_stage(name: str) -> type[CorpusStage]:
    """The registered corpus stage called `name`."""
    if name not in CORPUS_REGISTRY:
        known = ", ".join(sorted(CORPUS_REGISTRY)) or "none"
        raise PipelineError(f"no corpus stage named {name!r}; known corpus stages: {known}")
    return CORPUS_REGISTRY[name]


class CorpusContext:
    """What the corpus stages read and write, by name.

    `inputs` maps each initial input to a function giving it: an input is loaded when a stage
    first reads it (so a stage reading the store sees what earlier stages saved). While a stage
    runs it may read only its declared `reads` and write only its declared `writes`.

    `release`: a `CorpusPipeline` run lets go of each value once the last stage that reads it is
    done (a whole corpus's articles, layers and records are not all held to the end); read again
    afterwards, an initial input is loaded again and a stage's output is refused."""

    def __init__(self, inputs: Mapping[str, Callable[[], Any]], release: bool = False):
        self._loaders = dict(inputs)
        self._values: dict[str, Any] = {}
        self._stage: CorpusStage | None = None
        self.release = release
        self._released: set[str] = set()
        self._last: dict[str, int] = {}  # while a pipeline runs: each read -> the position of its last reader
        self._number = 0  # ... and the position of the running stage

    @property
    def initial(self) -> tuple[str, ...]:
        """The initial inputs this context can give."""
        return tuple(self._loaders)

    def has(self, name: str) -> bool:
        return name in self._values or name in self._loaders

    def read(self, name: str) -> Any:
        stage = self._stage
        if stage is not None and name not in stage.reads:
            raise PipelineError(f"corpus stage {stage.name!r} reads {name!r}, which is not in its `reads`")
        if name not in self._values:
            if name in self._loaders:
                self._values[name] = self._loaders[name]()
            elif stage is not None and name in stage.optional:
                return None
            elif name in self._released:
                raise PipelineError(f"the corpus value {name!r} was let go after the last stage that reads it")
            else:
                raise PipelineError(f"nothing gave the corpus input {name!r}")
        return self._values[name]

    def write(self, name: str, value: Any) -> None:
        stage = self._stage
        if stage is not None and name not in stage.writes:
            raise PipelineError(f"corpus stage {stage.name!r} writes {name!r}, which is not in its `writes`")
        self._values[name] = value
        self._released.discard(name)

    def held(self) -> tuple[str, ...]:
        """The names whose values the context holds now."""
        return tuple(self._values)

    def done_with(self, name: str) -> None:
        """The running stage reads `name` no more: a releasing context lets go of it now when no
        later stage reads it (its records need not wait for the stage's end)."""
        stage = self._stage
        if self.release and stage is not None and name in stage.reads and self._last.get(name, -1) <= self._number:
            self.let_go([name])

    def let_go(self, names: Iterable[str]) -> None:
        """Drop the values of `names` (no later stage reads them); see `release`."""
        for name in names:
            self._values.pop(name, None)
            if name not in self._loaders:  # an initial input is loaded again when read again
                self._released.add(name)


StageRun = Callable[[Any], None]  # a stage's work, given the back end's CorpusContext


class CorpusPipeline:
    """Corpus stages in order, checked when built: every read is an initial input or written by
    an earlier stage (an optional read may also be written by no stage at all), and every name is
    written once. `implementations` (stage name -> function of the context) replaces each
    stage's own `run`, e.g. by its Spark job; a stage without one is refused."""

    def __init__(self, stages: Iterable[CorpusStage], initial: Iterable[str],
                 implementations: Mapping[str, StageRun] | None = None, backend: str = "local"):
        self.stages = list(stages)
        self.initial = tuple(initial)
        self.backend = backend
        writer: dict[str, str] = {}
        for stage in self.stages:
            for name in stage.writes:
                if name in self.initial:
                    raise PipelineError(f"corpus stage {stage.name!r} writes {name!r}, which is an initial input")
                if name in writer:
                    raise PipelineError(f"corpus stages {writer[name]!r} and {stage.name!r} both write {name!r}")
                writer[name] = stage.name
        available = set(self.initial)
        for stage in self.stages:
            for name in stage.reads:
                if name in available or (name in stage.optional and name not in writer):
                    continue
                if name in writer:
                    raise PipelineError(f"corpus stage {stage.name!r} reads {name!r}, which corpus stage "
                                        f"{writer[name]!r} writes only later; put {writer[name]!r} first")
                others = sorted(cls.name for cls in CORPUS_REGISTRY.values() if name in cls.writes)
                hint = (f"add corpus stage {', '.join(map(repr, others))} before it" if others
                        else "no registered corpus stage writes it")
                raise PipelineError(f"corpus stage {stage.name!r} reads {name!r}, which no earlier corpus stage "
                                    f"writes and is not an initial input ({', '.join(self.initial) or 'none'}); {hint}")
            available.update(stage.writes)
        self.writes = frozenset(available)
        if implementations is None:
            self.runs: list[StageRun] = [stage.run for stage in self.stages]
        else:
            unknown = sorted(set(implementations) - set(CORPUS_REGISTRY))
            if unknown:
                raise PipelineError(f"{backend} implementations of unknown corpus stage(s): {', '.join(unknown)}")
            missing = [stage.name for stage in self.stages if stage.name not in implementations]
            if missing:
                raise PipelineError(f"corpus stage(s) {', '.join(map(repr, missing))} have no {backend} "
                                    "implementation")
            self.runs = [implementations[stage.name] for stage in self.stages]

    @classmethod
    def from_names(cls, names: Iterable[str], initial: Iterable[str],
                   implementations: Mapping[str, StageRun] | None = None, backend: str = "local") -> "CorpusPipeline":
        names = list(names)
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise PipelineError(f"corpus stage(s) {', '.join(map(repr, repeated))} named more than once")
        return cls([corpus_stage(name)() for name in names], initial, implementations, backend)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def run(self, ctx: CorpusContext, on_stage: Callable[[CorpusStage, Any], None] | None = None) -> CorpusContext:
        """Each stage in order; `on_stage(stage, ctx)` after each."""
        read = {name for stage in self.stages for name in stage.reads if name not in stage.optional}
        missing = [name for name in self.initial if name in read and not ctx.has(name)]
        if missing:
            raise PipelineError(f"the corpus pipeline needs input(s) {', '.join(missing)} the context does not give")
        last_reader = ctx._last = self.last_readers()
        for number, (stage, step) in enumerate(zip(self.stages, self.runs)):
            ctx._stage, ctx._number = stage, number
            try:
                step(ctx)
            finally:
                ctx._stage = None
            unwritten = [name for name in stage.writes if name not in ctx._values]
            if unwritten:
                raise PipelineError(f"corpus stage {stage.name!r} ({self.backend}) did not write "
                                    f"{', '.join(unwritten)} of its `writes`")
            if ctx.release:
                done = [name for name in ctx.held() if last_reader.get(name, -1) <= number]
                ctx.let_go(done)
                if done:
                    gc.collect()  # cycles among the records let go (and the stage's own) freed before the next loads
            if on_stage:
                on_stage(stage, ctx)
        return ctx

    def last_readers(self) -> dict[str, int]:
        """Each name a stage reads -> the position of the last stage that reads it."""
        return {name: number for number, stage in enumerate(self.stages) for name in stage.reads}

    def __repr__(self) -> str:
        return "CorpusPipeline(" + " -> ".join(s.tag for s in self.stages) + ")"


def plan_corpus(names: Iterable[str], initial: Iterable[str], inputs: Iterable[str],
                leave_out: Iterable[str] = ()) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """The stages of `names` that can run when only `initial` of the known `inputs` are given and
    the stages `leave_out` are left out: (names kept, {name skipped: the inputs it lacks}). A
    stage is skipped only for a known input that is absent or the output of a skipped stage; any
    other missing read is left for `CorpusPipeline` to refuse."""
    absent = set(inputs) - set(initial)
    left = {corpus_stage(name).name for name in leave_out}  # an unknown name is refused
    kept: list[str] = []
    skipped: dict[str, tuple[str, ...]] = {}
    for name in names:
        cls = corpus_stage(name)
        lacking = tuple(r for r in cls.reads if r in absent and r not in cls.optional)
        if name in left or lacking:
            skipped[name] = lacking if name not in left else ()
            absent.update(cls.writes)
        else:
            kept.append(name)
    return kept, skipped
