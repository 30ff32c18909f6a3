"""The blocks of entity resolution: which local entities can bear on each other's merges.

Every rule of `entity_resolution` joins, refuses or weighs two local entities only when they
share a name key: the same name (any kind: a full name, a one-word name, an exonym, outlet or
translation key; not a one-word name of a person known by a full name, which no rule reads), the
same raw name and kind (one content id), person names that are variants of each other ("Carlos
Slim" / "Carlos Slim Helú") or alike but for a familiar and a formal given name ("Mo Cheeks" /
"Maurice Cheeks"), a one-word name and a place or group of that name that an entity looks for
by it across kinds, an office title before a surname alone and the same title before a full name
of that surname ("President Clinton" / "President Bill Clinton"; a courtesy word such as "Mr." is
no office).

One-word names do not percolate through the graph: an entity known by one word ("Clinton",
"PRI") meets its owners (the people carrying the word as a surname, the organisations carrying
it as an acronym) only when they all lie in one component of the rest; when they lie in two or
more, the word names no one of them (the rules join it to none, and no chain of unions joins two
components before it is decided), so it is resolved in its own component, which is told that the
word is owned elsewhere (`blocks`: `_merge_single_words` skips it, `_merge_across_kinds` counts it
as a surname when a person carries it). The components are resolved apart with the same result as
one corpus-wide run: unions never cross them, and each count a rule takes ("the one person
carrying the surname", a translation block's size) is whole inside one or told to it.

`ResolutionIndex` keeps, between runs of `fuentes analyse`, each component's result under a
digest of its members and of what it is told of the others, every distinct local entity's names and the encoder's cosines of
translated words: a run resolves again only the components that new or changed articles touch.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import combinations
from typing import Any

from fuentes.extract.aliases import fold, looks_like_acronym, name_tokens, person_keys, same_person_name
from fuentes.corpus.name_constraints import COURTESY_TITLES, TRANSLATION_MARK, given_variants, outlet_key, titled_forms
from fuentes.ids import normalize_text
from fuentes.model import Entity
from fuentes.unionfind import UnionFind

# name keys that are no names: exonym keys ("~"), word bags ("\u2248"), translation candidates
KEY_MARKS = ("~", "\u2248", TRANSLATION_MARK)


class ResolutionIndex:
    """What earlier resolutions found, reused while it still holds (see the module doc)."""

    def __init__(self) -> None:
        self.names: dict[tuple, frozenset] = {}  # (kind, name, aliases) -> its folded names
        self.done: dict[str, tuple[list[tuple], list[tuple]]] = {}  # component digest -> entities, merges kept
        self.cosines: dict[tuple[str, str], float] = {}  # the encoder's cosine of two words (translations)
        self.changed = False
        self.resolved = 0  # components resolved afresh in the last run


def component_digest(members: list[tuple[str, Entity]], refs: list[str], marks: dict[str, str] | None = None,
                     apart: frozenset = frozenset()) -> str:
    """A digest of everything a component's resolution reads of its members: each member's ref with
    its article's mark (`marks`: when the article's local entities were written), else its content;
    and what it knows of the other components (`apart`, from `blocks`)."""
    digest = hashlib.blake2b(digest_size=16)
    if apart:
        digest.update(repr(sorted(apart)).encode())
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
    return [members for members, _ in blocks(items, names)]


def blocks(items: list[tuple[str, Entity]], names: list[frozenset]) -> list[tuple[list[int], frozenset]]:
    """Each component of the name-key graph (the positions of its items in `items`, in order) with
    what its resolution must know of the others: the one-word names of its one-word entities whose
    owners (the people carrying the word as a surname, the organisations carrying it as an
    acronym) lie in two components or more, as (word, whether a person carries it). Such a word
    names no one person or organisation of the corpus (`_merge_single_words` joins it to none) and
    bridges nothing: the entity known by it is resolved without the full names it could stand for."""
    uf = UnionFind(len(items))  # the items, then one node per key
    keys: dict[Any, int] = {}

    def node(key: Any) -> int:
        at = keys.get(key)
        if at is None:
            at = keys[key] = uf.add()
        return at

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
    # one-word entities (`wants`) want an owner: a person carrying the word as a surname, an
    # organisation carrying it as an acronym; a person's office title before a surname alone
    # ("President Clinton") meets the people carrying that title before their full name
    # (`entity_resolution._foreign_titles`)
    wants = {i: items[i][1].kind != "place" and not any(len(t) >= 2 for t in names[i]) for i in reps}
    wanted: set[Any] = set()
    titled: dict[int, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    surname_owners: dict[tuple[str, ...], list[int]] = defaultdict(list)
    acronym_owners: dict[str, list[int]] = defaultdict(list)
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
    surnames: set[tuple[str, ...]] = set()
    for i in reps:
        e = items[i][1]
        uf.union(i, node(("raw", e.kind, normalize_text(e.name))))  # one content id
        if (outlet := outlet_key(name_tokens(e.name))) is not None:
            uf.union(i, node(("outlet", outlet)))
        for toks in names[i]:
            if len(toks) >= 2:
                uf.union(i, node(("name", toks)))
            elif e.kind != "person":  # one word names one place or group of a kind (`_merge_full_names`)
                uf.union(i, node(("word", e.kind, toks)))
        if e.kind == "person":
            for toks in names[i]:
                if len(toks) >= 2:
                    people.add(toks)
                    for key in person_keys(toks)[0]:
                        if len(key) == 1:
                            surnames.add(key)
                            if ("word", key) in wanted:
                                surname_owners[key].append(i)
            for title, rest in titled[i]:
                if ("titled", title, rest[-1]) in wanted:
                    uf.union(i, node(("titled", title, rest[-1])))
        elif e.kind == "organization" and len(name_tokens(e.name)) >= 2:
            for alias in [e.name, *e.aliases]:
                if looks_like_acronym(alias) and (key := ("acronym", fold(alias).replace(".", ""))) in wanted:
                    acronym_owners[key[1]].append(i)
    for a, b in variant_pairs(people) | familiar_pairs(people):
        uf.union(node(("name", a)), node(("name", b)))
    # a one-word name across kinds (`_merge_across_kinds`): the places and groups carrying it meet
    # the entities that look for one of them by it ("other" entities, places no data file lists,
    # one-word people when no person carries the word as a surname)
    sought: set[tuple[str, ...]] = set()
    for i in reps:
        e = items[i][1]
        if e.kind == "other" or (e.kind == "place" and not any(t[0].startswith("~") for t in names[i])):
            sought.update(t for t in names[i] if len(t) == 1 and not t[0].startswith(KEY_MARKS))
        elif e.kind == "person" and wants[i]:
            sought.update(t for t in names[i] if t not in surnames)
    for i in reps:
        e = items[i][1]
        for toks in names[i]:
            if len(toks) == 1 and toks in sought and (e.kind != "person" or (wants[i] and toks not in surnames)):
                uf.union(i, node(("sought", toks)))
    # each one-word entity meets the owners of its words when they lie in one component, again
    # until nothing changes (a meeting joins components); a word whose owners lie in two or more
    # names no one of them
    pending = [(i, toks, surname_owners.get(toks, []) + acronym_owners.get(fold(toks[0]).replace(".", ""), []))
               for i in reps if wants[i] for toks in sorted(names[i])]
    pending = [p for p in pending if p[2]]
    while True:
        left = []
        for i, toks, owners in pending:
            roots = {uf.find(j) for j in owners}
            if len(roots) == 1:
                uf.union(i, owners[0])
            else:
                left.append((i, toks, owners))
        if len(left) == len(pending):
            break
        pending = left
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    apart: dict[int, set[tuple]] = defaultdict(set)
    for i, toks, _ in pending:
        apart[uf.find(i)].add((toks, toks in surname_owners))
    return sorted((members, frozenset(apart.get(root, ()))) for root, members in groups.items())
