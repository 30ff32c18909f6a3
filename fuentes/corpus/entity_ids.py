"""Stable corpus entity ids: an entity keeps its id when articles arrive or analysts merge and split.

Resolution makes groups of local entities afresh on every run; their content ids (kind +
name) would change whenever a better name or a new member turns up. So each new group takes
the id that most of its members had before (`previous`: local ref -> last corpus id), each old
id going to one group only, the group holding most of its members first. A group that takes
in members of other old entities records those ids in `absorbed` (with what they had absorbed
themselves), so an id once given out always leads to its entity: the canonical id beside the
ids it took in, as nomenklatura keeps a canonical id beside its members' ids. Groups with no
previous id keep their content id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from fuentes.corpus.entity_resolution import Merge
from fuentes.ids import content_id
from fuentes.model import Entity


def stable_ids(resolved: list[Entity], merges: list[Merge], previous: dict[str, str],
               absorbed_before: dict[str, list[str]] | None = None) -> tuple[list[Entity], list[Merge]]:
    """`resolved` with ids carried over from `previous`, and `merges` pointing at those ids."""
    absorbed_before = absorbed_before or {}
    overlap: list[tuple[int, str, int, str]] = []  # (-members, old id, group index, old id)
    for index, entity in enumerate(resolved):
        counts = Counter(previous[ref] for ref in entity.merged_from if ref in previous)
        overlap.extend((-n, old, index, old) for old, n in counts.items())
    chosen: dict[int, str] = {}
    taken: set[str] = set()
    for _, _, index, old in sorted(overlap):
        if index not in chosen and old not in taken:
            chosen[index] = old
            taken.add(old)
    used = set(chosen.values())
    out: list[Entity] = []
    renamed: dict[str, str] = {}
    for index, entity in enumerate(resolved):
        new_id = chosen.get(index)
        if new_id is None:
            new_id = entity.id
            if new_id in used:  # an old entity's id that another group keeps
                new_id = content_id("ent", entity.kind, entity.name, *sorted(entity.merged_from)[:1])
        used.add(new_id)
        olds = {previous[ref] for ref in entity.merged_from if ref in previous} - {new_id}
        took = set(absorbed_before.get(new_id, [])) if new_id in taken else set()
        for old in olds:
            if old not in taken:  # the old entity went (whole or in part) into this one and no one kept it
                took.add(old)
                took.update(absorbed_before.get(old, []))
        took.discard(new_id)
        renamed[entity.id] = new_id
        absorbed = sorted(took)
        out.append(entity if new_id == entity.id and absorbed == entity.absorbed
                   else replace(entity, id=new_id, absorbed=absorbed))
    moved = {old: new for old, new in renamed.items() if old != new}  # most ids stay: their merges too
    return out, [replace(m, entity=moved[m.entity]) if m.entity in moved else m for m in merges]


def redirects(entities: list[Entity]) -> dict[str, str]:
    """Every absorbed id -> the id of the entity that holds it now."""
    return {old: entity.id for entity in entities for old in entity.absorbed}
