"""Aliases no analyst would file under a corpus entity: a name with a sentence's stop, a given name
and an initial cut from a longer name, two names joined by a slash, and a body's name qualified by
a place that is no country or by words of its own (another body or a branch)."""

from __future__ import annotations

import pytest

from fuentes.corpus.entity_resolution import resolve_entities, stray_alias
from fuentes.extract.aliases import fold
from fuentes.model import Entity, Evidence


def ent(key, name, kind="person", aliases=(), article="a"):
    return Entity(id=key, name=name, kind=kind, aliases=[name, *aliases], articles=[article],
                  evidence=[Evidence(article, 0, len(name), "entities", "1")])


def names(*forms):
    return frozenset(fold(f) for f in forms)


@pytest.mark.parametrize("alias,own,kind,others", [
    ("Donald Trump.", "Donald Trump", "person", ("Donald Trump",)),
    ("Chris.", "Chris Christie", "person", ("Chris",)),
    ("Mexico!", "Mexico", "place", ("Mexico",)),
    ("Andrés Manuel.", "Andrés Manuel López Obrador", "person", ("Andrés Manuel",)),
    ("Donald J.", "Donald Trump", "person", ("Donald J. Trump",)),
    ("Felipe M.", "Felipe Martínez Ruiz", "person", ("Felipe M. Martínez Ruiz",)),
    ("NBC News/Wall Street Journal", "NBC News", "organization", ("NBC News",)),
    ("Ana Ruiz/El Sol", "El Sol", "organization", ("El Sol",)),
    ("New York State Republican Party", "Republican Party", "organization", ()),
    ("Florida Democratic Party", "Democratic Party", "organization", ()),
    ("Democratic White House", "White House", "organization", ()),
    ("Secretaría de Salud de Jalisco", "Secretaría de Salud", "organization", ()),
    ("Partido Popular de Madrid", "Partido Popular", "organization", ()),
    ("Bono Contingencia Covid-19", "Covid-19", "other", ()),
    ("Facebook de Central", "Facebook", "organization", ()),
    ("Times of Malta", "Times", "organization", ()),
    ("Christie Chris Christie", "Chris Christie", "person", ()),
    ("Sánchez Pedro Sánchez", "Pedro Sánchez", "person", ()),
])
def test_stray_aliases_are_left_out(alias, own, kind, others):
    assert stray_alias(alias, own, kind, names(alias, own, *others))


@pytest.mark.parametrize("alias,own,kind,others", [
    ("Donald Trump Jr.", "Donald Trump Jr.", "person", ("Donald Trump Jr",)),
    ("Grupo Bimbo S.A.", "Grupo Bimbo", "organization", ("Grupo Bimbo S.A",)),
    ("Fabián N.", "Fabián N.", "person", ()),
    ("U.S. State Department", "State Department", "organization", ()),
    ("United States Supreme Court", "Supreme Court", "organization", ()),
    ("Policía Nacional de Colombia", "Policía Nacional", "organization", ()),
    ("Secretaría de Salud de México", "Secretaría de Salud", "organization", ()),
    ("AC/DC", "AC/DC", "organization", ()),
    ("New York Times", "Times", "organization", ()),
    ("Hillary Rodham Clinton", "Hillary Clinton", "person", ("Hillary", "Clinton", "Rodham Clinton")),
    ("Juan Carlos Juan", "Juan Carlos Juan", "person", ("Carlos Juan",)),
])
def test_names_of_the_entity_stay(alias, own, kind, others):
    assert not stray_alias(alias, own, kind, names(alias, own, *others))


def test_a_state_party_is_no_alias_of_the_national_party_nor_a_stop_of_a_person():
    per = {
        "a": [ent("e1", "Republican Party", "organization", ["GOP"]),
              ent("e2", "Donald J. Trump", aliases=["Donald Trump", "Trump"])],
        "b": [ent("e1", "New York State Republican Party", "organization", ["Republican Party"], article="b"),
              ent("e2", "Donald Trump.", aliases=["Donald J.", "Trump"], article="b")],
        "c": [ent("e1", "Partido Republicano", "organization", ["GOP"], article="c")],
        "d": [ent("e1", "Republican Party", "organization", article="d")],
    }
    entities = resolve_entities(per)
    party = next(e for e in entities if e.kind == "organization")
    assert party.name == "Republican Party" and "New York State Republican Party" not in party.aliases, party.aliases
    trump = next(e for e in entities if e.kind == "person")
    assert not {"Donald Trump.", "Donald J."} & set(trump.aliases), trump.aliases
    assert sorted(party.articles) == ["a", "b", "c", "d"]


@pytest.mark.parametrize("language,place,short,outlet", [
    ("en", "Capitol Hill", "Hill", "The Hill"),
    ("es", "Ciudad del País", "País", "El País"),
])
def test_a_group_named_otherwise_in_most_articles_is_not_renamed_after_an_outlet(language, place, short, outlet):
    per = {f"a{i}": [ent("e1", place, "organization", article=f"a{i}")] for i in range(5)}
    per["b"] = [ent("e1", place, "organization", [short], article="b")]
    per["c"] = [ent("e1", short, "organization", article="c")]
    entities = resolve_entities(per)
    assert [e.name for e in entities] == [place] and outlet not in entities[0].aliases, \
        [(e.name, e.aliases) for e in entities]


@pytest.mark.parametrize("long,short", [
    ("Republican National Committee", "National Committee"),
    ("Comité Nacional Republicano", "Comité Nacional"),
])
def test_the_name_most_members_use_is_kept_though_it_holds_a_shorter_one(long, short):
    per = {f"a{i}": [ent("e1", long, "organization", ["RNC"], article=f"a{i}")] for i in range(3)}
    per["b"] = [ent("e1", short, "organization", ["RNC"], article="b")]
    entities = resolve_entities(per)
    assert [e.name for e in entities] == [long], [(e.name, e.aliases) for e in entities]
