"""Cross-article entity resolution on hand-built local entities (no model needed)."""

from __future__ import annotations

from fuentes.corpus.entity_resolution import resolve_entities, resolve_with_merges
from fuentes.model import Entity, Evidence


def ent(key, name, kind="person", aliases=(), roles=(), article="a"):
    return Entity(id=key, name=name, kind=kind, aliases=[name, *aliases], roles=list(roles), articles=[article],
                  evidence=[Evidence(article, 0, len(name), "entities", "1")])


def find(entities, name):
    hits = [e for e in entities if e.name == name]
    assert len(hits) == 1, [e.name for e in entities]
    return hits[0]


def test_full_names_nicknames_and_variants_merge_with_reasons():
    per = {
        "a": [ent("e1", "Marcos Iván Ibarra Sotelo", aliases=["El Gato", "Ibarra Sotelo"], roles=["cartel leader"])],
        "b": [ent("e1", "Marcos Ibarra Sotelo", aliases=["El Gato"], article="b")],
        "c": [ent("e4", "El Gato", article="c"), ent("e5", "Sierra Alta Cartel", "organization", ["CSA"], article="c")],
    }
    entities, merges = resolve_with_merges(per)
    gato = find(entities, "Marcos Iván Ibarra Sotelo")
    assert gato.articles == ["a", "b", "c"] and gato.roles == ["cartel leader"]
    assert sorted(gato.merged_from) == ["a#e1", "b#e1", "c#e4"]
    assert {"El Gato", "Marcos Ibarra Sotelo", "Ibarra Sotelo"} <= set(gato.aliases)
    assert len(gato.evidence) == 3
    assert gato.id.startswith("ent_")
    reasons = {m.source: m.reason for m in merges if m.entity == gato.id}
    assert set(reasons) == {"b#e1", "c#e4"} and all(reasons.values())


def test_shared_surname_alone_is_no_evidence():
    per = {
        "a": [ent("e1", "John Smith", roles=["senator"])],
        "b": [ent("e1", "Mary Smith", article="b")],
        "c": [ent("e1", "Smith", article="c")],
    }
    entities = resolve_entities(per)
    assert len(entities) == 3  # two Smiths known: the bare "Smith" joins neither
    assert len({e.id for e in entities}) == 3


def test_bare_surname_tagged_org_joins_the_only_person_with_it():
    per = {"a": [ent("e1", "Nicolás Duarte")], "b": [ent("e7", "Duarte", "organization", article="b")]}
    entities, merges = resolve_with_merges(per)
    duarte = find(entities, "Nicolás Duarte")
    assert duarte.kind == "person" and duarte.articles == ["a", "b"]
    assert "surname of one person only" in merges[0].reason


def test_short_name_fitting_two_people_joins_neither():
    per = {"a": [ent("e1", "Carlos Vela Soto")], "b": [ent("e1", "Carlos Vela Ramos", article="b")],
           "c": [ent("e1", "Carlos Vela", article="c")]}
    assert len(resolve_entities(per)) == 3


def test_places_and_acronyms_and_kinds():
    per = {"a": [ent("e1", "Arizona", "place"), ent("e2", "Central Intelligence Agency", "organization", ["CIA"])],
           "b": [ent("e3", "Arizona", "place", article="b"), ent("e4", "CIA", "organization", article="b")],
           "c": [ent("e1", "Arizona", "organization", article="c")]}
    entities = resolve_entities(per)
    places = [e for e in entities if e.kind == "place"]
    assert len(places) == 1 and places[0].articles == ["a", "b"]
    cia = find(entities, "Central Intelligence Agency")
    assert cia.articles == ["a", "b"]


def test_ids_are_content_derived_and_order_free():
    per = {"a": [ent("e1", "Ana Ruiz"), ent("e2", "Lima", "place")], "b": [ent("e9", "Ana Ruiz", article="b")]}
    first = {e.name: e.id for e in resolve_entities(per)}
    again = {e.name: e.id for e in resolve_entities(dict(reversed(list(per.items()))))}
    assert first == again


