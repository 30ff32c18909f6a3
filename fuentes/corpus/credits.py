"""Credit cues: which other outlets an article names as the source of its content.

The outlet gazetteer (`data/outlets.yaml`) and the cue patterns (`data/credits_<lang>.yaml`)
are data. Outlet names are found first with one trie-shaped regex (fast on long texts), then
each mention is checked against the cue patterns just before and after it. A cue's `kind`
says what it means for provenance (see the YAML files): `wire`, `byline` and `origin` mark a
syndicated copy, `photo` hints at one, `reported` and `contributed` attribute content (the
outlet's story), `told` (an interview) and `obtained` (a document, analysis or poll the outlet
gathered) mark original reporting by the outlet named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

from fuentes.ids import normalize_text
from fuentes.nlp.data_files import load_yaml
from fuentes.word_trie import trie_regex

WINDOW_BEFORE = 90
WINDOW_AFTER = 80
SYNDICATION_KINDS = frozenset({"wire", "byline", "origin"})


@dataclass(frozen=True, slots=True)
class Credit:
    """One cue naming `outlet` (canonical name) at text[start:end]."""

    outlet: str
    kind: str
    start: int
    end: int
    cue: str

    def __reduce__(self) -> tuple:  # pickled as its fields, in the saved provenance state
        return (Credit, (self.outlet, self.kind, self.start, self.end, self.cue))


@dataclass(slots=True)
class Outlet:
    name: str
    names: list[str]
    short: list[str]
    wire: bool


class Gazetteer:
    """Outlet names and aliases; `extra` adds the corpus's own outlet names."""

    def __init__(self, outlets: list[Outlet]):
        self.outlets = outlets
        self._canon: dict[str, str] = {}
        self._short: dict[str, list[str]] = {}
        self.wires = {o.name for o in outlets if o.wire}
        for outlet in outlets:
            for name in outlet.names:
                self._canon.setdefault(name, outlet.name)
                self._canon.setdefault(normalize_text(name), outlet.name)
            for short in outlet.short:
                self._short.setdefault(short, []).append(outlet.name)
        names = sorted(set(self._canon) | set(self._short), key=len, reverse=True)
        names = [n for n in names if n and n == n.strip()]
        self.pattern = re.compile(r"(?<![\w&])(" + trie_regex(names) + r")(?![\w&])")

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        return cls(_load_outlets())

    def with_extra(self, names: Iterable[str]) -> "Gazetteer":
        """This gazetteer plus outlet names seen in the corpus (canonicalised when known)."""
        known = set(self._canon)
        extra = [n.strip() for n in names if n and n.strip() and n.strip() not in known
                 and normalize_text(n) not in known]
        if not extra:
            return self
        added = [Outlet(n, [n], derived_short_forms(n), False) for n in sorted(set(extra))]
        return Gazetteer(self.outlets + added)

    def canonical(self, name: str | None) -> str | None:
        """Canonical outlet name for a name or alias; the name itself when unknown."""
        if not name:
            return None
        name = name.strip()
        return self._canon.get(name) or self._canon.get(normalize_text(name)) or name

    def is_wire(self, name: str | None) -> bool:
        return self.canonical(name) in self.wires


_ARTICLES = ("The", "El", "La", "Los", "Las")


