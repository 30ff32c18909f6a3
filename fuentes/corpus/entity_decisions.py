"""Analysts' merges and splits of corpus entities, applied on every analysis run.

Automatic resolution (`entity_resolution`) is cautious, so an analyst sometimes knows better:
a nickname is a known capo (merge), or two men share a name (split). Each decision is kept in
the `entity_decisions` table and applied right after automatic resolution, every run, so it
survives re-analysis:

- a decision names its two sides by a name or alias (compared as resolution compares names:
  case, accents and punctuation aside) or by a local reference "article#key". Corpus ids are
  never stored: they change when a merge changes an entity's name;
- the latest decision about a pair of names wins (a split undoes an earlier merge of the same
  two names, and the other way round);
- splits first: an automatic group whose members carry both names is cut along the merge links
  that formed it, each member staying with the side it is linked to most closely;
- then merges, in the order they were made: the entities carrying each name are joined and the
  join is recorded as a merge with reason "analyst: <note>". A merge is skipped, with a logged
  note, when a name is unknown or carried by several entities, or when it would put a split
  pair back together.
"""

from __future__ import annotations

import logging
from collections import defaultdict, deque
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from fuentes.corpus.entity_ids import redirects, stable_ids
from fuentes.corpus.entity_resolution import Merge, combine_entities, merge_reasons, resolve_with_merges
from fuentes.model import Entity
from fuentes.unionfind import UnionFind
from fuentes.views.names import name_key, named_by

if TYPE_CHECKING:
    from fuentes.store import Store

log = logging.getLogger(__name__)
KINDS = ("merge", "split")


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's "these two are one" (merge) or "these two are different" (split)."""

    kind: str
    first: str
    second: str
    who: str = ""
    at: datetime | None = None
    note: str | None = None
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(asdict(self), at=self.at.isoformat() if self.at else None)


def _latest(decisions: list[Decision]) -> list[Decision]:
    """The last decision about each pair of sides, in the order they were made."""
    ordered = sorted(decisions, key=lambda d: (_naive_utc(d.at), d.id or 0))
    last: dict[frozenset[str], Decision] = {}
    for d in ordered:
        last[frozenset((_side_key(d.first), _side_key(d.second)))] = d
    return [d for d in ordered if last.get(frozenset((_side_key(d.first), _side_key(d.second)))) is d]


def _naive_utc(at: datetime | None) -> datetime:
    """Comparable times: SQLite gives naive UTC datetimes back, PostgreSQL aware ones."""
    if at is None:
        return datetime.min
    return at.astimezone(timezone.utc).replace(tzinfo=None) if at.tzinfo else at


def _side_key(text: str) -> str:
    return text if "#" in text else name_key(text)


class _Sides:
    """Which local entities (refs "article#key") carry a decision's side."""

    def __init__(self, items: dict[str, tuple[str, Entity]]) -> None:
        self.refs = set(items)
        self.by_name: dict[str, set[str]] = defaultdict(set)
        self.by_alias: dict[str, set[str]] = defaultdict(set)
        for ref, (_, ent) in items.items():
            self.by_name[name_key(ent.name)].add(ref)
            for form in ent.aliases:
                self.by_alias[name_key(form)].add(ref)

    def __call__(self, text: str) -> set[str]:
        """Every member carrying `text` as its name or an alias (what a split keeps apart)."""
        if text in self.refs:
            return {text}
        key = name_key(text)
        return self.by_name.get(key, set()) | self.by_alias.get(key, set())

    def named(self, text: str) -> set[str]:
        """Members carrying `text` as their name, else as an alias (what a merge joins)."""
        if text in self.refs:
            return {text}
        key = name_key(text)
        return set(self.by_name.get(key, ()) or self.by_alias.get(key, ()))


def decide(decisions: list[Decision], per_article: dict[str, list[Entity]], resolved: list[Entity],
           merges: list[Merge]) -> tuple[list[Entity], list[Merge], list[str]]:
    """Automatic resolution (`resolved`, `merges`) corrected by the analysts' `decisions`;
    also returns a note for every decision that could not be applied."""
    active = _latest(decisions)
    if not active:
        return resolved, merges, []
    items = {f"{art}#{e.id}": (art, e) for art, ents in per_article.items() for e in ents}
    sides = _Sides(items)
    edges = [_edge(m) for m in merges]
    groups = [[ref for ref in e.merged_from if ref in items] for e in resolved]
    splits = [d for d in active if d.kind == "split"]
    for d in splits:
        groups = _cut(groups, sides(d.first) - sides(d.second), sides(d.second) - sides(d.first), edges)
    notes: list[str] = []
    groups, joins = _join(groups, [d for d in active if d.kind == "merge"], splits, sides, notes)
    entities = _rebuild(groups, resolved, items)
    return entities, _merge_records(entities, merges, edges, joins), notes


def _edge(merge: Merge) -> tuple[str, str] | None:
    """The two local refs an automatic merge linked."""
    return (merge.other, merge.source) if merge.other else None


