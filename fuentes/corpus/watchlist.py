"""Watchlists: FollowTheMoney entities (the JSON-lines form OpenSanctions publishes) matched
against the corpus's resolved entities.

Each line of the file is one entity: ``{"id", "schema", "properties": {"name": [...],
"alias": [...], "weakAlias": [...], "birthDate": [...], "nationality": [...], ...}}``. Only
schemas that name a person or a group are kept (Person, Organization, Company, LegalEntity,
PublicBody); sanctions, addresses and other records on the same file are skipped.

Matching compares every name and alias of an entity with every name, alias and weak alias of
a watchlist entry of a compatible schema (a person never matches a company). Candidates come
from shared name tokens, so the work grows with the hits, not with the list's size. A pair of
names scores by how it matched: identical after normalisation (case, accents, punctuation),
the same words in another order (rapidfuzz token sort), or close spelling (rapidfuzz ratio).
Weak aliases (nicknames such as "El Gordo") and one-word names are weak evidence: they score
lower and are flagged, so an analyst sees why a hit was made before trusting it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz

from fuentes.errors import InputError
from fuentes.model import Entity

PERSON_SCHEMAS = frozenset({"Person"})
GROUP_SCHEMAS = frozenset({"Organization", "Company", "PublicBody"})
EITHER_SCHEMAS = frozenset({"LegalEntity"})
COMPATIBLE = {"person": PERSON_SCHEMAS | EITHER_SCHEMAS,
              "organization": GROUP_SCHEMAS | EITHER_SCHEMAS,
              "other": PERSON_SCHEMAS | GROUP_SCHEMAS | EITHER_SCHEMAS}
FIELD_WEIGHT = {"name": 1.0, "alias": 0.95, "weakAlias": 0.75}
EXACT, TOKEN_SORT, FUZZY = "exact", "token_sort", "fuzzy"
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_STOP = frozenset({"el", "la", "los", "las", "the", "de", "del", "y", "and", "of"})


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, single-spaced."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", plain).split())


@dataclass(slots=True)
class WatchEntry:
    """One watchlist entity: its names by FtM property, and what helps an analyst judge a hit."""

    id: str
    schema: str
    names: dict[str, list[str]]  # "name" / "alias" / "weakAlias" -> values
    caption: str
    properties: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Watchlist:
    source: str
    entries: list[WatchEntry]
    skipped: int = 0  # records of schemas that name no one (sanctions, addresses, ...)
    _index: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def candidates(self, norm: str) -> set[int]:
        if not self._index:
            for n, entry in enumerate(self.entries):
                for value in (v for values in entry.names.values() for v in values):
                    for tok in set(normalize_name(value).split()) - _STOP:
                        self._index.setdefault(tok, []).append(n)
        return {n for tok in set(norm.split()) - _STOP for n in self._index.get(tok, ())}


@dataclass(frozen=True, slots=True)
class NameMatch:
    """Why a hit was made: which of our names matched which listed name, and how."""

    ours: str
    theirs: str
    field: str  # name / alias / weakAlias
    method: str  # exact / token_sort / fuzzy
    score: float
    weak: bool  # a weak alias or a one-word name


@dataclass(slots=True)
class Hit:
    entity: str
    entity_name: str
    watchlist_id: str
    watchlist_name: str
    schema: str
    score: float
    evidence: list[NameMatch]
    properties: dict[str, list[str]] = field(default_factory=dict)


def load_watchlist(path: str | Path) -> Watchlist:
    """Read a FollowTheMoney JSON-lines file; errors name the file and line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "watchlist file not found")
    entries, skipped = [], 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}", f"not a JSON object ({exc.msg})") from None
            entry = _entry(record, f"{path}:{number}")
            if entry is None:
                skipped += 1
            else:
                entries.append(entry)
    return Watchlist(str(path), entries, skipped)


def _entry(record: object, where: str) -> WatchEntry | None:
    if not isinstance(record, dict) or "schema" not in record or "id" not in record:
        raise InputError(where, "a FollowTheMoney entity needs 'id' and 'schema'")
    schema = str(record["schema"])
    props = record.get("properties") or {}
    if not isinstance(props, dict):
        raise InputError(where, "'properties' must be an object of lists")
    props = {k: [str(v) for v in (vals if isinstance(vals, list) else [vals])] for k, vals in props.items()}
    if schema not in PERSON_SCHEMAS | GROUP_SCHEMAS | EITHER_SCHEMAS or not props.get("name"):
        return None
    names = {f: props.get(f, []) for f in FIELD_WEIGHT}
    return WatchEntry(str(record["id"]), schema, names, str(record.get("caption") or names["name"][0]),
                      {k: v for k, v in props.items() if k not in FIELD_WEIGHT})


def compare(ours: str, theirs: str, field_name: str, threshold: float = 0.88) -> NameMatch | None:
    """How one of our names matches one listed name, or None below the threshold."""
    a, b = normalize_name(ours), normalize_name(theirs)
    if not a or not b:
        return None
    one_word = len(a.split()) < 2 or len(b.split()) < 2
    if a == b:
        method, raw = EXACT, 1.0
    elif one_word:  # a surname or a bare nickname: only an exact match says anything
        return None
    elif fuzz.token_sort_ratio(a, b) == 100:
        method, raw = TOKEN_SORT, 0.97
    else:
        method, raw = FUZZY, fuzz.ratio(a, b) / 100
    weak = field_name == "weakAlias" or one_word
    score = raw * FIELD_WEIGHT[field_name] * (0.8 if one_word else 1.0)
    if raw < threshold:
        return None
    return NameMatch(ours, theirs, field_name, method, round(score, 3), weak)


def match_watchlist(entities: Iterable[Entity], watchlist: Watchlist, min_score: float = 0.7) -> list[Hit]:
    """Hits of the entities on the watchlist, best first; each keeps every name match."""
    hits = []
    for ent in entities:
        allowed = COMPATIBLE.get(ent.kind)
        if not allowed:  # places are not listed
            continue
        ours = {normalize_name(n): n for n in [ent.name, *ent.aliases] if n[:1].isupper() or n[:1].isdigit()}
        found: dict[int, list[NameMatch]] = defaultdict(list)
        for norm, name in ours.items():
            for n in watchlist.candidates(norm):
                entry = watchlist.entries[n]
                if entry.schema not in allowed:
                    continue
                for field_name, values in entry.names.items():
                    found[n] += [m for v in values if (m := compare(name, v, field_name))]
        for n, matches in found.items():
            if not matches:
                continue
            hit = _hit(ent, watchlist.entries[n], matches)
            if hit.score >= min_score:
                hits.append(hit)
    return sorted(hits, key=lambda h: (-h.score, h.entity_name, h.watchlist_id))


def _hit(ent: Entity, entry: WatchEntry, matches: list[NameMatch]) -> Hit:
    """Score: the best name match, raised a little by other strong matches; a hit made of
    weak matches only (nicknames, one-word names) never scores above 0.75."""
    matches.sort(key=lambda m: -m.score)
    best = matches[0].score
    strong = [m for m in matches if not m.weak]
    bonus = 0.02 * min(len({m.ours for m in strong}) - 1, 3) if strong else 0.0
    score = min(1.0, best + bonus) if strong else min(best, 0.75)
    return Hit(ent.id, ent.name, entry.id, entry.caption, entry.schema, round(score, 3), matches, entry.properties)