def derived_short_forms(name: str) -> list[str]:
    """How a text refers back to an outlet after naming it in full: "Gulf Coast Courier" ->
    "the Courier"; "El Heraldo del Norte" -> "El Heraldo", "el Heraldo". Only used where the full
    name appears in the same text (see `_mentions`)."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = []
    head = words[-1]
    if head[:1].isupper() and head.isalpha():
        forms += [f"the {head}", f"The {head}"]
    if words[0] in _ARTICLES and words[1][:1].isupper() and len(words) > 2:
        forms += [f"{words[0]} {words[1]}", f"{words[0].lower()} {words[1]}"]
    return [form for form in dict.fromkeys(forms) if form != name]


def _load_outlets() -> list[Outlet]:
    raw = load_yaml(resources.files("fuentes.corpus").joinpath("data/outlets.yaml").read_text("utf-8"))
    outlets = []
    for item in raw["outlets"]:
        names = [item["name"], *item.get("aliases", [])]
        outlets.append(Outlet(item["name"], names, list(item.get("short", [])), bool(item.get("wire"))))
    return outlets


@dataclass(slots=True)
class CueSet:
    cues: list[tuple[str, re.Pattern | None, re.Pattern | None]]
    anaphora: list[tuple[str, re.Pattern]]
    signatures: list[tuple[str, str, re.Pattern]]
    update_lead: list[re.Pattern] = field(default_factory=list)  # case as written: "UPDATE:", "Update:"
    update_anywhere: list[re.Pattern] = field(default_factory=list)  # a sentence anywhere in the lead


@lru_cache(maxsize=4)
def load_cues(language: str) -> CueSet:
    """Cue patterns of a language ('en', 'es'); unknown languages use English."""
    lang = language if language in ("en", "es") else "en"
    raw = load_yaml(resources.files("fuentes.corpus").joinpath(f"data/credits_{lang}.yaml").read_text("utf-8"))
    flags = re.IGNORECASE
    cues = []
    for cue in raw.get("cues", []):
        before = re.compile(f"(?:{cue['before']})$", flags) if cue.get("before") else None
        after = re.compile(cue["after"], flags) if cue.get("after") else None
        cues.append((cue["kind"], before, after))
    anaphora = [(a["kind"], re.compile(a["pattern"], flags)) for a in raw.get("anaphora", [])]
    sigs = [(s["kind"], s["outlet"], re.compile(s["pattern"])) for s in raw.get("signatures", []) or []]
    updates = raw.get("updates") or {}
    return CueSet(cues, anaphora, sigs, [re.compile(p, re.MULTILINE) for p in updates.get("lead", [])],
                  [re.compile(p, flags) for p in updates.get("anywhere", [])])


LEAD_CHARS = 300  # an update mark on a line starts within the lead


def update_marked(text: str, title: str | None = None, language: str | None = "en") -> str | None:
    """The update mark ("UPDATE:", "Actualización:", "This story has been updated") an article
    carries in its title or its lead (the first `LEAD_CHARS` characters); None when it carries none."""
    cues = load_cues(language or "en")
    for part in (title or "", text[:LEAD_CHARS]):
        for pat in cues.update_lead:
            m = pat.search(part)
            if m:
                return m.group(0).strip()
        for pat in cues.update_anywhere:  # an editor's note heads the text; further down it is the
            m = pat.search(part)  # original's own history, which a copy carries or trims
            if m:
                return m.group(0).strip()
    return None


def _mentions(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Outlet mentions (start, end, canonical); short forms only when the full name appears."""
    found = [(m.start(), m.end(), m.group(1)) for m in gaz.pattern.finditer(text)]
    full = {gaz._canon[s] for _, _, s in found if s in gaz._canon}
    out = []
    for start, end, surface in found:
        if surface in gaz._canon:
            out.append((start, end, gaz._canon[surface]))
            continue
        owners = [o for o in gaz._short.get(surface, []) if o in full]
        if len(owners) == 1:
            out.append((start, end, owners[0]))
    return out


def detect_credits(text: str, language: str | None = "en", gazetteer: Gazetteer | None = None) -> list[Credit]:
    """Every credit cue in `text`, in text order."""
    gaz = gazetteer or Gazetteer.default()
    cues = load_cues(language or "en")
    credits: list[Credit] = []
    mentions = _mentions(text, gaz)
    for start, end, outlet in mentions:
        before = text[max(0, start - WINDOW_BEFORE):start]
        after = text[end:end + WINDOW_AFTER]
        for kind, bre, are in cues.cues:
            mb = bre.search(before) if bre else None
            if bre and not mb:
                continue
            ma = are.match(after) if are else None
            if are and not ma:
                continue
            cstart = start - (len(before) - mb.start()) if mb else start
            cend = end + ma.end() if ma else end
            credits.append(Credit(outlet, kind, cstart, cend, text[cstart:cend]))
            break
    for kind, pat in cues.anaphora:
        for m in pat.finditer(text):
            prior = [c for c in credits if c.end <= m.start()]
            if prior:
                last = max(prior, key=lambda c: c.end)
                credits.append(Credit(last.outlet, kind, m.start(), m.end(), m.group(0)))
    for kind, outlet, pat in cues.signatures:
        for m in pat.finditer(text):
            credits.append(Credit(gaz.canonical(outlet) or outlet, kind, m.start(), m.end(), m.group(0)))
    credits.sort(key=lambda c: (c.start, c.end))
    return credits


def credits_of(text: str, byline: str | None = None, language: str | None = "en",
               gazetteer: Gazetteer | None = None) -> list[Credit]:
    """Credits in the body plus a byline field that names an outlet (start = end = -1)."""
    gaz = gazetteer or Gazetteer.default()
    found = detect_credits(text, language, gaz)
    if byline:
        for _, _, outlet in _mentions(byline, gaz):
            found.append(Credit(outlet, "byline", -1, -1, byline))
    return found