def _cut(groups: list[list[str]], side_a: set[str], side_b: set[str],
         edges: list[tuple[str, str] | None]) -> list[list[str]]:
    """Groups holding members of both sides split in two along their merge links."""
    out = []
    for group in groups:
        members = set(group)
        seeds_a, seeds_b = sorted(side_a & members), sorted(side_b & members)
        if not seeds_a or not seeds_b:
            out.append(group)
            continue
        near = _nearest(members, seeds_a, seeds_b, edges)
        out.append([ref for ref in group if near.get(ref, "a") == "a"])
        out.append([ref for ref in group if near.get(ref, "a") == "b"])
    return out


def _nearest(members: set[str], seeds_a: list[str], seeds_b: list[str],
             edges: list[tuple[str, str] | None]) -> dict[str, str]:
    """Each member labelled with the side whose seed it reaches first along merge links."""
    links: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        if edge and edge[0] in members and edge[1] in members:
            links[edge[0]].append(edge[1])
            links[edge[1]].append(edge[0])
    label = {ref: "a" for ref in seeds_a} | {ref: "b" for ref in seeds_b}
    queue = deque([*seeds_a, *seeds_b])
    while queue:
        ref = queue.popleft()
        for other in links[ref]:
            if other not in label:
                label[other] = label[ref]
                queue.append(other)
    return label


def _join(groups: list[list[str]], merge_decisions: list[Decision], splits: list[Decision], sides: _Sides,
          notes: list[str]) -> tuple[list[list[str]], list[tuple[str, str, Decision]]]:
    """Groups joined by the merge decisions; the joins made, as (kept ref, joined ref, decision)."""
    owner = {ref: i for i, group in enumerate(groups) for ref in group}
    uf = UnionFind(len(groups))
    members = {i: set(group) for i, group in enumerate(groups)}
    apart = [(sides(s.first) - sides(s.second), sides(s.second) - sides(s.first), s) for s in splits]
    joins = []
    for d in merge_decisions:
        found = [{uf.find(owner[ref]) for ref in sides.named(text) if ref in owner} for text in (d.first, d.second)]
        problem = next((f"'{text}' names no entity" if not roots else f"'{text}' names {len(roots)} entities"
                        for text, roots in zip((d.first, d.second), found) if len(roots) != 1), None)
        if problem is None:
            a, b = found[0].pop(), found[1].pop()
            if a == b:
                continue  # already one entity
            clash = next((s for x, y, s in apart if (x & members[a] and y & members[b])
                          or (y & members[a] and x & members[b])), None)
            if clash is None:
                uf.union(a, b)
                root = uf.find(a)
                members[root] = members.pop(a if root == b else b) | members[root]
                joins.append((groups[a][0], groups[b][0], d))
                continue
            problem = f"it would join '{clash.first}' and '{clash.second}', kept apart by a split"
        notes.append(f"merge of '{d.first}' and '{d.second}' skipped: {problem}")
    joined: dict[int, list[str]] = defaultdict(list)
    for i, group in enumerate(groups):
        joined[uf.find(i)].extend(group)
    return [group for group in joined.values() if group], joins


def _rebuild(groups: list[list[str]], resolved: list[Entity], items: dict[str, tuple[str, Entity]]) -> list[Entity]:
    """Entities for the final groups: unchanged ones as resolution made them, others combined anew."""
    by_refs = {tuple(e.merged_from): e for e in resolved}
    groups = sorted(groups, key=lambda g: g[0])
    kept = [by_refs.get(tuple(group)) for group in groups]
    used = {e.id for e in kept if e is not None}
    return [e if e is not None else combine_entities([items[ref] for ref in group], group, used)
            for group, e in zip(groups, kept)]


def _merge_records(entities: list[Entity], merges: list[Merge], edges: list[tuple[str, str] | None],
                   joins: list[tuple[str, str, Decision]]) -> list[Merge]:
    final = {ref: e.id for e in entities for ref in e.merged_from}
    out = [Merge(final[m.source], m.source, m.reason, m.other) for m, edge in zip(merges, edges)
           if m.source in final and (edge is None or final.get(edge[0]) == final.get(edge[1]))]
    for kept, joined, d in joins:
        note = d.note or f"'{d.first}' and '{d.second}' are one"
        out.append(Merge(final[joined], joined, f"analyst: {note}"))
    return out


# --- the store side: reading, recording and applying decisions ---

def load_decisions(store: Store) -> list[Decision]:
    from fuentes.store.decisions import list_decisions

    return [Decision(kind=r["kind"], first=r["first"], second=r["second"], who=r["who"], at=r["at"],
                     note=r["note"], id=r["id"]) for r in list_decisions(store)]


def apply_decisions(store: Store, per_article: dict[str, list[Entity]], resolved: list[Entity],
                    merges: list[Merge]) -> tuple[list[Entity], list[Merge]]:
    """What the analysis calls right after automatic resolution; skipped decisions are logged."""
    entities, found, notes = decide(load_decisions(store), per_article, resolved, merges)
    for note in notes:
        log.warning("entity decision %s", note)
    return entities, found


def _entity_rows(store: Store) -> list[dict[str, Any]]:
    from fuentes.store.views import entity_rows

    return entity_rows(store)