def test_a_nickname_tagged_as_a_group_joins_the_one_person_who_carries_it():
    from fuentes.corpus.entity_resolution import resolve_with_merges
    from fuentes.model import Entity

    person = Entity(id="e1", name="Rodrigo Salas Ibarra", kind="person",
                    aliases=["Rodrigo Salas Ibarra", "El Halcón", "Salas"])
    mislabelled = Entity(id="e4", name="El Halcón", kind="organization", aliases=["El Halcón"])
    other_group = Entity(id="e5", name="Cártel del Golfo Sur", kind="organization")
    resolved, merges = resolve_with_merges({"art_a": [person], "art_b": [mislabelled, other_group]})
    halcon = [e for e in resolved if "El Halcón" in e.aliases]
    assert len(halcon) == 1 and halcon[0].kind == "person"
    assert set(halcon[0].merged_from) == {"art_a#e1", "art_b#e4"}
    assert any("tagged organization" in m.reason for m in merges)
    assert any(e.name == "Cártel del Golfo Sur" for e in resolved)



def test_a_legal_form_does_not_keep_one_company_apart_and_the_most_used_form_names_it():
    per = {
        "a": [ent("e1", "Apple Computer", "organization", ["Apple"])],
        "b": [ent("e1", "Apple Inc.", "organization", ["Apple"], article="b")],
        "c": [ent("e1", "Apple", "organization", article="c")],
        "d": [ent("e1", "Apple", "organization", article="d")],
        "e": [ent("e1", "Apple Corps", "organization", ["Apple"], article="e")],
    }
    entities = resolve_entities(per)
    apple = find(entities, "Apple")
    assert set(apple.articles) == {"a", "b", "c", "d"}  # Apple Corps (the Beatles' label) stays apart
    assert find(entities, "Apple Corps").articles == ["e"]


def test_english_and_spanish_names_of_one_city_are_one_place():
    per = {"a": [ent("e1", "Singapore", "place")], "b": [ent("e1", "Singapur", "place", article="b")],
           "c": [ent("e1", "Sydney", "place", article="c")], "d": [ent("e1", "Sídney", "place", article="d")]}
    entities = resolve_entities(per)
    assert len(entities) == 2 and sorted(len(e.articles) for e in entities) == [2, 2]


def test_a_place_named_in_both_languages_with_translated_generic_words_is_one():
    per = {"a": [ent("e1", "Changi International Airport", "place")],
           "b": [ent("e1", "Aeropuerto Internacional Changi", "place", article="b")],
           "c": [ent("e1", "Banco Central", "organization", article="c")],
           "d": [ent("e1", "Central Bank", "organization", article="d")]}
    entities = resolve_entities(per)
    changi = [e for e in entities if "Changi" in e.name]
    assert len(changi) == 1 and sorted(changi[0].articles) == ["a", "b"]
    assert len(entities) == 3  # generic words alone ("Banco Central") join nothing


def test_one_article_calling_a_company_a_person_does_not_make_it_one():
    per = {art: [ent("e1", "Northrop Grumman", "organization", article=art)] for art in "abcd"}
    per["e"] = [ent("e1", "Northrop Grumman", "person", article="e")]
    entities = resolve_entities(per)
    assert len(entities) == 1 and entities[0].kind == "organization"
    per = {"a": [ent("e1", "Bernie Sanders")], "b": [ent("e1", "Sanders", "organization", article="b")]}
    assert [e.kind for e in resolve_entities(per)] == ["person"]


def test_the_canonical_name_is_the_whole_name_never_its_generic_head_alone():
    per = {
        "a": [ent("e1", "Islamic State", "organization", ["ISIS", "State"])],
        "b": [ent("e1", "State", "organization", ["ISIS"], article="b")],
        "c": [ent("e1", "State", "organization", ["ISIL", "Islamic State"], article="c")],
        "d": [ent("e1", "Estado", "organization", ["Estado Islámico"], article="d")],
        "e": [ent("e1", "Estado", "organization", ["Estado Islámico", "EI"], article="e")],
        "f": [ent("e1", "Estado Islámico", "organization", article="f")],
    }
    names = {e.name for e in resolve_entities(per)}
    assert "State" not in names and "Estado" not in names, names
    assert "Islamic State" in names or "Estado Islámico" in names, names


def test_a_last_word_alone_never_names_the_group_while_the_whole_name_is_there():
    per = {"a": [ent("e1", "Pemex", "organization")], "b": [ent("e1", "Pemex", "organization", article="b")],
           "c": [ent("e1", "Petróleos Mexicanos", "organization", ["Pemex"], article="c")],
           "d": [ent("e1", "Times", "organization", article="d")],
           "e": [ent("e1", "Times", "organization", article="e")],
           "f": [ent("e1", "New York Times", "organization", ["Times"], article="f")]}
    names = {e.name for e in resolve_entities(per)}
    assert "New York Times" in names and "Times" not in names, names
