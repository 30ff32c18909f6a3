"""The blocks of entity resolution: which local entities can bear on each other's merges.

Every rule of `entity_resolution` joins, refuses or weighs two local entities only when they
share a name key: the same name (any kind: a full name, a one-word name, an exonym, outlet or
translation key; not a one-word name of a person known by a full name, which no rule reads), the
same raw name and kind (one content id), person names that are variants of each other ("Carlos
Slim" / "Carlos Slim Helú") or alike but for a familiar and a formal given name ("Mo Cheeks" /
"Maurice Cheeks"), a one-word name and a person's surname or an organisation's acronym, an office
title before a surname alone and the same title before a full name of that surname ("President
Clinton" / "President Bill Clinton"; a courtesy word such as "Mr." is no office). The components
of that graph are resolved apart with the same result as one corpus-wide run: unions never cross
them, and each count a rule takes ("the one person carrying the surname", a translation block's
size) is whole inside one.

`ResolutionIndex` keeps, between runs of `fuentes analyse`, each component's result under a
digest of its members, every distinct local entity's names and the encoder's cosines of
translated words: a run resolves again only the components that new or changed articles touch.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import combinations
from typing import Any

from fuentes.extract.aliases import fold, looks_like_acronym, name_tokens, person_keys, same_person_name
from fuentes.corpus.name_constraints import COURTESY_TITLES, given_variants, outlet_key, titled_forms
from fuentes.ids import normalize_text
from fuentes.model import Entity
from fuentes.unionfind import UnionFind


class ResolutionIndex:
    """What earlier resolutions found, reused while it still holds (see the module doc)."""

    def __init__(self) -> None:
        self.names: dict[tuple, frozenset] = {}  # (kind, name, aliases) -> its folded names
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


LONGEST_ENUMERATED = 10  # names of more words are compared with the names sharing their first or last word


def variant_pairs(people: set[tuple[str, ...]]) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pairs (shorter, longer) of distinct person names of two words or more that name one person
    (`same_person_name`: the shorter sits in order in the longer and shares its first or last
    word), among `people`. Each name's shorter forms are enumerated and looked up, so the work
    grows with the number of names, not with the square of the names sharing a first name."""
    found: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    long_ones = []
    for name in people:
        n = len(name)
        if n > LONGEST_ENUMERATED:
            long_ones.append(name)
            continue
        for k in range(2, n):
            for picked in combinations(range(n), k):
                short = tuple(name[i] for i in picked)
                if (short[0] == name[0] or short[-1] == name[-1]) and short in people:
                    found.add((short, name))
    for name in long_ones:
        for other in people:
            if other != name and (other[0] == name[0] or other[-1] == name[-1]) and same_person_name(other, name):
                found.add(tuple(sorted((other, name), key=len)))  # type: ignore[arg-type]
    return found


def familiar_pairs(people: set[tuple[str, ...]]) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pairs of person names alike but for a familiar and a formal given name ("mo cheeks" /
    "maurice cheeks": `entity_resolution._familiar_form`), among `people`: each name's given-name
    variants looked up, so the work grows with the number of names."""
    variants = given_variants()
    found = set()
    for name in people:
        if len(name[0]) > 1:
            for given in variants.get(name[0], ()):
                other = (given, *name[1:])
                if given != name[0] and len(given) > 1 and other in people:
                    found.add(tuple(sorted((name, other))))
    return found  # type: ignore[return-value]


def components(items: list[tuple[str, Entity]], names: list[frozenset]) -> list[list[int]]:
    """The items (positions in `items`) of each component of the name-key graph, in order."""
    uf = UnionFind(len(items))  # the items, then one node per key
    keys: dict[Any, int] = {}

    def node(key: Any) -> int:
        at = keys.get(key)
        if at is None:
            at = keys[key] = uf.add()
        return at

    # one-word names wanting an owner: a person's surname or an organisation's acronym; and a
    # person's title before a surname alone ("President Clinton"), which the people carrying that
    # title before their full name decide (`entity_resolution._foreign_titles`)
    # local entities of one kind, name and aliases have the same keys: one of them stands for all
    # ("Donald Trump" in thousands of articles is looked at once)
    reps: list[int] = []
    first: dict[tuple, int] = {}
    for i, (_, e) in enumerate(items):
        sig = (e.kind, e.name, tuple(e.aliases))
        if (at := first.get(sig)) is None:
            first[sig] = i
            reps.append(i)
        else:
            uf.union(at, i)
    wanted: set[Any] = set()
    titled: dict[int, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    wants = {i: items[i][1].kind != "place" and not any(len(t) >= 2 for t in names[i]) for i in reps}
    for i in reps:
        e = items[i][1]
        if wants[i]:
            for toks in names[i]:
                wanted.add(("word", toks))
                wanted.add(("acronym", fold(toks[0]).replace(".", "")))
        if e.kind == "person":
            for form in dict.fromkeys([e.name, *e.aliases]):
                if (found := titled_forms(form)) is not None:
                    titles, rest = found
                    titles = tuple(title for title in titles if title not in COURTESY_TITLES)  # no office
                    titled[i].extend((title, rest) for title in titles)
                    if len(rest) == 1:
                        wanted.update(("titled", title, rest[0]) for title in titles)
    people: set[tuple[str, ...]] = set()
    for i in reps:
        e = items[i][1]
        uf.union(i, node(("raw", e.kind, normalize_text(e.name))))  # one content id
        if (outlet := outlet_key(name_tokens(e.name))) is not None:
            uf.union(i, node(("outlet", outlet)))
        for toks in names[i]:
            if len(toks) == 1 and e.kind == "person" and not wants[i]:
                continue  # a one-word name of a person known by a full name: no rule reads it
            uf.union(i, node(("name", toks)))
            if wants[i]:
                uf.union(i, node(("word", toks)))
                uf.union(i, node(("acronym", fold(toks[0]).replace(".", ""))))
        if e.kind == "person":
            for toks in names[i]:
                if len(toks) >= 2:
                    people.add(toks)
                    for key in person_keys(toks)[0]:
                        if len(key) == 1 and ("word", key) in wanted:
                            uf.union(i, node(("word", key)))
            for title, rest in titled[i]:
                if ("titled", title, rest[-1]) in wanted:
                    uf.union(i, node(("titled", title, rest[-1])))
        elif e.kind == "organization" and len(name_tokens(e.name)) >= 2:
            for alias in [e.name, *e.aliases]:
                if looks_like_acronym(alias) and (key := ("acronym", fold(alias).replace(".", ""))) in wanted:
                    uf.union(i, node(key))
    for a, b in variant_pairs(people) | familiar_pairs(people):
        uf.union(node(("name", a)), node(("name", b)))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    return sorted(groups.values())