def _carriers(rows: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Corpus entities carrying `text` as a local ref, or as their name (else as an alias)."""
    if "#" in text:
        return [row for row in rows if text in (row["merged_from"] or [])]
    return named_by(text, rows, names_first=True)


def decision_side(store: Store, kind: str, text: str) -> str:
    """What a decision stores for one side the analyst gave (an entity id, a name, an alias or a
    local ref): names are kept; an id becomes its entity's name, or one of its local refs when
    other entities carry that name too. ValueError names the input when it cannot be used."""
    text = " ".join((text or "").split())
    if not text:
        raise ValueError("an entity name, alias or id is needed on both sides")
    rows = _entity_rows(store)
    by_id = [row for row in rows if row["id"] == text] or \
        ([row for row in rows if row["id"].startswith(text)] if text.startswith("ent_") and len(text) >= 8 else [])
    if len(by_id) == 1:
        row = by_id[0]
        if len(_carriers(rows, row["name"])) == 1 or not row["merged_from"]:
            return row["name"]
        return row["merged_from"][0]
    found = _carriers(rows, text)
    if not found:
        raise ValueError(f"no entity is named {text!r} (give a name, an alias or an entity id)")
    if kind == "merge" and len(found) > 1:
        ids = ", ".join(row["id"] for row in found[:5])
        raise ValueError(f"{text!r} names {len(found)} entities ({ids}): give the entity id instead")
    return text


def record_decision(store: Store, kind: str, first: str, second: str, who: str,
                    note: str | None = None) -> Decision:
    """Check both sides and store the decision (it takes effect at the next `refresh_entities`
    or analysis run). ValueError when a side cannot be used; StoreError when the store refuses."""
    from fuentes.store.decisions import add_decision

    if kind not in KINDS:
        raise ValueError(f"unknown decision {kind!r}: merge or split")
    one, two = decision_side(store, kind, first), decision_side(store, kind, second)
    if _side_key(one) == _side_key(two):
        raise ValueError(f"{first!r} and {second!r} name the same thing twice")
    at = datetime.now(timezone.utc)
    note = (note or "").strip()[:2000] or None
    new_id = add_decision(store, kind, one, two, who, at, note)
    return Decision(kind, one, two, who, at, note, new_id)


def refresh_entities(store: Store) -> list[str]:
    """Redo the entity part of the analysis from the stored local entities, decisions included,
    so a decision shows at once (what the web and the CLI call after recording one).

    Entity ids stay (`entity_ids.stable_ids`); quote speakers and local entities follow
    (`save_corpus_entities`); where a merge absorbed an id, relations, claims, events and watchlist
    hits that named it point at the entity that took it in. The rest
    (stories, claim grouping, relation counts) is recomputed by the next `fuentes analyse`.
    Returns the notes of decisions that could not be applied.
    """
    from fuentes.store import analysis as db
    from fuentes.store.decisions import rename_entity_refs

    before = {row["id"]: row["merged_from"] or [] for row in _entity_rows(store)}
    local = db.load_local_entities(store)
    resolved, merges = resolve_with_merges(local)
    resolved, merges, notes = decide(load_decisions(store), local, resolved, merges)
    resolved, merges = stable_ids(resolved, merges, db.previous_entity_ids(store), db.absorbed_ids(store))
    db.save_corpus_entities(store, resolved, merge_reasons(merges))
    # ids never change, but an id absorbed by a merge no longer names a row: records that name it
    # (claims, relations, events, watchlist hits) point at the entity that took it in
    current = {e.id for e in resolved}
    rename_entity_refs(store, {old: new for old, new in redirects(resolved).items()
                               if old in before and old not in current})
    return notes


def entity_of(store: Store, text: str) -> dict[str, Any] | None:
    """The corpus entity a decision side names now (the first, when several carry it)."""
    found = _carriers(_entity_rows(store), text)
    return found[0] if found else None


def decision_applied(kind: str, first: dict[str, Any] | None, second: dict[str, Any] | None) -> bool:
    """Whether the entities the two sides name now show the decision: one entity after a merge,
    not one entity after a split (a side that names nothing any more is apart)."""
    together = first is not None and second is not None and first["id"] == second["id"]
    return together if kind == "merge" else not together


@dataclass(frozen=True, slots=True)
class Outcome:
    """A recorded decision, whether it shows, the entities its sides name now, and the notes of
    decisions that could not be applied."""

    decision: Decision
    applied: bool
    entities: tuple[dict[str, Any] | None, dict[str, Any] | None]
    notes: list[str]


def make_decision(store: Store, kind: str, first: str, second: str, who: str,
                  note: str | None = None) -> Outcome:
    """Record a decision and apply it at once (`record_decision`, then `refresh_entities`): what
    `fuentes merge`/`split` and the workbench do. ValueError (naming the input) when a side names
    no entity; StoreError when the store refuses the write."""
    decision = record_decision(store, kind, first, second, who, note)
    notes = refresh_entities(store)
    one, two = entity_of(store, decision.first), entity_of(store, decision.second)
    return Outcome(decision, decision_applied(kind, one, two), (one, two), notes)
