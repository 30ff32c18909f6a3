"""The blocks of entity resolution: which local entities can bear on each other's merges.

Every rule of `entity_resolution` joins, refuses or weighs two local entities only when they
share a name key: the same name (any kind: a full name, a one-word name, an exonym, outlet or
translation key), the same raw name and kind (one content id), person names that are variants
of each other ("Carlos Slim" / "Carlos Slim Helú"), a one-word name and a person's surname or
an organisation's acronym. The components of that graph are resolved apart with the same
result as one corpus-wide run: unions never cross them, and each count a rule takes ("the one
person carrying the surname", a translation block's size) is whole inside one.

`ResolutionIndex` keeps, between runs of `fuentes analyse`, each component's result under a
digest of its members, every name's keys, and the person-name variant pairs found so far: a run
resolves again only the components that new or changed articles touch.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from fuentes.extract.aliases import fold, looks_like_acronym, name_tokens, person_keys, same_person_name
from fuentes.corpus.name_constraints import outlet_key
from fuentes.model import Entity


class ResolutionIndex:
    """What earlier resolutions found, reused while it still holds (see the module doc)."""

    def __init__(self) -> None:
        self.names: dict[tuple, frozenset] = {}  # (kind, name, aliases) -> its folded names
        self.compared: set[tuple[str, ...]] = set()  # person names compared with every other one present
        self.variants: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()  # pairs of one person's names
        self.done: dict[str, tuple[list[tuple], list[tuple]]] = {}  # component digest -> entities, merges kept
        self.cosines: dict[tuple[str, str], float] = {}  # the encoder's cosine of two words (translations)
        self.changed = False
        self.resolved = 0  # components resolved afresh in the last run


def component_digest(members: list[tuple[str, Entity]], refs: list[str], marks: dict[str, str] | None = None) -> str:
    """A digest of everything a component's resolution reads of its members: each member's ref with
    its article's mark (`marks`: when the article's local entities were written), else its content."""
    digest = hashlib.blake2b(digest_size=16)
    for ref, (article, e) in zip(refs, members):
        mark = marks.get(article) if marks else None
        digest.update(repr((ref, mark) if mark else (ref, e.kind, e.name, e.aliases, e.roles, e.articles,
                                                      e.evidence)).encode())
    return digest.hexdigest()


def variant_pairs(people: set[tuple[str, ...]], index: ResolutionIndex) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pairs of distinct person names (two words or more) that name one person (`same_person_name`),
    among `people`. Names compared in an earlier run are not compared again with each other."""
    blocks: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for toks in sorted(people):
        blocks[("last", toks[-1])].append(toks)
        blocks[("first", toks[0])].append(toks)
    old = index.compared & people
    found = {pair for pair in index.variants if pair[0] in people and pair[1] in people}
    for block in blocks.values():
        for n, a in enumerate(block):
            for b in block[n + 1:]:
                if (a in old and b in old) or (a, b) in found:
                    continue
                if same_person_name(a, b):
                    found.add((a, b))
    if found != index.variants or people != index.compared:
        index.changed = True
    index.variants, index.compared = found, set(people)
    return found


def components(items: list[tuple[str, Entity]], names: list[frozenset], index: ResolutionIndex) -> list[list[int]]:
    """The items (positions in `items`) of each component of the name-key graph, in order."""
    keys: dict[Any, int] = {}
    parent = list(range(len(items)))

    def node(key: Any) -> int:
        at = keys.get(key)
        if at is None:
            at = keys[key] = len(parent)
            parent.append(at)
        return at

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    # one-word names wanting an owner: a person's surname or an organisation's acronym
    wanted: set[Any] = set()
    for i, (_, e) in enumerate(items):
        if e.kind != "place" and not any(len(t) >= 2 for t in names[i]):
            for toks in names[i]:
                wanted.add(("word", toks))
                wanted.add(("acronym", fold(toks[0]).replace(".", "")))
    people: set[tuple[str, ...]] = set()
    for i, (_, e) in enumerate(items):
        union(i, node(("raw", e.kind, e.name)))  # one content id
        if (outlet := outlet_key(name_tokens(e.name))) is not None:
            union(i, node(("outlet", outlet)))
        wants = e.kind != "place" and not any(len(t) >= 2 for t in names[i])
        for toks in names[i]:
            union(i, node(("name", toks)))
            if wants:
                union(i, node(("word", toks)))
                union(i, node(("acronym", fold(toks[0]).replace(".", ""))))
        if e.kind == "person":
            for toks in names[i]:
                if len(toks) >= 2:
                    people.add(toks)
                    for key in person_keys(toks)[0]:
                        if len(key) == 1 and ("word", key) in wanted:
                            union(i, node(("word", key)))
        elif e.kind == "organization" and len(name_tokens(e.name)) >= 2:
            for alias in [e.name, *e.aliases]:
                if looks_like_acronym(alias) and (key := ("acronym", fold(alias).replace(".", ""))) in wanted:
                    union(i, node(key))
    for a, b in variant_pairs(people, index):
        union(node(("name", a)), node(("name", b)))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    return sorted(groups.values())
