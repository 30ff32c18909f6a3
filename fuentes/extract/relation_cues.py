"""Relation cues of one language, from `data/relations_<lang>.yaml`: the relation words
(triggers) with their predicate and markers, the kinds each predicate accepts, pronouns,
hedges and date cues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fuentes.nlp.data_files import load_yaml

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]  # the word (lemma or form) and, for multiword triggers, what follows
    predicate: str
    inverse: bool = False
    preps: tuple[str, ...] = ("obj",)
    object: str = "entity"  # entity / event / phrase
    context: str | None = None  # "violence": the word also names words or criticism ("attacked X over
    # his plan"); it states an attack only in a sentence with a word of the language's `violence_words`


@dataclass(frozen=True)
class Cues:
    language: str
    triggers: dict[str, tuple[Trigger, ...]]
    symmetric: frozenset[str]
    kinds: dict[str, dict[str, frozenset[str]]]
    light_verbs: frozenset[str]
    state_preps: frozenset[str]
    relative: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> person / organization / any
    hedges: re.Pattern[str] | None
    hedge_verbs: frozenset[str]
    date_cues: dict[str, str]  # cue word -> start / end / point
    months: dict[str, int]
    contractions: dict[str, str] = field(default_factory=dict)
    then_words: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()  # nouns a name modifying them stands for ("the X regime")
    event_nouns: frozenset[str] = frozenset()  # nouns an event object may be headed by ("operation")
    modals: frozenset[str] = frozenset()  # a verb under one of these states no fact ("could replace")
    conditional_marks: frozenset[str] = frozenset()  # "if", "when": a present-tense clause is no fact
    perfect: frozenset[str] = frozenset()  # the perfect's auxiliary ("have", "haber")
    violence_words: frozenset[str] = frozenset()  # lemmas or forms that make "attack" a violent one
    reflexive: frozenset[str] = frozenset()  # "himself", "sí": the clause's own subject, never another name
    negations: frozenset[str] = frozenset()  # "not", "never", "no": a negated relation states none
    reason_preps: frozenset[str] = frozenset()  # "attacked X for/over ...", "atacó a X por ...": criticism
    time_nouns: frozenset[str] = frozenset()  # "for two hours", "por la mañana": a duration, not a reason
    prospective: frozenset[str] = frozenset()  # "the next president", "el próximo líder": not (yet) held
    post_fillers: frozenset[str] = frozenset()  # words that open a post's phrase but name no post ("both", "gran")
    passive_aux: frozenset[str] = frozenset()  # "ser" in "fue atacado por X" when the parse marks no passive
    agent_preps: frozenset[str] = frozenset()  # the marker of such a passive's agent ("por")
    effort_adverbs: frozenset[str] = frozenset()  # "worked hard for X", "trabajó arduamente por X": effort, no post


@lru_cache(maxsize=None)
def load_cues(language: str | None) -> Cues:
    """Cues of `language`; languages without a data file use the English ones."""
    lang = language if language and (DATA / f"relations_{language}.yaml").exists() else "en"
    raw = load_yaml(DATA / f"relations_{lang}.yaml")
    triggers: dict[str, list[Trigger]] = {}
    for key, spec in (raw.get("triggers") or {}).items():
        words = tuple(str(key).casefold().split())
        preps = tuple(spec.get("preps") or ("obj",))
        if len(words) == 2 and words[1] in preps:  # "work for": the verb with that marker only
            words, preps = words[:1], (words[1],)
        trig = Trigger(words, spec["predicate"], bool(spec.get("inverse")), preps, spec.get("object", "entity"),
                       spec.get("context"))
        triggers.setdefault(words[0], []).append(trig)
    low = lambda key: frozenset(str(w).casefold() for w in raw.get(key) or [])  # noqa: E731
    hedges = sorted((str(h).casefold() for h in raw.get("hedges") or []), key=len, reverse=True)
    return Cues(
        language=lang, triggers={k: tuple(v) for k, v in triggers.items()}, symmetric=low("symmetric"),
        kinds={p: {side: frozenset(v) for side, v in spec.items()} for p, spec in (raw.get("kinds") or {}).items()},
        light_verbs=low("light_verbs"), state_preps=low("state_preps"), relative=low("relative_pronouns"),
        pronouns={str(w).casefold(): kind for kind, ws in (raw.get("pronouns") or {}).items() for w in ws or []},
        hedges=re.compile(r"\b(?:" + "|".join(re.escape(h) for h in hedges) + r")\b") if hedges else None,
        hedge_verbs=low("hedge_verbs"),
        date_cues={str(w).casefold(): kind for kind, ws in (raw.get("date_cues") or {}).items() for w in ws},
        months={str(m).casefold(): n for n, m in enumerate(raw.get("months") or [], start=1)},
        then_words=low("then_words"), group_nouns=low("group_nouns"), event_nouns=low("event_nouns"),
        modals=low("modals"), conditional_marks=low("conditional_marks"),
        perfect=low("perfect"), violence_words=low("violence_words"), reflexive=low("reflexive"),
        negations=low("negations"), reason_preps=low("reason_preps"), time_nouns=low("time_nouns"),
        prospective=low("prospective"), post_fillers=low("post_fillers"), passive_aux=low("passive_aux"),
        agent_preps=low("agent_preps"), effort_adverbs=low("effort_adverbs"),
        contractions={str(k): str(v) for k, v in (raw.get("contractions") or {}).items()},
    )
