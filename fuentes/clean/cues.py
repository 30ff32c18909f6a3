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
from typing import Any
from re import _constants as sre_constants, _parser as sre_parser  # the pattern's parse, to read its literals

from fuentes.nlp.data_files import load_yaml
from fuentes.word_trie import trie_regex


DATA = Path(__file__).with_name("data")
FLAGS = re.IGNORECASE | re.UNICODE


# The only characters IGNORECASE matches with a letter that str.lower() does not turn into it
# ("İ", dotless "ı", long "ſ"); mapped before lowering (as in `fuentes.extract.word_starts`).
FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None))


def folded(text: str) -> str:
    """`text` as a cue's literals are looked for in it (`Cue.needs`): folded, then lowered."""
    return text.translate(FOLD).lower()


def _literals(items: list) -> frozenset[str] | None:
    """Literals one of which every match of the parsed sequence `items` holds, or None when none
    is known. Every element of the sequence must match, so each one's literals are necessary: a run
    of literal characters, a group's, one per alternative of a choice (none when one alternative
    has none), a repeat's body's when it repeats at least once; elements without (a class, an
    optional part, an anchor) give none. Of these, the set whose shortest literal is longest."""
    sets: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            sets.append(frozenset({"".join(run)}))
            run = []
        if op is sre_constants.SUBPATTERN:
            found = _literals(av[-1])
        elif op is sre_constants.BRANCH:
            alternatives = [_literals(alt) for alt in av[1]]
            found = None if any(a is None for a in alternatives) else frozenset().union(*alternatives)
        elif op in _REPEATS and av[0] >= 1:
            found = _literals(av[2])
        else:
            found = None
        if found:
            sets.append(found)
    if run:
        sets.append(frozenset({"".join(run)}))
    return max(sets, key=lambda found: (min(map(len, found)), -len(found)), default=None)


def needed_literals(pattern: str, flags: int = FLAGS) -> tuple[str, ...] | None:
    """Folded literals one of which every match of `pattern` holds (compared with `folded` text:
    a text none of them is in has no match), or None when the pattern's parse shows none. Only
    literals of Latin letters, digits and punctuation (below U+0250, not the micro sign), whose
    case-insensitive matches lowering agrees with."""
    try:
        found = _literals(list(sre_parser.parse(pattern, flags)))
    except Exception:  # noqa: BLE001 - a parse this reading does not know: no shortcut, the pattern decides
        return None
    if not found or any(not lit or any(ord(ch) >= 0x250 or ch == "\u00b5" for ch in lit) for lit in found):
        return None
    return tuple(sorted({folded(lit) for lit in found}))


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    whole_max_words: int = 0  # > 0: a line this short that contains the cue is furniture whole
    fragment: bool = False  # may be trimmed off the edge of a kept line
    # folded literals one of which every match holds (`needed_literals`): a line holding none of
    # them is not searched; None: always searched
    needs: tuple[str, ...] | None = None

    def may_match(self, folded_text: str, present: frozenset[str] | set[str] | None = None) -> bool:
        """False when the pattern cannot match the text whose `folded` form is given. `present`:
        the literals of every cue the text holds (`LangData.literals_in`), when the caller has them."""
        if self.needs is None:
            return True
        if present is not None:
            return not present.isdisjoint(self.needs)
        return any(lit in folded_text for lit in self.needs)


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
    _literals: tuple[Any, dict[str, frozenset[str]]] | None = field(default=None, repr=False, compare=False)

    def literals_in(self, folded_text: str) -> frozenset[str]:
        """The literals of the cues (`Cue.needs`) that `folded_text` holds, found in one scan: at
        each place the longest literal starting there, and with it every literal it begins with
        (two literals starting at one place are one the other's beginning)."""
        if self._literals is None:
            words = sorted({lit for cue in self.cues for lit in cue.needs or ()})
            pattern = re.compile("(?=(" + trie_regex(words) + "))", re.DOTALL) if words else None
            self._literals = (pattern, {w: frozenset(v for v in words if w.startswith(v)) for w in words})
        pattern, beginnings = self._literals
        if pattern is None:
            return frozenset()
        found: set[str] = set()
        for hit in set(pattern.findall(folded_text)):
            found |= beginnings[hit]
        return frozenset(found)


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
                             int(cue.get("whole_max_words", 0)), bool(cue.get("fragment", False)),
                             needed_literals(cue["pattern"])))
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
