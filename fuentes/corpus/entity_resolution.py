"""Entities across articles: one entity per real person or group in the corpus.

Each article's local entities (from the `entities` stage) are merged when the evidence says
they are the same, and only then:
  - they share a name, compared case- and accent-insensitively, same kind: for people a name
    of two words or more (a full name, a nickname such as "El Halcón"); places and groups
    also by one word ("Mexico", "CIA");
  - two people's full names are variants of each other ("Rodrigo Salas Ibarra" /
    "Rodrigo Andrés Salas Ibarra"; same rule as inside an article);
  - an entity known only by one word (a surname the model may have tagged ORG, an acronym)
    joins the one person / organisation of the corpus that carries that word as a surname /
    acronym; when two different people share the surname, it joins neither;
  - a group the model labels differently in different articles: an "other" (MISC) entity
    joins the one organisation or place of the corpus carrying its name; a one-word "person"
    that is no person's surname joins the one organisation or "other" entity of that name
    ("Beatles", "Safari");
  - names are compared without a leading article ("The Beatles" / "Beatles"), a hyphen however
    spaced ("Wal-Mart" / "Wal - Mart"), and names written with a small first letter count
    ("iPhone", "eBay"); a place's or group's name in the other language matches through the
    exonym table and data/name_words.yaml, places inside a name included ("Universidad de
    Nueva York" / "New York University").
Two people who share only a surname are never merged. Candidates are found by blocking on
normalised name keys, so the work grows with the number of entities, not its square.

No chain of merges crosses a cannot-link constraint (`name_constraints`): every union is
checked against the full names both groups already hold (family members who share a surname,
"Jr.", organisations whose names share only a word, a person and an organisation), refused when
they disagree, and the refusal kept beside the merges ("kept apart from ..."). A local entity
whose article chained in a name that disagrees with its own keeps that name out of linking and
out of the corpus aliases. The canonical name is the clean full form most members use.

Ids come from content: `ent_<hash of kind + name>`; every merge is recorded as a `Merge`
(which local entity joined which, and why) and the entity keeps `merged_from`.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from fuentes.collector import collector_paused
from fuentes.extract.aliases import camel_case, fold, looks_like_acronym, name_tokens, person_keys, same_person_name
from fuentes.extract.speakers import given_name_first
from fuentes.corpus.entity_blocks import KEY_MARKS, ResolutionIndex, blocks, component_digest
from fuentes.corpus.name_constraints import (COURTESY_TITLES, LEADING_ARTICLES, TRANSLATION_MARK, Profile, canonical_words,
                                             consistent_names, entity_gender, exonym_key, generic_name_words, given_variants,
                                             honorific_gender, is_country, listed_name, looks_like_organisation, org_core,
                                             org_words, orgs_conflict, outlet_key, outlet_name, people_conflict,
                                             person_name, titled_forms, translated_bag, translation_keys)
from fuentes.ids import content_id
from fuentes.model import Entity
from fuentes.unionfind import UnionFind


@dataclass(frozen=True, slots=True)
class Merge:
    """One local entity (`source`, "article#key") joined corpus entity `entity` because of `reason`;
    `other`: the local entity it was linked with (None for an analyst's join)."""

    entity: str
    source: str
    reason: str
    other: str | None = None




def merge_reasons(merges: list[Merge]) -> dict[str, list[str]]:
    """Entity id -> the evidence lines of its merges (and refusals), as the entities table keeps them."""
    reasons: dict[str, list[str]] = {}
    for merge in merges:
        reasons.setdefault(merge.entity, []).append(f"{merge.source}: {merge.reason}")
    return reasons


def _names(ent: Entity) -> set[tuple[str, ...]]:
    """Folded names an entity links by; nominal references ("the President") are not names, a
    person's titles are dropped ("President Clinton" is the one word "clinton"), and names its
    article chained in that disagree with its own name are left out (`consistent_names`)."""
    forms = [ent.name, *ent.aliases]
    found = {t for a in forms if a[:1].isupper() or a[:1].isdigit() or camel_case(a) if (t := name_tokens(a))}
    if ent.kind == "person":  # titles dropped; a name with an organisation's word is not a person's
        found = {person_name(t) for t in found if len(t) < 2 or not looks_like_organisation(t)}
    elif ent.kind == "organization":  # "Apple Inc." is also "Apple"
        found |= {org_core(t) for t in found}
    if ent.kind != "person":  # "The Beatles" / "Beatles", "La Jornada" / "Jornada"
        found |= {t[1:] for t in found if len(t) >= 2 and t[0] in LEADING_ARTICLES}
        # a model number in the plural is the model: "A380s" / "A380", "F-16s" / "F-16"
        found |= {(*t[:-1], t[-1][:-1]) for t in found if _plural_model(t[-1])}
        # a hyphenated name however it is spaced: "Wal-Mart", "Wal - Mart", "Coca-Cola" / "Coca - Cola"
        found |= {(key,) for a in forms if "-" in a and a[:1].isupper()
                  if (key := "".join(name_tokens(a)).replace("-", "")).isalnum()}
    core = person_name(name_tokens(ent.name)) if ent.kind == "person" else name_tokens(ent.name)
    multi = [t for t in found if len(t) >= 2]
    kept = consistent_names(core if len(core) >= 2 else None, multi, ent.kind)
    names = {t for t in found if len(t) < 2} | set(kept)
    return names | _known_keys(ent, core, kept)


def _known_keys(ent: Entity, core: tuple[str, ...], kept: list[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The exonym keys of a place or group (and of an entity of kind other that the exonym table
    lists): one key for its English and Spanish names. Only its
    own name and the full names that agree with it count: a one-word alias chained in by its
    article ("ISIS" on the State Department) bridges nothing."""
    if ent.kind == "other":  # a listed body or index the model read as a miscellaneous name ("Dow Jones
        # Industrial Average", "FTSE 100"): its exonym key only, for its names in either language
        return {key for t in _own_names(core, kept) if (key := exonym_key(t))}
    if ent.kind not in ("place", "organization"):
        return set()
    own = _own_names(core, kept)
    keys = {key for t in own if (key := exonym_key(t) or ((ent.kind == "organization" or len(t) >= 2) and outlet_key(t)))}
    # the same words across languages ("Aeropuerto Internacional Changi" / "Changi International
    # Airport"): a name key, not an exonym key, so it never sets two groups apart
    keys |= {bag for t in own if (bag := translated_bag(t))}
    if len(core) < 2 and (key := exonym_key(core) or (ent.kind == "organization" and outlet_key(core))):
        keys.add(key)  # an entity named by its acronym or one word
    for t in _own_names(core, kept):  # names one word apart, for the encoder to compare (`_merge_translations`)
        keys |= translation_keys(t)
    return keys


def _own_names(core: tuple[str, ...], kept: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [core, *kept] if len(core) >= 2 or not kept else kept


def _profile(ent: Entity, names: set[tuple[str, ...]], surnames: frozenset[str] = frozenset()) -> Profile:
    if ent.kind == "person":
        gender = entity_gender(ent.name, ent.aliases, surnames)
        return Profile(people={t for t in names if len(t) >= 2}, genders={gender} if gender else set())
    known = {t for t in names if t[0].startswith("~")}
    if ent.kind == "organization":  # a name in the exonym table stands for its key, not its words
        return Profile(orgs={t for t in names if len(org_words(t)) >= 2 and not t[0].startswith(KEY_MARKS)
                             and exonym_key(t) is None and outlet_key(t) is None}, known=known)
    if ent.kind == "place":
        return Profile(known=known)
    return Profile()


_PROFILE_FIELDS = tuple(f.name for f in dataclasses.fields(Profile))


def _fresh(profile: Profile) -> Profile:
    """A copy of a profile whose sets a union may grow (`Profile.absorb`) without touching the original."""
    return Profile(**{name: copy.copy(getattr(profile, name)) for name in _PROFILE_FIELDS})


class ConstrainedUnion(UnionFind):
    """Union-find whose unions are refused when the two groups' names cannot be one entity
    (`name_constraints`): no chain of merges can cross a constraint. Refusals are kept, once
    per pair of groups, in `refused` (a, b, reason). The profiles may be shared between items
    (one per distinct local entity): a group's profile is copied the first time a union grows it.

    A verdict is a function of the two profiles' contents (and of `same`, which only grows), so it
    is kept under what stands for them: each profile object with the number of times a union grew
    it. The thousands of local entities of one name and aliases ("Donald Trump" in every article)
    meeting a group that their first one left as it was are judged once, not once each."""

    def __init__(self, profiles: list[Profile]):
        super().__init__(len(profiles))
        self.profiles = profiles
        self.refused: list[tuple[int, int, str]] = []
        self._told: set[tuple[int, int]] = set()
        self._own: set[int] = set()  # roots whose profile is their own copy
        self.same: set[frozenset] = set()  # pairs of organisation names found to be one name in two languages
        self._grown: dict[int, int] = {}  # id of a profile (all kept alive in `profiles`) -> times it grew
        self._verdicts: dict[tuple[int, int, int, int, int], str | None] = {}

    def union(self, a: int, b: int, reason: str | None = None) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        pa, pb = self.profiles[ra], self.profiles[rb]
        key = (id(pa), self._grown.get(id(pa), 0), id(pb), self._grown.get(id(pb), 0), len(self.same))
        if key in self._verdicts:
            why = self._verdicts[key]
        else:
            why = self._verdicts[key] = pa.conflict(pb, self.same)
        if why:
            if (min(ra, rb), max(ra, rb)) not in self._told:
                self._told.add((min(ra, rb), max(ra, rb)))
                self.refused.append((a, b, why))
            return False
        super().union(a, b, reason)
        root = self.find(a)
        other = rb if root == ra else ra
        if root not in self._own:
            self.profiles[root] = _fresh(self.profiles[root])
            self._own.add(root)
        grown = self.profiles[root]
        size = _size(grown)
        grown.absorb(self.profiles[other])
        if _size(grown) != size:
            self._grown[id(grown)] = self._grown.get(id(grown), 0) + 1
        return True


def _size(profile: Profile) -> int:
    """How many names, genders and keys a profile holds (its sets only grow: a union adding nothing
    leaves the count, and the contents, as they were)."""
    return sum(len(getattr(profile, name)) for name in _PROFILE_FIELDS)


def resolve_with_merges(per_article: dict[str, list[Entity]], index: ResolutionIndex | None = None,
                        marks: dict[str, str] | None = None) -> tuple[list[Entity], list[Merge]]:
    """Corpus entities and the record of every merge that formed them (`_resolve_all`), with the
    cyclic garbage collector paused: resolution makes millions of small objects and no cycles, and
    each full collection walks every object of the process (the local entities of the whole store
    with their evidence), so the collections cost more the bigger the store."""
    with collector_paused():
        return _resolve_all(per_article, index, marks)


def _resolve_all(per_article: dict[str, list[Entity]], index: ResolutionIndex | None = None,
                 marks: dict[str, str] | None = None) -> tuple[list[Entity], list[Merge]]:
    """Corpus entities and the record of every merge that formed them. A union refused by a
    constraint is recorded too, as a Merge whose reason starts "kept apart from" (no link).
    The entities are resolved component by component (`entity_blocks.components`), the same as
    one run over everything; `index` (updated in place) keeps each component's result, so a
    later run resolves again only the components whose members changed. `marks` (article id ->
    when its local entities were written) stands for the content of an article's local entities
    in the components' digests."""
    index = index if index is not None else ResolutionIndex()
    items = [(art, e) for art in sorted(per_article) for e in per_article[art]]
    refs = [f"{art}#{e.id}" for art, e in items]
    # a local entity's names and profile depend on its kind, name and aliases alone: one
    # computation per distinct entity ("Donald Trump" / "Trump" in thousands of articles);
    # each local entity's gender from its own names only: a resolution in blocks (Spark) decides the same
    names: list[frozenset] = []
    used_sigs: set[tuple] = set()
    for _, e in items:
        sig = (e.kind, e.name, tuple(e.aliases))
        if sig not in index.names:
            index.names[sig] = frozenset(_names(e))
            index.changed = True
        used_sigs.add(sig)
        names.append(index.names[sig])
    if len(used_sigs) != len(index.names):  # forget the names of entities no longer stored
        index.names = {sig: found for sig, found in index.names.items() if sig in used_sigs}
        index.changed = True
    profiles: dict[tuple, Profile] = {}
    done: dict[str, tuple[list[tuple], list[tuple]]] = {}
    local = dict(zip(refs, (e for _, e in items)))
    placed: list[Entity] = []
    merges: list[Merge] = []
    index.resolved = 0
    for members, apart in blocks(items, names):
        part, part_refs = [items[i] for i in members], [refs[i] for i in members]
        digest = component_digest(part, part_refs, marks, apart)
        found = index.done.get(digest)
        if found is None:
            known = len(index.cosines)
            ents, made = _resolve_component(part, part_refs, [names[i] for i in members], profiles, index.cosines,
                                            apart)
            index.changed |= len(index.cosines) != known
            found = ([_kept(ent) for ent in ents], [(m.entity, m.source, m.reason, m.other) for m in made])
            index.resolved += 1
        else:
            ents, made = [_entity(kept, local) for kept in found[0]], [Merge(*m) for m in found[1]]
        done[digest] = found
        placed.extend(ents)
        merges.extend(made)
    if done.keys() != index.done.keys():
        index.done = done
        index.changed = True
    placed.sort(key=lambda ent: ent.merged_from[0])  # as one run orders its groups: by their first member
    return placed, merges


def _kept(ent: Entity) -> tuple:
    """What a resolution index keeps of a corpus entity: all but its evidence, which is its
    members' evidence in order (`combine_entities`), found again from the local entities."""
    return ent.id, ent.name, ent.kind, tuple(ent.aliases), tuple(ent.roles), tuple(ent.articles), tuple(ent.merged_from)


def _entity(kept: tuple, local: dict[str, Entity]) -> Entity:
    ent_id, name, kind, aliases, roles, articles, merged_from = kept
    return Entity(id=ent_id, name=name, kind=kind, aliases=list(aliases), roles=list(roles), articles=list(articles),
                  evidence=[ev for ref in merged_from for ev in local[ref].evidence], merged_from=list(merged_from))


def _resolve_component(items: list[tuple[str, Entity]], refs: list[str], names: list[frozenset],
                       profiles: dict[tuple, Profile], cosines: dict[tuple[str, str], float] | None = None,
                       apart: frozenset = frozenset()) -> tuple[list[Entity], list[Merge]]:
    """The entities and merges of one component of the name-key graph (items in corpus order);
    `apart`: its one-word names whose owners lie in other components too (`entity_blocks.blocks`)."""
    shared = []
    for i, (_, e) in enumerate(items):
        sig = (e.kind, e.name, tuple(e.aliases))
        if sig not in profiles:
            profiles[sig] = _profile(e, set(names[i]), _surnames([e.name, *e.aliases]))
        shared.append(profiles[sig])
    uf = ConstrainedUnion(shared)
    _merge_full_names(items, names, uf)
    _merge_translations(items, names, uf, cosines)
    _merge_name_variants(items, names, uf)
    _merge_single_words(items, names, uf, frozenset(word for word, _ in apart))
    _merge_mislabelled_aliases(items, names, uf)
    _merge_across_kinds(items, names, uf, frozenset(word for word, person in apart if person))
    _merge_familiar_forms(items, names, uf)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    foreign = _foreign_titles(items, groups)
    entities, id_of, used = [], {}, set()
    for root, members in sorted(groups.items(), key=lambda g: refs[g[1][0]]):
        ent = combine_entities([items[i] for i in members], [refs[i] for i in members], used,
                               foreign.get(root, frozenset()))
        entities.append(ent)
        for i in members:
            id_of[i] = ent.id
    merges = [Merge(id_of[a], refs[b], f"{reason} (with {refs[a]})", refs[a]) for a, b, reason in uf.why]
    merges += [Merge(id_of[b], refs[b], f"kept apart from {refs[a]}: {reason}") for a, b, reason in uf.refused]
    return entities, merges


def resolve_entities(per_article: dict[str, list[Entity]]) -> list[Entity]:
    """One Entity per real person or group across the articles (see the module doc)."""
    return resolve_with_merges(per_article)[0]


def _national_body(name: str, word: str) -> bool:
    """The name is `word` qualified by a country or its nationality alone ("Mexican Navy", "U.S. Army",
    "Armada de México"): the body a story calls "the Navy" alone."""
    rest = [t for t in name_tokens(name) if t != word and t not in _CONNECTORS]
    return bool(rest) and (" ".join(rest) in _demonyms() or is_country(" ".join(rest)))


_CONNECTORS = LEADING_ARTICLES | {"of", "de", "del"}


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Nationality adjectives of both languages (the claims lexicons' `demonyms`), folded."""
    from fuentes.extract.claims import claim_lexicon

    return frozenset(" ".join(name_tokens(d)) for lang in ("en", "es") for d in (claim_lexicon(lang).demonyms or {}))


def _merge_full_names(items, names, uf: UnionFind) -> None:
    seen: dict[tuple[str, tuple[str, ...]], int] = {}
    # (kind, names) -> its name keys in order with the reason each gives: read once per distinct
    # local entity, not once per article naming it
    read: dict[tuple[str, str, frozenset], list[tuple[tuple[str, tuple[str, ...]], str]]] = {}
    generic = generic_name_words()
    for i, (_, e) in enumerate(items):
        keys = read.get((e.kind, e.name, names[i]))
        if keys is None:
            keys = read[(e.kind, e.name, names[i])] = []
            own_words = len(name_tokens(e.name))
            for toks in sorted(names[i]):
                if (len(toks) < 2 and e.kind == "person") or toks[0] == TRANSLATION_MARK:
                    continue  # one word names no person (places/groups: yes); a translation key is no name
                if len(toks) == 1 and own_words >= 2 and toks[0] in generic and not _national_body(e.name, toks[0]):
                    continue  # a common word its article chained to a longer name ("State" of "Islamic State") bridges nothing
                key = ("*" if toks[0] == "~outlets" else e.kind, toks)  # an outlet is one whatever the model called it
                listed = listed_name(toks) if toks[0].startswith("~") else None
                keys.append((key, f"names of one {'news outlet' if toks[0] == '~outlets' else 'place or group'} "
                                  f"in the data files ('{listed}')" if listed else f"same name '{' '.join(toks)}'"))
        for key, reason in keys:
            if key in seen:
                uf.union(seen[key], i, reason)
            else:
                seen[key] = i


TRANSLATION_MIN = 0.8  # cosine of two words taken as one word in two languages ("electricidad" / "electricity" 0.94)
TRANSLATION_BLOCK = 30  # names sharing one translation key beyond this are not compared (a key too common)


def _merge_translations(items, names, uf: ConstrainedUnion, cosines: dict[tuple[str, str], float] | None = None) -> None:
    """A place's or organisation's name in two languages whose words differ by one word of its
    own that the data files do not translate ("Comisión Federal de Electricidad" / "Federal
    Electricity Commission"): the multilingual sentence encoder says whether the two words are
    one word in two languages. Only names sharing a translation key are compared (blocking), and
    the pair's names are then one name for the constraints. `cosines` keeps the encoder's cosine of
    each pair of words compared, for later runs."""
    blocks: dict[tuple[str, ...], list[tuple[int, tuple[str, ...], frozenset[str]]]] = defaultdict(list)
    for i, (_, e) in enumerate(items):
        if e.kind not in ("organization", "place"):
            continue
        for t in sorted(t for t in names[i] if len(t) >= 2 and not t[0].startswith(KEY_MARKS)):
            bag = frozenset(canonical_words(t))
            for key in translation_keys(t):
                if key in names[i]:
                    blocks[key].append((i, t, bag))
    pairs = []
    for key in sorted(blocks):
        members = blocks[key]
        if len({i for i, _, _ in members}) > TRANSLATION_BLOCK:
            continue
        for n, (i, ti, bi) in enumerate(members):
            for j, tj, bj in members[n + 1:]:
                wi, wj = bi - bj, bj - bi
                if i != j and items[i][1].kind == items[j][1].kind and len(wi) == 1 and len(wj) == 1:
                    pairs.append((i, j, ti, tj, next(iter(wi)), next(iter(wj))))
    if not pairs:
        return
    from fuentes.corpus.translation import encode

    # the words as written, accents kept: "pública" / "public" 0.93, folded "publica" 0.77
    written: dict[tuple[int, str], str] = {}
    for i in sorted({i for p in pairs for i in p[:2]}):
        for form in [items[i][1].name, *items[i][1].aliases]:
            for word in form.split():
                written.setdefault((i, fold(word.strip(".,;:()'\"“”"))), word.strip(".,;:()'\"“”").casefold())
    spelled = [(written.get((i, wi), wi), written.get((j, wj), wj)) for i, j, _, _, wi, wj in pairs]
    cosines = cosines if cosines is not None else {}
    words = sorted({w for pair in spelled if pair not in cosines for w in pair})
    if words:
        vectors = encode(words)
        if vectors.shape[1] == 0:  # no encoder in this installation
            return
        row = {w: k for k, w in enumerate(words)}
        for si, sj in spelled:
            if (si, sj) not in cosines:
                cosines[(si, sj)] = float(vectors[row[si]] @ vectors[row[sj]])
    for (i, j, ti, tj, wi, wj), (si, sj) in zip(pairs, spelled):
        cos = cosines[(si, sj)]
        if cos >= TRANSLATION_MIN:
            uf.same.add(frozenset((ti, tj)))
            uf.union(i, j, f"one name in two languages: '{' '.join(ti)}' / '{' '.join(tj)}' "
                           f"('{si}' = '{sj}', encoder {cos:.2f})")


def _merge_name_variants(items, names, uf: UnionFind) -> None:
    """People whose full names are variants; a short name that fits two different people
    ("Carlos Slim" beside "Carlos Slim Helú" and "Carlos Slim Domit") joins neither."""
    people = sorted(((i, t) for i, (_, e) in enumerate(items) if e.kind == "person"
                     for t in names[i] if len(t) >= 2), key=lambda it: (-len(it[1]), it))
    # block -> each distinct name in it (in order of arrival) -> its entities, one per root: a name
    # carried by thousands of articles is compared once, and its entities count once per group
    blocks: dict[str, dict[tuple[str, ...], list[int]]] = defaultdict(dict)
    arrived: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # block -> its distinct names in order of arrival
    # (block, name) -> how many of the block's names were compared with it, and the variants among
    # them in order of arrival: each further holder of the name compares only the names come since
    variants: dict[tuple[str, tuple[str, ...]], tuple[int, list[tuple[str, ...]]]] = {}
    for i, toks in people:
        keys = ("last:" + toks[-1], "first:" + toks[0])
        first, roots = None, set()
        for k in keys:
            compared, found = variants.get((k, toks), (0, []))
            names_in = arrived[k]
            found += [other for other in names_in[compared:] if same_person_name(toks, other)]
            variants[(k, toks)] = (len(names_in), found)
            for other in found:
                holders = blocks[k][other]
                if first is None:
                    first = (holders[0], other)
                kept = {}
                for j in holders:
                    kept.setdefault(uf.find(j), j)
                holders[:] = sorted(kept.values())
                roots.update(kept)
        if first is not None and len(roots) == 1 and uf.find(i) not in roots:
            j, other = first
            uf.union(j, i, f"name variants '{' '.join(other)}' / '{' '.join(toks)}'")
        for k in keys:
            if toks not in blocks[k]:
                blocks[k][toks] = []
                arrived[k].append(toks)
            blocks[k][toks].append(i)


def _merge_familiar_forms(items, names, uf: UnionFind) -> None:
    """A person whose full name is another's but for a familiar given name for the formal one
    (`_familiar_form`: "Mo Cheeks" / "Maurice Cheeks") is that person when exactly one group of
    the corpus carries such a name (run after the other merges, so each side is whole)."""
    tails: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = defaultdict(list)
    for i, (_, e) in enumerate(items):
        if e.kind == "person":
            for toks in sorted(names[i]):
                if len(toks) >= 2 and len(toks[0]) > 1:
                    tails[toks[1:]].append((toks, i))
    for tail in sorted(tails):
        forms = tails[tail]
        # each distinct name with its holders, one per group (unions only merge groups, so the roots
        # found again through `find` are the current ones): "Hillary Clinton" in hundreds of articles
        # is compared once with each other name of the surname, and its holders count once per group
        holders: dict[tuple[str, ...], list[int]] = {}
        for toks, i in forms:
            holders.setdefault(toks, []).append(i)
        familiar = {toks: [other for given in given_variants().get(toks[0], ())
                           if (other := (given, *tail)) in holders and _familiar_form(toks, other)] for toks in holders}
        for toks, i in forms:
            found: set[int] = set()
            for other in familiar[toks]:
                kept: dict[int, int] = {}
                for j in holders[other]:
                    kept.setdefault(uf.find(j), j)
                holders[other][:] = kept.values()
                found.update(kept)
            roots = sorted(found - {uf.find(i)})
            if len(roots) == 1:
                uf.union(roots[0], i, f"'{' '.join(toks)}' is a familiar form of the given name of one person only")


def _familiar_form(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names alike but for a given name that is the other's familiar or formal form
    (`data/given_names.yaml`: "Mo Cheeks" / "Maurice Cheeks", "Bill Clinton" / "William Clinton")."""
    return len(a) == len(b) and a[0] != b[0] and a[1:] == b[1:] and len(a[0]) > 1 and len(b[0]) > 1 \
        and b[0] in given_variants().get(a[0], ())


def _merge_single_words(items, names, uf: UnionFind, apart: frozenset = frozenset()) -> None:
    """Entities known by one word only join the single person/organisation carrying it; a word
    carried by people or organisations of other components too (`apart`) joins none."""
    surname_owner: dict[tuple[str, ...], set[int]] = defaultdict(set)
    acronym_owner: dict[str, set[int]] = defaultdict(set)
    for i, (_, e) in enumerate(items):
        for toks in names[i]:
            if e.kind == "person" and len(toks) >= 2:
                for key in person_keys(toks)[0]:
                    if len(key) == 1:
                        surname_owner[key].add(uf.find(i))
        if e.kind == "organization":
            for a in [e.name, *e.aliases]:
                if looks_like_acronym(a) and len(name_tokens(e.name)) >= 2:
                    acronym_owner[fold(a).replace(".", "")].add(uf.find(i))
    for i, (_, e) in enumerate(items):
        if e.kind == "place" or any(len(t) >= 2 for t in names[i]):
            continue
        for toks in sorted(names[i]):  # sorted: the same join whatever the hash seed
            if toks in apart:
                continue
            people = {uf.find(j) for j in surname_owner.get(toks, ())}
            orgs = {uf.find(j) for j in acronym_owner.get(fold(toks[0]).replace(".", ""), ())}
            if len(people) == 1 and e.kind in ("person", "organization", "other") and not orgs:
                uf.union(people.pop(), i, f"'{toks[0]}' is the surname of one person only in the corpus")
                break
            if len(orgs) == 1 and e.kind in ("organization", "other") and not people:
                uf.union(orgs.pop(), i, f"'{toks[0]}' is the acronym of one organisation only in the corpus")
                break


def _merge_mislabelled_aliases(items, names, uf: UnionFind) -> None:
    """A group/place/other whose multi-word name is an alias of exactly one person elsewhere
    ("El Halcón" tagged ORG in one article, a person's nickname in another) is that person:
    the model mislabels nicknames, the alias link is the stronger evidence."""
    person_forms: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, (_, e) in enumerate(items):
        if e.kind == "person":
            for toks in names[i]:
                if len(toks) >= 2:
                    person_forms[toks].add(i)
    for i, (_, e) in enumerate(items):
        if e.kind == "person":
            continue
        for toks in sorted(names[i], key=lambda t: (-len(t), t)):  # the fullest name first, whatever the hash seed
            owners = {uf.find(j) for j in person_forms.get(toks, ())}
            if owners:  # its holders' groups stand for them (unions only merge groups): one look-up per group
                person_forms[toks] = set(owners)
            if len(owners) == 1 and len(toks) >= 2:
                uf.union(owners.pop(), i, f"'{' '.join(toks)}' is a name of one person only in the corpus "
                                          f"(tagged {e.kind} here)")
                break


def _merge_across_kinds(items, names, uf: UnionFind, surnames_apart: frozenset = frozenset()) -> None:
    """The model gives one group, place or thing different labels in different articles ("Apple
    Computer" ORG here, MISC there; "Beatles" or "Safari" PERSON; "Cisco" a place here, a company
    there): an entity whose name is a name of exactly one entity of a kind it may be is that one,
    and the kind most of their articles give wins (`combine_entities`).
      - "other": the one organisation or place of that name, or of its exonym key;
      - a "person" known by one word only, that no person of the corpus carries as a surname: the
        one organisation, "other" or place of that name ("Tamaulipas" PERSON here);
      - a "person" whose full name opens with no known given name ("Lockheed Martin"): the one
        organisation, place or "other" of that full name;
      - a "place" whose name is no listed place of the data files: the one organisation of that
        name (a listed place is that place whatever an article calls a group of its name).
    A name two entities of the other kinds carry joins neither, and so does a name its own article
    gives to an entity of the other kind too. `surnames_apart`: words people of other components
    carry as a surname."""
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    surnames: set[tuple[str, ...]] = set(surnames_apart)
    for i, (_, e) in enumerate(items):
        if e.kind == "person":
            for toks in names[i]:
                if len(toks) >= 2:
                    surnames.update(k for k in person_keys(toks)[0] if len(k) == 1)
        else:
            for toks in names[i]:
                owners[toks].add(i)
    joins = {"other": ("organization", "place"), "person": ("organization", "other", "place"),
             "place": ("organization",)}
    # per name and wanted kinds: the articles of its owners and their groups' roots when first
    # asked (unions only merge groups, so the roots found again through `find` are the current
    # ones: each lookup costs the few groups, not the thousands of owners of a common name)
    seen: dict[tuple, tuple[frozenset[str], set[int]]] = {}
    for i, (_, e) in enumerate(items):
        unmarked = [t for t in names[i] if not t[0].startswith(KEY_MARKS)]
        if e.kind == "other":  # its names, and the exonym key of a listed body it names ("Comisión de Bolsa y Valores")
            own = unmarked + [t for t in names[i] if t[0] in ("~organizations", "~places")]
        elif e.kind == "person" and not any(len(t) >= 2 for t in names[i]):
            own = [t for t in names[i] if t not in surnames]
        elif e.kind == "person" and not given_name_first(e.name):
            own = [t for t in unmarked if len(t) >= 2 and t == name_tokens(e.name)]
        elif e.kind == "place" and not any(t[0].startswith("~") for t in names[i]):
            own = unmarked
        else:
            continue
        for toks in sorted(own, key=lambda t: (-len(t), t)):
            key = (toks, joins[e.kind])
            if key not in seen:
                theirs = [j for j in owners.get(toks, ()) if items[j][1].kind in joins[e.kind]]
                seen[key] = (frozenset(items[j][0] for j in theirs), {uf.find(j) for j in theirs})
            articles, roots = seen[key]
            if items[i][0] in articles:
                continue  # its own article tells the two apart ("Santa Fe" the city and the club)
            roots = {uf.find(r) for r in roots}
            if len(roots) == 1 and uf.find(i) not in roots:
                root = roots.pop()
                if uf.union(root, i, f"'{' '.join(toks)}' is a name of one {items[root][1].kind} only in the "
                                     f"corpus (tagged {e.kind} here)"):
                    break


_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "van", "von", "der", "da", "di", "bin", "al", "el"})


def _clean_name(name: str, kind: str) -> bool:
    """A name fit to head an entity: no possessive, no lower-case word but a particle, no leading
    title (people), at most six words."""
    words = name.split()
    if not words or not words[0][:1].isupper() or len(words) > 6:
        return False
    if any(w.endswith(("'s", "’s", "‘s")) for w in words):
        return False
    if any(w[:1].islower() and w.casefold() not in _PARTICLES for w in words[1:]):
        return False
    if kind == "person" and person_name(name_tokens(name)) != name_tokens(name):
        return False
    return True


def _abbreviated(name: str) -> bool:
    """One short word ending with a full stop ("Ky.", "Fla.", "Calif."): an abbreviation, which
    never names a place while its spelled-out name is there."""
    words = name.split()
    return len(words) == 1 and name.endswith(".") and len(name) <= 7 and name[:-1].replace(".", "").isalpha()


def _outlet_named(ents: list[Entity]) -> str | None:
    """The one news outlet (data/outlets.yaml) whose full name the group's members carry as their own
    name (an organisation's, or any name of two words or more: "Europa Press" read as a place), or
    None (none, or two outlets)."""
    keys = [outlet_key(name_tokens(e.name)) if e.kind == "organization" or len(name_tokens(e.name)) >= 2 else None
            for e in ents]
    found = {key for key in keys if key}
    if len(found) != 1 or _outlet_minority(keys):
        return None
    return outlet_name(found.pop())


def _outlet_minority(keys: list) -> bool:
    """The members named as the outlet are under a third of the group, the rest named otherwise:
    the group is what they name ("Capitol Hill" in most articles, "Hill" read as The Hill in a few)."""
    return sum(1 for k in keys if k) * 3 < len(keys)


def canonical_name(names: list[str], kind: str) -> str:
    """The best full form among the members' own names: a clean one; for people a full name, the
    one most members use, then the longest (in words, then letters); for groups and places a
    spelled-out name before an acronym, then the one most members use ("Airbus", not the
    "Airbus A330-200" one article joined to it), then the longest."""
    if len(names) == 1 or len(set(names)) == 1:  # one name to choose from
        return names[0]
    counts = Counter(fold(n) for n in names)
    names = list(dict.fromkeys(names))  # each distinct name weighed once (the first of equal names wins, as before)
    if kind != "person":
        parts = _name_parts(names, kind)
        branches = _branches(names, kind, counts)
        return max(names, key=lambda n: (_clean_name(n, kind), n not in branches, not looks_like_acronym(n), not _abbreviated(n),
                                         name_tokens(n) not in parts, not _plural_model(n), counts[fold(n)],
                                         len(name_tokens(n)), len(n), n))
    return max(names, key=lambda n: (_clean_name(n, kind), len(name_tokens(n)) >= 2, counts[fold(n)],
                                     len(name_tokens(n)), len(n), n))


def _branches(names: list[str], kind: str, counts: Counter) -> set[str]:
    """Names that are another of the names, used by more members, qualified by a place that is no
    country or by words of their own ("Florida Democratic Party" beside "Democratic Party"; not
    "Republican National Committee", most members' name, beside "National Committee"): never the
    entity's name (`_qualified`)."""
    if kind == "place" or len(names) < 2:
        return set()
    return {n for n in names if any(m != n and counts[fold(m)] > counts[fold(n)] and _qualified(n, m) for m in names)}


def _plural_model(name: str) -> bool:
    """A model number in the plural ("A380s", "F-16s"): the model's name is its singular."""
    return len(name) > 2 and name.endswith("s") and name[-2].isdigit()


def _name_parts(names: list[str], kind: str) -> set[tuple[str, ...]]:
    """One-word names that are the head word of a longer clean name of the same group: its last
    word ("State" of "Islamic State", "Times" of "New York Times"), or its first word when that
    is a generic word of names (data/name_words.yaml: "Estado" of "Estado Islámico"). A part
    never heads the entity while the whole is there; a first word of its own ("Apple" of "Apple
    Inc.") may, and a longer name holding a number ("Airbus A330-200": a product an article
    joined to its maker) does not count."""
    generic = generic_name_words()
    parts: set[tuple[str, ...]] = set()
    for n in names:
        toks = name_tokens(n)
        if len(toks) >= 2 and _clean_name(n, kind) and not any(ch.isdigit() for ch in n):
            parts.add((toks[-1],))
            if toks[0] in generic:
                parts.add((toks[0],))
    return parts


def _disagrees(alias: str, own: tuple[str, ...], kind: str) -> bool:
    toks = name_tokens(alias)
    if kind == "person":
        return looks_like_organisation(toks) or people_conflict(person_name(toks), person_name(own))
    if kind == "organization":
        return orgs_conflict(toks, own)
    return False


def _surnames(names: list[str]) -> frozenset[str]:
    """Words these names use more often after the first word than as the first word: surnames
    ("Peña" of "Enrique Peña Nieto"), whose look-alike first names say nothing of gender."""
    first: Counter = Counter()
    later: Counter = Counter()
    for name, times in Counter(names).items():  # each distinct name read once, counted as often as it comes
        toks = person_name(name_tokens(name))
        if len(toks) >= 2:
            first[toks[0]] += times
            for tok in toks[1:]:
                later[tok] += times
    return frozenset(t for t, n in later.items() if n > first[t])


def _foreign_titles(items, groups: dict[int, list[int]]) -> dict[int, frozenset[str]]:
    """Per group of people known by a full name: the office titles it is called by before its
    surname alone ("President Clinton") that another group carries before its own full name of
    that surname ("President Bill Clinton") and it never does. An article about one Clinton that
    mentions the other by title alone links the title to the wrong one; the title is the other's.
    Courtesy words ("Mr.", "Sra.") name no office and stay."""
    owners: dict[tuple[str, str], set[int]] = defaultdict(set)
    short: dict[int, set[tuple[str, str]]] = defaultdict(set)
    named: set[int] = set()  # groups with a full name of their own
    for root, members in groups.items():
        for i in members:
            e = items[i][1]
            if e.kind != "person":
                continue
            if len(person_name(name_tokens(e.name))) >= 2:
                named.add(root)
            for form in dict.fromkeys([e.name, *e.aliases]):
                if (found := titled_forms(form)) is not None:
                    titles, rest = found
                    for title in titles:
                        if title in COURTESY_TITLES:
                            continue
                        (owners[(title, rest[-1])].add(root) if len(rest) >= 2 else short[root].add((title, rest[0])))
    out: dict[int, frozenset[str]] = {}
    for root, pairs in short.items():
        if root not in named:  # a group known by its surname alone: the title tells who it may be, keep it
            continue
        theirs = frozenset(title for title, surname in pairs
                           if owners.get((title, surname)) and root not in owners[(title, surname)])
        if theirs:
            out[root] = theirs
    return out


_INITIAL = re.compile(r"^[A-ZÁÉÍÓÚÑ]\.$")
_JOINED = re.compile(r"(?<=\w)/(?=\w)")


def stray_alias(alias: str, own: str, kind: str, names: frozenset[str]) -> bool:
    """An alias no analyst would file under the entity named `own` (`names`: every name of its
    members, folded): another of its names with a sentence's stop or a cry ("Donald Trump.",
    "Mexico!"); a person's given name and initial cut from a longer name of theirs ("Donald J." of
    "Donald J. Trump"); two names joined by a slash, one of them its own (a joint poll "NBC News/Wall
    Street Journal", a byline "Ana Ruiz/HuffPost"); a body's or a thing's name with words of its own
    before it or a place after 'de'/'of' that is no country ("New York State Republican Party",
    "Democratic White House" of "White House"; "Secretaría de Salud de Jalisco" of "Secretaría de
    Salud"): another body, a branch, or words run into the name."""
    bare = alias.rstrip(".!?")
    if bare != alias and fold(bare) in names and (alias.endswith(("!", "?")) or len(bare.split()[-1]) > 3):
        return True  # ("Jr." and "Inc." keep their stop: their last word is short)
    words = alias.split()
    if kind == "person" and len(words) >= 2 and _INITIAL.match(words[-1]) and any(
            n.startswith(fold(alias) + " ") for n in names):
        return True
    if _JOINED.search(alias) and any(fold(side.strip()) in names for side in _JOINED.split(alias)):
        return True
    if kind == "person" and fold(alias) != fold(own) and _name_written_twice(words, names):
        return True
    return kind != "person" and kind != "place" and _qualified(alias, own)


def _name_written_twice(words: list[str], names: frozenset[str]) -> bool:
    """A surname run into the full name it ends ("Christie Chris Christie", "Sánchez Pedro Sánchez"):
    a byline, a caption or a heading beside the name, no name of its own."""
    folded = [fold(w) for w in words]
    for i in range(1, len(words) - 1):
        rest = folded[i:]
        if len(rest) >= 2 and folded[:i] == rest[-i:] and " ".join(rest) in names:
            return True
    return False


def _qualified(alias: str, own: str) -> bool:
    """`alias` is `own` with capitalised words before it, or with 'de'/'of' and a name after it, that
    name no country (`data/seats.yaml`: "U.S. State Department" and "Policía Nacional de Colombia"
    stay names of the national body)."""
    a, o = alias.split(), own.split()
    if len(a) <= len(o):
        return False
    if [fold(w) for w in a[:len(o)]] == [fold(w) for w in o] and fold(a[len(o)]) in ("de", "del", "of"):
        extra = a[len(o) + 1:]
    elif [fold(w) for w in a[-len(o):]] == [fold(w) for w in o] and (len(o) >= 2 or any(ch.isdigit() for ch in own)):
        extra = a[:-len(o)]  # (a one-word name is the head of too many others: "Times" / "New York Times")
    else:
        return False
    if not extra or len(extra) > 3 or not all(w[:1].isupper() for w in extra):
        return False
    return not is_country(" ".join(extra))


def combine_entities(members: list[tuple[str, Entity]], refs: list[str], used: set[str],
                     foreign: frozenset[str] = frozenset()) -> Entity:
    """One corpus entity from the local entities of one group (refs "article#key"); `used`: ids
    taken; `foreign`: titles that belong to another person of the surname (`_foreign_titles`): an
    alias of such a title before the surname alone, and a role of those titles only, are left out."""
    ents = [e for _, e in members]
    kinds = Counter(e.kind for e in ents)
    # a person when a third of the members say so (a quarter when a full name opens with a known
    # given name, below; a surname alone is often tagged otherwise),
    # else what most say: one article calling "Northrop Grumman" a person does not make it one
    # (once a full name is among the members, only people named in full vote "person": a one-word
    # "Beatles" tagged PERSON does not make The Beatles a person)
    # (a full name whose first word is no known given name - "Lockheed Martin", "Best Buy" - needs
    # more than half of the votes: a company the model reads as a person in some articles is a company)
    # (a full name opening with a known given name needs a quarter: the model reads some people's
    # names as companies in most articles - "Carly Fiorina" ORG in 19 of 32)
    # the members' names are read once per distinct (kind, name): thousands of members share a few
    named = Counter((e.kind, e.name) for e in ents)
    if any(len(name_tokens(name)) >= 2 for _, name in named):
        people = sum(n for (k, name), n in named.items() if k == "person" and len(person_name(name_tokens(name))) >= 2)
        given = any(given_name_first(name) for k, name in named if k == "person")
        share = 4
    else:  # (a word some articles call a place is a person only when most do: "Tamaulipas" PERSON in one)
        people, given, share = kinds["person"], not kinds["place"], 3
    enough = people * share >= len(ents) if given else (
        people * 2 > len(ents) or (people * 2 == len(ents) and people + kinds["other"] == len(ents)))
    # (on a tie a kind the model named beats "other": one article's MISC and another's PERSON for
    # "Aída Ayala" is a person, not a thing)
    # (and a full name with no known given name short of its votes is no person at all: "Comodoro
    # Rivadavia" a person in two articles and a place in two is the place)
    # (and on a tie a place beats the other kinds: the model reads a region it does not know as a
    # person, which an article never naming it where something happens makes a body - "Andalucía
    # contará con dos hospitales" - while a place's reading comes from where the text puts it)
    voted = kinds if given or set(kinds) <= {"person"} else Counter({k: n for k, n in kinds.items() if k != "person"})
    kind = "person" if people and enough else max(sorted(voted), key=lambda k: (voted[k], k != "other", k == "place"))
    name = canonical_name([e.name for e in ents if e.kind == kind], kind)
    outlet = _outlet_named(ents) if kind != "person" else None
    if outlet is not None:  # a news outlet goes by its own name ("Fox News Digital", "NYT": Fox News, The New
        name, kind = outlet, "organization"  # York Times) and is one whatever the model said ("Europa Press")
    ent_id = content_id("ent", kind, name)
    if ent_id in used:  # two unmerged entities with one name (e.g. two people called "Smith")
        ent_id = content_id("ent", kind, name, refs[0])
    used.add(ent_id)
    merged = Entity(id=ent_id, name=name, kind=kind, merged_from=list(refs))
    seen: set[str] = set()
    own = name_tokens(name)
    gender = entity_gender(name, dict.fromkeys(a for e in ents if e.kind == "person" for a in (e.name, *e.aliases)),
                           _surnames([a for e in ents for a in (e.name, *e.aliases)])) if kind == "person" else None
    if outlet is not None:
        seen.add(fold(outlet))
        merged.aliases.append(outlet)
    judged: set[str] = set()  # aliases already taken or refused (one test per distinct alias)
    names = frozenset(fold(a) for e in ents for a in (e.name, *e.aliases))
    roles: set[str] = set()
    articles: set[str] = set()
    for (article, e) in members:
        for alias in [e.name, *e.aliases]:
            if alias in judged:
                continue
            judged.add(alias)
            if stray_alias(alias, name, kind, names):
                continue  # "Donald Trump.", "Donald J.", "New York State Republican Party" of "Republican Party"
            if _disagrees(alias, own, kind) or (gender and honorific_gender(alias) not in (None, gender)):
                continue  # a name another person or organisation carries, chained in by one article
            if foreign and (found := titled_forms(alias)) is not None and len(found[1]) == 1 \
                    and not foreign.isdisjoint(found[0]):
                continue  # another person's title before the surname ("President Clinton" on Hillary Clinton)
            if fold(alias) not in seen:
                seen.add(fold(alias))
                merged.aliases.append(alias)
        for r in e.roles:
            if foreign and set(fold(r).replace(".", "").split()) <= foreign:
                continue  # that other person's title
            if r not in roles:
                roles.add(r)
                merged.roles.append(r)
        for art in (e.articles or [article]):
            if art not in articles:
                articles.add(art)
                merged.articles.append(art)
        merged.evidence.extend(e.evidence)
    return merged
