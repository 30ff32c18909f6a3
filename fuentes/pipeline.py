"""Stages, the stage registry and Pipeline.

A stage is a small picklable object with a name, a version, the layers it `requires` and the
layers it `provides`, called on an ArticleDoc. Stages are pure with respect to the document:
the same pipeline runs in one process, in a process pool, or inside Spark's mapPartitions.
"""

from __future__ import annotations

from typing import Callable, ClassVar, Iterable

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
