"""Entity resolution in components of the name-key graph, and its index kept between runs."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from fuentes.codecs import ENTITY
from fuentes.corpus.entity_blocks import ResolutionIndex, components
from fuentes.corpus.entity_resolution import _names, merge_reasons, resolve_with_merges
from fuentes.model import Entity, Evidence


def ent(key, name, kind="person", aliases=(), article="a"):
    return Entity(id=key, name=name, kind=kind, aliases=[name, *aliases], articles=[article],
                  evidence=[Evidence(article, 0, len(name), "entities", "1")])


def corpus() -> dict[str, list[Entity]]:
    """Families that share a surname, a bare surname, name variants, an acronym, a mislabelled
    nickname, places in two languages, and people nobody else names: in English and Spanish."""
    return {
        "a1": [ent("e1", "Bill Clinton"), ent("e2", "Hillary Clinton"), ent("e3", "Clinton")],
        "a2": [ent("e1", "Hillary Rodham Clinton"), ent("e2", "State Department", "organization")],
        "a3": [ent("e1", "Carlos Slim Helú"), ent("e2", "Grupo Carso", "organization", ["GC"])],
        "a4": [ent("e1", "Carlos Slim"), ent("e2", "GC", "organization"), ent("e3", "Estados Unidos", "place")],
        "a5": [ent("e1", "El Gato", "organization"), ent("e2", "Marcos Ibarra Sotelo", aliases=["El Gato"])],
        "a6": [ent("e1", "United States", "place"), ent("e2", "Rubén Rocha Moya"), ent("e3", "Culiacán", "place")],
        "a7": [ent("e1", "Rocha"), ent("e2", "Ana Gabriela Guevara")],
        "a8": [ent("e1", "Islamic State", "organization"), ent("e2", "Heidi Cruz"), ent("e3", "Ted Cruz")],
    }


def rows(per_article, index=None, marks=None):
    found, merges = resolve_with_merges(per_article, index, marks)
    reasons = merge_reasons(merges)
    return [ENTITY.to_row(e, reasons.get(e.id, [])) for e in found]


def component_names(per_article):
    items = [(art, e) for art in sorted(per_article) for e in per_article[art]]
    names = [frozenset(_names(e)) for _, e in items]
    return [sorted(items[i][1].name for i in members) for members in components(items, names)]


def test_components_hold_what_can_bear_on_one_merge_and_nothing_more():
    found = component_names(corpus())
    # a bare surname two people of two components carry names neither: it stands apart from both
    assert ["Bill Clinton"] in found and ["Clinton"] in found
    assert ["Hillary Clinton", "Hillary Rodham Clinton"] in found
    assert ["Carlos Slim", "Carlos Slim Helú"] in found  # name variants
    assert ["GC", "Grupo Carso"] in found  # an acronym and the one organisation carrying it
    assert ["El Gato", "Marcos Ibarra Sotelo"] in found  # a nickname the model tagged as a group
    assert ["Rocha", "Rubén Rocha Moya"] in found
    assert ["Estados Unidos", "United States"] in found  # one exonym key
    # people and places nobody else names stand alone; a shared word is no link
    assert ["Ana Gabriela Guevara"] in found and ["Culiacán"] in found
    assert ["Islamic State"] in found and ["State Department"] in found
    assert ["Heidi Cruz"] in found and ["Ted Cruz"] in found  # no bare "Cruz": nothing to weigh


def test_components_resolved_apart_equal_one_run_over_everything():
    per = corpus()
    whole = rows(per)
    names = {row["name"] for row in whole}
    assert {"Bill Clinton", "Hillary Rodham Clinton", "Carlos Slim Helú", "Grupo Carso"} <= names
    # each component alone through the same function gives its part of the whole
    parts = []
    for members in component_names(per):
        sub = {art: [e for e in ents if e.name in members] for art, ents in per.items()}
        parts += rows({art: ents for art, ents in sub.items() if ents})
    assert sorted(json.dumps(r, sort_keys=True) for r in parts) == sorted(json.dumps(r, sort_keys=True) for r in whole)


def test_a_second_run_over_the_index_resolves_only_touched_components_and_equals_a_run_from_scratch():
    per = corpus()
    index = ResolutionIndex()
    first = {art: ents for art, ents in per.items() if art != "a7"}
    rows(first, index)
    assert index.resolved == len(index.done) and index.changed
    index = pickle.loads(pickle.dumps(index))  # as the store keeps it
    index.changed = False
    again = rows(per, index)
    assert again == rows(per)
    # a7 brings a bare "Rocha" (joins Rubén Rocha Moya) and a new person: two components redone
    assert index.resolved == 2 and index.changed
    index.changed = False
    assert rows(per, index) == again and index.resolved == 0 and not index.changed


def test_marks_stand_for_an_articles_content_until_it_is_analysed_again():
    per = corpus()
    marks = {art: "2026-12-01" for art in per}
    index = ResolutionIndex()
    rows(per, index, marks)
    changed = dict(per, a4=[ent("e1", "Carlos Slim Domit", article="a4"), *per["a4"][1:]])
    assert rows(changed, index, dict(marks, a4="2026-12-02")) == rows(changed)
    # a4's components only: its two people now apart (Slim Domit is no variant of Slim Helú), the
    # acronym's and the place's; the Clintons' and the others' results are kept
    assert index.resolved == 4 and len(index.done) > 10


def test_resolution_is_the_same_under_any_hash_seed():
    """Regression: a one-word name or a group's name with two owners was tried in set order, so
    which person it joined (and the reason given) changed with the hash seed."""
    per = {
        "a": [ent("e1", "Sandy Hook", "organization", ["Sandy Hook Elementary School"])],
        "b": [ent("e1", "Sandy Hook Elementary School", "person")],
        "c": [ent("e1", "Sandy Hook", "person", ["Sandy Hook Jones"])],
        "d": [ent("e1", "Rivera", "other"), ent("e2", "Ana Rivera"), ent("e3", "Rivera Group", "organization")],
    }
    script = ("import json, pickle, sys; from tests.corpus.test_entity_blocks import rows; "
              "per = pickle.loads(bytes.fromhex(sys.argv[1])); print(json.dumps(rows(per), sort_keys=True))")
    root = Path(__file__).resolve().parents[2]
    outs = {subprocess.run([sys.executable, "-c", script, pickle.dumps(per).hex()], cwd=root, check=True,
                           capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}).stdout
            for seed in ("1", "2", "3", "4")}
    assert len(outs) == 1


def test_variant_pairs_are_those_of_comparing_every_pair():
    from itertools import combinations

    from fuentes.corpus.entity_blocks import LONGEST_ENUMERATED, variant_pairs
    from fuentes.extract.aliases import same_person_name

    people = {("carlos", "slim"), ("carlos", "slim", "helu"), ("carlos", "slim", "domit"), ("ana", "ruiz"),
              ("ana", "ruiz", "vega"), ("ana", "lucia", "ruiz", "vega"), ("lucia", "vega"), ("juan", "perez"),
              ("maria", "perez"), ("juan", "carlos", "perez"), tuple(f"w{i}" for i in range(LONGEST_ENUMERATED + 2)),
              ("w0", f"w{LONGEST_ENUMERATED + 1}")}
    expected = {tuple(sorted((a, b), key=len)) for a, b in combinations(people, 2) if same_person_name(a, b)}
    assert variant_pairs(people) == expected and len(expected) >= 6


def test_a_title_before_a_surname_alone_meets_the_people_holding_that_title_in_full():
    per = {"a": [ent("e1", "Bill Clinton", aliases=["President Bill Clinton"])],
           "b": [ent("e1", "Hillary Clinton", aliases=["President Clinton"], article="b")],
           "c": [ent("e1", "Chelsea Clinton", article="c")]}
    assert component_names(per) == [["Bill Clinton", "Hillary Clinton"], ["Chelsea Clinton"]]


def test_a_familiar_given_name_meets_the_formal_one_in_one_component():
    """Regression: "Mo Cheeks" and "Maurice Cheeks" in two articles with no bare "Cheeks" between
    them were two components, so the familiar-form rule never saw them together (two entities,
    where one run over everything made one)."""
    per = {"a": [ent("e1", "Mo Cheeks")], "b": [ent("e1", "Maurice Cheeks", article="b")],
           "c": [ent("e1", "Pepe Ruiz Vega", article="c")], "d": [ent("e1", "José Ruiz Vega", article="d")],
           "e": [ent("e1", "Ted Moreno", article="e")]}
    assert sorted(component_names(per)) == [["José Ruiz Vega", "Pepe Ruiz Vega"], ["Maurice Cheeks", "Mo Cheeks"],
                                            ["Ted Moreno"]]
    found = rows(per)
    assert len(found) == 3 and {"Maurice Cheeks", "Ted Moreno"} <= {row["name"] for row in found}


def test_a_one_word_alias_of_a_person_known_in_full_joins_no_component():
    """A person's one-word name ("Clinton", "Bill" learned in its article) is read by no rule when
    the person has a full name: it links nothing; a bare "Clinton" meets the one person carrying
    the surname, and stands apart when two people of two components carry it."""
    per = {"a": [ent("e1", "Bill Clinton", aliases=["Clinton", "Bill"])],
           "b": [ent("e1", "Bill Gates", aliases=["Bill"], article="b")],
           "c": [ent("e1", "Clinton", article="c")]}
    assert sorted(component_names(per)) == [["Bill Clinton", "Clinton"], ["Bill Gates"]]
    per["d"] = [ent("e1", "Hillary Clinton", article="d")]
    assert sorted(component_names(per)) == [["Bill Clinton"], ["Bill Gates"], ["Clinton"], ["Hillary Clinton"]]
    assert rows(per) == one_run(per)


def one_run(per_article):
    """The rows of one resolution over every local entity at once, no components."""
    from fuentes.corpus.entity_resolution import _resolve_component

    items = [(art, e) for art in sorted(per_article) for e in per_article[art]]
    found, merges = _resolve_component(items, [f"{art}#{e.id}" for art, e in items],
                                       [frozenset(_names(e)) for _, e in items], {})
    reasons = merge_reasons(merges)
    return [ENTITY.to_row(e, reasons.get(e.id, [])) for e in found]


def test_one_word_names_resolved_apart_equal_one_run_over_everything():
    """A bare word whose owners lie in two components is resolved apart, knowing that it names no
    one of them (no join by the surname or the acronym) and that it is a surname (no join with a
    group of its name): the same entities and reasons as one run over everything, in English and
    Spanish."""
    per = dict(corpus())
    per.update({
        "b1": [ent("e1", "Ruiz", "organization"), ent("e2", "Ana Ruiz")],
        "b2": [ent("e1", "Juan Ruiz", article="b2"), ent("e2", "Ruiz", article="b2")],
        "b3": [ent("e1", "Ruiz", "organization", article="b3"), ent("e2", "Tamaulipas", article="b3")],
        "b4": [ent("e1", "Tamaulipas", "place", article="b4"), ent("e2", "Moreno", "other", article="b4")],
        "b5": [ent("e1", "Moreno", "organization", article="b5"), ent("e2", "Luis Moreno Vega", article="b5")],
        "b6": [ent("e1", "Vega", article="b6"), ent("e2", "Teresa Vega", article="b6"),
               ent("e3", "Obama", article="b6")],
        "b7": [ent("e1", "Barack Obama", article="b7"), ent("e2", "Michelle Obama", article="b7")],
    })
    found = component_names(per)
    # the two groups called "Ruiz" meet by their name; the bare "Ruiz" person, a surname of two
    # people, meets neither them nor the people
    assert ["Ruiz", "Ruiz"] in found and ["Ruiz"] in found and ["Ana Ruiz"] in found
    assert ["Vega"] in found and ["Obama"] in found and ["Tamaulipas", "Tamaulipas"] in found
    assert ["Luis Moreno Vega", "Moreno", "Moreno"] in found  # "Moreno" has one owner: it meets him
    assert rows(per) == one_run(per)
    index = ResolutionIndex()
    rows({art: ents for art, ents in per.items() if art != "b7"}, index)
    assert rows(per, index) == one_run(per)  # "Obama" had one owner, now two: resolved again, apart
