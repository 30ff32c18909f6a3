"""Per-language cue data for the text cleaner and the metadata finder, loaded from YAML.

The data files (`fuentes/clean/data/<lang>.yaml`) hold every word list and pattern; this
module only compiles them. When the language is unknown (or has no data file), the cues of
every language with a file are used together: a page's furniture is often in the site's
language while the article is in another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fuentes.nlp.data_files import load_yaml


DATA = Path(__file__).with_name("data")
FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    whole_max_words: int = 0  # > 0: a line this short that contains the cue is furniture whole
    fragment: bool = False  # may be trimmed off the edge of a kept line


@dataclass
class LangData:
    """Everything language-specific the cleaner and the metadata finder use."""

    languages: tuple[str, ...]
    cues: list[Cue] = field(default_factory=list)
    section_end: list[re.Pattern[str]] = field(default_factory=list)
    filler: frozenset[str] = frozenset()
    nav_words: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    byline_prefix: list[re.Pattern[str]] = field(default_factory=list)
    author_labels: list[re.Pattern[str]] = field(default_factory=list)
    date_labels: list[re.Pattern[str]] = field(default_factory=list)
    name_joiners: list[re.Pattern[str]] = field(default_factory=list)
    byline_stop: list[re.Pattern[str]] = field(default_factory=list)
    listen_outlet: list[re.Pattern[str]] = field(default_factory=list)
    copyright_holder: list[re.Pattern[str]] = field(default_factory=list)
    relative: list[dict] = field(default_factory=list)  # compiled per language
    months: dict[str, int] = field(default_factory=dict)
    date_order: str = "MDY"


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in DATA.glob("*.yaml")))


def _compile_relative(raw: dict) -> dict:
    return {
        "pattern": re.compile(raw["pattern"], FLAGS),
        "one": frozenset(raw.get("one", [])),
        "units": dict(raw.get("units", {})),
        "yesterday": re.compile(raw["yesterday"], FLAGS),
        "today": re.compile(raw["today"], FLAGS),
    }


def _add(data: LangData, raw: dict) -> None:
    for cue in raw.get("cues", []):
        data.cues.append(Cue(cue["name"], re.compile(cue["pattern"], FLAGS),
                             int(cue.get("whole_max_words", 0)), bool(cue.get("fragment", False))))
    data.section_end += [re.compile(p, FLAGS) for p in raw.get("section_end", [])]
    data.filler |= frozenset(w.casefold() for w in raw.get("filler", []))
    data.nav_words |= frozenset(w.casefold() for w in raw.get("nav_words", []))
    data.role_words |= frozenset(w.casefold() for w in raw.get("role_words", []))
    data.org_words |= frozenset(w.casefold() for w in raw.get("org_words", []))
    for key in ("byline_prefix", "author_labels", "date_labels", "name_joiners", "byline_stop",
                "listen_outlet", "copyright_holder"):
        if raw.get(key):
            getattr(data, key).append(re.compile(raw[key], FLAGS))
    if raw.get("relative"):
        data.relative.append(_compile_relative(raw["relative"]))
    data.months.update({k.casefold(): int(v) for k, v in raw.get("months", {}).items()})


@lru_cache(maxsize=16)
def load(language: str | None = None) -> LangData:
    """Cue data for `language` ("en", "es"), or for every known language when None/unknown."""
    known = available_languages()
    langs = (language,) if language in known else known
    data = LangData(languages=langs)
    for lang in langs:
        raw = load_yaml((DATA / f"{lang}.yaml").read_text(encoding="utf-8")) or {}
        _add(data, raw)
        if len(langs) == 1:
            data.date_order = raw.get("date_order", "MDY")
    return data
